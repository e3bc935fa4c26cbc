/**
 * Entry point: settings first (read from IndexedDB; the title waits for the language, which waits for them, so text
 * size and motion apply before it draws), then the DOM layer, the audio manager, the game flow, and the Phaser game
 * last, as a lazy chunk.
 *
 * Nothing here waits (issue 18, "the first screen first"): the device's language, the session, the scenario and
 * the screens after the title are lazy chunks fetched at once (the language first, then the rest). Every control is
 * HTML (the DOM layer; the canvas is aria-hidden and carries none the DOM lacks), so the title's menu is shown as soon
 * as the language has come, and New game acts once the session has come, without waiting for Phaser: Phaser's code
 * (190 kB to fetch and compile, a hundred milliseconds of module evaluation, then its boot) is fetched and evaluated
 * after them, and its canvas then draws whichever screen is current.
 */
// First: its chunk imports no Phaser, so the browser evaluates it before Phaser's code, and what New game needs is on
// its way meanwhile (src/early-start.ts).
import { settings, soloPlay } from './early-start.ts';
import './ui/styles.css';
import type Phaser from 'phaser';
import { DeferredAudio } from './audio/deferred-audio.ts';
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
// The title's HTML as soon as the language has come (GameFlow.resume), whether or not Phaser has started.
void language.then(() => flow?.resume());

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
  mirror,
  storage: safeLocalStorage,
  loadPlay: soloPlay,
  titleDrawn,
  storageOpens: afterFirstScreen,
  scenarios: BUNDLED_SCENARIOS,
  // The views join the DOM layer once: the flow asks again only after a failure. The scenes join the canvas apart
  // (startCanvas): New game's screen is HTML first.
  loadScreens: () => Promise.all([soloPlay(), mirror.loadScreens()]).then(() => {}),
});

let game: Phaser.Game | null = null;
/**
 * The Phaser game, a lazy chunk: its code is fetched and evaluated once New game's files have been (or could not be),
 * so that its download and compilation, its hundred milliseconds of module evaluation and its boot come after the
 * title's menu and New game's session rather than before them (issue 18). The preload scene then starts the flow's current screen; the scenes after the title
 * join once the solo game's chunk is there too.
 */
async function startCanvas(): Promise<void> {
  const scenes = import('./game/scenes/play-scenes.ts');
  // What the canvas draws is listed from its first frame on: the solo game's chunk came with New game's preparation,
  // so this is set before the game exists, not after the later scenes' chunk.
  const play = soloPlay().then((module) => {
    drawn = module;
    return module;
  });
  const canvas = await import('./solo-canvas.ts');
  const started = canvas.createPhaserGame(requireElement('stage'));
  game = started;
  // The scenes see the DOM layer and the settings only through these, so src/game imports no src/ui.
  provideServices(started, {
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
    flow: flow!,
    language,
  });
  flow?.attach(started);
  const [, { addPlayScenes }] = await Promise.all([play, scenes]);
  await addPlayScenes(started);
  flow?.scenesAdded();
}
// The language failed (offline before it was kept): New game is still prepared (in English). The canvas after.
void language
  .then(() => flow?.prepare())
  .catch(() => null)
  .then(startCanvas)
  .catch((error: unknown) => console.warn('the canvas could not start:', error));

/**
 * What the canvas draws, read-only, for the browser tests and the play-test (src/game/drawn-objects.ts): its code comes
 * with the screens after the title, so that the first download does not carry it; before, nothing is listed.
 */
let drawn: Pick<typeof import('./solo-play.ts'), 'drawnObjects'> | null = null;
Object.defineProperty(window, 'crisisTable', {
  value: Object.freeze({
    canvas: () => (game && drawn?.drawnObjects(game, requireElement('stage'))) ?? [],
  }),
});
// Play without a network: the service worker keeps this build once the first screen is up (src/offline/), and once
// what New game needs has come: its files would take connections from those.
void titleDrawn
  .then(() => flow?.prepare())
  .catch(() => null)
  .then(registerOffline);
