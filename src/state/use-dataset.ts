import { useEffect, useState } from 'react';
import type { Connector } from '../data/engine/connector';
import { FirstScreenError, firstScreenLoad, type FirstScreenData, type FirstScreenStep, type LoadProblem, type StepProgress } from '../data/first-screen';

export type DatasetLoad =
  | { status: 'loading'; steps: Partial<Record<FirstScreenStep, StepProgress>> }
  | { status: 'error'; step: FirstScreenStep | null; url: string | null; message: string; failure: LoadFailure }
  | { status: 'ready'; data: FirstScreenData };

/** A failed load in the error screen's terms: what it means, the file (relative to the dataset), an HTTP status. */
export interface LoadFailure {
  problem: LoadProblem;
  file: string | null;
  httpStatus: number | null;
}

/**
 * Loads the first screen's data for the dataset folder `datasetUrl` (again when it changes, or
 * when `attempt` changes, for a retry), reporting per-file progress. Uses the load `main.tsx`
 * started before the first render when there is one (`prefetchFirstScreen`).
 */
export function useDataset(datasetUrl: string, createConnector: () => Promise<Connector>, attempt: number): DatasetLoad {
  const [load, setLoad] = useState<DatasetLoad>({ status: 'loading', steps: {} });

  useEffect(() => {
    let cancelled = false;
    let settled = false;
    const steps: Partial<Record<FirstScreenStep, StepProgress>> = {};
    setLoad({ status: 'loading', steps: {} });
    let frame = 0;
    // Progress callbacks come per network chunk; repaint at most once a frame.
    const flush = () => {
      frame = 0;
      if (!cancelled && !settled) setLoad({ status: 'loading', steps: { ...steps } });
    };
    const run = firstScreenLoad(datasetUrl, createConnector, attempt > 0);
    const unsubscribe = run.subscribe((p) => {
      steps[p.step] = p;
      if (!frame) frame = requestAnimationFrame(flush);
    });
    run.promise.then(
      (data) => {
        settled = true;
        if (!cancelled) setLoad({ status: 'ready', data });
      },
      (error: unknown) => {
        settled = true;
        if (cancelled) return;
        if (error instanceof FirstScreenError) {
          setLoad({ status: 'error', step: error.step, url: error.url, message: error.message, failure: { problem: error.problem, file: error.file, httpStatus: error.status } });
        } else {
          const message = error instanceof Error ? error.message : String(error);
          setLoad({ status: 'error', step: null, url: null, message, failure: { problem: 'other', file: null, httpStatus: null } });
        }
      },
    );
    return () => {
      cancelled = true;
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [datasetUrl, createConnector, attempt]);

  return load;
}
