// The after-action report's section on deals and rulings: every proposal between seats (what, between whom, when,
// how it was answered and why, whether a party broke it) and every request for a ruling (the act, the argument,
// the ruling with its reason, and a roll's odds and draw), in the language the report is asked in. Free text a team
// or the facilitator typed is cleaned by the engine, escaped here, and set apart in its own direction. Seats only,
// never a person's name.
import type { Scenario } from '../scenario/types.ts';
import type { AgreementView } from '../sim/agreements.ts';
import type { ReportData } from '../sim/report.ts';
import type { RulingItem } from '../sim/state.ts';
import { answerReason } from './answer-why.ts';
import { t } from './i18n/i18n.ts';

type Esc = (text: string | number) => string;
type Names = { actor: (id: string) => string; indicator: (id: string) => string };

const bdi = (esc: Esc, text: string) => `<bdi dir="auto">${esc(text)}</bdi>`;

/** Where a proposal ended up, in words (escaped HTML). */
function outcomeOf(a: AgreementView, esc: Esc, names: Names): string {
  const computer = a.answer?.by === 'computer';
  // The computer's reason in the report's language, from the engine's data; a sentence the engine could give no
  // data for (an older wording) is the record's, and said so.
  const said = answerReason(a, names.indicator);
  const reason =
    said === null || said.text === ''
      ? ''
      : said.by === 'record'
        ? `: ${esc(t('report.deals.recordedWords'))} ${bdi(esc, said.text)}`
        : `: ${bdi(esc, said.text)}`;
  // Each key is written out at its call: the i18n check finds keys by their literal text.
  const answered = (turn: number, accepted: boolean) => {
    if (accepted)
      return (
        esc(
          computer ? t('report.deals.acceptedByComputer', { turn }) : t('report.deals.accepted', { turn }),
        ) + reason
      );
    return (
      esc(computer ? t('report.deals.declinedByComputer', { turn }) : t('report.deals.declined', { turn })) +
      reason
    );
  };
  switch (a.status) {
    case 'pending':
      return esc(t('report.deals.pending'));
    case 'accepted':
      return answered(a.answer!.turn + 1, true);
    case 'declined':
      return answered(a.answer!.turn + 1, false);
    case 'withdrawn':
      return esc(t('report.deals.withdrawn'));
    case 'lapsed':
      return esc(t('report.deals.lapsed'));
    case 'broken':
      return `${answered((a.answer?.turn ?? a.turn) + 1, true)}; ${esc(
        t('report.deals.broken', {
          actor: names.actor(a.broken?.by ?? ''),
          turn: (a.broken?.turn ?? a.turn) + 1,
        }),
      )}`;
  }
}

/** A ruling in words (escaped HTML): the verdict, the effect, the roll, and the facilitator's reason. */
function rulingOf(r: RulingItem, esc: Esc, effectName: (id: string) => string): string {
  const ruling = r.ruling;
  if (!ruling) return esc(t('report.deals.noRuling'));
  const effect = ruling.effect === undefined ? '' : effectName(ruling.effect);
  const why = `; ${esc(t('report.deals.why'))} ${bdi(esc, ruling.reason)}`;
  if (ruling.verdict === 'refused') return `${esc(t('report.deals.refused'))}${why}`;
  if (ruling.verdict === 'allowed') return `${esc(t('report.deals.allowed', { effect }))}${why}`;
  const odds = Math.round((ruling.odds ?? 0) * 100);
  const roll = Math.round((ruling.roll ?? 0) * 100);
  const result = ruling.granted
    ? t('report.deals.granted', { effect })
    : t('report.deals.notGranted', { effect });
  return `${esc(t('report.deals.rolled', { odds, roll }))}: ${esc(result)}${why}`;
}

/** The section, or nothing when no seat proposed an agreement or asked for a ruling. */
export function dealsSection(s: Scenario, data: ReportData, esc: Esc): string {
  if (data.agreements.length === 0 && data.rulings.length === 0) return '';
  const actors = new Map(s.actors.map((a) => [a.id, a.name.text]));
  const actorName = (id: string) => actors.get(id) ?? id;
  const indicators = new Map(s.indicators.map((i) => [i.id, i.label.text]));
  const names: Names = { actor: actorName, indicator: (id) => indicators.get(id) ?? id };
  const labels = new Map((s.agreements ?? []).map((a) => [a.id, a.label.text]));
  const effects = new Map((s.rulingEffects ?? []).map((e) => [e.id, e.label.text]));
  const out = [`<h2>${esc(t('report.deals.heading'))}</h2>`];
  if (data.agreements.length > 0) {
    const lines = data.agreements.map(
      (a) =>
        `<li data-deal="${a.n}">${esc(
          t('report.deals.proposed', {
            turn: a.turn + 1,
            from: actorName(a.from),
            to: actorName(a.to),
            agreement: labels.get(a.agreement) ?? a.agreement,
          }),
        )}; ${outcomeOf(a, esc, names)}.</li>`,
    );
    out.push(`<h3>${esc(t('report.deals.proposals'))}</h3><ul class="deals">${lines.join('')}</ul>`);
  }
  if (data.rulings.length > 0) {
    const lines = data.rulings.map(
      (r) =>
        `<li data-ruling="${r.n}">${esc(t('report.deals.asked', { turn: r.turn + 1, actor: actorName(r.actor) }))} ${bdi(
          esc,
          r.text,
        )} <span class="reason">${esc(t('report.deals.argument'))} ${bdi(esc, r.argument)}</span>. ${esc(
          t('report.deals.ruling'),
        )} ${rulingOf(r, esc, (id) => effects.get(id) ?? id)}.</li>`,
    );
    out.push(`<h3>${esc(t('report.deals.rulings'))}</h3><ul class="rulings">${lines.join('')}</ul>`);
  }
  return out.join('\n');
}
