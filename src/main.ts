/**
 * Entry point: settings first (so text size and motion apply before anything draws), then the DOM
 * layer, the audio manager, the game flow and the Phaser game.
 */
import './ui/styles.css';
import { soundUrls } from './audio/audio-files.ts';
import { AudioManager } from './audio/audio-manager.ts';
import { EmblemImages } from './game/art/emblem-images.ts';
import { createPhaserGame } from './game/create-game.ts';
import { GameFlow } from './game/game-flow.ts';
import { provideServices } from './game/services.ts';
import { DomLayer, requireElement } from './ui/dom-layer.ts';
import { SettingsStore } from './ui/settings-store.ts';
import { applyDisplaySettings, applyPalette } from './ui/theme.ts';

// Emblems start decoding at once, in parallel with everything below.
const emblems = new EmblemImages();
const settings = new SettingsStore();
applyPalette();

let flow: GameFlow | null = null;
const ui = new DomLayer(requireElement('ui'), (intent) => flow?.handle(intent));
settings.subscribe((s) => {
  applyDisplaySettings(s);
  ui.setCaptionsEnabled(s.captions);
});
// "Follow the system" follows it live, too.
window
  .matchMedia?.('(prefers-reduced-motion: reduce)')
  .addEventListener('change', () => applyDisplaySettings(settings.value));

const audio = new AudioManager({ settings, caption: (c) => ui.caption(c), urls: soundUrls });
flow = new GameFlow({ ui, audio, settings });
const game = createPhaserGame(requireElement('stage'));
flow.attach(game);
provideServices(game, { ui, audio, settings, flow, emblems });
