import { useId, useState } from 'react';
import type { Messages } from '../i18n';

/**
 * Warns that the figures are synthetic. The manifest's provenance text opens on hover, on
 * keyboard focus and on click (touch), and is tied to the badge with aria-describedby.
 */
export function SyntheticBadge({ t, provenance }: { t: Messages; provenance: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className={`badge-wrap${open ? ' open' : ''}`} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="synthetic-badge" data-testid="synthetic-badge" aria-describedby={id} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true" className="badge-icon">!</span>
        {t.syntheticBadge}
      </button>
      <div role="tooltip" id={id} className="provenance-popover">
        <strong>{t.provenanceHeading}</strong>
        <p>{provenance}</p>
      </div>
    </div>
  );
}
