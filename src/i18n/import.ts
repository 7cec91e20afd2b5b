import type { ImportStep } from '../ui/import/run-import';
import type { Lang } from './index';

/** UI text of the import dialog (导入数据), per language. */
export interface ImportMessages {
  open: string;
  title: string;
  intro: string;
  privacy: string;
  drop: string;
  dropHere: string;
  chooseFiles: string;
  chooseFolder: string;
  dropPii: string;
  dropPiiHelp: string;
  plan: string;
  noPlan: string;
  salt: string;
  saltHelp: string;
  start: string;
  cancel: string;
  close: string;
  steps: Record<ImportStep, string>;
  working: string;
  filesRead: string;
  fileLine: (file: string, source: string, rows: number) => string;
  warnings: (n: number) => string;
  problems: (n: number) => string;
  nothingChanged: string;
  shownOf: (shown: number, total: number) => string;
  byKind: string;
  columns: { file: string; row: string; column: string; value: string; expected: string; kind: string };
  okSummary: (households: number, periods: number, villages: number, name: string) => string;
  dropped: (columns: string) => string;
  replace: string;
  keep: string;
  folderOk: (name: string, files: number) => string;
  failed: string;
  limits: (csvMb: number, xlsxMb: number, parquetMb: number) => string;
  autoPlan: string;
  localLabel: (name: string) => string;
  pageDrop: string;
  referenceFile: (file: string, encoding: string, rows: number) => string;
  referenceRead: (n: number, series: string) => string;
  addReference: string;
  referenceAdded: (n: number, replaced: number) => string;
  noDataset: string;
}

const zhSteps: Record<ImportStep, string> = {
  parquet: '读取 Parquet 文件',
  files: '读取文件',
  read: '解析表格',
  geography: '获取行政区划与县界',
  check: '逐行检查',
  cells: '生成乡镇、村示意区块',
  tables: '写入数据表',
  boundaries: '写入边界',
  aggregates: '汇总各级数据',
  manifest: '写入数据清单',
};

const enSteps: Record<ImportStep, string> = {
  parquet: 'Reading Parquet files',
  files: 'Reading files',
  read: 'Parsing tables',
  geography: 'Fetching divisions and county outlines',
  check: 'Checking every row',
  cells: 'Drawing synthetic township and village cells',
  tables: 'Writing tables',
  boundaries: 'Writing boundaries',
  aggregates: 'Summing every level',
  manifest: 'Writing the manifest',
};

export const IMPORT_MESSAGES: Record<Lang, ImportMessages> = {
  zh: {
    open: '导入数据',
    title: '导入本地数据',
    intro: '支持监测系统导出的户收入表（每户每期一行）：CSV（UTF-8 或 GBK）、XLSX、Parquet；可同时加入自有的乡镇、村边界（GeoJSON，要素属性 code 为区划代码）和参考序列 CSV；也可打开 npm run import 生成的数据集文件夹。',
    privacy: '文件只在本浏览器中处理，不会上传到任何地方。',
    drop: '把文件拖到这里，或',
    dropHere: '松开鼠标即可导入',
    chooseFiles: '选择文件',
    chooseFolder: '打开数据集文件夹',
    dropPii: '删除识别个人身份的列',
    dropPiiHelp: '姓名、身份证号、电话、详细地址、银行卡号等列：不勾选时整份文件被拒绝；勾选后这些列被删除并在报告中列出。',
    plan: '评估规划',
    noPlan: '不评估规划',
    salt: '户编号加盐（可选）',
    saltHelp: '户编号会替换为加盐哈希值。留空则用随机盐（不保存，下次导入得到不同编号）；填写同一口令可保持编号稳定，请勿外传。',
    start: '检查并导入',
    cancel: '取消',
    close: '关闭',
    steps: zhSteps,
    working: '正在导入…',
    filesRead: '已读取的文件',
    fileLine: (file, source, rows) => `${file}：${source}，${rows.toLocaleString('zh-CN')} 行数据`,
    warnings: (n) => `${n} 条提示（不影响导入）`,
    problems: (n) => `${n.toLocaleString('zh-CN')} 个问题，未导入任何数据`,
    nothingChanged: '当前显示的数据保持不变。请修正文件后重新导入。',
    shownOf: (shown, total) => `显示前 ${shown.toLocaleString('zh-CN')} 个，共 ${total.toLocaleString('zh-CN')} 个`,
    byKind: '按类别统计',
    columns: { file: '文件', row: '行', column: '列', value: '值', expected: '应为', kind: '问题' },
    okSummary: (h, p, v, name) => `检查通过：${name}，${h.toLocaleString('zh-CN')} 户，${p.toLocaleString('zh-CN')} 条户-期收入记录，${v.toLocaleString('zh-CN')} 个村。`,
    dropped: (c) => `已删除的个人身份信息列：${c}`,
    replace: '用这份数据替换当前显示',
    keep: '保留当前数据',
    folderOk: (name, files) => `数据集文件夹检查通过：${name}（${files} 个文件）。`,
    failed: '导入失败',
    limits: (c, x, p) => `单个文件上限：CSV ${c} MB、XLSX ${x} MB、Parquet ${p} MB。`,
    autoPlan: '按数据所在地区自动选择',
    localLabel: (name) => `本地导入：${name}`,
    pageDrop: '松开鼠标，检查并导入这些文件',
    referenceFile: (file, enc, rows) => `${file}：参考序列，${enc}，${rows.toLocaleString('zh-CN')} 行`,
    referenceRead: (n, series) => `检查通过：${n.toLocaleString('zh-CN')} 个参考值（${series}）。`,
    addReference: '加入当前显示的数据',
    referenceAdded: (n, replaced) => `已加入 ${n.toLocaleString('zh-CN')} 个参考值${replaced ? `，其中 ${replaced.toLocaleString('zh-CN')} 个替换了原有的值` : ''}；规划评估已按新值重新计算。`,
    noDataset: '当前没有打开的数据集：请先打开或导入户数据。',
  },
  en: {
    open: 'Import data',
    title: 'Import your own data',
    intro: 'Household income tables as the monitoring system exports them (one row per household and period): CSV (UTF-8 or GBK), XLSX, Parquet; with them, your own township or village boundaries (GeoJSON, region code in property code) and reference series CSVs; or open a dataset folder made by npm run import.',
    privacy: 'Files are processed in this browser only and uploaded nowhere.',
    drop: 'Drop files here, or',
    dropHere: 'Release to import',
    chooseFiles: 'Choose files',
    chooseFolder: 'Open a dataset folder',
    dropPii: 'Drop columns that identify people',
    dropPiiHelp: 'Names, ID numbers, phone numbers, addresses, bank accounts: unticked, the file is refused; ticked, those columns are dropped and listed in the report.',
    plan: 'Plan to evaluate',
    noPlan: 'No plan',
    salt: 'Household id salt (optional)',
    saltHelp: 'Household ids are replaced by salted hashes. Empty: a random salt (not kept; another import gives other ids). The same secret keeps ids stable; keep it private.',
    start: 'Check and import',
    cancel: 'Cancel',
    close: 'Close',
    steps: enSteps,
    working: 'Importing…',
    filesRead: 'Files read',
    fileLine: (file, source, rows) => `${file}: ${source}, ${rows.toLocaleString('en')} data rows`,
    warnings: (n) => `${n} warning${n === 1 ? '' : 's'} (they do not block)`,
    problems: (n) => `${n.toLocaleString('en')} problem${n === 1 ? '' : 's'}; nothing was imported`,
    nothingChanged: 'The data on screen is unchanged. Fix the file and import it again.',
    shownOf: (shown, total) => `first ${shown.toLocaleString('en')} of ${total.toLocaleString('en')}`,
    byKind: 'By kind',
    columns: { file: 'File', row: 'Row', column: 'Column', value: 'Value', expected: 'Expected', kind: 'Problem' },
    okSummary: (h, p, v, name) => `Checked: ${name}, ${h.toLocaleString('en')} households, ${p.toLocaleString('en')} household-period income rows, ${v.toLocaleString('en')} villages.`,
    dropped: (c) => `Columns identifying people dropped: ${c}`,
    replace: 'Show this data instead',
    keep: 'Keep the current data',
    folderOk: (name, files) => `Dataset folder checked: ${name} (${files} files).`,
    failed: 'Import failed',
    limits: (c, x, p) => `Largest file: CSV ${c} MB, XLSX ${x} MB, Parquet ${p} MB.`,
    autoPlan: 'The plan of the data\'s region',
    localLabel: (name) => `Imported: ${name}`,
    pageDrop: 'Drop to check and import these files',
    referenceFile: (file, enc, rows) => `${file}: reference series, ${enc}, ${rows.toLocaleString('en')} rows`,
    referenceRead: (n, series) => `Checked: ${n.toLocaleString('en')} reference values (${series}).`,
    addReference: 'Add to the data on screen',
    referenceAdded: (n, replaced) => `Added ${n.toLocaleString('en')} reference values${replaced ? `, ${replaced.toLocaleString('en')} of them replacing values there were` : ''}; the plan is evaluated again with them.`,
    noDataset: 'No dataset is open: open or import household data first.',
  },
};
