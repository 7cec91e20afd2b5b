import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Source folders and files whose content determines a generated dataset: the generator, the
 * queries of the pre-aggregates, and the target engine that writes `report/<plan>.json`. */
const INPUTS = ['src/pipeline', 'src/domain', 'src/data/queries', 'src/targets', 'src/data/plan-evaluation.ts'];

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

/**
 * A hash of everything a region's dataset is generated from (generator code, the region's
 * profile and geography, reference series, plans and target engine, seed and scale). `npm start` / `npm test` regenerate
 * the demo data when the stored fingerprint differs, so a code change never leaves stale data.
 */
export function datasetFingerprint(region: string, seed: number, scale: number, root = '.', dataDir = 'data'): string {
  const files = [
    ...INPUTS.flatMap((d) => listFiles(join(root, d))),
    join(dataDir, 'profiles', `${region}.json`),
    ...listFiles(join(dataDir, 'geo', region)),
    ...listFiles(join(dataDir, 'reference')),
    // The plans evaluated into report/<plan>.json (all of them: a profile names its plans by id), and the
    // manifest names the first plan's population.
    ...listFiles(join(dataDir, 'plans')),
  ];
  const hash = createHash('sha256');
  hash.update(`${region}|${seed}|${scale}\n`);
  for (const f of files) {
    hash.update(relative(root, f).replace(/\\/g, '/'));
    hash.update('\0');
    hash.update(readFileSync(f));
  }
  return hash.digest('hex').slice(0, 16);
}
