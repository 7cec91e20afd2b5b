import type { Messages } from '../i18n';
import type { FilteredSums } from '../state/use-filtered-sums';

/** Says that the map and figures are filtered (or being recomputed for a filter), with a way out. */
export function FilterStatus({ t, state, onClear }: { t: Messages; state: FilteredSums; onClear: () => void }) {
  if (state.state === 'off') return null;
  const text = state.state === 'running' ? t.filterRunning : state.state === 'error' ? t.filterFailed(state.message) : '';
  return (
    <div className={`panel filter-status ${state.state}`} role="status" aria-live="polite" data-testid="filter-status" data-state={state.state}>
      <span className="filtered-tag">{t.filtered}</span>
      {text && <span className="filter-text">{text}</span>}
      <button type="button" className="clear-filter" onClick={onClear}>
        {t.clearFilter}
      </button>
    </div>
  );
}
