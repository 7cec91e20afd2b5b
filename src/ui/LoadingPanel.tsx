import { FIRST_SCREEN_STEPS, type FirstScreenStep, type StepProgress } from '../data/first-screen';
import type { Lang, Messages } from '../i18n';
import { formatBytes } from '../i18n/format';

export function stepLabel(t: Messages, step: FirstScreenStep): string {
  return { manifest: t.stepManifest, boundaries: t.stepBoundaries, countyAgg: t.stepCountyAgg, rootAgg: t.stepRootAgg }[step];
}

/** Bytes loaded per file while the first screen's data arrives. */
export function LoadingPanel({ t, lang, steps }: { t: Messages; lang: Lang; steps: Partial<Record<FirstScreenStep, StepProgress>> }) {
  return (
    <div className="center-panel" data-testid="loading">
      <section className="panel loading-panel" aria-busy="true">
        <h2>{t.loadingTitle}</h2>
        <ol>
          {FIRST_SCREEN_STEPS.map((step) => {
            const p = steps[step];
            const known = p !== undefined && Number.isFinite(p.total) && p.total > 0;
            const fraction = p?.done ? 1 : known ? Math.min(1, p.loaded / p.total) : undefined;
            const detail = !p ? t.stepWaiting : p.done ? `${t.stepDone} · ${formatBytes(p.loaded, lang)}` : known ? `${formatBytes(p.loaded, lang)} / ${formatBytes(p.total, lang)}` : formatBytes(p.loaded, lang);
            return (
              <li key={step}>
                <span className="step-name">{stepLabel(t, step)}</span>
                <span className="step-detail">{detail}</span>
                <progress
                  max={1}
                  value={fraction}
                  aria-label={stepLabel(t, step)}
                  aria-valuetext={detail}
                />
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
