// What one actor may know, and what the public (the projector) may know. Another actor's private knowledge,
// secret choices and pending decisions never pass through these functions.
import type { Text } from '../scenario/types.ts';
import { type CompiledScenario, canSeeIndicator, inAudience } from './compile.ts';
import { type CrisisSnapshot, compiledOf, factionContext } from './crisis.machine.ts';
import type { FactionContext } from './faction.machine.ts';
import type { Belief, Beliefs, Cause, JournalEntry, World } from './world.ts';

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

export interface BeliefView extends Belief {
  fact: string;
  statement: Text;
}

export interface DecisionView {
  id: string;
  prompt: Text;
  options: { id: string; label: Text; description: Text; open: boolean }[];
  chosen: string | null;
}

export interface TurnView {
  index: number;
  id: string;
  date: string;
  title: Text;
  summary: Text;
  count: number;
}

export interface ActorView {
  scenario: string;
  actor: string;
  seat: 'human' | 'computer';
  status: 'deciding' | 'waiting' | 'ended';
  turn: TurnView;
  posture: string;
  indicators: IndicatorView[];
  journal: JournalView[];
  beliefs: BeliefView[];
  decision: DecisionView | null;
  /** This actor's own choices, turn by turn. */
  choices: { turn: number; option: string }[];
  outcome: { id: string; title: Text; summary: Text } | null;
}

export interface PublicView {
  scenario: string;
  status: 'deciding' | 'ready' | 'ended';
  turn: TurnView;
  indicators: IndicatorView[];
  journal: JournalView[];
  established: BeliefView[];
  /** Who has decided this turn, never what. */
  decided: string[];
  waitingFor: string[];
  outcome: { id: string; title: Text; summary: Text } | null;
}

type Viewer = { actor: string } | { public: true };

function sees(viewer: Viewer, audience: JournalEntry['audience']): boolean {
  return 'public' in viewer ? audience === 'public' : inAudience(audience, viewer.actor);
}

export function turnView(c: CompiledScenario, index: number): TurnView {
  const turn = c.scenario.turns[Math.min(index, c.scenario.turns.length - 1)]!;
  return {
    index,
    id: turn.id,
    date: turn.date,
    title: turn.title,
    summary: turn.summary,
    count: c.scenario.turns.length,
  };
}

function announced(world: World, actor: string, option: string, turn: number): boolean {
  return world.journal.some(
    (j) =>
      j.turn === turn &&
      j.source.kind === 'decision' &&
      j.source.actor === actor &&
      j.source.option === option,
  );
}

function visibleCause(world: World, viewer: Viewer, cause: Cause, turn: number): VisibleCause {
  if (cause.kind === 'decision') {
    const own = !('public' in viewer) && viewer.actor === cause.actor;
    return own || announced(world, cause.actor, cause.option, turn) ? cause : { kind: 'undisclosed' };
  }
  if (cause.kind === 'event') {
    const event = world.journal.find(
      (j) => j.source.kind === 'event' && j.source.event === cause.event && j.turn === turn,
    );
    return event && sees(viewer, event.audience) ? cause : { kind: 'undisclosed' };
  }
  return cause;
}

export function indicatorHistory(c: CompiledScenario, world: World, id: string): number[] {
  let value = c.indicatorById.get(id)?.start ?? 0;
  const history = [value];
  const resolved = world.outcome ? world.turn + 1 : world.turn;
  let i = 0;
  for (let t = 0; t < resolved; t++) {
    for (; i < world.changes.length && world.changes[i]!.turn === t; i++)
      value += world.changes[i]!.deltas[id] ?? 0;
    history.push(value);
  }
  return history;
}

function indicatorViews(c: CompiledScenario, world: World, viewer: Viewer): IndicatorView[] {
  return c.scenario.indicators.map((def) => {
    const visible =
      'public' in viewer ? def.visibility === 'public' : canSeeIndicator(c, def.id, viewer.actor);
    const base = { id: def.id, label: def.label, meaning: def.meaning, min: def.min, max: def.max };
    if (!visible) return { ...base, value: null, history: null, causes: [] };
    const causes: IndicatorView['causes'] = [];
    for (const ch of world.changes) {
      const delta = ch.deltas[def.id];
      if (delta === undefined) continue;
      const cause = visibleCause(world, viewer, ch.cause, ch.turn);
      const last = causes[causes.length - 1];
      // Undisclosed causes of one turn are summed, so that their number does not hint at what they were.
      if (cause.kind === 'undisclosed' && last?.cause.kind === 'undisclosed' && last.turn === ch.turn)
        last.delta += delta;
      else causes.push({ turn: ch.turn, delta, cause });
    }
    return {
      ...base,
      value: world.indicators[def.id] ?? def.start,
      history: indicatorHistory(c, world, def.id),
      causes,
    };
  });
}

function journalViews(c: CompiledScenario, world: World, viewer: Viewer, beliefs: Beliefs): JournalView[] {
  const out: JournalView[] = [];
  for (const entry of world.journal) {
    if (!sees(viewer, entry.audience)) continue;
    const src = entry.source;
    if (src.kind === 'decision') {
      const option = c.optionById.get(src.actor)?.get(src.option);
      if (!option?.announce) continue;
      out.push({
        turn: entry.turn,
        kind: 'action',
        headline: option.announce,
        body: null,
        actor: src.actor,
        counterfactual: false,
        claim: null,
        exposed: false,
      });
      continue;
    }
    const event = c.eventById.get(src.event);
    if (!event) continue;
    const known = event.claim ? beliefs[event.claim.fact] : undefined;
    out.push({
      turn: entry.turn,
      kind: event.kind,
      headline: event.headline,
      body: event.body ?? null,
      actor: event.speaker ?? null,
      counterfactual: event.counterfactual,
      claim: event.claim ?? null,
      exposed: event.claim !== undefined && known?.confirmed === true && known.is !== event.claim.is,
    });
  }
  return out;
}

function beliefViews(c: CompiledScenario, beliefs: Beliefs): BeliefView[] {
  return c.scenario.facts
    .filter((f) => beliefs[f.id] !== undefined)
    .map((f) => ({ fact: f.id, statement: f.statement, ...beliefs[f.id]! }));
}

function outcomeView(c: CompiledScenario, world: World): ActorView['outcome'] {
  const o = world.outcome && c.scenario.outcomes.find((x) => x.id === world.outcome?.id);
  return o ? { id: o.id, title: o.title, summary: o.summary } : null;
}

function factionOf(snapshot: CrisisSnapshot, actor: string): FactionContext {
  const own = factionContext(snapshot, actor);
  if (!own) throw new Error(`no actor ${actor} in this game`);
  return own;
}

export function viewFor(snapshot: CrisisSnapshot, actor: string): ActorView {
  const c = compiledOf(snapshot);
  const { world, seats } = snapshot.context;
  const own = factionOf(snapshot, actor);
  const viewer = { actor };
  const ended = snapshot.matches('ended');
  const decisionDef = own.offer && c.decisionById.get(own.offer.decision);
  const decision: DecisionView | null =
    own.offer && decisionDef
      ? {
          id: decisionDef.id,
          prompt: decisionDef.prompt,
          options: decisionDef.options.map((o) => ({
            id: o.id,
            label: o.label,
            description: o.description,
            open: own.offer?.options.includes(o.id) ?? false,
          })),
          chosen: own.pending,
        }
      : null;
  return {
    scenario: c.scenario.meta.id,
    actor,
    seat: seats[actor] ?? 'computer',
    status: ended ? 'ended' : decision && own.pending === null ? 'deciding' : 'waiting',
    turn: turnView(c, world.turn),
    posture: own.posture,
    indicators: indicatorViews(c, world, viewer),
    journal: journalViews(c, world, viewer, own.beliefs),
    beliefs: beliefViews(c, own.beliefs),
    decision: ended ? null : decision,
    choices: world.log.filter((d) => d.actor === actor).map((d) => ({ turn: d.turn, option: d.option })),
    outcome: outcomeView(c, world),
  };
}

export function publicView(snapshot: CrisisSnapshot): PublicView {
  const c = compiledOf(snapshot);
  const { world, expected, pending } = snapshot.context;
  const viewer = { public: true as const };
  return {
    scenario: c.scenario.meta.id,
    status: snapshot.matches('ended') ? 'ended' : snapshot.matches('ready') ? 'ready' : 'deciding',
    turn: turnView(c, world.turn),
    indicators: indicatorViews(c, world, viewer),
    journal: journalViews(c, world, viewer, world.publicBeliefs),
    established: beliefViews(c, world.publicBeliefs),
    decided: expected.filter((a) => pending[a] !== undefined),
    waitingFor: expected.filter((a) => pending[a] === undefined),
    outcome: outcomeView(c, world),
  };
}
