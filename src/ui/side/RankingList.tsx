import { useState } from 'react';
import type { BoundaryCollection } from '../../data/dataset-client';
import type { RegionStats } from '../../domain/income';
import { placeName, type Lang, type Messages } from '../../i18n';
import { formatGrowth, formatInteger, formatYuan } from '../../i18n/format';

export type RankingKey = 'perCapita' | 'growth' | 'households' | 'gap';

const VALUE: Record<RankingKey, (s: RegionStats | undefined) => number> = {
  perCapita: (s) => s?.perCapita ?? Number.NaN,
  growth: (s) => s?.growth ?? Number.NaN,
  households: (s) => s?.sums.households ?? Number.NaN,
  gap: () => Number.NaN,
};

/** Codes ordered by `key`, largest first (or smallest with `ascending`); regions without a value last. */
export function rankCodes(codes: string[], stats: Map<string, RegionStats>, key: RankingKey, ascending = false, gaps?: ReadonlyMap<string, number>): string[] {
  const value = (c: string) => (key === 'gap' ? (gaps?.get(c) ?? Number.NaN) : VALUE[key](stats.get(c)));
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
}

/**
 * The map's regions as a sortable table: click a column header to sort (again to reverse),
 * click a row or focus it (Tab) and press Enter to drill into it.
 */
export function RankingList({ t, lang, title, features, stats, current, onOpen, gaps }: RankingListProps) {
  const [chosen, setSort] = useState<{ key: RankingKey; ascending: boolean } | null>(null);
  const sort = chosen && (chosen.key !== 'gap' || gaps) ? chosen : gaps ? { key: 'gap' as const, ascending: true } : { key: 'perCapita' as const, ascending: false };
  const names = new Map(features.features.map((f) => [f.properties.code, placeName(f.properties, lang)]));
  const codes = rankCodes([...names.keys()], stats, sort.key, sort.ascending, gaps?.values);
  const columns: { key: RankingKey; label: string }[] = [
    ...(gaps ? [{ key: 'gap' as const, label: gaps.label }] : []),
    { key: 'perCapita', label: t.perCapita },
    { key: 'growth', label: t.growth },
    { key: 'households', label: t.households },
  ];
  const toggle = (key: RankingKey) => setSort({ key, ascending: sort.key === key ? !sort.ascending : key === 'gap' });
  return (
    <section className="panel side-panel ranking" aria-label={title} data-testid="ranking">
      <h2>{title}</h2>
      <p className="panel-hint">{t.rankingHint}</p>
      <div className="ranking-scroll">
        <table>
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
          <tbody>
            {codes.map((code, i) => {
              const s = stats.get(code);
              const name = names.get(code) ?? code;
              const open = () => onOpen(code);
              return (
                <tr
                  key={code}
                  tabIndex={0}
                  data-testid="ranking-row"
                  data-code={code}
                  aria-current={code === current ? 'true' : undefined}
                  onClick={open}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      open();
                    }
                  }}
                >
                  <td className="num rank">{i + 1}</td>
                  <th scope="row">{name}</th>
                  {gaps && <td className="num" data-testid="ranking-gap">{Number.isFinite(gaps.values.get(code) ?? Number.NaN) ? gaps.format(gaps.values.get(code)!) : t.noData}</td>}
                  <td className="num">{s ? formatYuan(s.perCapita, lang) : t.noData}</td>
                  <td className="num">{s ? formatGrowth(s.growth, lang) : t.noData}</td>
                  <td className="num">{s ? formatInteger(s.sums.households, lang) : t.noData}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
