import type { ReferenceStatus } from '../../targets/types';
import type { Connector } from '../engine/connector';

export type { ReferenceStatus };

/**
 * One value of a reference series (`reference.parquet`, CONTRACT.md): rural disposable income
 * (`rural_disposable_income`), the national 脱贫人口 average (`tuopin_income_national`), the national
 * 脱贫县 rural residents' income (`tuopin_county_rural_income_national`, a different series), the
 * monitoring line (`monitoring_line`), …
 */
export interface ReferenceValue {
  series: string;
  region_code: string;
  year: number;
  value: number;
  source: string;
  /** `estimate` for illustrative or unverified values (and any status other than `published`); absent or `published`: published. */
  status?: ReferenceStatus;
}

/**
 * Every reference value of the dataset (`reference` table). A table written before the `status`
 * column existed (or a user's own) has every value read as `published`, as its source column says.
 */
export async function queryReference(db: Connector): Promise<ReferenceValue[]> {
  const columns = await db.query<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'reference'");
  const status = columns.some((c) => c.name === 'status')
    ? "CASE WHEN status = 'published' THEN 'published' ELSE 'estimate' END"
    : "'published'";
  return db.query<ReferenceValue>(
    `SELECT series, region_code, year, value, source, ${status} AS status FROM reference ORDER BY series, region_code, year`,
  );
}
