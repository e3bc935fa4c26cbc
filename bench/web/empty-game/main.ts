/**
 * The bench baseline: an empty Phaser 4 game from the stock npm bundle, built by the same Vite in the
 * same run as the game. It marks itself ready after its first frame, as the game's title scene does, and marks its
 * first pointer input handled.
 */
import Phaser from 'phaser';

class EmptyScene extends Phaser.Scene {
  create(): void {
    this.game.events.once('postrender', () => {
      document.body.dataset.sceneReady = 'title';
    });
    // Its first input handled: what the bench's "interactive" means for the baseline (the game's is New game acting).
    this.input.once('pointerdown', () => {
      (window as unknown as { __actedAt?: number }).__actedAt ??= performance.now();
    });
  }
}

const wanted = new URLSearchParams(window.location.search).get('renderer');
new Phaser.Game({
  type: wanted === 'canvas' ? Phaser.CANVAS : Phaser.AUTO,
  parent: 'stage',
  backgroundColor: '#0a1220',
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  scene: [EmptyScene],
});
