import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { BoundaryCollection } from '../../data/dataset-client';
import type { RegionStats } from '../../domain/income';
import { placeName, type Lang, type Messages } from '../../i18n';
import { formatGrowth, formatInteger, formatYuan } from '../../i18n/format';
import { EXPORT_MESSAGES } from '../../i18n/export';
import { rankingCsv } from '../../export/csv';
import { downloadText } from '../panels/download';
import { ExportCsv } from '../panels/ExportCsv';

export type RankingKey = 'perCapita' | 'growth' | 'households' | 'gap' | 'facilities';

const VALUE: Record<RankingKey, (s: RegionStats | undefined) => number> = {
  perCapita: (s) => s?.perCapita ?? Number.NaN,
  growth: (s) => s?.growth ?? Number.NaN,
  households: (s) => s?.sums.households ?? Number.NaN,
  gap: () => Number.NaN,
  facilities: () => Number.NaN,
};

/** Codes ordered by `key`, largest first (or smallest with `ascending`); regions without a value last. */
export function rankCodes(codes: string[], stats: Map<string, RegionStats>, key: RankingKey, ascending = false, gaps?: ReadonlyMap<string, number>, facilities?: ReadonlyMap<string, number>): string[] {
  const value = (c: string) => (key === 'gap' ? (gaps?.get(c) ?? Number.NaN) : key === 'facilities' ? (facilities?.get(c) ?? 0) : VALUE[key](stats.get(c)));
  return [...codes].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (!Number.isFinite(va) || !Number.isFinite(vb)) return Number(!Number.isFinite(va)) - Number(!Number.isFinite(vb)) || a.localeCompare(b);
    return (ascending ? va - vb : vb - va) || a.localeCompare(b);
  });
}

export interface RankingListProps {
  t: Messages;
  lang: Lang;
  title: string;
  features: BoundaryCollection;
  stats: Map<string, RegionStats>;
  /** Highlighted row (the village on screen among its siblings). */
  current: string | null;
  onOpen: (code: string) => void;
  /** Gap of each unit to the target the map shows (gap and status maps): adds a column, sorted by it, shortfalls first. */
  gaps?: { label: string; values: ReadonlyMap<string, number>; format: (x: number) => string };
  /**
   * The unit on screen. When it changes after the first render (a drill from a row, the map or the
   * breadcrumb, or back/forward), focus moves to this list's active row, so keyboard users land in
   * the new view instead of on the page.
   */
  unitCode?: string;
  /** Facilities per unit of the layers shown: adds a column (sortable), absent when no layer is on. */
  facilities?: { label: string; title: string; values: ReadonlyMap<string, number> };
}

/** Index a key moves the active row to among `n` rows (Up/Down, Home/End), or null for other keys. */
export function rowKeyTarget(key: string, index: number, n: number): number | null {
  if (n === 0) return null;
  if (key === 'ArrowDown') return Math.min(n - 1, index + 1);
  if (key === 'ArrowUp') return Math.max(0, index - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

/**
 * The map's regions as a sortable table: click a column header to sort (again to reverse),
 * click a row, or Tab to the list, move with the arrow keys (Up/Down, Home/End: one tab stop,
 * a roving tabindex) and press Enter to drill into it.
 */
export function RankingList({ t, lang, title, features, stats, current, onOpen, gaps, unitCode, facilities }: RankingListProps) {
  const [chosen, setSort] = useState<{ key: RankingKey; ascending: boolean } | null>(null);
  // The row that holds the list's tab stop; unset or gone: the current unit's row, else the first.
  const [active, setActive] = useState<string | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const shownUnit = useRef(unitCode);
  const sort = chosen && (chosen.key !== 'gap' || gaps) && (chosen.key !== 'facilities' || facilities) ? chosen : gaps ? { key: 'gap' as const, ascending: true } : { key: 'perCapita' as const, ascending: false };
  const names = new Map(features.features.map((f) => [f.properties.code, placeName(f.properties, lang)]));
  const hintId = `ranking-hint-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const codes = rankCodes([...names.keys()], stats, sort.key, sort.ascending, gaps?.values, facilities?.values);
  const columns: { key: RankingKey; label: string }[] = [
    ...(gaps ? [{ key: 'gap' as const, label: gaps.label }] : []),
    { key: 'perCapita', label: t.perCapita },
    { key: 'growth', label: t.growth },
    { key: 'households', label: t.households },
    ...(facilities ? [{ key: 'facilities' as const, label: facilities.label }] : []),
  ];
  const toggle = (key: RankingKey) => setSort({ key, ascending: sort.key === key ? !sort.ascending : key === 'gap' });
  const tabStop = active && names.has(active) ? active : current && names.has(current) ? current : (codes[0] ?? null);
  const focusRow = (code: string | null) => {
    if (code) body.current?.querySelector<HTMLElement>(`tr[data-code="${code}"]`)?.focus();
  };
  const onRowKey = (e: KeyboardEvent, code: string, index: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(code);
      return;
    }
    const to = rowKeyTarget(e.key, index, codes.length);
    if (to === null) return;
    e.preventDefault();
    setActive(codes[to]);
    focusRow(codes[to]);
  };
  // After a drill the list shows the new unit's children: put focus on its tab stop (the village
  // on screen among its siblings, else the first row). Not on the first render: a page opened at
  // a unit keeps the browser's initial focus.
  useEffect(() => {
    if (shownUnit.current === unitCode) return;
    shownUnit.current = unitCode;
    setActive(null);
    const code = current && names.has(current) ? current : (codes[0] ?? null);
    focusRow(code);
    // Only a change of unit moves focus; the rows of that unit are in the DOM by now.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unitCode]);
  return (
    <section className="panel side-panel ranking" aria-label={title} data-testid="ranking">
      <h2>{title}</h2>
      <p className="panel-hint" id={hintId}>{t.rankingHint}{' · '}{t.rankingKeysHint}</p>
      <ExportCsv t={t} testId="ranking-export" label={t.panels.exportCsv} disabled={codes.length === 0} busy={false} onExport={(precision) => downloadText(rankingCsv(
        codes.map((code) => ({ code, name: names.get(code) ?? code, stats: stats.get(code), gap: gaps?.values.get(code) ?? null, facilities: facilities?.values.get(code) })),
        { rank: t.rankingRank, code: EXPORT_MESSAGES[lang].code, name: t.rankingName, perCapita: `${t.perCapita} (${t.unitYuan})`, growth: `${t.growth} (%)`, households: `${t.households} (${t.unitHouseholds})`, gap: gaps?.label, facilities: facilities?.label },
        precision), `ranking-${(unitCode ?? 'view').replace(/[^0-9A-Za-z]/g, '')}.csv`)} />
      <div className="ranking-scroll">
        <table aria-describedby={hintId}>
          <thead>
            <tr>
              <th scope="col" className="num">{t.rankingRank}</th>
              <th scope="col">{t.rankingName}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="num" aria-sort={sort.key === c.key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort" onClick={() => toggle(c.key)} title={t.sortBy(c.label)} data-testid={`sort-${c.key}`}>
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={body}>
            {codes.map((code, i) => {
              const s = stats.get(code);
              const name = names.get(code) ?? code;
              const open = () => onOpen(code);
              return (
                <tr
                  key={code}
                  tabIndex={code === tabStop ? 0 : -1}
                  data-testid="ranking-row"
                  data-code={code}
                  aria-current={code === current ? 'true' : undefined}
                  onClick={open}
                  onFocus={() => setActive(code)}
                  onKeyDown={(e) => onRowKey(e, code, i)}
                >
                  <td className="num rank">{i + 1}</td>
                  <th scope="row" title={name}>{name}</th>
                  {gaps && <td className="num" data-testid="ranking-gap">{Number.isFinite(gaps.values.get(code) ?? Number.NaN) ? gaps.format(gaps.values.get(code)!) : t.noData}</td>}
                  <td className="num">{s ? formatYuan(s.perCapita, lang) : t.noData}</td>
                  <td className="num">{s ? formatGrowth(s.growth, lang) : t.noData}</td>
                  <td className="num">{s ? formatInteger(s.sums.households, lang) : t.noData}</td>
                  {facilities && <td className="num" data-testid="ranking-facilities" title={facilities.title}>{formatInteger(facilities.values.get(code) ?? 0, lang)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
