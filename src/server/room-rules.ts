// The room's pure rules: who a joining device is (facilitator with the key, a student's seat or token, the
// projector), who issues a client's command, and how fast a client may send. Unit-tested without a network.

import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import {
  CODE_ALPHABET,
  CreateOptionsSchema,
  JoinOptionsSchema,
  type ProposalMessageSchema,
  ROOM_LANGUAGES,
  SEAT_CODE_LENGTH,
} from '../session/classroom-protocol.ts';
import type { Command, Issuer } from '../sim/commands.ts';
import type { RefusalParams, RefusalSaid } from '../sim/refusal-keys.ts';
import { type GameState, type Holder, proposalOf } from '../sim/state.ts';
import { hashSecret } from './record-store.ts';
import type { RoomRefusalKey, RoomRefusalSaid } from './room-refusals.ts';

/** The language a device reads its view in (classroom-protocol.ts ROOM_LANGUAGES). */
export type DeviceLanguage = (typeof ROOM_LANGUAGES)[number];

/** Who a device is in a room, and the language its view is built in (the projector's is the room's). */
export type Identity =
  | { role: 'facilitator'; language: DeviceLanguage }
  | { role: 'projector' }
  | {
      role: 'student';
      language: DeviceLanguage;
      seat: string | null;
      tokenHash: string | null;
      name: string | null;
      /** The seat it asked for without its code: it waits in the lobby until the facilitator admits it. */
      asking: string | null;
    };

export interface Refused {
  refused: true;
  code: string;
  /** One English sentence, for the log; the device hears `said` in its own language when there is one. */
  message: string;
  /** The engine's refusal (src/sim/refusal-keys.ts) or the room's own (room-refusals.ts), as data. */
  said?: RefusalSaid | RoomRefusalSaid;
}

/**
 * The room's own refusal: the English sentence, and the same by its key with what it names (said to the device in
 * its language). What a client sent stays one line of what can be seen, as the log keeps it.
 */
export function refuse(
  code: string,
  message: string,
  key: RoomRefusalKey,
  params: RefusalParams = {},
): Refused {
  const clean: Record<string, string | number | readonly string[]> = {};
  for (const [name, value] of Object.entries(params))
    clean[name] = typeof value === 'string' ? oneLine(value) : value;
  return { refused: true, code, message, said: { key, params: clean } };
}

/** The language a joining device asked for (a refused join is said in it), English when it named none it may. */
export function joinLanguage(options: unknown): DeviceLanguage {
  const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const asked = o.deviceLanguage ?? o.language;
  return ROOM_LANGUAGES.find((l) => l === asked) ?? 'en';
}

export interface RoomKeys {
  code: string;
  keyHash: string;
  /** Device token hash -> its seat; a removed device's token maps to REMOVED. */
  devices: ReadonlyMap<string, string | null>;
  seats: Readonly<Record<string, Holder>>;
  /** Seat -> the hash of its seat code; null in a room opened before seat codes (every seat then needs admitting). */
  seatKeys: Readonly<Record<string, string>> | null;
  locked: ReadonlySet<string>;
}

/** The one sentence for a seat code that is not one. */
export const SEAT_CODE_SHAPE = 'A seat code is eight letters (A to Z without I and O).';

/** What a removed device's token stands for in the room's devices: never a seat (actor ids start with a letter). */
export const REMOVED = '#removed';

/**
 * A seat's code, derived from the facilitator's key: the room keeps only its hash, and gives the code again to the
 * facilitator (who holds the key) after a restart. Eight letters of the code alphabet (about 36 bits).
 */
export function seatCode(key: string, roomCode: string, seat: string): string {
  const bytes = createHmac('sha256', key).update(`seat\u0000${roomCode}\u0000${seat}`).digest();
  let out = '';
  // 256 = 10 × 24 + 16: bytes of 240 and over are skipped, so every letter is equally likely.
  for (const b of bytes) {
    if (b >= 240) continue;
    out += CODE_ALPHABET[b % CODE_ALPHABET.length];
    if (out.length === SEAT_CODE_LENGTH) return out;
  }
  // 32 bytes hold fewer than eight usable ones once in about 10⁻²⁰ keys: extend with a second round.
  return (out + seatCode(`${key}+`, roomCode, seat)).slice(0, SEAT_CODE_LENGTH);
}

/** The seat a seat code opens, if any. */
export function seatOfCode(room: Pick<RoomKeys, 'seatKeys'>, code: string): string | null {
  if (!room.seatKeys) return null;
  const hash = hashSecret(code);
  for (const [seat, h] of Object.entries(room.seatKeys)) if (h === hash) return seat;
  return null;
}

/**
 * Whether a device may take `seat` with `code`: the seat is a team's, not locked, and the code is its own. Null when
 * it may; else why not.
 */
export function seatRefusal(
  room: Omit<RoomKeys, 'keyHash' | 'devices'>,
  seat: string,
  code: string | undefined,
): Refused | null {
  if (!Object.hasOwn(room.seats, seat) || room.seats[seat] !== 'person') {
    const named = seat.slice(0, 40);
    return refuse('not-your-seat', `Room ${room.code} has no team seat for ${named}.`, 'room.no-team-seat', {
      room: room.code,
      seat: named,
    });
  }
  if (room.locked.has(seat)) {
    return refuse(
      'locked',
      `The seat of ${seat} is locked: its team is complete; ask the facilitator.`,
      'room.seat-locked',
      {
        seat,
      },
    );
  }
  if (code !== undefined && seatOfCode(room, code) !== seat) {
    return refuse(
      'wrong-seat-code',
      `This seat code does not open the seat of ${seat} in room ${room.code}.`,
      'room.wrong-seat-code',
      { seat, room: room.code },
    );
  }
  return null;
}
/** A device asking to join: the options it sent, checked against the room's key, tokens and seats. */
export function parseJoin(options: unknown, room: RoomKeys): Identity | Refused {
  // The facilitator who opens a room joins it with the options it was opened with.
  const created = CreateOptionsSchema.safeParse(options);
  const parsed = created.success
    ? ({
        success: true,
        data: {
          role: 'facilitator',
          key: created.data.key,
          language: created.data.deviceLanguage ?? created.data.language,
        },
      } as const)
    : JoinOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const badSeatCode = parsed.error.issues.some((i) => i.path.includes('seatCode'));
    return badSeatCode
      ? refuse('malformed', SEAT_CODE_SHAPE, 'room.seat-code-shape')
      : refuse(
          'malformed',
          `These are not the options of a device joining room ${room.code}.`,
          'room.join-malformed',
          {
            room: room.code,
          },
        );
  }
  const o = parsed.data;
  if (o.role === 'facilitator') {
    return hashSecret(o.key) === room.keyHash
      ? { role: 'facilitator', language: o.language ?? 'en' }
      : refuse(
          'not-allowed',
          `This key does not open room ${room.code} as its facilitator.`,
          'room.wrong-key',
          {
            room: room.code,
          },
        );
  }
  if (o.role === 'projector') return { role: 'projector' };
  const name = o.name ?? null;
  const language = o.language ?? 'en';
  if (o.token !== undefined) {
    const tokenHash = hashSecret(o.token);
    const seat = room.devices.get(tokenHash);
    if (seat === REMOVED) {
      return refuse(
        'removed',
        `The facilitator removed this device from room ${room.code}.`,
        'room.removed',
        {
          room: room.code,
        },
      );
    }
    if (seat === undefined) {
      return refuse(
        'stale',
        `This device's place in room ${room.code} is not known; join again with the code.`,
        'room.unknown-device',
        { room: room.code },
      );
    }
    return { role: 'student', language, seat, tokenHash, name, asking: null };
  }
  // A seat code names its seat by itself; a seat named beside it must be the same.
  const seat = o.seat ?? (o.seatCode !== undefined ? seatOfCode(room, o.seatCode) : null);
  if (seat === null) {
    if (o.seatCode !== undefined)
      return refuse(
        'wrong-seat-code',
        `This seat code opens no seat in room ${room.code}.`,
        'room.code-no-seat',
        {
          room: room.code,
        },
      );
    return { role: 'student', language, seat: null, tokenHash: null, name, asking: null };
  }
  const refused = seatRefusal(room, seat, o.seatCode);
  if (refused) return refused;
  // Without its code, the device waits in the lobby for the facilitator to admit it.
  return o.seatCode === undefined
    ? { role: 'student', language, seat: null, tokenHash: null, name, asking: seat }
    : { role: 'student', language, seat, tokenHash: null, name, asking: null };
}

/** Who issues what a client sends: its own seat as a person, or the facilitator; the projector issues nothing. */
export function issuerOf(identity: Identity): Issuer | Refused {
  if (identity.role === 'facilitator') return { facilitator: true };
  if (identity.role === 'projector')
    return refuse('not-allowed', 'The projector only shows the game.', 'room.projector');
  if (identity.seat === null) return refuse('not-your-seat', 'Take a seat before deciding.', 'room.no-seat');
  return { seat: identity.seat, as: 'person' };
}

/**
 * The command a team's proposal message stands for, at the turn the game is on: a proposal is `proposal.set`;
 * "Confirm" submits the proposal the game holds for the seat; a withdrawal takes the seat's decision back. The
 * engine checks each like any other command of the seat.
 */
export function proposalCommand(
  state: GameState,
  actor: string,
  message: z.output<typeof ProposalMessageSchema>,
): Command | Refused {
  const turn = state.world.turn;
  if (message.kind === 'set') return { type: 'proposal.set', actor, option: message.option, turn };
  if (message.kind === 'withdraw') return { type: 'decision.withdraw', actor, turn };
  const option = proposalOf(state, actor);
  if (option === null) return refuse('not-ready', 'There is no proposal to confirm.', 'room.no-proposal');
  const reason = message.reason;
  return reason === undefined
    ? { type: 'decision.submit', actor, option, turn }
    : { type: 'decision.submit', actor, option, turn, reason };
}

/**
 * A client's allowance of messages: `burst` at once, refilled at `perSecond`. A flooding client is refused
 * cheaply (and, past the room's hard limit, disconnected) so that the other clients and rooms are not slowed.
 */
export class TokenBucket {
  private tokens: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private last: number,
  ) {
    this.tokens = burst;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** A log line stays one line, whatever a client put in its message: control characters become spaces, and long
 * text is cut. So do the characters that reorder or hide what a terminal shows (bidirectional marks, embeddings,
 * overrides and isolates; the C1 controls): a client's text cannot make a line read as another. */
export function oneLine(text: string): string {
  let out = '';
  for (const ch of text.slice(0, 300)) out += hidesOrBreaks(ch.charCodeAt(0)) ? ' ' : ch;
  return out;
}

function hidesOrBreaks(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x61c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
