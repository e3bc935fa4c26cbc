import { defineConfig } from 'vitest/config';

// Browser tests: Node drives Debian's Chromium through playwright-core against the production build
// served by `vite preview` (built and served once, in tests/browser/support/global-setup.ts).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One Chromium at a time: the machines this runs on have two cores.
    fileParallelism: false,
  },
});
