import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { BoundaryCollection } from '../data/dataset-client';
import type { FirstScreenData } from '../data/first-screen';
import { NO_FILTER, type HouseholdFilter } from '../domain/filter';
import type { Lang, Messages } from '../i18n';
import { placeName } from '../i18n';
import { formatGap, TARGET_MESSAGES } from '../i18n/targets';
import type { Classification } from '../map/choropleth/classes';
import { gapClassification, statusClassification, type StatusClassification } from '../map/choropleth/target-classes';
import { useTargetMap } from '../state/use-target-map';
import { classify } from '../map/choropleth/classes';
import { MapView, type HoverInfo } from '../map/MapView';
import { levelOfCode, mapScopeOf, resolveUnit } from '../domain/drill';
import { applyPopulation, defaultPopulation, populationOfFilter, restrictIndex } from '../domain/population';
import { projectionFactor } from '../targets/projection';
import { resolvePeriod } from '../state/period';
import { useEngineStatus } from '../state/use-engine-status';
import { useFilteredSums } from '../state/use-filtered-sums';
import { serializeFilter } from '../state/filter-param';
import { useUnitData } from '../state/use-unit-data';
import type { UpdateView } from '../state/use-view-state';
import { deriveViewModel, metricValue, poolValues } from '../state/view-model';
import type { ViewState } from '../state/view-state';
import { DEFAULT_SITE, MAX_CANDIDATES } from '../state/site-param';
import { SITING_MESSAGES } from '../i18n/siting';
import { ancestorCode } from '../domain/region-code';
import type { FeatureCollection } from 'geojson';

import { Breadcrumb } from './Breadcrumb';
import { Controls } from './Controls';
import { EngineStatus } from './EngineStatus';
import { FilterStatus } from './FilterStatus';
import { KpiStrip } from './KpiStrip';
import { Legend } from './Legend';
import { MapTooltip } from './MapTooltip';
import { periodLabelLong } from './period-label';
import { RegionFacts } from './RegionFacts';
import { RegionTable } from './RegionTable';
import { availablePlans } from '../data/plans';
import { HouseholdSlot } from './side/HouseholdSlot';
import { PanelsBoundary } from './side/PanelsBoundary';
import type { PanelContext } from './side/panel-context';
import { RankingList } from './side/RankingList';
import { FACILITY_KINDS, type Facility, type FacilityKind } from '../data/queries/facilities';
import type { VillageDemand } from '../data/queries/demand-layer';
import { DEMAND_LAYER_ID, type FacilityMark } from '../map/facilities/layers';
import { countByUnit, totalOf } from '../map/facilities/select';
import type { OverlayPick } from '../map/overlay/spec';
import { useFacilityLayers, type FacilityLayerChoice } from '../state/use-facility-layers';
import { parseLayersParam, type Camera } from '../state/layers-param';
import { PUBLIC_MESSAGES } from '../i18n/public';
import { formatGrowth, formatInteger, formatLarge, formatYuan } from '../i18n/format';
import { FacilityCard, FacilityFacts } from './facilities/FacilityCard';
import { LayersPanel } from './facilities/LayersPanel';
import { IntegrityPanel } from './integrity/IntegrityPanel';
import { integrityYear, useIntegrity } from '../state/use-integrity';
import { integrityLayer, integrityMarks } from '../map/integrity/layer';
import { BriefingMode } from './briefing/BriefingMode';
import { StoriesPanel } from './briefing/StoriesPanel';
import type { BriefingTile, WeakUnit } from './briefing/BriefingLayout';
import { useUnitEvaluation } from '../state/use-unit-evaluation';
import { pickTiles, weakestUnits, type TileRow } from '../briefing/tiles';
import { tourStories } from '../briefing/stories';
import { BRIEFING_MESSAGES } from '../i18n/briefing';
import { formatTargetValue } from '../i18n/targets';
import { ExportMenu } from './export/ExportMenu';
import type { ExportViewInput } from './export';

// The analysis panels (d3 charts, ledgers, scorecard) are a separate chunk, fetched once the
// first map is painted: they wait for the engine, which starts then anyway, and before it their
// code and layout competed with the first map (docs/BENCHMARKS.md, "History").
const AnalysisPanels = lazy(() => import('./side/AnalysisPanels').then((m) => ({ default: m.AnalysisPanels })));
// The siting view (and the solver worker it starts) is its own chunk, fetched when a planner opens it.
const SitingPanel = lazy(() => import('./siting/SitingPanel').then((m) => ({ default: m.SitingPanel })));

const CLASSES = 5;
const NO_PUBLIC_LAYERS = parseLayersParam(null);
const PUBLIC_METRICS = ['income', 'growth'] as const;
const EMPTY: BoundaryCollection = { type: 'FeatureCollection', features: [] };

export interface DashboardProps {
  t: Messages;
  data: FirstScreenData;
  view: ViewState;
  update: UpdateView;
}

/**
 * KPI strip, breadcrumb, map and side column for the unit in the view state. Figures come from
 * the pre-aggregates, or from the engine while a cross-filter is set (`setFilter`).
 */
export function Dashboard({ t, data, view: asked, update }: DashboardProps) {
  const lang: Lang = asked.lang;
  const { manifest, mapBoundaries, rootSums, client } = data;
  // Public mode (a public build's dataset, CONTRACT.md "Public build"): aggregates only, read-only,
  // no engine; a suppressed figure is "—" (不公布) with no colour, class, rank or export.
  const publicInfo = manifest.public ?? null;
  const publicMode = publicInfo !== null;
  // Public mode has no target maps (they need household records), filters, layers or siting.
  const view: ViewState = publicMode
    ? { ...asked, metric: asked.metric === 'gap' || asked.metric === 'status' ? 'income' : asked.metric, filter: NO_FILTER, layers: NO_PUBLIC_LAYERS, site: null }
    : asked;
  const [hover, setHover] = useState<HoverInfo | null>(null);
  // Siting view: placement mode (the next map click adds a candidate) and what the map draws for it.
  const [placing, setPlacing] = useState(false);
  const [sitingOverlay, setSitingOverlay] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    if (!placing) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPlacing(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [placing]);
  useEffect(() => {
    if (!view.site) setPlacing(false);
  }, [view.site]);
  // Whether a map has been painted at all (starts the engine); which view was painted last is kept
  // out of React state: it only sets `data-painted` / `data-painted-view` on the map area, and a
  // re-render of the whole dashboard after every paint cost ~200 ms on the benchmark machine.
  const [anyPainted, setAnyPainted] = useState(false);
  const mapArea = useRef<HTMLElement | null>(null);
  const paintedView = useRef<string | null>(null);
  const shownUnit = useRef<string | null>(null);
  const markPainted = useCallback(() => {
    const el = mapArea.current;
    if (!el) return;
    el.dataset.paintedView = paintedView.current ?? '';
    el.dataset.painted = String(paintedView.current !== null && paintedView.current === shownUnit.current);
  }, []);
  const [mapSize, setMapSize] = useState({ width: 0, height: 0 });
  // The map area's size (for the tooltip), observed rather than read on every render: reading
  // clientWidth in a render forces a layout of the whole page each time.
  const observeMapSize = useCallback((el: HTMLElement | null) => {
    mapArea.current = el;
    if (!el) return;
    markPainted();
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      if (box) setMapSize((s) => (s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [markPainted]);
  // Once the first map is painted, start the engine and check the root map's pre-aggregates against the households.
  const engine = useEngineStatus(client, anyPainted && !publicMode, mapScopeOf(manifest.root.code).level);

  const rootName = useMemo(() => ({ name: manifest.name.zh, name_en: manifest.name.en }), [manifest]);
  const unit = resolveUnit(view.region, manifest.root);
  const load = useUnitData(client, unit, rootName);
  const shown = load.data;
  const has = useCallback((y: number, q: number) => rootSums.get(manifest.root.code, y, q) !== undefined, [rootSums, manifest]);
  const period = useMemo(() => resolvePeriod(view, manifest, has), [view, manifest, has]);
  // Every figure speaks of one population; the user's cross-filter applies within it. A filter that
  // is only the population is answered by the pre-aggregates (`restrictIndex`), anything more by
  // the engine's cross-filter cube.
  const population = view.population ?? defaultPopulation(manifest);
  const effective = useMemo(() => applyPopulation(publicMode ? NO_FILTER : view.filter, population), [view.filter, population, publicMode]);
  const prePopulation = populationOfFilter(effective);
  const filtered = useFilteredSums(client, shown ? { code: shown.unit, level: shown.unitLevel } : null, shown?.scope ?? null, prePopulation !== null ? NO_FILTER : effective, period);

  const features = shown?.features ?? EMPTY;
  const codes = useMemo(() => features.features.map((f) => f.properties.code), [features]);
  const byCode = useMemo(() => new Map(features.features.map((f) => [f.properties.code, f.properties])), [features]);
  const vm = useMemo(() => {
    if (!shown) return null;
    const pop = prePopulation ?? 'all';
    const sums = filtered.state === 'ready' ? filtered : { childSums: restrictIndex(shown.childSums, pop), unitSums: restrictIndex(shown.unitSums, pop) };
    const unitSums = shown.unit === manifest.root.code && filtered.state !== 'ready' ? restrictIndex(rootSums, pop) : sums.unitSums;
    return deriveViewModel(view, manifest, rootSums, { code: shown.unit, sums: unitSums }, sums.childSums, codes);
  }, [shown, filtered, view, manifest, rootSums, codes, prePopulation]);
  // A year-to-date period is compared with annual lines on the targets' basis: the root's factor.
  const annualFactor = useMemo(
    () => (period && period.quarter < 4 ? projectionFactor((y, q) => rootSums.get(manifest.root.code, y, q), period.year, period.quarter, manifest.years[0] ?? period.year) : undefined),
    [period, rootSums, manifest],
  );
  // Gap and status maps: every target of the plan evaluated on the units shown.
  const byTargetMap = view.metric === 'gap' || view.metric === 'status';
  const plans = availablePlans(manifest.plans);
  const planId = view.plan && plans.includes(view.plan) ? view.plan : (plans[0] ?? null);
  const targetMap = useTargetMap(client, byTargetMap && engine.state !== 'idle', manifest, planId, codes, vm?.period?.year ?? null, shown?.scope.scope ?? manifest.root.code);
  const mapTargets = useMemo(() => {
    if (targetMap.state !== 'ready') return [];
    return targetMap.plan.targets
      .filter((g) => [...(targetMap.byTarget.get(g.id)?.values() ?? [])].some((e) => e.status !== 'no_data'))
      .map((g) => ({ id: g.id, label: g.label[view.lang] }));
  }, [targetMap, view.lang]);
  const targetId = view.target && mapTargets.some((g) => g.id === view.target) ? view.target : (mapTargets[0]?.id ?? null);
  const targetEvals = targetMap.state === 'ready' && targetId ? targetMap.byTarget.get(targetId) : undefined;
  const classification = useMemo((): Classification | StatusClassification => {
    if (view.metric === 'status') return statusClassification(targetEvals ?? new Map(), codes);
    if (view.metric === 'gap') return gapClassification(targetEvals ?? new Map(), codes, view.breaks, CLASSES);
    const values = new Map(codes.map((c) => [c, metricValue(vm?.children.get(c), view.metric)]));
    // Classes over every full year the slider offers (and the shown period), so a colour means the
    // same in every year and playback shows change; or over the shown year only. A year-to-date
    // period's levels would drag the pool down, so only the shown one joins it.
    const pooled = view.classes === 'all-years' && vm?.period
      ? poolValues(vm.years.filter((y) => y.quarter === 4 || y.year === vm.period!.year), vm.childSums, codes, view.metric)
      : undefined;
    return view.metric === 'income'
      ? classify(values, { method: view.breaks, k: CLASSES, ramp: 'sequential', breakValues: pooled })
      : classify(values, { method: view.breaks, k: CLASSES, ramp: 'diverging', center: vm?.unit?.growth ?? Number.NaN, breakValues: pooled });
  }, [codes, vm, view.metric, view.breaks, view.classes, targetEvals]);

  // Facility and demand layers (deck.gl, loaded when one is turned on).
  // The layers are part of the view (URL `layers`), so a saved view or a link brings them back.
  const layerChoice: FacilityLayerChoice = view.layers;
  const setLayerChoice = useCallback((choice: FacilityLayerChoice) => update({ layers: { ...view.layers, ...choice } }), [update, view.layers]);
  const [zoom, setZoom] = useState(0);
  const [overlayHover, setOverlayHover] = useState<OverlayPick | null>(null);
  const [openFacility, setOpenFacility] = useState<Facility | null>(null);
  const facilityLayers = useFacilityLayers({ client, choice: layerChoice, scope: shown?.scope ?? null, period: period ?? null, filter: effective, zoom });
  const facilityCounts = useMemo(() => {
    if (!layerChoice.kinds.length || !facilityLayers.all || !shown) return null;
    return countByUnit(facilityLayers.inView.filter((f) => layerChoice.kinds.includes(f.kind)), codes, shown.scope.level);
  }, [layerChoice.kinds, facilityLayers.all, facilityLayers.inView, codes, shown]);
  const closeFacility = useCallback(() => setOpenFacility(null), []);
  const onOverlayClick = useCallback((pick: OverlayPick) => {
    if (pick.layerId === DEMAND_LAYER_ID) return false;
    const mark = pick.object as FacilityMark;
    // A cluster is not consumed: the click drills into the region under it, which zooms in.
    if (mark.members.length !== 1) return false;
    setOpenFacility(mark.members[0]!);
    return true;
  }, []);
  useLayoutEffect(() => setOpenFacility(null), [shown?.unit]);

  // Data quality (src/integrity/): checked when its panel is opened, drawn when its layer is on.
  const [integrityOpen, setIntegrityOpen] = useState(view.layers.integrity);
  const integrityOn = view.layers.integrity;
  const setIntegrityOn = useCallback((on: boolean) => update({ layers: { ...view.layers, integrity: on } }), [update, view.layers]);
  useEffect(() => {
    if (integrityOn) setIntegrityOpen(true);
  }, [integrityOn]);
  const checkedYear = period ? integrityYear(period) : null;
  const integrityUnit = shown?.unit ?? unit;
  const integrity = useIntegrity(client, manifest, { code: integrityUnit, level: levelOfCode(integrityUnit) }, checkedYear, integrityOpen);
  // deck.gl is loaded only once the layer is first turned on; after that it is hidden, not removed.
  const integrityEverOn = useRef(false);
  integrityEverOn.current ||= integrityOn;
  const integrityLayers = useMemo(() => {
    if (integrity.state !== 'ready' || !shown || !integrityEverOn.current) return [];
    const marks = integrityMarks(integrity.value.flags, integrity.value.villages, { code: shown.scope.scope, level: shown.scope.scopeLevel });
    return [integrityLayer(marks, integrityOn && integrityOpen)];
  }, [integrity, shown, integrityOn, integrityOpen]);

  // A new unit is fitted on the map: the camera of the previous one does not carry over.
  const openUnit = useCallback((code: string) => update({ region: code === manifest.root.code ? null : code, camera: null }), [update, manifest]);
  const onCamera = useCallback((camera: Camera) => update({ camera }, { replace: true }), [update]);
  /** The cross-filter other panels set; pushes a history entry. */
  const setFilter = useCallback((next: HouseholdFilter) => update({ filter: next }), [update]);
  const onPainted = useCallback((key: string) => {
    paintedView.current = key;
    markPainted();
    setAnyPainted(true);
  }, [markPainted]);
  // A new unit on screen is not painted until the map says so.
  useLayoutEffect(() => {
    shownUnit.current = load.data?.unit ?? null;
    markPainted();
  }, [load.data?.unit, markPainted]);

  // Briefing and kiosk: the unit's targets for the tiles (report or engine), and the tour of the
  // dataset's counties a kiosk loops through when no view is saved.
  const briefing = view.mode !== 'explore';
  const [storiesOpen, setStoriesOpen] = useState(false);
  const evaluation = useUnitEvaluation(client, briefing ? planId : null, shown?.unit ?? unit, vm?.period?.year ?? null, engine.state === 'ready');
  const tour = useMemo(() => tourStories(view, { code: null, name: lang === 'zh' ? manifest.name.zh : manifest.name.en },
    mapBoundaries.features.map((f) => ({ code: f.properties.code, name: placeName(f.properties, lang) }))),
  [mapBoundaries, manifest, lang, view]);

  if (!vm?.period || !shown) {
    return load.error ? (
      <div className="panel unit-error" role="alert" data-testid="unit-error">
        <p>{load.error}</p>
        <button type="button" onClick={() => openUnit(manifest.root.code)}>{t.backToRoot(lang === 'zh' ? manifest.name.zh : manifest.name.en)}</button>
      </div>
    ) : <p className="center-panel">{t.loadingUnit}</p>;
  }
  const p = vm.period;
  const unitLevel = levelOfCode(shown.unit);
  const crumb = shown.crumbs[shown.crumbs.length - 1];
  const unitName = crumb?.names ? placeName(crumb.names, lang) : shown.unit;
  const childLevelName = t.levelNames[shown.scope.level];
  const scopeName = shown.crumbs.find((c) => c.code === shown.scope.scope)?.names;
  const name = (code: string) => {
    const props = byCode.get(code);
    return props ? placeName(props, lang) : code;
  };
  // The child unit on screen holding a facility (its village code's prefix at the map's level).
  const placeOf = (f: Facility) => {
    const digits = shown.scope.level === 5 ? 12 : shown.scope.level === 4 ? 9 : 6;
    const hit = features.features.find((x) => x.properties.code.slice(0, digits) === f.villageCode.slice(0, digits));
    return hit ? placeName(hit.properties, lang) : null;
  };
  const targetLabel = mapTargets.find((g) => g.id === targetId)?.label;
  const popName = t.population.names[population];
  const metricName =
    view.metric === 'income' ? `${popName} · ${t.metricIncome}` : view.metric === 'growth' ? `${popName} · ${t.metricGrowth}`
      : `${view.metric === 'gap' ? t.metricGap : t.metricStatus}${targetLabel ? ` · ${targetLabel}` : ''}`;
  const targetNote = !byTargetMap ? null
    : targetMap.state === 'error' ? targetMap.message
    : targetMap.state === 'ready' ? (mapTargets.length === 0 ? t.mapTargetsNone : null)
    : t.mapTargetsEvaluating;
  const gapUnit = targetEvals ? [...targetEvals.values()][0]?.unit : undefined;
  const periodText = periodLabelLong(t, p);
  const figures = filtered.state === 'running' ? 'stale' : filtered.state === 'ready' ? 'filtered' : 'plain';
  // Names everything the classification depends on: a new key repaints the map's colours.
  const colorKey = `${view.metric}|${p.year}|${p.quarter}|${view.breaks}|${view.classes}|${population}|${shown.unit}|${serializeFilter(view.filter)}|${filtered.state}|${targetMap.state}|${targetId}`;
  // A unit whose figures of the population on screen were suppressed by the public build.
  const pm = PUBLIC_MESSAGES[lang];
  const hiddenCode = (code: string): boolean => {
    if (!publicMode) return false;
    const row = (code === shown.unit ? shown.unitSums : shown.childSums).get(code, p.year, p.quarter);
    if (!row) return false;
    return population === 'all' ? Number.isNaN(row.households)
      : population === 'monitored' ? Number.isNaN(row.monitored_households)
      : Number.isNaN(row.households) || Number.isNaN(row.monitored_households);
  };
  const footnote = publicInfo ? pm.footnote(publicInfo.k) : undefined;
  const ctx: PanelContext = {
    t, lang, client, manifest, period: p, stats: vm.unit, filter: view.filter, setFilter, openUnit, population, annualFactor,
    unit: { code: shown.unit, level: unitLevel, name: unitName },
  };

  const mapView = (
  <MapView
    context={mapBoundaries}
    features={features}
    viewKey={shown.unit}
    classification={classification}
    colorKey={colorKey}
    lang={lang}
    selected={unitLevel === 5 ? shown.unit : null}
    label={t.mapLabel(unitName, childLevelName, metricName, periodText)}
    onHover={setHover}
    onSelect={(code) => code && openUnit(code)}
    onPainted={onPainted}
    sitingOverlay={view.site ? sitingOverlay : null}
    placing={placing}
    onMapClick={(lngLat) => {
      if (!placing || !view.site) return false;
      setPlacing(false);
      if (view.site.candidates.length < MAX_CANDIDATES) {
        update({ site: { ...view.site, candidates: [...view.site.candidates, { lon: Math.round(lngLat[0] * 1e5) / 1e5, lat: Math.round(lngLat[1] * 1e5) / 1e5 }] } }, { replace: true });
      }
      return true;
    }}
    overlayLayers={facilityLayers.layers}
    extraLayers={integrityLayers}
    onOverlayHover={setOverlayHover}
    onOverlayClick={onOverlayClick}
    onZoom={setZoom}
    camera={view.camera}
    onCamera={onCamera}
  />
  );
  const legend = (
  <Legend
    t={t}
    lang={lang}
    metric={view.metric}
    title={t.legendTitle(metricName, periodText)}
    classification={classification}
    noDataNames={classification.noData.map(name)}
    noDataLabel={publicMode ? pm.hidden : undefined}
    footnote={footnote}
    formatGap={gapUnit ? (x) => formatGap(x, gapUnit, lang) : undefined}
    categoryLabels={'categories' in classification ? classification.categories.map((s) => TARGET_MESSAGES[lang].statusName[s]) : undefined}
    classBasis={byTargetMap || vm.years.length < 2 ? undefined : {
      basis: view.classes,
      // The pool: every full year, and the shown year if it is year-to-date.
      from: vm.years[0]!.year,
      to: Math.max(p.year, ...vm.years.filter((y) => y.quarter === 4).map((y) => y.year)),
      onChange: (classes) => update({ classes }),
    }}
  />
  );

  const asOfText = BRIEFING_MESSAGES[lang].asOf(periodLabelLong(t, { year: manifest.asOf.year, quarter: manifest.asOf.quarter, yearToDate: manifest.asOf.quarter < 4 }));
  const exportInput: ExportViewInput = { t, lang, manifest, context: mapBoundaries, unitName, childLevelName, metric: view.metric, metricName, periodText, period: p, population, stats: vm.unit, features, children: vm.children, classification, targetEvals, hidden: publicMode ? hiddenCode : undefined };

  if (briefing) {
    const bm = BRIEFING_MESSAGES[lang];
    const wantedUnit = unit;
    const evaluationSettled = evaluation.state !== 'loading';
    const picked = evaluation.state === 'ready' ? pickTiles(evaluation.plan, evaluation.rows, population) : null;
    const tiles = briefingTiles(vm.unit, picked, lang, t, population);
    const weakValues = byTargetMap && targetEvals
      ? new Map([...targetEvals].filter(([, e]) => e.gap !== null).map(([c, e]) => [c, e.gap!]))
      : new Map(codes.map((c) => [c, metricValue(vm.children.get(c), view.metric === 'growth' ? 'growth' : 'income')]));
    const weakest: WeakUnit[] = weakestUnits(weakValues).map((w) => ({
      code: w.code,
      name: name(w.code),
      value: byTargetMap && gapUnit ? formatGap(w.value, gapUnit, lang) : view.metric === 'growth' ? formatGrowth(w.value, lang) : formatYuan(w.value, lang),
      status: byTargetMap ? targetEvals?.get(w.code)?.status : undefined,
    }));
    const planTitle = evaluation.state === 'ready' ? evaluation.plan.title[lang] : '';
    return (
      <BriefingMode
        view={view}
        update={update}
        tour={tour}
        lang={lang}
        title={unitName}
        subtitle={[metricName, periodText, planTitle].filter(Boolean).join(' · ')}
        asOf={asOfText}
        tiles={tiles}
        counts={picked?.counts ?? null}
        weakest={weakest}
        weakestBy={bm.weakestBy(byTargetMap ? t.metricGap : view.metric === 'growth' ? t.metricGrowth : t.metricIncome)}
        map={mapView}
        mapAreaRef={observeMapSize}
        legend={legend}
        synthetic={manifest.synthetic}
        provenance={manifest.provenance}
        onOpenUnit={openUnit}
        footnote={footnote}
        exportInput={exportInput}
        pageReady={() => shown.unit === wantedUnit && mapArea.current?.dataset.painted === 'true' && evaluationSettled}
        readiness={{ unit: shown.unit, ready: shown.unit === wantedUnit && evaluationSettled }}
      />
    );
  }

  return (
    <>
      <KpiStrip
        t={t}
        lang={lang}
        unitName={unitName}
        period={p}
        stats={vm.unit}
        state={figures}
        population={population}
        planPopulation={defaultPopulation(manifest)}
        onPopulation={(next) => update({ population: next === defaultPopulation(manifest) ? null : next })}
        publicMode={publicMode}
      />
      <div className="dashboard-body">
        <Breadcrumb t={t} lang={lang} crumbs={shown.crumbs} loading={load.loading} onOpen={openUnit} asOf={asOfText} />
        <div className="dashboard-main">
          <main
            className={`map-area ${figures}`}
            data-testid="map-area"
            data-level={shown.scope.level}
            ref={observeMapSize}
          >
            {mapView}
            <div className="overlay top-left">
              <Controls
                t={t}
                years={vm.years}
                year={p.year}
                metric={view.metric}
                breaks={view.breaks}
                onYear={(year, playing) => update({ year, quarter: null }, { replace: playing })}
                // Playback keeps one classification across the years (the legend says so and offers per year).
                onPlay={() => view.classes === 'year' && update({ classes: 'all-years' }, { replace: true })}
                onMetric={(metric) => update({ metric })}
                onBreaks={(breaks) => update({ breaks })}
                targets={mapTargets}
                target={targetId}
                onTarget={(target) => update({ target })}
                targetNote={targetNote}
                metrics={publicMode ? PUBLIC_METRICS : undefined}
              />
              {!publicMode && <FilterStatus t={t} state={filtered} onClear={() => setFilter(NO_FILTER)} />}
              {!publicMode && <LayersPanel t={t} lang={lang} choice={layerChoice} onChoice={setLayerChoice} layers={facilityLayers} year={p.year} />}
            </div>
            {openFacility && (
              <FacilityCard t={t} lang={lang} f={openFacility} employment={facilityLayers.employment.state === 'ready' ? facilityLayers.employment.value : new Map()} place={placeOf(openFacility)} onClose={closeFacility} />
            )}
            <div className="overlay bottom-right">
              {legend}
            </div>
            <ExportMenu unitCode={shown.unit} view={exportInput} />
            {!publicMode && (
              <div className="overlay bottom-left">
                <EngineStatus t={t} lang={lang} status={engine} />
              </div>
            )}
            {overlayHover ? (openFacility && (overlayHover.object as Partial<FacilityMark>).members?.[0] === openFacility ? null :
              <MapTooltip x={overlayHover.x} y={overlayHover.y} bounds={mapSize}>
                <OverlayFacts t={t} lang={lang} pick={overlayHover} employment={facilityLayers.employment.state === 'ready' ? facilityLayers.employment.value : new Map()} placeOf={placeOf} />
              </MapTooltip>
            ) : hover && byCode.has(hover.code) && (
              <MapTooltip x={hover.x} y={hover.y} bounds={mapSize}>
                <RegionFacts t={t} lang={lang} name={name(hover.code)} stats={vm.children.get(hover.code)} hidden={hiddenCode(hover.code) ? pm.hidden : undefined} facilities={facilityCounts ? unitFacilities(facilityCounts.get(hover.code), layerChoice.kinds) : undefined} />
              </MapTooltip>
            )}
            <RegionTable t={t} lang={lang} caption={t.tableCaption(unitName, childLevelName, periodText)} levelName={childLevelName} features={features} stats={vm.children} />
          </main>
          <aside className="side-panels" data-testid="side-panels" aria-label={unitName}>
            <div className="side-tools">
              <button type="button" className="briefing-open" data-testid="briefing-open" onClick={() => setStoriesOpen(true)} aria-haspopup="dialog">{BRIEFING_MESSAGES[lang].open}</button>
            </div>
            {storiesOpen && (
              <StoriesPanel lang={lang} view={view} update={update} onClose={() => setStoriesOpen(false)}
                defaultTitle={`${unitName} · ${metricName} · ${periodText}`} />
            )}
            {publicMode ? (
              <p className="panel side-panel public-note" data-testid="public-note">{pm.readOnly} {footnote}</p>
            ) : view.site ? (
              anyPainted && (
                <Suspense fallback={<PanelsLoading text={t.panelsLoading} />}>
                  <SitingPanel
                    lang={lang}
                    client={client}
                    scope={unitLevel === 5
                      ? { code: ancestorCode(shown.unit, 4), level: 4, name: scopeName ? placeName(scopeName, lang) : ancestorCode(shown.unit, 4) }
                      : { code: shown.unit, level: unitLevel, name: unitName }}
                    year={p.year}
                    fullYear={p.quarter === 4}
                    site={view.site}
                    onChange={(site) => update({ site }, { replace: site !== null })}
                    placing={placing}
                    onPlacing={setPlacing}
                    onOverlay={setSitingOverlay}
                  />
                </Suspense>
              )
            ) : (
              <button type="button" className="siting-toggle" data-testid="siting-open" onClick={() => update({ site: DEFAULT_SITE })}>
                {SITING_MESSAGES[lang].open}
              </button>
            )}
            {/* At a village the household table comes first (HouseholdSlot is where it mounts). */}
            {unitLevel === 5 && !publicMode && <HouseholdSlot ctx={ctx} />}
            <RankingList
              t={t}
              lang={lang}
              title={unitLevel === 5 && scopeName ? t.rankingSiblingsTitle(placeName(scopeName, lang)) : t.rankingTitle(childLevelName)}
              // Public mode: a unit whose figures are not published takes no rank.
              features={publicMode ? { ...features, features: features.features.filter((f) => !hiddenCode(f.properties.code)) } : features}
              stats={vm.children}
              current={unitLevel === 5 ? shown.unit : null}
              unitCode={shown.unit}
              onOpen={openUnit}
              gaps={byTargetMap && targetEvals && gapUnit ? {
                label: t.metricGap,
                values: new Map([...targetEvals].filter(([, e]) => e.gap !== null).map(([c, e]) => [c, e.gap!])),
                format: (x) => formatGap(x, gapUnit, lang),
              } : undefined}
              facilities={facilityCounts ? {
                label: t.facilities.rankingColumn,
                title: layerChoice.kinds.map((k) => t.facilities.kindNames[k]).join(lang === 'zh' ? '、' : ', '),
                values: new Map([...facilityCounts].map(([c, n]) => [c, totalOf(n, layerChoice.kinds)])),
              } : undefined}
            />
            {checkedYear !== null && !publicMode && (
              <IntegrityPanel lang={lang} unit={{ code: shown.unit, level: unitLevel, name: unitName }} year={checkedYear} comparable={manifest.years.includes(checkedYear - 1)} open={integrityOpen} onOpen={setIntegrityOpen}
                layer={integrityOn} onLayer={setIntegrityOn} state={integrity} openUnit={openUnit} />
            )}
            {publicMode ? null : anyPainted ? (
              <PanelsBoundary failed={t.panelsFailed} reload={t.reloadPage}>
                <Suspense fallback={<PanelsLoading text={t.panelsLoading} />}>
                  <AnalysisPanels ctx={ctx} engineStarted={engine.state !== 'idle'} planId={view.plan} onPlan={(plan) => update({ plan })} />
                </Suspense>
              </PanelsBoundary>
            ) : <PanelsLoading text={t.panelsLoading} />}
          </aside>
        </div>
      </div>
    </>
  );
}

/** Stands where the analysis panels go until their chunk is loaded. */
function PanelsLoading({ text }: { text: string }) {
  return <p className="panel side-panel panels-loading" role="status" data-testid="panels-loading">{text}</p>;
}

/** The unit's facility counts of the kinds shown, in the panel's order. */
function unitFacilities(counts: Partial<Record<FacilityKind, number>> | undefined, kinds: readonly FacilityKind[]): [FacilityKind, number][] {
  return FACILITY_KINDS.filter((k) => kinds.includes(k)).map((k) => [k, counts?.[k] ?? 0]);
}

/** Tooltip body of an overlay object: a facility, a cluster of facilities, or a village of the demand layer. */
function OverlayFacts({ t, lang, pick, employment, placeOf }: { t: Messages; lang: Lang; pick: OverlayPick; employment: ReadonlyMap<string, { withLabour: number; employed: number }>; placeOf: (f: Facility) => string | null }) {
  const m = t.facilities;
  if (pick.layerId === DEMAND_LAYER_ID) {
    const v = pick.object as VillageDemand;
    return (
      <div data-testid="demand-tooltip" data-village={v.villageCode}>
        <div className="facts-name">{placeName({ name: v.name, name_en: v.nameEn ?? undefined }, lang)}</div>
        <p className="legend-line">{m.households(formatInteger(v.households, lang))}</p>
      </div>
    );
  }
  const mark = pick.object as FacilityMark;
  if (mark.members.length === 1) {
    const f = mark.members[0]!;
    return (
      <div data-testid="facility-tooltip" data-facility={f.id}>
        <div className="facts-name">{f.name}</div>
        <FacilityFacts t={t} lang={lang} f={f} employment={employment} place={placeOf(f)} compact />
      </div>
    );
  }
  return (
    <div data-testid="cluster-tooltip">
      <div className="facts-name">{m.kindNames[mark.kind]}</div>
      <p className="legend-line">{m.clusterCount(formatInteger(mark.members.length, lang))} · {m.clusterHint}</p>
    </div>
  );
}

/** The briefing's KPI tiles: the unit's per-capita income and growth against the plan's matching targets, then the worst other targets. */
function briefingTiles(stats: ReturnType<typeof deriveViewModel>['unit'], picked: ReturnType<typeof pickTiles> | null, lang: Lang, t: Messages, population: ReturnType<typeof defaultPopulation>): BriefingTile[] {
  const target = (r: TileRow | null) => (r ? { target: formatTargetValue(r.row.target, r.row.unit, lang), status: r.row.status } : {});
  const tiles: BriefingTile[] = [
    { id: 'per-capita', label: t.population.perCapitaOf[population], value: formatYuan(stats?.perCapita, lang), unit: t.unitYuan, ...target(picked?.headline ?? null) },
    { id: 'growth', label: t.growth, value: formatGrowth(stats?.growth, lang), note: t.growthBasis, ...target(picked?.growth ?? null) },
  ];
  for (const o of picked?.others ?? []) {
    // Counts read in 万 in Chinese (formatLarge); rates and yuan as the scorecard shows them.
    const fmt = (x: number | null) => (o.row.unit === 'count' || o.row.unit === 'persons' ? formatLarge(x, lang) : formatTargetValue(x, o.row.unit, lang));
    tiles.push({ id: `target-${o.row.targetId}`, label: o.label[lang], value: fmt(o.row.actual), target: fmt(o.row.target), status: o.row.status });
  }
  if (tiles.length < 4) {
    tiles.push({ id: 'households', label: t.households, value: formatLarge(stats?.sums.households, lang), unit: t.unitHouseholds });
    tiles.push({ id: 'persons', label: t.persons, value: formatLarge(stats?.sums.persons, lang), unit: t.unitPersons });
  }
  return tiles.slice(0, 6);
}
