import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Lang } from '../../i18n';
import { BRIEFING_MESSAGES } from '../../i18n/briefing';
import { TARGET_MESSAGES } from '../../i18n/targets';
import { STATUS_COLORS } from '../../map/choropleth/target-classes';
import type { Status } from '../../targets/types';
import './briefing.css';

/** Design size of a briefing page; the page is scaled to the screen, never reflowed. */
export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

export interface BriefingTile {
  id: string;
  label: string;
  value: string;
  unit?: string;
  /** The target as shown, e.g. "≥ 15,000 元"; absent when no target answers this figure. */
  target?: string;
  status?: Status;
  note?: string;
}

export interface WeakUnit {
  code: string;
  name: string;
  value: string;
  status?: Status;
}

export interface BriefingLayoutProps {
  lang: Lang;
  title: string;
  subtitle: string;
  asOf: string;
  tiles: BriefingTile[];
  /** Targets met / on track / at risk / missed of the unit, or null while evaluated. */
  counts: Record<Status, number> | null;
  weakest: WeakUnit[];
  weakestBy: string;
  map: ReactNode;
  /** The map's area (carries `data-painted`, as the dashboard's map area does). */
  mapAreaRef: (el: HTMLElement | null) => void;
  legend: ReactNode;
  synthetic: boolean;
  provenance: string;
  /** A footnote (public mode: what "—" means). */
  footnote?: string;
  step: { n: number; total: number; title: string } | null;
  kiosk: { seconds: number; left: number; paused: boolean; onPause: () => void } | null;
  onPrevious: () => void;
  onNext: () => void;
  onExit: () => void;
  onOpenUnit: (code: string) => void;
  /** Extra controls in the header (export). */
  tools?: ReactNode;
  /**
   * The unit the tiles speak of and whether they have settled for it (its targets evaluated):
   * carried as `data-unit` / `data-state` on the tiles, so a step to the next view can be timed
   * to the moment its figures are on screen.
   */
  readiness?: { unit: string; ready: boolean };
}

/** The scale of the design page on this screen (1 at 1920×1080, 2 at 3840×2160). */
function useScale(): number {
  const [scale, setScale] = useState(() => Math.min(window.innerWidth / DESIGN_WIDTH, window.innerHeight / DESIGN_HEIGHT));
  useEffect(() => {
    const on = () => setScale(Math.min(window.innerWidth / DESIGN_WIDTH, window.innerHeight / DESIGN_HEIGHT));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return scale;
}

/**
 * The briefing page: title, as-of quarter, large KPI tiles against target in status colours, the
 * map with its legend, the weakest units, provenance and the synthetic-data notice. Laid out on a
 * 1920×1080 design page scaled to the screen (3840×2160 doubles every size), so text reads from
 * the back of a room and nothing reflows. The map itself is drawn at the screen's resolution.
 */
export function BriefingLayout(p: BriefingLayoutProps) {
  const m = BRIEFING_MESSAGES[p.lang];
  const tm = TARGET_MESSAGES[p.lang];
  const scale = useScale();
  const [blank, setBlank] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const handlers = useRef(p);
  handlers.current = p;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && (e.target.closest('input, select, textarea, [role="menu"]'))) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const h = handlers.current;
      if (blank) {
        e.preventDefault();
        setBlank(false);
        return;
      }
      switch (e.key) {
        case 'ArrowRight': case 'PageDown': case 'ArrowDown': case 'n': case 'N':
          e.preventDefault();
          h.onNext();
          break;
        case ' ':
          e.preventDefault();
          if (h.kiosk) h.kiosk.onPause();
          else h.onNext();
          break;
        case 'ArrowLeft': case 'PageUp': case 'ArrowUp': case 'p': case 'P': case 'Backspace':
          e.preventDefault();
          h.onPrevious();
          break;
        case 'Escape':
          // The browser leaves full screen on Escape by itself; the briefing closes too.
          h.onExit();
          break;
        case 'f': case 'F': case 'F5':
          e.preventDefault();
          toggleFullScreen();
          break;
        case 'b': case 'B': case '.':
          e.preventDefault();
          setBlank(true);
          break;
        default:
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blank]);

  // Focus the page so a clicker's keys arrive here, not in a control of the dashboard left behind.
  useLayoutEffect(() => frame.current?.focus({ preventScroll: true }), []);

  const statusName = (s: Status) => tm.statusName[s];
  return (
    <div className="briefing" data-testid="briefing" style={{ ['--s' as string]: String(scale) }}>
      <div className="briefing-frame" ref={frame} tabIndex={-1} aria-label={p.title} role="region">
        <header className="briefing-head">
          <div className="briefing-titles">
            <h1 data-testid="briefing-title">{p.title}</h1>
            <p className="briefing-subtitle">{p.subtitle}</p>
          </div>
          <div className="briefing-meta">
            <span className="briefing-asof" data-testid="briefing-asof">{p.asOf}</span>
            {p.synthetic && <span className="briefing-synthetic">{m.synthetic}</span>}
            {p.step && <span className="briefing-step" data-testid="briefing-step">{m.step(p.step.n, p.step.total)} · {p.step.title}</span>}
          </div>
          <div className="briefing-tools">
            {p.tools}
            <button type="button" onClick={p.onPrevious} aria-label={m.previous} data-testid="briefing-prev">‹</button>
            <button type="button" onClick={p.onNext} aria-label={m.next} data-testid="briefing-next">›</button>
            <button type="button" onClick={toggleFullScreen}>{m.fullScreen}</button>
            <button type="button" onClick={p.onExit} data-testid="briefing-exit">{m.exit}</button>
          </div>
        </header>
        <div className="briefing-body">
          <section className="briefing-side" aria-label={p.title}>
            <ul className="briefing-tiles" data-testid="briefing-tiles" data-unit={p.readiness?.unit} data-state={p.readiness ? (p.readiness.ready ? 'ready' : 'loading') : undefined}>
              {p.tiles.map((t) => (
                <li key={t.id} className={`briefing-tile${t.status ? ` status-${t.status}` : ''}`} data-testid={`tile-${t.id}`} data-status={t.status ?? ''}
                  style={t.status && t.status !== 'no_data' ? { ['--status' as string]: STATUS_COLORS[t.status] } : undefined}>
                  <span className="tile-label">{t.label}</span>
                  <span className="tile-value"><span>{t.value}</span>{t.unit && <small>{t.unit}</small>}</span>
                  <span className="tile-target">
                    {t.status && t.status !== 'no_data' && <span className="tile-status">{statusName(t.status)}</span>}
                    {t.target ? m.targetLine(t.target) : t.note ?? ''}
                  </span>
                </li>
              ))}
            </ul>
            {p.counts && (
              <p className="briefing-counts" data-testid="briefing-counts">
                {(['met', 'on_track', 'at_risk', 'missed'] as const).map((s) => (
                  <span key={s} style={{ ['--status' as string]: STATUS_COLORS[s] }}><b>{p.counts![s]}</b> {statusName(s)}</span>
                ))}
              </p>
            )}
            <section className="briefing-weakest" aria-labelledby="briefing-weakest-title" data-testid="briefing-weakest">
              <h2 id="briefing-weakest-title">{m.weakest}<small>{p.weakestBy}</small></h2>
              {p.weakest.length ? (
                <ol>
                  {p.weakest.map((w) => (
                    <li key={w.code}>
                      <button type="button" onClick={() => p.onOpenUnit(w.code)}>
                        <span className="weak-name">{w.name}</span>
                        <span className="weak-value" style={w.status && w.status !== 'no_data' ? { color: STATUS_COLORS[w.status] } : undefined}>{w.value}</span>
                      </button>
                    </li>
                  ))}
                </ol>
              ) : <p>{m.noWeakest}</p>}
            </section>
          </section>
          <div className="briefing-map" data-testid="map-area" ref={p.mapAreaRef}>
            {p.map}
            <div className="briefing-legend">{p.legend}</div>
          </div>
        </div>
        <footer className="briefing-foot">
          <span className="briefing-provenance">{m.provenance}{p.lang === 'zh' ? '：' : ': '}{p.provenance}{p.footnote ? ` · ${p.footnote}` : ''}</span>
          <span className="briefing-keys">{p.kiosk ? m.kioskKeys : m.keysHelp}</span>
          {p.kiosk && (
            <span className="kiosk-progress" data-testid="kiosk-progress" role="progressbar" aria-valuemin={0} aria-valuemax={p.kiosk.seconds} aria-valuenow={p.kiosk.seconds - p.kiosk.left}
              aria-label={p.kiosk.paused ? m.pause : m.kioskProgress(Math.ceil(p.kiosk.left))}>
              <span className="kiosk-bar" style={{ width: `${(100 * (p.kiosk.seconds - p.kiosk.left)) / p.kiosk.seconds}%` }} />
              <span className="kiosk-text">{p.kiosk.paused ? m.pause : m.kioskProgress(Math.ceil(p.kiosk.left))}</span>
            </span>
          )}
        </footer>
      </div>
      {blank && <div className="briefing-blank" role="status" aria-label={m.blank} onClick={() => setBlank(false)} />}
    </div>
  );
}

function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

