// Indexes over a validated scenario, built once per scenario and shared by every game of it.

import { englishOf } from '../scenario/localize.ts';
import { rememberedDigest } from '../scenario/scenario-digest.ts';
import type {
  Actor,
  Agreement,
  Audience,
  Decision,
  Fact,
  Indicator,
  Option,
  RulingEffect,
  Scenario,
  ScenarioEvent,
  StatementClaim,
} from '../scenario/types.ts';
import { numberedPredicate, type Predicate } from './conditions.ts';
import { type Step, stepsOf } from './effects.ts';
import { hashParts } from './rng.ts';

/** An event as the resolution tests it every turn, in one fixed shape. */
export interface EventRule {
  id: string;
  /**
   * Its place in the scenario's events (the first event of its id, should ids repeat): what a game's flags of
   * fired events are indexed by (resolve.ts).
   */
  index: number;
  once: boolean;
  /** The turns (indexes) it may fire in: its window, from the first turn to the last when open. */
  from: number;
  to: number;
  when: Predicate | undefined;
  event: ScenarioEvent;
  /** Its effects as the resolution runs them, made once per scenario rather than looked up at each firing. */
  steps: Step[];
}

export interface CompiledScenario {
  scenario: Scenario;
  /** Identifies the exact content, so that a save is never restored onto a different scenario. */
  digest: string;
  indicatorById: Map<string, Indicator>;
  actorById: Map<string, Actor>;
  actorIds: string[];
  playableIds: string[];
  turnIndexById: Map<string, number>;
  /** decisionAt[actor][turnIndex] */
  decisionAt: Map<string, (Decision | undefined)[]>;
  optionById: Map<string, Map<string, Option>>;
  decisionById: Map<string, Decision>;
  factById: Map<string, Fact>;
  eventById: Map<string, ScenarioEvent>;
  /** Every event as a rule, in file order. */
  eventRules: EventRule[];
  /** The rule of each event id (the last, as eventById, should ids repeat). */
  eventRuleById: Map<string, EventRule>;
  /** eventsAt[turnIndex]: the events whose window includes the turn, in file order. */
  eventsAt: EventRule[][];
  /** For each actor, the indicators it sees. */
  visibleIndicators: Map<string, string[]>;
  agreementById: Map<string, Agreement>;
  rulingEffectById: Map<string, RulingEffect>;
  statementClaimById: Map<string, StatementClaim>;
}

export function inAudience(audience: Audience, actor: string): boolean {
  return audience === 'public' || audience.includes(actor);
}

export function compileScenario(scenario: Scenario): CompiledScenario {
  const turnIndexById = new Map(scenario.turns.map((t, i) => [t.id, i]));
  const decisionAt = new Map<string, (Decision | undefined)[]>();
  const optionById = new Map<string, Map<string, Option>>();
  for (const actor of scenario.actors) decisionAt.set(actor.id, new Array(scenario.turns.length));
  for (const decision of scenario.decisions) {
    const slots = decisionAt.get(decision.actor);
    if (!slots) continue;
    const turns =
      decision.turns === 'all'
        ? scenario.turns.map((_, i) => i)
        : decision.turns.map((t) => turnIndexById.get(t));
    for (const i of turns) if (i !== undefined) slots[i] = decision;
    const options = optionById.get(decision.actor) ?? new Map<string, Option>();
    for (const option of decision.options) options.set(option.id, option);
    optionById.set(decision.actor, options);
  }
  const firstIndex = new Map<string, number>();
  scenario.events.forEach((e, i) => {
    if (!firstIndex.has(e.id)) firstIndex.set(e.id, i);
  });
  const eventRules: EventRule[] = scenario.events.map((event) => ({
    id: event.id,
    index: firstIndex.get(event.id)!,
    once: event.once,
    // A window's end that names no turn leaves it open, as its start that names none (checks refuse both).
    from: event.turns?.from === undefined ? 0 : (turnIndexById.get(event.turns.from) ?? 0),
    to:
      event.turns?.to === undefined
        ? Number.POSITIVE_INFINITY
        : (turnIndexById.get(event.turns.to) ?? Number.POSITIVE_INFINITY),
    when: event.when ? numberedPredicate(event.when, (id) => firstIndex.get(id)) : undefined,
    event,
    steps: stepsOf(event.effects),
  }));
  return {
    scenario,
    digest: scenarioDigest(scenario),
    indicatorById: new Map(scenario.indicators.map((i) => [i.id, i])),
    actorById: new Map(scenario.actors.map((a) => [a.id, a])),
    actorIds: scenario.actors.map((a) => a.id),
    playableIds: scenario.actors.filter((a) => a.playable).map((a) => a.id),
    turnIndexById,
    decisionAt,
    optionById,
    decisionById: new Map(scenario.decisions.map((d) => [d.id, d])),
    factById: new Map(scenario.facts.map((f) => [f.id, f])),
    eventById: new Map(scenario.events.map((e) => [e.id, e])),
    eventRules,
    eventRuleById: new Map(eventRules.map((r) => [r.id, r])),
    eventsAt: scenario.turns.map((_, t) => eventRules.filter((r) => t >= r.from && t <= r.to)),
    agreementById: new Map((scenario.agreements ?? []).map((a) => [a.id, a])),
    rulingEffectById: new Map((scenario.rulingEffects ?? []).map((r) => [r.id, r])),
    statementClaimById: new Map((scenario.statementClaims ?? []).map((x) => [x.id, x])),
    visibleIndicators: new Map(
      scenario.actors.map((a) => [
        a.id,
        scenario.indicators.filter((i) => inAudience(i.visibility, a.id)).map((i) => i.id),
      ]),
    ),
  };
}

/**
 * What names the scenario in a record: a hash of the English scenario's JSON, for a scenario in another language
 * too (a record does not depend on the language). The one the build worked out, when the registry handed it in
 * (scenario-digest.ts).
 */
export function scenarioDigest(scenario: Scenario): string {
  const english = englishOf(scenario);
  return rememberedDigest(english) ?? hashParts(JSON.stringify(english)).toString(16).padStart(8, '0');
}

export function decisionFor(c: CompiledScenario, actor: string, turnIndex: number): Decision | undefined {
  return c.decisionAt.get(actor)?.[turnIndex];
}

export function canSeeIndicator(c: CompiledScenario, indicator: string, actor: string): boolean {
  return c.visibleIndicators.get(actor)?.includes(indicator) ?? false;
}
