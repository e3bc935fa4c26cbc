/**
 * The situation room: the turn and date, a map of Iraq with the Baghdad inset (the Green Zone drawn
 * in code) and where each actor's strength lies, and the indicators as bars. Everything here is also
 * in the HTML panel, where the decision is made.
 */
import type Phaser from 'phaser';
import { situationView } from '../../ui/views/situation.view.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { drawBaghdadInset, type Inset } from '../art/baghdad-inset.ts';
import { addEmblem } from '../art/emblem-textures.ts';
import type { LonLat } from '../art/iraq-geo.ts';
import { baghdadOn, type DrawnMap, drawIraqMap } from '../art/iraq-map.ts';
import { DISPLAY_FONT_STACK, PALETTE } from '../art/palette.ts';
import type { MapPlace, SituationModel } from '../presenters/screens.ts';
import { drawIndicatorBars } from '../widgets/indicator-bars.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

/** Where the schematic places sit: on the inset (x, y in 0..100) or on the map (lon, lat). */
const ON_INSET: Partial<Record<MapPlace['where'], [number, number]>> = {
  'green-zone': [40, 50],
  'green-zone-gate': [44, 62],
  baghdad: [74, 38],
};
const ON_MAP: Partial<Record<MapPlace['where'], LonLat>> = {
  erbil: [44.01, 36.19],
  'east-border': [46.3, 33.4],
  south: [46.6, 29.6],
};

export class SituationScene extends BaseScene {
  private art: Phaser.GameObjects.Container | null = null;

  constructor() {
    super(SCENES.situation);
  }

  create(): void {
    const model = this.screenOf('situation');
    if (!model) return;
    const { ui, flow } = this.svc;
    const view = situationView(model, flow.handle.bind(flow));
    ui.show(view);
    this.onScreenUpdate('situation', (m) => view.update(m));
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
      const onInset = ON_INSET[place.where];
      const onMap = ON_MAP[place.where];
      const base = onInset ? inset.at(onInset[0], onInset[1]) : onMap ? map.project(onMap) : null;
      if (!base) continue;
      // Several actors at one place sit side by side rather than on top of each other.
      const n = used.get(place.where) ?? 0;
      used.set(place.where, n + 1);
      const emblem = addEmblem(this, place.actor, base.x + n * size * 1.05, base.y, size);
      art.add(emblem);
    }
  }
}
