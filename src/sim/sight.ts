// What an actor can see of the shared world: the visible indicators, the events in its audience, its own
// choices and the others' announced ones. Nothing secret of another actor passes through here.
import type { CompiledScenario } from './compile.ts';
import type { Sight } from './policy.ts';
import type { DecisionRecord, JournalEntry, World } from './world.ts';

export function sightFor(c: CompiledScenario, world: World, actor: string): Sight {
  return new SightTracker(c, actor).next(world);
}

/**
 * One actor's sight through a game whose journal and log only grow, as the batch runner plays it: each turn reads
 * only the records added since the last. Gives what sightFor gives.
 */
export class SightTracker {
  private journalRead = 0;
  private logRead = 0;
  private readonly fired: string[] = [];
  private readonly heard: Sight['choices'] = [];
  private readonly own: Sight['choices'] = [];

  constructor(
    private readonly c: CompiledScenario,
    private readonly actor: string,
  ) {}

  next(world: World): Sight {
    const indicators: Record<string, number> = {};
    for (const id of this.c.visibleIndicators.get(this.actor) ?? []) indicators[id] = world.indicators[id]!;
    this.readJournal(world.journal);
    this.readLog(world.log);
    return {
      turn: world.turn,
      indicators,
      fired: this.fired.slice(),
      choices: this.heard.concat(this.own),
    };
  }

  private readJournal(journal: readonly JournalEntry[]): void {
    const actor = this.actor;
    for (; this.journalRead < journal.length; this.journalRead++) {
      const entry = journal[this.journalRead]!;
      if (entry.audience !== 'public' && !entry.audience.includes(actor)) continue;
      const src = entry.source;
      if (src.kind === 'event') this.fired.push(src.event);
      else if (src.actor !== actor)
        this.heard.push({ actor: src.actor, option: src.option, turn: entry.turn });
    }
  }

  private readLog(log: readonly DecisionRecord[]): void {
    for (; this.logRead < log.length; this.logRead++) {
      const d = log[this.logRead]!;
      if (d.actor === this.actor) this.own.push({ actor: d.actor, option: d.option, turn: d.turn });
    }
  }
}
