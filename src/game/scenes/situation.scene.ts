/**
 * The situation room: the turn and date, a map of Iraq with the Baghdad inset (the Green Zone drawn
 * in code) and where each actor's strength lies, and the indicators as bars. Everything here is also
 * in the HTML panel, where the decision is made.
 */
import type Phaser from 'phaser';
import { DISPLAY_FONT_STACK, PALETTE } from '../../present/palette.ts';
import type { MapActed, MapPlace, SituationModel } from '../../present/screens.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { drawBaghdadInset, type Inset } from '../art/baghdad-inset.ts';
import { addEmblem } from '../art/emblem-textures.ts';
import { baghdadOn, clearLabels, type DrawnMap, drawIraqMap } from '../art/iraq-map.ts';
import { ON_INSET, ON_MAP } from '../art/map-places.ts';
import { drawIndicatorBars } from '../widgets/indicator-bars.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

/**
 * When the sound captions sit at the canvas's bottom-right rather than its top-right: the same media query as
 * the phones' layout in src/ui/styles.css (the captions box is the DOM's; this scene only keeps its corner free).
 */
const CAPTIONS_AT_BOTTOM = '(max-width: 52rem), (max-aspect-ratio: 4 / 5)';

/** The captions' corner in CSS pixels: their widest box (13rem, 8rem on phones) and its margins. */
export function captionsCorner(scale: number): { top: number; bottom: number } {
  const rem = 16 * scale;
  const bottom = window.matchMedia(CAPTIONS_AT_BOTTOM).matches;
  return bottom
    ? { top: 0, bottom: Math.min(8 * rem, window.innerWidth * 0.36) + rem }
    : { top: 14 * rem, bottom: 0 };
}

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
    const emblemSize = Math.max(16, insetSize * 0.11);
    this.drawPlaces(art, model.places, map, inset, emblemSize);
    this.drawActed(art, model.mapThisTurn ?? [], map, inset, emblemSize);
    // The markers on the map of Iraq (not the inset) keep the city names they would cover readable.
    // Several actors at one place sit side by side (drawPlaces): each emblem counts.
    const onMap: { x: number; y: number }[] = [];
    const seen = new Map<string, number>();
    for (const place of [
      ...model.places.map((p) => p.place),
      ...(model.mapThisTurn ?? []).map((m) => m.place),
    ]) {
      if (!Object.hasOwn(ON_MAP, place) || Object.hasOwn(ON_INSET, place)) continue;
      const base = placeOnScreen(place, map, inset);
      const n = seen.get(place) ?? 0;
      seen.set(place, n + 1);
      if (base) onMap.push({ x: base.x + n * emblemSize * 1.05, y: base.y });
    }
    clearLabels(map, onMap, emblemSize * 0.75);

    if (wide || tall) {
      const barsTop = wide ? top + insetSize + 28 : mapBox.y + mapBox.height + 12;
      const barsBox = wide
        ? { x: width * 0.58, y: barsTop, width: width * 0.4, height: height - barsTop - 12 }
        : { x: 12, y: barsTop, width: width - 24, height: height - barsTop - 12 };
      // The bars stop short of the captions' corner, when it is the bottom-right one.
      barsBox.width -= captionsCorner(this.svc.display.textScale).bottom;
      if (barsBox.height > 80 && barsBox.width > 160)
        art.add(drawIndicatorBars(this, model.indicators, barsBox, this.styler));
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
      const base = placeOnScreen(place.place, map, inset);
      if (!base) continue;
      // Several actors at one place sit side by side rather than on top of each other.
      const n = used.get(place.place) ?? 0;
      used.set(place.place, n + 1);
      const emblem = addEmblem(this, place.emblem, base.x + n * size * 1.05, base.y, size);
      art.add(emblem);
    }
  }

  /**
   * The places where actors acted in the last turn: a ring around the place (pulsing, unless motion is
   * reduced) and a badge with how many things were done or said there, so the map changes with the game.
   */
  private drawActed(
    art: Phaser.GameObjects.Container,
    acted: readonly MapActed[],
    map: DrawnMap,
    inset: Inset,
    size: number,
  ): void {
    for (const place of acted) {
      const base = placeOnScreen(place.place, map, inset);
      if (!base) continue;
      // The emblems of a place start at its point and run right: the ring is centred on the first one.
      const radius = size * 0.75;
      const ring = this.add.graphics({ x: base.x, y: base.y });
      ring.lineStyle(2.5, PALETTE.amber, 0.95);
      ring.strokeCircle(0, 0, radius);
      art.add(ring);
      if (!this.reducedMotion) {
        const pulse = this.add.graphics({ x: base.x, y: base.y });
        pulse.lineStyle(2, PALETTE.amber, 0.8);
        pulse.strokeCircle(0, 0, radius);
        art.add(pulse);
        this.tweens.add({
          targets: pulse,
          scale: { from: 1, to: 1.7 },
          alpha: { from: 0.8, to: 0 },
          duration: 1400,
          repeat: -1,
        });
      }
      // The digit follows the text size setting (textStyle scales it), so the badge grows with it.
      const scale = this.svc.display.textScale;
      const badgeR = Math.max(8, size * 0.32) * scale;
      // Top-right of the ring: the city labels run right of their dots, so top-left would cover a neighbour's.
      const bx = base.x + radius * 0.75;
      const by = base.y - radius * 0.75;
      const badge = this.add.graphics();
      badge.fillStyle(PALETTE.amber, 1);
      badge.fillCircle(bx, by, badgeR);
      art.add(badge);
      art.add(
        this.add
          .text(bx, by, String(place.count), this.textStyle((badgeR * 1.2) / scale, { color: '#0a1220' }))
          .setOrigin(0.5, 0.5),
      );
    }
  }
}

/** Where a place of the scenario is drawn: on the inset, on the map, or nowhere (the art does not know it). */
function placeOnScreen(place: string, map: DrawnMap, inset: Inset): { x: number; y: number } | null {
  // Own properties only: a place id is scenario data, and "constructor" is no place on the map.
  const onInset = Object.hasOwn(ON_INSET, place) ? ON_INSET[place] : undefined;
  const onMap = Object.hasOwn(ON_MAP, place) ? ON_MAP[place] : undefined;
  return onInset ? inset.at(onInset[0], onInset[1]) : onMap ? map.project(onMap) : null;
}
