import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Connector } from '../data/engine/connector';

/**
 * Native DuckDB for the Node-side pipeline (generator, import): parquet is built in and it is
 * several times faster than WASM for writing files. It implements the same `Connector` as the
 * browser engine, so the generator pre-aggregates with exactly the queries the app runs.
 */
export class NativeDuckDB implements Connector {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** `config`: further DuckDB settings (e.g. `temp_directory`, `memory_limit`, `preserve_insertion_order`). */
  static async open(options: { threads?: number; config?: Record<string, string> } = {}): Promise<NativeDuckDB> {
    const instance = await DuckDBInstance.create(':memory:', {
      autoload_known_extensions: 'false',
      autoinstall_known_extensions: 'false',
      ...(options.threads ? { threads: String(options.threads) } : {}),
      ...options.config,
    });
    return new NativeDuckDB(instance, await instance.connect());
  }

  /** A further connection to the same database (for running independent statements concurrently). */
  async connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => toPlain(row) as T);
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async registerParquet(name: string, source: string): Promise<void> {
    await this.connection.run(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * FROM read_parquet(${quoteString(source)})`);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** BigInt → number, nested arrays and objects converted likewise. */
function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Date) return value;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Bad identifier ${name}`);
  return `"${name}"`;
}

export function quoteString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
