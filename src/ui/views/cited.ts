/**
 * Scenario text with its citation beside it, as text only: templates for the views, which lit-html binds as text,
 * never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Cited } from '../../present/cite.ts';

/** A text and its citation, inline: `text (cite)`. */
function citedInline(cited: Cited): TemplateResult {
  return html`${cited.text} <small class="cite">(${cited.cite})</small>`;
}

/**
 * A scenario text in its paragraph. `dir="auto"`: the paragraph reads in the direction of its text, so an English
 * text on an Arabic page (a scenario not yet translated, a quote in its original) keeps its punctuation in place.
 */
export function cited(cited: Cited, tag: 'p' | 'div' = 'p', className = ''): TemplateResult {
  const cls = className || nothing;
  return tag === 'div'
    ? html`<div class=${cls} dir="auto">${citedInline(cited)}</div>`
    : html`<p class=${cls} dir="auto">${citedInline(cited)}</p>`;
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
  return tag === 'div'
    ? html`<div class=${cls} dir="auto">${inner}</div>`
    : html`<p class=${cls} dir="auto">${inner}</p>`;
}
