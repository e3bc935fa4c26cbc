/**
 * The canvas: the Phaser game and its scenes (which import Phaser), one lazy chunk beside Phaser's. src/main.ts
 * evaluates it after the title's menu and New game's session, which are HTML (src/solo-play.ts has the session and
 * the views, and no Phaser), so that New game's screen does not wait for Phaser's code (issue 18). index.html fetches
 * it at once all the same (vite.config.ts, preloadCanvas).
 */

export { createPhaserGame } from './game/create-game.ts';
export { addPlayScenes } from './game/scenes/play-scenes.ts';
