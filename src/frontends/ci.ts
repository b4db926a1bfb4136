/**
 * CI files that deploy infrastructure: GitHub workflows and composite actions, Azure
 * Pipelines (templates included) and shell/PowerShell scripts. YAML is classified by path
 * and content (`ci-classify.ts`); each document is parsed with positions, scripts
 * included.
 */
import path from 'node:path';
import { parseCiDocument } from '../parse/yaml/ci.js';
import { buildCiModel } from '../eval/ci/build.js';
import { grantsIdTokenWrite, type CiFile } from '../model/ci.js';
import { classifyCiFile } from './ci-classify.js';
import type { FrontEnd, Problem, SuppressionSource } from './types.js';
import { githubRepository, isStringList, planningFact, readProblem, runWideKey } from './shared.js';
import { ciByName } from './names.js';
import { azureCliUnits } from './azure-cli.js';
import type { ClassifiedFile } from './types.js';

export const ciFrontEnd: FrontEnd = {
  name: 'ci',
  family: 'ci',
  byName: ciByName,
  stage: 'first',
  byContent(_file, text, rel) {
    return classifyCiFile(rel, text);
  },
  // Units of work (issue 15): each file alone, except that a file naming a scanned script it
  // may run (`run: ./scripts/deploy.sh`, `scriptPath:`, `bash x.sh`) shares that script's unit:
  // the azure-cli reading of a script also takes the variables of each caller.
  units: (files, ctx) => unitsByScriptReference(files, (f) => planningFact(ctx, 'ci-references', f, isReferences, (text) => ({ scripts: scriptNamesIn(text), uses: localUsesIn(text) }))),
  // An `az ml … --file` command's file that no front end of the run claims has its problems and
  // comments reported by this unit (azure-cli-files.ts `claimed`): that depends on the run's
  // files (its families, its paths), not only on what the unit reads. Every file of the run,
  // then: a file added or left out anywhere lints the CI units again.
  unitCacheKey: (_files, ctx) => runWideKey(ctx.allFiles, 'files', () => ctx.allFiles.map((f) => f.path)),
  run(files, ctx) {
    const problems: Problem[] = [];
    const ciFiles: CiFile[] = [];
    const suppressionSources: SuppressionSource[] = [];
    for (const f of files) {
      const text = ctx.host.readText(f.path);
      if (text === undefined) {
        const p = readProblem(ctx.host, f.path);
        if (p) problems.push(p);
        continue;
      }
      // The CI model reads the trees and scripts, not the parser's workflow/pipeline views.
      const doc = parseCiDocument(f.path, text, f.kind as Parameters<typeof parseCiDocument>[2], { views: false });
      // The first YAML error; the ones after it are usually its cascade.
      const first = doc.errors[0];
      if (first) problems.push({ ruleId: 'PARSE001', message: first.message, location: { file: f.path, range: first.range } });
      else {
        ciFiles.push(buildCiModel(doc));
        suppressionSources.push({ file: f.path, comments: doc.comments, blocks: doc.blocks });
      }
    }
    linkReusableCalls(ciFiles);
    // The az commands of the same parse become resources (the `azure-cli` format).
    const az = azureCliUnits(ciFiles, ctx);
    return {
      units: az.units,
      ciFiles,
      problems: [...problems, ...az.problems],
      suppressionSources: [...suppressionSources, ...az.suppressionSources],
      // `az ml … --file X`: X is linted as the commands use it, not also on its own.
      evaluatedElsewhere: az.linkedFiles,
    };
  },
};

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

/** The `./…` paths of `uses:` lines and the local `template:` paths (lower case, without `./` and a trailing `/`). */
function localUsesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/uses:\s*['"]?\.\/([^\s'"#@]+)/g)) out.push(m[1]!.replace(/\/+$/, '').toLowerCase());
  // Azure Pipelines `template: path.yml` (not `@repository`): matched by its path without leading `./`, `../`, `/`.
  // A YAML comment may follow (`- template: templates/acr.yml # registry`).
  for (const m of text.matchAll(/template:\s*['"]?([^\s'"#@$]+\.ya?ml)['"]?\s*(?:#.*)?$/gm)) out.push(m[1]!.replace(/^(?:\.{1,2}\/|\/)+/, '').toLowerCase());
  return out;
}

/** What a CI file names that may put it in another file's unit: scripts it may run, local workflows, actions and templates it uses. */
interface CiReferences {
  scripts: string[];
  uses: string[];
}
function isReferences(v: unknown): v is CiReferences {
  return typeof v === 'object' && v !== null && isStringList((v as CiReferences).scripts) && isStringList((v as CiReferences).uses);
}

/**
 * Groups CI files with the scanned scripts their text names (by file name: a false match only
 * makes a unit larger), joined transitively; every other file is its own unit. Units keep the
 * order of `files`.
 */
function unitsByScriptReference(files: readonly ClassifiedFile[], referencesOf: (file: string) => CiReferences | undefined): ClassifiedFile[][] {
  const scriptsByName = new Map<string, number[]>();
  files.forEach((f, i) => {
    const base = path.basename(f.path).toLowerCase();
    if (/\.(?:sh|bash|ps1)$/.test(base)) scriptsByName.set(base, [...(scriptsByName.get(base) ?? []), i]);
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
  references.forEach((refs, i) => {
    for (const ref of refs?.uses ?? []) {
      norm.forEach((p, j) => {
        if (j !== i && (p.endsWith(`/${ref}`) || p.endsWith(`/${ref}/action.yml`) || p.endsWith(`/${ref}/action.yaml`))) parent[find(j)] = find(i);
      });
    }
  });
  const groups = new Map<number, ClassifiedFile[]>();
  files.forEach((f, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), f]);
  });
  return [...groups.values()];
}

/**
 * A GitHub job calling a local reusable workflow (`uses: ./.github/workflows/deploy.yml`) is given
 * that file when the unit holds it (CI units join files that name each other), so a rule can ask
 * what the called jobs do with the caller's permissions (CI003).
 */
function linkReusableCalls(ciFiles: readonly CiFile[]): void {
  const byPath = new Map(ciFiles.map((f) => [path.resolve(f.file), f]));
  for (const caller of ciFiles) {
    if (caller.format !== 'github-actions') continue;
    const repository = githubRepository(caller.file);
    if (repository === undefined) continue;
    for (const job of caller.jobs) {
      if (job.kind !== 'workflow-call' || job.uses?.kind !== 'local') continue;
      const callee = byPath.get(path.resolve(repository, job.uses.text.trim()));
      if (!callee || callee === caller || !callee.reusable) continue;
      // A job that sets permissions without id-token is CI003's in the called file already.
      const bounded = callee.jobs.filter((j) => !j.effectivePermissions || grantsIdTokenWrite(j.effectivePermissions));
      job.callee = { file: callee.file, bounded: bounded.map((j) => ({ id: j.id, steps: j.steps })) };
    }
  }
}
