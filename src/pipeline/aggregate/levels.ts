import type { Level } from '../../domain/dataset';

/** Parses `--levels`: `1-5`, `3`, `1,3,5` or `3-5,1`; returns the levels sorted, each once. */
export function parseLevels(text: string): Level[] {
  const out = new Set<Level>();
  for (const part of text.split(',')) {
    const m = /^\s*([1-5])\s*(?:-\s*([1-5])\s*)?$/.exec(part);
    if (!m) throw new Error(`--levels must be levels 1–5 like "1-5" or "1,3,5", got ${JSON.stringify(text)}`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (to < from) throw new Error(`--levels: range ${part.trim()} runs backwards`);
    for (let l = from; l <= to; l++) out.add(l as Level);
  }
  return [...out].sort((a, b) => a - b);
}
