import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { shortVillageName } from '../../domain/names';
import { isUrbanCommunity } from '../../domain/region-code';
import type { RegionNode, RegionTree } from '../geography/region-tree';
import { Rng } from '../random';
import { apportion, type Households } from './households';
import type { IncomePaths } from './income';
import type { RegionProfile } from './profile';

/** One row of `facilities.parquet` (CONTRACT.md). */
export interface FacilityRow {
  id: string;
  kind: 'industry_base' | 'workshop' | 'pv_station' | 'industrial_park' | 'coop' | 'relocation_site';
  name: string;
  industry: string | null;
  lon: number;
  lat: number;
  county_code: string;
  village_code: string;
  opened_year: number;
  status: 'normal' | 'upgrade' | 'idle' | 'adjust';
  households_linked: number;
  jobs: number;
  relocated_households: number;
  relocated_persons: number;
}

/** Chinese names of the industries used in facility names. */
const INDUSTRY_ZH: Record<string, string> = {
  goji: '枸杞',
  wine: '酿酒葡萄',
  dairy: '奶牛',
  beef: '肉牛',
  tan_sheep: '滩羊',
  vegetables: '冷凉蔬菜',
  garment: '服装',
  handicraft: '手工艺',
  food: '食品加工',
  electronics: '电子组装',
  planting: '种植',
  breeding: '养殖',
  // Jiangxi (seed 003), Daxiang (seed 000), Jiyuan (seed 001), Beizhang (seed 002).
  navel_orange: '脐橙',
  tea: '茶叶',
  camellia: '油茶',
  rice: '优质稻',
  pig: '生猪',
  fish: '水产',
  kiwi: '猕猴桃',
  herbs: '中药材',
  seed_vegetables: '蔬菜制种',
  rabbit: '兔',
  walnut: '核桃',
  rabdosia: '冬凌草',
  tobacco: '烟叶',
  grain: '粮食',
  fruit: '果蔬',
};
const WORKSHOP_INDUSTRIES = ['garment', 'handicraft', 'food', 'electronics'];

/** A deterministic point strictly inside `feature` (rejection sampling in its bounding box). */
export function randomPointIn(feature: Feature<Polygon | MultiPolygon>, rng: Rng, fallback: [number, number]): [number, number] {
  const [x0, y0, x1, y1] = bbox(feature);
  for (let k = 0; k < 200; k++) {
    const p: [number, number] = [rng.between(x0, x1), rng.between(y0, y1)];
    if (booleanPointInPolygon(p, feature)) return [round6(p[0]), round6(p[1])];
  }
  return fallback;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function status(rng: Rng): FacilityRow['status'] {
  return (['normal', 'upgrade', 'idle', 'adjust'] as const)[rng.weighted([70, 15, 8, 7])];
}

/**
 * Places the region's facilities: relocation sites from the household data (counts agree with
 * the households placed there), industry bases of the specialty industries in the counties where
 * each clusters, co-ops and assistance workshops by county population, PV stations in the
 * mountain counties, and a few industrial parks.
 */
export function generateFacilities(
  profile: RegionProfile,
  tree: RegionTree,
  hh: Households,
  paths: IncomePaths,
  seed: number,
): FacilityRow[] {
  const rng = new Rng(seed, 'facilities');
  const rows: FacilityRow[] = [];
  const place = (village: RegionNode): [number, number] =>
    village.geometry ? randomPointIn(village.geometry, rng, [village.lon, village.lat]) : [village.lon, village.lat];
  const lastFull = paths.years.indexOf(profile.years[profile.years.length - 1]);
  const ruralOf = new Map<string, RegionNode[]>();
  const rural = (county: string): RegionNode[] => {
    let list = ruralOf.get(county);
    if (!list) {
      list = tree.descendantsAt(county, 5).filter((v) => !isUrbanCommunity(v.code));
      if (list.length === 0) list = tree.descendantsAt(county, 5);
      ruralOf.set(county, list);
    }
    return list;
  };
  const base = (kind: FacilityRow['kind'], _unit: string, village: RegionNode, name: string, industry: string | null): FacilityRow => {
    const [lon, lat] = place(village);
    return {
      id: '',
      kind,
      name,
      industry,
      lon,
      lat,
      // Calibration units may be townships or villages: the county is in the village code.
      county_code: village.code.slice(0, 6) + '000000',
      village_code: village.code,
      opened_year: rng.int(2014, profile.years[profile.years.length - 1]),
      status: status(rng),
      households_linked: 0,
      jobs: 0,
      relocated_households: 0,
      relocated_persons: 0,
    };
  };

  // Relocation sites: households, persons and employment summed from the households moved there.
  const siteHouseholds = new Int32Array(hh.sites.length);
  const sitePersons = new Int32Array(hh.sites.length);
  const siteJobs = new Int32Array(hh.sites.length);
  for (let i = 0; i < hh.count; i++) {
    const s = hh.site[i];
    if (s < 0) continue;
    siteHouseholds[s]++;
    sitePersons[s] += hh.persons[i];
    siteJobs[s] += paths.employed[lastFull][0][i] + paths.employed[lastFull][1][i] + paths.employed[lastFull][2][i];
  }
  hh.sites.forEach((site, s) => {
    const township = tree.get(site.village.parent_code ?? '');
    const row = base('relocation_site', site.county, site.village, `${township.name}${shortVillageName(site.village.name)}安置点`, null);
    row.id = site.id;
    row.opened_year = rng.int(2013, 2020);
    row.status = 'normal';
    row.households_linked = siteHouseholds[s];
    row.relocated_households = siteHouseholds[s];
    row.relocated_persons = sitePersons[s];
    row.jobs = siteJobs[s];
    rows.push(row);
  });

  // Industry bases of the specialty industries, clustered where each industry is strong.
  const f = profile.facilities;
  const industries = Object.keys(f.industries).sort();
  const perIndustry = apportion(f.industryBases, industries.map(() => 1));
  industries.forEach((industry, k) => {
    const counties = Object.keys(f.industries[industry]).sort();
    const counts = apportion(perIndustry[k], counties.map((c) => f.industries[industry][c]));
    counties.forEach((county, ci) => {
      for (let m = 0; m < counts[ci]; m++) {
        const village = rng.pick(rural(county));
        const row = base('industry_base', county, village, `${shortVillageName(village.name)}${INDUSTRY_ZH[industry] ?? industry}基地`, industry);
        row.households_linked = rng.int(15, 260);
        row.jobs = rng.int(4, 70);
        rows.push(row);
      }
    });
  });

  // A village-level industry base in most key villages (每个重点帮扶村建设1个, seed 003 §二2).
  if (f.keyVillageBaseShare !== undefined) {
    const krng = new Rng(seed, 'key-village-bases');
    const keyVillages = tree.descendantsAt(profile.rootCode, 5).filter((v) => v.tags.includes('key_village'));
    for (const village of keyVillages) {
      if (!krng.chance(f.keyVillageBaseShare)) continue;
      let unit = village.code;
      for (let node = village; node.parent_code !== null && profile.counties[unit] === undefined; node = tree.get(node.parent_code)) {
        unit = node.parent_code;
      }
      const options = industries.filter((ind) => f.industries[ind][unit] !== undefined);
      const industry = options.length ? krng.pick(options) : krng.pick(['planting', 'breeding', 'tea', 'camellia']);
      const row = base('industry_base', unit, village, `${shortVillageName(village.name)}${INDUSTRY_ZH[industry] ?? industry}基地`, industry);
      row.households_linked = krng.int(10, 120);
      row.jobs = krng.int(2, 30);
      rows.push(row);
    }
  }

  // Co-ops and workshops follow the households; PV stations favour the mountain counties.
  const counties = Object.keys(profile.counties).sort();
  const countyHouseholds = counties.map((c) => hh.county.filter((x) => x === c).length);
  const coopCounts = apportion(f.coops, countyHouseholds);
  const workshopCounts = apportion(f.workshops, countyHouseholds);
  const pvCounts = apportion(f.pvStations, counties.map((c, i) => countyHouseholds[i] * (profile.tags[c]?.includes('south_mountain') ? 3 : 1)));
  const localIndustries = (county: string) => industries.filter((ind) => f.industries[ind][county] !== undefined);
  counties.forEach((county, ci) => {
    for (let m = 0; m < coopCounts[ci]; m++) {
      const options = localIndustries(county);
      const industry = options.length && rng.chance(0.6) ? rng.pick(options) : rng.pick(['planting', 'breeding']);
      const village = rng.pick(rural(county));
      const row = base('coop', county, village, `${shortVillageName(village.name)}${INDUSTRY_ZH[industry]}专业合作社`, industry);
      row.households_linked = rng.int(8, 90);
      row.jobs = rng.int(1, 12);
      rows.push(row);
    }
    for (let m = 0; m < workshopCounts[ci]; m++) {
      const industry = rng.pick(WORKSHOP_INDUSTRIES);
      const village = rng.pick(rural(county));
      const row = base('workshop', county, village, `${shortVillageName(village.name)}${INDUSTRY_ZH[industry]}帮扶车间`, industry);
      row.jobs = rng.int(f.workshopJobs[0], f.workshopJobs[1]);
      row.households_linked = Math.round(row.jobs * rng.between(0.8, 1));
      rows.push(row);
    }
    for (let m = 0; m < pvCounts[ci]; m++) {
      const village = rng.pick(rural(county));
      const row = base('pv_station', county, village, `${shortVillageName(village.name)}光伏帮扶电站`, 'pv');
      row.households_linked = rng.int(60, 700);
      row.jobs = rng.int(0, 25);
      row.opened_year = rng.int(2016, 2021);
      rows.push(row);
    }
  });

  // Industrial parks: one for each of the strongest industry clusters.
  const parks = industries
    .map((industry) => {
      const entries = Object.entries(f.industries[industry]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return { industry, county: entries[0][0], weight: entries[0][1] };
    })
    .sort((a, b) => b.weight - a.weight || a.industry.localeCompare(b.industry))
    .slice(0, f.industrialParks);
  for (const park of parks) {
    const countyNode = tree.get(park.county);
    const village = rng.pick(rural(park.county));
    const row = base('industrial_park', park.county, village, `${countyNode.name}${INDUSTRY_ZH[park.industry]}产业园`, park.industry);
    row.households_linked = rng.int(800, 3000);
    row.jobs = rng.int(300, 1500);
    row.status = 'normal';
    rows.push(row);
  }

  const prefix: Record<FacilityRow['kind'], string> = {
    relocation_site: 'RS',
    industry_base: 'IB',
    coop: 'CP',
    workshop: 'WS',
    pv_station: 'PV',
    industrial_park: 'IP',
  };
  const counters = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === 'relocation_site') continue;
    const k = (counters.get(row.kind) ?? 0) + 1;
    counters.set(row.kind, k);
    row.id = `${prefix[row.kind]}${String(k).padStart(4, '0')}`;
  }
  return rows;
}

/** One row of `villages.parquet`. */
export interface CollectiveRow {
  village_code: string;
  year: number;
  collective_income: number;
}

/**
 * Village collective-economy income (村集体经济) per rural village and full year: a village-level
 * log-normal draw growing by the profile's rate with yearly noise, whole yuan.
 */
export function generateCollectiveIncome(profile: RegionProfile, tree: RegionTree, seed: number): CollectiveRow[] {
  const rows: CollectiveRow[] = [];
  const c = profile.collectiveIncome;
  const villages = tree.descendantsAt(profile.rootCode, 5).filter((v) => !isUrbanCommunity(v.code));
  for (const v of villages) {
    const rng = new Rng(seed, `collective-${v.code}`);
    let value = c.medianFirstYear * Math.exp(c.sigma * rng.normal());
    for (const year of profile.years) {
      if (year > profile.years[0]) value *= 1 + c.growth + 0.12 * rng.normal();
      value = Math.max(2000, value);
      rows.push({ village_code: v.code, year, collective_income: Math.round(value) });
    }
  }
  return rows;
}
