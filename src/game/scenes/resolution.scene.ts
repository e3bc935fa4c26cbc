/** Resolution: the headlines of the turn over the map, and the indicators as they moved. */
import type Phaser from 'phaser';
import { DISPLAY_FONT_STACK } from '../../present/palette.ts';
import type { ResolutionModel } from '../../present/screens.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { drawIraqMap } from '../art/iraq-map.ts';
import { drawIndicatorBars } from '../widgets/indicator-bars.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

const HEADLINES_SHOWN = 3;

export class ResolutionScene extends BaseScene {
  private art: Phaser.GameObjects.Container | null = null;

  constructor() {
    super(SCENES.resolution);
  }

  create(): void {
    const model = this.screenOf('resolution');
    if (!model) return;
    this.svc.ui.showScreen(model);
    this.layoutOnResize(() => this.draw(model));
    this.markReadyAfterFirstFrame(SCENES.resolution);
  }

  private draw(model: ResolutionModel): void {
    this.art?.destroy();
    const { width, height } = this.size;
    const art = this.add.container(0, 0);
    this.art = art;
    art.add(drawBackdrop(this, width, height));
    art.add(drawIraqMap(this, { x: 0, y: 0, width, height }, { strength: 0.2, labels: false }).container);
    const headPx = Math.max(14, Math.min(26, width * 0.024));
    art.add(
      this.add.text(
        16,
        12,
        `What happened · ${model.turn.date}`,
        this.textStyle(headPx, { fontFamily: DISPLAY_FONT_STACK }),
      ),
    );
    let y = 12 + headPx * 2;
    const linePx = Math.max(12, Math.min(18, width * 0.016));
    for (const item of model.news.slice(0, HEADLINES_SHOWN)) {
      const text = this.add.text(16, y, `${item.kindLabel.toUpperCase()}  ${item.headline.text}`, {
        ...this.textStyle(linePx, { color: item.exposed ? '#d9534f' : '#e8edf3' }),
        wordWrap: { width: width - 32 },
      });
      art.add(text);
      y += text.height + 8;
    }
    const barsTop = Math.max(y + 8, height * 0.42);
    if (height - barsTop > 80) {
      art.add(
        drawIndicatorBars(
          this,
          model.changes,
          { x: 16, y: barsTop, width: Math.min(width - 32, 720), height: height - barsTop - 12 },
          this.styler,
        ),
      );
    }
  }
}
