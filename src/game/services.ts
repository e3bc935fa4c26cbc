/**
 * What every scene may use, handed over through the game registry rather than module globals, so
 * that a second game in the same page (the bench plays twenty) gets its own.
 */
import type Phaser from 'phaser';
import type { GameAudio } from '../audio/deferred-audio.ts';
import type { ScreenMirror } from '../present/screens.ts';
import type { GameFlow } from './game-flow.ts';

/** What the scenes draw by, read live from the player's settings (main.ts wires them to src/ui). */
export interface DisplayPrefs {
  /** multiplies the base size of canvas text */
  readonly textScale: number;
  /** the player's choice, or the system's when left to the system */
  readonly reducedMotion: boolean;
}

export interface Services {
  /** the accessible HTML beside the canvas: each scene shows its model there too */
  ui: ScreenMirror;
  display: DisplayPrefs;
  audio: GameAudio;
  flow: GameFlow;
  /** the device's language loaded (its strings are a lazy chunk): the first screen with words waits for it */
  language: Promise<void>;
}

const KEY = 'crisis-table:services';

export function provideServices(game: Phaser.Game, services: Services): void {
  game.registry.set(KEY, services);
}

export function services(scene: Phaser.Scene): Services {
  const found = scene.registry.get(KEY) as Services | undefined;
  if (!found) throw new Error('services were not provided to the game registry');
  return found;
}
