import type { BoundaryCollection } from '../data/dataset-client';
import type { RegionStats } from '../domain/income';
import { placeName, type Lang, type Messages } from '../i18n';
import { formatGrowth, formatInteger, formatYuan } from '../i18n/format';

/**
 * The map's figures as a table for screen readers (visually hidden): the choropleth itself cannot
 * be read without sight or a pointer.
 */
export function RegionTable({ t, lang, caption, levelName, features, stats }: { t: Messages; lang: Lang; caption: string; levelName: string; features: BoundaryCollection; stats: Map<string, RegionStats> }) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{levelName}</th>
          <th scope="col">{`${t.perCapita} (${t.unitYuan})`}</th>
          <th scope="col">{t.growth}</th>
          <th scope="col">{`${t.households} (${t.unitHouseholds})`}</th>
          <th scope="col">{`${t.persons} (${t.unitPersons})`}</th>
        </tr>
      </thead>
      <tbody>
        {features.features.map((f) => {
          const s = stats.get(f.properties.code);
          return (
            <tr key={f.properties.code}>
              <th scope="row">{placeName(f.properties, lang)}</th>
              <td>{s ? formatYuan(s.perCapita, lang) : t.noData}</td>
              <td>{s ? formatGrowth(s.growth, lang) : t.noData}</td>
              <td>{s ? formatInteger(s.sums.households, lang) : t.noData}</td>
              <td>{s ? formatInteger(s.sums.persons, lang) : t.noData}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
