// Model-based: paths through the faction machine come from xstate/graph; each path is replayed on a running
// actor system (a parent that collects reports) and the live actor must agree with the model at every step.
import { describe, expect, it } from 'vitest';
import { assign, createActor, setup } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { compileScenario } from '../../src/sim/compile.ts';
import {
  createFactionMachine,
  type FactionEvent,
  type FactionReport,
} from '../../src/sim/faction.machine.ts';
import { initialWorld } from '../../src/sim/resolve.ts';
import { sightFor } from '../../src/sim/sight.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';

const c = compileScenario(miniScenario);
const faction = createFactionMachine(c);
const sight = sightFor(c, initialWorld(c), 'gov');
const events: FactionEvent[] = [
  { type: 'turn.begin', turn: 0, decision: 'gov-decides', sight },
  { type: 'decision.submit', option: 'restraint' },
  { type: 'decision.submit', option: 'raid' },
  { type: 'decision.submit', option: 'accuse' },
  { type: 'turn.end', learned: { x: { is: true, confirmed: true, turn: 0, via: 'e' } }, posture: 'firm' },
  { type: 'seat.assign', control: 'computer' },
  { type: 'seat.assign', control: 'human' },
  { type: 'game.end' },
];

function harness(control: 'human' | 'computer') {
  return setup({
    types: {
      context: {} as { reports: FactionReport[] },
      events: {} as FactionReport | { type: 'drive'; event: FactionEvent },
    },
    actors: { faction },
  }).createMachine({
    context: { reports: [] },
    entry: assign(({ spawn }) => {
      spawn('faction', { id: 'gov', input: { actor: 'gov', control, seed: 1 } });
      return {};
    }),
    on: {
      'decision.made': {
        actions: assign({ reports: ({ context, event }) => [...context.reports, event as FactionReport] }),
      },
      drive: {
        actions: ({ self, event }) =>
          (self.getSnapshot().children.gov as { send(e: FactionEvent): void }).send(event.event),
      },
    },
  });
}

describe.each(['human', 'computer'] as const)('faction machine, %s seat', (control) => {
  // The model is the same machine without its one outgoing message, which needs a parent to go to.
  const model = faction.provide({ actions: { reportDecision: () => {} } });
  const paths = getShortestPaths(model, {
    input: { actor: 'gov', control, seed: 1 },
    events,
    serializeState: (s) => JSON.stringify([s.value, s.context.control, s.context.pending, s.context.posture]),
  });

  it('has paths to every state', () => {
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    expect(reached).toEqual(new Set(['"waiting"', '"deciding"', '"decided"', '"over"']));
  });

  it.each(
    paths.map(
      (p) =>
        [
          p.steps.map((s) => s.event.type + ('option' in s.event ? `(${s.event.option})` : '')).join(' > ') ||
            '(start)',
          p,
        ] as const,
    ),
  )('the running actor follows the model: %s', (_name, path) => {
    const parent = createActor(harness(control)).start();
    const child = () =>
      parent.getSnapshot().children.gov!.getSnapshot() as ReturnType<typeof faction.getInitialSnapshot>;
    for (const step of path.steps) {
      if (step.event.type.startsWith('xstate.')) continue;
      const before = parent.getSnapshot().context.reports.length;
      parent.send({ type: 'drive', event: step.event as FactionEvent });
      const s = child();
      expect(s.value).toEqual(step.state.value);
      expect(s.context.pending).toEqual(step.state.context.pending);
      // A faction reports exactly when it decides or changes its decision, and only offered options.
      const reports = parent.getSnapshot().context.reports;
      if (s.value === 'decided' && reports.length > before) {
        const last = reports[reports.length - 1]!;
        expect(last.option === null || s.context.offer?.options.includes(last.option)).toBe(true);
      }
      if (s.context.pending !== null) expect(s.context.offer?.options).toContain(s.context.pending);
    }
    parent.stop();
  });

  it('never takes an option that is not open to it', () => {
    const states = paths.map((p) => p.state);
    for (const s of states)
      if (s.context.pending === 'accuse') throw new Error('accuse was taken without the belief');
    expect(states.length).toBeGreaterThan(3);
  });
});
