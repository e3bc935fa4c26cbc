/** Credits and sources: the scenario's source documents, and what the game is made with. */
import { html, nothing, type TemplateResult } from 'lit-html';
import { isolate, t } from '../../present/i18n/i18n.ts';
import type { Reference, ReferenceEntry, SourceCredit } from '../../present/screens.ts';
import { openModal } from './modal-dialog.ts';

function referenceList(
  title: string,
  id: string,
  entries: readonly ReferenceEntry[],
): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`<h3 id=${id}>${title}</h3><dl class="credits" aria-labelledby=${id}>${entries.map(
    (e) => html`<dt>${e.name}</dt><dd>${e.text}<span class="source-list__meta">${` (${e.cite})`}</span></dd>`,
  )}</dl>`;
}

/**
 * One source as a reader would look it up (title, outlet, author, date, as the document gives them), then how
 * to read it and the file name that the game's citations use. An address is shown as text, not as a link:
 * it is scenario data.
 */
function sourceItem(s: SourceCredit): TemplateResult {
  const where = [s.outlet, s.author && t('credits.by', { author: s.author }), s.date]
    .filter(Boolean)
    .join(' · ');
  return html`<li class="source-list__item"><cite class="source-list__title">${s.title}</cite><span
    class="source-list__where">${where}</span>${
      s.url ? html`<span class="source-list__url" dir="ltr">${s.url}</span>` : nothing
    }<span class="source-list__meta source-list__how">${t('credits.how', {
      kind: s.kind,
      perspective: s.perspective,
      file: isolate(s.file),
    })}</span></li>`;
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
    body: html`<h3>${t('credits.sources')}</h3>${
      sources
        ? html`<ul class="source-list">${sources.map(sourceItem)}</ul>`
        : html`<p>${t('credits.noSources')}</p>`
    }<p class="hint">${t('credits.cites')}${t('credits.argues')}</p>${referenceList(
      t('credits.people'),
      'credits-people',
      reference?.people ?? [],
    )}${referenceList(t('credits.glossary'), 'credits-glossary', reference?.glossary ?? [])}<h3>${t(
      'credits.madeWith',
    )}</h3><dl class="credits">${madeWith().map(([what, how]) => html`<dt>${what}</dt><dd>${how}</dd>`)}</dl>`,
  });
}
