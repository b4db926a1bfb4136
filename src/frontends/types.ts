/**
 * The seam every input format plugs into (issue "One seam per input format"). A front end
 * classifies files (by name, then by a peek at the content), parses them (errors with
 * ranges, comments and block ranges for suppression scopes) and evaluates the parsed files
 * of its format into normalized resources, format facts and problems. `lint()` runs every
 * registered front end the same way; it has no per-format branch.
 *
 * Front ends sit above parse, eval and model and below the pipeline: they never import
 * the engine or the rules, and they read files only through the `Host`.
 */
import type { EnvClass } from '../core/env.js';
import type { FileKind } from '../core/file-kind.js';
import type { Host } from '../core/host.js';
import type { Location, Range } from '../core/source.js';
import type { Value } from '../core/value.js';
import type { Evaluation, OpaqueModuleCall, Resource } from '../model/resource.js';
import type { TerraformModuleFacts } from '../model/terraform.js';
import type { CiFile } from '../model/ci.js';

/** The families `--family`/`LintOptions.families` selects by (benchmark and focused runs). */
export type Family = 'terraform' | 'arm' | 'ci' | 'k8s';

/** A comment as suppressions read it (`pragma`: Bicep's `#disable-next-line`). */
export interface SourceComment {
  text: string;
  range: Range;
  pragma?: boolean;
}

/** What suppressions need of one parsed file: its comments and the blocks a directive can cover. */
export interface SuppressionSource {
  file: string;
  comments: readonly SourceComment[];
  blocks: readonly Range[];
}

/** An ARM resource's `metadata` object (JSON without comments suppresses through it). */
export interface MetadataSource {
  file: string;
  body: Value;
  range: Range;
}

/** A parse or evaluation problem: PARSE001 (error), EVAL001 or EVAL002 (note). */
export interface Problem {
  ruleId: 'PARSE001' | 'EVAL001' | 'EVAL002';
  message: string;
  location: Location;
  /** EVAL002: the module call's address, for `--verbose` ("could not decide"). */
  address?: string;
}

/** One evaluated unit: a module or template in one variant, normalized. */
export interface EvaluatedUnit {
  evaluation: Evaluation;
  resources: Resource[];
  /** How reference values of this format resolve to resource identities (graph edges). */
  refKeys(ref: Value): string[];
  /** Module calls whose body was not read (EVAL002), with their arguments (GPU005). */
  opaqueModules?: readonly OpaqueModuleCall[];
  /** Calls of a template linted on its own, without their arguments (an ARM `relativePath` link, a linked URL's local copy): SEC001 reads the arguments. */
  unboundCalls?: readonly OpaqueModuleCall[];
  /** Resources declared with no instance in this evaluation (a Terraform `count = 0`): only SEC001 reads them. */
  inertResources?: Resource[];
}

export interface FrontEndResult {
  units: EvaluatedUnit[];
  terraformModules?: TerraformModuleFacts[];
  /** Workflows, pipelines and scripts in the CI model. */
  ciFiles?: CiFile[];
  problems: Problem[];
  suppressionSources: SuppressionSource[];
  metadata?: MetadataSource[];
  /**
   * Module calls whose body is checked, but not with the values the call passes (an ARM link whose
   * local copy is linted on its own, with its defaults): `--verbose` says why, as "could not decide
   * any rule for the resources of <address>" (RULES.md "Three-valued facts").
   */
  notWithCallerValues?: { address: string; reason: string; location: Location }[];
  /** Files this front end took but does not lint on purpose, with the reason (`--verbose`: a Helm template, a Kustomize base). */
  skipped?: { file: string; reason: string }[];
  /**
   * Files this front end evaluated in a context their own front end does not know (an Azure ML
   * YAML named by `az ml compute create --file`, with the command's `--set` overrides,
   * environment and workspace): the resources other front ends built from them are dropped,
   * so such a file is linted as its commands use it and not also on its own.
   */
  evaluatedElsewhere?: string[];
  /**
   * Files findings are located in only as a last resort (a plan JSON whose `.tf` source was not
   * found): the message of every finding located there gets `explanation` appended.
   */
  fallbackFiles?: { file: string; explanation: string }[];
}

/** A file a front end claimed, with the kind it was classified as. */
export interface ClassifiedFile {
  path: string;
  kind: FileKind;
  /**
   * The values a `.tfvars` / `.tfvars.json` file assigns (set by its front end, read through
   * the Host): file hooks (SEC001) get them as `ScannedFile.varValues`.
   */
  varValues?: ReadonlyMap<string, Value>;
  /** Named as a file argument, not found by walking a folder argument (TF004: a plan linted on purpose). */
  explicit?: boolean;
}

export interface FrontEndContext {
  readonly host: Host;
  readonly root: string;
  /** `--env`: forces the environment class of every evaluation. */
  readonly envOverride?: EnvClass;
  /** The config file's `environments` globs. */
  envForPath(p: string): EnvClass | undefined;
  /**
   * The scan root's path from the top of its repository (`environments/prod` when run inside
   * that folder; '' at the top or outside a repository): its folders name an environment class
   * after every folder inside the root, so `cd environments/prod && mlops-iac-lint .` classes
   * the files as a run from the top does.
   */
  readonly envAbove?: string;
  /**
   * The scan root is inside a git repository (a `.git` at or above it): its top-level folders are
   * one project's (`dev/`, `prod/`, `k8s/`), not several checkouts side by side. Kubernetes
   * manifests are then judged against the pools of all of them (src/engine/scan.ts).
   */
  readonly inRepository?: boolean;
  /** `--var-file` (absolute). */
  readonly cliVarFiles: readonly string[];
  /**
   * `--tf-data-dir`: where `terraform init` wrote `modules/modules.json` (TF_DATA_DIR),
   * relative to each root module's folder unless absolute; default `.terraform`.
   */
  readonly tfDataDir?: string;
  /**
   * `--bicep-cache`: the Bicep module cache (`~/.bicep`), through a Host confined to it (it is
   * outside the scan root, so reading it is opt-in). Absent when off.
   */
  readonly bicepCache?: Host;
  /** Every classified file of the run, of every front end (for cross-format policies such as compiled Bicep twins). */
  readonly allFiles: readonly ClassifiedFile[];
  /** Files another front end took over (a compiled template whose `.bicep` source is linted instead). */
  isSuperseded(file: string): boolean;
  /**
   * `--cache`, on the thread that keeps the cache: planning's answers about files, kept between
   * runs (an unchanged tree is planned without reading or parsing again). Absent otherwise: compute.
   */
  readonly facts?: FileFacts;
}

/** What `FrontEnd.filesOnlyFolders` may look at: the whole root, before the run's walk. */
export interface FilesOnlyView extends Pick<FrontEndContext, 'host' | 'facts'> {
  readonly root: string;
  /** The files under the root (not ignored) whose path `accept` takes. */
  list(accept: (file: string) => boolean): Promise<string[]>;
  /** The given files that no front end reads (`pools.yaml`): a file that may read one (`mayRead`) has its folders walked too. */
  readonly dataFiles: readonly string[];
  /** The run's `--var-file`s (a data file one of them names may be decoded by any Terraform root). */
  readonly cliVarFiles: readonly string[];
  /** The kind each given file is classified as (absent: no front end reads it). */
  readonly givenKinds: ReadonlyMap<string, FileKind>;
}

/**
 * Planning's answers about files, kept between runs by the `--cache`: `fileFact` gives the answer
 * recorded under the same name for the file as it is (its signature, `Host.signature`: the file
 * is not read then), or `compute()`'s, which reads the file and gives undefined when it cannot
 * (nothing is recorded then). The answer must depend on nothing but the file's path and content
 * (and this build), and be JSON; `valid` checks a recorded one (a cache file is never trusted).
 */
export interface FileFacts {
  fileFact<T>(name: string, file: string, host: Host, valid: (v: unknown) => v is T, compute: () => T | undefined): T | undefined;
}

export interface FrontEnd {
  readonly name: string;
  readonly family: Family;
  /**
   * When its units run (issue 15, cross-unit facts): `first` for a front end that evaluates
   * other front ends' files in its own context (`evaluatedElsewhere`: CI's `az ml --file`), so
   * the later units know which resources to drop; `last` for one whose rules read the whole
   * scan's view (`RuleContext.scan`: Kubernetes workloads and every format's GPU node pools),
   * so the view is built from every other unit's summary. Default: between them.
   */
  readonly stage?: 'first' | 'last';
  /**
   * Whether one unit of a front end without a `stage` has rules that read the whole scan's view
   * (a Terraform unit that declares Kubernetes workloads: K8S001/K8S002 weigh them against every
   * GPU pool of the scan). Such a unit runs late, after the units between, with their summaries
   * and its own as its view; the last stage's view has its summary too. Asked when planning.
   */
  readsScan?(files: readonly ClassifiedFile[], ctx: FrontEndContext): boolean;
  /**
   * Classifies by name: a kind, `'peek'` when the content decides (JSON and YAML have many
   * uses), or undefined when this front end never reads the file.
   */
  byName(file: string): FileKind | 'peek' | undefined;
  /** Classifies by content, for files `byName` answered `'peek'` for. */
  byContent?(file: string, text: string, rel: string): FileKind | undefined;
  /**
   * Classifies by a peek through the Host without reading the whole file (a plan can be
   * 200 MB; a binary plan is not text): asked before `byContent` for files `byName` answered
   * `'peek'` for. Undefined: not this front end's file.
   */
  byHead?(file: string, host: Host): FileKind | undefined;
  /** Imports what byContent, supersedes and run need (`lazy.ts`); lint() awaits it before classifying when a listed file's byName answers. */
  load?(): Promise<void>;
  /**
   * Files of other front ends this one replaces (the Bicep front end takes over a compiled
   * template whose `.bicep` source parses). Called before any `run`.
   */
  supersedes?(files: readonly ClassifiedFile[], ctx: FrontEndContext): ReadonlySet<string>;
  /**
   * Splits this front end's files into units of work (issue 15): groups whose `run` results do
   * not depend on each other, so lint() can run them one at a time (and release their texts
   * and trees), cache each by the hash of what it read, and deal them out to `--shard`s.
   * Every file must be in exactly one group; `run` is then called once per group. Optional:
   * a front end without it is one unit (all its files in one `run`, as before).
   */
  units?(files: readonly ClassifiedFile[], ctx: FrontEndContext): ClassifiedFile[][];
  /**
   * With `--cache`: what planning decided about a unit's `run` from outside the unit's files and
   * their reads (other files of the run, what `supersedes` found), as a string that is part of
   * the unit's cache key. Called on the thread that keeps the cache, after planning. Optional: a
   * front end whose `run` depends on nothing but its files and what it reads through the Host.
   */
  unitCacheKey?(files: readonly ClassifiedFile[], ctx: FrontEndContext): string;
  /**
   * Scanned files of other units that a unit of this front end evaluates, and so may place
   * findings in: a `.bicep` unit applies the JSON parameter files paired with its compiled twin
   * or its stand-in (`main.parameters.json` beside `main.bicep`, the azd layout), which are the
   * ARM front end's files. A files-only run (pre-commit) keeps the unit when one of them is
   * given, so it reports them as a run over their folders does. Optional: none.
   */
  evaluatesOthers?(files: readonly ClassifiedFile[], ctx: FrontEndContext): readonly string[];
  /**
   * A files-only run (pre-commit) walks the given files' folders. A unit that places findings in
   * them may also hold files elsewhere under the root: a Terraform root module that calls the
   * given module (`source = "../../modules/kv"`) evaluates it with its arguments, and is what
   * makes the module's folder a called module rather than a root (TF001); a CI file at the top
   * runs `az ml … --file aml/compute.yml`. The folders (or single files) to walk as well, found
   * through `wide` (files under the root, by name, with the run's ignore rules; the root is the
   * given files' repository, else the scan root). Optional: none.
   */
  filesOnlyFolders?(given: readonly string[], wide: FilesOnlyView): Promise<string[]>;
  /**
   * Of `files` (paths of this front end's files), those that may read one of `data`: files that
   * no front end reads, whose values a unit places findings in (`yamldecode(file("pools.yaml"))`,
   * `loadYamlContent('pools.yaml')`). A superset, from planning's facts, not an evaluation: a
   * files-only run given a data file runs the units that hold such a file. Optional: none reads.
   */
  mayRead?(files: readonly string[], data: readonly string[], ctx: Pick<FrontEndContext, 'host' | 'facts'> & Partial<Pick<FrontEndContext, 'cliVarFiles'>>): string[];
  /**
   * Imports what the run's units of this front end (all their files: `files`) need beyond the
   * front end's own code, before any of them runs, on every thread that runs units (prepareRun):
   * Terraform's YAML reader for `yamldecode(file(…))`, which a `.tf` run without it never loads.
   * Optional: nothing to import.
   */
  beforeUnits?(files: readonly ClassifiedFile[], ctx: FrontEndContext): Promise<void>;
  /** Parses and evaluates this front end's files (one unit's, when it declares `units`). Never throws on bad input. */
  run(files: readonly ClassifiedFile[], ctx: FrontEndContext): FrontEndResult;
}
