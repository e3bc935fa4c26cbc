// A seat's deals as its screens show them: the agreements it may propose now and to whom (the engine's
// `mayPropose`, never worked out here), the proposals it made or received and what became of each, with the answer's
// reason (a person's words, or the computer's weighing by its own goals, said in the viewer's language); and, for the debrief, the deals made and
// broken and the statements whose claims were heard. Built from the seat's own view: it holds only what the seat
// may see (src/sim/agreements.ts maySee).
import type { ActorView } from '../sim/view.ts';
import { answerReason } from './answer-why.ts';
import { isolate, t } from './i18n/i18n.ts';
import type { Lookup } from './lookup.ts';
import type { DealLine, DealsDebrief, DealsModel, MovedLine } from './screens.ts';

export type { DealLine, DealOffer, DealsDebrief, DealsModel, MovedLine } from './screens.ts';

/** The part of a seat's view its deals come from. */
export type DealsSeen = Pick<ActorView, 'actor' | 'agreements' | 'mayPropose'>;

function statusText(item: NonNullable<ActorView['agreements']>[number], lookup: Lookup): string {
  switch (item.status) {
    case 'pending':
      return t('solo.deal.status.pending');
    case 'accepted':
      return t('solo.deal.status.accepted', { turn: (item.answer?.turn ?? item.turn) + 1 });
    case 'declined':
      return t('solo.deal.status.declined', { turn: (item.answer?.turn ?? item.turn) + 1 });
    case 'withdrawn':
      return t('solo.deal.status.withdrawn');
    case 'lapsed':
      return t('solo.deal.status.lapsed');
    case 'broken':
      return item.broken
        ? t('solo.deal.status.brokenBy', {
            actor: isolate(lookup.actorName(item.broken.by)),
            turn: item.broken.turn + 1,
          })
        : t('solo.deal.status.broken');
  }
}

function headOf(item: { turn: number; from: string; to: string }, actor: string, lookup: Lookup): string {
  const turn = item.turn + 1;
  if (item.from === actor) return t('solo.deal.head.yours', { turn, to: isolate(lookup.actorName(item.to)) });
  if (item.to === actor)
    return t('solo.deal.head.toYou', { turn, from: isolate(lookup.actorName(item.from)) });
  return t('solo.deal.head.between', {
    turn,
    from: isolate(lookup.actorName(item.from)),
    to: isolate(lookup.actorName(item.to)),
  });
}

/** One proposal as a line; `live`: the game goes on and the seat may act (answer, withdraw). */
export function dealLine(
  item: NonNullable<ActorView['agreements']>[number],
  actor: string,
  lookup: Lookup,
  live: boolean,
): DealLine {
  const said = answerReason(item, (id) => lookup.indicatorLabel(id));
  const pending = live && item.status === 'pending';
  return {
    n: item.n,
    turn: item.turn + 1,
    agreement: item.agreement,
    label: lookup.agreementLabel(item.agreement),
    terms: lookup.agreementTerms(item.agreement),
    from: item.from,
    to: item.to,
    head: headOf(item, actor, lookup),
    status: item.status,
    statusText: statusText(item, lookup),
    reason: said?.text ?? null,
    reasonBy:
      said === null
        ? null
        : said.by === 'computer'
          ? t('solo.deal.reasonComputer')
          : said.by === 'record'
            ? t('solo.deal.reasonRecorded')
            : t('solo.deal.reasonPerson'),
    canAnswer: pending && item.to === actor,
    canWithdraw: pending && item.from === actor,
  };
}

/** The seat's deals panel: what it may propose now (the engine's list), and its proposals, newest first. */
export function dealsModel(view: DealsSeen, lookup: Lookup, live: boolean): DealsModel {
  const items = view.agreements ?? [];
  return {
    offers: live
      ? (view.mayPropose ?? []).map(({ agreement, to }) => ({
          key: `${agreement}/${to}`,
          agreement,
          to,
          label: lookup.agreementLabel(agreement),
          terms: lookup.agreementTerms(agreement),
          toLabel: lookup.actorName(to),
        }))
      : [],
    lines: items.map((item) => dealLine(item, view.actor, lookup, live)).reverse(),
    standing: items.filter((item) => item.status === 'accepted').length,
  };
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
    lines: (view.agreements ?? []).map((item) => dealLine(item, view.actor, lookup, false)),
    moved,
  };
}
