import { describe, expect, it } from 'vitest';
import { classOf, jenksBreaks, quantileBreaks } from '../../src/domain/classify';

describe('quantileBreaks', () => {
  it('splits ten values into five classes of two', () => {
    expect(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)).toEqual([3, 5, 7, 9]);
  });
  it('drops duplicate breaks when values repeat', () => {
    expect(quantileBreaks([1, 1, 1, 1, 2], 4)).toEqual([2]);
  });
  it('ignores NaN and returns nothing for no values', () => {
    expect(quantileBreaks([Number.NaN], 3)).toEqual([]);
    expect(quantileBreaks([4, Number.NaN, 2], 2)).toEqual([4]);
  });
});

describe('jenksBreaks', () => {
  it('finds the gaps between three obvious clusters', () => {
    expect(jenksBreaks([1, 2, 3, 10, 11, 12, 30, 31], 3)).toEqual([10, 30]);
  });
  it('returns fewer classes than asked when there are fewer distinct values', () => {
    expect(jenksBreaks([5, 5, 9, 9], 4)).toEqual([9]);
  });
  it('returns nothing for a single distinct value', () => {
    expect(jenksBreaks([7, 7, 7], 3)).toEqual([]);
  });
});

describe('classOf', () => {
  it('puts a value equal to a break into the upper class', () => {
    expect(classOf(10, [10, 30])).toBe(1);
    expect(classOf(9.99, [10, 30])).toBe(0);
    expect(classOf(31, [10, 30])).toBe(2);
  });
  it('gives -1 for a missing value', () => {
    expect(classOf(Number.NaN, [10])).toBe(-1);
  });
});
