import { defineConfig } from 'vitest/config';
import { checkedScenarioPlugin } from './scripts/checked-scenario-plugin.ts';

export default defineConfig({
  // The game's bundled scenarios, as the build checks them (src/game/session/bundled/).
  plugins: [checkedScenarioPlugin()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    // The presenters' words in English, the default language (src/present/i18n).
    setupFiles: ['tests/helpers/english.setup.ts'],
    // A bound on a hung test, not a verdict on speed: generous, so that a loaded machine does not fail a sound test.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // A worker per core. Vitest's default leaves one core to its own process, which here does little: on a 2-core
    // machine that ran the files one at a time, while many of them wait on the child processes they start (the CLI,
    // servers, Redis), so the suite took about 6.5 of the 10 minutes it may take with the browser tests.
    maxWorkers: '100%',
  },
});
