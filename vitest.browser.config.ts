import { defineConfig } from 'vitest/config';

/**
 * Browser tests: Node drives headless Chromium through playwright-core (test/browser/harness.ts).
 * One file at a time, in one process: each launches a browser and builds pages with Vite.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
  },
});
