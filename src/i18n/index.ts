import { en } from './en';
import type { Messages } from './messages';
import { zh } from './zh';

export type { Messages } from './messages';

/** UI languages; Chinese is the default. */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const DEFAULT_LANG: Lang = 'zh';

/** Name of each language in itself, for the switch. */
export const LANG_LABELS: Record<Lang, string> = { zh: '中文', en: 'EN' };

/** BCP 47 tag for `<html lang>` and Intl formatting. */
export const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

const DICTIONARIES: Record<Lang, Messages> = { zh, en };

/** The dictionary of `lang`. */
export function messages(lang: Lang): Messages {
  return DICTIONARIES[lang];
}

/** A place name in `lang`: `name_en` for English when present, else the Chinese `name`. */
export function placeName(place: { name: string; name_en?: string }, lang: Lang): string {
  return lang === 'en' && place.name_en ? place.name_en : place.name;
}
