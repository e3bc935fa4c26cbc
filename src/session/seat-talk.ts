// What the player of the solo game, or of pass-and-play, says and does about agreements, as its seat's command: the
// one handler both machines run on their talk and deal events, each with the seat that speaks (the solo player's;
// the seat whose screen shows). The engine checks the command like any other.
import type { Entry } from '../sim/commands.ts';
import { type SoloDealEvent, soloDeal, soloTalk } from './solo-rules.ts';

/** The player speaks (a statement, `to` none: the public; or a private message), or acts on an agreement. */
export type SeatTalkEvent =
  | { type: 'talk.say'; kind: 'statement' | 'message'; text: string; to: string[]; claim?: string }
  | SoloDealEvent;

const TYPES: ReadonlySet<string> = new Set<SeatTalkEvent['type']>([
  'talk.say',
  'deal.propose',
  'deal.answer',
  'deal.withdraw',
]);

/** Whether a machine's event is one of these (a wildcard transition, `deal.*`, hands the machine's every event). */
export function isSeatTalk(event: { type: string }): event is SeatTalkEvent {
  return TYPES.has(event.type);
}

/** The event as `actor`'s command. */
export function seatTalkEntry(actor: string, event: SeatTalkEvent): Entry {
  return event.type === 'talk.say'
    ? soloTalk(actor, event.kind, event.text, event.to, event.claim)
    : soloDeal(actor, event);
}
