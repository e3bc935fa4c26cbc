// A game: one running crisis actor with the calls a view, a tool or a server needs. Views send intents through
// it and read views from it; they never touch the world directly.
import { type Actor, createActor } from 'xstate';
import type { Scenario } from '../scenario/types.ts';
import { type CompiledScenario, compileScenario } from './compile.ts';
import { type CrisisMachine, type CrisisSnapshot, createCrisisMachine } from './crisis.machine.ts';
import type { Control } from './faction.machine.ts';
import { normaliseSeed } from './rng.ts';

export interface GameOptions {
  seed: number | string;
  /** Playable actors a person plays; every other seat is played by the computer. */
  humans?: readonly string[];
}

/** A scenario prepared for play, shared by every game of it. */
export interface Engine {
  compiled: CompiledScenario;
  machine: CrisisMachine;
}

const engines = new WeakMap<Scenario, Engine>();

export function engineFor(scenario: Scenario): Engine {
  let engine = engines.get(scenario);
  if (!engine) {
    const compiled = compileScenario(scenario);
    engine = { compiled, machine: createCrisisMachine(compiled) };
    engines.set(scenario, engine);
  }
  return engine;
}

export class Game {
  readonly actor: Actor<CrisisMachine>;

  constructor(
    readonly engine: Engine,
    actor: Actor<CrisisMachine>,
  ) {
    this.actor = actor;
  }

  get snapshot(): CrisisSnapshot {
    return this.actor.getSnapshot();
  }

  get compiled(): CompiledScenario {
    return this.engine.compiled;
  }

  get seed(): number {
    return this.snapshot.context.seed;
  }

  get turn(): number {
    return this.snapshot.context.world.turn;
  }

  get ended(): boolean {
    return this.snapshot.matches('ended');
  }

  /** True when every actor who decides this turn has decided and the turn can resolve. */
  get ready(): boolean {
    return this.snapshot.matches('ready');
  }

  /** The human seats still to decide this turn. */
  waitingFor(): string[] {
    const { expected, pending } = this.snapshot.context;
    return expected.filter((a) => pending[a] === undefined);
  }

  /** Submits a person's choice; throws with a clear message when it cannot be taken. */
  submit(actor: string, option: string): void {
    const before = this.snapshot.context.pending[actor];
    const offer = this.snapshot.children[actor]?.getSnapshot().context.offer;
    if (this.ended) throw new Error('the game has ended');
    if (this.snapshot.context.seats[actor] !== 'human') throw new Error(`${actor} is not played by a person`);
    if (!offer) throw new Error(`${actor} has no decision to make this turn`);
    if (!offer.options.includes(option)) {
      throw new Error(`${option} is not an option for ${actor} now (options: ${offer.options.join(', ')})`);
    }
    this.actor.send({ type: 'decision.submit', actor, option });
    if (this.snapshot.context.pending[actor] === before && before?.option !== option) {
      throw new Error(`the choice of ${actor} was not taken`);
    }
  }

  resolve(): void {
    if (!this.ready)
      throw new Error(`the turn cannot resolve yet: waiting for ${this.waitingFor().join(', ')}`);
    this.actor.send({ type: 'turn.resolve' });
  }

  assignSeat(actor: string, control: Control): void {
    this.actor.send({ type: 'seat.assign', actor, control });
  }

  /** Resolves turns for as long as no person has to decide. */
  runComputerTurns(): void {
    while (!this.ended && this.ready) this.resolve();
  }

  stop(): void {
    this.actor.stop();
  }
}

export function createGame(scenario: Scenario, options: GameOptions): Game {
  const engine = engineFor(scenario);
  const seats: Record<string, Control> = {};
  for (const id of options.humans ?? []) {
    if (!engine.compiled.playableIds.includes(id))
      throw new Error(`${id} is not a playable actor of this scenario`);
    seats[id] = 'human';
  }
  const actor = createActor(engine.machine, { input: { seed: normaliseSeed(options.seed), seats } });
  actor.start();
  return new Game(engine, actor);
}

/** Plays a whole game with every seat on the computer; returns the ended game. */
export function playComputerGame(scenario: Scenario, seed: number | string): Game {
  const game = createGame(scenario, { seed });
  game.runComputerTurns();
  return game;
}
