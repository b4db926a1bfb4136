/**
 * Which data files a Terraform file may make its unit decode (`yamldecode(file(…))`,
 * `jsondecode(file(…))`, a YAML `templatefile(…)`: eval/terraform/data-files.ts places findings in them), read with
 * patterns before any parse, as planning's fact about the file (`tf-planning-7`). A superset:
 * a files-only run given a data file runs the units that may read it (`FrontEnd.mayRead`), and
 * one that could read it but is not run would miss the folder run's findings there.
 *
 * Each entry says where a read file may be:
 * - `pools.yaml`: a file of that name, anywhere (`file("${path.module}/pools.yaml")`, or a YAML/JSON
 *   string literal anywhere in the file: `pools_file = "../config/pools.yaml"` in a var file);
 * - `dir:../config`: any file in that folder or below, relative to the file's own folder
 *   (`file("${path.module}/../config/${var.env}.yaml")`);
 * - `in:config`: any file in a folder of that name (`"${path.root}/../config/${var.env}.yaml"`, a
 *   path relative to the root module or the working directory, which this file does not know);
 * - `*`: any file in the file's own folder or below (a name given by an expression:
 *   `file(each.value)`, `file(var.pools_file)` whose value is one of the names above elsewhere).
 */
import path from 'node:path';
import { isWithin } from '../core/paths.js';

/**
 * `yamldecode(file(ARG))` / `jsondecode(file(ARG))`; `templatefile(ARG, …)` and a `kubectl_manifest`'s
 * `yaml_body = file(ARG)`, which K8S001/K8S002 decode as YAML (eval/terraform/heredoc-yaml.ts).
 */
const DATA_FILE_READ = /\b(?:(?:yamldecode|jsondecode)\s*\(\s*file|templatefile|yaml_body\s*=\s*file)\s*\(\s*([^),\n]*)/g;

/**
 * A string literal naming a YAML or JSON file, or a template (`.tftpl`, Terraform's convention;
 * `.tpl`, `.tmpl`), or any file by a relative path (`"../shared/job.yaml.j2"`: `templatefile()`
 * takes any name).
 */
const DATA_FILE_NAME = /"([^"\n]*\.(?:ya?ml|json|tftpl|tpl|tmpl)|\.{0,2}[^"\n\s]*\/[^"\n\s/]+\.[A-Za-z0-9]{1,8})"/gi;

/** A path written after `${path.module}` is relative to the file's own module folder. */
const MODULE_PREFIX = /^\$\{\s*path\.module\s*\}\/?/;

const interpolated = (s: string): boolean => s.includes('${') || s.includes('%{');

/** The entry for a folder written as `dir` (a string's text before the file name), or `*` when nothing of it is known. */
function folderEntry(dir: string): string {
  const own = MODULE_PREFIX.exec(dir);
  if (own) {
    const rest = dir.slice(own[0].length);
    if (!interpolated(rest)) return `dir:${rest === '' ? '.' : rest}`;
  }
  // Relative to a folder this file does not know: the last literal folder name, if any.
  const last = dir.split('/').pop() ?? '';
  return last === '' || last === '.' || last === '..' || interpolated(last) ? '*' : `in:${last}`;
}

/** The entry for a `file(ARG)` argument as written. */
function readEntry(arg: string): string {
  const m = /^"([^"\\]*)"\s*$/.exec(arg.trim());
  if (!m) return '*';
  const text = m[1]!;
  const cut = text.lastIndexOf('/');
  const name = text.slice(cut + 1);
  if (name !== '' && !interpolated(name)) return name;
  return cut < 0 ? '*' : folderEntry(text.slice(0, cut));
}

/** The entries of a `.tf` or var file's text (sorted, each once). */
export function dataFileEntries(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(DATA_FILE_READ)) out.add(readEntry(m[1]!));
  for (const m of text.matchAll(DATA_FILE_NAME)) {
    const name = m[1]!.slice(m[1]!.lastIndexOf('/') + 1);
    if (!interpolated(name)) out.add(name);
  }
  return [...out].sort();
}

/** Whether a file with `entries`, at `file`, may make its unit decode `data`. */
export function entriesMayRead(entries: readonly string[], file: string, data: string): boolean {
  const folder = path.dirname(file);
  for (const e of entries) {
    if (e === '*') {
      if (isWithin(folder, data)) return true;
    } else if (e.startsWith('dir:')) {
      if (isWithin(path.resolve(folder, e.slice(4)), data)) return true;
    } else if (e.startsWith('in:')) {
      if (path.dirname(data).split(path.sep).includes(e.slice(3))) return true;
    } else if (e === path.basename(data)) return true;
  }
  return false;
}
