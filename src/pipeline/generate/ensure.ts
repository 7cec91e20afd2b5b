import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../../domain/dataset';
import { generateDataset } from './dataset';
import { datasetFingerprint } from './fingerprint';
import { loadProfile } from './profile';

/** Regions shipped as demo data with the app. */
export const DEMO_REGIONS = ['ningxia', 'daxiang', 'jiyuan', 'beizhang', 'jiangxi'];

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
  return regenerated;
}
