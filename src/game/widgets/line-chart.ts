/**
 * The debrief chart: every indicator over the turns, one line each, labelled at its end (never by
 * colour alone; the DOM has the same figures as a table).
 */
import type Phaser from 'phaser';
import { PALETTE } from '../../present/palette.ts';
import type { IndicatorRow } from '../../present/screens.ts';

const LINE_COLOURS = [0xe0a526, 0xd9534f, 0x8f6fd1, 0x3fb39a, 0x5b8fd9, 0xc98a4f, 0x6fae5a, 0xc7c7c7];

export function drawLineChart(
  scene: Phaser.Scene,
  rows: readonly IndicatorRow[],
  box: { x: number; y: number; width: number; height: number },
  style: (
    px: number,
    extra?: Phaser.Types.GameObjects.Text.TextStyle,
  ) => Phaser.Types.GameObjects.Text.TextStyle,
): Phaser.GameObjects.Container {
  const container = scene.add.container(0, 0);
  const g = scene.add.graphics();
  container.add(g);
  const labelW = Math.min(190, box.width * 0.3);
  const plot = { x: box.x + 28, y: box.y, width: box.width - labelW - 36, height: box.height - 18 };
  const points = Math.max(2, ...rows.map((r) => r.history?.length ?? 0));
  const min = Math.min(...rows.map((r) => r.min));
  const max = Math.max(...rows.map((r) => r.max));
  const px = (i: number) => plot.x + (i / (points - 1)) * plot.width;
  const py = (v: number) => plot.y + plot.height - ((v - min) / Math.max(1, max - min)) * plot.height;

  g.lineStyle(1, PALETTE.grid, 1);
  for (let v = min; v <= max; v += (max - min) / 4) {
    g.lineBetween(plot.x, py(v), plot.x + plot.width, py(v));
    container.add(
      scene.add
        .text(plot.x - 6, py(v), String(Math.round(v)), style(11, { color: '#9fb0c8' }))
        .setOrigin(1, 0.5),
    );
  }
  const fontPx = 12;
  const ends: { y: number; row: IndicatorRow; colour: number }[] = [];
  rows.forEach((row, i) => {
    const colour = LINE_COLOURS[i % LINE_COLOURS.length] ?? PALETTE.ink;
    if (!row.history) return;
    g.lineStyle(2.5, colour, 1);
    g.beginPath();
    row.history.forEach((v, t) => {
      if (t === 0) g.moveTo(px(t), py(v));
      else g.lineTo(px(t), py(v));
    });
    g.strokePath();
    const last = row.history[row.history.length - 1] ?? 0;
    ends.push({ y: py(last), row, colour });
  });
  // Labels at the line ends, nudged apart so that they never overlap.
  ends.sort((a, b) => a.y - b.y);
  let previous = Number.NEGATIVE_INFINITY;
  for (const end of ends) {
    const y = Math.max(end.y, previous + fontPx + 3);
    previous = y;
    const colour = `#${end.colour.toString(16).padStart(6, '0')}`;
    container.add(
      scene.add
        .text(plot.x + plot.width + 8, y, end.row.label, style(fontPx, { color: colour }))
        .setOrigin(0, 0.5),
    );
  }
  return container;
}
