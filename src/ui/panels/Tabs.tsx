import { useRef, type KeyboardEvent } from 'react';

/**
 * An ARIA tab list: arrow keys, Home and End move between tabs (and select them), as the WAI-ARIA
 * tabs pattern asks. The tab panel itself is the caller's, labelled by `${idBase}-tab-${id}`;
 * `panelId` is its id (default `${idBase}-panel`): `aria-controls` must name an element that
 * exists, or it is an invalid ARIA value (axe found `ledgers-panel`, which no element had).
 */
export function Tabs<K extends string>({ idBase, label, tabs, selected, onSelect, panelId }: {
  idBase: string; label: string; tabs: { id: K; label: string }[]; selected: K; onSelect: (id: K) => void; panelId?: string;
}) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const move = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    onSelect(tabs[to].id);
    refs.current.get(tabs[to].id)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) refs.current.set(tab.id, el);
          }}
          type="button"
          role="tab"
          id={`${idBase}-tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={panelId ?? `${idBase}-panel`}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(e) => move(e, i)}
          data-tab={tab.id}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
