import type { Lang, Messages } from '../i18n';
import { formatGrowth, formatRange, formatYuan } from '../i18n/format';
import { NO_DATA_HEX, type Classification } from '../map/choropleth/classes';
import type { Metric } from '../state/view-state';

export interface LegendProps {
  t: Messages;
  lang: Lang;
  metric: Metric;
  title: string;
  classification: Classification;
  /** Display names of the regions without data. */
  noDataNames: string[];
}

/** Colour classes with their value ranges and counts, plus the grey "no data" class. */
export function Legend({ t, lang, metric, title, classification, noDataNames }: LegendProps) {
  const fmt = (x: number) => (metric === 'income' ? formatYuan(x, lang) : formatGrowth(x, lang));
  return (
    <section className="legend panel" aria-label={title} data-testid="legend">
      <h2>{title}</h2>
      <p className="legend-unit">{metric === 'income' ? t.legendUnitYuan : t.legendUnitPercent}</p>
      <ul>
        {[...classification.classes].reverse().map((c) => (
          <li key={`${c.lower}-${c.upper}`}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            <span className="range">{formatRange(fmt(c.lower), fmt(c.upper))}</span>
            <span className="count">{t.legendCount(c.count)}</span>
          </li>
        ))}
        {noDataNames.length > 0 && (
          <li className="no-data" data-testid="legend-no-data">
            <span className="swatch" style={{ background: NO_DATA_HEX }} aria-hidden="true" />
            <span className="range">{t.noData}</span>
            <span className="count">{t.legendCount(noDataNames.length)}</span>
            <span className="no-data-names">{noDataNames.join(lang === 'zh' ? '、' : ', ')}</span>
          </li>
        )}
      </ul>
      {classification.center !== null && <p className="legend-note">{t.legendCentre(formatGrowth(classification.center, lang))}</p>}
    </section>
  );
}
