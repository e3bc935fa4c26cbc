// What crosses the wire between the classroom server and its clients, checked field by field before anything
// reads it. Every payload from a client is hostile until it parses: bounded strings, strict objects, no extra keys.
import { z } from 'zod';
import { CommandSchema } from '../sim/commands.ts';

/** What a classroom device may ask of the engine: views send commands (the room says who issued them). */
export type { Command } from '../sim/commands.ts';

/** A join code: four letters, without the ones a class misreads on a projector (I, O). */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CodeSchema = z.string().regex(/^[A-HJ-NP-Z]{4}$/);

const id = z.string().min(1).max(100);
/** A secret a browser keeps: the facilitator's key, a device's token. */
const secret = z.string().min(16).max(128);
const name = z.string().trim().min(1).max(40);

export const CreateOptionsSchema = z.strictObject({
  role: z.literal('facilitator'),
  scenario: id,
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  seats: z.record(id, z.enum(['person', 'computer', 'vacant'])),
  /** Resolve a turn as soon as every seat has decided; otherwise the facilitator resolves it. */
  autoResolve: z.boolean().default(true),
  key: secret,
  /**
   * What if, as a room: the game of another record (a room's, a file's) up to the moment turn `turn` opened, to play
   * on from there with these seats. The room's seed is that record's.
   */
  fork: z
    .strictObject({ record: z.string().min(2).max(2_000_000), turn: z.number().int().min(0).max(1000) })
    .optional(),
});
export type CreateOptions = z.output<typeof CreateOptionsSchema>;

export const JoinOptionsSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('facilitator'), key: secret }),
  z.strictObject({
    role: z.literal('student'),
    /** The seat to take now; without one the student chooses from the open seats. */
    seat: id.optional(),
    /** The token this device was given when it first joined: it brings the device back to its seat. */
    token: secret.optional(),
    name: name.optional(),
  }),
  z.strictObject({ role: z.literal('projector') }),
]);
export type JoinOptions = z.output<typeof JoinOptionsSchema>;

/** A command from a client; who issued it is never the client's to say: the room fills it in. */
export const CommandMessageSchema = z.strictObject({ command: CommandSchema });

export const ProposalMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('set'), option: id }),
  z.strictObject({ kind: z.literal('confirm') }),
  z.strictObject({ kind: z.literal('withdraw') }),
]);

export const SeatMessageSchema = z.strictObject({ seat: id });

/** The answer to every request: accepted (with the record's length), or refused with a code and one sentence. */
export type Reply = { ok: true; accepted: number } | { ok: false; code: string; message: string };

/** What the room tells a client once it is in: who it is here, and what to keep to come back. */
export interface Welcome {
  code: string;
  role: 'facilitator' | 'student' | 'projector';
  seat: string | null;
  /** A student device's token, to keep in session storage. */
  token: string | null;
}
