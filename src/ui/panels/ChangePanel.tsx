import { queryComponentChange, queryDeclineCauses, type CauseTally, type ComponentChange } from '../../data/queries/panels';
import { DECLINE_CAUSES } from '../../domain/filter';
import { formatInteger, formatPercent } from '../../i18n/format';
import { CHANGE_COLOURS } from './chart';
import { causeLabel, childLevel, scopePeriodLabel } from './labels';
import { PanelFrame } from './PanelFrame';
import type { PanelContext } from './types';
import { useQuery } from './use-query';

export interface ChangePanelProps extends PanelContext {
  /** Called with a decline cause (1–8) the user picked, to cross-filter on it. */
  onCause: (cause: number) => void;
}

const CLASSES = ['rising', 'flat', 'falling', 'noComparison'] as const;

/**
 * Households rising / flat / falling against the same period of last year, per income component
 * (seed 002 §二(三)3), and the eight decline causes tallied per child unit as shares of each
 * unit's households (seed 002 §二(三)4). A cause is a button: it cross-filters on that cause.
 */
export function ChangePanel({ t, lang, db, scope, childName, onCause }: ChangePanelProps) {
  const p = t.panels;
  const level = childLevel(scope.within.level);
  const key = JSON.stringify(['change', scope, level]);
  const q = useQuery(db, key, async (c) => {
    const [change, causes] = await Promise.all([queryComponentChange(c, scope), queryDeclineCauses(c, scope, level)]);
    return { change, causes };
  });
  const period = scopePeriodLabel(t, scope.period);

  return (
    <PanelFrame t={t} id="change-panel" title={p.changeTitle} subtitle={p.changeCaption(period)} state={q}>
      {q.data && (
        <>
          <ChangeBars t={t} lang={lang} change={q.data.change} />
          <h3 className="analysis-sub-heading">{p.causesTitle}</h3>
          <p className="analysis-sub">{p.causesCaption}</p>
          <CauseTable t={t} lang={lang} tallies={q.data.causes} total={scope.within.code} childName={childName} active={scope.filter.causes} onCause={onCause} />
        </>
      )}
    </PanelFrame>
  );
}

function ChangeBars({ t, lang, change }: { t: PanelContext['t']; lang: PanelContext['lang']; change: ComponentChange[] }) {
  const p = t.panels;
  const names = { rising: p.rising, flat: p.flat, falling: p.falling, noComparison: p.noComparison };
  return (
    <>
      <table className="change-bars" data-testid="change-bars">
        <thead className="sr-only">
          <tr>
            <th scope="col">{p.ledgerStructure}</th>
            <th scope="col" />
            {CLASSES.map((c) => (
              <th scope="col" key={c}>
                {names[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {change.map((row) => {
            const n = CLASSES.reduce((s, c) => s + row[c], 0);
            return (
              <tr key={row.component} data-component={row.component}>
                <th scope="row">{p.components[row.component]}</th>
                <td className="bar-cell" aria-hidden="true">
                  <div className="hbar">
                    {CLASSES.map((c) =>
                      row[c] > 0 ? (
                        <span key={c} style={{ width: `${(100 * row[c]) / n}%`, background: CHANGE_COLOURS[c] }} title={`${names[c]} ${formatInteger(row[c], lang)}`} />
                      ) : null,
                    )}
                  </div>
                </td>
                {CLASSES.map((c) => (
                  <td key={c} className={`num ${c}`} data-class={c} data-value={row[c]}>
                    {formatPercent(n > 0 ? row[c] / n : Number.NaN, lang)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul className="chart-legend" aria-hidden="true">
        {CLASSES.map((c) => (
          <li key={c}>
            <span className="swatch" style={{ background: CHANGE_COLOURS[c] }} />
            {names[c]}
          </li>
        ))}
      </ul>
    </>
  );
}

function CauseTable({ t, lang, tallies, total, childName, active, onCause }: {
  t: PanelContext['t']; lang: PanelContext['lang']; tallies: CauseTally[]; total: string; childName: (code: string) => string; active: number[]; onCause: (c: number) => void;
}) {
  const p = t.panels;
  const sum: CauseTally = { code: total, households: 0, falling: 0, byCause: DECLINE_CAUSES.map(() => 0) };
  for (const r of tallies) {
    sum.households += r.households;
    sum.falling += r.falling;
    r.byCause.forEach((n, i) => (sum.byCause[i] += n));
  }
  const rows = [...tallies].sort((a, b) => b.falling / b.households - a.falling / a.households || a.code.localeCompare(b.code));
  const share = (n: number, of: number) => formatPercent(of > 0 ? n / of : Number.NaN, lang);
  return (
    <>
      <ol className="cause-list" data-testid="cause-list">
        {DECLINE_CAUSES.map((c, i) => (
          <li key={c}>
            {/* Named by its visible text (number, cause, share; axe: label-content-name-mismatch); the action is its title. */}
            <button type="button" aria-pressed={active.includes(c)} title={p.filterByCause(causeLabel(t, c))} onClick={() => onCause(c)} data-cause={c}>
              <span className="cause-no">{c}</span>
              <span className="cause-name">{causeLabel(t, c)}</span>
              <span className="cause-share">{share(sum.byCause[i], sum.households)}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="table-scroll short">
        <table className="figures cause-table" data-testid="cause-table">
          <caption className="sr-only">{p.causesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{p.unit}</th>
              <th scope="col">{p.fallingHouseholds}</th>
              {DECLINE_CAUSES.map((c) => (
                <th scope="col" key={c} title={causeLabel(t, c)}>
                  <button type="button" className="link" onClick={() => onCause(c)} aria-label={`${c} ${p.filterByCause(causeLabel(t, c))}`}>
                    {c}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="total-row">
              <th scope="row">{p.allUnits}</th>
              <td>{share(sum.falling, sum.households)}</td>
              {sum.byCause.map((n, i) => (
                <td key={i}>{share(n, sum.households)}</td>
              ))}
            </tr>
            {rows.map((r) => (
              <tr key={r.code} data-code={r.code}>
                <th scope="row">{childName(r.code)}</th>
                <td>{share(r.falling, r.households)}</td>
                {r.byCause.map((n, i) => (
                  <td key={i} data-cause={i + 1} data-count={n}>
                    {share(n, r.households)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
