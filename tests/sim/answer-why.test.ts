// The computer's reason for answering a proposal, as data beside the sentence the record keeps (issue 20): the
// sentence is word for word the one the computer always wrote (records stay identical), it names indicators in the
// scenario's English whatever language the game is played in, and the views recover the data from it exactly.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { loadScenarioLocale } from '../../src/scenario/locale-dir.ts';
import { localizeScenario } from '../../src/scenario/localize.ts';
import { nextCommand } from '../../src/session/session-rules.ts';
import { computerWeighing } from '../../src/sim/agreements.ts';
import { type AnswerWhy, answerSentence, recoverWhy, whyOf } from '../../src/sim/answer-why.ts';
import type { Entry } from '../../src/sim/commands.ts';
import { type CompiledScenario, compileScenario } from '../../src/sim/compile.ts';
import { viewFor } from '../../src/sim/view.ts';
import { LiveGame, playTurns } from '../helpers/play.ts';

let c: CompiledScenario;
let ar: CompiledScenario;
beforeAll(async () => {
  const loaded = await loadScenarioDir('scenarios/baghdad-2021');
  if (!loaded.ok) throw new Error('the bundled scenario does not load');
  c = compileScenario(loaded.scenario);
  const locale = await loadScenarioLocale('scenarios/baghdad-2021', 'ar-IQ', loaded.scenario);
  ar = compileScenario(localizeScenario(loaded.scenario, locale.texts));
});

/** The sentence as agreements.ts wrote it before issue 20, kept here as the reference the record must match. */
function oldReason(
  c: CompiledScenario,
  accept: boolean,
  values: readonly { indicator: string; delta: number; value: number }[],
  bias: number,
): string {
  const moves = (list: typeof values) =>
    list
      .slice(0, 2)
      .map(
        (v) =>
          `${c.indicatorById.get(v.indicator)?.label.text ?? v.indicator} ${v.delta > 0 ? 'up' : 'down'}`,
      )
      .join(' and ');
  const good = values.filter((v) => v.value > 0).sort((a, b) => b.value - a.value);
  const bad = values.filter((v) => v.value < 0).sort((a, b) => a.value - b.value);
  if (accept) {
    if (good.length === 0) return 'Accepted: the terms suit its stance, though they move none of its goals.';
    return `Accepted: by its own goals, the terms move ${moves(good)}, as it wants${bias < 0 ? ', whatever its reserve' : ''}.`;
  }
  if (bad.length > 0)
    return `Declined: by its own goals, the terms move ${moves(bad)}, against what it wants.`;
  if (bias < 0) return 'Declined: the terms go against its stance.';
  return 'Declined: the terms do nothing for its own goals.';
}

/** A game as the Prime Minister, the other seats the computer's, at the start of the statements turn. */
function pmGame(on: CompiledScenario): LiveGame {
  const game = new LiveGame(on, 11).start(['pm']);
  playTurns(game, [0], on.turnIndexById.get('statements')!);
  return game;
}

function proposeAndLetAnswer(game: LiveGame, on: CompiledScenario, to: string, agreement: string): Entry {
  const propose: Entry = {
    by: { seat: 'pm', as: 'person' },
    command: { type: 'agreement.propose', actor: 'pm', to, agreement },
  };
  expect(game.run(propose)).toBe(true);
  const answer = nextCommand(on, game.state, false)!;
  expect(answer.command.type).toBe('agreement.answer');
  expect(game.run(answer)).toBe(true);
  return answer;
}

describe('the computer’s reason for an answer', () => {
  it('is written word for word as before, for any weighing (the record does not change)', () => {
    const ids = c.scenario.indicators.map((i) => i.id);
    const valued = fc.record({
      indicator: fc.constantFrom(...ids),
      delta: fc.integer({ min: -20, max: 20 }).filter((n) => n !== 0),
      value: fc.double({ min: -50, max: 50, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(valued, { maxLength: 4 }),
        fc.integer({ min: -5, max: 5 }),
        (accept, values, bias) => {
          expect(answerSentence(c, whyOf(accept, values, bias))).toBe(oldReason(c, accept, values, bias));
        },
      ),
    );
  });

  it('comes with the answer as data, and the views recover the same data from the recorded sentence', () => {
    const game = pmGame(c);
    const yes = proposeAndLetAnswer(game, c, 'us', 'joint-investigation');
    const no = proposeAndLetAnswer(game, c, 'framework', 'recount-for-sit-ins');
    const items = viewFor(c, game.state, 'pm').agreements!;
    const [accepted, declined] = items;
    expect(accepted!.why?.key).toMatch(/^accept-goals/);
    expect(accepted!.why!.moves.map((m) => m.indicator)).toContain('internationalBacking');
    expect(declined!.why).toMatchObject({ key: 'decline-goals' });
    expect(declined!.why!.moves).toContainEqual({ indicator: 'streetAnger', up: false });
    // Each recovered reason is the one the weighing gave, and its sentence is the one in the record.
    for (const [item, entry] of [
      [accepted!, yes],
      [declined!, no],
    ] as const) {
      expect(entry.command).toMatchObject({ reason: answerSentence(c, item.why!) });
      const def = c.agreementById.get(item.agreement)!;
      expect(item.answer?.reason).toBe(computerWeighing(c, game.state, item.to, def, item.n).reason);
    }
  });

  it('names the indicators in English in a game played in Arabic: the same record as in English', () => {
    const english = pmGame(c);
    const arabic = pmGame(ar);
    const a = proposeAndLetAnswer(english, c, 'us', 'joint-investigation');
    const b = proposeAndLetAnswer(arabic, ar, 'us', 'joint-investigation');
    expect(b).toEqual(a);
    expect(arabic.record.entries).toEqual(english.record.entries);
    // The Arabic view recovers the reason from the English sentence.
    expect(viewFor(ar, arabic.state, 'pm').agreements![0]!.why).toEqual(
      viewFor(c, english.state, 'pm').agreements![0]!.why,
    );
  });

  it('is recovered from a sentence an Arabic device wrote before, and not from one no weighing writes', () => {
    const why: AnswerWhy = { key: 'decline-goals', moves: [{ indicator: 'streetAnger', up: false }] };
    const inArabic = answerSentence(ar, why, ar.scenario);
    expect(inArabic).not.toBe(answerSentence(ar, why));
    expect(recoverWhy(ar, 'recount-for-sit-ins', 'framework', inArabic)).toEqual(why);
    expect(recoverWhy(c, 'recount-for-sit-ins', 'framework', answerSentence(c, why))).toEqual(why);
    expect(recoverWhy(c, 'recount-for-sit-ins', 'framework', 'Declined: it did not like it.')).toBeNull();
    expect(recoverWhy(c, 'no-such-agreement', 'framework', answerSentence(c, why))).toBeNull();
    // A copy each time: a screen that changes its view does not change the next one's.
    const first = recoverWhy(c, 'recount-for-sit-ins', 'framework', answerSentence(c, why))!;
    first.moves[0]!.up = true;
    expect(recoverWhy(c, 'recount-for-sit-ins', 'framework', answerSentence(c, why))).toEqual(why);
  });
});
