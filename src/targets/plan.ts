import {
  EXCLUSIONS,
  METRICS,
  POPULATIONS,
  TARGET_KINDS,
  type Plan,
  type Target,
} from './types';

/**
 * Checks a parsed plan file (CONTRACT.md "A plan file") and returns it typed. Every problem is
 * reported at once, naming the target, so a planner editing the JSON sees what to fix.
 */
export function checkPlan(raw: unknown, origin = 'plan'): Plan {
  const problems: string[] = [];
  const p = raw as Partial<Plan>;
  if (!p || typeof p !== 'object') throw new Error(`${origin}: not a JSON object`);
  for (const key of ['id', 'docNo', 'region', 'source'] as const) {
    if (typeof p[key] !== 'string') problems.push(`"${key}" must be a string`);
  }
  if (typeof p.region === 'string' && !/^\d{12}$/.test(p.region)) problems.push(`"region" must be a 12-digit code, got ${p.region}`);
  if (!p.title?.zh || !p.title?.en) problems.push('"title" needs zh and en');
  if (!Array.isArray(p.period) || p.period.length !== 2) problems.push('"period" must be [from, to]');
  if (!Array.isArray(p.targets) || p.targets.length === 0) problems.push('"targets" must be a non-empty array');
  const ids = new Set<string>();
  for (const [i, t] of (p.targets ?? []).entries()) {
    const where = `target ${t?.id ?? `#${i + 1}`}`;
    for (const problem of targetProblems(t)) problems.push(`${where}: ${problem}`);
    if (ids.has(t.id)) problems.push(`${where}: duplicate id`);
    ids.add(t.id);
  }
  if (problems.length) throw new Error(`${origin}: ${problems.join('; ')}`);
  return p as Plan;
}

function targetProblems(t: Target): string[] {
  const out: string[] = [];
  if (!t || typeof t !== 'object') return ['not an object'];
  if (typeof t.id !== 'string' || !/^[a-z0-9.-]+$/.test(t.id)) out.push('"id" must be lower-case letters, digits, "-" or "."');
  if (!t.label?.zh || !t.label?.en) out.push('"label" needs zh and en');
  if (!TARGET_KINDS.includes(t.kind)) out.push(`unknown kind ${t.kind}`);
  if (!METRICS.includes(t.metric)) out.push(`unknown metric ${t.metric}`);
  if (!POPULATIONS.includes(t.population)) out.push(`unknown population ${t.population}`);
  if (!Array.isArray(t.years) || t.years.length === 0 || !t.years.every(Number.isInteger)) out.push('"years" must be a non-empty list of years');
  if (typeof t.source !== 'string' || !/§/.test(t.source)) out.push('"source" must cite the seed file and its section (§)');
  if (typeof t.quote !== 'string' || t.quote.length === 0) out.push('"quote" must give the seed\'s words');
  for (const e of t.exclude ?? []) if (!EXCLUSIONS.includes(e)) out.push(`unknown exclusion ${e}`);
  if (t.noData) return out; // A target the data cannot evaluate needs no threshold.
  const hasValue = t.value !== undefined;
  switch (t.kind) {
    case 'level':
    case 'count':
    case 'share':
      if (!hasValue && !t.reference) out.push(`a ${t.kind} target needs "value"`);
      break;
    case 'growth':
      if (!hasValue && !t.reference) out.push('a growth target needs "value" or "reference"');
      break;
    case 'ratio':
      if (t.ratio === undefined || !t.reference || Array.isArray(t.reference) || !('series' in t.reference)) out.push('a ratio target needs "ratio" and a reference series');
      break;
    case 'relative':
      if (!t.reference) out.push('a relative target needs "reference"');
      break;
    case 'floor':
      if (t.line === undefined) out.push('a floor target needs "line"');
      break;
  }
  if ((t.metric === 'per_capita_income' || t.metric === 'reference_series') && !['level', 'growth', 'ratio', 'relative'].includes(t.kind)) {
    out.push(`${t.metric} cannot be a ${t.kind} target`);
  }
  if (t.metric === 'reference_series' && (typeof t.series !== 'string' || t.series === '')) out.push('a reference_series target needs "series"');
  if (t.kind === 'relative' && t.metric !== 'per_capita_income' && t.metric !== 'reference_series') {
    out.push('a relative target compares per_capita_income or a reference_series');
  }
  if (Array.isArray(t.reference)) {
    if (t.kind !== 'growth' && t.kind !== 'relative') out.push('only growth and relative targets compare with a list of references');
    if (t.reference.length === 0) out.push('"reference" must not be an empty list');
  }
  if (t.kind === 'floor' && t.metric !== 'households_below') out.push('a floor target counts households_below');
  if (t.population === 'low_income_group' && typeof t.line !== 'number') out.push('the low-income group needs a numeric "line"');
  if ((t.metric === 'collective_income_share' || t.metric === 'collective_income_below') && typeof t.line !== 'number') {
    out.push(`${t.metric} needs a numeric "line"`);
  }
  if ((t.metric.startsWith('facility') || t.metric === 'villages_with_facility_share') && !t.facilityKinds?.length) {
    out.push(`${t.metric} needs "facilityKinds"`);
  }
  return out;
}

/** The threshold of a target in a year: a number, or the year's entry of a per-year object. */
export function valueForYear(v: number | Record<string, number> | undefined, year: number): number | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'number' ? v : v[String(year)];
}
