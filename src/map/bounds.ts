import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';

/** [west, south, east, north] of a collection, for fitting the map to a region. */
export function boundsOf(collection: FeatureCollection): [number, number, number, number] {
  const [w, s, e, n] = bbox(collection);
  return [w, s, e, n];
}
