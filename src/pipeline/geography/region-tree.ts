import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Level, RegionRow } from '../../domain/dataset';

/** A region of the generated dataset with its geometry (real for counties and above, synthetic below). */
export interface RegionNode extends RegionRow {
  geometry: Feature<Polygon | MultiPolygon> | null;
}

/** All regions of a dataset, indexed for the generator. */
export class RegionTree {
  readonly byCode = new Map<string, RegionNode>();
  readonly children = new Map<string, RegionNode[]>();

  constructor(readonly nodes: RegionNode[]) {
    for (const node of nodes) {
      if (this.byCode.has(node.code)) throw new Error(`Duplicate region code ${node.code}`);
      this.byCode.set(node.code, node);
    }
    for (const node of nodes) {
      if (node.parent_code === null) continue;
      const list = this.children.get(node.parent_code) ?? [];
      list.push(node);
      this.children.set(node.parent_code, list);
    }
  }

  get(code: string): RegionNode {
    const node = this.byCode.get(code);
    if (!node) throw new Error(`Unknown region code ${code}`);
    return node;
  }

  atLevel(level: Level): RegionNode[] {
    return this.nodes.filter((n) => n.level === level);
  }

  /** Descendants of `code` at `level` (the region itself when it is at that level). */
  descendantsAt(code: string, level: Level): RegionNode[] {
    const start = this.get(code);
    if (start.level === level) return [start];
    const out: RegionNode[] = [];
    const walk = (node: RegionNode) => {
      for (const child of this.children.get(node.code) ?? []) {
        if (child.level === level) out.push(child);
        else if (child.level < level) walk(child);
      }
    };
    walk(start);
    return out;
  }
}
