import { describe, expect, it } from 'vitest';
import type { HouseholdRow } from '../../src/data/queries/households';
import { messages } from '../../src/i18n';
import { BOM, csvField, toCsv } from '../../src/domain/csv';
import { ledgerCsv } from '../../src/ui/panels/ledger-csv';

describe('csv fields', () => {
  it('leaves plain text and numbers bare', () => {
    expect(csvField('abc')).toBe('abc');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(-3)).toBe('-3');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('writes missing values as empty fields', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('csv files', () => {
  it('starts with the UTF-8 byte-order mark and ends every line with CRLF', () => {
    const csv = toCsv([{ header: '户编号', value: (r: { id: string }) => r.id }], [{ id: 'H1' }, { id: 'H,2' }]);
    expect(csv).toBe(`${BOM}户编号\r\nH1\r\n"H,2"\r\n`);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes only the header line for an empty table', () => {
    expect(toCsv([{ header: 'a', value: () => 1 }, { header: 'b', value: () => 2 }], [])).toBe(`${BOM}a,b\r\n`);
  });
});

describe('ledger csv', () => {
  const row: HouseholdRow = {
    hh_id: 'H2', village_code: '640422100201', persons: 4, labour: 2, category: 'unstable', mgmt_class: 'key_monitoring',
    no_labour: false, safety_net: false, relocated: true, relocation_site: 'RS0001', risk_tags: ['illness', 'disaster'], measures: ['workshop'],
    risk_cleared: false, wage: 26000, operating: 8000, property: 500, transfer: 1500, net: 36000, per_capita: 9000,
    prev_per_capita: 10000, growth: -0.1, decline_cause: 3, employed: 1,
  };
  const place = (code: string) => (code === '640422100201' ? '某村' : code);

  it('has Chinese headers and labels in zh', () => {
    const [header, line] = ledgerCsv([row], messages('zh'), 'zh', place).slice(1).split('\r\n');
    expect(header.split(',').slice(0, 7)).toEqual(['户编号', '村代码', '村', '人口', '劳动力', '类别', '管理类别']);
    expect(line).toBe('H2,640422100201,某村,4,2,脱贫不稳定户,重点监测户,26000,8000,500,1500,36000,9000,-10,否,否,是,RS0001,1,因病、因灾,失业、工资降低或务工时间缩短,帮扶车间');
  });

  it('has English headers and labels in en, quoting labels with commas', () => {
    const [header, line] = ledgerCsv([row], messages('en'), 'en', place).slice(1).split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['ID', 'Village code', 'Village']);
    expect(line).toContain(',Unstable,Key monitoring,');
    expect(line).toContain(',"Job lost, lower wage or less work",');
  });

  it('has one line per household plus the header', () => {
    const csv = ledgerCsv([row, { ...row, hh_id: 'H3' }], messages('zh'), 'zh', place);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n').length - 2).toBe(2);
  });
});
