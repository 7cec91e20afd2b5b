import { useEffect, useState } from 'react';
import { NO_FILTER } from './domain/filter';
import type { Connector } from './data/engine/connector';
import { LOCALES, messages } from './i18n';
import { useDataset } from './state/use-dataset';
import { useViewState } from './state/use-view-state';
import { Dashboard } from './ui/Dashboard';
import { ErrorPanel } from './ui/ErrorPanel';
import { Header } from './ui/Header';
import { LanguageSwitch } from './ui/LanguageSwitch';
import { LoadingPanel } from './ui/LoadingPanel';
import { RegionSwitcher } from './ui/RegionSwitcher';
import { SyntheticBadge } from './ui/SyntheticBadge';

/**
 * Header (title, region switcher, language, synthetic badge) and the dashboard of the dataset
 * named by the URL, at the unit the URL names. Loading
 * shows per-file progress; a failure shows what failed and where.
 */
export function App({ createConnector }: { createConnector: () => Promise<Connector> }) {
  const [view, update] = useViewState();
  const [attempt, setAttempt] = useState(0);
  const load = useDataset(view.dataset, createConnector, attempt);
  const t = messages(view.lang);
  const manifest = load.status === 'ready' ? load.data.manifest : null;
  const regionName = manifest ? manifest.name[view.lang] : null;

  useEffect(() => {
    document.documentElement.lang = LOCALES[view.lang];
    document.title = regionName ? `${t.appTitle} · ${regionName}` : t.appTitle;
  }, [view.lang, t, regionName]);

  return (
    <div className="app">
      <Header t={t} regionName={regionName}>
        <RegionSwitcher t={t} lang={view.lang} dataset={view.dataset} onChange={(dataset) => update({ dataset, region: null, filter: NO_FILTER })} />
        {manifest?.synthetic && <SyntheticBadge t={t} provenance={manifest.provenance} />}
        <LanguageSwitch t={t} lang={view.lang} onChange={(lang) => update({ lang })} />
      </Header>
      {load.status === 'loading' && <LoadingPanel t={t} lang={view.lang} steps={load.steps} />}
      {load.status === 'error' && <ErrorPanel t={t} step={load.step} url={load.url} message={load.message} onRetry={() => setAttempt((a) => a + 1)} />}
      {load.status === 'ready' && <Dashboard key={view.dataset} t={t} data={load.data} view={view} update={update} />}
    </div>
  );
}
