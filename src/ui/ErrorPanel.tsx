import { useEffect, useState } from 'react';
import { DEMO_REGIONS, demoDatasetPath, probeDemoRegions } from '../data/demo-regions';
import type { FirstScreenStep } from '../data/first-screen';
import type { Lang, Messages } from '../i18n';
import type { LoadFailure } from '../state/use-dataset';
import { DEFAULT_VIEW, serializeViewState } from '../state/view-state';
import { stepLabel } from './LoadingPanel';

export interface ErrorPanelProps {
  t: Messages;
  lang: Lang;
  /** The dataset folder that failed, as the view names it (`data/jiangxi/`). */
  dataset: string;
  step: FirstScreenStep | null;
  url: string | null;
  message: string;
  failure: LoadFailure;
  onRetry: () => void;
  /** Opens another dataset folder (a demo region) instead. */
  onOpen: (dataset: string) => void;
}

/**
 * A dataset that cannot be opened: which one and what went wrong in plain words (the technical
 * detail folded below), the demo datasets this site has as links, and a retry.
 */
export function ErrorPanel({ t, lang, dataset, step, url, message, failure, onRetry, onOpen }: ErrorPanelProps) {
  const [available, setAvailable] = useState<Record<string, boolean> | null>(null);
  useEffect(() => {
    let live = true;
    probeDemoRegions().then((a) => live && setAvailable(a));
    return () => {
      live = false;
    };
  }, []);
  const demo = DEMO_REGIONS.find((r) => demoDatasetPath(r.id) === dataset);
  const name = !demo ? dataset : lang === 'zh' ? `${demo.name.zh}（${dataset}）` : `${demo.name.en} (${dataset})`;
  const explain = t.loadProblem[failure.problem](dataset, failure.file ?? url ?? dataset, failure.httpStatus === null ? '' : String(failure.httpStatus));
  const others = DEMO_REGIONS.filter((r) => demoDatasetPath(r.id) !== dataset);
  return (
    <div className="center-panel">
      <section className="panel error-panel" role="alert" data-testid="load-error" data-problem={failure.problem}>
        <h2>{t.loadErrorTitle(name)}</h2>
        <p className="load-error-explain" data-testid="load-error-explain">{explain}</p>
        <div className="load-error-actions">
          <button type="button" onClick={onRetry}>
            {t.retry}
          </button>
        </div>
        <p className="load-error-datasets-title">{t.loadErrorDatasets}</p>
        <ul className="load-error-datasets" data-testid="load-error-datasets">
          {others.map((r) => {
            const path = demoDatasetPath(r.id);
            const missing = available !== null && !available[r.id];
            return (
              <li key={r.id} data-region={r.id} data-available={String(!missing)}>
                {missing ? (
                  <span className="unavailable">
                    {r.name[lang]}
                    {t.regionUnavailable(`npm run data -- --region ${r.id}`)}
                  </span>
                ) : (
                  <a
                    href={serializeViewState({ ...DEFAULT_VIEW, dataset: path, lang }) || '?'}
                    onClick={(e) => {
                      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                      e.preventDefault();
                      onOpen(path);
                    }}
                  >
                    {r.name[lang]} <code>{r.id}</code>
                  </a>
                )}
              </li>
            );
          })}
        </ul>
        <details className="load-error-details">
          <summary>{t.loadErrorTechnical}</summary>
          <dl>
            {step && (
              <>
                <dt>{t.errorStep}</dt>
                <dd>{stepLabel(t, step)}</dd>
              </>
            )}
            {url && (
              <>
                <dt>{t.errorUrl}</dt>
                <dd>
                  <code>{url}</code>
                </dd>
              </>
            )}
            <dt>{t.errorDetail}</dt>
            <dd>{message}</dd>
          </dl>
        </details>
      </section>
    </div>
  );
}
