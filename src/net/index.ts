/** The address engine: strict parsing, canonical text, CIDR/range conversion and interval sets. */
export type { IpVersion, AddressParseResult } from './address.js';
export { addressBits, maxAddress, parseAddress, formatAddress } from './address.js';
export type { IpRange, Cidr } from './cidr.js';
export {
  cidrToRange,
  compareRanges,
  formatCidr,
  formatRange,
  hostMask,
  makeCidr,
  makeRange,
  rangeContains,
  rangeToCidrs
} from './cidr.js';
export type { EntryForm, ParsedEntry, ParseResult } from './entry.js';
export { compareEntryText, parseEntry, parseCidr } from './entry.js';
export { IpSet } from './ipset.js';
export { broadPrefixLimit, isOverlyBroad, isPublicRange } from './special.js';
