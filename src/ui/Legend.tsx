import type { Lang, Messages } from '../i18n';
import { formatGrowth, formatRange, formatYuan } from '../i18n/format';
import { NO_DATA_HEX, type Classification } from '../map/choropleth/classes';
import { CLASS_BASES, type ClassBasis, type Metric } from '../state/view-state';

export interface LegendProps {
  t: Messages;
  /** What the no-data swatch is called (public mode: "不公布"), default the no-data wording. */
  noDataLabel?: string;
  /** A line under the legend (public mode's footnote). */
  footnote?: string;
  lang: Lang;
  metric: Metric;
  title: string;
  classification: Classification;
  /** Display names of the regions without data. */
  noDataNames: string[];
  /** For the gap map: how to print a gap in the target's unit. */
  formatGap?: (x: number) => string;
  /** For the status map: the name of each class. */
  categoryLabels?: string[];
  /** Whether the classes span every year of the slider or the shown year only, and the switch. */
  classBasis?: { basis: ClassBasis; from: number; to: number; onChange: (next: ClassBasis) => void };
}

/** Colour classes with their value ranges and counts, plus the grey "no data" class. */
export function Legend({ t, lang, metric, title, classification, noDataNames, formatGap, categoryLabels, classBasis, noDataLabel, footnote }: LegendProps) {
  const fmt = (x: number) => (metric === 'income' ? formatYuan(x, lang) : metric === 'gap' && formatGap ? formatGap(x) : formatGrowth(x, lang));
  const unit = metric === 'income' ? t.legendUnitYuan : metric === 'growth' ? t.legendUnitPercent : metric === 'gap' ? t.legendUnitTarget : null;
  return (
    <section className="legend panel" aria-label={title} data-testid="legend">
      <h2>{title}</h2>
      {unit && <p className="legend-unit">{unit}</p>}
      <ul>
        {[...classification.classes].map((c, i) => ({ c, i })).reverse().map(({ c, i }) => (
          <li key={`${c.lower}-${c.upper}-${i}`}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            <span className="range">{categoryLabels ? categoryLabels[i] : formatRange(fmt(c.lower), fmt(c.upper))}</span>
            <span className="count">{t.legendCount(c.count)}</span>
          </li>
        ))}
        {noDataNames.length > 0 && (
          <li className="no-data" data-testid="legend-no-data">
            <span className="swatch" style={{ background: NO_DATA_HEX }} aria-hidden="true" />
            <span className="range">{noDataLabel ?? (metric === 'gap' || metric === 'status' ? t.noDataOrNotApplicable : t.noData)}</span>
            <span className="count">{t.legendCount(noDataNames.length)}</span>
            <span className="no-data-names">{noDataNames.join(lang === 'zh' ? '、' : ', ')}</span>
          </li>
        )}
      </ul>
      {footnote && <p className="legend-note" data-testid="legend-footnote">{footnote}</p>}
      {classification.center !== null && (
        <p className="legend-note">{metric === 'gap' ? t.legendCentreTarget : t.legendCentre(formatGrowth(classification.center, lang))}</p>
      )}
      {classBasis && (
        <fieldset className="legend-classes" data-testid="legend-classes" data-basis={classBasis.basis}>
          <legend title={classBasis.basis === 'all-years' ? t.population.classesAllYears(classBasis.from, classBasis.to) : t.population.classesPerYear}>
            {classBasis.basis === 'all-years' ? t.population.classesAllYears(classBasis.from, classBasis.to) : t.population.classesChoice}
          </legend>
          {CLASS_BASES.map((b) => (
            <label key={b}>
              <input type="radio" name="legend-classes" value={b} checked={b === classBasis.basis} onChange={() => classBasis.onChange(b)} />
              <span>{b === 'all-years' ? t.population.classesOptionAllYears : t.population.classesOptionYear}</span>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
