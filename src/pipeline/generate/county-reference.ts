import type { ReferenceRow } from '../write/tables';
import { Rng } from '../random';
import type { CountyReferenceProfile, RegionProfile } from './profile';

/**
 * Synthetic county values of a reference series for a demo (profile `countyReference`), e.g. the
 * rural disposable income of Jiangxi's 25 key counties, which the plan's key-county targets need
 * (seed 003 §一(三)2) and no published table at hand gives. Each tagged county starts in the
 * first year at a share of the anchor region's value (`level`, uniform) and then grows by the
 * anchor's growth of each year plus `growthOffset` and a normal draw of `growthSpread`. The draws
 * are keyed by seed and county code (same inputs, same values); values are whole yuan, status
 * `estimate`, and the source says they are synthetic, not published figures.
 */
export function syntheticCountyReference(profile: RegionProfile, reference: ReferenceRow[], seed: number): ReferenceRow[] {
  const c = profile.countyReference;
  if (!c) return [];
  const years = [...c.years].sort((a, b) => a - b);
  const anchor = new Map(reference.filter((r) => r.series === c.series && r.region_code === c.anchor).map((r) => [r.year, r.value]));
  for (const y of years) {
    if (!anchor.has(y)) throw new Error(`countyReference: the reference series ${c.series} has no value for ${c.anchor} in ${y}`);
  }
  const counties = Object.entries(profile.tags).filter(([, tags]) => tags.includes(c.tag)).map(([code]) => code).sort();
  const source =
    `synthetic, generated from seed ${seed} by this project's generator (data/profiles/${profile.id}.json countyReference: ` +
    `${c.series} of ${c.anchor} × ${c.level[0]}–${c.level[1]} in ${years[0]}, its yearly growth ${signedPoints(c.growthOffset)} ± ${points(c.growthSpread)}), ` +
    'not published figures';
  const out: ReferenceRow[] = [];
  for (const code of counties) {
    const rng = new Rng(seed, `county-reference:${c.series}:${code}`);
    let value = anchor.get(years[0]!)! * rng.between(c.level[0], c.level[1]);
    for (let i = 0; i < years.length; i++) {
      const year = years[i]!;
      if (i > 0) {
        const anchorGrowth = anchor.get(year)! / anchor.get(years[i - 1]!)! - 1;
        value *= 1 + anchorGrowth + c.growthOffset + c.growthSpread * rng.normal();
      }
      out.push({ series: c.series, region_code: code, year, value: Math.round(value), source, status: 'estimate' });
    }
  }
  return out;
}

/** The provenance sentence of a dataset with synthetic county reference values (none without). */
export function countyReferenceProvenance(profile: RegionProfile, rows: ReferenceRow[]): string {
  const c = profile.countyReference;
  if (!c || rows.length === 0) return '';
  const counties = new Set(rows.map((r) => r.region_code)).size;
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return ` Reference series: ${c.series} of the ${counties} counties tagged ${c.tag} (${years[0]}–${years[years.length - 1]}) is SYNTHETIC ` +
    `(generated from the seed, calibrated to ${c.anchor}'s values in data/reference/reference.csv; status estimate), not published figures; ` +
    'the other reference values are data/reference/reference.csv of this project.';
}

const points = (x: number) => `${(x * 100).toFixed(1)} pts`;
const signedPoints = (x: number) => `${x >= 0 ? '+' : '−'} ${points(Math.abs(x))}`;

export type { CountyReferenceProfile };
