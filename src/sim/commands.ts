// Every input to a game is a command, and every command says who issued it: a seat (played by a person or by
// the computer) or the facilitator. Commands from outside (a save, a file, a socket) are parsed here, field by
// field, before the engine sees them; what does not parse is refused like any other command.
import { z } from 'zod';
import { cleanText, isVisible } from './free-text.ts';
import {
  MAX_ADDRESSEES,
  MAX_DECISION_REASON_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_REASON_CHARS,
  MAX_RULING_ARGUMENT_CHARS,
  MAX_RULING_TEXT_CHARS,
  MAX_STATEMENT_CHARS,
} from './limits.ts';
import type { RefusalSaid } from './refusal-keys.ts';
import type { Holder, TalkLevel } from './state.ts';

export type Issuer = { seat: string; as: 'person' | 'computer' } | { facilitator: true };

export type Command =
  | { type: 'seat.set'; actor: string; holder: Holder }
  | { type: 'game.start' }
  /** `reason`: one or two sentences a team gives with its decision, for the log and the report. */
  | {
      type: 'decision.submit';
      actor: string;
      option: string;
      turn?: number | undefined;
      reason?: string | undefined;
    }
  | { type: 'decision.withdraw'; actor: string; turn?: number | undefined }
  /**
   * A team's proposal at its seat: the option its members would confirm, shown to that seat only; null clears it.
   * It changes nothing in the world: confirming it is a `decision.submit` of the proposed option.
   */
  | { type: 'proposal.set'; actor: string; option: string | null; turn?: number | undefined }
  /**
   * `now`: the facilitator's "Resolve now": the seats still deciding first get what the clock would give them
   * (as `deadline.expire`), then the turn resolves: one command, one click.
   */
  | { type: 'turn.resolve'; turn?: number | undefined; now?: true | undefined }
  | { type: 'game.pause' }
  | { type: 'game.resume' }
  | {
      type: 'deadline.set';
      seconds: number | null;
      onExpiry: 'computer' | 'default';
      defaults?: Record<string, string> | undefined;
    }
  | { type: 'deadline.expire'; turn?: number | undefined }
  | { type: 'inject.fire'; event: string; at: 'now' | 'next-resolution' }
  | { type: 'indicator.override'; indicator: string; value: number; reason: string }
  | { type: 'game.end' }
  | TalkCommand
  | AgreementCommand
  | RulingCommand;

/** Proposals of the scenario's agreements between seats, and their answers (src/sim/agreements.ts). */
export type AgreementCommand =
  | { type: 'agreement.propose'; actor: string; to: string; agreement: string }
  /** `n`: the proposal's number; `reason`: one or two sentences, shown to the parties and in the debrief. */
  | { type: 'agreement.answer'; actor: string; n: number; accept: boolean; reason?: string | undefined }
  | { type: 'agreement.withdraw'; actor: string; n: number };

/** A seat's request for a ruling on an act no option covers, and the facilitator's ruling (src/sim/rulings.ts). */
export type RulingCommand =
  | { type: 'ruling.request'; actor: string; text: string; argument: string }
  /**
   * `effect`: one of the scenario's `rulingEffects` (allowed and rolled); `odds`: the chance of success of a roll,
   * above 0 and below 1, drawn from the game's seed.
   */
  | {
      type: 'ruling.give';
      n: number;
      verdict: 'allowed' | 'refused' | 'rolled';
      effect?: string | undefined;
      reason: string;
      odds?: number | undefined;
    };

/** What seats say, and the facilitator's rule over it (src/sim/talk.ts). */
export type TalkCommand =
  /** `to` absent: to the public; otherwise openly to the named actors. */
  /** `claim`: one of the scenario's `statementClaims` of this speaker, which the statement asserts. */
  | {
      type: 'statement.publish';
      actor: string;
      text: string;
      to?: string[] | undefined;
      claim?: string | undefined;
    }
  | { type: 'message.send'; actor: string; to: string[]; text: string }
  | { type: 'talk.set'; level: TalkLevel; approve: boolean }
  | { type: 'statement.approve'; n: number }
  | { type: 'said.hide'; n: number; reason: string };

export type CommandType = Command['type'];

/** A command as the record keeps it: what was asked and who asked. */
export interface Entry {
  by: Issuer;
  command: Command;
}

export type RefusalCode =
  | 'malformed'
  | 'not-allowed'
  | 'not-your-seat'
  | 'unknown'
  | 'wrong-phase'
  | 'paused'
  | 'stale'
  | 'not-offered'
  | 'not-ready'
  | 'already-fired'
  | 'out-of-range'
  /** The decision is the one the seat has already made: nothing to record (a room answers it as done). */
  | 'unchanged'
  /** The seat has changed its decision too often this turn. */
  | 'too-many';

/**
 * A command the engine will not take: a stable code for programs, one English sentence for logs and the command
 * line, and the same as data (a key and what it names) for the screens to say in the viewer's language. Nothing
 * changed.
 */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
  said: RefusalSaid;
}

/** Printable ASCII only: a sentence that needs no cleaning, as nearly all are. */
const PLAIN = /^[\x20-\x7e]*$/;
/** A refusal's sentence names a few ids at most (each at most 100 characters, by the schema below). */
const MAX_REFUSAL_CHARS = 600;

export function refusal(code: RefusalCode, message: string, said: RefusalSaid): Refusal {
  // A sentence may name what a client sent (an actor, an addressee: ids of its choosing). It is kept to one line of
  // what can be seen, as typed text is (free-text.ts): no line break, control or direction-changing character. The
  // parameters of `said` are kept the same way (cleanSaid).
  const sentence = PLAIN.test(message) ? message : cleanText(message, MAX_REFUSAL_CHARS);
  return { ok: false, code, message: sentence, said: cleanSaid(said) };
}

/** The parameters as the sentence is: each text one line of what can be seen (they are ids a client may have sent). */
function cleanSaid(said: RefusalSaid): RefusalSaid {
  const clean = (text: string) => (PLAIN.test(text) ? text : cleanText(text, MAX_REFUSAL_CHARS));
  let params: Record<string, string | number | readonly string[]> | null = null;
  for (const [name, value] of Object.entries(said.params)) {
    const kept =
      typeof value === 'string' ? clean(value) : typeof value === 'number' ? value : value.map(clean);
    if (kept === value || (Array.isArray(kept) && kept.every((x, i) => x === (value as string[])[i])))
      continue;
    params ??= { ...said.params };
    params[name] = kept;
  }
  return params ? { key: said.key, params } : said;
}

/** Who issued a command, as a refusal's parameters: `by` and, for a seat, `bySeat` (see describeIssuer). */
export function issuerParams(by: Issuer): { by: 'facilitator' | 'person' | 'computer'; bySeat?: string } {
  return 'facilitator' in by ? { by: 'facilitator' } : { by: by.as, bySeat: by.seat };
}

/**
 * The schemas are built on first use (z.lazy), not when the engine's chunk is evaluated: a solo game's commands are
 * made by the page itself and none is parsed, and building some fifty schemas took the main thread on the way to New
 * game (issue 18). What they accept, and every refusal, is the same.
 */
function buildCommandSchemas() {
  // Ids are bounded so that a hostile message cannot make the engine hold or echo megabytes.
  const id = z.string().min(1).max(100);
  const turn = z.number().int().min(0).max(10_000).optional();
  const addressees = z.array(id).min(1).max(MAX_ADDRESSEES);
  /** The number of something said: never more than the commands a record holds. */
  const said = z.number().int().min(1).max(1_000_000);

  const issuer = z.union([
    z.strictObject({ seat: id, as: z.enum(['person', 'computer']) }),
    z.strictObject({ facilitator: z.literal(true) }),
  ]);

  const command = z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('seat.set'),
      actor: id,
      holder: z.enum(['person', 'computer', 'vacant']),
    }),
    z.strictObject({ type: z.literal('game.start') }),
    z.strictObject({
      type: z.literal('decision.submit'),
      actor: id,
      option: id,
      turn,
      reason: z.string().max(MAX_DECISION_REASON_CHARS).optional(),
    }),
    z.strictObject({ type: z.literal('decision.withdraw'), actor: id, turn }),
    z.strictObject({ type: z.literal('proposal.set'), actor: id, option: id.nullable(), turn }),
    z.strictObject({ type: z.literal('turn.resolve'), turn, now: z.literal(true).optional() }),
    z.strictObject({ type: z.literal('game.pause') }),
    z.strictObject({ type: z.literal('game.resume') }),
    z.strictObject({
      type: z.literal('deadline.set'),
      seconds: z.number().int().min(5).max(86_400).nullable(),
      onExpiry: z.enum(['computer', 'default']),
      defaults: z.record(id, id).optional(),
    }),
    z.strictObject({ type: z.literal('deadline.expire'), turn }),
    z.strictObject({ type: z.literal('inject.fire'), event: id, at: z.enum(['now', 'next-resolution']) }),
    z.strictObject({
      type: z.literal('indicator.override'),
      indicator: id,
      value: z.number().finite(),
      reason: z.string().trim().min(1).max(MAX_REASON_CHARS),
    }),
    z.strictObject({ type: z.literal('game.end') }),
    z.strictObject({
      type: z.literal('statement.publish'),
      actor: id,
      text: z.string().max(MAX_STATEMENT_CHARS),
      to: addressees.optional(),
      claim: id.optional(),
    }),
    z.strictObject({
      type: z.literal('message.send'),
      actor: id,
      to: addressees,
      text: z.string().max(MAX_MESSAGE_CHARS),
    }),
    z.strictObject({
      type: z.literal('talk.set'),
      level: z.enum(['none', 'statements', 'all']),
      approve: z.boolean(),
    }),
    z.strictObject({ type: z.literal('statement.approve'), n: said }),
    z.strictObject({
      type: z.literal('said.hide'),
      n: said,
      reason: z.string().trim().min(1).max(MAX_REASON_CHARS),
    }),
    z.strictObject({ type: z.literal('agreement.propose'), actor: id, to: id, agreement: id }),
    z.strictObject({
      type: z.literal('agreement.answer'),
      actor: id,
      n: said,
      accept: z.boolean(),
      reason: z.string().max(MAX_DECISION_REASON_CHARS).optional(),
    }),
    z.strictObject({ type: z.literal('agreement.withdraw'), actor: id, n: said }),
    z.strictObject({
      type: z.literal('ruling.request'),
      actor: id,
      text: z.string().max(MAX_RULING_TEXT_CHARS),
      argument: z.string().max(MAX_RULING_ARGUMENT_CHARS),
    }),
    z.strictObject({
      type: z.literal('ruling.give'),
      n: said,
      verdict: z.enum(['allowed', 'refused', 'rolled']),
      effect: id.optional(),
      reason: z.string().trim().min(1).max(MAX_REASON_CHARS),
      odds: z.number().gt(0).lt(1).optional(),
    }),
  ]);
  return { issuer, command, entry: z.strictObject({ by: issuer, command }) };
}

let built: ReturnType<typeof buildCommandSchemas> | undefined;
const schemas = () => {
  built ??= buildCommandSchemas();
  return built;
};

export const IssuerSchema = z.lazy(() => schemas().issuer);
export const CommandSchema = z.lazy(() => schemas().command);
export const EntrySchema = z.lazy(() => schemas().entry);

/** The first thing wrong with a parsed value, as a short phrase: "command.option: too long". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not a command';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** A command that came from outside, checked field by field; a refusal names the first field that is wrong. */
export function parseEntry(raw: unknown): Entry | Refusal {
  const parsed = EntrySchema.safeParse(raw);
  if (!parsed.success)
    return refusal('malformed', `This is not a well-formed command (${firstIssue(parsed.error)}).`, {
      key: 'command.malformed',
      params: { detail: firstIssue(parsed.error) },
    });
  return parsed.data as Entry;
}

export function describeIssuer(by: Issuer): string {
  return 'facilitator' in by
    ? 'the facilitator'
    : `the ${by.as === 'person' ? 'person' : 'computer'} at ${by.seat}`;
}

/**
 * A command as it enters the game from a person (a classroom message): its free text cleaned (free-text.ts), or a
 * refusal when nothing visible is left. Records are read as they were written; the engine cleans again what it shows.
 */
export function cleanCommand(command: Command): Command | Refusal {
  switch (command.type) {
    case 'indicator.override':
    case 'said.hide': {
      const reason = cleanText(command.reason, MAX_REASON_CHARS);
      if (!isVisible(reason)) {
        const hide = command.type === 'said.hide';
        const what = hide ? 'Hiding something said' : 'An override';
        return refusal('malformed', `${what} needs a reason with something to read.`, {
          key: hide ? 'command.hide-reason-empty' : 'command.override-reason-empty',
          params: {},
        });
      }
      return { ...command, reason };
    }
    case 'decision.submit': {
      // Too long: left as it is for the engine to refuse, in its own sentence (never cut short unseen).
      if (command.reason === undefined || command.reason.length > MAX_DECISION_REASON_CHARS) return command;
      // A reason with nothing to read is no reason: the decision goes on without one.
      const { reason: raw, ...rest } = command;
      const reason = cleanText(raw, MAX_DECISION_REASON_CHARS);
      return isVisible(reason) ? { ...rest, reason } : rest;
    }
    case 'agreement.answer': {
      if (command.reason === undefined || command.reason.length > MAX_DECISION_REASON_CHARS) return command;
      const { reason: raw, ...rest } = command;
      const reason = cleanText(raw, MAX_DECISION_REASON_CHARS);
      return isVisible(reason) ? { ...rest, reason } : rest;
    }
    case 'ruling.request': {
      if (command.text.length > MAX_RULING_TEXT_CHARS || command.argument.length > MAX_RULING_ARGUMENT_CHARS)
        return refusal('malformed', 'This request is longer than a request for a ruling may be.', {
          key: 'command.request-too-long',
          params: {},
        });
      const text = cleanText(command.text, MAX_RULING_TEXT_CHARS);
      const argument = cleanText(command.argument, MAX_RULING_ARGUMENT_CHARS);
      if (!isVisible(text) || !isVisible(argument))
        return refusal(
          'malformed',
          'A request for a ruling needs an act and an argument with something to read.',
          {
            key: 'command.request-empty',
            params: {},
          },
        );
      return { ...command, text, argument };
    }
    case 'ruling.give': {
      const reason = cleanText(command.reason, MAX_REASON_CHARS);
      if (!isVisible(reason))
        return refusal('malformed', 'A ruling needs a reason with something to read.', {
          key: 'command.ruling-reason-empty',
          params: {},
        });
      return { ...command, reason };
    }
    case 'statement.publish':
    case 'message.send': {
      const max = command.type === 'message.send' ? MAX_MESSAGE_CHARS : MAX_STATEMENT_CHARS;
      // Too long is refused, not cut: the writer should know that the end of its text would be lost.
      if (command.text.length > max)
        return refusal('malformed', `This text is longer than ${max} characters.`, {
          key: 'command.text-too-long',
          params: { max },
        });
      const text = cleanText(command.text, max);
      if (!isVisible(text))
        return refusal('malformed', 'There is nothing to read in this text.', {
          key: 'command.text-empty',
          params: {},
        });
      return { ...command, text };
    }
    default:
      return command;
  }
}
