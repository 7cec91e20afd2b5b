import type { Lang } from './index';

/** UI text of public mode (a public build's page: aggregates only, small counts not published). */
export interface PublicMessages {
  badge: string;
  badgeTitle: (k: number) => string;
  hidden: string;
  footnote: (k: number) => string;
  readOnly: string;
}

const zh: PublicMessages = {
  badge: '公开版',
  badgeTitle: (k) => `公开展示版：只含汇总数字；涉及住户少于 ${k} 户的数字，以及可据以推算出这类数字的数字，均不公布。`,
  hidden: '不公布',
  footnote: (k) => `“—”：不公布（涉及住户少于 ${k} 户，或可据以推算出这类数字）。`,
  readOnly: '公开版只显示汇总数字，不含住户明细、筛选和分析面板。',
};

const en: PublicMessages = {
  badge: 'Public edition',
  badgeTitle: (k) => `Public edition: aggregates only; figures about fewer than ${k} households, and figures from which such a figure could be worked out, are not published.`,
  hidden: 'Not published',
  footnote: (k) => `“—”: not published (fewer than ${k} households, or it would let such a figure be worked out).`,
  readOnly: 'The public edition shows aggregates only: no household records, filters or analysis panels.',
};

export const PUBLIC_MESSAGES: Record<Lang, PublicMessages> = { zh, en };
