import { defineConfig } from 'vitest/config';

/** Unit and integration tests, in Node. Browser tests have their own config. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // DuckDB-WASM instantiation takes 1–3 s on this 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
