import type { VillagePlace } from '../../data/queries/integrity';
import type { Level } from '../../domain/dataset';
import { prefixDigits } from '../../domain/region-code';
import type { IntegrityFlag } from '../../integrity/types';
import type { PointLayerSpec, RgbaColor } from '../overlay/spec';

export const INTEGRITY_LAYER_ID = 'integrity-villages';

/** One flagged village on the map. */
export interface IntegrityMark {
  code: string;
  lon: number;
  lat: number;
  flags: number;
}

/** Colour classes by number of flags: 1, 2, 3 or more (amber → red: more flags, more to look into). */
export const INTEGRITY_CLASSES: readonly { min: number; color: [number, number, number] }[] = [
  { min: 1, color: [244, 180, 0] },
  { min: 2, color: [232, 113, 10] },
  { min: 3, color: [192, 28, 40] },
];

export function integrityColor(flags: number): [number, number, number] {
  let c = INTEGRITY_CLASSES[0]!.color;
  for (const k of INTEGRITY_CLASSES) if (flags >= k.min) c = k.color;
  return c;
}

/** The villages of `scope` with flags, at their centres (villages without a centre are left out), in code order. */
export function integrityMarks(flags: readonly IntegrityFlag[], villages: ReadonlyMap<string, VillagePlace>, scope: { code: string; level: Level }): IntegrityMark[] {
  const prefix = scope.code.slice(0, prefixDigits(scope.level));
  const counts = new Map<string, number>();
  for (const f of flags) if (f.villageCode.startsWith(prefix)) counts.set(f.villageCode, (counts.get(f.villageCode) ?? 0) + 1);
  const out: IntegrityMark[] = [];
  for (const [code, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const v = villages.get(code);
    if (v && v.lon !== null && v.lat !== null) out.push({ code, lon: v.lon, lat: v.lat, flags: n });
  }
  return out;
}

/**
 * The data-quality layer: a dot per flagged village, coloured and sized by its number of flags.
 * Not pickable: the region under it keeps its tooltip and click (the panel lists the flags).
 */
export function integrityLayer(marks: readonly IntegrityMark[], visible: boolean): PointLayerSpec<IntegrityMark> {
  return {
    spec: 'points',
    id: INTEGRITY_LAYER_ID,
    data: marks,
    position: (m) => [m.lon, m.lat],
    radius: (m) => 6 + 2 * Math.min(m.flags, 4),
    fill: (m) => [...integrityColor(m.flags), 235] as RgbaColor,
    line: [255, 255, 255, 255],
    lineWidth: 1.5,
    opacity: 0.95,
    pickable: false,
    visible,
    updateKey: marks.map((m) => `${m.code}:${m.flags}`).join(','),
  };
}
