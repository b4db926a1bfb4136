/**
 * Resource declarations (BICEP.md §4.3–§4.7): instances (`if`, `for`, nested children and
 * `parent:` composing `parentType/child` and `parentName/childName`), the body in ARM shape,
 * `r.id` as the compiler emits it, `r.<prop>`, and resolving an expression that names a
 * resource (`r`, `r[i]`, `p::c`) to one instance.
 */
import type { Location } from '../../core/source.js';
import { member, obj, str } from '../../core/value.js';
import type { Value } from '../../core/value.js';
import type { Expression } from '../../parse/bicep/index.js';
import { armCallToken, callArmFunction } from '../arm/evaluate.js';
import { andCond, propOf, U } from './context.js';
import type { Locals } from './context.js';
import { expandLoop } from './loops.js';
import type { FileScope } from './scope.js';
import type { ResInst, ResSym } from './symbols.js';

/** Keys of a resource body the compiler does not copy into the ARM resource as they are. */
const NOT_COPIED = new Set(['name', 'parent', 'scope', 'dependson']);

export function resourceInstances(scope: FileScope, sym: ResSym): ResInst[] {
  const d = sym.decl;
  const out: ResInst[] = [];
  const parents: (ResInst | undefined)[] = sym.nestedParent ? sym.nestedParent.instances() : [undefined];
  for (let p = 0; p < parents.length; p++) {
    const nestedParent = parents[p];
    const its = expandLoop(scope, d.loop, nestedParent?.locals, d.name.name);
    for (let i = 0; i < its.length; i++) {
      const it = its[i]!;
      let condition = andCond(scope.condition, nestedParent?.condition);
      if (d.condition) {
        const c = scope.eval(d.condition, it.locals);
        if ((c.kind === 'bool' && !c.value) || (c.kind === 'string' && c.value.toLowerCase() === 'false')) continue;
        condition = andCond(condition, c);
      }
      if (d.typeString === null) {
        scope.problem('The resource type cannot be evaluated', d.resourceType.range);
        continue;
      }
      let typeText = d.typeString;
      let apiVersion: string | undefined;
      const at = typeText.indexOf('@');
      if (at >= 0) {
        apiVersion = typeText.slice(at + 1);
        typeText = typeText.slice(0, at);
      }
      let parent = nestedParent;
      const parentProp = d.body ? propOf(d.body, 'parent') : undefined;
      if (!parent && parentProp) {
        parent = scope.resourceRef(parentProp.value, it.locals);
        if (!parent) scope.problem('The parent resource cannot be resolved', parentProp.value.range);
      }
      if (nestedParent) {
        typeText = `${nestedParent.type}/${typeText}`;
        apiVersion ??= nestedParent.apiVersion;
      }
      const nameProp = d.body ? propOf(d.body, 'name') : undefined;
      const leafName = nameProp ? scope.eval(nameProp.value, it.locals) : U('the resource has no name', scope.loc(d.name.range));
      const fullName = parent ? composeName(namedParent(parent), leafName, scope.loc(nameProp?.value.range ?? d.name.range)) : leafName;
      const inst: ResInst = { sym, locals: it.locals, type: typeText, fullName, leafName, bodyState: 0 };
      if (apiVersion !== undefined) inst.apiVersion = apiVersion;
      if (it.index !== undefined) inst.index = it.index;
      if (condition) inst.condition = condition;
      if (parent) inst.parent = parent;
      out.push(inst);
    }
  }
  return out;
}

/** The evaluated body in ARM shape: `name` (full), `type`, `apiVersion` and the copied keys. */
export function resourceBody(scope: FileScope, inst: ResInst): Value {
  if (inst.bodyState === 2) return inst.bodyValue!;
  const d = inst.sym.decl;
  if (inst.bodyState === 1) return U(`resource '${d.name.name}' refers to itself`, scope.loc(d.name.range));
  inst.bodyState = 1;
  const m = new Map<string, Value>();
  m.set('type', str(inst.type, scope.loc(d.resourceType.range)));
  if (inst.apiVersion !== undefined) m.set('apiVersion', str(inst.apiVersion, scope.loc(d.resourceType.range)));
  m.set('name', inst.fullName);
  let v: Value;
  if (d.body) {
    if (!d.existing) {
      const rest = scope.evalObject(d.body, inst.locals, (k) => NOT_COPIED.has(k.toLowerCase()));
      if (rest.kind === 'object') rest.entries.forEach((e, k) => m.set(k, e));
      else m.set('properties', rest);
    }
    v = obj(m, scope.loc(d.body.range));
  } else v = obj(m, scope.loc(d.range));
  inst.bodyValue = v;
  inst.bodyState = 2;
  return v;
}

/** `r.id`: the id the compiler emits (`resourceId`/`subscriptionResourceId`/`extensionResourceId`/…). */
export function resourceId(scope: FileScope, inst: ResInst, loc: Location): Value {
  const typeV = str(inst.type, loc);
  const scopeProp = inst.sym.decl.body ? propOf(inst.sym.decl.body, 'scope') : undefined;
  if (scopeProp) {
    const target = scope.resourceRef(scopeProp.value, inst.locals);
    if (target) return callArmFunction('extensionResourceId', [scope.resourceId(target, loc), typeV, inst.fullName], loc)!;
    // `scope: resourceGroup('shared-rg')` (an `existing` resource of another group): its id names
    // that group, as ARM's resourceId('shared-rg', type, name) does (not a same-named resource here).
    const e = scopeProp.value;
    if (e.kind === 'Call' && e.name.name.toLowerCase() === 'resourcegroup' && (e.args.length === 1 || e.args.length === 2)) {
      const args = e.args.map((a) => scope.eval(a, inst.locals));
      return callArmFunction('resourceId', [...args, typeV, inst.fullName], loc)!;
    }
  }
  const fn = scope.targetScope === 'subscription' ? 'subscriptionResourceId' : scope.targetScope === 'tenant' || scope.targetScope === 'managementGroup' ? 'tenantResourceId' : 'resourceId';
  return callArmFunction(fn, [typeV, inst.fullName], loc)!;
}

/** `r.<prop>` of a resource instance (BICEP.md §4.7). */
export function resourceProperty(scope: FileScope, inst: ResInst, prop: string, loc: Location): Value {
  const l = prop.toLowerCase();
  if (l === 'id') return scope.resourceId(inst, loc);
  if (l === 'name') return inst.leafName;
  if (l === 'type') return str(inst.type, loc);
  if (l === 'apiversion') return inst.apiVersion !== undefined ? str(inst.apiVersion, loc) : U('no apiVersion', loc);
  const body = inst.sym.decl.existing ? undefined : scope.resourceBody(inst);
  const m = body ? member(body, prop) : undefined;
  if (m) return m;
  const id = scope.resourceId(inst, loc);
  const ref = armCallToken('reference', [id, str(inst.apiVersion ?? '', loc), str('full', loc)]);
  return U(`'${inst.sym.decl.name.name}.${prop}' is known only at deployment time`, loc, ref !== undefined ? `${ref}.${prop}` : undefined);
}

/** Resolves an expression naming a resource (`r`, `r[i]`, `p::c`) to one instance. */
export function resourceRef(scope: FileScope, e: Expression, locals: Locals): ResInst | undefined {
  const sym = scope.resourceSymbol(e, locals);
  if (!sym) return undefined;
  if (e.kind === 'IndexAccess') {
    const i = scope.eval(e.index, locals);
    const all = sym.instances();
    if (i.kind === 'number') return all.find((x) => x.index === i.value);
    return all.length === 1 && all[0]!.index === undefined ? all[0] : undefined;
  }
  const all = sym.instances();
  return all.length >= 1 && (all[0]!.index === undefined || all.length === 1) ? all[0] : undefined;
}

/** The resource symbol an expression names, unless a local, param or var shadows it. */
export function resourceSymbol(scope: FileScope, e: Expression, locals: Locals): ResSym | undefined {
  if (e.kind === 'Variable') {
    if (locals?.has(e.name) || scope.params.has(e.name) || scope.vars.has(e.name)) return undefined;
    return scope.resources.get(e.name) ?? scope.nestedResources.get(e.name);
  }
  if (e.kind === 'IndexAccess' && !e.safe && !e.fromEnd) return scope.resourceSymbol(e.object, locals);
  if (e.kind === 'ResourceAccess') return scope.resourceSymbol(e.object, locals)?.children.get(e.name.name);
  if (e.kind === 'Paren' || e.kind === 'NonNull') return scope.resourceSymbol(e.expression, locals);
  return undefined;
}

/**
 * A parent's name for its children's: one not known that has no text of its own (a module
 * output, `readEnvironmentVariable()`) reads as its symbol's (`<aksCluster.name>/projecta`), so
 * two children of such parents keep their own known names in messages and keys (review 95: both
 * pools of two module calls read as "nodePool").
 */
function namedParent(parent: ResInst): Value {
  const n = parent.fullName;
  return n.kind === 'unknown' && n.token === undefined ? { ...n, token: `${parent.sym.symbolicName}.name` } : n;
}

/** `format('{0}/{1}', parentName, childName)` (BICEP.md §4.3). */
function composeName(parent: Value, child: Value, loc: Location): Value {
  if (parent.kind === 'string' && child.kind === 'string') return { ...child, value: `${parent.value}/${child.value}` };
  const v = callArmFunction('format', [str('{0}/{1}', loc), parent, child], loc)!;
  return child.via ? { ...v, via: child.via } : v;
}
