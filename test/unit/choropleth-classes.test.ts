import { describe, expect, it } from 'vitest';
import { classify, divergingColor, fillOf, hexToRgba, NO_DATA_HEX, sequentialColors } from '../../src/map/choropleth/classes';

const values = new Map<string, number>([
  ['a', 10],
  ['b', 20],
  ['c', 30],
  ['d', 40],
  ['e', 50],
  ['f', 60],
  ['g', 70],
  ['h', 80],
  ['i', 90],
  ['j', 100],
  ['x', Number.NaN],
]);

describe('choropleth classes', () => {
  it('splits ten values into five quantile classes of two, with ranges from min to max', () => {
    const c = classify(values, { method: 'quantile', k: 5, ramp: 'sequential' });
    expect(c.breaks).toEqual([30, 50, 70, 90]);
    expect(c.classes.map((k) => [k.lower, k.upper, k.count])).toEqual([
      [10, 30, 2],
      [30, 50, 2],
      [50, 70, 2],
      [70, 90, 2],
      [90, 100, 2],
    ]);
    expect(c.classes.map((k) => k.color)).toEqual(['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494']);
    expect(c.center).toBeNull();
  });

  it('lists missing values as no data and greys them', () => {
    const c = classify(values, { method: 'jenks', k: 5, ramp: 'sequential' });
    expect(c.noData).toEqual(['x']);
    expect(fillOf(c, 'x')).toBe(NO_DATA_HEX);
    expect(fillOf(c, 'unknown')).toBe(NO_DATA_HEX);
    expect(fillOf(c, 'j')).toBe('#253494');
  });

  it('finds the natural gaps with Jenks', () => {
    const clustered = new Map(Object.entries({ a: 1, b: 2, c: 3, d: 50, e: 51, f: 52, g: 100, h: 101, i: 200, j: 300 }));
    const c = classify(clustered, { method: 'jenks', k: 5, ramp: 'sequential' });
    expect(c.breaks).toEqual([50, 100, 200, 300]);
  });

  it('uses fewer classes when there are fewer distinct values', () => {
    const c = classify(new Map([['a', 5], ['b', 5], ['c', 7]]), { method: 'jenks', k: 5, ramp: 'sequential' });
    expect(c.classes.map((k) => [k.lower, k.upper, k.count])).toEqual([
      [5, 7, 2],
      [7, 7, 1],
    ]);
    expect(c.classes.map((k) => k.color)).toEqual(['#edf8b1', '#2c7fb8']);
  });

  it('has no classes when nothing has a value', () => {
    const c = classify(new Map([['a', Number.NaN]]), { method: 'quantile', k: 5, ramp: 'sequential' });
    expect(c.classes).toEqual([]);
    expect(c.noData).toEqual(['a']);
  });

  it('centres the diverging ramp on the given value', () => {
    const c = classify(values, { method: 'quantile', k: 5, ramp: 'diverging', center: 55 });
    expect(c.center).toBe(55);
    // Middle class [50, 70) has midpoint 60, a little above the centre: a pale blue-green.
    expect(c.classes[2].color).toBe(divergingColor(60, 55, 45));
    // Classes below the centre are brown (red channel above blue), above it blue-green.
    const [r0, , b0] = hexToRgba(c.classes[0].color);
    const [r4, , b4] = hexToRgba(c.classes[4].color);
    expect(r0).toBeGreaterThan(b0);
    expect(b4).toBeGreaterThan(r4);
    expect(new Set(c.classes.map((k) => k.color)).size).toBe(5);
  });

  it('paints the centre value neutral and clamps beyond the spread', () => {
    expect(divergingColor(0.15, 0.15, 0.02)).toBe('#eef1ea'); // interpolateBrBG(0.5)
    expect(divergingColor(1, 0, 0.1)).toBe(divergingColor(0.1, 0, 0.1));
    expect(divergingColor(3, 3, 0)).toBe('#eef1ea');
  });

  it('gives YlGnBu lists for any class count', () => {
    expect(sequentialColors(0)).toEqual([]);
    expect(sequentialColors(1)).toEqual(['#7fcdbb']);
    expect(sequentialColors(3)).toEqual(['#edf8b1', '#7fcdbb', '#2c7fb8']);
    expect(sequentialColors(12)).toHaveLength(9);
  });

  it('converts hex to RGBA bytes', () => {
    expect(hexToRgba('#2c7fb8')).toEqual([44, 127, 184, 255]);
  });

  it('finds breaks from another pool of values when asked (classes kept across years)', () => {
    // This year's values all lie in the pool's top class: one class, the legend spanning the pool.
    const values = new Map([['a', 96], ['b', 98], ['c', 100]]);
    const pool = [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100];
    const c = classify(values, { method: 'quantile', k: 5, ramp: 'sequential', breakValues: pool });
    const own = classify(values, { method: 'quantile', k: 5, ramp: 'sequential' });
    expect(c.breaks).toEqual(classify(new Map(pool.map((v, i) => [String(i), v])), { method: 'quantile', k: 5, ramp: 'sequential' }).breaks);
    expect(new Set(c.classByCode.values()).size).toBe(1);
    expect(c.classes[0]!.lower).toBe(10);
    expect(c.classes.at(-1)!.upper).toBe(100);
    expect(c.classes.reduce((n, k) => n + k.count, 0)).toBe(3);
    expect(new Set(own.classByCode.values()).size).toBe(3);
  });
});
