import { TextLayer } from '@deck.gl/layers';
import { placeName, type Lang } from '../../i18n';
import { declutter, textWidth } from './declutter';
import type { LabelPoint } from './label-points';

/** Label text size in pixels. */
export const LABEL_SIZE = 14;
/** Halo and breathing room around a label, in pixels, for collision tests. */
const LABEL_PADDING = 4;

/** CSS family of the bundled font; deck.gl rasterises labels with it. */
export const LABEL_FONT_FAMILY = '"Noto Sans SC", sans-serif';

/**
 * County names on the map, dark text with a white halo. Only create it once the bundled font
 * has loaded the labels' glyphs (`document.fonts.load`), or deck.gl bakes a fallback font (boxes
 * for Chinese in a browser without CJK fonts) into its atlas.
 */
export function labelLayer(points: LabelPoint[], lang: Lang, visible: ReadonlySet<string>): TextLayer<LabelPoint> {
  const visibleKey = [...visible].sort().join(',');
  return new TextLayer<LabelPoint>({
    id: 'county-labels',
    data: points,
    getPosition: (d) => d.position,
    getText: (d) => placeName(d, lang),
    // Hidden labels get size 0 rather than leaving the data array, which stays the same object.
    getSize: (d) => (visible.has(d.code) ? LABEL_SIZE : 0),
    sizeUnits: 'pixels',
    getColor: [25, 35, 45, 255],
    fontFamily: LABEL_FONT_FAMILY,
    fontWeight: 700,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 64, buffer: 6, radius: 12 },
    outlineWidth: 5,
    outlineColor: [255, 255, 255, 240],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    pickable: false,
    updateTriggers: { getText: lang, getSize: visibleKey },
  });
}

/** Every character any label can show, for `document.fonts.load`. */
export function labelCharacters(points: LabelPoint[]): string {
  return [...new Set(points.flatMap((p) => [...p.name, ...p.name_en]))].join('');
}

/**
 * Codes of the labels to show at the current view: larger regions first, any label that would
 * touch one already placed is left out (its name is still in the tooltip).
 * `project` maps [lon, lat] to screen pixels (e.g. `map.project`).
 */
export function visibleLabels(points: LabelPoint[], lang: Lang, project: (lngLat: [number, number]) => { x: number; y: number }): Set<string> {
  return declutter(
    points.map((p) => {
      const { x, y } = project(p.position);
      return { id: p.code, x, y, width: textWidth(placeName(p, lang), LABEL_SIZE), height: LABEL_SIZE * 1.2, priority: p.areaKm2 };
    }),
    LABEL_PADDING,
  );
}
