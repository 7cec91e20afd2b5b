/**
 * Writes the stand-in Ningxia households/income parquet files, once per compression ×
 * row-group-size variant, and prints their sizes.
 *
 *   npx tsx bench/parquet-path/generate.ts [--out bench-results/parquet-path/data]
 *     [--households 200000] [--villages 2900]
 *     [--variants zstd:122880,snappy:122880,zstd:16384,uncompressed:122880,zstd:122880:v2]
 *
 * Each variant lands in `<out>/<codec>-rg<rows>/{households,income}.parquet`, the layout of a
 * dataset folder, so `run.ts --data <that folder>` measures it, and later
 * `run.ts --data public/data/ningxia` measures the real demo.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeStandin } from './lib/standin';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'bench-results/parquet-path/data' },
    households: { type: 'string', default: '200000' },
    villages: { type: 'string', default: '2900' },
    variants: { type: 'string', default: 'zstd:122880,snappy:122880,zstd:16384,uncompressed:122880,zstd:122880:v2' },
  },
});

const out = resolve(values.out!);
const households = Number(values.households);
const villages = Number(values.villages);
const result = await writeStandin({
  out,
  households,
  villages,
  variants: values.variants!.split(','),
  log: (line) => console.error(line),
});
writeFileSync(join(out, 'sizes.json'), JSON.stringify({ households, villages, ...result }, null, 2));
