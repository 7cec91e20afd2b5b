import { LANG_LABELS, LANGS, type Lang, type Messages } from '../i18n';

/** 中文 / EN: two toggle buttons, the current one pressed. */
export function LanguageSwitch({ t, lang, onChange }: { t: Messages; lang: Lang; onChange: (lang: Lang) => void }) {
  return (
    <div className="lang-switch" role="group" aria-label={t.languageGroup}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l === 'zh' ? 'zh-CN' : 'en'} aria-pressed={l === lang} onClick={() => onChange(l)}>
          {LANG_LABELS[l]}
        </button>
      ))}
    </div>
  );
}
