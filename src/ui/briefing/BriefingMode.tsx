import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { stepStory, storyView, type Story } from '../../briefing/stories';
import { BRIEFING_MESSAGES } from '../../i18n/briefing';
import type { UpdateView } from '../../state/use-view-state';
import { useStories } from '../../state/use-stories';
import type { ViewState } from '../../state/view-state';
import { BriefingLayout, type BriefingLayoutProps, type BriefingTile } from './BriefingLayout';
import type { ExportViewInput } from '../export';
import type { KpiTile, TileStatus } from '../../export/sheet';
import type { Status } from '../../targets/types';
import { TARGET_MESSAGES } from '../../i18n/targets';

/** Seconds a kiosk shows each view. */
export const KIOSK_SECONDS = 20;

export interface BriefingModeProps extends Omit<BriefingLayoutProps, 'step' | 'kiosk' | 'onPrevious' | 'onNext' | 'onExit'> {
  view: ViewState;
  update: UpdateView;
  /** Views a kiosk tours when no view is saved: the unit, then each unit below it. */
  tour: Story[];
  /** What the exports draw of the view on screen (src/ui/export). */
  exportInput: ExportViewInput;
  /** True once the view on screen is drawn and its targets are evaluated (or known not to be). */
  pageReady: () => boolean;
}

const TILE_STATUS: Record<Status, TileStatus> = { met: 'green', on_track: 'green', at_risk: 'amber', missed: 'red', no_data: 'none' };

/** The briefing's tiles as the PDF draws them. */
function pdfTiles(tiles: BriefingTile[], lang: BriefingModeProps['lang']): KpiTile[] {
  const m = BRIEFING_MESSAGES[lang];
  const names = TARGET_MESSAGES[lang].statusName;
  return tiles.map((t) => ({
    label: t.label, value: t.value, unit: t.unit, note: t.target ? undefined : t.note,
    target: t.target ? m.targetLine(t.target) : undefined,
    status: t.status ? TILE_STATUS[t.status] : undefined,
    statusLabel: t.status && t.status !== 'no_data' ? names[t.status] : undefined,
  }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Briefing and kiosk modes: the briefing page of the view on screen, stepped through the saved
 * views (arrow keys, Page Up/Down, a presenter clicker) or, in a kiosk, advancing every
 * `KIOSK_SECONDS` with a visible countdown (Space pauses). Each step opens the saved view as a
 * link would (one history entry), so Back returns to the previous page.
 */
export function BriefingMode({ view, update, tour, exportInput, pageReady, ...layout }: BriefingModeProps) {
  const [saved] = useStories();
  const kiosk = view.mode === 'kiosk';
  const stories = saved.length ? saved : kiosk ? tour : [];
  const current = view.story;
  // A kiosk touring the units starts at the unit on screen.
  const here = current ?? (saved.length ? null : `tour-${view.region ?? 'root'}`);
  const at = stories.findIndex((s) => s.id === here);
  const go = useCallback((delta: number) => {
    const next = stepStory(stories, here, delta, kiosk);
    if (next) update(storyView(next, view.mode));
  }, [stories, here, kiosk, update, view.mode]);
  const onExit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    update({ mode: 'explore', story: null });
  }, [update]);

  const [paused, setPaused] = useState(false);
  const [left, setLeft] = useState(KIOSK_SECONDS);
  const goRef = useRef(go);
  goRef.current = go;
  // The countdown restarts on every new view; it advances once the time is up.
  const stepKey = `${current}|${view.region}|${view.dataset}`;
  useEffect(() => setLeft(KIOSK_SECONDS), [stepKey]);
  useEffect(() => {
    if (!kiosk || paused || stories.length === 0) return;
    const started = performance.now();
    const from = left;
    const timer = window.setInterval(() => {
      const rest = from - (performance.now() - started) / 1000;
      if (rest <= 0) {
        window.clearInterval(timer);
        setLeft(KIOSK_SECONDS);
        goRef.current(1);
      } else setLeft(rest);
    }, 250);
    return () => window.clearInterval(timer);
    // Restarted by a new view or a pause; `left` is read once when it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kiosk, paused, stepKey, stories.length]);

  const m = BRIEFING_MESSAGES[layout.lang];

  // The PDF pack: each saved view opened in turn, drawn once it is ready, then the file built;
  // the briefing returns to the view it was on. Without saved views, the view on screen.
  const latest = useRef({ exportInput, pageReady, tiles: layout.tiles, story: view.story });
  latest.current = { exportInput, pageReady, tiles: layout.tiles, story: view.story };
  const [packing, setPacking] = useState<{ done: number; of: number } | null>(null);
  const [packError, setPackError] = useState<string | null>(null);
  const makePack = useCallback(async () => {
    const list = saved;
    const back = view;
    setPackError(null);
    setPacking({ done: 0, of: Math.max(1, list.length) });
    try {
      const { renderBriefingPage, exportBriefingPdf } = await import('../export');
      const pages = [];
      const capture = async (id: string | null) => {
        const started = performance.now();
        // Wait for the view to be on screen, drawn and evaluated (at most two minutes).
        while (!(latest.current.story === id && latest.current.pageReady())) {
          if (performance.now() - started > 120_000) throw new Error(m.packTimeout);
          await sleep(200);
        }
        const page = await renderBriefingPage(latest.current.exportInput);
        return { ...page, kpis: pdfTiles(latest.current.tiles, layout.lang) };
      };
      if (list.length === 0) pages.push(await capture(view.story));
      for (const [i, s] of list.entries()) {
        update(storyView(s, view.mode), { replace: true });
        pages.push(await capture(s.id));
        setPacking({ done: i + 1, of: list.length });
      }
      await exportBriefingPdf(pages, { lang: layout.lang, filename: m.pdfName });
    } catch (e) {
      setPackError(e instanceof Error ? e.message : String(e));
    } finally {
      setPacking(null);
      if (list.length) update(back, { replace: true });
    }
  }, [saved, view, update, layout.lang, m]);
  const step = useMemo(() => (at >= 0 ? { n: at + 1, total: stories.length, title: stories[at]!.title } : stories.length && kiosk ? { n: 0, total: stories.length, title: m.tour } : null), [at, stories, kiosk, m]);
  return (
    <BriefingLayout
      {...layout}
      tools={(
        <>
          <button type="button" onClick={() => void makePack()} disabled={packing !== null} data-testid="briefing-pdf"
            aria-busy={packing !== null}>
            {packing ? m.packProgress(packing.done, packing.of) : m.pdf}
          </button>
          {packError && <span role="alert" className="briefing-error">{packError}</span>}
        </>
      )}
      step={step}
      kiosk={kiosk ? { seconds: KIOSK_SECONDS, left, paused, onPause: () => setPaused((x) => !x) } : null}
      onPrevious={() => go(-1)}
      onNext={() => go(1)}
      onExit={onExit}
    />
  );
}
