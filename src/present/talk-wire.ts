// A talk panel's model as a classroom room sends it (issue 19): only what the device cannot work out for itself.
// The model (talk.presenter.ts) spells out every line whole, newest first: who by name, to whom by name, whether
// it is the viewer's own. Sent so, every new line moved every other one down the list, and the room's patch sent
// the whole list again (view-patch.ts diffs lists item by item); a classroom with messages paid for that on every
// message. Here the lines go oldest first, so that a new one is appended and is all a patch carries, each as a
// short tuple: seats by their place in the panel's list of seats, the kind and the approval as bits, the turn as the
// engine counts it. The device builds the model back (talkModelOf): the same model, line for line, as talkModel
// gives (the wire test checks it), so the panels show the same.
import type { SaidLine, TalkInput, TalkModel } from './talk.presenter.ts';
import { talkModel } from './talk.presenter.ts';

/** A seat named in a line: its place in the wire's `seats`, or its id where it is not among them. */
type SeatRef = number | string;

/**
 * One thing said: [n, turn (0-based), flags (MESSAGE, WAITING), from, to (none: the public), text], then, only
 * where either is there, [hidden (the facilitator's reason), claim (its words)].
 */
export type SaidWire =
  | [n: number, turn: number, flags: number, from: SeatRef, to: SeatRef[], text: string]
  | [
      n: number,
      turn: number,
      flags: number,
      from: SeatRef,
      to: SeatRef[],
      text: string,
      hidden: string | null,
      claim: string | null,
    ];

const MESSAGE = 1;
const WAITING = 2;

export interface TalkWire extends Omit<TalkModel, 'seats' | 'said'> {
  /** Every playable seat, in the scenario's order: the lines name seats by their place here. */
  seats: TalkModel['seats'];
  /** The seat whose panel this is; null for the console. */
  actor: string | null;
  /** Oldest first: a new line is appended. */
  said: SaidWire[];
}

/** The wire form of the model talkModel builds from the same input. */
export function talkWire(input: TalkInput): TalkWire {
  const { said: _, seats: __, ...rest } = talkModel({ ...input, said: [] });
  const place = new Map(input.seats.map((s, i) => [s.actor, i]));
  const ref = (actor: string): SeatRef => place.get(actor) ?? actor;
  return {
    ...rest,
    seats: input.seats.map((s) => ({ ...s })),
    actor: input.actor,
    said: input.said.map((s) => {
      const flags = (s.kind === 'message' ? MESSAGE : 0) | (s.waiting ? WAITING : 0);
      const to = s.to === 'public' ? [] : s.to.map(ref);
      const line: SaidWire = [s.n, s.turn, flags, ref(s.from), to, s.text];
      const claim = s.claim !== undefined && input.claimLabel ? input.claimLabel(s.claim) : null;
      const hidden = s.hidden ?? null;
      return hidden === null && claim === null ? line : [...line, hidden, claim];
    }),
  };
}

// A device draws its panel on every patch: the model is built again only when the wire changed (a patch shares
// the parts it did not change, so an unchanged wire is the same object).
const built = new WeakMap<TalkWire, TalkModel>();

/** The panel's model from its wire form: what talkModel gives for the input the wire was made from. */
export function talkModelOf(wire: TalkWire): TalkModel {
  const held = built.get(wire);
  if (held) return held;
  const { seats, actor, said, ...rest } = wire;
  const seat = (r: SeatRef) => (typeof r === 'number' ? seats[r] : undefined);
  const idOf = (r: SeatRef) => seat(r)?.actor ?? String(r);
  const labelOf = (r: SeatRef) => seat(r)?.label ?? String(r);
  const model: TalkModel = {
    ...rest,
    seats: seats.filter((s) => s.actor !== actor).map((s) => ({ ...s })),
    said: said.map((w): SaidLine => {
      const [n, turn, flags, from, to, text, hidden = null, claim = null] = w;
      return {
        n,
        turn: turn + 1,
        kind: flags & MESSAGE ? 'message' : 'statement',
        from: idOf(from),
        fromLabel: labelOf(from),
        toLabels: to.map(labelOf),
        toPublic: to.length === 0,
        text,
        waiting: (flags & WAITING) !== 0,
        hidden,
        mine: actor !== null && idOf(from) === actor,
        claim,
      };
    }),
  };
  model.said.reverse();
  built.set(wire, model);
  return model;
}
