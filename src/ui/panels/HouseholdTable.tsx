import { useState } from 'react';
import { queryHouseholdPage, type HouseholdRow, type HouseholdSortKey } from '../../data/queries/households';
import { formatGrowth, formatInteger, formatYuan } from '../../i18n/format';
import { categoryLabel, causeLabel, measureLabel, mgmtClassLabel, riskLabel, scopePeriodLabel } from './labels';
import type { CsvPrecision } from '../../domain/csv';
import { downloadText } from './download';
import { ExportCsv } from './ExportCsv';
import { ledgerCsv } from './ledger-csv';
import { PanelFrame } from './PanelFrame';
import type { PanelContext } from './types';
import { useQuery } from './use-query';

export interface HouseholdTableProps extends PanelContext {
  /** Households per page (default 50). */
  pageSize?: number;
}

type ColumnId = HouseholdSortKey | 'flags' | 'risks' | 'measures';

interface Column {
  id: ColumnId;
  sortable: boolean;
  numeric: boolean;
  cell: (r: HouseholdRow) => string;
}

/**
 * The scope's households, anonymised (an id and the village, no names), one page at a time,
 * sorted by a column header (click again to reverse; `aria-sort` says how). Every vocabulary value
 * (category, management class, risks, decline cause, measures) is shown in the UI language.
 */
export function HouseholdTable({ t, lang, db, scope, childName, pageSize = 50 }: HouseholdTableProps) {
  const p = t.panels;
  const [sort, setSort] = useState<{ key: HouseholdSortKey; descending: boolean }>({ key: 'per_capita', descending: false });
  const scopeKey = JSON.stringify(scope);
  const [paging, setPaging] = useState({ scopeKey, page: 0 });
  // A new scope starts again at the first page.
  const page = paging.scopeKey === scopeKey ? paging.page : 0;
  const key = JSON.stringify(['households', scope, sort, page, pageSize]);
  const q = useQuery(db, key, (c) => queryHouseholdPage(c, scope, { sort: sort.key, descending: sort.descending, offset: page * pageSize, limit: pageSize }));
  const total = q.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const list = (xs: string[], label: (id: string) => string) => xs.map(label).join(lang === 'zh' ? '、' : ', ');

  const columns: Column[] = [
    { id: 'hh_id', sortable: true, numeric: false, cell: (r) => r.hh_id },
    { id: 'village_code', sortable: true, numeric: false, cell: (r) => childName(r.village_code) },
    { id: 'persons', sortable: true, numeric: true, cell: (r) => formatInteger(r.persons, lang) },
    { id: 'labour', sortable: true, numeric: true, cell: (r) => formatInteger(r.labour, lang) },
    { id: 'category', sortable: true, numeric: false, cell: (r) => categoryLabel(t, r.category) },
    { id: 'mgmt_class', sortable: true, numeric: false, cell: (r) => mgmtClassLabel(t, r.mgmt_class) },
    { id: 'wage', sortable: true, numeric: true, cell: (r) => formatYuan(r.wage, lang) },
    { id: 'operating', sortable: true, numeric: true, cell: (r) => formatYuan(r.operating, lang) },
    { id: 'property', sortable: true, numeric: true, cell: (r) => formatYuan(r.property, lang) },
    { id: 'transfer', sortable: true, numeric: true, cell: (r) => formatYuan(r.transfer, lang) },
    { id: 'per_capita', sortable: true, numeric: true, cell: (r) => formatYuan(r.per_capita, lang) },
    { id: 'growth', sortable: true, numeric: true, cell: (r) => formatGrowth(r.growth, lang) },
    {
      id: 'flags',
      sortable: false,
      numeric: false,
      cell: (r) =>
        [r.no_labour && p.columns.no_labour, r.safety_net && p.columns.safety_net, r.relocated && p.columns.relocated].filter(Boolean).join(lang === 'zh' ? '、' : ', '),
    },
    {
      id: 'risks',
      sortable: false,
      numeric: false,
      cell: (r) => list(r.risk_tags, (id) => riskLabel(t, id)),
    },
    { id: 'decline_cause', sortable: true, numeric: false, cell: (r) => causeLabel(t, r.decline_cause) },
    { id: 'measures', sortable: false, numeric: false, cell: (r) => list(r.measures, (id) => measureLabel(t, id)) },
  ];
  const header = (id: ColumnId) => p.columns[id];

  const clickSort = (id: HouseholdSortKey) => {
    setSort((s) => (s.key === id ? { key: id, descending: !s.descending } : { key: id, descending: false }));
    setPaging({ scopeKey, page: 0 });
  };
  const go = (to: number) => setPaging({ scopeKey, page: Math.min(pages - 1, Math.max(0, to)) });
  const from = total === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);

  // The export holds every household of the scope, in the table's order, with the ledgers' columns.
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportCsv = (precision: CsvPrecision) => {
    if (!db || exporting) return;
    const name = `${p.householdsTitle}-${childName(scope.within.code)}-${scope.period.year}Q${scope.period.quarter}.csv`.replace(/[\\/:*?"<>|\s]+/g, '_');
    setExporting(true);
    setExportError(null);
    queryHouseholdPage(db, scope, { sort: sort.key, descending: sort.descending, offset: 0, limit: Math.max(1, total) }).then(
      ({ rows }) => {
        downloadText(ledgerCsv(rows, t, lang, childName, precision), name);
        setExporting(false);
      },
      (e: unknown) => {
        setExportError(e instanceof Error ? e.message : String(e));
        setExporting(false);
      },
    );
  };

  return (
    <PanelFrame
      t={t}
      id="household-table"
      title={p.householdsTitle}
      subtitle={p.householdsCaption(childName(scope.within.code), scopePeriodLabel(t, scope.period))}
      state={q}
      actions={<ExportCsv t={t} testId="household-export" label={p.exportCsv} disabled={!q.data || q.status !== 'ready' || exporting || total === 0} busy={exporting} onExport={exportCsv} />}
    >
      {exportError && (
        <p className="analysis-status error" role="alert" data-testid="household-export-error">
          {p.queryFailed(exportError)}
        </p>
      )}
      {q.data && (
        <>
          <div className="pager" data-testid="household-pager" data-total={total} data-page={page}>
            <span aria-live="polite">{p.pageInfo(formatInteger(from, lang), formatInteger(to, lang), formatInteger(total, lang))}</span>
            <button type="button" onClick={() => go(page - 1)} disabled={page === 0} data-testid="household-prev">
              {p.previousPage}
            </button>
            <button type="button" onClick={() => go(page + 1)} disabled={page >= pages - 1} data-testid="household-next">
              {p.nextPage}
            </button>
          </div>
          <div className="table-scroll">
            <table className="figures households" data-testid="household-rows">
              <caption className="sr-only">{p.householdsCaption(childName(scope.within.code), scopePeriodLabel(t, scope.period))}</caption>
              <thead>
                <tr>
                  {columns.map((c) => {
                    const sorted = c.sortable && sort.key === c.id;
                    return (
                      <th key={c.id} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : c.sortable ? 'none' : undefined} data-column={c.id}>
                        {c.sortable ? (
                          <button type="button" className="sort" onClick={() => clickSort(c.id as HouseholdSortKey)} title={p.sortBy(header(c.id))}>
                            {header(c.id)}
                            <span aria-hidden="true" className="sort-mark">
                              {sorted ? (sort.descending ? '▼' : '▲') : ''}
                            </span>
                          </button>
                        ) : (
                          header(c.id)
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {q.data.rows.map((r) => (
                  <tr key={r.hh_id} data-hh={r.hh_id} data-per-capita={r.per_capita}>
                    {columns.map((c) => (
                      <td key={c.id} className={c.numeric ? 'num' : undefined}>
                        {c.cell(r)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </PanelFrame>
  );
}
