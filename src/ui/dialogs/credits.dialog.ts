/** Credits and sources: the scenario's source documents, and what the game is made with. */
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
  const where = [s.outlet, s.author && `by ${s.author}`, s.date].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'source-list__item' },
    h('cite', { class: 'source-list__title', text: s.title }),
    h('span', { class: 'source-list__where', text: where }),
    s.url && h('span', { class: 'source-list__url', text: s.url }),
    h('span', {
      class: 'source-list__meta source-list__how',
      text: `${s.kind}; ${s.perspective}; cited in the game as ${s.file}`,
    }),
  );
}

const MADE_WITH: readonly [string, string][] = [
  ['Phaser 4', 'game framework, MIT licence'],
  ['Howler.js', 'audio, MIT licence'],
  ['XState, Zod, YAML', 'simulation and scenario data, MIT / ISC licences'],
  [
    'Map',
    'border simplified after Natural Earth (public domain); rivers and the Baghdad inset are schematic',
  ],
  ['Emblems and art', 'drawn in code for this project; no photographs of real people, no party logos'],
  ['Music and sounds', 'synthesised by scripts/make-audio.mjs for this project'],
];

export function openCreditsDialog(
  sources: readonly SourceCredit[] | null,
  reference: Reference | null = null,
): HTMLDialogElement {
  return openModal({
    id: 'credits-dialog',
    title: 'Credits and sources',
    body: [
      h('h3', { text: 'Sources of the scenario' }),
      sources
        ? h('ul', { class: 'source-list' }, ...sources.map(sourceItem))
        : h('p', { text: 'The scenario could not be loaded, so its sources cannot be listed.' }),
      h(
        'p',
        { class: 'hint' },
        'Every fact shown in the game cites one of these documents; what the game invents is marked as invented. ',
        'A source that argues a case is shown as that source’s argument, not as the truth.',
      ),
      ...referenceList("Who's who", 'credits-people', reference?.people ?? []),
      ...referenceList('Glossary', 'credits-glossary', reference?.glossary ?? []),
      h('h3', { text: 'Made with' }),
      h(
        'dl',
        { class: 'credits' },
        ...MADE_WITH.flatMap(([what, how]) => [h('dt', { text: what }), h('dd', { text: how })]),
      ),
    ],
  });
}
