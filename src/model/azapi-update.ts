/**
 * `azapi_update_resource`: patches properties of a resource another block creates, the usual
 * way to set what azurerm cannot express (`idleTimeBeforeShutdown` on an
 * `azurerm_machine_learning_compute_instance`, hashicorp/terraform-provider-azurerm#20973) or to
 * switch a setting after creation (`publicNetworkAccess = "Disabled"` on a workspace). The
 * provider sends the `body` as a PATCH-like update of the resource `resource_id` names
 * ("This resource can manage a subset of any existing Azure resource manager resource's
 * properties", registry.terraform.io/providers/Azure/azapi/latest/docs/resources/update_resource).
 *
 * Each property the update writes replaces the target's attribute (located in the update, where
 * the value is written); what it does not write stays as the target says. An update whose body
 * is not known makes every patchable attribute of its target unknown (never a finding).
 * Only a target of the same evaluation is followed (`targetsOf`).
 */
import type { TerraformResourceShape } from './from-terraform.js';
import type { Fact, Resource } from './resource.js';
import { obj, unknown, type ObjectValue, type Value } from '../core/value.js';
import { PROPERTY_SETTING_ACTIONS } from './facts/aml.js';
import { fromTerraform } from './from-terraform.js';
import { isInlineElement } from './normalize.js';

/** Attributes that say what a resource is, not how it is configured: an update does not change them. */
const NOT_PATCHED = new Set(['name', 'location', 'computeType', 'computeTypeRaw', 'isDefault', 'inline']);

const UPDATE_TYPE = 'azapi_update_resource';
const ACTION_TYPE = 'azapi_resource_action';

/** Where any property-setting action puts its body (each path once): what an action not known by name may set. */
const ANY_SETTING_ACTION_PATHS: readonly (readonly string[])[] = [...new Map([...PROPERTY_SETTING_ACTIONS.values()].map((p) => [p.join('/'), p])).values()];

/**
 * An `azapi_resource_action` whose action sets properties (PROPERTY_SETTING_ACTIONS) as the update
 * it amounts to: its body placed where the action puts it. Any other known action changes nothing
 * the rules read. One that may be such a call — its action name, `method` or `when` not known —
 * is `uncertain`: what its body would set is undecided on the target, never judged as the target
 * wrote it (a finding would be a guess; self-review 86's left list).
 */
function actionAsUpdate(u: TerraformResourceShape): { update: TerraformResourceShape; uncertain: boolean } | undefined {
  const action = u.body.entries.get('action');
  const method = u.body.entries.get('method');
  // `when = "destroy"` calls it when the resource is destroyed: it sets nothing that is deployed (self-review 86).
  const when = u.body.entries.get('when');
  const paths = action?.kind === 'string' ? [PROPERTY_SETTING_ACTIONS.get(action.value.toLowerCase())] : action?.kind === 'unknown' ? ANY_SETTING_ACTION_PATHS : [];
  if (paths.length === 0 || paths[0] === undefined) return undefined;
  if (method !== undefined && method.kind !== 'unknown' && (method.kind !== 'string' || method.value.toUpperCase() !== 'POST')) return undefined;
  if (when !== undefined && when.kind !== 'null' && when.kind !== 'unknown' && (when.kind !== 'string' || when.value !== 'apply')) return undefined;
  const given = u.body.entries.get('body');
  // Without a body it sets nothing: `start`, `stop` and `restart` take none, and a property-setting
  // action sends what its body holds (self-review 88: an action of unknown name with no body made
  // every property of the compute unknown).
  if (given === undefined || given.kind === 'null') return undefined;
  // A body written as an object lands as it is; one the linter does not read as one sets what it sets: not known.
  const body: Value = given.kind === 'object' ? given : unknown(`the body of ${u.address} is not read`, given.origin ?? u.header);
  const placed = obj(new Map(), body.origin);
  for (const path of paths) placeAt(placed, path as readonly string[], body);
  const entries = new Map(u.body.entries);
  entries.set('body', placed);
  return { update: { ...u, body: obj(entries, u.body.origin) }, uncertain: action?.kind === 'unknown' || method?.kind === 'unknown' || when?.kind === 'unknown' };
}

/** Puts `value` at `path` inside `into` (an object made here), making the objects between. */
function placeAt(into: ObjectValue, path: readonly string[], value: Value): void {
  let at = into;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      at.entries.set(key, value);
      return;
    }
    const next = at.entries.get(key);
    const inner = next?.kind === 'object' ? next : obj(new Map(), value.origin);
    at.entries.set(key, inner);
    at = inner;
  }
}

/** Applies every `azapi_update_resource` (and property-setting `azapi_resource_action`) of one evaluation to the resources it targets (in place); returns `resources`. */
export function applyAzapiUpdates<R extends readonly Resource[]>(shapes: readonly TerraformResourceShape[], resources: R): R {
  const evaluation = resources[0]?.evaluation;
  if (!evaluation) return resources;
  for (const written of shapes) {
    const action = written.type === ACTION_TYPE ? actionAsUpdate(written) : undefined;
    const u = written.type === UPDATE_TYPE ? written : action?.update;
    if (!u) continue;
    // The update's body read as the ARM shape of its `type`, as an azapi_resource of that type would be.
    const patch = fromTerraform({ ...u, type: 'azapi_resource' }, evaluation)[0];
    if (!patch || patch.kind === 'other') continue;
    const targets = targetsOf(u, patch, resources, shapes);
    if (targets.length > 0) {
      for (const t of targets) {
        if (t.kind !== patch.kind) continue;
        if (action?.uncertain) mayPatch(t, patch, `${u.address} may set it (its action, method or when is not known)`);
        else applyPatch(t, patch);
      }
      continue;
    }
    // Which resource it patches is not known: each one of its kind it may name has what the
    // update writes unknown (never judged as the target wrote it; a finding would be a guess).
    for (const t of mayBeTargets(u, patch, resources, shapes)) mayPatch(t, patch, `${u.address} may set it (which resource it patches is not known)`);
  }
  return resources;
}

/**
 * The resources an update whose target is not identified (`targetsOf`) may still patch: those of
 * its kind whose name it may be. Not one whose known name differs (or whose known pieces cannot
 * make it), nor one whose resource group is known to differ from the update's `parent_id`'s; and
 * when `resource_id`/`name` reads a resource of the configuration (`azurerm_….ws.name`), only
 * that resource's instances (none when it is of another kind, or not one the scan reads).
 */
function mayBeTargets(u: TerraformResourceShape, patch: Resource, resources: readonly Resource[], shapes: readonly TerraformResourceShape[]): Resource[] {
  const id = u.body.entries.get('resource_id');
  const named = id ?? u.body.entries.get('name');
  const ofKind = resources.filter((r) => !isInlineElement(r) && r.kind === patch.kind);
  const owner = referencedResource(u, id !== undefined ? 'resource_id' : 'name');
  if (owner !== undefined) return ofKind.filter((r) => r.identity.some((x) => x === owner || x.startsWith(`${owner}[`)));
  // A known name (a literal id's last segment): only a resource that may have it.
  const text = named?.kind === 'string' ? (id !== undefined ? named.value.replace(/\/+$/, '').split('/').pop() : named.value) : undefined;
  const group = id === undefined ? groupOf(u.body.entries.get('parent_id'), shapes) : undefined;
  return ofKind.filter((r) => {
    if (text !== undefined && !mayBeNamed(r.name, text)) return false;
    const theirs = groupOfTarget(shapes.find((t) => t.address === r.address), shapes);
    return group === undefined || theirs === undefined || theirs === group;
  });
}

/**
 * The base address (`tf:azurerm_machine_learning_workspace.ws`, in the update's module) of the
 * resource an update's `name`/`resource_id` reads (`azurerm_….ws.name`, `azapi_resource.ws.id`,
 * `….output.name`), from the expression as written; undefined for anything else.
 */
function referencedResource(u: TerraformResourceShape, attr: 'name' | 'resource_id'): string | undefined {
  const item = u.block?.body.items.find((x) => x.type === 'Attribute' && x.name === attr);
  if (item?.type !== 'Attribute' || item.expr.type !== 'ScopeTraversal') return undefined;
  const e = item.expr;
  const first = e.steps[0];
  if (first?.type !== 'GetAttr' || !/^[a-z0-9]+_[a-z0-9_]+$/.test(e.root)) return undefined;
  // The update's module: its base address without its own `azapi_update_resource.<name>`.
  const own = `${u.type}.`;
  const at = u.baseAddress.lastIndexOf(own);
  const prefix = at < 0 ? '' : u.baseAddress.slice(0, at);
  const base = `tf:${prefix}${e.root}.${first.name}`;
  // `ws["a"].name`, `ws[0].id`: that instance (a literal key), as its address writes it.
  const index = e.steps[1];
  if (index?.type === 'Index') {
    const key = index.key;
    if (key.type === 'Literal' && typeof key.value === 'number') return `${base}[${key.value}]`;
    const part = key.type === 'Template' && key.parts.length === 1 ? key.parts[0] : undefined;
    if (part?.type === 'TemplateLiteral') return `${base}[${JSON.stringify(part.value)}]`;
  }
  return base;
}

/** Whether a resource's name may be `text`: known and equal (any case), or unknown with known pieces that can make it. */
function mayBeNamed(name: Value | undefined, text: string): boolean {
  if (name?.kind === 'string') return name.value.toLowerCase() === text.toLowerCase();
  const pieces = name?.kind === 'unknown' ? name.literals : undefined;
  if (!pieces || pieces.length < 2) return true;
  const t = text.toLowerCase();
  return t.startsWith(pieces[0]!.toLowerCase()) && t.endsWith(pieces[pieces.length - 1]!.toLowerCase());
}

/** The resource group a `parent_id` names, lower-case: written in the id, or an `azurerm_resource_group` of the scan with a known name. */
function groupOf(parent: Value | undefined, shapes: readonly TerraformResourceShape[]): string | undefined {
  if (parent?.kind === 'string') return /\/resourceGroups\/([^/]+)\/?$/i.exec(parent.value)?.[1]?.toLowerCase();
  if (parent?.kind !== 'unknown' || !parent.token?.startsWith('tf:')) return undefined;
  return groupNamed(parent.token, shapes);
}

/** The known name of the `azurerm_resource_group` whose reference token is `token` (`tf:…rg`, `tf:…rg.name`), lower-case. */
function groupNamed(token: string, shapes: readonly TerraformResourceShape[]): string | undefined {
  const address = token.replace(/^tf:/, '').replace(/\.(?:id|name)$/, '');
  const name = shapes.find((t) => t.type === 'azurerm_resource_group' && t.address === address)?.body.entries.get('name');
  return name?.kind === 'string' ? name.value.toLowerCase() : undefined;
}

/** The resource group a target is in, when known: its azapi `parent_id`'s, or its azurerm `resource_group_name`. */
function groupOfTarget(target: TerraformResourceShape | undefined, shapes: readonly TerraformResourceShape[]): string | undefined {
  if (!target) return undefined;
  const parent = target.body.entries.get('parent_id');
  if (parent !== undefined) return groupOf(parent, shapes);
  const rg = target.body.entries.get('resource_group_name');
  if (rg?.kind === 'string') return rg.value.toLowerCase();
  return rg?.kind === 'unknown' && rg.token?.startsWith('tf:') ? groupNamed(rg.token, shapes) : undefined;
}

/** What an update writes becomes unknown on a resource it may patch (located in the update), for `why`. */
function mayPatch(target: Resource, patch: Resource, why: string): void {
  for (const [attr, fact] of patch.attrs) {
    if (NOT_PATCHED.has(attr) || !written(fact)) continue;
    target.attrs.set(attr, { ...fact, value: unknown(why, fact.at) });
  }
}

/**
 * The resources an update names: by `resource_id`, or by `name` and `parent_id`, which the azapi
 * docs give as "an alternative way to configure `resource_id`" (docs/resources/update_resource.md).
 * A name read from a resource (`azapi_resource.ws.output.name`, an unknown whose token names it)
 * is followed when it names exactly one resource (an expanded resource's token names every
 * instance). A known name is followed when exactly one resource of the patch's kind has it and
 * the `parent_id` is known to be that resource's parent (`sameParent`). Anything else names no
 * resource: the update is left out, never guessed.
 */
function targetsOf(u: TerraformResourceShape, patch: Resource, resources: readonly Resource[], shapes: readonly TerraformResourceShape[]): Resource[] {
  const candidates = resources.filter((r) => !isInlineElement(r));
  const id = u.body.entries.get('resource_id');
  if (id !== undefined) {
    const token = id.kind === 'unknown' ? id.token : undefined;
    return token ? candidates.filter((r) => r.identity.includes(token)) : [];
  }
  const name = u.body.entries.get('name');
  if (name?.kind === 'unknown') {
    const owner = name.token !== undefined ? /^(tf:.+?)\.(?:name|output(?:\..*)?)$/.exec(name.token)?.[1] : undefined;
    const owned = owner ? candidates.filter((r) => r.identity.includes(owner)) : [];
    return owned.length === 1 ? owned : [];
  }
  if (name?.kind !== 'string') return [];
  const parent = u.body.entries.get('parent_id');
  const named = candidates.filter(
    (r) =>
      r.kind === patch.kind &&
      r.name?.kind === 'string' &&
      r.name.value.toLowerCase() === name.value.toLowerCase() &&
      sameParent(parent, shapes.find((t) => t.address === r.address), shapes),
  );
  return named.length === 1 ? named : [];
}

/**
 * Whether the update's `parent_id` is known to be the target's parent: an azapi target's own
 * `parent_id` (the same text, or the same reference), or an azurerm target's resource group
 * (`…/resourceGroups/<rg>`, or the id of an `azurerm_resource_group` of the scan, against its
 * `resource_group_name`). Not known: no link.
 */
function sameParent(parent: Value | undefined, target: TerraformResourceShape | undefined, shapes: readonly TerraformResourceShape[]): boolean {
  if (!parent || !target) return false;
  const theirs = target.body.entries.get('parent_id');
  if (theirs !== undefined) {
    if (parent.kind === 'string' && theirs.kind === 'string') return parent.value.toLowerCase() === theirs.value.toLowerCase();
    return parent.kind === 'unknown' && theirs.kind === 'unknown' && parent.token !== undefined && parent.token === theirs.token;
  }
  const rg = target.body.entries.get('resource_group_name');
  if (parent.kind === 'unknown' && parent.token?.startsWith('tf:')) {
    // `parent_id = azurerm_resource_group.rg.id`: that group, by its name or by the same reference.
    if (rg?.kind === 'unknown') return rg.token === `${parent.token}.name`;
    const group = shapes.find((t) => t.type === 'azurerm_resource_group' && `tf:${t.address}` === parent.token)?.body.entries.get('name');
    return group?.kind === 'string' && rg?.kind === 'string' && rg.value.toLowerCase() === group.value.toLowerCase();
  }
  const group = parent.kind === 'string' ? /\/resourceGroups\/([^/]+)\/?$/i.exec(parent.value)?.[1] : undefined;
  return group !== undefined && rg?.kind === 'string' && rg.value.toLowerCase() === group.toLowerCase();
}

function applyPatch(target: Resource, patch: Resource): void {
  for (const [attr, fact] of patch.attrs) {
    if (NOT_PATCHED.has(attr) || !written(fact)) continue;
    target.attrs.set(attr, fact);
  }
}

/** Written by the update (known or unknown), not a default of the ARM table. */
function written(f: Fact): boolean {
  return !f.defaulted && f.value !== undefined;
}
