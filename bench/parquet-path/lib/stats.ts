/**
 * Spread of repeated measurements, in the shape CONTRACT.md uses for bench figures:
 * `{value, unit, n, min, median, max}` with `value` the median.
 */
export interface Figure {
  value: number;
  unit: string;
  n: number;
  min: number;
  median: number;
  max: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function unitOf(key: string): string {
  if (key.endsWith('_ms')) return 'ms';
  if (key.endsWith('_requests')) return 'count';
  return 'bytes';
}

export function summarize(samples: Record<string, number>[]): Record<string, Figure> {
  const keys = new Set(samples.flatMap((s) => Object.keys(s)));
  const out: Record<string, Figure> = {};
  for (const key of keys) {
    const xs = samples.map((s) => s[key]).filter((x): x is number => typeof x === 'number' && !Number.isNaN(x));
    if (!xs.length) continue;
    const m = median(xs);
    out[key] = { value: m, unit: unitOf(key), n: xs.length, min: Math.min(...xs), median: m, max: Math.max(...xs) };
  }
  return out;
}

const ROWS: [string, string][] = [
  ['instantiate_ms', 'engine instantiate'],
  ['queryable_ms', 'households + income queryable'],
  ['agg_ms', 'aggregation, first'],
  ['agg_repeat_ms', 'aggregation, repeated'],
  ['county_ms', 'one county, 3 income columns'],
  ['sortkey_ms', '1/16 of hh_id range, 3 columns'],
  ['engine_bytes', 'bytes: engine (js + wasm)'],
  ['load_bytes', 'bytes: making tables queryable'],
  ['agg_bytes', 'bytes: first aggregation'],
  ['county_bytes', 'bytes: county query'],
  ['sortkey_bytes', 'bytes: hh_id-range query'],
  ['total_bytes', 'bytes: whole run'],
  ['main_js_heap_bytes', 'main-thread JS heap after load (after GC)'],
  ['duckdb_wasm_bytes', 'DuckDB wasm memory after load'],
  ['duckdb_wasm_bytes_end', 'DuckDB wasm memory at end'],
  ['decoder_wasm_bytes', 'parquet-wasm memory after load'],
];

function fmt(f: Figure | undefined): string {
  if (!f) return '–';
  const one = (x: number) =>
    f.unit === 'ms' ? x.toFixed(0) : f.unit === 'bytes' ? (x / 1e6).toFixed(1) : x.toFixed(0);
  if (f.min === f.max) return one(f.median);
  return `${one(f.min)} / **${one(f.median)}** / ${one(f.max)}`;
}

/** Markdown table: one column per path, min / **median** / max per figure (ms or MB). */
export function toMarkdown(
  report: Record<string, { label: string; figures: Record<string, Figure> }>,
  files: Record<string, number>,
): string {
  const ids = Object.keys(report);
  const lines = [
    `files: ${Object.entries(files).map(([f, b]) => `${f} ${(b / 1e6).toFixed(2)} MB`).join(', ')}`,
    '',
    `| figure (ms or MB; min / **median** / max) | ${ids.join(' | ')} |`,
    `|---|${ids.map(() => '---').join('|')}|`,
  ];
  for (const [key, label] of ROWS) {
    if (!ids.some((id) => report[id]!.figures[key])) continue;
    lines.push(`| ${label} | ${ids.map((id) => fmt(report[id]!.figures[key])).join(' | ')} |`);
  }
  return lines.join('\n');
}
