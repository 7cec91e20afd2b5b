import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

/** Colours of the base map, shared with the CSS so the page and the map agree. */
export const BASE_COLORS = {
  background: '#dce3ea',
  regionFill: '#d5dbe2',
  regionLine: '#7d8b99',
} as const;

/**
 * The base map: an inline style with no tiles, glyphs or sprite, so nothing is fetched from
 * any server. It draws the county outlines as context; the choropleth is a deck.gl layer on top.
 */
export function baseStyle(counties: FeatureCollection): StyleSpecification {
  return {
    version: 8,
    sources: {
      counties: { type: 'geojson', data: counties },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE_COLORS.background } },
      { id: 'county-fill', type: 'fill', source: 'counties', paint: { 'fill-color': BASE_COLORS.regionFill } },
      { id: 'county-line', type: 'line', source: 'counties', paint: { 'line-color': BASE_COLORS.regionLine, 'line-width': 1 } },
    ],
  };
}
