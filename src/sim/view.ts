// What one actor may know, what the public (the projector) may know, and what the facilitator sees. Another
// actor's private knowledge, secret choices and pending decisions never pass through viewFor or publicView.
import type { Condition, Effect, Text } from '../scenario/types.ts';
import { type AgreementView, agreementsFor, mayPropose } from './agreements.ts';
import { type CompiledScenario, canSeeIndicator, inAudience } from './compile.ts';
import { type ConditionContext, holds } from './conditions.ts';
import { endingTexts } from './ending-text.ts';
import { asOnThatDate } from './history-dates.ts';
import { sightContext } from './policy.ts';
import type { Choice } from './resolve.ts';
import { rulingsFor } from './rulings.ts';
import { type Deadline, type GameState, type Holder, holderOf, type TalkRule, waitingFor } from './state.ts';
import { claimsOpen, type SaidView, saidFor } from './talk.ts';
import type {
  AgreementItem,
  Belief,
  Beliefs,
  Cause,
  Change,
  Heard,
  JournalEntry,
  RulingItem,
  Stance,
  World,
} from './world.ts';
import { worldContext } from './world-judge.ts';

export type { AgreementView } from './agreements.ts';
export { worldContext } from './world-judge.ts';

export type VisibleCause = Cause | { kind: 'undisclosed' };

export interface IndicatorView {
  id: string;
  label: Text;
  meaning: Text;
  min: number;
  max: number;
  /** null: this actor cannot see it. */
  value: number | null;
  /** Value at the end of each turn so far (index 0 is the start); null when unseen. */
  history: number[] | null;
  causes: { turn: number; delta: number; cause: VisibleCause }[];
}

export interface JournalView {
  turn: number;
  kind: 'news' | 'statement' | 'rumour' | 'intel' | 'report' | 'action';
  headline: Text;
  body: Text | null;
  /** The actor who speaks or acts. */
  actor: string | null;
  counterfactual: boolean;
  claim: { fact: string; is: boolean } | null;
  /** The claim contradicts what this viewer has since confirmed: misinformation, exposed. */
  exposed: boolean;
}

/** One claim the actor heard about a fact, with who made it in the scenario's own words (never an id). */
export interface ClaimView {
  is: boolean;
  /** The speaker's name, or, for a claim no one is named for, the headline of the event that carried it. */
  from: Text;
  /** `from` names an actor (true) or is an event's headline (false). */
  fromActor: boolean;
  /** For a claim an actor made through an event: that event's headline; null otherwise. */
  headline: Text | null;
  /** The date of the turn it was heard in (ISO). */
  date: string;
  credence: Heard['credence'];
  /** It contradicts what the actor has since confirmed: misinformation, exposed. */
  exposed: boolean;
}

export interface BeliefView extends Belief {
  fact: string;
  statement: Text;
  stance: Stance;
  /** Where the evidence came from, for a confirmed belief (an event's headline, an actor's name); null otherwise. */
  evidence: Text | null;
  /** The date (ISO) the actor came to hold it; null: from the start. */
  since: string | null;
  /** Every claim heard about the fact, oldest first, side by side. */
  claims: ClaimView[];
}

export interface DecisionView {
  id: string;
  prompt: Text;
  options: {
    id: string;
    label: Text;
    description: Text;
    open: boolean;
    /** Why a closed option is closed: the parts of its `available` condition not met (empty when open). */
    closedBy: Condition[];
  }[];
  chosen: string | null;
  /** The reason the seat gave with its choice, while the turn is open; absent when it gave none. */
  reason?: string;
}

export interface TurnView {
  index: number;
  id: string;
  date: string;
  /** Where the sources give no day: the date as shown instead of the day ("late December 2021"). */
  dateText?: Text;
  /**
   * This game's own title and summary: the historical ones where what they take for granted (the turn's
   * `presupposes`) holds in this game's world, or they take nothing for granted; otherwise the texts true of
   * any game. Either way, true of this game.
   */
  title: Text;
  summary: Text;
  /**
   * Where this game has left history: what happened on this date in history, to be shown as history. Absent or
   * null: the game's own texts are the historical ones.
   */
  history?: { title: Text; summary: Text } | null;
  count: number;
}

/** The ending reached, with the parts of its summary and debrief that hold in this game, in order. */
export interface OutcomeView {
  id: string;
  title: Text;
  summary: Text[];
  debrief: Text[];
}

export interface ActorView {
  scenario: string;
  actor: string;
  seat: Holder;
  status: 'deciding' | 'waiting' | 'ended';
  /** The facilitator paused the game. */
  paused: boolean;
  turn: TurnView;
  posture: string;
  indicators: IndicatorView[];
  journal: JournalView[];
  beliefs: BeliefView[];
  decision: DecisionView | null;
  /** This actor's own choices, turn by turn, with the reason its seat gave where it gave one. */
  choices: { turn: number; option: string; reason?: string }[];
  outcome: OutcomeView | null;
  /**
   * What this actor may read of what seats said (talk.ts): approved public statements, statements and messages
   * addressed to it, and its own. Never another seat's message to a third. viewFor always fills it and `talk`;
   * they are optional for the views that screens and tests build by hand.
   */
  said?: SaidView[];
  /** How much talk the room allows now. */
  talk?: TalkRule;
  /**
   * The claims this actor may attach to a statement now (talk.ts claimsOpen: the scenario's `statementClaims` it
   * speaks whose `when` holds), by id; empty when the game is not on.
   */
  claims?: string[];
  /**
   * The agreements this actor may see (agreements.ts): the proposals it made or received, whatever became of
   * them, and the public agreements accepted. Never a proposal between two other seats that is not public.
   */
  agreements?: AgreementView[];
  /** What it may propose now, and to whom (empty when the game is not on, or the room allows no proposals). */
  mayPropose?: { agreement: string; to: string }[];
  /** Its own requests for a ruling, with the facilitator's ruling once given (rulings.ts). */
  rulings?: RulingItem[];
}

export interface PublicView {
  scenario: string;
  status: 'setup' | 'deciding' | 'ready' | 'ended';
  paused: boolean;
  /** The decision clock's length in seconds, when the facilitator set one. */
  deadline: number | null;
  turn: TurnView;
  indicators: IndicatorView[];
  journal: JournalView[];
  established: BeliefView[];
  /** Who has decided this turn, never what. */
  decided: string[];
  waitingFor: string[];
  outcome: OutcomeView | null;
  /** Public statements, once approved where the room asks for approval; never a message, never a hidden one. */
  said: SaidView[];
  /** The public agreements accepted (and those since broken); never a proposal, never a private agreement. */
  agreements?: AgreementView[];
}

type Viewer = { actor: string } | { public: true };

function sees(viewer: Viewer, audience: JournalEntry['audience']): boolean {
  return 'public' in viewer ? audience === 'public' : inAudience(audience, viewer.actor);
}

/**
 * The turn that is open (or the last one), its texts judged on the game world: a text is this game's own only
 * where what it presupposes happened in this game; otherwise the turn's text for any game stands in, and the
 * historical text is handed over as history.
 */
export function turnView(c: CompiledScenario, world: World, agreements?: readonly AgreementItem[]): TurnView {
  const index = world.turn;
  const turn = c.scenario.turns[Math.min(index, c.scenario.turns.length - 1)]!;
  const count = c.scenario.turns.length;
  if (turn.presupposes === undefined || holds(turn.presupposes, worldContext(c, world, agreements)))
    return turnViewOf(index, turn, count, turn.title, turn.summary, null);
  return turnViewOf(index, turn, count, turn.titleAnyGame ?? turn.title, turn.summaryAnyGame ?? ANY_GAME, {
    title: turn.title,
    summary: turn.summary,
  });
}

/**
 * A turn's view, as a literal with its keys always in one order (the order the devices are sent, `dateText` only
 * where the turn has one): a view built by spreading a base took other hidden classes than the literal, and the
 * presenters that read it were optimized and thrown away again (issue 18).
 */
function turnViewOf(
  index: number,
  turn: CompiledScenario['scenario']['turns'][number],
  count: number,
  title: Text,
  summary: Text,
  history: TurnView['history'],
): TurnView {
  return turn.dateText
    ? { index, id: turn.id, date: turn.date, dateText: turn.dateText, count, title, summary, history }
    : { index, id: turn.id, date: turn.date, count, title, summary, history };
}

/** For a scenario the validator would refuse (a presupposition without summaryAnyGame): still nothing untrue. */
const ANY_GAME: Text = { text: 'This game has left the course of history.', invention: true };

/**
 * The journal's entries by what a cause asks of them, made once per journal and shared by every viewer's view: a
 * view asks it once per indicator change, and a scan each time made a classroom's new turn quadratic (issue 18).
 * The journal only grows (the engine appends to it, or copies it), so an index made at the same length holds.
 */
interface JournalIndex {
  length: number;
  /** Decisions announced: turn, actor, option. */
  announced: Set<string>;
  /** The first entry of each event in each turn, as the scan found it. */
  events: Map<string, JournalEntry>;
  /**
   * What a change's cause found here (announced or not; its event's entry or none), by the engine's change (never
   * changed once made): asked once for every viewer of this journal, without a key joined per viewer (issue 18).
   */
  found: WeakMap<Change, boolean | JournalEntry | null>;
}

const journalIndexes = new WeakMap<readonly JournalEntry[], JournalIndex>();

function journalIndex(journal: readonly JournalEntry[]): JournalIndex {
  const known = journalIndexes.get(journal);
  if (known && known.length === journal.length) return known;
  const index: JournalIndex = {
    length: journal.length,
    announced: new Set(),
    events: new Map(),
    found: new WeakMap(),
  };
  for (const j of journal) {
    if (j.source.kind === 'decision')
      index.announced.add(`${j.turn}\u0000${j.source.actor}\u0000${j.source.option}`);
    else {
      const key = `${j.turn}\u0000${j.source.event}`;
      if (!index.events.has(key)) index.events.set(key, j);
    }
  }
  journalIndexes.set(journal, index);
  return index;
}

/** A decision's change: whether the journal announced it in its turn. An event's: the event's entry of its turn. */
function foundFor(index: JournalIndex, ch: Change): boolean | JournalEntry | null {
  let found = index.found.get(ch);
  if (found === undefined) {
    const cause = ch.cause;
    found =
      cause.kind === 'decision'
        ? index.announced.has(`${ch.turn}\u0000${cause.actor}\u0000${cause.option}`)
        : cause.kind === 'event'
          ? (index.events.get(`${ch.turn}\u0000${cause.event}`) ?? null)
          : null;
    index.found.set(ch, found);
  }
  return found;
}

/** The one undisclosed cause: never kept in a view (a view's undisclosed lines are made where they are summed). */
const UNDISCLOSED: VisibleCause = Object.freeze({ kind: 'undisclosed' });

function visibleCause(index: JournalIndex, viewer: Viewer, ch: Change): VisibleCause {
  const cause = ch.cause;
  if (cause.kind === 'decision') {
    const own = !('public' in viewer) && viewer.actor === cause.actor;
    return own || foundFor(index, ch) === true ? cause : UNDISCLOSED;
  }
  if (cause.kind === 'event') {
    const event = foundFor(index, ch);
    return typeof event === 'object' && event !== null && sees(viewer, event.audience) ? cause : UNDISCLOSED;
  }
  if (cause.kind === 'agreement' || cause.kind === 'breach') {
    const party = !('public' in viewer) && cause.parties.includes(viewer.actor);
    return party || cause.public ? cause : UNDISCLOSED;
  }
  if (cause.kind === 'ruling') {
    return !('public' in viewer) && viewer.actor === cause.actor ? cause : UNDISCLOSED;
  }
  // 'start', and the facilitator's overrides: everyone sees those, with the reason given.
  return cause;
}

export function indicatorHistory(c: CompiledScenario, world: World, id: string): number[] {
  let value = c.indicatorById.get(id)?.start ?? 0;
  const history = [value];
  const resolved = world.turn + (world.outcome ? 1 : 0);
  let i = 0;
  for (let t = 0; t < resolved; t++) {
    for (; i < world.changes.length && world.changes[i]!.turn === t; i++)
      value += world.changes[i]!.deltas[id] ?? 0;
    history.push(value);
  }
  return history;
}

function indicatorViews(c: CompiledScenario, world: World, viewer: Viewer): IndicatorView[] {
  const defs = c.scenario.indicators;
  const visible = defs.map((def) =>
    'public' in viewer ? def.visibility === 'public' : canSeeIndicator(c, def.id, viewer.actor),
  );
  const causes = visibleCauses(c, world, viewer, visible);
  const histories = indicatorHistories(c, world);
  const unseen = unseenViews(c);
  return defs.map((def, k) => {
    if (!visible[k]) return unseen[k]!;
    return {
      id: def.id,
      label: def.label,
      meaning: def.meaning,
      min: def.min,
      max: def.max,
      value: world.indicators[def.id] ?? def.start,
      // The same history for every viewer who sees the indicator: shared, as the views' other parts are.
      history: histories.get(def.id)!,
      causes: causes[k]!,
    };
  });
}

/**
 * Each indicator as a viewer who cannot see it sees it, made once per scenario: the same for every such viewer at
 * every turn (a classroom builds every seat's view at every turn: issue 18), and never changed.
 */
const unseenMade = new WeakMap<CompiledScenario, IndicatorView[]>();
function unseenViews(c: CompiledScenario): IndicatorView[] {
  let unseen = unseenMade.get(c);
  if (unseen === undefined) {
    unseen = c.scenario.indicators.map((def) => ({
      id: def.id,
      label: def.label,
      meaning: def.meaning,
      min: def.min,
      max: def.max,
      value: null,
      history: null,
      causes: [],
    }));
    unseenMade.set(c, unseen);
  }
  return unseen;
}

/**
 * Each visible indicator's causes as the viewer may know them, in one pass over the changes: a change's cause is
 * judged once for all the indicators it moved. Undisclosed causes of one turn are summed into one line after that
 * turn's known causes: neither their number nor their place among the others (the actors' order) hints at whose
 * they were.
 */
function visibleCauses(
  c: CompiledScenario,
  world: World,
  viewer: Viewer,
  visible: readonly boolean[],
): IndicatorView['causes'][] {
  const defs = c.scenario.indicators;
  const slot = slotsOf(c);
  const changes = world.changes;
  // What an earlier view of this game by this viewer judged of the turns before its last one, where the changes it
  // read are still the first ones here (the engine only appends to them, or copies them).
  const sofar = causesSoFar(c, changes[0], viewer);
  const from = sofar.upTo > 0 && changes[sofar.upTo - 1] === sofar.last ? sofar.upTo : 0;
  // An indicator's list is the one kept (shared with the views of this viewer before, never changed) until this view
  // adds to it, and copied then: an indicator that did not move keeps its list, and nothing is copied per view.
  const causes: IndicatorView['causes'][] = from > 0 ? sofar.causes.slice() : defs.map(() => []);
  const owned: boolean[] = defs.map(() => from === 0);
  const add = (k: number, item: IndicatorView['causes'][number]) => {
    if (!owned[k]) {
      causes[k] = causes[k]!.slice();
      owned[k] = true;
    }
    causes[k]!.push(item);
  };
  const hidden: ({ turn: number; delta: number } | null)[] = defs.map(() => null);
  const flush = (k: number) => {
    const h = hidden[k];
    // The same literal as a known cause's (a spread made another hidden class of the same kind of line).
    if (h && h.delta !== 0) add(k, { turn: h.turn, delta: h.delta, cause: { kind: 'undisclosed' } });
    hidden[k] = null;
  };
  const lastTurn = changes[changes.length - 1]?.turn;
  // Made once per journal and shared by every viewer's view of it.
  const index = journalIndex(world.journal);
  for (let i = from; i < changes.length; i++) {
    const ch = changes[i]!;
    // At the last turn's first change, every earlier turn is over (its causes, and what says whether they are
    // known, change no more): kept for the next view of this game by this viewer.
    if (ch.turn === lastTurn && i > from && changes[i - 1]!.turn !== lastTurn) {
      for (let k = 0; k < defs.length; k++) flush(k);
      sofar.upTo = i;
      sofar.last = changes[i - 1]!;
      // Kept as they are: from here on this view copies a list before it adds to it.
      sofar.causes = causes.slice();
      owned.fill(false);
    }
    let cause: VisibleCause | null = null;
    for (const id in ch.deltas) {
      const k = slot.get(id);
      const delta = ch.deltas[id];
      if (k === undefined || !visible[k] || delta === undefined) continue;
      if (hidden[k] && hidden[k].turn !== ch.turn) flush(k);
      cause ??= visibleCause(index, viewer, ch);
      if (cause.kind !== 'undisclosed') add(k, { turn: ch.turn, delta, cause });
      else if (hidden[k]) hidden[k].delta += delta;
      else hidden[k] = { turn: ch.turn, delta };
    }
  }
  for (let k = 0; k < defs.length; k++) flush(k);
  return causes;
}

/** Each indicator's place among the scenario's, made once per scenario. */
const slots = new WeakMap<CompiledScenario, Map<string, number>>();
function slotsOf(c: CompiledScenario): Map<string, number> {
  let slot = slots.get(c);
  if (slot === undefined) {
    slot = new Map(c.scenario.indicators.map((def, k) => [def.id, k]));
    slots.set(c, slot);
  }
  return slot;
}

/** Where visibleCauses got to for a viewer of a game: the causes of every turn before the last it read, judged. */
interface CausesSoFar {
  /** How many changes they cover (0: none yet), and the last of them, to tell the same game's changes. */
  upTo: number;
  /** NOT_YET while upTo is 0 (never read then): a change, as it holds later, rather than undefined. */
  last: Change;
  causes: IndicatorView['causes'][];
}

/** By scenario, then by the game's first change (shared by every copy of its state), then by viewer. */
const causesKept = new WeakMap<CompiledScenario, WeakMap<Change, Map<string, CausesSoFar>>>();
const NOT_YET: Change = { turn: -1, cause: { kind: 'start' }, deltas: {} };

function causesSoFar(c: CompiledScenario, first: Change | undefined, viewer: Viewer): CausesSoFar {
  const byGame = madeOf(causesKept, c);
  const game = first ?? NOT_YET;
  let byViewer = byGame.get(game);
  if (byViewer === undefined) {
    byViewer = new Map();
    byGame.set(game, byViewer);
  }
  const key = 'public' in viewer ? '' : `@${viewer.actor}`;
  let sofar = byViewer.get(key);
  if (sofar === undefined) {
    sofar = { upTo: 0, last: NOT_YET, causes: [] };
    byViewer.set(key, sofar);
  }
  return sofar;
}

/** Every indicator's history, made once per state of the changes and shared by the viewers (never changed). */
const historiesOf = new WeakMap<World['changes'], { key: string; histories: Map<string, number[]> }>();

function indicatorHistories(c: CompiledScenario, world: World): Map<string, number[]> {
  // The changes only grow; the turn and the outcome decide how many turns the history holds.
  const key = `${world.changes.length}/${world.turn}/${world.outcome ? 1 : 0}`;
  const known = historiesOf.get(world.changes);
  if (known && known.key === key) return known.histories;
  // Frozen: one viewer's view cannot change another's (a write throws).
  const histories = new Map(
    c.scenario.indicators.map((def) => [
      def.id,
      Object.freeze(indicatorHistory(c, world, def.id)) as number[],
    ]),
  );
  historiesOf.set(world.changes, { key, histories });
  return histories;
}

function journalViews(c: CompiledScenario, world: World, viewer: Viewer, beliefs: Beliefs): JournalView[] {
  const out: JournalView[] = [];
  const made = madeOf(journalViewsMade, c);
  for (const entry of world.journal) {
    if (!sees(viewer, entry.audience)) continue;
    const src = entry.source;
    const event = src.kind === 'decision' ? undefined : c.eventById.get(src.event);
    const known = event?.claim ? beliefs[event.claim.fact] : undefined;
    const exposed = event?.claim !== undefined && known?.confirmed === true && known.is !== event.claim.is;
    // The same entry, seen as exposed or not, is the same view whoever sees it and whenever: made once, shared by
    // every viewer and every later view (a classroom builds each seat's journal again at every turn: issue 18).
    let pair = made.get(entry);
    if (pair === undefined) {
      pair = [undefined, undefined];
      made.set(entry, pair);
    }
    const slot = exposed ? 1 : 0;
    let view = pair[slot];
    if (view === undefined) {
      view = journalView(c, entry, exposed);
      pair[slot] = view;
    }
    if (view !== null) out.push(view);
  }
  return out;
}

/** Each scenario's journal views and belief views, by the engine's entry or belief they show (never changed). */
const journalViewsMade = new WeakMap<
  CompiledScenario,
  WeakMap<JournalEntry, [JournalView | null | undefined, JournalView | null | undefined]>
>();
const beliefViewsMade = new WeakMap<CompiledScenario, WeakMap<Belief, BeliefView>>();

function madeOf<K extends object, V>(caches: WeakMap<CompiledScenario, WeakMap<K, V>>, c: CompiledScenario) {
  let made = caches.get(c);
  if (made === undefined) {
    made = new WeakMap();
    caches.set(c, made);
  }
  return made;
}

/** One entry of the journal as any viewer who sees it sees it; null: it shows nothing (an act not announced). */
function journalView(c: CompiledScenario, entry: JournalEntry, exposed: boolean): JournalView | null {
  const src = entry.source;
  if (src.kind === 'decision') {
    const option = c.optionById.get(src.actor)?.get(src.option);
    if (!option?.announce) return null;
    // A statement belongs to its date: the real actor's words show only on a date the history records this
    // step for this actor. On any other day the same act is this game's own, shown without the source's words
    // and marked as not having happened in history, as a counterfactual event is.
    const asInHistory = asOnThatDate(c, entry.turn, src.actor, src.option);
    return {
      turn: entry.turn,
      kind: 'action',
      headline: asInHistory ? option.announce : (option.announceAnyDay ?? thisGamesAct(option.announce)),
      body: null,
      actor: src.actor,
      counterfactual: !asInHistory,
      claim: null,
      exposed: false,
    };
  }
  const event = c.eventById.get(src.event);
  if (!event) return null;
  return {
    turn: entry.turn,
    kind: event.kind,
    headline: event.headline,
    body: event.body ?? null,
    actor: event.speaker ?? null,
    counterfactual: event.counterfactual,
    claim: event.claim ?? null,
    exposed,
  };
}

/** An announcement on a day the real actor did not take that step: the same words, as this game's own act. */
function thisGamesAct(announce: Text): Text {
  if (announce.invention) return announce;
  return {
    text: announce.text,
    invention: true,
    note: "this game's act, on a date the history does not record it",
  };
}

const UNNAMED: Text = { text: 'a source that is not named', invention: true };

/** An actor, event or option id as the scenario names it: a name, a headline, an announcement. Never the id. */
function sourceText(c: CompiledScenario, id: string): Text {
  return c.actorById.get(id)?.name ?? c.eventById.get(id)?.headline ?? UNNAMED;
}

/**
 * Facts an actor's own options set: its own secret choices, never shown to it as beliefs (it knows what it chose,
 * and before it chooses there is nothing to know).
 */
const ownFactsCache = new WeakMap<CompiledScenario, Map<string, Set<string>>>();

export function ownFacts(c: CompiledScenario, actor: string): Set<string> {
  let byActor = ownFactsCache.get(c);
  if (!byActor) {
    byActor = new Map();
    ownFactsCache.set(c, byActor);
  }
  let facts = byActor.get(actor);
  if (!facts) {
    const found = new Set<string>();
    const walk = (effects: readonly Effect[]) => {
      for (const e of effects) {
        if (e.facts) for (const f of Object.keys(e.facts)) found.add(f);
        if (e.then) walk(e.then);
        if (e.else) walk(e.else);
      }
    };
    for (const d of c.scenario.decisions) if (d.actor === actor) for (const o of d.options) walk(o.effects);
    facts = found;
    byActor.set(actor, facts);
  }
  return facts;
}

/**
 * Whether an actor's panel shows its belief about a fact: once it has heard or seen something about it in this
 * game, or from the start where its own `knowledge` names the fact; never a fact its own options set. A fact it is
 * merely placed to know (`knownBy`) stays off the panel until something happens to it: before the attack, the
 * Prime Minister is not told that his residence was not attacked. The public (actor null) sees what was
 * established in play.
 */
export function beliefShown(c: CompiledScenario, actor: string | null, fact: string, b: Belief): boolean {
  if (actor !== null && ownFacts(c, actor).has(fact)) return false;
  if (b.via !== 'start' || (b.heard?.length ?? 0) > 0) return true;
  return actor !== null && Object.hasOwn(c.actorById.get(actor)?.knowledge ?? {}, fact);
}

function beliefViews(c: CompiledScenario, beliefs: Beliefs, actor: string | null = null): BeliefView[] {
  const out: BeliefView[] = [];
  const made = madeOf(beliefViewsMade, c);
  for (const f of c.scenario.facts) {
    const b = beliefs[f.id];
    if (b === undefined || !beliefShown(c, actor, f.id, b)) continue;
    // A belief is replaced, never changed, when the actor learns or hears more: its view is made once and shared
    // by every view that holds it (the length checks what a resolution's own heard list might have grown by).
    let view = made.get(b);
    if (view === undefined || view.fact !== f.id || view.claims.length !== (b.heard?.length ?? 0)) {
      view = beliefView(c, f, b);
      made.set(b, view);
    }
    out.push(view);
  }
  return out;
}

function beliefView(
  c: CompiledScenario,
  f: CompiledScenario['scenario']['facts'][number],
  b: Belief,
): BeliefView {
  const dateOf = (turn: number) => c.scenario.turns[Math.min(turn, c.scenario.turns.length - 1)]?.date ?? '';
  const stance: Stance = b.stance ?? (b.confirmed ? 'confirmed' : 'credits');
  return {
    ...b,
    fact: f.id,
    statement: f.statement,
    stance,
    evidence: stance === 'confirmed' && b.via !== 'start' ? sourceText(c, b.via) : null,
    since: b.via === 'start' ? null : dateOf(b.turn),
    claims: (b.heard ?? []).map((h) => ({
      is: h.is,
      from: sourceText(c, h.by ?? h.event ?? ''),
      fromActor: h.by !== null && c.actorById.has(h.by),
      headline:
        h.by !== null && c.actorById.has(h.by) && h.event !== null
          ? (c.eventById.get(h.event)?.headline ?? null)
          : null,
      date: dateOf(h.turn),
      credence: h.credence,
      exposed: stance === 'confirmed' && h.is !== b.is,
    })),
  };
}

function outcomeView(
  c: CompiledScenario,
  world: World,
  agreements?: readonly AgreementItem[],
): ActorView['outcome'] {
  const o = world.outcome && c.scenario.outcomes.find((x) => x.id === world.outcome?.id);
  if (!o) return null;
  // Only the parts of the ending's texts that hold in this game (src/sim/ending-text.ts).
  const { summary, debrief } = endingTexts(o, worldContext(c, world, agreements));
  return {
    id: o.id,
    title: o.title,
    summary: summary.map((p) => p.text),
    debrief: debrief.map((p) => p.text),
  };
}

/** Whether a condition draws on chance: judging it again could disagree with the offer's draw. */
function chancy(c: Condition): boolean {
  if (c.chance !== undefined) return true;
  if (c.not) return chancy(c.not);
  return [...(c.all ?? []), ...(c.any ?? [])].some(chancy);
}

/**
 * The parts of a closed option's condition that keep it closed, judged as the offer judged them (from the
 * actor's own sight and mind), so that the player can be told why without being told everything it needs.
 * A part that depends on chance is kept unjudged; if every part now holds (the mind moved since the offer),
 * all of them are given.
 */
function unmetParts(available: Condition, ctx: ConditionContext): Condition[] {
  const parts = available.all ?? [available];
  const unmet = parts.filter((p) => chancy(p) || !holds(p, ctx));
  return unmet.length > 0 ? unmet : parts;
}

/**
 * The turn's view made for one state of a game and shared by the views of that state built after it: a classroom
 * builds five seats' views of one state, and turnView judges what the turn presupposes for each (issue 18). The
 * caller holds one and vouches that a state it shows is never changed in place (the session's engine copies a state
 * before it changes it); the turn is made again whenever the world or the agreements are other objects.
 */
export class TurnShared {
  private world: World | null = null;
  private agreements: readonly AgreementItem[] | undefined;
  private turn: TurnView | null = null;

  of(c: CompiledScenario, world: World, agreements: readonly AgreementItem[] | undefined): TurnView {
    if (this.turn === null || this.world !== world || this.agreements !== agreements || this.c !== c) {
      this.turn = turnView(c, world, agreements);
      this.world = world;
      this.agreements = agreements;
      this.c = c;
    }
    return this.turn;
  }

  private c: CompiledScenario | null = null;
}

export function viewFor(
  c: CompiledScenario,
  state: GameState,
  actor: string,
  shared?: TurnShared,
): ActorView {
  if (!c.actorById.has(actor)) throw new Error(`no actor ${actor} in this game`);
  const { world } = state;
  const viewer = { actor };
  const ended = state.phase === 'ended';
  const offer = state.offers[actor];
  const decisionDef = offer && c.decisionById.get(offer.decision);
  const pending = state.pending[actor];
  // Only the viewer's own sight and mind: the reasons must not depend on anything private to another actor.
  const judge =
    offer &&
    sightContext(
      c,
      offer.sight,
      { actor, beliefs: state.beliefs[actor] ?? {}, posture: state.postures[actor] ?? '' },
      () => 0,
    );
  const decision: DecisionView | null =
    offer && decisionDef && judge
      ? {
          id: decisionDef.id,
          prompt: decisionDef.prompt,
          options: decisionDef.options.map((o) => {
            const open = offer.options.includes(o.id);
            return {
              id: o.id,
              label: o.label,
              description: o.description,
              open,
              closedBy: open || !o.available ? [] : unmetParts(o.available, judge),
            };
          }),
          chosen: pending?.option ?? null,
          ...(pending?.reason === undefined ? {} : { reason: pending.reason }),
        }
      : null;
  const beliefs = state.beliefs[actor] ?? {};
  return {
    scenario: c.scenario.meta.id,
    actor,
    seat: holderOf(state, actor),
    status: ended ? 'ended' : decision && pending === undefined ? 'deciding' : 'waiting',
    paused: state.paused,
    turn: shared ? shared.of(c, world, state.agreements) : turnView(c, world, state.agreements),
    posture: state.postures[actor] ?? '',
    indicators: indicatorViews(c, world, viewer),
    journal: journalViews(c, world, viewer, beliefs),
    beliefs: beliefViews(c, beliefs, actor),
    decision: ended ? null : decision,
    choices: world.log
      .filter((d) => d.actor === actor)
      .map((d) =>
        d.reason === undefined
          ? { turn: d.turn, option: d.option }
          : { turn: d.turn, option: d.option, reason: d.reason },
      ),
    outcome: outcomeView(c, world, state.agreements),
    said: saidFor(state, viewer),
    talk: { ...state.talk },
    claims: ended ? [] : idsOf(claimsOpen(c, state, actor)),
    agreements: agreementsFor(c, state, viewer),
    mayPropose: ended ? [] : mayPropose(c, state, actor),
    rulings: rulingsFor(state, viewer),
  };
}

/**
 * The ids, in an array pushed to as the literal `[]` is: a mapped array is of another kind (holey), and the talk
 * memo that compares the claims was optimized for one kind and thrown away for the other (issue 18).
 */
function idsOf(items: readonly { id: string }[]): string[] {
  const ids: string[] = [];
  for (const x of items) ids.push(x.id);
  return ids;
}

export function publicView(c: CompiledScenario, state: GameState): PublicView {
  const { world } = state;
  const viewer = { public: true as const };
  const waiting = waitingFor(state);
  const status =
    state.phase === 'setup' || state.phase === 'ended'
      ? state.phase
      : waiting.length === 0
        ? 'ready'
        : 'deciding';
  return {
    scenario: c.scenario.meta.id,
    status,
    paused: state.paused,
    deadline: state.deadline?.seconds ?? null,
    turn: turnView(c, world, state.agreements),
    indicators: indicatorViews(c, world, viewer),
    journal: journalViews(c, world, viewer, world.publicBeliefs),
    established: beliefViews(c, world.publicBeliefs),
    decided: Object.keys(state.offers).filter((a) => state.pending[a] !== undefined),
    waitingFor: waiting,
    outcome: outcomeView(c, world, state.agreements),
    said: saidFor(state, viewer),
    agreements: agreementsFor(c, state, viewer),
  };
}

/** Everything, for the facilitator alone: every actor's view, the seats, and the secret choices of this turn. */
export interface FacilitatorView {
  public: PublicView;
  seats: Record<string, Holder>;
  actors: Record<string, ActorView>;
  /** This turn's choices as they stand, with who took them. */
  pending: Record<string, Choice | null>;
  queued: string[];
  deadline: Deadline | null;
  accepted: number;
  /** Every indicator's value and every fact's truth, seen or not by any actor. */
  indicators: Record<string, number>;
  facts: Record<string, boolean>;
  /** Everything said, hidden items with the reason and statements waiting for approval included. */
  said: SaidView[];
  talk: TalkRule;
  /** Every proposal of an agreement, whatever became of it. */
  agreements: AgreementView[];
  /** Every request for a ruling, with its ruling once given. */
  rulings: RulingItem[];
}

export function facilitatorView(c: CompiledScenario, state: GameState): FacilitatorView {
  return {
    public: publicView(c, state),
    seats: { ...state.seats },
    actors: Object.fromEntries(c.actorIds.map((a) => [a, viewFor(c, state, a)])),
    pending: { ...state.pending },
    queued: state.queued.slice(),
    deadline: state.deadline,
    accepted: state.accepted,
    indicators: { ...state.world.indicators },
    facts: { ...state.world.facts },
    said: saidFor(state, { facilitator: true }),
    talk: { ...state.talk },
    agreements: agreementsFor(c, state, { facilitator: true }),
    rulings: rulingsFor(state, { facilitator: true }),
  };
}
