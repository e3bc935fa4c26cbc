import { beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { type PassEmitted, passAndPlayMachine } from '../../src/session/pass-and-play.machine.ts';
import {
  nextSeat,
  passHistorical,
  passRecordJson,
  passStart,
  restorePass,
  seatsProblem,
} from '../../src/session/pass-and-play-rules.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { historicalPath } from '../../src/sim/history.ts';
import { type GameRecord, newRecord } from '../../src/sim/record.ts';
import { publicView } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';

let c: CompiledScenario;
beforeAll(async () => {
  c = await bundledScenario();
});

function start(record: GameRecord) {
  const emitted: PassEmitted[] = [];
  const actor = createActor(passAndPlayMachine, { input: { c, record } });
  actor.on('*', (e) => emitted.push(e as PassEmitted));
  actor.start();
  const screen = () => (['private', 'public'].find((t) => actor.getSnapshot().hasTag(t)) ?? 'none') as string;
  const at = () => String(actor.getSnapshot().value);
  return { actor, emitted, screen, at, ctx: () => actor.getSnapshot().context };
}

function newGame(seats: string[], seed = 9): GameRecord {
  const record = newRecord(c, seed);
  record.entries = passStart(seats);
  return record;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('pass-and-play', () => {
  it('hands the device to each player in turn, and shows the public picture between them', async () => {
    const g = start(newGame(['pm', 'sadrists']));
    expect(g.at()).toBe('handOver');
    expect(g.ctx().current).toBe('pm');
    // Nothing private is shown until the player asks for their screen.
    g.actor.send({ type: 'decision.confirm' });
    expect(g.at()).toBe('handOver');
    g.actor.send({ type: 'seat.show' });
    expect(g.screen()).toBe('private');
    const pmOption = g.ctx().game.offers.pm!.options[0]!;
    g.actor.send({ type: 'option.select', option: pmOption });
    g.actor.send({ type: 'decision.confirm' });
    await settle();
    expect(g.at()).toBe('handOver');
    expect(g.ctx().current).toBe('sadrists');
    expect(g.ctx().selected).toBeNull();
    // The public picture between seats says who decided, never what.
    const shown = JSON.stringify(publicView(c, g.ctx().game));
    expect(publicView(c, g.ctx().game).decided).toContain('pm');
    expect(shown).not.toContain(`"${pmOption}"`);

    g.actor.send({ type: 'seat.show' });
    g.actor.send({ type: 'option.select', option: g.ctx().game.offers.sadrists!.options[0]! });
    g.actor.send({ type: 'decision.confirm' });
    await settle();
    expect(g.at()).toBe('resolved');
    expect(g.ctx().game.world.turn).toBe(1);
    g.actor.send({ type: 'screen.next' });
    expect(g.at()).toBe('handOver');
    expect(g.ctx().current).toBe('pm');
  });

  it('forgets a selection when a player hides the screen, and keeps the hand-over', () => {
    const g = start(newGame(['framework', 'iran', 'us']));
    expect(g.ctx().current).toBe('framework');
    g.actor.send({ type: 'seat.show' });
    g.actor.send({ type: 'option.select', option: g.ctx().game.offers.framework!.options[0]! });
    g.actor.send({ type: 'seat.hide' });
    expect(g.at()).toBe('handOver');
    expect(g.ctx().current).toBe('framework');
    expect(g.ctx().selected).toBeNull();
  });

  it("leaves the private screen for the same player's hand-over when the page is left (back/forward cache)", () => {
    const g = start(newGame(['pm', 'sadrists']));
    g.actor.send({ type: 'seat.show' });
    g.actor.send({ type: 'option.select', option: g.ctx().game.offers.pm!.options[0]! });
    g.actor.send({ type: 'page.left' });
    expect(g.at()).toBe('handOver');
    expect(g.ctx().current).toBe('pm');
    expect(g.ctx().selected).toBeNull();
    // On the hand-over itself, leaving changes nothing.
    g.actor.send({ type: 'page.left' });
    expect(g.at()).toBe('handOver');
  });

  it('saves after each decision; a reload comes back at the next hand-over, never at a private screen', async () => {
    const g = start(newGame(['pm', 'sadrists', 'framework'], 4));
    g.actor.send({ type: 'seat.show' });
    g.actor.send({ type: 'option.select', option: g.ctx().game.offers.pm!.options[0]! });
    g.actor.send({ type: 'decision.confirm' });
    await settle();
    const json = (g.emitted.filter((e) => e.type === 'save.write').at(-1) as { json: string }).json;
    const restored = restorePass(json, c);
    if (!restored.ok) throw new Error(restored.problem.code);
    const again = start(restored.record);
    expect(again.at()).toBe('handOver');
    expect(again.screen()).toBe('public');
    expect(again.ctx().current).toBe('sadrists');
    expect(nextSeat(c, restored.state)).toBe('sadrists');
  });

  it('keeps the record the game reached, which the end saves, replays and sets beside the historical path', async () => {
    const g = start(newGame(['pm', 'sadrists'], 6));
    const first = g.ctx().record.entries.length;
    for (const actor of ['pm', 'sadrists']) {
      g.actor.send({ type: 'seat.show' });
      g.actor.send({ type: 'option.select', option: g.ctx().game.offers[actor]!.options[0]! });
      g.actor.send({ type: 'decision.confirm' });
      await settle();
    }
    // Two decisions and the turn's resolution (the computers' decisions too) are in the record the page holds.
    expect(g.ctx().record.entries.length).toBeGreaterThan(first + 2);
    const json = passRecordJson(g.ctx().record);
    expect(json).toBe((g.emitted.filter((e) => e.type === 'save.write').at(-1) as { json: string }).json);
    const restored = restorePass(json, c);
    if (!restored.ok) throw new Error(restored.problem.code);
    expect(restored.state.world.turn).toBe(g.ctx().game.world.turn);
    // The same historical path for every player: the scenario's, played with this game's seed.
    expect(passHistorical(c, g.ctx().game)).toEqual(historicalPath(c, 6));
  });

  it('refuses a game of one player, of six, of an unknown seat, and a damaged save, each by its problem', () => {
    expect(seatsProblem(c, ['pm'])).toEqual({ code: 'seat-count', min: 2, max: 5 });
    expect(seatsProblem(c, ['pm', 'pm'])).toEqual({ code: 'seat-twice' });
    expect(seatsProblem(c, ['pm', 'king'])).toEqual({ code: 'unknown-seat', actor: 'king' });
    expect(seatsProblem(c, ['pm', 'us'])).toBeNull();
    expect(restorePass(null, c)).toEqual({ ok: false, problem: { code: 'no-save' } });
    const bad = restorePass('{"format":"crisis-table/record"', c);
    expect(bad).toMatchObject({ ok: false, problem: { code: 'unreadable' } });
  });

  it('says each problem in one sentence of the page’s language', async () => {
    const { passProblemText } = await import('../../src/ui/classroom/pass.page.ts');
    const { loadLanguage, withLanguage } = await import('../../src/present/i18n/i18n.ts');
    await loadLanguage('ar-IQ');
    await loadLanguage('en');
    const problem = seatsProblem(c, ['pm'])!;
    expect(passProblemText(problem)).toBe("Choose 2 to 5 players' seats; the computer plays the others.");
    expect(withLanguage('ar-IQ', () => passProblemText(problem))).toMatch(/^اختر مقاعد من ٢ إلى ٥ لاعبين/);
    const bad = restorePass('{"format":"crisis-table/record"', c);
    if (bad.ok) throw new Error('a damaged save was restored');
    expect(passProblemText(bad.problem)).toMatch(/^[^\n]+ Start a new game\.$/);
  });
});
