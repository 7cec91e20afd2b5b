import { SUM_FIELDS, type RegionPeriodSums } from './dataset';

/** Result of comparing two sets of region sums (e.g. pre-aggregates against the engine). */
export interface SumsCheck {
  /** Region-period rows compared. */
  checked: number;
  /** Human-readable differences, at most `limit` of them. */
  mismatches: string[];
  /** Total number of differing rows or fields. */
  mismatchCount: number;
}

const FIELDS = SUM_FIELDS;

/**
 * Compares `expected` with `actual` row by row (matched on code, year, quarter). Numbers agree
 * when they differ by at most `tolerance` relative (sums of doubles may round differently).
 * A row present in only one side is a mismatch. The seeds warn against figures that do not add
 * up (数字增收); this is how the app proves its shortcuts equal the household records.
 */
export function compareSums(expected: RegionPeriodSums[], actual: RegionPeriodSums[], tolerance = 1e-9, limit = 10): SumsCheck {
  const key = (r: RegionPeriodSums) => `${r.code}|${r.year}|${r.quarter}`;
  const byKey = new Map(actual.map((r) => [key(r), r]));
  const mismatches: string[] = [];
  let mismatchCount = 0;
  const note = (text: string) => {
    mismatchCount++;
    if (mismatches.length < limit) mismatches.push(text);
  };
  for (const e of expected) {
    const a = byKey.get(key(e));
    if (!a) {
      note(`${key(e)} missing`);
      continue;
    }
    byKey.delete(key(e));
    for (const f of FIELDS) {
      const x = Number(e[f]);
      const y = Number(a[f]);
      if (Math.abs(x - y) > tolerance * Math.max(1, Math.abs(x))) note(`${key(e)} ${f}: ${x} ≠ ${y}`);
    }
  }
  for (const k of byKey.keys()) note(`${k} unexpected`);
  return { checked: expected.length, mismatches, mismatchCount };
}
