import { line, max, scaleLinear } from 'd3';
import type { Lang } from '../../i18n';
import { formatInteger } from '../../i18n/format';
import type { SitingMessages } from '../../i18n/siting';
import type { CurvePoint } from '../../siting/suggest';

const W = 320;
const H = 150;
const M = { top: 12, right: 14, bottom: 30, left: 52 };

/**
 * The greedy coverage curve k = 1…K (households newly covered by the first k sites), so the
 * planner sees where returns flatten; with an exact answer, its optimum at K as a second mark.
 */
export function CoverageCurve({ lang, m, curve, exact }: { lang: Lang; m: SitingMessages; curve: CurvePoint[]; exact: number | null }) {
  if (!curve.length) return null;
  const K = curve.length;
  const top = Math.max(1, max(curve, (c) => c.covered) ?? 0, exact ?? 0);
  const x = scaleLinear().domain([K === 1 ? 0 : 1, K]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, top]).nice(4).range([H - M.bottom, M.top]);
  const path = line<CurvePoint>().x((c) => x(c.k)).y((c) => y(c.covered))(curve) ?? '';
  const xTicks = x.ticks(Math.min(K, 6)).filter((t) => Number.isInteger(t));
  const yTicks = y.ticks(4);
  const n = (v: number) => formatInteger(v, lang);
  return (
    <figure className="siting-curve" data-testid="siting-curve">
      <figcaption>{m.curveTitle}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${m.curveTitle}: ${curve.map((c) => `${c.k} → ${n(c.covered)}`).join(', ')}`}>
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">{n(t)}</text>
          </g>
        ))}
        {xTicks.map((t) => <text key={`x${t}`} x={x(t)} y={H - M.bottom + 14} textAnchor="middle">{t}</text>)}
        <text x={(M.left + W - M.right) / 2} y={H - 3} textAnchor="middle" className="axis-title">{m.curveAxisK}</text>
        <path d={path} className="curve" />
        {curve.map((c) => <circle key={c.k} cx={x(c.k)} cy={y(c.covered)} r={2.5} className="curve-dot" />)}
        {exact !== null && (
          <g data-testid="siting-curve-exact">
            <path d={`M${x(K)},${y(exact) - 6} l5,6 l-5,6 l-5,-6 z`} className="exact-mark" />
            <text x={x(K) - 8} y={y(exact) - 8} textAnchor="end" className="exact-label">{`${m.curveExact} ${n(exact)}`}</text>
          </g>
        )}
      </svg>
    </figure>
  );
}
