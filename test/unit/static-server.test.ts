import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRange, startStaticServer, type StaticServer } from '../browser/harness';

describe('parseRange', () => {
  test('reads closed, open-ended and suffix ranges as inclusive offsets', () => {
    expect(parseRange('bytes=0-3', 10)).toEqual([0, 3]);
    expect(parseRange('bytes=4-', 10)).toEqual([4, 9]);
    expect(parseRange('bytes=-3', 10)).toEqual([7, 9]);
    expect(parseRange('bytes=8-100', 10)).toEqual([8, 9]);
    expect(parseRange('bytes=-100', 10)).toEqual([0, 9]);
  });

  test('refuses unsatisfiable and malformed ranges', () => {
    expect(parseRange('bytes=10-', 10)).toBeNull();
    expect(parseRange('bytes=5-2', 10)).toBeNull();
    expect(parseRange('bytes=-0', 10)).toBeNull();
    expect(parseRange('bytes=-', 10)).toBeNull();
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(parseRange('items=0-1', 10)).toBeNull();
  });
});

describe('startStaticServer', () => {
  let root: string;
  let data: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'srv-root-'));
    data = mkdtempSync(join(tmpdir(), 'srv-data-'));
    writeFileSync(join(root, 'index.html'), '<p>hi</p>');
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'engine.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
    writeFileSync(join(data, 'digits.parquet'), '0123456789');
    writeFileSync(join(data, 'rows.json'), JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ code: '640000000000', i }))));
    server = await startStaticServer(root, { '/data/': data });
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  test('serves index.html for / and wasm as application/wasm', async () => {
    const page = await fetch(`${server.origin}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<p>hi</p>');
    const wasm = await fetch(`${server.origin}/assets/engine.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  });

  test('answers a Range request with 206 and Content-Range, and counts the bytes sent', async () => {
    server.log.length = 0;
    const res = await fetch(`${server.origin}/data/digits.parquet`, { headers: { Range: 'bytes=2-5' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await res.text()).toBe('2345');
    expect(server.log).toEqual([{ method: 'GET', path: '/data/digits.parquet', range: 'bytes=2-5', status: 206, bytes: 4, plainBytes: 4, encoding: null }]);
  });

  test('answers HEAD with the length and no body, and 416 for a range past the end', async () => {
    const head = await fetch(`${server.origin}/data/digits.parquet`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('10');
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    const bad = await fetch(`${server.origin}/data/digits.parquet`, { headers: { Range: 'bytes=20-' } });
    expect(bad.status).toBe(416);
    expect(bad.headers.get('content-range')).toBe('bytes */10');
  });

  test('sends whole text files gzip-compressed to a client that accepts it, binaries and ranges as they are', async () => {
    server.log.length = 0;
    const json = await fetch(`${server.origin}/data/rows.json`);
    expect(json.headers.get('content-encoding')).toBe('gzip');
    const rows = (await json.json()) as { i: number }[];
    expect(rows).toHaveLength(500);
    expect(rows[499]?.i).toBe(499);
    const sent = server.log[0]!;
    expect(sent.encoding).toBe('gzip');
    expect(sent.plainBytes).toBe(JSON.stringify(rows.map((r) => ({ code: '640000000000', i: r.i }))).length);
    expect(sent.bytes).toBeLessThan(sent.plainBytes / 5);
    const plain = await fetch(`${server.origin}/data/rows.json`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(sent.plainBytes);
    const part = await fetch(`${server.origin}/data/rows.json`, { headers: { Range: 'bytes=0-1' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('[{');
    const wasm = await fetch(`${server.origin}/assets/engine.wasm`);
    expect(wasm.headers.get('content-encoding')).toBeNull();
  });

  test('returns 404 for missing files and for paths that climb out of the root', async () => {
    expect((await fetch(`${server.origin}/nope.js`)).status).toBe(404);
    expect((await fetch(`${server.origin}/data/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.origin}/..%2f..%2fetc/passwd`)).status).toBe(404);
  });
});
