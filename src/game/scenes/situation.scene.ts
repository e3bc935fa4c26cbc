/**
 * The situation room: the turn and date, the scenario's map with its inset (Baghdad's Green Zone, say), both
 * drawn from the scenario's map data, and where each actor's strength lies, and the indicators as bars.
 * Everything here is also in the HTML panel, where the decision is made.
 */
import type Phaser from 'phaser';
import { formatNumber, t } from '../../present/i18n/i18n.ts';
import { DISPLAY_FONT_STACK, PALETTE } from '../../present/palette.ts';
import { type MapLegendEntry, mapLegend } from '../../present/places.ts';
import type { MapActed, MapPlace, SituationModel } from '../../present/screens.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { addEmblem } from '../art/emblem-textures.ts';
import { drawInset, type Inset, zoneSpots } from '../art/inset.ts';
import { around, boundsOf, intersects, placeLabels, type Rect, spotsAround } from '../art/label-layout.ts';
import { type DrawnMap, drawMap, placeOnArt } from '../art/scenario-map.ts';
import type { MapArt } from '../session/scenario-bundle.ts';
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
    const start = this.fromStart(16);
    const heading = this.add
      .text(
        start.x,
        12,
        t('situation.canvasHeading', { turn: turn.index + 1, total: turn.count, date: turn.date }),
        {
          ...this.textStyle(headPx, { fontFamily: DISPLAY_FONT_STACK }),
          wordWrap: { width: width - 32, useAdvancedWrap: true },
        },
      )
      .setOrigin(start.originX, 0);
    art.add(heading);
    // Everything below is laid out by measured sizes: at twice the text size no label may cover another.
    const top = heading.y + heading.height + 10;
    const tall = !wide && height > 420;
    const column = wide ? { x: 8, width: width * 0.56 } : { x: 8, width: width - 16 };
    // The legend: every emblem the map shows, whom it stands for. Left out where it would crowd out the map
    // (a phone's band of canvas); the panel has it in any case. Where the bars sit below, they give it half its room.
    const mapArt = this.svc.flow.map;
    const legend = this.drawLegend(
      mapLegend(model.places, (place) => placeOnArt(mapArt, place) !== null),
      column,
    );
    let legendH = legend ? legend.height + 8 : 0;
    const sectionBottom = wide ? height - 8 : tall ? height * 0.55 + legendH / 2 : height - 8;
    if (legend && legendH > (sectionBottom - top) * 0.45) {
      legend.container.destroy();
      legendH = 0;
    } else if (legend) art.add(legend.container);

    const mapBottom = sectionBottom - legendH;
    const mapBox = wide
      ? { x: 8, y: top, width: width * 0.56, height: mapBottom - top }
      : { x: 8, y: top, width: width * 0.55, height: mapBottom - top - 8 };
    const cityStyle = this.textStyle(11, { color: '#9fb0c8' });
    const map = drawMap(this, mapArt, mapBox, { strength: 0.9, labels: true, labelStyle: cityStyle });
    art.add(map.container);
    legend?.container.setY(mapBottom);

    const insetSize = wide
      ? Math.min(width * 0.4, height * 0.42)
      : Math.min(width * 0.4, mapBox.height * 0.9);
    // The inset, when the scenario's map has one; where it has none, the bars move up into its place.
    const inset = mapArt?.inset
      ? drawInset(
          this,
          mapArt.inset,
          { x: width * 0.58, y: top + 8, size: insetSize },
          this.textStyle(11, { color: '#c8d3e3' }),
        )
      : null;
    if (inset) {
      art.add(inset.container);
      this.connect(art, map, inset, mapArt?.inset?.city ?? '');
    }
    const emblemSize = Math.max(16, insetSize * 0.11);
    const where = (place: string) => screenPoint(mapArt, place, map, inset);
    const emblems = this.drawPlaces(art, model.places, where, emblemSize);

    // The bars: under the inset on a wide canvas, under the map and its legend on a tall one, none on a short one.
    let barsBox: Rect | null = null;
    if (wide || tall) {
      const insetBottom = inset ? inset.frame.y + inset.frame.height + 16 : top + 8;
      const barsTop = wide ? insetBottom : mapBottom + legendH + 4;
      const box = wide
        ? { x: width * 0.58, y: barsTop, width: width * 0.4, height: height - barsTop - 12 }
        : { x: 12, y: barsTop, width: width - 24, height: height - barsTop - 12 };
      // The bars stop short of the captions' corner, when it is the bottom-right one.
      box.width -= captionsCorner(this.svc.display.textScale).bottom;
      if (box.height > 80 && box.width > 160) barsBox = box;
    }

    // What is placed, in order: the heading, the inset's title, the badges of this turn, then the zone's name and
    // the city names, each where it is clear of all that (or hidden: the panel names every place).
    const texts: Rect[] = [boundsOf(heading), ...(inset ? [boundsOf(inset.title)] : [])];
    if (legend) texts.push(...legend.boxes.map((b) => ({ ...b, y: b.y + mapBottom })));
    this.drawActed(art, model.mapThisTurn ?? [], where, emblemSize, texts);
    const whole = { x: 0, y: 0, width, height: mapBottom };
    if (inset?.zoneLabel && mapArt?.inset) {
      const spots = zoneSpots(mapArt.inset, inset);
      placeLabels([{ text: inset.zoneLabel, spots }], [...texts, ...emblems], inset.frame);
      texts.push(boundsOf(inset.zoneLabel));
    }
    placeLabels(
      map.labels.map((l) => ({ text: l.text, spots: spotsAround(l.dot, 8) })),
      [...texts, ...emblems, ...(inset ? [inset.frame] : []), ...(barsBox ? [barsBox] : [])],
      whole,
    );

    if (barsBox) {
      const fitted = this.fitBars(model.indicators, barsBox);
      art.add(drawIndicatorBars(this, model.indicators, fitted.box, fitted.styler));
    }
  }

  /**
   * The legend, drawn at y = 0 (the caller moves it under the map): each emblem small beside whom it stands for,
   * in as many columns as fit, every row as tall as its tallest entry.
   */
  private drawLegend(
    entries: readonly MapLegendEntry[],
    column: { x: number; width: number },
  ): { container: Phaser.GameObjects.Container; height: number; boxes: Rect[] } | null {
    if (entries.length === 0) return null;
    const scale = this.svc.display.textScale;
    const icon = Math.round(Math.max(14, 15 * scale));
    // As many columns as keep it shortest: long names wrap in narrow ones.
    let best: { container: Phaser.GameObjects.Container; height: number; boxes: Rect[] } | null = null;
    const most = Math.max(1, Math.min(entries.length, 4, Math.floor(column.width / (70 * scale))));
    for (let columns = most; columns >= 1; columns--) {
      const container = this.add.container(0, 0);
      const cellW = column.width / columns;
      const boxes: Rect[] = [];
      let y = 0;
      for (let row = 0; row * columns < entries.length; row++) {
        let rowH = icon;
        entries.slice(row * columns, (row + 1) * columns).forEach((entry, i) => {
          const x = column.x + i * cellW;
          const image = addEmblem(this, entry.emblem, x + icon / 2, y + icon / 2, icon).setName(
            `legend:${entry.emblem}`,
          );
          const text = this.add
            .text(x + icon + 5, y, entry.short, {
              ...this.textStyle(11, { color: '#c8d3e3' }),
              wordWrap: { width: cellW - icon - 12, useAdvancedWrap: true },
            })
            // Placed by its left edge (Phaser gives right-to-left text an origin of 1).
            .setOrigin(0, 0);
          container.add([image, text]);
          boxes.push({ x: text.x, y: text.y, width: text.width, height: text.height });
          rowH = Math.max(rowH, text.height);
        });
        y += rowH + 4;
      }
      const drawn = { container, height: y - 4, boxes };
      if (best && best.height <= drawn.height) container.destroy();
      else {
        best?.container.destroy();
        best = drawn;
      }
    }
    return best;
  }

  /** A thin line from the inset's city on the map to the inset, so the two read as one place. */
  private connect(art: Phaser.GameObjects.Container, map: DrawnMap, inset: Inset, city: string): void {
    const from = map.city(city);
    if (!from) return;
    const to = inset.at(0, 50);
    const g = this.add.graphics();
    g.lineStyle(1, PALETTE.amber, 0.6);
    g.lineBetween(from.x, from.y, to.x - 6, to.y);
    art.add(g);
  }

  private drawPlaces(
    art: Phaser.GameObjects.Container,
    places: readonly MapPlace[],
    where: (place: string) => { x: number; y: number } | null,
    size: number,
  ): Rect[] {
    const used = new Map<string, number>();
    const drawn: Rect[] = [];
    for (const place of places) {
      const base = where(place.place);
      if (!base) continue;
      // Several actors at one place sit side by side rather than on top of each other.
      const n = used.get(place.place) ?? 0;
      used.set(place.place, n + 1);
      const at = { x: base.x + n * size * 1.05, y: base.y };
      art.add(addEmblem(this, place.emblem, at.x, at.y, size).setName(`emblem:${place.emblem}`));
      drawn.push(around(at, size / 2));
    }
    return drawn;
  }

  /**
   * The places where actors acted in the last turn: a ring around the place (pulsing, unless motion is
   * reduced) and a badge with how many things were done or said there, so the map changes with the game.
   */
  private drawActed(
    art: Phaser.GameObjects.Container,
    acted: readonly MapActed[],
    where: (place: string) => { x: number; y: number } | null,
    size: number,
    taken: Rect[],
  ): void {
    for (const place of acted) {
      const base = where(place.place);
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
      // The digit follows the text size setting (textStyle scales it), so the badge grows with it. Top-right of
      // the ring (the city labels run right of their dots, so top-left would cover a neighbour's), or the first
      // other corner clear of the badges and labels placed before it; smaller where neighbouring places' badges
      // meet at a large text size, and left out where none fits (the panel lists every count).
      const scale = this.svc.display.textScale;
      const corners = [
        [0.75, -0.75],
        [0.75, 0.75],
        [-0.75, -0.75],
        [-0.75, 0.75],
      ] as const;
      let badge: { x: number; y: number; r: number } | null = null;
      for (const r of [Math.max(8, size * 0.32) * scale, Math.max(8, size * 0.32)]) {
        const free = corners
          .map(([dx, dy]) => ({ x: base.x + radius * dx, y: base.y + radius * dy }))
          .find((p) => !taken.some((t) => intersects(around(p, r), t, 1)));
        if (free) {
          badge = { ...free, r };
          break;
        }
      }
      if (!badge) continue;
      taken.push(around(badge, badge.r));
      const disc = this.add.graphics();
      disc.fillStyle(PALETTE.amber, 1);
      disc.fillCircle(badge.x, badge.y, badge.r);
      art.add(disc);
      art.add(
        this.add
          .text(
            badge.x,
            badge.y,
            formatNumber(place.count),
            this.textStyle((badge.r * 1.2) / scale, { color: '#0a1220' }),
          )
          .setOrigin(0.5, 0.5),
      );
    }
  }
}

/** Where a place of the scenario is on screen: on the inset, on the map, or nowhere (the map data does not place it). */
function screenPoint(
  art: MapArt | null,
  place: string,
  map: DrawnMap,
  inset: Inset | null,
): { x: number; y: number } | null {
  const where = placeOnArt(art, place);
  if (!where) return null;
  if ('inset' in where) return inset ? inset.at(where.inset[0], where.inset[1]) : null;
  return map.project(where.map);
}
