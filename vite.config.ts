import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // DuckDB-WASM ships its own worker and wasm files, imported with `?url`; pre-bundling it
  // breaks those paths. Its own apache-arrow (13, nested) is pre-bundled so the dev server does
  // not serve it as ~140 separate modules.
  optimizeDeps: {
    exclude: ['@duckdb/duckdb-wasm'],
    include: ['@duckdb/duckdb-wasm > apache-arrow'],
  },
  build: {
    target: 'es2022',
    // The DuckDB wasm builds are ~18–22 MB each and must stay separate files, never inlined.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 2048,
  },
});
