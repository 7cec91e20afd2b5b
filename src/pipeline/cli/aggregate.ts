import { parseArgs } from 'node:util';
import { aggregateDataset } from '../aggregate/run';
import { parseLevels } from '../aggregate/levels';

const USAGE = 'Usage: npm run aggregate -- --input <folder> --out <folder> [--threads n] [--levels 1-5] [--memory-limit 8GB]';

/**
 * `npm run aggregate`: the pre-aggregated tables `agg/<level>.{json,parquet}` from households and
 * income in native DuckDB, with the product's own region-sums SQL. Input: a dataset folder or a
 * partitioned folder `parts/<county6>/{households,income}.parquet` (see src/pipeline/aggregate/input.ts).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string' },
      out: { type: 'string' },
      threads: { type: 'string' },
      levels: { type: 'string' },
      'memory-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.input || !values.out) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) throw new Error(`--threads must be a positive integer, got ${values.threads}`);
  const levels = values.levels === undefined ? undefined : parseLevels(values.levels);
  const t0 = performance.now();
  const result = await aggregateDataset({
    input: values.input,
    out: values.out,
    threads,
    levels,
    memoryLimit: values['memory-limit'],
    log: (m) => console.log(m),
  });
  console.log(`Wrote ${result.files.length} files to ${values.out} (levels ${result.levels.join(', ')}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(`npm run aggregate: ${(error as Error).message}`);
  process.exit(1);
});
