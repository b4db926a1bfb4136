/**
 * Terraform across a scan: groups `.tf` files into module folders, finds the root
 * modules (folders no scanned `module` block uses), pairs var files with them as
 * variants (RULES.md "Variants") and evaluates each root once per variant.
 */
import path from 'node:path';
import type { Block, HclFile } from '../../parse/hcl/ast.js';
import type { EnvClass } from '../../core/env.js';
import type { Evaluation, OpaqueModuleCall } from '../types.js';
import { fileStart, type Location } from '../../core/source.js';
import { dataDirPlace, parseManifest, remoteCopyDir, type ModuleManifest } from './manifest.js';
import { buildModuleFacts, isBackendFile, linkConfigurations, lockedProviderTypes, lockedProviderVersions, terragruntSourceDir, type RootConfiguration, type TerraformModuleFacts, type TerragruntFacts } from './module-facts.js';
import { providerVersionCeiling } from './provider-versions.js';
import { classifyPath, ENV_RANK, envFromVariables, evaluationEnv, readIgnoringCase } from '../../core/env.js';
import { unknown, type Value } from '../../core/value.js';
import { attr, blockHeader, buildModuleSource, childBlocks, fileText, localDir, sourceText, type Duplicate, type ModuleSource } from './module-source.js';
import { literalAttr, localModuleSource, ModuleInstance, type EvalProblem, type RemoteModuleResolver, type TfResource } from './instance.js';
import { EvalGuard } from './guard.js';
import { AUTO_VARFILE, autoOrder, readVarFile, varFileParses } from './tfvars.js';
import { terragruntRun, type TerragruntRun } from './terragrunt.js';
import { dataFileReader } from './data-files.js';
import type { DecodedHeredoc } from './heredoc-yaml.js';
import { relativePath } from './paths.js';
import { isWithin } from '../../core/paths.js';

export interface TerraformInput {
  root: string;
  /** Absolute paths of the `.tf` files in the scan. */
  tfFiles: string[];
  /** Absolute paths of `.tfvars` / `.tfvars.json` files in the scan. */
  varFiles: string[];
  /** `--var-file` arguments (absolute): when given, roots are evaluated with these only. */
  cliVarFiles: string[];
  parseHcl(file: string): HclFile | undefined;
  readText(file: string): string | undefined;
  /** `--env` */
  envOverride?: EnvClass;
  /** The scan root's folders from its repository's top (FrontEndContext.envAbove). */
  envAbove?: string;
  /** The config file's `environments` glob map, applied to a root-relative path. */
  envForPath?(relPath: string): EnvClass | undefined;
  /** True when a folder is inside the scan root (modules outside are not read). */
  insideRoot(dir: string): boolean;
  /** The `.tf` files of a folder that was not among the scanned paths (undefined if none). */
  listTfFiles(dir: string): string[] | undefined;
  /** Every file of a folder (absolute paths), for the backend files beside a root (TF001); none when absent. */
  listFiles?(dir: string): string[];
  /** The parsed `.terraform.lock.hcl` of a folder, when it has one that parses (TF003); none when absent. */
  lockFile?(dir: string): HclFile | undefined;
  /** The parsed `terragrunt.hcl` of a folder, when it has one that parses (TF001); none when absent. */
  terragruntConfig?(dir: string): HclFile | undefined;
  /** Absolute paths of the scanned `terragrunt.hcl` files of the unit: one whose `terraform { source }` names a root's folder runs it (TF001). */
  terragruntFiles?: string[];
  /** A Terragrunt configuration a run includes (`root.hcl`), parsed; none when absent, outside the root or not HCL. */
  readHcl?(file: string): HclFile | undefined;
  /**
   * The module manifest of a root module (`.terraform/modules/modules.json`, or under
   * `--tf-data-dir`), read through the Host: its path and text, none when absent.
   */
  moduleManifest?(rootDir: string): { file: string; text: string } | undefined;
  /** `--tf-data-dir` as given (the manifest's folder, relative to each root module), for the words of EVAL002. */
  tfDataDir?: string;
}

export interface TerraformEvaluation {
  evaluation: Evaluation;
  resources: TfResource[];
  /** Remote module calls of this evaluation with no usable copy (EVAL002, GPU005). */
  opaqueModules: OpaqueModuleCall[];
  /** Resource blocks with no instance in this evaluation (`count = 0`, or in a module a call makes no instance of): SEC001 alone reads them. */
  inertResources: TfResource[];
  /** Whether the configuration allows only azurerm versions below a given one (its version constraints; absent: unbounded). */
  azurermOnlyBelow?: (version: string) => boolean;
}

export interface TerraformProject {
  evaluations: TerraformEvaluation[];
  modules: TerraformModuleFacts[];
  problems: EvalProblem[];
  /** Data files read by `yamldecode(file())`/`jsondecode(file())`, by path. */
  dataFiles: Map<string, 'yaml' | 'json'>;
  /** The heredocs decoded as YAML (yamldecode, a kubectl_manifest's yaml_body), once each: their comments are YAML comments. */
  heredocs: Set<DecodedHeredoc>;
}

/**
 * The variables a Terragrunt run gives, into `inputs`: its inputs (its parents' merged in); every
 * variable when they are not known, and every other one when it may set more than it shows
 * (an unread parent, `extra_arguments` var files).
 */
function terragruntRunInputs(run: TerragruntRun, variables: Iterable<string>, inputs: Map<string, Value>): void {
  if (typeof run.inputs === 'string') {
    for (const name of variables) inputs.set(name, unknown(run.inputs));
    return;
  }
  for (const [k, v] of run.inputs) inputs.set(k, v);
  if (run.othersNotKnown === undefined) return;
  for (const name of variables) if (!run.inputs.has(name)) inputs.set(name, unknown(run.othersNotKnown));
}

/**
 * Folders evaluated through their callers: used as a local module source by another
 * scanned folder that is itself reached from a folder nobody calls. A folder that calls
 * itself, or sits in a cycle no root reaches, is evaluated as a root of its own, so its
 * findings never vanish (the cycle is reported at the call).
 */
function calledModules(dirs: readonly string[], callees: (dir: string) => readonly string[]): Set<string> {
  const hasCaller = new Set<string>();
  for (const dir of dirs) for (const t of callees(dir)) hasCaller.add(t);
  const reached = new Set<string>();
  const queue = dirs.filter((d) => !hasCaller.has(d));
  for (let i = 0; i < queue.length; i++) {
    for (const t of callees(queue[i]!)) {
      if (reached.has(t)) continue;
      reached.add(t);
      queue.push(t);
    }
  }
  return reached;
}

export function evaluateTerraform(input: TerraformInput): TerraformProject {
  const problems: EvalProblem[] = [];
  const dataFiles = new Map<string, 'yaml' | 'json'>();
  const heredocs = new Set<DecodedHeredoc>();
  // One guard for the project: a file's time budget is shared by every variant evaluating it.
  const guard = new EvalGuard((p) => problems.push(p));
  const byDir = new Map<string, string[]>();
  for (const f of input.tfFiles) {
    const d = path.dirname(f);
    const files = byDir.get(d);
    if (files) files.push(f);
    else byDir.set(d, [f]);
  }
  const sources = new Map<string, ModuleSource | undefined>();
  const loader = (dir: string): ModuleSource | undefined => {
    if (sources.has(dir)) return sources.get(dir);
    // A module folder outside the scanned paths is read from disk when it is inside the root.
    const files = byDir.get(dir) ?? (input.insideRoot(dir) ? input.listTfFiles(dir) : undefined);
    const parsed = (files ?? []).map((f) => input.parseHcl(f)).filter((x): x is HclFile => x !== undefined);
    const src = files ? buildModuleSource(dir, parsed.sort((a, b) => (a.file < b.file ? -1 : 1))) : undefined;
    sources.set(dir, src);
    for (const d of src?.duplicates ?? []) problems.push(duplicateProblem(d, input.root));
    return src;
  };

  // The local modules each folder calls (resolved folders, itself left out).
  const calleeCache = new Map<string, string[]>();
  const callees = (dir: string): string[] => {
    let out = calleeCache.get(dir);
    if (out) return out;
    const targets = new Set<string>();
    const src = loader(dir);
    if (src) {
      for (const call of src.moduleCalls.values()) {
        const s = localModuleSource(call.node);
        if (s) targets.add(localDir(src, s));
      }
    }
    targets.delete(dir);
    out = [...targets];
    calleeCache.set(dir, out);
    return out;
  };
  const called = calledModules([...byDir.keys()], callees);

  // Each var file belongs to the nearest folder (itself or an ancestor) with .tf files.
  const varFilesByDir = new Map<string, string[]>();
  for (const vf of input.varFiles) {
    let d = path.dirname(vf);
    while (!byDir.has(d)) {
      const up = path.dirname(d);
      if (up === d || !isInside(input.root, up)) break;
      d = up;
    }
    if (!byDir.has(d)) continue;
    const files = varFilesByDir.get(d);
    if (files) files.push(vf);
    else varFilesByDir.set(d, [vf]);
  }

  // Registry module copies: one manifest per root folder; each copied folder is parsed once
  // (the loader caches by folder) however many calls use it. A problem met inside a copy is
  // reported at the user's call into it (no finding names a path under `.terraform/`).
  const manifests = new Map<string, ModuleManifest | undefined>();
  const manifestOf = (dir: string): ModuleManifest | undefined => {
    if (!manifests.has(dir)) {
      const m = input.moduleManifest?.(dir);
      manifests.set(dir, m ? parseManifest(m.file, m.text, dir) : undefined);
    }
    return manifests.get(dir);
  };
  const copiedDirs = new Map<string, Location>();
  const remoteFor = (rootDir: string): RemoteModuleResolver => (key, source, version) => remoteCopyDir(manifestOf(rootDir), key, source, version, input.insideRoot, input.root, dataDirPlace(input.root, rootDir, input.tfDataDir));

  const evaluations: TerraformEvaluation[] = [];
  const modules: TerraformModuleFacts[] = [];
  const factsByDir = new Map<string, TerraformModuleFacts>();
  // The unit's Terragrunt configurations by the folder their `terraform { source }` runs (read once, when a root asks).
  let runners: Map<string, TerragruntRun[]> | undefined;
  const terragruntRunners = (): Map<string, TerragruntRun[]> => {
    if (runners) return runners;
    runners = new Map();
    for (const file of input.terragruntFiles ?? []) {
      const parsed = input.parseHcl(file);
      // (One that does not parse runs nothing: Terragrunt refuses it, and it is a PARSE001 of its own.)
      const source = parsed && parsed.errors.length === 0 ? terragruntSourceDir(file, parsed.text, parsed.body) : undefined;
      if (!parsed || !source) continue;
      const list = runners.get(source.dir) ?? [];
      const run = terragruntRun(parsed, readHcl, guard, source.at);
      // Terragrunt copies the configuration's folder into the working directory: a backend
      // written there (`backend.tf`, a backend file) is the module's when the configuration gives none.
      const copied = path.dirname(file) !== source.dir && !run.facts.backend ? copiedBackend(path.dirname(file)) : undefined;
      list.push(copied ? { ...run, facts: { ...run.facts, backend: copied } } : run);
      runners.set(source.dir, list);
    }
    return runners;
  };
  /** The Terragrunt configurations that run a folder: the one beside it (when it names no other source), and those elsewhere whose source names it. */
  const runsOf = (dir: string): TerragruntRun[] => {
    const beside = besideRun(dir);
    return [...(beside ? [beside] : []), ...(terragruntRunners().get(dir) ?? []).filter((r) => r.file !== beside?.file)];
  };
  /** The terragrunt.hcl beside a folder's .tf files, when it runs them (no `source`, or one naming the folder itself: `"."`). */
  const besides = new Map<string, TerragruntRun | undefined>();
  const besideRun = (dir: string): TerragruntRun | undefined => {
    if (besides.has(dir)) return besides.get(dir);
    const beside = besideConfig(dir);
    const source = beside && terragruntSourceDir(beside.file, beside.text, beside.body);
    const run = beside && (source === undefined || source.dir === dir) ? terragruntRun(beside, readHcl, guard, source?.at) : undefined;
    besides.set(dir, run);
    return run;
  };
  // Each configuration read and parsed once per evaluation: every live configuration includes the same root.hcl.
  const parsedConfigs = new Map<string, HclFile | undefined>();
  const parsedOnce = (key: string, read: () => HclFile | undefined): HclFile | undefined => {
    if (!parsedConfigs.has(key)) parsedConfigs.set(key, read());
    return parsedConfigs.get(key);
  };
  const readHcl = (file: string): HclFile | undefined => parsedOnce(file, () => input.readHcl?.(file));
  const besideConfig = (dir: string): HclFile | undefined => parsedOnce(`beside\u0000${dir}`, () => input.terragruntConfig?.(dir));
  /**
   * A root without a lock file of its own that Terragrunt runs from elsewhere: Terragrunt keeps the
   * lock file beside each configuration. A provider is locked when every configuration's lock
   * file locks it (one that does not lock it leaves that run unpinned); the versions, when one runs it.
   */
  const lockOfRuns = (dir: string, facts: TerraformModuleFacts): void => {
    const elsewhere = (terragruntRunners().get(dir) ?? []).filter((r) => path.dirname(r.file) !== dir);
    if (elsewhere.length === 0) return;
    const locks = elsewhere.map((r) => input.lockFile?.(path.dirname(r.file))?.body.items.filter((i): i is Block => i.type === 'Block'));
    if (locks.some((l) => l === undefined)) return;
    const sets = locks.map((l) => lockedProviderTypes(l!));
    facts.lockedProviders = new Set([...sets[0]!].filter((t) => sets.every((x) => x.has(t))));
    if (locks.length === 1) facts.lockedVersions = lockedProviderVersions(locks[0]!);
  };
  /** The backend a folder's own `.tf` files declare, or a backend file there gives (TF001's files), where. */
  const copiedBackend = (folder: string): TerragruntFacts['backend'] => {
    const src = loader(folder);
    for (const t of src?.terraformBlocks ?? []) {
      const b = childBlocks(t.node, 'backend')[0] ?? childBlocks(t.node, 'cloud')[0];
      if (b) return { type: b.blockType === 'cloud' ? 'cloud' : (b.labels[0]?.value ?? ''), at: blockHeader(b, t.file) };
    }
    const file = (input.listFiles?.(folder) ?? []).find((f) => isBackendFile(path.basename(f)));
    return file ? { type: 'file', at: fileStart(file) } : undefined;
  };
  /**
   * The facts of a folder (also a called folder outside the scanned paths, or a module copy:
   * `copyOf`, the user's call into it): built once.
   */
  const factsOf = (dir: string, isRoot = false, copyOf?: TerraformModuleFacts['copyOf']): TerraformModuleFacts | undefined => {
    const known = factsByDir.get(dir);
    if (known) return known;
    const src = loader(dir);
    if (!src) return undefined;
    const facts = buildModuleFacts(src, isRoot, guard, isRoot ? (input.listFiles?.(dir) ?? []) : []);
    if (copyOf) facts.copyOf = copyOf;
    if (isRoot) {
      // (The one beside it with another source still gives its backend as written, as before it ran another folder.)
      const tg = besideConfig(dir);
      const beside = besideRun(dir) ?? (tg ? terragruntRun(tg, readHcl, guard) : undefined);
      if (beside) facts.terragrunt.push(beside.facts);
      for (const runner of terragruntRunners().get(dir) ?? []) if (runner.file !== beside?.file) facts.terragrunt.push(runner.facts);
    }
    // A folder nothing calls is where `terraform init` runs (a root by RULES.md TF001, or a
    // configuration without provider blocks): its lock file selects the provider versions.
    // A module copy is never where it runs.
    if (isRoot || (!called.has(dir) && !copyOf)) {
      const lock = input.lockFile?.(dir);
      if (lock) {
        const blocks = lock.body.items.filter((i): i is Block => i.type === 'Block');
        if (isRoot) facts.lockedProviders = lockedProviderTypes(blocks);
        facts.lockedVersions = lockedProviderVersions(blocks);
      } else if (isRoot) lockOfRuns(dir, facts);
    }
    factsByDir.set(dir, facts);
    return facts;
  };
  // Module copies that sit among the scanned folders (a TF_DATA_DIR outside `.terraform`,
  // which discovery skips): evaluated only through the calls they belong to, never as roots.
  const copies = new Set<string>();
  for (const dir of byDir.keys()) for (const rec of manifestOf(dir)?.records.values() ?? []) copies.add(rec.dir);
  /** The module a --var-file belongs to: the nearest folder at or above it, inside the root, with .tf files (each file asked once). */
  const ownerOf = new Map<string, string | undefined>();
  const moduleHolding = (file: string): string | undefined => {
    if (ownerOf.has(file)) return ownerOf.get(file);
    let owner: string | undefined;
    for (let d = path.dirname(file); isWithin(input.root, d); d = path.dirname(d)) {
      if (byDir.has(d) || (input.insideRoot(d) && (input.listTfFiles(d)?.length ?? 0) > 0)) {
        owner = d;
        break;
      }
      if (d === input.root || path.dirname(d) === d) break;
    }
    ownerOf.set(file, owner);
    return owner;
  };
  /**
   * The --var-files that are this uncalled module's values, in the order given: they are a root
   * module's (RULES.md "Variants"). A file in a module's folder (or below it, where no other
   * module is) is that module's alone; one outside every module (`envs/prod.tfvars`, a CAF
   * configuration folder) is every root's, and the scan root's. A reusable module elsewhere in the
   * scan keeps its defaults, and a root another root's file does not name keeps its own var files
   * (review 130: `demos/x/prod.tfvars` made every module of a monorepo prod; review 131: by the
   * variables a file assigns, a root declaring none of them lost the file, two roots declaring
   * `location` both took it).
   */
  const cliVarFilesOf = (dir: string, isRoot: boolean): string[] =>
    input.cliVarFiles.filter((f) => {
      // A module that roots call is run through them: its folder's file is theirs, as one outside
      // every module is (review 132: `infra/environments/prod.tfvars` of a shared `infra/` module
      // that `infra/deployments/prod` calls went to no module).
      const owner = moduleHolding(f);
      return owner !== undefined && !called.has(owner) ? owner === dir : isRoot || dir === input.root;
    });
  /**
   * The variants a module's --var-files make: one, or with Terragrunt runs, each run with the files
   * that are its own (Terraform loads them over the run's TF_VAR_ inputs): the module's, and one
   * outside every module in the run configuration's folder or above it (`live/prod/common.tfvars`
   * goes with `live/prod/kv/terragrunt.hcl`, not with `live/dev/kv/`). Files no run takes are
   * evaluated on their own too.
   */
  const cliVariants = (dir: string, files: readonly string[], runs: readonly TerragruntRun[]): { file: string; files?: readonly string[]; run?: TerragruntRun }[] => {
    if (runs.length === 0) return [{ file: files[files.length - 1]!, files }];
    const taken = new Set<string>();
    const out: { file: string; files?: readonly string[]; run?: TerragruntRun }[] = runs.map((run) => {
      const own = files.filter((f) => moduleHolding(f) === dir || isWithin(path.dirname(f), path.dirname(run.file)));
      for (const f of own) taken.add(f);
      return own.length > 0 ? { file: run.file, run, files: own } : { file: run.file, run };
    });
    if (files.some((f) => !taken.has(f))) out.push({ file: files[files.length - 1]!, files });
    return out;
  };
  // The blocks with no instance SEC001 reads, each once for the unit (instance.ts inertDeclarations).
  const inertSeen = new Set<string>();
  const inertPending: { instance: ModuleInstance; entry: TerraformEvaluation }[] = [];
  for (const dir of [...byDir.keys()].sort()) {
    if (copies.has(dir)) continue;
    const src = loader(dir)!;
    // A var file Terraform refuses (its PARSE001 is reported), as a broken ARM parameter file
    // (eval/arm/project.ts): no variant of its own while another var file gives one; when none
    // does, the module is evaluated once with every variable unknown, as it is when an
    // auto-loaded file is refused (every plan loads it). What the file would have given is not
    // known, and a default would be a guess (review 74, self-review 75).
    const varFilesHere = (varFilesByDir.get(dir) ?? []).slice().sort();
    const parses = (f: string): boolean => varFileParses(f, input);
    const isRoot = !called.has(dir) && (src.providers.length > 0 || hasBackend(src) || varFilesHere.length > 0);
    modules.push(factsOf(dir, isRoot)!);
    const cliFiles = called.has(dir) ? [] : cliVarFilesOf(dir, isRoot);
    const cli = cliFiles.length > 0;
    // The Terragrunt configurations that run the folder give it a variant each (their inputs); with
    // --var-files too, which Terraform loads over the TF_VAR_ inputs a run gives (review 132).
    const runs = runsOf(dir);
    // Evaluated through its callers, with their arguments; Terragrunt also runs it on its own.
    if (called.has(dir) && runs.length === 0) continue;

    const allAuto = varFilesHere.filter((f) => path.dirname(f) === dir && AUTO_VARFILE.test(path.basename(f)));
    const auto = allAuto.filter(parses);
    // A backend configuration (`prod.backend.tfvars`, for `terraform init -backend-config`) is no var file.
    const candidates = cli ? [] : varFilesHere.filter((f) => !allAuto.includes(f) && !isBackendFile(path.basename(f)) && classifyPath(relativePath(dir, f)) !== undefined);
    const variantFiles = candidates.filter(parses);
    // The --var-files are one evaluation, loaded in the order given as `terraform plan -var-file a
    // -var-file b` loads them (a later one wins); Terraform refuses the run when one does not parse.
    const unreadable = allAuto.find((f) => !parses(f)) ?? (cli ? cliFiles.find((f) => !parses(f)) : variantFiles.length === 0 ? candidates.find((f) => !parses(f)) : undefined);
    const variants: { file?: string; files?: readonly string[]; run?: TerragruntRun }[] = cli
      ? cliVariants(dir, cliFiles, runs)
      : [...(called.has(dir) ? [] : variantFiles.map((file) => ({ file }))), ...runs.map((run) => ({ file: run.file, run }))];
    if (variants.length === 0) variants.push({});
    for (const { file: variantFile, files: layered, run } of variants) {
      const inputs = new Map<string, Value>();
      // Terragrunt's inputs are TF_VAR_ variables: the var files Terraform loads itself override them.
      if (run) terragruntRunInputs(run, src.variables.keys(), inputs);
      // Terraform's own var files, by file name as it loads them in its working directory: a run
      // adds those of the configuration's folder, which Terragrunt copies there (one of the same
      // name replaces the module's).
      const loaded = new Map<string, string>();
      for (const f of auto) loaded.set(path.basename(f), f);
      if (run) for (const f of input.varFiles) if (path.dirname(f) === path.dirname(run.file) && path.dirname(f) !== dir && AUTO_VARFILE.test(path.basename(f)) && parses(f)) loaded.set(path.basename(f), f);
      const autoLoaded = [...loaded.values()].sort((a, b) => autoOrder(path.basename(a), path.basename(b)));
      for (const f of [...autoLoaded, ...(layered ?? (variantFile && !run ? [variantFile] : []))]) {
        for (const [k, v] of readVarFile(f, input, guard, (d) => heredocs.add(d))) inputs.set(k, v);
      }
      if (unreadable) {
        const why = `its var file ${path.basename(unreadable)} cannot be read (Terraform refuses it)`;
        for (const name of src.variables.keys()) inputs.set(name, unknown(why));
      }
      const opaqueModules: OpaqueModuleCall[] = [];
      const readDataFile = dataFileReader({ root: input.root, workingDir: dir, readText: (f) => input.readText(f), onRead: (f, kind) => dataFiles.set(f, kind) });
      // Each variant is an evaluation of its own: its loops have the whole expansion budget.
      guard.resetExpansions();
      const instance = new ModuleInstance(src, { prefix: '', inputs, loader, problems, guard, moduleKey: '', remote: remoteFor(dir), opaque: opaqueModules, readDataFile, onHeredoc: (d) => heredocs.add(d) });
      // The azapi provider's default tags and location, for every azapi_resource of the configuration that sets none.
      const azapiDefaults = instance.azapiDefaultsOfRoot();
      if (azapiDefaults) instance.opts.azapiDefaults = azapiDefaults;
      const rel = variantFile ? path.relative(input.root, variantFile) : path.relative(input.root, dir) || '.';
      // A Terragrunt configuration's environment is in its own path (`live/prod/aks/terragrunt.hcl`), from the root.
      const variantPath = variantFile && (run ? rel : path.relative(dir, variantFile));
      const env = evaluationEnv(
        input.envOverride ??
          input.envForPath?.(rel.split(path.sep).join('/')) ??
          // A config glob that names the files the default evaluation reads (`tf/terraform.tfvars`,
          // `e/main.tf`, `f/*.tf`) classes it too: the globs apply to every format (audit 54).
          (variantFile || layered ? undefined : configuredFilesEnv(input, [...auto, ...src.files.map((f) => f.file)])) ??
          (layered ? layeredVarFilesEnv(dir, layered, run ? rel : undefined, input.envAbove) : variantPath ? classifyPath(variantPath, run ? input.envAbove : undefined)?.env : autoVarFilesEnv(input.root, auto, input.envAbove)) ??
          envFromVariables(readIgnoringCase(instance.src.variables.keys(), (k) => instance.variable(k))),
      );
      // --var-files are named as given, from the scan root (`envs/common.tfvars + envs/prod.tfvars`).
      const variantName = layered ? [...(run ? [rel] : []), ...layered.map((f) => relativePath(input.root, f))].join(' + ').split(path.sep).join('/') : variantPath?.split(path.sep).join('/');
      const evaluation: Evaluation = {
        variant: variantName ?? 'default',
        variantFile,
        ...env,
        unit: dir,
        inputs: instance.inputDecls(),
      };
      const resources = instance.allResources();
      for (const r of resources) if (r.vendored) for (const d of r.vendored.dirs) if (!copiedDirs.has(d)) copiedDirs.set(d, r.vendored.call);
      const unparsed = instance.unparsedFiles();
      if (unparsed.size > 0) evaluation.incomplete = [...unparsed].sort();
      const entry: TerraformEvaluation = { evaluation, resources, opaqueModules, inertResources: [] };
      evaluations.push(entry);
      inertPending.push({ instance, entry });
    }
    // The blocks with no instance, each read in the most production-like variant that has none of
    // it (then unknown, then nonprod; in variant order): its finding is the one kept when every
    // variant reads it, whatever other var files sort before it (review 132: adding dev.tfvars
    // changed a prod finding's fingerprint).
    inertPending.sort((a, b) => ENV_RANK[b.entry.evaluation.env] - ENV_RANK[a.entry.evaluation.env]);
    for (const { instance, entry } of inertPending.splice(0)) {
      const inert = instance.inertDeclarations(inertSeen);
      if (inert.inputs.length > 0) entry.evaluation.inertInputs = inert.inputs;
      entry.inertResources = inert.resources;
    }
  }
  /**
   * A root's configuration as `terraform init` assembles it: the local modules it calls and,
   * for a remote call, the copy its module manifest records (the call path as the manifest's
   * key, as the evaluation reads it), transitively, each folder once; and the calls in it whose
   * module cannot be read.
   */
  const configurationOf = (rootDir: string): RootConfiguration => {
    const remote = remoteFor(rootDir);
    const out: RootConfiguration = { modules: [], opaque: [] };
    const reached = new Set<string>([rootDir]);
    const queue: { dir: string; key: string; copyOf?: TerraformModuleFacts['copyOf'] }[] = [{ dir: rootDir, key: '' }];
    for (let i = 0; i < queue.length; i++) {
      const { dir, key, copyOf } = queue[i]!;
      const src = loader(dir);
      if (!src) continue;
      for (const [name, call] of src.moduleCalls) {
        const childKey = key ? `${key}.${name}` : name;
        const local = localModuleSource(call.node);
        let target: string | undefined;
        let origin = copyOf;
        if (local !== undefined) target = localDir(src, local);
        else {
          const written = literalAttr(call.node, 'source');
          const found = written === undefined ? undefined : remote(childKey, written, literalAttr(call.node, 'version'));
          if (written !== undefined && found && 'dir' in found) {
            target = found.dir;
            origin ??= { name, source: written, call: blockHeader(call.node, call.file) };
          }
        }
        if (target === undefined || !loader(target)) {
          const source = attr(call.node, 'source');
          out.opaque.push({ source: source ? sourceText(fileText(src, call.file), source.expr.range) : '', at: blockHeader(call.node, call.file) });
          continue;
        }
        if (reached.has(target)) continue;
        reached.add(target);
        const facts = factsOf(target, false, origin);
        if (facts) out.modules.push(facts);
        queue.push({ dir: target, key: childKey, ...(origin ? { copyOf: origin } : {}) });
      }
    }
    return out;
  };
  linkConfigurations(modules, callees, (d) => factsOf(d), configurationOf);
  // The azurerm versions each configuration allows: argument names and defaults that changed between them.
  for (const e of evaluations) {
    const root = factsByDir.get(e.evaluation.unit);
    const below = root && providerVersionCeiling(root, 'azurerm');
    if (below) e.azurermOnlyBelow = below;
  }
  for (const p of problems) {
    const into = [...copiedDirs].find(([d]) => isInside(d, p.location.file));
    if (into) p.location = into[1];
  }
  return { evaluations, modules, problems, dataFiles, heredocs };
}

/**
 * The class the automatically loaded var files of a root name by their path, for the run
 * without a variant file (RULES.md "Environments": "the variable file's name or folder"):
 * `environments/prod/terraform.tfvars` is prod, as `env/prod/terraform.tfvars` beside a root in
 * `env/..` is. Paths relative to the scan root (the file name decides before its folders);
 * files that name different classes decide nothing.
 */
/** The class the config's `environments` globs give the files an evaluation reads, when they agree (none named: undefined). */
function configuredFilesEnv(input: Pick<TerraformInput, 'root' | 'envForPath'>, files: readonly string[]): EnvClass | undefined {
  if (!input.envForPath) return undefined;
  return agreedClass(files.map((f) => input.envForPath!(path.relative(input.root, f).split(path.sep).join('/'))));
}

function autoVarFilesEnv(root: string, files: readonly string[], above?: string): EnvClass | undefined {
  return agreedClass(files.map((f) => classifyPath(path.relative(root, f), above)?.env));
}

/**
 * The class of an evaluation with --var-files (the class their paths from the module agree on).
 * With a Terragrunt run (`runPath`, its configuration from the root): the files' names, then the
 * run's own path, then the files' folders (RULES.md "the file name decides before its folders"; a
 * folder every run shares says nothing of one; reviews 133–135).
 */
function layeredVarFilesEnv(dir: string, files: readonly string[], runPath: string | undefined, above: string | undefined): EnvClass | undefined {
  const byRun = runPath === undefined ? undefined : (agreedClass(files.map((f) => classifyPath(path.basename(f))?.env)) ?? classifyPath(runPath, above)?.env);
  return byRun ?? autoVarFilesEnv(dir, files);
}

/** The one class the given ones name (undefined ones skipped); undefined when none or two disagree. */
function agreedClass(classes: readonly (EnvClass | undefined)[]): EnvClass | undefined {
  let env: EnvClass | undefined;
  for (const c of classes) {
    if (c === undefined) continue;
    if (env !== undefined && env !== c) return undefined;
    env = c;
  }
  return env;
}

function hasBackend(src: ModuleSource): boolean {
  return src.terraformBlocks.some((t) => childBlocks(t.node, 'backend').length > 0 || childBlocks(t.node, 'cloud').length > 0);
}

function isInside(root: string, p: string): boolean {
  const rel = relativePath(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * A name declared twice in one module: Terraform refuses to load it ("Duplicate variable
 * declaration"), so it is a PARSE001 at the second declaration; the first is the one evaluated
 * (review 74: the last was judged silently).
 */
function duplicateProblem(d: Duplicate, root: string): EvalProblem {
  const at = (x: Duplicate['first']): Location => (x.node.type === 'Block' ? blockHeader(x.node, x.file) : { file: x.file, range: x.node.nameRange });
  const first = at(d.first);
  const where = `${path.relative(root, first.file).split(path.sep).join('/')}:${first.range.start.line}`;
  return {
    ruleId: 'PARSE001',
    message: `${d.what} "${d.name}" is declared again (first at ${where}): Terraform refuses the module ("${d.summary}"); remove or rename one of them`,
    location: at(d.again),
  };
}
