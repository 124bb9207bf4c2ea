/** The report renderers (pure): JSON, text, Markdown and SARIF from one `Report`. */
export { renderJson } from './json.js';
export { renderText, type TextOptions } from './text.js';
export { renderMarkdown, renderResolvedMarkdown, DEFAULT_TITLE, type MarkdownOptions } from './markdown.js';
export { renderSarif, FINGERPRINT_KEY, SARIF_TOOL_NAME, type SarifLog, type SarifOptions } from './sarif.js';
export { escapeMarkdown, sanitizeControls, sanitizeTerminal } from './escape.js';
export { RULE_HELP, RULE_SEVERITY, COULD_NOT_CHECK_RULES, type RuleHelp } from './rules.js';
