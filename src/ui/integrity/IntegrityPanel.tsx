import { useId } from 'react';
import type { Level } from '../../domain/dataset';
import { prefixDigits } from '../../domain/region-code';
import type { Lang } from '../../i18n';
import { placeName } from '../../i18n';
import { formatInteger } from '../../i18n/format';
import { INTEGRITY_MESSAGES } from '../../i18n/integrity';
import { INTEGRITY_CLASSES } from '../../map/integrity/layer';
import type { IntegrityState } from '../../state/use-integrity';
import './integrity.css';

/** Rows listed; the rest are counted (the CLI lists them all). */
const MAX_ROWS = 100;

export interface IntegrityPanelProps {
  lang: Lang;
  unit: { code: string; level: Level; name: string };
  year: number;
  /** Whether the data has the full year before `year` (the year-on-year checks need it). */
  comparable: boolean;
  open: boolean;
  onOpen: (open: boolean) => void;
  layer: boolean;
  onLayer: (on: boolean) => void;
  state: IntegrityState;
  openUnit: (code: string) => void;
}

/**
 * 数据质量 / Data quality: the integrity flags (src/integrity/) of the villages of the unit on
 * screen for a full year against the year before, each with its village, flag, statistic against
 * threshold and households, and the switch of the map layer. Collapsed until opened: the checks
 * read every household of the unit's county (or the unit) and run only when asked for.
 */
export function IntegrityPanel({ lang, unit, year, comparable, open, onOpen, layer, onLayer, state, openUnit }: IntegrityPanelProps) {
  const m = INTEGRITY_MESSAGES[lang];
  const id = useId();
  const bodyId = `${id}-body`;
  const prefix = unit.code.slice(0, prefixDigits(unit.level));
  const flags = state.state === 'ready' ? state.value.flags.filter((f) => f.villageCode.startsWith(prefix)) : [];
  const villages = state.state === 'ready' ? state.value.villages : new Map();
  const villageCount = new Set(flags.map((f) => f.villageCode)).size;
  return (
    <section className="panel side-panel integrity-panel" data-testid="integrity-panel" data-state={open ? state.state : 'closed'} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <button type="button" className="integrity-toggle" aria-expanded={open} aria-controls={bodyId} data-testid="integrity-toggle" onClick={() => onOpen(!open)}>
          <span aria-hidden="true" className="integrity-caret">{open ? '▾' : '▸'}</span> {m.title}
        </button>
      </h2>
      {open && (
        <div id={bodyId} className="integrity-body">
          <p className="panel-hint">{m.subtitle(unit.name, year)}</p>
          <p className="integrity-intro">{m.intro}</p>
          {state.state === 'running' && <p className="analysis-status loading" role="status"><span className="dot" aria-hidden="true" />{m.computing}</p>}
          {state.state === 'error' && <p className="analysis-status error" role="alert" data-testid="integrity-error">{state.partition ? state.message : m.failed(state.message)}</p>}
          {state.state === 'ready' && (
            <>
              <p className="integrity-summary" role="status" data-testid="integrity-summary">{flags.length ? m.summary(flags.length, villageCount) : m.none}</p>
              <label className="integrity-layer">
                <input type="checkbox" checked={layer} onChange={(e) => onLayer(e.target.checked)} data-testid="integrity-layer" />
                {m.layer}
              </label>
              {layer && (
                <p className="integrity-legend" data-testid="integrity-legend">
                  <span>{m.layerLegend}</span>
                  {INTEGRITY_CLASSES.map((k, i) => (
                    <span key={k.min} className="integrity-swatch">
                      <span aria-hidden="true" style={{ background: `rgb(${k.color.join(',')})` }} />
                      {i === INTEGRITY_CLASSES.length - 1 ? `≥ ${k.min}` : String(k.min)}
                    </span>
                  ))}
                </p>
              )}
              {!comparable && <p className="panel-hint">{m.noFullYear(year)}</p>}
              {!state.value.columns.netIncomeStated && <p className="panel-hint">{m.notChecked.components}</p>}
              {!state.value.columns.persons && <p className="panel-hint">{m.notChecked.persons}</p>}
              {flags.length > 0 && (
                <table className="integrity-table" data-testid="integrity-table">
                  <caption className="sr-only">{m.title} · {m.subtitle(unit.name, year)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{m.columns.village}</th>
                      <th scope="col">{m.columns.flag}</th>
                      <th scope="col" className="num">{m.columns.statistic} / {m.columns.threshold}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {flags.slice(0, MAX_ROWS).map((f) => {
                      const v = villages.get(f.villageCode);
                      const name = v ? placeName({ name: v.name, name_en: v.name_en ?? undefined }, lang) : f.villageCode;
                      return (
                        <tr key={`${f.flag}|${f.code}|${f.year}`} data-flag={f.flag} data-village={f.villageCode} data-code={f.code}>
                          <td>
                            {unit.code === f.villageCode ? name : (
                              <button type="button" className="link-button" onClick={() => openUnit(f.villageCode)}>{name}</button>
                            )}
                            {f.level === 'household' && <span className="integrity-hh">{m.level.household} <code>{f.code}</code></span>}
                          </td>
                          <td>
                            <span className="integrity-flag">{m.flagName[f.flag]}</span>
                            <span className="integrity-detail">{m.detail(f, lang)}</span>
                          </td>
                          <td className="num" title={m.statisticName[f.flag]}>
                            <span className="integrity-stat">{m.value(f.flag, f.statistic, lang)}</span>
                            <span className="integrity-threshold">{m.thresholdValue(m.value(f.flag, f.threshold, lang))}</span>
                            <span className="integrity-households">{m.householdsValue(formatInteger(f.households, lang), f.households)}</span>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              {flags.length > MAX_ROWS && <p className="panel-hint">{m.more(flags.length - MAX_ROWS)}</p>}
            </>
          )}
        </div>
      )}
    </section>
  );
}
