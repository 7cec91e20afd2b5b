/**
 * SQL the two connectors issue themselves, kept in one place so both behave alike.
 * Written for DuckDB 0.9 (duckdb-wasm 1.28.0, see bench/parquet-path/RESULTS.md).
 */

/**
 * Extension autoloading off: DuckDB must never wait on the network (STACK.md "the one trap").
 * parquet is built into duckdb-wasm 1.28, so nothing needs loading.
 */
export const OFFLINE_SETTINGS = [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
];

/** Table and view names are plain identifiers; anything else is a programming error. */
export function checkName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`invalid table name ${JSON.stringify(name)}: use letters, digits and _`);
  }
  return name;
}

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export type RelationKind = 'table' | 'view';

/** Drops whatever relation an earlier registerParquet made under `name` (DuckDB 0.9 refuses a
 * `DROP VIEW` on a table and vice versa, so the kind must be known). */
export function dropStatement(name: string, kind: RelationKind | undefined): string | null {
  if (!kind) return null;
  return `DROP ${kind === 'table' ? 'TABLE' : 'VIEW'} IF EXISTS ${checkName(name)}`;
}

/** Copies a registered parquet file into a table. */
export function createTableFromParquet(name: string, file: string): string {
  return `CREATE TABLE ${checkName(name)} AS SELECT * FROM read_parquet(${quoteLiteral(file)})`;
}

/** A view reading a registered parquet file on every query. */
export function createViewOverParquet(name: string, file: string): string {
  return `CREATE VIEW ${checkName(name)} AS SELECT * FROM read_parquet(${quoteLiteral(file)})`;
}
