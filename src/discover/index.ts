/**
 * Discovery: walks the given paths and classifies each file by name and content
 * (DESIGN.md §1). Never follows symbolic links; skips VCS, dependency and Terraform
 * cache folders.
 */
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { FileKind } from '../core/file-kind.js';

export interface DiscoveredFile {
  path: string;
  kind: FileKind;
}

export const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/.terraform/**', '**/.venv/**'];

const NAME_KINDS: [RegExp, FileKind][] = [
  [/\.tf$/, 'terraform'],
  [/\.tfvars$/, 'tfvars'],
  [/\.tfvars\.json$/, 'tfvars-json'],
  [/\.tfstate(\.backup)?$/, 'tfstate'],
  [/\.bicep$/, 'bicep'],
  [/\.bicepparam$/, 'bicepparam'],
];

/** Kind from the name alone, or `candidate-json`/`candidate-yaml`/`candidate-script` needing a look at the content. */
export function kindByName(file: string): FileKind | 'candidate-json' | 'candidate-yaml' | 'candidate-script' | undefined {
  const base = path.basename(file).toLowerCase();
  for (const [re, kind] of NAME_KINDS) if (re.test(base)) return kind;
  if (/\.jsonc?$/.test(base)) return 'candidate-json';
  if (/\.ya?ml$/.test(base)) return 'candidate-yaml';
  if (/\.(sh|bash|ps1)$/.test(base)) return 'candidate-script';
  return undefined;
}

/** ARM `$schema` values: deploymentTemplate / deploymentParameters at any scope. */
export function jsonKind(text: string): FileKind | undefined {
  const head = text.slice(0, 4096);
  if (/"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json#?"/i.test(head)) return 'arm';
  if (/"\$schema"\s*:\s*"[^"]*deploymentParameters\.json#?"/i.test(head)) return 'arm-params';
  // $schema may come later in a large template.
  if (/"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json#?"/i.test(text)) return 'arm';
  return undefined;
}

export interface DiscoverOptions {
  ignore?: string[];
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
    for (const f of found) if (kindByName(f)) out.add(path.normalize(f));
  }
  return [...out].sort();
}
