/**
 * What New game waits for, beyond the engine and the views the class page shares (their own chunks, vite.config.ts):
 * the solo session and the solo half of the game flow, the presenters and the screens' views, as one lazy chunk asked for at one place. Each module imported lazily on its own became a file of its own (a
 * bundler's facade), and a browser fetches six files at a time from one HTTP/1.1 server: New game waited a round more
 * for them (issue 18). It imports no Phaser (the scenes are src/solo-canvas.ts): New game's screen is HTML, shown
 * before Phaser's code is evaluated.
 */

export { drawnObjects } from './game/drawn-objects.ts';
export * as presenters from './game/play-presenters.ts';
export * as session from './game/session/session-module.ts';
export { SoloFlow } from './game/solo-flow.ts';
export { viewOf } from './ui/screen-views.ts';
