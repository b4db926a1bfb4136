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
import type { Evaluation, Resource } from '../model/resource.js';
import type { TerraformModuleFacts } from '../model/terraform.js';
import type { CiFile } from '../model/ci.js';

/** The families `--family`/`LintOptions.families` selects by (benchmark and focused runs). */
export type Family = 'terraform' | 'arm' | 'ci';

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

/** A parse or evaluation problem: PARSE001 (error) or EVAL001 (note/warning). */
export interface Problem {
  ruleId: 'PARSE001' | 'EVAL001' | 'EVAL002';
  message: string;
  location: Location;
}

/** One evaluated unit: a module or template in one variant, normalized. */
export interface EvaluatedUnit {
  evaluation: Evaluation;
  resources: Resource[];
  /** How reference values of this format resolve to resource identities (graph edges). */
  refKeys(ref: Value): string[];
}

export interface FrontEndResult {
  units: EvaluatedUnit[];
  terraformModules?: TerraformModuleFacts[];
  /** Workflows, pipelines and scripts in the CI model. */
  ciFiles?: CiFile[];
  problems: Problem[];
  suppressionSources: SuppressionSource[];
  metadata?: MetadataSource[];
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
}

export interface FrontEndContext {
  readonly host: Host;
  readonly root: string;
  /** `--env`: forces the environment class of every evaluation. */
  readonly envOverride?: EnvClass;
  /** The config file's `environments` globs. */
  envForPath(p: string): EnvClass | undefined;
  /** `--var-file` (absolute). */
  readonly cliVarFiles: readonly string[];
  /** Every classified file of the run, of every front end (for cross-format policies such as compiled Bicep twins). */
  readonly allFiles: readonly ClassifiedFile[];
  /** Files another front end took over (a compiled template whose `.bicep` source is linted instead). */
  isSuperseded(file: string): boolean;
}

export interface FrontEnd {
  readonly name: string;
  readonly family: Family;
  /**
   * Classifies by name: a kind, `'peek'` when the content decides (JSON and YAML have many
   * uses), or undefined when this front end never reads the file.
   */
  byName(file: string): FileKind | 'peek' | undefined;
  /** Classifies by content, for files `byName` answered `'peek'` for. */
  byContent?(file: string, text: string, rel: string): FileKind | undefined;
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
  /** Parses and evaluates this front end's files (one unit's, when it declares `units`). Never throws on bad input. */
  run(files: readonly ClassifiedFile[], ctx: FrontEndContext): FrontEndResult;
}
