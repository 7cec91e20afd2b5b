import type { HouseholdRow } from '../../data/queries/households';
import type { Lang, Messages } from '../../i18n';
import { cents, toCsv, type CsvColumn } from '../../domain/csv';
import { categoryLabel, causeLabel, measureLabel, mgmtClassLabel, riskLabel } from './labels';

/**
 * Columns of an exported ledger, headers and vocabulary in the UI language. Households are
 * anonymous: an id and the village, never a name (the data has none).
 */
export function ledgerCsvColumns(t: Messages, lang: Lang, placeName: (code: string) => string): CsvColumn<HouseholdRow>[] {
  const c = t.panels.columns;
  const yesNo = (b: boolean) => (b ? t.panels.yes : t.panels.no);
  const list = (xs: string[], label: (id: string) => string) => xs.map(label).join(lang === 'zh' ? '、' : '; ');
  return [
    { header: c.hh_id, value: (r) => r.hh_id },
    { header: c.village_id, value: (r) => r.village_code },
    { header: c.village_code, value: (r) => placeName(r.village_code) },
    { header: c.persons, value: (r) => r.persons },
    { header: c.labour, value: (r) => r.labour },
    { header: c.category, value: (r) => categoryLabel(t, r.category) },
    { header: c.mgmt_class, value: (r) => mgmtClassLabel(t, r.mgmt_class) },
    { header: c.wage, value: (r) => cents(r.wage) },
    { header: c.operating, value: (r) => cents(r.operating) },
    { header: c.property, value: (r) => cents(r.property) },
    { header: c.transfer, value: (r) => cents(r.transfer) },
    { header: c.net, value: (r) => cents(r.net) },
    { header: c.per_capita, value: (r) => cents(r.per_capita) },
    { header: c.growth, value: (r) => (r.growth === null ? null : Math.round(r.growth * 10000) / 10000) },
    { header: c.no_labour, value: (r) => yesNo(r.no_labour) },
    { header: c.safety_net, value: (r) => yesNo(r.safety_net) },
    { header: c.relocated, value: (r) => yesNo(r.relocated) },
    { header: c.relocation_site, value: (r) => r.relocation_site },
    { header: c.employed, value: (r) => r.employed },
    { header: c.risks, value: (r) => list(r.risk_tags, (id) => riskLabel(t, id)) },
    { header: c.decline_cause, value: (r) => causeLabel(t, r.decline_cause) },
    { header: c.measures, value: (r) => list(r.measures, (id) => measureLabel(t, id)) },
  ];
}

/** The ledger as a CSV file's text (BOM, CRLF). */
export function ledgerCsv(rows: readonly HouseholdRow[], t: Messages, lang: Lang, placeName: (code: string) => string): string {
  return toCsv(ledgerCsvColumns(t, lang, placeName), rows);
}
