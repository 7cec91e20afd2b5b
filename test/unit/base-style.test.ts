import { describe, expect, test } from 'vitest';
import { validateStyleMin, expression } from '@maplibre/maplibre-gl-style-spec';
import { baseStyle, CONTEXT_LAYERS, CONTEXT_SOURCE, coversContext } from '../../src/map/base-style';

const regions = {
  type: 'FeatureCollection' as const,
  features: [{ type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [[[106, 37], [107, 37], [107, 38], [106, 37]]] }, properties: { code: '640104000000', fill: '#123456' } }],
};

describe('baseStyle', () => {
  const style = baseStyle(regions, regions);

  test('is a valid style that fetches nothing (no tiles, glyphs or sprite)', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
  });

  test('every fill layer, and every line layer, binds colour (and line width) the same way, so each type compiles one shader program', () => {
    // How MapLibre binds a paint value: a constant (a uniform), per feature (`get`,
    // `feature-state`: a vertex attribute) or per feature and zoom. Programs differ by this.
    const ops = (v: unknown): string[] => (Array.isArray(v) ? [typeof v[0] === 'string' ? v[0] : '', ...v.slice(1).flatMap(ops)] : []);
    const kind = (v: unknown) => {
      const used = ops(v);
      if (!expression.isExpression(v)) return 'constant';
      const perFeature = used.includes('get') || used.includes('feature-state');
      return perFeature ? (used.includes('zoom') ? 'composite' : 'source') : 'constant';
    };
    const kinds = (layerType: 'fill' | 'line', props: string[]) =>
      style.layers
        .filter((l) => l.type === layerType)
        .map((l) => props.map((p) => kind((l.paint as Record<string, unknown>)[p])).join('+'));
    const fills = kinds('fill', ['fill-color']);
    const lines = kinds('line', ['line-color', 'line-width']);
    expect(fills.length).toBe(2);
    expect(lines.length).toBe(3);
    expect(new Set(fills)).toEqual(new Set(['source']));
    expect(new Set(lines)).toEqual(new Set(['source+source']));
    // No fill draws its own antialiased outline (a program of its own).
    for (const l of style.layers.filter((x) => x.type === 'fill')) expect((l.paint as Record<string, unknown>)['fill-antialias']).toBe(false);
  });

  test('hides the context layers when the regions on screen are the context itself (the root view), and only then', () => {
    const visibility = (st: ReturnType<typeof baseStyle>) =>
      CONTEXT_LAYERS.map((id) => (st.layers.find((l) => l.id === id)?.layout as { visibility?: string } | undefined)?.visibility);
    const square = (code: string, x: number) => ({
      type: 'Feature' as const,
      geometry: { type: 'Polygon' as const, coordinates: [[[x, 37], [x + 1, 37], [x + 1, 38], [x, 37]]] },
      properties: { code },
    });
    const counties = { type: 'FeatureCollection' as const, features: [square('640104000000', 106), square('640105000000', 107)] };
    const reordered = { type: 'FeatureCollection' as const, features: [...counties.features].reverse() };
    const townships = { type: 'FeatureCollection' as const, features: [square('640104001000', 106), square('640104002000', 106.5)] };
    const oneCounty = { type: 'FeatureCollection' as const, features: [counties.features[0]!] };
    const empty = { type: 'FeatureCollection' as const, features: [] };
    expect(coversContext(reordered, counties)).toBe(true);
    expect(coversContext(townships, counties)).toBe(false);
    expect(coversContext(oneCounty, counties)).toBe(false);
    expect(coversContext(empty, counties)).toBe(false);
    expect(visibility(baseStyle(counties, counties))).toEqual(['none', 'none']);
    expect(visibility(baseStyle(counties, townships))).toEqual(['visible', 'visible']);
    // Hidden, the context source also starts empty (MapView fills it after the first paint).
    const contextData = (st: ReturnType<typeof baseStyle>) => (st.sources[CONTEXT_SOURCE] as { data: { features: unknown[] } }).data.features.length;
    expect(contextData(baseStyle(counties, counties))).toBe(0);
    expect(contextData(baseStyle(counties, townships))).toBe(2);
    expect(validateStyleMin(baseStyle(counties, counties))).toEqual([]);
  });
});
