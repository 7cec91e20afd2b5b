import { placeName, type Lang } from '../../i18n';
import { declutter, textWidth } from './declutter';
import type { LabelPoint } from './label-points';

/** Label text size in pixels. */
export const LABEL_SIZE = 14;
/** Halo and breathing room around a label, in pixels, for collision tests. */
const LABEL_PADDING = 4;

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

/**
 * Region names as HTML over the map canvas: the browser draws the text with the page's font
 * (the bundled Noto Sans SC, loaded by unicode-range), so no glyph atlas is built in WebGL.
 * `update` shows the given labels; `place` moves them to the current projection (on every frame
 * of a pan or zoom — a few dozen `transform` writes).
 */
export class HtmlLabels {
  private readonly root: HTMLDivElement;
  private shown: { el: HTMLSpanElement; position: [number, number] }[] = [];

  constructor(parent: HTMLElement) {
    this.root = document.createElement('div');
    this.root.className = 'map-labels';
    this.root.setAttribute('aria-hidden', 'true');
    parent.appendChild(this.root);
  }

  update(points: LabelPoint[], lang: Lang, visible: ReadonlySet<string>, project: (lngLat: [number, number]) => { x: number; y: number }): void {
    this.root.replaceChildren();
    this.shown = [];
    for (const p of points) {
      if (!visible.has(p.code)) continue;
      const el = document.createElement('span');
      el.className = 'map-label';
      el.dataset.code = p.code;
      el.textContent = placeName(p, lang);
      this.root.appendChild(el);
      this.shown.push({ el, position: p.position });
    }
    this.place(project);
  }

  place(project: (lngLat: [number, number]) => { x: number; y: number }): void {
    for (const { el, position } of this.shown) {
      const { x, y } = project(position);
      el.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px) translate(-50%, -50%)`;
    }
  }

  remove(): void {
    this.root.remove();
  }
}
