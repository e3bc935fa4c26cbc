/**
 * The debrief chart: one indicator at a time over the turns (the DOM switches which, and holds every figure
 * as a table), with dates on the axis, this game's key events as numbered markers, and the thresholds that
 * decided the ending as dashed lines, and the model's historical path (the same scenario and seed replayed with
 * the historical choices) as a long-dashed line with hollow points. Colours are Okabe-Ito's, told apart by people
 * with colour-blindness; the label says which indicator it is and a key names the two lines, so colour never
 * carries it alone: the historical path differs by its dash and its points as well.
 */
import type Phaser from 'phaser';
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

/**
 * `history`: this game beside history, one row per turn date. Where the stage is tall enough, a strip under the
 * axis marks each date: chose as the real actor did (filled), another course (hollow), not reported (a dash),
 * reported with nothing to compare (a diamond); shapes, not colours, carry it, and a key says so. The DOM
 * panel's table holds the words and the sources.
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
  const small = box.width < 480;
  const fontPx = small ? 11 : 12;

  const title = scene.add.text(box.x, box.y, series.label, {
    ...style(fontPx + 3, { color: hex(colour), fontStyle: 'bold' }),
    wordWrap: { width: box.width },
  });
  container.add(title);

  // The key events, numbered as on the chart, when there is room below it for their headlines.
  const legend =
    chart.markers.length > 0 && box.height > 320
      ? scene.add.text(
          box.x,
          0,
          chart.markers.map((m) => `${m.number}  ${m.date}: ${m.headline}`).join('\n'),
          { ...style(fontPx, { color: hex(PALETTE.muted) }), wordWrap: { width: box.width } },
        )
      : null;
  // The key of the two lines, when the model's historical path is drawn: a sample of each line and its name.
  const historical = series.historical && series.historical.length > 1 ? series.historical : null;
  const pathColour = historicalColour(colour);
  const key = historical
    ? {
        game: scene.add.text(0, 0, 'This game', style(fontPx, { color: hex(colour) })),
        path: scene.add.text(0, 0, chart.historicalLabel, style(fontPx, { color: hex(pathColour) })),
      }
    : null;
  const keyH = key ? Math.max(key.game.height, key.path.height) + 4 : 0;
  // Above the plot, not below it: the captions of sounds sit at the bottom of the stage.
  const legendH = (legend ? legend.height + 8 : 0) + keyH;
  const axisH = fontPx + 10;
  // The strip beside history: a row of marks and their key, only where the plot keeps room to read.
  const KEY: [Mark, string][] = [
    ['same', 'as the real actor did'],
    ['other', 'another course'],
    ['unreported', 'not reported'],
    ['reported', 'see the table'],
  ];
  const strip =
    history.length > 0 && box.height > 420
      ? [
          scene.add.text(0, 0, 'Beside history:', style(fontPx - 1, { color: hex(PALETTE.muted) })),
          ...KEY.map(([, words]) =>
            scene.add.text(0, 0, words, style(fontPx - 1, { color: hex(PALETTE.muted) })),
          ),
        ]
      : null;
  const stripH = strip ? 16 + strip[0]!.height + 6 : 0;
  const left = 30;
  const plot = {
    x: box.x + left,
    y: box.y + title.height + 14 + legendH,
    width: box.width - left - 8,
    height: box.height - title.height - 14 - axisH - legendH - stripH,
  };
  if (plot.height < 40) {
    key?.game.destroy();
    key?.path.destroy();
    for (const t of strip ?? []) t.destroy();
    return container;
  }
  if (legend) {
    legend.setY(box.y + title.height + 6);
    container.add(legend);
  }

  const g = scene.add.graphics();
  container.add(g);
  if (key) {
    // One line: "── This game   ╌ ╌ Historical path (the model)", wrapped to two on a narrow stage.
    const y = box.y + title.height + 6 + (legend ? legend.height + 8 : 0);
    const sample = 22;
    const mid = y + key.game.height / 2;
    g.lineStyle(3, colour, 1);
    g.lineBetween(box.x, mid, box.x + sample, mid);
    key.game.setPosition(box.x + sample + 6, y);
    const pathX = key.game.x + key.game.width + 16;
    g.lineStyle(2.5, pathColour, 1);
    dashed(g, pathX, mid, pathX + sample, mid, 6, 4);
    key.path.setPosition(pathX + sample + 6, y);
    container.add([key.game, key.path]);
  }
  // The axis holds the later end of this game and of the historical path.
  const points = Math.max(2, chart.axis.length, series.history.length);
  const { min, max } = series;
  const px = (i: number) => plot.x + (i / (points - 1)) * plot.width;
  const py = (v: number) => plot.y + plot.height - ((v - min) / Math.max(1, max - min)) * plot.height;

  g.lineStyle(1, PALETTE.grid, 1);
  for (let k = 0; k <= 4; k++) {
    const v = min + ((max - min) * k) / 4;
    g.lineBetween(plot.x, py(v), plot.x + plot.width, py(v));
    container.add(
      scene.add
        .text(plot.x - 6, py(v), String(Math.round(v)), style(fontPx - 1, { color: '#9fb0c8' }))
        .setOrigin(1, 0.5),
    );
  }

  // Dates on the axis: as many as fit without touching, always the first and the last.
  const labelW = Math.max(...chart.axis.map((a) => a.length)) * fontPx * 0.6 + 10;
  const step = Math.max(1, Math.ceil((labelW * (points - 1)) / plot.width));
  for (let i = 0; i < points; i++) {
    const last = i === points - 1;
    if (i % step !== 0 && !last) continue;
    // The last date is drawn right-aligned at the end: a centred one before it must clear it.
    if (!last && px(points - 1) - px(i) < labelW * 1.5) continue;
    const text = scene.add.text(
      px(i),
      plot.y + plot.height + 4,
      chart.axis[i] ?? '',
      style(fontPx - 1, { color: '#9fb0c8' }),
    );
    text.setOrigin(i === 0 ? 0 : last ? 1 : 0.5, 0);
    container.add(text);
  }

  // This game beside history, at each date's point on the axis (the turn's date is the end of that turn).
  if (strip) {
    const y = plot.y + plot.height + axisH + 8;
    history.forEach((row, t) => {
      if (t + 1 < points) drawMark(g, markOf(row), px(t + 1), y, PALETTE.ink);
    });
    // The key: "Beside history:", then each mark before its words.
    const [lead, ...words] = strip;
    const keyY = y + 10;
    lead!.setPosition(box.x, keyY);
    let x = box.x + lead!.width + 12;
    words.forEach((w, i) => {
      drawMark(g, KEY[i]![0], x + 5, keyY + w.height / 2, PALETTE.ink);
      w.setPosition(x + 14, keyY);
      x += 14 + w.width + 14;
    });
    container.add(strip);
  }

  // The key events of this game: a dashed upright at the end of their turn, numbered as in the list.
  g.lineStyle(1, PALETTE.muted, 0.8);
  for (const m of chart.markers) {
    if (m.point >= points) continue;
    dashed(g, px(m.point), plot.y, px(m.point), plot.y + plot.height);
    g.fillStyle(PALETTE.deep, 1);
    g.fillCircle(px(m.point), plot.y + 8, 8);
    g.strokeCircle(px(m.point), plot.y + 8, 8);
    container.add(
      scene.add.text(px(m.point), plot.y + 8, String(m.number), style(fontPx - 1)).setOrigin(0.5, 0.5),
    );
  }

  // The thresholds that decided the ending, labelled inside the plot so that nothing runs off a phone.
  for (const t of series.thresholds) {
    g.lineStyle(1.5, PALETTE.ink, 0.7);
    dashed(g, plot.x, py(t.value), plot.x + plot.width, py(t.value));
    const above = py(t.value) - plot.y > fontPx + 6;
    container.add(
      scene.add
        .text(plot.x + plot.width, py(t.value) + (above ? -3 : 3), t.text, {
          ...style(fontPx - 1, { color: hex(PALETTE.ink), align: 'right' }),
          wordWrap: { width: plot.width - 24 },
        })
        .setOrigin(1, above ? 1 : 0),
    );
  }

  // The model's historical path: long dashes and hollow points, under this game's line.
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
  series.history.forEach((v, t) => {
    if (t === 0) g.moveTo(px(t), py(v));
    else g.lineTo(px(t), py(v));
  });
  g.strokePath();
  g.fillStyle(colour, 1);
  series.history.forEach((v, t) => {
    g.fillCircle(px(t), py(v), 3);
  });
  return container;
}
