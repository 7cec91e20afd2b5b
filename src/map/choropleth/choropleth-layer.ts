import { GeoJsonLayer } from '@deck.gl/layers';
import type { BoundaryCollection } from '../../data/dataset-client';
import { fillOf, hexToRgba, type Classification } from './classes';

type RegionFeature = BoundaryCollection['features'][number];

export interface ChoroplethLayerProps {
  /** The regions on the map (counties, townships or villages). */
  features: BoundaryCollection;
  classification: Classification;
  /**
   * Changes whenever the colours change (metric, period, break method). Colours are recomputed
   * through `updateTriggers`; the feature array itself is never replaced (deck.gl performance guide).
   */
  colorKey: string;
  hovered: string | null;
  selected: string | null;
}

// Mid grey reads on both the palest and the darkest classes (white vanishes on pale fills).
const BORDER: [number, number, number, number] = [96, 108, 120, 170];
const HOVER_LINE: [number, number, number, number] = [40, 52, 66, 255];
const SELECTED_LINE: [number, number, number, number] = [214, 40, 40, 255];
const NONE: [number, number, number, number] = [0, 0, 0, 0];

/** The region fills, coloured by class, with thin white borders; pickable for hover and click. */
export function choroplethLayer(p: ChoroplethLayerProps): GeoJsonLayer<RegionFeature['properties']> {
  return new GeoJsonLayer<RegionFeature['properties']>({
    id: 'choropleth',
    data: p.features,
    filled: true,
    stroked: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 70],
    getFillColor: (f) => hexToRgba(fillOf(p.classification, f.properties.code)),
    getLineColor: BORDER,
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: p.colorKey },
  });
}

/** Outlines of the hovered and the selected region, drawn above the fills and their borders. */
export function focusOutlineLayer(p: ChoroplethLayerProps): GeoJsonLayer<RegionFeature['properties']> {
  const key = `${p.hovered}|${p.selected}`;
  return new GeoJsonLayer<RegionFeature['properties']>({
    id: 'focus-outline',
    data: p.features,
    filled: false,
    stroked: true,
    pickable: false,
    getLineColor: (f) => (f.properties.code === p.selected ? SELECTED_LINE : f.properties.code === p.hovered ? HOVER_LINE : NONE),
    getLineWidth: (f) => (f.properties.code === p.selected ? 3 : f.properties.code === p.hovered ? 2 : 0),
    lineWidthUnits: 'pixels',
    updateTriggers: { getLineColor: key, getLineWidth: key },
  });
}
