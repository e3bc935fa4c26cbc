/**
 * The Phaser game: renderer from the query string, sized to the stage, no Phaser audio (Howler has it). It starts
 * with the preload and title scenes; the game flow adds the others (scenes/play-scenes.ts, a lazy chunk) with the session.
 */
import Phaser from 'phaser';
import { PALETTE } from '../present/palette.ts';
import { rendererFromQuery } from './renderer-choice.ts';
import { PreloadScene } from './scenes/preload.scene.ts';
import { TitleScene } from './scenes/title.scene.ts';

export function createPhaserGame(parent: HTMLElement): Phaser.Game {
  return new Phaser.Game({
    type: rendererFromQuery(window.location.search),
    parent,
    backgroundColor: PALETTE.night,
    banner: false,
    // The DOM layer handles the keyboard; Phaser keeps only pointer input for the canvas.
    input: { keyboard: false, gamepad: false },
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    render: { antialias: true },
    // The preload scene first: it starts the title as soon as the language has come (a Boot scene before it, which
    // did nothing, cost the title a frame; issue 18).
    scene: [PreloadScene, TitleScene],
  });
}
