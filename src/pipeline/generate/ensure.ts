import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../../domain/dataset';
import { generateDataset } from './dataset';
import { datasetFingerprint } from './fingerprint';
import { loadProfile } from './profile';

/** Regions shipped as demo data with the app. */
export const DEMO_REGIONS = ['ningxia', 'daxiang', 'jiyuan', 'beizhang', 'jiangxi'];

/**
 * Extra demo folders: Jiangxi split by county at scale 0.02 (18,000 households), so the tests
 * exercise the partitioned path (per-county files fetched on drill) that the full-size province
 * (`npm run data -- --region jiangxi --scale 1 --partition county`) uses. Open it with `?data=data/jiangxi-parts`.
 */
export const EXTRA_DEMOS: { id: string; region: string; scale: number; partition: 'county' }[] = [
  { id: 'jiangxi-parts', region: 'jiangxi', scale: 0.02, partition: 'county' },
];

/**
 * Makes sure each demo dataset exists under `public/data/<id>/` and matches the current generator,
 * profile and geography (by fingerprint); regenerates it otherwise. Returns the regions regenerated.
 */
export async function ensureDemoData(regions = DEMO_REGIONS, log: (m: string) => void = console.log): Promise<string[]> {
  const regenerated: string[] = [];
  for (const region of regions) {
    const out = join('public', 'data', region);
    const profile = loadProfile(region);
    const want = datasetFingerprint(region, profile.seed, profile.defaultScale ?? 1);
    const manifestPath = join(out, 'manifest.json');
    let have: string | undefined;
    if (existsSync(manifestPath)) {
      try {
        have = (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest).generator?.fingerprint;
      } catch {
        have = undefined;
      }
    }
    if (have === want) {
      log(`demo data ${region}: up to date (${want})`);
      continue;
    }
    log(`demo data ${region}: ${have ? 'stale' : 'missing'}, generating into ${out} …`);
    await generateDataset({ region, out, log });
    regenerated.push(region);
  }
  if (regions === DEMO_REGIONS) {
    for (const extra of EXTRA_DEMOS) {
      const out = join('public', 'data', extra.id);
      const profile = loadProfile(extra.region);
      const want = datasetFingerprint(extra.region, profile.seed, extra.scale);
      const manifestPath = join(out, 'manifest.json');
      const have = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : null;
      if (have?.generator?.fingerprint === want && have.partitions) {
        log(`demo data ${extra.id}: up to date (${want})`);
        continue;
      }
      log(`demo data ${extra.id}: ${have ? 'stale' : 'missing'}, generating into ${out} …`);
      await generateDataset({ region: extra.region, out, scale: extra.scale, partition: extra.partition, log });
      regenerated.push(extra.id);
    }
  }
  return regenerated;
}
