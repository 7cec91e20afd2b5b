import { BOM, csvField } from '../domain/csv';
import type { SitingResult } from './suggest';

/**
 * The answer in the formats `npm run site --format` and the app's exports write: CSV (one row per
 * suggested site, UTF-8 with BOM, CRLF, as the app's other CSV exports), GeoJSON (a Point per
 * site; the question and totals under the foreign member `siting`) and a terminal table.
 */

export function sitesCsv(r: SitingResult): string {
  const weighted = r.weightedCovered !== undefined;
  const head = ['rank', 'villageCode', 'name', 'lon', 'lat', 'gain', ...(weighted ? ['weightedGain'] : []), 'cumulativeCovered', 'radiusKm', 'kind', 'population', 'year', 'method', 'optimal'];
  let cumulative = 0;
  const lines = r.sites.map((s, i) => {
    cumulative += s.gain;
    return [i + 1, s.villageCode, s.name, s.lon, s.lat, s.gain, ...(weighted ? [s.weightedGain ?? null] : []), cumulative, r.radiusKm, r.kind, r.population, r.year, r.method, String(r.optimal)];
  });
  return BOM + [head, ...lines].map((f) => f.map(csvField).join(',') + '\r\n').join('');
}

/** The metadata both GeoJSON and the app's table show: the question and its totals, without the site list. */
export function sitingSummary(r: SitingResult): Omit<SitingResult, 'sites'> {
  const { sites: _sites, ...rest } = r;
  return rest;
}

export function sitesGeoJson(r: SitingResult): { type: 'FeatureCollection'; siting: Omit<SitingResult, 'sites'>; features: unknown[] } {
  return {
    type: 'FeatureCollection',
    siting: sitingSummary(r),
    features: r.sites.map((s, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { rank: i + 1, villageCode: s.villageCode, name: s.name, gain: s.gain, ...(s.weightedGain !== undefined ? { weightedGain: s.weightedGain } : {}), radiusKm: r.radiusKm, kind: r.kind },
    })),
  };
}

const n = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 2 });

export function sitesTable(r: SitingResult): string {
  const weighted = r.weightedCovered !== undefined;
  const lines = [
    `${r.method} · ${r.population} · ${r.year} · ${r.kind} within ${r.radiusKm} km · k = ${r.k} · scope ${r.scope}${weighted ? ` · weights ${r.weights}` : ''}`,
    `demand ${n(r.demandTotal)} households; covered by existing ${r.kind} ${n(r.coveredByExisting)}; newly covered by ${r.sites.length} sites ${n(r.covered)}` +
      (weighted ? ` (weighted: demand ${n(r.weightedDemandTotal!)}, existing ${n(r.weightedCoveredByExisting!)}, new ${n(r.weightedCovered!)})` : ''),
    r.optimal ? 'optimal' : `not proved optimal: upper bound ${n(r.bound)}, gap ${(r.gap * 100).toFixed(2)}% (${r.status})`,
    '',
    'rank  village        name                gain' + (weighted ? '   weighted' : ''),
    ...r.sites.map((s, i) => `${String(i + 1).padStart(4)}  ${s.villageCode}  ${s.name.padEnd(16, '　')}  ${String(s.gain).padStart(6)}` + (weighted ? `  ${n(s.weightedGain ?? 0).padStart(9)}` : '')),
    '',
    'greedy curve: ' + r.curve.map((c) => `${c.k}:${c.covered}`).join(' '),
  ];
  if (r.unplaced) lines.push(`${r.unplaced} households are in villages without a centre in regions.parquet and are not placed`);
  return lines.join('\n') + '\n';
}
