/**
 * The folder a script's command runs in, as far as it is followed: where the script started
 * (a CI step's working directory, or wherever a script file is run from), moved by `cd`,
 * `pushd`/`popd` (bash) and `Set-Location`/`Push-Location`/`Pop-Location` (PowerShell) to a
 * folder the script names. A relative path a command reads — the script it runs (`./deploy.sh`),
 * the file it sources, `az ml … --file compute.yml` — is read from there, as the shell does.
 * A move to a folder not known (`cd "$DIR"`, a `cd` in a branch) makes the folder unknown: such
 * a path is then not read at all, rather than read from a folder the command may not be in.
 */
import path from 'node:path';
import { withoutCheckoutTop } from '../../parse/yaml/ci-checkout.js';

/**
 * A folder: `path` relative to where the script started (`''`: there), relative to the
 * repository's top when `fromCheckout` (`cd "$GITHUB_WORKSPACE/infra"`), or absolute
 * (`cd "$(dirname "$0")"`: the script's own folder).
 */
export interface ScriptFolder {
  path: string;
  fromCheckout?: true;
}

/** Where a script starts. */
export const STARTING_FOLDER: ScriptFolder = { path: '' };

/** A move the script makes to a folder this cannot know. */
export const UNKNOWN_FOLDER = 'unknown';
export type FolderState = ScriptFolder | typeof UNKNOWN_FOLDER;

/** `p` (relative, with `/` or `\`) read from `folder`. */
export function within(folder: ScriptFolder, p: string): ScriptFolder {
  const rel = p.replace(/\\/g, '/');
  if (path.isAbsolute(folder.path)) return { path: path.resolve(folder.path, rel) };
  const joined = path.posix.normalize(path.posix.join(folder.path, rel)).replace(/\/$/, '');
  return { path: joined === '.' ? '' : joined, ...(folder.fromCheckout ? { fromCheckout: true } : {}) };
}

/** `inner` (a folder relative to where a script started) for a script that started in `start`. */
export function nestedFolder(start: FolderState | undefined, inner: FolderState | undefined): FolderState | undefined {
  if (inner === undefined || inner === UNKNOWN_FOLDER) return inner ?? start;
  if (inner.fromCheckout || path.isAbsolute(inner.path)) return inner;
  if (start === undefined) return inner.path === '' ? undefined : inner;
  if (start === UNKNOWN_FOLDER) return start;
  return inner.path === '' ? start : within(start, inner.path);
}

/**
 * The folder a CI step's script starts in, from its working directory as written (GitHub
 * `working-directory`, Azure Pipelines `workingDirectory`), relative to the repository's top;
 * undefined without one (the top). Unknown when it is an expression or absolute.
 */
export function stepFolder(workingDirectory: string | undefined): FolderState | undefined {
  const wd = workingDirectory?.trim();
  if (wd === undefined) return undefined;
  const dir = withoutCheckoutTop(wd).replace(/\\/g, '/');
  if (dir === '' || dir === '.' || dir === './') return undefined;
  if (/[$%]/.test(dir) || path.isAbsolute(dir) || /^[A-Za-z]:\//.test(dir)) return UNKNOWN_FOLDER;
  return within(STARTING_FOLDER, dir);
}
