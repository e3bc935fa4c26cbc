// The rules of a turn, as pure functions: the crisis machine calls them and stores what they return.
import type { Audience, Effect, Outcome, ScenarioEvent } from '../scenario/types.ts';
import { type CompiledScenario, inAudience } from './compile.ts';
import { type ConditionContext, holds } from './conditions.ts';
import { type Step, stepsOf } from './effects.ts';
import { type Rng, rngFor } from './rng.ts';
import {
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
  type Stance,
  type World,
} from './world.ts';

export interface Choice {
  option: string;
  by: Decider;
}

export interface TurnInput {
  world: World;
  choices: Record<string, Choice>;
  beliefs: Record<string, Beliefs>;
  postures: Record<string, string>;
  seed: number;
  /** Events the facilitator queued for this resolution: they fire after the choices, before the scenario's own. */
  injects?: readonly string[];
}

export interface TurnResult {
  world: World;
  /** What each actor comes to believe this turn, fact by fact. */
  learned: Record<string, Beliefs>;
  postures: Record<string, string>;
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
 * What an actor believes at the start: its own knowledge (credited, as its own word), and the truth of facts it is
 * placed to know (confirmed).
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

/** How one actor stands to another, from their goals. */
export type Relation = 'self' | 'ally' | 'rival' | 'neutral';

/** Goals alike at least this much (the cosine of the two actors' signed goal weights) make allies; as unlike, rivals. */
export const ALIGNMENT = 0.25;

const relations = new WeakMap<CompiledScenario, Map<string, Map<string, Relation>>>();

/**
 * Allies and rivals, read from the scenario's goals: each actor's goals as a vector of signed weights over the
 * indicators (+weight for high, -weight for low); two actors whose vectors point the same way (cosine at least
 * ALIGNMENT) are allies, opposite ways (at most -ALIGNMENT) rivals; an actor without goals is no one's ally or
 * rival. Public scenario data: no actor's private knowledge enters it.
 */
export function relationOf(c: CompiledScenario, actor: string, other: string | null): Relation {
  if (other === null) return 'neutral';
  if (other === actor) return 'self';
  let table = relations.get(c);
  if (!table) {
    table = new Map();
    relations.set(c, table);
  }
  let row = table.get(actor);
  if (!row) {
    row = new Map();
    table.set(actor, row);
  }
  let r = row.get(other);
  if (r === undefined) {
    r = alignment(c, actor, other);
    row.set(other, r);
  }
  return r;
}

function alignment(c: CompiledScenario, a: string, b: string): Relation {
  const vector = (id: string) => {
    const v = new Map<string, number>();
    for (const g of c.actorById.get(id)?.goals ?? [])
      v.set(g.indicator, (v.get(g.indicator) ?? 0) + (g.want === 'high' ? g.weight : -g.weight));
    return v;
  };
  const va = vector(a);
  const vb = vector(b);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of va) {
    dot += x * (vb.get(k) ?? 0);
    na += x * x;
  }
  for (const x of vb.values()) nb += x * x;
  if (na === 0 || nb === 0) return 'neutral';
  const cos = dot / Math.sqrt(na * nb);
  return cos >= ALIGNMENT ? 'ally' : cos <= -ALIGNMENT ? 'rival' : 'neutral';
}

/**
 * How an actor takes a claim it hears, the first rule that applies:
 * 1. its own word or an ally's, it credits; a rival's, it doubts;
 * 2. anyone else's (no one named, or neither ally nor rival): one that agrees with what it already holds, it
 *    credits; one that contradicts it, it doubts;
 * 3. otherwise, by what the news that carries it does to the actor's goals (the event's unconditional indicator
 *    changes, weighed as the actor's goals weigh them): news that serves its goals it credits, news that harms
 *    them it doubts, news that does neither it notes without taking a side.
 */
export function credenceOf(
  c: CompiledScenario,
  actor: string,
  by: string | null,
  is: boolean,
  current: Belief | undefined,
  event: string | null = null,
): Heard['credence'] {
  const relation = relationOf(c, actor, by);
  if (relation === 'self' || relation === 'ally') return 'credits';
  if (relation === 'rival') return 'doubts';
  const held = heldValue(current);
  if (held !== undefined) return held === is ? 'credits' : 'doubts';
  const interest = event === null ? 0 : interestOf(c, actor, event);
  return interest > 0 ? 'credits' : interest < 0 ? 'doubts' : 'noted';
}

const interests = new WeakMap<CompiledScenario, Map<string, Map<string, number>>>();

/** How far an event's unconditional indicator changes serve (above 0) or harm (below 0) an actor's goals. */
function interestOf(c: CompiledScenario, actor: string, event: string): number {
  let table = interests.get(c);
  if (!table) {
    table = new Map();
    interests.set(c, table);
  }
  let row = table.get(actor);
  if (!row) {
    row = new Map();
    table.set(actor, row);
  }
  let score = row.get(event);
  if (score === undefined) {
    score = 0;
    const goals = c.actorById.get(actor)?.goals ?? [];
    for (const step of stepsOf(c.eventById.get(event)?.effects ?? [])) {
      if (step.kind !== 'add') continue;
      for (const [id, n] of step.values) {
        for (const g of goals) if (g.indicator === id) score += (g.want === 'high' ? n : -n) * g.weight;
      }
    }
    row.set(event, score);
  }
  return score;
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

/** The same claim by the same voice through the same channel: already heard, not kept twice. */
function alreadyHeard(
  heard: readonly Heard[],
  is: boolean,
  by: string | null,
  event: string | null,
): boolean {
  for (const h of heard) if (h.is === is && h.by === by && h.event === event) return true;
  return false;
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
export function endingOf(c: CompiledScenario, world: World): OutcomeRecord | null {
  const r = new Resolution(c, { world, choices: {}, beliefs: {}, postures: {}, seed: 0 }, false, () => 0);
  return r.outcomeAtEnd();
}

// Looking an id up in a record whose keys differ from game to game is slow in V8; a Set is not. A record that
// grows in place keeps its Set from turn to turn.
const firedIdSets = new WeakMap<Record<string, number[]>, Set<string>>();

function firedIdsOf(fired: Record<string, number[]>): Set<string> {
  let ids = firedIdSets.get(fired);
  if (!ids) {
    ids = new Set(Object.keys(fired));
    firedIdSets.set(fired, ids);
  }
  return ids;
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
  private readonly firedIds: Set<string>;
  private readonly log: DecisionRecord[];
  private readonly journal: JournalEntry[];
  private readonly changes: Change[];
  private readonly publicBeliefs: Beliefs;
  private outcome: OutcomeRecord | null = null;
  private readonly learned: Record<string, Beliefs> = {};
  private readonly postures: Record<string, string> = {};
  private readonly ctx: ConditionContext;
  /** This turn's changes as they gather, recorded when the turn ends. */
  private readonly turnChanges: { cause: Cause; deltas: Map<string, number> }[] = [];
  private readonly choices: ChoiceIndex;

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
    this.fired = inPlace ? w.fired : { ...w.fired };
    this.firedIds = firedIdsOf(this.fired);
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
      fired: (event) => this.firedIds.has(event),
      posture: (actor) => this.postures[actor] ?? input.postures[actor],
      random: rng,
    };
  }

  applyChoices(): void {
    const chosen: [string, Choice][] = [];
    for (const actor of this.c.actorIds) {
      const choice = this.input.choices[actor];
      if (!choice) continue;
      chosen.push([actor, choice]);
      const record: DecisionRecord = { turn: this.turn, actor, option: choice.option, by: choice.by };
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

  fireEvents(): void {
    for (const rule of this.c.eventsAt[this.turn] ?? []) {
      if (rule.once && this.firedIds.has(rule.id)) continue;
      if (rule.when && !rule.when(this.ctx)) continue;
      this.fire(rule.event, false);
    }
  }

  /** The facilitator's inject: the event fires whatever its conditions say. */
  inject(id: string): void {
    const event = this.c.eventById.get(id);
    if (event) this.fire(event, true);
  }

  private fire(event: ScenarioEvent, injected: boolean): void {
    this.fired[event.id] = (this.fired[event.id] ?? []).concat(this.turn);
    this.firedIds.add(event.id);
    const entry: JournalEntry = {
      turn: this.turn,
      source: { kind: 'event', event: event.id },
      audience: event.audience,
    };
    if (injected) entry.injected = true;
    this.journal.push(entry);
    if (event.claim)
      this.tell(event.claim.fact, event.claim.is, event.audience, event.id, event.speaker ?? null, event.id);
    const cause: Cause = injected
      ? { kind: 'event', event: event.id, injected: true }
      : { kind: 'event', event: event.id };
    this.apply(event.effects, cause, event.id, event.speaker ?? null, event.id);
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
          this.tell(step.subject, step.is, step.to, step.by ?? via, step.by ?? speaker, event);
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
   * A claim: each actor of the audience keeps it beside the others it heard, and takes it by who makes it
   * (credenceOf). Evidence outweighs hearsay: a confirmed belief is not overturned. A credited claim becomes what
   * the actor holds; a doubted or noted one changes nothing it holds.
   */
  private tell(
    fact: string,
    is: boolean,
    to: Audience,
    via: string,
    by: string | null,
    event: string | null,
  ): void {
    for (const actor of this.audience(to)) {
      const current = this.current(actor, fact);
      const previous = current?.heard;
      if (previous !== undefined && alreadyHeard(previous, is, by, event)) continue;
      const credence = credenceOf(this.c, actor, by, is, current, event);
      const claim: Heard = { is, by, event, turn: this.turn, credence };
      const heard = previous === undefined ? [claim] : previous.concat(claim);
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

  private learn(actor: string, fact: string, belief: Belief): void {
    this.learned[actor] ??= {};
    this.learned[actor][fact] = belief;
  }

  private audience(to: Audience): readonly string[] {
    return to === 'public' ? this.c.actorIds : to;
  }
}
