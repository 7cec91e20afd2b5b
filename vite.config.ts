import react from '@vitejs/plugin-react';
import { realpathSync } from 'node:fs';
import { defineConfig, searchForWorkspaceRoot } from 'vite';

// Relative base so the built dashboard works from any folder of a static host.
export default defineConfig({
  base: './',
  plugins: [react()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: {
    // The dev server may serve files (fonts, wasm) from node_modules even when it is a symlink
    // to another folder, as in a git worktree sharing the main checkout's node_modules.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules')] },
  },
});
