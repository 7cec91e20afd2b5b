/**
 * Writes one dataset of the public site (CONTRACT.md "Public build"): `data/<id>/manifest.json`,
 * `agg/<level>.json` (columnar, null for hidden cells) and `boundaries/<level>.geojson` (properties
 * code, name, name_en, parent_code only). Nothing else of the source folder is copied.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { toColumnarJson } from '../../data/columnar';
import { publishRows, type ProtectResult } from '../../disclosure/index';
import type { PublicField } from '../../disclosure/table';
import { LEVEL_NAMES, type SourceDataset } from './read-dataset';

export interface PublicDatasetSummary {
  id: string;
  hiddenCells: number;
  files: string[];
}

/** `folder`: the dataset's folder name under `data/` (the source folder's; the page opens `data/<folder>/`). */
export function writePublicDataset(
  outDataDir: string,
  folder: string,
  source: SourceDataset,
  protectedTable: ProtectResult,
  settings: { k: number; protection: Partial<Record<PublicField, number>> },
): PublicDatasetSummary {
  const id = folder;
  const dir = join(outDataDir, folder);
  const files: Record<string, { rows: number; bytes: number; sha256: string }> = {};
  const write = (name: string, text: string, rows: number) => {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(path, bytes);
    files[name] = { rows, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  };

  for (const level of source.levels) {
    const name = LEVEL_NAMES[level]!;
    const collection = source.boundaries.get(name);
    if (!collection) continue;
    const features: Feature[] = collection.features.map((f) => {
      const code = String(f.properties?.code ?? '');
      const region = source.regionRows.get(code);
      return {
        type: 'Feature',
        properties: {
          code,
          name: region?.name ?? (f.properties?.name as string | undefined) ?? null,
          name_en: region?.name_en ?? (f.properties?.name_en as string | undefined) ?? null,
          parent_code: code === source.manifest.root.code ? null : (region?.parent_code ?? null),
        },
        geometry: f.geometry,
      };
    });
    const out: FeatureCollection = { type: 'FeatureCollection', features };
    write(`boundaries/${name}.geojson`, JSON.stringify(out), features.length);
  }
  for (const level of source.levels) {
    const rows = publishRows(protectedTable.state, level);
    write(`agg/${LEVEL_NAMES[level]}.json`, toColumnarJson(rows, { level }), rows.length);
  }

  const manifest: Record<string, unknown> = { ...source.manifest };
  delete manifest.partitions;
  delete manifest.reports;
  manifest.files = files;
  manifest.public = { k: settings.k, hiddenCells: protectedTable.hiddenCells, protection: settings.protection };
  const text = JSON.stringify(manifest, null, 2);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), text);
  return { id, hiddenCells: protectedTable.hiddenCells, files: ['manifest.json', ...Object.keys(files)] };
}
