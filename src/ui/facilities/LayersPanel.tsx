import { FACILITY_KINDS, FACILITY_STATUSES, type FacilityKind } from '../../data/queries/facilities';
import type { Lang, Messages } from '../../i18n';
import { formatInteger } from '../../i18n/format';
import { SITING_POPULATIONS, type SitingPopulation } from '../../siting/demand';
import { DEMAND_COLOR } from '../../map/facilities/layers';
import { cssColor, EMPLOYMENT_BREAKS, EMPLOYMENT_COLORS, KIND_COLORS, NO_SHARE_COLOR, OTHER_COLOR, sizeLegendValues, STATUS_COLORS } from '../../map/facilities/scales';
import type { FacilityLayerChoice, FacilityLayersState } from '../../state/use-facility-layers';

export interface LayersPanelProps {
  t: Messages;
  lang: Lang;
  choice: FacilityLayerChoice;
  onChoice: (next: FacilityLayerChoice) => void;
  layers: FacilityLayersState;
  year: number;
}

/**
 * The map's layer switches: one checkbox per facility kind, the industry bases' colouring, the
 * demand layer and its population, and under each layer that is on, its legend and state.
 * A disclosure (closed at first) so the map controls keep their size.
 */
export function LayersPanel({ t, lang, choice, onChoice, layers, year }: LayersPanelProps) {
  const m = t.facilities;
  const toggle = (kind: FacilityKind, on: boolean) =>
    onChoice({ ...choice, kinds: FACILITY_KINDS.filter((k) => (k === kind ? on : choice.kinds.includes(k))) });
  const counts = new Map<FacilityKind, number>();
  for (const f of layers.inView) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const status = layers.facilities.state === 'loading' ? m.loading : layers.facilities.state === 'error' ? m.failed(layers.facilities.message) : null;
  return (
    <details className="layers-panel panel" data-testid="layers-panel">
      <summary>{m.panelTitle}</summary>
      {status && <p className="control-note" role="status">{status}</p>}
      <ul className="layer-list">
        {FACILITY_KINDS.map((kind) => {
          const on = choice.kinds.includes(kind);
          return (
            <li key={kind} data-kind={kind}>
              <label className="layer-toggle">
                <input type="checkbox" checked={on} onChange={(e) => toggle(kind, e.target.checked)} data-testid={`layer-${kind}`} />
                <span className="swatch" style={{ background: cssColor(KIND_COLORS[kind]) }} aria-hidden="true" />
                <span>{m.kindNames[kind]}</span>
                {on && layers.all && <small className="layer-count">{m.shownCount(formatInteger(counts.get(kind) ?? 0, lang), year)}</small>}
              </label>
              {on && layers.all && <KindLegend t={t} lang={lang} kind={kind} choice={choice} onChoice={onChoice} layers={layers} />}
            </li>
          );
        })}
        <li data-kind="demand">
          <label className="layer-toggle">
            <input type="checkbox" checked={choice.demand} onChange={(e) => onChoice({ ...choice, demand: e.target.checked })} data-testid="layer-demand" />
            <span className="swatch round" style={{ background: cssColor(DEMAND_COLOR) }} aria-hidden="true" />
            <span>{m.demandLayer}</span>
          </label>
          {choice.demand && (
            <div className="layer-legend" data-testid="legend-demand">
              <label className="control">
                <span>{m.demandPopulation}</span>
                <select value={choice.demandPopulation} onChange={(e) => onChoice({ ...choice, demandPopulation: e.target.value as SitingPopulation })} data-testid="demand-population">
                  {SITING_POPULATIONS.map((p) => <option key={p} value={p}>{m.populationNames[p]}</option>)}
                </select>
              </label>
              {layers.demand.state === 'loading' && <p className="control-note" role="status">{m.loading}</p>}
              {layers.demand.state === 'error' && <p className="control-note" role="status">{layers.demand.partition ? m.partitionNote : m.failed(layers.demand.message)}</p>}
              {layers.demand.state === 'ready' && (
                <p className="legend-line" data-testid="demand-total">
                  {m.demandLegend(layers.demandYear)} · {m.households(formatInteger(layers.demand.value.reduce((s, v) => s + v.households, 0), lang))} · {m.demandFilterNote}
                </p>
              )}
            </div>
          )}
        </li>
      </ul>
      {choice.kinds.length > 0 && <p className="legend-line">{m.clusterNote}</p>}
    </details>
  );
}

function KindLegend({ t, lang, kind, choice, onChoice, layers }: { t: Messages; lang: Lang; kind: FacilityKind; choice: FacilityLayerChoice; onChoice: (c: FacilityLayerChoice) => void; layers: FacilityLayersState }) {
  const m = t.facilities;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (kind === 'relocation_site') {
    const lowers = [0, ...EMPLOYMENT_BREAKS.slice(0, -1)];
    return (
      <div className="layer-legend" data-testid="legend-relocation_site">
        <p className="legend-line">{m.employmentShare}</p>
        <ul className="swatches">
          {EMPLOYMENT_COLORS.map((c, i) => (
            <li key={i}><span className="swatch round" style={{ background: cssColor(c) }} aria-hidden="true" />{i === EMPLOYMENT_COLORS.length - 1 ? `${pct(lowers[i]!)}–100%` : `${pct(lowers[i]!)}–${pct(EMPLOYMENT_BREAKS[i]!)}`}</li>
          ))}
          <li><span className="swatch round" style={{ background: cssColor(NO_SHARE_COLOR) }} aria-hidden="true" />{m.noShare}</li>
        </ul>
        {layers.employment.state === 'error' && <p className="control-note">{layers.employment.partition ? m.partitionNote : m.failed(layers.employment.message)}</p>}
        {layers.employment.state === 'loading' && <p className="control-note" role="status">{m.loading}</p>}
        <SizeLegend label={m.sizeBy.relocation_site} max={layers.maxRelocatedPersons} lang={lang} unit={m.unitPersons} />
      </div>
    );
  }
  if (kind === 'industry_base') {
    const byStatus = choice.industryColoring === 'status';
    return (
      <div className="layer-legend" data-testid="legend-industry_base">
        <fieldset className="layer-coloring">
          <legend>{m.colorBy}</legend>
          {(['industry', 'status'] as const).map((c) => (
            <label key={c}>
              <input type="radio" name="industry-coloring" value={c} checked={choice.industryColoring === c} onChange={() => onChoice({ ...choice, industryColoring: c })} data-testid={`industry-coloring-${c}`} />
              <span>{c === 'industry' ? m.colorByIndustry : m.colorByStatus}</span>
            </label>
          ))}
        </fieldset>
        <ul className="swatches">
          {byStatus
            ? FACILITY_STATUSES.map((s) => <li key={s}><span className="swatch round" style={{ background: cssColor(STATUS_COLORS[s]) }} aria-hidden="true" />{m.statusNames[s]}</li>)
            : layers.industry.order.map((i) => <li key={i}><span className="swatch round" style={{ background: cssColor(layers.industry.color(i)) }} aria-hidden="true" />{m.industryNames[i] ?? i}</li>)}
          {!byStatus && layers.industry.other && <li><span className="swatch round" style={{ background: cssColor(OTHER_COLOR) }} aria-hidden="true" />{m.otherIndustries}</li>}
        </ul>
      </div>
    );
  }
  if (kind === 'workshop') {
    return (
      <div className="layer-legend" data-testid="legend-workshop">
        <SizeLegend label={m.sizeBy.workshop} max={layers.maxWorkshopJobs} lang={lang} unit={m.unitJobs} />
      </div>
    );
  }
  return null;
}

function SizeLegend({ label, max, lang, unit }: { label: string; max: number; lang: Lang; unit: string }) {
  const values = sizeLegendValues(max);
  if (!values.length) return null;
  return <p className="legend-line">{label}: {values.map((v) => formatInteger(v, lang)).join(' / ')} {unit}</p>;
}
