/**
 * Datasets held in this page's memory: a folder made by `npm run import` that the user opened
 * from disk, or one the browser's import built from dropped files. Each file is a Blob with an
 * object URL, so the dataset is read through the same `fetch` paths as a folder on the server
 * and nothing leaves the browser. A local dataset is named `local:<id>/`; it lives until the
 * page is closed (a reload or a shared link cannot bring it back — the loader says so).
 */

const PREFIX = 'local:';
const folders = new Map<string, Map<string, string>>();
let seq = 0;

/** True for a dataset value naming a local folder (`local:<id>/`). */
export function isLocalDataset(dataset: string): boolean {
  return /^local:[a-z0-9]{1,40}\/$/.test(dataset);
}

/** Registers the files (paths relative to the folder, e.g. `boundaries/county.geojson`); returns the dataset value. */
export function registerLocalDataset(files: ReadonlyMap<string, Blob>): string {
  const id = `${Date.now().toString(36)}${(++seq).toString(36)}`;
  const urls = new Map<string, string>();
  for (const [name, blob] of files) urls.set(name.replace(/^\.?\//, ''), URL.createObjectURL(blob));
  const dataset = `${PREFIX}${id}/`;
  folders.set(dataset, urls);
  return dataset;
}

/** Thrown when a local dataset is asked for after the page that held it was reloaded. */
export class LocalDatasetGoneError extends Error {
  constructor(readonly dataset: string) {
    super('本地数据只在打开它的页面中：请重新导入或打开文件夹 · A local dataset lives only in the page that opened it: import or open the folder again');
    this.name = 'LocalDatasetGoneError';
  }
}

/**
 * The URL of file `name` of local dataset `dataset`. A file the folder lacks gets the URL
 * `local:<id>/<name>`, which `fetch` refuses (an unknown scheme), so the loader reports that file
 * as missing by name.
 */
export function localFileUrl(dataset: string, name: string): string {
  const urls = folders.get(dataset);
  if (!urls) throw new LocalDatasetGoneError(dataset);
  return urls.get(name.replace(/^\.?\//, '')) ?? `${dataset}${name}`;
}
