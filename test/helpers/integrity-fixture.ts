/**
 * A crafted county for the integrity checks: eight villages of township 640324103 (同心县, real
 * codes, so `npm run import` knows their geography), full years 2023 and 2024 and a Q2 row of
 * 2024, with incomes drawn from smooth distributions (lognormal levels, normal growth, whole
 * yuan) and one anomaly planted per place:
 *  - 640324103200, 640324103201, 640324103202 (and 640324103207): ordinary, but one household each
 *    with an implausible jump (200: per-capita ×4), a stated total 3,000 yuan off its components
 *    (201, 2024 Q4), persons 6 → 5 with net income unchanged (202); 207 has none;
 *  - 640324103203: 30 of 40 households grow exactly 10% (identical_growth);
 *  - 640324103204: 20 households pushed to 7,500–7,700 yuan per capita in 2024, just above the
 *    2024 monitoring line (bunching);
 *  - 640324103205: every 2024 wage and operating figure a multiple of 100 (round_numbers);
 *  - 640324103206: ordinary, with decoys that must stay quiet: persons rising (4 → 5), persons
 *    falling with income falling too, and a stated total within the tolerance.
 * `EXPECTED_FLAGS` lists what the checks must find, and nothing else.
 */
import { Rng } from '../../src/pipeline/random';
import type { FlagCode, IntegrityHousehold, IntegrityIncome } from '../../src/integrity/types';

export const TOWNSHIP = '640324103000';
export const V = (n: number) => `640324103${String(200 + n).padStart(3, '0')}`;

export interface FixtureRow {
  rawId: string;
  village: string;
  persons: number;
  year: number;
  quarter: number;
  wage: number;
  operating: number;
  property: number;
  transfer: number;
  stated: number;
}

/** The planted flags: kind, village, and the raw household id for household flags. */
export const EXPECTED_FLAGS: { flag: FlagCode; village: string; rawId?: string; year: number }[] = [
  { flag: 'implausible_jump', village: V(0), rawId: 'JUMP-1', year: 2024 },
  { flag: 'components_mismatch', village: V(1), rawId: 'MISMATCH-1', year: 2024 },
  { flag: 'persons_change', village: V(2), rawId: 'SHRINK-1', year: 2024 },
  { flag: 'identical_growth', village: V(3), year: 2024 },
  { flag: 'bunching', village: V(4), year: 2024 },
  { flag: 'round_numbers', village: V(5), year: 2024 },
];

const SHARES = [0.55, 0.25, 0.05, 0.15];

function split(net: number, rng: Rng): number[] {
  const s = SHARES.map((x) => x * Math.exp(0.25 * rng.normal()));
  const sum = s.reduce((a, b) => a + b, 0);
  return s.map((x) => Math.round((net * x) / sum));
}

function household(rng: Rng): { persons: number; pc: number; growth: number } {
  return { persons: 1 + Math.floor(rng.uniform() * 6), pc: 14000 * Math.exp(0.45 * rng.normal()), growth: 0.08 + 0.12 * rng.normal() };
}

function rows(rawId: string, village: string, persons: [number, number], net: [number, number], rng: Rng, opts: { round?: boolean } = {}): FixtureRow[] {
  const out: FixtureRow[] = [];
  const years: [number, number, number][] = [[2023, 4, net[0]], [2024, 2, net[1] * 0.45], [2024, 4, net[1]]];
  for (const [year, quarter, n] of years) {
    let [wage, operating, property, transfer] = split(n, rng) as [number, number, number, number];
    if (opts.round && year === 2024) {
      wage = Math.round(wage / 100) * 100;
      operating = Math.round(operating / 100) * 100;
    }
    out.push({ rawId, village, persons: year === 2023 ? persons[0] : persons[1], year, quarter, wage, operating, property, transfer, stated: wage + operating + property + transfer });
  }
  return out;
}

/** Every row of the fixture, as the flat table a county office exports. */
export function integrityFixtureRows(): FixtureRow[] {
  const rng = new Rng(13, 'integrity-fixture');
  const out: FixtureRow[] = [];
  const ordinary = (village: string, count: number, prefix: string) => {
    for (let i = 0; i < count; i++) {
      const id = `${prefix}-${i}`;
      const h = household(rng);
      const net0 = h.pc * h.persons;
      out.push(...rows(id, village, [h.persons, h.persons], [net0, net0 * (1 + h.growth)], rng));
    }
  };
  for (const n of [0, 1, 2, 6, 7]) ordinary(V(n), 40, `O${n}`);
  // 200: one household's per-capita income quadruples (10,000 → 40,000 yuan, 3 persons).
  out.push(...rows('JUMP-1', V(0), [3, 3], [30000, 120000], rng));
  // 201: the stated 2024 full-year total is 3,000 yuan above the components' sum.
  const mismatch = rows('MISMATCH-1', V(1), [4, 4], [52000, 56000], rng);
  mismatch[2]!.stated += 3000;
  out.push(...mismatch);
  // 202: six persons become five, net income unchanged: per-capita +20% on paper.
  out.push(...rows('SHRINK-1', V(2), [6, 5], [72000, 72000], rng));
  // 203: 30 households' every component +10% (identical per-capita growth), 10 ordinary.
  for (let i = 0; i < 40; i++) {
    const id = `G-${i}`;
    const h = household(rng);
    if (i >= 30) {
      out.push(...rows(id, V(3), [h.persons, h.persons], [h.pc * h.persons, h.pc * h.persons * (1 + h.growth)], rng));
      continue;
    }
    const r = rows(id, V(3), [h.persons, h.persons], [h.pc * h.persons, h.pc * h.persons], rng);
    const q4 = r[2]!;
    for (const k of ['wage', 'operating', 'property', 'transfer'] as const) {
      r[1]![k] = Math.round(r[0]![k] * 1.1 * 0.45);
      q4[k] = Math.round(r[0]![k] * 1.1);
    }
    for (const x of r) x.stated = x.wage + x.operating + x.property + x.transfer;
    out.push(...r);
  }
  // 204: 20 households from 6,000–7,400 to 7,500–7,700 yuan per capita in 2024, 20 ordinary.
  for (let i = 0; i < 40; i++) {
    const id = `B-${i}`;
    const h = household(rng);
    if (i >= 20) {
      out.push(...rows(id, V(4), [h.persons, h.persons], [h.pc * h.persons, h.pc * h.persons * (1 + h.growth)], rng));
      continue;
    }
    const before = 6000 + 1400 * rng.uniform();
    const after = 7510 + 190 * rng.uniform();
    const r = rows(id, V(4), [h.persons, h.persons], [before * h.persons, after * h.persons], rng);
    // Whole-yuan components may round the total a yuan below the line: put it back above.
    const q4 = r[2]!;
    const short = Math.ceil(7500 * h.persons) - (q4.wage + q4.operating + q4.property + q4.transfer);
    if (short > 0) q4.wage += short;
    q4.stated = q4.wage + q4.operating + q4.property + q4.transfer;
    out.push(...r);
  }
  // 205: ordinary incomes, every 2024 wage and operating figure rounded to the hundred.
  for (let i = 0; i < 40; i++) {
    const id = `R-${i}`;
    const h = household(rng);
    out.push(...rows(id, V(5), [h.persons, h.persons], [h.pc * h.persons, h.pc * h.persons * (1 + h.growth)], rng, { round: true }));
  }
  // 206 decoys: persons up with income up; persons down with income down; stated total 5 yuan off.
  out.push(...rows('GROW-1', V(6), [4, 5], [48000, 56000], rng));
  out.push(...rows('LEAVE-1', V(6), [5, 4], [60000, 45000], rng));
  const close = rows('CLOSE-1', V(6), [3, 3], [36000, 39000], rng);
  close[2]!.stated += 5;
  out.push(...close);
  return out;
}

/** The fixture as the pure checks' input (raw ids as household ids, the stated totals and per-period persons carried). */
export function integrityFixtureInput(rowsIn = integrityFixtureRows()): { households: IntegrityHousehold[]; income: IntegrityIncome[] } {
  const households = new Map<string, IntegrityHousehold>();
  const income: IntegrityIncome[] = [];
  for (const r of rowsIn) {
    const h = households.get(r.rawId);
    // households.parquet keeps the latest period's persons, as the import does.
    if (!h || r.year >= 2024) households.set(r.rawId, { hh_id: r.rawId, village_code: r.village, persons: r.persons });
    income.push({ hh_id: r.rawId, year: r.year, quarter: r.quarter, wage: r.wage, operating: r.operating, property: r.property, transfer: r.transfer, net_income_stated: r.stated, persons: r.persons });
  }
  return { households: [...households.values()], income };
}

/** The fixture as a CSV a county office might export (UTF-8, Chinese headers, the stated total as 家庭纯收入). */
export function integrityFixtureCsv(rowsIn = integrityFixtureRows()): string {
  const head = ['户编号', '村代码', '家庭人口数', '年度', '季度', '工资性收入', '生产经营性收入', '财产性收入', '转移性收入', '家庭纯收入'];
  const lines = rowsIn.map((r) => [r.rawId, r.village, r.persons, r.year, r.quarter, r.wage, r.operating, r.property, r.transfer, r.stated].join(','));
  return [head.join(','), ...lines].join('\n') + '\n';
}
