// Saves of format version 2 (before a game was its record) hold the seed, the seats, the decision log of every
// resolved turn and a persisted actor system. The log and seats are enough to write the game's record: this
// carries such a save over, checks its seal, and checks that the record rebuilds the world the save held.
// A save from an earlier edition of the scenario (its digest differs: texts were corrected, data added for the
// screens) is carried over when its decisions still lead to exactly the world it holds, so that a player's game
// survives an update that did not change its rules; where they do not, it is refused as another edition.
import { z } from 'zod';
import type { Entry, Issuer } from './commands.ts';
import type { CompiledScenario } from './compile.ts';
import { hashText } from './hash-text.ts';
import { MAX_RECORD_ENTRIES } from './limits.ts';
import { damagedAt, type ReadProblem } from './read-problem.ts';
import { type GameRecord, newRecord, RecordError, replay } from './record.ts';
import { sameJson } from './same-json.ts';
import type { GameState, Holder } from './state.ts';

export const V2_FORMAT = 'crisis-table/save';

// Built on first use, as the record's schemas are (record.ts): a solo game that reads no old save builds none of it
// on its way to New game (issue 18).
let schema: ReturnType<typeof buildV2Schema> | null = null;
const v2Schema = () => (schema ??= buildV2Schema());

const buildV2Schema = () => {
  const id = z.string().min(1).max(100);
  return z.object({
    format: z.literal(V2_FORMAT),
    version: z.literal(2),
    scenario: z.object({ id, version: z.string().max(100), digest: z.string().max(16) }),
    seed: z.number().int().min(0).max(0xffffffff),
    seats: z.record(id, z.enum(['human', 'computer'])),
    checksum: z.string(),
    log: z
      .array(
        z.strictObject({
          turn: z.number().int().min(0).max(1000),
          actor: id,
          option: id,
          by: z.enum(['human', 'computer']),
        }),
      )
      .max(MAX_RECORD_ENTRIES),
    snapshot: z.object({
      context: z.object({
        world: z.object({
          turn: z.number().int().min(0),
          indicators: z.record(id, z.number()),
          facts: z.record(id, z.boolean()),
          fired: z.record(id, z.array(z.number().int())),
          outcome: z.object({ id, turn: z.number().int() }).nullable(),
        }),
      }),
    }),
  });
};

const FACILITATOR: Issuer = { facilitator: true };

export function migrateV2Save(
  doc: Record<string, unknown>,
  known: (id: string) => CompiledScenario | undefined,
): { c: CompiledScenario; record: GameRecord } {
  if (doc.version !== 2) {
    const version = JSON.stringify(doc.version) ?? 'undefined';
    throw new RecordError({ key: 'save.old-version', params: { version } });
  }
  // zod's records drop a key such as __proto__ unread, so such a save would pass for a good one: refuse it, as
  // the strict schema of a record does.
  const bad = prototypeKey(doc);
  if (bad) throw new RecordError({ key: 'save.key', params: { key: bad } });
  const parsed = v2Schema().safeParse(doc);
  if (!parsed.success) throw new RecordError(damagedAt('save.damaged', parsed.error));
  const save = parsed.data;
  // The seal of version 2 covered the log and the snapshot, as that version wrote them.
  const sealed = `"log":${JSON.stringify(doc.log)},"snapshot":${JSON.stringify(doc.snapshot)}`;
  if (hashText(sealed) !== save.checksum) throw new RecordError({ key: 'save.checksum', params: {} });
  const c = known(save.scenario.id);
  if (!c) throw new RecordError({ key: 'save.unknown-scenario', params: { scenario: save.scenario.id } });
  const sameEdition = save.scenario.digest === c.digest;
  const otherEdition: ReadProblem = {
    key: 'save.other-edition',
    params: { scenario: save.scenario.id, version: save.scenario.version },
  };
  const saved = save.snapshot.context.world;
  const record = newRecord(c, save.seed);
  const resolved = saved.outcome ? saved.outcome.turn + 1 : saved.turn;
  let world: GameState['world'];
  try {
    record.entries = entriesOf(c, save.log, saved.outcome ? null : save.seats, resolved);
    world = replay(c, record).world;
  } catch (e) {
    if (sameEdition) throw e;
    throw new RecordError(otherEdition);
  }
  const same =
    world.turn === saved.turn &&
    (world.outcome?.id ?? null) === (saved.outcome?.id ?? null) &&
    sameJson(world.indicators, saved.indicators) &&
    sameJson(world.facts, saved.facts) &&
    sameJson(world.fired, saved.fired);
  if (!same) {
    throw new RecordError(sameEdition ? { key: 'save.decisions-differ', params: {} } : otherEdition);
  }
  return { c, record };
}

/** The commands of a version-2 game: its seats as each decision found them, each resolved turn's decisions. */
function entriesOf(
  c: CompiledScenario,
  log: readonly { turn: number; actor: string; option: string; by: 'human' | 'computer' }[],
  /** The seats when it was saved, for a game still going on; null for one that has ended. */
  finalSeats: Record<string, 'human' | 'computer'> | null,
  resolvedTurns: number,
): Entry[] {
  const entries: Entry[] = [];
  const seats = new Map<string, Holder>(c.playableIds.map((a) => [a, 'computer']));
  const seat = (actor: string, holder: Holder) => {
    if (!seats.has(actor) || seats.get(actor) === holder) return;
    seats.set(actor, holder);
    entries.push({ by: FACILITATOR, command: { type: 'seat.set', actor, holder } });
  };
  const holderOf = (by: 'human' | 'computer'): Holder => (by === 'human' ? 'person' : 'computer');
  for (const actor of c.playableIds) {
    const first = log.find((d) => d.actor === actor);
    const by = first?.by ?? finalSeats?.[actor];
    if (by) seat(actor, holderOf(by));
  }
  entries.push({ by: FACILITATOR, command: { type: 'game.start' } });
  let next = 0;
  for (let turn = 0; turn < resolvedTurns; turn++) {
    for (; next < log.length && log[next]!.turn === turn; next++) {
      const d = log[next]!;
      const as = holderOf(d.by) as 'person' | 'computer';
      seat(d.actor, as);
      entries.push({
        by: { seat: d.actor, as },
        command: { type: 'decision.submit', actor: d.actor, option: d.option },
      });
    }
    entries.push({ by: FACILITATOR, command: { type: 'turn.resolve' } });
  }
  if (next < log.length) throw new RecordError({ key: 'save.log-past', params: {} });
  for (const actor of c.playableIds) {
    const by = finalSeats?.[actor];
    if (by) seat(actor, holderOf(by));
  }
  return entries;
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first key anywhere in parsed JSON that names a prototype, or null. Iterative: depth cannot overflow. */
function prototypeKey(doc: unknown): string | null {
  const todo: unknown[] = [doc];
  while (todo.length > 0) {
    const x = todo.pop();
    if (typeof x !== 'object' || x === null) continue;
    if (Array.isArray(x)) {
      todo.push(...x);
      continue;
    }
    for (const k of Object.keys(x)) {
      if (PROTOTYPE_KEYS.has(k)) return k;
      todo.push((x as Record<string, unknown>)[k]);
    }
  }
  return null;
}
