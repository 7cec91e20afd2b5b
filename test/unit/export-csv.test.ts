import { describe, expect, it } from 'vitest';
import { zeroSums } from '../../src/domain/dataset';
import type { RegionStats } from '../../src/domain/income';
import { rankingCsv, regionTableCsv, scorecardCsv } from '../../src/export/csv';
import type { TargetEvaluation } from '../../src/targets/types';

function stats(code: string, perCapita: number, growth: number, households: number, persons: number): RegionStats {
  return { code, year: 2024, quarter: 4, sums: { ...zeroSums(code, 2024, 4), households, persons }, perCapita, growth, monitoredShare: 0 };
}

const H = { rank: '序', code: '代码', name: '名称', perCapita: '人均纯收入', growth: '增速', households: '户数' };

describe('table CSV exports', () => {
  it('starts every file with the UTF-8 BOM, so Excel reads the Chinese headers', () => {
    const text = rankingCsv([{ code: '640402000000', name: '西吉县', stats: stats('640402000000', 12345.5, 0.0625, 30, 120) }], H);
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split('\r\n')[0]).toBe('序,代码,名称,人均纯收入,增速,户数');
  });

  it('writes the ranking in the order given, rounded as shown, with empty cells for no data', () => {
    const text = rankingCsv(
      [
        { code: 'b', name: '乙县', stats: stats('b', 12345.5, 0.0625, 30, 120) },
        { code: 'a', name: '甲县', stats: stats('a', 9000.4, -0.2057, 12, 40) },
        { code: 'c', name: '丙县', stats: undefined },
      ],
      H,
    );
    expect(text.slice(1).split('\r\n')).toEqual(['序,代码,名称,人均纯收入,增速,户数', '1,b,乙县,12346,6.3,30', '2,a,甲县,9000,-20.6,12', '3,c,丙县,,,', '']);
    expect(rankingCsv([{ code: 'a', name: '甲县', stats: stats('a', 9000.4, -0.2057, 12, 40) }], H, 'full').split('\r\n')[1]).toBe('1,a,甲县,9000.4,-20.57,12');
  });

  it('adds the gap and facilities columns when the ranking shows them', () => {
    const text = rankingCsv([{ code: 'a', name: '甲', stats: undefined, gap: -120, facilities: 3 }], { ...H, gap: '目标差距', facilities: '设施' });
    expect(text.slice(1).split('\r\n').slice(0, 2)).toEqual(['序,代码,名称,目标差距,人均纯收入,增速,户数,设施', '1,a,甲,-120,,,,3']);
  });

  it('writes the region table with persons', () => {
    const text = regionTableCsv([{ code: 'a', name: '甲乡', stats: stats('a', 8000, 0.1, 5, 17) }], { level: '乡镇', code: '代码', perCapita: '人均纯收入(元)', growth: '增速(%)', households: '户数', persons: '人数' });
    expect(text).toBe('\uFEFF乡镇,代码,人均纯收入(元),增速(%),户数,人数\r\n甲乡,a,8000,10,5,17\r\n');
  });

  it('writes the scorecard with each row in its own unit', () => {
    const row = (targetId: string, unit: TargetEvaluation['unit'], actual: number, target: number): TargetEvaluation => ({
      planId: 'p', targetId, regionCode: 'x', regionName: 'x', year: 2024, actual, target, gap: actual - target, status: actual >= target ? 'met' : 'missed', projected: targetId === 'rate', unit,
    });
    const text = scorecardCsv([row('income', 'yuan', 12345.6, 12000), row('rate', 'rate', 0.0812, 0.1)], {
      headers: { target: '目标', population: '人群', actual: '实际', goal: '目标值', gap: '差距', unit: '单位', status: '状态', projected: '预测', basis: '依据' },
      label: (id) => (id === 'income' ? '人均纯收入' : '增速'),
      population: () => '脱贫人口',
      unit: (u) => (u === 'yuan' ? '元' : '%'),
      status: (r) => (r.status === 'met' ? '已完成' : '未完成'),
      basis: () => '',
      yes: '是',
    });
    expect(text.slice(1).split('\r\n')).toEqual(['目标,人群,实际,目标值,差距,单位,状态,预测,依据', '人均纯收入,脱贫人口,12346,12000,346,元,已完成,,', '增速,脱贫人口,8.1,10,-1.9,%,未完成,是,', '']);
  });
});
