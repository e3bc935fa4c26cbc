// Agreements between seats and requests for a ruling, as the classroom's screens show them: a seat's panel (what
// its view may see, what its view says it may propose), the console's (everything, and the scenario's menu of
// ruling effects), the projector's (public agreements accepted or broken). Built from the engine's views
// (agreementsFor, mayPropose, rulingsFor), never from the state: who may see what is the engine's rule.
// The one deal model: the solo game, pass-and-play and the debrief build the same lines from a seat's view
// (deals.presenter.ts), and word them their own way.
import type { AgreementView } from '../sim/agreements.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import type { AgreementStatus, RulingItem } from '../sim/state.ts';
import { answerReason } from './answer-why.ts';
import { t } from './i18n/i18n.ts';

/**
 * The scenario's texts the lines name: an agreement's label and terms, a seat's name, a ruling effect's label, an
 * indicator's label (what the computer's reason for an answer names).
 */
export interface DealTexts {
  agreement(id: string): { label: string; terms: string };
  actor(id: string): string;
  effect(id: string): string;
  indicator(id: string): string;
}

/** The scenario's own words for what the lines name (an unknown id stands for itself). */
export function dealTexts(c: CompiledScenario): DealTexts {
  return {
    agreement(id) {
      const def = c.agreementById.get(id);
      return { label: def?.label.text ?? id, terms: def?.terms.text ?? '' };
    },
    actor: (id) => c.actorById.get(id)?.name.text ?? id,
    effect: (id) => c.rulingEffectById.get(id)?.label.text ?? id,
    indicator: (id) => c.indicatorById.get(id)?.label.text ?? id,
  };
}

/** Whose words an answer's reason is: a person's as typed, the computer's weighing, or the record's own sentence. */
export type ReasonBy = 'person' | 'computer' | 'record';

/**
 * An answer's reason as a screen shows it where it says nothing else of whose it is (a classroom's panels): a
 * sentence the record holds in an older wording is marked as the record's.
 */
export function dealReasonShown(line: Pick<DealLine, 'reason' | 'reasonBy'>): string | null {
  if (line.reason === null) return null;
  return line.reasonBy === 'record' ? t('deal.why.recorded', { text: line.reason }) : line.reason;
}

/**
 * One proposal, as every deal panel lists it (the classroom's, the solo game's and pass-and-play's, the replay, the
 * debrief): what, between whom, when (1-based), where it stands and why. Each screen words it its own way from this.
 */
export interface DealLine {
  n: number;
  turn: number;
  agreement: string;
  label: string;
  terms: string;
  from: string;
  fromLabel: string;
  to: string;
  toLabel: string;
  status: AgreementStatus;
  /** The turn (1-based) it was answered in; null while it is not. */
  answered: number | null;
  /**
   * The answer's reason, in the language the line is built in (the server builds each device's view in its own):
   * a person's words as typed, the computer's reason from the engine's data, or the record's older sentence.
   */
  reason: string | null;
  reasonBy: ReasonBy | null;
  /** Whether the computer gave the answer. */
  byComputer: boolean;
  /** The party whose act broke it, and the turn (1-based). */
  broken: { byLabel: string; turn: number } | null;
  /** This panel's seat made the proposal (may withdraw it while pending), or received it (may answer it). */
  side: 'from' | 'to' | null;
}

export interface RulingLine {
  n: number;
  turn: number;
  actor: string;
  actorLabel: string;
  text: string;
  argument: string;
  ruling: {
    verdict: 'allowed' | 'refused' | 'rolled';
    effectLabel: string | null;
    reason: string;
    /** rolled: the stated odds and the draw, as whole percentages. */
    odds: number | null;
    roll: number | null;
    granted: boolean;
  } | null;
  /** The console only: the scenario's ruling effects that may be granted to this seat. */
  effects: { id: string; label: string }[];
}

export interface DealLimits {
  reason: number;
  rulingText: number;
  rulingArgument: number;
}

export interface DealsModel {
  /** Whether this panel may act now (a team holding its seat while the game is on); the console: may rule. */
  live: boolean;
  deals: DealLine[];
  /** What the seat may propose now, to whom (the engine's mayPropose, with its texts). */
  mayPropose: { agreement: string; label: string; terms: string; to: string; toLabel: string }[];
  rulings: RulingLine[];
  /** The scenario's menu of effects a ruling may grant (the console only; empty for a seat). */
  effects: { id: string; label: string; actors: string[] | null }[];
  limits: DealLimits;
}

export function dealLine(item: AgreementView, texts: DealTexts, actor: string | null): DealLine {
  const { label, terms } = texts.agreement(item.agreement);
  const said = answerReason(item, (id) => texts.indicator(id));
  return {
    n: item.n,
    turn: item.turn + 1,
    agreement: item.agreement,
    label,
    terms,
    from: item.from,
    fromLabel: texts.actor(item.from),
    to: item.to,
    toLabel: texts.actor(item.to),
    status: item.status,
    answered: item.answer ? item.answer.turn + 1 : null,
    reason: said?.text ?? null,
    reasonBy: said?.by ?? null,
    byComputer: item.answer?.by === 'computer',
    broken: item.broken ? { byLabel: texts.actor(item.broken.by), turn: item.broken.turn + 1 } : null,
    side: actor === null ? null : item.from === actor ? 'from' : item.to === actor ? 'to' : null,
  };
}

/** A percentage, whole: 0.35 → 35. */
const percent = (x: number) => Math.round(x * 100);

export function rulingLine(item: RulingItem, texts: DealTexts, menu: DealsInput['effects'] = []): RulingLine {
  const r = item.ruling;
  return {
    n: item.n,
    turn: item.turn + 1,
    actor: item.actor,
    actorLabel: texts.actor(item.actor),
    text: item.text,
    argument: item.argument,
    ruling: r
      ? {
          verdict: r.verdict,
          effectLabel: r.effect === undefined ? null : texts.effect(r.effect),
          reason: r.reason,
          odds: r.odds === undefined ? null : percent(r.odds),
          roll: r.roll === undefined ? null : percent(r.roll),
          granted: r.granted,
        }
      : null,
    effects: menu
      .filter((e) => e.actors === null || e.actors.includes(item.actor))
      .map(({ id, label }) => ({ id, label })),
  };
}

export interface DealsInput {
  agreements: readonly AgreementView[];
  mayPropose: readonly { agreement: string; to: string }[];
  rulings: readonly RulingItem[];
  effects: readonly { id: string; label: string; actors: string[] | null }[];
  /** The seat whose panel this is; null for the console. */
  actor: string | null;
  live: boolean;
  limits: DealLimits;
}

/** A panel's model: proposals newest first (what waits for an answer is what a team looks for), rulings too. */
export function dealsModel(input: DealsInput, texts: DealTexts): DealsModel {
  return {
    live: input.live,
    deals: input.agreements.map((a) => dealLine(a, texts, input.actor)).reverse(),
    mayPropose: input.live
      ? input.mayPropose.map((p) => ({ ...p, ...texts.agreement(p.agreement), toLabel: texts.actor(p.to) }))
      : [],
    rulings: input.rulings.map((r) => rulingLine(r, texts, input.effects)).reverse(),
    effects: [...input.effects],
    limits: input.limits,
  };
}

/** The projector's wall: the public agreements accepted or broken, as the public view gives them. */
export function wallDeals(agreements: readonly AgreementView[] | undefined, texts: DealTexts): DealLine[] {
  return (agreements ?? [])
    .filter((a) => a.status === 'accepted' || a.status === 'broken')
    .map((a) => dealLine(a, texts, null));
}
