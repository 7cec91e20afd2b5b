import type { ReactNode } from 'react';

const OFFSET = 14;
const WIDTH = 240;
const HEIGHT = 170;

/**
 * A box that follows the pointer inside the map, flipping to the other side near the right or
 * bottom edge so it never leaves the map. `bounds` is the map's size in pixels.
 */
export function MapTooltip({ x, y, bounds, children }: { x: number; y: number; bounds: { width: number; height: number }; children: ReactNode }) {
  const left = x + OFFSET + WIDTH > bounds.width ? Math.max(0, x - OFFSET - WIDTH) : x + OFFSET;
  const top = y + OFFSET + HEIGHT > bounds.height ? Math.max(0, y - OFFSET - HEIGHT) : y + OFFSET;
  return (
    <div className="map-tooltip" style={{ left, top, width: WIDTH }} role="status" data-testid="map-tooltip">
      {children}
    </div>
  );
}
