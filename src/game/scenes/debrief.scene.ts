/** Debrief: the outcome's name, and every indicator over the turns as a labelled line chart. */
import type Phaser from 'phaser';
import { DISPLAY_FONT_STACK } from '../../present/palette.ts';
import type { DebriefModel } from '../../present/screens.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { drawLineChart } from '../widgets/line-chart.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

export class DebriefScene extends BaseScene {
  private art: Phaser.GameObjects.Container | null = null;

  constructor() {
    super(SCENES.debrief);
  }

  create(): void {
    const model = this.screenOf('debrief');
    if (!model) return;
    this.svc.ui.showScreen(model);
    this.layoutOnResize(() => this.draw(model));
    this.markReadyAfterFirstFrame(SCENES.debrief);
  }

  private draw(model: DebriefModel): void {
    this.art?.destroy();
    const { width, height } = this.size;
    const art = this.add.container(0, 0);
    this.art = art;
    art.add(drawBackdrop(this, width, height));
    const headPx = Math.max(16, Math.min(34, width * 0.03));
    const title = this.add.text(16, 12, model.outcome?.title.text ?? 'Debrief', {
      ...this.textStyle(headPx, { fontFamily: DISPLAY_FONT_STACK, color: '#e0a526' }),
      wordWrap: { width: width - 32 },
    });
    art.add(title);
    const top = 12 + title.height + 16;
    if (height - top > 100) {
      art.add(
        drawLineChart(
          this,
          model.indicators,
          { x: 16, y: top, width: width - 32, height: height - top - 16 },
          this.styler,
        ),
      );
    }
  }
}
