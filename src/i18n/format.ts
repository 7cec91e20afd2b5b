import { LOCALES, type Lang } from './index';

/**
 * Locale-aware number formatting. Every function returns '—' for a missing value (NaN,
 * ±Infinity, null, undefined) so panels never print "NaN".
 *
 * Negative numbers on screen carry the typographic minus U+2212 "−", never the ASCII
 * hyphen-minus that Intl writes for en-US and zh-CN, so "−23.0%" reads alike everywhere; a value
 * that rounds to zero (and −0) prints unsigned ("0", "0.0%"). CSV files keep ASCII '-'
 * (src/domain/csv.ts): they are for machines.
 */

const MISSING = '—';
const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${lang}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    cache.set(k, f);
  }
  return f;
}

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** The typographic minus sign every negative number on screen carries. */
export const MINUS = '\u2212';

/**
 * Formats with `f` and puts U+2212 in place of Intl's hyphen-minus. `signDisplay: 'negative'`
 * (in every formatter here) already leaves a value that rounds to zero, and −0, unsigned.
 */
function signed(f: Intl.NumberFormat, x: number): string {
  return f.format(x).replace('-', MINUS);
}

/** Whole number with thousands separators: 19234.6 → "19,235". */
export function formatInteger(x: number | null | undefined, lang: Lang): string {
  return finite(x) ? signed(nf(lang, 'int', { maximumFractionDigits: 0, signDisplay: 'negative' }), x) : MISSING;
}

/**
 * A large count or amount as a reader says it: in Chinese, 万 from 100,000 and 亿 from 100 million
 * (250,297 → "25.03万", 1.234e9 → "12.34亿", two decimals, trailing zeros kept); in English, and
 * below those sizes, thousands separators as `formatInteger`.
 */
export function formatLarge(x: number | null | undefined, lang: Lang): string {
  if (!finite(x)) return MISSING;
  const a = Math.abs(x);
  if (lang !== 'zh' || a < 1e5) return formatInteger(x, lang);
  const [scale, unit] = a >= 1e8 ? [1e8, '亿'] : [1e4, '万'];
  return `${signed(nf(lang, 'large', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' }), x / scale)}${unit}`;
}

/** Yuan amount, whole yuan with thousands separators (the unit is shown beside it). */
export const formatYuan = formatInteger;

/** A share or rate (0.163) as a percentage with one decimal: "16.3%". */
export function formatPercent(x: number | null | undefined, lang: Lang): string {
  return finite(x) ? signed(nf(lang, 'pct', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' }), x) : MISSING;
}

/** A growth rate with an explicit sign: 0.163 → "+16.3%", -0.02 → "−2.0%" (U+2212), 0 and −0.0004 → "0.0%". */
export function formatGrowth(x: number | null | undefined, lang: Lang): string {
  return finite(x)
    ? signed(nf(lang, 'growth', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }), x)
    : MISSING;
}

/** A byte count for progress: "812 B", "605 KB", "23.7 MB". */
export function formatBytes(x: number | null | undefined, lang: Lang): string {
  if (!finite(x)) return MISSING;
  if (x < 1024) return `${formatInteger(x, lang)} B`;
  if (x < 1024 * 1024) return `${formatInteger(x / 1024, lang)} KB`;
  return `${nf(lang, 'mb', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x / (1024 * 1024))} MB`;
}

/** A class range "a – b" from formatted ends, or just "a" when both ends print the same. */
export function formatRange(lower: string, upper: string): string {
  return lower === upper ? lower : `${lower} – ${upper}`;
}
