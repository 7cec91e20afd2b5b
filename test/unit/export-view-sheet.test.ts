import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { BoundaryCollection } from '../../src/data/dataset-client';
import { zeroSums, type Manifest } from '../../src/domain/dataset';
import type { RegionStats } from '../../src/domain/income';
import { messages } from '../../src/i18n';
import { classify } from '../../src/map/choropleth/classes';
import { legendEntries, viewGeoJson, viewSheet, weakestUnits, type ExportViewInput } from '../../src/ui/export/view-sheet';

const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const feature = (code: string, name: string, x: number) => ({ type: 'Feature', geometry: square(x), properties: { code, name, name_en: `${name}-en`, parent_code: 'p' } }) as Feature<Polygon, { code: string; name: string; name_en: string; parent_code: string }>;
const features = { type: 'FeatureCollection', features: [feature('a', '甲县', 0), feature('b', '乙县', 1), feature('c', '丙县', 2), feature('d', '丁县', 3)] } as unknown as BoundaryCollection;
const stats = (code: string, perCapita: number, growth: number): RegionStats => ({ code, year: 2024, quarter: 4, sums: { ...zeroSums(code, 2024, 4), households: 10, persons: 40 }, perCapita, growth, monitoredShare: 0 });
const children = new Map([['a', stats('a', 15000, 0.1)], ['b', stats('b', 9000, 0.05)], ['c', stats('c', 12000, -0.02)]]);
const manifest = { id: 'demo', name: { zh: '示例', en: 'Demo' }, asOf: { year: 2025, quarter: 3 }, synthetic: true, provenance: '合成数据' } as unknown as Manifest;

function input(over: Partial<ExportViewInput> = {}): ExportViewInput {
  const metric = over.metric ?? 'income';
  const values = new Map([...children].map(([c, s]) => [c, metric === 'income' ? s.perCapita : s.growth]));
  values.set('d', Number.NaN);
  return {
    t: messages('zh'), lang: 'zh', manifest, context: features, unitName: '示例市', childLevelName: '县', metric, metricName: '脱贫人口 · 人均纯收入', periodText: '2024年',
    period: { year: 2024, quarter: 4, yearToDate: false }, population: 'tuopin', stats: stats('x', 12000, 0.04), features, children,
    classification: classify(values, { method: 'quantile', k: 3, ramp: 'sequential' }), ...over,
  };
}

describe('export sheet of the view', () => {
  it('says title, as-of quarter, provenance and the synthetic notice', () => {
    const s = viewSheet(input());
    expect(s.title).toBe('示例市 · 脱贫人口收入监测');
    expect(s.subtitle).toBe('各县 · 脱贫人口 · 人均纯收入 · 2024年');
    expect(s.asOf).toBe('数据截至2025年第3季度');
    expect(s.provenance).toBe('数据来源：合成数据');
    expect(s.notice).toContain('合成演示数据');
    expect(s.kpis.map((k) => k.value)).toEqual(['12,000', '+4.0%', '10', '40', '0']);
    expect(viewSheet(input({ manifest: { ...manifest, synthetic: false } })).notice).toBeNull();
  });

  it('lists the legend highest class first, then no data', () => {
    const l = legendEntries(input());
    expect(l.map((e) => e.count)).toEqual(['1个', '1个', '1个', '1个']);
    expect(l.at(-1)).toMatchObject({ label: '无数据', color: '#c4c4c4' });
  });

  it('lists the weakest units first and leaves hidden ones out', () => {
    expect(weakestUnits(input()).rows).toEqual([{ name: '乙县', value: '9,000元' }, { name: '丙县', value: '12,000元' }, { name: '甲县', value: '15,000元' }]);
    expect(weakestUnits(input({ hidden: (c) => c === 'b' })).rows.map((r) => r.name)).toEqual(['丙县', '甲县']);
    expect(weakestUnits(input({ metric: 'growth' })).rows[0]).toEqual({ name: '丙县', value: '\u22122.0%' });
  });

  it('exports no figure of a hidden unit in the GeoJSON', () => {
    const fc = viewGeoJson(input({ hidden: (c) => c === 'b' }));
    expect(fc.features[1]!.properties).toMatchObject({ code: 'b', value: null, fill: null, class: null });
    expect(fc.features[0]!.properties.value).toBe(15000);
  });
});
