/**
 * Which files make up the Terraform module a whitelist source names, as Terraform reads a module: every `.tf` and
 * `.tf.json` file of its directory, and its variable files in Terraform's order (`terraform.tfvars`, then
 * `*.auto.tfvars` by name, then the source's own `tfvars:`). One answer for the reader and the fix editor.
 */
import path from 'node:path';

export const TERRAFORM_FILE = /\.tf(\.json)?$/;
const AUTO_TFVARS = /\.auto\.tfvars(\.json)?$/;

/** A repository-relative path with `/` separators, no `./`, no trailing slash; the root is ''. */
export function normalizeRepoPath(relPath: string): string {
  const normalized = path.posix
    .normalize(relPath.replace(/\\/g, '/'))
    .replace(/^\.\/?/, '')
    .replace(/\/$/, '');
  return normalized === '.' ? '' : normalized;
}

export function joinRepoPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

export interface ModuleLayout {
  dir: string;
  /** Every Terraform file of the module (the target too, when it was named and has another extension). */
  moduleFiles: string[];
  /** Where the selected resource is looked up: the named file, or the whole module. */
  targetFiles: string[];
  /** The variable files of the module directory, in the order Terraform applies them (without `tfvars:`). */
  tfvarsFiles: string[];
}

/** The layout of the module at `target` (a file or a directory), from the names its directory lists. */
export function moduleLayout(target: string, kind: 'file' | 'directory', names: readonly string[]): ModuleLayout {
  const dir = kind === 'directory' ? target : normalizeRepoPath(path.posix.dirname(target));
  const moduleFiles = names.filter((name) => TERRAFORM_FILE.test(name)).map((name) => joinRepoPath(dir, name));
  if (kind === 'file' && !moduleFiles.includes(target)) moduleFiles.push(target);
  const tfvarsFiles = [
    ...['terraform.tfvars', 'terraform.tfvars.json'].filter((name) => names.includes(name)),
    ...names.filter((name) => AUTO_TFVARS.test(name))
  ].map((name) => joinRepoPath(dir, name));
  return { dir, moduleFiles, targetFiles: kind === 'directory' ? moduleFiles : [target], tfvarsFiles };
}

/** The directory a target names: itself, or the directory of the file. */
export function moduleDir(target: string, kind: 'file' | 'directory'): string {
  return kind === 'directory' ? target : normalizeRepoPath(path.posix.dirname(target));
}
