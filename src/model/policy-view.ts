/**
 * The ARM-shaped view of a resource: what Azure Policy evaluates, i.e. the request body Azure
 * receives (FORMATS.md §3(e) trap 1: "what Azure sees is the provider's PUT body, not the source").
 *
 * - ARM, Bicep and azapi resources: the body as written (it is the request body).
 * - Every other format (azurerm, and the `az` front end, which produce canonical attributes):
 *   built from the canonical attributes through the reverse of the ARM table
 *   (`tables/arm.ts`: ARM path → canonical attribute, read backwards), so
 *   `public_network_access_enabled = true` becomes `properties.publicNetworkAccess: "Enabled"`.
 *   An attribute the provider sends with its default (`defaulted`) is in the body, so
 *   `exists: false` is false for it. A path the reverse table does not produce is *not
 *   modelled*: reading it leaves the policy undecided instead of calling it absent.
 * - Inline children are part of their parent's body (NSG `security_rule` blocks are
 *   `properties.securityRules[*]`, the default node pool is `properties.agentPoolProfiles[0]`);
 *   standalone children are their own resources of the child type (FORMATS.md §3(e) trap 2).
 */
import type { Location } from '../core/source.js';
import { list, obj, str, unknown, withProvenanceOf, type Value } from '../core/value.js';
import type { PolicyTarget } from '../eval/policy/index.js';
import type { Fact, Resource, ResourceKind, SourceFormat } from './resource.js';
import { ARM_TABLE } from './tables/arm.js';
import { policyResourceType } from './tables/policy-aliases.js';
import type { AttrSpec, KindSpec } from './tables/spec.js';
import { ARM_COMPUTE_TYPE, AZURERM_NEVER_SENT, computeTypeFromArm } from './facts/aml.js';
import { isInlineElement } from './normalize.js';
import { valueAt } from './value-path.js';

/** Formats whose body is already the ARM request body. */
const ARM_SHAPED = new Set(['arm', 'bicep', 'azapi']);

/**
 * ARM types of azurerm resources and `az` commands the canonical model does not map to a kind of
 * its own (registry.terraform.io/providers/hashicorp/azurerm docs, "Manages a …" of each; `az
 * group create|update` manage a resource group, learn.microsoft.com/cli/azure/group): their type
 * is known, their properties are not modelled.
 */
const UNMODELLED_ARM_TYPES: Record<string, string> = {
  azurerm_resource_group: 'Microsoft.Resources/resourceGroups',
  'az group create': 'Microsoft.Resources/resourceGroups',
  'az group update': 'Microsoft.Resources/resourceGroups',
  azurerm_ai_foundry_project: 'Microsoft.MachineLearningServices/workspaces',
  azurerm_machine_learning_inference_cluster: 'Microsoft.MachineLearningServices/workspaces/computes',
  azurerm_machine_learning_synapse_spark: 'Microsoft.MachineLearningServices/workspaces/computes',
};

/**
 * azurerm resources whose request carries the location of another resource when they write none:
 * `azurerm_machine_learning_compute_instance` is created in its workspace's location (the
 * provider GETs the workspace and sends `Location: azure.NormalizeLocation(*model.Location)`;
 * hashicorp/terraform-provider-azurerm internal/services/machinelearning/
 * machine_learning_compute_instance_resource.go; 4.x has no `location` argument). Not known here.
 */
const LOCATION_FROM: Readonly<Record<string, string>> = {
  azurerm_machine_learning_compute_instance: 'its workspace',
};

/**
 * Formats whose tool fills in a location that is not written: the create commands of the Azure
 * CLI default `--location` to the resource group's (`validator=get_default_location_from_resource_group`
 * in Azure/azure-cli's command modules, e.g. keyvault/_params.py; `az keyvault create --name x
 * --resource-group rg` on Microsoft Learn's Key Vault quickstart), and the Azure ML CLI/SDK sends
 * a compute's workspace location (`compute.location = self._get_workspace_location()`,
 * Azure/azure-sdk-for-python sdk/ml/azure-ai-ml/azure/ai/ml/operations/_compute_operations.py).
 * The request always has a location, known only at run time.
 */
const LOCATION_FILLED_BY_TOOL: Readonly<Partial<Record<SourceFormat, (r: Resource) => string>>> = {
  'azure-cli': (r) =>
    r.kind === 'ml.compute' ? "the Azure ML CLI sends the workspace's location when --location is not given" : "the Azure CLI sends the resource group's location when --location is not given",
  'azureml-yaml': () => "the Azure ML CLI sends the workspace's location when the file gives none",
};

/**
 * Canonical attributes a tool leaves out of the request for some values: the property is then
 * absent from the ARM view (known absent, not unknown). azurerm sends a vault's purge protection
 * only when it is true (hashicorp/terraform-provider-azurerm, key_vault_resource.go: `if
 * purgeProtectionEnabled := d.Get("purge_protection_enabled").(bool); purgeProtectionEnabled {
 * parameters.Properties.EnablePurgeProtection = … }`), so `false` and the default are both left
 * out; the Azure CLI sends no flag that is not given (a defaulted fact).
 */
function leftOutOfRequest(r: Resource, canonical: string, fact: Fact): boolean {
  if (`${r.kind}.${canonical}` !== 'keyvault.purgeProtection') return false;
  if (fact.defaulted) return r.format === 'terraform' || r.format === 'azure-cli';
  return r.format === 'terraform' && fact.value?.kind === 'bool' && !fact.value.value;
}

/** Canonical attributes whose ARM shape differs from the canonical value (blocks vs ARM objects): not modelled. */
const SHAPE_DIFFERS: ReadonlySet<string> = new Set(['keyvault.accessPolicies', 'ml.compute.schedules', 'ml.compute.computeTypeRaw']);

interface Reverse {
  armType: string;
  spec: KindSpec;
}

let byKind: Map<ResourceKind, Reverse> | undefined;
/** The ARM type and table entry of each canonical kind (the first ARM type of that kind). */
function reverseOf(kind: ResourceKind): Reverse | undefined {
  if (!byKind) {
    byKind = new Map();
    for (const [armType, spec] of Object.entries(ARM_TABLE)) if (!byKind.has(spec.kind)) byKind.set(spec.kind, { armType, spec });
  }
  return byKind.get(kind);
}

/** Every lower-case ARM type of the table: an unmapped azurerm resource is known not to be one of them. */
let tableTypes: Set<string> | undefined;
function knownArmTypes(): Set<string> {
  tableTypes ??= new Set([...Object.keys(ARM_TABLE), ...Object.values(UNMODELLED_ARM_TYPES).map((t) => t.toLowerCase())]);
  return tableTypes;
}

function sentValue(r: Resource, attr: AttrSpec, fact: Fact | undefined): Value | undefined {
  if (!fact || fact.value === undefined) return undefined;
  if (SHAPE_DIFFERS.has(`${r.kind}.${attr.canonical}`)) return undefined;
  const v = fact.value;
  if (attr.convert === 'enabledToBool' && v.kind === 'bool') return withProvenanceOf(str(v.value ? 'Enabled' : 'Disabled'), v);
  return v;
}

/** Sets a dotted path in a nested Map body. */
function setPath(root: Map<string, Value>, path: string, v: Value): void {
  const segs = path.split('.');
  let cur = root;
  for (const s of segs.slice(0, -1)) {
    const next = cur.get(s);
    if (next?.kind === 'object') cur = next.entries;
    else {
      const m = new Map<string, Value>();
      cur.set(s, obj(m));
      cur = m;
    }
  }
  cur.set(segs[segs.length - 1]!, v);
}

/** Builds an ARM body from canonical attributes; records the paths it models (lower-case, no indexes). */
function bodyFromFacts(r: Resource, attrs: readonly AttrSpec[], covered: Set<string>, prefix: string, undecidedDefaults: Set<string>, sites: Sites, partial = false): Map<string, Value> {
  const body = new Map<string, Value>();
  for (const a of attrs) {
    const path = a.paths[0]!;
    if (/\.\d+(\.|$)/.test(path) || SHAPE_DIFFERS.has(`${r.kind}.${a.canonical}`)) continue;
    // Only attributes the source format's own table reads are modelled (`normalize` gives each
    // of them a fact, absent or not): azurerm has no argument for every ARM property.
    if (!r.attrs.has(a.canonical)) continue;
    const fact = r.attrs.get(a.canonical);
    // An update command changes only what it names: the rest of the resource is not known here.
    if (partial && fact?.value === undefined) continue;
    // Left out of the request: known absent.
    if (fact && leftOutOfRequest(r, a.canonical, fact)) {
      covered.add(`${prefix}${path}`.toLowerCase());
      continue;
    }
    // A default of an argument inside a nested block (`network_rule_set.0.default_action`) is
    // the service's behaviour when the block is absent, not a value the provider sends.
    if (fact?.defaulted && /\.\d+\./.test(fact.sourcePath)) {
      undecidedDefaults.add(`${prefix}${path}`.toLowerCase());
      continue;
    }
    covered.add(`${prefix}${path}`.toLowerCase());
    const v = sentValue(r, a, fact);
    if (v !== undefined) setPath(body, path, v);
    if (v !== undefined && fact?.at && !sites.has(v)) sites.set(v, { at: fact.at, path: fact.sourcePath });
  }
  return body;
}

/** Where the resource writes the attribute each value of a view built from canonical attributes came from (by the value's identity). */
type Sites = Map<Value, { at: Location; path: string }>;

function canonicalBody(r: Resource, children: readonly Resource[]): { type: Value; body: Value; covered: Set<string>; unsent: Set<string>; sites: Sites; notTypes?: ReadonlySet<string> } {
  const sites: Sites = new Map();
  // An imperative update (`az … update`) is a partial change, not the whole request body.
  const partial = partialOf(r);
  const rev = r.kind === 'other' ? undefined : reverseOf(r.kind);
  const extraType = UNMODELLED_ARM_TYPES[r.sourceType];
  // `tags.<x>` is modelled whenever tags are: an absent tag is not sent. Whether an absent `tags`
  // map is sent as `{}` is not modelled (`exists` on `tags` itself stays undecided then).
  // A location that is not written is not sent only where the resource type is known: a type the
  // model does not map may send one of its own (azurerm_private_dns_zone sends "global") or be
  // a data-plane object with none (azurerm_key_vault_secret).
  const covered = new Set<string>(partial || (!rev && !extraType) ? ['name'] : ['name', 'location']);
  const unsent = new Set<string>();
  const entries = rev ? bodyFromFacts(r, rev.spec.attrs, covered, '', unsent, sites, partial) : new Map<string, Value>();
  // What the provider has no argument for is not in the request (unless an attribute above set it: an azapi_update_resource patch).
  if (r.format === 'terraform' && !partial) for (const p of AZURERM_NEVER_SENT[r.sourceType] ?? []) if (valueAt(obj(entries), p) === undefined) covered.add(p.toLowerCase());
  // AML computes: the azurerm resource type fixes the ARM compute type; `az ml compute create
  // --type` and the Azure ML YAML `type:` name it (`computeinstance`, `amlcompute`). A type
  // that is not known (`--type "$T"`) leaves `properties.computeType` undecided, not absent.
  if (r.kind === 'ml.compute') {
    const ct = r.attrs.get('computeType')?.value;
    const raw = r.attrs.get('computeTypeRaw');
    if (ct?.kind === 'string' && (ct.value === 'cluster' || ct.value === 'instance')) {
      covered.add('properties.computetype');
      setPath(entries, 'properties.computeType', str(ARM_COMPUTE_TYPE[ct.value]));
    } else if (raw?.value?.kind === 'string') {
      covered.add('properties.computetype');
      const type = computeTypeFromArm(raw.value.value);
      // Azure Policy compares strings without case: another type keeps its written name.
      const v = withProvenanceOf(str(type === 'other' ? raw.value.value : ARM_COMPUTE_TYPE[type]), raw.value);
      setPath(entries, 'properties.computeType', v);
      if (raw.at) sites.set(v, { at: raw.at, path: raw.sourcePath });
    }
  }
  for (const el of rev?.spec.elements ?? []) {
    covered.add(el.path.toLowerCase());
    const items = children.filter((c) => c.kind === el.kind).map((c) => obj(bodyFromFacts(c, el.attrs, covered, `${el.path}.`, unsent, sites), c.header));
    if (items.length) setPath(entries, el.path, list(items));
  }
  const name = r.name ?? r.attrs.get('name')?.value;
  if (name && !entries.has('name')) entries.set('name', name);
  const location = valueAt(r.body, 'location');
  if (location) {
    entries.set('location', location);
    covered.add('location');
    const at = r.site?.('location');
    if (at) sites.set(location, { at, path: 'location' });
  } else if (LOCATION_FROM[r.sourceType] && !partial) {
    entries.set('location', unknown(`${r.sourceType} is created in the location of ${LOCATION_FROM[r.sourceType]}, which the provider reads at apply time`));
  } else if (LOCATION_FILLED_BY_TOOL[r.format] && !partial) {
    entries.set('location', unknown(LOCATION_FILLED_BY_TOOL[r.format]!(r)));
  }
  const tags = r.attrs.get('tags')?.value ?? valueAt(r.body, 'tags');
  if (tags) {
    entries.set('tags', tags);
    covered.add('tags');
    const at = r.attrs.get('tags')?.at ?? r.site?.('tags');
    if (at) sites.set(tags, { at, path: r.attrs.get('tags')?.sourcePath ?? 'tags' });
  }
  const armType = rev?.armType ?? extraType;
  if (armType) return { type: str(policyResourceType(armType)), body: obj(entries), covered, unsent, sites };
  return { type: unknown(`${r.sourceType} is not mapped to an ARM type`), body: obj(entries), covered, unsent, sites, notTypes: knownArmTypes() };
}

function partialOf(r: Resource): boolean {
  return /(^|\s)update(\s|$)/.test(r.sourceType);
}

/** Each resource's inline elements, in sibling order: built once per graph, not once per resource (every resource of a graph is judged). */
const inlineChildrenCache = new WeakMap<readonly Resource[], Map<Resource, Resource[]>>();
function inlineChildrenOf(siblings: readonly Resource[]): Map<Resource, Resource[]> {
  let byParent = inlineChildrenCache.get(siblings);
  if (!byParent) {
    byParent = new Map();
    for (const c of siblings) {
      if (!c.parent || !isInlineElement(c)) continue;
      const list = byParent.get(c.parent);
      if (list) list.push(c);
      else byParent.set(c.parent, [c]);
    }
    inlineChildrenCache.set(siblings, byParent);
  }
  return byParent;
}

/** A resource's policy view, and where the resource writes the values it holds. */
export interface ResourceView extends PolicyTarget {
  /**
   * Where the resource writes the attribute that holds `v`, a value the view holds (the
   * consuming attribute, RULES.md "Location"), and that attribute's path as the source writes
   * it. `path`: the ARM path a condition read (`properties.rules[*].access`), when known, to
   * tell apart two attributes that hold one value. Undefined when not known.
   */
  consumer(v: Value, path: string | undefined): { at: Location; path: string } | undefined;
}

/**
 * Whether Azure Resource Manager receives the resource, so Azure Policy's resource modes can
 * evaluate it. A Kubernetes object goes to the cluster's API server (a Resource Provider mode,
 * `Microsoft.Kubernetes.Data`, judges it through the cluster add-on, not as a deployment), and a
 * Terraform resource of another provider than azurerm (`random_string`, `null_resource`,
 * `azuread_application`, `kubernetes_deployment`) or a Bicep extension resource is never an ARM
 * request at all.
 */
function reachesResourceManager(r: Resource): boolean {
  if (r.format === 'k8s') return false;
  if (r.format === 'terraform') return r.sourceType.startsWith('azurerm_');
  // Bicep extension resources: Kubernetes (`batch/Job@v1`, `apps/Deployment@v1`: an API group,
  // no resource provider namespace) and Microsoft Graph (`Microsoft.Graph/applications@v1.0`)
  // go to their own APIs, not to ARM.
  if (r.format === 'bicep' || r.format === 'arm') {
    const namespace = r.sourceType.split('/')[0]!;
    return namespace.includes('.') && namespace.toLowerCase() !== 'microsoft.graph';
  }
  return true;
}

/** The policy view of a resource (undefined for inline elements, which are part of their parent, and for what ARM never receives). */
export function policyTarget(r: Resource, siblings: readonly Resource[], aliasPath: (alias: string) => string | undefined): ResourceView | undefined {
  if (isInlineElement(r) || !reachesResourceManager(r)) return undefined;
  if (ARM_SHAPED.has(r.format)) {
    const body = r.body ?? unknown('the resource body is not known');
    return {
      type: str(policyResourceType(r.sourceType)),
      body,
      aliasPath,
      consumer(v, path) {
        const p = pathOf(body, v, path);
        const at = p === undefined ? undefined : r.site?.(p);
        return at && { at, path: p! };
      },
    };
  }
  const children = inlineChildrenOf(siblings).get(r) ?? [];
  const v = canonicalBody(r, children);
  const from = r.format === 'terraform' ? 'Terraform attributes' : `${r.format} attributes`;
  return {
    consumer(x) {
      const own = v.sites.get(x);
      if (own) return own;
      // A member of a map the view holds whole (a tag of `tags`).
      for (const [container, site] of v.sites) if (container.kind === 'object' && [...container.entries.values()].includes(x)) return site;
      return undefined;
    },
    type: v.type,
    ...(v.notTypes ? { notTypes: v.notTypes } : {}),
    body: v.body,
    aliasPath,
    unmodelled(path) {
      const p = path.toLowerCase().replace(/\.\d+(?=\.|$)/g, '');
      if (v.unsent.has(p)) return `${r.sourceType}: ${path} is not sent when it has its default, so whether it exists is not known`;
      if (v.covered.has(p)) return undefined;
      for (const c of v.covered) if (c.startsWith(`${p}.`)) return undefined;
      // Tags are a map: a tag that is not in it is not sent, nor the map a resource writes none of
      // (unless an update leaves them as they are).
      if ((p === 'tags' || p.startsWith('tags.')) && (v.covered.has('tags') || !partialOf(r))) return undefined;
      return `${r.sourceType}: the ARM path ${path} is not modelled from ${from}`;
    },
  };
}

/**
 * The dotted path (`properties.securityRules.0.properties.access`, keys as written) at which a
 * body holds `v` (by identity): along `path` when given (an ARM path, `[*]` for any member),
 * else the first place it is found.
 */
function pathOf(body: Value, v: Value, path: string | undefined): string | undefined {
  if (path !== undefined) {
    const along = pathAlong(body, v, path.split('.').filter(Boolean));
    if (along !== undefined) return along;
  }
  return search(body, v, 0);
}

const join = (a: string, b: string): string => (b === '' ? a : `${a}.${b}`);

function pathAlong(cur: Value | undefined, v: Value, segs: readonly string[]): string | undefined {
  if (segs.length === 0) return cur === v ? '' : undefined;
  if (cur?.kind !== 'object') return undefined;
  const seg = segs[0]!;
  const all = seg.endsWith('[*]');
  const name = (all ? seg.slice(0, -3) : seg).toLowerCase();
  for (const [key, m] of cur.entries) {
    if (key.toLowerCase() !== name) continue;
    if (!all) {
      const p = pathAlong(m, v, segs.slice(1));
      if (p !== undefined) return join(key, p);
    } else if (m.kind === 'list') {
      for (let i = 0; i < m.items.length; i++) {
        const p = pathAlong(m.items[i], v, segs.slice(1));
        if (p !== undefined) return join(`${key}.${i}`, p);
      }
    }
  }
  return undefined;
}

function search(cur: Value, v: Value, depth: number): string | undefined {
  if (cur === v) return '';
  if (depth > 32) return undefined;
  if (cur.kind === 'object') {
    for (const [key, m] of cur.entries) {
      const p = search(m, v, depth + 1);
      if (p !== undefined) return join(key, p);
    }
  } else if (cur.kind === 'list') {
    for (let i = 0; i < cur.items.length; i++) {
      const p = search(cur.items[i]!, v, depth + 1);
      if (p !== undefined) return join(String(i), p);
    }
  }
  return undefined;
}
