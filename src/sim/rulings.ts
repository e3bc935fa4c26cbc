// Requests for a ruling, the matrix-game way: a seat files an act that no option covers, with its argument, and
// the facilitator rules: allowed, with one of the effects the scenario offers for rulings (`rulingEffects`);
// refused, with a reason; or rolled at stated odds, the draw seeded from the game's seed and the request's number,
// so that a replay rolls the same. A granted effect applies when the turn resolves (resolve.ts applyRulings).
// The request and its ruling are seen by the requesting seat and the facilitator only.
import type { Issuer, Refusal, RulingCommand } from './commands.ts';
import { refusal } from './commands.ts';
import type { CompiledScenario } from './compile.ts';
import { cleanText, isVisible } from './free-text.ts';
import {
  MAX_REASON_CHARS,
  MAX_RULING_ARGUMENT_CHARS,
  MAX_RULING_REQUESTS_PER_TURN,
  MAX_RULING_TEXT_CHARS,
} from './limits.ts';
import { rngFor } from './rng.ts';
import { checkSeatParty, GAME_ENDED, GAME_NOT_STARTED, madeThisTurn } from './seat-check.ts';
import type { GameState, Ruling, RulingItem } from './state.ts';
import type { TalkDraft, TalkHandler } from './talk.ts';

const RULING_BY_FACILITATOR = refusal(
  'not-allowed',
  'A ruling is requested by a seat, not by the facilitator.',
  { key: 'ruling.by-facilitator', params: {} },
);

export type RulingHappening = { kind: 'ruling.requested'; n: number } | { kind: 'ruling.given'; n: number };

type RulingHandlers = {
  [T in RulingCommand['type']]: TalkHandler<Extract<RulingCommand, { type: T }>, RulingHappening>;
};

export type RulingViewer = { actor: string } | { facilitator: true };

/** What a viewer may see of the requests for a ruling: its own seat's (with their rulings), or, the facilitator, all. */
export function rulingsFor(state: GameState, viewer: RulingViewer): RulingItem[] {
  const out: RulingItem[] = [];
  for (const item of state.rulings) {
    if (!('facilitator' in viewer) && item.actor !== viewer.actor) continue;
    out.push(item.ruling ? { ...item, ruling: { ...item.ruling } } : { ...item });
  }
  return out;
}

/** The draw a roll on request n is judged by: the same in every replay of the game. */
export function rulingRoll(seed: number, n: number): number {
  return rngFor(seed, 'ruling', n)();
}

function checkText(text: string, max: number, what: 'act' | 'argument'): Refusal | undefined {
  if (text.length > max)
    return refusal(
      'malformed',
      `A ruling's ${what} may be at most ${max} characters; this one has ${text.length}.`,
      {
        key: what === 'act' ? 'ruling.act-too-long' : 'ruling.argument-too-long',
        params: { max, length: text.length },
      },
    );
  if (!isVisible(cleanText(text, max)))
    return refusal('malformed', `There is nothing to read in the ${what}.`, {
      key: what === 'act' ? 'ruling.act-empty' : 'ruling.argument-empty',
      params: {},
    });
  return undefined;
}

function checkRequest(
  s: GameState,
  { actor, text, argument }: Extract<RulingCommand, { type: 'ruling.request' }>,
  by: Issuer,
): Refusal | undefined {
  return (
    checkSeatParty(s, actor, by, 'act', RULING_BY_FACILITATOR, true) ??
    checkText(text, MAX_RULING_TEXT_CHARS, 'act') ??
    checkText(argument, MAX_RULING_ARGUMENT_CHARS, 'argument') ??
    (madeThisTurn(s, s.rulings, (item) => item.actor === actor) >= MAX_RULING_REQUESTS_PER_TURN
      ? refusal(
          'too-many',
          `${actor} has requested ${MAX_RULING_REQUESTS_PER_TURN} rulings this turn; it may request more in the next.`,
          { key: 'ruling.too-many', params: { actor, max: MAX_RULING_REQUESTS_PER_TURN } },
        )
      : undefined)
  );
}

function checkGive(
  c: CompiledScenario,
  s: GameState,
  { n, verdict, effect, reason, odds }: Extract<RulingCommand, { type: 'ruling.give' }>,
): Refusal | undefined {
  if (s.phase !== 'deciding') return s.phase === 'ended' ? GAME_ENDED : GAME_NOT_STARTED;
  if (!Number.isInteger(n) || n < 1 || n > s.rulings.length)
    return refusal('unknown', `No request for a ruling is numbered ${n} in this game.`, {
      key: 'ruling.no-request',
      params: { n },
    });
  const item = s.rulings[n - 1]!;
  if (item.ruling)
    return refusal('unchanged', `Request ${n} has already been ruled on.`, {
      key: 'ruling.already-ruled',
      params: { n },
    });
  if (!isVisible(cleanText(reason, MAX_REASON_CHARS)))
    // The sentence the classroom's cleaning says (commands.ts): a command the page made meets this one.
    return refusal('malformed', 'A ruling needs a reason with something to read.', {
      key: 'command.ruling-reason-empty',
      params: {},
    });
  if (verdict === 'refused') {
    if (effect !== undefined || odds !== undefined)
      return refusal('malformed', 'A refusal grants no effect and rolls no odds.', {
        key: 'ruling.refused-grants',
        params: {},
      });
    return undefined;
  }
  return checkGrant(c, item, verdict, effect, odds);
}

/** What an allowed or rolled ruling grants: an effect the scenario offers to this seat, and odds only for a roll. */
function checkGrant(
  c: CompiledScenario,
  item: RulingItem,
  verdict: 'allowed' | 'rolled',
  effect: string | undefined,
  odds: number | undefined,
): Refusal | undefined {
  if (effect === undefined)
    return refusal('malformed', `A ruling that is ${verdict} names the effect it grants.`, {
      key: verdict === 'allowed' ? 'ruling.allowed-no-effect' : 'ruling.rolled-no-effect',
      params: {},
    });
  const def = c.rulingEffectById.get(effect);
  if (!def)
    return refusal('unknown', `There is no ruling effect ${effect} in this scenario.`, {
      key: 'ruling.effect-unknown',
      params: { effect },
    });
  if (def.actors && !def.actors.includes(item.actor))
    return refusal('not-allowed', `The ruling effect ${effect} cannot be granted to ${item.actor}.`, {
      key: 'ruling.effect-not-for',
      params: { effect, actor: item.actor },
    });
  if (verdict === 'allowed' && odds !== undefined)
    return refusal('malformed', 'An allowed ruling rolls no odds.', {
      key: 'ruling.allowed-odds',
      params: {},
    });
  if (verdict === 'rolled' && (odds === undefined || !(odds > 0 && odds < 1)))
    return refusal('malformed', 'A roll needs odds above 0 and below 1.', {
      key: 'ruling.odds-range',
      params: {},
    });
  return undefined;
}

function rulingList(d: TalkDraft): RulingItem[] {
  if (!d.owned) d.s.rulings = d.s.rulings.slice();
  return d.s.rulings;
}

export const RULING_HANDLERS: RulingHandlers = {
  'ruling.request': {
    issuer: 'seat',
    check: (_c, s, command, by) => checkRequest(s, command, by),
    run(d, { actor, text, argument }) {
      const list = rulingList(d);
      const n = list.length + 1;
      list.push({
        n,
        turn: d.s.world.turn,
        actor,
        text: cleanText(text, MAX_RULING_TEXT_CHARS),
        argument: cleanText(argument, MAX_RULING_ARGUMENT_CHARS),
      });
      return [{ kind: 'ruling.requested', n }];
    },
  },
  'ruling.give': {
    issuer: 'facilitator',
    check: (c, s, command) => checkGive(c, s, command),
    run(d, { n, verdict, effect, reason, odds }) {
      const ruling: Ruling = {
        turn: d.s.world.turn,
        verdict,
        reason: cleanText(reason, MAX_REASON_CHARS),
        granted: verdict === 'allowed',
      };
      if (effect !== undefined) ruling.effect = effect;
      if (verdict === 'rolled' && odds !== undefined) {
        const roll = rulingRoll(d.s.seed, n);
        ruling.odds = odds;
        ruling.roll = roll;
        ruling.granted = roll < odds;
      }
      const list = rulingList(d);
      // Replaced, never changed in place: a copied state shares the old items with the state it came from.
      list[n - 1] = { ...list[n - 1]!, ruling };
      return [{ kind: 'ruling.given', n }];
    },
  },
};
