/**
 * Path (c): parquet bytes → hyparquet column chunks → apache-arrow vectors → Arrow IPC stream.
 * Handles the physical types the contract uses (INT32, INT64, DOUBLE, BOOLEAN, BYTE_ARRAY strings,
 * and LIST of strings); anything else throws, which is enough for a benchmark.
 */
import {
  Bool,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  Table,
  Utf8,
  tableToIPC,
  makeVector,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import type { ColumnData, SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

/** Yields one Arrow IPC stream per row group. */
export async function* hyparquetToIpc(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  const buffer = asArrayBuffer(bytes);
  const metadata = parquetMetadata(buffer);
  const schema = parquetSchema(metadata);
  const types = new Map(schema.children.map((c) => [c.element.name, arrowType(c)]));
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const chunks = new Map<string, ColumnData[]>();
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      rowStart,
      rowEnd,
      onChunk(chunk) {
        const list = chunks.get(chunk.columnName) ?? [];
        list.push(chunk);
        chunks.set(chunk.columnName, list);
      },
    });
    const columns: Record<string, Vector> = {};
    for (const [name, type] of types) {
      const parts = (chunks.get(name) ?? []).sort((x, y) => x.rowStart - y.rowStart);
      const vectors = parts.map((p) => toVector(p.columnData, type));
      columns[name] = vectors.length ? vectors.reduce((x, y) => x.concat(y)) : vectorFromArray([], type);
    }
    yield tableToIPC(new Table(columns), 'stream');
    rowStart = rowEnd;
  }
}

function arrowType(node: SchemaTree): DataType {
  const el = node.element;
  if (node.children.length) {
    // LIST: <name> (LIST) → list (repeated) → element
    const leaf = node.children[0]?.children[0];
    if (!leaf) throw new Error(`unsupported group column ${el.name}`);
    return new List(new Field('item', arrowType(leaf), true));
  }
  switch (el.type) {
    case 'INT32':
      return new Int32();
    case 'INT64':
      return new Int64();
    case 'DOUBLE':
      return new Float64();
    case 'BOOLEAN':
      return new Bool();
    case 'BYTE_ARRAY':
      return new Utf8();
    default:
      throw new Error(`unsupported parquet type ${el.type} for ${el.name}`);
  }
}

/**
 * hyparquet hands nullable columns over as plain arrays; numbers without nulls are copied into a
 * typed array and wrapped without a builder, the rest (strings, lists, nullable) use the builder.
 */
function toVector(data: ColumnData['columnData'], type: DataType): Vector {
  if (type instanceof Float64 || type instanceof Int32) {
    const values = data as ArrayLike<number | null | undefined>;
    let nulls = false;
    for (let i = 0; i < values.length && !nulls; i++) nulls = values[i] == null;
    if (!nulls) {
      const typed = type instanceof Float64 ? new Float64Array(values.length) : new Int32Array(values.length);
      for (let i = 0; i < values.length; i++) typed[i] = values[i] as number;
      return makeVector(typed);
    }
  }
  return vectorFromArray(data as unknown[], type);
}

/**
 * Row-group indexes of a parquet file, from its footer (hyparquet parses it in pure JS). parquet-wasm's
 * sync reader has no metadata call, so path (b) borrows this one to decode row group by row group.
 */
export function rowGroupIndexes(bytes: Uint8Array): number[] {
  const buffer = asArrayBuffer(bytes);
  return parquetMetadata(buffer).row_groups.map((_, i) => i);
}

/** Rows per Arrow record batch when parquet-wasm decodes (its default, 1024, makes thousands of batches). */
export const PARQUET_WASM_BATCH = 131072;

function asArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
}
