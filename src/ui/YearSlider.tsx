import { useEffect, useId, useRef, useState } from 'react';
import type { Messages } from '../i18n';
import { periodLabel } from './period-label';

/** Milliseconds each year stays on screen during playback. */
export const PLAY_STEP_MS = 1200;

export interface YearSliderProps {
  t: Messages;
  /** Years with data, ascending, with the quarter each stands for (< 4: year to date). */
  years: { year: number; quarter: number }[];
  year: number;
  /** `playing` is true for steps made by playback (the URL is then replaced, not pushed). */
  onYear: (year: number, playing: boolean) => void;
  /** Called when playback starts. */
  onPlay?: () => void;
}

/**
 * A range slider over the dataset's years (arrow keys step, Home/End jump) with a play/pause
 * button that advances one year every 1.2 s and stops at the last. Pressing play on the last
 * year starts again from the first.
 */
export function YearSlider({ t, years, year, onYear, onPlay }: YearSliderProps) {
  const id = useId();
  const [playing, setPlaying] = useState(false);
  const index = Math.max(0, years.findIndex((y) => y.year === year));
  const current = years[index];
  // The latest props, for the interval callback.
  const latest = useRef({ years, index, onYear });
  latest.current = { years, index, onYear };

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const { years: ys, index: i, onYear: step } = latest.current;
      if (i >= ys.length - 1) {
        setPlaying(false);
        return;
      }
      step(ys[i + 1].year, true);
      if (i + 1 >= ys.length - 1) setPlaying(false);
    }, PLAY_STEP_MS);
    return () => window.clearInterval(timer);
  }, [playing]);

  const toggle = () => {
    if (playing) return setPlaying(false);
    onPlay?.();
    if (index >= years.length - 1 && years.length > 1) onYear(years[0].year, true);
    setPlaying(true);
  };

  if (!current) return null;
  const label = periodLabel(t, { year: current.year, quarter: current.quarter, yearToDate: current.quarter < 4 });
  return (
    <div className="control year-slider" data-testid="year-control">
      <label htmlFor={id}>
        {t.year} <output htmlFor={id} className="year-value" data-testid="year-value">{label}</output>
      </label>
      <div className="year-row">
        <button type="button" className="play" aria-pressed={playing} onClick={toggle} data-testid="year-play" title={playing ? t.pause : t.play}>
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          <span className="sr-only">{playing ? t.pause : t.play}</span>
        </button>
        <input
          id={id}
          type="range"
          min={0}
          max={years.length - 1}
          step={1}
          value={index}
          aria-valuetext={label}
          data-testid="year-slider"
          onChange={(e) => {
            setPlaying(false);
            onYear(years[Number(e.target.value)].year, false);
          }}
        />
      </div>
      <div className="year-ticks" aria-hidden="true">
        {years.map((y) => (
          <span key={y.year}>{y.year}</span>
        ))}
      </div>
    </div>
  );
}
