import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENGINE_TABLES } from '../../data/dataset-client';
import type { Connector } from '../../data/engine/connector';
import { appendHouseholdTables, prepareHouseholdTables } from '../../data/engine/household-tables';
import { createNodeConnector } from '../../data/engine/node';
import type { Manifest } from '../../domain/dataset';

function existingFile(dir: string, name: string): string {
  const file = join(dir, name);
  if (!existsSync(file)) throw new Error(`${file} not found`);
  return file;
}

/**
 * A dataset folder opened in the Node engine (DuckDB-WASM, the browser's engine and SQL) with its
 * tables registered as the app registers them and the household tables prepared
 * (src/data/engine/household-tables.ts); partitioned datasets are read county by county.
 * The caller closes `db`.
 */
export async function openDatasetEngine(data: string): Promise<{ db: Connector; manifest: Manifest; dir: string }> {
  const dir = resolve(data);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: is ${data} a dataset folder? (npm run data -- --region <id>)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const db = createNodeConnector();
  try {
    if (manifest.partitions) {
      for (const table of ENGINE_TABLES.filter((t) => t !== 'households' && t !== 'income')) {
        await db.registerParquet(table, existingFile(dir, `${table}.parquet`));
      }
      for (const code of Object.keys(manifest.partitions.counties).sort()) {
        const part = manifest.partitions.counties[code];
        await db.registerParquet('households__part', existingFile(dir, part.households));
        await db.registerParquet('income__part', existingFile(dir, part.income));
        await appendHouseholdTables(db, 'households__part', 'income__part');
      }
    } else {
      for (const table of ENGINE_TABLES) await db.registerParquet(table, existingFile(dir, `${table}.parquet`));
      await prepareHouseholdTables(db);
    }
  } catch (e) {
    await db.close();
    throw e;
  }
  return { db, manifest, dir };
}
