/**
 * Contracts between the engine, the rules and the reporters.
 */
import type { Location } from '../core/source.js';
import type { FileKind } from '../core/file-kind.js';
import type { TerraformModuleFacts } from '../model/terraform.js';
import type { EnvClass, Evaluation, OpaqueModuleCall, Resource, ResourceKind, VendoredOrigin } from '../model/resource.js';
import type { AttrOf } from '../model/kinds.js';
import type { Value } from '../core/value.js';
import type { CiFile } from '../model/ci.js';
import type { PolicySet } from '../model/policy-judgement.js';

export type { FileKind } from '../core/file-kind.js';
export type { TerraformModuleFacts } from '../model/terraform.js';

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
  | 'azureml-yaml'
  | 'github-actions'
  | 'azure-pipelines'
  | 'script'
  | 'k8s'
  | 'azure-cli'
  /** Terraform plan files (JSON and binary) as files (TF004); the resources of a plan JSON are `terraform`/`azapi` resources. */
  | 'terraform-plan'
  | 'any';

/** Formats of resource rules: every front end that produces normalized resources. */
export const RESOURCE_FORMATS: readonly InputFormat[] = ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep', 'azure-cli'];
/** The declarative formats (rules that read declared inputs, such as GPU002's guards, apply only to them). */
export const DECLARATIVE_FORMATS: readonly InputFormat[] = ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'];
/**
 * Resource formats that produce only some kinds (Azure ML YAML: compute and workspace;
 * Kubernetes manifests: KAITO objects, besides the pod templates K8S rules name): a rule
 * covers such a format when it has a hook for one of its kinds. A `graph` rule names it in
 * `meta.formats` when it applies (TAG001, GOV001).
 */
export const KIND_FORMATS: Readonly<Partial<Record<InputFormat, readonly ResourceKind[]>>> = { 'azureml-yaml': ['ml.compute', 'ml.workspace'], k8s: ['kaito.workspace'] };
/** Formats of CI rules: every front end that produces the CI model. */
export const CI_FORMATS: readonly InputFormat[] = ['github-actions', 'azure-pipelines', 'script'];

/** A JSON Schema (the subset ajv needs) for one rule option. */
export type JsonSchema = Record<string, unknown>;

/**
 * One option of a rule (RULES.md: TAG001 required tags, AKS001 taint, …). The config file
 * sets it as `rules.<ID>.options.<name>`, or at `configPath` (the documented top-level
 * shorthand such as `tags.required`); the value is validated against `schema`.
 */
export interface RuleOptionSpec {
  description: string;
  schema: JsonSchema;
  default: unknown;
  /** The top-level config path that also sets this option (`['tags', 'required']`). */
  configPath?: readonly string[];
}

/** What a rule module declares (see `defineRule`); `docPath` and `formats` are derived. */
export interface RuleMetaInput<M extends string = string> {
  id: string;
  /** kebab-case name from RULES.md. */
  name: string;
  /** One sentence: what it finds. */
  shortDescription: string;
  /** Why it matters, in a paragraph. */
  fullDescription: string;
  /** How to fix it in general (SARIF `help.text`, markdown, `--explain`); never repeated under each finding. */
  help: string;
  level: Level | EnvLevels;
  tags: string[];
  /** CVSS-like 0.0–10.0 for security rules (GitHub code scanning `security-severity`). */
  securitySeverity?: number;
  /**
   * The finding messages by ID, each one sentence: what is wrong (with the evidence) and
   * how to fix this instance. `{{key}}` is filled from the report's `data`.
   */
  messages?: Record<M, string>;
  options?: Record<string, RuleOptionSpec>;
  /** Only when the hooks do not say it (derived: resource hooks → RESOURCE_FORMATS, `ciFile` → CI_FORMATS). */
  formats?: InputFormat[];
}

export interface RuleMeta extends RuleMetaInput {
  formats: InputFormat[];
  /** Path of the Markdown doc beside the rule, relative to the package root (derived from the registry). */
  docPath: string;
}

/** What a rule reports; the engine fills location, related locations, level and fingerprint. */
export interface ReportDescriptor<M extends string = string> {
  messageId: M;
  /** Values for the message's `{{key}}` placeholders. */
  data?: Record<string, string | number>;
  /** The resource concerned (its address, evaluation and environment class). */
  resource?: Resource;
  /**
   * The canonical attribute concerned: the location is where its value was written (the
   * literal, the var-file line, the parameter value…), else the resource header; the chain
   * it flowed through and the consuming attribute become related locations.
   */
  attr?: string;
  /**
   * The element of `attr`'s list the finding is about: located where it is written when the list
   * is written in the resource and the element came from elsewhere (`entryFactLocations`).
   */
  entry?: Value;
  /** An explicit primary location (for findings that are not about one attribute). */
  location?: Location;
  /**
   * With `location` at a value written elsewhere (a CI command's `$AA` assigned `-auto-approve`):
   * where the subject reads it (the command). A directive over it covers the finding, as one over
   * a resource covers a finding at the variable default its attribute reads (`Finding.consumers`).
   */
  consumer?: Location;
  related?: Location[];
  /**
   * The related locations are context (another resource's places: a GPU pool's taint), none a
   * place the value flowed through: a finding moved out of a registry module copy goes to the
   * module call, never to one of them (run-rules.ts outOfCopy).
   */
  relatedIsContext?: true;
  /** Overrides the rule's level (e.g. CI001 on a commented-out line is a note). */
  level?: Level;
  /** Address of the subject when it is not a resource (a module folder, a workflow job). */
  subject?: string;
  /**
   * Where a subject that is not a resource is declared (a module call's `source`): two subjects
   * declared apart that are reported at one place are two findings, as two resources are; the
   * instances of one declaration (a module block inside a module called twice) are one.
   */
  declaredAt?: Location;
  /**
   * A subject that is not a resource but lies in a registry module copy (a module call inside the
   * copy: GPU005): the finding moves out of the copy as a resource's does (run-rules.ts outOfCopy).
   */
  vendored?: VendoredOrigin;
  /** The attribute path for the fingerprint when it is not `attr`. */
  attributePath?: string;
  /** Environment class when there is no resource. */
  env?: EnvClass;
  /**
   * Found in a block with no instance in this evaluation (Graph.inertResources, SEC001): where a
   * variant that deploys the block finds the same, its finding is the one kept (its address,
   * class and fingerprint).
   */
  inert?: true;
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
  /**
   * The environment class the fingerprint was made with when it is not `env`: a finding merged
   * across variants keeps its most production-like variant's fingerprint (`keepStableFingerprint`).
   * Not reported.
   */
  fingerprintEnv?: EnvClass;
  address?: string;
  attributePath?: string;
  env: EnvClass;
  /** The variants in which the finding occurred (deduplicated across variants). */
  variants: string[];
  suppression?: Suppression;
  /**
   * For a finding about a resource attribute whose value is written elsewhere (a variable
   * default, a shell assignment): where each resource that reads the value writes the
   * attribute (one per resource merged into the finding). An inline directive covering
   * all of them covers the finding (engine/suppressions.ts). Not reported.
   */
  consumers?: Location[];
  /**
   * What makes two findings one (engine/run-rules.ts: rule, place, attribute, and for a finding
   * re-pointed out of a module copy its block): units of work that made the same finding merge
   * by it too (pipeline/merge.ts). Not reported.
   */
  mergeKey?: string;
  /** Made in a block with no instance (ReportDescriptor.inert): a finding of a deployed instance at the same place outranks it. Not reported. */
  inert?: true;
  /**
   * For a finding at a resource's header about an attribute it does not write: the whole
   * declaration, where the change that removed the attribute may be (the Action counts the
   * finding as on the lines a pull request changed when those touch it). Not reported.
   */
  extent?: Location;
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
  /** Module calls of this evaluation whose body was not read (registry modules without a copy): GPU005 judges their arguments. */
  readonly opaqueModules: readonly OpaqueModuleCall[];
  /** Calls of a template linted on its own without their arguments (an ARM `relativePath` link): SEC001 reads what they pass. */
  readonly unboundCalls: readonly OpaqueModuleCall[];
  /** Resources declared with no instance in this evaluation (a Terraform `count = 0`): no rule but SEC001 reads them (a literal secret is in the repository all the same). */
  readonly inertResources: readonly Resource[];
  ofKind<K extends ResourceKind>(kind: K): Resource<K>[];
  /** The resource a reference attribute points at, when it is in the scanned code. */
  target(from: Resource, ref: string): Resource | undefined;
  /** Resources of `kind` whose reference `ref` points at `to`. */
  referrers(to: Resource, kind: ResourceKind, ref: string): Resource[];
  /** Whether two reference values name the same resource (one of their identity keys is the same), scanned or not. */
  sameTarget(a: Value | undefined, b: Value | undefined): boolean;
  /** Whether `v`, or a member of it at any depth (`baseResource: { id: ws.id }`), is a reference to `to`. */
  refersTo(v: Value, to: Resource): boolean;
}


/** A file the scan found, whatever its kind (TF002 looks at state files). */
export interface ScannedFile {
  path: string;
  kind: FileKind;
  /**
   * The values a `.tfvars` / `.tfvars.json` file assigns, by variable name, each with the
   * origin of its line (absent when the file could not be read or parsed). SEC001 reads them.
   */
  varValues?: ReadonlyMap<string, Value>;
  /** Named as a file argument, not found by walking a folder argument (TF004: a plan linted on purpose). */
  explicit?: boolean;
}


/** A canonical attribute as a rule reads it (RULES.md "Three-valued facts"). */
export interface FactView {
  /** `known`: written and evaluated (or a documented default); `absent`: not written, no default; `unknown`: cannot be known. */
  readonly state: 'known' | 'absent' | 'unknown';
  /** The known value (written or defaulted); undefined when absent without default or unknown. */
  readonly value: Value | undefined;
  /** True when not written and `value` is the documented default. */
  readonly defaulted: boolean;
  /** The attribute as the source format names it (`purge_protection_enabled`, `properties.enablePurgeProtection`). */
  readonly sourcePath: string;
  string(): string | undefined;
  bool(): boolean | undefined;
  number(): number | undefined;
  /** For messages: "`x` is not set (defaults to false)" or "`x` is false". */
  describe(): string;
  /**
   * For messages' fixes: `b` as this attribute takes it in its source — `Disabled`/`Enabled`
   * where the format writes the setting as that text (ARM `publicNetworkAccess`, the az
   * `--public-network-access` flag; lower case where the value is written so), else `false`/`true`.
   */
  spelled(b: boolean): string;
}

export interface RuleContext<M extends string = string> {
  /** The rule's options: defaults from `meta.options`, overridden by the config file. */
  readonly options: Readonly<Record<string, unknown>>;
  /**
   * Reads a canonical attribute. When its value is unknown, records that the rule could not
   * decide for this resource (listed by `--verbose`), so every rule's "could not decide" is
   * complete by construction. Read only what the decision needs, in the order it needs it.
   */
  fact<K extends ResourceKind>(resource: Resource<K>, attr: AttrOf<K>): FactView;
  report(d: ReportDescriptor<M>): void;
  /**
   * A path relative to the scan root, `/`-separated (`.` for the root itself): for names in
   * messages and subjects, which must not depend on where the checkout lives.
   */
  relativePath(file: string): string;
  /**
   * A path (a file or a folder) from the top of the repository that holds it (its nearest folder
   * with a `.git`, at or above it), else from the scan root, `/`-separated (`.` for the top): for
   * decisions by folder names (TF001 demonstration roots, SEC001 sample files), which must depend
   * neither on the folder a scan is started from nor on the folders above the checkout.
   */
  repositoryPath(file: string): string;
  /**
   * The GitHub repository (`owner/repo`, lower-case) that the checkout holding `file` names as its
   * `origin` remote (its `.git/config`, read only when that `.git` folder is inside the scan root);
   * empty when not known. CI004: a reference to the repository itself is not third-party.
   */
  repositoryNames(file: string): readonly string[];
  /** The scan date, `YYYY-MM-DD` (UTC; `lint({ today })` fixes it): for date-dependent facts such as GPU004's retirement dates. */
  readonly today: string;
  /** Records "could not decide" for a reason that is not one attribute (a guard that is unknown). */
  undecided(resource: Resource, attribute: string, reason: string, location?: Location): void;
  /**
   * The same for a decision about something that is not a resource (a Terraform configuration's
   * provider constraints): `subject` is what `--verbose` names (`module:infra`).
   */
  undecidedAbout(subject: string, attribute: string, reason: string, location: Location): void;
  /**
   * What the whole scan holds, across files and formats (cross-file rules such as K8S001 read
   * it instead of walking every graph). Each question is one named accessor, so that it can
   * become a per-unit summary merged across units.
   */
  readonly scan: ScanView;
  /** The organisation's Azure Policy definitions (config `policies`); undefined when none are configured (GOV002, GOV003). */
  readonly policies?: PolicySet;
}

/** Cross-file questions about the scan (see `RuleContext.scan`; built by `src/engine/scan.ts`). */
export interface ScanView {
  /**
   * The AKS GPU node pools of every scanned format, once per pool (the pools AKS001 inspects
   * whose size is a GPU size or unknown). With `forFile` (a manifest): the pools of the nearest
   * project — the nearest folder above the file, below the scan root, that holds any AKS
   * cluster or pool; every pool when that folder is the scan root or there is none.
   */
  gpuNodePools(forFile?: string): readonly GpuNodePool[];
  /**
   * When a manifest's pools are unknown because its project (or, without one, the scan) is read
   * as several checkouts side by side (its AKS code in several child folders, no git repository),
   * rather than because its project has no GPU pool: the GPU pools of those checkouts, any of
   * which it may be written for. Undefined otherwise.
   */
  checkoutPools?(forFile: string): readonly GpuNodePool[] | undefined;
  /**
   * A cluster of the manifest's project (as `gpuNodePools` finds them) whose node provisioning
   * mode is Auto or not known: its pods may get nodes the code declares no pool for.
   */
  autoProvisioned?(forFile?: string): AutoProvisionedCluster | undefined;
  /**
   * The AKS node pools, found as `gpuNodePools` finds them, whose size is not known and that
   * nothing marks as meant for GPU: each may be a GPU pool, so a GPU pod may run on it.
   */
  unknownSizePools?(forFile?: string): readonly GpuNodePool[];
}

/**
 * A cluster with node auto-provisioning (`model/facts/aks.ts`): its pods may get nodes from
 * Karpenter NodePools, chosen by the taints they tolerate, besides the pools the code declares.
 */
export interface AutoProvisionedCluster {
  address: string;
  header: Location;
  /** As GpuPoolSummary.calledFrom: the root module call a module instance's cluster came through. */
  calledFrom?: string;
  name: string;
  /** Why its mode is not known to be Manual: `mode "Auto"`, or the reason the value is not known. */
  why: string;
  /** Where that mode is written (a module instance's: its caller's value), when it is. */
  modeAt?: Location;
  /** The mode is not known (rather than known to be Auto). */
  unknownMode?: true;
}

/** One taint of a node pool, parsed (`key=value:Effect`), with where it was written. */
export interface NodePoolTaint {
  key: string;
  value: string;
  effect: string;
  /** As written (`sku=gpu:NoSchedule`). */
  text: string;
  /** The taint's value in the source, else the pool's `taints` attribute, else its header. For the spot taint: the `priority` value. */
  at: Location;
  /** Set for a taint AKS adds by itself (a Spot pool's `kubernetes.azure.com/scalesetpriority=spot:NoSchedule`). */
  automatic?: 'spot';
}

/** A GPU node pool as cross-file rules see it. */
export interface GpuNodePool {
  /** The pool's address, and its header (`header.file` is the file that declares it). Rebuilt from a unit's summary: no resource. */
  address: string;
  header: Location;
  /** The pool's name (else its address). */
  name: string;
  /** For a pool of a Terraform module instance: the file of the root module's call it came through (`GpuPoolSummary.calledFrom`). */
  calledFrom?: string;
  /** The known GPU size; undefined when the size is unknown and the pool is meant for GPU by name, label or taint. */
  gpuSize?: string;
  /** A pool meant for GPU whose known size has no GPU (GPU001's finding): one of the GPU pools, on which no GPU pod can run. */
  cpuSize?: string;
  /** Its taints (written ones, plus the automatic Spot taint); undefined when they are unknown (`taintsUnknown` says why). */
  taints?: readonly NodePoolTaint[];
  taintsUnknown?: string;
  /** A pool of `ScanView.unknownSizePools`: why its size is not known. */
  sizeUnknown?: string;
  /** A node label of the pool: its value, `null` when the node does not carry it, undefined when unknown. */
  label(key: string): string | null | undefined;
}

/** A decision a rule could not make because a value is unknown (`--verbose`). */
export interface Undecided {
  ruleId: string;
  address: string;
  /** The canonical attribute (`purgeProtection`). */
  attribute: string;
  /** The attribute as its format names it (`purge_protection_enabled`, `--enable-purge-protection`), when the resource has it. */
  sourcePath?: string;
  /** Why the value is unknown: "depends on data.azurerm_client_config.current". */
  reason: string;
  location: Location;
  /** The variant (evaluation) it was met in, when it was met in one: a plan's is its path. */
  variant?: string;
}

/** Hooks keyed by resource kind: called once per resource of that kind in each graph. */
export type ResourceHooks = { [K in ResourceKind]?: (resource: Resource<K>, graph: Graph) => void };

/** Hooks a rule may implement; the engine calls those a rule returns. */
export interface RuleVisitor extends ResourceHooks {
  /** Once per evaluated graph (module or template × variant), for rules across resources. */
  graph?(graph: Graph): void;
  /** Once per Terraform module folder. */
  terraformModule?(mod: TerraformModuleFacts): void;
  /** Once per discovered file. */
  file?(file: ScannedFile): void;
  /** Once per CI file (workflow, composite action, pipeline, script) whose format the rule covers (`meta.formats`); see `src/model/ci.ts`. */
  ciFile?(file: CiFile): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta;
  create(ctx: RuleContext<M>): RuleVisitor;
}

/** A rule module as written: `export default defineRule({ meta: {...}, create(ctx) {...} })`. */
export interface RuleDefinition<M extends string = string> {
  meta: RuleMetaInput<M>;
  create(ctx: RuleContext<M>): RuleVisitor;
}
