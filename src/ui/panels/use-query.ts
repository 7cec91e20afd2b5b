import { useEffect, useRef, useState } from 'react';
import type { Connector } from '../../data/engine/connector';

/** State of one panel query. `data` keeps the last result while a newer one loads. */
export interface QueryState<T> {
  /** `engine`: no database yet; `loading`: a query runs; `ready`: `data` answers `key`; `error`: it failed. */
  status: 'engine' | 'loading' | 'ready' | 'error';
  data: T | undefined;
  error: string | null;
}

/**
 * Runs `fn(db)` whenever `db` or `key` changes and returns its state. `db` is the source the
 * query needs — the engine's connector, or any other stable value (e.g. `PRE_AGGREGATES`); null
 * while it is not there. `key` must capture every
 * input of `fn` (a JSON string of scope and options does); `fn` itself may be a fresh closure on
 * every render. A result that arrives after the inputs changed is dropped, so a slow old query
 * never overwrites a newer one.
 */
export function useQuery<T, S = Connector>(db: S | null, key: string, fn: (db: S) => Promise<T>): QueryState<T> {
  const [state, setState] = useState<QueryState<T> & { key: string | null }>({ status: db ? 'loading' : 'engine', data: undefined, error: null, key: null });
  const fnRef = useRef(fn);
  fnRef.current = fn;

  useEffect(() => {
    if (!db) {
      setState({ status: 'engine', data: undefined, error: null, key: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    fnRef.current(db).then(
      (data) => {
        if (live) setState({ status: 'ready', data, error: null, key });
      },
      (e: unknown) => {
        if (live) setState({ status: 'error', data: undefined, error: e instanceof Error ? e.message : String(e), key });
      },
    );
    return () => {
      live = false;
    };
  }, [db, key]);

  // Between a change of key and the effect running, the old result must not pass for the new one.
  if (state.status === 'ready' && state.key !== key) return { status: 'loading', data: state.data, error: null };
  return { status: state.status, data: state.data, error: state.error };
}
