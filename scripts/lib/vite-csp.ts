/**
 * Vite plugin: the built page carries a Content-Security-Policy that allows no host but its own
 * (CONTRACT/DEVELOPERS: the app requests nothing from anywhere else). Scripts, workers, styles,
 * fonts, images and fetches come from 'self', plus `blob:` (datasets imported in the page are
 * object URLs; MapLibre makes images from blobs) and `data:` images. `'wasm-unsafe-eval'` lets
 * DuckDB-WASM and HiGHS compile their WebAssembly; inline style attributes are React's `style`.
 * No `unsafe-eval`, no inline scripts, no objects, no form posts, no <base> hijack. Only the build
 * gets it: the dev server injects inline scripts for hot reloading.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
    },
  };
}
