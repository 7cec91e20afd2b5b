/**
 * Reusable pieces for tests and benchmarks that drive headless Chromium: finding the browser,
 * launching it with the flags verified in STACK.md, a static file server with HTTP Range support,
 * and a recorder of every request and every console error a page makes.
 *
 * No vitest import here, so bench scripts run by `tsx` use the same code.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Launch flags from STACK.md "Headless Chromium". */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** First Chromium found: `$CHROME_PATH`, Debian's chromium, then a system Chrome on `PATH`. */
export function findChromium(): string | null {
  const env = process.env.CHROME_PATH;
  if (env && existsSync(env)) return env;
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(path)) return path;
  }
  for (const name of ['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    const path = found.status === 0 ? found.stdout.trim() : '';
    if (path && existsSync(path)) return path;
  }
  return null;
}

/**
 * The Chromium to test with, or null to skip. A missing browser is announced loudly on stderr;
 * under `CI=true` it is an error instead (CONTRACT.md: a missing browser fails on CI).
 */
export function chromiumForTests(): string | null {
  const path = findChromium();
  if (path) return path;
  const message =
    'No Chromium found ($CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, google-chrome). ' +
    'Install Debian\'s `chromium` or set CHROME_PATH.';
  if (process.env.CI === 'true') throw new Error(`${message} Browser tests cannot be skipped under CI=true.`);
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!! SKIPPING BROWSER TESTS: ${message}\n${bar}\n`);
  return null;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and deletes its profile folder. */
  close(): Promise<void>;
}

/** Launches headless Chromium with the STACK.md flags and a fresh, throw-away user-data-dir. */
export async function launchChromium(
  executablePath: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    ...(options.viewport ? { viewport: options.viewport, deviceScaleFactor: 1 } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Extensions the static server compresses (text formats). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.cjs', '.css', '.json', '.geojson', '.map', '.csv', '.svg', '.txt']);

const gzipCache = new Map<string, { mtime: number; body: Buffer }>();

/** A file's gzip body, compressed once per modification. */
function gzipped(file: string, mtime: number): Buffer {
  const hit = gzipCache.get(file);
  if (hit && hit.mtime === mtime) return hit.body;
  const body = gzipSync(readFileSync(file), { level: 6 });
  gzipCache.set(file, { mtime, body });
  return body;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** One request the static server answered. `bytes` is the body length sent. */
export interface ServedRequest {
  method: string;
  path: string;
  range: string | null;
  status: number;
  /** Body bytes sent (gzip-compressed when `encoding` is gzip). */
  bytes: number;
  /** Body bytes before compression (equal to `bytes` when sent as is). */
  plainBytes: number;
  encoding: 'gzip' | null;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  /** Every request answered so far, in order. Clear with `log.length = 0`. */
  log: ServedRequest[];
  close(): Promise<void>;
}

/**
 * Serves folders on a free localhost port. `mounts` maps a URL prefix ending in `/` to a folder;
 * the longest prefix wins; `/` maps to `root`. GET and HEAD; a single `Range: bytes=` range gets
 * 206 with `Content-Range`, an unsatisfiable one 416. `/` and folders serve `index.html`. Whole
 * text files (JS, CSS, JSON, GeoJSON, …) are sent gzip-compressed when the client accepts it.
 */
export async function startStaticServer(
  root: string,
  mounts: Record<string, string> = {},
): Promise<StaticServer> {
  const table = Object.entries({ ...mounts, '/': root })
    .map(([prefix, dir]) => [prefix, resolve(dir)] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const log: ServedRequest[] = [];

  const server = createServer((req, res) => {
    const entry: ServedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      range: req.headers.range ?? null,
      status: 0,
      bytes: 0,
      plainBytes: 0,
      encoding: null,
    };
    log.push(entry);
    serve(req, res, entry);
  });

  function resolveFile(urlPath: string): string | null {
    const [prefix, dir] = table.find(([p]) => urlPath.startsWith(p)) ?? [];
    if (prefix === undefined || dir === undefined) return null;
    const rel = normalize(decodeURIComponent(urlPath.slice(prefix.length)));
    const file = resolve(dir, '.' + sep + rel);
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    if (existsSync(file) && statSync(file).isDirectory()) return join(file, 'index.html');
    return file;
  }

  function finish(res: ServerResponse, entry: ServedRequest, status: number, text?: string) {
    entry.status = status;
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text ?? '');
  }

  function serve(req: IncomingMessage, res: ServerResponse, entry: ServedRequest) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return finish(res, entry, 405, 'method not allowed');
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = resolveFile(urlPath);
    if (!file || !existsSync(file) || !statSync(file).isFile()) return finish(res, entry, 404, 'not found');
    const stat = statSync(file);
    const size = stat.size;
    const headers: Record<string, string | number> = {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-cache',
    };
    // Text files go gzip-compressed to a client that accepts it, as static hosts and CDNs send
    // them; range requests and binary files (parquet, wasm, fonts, images) go as they are.
    if (!req.headers.range && COMPRESSIBLE.has(extname(file).toLowerCase()) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = gzipped(file, stat.mtimeMs);
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
      headers['Content-Length'] = body.length;
      entry.status = 200;
      entry.encoding = 'gzip';
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      entry.bytes = body.length;
      entry.plainBytes = size;
      return res.end(body);
    }
    let start = 0;
    let end = size - 1;
    let status = 200;
    if (req.headers.range) {
      const range = parseRange(req.headers.range, size);
      if (!range) {
        entry.status = 416;
        res.writeHead(416, { 'Content-Range': `bytes */${size}` });
        return res.end();
      }
      [start, end] = range;
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    const length = Math.max(0, end - start + 1);
    headers['Content-Length'] = length;
    entry.status = status;
    res.writeHead(status, headers);
    if (req.method === 'HEAD' || length === 0) return res.end();
    const stream = createReadStream(file, { start, end });
    stream.on('data', (chunk) => {
      entry.bytes += chunk.length;
      entry.plainBytes += chunk.length;
    });
    stream.pipe(res);
  }

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}

/** Parses one `bytes=a-b`, `bytes=a-` or `bytes=-n` range into inclusive offsets, or null. */
export function parseRange(header: string, size: number): [number, number] | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return null;
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return null;
  return [start, end];
}

export interface PageRecord {
  /** Every request URL the context issued (pages and their workers). */
  requests: string[];
  /** `console.error` texts and uncaught page errors. */
  errors: string[];
  /** Requests whose host differs from `origin`'s. */
  foreign(origin: string): string[];
}

/** Starts recording requests of a context and console errors / page errors of a page. */
export function recordPage(context: BrowserContext, page: Page): PageRecord {
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (msg) => {
    // Network failures carry the URL only in their location: keep it, so a test can tell which request failed.
    const url = msg.location().url;
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}${msg.text().startsWith('Failed to load resource') && url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('worker', (worker) => {
    worker.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`worker console.error: ${msg.text()}`);
    });
  });
  return {
    requests,
    errors,
    foreign(origin: string) {
      const host = new URL(origin).host;
      return requests.filter((url) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return false;
        try {
          return new URL(url).host !== host;
        } catch {
          return true;
        }
      });
    },
  };
}
