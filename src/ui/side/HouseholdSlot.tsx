import { RegionFacts } from '../RegionFacts';
import type { PanelContext } from './panel-context';

/** The village's own figures, above its household table (src/ui/panels/HouseholdTable.tsx). */
export function HouseholdSlot({ ctx }: { ctx: PanelContext }) {
  return (
    <section className="panel side-panel household-slot" aria-label={ctx.t.householdSlotTitle} data-testid="household-slot" data-code={ctx.unit.code}>
      <h2>{ctx.t.householdSlotTitle}</h2>
      <RegionFacts t={ctx.t} lang={ctx.lang} name={ctx.unit.name} stats={ctx.stats} />
    </section>
  );
}
