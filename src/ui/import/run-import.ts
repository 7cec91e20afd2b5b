/**
 * The page's import, start to end: files sorted by kind (a folder made by `npm run import` is
 * opened as it is; CSV and XLSX go to the worker; Parquet is read by an engine of the import's
 * own), checked in the worker (`import-worker.ts`), and — only when there is no problem — the
 * dataset folder built in memory (`buildLocalDataset`) and registered as a local dataset. The
 * dataset on screen is not touched by any of this: the caller switches to the new one when the
 * user has seen the report and chooses to. Cancelling terminates the worker and the engine.
 */
import Papa from 'papaparse';
import type { Manifest } from '../../domain/dataset';
import { createBrowserConnector, type BrowserConnector } from '../../data/engine/browser';
import { buildLocalDataset, type BuildStep, type ReferenceSeriesRow } from '../../data/import/build-dataset';
import { readParquetTable } from '../../data/import/parquet-table';
import type { PreparedImport } from '../../data/import/prepare';
import { registerLocalDataset } from '../../data/local-folder';
import { BUNDLED_PLAN_IDS, loadBundledPlan } from '../../data/plans';
import type { Plan } from '../../targets/types';
import { levelOfCode } from '../../domain/drill';
import { prefixDigits } from '../../domain/region-code';
import { oversize, type ConvertResult, type ImportInput, type RawTable } from '../../import';
import { formatOfFile } from '../../import/readers';
import { decodeText } from '../../import/encoding';
import { looksLikeReferenceCsv, mergeReference, parseReferenceCsv, type ReferenceRow } from '../../import/reference';
import type { ImportWarning, Problem } from '../../import';
import type { WorkerMessage, WorkerRequest, WorkerStep } from './import-worker';

export type ImportStep = 'parquet' | WorkerStep | BuildStep;

export interface ImportProgress {
  step: ImportStep;
  loaded: number;
  /** NaN when unknown. */
  total: number;
}

export interface ImportOptions {
  dropPii: boolean;
  /** Plan to evaluate, `auto` for the bundled plan of the data's region (the most specific), or null. */
  plan: string | null;
  /** Secret for stable household ids; random (and not kept) when empty. */
  salt: string;
}

export type ImportOutcome =
  | {
      kind: 'checked';
      /** The check's report; its household and income rows are left out (they are in the dataset's files). */
      result: ConvertResult;
      /** The local dataset (`local:<id>/`) when the check passed, else null. */
      dataset: string | null;
      name: { zh: string; en: string } | null;
      counts: { households: number; income: number; villages: number };
      inputs: string[];
    }
  | { kind: 'folder'; dataset: string; manifest: Manifest; files: number }
  /** Only reference series files: their values (none when there are problems), to add to the data on screen. */
  | { kind: 'reference'; rows: ReferenceRow[]; problems: Problem[]; problemCount: number; warnings: ImportWarning[]; files: { file: string; encoding: string; rows: number }[] };

/** A file with the path it has inside a dropped or chosen folder (`webkitRelativePath`). */
export interface PickedFile {
  file: File;
  path: string;
}

function randomSalt(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The files of a dataset folder (one holding `manifest.json`), relative to it; null when none is. */
export function datasetFolderOf(files: readonly PickedFile[]): Map<string, File> | null {
  const manifest = files.find((f) => /(^|\/)manifest\.json$/.test(f.path) && f.path.split('/').length <= 2);
  if (!manifest) return null;
  const prefix = manifest.path.slice(0, manifest.path.length - 'manifest.json'.length);
  const out = new Map<string, File>();
  for (const f of files) if (f.path.startsWith(prefix)) out.set(f.path.slice(prefix.length), f.file);
  return out;
}

/** Checks a folder's manifest against its files (present, sizes as stated); throws naming what is wrong. */
async function openFolder(files: Map<string, File>): Promise<ImportOutcome> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await files.get('manifest.json')!.text()) as Manifest;
  } catch (e) {
    throw new Error(`manifest.json 不是有效的 JSON · manifest.json is not valid JSON: ${(e as Error).message}`);
  }
  const lacks = ['id', 'name', 'root', 'asOf', 'years', 'files'].filter((k) => (manifest as unknown as Record<string, unknown>)[k] === undefined);
  if (lacks.length) throw new Error(`manifest.json 缺少 ${lacks.join(', ')} · manifest.json lacks ${lacks.join(', ')}`);
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(manifest.files)) {
    const f = files.get(name);
    if (!f) problems.push(`缺少文件 ${name} · ${name} is missing`);
    else if (f.size !== entry.bytes) problems.push(`${name}：${f.size} 字节，清单写的是 ${entry.bytes} · ${name} is ${f.size} bytes, the manifest says ${entry.bytes}`);
  }
  if (problems.length) throw new Error(problems.slice(0, 10).join('\n'));
  const dataset = registerLocalDataset(files);
  return { kind: 'folder', dataset, manifest, files: files.size };
}

/** Whether a CSV holds reference series rather than households: a header among its first lines says. */
async function isReferenceFile(file: File): Promise<boolean> {
  if (formatOfFile(file.name) !== 'csv') return false;
  const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
  // Whole lines only, so a character cut at the end cannot make UTF-8 look like GB18030.
  const end = head.lastIndexOf(0x0a);
  const { text } = decodeText(end > 0 && file.size > head.length ? head.subarray(0, end) : head);
  return text.split(/\r?\n/).slice(0, 30).some((line) => looksLikeReferenceCsv(line.split(/[,\t;|]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'))));
}

/** The user's reference series files, parsed (`parseReferenceCsv`, as `--reference` on the command line); null when there are none. */
async function readReference(files: File[]): Promise<Extract<ImportOutcome, { kind: 'reference' }> | null> {
  if (files.length === 0) return null;
  const out: Extract<ImportOutcome, { kind: 'reference' }> = { kind: 'reference', rows: [], problems: [], problemCount: 0, warnings: [], files: [] };
  for (const file of files) {
    const parsed = parseReferenceCsv(file.name, new Uint8Array(await file.arrayBuffer()));
    out.rows.push(...parsed.rows);
    out.problems.push(...parsed.problems);
    out.problemCount += parsed.problemCount;
    out.warnings.push(...parsed.warnings);
    out.files.push({ file: file.name, encoding: parsed.encoding, rows: parsed.rows.length });
  }
  if (out.problemCount) out.rows = [];
  else out.rows = mergeReference([], out.rows).rows;
  return out;
}

/** Reads the project's reference series served with the app (`reference/reference.csv`). */
async function projectReference(): Promise<ReferenceSeriesRow[]> {
  const res = await fetch(new URL('reference/reference.csv', window.location.href).href);
  if (!res.ok) throw new Error(`reference/reference.csv: HTTP ${res.status}`);
  // Papa, not d3.csvParse: d3 builds its row objects with `new Function`, which the page's CSP forbids.
  const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => ({
    series: r.series ?? '', region_code: r.region_code ?? '', year: Number(r.year), value: Number(r.value), source: r.source ?? '', status: r.status === 'published' ? 'published' : 'estimate',
  }));
}

/**
 * The plan to evaluate: the one named, or for `auto` the bundled plan whose region contains the
 * dataset's root (the most specific: a county's own plan before its province's), or none.
 */
async function choosePlan(choice: string | null, rootCode: string): Promise<Plan | null> {
  if (!choice) return null;
  if (choice !== 'auto') return loadBundledPlan(choice);
  const plans = await Promise.all(BUNDLED_PLAN_IDS.map((id) => loadBundledPlan(id).catch(() => null)));
  const prefix = (code: string) => code.slice(0, prefixDigits(levelOfCode(code)));
  const fits = plans.filter((p): p is Plan => !!p && /^\d{12}$/.test(p.region) && rootCode.startsWith(prefix(p.region)));
  fits.sort((a, b) => prefix(b.region).length - prefix(a.region).length);
  return fits[0] ?? null;
}

export interface RunningImport {
  promise: Promise<ImportOutcome>;
  cancel(): void;
}

/** Starts an import of `picked`; progress through `onProgress`. */
export function startImport(picked: readonly PickedFile[], options: ImportOptions, onProgress: (p: ImportProgress) => void): RunningImport {
  let worker: Worker | null = null;
  let engine: BrowserConnector | null = null;
  let cancelled = false;
  let abort: ((e: Error) => void) | null = null;
  const cleanup = () => {
    worker?.terminate();
    worker = null;
    const e = engine;
    engine = null;
    void e?.close();
  };
  const promise = (async (): Promise<ImportOutcome> => {
    const folder = datasetFolderOf(picked);
    if (folder) return openFolder(folder);
    const refused: ImportInput[] = [];
    const toWorker: File[] = [];
    const parquet: File[] = [];
    const referenceFiles: File[] = [];
    for (const { file } of picked) {
      const big = oversize(file.name, file.size);
      if (big) refused.push(big);
      else if (formatOfFile(file.name) === 'parquet') parquet.push(file);
      else if (await isReferenceFile(file)) referenceFiles.push(file);
      else toWorker.push(file);
    }
    // Reference series (series, region, year, value, source) go with the data or onto the data on screen.
    const user = await readReference(referenceFiles);
    if (user && (user.problemCount > 0 || (toWorker.length === 0 && parquet.length === 0 && refused.length === 0))) return user;
    const db = (engine = createBrowserConnector());
    const tables: { name: string; table: RawTable }[] = [];
    for (const file of parquet) {
      onProgress({ step: 'parquet', loaded: 0, total: file.size });
      try {
        tables.push({ name: file.name, table: await readParquetTable(db, file.name, new Uint8Array(await file.arrayBuffer())) });
      } catch (e) {
        refused.push({ name: file.name, error: (e as Error).message });
      }
      onProgress({ step: 'parquet', loaded: file.size, total: file.size });
    }
    const salt = options.salt || randomSalt();
    const request: WorkerRequest = { files: toWorker, tables, refused, dropPii: options.dropPii, salt, geoBase: new URL('geo/', window.location.href).href };
    if (cancelled) throw new DOMException('cancelled', 'AbortError');
    const prepared = await new Promise<PreparedImport>((resolve, reject) => {
      abort = reject;
      const w = (worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }));
      w.onmessage = (e: MessageEvent<WorkerMessage>) => {
        const m = e.data;
        if (m.type === 'progress') onProgress({ step: m.step, loaded: m.loaded, total: m.total });
        else if (m.type === 'done') resolve(m.prepared);
        else reject(new Error(m.message));
      };
      w.onerror = (e) => reject(new Error(e.message || 'the import worker failed'));
      w.postMessage(request);
    });
    (worker as Worker | null)?.terminate();
    worker = null;
    const inputs = picked.map((p) => p.file.name);
    const counts = { households: prepared.result.households.length, income: prepared.result.income.length, villages: prepared.result.villageCodes.length };
    if (!prepared.result.ok || !prepared.dataset) return { kind: 'checked', result: prepared.result, dataset: null, name: null, counts, inputs };
    const [plan, project] = await Promise.all([choosePlan(options.plan, prepared.dataset.root.code), projectReference()]);
    const reference = user ? mergeReference(project, user.rows).rows : project;
    const files = await buildLocalDataset(db, {
      result: prepared.result,
      ...prepared.dataset,
      plan,
      reference,
      inputs,
      id: 'imported',
      date: new Date().toISOString().slice(0, 10),
    }, (step) => onProgress({ step, loaded: 0, total: Number.NaN }));
    if (cancelled) throw new DOMException('cancelled', 'AbortError');
    const blobs = new Map<string, Blob>();
    for (const [name, bytes] of files) blobs.set(name, new Blob([bytes as BlobPart]));
    const root = prepared.dataset.regions.find((r) => r.code === prepared.dataset!.root.code)!;
    const result: ConvertResult = { ...prepared.result, households: [], income: [] };
    return { kind: 'checked', result, dataset: registerLocalDataset(blobs), name: { zh: root.name, en: root.name_en || root.name }, counts, inputs };
  })();
  promise.then(cleanup, cleanup);
  return {
    promise,
    cancel() {
      cancelled = true;
      abort?.(new DOMException('cancelled', 'AbortError'));
      cleanup();
    },
  };
}
