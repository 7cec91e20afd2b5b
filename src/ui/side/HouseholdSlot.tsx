import { RegionFacts } from '../RegionFacts';
import type { PanelContext } from './panel-context';

/**
 * Where the household table of a village goes (src/ui/panels/HouseholdTable.tsx, built
 * separately): mount it inside this section. Until then it shows the village's facts.
 */
export function HouseholdSlot({ ctx }: { ctx: PanelContext }) {
  return (
    <section className="panel side-panel household-slot" aria-label={ctx.t.householdSlotTitle} data-testid="household-slot" data-code={ctx.unit.code}>
      <h2>{ctx.t.householdSlotTitle}</h2>
      <RegionFacts t={ctx.t} lang={ctx.lang} name={ctx.unit.name} stats={ctx.stats} />
      <p className="panel-hint">{ctx.t.householdSlotNote}</p>
    </section>
  );
}
