import { placeName, type Lang, type Messages } from '../i18n';
import type { UnitData } from '../state/use-unit-data';

/**
 * Root → … → current unit; every ancestor is a button that drills back up to it. Levels the
 * dataset has no names for are left out rather than shown as bare codes.
 */
export function Breadcrumb({ t, lang, crumbs, loading, onOpen, asOf }: { t: Messages; lang: Lang; crumbs: UnitData['crumbs']; loading: boolean; onOpen: (code: string) => void; asOf?: string }) {
  const shown = crumbs.filter((c, i) => c.names !== null || i === crumbs.length - 1);
  return (
    <nav className="breadcrumb" aria-label={t.breadcrumbLabel} data-testid="breadcrumb" aria-busy={loading}>
      <ol>
        {shown.map((c, i) => {
          const name = c.names ? placeName(c.names, lang) : c.code;
          const last = i === shown.length - 1;
          return (
            <li key={c.code} data-code={c.code}>
              {last ? (
                <span aria-current="page" className="crumb-current">
                  {name}
                </span>
              ) : (
                <button type="button" className="crumb-link" onClick={() => onOpen(c.code)}>
                  {name}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {loading && <span className="crumb-loading">{t.loadingUnit}</span>}
      {/* The dataset's as-of quarter, on every screen. */}
      {asOf && <span className="crumb-asof" data-testid="as-of">{asOf}</span>}
    </nav>
  );
}
