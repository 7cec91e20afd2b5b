import type { LocalizedText } from '../domain/dataset';

/**
 * The five demo regions, one per policy plan (DOMAIN.md: seeds 000–004), each a dataset folder
 * `data/<id>/` made by `npm run data -- --region <id>`. Their root level differs: Ningxia and
 * Jiangxi are provinces, Daxiang and Jiyuan counties, Beizhang a township.
 */
export const DEMO_REGIONS: readonly { id: string; name: LocalizedText }[] = [
  { id: 'ningxia', name: { zh: '宁夏回族自治区', en: 'Ningxia' } },
  { id: 'jiangxi', name: { zh: '江西省', en: 'Jiangxi' } },
  { id: 'daxiang', name: { zh: '邵阳市大祥区', en: 'Daxiang District, Shaoyang' } },
  { id: 'jiyuan', name: { zh: '济源示范区', en: 'Jiyuan Demonstration Zone' } },
  { id: 'beizhang', name: { zh: '文水县北张乡', en: 'Beizhang Township, Wenshui' } },
];

/** Dataset folder of a demo region, relative to the page. */
export function demoDatasetPath(id: string): string {
  return `data/${id}/`;
}

/**
 * Which demo regions have a dataset next to the page: GETs each `data/<id>/manifest.json` from
 * the page's own origin and accepts it when it parses and names the same id (a static host that
 * answers every path with index.html does not count).
 */
export async function probeDemoRegions(fetchImpl: typeof fetch = fetch): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    DEMO_REGIONS.map(async ({ id }) => {
      try {
        const res = await fetchImpl(`${demoDatasetPath(id)}manifest.json`);
        if (!res.ok) return [id, false] as const;
        const body = (await res.json()) as { id?: unknown };
        return [id, body.id === id] as const;
      } catch {
        return [id, false] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
