import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { stepStory, storyView, type Story } from '../../briefing/stories';
import { BRIEFING_MESSAGES } from '../../i18n/briefing';
import type { UpdateView } from '../../state/use-view-state';
import { useStories } from '../../state/use-stories';
import type { ViewState } from '../../state/view-state';
import { BriefingLayout, type BriefingLayoutProps } from './BriefingLayout';

/** Seconds a kiosk shows each view. */
export const KIOSK_SECONDS = 20;

export interface BriefingModeProps extends Omit<BriefingLayoutProps, 'step' | 'kiosk' | 'onPrevious' | 'onNext' | 'onExit'> {
  view: ViewState;
  update: UpdateView;
  /** Views a kiosk tours when no view is saved: the unit, then each unit below it. */
  tour: Story[];
}

/**
 * Briefing and kiosk modes: the briefing page of the view on screen, stepped through the saved
 * views (arrow keys, Page Up/Down, a presenter clicker) or, in a kiosk, advancing every
 * `KIOSK_SECONDS` with a visible countdown (Space pauses). Each step opens the saved view as a
 * link would (one history entry), so Back returns to the previous page.
 */
export function BriefingMode({ view, update, tour, ...layout }: BriefingModeProps) {
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
  const step = useMemo(() => (at >= 0 ? { n: at + 1, total: stories.length, title: stories[at]!.title } : stories.length && kiosk ? { n: 0, total: stories.length, title: m.tour } : null), [at, stories, kiosk, m]);
  return (
    <BriefingLayout
      {...layout}
      step={step}
      kiosk={kiosk ? { seconds: KIOSK_SECONDS, left, paused, onPause: () => setPaused((x) => !x) } : null}
      onPrevious={() => go(-1)}
      onNext={() => go(1)}
      onExit={onExit}
    />
  );
}
