// Beliefs come from sources or from what the actor saw (issue 15). An actor credits a claim only where a cited
// source says it or its side made or accepted it (the fact's `creditedBy`), where it made the claim itself by its
// own choice in this game, or where evidence confirms it; it doubts one only on such grounds. Otherwise it has
// heard the claim, from whom, and takes no side: no belief moves as a side effect of an indicator, nor on an ally's
// word. Over 10,000 computer games, every credited and every doubted claim has such a ground. The grounds are
// worked out here from the data (the bases, the decision log, the option effects), not from credenceOf.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, parseScenarioFiles } from '../../src/scenario/load.ts';
import type { Effect, Fact } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { credenceOf } from '../../src/sim/resolve.ts';
import type { GameState } from '../../src/sim/state.ts';
import { bundledScenario } from '../helpers/bundled.ts';

const GAMES = 10_000;

let c: CompiledScenario;
beforeAll(async () => {
  c = await bundledScenario();
});

/** Whether a basis in `list` names the actor and the claim (`from` aside: any cited word will do here). */
function cited(fact: Fact, list: 'creditedBy' | 'doubtedBy', actor: string, is: boolean): boolean {
  return fact[list].some((b) => b.actor === actor && b.is === is);
}

/** Every effect, the branches of an `if` included: what an option can tell, whichever branch it takes. */
function flatten(effects: readonly Effect[]): Effect[] {
  return effects.flatMap((e) => [e, ...flatten(e.then ?? []), ...flatten(e.else ?? [])]);
}

/** The claims ("fact|is") an option makes in its chooser's own name, read once. */
const optionClaims = new Map<string, string[]>();
function claimsOf(actor: string, option: string): string[] {
  const key = `${actor}/${option}`;
  let claims = optionClaims.get(key);
  if (!claims) {
    claims = flatten(c.optionById.get(actor)?.get(option)?.effects ?? []).flatMap((e) =>
      e.tell && (e.tell.by === undefined || e.tell.by === actor) ? [`${e.tell.fact}|${e.tell.is}`] : [],
    );
    optionClaims.set(key, claims);
  }
  return claims;
}

/** Every claim ("fact|is") each actor made in its own name by its own choices, with the first turn it did. */
function ownClaims(state: GameState): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const d of state.world.log) {
    const mine = out.get(d.actor) ?? new Map<string, number>();
    out.set(d.actor, mine);
    for (const key of claimsOf(d.actor, d.option)) if (!mine.has(key)) mine.set(key, d.turn);
  }
  return out;
}

/**
 * What has no ground in one game: for each actor and fact, every claim heard and credited (or doubted) and the
 * stance held at the end. The heard claims are never dropped, and a stance of `credits` or `doubts` only ever comes
 * from a claim heard so, or from the start: the final state holds every turn's credence.
 */
function ungrounded(state: GameState): string[] {
  const out: string[] = [];
  const own = ownClaims(state);
  for (const actor of c.actorIds) {
    const claimed = (key: string, turn: number) =>
      (own.get(actor)?.get(key) ?? Number.POSITIVE_INFINITY) <= turn;
    const knowledge = c.actorById.get(actor)?.knowledge ?? {};
    for (const [id, b] of Object.entries(state.beliefs[actor] ?? {})) {
      const fact = c.factById.get(id)!;
      const grounds = (is: boolean, credits: boolean, turn: number) =>
        (b.confirmed && b.is === (credits ? is : !is)) ||
        claimed(`${id}|${credits ? is : !is}`, turn) ||
        (credits
          ? cited(fact, 'creditedBy', actor, is)
          : cited(fact, 'doubtedBy', actor, is) ||
            cited(fact, 'creditedBy', actor, !is) ||
            knowledge[id] === !is);
      for (const h of b.heard ?? []) {
        if (h.credence === 'noted') continue;
        if (!grounds(h.is, h.credence === 'credits', h.turn))
          out.push(`${actor} ${h.credence} ${id}=${h.is} (from ${h.by ?? 'no one named'}, turn ${h.turn})`);
      }
      if (b.stance === 'credits' && !grounds(b.is, true, state.world.turn))
        out.push(`${actor} holds ${id}=${b.is} without a ground`);
    }
  }
  return out;
}

describe(`no actor credits a claim without a cited basis, over ${GAMES.toLocaleString('en')} computer games`, () => {
  it('credits and doubts only on a cited basis, its own choice or evidence', () => {
    const problems = new Map<string, number>();
    const credited = new Map<string, number>();
    for (let seed = 1; seed <= GAMES; seed++) {
      const { state } = playBatchGame(c, seed);
      for (const p of new Set(ungrounded(state).map((x) => x.replace(/, turn \d+\)/, ')'))))
        problems.set(p, (problems.get(p) ?? 0) + 1);
      for (const actor of c.actorIds) {
        for (const [id, b] of Object.entries(state.beliefs[actor] ?? {})) {
          for (const h of b.heard ?? []) {
            if (h.credence !== 'credits') continue;
            const key = `${actor} ${id}=${h.is}`;
            credited.set(key, (credited.get(key) ?? 0) + 1);
          }
        }
      }
    }
    expect([...problems].map(([p, n]) => `${p}: ${n} games`)).toEqual([]);
    // Not vacuous: the claims the sources tie to an actor are credited in play.
    expect(credited.get('us factions-launched-drones=true')).toBeGreaterThan(GAMES / 2);
    expect(credited.get('framework attack-staged=true')).toBeGreaterThan(GAMES / 2);
    expect(credited.get('framework iran-urges-restraint=true')).toBeGreaterThan(0);
    // And the claims the audit found credited on a side effect are not (A3, A4).
    for (const key of [
      'us iran-ordered-attack=true',
      'pm iran-ordered-attack=true',
      'sadrists us-disabled-air-defence=true',
      'iran us-disabled-air-defence=true',
      'framework us-disabled-air-defence=true',
      'iran attack-staged=true',
    ])
      expect(credited.get(key) ?? 0, key).toBe(0);
  }, 120_000);
});

describe('the bases of baghdad-2021', () => {
  it('cite every actor’s starting knowledge: its own stated position', () => {
    for (const actor of c.scenario.actors) {
      for (const [id, is] of Object.entries(actor.knowledge)) {
        const fact = c.factById.get(id)!;
        expect(cited(fact, 'creditedBy', actor.id, is), `${actor.id}: ${id} is ${is}`).toBe(true);
      }
    }
  });

  it('give every speaker who hears its own claim through an event a ground to credit it', () => {
    for (const e of c.scenario.events) {
      const claims = [
        ...(e.claim && e.speaker ? [{ ...e.claim, by: e.speaker, to: e.audience }] : []),
        ...flatten(e.effects).flatMap((x) =>
          x.tell ? [{ fact: x.tell.fact, is: x.tell.is, by: x.tell.by ?? e.speaker, to: x.tell.to }] : [],
        ),
      ];
      for (const claim of claims) {
        if (claim.by === undefined || (claim.to !== 'public' && !claim.to.includes(claim.by))) continue;
        const credence = credenceOf(c, claim.by, claim.fact, claim.is, claim.by, false, undefined);
        expect(credence, `${e.id}: ${claim.by} on ${claim.fact}`).toBe('credits');
      }
    }
  });

  it('quote sources the scenario declares, and none for an actor it does not know', () => {
    const declared = new Set(c.scenario.meta.sources.map((s) => s.file));
    for (const f of c.scenario.facts) {
      for (const b of [...f.creditedBy, ...f.doubtedBy]) {
        expect(declared.has(b.source), `${f.id}: ${b.source}`).toBe(true);
        expect(c.actorById.has(b.actor), `${f.id}: ${b.actor}`).toBe(true);
        expect(b.quote.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('the validator', () => {
  const DIR = join(import.meta.dirname, '../fixtures/scenarios/valid-mini');
  const problems = (basis: string) => {
    const files = readdirSync(DIR).map((name) => {
      const text = readFileSync(join(DIR, name), 'utf8');
      return {
        name,
        text: name === 'world.yaml' ? text.replace('    truth: true\n', `    truth: true\n${basis}`) : text,
      };
    });
    const result = parseScenarioFiles(files);
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('accepts a basis that names a known actor and a declared source', () => {
    const ok =
      '    creditedBy:\n      - { actor: mayor, is: true, source: seed-001.txt, quote: "the bridge is unsafe" }\n';
    expect(problems(ok)).toEqual([]);
  });

  it('refuses an unknown actor or an undeclared source, one line each, at its file and line', () => {
    const bad = [
      '    creditedBy:',
      '      - { actor: mayr, is: true, source: seed-001.txt, quote: "the bridge is unsafe" }',
      '    doubtedBy:',
      '      - { actor: press, is: true, source: seed-002.txt, quote: "the bridge is fine" }',
      '',
    ].join('\n');
    const lines = problems(bad);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^world\.yaml:\d+:\d+ facts\.0\.creditedBy\.0\.actor: unknown actor "mayr"/);
    expect(lines[1]).toMatch(
      /^world\.yaml:\d+:\d+ facts\.0\.doubtedBy\.0\.source: source "seed-002\.txt" is not declared in meta\.sources/,
    );
    for (const line of lines) expect(line).not.toContain('\n');
  });

  it('refuses an actor that both credits and doubts one claim', () => {
    const both = [
      '    creditedBy:',
      '      - { actor: press, is: true, source: seed-001.txt, quote: "the bridge is unsafe" }',
      '    doubtedBy:',
      '      - { actor: press, is: true, source: seed-001.txt, quote: "the bridge is unsafe" }',
      '',
    ].join('\n');
    expect(problems(both)).toEqual([
      expect.stringMatching(
        /facts\.0\.doubtedBy\.0: "press" both credits and doubts that "bridge-unsafe" is true/,
      ),
    ]);
  });
});
