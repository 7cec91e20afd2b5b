import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyLoadError, FirstScreenError } from '../../src/data/first-screen';
import { FetchError, fetchJson } from '../../src/data/fetch-progress';

const answer = (body: string, init: ResponseInit) => vi.fn(async () => new Response(body, init));

describe('why a fetch of JSON failed', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a web page where JSON was expected (a static host answering index.html) is html, not a JSON error', async () => {
    vi.stubGlobal('fetch', answer('<!doctype html><html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const e = await fetchJson('http://x/data/jiangxx/manifest.json').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(FetchError);
    expect((e as FetchError).reason).toBe('html');
    expect((e as FetchError).message).not.toContain('Unexpected token');
  });

  it('an HTML body with a JSON content type is still a web page', async () => {
    vi.stubGlobal('fetch', answer('\n  <html>', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    expect(((await fetchJson('http://x/a.json').catch((e: unknown) => e)) as FetchError).reason).toBe('html');
  });

  it('an error status is http with the status', async () => {
    vi.stubGlobal('fetch', answer('not found', { status: 404, statusText: 'Not Found' }));
    const e = (await fetchJson('http://x/a.json').catch((err: unknown) => err)) as FetchError;
    expect([e.reason, e.status]).toEqual(['http', 404]);
  });

  it('a damaged JSON body is json; no answer at all is network', async () => {
    vi.stubGlobal('fetch', answer('{"id": ', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    expect(((await fetchJson('http://x/a.json').catch((e: unknown) => e)) as FetchError).reason).toBe('json');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(((await fetchJson('http://x/a.json').catch((e: unknown) => e)) as FetchError).reason).toBe('network');
  });
});

describe('what a failed first-screen step means', () => {
  const url = 'http://x/data/a/manifest.json';
  it('a manifest answered 404 or with a page: no dataset there', () => {
    expect(classifyLoadError('manifest', new FetchError('m', url, 'http', 404)).problem).toBe('not-found');
    expect(classifyLoadError('manifest', new FetchError('m', url, 'html', 200)).problem).toBe('not-found');
  });

  it('a file after the manifest answered 404: the dataset is incomplete', () => {
    expect(classifyLoadError('boundaries', new FetchError('m', url, 'http', 404)).problem).toBe('missing-file');
  });

  it('a manifest that parsed but failed its check: not a dataset manifest', () => {
    expect(classifyLoadError('manifest', new Error('data/a/manifest.json lacks id, root')).problem).toBe('bad-manifest');
  });

  it('server errors, damaged files and no connection keep their own words', () => {
    expect(classifyLoadError('countyAgg', new FetchError('m', url, 'http', 503))).toEqual({ problem: 'server', status: 503 });
    expect(classifyLoadError('rootAgg', new FetchError('m', url, 'json', 200)).problem).toBe('not-json');
    expect(classifyLoadError('manifest', new FetchError('m', url, 'network')).problem).toBe('network');
  });

  it('the error carries the problem and the file relative to the dataset', () => {
    const e = new FirstScreenError('boundaries', 'http://x/data/a/boundaries/county.geojson', new FetchError('m', url, 'http', 404), 'boundaries/county.geojson');
    expect([e.problem, e.file, e.status]).toEqual(['missing-file', 'boundaries/county.geojson', 404]);
    expect(new FirstScreenError('manifest', url, new Error('x')).file).toBe('manifest.json');
  });
});
