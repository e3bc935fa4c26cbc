// The screens of a classroom room, as the server sends them to each device: what a seat's team, the projector,
// the facilitator and a student without a seat may see. The server builds them (src/server/classroom-views.ts)
// from the engine's views; the browser only renders them.
import type { GameState, Holder } from '../sim/state.ts';
import type { PublicView } from '../sim/view.ts';
import type { DealLine, DealsModel } from './room-deals.presenter.ts';
import type { DebriefModel, SituationModel } from './screens.ts';
import type { TalkWire } from './talk-wire.ts';

/** A seat as the console and the projector show it: never what it chose, only whether it has. */
export interface SeatLine {
  actor: string;
  label: string;
  holder: Holder;
  status: 'deciding' | 'submitted' | 'waiting' | 'ended';
  /** Devices connected to the seat. */
  devices: number;
  /** The facilitator locked the seat: its team is complete, no new device takes it. */
  locked: boolean;
}

/** A student's device as the console lists it: where it sits, what it asked for, whether it is connected. */
export interface DeviceLine {
  /** A short id of the device, for the facilitator's admit and remove; never its token. */
  id: string;
  seat: string | null;
  /** The seat it waits in the lobby to be admitted to, if any. */
  asking: string | null;
  /** Its display name while it is connected (names are never stored). */
  name: string | null;
  connected: boolean;
  /** The facilitator muted it: its statements and messages are refused (room state, not the record). */
  muted: boolean;
}

/** What the room knows beside the game: who is connected, and when the turn's clock runs out. */
export interface RoomPresence {
  code: string;
  devicesAt: (actor: string) => number;
  lockedAt: (actor: string) => boolean;
  /** Every student device the room knows, for the console. */
  devices: () => DeviceLine[];
  /** Each seat's code, for the console; null when the room cannot give them (a room from before seat codes). */
  seatCodes: Readonly<Record<string, string>> | null;
  /** Display names at a seat, for its own team and the facilitator only; never stored or logged. */
  namesAt: (actor: string) => string[];
  /** When the decision clock runs out (ms since the epoch), or null. */
  deadlineAt: number | null;
  autoResolve: boolean;
  /** A what-if room: the game it forked from, as it ended, for the console's comparison. */
  origin?: GameState | null;
}

/**
 * A seat's screen, built on the server by the same presenter as the solo game's situation room, from that seat's
 * own view only: the client never holds the scenario, another seat's options or anyone's secret choice.
 */
export interface SeatClientView {
  kind: 'seat';
  code: string;
  actor: string;
  status: SeatLine['status'];
  /** Who holds the seat now: a team of people, the computer (handed over by the facilitator), or no one. */
  holder: Holder;
  /** The team's bar's one line on where the seat stands (paused, decided, held by the computer…). */
  statusLine: string;
  /** Whether "Confirm" can do anything: the team holds the seat and has a proposal it has not already submitted. */
  canConfirm: boolean;
  situation: SituationModel;
  /** The team's current proposal (also the situation's selected option). */
  proposal: string | null;
  /** What the seat submitted this turn: its own choice, shown to its own team only. */
  submitted: string | null;
  team: string[];
  deadlineAt: number | null;
  paused: boolean;
  outcome: { title: string; summary: string } | null;
  /** Once the game has ended: this seat's debrief, as the solo game gives it. */
  debrief: DebriefModel | null;
  /** What this seat may read of what was said, and what it may still say under the room's rule (talkModelOf). */
  talk: TalkWire;
  /** Its proposals made and received, the public agreements, what it may propose, and its requests for a ruling. */
  deals?: DealsModel;
}

export interface ProjectorClientView {
  kind: 'projector';
  code: string;
  view: PublicView;
  seats: SeatLine[];
  deadlineAt: number | null;
  /** The public agreements accepted or broken, with the scenario's words. */
  deals?: DealLine[];
}

export interface ConsoleClientView {
  kind: 'console';
  code: string;
  view: PublicView;
  /** Each seat with its team's display names and the options open to it this turn (never the one chosen). */
  seats: (SeatLine & { names: string[]; options: { id: string; label: string }[] })[];
  /** Every indicator's value, seen by an actor or not. */
  indicators: { id: string; label: string; min: number; max: number; value: number }[];
  /** The scenario's events, to inject; `fired` once they have. */
  injects: { id: string; headline: string; counterfactual: boolean; fired: boolean; queued: boolean }[];
  deadline: GameState['deadline'];
  deadlineAt: number | null;
  autoResolve: boolean;
  accepted: number;
  /** Each seat's code (also in the team's link), for the facilitator only; null when the room has none. */
  seatCodes: Readonly<Record<string, string>> | null;
  devices: DeviceLine[];
  /**
   * A what-if room, once it has ended: the game it forked from beside it, its ending and this one's (titles), and
   * the turn (0-based) their decisions parted, or null when they never did.
   */
  besideOrigin: { was: string | null; now: string | null; parted: number | null } | null;
  /** Everything said, waiting statements and hidden items too (with why), and the room's rule on talk (talkModelOf). */
  talk: TalkWire;
  /** Every proposal and request for a ruling, and the scenario's menu of effects to rule with. */
  deals?: DealsModel;
}

export interface LobbyClientView {
  kind: 'lobby';
  code: string;
  seats: SeatLine[];
}

export type ClientView = SeatClientView | ProjectorClientView | ConsoleClientView | LobbyClientView;
