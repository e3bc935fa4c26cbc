// A room no device is in is let go after a while, and comes back from its record when someone asks for it.

import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView } from '../../src/present/classroom-screens.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

let t: TestClassroom;
beforeAll(async () => {
  t = await bootClassroom(undefined, undefined, 300);
});
afterAll(async () => {
  await t.running.close();
});

describe('an idle room', () => {
  it('is let go once nobody is in it, and comes back from its record at the same command', async () => {
    const key = 'idle-facilitator-key-000001';
    const f = await t.harness.sdk.create('classroom', {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 41,
      seats: { pm: 'person' },
      autoResolve: true,
      key,
    });
    const inbox = new Inbox(f);
    await f.request('command', { command: { type: 'game.start' } });
    const before = await inbox.until<ConsoleClientView>((v) => v.view.status === 'deciding');
    await f.leave();
    await expect
      .poll(async () => (await matchMaker.query({ roomId: before.code })).length, { timeout: 30_000 })
      .toBe(0);
    expect(t.log.some((l) => l.startsWith(`room ${before.code}: let go`))).toBe(true);

    const ensured = await fetch(`http://127.0.0.1:${t.running.port}/api/rooms/${before.code}/ensure`, {
      method: 'POST',
    });
    expect(ensured.status).toBe(200);
    const again = await t.harness.sdk.joinById(before.code, { role: 'facilitator', key });
    const back = await new Inbox(again).until<ConsoleClientView>((v) => v.kind === 'console');
    expect(back.accepted).toBe(before.accepted);
    await again.leave();
  });
});
