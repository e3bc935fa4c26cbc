// The teacher's pack, in the game and ready to print: the learning goals, the lesson and workshop plans, notes for
// the teacher, a role card per actor (the actors' own briefings, goals and red lines), the discussion questions and
// the hot-wash. Every text carries its source, or says it is the game's own.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Cited } from '../../present/cite.ts';
import { t } from '../../present/i18n/i18n.ts';
import { Lookup } from '../../present/lookup.ts';
import type { Scenario } from '../../session/pass-and-play-rules.ts';
import { originalDisclosure, translationNote } from '../views/cited.ts';

/** What a set of discussion questions is about, where it is not an ending. */
function aboutWords(about: string): string | undefined {
  if (about === 'perpetrator') return t('pack.aboutPerpetrator');
  if (about === 'misinformation') return t('pack.aboutMisinformation');
  return undefined;
}

/**
 * A text and its source. The teacher's own material (plans, notes, questions) is the game's throughout, said once
 * at the top, so it names only a source it has; a role card, handed to a team on its own, always says which.
 */
function cited(c: Cited, tag: 'p' | 'li' = 'p', own: 'said' | 'unsaid' = 'unsaid'): TemplateResult {
  const source =
    // The game's own citation (src/present/cite.ts), in the current language.
    own === 'said' && c.cite === t('cite.invented')
      ? nothing
      : html`<span class="pack-cite">${` (${c.cite})`}</span>`;
  // The text reads in its own direction (an English text on an Arabic page keeps its punctuation in place); a list
  // item keeps the page's, so that its marker stays on the page's side and never stands outside the page. A
  // translated quotation: the game's note, and its English original (issue 20).
  return tag === 'li'
    ? html`<li><span dir="auto">${c.text}</span>${source}${translationNote([c])}${originalDisclosure([c])}</li>`
    : html`<p dir="auto">${c.text}${source}${translationNote([c])}</p>${originalDisclosure([c])}`;
}

/** A role card: the actor's own briefing, goals and red lines, each with its source. */
function roleCard(lookup: Lookup, actor: string): TemplateResult {
  const card = lookup.card(actor);
  const briefing = lookup.briefing(actor);
  const redLines = lookup.redLines(actor);
  return html`<section class="pack-card" data-role-card=${actor}><h3>${card.name.text}</h3>${cited(card.role)}${
    briefing ? cited(briefing) : nothing
  }<h4>${t('pack.want')}</h4><ul>${card.goals.map(
    (g) =>
      html`<li>${g.want === 'high' ? t('pack.goalHigh', { indicator: lookup.indicatorLabel(g.indicator), why: g.why.text }) : t('pack.goalLow', { indicator: lookup.indicatorLabel(g.indicator), why: g.why.text })}<span
        class="pack-cite">${` (${g.why.cite})`}</span></li>`,
  )}</ul>${
    redLines.length > 0
      ? html`<h4>${t('briefing.redLines')}</h4><ul>${redLines.map((r) => cited(r, 'li'))}</ul>`
      : nothing
  }</section>`;
}

/** The teacher's own material: the goals, the plans, the notes, the hot-wash and the discussion questions. */
function teaching(
  scenario: Scenario,
  lookup: Lookup,
  pack: NonNullable<Scenario['teaching']>,
): TemplateResult {
  const outcomes = new Map(scenario.outcomes.map((o) => [o.id, o.title.text]));
  const said = (text: Parameters<Lookup['cite']>[0]) => cited(lookup.cite(text), 'li', 'said');
  return html`<h2>${t('pack.goals')}</h2><ul>${pack.goals.map(said)}</ul>${pack.plans.map(
    (plan) =>
      html`<section class="pack-plan" data-plan=${plan.id}><h2>${t('pack.planTitle', { title: plan.title.text, count: plan.minutes })}</h2><ol>${plan.steps.map(
        (step) =>
          html`<li><strong>${t('pack.stepMinutes', { minutes: step.minutes })}</strong>${cited(lookup.cite(step.text), 'p', 'said')}</li>`,
      )}</ol></section>`,
  )}${
    pack.notes.length > 0
      ? html`<h2>${t('pack.notes')}</h2><ul class="pack-notes">${pack.notes.map(said)}</ul>`
      : nothing
  }${
    pack.hotWash.length > 0 ? html`<h2>${t('pack.hotWash')}</h2><ol>${pack.hotWash.map(said)}</ol>` : nothing
  }<h2>${t('pack.questions')}</h2>${pack.questions.map(
    (q) =>
      html`<section class="pack-questions" data-about=${q.about}><h3>${
        aboutWords(q.about) ?? t('pack.ifEnds', { ending: outcomes.get(q.about) ?? q.about })
      }</h3><ol>${q.items.map(said)}</ol></section>`,
  )}`;
}

export function packPage(scenario: Scenario, back: () => void): TemplateResult {
  const lookup = new Lookup(scenario);
  const pack = scenario.teaching;
  if (!pack) return html`<main class="class-page"><h1>${t('pack.none')}</h1></main>`;
  return html`<main class="class-page pack">
    <p class="eyebrow pack-noprint">${scenario.meta.title.text}</p>
    <h1>${t('pack.heading')}</h1>
    <div class="console-actions pack-noprint"><button class="button" type="button" @click=${() => print()}>${t('pack.print')}</button><button class="button button--quiet" type="button" @click=${back}>${t('pass.back')}</button></div>
    <p class="pack-own">${t('pack.ownNote')}</p>
    ${teaching(scenario, lookup, pack)}
    <h2 class="pack-cards-title">${t('pack.cards')}</h2>
    ${scenario.actors.filter((a) => a.playable).map((a) => roleCard(lookup, a.id))}
  </main>`;
}
