import { CATEGORY_IDS, DECLINE_CAUSES, isEmptyFilter, MGMT_CLASS_IDS, NO_FILTER, type CategoryId, type HouseholdFilter, type MgmtClassId } from '../../domain/filter';
import type { Lang, Messages } from '../../i18n';
import { formatInteger } from '../../i18n/format';
import { categoryLabel, causeLabel, mgmtClassLabel } from './labels';

export interface ChipBarProps {
  t: Messages;
  lang: Lang;
  /** The active cross-filter (the scope's filter). */
  filter: HouseholdFilter;
  /** Called with the whole next filter. */
  onFilter: (next: HouseholdFilter) => void;
  /** Categories that can be chosen (those of the population on screen; default: all). */
  categories?: readonly CategoryId[];
}

interface Chip {
  key: string;
  label: string;
  without: HouseholdFilter;
}

/** The chips of a filter, each with the filter that removing it leaves. Pure. */
export function filterChips(t: Messages, lang: Lang, f: HouseholdFilter): Chip[] {
  const p = t.panels;
  const chips: Chip[] = [];
  for (const c of f.categories) chips.push({ key: `cat-${c}`, label: p.chipLabel(p.chooseCategory, categoryLabel(t, c)), without: { ...f, categories: f.categories.filter((x) => x !== c) } });
  for (const m of f.mgmtClasses) chips.push({ key: `mgmt-${m}`, label: p.chipLabel(p.chooseMgmtClass, mgmtClassLabel(t, m)), without: { ...f, mgmtClasses: f.mgmtClasses.filter((x) => x !== m) } });
  if (f.relocated !== null) chips.push({ key: 'relocated', label: f.relocated ? p.relocatedOnly : p.notRelocated, without: { ...f, relocated: null } });
  for (const c of f.causes) chips.push({ key: `cause-${c}`, label: p.causeChip(causeLabel(t, c)), without: { ...f, causes: f.causes.filter((x) => x !== c) } });
  if (f.incomeRange) {
    chips.push({ key: 'income', label: p.incomeRangeChip(formatInteger(f.incomeRange[0], lang), formatInteger(f.incomeRange[1], lang)), without: { ...f, incomeRange: null } });
  }
  return chips;
}

/**
 * The active cross-filter as removable chips, and selectors that add to it: category, management
 * class, relocation and decline cause. Stateless: every change goes out through `onFilter`.
 */
export function ChipBar({ t, lang, filter, onFilter, categories = CATEGORY_IDS }: ChipBarProps) {
  const p = t.panels;
  const chips = filterChips(t, lang, filter);
  return (
    <section className="panel chip-bar" aria-labelledby="chip-bar-heading" data-testid="chip-bar">
      <h2 id="chip-bar-heading" className="chip-bar-title">
        {p.chipsTitle}
      </h2>
      <ul className="chips" aria-live="polite">
        {chips.length === 0 && <li className="chip-none">{p.noFilter}</li>}
        {chips.map((c) => (
          <li key={c.key} className="chip" data-chip={c.key}>
            <span>{c.label}</span>
            <button type="button" aria-label={p.removeChip(c.label)} title={p.removeChip(c.label)} onClick={() => onFilter(c.without)}>
              ×
            </button>
          </li>
        ))}
        {!isEmptyFilter(filter) && (
          <li>
            <button type="button" className="link" onClick={() => onFilter(NO_FILTER)} data-testid="chip-clear">
              {p.clearAll}
            </button>
          </li>
        )}
      </ul>
      <div className="chip-selectors">
        <AddSelect
          label={p.chooseCategory}
          options={categories.filter((c) => !filter.categories.includes(c)).map((c) => [c, categoryLabel(t, c)])}
          onPick={(c) => onFilter({ ...filter, categories: [...filter.categories, c as CategoryId] })}
          placeholder={p.addFilter}
        />
        <AddSelect
          label={p.chooseMgmtClass}
          options={MGMT_CLASS_IDS.filter((c) => !filter.mgmtClasses.includes(c)).map((c) => [c, mgmtClassLabel(t, c)])}
          onPick={(c) => onFilter({ ...filter, mgmtClasses: [...filter.mgmtClasses, c as MgmtClassId] })}
          placeholder={p.addFilter}
        />
        <label className="chip-select">
          <span>{p.chooseRelocated}</span>
          <select
            value={filter.relocated === null ? '' : filter.relocated ? 'yes' : 'no'}
            onChange={(e) => onFilter({ ...filter, relocated: e.target.value === '' ? null : e.target.value === 'yes' })}
            data-testid="chip-relocated"
          >
            <option value="">{p.any}</option>
            <option value="yes">{p.relocatedOnly}</option>
            <option value="no">{p.notRelocated}</option>
          </select>
        </label>
        <AddSelect
          label={p.chooseCause}
          options={DECLINE_CAUSES.filter((c) => !filter.causes.includes(c)).map((c) => [String(c), `${c} ${causeLabel(t, c)}`])}
          onPick={(c) => onFilter({ ...filter, causes: [...filter.causes, Number(c)] })}
          placeholder={p.addFilter}
        />
      </div>
    </section>
  );
}

/** A select that adds its picked value and resets to the placeholder. */
function AddSelect({ label, options, onPick, placeholder }: { label: string; options: [string, string][]; onPick: (v: string) => void; placeholder: string }) {
  return (
    <label className="chip-select">
      <span>{label}</span>
      <select value="" onChange={(e) => e.target.value && onPick(e.target.value)} disabled={options.length === 0}>
        <option value="">{placeholder}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}
