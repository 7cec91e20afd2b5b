import type { Connector } from './connector';

/** TEMPORARY placeholder: the DuckDB-WASM browser connector replaces this file at merge. */
export const createBrowserConnector = (): Promise<Connector> => Promise.reject(new Error('engine not merged yet'));
