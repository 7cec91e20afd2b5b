import { describe, expect, it } from 'vitest';
import { formatBytes, formatGrowth, formatInteger, formatPercent, formatRange, formatYuan, MINUS } from '../../src/i18n/format';
import { formatGap } from '../../src/i18n/targets';

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
    expect(formatGrowth(-0.02, 'en')).toBe('−2.0%');
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

  describe('one minus sign: U+2212 on screen, never the hyphen-minus', () => {
    it('is the typographic minus', () => {
      expect(MINUS).toBe('\u2212');
      expect(MINUS.codePointAt(0)).toBe(0x2212);
    });

    it('signs negative growth, yuan, counts and shares with U+2212 in both languages', () => {
      expect(formatGrowth(-0.23, 'zh')).toBe('\u221223.0%');
      expect(formatGrowth(-0.2057, 'en')).toBe('\u221220.6%');
      expect(formatYuan(-1234.6, 'zh')).toBe('\u22121,235');
      expect(formatInteger(-7, 'en')).toBe('\u22127');
      expect(formatPercent(-0.163, 'zh')).toBe('\u221216.3%');
    });

    it('prints zero, −0 and values that round to zero unsigned', () => {
      expect(formatGrowth(0, 'zh')).toBe('0.0%');
      expect(formatGrowth(-0, 'zh')).toBe('0.0%');
      expect(formatGrowth(-0.0004, 'en')).toBe('0.0%');
      expect(formatYuan(-0, 'zh')).toBe('0');
      expect(formatYuan(-0.4, 'en')).toBe('0');
      expect(formatPercent(-0, 'en')).toBe('0.0%');
      expect(formatPercent(-0.0004, 'zh')).toBe('0.0%');
    });

    it('signs gaps with U+2212, and a gap that prints as zero not at all', () => {
      expect(formatGap(-0.034, 'rate', 'zh')).toBe('\u22123.4个百分点');
      expect(formatGap(0.034, 'share', 'en')).toBe('+3.4 pts');
      expect(formatGap(-1520.4, 'yuan', 'en')).toBe('\u22121,520');
      expect(formatGap(-0.0123, 'ratio', 'en')).toBe('\u22120.012');
      expect(formatGap(0, 'rate', 'zh')).toBe('0.0个百分点');
      expect(formatGap(-0, 'yuan', 'zh')).toBe('0');
      expect(formatGap(-0.0001, 'rate', 'en')).toBe('0.0 pts');
      expect(formatGap(-0.3, 'yuan', 'zh')).toBe('0');
    });

    it('never writes a hyphen-minus for any negative value', () => {
      for (const x of [-0.5, -1, -12.345, -0.0006, -98765.4]) {
        for (const lang of ['zh', 'en'] as const) {
          for (const text of [formatGrowth(x, lang), formatYuan(x, lang), formatPercent(x, lang), formatGap(x, 'rate', lang), formatGap(x, 'yuan', lang)]) {
            expect(text).not.toContain('-');
          }
        }
      }
    });
  });
});

describe('formatLarge: 万 and 亿 in Chinese, separators in English', () => {
  it('switches at 100,000 and 100 million', async () => {
    const { formatLarge } = await import('../../src/i18n/format');
    expect(formatLarge(99_999, 'zh')).toBe('99,999');
    expect(formatLarge(250_297, 'zh')).toBe('25.03万');
    expect(formatLarge(270_000, 'zh')).toBe('27.00万');
    expect(formatLarge(1_234_000_000, 'zh')).toBe('12.34亿');
    expect(formatLarge(-250_297, 'zh')).toBe('\u221225.03万');
    expect(formatLarge(250_297, 'en')).toBe('250,297');
    expect(formatLarge(Number.NaN, 'zh')).toBe('—');
  });
});
