import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario, didYouMean } from '../../src/scenario/check.ts';
import { parseScenarioFiles } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const DIR = join(import.meta.dirname, '../fixtures/scenarios/valid-mini');

function validMini(): Scenario {
  const files = readdirSync(DIR).map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));
  const result = parseScenarioFiles(files);
  if (!result.ok) throw new Error('valid-mini should load');
  return result.scenario;
}

/** The issues of valid-mini after a change, as "path: message". */
function issuesAfter(change: (s: Scenario) => void): string[] {
  const s = structuredClone(validMini());
  change(s);
  return checkScenario(s).map((i) => `${i.path}: ${i.message}`);
}

describe('checkScenario', () => {
  it('finds nothing wrong with valid-mini', () => {
    expect(checkScenario(validMini())).toEqual([]);
  });

  it('checks indicator ranges', () => {
    expect(
      issuesAfter((s) => {
        s.indicators[1]!.min = 10; // max is 10
      }),
    ).toEqual([
      'indicators.1.min: min 10 must be below max 10',
      'events.0.effects.0.set.trust: value 3 is outside the range of "trust" [10, 10]',
    ]);
  });

  it('checks turn dates: real, and strictly increasing', () => {
    expect(
      issuesAfter((s) => {
        s.turns[0]!.date = '2021-02-30';
        s.turns[1]!.date = '2021-02-01';
      }),
    ).toEqual([
      'turns.0.date: 2021-02-30 is not a calendar date',
      "turns.1.date: 2021-02-01 is not after the previous turn's date 2021-02-30; turns go in calendar order",
    ]);
  });

  it('checks the references of actors, facts and people', () => {
    expect(
      issuesAfter((s) => {
        const mayor = s.actors[0]!;
        mayor.goals[0]!.indicator = 'calmm';
        mayor.posture = 'asleep';
        mayor.knowledge = { 'bridge-gone': true };
        mayor.postures.push({ ...mayor.postures[0]! });
        s.facts[0]!.knownBy = ['nobody'];
        s.people.push({
          id: 'ann',
          name: 'Ann',
          actor: 'council',
          description: { text: 'x', invention: true },
        });
      }),
    ).toEqual([
      'actors.0.goals.0.indicator: unknown indicator "calmm" (did you mean "calm"?)',
      'actors.0.postures.2.id: duplicate posture "patient"',
      'actors.0.posture: "asleep" is not a posture of actor "mayor" (its postures: patient, stern, patient)',
      'actors.0.knowledge.bridge-gone: unknown fact "bridge-gone"',
      'facts.0.knownBy.0: unknown actor "nobody"',
      'people.0.actor: unknown actor "council"',
    ]);
  });

  it('reports a duplicate with the path of the first one', () => {
    const s = structuredClone(validMini());
    s.turns.push({ ...s.turns[1]!, date: '2021-12-01' });
    expect(checkScenario(s)).toEqual([
      { path: 'turns.2.id', message: 'duplicate turn "t2"', firstAt: 'turns.1' },
    ]);
  });

  it('checks decisions: actor, turns, one per actor and turn, options, postures', () => {
    expect(
      issuesAfter((s) => {
        const d = s.decisions[0]!;
        d.options[1]!.id = 'close-bridge';
        d.options[0]!.posture = 'watching';
        s.decisions.push({ ...structuredClone(d), id: 'again', turns: ['t2', 't9'] });
        s.decisions.push({ ...structuredClone(d), id: 'ghost', actor: 'ghost' });
      }),
    ).toEqual([
      'decisions.0.options.1.id: duplicate option "close-bridge"',
      'decisions.0.options.0.posture: "watching" is not a posture of actor "mayor" (its postures: patient, stern)',
      'decisions.1.turns.1: unknown turn "t9" (did you mean "t1"?)',
      'decisions.1.turns: actor "mayor" already has decision "mayor-bridge" in turn "t2"; at most one per actor and turn',
      'decisions.1.options.1.id: duplicate option "close-bridge"',
      // The clone repeats its original's options: an actor's option ids stand once over all its decisions.
      'decisions.1.options.0.id: actor "mayor" already has option "close-bridge" in decision "mayor-bridge"; an option id stands once among all of an actor\'s decisions',
      'decisions.1.options.0.posture: "watching" is not a posture of actor "mayor" (its postures: patient, stern)',
      'decisions.2.actor: unknown actor "ghost"',
      'decisions.2.options.1.id: duplicate option "close-bridge"',
      // The option "wait" was renamed away above.
      'events.0.when.chose.option: actor "mayor" has no option "wait"',
    ]);
  });

  it('lets a simulated actor go without decisions, but not a playable one', () => {
    const withoutDecisions = (s: Scenario) => {
      s.decisions = [];
      s.events[0]!.when = { fact: 'bridge-unsafe' }; // it named a mayor's option
      s.outcomes[1]!.summary = { text: 'The quarrel goes on.', invention: true }; // so did a part of it
    };
    expect(issuesAfter(withoutDecisions)).toEqual([
      'actors.0.playable: playable actor "mayor" has no decision in turn "t1", "t2"; a playable actor needs one every turn (or playable: false)',
    ]);
    expect(
      issuesAfter((s) => {
        withoutDecisions(s);
        s.actors[0]!.playable = false;
      }),
    ).toEqual([]);
  });

  it('checks chose against the options the actor is offered, and in which turn', () => {
    expect(
      issuesAfter((s) => {
        s.decisions[0]!.turns = ['t1'];
        s.decisions.push({ ...structuredClone(s.decisions[0]!), id: 'later', turns: ['t2'], options: [] });
        s.decisions[1]!.options = [{ ...structuredClone(s.decisions[0]!.options[0]!), id: 'reopen' }];
        s.events[0]!.when = { any: [{ chose: { actor: 'mayor', option: 'reopen', turn: 't1' } }] };
      }),
    ).toEqual(['events.0.when.any.0.chose.turn: actor "mayor" is not offered option "reopen" in turn "t1"']);
  });

  it('checks the effects of options, deep inside if/then/else', () => {
    expect(
      issuesAfter((s) => {
        s.decisions[0]!.options[1]!.effects = [
          {
            if: { not: { believes: { actor: 'press', fact: 'bridge-gone' } } },
            then: [{ reveal: { fact: 'bridge-unsafe', to: ['mayr'] } }],
            else: [
              { tell: { fact: 'bridge-unsafe', is: false, to: 'public', by: 'council' } },
              { posture: { actor: 'press', to: 'shouting' } },
              { facts: { 'bridge-fixed': true } },
            ],
          },
        ];
        s.decisions[0]!.options[1]!.policy.prefer = [{ when: { turn: { from: 't2', to: 't1' } }, bonus: 1 }];
      }),
    ).toEqual([
      'decisions.0.options.1.effects.0.if.not.believes.fact: unknown fact "bridge-gone"',
      'decisions.0.options.1.effects.0.then.0.reveal.to.0: unknown actor "mayr" (did you mean "mayor"?)',
      'decisions.0.options.1.effects.0.else.0.tell.by: unknown actor "council"',
      'decisions.0.options.1.effects.0.else.1.posture.to: "shouting" is not a posture of actor "press" (its postures: watching)',
      'decisions.0.options.1.effects.0.else.2.facts.bridge-fixed: unknown fact "bridge-fixed"',
      'decisions.0.options.1.policy.prefer.0.when.turn: from "t2" comes after to "t1"',
    ]);
  });

  it('checks outcomes: turns, from only with every-turn, a final at-end outcome without when', () => {
    expect(
      issuesAfter((s) => {
        s.outcomes[0]!.from = 't1';
        s.outcomes[1]!.when = { fired: 'paper-story' };
      }),
    ).toEqual([
      'outcomes.0.from: from applies only to every-turn outcomes',
      'outcomes.1.when: the last at-end outcome must have no when, so that every game ends in an outcome',
    ]);
    expect(
      issuesAfter((s) => {
        for (const o of s.outcomes) o.check = 'every-turn';
      }),
    ).toEqual(['outcomes: needs at least one at-end outcome, so that every game ends in an outcome']);
  });

  it('finds every Text, including new kinds, and checks its sources', () => {
    expect(
      issuesAfter((s) => {
        s.meta.sources.push({ ...s.meta.sources[0]! });
        s.turns[0]!.summary = { text: 'x', source: 'seed-01.txt' };
        (s.actors[1] as { extra?: unknown }).extra = {
          deeper: [{ text: 'y', source: ['seed-001.txt', 'z.txt'] }],
        };
      }),
    ).toEqual([
      'meta.sources.1: duplicate source file "seed-001.txt"',
      'actors.1.extra.deeper.0.source.1: source "z.txt" is not declared in meta.sources',
      'turns.0.summary.source: source "seed-01.txt" is not declared in meta.sources (did you mean "seed-001.txt"?)',
    ]);
  });
});

describe('didYouMean', () => {
  it('suggests a close or differently cased name, and nothing for a far one', () => {
    expect(didYouMean('stateauthority', ['stateAuthority', 'anger'])).toBe(
      ' (did you mean "stateAuthority"?)',
    );
    expect(didYouMean('angr', ['stateAuthority', 'anger'])).toBe(' (did you mean "anger"?)');
    expect(didYouMean('xyz', ['stateAuthority', 'anger'])).toBe('');
  });
});
