// Every input to a game is a command, and every command says who issued it: a seat (played by a person or by
// the computer) or the facilitator. Commands from outside (a save, a file, a socket) are parsed here, field by
// field, before the engine sees them; what does not parse is refused like any other command.
import { z } from 'zod';
import { cleanText, isVisible } from './free-text.ts';
import { MAX_REASON_CHARS } from './limits.ts';
import type { Holder } from './state.ts';

export type Issuer = { seat: string; as: 'person' | 'computer' } | { facilitator: true };

export type Command =
  | { type: 'seat.set'; actor: string; holder: Holder }
  | { type: 'game.start' }
  | { type: 'decision.submit'; actor: string; option: string; turn?: number | undefined }
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
  | { type: 'game.end' };

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

/** A command the engine will not take: a stable code for programs, one sentence for people. Nothing changed. */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
}

export function refusal(code: RefusalCode, message: string): Refusal {
  return { ok: false, code, message };
}

// Ids are bounded so that a hostile message cannot make the engine hold or echo megabytes.
const id = z.string().min(1).max(100);
const turn = z.number().int().min(0).max(10_000).optional();

export const IssuerSchema = z.union([
  z.strictObject({ seat: id, as: z.enum(['person', 'computer']) }),
  z.strictObject({ facilitator: z.literal(true) }),
]);

export const CommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('seat.set'),
    actor: id,
    holder: z.enum(['person', 'computer', 'vacant']),
  }),
  z.strictObject({ type: z.literal('game.start') }),
  z.strictObject({ type: z.literal('decision.submit'), actor: id, option: id, turn }),
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
]);

export const EntrySchema = z.strictObject({ by: IssuerSchema, command: CommandSchema });

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
    return refusal('malformed', `This is not a well-formed command (${firstIssue(parsed.error)}).`);
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
  if (command.type !== 'indicator.override') return command;
  const reason = cleanText(command.reason, MAX_REASON_CHARS);
  if (!isVisible(reason)) return refusal('malformed', 'An override needs a reason with something to read.');
  return { ...command, reason };
}
