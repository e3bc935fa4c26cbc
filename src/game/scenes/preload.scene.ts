/**
 * Preload: waits for the device's language (its strings are a lazy chunk, loading since the page started), then
 * starts the title. The page's splash says it is loading meanwhile, and the DOM <progress> when it takes longer than
 * Phaser's start. The emblems and the sounds are not waited for: nothing on the title needs them (the emblems decode
 * with the later scenes, scenes/play-scenes.ts; the title scene starts the sounds once it is drawn).
 */
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

export class PreloadScene extends BaseScene {
  constructor() {
    super(SCENES.preload);
  }

  create(): void {
    const { ui, flow, language } = this.svc;
    let arrived = false;
    void language.then(() => {
      arrived = true;
      // The title's HTML may be up already (main.ts shows it when the language comes), and New game chosen: the canvas
      // starts at the flow's current screen.
      if (this.scene.isActive()) flow.resume();
    });
    // Not there yet: the DOM layer says so with a <progress> (already there: the title comes without it).
    void Promise.resolve().then(() => {
      if (!arrived && this.scene.isActive()) ui.showLoading()(0, 'Loading the game…');
    });
  }
}
