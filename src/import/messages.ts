/**
 * Every text the import shows users, in one place, so the CLI (English) and later the browser
 * (Chinese or English) say the same things. Column names from users' files are quoted as written.
 */
import type { ImportWarning, Problem, ProblemKind } from './types';

const q = (s: string) => `"${s}"`;
const list = (items: readonly string[]) => items.map(q).join(', ');

export const msg = {
  en: {
    noHeader: () => 'a header row naming at least 3 known columns (e.g. "户编号", "村代码", "家庭人口数", "年度", "工资性收入") within the first 30 rows',
    noHeaderInSheets: (sheets: readonly string[]) => `a sheet with a header row naming at least 3 known columns; sheets: ${list(sheets)}`,
    unreadable: (format: string, detail: string) => `a readable ${format} file (${detail})`,
    titleRows: (n: number) => `${n} title row${n > 1 ? 's' : ''} above the header skipped`,
    footerRows: (n: number, start: string, dataRows: number, dataLike: number) =>
      `data end after ${dataRows} row${dataRows === 1 ? '' : 's'}; ${n} row${n > 1 ? 's' : ''} after it ignored as notes or footer (starting ${q(start)})` +
      (dataLike ? `; ${dataLike} of them look like data: put them above the notes if they belong to the table` : ''),
    encoding: (enc: string) => `read as ${enc}`,
    sheetRead: (name: string, sheets: readonly string[], others: readonly string[]) =>
      `read sheet ${q(name)} (${sheets.indexOf(name) + 1} of ${sheets.length}: ${list(sheets)})` +
      (others.length ? `; ${list(others)} also ${others.length > 1 ? 'have' : 'has'} a header and ${others.length > 1 ? 'were' : 'was'} not read: give them as separate files or put all rows in one sheet` : ''),
    csvQuotes: (detail: string) => `balanced double quotes in the row (${detail})`,
    ragged: (width: number, n: number) => `${width} fields like the header (the row has ${n})`,
    missingColumn: (names: readonly string[]) => `a column headed ${list(names)}`,
    duplicateColumn: (field: string, first: string) => `one column for ${field} (also headed ${q(first)})`,
    piiHeader: (kind: string) => `no column identifying people (${kind}); drop it with --drop-pii (in the page: tick "Drop columns that identify people")`,
    piiContent: (kind: string) => `no column identifying people: its values include ${kind === 'phone' ? 'a mobile number' : 'an 18-digit ID number'}; drop it with --drop-pii (in the page: tick "Drop columns that identify people")`,
    required: () => 'a value (the column is required)',
    integer: () => 'a whole number',
    number: () => 'a number in yuan (digits, optional decimals)',
    code12: () => 'a 12-digit village code (统计用区划代码), e.g. 640522100203',
    codeRounded: () => 'a 12-digit village code; this one was rounded by a spreadsheet (scientific notation): format the column as text and export again',
    nonNegativeIncome: () => 'an income of 0 or more',
    nonNegativeCount: () => 'a count of 0 or more',
    positivePersons: () => 'at least 1 person',
    labourAtMostPersons: (persons: number) => `at most the household's ${persons} persons`,
    quarter: () => 'a quarter 1–4 (4 = full year; also Q1–Q4, 一季度…四季度, 全年)',
    yearRange: (min: number, max: number) => `a year from ${min} to ${max}`,
    declineCause: () => 'a decline cause 1–8 or empty',
    oneOf: (values: readonly string[]) => `one of ${list(values)}`,
    boolean: () => 'yes or no (是/否, 1/0, Y/N, true/false)',
    duplicatePeriod: (file: string, row: number) => `one row per household and period (the same household and period is in ${file} row ${row})`,
    sameVillage: (code: string, file: string, row: number) => `the household's village ${code} (as in ${file} row ${row})`,
    unknownVillage: () => 'a village code of the geography (no such village in its county)',
    noGeography: (county: string) => `a county with geography: no geography for county ${county} (the demo regions' counties only, until the national geography lands)`,
    severalProvinces: (provinces: readonly string[]) => `villages of one province (found ${provinces.join(', ')})`,
    noRows: () => 'at least one data row',
    unknownColumn: () => 'column not used: ignored',
    defaults: (items: readonly string[]) => `columns not in the files, defaults used: ${items.join('; ')}`,
    emptyIncome: (n: number) => `${n} empty cell${n > 1 ? 's' : ''} read as 0`,
    attributeChanges: (field: string, n: number) => `${field} differs between a household's rows for ${n} household${n > 1 ? 's' : ''}: the latest period's value is kept`,
    hhIdPersonal: (kind: string) => `household ids look like ${kind === 'phone' ? 'mobile numbers' : 'ID numbers'}; they are replaced by salted hashes like every household id`,
    piiDropped: (kind: string, how: string) => `dropped (${kind}, found by its ${how})`,
    unknownTags: (tags: readonly string[], n: number) => `${n} term${n > 1 ? 's' : ''} not in the vocabulary kept as written: ${list(tags.slice(0, 10))}${tags.length > 10 ? ' …' : ''}`,
  },
  zh: {
    noHeader: () => '在前 30 行内有一行表头，至少含 3 个可识别的列名（如 "户编号"、"村代码"、"家庭人口数"、"年度"、"工资性收入"）',
    noHeaderInSheets: (sheets: readonly string[]) => `有一个工作表带有至少含 3 个可识别列名的表头；工作表：${list(sheets)}`,
    unreadable: (format: string, detail: string) => `可读取的 ${format} 文件（${detail}）`,
    titleRows: (n: number) => `跳过表头上方的 ${n} 行标题`,
    footerRows: (n: number, start: string, dataRows: number, dataLike: number) =>
      `数据在第 ${dataRows} 行后结束；其后 ${n} 行作为备注或表尾忽略（从 ${q(start)} 开始）` +
      (dataLike ? `；其中 ${dataLike} 行像是数据：如属于本表，请移到备注上方` : ''),
    encoding: (enc: string) => `按 ${enc} 编码读取`,
    sheetRead: (name: string, sheets: readonly string[], others: readonly string[]) =>
      `读取了工作表 ${q(name)}（共 ${sheets.length} 个中的第 ${sheets.indexOf(name) + 1} 个：${list(sheets)}）` +
      (others.length ? `；${list(others)} 也有表头但未读取：请另存为单独的文件，或把所有行放在一个工作表中` : ''),
    csvQuotes: (detail: string) => `该行的双引号成对（${detail}）`,
    ragged: (width: number, n: number) => `与表头相同的 ${width} 列（该行有 ${n} 列）`,
    missingColumn: (names: readonly string[]) => `一列名为 ${names.map(q).join('、')} 的列`,
    duplicateColumn: (field: string, first: string) => `${field} 只有一列（另一列名为 ${q(first)}）`,
    piiHeader: (kind: string) => `没有识别个人身份的列（${PII_ZH[kind] ?? kind}）；勾选“删除个人身份信息列”（命令行 --drop-pii）即可删除该列`,
    piiContent: (kind: string) => `没有识别个人身份的列：其值中有${kind === 'phone' ? '手机号码' : '18 位身份证号码'}；勾选“删除个人身份信息列”（命令行 --drop-pii）即可删除该列`,
    required: () => '一个值（该列必填）',
    integer: () => '一个整数',
    number: () => '以元为单位的数字（数字，可带小数）',
    code12: () => '12 位村代码（统计用区划代码），如 640522100203',
    codeRounded: () => '12 位村代码；该值已被表格软件按科学计数法舍入：请把该列设为文本格式后重新导出',
    nonNegativeIncome: () => '不小于 0 的收入',
    nonNegativeCount: () => '不小于 0 的人数',
    positivePersons: () => '至少 1 人',
    labourAtMostPersons: (persons: number) => `不超过该户的 ${persons} 人`,
    quarter: () => '季度 1–4（4 = 全年；也可写 Q1–Q4、一季度…四季度、全年）',
    yearRange: (min: number, max: number) => `${min} 至 ${max} 之间的年度`,
    declineCause: () => '减收原因 1–8 或留空',
    oneOf: (values: readonly string[]) => `以下之一：${values.map(q).join('、')}`,
    boolean: () => '是或否（是/否、1/0、Y/N、true/false）',
    duplicatePeriod: (file: string, row: number) => `每户每期一行（同一户同一期也在 ${file} 第 ${row} 行）`,
    sameVillage: (code: string, file: string, row: number) => `该户的村代码 ${code}（同 ${file} 第 ${row} 行）`,
    unknownVillage: () => '地理数据中存在的村代码（该县没有这个村）',
    noGeography: (county: string) => `有地理数据的县：县 ${county} 没有地理数据`,
    severalProvinces: (provinces: readonly string[]) => `同一省份的村（发现 ${provinces.join('、')}）`,
    noRows: () => '至少一行数据',
    unknownColumn: () => '未使用的列：已忽略',
    defaults: (items: readonly string[]) => `文件中没有这些列，使用默认值：${items.join('；')}`,
    emptyIncome: (n: number) => `${n} 个空单元格按 0 读取`,
    attributeChanges: (field: string, n: number) => `${n} 户的 ${field} 在各期不一致：保留最近一期的值`,
    hhIdPersonal: (kind: string) => `户编号看起来像${kind === 'phone' ? '手机号码' : '身份证号码'}；与所有户编号一样替换为加盐哈希值`,
    piiDropped: (kind: string, how: string) => `已删除（${PII_ZH[kind] ?? kind}，依据${how === 'header' ? '列名' : '列中的值'}识别）`,
    unknownTags: (tags: readonly string[], n: number) => `${n} 个不在词表中的词按原样保留：${tags.slice(0, 10).map(q).join('、')}${tags.length > 10 ? ' …' : ''}`,
  },
};

/** Chinese names of the kinds of identifying column (pii.ts). */
const PII_ZH: Record<string, string> = { name: '姓名', id_number: '身份证号', phone: '电话号码', address: '地址', bank_account: '银行账号', sub_village_location: '村以下位置' };

// Chinese has every text English has.
const zhComplete: { [K in keyof typeof msg.en]: (...args: Parameters<(typeof msg.en)[K]>) => string } = msg.zh;
void zhComplete;

type Texts = typeof msg.en;

/** `expected` in both languages, for a Problem: `...expect((m) => m.required())`. */
export function expect(text: (m: Texts) => string): { expected: string; expectedZh: string } {
  return { expected: text(msg.en), expectedZh: text(msg.zh as unknown as Texts) };
}

/** `message` in both languages, for a warning. */
export function say(text: (m: Texts) => string): { message: string; messageZh: string } {
  return { message: text(msg.en), messageZh: text(msg.zh as unknown as Texts) };
}

/** What each problem kind is, in both languages (the browser's report later shows zh). */
export const KIND_TITLES: Record<ProblemKind, { en: string; zh: string }> = {
  unreadable_file: { en: 'file cannot be read', zh: '文件无法读取' },
  file_too_large: { en: 'file too large', zh: '文件过大' },
  no_header: { en: 'no header row found', zh: '未找到表头行' },
  csv_quotes: { en: 'stray quotes', zh: '引号不成对' },
  ragged_row: { en: 'row with a different number of fields', zh: '列数与表头不一致' },
  missing_column: { en: 'required column missing', zh: '缺少必填列' },
  duplicate_column: { en: 'column given twice', zh: '列重复' },
  pii_column: { en: 'column identifying people', zh: '含个人身份信息的列' },
  missing_value: { en: 'required value missing', zh: '必填值为空' },
  not_a_number: { en: 'not a number', zh: '不是数字' },
  not_an_integer: { en: 'not a whole number', zh: '不是整数' },
  bad_code: { en: 'not a 12-digit village code', zh: '不是12位村代码' },
  bad_value: { en: 'value not recognised', zh: '无法识别的值' },
  negative_income: { en: 'negative income', zh: '收入为负数' },
  negative_count: { en: 'negative count', zh: '人数为负数' },
  persons_not_positive: { en: 'household with no persons', zh: '家庭人口数不大于0' },
  labour_exceeds_persons: { en: 'more labour than persons', zh: '劳动力人数大于家庭人口数' },
  quarter_out_of_range: { en: 'quarter outside 1–4', zh: '季度不在1–4之间' },
  year_out_of_range: { en: 'year out of range', zh: '年度超出范围' },
  decline_cause_out_of_range: { en: 'decline cause outside 1–8', zh: '减收原因不在1–8之间' },
  bad_region_code: { en: 'not a 6- or 12-digit region code', zh: '不是6位或12位地区代码' },
  duplicate_reference: { en: 'series, region and year given twice', zh: '同一指标、地区、年度重复' },
  duplicate_period: { en: 'household and period given twice', zh: '同一户同一期重复' },
  village_changes: { en: "household's village changes", zh: '同一户的村代码不一致' },
  unknown_village: { en: 'unknown village code', zh: '村代码不存在' },
  no_geography: { en: 'no geography for the county', zh: '该县没有地理数据' },
  several_provinces: { en: 'villages of several provinces', zh: '数据跨多个省份' },
  no_rows: { en: 'no data rows', zh: '没有数据行' },
};

/** One problem as a line: file, row, column (quoted), value (quoted), what was expected. */
export function formatProblem(p: Problem, lang: 'en' | 'zh' = 'en'): string {
  const where = [p.file, p.row !== null ? (lang === 'zh' ? `第${p.row}行` : `row ${p.row}`) : null, p.column !== null ? `${lang === 'zh' ? '列' : 'column'} ${q(p.column)}` : null]
    .filter((x) => x !== null)
    .join(', ');
  const value = p.value !== null ? ` ${lang === 'zh' ? '值' : 'value'} ${q(p.value)}:` : '';
  return `${where}: ${KIND_TITLES[p.kind][lang]}:${value} ${lang === 'zh' ? '应为' : 'expected'} ${lang === 'zh' ? (p.expectedZh ?? p.expected) : p.expected}`;
}

export function formatWarning(w: ImportWarning, lang: 'en' | 'zh' = 'en'): string {
  const where = [w.file, w.column !== null ? `${lang === 'zh' ? '列' : 'column'} ${q(w.column)}` : null].filter((x) => x !== null).join(', ');
  return `${where ? `${where}: ` : ''}${lang === 'zh' ? (w.messageZh ?? w.message) : w.message}`;
}
