import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/pipeline/generate/dataset';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function generate(seed?: number) {
  const out = mkdtempSync(join(tmpdir(), 'gen-'));
  dirs.push(out);
  return generateDataset({ region: 'ningxia', out, scale: 0.02, seed });
}

describe('generator', () => {
  it('writes byte-identical files for the same seed and scale', async () => {
    const a = await generate();
    const b = await generate();
    expect(Object.keys(a.files).length).toBeGreaterThan(10);
    for (const [name, entry] of Object.entries(a.files)) expect(b.files[name]?.sha256, name).toBe(entry.sha256);
  });

  it('writes different households for a different seed', async () => {
    const a = await generate(1);
    const b = await generate(2);
    expect(a.files['income.parquet'].sha256).not.toBe(b.files['income.parquet'].sha256);
  });
});
