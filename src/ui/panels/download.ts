import { BOM } from '../../domain/csv';

/** Saves `blob` as a file through a temporary object URL (the browser's download, no server). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves `text` as a file. A CSV (the default type) always starts with the UTF-8 byte-order mark,
 * so Excel opens Chinese text correctly: the writer (src/domain/csv.ts) puts it there, and a
 * text without one gets it here.
 */
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const body = type.startsWith('text/csv') && !text.startsWith(BOM) ? BOM + text : text;
  downloadBlob(new Blob([body], { type }), filename);
}
