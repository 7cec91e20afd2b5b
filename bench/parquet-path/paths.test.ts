/**
 * Each parquet path, in Node with DuckDB-WASM's blocking build, on a small stand-in written by
 * native DuckDB: all produce the native engine's aggregation, and none touches the network
 * (fetch is replaced by a function that fails the test). `a-http` needs a browser (run.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { nodeIo, openNodeDb } from './lib/db-node';
import { AGGREGATION_SQL, PATHS, type PathId } from './lib/paths';
import { writeStandin } from './lib/standin';

let dir: string;
let files: { households: string; income: string };
let expected: { county: string; year: number; per_capita: number; growth: number | null }[];
const fetchSpy = vi.fn(() => {
  throw new Error('network access attempted');
});

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchSpy);
  dir = mkdtempSync(join(tmpdir(), 'standin-'));
  const { sizes } = await writeStandin({ out: dir, households: 3000, villages: 120, variants: ['zstd:1000'] });
  const folder = sizes['zstd-rg1000']!.dir;
  files = { households: join(folder, 'households.parquet'), income: join(folder, 'income.parquet') };
  // The reference: native DuckDB over the same files.
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(`CREATE VIEW households AS SELECT * FROM '${files.households}'`);
  await conn.run(`CREATE VIEW income AS SELECT * FROM '${files.income}'`);
  expected = (await conn.runAndReadAll(AGGREGATION_SQL)).getRowObjectsJS() as typeof expected;
  conn.closeSync();
  instance.closeSync();
});

afterAll(() => {
  vi.unstubAllGlobals();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['a-buffer', 'a-view', 'b-pqwasm', 'c-hyparquet'] satisfies PathId[])('path %s', (id) => {
  test('loads both tables and matches native DuckDB, offline', async () => {
    const path = PATHS[id];
    const db = await openNodeDb(path.release);
    try {
      expect(db.version).toBe(path.release === '1.28.0' ? 'v0.9.1' : 'v1.4.3');
      await path.load(db, nodeIo, files);
      const counts = await db.query(
        'SELECT (SELECT count(*) FROM households) AS hh, (SELECT count(*) FROM income) AS inc',
      );
      expect(counts.map((r) => ({ hh: Number(r.hh), inc: Number(r.inc) }))).toEqual([{ hh: 3000, inc: 33000 }]);
      const rows = await db.query(AGGREGATION_SQL);
      expect(rows.length).toBe(expected.length);
      rows.forEach((r, i) => {
        const e = expected[i]!;
        expect(r.county).toBe(e.county);
        expect(r.year).toBe(e.year);
        expect(r.per_capita as number).toBeCloseTo(e.per_capita, 6);
        if (e.growth === null) expect(r.growth).toBeNull();
        else expect(r.growth as number).toBeCloseTo(e.growth, 12);
      });
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      db.close();
    }
  });
});
