/**
 * The first screen's files requested before React renders (`prefetchFirstScreen`) and picked up by
 * the UI's load (`firstScreenLoad`): one request per file, progress replayed to a late
 * subscriber, a retry or a later visit loading anew. Real fetches of the Ningxia demo from the
 * test harness's static server.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firstScreenLoad, prefetchFirstScreen, type StepProgress } from '../../src/data/first-screen';
import type { Connector } from '../../src/data/engine/connector';
import { startStaticServer, type StaticServer } from '../browser/harness';

let server: StaticServer;
const noEngine = (): Promise<Connector> => Promise.reject(new Error('the first screen never starts the engine'));
/** The demo's folder as an absolute URL (Node's fetch takes no relative ones). */
const ningxia = () => `${server.origin}/data/ningxia`;
const manifestRequests = () => server.log.filter((e) => e.path === '/data/ningxia/manifest.json').length;

beforeAll(async () => {
  server = await startStaticServer('public');
  // loadFirstScreen resolves the dataset folder against the page's address.
  (globalThis as { window?: unknown }).window = { location: { href: `${server.origin}/` } };
});

afterAll(async () => {
  delete (globalThis as { window?: unknown }).window;
  await server.close();
});

describe('prefetchFirstScreen / firstScreenLoad', () => {
  test('the UI takes the prefetched load: one request per file, and the progress so far replayed', async () => {
    server.log.length = 0;
    prefetchFirstScreen(ningxia(), noEngine);
    prefetchFirstScreen(ningxia(), noEngine); // a second call starts nothing
    const load = firstScreenLoad(ningxia(), noEngine, false);
    const again = firstScreenLoad(ningxia(), noEngine, false); // a remount while under way
    expect(again).toBe(load);
    const data = await load.promise;
    expect(data.manifest.root.code).toBe('640000000000');
    expect(data.mapBoundaries.features).toHaveLength(22);
    expect(manifestRequests()).toBe(1);
    expect(server.log.filter((e) => e.path === '/data/ningxia/boundaries/county.geojson')).toHaveLength(1);

    const seen: StepProgress[] = [];
    load.subscribe((p) => seen.push(p));
    expect(seen.map((p) => p.step).sort()).toEqual(['boundaries', 'countyAgg', 'manifest', 'rootAgg']);
    expect(seen.every((p) => p.done && p.loaded > 0)).toBe(true);
  });

  test('after it settled, and on a retry, a new load fetches again', async () => {
    server.log.length = 0;
    const later = firstScreenLoad(ningxia(), noEngine, false);
    await later.promise;
    expect(manifestRequests()).toBe(1);

    prefetchFirstScreen(ningxia(), noEngine);
    const retry = firstScreenLoad(ningxia(), noEngine, true);
    await retry.promise;
    expect(manifestRequests()).toBe(3);
    // The prefetched load a retry replaced is not handed out afterwards.
    const next = firstScreenLoad(ningxia(), noEngine, false);
    expect(next).not.toBe(retry);
    await next.promise;
    expect(manifestRequests()).toBe(4);
  });

  test('a failed prefetch rejects the load that takes it with the file that failed', async () => {
    prefetchFirstScreen(`${server.origin}/data/nowhere`, noEngine);
    const load = firstScreenLoad(`${server.origin}/data/nowhere`, noEngine, false);
    await expect(load.promise).rejects.toMatchObject({ name: 'FirstScreenError', step: 'manifest' });
  });
});
