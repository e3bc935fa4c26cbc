/** The situation room (a turn to decide) and the resolution (what that turn brought). */
import type { Condition, Fact } from '../scenario/types.ts';
import type { ActorView } from '../sim/view.ts';
import { type DatedTurn, dateShown, shortRef, turnDate } from './cite.ts';
import { language, t } from './i18n/i18n.ts';
import { indicatorRows, signed } from './indicators.presenter.ts';
import type { Lookup } from './lookup.ts';
import { type MadeOnce, madeOnce } from './made-once.ts';
import { moodFor } from './mood.ts';
import { type NewsBefore, newsAndEarlier, newsOfTurn } from './news.presenter.ts';
import { turnLine } from './opening.presenter.ts';
import { actedThisTurn, placesFor } from './places.ts';
import type { Counsel, IndicatorRow, ResolutionModel, SituationModel } from './screens.ts';
import { endingWarnings } from './warning.presenter.ts';

const TRUE_FALSE = (is: boolean) => (is ? t('turn.true') : t('turn.false'));

type Basis = Fact['creditedBy'][number];

/** The cited basis, if any, on which the viewer took a claim (is, by whom) as it did: see basisFor. */
export type BasisOf = (
  is: boolean,
  by: string | null,
  credence: 'credits' | 'doubts' | 'noted',
) => Basis | null;

/**
 * The sources' words on which an actor takes a claim about a fact, as the engine reads them (credenceOf): for a
 * claim it credits, a source saying it or its side made or accepted it (`creditedBy`); for one it doubts, that it
 * rejected it (`doubtedBy`) or credited the contrary. Null where none applies: the actor took it on its own choice,
 * on evidence or on what it already held, or took no side.
 */
export function basisFor(fact: Fact | undefined, actor: string): BasisOf {
  return (is, by, credence) => {
    if (fact === undefined || credence === 'noted') return null;
    const voice = (b: Basis) => b.actor === actor && (b.from === undefined || b.from === by);
    const credited = (claim: boolean) => fact.creditedBy.find((b) => voice(b) && b.is === claim);
    if (credence === 'credits') return credited(is) ?? null;
    return fact.doubtedBy.find((b) => voice(b) && b.is === is) ?? credited(!is) ?? null;
  };
}

/** A basis in words: the source's number and its own words (spaces as a reader sees them). */
function basisWords(b: Basis): string {
  return t('turn.basis', {
    ref: shortRef(b.source),
    quote: b.quote.replace(/\s+/g, ' ').replace(/[.]$/, ''),
  });
}

/**
 * What the actor holds about a fact and how far it credits it, in words from the scenario's texts (names,
 * headlines, dates), never an id: "Confirmed by evidence: true (…)", "You credit it: true, as …",
 * "You doubt it", "You take no side", then every claim heard, side by side.
 */
export function beliefLines(
  b: ActorView['beliefs'][number],
  turns: readonly DatedTurn[] = [],
  basis: BasisOf = () => null,
): { status: string; heard: string[] } {
  // A turn's date as that turn shows it ("late December 2021" where the sources give no day).
  const longDate = (iso: string) => dateShown(iso, turns);
  const since = b.since ? t('turn.since', { date: longDate(b.since) }) : '';
  const evidence = b.evidence ? t('turn.quotedParen', { text: b.evidence.text }) : '';
  const own = b.claims.length === 0 && b.via === 'start';
  // Its starting position: the source that gives it, where the scenario cites one.
  const stated = own && b.stance === 'credits' ? basis(b.is, null, 'credits') : null;
  const status =
    b.stance === 'confirmed'
      ? t('turn.confirmed', { evidence, truth: TRUE_FALSE(b.is), since })
      : b.stance === 'credits'
        ? own
          ? t('turn.holdFromStart', {
              truth: TRUE_FALSE(b.is),
              basis: stated ? t('turn.commaBasis', { basis: basisWords(stated) }) : '',
            })
          : t('turn.credit', { truth: TRUE_FALSE(b.is) })
        : b.stance === 'doubts'
          ? t('turn.doubts')
          : t('turn.noSide');
  const heard = b.claims.map((h, i) => {
    // Why it takes the claim so, where a source says: the claims heard and the views' claims share one order.
    const cited = h.exposed ? null : basis(h.is, b.heard?.[i]?.by ?? null, h.credence);
    const took = h.exposed
      ? t('turn.tookExposed')
      : h.credence === 'credits'
        ? t('turn.tookCredit')
        : h.credence === 'doubts'
          ? t('turn.tookDoubt')
          : t('turn.tookNoSide');
    const who = h.fromActor
      ? t('turn.saidOn', {
          from: h.from.text,
          date: longDate(h.date),
          headline: h.headline ? t('turn.quotedParen', { text: h.headline.text }) : '',
        })
      : t('turn.reportedIn', { from: h.from.text, date: longDate(h.date) });
    return t('turn.heard', {
      who,
      truth: TRUE_FALSE(h.is),
      took,
      basis: cited ? t('turn.paren', { text: basisWords(cited) }) : '',
    });
  });
  // The same words twice (one voice through two channels the same day) read once.
  return { status, heard: [...new Set(heard)] };
}

/** The belief in one paragraph: its status, then every claim heard. */
export function beliefStatus(
  b: ActorView['beliefs'][number],
  turns: readonly DatedTurn[] = [],
  basis?: BasisOf,
): string {
  const { status, heard } = beliefLines(b, turns, basis);
  return [status, ...heard].join(' ');
}

/**
 * The advisers' counsel: each of the actor's goals that moved the wrong way in the last turn, with the
 * largest of the causes that pushed it that way, the largest slip first (and how many others did). A cause that pushed the other
 * way is never named as the reason: the net move can hide it (−4 from one cause and +6 from another is a
 * rise of 2). The full breakdown is in the indicators. It restates the view; it judges nothing the
 * player could not see.
 */
export function counselFor(rows: readonly IndicatorRow[]): Counsel[] {
  return rows
    .filter((r) => r.want && r.delta && (r.want === 'high' ? r.delta < 0 : r.delta > 0))
    .sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0))
    .map((r) => {
      const delta = r.delta ?? 0;
      const pushing = r.causes
        .filter((c) => Math.sign(c.delta) === Math.sign(delta))
        .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
      const [largest] = pushing;
      const others = pushing.length - 1;
      // The same slip with the same largest cause reads the same words: made once (every seat, every turn).
      const key = `${r.want}\u0000${r.label}\u0000${delta}\u0000${largest ? `${largest.brief}\u0000${largest.delta}` : ''}\u0000${others}`;
      return { indicator: r.id, text: wordsOnce(key, () => counselText(r, delta, largest, others)) };
    });
}

function counselText(
  r: IndicatorRow,
  delta: number,
  largest: IndicatorRow['causes'][number] | undefined,
  others: number,
): string {
  const more = others > 0 ? t('turn.counselOthers', { count: others }) : '';
  const why = largest
    ? delta > 0
      ? t('turn.counselUp', { brief: largest.brief, delta: signed(largest.delta), more })
      : t('turn.counselDown', { brief: largest.brief, delta: signed(largest.delta), more })
    : '';
  return r.want === 'high'
    ? t('turn.counselHigh', { label: r.label, delta: signed(delta), why })
    : t('turn.counselLow', { label: r.label, delta: signed(delta), why });
}

/**
 * Words made from scenario texts and numbers alone, by those inputs (`key`) and the language: a classroom server
 * builds them for every seat at every turn (issue 18). Bounded, as oneLine's cache is: a scenario's worth at most.
 */
function wordsOnce(key: string, make: () => string): string {
  const full = `${language()}\u0000${key}`;
  let words = madeWords.get(full);
  if (words === undefined) {
    words = make();
    if (madeWords.size < 20_000) madeWords.set(full, words);
  }
  return words;
}

const madeWords = new Map<string, string>();

/** Words at most in an option's first-sight line: twelve options must fit a lesson's reading. */
const LINE_WORDS = 8;

/**
 * An option's description as one short line: its first sentence, or that sentence's first clause when
 * the sentence is long, or its first words. A cut line ends in "…", so it never reads as the whole text.
 */
export function oneLine(text: string): string {
  let line = oneLines.get(text);
  if (line === undefined) {
    line = lineOf(text);
    // The options' descriptions are the scenario's, so the cache holds a scenario's worth at most; a server builds
    // them for every seat at every turn.
    if (oneLines.size < 10_000) oneLines.set(text, line);
  }
  return line;
}

const oneLines = new Map<string, string>();

function lineOf(text: string): string {
  const sentence = (text.trim().split(/(?<=[.!?])\s+/)[0] ?? '').trim();
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  // A sentence one or two words longer is kept whole: cutting it would save little and lose its end.
  if (words(sentence) <= LINE_WORDS + 2) return sentence;
  const clause = sentence.split(/[,:;]\s|\s[—–]\s/)[0]?.trim() ?? '';
  if (words(clause) >= 4 && words(clause) <= LINE_WORDS) return `${clause}…`;
  return `${sentence
    .split(/\s+/)
    .slice(0, LINE_WORDS)
    .join(' ')
    .replace(/[,:;.]$/, '')}…`;
}

/** A scenario sentence quoted inside another one: without its closing full stop. */
function quoted(text: string): string {
  return t('debrief.quoted', { title: text.trim().replace(/[.]$/, '') });
}

/** A turn by its date as the situation room's heading names it ("7 November 2021", "late October 2021"). */
function turnWords(id: string, lookup: Lookup): string {
  const turn = lookup.scenario.turns.find((at) => at.id === id);
  return turn ? turnDate(turn) : t('turn.anotherTurn');
}

function factWords(id: string, lookup: Lookup): string {
  const fact = lookup.fact(id);
  return fact ? quoted(fact.statement.text) : t('turn.unknownFact');
}

function postureWords(actor: string, posture: string, lookup: Lookup): string {
  const label = lookup.scenario.actors.find((a) => a.id === actor)?.postures.find((p) => p.id === posture);
  return label ? quoted(label.label.text) : t('turn.anotherStance');
}

function eventWords(id: string, lookup: Lookup): string {
  const event = lookup.scenario.events.find((e) => e.id === id);
  return event ? quoted(event.headline.text) : t('turn.eventToCome');
}

type Bound = 'atLeast' | 'atMost' | 'below' | 'above';

function thresholds(map: Record<string, number>, bound: Bound, lookup: Lookup): string {
  return Object.entries(map)
    .map(([id, n]) => {
      const words = { label: lookup.indicatorLabel(id), value: n };
      return bound === 'atLeast'
        ? t('turn.atLeast', words)
        : bound === 'atMost'
          ? t('turn.atMost', words)
          : bound === 'below'
            ? t('turn.below', words)
            : t('turn.above', words);
    })
    .join(t('turn.and'));
}

/** "in the turn of 7 November 2021", or nothing. */
function whenWords(turn: string | undefined, lookup: Lookup): string {
  return turn ? t('turn.inTurnOf', { turn: turnWords(turn, lookup) }) : '';
}

/**
 * The words made, by the lookup, the scenario's condition (never changed) and the language and viewer: a classroom
 * builds every seat's closed options again at every turn, from the same conditions (issue 18).
 */
const needsMade: MadeOnce<Condition, string> = new WeakMap();

/** One part of an option's condition, as what the option needs, in words from the scenario. */
function needWords(c: Condition, viewer: string, lookup: Lookup): string {
  return madeOnce(needsMade, lookup, c, viewer, () => makeNeedWords(c, viewer, lookup));
}

function makeNeedWords(c: Condition, viewer: string, lookup: Lookup): string {
  if (c.all) return c.all.map((p) => needWords(p, viewer, lookup)).join(t('debrief.semicolon'));
  if (c.any)
    return t('turn.oneOf', {
      list: c.any.map((p) => needWords(p, viewer, lookup)).join(t('turn.semicolonOr')),
    });
  if (c.not) return notWords(c.not, viewer, lookup);
  if (c.atLeast) return t('turn.needs', { what: thresholds(c.atLeast, 'atLeast', lookup) });
  if (c.atMost) return t('turn.needs', { what: thresholds(c.atMost, 'atMost', lookup) });
  // A fact is judged from what the actor believes (the offer's sight), so the need is a belief.
  if (c.fact !== undefined) return t('turn.needYouBelieve', { fact: factWords(c.fact, lookup), negated: '' });
  if (c.believes) {
    const { actor, fact, is = true } = c.believes;
    const words = { fact: factWords(fact, lookup), negated: is ? '' : t('turn.isFalse') };
    return actor === viewer
      ? t('turn.needYouBelieve', words)
      : t('turn.needTheyBelieve', { ...words, actor: lookup.actorName(actor) });
  }
  if (c.chose) {
    const { actor, option, turn } = c.chose;
    const words = { option: quoted(lookup.optionLabel(actor, option)), when: whenWords(turn, lookup) };
    return actor === viewer
      ? t('turn.afterYouChose', words)
      : t('turn.afterTheyChose', { ...words, actor: lookup.actorName(actor) });
  }
  if (c.fired !== undefined) return t('turn.afterEvent', { event: eventWords(c.fired, lookup) });
  if (c.turn) {
    const { from, to } = c.turn;
    if (from && to) return t('turn.fromTo', { from: turnWords(from, lookup), to: turnWords(to, lookup) });
    if (from) return t('turn.from', { from: turnWords(from, lookup) });
    if (to) return t('turn.upTo', { to: turnWords(to, lookup) });
  }
  if (c.posture) {
    const { actor, is } = c.posture;
    const posture = postureWords(actor, is, lookup);
    return actor === viewer
      ? t('turn.yourStance', { posture })
      : t('turn.theirStance', { posture, actor: lookup.actorName(actor) });
  }
  if (c.chance !== undefined) return t('turn.chance');
  return t('turn.notOpen');
}

/** The need of a `not` condition: what must not be, in words. */
function notWords(c: Condition, viewer: string, lookup: Lookup): string {
  if (c.not) return needWords(c.not, viewer, lookup);
  if (c.atLeast) return t('turn.needs', { what: thresholds(c.atLeast, 'below', lookup) });
  if (c.atMost) return t('turn.needs', { what: thresholds(c.atMost, 'above', lookup) });
  if (c.fact !== undefined)
    return t('turn.needYouNotBelieve', { fact: factWords(c.fact, lookup), negated: '' });
  if (c.believes) {
    const { actor, fact, is = true } = c.believes;
    const words = { fact: factWords(fact, lookup), negated: is ? '' : t('turn.isFalse') };
    return actor === viewer
      ? t('turn.needYouNotBelieve', words)
      : t('turn.needTheyNotBelieve', { ...words, actor: lookup.actorName(actor) });
  }
  if (c.chose) {
    const { actor, option, turn } = c.chose;
    const words = { option: quoted(lookup.optionLabel(actor, option)), when: whenWords(turn, lookup) };
    return actor === viewer
      ? t('turn.closedYouChose', words)
      : t('turn.closedTheyChose', { ...words, actor: lookup.actorName(actor) });
  }
  if (c.fired !== undefined) return t('turn.closedEvent', { event: eventWords(c.fired, lookup) });
  if (c.posture) {
    const { actor, is } = c.posture;
    const posture = postureWords(actor, is, lookup);
    return actor === viewer
      ? t('turn.yourStanceNot', { posture })
      : t('turn.theirStanceNot', { posture, actor: lookup.actorName(actor) });
  }
  if (c.chance !== undefined) return t('turn.chance');
  return t('turn.notOpen');
}

/**
 * Why a closed option is closed, from the parts of its condition not met: true statements built from the
 * condition and the scenario's texts (fact statements, labels, headlines, dates), never an id.
 */
export function closedReason(
  unmet: readonly Condition[],
  viewer: string,
  lookup: Lookup,
  heardOf: (fact: string) => boolean = () => true,
): string {
  // A need that names what the player has not heard of yet, or an event that has not come, would tell the future
  // (the play-test saw "needs: you believe the residence has been attacked" from 10 October, and "only after Sadr
  // calls for the PMF to disband"): such a need is said without naming it.
  const foretells = (c: Condition) =>
    c.fired !== undefined ||
    (c.fact !== undefined && !heardOf(c.fact)) ||
    (c.believes !== undefined && c.believes.actor === viewer && !heardOf(c.believes.fact));
  const told = unmet.filter((c) => !foretells(c));
  if (told.length < unmet.length) {
    const rest = told.length > 0 ? closedReason(told, viewer, lookup, heardOf) : '';
    return rest ? t('turn.restAndUnhappened', { rest }) : t('turn.notOpenSoFar');
  }
  if (unmet.length === 0) return t('turn.notOpen');
  // Several things the player must believe read as one need: "you believe “A” and “B”".
  const believed = (c: Condition): string | null =>
    c.fact ?? (c.believes && c.believes.actor === viewer && c.believes.is !== false ? c.believes.fact : null);
  const facts = unmet.map(believed).filter((f): f is string => f !== null);
  const others = unmet.filter((c) => believed(c) === null).map((c) => needWords(c, viewer, lookup));
  const beliefs =
    facts.length > 0
      ? [
          t('turn.needYouBelieve', {
            fact: facts.map((f) => factWords(f, lookup)).join(t('turn.and')),
            negated: '',
          }),
        ]
      : [];
  return [...beliefs, ...others].join(t('debrief.semicolon'));
}

/**
 * The situation room of a view. `same`, when given, is this actor's model built from a view of the same world, the
 * same beliefs and the same phase (the caller knows: a classroom room compares the engine's state by identity): its
 * parts that depend on them alone are kept as they are (the same objects, so a diff skips them), and only the
 * decision is built again. Without it, everything is built from the view. `sameOffer`: the caller knows the offer, the
 * beliefs and the stance are the same objects as for `same` too, so the decision's options are kept as well.
 * `before`: this actor's last model (of another world) and the view it was built from, made with the same lookup in
 * the same language (the caller knows): the earlier news it showed is carried over where what it follows from is the
 * same (newsAndEarlier checks).
 */
export function situationModel(
  view: ActorView,
  lookup: Lookup,
  selected: string | null,
  same?: SituationModel | null,
  sameOffer = false,
  before?: { view: ActorView; model: SituationModel },
): SituationModel {
  const world = same ?? situationOfWorld(view, lookup, before);
  const kept = sameOffer ? same?.decision : undefined;
  return {
    kind: 'situation',
    actor: world.actor,
    turn: world.turn,
    news: world.news,
    earlier: world.earlier,
    indicators: world.indicators,
    beliefs: world.beliefs,
    counsel: world.counsel,
    decision:
      kept && view.decision
        ? { prompt: kept.prompt, options: kept.options, selected: selected ?? view.decision.chosen }
        : decisionModel(view, lookup, selected),
    mood: world.mood,
    places: world.places,
    warnings: world.warnings,
    mapThisTurn: world.mapThisTurn,
    ...awaitingOf(view, lookup),
  };
}

/** The proposals to this actor still waiting for its answer, as the first sight names them; none: no field. */
function awaitingOf(view: ActorView, lookup: Lookup): Pick<SituationModel, 'awaiting'> {
  // One loop and one kind of array (an empty list filtered and mapped was another array map than a full one, and
  // the situation's builder was optimized and thrown away again: issue 18); none: the one empty object.
  let awaiting: NonNullable<SituationModel['awaiting']> | null = null;
  for (const a of view.agreements ?? NO_AGREEMENTS) {
    if (a.status !== 'pending' || a.to !== view.actor) continue;
    awaiting ??= [];
    awaiting.push({ n: a.n, from: lookup.actorName(a.from), agreement: lookup.agreementLabel(a.agreement) });
  }
  return awaiting === null ? NOT_AWAITING : { awaiting };
}

const NO_AGREEMENTS: NonNullable<ActorView['agreements']> = [];
const NOT_AWAITING: Pick<SituationModel, 'awaiting'> = Object.freeze({});

/** The parts of the situation room that follow from the world, the actor's beliefs and the phase alone. */
function situationOfWorld(
  view: ActorView,
  lookup: Lookup,
  before?: { view: ActorView; model: SituationModel },
): Omit<SituationModel, 'kind' | 'decision'> {
  const current = view.turn.index;
  const indicators = indicatorRows(view, lookup, current > 0 ? current - 1 : null);
  const last: NewsBefore | undefined = before && {
    view: before.view,
    turn: before.model.turn.index,
    news: before.model.news,
    earlier: before.model.earlier,
  };
  const { news, earlier } = newsAndEarlier(view, lookup, current, last);
  return {
    actor: lookup.card(view.actor),
    turn: turnLine(view, lookup),
    news,
    earlier,
    indicators,
    beliefs: view.beliefs.map((b) => beliefLine(b, view.actor, lookup)),
    counsel: counselFor(indicators),
    mood: moodFor(indicators, lookup),
    places: placesFor(lookup),
    warnings: endingWarnings(view, lookup),
    mapThisTurn: actedThisTurn(view, lookup),
  };
}

type BeliefLine = SituationModel['beliefs'][number];

/**
 * The lines made, by the lookup, the belief's view (the engine shares one for a belief that did not change: view.ts)
 * and the language and actor: a classroom builds every seat's beliefs again at every turn (issue 18).
 */
const linesMade: MadeOnce<ActorView['beliefs'][number], BeliefLine> = new WeakMap();

/** A belief on the situation's panel: what it states, and the actor's lines about it. */
function beliefLine(b: ActorView['beliefs'][number], actor: string, lookup: Lookup): BeliefLine {
  return madeOnce(linesMade, lookup, b, actor, () => ({
    statement: lookup.cite(b.statement),
    ...beliefLines(b, lookup.scenario.turns, basisFor(lookup.fact(b.fact), actor)),
  }));
}

type OptionLine = NonNullable<SituationModel['decision']>['options'][number];

/**
 * The options' lines made, by the lookup, the scenario's option label (never changed) and the language, id, place
 * and reason closed (none: open), for any viewer: a line holds nothing of the viewer but its reason closed.
 */
const optionsMade: MadeOnce<object, OptionLine> = new WeakMap();

/** The decision the actor faces (its options, open or closed and why), or null. */
function decisionModel(view: ActorView, lookup: Lookup, selected: string | null): SituationModel['decision'] {
  const decision = view.decision;
  if (!decision) return null;
  const heard = new Set(view.beliefs.map((b) => b.fact));
  const heardOf = (fact: string) => heard.has(fact);
  return {
    prompt: lookup.cite(decision.prompt),
    options: decision.options.map((o, i) => {
      const closed = o.open ? null : closedReason(o.closedBy, view.actor, lookup, heardOf);
      // The same option, open or closed for the same reason, is the same object from turn to turn (the actor faces
      // one decision every turn): the diff skips it.
      return madeOnce(optionsMade, lookup, o.label, `${o.id}\u0000${i}\u0000${closed ?? '\u0001'}`, () => ({
        id: o.id,
        key: i + 1,
        label: o.label.text,
        description: lookup.cite(o.description),
        line: oneLine(o.description.text),
        open: o.open,
        closed,
      }));
    }),
    selected: selected ?? decision.chosen,
  };
}

/**
 * After a turn resolved: `before` is the view the player decided in, `after` the view once the turn
 * is over (the turn index has moved on, or the game has ended in it).
 */
export function resolutionModel(before: ActorView, after: ActorView, lookup: Lookup): ResolutionModel {
  const resolved = before.turn.index;
  const rows = indicatorRows(after, lookup, resolved);
  const choice = after.choices.find((c) => c.turn === resolved);
  return {
    kind: 'resolution',
    actor: lookup.card(after.actor),
    turn: turnLine(before, lookup),
    choice: choice ? lookup.optionLabel(after.actor, choice.option) : null,
    news: newsOfTurn(after, lookup, resolved),
    changes: rows,
    ended: after.status === 'ended',
    mood: moodFor(rows, lookup),
  };
}
