import { parseArgs } from 'node:util';
import { generateDataset } from '../generate/dataset';

/** `npm run data -- --region <id> [--scale <f>] [--seed <n>] [--out <dir>] [--partition county]` (CONTRACT.md;
 * `--partition county` writes households, income, township / village boundaries and pre-aggregates per county). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      region: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      partition: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.region) {
    console.log('Usage: npm run data -- --region <ningxia|jiangxi|daxiang|jiyuan|beizhang> [--scale <f>] [--seed <n>] [--out <dir>] [--partition county]');
    process.exit(values.help ? 0 : 1);
  }
  const scale = values.scale === undefined ? undefined : Number(values.scale);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (scale !== undefined && !Number.isFinite(scale)) throw new Error(`--scale must be a number, got ${values.scale}`);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  if (values.partition !== undefined && values.partition !== 'county') throw new Error(`--partition must be county, got ${values.partition}`);
  const partition = values.partition as 'county' | undefined;
  const out = values.out ?? `public/data/${values.region}`;
  const manifest = await generateDataset({ region: values.region, out, scale, seed, partition, log: (m) => console.log(m) });
  const entries = Object.entries(manifest.files);
  const listed = manifest.partitions ? entries.filter(([name]) => !name.startsWith('parts/')) : entries;
  const rows = listed
    .map(([name, f]) => `  ${name.padEnd(28)} ${String(f.rows).padStart(9)} rows ${(f.bytes / 1024).toFixed(0).padStart(8)} KiB`)
    .join('\n');
  const parts = entries.filter(([name]) => name.startsWith('parts/'));
  const partsLine = parts.length
    ? `\n  parts/<county6>/…  ${Object.keys(manifest.partitions!.counties).length} counties, ${parts.length} files, ${(parts.reduce((s, [, f]) => s + f.bytes, 0) / 1024 / 1024).toFixed(1)} MiB`
    : '';
  console.log(`Wrote ${out}\n${rows}${partsLine}`);
}

main().catch((error: unknown) => {
  console.error(`npm run data: ${(error as Error).message}`);
  process.exit(1);
});
