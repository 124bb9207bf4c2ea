export { PRODUCT_PROFILES, entrySeparator, productProfile } from './profiles.js';
export type { EntryLimit, ForbiddenEntry, ProductProfile } from './profiles.js';
