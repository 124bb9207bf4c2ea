/** The package version, kept equal to package.json by a test (so the bundle does not embed package.json). */
export const VERSION = '0.1.0';
export const TOOL_NAME = 'dataworks-whitelist-guard';
