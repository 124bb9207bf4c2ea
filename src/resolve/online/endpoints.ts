/** Moved to `src/cloud/` (one endpoint table per API); kept for existing imports. */
export * from '../../cloud/endpoints.js';
