/**
 * The debrief chart: one indicator at a time over the turns (the DOM switches which, and holds every figure
 * as a table), with dates on the axis, this game's key events as numbered markers, and the thresholds that
 * decided the ending as dashed lines. Colours are Okabe-Ito's, told apart by people with colour-blindness;
 * the label says which indicator it is, so colour never carries it alone.
 */
import type Phaser from 'phaser';
import { PALETTE } from '../../present/palette.ts';
import type { DebriefChart } from '../../present/screens.ts';

/** Okabe-Ito, in an order that keeps neighbours apart; the dark blue lightened to read on the night backdrop. */
const LINE_COLOURS = [0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x3c8dd0, 0xd55e00, 0xcc79a7, 0xbbbbbb];

type Styler = (
  px: number,
  extra?: Phaser.Types.GameObjects.Text.TextStyle,
) => Phaser.Types.GameObjects.Text.TextStyle;

const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

/** A dashed line: Phaser's Graphics has none. */
function dashed(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number): void {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const dash = 5;
  for (let d = 0; d < length; d += dash * 2) {
    const e = Math.min(length, d + dash);
    g.lineBetween(
      x1 + ((x2 - x1) * d) / length,
      y1 + ((y2 - y1) * d) / length,
      x1 + ((x2 - x1) * e) / length,
      y1 + ((y2 - y1) * e) / length,
    );
  }
}

export function drawLineChart(
  scene: Phaser.Scene,
  chart: DebriefChart,
  selected: string,
  box: { x: number; y: number; width: number; height: number },
  style: Styler,
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
  // Above the plot, not below it: the captions of sounds sit at the bottom of the stage.
  const legendH = legend ? legend.height + 8 : 0;
  const axisH = fontPx + 10;
  const left = 30;
  const plot = {
    x: box.x + left,
    y: box.y + title.height + 14 + legendH,
    width: box.width - left - 8,
    height: box.height - title.height - 14 - axisH - legendH,
  };
  if (plot.height < 40) return container;
  if (legend) {
    legend.setY(box.y + title.height + 6);
    container.add(legend);
  }

  const g = scene.add.graphics();
  container.add(g);
  const points = Math.max(2, series.history.length);
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
