import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Lang } from '../../i18n';
import { IMPORT_MESSAGES } from '../../i18n/import';
import { BUNDLED_PLAN_IDS, loadBundledPlan } from '../../data/plans';
import { formatWarning, KIND_TITLES, type Problem } from '../../import';
import { MAX_INPUT_BYTES } from '../../import/limits';
import type { ReferenceRow } from '../../import/reference';
import { startImport, type ImportOutcome, type ImportProgress, type ImportStep, type PickedFile, type RunningImport } from './run-import';
import { filesFromDrop } from './drop-files';
import './import.css';

const STEP_ORDER: ImportStep[] = ['parquet', 'files', 'read', 'geography', 'check', 'cells', 'tables', 'boundaries', 'aggregates', 'manifest'];

/** Problems shown in the table (the rest are counted by kind). */
const SHOWN_PROBLEMS = 200;

const MB = 1024 * 1024;

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; progress: Partial<Record<ImportStep, ImportProgress>>; current: ImportStep | null }
  | { kind: 'done'; outcome: ImportOutcome }
  | { kind: 'failed'; message: string };

function pickedFromInput(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

function sizeText(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The import dialog: pick or drop files (or a dataset folder), options, a progress bar per step
 * while the worker runs, then the report — files read, warnings, every problem with file, row,
 * column, value and what was expected, totals by kind. The dataset on screen changes only when
 * the user chooses to show the imported one.
 */
export function ImportDialog({ lang, initialFiles, onClose, onOpen, onAddReference }: {
  lang: Lang;
  /** Adds reference series values to the dataset on screen (null when none is loaded); resolves to how many were replaced. */
  onAddReference: ((rows: ReferenceRow[]) => Promise<number>) | null;
  /** Files dropped on the page: checked at once. */
  initialFiles: PickedFile[] | null;
  onClose: () => void;
  onOpen: (dataset: string) => void;
}) {
  const t = IMPORT_MESSAGES[lang];
  const [files, setFiles] = useState<PickedFile[]>(initialFiles ?? []);
  const [dropPii, setDropPii] = useState(false);
  const [plan, setPlan] = useState<string>('auto');
  const [salt, setSalt] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [planTitles, setPlanTitles] = useState<Record<string, string>>({});
  const running = useRef<RunningImport | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all(BUNDLED_PLAN_IDS.map((id) => loadBundledPlan(id).then((p) => [id, p.title[lang]] as const, () => [id, id] as const))).then((pairs) => live && setPlanTitles(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [lang]);

  const run = (picked: PickedFile[]) => {
    if (picked.length === 0) return;
    running.current?.cancel();
    setPhase({ kind: 'running', progress: {}, current: null });
    const progress: Partial<Record<ImportStep, ImportProgress>> = {};
    let frame = 0;
    let current: ImportStep | null = null;
    const job = startImport(picked, { dropPii, plan: plan === 'auto' ? 'auto' : plan || null, salt }, (p) => {
      progress[p.step] = p;
      current = p.step;
      if (!frame) frame = requestAnimationFrame(() => {
        frame = 0;
        if (running.current === job) setPhase({ kind: 'running', progress: { ...progress }, current });
      });
    });
    running.current = job;
    // A progress frame still pending must not paint "running" over the result.
    const settle = () => {
      if (frame) cancelAnimationFrame(frame);
      frame = -1;
    };
    job.promise.then(
      (outcome) => {
        settle();
        if (running.current === job) setPhase({ kind: 'done', outcome });
      },
      (e: unknown) => {
        settle();
        if (running.current !== job || (e as Error).name === 'AbortError') return;
        setPhase({ kind: 'failed', message: (e as Error).message });
      },
    );
  };

  // Files dropped on the page are checked at once.
  const started = useRef(false);
  useEffect(() => {
    if (!started.current && initialFiles?.length) {
      started.current = true;
      run(initialFiles);
    }
  });

  useEffect(() => () => running.current?.cancel(), []);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('button, input')?.focus();
  }, []);

  const cancel = () => {
    running.current?.cancel();
    running.current = null;
    setPhase({ kind: 'idle' });
  };
  const close = () => {
    running.current?.cancel();
    onClose();
  };

  const choose = (picked: PickedFile[]) => {
    if (picked.length === 0) return;
    setFiles(picked);
    run(picked);
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(false);
    choose(await filesFromDrop(e.dataTransfer));
  };

  const busy = phase.kind === 'running';
  return (
    <div className="import-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && close()}>
      <div
        ref={dialog}
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
      >
        <header className="import-head">
          <h2 id="import-title">{t.title}</h2>
          <button type="button" className="import-close" onClick={close} aria-label={t.close}>×</button>
        </header>
        <p className="import-intro">{t.intro}</p>
        <p className="import-privacy">{t.privacy}</p>
        <div
          className={`import-drop${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            e.stopPropagation();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <span>{dragging ? t.dropHere : t.drop}</span>
          <label className="import-pick">
            {t.chooseFiles}
            <input type="file" multiple accept=".csv,.txt,.tsv,.xlsx,.xlsm,.xls,.parquet,.geojson,.json" data-testid="import-files" onChange={(e) => choose(pickedFromInput(e.target.files))} disabled={busy} />
          </label>
          <label className="import-pick">
            {t.chooseFolder}
            <input type="file" data-testid="import-folder" {...{ webkitdirectory: '', directory: '' }} onChange={(e) => choose(pickedFromInput(e.target.files))} disabled={busy} />
          </label>
          <span className="import-limits">{t.limits(MAX_INPUT_BYTES.csv / MB, MAX_INPUT_BYTES.xlsx / MB, MAX_INPUT_BYTES.parquet / MB)}</span>
        </div>
        {files.length > 0 && (
          <ul className="import-files">
            {files.slice(0, 20).map((f) => <li key={f.path}>{f.path} <span className="muted">{sizeText(f.file.size)}</span></li>)}
            {files.length > 20 && <li className="muted">… +{files.length - 20}</li>}
          </ul>
        )}
        <div className="import-options">
          <label title={t.dropPiiHelp}>
            <input type="checkbox" checked={dropPii} onChange={(e) => setDropPii(e.target.checked)} disabled={busy} /> {t.dropPii}
          </label>
          <label>
            {t.plan}{' '}
            <select value={plan} onChange={(e) => setPlan(e.target.value)} disabled={busy}>
              <option value="auto">{t.autoPlan}</option>
              <option value="">{t.noPlan}</option>
              {BUNDLED_PLAN_IDS.map((id) => <option key={id} value={id}>{planTitles[id] ?? id}</option>)}
            </select>
          </label>
          <label title={t.saltHelp}>
            {t.salt}{' '}
            <input type="password" value={salt} onChange={(e) => setSalt(e.target.value)} autoComplete="off" disabled={busy} />
          </label>
        </div>
        <div className="import-actions">
          <button type="button" className="primary" onClick={() => run(files)} disabled={busy || files.length === 0}>{t.start}</button>
          {busy && <button type="button" onClick={cancel}>{t.cancel}</button>}
        </div>
        {phase.kind === 'running' && <Progress t={t} phase={phase} />}
        {phase.kind === 'failed' && (
          <div className="import-report failed" role="alert">
            <h3>{t.failed}</h3>
            <pre className="import-message">{phase.message}</pre>
            <p>{t.nothingChanged}</p>
          </div>
        )}
        {phase.kind === 'done' && phase.outcome.kind === 'reference' && <ReferenceReport t={t} lang={lang} outcome={phase.outcome} onAdd={onAddReference} onDone={close} />}
        {phase.kind === 'done' && phase.outcome.kind !== 'reference' && <Report t={t} lang={lang} outcome={phase.outcome} onOpen={onOpen} onKeep={close} />}
      </div>
    </div>
  );
}

function Progress({ t, phase }: { t: T; phase: Extract<Phase, { kind: 'running' }> }) {
  const steps = STEP_ORDER.filter((s) => phase.progress[s]);
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <p>{t.working}</p>
      <ol>
        {steps.map((s) => {
          const p = phase.progress[s]!;
          const isCurrent = s === phase.current;
          const known = Number.isFinite(p.total) && p.total > 0;
          return (
            <li key={s} className={isCurrent ? 'current' : 'done'}>
              <span>{t.steps[s]}</span>
              {known ? (
                <progress max={p.total} value={Math.min(p.loaded, p.total)} aria-label={t.steps[s]} />
              ) : isCurrent ? (
                <progress aria-label={t.steps[s]} />
              ) : (
                <span aria-hidden="true">✓</span>
              )}
              {known && <span className="muted">{sizeText(p.loaded)} / {sizeText(p.total)}</span>}
              {!known && p.loaded > 0 && <span className="muted">{sizeText(p.loaded)}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

type T = (typeof IMPORT_MESSAGES)['zh'];

/** Problems as a table (file, row, column, value, kind, expected), then totals by kind. */
function Problems({ t, lang, problems, count }: { t: T; lang: Lang; problems: Problem[]; count: number }) {
  const expected = (p: Problem) => (lang === 'zh' ? p.expectedZh ?? p.expected : p.expected);
  const totals: Partial<Record<Problem['kind'], number>> = {};
  for (const p of problems) totals[p.kind] = (totals[p.kind] ?? 0) + 1;
  return (
    <>
      <table className="import-problems">
        <thead>
          <tr><th>{t.columns.file}</th><th>{t.columns.row}</th><th>{t.columns.column}</th><th>{t.columns.value}</th><th>{t.columns.kind}</th><th>{t.columns.expected}</th></tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
            <tr key={i}>
              <td>{p.file}</td>
              <td className="num">{p.row ?? ''}</td>
              <td>{p.column ?? ''}</td>
              <td className="value">{p.value ?? ''}</td>
              <td>{KIND_TITLES[p.kind][lang]}</td>
              <td>{expected(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {count > Math.min(problems.length, SHOWN_PROBLEMS) && <p className="muted">{t.shownOf(Math.min(problems.length, SHOWN_PROBLEMS), count)}</p>}
    </>
  );
}

function ReferenceReport({ t, lang, outcome, onAdd, onDone }: { t: T; lang: Lang; outcome: Extract<ImportOutcome, { kind: 'reference' }>; onAdd: ((rows: ReferenceRow[]) => Promise<number>) | null; onDone: () => void }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'adding' } | { kind: 'added'; replaced: number } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const ok = outcome.problemCount === 0;
  return (
    <div className={`import-report ${ok ? 'ok' : 'failed'}`} data-testid="import-report">
      <h3>{t.filesRead}</h3>
      <ul>{outcome.files.map((f) => <li key={f.file}>{t.referenceFile(f.file, f.encoding, f.rows)}</li>)}</ul>
      {ok ? (
        <div role="status">
          <p className="import-ok">{t.referenceRead(outcome.rows.length, [...new Set(outcome.rows.map((r) => r.series))].join('、'))}</p>
          {state.kind === 'added' && <p className="import-ok">{t.referenceAdded(outcome.rows.length, state.replaced)}</p>}
          {state.kind === 'failed' && <p className="import-bad" role="alert">{state.message}</p>}
          <div className="import-actions">
            {state.kind !== 'added' && (
              <button type="button" className="primary" disabled={!onAdd || state.kind === 'adding'} onClick={() => {
                if (!onAdd) return;
                setState({ kind: 'adding' });
                onAdd(outcome.rows).then((replaced) => setState({ kind: 'added', replaced }), (e: unknown) => setState({ kind: 'failed', message: (e as Error).message }));
              }}>{t.addReference}</button>
            )}
            <button type="button" onClick={onDone}>{t.close}</button>
          </div>
          {!onAdd && <p className="muted">{t.noDataset}</p>}
        </div>
      ) : (
        <div role="alert">
          <h3 className="import-bad">{t.problems(outcome.problemCount)}</h3>
          <p>{t.nothingChanged}</p>
          <Problems t={t} lang={lang} problems={outcome.problems} count={outcome.problemCount} />
        </div>
      )}
    </div>
  );
}

function Report({ t, lang, outcome, onOpen, onKeep }: { t: T; lang: Lang; outcome: Exclude<ImportOutcome, { kind: 'reference' }>; onOpen: (dataset: string) => void; onKeep: () => void }) {
  if (outcome.kind === 'folder') {
    return (
      <div className="import-report ok" role="status">
        <p>{t.folderOk(outcome.manifest.name[lang], outcome.files)}</p>
        <div className="import-actions">
          <button type="button" className="primary" onClick={() => onOpen(outcome.dataset)}>{t.replace}</button>
          <button type="button" onClick={onKeep}>{t.keep}</button>
        </div>
      </div>
    );
  }
  const { result } = outcome;
  return (
    <div className={`import-report ${result.ok ? 'ok' : 'failed'}`} data-testid="import-report">
      {result.files.length > 0 && (
        <>
          <h3>{t.filesRead}</h3>
          <ul>{result.files.map((f) => <li key={f.file}>{t.fileLine(f.file, f.source, f.rows)}</li>)}</ul>
        </>
      )}
      {result.warnings.length > 0 && (
        <details open={!result.ok ? false : undefined}>
          <summary>{t.warnings(result.warnings.length)}</summary>
          <ul className="import-warnings">{result.warnings.map((w, i) => <li key={i}>{formatWarning(w, lang)}</li>)}</ul>
        </details>
      )}
      {result.ok && outcome.dataset ? (
        <div role="status">
          <p className="import-ok">{t.okSummary(outcome.counts.households, outcome.counts.income, outcome.counts.villages, outcome.name?.[lang] ?? '')}</p>
          {result.dropped.length > 0 && <p>{t.dropped(result.dropped.map((d) => `"${d.column}"`).join('、'))}</p>}
          <div className="import-actions">
            <button type="button" className="primary" onClick={() => onOpen(outcome.dataset!)}>{t.replace}</button>
            <button type="button" onClick={onKeep}>{t.keep}</button>
          </div>
        </div>
      ) : (
        <div role="alert">
          <h3 className="import-bad">{t.problems(result.problemCount)}</h3>
          <p>{t.nothingChanged}</p>
          <Problems t={t} lang={lang} problems={result.problems} count={result.problemCount} />
          <h4>{t.byKind}</h4>
          <ul className="import-totals">
            {Object.entries(result.problemTotals).map(([kind, n]) => <li key={kind}>{KIND_TITLES[kind as Problem['kind']][lang]}：{n!.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</li>)}
          </ul>
        </div>
      )}
    </div>
  );
}
