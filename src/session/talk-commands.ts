// What a seat says, as its command: shared by the solo game, pass-and-play and the classroom's seat page, so that
// every one of them sends a statement the same way. Types only besides: the classroom page's first download takes
// it without the engine.
import type { Command } from '../sim/commands.ts';

/** A statement as its command: to the public when it names no seat; its claim only when it asserts one. */
export function statementOf(
  actor: string,
  text: string,
  to: readonly string[],
  claim?: string,
): Extract<Command, { type: 'statement.publish' }> {
  return {
    type: 'statement.publish' as const,
    actor,
    text,
    ...(to.length > 0 ? { to: [...to] } : {}),
    ...(claim ? { claim } : {}),
  };
}
