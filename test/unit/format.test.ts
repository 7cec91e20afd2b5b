import { describe, expect, it } from 'vitest';
import { formatBytes, formatGrowth, formatInteger, formatPercent, formatRange, formatYuan } from '../../src/i18n/format';

describe('number formatting', () => {
  it('groups thousands and rounds to whole yuan in both languages', () => {
    expect(formatYuan(19234.6, 'zh')).toBe('19,235');
    expect(formatYuan(19234.6, 'en')).toBe('19,235');
    expect(formatInteger(1234567, 'zh')).toBe('1,234,567');
  });

  it('shows percentages with one decimal', () => {
    expect(formatPercent(0.1634, 'zh')).toBe('16.3%');
    expect(formatPercent(0.1, 'en')).toBe('10.0%');
  });

  it('signs growth except zero', () => {
    expect(formatGrowth(0.163, 'zh')).toBe('+16.3%');
    expect(formatGrowth(-0.02, 'en')).toBe('-2.0%');
    expect(formatGrowth(0, 'en')).toBe('0.0%');
  });

  it('prints a dash, never NaN, for missing values', () => {
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined]) {
      expect(formatYuan(x, 'zh')).toBe('—');
      expect(formatGrowth(x, 'en')).toBe('—');
      expect(formatPercent(x, 'en')).toBe('—');
    }
  });

  it('scales byte counts', () => {
    expect(formatBytes(812, 'en')).toBe('812 B');
    expect(formatBytes(620728, 'zh')).toBe('606 KB');
    expect(formatBytes(24886359, 'en')).toBe('23.7 MB');
  });

  it('prints a class range, or one value when both ends print alike', () => {
    expect(formatRange(formatYuan(17007.2, 'zh'), formatYuan(18303.4, 'zh'))).toBe('17,007 – 18,303');
    expect(formatRange(formatGrowth(0.17301, 'en'), formatGrowth(0.17342, 'en'))).toBe('+17.3%');
  });
});
