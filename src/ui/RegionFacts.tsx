import type { RegionStats } from '../domain/income';
import type { Lang, Messages } from '../i18n';
import { formatGrowth, formatInteger, formatYuan } from '../i18n/format';

/** Name, value, growth, households and persons of one region: the tooltip's and selection card's body. */
export function RegionFacts({ t, lang, name, stats }: { t: Messages; lang: Lang; name: string; stats: RegionStats | undefined }) {
  return (
    <>
      <div className="facts-name">{name}</div>
      {stats ? (
        <dl className="facts">
          <dt>{t.perCapita}</dt>
          <dd>
            {formatYuan(stats.perCapita, lang)} <small>{t.unitYuan}</small>
          </dd>
          <dt>{t.growth}</dt>
          <dd>{formatGrowth(stats.growth, lang)}</dd>
          <dt>{t.households}</dt>
          <dd>
            {formatInteger(stats.sums.households, lang)} <small>{t.unitHouseholds}</small>
          </dd>
          <dt>{t.persons}</dt>
          <dd>
            {formatInteger(stats.sums.persons, lang)} <small>{t.unitPersons}</small>
          </dd>
        </dl>
      ) : (
        <p className="facts-empty">{t.noData}</p>
      )}
    </>
  );
}
