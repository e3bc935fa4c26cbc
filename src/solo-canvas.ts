/**
 * The canvas's start: the Phaser game with its preload and title scenes, one lazy chunk beside Phaser's. src/main.ts
 * evaluates it after the title's menu and New game's session, which are HTML (src/solo-play.ts has the session and
 * the views, and no Phaser), so that New game's screen does not wait for Phaser's code (issue 18). It is fetched then
 * too, not from index.html: Phaser's download and compilation took the loaded machine's network and cores while the
 * title's and New game's files were coming (vite.config.ts, preloadRuntime). The later screens' scenes are a chunk of their own
 * (scenes/play-scenes.ts), asked for when the canvas starts: the first download need not hold them.
 */

export { createPhaserGame } from './game/create-game.ts';
