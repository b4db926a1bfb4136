/**
 * Modules and imported files (BICEP.md §4.8–§4.9): module instances (`if`, `for`, the
 * deployment name the compiler generates), a local `.bicep` module evaluated as a child scope
 * with its `params:`, module outputs, and `import {x} from './file.bicep'`. Local files are found
 * only through the `Host` (`files.ts`): one outside the scan root, also through a symbolic link,
 * is reported and not evaluated. Registry modules (`br:`, `ts:`) are unknown.
 */
import path from 'node:path';
import type { Location } from '../../core/source.js';
import { passedThrough, str } from '../../core/value.js';
import type { Value } from '../../core/value.js';
import type { Expression, ImportDecl, ModuleDecl } from '../../parse/bicep/index.js';
import { armAccess, armCallToken, callArmFunction } from '../arm/evaluate.js';
import { deploymentScope, unknownScope } from '../arm/deployment-scope.js';
import type { ArmUnknown } from '../arm/resourceid.js';
import { andCond, propOf, span, U } from './context.js';
import type { Locals } from './context.js';
import { pathKind, REGISTRY_PATH, type PathKind } from './files.js';
import { expandLoop } from './loops.js';
import type { FileScope } from './scope.js';
import type { ModInst, ModSym } from './symbols.js';

export function moduleInstances(scope: FileScope, sym: ModSym): ModInst[] {
  const d = sym.decl;
  const out: ModInst[] = [];
  const its = expandLoop(scope, d.loop, undefined, d.name.name);
  for (let i = 0; i < its.length; i++) {
    const it = its[i]!;
    let condition = scope.condition;
    if (d.condition) {
      const c = scope.eval(d.condition, it.locals);
      if (c.kind === 'bool' && !c.value) continue;
      condition = andCond(condition, c);
    }
    const nameProp = d.body ? propOf(d.body, 'name') : undefined;
    let name: Value;
    if (nameProp) name = scope.eval(nameProp.value, it.locals);
    else {
      // The compiler's default: format('<name>-{0}', uniqueString('<name>', deployment().name)).
      const loc = scope.loc(d.name.range);
      const dep = callArmFunction('deployment', [], loc)!;
      const h = callArmFunction('uniqueString', [str(d.name.name, loc), armAccess(dep, str('name', loc), loc)], loc)!;
      name = callArmFunction('format', [str(`${d.name.name.slice(0, 50)}-{0}`, loc), h], loc)!;
    }
    const inst: ModInst = { sym, locals: it.locals, name };
    if (it.index !== undefined) inst.index = it.index;
    if (condition) inst.condition = condition;
    out.push(inst);
  }
  return out;
}

/** The module's file scope (created on first use); `null` when it is not a local `.bicep` module. */
export function moduleScope(scope: FileScope, inst: ModInst): FileScope | null {
  if (inst.child !== undefined) return inst.child;
  inst.child = null;
  const d = inst.sym.decl;
  const target = scope.localModulePath(d);
  if (!target || !target.toLowerCase().endsWith('.bicep')) return null;
  if (scope.stack.includes(target)) {
    scope.problem(`Module cycle: ${path.basename(target)} is already being evaluated`, d.path.range);
    return null;
  }
  if (scope.stack.length >= scope.env.maxDepth) {
    scope.problem(`Modules are nested more than ${scope.env.maxDepth} levels deep; '${d.name.name}' is not evaluated`, d.path.range);
    return null;
  }
  const parsed = scope.env.sources.parse(target);
  if (!parsed) return null;
  const child = scope.child(parsed, moduleParams(scope, inst), [...scope.deployment, nameLabel(inst.name)], inst.condition, [...scope.stack, target], moduleTargetScope(scope, inst));
  child.calledAt = scope.calledAt ?? scope.loc(span(d.keywordRange, d.path.range), `module ${d.name.name}`);
  inst.child = child;
  return child;
}

/**
 * The resource group a module instance deploys to (`arm/deployment-scope.ts`):
 * `scope: resourceGroup('rg')`, `resourceGroup(sub, 'rg')`, a resource group resource
 * (`scope: rg`); none or `resourceGroup()`: the caller's. Other scopes (a management group, a
 * tenant, a resource for an extension module) are not followed.
 */
export function moduleTargetScope(scope: FileScope, inst: ModInst): string | undefined {
  const d = inst.sym.decl;
  const p = d.body ? propOf(d.body, 'scope') : undefined;
  if (!p) return scope.scopeKey;
  const e = p.value;
  // An unreadable scope is this instance's own: where the module is declared, which instance of a
  // `for`, and the deployments above it (one module file called from two places is two scopes).
  const where = scope.loc(d.range);
  const at = `${scope.deployment.join('/')}|${where.file}:${where.range.start.offset}#${inst.index ?? ''}`;
  const call = e.kind === 'Call' || (e.kind === 'InstanceCall' && e.object.kind === 'Variable' && e.object.name === 'az') ? e : undefined;
  if (call) {
    const args = call.args.map((a) => scope.eval(a, inst.locals));
    switch (call.name.name.toLowerCase()) {
      case 'resourcegroup':
        if (args.length === 0) return scope.scopeKey;
        return deploymentScope(scope.scopeKey, args.length === 1 ? { resourceGroup: args[0] } : { subscriptionId: args[0], resourceGroup: args[1] }, at);
      case 'subscription':
        return deploymentScope(scope.scopeKey, args.length === 0 ? { subscriptionScope: true } : { subscriptionId: args[0] }, at);
      default:
        return unknownScope(at);
    }
  }
  const target = scope.resourceRef(e, inst.locals);
  if (target?.type.toLowerCase() === 'microsoft.resources/resourcegroups') return deploymentScope(scope.scopeKey, { resourceGroup: target.leafName }, at);
  return unknownScope(at);
}

/** `params:` of a module instance, each value passed through the caller's property. */
export function moduleParams(scope: FileScope, inst: ModInst): Map<string, Value> {
  const d = inst.sym.decl;
  const out = new Map<string, Value>();
  const p = d.body ? propOf(d.body, 'params') : undefined;
  if (!p) return out;
  if (p.value.kind !== 'Object') {
    const v = scope.eval(p.value, inst.locals);
    if (v.kind === 'object') v.entries.forEach((e, k) => out.set(k, e));
    return out;
  }
  const members = p.value.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (m.kind === 'Spread') {
      const v = scope.eval(m.expression, inst.locals);
      if (v.kind === 'object') v.entries.forEach((e, k) => out.set(k, e));
      continue;
    }
    if (m.kind !== 'ObjectProperty' || m.keyName === null) continue;
    let v = m.value.kind === 'InstanceCall' && m.value.name.name === 'getSecret' ? U('a Key Vault secret reference', scope.loc(m.value.range)) : scope.eval(m.value, inst.locals);
    // A resource passed to a resource-typed param becomes its id.
    const ref = scope.resourceRef(m.value, inst.locals);
    if (ref && m.value.kind !== 'PropertyAccess') v = scope.resourceId(ref, scope.loc(m.value.range));
    out.set(m.keyName, passedThrough(v, scope.loc(m.range, `module "${d.name.name}" param "${m.keyName}"`)));
  }
  return out;
}

/** `pathKind` through the evaluation's memo (the Host is asked once per path and evaluation). */
function envPathKind(scope: FileScope, target: string): PathKind {
  const kinds = scope.env.pathKinds;
  let kind = kinds.get(target);
  if (kind === undefined) {
    kind = pathKind(scope.env.sources.host, target);
    kinds.set(target, kind);
  }
  return kind;
}

/** The resolved local module path, or undefined (registry module, missing or outside file: reported). */
export function localModulePath(scope: FileScope, d: ModuleDecl): string | undefined {
  const p = d.pathString;
  if (p === null) {
    scope.problem('The module path cannot be evaluated', d.path.range);
    return undefined;
  }
  if (REGISTRY_PATH.test(p)) return undefined;
  const target = path.resolve(path.dirname(scope.file.file), p);
  const kind = envPathKind(scope, target);
  if (kind === 'outside') {
    scope.problem(`Module '${p}' is outside the scanned folder; it is not evaluated`, d.path.range);
    return undefined;
  }
  if (kind !== 'file' && kind !== 'link') {
    scope.problem(`Module file '${p}' does not exist`, d.path.range);
    return undefined;
  }
  return target;
}

/** The output `name` of a module instance. */
export function moduleOutput(scope: FileScope, inst: ModInst, name: string, loc: Location): Value {
  const child = scope.moduleScope(inst);
  const v = child?.output(name);
  if (v) return v;
  const t = armCallToken('reference', [str(`Microsoft.Resources/deployments`, loc), inst.name]);
  return U(`output '${name}' of module '${inst.sym.decl.name.name}' is not known statically`, loc, t !== undefined ? `${t}.outputs.${name}.value` : undefined);
}

/** The module instance an expression names (`m`, `m[i]`); `null` when it names a module but not one instance. */
export function moduleRef(scope: FileScope, written: Expression, locals: Locals): ModInst | null | undefined {
  // `(m)`, `m!` (the null-forgiving operator has no runtime effect): the module itself.
  const e = unwrapped(written);
  let sym: ModSym | undefined;
  let idx: Expression | undefined;
  if (e.kind === 'Variable' && !locals?.has(e.name) && !scope.params.has(e.name) && !scope.vars.has(e.name)) sym = scope.modules.get(e.name);
  else if (e.kind === 'IndexAccess' && !e.safe && !e.fromEnd) {
    const object = unwrapped(e.object);
    if (object.kind !== 'Variable') return undefined;
    sym = scope.modules.get(object.name);
    idx = e.index;
  }
  if (!sym) return undefined;
  const all = sym.instances();
  if (idx) {
    const i = scope.eval(idx, locals);
    return i.kind === 'number' ? (all.find((x) => x.index === i.value) ?? null) : null;
  }
  return all.length === 1 ? all[0]! : null;
}

/** An expression without the parentheses and null-forgiving `!` around it. */
function unwrapped(e: Expression): Expression {
  return e.kind === 'Paren' || e.kind === 'NonNull' ? unwrapped(e.expression) : e;
}

/** `import {x} from './file.bicep'`: an exported variable of a local file. */
export function importedVariable(scope: FileScope, d: ImportDecl, original: string, loc: Location): Value {
  const target = importTarget(scope, d, original);
  if (typeof target === 'string') return U(target, loc);
  return target.variable(original) ?? U(`'${original}' is not a variable of '${d.fromString}'`, loc);
}

/**
 * The file scope an imported name comes from (`import { gpuSize } from 'types.bicep'`), when
 * that file is a local `.bicep` file the evaluator may read; undefined otherwise (a registry,
 * a missing file, an import cycle).
 */
export function importedScope(scope: FileScope, d: ImportDecl): FileScope | undefined {
  const target = importTarget(scope, d, '');
  return typeof target === 'string' ? undefined : target;
}

/** The scope of the local `.bicep` file an import reads, or why it is not read (a message about `name`). */
function importTarget(scope: FileScope, d: ImportDecl, name: string): FileScope | string {
  const p = d.fromString;
  if (p === null || REGISTRY_PATH.test(p)) return `'${name}' is imported from a registry`;
  const target = path.resolve(path.dirname(scope.file.file), p);
  const kind = envPathKind(scope, target);
  if ((kind !== 'file' && kind !== 'link') || !target.toLowerCase().endsWith('.bicep') || scope.stack.includes(target) || scope.stack.length >= scope.env.maxDepth) {
    return `'${name}' is imported from '${p}', which is not evaluated`;
  }
  const parsed = scope.env.sources.parse(target);
  if (!parsed) return `'${name}' is imported from '${p}', which cannot be parsed`;
  return scope.child(parsed, new Map(), scope.deployment, undefined, [...scope.stack, target]);
}

/** A deployment name for `ArmResource.deployment`: the name, or its token when unknown. */
export function nameLabel(v: Value): string {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'unknown' && v.token !== undefined) return (v as ArmUnknown).tpl ? v.token : `{${v.token}}`;
  return '?';
}
