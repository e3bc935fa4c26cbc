// What the classroom room refuses itself, before the engine (issue 20): joining, messages, seats and devices, by
// key, as the engine's refusals are (src/sim/refusal-keys.ts). Each refusal keeps its English sentence for the log;
// the device hears it by its key, in its own language, with the scenario's names for the seats it names.

import { formatNumber, type Language, t, withLanguage } from '../present/i18n/i18n.ts';
import { type RefusalNames, Words } from '../present/refusals/words.ts';
import type { RefusalKey, RefusalParams, RefusalSaid } from '../sim/refusal-keys.ts';

/** Params: `room` (a join code), `seat` (a seat id, said by its name), `device` (a device's id), `type` (a message's). */
export type RoomRefusalKey =
  | 'room.code-no-seat'
  | 'room.command-malformed'
  | 'room.device-malformed'
  | 'room.fault'
  | 'room.devices-facilitator-only'
  | 'room.join-malformed'
  | 'room.muted'
  | 'room.needs-seat-code'
  | 'room.no-device'
  | 'room.no-message'
  | 'room.no-proposal'
  | 'room.no-seat'
  | 'room.no-seat-named'
  | 'room.no-team-seat'
  | 'room.not-joined'
  | 'room.not-team-seat'
  | 'room.not-waiting'
  | 'room.projector'
  | 'room.propose-not-seat'
  | 'room.proposal-malformed'
  | 'room.rate-limited'
  | 'room.record-full'
  | 'room.record-full-seat'
  | 'room.removed'
  | 'room.seat-code-shape'
  | 'room.seat-locked'
  | 'room.seat-malformed'
  | 'room.seat-student-only'
  | 'room.storage'
  | 'room.texts-malformed'
  | 'room.texts-stale'
  | 'room.turn-open'
  | 'room.unknown-device'
  | 'room.waiting'
  | 'room.wrong-key'
  | 'room.wrong-seat-code';

/** A room's refusal as data: its key, and what it names. */
export interface RoomRefusalSaid {
  key: RoomRefusalKey;
  params: RefusalParams;
}

/** The room's keys and the engine's never meet: a refusal's key says which table says it. */
type Overlap = Extract<RoomRefusalKey, RefusalKey>;
const DISJOINT: [Overlap] extends [never] ? true : false = true;
void DISJOINT;

export const roomRefusals: { readonly [key in RoomRefusalKey]: (w: Words) => string } = {
  'room.code-no-seat': (w) => t('refusal.room.codeNoSeat', { room: w.text('room') }),
  'room.command-malformed': () => t('refusal.room.commandMalformed'),
  'room.device-malformed': () => t('refusal.room.deviceMalformed'),
  'room.devices-facilitator-only': () => t('refusal.room.devicesFacilitatorOnly'),
  'room.fault': () => t('refusal.room.fault'),
  'room.join-malformed': (w) => t('refusal.room.joinMalformed', { room: w.text('room') }),
  'room.muted': () => t('refusal.room.muted'),
  'room.needs-seat-code': (w) => t('refusal.room.needsSeatCode', { seat: w.actor('seat') }),
  'room.no-device': (w) => t('refusal.room.noDevice', { device: w.text('device') }),
  'room.no-message': (w) => t('refusal.room.noMessage', { type: w.text('type') }),
  'room.no-proposal': () => t('refusal.room.noProposal'),
  'room.no-seat': () => t('refusal.room.noSeat'),
  'room.no-seat-named': (w) => t('refusal.room.noSeatNamed', { seat: w.actor('seat') }),
  'room.no-team-seat': (w) => t('refusal.room.noTeamSeat', { room: w.text('room'), seat: w.actor('seat') }),
  'room.not-joined': () => t('refusal.room.notJoined'),
  'room.not-team-seat': (w) => t('refusal.room.notTeamSeat', { seat: w.actor('seat') }),
  'room.not-waiting': (w) => t('refusal.room.notWaiting', { device: w.text('device') }),
  'room.projector': () => t('refusal.room.projector'),
  'room.propose-not-seat': () => t('refusal.room.proposeNotSeat'),
  'room.proposal-malformed': () => t('refusal.room.proposalMalformed'),
  'room.rate-limited': (w) => t('refusal.room.rateLimited', { type: w.text('type') }),
  'room.record-full': () => t('refusal.room.recordFull'),
  'room.record-full-seat': () => t('refusal.room.recordFullSeat'),
  'room.removed': (w) => t('refusal.room.removed', { room: w.text('room') }),
  'room.seat-code-shape': () => t('refusal.room.seatCodeShape'),
  'room.seat-locked': (w) => t('refusal.room.seatLocked', { seat: w.actor('seat') }),
  'room.seat-malformed': () => t('refusal.room.seatMalformed'),
  'room.seat-student-only': () => t('refusal.room.seatStudentOnly'),
  'room.storage': () => t('refusal.room.storage'),
  'room.texts-malformed': () => t('refusal.room.textsMalformed'),
  'room.texts-stale': () => t('refusal.room.textsStale'),
  'room.turn-open': (w) => t('refusal.room.turnOpen', { seat: w.actor('seat') }),
  'room.unknown-device': (w) => t('refusal.room.unknownDevice', { room: w.text('room') }),
  'room.waiting': (w) => t('refusal.room.waiting', { seat: w.actor('seat') }),
  'room.wrong-key': (w) => t('refusal.room.wrongKey', { room: w.text('room') }),
  'room.wrong-seat-code': (w) =>
    t('refusal.room.wrongSeatCode', { seat: w.actor('seat'), room: w.text('room') }),
};

export function isRoomSaid(said: RefusalSaid | RoomRefusalSaid): said is RoomRefusalSaid {
  return Object.hasOwn(roomRefusals, said.key);
}

/** A room's refusal in the current language, with `names` for the seats it names. */
export function roomSaidText({ key, params }: RoomRefusalSaid, names: RefusalNames): string {
  return roomRefusals[key](new Words(params, names));
}

/**
 * What the server's gate (http-guard.ts) refuses before any room hears the request: too many wrong room codes from
 * one network, too many rooms, a request too large or too slow. A page shows the sentence as it comes, so the gate
 * says it in the language the request asks for (see `requestLanguage`). Params: the numbers it names.
 */
export type GateRefusalKey =
  | 'busy'
  | 'fault'
  | 'rooms-by-network'
  | 'rooms-opened'
  | 'rooms-running'
  | 'too-large'
  | 'too-many-guesses'
  | 'too-slow';

/** A number in the viewer's digits without grouping, as the gate's English sentence writes it (16384). */
function plain(n: number | undefined): string {
  return formatNumber(n ?? 0, { digits: 1 });
}

export const gateRefusals: {
  readonly [key in GateRefusalKey]: (n: Readonly<Record<string, number>>) => string;
} = {
  busy: () => t('refusal.room.http.busy'),
  fault: () => t('refusal.room.http.fault'),
  'rooms-by-network': (n) =>
    t('refusal.room.http.roomsByNetwork', { rooms: plain(n.rooms), minutes: plain(n.minutes) }),
  'rooms-opened': () => t('refusal.room.http.roomsOpened'),
  'rooms-running': (n) => t('refusal.room.http.roomsRunning', { max: plain(n.max) }),
  'too-large': (n) => t('refusal.room.http.tooLarge', { max: plain(n.max) }),
  'too-many-guesses': () => t('refusal.room.http.tooManyGuesses'),
  'too-slow': () => t('refusal.room.http.tooSlow'),
};

/**
 * The language a request asks for (its Accept-Language: the classroom client sends the device's own), by its first
 * choice: Arabic for any Arabic, else English.
 */
export function requestLanguage(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]!.trim().toLowerCase();
  return first === 'ar' || first.startsWith('ar-') ? 'ar-IQ' : 'en';
}

/** The gate's refusal in `language`; in English, its own sentence as written (the numbers as the log has them). */
export function gateSentence(
  language: Language,
  key: GateRefusalKey,
  english: string,
  params: Readonly<Record<string, number>> = {},
): string {
  return language === 'en' ? english : withLanguage(language, () => gateRefusals[key](params));
}
