// A proposal waiting for a seat's answer is said at first sight (issue 19): it lapses at the end of the turn, so a
// team must not find it one tap away. The sentence is counted in the situation room's words, and the reading stays
// within its budget even in the turns where every other seat proposes to this one all it may.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, withLanguage } from '../../src/present/i18n/i18n.ts';
import { Lookup } from '../../src/present/lookup.ts';
import {
  awaitingLine,
  countWords,
  DECISION_WORDS,
  resolutionFirstSight,
  SITUATION_WORDS,
  situationFirstSight,
  withReadingBudget,
} from '../../src/present/reading.presenter.ts';
import { resolutionModel, situationModel } from '../../src/present/turn.presenter.ts';
import { mayPropose } from '../../src/sim/agreements.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame, resolveEntry, submit } from '../helpers/play.ts';

let c: CompiledScenario;
let lookup: Lookup;
beforeAll(async () => {
  await loadLanguage('ar-IQ');
  await loadLanguage('en');
  c = await bundledScenario();
  lookup = new Lookup(c.scenario);
});

/** Every other seat proposes to `actor` every agreement it may now; how many were made. */
function proposeTo(game: LiveGame, actor: string): number {
  let made = 0;
  for (const from of c.playableIds) {
    if (from === actor) continue;
    for (const p of mayPropose(c, game.state, from)) {
      if (p.to !== actor) continue;
      const command = { type: 'agreement.propose' as const, actor: from, to: actor, agreement: p.agreement };
      if (game.run({ by: { seat: from, as: 'person' }, command })) made++;
    }
  }
  return made;
}

describe('a proposal waiting for the answer, at first sight', () => {
  it('is said in one counted sentence, within the reading’s words, for every seat in every turn', () => {
    let said = 0;
    for (const actor of c.playableIds) {
      const game = new LiveGame(c, 7).start(c.playableIds);
      let was = game.state;
      while (!game.ended) {
        const made = proposeTo(game, actor);
        const view = viewFor(c, game.state, actor);
        const model = situationModel(view, lookup, null);
        const sight = situationFirstSight(model);
        const waiting = (view.agreements ?? []).filter((a) => a.status === 'pending' && a.to === actor);
        expect(model.awaiting?.length ?? 0).toBe(waiting.length);
        expect(waiting.length).toBeGreaterThanOrEqual(made);
        if (waiting.length > 0) {
          said++;
          expect(sight.awaiting).toContain(lookup.actorName(waiting[0]!.from));
          expect(sight.awaiting).toContain(lookup.agreementLabel(waiting[0]!.agreement));
        } else expect(sight.awaiting).toBeNull();
        const where = `${actor}, turn ${model.turn.index + 1}`;
        expect(sight.words, where).toBeLessThanOrEqual(SITUATION_WORDS);
        if (game.state !== was && model.turn.index > 0) {
          const before = withReadingBudget(resolutionModel(viewFor(c, was, actor), view, lookup), model);
          expect(resolutionFirstSight(before).words + sight.words, where).toBeLessThanOrEqual(DECISION_WORDS);
        }
        was = game.state;
        for (const seat of c.playableIds) {
          const options = game.state.offers[seat]?.options ?? [];
          if (options.length > 0) game.run(submit(seat, options[0]!));
        }
        if (!game.run(resolveEntry)) throw new Error('the turn did not resolve');
      }
    }
    // The scenario lets seats propose to one another: the sentence was there to be counted.
    expect(said).toBeGreaterThan(0);
  });

  it('counts the sentence among the room’s words, and says one proposal or how many, in English and Arabic', () => {
    const one = [{ n: 1, from: 'The Sadrists', agreement: 'A recount for calm' }];
    const two = [...one, { n: 2, from: 'Iran', agreement: 'Mediation' }];
    expect(awaitingLine(undefined)).toBeNull();
    expect(awaitingLine([])).toBeNull();
    expect(awaitingLine(one)).toBe(
      'A proposal from The Sadrists: A recount for calm. It waits for your answer this turn.',
    );
    expect(awaitingLine(two)).toBe(
      '2 proposals wait for your answer this turn, the first from The Sadrists: A recount for calm.',
    );
    expect(withLanguage('ar-IQ', () => awaitingLine(one))).toBe(
      'اقتراح من \u2068The Sadrists\u2069: \u2068A recount for calm\u2069. وهو ينتظر ردّك في هذه الجولة.',
    );
    expect(withLanguage('ar-IQ', () => awaitingLine(two))).toContain('اقتراحان ينتظران ردّك');

    const game = new LiveGame(c, 7).start(c.playableIds);
    const model = situationModel(viewFor(c, game.state, 'pm'), lookup, null);
    const plain = situationFirstSight(model);
    const alerted = situationFirstSight({ ...model, awaiting: one });
    expect(alerted.words - plain.words).toBe(countWords(alerted.awaiting));
  });
});
