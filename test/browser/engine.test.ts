/**
 * The browser connector in headless Chromium: a page built with the project's Vite config
 * queries a parquet file served by a local server, in both registerParquet modes, and makes
 * no request to any other host.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TINY_HOUSEHOLDS_ROWS, TINY_HOUSEHOLDS_SQL, writeParquetFixtures } from '../fixtures/parquet';
import {
  chromiumForTests,
  launchChromium,
  recordPage,
  startStaticServer,
  type LaunchedBrowser,
  type StaticServer,
} from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const chrome = chromiumForTests();

interface CheckResult {
  rows: unknown[];
  perCounty: unknown[];
  progress: [number, number][];
  error: string;
}

describe.skipIf(!chrome)('browser connector', () => {
  let outDir: string;
  let dataDir: string;
  let server: StaticServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'engine-page-'));
    await build({
      root: join(here, 'fixtures/engine-page'),
      configFile: resolve(here, '../../vite.config.ts'),
      logLevel: 'warn',
      base: '/',
      build: { outDir, emptyOutDir: true },
    });
    dataDir = await writeParquetFixtures({ 'tiny.parquet': TINY_HOUSEHOLDS_SQL });
    server = await startStaticServer(outDir, { '/data/': dataDir });
    browser = await launchChromium(chrome!);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [outDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function runCheck(mode: 'table' | 'remote') {
    const page = await browser.context.newPage();
    const rec = recordPage(browser.context, page);
    server.log.length = 0;
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => 'engineCheck' in window);
    const result = await page.evaluate(
      ([m, url]) =>
        (window as unknown as { engineCheck: (m: string, u: string) => Promise<CheckResult> }).engineCheck(m!, url!),
      [mode, '/data/tiny.parquet'] as const,
    );
    await page.close();
    return { result, rec, served: [...server.log] };
  }

  test('answers a query over a fetched parquet file, with progress, and only asks its own host', async () => {
    const { result, rec, served } = await runCheck('table');
    expect(result.rows).toEqual(TINY_HOUSEHOLDS_ROWS);
    expect(result.perCounty).toEqual([
      { county: '640104', persons: 4, households: 2 },
      { county: '640105', persons: 5, households: 1 },
    ]);
    const size = statSync(join(dataDir, 'tiny.parquet')).size;
    expect(result.progress[0]).toEqual([0, size]);
    expect(result.progress.at(-1)).toEqual([size, size]);
    expect(result.error).toMatch(/Catalog Error: Table with name no_such_table does not exist/);

    // The recorder sees the worker's own requests (the wasm), so "no foreign request" means something.
    expect(rec.requests.some((u) => /duckdb-(eh|mvp)-.*\.wasm$/.test(u))).toBe(true);
    expect(served.some((r) => r.path.endsWith('.wasm') && r.status === 200)).toBe(true);
    expect(rec.foreign(server.origin)).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  test('in remote mode reads the file by HTTP range requests', async () => {
    const { result, rec, served } = await runCheck('remote');
    expect(result.rows).toEqual(TINY_HOUSEHOLDS_ROWS);
    expect(result.progress).toEqual([]);
    const reads = served.filter((r) => r.path === '/data/tiny.parquet' && r.method === 'GET');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.status === 206 && r.range !== null)).toBe(true);
    expect(rec.foreign(server.origin)).toEqual([]);
    expect(rec.errors).toEqual([]);
  });
});
