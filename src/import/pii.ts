/**
 * Columns that identify people (CONTRACT.md "Users' own files": refused unless --drop-pii):
 * by header (names, ID numbers, phones, addresses, bank accounts, and places below the village)
 * and by content, whatever the header: 18-digit resident ID numbers whose check digit is right
 * (GB 11643, ISO 7064 MOD 11-2) and mainland mobile numbers.
 */
import type { Cell } from './types';
import { normaliseHeader } from './columns';

export type PiiKind = 'name' | 'id_number' | 'phone' | 'address' | 'bank_account' | 'sub_village_location';

/** Headers, compared after `normaliseHeader`, exactly. */
const EXACT: Record<string, PiiKind> = {
  姓名: 'name', 户主姓名: 'name', 户主: 'name', 户主名称: 'name', 成员姓名: 'name', 联系人: 'name',
  name: 'name', full_name: 'name', head_name: 'name', householder: 'name', head_of_household: 'name',
  id_number: 'id_number', id_no: 'id_number', id_card: 'id_number', idcard: 'id_number', national_id: 'id_number',
  phone: 'phone', mobile: 'phone', tel: 'phone', telephone: 'phone', phone_number: 'phone', contact: 'phone',
  address: 'address', home_address: 'address', street_address: 'address',
  bank_account: 'bank_account', account: 'bank_account', account_number: 'bank_account', card_no: 'bank_account', bank_card: 'bank_account',
  村民小组: 'sub_village_location', 组: 'sub_village_location', 组别: 'sub_village_location', 所在组: 'sub_village_location', 门牌号: 'address',
};

/** Header substrings (Chinese) that mark a personal column wherever they occur. */
const CONTAINS: [string, PiiKind][] = [
  ['姓名', 'name'], ['身份证', 'id_number'], ['证件号', 'id_number'], ['手机', 'phone'], ['电话', 'phone'],
  ['住址', 'address'], ['地址', 'address'], ['银行卡', 'bank_account'], ['卡号', 'bank_account'], ['账号', 'bank_account'],
  ['帐号', 'bank_account'], ['开户', 'bank_account'],
];

export function piiKindOfHeader(header: string): PiiKind | null {
  const h = normaliseHeader(header);
  if (EXACT[h]) return EXACT[h]!;
  for (const [s, kind] of CONTAINS) if (h.includes(s)) return kind;
  return null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character resident ID number with a plausible birth date and the right check character. */
export function isChineseIdNumber(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(v)) return false;
  const year = Number(v.slice(6, 10)), month = Number(v.slice(10, 12)), day = Number(v.slice(12, 14));
  if (year < 1880 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === v[17];
}

/** The check character of 17 digits (for building test data). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
const EMBEDDED_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const EMBEDDED_ID = /(?<![\dA-Za-z])[1-9]\d{16}[\dXx](?![\dA-Za-z])/g;

export function isMobileNumber(value: string): boolean {
  return MOBILE.test(value.trim().replace(/[\s-]/g, ''));
}

/** What a cell's content reveals, if anything: an ID number or a mobile number, alone or inside text. */
export function piiKindOfValue(cell: Cell): PiiKind | null {
  if (cell === null || typeof cell === 'boolean') return null;
  const s = typeof cell === 'number' ? (Number.isInteger(cell) ? cell.toFixed(0) : String(cell)) : cell;
  if (s.length < 11) return null;
  if (isMobileNumber(s)) return 'phone';
  if (isChineseIdNumber(s)) return 'id_number';
  if (s.length > 11 && EMBEDDED_MOBILE.test(s)) return 'phone';
  for (const m of s.matchAll(EMBEDDED_ID)) if (isChineseIdNumber(m[0])) return 'id_number';
  return null;
}

/** Cells of a column looked at for personal content (the first non-empty ones). */
export const PII_SAMPLE = 2000;

/** The personal content found in a column's first `PII_SAMPLE` non-empty cells: the kind and the first data row where it is. */
export function sniffColumn(rows: Cell[][], index: number): { kind: PiiKind; row: number } | null {
  let seen = 0;
  for (let r = 0; r < rows.length && seen < PII_SAMPLE; r++) {
    const cell = rows[r]![index] ?? null;
    if (cell === null || cell === '') continue;
    seen++;
    const kind = piiKindOfValue(cell);
    if (kind) return { kind, row: r + 1 };
  }
  return null;
}
