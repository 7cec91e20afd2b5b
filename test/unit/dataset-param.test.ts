import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, datasetFromParam, datasetParam, parseViewState, serializeViewState } from '../../src/state/view-state';

describe('the data parameter: a dataset id or a folder path', () => {
  it('opens data/<id>/ for an id', () => {
    expect(datasetFromParam('jiangxi')).toBe('data/jiangxi/');
    expect(datasetFromParam('jiangxi-parts')).toBe('data/jiangxi-parts/');
    expect(parseViewState('?data=beizhang').dataset).toBe('data/beizhang/');
  });

  it('takes a value with a slash as a path', () => {
    expect(datasetFromParam('data/jiangxi/')).toBe('data/jiangxi/');
    expect(datasetFromParam('./jiangxi/')).toBe('./jiangxi/');
    expect(datasetFromParam('/datasets/ningxia/')).toBe('/datasets/ningxia/');
  });

  it('refuses other hosts and schemes, whether written as id or path', () => {
    for (const bad of ['https://evil.example/x/', '//evil.example/x/', 'javascript:alert(1)', 'data/x/?a=1', '']) {
      expect(datasetFromParam(bad)).toBeNull();
      expect(parseViewState(`?data=${encodeURIComponent(bad)}`).dataset).toBe(DEFAULT_VIEW.dataset);
    }
  });

  it('writes data/<id>/ back as its id, other paths as they are, and round-trips', () => {
    expect(datasetParam('data/jiangxi/')).toBe('jiangxi');
    expect(datasetParam('data/jiangxi')).toBe('data/jiangxi');
    expect(datasetParam('./jiangxi/')).toBe('./jiangxi/');
    expect(serializeViewState({ ...DEFAULT_VIEW, dataset: 'data/daxiang/' })).toBe('?data=daxiang');
    for (const dataset of ['data/daxiang/', 'data/jiangxi-parts/', '/datasets/x/', 'data/jiangxi', '../other/ningxia/']) {
      expect(parseViewState(serializeViewState({ ...DEFAULT_VIEW, dataset })).dataset).toBe(dataset);
    }
  });

  it('leaves the default dataset out of the URL, however it was written', () => {
    expect(serializeViewState(parseViewState('?data=ningxia'))).toBe('');
    expect(serializeViewState(parseViewState('?data=data/ningxia/'))).toBe('');
  });
});
