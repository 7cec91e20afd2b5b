import type { Lang, Messages } from '../i18n';
import { formatInteger, formatPercent } from '../i18n/format';
import type { EngineStatus as Status } from '../state/use-engine-status';

/** One quiet line about the analysis engine starting in the background; never blocks the page. */
export function EngineStatus({ t, lang, status }: { t: Messages; lang: Lang; status: Status }) {
  let text: string;
  let kind: string = status.state;
  if (status.state === 'idle') text = t.engineIdle;
  else if (status.state === 'verifying') {
    text = t.engineVerifying;
    kind = 'loading';
  }
  else if (status.state === 'ready') {
    const bad = status.check?.mismatchCount ?? 0;
    text = !status.check ? t.engineReadyPartitioned : bad === 0 ? t.engineVerified(formatInteger(status.incomeRows, lang)) : t.engineMismatch(formatInteger(bad, lang));
    if (bad > 0) kind = 'error';
  }
  else if (status.state === 'error') text = t.engineFailed(status.message);
  else {
    const { phase, loaded, total } = status.progress;
    const label = phase === 'households' ? t.enginePhaseHouseholds : phase === 'income' ? t.enginePhaseIncome : phase === 'engine' ? t.enginePhaseEngine : t.enginePhaseTables;
    text = Number.isFinite(total) && total > 0 && phase !== 'engine' ? `${label} ${formatPercent(Math.min(1, loaded / total), lang)}` : `${label}…`;
    kind = 'loading';
  }
  return (
    <div className={`engine-status ${kind}`} data-testid="engine-status" data-state={status.state}
      data-mismatches={status.state === 'ready' ? status.check?.mismatchCount : undefined} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      <span>{t.engineStatus(text)}</span>
    </div>
  );
}
