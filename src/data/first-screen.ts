import { LEVEL_NAMES, type Manifest } from '../domain/dataset';
import type { SumsIndex } from '../domain/income';
import { mapScopeOf } from '../domain/drill';
import { DatasetClient, type BoundaryCollection } from './dataset-client';
import type { Connector } from './engine/connector';
import { FetchError } from './fetch-progress';
import { isLocalDataset, LocalDatasetGoneError, localFileUrl } from './local-folder';

/** Files the first screen needs, in the order the loading indicator lists them. */
export type FirstScreenStep = 'manifest' | 'boundaries' | 'countyAgg' | 'rootAgg';
export const FIRST_SCREEN_STEPS: readonly FirstScreenStep[] = ['manifest', 'boundaries', 'countyAgg', 'rootAgg'];

export interface StepProgress {
  step: FirstScreenStep;
  /** Absolute URL of the file (known for the manifest at once, for the others once it is read). */
  url: string;
  loaded: number;
  /** NaN when neither the server nor the manifest says. */
  total: number;
  done: boolean;
}

/** Everything the first map and the KPI header are painted from. */
export interface FirstScreenData {
  client: DatasetClient;
  manifest: Manifest;
  /**
   * Polygons of the level the root's map shows (counties for a province; townships for a county;
   * villages for a township — `mapScopeOf`), `code`, `name`, `name_en` properties. The base map
   * draws them as context at every drill level.
   */
  mapBoundaries: BoundaryCollection;
  /** Pre-aggregated sums of that level. */
  mapSums: SumsIndex;
  /** Sums of the dataset's root region (its own level's pre-aggregate). */
  rootSums: SumsIndex;
}

/**
 * What went wrong opening a dataset, in the terms the error screen explains to a user:
 * - `local-gone`: a dataset opened from this computer's files, asked for after a reload;
 * - `not-found`: no dataset at that path — the manifest answered 404/410, or a web page (static
 *   hosts and Vite answer an unknown path with index.html, whose '<' broke JSON.parse);
 * - `bad-manifest`: the manifest is JSON but not a dataset manifest (required fields missing);
 * - `missing-file`: the manifest was read, a file the first screen needs is absent (404 / page);
 * - `not-json`: a file is not valid JSON (damaged);
 * - `server`: another HTTP error status; `network`: no answer at all; `other`: anything else.
 */
export type LoadProblem = 'local-gone' | 'not-found' | 'bad-manifest' | 'missing-file' | 'not-json' | 'server' | 'network' | 'other';

/** The problem a failure of `step` stands for (see `LoadProblem`). */
export function classifyLoadError(step: FirstScreenStep, error: unknown): { problem: LoadProblem; status: number | null } {
  if (error instanceof LocalDatasetGoneError) return { problem: 'local-gone', status: null };
  if (error instanceof FetchError) {
    const status = error.reason === 'http' ? error.status : null;
    const absent = error.reason === 'html' || status === 404 || status === 410;
    if (absent) return { problem: step === 'manifest' ? 'not-found' : 'missing-file', status };
    if (error.reason === 'json') return { problem: 'not-json', status };
    if (error.reason === 'network') return { problem: 'network', status };
    return { problem: 'server', status };
  }
  // The manifest was fetched and parsed: what failed is its check (DatasetClient.open).
  return { problem: step === 'manifest' ? 'bad-manifest' : 'other', status: null };
}

/** A failed step: which file (relative to the dataset folder), at which URL, why, and what that means. */
export class FirstScreenError extends Error {
  readonly problem: LoadProblem;
  readonly status: number | null;
  constructor(
    readonly step: FirstScreenStep,
    readonly url: string,
    cause: unknown,
    readonly file: string = step === 'manifest' ? 'manifest.json' : url,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'FirstScreenError';
    ({ problem: this.problem, status: this.status } = classifyLoadError(step, cause));
  }
}

/**
 * Opens the dataset at `datasetUrl` and loads what the first screen needs: manifest first, then
 * the boundaries and sums of the level the root's map shows, and the root's sums, in parallel. Reports bytes per step; totals fall
 * back to the manifest's file sizes when the server sends no Content-Length.
 */
export async function loadFirstScreen(
  datasetUrl: string,
  createConnector: () => Promise<Connector>,
  onProgress: (p: StepProgress) => void,
): Promise<FirstScreenData> {
  const base = datasetUrl.endsWith('/') ? datasetUrl : `${datasetUrl}/`;
  let manifestUrl: string;
  try {
    manifestUrl = isLocalDataset(base) ? localFileUrl(base, 'manifest.json') : new URL(`${base}manifest.json`, window.location.href).href;
  } catch (error) {
    throw new FirstScreenError('manifest', base, error, 'manifest.json');
  }
  let client: DatasetClient;
  let manifestBytes = 0;
  onProgress({ step: 'manifest', url: manifestUrl, loaded: 0, total: Number.NaN, done: false });
  try {
    client = await DatasetClient.open(base, createConnector, (p) => {
      manifestBytes = p.loaded;
      onProgress({ step: 'manifest', url: manifestUrl, loaded: p.loaded, total: p.total, done: false });
    });
  } catch (error) {
    throw new FirstScreenError('manifest', manifestUrl, error);
  }
  const manifest = client.manifest;
  onProgress({ step: 'manifest', url: manifestUrl, loaded: manifestBytes, total: manifestBytes, done: true });

  const track = <T>(step: FirstScreenStep, file: string, load: (cb: (loaded: number, total: number) => void) => Promise<T>): Promise<T> => {
    const url = client.url(file);
    const expected = manifest.files[file]?.bytes ?? Number.NaN;
    let last = 0;
    onProgress({ step, url, loaded: 0, total: expected, done: false });
    return load((loaded, total) => {
      last = loaded;
      onProgress({ step, url, loaded, total: Number.isFinite(total) ? total : expected, done: false });
    }).then(
      (value) => {
        onProgress({ step, url, loaded: last, total: last, done: true });
        return value;
      },
      (error: unknown) => {
        throw new FirstScreenError(step, url, error, file);
      },
    );
  };

  const rootLevel = manifest.root.level;
  const mapLevel = mapScopeOf(manifest.root.code).level;
  const mapLevelName = LEVEL_NAMES[mapLevel];
  const [mapBoundaries, mapSums, rootSums] = await Promise.all([
    track('boundaries', `boundaries/${mapLevelName}.geojson`, (cb) => client.boundaries(mapLevelName, cb)),
    track('countyAgg', `agg/${mapLevelName}.json`, (cb) => client.regionSums(mapLevel, cb)),
    track('rootAgg', `agg/${LEVEL_NAMES[rootLevel]}.json`, (cb) => client.regionSums(rootLevel, cb)),
  ]);
  return { client, manifest, mapBoundaries, mapSums, rootSums };
}

/** A first-screen load under way: its result and the latest progress of every step. */
export interface FirstScreenLoad {
  readonly promise: Promise<FirstScreenData>;
  /** Calls `listener` with every step's latest progress so far, then with each new report. */
  subscribe(listener: (p: StepProgress) => void): () => void;
}

function startLoad(datasetUrl: string, createConnector: () => Promise<Connector>): FirstScreenLoad {
  const latest = new Map<FirstScreenStep, StepProgress>();
  const listeners = new Set<(p: StepProgress) => void>();
  const promise = loadFirstScreen(datasetUrl, createConnector, (p) => {
    latest.set(p.step, p);
    for (const l of listeners) l(p);
  });
  // Rejections are handled by whoever takes the load; never an unhandled rejection here.
  promise.catch(() => {});
  return {
    promise,
    subscribe(listener) {
      for (const p of latest.values()) listener(p);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Loads started before the UI asked for them (`prefetchFirstScreen`), by dataset URL. */
const early = new Map<string, FirstScreenLoad>();

/**
 * Starts the first screen's files for `datasetUrl` at once, before the UI is rendered: the
 * manifest's request then leaves with the bundle's start rather than after React's first commit
 * (docs/BENCHMARKS.md, "History"). `firstScreenLoad` picks it up.
 */
export function prefetchFirstScreen(datasetUrl: string, createConnector: () => Promise<Connector>): void {
  if (!early.has(datasetUrl)) early.set(datasetUrl, startLoad(datasetUrl, createConnector));
}

/**
 * The load of `datasetUrl`'s first screen: the prefetched one while it is under way or not yet
 * used (a retry, `fresh`, always starts anew), else a new one.
 */
export function firstScreenLoad(datasetUrl: string, createConnector: () => Promise<Connector>, fresh: boolean): FirstScreenLoad {
  const pre = early.get(datasetUrl);
  if (pre && !fresh) {
    // Kept until it settles, so a remount in the meantime (React's StrictMode) shares it.
    const forget = () => early.get(datasetUrl) === pre && early.delete(datasetUrl);
    pre.promise.then(forget, forget);
    return pre;
  }
  early.delete(datasetUrl);
  return startLoad(datasetUrl, createConnector);
}
