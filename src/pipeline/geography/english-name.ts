/**
 * English names for Chinese administrative divisions: the pinyin of the proper name followed by the
 * administrative suffix translated (西吉县 → "Xiji County", 闽宁镇 → "Minning Town",
 * 宁夏回族自治区 → "Ningxia Hui Autonomous Region").
 *
 * Pure and deterministic. The pinyin converter is injected so this module does not depend on a
 * pinyin package (the extraction script installs one into a temporary folder, see
 * scripts/extract-geography.ts).
 */
import type { Level } from '../../domain/dataset';

/**
 * Converts a run of Chinese characters to toneless, lower-case pinyin syllables, one per character
 * (ü kept as "ü"). Implementations may use word context to pick readings of polyphonic characters.
 */
export type ToPinyin = (hanzi: string) => string[];

interface SuffixRule {
  zh: string;
  en: string;
}

/** Suffix rules per level, longest first where one suffix ends another. */
const SUFFIXES: Record<Level, SuffixRule[]> = {
  1: [
    { zh: '自治区', en: 'Autonomous Region' },
    { zh: '省', en: 'Province' },
    { zh: '市', en: 'Municipality' },
  ],
  2: [
    { zh: '自治州', en: 'Autonomous Prefecture' },
    { zh: '地区', en: 'Prefecture' },
    { zh: '市', en: 'City' },
    { zh: '盟', en: 'League' },
  ],
  3: [
    { zh: '自治县', en: 'Autonomous County' },
    { zh: '自治旗', en: 'Autonomous Banner' },
    { zh: '林区', en: 'Forestry District' },
    { zh: '区', en: 'District' },
    { zh: '县', en: 'County' },
    { zh: '市', en: 'City' },
    { zh: '旗', en: 'Banner' },
  ],
  4: [
    { zh: '少数民族乡', en: 'Ethnic Township' },
    { zh: '民族乡', en: 'Ethnic Township' },
    { zh: '街道办事处', en: 'Subdistrict' },
    { zh: '街道', en: 'Subdistrict' },
    { zh: '办事处', en: 'Office' },
    { zh: '镇', en: 'Town' },
    { zh: '乡', en: 'Township' },
    { zh: '苏木', en: 'Sumu' },
    { zh: '管理委员会', en: 'Administrative Committee' },
    { zh: '管委会', en: 'Administrative Committee' },
    { zh: '管理处', en: 'Administration Office' },
    { zh: '管理局', en: 'Administration Bureau' },
    { zh: '综合垦殖场', en: 'Reclamation Farm' },
    { zh: '垦殖场', en: 'Reclamation Farm' },
    { zh: '林场', en: 'Forest Farm' },
    { zh: '农场', en: 'Farm' },
    { zh: '良种场', en: 'Seed Farm' },
    { zh: '水产场', en: 'Fish Farm' },
    { zh: '养殖场', en: 'Fish Farm' },
    { zh: '园艺场', en: 'Horticultural Farm' },
    { zh: '高新技术产业开发区', en: 'High-tech Industrial Development Zone' },
    { zh: '经济技术开发区', en: 'Economic and Technological Development Zone' },
    { zh: '经济开发区', en: 'Economic Development Zone' },
    { zh: '开发区', en: 'Development Zone' },
    { zh: '工业园区', en: 'Industrial Park' },
    { zh: '产业园区', en: 'Industrial Park' },
    { zh: '工业园', en: 'Industrial Park' },
    { zh: '有限公司', en: 'Company' },
    { zh: '企业集团', en: 'Group' },
    { zh: '自然保护区', en: 'Nature Reserve' },
  ],
  5: [
    { zh: '虚拟社区', en: 'Virtual Community' },
    { zh: '社区居民委员会', en: 'Community' },
    { zh: '社区居委员会', en: 'Community' },
    { zh: '社区居委会', en: 'Community' },
    { zh: '社区委员会', en: 'Community' },
    { zh: '居民委员会', en: 'Community' },
    { zh: '居委会', en: 'Community' },
    { zh: '社区', en: 'Community' },
    { zh: '村民委员会', en: 'Village' },
    { zh: '村民委会', en: 'Village' },
    { zh: '村委会', en: 'Village' },
    { zh: '村', en: 'Village' },
    { zh: '生活区', en: 'Residential Area' },
    { zh: '家委会', en: 'Residential Compound' },
    { zh: '委员会', en: 'Committee' },
  ],
};

/** Ethnic groups that appear before 自治区/自治州/自治县/民族乡 in names. */
const ETHNIC_GROUPS: SuffixRule[] = [
  { zh: '维吾尔', en: 'Uygur' },
  { zh: '土家族', en: 'Tujia' },
  { zh: '蒙古族', en: 'Mongol' },
  { zh: '回族', en: 'Hui' },
  { zh: '畲族', en: 'She' },
  { zh: '苗族', en: 'Miao' },
  { zh: '瑶族', en: 'Yao' },
  { zh: '侗族', en: 'Dong' },
  { zh: '壮族', en: 'Zhuang' },
  { zh: '满族', en: 'Manchu' },
  { zh: '彝族', en: 'Yi' },
  { zh: '藏族', en: 'Tibetan' },
];

/** Whole names whose English form is not "pinyin + suffix". */
const WHOLE_NAMES: Record<string, string> = {
  省直辖县级行政区划: 'County-level Divisions under the Province',
  自治区直辖县级行政区划: 'County-level Divisions under the Autonomous Region',
  市辖区: 'City Districts',
  县: 'Counties',
};

/**
 * Place-name readings that differ from the common reading of a character (堡 is "bu" in Ningxia's
 * 红寺堡, officially romanised Hongsibu) or conventional spellings (陕西 → Shaanxi, to tell it from
 * 山西 Shanxi). Applied wherever the key occurs inside a name.
 */
const READINGS: Record<string, string[]> = {
  红寺堡: ['hong', 'si', 'bu'],
  陕西: ['shaan', 'xi'],
};

const HAN = /\p{Script=Han}/u;

/** Pinyin syllables for `text`, with READINGS applied; non-Chinese characters become own tokens. */
function syllables(text: string, toPinyin: ToPinyin): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const reading = Object.keys(READINGS).find((key) => text.startsWith(key, i));
    if (reading !== undefined) {
      out.push(...READINGS[reading]!);
      i += reading.length;
      continue;
    }
    let j = i;
    while (j < text.length && HAN.test(text[j]!) && !Object.keys(READINGS).some((k) => text.startsWith(k, j))) j++;
    if (j > i) {
      const run = text.slice(i, j);
      const converted = toPinyin(run);
      // Fall back to character-by-character when the converter does not return one syllable per character.
      out.push(...(converted.length === run.length ? converted : [...run].flatMap((c) => toPinyin(c))));
      i = j;
    } else {
      out.push(text[i]!);
      i++;
    }
  }
  return out;
}

/** Joins syllables into one capitalised word, with an apostrophe before a/o/e syllables (Xi'an). */
function romanise(text: string, toPinyin: ToPinyin): string {
  const normalised = text.replace(/（/g, ' (').replace(/）/g, ') ');
  let word = '';
  let previousWasSyllable = false;
  for (const token of syllables(normalised, toPinyin)) {
    const isSyllable = /^[a-zü]+$/.test(token);
    if (isSyllable && previousWasSyllable && /^[aoe]/.test(token)) word += "'";
    word += token;
    previousWasSyllable = isSyllable;
  }
  // Capitalise each word: "Xindi (She)" for 信地（畲族）.
  return word
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(^|[\s(])([a-zü])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** Splits trailing ethnic group names off `base` (土家族苗族 → ["Tujia", "Miao"]). */
function splitEthnicGroups(base: string): { base: string; groups: string[] } {
  const groups: string[] = [];
  let rest = base;
  for (;;) {
    const group = ETHNIC_GROUPS.find((g) => rest.endsWith(g.zh) && rest.length > g.zh.length);
    if (group === undefined) break;
    groups.unshift(group.en);
    rest = rest.slice(0, -group.zh.length);
  }
  return { base: rest, groups };
}

/**
 * `name` without a leading copy of its parent's name (济源市沁园街道 → 沁园街道), as long as a proper
 * name remains before the suffix (贵溪市工业园区 keeps its city: 工业园区 alone names nothing).
 */
function withoutParentName(name: string, level: Level, parentName: string | undefined): string {
  if (parentName === undefined || parentName === '' || !name.startsWith(parentName)) return name;
  const rest = name.slice(parentName.length);
  const rule = SUFFIXES[level].find((r) => rest.endsWith(r.zh));
  return rule !== undefined && rest.length > rule.zh.length ? rest : name;
}

/**
 * The English name of a division: pinyin of the proper name plus the translated suffix of its level.
 * Names matching no suffix rule are romanised whole. A leading copy of `parentName` is left out.
 */
export function englishName(fullName: string, level: Level, toPinyin: ToPinyin, parentName?: string): string {
  const name = withoutParentName(fullName, level, parentName);
  const whole = WHOLE_NAMES[name];
  if (whole !== undefined) return whole;
  const rule = SUFFIXES[level].find((r) => name.endsWith(r.zh) && name.length > r.zh.length);
  if (rule === undefined) return romanise(name, toPinyin);
  let base = name.slice(0, -rule.zh.length);
  // 九水畲族村村民委员会: the committee suffix follows a name that already ends in 村; keep 新村 whole.
  if (rule.en === 'Village' && base.endsWith('村') && base.length > 2) base = base.slice(0, -1);
  // Ethnic groups stand between the proper name and the suffix: 宁夏|回族|自治区, 樟坪|畲族|乡.
  const { base: properName, groups } = splitEthnicGroups(base);
  const suffix = groups.length > 0 && rule.en === 'Township' ? 'Ethnic Township' : rule.en;
  const ethnic = groups.length > 0 ? `${groups.join(' and ')} ` : '';
  return `${romanise(properName, toPinyin)} ${ethnic}${suffix}`;
}
