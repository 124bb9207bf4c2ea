/** Fixes (contract §10): the plan, writing it, and its diff. */
export { planFixes, blocksToAdd, overlayFiles } from './plan.js';
export { writeFixes, type WriteResult } from './write.js';
export { unifiedDiff } from './diff.js';
export type { FileEdit, FixPlan, NotFixed } from './types.js';
