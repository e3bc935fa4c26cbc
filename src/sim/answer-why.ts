// Why the computer answered a proposal as it did, as data: which of its goals the terms serve or harm, by indicator
// id and direction (issue 20). The record keeps the English sentence the computer gave with its answer (the
// command's `reason`), written by answerSentence below exactly as it always was, so old records replay and hash
// the same; the views carry the structured reason beside it, and the presenters say it in the viewer's language.
//
// The structure is not in the record, and the state keeps only what the record says: it is recovered from the
// sentence (recoverWhy). That is exact, not a guess: the sentence is a function of the structure, and the
// candidates are few (the indicators the agreement's effects touch that are the answering actor's goals), so the
// one whose sentence is the recorded one is the reason given. A sentence no candidate writes (a record from before
// this wording, or one edited by hand) recovers nothing: the screens then show it as the record's own words.
import { englishOf } from '../scenario/localize.ts';
import type { Agreement, Scenario } from '../scenario/types.ts';
import type { CompiledScenario } from './compile.ts';
import { type Step, stepsOf } from './effects.ts';

export type AnswerWhyKey =
  | 'accept-stance'
  | 'accept-goals'
  | 'accept-goals-reserve'
  | 'decline-goals'
  | 'decline-stance'
  | 'decline-nothing';

/** The computer's reason for an answer: its kind, and (for the goals' kinds) the one or two moves it names. */
export interface AnswerWhy {
  key: AnswerWhyKey;
  /** Indicator ids with the direction the terms move them, most weighty first; empty unless the key names goals. */
  moves: { indicator: string; up: boolean }[];
}

type Valued = { indicator: string; delta: number; value: number };

/** The reason, from the terms' worth to the actor goal by goal (policy.ts goalValues) and its bias for them. */
export function whyOf(accept: boolean, values: readonly Valued[], bias: number): AnswerWhy {
  const moves = (list: Valued[]) =>
    list.slice(0, 2).map((v) => ({ indicator: v.indicator, up: v.delta > 0 }));
  const good = values.filter((v) => v.value > 0).sort((a, b) => b.value - a.value);
  const bad = values.filter((v) => v.value < 0).sort((a, b) => a.value - b.value);
  if (accept) {
    if (good.length === 0) return { key: 'accept-stance', moves: [] };
    return { key: bias < 0 ? 'accept-goals-reserve' : 'accept-goals', moves: moves(good) };
  }
  if (bad.length > 0) return { key: 'decline-goals', moves: moves(bad) };
  return { key: bias < 0 ? 'decline-stance' : 'decline-nothing', moves: [] };
}

const englishLabels = new WeakMap<Scenario, Map<string, string>>();

/** The indicators' labels in the scenario's English, whatever language the compiled scenario is in (localize.ts). */
function labelsOf(scenario: Scenario): Map<string, string> {
  let labels = englishLabels.get(scenario);
  if (!labels) {
    labels = new Map(scenario.indicators.map((i) => [i.id, i.label.text]));
    englishLabels.set(scenario, labels);
  }
  return labels;
}

/**
 * The English sentence the record keeps for a reason: word for word what the computer has always written. The
 * indicators are named in the scenario's English even when the game is played in another language, so that the
 * record does not depend on the language of the device (issue 20); `scenario` asks for another's labels.
 */
export function answerSentence(
  c: CompiledScenario,
  why: AnswerWhy,
  scenario: Scenario = englishOf(c.scenario),
): string {
  const labels = labelsOf(scenario);
  const moves = why.moves
    .map((m) => `${labels.get(m.indicator) ?? m.indicator} ${m.up ? 'up' : 'down'}`)
    .join(' and ');
  switch (why.key) {
    case 'accept-stance':
      return 'Accepted: the terms suit its stance, though they move none of its goals.';
    case 'accept-goals':
      return `Accepted: by its own goals, the terms move ${moves}, as it wants.`;
    case 'accept-goals-reserve':
      return `Accepted: by its own goals, the terms move ${moves}, as it wants, whatever its reserve.`;
    case 'decline-goals':
      return `Declined: by its own goals, the terms move ${moves}, against what it wants.`;
    case 'decline-stance':
      return 'Declined: the terms go against its stance.';
    case 'decline-nothing':
      return 'Declined: the terms do nothing for its own goals.';
  }
}

/** Every indicator an agreement's effects may move, in either branch of a condition. */
function touched(steps: readonly Step[], into: Set<string>): Set<string> {
  for (const step of steps) {
    if (step.kind === 'add' || step.kind === 'set') for (const [id] of step.values) into.add(id);
    else if (step.kind === 'if') {
      touched(step.then, into);
      touched(step.else, into);
    }
  }
  return into;
}

/** Every reason the actor's weighing of these terms could give. */
function candidates(c: CompiledScenario, def: Agreement, actor: string): AnswerWhy[] {
  const goals = new Set((c.actorById.get(actor)?.goals ?? []).map((g) => g.indicator));
  const ids = [...touched(stepsOf(def.effects), new Set())].filter((id) => goals.has(id));
  const singles = ids.flatMap((indicator) => [
    { indicator, up: true },
    { indicator, up: false },
  ]);
  const moves: AnswerWhy['moves'][] = singles.map((m) => [m]);
  for (const a of singles) for (const b of singles) if (a.indicator !== b.indicator) moves.push([a, b]);
  const out: AnswerWhy[] = [
    { key: 'accept-stance', moves: [] },
    { key: 'decline-stance', moves: [] },
    { key: 'decline-nothing', moves: [] },
  ];
  for (const key of ['accept-goals', 'accept-goals-reserve', 'decline-goals'] as const)
    for (const m of moves) out.push({ key, moves: m });
  return out;
}

const recovered = new WeakMap<CompiledScenario, Map<string, AnswerWhy | null>>();

/**
 * The structured reason behind a sentence the computer gave answering a proposal of `agreement` made to `actor`,
 * or null when no reason its weighing could give is written so. Remembered per scenario: every view asks again.
 */
export function recoverWhy(
  c: CompiledScenario,
  agreement: string,
  actor: string,
  sentence: string,
): AnswerWhy | null {
  let memo = recovered.get(c);
  if (!memo) {
    memo = new Map();
    recovered.set(c, memo);
  }
  const key = `${agreement}\u0000${actor}\u0000${sentence}`;
  const known = memo.get(key);
  if (known !== undefined) return known === null ? null : copyWhy(known);
  const def = c.agreementById.get(agreement);
  // A sentence an Arabic device wrote before issue 20 named the indicators in its own language: recovered too.
  const english = englishOf(c.scenario);
  const written = english === c.scenario ? [english] : [english, c.scenario];
  const found = def
    ? (candidates(c, def, actor).find((why) =>
        written.some((scenario) => answerSentence(c, why, scenario) === sentence),
      ) ?? null)
    : null;
  memo.set(key, found);
  return found === null ? null : copyWhy(found);
}

/** A copy: a view may be kept and changed by a screen; the remembered reason must not be. */
function copyWhy(why: AnswerWhy): AnswerWhy {
  return { key: why.key, moves: why.moves.map((m) => ({ ...m })) };
}
