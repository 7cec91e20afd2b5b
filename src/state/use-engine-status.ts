import { useEffect, useState } from 'react';
import type { DatasetClient, LoadProgress } from '../data/dataset-client';
import type { Level } from '../domain/dataset';
import type { SumsCheck } from '../domain/sums-check';

export type EngineStatus =
  | { state: 'idle' }
  | { state: 'loading'; progress: LoadProgress }
  | { state: 'verifying' }
  | { state: 'ready'; check: SumsCheck | null; incomeRows: number }
  | { state: 'error'; message: string };

/**
 * Starts the dataset's database engine once `start` is true (after the first map is painted),
 * follows its progress, then checks the pre-aggregates the map was painted from against the
 * household records (`verifyLevel`). Failure is reported, never thrown: the first screen does not
 * need the engine.
 */
export function useEngineStatus(client: DatasetClient | null, start: boolean, verifyLevel: Level): EngineStatus {
  const [status, setStatus] = useState<EngineStatus>({ state: 'idle' });

  useEffect(() => {
    if (!client || !start) return;
    let cancelled = false;
    const fail = (error: unknown) => {
      if (!cancelled) setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    };
    client
      .engine((progress) => {
        if (cancelled) return;
        setStatus(progress.phase === 'ready' ? { state: 'verifying' } : { state: 'loading', progress });
      })
      .then(async () => {
        if (cancelled) return;
        // A dataset split by county holds no province-wide household rows to check against.
        if (client.partitioned) {
          setStatus({ state: 'ready', check: null, incomeRows: Number.NaN });
          return;
        }
        setStatus({ state: 'verifying' });
        const check = await client.verifyAggregates(verifyLevel);
        const incomeRows = client.manifest.files['income.parquet']?.rows ?? Number.NaN;
        if (!cancelled) setStatus({ state: 'ready', check, incomeRows });
      })
      .catch(fail);
    return () => {
      cancelled = true;
    };
  }, [client, start, verifyLevel]);

  return status;
}
