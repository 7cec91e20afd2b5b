import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
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
/** Source of the grey context (the dataset's counties). */
export const CONTEXT_SOURCE = 'counties';
/** The grey context layers (the dataset's counties) under the regions on screen. */
export const CONTEXT_LAYERS = ['county-fill', 'county-line'] as const;
const NO_FEATURES: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Whether the regions on screen are the context's own features (the same codes), as at the root
 * of a dataset whose map shows its counties: the context layers would then be drawn entirely
 * under the choropleth, and their source tiled a second time for nothing.
 */
export function coversContext(regions: FeatureCollection, context: FeatureCollection): boolean {
  if (regions.features.length === 0 || regions.features.length !== context.features.length) return false;
  const codes = new Set(context.features.map((f) => f.properties?.code));
  return regions.features.every((f) => codes.has(f.properties?.code));
}

/**
 * The map's style: inline, with no tiles, glyphs or sprite, so nothing is fetched from any
 * server. The dataset's counties are drawn as grey context; above them the regions on screen
 * (`regions`, each with its class colour in the `fill` property), their borders, and the hover
 * and selection outlines driven by feature state.
 *
 * Every fill layer and every line layer is written with data-driven colour (and, for lines,
 * width), even where the value is fixed, so all fills share one compiled shader program and all
 * lines another. MapLibre compiles one program per layer type and per set of constant/data-driven
 * properties, each on first use; on software WebGL each took 0.1–0.3 s before the first map
 * (docs/BENCHMARKS.md, "History"). The context fill also draws no antialiased outline (a program of its own;
 * the context lines draw the borders).
 *
 * When the regions are the context's own features (`coversContext`) the context layers start
 * hidden and their source empty: MapLibre then neither sends the counties to its worker nor tiles
 * or draws them a second time before the first map; MapView fills the source after that
 * (docs/BENCHMARKS.md, "History").
 */
export function baseStyle(counties: FeatureCollection, regions: FeatureCollection): StyleSpecification {
  const covered = coversContext(regions, counties);
  const context = { visibility: covered ? 'none' : 'visible' } as const;
  return {
    version: 8,
    sources: {
      [CONTEXT_SOURCE]: { type: 'geojson', data: covered ? NO_FEATURES : counties },
      [REGION_SOURCE]: { type: 'geojson', data: regions, promoteId: 'code' },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE_COLORS.background } },
      { id: 'county-fill', type: 'fill', source: CONTEXT_SOURCE, layout: context, paint: { 'fill-color': dataDriven(BASE_COLORS.regionFill), 'fill-antialias': false } },
      { id: 'county-line', type: 'line', source: CONTEXT_SOURCE, layout: context, paint: { 'line-color': dataDriven(BASE_COLORS.regionLine), 'line-width': dataDrivenWidth(1) } },
      {
        id: REGION_FILL_LAYER,
        type: 'fill',
        source: REGION_SOURCE,
        paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], ['get', 'fill'], NO_DATA_HEX]], 'fill-antialias': false },
      },
      // Mid grey reads on both the palest and the darkest classes (white vanishes on pale fills).
      { id: 'region-line', type: 'line', source: REGION_SOURCE, paint: { 'line-color': dataDriven('rgba(96, 108, 120, 0.67)'), 'line-width': dataDrivenWidth(1) } },
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

/**
 * A fixed colour written as a per-feature expression (no feature has the property), so the layer
 * uses the same shader program as the data-driven layers of its type (see `baseStyle`).
 */
function dataDriven(color: string): ExpressionSpecification {
  return ['to-color', ['coalesce', ['get', '__fixed_color'], color]];
}

/** A fixed line width as a per-feature expression, for the same reason. */
function dataDrivenWidth(width: number): ExpressionSpecification {
  return ['coalesce', ['get', '__fixed_width'], width];
}
