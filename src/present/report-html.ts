// The printable after-action report of one game: its ending and where it comes from, the indicators turn by turn,
// every decision beside what the real actor did on that date, the facilitator's actions, and the sources. One HTML
// file with print rules, so that a browser's "Save as PDF" gives a clean document. Every text from the scenario or
// the record is escaped: it is data, never markup. No name is in it: records hold seats and commands only.
import type { Scenario, Text } from '../scenario/types.ts';
import type { ReportData } from '../sim/report.ts';
import type { SaidView } from '../sim/talk.ts';
import { shortTurnDate, turnDate } from './cite.ts';
import { dealsSection } from './report-deals.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const STYLE = `
  body { font: 11pt/1.45 "Liberation Serif", "DejaVu Serif", Georgia, serif; color: #111; margin: 2rem auto; max-width: 48rem; }
  h1 { font-size: 20pt; margin: 0 0 .3rem; } h2 { font-size: 14pt; margin: 1.6rem 0 .4rem; break-after: avoid; }
  .meta, .cite { color: #444; font-size: 9pt; } .cite { display: block; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: .4rem 0; }
  th, td { border-bottom: 1px solid #bbb; padding: .25rem .35rem; text-align: left; vertical-align: top;
    overflow-wrap: anywhere; font-size: 9.5pt; }
  p, li, h1, h2, h3 { overflow-wrap: anywhere; }
  bdi, [dir=auto] { unicode-bidi: isolate; }
  .indicators thead th:first-child { width: 24%; }
  th { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8.5pt; }
  tr, .day { break-inside: avoid; }
  .reason { font-style: italic; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  @page { size: A4; margin: 16mm 14mm; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/**
 * `said`: everything said in the game as the facilitator sees it (talk.ts saidFor), hidden items with why; the
 * report lists it after the decisions. Left out, the report has no such section (a record from before talk).
 */
export function reportHtml(s: Scenario, data: ReportData, said: readonly SaidView[] = []): string {
  const sources = new Map(s.meta.sources.map((x) => [x.file, x]));
  const cite = (t: Text): string => {
    if (t.source === undefined) return '<span class="cite">Invented for the game</span>';
    const files = Array.isArray(t.source) ? t.source : [t.source];
    const refs = files.map((f) => `${f.split('_')[0]} (${sources.get(f)?.title ?? f})`);
    return `<span class="cite">Source${files.length > 1 ? 's' : ''}: ${esc(refs.join('; '))}</span>`;
  };
  const actors = new Map(s.actors.map((a) => [a.id, a.name.text]));
  const actorName = (id: string) => actors.get(id) ?? id;
  const outcome = data.outcome ? s.outcomes.find((o) => o.id === data.outcome) : undefined;
  const parts: string[] = [];
  parts.push(`<h1>After-action report: ${esc(s.meta.title.text)}</h1>`);
  const seats = Object.entries(data.seats).map(
    ([a, h]) => `${actorName(a)}: ${h === 'person' ? 'players' : h}`,
  );
  parts.push(
    `<p class="meta">Seed ${esc(data.seed)} · ${esc(data.turnsPlayed)} of ${s.turns.length} turns · ${esc(
      data.commands,
    )} commands · scenario ${esc(s.meta.id)} ${esc(s.meta.version)}. Seats: ${esc(seats.join('; '))}.</p>`,
  );
  parts.push('<h2>The ending</h2>');
  if (outcome) {
    const origin = outcome.outlookOf
      ? `One of the outlooks argued by ${esc(sources.get(outcome.outlookOf)?.title ?? outcome.outlookOf)}: an argument, not a finding.`
      : "An ending of the game's own, not one of the analysis's outlooks.";
    // Only the summary's parts that hold in this game, as the engine found them (ReportData.summary).
    const summary = data.summary.map((p) => `${esc(p.text)}${cite(p)}`).join(' ');
    parts.push(`<p><strong>${esc(outcome.title.text)}</strong>. ${summary}</p>`);
    parts.push(`<p>${origin}</p>`);
  } else {
    const why =
      data.phase === 'ended'
        ? 'The facilitator ended the game before an ending.'
        : 'The game has not ended yet.';
    parts.push(`<p>${why}</p>`);
  }
  parts.push(indicatorTable(s, data));
  parts.push(decisionsBesideHistory(s, data, cite, actorName));
  parts.push(saidSection(said, actorName));
  parts.push(dealsSection(s, data, esc));
  parts.push(facilitatorActions(s, data));
  parts.push('<h2>Sources</h2><ul>');
  for (const src of s.meta.sources) {
    const by = [src.outlet, src.author].filter(Boolean).join(', ');
    parts.push(
      `<li>${esc(src.file.split('_')[0] ?? src.file)}: <em>${esc(src.title)}</em>${by ? `, ${esc(by)}` : ''}; ${esc(src.date)}.</li>`,
    );
  }
  parts.push('</ul>');
  return `<!doctype html><html lang="${esc(s.meta.language)}"><head><meta charset="utf-8"><title>${esc(
    `After-action report: ${s.meta.title.text}`,
  )}</title><style>${STYLE}</style></head><body>${parts.join('\n')}</body></html>\n`;
}

function indicatorTable(s: Scenario, data: ReportData): string {
  const cols = Array.from({ length: data.turnsPlayed + 1 }, (_, i) => {
    const turn = s.turns[i - 1];
    return i === 0 ? 'Start' : turn ? shortTurnDate(turn) : String(i);
  });
  const rows = s.indicators.map(
    (ind) =>
      `<tr><th scope="row">${esc(ind.label.text)}</th>${(data.indicators[ind.id] ?? [])
        .map((v) => `<td class="num">${esc(Math.round(v))}</td>`)
        .join('')}</tr>`,
  );
  return `<h2>The indicators, turn by turn</h2><p class="meta">Values after each turn (month-day; ≈ where the sources give no day); every indicator, as the facilitator sees them.</p><table class="indicators"><thead><tr><th scope="col">Indicator</th>${cols
    .map((x) => `<th scope="col" class="num">${esc(x)}</th>`)
    .join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function decisionsBesideHistory(
  s: Scenario,
  data: ReportData,
  cite: (t: Text) => string,
  actorName: (id: string) => string,
): string {
  const rows = data.decisions;
  const history = new Map(s.history.map((d) => [d.turn, d]));
  const out = ['<h2>The decisions, beside history</h2>'];
  for (const turn of s.turns) {
    const mine = rows.filter((r) => r.turnId === turn.id);
    if (mine.length === 0) continue;
    const day = history.get(turn.id);
    out.push(`<section class="day"><h3>${esc(turnDate(turn))}: ${esc(turn.title.text)}</h3>`);
    if (day?.context) out.push(`<p>${esc(day.context.text)}${cite(day.context)}</p>`);
    out.push(
      '<table><thead><tr><th scope="col">Actor</th><th scope="col">Chosen (by)</th><th scope="col">What the real actor did</th></tr></thead><tbody>',
    );
    for (const r of mine) {
      const real = day?.actors[r.actor];
      const did = real?.did ? `${esc(real.did.text)}${cite(real.did)}` : 'Not reported in the sources.';
      const mark =
        r.asInHistory === 'yes'
          ? ' (as the real actor did)'
          : r.asInHistory === 'no'
            ? ' (not what the real actor did)'
            : '';
      // The team's reason is text it typed (cleaned by the engine): escaped, and set apart in its own direction.
      const reason =
        r.reason === undefined
          ? ''
          : `<br><span class="reason">The team's reason: <bdi dir="auto">${esc(r.reason)}</bdi></span>`;
      out.push(
        `<tr><td>${esc(actorName(r.actor))}</td><td>${esc(r.label)} (${esc(r.by)})${esc(mark)}${reason}</td><td>${did}</td></tr>`,
      );
    }
    out.push('</tbody></table></section>');
  }
  return out.join('\n');
}

/** Every statement and message, in order, by seat (never a person): what the seats said, to whom, and when. */
function saidSection(said: readonly SaidView[], actorName: (id: string) => string): string {
  if (said.length === 0) return '';
  const lines = said.map((x) => {
    const to = x.to === 'public' ? 'the public' : x.to.map(actorName).join(', ');
    const what =
      x.kind === 'message' ? `privately to ${to}` : x.to === 'public' ? 'to the public' : `openly to ${to}`;
    const state =
      x.hidden !== undefined
        ? ` <span class="reason">(hidden by the facilitator: <bdi dir="auto">${esc(x.hidden)}</bdi>)</span>`
        : x.waiting
          ? ' <span class="reason">(never approved for the public)</span>'
          : '';
    // What a team typed, cleaned by the engine: escaped, and set apart in its own direction.
    return `<li>${esc(`Turn ${x.turn + 1}, ${actorName(x.from)}, ${what}:`)} <bdi dir="auto">${esc(x.text)}</bdi>${state}</li>`;
  });
  return `<h2>What the seats said</h2><ul class="said">${lines.join('')}</ul>`;
}

function facilitatorActions(s: Scenario, data: ReportData): string {
  const events = new Map(s.events.map((e) => [e.id, e.headline.text]));
  const labels = new Map(s.indicators.map((i) => [i.id, i.label.text]));
  // Each line is escaped HTML; a reason someone typed is cleaned (free-text.ts) and set apart in its own direction.
  const lines = data.facilitator.map((a) => {
    if (a.kind === 'inject') {
      return esc(
        `Brought in ${a.at === 'now' ? 'at once' : 'at the next resolution'}: ${events.get(a.event) ?? a.event}`,
      );
    }
    if (a.kind === 'override') {
      // The reason comes cleaned from the report's data (src/sim/report.ts); here it is escaped and set apart.
      return `${esc(`Set ${labels.get(a.indicator) ?? a.indicator} to ${a.value}:`)} <bdi dir="auto">${esc(a.reason)}</bdi>`;
    }
    return a.kind === 'end' ? 'Ended the game' : 'Paused the game';
  });
  if (lines.length === 0) return '';
  return `<h2>The facilitator's actions</h2><ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`;
}
