/**
 * Synthetic national geography for the scale test (`npm run data:national`). Only the 31 two-digit
 * province prefixes are real; every city, county, township and village code below them is made up
 * (deterministic from the seed), and the county counts and household weights per province are
 * rough, illustrative figures chosen to spread households plausibly — not statistics.
 */
export interface NationalProvince {
  /** Real 2-digit province prefix of the statistical code. */
  prefix: string;
  /** Synthetic counties (close to the province's real number of county-level units). */
  counties: number;
  /** Relative weight of households (illustrative: more in the former poverty areas of the west and centre). */
  weight: number;
}

export const NATIONAL_PROVINCES: NationalProvince[] = [
  { prefix: '11', counties: 16, weight: 0.05 },
  { prefix: '12', counties: 16, weight: 0.05 },
  { prefix: '13', counties: 167, weight: 4 },
  { prefix: '14', counties: 117, weight: 3 },
  { prefix: '15', counties: 103, weight: 2 },
  { prefix: '21', counties: 100, weight: 1 },
  { prefix: '22', counties: 60, weight: 1 },
  { prefix: '23', counties: 121, weight: 1.5 },
  { prefix: '31', counties: 16, weight: 0.03 },
  { prefix: '32', counties: 95, weight: 0.5 },
  { prefix: '33', counties: 90, weight: 0.3 },
  { prefix: '34', counties: 104, weight: 4 },
  { prefix: '35', counties: 84, weight: 0.8 },
  { prefix: '36', counties: 100, weight: 3 },
  { prefix: '37', counties: 136, weight: 2 },
  { prefix: '41', counties: 157, weight: 6 },
  { prefix: '42', counties: 103, weight: 4 },
  { prefix: '43', counties: 122, weight: 5 },
  { prefix: '44', counties: 122, weight: 1 },
  { prefix: '45', counties: 111, weight: 5 },
  { prefix: '46', counties: 25, weight: 0.6 },
  { prefix: '50', counties: 38, weight: 2 },
  { prefix: '51', counties: 183, weight: 6 },
  { prefix: '52', counties: 88, weight: 7 },
  { prefix: '53', counties: 129, weight: 7 },
  { prefix: '54', counties: 74, weight: 0.7 },
  { prefix: '61', counties: 107, weight: 4 },
  { prefix: '62', counties: 86, weight: 5 },
  { prefix: '63', counties: 44, weight: 0.6 },
  { prefix: '64', counties: 22, weight: 0.8 },
  { prefix: '65', counties: 107, weight: 3 },
];

/** Collected periods (year to date): year-end rows 2020–2024, then quarters 1–3 of 2025 (as of 2025 Q3). */
export const NATIONAL_PERIODS: { year: number; quarter: number }[] = [
  ...[2020, 2021, 2022, 2023, 2024].map((year) => ({ year, quarter: 4 })),
  ...[1, 2, 3].map((quarter) => ({ year: 2025, quarter })),
];

/** Share of the year's income collected by the end of each quarter (year to date). */
export const YEAR_TO_DATE = [0.22, 0.47, 0.72, 1];

export const RISK_TAGS = ['illness', 'disability', 'education', 'unstable_employment', 'industry_failure', 'disaster', 'accident', 'labour_shortage'];
export const MEASURES = ['employment', 'industry', 'microcredit', 'courtyard', 'public_job', 'workshop', 'yulu', 'dividend'];

const sqlList = (xs: string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

/**
 * SQL statements building `nat_village (code, county6, hh_start, hh_end)`: ~40,000 townships (6–22 per
 * county) and ~500,000 villages (4–21 per township), each village owning the households
 * [hh_start, hh_end) of `households` in code order. `u(a, b)` is the seeded uniform macro.
 */
export function geographySql(households: number): string[] {
  if (!Number.isInteger(households) || households < 1) throw new Error(`households must be a positive integer, got ${households}`);
  const values = NATIONAL_PROVINCES.map((p) => `('${p.prefix}', ${p.counties}, ${p.weight})`).join(', ');
  return [
    `CREATE OR REPLACE TABLE nat_province AS SELECT * FROM (VALUES ${values}) t(p, n, w)`,
    `CREATE OR REPLACE TABLE nat_county AS
     SELECT p, k, county6, w / n * (0.4 + 1.2 * u(county6, 1)) AS cw
     FROM (SELECT p, n, w, k, p || lpad((k // 8 + 1)::VARCHAR, 2, '0') || lpad((k % 8 + 1)::VARCHAR, 2, '0') AS county6
           FROM (SELECT p, n, w, unnest(range(n)) AS k FROM nat_province))`,
    `CREATE OR REPLACE TABLE nat_township AS
     SELECT county6, cw, county6 || (100 + t)::VARCHAR AS town9
     FROM (SELECT county6, cw, unnest(range((6 + hash(county6, nat_seed(), 2) % 17)::BIGINT)) AS t FROM nat_county)`,
    `CREATE OR REPLACE TABLE nat_village_w AS
     SELECT code, county6, cw * vu / sum(vu) OVER (PARTITION BY county6) AS vw
     FROM (SELECT town9 || (200 + v)::VARCHAR AS code, county6, cw, 0.2 + u(town9 || (200 + v)::VARCHAR, 3) AS vu
           FROM (SELECT town9, county6, cw, unnest(range((4 + hash(town9, nat_seed(), 4) % 18)::BIGINT)) AS v FROM nat_township))`,
    `CREATE OR REPLACE TABLE nat_village AS
     SELECT code, county6, coalesce(lag(hh_end) OVER (ORDER BY code), 0) AS hh_start, hh_end
     FROM (SELECT code, county6,
             CASE WHEN row_number() OVER w = count(*) OVER () THEN ${households}
                  ELSE round(${households} * sum(vw) OVER (w ROWS UNBOUNDED PRECEDING) / sum(vw) OVER ())::BIGINT END AS hh_end
           FROM nat_village_w WINDOW w AS (ORDER BY code))
     ORDER BY code`,
  ];
}

/**
 * SELECT of the households of one county, computed from `nat_village` and the household index `i`
 * alone (nothing national is held in memory): the contract's household columns plus `i`, `county6`
 * and the hidden inputs of the income (`base` per-capita income 2020, `g` yearly growth, component weights).
 */
export function countyHouseholdsSql(county6: string): string {
  if (!/^\d{6}$/.test(county6)) throw new Error(`not a county code: ${county6}`);
  return `WITH v AS (SELECT code, county6, unnest(range(hh_start, hh_end)) AS i FROM nat_village WHERE county6 = '${county6}' AND hh_end > hh_start),
r AS (SELECT i, code, county6, u(i, 10) AS r_persons, u(i, 11) AS r_labour, u(i, 12) AS r_cat, u(i, 13) AS r_mgmt,
        u(i, 14) AS r_reloc, u(i, 17) AS r_risk, u(i, 18) AS r_meas, u(i, 19) AS r_clear FROM v),
p AS (SELECT *, CASE WHEN r_persons < 0.08 THEN 1 WHEN r_persons < 0.22 THEN 2 WHEN r_persons < 0.42 THEN 3
                     WHEN r_persons < 0.68 THEN 4 WHEN r_persons < 0.86 THEN 5 WHEN r_persons < 0.95 THEN 6 ELSE 7 END::INTEGER AS persons,
         CASE WHEN r_cat < 0.90 THEN 'tuopin' WHEN r_cat < 0.94 THEN 'unstable' WHEN r_cat < 0.975 THEN 'marginal' ELSE 'sudden' END AS category,
         CASE WHEN r_mgmt < 0.30 THEN 'high_quality' WHEN r_mgmt < 0.78 THEN 'stable' WHEN r_mgmt < 0.92 THEN 'key_monitoring' ELSE 'safety_net' END AS mgmt_class,
         ${sqlList(RISK_TAGS)}[(1 + hash(i, nat_seed(), 20) % 8)::BIGINT] AS risk1, ${sqlList(RISK_TAGS)}[(1 + hash(i, nat_seed(), 21) % 8)::BIGINT] AS risk2,
         ${sqlList(MEASURES)}[(1 + hash(i, nat_seed(), 22) % 8)::BIGINT] AS meas1, ${sqlList(MEASURES)}[(1 + hash(i, nat_seed(), 23) % 8)::BIGINT] AS meas2
      FROM r),
q AS (SELECT *, least(persons, floor(r_labour * (persons * 0.75 + 1)))::INTEGER AS labour FROM p)
SELECT i,
  'N' || lpad(i::VARCHAR, 10, '0') AS hh_id,
  code AS village_code,
  county6,
  persons,
  labour,
  category,
  mgmt_class,
  labour = 0 AS no_labour,
  mgmt_class = 'safety_net' AS safety_net,
  r_reloc < 0.12 AS relocated,
  CASE WHEN r_reloc < 0.12 THEN 'RS' || county6 || lpad((hash(i, nat_seed(), 15) % 4)::VARCHAR, 2, '0') END AS relocation_site,
  CASE WHEN category = 'tuopin' THEN []::VARCHAR[] WHEN r_risk < 0.7 OR risk1 = risk2 THEN [risk1] ELSE [risk1, risk2] END AS risk_tags,
  CASE WHEN r_meas < 0.2 THEN []::VARCHAR[] WHEN r_meas < 0.7 OR meas1 = meas2 THEN [meas1] ELSE [meas1, meas2] END AS measures,
  category <> 'tuopin' AND r_clear < 0.55 AS risk_cleared,
  (6000 + 8000 * u(i, 24) + 4000 * u(i, 25)) * (0.8 + 0.4 * u(county6, 5)) AS base,
  0.04 + 0.12 * u(i, 26) AS g,
  0.45 + 0.30 * u(i, 27) AS sw, 0.10 + 0.15 * u(i, 28) AS so, 0.01 + 0.03 * u(i, 29) AS sp, 0.08 + 0.12 * u(i, 30) AS st,
  floor(labour * u(i, 31) * 0.5)::INTEGER AS e_out
FROM q
ORDER BY i`;
}

/** Contract columns of households.parquet, from `countyHouseholdsSql`. */
export const HOUSEHOLD_COLUMNS =
  'hh_id, village_code, persons, labour, category, mgmt_class, no_labour, safety_net, relocated, relocation_site, risk_tags, measures, risk_cleared';

/** SELECT of the income rows (contract columns) of one county, in household then period order. */
export function incomeSelectSql(county6: string): string {
  const periods = NATIONAL_PERIODS.map((p) => `(${p.year}, ${p.quarter}, ${YEAR_TO_DATE[p.quarter - 1]})`).join(', ');
  return `WITH per AS (SELECT * FROM (VALUES ${periods}) t(year, quarter, ytd)),
x AS (SELECT h.*, per.year, per.quarter,
        h.base * pow(1 + h.g, per.year - 2020) * (0.94 + 0.12 * u(h.i * 8 + per.year, 32)) * h.persons * per.ytd / (h.sw + h.so + h.sp + h.st) AS share_unit
      FROM (${countyHouseholdsSql(county6)}) h, per)
SELECT hh_id, year::INTEGER AS year, quarter::INTEGER AS quarter,
  round(share_unit * sw) AS wage, round(share_unit * so) AS operating, round(share_unit * sp) AS property, round(share_unit * st) AS transfer,
  e_out AS employed_out_province,
  floor((labour - e_out) * u(i, 33) * 0.6)::INTEGER AS employed_in_province,
  floor((labour - e_out) * u(i, 34) * 0.3)::INTEGER AS employed_in_county,
  CASE WHEN u(i * 8 + year * 4 + quarter, 35) < 0.04 THEN (1 + hash(i, year, nat_seed(), 36) % 8)::INTEGER END AS decline_cause
FROM x
ORDER BY i, year, quarter`;
}
