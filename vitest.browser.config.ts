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
    // Two files, so two Chromiums, at a time. One file at a time kept one core busy and left the other mostly idle
    // (its processes used 0.96 CPU-seconds per second of the suite, measured in a cgroup): two cores, two files.
    // No test's verdict depends on how fast the page runs, and the waits are bounds, not times.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
