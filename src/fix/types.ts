/**
 * What `fix` produces (contract §10): the edited files in memory, and for every fixable finding either the entries
 * added or why it was not fixed. The CLI writes `edits` (or prints their diff); the action turns them into review
 * suggestions or a fix pull request.
 */
import type { Finding, Report } from '../model.js';

/** One file's edit: its whole text before and after (line endings and BOM kept as in the file). */
export interface FileEdit {
  /** Repository-relative path, `/` separators (the path the config names; the editor resolved its real path). */
  file: string;
  before: string;
  after: string;
  /** The blocks added to this file, in the form written. */
  added: readonly string[];
}

export interface NotFixed {
  finding: Finding;
  /** Why, and what to do by hand (also put into the after-fix report's finding message). */
  reason: string;
}

export interface FixPlan {
  edits: readonly FileEdit[];
  notFixed: readonly NotFixed[];
  /** The report of the check the plan was made from (declared scope only). */
  before: Report;
  /** The report of the check as if the edits were applied. */
  after: Report;
}
