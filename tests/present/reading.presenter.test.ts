// The reading of a decision: the "What happened" screen and the situation room show together at most 350 words at
// first sight, the headlines that matter most first, a lede only when a whole sentence fits, never a cut one.
import { beforeAll, describe, expect, it } from 'vitest';
import { Lookup } from '../../src/present/lookup.ts';
import {
  COUNSEL_AT_MOST,
  countWords,
  DECISION_WORDS,
  LEDE_WORDS,
  lede,
  MAX_HEADLINES,
  moveGroups,
  movesLine,
  rankNews,
  resolutionFirstSight,
  SITUATION_WORDS,
  situationFirstSight,
  withReadingBudget,
} from '../../src/present/reading.presenter.ts';
import type { IndicatorRow, NewsItem, ResolutionModel } from '../../src/present/screens.ts';
import { resolutionModel, situationModel } from '../../src/present/turn.presenter.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame, resolveEntry, submit } from '../helpers/play.ts';

let c: CompiledScenario;
let lookup: Lookup;
beforeAll(async () => {
  c = await bundledScenario();
  lookup = new Lookup(c.scenario);
});

function news(headline: string, over: Partial<NewsItem> = {}): NewsItem {
  return {
    kind: 'news',
    kindLabel: 'News',
    headline: { text: headline, cite: 'Invented for the game' },
    body: null,
    speaker: null,
    actor: null,
    moved: 0,
    exposed: false,
    counterfactual: false,
    ...over,
  };
}

function row(id: string, delta: number, tone: IndicatorRow['tone']): IndicatorRow {
  return {
    id,
    label: id,
    meaning: { text: '', cite: '' },
    min: 0,
    max: 100,
    value: 50,
    delta,
    trend: delta > 0 ? 'up' : delta < 0 ? 'down' : 'steady',
    causes: [],
    history: [50 - delta, 50],
    want: tone === 'neutral' ? null : 'high',
    tone,
  };
}

function resolution(items: NewsItem[], budget?: number): ResolutionModel {
  const cited = (text: string) => ({ text, cite: 'Invented for the game' });
  return {
    kind: 'resolution',
    actor: { id: 'pm', name: cited('The Prime Minister'), role: cited(''), emblem: 'pm', goals: [] },
    turn: {
      index: 2,
      count: 10,
      date: '26 October 2021',
      title: cited('Sit-ins at the Green Zone'),
      summary: cited(''),
      history: null,
    },
    choice: 'Call for calm and restraint',
    news: items,
    changes: [row('Violence', -3, 'good'), row('Street anger', 4, 'bad'), row('Tension', 2, 'neutral')],
    ended: false,
    mood: 'calm',
    ...(budget === undefined ? {} : { readingBudget: budget }),
  };
}

describe('words, ledes and ranks', () => {
  it('counts the words a reader sees: runs with a letter or a digit, not arrows, dashes or dots', () => {
    expect(countWords('Turn 7 of 10 · mid-November 2021')).toBe(6);
    expect(countWords('▲ Street anger +3, ▼ Violence −10.', null, false, '')).toBe(5);
    expect(countWords('+', '−', '—')).toBe(0);
  });

  it('takes a whole short first sentence as the lede, and leaves out a long one rather than cutting it', () => {
    expect(lede('Kadhimi survives. The drones hit the roof of his house.', 'An attack')).toBe(
      'Kadhimi survives.',
    );
    const long = `${Array.from({ length: LEDE_WORDS + 1 }, (_, i) => `word${i}`).join(' ')}. Short one.`;
    expect(lede(long, 'Headline')).toBeNull();
    expect(lede('The Framework questions the results.', 'The Framework questions the results')).toBeNull();
    expect(lede(null, 'Headline')).toBeNull();
  });

  it('ranks the player’s own announcement first, then what moved the indicators most, then the journal’s order', () => {
    const items = [
      news('a', { moved: 2 }),
      news('b', { moved: 9 }),
      news('own', { kind: 'action', kindLabel: 'Announced', actor: 'pm' }),
      news('c', { moved: 2 }),
      news('other', { kind: 'action', kindLabel: 'Announced', actor: 'us', moved: 5 }),
    ];
    expect(rankNews(items, 'pm').map((n) => n.headline.text)).toEqual(['own', 'b', 'other', 'a', 'c']);
  });

  it('says the tone of every move in words, bad first', () => {
    const groups = moveGroups([
      row('Violence', -3, 'good'),
      row('Street anger', 4, 'bad'),
      row('Flat', 0, 'neutral'),
    ]);
    expect(movesLine(groups)).toBe('Bad for you: Street anger +4. Good for you: Violence −3.');
  });
});

describe('the "What happened" screen at first sight', () => {
  const many = Array.from({ length: 19 }, (_, i) =>
    news(`Headline number ${i + 1} of the turn`, {
      moved: 19 - i,
      body: { text: 'A short lede.', cite: '' },
    }),
  );

  it('keeps within the words the situation room leaves, always with the first headline', () => {
    for (const budget of [0, 40, 60, 80, 110, 200, 400]) {
      const sight = resolutionFirstSight(resolution(many, budget));
      expect(sight.headlines.length).toBeGreaterThanOrEqual(1);
      expect(sight.headlines.length).toBeLessThanOrEqual(MAX_HEADLINES);
      if (sight.headlines.length > 1) expect(sight.words).toBeLessThanOrEqual(budget);
      expect(sight.more).toBe(19 - sight.headlines.length);
      expect(sight.ranked).toHaveLength(19);
      expect(sight.all).toBe('All 19 reports, and what moved each indicator');
    }
  });

  it('gives headlines before ledes, and more of both as the words allow', () => {
    const tight = resolutionFirstSight(resolution(many, 60));
    const roomy = resolutionFirstSight(resolution(many, 200));
    expect(roomy.headlines.length).toBeGreaterThan(tight.headlines.length);
    // A lede takes only the words no further headline could use: without the ledes, one more would not fit.
    for (let budget = 50; budget <= 120; budget++) {
      const sight = resolutionFirstSight(resolution(many, budget));
      if (sight.headlines.length === MAX_HEADLINES) continue;
      const ledes = countWords(...sight.headlines.map((h) => h.lede));
      const nextHeadline = countWords('News', many[0]!.headline.text);
      expect(sight.words - ledes + nextHeadline, `budget ${budget}`).toBeGreaterThan(budget);
    }
    expect(roomy.headlines.every((h) => h.lede === 'A short lede.')).toBe(true);
  });

  it('counts what it shows: the same words as its parts', () => {
    const model = resolution([news('Only one report', { counterfactual: true })], 200);
    const sight = resolutionFirstSight(model);
    const [only] = sight.headlines;
    expect(only?.badges).toEqual(['Did not happen in history']);
    expect(sight.all).toBe('The report, and what moved each indicator');
    expect(sight.words).toBe(
      countWords(
        'Turn 3 of 10',
        'What happened: 26 October 2021',
        'Sit-ins at the Green Zone',
        'You chose: Call for calm and restraint.',
        'What you learn',
        'News Did not happen in history Only one report',
        'Indicators',
        movesLine(sight.moves),
        sight.all,
        'Next turn',
      ),
    );
  });
});

describe('a whole game of every playable actor', () => {
  it('shows at most 350 words at first sight before every decision, the situation room within its share', () => {
    const worst: Record<string, number> = {};
    for (const actor of c.playableIds) {
      for (const [seed, pick] of [
        [5, 0],
        [11, 1],
        [23, 3],
      ] as const) {
        const game = new LiveGame(c, seed).start([actor]);
        let before = situationFirstSight(situationModel(viewFor(c, game.state, actor), lookup, null)).words;
        worst[actor] = Math.max(worst[actor] ?? 0, before);
        while (!game.ended) {
          const was = game.state;
          const options = game.state.offers[actor]?.options ?? [];
          if (options.length > 0) game.run(submit(actor, options[pick % options.length]!));
          game.computersDecide();
          if (!game.run(resolveEntry)) throw new Error('the turn did not resolve');
          const after = viewFor(c, game.state, actor);
          const next = game.ended ? null : situationModel(after, lookup, null);
          const model = withReadingBudget(resolutionModel(viewFor(c, was, actor), after, lookup), next);
          const words = resolutionFirstSight(model).words;
          if (!next) continue;
          const situation = situationFirstSight(next);
          expect(situation.counsel.length).toBeLessThanOrEqual(COUNSEL_AT_MOST);
          expect(situation.words, `${actor}, turn ${next.turn.index + 1}`).toBeLessThanOrEqual(
            SITUATION_WORDS,
          );
          expect(words + situation.words, `${actor}, turn ${next.turn.index + 1}`).toBeLessThanOrEqual(
            DECISION_WORDS,
          );
          worst[actor] = Math.max(worst[actor] ?? 0, words + situation.words);
          before = situation.words;
        }
        expect(before).toBeGreaterThan(0);
      }
    }
    console.log(`most first-sight words before a decision, by actor: ${JSON.stringify(worst)}`);
  });
});
