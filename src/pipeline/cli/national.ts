import { parseArgs } from 'node:util';
import { generateNational } from '../national/generate';

const USAGE = 'Usage: npm run data:national -- --households <n> --out <folder> [--seed n] [--threads n]';

/**
 * `npm run data:national`: SYNTHETIC national-scale households and income for scale tests, written
 * per county as `<out>/parts/<county6>/{households,income}.parquet` (the input of `npm run aggregate`).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      households: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.households || !values.out) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  const households = Number(values.households.replace(/_/g, ''));
  if (!(Number.isInteger(households) && households > 0)) throw new Error(`--households must be a positive integer, got ${values.households}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) throw new Error(`--threads must be a positive integer, got ${values.threads}`);
  console.log('SYNTHETIC national-scale data for scale tests only: codes below the 31 real province prefixes are made up.');
  const s = await generateNational({ households, out: values.out, seed, threads, log: (m) => console.log(m) });
  console.log(
    `Wrote ${values.out}: ${s.households.toLocaleString('en')} households, ${s.incomeRows.toLocaleString('en')} income rows, ` +
      `${s.countiesWithHouseholds} county folders, ${s.villagesWithHouseholds.toLocaleString('en')} villages with households, ` +
      `${(s.bytes / 1e9).toFixed(2)} GB in ${s.seconds.toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(`npm run data:national: ${(error as Error).message}`);
  process.exit(1);
});
