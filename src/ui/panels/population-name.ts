import { createContext } from 'react';

/**
 * The line naming the population the panels count ("口径：脱贫人口"), shown by every panel frame, so
 * no figure is left without its population. Null where a page shows panels without one.
 */
export const PopulationName = createContext<string | null>(null);
