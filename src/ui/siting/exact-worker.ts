/// <reference lib="webworker" />
/**
 * The exact method off the main thread: HiGHS (wasm, served by the app itself) solves the integer
 * programme while the page stays responsive; progress (incumbent, bound) is posted every 300 ms.
 * The same `suggestSites` as `npm run site`. Stopping is the page terminating this worker.
 */
import loadHighs, { type Highs } from 'highs';
import wasmUrl from 'highs/runtime?url';
import { suggestSites, type SitingData, type SitingQuestion } from '../../siting/suggest';

let highs: Promise<Highs> | null = null;

self.onmessage = async (e: MessageEvent<{ question: SitingQuestion; data: SitingData }>) => {
  try {
    highs ??= loadHighs({ locateFile: () => wasmUrl });
    const solver = await highs;
    const result = suggestSites(e.data.question, e.data.data, solver, {
      progressEveryMs: 300,
      onProgress: (p) => self.postMessage({ type: 'progress', ...p }),
    });
    self.postMessage({ type: 'done', result });
  } catch (error) {
    self.postMessage({ type: 'error', message: (error as Error).message ?? String(error) });
  }
};
