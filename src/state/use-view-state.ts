import { useCallback, useEffect, useRef, useState } from 'react';
import { parseViewState, sameView, serializeViewState, type ViewState } from './view-state';

function currentState(): ViewState {
  return parseViewState(window.location.search);
}

function urlFor(state: ViewState): string {
  return `${window.location.pathname}${serializeViewState(state)}${window.location.hash}`;
}

/** How `update` records a change: a new history entry (default) or in place (playback, typing). */
export interface UpdateOptions {
  replace?: boolean;
}

export type UpdateView = (patch: Partial<ViewState>, options?: UpdateOptions) => void;

/**
 * The view state, kept in the page URL. `update` merges a patch and pushes a history entry
 * (or replaces the current one with `{replace: true}`);
 * back/forward (popstate) re-read the URL. On first use the URL is normalised (invalid values
 * dropped) without adding a history entry.
 */
export function useViewState(): [ViewState, UpdateView] {
  const [state, setState] = useState<ViewState>(currentState);
  // The latest state, so `update` can push history outside React's (possibly repeated) updaters.
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    const normalised = urlFor(currentState());
    if (normalised !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(null, '', normalised);
    }
    const onPop = () => {
      latest.current = currentState();
      setState(latest.current);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback<UpdateView>((patch, options) => {
    const prev = latest.current;
    const next = { ...prev, ...patch };
    if (sameView(prev, next)) return;
    latest.current = next;
    if (options?.replace) window.history.replaceState(null, '', urlFor(next));
    else window.history.pushState(null, '', urlFor(next));
    setState(next);
  }, []);

  return [state, update];
}
