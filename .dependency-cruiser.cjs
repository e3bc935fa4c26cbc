// @ts-check
/**
 * The layers of the game (docs: DESIGN.md, "Layout"), checked on the import graph of src/ by
 * dependency-cruiser (`npm run lint`). Arrows run down only: each folder names the folders below it that it
 * may import, and any other src/ folder is refused, as are the packages and Node built-ins it may not use.
 * Tests, bench and scripts are not layers and are not cruised.
 *
 * What the graph cannot show is checked elsewhere: a use of the DOM by the engine or the presenters by
 * their DOM-less compile (tsconfig.sim.json); unseeded chance and clocks in the engine, imports whose
 * target is computed, and presenters that import more than types from the engine by
 * scripts/check-sources.ts.
 *
 * The TypeScript files are parsed with swc: dependency-cruiser's own TypeScript support ends before
 * TypeScript 7, which this project compiles with. swc does not tell type-only imports apart, so a type
 * import counts as an import here, which is the stricter reading.
 */
const { builtinModules } = require('node:module');

const NODE_BUILTINS = `^(node:)?(${builtinModules.join('|')})$`;
const PHASER = '^node_modules/(@types/)?phaser/';
const HOWLER = '^node_modules/(@types/)?howler/';
const SERVER_PACKAGES = '^node_modules/(@colyseus/|colyseus)';

/**
 * One rule per layer. `may` lists the src/ folders it may import besides its own (`home`, when it is
 * not src/<layer>); `not` the packages and built-ins it may not. A file name in `may` allows that file.
 * @type {{ layer: string, from?: string, fromNot?: string, home?: string, may: string[], not: string[], why: string }[]}
 */
const LAYERS = [
  {
    layer: 'scenario',
    may: [],
    not: [PHASER, HOWLER, SERVER_PACKAGES],
    why: 'src/scenario (the data and its checks) imports no other layer',
  },
  {
    layer: 'sim',
    may: ['scenario'],
    not: [PHASER, HOWLER, SERVER_PACKAGES, NODE_BUILTINS],
    why: 'src/sim (the engine) may import src/scenario only; no Phaser, Howler, server or Node built-ins',
  },
  {
    layer: 'session',
    may: ['sim', 'scenario'],
    not: [PHASER, HOWLER, NODE_BUILTINS],
    why: 'src/session may import src/sim and src/scenario; not the presenters, scenes, DOM, audio or server',
  },
  {
    layer: 'present',
    may: ['sim', 'scenario', 'session'],
    not: [PHASER, HOWLER, SERVER_PACKAGES, NODE_BUILTINS],
    why: 'src/present (framework-free presenters) may import the engine, the scenario and the session; no Phaser, Howler, scenes, DOM layer or audio',
  },
  {
    layer: 'audio',
    may: [],
    not: [PHASER, NODE_BUILTINS],
    why: 'src/audio (Howler) imports no other layer: the settings and the mood reach it from main.ts and the game flow',
  },
  {
    layer: 'ui',
    may: ['present', 'session'],
    not: [PHASER, HOWLER, NODE_BUILTINS],
    why: 'src/ui (the DOM layer) reads presenters and the session; not the scenes, the engine or the audio',
  },
  {
    layer: 'game',
    fromNot: '^src/game/session/',
    may: ['present', 'session', 'audio', 'scenario/types.ts'],
    not: [NODE_BUILTINS],
    why: 'src/game (Phaser) reads presenters, the session, the audio and the scenario types; it reaches the DOM layer only through what main.ts hands it (ScreenMirror, PageServices), never by importing src/ui',
  },
  {
    // The page's side of a session: the lazy chunk that bundles the scenario's files (a Vite glob) with the
    // session, and the save slot in the browser's storage.
    layer: 'game-session',
    from: '^src/game/session/',
    home: 'game/session',
    may: ['session', 'sim', 'scenario'],
    not: [PHASER, HOWLER, NODE_BUILTINS],
    why: 'src/game/session/ (the lazy chunk and the save slot) may import src/session, src/sim and src/scenario',
  },
  {
    layer: 'server',
    may: ['sim', 'scenario', 'session', 'present'],
    not: [PHASER, HOWLER],
    why: 'src/server (the per-seat views of a classroom) may import src/sim, src/scenario, src/session and the presenters; no scenes, DOM layer, audio, Phaser or Howler',
  },
  {
    layer: 'cli',
    may: ['sim', 'scenario', 'session', 'present'],
    not: [PHASER, HOWLER],
    why: 'src/cli may import src/sim, src/scenario, src/session and the presenters (the printable report); no scenes, DOM layer, audio, Phaser or Howler',
  },
];

const literal = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...LAYERS.map(({ layer, from, fromNot, home = layer, may, not, why }) => {
      // A folder may be entered (`sim/`), a single file only as itself (`scenario/types.ts`).
      const allowed = [home, ...may].map((m) => (m.endsWith('.ts') ? `${literal(m)}$` : `${literal(m)}/`));
      return {
        name: `layer-${layer}`,
        severity: /** @type {const} */ ('error'),
        comment: why,
        from: { path: from ?? `^src/${layer}/`, ...(fromNot ? { pathNot: fromNot } : {}) },
        to: { path: [`^src/(?!${allowed.join('|')})`, ...not] },
      };
    }),
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'modules in src/ import each other in a cycle; arrows run one way',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'an import in src/ that resolves to no file or package',
      // The custom Phaser build requires through @phaser-src, an alias that only Vite knows (vite.config.ts); the
      // checked scenarios are modules that scripts/checked-scenario-plugin.ts makes when the game is built.
      from: { path: '^src/', pathNot: '^src/game/phaser/phaser-(build|rnd)\\.cjs$' },
      to: { couldNotResolve: true, pathNot: '^virtual:checked-scenario/' },
    },
  ],
  options: {
    parser: 'swc',
    // Keep the edges that only types create: a layer that names another's types depends on it.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
