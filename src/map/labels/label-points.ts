import { area, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** Where a region's name is drawn. */
export interface LabelPoint {
  code: string;
  name: string;
  name_en: string;
  position: [number, number];
  /** Area in km², the label's priority when labels collide. */
  areaKm2: number;
}

type RegionFeature = Feature<Polygon | MultiPolygon, { code: string; name: string; name_en: string }>;

/**
 * A label position per region: the centre of mass of its largest part when that lies inside the
 * part (most counties), else a point guaranteed on the surface (C-shaped or ring-like outlines).
 */
export function labelPoints(collection: FeatureCollection<Polygon | MultiPolygon, { code: string; name: string; name_en: string }>): LabelPoint[] {
  return collection.features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    name_en: f.properties.name_en,
    position: labelPosition(f),
    areaKm2: area(f) / 1e6,
  }));
}

export function labelPosition(feature: RegionFeature): [number, number] {
  const part = largestPart(feature.geometry);
  const centre = centerOfMass(part).geometry.coordinates as Position;
  const inside = booleanPointInPolygon(centre, part);
  const p = inside ? centre : (pointOnFeature(part).geometry.coordinates as Position);
  return [p[0], p[1]];
}

function largestPart(geometry: Polygon | MultiPolygon): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  let best: Polygon = { type: 'Polygon', coordinates: geometry.coordinates[0] };
  let bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const poly: Polygon = { type: 'Polygon', coordinates };
    const a = area(poly);
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  return best;
}
