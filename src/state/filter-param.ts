import { CATEGORY_IDS, DECLINE_CAUSES, MGMT_CLASS_IDS, NO_FILTER, type CategoryId, type HouseholdFilter, type MgmtClassId } from '../domain/filter';

/**
 * The cross-filter as one URL parameter: `cat:tuopin,unstable;mgmt:stable;reloc:1;cause:1,3;inc:0,12000`.
 * Parts come in this fixed order and lists are sorted in vocabulary order, so equal filters give
 * equal URLs. Parsing keeps only values from the fixed vocabularies (categories, management
 * classes, causes 1–8) and finite numbers, so nothing free-form can reach a query; an invalid
 * part is dropped and the rest kept.
 */

const NUMBER = /^-?\d{1,9}(\.\d{1,4})?$/;

function pick<T extends string | number>(values: string[], vocabulary: readonly T[]): T[] {
  const wanted = new Set(values);
  return vocabulary.filter((v) => wanted.has(String(v)));
}

/** `filter` URL value of a filter; '' for the empty filter. */
export function serializeFilter(f: HouseholdFilter): string {
  const parts: string[] = [];
  const categories = pick(f.categories, CATEGORY_IDS);
  const mgmt = pick(f.mgmtClasses, MGMT_CLASS_IDS);
  const causes = pick(f.causes.map(String), DECLINE_CAUSES);
  if (categories.length) parts.push(`cat:${categories.join(',')}`);
  if (mgmt.length) parts.push(`mgmt:${mgmt.join(',')}`);
  if (f.relocated !== null) parts.push(`reloc:${f.relocated ? 1 : 0}`);
  if (causes.length) parts.push(`cause:${causes.join(',')}`);
  if (f.incomeRange && validRange(f.incomeRange)) parts.push(`inc:${f.incomeRange[0]},${f.incomeRange[1]}`);
  return parts.join(';');
}

function validRange([lo, hi]: [number, number]): boolean {
  return Number.isFinite(lo) && Number.isFinite(hi) && lo < hi && NUMBER.test(String(lo)) && NUMBER.test(String(hi));
}

/** Parses a `filter` URL value; unknown keys and invalid values are dropped. */
export function parseFilter(text: string | null): HouseholdFilter {
  if (!text || text.length > 400) return NO_FILTER;
  const out: HouseholdFilter = { ...NO_FILTER };
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const key = part.slice(0, colon);
    const values = part.slice(colon + 1).split(',');
    if (key === 'cat') out.categories = pick(values, CATEGORY_IDS) as CategoryId[];
    else if (key === 'mgmt') out.mgmtClasses = pick(values, MGMT_CLASS_IDS) as MgmtClassId[];
    else if (key === 'reloc' && (values[0] === '0' || values[0] === '1') && values.length === 1) out.relocated = values[0] === '1';
    else if (key === 'cause') out.causes = pick(values, DECLINE_CAUSES).map(Number);
    else if (key === 'inc' && values.length === 2 && values.every((v) => NUMBER.test(v))) {
      const range: [number, number] = [Number(values[0]), Number(values[1])];
      if (validRange(range)) out.incomeRange = range;
    }
  }
  return out;
}
