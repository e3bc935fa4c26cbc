import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    // A bound on a hung test, not a verdict on speed: generous, so that a loaded machine does not fail a sound test.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
