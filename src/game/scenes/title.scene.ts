/**
 * Title: the logo and the scenario over its map (once loaded; none when the scenario has none), the capital marked. The menu itself is HTML
 * (src/ui/views/title.view.ts), rendered from the same model; the canvas carries no control that the
 * DOM lacks.
 */
import type Phaser from 'phaser';
import { DISPLAY_FONT_STACK, PALETTE } from '../../present/palette.ts';
import type { TitleModel } from '../../present/screens.ts';
import { drawBackdrop } from '../art/backdrop.ts';
import { drawMap } from '../art/scenario-map.ts';
import { BaseScene } from './base.scene.ts';
import { SCENES } from './scene-keys.ts';

function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: 1000 });
  else globalThis.setTimeout(task, 50);
}

export class TitleScene extends BaseScene {
  private art: Phaser.GameObjects.Container | null = null;
  private model!: TitleModel;

  constructor() {
    super(SCENES.title);
  }

  create(): void {
    const { flow, audio } = this.svc;
    this.model = flow.title.value;
    // The menu's HTML is the flow's to show and update (GameFlow.showTitle), before Phaser has started when the
    // language came first: this scene draws the canvas from the same model.
    const unsubscribe = flow.title.subscribe((model) => {
      this.model = model;
      this.draw();
    });
    this.events.once('shutdown', () => {
      unsubscribe();
      this.art = null;
    });
    this.layoutOnResize(() => this.draw());
    this.markReadyAfterFirstFrame(SCENES.title);
    // Sounds load after the first frame, after what New game needs (the session, loading since the page started) and
    // at an idle moment, so that they delay none of them: Howler's start takes the main thread for tens of
    // milliseconds (issue 18). The music starts once decoded.
    this.game.events.once('postrender', () => {
      audio.setMood('calm');
      audio.startMusic();
      void flow
        .prepare()
        .catch(() => null)
        .then(() => whenIdle(() => void audio.ensureLoaded()));
    });
  }

  private draw(): void {
    this.tweens.killAll();
    this.art?.destroy();
    const { width, height } = this.size;
    const art = this.add.container(0, 0);
    this.art = art;
    art.add(drawBackdrop(this, width, height));

    const wide = width > height * 1.1;
    const mapBox = wide
      ? { x: width * 0.38, y: height * 0.08, width: width * 0.58, height: height * 0.84 }
      : { x: width * 0.05, y: height * 0.05, width: width * 0.9, height: height * 0.9 };
    const mapArt = this.svc.flow.map;
    if (mapArt) {
      const map = drawMap(this, mapArt, mapBox, { strength: wide ? 0.75 : 0.35, labels: false });
      art.add(map.container);
      if (map.capital) this.drawCapitalPulse(art, map.capital, Math.min(width, height));
    }

    const unit = Math.min(width, height);
    const titleSize = Math.max(28, Math.min(84, unit * (wide ? 0.11 : 0.16)));
    const x = wide ? width * 0.07 : width / 2;
    const originX = wide ? 0 : 0.5;
    const logo = this.add
      .text(x, 0, 'CRISIS\nTABLE', {
        ...this.textStyle(titleSize, {
          fontFamily: DISPLAY_FONT_STACK,
          fontStyle: 'bold',
          align: wide ? 'left' : 'center',
        }),
        letterSpacing: Math.round(titleSize * 0.08),
        lineSpacing: -Math.round(titleSize * 0.1),
      })
      .setOrigin(originX, 0);
    const subtitle = this.model.scenario?.title ?? '';
    const sub = subtitle
      ? this.add
          .text(x, 0, subtitle, {
            ...this.textStyle(Math.max(14, titleSize * 0.28), { color: '#c9b27c' }),
            wordWrap: { width: wide ? width * 0.32 : width * 0.86, useAdvancedWrap: true },
            align: wide ? 'left' : 'center',
          })
          .setOrigin(originX, 0)
      : null;
    // Laid out by measured sizes: at a large text size the logo keeps inside its side of the canvas and leaves
    // the subtitle room; where even a small logo leaves none (a phone's band of canvas), the subtitle gives way
    // (the panel has the scenario's title).
    const gap = 34;
    const roomW = wide ? width * 0.9 - x : width - 32;
    const roomH = height - 24;
    const logoScale = (subH: number) => Math.min(1, roomW / logo.width, (roomH - gap - subH) / logo.height);
    let shown = sub;
    let scale = logoScale(sub?.height ?? 0);
    if (sub && scale < 0.45) {
      sub.destroy();
      shown = null;
      scale = logoScale(0);
    }
    logo.setScale(Math.max(0.2, scale));
    const total = logo.displayHeight + (shown ? gap + shown.height : 0);
    const centre = height * (wide ? 0.3 : 0.34);
    const top = Math.max(12, Math.min(centre - logo.displayHeight / 2, height - 12 - total));
    logo.setY(top);
    art.add(logo);
    const rule = this.add.graphics();
    rule.fillStyle(PALETTE.amber, 1);
    const ruleY = top + logo.displayHeight + 12;
    const ruleW = Math.min(titleSize * 2, logo.displayWidth);
    rule.fillRect(wide ? x : x - ruleW / 2, ruleY, ruleW, 4);
    art.add(rule);
    if (shown) art.add(shown.setY(ruleY + 16));
  }

  /** A slow radar ring over the capital; still, when the player asks for reduced motion. */
  private drawCapitalPulse(
    art: Phaser.GameObjects.Container,
    at: { x: number; y: number },
    unit: number,
  ): void {
    const radius = Math.max(18, unit * 0.08);
    const ring = this.add.circle(at.x, at.y, radius).setStrokeStyle(2, PALETTE.amber, 0.8);
    art.add(ring);
    if (this.reducedMotion) return;
    ring.setScale(0.2);
    this.tweens.add({
      targets: ring,
      scale: 1.6,
      alpha: 0,
      duration: 2600,
      repeat: -1,
      ease: 'Sine.easeOut',
    });
  }
}
