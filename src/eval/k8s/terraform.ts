/**
 * Kubernetes workloads written as Terraform resources (the `hashicorp/kubernetes` provider): their
 * evaluated bodies as the positioned trees `readPodTemplates` reads, so K8S001/K8S002 judge a
 * `kubernetes_deployment_v1` as they judge the Deployment manifest it stands for.
 *
 * - The typed resources (`kubernetes_pod_v1`, `kubernetes_deployment_v1`, …) write the object in
 *   snake_case blocks: `spec { template { spec { container { resources { limits = {…} } }
 *   toleration {…} node_selector = {…} affinity { node_affinity {…} } } } }`. Each block is a list
 *   of objects in the evaluated body (its origin the block header); the fields scheduling reads
 *   are renamed to the API's (`container` → `containers[]`, `init_container` → `initContainers[]`,
 *   `toleration` → `tolerations[]`, `node_selector` → `nodeSelector`,
 *   `required_during_scheduling_ignored_during_execution` → …, `node_selector_term` →
 *   `nodeSelectorTerms[]`, `match_expressions` → `matchExpressions[]`); the rest is left out.
 * - `kubernetes_manifest` writes the object itself (`manifest = { apiVersion = "apps/v1", kind =
 *   "Deployment", spec = {…} }`, camelCase as in YAML): read as it is. One decoded from a file
 *   (`yamldecode(file("gpu-job.yaml"))`) is that file's, linted as a manifest of its own.
 * - `kubectl_manifest` (the kubectl provider) writes it as YAML text, `yaml_body`: a heredoc is
 *   decoded where it is written (eval/terraform/heredoc-yaml.ts), `file("job.yaml")` as that
 *   file (again left to its own lint when the run lints it as a manifest).
 *
 * Sources: hashicorp/terraform-provider-kubernetes, kubernetes/schema_pod_spec.go (`container`,
 * `init_container`, `toleration`, `node_selector`, `affinity`), schema_container.go (`resources`
 * with `limits`/`requests` maps since provider 2.0.0, CHANGELOG #1065; docs/guides/v4-upgrade-guide.md:
 * in 4.x the `_v1` workloads write `resources = { limits = … }` as an object), schema_affinity_spec.go
 * (`node_affinity.required_during_scheduling_ignored_during_execution.node_selector_term
 * .match_expressions`), the resource schemas of each type (where their pod spec sits:
 * eval/terraform/kubernetes-types.ts); registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest.
 */
import { locationContains, type Location, type Range } from '../../core/source.js';
import { unknown, type ObjectValue, type Value } from '../../core/value.js';
import type { YamlEntryNode, YamlTree } from '../../parse/yaml/tree.js';
import { DEFAULT_TOLERATIONS, readKaitoObjects, readPodTemplates, type KaitoObject } from './read.js';
import { KUBECTL_MANIFEST, KUBERNETES_MANIFEST, typedWorkload, type TypedWorkload } from '../terraform/kubernetes-types.js';
import type { K8sPodTemplate } from './types.js';
import { isTerraformFile } from '../../core/file-kind.js';

/**
 * How a snake_case field of a block becomes the API's field: its name, and whether it is one
 * block (`one`: the first of the block list), repeated blocks (`many`: a list), or a value kept as
 * written (`value`: a map of labels or quantities, a string). `shape` names the table its fields
 * are read with; fields a table does not list are left out.
 */
type ShapeName = 'podSpec' | 'container' | 'resources' | 'toleration' | 'affinity' | 'nodeAffinity' | 'nodeSelector' | 'term' | 'requirement' | 'metadata';
type Field = readonly [name: string, as: 'one' | 'many' | 'value', shape?: ShapeName];

const SHAPES = {
  podSpec: {
    container: ['containers', 'many', 'container'],
    init_container: ['initContainers', 'many', 'container'],
    toleration: ['tolerations', 'many', 'toleration'],
    node_selector: ['nodeSelector', 'value'],
    affinity: ['affinity', 'one', 'affinity'],
  },
  container: { name: ['name', 'value'], resources: ['resources', 'one', 'resources'] },
  // Provider 1.x wrote `limits { cpu = …, memory = … }` as a block: its first item is the map.
  resources: { limits: ['limits', 'one'], requests: ['requests', 'one'] },
  toleration: { key: ['key', 'value'], operator: ['operator', 'value'], value: ['value', 'value'], effect: ['effect', 'value'] },
  affinity: { node_affinity: ['nodeAffinity', 'one', 'nodeAffinity'] },
  nodeAffinity: { required_during_scheduling_ignored_during_execution: ['requiredDuringSchedulingIgnoredDuringExecution', 'one', 'nodeSelector'] },
  nodeSelector: { node_selector_term: ['nodeSelectorTerms', 'many', 'term'] },
  term: { match_expressions: ['matchExpressions', 'many', 'requirement'], match_fields: ['matchFields', 'many', 'requirement'] },
  requirement: { key: ['key', 'value'], operator: ['operator', 'value'], values: ['values', 'value'] },
  // (Labels and annotations: the Kueue queue name, read.ts kueueQueueOf; review 126.)
  metadata: { name: ['name', 'value'], generate_name: ['generateName', 'value'], namespace: ['namespace', 'value'], labels: ['labels', 'value'], annotations: ['annotations', 'value'] },
} as const satisfies Record<ShapeName, Record<string, Field>>;

/** Why the rest of a list only partly known is not read (a static block beside a `dynamic` one over an unknown collection). */
const PARTIAL_LIST = 'more items may follow that are not known';

/** Values deeper than this are not followed (hostile input: a self-nesting local). */
const MAX_DEPTH = 64;

/** Builds trees whose ranges are the values' origins, remembering each range's file for the reader. */
class TreeBuilder {
  readonly files = new WeakMap<Range, string>();
  /** The value each node of `value()` stands for (a KAITO object's size: its origin, its reason when not known). */
  readonly values = new WeakMap<YamlTree, Value>();
  /** `sites`: where each attribute of the resource is written, by path (`spec[0].template[0].spec[0].node_selector`). */
  constructor(
    private readonly fallback: Location,
    private readonly sites?: ReadonlyMap<string, Location>,
    private readonly block?: Range,
  ) {}

  /**
   * Where a block a `dynamic` block wrote is located: at the item of the collection it iterated,
   * when that is written outside the resource (a toleration from `var.tolerations`, set in a var
   * file or by each module caller: the place to change) — the item itself, else the first of its
   * fields that comes from there; else at the `dynamic` header (a literal `for_each` list in the resource).
   */
  private dynamicItemPlace(v: ObjectValue, fields: readonly string[]): Location | undefined {
    if (!v.origin?.label?.startsWith('dynamic "') || !this.block) return undefined;
    if (v.dynamicItem && !this.inBlock(v.dynamicItem)) return v.dynamicItem;
    for (const f of fields) {
      const o = v.entries.get(f)?.origin;
      if (o && !this.inBlock(o)) return o;
    }
    return undefined;
  }

  /** Whether `o` lies in the resource's own block. */
  private inBlock(o: Location): boolean {
    return this.block !== undefined && o.file === this.fallback.file && o.range.start.offset >= this.block.start.offset && o.range.end.offset <= this.block.end.offset;
  }

  private place(origin: Location | undefined): Range {
    const at = origin ?? this.fallback;
    this.files.set(at.range, at.file);
    return at.range;
  }

  scalar(text: string, at: Location, plain = false): YamlTree {
    return { type: 'scalar', value: text, plain, range: this.place(at) };
  }

  /** A value as it is written: objects as mappings, lists as sequences. */
  value(v: Value, depth = 0): YamlTree {
    const tree = this.tree(v, depth);
    this.values.set(tree, v);
    return tree;
  }

  private tree(v: Value, depth: number): YamlTree {
    const range = this.place(v.origin);
    if (depth > MAX_DEPTH) return { type: 'other', range };
    switch (v.kind) {
      case 'string':
        return { type: 'scalar', value: v.value, plain: false, range };
      case 'number':
      case 'bool':
        return { type: 'scalar', value: String(v.value), plain: true, range };
      case 'null':
        return { type: 'scalar', value: '', plain: true, range };
      case 'object':
        return { type: 'map', range, entries: [...v.entries].map(([k, e]) => this.entry(v, k, k, this.value(e, depth + 1))) };
      default:
        // Unknown (and not a list whose first items are known): the reader cannot read the part,
        // and says what it may hide and why.
        return this.seq(v, (i) => this.value(i, depth + 1)) ?? { type: 'other', range, unknown: v.kind === 'unknown' ? v.reason : undefined };
    }
  }

  /**
   * A list as a sequence of `read` items; one only partly known — a static block beside a
   * `dynamic` one over an unknown collection, `concat([{ key = "sku", … }], var.extra)` — as its
   * known items and one that cannot be read for what may follow. Undefined for any other value.
   */
  private seq(v: Value, read: (x: Value, i: number) => YamlTree): YamlTree | undefined {
    const known = v.kind === 'list' ? v.items : v.kind === 'unknown' && v.firstItems?.length ? v.firstItems : undefined;
    if (!known) return undefined;
    const range = this.place(v.origin);
    const items = known.map(read);
    if (v.kind === 'unknown') items.push({ type: 'other', range, unknown: v.reason });
    else if (v.kind === 'list' && v.partial) items.push({ type: 'other', range, unknown: PARTIAL_LIST });
    return { type: 'seq', range, items };
  }

  /** A block body read with a table of `SHAPES`: its listed fields renamed, the others left out. */
  shaped(v: Value, shape: ShapeName, depth = 0, site = ''): YamlTree {
    if (v.kind !== 'object') return this.value(v, depth);
    if (depth > MAX_DEPTH) return { type: 'other', range: this.place(v.origin) };
    const fields: Readonly<Record<string, Field>> = SHAPES[shape];
    const entries: YamlEntryNode[] = [];
    for (const [k, e] of v.entries) {
      const field = Object.hasOwn(fields, k) ? fields[k] : undefined;
      if (!field) continue;
      const [name, as, inner] = field;
      const at = `${site}${site ? '.' : ''}${k}`;
      const read = (x: Value, i: number): YamlTree => (inner ? this.shaped(x, inner, depth + 1, `${at}[${i}]`) : this.value(x, depth + 1));
      let tree: YamlTree | undefined;
      if (as === 'value') tree = this.value(e, depth + 1);
      else if (as === 'one') {
        const block = firstBlock(e);
        // No block written (an empty dynamic block): the field is absent.
        if (block === null) continue;
        tree = read(block, 0);
      } else tree = this.seq(e, read) ?? this.value(e, depth + 1);
      entries.push(this.entry(v, k, name, tree, this.sites?.get(at)));
    }
    // (A toleration a dynamic block wrote: at the collection's item it came from.)
    // (Or one a dynamic block wrote because a condition chose its collection: at the deciding input.)
    const place = shape === 'toleration' ? (v.decidedBy ?? this.dynamicItemPlace(v, ['key', 'operator', 'value', 'effect']) ?? v.origin) : v.origin;
    return { type: 'map', range: this.place(place), entries };
  }

  /** A mapping entry `name` for the key `key` of `parent`: located where the key is written, else at its value. */
  private entry(parent: ObjectValue, key: string, name: string, value: YamlTree, site?: Location): YamlEntryNode {
    const at = parent.keyOrigins?.get(key) ?? site;
    const keyRange = at ? this.place(at) : value.range;
    // A value not known is located where it is used (`limits = var.limits`), not where the
    // variable is declared: that is where a reader of --verbose looks.
    const used: YamlTree = at && value.type === 'other' && value.unknown !== undefined ? { ...value, range: keyRange } : value;
    const v = this.values.get(value);
    if (used !== value && v) this.values.set(used, v);
    return { key: name, keyRange, value: used, range: keyRange };
  }

  /** A mapping of one entry, located at `at`. */
  wrap(name: string, value: YamlTree, at: Location | undefined): YamlTree {
    const range = this.place(at);
    return { type: 'map', range, entries: [{ key: name, keyRange: range, range, value }] };
  }
}

/** The one block of a field (a list of one object in the body), an unknown or odd value as it is, or null for none. */
function firstBlock(v: Value | null): Value | null {
  if (v === null) return null;
  if (v.kind === 'list') return v.partial ? v : (v.items[0] ?? null);
  return v;
}

/** What a Terraform resource shows of its pod templates: its type, body and header. */
export interface TerraformWorkloadResource {
  type: string;
  /** `kubectl_manifest.job`, `module.app.kubernetes_manifest.x["a"]`. */
  address?: string;
  body: ObjectValue;
  header: Location;
  /** Where each attribute is written, by path (`TfResource.sites`). */
  sites?: ReadonlyMap<string, Location>;
  /** The resource's block (`TfResource.block`): what is written inside it, and what comes from outside. */
  block?: { range: Range };
}

/**
 * The pod templates of a Kubernetes workload resource, or none (another type; a
 * `kubernetes_manifest` whose spec is decoded from a file `isManifestFile` says is a manifest the
 * run lints on its own). A `kubernetes_manifest` whose object is not known: one template that
 * cannot be read.
 */
export function terraformPodTemplates(r: TerraformWorkloadResource, isManifestFile?: (file: string) => boolean): K8sPodTemplate[] {
  const b = new TreeBuilder(r.header, r.sites, r.block?.range);
  const written = manifestObject(r);
  if (written) {
    const manifest = written.value;
    const lintedElsewhere = (v: Value | undefined): boolean => writtenInLintedManifest(v, isManifestFile);
    // Not known (`var.m`, `templatefile()`, a heredoc with a directive): it may be a GPU workload
    // (--verbose), unless it is a manifest file the run lints (`templatefile("job.yaml", …)`).
    if (manifest?.kind === 'unknown') return lintedElsewhere(manifest) ? [] : [unknownObject(r, written.attribute, manifest)];
    if (manifest?.kind !== 'object') return [];
    // Its pod templates decoded from a manifest file (`yamldecode(file("job.yaml"))`, whole or
    // its spec): that file is linted as a manifest, and reports them. A spec from a var file, a
    // spec-only YAML file or a template is read here (self-review 98).
    if (lintedElsewhere(manifest.entries.get('spec'))) return [];
    const templates = readPodTemplates(r.header.file, [b.value(manifest)], undefined, (range) => b.files.get(range));
    const site = r.sites?.get(written.attribute);
    const outside = site && manifest.origin && !(r.block && manifest.origin.file === r.header.file && locationContains({ file: r.header.file, range: r.block.range }, manifest.origin));
    for (const t of templates) {
      t.syntax = isYamlText(manifest, t.path) ? 'yaml' : 'hcl';
      if (outside) t.consumedAt = { ...site, label: `${written.attribute} of ${r.address ?? r.type}` };
    }
    return templates;
  }
  const w = typedWorkload(r.type);
  if (!w) return [];
  const templates = readPodTemplates(r.header.file, [typedDocument(b, w, r)], undefined, (range) => b.files.get(range));
  for (const t of templates) t.syntax = 'blocks';
  return templates;
}

/** Whether a value is written in a manifest file the run lints on its own, which reports it (not read here then). */
function writtenInLintedManifest(v: Value | undefined, isManifestFile?: (file: string) => boolean): boolean {
  return v?.origin !== undefined && !isTerraformFile(v.origin.file) && isManifestFile?.(v.origin.file) === true;
}

/** A KAITO object a manifest resource writes, and its size as evaluated (`kaitoResourceOf`). */
export interface TerraformKaitoObject {
  object: KaitoObject;
  size?: Value;
}

/**
 * The KAITO objects (a `Workspace`, a `RAGEngine`) a `kubectl_manifest` or `kubernetes_manifest`
 * writes, read as a manifest file's are (read.ts), each with its size's value: where it is written
 * (a `.tfvars` value through the variable a heredoc interpolates), or not known and why. One whose
 * size is written in a manifest file the run lints on its own is reported there.
 */
export function terraformKaitoObjects(r: TerraformWorkloadResource, isManifestFile?: (file: string) => boolean): TerraformKaitoObject[] {
  const manifest = manifestObject(r)?.value;
  if (manifest?.kind !== 'object') return [];
  const b = new TreeBuilder(r.header, r.sites, r.block?.range);
  const out: TerraformKaitoObject[] = [];
  for (const object of readKaitoObjects(r.header.file, [b.value(manifest)], undefined, (range) => b.files.get(range))) {
    const size = object.instanceType && b.values.get(object.instanceType.node);
    if (writtenInLintedManifest(size, isManifestFile)) continue;
    out.push({ object, ...(size ? { size } : {}) });
  }
  return out;
}

/**
 * Whether the tolerations of the pod spec at `path` (`spec.template.spec`,
 * `spec.workerGroupSpecs[0].template.spec`) in a manifest object are written as YAML text (a
 * heredoc or template the configuration decodes) — else the pod spec, else the object itself.
 */
function isYamlText(manifest: ObjectValue, path: string): boolean {
  let cur: Value | undefined = manifest;
  let marked = manifest.yamlText === true;
  for (const step of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(step);
    if (!m || cur?.kind !== 'object') break;
    cur = cur.entries.get(m[1]!);
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) cur = cur?.kind === 'list' ? cur.items[Number(i[1])] : undefined;
    if (cur?.kind === 'object' || cur?.kind === 'list') marked = cur.yamlText === true;
  }
  const tolerations = cur?.kind === 'object' ? cur.entries.get('tolerations') : undefined;
  return tolerations?.kind === 'object' || tolerations?.kind === 'list' ? tolerations.yamlText === true : marked;
}

/**
 * The object a typed resource stands for, shaped as its manifest: `apiVersion` and `kind` at the
 * resource header, `metadata`, and the blocks down to the pod spec (camelCase). A block on the
 * way that is not known (a `dynamic` block over an unknown collection) stands for the pod spec:
 * the reader says the template cannot be read.
 */
function typedDocument(b: TreeBuilder, w: TypedWorkload, r: TerraformWorkloadResource): YamlTree {
  const header = r.header;
  const top: YamlEntryNode[] = [
    { key: 'apiVersion', keyRange: header.range, range: header.range, value: b.scalar(w.apiVersion, header) },
    { key: 'kind', keyRange: header.range, range: header.range, value: b.scalar(w.kind, header) },
  ];
  const metadata = firstBlock(r.body.entries.get('metadata') ?? null);
  if (metadata !== null) top.push({ key: 'metadata', keyRange: header.range, range: header.range, value: b.shaped(metadata, 'metadata', 0, 'metadata[0]') });
  // Down the blocks to the pod spec: `spec[0].template[0].spec[0]`.
  const blocks: Value[] = [];
  let cur: Value = r.body;
  for (const field of w.path) {
    const block: Value | null = cur.kind === 'object' ? firstBlock(cur.entries.get(field) ?? null) : cur;
    // Not written: the object has no pod template.
    if (block === null) return { type: 'map', range: header.range, entries: top };
    blocks.push(block);
    if (block.kind !== 'object') break;
    cur = block;
  }
  // From the pod spec outwards, each level a mapping of one entry.
  const last = blocks.length - 1;
  const podSpecSite = w.path.map((f) => `${f}[0]`).join('.');
  let tree = blocks[last]!.kind === 'object' && last === w.path.length - 1 ? b.shaped(blocks[last]!, 'podSpec', 0, podSpecSite) : b.value(blocks[last]!);
  for (let i = w.path.length - 1; i > 0; i--) {
    const holder = blocks[Math.min(i, last + 1) - 1]!;
    tree = b.wrap(camel(w.path[i]!), tree, holder.origin);
    // A template's own `metadata` block on the way (a CronJob's `job_template`, a pod template):
    // its labels (the Kueue queue name of a CronJob's Jobs, read.ts kueueQueueOf; review 127).
    const meta = i - 1 <= last && holder.kind === 'object' ? firstBlock(holder.entries.get('metadata') ?? null) : null;
    if (meta !== null && tree.type === 'map') {
      const site = `${w.path.slice(0, i).map((f) => `${f}[0]`).join('.')}.metadata[0]`;
      tree.entries.push({ key: 'metadata', keyRange: tree.range, range: tree.range, value: b.shaped(meta, 'metadata', 0, site) });
    }
  }
  top.push({ key: camel(w.path[0]!), keyRange: tree.range, range: tree.range, value: tree });
  return { type: 'map', range: header.range, entries: top };
}

/**
 * The object a manifest resource writes, and the attribute it is written in: a
 * `kubernetes_manifest`'s `manifest`; a `kubectl_manifest`'s `yaml_body` decoded (a heredoc, a
 * YAML file's text; a JSON file's or `jsonencode`'s text is its document). Undefined for a typed
 * resource; a value undefined when the attribute is not written.
 */
function manifestObject(r: TerraformWorkloadResource): { attribute: string; value: Value | undefined } | undefined {
  if (r.type === KUBERNETES_MANIFEST) return { attribute: 'manifest', value: r.body.entries.get('manifest') };
  if (r.type !== KUBECTL_MANIFEST) return undefined;
  const text = r.body.entries.get('yaml_body');
  if (text?.kind !== 'string' && text?.kind !== 'unknown') return { attribute: 'yaml_body', value: text };
  const value = text.yaml ? text.yaml() : text.kind === 'string' ? (text.document ?? unknown('its YAML is not decoded statically: it is not a heredoc, file() or templatefile() (a quoted string, or text a function made)', text.origin)) : text;
  return { attribute: 'yaml_body', value };
}

/** A manifest resource whose object is not known: a template that cannot be read, and why. */
function unknownObject(r: TerraformWorkloadResource, attribute: string, manifest: Extract<Value, { kind: 'unknown' }>): K8sPodTemplate {
  return {
    file: r.header.file,
    workloadKind: r.type,
    apiVersion: '',
    path: attribute,
    header: r.header,
    containers: [],
    tolerations: [],
    nodeSelector: [],
    // Where the attribute is written (`manifest =`, `yaml_body =`; not the declaration of a variable its value came from).
    unreadable: [{ what: attribute, at: r.sites?.get(attribute) ?? manifest.origin ?? r.header, hides: 'pod', reason: manifest.reason }],
  };
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The namespace resources of the provider (each unversioned name the deprecated alias of its `_v1`). */
const NAMESPACE_TYPES = new Set(['kubernetes_namespace', 'kubernetes_namespace_v1']);

/**
 * The namespaces a module's resources declare whose `scheduler.alpha.kubernetes.io/defaultTolerations`
 * annotation gives their pods tolerations at admission (PodTolerationRestriction), by name, with
 * where the annotation is written: `kubernetes_namespace_v1` (`metadata { annotations = {…} }`) and
 * a `kubernetes_manifest` Namespace. A namespace whose name is not known counts for every name
 * (`''`). As a manifest file's Namespace does for the workloads of that file (read.ts).
 */
export function injectingNamespaces(resources: readonly TerraformWorkloadResource[]): Map<string, Location> {
  const out = new Map<string, Location>();
  for (const r of resources) {
    let metadata: Value | null = null;
    if (NAMESPACE_TYPES.has(r.type)) metadata = firstBlock(r.body.entries.get('metadata') ?? null);
    else {
      const m = manifestObject(r)?.value;
      const kind = m?.kind === 'object' ? m.entries.get('kind') : undefined;
      if (kind?.kind === 'string' && kind.value === 'Namespace') metadata = (m as ObjectValue).entries.get('metadata') ?? null;
    }
    if (metadata?.kind !== 'object') continue;
    const annotations = metadata.entries.get('annotations');
    if (annotations?.kind !== 'object') continue;
    const annotation = annotations.entries.get(DEFAULT_TOLERATIONS);
    if (!annotation || annotation.kind === 'null' || (annotation.kind === 'string' && annotation.value.trim() === '')) continue;
    const name = metadata.entries.get('name');
    out.set(name?.kind === 'string' ? name.value : '', annotations.keyOrigins?.get(DEFAULT_TOLERATIONS) ?? annotation.origin ?? r.header);
  }
  return out;
}

/**
 * The namespace a workload resource's pods are created in: `metadata.namespace` (a typed resource's
 * block, a manifest's key); `default` when not written (the provider's and the API's default);
 * undefined when it is not known.
 */
export function workloadNamespace(r: TerraformWorkloadResource): string | undefined {
  // kubectl_manifest's `override_namespace` replaces the object's namespace when set and not empty
  // (the provider reads it with GetOk, which takes "" for not set).
  const override = r.type === KUBECTL_MANIFEST ? r.body.entries.get('override_namespace') : undefined;
  if (override && override.kind !== 'null' && !(override.kind === 'string' && override.value === '')) return override.kind === 'string' ? override.value : undefined;
  const written = manifestObject(r);
  const m = written ? written.value : r.body.entries.get('metadata');
  const metadata = written ? (m?.kind === 'object' ? m.entries.get('metadata') : undefined) : firstBlock(m ?? null);
  if (metadata === undefined || metadata === null) return written && m?.kind !== 'object' ? undefined : 'default';
  if (metadata.kind !== 'object') return undefined;
  const ns = metadata.entries.get('namespace');
  if (ns === undefined || ns.kind === 'null') return 'default';
  return ns.kind === 'string' ? ns.value : undefined;
}
