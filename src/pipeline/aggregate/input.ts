import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `aggregate` reads households and income from. Two layouts:
 * - `single`: an ordinary dataset folder, `<input>/households.parquet` + `<input>/income.parquet`;
 * - `partitioned`: `<input>/parts/<county6>/households.parquet` + `…/income.parquet`, one folder per
 *   county named by its 6-digit code (what `npm run data:national` writes and what county offices'
 *   exports land as in object storage), read through a parquet glob.
 */
export interface AggregateInput {
  layout: 'single' | 'partitioned';
  /** A file path or a glob, for `read_parquet`. */
  households: string;
  income: string;
  /** Partitioned layout: the county folders found. */
  counties: string[];
}

/** Finds the layout of `input` and checks that every file it needs is there; errors name the file. */
export function resolveInput(input: string): AggregateInput {
  if (!existsSync(input) || !statSync(input).isDirectory()) throw new Error(`input folder not found: ${input}`);
  const hh = join(input, 'households.parquet');
  const inc = join(input, 'income.parquet');
  const parts = join(input, 'parts');
  if (existsSync(hh) || existsSync(inc)) {
    if (!existsSync(hh)) throw new Error(`missing ${hh} (found ${inc})`);
    if (!existsSync(inc)) throw new Error(`missing ${inc} (found ${hh})`);
    return { layout: 'single', households: hh, income: inc, counties: [] };
  }
  if (!existsSync(parts)) {
    throw new Error(`no input in ${input}: expected ${hh} and ${inc}, or county folders ${join(parts, '<county6>')}/{households,income}.parquet`);
  }
  const counties = readdirSync(parts, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  if (!counties.length) throw new Error(`no county folders in ${parts}`);
  for (const c of counties) {
    if (!/^\d{6}$/.test(c)) throw new Error(`${join(parts, c)}: county folders must be named by the 6-digit county code`);
    for (const f of ['households.parquet', 'income.parquet']) {
      if (!existsSync(join(parts, c, f))) throw new Error(`missing ${join(parts, c, f)}`);
    }
  }
  return {
    layout: 'partitioned',
    households: join(parts, '*', 'households.parquet'),
    income: join(parts, '*', 'income.parquet'),
    counties,
  };
}

/** Columns the aggregation reads, by table, with the type family each must have. */
export const REQUIRED_COLUMNS: Record<'households' | 'income', Record<string, TypeFamily>> = {
  households: { hh_id: 'text', village_code: 'text', persons: 'integer', category: 'text', relocated: 'boolean' },
  income: { hh_id: 'text', year: 'integer', quarter: 'integer', wage: 'number', operating: 'number', property: 'number', transfer: 'number' },
};

export type TypeFamily = 'text' | 'integer' | 'number' | 'boolean';

const FAMILIES: Record<TypeFamily, RegExp> = {
  text: /^VARCHAR$/,
  integer: /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/,
  number: /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\))$/,
  boolean: /^BOOLEAN$/,
};

/**
 * Problems with a table's columns (`described`: name → DuckDB type), as messages naming `source`;
 * empty when the table has every required column with a fitting type.
 */
export function columnProblems(source: string, table: 'households' | 'income', described: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, family] of Object.entries(REQUIRED_COLUMNS[table])) {
    const type = described[name];
    if (type === undefined) problems.push(`${source}: missing column ${name} (${table} needs ${Object.keys(REQUIRED_COLUMNS[table]).join(', ')})`);
    else if (!FAMILIES[family].test(type)) problems.push(`${source}: column ${name} is ${type}, expected ${family}`);
  }
  return problems;
}
