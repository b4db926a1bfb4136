/**
 * What a CI file's text names that may put it in another file's unit of work (issue 15): the
 * scripts it may run and the local workflows, actions and templates it uses, read with patterns
 * (a false match only makes a unit larger). Kept apart from the CI front end (ci.ts), which is
 * imported only when a run has CI files: a files-only run reads these before any front end is
 * loaded (azureml-commands.ts).
 */
import path from 'node:path';
import { ciByName } from './names.js';
import { pushTo } from '../core/arrays.js';
import { isStringList, planningFact } from './shared.js';
import type { FilesOnlyView, FrontEndContext } from './types.js';

/**
 * The script file names a text names, as a caller writes them (`deploy.sh`, `setup-env.ps1`):
 * the matches of `/[\w.-]+\.(?:sh|bash|ps1)\b/gi`, in order. That pattern backtracks over
 * every word of a long file (issue 15's profile: 40 ms over the corpus's CI files); this finds
 * the extensions first and reads each name around them. A name is a run of `[\w.-]`; the
 * pattern's greedy match is the run up to its last `.sh`/`.bash`/`.ps1` that ends at a word
 * boundary and is not the run's first character.
 */
const SCRIPT_EXTENSION = /\.(?:sh|bash|ps1)(?!\w)/gi;
const EXTENSION_AT_START = /^(?:sh|bash|ps1)(?!\w)/i;
const isNameChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
export function scriptNamesIn(text: string): string[] {
  const out: string[] = [];
  let runEnd = -1;
  for (const m of text.matchAll(SCRIPT_EXTENSION)) {
    if (m.index < runEnd) continue; // in a run already read
    let start = m.index;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
    let end = m.index + 1;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
    runEnd = end;
    const run = text.slice(start, end);
    for (let dot = run.lastIndexOf('.'); dot >= 1; dot = run.lastIndexOf('.', dot - 1)) {
      const ext = EXTENSION_AT_START.exec(run.slice(dot + 1, dot + 6));
      if (ext) {
        out.push(run.slice(0, dot + 1 + ext[0].length));
        break;
      }
    }
  }
  return out;
}

/** `uses: ./`: the action at the top of the caller's repository (its `action.yml`). */
const ROOT_ACTION = '.';

/** The `./…` paths of `uses:` lines and the local `template:` paths (lower case, without `./` and a trailing `/`). */
function localUsesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/uses:\s*['"]?\.\/([^\s'"#@]*)/g)) out.push(m[1]!.replace(/\/+$/, '').toLowerCase() || ROOT_ACTION);
  // Azure Pipelines `template: path.yml` (not `@repository`): matched by its path without leading
  // `./`, `../`, `/`. Read line by line from the text after `template:`, without a pattern that
  // backtracks over the line (a hostile 400 KB line of `${{` took seconds).
  // A lone CR ends a YAML line too (parse/yaml/line-breaks.ts).
  for (const line of text.split(/\r\n?|\n/)) {
    const at = line.indexOf('template:');
    if (at < 0) continue;
    const path = templateValue(line.slice(at + 'template:'.length));
    if (path === undefined) continue;
    if (!path.includes('${{')) {
      if (!/[\s'"#@$]/.test(path)) out.push(path.replace(/^(?:\.{1,2}\/|\/)+/, '').toLowerCase());
      continue;
    }
    // A path with compile-time expressions (`templates/${{ variables.version }}/create-compute.yml`,
    // `create-compute-${{ parameters.v }}.yml`): a pattern with `*` for each expression, matched
    // against the paths (a false match only makes a unit larger). One with no name of its own
    // (`${{ parameters.template }}`) would match every file: left out.
    const pattern = path.replace(/\$\{\{[^}]*\}\}/g, '*').replace(/^(?:\.{1,2}\/|\/)+/, '').toLowerCase();
    if (!/[\s'"#@$]/.test(pattern) && /[a-z0-9]{2}/.test(pattern.replace(/\.ya?ml$/, ''))) out.push(pattern);
  }
  return out;
}

/** A template path pattern (`create-compute-*.yml`: `*` for an expression) as a test of a lower-case `/`-separated path. */
function wildcardPath(pattern: string): RegExp {
  const body = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`(?:^|/)${body}$`);
}

/** The path a `template:` key's value names (quotes and a trailing comment removed), when it names a YAML file. */
function templateValue(rest: string): string | undefined {
  let v = rest.trim();
  const comment = v.search(/\s#/);
  if (comment >= 0) v = v.slice(0, comment).trimEnd();
  const q = v[0];
  if ((q === '"' || q === "'") && v.length >= 2 && v.endsWith(q)) v = v.slice(1, -1);
  // `@self`: the pipeline's own repository, a local template.
  v = v.replace(/@self$/i, '');
  return /\.ya?ml$/.test(v) && !v.includes('@') ? v : undefined;
}

/** What a CI file names that may put it in another file's unit: scripts it may run, local workflows, actions and templates it uses. */
export interface CiReferences {
  scripts: string[];
  uses: string[];
}
/** `CiReferences` of a file, a planning fact (read once; kept by `--cache`): the CI units' split, and a files-only run's search for the CI files that may run an Azure ML YAML (azureml-commands.ts). */
export function ciReferencesOf(ctx: Pick<FrontEndContext, 'host' | 'facts'>, file: string): CiReferences | undefined {
  return planningFact(ctx, 'ci-references', file, isReferences, (text) => ({ scripts: scriptNamesIn(text), uses: localUsesIn(text) }));
}

function isReferences(v: unknown): v is CiReferences {
  return typeof v === 'object' && v !== null && isStringList((v as CiReferences).scripts) && isStringList((v as CiReferences).uses);
}

/**
 * Groups CI files with the scanned scripts their text names (by file name: a false match only
 * makes a unit larger), joined transitively; every other file is its own unit. Units keep the
 * order of `files`.
 */
export function unitsByScriptReference<F extends { readonly path: string }>(files: readonly F[], referencesOf: (file: string) => CiReferences | undefined): F[][] {
  const scriptsByName = new Map<string, number[]>();
  files.forEach((f, i) => {
    const base = path.basename(f.path).toLowerCase();
    if (/\.(?:sh|bash|ps1)$/.test(base)) pushTo(scriptsByName, base, i);
  });
  const references = files.map((f) => referencesOf(f.path));
  const parent = files.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) [parent[i], i] = [r, parent[i]!];
    return r;
  };
  if (scriptsByName.size > 0) {
    references.forEach((refs, i) => {
      for (const name of refs?.scripts ?? []) {
        for (const j of scriptsByName.get(name.toLowerCase()) ?? []) if (j !== i) parent[find(j)] = find(i);
      }
    });
  }
  // A workflow that calls a local reusable workflow or composite action (`uses: ./…`) evaluates
  // that file with its `with:` inputs: both in one unit.
  const norm = files.map((f) => f.path.replace(/\\/g, '/').toLowerCase());
  // A path's endings after each `/` (`a/b/action.yml`: `b/action.yml`, `action.yml`), to the
  // files that have them: `p.endsWith('/' + ref)` is a lookup of `ref`, not a pass over every file
  // per reference (quadratic in a tree's CI files). Made on the first plain reference.
  let byEnding: Map<string, number[]> | undefined;
  const endingIn = (ending: string): readonly number[] => {
    if (byEnding === undefined) {
      byEnding = new Map();
      norm.forEach((p, j) => {
        for (let k = p.indexOf('/'); k >= 0; k = p.indexOf('/', k + 1)) pushTo(byEnding!, p.slice(k + 1), j);
      });
    }
    return byEnding.get(ending) ?? [];
  };
  references.forEach((refs, i) => {
    for (const ref of refs?.uses ?? []) {
      // `uses: ./` names the action.yml beside the caller's `.github/`.
      const top = ref === ROOT_ACTION ? /^(.*)\/\.github\//.exec(norm[i]!)?.[1] : undefined;
      if (ref === ROOT_ACTION && top === undefined) continue;
      const wildcard = ref.includes('*') ? wildcardPath(ref) : undefined;
      const join = (j: number): void => {
        if (j !== i) parent[find(j)] = find(i);
      };
      if (top !== undefined) norm.forEach((p, j) => (p === `${top}/action.yml` || p === `${top}/action.yaml` ? join(j) : undefined));
      else if (wildcard) norm.forEach((p, j) => (wildcard.test(p) ? join(j) : undefined));
      else for (const ending of [ref, `${ref}/action.yml`, `${ref}/action.yaml`]) endingIn(ending).forEach(join);
    }
  });
  // Units in the order of their first file, each with its files in order (the same whichever
  // file union-find made its root).
  const groups = new Map<number, F[]>();
  files.forEach((f, i) => pushTo(groups, find(i), f));
  return [...groups.values()];
}

/**
 * `FrontEnd.filesOnlyFolders` for CI: the CI files of the units that hold a given script,
 * composite action, reusable workflow or pipeline template (`unitsByScriptReference` over every
 * CI file under the root). A caller hands the given file its values (a workflow's `env:` read by
 * the script it runs, a composite action's `with:` inputs), so a given file alone would be
 * judged without them: a staged `scripts/pool.sh` lost the size its workflow sets. Files, not
 * folders (a caller's folder may be the whole repository, `azure-pipelines.yml`). The same for a
 * given workflow that runs a script or uses a local action: their findings are placed in the
 * workflow (its `env:` value), and a staged workflow alone lost them (review 66). A workflow that
 * neither is called nor calls a file of the repository is its own unit: no walk for it.
 */
export async function ciCallerFiles(given: readonly string[], wide: FilesOnlyView): Promise<string[]> {
  const callable = given.filter((f) => {
    const kind = wide.givenKinds.get(f);
    if (kind === 'script' || kind === 'github-action' || kind === 'azure-pipeline') return true;
    if (kind !== 'github-workflow') return false;
    if (/\bworkflow_call\b/.test(wide.host.readText(f) ?? '')) return true;
    const refs = ciReferencesOf(wide, f);
    return refs !== undefined && (refs.scripts.length > 0 || refs.uses.length > 0);
  });
  if (callable.length === 0) return [];
  const wanted = new Set(callable);
  const ciFiles = await wide.list((f) => ciByName(f) !== undefined);
  return ciUnitFiles(wide, [...new Set([...ciFiles, ...callable])], (f) => wanted.has(f)).filter((f) => !wanted.has(f));
}

/**
 * The files of the CI units (`unitsByScriptReference` over `ciFiles`, with their references read
 * as planning facts) that hold a file `holds` takes, sorted: what a files-only run walks so a
 * given file is linted in the unit the folder run puts it in.
 */
export function ciUnitFiles(wide: FilesOnlyView, ciFiles: readonly string[], holds: (file: string) => boolean): string[] {
  return unitsByScriptReference(
    ciFiles.map((f) => ({ path: f })),
    (f) => ciReferencesOf(wide, f),
  )
    .filter((u) => u.some((f) => holds(f.path)))
    .flat()
    .map((f) => f.path)
    .sort();
}
