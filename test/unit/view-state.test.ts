import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, isSafeDatasetPath, parseViewState, serializeViewState, type ViewState } from '../../src/state/view-state';

describe('view state in the URL', () => {
  it('serialises the default view to an empty query', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips a fully specified view', () => {
    const s: ViewState = { dataset: 'data/jiangxi/', year: 2025, quarter: 3, metric: 'growth', breaks: 'jenks', lang: 'en' };
    const query = serializeViewState(s);
    expect(query).toBe('?data=data%2Fjiangxi%2F&year=2025&q=3&metric=growth&breaks=jenks&lang=en');
    expect(parseViewState(query)).toEqual(s);
  });

  it('leaves defaults out and keeps a fixed parameter order', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, lang: 'en', year: 2023 })).toBe('?year=2023&lang=en');
  });

  it('falls back to defaults for unknown or invalid values, keeping the valid ones', () => {
    expect(parseViewState('?metric=wealth&breaks=equal&lang=fr&year=20x4&q=5&foo=1')).toEqual(DEFAULT_VIEW);
    expect(parseViewState('?year=-2024')).toEqual(DEFAULT_VIEW);
    expect(parseViewState('?q=0')).toEqual(DEFAULT_VIEW);
    expect(parseViewState('?metric=growth&lang=xx')).toEqual({ ...DEFAULT_VIEW, metric: 'growth' });
  });

  it('reads the first value of a repeated parameter', () => {
    expect(parseViewState('?metric=growth&metric=income').metric).toBe('growth');
  });

  it('accepts only relative or root-relative dataset paths', () => {
    expect(parseViewState('?data=https://evil.example/x/').dataset).toBe(DEFAULT_VIEW.dataset);
    expect(parseViewState('?data=//evil.example/x/').dataset).toBe(DEFAULT_VIEW.dataset);
    expect(parseViewState('?data=javascript:alert(1)').dataset).toBe(DEFAULT_VIEW.dataset);
    expect(parseViewState('?data=/datasets/ningxia/').dataset).toBe('/datasets/ningxia/');
    expect(isSafeDatasetPath('../other/ningxia')).toBe(true);
    expect(isSafeDatasetPath('data/ningxia/?x=1')).toBe(false);
  });
});
