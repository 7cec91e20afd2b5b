import type { ReactNode } from 'react';
import type { Messages } from '../i18n';

/** Title bar: product name, the region on screen, and the badges and switches on the right. */
export function Header({ t, regionName, children }: { t: Messages; regionName: string | null; children?: ReactNode }) {
  return (
    <header className="app-header">
      <div className="title-block">
        <h1>{t.appTitle}</h1>
        {regionName && <span className="region-name" title={regionName}>{regionName}</span>}
      </div>
      <div className="header-actions">{children}</div>
    </header>
  );
}
