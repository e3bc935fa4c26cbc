/**
 * Scenario text with its citation beside it, as text only: templates for the views, which lit-html binds as text,
 * never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Cited } from '../../present/cite.ts';
import { t } from '../../present/i18n/i18n.ts';

/** A text and its citation, inline: `text (cite)`. */
function citedInline(cited: Cited): TemplateResult {
  return html`${cited.text} <small class="cite">(${cited.cite})</small>`;
}

/** Translators mark the words a text quotes from its source with « »: those are the source's words, translated. */
const QUOTATION = /«[^»]*»/;

/** The texts that quote their source in the game's translation, each with the English it translates. */
function quotingTranslations(parts: readonly Cited[]): Cited[] {
  return parts.filter((c) => c.original !== undefined && QUOTATION.test(c.text));
}

/**
 * A translated quotation says that it is the game's translation of the cited English source, and the English stays
 * one tap away: a note (phrasing content, inside the text's paragraph) and a disclosure with the original (flow
 * content: after the paragraph, since a <details> cannot stand inside a <p>). Both are nothing for texts that quote
 * nothing, or are not translations. Shared with the pages that render cited texts their own way (the pack).
 */
export function translationNote(parts: readonly Cited[]): TemplateResult | typeof nothing {
  return quotingTranslations(parts).length === 0
    ? nothing
    : html` <small class="translation-note">${t('cited.gameTranslation')}</small>`;
}

export function originalDisclosure(parts: readonly Cited[]): TemplateResult | typeof nothing {
  const quoting = quotingTranslations(parts);
  if (quoting.length === 0) return nothing;
  return html`<details class="cited-original"><summary>${t('cited.englishOriginal')}</summary>${quoting.map(
    (c) => html`<p lang="en" dir="ltr">${c.original}</p>`,
  )}</details>`;
}

/**
 * A scenario text in its paragraph. `dir="auto"`: the paragraph reads in the direction of its text, so an English
 * text on an Arabic page (a scenario not yet translated, a quote in its original) keeps its punctuation in place.
 */
export function cited(cited: Cited, tag: 'p' | 'div' = 'p', className = ''): TemplateResult {
  const cls = className || nothing;
  const quoting = [cited];
  return tag === 'div'
    ? html`<div class=${cls} dir="auto">${citedInline(cited)}${translationNote(quoting)}${originalDisclosure(quoting)}</div>`
    : html`<p class=${cls} dir="auto">${citedInline(cited)}${translationNote(quoting)}</p>${originalDisclosure(quoting)}`;
}

export function cite(cited: Cited): TemplateResult {
  return html`<small class="cite">(${cited.cite})</small>`;
}

/** A section of a screen, labelled by its heading; `id` names it for the tests and the links. */
export function block(title: string, id: string, ...children: unknown[]): TemplateResult {
  return html`<section id=${id} class="block" aria-labelledby=${`${id}-heading`}><h2 id=${`${id}-heading`}>${title}</h2>${children}</section>`;
}

/**
 * Passages of one text, each with its citation, in one paragraph: an ending's summary, whose parts may cite
 * different sources.
 */
export function passages(parts: readonly Cited[], tag: 'p' | 'div' = 'p', className = ''): TemplateResult {
  const cls = className || nothing;
  const inner = parts.map((part, i) => html`${i > 0 ? ' ' : nothing}${citedInline(part)}`);
  const quoting = parts;
  return tag === 'div'
    ? html`<div class=${cls} dir="auto">${inner}${translationNote(quoting)}${originalDisclosure(quoting)}</div>`
    : html`<p class=${cls} dir="auto">${inner}${translationNote(quoting)}</p>${originalDisclosure(quoting)}`;
}
