// The talk panels' models (src/present/talk.presenter.ts): which forms the room's rule leaves open, who said what to
// whom and when, newest first; and the projector's statements, only approved public ones.
import { describe, expect, it } from 'vitest';
import { talkModel, wallStatements } from '../../src/present/talk.presenter.ts';
import type { SaidView } from '../../src/sim/talk.ts';

const seats = [
  { actor: 'pm', label: 'The Prime Minister' },
  { actor: 'sadrists', label: 'The Sadrists' },
  { actor: 'framework', label: 'The Framework' },
];
const limits = { statement: 400, message: 1000, reason: 300 };

const said: SaidView[] = [
  { n: 1, turn: 0, kind: 'statement', from: 'sadrists', to: 'public', text: 'Calm.', waiting: false },
  { n: 2, turn: 0, kind: 'message', from: 'pm', to: ['sadrists'], text: 'Meet?', waiting: false },
  { n: 3, turn: 1, kind: 'statement', from: 'pm', to: 'public', text: 'Waiting.', waiting: true },
  { n: 4, turn: 1, kind: 'statement', from: 'pm', to: ['framework'], text: 'Openly.', waiting: false },
  {
    n: 5,
    turn: 1,
    kind: 'statement',
    from: 'framework',
    to: 'public',
    text: 'Hidden.',
    waiting: false,
    hidden: 'Off topic.',
  },
];

describe('a talk panel’s model', () => {
  it('opens the forms the room’s rule allows, to a team that may speak', () => {
    const at = (level: 'none' | 'statements' | 'all', live = true, actor: string | null = 'pm') =>
      talkModel({ said: [], rule: { level, approve: false }, seats, actor, live, limits });
    expect([at('none'), at('statements'), at('all')].map((m) => [m.canStatement, m.canMessage])).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
    // Not while the team cannot speak (the game ended, paused, the seat handed to the computer), nor the console.
    expect([at('all', false), at('all', true, null)].map((m) => [m.canStatement, m.canMessage])).toEqual([
      [false, false],
      [false, false],
    ]);
    // A seat addresses the others, never itself.
    expect(at('all').seats.map((s) => s.actor)).toEqual(['sadrists', 'framework']);
    expect(at('all', true, null).seats).toHaveLength(3);
  });

  it('lists who said what to whom and in which turn, newest first', () => {
    const model = talkModel({
      said,
      rule: { level: 'all', approve: true },
      seats,
      actor: 'pm',
      live: true,
      limits,
    });
    expect(model.approve).toBe(true);
    expect(model.said.map((l) => l.n)).toEqual([5, 4, 3, 2, 1]);
    expect(model.said.find((l) => l.n === 2)).toEqual({
      n: 2,
      turn: 1,
      kind: 'message',
      from: 'pm',
      fromLabel: 'The Prime Minister',
      toLabels: ['The Sadrists'],
      toPublic: false,
      text: 'Meet?',
      waiting: false,
      hidden: null,
      mine: true,
      claim: null,
    });
    expect(model.said.find((l) => l.n === 1)).toMatchObject({ toPublic: true, toLabels: [], mine: false });
    expect(model.said.find((l) => l.n === 5)?.hidden).toBe('Off topic.');
  });
});

describe('the claims a statement may carry', () => {
  const claimed: SaidView[] = [{ ...said[0]!, claim: 'calm-holds' }];
  const label = (id: string) => (id === 'calm-holds' ? 'The calm holds' : `?${id}`);
  const at = (level: 'none' | 'statements' | 'all', live = true, actor: string | null = 'pm') =>
    talkModel({
      said: claimed,
      rule: { level, approve: false },
      seats,
      actor,
      live,
      limits,
      claims: ['calm-holds'],
      claimLabel: label,
    });

  it('offers the claims the view lists, in the scenario’s words, only where the seat may publish', () => {
    expect(at('statements').claims).toEqual([{ id: 'calm-holds', label: 'The calm holds' }]);
    expect(at('all').claims).toHaveLength(1);
    expect(at('none').claims).toEqual([]);
    expect(at('all', false).claims).toEqual([]);
    expect(at('all', true, null).claims).toEqual([]);
  });

  it('says what a statement asserted, where the presenter can name it', () => {
    expect(at('all').said[0]?.claim).toBe('The calm holds');
    expect(
      talkModel({
        said: claimed,
        rule: { level: 'all', approve: false },
        seats,
        actor: 'pm',
        live: true,
        limits,
      }).said[0]?.claim,
    ).toBeNull();
  });
});

describe('the projector’s statements', () => {
  it('shows approved public statements only, newest first, at most the wall’s count', () => {
    const label = (a: string) => seats.find((s) => s.actor === a)?.label ?? a;
    expect(wallStatements(said, label).map((l) => l.text)).toEqual(['Calm.']);
    const many: SaidView[] = Array.from({ length: 5 }, (_, i) => ({
      n: i + 1,
      turn: 0,
      kind: 'statement' as const,
      from: 'pm',
      to: 'public' as const,
      text: `S${i + 1}`,
      waiting: false,
    }));
    expect(wallStatements(many, label).map((l) => l.text)).toEqual(['S5', 'S4', 'S3']);
  });
});
