/**
 * The local references between `.bicep` and `.bicepparam` files (a module declaration, a
 * `using`), read with a pattern before any parse: what joins files into one unit of work
 * (`bicepUnits`) and what a files-only run follows up to the files that call the given ones
 * (`bicepCallingFolders`). Kept apart from the Bicep front end, which is imported only when a
 * run has Bicep files: a pre-commit run looks for callers before it knows.
 */
import path from 'node:path';
import type { FilesOnlyView, FrontEndContext } from './types.js';
import { addCaller, givenTextUnlessPlan, isStringList, perRun, planningFact, upstreamOf } from './shared.js';

/**
 * A module declaration's, a `using`'s or a compile-time import's literal path (registry references
 * have a scheme and never match a scanned file): `import { x } from './types.bicep'` and
 * `import * as ns from '…'` read the file's exported variables, whose values and problems are
 * placed in that file; a `.bicepparam`'s `extends '../base.bicepparam'` reads the base's values,
 * which are placed in the base (a staged base walks the files that extend it). Bicep needs no blank between the symbolic name and the path
 * (`module minimum_rg'../resourceGroup.bicep' = {`, ALZ-Bicep's samples): both are tokens.
 */
const BICEP_REFERENCE = /\b(?:module\s+[A-Za-z_][A-Za-z0-9_]*\s*|using\s*|extends\s*|import\s*(?:\{[^}]*\}|\*\s*as\s+[A-Za-z_][A-Za-z0-9_]*)\s*from\s*)'([^'$\n]+)'/g;

/** A file's local references as written (relative paths; also non-matching registry ones), as planning's fact about it. */
export function bicepReferences(ctx: Pick<FrontEndContext, 'host' | 'facts'>, file: string): string[] | undefined {
  // The fact's name says its pattern's version: a --cache of an earlier build answers nothing for it.
  return planningFact(ctx, 'bicep-references-3', file, isStringList, (text) => [...text.matchAll(BICEP_REFERENCE)].map((m) => m[1]!));
}

const BICEP_FILE = /\.bicep(?:param)?$/i;

/**
 * `loadJsonContent('x.json')`, `loadYamlContent(…)`, `loadTextContent(…)`: the file's values are
 * located in it (eval/bicep/load.ts). Bicep takes only a literal path, relative to the file.
 */
const LOAD_CONTENT = /\bload(?:Json|Yaml|Text)Content\s*\(\s*'([^'\n]+)'/g;

/** The paths a `.bicep`/`.bicepparam` file loads content from, as written (planning's fact about it). */
function loadedPaths(ctx: Pick<FrontEndContext, 'host' | 'facts'>, file: string): string[] | undefined {
  return planningFact(ctx, 'bicep-loads-1', file, isStringList, (text) => [...new Set([...text.matchAll(LOAD_CONTENT)].map((m) => m[1]!))]);
}

/** `FrontEnd.mayRead` for Bicep: the files that load the content of a file of `data`. */
export function bicepLoaders(files: readonly string[], data: readonly string[], ctx: Pick<FrontEndContext, 'host' | 'facts'>): string[] {
  if (data.length === 0) return [];
  const wanted = new Set(data.map((f) => path.resolve(f)));
  return files.filter((f) => BICEP_FILE.test(f) && (loadedPaths(ctx, f) ?? []).some((p) => wanted.has(path.resolve(path.dirname(f), p))));
}

/** What every ARM template's `$schema` ends in (`…/deploymentTemplate.json#`, any scope): a superset test on the text. */
const TEMPLATE_SCHEMA_NAME = /deploymentTemplate\.json/i;

/** A `.bicepparam`'s `using` path, at a line's start (not in a `//` comment); registry references never name a file. */
const USING = /^[ \t]*using\s*'([^'$\n]+)'/m;

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The ARM JSON template a `.bicepparam` names in `using` (`using './azuredeploy.json'`), as an
 * absolute path, or undefined (a `.bicep` target, a registry one, `none`, not a `.bicepparam`).
 * Planning's fact about the file: the ARM front end leaves such a template's evaluation with
 * defaults to the `.bicepparam`'s unit, which evaluates it with the file's values.
 */
export function usingTemplateOf(ctx: Pick<FrontEndContext, 'host' | 'facts'>, file: string): string | undefined {
  if (!/\.bicepparam$/i.test(file)) return undefined;
  const written = planningFact(ctx, 'bicepparam-using-1', file, isString, (text) => USING.exec(text)?.[1] ?? '');
  if (!written || /\.bicep$/i.test(written) || /^(br|ts)(\/[^:]*)?:/i.test(written)) return undefined;
  return path.resolve(path.dirname(file), written);
}

/** A path that may name an ARM JSON template: a module (`module kv './kv.json' = {…}`, a nested deployment), a `using` target, a given file. */
export const JSON_TEMPLATE_PATH = /\.json$/i;

/** The ARM JSON templates a `.bicep` file declares as modules, as absolute paths (planning's fact about it). */
export function jsonModulesOf(ctx: Pick<FrontEndContext, 'host' | 'facts'>, file: string): string[] {
  return (bicepReferences(ctx, file) ?? []).filter((r) => JSON_TEMPLATE_PATH.test(r)).map((r) => path.resolve(path.dirname(file), r));
}

/**
 * The Bicep files of the run that use each ARM template, made once per run: the `.bicepparam`
 * files that name it in `using`, and the `.bicep` files that declare it as a module. A template
 * with any is evaluated through them (by the Bicep front end: with each `.bicepparam`'s values,
 * with each caller's arguments), not alone with its defaults, as a `.bicep` module is (review 50:
 * `module kv './kv.json'` passing `purge: true` still gave KV001 from the template's default).
 */
export function bicepUsersOfTemplates(ctx: Pick<FrontEndContext, 'host' | 'facts' | 'allFiles'>): ReadonlyMap<string, readonly string[]> {
  return perRun(ctx.allFiles, 'bicep-users-of-templates', () => {
    const out = new Map<string, string[]>();
    for (const f of ctx.allFiles) {
      if (f.kind === 'bicepparam') {
        const t = usingTemplateOf(ctx, f.path);
        if (t) addCaller(out, t, f.path);
      } else if (f.kind === 'bicep') {
        for (const template of jsonModulesOf(ctx, f.path)) addCaller(out, template, f.path);
      }
    }
    for (const users of out.values()) users.sort();
    return out;
  });
}

/**
 * `FrontEnd.filesOnlyFolders`: the folders of the `.bicep` and `.bicepparam` files under the root
 * that use the given files, directly or through other modules: a module is evaluated through the
 * file that declares it (never alone with its defaults), and each `.bicepparam` whose `using`
 * names a file is a variant of it, as in a run over the root.
 */
export async function bicepCallingFolders(given: readonly string[], wide: FilesOnlyView): Promise<string[]> {
  // A given JSON file may be an ARM template a `.bicepparam` names in `using` or a `.bicep` file
  // declares as a module: then the Bicep files are looked at. Only a file whose text names a
  // template schema makes that walk: a staged package.json or plan JSON does not list the
  // repository.
  // A given data file (no front end reads it) may be loaded by any `.bicep` file: its folder and
  // callers' are walked, as for a given `.bicep`.
  const bicepGiven = given.some((f) => BICEP_FILE.test(f)) || wide.dataFiles.length > 0;
  if (!bicepGiven && !given.some((f) => JSON_TEMPLATE_PATH.test(f) && TEMPLATE_SCHEMA_NAME.test(givenTextUnlessPlan(wide, f) ?? ''))) return [];
  const callers = new Map<string, string[]>();
  const listed = await wide.list((file) => BICEP_FILE.test(file));
  for (const f of listed) {
    for (const reference of bicepReferences(wide, f) ?? []) {
      const target = path.resolve(path.dirname(f), reference);
      if (target !== f) addCaller(callers, target, f);
    }
  }
  const loaders = wide.dataFiles.length > 0 ? bicepLoaders(listed, wide.dataFiles, wide) : [];
  const start = [...given.map((f) => path.resolve(f)), ...loaders];
  return [...new Set([...loaders, ...upstreamOf(start, callers)].map((f) => path.dirname(f)))].sort();
}
