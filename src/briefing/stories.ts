import { parseViewState, serializeViewState, DEFAULT_VIEW, type ViewState } from '../state/view-state';

/**
 * Saved views ("stories") of a briefing: each is a whole view (dataset, unit, year, metric, plan,
 * population, layers, filters, camera) kept as its URL query, so a saved view opens exactly as a
 * link to it does, and everything read back goes through the URL's own checks (`parseViewState`).
 * Pure: the page keeps the list in localStorage, exports and imports it as JSON.
 */
export interface Story {
  /** Letters, digits and dashes; unique in its list. */
  id: string;
  title: string;
  /** The view as a URL query (`?data=…&region=…`), without mode and story. */
  query: string;
  /** ISO time it was saved. */
  savedAt: string;
}

export const STORY_FORMAT = 'tuopin-dashboard-briefing';
export const STORY_VERSION = 1;
export const MAX_STORIES = 200;
const MAX_TITLE = 200;

export interface StoryFile {
  format: typeof STORY_FORMAT;
  version: typeof STORY_VERSION;
  stories: Story[];
}

/** The view a story opens (in the given mode, naming the story). */
export function storyView(story: Story, mode: ViewState['mode']): ViewState {
  return { ...parseViewState(story.query), mode, story: story.id };
}

/** The query a view is saved as: the view without its mode and story. */
export function storyQuery(view: ViewState): string {
  return serializeViewState({ ...view, mode: DEFAULT_VIEW.mode, story: null });
}

/** A fresh id not in `taken` (`v` + base-36 time + counter). */
export function newStoryId(taken: Iterable<string>, now = Date.now()): string {
  const used = new Set(taken);
  for (let i = 0; ; i++) {
    const id = `v${now.toString(36)}${i ? `-${i}` : ''}`;
    if (!used.has(id)) return id;
  }
}

export function makeStory(view: ViewState, title: string, taken: Iterable<string>, now = new Date()): Story {
  return { id: newStoryId(taken, now.getTime()), title: cleanTitle(title), query: storyQuery(view), savedAt: now.toISOString() };
}

function cleanTitle(title: string): string {
  // Control characters out; the page shows titles as text, never as markup.
  return title.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_TITLE);
}

/** The list as the JSON file a user exports. */
export function serializeStories(stories: readonly Story[]): string {
  const file: StoryFile = { format: STORY_FORMAT, version: STORY_VERSION, stories: [...stories] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type StoryProblem =
  | { kind: 'not-json' }
  | { kind: 'wrong-format' }
  | { kind: 'too-many'; count: number }
  | { kind: 'bad-story'; index: number };

/**
 * Reads an exported list (or the browser's stored one). Every story's query is normalised through
 * the URL parser (unknown or unsafe values fall back, as in a link); a story without a usable
 * title or query is skipped and named in `problems`; ids are made unique.
 */
export function parseStories(text: string): { stories: Story[]; problems: StoryProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { stories: [], problems: [{ kind: 'not-json' }] };
  }
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && (raw as { format?: unknown }).format === STORY_FORMAT ? (raw as { stories?: unknown }).stories : undefined;
  if (!Array.isArray(list)) return { stories: [], problems: [{ kind: 'wrong-format' }] };
  const problems: StoryProblem[] = [];
  if (list.length > MAX_STORIES) problems.push({ kind: 'too-many', count: list.length });
  const stories: Story[] = [];
  const ids = new Set<string>();
  list.slice(0, MAX_STORIES).forEach((item: unknown, index) => {
    const s = item as Partial<Record<keyof Story, unknown>> | null;
    if (!s || typeof s !== 'object' || typeof s.query !== 'string' || typeof s.title !== 'string' || s.query.length > 4000) {
      problems.push({ kind: 'bad-story', index });
      return;
    }
    const query = storyQuery(parseViewState(s.query.startsWith('?') ? s.query : `?${s.query}`));
    const wanted = typeof s.id === 'string' && /^[A-Za-z0-9-]{1,40}$/.test(s.id) ? s.id : null;
    const id = wanted && !ids.has(wanted) ? wanted : newStoryId(ids, 0);
    ids.add(id);
    const savedAt = typeof s.savedAt === 'string' && !Number.isNaN(Date.parse(s.savedAt)) ? new Date(s.savedAt).toISOString() : new Date(0).toISOString();
    stories.push({ id, title: cleanTitle(s.title) || id, query, savedAt });
  });
  return { stories, problems };
}

/** The story `delta` steps from `current` (wrapping when `wrap`), or null at either end. */
export function stepStory(stories: readonly Story[], current: string | null, delta: number, wrap = false): Story | null {
  if (stories.length === 0) return null;
  const at = stories.findIndex((s) => s.id === current);
  if (at < 0) return delta >= 0 ? stories[0]! : stories[stories.length - 1]!;
  const next = at + delta;
  if (wrap) return stories[((next % stories.length) + stories.length) % stories.length]!;
  return next >= 0 && next < stories.length ? stories[next]! : null;
}

/** Moves story `id` by `delta` places (clamped). */
export function moveStory(stories: readonly Story[], id: string, delta: number): Story[] {
  const at = stories.findIndex((s) => s.id === id);
  if (at < 0) return [...stories];
  const to = Math.max(0, Math.min(stories.length - 1, at + delta));
  const out = [...stories];
  const [s] = out.splice(at, 1);
  out.splice(to, 0, s!);
  return out;
}

/** Merges imported stories after the existing ones, renaming clashing ids. */
export function appendStories(existing: readonly Story[], added: readonly Story[]): Story[] {
  const ids = new Set(existing.map((s) => s.id));
  const out = [...existing];
  for (const s of added) {
    const id = ids.has(s.id) ? newStoryId(ids, Date.parse(s.savedAt) || 0) : s.id;
    ids.add(id);
    out.push({ ...s, id });
  }
  return out.slice(0, MAX_STORIES);
}

/**
 * A tour of a unit for a kiosk with no saved views: the unit itself, then each unit below it, in
 * the order given (titles are the names). Ids are stable (`tour-<code>`), so the countdown and the
 * step indicator follow the tour.
 */
export function tourStories(view: ViewState, unit: { code: string | null; name: string }, children: readonly { code: string; name: string }[]): Story[] {
  const at = (region: string | null, title: string, id: string): Story => ({
    id,
    title,
    query: storyQuery({ ...view, region, camera: null, story: null }),
    savedAt: new Date(0).toISOString(),
  });
  return [at(unit.code, unit.name, `tour-${unit.code ?? 'root'}`), ...children.map((c) => at(c.code, c.name, `tour-${c.code}`))];
}
