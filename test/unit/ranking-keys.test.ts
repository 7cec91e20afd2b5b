import { describe, expect, test } from 'vitest';
import { rowKeyTarget } from '../../src/ui/side/RankingList';

describe('rowKeyTarget (ranking rows, roving tabindex)', () => {
  test('Down and Up move one row and stop at the ends', () => {
    expect(rowKeyTarget('ArrowDown', 0, 3)).toBe(1);
    expect(rowKeyTarget('ArrowDown', 2, 3)).toBe(2);
    expect(rowKeyTarget('ArrowUp', 2, 3)).toBe(1);
    expect(rowKeyTarget('ArrowUp', 0, 3)).toBe(0);
  });

  test('Home and End go to the first and the last row', () => {
    expect(rowKeyTarget('Home', 2, 5)).toBe(0);
    expect(rowKeyTarget('End', 0, 5)).toBe(4);
  });

  test('other keys and an empty list move nothing', () => {
    expect(rowKeyTarget('ArrowRight', 1, 3)).toBeNull();
    expect(rowKeyTarget('Enter', 1, 3)).toBeNull();
    expect(rowKeyTarget('ArrowDown', 0, 0)).toBeNull();
  });
});
