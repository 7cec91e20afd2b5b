import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isHidden, protectTable, publishRows, type PublishedRow } from '../../src/disclosure/index';
import { ALL, MON, TUP, buildLinkedTable, cellOf, nonNegativeFields, type RegionInput, type SumsRow } from '../../src/disclosure/table';
import { initialState, suppress } from '../../src/disclosure/suppress';
import { audit } from '../../src/disclosure/audit';

/** A hand table: region → [tuopin households, monitored households] per period (or one pair for all periods). */
interface Spec {
  regions: { code: string; level: number; parent: string | null }[];
  /** Leaf households: code → per period [tuopin, monitored]. */
  leaves: Record<string, [number, number][]>;
  periods: { year: number; quarter: number }[];
}

/** Income per household differs by region and category so that no two cells are equal by accident. */
function rowsOf(spec: Spec): SumsRow[] {
  const sums = new Map<string, number[][]>();
  const add = (code: string, t: number, v: number[]) => {
    if (!sums.has(code)) sums.set(code, spec.periods.map(() => new Array(14).fill(0)));
    const row = sums.get(code)![t]!;
    v.forEach((x, i) => (row[i]! += x));
  };
  const parentOf = new Map(spec.regions.map((r) => [r.code, r.parent]));
  for (const [code, series] of Object.entries(spec.leaves)) {
    series.forEach(([tup, mon], t) => {
      const seed = Number(code.slice(-4)) % 97;
      const perHh = (cat: number) => [3 + (seed % 3) + cat, 5000 + 37 * seed + 900 * cat + 111 * t];
      const [pt, nt] = perHh(0);
      const [pm, nm] = perHh(1);
      const fig = (h: number, persons: number, net: number) => {
        // Whole yuan per component; net is their sum, as in the data.
        const c = [0.6, 0.2, 0.05].map((share) => Math.round(h * net * share));
        const transfer = h * net - c[0]! - c[1]! - c[2]!;
        return [h, h * persons, h * net, c[0]!, c[1]!, c[2]!, transfer];
      };
      const a = fig(tup, pt!, nt!).map((x, i) => x + fig(mon, pm!, nm!)[i]!);
      const m = fig(mon, pm!, nm!);
      let c: string | null = code;
      while (c) {
        add(c, t, [...a, ...m]);
        c = parentOf.get(c) ?? null;
      }
    });
  }
  const cols = ['households', 'persons', 'net', 'wage', 'operating', 'property', 'transfer'];
  const names = [...cols, ...cols.map((c) => `monitored_${c}`)];
  const out: SumsRow[] = [];
  for (const [code, perPeriod] of sums) {
    perPeriod.forEach((v, t) => {
      const row: SumsRow = { code, year: spec.periods[t]!.year, quarter: spec.periods[t]!.quarter };
      names.forEach((n, i) => (row[n] = Math.round(v[i]!)));
      out.push(row);
    });
  }
  return out;
}

function tableOf(spec: Spec) {
  const rows = rowsOf(spec);
  const codes = new Set(rows.map((r) => r.code));
  const regions: RegionInput[] = spec.regions.filter((r) => codes.has(r.code));
  return buildLinkedTable(regions, rows);
}

const P2 = [{ year: 2023, quarter: 4 }, { year: 2024, quarter: 4 }];
const same = (tup: number, mon: number, n = 2): [number, number][] => Array.from({ length: n }, () => [tup, mon]);

const hidden = (s: ReturnType<typeof suppress>, code: string, part: number) => isHidden(s, cellOf(s.table.codes.indexOf(code), part));

describe('suppression on hand tables', () => {
  it('a township with one 3-household village: the village and one complement hidden, the township published', () => {
    const spec: Spec = {
      periods: P2,
      regions: [
        { code: '100000001000', level: 4, parent: null },
        { code: '100000001001', level: 5, parent: '100000001000' },
        { code: '100000001002', level: 5, parent: '100000001000' },
        { code: '100000001003', level: 5, parent: '100000001000' },
      ],
      leaves: { '100000001001': same(3, 0), '100000001002': same(40, 0), '100000001003': same(25, 0) },
    };
    const s = suppress(tableOf(spec), 10);
    expect(hidden(s, '100000001001', ALL)).toBe(true);
    expect(hidden(s, '100000001001', TUP)).toBe(true);
    const complements = ['100000001002', '100000001003'].filter((c) => hidden(s, c, ALL));
    expect(complements).toEqual(['100000001003']); // the smaller of the two safe siblings
    expect(hidden(s, '100000001000', ALL)).toBe(false);
  });

  it('a two-level chain: a small township in a county needs a complement township, and its village a complement village', () => {
    const spec: Spec = {
      periods: P2,
      regions: [
        { code: '100000000000', level: 3, parent: null },
        { code: '100000001000', level: 4, parent: '100000000000' },
        { code: '100000002000', level: 4, parent: '100000000000' },
        { code: '100000003000', level: 4, parent: '100000000000' },
        { code: '100000001001', level: 5, parent: '100000001000' },
        { code: '100000001002', level: 5, parent: '100000001000' },
        { code: '100000002001', level: 5, parent: '100000002000' },
        { code: '100000003001', level: 5, parent: '100000003000' },
        { code: '100000003002', level: 5, parent: '100000003000' },
      ],
      leaves: {
        '100000001001': same(4, 0),
        '100000001002': same(3, 0),
        '100000002001': same(30, 0),
        '100000003001': same(20, 0),
        '100000003002': same(25, 0),
      },
    };
    const s = suppress(tableOf(spec), 10);
    expect(hidden(s, '100000001000', ALL)).toBe(true);
    expect(hidden(s, '100000001001', ALL) && hidden(s, '100000001002', ALL)).toBe(true);
    // The county equation needs a second township; it has a single village, which then is hidden too.
    const towns = ['100000002000', '100000003000'].filter((c) => hidden(s, c, ALL));
    expect(towns.length).toBe(1);
    expect(hidden(s, '100000000000', ALL)).toBe(false);
    for (let e = 0; e < s.equations.length; e++) {
      const n = [...s.equations[e]!.cells].filter((c) => !s.zero[c] && isHidden(s, c)).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
  });

  it('the category breakdown: a small monitored part hides tuopin with it, and a complement in the monitored equation', () => {
    const spec: Spec = {
      periods: P2,
      regions: [
        { code: '100000001000', level: 4, parent: null },
        { code: '100000001001', level: 5, parent: '100000001000' },
        { code: '100000001002', level: 5, parent: '100000001000' },
        { code: '100000001003', level: 5, parent: '100000001000' },
      ],
      leaves: { '100000001001': same(30, 4), '100000001002': same(40, 15), '100000001003': same(35, 12) },
    };
    const s = suppress(tableOf(spec), 10);
    expect(hidden(s, '100000001001', MON)).toBe(true);
    expect(hidden(s, '100000001001', TUP)).toBe(true);
    expect(hidden(s, '100000001001', ALL)).toBe(false);
    expect(['100000001002', '100000001003'].filter((c) => hidden(s, c, MON))).toEqual(['100000001003']);
    const rows = publishRows(s, 5).filter((r) => r.code === '100000001001');
    expect(rows.every((r) => r.households !== null && r.monitored_households === null && r.monitored_net === null)).toBe(true);
  });

  it('a zero cell is never a complement', () => {
    const spec: Spec = {
      periods: P2,
      regions: [
        { code: '100000001000', level: 4, parent: null },
        { code: '100000001001', level: 5, parent: '100000001000' },
        { code: '100000001002', level: 5, parent: '100000001000' },
        { code: '100000001003', level: 5, parent: '100000001000' },
      ],
      // Village 2 has no monitored household in any period: its monitored cell is a published zero.
      leaves: { '100000001001': same(30, 3), '100000001002': same(12, 0), '100000001003': same(50, 40) },
    };
    const s = suppress(tableOf(spec), 10);
    expect(hidden(s, '100000001001', MON)).toBe(true);
    expect(hidden(s, '100000001002', MON)).toBe(false);
    expect(hidden(s, '100000001003', MON)).toBe(true);
    const zeroRow = publishRows(s, 5).find((r) => r.code === '100000001002')!;
    expect(zeroRow.monitored_households).toBe(0);
  });

  it('the pattern is the same in every period: a cell small in one period only is hidden in all', () => {
    const spec: Spec = {
      periods: [{ year: 2022, quarter: 4 }, { year: 2023, quarter: 4 }, { year: 2024, quarter: 2 }],
      regions: [
        { code: '100000001000', level: 4, parent: null },
        { code: '100000001001', level: 5, parent: '100000001000' },
        { code: '100000001002', level: 5, parent: '100000001000' },
        { code: '100000001003', level: 5, parent: '100000001000' },
      ],
      leaves: {
        '100000001001': [[20, 0], [6, 0], [20, 0]],
        '100000001002': same(30, 0, 3),
        '100000001003': same(25, 0, 3),
      },
    };
    const s = suppress(tableOf(spec), 10);
    const rows = publishRows(s, 5);
    for (const code of ['100000001001', '100000001002', '100000001003']) {
      const nulls = rows.filter((r) => r.code === code).map((r) => r.households === null);
      expect(new Set(nulls).size).toBe(1);
    }
    expect(rows.filter((r) => r.code === '100000001001').every((r) => r.households === null)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// An independent attacker: reads only the published rows and the hierarchy, writes the LP in
// CPLEX LP text (not the model API the audit uses) and asks HiGHS for each unknown's min and max.

interface Attack {
  name: string;
  code: string;
  part: 'all' | 'monitored' | 'tuopin';
  t: number;
  min: number;
  max: number;
}

function attack(highs: Highs, rows: PublishedRow[], parents: Map<string, string | null>, field: string): Attack[] {
  const periods = [...new Set(rows.map((r) => `${r.year}-${r.quarter}`))].sort();
  const byKey = new Map(rows.map((r) => [`${r.code}|${r.year}-${r.quarter}`, r]));
  const codes = [...new Set(rows.map((r) => r.code))];
  const children = new Map<string, string[]>();
  for (const c of codes) {
    const p = parents.get(c);
    if (p) children.set(p, [...(children.get(p) ?? []), c]);
  }
  const out: Attack[] = [];
  periods.forEach((period, t) => {
    const vars: { name: string; code: string; part: Attack['part'] }[] = [];
    const term = (code: string, part: Attack['part']): { known: number } | { name: string } => {
      const r = byKey.get(`${code}|${period}`);
      const all = r ? (r[field] as number | null) : null;
      const mon = r ? (r[`monitored_${field}`] as number | null) : null;
      const v = part === 'all' ? all : part === 'monitored' ? mon : all !== null && mon !== null ? all - mon : null;
      if (v !== null) return { known: v };
      const name = `x_${code}_${part}`;
      if (!vars.some((x) => x.name === name)) vars.push({ name, code, part });
      return { name };
    };
    const constraints: string[] = [];
    const addEq = (plus: ReturnType<typeof term>[], minus: ReturnType<typeof term>[]) => {
      let rhs = 0;
      const parts: string[] = [];
      for (const x of plus) 'known' in x ? (rhs -= x.known) : parts.push(`+ ${x.name}`);
      for (const x of minus) 'known' in x ? (rhs += x.known) : parts.push(`- ${x.name}`);
      if (parts.length) constraints.push(`${parts.join(' ')} = ${rhs}`);
    };
    for (const c of codes) {
      addEq([term(c, 'all')], [term(c, 'tuopin'), term(c, 'monitored')]);
      const kids = children.get(c);
      if (kids) for (const part of ['all', 'monitored', 'tuopin'] as const) addEq([term(c, part)], kids.map((k) => term(k, part)));
    }
    for (const v of vars) {
      const res = [0, 1].map((sense) => {
        const lp = `${sense ? 'Maximize' : 'Minimize'}\n obj: ${v.name}\nSubject To\n${constraints.map((c, i) => ` c${i}: ${c}`).join('\n')}\nBounds\n${vars.map((x) => ` ${x.name} >= 0`).join('\n')}\nEnd\n`;
        const sol = highs.solve(lp);
        if (sol.Status === 'Unbounded') return sense ? Infinity : -Infinity;
        expect(sol.Status).toBe('Optimal');
        return sol.ObjectiveValue;
      });
      out.push({ name: v.name, code: v.code, part: v.part, t, min: res[0]!, max: res[1]! });
    }
  });
  return out;
}

describe('the audit', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });
  const spec: Spec = {
    periods: P2,
    regions: [
      { code: '100000001000', level: 4, parent: null },
      { code: '100000001001', level: 5, parent: '100000001000' },
      { code: '100000001002', level: 5, parent: '100000001000' },
      { code: '100000001003', level: 5, parent: '100000001000' },
    ],
    leaves: { '100000001001': same(3, 0), '100000001002': same(40, 0), '100000001003': same(25, 0) },
  };

  it('finds the primary cell pinned when no complement is hidden', () => {
    const s = initialState(tableOf(spec), 10);
    for (const exact of [false, true]) {
      const r = audit(highs, s, { exact });
      expect(r.ok).toBe(false);
      expect(r.failures.some((f) => f.code === '100000001001' && f.reason === 'pinned' && f.field === 'net')).toBe(true);
    }
  });

  it('finds a primary cell unprotected when its complement is too small, and passes once it is not', () => {
    const small: Spec = { ...spec, leaves: { '100000001001': same(9, 0), '100000001002': same(1, 0), '100000001003': same(40, 0) } };
    const s = initialState(tableOf(small), 10);
    // Village 2 (1 household) is primary too; the two together leave village 1 at most 1 above its value.
    const r = audit(highs, s, { exact: true });
    expect(r.failures.filter((f) => f.code === '100000001001' && f.field === 'households').map((f) => f.reason)).toContain('unprotected');
    const protectedResult = protectTable(highs, tableOf(small), { k: 10 });
    expect(protectedResult.audit.ok).toBe(true);
    expect(audit(highs, protectedResult.state, { exact: true }).ok).toBe(true);
  });
});

describe('random hierarchies against an independent attacker', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  const hierarchy = fc.record({
    towns: fc.array(fc.array(fc.tuple(fc.nat({ max: 25 }), fc.nat({ max: 14 })), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
    drift: fc.boolean(),
  });

  /** Suppresses, then attacks the published rows; every hidden cell with households must stay open. */
  const checkAgainstAttacker = (spec: Spec) => {
    const table = tableOf(spec);
    const result = protectTable(highs, table, { k: 10, nonNegative: nonNegativeFields(table) });
    expect(result.audit.ok).toBe(true);
    const rows = [1, 2, 3, 4, 5].flatMap((level) => publishRows(result.state, level));
    const parents = new Map(spec.regions.map((r) => [r.code, r.parent]));
    const truth = new Map(rowsOf(spec).map((r) => [`${r.code}|${r.year}-${r.quarter}`, r]));
    for (const field of ['households', 'net']) {
      for (const a of attack(highs, rows, parents, field)) {
        const r = truth.get(`${a.code}|${P2[a.t]!.year}-${P2[a.t]!.quarter}`)!;
        const get = (f: string) => r[f] as number;
        const hh = a.part === 'all' ? get('households') : a.part === 'monitored' ? get('monitored_households') : get('households') - get('monitored_households');
        const v = a.part === 'all' ? get(field) : a.part === 'monitored' ? get(`monitored_${field}`) : get(field) - get(`monitored_${field}`);
        if (hh === 0) continue;
        expect(a.max - a.min, `${a.name} ${field} pinned`).toBeGreaterThan(1e-6 * Math.max(1, Math.abs(v)));
        const series = spec.periods.map((_, t) => {
          const rr = truth.get(`${a.code}|${P2[t]!.year}-${P2[t]!.quarter}`)!;
          const h = rr.households as number;
          const m = rr.monitored_households as number;
          return a.part === 'all' ? h : a.part === 'monitored' ? m : h - m;
        });
        if (series.some((h) => h > 0 && h < 10)) {
          expect(a.min, `${a.name} ${field} lower`).toBeLessThanOrEqual(v * 0.85 + 1e-6 * Math.max(1, v));
          expect(a.max, `${a.name} ${field} upper`).toBeGreaterThanOrEqual(v * 1.15 - 1e-6 * Math.max(1, v));
        }
      }
    }
    // Nothing published rests on 1…9 households.
    for (const r of rows) {
      const h = r.households as number | null;
      const m = r.monitored_households as number | null;
      if (h !== null) expect(h === 0 || h >= 10).toBe(true);
      if (m !== null) expect(m === 0 || m >= 10).toBe(true);
      if (h !== null && m !== null) expect(h - m === 0 || h - m >= 10).toBe(true);
    }
  };

  it('pins no hidden cell and keeps every primary cell protected by 15 % (households, net)', () => {
    fc.assert(
      fc.property(hierarchy, ({ towns, drift }) => {
        const spec: Spec = { periods: P2, regions: [{ code: '100000000000', level: 3, parent: null }], leaves: {} };
        towns.forEach((villages, i) => {
          const town = `1000000${String(i + 1).padStart(2, '0')}000`;
          spec.regions.push({ code: town, level: 4, parent: '100000000000' });
          villages.forEach(([tup, mon], j) => {
            const v = `${town.slice(0, 9)}${String(j + 1).padStart(3, '0')}`;
            spec.regions.push({ code: v, level: 5, parent: town });
            // With `drift`, households change between the two periods (one household more).
            spec.leaves[v] = [[tup, mon], [tup + (drift && j === 0 ? 1 : 0), mon]];
          });
        });
        checkAgainstAttacker(spec);
      }),
      { numRuns: 40, seed: 20261202 },
    );
  });

  const village = fc.tuple(fc.nat({ max: 20 }), fc.nat({ max: 12 }));
  const province = fc.array(fc.array(fc.array(fc.array(village, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 });

  it('holds on five levels (province → city → county → township → village)', () => {
    fc.assert(
      fc.property(province, (cities) => {
        const spec: Spec = { periods: P2, regions: [{ code: '100000000000', level: 1, parent: null }], leaves: {} };
        const two = (n: number) => String(n + 1).padStart(2, '0');
        const three = (n: number) => String(n + 1).padStart(3, '0');
        cities.forEach((counties, c) => {
          const city = `10${two(c)}00000000`;
          spec.regions.push({ code: city, level: 2, parent: '100000000000' });
          counties.forEach((towns, k) => {
            const county = `10${two(c)}${two(k)}000000`;
            spec.regions.push({ code: county, level: 3, parent: city });
            towns.forEach((villages, t) => {
              const town = `${county.slice(0, 6)}${three(t)}000`;
              spec.regions.push({ code: town, level: 4, parent: county });
              villages.forEach(([tup, mon], v) => {
                const code = `${town.slice(0, 9)}${three(v)}`;
                spec.regions.push({ code, level: 5, parent: town });
                spec.leaves[code] = same(tup, mon);
              });
            });
          });
        });
        checkAgainstAttacker(spec);
      }),
      { numRuns: 25, seed: 20261203 },
    );
  });
});
