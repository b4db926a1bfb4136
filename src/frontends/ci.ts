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
import { evaluationNoteProblems, githubRepository, readProblem, runWideKey } from './shared.js';
import { ciReferencesOf, unitsByScriptReference } from './ci-references.js';
import { ciByName } from './names.js';

export { scriptNamesIn } from './ci-references.js';
import { azureCliUnits } from './azure-cli.js';

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
  units: (files, ctx) => unitsByScriptReference(files, (f) => ciReferencesOf(ctx, f)),
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
        problems.push(...evaluationNoteProblems(f.path, doc.evaluationNotes));
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
 * A GitHub job calling a local reusable workflow (`uses: ./.github/workflows/deploy.yml`) is given
 * that file when the unit holds it (CI units join files that name each other), so a rule can ask
 * what the called jobs do with the caller's permissions (CI003); so is a step running a local
 * composite action (`uses: ./.github/actions/login`): its steps run in the step's job.
 */
function linkReusableCalls(ciFiles: readonly CiFile[]): void {
  const byPath = new Map(ciFiles.map((f) => [path.resolve(f.file), f]));
  for (const caller of ciFiles) {
    if (caller.format !== 'github-actions') continue;
    const repository = githubRepository(caller.file);
    if (repository === undefined) continue;
    for (const job of caller.jobs) {
      for (const step of job.steps) {
        if (step.uses?.kind !== 'local') continue;
        const dir = path.resolve(repository, step.uses.text.trim());
        const action = byPath.get(path.join(dir, 'action.yml')) ?? byPath.get(path.join(dir, 'action.yaml'));
        if (action?.composite && action !== caller) step.action = { file: action.file, steps: action.jobs.flatMap((j) => j.steps), inputs: action.inputs };
      }
    }
    for (const job of caller.jobs) {
      if (job.kind !== 'workflow-call' || job.uses?.kind !== 'local') continue;
      const callee = byPath.get(path.resolve(repository, job.uses.text.trim()));
      if (!callee || callee === caller || !callee.reusable) continue;
      // A job that sets permissions without id-token is CI003's in the called file already.
      const bounded = callee.jobs.filter((j) => !j.effectivePermissions || grantsIdTokenWrite(j.effectivePermissions));
      // The jobs themselves: a called job's own call is linked by this loop too (in any order).
      job.callee = { file: callee.file, bounded };
    }
  }
}
