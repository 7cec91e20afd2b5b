/**
 * Times synthetic township and village polygons for a whole region, two levels deep, as the data
 * generator builds them: `npx tsx bench/partition-divisions.ts [region…]` (default ningxia jiangxi).
 * Reading the files stays out of the timed part. Prints total time and the spread per county.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { parseCsvRecords } from '../src/pipeline/geography/csv';
import { areaKm2, partition, type Areal } from '../src/pipeline/geometry/synthetic-divisions';

function run(region: string): void {
  const dir = join(import.meta.dirname, '../data/geo', region);
  const counties = JSON.parse(readFileSync(join(dir, 'counties.geojson'), 'utf8')) as FeatureCollection<Areal, { code: string; context?: boolean }>;
  const rows = parseCsvRecords(readFileSync(join(dir, 'divisions.csv'), 'utf8'));
  const childrenOf = new Map<string, { code: string; weight: number }[]>();
  for (const row of rows) {
    if (row.parent_code === '') continue;
    // Urban communities (10th digit 0 or 1 of a village code) get smaller cells.
    const weight = row.level === '5' && /^[01]$/.test(row.code![9]!) ? 0.3 : 1;
    childrenOf.set(row.parent_code!, [...(childrenOf.get(row.parent_code!) ?? []), { code: row.code!, weight }]);
  }
  const perCounty: number[] = [];
  let townships = 0, villages = 0, maxAreaError = 0;
  const started = performance.now();
  for (const county of counties.features.filter((f) => f.properties.context !== true)) {
    const t0 = performance.now();
    const townshipCells = partition(county as Feature<Areal>, childrenOf.get(county.properties.code) ?? [], 1);
    townships += townshipCells.size;
    for (const [code, township] of townshipCells) {
      const villageCells = partition(township, childrenOf.get(code) ?? [], 1);
      villages += villageCells.size;
      if (villageCells.size > 0) {
        const sum = [...villageCells.values()].reduce((s, f) => s + areaKm2(f), 0);
        maxAreaError = Math.max(maxAreaError, Math.abs(sum / areaKm2(township) - 1));
      }
    }
    perCounty.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  perCounty.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(
    `${region}: ${perCounty.length} counties → ${townships} townships → ${villages} villages in ${(total / 1000).toFixed(1)} s; ` +
      `per county min ${ms(perCounty[0]!)}, median ${ms(perCounty[perCounty.length >> 1]!)}, max ${ms(perCounty[perCounty.length - 1]!)}; ` +
      `max village-sum area error ${(maxAreaError * 100).toFixed(4)}%`,
  );
}

const regions = process.argv.slice(2);
for (const region of regions.length > 0 ? regions : ['ningxia', 'jiangxi']) run(region);
