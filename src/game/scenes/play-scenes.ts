/**
 * The scenes of a game after the title (perspective to debrief): a lazy chunk, added to the running game when the
 * session loads, so that the first download holds only the boot, preload and title scenes.
 */
import type Phaser from 'phaser';
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

/** Adds the scenes, not started; a scene already added (a second call) is left as it is. */
export function addPlayScenes(game: Phaser.Game): void {
  for (const [key, Scene] of PLAY_SCENES) {
    if (!game.scene.getScene(key)) game.scene.add(key, Scene, false);
  }
}
