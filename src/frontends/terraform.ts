/**
 * Terraform (azurerm and azapi): `.tf` modules, `.tfvars`/`.tfvars.json` variable files and
 * `.tfstate` files (TF002 looks at those by name). Modules are evaluated once per variant
 * (RULES.md "Variants") with local modules read through the Host.
 */
import path from 'node:path';
import { parseHcl } from '../parse/hcl/parser.js';
import type { HclFile } from '../parse/hcl/ast.js';
import { evaluateTerraform } from '../eval/terraform/project.js';
import { tfvarsJsonValues, tfvarsValues } from '../eval/terraform/tfvars.js';
import type { Value } from '../core/value.js';
import { fromTerraform, terraformRefKeys } from '../model/from-terraform.js';
import { hclBlockRanges } from '../parse/hcl/blocks.js';
import type { FileKind } from '../core/file-kind.js';
import type { FrontEnd, Problem } from './types.js';
import { outOfModuleCopies, readModuleManifest, remoteModuleProblem } from './remote-modules.js';
import { parseCache } from './shared.js';

/** The dependency lock file `terraform init` writes beside the root module (TF003). */
const LOCK_FILE = '.terraform.lock.hcl';

const BY_NAME: [RegExp, FileKind][] = [
  [/\.tf$/, 'terraform'],
  [/\.tfvars$/, 'tfvars'],
  [/\.tfvars\.json$/, 'tfvars-json'],
  [/\.tfstate(\.backup)?$/, 'tfstate'],
];

export const terraformFrontEnd: FrontEnd = {
  name: 'terraform',
  family: 'terraform',
  byName(file) {
    const base = path.basename(file).toLowerCase();
    return BY_NAME.find(([re]) => re.test(base))?.[1];
  },
  run(files, ctx) {
    const problems: Problem[] = [];
    const hcl = parseCache<HclFile>(ctx.host, parseHcl, (f) => f.errors, problems);
    for (const f of files) {
      if (f.kind !== 'terraform' && f.kind !== 'tfvars' && f.kind !== 'tfvars-json') continue;
      // Every var file's values, read here through the Host: SEC001 reads them (the file hook).
      let values: Map<string, Value> | undefined;
      if (f.kind === 'tfvars-json') {
        const text = ctx.host.readText(f.path);
        if (text !== undefined) values = tfvarsJsonValues(f.path, text);
      } else {
        const parsed = hcl.get(f.path);
        if (f.kind === 'tfvars' && parsed) values = tfvarsValues(parsed);
      }
      if (values) f.varValues = values;
    }
    const tf = evaluateTerraform({
      root: ctx.root,
      tfFiles: files.filter((f) => f.kind === 'terraform').map((f) => f.path),
      varFiles: files.filter((f) => f.kind === 'tfvars' || f.kind === 'tfvars-json').map((f) => f.path),
      cliVarFiles: [...ctx.cliVarFiles],
      parseHcl: (f) => hcl.get(f),
      readText: (f) => ctx.host.readText(f),
      envOverride: ctx.envOverride,
      envForPath: (rel) => ctx.envForPath(path.join(ctx.root, rel)),
      insideRoot: (dir) => ctx.host.isInside(dir),
      listTfFiles: (dir) => {
        const entries = ctx.host.list(dir)?.filter((e) => e.name.endsWith('.tf') && !e.isDirectory) ?? [];
        // A FIFO or device named `x.tf` is never opened: asking the Host records it as skipped (--verbose).
        for (const e of entries) if (!e.isFile) ctx.host.readText(e.path);
        const tfs = entries.filter((e) => e.isFile).map((e) => e.path);
        return tfs.length ? tfs : undefined;
      },
      listFiles: (dir) => ctx.host.list(dir)?.filter((e) => e.isFile).map((e) => e.path) ?? [],
      lockFile: (dir) => {
        // Not a scanned file: read through the Host only when it exists, and a lock file that
        // does not parse locks nothing (terraform init would refuse it).
        const file = path.join(dir, LOCK_FILE);
        if (!ctx.host.isFile(file)) return undefined;
        const text = ctx.host.readText(file);
        if (text === undefined) return undefined;
        const parsed = parseHcl(text, file);
        return parsed.errors.length ? undefined : parsed;
      },
      moduleManifest: (dir) => readModuleManifest(ctx.host, dir, ctx.tfDataDir),
    });
    for (const p of tf.problems) problems.push({ ruleId: 'EVAL001', message: p.message, location: p.location });
    // EVAL002 once per call: every variant and every caller of a module repeats its calls;
    // api.ts keeps one note per place.
    for (const e of tf.evaluations) for (const m of e.opaqueModules) problems.push(remoteModuleProblem(m));
    outOfModuleCopies(problems, tf.evaluations.flatMap((e) => e.resources));
    const suppressionSources = [];
    for (const [file, parsed] of hcl.entries()) if (parsed) suppressionSources.push({ file, comments: parsed.comments, blocks: hclBlockRanges(parsed.body) });
    return {
      units: tf.evaluations.map((e) => ({
        evaluation: e.evaluation,
        resources: e.resources.flatMap((r) => fromTerraform(r, e.evaluation)),
        refKeys: terraformRefKeys,
        opaqueModules: e.opaqueModules,
      })),
      terraformModules: tf.modules,
      problems,
      suppressionSources,
    };
  },
};

