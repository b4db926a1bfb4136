/**
 * `FrontEnd.filesOnlyFolders` for ARM: a parameter file in a parameter folder pairs with a template
 * one folder up or in a sibling folder (`infra/parameters/x.dev.parameters.json` and
 * `infra/templates/x.json`, eval/arm/detect.ts), so a files-only run given either one walks the
 * other's folder too: the parameter folder's parent for a parameter file (its templates, and the
 * `.bicep` its values may go to), the sibling parameter folders for a template. Kept apart from
 * the ARM front end, which is imported only when a run has ARM files.
 */
import path from 'node:path';
import { PARAMETER_FOLDER } from '../core/parameter-names.js';
import type { FilesOnlyView } from './types.js';

const TEMPLATE_OR_PARAMETERS = /\.(?:jsonc?|bicep)$/i;

const inside = (dir: string, root: string): boolean => dir === root || dir.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

export async function armPairingFolders(given: readonly string[], wide: FilesOnlyView): Promise<string[]> {
  const out = new Set<string>();
  const parents = new Set<string>();
  for (const f of given) {
    if (!TEMPLATE_OR_PARAMETERS.test(f)) continue;
    const dir = path.dirname(path.resolve(f));
    const parent = path.dirname(dir);
    if (parent === dir || !inside(parent, wide.root)) continue;
    if (PARAMETER_FOLDER.test(path.basename(dir))) out.add(parent);
    else parents.add(parent);
  }
  // A template's sibling parameter folders: the parent's child folders whose name says so (one
  // listing of each parent, not a walk of the repository: a staged package.json is a .json too).
  for (const parent of parents) {
    for (const e of wide.host.list(parent) ?? []) if (e.isDirectory && PARAMETER_FOLDER.test(e.name)) out.add(e.path);
  }
  return [...out].sort();
}
