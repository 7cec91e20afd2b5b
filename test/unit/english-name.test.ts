import { describe, expect, it } from 'vitest';
import { englishName, type ToPinyin } from '../../src/pipeline/geography/english-name';

/** A tiny dictionary stands in for the pinyin package, which is not a dependency. */
const DICT: Record<string, string> = {
  西: 'xi', 吉: 'ji', 原: 'yuan', 州: 'zhou', 灵: 'ling', 武: 'wu', 闽: 'min', 宁: 'ning', 夏: 'xia',
  北: 'bei', 张: 'zhang', 安: 'an', 樟: 'zhang', 坪: 'ping', 九: 'jiu', 水: 'shui', 新: 'xin', 信: 'xin',
  地: 'di', 城: 'cheng', 关: 'guan', 畲: 'she', 族: 'zu', 堡: 'bao', 村: 'cun', 县: 'xian', 乡: 'xiang',
};
const toPinyin: ToPinyin = (text) => [...text].map((c) => DICT[c] ?? '?');

describe('englishName', () => {
  it('translates the county suffixes 县, 区 and 市', () => {
    expect(englishName('西吉县', 3, toPinyin)).toBe('Xiji County');
    expect(englishName('原州区', 3, toPinyin)).toBe('Yuanzhou District');
    expect(englishName('灵武市', 3, toPinyin)).toBe('Lingwu City');
  });

  it('translates township suffixes 镇, 乡 and 街道', () => {
    expect(englishName('闽宁镇', 4, toPinyin)).toBe('Minning Town');
    expect(englishName('北张乡', 4, toPinyin)).toBe('Beizhang Township');
    expect(englishName('城关街道', 4, toPinyin)).toBe('Chengguan Subdistrict');
  });

  it('names an autonomous region with its ethnic group', () => {
    expect(englishName('宁夏回族自治区', 1, toPinyin)).toBe('Ningxia Hui Autonomous Region');
  });

  it('names an ethnic township with its ethnic group', () => {
    expect(englishName('樟坪畲族乡', 4, toPinyin)).toBe('Zhangping She Ethnic Township');
  });

  it('calls village committees villages and residents committees communities', () => {
    expect(englishName('新安村委会', 5, toPinyin)).toBe('Xin\'an Village');
    expect(englishName('城关社区居委会', 5, toPinyin)).toBe('Chengguan Community');
    expect(englishName('北关居委会', 5, toPinyin)).toBe('Beiguan Community');
  });

  it('drops a 村 that repeats before 村民委员会 but keeps a two-character name whole', () => {
    expect(englishName('九水村村民委员会', 5, toPinyin)).toBe('Jiushui Village');
    expect(englishName('新村村委会', 5, toPinyin)).toBe('Xincun Village');
  });

  it('uses the place-name reading of 红寺堡 (Hongsibu)', () => {
    expect(englishName('红寺堡镇', 4, () => ['x', 'x', 'x'])).toBe('Hongsibu Town');
  });

  it('separates a syllable starting with a vowel by an apostrophe', () => {
    expect(englishName('西安市', 2, toPinyin)).toBe("Xi'an City");
  });

  it('keeps brackets and capitalises the word inside', () => {
    expect(englishName('信地（畲族）村委会', 5, toPinyin)).toBe('Xindi (Shezu) Village');
  });

  it('romanises a name without a known suffix whole', () => {
    expect(englishName('西水', 4, toPinyin)).toBe('Xishui');
  });

  it('names the pseudo-city of county-level units under a province', () => {
    expect(englishName('省直辖县级行政区划', 2, toPinyin)).toBe('County-level Divisions under the Province');
  });

  it('calls a virtual community (a development zone\'s placeholder unit) a virtual community', () => {
    expect(englishName('西安虚拟社区', 5, toPinyin)).toBe("Xi'an Virtual Community");
  });

  it('leaves out a leading copy of the parent name when a proper name remains', () => {
    expect(englishName('西吉县北张乡', 4, toPinyin, '西吉县')).toBe('Beizhang Township');
    expect(englishName('西吉县工业园区', 4, toPinyin, '西吉县')).toBe('Xijixian Industrial Park');
    expect(englishName('北张乡居委会', 5, toPinyin, '北张乡')).toBe('Beizhangxiang Community');
  });
});
