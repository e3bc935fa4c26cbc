/**
 * Entry point: settings first (read from IndexedDB while Phaser starts; the title waits for the language, which waits
 * for them, so text size and motion apply before it draws), then the DOM layer, the audio manager, the game flow and
 * the Phaser game.
 *
 * Nothing here waits (issue 18, "the first screen first"): the device's language, the session, the scenario and
 * the screens after the title are lazy chunks fetched while Phaser starts (the language first, then the rest); the
 * preload scene holds the title until the language has come, and New game waits for the rest (GameFlow.prepare).
 */
// First: its chunk imports no Phaser, so the browser evaluates it before Phaser's code, and what New game needs is on
// its way meanwhile (src/early-start.ts).
import { settings, soloPlay } from './early-start.ts';
import './ui/styles.css';
import { DeferredAudio } from './audio/deferred-audio.ts';
import { createPhaserGame } from './game/create-game.ts';
import { GameFlow } from './game/game-flow.ts';
import { provideServices } from './game/services.ts';
import { BUNDLED_SCENARIOS } from './game/session/scenario-registry.ts';
import { registerOffline } from './offline/register-offline.ts';
import type { Intent } from './present/intents.ts';
import { DomLayer, requireElement } from './ui/dom-layer.ts';
import { DomMirror } from './ui/dom-mirror.ts';
import { startLanguage } from './ui/i18n/language.ts';
import { prefersReducedMotion, safeLocalStorage } from './ui/settings-store.ts';
import { applyDisplaySettings, applyPalette } from './ui/theme.ts';

applyPalette();
// The device's language: the title waits for it, Phaser's start does not. Its files were asked for by early-start.ts,
// on a guess (the address's or the browser's language); a stored choice of another is asked for once it is read.
const language = startLanguage(settings, (chosen) => void flow?.prepare(chosen)).then(
  () => {},
  () => {},
);

/** A dialog's chunk once the language has come (its words); null when it cannot come (offline before it was kept). */
const dialog = <M>(chunk: Promise<M>): Promise<M | null> =>
  Promise.all([chunk, language]).then(
    ([module]) => module,
    (error: unknown) => {
      console.warn('a dialog could not be loaded:', error);
      return null;
    },
  );

let flow: GameFlow | null = null;
const send = (intent: Intent) => flow?.handle(intent);
const ui = new DomLayer(requireElement('ui'), send);
/**
 * localStorage (the saves, and the settings of the builds before) blocks the main thread on its first access: it is
 * read only once the title is drawn, at an idle moment, so that it delays neither the title nor New game (issue 18;
 * tests/browser/storage-start.test.ts). A stored language other than the page's, taken over from localStorage, starts
 * the page again in it, once.
 */
const titleDrawn = ui.firstDrawn.then(() => {});
const afterFirstScreen = titleDrawn.then(
  () =>
    new Promise<void>((resolve) => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 1000 });
      else setTimeout(resolve, 50);
    }),
);
void afterFirstScreen
  .then(() => Promise.all([settings.adoptEarlier(), language]))
  .then(([adopted]) => {
    // The adopted record is stored before the page reloads in its language.
    if (adopted?.language && adopted.language !== document.documentElement.lang)
      void settings.saved().then(() => location.reload());
  });
const mirror = new DomMirror(ui, send, soloPlay);
settings.subscribe((s) => {
  applyDisplaySettings(s);
  ui.setCaptionsEnabled(s.captions);
});
// "Follow the system" follows it live, too.
window
  .matchMedia?.('(prefers-reduced-motion: reduce)')
  .addEventListener('change', () => applyDisplaySettings(settings.value));

// The sound's code is a lazy chunk too, fetched with Howler when the title scene asks the sounds to load.
const audio = new DeferredAudio(() =>
  Promise.all([import('./audio/audio-manager.ts'), import('./audio/audio-files.ts')]).then(
    ([{ AudioManager }, { soundUrls }]) =>
      new AudioManager({ settings, caption: (c) => ui.caption(c), urls: soundUrls }),
  ),
);
flow = new GameFlow({
  page: {
    announce: (text) => ui.announce(text),
    // The dialogs are lazy chunks: nothing on the way to the title opens one.
    openSettings: () =>
      void dialog(import('./ui/dialogs/settings.dialog.ts')).then((d) => d?.openSettingsDialog(settings)),
    openCredits: (sources, reference) =>
      void dialog(import('./ui/dialogs/credits.dialog.ts')).then((d) =>
        d?.openCreditsDialog(sources, reference),
      ),
    openMenu: (actions) =>
      void dialog(import('./ui/dialogs/menu.dialog.ts')).then((d) => d?.openMenuDialog(actions)),
  },
  audio,
  storage: safeLocalStorage,
  loadPlay: soloPlay,
  titleDrawn,
  storageOpens: afterFirstScreen,
  scenarios: BUNDLED_SCENARIOS,
  // The scenes join the game and the views the DOM layer once each: the flow asks again only after a failure.
  loadScreens: () =>
    Promise.all([
      soloPlay().then((play) => {
        drawn = play;
        return play.addPlayScenes(game);
      }),
      mirror.loadScreens(),
    ]).then(() => {}),
});
const game = createPhaserGame(requireElement('stage'));
flow.attach(game);
// The scenes see the DOM layer and the settings only through these, so src/game imports no src/ui.
provideServices(game, {
  ui: mirror,
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
  language,
});
// The language failed (offline before it was kept): New game is still prepared (in English).
void language.then(() => flow?.prepare());

/**
 * What the canvas draws, read-only, for the browser tests and the play-test (src/game/drawn-objects.ts): its code comes
 * with the screens after the title, so that the first download does not carry it; before, nothing is listed.
 */
let drawn: Pick<typeof import('./solo-play.ts'), 'drawnObjects'> | null = null;
Object.defineProperty(window, 'crisisTable', {
  value: Object.freeze({ canvas: () => drawn?.drawnObjects(game, requireElement('stage')) ?? [] }),
});
// Play without a network: the service worker keeps this build once the first screen is up (src/offline/), and once
// what New game needs has come: its files would take connections from those.
void titleDrawn
  .then(() => flow?.prepare())
  .catch(() => null)
  .then(registerOffline);
