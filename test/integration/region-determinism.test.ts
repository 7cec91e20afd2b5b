import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/pipeline/generate/dataset';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function generate(region: string) {
  const out = mkdtempSync(join(tmpdir(), `gen-${region}-`));
  dirs.push(out);
  return generateDataset({ region, out });
}

describe('generator for a township root (Beizhang)', () => {
  it('writes byte-identical files for the same seed', async () => {
    const a = await generate('beizhang');
    const b = await generate('beizhang');
    // Parquet files, boundaries, pre-aggregates and the plan's report.
    expect(Object.keys(a.files).length).toBe(11);
    expect(a.files['report/beizhang-2022.json']).toBeDefined();
    for (const [name, entry] of Object.entries(a.files)) expect(b.files[name]?.sha256, name).toBe(entry.sha256);
  });
});
