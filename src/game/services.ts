/**
 * What every scene may use, handed over through the game registry rather than module globals, so
 * that a second game in the same page (the bench plays twenty) gets its own.
 */
import type Phaser from 'phaser';
import type { AudioManager } from '../audio/audio-manager.ts';
import type { DomLayer } from '../ui/dom-layer.ts';
import type { SettingsStore } from '../ui/settings-store.ts';
import type { EmblemImages } from './art/emblem-images.ts';
import type { GameFlow } from './game-flow.ts';

export interface Services {
  ui: DomLayer;
  audio: AudioManager;
  settings: SettingsStore;
  flow: GameFlow;
  emblems: EmblemImages;
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
