import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { LEVEL_NAMES, type Level, type LevelName, type Manifest, type RegionPeriodSums } from '../domain/dataset';
import { SumsIndex } from '../domain/income';
import { compareSums, type SumsCheck } from '../domain/sums-check';
import { fromColumnar, type ColumnarJson } from './columnar';
import type { Connector } from './engine/connector';
import { prepareHouseholdTables } from './engine/household-tables';
import { fetchJson, type ProgressCallback } from './fetch-progress';
import { queryRegionPeriodSums } from './queries/region-sums';

export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon, { code: string; name: string; name_en: string }>;

/** Phases of loading a dataset, in order, for the progress indicator. */
export type LoadPhase = 'manifest' | 'boundaries' | 'aggregates' | 'engine' | EngineTable | 'ready';

export interface LoadProgress {
  phase: LoadPhase;
  loaded: number;
  /** NaN when unknown. */
  total: number;
}

/** Tables the engine loads, in order (CONTRACT.md dataset folder); the small ones first. */
export const ENGINE_TABLES = ['regions', 'reference', 'villages', 'facilities', 'households', 'income'] as const;
export type EngineTable = (typeof ENGINE_TABLES)[number];

/**
 * One dataset folder, opened from a URL. Views ask it for what they need; it answers from the
 * small pre-aggregated files while the database engine starts beside them, and from the engine
 * once a question needs household rows. Everything is fetched once and cached.
 */
export class DatasetClient {
  private readonly cache = new Map<string, Promise<unknown>>();
  private enginePromise: Promise<Connector> | null = null;

  private constructor(
    readonly baseUrl: string,
    readonly manifest: Manifest,
    private readonly createConnector: () => Promise<Connector>,
  ) {}

  /** Fetches `manifest.json` from `baseUrl` (a folder URL ending in `/`) and checks it. */
  static async open(baseUrl: string, createConnector: () => Promise<Connector>, onProgress?: (p: LoadProgress) => void): Promise<DatasetClient> {
    const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    const manifest = await fetchJson<Manifest>(`${base}manifest.json`, (loaded, total) => onProgress?.({ phase: 'manifest', loaded, total }));
    checkManifest(manifest, base);
    return new DatasetClient(base, manifest, createConnector);
  }

  /** Absolute URL of a file of the dataset. */
  url(name: string): string {
    return new URL(name, new URL(this.baseUrl, globalThis.location?.href ?? 'http://localhost/')).href;
  }

  /** Polygons of every region at `level`, feature property `code` = 12-digit code. */
  boundaries(level: LevelName, onProgress?: ProgressCallback): Promise<BoundaryCollection> {
    return this.once(`boundaries/${level}`, () => fetchJson<BoundaryCollection>(this.url(`boundaries/${level}.geojson`), onProgress));
  }

  /** Pre-aggregated sums for every region at `level` and every period. */
  regionSums(level: Level, onProgress?: ProgressCallback): Promise<SumsIndex> {
    return this.once(`agg/${level}`, async () => {
      const file = `agg/${LEVEL_NAMES[level]}.json`;
      if (this.manifest.files[file]) {
        const data = await fetchJson<ColumnarJson>(this.url(file), onProgress);
        return new SumsIndex(fromColumnar<RegionPeriodSums>(data));
      }
      // No pre-aggregate for this level: ask the engine (same query the generator used).
      const db = await this.engine();
      return new SumsIndex(await queryRegionPeriodSums(db, { level }));
    });
  }

  /**
   * The database with the household tables registered, started once. Progress goes through the
   * phases engine → households → income → ready.
   */
  engine(onProgress?: (p: LoadProgress) => void): Promise<Connector> {
    if (!this.enginePromise) {
      this.enginePromise = (async () => {
        onProgress?.({ phase: 'engine', loaded: 0, total: Number.NaN });
        const db = await this.createConnector();
        for (const table of ENGINE_TABLES) {
          const file = `${table}.parquet`;
          if (!this.manifest.files[file]) throw new Error(`${file} is not in the dataset's manifest`);
          const total = this.manifest.files[file]?.bytes ?? Number.NaN;
          onProgress?.({ phase: table, loaded: 0, total });
          await db.registerParquet(table, this.url(file), {
            onProgress: (loaded, t) => onProgress?.({ phase: table, loaded, total: Number.isFinite(t) ? t : total }),
          });
        }
        await prepareHouseholdTables(db);
        onProgress?.({ phase: 'ready', loaded: 1, total: 1 });
        return db;
      })();
      this.enginePromise.catch(() => {
        this.enginePromise = null;
      });
    }
    return this.enginePromise;
  }

  /**
   * Checks the pre-aggregated file of `level` against the same sums computed by the engine from
   * the household records. Needs the engine (starts it if need be).
   */
  async verifyAggregates(level: Level): Promise<SumsCheck> {
    const file = `agg/${LEVEL_NAMES[level]}.json`;
    if (!this.manifest.files[file]) throw new Error(`${file} is not in the manifest`);
    const [data, db] = await Promise.all([fetchJson<ColumnarJson>(this.url(file)), this.engine()]);
    return compareSums(fromColumnar<RegionPeriodSums>(data), await queryRegionPeriodSums(db, { level }), 1e-9);
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
    }
    return p;
  }
}

function checkManifest(m: Manifest, base: string): void {
  const missing = ['id', 'name', 'root', 'asOf', 'years', 'files'].filter((k) => (m as unknown as Record<string, unknown>)[k] === undefined);
  if (missing.length) throw new Error(`${base}manifest.json lacks ${missing.join(', ')}`);
}
