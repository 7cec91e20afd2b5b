import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Level } from '../../domain/dataset';
import type { Connector } from '../../data/engine/connector';
import { availablePlans, loadBundledPlan } from '../../data/plans';
import { queryReference, type ReferenceValue } from '../../data/queries/reference';
import { queryRegionNames, type RegionName } from '../../data/queries/regions';
import type { DatasetClient } from '../../data/dataset-client';
import { TARGET_MESSAGES } from '../../i18n/targets';
import { targetApplies } from '../../targets/evaluate';
import { valueForYear } from '../../targets/plan';
import type { Plan, TargetEvaluation } from '../../targets/types';
import {
  ChangePanel, ChipBar, CompositionPanel, HistogramPanel, HouseholdTable, LedgersPanel, monitoringLineFor, referencesFor, regionNamer, TrendPanel,
  type PanelContext as AnalysisContext,
} from '../panels';
import { Scorecard } from '../targets/Scorecard';
import { applyPopulation, categoriesWithin, POPULATION_CATEGORIES } from '../../domain/population';
import { PopulationName } from '../panels/population-name';
import type { PanelContext } from './panel-context';

/**
 * The engine once started elsewhere (after the first map is painted), ready for household queries
 * about `unit` (in a partitioned dataset: with the unit's county loaded). `db` is null until then,
 * and never the connector of an earlier unit; `error` says why there is none (e.g. a unit above
 * county level in a dataset split by county).
 */
function useConnector(client: DatasetClient, started: boolean, unit: string): { db: Connector | null; error: string | null } {
  const [ready, setReady] = useState<{ unit: string; db: Connector | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!started) return;
    let live = true;
    client.engineFor(unit).then(
      (c) => live && setReady({ unit, db: c, error: null }),
      (e: unknown) => live && setReady({ unit, db: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, started, unit]);
  return ready && ready.unit === unit ? ready : { db: null, error: null };
}

/** The engine for dataset-wide tables (reference series, region names), whatever the unit. */
function useBaseConnector(client: DatasetClient, started: boolean): Connector | null {
  const [db, setDb] = useState<Connector | null>(null);
  useEffect(() => {
    if (!started) return;
    let live = true;
    client.engine().then((c) => live && setDb(c), () => live && setDb(null));
    return () => {
      live = false;
    };
  }, [client, started]);
  return db;
}

export interface AnalysisPanelsProps {
  ctx: PanelContext;
  /** The engine has been started (the first map is painted). */
  engineStarted: boolean;
  /** Plan chosen in the view state; null for the dataset's first plan. */
  planId: string | null;
  onPlan: (id: string) => void;
}

/**
 * The side column's analysis: the cross-filter chips, the target scorecard of the chosen plan,
 * income composition, trend with targets and reference series, the income histogram with its
 * brush, rising/flat/falling with the decline causes, the three ledgers, and at a village the
 * household table. Every panel follows the unit, period and cross-filter on screen.
 */
export function AnalysisPanels({ ctx, engineStarted, planId, onPlan }: AnalysisPanelsProps) {
  const { t, lang, client, manifest, unit, period, filter, setFilter, population, annualFactor } = ctx;
  const { db, error: scopeError } = useConnector(client, engineStarted, unit.code);
  const baseDb = useBaseConnector(client, engineStarted);
  const plans = availablePlans(manifest.plans);
  const chosen = planId && plans.includes(planId) ? planId : (plans[0] ?? null);
  const [plan, setPlan] = useState<Plan | null>(null);
  useEffect(() => {
    let live = true;
    setPlan(null);
    if (chosen) loadBundledPlan(chosen).then((p) => live && setPlan(p), () => live && setPlan(null));
    return () => {
      live = false;
    };
  }, [chosen]);

  // The plan evaluated ahead for the root, cities and counties (`manifest.reports`): the scorecard
  // of those units reads it; below them, or without a report, the engine evaluates.
  const [report, setReport] = useState<TargetEvaluation[] | null>(null);
  useEffect(() => {
    let live = true;
    setReport(null);
    if (chosen) client.precomputedReport(chosen).then((r) => live && setReport(r), () => live && setReport(null));
    return () => {
      live = false;
    };
  }, [client, chosen]);

  // Null until the reference series are read (a missing line is then known to be missing).
  const [ref, setRef] = useState<ReferenceValue[] | null>(null);
  const [names, setNames] = useState<RegionName[]>([]);
  const root = manifest.root;
  useEffect(() => {
    if (!baseDb) return;
    let live = true;
    void Promise.all([queryReference(baseDb), queryRegionNames(baseDb, { code: root.code, level: root.level })]).then(([r, n]) => {
      if (!live) return;
      setRef(r);
      setNames(n);
    }, () => {
      // Unreadable reference series: no line is known, so the panels say so instead of waiting.
      if (live) setRef([]);
    });
    return () => {
      live = false;
    };
  }, [baseDb, root.code, root.level]);

  // Region names come from the engine; until they arrive the unit itself still goes by the name the
  // page already shows (a panel answered from pre-aggregates or a report can be ready before them).
  const childName = useMemo(() => {
    const named = regionNamer(names, lang);
    return (code: string) => {
      const n = named(code);
      return n === code && code === unit.code ? unit.name : n;
    };
  }, [names, lang, unit.code, unit.name]);
  const preSums = useCallback((within: { code: string; level: Level }) => client.unitSums(within), [client]);
  const unitSeries = useCallback((within: { code: string; level: Level }) => client.unitSeries(within), [client]);
  const unitRef = useMemo(() => ({ code: unit.code, level: unit.level, name: unit.name, tags: [] as string[], parentCode: null }), [unit]);
  if (!period) return null;

  const actx: AnalysisContext = {
    t, lang, db,
    // The user's filter within the population: the panels count what the KPI strip and map count.
    scope: { within: { code: unit.code, level: unit.level }, filter: applyPopulation(filter, population), period: { year: period.year, quarter: period.quarter } },
    years: manifest.years,
    asOf: manifest.asOf,
    childName,
    preSums,
    unitSeries,
  };
  // Target lines of the trend: the plan's per-capita income levels that bind this unit.
  const targets = (plan?.targets ?? [])
    .filter((g) => g.kind === 'level' && g.metric === 'per_capita_income' && !g.noData && targetApplies(g, unitRef, plan!.region))
    .flatMap((g) => g.years.map((year) => ({ label: g.label[lang], year, value: valueForYear(g.value, year) ?? Number.NaN })))
    .filter((x) => Number.isFinite(x.value));
  const line = ref ? monitoringLineFor(ref, unit.code, period.year) : undefined;
  // A year-to-date period: annual lines are compared on the targets' projection basis.
  const basis = period.quarter < 4 ? (annualFactor ?? null) : undefined;
  const m = TARGET_MESSAGES[lang];

  return (
    <PopulationName.Provider value={t.population.panelLine(t.population.names[population])}>
      <ChipBar
        t={t}
        lang={lang}
        filter={{ ...filter, categories: categoriesWithin(filter, population) }}
        onFilter={setFilter}
        categories={POPULATION_CATEGORIES[population].length ? POPULATION_CATEGORIES[population] : undefined}
      />
      {unit.level === 5 && <HouseholdTable {...actx} />}
      {plans.length > 1 && (
        <label className="plan-select">
          {m.plan}
          <select value={chosen ?? ''} onChange={(e) => onPlan(e.target.value)} data-testid="plan-select">
            {plans.map((id) => (
              <option key={id} value={id}>{id}</option>
            ))}
          </select>
        </label>
      )}
      {scopeError && client.partitioned && (
        <section className="panel partition-notice" data-testid="partition-notice" role="note">
          <p>{scopeError}</p>
        </section>
      )}
      {scopeError && !client.partitioned && <p className="error-text" role="alert">{scopeError}</p>}
      {scopeError && client.partitioned && report && (
        <Scorecard lang={lang} db={null} plan={plan} manifest={manifest} unitCode={unit.code} year={period.year} precomputed={report} />
      )}
      {scopeError && client.partitioned ? null : (
        <>
      <Scorecard lang={lang} db={db} plan={plan} manifest={manifest} unitCode={unit.code} year={period.year} precomputed={report} />
      <TrendPanel {...actx} targets={targets} references={referencesFor(ref ?? [], unit.code, t)} projected="auto" />
      <CompositionPanel {...actx} />
      <HistogramPanel {...actx} monitoringLine={line} basis={basis} onBrush={(range) => setFilter({ ...filter, incomeRange: range })} />
      <ChangePanel
        {...actx}
        onCause={(c) => setFilter({ ...filter, causes: filter.causes.includes(c) ? filter.causes.filter((x) => x !== c) : [...filter.causes, c] })}
      />
      <LedgersPanel {...actx} monitoringLine={line} lineLoading={ref === null} basis={basis} />
        </>
      )}
    </PopulationName.Provider>
  );
}
