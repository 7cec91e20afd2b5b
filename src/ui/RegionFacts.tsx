import type { RegionStats } from '../domain/income';
import type { Lang, Messages } from '../i18n';
import { formatGrowth, formatInteger, formatYuan } from '../i18n/format';
import type { FacilityKind } from '../data/queries/facilities';

/**
 * Name, value, growth, households and persons of one region: the tooltip's and selection card's
 * body. `facilities`: the region's facilities of each kind whose layer is on (omitted: no line).
 */
export function RegionFacts({ t, lang, name, stats, facilities, hidden }: { t: Messages; lang: Lang; name: string; stats: RegionStats | undefined; facilities?: [FacilityKind, number][]; hidden?: string }) {
  return (
    <>
      <div className="facts-name">{name}</div>
      {/* A figure suppressed in a public build: no number of it, however derived. */}
      {hidden ? <p className="facts-empty" data-testid="facts-hidden">— {hidden}</p> : stats ? (
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
      {facilities && facilities.length > 0 && (
        <dl className="facts facility-counts" data-testid="facts-facilities" aria-label={t.facilities.factsTitle}>
          {facilities.map(([kind, n]) => (
            <div key={kind} className="fact" data-kind={kind}>
              <dt>{t.facilities.kindNames[kind]}</dt>
              <dd>{formatInteger(n, lang)}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
