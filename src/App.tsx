import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { NO_FILTER } from './domain/filter';
import type { Connector } from './data/engine/connector';
import type { DatasetClient } from './data/dataset-client';
import { availablePlans, loadBundledPlan } from './data/plans';
import { LOCALES, messages } from './i18n';
import { correctPeriodAndPlan, nearestUnit, noticeKey, type UrlNotice } from './state/url-corrections';
import { useDataset } from './state/use-dataset';
import { useViewState, type UpdateView } from './state/use-view-state';
import { datasetFromParam, type ViewState } from './state/view-state';
import { Dashboard } from './ui/Dashboard';
import { ErrorPanel } from './ui/ErrorPanel';
import { Header } from './ui/Header';
import { LanguageSwitch } from './ui/LanguageSwitch';
import { LoadingPanel } from './ui/LoadingPanel';
import { RegionSwitcher } from './ui/RegionSwitcher';
import { SyntheticBadge } from './ui/SyntheticBadge';
import { UrlNotices } from './ui/UrlNotices';
import { IMPORT_MESSAGES } from './i18n/import';
import { isLocalDataset } from './data/local-folder';
import type { PickedFile } from './ui/import/run-import';
import { filesFromDrop } from './ui/import/drop-files';
import { IS_PUBLIC_BUILD } from './disclosure/public-flag';
import { PUBLIC_MESSAGES } from './i18n/public';

// The import dialog and its worker load when first opened.
const ImportDialog = lazy(() => import('./ui/import/ImportDialog').then((m) => ({ default: m.ImportDialog })));

/**
 * Header (title, region switcher, language, synthetic badge) and the dashboard of the dataset
 * named by the URL, at the unit the URL names. Loading shows per-file progress; a dataset that
 * cannot be opened shows what failed and which datasets can be; a region, year or plan the
 * dataset lacks is corrected in the URL and said in a notice (src/state/url-corrections.ts).
 */
export function App({ createConnector }: { createConnector: () => Promise<Connector> }) {
  const [view, update] = useViewState();
  const [attempt, setAttempt] = useState(0);
  const load = useDataset(view.dataset, createConnector, attempt);
  const t = messages(view.lang);
  const data = load.status === 'ready' ? load.data : null;
  const manifest = data?.manifest ?? null;
  const regionName = manifest ? manifest.name[view.lang] : null;
  const [notices, addNotices, dismiss] = useNotices(view.dataset);
  const shownRegion = useCheckedRegion(data?.client ?? null, view.region, update, addNotices);
  useViewCorrections(data, view, update, addNotices);

  useEffect(() => {
    document.documentElement.lang = LOCALES[view.lang];
    document.title = regionName ? `${t.appTitle} · ${regionName}` : t.appTitle;
  }, [view.lang, t, regionName]);

  const openDataset = (dataset: string, replace = false) =>
    update({ dataset, region: null, filter: NO_FILTER, year: null, quarter: null, plan: null, target: null }, { replace });
  const [referenceVersion, setReferenceVersion] = useState(0);
  const [importing, setImporting] = useState<{ files: PickedFile[] | null } | null>(null);
  const onDroppedFiles = useCallback((files: PickedFile[]) => setImporting({ files }), []);
  // Public mode (a public build, or a dataset of one) is read-only: no import, no dropped files.
  const publicMode = IS_PUBLIC_BUILD || !!manifest?.public;
  const dragging = usePageDrop(onDroppedFiles, importing === null && !publicMode);
  const pm = PUBLIC_MESSAGES[view.lang];
  const it = IMPORT_MESSAGES[view.lang];

  return (
    <div className="app">
      <Header t={t} regionName={regionName}>
        <RegionSwitcher
          t={t}
          lang={view.lang}
          dataset={view.dataset}
          onChange={(dataset) => openDataset(dataset)}
          customLabel={isLocalDataset(view.dataset) && manifest ? it.localLabel(manifest.name[view.lang]) : undefined}
        />
        {publicMode
          ? <span className="public-badge" data-testid="public-badge" title={pm.badgeTitle(manifest?.public?.k ?? 10)}>{pm.badge}</span>
          : <button type="button" className="import-open" onClick={() => setImporting({ files: null })} data-testid="import-open">{it.open}</button>}
        {manifest?.synthetic && <SyntheticBadge t={t} provenance={manifest.provenance} />}
        <LanguageSwitch t={t} lang={view.lang} onChange={(lang) => update({ lang })} />
      </Header>
      {load.status === 'loading' && <LoadingPanel t={t} lang={view.lang} steps={load.steps} />}
      {load.status === 'error' && (
        <ErrorPanel
          t={t}
          lang={view.lang}
          dataset={view.dataset}
          step={load.step}
          url={load.url}
          message={load.message}
          failure={load.failure}
          onRetry={() => setAttempt((a) => a + 1)}
          // The failed dataset's URL is not worth returning to: the choice replaces it.
          onOpen={(dataset) => openDataset(dataset, true)}
        />
      )}
      {data && (shownRegion === undefined
        ? <p className="center-panel">{t.loadingUnit}</p>
        : <Dashboard key={`${view.dataset}|${referenceVersion}`} t={t} data={data} view={shownRegion === view.region ? view : { ...view, region: shownRegion }} update={update} />)}
      {importing && !publicMode && (
        <Suspense fallback={null}>
          <ImportDialog
            lang={view.lang}
            initialFiles={importing.files}
            onAddReference={data ? async (rows) => {
              const replaced = await data.client.addReference(rows);
              // Every panel asks again (the engine's results were forgotten).
              setReferenceVersion((v) => v + 1);
              return replaced;
            } : null}
            onClose={() => setImporting(null)}
            onOpen={(dataset) => {
              setImporting(null);
              openDataset(dataset);
            }}
          />
        </Suspense>
      )}
      {dragging && <div className="page-drop" aria-hidden="true">{it.pageDrop}</div>}
      {manifest && <UrlNotices t={t} lang={view.lang} notices={notices} rootName={manifest.name[view.lang]} onDismiss={dismiss} />}
    </div>
  );
}

type AddNotices = (notices: UrlNotice[]) => void;

/**
 * Files dragged onto the page: true while they are over it (and `enabled`); on drop the files
 * (and the files of dropped folders) go to `onFiles`. While not enabled (the import dialog is
 * open and has its own drop zone) a drop elsewhere on the page is still caught, so the browser
 * never navigates away to show the file. Drags of anything but files are ignored.
 */
function usePageDrop(onFiles: (files: PickedFile[]) => void, enabled: boolean): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!enabled) setOver(false);
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      if (enabled) setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      if (!enabled) return;
      const dt = e.dataTransfer;
      void filesFromDrop(dt).then((files) => files.length && onFiles(files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles, enabled]);
  return over;
}

/**
 * Notices of the dataset on screen, once each; cleared when another dataset opens. The first
 * one comes from the page's own URL: a `data` value that may not be opened (another host).
 */
function useNotices(dataset: string): [UrlNotice[], AddNotices, (key: string) => void] {
  const [state, setState] = useState<{ dataset: string; notices: UrlNotice[] }>(() => {
    const raw = new URLSearchParams(window.location.search).get('data');
    return { dataset, notices: raw !== null && datasetFromParam(raw) === null ? [{ kind: 'bad-dataset', value: raw }] : [] };
  });
  const notices = state.dataset === dataset ? state.notices : [];
  const add = useCallback<AddNotices>((more) => {
    if (more.length === 0) return;
    setState((s) => {
      const base = s.dataset === dataset ? s.notices : [];
      const keys = new Set(base.map(noticeKey));
      const fresh = more.filter((n) => !keys.has(noticeKey(n)));
      return fresh.length ? { dataset, notices: [...base, ...fresh] } : s;
    });
  }, [dataset]);
  const dismiss = useCallback((key: string) => setState((s) => ({ ...s, notices: s.notices.filter((n) => noticeKey(n) !== key) })), []);
  return [notices, add, dismiss];
}

/**
 * The region to show: the URL's once the dataset is known to have it, else its nearest
 * ancestor the dataset has (the root when none), the URL corrected in place and a notice added.
 * While a new code is checked the previous region stays on screen; undefined until the first
 * check. The root (no region) needs no check, so the first screen waits for nothing.
 */
function useCheckedRegion(client: DatasetClient | null, region: string | null, update: UpdateView, addNotices: AddNotices): string | null | undefined {
  const [checked, setChecked] = useState<{ client: DatasetClient; region: string | null } | null>(null);
  const trivial = client !== null && (region === null || region === client.manifest.root.code);
  useEffect(() => {
    if (!client) return;
    if (region === null || region === client.manifest.root.code) {
      setChecked({ client, region });
      return;
    }
    let live = true;
    nearestUnit(client, region).then(
      (unit) => {
        if (!live) return;
        if (unit.exists) {
          setChecked({ client, region });
          return;
        }
        const corrected = unit.code === client.manifest.root.code ? null : unit.code;
        addNotices([{ kind: 'no-unit', code: region, instead: unit.names }]);
        update({ region: corrected }, { replace: true });
        setChecked({ client, region: corrected });
      },
      // Existence unknown (network): the unit's view says what failed.
      () => live && setChecked({ client, region }),
    );
    return () => {
      live = false;
    };
  }, [client, region, update, addNotices]);
  if (!client) return undefined;
  if (trivial) return region;
  return checked?.client === client ? checked.region : undefined;
}

/** Year, quarter, plan and target the URL asks for, corrected against the loaded dataset. */
function useViewCorrections(data: { client: DatasetClient; rootSums: { get: (code: string, y: number, q: number) => unknown } } | null, view: ViewState, update: UpdateView, addNotices: AddNotices): void {
  const { year, quarter, plan, target } = view;
  useEffect(() => {
    if (!data) return;
    const m = data.client.manifest;
    const has = (y: number, q: number) => data.rootSums.get(m.root.code, y, q) !== undefined;
    const { patch, notices } = correctPeriodAndPlan({ year, quarter, plan }, m, has, availablePlans(m.plans));
    addNotices(notices);
    if (Object.keys(patch).length) update(patch, { replace: true });
  }, [data, year, quarter, plan, update, addNotices]);

  // A target id is checked against its plan's targets once the plan (a small bundled chunk) is read.
  useEffect(() => {
    if (!data || target === null) return;
    const plans = availablePlans(data.client.manifest.plans);
    const planId = plan !== null && plans.includes(plan) ? plan : (plans[0] ?? null);
    let live = true;
    const drop = () => {
      if (!live) return;
      addNotices([{ kind: 'no-target', target }]);
      update({ target: null }, { replace: true });
    };
    if (planId === null) drop();
    else loadBundledPlan(planId).then((p) => !p.targets.some((g) => g.id === target) && drop(), () => {});
    return () => {
      live = false;
    };
  }, [data, plan, target, update, addNotices]);
}
