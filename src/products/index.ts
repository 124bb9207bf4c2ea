export { PRODUCT_PROFILES, productProfile } from './profiles.js';
export type { EntryLimit, ForbiddenEntry, ProductProfile } from './profiles.js';
