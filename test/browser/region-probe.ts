/**
 * The region switcher GETs `data/<id>/manifest.json` of every demo region to learn which exist
 * (src/data/demo-regions.ts). For a region not generated into `dist/`, Chromium logs the 404 as a
 * console error. These helpers recognise exactly those expected errors, so the "no console
 * error" assertions stay strict about everything else.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_REGIONS } from '../../src/data/demo-regions';

/** Demo region ids without a dataset in `dist`. */
export function absentDemoRegions(dist: string): string[] {
  return DEMO_REGIONS.map((r) => r.id).filter((id) => !existsSync(resolve(dist, `data/${id}/manifest.json`)));
}

/** Recorded errors (see `recordPage`) minus the 404s of manifests of demo regions absent from `dist`. */
export function errorsBesidesAbsentRegions(errors: string[], dist: string): string[] {
  const absent = new Set(absentDemoRegions(dist));
  return errors.filter((e) => {
    const m = /^console\.error: Failed to load resource: the server responded with a status of 404 \(Not Found\) \((.+)\)$/.exec(e);
    if (!m) return true;
    const path = /\/data\/([a-z]+)\/manifest\.json$/.exec(new URL(m[1]).pathname);
    return !(path && absent.has(path[1]));
  });
}
