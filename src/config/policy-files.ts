/**
 * `policies.definitions` globs → policy files. Each glob is split into its fixed folder
 * prefix (`../governance/policies`) and the pattern after it (`**\/*.json`); the folder is
 * walked through a Host (a policy folder outside the scan root gets its own Host, confined to
 * that folder: the user named it in the config), and the pattern is matched against paths
 * relative to it. Bounded: at most MAX_POLICY_FILES files, no `.git`/`node_modules`.
 */
import path from 'node:path';
import { createHost, type Host } from '../core/host.js';
import { isWithin, relativeToRoot } from '../core/paths.js';
import { matchGlob } from './glob.js';

export const MAX_POLICY_FILES = 5000;
const SKIP_DIRS = new Set(['.git', 'node_modules']);

export interface PolicyFileSet {
  /** Files with the Host that reads each. */
  files: { file: string; host: Host }[];
  /** Globs that matched no file (a typo should not pass silently). */
  unmatched: string[];
}

function splitGlob(glob: string): { prefix: string; rest: string } {
  const segs = glob.replace(/\\/g, '/').split('/');
  const i = segs.findIndex((s) => /[*?[{]/.test(s));
  if (i < 0) return { prefix: segs.join('/'), rest: '' };
  return { prefix: segs.slice(0, i).join('/'), rest: segs.slice(i).join('/') };
}

export function policyFiles(globs: readonly string[], baseDir: string, scanHost: Host): PolicyFileSet {
  const out: PolicyFileSet = { files: [], unmatched: [] };
  const seen = new Set<string>();
  const hosts = new Map<string, Host>();
  const hostFor = (dir: string): Host => {
    // A folder the config names inside the scan root is read through the scan's Host even when
    // a link takes it out of the root: that Host refuses what lies outside (a committed
    // `policies -> /elsewhere` link never reads there). Only a folder named outside the root
    // gets a Host of its own.
    if (scanHost.isInside(dir) || isWithin(scanHost.root, dir)) return scanHost;
    let h = hosts.get(dir);
    if (!h) hosts.set(dir, (h = createHost(dir)));
    return h;
  };
  for (const glob of globs) {
    const { prefix, rest } = splitGlob(glob);
    const start = path.resolve(baseDir, prefix || '.');
    // A glob matches a file an earlier glob took too (`pol/*.tf` then `pol/p.tf`): not "matches no file".
    let matched = false;
    const add = (file: string, host: Host): void => {
      matched = true;
      if (seen.has(file) || out.files.length >= MAX_POLICY_FILES) return;
      seen.add(file);
      out.files.push({ file, host });
    };
    if (!rest) {
      // A file, or a folder: every .json file in it.
      const host = hostFor(path.dirname(start));
      if (host.isFile(start)) add(start, host);
      else walk(hostFor(start), start, start, (f, h) => /\.jsonc?$/i.test(f) && add(f, h));
    } else {
      const host = hostFor(start);
      walk(host, start, start, (f, h) => {
        const rel = relativeToRoot(start, f);
        if (matchGlob(rest, rel)) add(f, h);
      });
    }
    if (!matched) out.unmatched.push(glob);
  }
  return out;
}

function walk(host: Host, root: string, dir: string, visit: (file: string, host: Host) => void, depth = 0): void {
  if (depth > 32) return;
  for (const e of host.list(dir) ?? []) {
    if (e.isDirectory) {
      if (!SKIP_DIRS.has(e.name)) walk(host, root, e.path, visit, depth + 1);
    } else if (e.isFile) visit(e.path, host);
  }
}
