/**
 * Indicator bars for the canvas: one row per indicator with its label, a bar (or a hatched "?" when
 * unknown) and the trend as an arrow and a signed number. Drawn once per layout, not per frame.
 */
import type Phaser from 'phaser';
import { direction, formatNumber } from '../../present/i18n/i18n.ts';
import { signed } from '../../present/indicators.presenter.ts';
import { PALETTE } from '../../present/palette.ts';
import type { IndicatorRow } from '../../present/screens.ts';

// "=" for unchanged: a square read as an empty checkbox.
const ARROWS = { up: '▲', down: '▼', steady: '=', unknown: '?' } as const;
/** Good or bad for the player's actor, not up or down: a rise of street anger and of state authority differ. */
const TONE_FILL = { good: PALETTE.teal, bad: PALETTE.red, neutral: PALETTE.sand } as const;

export function drawIndicatorBars(
  scene: Phaser.Scene,
  rows: readonly IndicatorRow[],
  box: { x: number; y: number; width: number; height: number },
  style: (
    px: number,
    extra?: Phaser.Types.GameObjects.Text.TextStyle,
  ) => Phaser.Types.GameObjects.Text.TextStyle,
): Phaser.GameObjects.Container {
  const container = scene.add.container(0, 0);
  // In a right-to-left language the rows mirror: the label at the right edge, the bar growing leftwards from it.
  const rtl = direction() === 'rtl';
  const mx = (x: number, w = 0) => (rtl ? box.x + box.width - (x - box.x) - w : x);
  const rowH = box.height / Math.max(1, rows.length);
  const fontPx = Math.max(11, Math.min(16, rowH * 0.36));
  // Labels first, so that the bars start after the widest one at any text size.
  const labels = rows.map((row, i) =>
    scene.add
      .text(mx(box.x), box.y + i * rowH + rowH / 2, row.label, style(fontPx, { color: '#c8d3e3' }))
      .setOrigin(rtl ? 1 : 0, 0.5),
  );
  container.add(labels);
  const labelW = Math.min(box.width * 0.55, Math.max(...labels.map((l) => l.width))) + 12;
  const valueW = fontPx * 4.6;
  const barX = box.x + labelW;
  const barW = Math.max(24, box.width - labelW - valueW);
  const g = scene.add.graphics();
  container.add(g);
  rows.forEach((row, i) => {
    const y = box.y + i * rowH + rowH / 2;
    g.fillStyle(PALETTE.grid, 1);
    g.fillRect(mx(barX, barW), y - rowH * 0.16, barW, rowH * 0.32);
    if (row.value === null) {
      g.lineStyle(1, PALETTE.muted, 0.6);
      for (let x = barX; x < barX + barW; x += 8)
        g.lineBetween(mx(x), y + rowH * 0.16, mx(x + 6), y - rowH * 0.16);
    } else {
      const share = (row.value - row.min) / Math.max(1, row.max - row.min);
      g.fillStyle(TONE_FILL[row.tone], 1);
      g.fillRect(mx(barX, barW * share), y - rowH * 0.16, barW * share, rowH * 0.32);
    }
    const value = row.value === null ? '?' : formatNumber(row.value);
    const trend = row.trend === 'unknown' ? '' : `${ARROWS[row.trend]} ${row.delta ? signed(row.delta) : ''}`;
    container.add(
      scene.add
        .text(mx(barX + barW + 8), y, `${value} ${trend}`.trim(), style(fontPx, { color: '#e8edf3' }))
        .setOrigin(rtl ? 1 : 0, 0.5),
    );
  });
  return container;
}
