import type { FirstScreenStep } from '../data/first-screen';
import type { Messages } from '../i18n';
import { stepLabel } from './LoadingPanel';

/** What failed, at which URL, and why; with a retry. */
export function ErrorPanel({ t, step, url, message, onRetry }: { t: Messages; step: FirstScreenStep | null; url: string | null; message: string; onRetry: () => void }) {
  return (
    <div className="center-panel">
      <section className="panel error-panel" role="alert" data-testid="load-error">
        <h2>{t.errorTitle}</h2>
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
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      </section>
    </div>
  );
}
