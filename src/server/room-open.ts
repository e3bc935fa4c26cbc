// What opening a room checks before the room exists (issue 20): its options, its scenario, the game it plays on from
// and its seats. The open-room page shows the server's sentence as it comes, so each refusal is said in the language
// of the facilitator's device (its `deviceLanguage`, else the room's); the English sentence stays for the log.

import { ServerError } from '@colyseus/core';
import { type Language, t, withLanguage } from '../present/i18n/i18n.ts';
import { Lookup } from '../present/lookup.ts';
import { readProblemText } from '../present/read-problem.ts';
import { saidText } from '../present/refusal-text.ts';
import { type CreateOptions, CreateOptionsSchema } from '../session/classroom-protocol.ts';
import type { Command, Entry } from '../sim/commands.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import { applyCommand } from '../sim/engine.ts';
import { MAX_RECORD_BYTES, SEAT_RESERVE_BYTES } from '../sim/limits.ts';
import { forkAt, type GameRecord, newRecord, replay } from '../sim/record.ts';
import { restoreSave, SaveError, saveJson } from '../sim/save.ts';
import { joinLanguage } from './room-rules.ts';
import type { ScenarioLanguages } from './scenarios.ts';

/** Params: `scenario` (an id as the request gave it), `why` (a record's problem, already said in the language). */
export type OpenRefusalKey =
  | 'options-malformed'
  | 'no-scenario'
  | 'fork-too-large'
  | 'fork-unreadable'
  | 'no-code-free';

export const openRefusals: {
  readonly [key in OpenRefusalKey]: (p: Readonly<Record<string, string>>) => string;
} = {
  'options-malformed': () => t('refusal.room.open.optionsMalformed'),
  'no-scenario': (p) => t('refusal.room.open.noScenario', { scenario: p.scenario ?? '' }),
  'fork-too-large': () => t('refusal.room.open.forkTooLarge'),
  'fork-unreadable': (p) => t('refusal.room.open.forkUnreadable', { why: p.why ?? '' }),
  'no-code-free': () => t('refusal.room.open.noCodeFree'),
};

/** A refusal of opening: its status, and its sentence in `language` (the log's English sentence in English). */
export function openRefused(
  status: number,
  language: Language,
  key: OpenRefusalKey,
  params: Readonly<Record<string, string>> = {},
): ServerError {
  return new ServerError(
    status,
    withLanguage(language, () => openRefusals[key](params)),
  );
}

/** The game a new room starts from: its scenario, its record with the seats taken, and where a fork began. */
export interface Opening {
  c: CompiledScenario;
  options: CreateOptions;
  record: GameRecord;
  /** The record's length before the seats: where the room's own commands begin in a fork. */
  forkedAt: number;
  origin: GameRecord | null;
}

/** The options of a new room, checked; throws a ServerError said in the facilitator's device's language. */
export function openingOf(
  raw: unknown,
  scenarios: ReadonlyMap<string, CompiledScenario>,
  languages: ScenarioLanguages | undefined,
): Opening {
  const language = joinLanguage(raw);
  const parsed = CreateOptionsSchema.safeParse(raw);
  if (!parsed.success) throw openRefused(400, language, 'options-malformed');
  const o = parsed.data;
  const c = scenarios.get(o.scenario);
  if (!c) throw openRefused(400, language, 'no-scenario', { scenario: o.scenario });
  const origin = o.fork ? originRecord(c, o.fork.record, language) : null;
  const record = origin && o.fork ? forkAt(c, origin, o.fork.turn) : newRecord(c, o.seed);
  const forkedAt = record.entries.length;
  if (origin && Buffer.byteLength(saveJson(origin)) > MAX_RECORD_BYTES - SEAT_RESERVE_BYTES) {
    throw openRefused(400, language, 'fork-too-large');
  }
  // The seats are commands like any other: the engine takes them, or the room is not opened and the facilitator
  // hears the engine's refusal, with the seats named as the device reads them.
  let state = replay(c, record);
  for (const [actor, holder] of Object.entries(o.seats)) {
    const entry: Entry = {
      by: { facilitator: true },
      command: { type: 'seat.set', actor, holder } as Command,
    };
    const result = applyCommand(c, state, entry);
    if (!result.ok) {
      const names = languages?.get(c.scenario.meta.id)?.get(language)?.lookup ?? new Lookup(c.scenario);
      throw new ServerError(
        400,
        withLanguage(language, () => saidText(result.said, names)),
      );
    }
    state = result.state;
    record.entries.push(entry);
  }
  return { c, options: o, record, forkedAt, origin };
}

/** What if, as a room: the record a room plays on from, read and replayed; refused in one sentence. */
function originRecord(c: CompiledScenario, json: string, language: Language): GameRecord {
  try {
    return restoreSave(json, (id) => (id === c.scenario.meta.id ? c : undefined)).record;
  } catch (e) {
    const why = (): string =>
      e instanceof SaveError ? readProblemText(e.problem) : t('refusal.room.open.notRecord');
    throw openRefused(400, language, 'fork-unreadable', { why: withLanguage(language, why) });
  }
}
