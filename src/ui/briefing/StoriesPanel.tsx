import { useEffect, useId, useRef, useState } from 'react';
import { appendStories, makeStory, moveStory, parseStories, serializeStories, storyView, type StoryProblem } from '../../briefing/stories';
import type { Lang } from '../../i18n';
import { BRIEFING_MESSAGES } from '../../i18n/briefing';
import { useStories } from '../../state/use-stories';
import type { UpdateView } from '../../state/use-view-state';
import type { ViewState } from '../../state/view-state';
import { downloadText } from '../panels/download';

/**
 * The saved views of a briefing: save the view on screen (with a title; the default names the
 * unit, figure and period), rename, reorder, delete, open one, export the list as JSON and import
 * one, and start the briefing full screen or the kiosk loop. A dialog (Escape closes it).
 */
export function StoriesPanel({ lang, view, update, defaultTitle, onClose }: { lang: Lang; view: ViewState; update: UpdateView; defaultTitle: string; onClose: () => void }) {
  const m = BRIEFING_MESSAGES[lang];
  const [stories, setStories] = useStories();
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    dialog.current?.querySelector<HTMLElement>('input, button')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const save = () => {
    setStories([...stories, makeStory(view, title.trim() || defaultTitle, stories.map((s) => s.id))]);
    setTitle('');
    setNotes([]);
  };
  const start = (mode: 'briefing' | 'kiosk') => {
    void document.documentElement.requestFullscreen?.().catch(() => {});
    onClose();
    if (stories.length) update(storyView(stories[0]!, mode));
    else update({ mode, story: null });
  };
  const onImport = async (f: File | undefined) => {
    if (!f) return;
    const text = f.size > 2_000_000 ? '' : await f.text();
    const { stories: added, problems } = parseStories(text || 'x');
    const said = problems.map((p: StoryProblem) => m.problem(p));
    if (added.length) {
      setStories(appendStories(stories, added));
      said.unshift(m.imported(added.length));
    }
    setNotes(said);
    if (file.current) file.current.value = '';
  };

  return (
    <div className="stories-backdrop" role="presentation" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="stories-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={dialog} data-testid="stories-dialog">
        <header className="stories-head">
          <h2 id={titleId}>{m.panelTitle}</h2>
          <button type="button" onClick={onClose} aria-label={m.close}>×</button>
        </header>
        <p className="stories-intro">{m.intro}</p>
        <form className="stories-save" onSubmit={(e) => { e.preventDefault(); save(); }}>
          <label>
            <span className="sr-only">{m.titleLabel}</span>
            <input type="text" value={title} maxLength={200} placeholder={`${m.titlePlaceholder}: ${defaultTitle}`} onChange={(e) => setTitle(e.target.value)} data-testid="story-title" />
          </label>
          <button type="submit" data-testid="story-save">{m.save}</button>
        </form>
        {stories.length === 0 ? <p className="stories-none">{m.none}</p> : (
          <ol className="stories-list" data-testid="stories-list">
            {stories.map((s, i) => (
              <li key={s.id} data-story={s.id}>
                <button type="button" className="story-open" onClick={() => { onClose(); update(storyView(s, 'explore')); }} aria-label={m.openStory(s.title)}>
                  <span className="story-n">{i + 1}</span> {s.title}
                </button>
                <span className="story-actions">
                  <button type="button" onClick={() => {
                    const next = window.prompt(m.rename, s.title);
                    if (next !== null && next.trim()) setStories(stories.map((x) => (x.id === s.id ? { ...x, title: next.trim().slice(0, 200) } : x)));
                  }}>{m.rename}</button>
                  <button type="button" disabled={i === 0} onClick={() => setStories(moveStory(stories, s.id, -1))} aria-label={m.moveUp(s.title)}>↑</button>
                  <button type="button" disabled={i === stories.length - 1} onClick={() => setStories(moveStory(stories, s.id, 1))} aria-label={m.moveDown(s.title)}>↓</button>
                  <button type="button" onClick={() => setStories(stories.filter((x) => x.id !== s.id))} aria-label={m.remove(s.title)} data-testid="story-remove">×</button>
                </span>
              </li>
            ))}
          </ol>
        )}
        <div className="stories-actions">
          <button type="button" className="primary" onClick={() => start('briefing')} data-testid="briefing-start">{m.start}</button>
          <button type="button" onClick={() => start('kiosk')} data-testid="kiosk-start">{m.startKiosk}</button>
          <button type="button" disabled={!stories.length} data-testid="stories-export"
            onClick={() => downloadText(serializeStories(stories), lang === 'zh' ? '简报视图.json' : 'briefing-views.json', 'application/json')}>{m.exportJson}</button>
          <label className="file-button">
            <input ref={file} type="file" accept=".json,application/json" onChange={(e) => void onImport(e.target.files?.[0])} data-testid="stories-import" />
            <span>{m.importJson}</span>
          </label>
        </div>
        {notes.length > 0 && <ul className="stories-notes" role="status">{notes.map((n) => <li key={n}>{n}</li>)}</ul>}
        <p className="stories-storage">{m.storage}</p>
      </div>
    </div>
  );
}
