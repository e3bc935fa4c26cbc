/**
 * Preload: the actors' emblems, drawn as SVG in code and decoded since the page started (see
 * emblem-images.ts), become one texture; the canvas bar and the DOM <progress> show the same count.
 *
 * Sounds are not waited for: nothing on the title needs them, and in headless Chromium starting the
 * audio service alone takes 300 ms or more. The title scene starts loading them once it is drawn,
 * and the music comes in when ready.
 */

import type Phaser from 'phaser';
import { t } from '../../present/i18n/i18n.ts';
import { PALETTE } from '../../present/palette.ts';
import { addEmblemSheet } from '../art/emblem-textures.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

export class PreloadScene extends BaseScene {
  private bar!: Phaser.GameObjects.Graphics;
  private label!: Phaser.GameObjects.Text;
  private progress: (fraction: number, what: string) => void = () => {};

  constructor() {
    super(SCENES.preload);
  }

  create(): void {
    const { ui, emblems, flow } = this.svc;
    // Emblems decode from the first moment (main.ts); when they are already done there is nothing to
    // show progress for, and the title comes a frame sooner.
    if (emblems.settled) {
      void emblems.ready.then((images) => {
        addEmblemSheet(this, images);
        flow.showTitle();
      });
      return;
    }
    this.progress = ui.showLoading();
    this.bar = this.add.graphics();
    this.label = this.add.text(0, 0, '', this.textStyle(16, { color: '#9fb0c8' })).setOrigin(0.5, 0);
    const unsubscribe = emblems.onProgress((done, total) => this.drawProgress(done, total));
    void emblems.ready.then((images) => {
      unsubscribe();
      if (!this.scene.isActive()) return;
      addEmblemSheet(this, images);
      flow.showTitle();
    });
  }

  private drawProgress(done: number, total: number): void {
    const fraction = total === 0 ? 1 : done / total;
    const { width, height } = this.size;
    const barWidth = Math.min(420, width * 0.7);
    const x = (width - barWidth) / 2;
    const y = height / 2;
    this.bar.clear();
    this.bar.fillStyle(PALETTE.grid, 1);
    this.bar.fillRoundedRect(x, y - 6, barWidth, 12, 6);
    this.bar.fillStyle(PALETTE.amber, 1);
    this.bar.fillRoundedRect(x, y - 6, Math.max(12, barWidth * fraction), 12, 6);
    const what = t('loading.emblems', { done, total });
    this.label.setText(what).setPosition(width / 2, y + 16);
    this.progress(fraction, what);
  }
}
