/** Moved to `src/cloud/` (shared by the group resolver and the deployed-whitelist readers); kept for existing imports. */
export * from '../../cloud/interop.js';
