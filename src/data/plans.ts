import { checkPlan } from '../targets/plan';
import type { Plan } from '../targets/types';

/**
 * The seed plans bundled with the app (`data/plans/*.json`), loaded on demand and checked. A
 * dataset names its plans in `manifest.plans`; the app offers those it has.
 */
const files = import.meta.glob<unknown>('../../data/plans/*.json', { import: 'default' });

const byId = new Map(Object.entries(files).map(([path, load]) => [path.replace(/^.*\/(.*)\.json$/, '$1'), load]));

export const BUNDLED_PLAN_IDS: string[] = [...byId.keys()].sort();

/** Plans the dataset names that the app bundles. */
export function availablePlans(planIds: string[]): string[] {
  return planIds.filter((id) => BUNDLED_PLAN_IDS.includes(id));
}

const cache = new Map<string, Promise<Plan>>();

/** A bundled plan by id; rejects with a clear message for an unknown id. */
export function loadBundledPlan(id: string): Promise<Plan> {
  let p = cache.get(id);
  if (!p) {
    const load = byId.get(id);
    p = load
      ? load().then((raw) => checkPlan(raw, `data/plans/${id}.json`))
      : Promise.reject(new Error(`No plan "${id}" is bundled (have: ${BUNDLED_PLAN_IDS.join(', ')})`));
    cache.set(id, p);
  }
  return p;
}
