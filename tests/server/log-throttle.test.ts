// An anonymous client cannot fill the server's log: one line a minute per kind, and a count of those held back.
import { describe, expect, it } from 'vitest';
import { kindOf, throttled } from '../../src/server/log-throttle.ts';

describe('the server log', () => {
  it('writes a kind of line once a minute, then says how many it held back', () => {
    let now = 0;
    const lines: string[] = [];
    const log = throttled(
      (l) => lines.push(l),
      () => now,
    );
    for (let i = 0; i < 300; i++) {
      now = i * 100; // 300 bad tokens in 30 s
      log(`colyseus info: reconnection token tok${i}abc invalid or expired`);
    }
    log('colyseus warn: a room was disposed');
    expect(lines).toHaveLength(2);
    now = 61_000;
    log('colyseus info: reconnection token zzz999 invalid or expired');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/\(and 299 more like it/);
  });

  it('takes codes, numbers and quoted words out of a kind, and keeps the words', () => {
    expect(kindOf('room ABC123: token "x y" at 10.0.0.1')).toBe(kindOf('room QQQ999: token "z" at 10.9.9.9'));
    expect(kindOf('a room was disposed')).not.toBe(kindOf('a room was created'));
  });
});
