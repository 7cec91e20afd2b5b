/**
 * The part of an import that runs off the main thread (the browser's import worker, and Node
 * tests of it): read the files, fetch the geography of their villages, check and convert
 * (src/import/, the same code as `npm run import`), and build the region tree and boundaries
 * (real county outlines, synthetic township and village cells, the seed `npm run import` uses).
 * No DOM and no database: the tables are written by `buildLocalDataset` afterwards.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Level, LevelName, RegionRow } from '../../domain/dataset';
import { convertRead, readInputs, villageCodesOf, type ConvertResult, type ImportInput } from '../../import';
import type { ImportGeography } from '../../import/geography';
import { buildGeographyFrom } from '../../pipeline/geography/build';
import { applyUserBoundaries, isBoundaryFile, readBoundaries } from '../../import/boundaries';

/** Seed of the synthetic township and village cells: the same as `npm run import` (write-dataset.ts). */
export const GEOMETRY_SEED = 1;

export type PrepareStep = 'read' | 'geography' | 'check' | 'cells';

export interface PreparedImport {
  result: ConvertResult;
  /** Set when `result.ok`. */
  dataset: {
    root: { code: string; level: Level };
    regions: RegionRow[];
    boundaries: Partial<Record<LevelName, FeatureCollection<Polygon | MultiPolygon>>>;
    geographySource: string;
    /** Levels whose polygons are synthetic (township and village, less those wholly the user's own). */
    syntheticLevels: LevelName[];
  } | null;
}

/** The dataset's root: the county when all villages are in one, else their province. */
export function datasetRootOf(villageCodes: string[]): { code: string; level: Level } {
  const counties = new Set(villageCodes.map((c) => c.slice(0, 6)));
  if (counties.size === 1) return { code: [...counties][0]!.padEnd(12, '0'), level: 3 };
  return { code: villageCodes[0]!.slice(0, 2).padEnd(12, '0'), level: 1 };
}

export async function prepareImport(
  inputs: ImportInput[],
  options: { dropPii: boolean; salt: string; maxYear?: number },
  geography: (villageCodes: string[]) => Promise<ImportGeography>,
  onStep?: (step: PrepareStep) => void,
): Promise<PreparedImport> {
  onStep?.('read');
  // GeoJSON files are boundaries (src/import/boundaries.ts); the rest are household tables.
  const boundaryReads = inputs.flatMap((i) => ('bytes' in i && isBoundaryFile(i.name) ? [readBoundaries(i.name, i.bytes)] : []));
  const read = readInputs(inputs.filter((i) => !('bytes' in i && isBoundaryFile(i.name))));
  for (const b of boundaryReads) {
    read.problems.push(...b.problems);
    read.warnings.push(...b.warnings);
  }
  const codes = villageCodesOf(read.tables);
  const provinces = new Set(codes.map((c) => c.slice(0, 2)));
  onStep?.('geography');
  // Several provinces are refused by the check itself; no geography is fetched for them.
  const geo = codes.length && provinces.size === 1 ? await geography(codes) : null;
  onStep?.('check');
  const result = convertRead(read, {
    dropPii: options.dropPii,
    salt: options.salt,
    maxYear: options.maxYear,
    geography: (villages) => geo ?? { known: new Set(), missingCounties: [...new Set(villages.map((c) => c.slice(0, 6).padEnd(12, '0')))] },
  });
  if (!result.ok || !geo) return { result, dataset: null };
  onStep?.('cells');
  const root = datasetRootOf(result.villageCodes);
  const built = buildGeographyFrom(geo.divisions, geo.countyShapes, { rootCode: root.code, rootLevel: root.level, tags: {}, seed: GEOMETRY_SEED }, 'the geography of the import');
  const regions = built.tree.nodes.map(({ geometry: _g, ...row }) => row);
  const dataset = { root, regions, boundaries: built.boundaries, geographySource: geo.source, syntheticLevels: ['township', 'village'] as LevelName[] };
  const own = boundaryReads.flatMap((b) => (b.boundaries ? [b.boundaries] : []));
  if (own.length) {
    const applied = applyUserBoundaries(dataset, own);
    result.warnings.push(...applied.warnings);
    dataset.syntheticLevels = dataset.syntheticLevels.filter((l) => !applied.wholeLevels.includes(l));
  }
  return { result, dataset };
}
