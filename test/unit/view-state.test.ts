import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../src/domain/filter';
import { DEFAULT_VIEW, isSafeDatasetPath, parseViewState, serializeViewState, type ViewState } from '../../src/state/view-state';

describe('view state in the URL', () => {
  it('serialises the default view to an empty query', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips a fully specified view', () => {
    const s: ViewState = {
      dataset: 'data/jiangxi/',
      year: 2025,
      quarter: 3,
      metric: 'growth',
      breaks: 'jenks',
      lang: 'en',
      region: '640422000000',
      filter: { categories: ['tuopin', 'marginal'], mgmtClasses: ['safety_net'], relocated: false, causes: [1, 3], incomeRange: [0, 12000.5] },
      plan: 'jiangxi-2023',
      target: 'ratio-to-rural',
      population: 'monitored',
      classes: 'all-years',
      site: { kind: 'workshop', radiusKm: 7.5, k: 12, population: 'zero_employment', method: 'exact', weights: { monitored: 2 }, candidates: [{ village: '640422100200' }, { lon: 106.12345, lat: 36.5 }] },
      mode: 'briefing',
      layers: { kinds: ['relocation_site', 'workshop'], industryColoring: 'status', demand: true, demandPopulation: 'monitoring_labour', integrity: true },
      camera: { lon: 106.245, lat: 37.51, zoom: 7.25, bearing: 0, pitch: 0 },
      story: 'v3-abc',
    };
    const query = serializeViewState(s);
    expect(query).toBe(
      '?data=jiangxi&year=2025&q=3&metric=growth&breaks=jenks&lang=en&region=640422000000&plan=jiangxi-2023&target=ratio-to-rural&pop=monitored&classes=all-years&filter=cat:tuopin,marginal;mgmt:safety_net;reloc:0;cause:1,3;inc:0,12000.5' +
        '&site=kind:workshop;r:7.5;k:12;pop:zero_employment;m:exact;w:monitored%3D2;c:640422100200,106.12345_36.5' +
        '&layers=k:relocation_site,workshop;c:status;d:monitoring_labour;q:1&cam=106.245,37.51,7.25&mode=briefing&story=v3-abc',
    );
    expect(parseViewState(query)).toEqual(s);
  });

  it('round-trips every state field on its own (each differs from its default and comes back)', () => {
    const variants: Partial<ViewState>[] = [
      { dataset: 'data/daxiang/' }, { dataset: './my/folder/' }, { year: 2022 }, { quarter: 2 }, { metric: 'status' }, { breaks: 'jenks' },
      { lang: 'en' }, { region: '640522000000' }, { plan: 'ningxia-2024' }, { target: 'growth-above-regional' }, { population: 'tuopin' },
      { classes: 'all-years' }, { filter: { ...NO_FILTER, relocated: true } },
      { site: { kind: 'industry_base', radiusKm: 5, k: 10, population: 'low_income_labour', method: 'greedy', weights: {}, candidates: [] } },
      { mode: 'briefing' }, { mode: 'kiosk' },
      { layers: { kinds: ['pv_station'], industryColoring: 'industry', demand: false, demandPopulation: 'low_income_labour', integrity: false } },
      { layers: { kinds: [], industryColoring: 'industry', demand: false, demandPopulation: 'low_income_labour', integrity: true } },
      { camera: { lon: -0.5, lat: 38, zoom: 11.5, bearing: 12.5, pitch: 30 } }, { story: 'x1' },
    ];
    for (const v of variants) {
      const s = { ...DEFAULT_VIEW, ...v };
      const query = serializeViewState(s);
      expect(query, JSON.stringify(v)).not.toBe('');
      expect(parseViewState(query), query).toEqual(s);
    }
  });

  it('refuses malformed cameras and layer words', () => {
    for (const cam of ['1,2', '200,10,5', '10,95,5', '10,10,40', '1e3,2,3', 'a,b,c', '10,10,5,0,99']) {
      expect(parseViewState(`?cam=${cam}`).camera, cam).toBeNull();
    }
    expect(parseViewState('?layers=k:bank,workshop;c:rainbow;d:everyone;q:yes').layers).toEqual({ ...DEFAULT_VIEW.layers, kinds: ['workshop'] });
    expect(parseViewState('?mode=edit&story=<b>').mode).toBe('explore');
    expect(parseViewState('?story=<b>').story).toBeNull();
  });

  it('leaves defaults out and keeps a fixed parameter order', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, lang: 'en', year: 2023 })).toBe('?year=2023&lang=en');
  });

  it('falls back to defaults for unknown or invalid values, keeping the valid ones', () => {
    expect(parseViewState('?metric=wealth&breaks=equal&lang=fr&year=20x4&q=5&foo=1')).toEqual(DEFAULT_VIEW);
    expect(parseViewState('?year=-2024')).toEqual(DEFAULT_VIEW);
    expect(parseViewState('?q=0')).toEqual(DEFAULT_VIEW);
    // A siting view with nonsense inside opens with its defaults; candidates beyond five are dropped.
    expect(parseViewState('?site=kind:<b>;r:-3;k:0;pop:everyone;m:magic;w:cats=2;c:1,2,x_y').site).toEqual({ kind: 'industry_base', radiusKm: 5, k: 10, population: 'low_income_labour', method: 'greedy', weights: {}, candidates: [] });
    expect(parseViewState('?site=c:640000000001,640000000002,640000000003,640000000004,640000000005,640000000006').site!.candidates).toHaveLength(5);
    expect(parseViewState('?plan=../x')).toEqual(DEFAULT_VIEW);
    expect(parseViewState('?pop=everyone&classes=decade')).toEqual(DEFAULT_VIEW);
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

  it('round-trips the region and each kind of filter on its own', () => {
    const filters = [
      { ...NO_FILTER, categories: ['sudden' as const] },
      { ...NO_FILTER, mgmtClasses: ['high_quality' as const, 'key_monitoring' as const] },
      { ...NO_FILTER, relocated: true },
      { ...NO_FILTER, causes: [8] },
      { ...NO_FILTER, incomeRange: [-500, 7800] as [number, number] },
    ];
    for (const filter of filters) {
      const s: ViewState = { ...DEFAULT_VIEW, region: '640422105000', filter };
      expect(parseViewState(serializeViewState(s))).toEqual(s);
    }
  });

  it('writes filter lists in vocabulary order, so equal filters give equal URLs', () => {
    const a = serializeViewState({ ...DEFAULT_VIEW, filter: { ...NO_FILTER, categories: ['marginal', 'tuopin'], causes: [3, 1] } });
    const b = serializeViewState({ ...DEFAULT_VIEW, filter: { ...NO_FILTER, categories: ['tuopin', 'marginal'], causes: [1, 3] } });
    expect(a).toBe(b);
    expect(a).toBe('?filter=cat:tuopin,marginal;cause:1,3');
  });

  it('falls back to the root region for anything but a 12-digit code', () => {
    for (const bad of ['6404', '64042200000x', '6404220000001', '', '../640422000000']) {
      expect(parseViewState(`?region=${encodeURIComponent(bad)}`).region).toBeNull();
    }
  });

  it('drops invalid filter parts and keeps the valid ones', () => {
    expect(parseViewState('?filter=cat:tuopin,rich;mgmt:x;reloc:2;cause:0,9,4;inc:5,1').filter).toEqual({ ...NO_FILTER, categories: ['tuopin'], causes: [4] });
    expect(parseViewState("?filter=inc:0,1e9;reloc:1;cat:');DROP").filter).toEqual({ ...NO_FILTER, relocated: true });
    expect(parseViewState('?filter=inc:0,abc').filter).toEqual(NO_FILTER);
    expect(parseViewState('?filter=garbage').filter).toEqual(NO_FILTER);
    expect(parseViewState(`?filter=${'cat:tuopin;'.repeat(50)}`).filter).toEqual(NO_FILTER);
  });
});
