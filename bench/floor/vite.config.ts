import { defineConfig } from 'vite';

/** Builds the benchmark's floor page (bench/floor/floor.ts) with the app's MapLibre and build target. */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  publicDir: false,
  logLevel: "warn",
  build: { target: 'es2022', outDir: process.env.FLOOR_OUT_DIR ?? '../../.cache/bench-floor', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
});
