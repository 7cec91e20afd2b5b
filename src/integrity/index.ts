/**
 * Integrity checks against 数字增收 (README "npm run integrity"). Pure: no React, DOM, DuckDB or
 * node: import. Rows come from `src/data/queries/integrity.ts` in the app and the command line.
 */
export * from './types';
export { checkIntegrity, compareFlags, countByFlag, flagsByVillage, flagsWithin } from './check';
export { linesForYear } from './bunching';
export { hbBounds, hbEffect } from './implausible-jump';
export { isRound } from './round-numbers';
export { binomialCriticalCount, binomialUpperTail, fullestWindow } from './stats';
export * as THRESHOLDS from './thresholds';
export { integrityLines, type ReferencePoint } from './lines';
