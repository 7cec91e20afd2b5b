import { FACILITY_KINDS, type FacilityKind } from '../data/queries/facilities';
import { DEFAULT_SITING_POPULATION, isSitingPopulation, type SitingPopulation } from '../siting/demand';
import type { IndustryColoring } from '../map/facilities/layers';

/**
 * The map's switchable layers as one URL parameter, `layers=k:relocation_site,workshop;c:status;d:low_income_labour;q:1`:
 * facility kinds shown (`k`, in vocabulary order), how industry bases are coloured (`c`, default
 * `industry`), the demand layer's population (`d`, absent = off) and the data-quality layer (`q:1`).
 * Only vocabulary words are kept, so a crafted link cannot reach a query.
 */
export interface LayersParam {
  kinds: FacilityKind[];
  industryColoring: IndustryColoring;
  demand: boolean;
  demandPopulation: SitingPopulation;
  integrity: boolean;
}

export const NO_LAYERS: LayersParam = { kinds: [], industryColoring: 'industry', demand: false, demandPopulation: DEFAULT_SITING_POPULATION, integrity: false };

export function parseLayersParam(value: string | null): LayersParam {
  if (value === null) return NO_LAYERS;
  const out: LayersParam = { ...NO_LAYERS, kinds: [] };
  for (const part of value.split(';')) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    const key = part.slice(0, i);
    const v = part.slice(i + 1);
    if (key === 'k') {
      const wanted = new Set(v.split(','));
      out.kinds = FACILITY_KINDS.filter((k) => wanted.has(k));
    } else if (key === 'c' && (v === 'industry' || v === 'status')) out.industryColoring = v;
    else if (key === 'd' && isSitingPopulation(v)) {
      out.demand = true;
      out.demandPopulation = v;
    } else if (key === 'q' && v === '1') out.integrity = true;
  }
  return out;
}

/** The `layers` value of a choice; '' when nothing is switched on and the colouring is the default. */
export function serializeLayersParam(p: LayersParam): string {
  const parts: string[] = [];
  const kinds = FACILITY_KINDS.filter((k) => p.kinds.includes(k));
  if (kinds.length) parts.push(`k:${kinds.join(',')}`);
  if (p.industryColoring !== NO_LAYERS.industryColoring) parts.push(`c:${p.industryColoring}`);
  if (p.demand) parts.push(`d:${p.demandPopulation}`);
  if (p.integrity) parts.push('q:1');
  return parts.join(';');
}

/** Where the map looks: centre, zoom, and (for completeness) bearing and pitch, which the app keeps at 0. */
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const NUM = /^-?\d{1,3}(\.\d{1,6})?$/;

/** `cam=106.24500,37.51000,7.25[,bearing,pitch]`; anything out of range or malformed is no camera. */
export function parseCamera(value: string | null): Camera | null {
  if (value === null) return null;
  const parts = value.split(',');
  if (parts.length !== 3 && parts.length !== 5) return null;
  if (!parts.every((p) => NUM.test(p))) return null;
  const [lon, lat, zoom, bearing = 0, pitch = 0] = parts.map(Number) as [number, number, number, number?, number?];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 22 || Math.abs(bearing) > 180 || pitch < 0 || pitch > 85) return null;
  return { lon, lat, zoom, bearing, pitch };
}

export function serializeCamera(c: Camera): string {
  const base = [round(c.lon, 5), round(c.lat, 5), round(c.zoom, 2)];
  const rest = c.bearing || c.pitch ? [round(c.bearing, 1), round(c.pitch, 1)] : [];
  return [...base, ...rest].join(',');
}

/** The camera as the URL keeps it (rounded), so a camera read back from the map compares equal. */
export function normaliseCamera(c: Camera): Camera {
  return parseCamera(serializeCamera(c))!;
}
