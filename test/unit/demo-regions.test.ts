import { describe, expect, it } from 'vitest';
import { DEMO_REGIONS, probeDemoRegions } from '../../src/data/demo-regions';

describe('which demo regions exist', () => {
  it('accepts a manifest that parses and names its own id; a 404, an HTML fallback or a network error does not count', async () => {
    const asked: string[] = [];
    const fake = (async (url: string) => {
      asked.push(url);
      if (url === 'data/ningxia/manifest.json') return new Response(JSON.stringify({ id: 'ningxia' }), { status: 200 });
      if (url === 'data/jiangxi/manifest.json') return new Response('<!doctype html><html></html>', { status: 200 });
      if (url === 'data/daxiang/manifest.json') return new Response(JSON.stringify({ id: 'ningxia' }), { status: 200 });
      if (url === 'data/jiyuan/manifest.json') throw new TypeError('Failed to fetch');
      return new Response('not found', { status: 404 });
    }) as typeof fetch;
    expect(await probeDemoRegions(fake)).toEqual({ ningxia: true, jiangxi: false, daxiang: false, jiyuan: false, beizhang: false });
    // Relative URLs only: the page's own origin.
    expect(asked).toEqual(DEMO_REGIONS.map((r) => `data/${r.id}/manifest.json`));
  });
});
