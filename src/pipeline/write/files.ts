import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FileEntry } from '../../domain/dataset';

/** Writes a text file, creating folders, and returns nothing; paths are absolute or cwd-relative. */
export function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Size and SHA-256 of a written file, with its row count, for the manifest. */
export function fileEntry(path: string, rows: number): FileEntry {
  const bytes = statSync(path).size;
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  return { rows, bytes, sha256 };
}

/**
 * Column-oriented JSON for pre-aggregated tables: `{"rows": n, "columns": {"code": [...], ...}}`.
 * Smaller and faster to parse than an array of objects.
 */
export function toColumnarJson<T extends object>(rows: T[], extra: Record<string, unknown> = {}): string {
  const columns: Record<string, unknown[]> = {};
  const keys = rows.length ? Object.keys(rows[0]) : [];
  for (const k of keys) columns[k] = rows.map((r) => (r as Record<string, unknown>)[k]);
  return JSON.stringify({ ...extra, rows: rows.length, columns });
}
