/**
 * ARM template resources (hand-written or compiled from Bicep) → source resources for
 * the normalizer. The ARM table also serves azapi, whose `body` has the ARM shape.
 */
import type { Location } from '../core/source.js';
import type { Evaluation, Resource } from './resource.js';
import type { ArmResource } from '../eval/arm/template.js';
import { unknown, type Value } from '../core/value.js';
import { armResourceIdKey } from '../eval/arm/resourceid.js';
import { ARM_TABLE } from './tables/arm.js';
import { ARM_PARENT_LEVELS, ARM_PARENT_REF } from './from-terraform.js';
import { normalize } from './normalize.js';

/**
 * Identity key of the parent of a child resource key (`…/workspaces/computes/ws/c` →
 * `…/workspaces/ws`), or of the ancestor `levels` up (`…/storageaccounts/blobservices/containers/st/default/c`
 * → `…/storageaccounts/st` for 2).
 */
export function parentKey(type: string, idKey: string, levels = 1): string | undefined {
  const k = type.split('/').filter(Boolean).length;
  const segs = idKey.split('/');
  // k type segments (namespace included), then k - 1 names.
  if (k - levels < 2 || segs.length < 2 * k - 1) return undefined;
  return [...segs.slice(0, k - levels), ...segs.slice(k, segs.length - levels)].join('/');
}

/** Reference keys of a value that points at a resource: its ARM id key, or its token. */
export function armRefKeys(ref: Value): string[] {
  const keys: string[] = [];
  const k = armResourceIdKey(ref);
  if (k) keys.push(k);
  if (ref.kind === 'unknown' && ref.token) keys.push(ref.token);
  return keys;
}

export interface ArmSourceOptions {
  /** Where the resource is declared in the `.bicep` source of a compiled template. */
  bicepDeclaration?: (r: ArmResource) => Location | undefined;
}

export function fromArm(r: ArmResource, evaluation: Evaluation, opts: ArmSourceOptions = {}, format: 'arm' | 'bicep' = 'arm'): Resource[] {
  const key = r.type.toLowerCase();
  const refs = new Map<string, Value>();
  const parentRef = ARM_PARENT_REF[key];
  const pk = parentRef ? parentKey(r.type, r.idKey, ARM_PARENT_LEVELS[key]) : undefined;
  if (parentRef && pk) refs.set(parentRef, unknown('parent resource', undefined, pk));
  const address = `${r.deployment.map((d) => `deployment(${d})/`).join('')}${r.type}/${r.symbolicName ?? nameText(r.name)}${r.copyIndex !== undefined ? `[${r.copyIndex}]` : ''}`;
  const resources = normalize({
    format,
    address,
    sourceType: r.type,
    spec: ARM_TABLE[key],
    header: r.typeLocation,
    body: r.body,
    name: r.name,
    identity: [r.idKey],
    refs,
    evaluation,
    ...(r.apiVersion !== undefined ? { apiVersion: r.apiVersion } : {}),
    ...(r.site ? { site: r.site } : {}),
    ...(r.templateSite ? { templateSite: r.templateSite } : {}),
  });
  const decl = opts.bicepDeclaration?.(r);
  if (decl) for (const res of resources) res.declaredIn = decl;
  if (r.scope !== undefined) for (const res of resources) res.scope = r.scope;
  if (r.moduleEnv) for (const res of resources) res.moduleEnv = r.moduleEnv;
  if (r.calledAt) for (const res of resources) res.calledAt = r.calledAt;
  // The resource's own declaration: the ARM object, or a Bicep statement from its header to its body's end
  // (`resource kv '…' = {` precedes the body). An element (an agent pool profile) has its own header.
  const extent = declarationExtent(r.typeLocation, r.objectLocation);
  for (const res of resources) if (res.header === r.typeLocation) res.extent = extent;
  return resources;
}

function declarationExtent(header: Location, object: Location): Location {
  if (header.file !== object.file || header.range.start.offset >= object.range.start.offset) return object;
  return { file: object.file, range: { start: header.range.start, end: object.range.end } };
}

function nameText(v: Value): string {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'unknown' && v.token) return v.token;
  return '?';
}
