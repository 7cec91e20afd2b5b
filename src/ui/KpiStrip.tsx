import type { RegionStats } from '../domain/income';
import type { Lang, Messages } from '../i18n';
import { formatGrowth, formatLarge, formatPercent, formatYuan } from '../i18n/format';
import { POPULATION_IDS, type PopulationId } from '../domain/population';
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
export function KpiStrip({ t, lang, unitName, period, stats, state, population, planPopulation, onPopulation, publicMode }: {
  t: Messages; lang: Lang; unitName: string; period: Period; stats: RegionStats | undefined; state: 'plain' | 'filtered' | 'stale';
  /** The population every figure speaks of, the plan's own, and how to choose another. */
  population: PopulationId; planPopulation: PopulationId; onPopulation: (next: PopulationId) => void;
  /** A public build publishes no relocation counts: that tile is left out. */
  publicMode?: boolean;
}) {
  const s = stats?.sums;
  const pm = t.population;
  const popName = pm.names[population];
  // The monitoring objects' count says something only of a population that holds both kinds.
  const fifth: Kpi = population === 'all'
    ? { id: 'monitored', label: t.monitored, value: formatLarge(s?.monitored_households, lang), unit: t.unitHouseholds, note: t.monitoredShare(formatPercent(stats?.monitoredShare, lang)) }
    : {
      id: 'relocated',
      label: pm.relocated,
      value: formatLarge(s?.relocated_households, lang),
      unit: t.unitHouseholds,
      note: pm.relocatedShare(formatPercent(s && s.households > 0 ? s.relocated_households / s.households : Number.NaN, lang)),
    };
  const kpis: Kpi[] = [
    { id: 'per-capita', label: pm.perCapitaOf[population], value: formatYuan(stats?.perCapita, lang), unit: t.unitYuan },
    { id: 'growth', label: t.growth, value: formatGrowth(stats?.growth, lang), unit: '', note: t.growthBasis },
    { id: 'households', label: t.households, value: formatLarge(s?.households, lang), unit: t.unitHouseholds },
    { id: 'persons', label: t.persons, value: formatLarge(s?.persons, lang), unit: t.unitPersons },
    ...(publicMode && fifth.id === 'relocated' ? [] : [fifth]),
  ];
  return (
    <section className={`kpi-strip ${state}`} aria-label={`${unitName} · ${popName} · ${t.kpiGroup}`} data-population={population} data-testid="kpi-strip" data-state={state} aria-busy={state === 'stale'}>
      <div className="kpi-period">
        <span className="kpi-unit-name" data-testid="kpi-unit">{unitName}</span>
        <span className="kpi-period-main">{periodLabel(t, period)}</span>
        {period.yearToDate && <span className="ytd-tag">{t.ytdTag}</span>}
        {state !== 'plain' && <span className="filtered-tag">{t.filtered}</span>}
        <label className="kpi-population">
          <span>{pm.label}</span>
          <select value={population} onChange={(e) => onPopulation(e.target.value as PopulationId)} data-testid="population-select" data-population={population}>
            {POPULATION_IDS.map((id) => (
              <option key={id} value={id}>{id === planPopulation ? pm.planMark(pm.names[id]) : pm.names[id]}</option>
            ))}
          </select>
        </label>
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
