// The classroom's deals and rulings (issue 19): what each screen's model holds follows the engine's views (a third
// seat never reads a private proposal; the projector only public agreements that stand or were broken), the
// seat's proposals come from its view's mayPropose only, a ruling's roll is shown as the record drew it, the
// console's ruling form builds the engine's command (or says in one sentence why not), and the after-action
// report and the replay carry the deal and the ruling, free text escaped.
import { beforeAll, describe, expect, it } from 'vitest';
import { dealsSection } from '../../src/present/report-deals.ts';
import { esc, reportHtml } from '../../src/present/report-html.ts';
import { dealsModel, dealTexts, rulingLine } from '../../src/present/room-deals.presenter.ts';
import { consoleDeals, projectorDeals, seatDeals } from '../../src/server/deal-views.ts';
import { dealsAtStep, replayGame } from '../../src/session/replay-rules.ts';
import type { Entry } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { reportData } from '../../src/sim/report.ts';
import { rulingRoll } from '../../src/sim/rulings.ts';
import { publicView, viewFor } from '../../src/sim/view.ts';
import { rulingCommand } from '../../src/ui/classroom/rulings.part.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { FACILITATOR, LiveGame, playTurns } from '../helpers/play.ts';

let c: CompiledScenario;
beforeAll(async () => {
  c = await bundledScenario();
});

const seat = (actor: string, command: Entry['command']): Entry => ({
  by: { seat: actor, as: 'person' },
  command,
});

/** pm, us and framework held by people, at the drone attack's aftermath, with one public and one private deal. */
function game(): LiveGame {
  const g = new LiveGame(c, 7).start(['pm', 'us', 'framework']);
  playTurns(g, [0], c.turnIndexById.get('statements')!);
  const ok = (e: Entry) => expect(g.run(e)).toBe(true);
  ok(seat('us', { type: 'agreement.propose', actor: 'us', to: 'pm', agreement: 'joint-investigation' }));
  ok(
    seat('pm', { type: 'agreement.answer', actor: 'pm', n: 1, accept: true, reason: 'Help <b>welcome</b>.' }),
  );
  ok(
    seat('pm', { type: 'agreement.propose', actor: 'pm', to: 'framework', agreement: 'recount-for-sit-ins' }),
  );
  ok(
    seat('framework', {
      type: 'ruling.request',
      actor: 'framework',
      text: 'Call a rally',
      argument: 'Crowds <i>wait</i>.',
    }),
  );
  ok({
    by: FACILITATOR,
    command: {
      type: 'ruling.give',
      n: 1,
      verdict: 'rolled',
      effect: 'street-show',
      reason: 'A crowd is uncertain.',
      odds: 0.4,
    },
  });
  return g;
}

describe('the classroom deals and rulings models', () => {
  it('gives each seat only what its view may see, and the proposals its view allows', () => {
    const g = game();
    const us = seatDeals(c, g.state, 'us', viewFor(c, g.state, 'us'));
    const framework = seatDeals(c, g.state, 'framework', viewFor(c, g.state, 'framework'));
    // us sees its own accepted deal, never the private proposal between pm and framework.
    expect(us.deals.map((d) => [d.agreement, d.status, d.side])).toEqual([
      ['joint-investigation', 'accepted', 'from'],
    ]);
    expect(us.deals[0]!.reason).toBe('Help <b>welcome</b>.');
    expect(us.rulings).toEqual([]);
    // framework: the public deal (a third party's, accepted), the proposal made to it, and its own request.
    expect(framework.deals.map((d) => [d.agreement, d.side])).toEqual([
      ['recount-for-sit-ins', 'to'],
      ['joint-investigation', null],
    ]);
    expect(framework.deals[0]!.label).toBe('A recount for an end to the sit-ins');
    // The proposals offered are the view's mayPropose, with the scenario's words.
    const may = viewFor(c, g.state, 'framework').mayPropose ?? [];
    expect(framework.mayPropose.map((p) => [p.agreement, p.to])).toEqual(may.map((p) => [p.agreement, p.to]));
    expect(framework.live).toBe(true);
  });

  it('shows a roll as the record drew it, and the console the effects the seat may be granted', () => {
    const g = game();
    const framework = seatDeals(c, g.state, 'framework', viewFor(c, g.state, 'framework'));
    const roll = Math.round(rulingRoll(g.state.seed, 1) * 100);
    expect(framework.rulings[0]!.ruling).toMatchObject({
      verdict: 'rolled',
      odds: 40,
      roll,
      granted: roll < 40,
    });
    expect(framework.rulings[0]!.ruling!.effectLabel).toBe('Supporters answer the call to the street');
    const console = consoleDeals(c, g.state);
    expect(console.deals).toHaveLength(2);
    // security-holds is the pm's only: not on the menu for the Framework's request.
    expect(console.rulings[0]!.effects.map((e) => e.id)).toEqual([
      'quiet-channel',
      'street-show',
      'heard-abroad',
    ]);
    const pmRequest = rulingLine(
      { n: 2, turn: 0, actor: 'pm', text: 'x', argument: 'y' },
      dealTexts(c),
      console.effects,
    );
    expect(pmRequest.effects.map((e) => e.id)).toContain('security-holds');
  });

  it('puts on the projector only public agreements accepted or broken', () => {
    const g = game();
    const wall = projectorDeals(c, publicView(c, g.state));
    expect(wall.map((d) => [d.agreement, d.status])).toEqual([['joint-investigation', 'accepted']]);
  });

  it('offers nothing to propose to a seat that may not act now', () => {
    const g = game();
    g.run({ by: FACILITATOR, command: { type: 'game.pause' } });
    const pm = seatDeals(c, g.state, 'pm', viewFor(c, g.state, 'pm'));
    expect(pm.live).toBe(false);
    expect(pm.mayPropose).toEqual([]);
    const model = dealsModel(
      {
        agreements: [],
        mayPropose: [{ agreement: 'x', to: 'y' }],
        rulings: [],
        effects: [],
        actor: 'pm',
        live: false,
        limits: pm.limits,
      },
      dealTexts(c),
    );
    expect(model.mayPropose).toEqual([]);
  });

  it("builds the facilitator's ruling, or says why not in one sentence", () => {
    const fields = { verdict: 'rolled', effect: 'street-show', reason: ' Uncertain. ', odds: '35' };
    expect(rulingCommand(3, fields)).toEqual({
      type: 'ruling.give',
      n: 3,
      verdict: 'rolled',
      effect: 'street-show',
      reason: 'Uncertain.',
      odds: 0.35,
    });
    expect(rulingCommand(3, { ...fields, verdict: 'refused' })).toEqual({
      type: 'ruling.give',
      n: 3,
      verdict: 'refused',
      reason: 'Uncertain.',
    });
    for (const bad of [{ reason: '  ' }, { odds: '0' }, { odds: '100' }, { odds: '2.5' }, { effect: '' }])
      expect(rulingCommand(3, { ...fields, ...bad })).toMatch(/^[^\n]+\.$/);
  });

  it('writes the deals and rulings into the after-action report, escaped', () => {
    const g = game();
    const data = reportData(c, g.state, g.record);
    const section = dealsSection(c.scenario, data, esc);
    expect(section).toContain('US help with the investigation of the attack');
    expect(section).toContain('Help &lt;b&gt;welcome&lt;/b&gt;.');
    expect(section).toContain('A recount for an end to the sit-ins');
    expect(section).toContain('waiting for an answer');
    expect(section).toContain(
      `rolled at 40 in 100, the roll came up ${Math.round(rulingRoll(g.state.seed, 1) * 100)}`,
    );
    expect(section).toContain('Crowds &lt;i&gt;wait&lt;/i&gt;.');
    expect(section).not.toContain('<i>');
    expect(reportHtml(c.scenario, data)).toContain('<h2>Agreements and rulings</h2>');
    expect(dealsSection(c.scenario, { ...data, agreements: [], rulings: [] }, esc)).toBe('');
  });

  it("replays a turn's deals and rulings as each viewer could see them", () => {
    const g = game();
    const replay = replayGame(c, g.record);
    const step = g.state.world.turn;
    const as = (viewer: Parameters<typeof dealsAtStep>[2]) => {
      const { agreements, rulings } = dealsAtStep(replay, step, viewer);
      return [agreements.map((a) => a.agreement), rulings.map((r) => r.n)];
    };
    expect(as({ facilitator: true })).toEqual([['joint-investigation', 'recount-for-sit-ins'], [1]]);
    expect(as({ actor: 'us' })).toEqual([['joint-investigation'], []]);
    expect(as({ public: true })).toEqual([['joint-investigation'], []]);
    expect(as({ actor: 'framework' })).toEqual([['joint-investigation', 'recount-for-sit-ins'], [1]]);
  });
});
