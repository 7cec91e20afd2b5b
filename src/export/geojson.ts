/**
 * The current map layer as GeoJSON: the regions on screen, each with the figure the map shows,
 * its class colour and, on a target map, its status. Pure.
 *
 * Disclosure: `hidden(code)` names the units whose figure is not published (public mode); such a
 * feature keeps its outline, code and names, and every figure property is null — the value, the
 * class, its colour and the status alike, since a class colour is itself a figure.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Classification } from '../map/choropleth/classes';
import type { Status } from '../targets/types';

export interface LayerRegion {
  code: string;
  name: string;
  name_en?: string;
}

export interface MapLayerProperties {
  code: string;
  name: string;
  name_en: string | null;
  /** What `value` is: `income` (yuan per person), `growth` (fraction), `gap` (target unit), `status`. */
  metric: string;
  /** The figure the map colours by; null without data or when hidden. */
  value: number | null;
  /** Index of the legend class (0 = lowest), null without data or when hidden. */
  class: number | null;
  /** The class colour as the map draws it (`#rrggbb`), null without data or when hidden. */
  fill: string | null;
  /** The target status on a target map, else null. */
  status: Status | null;
}

export interface MapLayerInput<G extends Polygon | MultiPolygon> {
  features: readonly Feature<G, LayerRegion>[];
  metric: string;
  /** The figure per code (NaN or absent: no data). */
  values: ReadonlyMap<string, number | null | undefined>;
  classification: Classification;
  /** Target status per code, on the gap and status maps. */
  statusOf?: (code: string) => Status | undefined;
  /** True for a unit whose figures are not published. */
  hidden?: (code: string) => boolean;
}

/** The regions on screen with their shown figure, as a FeatureCollection in the map's order. */
export function mapLayerGeoJson<G extends Polygon | MultiPolygon>(input: MapLayerInput<G>): FeatureCollection<G, MapLayerProperties> {
  const { classification, values, metric, statusOf, hidden } = input;
  return {
    type: 'FeatureCollection',
    features: input.features.map((f) => {
      const { code, name } = f.properties;
      const base = { code, name, name_en: f.properties.name_en ?? null, metric };
      if (hidden?.(code)) {
        return { type: 'Feature', geometry: f.geometry, properties: { ...base, value: null, class: null, fill: null, status: null } };
      }
      const v = values.get(code);
      const cls = classification.classByCode.get(code);
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          ...base,
          value: typeof v === 'number' && Number.isFinite(v) ? v : null,
          class: cls ?? null,
          fill: cls === undefined ? null : classification.classes[cls]!.color,
          status: statusOf?.(code) ?? null,
        },
      };
    }),
  };
}
