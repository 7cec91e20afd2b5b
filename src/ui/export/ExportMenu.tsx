import { useEffect, useId, useRef, useState } from 'react';
import type { CsvPrecision } from '../../domain/csv';
import { regionTableCsv } from '../../export/csv';
import { clampPngSize, PNG_MAX, PNG_MIN } from '../../export/png-layout';
import { placeName } from '../../i18n';
import { EXPORT_MESSAGES } from '../../i18n/export';
import { downloadBlob, downloadText } from '../panels/download';
import { ExportCsv } from '../panels/ExportCsv';
import { viewGeoJson, viewSheet, type ExportViewInput } from './view-sheet';
import './export.css';

/** The PNG sizes offered (issue 14: big screens at 1920 × 1080 and 3840 × 2160). */
export const PNG_PRESETS = [
  { id: 'fhd', width: 1920, height: 1080 },
  { id: 'uhd', width: 3840, height: 2160 },
  { id: 'hd', width: 1280, height: 720 },
] as const;

type SizeChoice = (typeof PNG_PRESETS)[number]['id'] | 'custom';
type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'error'; message: string };

/** A file name part from a code or id: letters, digits, `-` and `_` only. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');

/**
 * The 导出 / Export menu over the map (top right): the view as a PNG picture at a preset or
 * custom size, the map's layer as GeoJSON, the map's region table as CSV. A disclosure button
 * and a panel of ordinary controls: Tab moves through them, Escape closes and returns focus to
 * the button. `view` is what the dashboard shows (view-sheet.ts); `unitCode` names the files.
 */
export function ExportMenu({ view, unitCode }: { view: ExportViewInput; unitCode: string }) {
  const { t, lang, manifest } = view;
  const e = EXPORT_MESSAGES[lang];
  const id = useId();
  const [open, setOpen] = useState(false);
  const [size, setSize] = useState<SizeChoice>('fhd');
  const [custom, setCustom] = useState({ width: '2560', height: '1440' });
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('input:checked, input, button')?.focus();
  }, [open]);

  const base = `${safe(manifest.id)}-${safe(unitCode)}-${view.metric}-${view.period.year}q${view.period.quarter}`;
  const picked = size === 'custom' ? clampPngSize(Number(custom.width), Number(custom.height)) : PNG_PRESETS.find((p) => p.id === size)!;
  const busy = status.kind === 'busy';

  const run = async (file: string, make: () => Promise<void> | void) => {
    setStatus({ kind: 'busy' });
    try {
      await make();
      setStatus({ kind: 'done', file });
    } catch (err) {
      setStatus({ kind: 'error', message: (err as Error).message });
    }
  };
  const exportPng = () => {
    if (!picked) return;
    const file = `${base}-${picked.width}x${picked.height}.png`;
    void run(file, async () => {
      const started = performance.now();
      // The painter is loaded on first use: the main chunk does not carry it.
      const { viewPng } = await import('./paint-png');
      const bytes = await viewPng(viewSheet(view), { context: view.context, features: view.features, classification: view.classification, lang }, picked.width, picked.height);
      panel.current?.setAttribute('data-png-ms', String(Math.round(performance.now() - started)));
      downloadBlob(new Blob([bytes as BlobPart], { type: 'image/png' }), file);
    });
  };
  // The view as a one-page briefing pack: the same page the briefing mode makes per saved view.
  const exportPdf = () => {
    const file = `${base}.pdf`;
    void run(file, async () => {
      const { exportBriefingPdf, renderBriefingPage } = await import('./briefing-pdf');
      const started = performance.now();
      const page = await renderBriefingPage(view);
      const drawn = performance.now();
      await exportBriefingPdf([page], { lang, filename: file });
      // Timings for the tests and the README: map picture, then fonts and PDF.
      panel.current?.setAttribute('data-pdf-map-ms', String(Math.round(drawn - started)));
      panel.current?.setAttribute('data-pdf-ms', String(Math.round(performance.now() - drawn)));
    });
  };
  const exportGeoJson = () => {
    const file = `${base}.geojson`;
    void run(file, () => downloadText(JSON.stringify(viewGeoJson(view)), file, 'application/geo+json'));
  };
  const exportTable = (precision: CsvPrecision) => {
    const file = `${base}-regions.csv`;
    const hidden = view.hidden;
    const rows = view.features.features.map((f) => ({ code: f.properties.code, name: placeName(f.properties, lang), stats: hidden?.(f.properties.code) ? undefined : view.children.get(f.properties.code) }));
    void run(file, () => downloadText(regionTableCsv(rows, {
      level: view.childLevelName, code: e.code, perCapita: `${t.perCapita} (${t.unitYuan})`, growth: `${t.growth} (%)`, households: `${t.households} (${t.unitHouseholds})`, persons: `${t.persons} (${t.unitPersons})`,
    }, precision), file));
  };

  return (
    <div className="overlay top-right export-overlay">
      <div
        className="export-menu"
        onKeyDown={(ev) => {
          if (ev.key === 'Escape' && open) {
            ev.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }
        }}
      >
        <button ref={button} type="button" className="export-toggle" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)} data-testid="export-open">
          {e.menu}
        </button>
        {open && (
          <div ref={panel} id={`${id}-panel`} className="panel export-panel" role="group" aria-label={e.menuLabel} data-testid="export-menu" data-state={status.kind}>
            <fieldset>
              <legend>{e.pngHeading}</legend>
              {PNG_PRESETS.map((p) => (
                <label key={p.id} className="export-choice">
                  <input type="radio" name={`${id}-size`} value={p.id} checked={size === p.id} onChange={() => setSize(p.id)} data-testid={`export-size-${p.width}x${p.height}`} />
                  {e.preset(p.width, p.height, e.presetNames[p.id])}
                </label>
              ))}
              <label className="export-choice">
                <input type="radio" name={`${id}-size`} value="custom" checked={size === 'custom'} onChange={() => setSize('custom')} data-testid="export-size-custom" />
                {e.custom}
              </label>
              {size === 'custom' && (
                <div className="export-custom">
                  <label>
                    {e.width}
                    <input type="number" inputMode="numeric" min={PNG_MIN.width} max={PNG_MAX.width} value={custom.width} onChange={(ev) => setCustom((c) => ({ ...c, width: ev.target.value }))} data-testid="export-width" />
                  </label>
                  <label>
                    {e.height}
                    <input type="number" inputMode="numeric" min={PNG_MIN.height} max={PNG_MAX.height} value={custom.height} onChange={(ev) => setCustom((c) => ({ ...c, height: ev.target.value }))} data-testid="export-height" />
                  </label>
                  <p className="muted small">{e.sizeRange(PNG_MIN.width, PNG_MIN.height, PNG_MAX.width, PNG_MAX.height)}</p>
                </div>
              )}
              <button type="button" onClick={exportPng} disabled={busy || !picked} aria-busy={busy} data-testid="export-png">
                {picked ? `${e.exportPng} · ${picked.width}×${picked.height}` : e.exportPng}
              </button>
            </fieldset>
            <fieldset>
              <legend>{e.dataHeading}</legend>
              <button type="button" onClick={exportPdf} disabled={busy} data-testid="export-pdf">{e.pdf}</button>
              <button type="button" onClick={exportGeoJson} disabled={busy} data-testid="export-geojson">{e.geojson}</button>
              <ExportCsv t={t} testId="export-region-table" label={e.regionTable} disabled={busy} busy={busy} onExport={exportTable} />
            </fieldset>
            <p className="export-status" role="status" aria-live="polite">
              {status.kind === 'busy' ? e.busy : status.kind === 'done' ? e.done(status.file) : status.kind === 'error' ? e.failed(status.message) : ''}
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
