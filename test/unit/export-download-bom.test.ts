import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from '../../src/ui/panels/download';

/** What the download hands the browser: the blob behind the object URL and the file name. */
function captureDownload(): { blobs: Blob[]; names: string[] } {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: (b: Blob) => (blobs.push(b), `blob:${blobs.length}`), revokeObjectURL: () => {} }));
  const anchor = { href: '', download: '', style: {}, click: () => names.push(anchor.download), remove: () => {} };
  vi.stubGlobal('document', { createElement: () => anchor, body: { appendChild: () => {} } });
  return { blobs, names };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CSV downloads', () => {
  it('start with the UTF-8 BOM bytes, whether or not the text has one', async () => {
    const { blobs, names } = captureDownload();
    downloadText('名称,人均纯收入\r\n甲,1\r\n', 'a.csv');
    downloadText('\uFEFF名称\r\n', 'b.csv');
    expect(names).toEqual(['a.csv', 'b.csv']);
    const a = new Uint8Array(await blobs[0]!.arrayBuffer());
    const b = new Uint8Array(await blobs[1]!.arrayBuffer());
    expect([...a.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(a.subarray(3)).startsWith('名称,人均纯收入')).toBe(true);
    // Exactly one BOM: a text that has one is not given a second.
    expect([...b.subarray(0, 6)]).toEqual([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('名')]);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
  });

  it('leave other types as they are', async () => {
    const { blobs } = captureDownload();
    downloadText('{"type":"FeatureCollection"}', 'a.geojson', 'application/geo+json');
    expect(new TextDecoder().decode(await blobs[0]!.arrayBuffer())).toBe('{"type":"FeatureCollection"}');
  });
});
