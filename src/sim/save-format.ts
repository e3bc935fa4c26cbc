// What a save leaves out of the persisted snapshot, and how a restore puts it back. The document holds the
// decision log once, beside the snapshot; the journal and each pending offer's sight follow from the rest, so
// they are rebuilt rather than written. A save is written after every turn: the less text, the faster.
import type { CompiledScenario } from './compile.ts';
import type { Offer } from './offer.ts';
import { sightFor } from './sight.ts';
import type { DecisionRecord, JournalEntry, World } from './world.ts';

type Obj = Record<string, unknown>;

interface PersistedShape {
  context: Obj & { world: World };
  children: Record<string, { snapshot: { context: Obj & { offer: Offer | null } } }>;
}

/** The journal a resolution writes: each turn, the announced choices in the log's order, then the events fired. */
export function journalOf(
  c: CompiledScenario,
  log: readonly DecisionRecord[],
  fired: Readonly<Record<string, number[]>>,
): JournalEntry[] {
  const journal: JournalEntry[] = [];
  let next = 0;
  const turns = Math.max(log.length > 0 ? log[log.length - 1]!.turn + 1 : 0, lastFiredTurn(fired) + 1);
  for (let turn = 0; turn < turns; turn++) {
    for (; next < log.length && log[next]!.turn === turn; next++) {
      const d = log[next]!;
      if (c.optionById.get(d.actor)?.get(d.option)?.announce !== undefined) {
        journal.push({
          turn,
          source: { kind: 'decision', actor: d.actor, option: d.option },
          audience: 'public',
        });
      }
    }
    for (const rule of c.eventsAt[turn] ?? []) {
      if (fired[rule.id]?.includes(turn)) {
        journal.push({ turn, source: { kind: 'event', event: rule.id }, audience: rule.event.audience });
      }
    }
  }
  return journal;
}

function lastFiredTurn(fired: Readonly<Record<string, number[]>>): number {
  let last = -1;
  for (const id in fired) for (const t of fired[id]!) last = Math.max(last, t);
  return last;
}

/** The persisted snapshot without what the save holds elsewhere or can rebuild. The live one is not touched. */
export function compactSnapshot(persisted: unknown): unknown {
  const p = persisted as PersistedShape;
  const { log: _log, journal: _journal, ...world } = p.context.world;
  return rebuilt(p, world, (_actor, { sight: _sight, ...kept }) => kept);
}

/** The persisted snapshot a compact one stands for, with the save's log. The compact one is not touched. */
export function expandSnapshot(c: CompiledScenario, compact: unknown, log: DecisionRecord[]): unknown {
  const p = compact as PersistedShape;
  const w = p.context.world;
  // In the order the resolution builds a world, so that a restored game serialises as the saved one did.
  const world: World = {
    turn: w.turn,
    indicators: w.indicators,
    facts: w.facts,
    fired: w.fired,
    log,
    journal: journalOf(c, log, w.fired),
    changes: w.changes,
    publicBeliefs: w.publicBeliefs,
    outcome: w.outcome,
  };
  // An offer stands for the turn in progress, and the world does not change until the turn resolves.
  return rebuilt(p, world, (actor, offer) => ({
    turn: offer.turn,
    decision: offer.decision,
    options: offer.options,
    sight: sightFor(c, world, actor),
  }));
}

/** A copy of the snapshot with this world and each pending offer rewritten; everything else is shared. */
function rebuilt(
  p: PersistedShape,
  world: object,
  rewrite: (actor: string, offer: Offer) => object,
): unknown {
  const children: Obj = {};
  for (const [id, child] of Object.entries(p.children)) {
    const offer = child.snapshot.context.offer;
    const context = offer ? { ...child.snapshot.context, offer: rewrite(id, offer) } : undefined;
    children[id] = context ? { ...child, snapshot: { ...child.snapshot, context } } : child;
  }
  return { ...p, context: { ...p.context, world }, children };
}
