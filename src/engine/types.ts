/**
 * Contracts between the engine, the rules and the reporters.
 */
import type { Location } from '../core/source.js';
import type { FileKind } from '../core/file-kind.js';
import type { TerraformModuleFacts } from '../model/terraform.js';

export type { FileKind } from '../core/file-kind.js';
export type { TerraformModuleFacts } from '../model/terraform.js';
import type { EnvClass, Evaluation, Resource, ResourceKind } from '../model/resource.js';
import type { Value } from '../core/value.js';
import type { HclFile } from '../parse/hcl/ast.js';

export type Level = 'error' | 'warning' | 'note';
export type LevelOrOff = Level | 'off';

/** Levels by environment class (RULES.md "env-aware"). */
export interface EnvLevels {
  prod: LevelOrOff;
  nonprod: LevelOrOff;
  unknown: LevelOrOff;
}

export type InputFormat =
  | 'terraform'
  | 'azapi'
  | 'arm'
  | 'bicep-compiled'
  | 'bicep'
  | 'github-actions'
  | 'azure-pipelines'
  | 'script'
  | 'any';

export interface RuleMeta {
  id: string;
  /** kebab-case name from RULES.md. */
  name: string;
  /** One sentence: what it finds. */
  shortDescription: string;
  /** Why it matters, in a paragraph. */
  fullDescription: string;
  /** How to fix it, in one or two sentences (stylish prints it; SARIF `help.text`). */
  help: string;
  level: Level | EnvLevels;
  tags: string[];
  /** CVSS-like 0.0–10.0 for security rules (GitHub code scanning `security-severity`). */
  securitySeverity?: number;
  formats: InputFormat[];
  /** Path of the Markdown doc beside the rule, relative to the package root. */
  docPath?: string;
}

/** What a rule reports; the engine turns it into a `Finding`. */
export interface Report {
  /** Primary location: where the offending value is written (RULES.md "Location"). */
  location: Location;
  message: string;
  related?: Location[];
  /** Overrides the rule's level (e.g. CI001 on a commented-out line is a note). */
  level?: Level;
  /** The resource concerned (its address and evaluation feed the fingerprint and env class). */
  resource?: Resource;
  /** Address of the subject when it is not a resource (a module folder, a workflow job). */
  subject?: string;
  /** The attribute path concerned, for the fingerprint. */
  attributePath?: string;
  /** Environment class when there is no resource. */
  env?: EnvClass;
}

export interface Suppression {
  kind: 'inSource' | 'external';
  justification: string;
  location?: Location;
}

export interface Finding {
  ruleId: string;
  level: Level;
  /** The key of the rule's `meta.messages` entry the message was made from (tests assert it). */
  messageId?: string;
  message: string;
  location: Location;
  related: Location[];
  /** Stable across unrelated edits: rule + file + address + attribute path + env class. */
  fingerprint: string;
  address?: string;
  attributePath?: string;
  env: EnvClass;
  /** The variants in which the finding occurred (deduplicated across variants). */
  variants: string[];
  suppression?: Suppression;
  /**
   * Short hash of the source text at the primary location (the offending value as written),
   * used by the baseline so that editing the value makes the finding new.
   */
  evidence?: string;
}

/** The evaluated resource graph of one evaluation (DESIGN.md §5). */
export interface Graph {
  readonly resources: readonly Resource[];
  readonly evaluation: Evaluation;
  ofKind(kind: ResourceKind): Resource[];
  /** The resource a reference attribute points at, when it is in the scanned code. */
  target(from: Resource, ref: string): Resource | undefined;
  /** Resources of `kind` whose reference `ref` points at `to`. */
  referrers(to: Resource, kind: ResourceKind, ref: string): Resource[];
  /** Resolves a reference value (address token or resource id) to a resource. */
  resolve(ref: Value | undefined): Resource | undefined;
}


/** A file the scan found, whatever its kind (TF002 looks at state files). */
export interface ScannedFile {
  path: string;
  kind: FileKind;
  /** The parsed HCL of `.tf`/`.tfvars` files (absent when the file could not be parsed). */
  hcl?: HclFile;
}


export interface RuleOptions {
  /** TAG001: required tag names. */
  requiredTags: string[];
  /** TAG002: the cost-center tag name. */
  costCenterTag: string;
  /** AKS001: expected taint, `key=value:Effect`. */
  gpuTaint: string;
  /** GOV001: allowed locations (normalized lower-case, no spaces). */
  allowedLocations: string[];
}

export interface RuleContext {
  readonly options: RuleOptions;
  report(r: Report): void;
  /**
   * Records that the rule could not decide for a resource because an attribute it reads is
   * unknown (RULES.md "Three-valued facts": listed by `--verbose`, never reported).
   */
  undecided?(resource: Resource, attribute: string): void;
}

/** A decision a rule could not make because a value is unknown (`--verbose`). */
export interface Undecided {
  ruleId: string;
  address: string;
  attribute: string;
  /** Why the value is unknown: "depends on data.azurerm_client_config.current". */
  reason: string;
  location: Location;
}

/** Hooks a rule may implement; the engine calls those a rule returns. */
export interface RuleVisitor {
  /** Once per evaluated graph (module or template × variant). */
  graph?(graph: Graph): void;
  /** Once per Terraform module folder. */
  terraformModule?(mod: TerraformModuleFacts): void;
  /** Once per discovered file. */
  file?(file: ScannedFile): void;
  /** Once per CI document (workflow, pipeline, script); see `src/parse/yaml/ci.ts`. */
  ciDocument?(doc: unknown): void;
}

export interface Rule {
  meta: RuleMeta;
  create(ctx: RuleContext): RuleVisitor;
}
