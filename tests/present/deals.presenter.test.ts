// A seat's deals as its panel and the debrief show them (issue 19): what it may propose is the engine's list, each
// proposal says who made it to whom and where it stands, with the answer's reason; what the seat may do with one
// follows from the view (answer one made to it, withdraw its own, nothing once the game is over); the turn's causes
// name an agreement, a breach and a ruling; the debrief lists the deals and the statements whose claims were heard.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  dealActs,
  dealHeadText,
  dealReasonBy,
  dealStatusText,
  dealsDebrief,
  dealsModel,
  dealsStanding,
} from '../../src/present/deals.presenter.ts';
import { debriefModel } from '../../src/present/debrief.presenter.ts';
import { indicatorRows } from '../../src/present/indicators.presenter.ts';
import { Lookup } from '../../src/present/lookup.ts';
import type { DealsModel } from '../../src/present/room-deals.presenter.ts';
import { nextCommand } from '../../src/session/session-rules.ts';
import { soloDeal } from '../../src/session/solo-rules.ts';
import type { Entry } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame, playTurns, resolveEntry, submit } from '../helpers/play.ts';

let c: CompiledScenario;
let lookup: Lookup;
beforeAll(async () => {
  c = await bundledScenario();
  lookup = new Lookup(c.scenario);
});

/** A solo game as the Prime Minister at the start of a turn, the other seats the computer's. */
function pmAt(turn: string): LiveGame {
  const game = new LiveGame(c, 11).start(['pm']);
  playTurns(game, [0], c.turnIndexById.get(turn)!);
  return game;
}

/** What the session does after a command: the computer answers, proposes, decides, until it has nothing to do. */
function computerActs(game: LiveGame): Entry | null {
  const entry = nextCommand(c, game.state, false);
  if (entry) expect(game.run(entry)).toBe(true);
  return entry;
}

/**
 * The panel as the solo game and pass-and-play word it (ui/views/deals.part.ts): the one deal model, each line with
 * its head, its status and whose its reason is, and what the seat may do with it.
 */
function shown(model: DealsModel) {
  return {
    offers: model.mayPropose.map((o) => ({ ...o, key: `${o.agreement}/${o.to}` })),
    standing: dealsStanding(model),
    lines: model.deals.map((l) => ({
      ...l,
      head: dealHeadText(l),
      statusText: dealStatusText(l),
      reasonBy: dealReasonBy(l),
      canAnswer: dealActs(model, l).answer,
      canWithdraw: dealActs(model, l).withdraw,
    })),
  };
}

const propose = (agreement: string, to: string) => soloDeal('pm', { type: 'deal.propose', agreement, to });

describe('the deals panel', () => {
  it('offers what the engine says may be proposed, and shows each answer with its reason', () => {
    const game = pmAt('statements');
    const before = shown(dealsModel(viewFor(c, game.state, 'pm'), lookup, true));
    expect(before.offers.map((o) => [o.agreement, o.to])).toEqual(
      viewFor(c, game.state, 'pm').mayPropose!.map((m) => [m.agreement, m.to]),
    );
    const offer = before.offers.find((o) => o.agreement === 'joint-investigation')!;
    expect(offer).toMatchObject({
      key: 'joint-investigation/us',
      label: 'US help with the investigation of the attack',
      toLabel: lookup.actorName('us'),
    });
    expect(offer.terms).toMatch(/^Washington gives/);
    expect(before.lines).toEqual([]);

    expect(game.run(propose('joint-investigation', 'us'))).toBe(true);
    computerActs(game);
    expect(game.run(propose('recount-for-sit-ins', 'framework'))).toBe(true);
    computerActs(game);
    const model = shown(dealsModel(viewFor(c, game.state, 'pm'), lookup, true));
    // Newest first; both answered by the computer, each with its weighing.
    expect(model.lines.map((l) => [l.n, l.agreement, l.status])).toEqual([
      [2, 'recount-for-sit-ins', 'declined'],
      [1, 'joint-investigation', 'accepted'],
    ]);
    const [declined, accepted] = model.lines;
    expect(accepted!.head).toBe(`Turn 6 · you proposed it to ${lookup.actorName('us')}`);
    expect(accepted!.statusText).toBe('Accepted in turn 6.');
    expect(accepted!.reasonBy).toBe('Its reason, weighed by its own goals:');
    expect(accepted!.reason).toMatch(/^Accepted: by its own goals, the terms move .*International backing/);
    expect(declined!.statusText).toBe('Declined in turn 6.');
    expect(declined!.reason).toMatch(/^Declined: .*Street anger down/);
    expect(model.lines.every((l) => !l.canAnswer && !l.canWithdraw)).toBe(true);
    expect(model.standing).toBe(1);
    // What stands is no longer on offer between the same two seats.
    expect(model.offers.some((o) => o.key === 'joint-investigation/us')).toBe(false);
  });

  it('lets the seat answer a proposal made to it, withdraw its own, and do neither once it may not act', () => {
    const game = pmAt('qaani-visit');
    const proposal = computerActs(game)!;
    expect(proposal.command).toMatchObject({ type: 'agreement.propose', actor: 'us', to: 'pm' });
    // Left pending, not answered by a computer: a proposal the player made and may still withdraw.
    expect(game.run(propose('recount-for-sit-ins', 'framework'))).toBe(true);
    const live = shown(dealsModel(viewFor(c, game.state, 'pm'), lookup, true));
    const [mine, theirs] = live.lines;
    expect(theirs).toMatchObject({ from: 'us', canAnswer: true, canWithdraw: false, status: 'pending' });
    expect(theirs!.head).toBe(`Turn 7 · ${lookup.actorName('us')} proposed it to you`);
    expect(theirs!.statusText).toBe('Waiting for an answer.');
    expect(mine).toMatchObject({ from: 'pm', canAnswer: false, canWithdraw: true });
    const ended = shown(dealsModel(viewFor(c, game.state, 'pm'), lookup, false));
    expect(ended.offers).toEqual([]);
    expect(ended.lines.some((l) => l.canAnswer || l.canWithdraw)).toBe(false);

    // The player's answer carries its reason; a blank reason is none.
    const n = theirs!.n;
    expect(
      game.run(
        soloDeal('pm', { type: 'deal.answer', n, accept: false, reason: '  Not before our own inquiry.  ' }),
      ),
    ).toBe(true);
    expect(game.run(soloDeal('pm', { type: 'deal.withdraw', n: mine!.n }))).toBe(true);
    const after = shown(dealsModel(viewFor(c, game.state, 'pm'), lookup, true)).lines;
    expect(after.find((l) => l.n === n)).toMatchObject({
      status: 'declined',
      reason: 'Not before our own inquiry.',
      reasonBy: 'The reason given:',
    });
    expect(after.find((l) => l.n === mine!.n)).toMatchObject({
      status: 'withdrawn',
      reason: null,
      statusText: 'Withdrawn by the side that proposed it.',
    });
  });
});

describe('the causes and the debrief', () => {
  it('names an agreement, a breach with its cost in the scenario’s words, and a ruling', () => {
    const us = lookup.actorName('us');
    const pm = lookup.actorName('pm');
    expect(
      lookup.causeText({ kind: 'agreement', agreement: 'joint-investigation', n: 1, parties: ['pm', 'us'] }),
    ).toBe(`the agreement “US help with the investigation of the attack” between ${pm}, ${us}`);
    expect(
      lookup.causeText({
        kind: 'breach',
        agreement: 'joint-investigation',
        n: 1,
        by: 'us',
        parties: ['pm', 'us'],
      }),
    ).toBe(
      `${us} broke the agreement “US help with the investigation of the attack”: Washington strikes on its own while the investigation it helps is under way.`,
    );
    expect(lookup.causeText({ kind: 'ruling', n: 1, actor: 'pm', effect: 'security-holds' })).toBe(
      `the facilitator’s ruling for ${pm}: A security measure takes hold`,
    );
  });

  it('the debrief tells the deals made, each answer’s reason, and the statements whose claims were heard', () => {
    const game = pmAt('statements');
    game.run(propose('joint-investigation', 'us'));
    computerActs(game);
    game.run(propose('recount-for-sit-ins', 'framework'));
    computerActs(game);
    const said: Entry = {
      by: { seat: 'pm', as: 'person' },
      command: {
        type: 'statement.publish',
        actor: 'pm',
        text: 'They struck at the state itself.',
        claim: 'a-cowardly-attack',
      },
    };
    expect(game.run(said)).toBe(true);
    // Another seat's statement, whose claim the player's actor hears when the turn resolves.
    const denial: Entry = {
      by: { seat: 'framework', as: 'computer' },
      command: {
        type: 'statement.publish',
        actor: 'framework',
        text: 'The armed groups had nothing to do with it.',
        claim: 'deny-responsibility',
      },
    };
    expect(game.run(denial)).toBe(true);
    game.computersDecide();
    game.run(submit('pm', game.state.offers.pm!.options[0]!));
    expect(game.run(resolveEntry)).toBe(true);
    const view = viewFor(c, game.state, 'pm');
    const deals = dealsDebrief(view, lookup);
    expect(deals.lines.map((l) => [l.agreement, l.status, l.reason?.split(':')[0]])).toEqual([
      ['joint-investigation', 'accepted', 'Accepted'],
      ['recount-for-sit-ins', 'declined', 'Declined'],
    ]);
    expect(deals.moved).toEqual([
      {
        n: 1,
        turn: 6,
        head: `Turn 6 · ${lookup.actorName('pm')}, to the public`,
        claim: 'The residence came under a cowardly attack',
        text: 'They struck at the state itself.',
        // Its own statement: the player's actor is not told how it took it.
        took: null,
      },
      {
        n: 2,
        turn: 6,
        head: `Turn 6 · ${lookup.actorName('framework')}, to the public`,
        claim: 'The armed groups had no part in the attack',
        text: 'The armed groups had nothing to do with it.',
        took: 'You heard it and took no side.',
      },
    ]);
    expect(debriefModel(view, lookup).deals).toEqual(deals);
    // The agreement's effects are one of the turn's causes, named as what happened.
    const row = indicatorRows(view, lookup, view.turn.index - 1).find(
      (r) => r.id === 'internationalBacking',
    )!;
    expect(row.causes.map((x) => x.text)).toContain(
      `the agreement “US help with the investigation of the attack” between ${lookup.actorName('pm')}, ${lookup.actorName('us')}`,
    );
  });
});
