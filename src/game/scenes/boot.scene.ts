/**
 * Boot: the first scene. Nothing to load yet; it paints the background at once (so the page never
 * flashes white) and hands over to the preload scene, which has the progress bar.
 */

import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

export class BootScene extends BaseScene {
  constructor() {
    super(SCENES.boot);
  }

  create(): void {
    this.scene.start(SCENES.preload);
  }
}
