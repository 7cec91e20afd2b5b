import type { Connector } from '../../data/engine/connector';
import type { PanelScope } from '../../data/queries/panels';
import type { Within } from '../../data/queries/filter';
import type { UnitSeries } from '../../data/queries/unit-series';
import type { RegionPeriodSums } from '../../domain/dataset';
import type { Lang, Messages } from '../../i18n';

export type { PanelScope } from '../../data/queries/panels';

/**
 * What every analysis panel receives from the layout. The panels hold no view state of their own
 * beyond paging, sorting and tabs: scope and filter come in, changes go out through callbacks.
 */
export interface PanelContext {
  t: Messages;
  lang: Lang;
  /** The database, or null while the engine starts (panels then say so and show no figures). */
  db: Connector | null;
  /** Households counted: inside `within`, passing `filter`, in `period`. */
  scope: PanelScope;
  /** Years of the dataset (manifest.years). */
  years: number[];
  /** Latest collected period (manifest.asOf). */
  asOf: { year: number; quarter: number };
  /** Display name of a region code in the current language. */
  childName: (code: string) => string;
  /**
   * The pre-aggregated sums of a region for every period (no engine). Panels showing a unit's
   * sums use them when the cross-filter is empty; absent in tests that give only an engine.
   */
  preSums?: (within: Within) => Promise<RegionPeriodSums[]>;
  /**
   * The unit's sums per period by household attributes (`UnitSeries`), which answer a
   * cross-filter on category, management class or relocated without the engine; absent in tests
   * that give only an engine.
   */
  unitSeries?: (within: Within) => Promise<UnitSeries>;
}
