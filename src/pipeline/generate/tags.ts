import { isUrbanCommunity } from '../../domain/region-code';
import type { RegionTree } from '../geography/region-tree';
import { Rng } from '../random';
import type { RegionProfile } from './profile';

/**
 * Tags `profile.keyVillages.count` rural villages `key_village` (e.g. former poverty villages,
 * 重点帮扶村), drawn without replacement, villages of `key_county` counties weighted up.
 * Tags describe places, so they do not follow `--scale`. Deterministic for a seed.
 */
export function tagKeyVillages(profile: RegionProfile, tree: RegionTree, seed: number): void {
  const spec = profile.keyVillages;
  if (!spec) return;
  const rng = new Rng(seed, 'key-villages');
  const villages = tree.descendantsAt(profile.rootCode, 5).filter((v) => !isUrbanCommunity(v.code));
  const keyCounty = (code: string) => (profile.tags[code.slice(0, 6) + '000000'] ?? []).includes('key_county');
  // Efraimidis–Spirakis weighted sampling: keep the largest u^(1/w).
  const keyed = villages.map((v) => {
    const w = keyCounty(v.code) ? spec.keyCountyWeight : 1;
    return { v, k: Math.log(rng.uniform() + 1e-300) / w };
  });
  keyed.sort((a, b) => b.k - a.k || a.v.code.localeCompare(b.v.code));
  for (const { v } of keyed.slice(0, Math.min(spec.count, keyed.length))) {
    if (!v.tags.includes('key_village')) v.tags.push('key_village');
  }
}
