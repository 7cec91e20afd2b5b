/**
 * SQL that builds a stand-in for the Ningxia demo's two large tables, `households` and `income`,
 * following CONTRACT.md "A dataset folder" column for column. The values are plausible, not
 * realistic: the point is the shape (row counts, cardinalities, list columns, NULLs, sort order)
 * that decides how fast a parquet file is read, not the policy figures.
 *
 * Deterministic: every random draw is `hash(row, salt)`, so the same parameters give the same files.
 */

/** 22 county codes of Ningxia (6 digits); villages are spread across them. */
export const STANDIN_COUNTIES = [
  '640104', '640105', '640106', '640121', '640122', '640181', '640202', '640205', '640221',
  '640302', '640303', '640323', '640324', '640381', '640402', '640422', '640423', '640424',
  '640425', '640502', '640521', '640522',
];

/** The 11 collected periods per household: four full years, then 2024 Q1–Q4 and 2025 Q1–Q3. */
export const STANDIN_PERIODS: ReadonlyArray<readonly [number, number]> = [
  [2020, 4], [2021, 4], [2022, 4], [2023, 4],
  [2024, 1], [2024, 2], [2024, 3], [2024, 4],
  [2025, 1], [2025, 2], [2025, 3],
];

export interface StandinSize {
  households: number;
  villages: number;
}

/** Statements that create tables `households` and `income` in the current database. */
export function standinSql({ households, villages }: StandinSize): string[] {
  const counties = STANDIN_COUNTIES.map((c) => `('${c}')`).join(',');
  const periods = STANDIN_PERIODS.map(([y, q]) => `(${y}, ${q})`).join(',');
  // A uniform draw in [0, 1) from a row key and a salt.
  const u = (key: string, salt: string) => `((hash(${key}, '${salt}') % 1000000)::DOUBLE / 1000000)`;
  return [
    `CREATE OR REPLACE TABLE counties AS
       SELECT row_number() OVER () - 1 AS ci, code FROM (VALUES ${counties}) t(code)`,
    // village k of a county: township 001.., village 201..; codes are unique by construction.
    `CREATE OR REPLACE TABLE villages AS
       SELECT v.i AS vi,
              c.code || lpad((1 + (v.i // ${STANDIN_COUNTIES.length}) // 12)::VARCHAR, 3, '0')
                     || lpad((201 + (v.i // ${STANDIN_COUNTIES.length}) % 12)::VARCHAR, 3, '0') AS village_code
       FROM range(${villages}) v(i)
       JOIN counties c ON c.ci = v.i % ${STANDIN_COUNTIES.length}`,
    `CREATE OR REPLACE TABLE hh_raw AS
       SELECT i,
              'H' || substr(md5(i::VARCHAR || ':standin'), 1, 10) AS hh_id,
              (hash(i, 'village') % ${villages})::INTEGER AS vi,
              CASE WHEN ${u('i', 'p')} < 0.10 THEN 1 WHEN ${u('i', 'p')} < 0.28 THEN 2
                   WHEN ${u('i', 'p')} < 0.48 THEN 3 WHEN ${u('i', 'p')} < 0.70 THEN 4
                   WHEN ${u('i', 'p')} < 0.85 THEN 5 WHEN ${u('i', 'p')} < 0.94 THEN 6
                   WHEN ${u('i', 'p')} < 0.98 THEN 7 ELSE 8 END::INTEGER AS persons,
              ${u('i', 'c')} AS uc, ${u('i', 'm')} AS um, ${u('i', 'r')} AS ur,
              ${u('i', 'l')} AS ul, ${u('i', 's')} AS us, ${u('i', 'b')} AS ub,
              ${u('i', 'g')} AS ug
       FROM range(${households}) t(i)`,
    `CREATE OR REPLACE TABLE households AS
       SELECT h.hh_id,
              v.village_code,
              h.persons,
              least(h.persons, floor(h.ul * (h.persons + 1))::INTEGER)::INTEGER AS labour,
              CASE WHEN h.uc < 0.85 THEN 'tuopin' WHEN h.uc < 0.92 THEN 'unstable'
                   WHEN h.uc < 0.98 THEN 'marginal' ELSE 'sudden' END AS category,
              CASE WHEN h.um < 0.35 THEN 'high_quality' WHEN h.um < 0.80 THEN 'stable'
                   WHEN h.um < 0.93 THEN 'key_monitoring' ELSE 'safety_net' END AS mgmt_class,
              floor(h.ul * (h.persons + 1)) = 0 AS no_labour,
              h.us < 0.08 AS safety_net,
              h.ur < 0.15 AS relocated,
              CASE WHEN h.ur < 0.15 THEN 'RS' || lpad((hash(h.i, 'site') % 60)::VARCHAR, 3, '0') END
                AS relocation_site,
              CASE WHEN h.uc < 0.85 AND h.ub > 0.05 THEN []::VARCHAR[]
                   ELSE [t FOR t IN ['illness', 'disability', 'education', 'accident', 'disaster',
                                     'unemployment', 'industry_failure'] IF hash(h.i, t) % 100 < 25]
              END AS risk_tags,
              [m FOR m IN ['industry', 'employment', 'microcredit', 'public_job', 'workshop',
                           'yulu', 'courtyard', 'dividend'] IF hash(h.i, m) % 100 < 30] AS measures,
              h.ub < 0.03 AS risk_cleared,
              -- kept for the income table, dropped on export
              h.i, h.ug, floor(h.ul * (h.persons + 1))::INTEGER AS lab
       FROM hh_raw h JOIN villages v ON v.vi = h.vi`,
    // Year-to-date household income: a per-capita base that grows 4–10 % a year, spread over the
    // quarters by a cumulative share, split into the four components, rounded to whole yuan.
    `CREATE OR REPLACE TABLE income AS
       WITH p AS (SELECT * FROM (VALUES ${periods}) t(year, quarter)),
       x AS (
         SELECT h.hh_id, p.year::INTEGER AS year, p.quarter::INTEGER AS quarter, h.persons, h.lab, h.i,
                (8000 + 9000 * h.ug) * h.persons
                  * pow(1.04 + 0.06 * ${u('h.i', 'gr')}, p.year - 2020)
                  * CASE p.quarter WHEN 1 THEN 0.22 WHEN 2 THEN 0.47 WHEN 3 THEN 0.72 ELSE 1 END
                  * (0.9 + 0.2 * ${u('h.i * 16 + p.year * 4 + p.quarter', 'noise')}) AS net,
                0.45 + 0.25 * ${u('h.i', 'ws')} AS ws,
                0.10 + 0.20 * ${u('h.i', 'os')} AS os
         FROM households h CROSS JOIN p)
       SELECT hh_id, year, quarter,
              round(net * ws) AS wage,
              round(net * os) AS operating,
              round(net * 0.02) AS property,
              round(net * (0.98 - ws - os)) AS transfer,
              (lab * ${u('i', 'out')} * 0.6)::INTEGER AS employed_out_province,
              (lab * ${u('i', 'in')} * 0.3)::INTEGER AS employed_in_province,
              (lab * ${u('i', 'cty')} * 0.4)::INTEGER AS employed_in_county,
              CASE WHEN ${u('i * 16 + year * 4 + quarter', 'dc')} < 0.05
                   THEN (1 + hash(i, year, quarter) % 8)::INTEGER END AS decline_cause
       FROM x`,
  ];
}

/** Column lists in contract order, for the COPY statements. */
export const HOUSEHOLD_COLUMNS =
  'hh_id, village_code, persons, labour, category, mgmt_class, no_labour, safety_net, relocated, ' +
  'relocation_site, risk_tags, measures, risk_cleared';
export const INCOME_COLUMNS =
  'hh_id, year, quarter, wage, operating, property, transfer, employed_out_province, ' +
  'employed_in_province, employed_in_county, decline_cause';
