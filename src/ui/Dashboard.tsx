import { useCallback, useMemo, useRef, useState } from 'react';
import type { FirstScreenData } from '../data/first-screen';
import type { Lang, Messages } from '../i18n';
import { placeName } from '../i18n';
import { classify } from '../map/choropleth/classes';
import { MapView, type HoverInfo } from '../map/MapView';
import { useEngineStatus } from '../state/use-engine-status';
import { deriveViewModel, metricValue } from '../state/view-model';
import type { ViewState } from '../state/view-state';
import { Controls } from './Controls';
import { CountyFacts } from './CountyFacts';
import { CountyTable } from './CountyTable';
import { EngineStatus } from './EngineStatus';
import { KpiStrip } from './KpiStrip';
import { Legend } from './Legend';
import { MapTooltip } from './MapTooltip';
import { periodLabelLong } from './period-label';

const CLASSES = 5;

export interface DashboardProps {
  t: Messages;
  data: FirstScreenData;
  view: ViewState;
  update: (patch: Partial<ViewState>) => void;
}

/** KPI strip and map with its overlays, all derived from the view state and the loaded sums. */
export function Dashboard({ t, data, view, update }: DashboardProps) {
  const lang: Lang = view.lang;
  const { manifest, counties, countySums, rootSums, client } = data;
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [painted, setPainted] = useState(false);
  const mapBox = useRef<HTMLDivElement>(null);
  // The map shows counties (level 3): once the engine is up, check their pre-aggregates against the households.
  const engine = useEngineStatus(client, painted, 3);

  const codes = useMemo(() => counties.features.map((f) => f.properties.code), [counties]);
  const byCode = useMemo(() => new Map(counties.features.map((f) => [f.properties.code, f.properties])), [counties]);
  const vm = useMemo(
    () => deriveViewModel({ year: view.year, quarter: view.quarter }, manifest, rootSums, countySums, codes),
    [view.year, view.quarter, manifest, rootSums, countySums, codes],
  );
  const classification = useMemo(() => {
    const values = new Map(codes.map((c) => [c, metricValue(vm.counties.get(c), view.metric)]));
    return view.metric === 'income'
      ? classify(values, { method: view.breaks, k: CLASSES, ramp: 'sequential' })
      : classify(values, { method: view.breaks, k: CLASSES, ramp: 'diverging', center: vm.root?.growth ?? Number.NaN });
  }, [codes, vm, view.metric, view.breaks]);

  const onPainted = useCallback(() => setPainted(true), []);
  const name = (code: string) => {
    const p = byCode.get(code);
    return p ? placeName(p, lang) : code;
  };

  if (!vm.period) return null;
  const period = vm.period;
  const metricName = view.metric === 'income' ? t.metricIncome : t.metricGrowth;
  const periodText = periodLabelLong(t, period);
  const colorKey = `${view.metric}|${period.year}|${period.quarter}|${view.breaks}`;
  const box = { width: mapBox.current?.clientWidth ?? 0, height: mapBox.current?.clientHeight ?? 0 };

  return (
    <>
      <KpiStrip t={t} lang={lang} period={period} stats={vm.root} />
      <main className="map-area" ref={mapBox} data-testid="map-area" data-painted={painted ? 'true' : 'false'}>
        <MapView
          counties={counties}
          classification={classification}
          colorKey={colorKey}
          lang={lang}
          selected={selected}
          label={t.mapLabel(metricName, periodText)}
          onHover={setHover}
          onSelect={setSelected}
          onPainted={onPainted}
        />
        <div className="overlay top-left">
          <Controls
            t={t}
            years={vm.years}
            year={period.year}
            metric={view.metric}
            breaks={view.breaks}
            onYear={(year) => update({ year, quarter: null })}
            onMetric={(metric) => update({ metric })}
            onBreaks={(breaks) => update({ breaks })}
          />
          {selected && (
            <section className="panel selected-card" aria-label={t.selected} data-testid="selected-card">
              <div className="selected-head">
                <span className="selected-tag">{t.selected}</span>
                <button type="button" className="close" aria-label={t.clearSelection} title={t.clearSelection} onClick={() => setSelected(null)}>
                  ×
                </button>
              </div>
              <CountyFacts t={t} lang={lang} name={name(selected)} stats={vm.counties.get(selected)} />
            </section>
          )}
        </div>
        <div className="overlay bottom-right">
          <Legend
            t={t}
            lang={lang}
            metric={view.metric}
            title={t.legendTitle(metricName, periodText)}
            classification={classification}
            noDataNames={classification.noData.map(name)}
          />
        </div>
        <div className="overlay bottom-left">
          <EngineStatus t={t} lang={lang} status={engine} />
        </div>
        {hover && (
          <MapTooltip x={hover.x} y={hover.y} bounds={box}>
            <CountyFacts t={t} lang={lang} name={name(hover.code)} stats={vm.counties.get(hover.code)} />
          </MapTooltip>
        )}
        <CountyTable t={t} lang={lang} caption={t.tableCaption(periodText)} counties={counties} stats={vm.counties} />
      </main>
    </>
  );
}
