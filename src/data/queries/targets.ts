import { populationCondition } from '../../domain/population';
import type { Level } from '../../domain/dataset';
import type { Exclusion, MetricId, Population } from '../../targets/types';
import type { Connector } from '../engine/connector';
import { householdCode } from '../engine/household-tables';
import { ancestorExpr, codeLiteral, intLiteral, wordLiteral } from './sql';

/**
 * Named queries behind the targets engine (src/targets/). They return plain numbers per unit;
 * the engine turns them into actual, target, gap and status. The app and `npm run report` call
 * exactly these.
 */

/** Income sums per unit, period and household group: every population the income targets use is a sum of these rows. */
export interface GroupSums {
  code: string;
  year: number;
  quarter: number;
  /** 脱贫人口 that are not monitoring objects: category tuopin (src/targets/types.ts `Population`). */
  tuopin: boolean;
  /** One of the three kinds of monitoring objects (unstable, marginal, sudden): disjoint from `tuopin`. */
  monitored: boolean;
  relocated: boolean;
  with_labour: boolean;
  households: number;
  persons: number;
  net: number;
}

function codeList(codes: string[]): string {
  if (codes.length === 0) throw new Error('No units to evaluate');
  return codes.map(codeLiteral).join(', ');
}

function inCodes(column: string, level: Level, codes: string[]): string {
  return `${ancestorExpr(column, level)} IN (${codeList(codes)})`;
}

/** Income sums of `codes` (all at `level`) by period and household group. */
export async function queryGroupSums(db: Connector, level: Level, codes: string[]): Promise<GroupSums[]> {
  return db.query<GroupSums>(`SELECT ${householdCode('h', level)} AS code, i.year AS year, i.quarter AS quarter,
      ${populationCondition('tuopin', 'h')} AS tuopin, ${populationCondition('monitored', 'h')} AS monitored,
      h.relocated AS relocated, h.labour > 0 AS with_labour,
      count(*) AS households, sum(h.persons) AS persons,
      sum(i.wage + i.operating + i.property + i.transfer) AS net
    FROM income i JOIN households h ON i.hh_key = h.hh_key
    WHERE ${householdCode('h', level)} IN (${codeList(codes)})
    GROUP BY ALL ORDER BY 1, 2, 3`);
}

/** Whether a row of `GroupSums` belongs to a population (the household-level populations only). */
export function groupInPopulation(g: GroupSums, population: Population): boolean {
  switch (population) {
    case 'all':
      return true;
    case 'tuopin':
      return g.tuopin;
    case 'monitored':
      return g.monitored;
    case 'relocated':
      return g.relocated;
    case 'with_labour':
      return g.with_labour;
    case 'relocated_with_labour':
      return g.relocated && g.with_labour;
    default:
      throw new Error(`Population ${population} is not a fixed household group`);
  }
}

/** A household, village or facility metric at one period for `codes` at `level`. */
export interface CountRequest {
  metric: MetricId;
  population: Population;
  level: Level;
  codes: string[];
  year: number;
  quarter: number;
  /** Income line (floor, low-income group) or collective-income line, yuan. */
  line?: number;
  /** Multiplies year-to-date per-capita income before comparing with the line (projection; 1 for a full year). */
  factor?: number;
  exclude?: Exclusion[];
  destination?: 'out_province' | 'in_province' | 'in_county';
  facilityKinds?: string[];
  everyQuarter?: boolean;
}

export interface CountRow {
  code: string;
  numerator: number;
  denominator: number;
}

function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`Not a finite number: ${x}`);
  return String(x);
}

function householdPopulationSql(p: Population, line: number | undefined, factor: number): string {
  switch (p) {
    case 'all':
      return 'TRUE';
    case 'tuopin':
    case 'monitored':
      return populationCondition(p, 'h');
    case 'relocated':
      return 'h.relocated';
    case 'with_labour':
      return 'h.labour > 0';
    case 'relocated_with_labour':
      return 'h.relocated AND h.labour > 0';
    case 'low_income_group':
      // Seed 004 §二(一)4: per-capita net income below the line and not rising on last year (same
      // year-to-date period; the income is projected to the full year before meeting the yearly line).
      if (line === undefined) throw new Error('The low-income group needs a line');
      return `c.net IS NOT NULL AND c.net / h.persons * ${num(factor)} < ${num(line)} AND p.net IS NOT NULL AND c.net <= p.net`;
    default:
      throw new Error(`Population ${p} is not a household group`);
  }
}

function exclusionSql(exclude: Exclusion[] | undefined): string[] {
  return (exclude ?? []).map((e) => {
    switch (e) {
      case 'no_labour':
        return 'NOT h.no_labour';
      case 'safety_net':
        return 'NOT h.safety_net';
      case 'no_labour_safety_net':
        return 'NOT (h.no_labour AND h.safety_net)';
    }
  });
}

const EMPLOYED = {
  all: 'c.employed_out_province + c.employed_in_province + c.employed_in_county',
  out_province: 'c.employed_out_province',
  in_province: 'c.employed_in_province',
  in_county: 'c.employed_in_county',
};

/** SQL of a household metric: numerator and denominator per unit. */
export function householdCountSql(r: CountRequest): string {
  const y = intLiteral(r.year);
  const q = intLiteral(r.quarter);
  const where = [`${householdCode('h', r.level)} IN (${codeList(r.codes)})`, householdPopulationSql(r.population, r.line, r.factor ?? 1), ...exclusionSql(r.exclude)];
  const employed = EMPLOYED[r.destination ?? 'all'];
  let numerator: string;
  let denominator = 'count(*)';
  switch (r.metric) {
    case 'households_below':
      if (r.line === undefined) throw new Error('households_below needs a line');
      where.push('c.net IS NOT NULL');
      numerator = `count(*) FILTER (WHERE c.net / h.persons * ${num(r.factor ?? 1)} < ${num(r.line)})`;
      break;
    case 'employed_persons':
      where.push('c.net IS NOT NULL');
      numerator = `coalesce(sum(${employed}), 0)`;
      break;
    case 'zero_employment_households':
      where.push('c.net IS NOT NULL');
      numerator = `count(*) FILTER (WHERE h.labour > 0 AND ${EMPLOYED.all} = 0)`;
      break;
    case 'employed_household_share':
      where.push('c.net IS NOT NULL');
      numerator = `count(*) FILTER (WHERE ${EMPLOYED.all} > 0)`;
      break;
    case 'measure_share':
      numerator = 'count(*) FILTER (WHERE len(h.measures) > 0)';
      break;
    case 'class_assigned_share':
      numerator = `count(*) FILTER (WHERE h.mgmt_class IN (${['high_quality', 'stable', 'key_monitoring', 'safety_net'].map(wordLiteral).join(', ')}))`;
      break;
    case 'surveyed_share':
      numerator = r.everyQuarter
        ? `count(*) FILTER (WHERE (SELECT count(DISTINCT s.quarter) FROM income s WHERE s.hh_key = h.hh_key AND s.year = ${y} AND s.quarter <= ${q}) = ${q})`
        : 'count(*) FILTER (WHERE c.net IS NOT NULL AND p.net IS NOT NULL)';
      break;
    case 'falling_share':
      where.push('c.net IS NOT NULL AND p.net IS NOT NULL');
      numerator = 'coalesce(sum(h.persons) FILTER (WHERE c.net < p.net), 0)';
      denominator = 'sum(h.persons)';
      break;
    default:
      throw new Error(`${r.metric} is not a household metric`);
  }
  return `SELECT ${householdCode('h', r.level)} AS code, ${numerator} AS numerator, ${denominator} AS denominator
    FROM households h
    LEFT JOIN (SELECT hh_key, wage + operating + property + transfer AS net, employed_out_province, employed_in_province, employed_in_county
               FROM income WHERE year = ${y} AND quarter = ${q}) c ON c.hh_key = h.hh_key
    LEFT JOIN (SELECT hh_key, wage + operating + property + transfer AS net FROM income WHERE year = ${y} - 1 AND quarter = ${q}) p ON p.hh_key = h.hh_key
    WHERE ${where.join(' AND ')}
    GROUP BY 1 ORDER BY 1`;
}

/** SQL of a village metric (collective income, facilities per village). */
export function villageCountSql(r: CountRequest): string {
  const y = intLiteral(r.year);
  const within = inCodes('r.code', r.level, r.codes);
  const villages = r.population === 'key_villages' ? "r.level = 5 AND list_contains(r.tags, 'key_village')" : 'r.level = 5';
  switch (r.metric) {
    case 'collective_income_share':
    case 'collective_income_below': {
      if (r.line === undefined) throw new Error(`${r.metric} needs a line`);
      const cmp = r.metric === 'collective_income_share' ? '>=' : '<';
      return `SELECT ${ancestorExpr('r.code', r.level)} AS code,
          count(*) FILTER (WHERE v.collective_income ${cmp} ${num(r.line)}) AS numerator, count(*) AS denominator
        FROM villages v JOIN regions r ON r.code = v.village_code
        WHERE v.year = ${y} AND ${villages} AND ${within}
        GROUP BY 1 ORDER BY 1`;
    }
    case 'villages_with_facility_share':
      return `SELECT ${ancestorExpr('r.code', r.level)} AS code,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM facilities f WHERE f.village_code = r.code
            AND f.kind IN (${kinds(r)}) AND f.opened_year <= ${y} AND f.status <> 'idle')) AS numerator,
          count(*) AS denominator
        FROM regions r WHERE ${villages} AND ${within}
        GROUP BY 1 ORDER BY 1`;
    default:
      throw new Error(`${r.metric} is not a village metric`);
  }
}

function kinds(r: CountRequest): string {
  if (!r.facilityKinds?.length) throw new Error(`${r.metric} needs facility kinds`);
  return r.facilityKinds.map(wordLiteral).join(', ');
}

/** SQL of a facility metric: facilities of the kinds open by the year and not idle, counted or their jobs summed. */
export function facilityCountSql(r: CountRequest): string {
  const place = 'coalesce(f.village_code, f.county_code)';
  const numerator = r.metric === 'facility_jobs' ? 'coalesce(sum(f.jobs), 0)' : 'count(*)';
  return `SELECT ${ancestorExpr(place, r.level)} AS code, ${numerator} AS numerator, count(*) AS denominator
    FROM facilities f
    WHERE f.kind IN (${kinds(r)}) AND f.opened_year <= ${intLiteral(r.year)} AND f.status <> 'idle' AND ${inCodes(place, r.level, r.codes)}
    GROUP BY 1 ORDER BY 1`;
}

/** Runs the right query for a metric; units without rows get zero counts. */
export async function queryCounts(db: Connector, r: CountRequest): Promise<Map<string, CountRow>> {
  let sql: string;
  if (r.metric === 'facility_count' || r.metric === 'facility_jobs') sql = facilityCountSql(r);
  else if (r.metric === 'collective_income_share' || r.metric === 'collective_income_below' || r.metric === 'villages_with_facility_share') sql = villageCountSql(r);
  else sql = householdCountSql(r);
  const rows = await db.query<CountRow>(sql);
  const out = new Map<string, CountRow>(r.codes.map((code) => [code, { code, numerator: 0, denominator: 0 }]));
  for (const row of rows) out.set(row.code, row);
  return out;
}

/** Villages' collective income exists for full years only: the latest year up to `year` that has it. */
export async function queryCollectiveYears(db: Connector): Promise<number[]> {
  const rows = await db.query<{ year: number }>('SELECT DISTINCT year FROM villages ORDER BY 1');
  return rows.map((r) => r.year);
}
