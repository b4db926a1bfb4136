/**
 * Helpers rules use to read facts and build locations (RULES.md "Location").
 */
import type { Location } from '../core/source.js';
import type { Fact, Resource } from '../model/resource.js';
import type { Value } from '../core/value.js';
import { isGpuSize, mentionsGpu } from '../model/gpu.js';

export function fact(r: Resource, name: string): Fact | undefined {
  return r.attrs.get(name);
}

/** The canonical value of an attribute when it is known (written or defaulted), else undefined. */
export function known(r: Resource, name: string): Value | undefined {
  const v = r.attrs.get(name)?.value;
  return v && v.kind !== 'unknown' ? v : undefined;
}

export function knownStringOf(v: Value | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}

/** A boolean, or its string spelling (`"true"`, as ARM parameters and CLI flags write it). */
export function knownBoolOf(v: Value | undefined): boolean | undefined {
  if (v?.kind === 'bool') return v.value;
  if (v?.kind === 'string' && /^(true|false)$/i.test(v.value)) return v.value.toLowerCase() === 'true';
  return undefined;
}

/** A number, or a string of digits (ARM parameters, CLI flags). */
export function knownNumberOf(v: Value | undefined): number | undefined {
  if (v?.kind === 'number') return v.value;
  if (v?.kind === 'string' && /^\d+$/.test(v.value)) return Number(v.value);
  return undefined;
}

export function knownString(r: Resource, name: string): string | undefined {
  return knownStringOf(known(r, name));
}

export function knownBool(r: Resource, name: string): boolean | undefined {
  return knownBoolOf(known(r, name));
}

export function knownNumber(r: Resource, name: string): number | undefined {
  return knownNumberOf(known(r, name));
}

/** A value as messages show it: strings bare, booleans and numbers as written. */
export function showValue(v: Value | undefined): string {
  if (!v) return 'unset';
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'bool':
    case 'number':
      return String(v.value);
    case 'null':
      return 'null';
    case 'list':
      return `[${v.items.map(showValue).join(', ')}]`;
    default:
      return v.kind;
  }
}

/**
 * The one phrase messages use for an attribute's state: "`x` is not set (defaults to
 * false)" for an absent attribute with a documented default, "`x` is not set" without one,
 * and "`x` is false" when written.
 */
export function describeFact(f: Fact | undefined, attr: string): string {
  const name = f?.sourcePath ?? attr;
  if (!f || f.value === undefined) return `${name} is not set`;
  if (f.defaulted) return `${name} is not set (defaults to ${showValue(f.value)})`;
  return `${name} is ${showValue(f.value)}`;
}

export function isUnknown(r: Resource, name: string): boolean {
  return r.attrs.get(name)?.value?.kind === 'unknown';
}

/**
 * Where a finding about an attribute points: the place the value was written (a literal,
 * a var-file line, a variable default, a parameter value), else — for an absent attribute
 * — the resource header. The chain it flowed through and the consuming attribute are
 * related locations.
 */
export function factLocations(r: Resource, name: string): { location: Location; related: Location[] } {
  const f = r.attrs.get(name);
  if (!f || f.defaulted || !f.value) return { location: r.header, related: [] };
  const location = f.value.origin ?? f.at ?? r.header;
  const related: Location[] = [];
  const add = (l: Location): void => {
    if (sameRange(l, location) || related.some((x) => sameRange(x, l))) return;
    related.push(l);
  };
  for (const l of f.value.via ?? []) add(l);
  // The consuming attribute, unless the literal is written right there.
  if (f.at && !contains(f.at, location)) add({ ...f.at, label: `attribute ${f.sourcePath}` });
  return { location, related };
}

export function sameRange(a: Location, b: Location): boolean {
  return a.file === b.file && a.range.start.offset === b.range.start.offset && a.range.end.offset === b.range.end.offset;
}

function contains(outer: Location, inner: Location): boolean {
  return outer.file === inner.file && outer.range.start.offset <= inner.range.start.offset && outer.range.end.offset >= inner.range.end.offset;
}

/**
 * A display name for messages: the resource's known name; an ARM/Bicep name with one
 * simple unknown part as its template (`kv{uniqueString(resourceGroup().id)}`); otherwise
 * the last segment of its address (the Terraform label or the symbolic name).
 */
export function displayName(r: Resource): string {
  const n = r.name;
  if (n?.kind === 'string') return n.value;
  if (n?.kind === 'unknown' && n.token && !n.token.startsWith('tf:') && n.token.length <= 60 && (n.token.match(/\{/g) ?? []).length <= 1) return n.token;
  const last = r.address.replace(/\[[^\]]*\]$/, '').split(/[/.]/).pop();
  return last || r.address;
}

function textsOf(v: Value | undefined): string[] {
  if (!v) return [];
  if (v.kind === 'string') return [v.value];
  if (v.kind === 'list') return v.items.flatMap(textsOf);
  if (v.kind === 'object') return [...v.entries].flatMap(([k, e]) => [k, ...textsOf(e)]);
  return [];
}

/**
 * RULES.md GPU001 "meant for GPU": the name says gpu; a label, tag or taint key or value
 * mentions gpu (`nvidia.com/gpu` included); or the size comes from a variable/parameter
 * whose name contains gpu. Returns the reason, for the message.
 */
export function gpuIntent(r: Resource): string | undefined {
  const label = r.address.split(/[.[\]"]/).filter(Boolean);
  if (r.name?.kind === 'string' && mentionsGpu(r.name.value)) return `its name "${r.name.value}" says GPU`;
  if (label.length && mentionsGpu(label[label.length - 1]!)) return `its name "${label[label.length - 1]}" says GPU`;
  for (const attr of ['labels', 'tags', 'taints']) {
    const hit = textsOf(known(r, attr)).find(mentionsGpu);
    if (hit) return `its ${attr === 'taints' ? 'taint' : attr === 'labels' ? 'label' : 'tag'} "${hit}" mentions GPU`;
  }
  const via = r.attrs.get('vmSize')?.value?.via ?? [];
  for (const l of via) {
    const m = /^(?:variable|parameter|param) "([^"]+)"/.exec(l.label ?? '');
    if (m && mentionsGpu(m[1]!)) return `its size comes from "${m[1]}"`;
  }
  return undefined;
}

export function hasGpuSize(r: Resource): boolean {
  const s = knownString(r, 'vmSize');
  return s !== undefined && isGpuSize(s);
}

/** Case-insensitive lookup of a tag; undefined when the tag map itself is unknown. */
export function tagState(r: Resource, tag: string): 'present' | 'missing' | 'unknown' {
  const f = r.attrs.get('tags');
  const v = f?.value;
  if (!v) return 'missing';
  if (v.kind === 'unknown') return 'unknown';
  if (v.kind !== 'object') return v.kind === 'null' ? 'missing' : 'unknown';
  for (const k of v.entries.keys()) if (k.toLowerCase() === tag.toLowerCase()) return 'present';
  return 'missing';
}

/**
 * The AML compute type of an `ml.compute` resource: azurerm fixes `computeType`
 * (`cluster`, `instance`); ARM/azapi give `properties.computeType` (`AmlCompute` is a
 * compute cluster, `ComputeInstance` an instance, anything else — `Kubernetes`, `AKS`,
 * `VirtualMachine`, `Databricks`, … — is another kind). Undefined when not known.
 */
export function amlComputeType(r: Resource): 'cluster' | 'instance' | 'other' | undefined {
  const fixed = knownString(r, 'computeType');
  if (fixed === 'cluster' || fixed === 'instance') return fixed;
  if (fixed !== undefined) return 'other';
  const raw = knownString(r, 'computeTypeRaw');
  if (raw === undefined) return undefined;
  const l = raw.toLowerCase();
  return l === 'amlcompute' ? 'cluster' : l === 'computeinstance' ? 'instance' : 'other';
}

/** The last segment of a resource's known name (`ws/cpu-cluster` → `cpu-cluster`), else undefined. */
export function leafName(r: Resource): string | undefined {
  const n = r.name?.kind === 'string' ? r.name.value : knownString(r, 'name');
  return n === undefined ? undefined : n.split('/').pop();
}
