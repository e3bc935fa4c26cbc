/**
 * Scenario text with its citation beside it, as text only. The templates (lit-html binds text, never markup) are
 * what the solo views render; the element builders below them remain for the views still built with `h()` (the
 * debrief), and give the same markup.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Cited } from '../../present/cite.ts';
import { h } from '../dom.ts';

/** A text and its citation, inline: `text (cite)`. */
function citedInline(cited: Cited): TemplateResult {
  return html`${cited.text} <small class="cite">(${cited.cite})</small>`;
}

export function cited(cited: Cited, tag: 'p' | 'div' = 'p', className = ''): TemplateResult {
  const cls = className || nothing;
  return tag === 'div'
    ? html`<div class=${cls}>${citedInline(cited)}</div>`
    : html`<p class=${cls}>${citedInline(cited)}</p>`;
}

export function cite(cited: Cited): TemplateResult {
  return html`<small class="cite">(${cited.cite})</small>`;
}

/** A section of a screen, labelled by its heading; `id` names it for the tests and the links. */
export function block(title: string, id: string, ...children: unknown[]): TemplateResult {
  return html`<section id=${id} class="block" aria-labelledby=${`${id}-heading`}><h2 id=${`${id}-heading`}>${title}</h2>${children}</section>`;
}

export function citedBlock(cited: Cited, tag: 'p' | 'div' = 'p', className = ''): HTMLElement {
  return h(
    tag,
    { class: className },
    cited.text,
    ' ',
    h('small', { class: 'cite', text: `(${cited.cite})` }),
  );
}

/**
 * Passages of one text, each with its citation, in one paragraph: an ending's summary, whose parts may cite
 * different sources.
 */
export function citedPassages(parts: readonly Cited[], tag: 'p' | 'div' = 'p', className = ''): HTMLElement {
  return h(
    tag,
    { class: className },
    ...parts.flatMap((cited, i) => [
      i > 0 ? ' ' : '',
      cited.text,
      ' ',
      h('small', { class: 'cite', text: `(${cited.cite})` }),
    ]),
  );
}

export function citeLine(cited: Cited): HTMLElement {
  return h('small', { class: 'cite', text: `(${cited.cite})` });
}

export function section(title: string, id: string, ...children: (Node | null | false)[]): HTMLElement {
  const headingId = `${id}-heading`;
  return h(
    'section',
    { id, class: 'block', attrs: { 'aria-labelledby': headingId } },
    h('h2', { id: headingId, text: title }),
    ...children,
  );
}
