// Truth checks of what an ending's texts say about a game, written apart from the texts' own presuppositions, so
// that a presupposition that is wrong (or missing, as in the single texts the scenario had before) is caught: each
// check finds a kind of claim by its words and judges it on the game's world. A sentence that names a source
// document (000–004) and not "your game" reports what the source says, and is not a claim about the game.
import type { CompiledScenario } from '../../src/sim/compile.ts';
import type { World } from '../../src/sim/world.ts';

export interface Claim {
  /** what the check is about, for the tally */
  id: string;
  /** the sentences it judges */
  finds: RegExp;
  /** whether the claim is true of this game */
  holds: (g: Judge) => boolean;
}

/** The game's world, read the plain way: no engine code between the claim and the record. */
export interface Judge {
  value(id: string): number;
  start(id: string): number;
  fired(event: string): boolean;
  chose(actor: string, option: string): boolean;
  /** the game reached the last turn's date */
  lastTurn: boolean;
}

export function judgeOf(c: CompiledScenario, world: World): Judge {
  const starts = new Map(c.scenario.indicators.map((i) => [i.id, i.start]));
  return {
    value: (id) => world.indicators[id] ?? Number.NaN,
    start: (id) => starts.get(id) ?? Number.NaN,
    fired: (event) => (world.fired[event]?.length ?? 0) > 0,
    chose: (actor, option) => world.log.some((d) => d.actor === actor && d.option === option),
    lastTurn: world.turn >= c.scenario.turns.length - 1,
  };
}

const attack = (g: Judge) => g.fired('drone-attack');
const PRESSURE = [
  ['iran', 'cut-electricity'],
  ['iran', 'compensation-claims'],
  ['framework', 'threaten-pm'],
  ['framework', 'military-parade'],
  ['framework', 'sit-ins'],
] as const;

/**
 * The claims checked, first match wins for the vague ones (a sentence that does not say which, or whom, is
 * wrong whatever happened). Each `finds` is written against the words an ending uses, old and new.
 */
export const CLAIMS: Claim[] = [
  // "In your game either the process collapsed … or violence …": true, but it does not say which (play-test 3.8).
  { id: 'either-or about the game', finds: /your game either\b/i, holds: () => false },
  // "Tehran or its allies applied such pressure": does not name who did (audit B4).
  { id: 'pressure by "Tehran or its allies"', finds: /Tehran or its allies applied/i, holds: () => false },
  {
    id: 'the political process ended',
    finds: /political process (is|was) ended|(?<!did not |not )\bprocess collapsed/i,
    holds: (g) => g.value('politicalProcess') <= 12,
  },
  {
    id: 'the political process went on',
    finds: /political process (went on|did not collapse)|process went on/i,
    holds: (g) => g.value('politicalProcess') > 12,
  },
  {
    id: 'violence and tension out of control',
    finds: /(?<!did not both |not )(ran|run) out of control/i,
    holds: (g) => g.value('violence') >= 75 && g.value('shiaTension') >= 72,
  },
  {
    id: 'violence and tension not both out of control',
    finds: /did not both run out of control/i,
    holds: (g) => !(g.value('violence') >= 75 && g.value('shiaTension') >= 72),
  },
  {
    id: 'a compromise or government outline agreed',
    finds: /(?<!no )compromise (is|was) reached|agreed on the outline of a government/i,
    holds: (g) => g.fired('coalition-agreed'),
  },
  {
    id: 'no coalition agreed, formation open',
    finds:
      /no compromise|no coalition (has been|was) agreed|formation (is |was )?still open|cannot form a stable coalition|formation is slow/i,
    holds: (g) => !g.fired('coalition-agreed'),
  },
  { id: 'the year ends', finds: /\bThe year ends\b/, holds: (g) => g.lastTurn },
  {
    id: 'the attack happened',
    finds: /\b(the|an|drone) attack\b|drones struck/i,
    holds: (g) => attack(g),
  },
  {
    id: 'the attack on 7 November',
    finds: /struck .* on 7 November/i,
    holds: (g) => g.fired('drone-attack'),
  },
  {
    id: 'the state stronger, the factions weaker',
    finds:
      /state comes out of the crisis with more authority|state (still )?came out of the crisis stronger|state (grew stronger|gained)/i,
    holds: (g) =>
      g.value('stateAuthority') > g.start('stateAuthority') &&
      g.value('factionStrength') < g.start('factionStrength'),
  },
  {
    id: 'the factions stronger, the state weaker',
    finds: /factions ended stronger than they began|factions' strength rose/i,
    holds: (g) =>
      g.value('factionStrength') > g.start('factionStrength') &&
      g.value('stateAuthority') < g.start('stateAuthority'),
  },
  {
    id: "Iran's leverage still middling",
    finds: /Iran's leverage (was )?still at least middling/i,
    holds: (g) => g.value('iranLeverage') >= 50,
  },
  {
    id: "the factions' strength still middling",
    finds: /factions' strength (were |was )?still at least middling/i,
    holds: (g) => g.value('factionStrength') >= 50,
  },
  {
    id: 'the Framework came to the table',
    finds: /Framework came to the table/i,
    holds: (g) => g.chose('framework', 'bargain-for-share'),
  },
  {
    id: 'the state not clearly stronger',
    finds: /state did not come out clearly stronger/i,
    holds: (g) => !(g.value('stateAuthority') >= 58 && g.value('factionStrength') <= 50),
  },
  { id: 'Iran cut electricity', finds: /Iran cut/i, holds: (g) => g.chose('iran', 'cut-electricity') },
  {
    id: 'Iran pressed compensation claims',
    finds: /Iran pressed/i,
    holds: (g) => g.chose('iran', 'compensation-claims'),
  },
  {
    id: 'the Framework threatened the PM',
    finds: /threatened the Prime Minister/i,
    holds: (g) => g.chose('framework', 'threaten-pm'),
  },
  { id: 'the Framework paraded', finds: /paraded/i, holds: (g) => g.chose('framework', 'military-parade') },
  { id: 'the Framework held sit-ins', finds: /held sit-ins/i, holds: (g) => g.chose('framework', 'sit-ins') },
  {
    id: 'none of the pressure announced',
    finds: /None of the means 003 lists was announced/i,
    holds: (g) => PRESSURE.every(([a, o]) => !g.chose(a, o)),
  },
];

/** The sentences of a text, split where a sentence ends and the next begins with a capital or a quote. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”]?)\s+(?=[A-Z"“])/).filter((s) => s.trim() !== '');
}

/** Whether a sentence reports a source (it names 000–004) rather than stating something about the game. */
export function attributed(sentence: string): boolean {
  return /\b00[0-4]\b/.test(sentence) && !/your game/i.test(sentence);
}

/** A sentence that says the attack did not happen in the game (it makes that claim, not the one that it did). */
const NO_ATTACK = /no drones struck|ended before drones struck|without an? attack|no attempt on/i;
const ATTACK_CLAIMS = new Set(['the attack happened', 'the attack on 7 November']);

/** The claims a sentence makes that do not hold in the game (by id). */
export function falseClaims(sentence: string, g: Judge): string[] {
  if (attributed(sentence)) return [];
  const out: string[] = [];
  const negated = NO_ATTACK.test(sentence);
  if (negated && attack(g)) out.push('no attack');
  for (const c of CLAIMS) {
    if (negated && ATTACK_CLAIMS.has(c.id)) continue;
    if (c.finds.test(sentence) && !c.holds(g)) out.push(c.id);
  }
  return out;
}
