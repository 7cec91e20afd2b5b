import { useCallback, useEffect, useState } from 'react';
import { parseStories, serializeStories, type Story } from '../briefing/stories';

/** Where the browser keeps the saved views. */
export const STORIES_KEY = 'tuopin-dashboard.stories.v1';

function read(): Story[] {
  try {
    const text = window.localStorage.getItem(STORIES_KEY);
    return text ? parseStories(text).stories : [];
  } catch {
    // Storage disabled (private mode, policy): the list lives for this page only.
    return [];
  }
}

/**
 * The saved views of this browser (localStorage), shared by every tab: a change in another tab
 * arrives through the `storage` event. Writing fails silently when storage is unavailable; the
 * list still works in the page.
 */
export function useStories(): [Story[], (next: Story[]) => void] {
  const [stories, setStories] = useState<Story[]>(read);
  useEffect(() => {
    const onStorage = (e: StorageEvent) => e.key === STORIES_KEY && setStories(read());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const save = useCallback((next: Story[]) => {
    setStories(next);
    try {
      window.localStorage.setItem(STORIES_KEY, serializeStories(next));
    } catch {
      // See above.
    }
  }, []);
  return [stories, save];
}
