import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { NO_DATA_HEX } from './choropleth/classes';

/** Colours of the base map, shared with the CSS so the page and the map agree. */
export const BASE_COLORS = {
  background: '#dce3ea',
  regionFill: '#d5dbe2',
  regionLine: '#7d8b99',
} as const;

/** Source of the regions on screen (the choropleth), keyed by their 12-digit `code`. */
export const REGION_SOURCE = 'regions';
/** The choropleth's fill layer: hover and click hit-test it. */
export const REGION_FILL_LAYER = 'region-fill';

/**
 * The map's style: inline, with no tiles, glyphs or sprite, so nothing is fetched from any
 * server. The dataset's counties are drawn as grey context; above them the regions on screen
 * (`regions`, each with its class colour in the `fill` property), their borders, and the hover
 * and selection outlines driven by feature state.
 */
export function baseStyle(counties: FeatureCollection, regions: FeatureCollection): StyleSpecification {
  return {
    version: 8,
    sources: {
      counties: { type: 'geojson', data: counties },
      [REGION_SOURCE]: { type: 'geojson', data: regions, promoteId: 'code' },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE_COLORS.background } },
      { id: 'county-fill', type: 'fill', source: 'counties', paint: { 'fill-color': BASE_COLORS.regionFill } },
      { id: 'county-line', type: 'line', source: 'counties', paint: { 'line-color': BASE_COLORS.regionLine, 'line-width': 1 } },
      {
        id: REGION_FILL_LAYER,
        type: 'fill',
        source: REGION_SOURCE,
        paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], ['get', 'fill'], NO_DATA_HEX]], 'fill-antialias': false },
      },
      // Mid grey reads on both the palest and the darkest classes (white vanishes on pale fills).
      { id: 'region-line', type: 'line', source: REGION_SOURCE, paint: { 'line-color': 'rgba(96, 108, 120, 0.67)', 'line-width': 1 } },
      {
        id: 'region-focus',
        type: 'line',
        source: REGION_SOURCE,
        paint: {
          'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#d62828', '#283442'],
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['boolean', ['feature-state', 'hover'], false], 2, 0],
        },
      },
    ],
  };
}
