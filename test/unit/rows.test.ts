import { describe, expect, test } from 'vitest';
import { decimalToNumber, tableToRows, type ArrowTableLike } from '../../src/data/engine/rows';

/** Little-endian 32-bit words of a 128-bit two's-complement integer, as Arrow stores DECIMAL(38). */
function words128(n: bigint): Uint32Array {
  const mod = (n + (1n << 128n)) % (1n << 128n);
  return Uint32Array.from([0, 1, 2, 3].map((i) => Number((mod >> BigInt(32 * i)) & 0xffffffffn)));
}

describe('decimalToNumber', () => {
  test('reads positive and negative 128-bit values with their scale', () => {
    expect(decimalToNumber(words128(125n), 2)).toBe(1.25);
    expect(decimalToNumber(words128(-1234n), 2)).toBe(-12.34);
    expect(decimalToNumber(words128(-123456789012345n), 3)).toBe(-123456789012.345);
    expect(decimalToNumber(words128(0n), 4)).toBe(0);
  });

  test('reads a HUGEINT sum (scale 0) above 2^32', () => {
    expect(decimalToNumber(words128(5_000_000_000n), 0)).toBe(5_000_000_000);
    expect(decimalToNumber(words128(-5_000_000_000n), 0)).toBe(-5_000_000_000);
  });

  test('accepts bigint and number forms', () => {
    expect(decimalToNumber(-705n, 1)).toBe(-70.5);
    expect(decimalToNumber(3.5, 1)).toBe(3.5);
  });
});

describe('tableToRows', () => {
  const INT = { typeId: 2 };
  const UTF8 = { typeId: 5 };
  const vector = (values: unknown[]) => ({ length: values.length, get: (i: number) => values[i] });

  test('maps columns to row objects, converting bigint, lists and missing values to null', () => {
    const table: ArrowTableLike = {
      numRows: 2,
      schema: {
        fields: [
          { name: 'n', type: INT },
          { name: 'tags', type: { typeId: 12, children: [{ name: 'item', type: UTF8 }] } },
        ],
      },
      getChildAt: (i) => [vector([7n, undefined]), vector([vector(['a', null]), null])][i] ?? null,
    };
    expect(tableToRows(table)).toEqual([
      { n: 7, tags: ['a', null] },
      { n: null, tags: null },
    ]);
  });

  test('decodes dictionary columns by their value type and empty tables to []', () => {
    const table: ArrowTableLike = {
      numRows: 1,
      schema: { fields: [{ name: 'd', type: { typeId: -1, dictionary: INT } }] },
      getChildAt: () => vector([12n]),
    };
    expect(tableToRows(table)).toEqual([{ d: 12 }]);
    expect(tableToRows({ numRows: 0, schema: { fields: [] }, getChildAt: () => null })).toEqual([]);
  });
});
