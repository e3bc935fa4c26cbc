// The bounds a record shares between the server and its readers (limits.ts), the engine's rules that keep a seat
// from flooding the record (a repeated decision is not a new command; a seat's changes per turn are capped), the
// cleaning of free text (free-text.ts), and a version-2 save's prototype keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayText } from '../../src/cli/replay.ts';
import { reportText } from '../../src/cli/report.ts';
import { cleanCommand, type Entry } from '../../src/sim/commands.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { applyCommand } from '../../src/sim/engine.ts';
import { cleanText, isVisible } from '../../src/sim/free-text.ts';
import {
  MAX_DECISION_CHANGES_PER_TURN,
  MAX_READ_BYTES,
  MAX_RECORD_BYTES,
  MAX_RECORD_ENTRIES,
} from '../../src/sim/limits.ts';
import { newRecord, replay } from '../../src/sim/record.ts';
import { restoreSave, saveJson } from '../../src/sim/save.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { FACILITATOR, LiveGame, submit } from '../helpers/play.ts';

const c = compileScenario(miniScenario);
const withdraw = (actor: string): Entry => ({
  by: { seat: actor, as: 'person' },
  command: { type: 'decision.withdraw', actor },
});

describe('a seat cannot flood the record', () => {
  it('refuses the decision a seat has already made as unchanged, and the record does not grow', () => {
    const game = new LiveGame(c, 3).start(['gov', 'militia']);
    const [a, b] = game.state.offers.gov!.options;
    expect(game.run(submit('gov', a!))).toBe(true);
    const length = game.record.entries.length;
    const again = applyCommand(c, game.state, submit('gov', a!));
    expect(again).toMatchObject({ ok: false, code: 'unchanged' });
    expect(game.record.entries.length).toBe(length);
    // Another option, or the same one by another hand, is a change.
    expect(game.run(submit('gov', b!))).toBe(true);
    expect(game.run(submit('gov', a!))).toBe(true);
  });

  it('reads a record written before: a repeated decision in it was accepted and changed nothing', () => {
    const game = new LiveGame(c, 3).start(['gov', 'militia']);
    const option = game.state.offers.gov!.options[0]!;
    game.run(submit('gov', option));
    const old = { ...game.record, entries: [...game.record.entries, submit('gov', option)] };
    const state = replay(c, old);
    expect(state.pending.gov).toEqual(game.state.pending.gov);
    expect(state.accepted).toBe(old.entries.length);
  });

  it(`refuses a seat's change of decision past ${MAX_DECISION_CHANGES_PER_TURN} in a turn, in one sentence, until the next turn`, () => {
    const game = new LiveGame(c, 3).start(['gov', 'militia']);
    const [a, b] = game.state.offers.gov!.options;
    for (let i = 0; i < MAX_DECISION_CHANGES_PER_TURN; i++) {
      const entry = i % 3 === 2 ? withdraw('gov') : submit('gov', i % 2 ? b! : a!);
      if (!game.run(entry)) game.run(submit('gov', a!));
    }
    const sent = game.state.changes.gov!;
    expect(sent).toBe(MAX_DECISION_CHANGES_PER_TURN);
    const refused = applyCommand(
      c,
      game.state,
      submit('gov', game.state.pending.gov?.option === a ? b! : a!),
    );
    expect(refused).toMatchObject({ ok: false, code: 'too-many' });
    expect(refused.ok ? '' : refused.message).toMatch(/^[^\n]+\.$/);
    expect(applyCommand(c, game.state, withdraw('gov'))).toMatchObject({ ok: false, code: 'too-many' });
    // The other seat is not held back, and the record replays to the same state.
    expect(game.run(submit('militia', game.state.offers.militia!.options[0]!))).toBe(true);
    expect(replay(c, game.record)).toEqual(game.state);
    // The next turn opens with a fresh allowance.
    if (!game.state.pending.gov) game.run(submit('gov', a!));
    expect(game.run({ by: FACILITATOR, command: { type: 'turn.resolve' } })).toBe(true);
    expect(game.state.changes).toEqual({});
  });
});

describe('free text', () => {
  it('removes controls, zero-width and bidi characters; NFC; one space; trimmed; bounded', () => {
    expect(cleanText('\u202Eevil.exe\u202C Bob', 40)).toBe('evil.exe Bob');
    expect(cleanText('a\u0007b\u001bc\u0000d', 40)).toBe('abcd');
    expect(cleanText('\u200B\u200B\u200B', 40)).toBe('');
    expect(isVisible(cleanText('\u200B\u200B\u200B', 40))).toBe(false);
    expect(cleanText('  Cafe\u0301 \n\t au  lait ', 40)).toBe('Café au lait');
    expect(cleanText('x'.repeat(50), 40)).toBe('x'.repeat(40));
    expect(cleanText(`${'x'.repeat(39)}😀`, 40)).toBe('x'.repeat(39));
  });

  it('gives text with no invisible character, within its bound, the same when cleaned again', () => {
    const ranges = [
      [0x00, 0x1f],
      [0x7f, 0x9f],
      [0xad, 0xad],
      [0x61c, 0x61c],
      [0x200b, 0x200f],
      [0x202a, 0x202e],
      [0x2060, 0x2069],
      [0xfeff, 0xfeff],
    ];
    const bad = {
      test: (t: string) =>
        [...t].some((ch) => ranges.some(([a, b]) => ch.codePointAt(0)! >= a! && ch.codePointAt(0)! <= b!)),
    };
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.integer({ min: 1, max: 80 }),
        (raw, max) => {
          const text = cleanText(raw, max);
          expect(text.length).toBeLessThanOrEqual(max);
          expect(bad.test(text)).toBe(false);
          expect(text).toBe(text.trim());
          expect(/\s\s/.test(text)).toBe(false);
          expect(text.normalize('NFC')).toBe(text);
          expect(cleanText(text, max)).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("cleans an override's reason as it enters, and refuses one with nothing to read", () => {
    const command = {
      type: 'indicator.override' as const,
      indicator: 'order',
      value: 5,
      reason: '\u202Ebad\u202C',
    };
    expect(cleanCommand(command)).toEqual({ ...command, reason: 'bad' });
    expect(cleanCommand({ ...command, reason: '\u200B' })).toMatchObject({ ok: false, code: 'malformed' });
  });
});

describe('a version-2 save', () => {
  it('is refused with a __proto__ key, as a record is', () => {
    const doc = `{"format":"crisis-table/save","version":2,"scenario":{"id":"mini","version":"1","digest":"x"},"seed":1,"seats":{},"checksum":"x","log":[],"snapshot":{"context":{"world":{"turn":0,"indicators":{"__proto__":{"a":1},"order":5},"facts":{},"fired":{},"outcome":null}}}}`;
    expect(() => restoreSave(doc, () => c)).toThrow(/__proto__/);
  });
});

describe('the biggest record the server allows', () => {
  it(`of ${MAX_RECORD_ENTRIES.toLocaleString('en')} commands is read by replay, and its JSON report too`, async () => {
    const b = await bundledScenario();
    const record = newRecord(b, 3);
    record.entries.push({ by: FACILITATOR, command: { type: 'game.start' } });
    while (record.entries.length < MAX_RECORD_ENTRIES) {
      const paused = record.entries.length % 2 === 1;
      record.entries.push({ by: FACILITATOR, command: { type: paused ? 'game.pause' : 'game.resume' } });
    }
    await roundTrip(saveJson(record), MAX_RECORD_ENTRIES);
  });

  it(`of ${MAX_RECORD_BYTES.toLocaleString('en')} bytes is read by replay, and its JSON report too`, async () => {
    const b = await bundledScenario();
    const record = newRecord(b, 3);
    record.entries.push({ by: FACILITATOR, command: { type: 'game.start' } });
    // Reasons of letters two bytes long in UTF-8: the bound is in bytes, whatever the script.
    const reason = 'ж'.repeat(500);
    let bytes = Buffer.byteLength(saveJson(record));
    for (let i = 0; ; i++) {
      const entry: Entry = {
        by: FACILITATOR,
        command: { type: 'indicator.override', indicator: 'violence', value: i % 100, reason },
      };
      const more = Buffer.byteLength(JSON.stringify(entry)) + 1;
      if (bytes + more > MAX_RECORD_BYTES) break;
      record.entries.push(entry);
      bytes += more;
    }
    const json = saveJson(record);
    expect(Buffer.byteLength(json)).toBe(bytes);
    expect(bytes).toBeGreaterThan(MAX_RECORD_BYTES - 2_000);
    // Without its checksum (a record read elsewhere), the export adds one and is still read.
    const { checksum: _, ...bare } = JSON.parse(json) as Record<string, unknown>;
    await roundTrip(JSON.stringify(bare), record.entries.length);
  }, 60_000);
});

async function roundTrip(json: string, entries: number): Promise<void> {
  expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_RECORD_BYTES);
  expect((await replayText(json, 'big.json')).commands).toBe(entries);
  const exported = await reportText(json, 'big.json', 'json');
  expect(Buffer.byteLength(exported)).toBeLessThanOrEqual(MAX_READ_BYTES);
  expect((await replayText(exported, 'export.json')).commands).toBe(entries);
}

describe('a display name', () => {
  it('is cleaned where a device joins; one with nothing visible is no name', async () => {
    const { JoinOptionsSchema } = await import('../../src/session/classroom-protocol.ts');
    const name = (raw: string) =>
      (JoinOptionsSchema.parse({ role: 'student', name: raw }) as { name?: string }).name;
    expect(name('\u202Eevil.exe\u202C Bob')).toBe('evil.exe Bob');
    expect(name('a\u0007b\u001bc\u0000d')).toBe('abcd');
    expect(name('\u200B\u200B\u200B')).toBeUndefined();
    expect(name(`  ${'n'.repeat(60)}`)).toBe('n'.repeat(40));
  });
});
