import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { arabicPreloadPlugin } from './scripts/arabic-preload-plugin.ts';
import { checkedScenarioPlugin } from './scripts/checked-scenario-plugin.ts';
import { precompressPlugin } from './scripts/precompress.ts';
import { serviceWorkerPlugin } from './scripts/service-worker-plugin.ts';

const phaserSrc = fileURLToPath(new URL('./node_modules/phaser/src', import.meta.url));
const phaserBuild = fileURLToPath(new URL('./src/game/phaser/phaser-build.cjs', import.meta.url));

/**
 * Phaser's sources test webpack-defined flags (`if (typeof WEBGL_RENDERER)`). Without a value, `typeof`
 * of an undeclared name is the string "undefined", which is truthy: every optional module would be
 * pulled in. So each flag becomes a literal here, and the minifier drops the dead branches.
 */
const PHASER_FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: true, // ?renderer=canvas, and the headless browser tests
  WEBGL_RENDERER: true, // AUTO picks WebGL where a GPU exists
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false, // Howler plays all audio (src/audio/audio-manager.ts)
  EXPERIMENTAL: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

/**
 * Phaser's device check reads `window.localStorage` to see whether it exists; reaching it asks the browser
 * synchronously whether the page may use storage, before the title (issue 18: no synchronous storage access on the
 * start-up path; tests/browser/storage-start.test.ts). Nothing in Phaser uses the answer; `in` finds the property
 * without calling its getter.
 */
const PHASER_STORAGE_CHECK = 'Features.localStorage = !!localStorage.getItem;';

/**
 * Phaser's device check also creates a WebGL context at module load, to learn whether WebGL works, in every renderer:
 * under load it took the canvas game 250 ms before the title (issue 18). Only the choice of renderer reads the answer
 * (core/CreateRenderer.js, for AUTO and WEBGL), so the test runs when first read: the canvas renderer never runs it,
 * AUTO runs it once as before. The same check also told whether ImageData is a Uint8ClampedArray (support32bit):
 * that part, which needs no WebGL, stays at load.
 */
const PHASER_WEBGL_TEST = 'Features.webGL = testWebGL();';
const PHASER_WEBGL_LAZY = `if (window['WebGLRenderingContext']) {
  try {
    var canvas2D = CanvasPool.create2D(this);
    isUint8 = canvas2D.getContext('2d', { willReadFrequently: true }).createImageData(1, 1).data instanceof Uint8ClampedArray;
    CanvasPool.remove(canvas2D);
  } catch (e) { isUint8 = false; }
}
var webGLTested;
Object.defineProperty(Features, 'webGL', {
  configurable: true,
  enumerable: true,
  get: function () { if (webGLTested === undefined) webGLTested = !!testWebGL(); return webGLTested; },
  set: function (value) { webGLTested = value; }
});`;

/**
 * Phaser's core requires the whole of Phaser.Math (math/index) in two places, for its random generator only: those
 * two requires take src/game/phaser/phaser-rnd.cjs instead, so that the math helpers nothing uses stay out of the first
 * download (issue 18). A Phaser that changes them fails the build here rather than bundling the index again.
 */
const PHASER_MATH_INDEX: Record<string, string> = {
  'core/Config.js': "require('../math/')",
  'utils/object/GetAdvancedValue.js': "require('../../math')",
};
const phaserRnd = fileURLToPath(new URL('./src/game/phaser/phaser-rnd.cjs', import.meta.url));

function phaserFlags(): Plugin {
  const flag = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join('|')})\\b`, 'g');
  return {
    name: 'crisis-table:phaser-flags',
    transform: {
      filter: { id: /[\\/]phaser[\\/]src[\\/].*\.js$/ },
      handler(source, id) {
        let code = source;
        const file = id.replace(/\\/g, '/').replace(/^.*\/phaser\/src\//, '');
        const mathIndex = PHASER_MATH_INDEX[file];
        if (mathIndex) {
          if (!code.includes(mathIndex)) throw new Error(`Phaser's require of Phaser.Math changed: ${id}`);
          code = code.replace(mathIndex, `require(${JSON.stringify(phaserRnd)})`);
        }
        if (/[\\/]device[\\/]Features\.js$/.test(id)) {
          if (!code.includes(PHASER_STORAGE_CHECK)) throw new Error(`Phaser's storage check changed: ${id}`);
          code = code.replace(PHASER_STORAGE_CHECK, "Features.localStorage = 'localStorage' in window;");
          if (!code.includes(PHASER_WEBGL_TEST)) throw new Error(`Phaser's WebGL check changed: ${id}`);
          code = code.replace(PHASER_WEBGL_TEST, PHASER_WEBGL_LAZY);
        }
        if (!code.includes('typeof ')) return code === source ? null : { code, map: null };
        return { code: code.replace(flag, (_, name: string) => String(PHASER_FLAGS[name])), map: null };
      },
    },
  };
}

/**
 * The canvas's chunks (Phaser, the canvas's start) are imported lazily, and fetched lazily too: src/main.ts asks for them
 * once New game's files have come (and evaluates them then), not from index.html. Fetched at once, Phaser's 190 kB and
 * their compilation took the network and the two cores of a loaded machine while the title's files and New game's were
 * still coming, and the title and New game waited for them (issue 18); its canvas, which draws what the HTML already
 * shows, comes a little later instead. The class page does not load them.
 *
 * What index.html does fetch at once beside its script: the bundler's helpers (rolldown-runtime), which New game's
 * chunk imports (and Phaser's, and the canvas's): asked for here, they are not one more of the files New game waits for,
 * which a browser fetches six at a time from an HTTP/1.1 server.
 */
const PRELOADED_CHUNKS = new Set(['rolldown-runtime']);
function preloadRuntime(): Plugin {
  return {
    name: 'crisis-table:preload-runtime',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle || !/[\\/]index\.html$/.test(context.filename)) return;
        const files = Object.values(context.bundle).flatMap((chunk) =>
          chunk.type === 'chunk' && PRELOADED_CHUNKS.has(chunk.name) ? [chunk.fileName] : [],
        );
        if (files.length !== PRELOADED_CHUNKS.size)
          throw new Error(`the chunks index.html preloads changed: ${files.join(', ')}`);
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * What the title needs before it can draw, as two chunks rather than a dozen (issue 18: fewer, larger files compress
 * better, and the first download is Phaser's and these): what the class page shares (lit-html, the words, the
 * settings, the theme, the DOM layer), and the game's own start (its flow, the title's scenes, views and art, audio).
 * Nothing in either imports Phaser but the game's own, which the class page never loads.
 */
const SHARED_START =
  /[\\/](node_modules[\\/]lit-html[\\/]|src[\\/](present[\\/](palette|i18n[\\/]i18n)|ui[\\/](settings-store|theme|dom-layer|dom|i18n[\\/]language)|game[\\/]session[\\/]scenario-registry|offline[\\/]register-offline)\.ts$)/;
const GAME_START =
  /[\\/]src[\\/](game[\\/](game-flow|observable|services|scenes[\\/]scene-keys|session[\\/]save-slot)|audio[\\/]deferred-audio|ui[\\/](dom-mirror|views[\\/](title|loading)\.view))\.ts$/;
/**
 * The canvas's start (src/solo-canvas.ts: the Phaser game, its preload and title scenes, the art the title draws): a
 * lazy chunk beside Phaser's, evaluated after the title's menu and New game's session (src/main.ts), which are HTML and
 * need no Phaser (issue 18). The later scenes (scenes/play-scenes.ts) are a lazy chunk of their own.
 */
const CANVAS_START =
  /[\\/]src[\\/](solo-canvas|game[\\/](create-game|renderer-choice|scenes[\\/](base|preload|title)\.scene|art[\\/](backdrop|scenario-map)))\.ts$/;

/**
 * What the page asks for before Phaser's code runs (src/early-start.ts): a chunk of its own, which imports the shared
 * start but no Phaser, so that main's first import is this one and the browser evaluates it (and sends its requests)
 * before Phaser's module code (issue 18).
 */
const EARLY = /[\\/]src[\\/]early-start\.ts$/;

/**
 * What New game waits for, as three files rather than fourteen (issue 18): a browser fetches six files at a time from
 * one HTTP/1.1 server, so fourteen came in three rounds after the title. The engine (the rules, the sessions, XState and
 * Zod, and the words of their refusals, which every page that loads the engine shows; a chunk of their own, they were
 * the seventh file of New game's six and waited for a free connection) and what the solo game and the class page both show (the presenters and the shared views) are the two groups
 * here; the third is the solo game's own (src/solo-play.ts: its scenes, which import Phaser, and their views). The class
 * page loads the shared one with its own start (it showed the situation view from there already) and the engine with
 * a local game, never the solo game's.
 */
const ENGINE =
  /[\\/](node_modules[\\/](zod|xstate)[\\/]|src[\\/](sim[\\/][\w-]+|session[\\/](session|solo)(\.machine|-rules)|present[\\/](refusal-text|refusals[\\/][\w-]+))\.ts$)/;
const SHARED_PLAY =
  /[\\/]src[\\/](present[\\/](cite|lookup|places|emblems|thresholds|mood|read-problem|(indicators|reading|debrief|opening|news|warning|turn|talk|deals)\.presenter)|ui[\\/]views[\\/](cited|(indicators|deals|reason)\.part|(debrief|situation)\.view)|ui[\\/]classroom[\\/]talk\.part|session[\\/](talk-limits|talk-commands)|sim[\\/]limits|scenario[\\/](scenario-texts|localize|localize-art))\.ts$/;
export default defineConfig(({ command }) => ({
  // The production build uses the custom Phaser build; the dev server keeps the stock ESM bundle,
  // because it serves modules unbundled and Phaser's sources are CommonJS. Both expose the same API
  // for what the scenes use, and the browser tests run against the production build.
  resolve: {
    alias:
      command === 'build'
        ? [
            { find: /^phaser$/, replacement: phaserBuild },
            { find: /^@phaser-src\//, replacement: `${phaserSrc}/` },
          ]
        : [],
  },
  define: {
    // Phaser's CommonJS sources reach for Node's `global`; the browser has `globalThis`.
    global: 'globalThis',
  },
  // The build also writes brotli and gzip copies of its text files, which the classroom server sends as they are,
  // and sw.js, the service worker that keeps the whole build for play without a network. The bundled scenarios
  // are checked at build time (and in dev), so the browser runs no YAML or Zod to play one.
  plugins:
    command === 'build'
      ? [
          checkedScenarioPlugin(),
          phaserFlags(),
          preloadRuntime(),
          arabicPreloadPlugin(),
          serviceWorkerPlugin(),
          precompressPlugin(),
        ]
      : [checkedScenarioPlugin()],
  // Audio stays a file (Howler picks Opus or MP3 by extension; a data: URI would hide it).
  build: {
    // Every browser the game runs in supports <link rel=modulepreload> (Chromium 66, Safari 17, Firefox 115).
    // A lazy chunk with no imports of its own is fetched by import() alone, whose request Chromium sends only once the
    // running task ends: asked for while the page's modules evaluate (src/early-start.ts), it would wait for Phaser's.
    // A <link rel=modulepreload> of the chunk itself, which the import's wrapper adds, is sent at once (issue 18).
    modulePreload: {
      polyfill: false,
      resolveDependencies: (file, deps) => (deps.length > 0 ? deps : [file]),
    },
    assetsInlineLimit: (file: string) => (/\.(opus|mp3|wav)$/.test(file) ? false : undefined),
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // Two pages: the game (solo and, later, its way into a class) and the classroom page that the server serves.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        class: fileURLToPath(new URL('./class.html', import.meta.url)),
      },
      output: {
        // Vite 8 (Rolldown): manualChunks is gone; codeSplitting groups replace it. Phaser changes
        // rarely, so its own chunk stays cached across releases of the game code.
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /[\\/](phaser[\\/]src|eventemitter3|game[\\/]phaser)[\\/]/ },
            { name: 'howler', test: /[\\/]node_modules[\\/]howler[\\/]/ },
            { name: 'start', test: SHARED_START },
            // After the shared start (which it imports, and which must stay apart from it: the class page loads that one
            // and must not run this one), before the game's start (which imports the map loader too).
            { name: 'early-start', test: EARLY },
            { name: 'game-start', test: GAME_START },
            // Before the engine: the engine's limits (constants) are also what the talk fields show, on the class page
            // too, which must not load the engine for them.
            { name: 'shared-play', test: SHARED_PLAY },
            { name: 'engine', test: ENGINE },
            // Last: what the scenes share with the session and the views (the presenters, the map's code) is in those
            // groups' chunks, which the canvas's imports, rather than in the canvas's, which New game must not wait for.
            { name: 'canvas-start', test: CANVAS_START },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
}));
