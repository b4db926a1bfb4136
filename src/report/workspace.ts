/**
 * Where GitHub resolves the paths of a report: the repository root, GITHUB_WORKSPACE. Code
 * scanning reads a relative SARIF `uri` as relative to the repository root (upload-sarif
 * resolves it against its `checkout_path`, the workspace, whatever `uriBaseId` says:
 * github/codeql-action src/fingerprints.ts `resolveUriToFile`), and a workflow command's
 * `file=` is relative to the workspace too. The Action lints with the workspace as its scan
 * root, so its paths are already so; the CLI's are relative to the scan root or the current
 * folder, which in a monorepo job (`cd infra && mlops-iac-lint . --format sarif`) is a
 * subfolder: GitHub would look for `main.tf` instead of `infra/main.tf`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isWithin } from '../core/paths.js';

function realpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/**
 * The folder the `sarif` and `github` formats make their paths relative to when running in
 * GitHub Actions: GITHUB_WORKSPACE, when it is set and the scan root `root` is inside it;
 * otherwise undefined (the formats keep their usual base). When the root is inside the
 * workspace only by their real places (a symbolic link on the way), the base is the workspace
 * as seen from the root as written, so that the findings' paths are below it.
 */
export function githubWorkspaceBase(root: string, env: NodeJS.ProcessEnv | Readonly<Record<string, string | undefined>>): string | undefined {
  const ws = env.GITHUB_WORKSPACE;
  if (!ws) return undefined;
  const workspace = path.resolve(ws);
  const scanRoot = path.resolve(root);
  if (isWithin(workspace, scanRoot)) return workspace;
  const realWorkspace = realpath(workspace);
  const realRoot = realpath(scanRoot);
  if (realWorkspace === undefined || realRoot === undefined || !isWithin(realWorkspace, realRoot)) return undefined;
  // The root as written is below a link (or the workspace's own path is one): the base is the
  // folder as many levels above the root as the workspace is above the root's real place, when
  // that folder is the workspace; else no path relative to the workspace can be written.
  const base = path.resolve(scanRoot, path.relative(realRoot, realWorkspace));
  return realpath(base) === realWorkspace ? base : undefined;
}
