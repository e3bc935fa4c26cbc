// A seat's deals in the solo game and pass-and-play, and in the debrief: the one deal model
// (room-deals.presenter.ts), built from the seat's own view (it holds only what the seat may see: src/sim/agreements.ts
// maySee) with the scenario's words from the lookup, and worded as these screens word it: who proposed what to whom
// from the seat's side ("you proposed it to"), where it stands with the turn, and whose the answer's reason is. What
// the seat may propose is the engine's `mayPropose`, never worked out here. And, for the debrief, the statements
// whose claims were heard.

import { DEAL_LIMITS } from '../session/talk-limits.ts';
import type { ActorView } from '../sim/view.ts';
import { isolate, t } from './i18n/i18n.ts';
import type { Lookup } from './lookup.ts';
import {
  type DealLine,
  type DealsModel,
  type DealTexts,
  dealLine,
  dealsModel as deals,
} from './room-deals.presenter.ts';
import type { DealsDebrief, MovedLine } from './screens.ts';

export type { DealLine, DealsModel } from './room-deals.presenter.ts';
export type { DealsDebrief, MovedLine } from './screens.ts';

/** The part of a seat's view its deals come from. */
export type DealsSeen = Pick<ActorView, 'actor' | 'agreements' | 'mayPropose'>;

/** The scenario's words for what a line names, from the lookup (in the language it was built in). */
export function lookupDealTexts(lookup: Lookup): DealTexts {
  return {
    agreement: (id) => ({ label: lookup.agreementLabel(id), terms: lookup.agreementTerms(id) }),
    actor: (id) => lookup.actorName(id),
    effect: (id) => id,
    indicator: (id) => lookup.indicatorLabel(id),
  };
}

/** Where a proposal stands, in one sentence, with the turn it was answered in (who broke it, and when). */
export function dealStatusText(line: DealLine): string {
  switch (line.status) {
    case 'pending':
      return t('solo.deal.status.pending');
    case 'accepted':
      return t('solo.deal.status.accepted', { turn: line.answered ?? line.turn });
    case 'declined':
      return t('solo.deal.status.declined', { turn: line.answered ?? line.turn });
    case 'withdrawn':
      return t('solo.deal.status.withdrawn');
    case 'lapsed':
      return t('solo.deal.status.lapsed');
    case 'broken':
      return line.broken
        ? t('solo.deal.status.brokenBy', { actor: isolate(line.broken.byLabel), turn: line.broken.turn })
        : t('solo.deal.status.broken');
  }
}

/** Who proposed it to whom, in which turn, from the seat's side. */
export function dealHeadText(line: DealLine): string {
  const turn = line.turn;
  if (line.side === 'from') return t('solo.deal.head.yours', { turn, to: isolate(line.toLabel) });
  if (line.side === 'to') return t('solo.deal.head.toYou', { turn, from: isolate(line.fromLabel) });
  return t('solo.deal.head.between', { turn, from: isolate(line.fromLabel), to: isolate(line.toLabel) });
}

/** Whose the answer's reason is, in words; null without one. */
export function dealReasonBy(line: DealLine): string | null {
  if (line.reason === null) return null;
  if (line.reasonBy === 'computer') return t('solo.deal.reasonComputer');
  if (line.reasonBy === 'record') return t('solo.deal.reasonRecorded');
  return t('solo.deal.reasonPerson');
}

/** What the seat may do with a line now: answer one made to it, withdraw its own, while it waits and the seat acts. */
export function dealActs(
  model: Pick<DealsModel, 'live'>,
  line: DealLine,
): { answer: boolean; withdraw: boolean } {
  const pending = model.live && line.status === 'pending';
  return { answer: pending && line.side === 'to', withdraw: pending && line.side === 'from' };
}

/** How many of the seat's agreements stand now. */
export function dealsStanding(model: Pick<DealsModel, 'deals'>): number {
  return model.deals.filter((l) => l.status === 'accepted').length;
}

/** The seat's deals panel: what it may propose now (the engine's list), and its proposals, newest first. */
export function dealsModel(view: DealsSeen, lookup: Lookup, live: boolean): DealsModel {
  return deals(
    {
      agreements: view.agreements ?? [],
      mayPropose: view.mayPropose ?? [],
      rulings: [],
      effects: [],
      actor: view.actor,
      live,
      limits: { ...DEAL_LIMITS },
    },
    lookupDealTexts(lookup),
  );
}

/** The part of a seat's view the debrief's deals come from. */
export type DealsDebriefSeen = DealsSeen & Pick<ActorView, 'said' | 'beliefs'>;

/**
 * How the viewer took a statement's claim: the claim about that fact it heard from that speaker, saying the same,
 * in the statement's turn or later (a statement approved late is heard at a later resolution); null if none.
 */
function tookOf(
  view: DealsDebriefSeen,
  lookup: Lookup,
  said: { from: string; turn: number },
  claim: { fact: string; is: boolean },
): string | null {
  if (said.from === view.actor) return null;
  const since = lookup.scenario.turns[said.turn]?.date ?? '';
  const speaker = lookup.actorName(said.from);
  const heard = view.beliefs
    .find((b) => b.fact === claim.fact)
    ?.claims.find(
      (h) =>
        h.fromActor && h.headline === null && h.from.text === speaker && h.is === claim.is && h.date >= since,
    );
  if (!heard) return null;
  if (heard.credence === 'credits') return t('debrief.deal.tookCredits');
  if (heard.credence === 'doubts') return t('debrief.deal.tookDoubts');
  return t('debrief.deal.tookNoted');
}

export function dealsDebrief(view: DealsDebriefSeen, lookup: Lookup): DealsDebrief {
  const claims = new Map((lookup.scenario.statementClaims ?? []).map((s) => [s.id, s]));
  const moved: MovedLine[] = [];
  for (const said of view.said ?? []) {
    // Only a statement that carried a claim, and was let stand, is heard: those are the ones that moved beliefs.
    if (said.kind !== 'statement' || said.claim === undefined || said.waiting || said.hidden !== undefined)
      continue;
    const from = isolate(lookup.actorName(said.from));
    const claimDef = claims.get(said.claim);
    moved.push({
      n: said.n,
      turn: said.turn + 1,
      head:
        said.to === 'public'
          ? t('debrief.deal.saidPublic', { turn: said.turn + 1, from })
          : t('debrief.deal.saidNamed', {
              turn: said.turn + 1,
              from,
              to: said.to.map((a) => isolate(lookup.actorName(a))).join(t('seat.nameSeparator')),
            }),
      claim: claims.get(said.claim)?.label.text ?? said.claim,
      text: said.text,
      took: claimDef ? tookOf(view, lookup, said, claimDef.claim) : null,
    });
  }
  return {
    lines: (view.agreements ?? []).map((item) => dealLine(item, lookupDealTexts(lookup), view.actor)),
    moved,
  };
}
