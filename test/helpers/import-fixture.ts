/**
 * Fixtures for the import tests: rows of a demo dataset (households joined to income) as the flat
 * table a county office exports, with Chinese headers and Chinese values, and the encoders the
 * tests need (GBK; XLSX with a title row and a notes block).
 */
import * as XLSX from '@e965/xlsx';
import { DuckDBInstance } from '@duckdb/node-api';

export const FIXTURE_VILLAGES = ['640324100001', '640324103203', '640522105200', '640522200206'];

export const HEADERS = [
  '户编号', '村代码', '家庭人口数', '劳动力人数', '年度', '季度', '工资性收入', '生产经营性收入', '财产性收入', '转移性收入',
  '户类型', '管理类别', '是否搬迁户', '返贫致贫风险', '帮扶措施', '整户无劳动能力', '兜底保障', '安置点', '风险已消除',
  '省外务工人数', '省内县外务工人数', '县内务工人数', '减收原因',
];

const CATEGORY_ZH: Record<string, string> = { tuopin: '脱贫户', unstable: '脱贫不稳定户', marginal: '边缘易致贫户', sudden: '突发严重困难户' };
const MGMT_ZH: Record<string, string> = { high_quality: '高质量脱贫户', stable: '稳定脱贫户', key_monitoring: '重点监测户', safety_net: '兜底保障户' };
const RISK_ZH: Record<string, string> = {
  illness: '因病', disability: '因残', education: '因学', unstable_employment: '务工就业不稳', industry_failure: '产业项目失败',
  disaster: '因灾', accident: '意外事故', labour_shortage: '缺劳动力',
};
const MEASURE_ZH: Record<string, string> = {
  industry: '产业', employment: '就业', microcredit: '小额信贷', public_job: '公益岗位', workshop: '帮扶车间', yulu: '雨露计划',
  courtyard: '庭院经济', dividend: '资产收益分红',
};
const yesNo = (b: boolean) => (b ? '是' : '否');

export type FlatRow = (string | number)[];

/** The demo's households and income of `villages`, one row per household and period, Chinese headers and values. */
export async function demoFlatRows(dataset = 'public/data/ningxia', villages = FIXTURE_VILLAGES): Promise<FlatRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    const list = villages.map((v) => `'${v}'`).join(',');
    const reader = await c.runAndReadAll(`SELECT h.*, i.* EXCLUDE (hh_id) FROM '${dataset}/households.parquet' h
      JOIN '${dataset}/income.parquet' i USING (hh_id) WHERE h.village_code IN (${list}) ORDER BY h.hh_id, i.year, i.quarter`);
    return reader.getRowObjectsJS().map((r) => {
      const x = r as Record<string, unknown>;
      return [
        String(x.hh_id), String(x.village_code), Number(x.persons), Number(x.labour), Number(x.year), Number(x.quarter),
        Number(x.wage), Number(x.operating), Number(x.property), Number(x.transfer),
        CATEGORY_ZH[String(x.category)]!, MGMT_ZH[String(x.mgmt_class)]!, yesNo(Boolean(x.relocated)),
        (x.risk_tags as string[]).map((t) => RISK_ZH[t] ?? t).join('、'), (x.measures as string[]).map((t) => MEASURE_ZH[t] ?? t).join('、'),
        yesNo(Boolean(x.no_labour)), yesNo(Boolean(x.safety_net)), (x.relocation_site as string | null) ?? '', yesNo(Boolean(x.risk_cleared)),
        Number(x.employed_out_province), Number(x.employed_in_province), Number(x.employed_in_county),
        x.decline_cause === null ? '' : Number(x.decline_cause),
      ];
    });
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsvText(headers: string[], rows: FlatRow[]): string {
  return [headers, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes of a text (Node has a GBK decoder, not an encoder: the table is built by decoding every two-byte code). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** An XLSX workbook: `sheets` in order, each with optional title rows above the header and notes below the data. */
export function toXlsx(sheets: { name: string; title?: string[][]; headers?: string[]; rows?: (string | number | null)[][]; notes?: (string | null)[][] }[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const aoa = [...(s.title ?? []), ...(s.headers ? [s.headers] : []), ...(s.rows ?? []), ...(s.notes ? [[], ...s.notes] : [])];
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), s.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** Valid 18-digit ID numbers (right check digit) for tests: region 640522, birth dates in the 1960s–80s. */
export function fakeIdNumbers(n: number, check: (first17: string) => string): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const first17 = `640522${1960 + (i % 30)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + i).slice(-3)}`;
    out.push(first17 + check(first17));
  }
  return out;
}
