import type { SitingData, SitingQuestion, SitingResult } from '../../siting/suggest';

export interface ExactProgress {
  incumbent: number;
  bound: number;
  elapsedMs: number;
}

/** Runs the exact method in a worker; `stop()` terminates it (the promise then rejects with `stopped`). */
export function runExact(question: SitingQuestion, data: SitingData, onProgress: (p: ExactProgress) => void): { done: Promise<SitingResult>; stop: () => void } {
  const worker = new Worker(new URL('./exact-worker.ts', import.meta.url), { type: 'module' });
  let reject: (e: Error) => void = () => {};
  const done = new Promise<SitingResult>((res, rej) => {
    reject = rej;
    worker.onmessage = (e: MessageEvent<{ type: string; result?: SitingResult; message?: string } & ExactProgress>) => {
      if (e.data.type === 'progress') onProgress(e.data);
      else if (e.data.type === 'done') {
        res(e.data.result!);
        worker.terminate();
      } else {
        rej(new Error(e.data.message ?? 'solver failed'));
        worker.terminate();
      }
    };
    worker.onerror = (e) => {
      rej(new Error(e.message || 'the solver worker failed to start'));
      worker.terminate();
    };
  });
  worker.postMessage({ question, data: { cells: data.cells, villages: data.villages, existing: data.existing.map((x) => ({ lon: x.lon, lat: x.lat })) } });
  return {
    done,
    stop: () => {
      worker.terminate();
      reject(new Error('stopped'));
    },
  };
}
