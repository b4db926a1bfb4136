/**
 * Maps source resources (azurerm, azapi, ARM, Bicep) onto canonical `Resource`s using the
 * tables in `tables/`. The only code that reads the tables.
 */
import { locationContains, sameRange, type Location } from '../core/source.js';
import type { Evaluation, Fact, Resource, SourceFormat } from './resource.js';
import { bool, fromJS, nullWrittenElsewhere, str, unknown, withProvenanceOf, type Value } from '../core/value.js';
import type { AttrSpec, DerivedFacts, ElementSpec, KindSpec } from './tables/spec.js';
import { virtualMachinesPoolFacts } from './aks-virtual-machines-pool.js';
import { childAt, valueAt } from './value-path.js';

export interface SourceResource {
  format: SourceFormat;
  address: string;
  /** Type as written: `azurerm_key_vault`, `Microsoft.KeyVault/vaults`. */
  sourceType: string;
  /** The table entry for the type, or undefined for kinds the model does not know. */
  spec: KindSpec | undefined;
  header: Location;
  /** Evaluated body in the source shape (ARM shape for azapi). */
  body: Value;
  name?: Value;
  /** Where an attribute is written, by path (`default_node_pool.0.vm_size`). */
  site?: (path: string) => Location | undefined;
  /** Whether that place is written by a template of several elements (a `for` body, a `map()` lambda). */
  templateSite?: (path: string) => boolean;
  identity: string[];
  /** References known from the shape itself (ARM child → parent workspace). */
  refs?: Map<string, Value>;
  evaluation: Evaluation;
  /** ARM API version (ARM `apiVersion`, Bicep/azapi `type@version`); undefined for azurerm. */
  apiVersion?: string;
  /** Top-level attributes the source does not write although the body has them (a plan's provider-filled values). */
  unwritten?: ReadonlySet<string>;
  /**
   * A plan's: the top-level attributes the provider that made it has for the type (lower case);
   * an attribute under none of its names is not known (`factOf`).
   */
  providerAttributes?: ReadonlySet<string>;
  /** azurerm: whether the configuration allows only provider versions below a given one (`AttrSpec.providerHistory`). */
  providerOnlyBelow?: (version: string) => boolean;
}

/**
 * The `null` on a dotted path that makes the attribute absent and was written somewhere else
 * than the attribute: chosen by a conditional (`decidedBy` set), the attribute itself or an
 * object above it (`properties = c ? {…} : null`), or passed through an input (a variable's
 * `default = null`, a `.tfvars` line, a module argument: `via` set; review 87). Undefined otherwise.
 */
function chosenNullAt(v: Value | undefined, path: string): Value | undefined {
  let cur = v;
  for (const seg of path.split('.')) {
    if (!cur || cur.kind === 'unknown') return undefined;
    if (cur.kind === 'null') return nullWrittenElsewhere(cur) ? cur : undefined;
    const parent: Value = cur;
    cur = childAt(parent, seg);
    // A key a conditional left out of the object it chose (`union(base, c ? { x: … } : {})`).
    if (cur === undefined && parent.kind === 'object' && parent.leftOut) cur = leftOutKey(parent.leftOut, seg);
  }
  return cur && nullWrittenElsewhere(cur) ? cur : undefined;
}


function leftOutKey(left: ReadonlyMap<string, Value>, seg: string): Value | undefined {
  const lower = seg.toLowerCase();
  for (const [k, v] of left) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function convert(v: Value, spec: AttrSpec): Value {
  if (spec.convert === 'enabledToBool' && v.kind === 'string') {
    const s = v.value.toLowerCase();
    if (s === 'enabled' || s === 'disabled') return withProvenanceOf(bool(s === 'enabled'), v);
  }
  if (spec.convert === 'invertBool' && v.kind === 'bool') return withProvenanceOf(bool(!v.value), v);
  if (spec.convert === 'boolToEnabled' && v.kind === 'bool') return withProvenanceOf(str(v.value ? 'Enabled' : 'Disabled'), v);
  return v;
}

/** The `providerHistory` entry for the versions a configuration allows, if they all predate one. */
function olderProvider(spec: AttrSpec, providerOnlyBelow: ((version: string) => boolean) | undefined): NonNullable<AttrSpec['providerHistory']>[number] | undefined {
  if (!providerOnlyBelow || !spec.providerHistory) return undefined;
  return spec.providerHistory.find((h) => providerOnlyBelow(h.before));
}

/** What a source tells about its attributes besides their values. */
interface FactSource {
  apiVersion?: string | undefined;
  /** A plan's provider-filled top-level attributes: their value is the default. */
  unwritten?: ReadonlySet<string> | undefined;
  /** A plan's provider schema, its top-level attribute names (lower case): an attribute outside it is not known. */
  providerAttributes?: ReadonlySet<string> | undefined;
  providerOnlyBelow?: ((version: string) => boolean) | undefined;
}

export function factOf(body: Value, spec: AttrSpec, site?: (p: string) => Location | undefined, sitePrefix = '', source: FactSource = {}): Fact {
  const { apiVersion, unwritten, providerAttributes, providerOnlyBelow } = source;
  for (const p of spec.paths) {
    const v = valueAt(body, p);
    if (v === undefined) continue;
    const value = convert(v, spec);
    // A plan's provider-filled top-level value: not written, so it is the default that applies
    // (RULES.md "absent … the provider/ARM default applies"), with the value the provider sends.
    const defaulted = sitePrefix === '' && !p.includes('.') && unwritten?.has(p) === true;
    const fact: Fact = { value, defaulted, at: defaulted ? undefined : site?.(sitePrefix + p), sourcePath: p };
    if (value !== v && (v.kind === 'string' || v.kind === 'bool')) fact.written = String(v.value);
    return fact;
  }
  // A plan writes every attribute its provider has (null when not set): one it has under none of
  // the names is not the provider's (an older version, FORMATS.md §5(a)), and what Azure applies
  // then is not known (RULES.md "a value that cannot be known is never reported").
  if (providerAttributes && !spec.paths.some((p) => providerAttributes.has(p.split('.')[0]!.toLowerCase()))) {
    const names = spec.paths.length === 1 ? `${spec.paths[0]} is not` : spec.paths.length === 2 ? `neither ${spec.paths[0]} nor ${spec.paths[1]} is` : `none of ${spec.paths.join(', ')} is`;
    return { value: unknown(`${names} an attribute of the provider version that made the plan (its resource change has no such key), so the value that applies is not known`), defaulted: false, sourcePath: spec.paths[0]! };
  }
  const older = olderProvider(spec, providerOnlyBelow);
  const sourcePath = older?.path ?? spec.paths[0]!;
  if (spec.absentUnknown) return { value: unknown(`${sourcePath} is not set, and what is sent then is not documented`), defaulted: false, sourcePath };
  let absent: Fact;
  if (spec.defaultSince?.length) {
    // The default depends on the API version: without a known one it cannot be told.
    if (apiVersion === undefined) return { value: unknown(`${sourcePath} is not set and its default depends on the API version, which is not known`), defaulted: false, sourcePath };
    let chosen = spec.default;
    for (const d of spec.defaultSince) if (apiVersionDate(apiVersion) >= apiVersionDate(d.apiVersion)) chosen = d.value;
    absent = { value: chosen === undefined ? undefined : fromJS(chosen), defaulted: chosen !== undefined, sourcePath };
  } else {
    const fallback = older && 'default' in older ? older.default : spec.default;
    absent = { value: fallback === undefined ? undefined : fromJS(fallback), defaulted: fallback !== undefined, sourcePath };
    // A converted default is shown as the source format spells it (`Enabled`, not true).
    if (spec.convert === 'enabledToBool' && typeof fallback === 'boolean') absent.written = fallback ? 'Enabled' : 'Disabled';
    if (spec.convert === 'invertBool' && typeof fallback === 'boolean') absent.written = String(!fallback);
  }
  for (const p of spec.paths) {
    const nulled = chosenNullAt(body, p);
    if (nulled) return { ...absent, nulled, at: site?.(sitePrefix + p) };
  }
  return absent;
}

/**
 * Every dotted path of the source body the normalizer reads for a kind (attributes, references,
 * elements with their attributes and names). A plan keeps only these of each resource: what no
 * rule reads is not held in memory (a 200 MB plan).
 */
export function pathsRead(spec: KindSpec): string[] {
  const out = spec.attrs.flatMap((a) => a.paths);
  for (const paths of Object.values(spec.refs ?? {})) out.push(...paths);
  for (const el of spec.elements ?? []) {
    out.push(...el.attrs.flatMap((a) => a.paths.map((p) => `${el.path}.0.${p}`)));
    if (el.namePath) out.push(`${el.path}.0.${el.namePath}`);
    if (!el.attrs.length) out.push(el.path);
  }
  return out;
}

/** The date part of an ARM API version (`2024-01-01-preview` → `2024-01-01`), for ordering. */
export function apiVersionDate(apiVersion: string): string {
  return apiVersion.trim().slice(0, 10);
}

function fixedFacts(fixed: Record<string, unknown> | undefined, into: Map<string, Fact>): void {
  for (const [k, v] of Object.entries(fixed ?? {})) into.set(k, { value: fromJS(v), defaulted: true, sourcePath: k });
}

export function normalize(src: SourceResource): Resource[] {
  const spec = src.spec;
  const attrs = new Map<string, Fact>();
  const refs = new Map<string, Value>(src.refs ?? []);
  const resource: Resource = {
    address: src.address,
    kind: spec?.kind ?? 'other',
    sourceType: src.sourceType,
    format: src.format,
    header: src.header,
    name: src.name,
    attrs,
    body: src.body,
    identity: src.identity,
    refs,
    evaluation: src.evaluation,
  };
  if (src.apiVersion !== undefined) resource.apiVersion = src.apiVersion;
  if (src.site) resource.site = src.site;
  if (!spec) return [resource];
  fixedFacts(spec.fixed, attrs);
  for (const a of spec.attrs) attrs.set(a.canonical, factOf(src.body, a, src.site, '', src));
  applyDerived(spec.derived, src.body, src.site, attrs);
  for (const [ref, paths] of Object.entries(spec.refs ?? {})) {
    for (const p of paths) {
      const v = valueAt(src.body, p);
      if (v) {
        refs.set(ref, v);
        break;
      }
    }
  }
  const out = [resource];
  for (const el of spec.elements ?? []) out.push(...elements(resource, src, el));
  return out;
}

/** The facts a table's `derived` reads (`DerivedFacts`), over the attributes' when they apply. */
function applyDerived(derived: DerivedFacts | undefined, body: Value, site: ((p: string) => Location | undefined) | undefined, into: Map<string, Fact>): void {
  if (!derived) return;
  const facts = virtualMachinesPoolFacts(body, derived.base, site);
  if (facts) for (const [k, f] of facts) into.set(k, f);
}

function elements(parent: Resource, src: SourceResource, el: ElementSpec): Resource[] {
  const listValue = valueAt(src.body, el.path);
  // An unknown list (a `dynamic` block over an unknown collection, an ARM property read from an
  // unknown parameter) may hold elements: one element of unknown attributes stands for them, so
  // a rule that would judge them records "could not decide" (RULES.md Conventions) instead of
  // seeing no element at all.
  // A list only partly known (`concat([systemPool], gpu ? [gpuPool] : [])`) has its first
  // elements, then the one of unknown attributes for those that may follow.
  const field = el.path.split('.').pop();
  const first = listValue?.kind === 'unknown' ? (listValue.firstItems ?? []) : [];
  const items =
    listValue?.kind === 'list'
      ? listValue.items
      : listValue?.kind === 'unknown'
        ? [...first, unknown(first.length > 0 ? `which ${field} elements follow the first ${first.length} is not known: ${listValue.reason}` : `which ${field} elements exist is not known: ${listValue.reason}`, listValue.origin, listValue.token)]
        : [];
  return items.map((item, i) => {
    const attrs = new Map<string, Fact>();
    fixedFacts(el.fixed, attrs);
    const prefix = `${el.path}.${i}.`;
    // Not a plan's provider schema: the element tables also give defaults to arguments a block
    // never has (a default_node_pool has no priority; agent_pool_profile no labels).
    const source = { apiVersion: src.apiVersion, providerOnlyBelow: src.providerOnlyBelow };
    for (const a of el.attrs) attrs.set(a.canonical, factOf(item, a, src.site, prefix, source));
    const srcSite = src.site;
    applyDerived(el.derived, item, srcSite && ((p) => srcSite(prefix + p)), attrs);
    if (i === 0) {
      for (const [k, v] of Object.entries(el.firstDefaults ?? {})) {
        const f = attrs.get(k);
        if (!f || f.value === undefined) attrs.set(k, { value: fromJS(v), defaulted: true, sourcePath: k });
      }
    }
    const nameValue = el.namePath ? valueAt(item, el.namePath) : undefined;
    const key = nameValue?.kind === 'string' ? nameValue.value : listValue?.kind === 'unknown' && i === items.length - 1 ? '?' : String(i);
    // RULES.md: an element is located at its block header (HCL) or its "name" line (JSON): the
    // name as the element writes it. A name read from elsewhere (`name: poolName`) is located at
    // the element's `name` property, not at the parameter default that holds the text.
    const header = (src.format === 'terraform' ? item.origin : elementNameAt(src, prefix, el, item, nameValue) ?? item.origin) ?? parent.header;
    const element: Resource = {
      address: `${parent.address}.${el.path.split('.').pop()}[${JSON.stringify(key)}]`,
      kind: el.kind,
      sourceType: `${parent.sourceType}.${el.path}`,
      format: parent.format,
      header,
      name: nameValue,
      attrs,
      body: item,
      identity: [],
      refs: new Map(),
      parent,
      element: true,
      evaluation: parent.evaluation,
    };
    if (parent.apiVersion !== undefined) element.apiVersion = parent.apiVersion;
    if (first.length > 0 && i === items.length - 1) element.unknownTail = true;
    const site = src.site;
    if (site) element.site = (p) => site(prefix + p);
    return element;
  });
}

/** Where an element's `name` is written in the element: its literal, else the element's `name` property site. */
function elementNameAt(src: SourceResource, prefix: string, el: ElementSpec, item: Value, nameValue: Value | undefined): Location | undefined {
  const at = nameValue?.origin;
  if (at && item.origin && locationContains(item.origin, at)) return at;
  const site = el.namePath ? src.site?.(prefix + el.namePath) : undefined;
  // The key of the element's own object, where a `local` writes it (an azapi body's list read
  // from a local: `memberKeySite`), is no place of the resource: its object is its header.
  const ownKey = item.kind === 'object' && el.namePath ? item.keyOrigins?.get(el.namePath) : undefined;
  if (site && ownKey && item.origin && sameRange(site, ownKey)) return item.origin;
  // An element written elsewhere (an azapi body's list built from a local's `for`): the resource
  // has no `name` of it, the nearest written place (`body = {`) says nothing: the element's own
  // object, where it is written, is its header.
  if (site && item.origin && !locationContains(item.origin, site)) return item.origin;
  // A `for` body or `map()` lambda writes every element's `name` at one place: the element's own
  // name, where its data is written (a caller's `pools` entry), tells it from the others.
  if (site && at && el.namePath && src.templateSite?.(prefix + el.namePath)) return at;
  return site ?? at;
}

/**
 * An inline element (`default_node_pool`, `agentPoolProfiles[]`, `security_rule`): made by
 * `elements()` above with a parent and no identity of its own; part of its parent's body.
 */
export function isInlineElement(r: Resource): boolean {
  return r.parent !== undefined && r.identity.length === 0;
}
