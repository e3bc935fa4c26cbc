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
import type { Intent } from './present/intents.ts';
import { openCreditsDialog } from './ui/dialogs/credits.dialog.ts';
import { openMenuDialog } from './ui/dialogs/menu.dialog.ts';
import { openSettingsDialog } from './ui/dialogs/settings.dialog.ts';
import { DomLayer, requireElement } from './ui/dom-layer.ts';
import { DomMirror } from './ui/dom-mirror.ts';
import { prefersReducedMotion, SettingsStore, safeLocalStorage } from './ui/settings-store.ts';
import { applyDisplaySettings, applyPalette } from './ui/theme.ts';

// Emblems start decoding at once, in parallel with everything below.
const emblems = new EmblemImages();
const settings = new SettingsStore();
applyPalette();

let flow: GameFlow | null = null;
const send = (intent: Intent) => flow?.handle(intent);
const ui = new DomLayer(requireElement('ui'), send);
settings.subscribe((s) => {
  applyDisplaySettings(s);
  ui.setCaptionsEnabled(s.captions);
});
// "Follow the system" follows it live, too.
window
  .matchMedia?.('(prefers-reduced-motion: reduce)')
  .addEventListener('change', () => applyDisplaySettings(settings.value));

const audio = new AudioManager({ settings, caption: (c) => ui.caption(c), urls: soundUrls });
flow = new GameFlow({
  page: {
    announce: (text) => ui.announce(text),
    openSettings: () => openSettingsDialog(settings),
    openCredits: (sources, reference) => openCreditsDialog(sources, reference),
    openMenu: (actions) => openMenuDialog(actions),
  },
  audio,
  storage: safeLocalStorage(),
});
const game = createPhaserGame(requireElement('stage'));
flow.attach(game);
// The scenes see the DOM layer and the settings only through these, so src/game imports no src/ui.
provideServices(game, {
  ui: new DomMirror(ui, send),
  display: {
    get textScale() {
      return settings.value.textScale;
    },
    get reducedMotion() {
      return prefersReducedMotion(settings.value);
    },
  },
  audio,
  flow,
  emblems,
});
