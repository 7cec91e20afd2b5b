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

export { toColumnarJson } from '../../data/columnar';
