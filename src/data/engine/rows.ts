/**
 * Arrow query results → plain row objects, the contract of `Connector.query`: BIGINT/HUGEINT →
 * `number`, DECIMAL → `number`, lists → arrays, structs → objects, dates and timestamps → epoch
 * milliseconds, NULL → `null`. Shared by the browser and the Node connector.
 *
 * Works on the structure of Arrow JS tables, not on apache-arrow's classes: DuckDB-WASM ships
 * its own apache-arrow release, and `instanceof` across two copies of the library fails. Type ids
 * are the stable `Type` enum values of the Arrow JS format.
 */

/** Arrow JS `Type` enum values used here (stable across apache-arrow releases). */
const TypeId = {
  Dictionary: -1,
  Int: 2,
  Decimal: 7,
  Date: 8,
  Timestamp: 10,
  List: 12,
  Struct: 13,
  FixedSizeList: 16,
  Map: 17,
  LargeList: 21,
} as const;

/** The parts of an Arrow `DataType` this module reads. */
export interface ArrowTypeLike {
  readonly typeId: number;
  readonly scale?: number;
  readonly children?: ReadonlyArray<ArrowFieldLike>;
  readonly dictionary?: ArrowTypeLike;
}

export interface ArrowFieldLike {
  readonly name: string;
  readonly type: ArrowTypeLike;
}

/** The parts of an Arrow `Vector` this module reads. */
export interface ArrowVectorLike {
  readonly length: number;
  get(index: number): unknown;
}

/** The parts of an Arrow `Table` this module reads. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: ReadonlyArray<ArrowFieldLike> };
  getChildAt(index: number): ArrowVectorLike | null;
}

type Convert = (value: unknown) => unknown;

const identity: Convert = (v) => v;

/** Converts every row of an Arrow table to a plain object keyed by column name. */
export function tableToRows<T = Record<string, unknown>>(table: ArrowTableLike): T[] {
  const fields = table.schema.fields;
  const columns = fields.map((f, i) => ({
    name: f.name,
    vector: table.getChildAt(i),
    convert: converterFor(f.type),
  }));
  const rows = new Array<T>(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (const c of columns) {
      const raw = c.vector ? c.vector.get(r) : null;
      row[c.name] = raw === null || raw === undefined ? null : c.convert(raw);
    }
    rows[r] = row as T;
  }
  return rows;
}

/** Builds the value converter of one Arrow type (recursively for nested types). */
export function converterFor(type: ArrowTypeLike): Convert {
  switch (type.typeId) {
    case TypeId.Int:
      return (v) => (typeof v === 'bigint' ? Number(v) : v);
    case TypeId.Decimal: {
      const scale = type.scale ?? 0;
      return (v) => decimalToNumber(v, scale);
    }
    case TypeId.Date:
    case TypeId.Timestamp:
      return (v) => (v instanceof Date ? v.getTime() : typeof v === 'bigint' ? Number(v) : v);
    case TypeId.List:
    case TypeId.LargeList:
    case TypeId.FixedSizeList: {
      const child = type.children?.[0];
      const inner = child ? converterFor(child.type) : fallback;
      return (v) => listToArray(v, inner);
    }
    case TypeId.Struct: {
      const fields = (type.children ?? []).map((f) => ({ name: f.name, convert: converterFor(f.type) }));
      return (v) => {
        const src = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          const x = src[f.name];
          out[f.name] = x === null || x === undefined ? null : f.convert(x);
        }
        return out;
      };
    }
    case TypeId.Map:
      return (v) => fallback(toJson(v));
    case TypeId.Dictionary:
      return type.dictionary ? converterFor(type.dictionary) : fallback;
    default:
      return identity;
  }
}

/** Runtime-typed conversion, for values whose Arrow type did not say enough. */
function fallback(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.getTime();
  if (Array.isArray(v)) return v.map(fallback);
  if (typeof v === 'object' && typeof (v as ArrowVectorLike).get === 'function' && 'length' in v) {
    return listToArray(v, fallback);
  }
  if (typeof v === 'object' && !ArrayBuffer.isView(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = fallback(x);
    return out;
  }
  return v;
}

function listToArray(v: unknown, convert: Convert): unknown[] {
  const list = v as ArrowVectorLike;
  const out = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    const x = list.get(i);
    out[i] = x === null || x === undefined ? null : convert(x);
  }
  return out;
}

function toJson(v: unknown): unknown {
  const j = v as { toJSON?: () => unknown };
  return typeof j.toJSON === 'function' ? j.toJSON() : v;
}

/**
 * An Arrow decimal arrives as its unscaled two's-complement integer in little-endian 32-bit words
 * (a `Uint32Array`, 4 words for DECIMAL(38) and HUGEINT sums); older releases may hand a bigint or
 * a number. Precision beyond 2^53 is lost, as the interface accepts for `number`.
 */
export function decimalToNumber(v: unknown, scale: number): number {
  let unscaled: bigint;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') unscaled = v;
  else if (v instanceof Uint32Array) {
    unscaled = 0n;
    for (let i = v.length - 1; i >= 0; i--) unscaled = (unscaled << 32n) | BigInt(v[i]!);
    if (v.length && v[v.length - 1]! & 0x80000000) unscaled -= 1n << BigInt(32 * v.length);
  } else {
    return Number(String(v)) / 10 ** scale;
  }
  if (scale === 0) return Number(unscaled);
  // Split so integers up to 2^53 keep their exact fractional digits.
  const factor = 10n ** BigInt(scale);
  const whole = unscaled / factor;
  const frac = unscaled % factor;
  return Number(whole) + Number(frac) / 10 ** scale;
}
