import type { Lang } from './index';

/** UI text of the exports (导出 menu, PNG picture, PDF briefing pack), per language. */
export interface ExportMessages {
  menu: string;
  menuLabel: string;
  pngHeading: string;
  preset: (width: number, height: number, name: string) => string;
  presetNames: { fhd: string; uhd: string; hd: string };
  custom: string;
  width: string;
  height: string;
  exportPng: string;
  sizeRange: (minW: number, minH: number, maxW: number, maxH: number) => string;
  dataHeading: string;
  geojson: string;
  pdf: string;
  regionTable: string;
  busy: string;
  done: (file: string) => string;
  failed: (message: string) => string;
  /** Title of the picture and page: the unit and the product. */
  title: (unit: string, app: string) => string;
  /** Unit's children, population, metric, period. */
  subtitle: (parts: string[]) => string;
  asOf: (period: string) => string;
  asOfQuarter: (year: number, quarter: number) => string;
  provenance: (text: string) => string;
  syntheticNotice: string;
  weakest: (metric: string) => string;
  target: (value: string) => string;
  pageLabel: (page: number, of: number) => string;
  noMap: string;
  briefingTitle: (name: string) => string;
  /** Scorecard CSV headers and words. */
  scorecard: { unit: string; projected: string; basis: string; yes: string; units: Record<'yuan' | 'rate' | 'ratio' | 'count' | 'share' | 'persons', string> };
  code: string;
}

export const EXPORT_MESSAGES: Record<Lang, ExportMessages> = {
  zh: {
    menu: '导出',
    menuLabel: '导出当前视图',
    pngHeading: 'PNG 图片',
    preset: (w, h, name) => `${w}×${h}（${name}）`,
    presetNames: { fhd: '全高清', uhd: '4K', hd: '高清' },
    custom: '自定义尺寸',
    width: '宽（像素）',
    height: '高（像素）',
    exportPng: '导出 PNG',
    sizeRange: (a, b, c, d) => `尺寸范围 ${a}×${b} 至 ${c}×${d} 像素`,
    dataHeading: '数据',
    geojson: '当前图层 GeoJSON',
    pdf: '当前视图 PDF（简报页）',
    regionTable: '地图区域表 CSV',
    busy: '正在生成……',
    done: (file) => `已导出 ${file}`,
    failed: (m) => `导出失败：${m}`,
    title: (unit, app) => `${unit} · ${app}`,
    subtitle: (parts) => parts.filter(Boolean).join(' · '),
    asOf: (period) => `数据截至${period}`,
    asOfQuarter: (y, q) => `${y}年第${q}季度`,
    provenance: (text) => `数据来源：${text}`,
    syntheticNotice: '合成演示数据：数字由生成器产生，不代表任何真实的家庭、村庄或统计结果。',
    weakest: (metric) => `最弱的单位（${metric}）`,
    target: (v) => `目标 ${v}`,
    pageLabel: (n, of) => `第 ${n} 页 / 共 ${of} 页`,
    noMap: '（无地图）',
    briefingTitle: (name) => `${name} 简报`,
    scorecard: {
      unit: '单位',
      projected: '年末推算',
      basis: '依据',
      yes: '是',
      units: { yuan: '元', rate: '%', ratio: '倍', count: '个', share: '%', persons: '人' },
    },
    code: '区划代码',
  },
  en: {
    menu: 'Export',
    menuLabel: 'Export the current view',
    pngHeading: 'PNG picture',
    preset: (w, h, name) => `${w}×${h} (${name})`,
    presetNames: { fhd: 'Full HD', uhd: '4K', hd: 'HD' },
    custom: 'Custom size',
    width: 'Width (px)',
    height: 'Height (px)',
    exportPng: 'Export PNG',
    sizeRange: (a, b, c, d) => `From ${a}×${b} to ${c}×${d} pixels`,
    dataHeading: 'Data',
    geojson: 'Current layer as GeoJSON',
    pdf: 'Current view as PDF (briefing page)',
    regionTable: 'Map regions table as CSV',
    busy: 'Preparing…',
    done: (file) => `Exported ${file}`,
    failed: (m) => `Export failed: ${m}`,
    title: (unit, app) => `${unit} · ${app}`,
    subtitle: (parts) => parts.filter(Boolean).join(' · '),
    asOf: (period) => `Data as of ${period}`,
    asOfQuarter: (y, q) => `Q${q} ${y}`,
    provenance: (text) => `Source: ${text}`,
    syntheticNotice: 'Synthetic demo data: figures made by a generator; they describe no real household, village or statistic.',
    weakest: (metric) => `Weakest units (${metric})`,
    target: (v) => `Target ${v}`,
    pageLabel: (n, of) => `Page ${n} of ${of}`,
    noMap: '(no map)',
    briefingTitle: (name) => `${name} briefing`,
    scorecard: {
      unit: 'Unit',
      projected: 'Year-end projection',
      basis: 'Basis',
      yes: 'yes',
      units: { yuan: 'yuan', rate: '%', ratio: 'ratio', count: 'count', share: '%', persons: 'persons' },
    },
    code: 'Division code',
  },
};
