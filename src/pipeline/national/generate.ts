import { mkdirSync, rmSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NativeDuckDB, quoteString } from '../native-duckdb';
import { writeText } from '../write/files';
import { countyHouseholdsSql, geographySql, HOUSEHOLD_COLUMNS, incomeSelectSql, NATIONAL_PERIODS, NATIONAL_PROVINCES } from './geography';

export interface NationalOptions {
  households: number;
  out: string;
  seed?: number;
  threads?: number;
  log?: (message: string) => void;
}

export interface NationalSummary {
  synthetic: true;
  note: string;
  seed: number;
  households: number;
  incomeRows: number;
  periods: { year: number; quarter: number }[];
  provinces: number;
  counties: number;
  townships: number;
  villages: number;
  /** Counties / villages that received at least one household (all of them at national scale). */
  countiesWithHouseholds: number;
  villagesWithHouseholds: number;
  layout: string;
  bytes: number;
  seconds: number;
}

const PARQUET = 'FORMAT PARQUET, COMPRESSION ZSTD';

/**
 * Writes a synthetic national-scale household and income dataset, partitioned by county:
 * `<out>/parts/<county6>/households.parquet` and `…/income.parquet` (contract columns and types),
 * plus `<out>/national.json`. All values are DuckDB SQL over `range()` with seeded `hash()`
 * pseudo-random numbers, so the output is the same for the same seed and household count (with the
 * same DuckDB version). SYNTHETIC, FOR SCALE TESTS ONLY: codes below the province prefix are made up.
 */
export async function generateNational(options: NationalOptions): Promise<NationalSummary> {
  const seed = options.seed ?? 20251;
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got ${seed}`);
  const threads = options.threads ?? 2;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const step = (what: string) => log(`${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s  ${what}`);
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(join(options.out, 'parts'), { recursive: true });
  const db = await NativeDuckDB.open({ threads });
  try {
    await db.run(`CREATE MACRO nat_seed() AS ${seed}`);
    await db.run('CREATE MACRO u(a, b) AS (hash(a, nat_seed(), b) % 1000003)::DOUBLE / 1000003');
    step('geography (synthetic codes under the 31 real province prefixes)');
    for (const sql of geographySql(options.households)) await db.run(sql);
    const [geo] = await db.query<{ counties: number; townships: number; villages: number; c_hh: number; v_hh: number }>(
      `SELECT count(DISTINCT county6) AS counties, count(DISTINCT substr(code, 1, 9)) AS townships, count(*) AS villages,
              count(DISTINCT county6) FILTER (WHERE hh_end > hh_start) AS c_hh, count(*) FILTER (WHERE hh_end > hh_start) AS v_hh
       FROM nat_village`,
    );
    step(`${geo.counties} counties, ${geo.townships} townships, ${geo.villages} villages; ${options.households.toLocaleString('en')} households`);
    const ranges = await db.query<{ county6: string }>(
      `SELECT DISTINCT county6 FROM nat_village WHERE hh_end > hh_start ORDER BY county6`,
    );
    step(`writing ${ranges.length} county partitions (households + income, ${NATIONAL_PERIODS.length} periods per household)`);
    // One connection per thread, each writing whole counties; rows ordered by household (and period).
    const connections = await Promise.all(Array.from({ length: threads }, () => db.connect()));
    let next = 0;
    let done = 0;
    await Promise.all(
      connections.map(async (conn) => {
        for (let k = next++; k < ranges.length; k = next++) {
          const { county6 } = ranges[k];
          const dir = join(options.out, 'parts', county6);
          mkdirSync(dir, { recursive: true });
          await conn.run(
            `COPY (SELECT ${HOUSEHOLD_COLUMNS} FROM (${countyHouseholdsSql(county6)}) ORDER BY i) TO ${quoteString(join(dir, 'households.parquet'))} (${PARQUET})`,
          );
          await conn.run(`COPY (${incomeSelectSql(county6)}) TO ${quoteString(join(dir, 'income.parquet'))} (${PARQUET})`);
          if (++done % 250 === 0) step(`${done} / ${ranges.length} counties`);
        }
      }),
    );
    for (const c of connections) c.closeSync();
    const bytes = folderBytes(options.out);
    const summary: NationalSummary = {
      synthetic: true,
      note:
        'SYNTHETIC DATA FOR SCALE TESTS ONLY. No real household, village, township, county or city is described: only the ' +
        '2-digit province prefixes are real; all codes below them and every value are made up by npm run data:national.',
      seed,
      households: options.households,
      incomeRows: options.households * NATIONAL_PERIODS.length,
      periods: NATIONAL_PERIODS,
      provinces: NATIONAL_PROVINCES.length,
      counties: geo.counties,
      townships: geo.townships,
      villages: geo.villages,
      countiesWithHouseholds: geo.c_hh,
      villagesWithHouseholds: geo.v_hh,
      layout: 'parts/<county6>/households.parquet and parts/<county6>/income.parquet (one folder per county with households)',
      bytes,
      seconds: (performance.now() - started) / 1000,
    };
    writeText(join(options.out, 'national.json'), JSON.stringify(summary, null, 2) + '\n');
    step(`done: ${(bytes / 1e9).toFixed(2)} GB`);
    return summary;
  } finally {
    await db.close();
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? folderBytes(p) : statSync(p).size;
  }
  return total;
}
