import { useEffect, useMemo, useState } from 'react';
import type { DatasetClient } from '../data/dataset-client';
import { PartitionScopeError } from '../data/dataset-client';
import { demandYear, queryVillageDemandLayer, type VillageDemand } from '../data/queries/demand-layer';
import { queryFacilities, queryRelocationEmployment, type Facility, type FacilityKind } from '../data/queries/facilities';
import type { MapScope } from '../domain/drill';
import type { HouseholdFilter, Period } from '../domain/filter';
import { serializeFilter } from './filter-param';
import type { SitingPopulation } from '../siting/demand';
import { demandLayer, facilityLayers, type EmploymentBySite, type IndustryColoring } from '../map/facilities/layers';
import { industryColors } from '../map/facilities/scales';
import { facilitiesInView } from '../map/facilities/select';
import type { PointLayerSpec } from '../map/overlay/spec';

/** What the user turned on in the layers panel (kept in the dashboard's state, not the URL). */
export interface FacilityLayerChoice {
  kinds: FacilityKind[];
  industryColoring: IndustryColoring;
  demand: boolean;
  demandPopulation: SitingPopulation;
}

type Load<T> = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string; partition?: boolean };

/** Runs `load` when `key` is non-null and changes; the last answer wins. */
function useLoad<T>(key: string | null, load: () => Promise<T>): Load<T> {
  const [result, setResult] = useState<{ key: string | null; load: Load<T> }>({ key: null, load: { state: 'idle' } });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setResult({ key, load: { state: 'loading' } });
    load().then(
      (value) => live && setResult({ key, load: { state: 'ready', value } }),
      (err: unknown) => live && setResult({ key, load: { state: 'error', message: err instanceof Error ? err.message : String(err), partition: err instanceof PartitionScopeError } }),
    );
    return () => {
      live = false;
    };
    // `load` is named by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return key === null ? { state: 'idle' } : result.key === key ? result.load : { state: 'loading' };
}

export interface FacilityLayersState {
  /** Every facility of the dataset once loaded (null before a layer was turned on). */
  all: Facility[] | null;
  /** Facilities of the scope opened by the year on screen, all kinds. */
  inView: Facility[];
  layers: PointLayerSpec[];
  facilities: Load<Facility[]>;
  employment: Load<EmploymentBySite>;
  demand: Load<VillageDemand[]>;
  demandYear: number;
  industry: ReturnType<typeof industryColors>;
  maxRelocatedPersons: number;
  maxWorkshopJobs: number;
}

/**
 * The facility and demand layers of the map for the view: facilities through the engine
 * (`queryFacilities`, once per dataset), the relocation sites' employment for the period on
 * screen, and the demand per village for the chosen population among the view's households.
 * Facilities follow the scope (drill-down) and the year (opened_year ≤ year), not the cross-filter;
 * the demand layer follows the scope, population and cross-filter.
 */
export function useFacilityLayers(args: {
  client: DatasetClient;
  choice: FacilityLayerChoice;
  /** Null while the view loads: nothing is asked. */
  scope: MapScope | null;
  period: Period | null;
  filter: HouseholdFilter;
  zoom: number;
  /** The siting view asks for the facilities even with no layer on. */
  needFacilities?: boolean;
}): FacilityLayersState {
  const { client, choice, filter, zoom } = args;
  const scope = args.scope ?? { level: 3 as const, scope: client.manifest.root.code, scopeLevel: client.manifest.root.level };
  const period = args.period ?? { year: client.manifest.asOf.year, quarter: client.manifest.asOf.quarter };
  const viewReady = args.scope !== null && args.period !== null;
  const anyKind = choice.kinds.length > 0 || !!args.needFacilities;
  const facilities = useLoad(anyKind ? `${client.baseUrl}|facilities` : null, async () => queryFacilities(await client.engine()));
  const wantEmployment = viewReady && choice.kinds.includes('relocation_site');
  const employment = useLoad(wantEmployment ? `${client.baseUrl}|${scope.scope}|${period.year}|${period.quarter}` : null, async () => {
    const db = await client.engineFor(scope.scope);
    const rows = await queryRelocationEmployment(db, period);
    return new Map(rows.map((r) => [r.siteId, r])) as EmploymentBySite;
  });
  const year = demandYear(period);
  const demand = useLoad(
    viewReady && choice.demand ? `${client.baseUrl}|${scope.scope}|${scope.scopeLevel}|${year}|${choice.demandPopulation}|${serializeFilter(filter)}|${period.year}|${period.quarter}` : null,
    async () => queryVillageDemandLayer(await client.engineFor(scope.scope), { population: choice.demandPopulation, year, within: { code: scope.scope, level: scope.scopeLevel }, filter, period }),
  );
  const all = facilities.state === 'ready' ? facilities.value : null;
  const scales = useMemo(() => {
    const list = all ?? [];
    return {
      industry: industryColors(list.filter((f) => f.kind === 'industry_base').map((f) => f.industry)),
      maxRelocatedPersons: list.reduce((m, f) => (f.kind === 'relocation_site' ? Math.max(m, f.relocatedPersons) : m), 0),
      maxWorkshopJobs: list.reduce((m, f) => (f.kind === 'workshop' ? Math.max(m, f.jobs) : m), 0),
    };
  }, [all]);
  const inView = useMemo(() => (all ? facilitiesInView(all, { code: scope.scope, level: scope.scopeLevel }, period.year) : []), [all, scope.scope, scope.scopeLevel, period.year]);
  const emp = employment.state === 'ready' ? employment.value : EMPTY_EMPLOYMENT;
  // Clusters change with the integer zoom only.
  const zoomStep = Math.floor(zoom);
  const facilitySpecs = useMemo(
    () => (all ? facilityLayers({ facilities: inView, kinds: choice.kinds, zoom: zoomStep, industryColoring: choice.industryColoring, employment: emp, industryColor: scales.industry.color, ...scales }) : []),
    [all, inView, choice.kinds, zoomStep, choice.industryColoring, emp, scales],
  );
  const demandValue = demand.state === 'ready' ? demand.value : null;
  const layers = useMemo(() => {
    const out: PointLayerSpec[] = [];
    // Demand below the facilities: the facilities are what a planner clicks.
    if (choice.demand && demandValue) out.push(demandLayer(demandValue, `${choice.demandPopulation}|${year}`) as PointLayerSpec);
    out.push(...(facilitySpecs as PointLayerSpec[]));
    return out;
  }, [choice.demand, demandValue, facilitySpecs, choice.demandPopulation, year]);
  return { all, inView, layers, facilities, employment, demand, demandYear: year, ...scales };
}

const EMPTY_EMPLOYMENT: EmploymentBySite = new Map();
