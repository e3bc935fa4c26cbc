// Groups side by side, for print or the screen: each group's ending, each indicator drawn group by group, the
// first turn where their decisions differed, and the decisions that weighed most. One HTML page; every text from
// the scenario or a label is escaped. Lines are told apart by colour (Okabe and Ito's colour-blind-safe set) and by
// dash, and each is named in words beside its chart, in dark text after a sample of its line (a coloured word on
// white would not reach 4.5:1 for every colour of the set). The dates are the turns' own, as the debrief gives them.
// In the current language (i18n.ts), like the after-action report; what it compares is the records', in any.
import type { Scenario } from '../scenario/types.ts';
import type { Comparison } from '../sim/compare.ts';
import { turnDate } from './cite.ts';
import { axisDate } from './debrief.presenter.ts';
import { direction, formatNumber, language, t } from './i18n/i18n.ts';
import { esc, escText } from './report-html.ts';

const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999999'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '3 6'];

const STYLE = `
  body { font: 11pt/1.45 "Liberation Serif", "DejaVu Serif", Georgia, serif; color: #111; margin: 2rem auto; max-width: 48rem; }
  h1 { font-size: 20pt; margin: 0 0 .3rem; } h2 { font-size: 14pt; margin: 1.4rem 0 .4rem; break-after: avoid; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  th, td { border-bottom: 1px solid #bbb; padding: .25rem .35rem; text-align: left; vertical-align: top; font-size: 9.5pt;
    overflow-wrap: break-word; }
  .chart { break-inside: avoid; margin: .6rem 0 1rem; } .chart svg { width: 100%; height: auto; }
  .key { font-size: 9.5pt; } .key span { margin-right: 1rem; white-space: nowrap; } .key .sample { vertical-align: middle; margin-right: .3rem; }
  .note { color: #333; font-size: 9.5pt; }
  @page { size: A4; margin: 16mm 14mm; } @media print { body { margin: 0; max-width: none; } }
`;

export function compareHtml(s: Scenario, cmp: Comparison): string {
  const outcomes = new Map(s.outcomes.map((o) => [o.id, o.title.text]));
  const actors = new Map(s.actors.map((a) => [a.id, a.name.text]));
  const labels = new Map(
    s.decisions.flatMap((d) => d.options.map((o) => [`${d.actor}/${o.id}`, o.label.text] as const)),
  );
  const title = t('compare.title', { title: s.meta.title.text });
  const parts = [`<h1>${escText(title)}</h1>`];
  parts.push(
    `<h2>${escText(t('compare.ended'))}</h2><table><thead><tr>${headings([t('compare.group'), t('compare.ending'), t('compare.turnsPlayed')])}</tr></thead><tbody>`,
  );
  for (const g of cmp.groups) {
    const ending = g.outcome ? (outcomes.get(g.outcome) ?? g.outcome) : t('compare.notEnded');
    // The date the group's game reached: the last turn it played.
    const reached = s.turns[g.turnsPlayed - 1];
    const played = reached
      ? t('compare.playedTo', { played: g.turnsPlayed, date: turnDate(reached) })
      : formatNumber(g.turnsPlayed);
    parts.push(`<tr><td>${esc(g.label)}</td><td>${escText(ending)}</td><td>${escText(played)}</td></tr>`);
  }
  parts.push('</tbody></table>');
  const first = cmp.firstDifference;
  const turn = first === null ? undefined : s.turns[first];
  parts.push(
    `<p>${escText(
      first === null
        ? t('compare.same')
        : turn
          ? t('compare.firstDifferedOn', { turn: first + 1, date: turnDate(turn), title: turn.title.text })
          : t('compare.firstDiffered', { turn: first + 1 }),
    )}</p>`,
  );
  parts.push(`<h2>${escText(t('compare.weightiest'))}</h2><p>${escText(t('compare.weightNote'))}</p>`);
  parts.push(
    `<table><thead><tr>${headings([t('compare.actor'), t('compare.decision'), t('compare.weight'), t('compare.takenBy')])}</tr></thead><tbody>`,
  );
  for (const w of cmp.weightiest) {
    parts.push(
      `<tr><td>${esc(actors.get(w.actor) ?? w.actor)}</td><td>${esc(labels.get(`${w.actor}/${w.option}`) ?? w.option)}</td><td>${esc(
        formatNumber(w.weight),
      )}</td><td>${esc(w.groups.join(t('compare.listSeparator')))}</td></tr>`,
    );
  }
  parts.push(
    `</tbody></table><h2>${escText(t('compare.indicators'))}</h2><p class="note">${escText(t('compare.indicatorsNote'))}</p>`,
  );
  const dates = [t('compare.start'), ...s.turns.map(axisDate)];
  for (const ind of s.indicators) {
    parts.push(chart(ind.label.text, ind.min, ind.max, cmp.indicators[ind.id] ?? [], cmp, dates));
  }
  return `<!doctype html><html lang="${esc(language())}" dir="${direction()}"><head><meta charset="utf-8"><title>${escText(title)}</title><style>${STYLE}</style></head><body><main>${parts.join('\n')}</main></body></html>\n`;
}

function chart(
  title: string,
  min: number,
  max: number,
  series: number[][],
  cmp: Comparison,
  dates: readonly string[],
): string {
  const w = 640;
  const h = 170;
  const pad = 30;
  const longest = Math.max(2, ...series.map((x) => x.length));
  const x = (i: number) => pad + (i * (w - 2 * pad)) / (longest - 1);
  const y = (v: number) => h - pad - ((v - min) * (h - 2 * pad)) / (max - min || 1);
  const lines = series.map((values, g) => {
    const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const dash = DASHES[g % DASHES.length];
    return `<polyline fill="none" stroke="${COLOURS[g % COLOURS.length]}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${points}"/>`;
  });
  // The axes say what they measure: the indicator's range, and the turns' dates (month-day).
  const text = (tx: number, ty: number, t: string, anchor = 'middle') =>
    `<text x="${tx.toFixed(1)}" y="${ty.toFixed(1)}" font-size="10" text-anchor="${anchor}" fill="#333">${esc(t)}</text>`;
  // Every date where they fit (a turn is at least 52 units apart with eleven points); else every other one.
  const every = (w - 2 * pad) / (longest - 1) >= 52 ? 1 : 2;
  const ticks = Array.from({ length: longest }, (_, i) =>
    i % every === 0 || i === longest - 1 ? text(x(i), h - pad + 14, dates[i] ?? '') : '',
  );
  const axis = [
    text(pad - 4, y(max) + 4, formatNumber(max), 'end'),
    text(pad - 4, y(min) + 4, formatNumber(min), 'end'),
    ...ticks,
  ].join('');
  const key = cmp.groups
    .map((g, i) => {
      const last = series[i]?.at(-1);
      const dash = DASHES[i % DASHES.length];
      // A picture of the line (an image, so that it prints as drawn), and the group's name in dark text.
      const line = `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="8"><line x1="0" y1="4" x2="28" y2="4" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>`;
      const sample = `<img class="sample" alt="" width="28" height="8" src="data:image/svg+xml,${encodeURIComponent(line)}">`;
      return `<span>${sample}${esc(g.label)}${last === undefined ? '' : `: ${esc(formatNumber(Math.round(last)))}`}</span>`;
    })
    .join('');
  return `<div class="chart"><h3>${esc(title)}</h3><svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(t('compare.chartLabel', { indicator: title }))}"><line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#999"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#999"/>${axis}${lines.join('')}</svg><p class="key">${key}</p></div>`;
}

function headings(names: readonly string[]): string {
  return names.map((n) => `<th scope="col">${escText(n)}</th>`).join('');
}
