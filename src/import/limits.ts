/**
 * The largest file the import reads, by format, in the page and on the command line alike. The
 * import holds a file and its rows in memory (a CSV of 150 MB is ~1.5 million household-periods;
 * SheetJS needs many times an XLSX's size while it parses), so larger files are refused at once,
 * before anything is read, naming the limit — never a frozen page or an out-of-memory crash.
 * A larger export is split by county (one file each) or saved as Parquet.
 */
export const MAX_INPUT_BYTES: Record<'csv' | 'xlsx' | 'parquet' | 'geojson', number> = {
  csv: 150 * 1024 * 1024,
  xlsx: 40 * 1024 * 1024,
  parquet: 150 * 1024 * 1024,
  geojson: 100 * 1024 * 1024,
};

const MB = 1024 * 1024;

/** Null when a file of `bytes` in `format` may be read, else the problem (English, Chinese). */
export function sizeProblem(format: keyof typeof MAX_INPUT_BYTES, bytes: number): { en: string; zh: string } | null {
  const max = MAX_INPUT_BYTES[format];
  if (bytes <= max) return null;
  const size = (bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1);
  const limit = (max / MB).toFixed(0);
  return {
    en: `a ${format.toUpperCase()} file of at most ${limit} MB (this one is ${size} MB): split it by county or save it as Parquet`,
    zh: `不超过 ${limit} MB 的 ${format.toUpperCase()} 文件（此文件 ${size} MB）：请按县拆分，或另存为 Parquet`,
  };
}
