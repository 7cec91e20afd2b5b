import { describe, expect, it } from 'vitest';
import type { HouseholdRow } from '../../src/data/queries/households';
import { messages } from '../../src/i18n';
import { csvField, csvNumber, toCsv } from '../../src/domain/csv';
import { formatGrowth, formatYuan } from '../../src/i18n/format';
import { ledgerCsv } from '../../src/ui/panels/ledger-csv';

describe('csv numbers rounded as shown', () => {
  it('rounds yuan to whole yuan, half away from zero like the screen', () => {
    expect(csvNumber(857.75, 'yuan', 'shown')).toBe(858);
    expect(csvNumber(6172.5, 'yuan', 'shown')).toBe(6173);
    expect(csvNumber(-6172.5, 'yuan', 'shown')).toBe(-6173);
    expect(csvNumber(2143.3333333333335, 'yuan', 'shown')).toBe(2143);
  });

  it('writes rates in percent with one decimal', () => {
    expect(csvNumber(-0.2057, 'percent', 'shown')).toBe(-20.6);
    expect(csvNumber(0.163, 'percent', 'shown')).toBe(16.3);
    expect(csvNumber(0.00049, 'percent', 'shown')).toBe(0);
    expect(csvNumber(1, 'percent', 'shown')).toBe(100);
  });

  it('writes zero, −0 and values rounding to zero as 0, never -0', () => {
    expect(csvField(csvNumber(-0, 'yuan', 'shown'))).toBe('0');
    expect(csvField(csvNumber(-0.4, 'yuan', 'shown'))).toBe('0');
    expect(csvField(csvNumber(-0.0004, 'percent', 'shown'))).toBe('0');
    expect(csvField(csvNumber(-0, 'percent', 'full'))).toBe('0');
    expect(csvField(-0)).toBe('0');
  });

  it('leaves counts as they are and missing values empty', () => {
    expect(csvNumber(4, 'count', 'shown')).toBe(4);
    expect(csvNumber(null, 'yuan', 'shown')).toBeNull();
    expect(csvNumber(Number.NaN, 'percent', 'full')).toBeNull();
  });

  it('agrees with the screen for every value it rounds (same digits, ASCII minus)', () => {
    for (const x of [857.75, -857.5, 0.5, -0.5, 12345.5, 19234.6, -2.5, 1e6 + 0.5]) {
      expect(String(csvNumber(x, 'yuan', 'shown'))).toBe(formatYuan(x, 'en').replace(/,/g, '').replace('\u2212', '-'));
    }
    for (const x of [-0.2057, 0.163, 0.00051, -0.00049, 0.12345, -0.0015, 0.0025]) {
      const screen = formatGrowth(x, 'en').replace('%', '').replace('+', '').replace('\u2212', '-');
      expect(csvNumber(x, 'percent', 'shown')).toBe(Number(screen));
    }
  });
});

describe('csv numbers at full precision', () => {
  it('writes yuan unrounded and rates in percent unrounded', () => {
    expect(csvNumber(857.75, 'yuan', 'full')).toBe(857.75);
    expect(csvNumber(-0.2057, 'percent', 'full')).toBeCloseTo(-20.57, 12);
    expect(csvNumber(2143.3333333333335, 'yuan', 'full')).toBe(2143.3333333333335);
  });
});

describe('toCsv precision', () => {
  const cols = [
    { header: 'y', value: (r: { y: number; g: number | null; n: number; s: string }) => r.y, number: 'yuan' as const },
    { header: 'g', value: (r: { y: number; g: number | null; n: number; s: string }) => r.g, number: 'percent' as const },
    { header: 'n', value: (r: { y: number; g: number | null; n: number; s: string }) => r.n },
    { header: 's', value: (r: { y: number; g: number | null; n: number; s: string }) => r.s, number: 'yuan' as const },
  ];
  const rows = [{ y: 857.75, g: -0.2057, n: 3.25, s: 'x' }, { y: -12.5, g: null, n: -1, s: '' }];

  it('rounds as shown by default, with ASCII minus', () => {
    expect(toCsv(cols, rows)).toBe('\uFEFFy,g,n,s\r\n858,-20.6,3.25,x\r\n-13,,-1,\r\n');
  });

  it('writes full precision when asked', () => {
    const csv = toCsv(cols, rows, 'full');
    const [, a, b] = csv.split('\r\n');
    expect(a.split(',')[0]).toBe('857.75');
    expect(Number(a.split(',')[1])).toBeCloseTo(-20.57, 12);
    expect(b).toBe('-12.5,,-1,');
  });
});

describe('ledger csv precision', () => {
  const row: HouseholdRow = {
    hh_id: 'H7', village_code: '640422100201', persons: 3, labour: 1, category: 'tuopin', mgmt_class: 'stable',
    no_labour: false, safety_net: false, relocated: false, relocation_site: null, risk_tags: [], measures: [],
    risk_cleared: false, wage: 1500.5, operating: 800.25, property: 0, transfer: 273, net: 2573.75, per_capita: 857.9166666666666,
    prev_per_capita: 1080.1, growth: -0.20570000000000002, decline_cause: null, employed: 0,
  };
  const place = () => '某村';
  const numbers = (csv: string) => csv.split('\r\n')[1].split(',').slice(7, 14);

  it('rounds amounts to whole yuan and growth to a percent with one decimal, header saying %', () => {
    const csv = ledgerCsv([row], messages('zh'), 'zh', place);
    expect(csv.split('\r\n')[0].split(',')[13]).toBe('增速（%）');
    expect(numbers(csv)).toEqual(['1501', '800', '0', '273', '2574', '858', '-20.6']);
    expect(ledgerCsv([row], messages('en'), 'en', place).split('\r\n')[0].split(',')[13]).toBe('Growth (%)');
  });

  it('writes the same columns unrounded at full precision', () => {
    const n = numbers(ledgerCsv([row], messages('zh'), 'zh', place, 'full'));
    expect(n.slice(0, 6)).toEqual(['1500.5', '800.25', '0', '273', '2573.75', '857.9166666666666']);
    expect(Number(n[6])).toBeCloseTo(-20.57, 10);
  });

  it('keeps the byte-order mark in both modes', () => {
    expect(ledgerCsv([row], messages('zh'), 'zh', place).charCodeAt(0)).toBe(0xfeff);
    expect(ledgerCsv([row], messages('zh'), 'zh', place, 'full').charCodeAt(0)).toBe(0xfeff);
  });
});
