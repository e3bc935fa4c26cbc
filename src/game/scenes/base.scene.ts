/**
 * What the scenes share: services, layout on resize, reduced motion, text styles scaled by the
 * text-size setting, and the "scene is ready" mark once its first frame is drawn.
 */
import Phaser from 'phaser';
import { direction } from '../../present/i18n/i18n.ts';
import { FONT_STACK, PALETTE } from '../../present/palette.ts';
import type { IndicatorRow, ScreenModel } from '../../present/screens.ts';
import { type Services, services } from '../services.ts';

const RESIZE_SETTLE_MS = 120;

export abstract class BaseScene extends Phaser.Scene {
  private resizeTimer: number | undefined;

  protected get svc(): Services {
    return services(this);
  }

  protected get reducedMotion(): boolean {
    return this.svc.display.reducedMotion;
  }

  protected get size(): { width: number; height: number } {
    return { width: this.scale.gameSize.width, height: this.scale.gameSize.height };
  }

  /**
   * Calls `layout` now and again after each resize has settled; scenes draw from their data inside
   * it, so a phone turned sideways redraws rather than stretches.
   */
  protected layoutOnResize(layout: () => void): void {
    // The DOM panel may have just changed width for this scene (see styles.css); Phaser would only
    // notice at its next periodic check, so measure the stage now and draw at the right size.
    if (this.scale.getParentBounds()) this.scale.refresh();
    layout();
    const onResize = () => {
      window.clearTimeout(this.resizeTimer);
      this.resizeTimer = window.setTimeout(() => {
        if (this.scene.isActive()) layout();
      }, RESIZE_SETTLE_MS);
    };
    this.scale.on('resize', onResize);
    this.events.once('shutdown', () => {
      this.scale.off('resize', onResize);
      window.clearTimeout(this.resizeTimer);
    });
  }

  /** The flow's current screen model, if it is of this kind (it always is when the flow started us). */
  protected screenOf<K extends ScreenModel['kind']>(kind: K): Extract<ScreenModel, { kind: K }> | null {
    const model = this.svc.flow.screen.value;
    return model?.kind === kind ? (model as Extract<ScreenModel, { kind: K }>) : null;
  }

  /** Calls `update` whenever the flow changes the model of this kind while the scene runs. */
  protected onScreenUpdate<K extends ScreenModel['kind']>(
    kind: K,
    update: (model: Extract<ScreenModel, { kind: K }>) => void,
  ): void {
    const unsubscribe = this.svc.flow.screen.subscribe((model) => {
      if (model?.kind === kind) update(model as Extract<ScreenModel, { kind: K }>);
    });
    this.events.once('shutdown', unsubscribe);
  }

  /** Text style maker bound to this scene, for widgets. */
  protected get styler() {
    return (px: number, extra: Phaser.Types.GameObjects.Text.TextStyle = {}) => this.textStyle(px, extra);
  }

  /**
   * The box and text style for the indicator bars (src/game/widgets/indicator-bars.ts) at the player's text size,
   * so that nothing overlaps: the box narrows so that the values (drawn right of it, at the text size) end inside
   * it, and where the labels at that size would run into the bars or the rows into each other, the bars' text is
   * set smaller, just enough to fit (the panel beside the canvas has every label at full size).
   */
  protected fitBars(
    rows: readonly IndicatorRow[],
    box: { x: number; y: number; width: number; height: number },
  ): {
    box: { x: number; y: number; width: number; height: number };
    styler: (
      px: number,
      extra?: Phaser.Types.GameObjects.Text.TextStyle,
    ) => Phaser.Types.GameObjects.Text.TextStyle;
  } {
    // As the widget computes them.
    const rowH = box.height / Math.max(1, rows.length);
    const fontPx = Math.max(11, Math.min(16, rowH * 0.36));
    const valueW = fontPx * 4.6;
    const measure = (text: string) => {
      const t = this.add.text(0, 0, text, this.textStyle(fontPx));
      const size = { width: t.width, height: t.height };
      t.destroy();
      return size;
    };
    const label = Math.max(0, ...rows.map((r) => measure(r.label).width));
    const value = measure('100 ▲ +10');
    const widthFor = (f: number) => box.width - Math.max(0, value.width * f + 8 - valueW);
    let fit = Math.min(1, (rowH * 0.95) / Math.max(1, value.height));
    for (let i = 0; i < 3; i++) fit = Math.min(fit, (widthFor(fit) * 0.55 - 12) / Math.max(1, label));
    fit = Math.max(0.3, fit);
    return {
      box: { ...box, width: widthFor(fit) },
      styler: (px, extra = {}) => this.textStyle(px * fit, extra),
    };
  }

  /** Marks the scene ready for tests and the bench once its first frame has been rendered. */
  protected markReadyAfterFirstFrame(scene: string): void {
    this.game.events.once('postrender', () => this.svc.ui.markReady(scene));
  }

  /**
   * Where a heading that starts `inset` from the edge goes, and its origin. The canvas is laid out the same in both
   * directions (its top-right corner is the captions', styles.css), so the left edge in Arabic too; the origin is
   * said, because Phaser gives right-to-left text an origin of 1 (its right edge).
   */
  protected fromStart(inset: number): { x: number; originX: 0 } {
    return { x: inset, originX: 0 };
  }

  protected textStyle(px: number, options: Partial<Phaser.Types.GameObjects.Text.TextStyle> = {}) {
    return sceneTextStyle(px * this.svc.display.textScale, options);
  }
}

/**
 * A text style at `px` (already scaled). In a right-to-left language the text is drawn with `rtl`, so a line that
 * mixes Arabic and Latin keeps its order, aligned right; and padded above and below, because Phaser measures the
 * line from the font's ascent and descent and cuts what reaches beyond them: the dots under a final ي (في would
 * read فى) and the tails of ج and ر (../shared/notes/field-research-2.md 4.1: a bottom padding of 0.35 em fixes it).
 */
export function sceneTextStyle(
  px: number,
  options: Partial<Phaser.Types.GameObjects.Text.TextStyle> = {},
): Phaser.Types.GameObjects.Text.TextStyle {
  const size = Math.round(px);
  const rtl: Partial<Phaser.Types.GameObjects.Text.TextStyle> =
    direction() === 'rtl'
      ? {
          rtl: true,
          align: 'right',
          padding: { top: Math.ceil(size * 0.15), bottom: Math.ceil(size * 0.4) },
          // Phaser 4.2.1 starts a right-to-left line at the canvas's width times the resolution, in a context already
          // scaled by it (Text.js updateText): at 2 the text is drawn beyond its canvas, and nothing shows.
          resolution: 1,
        }
      : {};
  return {
    fontFamily: FONT_STACK,
    fontSize: `${size}px`,
    color: `#${PALETTE.ink.toString(16).padStart(6, '0')}`,
    resolution: Math.min(2, window.devicePixelRatio || 1),
    ...rtl,
    ...options,
  };
}
