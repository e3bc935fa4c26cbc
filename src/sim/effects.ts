// Effects are data; the resolution applies them and the policy foresees them. Each list is turned once into
// steps of one shape, so that neither probes an effect object for its kind on every turn of every game.
import type { Audience, Effect } from '../scenario/types.ts';
import { type Predicate, predicateOf } from './conditions.ts';

export type StepKind = 'add' | 'set' | 'facts' | 'reveal' | 'tell' | 'posture' | 'if';

export class Step {
  /** add and set: indicator and amount; facts: fact and truth (1 or 0). */
  readonly values: [string, number][] = [];
  /** reveal and tell: the fact; posture: the actor. */
  subject = '';
  /** tell: what is told. */
  is = false;
  to: Audience = 'public';
  /** tell: who tells it; posture: the posture taken. */
  by: string | undefined = undefined;
  when: Predicate | undefined = undefined;
  then: Step[] = [];
  else: Step[] = [];

  constructor(readonly kind: StepKind) {}
}

const compiled = new WeakMap<readonly Effect[], Step[]>();

export function stepsOf(effects: readonly Effect[]): Step[] {
  let steps = compiled.get(effects);
  if (!steps) {
    steps = effects.map(stepOf);
    compiled.set(effects, steps);
  }
  return steps;
}

function stepOf(e: Effect): Step {
  if (e.add) return withValues(new Step('add'), e.add);
  if (e.set) return withValues(new Step('set'), e.set);
  if (e.facts) {
    const step = new Step('facts');
    for (const id in e.facts) step.values.push([id, e.facts[id] ? 1 : 0]);
    return step;
  }
  if (e.reveal) {
    const step = new Step('reveal');
    step.subject = e.reveal.fact;
    step.to = e.reveal.to;
    return step;
  }
  if (e.tell) {
    const step = new Step('tell');
    step.subject = e.tell.fact;
    step.is = e.tell.is;
    step.to = e.tell.to;
    step.by = e.tell.by;
    return step;
  }
  if (e.posture) {
    const step = new Step('posture');
    step.subject = e.posture.actor;
    step.by = e.posture.to;
    return step;
  }
  const step = new Step('if');
  if (e.if) step.when = predicateOf(e.if);
  step.then = stepsOf(e.then ?? []);
  step.else = stepsOf(e.else ?? []);
  return step;
}

function withValues(step: Step, values: Record<string, number>): Step {
  for (const id in values) step.values.push([id, values[id]!]);
  return step;
}
