import type { Facility, FacilityKind } from '../../data/queries/facilities';
import type { VillageDemand } from '../../data/queries/demand-layer';
import type { PointLayerSpec } from '../overlay/spec';
import { gridClusters, shouldCluster, CLUSTER_CELL_PX } from './cluster';
import { areaRadius, employmentColor, industryColors, KIND_COLORS, STATUS_COLORS, type Rgb } from './scales';

/** Industry bases coloured by industry or by 四个一批 status. */
export type IndustryColoring = 'industry' | 'status';

/**
 * One mark of a facility layer: a facility drawn by itself, or a cluster of facilities of one
 * kind (low zoom, many points). `members` always lists the facilities it stands for.
 */
export interface FacilityMark {
  kind: FacilityKind;
  lon: number;
  lat: number;
  members: Facility[];
}

/** Employed share of a relocation site's relocated households with labour, by site id. */
export type EmploymentBySite = ReadonlyMap<string, { withLabour: number; employed: number }>;

/** The employed share of the households behind `members` (pooled), or null when none has labour. */
export function pooledEmploymentShare(members: readonly Facility[], employment: EmploymentBySite): number | null {
  let withLabour = 0;
  let employed = 0;
  for (const f of members) {
    const e = employment.get(f.id);
    if (e) {
      withLabour += e.withLabour;
      employed += e.employed;
    }
  }
  return withLabour > 0 ? employed / withLabour : null;
}

/** Marks of one kind at `zoom`: clusters when there are many (cluster.ts), else one per facility. */
export function facilityMarks(facilities: readonly Facility[], kind: FacilityKind, zoom: number): FacilityMark[] {
  const own = facilities.filter((f) => f.kind === kind);
  if (!shouldCluster(own.length, zoom)) return own.map((f) => ({ kind, lon: f.lon, lat: f.lat, members: [f] }));
  return gridClusters(own, Math.floor(zoom), CLUSTER_CELL_PX).map((c) => ({ kind, lon: c.lon, lat: c.lat, members: c.members.map((i) => own[i]!) }));
}

/** The most frequent value of `key` among `members` (ties: first in `order`, then by name). */
function majority<T extends string>(members: readonly Facility[], key: (f: Facility) => T | null): T | null {
  const counts = new Map<T, number>();
  for (const f of members) {
    const v = key(f);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: T | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best) && v < best)) best = v;
  return best;
}

export interface FacilityLayerInput {
  /** Facilities in view (scope and year already applied: select.ts). */
  facilities: readonly Facility[];
  kinds: readonly FacilityKind[];
  zoom: number;
  industryColoring: IndustryColoring;
  employment: EmploymentBySite;
  /** Industry colours of the dataset (scales.ts `industryColors`), stable across views. */
  industryColor: ReturnType<typeof industryColors>['color'];
  /** Largest relocated persons and workshop jobs in the dataset: the size scales' top. */
  maxRelocatedPersons: number;
  maxWorkshopJobs: number;
}

/** Radius range of sized layers (relocated persons, workshop jobs) and of clusters, pixels. */
export const SIZED_RADIUS = [3, 16] as const;
export const FIXED_RADIUS = 4.5;
export const CLUSTER_RADIUS = [6, 20] as const;

/** Pixel radius of a mark. Clusters: area ∝ member count (up to 400); sized kinds: area ∝ value. */
export function markRadius(m: FacilityMark, input: Pick<FacilityLayerInput, 'maxRelocatedPersons' | 'maxWorkshopJobs'>): number {
  if (m.members.length > 1) return areaRadius(m.members.length, 400, CLUSTER_RADIUS[0], CLUSTER_RADIUS[1]);
  const f = m.members[0]!;
  if (f.kind === 'relocation_site') return areaRadius(f.relocatedPersons, input.maxRelocatedPersons, SIZED_RADIUS[0], SIZED_RADIUS[1]);
  if (f.kind === 'workshop') return areaRadius(f.jobs, input.maxWorkshopJobs, SIZED_RADIUS[0], SIZED_RADIUS[1]);
  return FIXED_RADIUS;
}

/** Colour of a mark: relocation sites by employed share, industry bases by industry or status (clusters: pooled share, majority class), others by kind. */
export function markColor(m: FacilityMark, input: Pick<FacilityLayerInput, 'industryColoring' | 'employment' | 'industryColor'>): Rgb {
  if (m.kind === 'relocation_site') return employmentColor(pooledEmploymentShare(m.members, input.employment));
  if (m.kind === 'industry_base') {
    if (input.industryColoring === 'status') return STATUS_COLORS[majority(m.members, (f) => f.status) ?? 'normal'];
    return input.industryColor(majority(m.members, (f) => f.industry));
  }
  return KIND_COLORS[m.kind];
}

/** Layer id of a facility kind (stable: the overlay keeps its buffers across updates). */
export const facilityLayerId = (kind: FacilityKind) => `facilities-${kind}`;
export const DEMAND_LAYER_ID = 'demand-villages';

/** One point layer per kind shown, in the order of `kinds` (later kinds draw on top). */
export function facilityLayers(input: FacilityLayerInput): PointLayerSpec<FacilityMark>[] {
  return input.kinds.map((kind) => {
    const data = facilityMarks(input.facilities, kind, input.zoom);
    return {
      spec: 'points',
      id: facilityLayerId(kind),
      data,
      position: (m) => [m.lon, m.lat],
      radius: (m) => markRadius(m, input),
      fill: (m) => markColor(m, input),
      line: [255, 255, 255, 230],
      lineWidth: 1,
      opacity: 0.9,
      updateKey: `${input.industryColoring}|${input.employment.size}|${input.maxRelocatedPersons}|${input.maxWorkshopJobs}`,
    };
  });
}

/** Demand dot colour (purple, distinct from the facility kinds and the income ramps). */
export const DEMAND_COLOR: Rgb = [106, 61, 154];
export const DEMAND_RADIUS = [2, 14] as const;

/** The demand layer: one dot per village, area ∝ households of the population (top: the largest village shown). */
export function demandLayer(villages: readonly VillageDemand[], key: string): PointLayerSpec<VillageDemand> {
  const max = villages.reduce((m, v) => Math.max(m, v.households), 0);
  return {
    spec: 'points',
    id: DEMAND_LAYER_ID,
    data: villages,
    position: (v) => [v.lon, v.lat],
    radius: (v) => areaRadius(v.households, max, DEMAND_RADIUS[0], DEMAND_RADIUS[1]),
    fill: () => [...DEMAND_COLOR, 200] as [number, number, number, number],
    line: [255, 255, 255, 160],
    lineWidth: 0.5,
    opacity: 0.75,
    updateKey: `${key}|${max}`,
  };
}
