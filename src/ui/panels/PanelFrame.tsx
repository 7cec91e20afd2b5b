import { useContext, type ReactNode } from 'react';
import { PopulationName } from './population-name';
import type { Messages } from '../../i18n';
import type { QueryState } from './use-query';

export interface PanelFrameProps {
  t: Messages;
  id: string;
  title: string;
  /** Line under the title: place, period, unit. */
  subtitle?: string;
  /** State of the panel's main query: drives the loading / engine / error lines and `data-state`. */
  state: Pick<QueryState<unknown>, 'status' | 'error'>;
  /** Controls beside the title (tabs, export). */
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * The frame every analysis panel shares: a labelled `<section>` with its heading, a status line
 * while the engine starts or a query runs, and the error in words when it fails. `data-state`
 * mirrors the query state for tests and styling. Content is hidden until there is data, so no
 * panel ever shows a figure it has not queried.
 */
export function PanelFrame({ t, id, title, subtitle, state, actions, children }: PanelFrameProps) {
  const headingId = `${id}-heading`;
  const population = useContext(PopulationName);
  return (
    <section className="panel analysis-panel" aria-labelledby={headingId} data-testid={id} data-state={state.status} aria-busy={state.status === 'loading' || state.status === 'engine'}>
      <header className="analysis-head">
        <div>
          <h2 id={headingId}>{title}</h2>
          {subtitle && <p className="analysis-sub">{subtitle}</p>}
          {population && <p className="analysis-population" data-testid={`${id}-population`}>{population}</p>}
        </div>
        {actions && <div className="analysis-actions">{actions}</div>}
      </header>
      {state.status === 'engine' && (
        <p className="analysis-status loading" role="status">
          <span className="dot" aria-hidden="true" />
          {t.panels.loadingEngine}
        </p>
      )}
      {state.status === 'loading' && (
        <p className="analysis-status loading" role="status">
          <span className="dot" aria-hidden="true" />
          {t.panels.loading}
        </p>
      )}
      {state.status === 'error' && (
        <p className="analysis-status error" role="alert" data-testid={`${id}-error`}>
          {t.panels.queryFailed(state.error ?? '')}
        </p>
      )}
      {state.status !== 'engine' && state.status !== 'error' && children}
    </section>
  );
}
