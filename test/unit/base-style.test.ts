import { describe, expect, test } from 'vitest';
import { validateStyleMin, expression } from '@maplibre/maplibre-gl-style-spec';
import { baseStyle } from '../../src/map/base-style';

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
});
