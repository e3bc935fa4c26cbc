/**
 * The music's mood from the indicators the player can see. A presentation choice, not a game rule:
 * the crisis sounds as tense as the indicators the scenario marks with a `tension` weight look to
 * this player (in the Baghdad scenario, the violence and the tension between the Shia camps).
 * Unknown indicators do not count; with none visible the music stays calm.
 */
import type { Lookup } from './lookup.ts';
import type { IndicatorRow, Mood } from './screens.ts';

// Shares of an indicator's range, after its weight: where the music turns tense, then critical.
const TENSE_FROM = 0.45;
const CRITICAL_FROM = 0.65;

export function moodFor(rows: readonly IndicatorRow[], lookup: Lookup): Mood {
  const levels = rows
    .filter((r) => lookup.tension(r.id) > 0 && r.value !== null && r.max > r.min)
    .map((r) => (lookup.tension(r.id) * ((r.value as number) - r.min)) / (r.max - r.min));
  if (levels.length === 0) return 'calm';
  const level = Math.max(...levels);
  return level >= CRITICAL_FROM ? 'critical' : level >= TENSE_FROM ? 'tense' : 'calm';
}
