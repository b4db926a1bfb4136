/**
 * Local files a Bicep file names (modules, `import … from`, `using`, `load*()` targets), seen
 * only through the `Host`: nothing here touches the disk, and nothing outside the scan root
 * (not even through a symbolic link) is ever reported as present.
 */
import path from 'node:path';
import type { Host } from '../../core/host.js';

/** `br:…`, `br/public:…`, `ts:…`: a registry reference, never a local file. */
export const REGISTRY_PATH = /^(br|ts)(\/[^:]*)?:/i;

/**
 * What a path names, as far as the scan root lets us see:
 * - `file`: a regular file inside the root;
 * - `link`: a symbolic link inside the root to a regular file inside the root;
 * - `other`: inside the root but not a regular file (a folder, a FIFO);
 * - `missing`: nothing there;
 * - `outside`: outside the root, or reached through a symbolic link that leaves it
 *   (whether it exists there is not looked at).
 */
export type PathKind = 'file' | 'link' | 'other' | 'missing' | 'outside';

export function pathKind(host: Host, target: string): PathKind {
  const abs = path.resolve(target);
  if (host.isFile(abs)) {
    const e = entryOf(host, abs);
    return e?.isFile === false || e?.link ? 'link' : 'file';
  }
  if (host.isInside(abs)) return 'other';
  // Not inside: either missing, or a folder on the way (or the file itself) resolves outside.
  const rel = path.relative(host.root, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return 'outside';
  let dir = host.root;
  for (const part of rel.split(path.sep)) {
    const next = path.join(dir, part);
    if (!host.isInside(next)) return entryOf(host, next) ? 'outside' : 'missing';
    dir = next;
  }
  return 'missing';
}

/** The folder entry of `p` (not following a link at `p` itself), when its folder is inside the root. */
function entryOf(host: Host, p: string): { isFile: boolean; link?: true } | undefined {
  const name = path.basename(p);
  return host.list(path.dirname(p))?.find((e) => e.name === name);
}
