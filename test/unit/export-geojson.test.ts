import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/map/choropleth/classes';
import { mapLayerGeoJson, type LayerRegion } from '../../src/export/geojson';

const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const features: Feature<Polygon, LayerRegion>[] = [
  { type: 'Feature', geometry: square(0), properties: { code: 'a', name: '甲', name_en: 'Jia' } },
  { type: 'Feature', geometry: square(1), properties: { code: 'b', name: '乙' } },
  { type: 'Feature', geometry: square(2), properties: { code: 'c', name: '丙' } },
];
const values = new Map([['a', 100], ['b', 200], ['c', Number.NaN]]);
const classification = classify(values, { method: 'quantile', k: 2, ramp: 'sequential' });

describe('map layer GeoJSON', () => {
  it('holds every region on screen with its value, class and class colour', () => {
    const fc = mapLayerGeoJson({ features, metric: 'income', values, classification });
    expect(fc.features.map((f) => f.properties.code)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = fc.features.map((f) => f.properties);
    expect(a).toMatchObject({ code: 'a', name: '甲', name_en: 'Jia', metric: 'income', value: 100, status: null });
    expect(b!.value).toBe(200);
    expect(a!.fill).toBe(classification.classes[a!.class!]!.color);
    expect(b!.fill).toBe(classification.classes[b!.class!]!.color);
    expect(a!.fill).not.toBe(b!.fill);
    expect(c).toMatchObject({ value: null, class: null, fill: null });
    expect(fc.features[0]!.geometry).toEqual(square(0));
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
  });

  it('drops every figure of a hidden unit: no value, class, colour or status', () => {
    const fc = mapLayerGeoJson({ features, metric: 'status', values, classification, statusOf: () => 'missed', hidden: (code) => code === 'b' });
    const b = fc.features[1]!.properties;
    expect(b).toEqual({ code: 'b', name: '乙', name_en: null, metric: 'status', value: null, class: null, fill: null, status: null });
    expect(JSON.stringify(fc.features[1])).not.toContain('200');
    expect(fc.features[0]!.properties).toMatchObject({ value: 100, status: 'missed' });
  });
});
