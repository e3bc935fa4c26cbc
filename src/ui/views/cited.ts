/** Scenario text with its citation beside it, as text nodes only. */
import type { Cited } from '../../present/cite.ts';
import { h } from '../dom.ts';

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
