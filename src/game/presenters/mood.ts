/**
 * The music's mood from the indicators the player can see. A presentation choice, not a game rule:
 * the crisis sounds as tense as the violence and the tension between the Shia camps look to this
 * player. Unknown indicators do not count; with none visible the music stays calm.
 */
import type { Mood } from '../../audio/cues.ts';
import type { IndicatorRow } from './screens.ts';

/** Indicators that make the music tense, by id (as named in the scenario). */
const TENSION_INDICATORS = ['violence', 'shiaTension'];
const TENSE_FROM = 0.45;
const CRITICAL_FROM = 0.65;

export function moodFor(rows: readonly IndicatorRow[]): Mood {
  const levels = rows
    .filter((r) => TENSION_INDICATORS.includes(r.id) && r.value !== null && r.max > r.min)
    .map((r) => ((r.value as number) - r.min) / (r.max - r.min));
  if (levels.length === 0) return 'calm';
  const level = Math.max(...levels);
  return level >= CRITICAL_FROM ? 'critical' : level >= TENSE_FROM ? 'tense' : 'calm';
}
