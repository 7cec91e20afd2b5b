import { useEffect, useMemo, useState } from 'react';
import type { Connector } from '../../data/engine/connector';
import { evaluatePlan } from '../../data/plan-evaluation';
import type { Manifest } from '../../domain/dataset';
import { messages, type Lang } from '../../i18n';
import { EXPORT_MESSAGES } from '../../i18n/export';
import { scorecardCsv } from '../../export/csv';
import { downloadText } from '../panels/download';
import { ExportCsv } from '../panels/ExportCsv';
import { formatGap, formatTargetValue, TARGET_MESSAGES } from '../../i18n/targets';
import { rowDisplay } from '../../targets/display-precision';
import type { Basis, Plan, TargetEvaluation } from '../../targets/types';

export interface ScorecardProps {
  lang: Lang;
  /** The engine; null while it starts. */
  db: Connector | null;
  /**
   * Rows computed ahead (`manifest.reports`: the root, cities and counties, each year). Used
   * instead of the engine when they hold the unit and year; with no engine, used as they are.
   */
  precomputed?: TargetEvaluation[] | null;
  plan: Plan | null;
  manifest: Manifest;
  /** The unit shown (12-digit code). */
  unitCode: string;
  year: number;
}

type State = { kind: 'idle' | 'loading' } | { kind: 'ready'; rows: TargetEvaluation[] } | { kind: 'error'; message: string };

/**
 * The plan's targets evaluated on the unit shown, for the selected year: actual, target, gap and a
 * status colour, projected values marked, the seed's words and section on hover. The same
 * `evaluatePlan` as `npm run report`. Each row names the population it counts and, when the status
 * leans on an estimate or a missing value, says so (`basis`, with a note under the table). Actual,
 * target and gap share one precision per row (`rowDisplay`), so the shown gap is the shown actual
 * minus the shown target; `data-value` keeps the unrounded numbers.
 */
export function Scorecard({ lang, db, plan, manifest, unitCode, year, precomputed }: ScorecardProps) {
  const m = TARGET_MESSAGES[lang];
  // The state names the question it answers, so a scorecard of the last unit or year never passes for this one.
  const ahead = useMemo(
    () => (precomputed && plan ? precomputed.filter((r) => r.regionCode === unitCode && r.year === year && r.planId === plan.id) : null),
    [precomputed, plan, unitCode, year],
  );
  const fromReport = ahead !== null && (ahead.length > 0 || !db);
  const key = `${plan?.id ?? ''}|${unitCode}|${year}|${fromReport ? 'report' : db ? 'engine' : ''}`;
  const [answer, setAnswer] = useState<{ key: string; state: State }>({ key: '', state: { kind: 'idle' } });

  useEffect(() => {
    const setState = (state: State) => setAnswer({ key, state });
    if (fromReport) {
      setState({ kind: 'ready', rows: ahead });
      return;
    }
    if (!db || !plan) {
      setState({ kind: 'idle' });
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    evaluatePlan(db, { plan, manifest, codes: [unitCode], year }).then(
      (rows) => live && setState({ kind: 'ready', rows }),
      (error: unknown) => live && setState({ kind: 'error', message: (error as Error).message }),
    );
    return () => {
      live = false;
    };
    // `key` names plan, unit, year and source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, plan, manifest, unitCode, year, ahead, fromReport]);
  const state: State = answer.key === key ? answer.state : { kind: 'loading' };

  const byId = new Map(plan?.targets.map((t) => [t.id, t]) ?? []);
  // Rows read from report/<plan>.json carry the report's flat fields (src/pipeline/cli/report.ts).
  const seriesOf = (r: TargetEvaluation) => r.detail?.referenceSeries ?? (r as { referenceSeries?: string | null }).referenceSeries ?? null;
  const colon = lang === 'zh' ? '：' : ': ';
  const flagged = (b: Basis | undefined): b is Basis => b !== undefined && m.basisName[b] !== '';
  return (
    <section
      className="panel scorecard"
      aria-labelledby="scorecard-title"
      data-testid="scorecard"
      data-state={state.kind}
      data-source={fromReport ? 'report' : db ? 'engine' : undefined}
    >
      <h2 id="scorecard-title">
        {m.scorecard}
        {plan && <span className="scorecard-plan" title={`${plan.title[lang]} ${plan.docNo}`}> · {plan.title[lang]}</span>}
      </h2>
      {!db && !fromReport && <p className="muted">{m.engineStarting}</p>}
      {db && state.kind === 'loading' && <p className="muted" role="status">{m.evaluating}</p>}
      {state.kind === 'error' && <p className="error-text" role="alert">{m.failed(state.message)}</p>}
      {state.kind === 'ready' && state.rows.length === 0 && <p className="muted">{m.noTargets}</p>}
      {state.kind === 'ready' && state.rows.length > 0 && (
        <>
          <table className="scorecard-table">
            <thead>
              <tr>
                <th scope="col">{m.target}</th>
                <th scope="col" className="num">{m.actual}</th>
                <th scope="col" className="num">{m.goal}</th>
                <th scope="col" className="num">{m.gap}</th>
                <th scope="col">{m.status}</th>
              </tr>
            </thead>
            <tbody>
              {state.rows.map((r) => {
                const t = byId.get(r.targetId);
                const hover = [t?.quote, t ? m.sourceLine(t.source) : '', t?.note?.[lang] ?? '', r.detail?.reason?.[lang] ?? '',
                  r.detail?.scale ? m.scaled(String(r.detail.scale), formatTargetValue(r.detail.planValue ?? null, r.unit, lang)) : '',
                  seriesOf(r) ? m.referenceSeriesLine(seriesOf(r)!) : '',
                  r.basis && r.basis !== 'data' ? m.basisNote[r.basis] : '',
                  r.detail?.count !== undefined && r.detail.share !== undefined && t?.kind === 'floor'
                    ? m.belowCount(formatTargetValue(r.detail.count, 'count', lang), formatTargetValue(r.detail.share, 'share', lang)) : '',
                ].filter(Boolean).join('\n');
                const population = r.population ?? t?.population;
                const { decimals: d, gap: shownGap } = rowDisplay(r.actual, r.target, r.gap, r.unit, t?.comparator);
                return (
                  <tr key={r.targetId} data-target={r.targetId} data-status={r.status} data-population={population}
                    data-basis={r.basis} title={hover} tabIndex={0}>
                    <th scope="row" className="target-label">
                      {t?.label[lang] ?? r.targetId}
                      {population && (
                        <div className="muted small" data-testid="scorecard-population">
                          {m.population}{colon}{m.populationName[population]}
                        </div>
                      )}
                    </th>
                    <td className="num" data-value={r.actual ?? ''}>
                      {formatTargetValue(r.actual, r.unit, lang, d)}
                      {r.projected && <span className="projected-mark">{m.projectedMark}</span>}
                    </td>
                    <td className="num" data-value={r.target ?? ''}>{formatTargetValue(r.target, r.unit, lang, d)}</td>
                    <td className="num" data-value={r.gap ?? ''}>{formatGap(shownGap, r.unit, lang, d)}</td>
                    <td>
                      <span className={`status-chip status-${r.status}`}>{m.statusName[r.status]}</span>
                      {flagged(r.basis) && (
                        <div className="muted small" data-testid="scorecard-basis">{m.basisName[r.basis]}</div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {state.rows.some((r) => r.projected) && <p className="muted small">{m.projectedNote}</p>}
          <ExportCsv t={messages(lang)} testId="scorecard-export" label={messages(lang).panels.exportCsv} disabled={false} busy={false} onExport={(precision) => {
            const x = EXPORT_MESSAGES[lang].scorecard;
            downloadText(scorecardCsv(state.rows, {
              headers: { target: m.target, population: m.population, actual: m.actual, goal: m.goal, gap: m.gap, unit: x.unit, status: m.status, projected: x.projected, basis: x.basis },
              label: (id) => byId.get(id)?.label[lang] ?? id,
              population: (r) => { const pop = r.population ?? byId.get(r.targetId)?.population; return pop ? m.populationName[pop] : ''; },
              unit: (u) => x.units[u],
              status: (r) => m.statusName[r.status],
              basis: (r) => (flagged(r.basis) ? m.basisName[r.basis] : ''),
              yes: x.yes,
            }, precision), `scorecard-${plan?.id ?? 'plan'}-${unitCode}-${year}.csv`);
          }} />
          {[...new Set(state.rows.map((r) => r.basis).filter(flagged))].map((b) => (
            <p key={b} className="muted small" data-basis-note={b}>{m.basisName[b]}{colon}{m.basisNote[b]}</p>
          ))}
        </>
      )}
    </section>
  );
}
