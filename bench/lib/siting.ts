/**
 * Siting figures in the built app (issue 12), Ningxia root, 2024, industry bases, 5 km, the
 * population of low-income households with labour, one candidate on screen:
 *  - site_suggest_ms: k changed 9 → 10 in the siting view → the greedy answer for k = 10 shown
 *    (timed in the page from the input event to the result element carrying k = 10);
 *    site_suggest_compute_ms: the part `suggestSites` took (the result's own clock);
 *  - site_exact_ms: with the exact method chosen, k changed 9 → 10 → the exact answer for k = 10
 *    shown (a new worker each run: HiGHS loaded, the integer programme solved);
 *    site_exact_compute_ms: the part `suggestSites` took in the worker;
 *  - site_catchment_ms: the radius changed (5 ↔ 5.5 km) → the candidate's catchment redrawn.
 * The question's answer is checked: the page's covered count equals the command's (`runSite`).
 */
import type { Page } from 'playwright-core';
import { launchChromium, startStaticServer } from '../../test/browser/harness';
import { runSite } from '../../src/pipeline/cli/site';
import { figure, type Figure } from './stats';

const TIMEOUT = 240_000;

/** In-page: sets an input's value as a user would (React sees an input event), waits for `selector`, returns the ms between. */
const TIMED_INPUT = `async ([input, value, selector]) => {
  const el = document.querySelector(input);
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const t0 = performance.now();
  setter.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  return await new Promise((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      if (document.querySelector(selector)) return resolve(performance.now() - t0);
      if (performance.now() - started > ${TIMEOUT}) return reject(new Error('timeout waiting for ' + selector));
      requestAnimationFrame(check);
    };
    check();
  });
}`;

const TIMED_CLICK = `async ([button, selector]) => {
  const t0 = performance.now();
  document.querySelector(button).click();
  return await new Promise((resolve, reject) => {
    const check = () => {
      if (document.querySelector(selector)) return resolve(performance.now() - t0);
      if (performance.now() - t0 > ${TIMEOUT}) return reject(new Error('timeout waiting for ' + selector));
      setTimeout(check, 5);
    };
    check();
  });
}`;

async function evalTimed(page: Page, fn: string, args: unknown[]): Promise<number> {
  return page.evaluate(`(${fn})(${JSON.stringify(args)})`) as Promise<number>;
}

export async function runSitingBench(chrome: string, dist: string, data: string, opts: { runs: number; warmup: number; log: (s: string) => void }): Promise<Record<string, Figure>> {
  const expected = {
    greedy: await runSite({ data, kind: 'industry_base', radiusKm: 5, k: 10, population: 'low_income_labour', method: 'greedy' }),
    exact: await runSite({ data, kind: 'industry_base', radiusKm: 5, k: 10, population: 'low_income_labour', method: 'exact' }),
  };
  const server = await startStaticServer(dist);
  const browser = await launchChromium(chrome, { viewport: { width: 1600, height: 900 } });
  try {
    const page = await browser.context.newPage();
    const candidate = expected.greedy.sites[0].villageCode;
    await page.goto(`${server.origin}/?site=kind:industry_base;r:5;k:9;pop:low_income_labour;m:greedy;c:${candidate}`);
    await page.waitForSelector('[data-testid="siting-result"][data-k="9"]', { timeout: TIMEOUT });
    const suggest: number[] = [];
    const suggestCompute: number[] = [];
    const catchment: number[] = [];
    for (let i = 0; i < opts.warmup + opts.runs; i++) {
      const ms = await evalTimed(page, TIMED_INPUT, ['[data-testid="siting-k"]', '10', '[data-testid="siting-result"][data-k="10"][data-method="greedy"]']);
      const covered = Number(await page.locator('[data-testid="siting-result"]').getAttribute('data-covered'));
      if (covered !== expected.greedy.covered) throw new Error(`greedy in the page covered ${covered}, npm run site ${expected.greedy.covered}`);
      const compute = Number(await page.locator('[data-testid="siting-result"]').getAttribute('data-compute-ms'));
      if (i >= opts.warmup) {
        suggest.push(ms);
        suggestCompute.push(compute);
      }
      await evalTimed(page, TIMED_INPUT, ['[data-testid="siting-k"]', '9', '[data-testid="siting-result"][data-k="9"]']);
    }
    // An even number of changes, so the radius ends at 5 km again.
    for (let i = 0; i < 2 * (opts.warmup + opts.runs); i++) {
      const r = i % 2 === 0 ? '5.5' : '5';
      const ms = await evalTimed(page, TIMED_INPUT, ['[data-testid="siting-radius"]', r, `[data-testid="siting-catchments"][data-radius="${r}"]`]);
      if (i >= 2 * opts.warmup) catchment.push(ms);
    }
    await evalTimed(page, TIMED_INPUT, ['[data-testid="siting-k"]', '10', '[data-testid="siting-result"][data-k="10"][data-radius="5"]']);
    const exact: number[] = [];
    const exactCompute: number[] = [];
    // Exact chosen: each change of k solves anew (a new worker); time k 9 → 10.
    await evalTimed(page, TIMED_CLICK, ['[data-testid="siting-exact"]', '[data-testid="siting-result"][data-method="exact"][data-k="10"]']);
    for (let i = 0; i < opts.warmup + opts.runs; i++) {
      await evalTimed(page, TIMED_INPUT, ['[data-testid="siting-k"]', '9', '[data-testid="siting-result"][data-method="exact"][data-k="9"]']);
      const ms = await evalTimed(page, TIMED_INPUT, ['[data-testid="siting-k"]', '10', '[data-testid="siting-result"][data-method="exact"][data-k="10"]']);
      const covered = Number(await page.locator('[data-testid="siting-result"]').getAttribute('data-covered'));
      if (covered !== expected.exact.covered) throw new Error(`exact in the page covered ${covered}, npm run site ${expected.exact.covered}`);
      if (i >= opts.warmup) {
        exact.push(ms);
        exactCompute.push(Number(await page.locator('[data-testid="siting-result"]').getAttribute('data-compute-ms')));
      }
    }
    opts.log(`siting: greedy ${suggest.map((x) => x.toFixed(0)).join(', ')} ms; exact ${exact.map((x) => x.toFixed(0)).join(', ')} ms; catchment ${catchment.map((x) => x.toFixed(0)).join(', ')} ms`);
    return {
      site_suggest_ms: figure(suggest, 'ms'),
      site_suggest_compute_ms: figure(suggestCompute, 'ms'),
      site_exact_ms: figure(exact, 'ms'),
      site_exact_compute_ms: figure(exactCompute, 'ms'),
      site_catchment_ms: figure(catchment, 'ms'),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
