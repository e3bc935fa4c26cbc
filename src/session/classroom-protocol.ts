// What crosses the wire between the classroom server and its clients, checked field by field before anything
// reads it. Every payload from a client is hostile until it parses: bounded strings, strict objects, no extra keys.
import { z } from 'zod';
import { CommandSchema } from '../sim/commands.ts';
import { cleanText, isVisible } from '../sim/free-text.ts';
import { MAX_DECISION_REASON_CHARS, MAX_FORK_RECORD_CHARS, MAX_NAME_CHARS } from '../sim/limits.ts';
import { BASE_ID } from './base-texts.ts';

/** What a classroom device may ask of the engine: views send commands (the room says who issued them). */
export type { Command } from '../sim/commands.ts';

/** The letters of a code, without the ones a class misreads on a projector (I, O). */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/**
 * A room's join code: six letters (24⁶, about 190 million), typed on a phone in a few seconds, too many to sweep
 * through while a class runs.
 */
export const CODE_LENGTH = 6;
export const CodeSchema = z.string().regex(/^[A-HJ-NP-Z]{6}$/);
/**
 * A seat's code: eight letters the console shows each team (and puts in the team's link). With it a device takes its
 * team's seat; without it, it waits in the lobby for the facilitator.
 */
export const SEAT_CODE_LENGTH = 8;
export const SeatCodeSchema = z.string().regex(/^[A-HJ-NP-Z]{8}$/, 'A seat code is eight letters.');

/** A code as a person typed it: capitals, without spaces or dashes. */
export function typedCode(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

const id = z.string().min(1).max(100);
/** A secret a browser keeps: the facilitator's key, a device's token. */
const secret = z.string().min(16).max(128);
/** A display name, cleaned where it enters (free-text.ts); one with nothing visible left is no name. */
const name = z
  .string()
  .max(MAX_NAME_CHARS * 4)
  .transform((raw) => {
    const text = cleanText(raw, MAX_NAME_CHARS);
    return isVisible(text) ? text : undefined;
  });

/**
 * The languages a device may read a room in: src/present/i18n/i18n.ts LANGUAGES (the session layer does not import
 * the presenters; src/server/classroom.room.ts checks at compile time that the two lists are the same).
 */
export const ROOM_LANGUAGES = ['en', 'ar-IQ'] as const;
const language = z.enum(ROOM_LANGUAGES);
/** The id of a scenario's texts in a language (base-texts.ts). */
const BaseIdSchema = z.string().max(120).regex(BASE_ID);

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
   * The room's language: the projector's. The facilitator's own device reads the console in `deviceLanguage`
   * (its device's language), which may differ.
   */
  language: language.default('en'),
  deviceLanguage: language.optional(),
  /**
   * What if, as a room: the game of another record (a room's, a file's) up to the moment turn `turn` opened, to play
   * on from there with these seats. The room's seed is that record's.
   */
  fork: z
    .strictObject({
      record: z.string().min(2).max(MAX_FORK_RECORD_CHARS),
      turn: z.number().int().min(0).max(1000),
    })
    .optional(),
});
export type CreateOptions = z.output<typeof CreateOptionsSchema>;

export const JoinOptionsSchema = z.discriminatedUnion('role', [
  z.strictObject({
    role: z.literal('facilitator'),
    key: secret,
    language: language.optional(),
    texts: BaseIdSchema.optional(),
  }),
  z.strictObject({
    role: z.literal('student'),
    /**
     * The seat to take now. With its seat code the device takes it; without, it waits in the lobby for the
     * facilitator to admit it. Without either, the student chooses in the lobby.
     */
    seat: id.optional(),
    /** The seat's code, from the team's link or the console: it names the seat by itself. */
    seatCode: SeatCodeSchema.optional(),
    /** The token this device was given when it first joined: it brings the device back to its seat. */
    token: secret.optional(),
    name: name.optional(),
    /** The language this device reads: the room builds its seat's view in it (English when not said). */
    language: language.optional(),
    /** The scenario's texts this device holds (base-texts.ts): its views are numbered after them. */
    texts: BaseIdSchema.optional(),
  }),
  z.strictObject({ role: z.literal('projector'), texts: BaseIdSchema.optional() }),
]);
export type JoinOptions = z.output<typeof JoinOptionsSchema>;

/** A device says which of the scenario's texts it holds (base-texts.ts): its views are then numbered after them. */
export const TextsMessageSchema = z.strictObject({ base: BaseIdSchema });

/** A command from a client; who issued it is never the client's to say: the room fills it in. */
export const CommandMessageSchema = z.strictObject({ command: CommandSchema });

export const ProposalMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('set'), option: id }),
  /** `reason`: the team's one or two sentences with its decision, kept with it in the record. */
  z.strictObject({
    kind: z.literal('confirm'),
    reason: z.string().max(MAX_DECISION_REASON_CHARS).optional(),
  }),
  z.strictObject({ kind: z.literal('withdraw') }),
]);

/** A device asks for a seat: with its code it takes it, without it waits for the facilitator to admit it. */
export const SeatMessageSchema = z.union([
  z.strictObject({ seat: id, seatCode: SeatCodeSchema.optional() }),
  z.strictObject({ seatCode: SeatCodeSchema }),
]);

/**
 * The facilitator manages the room's devices (room state, not the game's: none of it is in the record): admit a
 * device waiting in the lobby to the seat it asked for, remove a device (its token is revoked), lock a seat once
 * its team is complete (no new device takes it, with a code or without), mute a device (its statements and
 * messages are refused; its team's seat still speaks from the team's other devices).
 */
export const DeviceMessageSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('admit'), device: id }),
  z.strictObject({ action: z.literal('remove'), device: id }),
  z.strictObject({ action: z.literal('lock'), seat: id, locked: z.boolean() }),
  z.strictObject({ action: z.literal('mute'), device: id, muted: z.boolean() }),
]);
export type DeviceMessage = z.output<typeof DeviceMessageSchema>;

/** The answer to every request: accepted (with the record's length), or refused with a code and one sentence. */
export type Reply = { ok: true; accepted: number } | { ok: false; code: string; message: string };

/** What the room tells a client once it is in: who it is here, and what to keep to come back. */
export interface Welcome {
  code: string;
  role: 'facilitator' | 'student' | 'projector';
  seat: string | null;
  /** A student device's token, to keep in session storage. */
  token: string | null;
  /** The language the device's views are built in: the one it asked for, the room's for the projector. */
  language: (typeof ROOM_LANGUAGES)[number];
  /** Set when the room has stopped because the server cannot save it: why, in one sentence (also sent as 'halted'). */
  halted?: string;
  /** The scenario's texts in the device's language (base-texts.ts): fetched from /api/texts/ID, then said held. */
  texts?: string;
}
