import { useEffect, useState } from 'react';
import type { BoundaryCollection, DatasetClient } from '../data/dataset-client';
import { LEVEL_NAMES, type Level } from '../domain/dataset';
import { shortVillageName } from '../domain/names';
import type { SumsIndex } from '../domain/income';
import { ancestry, featuresWithin, levelOfCode, mapScopeOf, type MapScope } from '../domain/drill';

/** A place's names, for the breadcrumb. */
export interface PlaceNames {
  name: string;
  name_en: string;
}

/** Everything the map, KPI strip and breadcrumb need for one unit, from pre-aggregated files only. */
export interface UnitData {
  unit: string;
  unitLevel: Level;
  scope: MapScope;
  /** Polygons the map shows (children of the unit, or the village's siblings). */
  features: BoundaryCollection;
  /** Pre-aggregated sums of the map's level (all regions of that level). */
  childSums: SumsIndex;
  /** Pre-aggregated sums of the unit's level. */
  unitSums: SumsIndex;
  /** Breadcrumb, root first; names of levels the dataset has no boundaries for are absent. */
  crumbs: { code: string; level: Level; names: PlaceNames | null }[];
}

export type UnitLoad = { data: UnitData | null; loading: boolean; error: string | null };

/**
 * Loads the unit's view through the client's cached files (`agg/<level>.json`,
 * `boundaries/<level>.geojson`), so drilling needs no engine. While the next unit loads, the
 * previous one stays on screen (`loading` true).
 */
export function useUnitData(client: DatasetClient, unit: string, rootName: PlaceNames): UnitLoad {
  const [load, setLoad] = useState<UnitLoad>({ data: null, loading: true, error: null });

  useEffect(() => {
    let cancelled = false;
    setLoad((l) => ({ ...l, loading: true, error: null }));
    loadUnit(client, unit, rootName).then(
      (data) => !cancelled && setLoad({ data, loading: false, error: null }),
      (e: unknown) => !cancelled && setLoad((l) => ({ ...l, loading: false, error: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      cancelled = true;
    };
  }, [client, unit, rootName]);

  return load;
}

async function loadUnit(client: DatasetClient, unit: string, rootName: PlaceNames): Promise<UnitData> {
  const unitLevel = levelOfCode(unit);
  const scope = mapScopeOf(unit);
  const chain = ancestry(unit, client.manifest.root.level);
  const hasBoundaries = (level: Level) =>
    client.manifest.files[`boundaries/${LEVEL_NAMES[level]}.geojson`] !== undefined || (client.partitioned && level >= 4);
  // Township and village files are read per county (the whole province's in one file unless the
  // dataset is partitioned by county, then only the county's: DatasetClient.boundariesIn).
  const county = `${unit.slice(0, 6)}000000`;
  const boundaries = (level: Level) => (level >= 4 ? client.boundariesIn(LEVEL_NAMES[level], county) : client.boundaries(LEVEL_NAMES[level]));
  const sums = (level: Level) => (level >= 4 ? client.regionSumsIn(level, county) : client.regionSums(level));
  const [all, childSums, unitSums, names] = await Promise.all([
    boundaries(scope.level),
    sums(scope.level),
    sums(unitLevel),
    Promise.all(
      chain.map(async ({ code, level }): Promise<PlaceNames | null> => {
        if (code === client.manifest.root.code) return rootName;
        if (!hasBoundaries(level)) return null;
        const found = (await boundaries(level)).features.find((f) => f.properties.code === code);
        return found ? { name: displayName(found.properties.name, level), name_en: found.properties.name_en } : null;
      }),
    ),
  ]);
  if (unit !== client.manifest.root.code && hasBoundaries(unitLevel) && names[names.length - 1] === null) {
    throw new Error(`地区代码 ${unit} 不在本数据集中 · Region ${unit} is not in this dataset`);
  }
  const inside = featuresWithin(all.features, scope.scope, scope.scopeLevel);
  const features: BoundaryCollection = {
    type: 'FeatureCollection',
    features: scope.level === 5 ? inside.map((f) => ({ ...f, properties: { ...f.properties, name: displayName(f.properties.name, 5) } })) : inside,
  };
  return { unit, unitLevel, scope, features, childSums, unitSums, crumbs: chain.map((c, i) => ({ ...c, names: names[i] })) };
}

/** Villages read better without the committee suffix ("王太村委会" → "王太村"; domain/names.ts). */
function displayName(name: string, level: Level): string {
  return level === 5 ? shortVillageName(name) : name;
}
