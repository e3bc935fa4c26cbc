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
  /** Turn by turn: the others' announced choices, then the actor's own. */
  private readonly choices: Sight['choices'] = [];

  constructor(
    private readonly c: CompiledScenario,
    private readonly actor: string,
  ) {}

  /** A tracker that has read what this one has, for a copy of the game that goes on from here. */
  clone(): SightTracker {
    const copy = new SightTracker(this.c, this.actor);
    copy.journalRead = this.journalRead;
    copy.logRead = this.logRead;
    copy.fired.push(...this.fired);
    copy.choices.push(...this.choices);
    return copy;
  }

  next(world: World): Sight {
    const indicators: Record<string, number> = {};
    for (const id of this.c.visibleIndicators.get(this.actor) ?? []) indicators[id] = world.indicators[id]!;
    // Both records are in turn order; reading them merged by turn gives one order however often it is read.
    const { journal, log } = world;
    while (this.journalRead < journal.length || this.logRead < log.length) {
      const j = journal[this.journalRead];
      const d = log[this.logRead];
      if (j !== undefined && (d === undefined || j.turn <= d.turn)) {
        this.readEntry(j);
        this.journalRead++;
      } else {
        this.readDecision(d!);
        this.logRead++;
      }
    }
    return {
      turn: world.turn,
      indicators,
      fired: this.fired.slice(),
      choices: this.choices.slice(),
    };
  }

  private readEntry(entry: JournalEntry): void {
    if (entry.audience !== 'public' && !entry.audience.includes(this.actor)) return;
    const src = entry.source;
    if (src.kind === 'event') this.fired.push(src.event);
    else if (src.actor !== this.actor) {
      this.choices.push({ actor: src.actor, option: src.option, turn: entry.turn });
    }
  }

  private readDecision(d: DecisionRecord): void {
    if (d.actor === this.actor) this.choices.push({ actor: d.actor, option: d.option, turn: d.turn });
  }
}
