// The teacher's pack, in the game and ready to print: the learning goals, the lesson and workshop plans, notes for
// the teacher, a role card per actor (the actors' own briefings, goals and red lines), the discussion questions and
// the hot-wash. Every text carries its source, or says it is the game's own.
import type { Cited } from '../../present/cite.ts';
import { Lookup } from '../../present/lookup.ts';
import type { Scenario } from '../../session/pass-and-play-rules.ts';
import { h } from '../dom.ts';

const ABOUT: Record<string, string> = {
  perpetrator: 'The unknown perpetrator',
  misinformation: 'The misinformation',
};

/** How the game cites a text of its own (src/present/cite.ts). */
const OWN = 'Invented for the game';

/**
 * A text and its source. The teacher's own material (plans, notes, questions) is the game's throughout, said once
 * at the top, so it names only a source it has; a role card, handed to a team on its own, always says which.
 */
function cited(c: Cited, tag: 'p' | 'li' = 'p', own: 'said' | 'unsaid' = 'unsaid'): HTMLElement {
  if (own === 'said' && c.cite === OWN) return h(tag, { text: c.text });
  return h(tag, {}, c.text, h('span', { class: 'pack-cite', text: ` (${c.cite})` }));
}

export function packPage(scenario: Scenario, back: () => void): HTMLElement {
  const lookup = new Lookup(scenario);
  const t = scenario.teaching;
  const outcomes = new Map(scenario.outcomes.map((o) => [o.id, o.title.text]));
  if (!t) {
    return h('main', { class: 'class-page' }, h('h1', { text: 'This scenario has no teacher’s pack yet' }));
  }
  const cards = scenario.actors
    .filter((a) => a.playable)
    .map((a) => {
      const card = lookup.card(a.id);
      const briefing = lookup.briefing(a.id);
      return h(
        'section',
        { class: 'pack-card', dataset: { roleCard: a.id } },
        h('h3', { text: card.name.text }),
        cited(card.role),
        briefing && cited(briefing),
        h('h4', { text: 'What you want' }),
        h(
          'ul',
          {},
          ...card.goals.map((g) =>
            h(
              'li',
              {},
              `${lookup.indicatorLabel(g.indicator)}: ${g.want === 'high' ? 'high' : 'low'}. ${g.why.text}`,
              h('span', { class: 'pack-cite', text: ` (${g.why.cite})` }),
            ),
          ),
        ),
        lookup.redLines(a.id).length > 0 && h('h4', { text: 'Your red lines' }),
        lookup.redLines(a.id).length > 0 && h('ul', {}, ...lookup.redLines(a.id).map((r) => cited(r, 'li'))),
      );
    });
  return h(
    'main',
    { class: 'class-page pack' },
    h('p', { class: 'eyebrow pack-noprint', text: scenario.meta.title.text }),
    h('h1', { text: 'The teacher’s pack' }),
    h(
      'div',
      { class: 'console-actions pack-noprint' },
      h('button', {
        class: 'button',
        attrs: { type: 'button' },
        text: 'Print, or save as PDF',
        on: { click: () => print() },
      }),
      h('button', {
        class: 'button button--quiet',
        attrs: { type: 'button' },
        text: 'Back',
        on: { click: back },
      }),
    ),
    h('p', {
      class: 'pack-own',
      text: 'The goals, plans, notes and questions below are the game’s own, written for it; where one draws on a source, it names it. The role cards say of every text whether it is cited or invented.',
    }),
    h('h2', { text: 'Learning goals' }),
    h('ul', {}, ...t.goals.map((g) => cited(lookup.cite(g), 'li', 'said'))),
    ...t.plans.map((plan) =>
      h(
        'section',
        { class: 'pack-plan', dataset: { plan: plan.id } },
        h('h2', { text: `${plan.title.text} (${plan.minutes} minutes)` }),
        h(
          'ol',
          {},
          ...plan.steps.map((step) =>
            h(
              'li',
              {},
              h('strong', { text: `${step.minutes} min. ` }),
              cited(lookup.cite(step.text), 'p', 'said'),
            ),
          ),
        ),
      ),
    ),
    t.notes.length > 0 && h('h2', { text: 'Notes for the teacher' }),
    t.notes.length > 0 &&
      h('ul', { class: 'pack-notes' }, ...t.notes.map((n) => cited(lookup.cite(n), 'li', 'said'))),
    t.hotWash.length > 0 && h('h2', { text: 'The hot-wash, at the end of a workshop' }),
    t.hotWash.length > 0 && h('ol', {}, ...t.hotWash.map((q) => cited(lookup.cite(q), 'li', 'said'))),
    h('h2', { text: 'Discussion questions' }),
    ...t.questions.map((q) =>
      h(
        'section',
        { class: 'pack-questions', dataset: { about: q.about } },
        h('h3', { text: ABOUT[q.about] ?? `If the game ends in: ${outcomes.get(q.about) ?? q.about}` }),
        h('ol', {}, ...q.items.map((item) => cited(lookup.cite(item), 'li', 'said'))),
      ),
    ),
    h('h2', { class: 'pack-cards-title', text: 'Role cards' }),
    ...cards,
  );
}
