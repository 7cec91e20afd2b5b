import type { Lang, Messages } from '../i18n';
import { placeName } from '../i18n';
import { noticeKey, type UrlNotice } from '../state/url-corrections';
import { periodLabelLong } from './period-label';

/** The text of a notice in the UI language. */
export function noticeText(t: Messages, lang: Lang, n: UrlNotice, rootName: string): string {
  switch (n.kind) {
    case 'no-unit':
      return `${t.noticeNoUnit(n.code)}${lang === 'zh' ? '。' : '. '}${t.noticeShowingInstead(n.instead ? placeName(n.instead, lang) : rootName)}`;
    case 'no-period':
      return t.noticeNoPeriod(n.quarter === null || n.quarter === 4 ? t.fullYear(n.year) : t.yearToDate(n.year, n.quarter), n.shown ? periodLabelLong(t, n.shown) : t.noData);
    case 'no-plan':
      return t.noticeNoPlan(n.plan, n.shown);
    case 'no-target':
      return t.noticeNoTarget(n.target);
    case 'bad-dataset':
      return t.noticeBadDataset(n.value);
  }
}

/**
 * What the URL asked for and the dataset does not have (src/state/url-corrections.ts), each a
 * dismissable notice over the top of the dashboard; the view shows what the notice says instead.
 */
export function UrlNotices({ t, lang, notices, rootName, onDismiss }: { t: Messages; lang: Lang; notices: UrlNotice[]; rootName: string; onDismiss: (key: string) => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="url-notices" role="region" aria-label={t.noticesLabel} data-testid="url-notices">
      {notices.map((n) => (
        <p key={noticeKey(n)} className="panel url-notice" role="status" data-testid="url-notice" data-kind={n.kind}>
          <span>{noticeText(t, lang, n, rootName)}</span>
          <button type="button" className="url-notice-close" onClick={() => onDismiss(noticeKey(n))} aria-label={t.dismissNotice} title={t.dismissNotice}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
