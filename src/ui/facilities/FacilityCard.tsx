import { useEffect, useRef } from 'react';
import type { Facility } from '../../data/queries/facilities';
import type { Lang, Messages } from '../../i18n';
import { formatInteger, formatPercent } from '../../i18n/format';
import type { EmploymentBySite } from '../../map/facilities/layers';

/** The facts of one facility, as the card and the tooltip list them (only those that apply to its kind). */
export function FacilityFacts({ t, lang, f, employment, place, compact }: { t: Messages; lang: Lang; f: Facility; employment: EmploymentBySite; place: string | null; compact?: boolean }) {
  const m = t.facilities;
  const c = m.card;
  const e = employment.get(f.id);
  const rows: [string, string, string][] = [
    ['kind', c.kind, m.kindNames[f.kind]],
    ...(f.industry ? [['industry', c.industry, m.industryNames[f.industry] ?? f.industry] as [string, string, string]] : []),
    ...(place ? [['place', c.place, place] as [string, string, string]] : []),
    ['householdsLinked', c.householdsLinked, `${formatInteger(f.householdsLinked, lang)} ${m.unitHouseholds}`],
    ['jobs', c.jobs, `${formatInteger(f.jobs, lang)} ${m.unitJobs}`],
    ['openedYear', c.openedYear, String(f.openedYear)],
    ['status', c.status, m.statusNames[f.status]],
  ];
  if (f.kind === 'relocation_site') {
    rows.push(['relocatedHouseholds', c.relocatedHouseholds, `${formatInteger(f.relocatedHouseholds, lang)} ${m.unitHouseholds}`]);
    rows.push(['relocatedPersons', c.relocatedPersons, `${formatInteger(f.relocatedPersons, lang)} ${m.unitPersons}`]);
    if (e) rows.push(['employedShare', c.employedShare, `${formatPercent(e.withLabour > 0 ? e.employed / e.withLabour : null, lang)} (${formatInteger(e.employed, lang)} / ${formatInteger(e.withLabour, lang)})`]);
  }
  // The tooltip keeps what the layer encodes: kind, and the sized / coloured figure.
  const KEEP: Record<Facility['kind'], string[]> = {
    relocation_site: ['kind', 'relocatedPersons', 'employedShare'],
    industry_base: ['kind', 'industry', 'status'],
    workshop: ['kind', 'jobs'],
    pv_station: ['kind', 'householdsLinked'],
    industrial_park: ['kind', 'jobs'],
    coop: ['kind', 'industry', 'householdsLinked'],
  };
  const shown = compact ? rows.filter(([key]) => KEEP[f.kind].includes(key)) : rows;
  return (
    <dl className={compact ? 'facts facts-compact' : 'facts'}>
      {shown.map(([key, label, value]) => (
        <div key={key} className="fact" data-fact={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Details of the clicked facility: a non-modal dialog over the map. Focus moves to its close
 * button when it opens (keyboard users land in it); Esc or the button closes it and focus returns
 * to where it was.
 */
export function FacilityCard({ t, lang, f, employment, place, onClose }: { t: Messages; lang: Lang; f: Facility; employment: EmploymentBySite; place: string | null; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  // Focus comes back where it was (the map, usually) when the card closes.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [f.id, onClose]);
  const titleId = `facility-card-${f.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
  return (
    <section className="facility-card panel" role="dialog" aria-labelledby={titleId} data-testid="facility-card" data-facility={f.id}>
      <div className="facility-card-head">
        <h2 id={titleId}>{f.name}</h2>
        <button ref={close} type="button" className="close" onClick={onClose} aria-label={t.facilities.card.close} title={t.facilities.card.close} data-testid="facility-card-close">×</button>
      </div>
      <FacilityFacts t={t} lang={lang} f={f} employment={employment} place={place} />
    </section>
  );
}
