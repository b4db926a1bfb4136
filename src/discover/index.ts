/**
 * Discovery: walks the given paths and lists the files some front end may read (each
 * front end classifies its own files, `src/frontends/`). Never follows symbolic links;
 * skips VCS, dependency and Terraform cache folders.
 */
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';

export const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/.terraform/**', '**/.venv/**'];

export interface DiscoverOptions {
  ignore?: string[];
  /** Files found in folders are kept when this says so (a front end reads them); files named explicitly always are. */
  accept?(file: string): boolean;
}

/** Lists candidate files under the given paths (files or folders), sorted. */
export async function listFiles(paths: string[], opts: DiscoverOptions = {}): Promise<string[]> {
  const out = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(p);
    const st = fs.lstatSync(abs);
    if (st.isFile()) {
      out.add(abs);
      continue;
    }
    if (!st.isDirectory()) continue;
    const found = await fg(['**/*'], {
      cwd: abs,
      absolute: true,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      ignore: [...DEFAULT_IGNORES, ...(opts.ignore ?? [])],
      suppressErrors: true,
    });
    for (const f of found) if (!opts.accept || opts.accept(f)) out.add(path.normalize(f));
  }
  return [...out].sort();
}
