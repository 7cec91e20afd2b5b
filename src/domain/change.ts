/**
 * Rising / flat / falling (增收 / 持平 / 减收) against the same period of last year, component by
 * component (seed 002 §二(三)3: "研判…增收、减收、收入持平等不同情况").
 *
 * "Flat" is a change within ±1% of last year's amount: survey figures are rounded and a household
 * whose income moved by a few yuan has not really risen or fallen. Amounts of zero in both years
 * are flat. A household without last year's figure is counted apart, as "no comparison".
 */
export const FLAT_BAND = 0.01;

export type ChangeClass = 'rising' | 'flat' | 'falling';

/** Class of a change from `previous` to `current`. */
export function changeClass(current: number, previous: number, band = FLAT_BAND): ChangeClass {
  const d = current - previous;
  if (Math.abs(d) <= band * Math.abs(previous)) return 'flat';
  return d > 0 ? 'rising' : 'falling';
}
