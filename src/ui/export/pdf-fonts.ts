/**
 * The bundled font's files for the PDF, fetched from the app's own host: the same WOFF files the
 * page's @font-face rules (@fontsource/noto-sans-sc/400.css) already ship in the build, so no
 * asset is added and no other host is asked. Part of the lazily loaded PDF chunk.
 */
import { subsetFileName, subsetsFor } from '../../export/font-subsets';

const URLS = import.meta.glob<string>('../../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff', { query: '?url', import: 'default', eager: true });
const BY_NAME = new Map(Object.entries(URLS).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));

/** The font files holding every character of `texts`, in the order `subsetsFor` gives. */
export async function fontFilesFor(texts: Iterable<string>): Promise<Uint8Array[]> {
  const keys = subsetsFor(texts);
  return Promise.all(keys.map(async (key) => {
    const url = BY_NAME.get(subsetFileName(key));
    if (!url) throw new Error(`font file ${subsetFileName(key)} is not in the build`);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`font file ${url}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }));
}
