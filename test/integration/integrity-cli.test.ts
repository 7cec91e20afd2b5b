/**
 * `npm run integrity` end to end: the crafted county (test/helpers/integrity-fixture.ts) written
 * as a county office's CSV (Chinese headers, a stated 家庭纯收入 total, persons on every row),
 * imported with `npm run import`'s code into a dataset folder, and checked through the Node
 * engine: the planted flags and nothing else, the JSON of the contract, exit 0 with flags, exit 1
 * for a folder that is not a dataset. The demo datasets stay quiet.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashHouseholdId } from '../../src/import/convert';
import { queryIntegrityRows } from '../../src/data/queries/integrity';
import { checkIntegrity, type IntegrityFlag } from '../../src/integrity';
import { runImport } from '../../src/pipeline/cli/import';
import { integrityTable, runIntegrity } from '../../src/pipeline/cli/integrity';
import { openDatasetEngine } from '../../src/pipeline/cli/open-dataset';
import { EXPECTED_FLAGS, integrityFixtureCsv } from '../helpers/integrity-fixture';

const SALT = 'integrity-test';
let dir: string;
let out: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'integrity-test-'));
  writeFileSync(join(dir, 'county.csv'), integrityFixtureCsv());
  out = join(dir, 'dataset');
  const run = await runImport({ files: [join(dir, 'county.csv')], out, dropPii: false, salt: SALT });
  expect(run.result.problems).toEqual([]);
  expect(run.written).toBe(true);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const expected = EXPECTED_FLAGS.map((f) => ({ flag: f.flag, villageCode: f.village, code: f.rawId ? hashHouseholdId(SALT, f.rawId) : f.village, year: f.year }));
const brief = (f: IntegrityFlag) => ({ flag: f.flag, villageCode: f.villageCode, code: f.code, year: f.year });
const byFlag = (a: { flag: string }, b: { flag: string }) => a.flag.localeCompare(b.flag);

describe('npm run integrity', () => {
  test('the imported crafted county gives the planted flags and nothing else', async () => {
    const report = await runIntegrity({ data: out });
    expect(report.columns).toEqual({ netIncomeStated: true, persons: true });
    expect(report.years).toEqual([2023, 2024]);
    expect(report.flags.map(brief).sort(byFlag)).toEqual([...expected].sort(byFlag));
    const table = integrityTable(report);
    expect(table).toContain('收入扎堆线上');
    expect(table).toContain('Bunching above a line');
    expect(table).toContain('五里墩村委会'); // 640324103203, the identical-growth village, named from regions.parquet
    expect(table).not.toContain('not checked');
  }, 120_000);

  test('the command prints the contract JSON and exits 0 with flags; a bad folder exits 1 saying why', () => {
    const tsx = join('node_modules', '.bin', 'tsx');
    const ok = spawnSync(tsx, ['src/pipeline/cli/integrity.ts', '--data', out, '--format', 'json', '--lines', '7500'], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    const flags = JSON.parse(ok.stdout) as IntegrityFlag[];
    expect(flags.map(brief).sort(byFlag)).toEqual([...expected].sort(byFlag));
    for (const f of flags) {
      expect(Object.keys(f).slice(0, 7)).toEqual(['level', 'code', 'villageCode', 'flag', 'statistic', 'threshold', 'households']);
      expect(f.level).toBe(['identical_growth', 'bunching', 'round_numbers'].includes(f.flag) ? 'village' : 'household');
    }

    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const bad = spawnSync(tsx, ['src/pipeline/cli/integrity.ts', '--data', empty], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/manifest\.json not found: is .* a dataset folder/);
    const badFormat = spawnSync(tsx, ['src/pipeline/cli/integrity.ts', '--data', out, '--format', 'csv'], { encoding: 'utf8' });
    expect(badFormat.status).toBe(1);
    expect(badFormat.stderr).toContain('--format must be json or table');
    const badLines = spawnSync(tsx, ['src/pipeline/cli/integrity.ts', '--data', out, '--lines', '7500,x'], { encoding: 'utf8' });
    expect(badLines.status).toBe(1);
    expect(badLines.stderr).toContain('--lines must be');
  }, 120_000);

  test('a scope and a year give the whole run\'s flags of that scope and year (what the page asks)', async () => {
    const { db } = await openDatasetEngine(out);
    try {
      const rows = await queryIntegrityRows(db, { within: { code: '640324103000', level: 4 }, years: [2024] });
      expect(rows.income.every((r) => r.quarter === 4 || r.net_income_stated !== null)).toBe(true);
      expect(new Set(rows.income.map((r) => r.year))).toEqual(new Set([2023, 2024]));
      const flags = checkIntegrity({ ...rows, lines: [{ value: 7500, year: 2024, source: 'monitoring_line' }] }, { years: [2024] });
      expect(flags.map(brief).sort(byFlag)).toEqual([...expected].sort(byFlag));
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe('the demo datasets stay quiet', () => {
  // Whole datasets: Beizhang (520 households), Jiyuan (3,800), Daxiang (4,200). Ningxia (200,000,
  // ~30 s) gives 0 flags as well and Jiangxi one (README "npm run integrity"), checked by hand.
  for (const id of ['beizhang', 'jiyuan', 'daxiang']) {
    test(`${id}: no flag; the optional columns are absent and said to be`, async () => {
      const report = await runIntegrity({ data: `public/data/${id}` });
      expect(report.flags).toEqual([]);
      expect(report.columns).toEqual({ netIncomeStated: false, persons: false });
      expect(report.lines.some((l) => l.source === 'monitoring_line')).toBe(true);
      expect(integrityTable(report)).toContain('components against total not checked');
    }, 120_000);
  }
});
