/** Briefing: the chosen actor's emblem large over a faint map, the first turn's date beneath. */
import type Phaser from 'phaser';
import { t } from '../../present/i18n/i18n.ts';
import { DISPLAY_FONT_STACK } from '../../present/palette.ts';
import type { BriefingModel } from '../../present/screens.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { addEmblem, queueMissingEmblems } from '../art/emblem-textures.ts';
import { drawMap } from '../art/scenario-map.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

export class BriefingScene extends BaseScene {
  private art: Phaser.GameObjects.Container | null = null;

  constructor() {
    super(SCENES.briefing);
  }

  preload(): void {
    const model = this.screenOf('briefing');
    if (model) queueMissingEmblems(this, [model.actor.emblem]);
  }

  create(): void {
    const model = this.screenOf('briefing');
    if (!model) return;
    this.layoutOnResize(() => this.draw(model));
    this.markReadyAfterFirstFrame(SCENES.briefing);
  }

  private draw(model: BriefingModel): void {
    this.art?.destroy();
    const { width, height } = this.size;
    const art = this.add.container(0, 0);
    this.art = art;
    art.add(drawBackdrop(this, width, height));
    art.add(
      drawMap(this, this.svc.flow.map, { x: 0, y: 0, width, height }, { strength: 0.25, labels: false })
        .container,
    );
    const px = Math.max(14, Math.min(30, width * 0.028));
    const date = this.add
      .text(width / 2, 0, t('briefing.canvasHeading', { date: model.turn.date }), {
        ...this.textStyle(px, { fontFamily: DISPLAY_FONT_STACK, align: 'center' }),
        wordWrap: { width: width - 32, useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0);
    // The emblem takes what the date (at the player's text size) leaves: both fit, centred a little high.
    const size = Math.max(24, Math.min(Math.min(width, height) * 0.42, height - date.height - 14 - 24));
    const top = Math.max(8, Math.min(height * 0.44 - size / 2, height - 12 - date.height - 14 - size));
    art.add(addEmblem(this, model.actor.emblem, width / 2, top + size / 2, size));
    art.add(date.setY(top + size + 14));
  }
}
