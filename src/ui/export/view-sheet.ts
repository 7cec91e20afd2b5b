import { weakestUnits as rankWeakest } from '../../briefing/tiles';
import type { BoundaryCollection } from '../../data/dataset-client';
import type { Manifest } from '../../domain/dataset';
import type { RegionStats } from '../../domain/income';
import type { PopulationId } from '../../domain/population';
import { mapLayerGeoJson } from '../../export/geojson';
import type { BriefingPage } from '../../export/pdf';
import type { ExportSheet, KpiTile, LegendEntry } from '../../export/sheet';
import { placeName, type Lang, type Messages } from '../../i18n';
import { EXPORT_MESSAGES } from '../../i18n/export';
import { formatGrowth, formatInteger, formatPercent, formatRange, formatYuan } from '../../i18n/format';
import { formatGap, TARGET_MESSAGES } from '../../i18n/targets';
import { NO_DATA_HEX, type Classification } from '../../map/choropleth/classes';
import type { StatusClassification } from '../../map/choropleth/target-classes';
import type { Period } from '../../state/period';
import { metricValue } from '../../state/view-model';
import type { Metric } from '../../state/view-state';
import type { TargetEvaluation } from '../../targets/types';

/**
 * Everything an export of the view on screen needs, as the dashboard holds it: the unit and its
 * figures, the regions on the map with theirs, the classification that colours them. The export
 * menu gets it from the dashboard; the briefing mode can build one per saved view.
 */
export interface ExportViewInput {
  t: Messages;
  lang: Lang;
  manifest: Manifest;
  /** The dataset's counties (the map's grey context). */
  context: BoundaryCollection;
  unitName: string;
  /** Name of the level the map shows ("县"). */
  childLevelName: string;
  metric: Metric;
  /** The metric as the legend titles it ("脱贫人口 · 人均纯收入"). */
  metricName: string;
  /** The period as shown ("2024年", "2025年1—3季度（年初至今）"). */
  periodText: string;
  period: Period;
  population: PopulationId;
  /** The unit's own figures (KPI tiles). */
  stats: RegionStats | undefined;
  /** The regions on the map and their figures. */
  features: BoundaryCollection;
  children: ReadonlyMap<string, RegionStats>;
  classification: Classification | StatusClassification;
  /** On the gap and status maps: the target evaluated per region. */
  targetEvals?: ReadonlyMap<string, TargetEvaluation | undefined>;
  /** Units whose figures are not published (public mode): no figure of theirs is exported. */
  hidden?: (code: string) => boolean;
}

/** The KPI strip's five tiles (src/ui/KpiStrip.tsx), as strings. */
export function kpiTiles(v: ExportViewInput): KpiTile[] {
  const { t, lang, stats, population } = v;
  const s = stats?.sums;
  const pm = t.population;
  const fifth: KpiTile = population === 'all'
    ? { label: t.monitored, value: formatInteger(s?.monitored_households, lang), unit: t.unitHouseholds, note: t.monitoredShare(formatPercent(stats?.monitoredShare, lang)) }
    : { label: pm.relocated, value: formatInteger(s?.relocated_households, lang), unit: t.unitHouseholds, note: pm.relocatedShare(formatPercent(s && s.households > 0 ? s.relocated_households / s.households : Number.NaN, lang)) };
  return [
    { label: pm.perCapitaOf[population], value: formatYuan(stats?.perCapita, lang), unit: t.unitYuan },
    { label: t.growth, value: formatGrowth(stats?.growth, lang), note: t.growthBasis },
    { label: t.households, value: formatInteger(s?.households, lang), unit: t.unitHouseholds },
    { label: t.persons, value: formatInteger(s?.persons, lang), unit: t.unitPersons },
    fifth,
  ];
}

function gapUnitOf(v: ExportViewInput) {
  for (const e of v.targetEvals?.values() ?? []) if (e) return e.unit;
  return undefined;
}

/** The legend as the map's legend shows it (highest class first, then no data). */
export function legendEntries(v: ExportViewInput): LegendEntry[] {
  const { t, lang, metric, classification } = v;
  const gapUnit = gapUnitOf(v);
  const fmt = (x: number) => (metric === 'income' ? formatYuan(x, lang) : metric === 'gap' && gapUnit ? formatGap(x, gapUnit, lang) : formatGrowth(x, lang));
  const categories = 'categories' in classification ? classification.categories : null;
  const out: LegendEntry[] = classification.classes
    .map((c, i) => ({ color: c.color, label: categories ? TARGET_MESSAGES[lang].statusName[categories[i]!] : formatRange(fmt(c.lower), fmt(c.upper)), count: t.legendCount(c.count) }))
    .reverse();
  if (classification.noData.length) {
    out.push({ color: NO_DATA_HEX, label: metric === 'gap' || metric === 'status' ? t.noDataOrNotApplicable : t.noData, count: t.legendCount(classification.noData.length) });
  }
  return out;
}

/** Title, subtitle, as-of quarter, KPI tiles, legend, provenance and notice of the view. */
export function viewSheet(v: ExportViewInput): ExportSheet {
  const { t, lang, manifest } = v;
  const e = EXPORT_MESSAGES[lang];
  const byTarget = v.metric === 'gap' || v.metric === 'status';
  const level = lang === 'zh' ? `各${v.childLevelName}` : `by ${v.childLevelName}`;
  return {
    title: e.title(v.unitName, t.appTitle),
    subtitle: e.subtitle([level, byTarget ? t.population.names[v.population] : '', v.metricName, v.periodText]),
    asOf: e.asOf(e.asOfQuarter(manifest.asOf.year, manifest.asOf.quarter)),
    kpis: kpiTiles(v),
    legendTitle: t.legendTitle(v.metricName, v.periodText),
    legend: legendEntries(v),
    provenance: e.provenance(manifest.provenance),
    notice: manifest.synthetic ? e.syntheticNotice : null,
  };
}

/**
 * The weakest regions on the map, weakest first: lowest per-capita income or growth, or the
 * largest shortfall against the target on a gap or status map. Hidden units are left out.
 */
export function weakestUnits(v: ExportViewInput, n = 10): { title: string; rows: { name: string; value: string }[] } {
  const { lang, metric } = v;
  const gapUnit = gapUnitOf(v);
  const byTarget = metric === 'gap' || metric === 'status';
  const value = (code: string) => (byTarget ? (v.targetEvals?.get(code)?.gap ?? Number.NaN) : metricValue(v.children.get(code), metric));
  const byCode = new Map(v.features.features.map((f) => [f.properties.code, f.properties]));
  const values = new Map([...byCode.keys()].filter((c) => !v.hidden?.(c)).map((c) => [c, value(c)]));
  // The briefing page's own ranking rule (src/briefing/tiles.ts): lowest first, ties by code.
  const rows = rankWeakest(values, n).map(({ code, value: x }) => ({
    name: placeName(byCode.get(code)!, lang),
    value: byTarget && gapUnit ? formatGap(x, gapUnit, lang) : metric === 'income' ? `${formatYuan(x, lang)}${v.t.unitYuan}` : formatGrowth(x, lang),
  }));
  return { title: EXPORT_MESSAGES[lang].weakest(v.metricName), rows };
}

/** A page of the PDF briefing pack for the view, with its map picture (`mapImagePng`) or none. */
export function briefingPage(v: ExportViewInput, map: Uint8Array | null): BriefingPage {
  return { ...viewSheet(v), weakest: weakestUnits(v), map };
}

/** The map's current layer as GeoJSON (src/export/geojson.ts), hidden units without figures. */
export function viewGeoJson(v: ExportViewInput) {
  const byTarget = v.metric === 'gap' || v.metric === 'status';
  const values = new Map(v.features.features.map((f) => {
    const code = f.properties.code;
    return [code, byTarget ? (v.targetEvals?.get(code)?.gap ?? null) : metricValue(v.children.get(code), v.metric)];
  }));
  return mapLayerGeoJson({
    features: v.features.features,
    metric: v.metric,
    values,
    classification: v.classification,
    statusOf: byTarget ? (code) => v.targetEvals?.get(code)?.status : undefined,
    hidden: v.hidden,
  });
}
