import type { BreakMethod } from '../domain/classify';
import { NO_FILTER, type HouseholdFilter } from '../domain/filter';
import { DEFAULT_LANG, LANGS, type Lang } from '../i18n';
import { isPopulationId, type PopulationId } from '../domain/population';
import { parseFilter, serializeFilter } from './filter-param';
import { parseSiteParam, serializeSiteParam, type SiteParam } from './site-param';
import { NO_LAYERS, parseCamera, parseLayersParam, serializeCamera, serializeLayersParam, type Camera, type LayersParam } from './layers-param';

/** What the choropleth colours counties by. */
/** `gap` and `status` colour units by one target of the plan (`target`). */
export type Metric = 'income' | 'growth' | 'gap' | 'status';
export const METRICS: readonly Metric[] = ['income', 'growth', 'gap', 'status'];
export const BREAK_METHODS: readonly BreakMethod[] = ['quantile', 'jenks'];

/**
 * The one value every view derives from. It is the page's URL query, parsed; changing it pushes
 * a history entry, so back/forward restore earlier views.
 *
 * `year` and `quarter` are null for "the dataset's default" (the latest full year), because the
 * years a dataset holds are only known once its manifest is loaded (see `period.ts`).
 */
export interface ViewState {
  /** Dataset folder, relative to the page (or root-relative); never another host. */
  dataset: string;
  year: number | null;
  /** Year-to-date quarter (4 = full year); null for the year's default. */
  quarter: number | null;
  metric: Metric;
  breaks: BreakMethod;
  lang: Lang;
  /**
   * The unit on screen (12-digit statistical code); null for the dataset's root. A code outside
   * the loaded dataset also falls back to the root (checked once the manifest is known).
   */
  region: string | null;
  /** Cross-filter on households; `NO_FILTER` shows everyone (pre-aggregated sums). */
  filter: HouseholdFilter;
  /** Plan whose targets the scorecard evaluates (an id of `manifest.plans`); null = the dataset's first plan. */
  plan: string | null;
  /** Target the gap and status maps show (a target id of the plan); null = the first the units answer. */
  target: string | null;
  /**
   * The population every figure speaks of (src/domain/population.ts); null = the dataset's own
   * (its plan's headline population, `manifest.population`).
   */
  population: PopulationId | null;
  /**
   * How the map's classes are found: per shown year (`year`, the default: units compared within
   * the year), or over every year of the slider (`all-years`: a colour means the same in every
   * year, so change shows; playback switches to it).
   */
  classes: ClassBasis;
  /** The siting view (src/state/site-param.ts): open when set. */
  site: SiteParam | null;
  /**
   * How the page is laid out: `explore` (the dashboard), `briefing` (full screen, large KPI tiles,
   * stepped through saved views) or `kiosk` (the briefing layout advancing by itself).
   */
  mode: ViewMode;
  /** Facility, demand and data-quality layers switched on (src/state/layers-param.ts). */
  layers: LayersParam;
  /** Where the map looks; null = fitted to the regions on screen. */
  camera: Camera | null;
  /** The saved view on screen in a briefing (its id in the story list), or null. */
  story: string | null;
}

export type ViewMode = 'explore' | 'briefing' | 'kiosk';
export const VIEW_MODES: readonly ViewMode[] = ['explore', 'briefing', 'kiosk'];

export type ClassBasis = 'all-years' | 'year';
export const CLASS_BASES: readonly ClassBasis[] = ['all-years', 'year'];

export const DEFAULT_DATASET = 'data/ningxia/';

export const DEFAULT_VIEW: ViewState = {
  dataset: DEFAULT_DATASET,
  year: null,
  quarter: null,
  metric: 'income',
  breaks: 'quantile',
  lang: DEFAULT_LANG,
  region: null,
  filter: NO_FILTER,
  plan: null,
  target: null,
  population: null,
  classes: 'year',
  site: null,
  mode: 'explore',
  layers: NO_LAYERS,
  camera: null,
  story: null,
};

/** Query parameter names. */
const P = { dataset: 'data', year: 'year', quarter: 'q', metric: 'metric', breaks: 'breaks', lang: 'lang', region: 'region', filter: 'filter', plan: 'plan', target: 'target', population: 'pop', classes: 'classes', site: 'site', mode: 'mode', layers: 'layers', camera: 'cam', story: 'story' } as const;

/**
 * A dataset path is accepted only when it is relative or root-relative and made of plain path
 * characters: no scheme, no `//host`, no query, so a crafted link cannot point the dashboard at
 * another origin.
 */
export function isSafeDatasetPath(path: string): boolean {
  return /^[A-Za-z0-9_\-./]+$/.test(path) && !path.startsWith('//') && path.length <= 200;
}

// ---- Dataset ids (issue 15 item 5) ----

/** A dataset id: letters, digits, `-` and `_`, no `/` and no `.` (e.g. `jiangxi`, `jiangxi-parts`). */
const DATASET_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * The dataset folder a `data` parameter names, or null when it names none that may be opened.
 * A dataset id opens `data/<id>/` next to the page (`?data=jiangxi` → `data/jiangxi/`, the
 * folder `npm run data -- --region <id>` writes); anything else is a folder path, accepted only
 * when `isSafeDatasetPath` allows it (so `?data=./jiangxi/` opens a folder `jiangxi/` itself).
 */
export function datasetFromParam(value: string | null): string | null {
  if (value === null) return null;
  if (DATASET_ID.test(value)) return `data/${value}/`;
  // A dataset held in the page's memory (src/data/local-folder.ts).
  if (/^local:[a-z0-9]{1,40}\/?$/.test(value)) return value.endsWith('/') ? value : `${value}/`;
  return isSafeDatasetPath(value) ? value : null;
}

/** The `data` parameter of a dataset folder: `data/<id>/` is written as its id, any other path as it is. */
export function datasetParam(dataset: string): string {
  const m = /^data\/([^/]+)\/$/.exec(dataset);
  return m && DATASET_ID.test(m[1]) ? m[1] : dataset;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function intIn(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** A 12-digit statistical code, or null. */
/** A plan id: lower-case words, digits and dashes (e.g. `ningxia-2024`). */
function planId(value: string | null): string | null {
  return value !== null && /^[a-z0-9-]{1,40}$/.test(value) ? value : null;
}

/** A target id: lower-case words, digits, dashes and dots (e.g. `growth-above-regional`). */
function targetId(value: string | null): string | null {
  return value !== null && /^[a-z0-9.-]{1,60}$/.test(value) ? value : null;
}

/** A saved view's id: letters, digits and dashes. */
function storyId(value: string | null): string | null {
  return value !== null && /^[A-Za-z0-9-]{1,40}$/.test(value) ? value : null;
}

function regionCode(value: string | null): string | null {
  return value !== null && /^\d{12}$/.test(value) ? value : null;
}

/** Parses a URL query (`?year=2024&metric=growth`); every unknown or invalid value falls back to its default. */
export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const dataset = q.get(P.dataset);
  return {
    dataset: datasetFromParam(dataset) ?? DEFAULT_VIEW.dataset,
    year: intIn(q.get(P.year), 1900, 2999),
    quarter: intIn(q.get(P.quarter), 1, 4),
    metric: oneOf(q.get(P.metric), METRICS, DEFAULT_VIEW.metric),
    breaks: oneOf(q.get(P.breaks), BREAK_METHODS, DEFAULT_VIEW.breaks),
    lang: oneOf(q.get(P.lang), LANGS, DEFAULT_VIEW.lang),
    region: regionCode(q.get(P.region)),
    filter: parseFilter(q.get(P.filter)),
    plan: planId(q.get(P.plan)),
    target: targetId(q.get(P.target)),
    population: isPopulationId(q.get(P.population)) ? (q.get(P.population) as PopulationId) : null,
    classes: oneOf(q.get(P.classes), CLASS_BASES, DEFAULT_VIEW.classes),
    site: parseSiteParam(q.get(P.site)),
    mode: oneOf(q.get(P.mode), VIEW_MODES, DEFAULT_VIEW.mode),
    layers: parseLayersParam(q.get(P.layers)),
    camera: parseCamera(q.get(P.camera)),
    story: storyId(q.get(P.story)),
  };
}

/**
 * The URL query of a state, `?…` or '' when everything is default. Defaults are left out so
 * links stay short; parameters come in a fixed order so equal states give equal URLs.
 */
export function serializeViewState(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.dataset !== DEFAULT_VIEW.dataset) q.set(P.dataset, datasetParam(s.dataset));
  if (s.year !== null) q.set(P.year, String(s.year));
  if (s.quarter !== null) q.set(P.quarter, String(s.quarter));
  if (s.metric !== DEFAULT_VIEW.metric) q.set(P.metric, s.metric);
  if (s.breaks !== DEFAULT_VIEW.breaks) q.set(P.breaks, s.breaks);
  if (s.lang !== DEFAULT_VIEW.lang) q.set(P.lang, s.lang);
  if (s.region !== null) q.set(P.region, s.region);
  if (s.plan !== null) q.set(P.plan, s.plan);
  if (s.target !== null) q.set(P.target, s.target);
  if (s.population !== null) q.set(P.population, s.population);
  if (s.classes !== DEFAULT_VIEW.classes) q.set(P.classes, s.classes);
  const filter = serializeFilter(s.filter);
  if (filter) q.set(P.filter, filter);
  if (s.site) q.set(P.site, serializeSiteParam(s.site));
  const layers = serializeLayersParam(s.layers);
  if (layers) q.set(P.layers, layers);
  if (s.camera) q.set(P.camera, serializeCamera(s.camera));
  if (s.mode !== DEFAULT_VIEW.mode) q.set(P.mode, s.mode);
  if (s.story !== null) q.set(P.story, s.story);
  // `,` `:` `;` are legal in a query (RFC 3986) and keep the filter readable; undo their escaping.
  const text = q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';');
  return text ? `?${text}` : '';
}

/** True when two states are the same view. */
export function sameView(a: ViewState, b: ViewState): boolean {
  return serializeViewState(a) === serializeViewState(b);
}
