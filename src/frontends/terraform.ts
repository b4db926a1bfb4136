/**
 * Terraform (azurerm and azapi): `.tf` modules, `.tfvars`/`.tfvars.json` variable files and
 * `.tfstate` files (TF002 looks at those by name). Modules are evaluated once per variant
 * (RULES.md "Variants") with local modules read through the Host.
 */
import path from 'node:path';
import { isWithin, nearestFolder } from '../core/paths.js';
import { LineMap } from '../core/source.js';
import { parseHcl } from '../parse/hcl/parser.js';
import { parseTfJson } from '../parse/hcl/tf-json.js';
import { AZURERM_TABLE } from '../model/tables/azurerm.js';
import type { HclFile } from '../parse/hcl/ast.js';
import type { JsonError } from '../parse/json/index.js';
import { evaluateTerraform } from '../eval/terraform/project.js';
import { loadYamlReader, loadedYamlReader } from '../eval/terraform/data-files.js';
import { tfvarsJsonValues, tfvarsValues } from '../eval/terraform/tfvars.js';
import { terragruntInputs } from '../eval/terraform/terragrunt.js';
import type { Value } from '../core/value.js';
import { fromTerraform, terraformRefKeys, withNamespaceTolerations } from '../model/from-terraform.js';
import { applyAzapiUpdates } from '../model/azapi-update.js';
import { hclBlockRanges } from '../parse/hcl/blocks.js';
import { isEnvironmentSuffixedVarFile, isTerraformFile, SAMPLE_VAR_FILE, type FileKind } from '../core/file-kind.js';
import type { ClassifiedFile, FilesOnlyView, FrontEnd, FrontEndContext, Problem, SuppressionSource } from './types.js';
import { dataFileEntries, entriesMayRead } from './terraform-data-files.js';
import { outOfModuleCopies, readModuleManifest, remoteModuleProblem } from './remote-modules.js';
import { parseManifest } from '../eval/terraform/manifest.js';
import { addCaller, AKS_TYPES, isStringList, parseCache, perRun, planningFact, upstreamOf } from './shared.js';
import { loadTerraformWorkloadReader, TERRAFORM_WORKLOAD_TYPE } from '../eval/terraform/kubernetes-types.js';
import { folderSkipReason } from './k8s-classify.js';

/** The dependency lock file `terraform init` writes beside the root module (TF003). */
const LOCK_FILE = '.terraform.lock.hcl';

/**
 * Terraform state (TF002): `*.tfstate`, its backup `*.tfstate.backup`, and the backup `terraform
 * state mv|rm|replace-provider` write before changing a local state, `<state>.<unix time>.backup`
 * (hashicorp/terraform internal/command/state_meta.go: `fmt.Sprintf("%s.%d%s", stateOutPath,
 * time.Now().UTC().Unix(), DefaultBackupExtension)`).
 */
const STATE_FILE = /\.tfstate(?:(?:\.\d+)?\.backup)?$/;

/** Terragrunt's configuration file, as a path or a name (a pre-commit run asks it of every file it lists). */
const TERRAGRUNT_PATH = /(?:^|[\\/])terragrunt\.hcl$/i;

const BY_NAME: [RegExp, FileKind][] = [
  [/\.tf$/, 'terraform'],
  [/\.tf\.json$/, 'terraform'],
  [/\.tfvars$/, 'tfvars'],
  [/\.tfvars\.json$/, 'tfvars-json'],
  [SAMPLE_VAR_FILE, 'tfvars-sample'],
  [STATE_FILE, 'tfstate'],
  [TERRAGRUNT_PATH, 'terragrunt'],
];

export const terraformFrontEnd: FrontEnd = {
  name: 'terraform',
  family: 'terraform',
  byName(file) {
    const base = path.basename(file).toLowerCase();
    return BY_NAME.find(([re]) => re.test(base))?.[1] ?? (isEnvironmentSuffixedVarFile(base) ? 'tfvars' : undefined);
  },
  units: terraformUnits,
  // A unit that declares Kubernetes workloads (`kubernetes_deployment_v1`, `kubernetes_manifest`):
  // K8S001/K8S002 weigh them against every GPU pool of the scan, so it runs late.
  readsScan: (files, ctx) => declaresWorkloads(tfPaths(files), ctx),
  filesOnlyFolders: callingFolders,
  mayRead: decodersOf,
  async beforeUnits(files, ctx) {
    // YAML is decoded by yamldecode, and a workload may be YAML text (a kubectl_manifest's
    // yaml_body), in the files or in the modules they call (also outside the scanned folders).
    const says = configurationFacts(tfPaths(files), ctx);
    if (says.yaml) await loadYamlReader();
    if (says.k8s) await loadTerraformWorkloadReader();
  },
  run(files, ctx) {
    const problems: Problem[] = [];
    const sampleSources: SuppressionSource[] = [];
    const hcl = parseCache<HclFile>(ctx.host, (text, file) => withEncodingError(parseTerraform(text, file), ctx.host.invalidEncodingAt(file)), (f) => f.errors, problems);
    const skippedSamples: { file: string; reason: string }[] = [];
    for (const f of files) {
      if (f.kind === 'tfvars-sample') {
        // Read for SEC001 only. Placeholders (`password = <your password>`) often make it no HCL:
        // then it is listed as not read (--verbose), not a PARSE001 of a file Terraform never reads.
        const text = ctx.host.readText(f.path);
        const parsed = text === undefined ? undefined : parseHcl(text, f.path);
        if (parsed && parsed.errors.length === 0) {
          f.varValues = tfvarsValues(parsed);
          sampleSources.push({ file: f.path, comments: parsed.comments, blocks: hclBlockRanges(parsed.body) });
        } else if (parsed) skippedSamples.push({ file: f.path, reason: `a sample var file that is not HCL (${parsed.errors[0]!.message}): its values are not read` });
        continue;
      }
      // A Terragrunt configuration is read when a root it runs is evaluated (TF001); parsed here
      // so that one that does not parse is a PARSE001 whatever it runs.
      if (f.kind === 'terragrunt') {
        // Its inputs are values written in the repository, as a var file's are: SEC001 reads them (the file hook).
        const parsed = hcl.get(f.path);
        const inputs = parsed && parsed.errors.length === 0 ? terragruntInputs(parsed) : undefined;
        if (inputs instanceof Map) f.varValues = inputs;
      }
      if (f.kind !== 'terraform' && f.kind !== 'tfvars' && f.kind !== 'tfvars-json') continue;
      // Every var file's values, read here through the Host: SEC001 reads them (the file hook).
      let values: Map<string, Value> | undefined;
      if (f.kind === 'tfvars-json') {
        const text = ctx.host.readText(f.path);
        if (text !== undefined) {
          // A var file that does not parse is a PARSE001 like any other (RULES.md).
          const errors: JsonError[] = [];
          values = tfvarsJsonValues(f.path, text, errors);
          for (const e of errors) problems.push({ ruleId: 'PARSE001', message: e.message, location: { file: f.path, range: e.range } });
        }
      } else {
        const parsed = hcl.get(f.path);
        if (f.kind === 'tfvars' && parsed) {
          values = tfvarsValues(parsed);
          varFileBlockProblems(parsed, problems);
        }
      }
      if (values) f.varValues = values;
    }
    // A `--var-file` the scan does not hold as a file of its own (`vars/prod.json`, or a files-only
    // run) is read here: one that does not parse is a PARSE001 like any other (RULES.md), not read leniently.
    const inUnit = new Set(files.map((f) => f.path));
    for (const vf of ctx.cliVarFiles) {
      if (inUnit.has(vf)) continue;
      if (vf.endsWith('.json')) {
        const text = ctx.host.readText(vf);
        const errors: JsonError[] = [];
        if (text !== undefined) tfvarsJsonValues(vf, text, errors);
        for (const e of errors) problems.push({ ruleId: 'PARSE001', message: e.message, location: { file: vf, range: e.range } });
      } else {
        const parsed = hcl.get(vf);
        if (parsed) varFileBlockProblems(parsed, problems);
      }
    }
    // A data file a `kubernetes_manifest` decodes that this run lints as a manifest (its pod
    // templates are reported there): one of the run's Kubernetes files, not skipped as a Helm
    // template or a Kustomize input (self-review 99: one outside the scanned folders was lost).
    const manifestFiles = new Map<string, boolean>();
    const linted = perRun(ctx.allFiles, 'k8s-files', () => new Set(ctx.allFiles.filter((f) => f.kind === 'k8s').map((f) => f.path)));
    const isManifestFile = (file: string): boolean => {
      let known = manifestFiles.get(file);
      if (known === undefined) {
        known = linted.has(file) && folderSkipReason(file, ctx.host, ctx.root, () => undefined) === undefined;
        manifestFiles.set(file, known);
      }
      return known;
    };
    const tf = evaluateTerraform({
      root: ctx.root,
      tfFiles: files.filter((f) => f.kind === 'terraform').map((f) => f.path),
      varFiles: files.filter((f) => f.kind === 'tfvars' || f.kind === 'tfvars-json').map((f) => f.path),
      terragruntFiles: files.filter((f) => f.kind === 'terragrunt').map((f) => f.path),
      cliVarFiles: [...ctx.cliVarFiles],
      parseHcl: (f) => hcl.get(f),
      readText: (f) => ctx.host.readText(f),
      envOverride: ctx.envOverride,
      ...(ctx.envAbove ? { envAbove: ctx.envAbove } : {}),
      envForPath: (rel) => ctx.envForPath(path.join(ctx.root, rel)),
      insideRoot: (dir) => ctx.host.isInside(dir),
      listTfFiles: (dir) => {
        const entries = ctx.host.list(dir)?.filter((e) => isTerraformFile(e.name) && !e.isDirectory) ?? [];
        // A FIFO or device named `x.tf` is never opened: asking the Host records it as skipped (--verbose).
        for (const e of entries) if (!e.isFile) ctx.host.readText(e.path);
        const tfs = entries.filter((e) => e.isFile).map((e) => e.path);
        return tfs.length ? tfs : undefined;
      },
      listFiles: (dir) => ctx.host.list(dir)?.filter((e) => e.isFile).map((e) => e.path) ?? [],
      // Not scanned files: read through the Host only when they exist; one that does not parse
      // says nothing (terraform init would refuse such a lock file).
      lockFile: (dir) => parsedHclBeside(ctx, dir, LOCK_FILE),
      terragruntConfig: (dir) => parsedHclBeside(ctx, dir, TERRAGRUNT_FILE),
      // (Under the root by its path, not `isInside`, which needs the file to exist: a parent that is
      // absent is asked of the Host too, so the --cache sees it appear.)
      readHcl: (file) => (isWithin(ctx.root, file) ? parsedHclBeside(ctx, path.dirname(file), path.basename(file)) : undefined),
      moduleManifest: (dir) => readModuleManifest(ctx.host, dir, ctx.tfDataDir),
      ...(ctx.tfDataDir !== undefined ? { tfDataDir: ctx.tfDataDir } : {}),
    });
    for (const p of tf.problems) problems.push({ ruleId: p.ruleId ?? 'EVAL001', message: p.message, location: p.location });
    // EVAL002 once per call: every variant and every caller of a module repeats its calls;
    // api.ts keeps one note per place.
    for (const e of tf.evaluations) for (const m of e.opaqueModules) problems.push(remoteModuleProblem(m));
    outOfModuleCopies(problems, tf.evaluations.flatMap((e) => e.resources));
    const suppressionSources: SuppressionSource[] = [...sampleSources];
    for (const [file, parsed] of hcl.entries()) if (parsed) suppressionSources.push({ file, comments: parsed.comments, blocks: hclBlockRanges(parsed.body) });
    // A var file with no module at or above it among the scanned files (CAF-style config folders
    // passed with -var-file in CI; `lint infra/env` below the module) is evaluated with nothing:
    // say so under --verbose instead of reading as "checked".
    const skipped = [
      ...skippedSamples,
      ...(files.some((f) => f.kind === 'terraform')
        ? []
        : files.filter((f) => (f.kind === 'tfvars' || f.kind === 'tfvars-json') && !ctx.cliVarFiles.includes(f.path)).map((f) => ({ file: f.path, reason: unevaluatedVarFileReason(f.path, ctx) }))),
    ];
    const units = tf.evaluations.map((e) => ({
      evaluation: e.evaluation,
      resources: applyAzapiUpdates(e.resources, withNamespaceTolerations(e.resources, e.resources.flatMap((r) => fromTerraform(r, e.evaluation, e.azurermOnlyBelow, isManifestFile)))),
      refKeys: terraformRefKeys,
      opaqueModules: e.opaqueModules,
      ...(e.inertResources.length > 0 ? { inertResources: e.inertResources.flatMap((r) => fromTerraform(r, e.evaluation, e.azurermOnlyBelow, isManifestFile)) } : {}),
    }));
    // After the units, which decode what a kubectl_manifest's yaml_body reads (lazily): a YAML data
    // file read by yamldecode(file()), file() or templatefile() holds findings of its own values,
    // and its comments can suppress them; so can a heredoc's YAML comments (`# mlops-iac-lint-ignore K8S001 -- …`).
    const yaml = loadedYamlReader();
    for (const [file, kind] of tf.dataFiles) {
      const text = kind === 'yaml' && yaml ? ctx.host.readText(file) : undefined;
      if (text === undefined || !yaml) continue;
      const parsed = yaml.parseYamlFile(text);
      suppressionSources.push({ file, comments: parsed.comments, blocks: parsed.blocks });
    }
    for (const h of tf.heredocs) if (h.comments.length > 0) suppressionSources.push({ file: h.file, comments: h.comments, blocks: h.blocks });
    return {
      skipped,
      units,
      terraformModules: tf.modules,
      problems,
      suppressionSources,
    };
  },
};

/** Terragrunt's configuration file beside the `.tf` files it runs (TF001: the backend it gives them). */
const TERRAGRUNT_FILE = 'terragrunt.hcl';

/** The HCL file `name` of a folder, parsed, when it exists and parses without errors. */
function parsedHclBeside(ctx: Pick<FrontEndContext, 'host'>, dir: string, name: string): HclFile | undefined {
  const file = path.join(dir, name);
  if (!ctx.host.isFile(file)) return undefined;
  const text = ctx.host.readText(file);
  if (text === undefined) return undefined;
  const parsed = parseHcl(text, file);
  return parsed.errors.length ? undefined : parsed;
}

/**
 * A local module call as written: `source = "./x"` or `"../x"` (what `localModuleSource` takes
 * as local). Read with a pattern over the text, before any parse: a match in another block
 * only merges two units that could have stayed apart, never splits a module from its caller.
 */
const LOCAL_SOURCE = /\bsource"?\s*[=:]\s*"(\.\.?\/[^"\n]*)"/g;

/**
 * A Terragrunt configuration's local `source` as written (module-facts.ts `terragruntSourceDir`
 * reads it exactly): a pattern over the text, as LOCAL_SOURCE, so a match elsewhere only joins
 * two units that could have stayed apart.
 */
const TERRAGRUNT_SOURCE = /\bsource\s*=\s*"(?:\$\{\s*get_terragrunt_dir\(\s*\)\s*\}\/)?(\.{1,2}(?:\/[^"\n]*)?)"/g;

/** The folders a `terragrunt.hcl` may run (TERRAGRUNT_SOURCE), resolved from its folder. */
function terragruntTargets(ctx: Pick<FrontEndContext, 'host' | 'facts'>, file: string): string[] {
  const written = planningFact(ctx, 'terragrunt-sources-1', file, isStringList, (text) => [...text.matchAll(TERRAGRUNT_SOURCE)].map((m) => m[1]!)) ?? [];
  return written.map((s) => path.resolve(path.dirname(file), s));
}

/** `yamldecode(` in a `.tf` file: its unit needs the YAML reader (`beforeUnits`). */
const YAML_DECODE = /\byamldecode\s*\(/;

interface PlanningFacts {
  /** The local module sources the file writes (`LOCAL_SOURCE`). */
  sources: string[];
  /** It calls `yamldecode`. */
  yaml: boolean;
  /** Where the data files it may make its unit decode are (terraform-data-files.ts). */
  data: string[];
  /** It declares a Kubernetes workload (`TERRAFORM_WORKLOAD_TYPE`): its unit reads the scan (`readsScan`). */
  k8s: boolean;
  /** It names an AKS cluster or node pool type (`AKS_TYPES`): its unit may feed the Kubernetes rules' view (k8s-scope.ts). */
  aks: boolean;
}

const isPlanningFacts = (v: unknown): v is PlanningFacts =>
  typeof v === 'object' && v !== null && isStringList((v as PlanningFacts).sources) && typeof (v as PlanningFacts).yaml === 'boolean' && typeof (v as PlanningFacts).k8s === 'boolean' && typeof (v as PlanningFacts).aks === 'boolean' && isStringList((v as PlanningFacts).data);

/**
 * What planning reads of a `.tf` file, in one read: its local module sources, whether it
 * decodes YAML, whether it declares Kubernetes workloads and whether it names an AKS type. The text is released for planning's bounded memory; the Host sets it aside for
 * the unit that reads it next (HostOptions.setAsideChars), within its bound.
 */
function planningFacts(ctx: Pick<FrontEndContext, 'host' | 'facts'>, file: string): PlanningFacts | undefined {
  return planningFact(ctx, 'tf-planning-7', file, isPlanningFacts, (text) => ({
    sources: [...text.matchAll(LOCAL_SOURCE)].map((m) => m[1]!),
    yaml: YAML_DECODE.test(text),
    data: dataFileEntries(text),
    k8s: TERRAFORM_WORKLOAD_TYPE.test(text),
    aks: AKS_TYPES.test(text),
  }));
}

/** Whether a `.tf` file names an AKS cluster or node pool type (a planning fact: read with the others). */
export function declaresAksType(ctx: Pick<FrontEndContext, 'host' | 'facts'>, file: string): boolean {
  return planningFacts(ctx, file)?.aks === true;
}

/**
 * `FrontEnd.mayRead`: the Terraform files (`.tf`, var files) that may make their unit decode a
 * file of `data` (terraform-data-files.ts). A data file that a `--var-file` names may be decoded
 * by any root, so then every Terraform file may.
 */
function decodersOf(files: readonly string[], data: readonly string[], ctx: Pick<FrontEndContext, 'host' | 'facts'> & Partial<Pick<FrontEndContext, 'cliVarFiles'>>): string[] {
  // Nothing to look for: no file's facts are read (each read is a file read without --cache).
  if (data.length === 0) return [];
  return [...tfDecodersOf(files, data, ctx), ...terragruntIncluders(files, data, ctx)];
}

/** `decodersOf` for the Terraform files and var files. */
function tfDecodersOf(files: readonly string[], data: readonly string[], ctx: Pick<FrontEndContext, 'host' | 'facts'> & Partial<Pick<FrontEndContext, 'cliVarFiles'>>): string[] {
  const tfFiles = files.filter((f) => {
    const kind = terraformFrontEnd.byName(f);
    return kind === 'terraform' || kind === 'tfvars' || kind === 'tfvars-json' || kind === 'tfvars-sample';
  });
  const viaCli = (ctx.cliVarFiles ?? []).some((v) => data.some((d) => entriesMayRead((ctx.host.isInside(v) ? planningFacts(ctx, v)?.data : undefined) ?? [], v, d)));
  if (viaCli) return tfFiles;
  return tfFiles.filter((f) => {
    const entries = planningFacts(ctx, f)?.data ?? [];
    return data.some((d) => entriesMayRead(entries, f, d));
  });
}

/** A `.hcl` path written in a Terragrunt configuration (`find_in_parent_folders("root.hcl")`, `path = "../root.hcl"`). */
const HCL_PATH = /"([^"\n]*\.hcl)"/gi;

/**
 * The `terragrunt.hcl` files of `files` that may include a parent configuration of `data`
 * (`root.hcl`, `env.hcl`: a `.hcl` file no front end reads, given to a files-only run): one below
 * its folder that writes its name (the include's values, `inputs`, are placed in it, as the
 * folder run places them). A superset: a name written elsewhere in the file joins too.
 */
function terragruntIncluders(files: readonly string[], data: readonly string[], ctx: Pick<FrontEndContext, 'host' | 'facts'>): string[] {
  const parents = data.filter((d) => /\.hcl$/i.test(d) && !isTerragruntFile(d));
  if (parents.length === 0) return [];
  return files.filter((t) => {
    if (!isTerragruntFile(t)) return false;
    const names = planningFact(ctx, 'terragrunt-hcl-paths-1', t, isStringList, (text) => [...new Set([...text.matchAll(HCL_PATH)].map((m) => path.basename(m[1]!)))]) ?? [];
    return parents.some((d) => isWithin(path.dirname(path.resolve(d)), path.resolve(t)) && names.includes(path.basename(d)));
  });
}

function localSources(ctx: Pick<FrontEndContext, 'host' | 'facts'>, file: string): string[] | undefined {
  return planningFacts(ctx, file)?.sources;
}

/**
 * `FrontEnd.filesOnlyFolders`: the folders under the root whose modules call the given files'
 * modules, directly or through other calls. A folder run joins a caller and the module it calls
 * in one unit (`terraformUnits`): the module is then evaluated with the caller's arguments and is
 * not a root. A pre-commit run given only the module's files must see the same callers, or it
 * reports the module's defaults and a missing backend (TF001) that the folder run does not.
 * A var file's module is the nearest folder with `.tf` files at or above it, as units pair them;
 * that folder is walked too. So is the module of each `.tf` file that may decode a given data
 * file (`decodersOf`), with its callers: the folder run places the data file's findings through it.
 */
async function callingFolders(given: readonly string[], wide: FilesOnlyView): Promise<string[]> {
  if (!given.some((f) => terraformFrontEnd.byName(f) !== undefined) && wide.dataFiles.length === 0) return [];
  // A given data file may be named in a var file too (`pools_file = "pools.yaml"`).
  const listed = await wide.list((f) => isTerraformFile(path.basename(f)) || isTerragruntFile(f) || (wide.dataFiles.length > 0 && /\.tfvars(?:\.json)?$/i.test(f)));
  const varAndTfFiles = listed.filter((f) => !isTerragruntFile(f));
  const tfFiles = varAndTfFiles.filter((f) => isTerraformFile(path.basename(f)));
  const tfDirs = new Set(tfFiles.map((f) => path.dirname(f)));
  const callers = new Map<string, string[]>();
  /** The other way: each module folder → the scanned module folders it calls. */
  const callees = new Map<string, string[]>();
  for (const f of tfFiles) {
    const dir = path.dirname(f);
    for (const s of localSources(wide, f) ?? []) {
      const target = path.resolve(dir, s);
      if (target === dir) continue;
      addCaller(callers, target, dir);
      if (tfDirs.has(target)) addCaller(callees, dir, target);
    }
  }
  // Only Terraform's own files have a module; a var file's module folder is walked too (the
  // folder run pairs the var file with it, also from a subfolder without .tf files).
  // A given data file: the modules that may decode it are walked as if their files were given.
  const own = [...given.filter((f) => terraformFrontEnd.byName(f) !== undefined && !isTerragruntFile(f)), ...(wide.dataFiles.length > 0 ? decodersOf(varAndTfFiles, wide.dataFiles, wide) : [])];
  // A given terragrunt.hcl, or a var file beside one (copied into its working directory): the
  // module it runs is evaluated with it (the folder run joins them).
  const besideVarFile = given.filter((f) => /\.tfvars(?:\.json)?$/i.test(f)).map((f) => path.join(path.dirname(f), TERRAGRUNT_FILE)).filter((t) => wide.host.isFile(t));
  // A given parent configuration (`root.hcl`): the terragrunt.hcl files that include it, as if given.
  const includers = wide.dataFiles.length > 0 ? terragruntIncluders(listed, wide.dataFiles, wide) : [];
  const run = [...given.filter(isTerragruntFile), ...besideVarFile, ...includers].flatMap((f) => terragruntTargets(wide, f)).filter((d) => tfDirs.has(d));
  const modules = [...own.map((f) => moduleFolderOf(f, tfDirs, wide.root)).filter((d): d is string => d !== undefined), ...run];
  const walked = new Set([...modules, ...upstreamOf(modules, callers)]);
  // A given data file: the local modules the walked roots call are walked too. The folder run
  // evaluates a root with them in one unit, and a finding in the data file through a module that
  // several roots call names each root's call (its related locations); read from outside the
  // walked folders, the module would name none.
  if (wide.dataFiles.length > 0) for (const d of upstreamOf(walked, callees)) walked.add(d);
  // A configuration that declares Kubernetes workloads judges them against the GPU pools of the
  // whole repository (K8S001/K8S002, as a manifest's: k8s-scope.ts): walk all of it.
  if (declaresWorkloads([...walked].flatMap((d) => terraformFilesIn(d, wide.host)), wide)) return [wide.root];
  // The Terragrunt configurations that run a walked module give it its backend (TF001): their folders too.
  for (const t of listed) if (isTerragruntFile(t) && terragruntTargets(wide, t).some((d) => walked.has(d))) walked.add(path.dirname(t));
  for (const t of includers) walked.add(path.dirname(t));
  return [...walked].sort();
}

/** The `.tf`/`.tf.json` files of a folder. */
function terraformFilesIn(dir: string, host: FilesOnlyView['host']): string[] {
  return (host.list(dir) ?? []).filter((e) => e.isFile && isTerraformFile(e.name)).map((e) => e.path);
}

function tfPaths(files: readonly ClassifiedFile[]): string[] {
  return files.filter((f) => f.kind === 'terraform').map((f) => f.path);
}

/** The most files `configurationFacts` reads the planning facts of (a bound for hostile module graphs). */
const MAX_WORKLOAD_SEARCH_FILES = 20_000;

/**
 * Whether Terraform files, or the local modules they call (transitively, inside the root, also
 * outside the scanned folders), declare a Kubernetes workload (`PlanningFacts.k8s`): their unit
 * reads the workload reader and runs late (`readsScan`), and a pre-commit run walks the repository.
 */
function declaresWorkloads(tfFiles: readonly string[], ctx: Pick<FrontEndContext, 'host' | 'facts'> & Partial<Pick<FrontEndContext, 'tfDataDir'>>): boolean {
  return configurationFacts(tfFiles, ctx).k8s;
}

/**
 * What the files of the configuration `tfFiles` belong to say, in one walk: whether one declares a
 * Kubernetes workload (`k8s`) and whether one decodes YAML (`yaml`: it calls `yamldecode`, or a
 * workload's YAML text is decoded). Its own files, the local modules they call (also outside the
 * scanned folders) and the registry copies its module manifest lists, followed as Terraform
 * evaluates them; the walk stops at the first workload, which says both.
 */
function configurationFacts(tfFiles: readonly string[], ctx: Pick<FrontEndContext, 'host' | 'facts'> & Partial<Pick<FrontEndContext, 'tfDataDir'>>): { yaml: boolean; k8s: boolean } {
  let yaml = false;
  const seen = new Set(tfFiles.map((f) => path.dirname(f)));
  const queue = [...tfFiles];
  // The registry and Git modules `terraform init` copied for a root (its module manifest): their
  // workloads are evaluated with it (self-review 98).
  for (const dir of [...seen]) {
    const manifest = readModuleManifest(ctx.host, dir, ctx.tfDataDir);
    const parsed = manifest ? parseManifest(manifest.file, manifest.text, dir) : undefined;
    for (const r of parsed?.records.values() ?? []) {
      if (seen.has(r.dir) || !ctx.host.isInside(r.dir)) continue;
      seen.add(r.dir);
      queue.push(...terraformFilesIn(r.dir, ctx.host));
    }
  }
  for (let i = 0; i < queue.length && i < MAX_WORKLOAD_SEARCH_FILES; i++) {
    const f = queue[i]!;
    const facts = planningFacts(ctx, f);
    if (!facts) continue;
    if (facts.k8s) return { yaml: true, k8s: true };
    yaml ||= facts.yaml;
    for (const s of facts.sources) {
      const dir = path.resolve(path.dirname(f), s);
      if (seen.has(dir) || !ctx.host.isInside(dir)) continue;
      seen.add(dir);
      queue.push(...terraformFilesIn(dir, ctx.host));
    }
  }
  return { yaml, k8s: false };
}

/**
 * Whether a unit's Terraform files call a local module outside them (a folder the run does not
 * scan: `infra/` calling `../modules/aks` when only `infra/` is given): what that module declares
 * (an AKS pool) is known only by evaluating the unit, not from its files' text.
 */
export function callsModulesOutside(files: readonly ClassifiedFile[], ctx: Pick<FrontEndContext, 'host' | 'facts'>): boolean {
  const own = new Set(files.map((f) => path.dirname(f.path)));
  return tfPaths(files).some((f) => (planningFacts(ctx, f)?.sources ?? []).some((s) => !own.has(path.resolve(path.dirname(f), s))));
}

/** `terragrunt.hcl`, as `byName` classes it (without its other patterns: asked of every file a pre-commit run lists). */
function isTerragruntFile(file: string): boolean {
  return TERRAGRUNT_PATH.test(file);
}

/**
 * The module a file belongs to: the nearest folder at or above it, up to `root`, that holds
 * `.tf` files (`tfDirs`), as a var file in `config/prod.tfvars` is paired with the module above.
 */
function moduleFolderOf(file: string, tfDirs: ReadonlySet<string> | ReadonlyMap<string, unknown>, root: string): string | undefined {
  return nearestFolder(file, root, (d) => tfDirs.has(d));
}

/**
 * Units of work (issue 15): the folders of .tf files joined by local module calls (a root
 * module with the local modules it calls, also through folders outside the scanned paths),
 * with the var files of each (the nearest folder with .tf files at or above them, as
 * evaluateTerraform pairs them). A state file is a unit of its own (only TF002 reads it).
 */
function terraformUnits(files: readonly ClassifiedFile[], ctx: FrontEndContext): ClassifiedFile[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const add = (x: string): void => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const tfDirs = new Map<string, string[]>();
  for (const f of files) {
    if (f.kind !== 'terraform') continue;
    const d = path.dirname(f.path);
    const list = tfDirs.get(d);
    if (list) list.push(f.path);
    else tfDirs.set(d, [f.path]);
  }
  // The local folders a folder calls, read from its .tf texts (a folder outside the scanned
  // paths through the Host, as the evaluator's loader does).
  const calls = new Map<string, string[]>();
  const callsOf = (dir: string): string[] => {
    let out = calls.get(dir);
    if (out) return out;
    out = [];
    calls.set(dir, out);
    const tfs = tfDirs.get(dir) ?? (ctx.host.isInside(dir) ? ctx.host.list(dir)?.filter((e) => e.isFile && isTerraformFile(e.name)).map((e) => e.path) : undefined) ?? [];
    const targets = new Set<string>();
    for (const f of tfs) for (const s of localSources(ctx, f) ?? []) targets.add(path.resolve(dir, s));
    targets.delete(dir);
    out.push(...targets);
    return out;
  };
  // Joins every scanned folder reachable from `dir` through calls (outside folders included).
  const visited = new Set<string>();
  const walk = (from: string, dir: string): void => {
    for (const t of callsOf(dir)) {
      if (tfDirs.has(t)) {
        add(t);
        union(from, t);
      }
      const edge = `${from}\u0000${t}`;
      if (visited.has(edge)) continue;
      visited.add(edge);
      if (!tfDirs.has(t)) walk(from, t);
    }
  };
  for (const d of tfDirs.keys()) add(d);
  for (const d of [...tfDirs.keys()].sort()) walk(d, d);
  // A terragrunt.hcl joins the module it runs: its own folder's, and the folder its
  // `terraform { source }` names (TF001 reads the backend it gives them).
  const runs = new Map<string, string>();
  for (const f of files) {
    if (f.kind !== 'terragrunt') continue;
    const own = path.dirname(f.path);
    const targets = terragruntTargets(ctx, f.path).filter((t) => tfDirs.has(t));
    const anchor = tfDirs.has(own) ? own : targets[0];
    if (anchor === undefined) continue;
    for (const t of targets) union(anchor, t);
    runs.set(f.path, anchor);
  }
  const groups = new Map<string, ClassifiedFile[]>();
  const put = (key: string, f: ClassifiedFile): void => {
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  };
  // The var files beside a live configuration are loaded with the module it runs (Terragrunt
  // copies its folder's files into the working directory).
  const runnerFolders = new Map<string, string>();
  for (const [file, anchor] of runs) runnerFolders.set(path.dirname(file), anchor);
  for (const f of files) {
    if (f.kind === 'terraform') put(find(path.dirname(f.path)), f);
    else if ((f.kind === 'tfvars' || f.kind === 'tfvars-json') && !tfDirs.has(path.dirname(f.path)) && runnerFolders.has(path.dirname(f.path))) put(find(runnerFolders.get(path.dirname(f.path))!), f);
    else if (f.kind === 'tfvars' || f.kind === 'tfvars-json') {
      const module = moduleFolderOf(f.path, tfDirs, ctx.root);
      put(module !== undefined ? find(module) : `\u0000${f.path}`, f);
    } else if (f.kind === 'terragrunt' && runs.has(f.path)) put(find(runs.get(f.path)!), f);
    else put(`\u0000${f.path}`, f);
  }
  return [...groups.values()];
}

/**
 * Terraform refuses bytes that are not UTF-8 in native syntax outside comments (hclsyntax's
 * scanner makes them a TokenBadUTF8 in strings, heredocs and between tokens: "Invalid character
 * encoding: All input files must be UTF-8 encoded"; its comment patterns take any byte): a
 * PARSE001 at the first such byte. JSON syntax reads them as U+FFFD (Go's json.Unmarshal), so a
 * `.tf.json` file is never refused. What was read around it is still used, as after any syntax error.
 */
function withEncodingError(parsed: HclFile, offsets: readonly number[] | undefined): HclFile {
  if (offsets === undefined || parsed.file.toLowerCase().endsWith('.tf.json')) return parsed;
  const inComment = (at: number): boolean => parsed.comments.some((c) => c.range.start.offset <= at && at < c.range.end.offset);
  const at = offsets.find((o) => !inComment(o));
  if (at === undefined) return parsed;
  const range = new LineMap(parsed.text).range(at, at + 1);
  const error = { message: 'Invalid character encoding: all input files must be UTF-8 encoded, and this character is not; save the file as UTF-8 in your editor', range };
  parsed.errors = [error, ...parsed.errors].sort((a, b) => a.range.start.offset - b.range.start.offset);
  return parsed;
}

/** Parses a `.tf` file, or a `.tf.json` file into the same AST (src/parse/hcl/tf-json.ts). */
export function parseTerraform(text: string, file: string): HclFile {
  return file.toLowerCase().endsWith('.tf.json') ? parseTfJson(text, file, nestedBlocksOf) : parseHcl(text, file);
}

const NESTED_BLOCKS = new Map<string, ReadonlySet<string>>();

/**
 * The nested blocks of an azurerm type that the tables read (`default_node_pool`,
 * `scale_settings.0.…`): in `.tf.json` an object under such a name is that block, not an
 * object argument. Also the blocks every resource may have that no table reads but whose
 * contents must not become arguments (`identity`).
 */
function nestedBlocksOf(type: string): ReadonlySet<string> {
  let names = NESTED_BLOCKS.get(type);
  if (names) return names;
  const found = new Set<string>(['identity']);
  const spec = Object.hasOwn(AZURERM_TABLE, type) ? AZURERM_TABLE[type] : undefined;
  const paths = [...(spec?.attrs.flatMap((a) => a.paths) ?? []), ...Object.values(spec?.refs ?? {}).flat()];
  for (const p of paths) {
    const segs = p.split('.');
    for (let i = 0; i + 1 < segs.length; i++) if (/^\d+$/.test(segs[i + 1]!)) found.add(segs[i]!);
  }
  for (const el of spec?.elements ?? []) found.add(el.path.split('.')[0]!);
  names = found;
  NESTED_BLOCKS.set(type, names);
  return names;
}

/**
 * Why a var file of a unit without `.tf` files is not evaluated (`--verbose`): the module at or
 * above it on disk that the scanned paths left out (`lint infra/env` for `infra/main.tf`), or none.
 */
function unevaluatedVarFileReason(file: string, ctx: Pick<FrontEndContext, 'host' | 'root'>): string {
  const after = '(only SEC001 reads them)';
  const dir = nearestFolder(file, ctx.root, (d) => ctx.host.list(d)?.some((e) => e.isFile && e.name.endsWith('.tf')) === true);
  if (dir !== undefined) {
    const module = path.relative(ctx.root, dir) || '.';
    return `the module at or above it (${module}) is not among the scanned paths, so it is not evaluated with its values ${after}; lint ${module} with --var-file ${path.relative(ctx.root, file)}`;
  }
  return `no folder at or above it holds .tf files, so no module is evaluated with its values ${after}; lint the module it is for with --var-file`;
}

/**
 * A block in a `.tfvars` file: Terraform stops there ("Blocks are not allowed here": a variable
 * file holds only `name = value` assignments), and the linter read the file's other values as if
 * it were fine (review 71). One PARSE001 per block, at its header.
 */
function varFileBlockProblems(parsed: HclFile, problems: Problem[]): void {
  for (const item of parsed.body.items) {
    if (item.type !== 'Block') continue;
    const name = [item.blockType, ...item.labels.map((l) => JSON.stringify(l.value))].join(' ');
    problems.push({
      ruleId: 'PARSE001',
      message: `Block \`${name}\` in a variable file: Terraform refuses it ("Blocks are not allowed here"); a .tfvars file holds only assignments (name = value), so move the block to a .tf file`,
      location: { file: parsed.file, range: { start: item.typeRange.start, end: item.openBraceRange.end } },
    });
  }
}
