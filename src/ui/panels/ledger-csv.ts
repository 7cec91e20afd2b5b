import type { HouseholdRow } from '../../data/queries/households';
import type { Lang, Messages } from '../../i18n';
import { toCsv, type CsvColumn, type CsvPrecision } from '../../domain/csv';
import { categoryLabel, causeLabel, measureLabel, mgmtClassLabel, riskLabel } from './labels';

/**
 * Columns of an exported ledger or household table, headers and vocabulary in the UI language.
 * Households are anonymous: an id and the village, never a name (the data has none). Amounts are
 * yuan, growth is in percent (src/domain/csv.ts: rounded as shown unless full precision).
 */
export function ledgerCsvColumns(t: Messages, lang: Lang, placeName: (code: string) => string): CsvColumn<HouseholdRow>[] {
  const c = t.panels.columns;
  const yesNo = (b: boolean) => (b ? t.panels.yes : t.panels.no);
  const list = (xs: string[], label: (id: string) => string) => xs.map(label).join(lang === 'zh' ? '、' : '; ');
  return [
    { header: c.hh_id, value: (r) => r.hh_id },
    { header: c.village_id, value: (r) => r.village_code },
    { header: c.village_code, value: (r) => placeName(r.village_code) },
    { header: c.persons, value: (r) => r.persons, number: 'count' },
    { header: c.labour, value: (r) => r.labour, number: 'count' },
    { header: c.category, value: (r) => categoryLabel(t, r.category) },
    { header: c.mgmt_class, value: (r) => mgmtClassLabel(t, r.mgmt_class) },
    { header: c.wage, value: (r) => r.wage, number: 'yuan' },
    { header: c.operating, value: (r) => r.operating, number: 'yuan' },
    { header: c.property, value: (r) => r.property, number: 'yuan' },
    { header: c.transfer, value: (r) => r.transfer, number: 'yuan' },
    { header: c.net, value: (r) => r.net, number: 'yuan' },
    { header: c.per_capita, value: (r) => r.per_capita, number: 'yuan' },
    { header: t.panels.csvGrowthPercent, value: (r) => r.growth, number: 'percent' },
    { header: c.no_labour, value: (r) => yesNo(r.no_labour) },
    { header: c.safety_net, value: (r) => yesNo(r.safety_net) },
    { header: c.relocated, value: (r) => yesNo(r.relocated) },
    { header: c.relocation_site, value: (r) => r.relocation_site },
    { header: c.employed, value: (r) => r.employed, number: 'count' },
    { header: c.risks, value: (r) => list(r.risk_tags, (id) => riskLabel(t, id)) },
    { header: c.decline_cause, value: (r) => causeLabel(t, r.decline_cause) },
    { header: c.measures, value: (r) => list(r.measures, (id) => measureLabel(t, id)) },
  ];
}

/** The ledger as a CSV file's text (BOM, CRLF), numbers rounded as shown unless `precision` is 'full'. */
export function ledgerCsv(rows: readonly HouseholdRow[], t: Messages, lang: Lang, placeName: (code: string) => string, precision: CsvPrecision = 'shown'): string {
  return toCsv(ledgerCsvColumns(t, lang, placeName), rows, precision);
}
