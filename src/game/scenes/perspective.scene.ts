/**
 * Perspective selection: the playable actors' emblems, the selected one raised and ringed. Clicking
 * an emblem picks it (the same intent as the HTML button and the digit key).
 */
import type Phaser from 'phaser';
import { emblemColour } from '../../present/emblems.ts';
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
    const update = this.svc.ui.showScreen(model);
    let current: PerspectiveModel = model;
    this.onScreenUpdate('perspective', (m) => {
      current = m;
      update(m);
      this.draw(m);
    });
    this.layoutOnResize(() => this.draw(current));
    this.markReadyAfterFirstFrame(SCENES.perspective);
  }

  private draw(model: PerspectiveModel): void {
    this.tweens.killAll();
    this.art?.destroy();
    const { width, height } = this.size;
    const art = this.add.container(0, 0);
    this.art = art;
    art.add(drawBackdrop(this, width, height));
    const n = model.actors.length;
    const columns = width > height * 1.2 ? n : Math.min(n, Math.max(2, Math.floor(width / 120)));
    const rows = Math.ceil(n / columns);
    const cell = Math.min(width / columns, (height * 0.78) / rows);
    const size = Math.min(150, cell * 0.62);
    const top = height * 0.18 + (height * 0.78 - rows * cell) / 2;
    art.add(
      this.add
        .text(
          width / 2,
          height * 0.09,
          'Whose crisis is it?',
          this.textStyle(Math.max(18, Math.min(40, width * 0.035)), { fontFamily: DISPLAY_FONT_STACK }),
        )
        .setOrigin(0.5, 0.5),
    );
    model.actors.forEach((actor, i) => {
      const col = i % columns;
      const row = Math.floor(i / columns);
      const rowCount = Math.min(columns, n - row * columns);
      const x = width / 2 + (col - (rowCount - 1) / 2) * cell;
      const y = top + row * cell + cell * 0.4;
      const selected = actor.id === model.selected;
      if (selected) {
        const ring = this.add.circle(x, y, size * 0.62).setStrokeStyle(4, PALETTE.amber, 1);
        art.add(ring);
        if (!this.reducedMotion)
          this.tweens.add({ targets: ring, scale: 1.06, yoyo: true, repeat: -1, duration: 900 });
      }
      const emblem = addEmblem(this, actor.emblem, x, y, selected ? size * 1.08 : size);
      emblem.setAlpha(model.selected && !selected ? 0.55 : 1);
      emblem.setInteractive({ useHandCursor: true });
      emblem.on('pointerdown', () => this.svc.flow.handle({ type: 'pick-perspective', actorId: actor.id }));
      art.add(emblem);
      // Narrow cells (phones) show the digit only: the names are in the HTML list right below.
      const short = actor.name.text.replace(/\s*\(.*?\)/g, '');
      const label = cell < 110 ? String(i + 1) : `${i + 1}  ${short}`;
      art.add(
        this.add
          .text(x, y + size * 0.62 + 8, label, {
            ...this.textStyle(Math.max(11, Math.min(16, cell * 0.09)), {
              color: selected ? emblemColour(actor.emblem) : '#c8d3e3',
            }),
            align: 'center',
            wordWrap: { width: cell * 0.92 },
          })
          .setOrigin(0.5, 0),
      );
    });
  }
}
