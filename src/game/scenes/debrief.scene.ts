/**
 * Debrief: the outcome's name, and one indicator over the turns as a dated line chart with this game's key
 * events, the model's historical path, and (where the stage is tall enough) a strip marking each date where the
 * player chose as the real actor did; the DOM panel's switch asks the flow for another indicator, and holds every
 * figure and the table of this game beside history.
 */
import type Phaser from 'phaser';
import { t } from '../../present/i18n/i18n.ts';
import { DISPLAY_FONT_STACK } from '../../present/palette.ts';
import type { DebriefModel } from '../../present/screens.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { drawLineChart } from '../widgets/line-chart.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

export class DebriefScene extends BaseScene {
  private art: Phaser.GameObjects.Container | null = null;
  private selected = '';

  constructor() {
    super(SCENES.debrief);
  }

  create(): void {
    const model = this.screenOf('debrief');
    if (!model) return;
    this.selected = model.chart.selected;
    // The chart's indicator is the model's: the panel's switch asks the flow, and both layers redraw from it (the
    // panel's HTML is the flow's to show and update, GameFlow.show).
    this.onScreenUpdate('debrief', (next) => {
      this.selected = next.chart.selected;
      if (this.scene.isActive()) this.draw(next);
    });
    this.layoutOnResize(() => this.draw(model));
    this.markReadyAfterFirstFrame(SCENES.debrief);
  }

  private draw(model: DebriefModel): void {
    this.art?.destroy();
    const { width, height } = this.size;
    const art = this.add.container(0, 0);
    this.art = art;
    art.add(drawBackdrop(this, width, height));
    // On a phone's short band the chart needs all the room; the outcome's name heads the panel below it.
    let top = 12;
    if (height >= 300) {
      const headPx = Math.max(16, Math.min(34, width * 0.03));
      const start = this.fromStart(16);
      const title = this.add
        .text(start.x, 12, model.outcome?.title.text ?? t('debrief.heading'), {
          ...this.textStyle(headPx, { fontFamily: DISPLAY_FONT_STACK, color: '#e0a526' }),
          wordWrap: { width: width - 32 },
        })
        .setOrigin(start.originX, 0);
      art.add(title);
      top += title.height + 12;
    }
    if (height - top > 90) {
      art.add(
        drawLineChart(
          this,
          model.chart,
          this.selected,
          { x: 16, y: top, width: width - 32, height: height - top - 12 },
          this.styler,
          model.history,
        ),
      );
    }
  }
}
