/** Credits and sources: the scenario's source documents, and what the game is made with. */
import { isolate, t } from '../../present/i18n/i18n.ts';
import type { Reference, ReferenceEntry, SourceCredit } from '../../present/screens.ts';
import { h } from '../dom.ts';
import { openModal } from './modal-dialog.ts';

function referenceList(title: string, id: string, entries: readonly ReferenceEntry[]): HTMLElement[] {
  if (entries.length === 0) return [];
  return [
    h('h3', { id, text: title }),
    h(
      'dl',
      { class: 'credits', attrs: { 'aria-labelledby': id } },
      ...entries.flatMap((e) => [
        h('dt', { text: e.name }),
        h('dd', {}, e.text, h('span', { class: 'source-list__meta', text: ` (${e.cite})` })),
      ]),
    ),
  ];
}

/**
 * One source as a reader would look it up (title, outlet, author, date, as the document gives them), then how
 * to read it and the file name that the game's citations use. An address is shown as text, not as a link:
 * it is scenario data.
 */
function sourceItem(s: SourceCredit): HTMLElement {
  const where = [s.outlet, s.author && t('credits.by', { author: s.author }), s.date]
    .filter(Boolean)
    .join(' · ');
  return h(
    'li',
    { class: 'source-list__item' },
    h('cite', { class: 'source-list__title', text: s.title }),
    h('span', { class: 'source-list__where', text: where }),
    s.url && h('span', { class: 'source-list__url', attrs: { dir: 'ltr' }, text: s.url }),
    h('span', {
      class: 'source-list__meta source-list__how',
      text: t('credits.how', { kind: s.kind, perspective: s.perspective, file: isolate(s.file) }),
    }),
  );
}

/** What the game is made with; a function, so that each string is read in the language of the moment. */
const madeWith = (): readonly [string, string][] => [
  ['Phaser 4', t('credits.phaser')],
  ['Howler.js', t('credits.howler')],
  ['XState, Zod, YAML', t('credits.data')],
  [t('credits.map'), t('credits.mapHow')],
  [t('credits.art'), t('credits.artHow')],
  [t('credits.music'), t('credits.musicHow')],
];

export function openCreditsDialog(
  sources: readonly SourceCredit[] | null,
  reference: Reference | null = null,
): HTMLDialogElement {
  return openModal({
    id: 'credits-dialog',
    title: t('title.credits'),
    body: [
      h('h3', { text: t('credits.sources') }),
      sources
        ? h('ul', { class: 'source-list' }, ...sources.map(sourceItem))
        : h('p', { text: t('credits.noSources') }),
      h('p', { class: 'hint' }, t('credits.cites'), t('credits.argues')),
      ...referenceList(t('credits.people'), 'credits-people', reference?.people ?? []),
      ...referenceList(t('credits.glossary'), 'credits-glossary', reference?.glossary ?? []),
      h('h3', { text: t('credits.madeWith') }),
      h(
        'dl',
        { class: 'credits' },
        ...madeWith().flatMap(([what, how]) => [h('dt', { text: what }), h('dd', { text: how })]),
      ),
    ],
  });
}
