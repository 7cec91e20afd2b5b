import { memo, useMemo, useState } from 'react';
import { LEDGER_KINDS, queryLedger, queryLedgerView, type HouseholdRow, type LedgerKind } from '../../data/queries/households';
import { formatGrowth, formatInteger, formatPercent, formatYuan } from '../../i18n/format';
import { COMPONENTS } from './composition';
import type { CsvPrecision } from '../../domain/csv';
import { downloadText } from './download';
import { ExportCsv } from './ExportCsv';
import { categoryLabel, causeLabel, childLevel, mgmtClassLabel, scopePeriodLabel } from './labels';
import { ledgerCsv } from './ledger-csv';
import { summarizeLedgerUnits, type LedgerSummary } from './ledger-summary';
import { PanelFrame } from './PanelFrame';
import { formatFactor } from './basis';
import type { ProjectionFactor } from '../../targets/projection';
import { Tabs } from './Tabs';
import type { PanelContext } from './types';
import { useQuery } from './use-query';

export interface LedgersPanelProps extends PanelContext {
  /** The period's monitoring income line, yuan per person; without it the first ledger cannot be built. */
  monitoringLine?: number;
  /** The reference series are still being read: the line is not known to be missing yet. */
  lineLoading?: boolean;
  /**
   * For a year-to-date period, the projection of year-to-date income to the year (the targets'
   * `projectionFactor`): the monitoring-range ledger compares projected income with the annual
   * line. Null: no earlier year allows it, so that ledger cannot be drawn up. Undefined: a full year.
   */
  basis?: ProjectionFactor | null;
}

/** Rows shown in the panel; the export holds the whole ledger. */
const FIRST_ROWS = 20;
/** Child units named in the distribution line. */
const TOP_UNITS = 5;

/**
 * The three ledgers (台账) of seed 003 §三(三): households within the monitoring range, with income
 * falling, and relocated. One tab each: its size, where its households are, the make-up of their
 * income, the first rows, and a CSV export of the whole ledger (anonymous: ids and villages only).
 */
export function LedgersPanel({ t, lang, db, scope, childName, monitoringLine, lineLoading = false, basis }: LedgersPanelProps) {
  const p = t.panels;
  const [kind, setKind] = useState<LedgerKind>('monitoring_range');
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const annualFactor = basis ? basis.factor : undefined;
  const needsLine = kind === 'monitoring_range' && (monitoringLine === undefined || basis === null);
  const level = childLevel(scope.within.level);
  const key = JSON.stringify(['ledger', scope, kind, monitoringLine, annualFactor]);
  const q = useQuery(needsLine ? null : db, key, (c) => queryLedgerView(c, scope, { kind, line: monitoringLine, annualFactor }, level, FIRST_ROWS));
  // While the line is being read the ledger is loading, not missing.
  const state = needsLine && lineLoading ? { status: 'loading' as const, error: null } : needsLine && db ? { status: 'ready' as const, error: null } : q;
  const view = needsLine ? undefined : q.data;
  const summary = useMemo(() => (view ? summarizeLedgerUnits(view.units) : undefined), [view]);
  const place = childName(scope.within.code);
  const period = scopePeriodLabel(t, scope.period);

  // The export reads the whole ledger only when asked for (the panel holds its sums and first rows).
  const exportCsv = (precision: CsvPrecision) => {
    if (!db || !view || exporting) return;
    const name = `${p.ledgerNames[kind]}-${place}-${scope.period.year}Q${scope.period.quarter}.csv`.replace(/[\\/:*?"<>|\s]+/g, '_');
    setExporting(key);
    setExportError(null);
    queryLedger(db, scope, { kind, line: monitoringLine, annualFactor }).then(
      (rows) => {
        downloadText(ledgerCsv(rows, t, lang, childName, precision), name);
        setExporting(null);
      },
      (e: unknown) => {
        setExportError(e instanceof Error ? e.message : String(e));
        setExporting(null);
      },
    );
  };

  return (
    <PanelFrame
      t={t}
      id="ledgers-panel"
      title={p.ledgersTitle}
      subtitle={`${place} · ${period}`}
      state={state}
      actions={
        <ExportCsv t={t} testId="ledger-export" label={p.exportCsv} disabled={!view || q.status !== 'ready' || exporting !== null} busy={exporting !== null} onExport={exportCsv} />
      }
    >
      <Tabs idBase="ledgers" label={p.ledgersTitle} tabs={LEDGER_KINDS.map((id) => ({ id, label: p.ledgerNames[id] }))} selected={kind} onSelect={setKind} panelId="ledgers-panel-panel" />
      {exportError && (
        <p className="analysis-status error" role="alert" data-testid="ledger-export-error">
          {p.queryFailed(exportError)}
        </p>
      )}
      <div role="tabpanel" id="ledgers-panel-panel" aria-labelledby={`ledgers-tab-${kind}`} className="tab-body" data-kind={kind}>
        {needsLine && !lineLoading && <p className="analysis-empty">{monitoringLine === undefined ? p.ledgerNeedsLine : t.population.noProjection}</p>}
        {kind === 'monitoring_range' && basis && view && (
          <p className="basis-note" data-testid="ledger-basis">{t.population.incomeProjected(formatFactor(basis.factor, lang), basis.years.join(lang === 'zh' ? '、' : ', '))}</p>
        )}
        {view && summary && <LedgerBody t={t} lang={lang} summary={summary} first={view.first} childName={childName} />}
      </div>
    </PanelFrame>
  );
}

/** A ledger's summary and first rows; memoised, as the side column re-renders often while queries run. */
const LedgerBody = memo(function LedgerBody({ t, lang, summary: s, first, childName }: { t: PanelContext['t']; lang: PanelContext['lang']; summary: LedgerSummary; first: HouseholdRow[]; childName: (c: string) => string }) {
  const p = t.panels;
  const sep = lang === 'zh' ? '，' : ', ';
  return (
    <>
      <dl className="ledger-summary" data-testid="ledger-summary" data-size={s.households}>
        <div>
          <dt className="sr-only">{p.ledgersTitle}</dt>
          <dd className="ledger-size">{p.ledgerSummary(formatInteger(s.households, lang), formatInteger(s.persons, lang))}</dd>
        </div>
        {s.households > 0 && (
          <>
            <div>
              <dt>{p.ledgerByUnit}</dt>
              <dd>
                {s.byUnit
                  .slice(0, TOP_UNITS)
                  .map((u) => {
                    const share = formatPercent(u.households / s.households, lang);
                    return `${childName(u.code)} ${formatInteger(u.households, lang)}${lang === 'zh' ? `（${share}）` : ` (${share})`}`;
                  })
                  .join(sep)}
                {s.byUnit.length > TOP_UNITS ? (lang === 'zh' ? '等' : ' …') : ''}
              </dd>
            </div>
            <div>
              <dt>{p.ledgerStructure}</dt>
              <dd>{COMPONENTS.map((c) => `${p.components[c]} ${formatPercent(s.structure[c], lang)}`).join(sep)}</dd>
            </div>
          </>
        )}
      </dl>
      {s.households > 0 && (
        <div className="table-scroll short" tabIndex={0} role="region" aria-label={p.ledgersTitle}>
          <table className="figures" data-testid="ledger-table">
            <caption className="table-note">{p.ledgerFirstRows(formatInteger(first.length, lang), formatInteger(s.households, lang))}</caption>
            <thead>
              <tr>
                <th scope="col">{p.columns.hh_id}</th>
                <th scope="col">{p.columns.village_code}</th>
                <th scope="col">{p.columns.persons}</th>
                <th scope="col">{p.columns.category}</th>
                <th scope="col">{p.columns.mgmt_class}</th>
                <th scope="col">{p.columns.per_capita}</th>
                <th scope="col">{p.columns.growth}</th>
                <th scope="col">{p.columns.decline_cause}</th>
              </tr>
            </thead>
            <tbody>
              {first.map((r) => (
                <tr key={r.hh_id}>
                  <td>{r.hh_id}</td>
                  <td>{childName(r.village_code)}</td>
                  <td className="num">{formatInteger(r.persons, lang)}</td>
                  <td>{categoryLabel(t, r.category)}</td>
                  <td>{mgmtClassLabel(t, r.mgmt_class)}</td>
                  <td className="num">{formatYuan(r.per_capita, lang)}</td>
                  <td className="num">{formatGrowth(r.growth, lang)}</td>
                  <td>{causeLabel(t, r.decline_cause)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
});
