/**
 * CI files that deploy infrastructure: GitHub workflows and composite actions, Azure
 * Pipelines (templates included) and shell/PowerShell scripts. YAML is classified by path
 * and content (`ci-classify.ts`); each document is parsed with positions, scripts
 * included.
 */
import { parseCiDocument } from '../parse/yaml/ci.js';
import { buildCiModel } from '../eval/ci/build.js';
import type { CiFile } from '../model/ci.js';
import { classifyCiFile } from './ci-classify.js';
import type { FrontEnd, Problem, SuppressionSource } from './types.js';
import { readProblem } from './shared.js';
import { ciByName } from './names.js';
import { azureCliUnits } from './azure-cli.js';

export const ciFrontEnd: FrontEnd = {
  name: 'ci',
  family: 'ci',
  byName: ciByName,
  stage: 'first',
  byContent(_file, text, rel) {
    return classifyCiFile(rel, text);
  },
  // Units of work (issue 15): each file alone (no CI rule looks across files).
  units: (files) => files.map((f) => [f]),
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
      const doc = parseCiDocument(f.path, text, f.kind as Parameters<typeof parseCiDocument>[2]);
      // The first YAML error; the ones after it are usually its cascade.
      const first = doc.errors[0];
      if (first) problems.push({ ruleId: 'PARSE001', message: first.message, location: { file: f.path, range: first.range } });
      else {
        ciFiles.push(buildCiModel(doc));
        suppressionSources.push({ file: f.path, comments: doc.comments, blocks: doc.blocks });
      }
    }
    // The az commands of the same parse become resources (the `azure-cli` format).
    const az = azureCliUnits(ciFiles, ctx);
    return {
      units: az.units,
      ciFiles,
      problems: [...problems, ...az.problems],
      suppressionSources: [...suppressionSources, ...az.suppressionSources],
      azureCli: { fileReferences: az.fileReferences, heredocs: az.heredocs },
      // `az ml … --file X`: X is linted as the commands use it, not also on its own.
      evaluatedElsewhere: az.linkedFiles,
    };
  },
};
