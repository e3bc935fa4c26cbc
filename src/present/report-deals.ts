// The after-action report's section on deals and rulings: every proposal between seats (what, between whom, when,
// how it was answered and why, whether a party broke it) and every request for a ruling (the act, the argument,
// the ruling with its reason, and a roll's odds and draw). Free text a team or the facilitator typed is cleaned by
// the engine, escaped here, and set apart in its own direction. Seats only, never a person's name.
import type { Scenario } from '../scenario/types.ts';
import type { ReportData } from '../sim/report.ts';
import type { AgreementItem, RulingItem } from '../sim/state.ts';

type Esc = (text: string | number) => string;

const bdi = (esc: Esc, text: string) => `<bdi dir="auto">${esc(text)}</bdi>`;

/** Where a proposal ended up, in words (escaped HTML). */
function outcomeOf(a: AgreementItem, esc: Esc, actorName: (id: string) => string): string {
  const by = a.answer?.by === 'computer' ? ' by the computer' : '';
  const reason = a.answer?.reason ? `: ${bdi(esc, a.answer.reason)}` : '';
  switch (a.status) {
    case 'pending':
      return 'waiting for an answer';
    case 'accepted':
      return `accepted${by} in turn ${a.answer!.turn + 1}${reason}`;
    case 'declined':
      return `declined${by} in turn ${a.answer!.turn + 1}${reason}`;
    case 'withdrawn':
      return 'withdrawn by the seat that proposed it';
    case 'lapsed':
      return 'lapsed: no answer before the turn resolved';
    case 'broken':
      return `accepted${by} in turn ${(a.answer?.turn ?? a.turn) + 1}${reason}; broken by ${esc(
        actorName(a.broken?.by ?? ''),
      )} in turn ${(a.broken?.turn ?? a.turn) + 1}`;
  }
}

/** A ruling in words (escaped HTML): the verdict, the effect, the roll, and the facilitator's reason. */
function rulingOf(r: RulingItem, esc: Esc, effectName: (id: string) => string): string {
  const ruling = r.ruling;
  if (!ruling) return 'no ruling given';
  const effect = ruling.effect === undefined ? '' : esc(effectName(ruling.effect));
  const why = `; the facilitator's reason: ${bdi(esc, ruling.reason)}`;
  if (ruling.verdict === 'refused') return `refused${why}`;
  if (ruling.verdict === 'allowed') return `allowed: ${effect}${why}`;
  const odds = Math.round((ruling.odds ?? 0) * 100);
  const roll = Math.round((ruling.roll ?? 0) * 100);
  const result = ruling.granted ? `granted: ${effect}` : `not granted (${effect})`;
  return `rolled at ${odds} in 100, the roll came up ${roll}: ${result}${why}`;
}

/** The section, or nothing when no seat proposed an agreement or asked for a ruling. */
export function dealsSection(s: Scenario, data: ReportData, esc: Esc): string {
  if (data.agreements.length === 0 && data.rulings.length === 0) return '';
  const actors = new Map(s.actors.map((a) => [a.id, a.name.text]));
  const actorName = (id: string) => actors.get(id) ?? id;
  const labels = new Map((s.agreements ?? []).map((a) => [a.id, a.label.text]));
  const effects = new Map((s.rulingEffects ?? []).map((e) => [e.id, e.label.text]));
  const out = ['<h2>Agreements and rulings</h2>'];
  if (data.agreements.length > 0) {
    const lines = data.agreements.map(
      (a) =>
        `<li data-deal="${a.n}">${esc(
          `Turn ${a.turn + 1}, ${actorName(a.from)} proposed to ${actorName(a.to)}: ${labels.get(a.agreement) ?? a.agreement}`,
        )}; ${outcomeOf(a, esc, actorName)}.</li>`,
    );
    out.push(`<h3>Proposals between seats</h3><ul class="deals">${lines.join('')}</ul>`);
  }
  if (data.rulings.length > 0) {
    const lines = data.rulings.map(
      (r) =>
        `<li data-ruling="${r.n}">${esc(`Turn ${r.turn + 1}, ${actorName(r.actor)} asked:`)} ${bdi(
          esc,
          r.text,
        )} <span class="reason">Argument: ${bdi(esc, r.argument)}</span>. Ruling: ${rulingOf(r, esc, (id) => effects.get(id) ?? id)}.</li>`,
    );
    out.push(`<h3>Requests for a ruling</h3><ul class="rulings">${lines.join('')}</ul>`);
  }
  return out.join('\n');
}
