import { parseArgs } from 'node:util';
import { generateDataset } from '../generate/dataset';

/** `npm run data -- --region <id> [--scale <f>] [--seed <n>] [--out <dir>]` (CONTRACT.md). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      region: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.region) {
    console.log('Usage: npm run data -- --region <ningxia|jiangxi|daxiang|jiyuan|beizhang> [--scale <f>] [--seed <n>] [--out <dir>]');
    process.exit(values.help ? 0 : 1);
  }
  const scale = values.scale === undefined ? undefined : Number(values.scale);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (scale !== undefined && !Number.isFinite(scale)) throw new Error(`--scale must be a number, got ${values.scale}`);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  const out = values.out ?? `public/data/${values.region}`;
  const manifest = await generateDataset({ region: values.region, out, scale, seed, log: (m) => console.log(m) });
  const rows = Object.entries(manifest.files)
    .map(([name, f]) => `  ${name.padEnd(28)} ${String(f.rows).padStart(9)} rows ${(f.bytes / 1024).toFixed(0).padStart(8)} KiB`)
    .join('\n');
  console.log(`Wrote ${out}\n${rows}`);
}

main().catch((error: unknown) => {
  console.error(`npm run data: ${(error as Error).message}`);
  process.exit(1);
});
