import type { Connector } from '../engine/connector';
import { withHouseholdIncome } from './household-income';
import type { PanelScope } from './panels';
import { ancestorExpr, intLiteral } from './sql';
import type { HouseholdRecord, Level } from '../../domain/dataset';

/** One anonymised household as the household table and the ledgers show it. No names, IDs or places finer than the village. */
export interface HouseholdRow extends HouseholdRecord {
  wage: number;
  operating: number;
  property: number;
  transfer: number;
  net: number;
  per_capita: number;
  /** Per-capita net income of the same period last year; null without it. */
  prev_per_capita: number | null;
  /** Growth of net income against the same period last year; null without it. */
  growth: number | null;
  decline_cause: number | null;
  employed: number;
}

/** Columns the household table may sort by. */
export const HOUSEHOLD_SORT_KEYS = [
  'hh_id', 'village_code', 'persons', 'labour', 'category', 'mgmt_class', 'wage', 'operating', 'property', 'transfer',
  'net', 'per_capita', 'growth', 'decline_cause', 'employed',
] as const;
export type HouseholdSortKey = (typeof HOUSEHOLD_SORT_KEYS)[number];

const ROW_SQL = `hh_id, village_code, persons, labour, category, mgmt_class, no_labour, safety_net, relocated, relocation_site,
  risk_tags, measures, risk_cleared, wage, operating, property, transfer, net, per_capita,
  prev_net / persons AS prev_per_capita,
  CASE WHEN prev_net > 0 THEN net / prev_net - 1 ELSE NULL END AS growth,
  decline_cause, employed`;

export interface HouseholdPage {
  rows: HouseholdRow[];
  /** Households in the whole scope (all pages). */
  total: number;
}

/** One page of the scope's households, sorted (ties broken by hh_id so pages are stable). */
export async function queryHouseholdPage(
  db: Connector,
  scope: PanelScope,
  page: { sort: HouseholdSortKey; descending: boolean; offset: number; limit: number },
): Promise<HouseholdPage> {
  if (!HOUSEHOLD_SORT_KEYS.includes(page.sort)) throw new Error(`Cannot sort households by ${page.sort}`);
  const [rows, [count]] = await withHouseholdIncome(db, scope, (base) => Promise.all([
    db.query<HouseholdRow>(`SELECT * FROM (SELECT ${ROW_SQL} FROM (${base}) x) t
      ORDER BY ${page.sort} ${page.descending ? 'DESC' : 'ASC'} NULLS LAST, hh_id
      LIMIT ${intLiteral(page.limit)} OFFSET ${intLiteral(page.offset)}`),
    db.query<{ n: number }>(`SELECT count(*) AS n FROM (${base}) x`),
  ]));
  return { rows, total: count?.n ?? 0 };
}

/** The three ledgers (台账) of seed 003 §三(三). */
export type LedgerKind = 'monitoring_range' | 'falling' | 'relocated';
export const LEDGER_KINDS: LedgerKind[] = ['monitoring_range', 'falling', 'relocated'];

export interface LedgerOptions {
  kind: LedgerKind;
  /** For `monitoring_range`: the year's monitoring income line, yuan per person. */
  line?: number;
  /**
   * For `monitoring_range` in an incomplete year: year-to-date per-capita income is multiplied by
   * this factor (the projection of `src/targets/projection.ts`) before comparing with the line.
   */
  annualFactor?: number;
}

/** SQL condition selecting a ledger's households from `householdIncomeSql` rows. */
function ledgerWhere(options: LedgerOptions): string {
  if (options.kind === 'monitoring_range') {
    const line = options.line;
    const factor = options.annualFactor ?? 1;
    if (line === undefined || !Number.isFinite(line)) throw new Error('The monitoring-range ledger needs the monitoring line');
    if (!(factor > 0)) throw new Error(`Bad annual factor ${factor}`);
    return `per_capita * ${factor} < ${line}`;
  }
  if (options.kind === 'falling') return 'prev_net IS NOT NULL AND net < prev_net';
  if (options.kind === 'relocated') return 'relocated';
  throw new Error(`Unknown ledger ${String(options.kind)}`);
}

/**
 * The households of a ledger: within the monitoring range (per-capita income below the line),
 * income falling against the same period last year (net income lower), or relocated (易地扶贫搬迁).
 * Ordered by per-capita income, lowest first. The whole ledger, for its export.
 */
export async function queryLedger(db: Connector, scope: PanelScope, options: LedgerOptions): Promise<HouseholdRow[]> {
  const where = ledgerWhere(options);
  return withHouseholdIncome(db, scope, (households) => db.query<HouseholdRow>(`SELECT ${ROW_SQL} FROM (${households}) x
    WHERE ${where} ORDER BY per_capita, hh_id`));
}

/** A ledger's households and income summed per region of one level. */
export interface LedgerUnit {
  code: string;
  households: number;
  persons: number;
  wage: number;
  operating: number;
  property: number;
  transfer: number;
}

/**
 * What the ledgers panel shows without holding the whole ledger: its households summed per region
 * of `unitLevel`, and its first `firstRows` rows in ledger order. At a province a ledger has tens
 * of thousands of rows; turning them all into objects on the page was the slowest part of a
 * cross-filter change (docs/BENCHMARKS.md, "History"). The export asks for the whole ledger (`queryLedger`).
 */
export async function queryLedgerView(
  db: Connector,
  scope: PanelScope,
  options: LedgerOptions,
  unitLevel: Level,
  firstRows: number,
): Promise<{ units: LedgerUnit[]; first: HouseholdRow[] }> {
  const where = ledgerWhere(options);
  const [units, first] = await withHouseholdIncome(db, scope, (households) => {
    const rows = `SELECT * FROM (${households}) x WHERE ${where}`;
    return Promise.all([
      db.query<LedgerUnit>(`SELECT ${ancestorExpr('village_code', unitLevel)} AS code, count(*) AS households, sum(persons) AS persons,
        sum(wage) AS wage, sum(operating) AS operating, sum(property) AS property, sum(transfer) AS transfer
        FROM (${rows}) l GROUP BY 1 ORDER BY 1`),
      db.query<HouseholdRow>(`SELECT ${ROW_SQL} FROM (${rows}) x ORDER BY per_capita, hh_id LIMIT ${intLiteral(firstRows)}`),
    ]);
  });
  return { units, first };
}
