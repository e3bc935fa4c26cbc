/**
 * The scenes of a game after the title (perspective to debrief) and the actors' emblems they draw: a lazy chunk,
 * added to the running game when the session loads, so that the first download holds only the boot, preload and
 * title scenes, and the title does not wait for the emblems to decode.
 */
import type Phaser from 'phaser';
import { EmblemImages } from '../art/emblem-images.ts';
import { addEmblemSheet } from '../art/emblem-textures.ts';
import { BriefingScene } from './briefing.scene.ts';
import { DebriefScene } from './debrief.scene.ts';
import { PerspectiveScene } from './perspective.scene.ts';
import { ResolutionScene } from './resolution.scene.ts';
import { SCENES, type SceneKey } from './scene-keys.ts';
import { SituationScene } from './situation.scene.ts';

const PLAY_SCENES: readonly [SceneKey, typeof Phaser.Scene][] = [
  [SCENES.perspective, PerspectiveScene],
  [SCENES.briefing, BriefingScene],
  [SCENES.situation, SituationScene],
  [SCENES.resolution, ResolutionScene],
  [SCENES.debrief, DebriefScene],
];

/**
 * Adds the scenes, not started (a scene already added, by a second call, is left as it is), and the emblems' sheet
 * once they have decoded (an emblem that fails to is a warning, its place left empty): then the scenes can start.
 */
export async function addPlayScenes(game: Phaser.Game): Promise<void> {
  for (const [key, Scene] of PLAY_SCENES) {
    if (!game.scene.getScene(key)) game.scene.add(key, Scene, false);
  }
  addEmblemSheet(game.textures, await new EmblemImages().ready);
}
