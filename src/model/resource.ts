/**
 * The normalized resource model (DESIGN.md §4). Every front end (azurerm, azapi, ARM,
 * compiled Bicep, native Bicep) produces `Resource`s with canonical kinds and canonical
 * attributes; every rule is written once against this model.
 */
import type { Location } from '../core/source.js';
import type { Value } from '../core/value.js';
import type { Evaluation } from '../eval/types.js';
import type { ResourceKind } from './kinds.js';
import type { K8sPodTemplate } from '../eval/k8s/types.js';
import type { EnvClass } from '../core/env.js';

export type { EnvClass } from '../core/env.js';
export type { Evaluation, InputDecl, InputValidation, MemberAllowed, MemberKey, OpaqueModuleCall, VendoredOrigin } from '../eval/types.js';
import type { VendoredOrigin } from '../eval/types.js';
export { describeVendoredPlace, isVendoredFile } from '../eval/types.js';

export type { ResourceKind } from './kinds.js';

export type SourceFormat = 'terraform' | 'azapi' | 'arm' | 'bicep' | 'azureml-yaml' | 'azure-cli' | 'k8s';


/**
 * One canonical attribute of a resource, three-valued (RULES.md "Three-valued facts"):
 * - known: `value` is a known Value (its `origin` says where it was written);
 * - unknown: `value.kind === 'unknown'`;
 * - absent: `defaulted` is true and `value` is the provider/ARM default (no origin), or
 *   `value` is undefined when the attribute has no default.
 */
export interface Fact {
  value: Value | undefined;
  /** True when the attribute is not written and `value` is the documented default. */
  defaulted: boolean;
  /** Where the attribute is written in the resource (the consumer of the value). */
  at?: Location;
  /** The attribute's path in the source shape, for messages and fingerprints. */
  sourcePath: string;
  /**
   * For an absent attribute: the `null` a conditional chose for it (or for an object above
   * it), when an input decided that condition (`decidedBy`). The finding then points at that
   * input (RULES.md "Values chosen by a condition").
   */
  nulled?: Value;
  /** The value as written when the table converted it (`Enabled` for true), for messages. */
  written?: string;
  /**
   * How to change it when it cannot be set where the resource is written (a shared template that
   * does not pass the flag), for messages: the fix instead of "set X to …".
   */
  fixElsewhere?: string;
  /**
   * For a default another setting decides (the Azure CLI version an `azure/cli` step pins): that
   * setting's value, whose places (where it is written, the inputs it came through) are the
   * finding's related locations, and the setting that fixes the finding as well, for a message's
   * "set X to true (or …)": `azcliversion to 2.61.0 or later`.
   */
  defaultSetBy?: { value: Value; label: string; fix: string };
  /**
   * Not written: unknown only because an expansion of the command not known at all may carry
   * the flag (an unquoted `$EXTRA`; FORMATS.md §1(d)), which the script mentions nowhere (not
   * when a variable of known texts or an abbreviation may pass it). A reading of the attribute
   * only as context for another resource may take it as not written (K8S001: a cluster's node
   * provisioning mode, engine/scan.ts).
   */
  mayBeCarried?: true;
  /**
   * An az flag the command does not write, unknown only because an unquoted expansion in another
   * flag's value may split into words that pass it (`-g $RG`; FORMATS.md §1(d)) — not a
   * standalone expansion (`$EXTRA_ARGS`), nor a variable of known texts that may pass it —, whether
   * or not the script mentions the flag elsewhere: a pool's size so unknown is not counted as
   * possibly a GPU size for a Kubernetes workload's verdict (engine/scan.ts, reviews 126–127).
   */
  notWritten?: true;
}

export interface Resource<K extends ResourceKind = ResourceKind> {
  /** Stable address, used in fingerprints: `module.ml.azurerm_key_vault.kv`, `Microsoft.KeyVault/vaults/kv`. */
  address: string;
  kind: K;
  /** The source type: `azurerm_key_vault`, `Microsoft.KeyVault/vaults`. */
  sourceType: string;
  format: SourceFormat;
  /** Where an absent attribute is reported: the resource header / the ARM `"type"` line / an element's header. */
  header: Location;
  /** The resource's own name, when it has one. */
  name?: Value;
  /** Canonical attributes (see `src/model/kinds.ts` for the names each kind has). */
  attrs: Map<string, Fact>;
  /** The whole evaluated body in its source shape (used by SEC001, TAG001, GOV001). */
  body?: Value;
  /**
   * Where a dotted path of `body` is written in the resource (`location`,
   * `properties.publicNetworkAccess`): the attribute that consumes a value written elsewhere,
   * for rules that read the body rather than a canonical attribute (GOV001, GOV002). Undefined
   * for resources a front end builds without positions of their attributes.
   */
  site?: (path: string) => Location | undefined;
  /** Keys under which other resources reference this one (resource address, ARM resource id). */
  identity: string[];
  /**
   * ARM/Bicep: the resource group its enclosing deployments put it in, compared for equality only
   * (`eval/arm/deployment-scope.ts`); undefined: the scanned template's own. Two resources of one
   * identity in different scopes are two resources (the graph does not guess between them).
   */
  scope?: string;
  /** Canonical references to other resources: `containerRegistry`, `keyVault`, `workspace`, `cluster`, `target`. */
  refs: Map<string, Value>;
  /** Set by the graph: node pool → cluster, NSG rule → NSG, compute → workspace. */
  parent?: Resource;
  /**
   * A part of its parent's declaration (a `default_node_pool` block, an `agentPoolProfiles`
   * entry, an inline security rule, `az aks create`'s default pool), not a resource declared on
   * its own: the parent's `environment` tag is its resource's (RULES.md Environments).
   */
  element?: true;
  /**
   * An element of unknown attributes that stands for the elements that may follow the known
   * first ones of a list only partly known (`concat([systemPool], gpu ? [gpuPool] : [])`;
   * model/normalize.ts): any of them may be a GPU pool (K8S001/K8S002 cannot decide then).
   */
  unknownTail?: true;
  /**
   * Set by the graph on a node pool or compute: the tags (`tagKey(name, value)`) its parent (the
   * cluster, the workspace) carries too: the project's tags, which say nothing about this one
   * (RULES.md GPU001 "meant for GPU": `Project = "aks-gpu-demo"` on the cluster and every pool is
   * not the system pool's intent). `unknown` when the parent's tags are not known: no tag says
   * GPU then, as any may be the project's.
   */
  projectTags?: ReadonlySet<string> | 'unknown';
  /** The evaluation (module/template + variant) that produced this resource. */
  evaluation: Evaluation;
  /** For ARM compiled from Bicep: the resource's declaration in the `.bicep` source. */
  declaredIn?: Location;
  /**
   * The whole declaration (a Terraform block, an ARM resource object, a Bicep body): where a
   * change may remove an attribute a finding at the header says is absent (the Action's
   * "lines the pull request changed").
   */
  extent?: Location;
  /**
   * The command that reads this resource's file as a whole (`az ml compute create --file
   * compute.yml`, a heredoc it reads): a finding located in the file is also the command's, so a
   * directive over the command covers it, and the command is related.
   */
  readBy?: Location;
  /**
   * For a Terraform resource of a local module instance: the root module's call it came through
   * (`module "kv_models" {`). The calls of one shared module are one finding at a place inside
   * the module; each call is a related location of it.
   */
  calledAt?: Location;
  /**
   * For a Terraform resource of a module instance: the class the module's own `environment`/`env`…
   * variable decides (RULES.md "Environments"), when the evaluation's class is unknown.
   */
  moduleEnv?: EnvClass;
  /**
   * The ARM API version the resource is deployed with (ARM `apiVersion`, Bicep and azapi
   * `type@version`); undefined for azurerm, whose provider chooses it. Some ARM defaults
   * depend on it (`tables/spec.ts` `defaultSince`).
   */
  apiVersion?: string;
  /** For a `k8s.workload`: the pod template as read from the manifest (src/model/k8s.ts). */
  k8s?: K8sPodTemplate;
  /**
   * Read from a registry module copy (`terraform init`'s cache): a finding whose place would
   * be inside the copy points at the caller's argument that supplied the value, else at the
   * module call (issue 14, item 1).
   */
  vendored?: VendoredOrigin;
}



