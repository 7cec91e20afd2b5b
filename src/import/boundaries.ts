/**
 * Users' own boundaries: a GeoJSON FeatureCollection of polygons (e.g. a county's real township
 * or village boundaries from its land survey), each naming its region by a code property. They
 * replace the synthetic (or the national) polygon of the same code; the rest stay as they were.
 * Pure: bytes in, polygons and problems out (the page's worker and `npm run import` alike).
 */
import { area, centroid } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LevelName, RegionRow } from '../domain/dataset';
import { decodeText } from './encoding';
import type { ImportWarning, Problem } from './types';

type Shape = Feature<Polygon | MultiPolygon>;

/** Property names that may hold a feature's region code, in order of preference. */
export const BOUNDARY_CODE_PROPERTIES = ['code', 'village_code', 'region_code', '村代码', '村编码', '区划代码', '行政区划代码', '统计用区划代码', 'adcode', 'CODE', 'ADCODE'];

export interface UserBoundaries {
  file: string;
  /** Polygons by 12-digit code. */
  byCode: Map<string, Shape>;
}

/** A code of 6, 9 or 12 digits (county, township, village) as 12 digits, else null. */
function code12(v: unknown): string | null {
  const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
  return /^(\d{6}|\d{9}|\d{12})$/.test(s) ? s.padEnd(12, '0') : null;
}

const problem = (file: string, row: number | null, column: string | null, value: string | null, kind: Problem['kind'], expected: string, expectedZh: string): Problem =>
  ({ kind, file, row, column, value, expected, expectedZh });

/** Reads a GeoJSON file of polygons. Row numbers in problems are feature numbers (1 = the first feature). */
export function readBoundaries(file: string, bytes: Uint8Array): { boundaries: UserBoundaries | null; problems: Problem[]; warnings: ImportWarning[] } {
  const problems: Problem[] = [];
  let fc: FeatureCollection;
  try {
    fc = JSON.parse(decodeText(bytes).text) as FeatureCollection;
  } catch (e) {
    return { boundaries: null, warnings: [], problems: [problem(file, null, null, null, 'unreadable_file', `a readable GeoJSON file (${(e as Error).message})`, `可读取的 GeoJSON 文件（${(e as Error).message}）`)] };
  }
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { boundaries: null, warnings: [], problems: [problem(file, null, null, null, 'unreadable_file', 'a GeoJSON FeatureCollection of polygons', 'GeoJSON 要素集合（FeatureCollection），要素为多边形')] };
  }
  const byCode = new Map<string, Shape>();
  const firstRow = new Map<string, number>();
  fc.features.forEach((f, i) => {
    const row = i + 1;
    const props = (f?.properties ?? {}) as Record<string, unknown>;
    const key = BOUNDARY_CODE_PROPERTIES.find((k) => props[k] !== undefined && props[k] !== null) ?? null;
    const raw = key ? props[key] : f?.id;
    const code = code12(raw);
    if (!code) {
      problems.push(problem(file, row, key ?? 'id', raw === undefined || raw === null ? null : String(raw), 'bad_code',
        `a region code of 6, 9 or 12 digits in property ${BOUNDARY_CODE_PROPERTIES.slice(0, 4).map((k) => `"${k}"`).join(', ')}…`,
        `属性 ${BOUNDARY_CODE_PROPERTIES.slice(0, 4).map((k) => `"${k}"`).join('、')} 等之一中的 6、9 或 12 位区划代码`));
      return;
    }
    const type = f?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      problems.push(problem(file, row, 'geometry', type ?? null, 'bad_value', 'a Polygon or MultiPolygon', '多边形（Polygon 或 MultiPolygon）'));
      return;
    }
    const coords = JSON.stringify(f.geometry.coordinates);
    if (!/\d/.test(coords) || /null|NaN/.test(coords)) {
      problems.push(problem(file, row, 'geometry', null, 'bad_value', 'polygon coordinates as [longitude, latitude] numbers', '以 [经度, 纬度] 数字给出的多边形坐标'));
      return;
    }
    if (firstRow.has(code)) {
      problems.push(problem(file, row, key ?? 'id', code, 'duplicate_period', `one polygon per region (also feature ${firstRow.get(code)})`, `每个地区一个多边形（第 ${firstRow.get(code)} 个要素也是）`));
      return;
    }
    firstRow.set(code, row);
    byCode.set(code, { type: 'Feature', properties: { code }, geometry: f.geometry as Polygon | MultiPolygon });
  });
  return { boundaries: problems.length ? null : { file, byCode }, problems, warnings: [] };
}

/**
 * Puts the user's polygons in place of the dataset's polygons of the same code, and gives those
 * regions the centroid and area of their new polygon. Returns which levels are now wholly the
 * user's, and how many polygons matched no region of the dataset (a warning, not an error).
 */
export function applyUserBoundaries(
  dataset: { regions: RegionRow[]; boundaries: Partial<Record<LevelName, FeatureCollection<Polygon | MultiPolygon>>> },
  user: UserBoundaries[],
): { replaced: number; unmatched: number; wholeLevels: LevelName[]; warnings: ImportWarning[] } {
  const byCode = new Map<string, Shape>();
  for (const u of user) for (const [code, shape] of u.byCode) byCode.set(code, shape);
  const used = new Set<string>();
  const wholeLevels: LevelName[] = [];
  for (const [level, fc] of Object.entries(dataset.boundaries) as [LevelName, FeatureCollection<Polygon | MultiPolygon>][]) {
    let mine = 0;
    fc.features = fc.features.map((f) => {
      const code = String(f.properties?.code);
      const shape = byCode.get(code);
      if (!shape) return f;
      used.add(code);
      mine++;
      return { ...f, geometry: shape.geometry, properties: { ...f.properties, synthetic: false, source: 'user' } };
    });
    if (fc.features.length > 0 && mine === fc.features.length) wholeLevels.push(level);
  }
  for (const r of dataset.regions) {
    const shape = byCode.get(r.code);
    if (!shape) continue;
    const [lon, lat] = centroid(shape).geometry.coordinates as [number, number];
    r.lon = lon;
    r.lat = lat;
    r.area_km2 = area(shape) / 1e6;
  }
  const unmatched = [...byCode.keys()].filter((c) => !used.has(c)).length;
  const warnings: ImportWarning[] = [];
  if (used.size) warnings.push({ kind: 'boundaries_used', file: user.map((u) => u.file).join(', '), column: null, count: used.size,
    message: `${used.size} polygon${used.size === 1 ? '' : 's'} of your own replace the dataset's${wholeLevels.length ? ` (all of: ${wholeLevels.join(', ')})` : ''}`,
    messageZh: `${used.size} 个自带多边形替换了数据集的边界${wholeLevels.length ? `（全部替换：${wholeLevels.join('、')}）` : ''}` });
  if (unmatched) warnings.push({ kind: 'unmatched_polygons', file: user.map((u) => u.file).join(', '), column: null, count: unmatched,
    message: `${unmatched} polygon${unmatched === 1 ? '' : 's'} name no region of the data: ignored`,
    messageZh: `${unmatched} 个多边形的代码不属于本数据的任何地区：已忽略` });
  return { replaced: used.size, unmatched, wholeLevels, warnings };
}

/** True for a file name the import reads as boundaries. */
export function isBoundaryFile(name: string): boolean {
  return /\.(geo)?json$/i.test(name);
}
