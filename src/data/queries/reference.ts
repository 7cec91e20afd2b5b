import type { Connector } from '../engine/connector';

/** One value of a reference series (rural disposable income, national 脱贫人口 average, monitoring line). */
export interface ReferenceValue {
  series: string;
  region_code: string;
  year: number;
  value: number;
  source: string;
}

/** Every reference value of the dataset (`reference` table). */
export async function queryReference(db: Connector): Promise<ReferenceValue[]> {
  return db.query<ReferenceValue>('SELECT series, region_code, year, value, source FROM reference ORDER BY series, region_code, year');
}
