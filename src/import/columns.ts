/**
 * Header synonyms (Chinese and English) → the contract's columns, and the vocabularies of coded
 * values. Pure data; README "npm run import" lists them for users.
 */

export type Field =
  | 'hh_id' | 'village_code' | 'persons' | 'labour' | 'year' | 'quarter'
  | 'wage' | 'operating' | 'property' | 'transfer'
  | 'category' | 'mgmt_class' | 'no_labour' | 'safety_net' | 'relocated' | 'relocation_site'
  | 'risk_tags' | 'measures' | 'risk_cleared'
  | 'employed_out_province' | 'employed_in_province' | 'employed_in_county' | 'decline_cause'
  | 'net_income_stated' | 'net_income_per_capita_stated';

/** Required columns (CONTRACT.md): household id, village code, persons, year and the four components. */
export const REQUIRED: readonly Field[] = ['hh_id', 'village_code', 'persons', 'year', 'wage', 'operating', 'property', 'transfer'];

export const INCOME_FIELDS = ['wage', 'operating', 'property', 'transfer'] as const;

/** Header synonyms by field, compared after `normaliseHeader`. The first is the name used in messages. */
export const SYNONYMS: Record<Field, string[]> = {
  hh_id: ['户编号', '户码', '户编码', '户号', '家庭编号', '农户编号', 'hh_id', 'household_id', 'household', 'hhid'],
  village_code: ['村代码', '村编码', '行政区划代码', '村级代码', '村区划代码', '所在村代码', '统计用区划代码', 'village_code', 'village', 'admin_code'],
  persons: ['家庭人口数', '家庭人口', '人口数', '家庭成员数', '户人口数', 'persons', 'household_size', 'members'],
  labour: ['劳动力人数', '劳动力数', '劳动力', 'labour', 'labor', 'labour_force', 'workers'],
  year: ['年度', '年份', '年', 'year'],
  quarter: ['季度', '季', 'quarter', 'q'],
  wage: ['工资性收入', '工资收入', 'wage', 'wages', 'wage_income'],
  operating: ['生产经营性收入', '经营性收入', '生产经营性净收入', '经营净收入', 'operating', 'operating_income', 'business_income'],
  property: ['财产性收入', '财产收入', '财产净收入', 'property', 'property_income'],
  transfer: ['转移性收入', '转移收入', '转移净收入', 'transfer', 'transfers', 'transfer_income'],
  category: ['户类型', '监测对象类别', '农户类型', '户类别', '人员类型', 'category', 'household_type', 'type'],
  mgmt_class: ['管理类别', '分类管理类别', '户分类', 'mgmt_class', 'management_class'],
  no_labour: ['整户无劳动能力', '是否整户无劳动能力', '无劳动能力户', 'no_labour', 'no_labor'],
  safety_net: ['兜底保障', '是否兜底保障', '兜底保障户', '是否低保或特困', 'safety_net'],
  relocated: ['是否搬迁户', '是否易地扶贫搬迁', '易地扶贫搬迁户', '搬迁户', 'relocated'],
  relocation_site: ['安置点', '安置点名称', '搬迁安置点', 'relocation_site'],
  risk_tags: ['返贫致贫风险', '风险类型', '致贫返贫风险', '主要风险', 'risk_tags', 'risks'],
  measures: ['帮扶措施', '发展类帮扶措施', '帮扶措施类型', 'measures'],
  risk_cleared: ['风险已消除', '是否风险消除', '风险是否消除', 'risk_cleared'],
  employed_out_province: ['省外务工人数', '省外务工', '跨省务工人数', 'employed_out_province'],
  employed_in_province: ['省内县外务工人数', '省内县外务工', '省内务工人数', 'employed_in_province'],
  employed_in_county: ['县内务工人数', '县内务工', '县内就业人数', 'employed_in_county'],
  decline_cause: ['减收原因', '收入下降原因', 'decline_cause'],
  // The total the source states (optional; income.parquet `net_income_stated`, checked against the
  // four components by `npm run integrity`). A per-capita statement is stored × persons.
  net_income_stated: ['家庭纯收入', '纯收入', '家庭年纯收入', '全年家庭纯收入', '家庭总纯收入', 'net_income', 'total_income', 'household_net_income'],
  net_income_per_capita_stated: ['人均纯收入', '家庭人均纯收入', '全年人均纯收入', 'per_capita_net_income', 'net_income_per_capita'],
};

/**
 * A header as compared: trimmed, inner spaces removed, full-width brackets made half-width, a
 * trailing unit in brackets dropped ("工资性收入（元）" → "工资性收入"), lower case, spaces and
 * hyphens in English names as underscores.
 */
export function normaliseHeader(header: string): string {
  let h = header.normalize('NFKC').trim().replace(/[\s\u3000]+/g, ' ');
  h = h.replace(/\s*[([【][^)\]】]*[)\]】]\s*$/, '');
  h = h.replace(/[*＊:：]+$/, '').trim();
  if (/^[\x20-\x7e]+$/.test(h)) return h.toLowerCase().replace(/[\s-]+/g, '_');
  return h.replace(/\s+/g, '');
}

const LOOKUP = new Map<string, Field>();
for (const [field, names] of Object.entries(SYNONYMS) as [Field, string[]][]) {
  for (const n of names) LOOKUP.set(normaliseHeader(n), field);
}

/** The contract column a header stands for, or null. */
export function fieldOfHeader(header: string): Field | null {
  return LOOKUP.get(normaliseHeader(header)) ?? null;
}

/** 户类型 values → category. */
export const CATEGORY_VALUES: Record<string, string> = {
  脱贫户: 'tuopin', 脱贫人口: 'tuopin', 一般脱贫户: 'tuopin', 稳定脱贫户: 'tuopin', 已脱贫户: 'tuopin',
  脱贫不稳定户: 'unstable', 脱贫不稳定: 'unstable',
  边缘易致贫户: 'marginal', 边缘易致贫: 'marginal', 边缘户: 'marginal',
  突发严重困难户: 'sudden', 突发严重困难: 'sudden',
  tuopin: 'tuopin', lifted: 'tuopin', lifted_out_of_poverty: 'tuopin',
  unstable: 'unstable', marginal: 'marginal', sudden: 'sudden', sudden_hardship: 'sudden',
};

/** 管理类别 values → mgmt_class. */
export const MGMT_VALUES: Record<string, string> = {
  高质量脱贫户: 'high_quality', 高质量: 'high_quality', 稳定脱贫户: 'stable', 稳定: 'stable',
  重点监测户: 'key_monitoring', 重点监测: 'key_monitoring', 兜底保障户: 'safety_net', 兜底保障: 'safety_net', 兜底: 'safety_net',
  high_quality: 'high_quality', stable: 'stable', key_monitoring: 'key_monitoring', safety_net: 'safety_net',
};

export const TRUE_VALUES = new Set(['是', '1', 'y', 'yes', 'true', 't', '√', '✓', '有']);
export const FALSE_VALUES = new Set(['否', '0', 'n', 'no', 'false', 'f', '×', '无', '']);

/** 返贫致贫风险 terms → risk tag. Other terms are kept as written (with a warning). */
export const RISK_VALUES: Record<string, string> = {
  因病: 'illness', 疾病: 'illness', 大病: 'illness', 因残: 'disability', 残疾: 'disability', 因学: 'education', 上学: 'education',
  务工就业不稳: 'unstable_employment', 就业不稳: 'unstable_employment', 务工不稳: 'unstable_employment',
  产业项目失败: 'industry_failure', 产业失败: 'industry_failure', 因灾: 'disaster', 自然灾害: 'disaster',
  意外事故: 'accident', 因意外: 'accident', 缺劳动力: 'labour_shortage', 缺劳力: 'labour_shortage',
  illness: 'illness', disability: 'disability', education: 'education', unstable_employment: 'unstable_employment',
  industry_failure: 'industry_failure', disaster: 'disaster', accident: 'accident', labour_shortage: 'labour_shortage',
};

/** 帮扶措施 terms → measure. Other terms are kept as written (with a warning). */
export const MEASURE_VALUES: Record<string, string> = {
  产业: 'industry', 产业帮扶: 'industry', 就业: 'employment', 就业帮扶: 'employment', 小额信贷: 'microcredit',
  公益岗位: 'public_job', 公益性岗位: 'public_job', 帮扶车间: 'workshop', 就业帮扶车间: 'workshop', 雨露计划: 'yulu',
  庭院经济: 'courtyard', 资产收益分红: 'dividend', 分红: 'dividend',
  industry: 'industry', employment: 'employment', microcredit: 'microcredit', public_job: 'public_job',
  workshop: 'workshop', yulu: 'yulu', courtyard: 'courtyard', dividend: 'dividend',
};

/** Defaults of optional columns (README). */
export const DEFAULTS = {
  quarter: 4,
  labour: 0,
  category: 'tuopin',
  mgmt_class: 'stable',
  no_labour: false,
  safety_net: false,
  relocated: false,
  relocation_site: null,
  risk_tags: [] as string[],
  measures: [] as string[],
  risk_cleared: false,
  employed: 0,
  decline_cause: null,
} as const;
