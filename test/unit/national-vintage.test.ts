import { describe, expect, it } from 'vitest';
import { decodeRing } from '../../src/pipeline/geography/echarts-decode';
import { matchNational, nameStem } from '../../src/pipeline/geography/national-vintage';

describe('matchNational', () => {
  const p = (id: string | null, name: string) => ({ id, name, province: '99', file: 'f.geojson' });
  it('matches by code, by name for features without id, by new code and by proper name; reports the rest', () => {
    const polygons = [p('990101', '甲区'), p(null, '乙县'), p('990103', '丙县'), p('990104', '丁丁县'), p('990105', '戊县'), p('990106', '旧区')];
    const targets = [
      { code: '990101', name: '甲区' },
      { code: '990102', name: '乙县' },
      { code: '990111', name: '丙县' },
      { code: '990181', name: '丁丁市' },
      { code: '990105', name: '新区名' },
      { code: '990171', name: '某某经济开发区' },
      { code: '990112', name: '合并区' },
    ];
    const m = matchNational(polygons, targets, []);
    expect(m.keyOf.get(0)).toBe('990101');
    expect(m.idFilled).toEqual([{ index: 1, code: '990102', name: '乙县', file: 'f.geojson' }]);
    expect(m.changes.map((c) => [c.oldCode, c.newCode, c.change])).toEqual([
      ['990103', '990111', 'recode'],
      ['990104', '990181', 'rename'],
      ['990105', '990105', 'rename'],
    ]);
    expect(m.missing.map((x) => x.code)).toEqual(['990112', '990171']);
    expect(m.missing[1]!.reason).toMatch(/statistical unit/);
    expect(m.missing[0]!.reason).toMatch(/990106 旧区/);
    expect(m.unused.map((u) => u.id)).toEqual(['990106']);
  });
  it('strips administrative suffixes', () => {
    expect(nameStem('漠河县')).toBe('漠河');
    expect(nameStem('石柱土家族自治县')).toBe('石柱土家族');
    expect(nameStem('沙县')).toBe('沙县');
  });
});

describe('decodeRing', () => {
  it('decodes ECharts zig-zag deltas from the offsets', () => {
    // "@@" = no move; "BB" = +1,+1; "AA" = -1,-1 (units of 1/1024°).
    expect(decodeRing('@@BBAA', [1024, 2048], 1024)).toEqual([[1, 2], [1 + 1 / 1024, 2 + 1 / 1024], [1, 2]]);
  });
});
