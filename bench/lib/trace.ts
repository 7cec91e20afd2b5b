/**
 * Summaries of Chromium performance traces (the DevTools timeline's trace events), to say where
 * the time of a timed moment went: per thread, busy time split by what ran (script per file,
 * style and layout, paint, garbage collection, HTML parsing, task overhead), the rest idle, that
 * is waiting on the network, a worker, the GPU process or a timer. Used by `bench/trace.ts`.
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; [k: string]: unknown }; [k: string]: unknown };
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.gc',
  'loading',
];

/** What a span of a thread's time was spent on. */
export type Kind = 'script' | 'compile' | 'gc' | 'style_layout' | 'paint' | 'html' | 'network' | 'other';

const KIND_OF: [RegExp, Kind][] = [
  [/^(V8\.GC|MinorGC|MajorGC|BlinkGC|V8\.GCScavenger|V8\.GCCompactor|V8\.GCFinalizeMC|GCEvent|ThreadState::)/, 'gc'],
  [/^(v8\.compile|v8\.compileModule|V8\.CompileCode|V8\.ParseFunction|v8\.parseOnBackground|V8\.CompileLazy|CompileScript|CacheScript|v8\.produceCache|v8\.wasm\.(compile|streaming))/i, 'compile'],
  [/^(FunctionCall|EvaluateScript|v8\.evaluateModule|v8\.run|V8\.Execute|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|XHRReadyStateChange|FireIdleCallback|v8\.callFunction|RunMicrotask|HandlePostMessage|WorkerOnMessage|v8\.newInstance|V8\.DeoptimizeCode)/, 'script'],
  [/^(UpdateLayoutTree|RecalculateStyles|Layout|ScheduleStyleRecalculation|InvalidateLayout|HitTest|IntersectionObserverController|ComputeIntersections)/, 'style_layout'],
  [/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|RasterTask|Decode|ImageDecodeTask|PaintImage|UpdateLayerTree|Animation|BeginMainThreadFrame|ProxyMain|ScrollLayer|DrawFrame)/, 'paint'],
  [/^(ParseHTML|ParseAuthorStyleSheet)/, 'html'],
  [/^(ResourceSendRequest|ResourceReceiveResponse|ResourceReceivedData|ResourceFinish|ResourceLoad|ResourceChangePriority)/, 'network'],
];

function kindOf(name: string): Kind | null {
  for (const [re, kind] of KIND_OF) if (re.test(name)) return kind;
  return null;
}

export interface ThreadSummary {
  thread: string;
  /** Time in top-level tasks within the window, ms. */
  busy: number;
  byKind: Record<Kind, number>;
  /** Script and compile self time by file (its path without the origin), ms. */
  byScript: Record<string, number>;
  /** Self time by trace event name (the largest), ms. */
  byName: Record<string, number>;
}

export interface TraceSummary {
  /** ms the window spans. */
  window: number;
  threads: ThreadSummary[];
}

const emptyKinds = (): Record<Kind, number> => ({ script: 0, compile: 0, gc: 0, style_layout: 0, paint: 0, html: 0, network: 0, other: 0 });

function shortUrl(url: string | undefined): string {
  if (!url) return '(no file)';
  try {
    const u = new URL(url);
    return u.pathname.replace(/^\/assets\//, '');
  } catch {
    return url.slice(0, 80);
  }
}

/** The `ts` (µs) of the first user-timing mark named `name`, or of the page's navigation start. */
export function markTs(events: TraceEvent[], name: string): number | null {
  const hits = events.filter((e) => e.name === name && (e.cat ?? '').includes('blink.user_timing'));
  if (!hits.length) return null;
  return Math.min(...hits.map((e) => e.ts));
}

/**
 * Busy time of every thread of the renderer(s) running page scripts (main thread, workers)
 * within [fromTs, toTs] µs: top-level tasks clipped to the window, each task's nested events'
 * self time assigned to a kind (and script time to the file its nearest enclosing call names).
 */
export function summarizeTrace(events: TraceEvent[], fromTs: number, toTs: number): TraceSummary {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? ''));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    if (e.ts + e.dur < fromTs || e.ts > toTs) continue;
    const key = `${e.pid}:${e.tid}`;
    const name = names.get(key) ?? '';
    if (!/^(CrRendererMain|DedicatedWorker thread|ThreadPoolForegroundWorker|Compositor)/.test(name)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const threads: ThreadSummary[] = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const byKind = emptyKinds();
    const byScript: Record<string, number> = {};
    const byName: Record<string, number> = {};
    let busy = 0;
    // A stack of open events; each event's self time = its clipped duration minus its children's.
    const stack: { e: TraceEvent; end: number; kind: Kind; url: string | undefined; child: number }[] = [];
    const clip = (e: TraceEvent) => Math.max(0, Math.min(e.ts + e.dur!, toTs) - Math.max(e.ts, fromTs));
    const close = (top: (typeof stack)[number]) => {
      const self = Math.max(0, clip(top.e) - top.child);
      byKind[top.kind] += self;
      byName[top.e.name] = (byName[top.e.name] ?? 0) + self;
      if (top.kind === 'script' || top.kind === 'compile') {
        const f = shortUrl(top.url);
        byScript[f] = (byScript[f] ?? 0) + self;
      }
      const parent = stack.at(-1);
      if (parent) parent.child += clip(top.e);
    };
    for (const e of list) {
      while (stack.length && stack.at(-1)!.end <= e.ts) close(stack.pop()!);
      const parent = stack.at(-1);
      if (!parent) busy += clip(e);
      // Events ending past their parent are malformed nesting: treat them as siblings.
      if (parent && e.ts + e.dur! > parent.end) {
        while (stack.length && stack.at(-1)!.end < e.ts + e.dur!) close(stack.pop()!);
      }
      const kind = kindOf(e.name) ?? (stack.at(-1)?.kind ?? 'other');
      const url = (e.args?.data?.url as string | undefined) || (e.args?.data as { stackTrace?: { url?: string }[] } | undefined)?.stackTrace?.[0]?.url || stack.at(-1)?.url;
      stack.push({ e, end: e.ts + e.dur!, kind, url, child: 0 });
    }
    while (stack.length) close(stack.pop()!);
    const ms = (x: number) => x / 1000;
    threads.push({
      thread: `${names.get(key) ?? key} (${key})`,
      busy: ms(busy),
      byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, ms(v)])) as Record<Kind, number>,
      byScript: Object.fromEntries(Object.entries(byScript).map(([k, v]) => [k, ms(v)]).sort((a, b) => (b[1] as number) - (a[1] as number))),
      byName: Object.fromEntries(Object.entries(byName).map(([k, v]) => [k, ms(v)]).sort((a, b) => (b[1] as number) - (a[1] as number)).slice(0, 15)),
    });
  }
  threads.sort((a, b) => b.busy - a.busy);
  return { window: (toTs - fromTs) / 1000, threads };
}
