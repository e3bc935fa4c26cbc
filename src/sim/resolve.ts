// The rules of a turn, as pure functions: the crisis machine calls them and stores what they return.
import type { Audience, Effect, Outcome } from '../scenario/types.ts';
import { type CompiledScenario, type EventRule, inAudience } from './compile.ts';
import { type ConditionContext, holds } from './conditions.ts';
import { type Step, stepsOf } from './effects.ts';
import { type Rng, rngFor } from './rng.ts';
import {
  type AgreementItem,
  type Belief,
  type Beliefs,
  type Cause,
  type Change,
  type Decider,
  type DecisionRecord,
  type Heard,
  heldValue,
  type JournalEntry,
  NOTHING_HEARD,
  type OutcomeRecord,
  type RulingItem,
  type Stance,
  type World,
} from './world.ts';

export interface Choice {
  option: string;
  by: Decider;
  /** The reason the seat gave with it (cleaned); absent when it gave none. It changes nothing in the rules. */
  reason?: string;
}

export interface TurnInput {
  world: World;
  choices: Record<string, Choice>;
  beliefs: Record<string, Beliefs>;
  postures: Record<string, string>;
  seed: number;
  /** Events the facilitator queued for this resolution: they fire after the choices, before the scenario's own. */
  injects?: readonly string[];
  /**
   * The game's agreements (state.agreements): those accepted stand (the `agreed` condition); those accepted this
   * turn take effect after the choices; a standing one a party's act breaks costs its breach.
   */
  agreements?: readonly AgreementItem[];
  /** The requests for a ruling (state.rulings): a ruling granted this turn applies its effect after the agreements. */
  rulings?: readonly RulingItem[];
  /** Statements whose claims are heard now (talk.ts claimsToTell), in the order they were said. */
  statements?: readonly { n: number; from: string; to: 'public' | string[]; claim?: string }[];
}

export interface TurnResult {
  world: World;
  /** What each actor comes to believe this turn, fact by fact. */
  learned: Record<string, Beliefs>;
  postures: Record<string, string>;
  /** The agreements (by number) a party's act broke in this resolution, in order. */
  broken: { n: number; by: string }[];
  /** The statements (by number) whose claims were heard in this resolution. */
  told: number[];
}

export function initialWorld(c: CompiledScenario): World {
  const s = c.scenario;
  const publicBeliefs: Beliefs = {};
  for (const fact of s.facts) {
    if (fact.knownBy === 'public')
      publicBeliefs[fact.id] = { is: fact.truth, confirmed: true, turn: 0, via: 'start' };
  }
  return {
    turn: 0,
    indicators: Object.fromEntries(s.indicators.map((i) => [i.id, i.start])),
    facts: Object.fromEntries(s.facts.map((f) => [f.id, f.truth])),
    fired: {},
    log: [],
    journal: [],
    changes: [],
    publicBeliefs,
    outcome: null,
  };
}

/**
 * What an actor believes at the start: its own knowledge (credited, as its own stated position, which the fact's
 * `creditedBy` should cite), and the truth of facts it is placed to know (confirmed).
 */
export function initialBeliefs(c: CompiledScenario, actor: string): Beliefs {
  const beliefs: Beliefs = {};
  const a = c.actorById.get(actor);
  for (const [fact, is] of Object.entries(a?.knowledge ?? {})) {
    beliefs[fact] = { is, confirmed: false, turn: 0, via: 'start', stance: 'credits', heard: NOTHING_HEARD };
  }
  for (const fact of c.scenario.facts) {
    if (fact.knownBy !== undefined && inAudience(fact.knownBy, actor)) {
      beliefs[fact.id] = {
        is: fact.truth,
        confirmed: true,
        turn: 0,
        via: 'start',
        stance: 'confirmed',
        heard: NOTHING_HEARD,
      };
    }
  }
  return beliefs;
}

/** A basis as the engine reads it: the cited words are for the screens, not the rules. */
type Ground = { is: boolean; from: string | undefined; credits: boolean };

const NO_GROUNDS: readonly Ground[] = Object.freeze([]);

/** actor -> fact -> its grounds, read once per scenario (nested maps: no key is built per claim heard). */
const groundsCache = new WeakMap<CompiledScenario, Map<string, Map<string, Ground[]>>>();

/** The cited grounds (`creditedBy`, `doubtedBy`) one actor has about one fact. */
function groundsOf(c: CompiledScenario, actor: string, fact: string): readonly Ground[] {
  let table = groundsCache.get(c);
  if (!table) {
    table = new Map();
    for (const f of c.scenario.facts) {
      for (const [list, credits] of [
        [f.creditedBy, true],
        [f.doubtedBy, false],
      ] as const) {
        for (const b of list) {
          const row = table.get(b.actor) ?? new Map<string, Ground[]>();
          table.set(b.actor, row);
          row.set(f.id, [...(row.get(f.id) ?? []), { is: b.is, from: b.from, credits }]);
        }
      }
    }
    groundsCache.set(c, table);
  }
  return table.get(actor)?.get(fact) ?? NO_GROUNDS;
}

/**
 * What a cited source says of an actor and a claim: that it made or accepted it ('credits'), or rejected it
 * ('doubts'): a source that has it credit the contrary has it reject the claim. Undefined: no source says.
 */
export function basisOf(
  c: CompiledScenario,
  actor: string,
  fact: string,
  is: boolean,
  by: string | null,
): 'credits' | 'doubts' | undefined {
  let found: 'credits' | 'doubts' | undefined;
  for (const g of groundsOf(c, actor, fact)) {
    if (g.from !== undefined && g.from !== by) continue;
    if (g.credits && g.is === is) return 'credits';
    // Crediting the contrary, or doubting this very claim. (Doubting the contrary says nothing of this one.)
    if (g.credits !== (g.is === is)) found = 'doubts';
  }
  return found;
}

/**
 * How an actor takes a claim it hears. Beliefs come from sources or from what the actor saw, never from what the
 * news would do for the actor's goals; the first rule that applies:
 * 1. evidence: what it has confirmed, the claim agrees with (credits) or contradicts (doubts);
 * 2. its own word, given by its own choice in this game (a `tell` of its own option, in its own name): it
 *    credits it;
 * 3. a cited basis (the fact's `creditedBy`, `doubtedBy`): a source says the actor, or its side, made or accepted
 *    the claim (credits), or rejected it (doubts);
 * 4. what it already holds, on one of these grounds: a claim that agrees with it it credits, one that
 *    contradicts it it doubts;
 * 5. otherwise it has heard the claim, and from whom, and takes no side: 'noted'.
 * An ally's word is no ground of its own. Actors whose goals point the same way still say different things (US
 * defence officials doubted the claim that Iran ordered the attack, which suits the US's goals), and crediting a
 * partner's every word would make an actor hold claims no source ties to it. Where a source says that one actor
 * takes another's word (the factions acting on Tehran's directives, 003), the basis says so with `from`.
 */
export function credenceOf(
  c: CompiledScenario,
  actor: string,
  fact: string,
  is: boolean,
  by: string | null,
  ownChoice: boolean,
  current: Belief | undefined,
): Heard['credence'] {
  if (current?.confirmed) return current.is === is ? 'credits' : 'doubts';
  if (ownChoice && by === actor) return 'credits';
  const basis = basisOf(c, actor, fact, is, by);
  if (basis !== undefined) return basis;
  const held = heldValue(current);
  if (held !== undefined) return held === is ? 'credits' : 'doubts';
  return 'noted';
}

/** Every belief the rules make has one shape, its fields in one order: V8 keeps one hidden class for them all. */
function belief(
  is: boolean,
  confirmed: boolean,
  turn: number,
  via: string,
  stance: Stance,
  heard: readonly Heard[],
): Belief {
  return { is, confirmed, turn, via, stance, heard };
}

function stanceOf(b: Belief): Stance {
  return b.stance ?? (b.confirmed ? 'confirmed' : 'credits');
}

/**
 * The claims a heard list holds, by voice, then event, then a bit for each value (1: false, 2: true): the same
 * claim by the same voice through the same channel is already heard, not kept twice. `owned`: the list was made
 * by this resolution and no belief outside it holds it yet, so a claim is pushed onto it instead of copying it.
 */
interface HeardIndex {
  readonly keys: Map<string | null, Map<string | null, number>>;
  readonly owned: boolean;
}

const claimBit = (is: boolean): number => (is ? 2 : 1);

function indexClaim(keys: HeardIndex['keys'], is: boolean, by: string | null, event: string | null): void {
  let byEvent = keys.get(by);
  if (byEvent === undefined) {
    byEvent = new Map();
    keys.set(by, byEvent);
  }
  byEvent.set(event, (byEvent.get(event) ?? 0) | claimBit(is));
}

/** From this many claims on, a heard list is indexed (HeardIndex) rather than scanned and copied per claim. */
const INDEXED_HEARD = 16;

function scannedHeard(
  heard: readonly Heard[] | undefined,
  is: boolean,
  by: string | null,
  event: string | null,
): boolean {
  if (heard !== undefined)
    for (const h of heard) if (h.is === is && h.by === by && h.event === event) return true;
  return false;
}

function alreadyHeard(index: HeardIndex, is: boolean, by: string | null, event: string | null): boolean {
  return ((index.keys.get(by)?.get(event) ?? 0) & claimBit(is)) !== 0;
}

/** Applies a turn's choices, fires its events, updates knowledge and checks the outcomes. The input is untouched. */
export function resolveTurn(c: CompiledScenario, input: TurnInput): TurnResult {
  return resolve(c, input, false);
}

/**
 * The same rules for a caller that owns the world and drops the old one (the batch runner): its records grow in
 * place instead of being copied each turn, and the result's world is the input's.
 */
export function resolveTurnInPlace(c: CompiledScenario, input: TurnInput): TurnResult {
  return resolve(c, input, true);
}

/**
 * A record that V8 keeps as a hash table (it has no prototype). Each batch game adds ids in its own order, and
 * adding keys in ever new orders to ordinary objects builds a new hidden class each time: a third of the batch
 * runner's time went there. Only the batch runner's own world gets them; a game's snapshot stays plain JSON data.
 */
export function hashTable<T>(): Record<string, T> {
  return Object.create(null);
}

function resolve(c: CompiledScenario, input: TurnInput, inPlace: boolean): TurnResult {
  const r = new Resolution(c, input, inPlace, rngFor(input.seed, input.world.turn, 'resolve'));
  r.applyChoices();
  r.applyAgreements();
  r.applyRulings();
  r.applyStatements();
  for (const id of input.injects ?? []) r.inject(id);
  r.fireEvents();
  r.checkOutcomes();
  return r.result();
}

/**
 * Fires one of the scenario's events now, between resolutions, as the facilitator's inject: its conditions are
 * the facilitator's call, its effects and claim apply as the event's own. `nth` numbers the injects of a turn, so
 * that each draws from its own stream and none shifts the resolution's.
 */
export function injectEvent(
  c: CompiledScenario,
  input: Omit<TurnInput, 'choices' | 'injects'>,
  event: string,
  nth: number,
  inPlace: boolean,
): TurnResult {
  const r = new Resolution(
    c,
    { ...input, choices: {} },
    inPlace,
    rngFor(input.seed, input.world.turn, 'inject', nth),
  );
  r.inject(event);
  return r.result();
}

/** Sets an indicator by the facilitator's hand; the change is recorded with the reason, as any other cause. */
export function overrideIndicator(
  c: CompiledScenario,
  world: World,
  indicator: string,
  value: number,
  reason: string,
  inPlace: boolean,
): World {
  const r = new Resolution(c, { world, choices: {}, beliefs: {}, postures: {}, seed: 0 }, inPlace, () => 0);
  r.override(indicator, value, reason);
  return r.result().world;
}

/** At the end of the calendar, or when the facilitator ends the game: the at-end outcome the world meets now. */
export function endingOf(
  c: CompiledScenario,
  world: World,
  agreements?: readonly AgreementItem[],
): OutcomeRecord | null {
  const input: TurnInput = { world, choices: {}, beliefs: {}, postures: {}, seed: 0 };
  if (agreements) input.agreements = agreements;
  const r = new Resolution(c, input, false, () => 0);
  return r.outcomeAtEnd();
}

/**
 * The events a game has fired, as the resolution asks of them. `flags`, by the event's index (compile.ts): a
 * once-event already fired is skipped by reading a flag rather than by hashing its id. `pending`: the scenario's
 * events in file order less the once-events seen fired, so that a turn's pass does not even visit those. Made from
 * the record's keys, and kept beside a record that grows in place (every firing goes through Resolution.fire).
 */
interface FiredIndex {
  c: CompiledScenario;
  flags: Uint8Array;
  pending: EventRule[];
}

// Looking an id up in a record whose keys differ from game to game is slow in V8; a flag by index is not.
const firedIndexes = new WeakMap<Record<string, number[]>, FiredIndex>();

function firedIndexOf(c: CompiledScenario, fired: Record<string, number[]>): FiredIndex {
  let index = firedIndexes.get(fired);
  if (index?.c !== c) {
    const flags = new Uint8Array(c.eventRules.length);
    for (const id of Object.keys(fired)) {
      const rule = c.eventRuleById.get(id);
      if (rule !== undefined) flags[rule.index] = 1;
    }
    index = { c, flags, pending: c.eventRules.filter((r) => !(r.once && flags[r.index] === 1)) };
    firedIndexes.set(fired, index);
  }
  return index;
}

/** actor -> option -> the turns it was chosen in, over the first `covered` records of a log. */
interface ChoiceIndex {
  covered: number;
  turns: Map<string, Map<string, number[]>>;
}

// Conditions on choices are frequent. A log that grows in place keeps its index from turn to turn.
const choiceIndexes = new WeakMap<DecisionRecord[], ChoiceIndex>();

function choiceIndexOf(log: DecisionRecord[]): ChoiceIndex {
  let index = choiceIndexes.get(log);
  if (!index) {
    index = { covered: 0, turns: new Map() };
    choiceIndexes.set(log, index);
  }
  for (; index.covered < log.length; index.covered++) {
    const d = log[index.covered]!;
    let byOption = index.turns.get(d.actor);
    if (!byOption) {
      byOption = new Map();
      index.turns.set(d.actor, byOption);
    }
    const turns = byOption.get(d.option);
    if (turns) turns.push(d.turn);
    else byOption.set(d.option, [d.turn]);
  }
  return index;
}

class Resolution {
  private readonly turn: number;
  private readonly indicators: Record<string, number>;
  private readonly facts: Record<string, boolean>;
  private readonly fired: Record<string, number[]>;
  private readonly firedIndex: FiredIndex;
  private readonly log: DecisionRecord[];
  private readonly journal: JournalEntry[];
  private readonly changes: Change[];
  private readonly publicBeliefs: Beliefs;
  private outcome: OutcomeRecord | null = null;
  private readonly learned: Record<string, Beliefs> = {};
  /** The claims of each heard list this resolution has read or made (see HeardIndex). */
  private readonly heardIndex = new Map<readonly Heard[], HeardIndex>();
  private readonly postures: Record<string, string> = {};
  private readonly ctx: ConditionContext;
  /** This turn's changes as they gather, recorded when the turn ends. */
  private readonly turnChanges: { cause: Cause; deltas: Map<string, number> }[] = [];
  private readonly choices: ChoiceIndex;
  /** The agreements standing now, by id: an agreement broken in this resolution leaves it. */
  private readonly standing = new Map<string, number>();
  private readonly broken: TurnResult['broken'] = [];
  private readonly told: number[] = [];

  constructor(
    private readonly c: CompiledScenario,
    private readonly input: TurnInput,
    private readonly inPlace: boolean,
    rng: Rng,
  ) {
    const w = input.world;
    this.turn = w.turn;
    this.indicators = inPlace ? w.indicators : { ...w.indicators };
    this.facts = inPlace ? w.facts : { ...w.facts };
    // A game fires thousands of events on a large scenario: an ordinary object given that many keys, in an order
    // of its own each game, goes through a hidden class per key; an owned world's record becomes a hash table once.
    if (inPlace && Object.getPrototypeOf(w.fired) !== null)
      w.fired = Object.assign(hashTable<number[]>(), w.fired);
    this.fired = inPlace ? w.fired : { ...w.fired };
    this.firedIndex = firedIndexOf(c, this.fired);
    this.log = inPlace ? w.log : w.log.slice();
    this.journal = inPlace ? w.journal : w.journal.slice();
    this.changes = inPlace ? w.changes : w.changes.slice();
    this.publicBeliefs = inPlace ? w.publicBeliefs : { ...w.publicBeliefs };
    this.choices = choiceIndexOf(this.log);
    this.ctx = {
      turn: this.turn,
      turnIndex: (id) => c.turnIndexById.get(id) ?? -1,
      indicator: (id) => this.indicators[id],
      fact: (id) => this.facts[id],
      belief: (actor, fact) => heldValue(this.learned[actor]?.[fact] ?? input.beliefs[actor]?.[fact]),
      chose: (actor, option, turn) => {
        const turns = this.choices.turns.get(actor)?.get(option);
        return turns !== undefined && (turn === undefined || turns.includes(turn));
      },
      fired: (event) => {
        const rule = c.eventRuleById.get(event);
        // An id the scenario does not have can only come from a record made elsewhere: its own keys say.
        return rule === undefined
          ? Object.hasOwn(this.fired, event)
          : this.firedIndex.flags[rule.index] === 1;
      },
      firedAt: (n) => this.firedIndex.flags[n] === 1,
      posture: (actor) => this.postures[actor] ?? input.postures[actor],
      random: rng,
      agreed: (id) => (this.standing.get(id) ?? 0) > 0,
    };
    for (const item of input.agreements ?? []) {
      if (item.status === 'accepted')
        this.standing.set(item.agreement, (this.standing.get(item.agreement) ?? 0) + 1);
    }
  }

  /**
   * The agreements accepted this turn take effect, then each standing one is judged for a breach, in the order
   * they were proposed: the first breach of its list whose act holds breaks it, and its costs apply. A `chose`
   * without a turn reads this turn's choices: a breach is an act done while the agreement stood.
   */
  applyAgreements(): void {
    const items = this.input.agreements ?? [];
    for (const item of items) {
      const def = this.c.agreementById.get(item.agreement);
      if (item.status !== 'accepted' || item.answer?.turn !== this.turn || !def) continue;
      const cause: Cause = { kind: 'agreement', agreement: def.id, n: item.n, parties: [item.from, item.to] };
      if (def.public) cause.public = true;
      this.apply(def.effects, cause, def.id, null, null);
    }
    const now: ConditionContext = {
      ...this.ctx,
      chose: (actor, option, turn) => this.ctx.chose(actor, option, turn ?? this.turn),
    };
    for (const item of items) {
      const def = this.c.agreementById.get(item.agreement);
      if (item.status !== 'accepted' || !def) continue;
      const breach = def.breaches.find((b) => (b.by === item.from || b.by === item.to) && holds(b.when, now));
      if (!breach) continue;
      this.broken.push({ n: item.n, by: breach.by });
      this.standing.set(def.id, this.standing.get(def.id)! - 1);
      const cause: Cause = {
        kind: 'breach',
        agreement: def.id,
        n: item.n,
        by: breach.by,
        parties: [item.from, item.to],
      };
      if (def.public) cause.public = true;
      this.apply(breach.effects, cause, def.id, breach.by, null);
    }
  }

  /**
   * The claims of the statements said: each is heard by the statement's audience (the public: every actor; named
   * actors: they and the speaker), from the speaker, as the speaker's own act, so it credits its own word and each
   * other actor takes it on the grounds the fact cites for that speaker. Never a fact set or revealed: a statement
   * is a claim, true or not.
   */
  applyStatements(): void {
    for (const x of this.input.statements ?? []) {
      const def = x.claim === undefined ? undefined : this.c.statementClaimById.get(x.claim);
      if (!def) continue;
      const to = x.to === 'public' ? 'public' : [...x.to, x.from];
      this.tell(def.claim.fact, def.claim.is, to, x.from, x.from, null, x.from);
      this.told.push(x.n);
    }
  }

  /** The rulings granted this turn apply their effects, in the order they were requested. */
  applyRulings(): void {
    for (const item of this.input.rulings ?? []) {
      const ruling = item.ruling;
      if (!ruling?.granted || ruling.turn !== this.turn || ruling.effect === undefined) continue;
      const def = this.c.rulingEffectById.get(ruling.effect);
      if (!def) continue;
      const cause: Cause = { kind: 'ruling', n: item.n, actor: item.actor, effect: def.id };
      this.apply(def.effects, cause, item.actor, item.actor, null);
    }
  }

  applyChoices(): void {
    const chosen: [string, Choice][] = [];
    for (const actor of this.c.actorIds) {
      const choice = this.input.choices[actor];
      if (!choice) continue;
      chosen.push([actor, choice]);
      const record: DecisionRecord = { turn: this.turn, actor, option: choice.option, by: choice.by };
      if (choice.reason !== undefined) record.reason = choice.reason;
      this.log.push(record);
    }
    choiceIndexOf(this.log);
    // Every choice is recorded before any applies: choices are simultaneous, and a condition on another
    // actor's choice this turn sees it whatever the order of the actors.
    for (const [actor, choice] of chosen) {
      const option = this.c.optionById.get(actor)?.get(choice.option);
      if (!option) continue;
      if (option.posture !== undefined) this.postures[actor] = option.posture;
      if (option.announce !== undefined) {
        this.journal.push({
          turn: this.turn,
          source: { kind: 'decision', actor, option: option.id },
          audience: 'public',
        });
      }
      this.apply(option.effects, { kind: 'decision', actor, option: option.id }, actor, actor, null);
    }
  }

  /**
   * The scenario's events whose window holds this turn, in file order: each fires when its condition holds, unless
   * it is a once-event already fired. Those it passes over for good are dropped from the game's pending list.
   */
  fireEvents(): void {
    const { flags, pending } = this.firedIndex;
    const turn = this.turn;
    // Past the calendar (a game whose last turn met no outcome) no event's window holds.
    if (turn < 0 || turn >= this.c.eventsAt.length) return;
    let kept = 0;
    for (let i = 0; i < pending.length; i++) {
      const rule = pending[i]!;
      if (rule.once && flags[rule.index] === 1) continue;
      pending[kept++] = rule;
      if (turn < rule.from || turn > rule.to) continue;
      if (rule.when && !rule.when(this.ctx)) continue;
      this.fire(rule, false);
      if (rule.once) kept--;
    }
    pending.length = kept;
  }

  /** The facilitator's inject: the event fires whatever its conditions say. */
  inject(id: string): void {
    const rule = this.c.eventRuleById.get(id);
    if (rule) this.fire(rule, true);
  }

  private fire(rule: EventRule, injected: boolean): void {
    const { event, id } = rule;
    const flags = this.firedIndex.flags;
    // Not flagged: the record has no turns of it yet (the flags mirror its keys).
    this.fired[id] = flags[rule.index] === 1 ? this.fired[id]!.concat(this.turn) : [this.turn];
    flags[rule.index] = 1;
    const entry: JournalEntry = {
      turn: this.turn,
      source: { kind: 'event', event: id },
      audience: event.audience,
    };
    if (injected) entry.injected = true;
    this.journal.push(entry);
    if (event.claim)
      this.tell(event.claim.fact, event.claim.is, event.audience, id, event.speaker ?? null, id, null);
    const cause: Cause = injected
      ? { kind: 'event', event: id, injected: true }
      : { kind: 'event', event: id };
    this.run(rule.steps, cause, id, event.speaker ?? null, id);
  }

  override(indicator: string, value: number, reason: string): void {
    this.setIndicator(indicator, value, { kind: 'override', reason });
  }

  checkOutcomes(): void {
    const outcomes = this.c.scenario.outcomes;
    const every = outcomes.find((o) => o.check === 'every-turn' && this.ready(o));
    const last = this.turn >= this.c.scenario.turns.length - 1;
    const end = every ?? (last ? this.atEnd() : undefined);
    if (end) this.outcome = { id: end.id, turn: this.turn };
  }

  /** The outcome of a game ended early: the at-end outcome that holds, else the last (a scenario's fallback). */
  outcomeAtEnd(): OutcomeRecord | null {
    const end = this.atEnd() ?? this.c.scenario.outcomes.findLast((o) => o.check === 'at-end');
    return end ? { id: end.id, turn: this.turn, early: true } : null;
  }

  private atEnd(): Outcome | undefined {
    return this.c.scenario.outcomes.find((o) => o.check === 'at-end' && this.ready(o));
  }

  private ready(o: Outcome): boolean {
    return (
      (o.from === undefined || this.turn >= (this.c.turnIndexById.get(o.from) ?? 0)) &&
      (o.when === undefined || holds(o.when, this.ctx))
    );
  }

  result(): TurnResult {
    // A cause whose changes cancelled out leaves no record.
    for (const { cause, deltas } of this.turnChanges) {
      if (deltas.size === 0) continue;
      const record: Record<string, number> = this.inPlace ? hashTable() : {};
      for (const [id, delta] of deltas) record[id] = delta;
      this.changes.push({ turn: this.turn, cause, deltas: record });
    }
    return {
      world: {
        turn: this.turn,
        indicators: this.indicators,
        facts: this.facts,
        fired: this.fired,
        log: this.log,
        journal: this.journal,
        changes: this.changes,
        publicBeliefs: this.publicBeliefs,
        outcome: this.outcome,
      },
      learned: this.learned,
      postures: this.postures,
      broken: this.broken,
      told: this.told,
    };
  }

  /** `speaker` and `event`: who speaks through these effects (an event's speaker, an option's actor) and the event. */
  private apply(
    effects: readonly Effect[],
    cause: Cause,
    via: string,
    speaker: string | null,
    event: string | null,
  ): void {
    this.run(stepsOf(effects), cause, via, speaker, event);
  }

  private run(
    steps: readonly Step[],
    cause: Cause,
    via: string,
    speaker: string | null,
    event: string | null,
  ): void {
    for (const step of steps) {
      switch (step.kind) {
        case 'add':
          for (const [id, n] of step.values) this.setIndicator(id, (this.indicators[id] ?? 0) + n, cause);
          break;
        case 'set':
          for (const [id, n] of step.values) this.setIndicator(id, n, cause);
          break;
        case 'facts':
          for (const [id, is] of step.values) this.setFact(id, is === 1, via);
          break;
        case 'reveal':
          this.reveal(step.subject, step.to, via);
          break;
        case 'tell':
          this.tell(
            step.subject,
            step.is,
            step.to,
            step.by ?? via,
            step.by ?? speaker,
            event,
            cause.kind === 'decision' ? cause.actor : null,
          );
          break;
        case 'posture':
          this.postures[step.subject] = step.by!;
          break;
        case 'if':
          this.run(step.when?.(this.ctx) ? step.then : step.else, cause, via, speaker, event);
          break;
      }
    }
  }

  private setIndicator(id: string, target: number, cause: Cause): void {
    const def = this.c.indicatorById.get(id);
    if (!def) return;
    const before = this.indicators[id] ?? def.start;
    const value = Math.min(def.max, Math.max(def.min, target));
    if (value === before) return;
    this.indicators[id] = value;
    // A cause's effects apply together, so its changes gather in one record.
    let change = this.turnChanges[this.turnChanges.length - 1];
    if (change?.cause !== cause) {
      change = { cause, deltas: new Map() };
      this.turnChanges.push(change);
    }
    const delta = (change.deltas.get(id) ?? 0) + value - before;
    if (delta === 0) change.deltas.delete(id);
    else change.deltas.set(id, delta);
  }

  private setFact(id: string, is: boolean, via: string): void {
    this.facts[id] = is;
    const knownBy = this.c.factById.get(id)?.knownBy;
    if (knownBy !== undefined) this.reveal(id, knownBy, via);
  }

  private current(actor: string, fact: string): Belief | undefined {
    return this.learned[actor]?.[fact] ?? this.input.beliefs[actor]?.[fact];
  }

  /** Evidence: the audience holds the truth, confirmed. The claims it heard stay beside it. */
  private reveal(fact: string, to: Audience, via: string): void {
    const is = this.facts[fact] === true;
    // One shared record for every actor who heard nothing of the fact: beliefs are never changed in place.
    const bare = belief(is, true, this.turn, via, 'confirmed', NOTHING_HEARD);
    for (const actor of this.audience(to)) {
      const heard = this.current(actor, fact)?.heard;
      this.learn(actor, fact, heard?.length ? belief(is, true, this.turn, via, 'confirmed', heard) : bare);
    }
    if (to === 'public') this.publicBeliefs[fact] = bare;
  }

  /**
   * A claim: each actor of the audience keeps it beside the others it heard, with who made it, and takes it on
   * the grounds credenceOf weighs (evidence, its own choice, a cited basis), never on what the news would do for
   * its goals. Evidence outweighs hearsay: a confirmed belief is not overturned. A credited claim becomes what the
   * actor holds; a doubted or noted one changes nothing it holds.
   */
  private tell(
    fact: string,
    is: boolean,
    to: Audience,
    via: string,
    by: string | null,
    event: string | null,
    /** The actor whose own choice makes the claim (an option's effects); null: an event's. */
    chooser: string | null,
  ): void {
    for (const actor of this.audience(to)) {
      const current = this.current(actor, fact);
      const previous = current?.heard;
      // A short list is scanned and copied, as cheap as any index; a long one is indexed once per resolution.
      const index =
        previous === undefined || previous.length < INDEXED_HEARD ? undefined : this.heardIndexOf(previous);
      if (index === undefined ? scannedHeard(previous, is, by, event) : alreadyHeard(index, is, by, event))
        continue;
      const credence = credenceOf(this.c, actor, fact, is, by, actor === chooser, current);
      const claim: Heard = { is, by, event, turn: this.turn, credence };
      let heard: Heard[];
      if (index === undefined) heard = previous === undefined ? [claim] : previous.concat(claim);
      else if (index.owned) {
        // Made by this resolution and held by no other belief once this one replaces the actor's: grows in place.
        heard = previous as Heard[];
        heard.push(claim);
        indexClaim(index.keys, is, by, event);
      } else {
        heard = previous!.concat(claim);
        const keys: HeardIndex['keys'] = new Map();
        for (const h of heard) indexClaim(keys, h.is, h.by, h.event);
        this.heardIndex.set(heard, { keys, owned: true });
      }
      const keep =
        current !== undefined &&
        (current.confirmed || (credence !== 'credits' && heldValue(current) !== undefined));
      this.learn(
        actor,
        fact,
        keep
          ? belief(current.is, current.confirmed, current.turn, current.via, stanceOf(current), heard)
          : belief(is, false, this.turn, via, credence, heard),
      );
    }
  }

  /** The index of a heard list, built once per resolution for a list it did not make (one pass over it). */
  private heardIndexOf(heard: readonly Heard[]): HeardIndex {
    let index = this.heardIndex.get(heard);
    if (index === undefined) {
      const keys: HeardIndex['keys'] = new Map();
      for (const h of heard) indexClaim(keys, h.is, h.by, h.event);
      index = { keys, owned: false };
      this.heardIndex.set(heard, index);
    }
    return index;
  }

  private learn(actor: string, fact: string, belief: Belief): void {
    this.learned[actor] ??= {};
    this.learned[actor][fact] = belief;
  }

  private audience(to: Audience): readonly string[] {
    return to === 'public' ? this.c.actorIds : to;
  }
}
