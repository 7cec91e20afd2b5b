import { union, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { LEVEL_NAMES, type Level, type LevelName } from '../../domain/dataset';
import { isUrbanCommunity } from '../../domain/region-code';
import { dissolve } from '../geometry/dissolve';
import { areaKm2, labelPoint, partition } from '../geometry/synthetic-divisions';
import { RegionTree, type RegionNode } from './region-tree';

type Shape = Feature<Polygon | MultiPolygon>;

export interface Geography {
  tree: RegionTree;
  /** Boundary collections by level name, from the root level down to villages. */
  boundaries: Partial<Record<LevelName, FeatureCollection<Polygon | MultiPolygon>>>;
}

/** Digits of a code that identify a region of each level (province 2 … village 12). */
const PREFIX_LENGTH: Record<Level, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

/** Relative cell size of an urban community against a rural village in the synthetic partition. */
const COMMUNITY_WEIGHT = 0.35;

/** A division as `buildGeographyFrom` takes it (the columns of `divisions.csv`). */
export interface DivisionInput {
  code: string;
  name: string;
  name_en: string;
  level: Level;
  parent_code: string;
}

/**
 * `buildGeography` on divisions and county outlines already read (the import takes them from the
 * geography of the users' counties): every division under the root, real county outlines, their
 * unions above, synthetic township and village cells inside. `outlineSource` names where a missing
 * outline should have been.
 */
export function buildGeographyFrom(
  divisions: readonly DivisionInput[],
  countyShapes: ReadonlyMap<string, Shape>,
  root: { rootCode: string; rootLevel: Level; tags: Record<string, string[]>; seed: number },
  outlineSource: string,
): Geography {
  const { seed } = root;
  // Geometry is built from the county down (real outline, synthetic cells inside). A township root
  // (level 4) gets a synthetic polygon: its cell in a partition of its real county outline.
  const geoLevel = Math.min(root.rootLevel, 3) as Level;
  const geoRoot = root.rootCode.slice(0, PREFIX_LENGTH[geoLevel]).padEnd(12, '0');
  const rootPrefix = root.rootCode.slice(0, PREFIX_LENGTH[geoLevel]);
  const nodes: RegionNode[] = [];
  for (const d of divisions) {
    const code = d.code;
    const level = d.level;
    if (level < geoLevel || !code.startsWith(rootPrefix)) continue;
    nodes.push({
      code,
      name: d.name,
      name_en: d.name_en,
      level,
      parent_code: code === geoRoot ? null : d.parent_code || null,
      lon: 0,
      lat: 0,
      area_km2: 0,
      tags: [...(root.tags[code] ?? [])],
      geometry: null,
    });
  }
  let tree = new RegionTree(nodes);

  // Real outlines for counties, their unions above.
  for (const county of tree.atLevel(3)) {
    const shape = countyShapes.get(county.code);
    if (!shape) throw new Error(`No outline for county ${county.code} ${county.name} in ${outlineSource}`);
    county.geometry = shape;
  }
  for (const level of [2, 1] as Level[]) {
    for (const node of tree.atLevel(level)) {
      const parts = tree.descendantsAt(node.code, 3).map((c) => c.geometry).filter((g): g is Shape => g !== null);
      // Fast exact dissolve of shared borders; the general clipper only if borders are not shared.
      node.geometry = parts.length === 1 ? parts[0] : (dissolve(parts) ?? (union(featureCollection(parts)) as Shape | null));
    }
  }

  // Synthetic townships inside counties, villages inside townships.
  for (const level of [4, 5] as Level[]) {
    for (const parent of tree.atLevel((level - 1) as Level)) {
      const kids = tree.children.get(parent.code) ?? [];
      if (kids.length === 0 || !parent.geometry) continue;
      const weights = kids.map((k) => ({
        code: k.code,
        weight: level === 5 ? (isUrbanCommunity(k.code) ? COMMUNITY_WEIGHT : 1) : Math.max(1, (tree.children.get(k.code) ?? []).length),
      }));
      const cells = partition(parent.geometry, weights, seed);
      for (const k of kids) {
        const cell = cells.get(k.code);
        if (!cell) throw new Error(`Partition of ${parent.code} gave no cell for ${k.code}`);
        k.geometry = cell;
      }
    }
  }

  if (root.rootLevel > geoLevel) {
    // Keep the root and its subtree only; the rest of the county served to place the root's cell.
    const keepPrefix = root.rootCode.slice(0, PREFIX_LENGTH[root.rootLevel]);
    const kept = tree.nodes.filter((n) => n.level >= root.rootLevel && n.code.startsWith(keepPrefix));
    for (const n of kept) if (n.code === root.rootCode) n.parent_code = null;
    tree = new RegionTree(kept);
    tree.get(root.rootCode);
  }

  for (const node of tree.nodes) {
    if (!node.geometry) throw new Error(`Region ${node.code} ${node.name} has no geometry`);
    const [lon, lat] = labelPoint(node.geometry);
    node.lon = round(lon, 5);
    node.lat = round(lat, 5);
    node.area_km2 = round(areaKm2(node.geometry), 3);
  }

  const boundaries: Geography['boundaries'] = {};
  for (let level = root.rootLevel; level <= 5; level++) {
    const features = tree.atLevel(level as Level).map((n) => ({
      type: 'Feature' as const,
      properties: { code: n.code, name: n.name, name_en: n.name_en },
      geometry: roundGeometry((n.geometry as Shape).geometry),
    }));
    boundaries[LEVEL_NAMES[level as Level]] = { type: 'FeatureCollection', features };
  }
  return { tree, boundaries };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Rounds coordinates to 5 decimals (≈1 m), dropping repeated vertices, to keep files small. */
function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (r: Position[]) => {
    const out: Position[] = [];
    for (const p of r) {
      const q = [round(p[0], 5), round(p[1], 5)];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}
