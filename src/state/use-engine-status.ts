import { useEffect, useState } from 'react';
import type { DatasetClient, LoadProgress } from '../data/dataset-client';

export type EngineStatus =
  | { state: 'idle' }
  | { state: 'loading'; progress: LoadProgress }
  | { state: 'ready' }
  | { state: 'error'; message: string };

/**
 * Starts the dataset's database engine once `start` is true (after the first map is painted) and
 * follows its progress. Failure is reported, never thrown: the first screen does not need it.
 */
export function useEngineStatus(client: DatasetClient | null, start: boolean): EngineStatus {
  const [status, setStatus] = useState<EngineStatus>({ state: 'idle' });

  useEffect(() => {
    if (!client || !start) return;
    let cancelled = false;
    client
      .engine((progress) => {
        if (cancelled) return;
        setStatus(progress.phase === 'ready' ? { state: 'ready' } : { state: 'loading', progress });
      })
      .then(
        () => {
          if (!cancelled) setStatus({ state: 'ready' });
        },
        (error: unknown) => {
          if (!cancelled) setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [client, start]);

  return status;
}
