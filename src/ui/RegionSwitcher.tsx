import { useEffect, useId, useState } from 'react';
import { DEMO_REGIONS, demoDatasetPath, probeDemoRegions } from '../data/demo-regions';
import type { Lang, Messages } from '../i18n';

/**
 * The demo region on screen, as a native select. Regions whose dataset folder is missing are
 * listed but disabled, with the command that generates them. A dataset opened by a custom
 * `?data=` path (or imported in the page: `customLabel`) shows as an extra, selected entry.
 */
export function RegionSwitcher({ t, lang, dataset, onChange, customLabel }: { t: Messages; lang: Lang; dataset: string; onChange: (dataset: string) => void; customLabel?: string }) {
  const id = useId();
  const [available, setAvailable] = useState<Record<string, boolean> | null>(null);
  useEffect(() => {
    let cancelled = false;
    probeDemoRegions().then((a) => !cancelled && setAvailable(a));
    return () => {
      cancelled = true;
    };
  }, []);
  const known = DEMO_REGIONS.some((r) => demoDatasetPath(r.id) === dataset);
  return (
    <div className="region-switcher">
      <label htmlFor={id} className="sr-only">
        {t.regionSwitcher}
      </label>
      <select id={id} value={dataset} onChange={(e) => onChange(e.target.value)} data-testid="region-switcher" title={t.regionSwitcher}>
        {!known && <option value={dataset}>{customLabel ?? t.regionCustom(dataset)}</option>}
        {DEMO_REGIONS.map((r) => {
          const path = demoDatasetPath(r.id);
          const missing = available !== null && !available[r.id] && path !== dataset;
          return (
            <option key={r.id} value={path} disabled={missing} data-region={r.id}>
              {r.name[lang]}
              {missing ? t.regionUnavailable(`npm run data -- --region ${r.id}`) : ''}
            </option>
          );
        })}
      </select>
    </div>
  );
}
