/**
 * The situation room: the turn and date, a map of Iraq with the Baghdad inset (the Green Zone drawn
 * in code) and where each actor's strength lies, and the indicators as bars. Everything here is also
 * in the HTML panel, where the decision is made.
 */
import type Phaser from 'phaser';
import { DISPLAY_FONT_STACK, PALETTE } from '../../present/palette.ts';
import type { MapPlace, SituationModel } from '../../present/screens.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { drawBaghdadInset, type Inset } from '../art/baghdad-inset.ts';
import { addEmblem } from '../art/emblem-textures.ts';
import { baghdadOn, type DrawnMap, drawIraqMap } from '../art/iraq-map.ts';
import { ON_INSET, ON_MAP } from '../art/map-places.ts';
import { drawIndicatorBars } from '../widgets/indicator-bars.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

export class SituationScene extends BaseScene {
  private art: Phaser.GameObjects.Container | null = null;

  constructor() {
    super(SCENES.situation);
  }

  create(): void {
    const model = this.screenOf('situation');
    if (!model) return;
    const update = this.svc.ui.showScreen(model);
    this.onScreenUpdate('situation', update);
    this.layoutOnResize(() => this.draw(model));
    this.markReadyAfterFirstFrame(SCENES.situation);
  }

  private draw(model: SituationModel): void {
    this.tweens.killAll();
    this.art?.destroy();
    const { width, height } = this.size;
    const art = this.add.container(0, 0);
    this.art = art;
    art.add(drawBackdrop(this, width, height));
    const wide = width > height * 1.15;
    const headPx = Math.max(13, Math.min(24, width * 0.022));
    const { turn } = model;
    art.add(
      this.add
        .text(
          16,
          12,
          `Turn ${turn.index + 1} of ${turn.count} · ${turn.date}`,
          this.textStyle(headPx, { fontFamily: DISPLAY_FONT_STACK }),
        )
        .setOrigin(0, 0),
    );
    const top = 12 + headPx * 1.8;
    const tall = !wide && height > 420;
    const mapBox = wide
      ? { x: 8, y: top, width: width * 0.56, height: height - top - 8 }
      : { x: 8, y: top, width: width * 0.55, height: (tall ? height * 0.55 : height) - top - 8 };
    const map = drawIraqMap(this, mapBox, {
      strength: 0.9,
      labels: true,
      labelStyle: this.textStyle(11, { color: '#9fb0c8' }),
    });
    art.add(map.container);

    const insetSize = wide
      ? Math.min(width * 0.4, height * 0.42)
      : Math.min(width * 0.4, mapBox.height * 0.9);
    const insetX = wide ? width * 0.58 : width * 0.58;
    const inset = drawBaghdadInset(
      this,
      { x: insetX, y: top + 8, size: insetSize },
      this.textStyle(11, { color: '#c8d3e3' }),
    );
    art.add(inset.container);
    this.connect(art, map, inset);
    this.drawPlaces(art, model.places, map, inset, Math.max(16, insetSize * 0.11));

    if (wide || tall) {
      const barsTop = wide ? top + insetSize + 28 : mapBox.y + mapBox.height + 12;
      const barsBox = wide
        ? { x: width * 0.58, y: barsTop, width: width * 0.4, height: height - barsTop - 12 }
        : { x: 12, y: barsTop, width: width - 24, height: height - barsTop - 12 };
      if (barsBox.height > 80) art.add(drawIndicatorBars(this, model.indicators, barsBox, this.styler));
    }
  }

  /** A thin line from Baghdad on the map to the inset, so the two read as one place. */
  private connect(art: Phaser.GameObjects.Container, map: DrawnMap, inset: Inset): void {
    const from = baghdadOn(map);
    const to = inset.at(0, 50);
    const g = this.add.graphics();
    g.lineStyle(1, PALETTE.amber, 0.6);
    g.lineBetween(from.x, from.y, to.x - 6, to.y);
    art.add(g);
  }

  private drawPlaces(
    art: Phaser.GameObjects.Container,
    places: readonly MapPlace[],
    map: DrawnMap,
    inset: Inset,
    size: number,
  ): void {
    const used = new Map<string, number>();
    for (const place of places) {
      // Own properties only: a place id is scenario data, and "constructor" is no place on the map.
      const onInset = Object.hasOwn(ON_INSET, place.place) ? ON_INSET[place.place] : undefined;
      const onMap = Object.hasOwn(ON_MAP, place.place) ? ON_MAP[place.place] : undefined;
      const base = onInset ? inset.at(onInset[0], onInset[1]) : onMap ? map.project(onMap) : null;
      if (!base) continue;
      // Several actors at one place sit side by side rather than on top of each other.
      const n = used.get(place.place) ?? 0;
      used.set(place.place, n + 1);
      const emblem = addEmblem(this, place.emblem, base.x + n * size * 1.05, base.y, size);
      art.add(emblem);
    }
  }
}
