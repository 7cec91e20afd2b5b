/**
 * The one narrow door to the database. Every query in the product goes through a Connector;
 * views never see it directly (they call named query functions in `src/data/queries/`).
 *
 * Two implementations share this interface: the browser one (DuckDB-WASM in a worker, bundled
 * wasm, started lazily once) and the Node one (DuckDB-WASM blocking build, for tests and
 * `npm run report`). Extension autoloading is always off so nothing ever waits on the network.
 */
export interface Connector {
  /**
   * Runs one SQL statement and returns its rows as plain objects. Integers that DuckDB returns
   * as BigInt are converted to `number`; DECIMAL to `number`; VARCHAR[] to `string[]`;
   * NULL to `null`.
   */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /**
   * Makes a parquet file queryable as table or view `name`. `source` is a URL (browser) or a
   * file path (Node). Replaces an earlier table of that name.
   */
  registerParquet(name: string, source: string, options?: RegisterOptions): Promise<void>;
  /** Frees the database. The connector is unusable afterwards. */
  close(): Promise<void>;
}

export interface RegisterOptions {
  /** Called as bytes arrive, for the loading indicator. `total` is NaN when unknown. */
  onProgress?: (loaded: number, total: number) => void;
  /**
   * Browser: register the URL for HTTP range reads and make a VIEW over it instead of fetching
   * the whole file (for a copy that reads each column once, e.g. a county's partition). Node
   * reads the local file either way.
   */
  remote?: boolean;
}

/**
 * A connector that can also hold files in the engine's virtual file system: the browser's import
 * writes CSV buffers in, builds tables from them and copies the parquet files `COPY … TO` writes
 * back out (src/data/import/). Names are plain file names (`[A-Za-z0-9_.-]`).
 */
export interface FileConnector extends Connector {
  /** The path SQL names the file by (`read_csv('…')`, `COPY … TO '…'`): the name itself in the browser, a temporary folder's file in Node. */
  filePath(name: string): string;
  writeFile(name: string, bytes: Uint8Array): Promise<void>;
  readFile(name: string): Promise<Uint8Array>;
  dropFile(name: string): Promise<void>;
}

/** Checks a virtual file name (it is spliced into SQL strings). */
export function checkFileName(name: string): void {
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) throw new Error(`Bad file name ${JSON.stringify(name)}`);
}
