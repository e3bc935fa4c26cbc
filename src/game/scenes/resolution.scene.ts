/**
 * Resolution: the turn's headlines at first sight over the map (those the reading presenter keeps, as the panel
 * shows them, as many as fit; and how many more the panel holds), and the indicators as they moved, clear of the
 * corner where the sound captions sit.
 */
import type Phaser from 'phaser';
import { isolate, language, t } from '../../present/i18n/i18n.ts';
import { DISPLAY_FONT_STACK } from '../../present/palette.ts';
import { resolutionFirstSight } from '../../present/reading.presenter.ts';
import type { ResolutionModel } from '../../present/screens.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { drawMap } from '../art/scenario-map.ts';
import { drawIndicatorBars } from '../widgets/indicator-bars.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';
import { captionsCorner } from './situation.scene.ts';

/** Headlines always shown, however short the canvas; more when they fit above the bars. */
const HEADLINES_AT_LEAST = 3;

export class ResolutionScene extends BaseScene {
  private art: Phaser.GameObjects.Container | null = null;

  constructor() {
    super(SCENES.resolution);
  }

  create(): void {
    const model = this.screenOf('resolution');
    if (!model) return;
    this.layoutOnResize(() => this.draw(model));
    this.markReadyAfterFirstFrame(SCENES.resolution);
  }

  private draw(model: ResolutionModel): void {
    this.art?.destroy();
    const { width, height } = this.size;
    const art = this.add.container(0, 0);
    this.art = art;
    art.add(drawBackdrop(this, width, height));
    art.add(
      drawMap(this, this.svc.flow.map, { x: 0, y: 0, width, height }, { strength: 0.2, labels: false })
        .container,
    );
    const headPx = Math.max(14, Math.min(26, width * 0.024));
    const corner = captionsCorner(this.svc.display.textScale);
    // Laid out by measured heights: each line starts below the one before, at any text size.
    const start = this.fromStart(16);
    const heading = this.add
      .text(start.x, 12, t('resolution.canvasHeading', { date: model.turn.date }), {
        ...this.textStyle(headPx, { fontFamily: DISPLAY_FONT_STACK }),
        wordWrap: { width: Math.max(120, width - 32), useAdvancedWrap: true },
      })
      .setOrigin(start.originX, 0);
    art.add(heading);
    let y = heading.y + heading.height + 10;
    const linePx = Math.max(12, Math.min(18, width * 0.016));
    // The headlines wrap short of the captions' corner, when it is the top-right one and leaves them half the
    // width; at a large text size the corner is wider, and they take the width (captions come and go in seconds).
    const scale = this.svc.display.textScale;
    const wrap = width - 32 - corner.top >= width * 0.5 ? width - 32 - corner.top : width - 32;
    // Above the bars, which need rows of the text's height.
    const barsNeed = model.changes.length * 11 * scale * 1.5 + 12;
    const room = Math.max(height * 0.42, height - barsNeed) - 8;
    // The same headlines, in the same order, as the panel's first sight: both read the reading presenter.
    const sight = resolutionFirstSight(model);
    const note = (more: number) =>
      this.add
        .text(start.x, 0, t('resolution.canvasMore', { count: more }), {
          ...this.textStyle(linePx * 0.9, { color: '#9fb0c8' }),
          wordWrap: { width: Math.max(120, width - 32), useAdvancedWrap: true },
        })
        .setOrigin(start.originX, 0);
    let shown = 0;
    for (const { item, kind } of sight.headlines) {
      const text = this.add
        .text(start.x, y, `${kind.toLocaleUpperCase(language())}  ${isolate(item.headline.text)}`, {
          ...this.textStyle(linePx, { color: item.exposed ? '#d9534f' : '#e8edf3' }),
          wordWrap: { width: wrap, useAdvancedWrap: true },
        })
        .setOrigin(start.originX, 0);
      // As many as fit above the bars, at least HEADLINES_AT_LEAST where the canvas holds them, with room left
      // for the line that says how many more the panel has.
      const left = sight.ranked.length - shown - 1;
      const reserve = left > 0 ? linePx * scale * 1.4 + 8 : 0;
      const limit = shown < HEADLINES_AT_LEAST ? height - 12 : room;
      if (y + text.height + reserve > limit) {
        text.destroy();
        break;
      }
      art.add(text);
      y += text.height + 8;
      shown += 1;
    }
    const more = sight.ranked.length - shown;
    if (more > 0) {
      // Said, so that the canvas never reads as the whole turn: every item is in the panel.
      const line = note(more).setY(y);
      art.add(line);
      y += line.height + 8;
    }
    const barsTop = Math.max(y + 8, Math.min(height * 0.42, room + 8));
    if (height - barsTop > 80) {
      // The bars stop short of the captions' corner, when it is the bottom-right one.
      const barsWidth = Math.min(width - 32 - corner.bottom, 720);
      const fitted = this.fitBars(model.changes, {
        x: 16,
        y: barsTop,
        width: barsWidth,
        height: height - barsTop - 12,
      });
      art.add(drawIndicatorBars(this, model.changes, fitted.box, fitted.styler));
    }
  }
}
