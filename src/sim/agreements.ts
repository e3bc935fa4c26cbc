// Agreements between seats: a seat proposes to another one of the agreements the scenario defines (its terms,
// who may propose it to whom, when, what it does, what breaks it), and that seat accepts or declines it. Each step
// is a command in the record, checked before any change and refused in one sentence. An accepted agreement stands
// (the `agreed` condition) from its acceptance until a party's act breaks it; its effects apply, and breaches are
// judged, when the turn resolves (resolve.ts applyAgreements). A proposal left unanswered lapses at the resolution.
//
// The computer answers a proposal made to its seat, and may propose one to a person's seat, by weighing the terms
// against its actor's own goals and sight only (weighAgreement): so a player alone can negotiate.
import type { Agreement } from '../scenario/types.ts';
import { type AnswerWhy, answerSentence, recoverWhy, whyOf } from './answer-why.ts';
import type { AgreementCommand, Entry, Issuer, Refusal } from './commands.ts';
import { refusal } from './commands.ts';
import type { CompiledScenario } from './compile.ts';
import { holds } from './conditions.ts';
import { cleanText, isVisible } from './free-text.ts';
import { MAX_AGREEMENT_PROPOSALS_PER_TURN, MAX_DECISION_REASON_CHARS } from './limits.ts';
import { goalValues, type Mind, projectEffects, type Sight, sightContext } from './policy.ts';
import { rngFor } from './rng.ts';
import { checkSeatParty, madeThisTurn, notPlayable } from './seat-check.ts';
import { sightFor } from './sight.ts';
import { type AgreementItem, type GameState, holderOf } from './state.ts';
import type { TalkDraft, TalkHandler } from './talk.ts';
import { worldContext } from './world-judge.ts';

const AGREEMENT_BY_FACILITATOR = refusal(
  'not-allowed',
  'Agreements are made by seats, not by the facilitator.',
  { key: 'agreement.by-facilitator', params: {} },
);

export type AgreementHappening =
  | { kind: 'agreement.proposed'; n: number }
  | { kind: 'agreement.answered'; n: number; accept: boolean }
  | { kind: 'agreement.withdrawn'; n: number }
  | { kind: 'agreement.broken'; n: number };

type AgreementHandlers = {
  [T in AgreementCommand['type']]: TalkHandler<Extract<AgreementCommand, { type: T }>, AgreementHappening>;
};

// --- who sees what -------------------------------------------------------------------------------------------------

export type AgreementViewer = { actor: string } | { public: true } | { facilitator: true };

/**
 * One proposal as a view shows it (a copy of the state's item: a screen may keep it). `why`: for an answer the
 * computer gave, its reason as data (answer-why.ts), when the recorded sentence is one its weighing writes; the
 * screens say it in their own language, and show the recorded sentence as the record's words when it is absent.
 */
export type AgreementView = AgreementItem & { why?: AnswerWhy };

/**
 * Whether a viewer may see one proposal: its two parties and the facilitator always; every seat and the public
 * an accepted (or later broken) agreement the scenario makes public. Never a third seat's pending proposal.
 */
export function maySee(c: CompiledScenario, viewer: AgreementViewer, item: AgreementItem): boolean {
  if ('facilitator' in viewer) return true;
  if ('actor' in viewer && (item.from === viewer.actor || item.to === viewer.actor)) return true;
  const shown = item.status === 'accepted' || item.status === 'broken';
  return shown && c.agreementById.get(item.agreement)?.public === true;
}

/** What a viewer may see of the game's agreements, in the order they were proposed. */
export function agreementsFor(
  c: CompiledScenario,
  state: GameState,
  viewer: AgreementViewer,
): AgreementView[] {
  const out: AgreementView[] = [];
  for (const item of state.agreements) if (maySee(c, viewer, item)) out.push(copyItem(c, item));
  return out;
}

function copyItem(c: CompiledScenario, item: AgreementItem): AgreementView {
  const copy: AgreementView = { ...item };
  if (item.answer) copy.answer = { ...item.answer };
  if (item.broken) copy.broken = { ...item.broken };
  if (item.answer?.by === 'computer' && item.answer.reason !== undefined) {
    const why = recoverWhy(c, item.agreement, item.to, item.answer.reason);
    if (why) copy.why = why;
  }
  return copy;
}

/** The agreements standing that an actor knows of (its own and public ones), by id: what its policy judges with. */
export function agreedFor(c: CompiledScenario, state: GameState, actor: string): string[] {
  const out: string[] = [];
  for (const item of state.agreements) {
    if (item.status !== 'accepted') continue;
    const known = item.from === actor || item.to === actor || c.agreementById.get(item.agreement)?.public;
    if (known && !out.includes(item.agreement)) out.push(item.agreement);
  }
  return out;
}

/** What an actor may propose now, and to whom: each pair the engine would take a proposal of (for its screen). */
export function mayPropose(
  c: CompiledScenario,
  state: GameState,
  actor: string,
): { agreement: string; to: string }[] {
  const out: { agreement: string; to: string }[] = [];
  const by: Issuer = { seat: actor, as: holderOf(state, actor) === 'computer' ? 'computer' : 'person' };
  for (const def of c.scenario.agreements ?? []) {
    for (const pair of def.pairs) {
      if (pair.from !== actor) continue;
      const command = { type: 'agreement.propose' as const, actor, to: pair.to, agreement: def.id };
      if (!checkPropose(c, state, command, by)) out.push({ agreement: def.id, to: pair.to });
    }
  }
  return out;
}

// --- the checks ----------------------------------------------------------------------------------------------------

/** A seat acts only as itself, from a seat it holds, while a turn is open. */
function checkParty(s: GameState, actor: string, by: Issuer): Refusal | undefined {
  return checkSeatParty(s, actor, by, 'act', AGREEMENT_BY_FACILITATOR, true);
}

/** Whether the agreement's conditions hold on the game world now. */
function conditionsHold(c: CompiledScenario, s: GameState, def: Agreement): boolean {
  return def.when === undefined || holds(def.when, worldContext(c, s.world, s.agreements));
}

function between(item: AgreementItem, a: string, b: string): boolean {
  return (item.from === a && item.to === b) || (item.from === b && item.to === a);
}

function checkPropose(
  c: CompiledScenario,
  s: GameState,
  { actor, to, agreement }: Extract<AgreementCommand, { type: 'agreement.propose' }>,
  by: Issuer,
): Refusal | undefined {
  const wrong = checkParty(s, actor, by);
  if (wrong) return wrong;
  if (s.talk.level !== 'all')
    return refusal('not-allowed', 'The room allows no proposals of agreements now.', {
      key: 'agreement.level',
      params: {},
    });
  const def = c.agreementById.get(agreement);
  if (!def)
    return refusal('unknown', `There is no agreement ${agreement} in this scenario.`, {
      key: 'agreement.unknown',
      params: { agreement },
    });
  if (!Object.hasOwn(s.seats, to)) return notPlayable(to);
  if (!def.pairs.some((p) => p.from === actor && p.to === to))
    return refusal('not-allowed', `${actor} may not propose ${agreement} to ${to}.`, {
      key: 'agreement.not-pair',
      params: { actor, agreement, to },
    });
  if (holderOf(s, to) === 'vacant')
    return refusal('not-allowed', `The seat ${to} is vacant: no one can answer.`, {
      key: 'agreement.vacant',
      params: { to },
    });
  if (!conditionsHold(c, s, def))
    return refusal('not-offered', `The conditions of ${agreement} do not hold now.`, {
      key: 'agreement.conditions',
      params: { agreement },
    });
  return checkStanding(s, actor, to, agreement) ?? checkProposalRate(s, actor);
}

/** No proposal of the same agreement waits, and none stands, between the two seats (either way round). */
function checkStanding(s: GameState, actor: string, to: string, agreement: string): Refusal | undefined {
  for (const item of s.agreements) {
    if (item.agreement !== agreement || !between(item, actor, to)) continue;
    if (item.status === 'pending')
      return refusal('unchanged', `${agreement} is already proposed between ${actor} and ${to}.`, {
        key: 'agreement.pending',
        params: { agreement, actor, to },
      });
    if (item.status === 'accepted')
      return refusal('unchanged', `${agreement} already stands between ${actor} and ${to}.`, {
        key: 'agreement.stands',
        params: { agreement, actor, to },
      });
  }
  return undefined;
}

function checkProposalRate(s: GameState, actor: string): Refusal | undefined {
  if (madeThisTurn(s, s.agreements, (item) => item.from === actor) >= MAX_AGREEMENT_PROPOSALS_PER_TURN)
    return refusal(
      'too-many',
      `${actor} has proposed ${MAX_AGREEMENT_PROPOSALS_PER_TURN} agreements this turn; it may propose more in the next.`,
      { key: 'agreement.too-many', params: { actor, max: MAX_AGREEMENT_PROPOSALS_PER_TURN } },
    );
  return undefined;
}

/** The proposal numbered n, when it is one `actor` may act on as `side`; the same sentence whether or not it exists. */
function ownItem(s: GameState, n: number, actor: string, side: 'to' | 'from'): AgreementItem | Refusal {
  const item = Number.isInteger(n) && n >= 1 && n <= s.agreements.length ? s.agreements[n - 1]! : undefined;
  if (!item || item[side] !== actor) {
    const doing = side === 'to' ? 'answer' : 'withdraw';
    return refusal('unknown', `${actor} has no proposal numbered ${n} to ${doing}.`, {
      key: side === 'to' ? 'agreement.none-to-answer' : 'agreement.none-to-withdraw',
      params: { actor, n },
    });
  }
  if (item.status !== 'pending')
    return refusal('wrong-phase', `Proposal ${n} is no longer open: it was ${item.status}.`, {
      key: 'agreement.closed',
      params: { n, status: item.status },
    });
  return item;
}

// --- the changes ---------------------------------------------------------------------------------------------------

/** The list to change: the state's own when owned, otherwise a copy (the old state keeps its list). */
function agreementList(d: TalkDraft): AgreementItem[] {
  if (!d.owned) d.s.agreements = d.s.agreements.slice();
  return d.s.agreements;
}

function replaceItem(d: TalkDraft, n: number, to: (item: AgreementItem) => AgreementItem): void {
  const list = agreementList(d);
  // Replaced, never changed in place: a copied state shares the old items with the state it came from.
  list[n - 1] = to(list[n - 1]!);
}

export const AGREEMENT_HANDLERS: AgreementHandlers = {
  'agreement.propose': {
    issuer: 'seat',
    check: (c, s, command, by) => checkPropose(c, s, command, by),
    run(d, { actor, to, agreement }) {
      const list = agreementList(d);
      const n = list.length + 1;
      list.push({ n, turn: d.s.world.turn, agreement, from: actor, to, status: 'pending' });
      return [{ kind: 'agreement.proposed', n }];
    },
  },
  'agreement.answer': {
    issuer: 'seat',
    check(c, s, { actor, n, accept, reason }, by) {
      const wrong = checkParty(s, actor, by);
      if (wrong) return wrong;
      const item = ownItem(s, n, actor, 'to');
      if ('ok' in item) return item;
      if (reason !== undefined && reason.length > MAX_DECISION_REASON_CHARS)
        return refusal(
          'malformed',
          `An answer's reason may be at most ${MAX_DECISION_REASON_CHARS} characters; this one has ${reason.length}.`,
          {
            key: 'agreement.reason-too-long',
            params: { max: MAX_DECISION_REASON_CHARS, length: reason.length },
          },
        );
      const def = c.agreementById.get(item.agreement);
      if (accept && (!def || !conditionsHold(c, s, def)))
        return refusal(
          'not-offered',
          `The conditions of ${item.agreement} no longer hold: it can only be declined now.`,
          { key: 'agreement.conditions-gone', params: { agreement: item.agreement } },
        );
      return undefined;
    },
    run(d, { n, accept, reason }, by) {
      const answer: NonNullable<AgreementItem['answer']> = {
        turn: d.s.world.turn,
        by: 'seat' in by ? by.as : 'person',
      };
      const kept = reason === undefined ? '' : cleanText(reason, MAX_DECISION_REASON_CHARS);
      if (isVisible(kept)) answer.reason = kept;
      replaceItem(d, n, (item) => ({ ...item, status: accept ? 'accepted' : 'declined', answer }));
      return [{ kind: 'agreement.answered', n, accept }];
    },
  },
  'agreement.withdraw': {
    issuer: 'seat',
    check(_c, s, { actor, n }, by) {
      const wrong = checkParty(s, actor, by);
      if (wrong) return wrong;
      const item = ownItem(s, n, actor, 'from');
      return 'ok' in item ? item : undefined;
    },
    run(d, { n }) {
      replaceItem(d, n, (item) => ({ ...item, status: 'withdrawn' }));
      return [{ kind: 'agreement.withdrawn', n }];
    },
  },
};

/**
 * After a resolution: the agreements a party's act broke are marked so, with who broke them; proposals still
 * waiting lapse (an answer belongs to the turn it was asked in). `turn`: the turn that resolved.
 */
export function settleAgreements(
  d: TalkDraft,
  broken: readonly { n: number; by: string }[],
  turn: number,
): AgreementHappening[] {
  const happened: AgreementHappening[] = [];
  if (broken.length === 0 && !d.s.agreements.some((a) => a.status === 'pending')) return happened;
  const list = agreementList(d);
  for (const { n, by } of broken) {
    list[n - 1] = { ...list[n - 1]!, status: 'broken', broken: { by, turn } };
    happened.push({ kind: 'agreement.broken', n });
  }
  for (let i = 0; i < list.length; i++)
    if (list[i]!.status === 'pending') list[i] = { ...list[i]!, status: 'lapsed' };
  return happened;
}

// --- the computer's weighing ---------------------------------------------------------------------------------------

export interface Weighing {
  accept: boolean;
  /** The terms' worth to the actor, on its policy's scale: its goals' share, plus the scenario's bias for it. */
  score: number;
  /** Which of its goals the terms serve or harm, as the actor foresees them: what the screens say, in their language. */
  why: AnswerWhy;
  /** The same in one English sentence (answer-why.ts answerSentence): what the record keeps with the answer. */
  reason: string;
}

/**
 * How an actor weighs an agreement's terms, from its own sight and mind only: what the effects would do to the
 * indicators it sees, against its goals, plus the scenario's `policy` bias for it. It accepts what is worth more
 * than nothing. `rng`: for a condition of chance inside the effects, seeded by the caller.
 */
export function weighAgreement(
  c: CompiledScenario,
  def: Agreement,
  sight: Sight,
  mind: Mind,
  rng: () => number,
): Weighing {
  const projected: Record<string, number> = {};
  projectEffects(def.effects, sightContext(c, sight, mind, rng), projected);
  // Only the indicators the actor sees: what it cannot see it cannot weigh.
  for (const id of Object.keys(projected)) if (!(id in sight.indicators)) delete projected[id];
  const values = goalValues(c, mind.actor, projected);
  const bias = Object.hasOwn(def.policy, mind.actor) ? def.policy[mind.actor]! : 0;
  const score = values.reduce((sum, v) => sum + v.value, 0) + bias;
  const accept = score > 0;
  const why = whyOf(accept, values, bias);
  return { accept, score, why, reason: answerSentence(c, why) };
}

/** An actor's sight and mind as its policy reads them now: its offer's sight if it has one, else its sight now. */
function mindOf(c: CompiledScenario, s: GameState, actor: string): { sight: Sight; mind: Mind } {
  return {
    sight: s.offers[actor]?.sight ?? sightFor(c, s.world, actor),
    mind: {
      actor,
      beliefs: s.beliefs[actor] ?? {},
      posture: s.postures[actor] ?? '',
      agreed: agreedFor(c, s, actor),
    },
  };
}

/** The computer's weighing of an agreement for an actor now; `n` seeds its draw (a proposal's number, or 0). */
export function computerWeighing(
  c: CompiledScenario,
  s: GameState,
  actor: string,
  def: Agreement,
  n: number,
): Weighing {
  const { sight, mind } = mindOf(c, s, actor);
  return weighAgreement(c, def, sight, mind, rngFor(s.seed, s.world.turn, 'agreement', actor, def.id, n));
}

/**
 * Whether the computer could have an agreement command to issue: a proposal already made (to answer), or a person's
 * seat it may propose to. A game with neither (every computer game) skips the walk over every agreement's pairs,
 * which the session takes before each of the game's hundred commands (issue 18).
 */
function mayNegotiate(s: Readonly<GameState>): boolean {
  if (s.agreements.length > 0) return true;
  if (s.talk.level !== 'all') return false;
  for (const actor in s.seats) if (s.seats[actor] === 'person') return true;
  return false;
}

/**
 * The agreement command the computer issues next, or null: first an answer to a proposal waiting at a seat it
 * holds; then a proposal from a seat it holds to a person's seat, of an agreement it has not proposed to that
 * seat before and whose terms it weighs above nothing. Never to another computer seat: the computer's games
 * stay as they were, and a person alone is the one it negotiates with.
 */
export function computerAgreementCommand(c: CompiledScenario, s: Readonly<GameState>): Entry | null {
  if (s.phase !== 'deciding' || s.paused || c.agreementById.size === 0 || !mayNegotiate(s)) return null;
  for (const item of s.agreements) {
    if (item.status !== 'pending' || holderOf(s, item.to) !== 'computer') continue;
    const def = c.agreementById.get(item.agreement);
    if (!def) continue;
    const w = computerWeighing(c, s, item.to, def, item.n);
    const accept = w.accept && conditionsHold(c, s, def);
    return {
      by: { seat: item.to, as: 'computer' },
      command: { type: 'agreement.answer', actor: item.to, n: item.n, accept, reason: w.reason },
    };
  }
  if (s.talk.level !== 'all') return null;
  for (const def of c.scenario.agreements ?? []) {
    for (const { from, to } of def.pairs) {
      if (holderOf(s, from) !== 'computer' || holderOf(s, to) !== 'person') continue;
      if (s.agreements.some((a) => a.agreement === def.id && a.from === from && a.to === to)) continue;
      const command = { type: 'agreement.propose' as const, actor: from, to, agreement: def.id };
      const by = { seat: from, as: 'computer' as const };
      if (checkPropose(c, s, command, by)) continue;
      if (computerWeighing(c, s, from, def, 0).accept) return { by, command };
    }
  }
  return null;
}
