import { defineConfig } from 'vitest/config';

/** `npx vitest run --config bench/parquet-path/vitest.config.ts`: every path, in Node, offline. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['bench/parquet-path/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
