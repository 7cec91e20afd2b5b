import { useId, useState } from 'react';
import type { CsvPrecision } from '../../domain/csv';
import type { Messages } from '../../i18n';

/**
 * An export button with its precision option beside it: unticked, the file's numbers are rounded
 * as the screen shows them; ticked ("全精度 / Full precision"), unrounded (src/domain/csv.ts).
 * The option's test id is `${testId}-full`.
 */
export function ExportCsv({ t, testId, label, disabled, busy, onExport }: {
  t: Messages;
  testId: string;
  label: string;
  disabled: boolean;
  busy: boolean;
  onExport: (precision: CsvPrecision) => void;
}) {
  const p = t.panels;
  const id = useId();
  const [full, setFull] = useState(false);
  return (
    <span className="export-csv">
      <button type="button" onClick={() => onExport(full ? 'full' : 'shown')} disabled={disabled} aria-busy={busy} aria-describedby={`${id}-hint`} data-testid={testId}>
        {label}
      </button>
      <label className="export-precision" title={p.exportPrecisionHint}>
        <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} data-testid={`${testId}-full`} />
        {p.exportFullPrecision}
      </label>
      <span id={`${id}-hint`} className="sr-only">
        {p.exportPrecisionHint}
      </span>
    </span>
  );
}
