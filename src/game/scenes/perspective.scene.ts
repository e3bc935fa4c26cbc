/**
 * Perspective selection: the playable actors' emblems, the selected one raised and ringed. Clicking
 * an emblem picks it (the same intent as the HTML button and the digit key).
 */
import type Phaser from 'phaser';
import { emblemColour } from '../../present/emblems.ts';
import { t } from '../../present/i18n/i18n.ts';
import { DISPLAY_FONT_STACK, PALETTE } from '../../present/palette.ts';
import type { PerspectiveModel } from '../../present/screens.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { addEmblem, queueMissingEmblems } from '../art/emblem-textures.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

export class PerspectiveScene extends BaseScene {
  private art: Phaser.GameObjects.Container | null = null;

  constructor() {
    super(SCENES.perspective);
  }

  preload(): void {
    const model = this.screenOf('perspective');
    if (model)
      queueMissingEmblems(
        this,
        model.actors.map((a) => a.emblem),
      );
  }

  create(): void {
    const model = this.screenOf('perspective');
    if (!model) return;
    // Its HTML is the flow's to show (GameFlow.show), before this scene starts: the canvas draws the same model.
    let current: PerspectiveModel = model;
    this.onScreenUpdate('perspective', (m) => {
      current = m;
      this.draw(m);
    });
    // The canvas is drawn at the scene's first update, before its first frame is rendered: the click that led here
    // (New game) is handled, its HTML view shown and focused, without also waiting in the same task for the drawing
    // and the layout it measures; the frame shows the same (issue 18).
    this.events.once('update', () => this.layoutOnResize(() => this.draw(current)));
    this.markReadyAfterFirstFrame(SCENES.perspective);
  }

  private draw(model: PerspectiveModel): void {
    this.tweens.killAll();
    this.art?.destroy();
    const { width, height } = this.size;
    const art = this.add.container(0, 0);
    this.art = art;
    art.add(drawBackdrop(this, width, height));
    const scale = this.svc.display.textScale;
    const heading = this.add
      .text(width / 2, 12, t('perspective.canvasTitle'), {
        ...this.textStyle(Math.max(18, Math.min(40, width * 0.035)), {
          fontFamily: DISPLAY_FONT_STACK,
          align: 'center',
        }),
        wordWrap: { width: width - 32, useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0);
    heading.setY(Math.max(12, height * 0.09 - heading.height / 2));
    art.add(heading);
    const n = model.actors.length;
    // Cells widen with the text size, so that the names wrap in fewer, shorter lines.
    const columns =
      width > height * 1.2 ? n : Math.min(n, Math.max(2, Math.floor(width / (120 * Math.min(scale, 1.5)))));
    const rows = Math.ceil(n / columns);
    const areaTop = heading.y + heading.height + 16;
    const areaH = height - areaTop - 12;
    const cell = Math.min(width / columns, areaH / rows);
    const cellW = width / columns;
    // Laid out by measured heights: the names first (wrapped to the cell), then the emblems get what is left.
    // Narrow cells (phones) and names that would not fit show the digit only: the names are in the HTML list.
    const labelPx = Math.max(11, Math.min(16, cell * 0.09));
    const makeLabels = (digitsOnly: boolean) =>
      model.actors.map((actor, i) => {
        const short = actor.name.text.replace(/\s*\(.*?\)/g, '');
        const selected = actor.id === model.selected;
        return this.add
          .text(0, 0, digitsOnly ? String(i + 1) : `${i + 1}  ${short}`, {
            ...this.textStyle(labelPx, { color: selected ? emblemColour(actor.emblem) : '#c8d3e3' }),
            align: 'center',
            wordWrap: { width: cellW * 0.92, useAdvancedWrap: true },
          })
          .setOrigin(0.5, 0);
      });
    const rowLabelH = (labels: Phaser.GameObjects.Text[]) =>
      Array.from({ length: rows }, (_, r) =>
        Math.max(0, ...labels.slice(r * columns, (r + 1) * columns).map((l) => l.height)),
      );
    const sizeFor = (labelH: number[]) =>
      Math.min(150, cellW * 0.62, ...labelH.map((h) => (areaH / rows - h - 16) / 1.3));
    let labels = makeLabels(cell < 110);
    let labelH = rowLabelH(labels);
    if (sizeFor(labelH) < 40 && cell >= 110) {
      for (const l of labels) l.destroy();
      labels = makeLabels(true);
      labelH = rowLabelH(labels);
    }
    const size = Math.max(24, sizeFor(labelH));
    const rowH = labelH.map((h) => size * 1.3 + 8 + h + 8);
    const total = rowH.reduce((a, b) => a + b, 0);
    let y = areaTop + Math.max(0, (areaH - total) / 2);
    model.actors.forEach((actor, i) => {
      const col = i % columns;
      const row = Math.floor(i / columns);
      if (col === 0 && row > 0) y += rowH[row - 1]!;
      const rowCount = Math.min(columns, n - row * columns);
      const x = width / 2 + (col - (rowCount - 1) / 2) * cellW;
      const cy = y + size * 0.65;
      const selected = actor.id === model.selected;
      if (selected) {
        const ring = this.add.circle(x, cy, size * 0.62).setStrokeStyle(4, PALETTE.amber, 1);
        art.add(ring);
        if (!this.reducedMotion)
          this.tweens.add({ targets: ring, scale: 1.06, yoyo: true, repeat: -1, duration: 900 });
      }
      const emblem = addEmblem(this, actor.emblem, x, cy, selected ? size * 1.08 : size);
      emblem.setAlpha(model.selected && !selected ? 0.55 : 1);
      emblem.setInteractive({ useHandCursor: true });
      emblem.on('pointerdown', () => this.svc.flow.handle({ type: 'pick-perspective', actorId: actor.id }));
      art.add(emblem);
      art.add(labels[i]!.setPosition(x, y + size * 1.3 + 8));
    });
  }
}
