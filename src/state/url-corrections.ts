import type { DatasetClient } from '../data/dataset-client';
import { FetchError } from '../data/fetch-progress';
import { LEVEL_NAMES, type Level, type Manifest } from '../domain/dataset';
import { isWithin, levelOfCode } from '../domain/drill';
import { shortVillageName } from '../domain/names';
import { ancestorCode } from '../domain/region-code';
import { resolvePeriod, selectableYears, type HasPeriod, type Period } from './period';
import type { ViewState } from './view-state';

/**
 * Corrections of what a URL asks for against the dataset that is open (ARCHITECTURE.md "First
 * screen"): a value the dataset does not have is replaced by what is shown instead, the URL is
 * rewritten in place (history.replaceState), and the user is told by a notice.
 */

/** Something the URL asked for that the dataset does not have; shown as a dismissable notice. */
export type UrlNotice =
  | { kind: 'no-unit'; code: string; instead: { name: string; name_en: string } | null }
  | { kind: 'no-period'; year: number; quarter: number | null; shown: Period | null }
  | { kind: 'no-plan'; plan: string; shown: string | null }
  | { kind: 'no-target'; target: string }
  | { kind: 'bad-dataset'; value: string };

/** Equal notices have equal keys (a notice is shown once). */
export function noticeKey(n: UrlNotice): string {
  switch (n.kind) {
    case 'no-unit': return `unit:${n.code}`;
    case 'no-period': return `period:${n.year}:${n.quarter ?? ''}`;
    case 'no-plan': return `plan:${n.plan}`;
    case 'no-target': return `target:${n.target}`;
    case 'bad-dataset': return `data:${n.value}`;
  }
}

/**
 * The period and plan a view asks for, checked against the loaded dataset: a year without data
 * (or a year-to-date quarter the year lacks) and a plan the dataset does not name fall back to
 * the default, with a notice; a quarter without a year is dropped (it is ignored on screen).
 * Pure: `has` tells which periods have data, `plans` the dataset's plans the app has.
 */
export function correctPeriodAndPlan(
  view: Pick<ViewState, 'year' | 'quarter' | 'plan'>,
  manifest: Pick<Manifest, 'asOf' | 'years'>,
  has: HasPeriod,
  plans: readonly string[],
): { patch: Partial<ViewState>; notices: UrlNotice[] } {
  const patch: Partial<ViewState> = {};
  const notices: UrlNotice[] = [];
  if (view.year === null) {
    if (view.quarter !== null) patch.quarter = null;
  } else if (!selectableYears(manifest, has).some((y) => y.year === view.year)) {
    patch.year = null;
    patch.quarter = null;
    notices.push({ kind: 'no-period', year: view.year, quarter: view.quarter, shown: resolvePeriod({ year: null, quarter: null }, manifest, has) });
  } else if (view.quarter !== null && !has(view.year, view.quarter)) {
    patch.quarter = null;
    notices.push({ kind: 'no-period', year: view.year, quarter: view.quarter, shown: resolvePeriod({ year: view.year, quarter: null }, manifest, has) });
  }
  if (view.plan !== null && !plans.includes(view.plan)) {
    patch.plan = null;
    notices.push({ kind: 'no-plan', plan: view.plan, shown: plans[0] ?? null });
  }
  return { patch, notices };
}

/** The unit a requested code stands for: itself when the dataset has it, else its nearest ancestor that it has. */
export interface CheckedUnit {
  /** The code to show (the dataset's root code when no ancestor below the root exists). */
  code: string;
  /** True when the requested code itself exists. */
  exists: boolean;
  /** Names of `code` when known from the boundaries (null for the root and unnamed units). */
  names: { name: string; name_en: string } | null;
}

/**
 * Finds `requested` in the dataset, or its nearest existing ancestor (640422999999 → the county
 * 640422 when there is no township 640422999 in it); a code outside the dataset's root, or above
 * it, stands for the root. A unit exists when its level's boundaries (or, without them, its
 * level's pre-aggregate) hold it; a level the dataset has no file for is taken on trust. These
 * are the files the unit's view loads anyway (use-unit-data.ts). Rejects on a network failure
 * (existence unknown).
 */
export async function nearestUnit(client: DatasetClient, requested: string): Promise<CheckedUnit> {
  const root = client.manifest.root;
  const atRoot: CheckedUnit = { code: root.code, exists: requested === root.code, names: null };
  if (requested === root.code || !/^\d{12}$/.test(requested)) return atRoot;
  if (levelOfCode(requested) < root.level || !isWithin(requested, root.code, root.level)) return atRoot;
  for (let level = levelOfCode(requested); level > root.level; level--) {
    const code = ancestorCode(requested, level as Level);
    // A code whose digits at this level are zeros is not a unit of this level (640422000001 has no township).
    if (levelOfCode(code) !== level) continue;
    const found = await unitIn(client, code, level as Level);
    if (found) return { code, exists: code === requested, names: found === true ? null : found };
  }
  return { ...atRoot, exists: false };
}

/** Whether the dataset has `code` at `level`: its names, true (exists, unnamed), or false. */
async function unitIn(client: DatasetClient, code: string, level: Level): Promise<{ name: string; name_en: string } | boolean> {
  const m = client.manifest;
  const levelName = LEVEL_NAMES[level];
  if (m.files[`boundaries/${levelName}.geojson`] !== undefined || (client.partitioned && level >= 4)) {
    let features;
    try {
      features = (level >= 4 ? await client.boundariesIn(levelName, `${code.slice(0, 6)}000000`) : await client.boundaries(levelName)).features;
    } catch (error) {
      // A partitioned dataset without that county's partition does not have the unit.
      if (error instanceof FetchError) throw error;
      return false;
    }
    const f = features.find((x) => x.properties.code === code);
    if (!f) return false;
    return { name: level === 5 ? shortVillageName(f.properties.name) : f.properties.name, name_en: f.properties.name_en };
  }
  if (m.files[`agg/${levelName}.json`] !== undefined) return (await client.regionSums(level)).rowsOf(code).length > 0;
  return true;
}
