// The solo game's pure rules: how a new game starts (the player's seat is a person's, every other the
// computer's) and which seat a saved game is continued at.
import type { Entry } from '../sim/commands.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import type { ReadProblem } from '../sim/read-problem.ts';
import type { GameRecord } from '../sim/record.ts';
import { restoreSave, SaveError } from '../sim/save.ts';
import type { GameState } from '../sim/state.ts';
import { statementOf } from './talk-commands.ts';

/**
 * The player's statement or private message, as its seat's command: the engine checks it (the room's rule, the
 * addressees, the text, the claim a statement carries) like any other, and the record keeps it.
 */
export function soloTalk(
  actor: string,
  kind: 'statement' | 'message',
  text: string,
  to: string[],
  claim?: string,
): Entry {
  const by = { seat: actor, as: 'person' as const };
  if (kind === 'message') return { by, command: { type: 'message.send', actor, to, text } };
  return { by, command: statementOf(actor, text, to, claim) };
}

/** What the player does about an agreement, as the solo machine's event has it. */
export type SoloDealEvent =
  | { type: 'deal.propose'; agreement: string; to: string }
  | { type: 'deal.answer'; n: number; accept: boolean; reason: string }
  | { type: 'deal.withdraw'; n: number };

/**
 * The player's proposal, answer or withdrawal, as its seat's command: the engine checks it (what may be proposed to
 * whom, which proposal is open) like any other. A blank reason is no reason.
 */
export function soloDeal(actor: string, event: SoloDealEvent): Entry {
  const by = { seat: actor, as: 'person' as const };
  switch (event.type) {
    case 'deal.propose':
      return { by, command: { type: 'agreement.propose', actor, to: event.to, agreement: event.agreement } };
    case 'deal.answer': {
      const reason = event.reason.trim();
      const command = { type: 'agreement.answer' as const, actor, n: event.n, accept: event.accept };
      return { by, command: reason === '' ? command : { ...command, reason } };
    }
    case 'deal.withdraw':
      return { by, command: { type: 'agreement.withdraw', actor, n: event.n } };
  }
}

/** The first commands of a solo game: the player takes the seat, the game starts. */
export function soloStart(actor: string): Entry[] {
  return [
    { by: { facilitator: true }, command: { type: 'seat.set', actor, holder: 'person' } },
    { by: { facilitator: true }, command: { type: 'game.start' } },
  ];
}

/** What a saved solo game is: whose seat, the turn it stands at, whether it has ended. */
export interface SoloSaveSummary {
  actor: string;
  /** 0-based: the turn the game stands at (the turn it ended in, when it has ended). */
  turn: number;
  turns: number;
  ended: boolean;
}

/**
 * The saved game as the title names it, read the way Continue reads it (a replay of its record, a fraction of a
 * millisecond), so that the title never names a game the engine would refuse, nor a turn a game did not reach.
 */
export function describeSoloSave(json: string | null, c: CompiledScenario): SoloSaveSummary | null {
  const restored = restoreSolo(json, c);
  if (!restored.ok) return null;
  const { world, phase } = restored.state;
  return {
    actor: restored.actor,
    turn: world.turn,
    turns: c.scenario.turns.length,
    ended: phase === 'ended',
  };
}

/** Why a solo save cannot go on, as data: a screen says it in its language (src/present/read-problem.ts). */
export type SoloRefusal =
  | { kind: 'no-save' }
  | { kind: 'no-seat' }
  | { kind: 'unreadable' }
  | { kind: 'save'; problem: ReadProblem };

export type SoloRestore =
  | { ok: true; record: GameRecord; state: GameState; actor: string; migrated: boolean }
  | { ok: false; notice: string; refusal: SoloRefusal };

/** A saved solo game, checked by replaying it, and the seat the player holds in it; or why it cannot go on. */
export function restoreSolo(json: string | null, c: CompiledScenario): SoloRestore {
  if (json === null)
    return { ok: false, notice: 'There is no saved game to continue.', refusal: { kind: 'no-save' } };
  try {
    const restored = restoreSave(json, (id) => (id === c.scenario.meta.id ? c : undefined));
    const actor = Object.keys(restored.state.seats).find((a) => restored.state.seats[a] === 'person');
    if (!actor) {
      const notice = 'This save has no player’s seat in it. Start a new game.';
      return { ok: false, notice, refusal: { kind: 'no-seat' } };
    }
    return { ok: true, record: restored.record, state: restored.state, actor, migrated: restored.migrated };
  } catch (e) {
    if (e instanceof SaveError)
      return {
        ok: false,
        notice: `${e.message} Start a new game.`,
        refusal: { kind: 'save', problem: e.problem },
      };
    return {
      ok: false,
      notice: 'This save cannot be read. Start a new game.',
      refusal: { kind: 'unreadable' },
    };
  }
}
