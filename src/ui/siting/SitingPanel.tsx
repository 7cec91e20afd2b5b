import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { DatasetClient } from '../../data/dataset-client';
import { PartitionScopeError } from '../../data/dataset-client';
import { FACILITY_KINDS, loadSitingData, queryFacilityKinds } from '../../data/queries/siting';
import type { Level } from '../../domain/dataset';
import { formatInteger, formatPercent } from '../../i18n/format';
import type { Lang } from '../../i18n';
import { SITING_MESSAGES } from '../../i18n/siting';
import { CatchmentIndex, type Catchment, type CatchmentCounts } from '../../siting/catchment';
import { SITING_POPULATIONS, type Village } from '../../siting/demand';
import { sitesCsv, sitesGeoJson } from '../../siting/format';
import { circleRing, type LonLat } from '../../siting/geo';
import { suggestSites, type SitingData, type SitingQuestion, type SitingResult } from '../../siting/suggest';
import { MAX_CANDIDATES, type Candidate, type SiteParam } from '../../state/site-param';
import { downloadText } from '../panels/download';
import { CoverageCurve } from './CoverageCurve';
import { runExact, type ExactProgress } from './run-exact';
import './siting.css';

export interface SitingPanelProps {
  lang: Lang;
  client: DatasetClient;
  /** The scope: the unit on screen (a village's township when a village is open). */
  scope: { code: string; level: Level; name: string };
  /** The year on screen and whether it is a full year. */
  year: number;
  fullYear: boolean;
  site: SiteParam;
  onChange: (next: SiteParam | null) => void;
  /** Placement mode: the next map click adds a candidate. */
  placing: boolean;
  onPlacing: (on: boolean) => void;
  /** What the map draws for the siting view (rings, reached villages, suggested sites). */
  onOverlay: (overlay: FeatureCollection | null) => void;
}

type Loaded = SitingData & { year: number; villagesByCode: Map<string, Village>; index: CatchmentIndex };
type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Loaded };

function candidatePlace(c: Candidate, villages: Map<string, Village>): (LonLat & { label: string; code?: string }) | null {
  if ('village' in c) {
    const v = villages.get(c.village);
    return v ? { lon: v.lon, lat: v.lat, label: v.name, code: v.code } : null;
  }
  return { lon: c.lon, lat: c.lat, label: '' };
}

const COUNT_ROWS: (keyof Omit<CatchmentCounts, 'populations'>)[] = ['villages', 'households', 'persons', 'labour', 'relocated', 'monitored'];

/**
 * The planners' siting view: catchments of up to five candidates (placed on the map or found by
 * village name) against what existing facilities of the kind already reach, and k suggested sites
 * by maximal coverage — greedy at once, with its coverage curve, or exact by HiGHS in a worker
 * with progress and a stop button. All of it from src/siting/, as `npm run site` computes it.
 */
export function SitingPanel(props: SitingPanelProps) {
  const { lang, client, scope, site, onChange } = props;
  const m = SITING_MESSAGES[lang];
  const [kinds, setKinds] = useState<string[]>([...FACILITY_KINDS]);
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const yearAsked = props.fullYear ? props.year : undefined;

  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    (async () => {
      const db = await client.engineFor(scope.code);
      const present = await queryFacilityKinds(db);
      if (live) setKinds([...new Set([...present.map((k) => k.kind), ...FACILITY_KINDS])]);
      const got = await loadSitingData(db, { scope: scope.code, year: yearAsked, kind: site.kind });
      const villagesByCode = new Map(got.villages.map((v) => [v.code, v]));
      const index = new CatchmentIndex(got.cells, got.villages, got.existing);
      if (live) setLoad({ status: 'ready', data: { ...got, villagesByCode, index } });
    })().catch((e: unknown) => {
      if (!live) return;
      setLoad({ status: 'error', message: e instanceof PartitionScopeError ? m.partitioned : (e as Error).message });
    });
    return () => {
      live = false;
    };
  }, [client, scope.code, yearAsked, site.kind, m]);

  const data = load.status === 'ready' ? load.data : null;
  const set = (patch: Partial<SiteParam>) => onChange({ ...site, ...patch });

  // Catchments follow the radius at once; the suggestion follows it when the page has time.
  const places = useMemo(() => (data ? site.candidates.map((c) => candidatePlace(c, data.villagesByCode)) : []), [data, site.candidates]);
  const catchments = useMemo(() => {
    if (!data) return null;
    const valid = places.filter((p): p is NonNullable<typeof p> => p !== null);
    return { each: valid.map((p) => ({ place: p, c: data.index.catchment(p.lon, p.lat, site.radiusKm) })), together: valid.length > 1 ? data.index.union(valid, site.radiusKm) : null };
  }, [data, places, site.radiusKm]);

  const deferredRadius = useDeferredValue(site.radiusKm);
  const question = useMemo((): SitingQuestion | null => data ? {
    population: site.population, year: data.year, kind: site.kind, radiusKm: deferredRadius, k: site.k, scope: scope.code, method: 'greedy',
    weights: site.weights,
  } : null, [data, site.population, site.kind, deferredRadius, site.k, site.weights, scope.code]);
  const greedy = useMemo(() => {
    if (!question || !data) return null;
    try {
      return { result: suggestSites(question, data) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [question, data]);

  // The exact answer belongs to one question; a new question clears it.
  const [exact, setExact] = useState<{ key: string; state: 'running'; progress: ExactProgress | null; stop: () => void } | { key: string; state: 'done'; result: SitingResult } | { key: string; state: 'stopped' | 'error'; message: string } | null>(null);
  const qKey = question ? JSON.stringify(question) : '';
  const running = useRef<(() => void) | null>(null);
  useEffect(() => () => running.current?.(), []);
  const startExact = () => {
    if (!question || !data) return;
    running.current?.();
    const key = qKey;
    const job = runExact({ ...question, method: 'exact' }, data, (progress) => setExact((e) => (e && e.key === key && e.state === 'running' ? { ...e, progress } : e)));
    running.current = job.stop;
    setExact({ key, state: 'running', progress: null, stop: job.stop });
    job.done.then(
      (result) => setExact((e) => (e?.key === key ? { key, state: 'done', result } : e)),
      (err: Error) => setExact((e) => (e?.key === key ? { key, state: err.message === 'stopped' ? 'stopped' : 'error', message: err.message } : e)),
    ).finally(() => {
      if (running.current === job.stop) running.current = null;
    });
  };
  useEffect(() => {
    if (site.method === 'exact' && question && data && (!exact || exact.key !== qKey)) startExact();
    // Start when the question changes while the exact method is chosen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [site.method, qKey, data]);
  const exactNow = exact && exact.key === qKey ? exact : null;
  const shownResult: SitingResult | null = site.method === 'exact' && exactNow?.state === 'done' ? exactNow.result : (greedy && 'result' in greedy ? greedy.result! : null);

  // What the map draws.
  const { onOverlay } = props;
  useEffect(() => {
    if (!data) {
      onOverlay(null);
      return;
    }
    const features: FeatureCollection['features'] = [];
    const reached = new Set<string>();
    catchments?.each.forEach(({ place, c }, i) => {
      features.push({ type: 'Feature', properties: { role: 'candidate-ring', n: i + 1 }, geometry: { type: 'Polygon', coordinates: [circleRing(place.lon, place.lat, site.radiusKm)] } });
      features.push({ type: 'Feature', properties: { role: 'candidate', n: i + 1, label: `C${i + 1}` }, geometry: { type: 'Point', coordinates: [place.lon, place.lat] } });
      for (const code of c.villageCodes) reached.add(code);
    });
    for (const code of reached) {
      const v = data.villagesByCode.get(code);
      if (v) features.push({ type: 'Feature', properties: { role: 'reached' }, geometry: { type: 'Point', coordinates: [v.lon, v.lat] } });
    }
    shownResult?.sites.forEach((s, i) => {
      features.push({ type: 'Feature', properties: { role: 'site-ring', n: i + 1 }, geometry: { type: 'Polygon', coordinates: [circleRing(s.lon, s.lat, shownResult.radiusKm)] } });
      features.push({ type: 'Feature', properties: { role: 'site', n: i + 1, label: String(i + 1) }, geometry: { type: 'Point', coordinates: [s.lon, s.lat] } });
    });
    onOverlay({ type: 'FeatureCollection', features });
  }, [data, catchments, shownResult, site.radiusKm, onOverlay]);
  useEffect(() => () => onOverlay(null), [onOverlay]);

  // Village search.
  const [search, setSearch] = useState('');
  const matches = useMemo(() => {
    const s = search.trim();
    if (!data || !s) return [];
    return data.villages.filter((v) => v.name.includes(s) || v.code.startsWith(s)).slice(0, 8);
  }, [data, search]);
  const addCandidate = (c: Candidate) => {
    if (site.candidates.length >= MAX_CANDIDATES) return;
    set({ candidates: [...site.candidates, c] });
  };

  const n = (x: number) => formatInteger(x, lang);
  const kindName = (k: string) => m.kindName[k] ?? k;
  const fileBase = `site-${site.kind}-${site.radiusKm}km-k${site.k}-${shownResult?.method ?? 'greedy'}`;

  return (
    <section className="panel analysis-panel siting-panel" aria-labelledby="siting-heading" data-testid="siting-panel" data-state={load.status}>
      <header className="analysis-head">
        <div>
          <h2 id="siting-heading">{m.title}</h2>
          <p className="analysis-sub">{m.subtitle(scope.name, data?.year ?? props.year)}</p>
          {data && !props.fullYear && <p className="analysis-sub" data-testid="siting-year-note">{m.yearNote(props.year, data.year)}</p>}
        </div>
        <div className="analysis-actions">
          <button type="button" className="link-button" onClick={() => onChange(null)} aria-label={m.close}>×</button>
        </div>
      </header>

      <div className="siting-form">
        <label>
          <span>{m.kind}</span>
          <select value={site.kind} onChange={(e) => set({ kind: e.target.value })} data-testid="siting-kind">
            {kinds.map((k) => <option key={k} value={k}>{kindName(k)}</option>)}
          </select>
        </label>
        <label>
          <span>{m.population}</span>
          <select value={site.population} onChange={(e) => set({ population: e.target.value as SiteParam['population'] })} data-testid="siting-population" title={m.populationHelp[site.population]}>
            {SITING_POPULATIONS.map((p) => <option key={p} value={p}>{m.populationName[p]}</option>)}
          </select>
        </label>
        <label className="siting-radius">
          <span>{m.radius}</span>
          <input type="range" min={0.5} max={50} step={0.5} value={site.radiusKm} onChange={(e) => set({ radiusKm: Number(e.target.value) })} aria-label={`${m.radius} (${m.km})`} data-testid="siting-radius-range" />
          <input type="number" min={0.1} max={200} step={0.1} value={site.radiusKm} onChange={(e) => Number(e.target.value) > 0 && set({ radiusKm: Number(e.target.value) })} aria-label={`${m.radius} (${m.km})`} data-testid="siting-radius" />
          <span>{m.km}</span>
        </label>
        <label className="siting-check">
          <input type="checkbox" checked={site.weights.monitored === 2} onChange={(e) => set({ weights: e.target.checked ? { monitored: 2 } : {} })} data-testid="siting-weight" />
          <span>{m.weightMonitored}</span>
        </label>
      </div>

      {load.status === 'loading' && <p className="analysis-status loading" role="status"><span className="dot" aria-hidden="true" />{m.loading}</p>}
      {load.status === 'error' && <p className="analysis-status error" role="alert" data-testid="siting-error">{m.failed(load.message)}</p>}

      {data && (
        <>
          <h3 className="siting-h3">{m.candidates}</h3>
          <div className="siting-candidate-tools">
            <button type="button" aria-pressed={props.placing} onClick={() => props.onPlacing(!props.placing)} disabled={site.candidates.length >= MAX_CANDIDATES} data-testid="siting-place">
              {props.placing ? m.placing : m.place}
            </button>
            <div className="siting-search">
              <input type="search" value={search} placeholder={m.searchPlaceholder} aria-label={m.searchVillage} onChange={(e) => setSearch(e.target.value)} data-testid="siting-search" />
              {search.trim() && (
                <ul className="siting-matches" data-testid="siting-matches">
                  {matches.length === 0 && <li className="muted">{m.noMatch}</li>}
                  {matches.map((v) => (
                    <li key={v.code}>
                      <button type="button" disabled={site.candidates.length >= MAX_CANDIDATES} onClick={() => { addCandidate({ village: v.code }); setSearch(''); }}>
                        {v.name} <span className="muted">{v.code}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
          {site.candidates.length >= MAX_CANDIDATES && <p className="muted">{m.maxCandidates(MAX_CANDIDATES)}</p>}
          {catchments && catchments.each.length === 0 && <p className="muted">{m.noCandidates}</p>}
          {catchments && catchments.each.length > 0 && (
            <CatchmentTable lang={lang} m={m} each={catchments.each} together={catchments.together} kind={kindName(site.kind)} radiusKm={site.radiusKm}
              onRemove={(i) => set({ candidates: site.candidates.filter((_, j) => j !== i) })} />
          )}

          <h3 className="siting-h3">{m.suggest}</h3>
          <div className="siting-form">
            <label>
              <span>{m.k}</span>
              <input type="number" min={1} max={100} step={1} value={site.k} onChange={(e) => Number.isInteger(Number(e.target.value)) && Number(e.target.value) >= 1 && set({ k: Math.min(100, Number(e.target.value)) })} data-testid="siting-k" />
            </label>
            <div className="siting-methods" role="group" aria-label={m.suggest}>
              <button type="button" aria-pressed={site.method === 'greedy'} onClick={() => { running.current?.(); set({ method: 'greedy' }); }} data-testid="siting-greedy">{m.greedy}</button>
              <button type="button" aria-pressed={site.method === 'exact'} onClick={() => (site.method === 'exact' ? startExact() : set({ method: 'exact' }))} data-testid="siting-exact">{m.exact}</button>
            </div>
          </div>
          {greedy && 'error' in greedy && <p className="analysis-status error" role="alert">{m.failed(greedy.error!)}</p>}
          {exactNow?.state === 'running' && (
            <div className="siting-progress" role="status" data-testid="siting-progress">
              <progress value={exactNow.progress ? Math.max(0, exactNow.progress.incumbent) : undefined} max={exactNow.progress ? Math.max(1, exactNow.progress.bound) : undefined} />
              <span>{exactNow.progress ? m.solving((exactNow.progress.elapsedMs / 1000).toFixed(1), n(exactNow.progress.incumbent), n(Math.floor(exactNow.progress.bound))) : m.running}</span>
              <button type="button" onClick={exactNow.stop} data-testid="siting-stop">{m.stop}</button>
            </div>
          )}
          {exactNow?.state === 'stopped' && <p className="muted" role="status">{m.stopped}</p>}
          {exactNow?.state === 'error' && <p className="analysis-status error" role="alert">{m.failed(exactNow.message)}</p>}
          {shownResult && (
            <div className="siting-result" data-testid="siting-result" data-method={shownResult.method} data-optimal={String(shownResult.optimal)} data-covered={shownResult.covered} data-k={shownResult.k} data-radius={shownResult.radiusKm} data-compute-ms={shownResult.elapsedMs}>
              <p>{m.demand(n(shownResult.demandTotal), n(shownResult.coveredByExisting), kindName(shownResult.kind))}</p>
              <p><strong>{m.coveredNew(n(shownResult.covered), shownResult.sites.length)}</strong>
                {' · '}
                {shownResult.optimal ? m.optimal : shownResult.method === 'greedy' ? m.greedyBound(n(Math.floor(shownResult.bound))) : m.notOptimal(n(Math.floor(shownResult.bound)), formatPercent(shownResult.gap, lang))}
              </p>
              {shownResult.weightedCovered !== undefined && <p className="muted">{m.weighted(n(shownResult.weightedDemandTotal!), n(shownResult.weightedCovered))}</p>}
              {shownResult.unplaced > 0 && <p className="muted">{m.unplaced(n(shownResult.unplaced))}</p>}
              <CoverageCurve lang={lang} m={m} curve={shownResult.curve} exact={shownResult.method === 'exact' ? shownResult.covered : null} />
              <table className="siting-sites" data-testid="siting-sites">
                <thead><tr><th scope="col">{m.rank}</th><th scope="col">{m.village}</th><th scope="col">{m.gain}</th><th scope="col">{m.cumulative}</th></tr></thead>
                <tbody>
                  {(() => {
                    let cum = 0;
                    return shownResult.sites.map((s, i) => {
                      cum += s.gain;
                      return (
                        <tr key={s.villageCode} data-code={s.villageCode}>
                          <td>{i + 1}</td>
                          <td><button type="button" className="link-button" title={s.villageCode} onClick={() => addCandidate({ village: s.villageCode })}>{s.name}</button></td>
                          <td className="num">{n(s.gain)}</td>
                          <td className="num">{n(cum)}</td>
                        </tr>
                      );
                    });
                  })()}
                </tbody>
              </table>
              <div className="siting-exports">
                <button type="button" onClick={() => downloadText(sitesCsv(shownResult), `${fileBase}.csv`)} data-testid="siting-export-csv">{m.exportCsv}</button>
                <button type="button" onClick={() => downloadText(JSON.stringify(sitesGeoJson(shownResult), null, 2), `${fileBase}.geojson`, 'application/geo+json')} data-testid="siting-export-geojson">{m.exportGeoJson}</button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function CatchmentTable(props: {
  lang: Lang;
  m: (typeof SITING_MESSAGES)['zh'];
  each: { place: LonLat & { label: string; code?: string }; c: Catchment }[];
  together: Catchment | null;
  kind: string;
  radiusKm: number;
  onRemove: (i: number) => void;
}) {
  const { lang, m, each, together } = props;
  const n = (x: number) => formatInteger(x, lang);
  const cols = [...each.map((e, i) => ({ key: `c${i}`, head: `C${i + 1}`, sub: e.place.label || m.placeAt(e.place.lon.toFixed(3), e.place.lat.toFixed(3)), c: e.c, i })), ...(together ? [{ key: 'all', head: m.together, sub: '', c: together, i: -1 }] : [])];
  const rows: { label: string; get: (x: CatchmentCounts) => number }[] = [
    ...COUNT_ROWS.map((r) => ({ label: m.rows[r], get: (x: CatchmentCounts) => x[r] })),
    ...SITING_POPULATIONS.map((p) => ({ label: m.populationName[p], get: (x: CatchmentCounts) => x.populations[p] })),
  ];
  return (
    <div className="siting-catchments">
      <table data-testid="siting-catchments" data-radius={props.radiusKm}>
        <caption className="muted">{m.catchmentCaption(props.kind)}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {cols.map((c) => (
              <th scope="col" key={c.key} data-testid={`siting-col-${c.key}`}>
                <span className="siting-colhead">{c.head}</span>
                {c.i >= 0 && <button type="button" className="link-button" aria-label={m.remove(c.sub)} onClick={() => props.onRemove(c.i)}>×</button>}
                {c.sub && <span className="siting-colsub" title={c.sub}>{c.sub}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={ri}>
              <th scope="row">{r.label}</th>
              {cols.map((c) => (
                <td key={c.key} className="num" data-within={r.get(c.c.within)} data-marginal={r.get(c.c.marginal)}>
                  {n(r.get(c.c.within))}
                  <span className="siting-new">+{n(r.get(c.c.marginal))}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
