import { describe, expect, it } from 'vitest';
import { appendStories, makeStory, moveStory, parseStories, serializeStories, stepStory, storyView, tourStories } from '../../src/briefing/stories';
import { pickTiles, weakestUnits } from '../../src/briefing/tiles';
import { DEFAULT_VIEW, parseViewState } from '../../src/state/view-state';
import type { Plan, TargetEvaluation } from '../../src/targets/types';

const view = parseViewState('?data=daxiang&region=150207100000&metric=growth&year=2024&layers=k:workshop&cam=110.1,40.2,9.5&mode=briefing&story=v1');

describe('saved views (stories)', () => {
  it('keep the whole view but not the mode or the story, and reopen it in the mode asked', () => {
    const s = makeStory(view, ' 大祥 增速 ', [], new Date('2026-12-01T00:00:00Z'));
    expect(s.title).toBe('大祥 增速');
    expect(s.query).not.toContain('mode=');
    expect(s.query).not.toContain('story=');
    expect(storyView(s, 'kiosk')).toEqual({ ...view, mode: 'kiosk', story: s.id });
  });

  it('round-trip through the exported JSON, and unsafe values in a file fall back as in a URL', () => {
    const a = makeStory(view, 'A', [], new Date(1));
    const b = makeStory(DEFAULT_VIEW, 'B', [a.id], new Date(1));
    expect(b.id).not.toBe(a.id);
    expect(parseStories(serializeStories([a, b]))).toEqual({ stories: [a, b], problems: [] });
    const crafted = JSON.stringify({ format: 'tuopin-dashboard-briefing', version: 1, stories: [
      { id: 'x', title: 'evil\u0000<b>', query: '?data=https://evil.example/&region=<script>&metric=growth', savedAt: 'nope' },
      { id: 'x', title: 'dup', query: 'year=2023' },
      { title: 5, query: '?' },
    ] });
    const { stories, problems } = parseStories(crafted);
    expect(stories).toHaveLength(2);
    expect(stories[0]!.query).toBe('?metric=growth');
    expect(stories[0]!.title).toBe('evil <b>');
    expect(stories[1]!.id).not.toBe('x');
    expect(stories[1]!.query).toBe('?year=2023');
    expect(problems).toEqual([{ kind: 'bad-story', index: 2 }]);
    expect(parseStories('{').problems).toEqual([{ kind: 'not-json' }]);
    expect(parseStories('{"a":1}').problems).toEqual([{ kind: 'wrong-format' }]);
  });

  it('step, wrap, reorder and merge', () => {
    const list = ['a', 'b', 'c'].map((id) => ({ id, title: id, query: '', savedAt: new Date(0).toISOString() }));
    expect(stepStory(list, null, 1)?.id).toBe('a');
    expect(stepStory(list, null, -1)?.id).toBe('c');
    expect(stepStory(list, 'c', 1)).toBeNull();
    expect(stepStory(list, 'c', 1, true)?.id).toBe('a');
    expect(stepStory(list, 'a', -1, true)?.id).toBe('c');
    expect(moveStory(list, 'c', -5).map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(appendStories(list, [list[0]!]).map((s) => s.id).slice(0, 3)).toEqual(['a', 'b', 'c']);
    expect(new Set(appendStories(list, list).map((s) => s.id)).size).toBe(6);
  });

  it('a kiosk tour visits the unit, then each unit below it, fitted', () => {
    const tour = tourStories(view, { code: null, name: '包头' }, [{ code: '150207000000', name: '九原区' }]);
    expect(tour.map((s) => s.id)).toEqual(['tour-root', 'tour-150207000000']);
    expect(tour[1]!.query).toContain('region=150207000000');
    expect(tour[1]!.query).not.toContain('cam=');
    expect(tour[1]!.query).toContain('metric=growth');
  });
});

describe('briefing tiles', () => {
  const plan = { id: 'p', targets: [
    { id: 'inc', label: { zh: '收入', en: 'Income' }, kind: 'level', metric: 'per_capita_income', population: 'tuopin' },
    { id: 'gr', label: { zh: '增速', en: 'Growth' }, kind: 'growth', metric: 'per_capita_income', population: 'tuopin' },
    { id: 'jobs', label: { zh: '务工', en: 'Jobs' }, kind: 'count', metric: 'employed_persons', population: 'tuopin' },
    { id: 'share', label: { zh: '措施', en: 'Measures' }, kind: 'share', metric: 'measure_share', population: 'tuopin' },
    { id: 'none', label: { zh: '无', en: 'None' }, kind: 'share', metric: 'measure_share', population: 'tuopin' },
  ] } as unknown as Plan;
  const row = (targetId: string, status: TargetEvaluation['status']) => ({ targetId, status, planId: 'p', regionCode: 'r', year: 2024 }) as TargetEvaluation;
  it('pick the population headline and growth targets, then the worst others; no-data rows left out', () => {
    const picked = pickTiles(plan, [row('inc', 'met'), row('gr', 'missed'), row('jobs', 'met'), row('share', 'at_risk'), row('none', 'no_data')], 'tuopin');
    expect(picked.headline?.row.targetId).toBe('inc');
    expect(picked.growth?.row.targetId).toBe('gr');
    expect(picked.others.map((o) => o.row.targetId)).toEqual(['share', 'jobs']);
    expect(picked.counts).toEqual({ met: 2, on_track: 0, at_risk: 1, missed: 1, no_data: 1 });
    expect(pickTiles(plan, [row('inc', 'met')], 'monitored').headline).toBeNull();
  });
  it('weakest units: lowest first, no value left out, stable ties', () => {
    expect(weakestUnits(new Map([['b', 1], ['a', 1], ['c', Number.NaN], ['d', -3]]), 2)).toEqual([{ code: 'd', value: -3 }, { code: 'a', value: 1 }]);
  });
});

describe('targets from published aggregates (public mode)', async () => {
  const { readFileSync } = await import('node:fs');
  const { checkPlan } = await import('../../src/targets/plan');
  const { evaluateFromAggregates, unitRefOf } = await import('../../src/briefing/public-targets');
  const { sumsRows } = await import('../../src/data/dataset-client');
  const { SumsIndex } = await import('../../src/domain/income');
  const dir = 'public/data/ningxia';
  const plan = checkPlan(JSON.parse(readFileSync('data/plans/ningxia-2024.json', 'utf8')));
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
  const report = JSON.parse(readFileSync(`${dir}/report/ningxia-2024.json`, 'utf8')) as TargetEvaluation[];
  const index = (level: string) => new SumsIndex(sumsRows(JSON.parse(readFileSync(`${dir}/agg/${level}.json`, 'utf8'))));
  const byLevel = new Map([[1, index('province')], [2, index('city')], [3, index('county')]]);
  const sums = (code: string, y: number, q: number) => byLevel.get(code.endsWith('00000000') ? (code.endsWith('0000000000') ? 1 : 2) : 3)!.get(code, y, q);

  it('give the report\'s own actual, target and status for the per-capita income targets', () => {
    const rows = evaluateFromAggregates(plan, manifest, unitRefOf('640000000000', 1, '宁夏', null), 2024, sums);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const want = report.find((x) => x.targetId === r.targetId && x.regionCode === '640000000000' && x.year === 2024)!;
      expect(want, r.targetId).toBeDefined();
      expect(r.actual!).toBeCloseTo(want.actual!, 6);
      expect(r.target!).toBeCloseTo(want.target!, 6);
      expect(r.status).toBe(want.status);
    }
  });

  it('a suppressed figure (NaN) gives no row, never a number', () => {
    const hide = (code: string, y: number, q: number) => {
      const row = sums(code, y, q);
      return row && code === '640000000000' ? { ...row, net: Number.NaN, monitored_net: Number.NaN } : row;
    };
    expect(evaluateFromAggregates(plan, manifest, unitRefOf('640000000000', 1, '宁夏', null), 2024, hide)).toEqual([]);
  });
});
