import { defineConfig } from 'vitest/config';

/** Unit and integration tests, in Node. Browser tests have their own config. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Tests read the generated demo data: make sure it exists and is current first.
    globalSetup: ['test/global-setup.ts'],
    // DuckDB-WASM instantiation takes 1–3 s on this 2-core machine; the generator ~20 s.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
