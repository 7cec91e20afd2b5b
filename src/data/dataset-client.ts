import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { LEVEL_NAMES, SUM_FIELDS, type Level, type LevelName, type Manifest, type RegionPeriodSums } from '../domain/dataset';
import { SumsIndex } from '../domain/income';
import { compareSums, type SumsCheck } from '../domain/sums-check';
import { fromColumnar, type ColumnarJson } from './columnar';
import type { Connector } from './engine/connector';
import { appendHouseholdTables, prepareHouseholdTables } from './engine/household-tables';
import { dropPeriodTables } from './queries/household-income';
import { levelOfCode } from '../domain/drill';
import type { TargetEvaluation } from '../targets/types';
import { fetchJson, type ProgressCallback } from './fetch-progress';
import { isLocalDataset, localFileUrl } from './local-folder';
import { queryRegionPeriodSums } from './queries/region-sums';
import { replaceReferenceRows, type ReferenceValue } from './queries/reference';
import { FilterCube } from './queries/filter-cube';
import type { Within } from './queries/filter';
import { UnitSeries } from './queries/unit-series';
import type { MapScope } from '../domain/drill';
import type { Period } from '../domain/filter';

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
  private readonly results = new QueryCache();
  // The engine without the result cache, for the statements that change tables.
  private raw: Connector | null = null;
  // The engine runs one statement at a time; the map's cross-filter cube goes before queued panel queries.
  private readonly queue = new StatementQueue();
  private urgent: Connector | null = null;
  private readonly counties = new Map<string, Promise<void>>();
  // Cross-filter cubes by map scope and period, most recently used last.
  private readonly cubes = new Map<string, Promise<FilterCube>>();
  // Units' sums per period by household attributes (`UnitSeries`), most recently used last.
  private readonly series = new Map<string, Promise<UnitSeries>>();
  // County partitions are added one at a time (they share the staging table names).
  private appending: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly baseUrl: string,
    readonly manifest: Manifest,
    private readonly createConnector: () => Promise<Connector>,
  ) {}

  /** Fetches `manifest.json` from `baseUrl` (a folder URL ending in `/`) and checks it. */
  static async open(baseUrl: string, createConnector: () => Promise<Connector>, onProgress?: (p: LoadProgress) => void): Promise<DatasetClient> {
    const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    const manifestUrl = isLocalDataset(base) ? localFileUrl(base, 'manifest.json') : `${base}manifest.json`;
    const manifest = await fetchJson<Manifest>(manifestUrl, (loaded, total) => onProgress?.({ phase: 'manifest', loaded, total }));
    checkManifest(manifest, base);
    return new DatasetClient(base, manifest, createConnector);
  }

  /** Absolute URL of a file of the dataset. */
  url(name: string): string {
    if (isLocalDataset(this.baseUrl)) return localFileUrl(this.baseUrl, name);
    return new URL(name, new URL(this.baseUrl, globalThis.location?.href ?? 'http://localhost/')).href;
  }

  /** True when household data and township/village files are split by county (`manifest.partitions`). */
  get partitioned(): boolean {
    return this.manifest.partitions?.by === 'county';
  }

  /** Polygons of every region at `level`, feature property `code` = 12-digit code. */
  boundaries(level: LevelName, onProgress?: ProgressCallback): Promise<BoundaryCollection> {
    return this.once(`boundaries/${level}`, () => fetchJson<BoundaryCollection>(this.url(`boundaries/${level}.geojson`), onProgress));
  }

  /**
   * Polygons at `level` a view inside `county` (12 digits) needs: in a partitioned dataset the
   * township and village polygons come from that county's own file, never the whole province's.
   */
  boundariesIn(level: LevelName, county: string): Promise<BoundaryCollection> {
    const part = this.partOf(level, county);
    if (!part) return this.boundaries(level);
    return this.once(`boundaries/${level}/${county}`, () => fetchJson<BoundaryCollection>(this.url(part.boundaries[part.level])));
  }

  /** Pre-aggregated sums at `level` for a view inside `county`: that county's file when partitioned. */
  regionSumsIn(level: Level, county: string): Promise<SumsIndex> {
    const part = this.partOf(LEVEL_NAMES[level], county);
    if (!part) return this.regionSums(level);
    return this.once(`agg/${level}/${county}`, async () => new SumsIndex(sumsRows(await fetchJson<ColumnarJson>(this.url(part.agg[part.level])))));
  }

  /** The pre-aggregated sums of one region for every period (its county's file when partitioned). */
  async unitSums(within: { code: string; level: Level }): Promise<RegionPeriodSums[]> {
    const index = await this.regionSumsIn(within.level, `${within.code.slice(0, 6)}000000`);
    return index.rowsOf(within.code);
  }

  private partOf(level: LevelName, county: string) {
    if (!this.partitioned || (level !== 'township' && level !== 'village')) return null;
    const files = this.manifest.partitions!.counties[county];
    if (!files) throw new Error(`县 ${county} 不在本数据集的分区中 · County ${county} has no partition in this dataset`);
    return { ...files, level };
  }

  /** Pre-aggregated sums for every region at `level` and every period. */
  regionSums(level: Level, onProgress?: ProgressCallback): Promise<SumsIndex> {
    return this.once(`agg/${level}`, async () => {
      const file = `agg/${LEVEL_NAMES[level]}.json`;
      if (this.manifest.files[file]) {
        const data = await fetchJson<ColumnarJson>(this.url(file), onProgress);
        return new SumsIndex(sumsRows(data));
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
        const engine = await this.createConnector();
        const db = this.queue.wrap(engine, false);
        this.urgent = this.queue.wrap(engine, true);
        const partitioned = this.partitioned;
        for (const table of ENGINE_TABLES) {
          // Partitioned: the household tables are filled county by county (`engineFor`).
          if (partitioned && (table === 'households' || table === 'income')) continue;
          const file = `${table}.parquet`;
          if (!this.manifest.files[file]) throw new Error(`${file} is not in the dataset's manifest`);
          const total = this.manifest.files[file]?.bytes ?? Number.NaN;
          onProgress?.({ phase: table, loaded: 0, total });
          await db.registerParquet(table, this.url(file), {
            onProgress: (loaded, t) => onProgress?.({ phase: table, loaded, total: Number.isFinite(t) ? t : total }),
          });
        }
        if (!partitioned) await prepareHouseholdTables(db);
        onProgress?.({ phase: 'ready', loaded: 1, total: 1 });
        this.raw = db;
        return this.results.wrap(db);
      })();
      this.enginePromise.catch(() => {
        this.enginePromise = null;
      });
    }
    return this.enginePromise;
  }

  /**
   * The engine, ready for household queries about `unit` (12 digits). In a partitioned dataset
   * this loads the unit's county partition first — read by HTTP range requests into the prepared
   * tables, once per county — and refuses units above county level, whose household rows the
   * browser never holds (their figures come from the pre-aggregates and pre-computed reports).
   */
  async engineFor(unit: string): Promise<Connector> {
    const db = await this.engine();
    if (!this.partitioned) return db;
    if (levelOfCode(unit) < 3) throw new PartitionScopeError();
    await this.ensureCounty(`${unit.slice(0, 6)}000000`);
    return db;
  }

  /**
   * The cross-filter cube (`FilterCube`) of a map scope and period, built by the engine on first
   * need and kept for the last few scopes and periods, so a filter changed again on the same map is
   * answered without the engine. Its rows bypass the SQL result cache (the cube holds them).
   */
  filterCube(scope: MapScope, period: Period): Promise<FilterCube> {
    const key = `${scope.level}|${scope.scope}|${period.year}|${period.quarter}`;
    let p = this.cubes.get(key);
    if (p) this.cubes.delete(key);
    else {
      p = this.engineFor(scope.scope).then(() => FilterCube.build(this.urgent!, scope, period));
      p.catch(() => this.cubes.delete(key));
    }
    this.cubes.set(key, p);
    while (this.cubes.size > CUBES_KEPT) this.cubes.delete(this.cubes.keys().next().value!);
    return p;
  }

  /**
   * The unit's sums of every period by category, management class and relocated (`UnitSeries`),
   * built by the engine on first need and kept for the last few units: the trend and composition
   * panels answer a filter on those attributes from it without the engine.
   */
  unitSeries(within: Within): Promise<UnitSeries> {
    const key = `${within.level}|${within.code}`;
    let p = this.series.get(key);
    if (p) this.series.delete(key);
    else {
      p = this.engineFor(within.code).then(() => UnitSeries.build(this.raw!, within));
      p.catch(() => this.series.delete(key));
    }
    this.series.set(key, p);
    while (this.series.size > SERIES_KEPT) this.series.delete(this.series.keys().next().value!);
    return p;
  }

  /** Loads one county's households and income into the engine (partitioned datasets), once. */
  ensureCounty(county: string): Promise<void> {
    let p = this.counties.get(county);
    if (!p) {
      const files = this.manifest.partitions?.counties[county];
      if (!files) return Promise.reject(new Error(`县 ${county} 不在本数据集的分区中 · County ${county} has no partition in this dataset`));
      const task = async () => {
        await this.engine();
        const db = this.raw!;
        await db.registerParquet('households_in', this.url(files.households), { remote: true });
        await db.registerParquet('income_in', this.url(files.income), { remote: true });
        await appendHouseholdTables(db, 'households_in', 'income_in');
        // Tables of one period's households were made from the counties loaded before.
        await dropPeriodTables(db);
        this.results.clear();
        this.series.clear();
      };
      p = this.appending.then(task, task);
      this.appending = p.catch(() => undefined);
      this.counties.set(county, p);
      p.catch(() => this.counties.delete(county));
    }
    return p;
  }

  /**
   * The pre-computed evaluation of plan `planId` (`manifest.reports`: the generator's
   * `evaluatePlan` rows for the root and every county, each year), or null when there is none.
   * Partitioned datasets show scorecards and target maps above county level from it.
   */
  precomputedReport(planId: string): Promise<TargetEvaluation[] | null> {
    const file = this.manifest.reports?.[planId];
    if (!file || (this.referenceAdded && !this.partitioned)) return Promise.resolve(null);
    return this.once(`report/${planId}`, () => fetchJson<TargetEvaluation[]>(this.url(file)));
  }

  /** Counties whose household partition the engine holds (partitioned datasets). */
  get loadedCounties(): string[] {
    return [...this.counties.keys()];
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

  // Whether reference values were added (`addReference`): the pre-computed report predates them.
  private referenceAdded = false;

  /**
   * Adds reference values (e.g. a user's county series read by `parseReferenceCsv`) to the engine's
   * `reference` table, each replacing the value of the same series, region and year, and forgets
   * every query result, so the next plan evaluation (scorecard, target maps) uses them. From then on
   * `precomputedReport` answers null for a dataset the engine holds whole, so its scorecards are
   * evaluated anew; a dataset split by county keeps its report above county level (the engine
   * cannot evaluate there), whose rows do not see the added values. Starts the engine if need be.
   * Returns how many existing values were replaced; throws (changing nothing) on a malformed row.
   */
  async addReference(rows: readonly ReferenceValue[]): Promise<number> {
    await this.engine();
    const replaced = await replaceReferenceRows(this.raw!, rows);
    this.results.clear();
    if (rows.length > 0) this.referenceAdded = true;
    return replaced;
  }
}

/**
 * The engine's statements, one at a time, urgent ones first. The engine worker runs them one after
 * another anyway; queueing them here lets the map's question overtake the panels' (which are
 * issued first, as React runs the panels' effects before the dashboard's).
 */
class StatementQueue {
  private busy = false;
  private readonly urgent: (() => void)[] = [];
  private readonly normal: (() => void)[] = [];

  wrap(db: Connector, urgent: boolean): Connector {
    return {
      query: <T,>(sql: string) => this.run(() => db.query<T>(sql), urgent),
      registerParquet: (name, source, options) => this.run(() => db.registerParquet(name, source, options), urgent),
      close: () => db.close(),
    };
  }

  private run<T>(task: () => Promise<T>, urgent: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      (urgent ? this.urgent : this.normal).push(() => {
        task().then(resolve, reject).finally(() => {
          this.busy = false;
          this.next();
        });
      });
      this.next();
    });
  }

  private next(): void {
    if (this.busy) return;
    const start = this.urgent.shift() ?? this.normal.shift();
    if (!start) return;
    this.busy = true;
    start();
  }
}

/** Cross-filter cubes kept (a root cube of the Ningxia demo is ~37,000 cells, ~3 MB of typed arrays). */
const CUBES_KEPT = 6;
/** Unit series kept (a few hundred rows each). */
const SERIES_KEPT = 12;

/** A household query above county level in a dataset partitioned by county. */
export class PartitionScopeError extends Error {
  constructor() {
    super('户级数据按县分区：请进入一个县查看 · Household data is split by county: open a county to see it');
    this.name = 'PartitionScopeError';
  }
}

/**
 * Results of read-only queries, kept by their SQL (the tables only change when a county partition
 * is added, which clears it): panels that ask the same question share one answer.
 */
class QueryCache {
  private readonly entries = new Map<string, Promise<unknown[]>>();
  constructor(private readonly limit = 64) {}

  wrap(db: Connector): Connector {
    return {
      query: <T,>(sql: string): Promise<T[]> => {
        if (!/^\s*(SELECT|WITH)\b/i.test(sql)) return db.query<T>(sql);
        let p = this.entries.get(sql) as Promise<T[]> | undefined;
        if (p) {
          this.entries.delete(sql);
          this.entries.set(sql, p);
          return p.then((rows) => rows.slice());
        }
        p = db.query<T>(sql);
        this.entries.set(sql, p);
        p.catch(() => this.entries.delete(sql));
        while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
        // Each caller gets its own array (callers may sort it).
        return p.then((rows) => rows.slice());
      },
      registerParquet: (name, source, options) => {
        this.clear();
        return db.registerParquet(name, source, options);
      },
      close: () => db.close(),
    };
  }

  clear(): void {
    this.entries.clear();
  }
}

function checkManifest(m: Manifest, base: string): void {
  const missing = ['id', 'name', 'root', 'asOf', 'years', 'files'].filter((k) => (m as unknown as Record<string, unknown>)[k] === undefined);
  if (missing.length) throw new Error(`${base}manifest.json lacks ${missing.join(', ')}`);
}

/**
 * Rows of a pre-aggregate file. A figure that is null (suppressed in a public build) or absent (a
 * column the build does not publish) becomes NaN, never 0: NaN carries through every sum, share and
 * growth computed from it, so a hidden figure shows as "—" and takes no colour, class or rank.
 */
export function sumsRows(data: ColumnarJson): RegionPeriodSums[] {
  // Column by column, before the rows are made: a file without nulls costs one scan per column.
  const count = data.columns.code?.length ?? 0;
  const columns = { ...data.columns };
  for (const f of SUM_FIELDS) {
    const col = columns[f];
    if (!col) columns[f] = new Array(count).fill(Number.NaN);
    else if (col.includes(null)) columns[f] = col.map((x) => (x === null ? Number.NaN : x));
  }
  return fromColumnar<RegionPeriodSums>({ ...data, columns });
}
