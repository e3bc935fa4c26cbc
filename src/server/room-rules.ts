// The room's pure rules: who a joining device is (facilitator with the key, a student's seat or token, the
// projector), who issues a client's command, and how fast a client may send. Unit-tested without a network.

import { CreateOptionsSchema, JoinOptionsSchema } from '../session/classroom-protocol.ts';
import type { Issuer } from '../sim/commands.ts';
import type { Holder } from '../sim/state.ts';
import { hashSecret } from './record-store.ts';

export type Identity =
  | { role: 'facilitator' }
  | { role: 'projector' }
  | { role: 'student'; seat: string | null; tokenHash: string | null; name: string | null };

export interface Refused {
  refused: true;
  code: string;
  message: string;
}

export function refuse(code: string, message: string): Refused {
  return { refused: true, code, message };
}

export interface RoomKeys {
  code: string;
  keyHash: string;
  devices: ReadonlyMap<string, string | null>;
  seats: Readonly<Record<string, Holder>>;
}

/** A device asking to join: the options it sent, checked against the room's key, tokens and seats. */
export function parseJoin(options: unknown, room: RoomKeys): Identity | Refused {
  // The facilitator who opens a room joins it with the options it was opened with.
  const created = CreateOptionsSchema.safeParse(options);
  const parsed = created.success
    ? ({ success: true, data: { role: 'facilitator', key: created.data.key } } as const)
    : JoinOptionsSchema.safeParse(options);
  if (!parsed.success)
    return refuse('malformed', `These are not the options of a device joining room ${room.code}.`);
  const o = parsed.data;
  if (o.role === 'facilitator') {
    return hashSecret(o.key) === room.keyHash
      ? { role: 'facilitator' }
      : refuse('not-allowed', `This key does not open room ${room.code} as its facilitator.`);
  }
  if (o.role === 'projector') return { role: 'projector' };
  const name = o.name ?? null;
  if (o.token !== undefined) {
    const tokenHash = hashSecret(o.token);
    if (!room.devices.has(tokenHash)) {
      return refuse(
        'stale',
        `This device's place in room ${room.code} is not known; join again with the code.`,
      );
    }
    return { role: 'student', seat: room.devices.get(tokenHash) ?? null, tokenHash, name };
  }
  if (o.seat !== undefined && (!Object.hasOwn(room.seats, o.seat) || room.seats[o.seat] !== 'person')) {
    return refuse('not-your-seat', `Room ${room.code} has no team seat ${o.seat}.`);
  }
  return { role: 'student', seat: o.seat ?? null, tokenHash: null, name };
}

/** Who issues what a client sends: its own seat as a person, or the facilitator; the projector issues nothing. */
export function issuerOf(identity: Identity): Issuer | Refused {
  if (identity.role === 'facilitator') return { facilitator: true };
  if (identity.role === 'projector') return refuse('not-allowed', 'The projector only shows the game.');
  if (identity.seat === null) return refuse('not-your-seat', 'Take a seat before deciding.');
  return { seat: identity.seat, as: 'person' };
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
 * text is cut. */
export function oneLine(text: string): string {
  let out = '';
  for (const ch of text.slice(0, 300)) out += ch < ' ' || ch === '\u007f' ? ' ' : ch;
  return out;
}
