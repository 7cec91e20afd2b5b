import type { RegionStats } from '../domain/income';
import type { Lang, Messages } from '../i18n';
import { formatGrowth, formatInteger, formatPercent, formatYuan } from '../i18n/format';
import type { Period } from '../state/period';
import { periodLabel } from './period-label';

interface Kpi {
  id: string;
  label: string;
  value: string;
  unit: string;
  note?: string;
}

/**
 * Headline figures of the unit on screen for the period, large enough to read across a room.
 * `state` marks figures under a cross-filter ('filtered') or being recomputed ('stale').
 */
export function KpiStrip({ t, lang, unitName, period, stats, state }: { t: Messages; lang: Lang; unitName: string; period: Period; stats: RegionStats | undefined; state: 'plain' | 'filtered' | 'stale' }) {
  const s = stats?.sums;
  const kpis: Kpi[] = [
    { id: 'per-capita', label: t.perCapita, value: formatYuan(stats?.perCapita, lang), unit: t.unitYuan },
    { id: 'growth', label: t.growth, value: formatGrowth(stats?.growth, lang), unit: '', note: t.growthBasis },
    { id: 'households', label: t.households, value: formatInteger(s?.households, lang), unit: t.unitHouseholds },
    { id: 'persons', label: t.persons, value: formatInteger(s?.persons, lang), unit: t.unitPersons },
    {
      id: 'monitored',
      label: t.monitored,
      value: formatInteger(s?.monitored_households, lang),
      unit: t.unitHouseholds,
      note: t.monitoredShare(formatPercent(stats?.monitoredShare, lang)),
    },
  ];
  return (
    <section className={`kpi-strip ${state}`} aria-label={`${unitName} · ${t.kpiGroup}`} data-testid="kpi-strip" data-state={state} aria-busy={state === 'stale'}>
      <div className="kpi-period">
        <span className="kpi-unit-name" data-testid="kpi-unit">{unitName}</span>
        <span className="kpi-period-main">{periodLabel(t, period)}</span>
        {period.yearToDate && <span className="ytd-tag">{t.ytdTag}</span>}
        {state !== 'plain' && <span className="filtered-tag">{t.filtered}</span>}
      </div>
      <dl className="kpis">
        {kpis.map((k) => (
          <div className="kpi" key={k.id} data-testid={`kpi-${k.id}`}>
            <dt>{k.label}</dt>
            <dd>
              <span className="kpi-value">{k.value}</span>
              {k.unit && <span className="kpi-unit">{k.unit}</span>}
              {k.note && <span className="kpi-note">{k.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
