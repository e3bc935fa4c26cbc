// The teacher's pack, in the game and ready to print: the learning goals, the lesson and workshop plans, notes for
// the teacher, a role card per actor (the actors' own briefings, goals and red lines), the discussion questions and
// the hot-wash. Every text carries its source, or says it is the game's own.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Cited } from '../../present/cite.ts';
import { Lookup } from '../../present/lookup.ts';
import type { Scenario } from '../../session/pass-and-play-rules.ts';
import { originalDisclosure, translationNote } from '../views/cited.ts';

const ABOUT: Record<string, string> = {
  perpetrator: 'The unknown perpetrator',
  misinformation: 'The misinformation',
};

/** How the game cites a text of its own (src/present/cite.ts). */
const OWN = 'Invented for the game';

const OWN_NOTE =
  'The goals, plans, notes and questions below are the game’s own, written for it; where one draws on a source, it names it. The role cards say of every text whether it is cited or invented.';

/**
 * A text and its source. The teacher's own material (plans, notes, questions) is the game's throughout, said once
 * at the top, so it names only a source it has; a role card, handed to a team on its own, always says which.
 */
function cited(c: Cited, tag: 'p' | 'li' = 'p', own: 'said' | 'unsaid' = 'unsaid'): TemplateResult {
  const source =
    own === 'said' && c.cite === OWN ? nothing : html`<span class="pack-cite">${` (${c.cite})`}</span>`;
  // A translated quotation: the game's note, and its English original (issue 20).
  return tag === 'li'
    ? html`<li>${c.text}${source}${translationNote([c])}${originalDisclosure([c])}</li>`
    : html`<p>${c.text}${source}${translationNote([c])}</p>${originalDisclosure([c])}`;
}

/** A role card: the actor's own briefing, goals and red lines, each with its source. */
function roleCard(lookup: Lookup, actor: string): TemplateResult {
  const card = lookup.card(actor);
  const briefing = lookup.briefing(actor);
  const redLines = lookup.redLines(actor);
  return html`<section class="pack-card" data-role-card=${actor}><h3>${card.name.text}</h3>${cited(card.role)}${
    briefing ? cited(briefing) : nothing
  }<h4>What you want</h4><ul>${card.goals.map(
    (g) =>
      html`<li>${`${lookup.indicatorLabel(g.indicator)}: ${g.want === 'high' ? 'high' : 'low'}. ${g.why.text}`}<span
        class="pack-cite">${` (${g.why.cite})`}</span></li>`,
  )}</ul>${
    redLines.length > 0
      ? html`<h4>Your red lines</h4><ul>${redLines.map((r) => cited(r, 'li'))}</ul>`
      : nothing
  }</section>`;
}

/** The teacher's own material: the goals, the plans, the notes, the hot-wash and the discussion questions. */
function teaching(scenario: Scenario, lookup: Lookup, t: NonNullable<Scenario['teaching']>): TemplateResult {
  const outcomes = new Map(scenario.outcomes.map((o) => [o.id, o.title.text]));
  const said = (text: Parameters<Lookup['cite']>[0]) => cited(lookup.cite(text), 'li', 'said');
  return html`<h2>Learning goals</h2><ul>${t.goals.map(said)}</ul>${t.plans.map(
    (plan) =>
      html`<section class="pack-plan" data-plan=${plan.id}><h2>${`${plan.title.text} (${plan.minutes} minutes)`}</h2><ol>${plan.steps.map(
        (step) =>
          html`<li><strong>${`${step.minutes} min. `}</strong>${cited(lookup.cite(step.text), 'p', 'said')}</li>`,
      )}</ol></section>`,
  )}${
    t.notes.length > 0
      ? html`<h2>Notes for the teacher</h2><ul class="pack-notes">${t.notes.map(said)}</ul>`
      : nothing
  }${
    t.hotWash.length > 0
      ? html`<h2>The hot-wash, at the end of a workshop</h2><ol>${t.hotWash.map(said)}</ol>`
      : nothing
  }<h2>Discussion questions</h2>${t.questions.map(
    (q) =>
      html`<section class="pack-questions" data-about=${q.about}><h3>${
        ABOUT[q.about] ?? `If the game ends in: ${outcomes.get(q.about) ?? q.about}`
      }</h3><ol>${q.items.map(said)}</ol></section>`,
  )}`;
}

export function packPage(scenario: Scenario, back: () => void): TemplateResult {
  const lookup = new Lookup(scenario);
  const t = scenario.teaching;
  if (!t) return html`<main class="class-page"><h1>This scenario has no teacher’s pack yet</h1></main>`;
  return html`<main class="class-page pack">
    <p class="eyebrow pack-noprint">${scenario.meta.title.text}</p>
    <h1>The teacher’s pack</h1>
    <div class="console-actions pack-noprint"><button class="button" type="button" @click=${() => print()}>Print, or save as PDF</button><button class="button button--quiet" type="button" @click=${back}>Back</button></div>
    <p class="pack-own">${OWN_NOTE}</p>
    ${teaching(scenario, lookup, t)}
    <h2 class="pack-cards-title">Role cards</h2>
    ${scenario.actors.filter((a) => a.playable).map((a) => roleCard(lookup, a.id))}
  </main>`;
}
