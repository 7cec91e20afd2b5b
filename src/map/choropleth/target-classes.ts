import type { Status, TargetEvaluation } from '../../targets/types';
import { classify, type Classification } from './classes';

/** Status colours, shared by the map and the scorecard chips (app.css `.status-*`). */
export const STATUS_COLORS: Record<Exclude<Status, 'no_data'>, string> = {
  met: '#1a7f37',
  on_track: '#4c9a2a',
  at_risk: '#bf8700',
  missed: '#cf222e',
};
export const STATUS_ORDER: Exclude<Status, 'no_data'>[] = ['met', 'on_track', 'at_risk', 'missed'];

/** A classification whose classes are target statuses (the legend lists them by name). */
export interface StatusClassification extends Classification {
  categories: Exclude<Status, 'no_data'>[];
}

/**
 * Colours units by the status of one target: a class per status present, in the fixed order
 * met, on track, at risk, missed; `no_data` units go to the no-data fill.
 */
export function statusClassification(evaluations: ReadonlyMap<string, TargetEvaluation | undefined>, codes: string[]): StatusClassification {
  const present = STATUS_ORDER.filter((s) => [...evaluations.values()].some((e) => e?.status === s));
  const classByCode = new Map<string, number>();
  const noData: string[] = [];
  const counts = new Array<number>(present.length).fill(0);
  for (const code of codes) {
    const s = evaluations.get(code)?.status;
    const i = s && s !== 'no_data' ? present.indexOf(s) : -1;
    if (i < 0) noData.push(code);
    else {
      classByCode.set(code, i);
      counts[i]++;
    }
  }
  return {
    breaks: present.slice(1).map((_, i) => i + 0.5),
    classes: present.map((s, i) => ({ lower: i, upper: i, color: STATUS_COLORS[s], count: counts[i] })),
    noData,
    center: null,
    classByCode,
    categories: present,
  };
}

/**
 * Colours units by their gap to one target on a diverging ramp centred on zero (the target):
 * one side short of it, the other beyond it. Gaps are in the target's unit.
 */
export function gapClassification(
  evaluations: ReadonlyMap<string, TargetEvaluation | undefined>,
  codes: string[],
  method: 'quantile' | 'jenks',
  k = 5,
): Classification {
  const values = new Map(codes.map((c) => [c, evaluations.get(c)?.gap ?? Number.NaN]));
  return classify(values, { method, k, ramp: 'diverging', center: 0 });
}
