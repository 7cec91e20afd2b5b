import react from '@vitejs/plugin-react';
import { realpathSync } from 'node:fs';
import { defineConfig, searchForWorkspaceRoot } from 'vite';
import { contentSecurityPolicy } from './scripts/lib/vite-csp';
import { geoAssets } from './scripts/lib/vite-geo-assets';

export default defineConfig(({ mode }) => ({
  // Relative base so the built dashboard works from any folder of a static host.
  base: './',
  // Public mode (`npm run build:public`): no household file may be copied, so `public/` (with
  // `public/data/`) is not the public folder; the build script names a folder holding only the
  // other static files, and writes the disclosure-controlled data itself. The geography and
  // reference files are for the import, which public mode does not offer.
  ...(mode === 'public' ? { publicDir: process.env.PUBLIC_BUILD_STATIC_DIR || false } : {}),
  plugins: [react(), geoAssets(process.cwd(), { skip: mode === 'public' }), contentSecurityPolicy()],
  // DuckDB-WASM ships its own worker and wasm files, imported with `?url`; pre-bundling it
  // breaks those paths. Its own apache-arrow (13, nested) is pre-bundled so the dev server does
  // not serve it as ~140 separate modules.
  optimizeDeps: {
    exclude: ['@duckdb/duckdb-wasm'],
    include: ['@duckdb/duckdb-wasm > apache-arrow'],
  },
  server: {
    // The dev server may serve files (fonts, wasm) from node_modules even when it is a symlink
    // to another folder, as in a git worktree sharing the main checkout's node_modules.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules')] },
  },
  build: {
    target: 'es2022',
    // The DuckDB wasm builds are ~18–22 MB each and must stay separate files, never inlined.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 2048,
  },
}));
