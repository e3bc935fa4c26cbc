// The solo game's and pass-and-play's talk and deal events, as the command of the seat that speaks (seat-talk.ts):
// the one handler both machines run, each with its own speaking seat.
import { describe, expect, it } from 'vitest';
import { isSeatTalk, type SeatTalkEvent, seatTalkEntry } from '../../src/session/seat-talk.ts';

describe('a seat’s talk and deals as its commands', () => {
  it('takes only the talk and deal events, whatever else a machine hands it', () => {
    for (const type of ['talk.say', 'deal.propose', 'deal.answer', 'deal.withdraw'])
      expect(isSeatTalk({ type })).toBe(true);
    for (const type of ['deal.other', 'decision.confirm', 'screen.next', 'talk'])
      expect(isSeatTalk({ type })).toBe(false);
  });

  it('makes each the command of the seat given, as a person', () => {
    const events: SeatTalkEvent[] = [
      { type: 'talk.say', kind: 'statement', text: 'Calm.', to: [] },
      { type: 'talk.say', kind: 'message', text: 'Meet?', to: ['us'] },
      { type: 'deal.propose', agreement: 'joint-investigation', to: 'us' },
      { type: 'deal.answer', n: 2, accept: false, reason: '  ' },
      { type: 'deal.withdraw', n: 3 },
    ];
    const as = (actor: string) => events.map((e) => seatTalkEntry(actor, e));
    expect(as('framework').map((e) => e.by)).toEqual(events.map(() => ({ seat: 'framework', as: 'person' })));
    expect(as('pm').map((e) => e.command)).toEqual([
      { type: 'statement.publish', actor: 'pm', text: 'Calm.' },
      { type: 'message.send', actor: 'pm', to: ['us'], text: 'Meet?' },
      { type: 'agreement.propose', actor: 'pm', to: 'us', agreement: 'joint-investigation' },
      { type: 'agreement.answer', actor: 'pm', n: 2, accept: false },
      { type: 'agreement.withdraw', actor: 'pm', n: 3 },
    ]);
  });
});
