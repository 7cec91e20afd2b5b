import { describe, expect, it } from 'vitest';
import { declutter, textWidth, type LabelBox } from '../../src/map/labels/declutter';

const box = (id: string, x: number, y: number, priority: number): LabelBox => ({ id, x, y, width: 40, height: 14, priority });

describe('declutter', () => {
  it('keeps the higher-priority label of two that overlap', () => {
    expect(declutter([box('small', 0, 0, 1), box('big', 20, 5, 9)])).toEqual(new Set(['big']));
  });

  it('keeps labels that do not overlap, padding included', () => {
    expect(declutter([box('a', 0, 0, 1), box('b', 45, 0, 1)], 2)).toEqual(new Set(['a', 'b']));
    // Boxes 40 wide: centres 43 apart leave a 3 px gap (kept), 41 apart a 1 px gap (< padding 2).
    expect(declutter([box('a', 0, 0, 1), box('b', 43, 0, 1)], 2)).toEqual(new Set(['a', 'b']));
    expect(declutter([box('a', 0, 0, 1), box('b', 41, 0, 1)], 2)).toEqual(new Set(['a']));
  });

  it('breaks priority ties by input order', () => {
    expect(declutter([box('first', 0, 0, 5), box('second', 10, 0, 5)])).toEqual(new Set(['first']));
  });

  it('lets a label removed by overlap not block others', () => {
    // b overlaps a (kept) and c; b is dropped, so c survives although it overlaps b.
    const kept = declutter([box('a', 0, 0, 3), box('b', 30, 0, 2), box('c', 60, 0, 1)]);
    expect(kept).toEqual(new Set(['a', 'c']));
  });

  it('handles no labels', () => {
    expect(declutter([])).toEqual(new Set());
  });
});

describe('textWidth', () => {
  it('counts CJK characters as one em and Latin as 0.6 em', () => {
    expect(textWidth('西吉县', 14)).toBe(42);
    expect(textWidth('Xiji', 10)).toBeCloseTo(24, 9);
  });
});
