/**
 * The import's worker: reads the dropped files (with progress), fetches the geography of their
 * villages from the app's own host, checks and converts them and builds the synthetic township
 * and village cells (`prepareImport`, the code `npm run import` runs), off the page's thread so a
 * large file never freezes it. Nothing is sent anywhere: the result goes back to the page.
 */
import { fetchGeography } from '../../data/import/fetch-geography';
import { prepareImport, type PrepareStep } from '../../data/import/prepare';
import type { ImportInput, RawTable } from '../../import';

export interface WorkerRequest {
  files: File[];
  /** Parquet inputs, already read by the page's engine. */
  tables: { name: string; table: RawTable }[];
  /** Inputs refused before reading (over the size limit, unreadable). */
  refused: ImportInput[];
  dropPii: boolean;
  salt: string;
  /** URL of the app's `geo/` folder. */
  geoBase: string;
}

export type WorkerStep = 'files' | PrepareStep;

export type WorkerMessage =
  | { type: 'progress'; step: WorkerStep; loaded: number; total: number }
  | { type: 'done'; prepared: Awaited<ReturnType<typeof prepareImport>> }
  | { type: 'error'; message: string };

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

async function readAll(files: File[]): Promise<ImportInput[]> {
  const total = files.reduce((s, f) => s + f.size, 0);
  let loaded = 0;
  const out: ImportInput[] = [];
  for (const file of files) {
    try {
      const bytes = new Uint8Array(file.size);
      const reader = file.stream().getReader();
      let at = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (at + value.length > bytes.length) throw new Error('the file changed while it was read');
        bytes.set(value, at);
        at += value.length;
        loaded += value.length;
        post({ type: 'progress', step: 'files', loaded, total });
      }
      out.push({ name: file.name, bytes: at === bytes.length ? bytes : bytes.subarray(0, at) });
    } catch (e) {
      out.push({ name: file.name, error: (e as Error).message });
    }
  }
  post({ type: 'progress', step: 'files', loaded: total, total });
  return out;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    const inputs = [...request.refused, ...(await readAll(request.files)), ...request.tables];
    const prepared = await prepareImport(
      inputs,
      { dropPii: request.dropPii, salt: request.salt },
      (codes) => fetchGeography(codes, request.geoBase, (loaded) => post({ type: 'progress', step: 'geography', loaded, total: Number.NaN })),
      (step) => post({ type: 'progress', step, loaded: 0, total: Number.NaN }),
    );
    post({ type: 'done', prepared });
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
};
