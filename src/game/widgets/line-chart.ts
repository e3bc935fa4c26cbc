/**
 * The debrief chart: one indicator at a time over the turns (the DOM switches which, and holds every figure
 * as a table), with dates on the axis, this game's key events as numbered markers, and the thresholds that
 * decided the ending as dashed lines, and the model's historical path (the same scenario and seed replayed with
 * the historical choices) as a long-dashed line with hollow points. Colours are Okabe-Ito's, told apart by people
 * with colour-blindness; the label says which indicator it is and a key names the two lines, so colour never
 * carries it alone: the historical path differs by its dash and its points as well.
 */

import type Phaser from 'phaser';
import { formatNumber, t } from '../../present/i18n/i18n.ts';
import { PALETTE } from '../../present/palette.ts';
import type { DebriefChart, HistoryRow } from '../../present/screens.ts';

/** Okabe-Ito, in an order that keeps neighbours apart; the dark blue lightened to read on the night backdrop. */
const LINE_COLOURS = [0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x3c8dd0, 0xd55e00, 0xcc79a7, 0xbbbbbb];

type Styler = (
  px: number,
  extra?: Phaser.Types.GameObjects.Text.TextStyle,
) => Phaser.Types.GameObjects.Text.TextStyle;

const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

/** The historical path's colour: reddish purple, or sky blue where the indicator's own line is reddish purple. */
function historicalColour(colour: number): number {
  return colour === 0xcc79a7 ? 0x56b4e9 : 0xcc79a7;
}

/** A dashed line: Phaser's Graphics has none. */
function dashed(
  g: Phaser.GameObjects.Graphics,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  dash = 5,
  gap = dash,
): void {
  const length = Math.hypot(x2 - x1, y2 - y1);
  for (let d = 0; d < length; d += dash + gap) {
    const e = Math.min(length, d + dash);
    g.lineBetween(
      x1 + ((x2 - x1) * d) / length,
      y1 + ((y2 - y1) * d) / length,
      x1 + ((x2 - x1) * e) / length,
      y1 + ((y2 - y1) * e) / length,
    );
  }
}

/**
 * The strip's marks: the player chose as the real actor did, another course, the sources report nothing, or
 * they report something no option of the game stands for (the table says what).
 */
type Mark = 'same' | 'other' | 'unreported' | 'reported';

/** The length of a line's sample in the key. */
const KEY_SAMPLE = 22;

/** The strip's key: each mark and its words. */
const keyOf = (): [Mark, string][] => [
  ['same', t('chart.same')],
  ['other', t('chart.other')],
  ['unreported', t('chart.unreported')],
  ['reported', t('chart.reported')],
];

function markOf(row: HistoryRow): Mark {
  if (row.real === null) return 'unreported';
  return row.same === null ? 'reported' : row.same ? 'same' : 'other';
}

function drawMark(g: Phaser.GameObjects.Graphics, mark: Mark, x: number, y: number, colour: number): void {
  g.lineStyle(1.5, colour, 1);
  g.fillStyle(colour, 1);
  if (mark === 'same') g.fillCircle(x, y, 4.5);
  else if (mark === 'other') g.strokeCircle(x, y, 4.5);
  else if (mark === 'unreported') g.lineBetween(x - 4, y, x + 4, y);
  else {
    g.lineBetween(x, y - 5, x + 5, y);
    g.lineBetween(x + 5, y, x, y + 5);
    g.lineBetween(x, y + 5, x - 5, y);
    g.lineBetween(x - 5, y, x, y - 5);
  }
}

type Text = Phaser.GameObjects.Text;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A text's box on the stage, from its position, origin and measured size (the text scale included). */
function boxOf(t: Text): Rect {
  return { x: t.x - t.originX * t.width, y: t.y - t.originY * t.height, width: t.width, height: t.height };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(a: Rect, area: Rect): boolean {
  return (
    a.x >= area.x - 0.5 &&
    a.y >= area.y - 0.5 &&
    a.x + a.width <= area.x + area.width + 0.5 &&
    a.y + a.height <= area.y + area.height + 0.5
  );
}

/**
 * Puts a text at the first of its places that lies in the area and covers nothing already placed; a text with no
 * such place is removed (what it says is in the panel too). Measured sizes, so that 200% text is placed as drawn.
 */
function place(t: Text, places: [x: number, y: number, ox: number, oy: number][], area: Rect, taken: Rect[]) {
  for (const [x, y, ox, oy] of places) {
    t.setPosition(x, y).setOrigin(ox, oy);
    const box = boxOf(t);
    if (inside(box, area) && !taken.some((b) => overlaps(box, b))) {
      taken.push(box);
      return true;
    }
  }
  t.destroy();
  return false;
}

/** Words laid in rows that wrap at the width: each item's x and row; returns the rows' total height. */
function flow(
  items: { width: number; height: number }[],
  width: number,
  gap: number,
): { at: [number, number][]; height: number } {
  const at: [number, number][] = [];
  let x = 0;
  let row = 0;
  const rowH = Math.max(0, ...items.map((i) => i.height)) + 4;
  for (const item of items) {
    if (x > 0 && x + item.width > width) {
      x = 0;
      row++;
    }
    at.push([x, row * rowH]);
    x += item.width + gap;
  }
  return { at, height: items.length > 0 ? (row + 1) * rowH : 0 };
}

/** The dates on the axis: as many as fit without touching, always the first and the last, by measured width. */
function axisDates(labels: Text[], px: (i: number) => number, y: number, gap: number): void {
  const last = labels.length - 1;
  labels.forEach((t, i) => {
    t.setPosition(px(i), y).setOrigin(i === 0 ? 0 : i === last ? 1 : 0.5, 0);
  });
  const lastBox = boxOf(labels[last]!);
  let right = boxOf(labels[0]!).x + labels[0]!.width;
  for (let i = 1; i < last; i++) {
    const box = boxOf(labels[i]!);
    if (box.x < right + gap || box.x + box.width > lastBox.x - gap) labels[i]!.destroy();
    else right = box.x + box.width;
  }
  // Two points only, or a last date that reaches the first: the first stays, the last goes.
  if (last > 0 && lastBox.x < boxOf(labels[0]!).x + labels[0]!.width + gap) labels[last]!.destroy();
}

/**
 * `history`: this game beside history, one row per turn date. Where the stage is tall enough, a strip under the
 * axis marks each date: chose as the real actor did (filled), another course (hollow), not reported (a dash),
 * reported with nothing to compare (a diamond); shapes, not colours, carry it, and a key says so. The DOM
 * panel's table holds the words and the sources. Every label is placed by its measured size, so that nothing
 * covers another or leaves the stage on a phone or with the text at 200%.
 */
export function drawLineChart(
  scene: Phaser.Scene,
  chart: DebriefChart,
  selected: string,
  box: { x: number; y: number; width: number; height: number },
  style: Styler,
  history: readonly HistoryRow[] = [],
): Phaser.GameObjects.Container {
  const container = scene.add.container(0, 0);
  const index = Math.max(
    0,
    chart.series.findIndex((s) => s.id === selected),
  );
  const series = chart.series[index];
  if (!series?.history) return container;
  const colour = LINE_COLOURS[index % LINE_COLOURS.length] ?? PALETTE.ink;
  const fontPx = box.width < 480 ? 11 : 12;
  const text = (words: string, s: Phaser.Types.GameObjects.Text.TextStyle): Text => {
    // Origin 0: Phaser gives right-to-left text an origin of 1, and this chart places every text by its left edge.
    const t = scene.add.text(0, 0, words, s).setOrigin(0, 0);
    container.add(t);
    return t;
  };
  const muted = (px: number) => style(px, { color: hex(PALETTE.muted) });
  const title = text(series.label, {
    ...style(fontPx + 3, { color: hex(colour), fontStyle: 'bold' }),
    wordWrap: { width: box.width },
  }).setPosition(box.x, box.y);
  // The graphics under every label but the title's.
  const g = scene.add.graphics();
  container.add(g);

  // The key of the two lines, when the model's historical path is drawn: a sample of each line and its name.
  const historical = series.historical && series.historical.length > 1 ? series.historical : null;
  const pathColour = historicalColour(colour);
  const key = historical
    ? [
        text(t('chart.thisGame'), style(fontPx, { color: hex(colour) })),
        text(chart.historicalLabel, style(fontPx, { color: hex(pathColour) })),
      ]
    : [];
  const keyFlow = flow(
    key.map((t) => ({ width: KEY_SAMPLE + 6 + t.width, height: t.height })),
    box.width,
    16,
  );
  // The strip beside history: a row of marks and its key.
  const stripWords =
    history.length > 0
      ? [
          text(t('chart.besideHistory'), muted(fontPx - 1)),
          ...keyOf().map(([, w]) => text(w, muted(fontPx - 1))),
        ]
      : [];
  const stripFlow = flow(
    stripWords.map((t, i) => ({ width: (i === 0 ? 0 : 14) + t.width, height: t.height })),
    box.width,
    12,
  );
  // The scale and the dates, measured.
  const ticks = [0, 1, 2, 3, 4].map((k) => series.min + ((series.max - series.min) * k) / 4);
  const tickLabels = ticks.map((v) =>
    text(formatNumber(Math.round(v)), style(fontPx - 1, { color: '#9fb0c8' })),
  );
  const points = Math.max(2, chart.axis.length, series.history.length);
  const dateLabels = Array.from({ length: points }, (_, i) =>
    text(chart.axis[i] ?? '', style(fontPx - 1, { color: '#9fb0c8' })),
  );
  const axisH = Math.max(...dateLabels.map((t) => t.height)) + 6;
  const left = Math.max(30, ...tickLabels.map((t) => t.width + 10));
  const tickHalf = Math.max(...tickLabels.map((t) => t.height)) / 2;

  const base = box.height - title.height - 14 - keyFlow.height - axisH - tickHalf;
  const legend = eventsLegend(
    chart,
    (words, px) => text(words, { ...muted(px), wordWrap: { width: box.width } }),
    {
      fontPx,
      spare: base - ROOM,
      tall: box.height > 320,
    },
  );
  const legendH = legend ? legend.height + 8 : 0;
  const stripH = stripWords.length > 0 ? 16 + stripFlow.height + 2 : 0;
  const withStrip = stripWords.length > 0 && box.height > 420 && base - legendH - stripH >= ROOM;
  if (!withStrip) for (const t of stripWords) t.destroy();
  const top = box.y + title.height + 6;
  const plot = {
    x: box.x + left,
    y: top + legendH + keyFlow.height + 8 + tickHalf,
    width: box.width - left - 8,
    height: base - legendH - (withStrip ? stripH : 0) - 8,
  };
  if (plot.height < 40) {
    // No room to read a chart: the title alone, and the panel's table.
    for (const child of container.list.filter((c) => c !== title)) child.destroy();
    return container;
  }
  legend?.setPosition(box.x, top);

  drawKey(g, key, keyFlow.at, { x: box.x, y: top + legendH }, [colour, pathColour]);
  const { min, max } = series;
  const px = (i: number) => plot.x + (i / (points - 1)) * plot.width;
  const py = (v: number) => plot.y + plot.height - ((v - min) / Math.max(1, max - min)) * plot.height;

  drawScale(g, ticks, tickLabels, plot, py);
  axisDates(dateLabels, px, plot.y + plot.height + 4, 8);

  if (withStrip)
    drawStrip(
      g,
      stripWords,
      stripFlow.at,
      history,
      { x: box.x, y: plot.y + plot.height + axisH + 8 },
      px,
      points,
    );
  const taken = drawMarkers(scene, container, g, chart, plot, px, points, style(fontPx - 1));
  drawThresholds(g, series.thresholds, plot, py, taken, (words) =>
    text(words, {
      // On the night backdrop, so that the lines it lies over do not cross its letters.
      ...style(fontPx - 1, {
        color: hex(PALETTE.ink),
        align: 'right',
        backgroundColor: `${hex(PALETTE.deep)}cc`,
      }),
      wordWrap: { width: plot.width - 24 },
    }),
  );

  drawLines(g, series.history, historical, px, py, [colour, pathColour]);
  return container;
}

/** The least height the plot keeps: a legend or a strip that would leave it less is left out. */
const ROOM = 120;

/**
 * The key events, numbered as on the chart: their headlines where the stage is tall and the plot keeps its room
 * (`spare`: the height there is to give), else one line saying where the panel lists them, else nothing.
 */
function eventsLegend(
  chart: DebriefChart,
  make: (words: string, px: number) => Text,
  { fontPx, spare, tall }: { fontPx: number; spare: number; tall: boolean },
): Text | null {
  if (chart.markers.length === 0) return null;
  const full = make(
    chart.markers
      .map((m) => t('chart.marker', { number: m.number, date: m.date, headline: m.headline }))
      .join('\n'),
    fontPx,
  );
  if (tall && full.height + 8 <= spare) return full;
  full.destroy();
  const pointer = make(t('chart.pointer', { last: chart.markers.length }), fontPx - 1);
  if (pointer.height + 8 <= spare) return pointer;
  pointer.destroy();
  return null;
}

/** The key of the two lines: "── This game   ╌ ╌ Historical path (the model)", in rows that wrap on a narrow stage. */
function drawKey(
  g: Phaser.GameObjects.Graphics,
  key: Text[],
  at: [number, number][],
  origin: { x: number; y: number },
  [colour, pathColour]: [number, number],
): void {
  const sample = KEY_SAMPLE;
  key.forEach((t, i) => {
    const [x, dy] = at[i]!;
    const mid = origin.y + dy + t.height / 2;
    if (i === 0) {
      g.lineStyle(3, colour, 1);
      g.lineBetween(origin.x + x, mid, origin.x + x + sample, mid);
    } else {
      g.lineStyle(2.5, pathColour, 1);
      dashed(g, origin.x + x, mid, origin.x + x + sample, mid, 6, 4);
    }
    t.setPosition(origin.x + x + sample + 6, origin.y + dy);
  });
}

/** Every grid line; its value where the labels have room: all five, the ends and the middle, or the ends alone. */
function drawScale(
  g: Phaser.GameObjects.Graphics,
  ticks: number[],
  labels: Text[],
  plot: Rect,
  py: (v: number) => number,
): void {
  g.lineStyle(1, PALETTE.grid, 1);
  const tickH = Math.max(...labels.map((t) => t.height)) + 2;
  const every = [1, 2, 4].find((n) => (plot.height * n) / 4 >= tickH) ?? 4;
  ticks.forEach((v, k) => {
    g.lineBetween(plot.x, py(v), plot.x + plot.width, py(v));
    if (k % every === 0) labels[k]!.setPosition(plot.x - 6, py(v)).setOrigin(1, 0.5);
    else labels[k]!.destroy();
  });
}

/** The model's historical path (long dashes, hollow points), then this game's line over it. */
function drawLines(
  g: Phaser.GameObjects.Graphics,
  game: readonly number[],
  historical: readonly number[] | null,
  px: (i: number) => number,
  py: (v: number) => number,
  [colour, pathColour]: [number, number],
): void {
  if (historical) {
    g.lineStyle(2.5, pathColour, 1);
    for (let t = 1; t < historical.length; t++) {
      dashed(g, px(t - 1), py(historical[t - 1]!), px(t), py(historical[t]!), 8, 5);
    }
    g.lineStyle(1.5, pathColour, 1);
    historical.forEach((v, t) => {
      g.strokeRect(px(t) - 3, py(v) - 3, 6, 6);
    });
  }
  g.lineStyle(3, colour, 1);
  g.beginPath();
  game.forEach((v, t) => {
    if (t === 0) g.moveTo(px(t), py(v));
    else g.lineTo(px(t), py(v));
  });
  g.strokePath();
  g.fillStyle(colour, 1);
  game.forEach((v, t) => {
    g.fillCircle(px(t), py(v), 3);
  });
}

/** The strip beside history at each date's point on the axis (a turn's date is its end), and its key in rows. */
function drawStrip(
  g: Phaser.GameObjects.Graphics,
  words: Text[],
  at: [number, number][],
  history: readonly HistoryRow[],
  origin: { x: number; y: number },
  px: (i: number) => number,
  points: number,
): void {
  history.forEach((row, t) => {
    if (t + 1 < points) drawMark(g, markOf(row), px(t + 1), origin.y, PALETTE.ink);
  });
  const keyY = origin.y + 10;
  words.forEach((w, i) => {
    const [x, dy] = at[i]!;
    if (i === 0) {
      w.setPosition(origin.x + x, keyY + dy);
      return;
    }
    drawMark(g, keyOf()[i - 1]![0], origin.x + x + 5, keyY + dy + w.height / 2, PALETTE.ink);
    w.setPosition(origin.x + x + 14, keyY + dy);
  });
}

/**
 * The key events of this game: a dashed upright at the end of their turn, numbered as in the list; events of the
 * same date are stacked down the upright, not drawn one over the other. Returns the boxes they hold.
 */
function drawMarkers(
  scene: Phaser.Scene,
  container: Phaser.GameObjects.Container,
  g: Phaser.GameObjects.Graphics,
  chart: DebriefChart,
  plot: Rect,
  px: (i: number) => number,
  points: number,
  numberStyle: Phaser.Types.GameObjects.Text.TextStyle,
): Rect[] {
  const taken: Rect[] = [];
  const uprights = new Set<number>();
  g.lineStyle(1, PALETTE.muted, 0.8);
  for (const m of chart.markers) {
    if (m.point >= points) continue;
    const number = scene.add.text(0, 0, formatNumber(m.number), numberStyle).setOrigin(0.5, 0.5);
    container.add(number);
    const r = Math.max(8, number.height / 2 + 1, number.width / 2 + 3);
    const x = px(m.point);
    // Down the upright until it clears every marker drawn: events of one date, or of dates close on a phone.
    let k = 0;
    const at = (n: number) => ({ x: x - r, y: plot.y + n * (2 * r + 2), width: 2 * r, height: 2 * r });
    while (taken.some((b) => overlaps(at(k), b))) k++;
    const y = at(k).y + r;
    if (!uprights.has(m.point)) dashed(g, x, plot.y, x, plot.y + plot.height);
    uprights.add(m.point);
    g.fillStyle(PALETTE.deep, 1);
    g.fillCircle(x, y, r);
    g.strokeCircle(x, y, r);
    number.setPosition(x, y);
    taken.push({ x: x - r, y: y - r, width: 2 * r, height: 2 * r });
  }
  return taken;
}

/**
 * The thresholds that decided the ending: dashed lines, each labelled inside the plot, right or left, above or
 * below its line, wherever it covers no marker and no other label; else by its value alone ("84 or above"), which
 * the panel's line under the switch names in full; else the line alone.
 */
function drawThresholds(
  g: Phaser.GameObjects.Graphics,
  thresholds: DebriefChart['series'][number]['thresholds'],
  plot: Rect,
  py: (v: number) => number,
  taken: Rect[],
  label: (words: string) => Text,
): void {
  for (const t of thresholds) {
    g.lineStyle(1.5, PALETTE.ink, 0.7);
    const y = py(t.value);
    dashed(g, plot.x, y, plot.x + plot.width, y);
    const places: [number, number, number, number][] = [
      [plot.x + plot.width, y - 3, 1, 1],
      [plot.x + plot.width, y + 3, 1, 0],
      [plot.x + 4, y - 3, 0, 1],
      [plot.x + 4, y + 3, 0, 0],
    ];
    if (place(label(t.text), places, plot, taken)) continue;
    const short = t.text.slice(t.text.lastIndexOf(': ') + 2);
    if (short !== t.text) place(label(short), places, plot, taken);
  }
}
