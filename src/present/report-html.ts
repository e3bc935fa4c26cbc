// The printable after-action report of one game: its ending and where it comes from, the indicators turn by turn,
// every decision beside what the real actor did on that date, the facilitator's actions, and the sources. One HTML
// file with print rules, so that a browser's "Save as PDF" gives a clean document. Every text from the scenario or
// the record is escaped: it is data, never markup. No name is in it: records hold seats and commands only.
// It is in the current language (i18n.ts; the caller sets it and gives the scenario in it): the words only; what the
// report says of the game is the record's, the same in every language.
import type { Scenario, Text } from '../scenario/types.ts';
import type { ReportData } from '../sim/report.ts';
import type { SaidView } from '../sim/talk.ts';
import { shortTurnDate, turnDate } from './cite.ts';
import { direction, formatNumber, language, t } from './i18n/i18n.ts';
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

/** Text inside an element (never an attribute): only what could open markup is escaped, so "team's" stays as it is. */
export function escText(text: string | number): string {
  return String(text).replace(/[&<>]/g, (ch) => ESCAPES[ch]!);
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
  const cite = (text: Text): string => {
    if (text.source === undefined) return `<span class="cite">${escText(t('report.invented'))}</span>`;
    const files = Array.isArray(text.source) ? text.source : [text.source];
    const refs = files
      .map((f) => `${f.split('_')[0]} (${sources.get(f)?.title ?? f})`)
      .join(t('report.listSeparator'));
    const line = files.length > 1 ? t('report.sourcesOf', { refs }) : t('report.sourceOf', { refs });
    return `<span class="cite">${escText(line)}</span>`;
  };
  const actors = new Map(s.actors.map((a) => [a.id, a.name.text]));
  const actorName = (id: string) => actors.get(id) ?? id;
  const outcome = data.outcome ? s.outcomes.find((o) => o.id === data.outcome) : undefined;
  const parts: string[] = [];
  const title = t('report.title', { title: s.meta.title.text });
  parts.push(`<h1>${escText(title)}</h1>`);
  const seats = Object.entries(data.seats).map(([a, h]) =>
    t('report.seat', { actor: actorName(a), holder: holderWord(h) }),
  );
  const meta = t('report.meta', {
    // The seed is a code to type again, not a quantity: its digits as they are.
    seed: String(data.seed),
    played: data.turnsPlayed,
    total: s.turns.length,
    commands: data.commands,
    scenario: `${s.meta.id} ${s.meta.version}`,
    seats: seats.join(t('report.listSeparator')),
  });
  parts.push(`<p class="meta">${escText(meta)}</p>`);
  parts.push(`<h2>${escText(t('report.ending'))}</h2>`);
  if (outcome) {
    const origin = escText(
      outcome.outlookOf
        ? t('report.outlook', { source: sources.get(outcome.outlookOf)?.title ?? outcome.outlookOf })
        : t('report.ownEnding'),
    );
    // Only the summary's parts that hold in this game, as the engine found them (ReportData.summary).
    const summary = data.summary.map((p) => `${esc(p.text)}${cite(p)}`).join(' ');
    parts.push(`<p><strong>${esc(outcome.title.text)}</strong>. ${summary}</p>`);
    parts.push(`<p>${origin}</p>`);
  } else {
    const why = data.phase === 'ended' ? t('report.endedEarly') : t('report.notEnded');
    parts.push(`<p>${escText(why)}</p>`);
  }
  parts.push(indicatorTable(s, data));
  parts.push(decisionsBesideHistory(s, data, cite, actorName));
  parts.push(saidSection(said, actorName));
  parts.push(dealsSection(s, data, esc));
  parts.push(facilitatorActions(s, data));
  parts.push(`<h2>${escText(t('report.sources'))}</h2><ul>`);
  for (const src of s.meta.sources) {
    const by = [src.outlet, src.author].filter(Boolean).join(', ');
    parts.push(
      `<li>${esc(src.file.split('_')[0] ?? src.file)}: <em>${esc(src.title)}</em>${by ? `, ${esc(by)}` : ''}; ${esc(src.date)}.</li>`,
    );
  }
  parts.push('</ul>');
  return `<!doctype html><html lang="${esc(language())}" dir="${direction()}"><head><meta charset="utf-8"><title>${escText(title)}</title><style>${STYLE}</style></head><body>${parts.join('\n')}</body></html>\n`;
}

function indicatorTable(s: Scenario, data: ReportData): string {
  const cols = Array.from({ length: data.turnsPlayed + 1 }, (_, i) => {
    const turn = s.turns[i - 1];
    return i === 0 ? t('report.start') : turn ? shortTurnDate(turn) : String(i);
  });
  const rows = s.indicators.map(
    (ind) =>
      `<tr><th scope="row">${esc(ind.label.text)}</th>${(data.indicators[ind.id] ?? [])
        .map((v) => `<td class="num">${esc(formatNumber(Math.round(v)))}</td>`)
        .join('')}</tr>`,
  );
  return `<h2>${escText(t('report.indicators'))}</h2><p class="meta">${escText(t('report.indicatorsNote'))}</p><table class="indicators"><thead><tr><th scope="col">${escText(t('report.indicator'))}</th>${cols
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
  const out = [`<h2>${escText(t('report.decisions'))}</h2>`];
  for (const turn of s.turns) {
    const mine = rows.filter((r) => r.turnId === turn.id);
    if (mine.length === 0) continue;
    const day = history.get(turn.id);
    out.push(
      `<section class="day"><h3>${escText(t('report.day', { date: turnDate(turn), title: turn.title.text }))}</h3>`,
    );
    if (day?.context) out.push(`<p>${esc(day.context.text)}${cite(day.context)}</p>`);
    const head = [t('report.colActor'), t('report.colChosen'), t('report.colReal')];
    out.push(
      `<table><thead><tr>${head.map((h) => `<th scope="col">${escText(h)}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const r of mine) {
      const real = day?.actors[r.actor];
      const did = real?.did ? `${esc(real.did.text)}${cite(real.did)}` : escText(t('report.notReported'));
      const mark =
        r.asInHistory === 'yes'
          ? ` ${t('report.asHistory')}`
          : r.asInHistory === 'no'
            ? ` ${t('report.notHistory')}`
            : '';
      // The team's reason is text it typed (cleaned by the engine): escaped, and set apart in its own direction.
      const reason =
        r.reason === undefined
          ? ''
          : `<br><span class="reason">${escText(t('report.reason'))} <bdi dir="auto">${esc(r.reason)}</bdi></span>`;
      const chosen = t('report.chosenBy', { option: r.label, by: byWord(r.by) });
      out.push(
        `<tr><td>${esc(actorName(r.actor))}</td><td>${escText(chosen)}${escText(mark)}${reason}</td><td>${did}</td></tr>`,
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
    const to =
      x.to === 'public' ? t('report.thePublic') : x.to.map(actorName).join(t('report.listSeparator'));
    const what =
      x.kind === 'message'
        ? t('report.privatelyTo', { to })
        : x.to === 'public'
          ? t('report.toPublic')
          : t('report.openlyTo', { to });
    const state =
      x.hidden !== undefined
        ? ` <span class="reason">(${escText(t('report.hiddenBy'))} <bdi dir="auto">${esc(x.hidden)}</bdi>)</span>`
        : x.waiting
          ? ` <span class="reason">${escText(t('report.neverApproved'))}</span>`
          : '';
    // What a team typed, cleaned by the engine: escaped, and set apart in its own direction.
    const line = t('report.saidLine', { turn: x.turn + 1, from: actorName(x.from), what });
    return `<li>${escText(line)} <bdi dir="auto">${esc(x.text)}</bdi>${state}</li>`;
  });
  return `<h2>${escText(t('report.said'))}</h2><ul class="said">${lines.join('')}</ul>`;
}

function facilitatorActions(s: Scenario, data: ReportData): string {
  const events = new Map(s.events.map((e) => [e.id, e.headline.text]));
  const labels = new Map(s.indicators.map((i) => [i.id, i.label.text]));
  // Each line is escaped HTML; a reason someone typed is cleaned (free-text.ts) and set apart in its own direction.
  const lines = data.facilitator.map((a) => {
    if (a.kind === 'inject') {
      const headline = events.get(a.event) ?? a.event;
      return escText(
        a.at === 'now' ? t('report.injectNow', { headline }) : t('report.injectNext', { headline }),
      );
    }
    if (a.kind === 'override') {
      // The reason comes cleaned from the report's data (src/sim/report.ts); here it is escaped and set apart.
      const set = t('report.override', { indicator: labels.get(a.indicator) ?? a.indicator, value: a.value });
      return `${escText(set)} <bdi dir="auto">${esc(a.reason)}</bdi>`;
    }
    return escText(a.kind === 'end' ? t('report.endedGame') : t('report.pausedGame'));
  });
  if (lines.length === 0) return '';
  return `<h2>${escText(t('report.facilitator'))}</h2><ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`;
}

/** Who held a seat, in words (the record says 'person', 'computer' or 'vacant'). */
function holderWord(holder: string): string {
  if (holder === 'person') return t('report.holderPlayers');
  if (holder === 'computer') return t('report.holderComputer');
  if (holder === 'vacant') return t('report.holderVacant');
  return holder;
}

/** Who took a decision, in words (the decision log says 'seat', 'computer' or 'facilitator'). */
function byWord(by: string): string {
  if (by === 'seat') return t('report.bySeat');
  if (by === 'computer') return t('report.byComputer');
  if (by === 'facilitator') return t('report.byFacilitator');
  return by;
}
