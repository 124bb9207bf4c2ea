/**
 * The Alibaba Cloud packages are CommonJS modules that set `exports.default`. Node's ESM loader gives
 * `module.exports` as the default import, while the bundler gives `exports.default`; this accepts both.
 */
export function interopDefault<T extends abstract new (...args: never[]) => unknown>(value: T | { default: T }): T {
  return typeof value === 'function' ? value : value.default;
}
