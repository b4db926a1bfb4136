/**
 * Emission: every resource instance of a file becomes an `ArmResource` (the record the ARM front
 * end produces), each module instance a `Microsoft.Resources/deployments` record followed by the
 * resources of the module (a local `.bicep` as a child scope, a local `.json` template through
 * the ARM evaluator, read through the `Host`), with the enclosing deployment names and conditions.
 */
import path from 'node:path';
import { member, obj, str, unknown } from '../../core/value.js';
import type { Value } from '../../core/value.js';
import type { Location, Range } from '../../core/source.js';
import type { BicepNode, Expression, IfBody, ModuleDecl, ObjectExpr, ObjectProperty, SpreadElement } from '../../parse/bicep/index.js';
import { childNodes, walkBicep } from '../../parse/bicep/index.js';
import { getProp, parseJsonc, type JsonNode, type ParsedJson } from '../../parse/json/index.js';
import { REGISTRY_PATH } from './files.js';
import { armResourceKey } from '../arm/resourceid.js';
import { clippedSource, linkedTemplateReason, evaluateArmTemplate, type EvaluateArmOptions } from '../arm/template.js';
import type { ArmResource } from '../arm/template.js';
import { andCond, problem, propOf, span } from './context.js';
import type { OpaqueModuleCall, VendoredOrigin } from '../types.js';
import { moduleParams, moduleTargetScope, nameLabel } from './modules.js';
import { unknownScope, withinScope } from '../arm/deployment-scope.js';
import { isUnknownScope } from '../../core/scope-key.js';
import type { FileScope } from './scope.js';
import type { ModInst, ModSym, ResSym } from './symbols.js';

/** Evaluates every declaration and pushes the resource records (resources, then modules). */
export function emit(scope: FileScope): void {
  scope.collectInputs();
  const statements = scope.file.statements;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (s.kind === 'ResourceDecl') emitResource(scope, scope.resources.get(s.name.name)!);
  }
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (s.kind === 'ModuleDecl') emitModule(scope, scope.modules.get(s.name.name)!);
  }
}

function emitResource(scope: FileScope, sym: ResSym): void {
  const d = sym.decl;
  const instances = sym.instances();
  for (let i = 0; i < instances.length; i++) {
    const inst = instances[i]!;
    let body: Value;
    try {
      body = scope.resourceBody(inst);
    } catch (e) {
      scope.problem(`Internal error while evaluating this resource: ${(e as Error).message}`, d.keywordRange);
      continue;
    }
    const res: ArmResource = {
      type: inst.type,
      name: inst.fullName,
      symbolicName: sym.symbolicName,
      idKey: armResourceKey(inst.type, inst.fullName),
      body,
      typeLocation: scope.loc(span(d.keywordRange, d.resourceType.range)),
      objectLocation: scope.loc((d.body ?? d).range),
      existing: d.existing,
      deployment: scope.deployment,
      file: scope.file.file,
    };
    if (inst.apiVersion !== undefined) res.apiVersion = inst.apiVersion;
    if (scope.scopeKey !== undefined) res.scope = scope.scopeKey;
    if (scope.moduleEnv) res.moduleEnv = scope.moduleEnv;
    if (scope.calledAt) res.calledAt = scope.calledAt;
    const nameProp = d.body ? propOf(d.body, 'name') : undefined;
    if (nameProp) res.nameLocation = scope.loc(nameProp.range);
    if (d.body) {
      res.site = siteOf(scope, d.body);
      res.templateSite = templateSiteOf(scope, d.body);
    }
    if (inst.condition) res.condition = inst.condition;
    if (inst.index !== undefined) res.copyIndex = inst.index;
    scope.env.resources.push(res);
    if (d.body && !d.existing && inst.type.toLowerCase() === 'microsoft.resources/deployments') linkedTemplate(scope, res, d.body);
  }
  if (sym.children.size) sym.children.forEach((c) => emitResource(scope, c));
}

/**
 * A `Microsoft.Resources/deployments` resource whose template Azure fetches when it deploys
 * (`templateLink.uri`, a template spec's `templateLink.id`): not read, so EVAL002 at the link,
 * with its `parameters` as the call's arguments (GPU005); as the ARM evaluator's linkedTemplate.
 */
function linkedTemplate(scope: FileScope, res: ArmResource, body: ObjectExpr): void {
  const props = member(res.body, 'properties');
  const link = member(props, 'templateLink');
  if (link?.kind !== 'object' || member(link, 'relativePath')) return;
  const key = member(link, 'uri') ? 'uri' : member(link, 'id') ? 'id' : undefined;
  const at = key ? valueSiteOf(scope, body, `properties.templateLink.${key}`) : undefined;
  if (!key || !at) return;
  const source = member(link, key);
  const args = new Map<string, Value>();
  const argSites = new Map<string, Location>();
  const params = member(props, 'parameters');
  if (params?.kind === 'object') {
    for (const [k, v] of params.entries) {
      args.set(k, member(v, 'value') ?? unknown(`parameter '${k}' has no value`, at));
      const site = siteOf(scope, body)(`properties.parameters.${k}`);
      if (site) argSites.set(k, site);
    }
  }
  scope.env.opaque.push({
    format: 'bicep',
    name: res.symbolicName ?? nameLabel(res.name),
    address: [...scope.deployment, res.symbolicName ?? nameLabel(res.name)].join('/'),
    source: clippedSource(source?.kind === 'string' ? source.value : scope.file.text.slice(at.range.start.offset, at.range.end.offset)),
    sourceAt: at,
    reason: linkedTemplateReason(key),
    args,
    argSites,
    linkedPaths: key === 'uri' ? bicepLinkedPaths(scope, scope.file.text.slice(at.range.start.offset, at.range.end.offset)) : [],
  });
}

/**
 * The relative `.json` paths written in a link (`uri(artifactsLocation, 'nested/x.json')`) and in
 * the `var`s it names, as the ARM evaluator's linkedPaths: a file beside the template is a local copy.
 */
function bicepLinkedPaths(scope: FileScope, text: string): string[] {
  const texts = [text];
  for (const st of scope.file.statements) {
    if (st.kind === 'VarDecl' && new RegExp(`\\b${st.name.name}\\b`).test(text)) texts.push(scope.file.text.slice(st.value.range.start.offset, st.value.range.end.offset));
  }
  const out: string[] = [];
  for (const t of texts) for (const m of t.matchAll(/'([^':]+\.json)'/gi)) out.push(m[1]!.replace(/^\.?\//, ''));
  return out;
}

/** Where the value of a dotted property path is written in a resource body (objects only). */
function valueSiteOf(scope: FileScope, body: ObjectExpr, p: string): Location | undefined {
  let cur: Expression | ObjectExpr = body;
  for (const seg of p.split('.')) {
    if (cur.kind !== 'Object') return undefined;
    const lower = seg.toLowerCase();
    const prop: ObjectProperty | undefined = cur.members.find((m): m is ObjectProperty => m.kind === 'ObjectProperty' && m.keyName?.toLowerCase() === lower);
    if (!prop) return undefined;
    cur = prop.value;
  }
  return scope.loc(cur.range);
}

/** A call of a built-in function, plain or through its namespace (`map(…)`, `sys.map(…)`), with its lower-case name; undefined otherwise. */
function builtinCall(e: Expression): { name: string; args: Expression[] } | undefined {
  const call = e.kind === 'Call' || (e.kind === 'InstanceCall' && e.object.kind === 'Variable' && e.object.name === 'sys') ? e : undefined;
  return call ? { name: call.name.name.toLowerCase(), args: call.args } : undefined;
}

/** The element-writing body of `map(xs, x => body)` (also `sys.map`), without parentheses; undefined otherwise. */
function mappedBody(e: Expression): Expression | undefined {
  const call = builtinCall(e);
  const lambda = call?.name === 'map' ? call.args[1] : undefined;
  if (lambda?.kind !== 'Lambda') return undefined;
  let body = lambda.body;
  while (body.kind === 'Paren') body = body.expression;
  return body;
}

/** How many `var`s a path may pass through (a var naming a var…): Bicep rejects cycles, hostile input may not. */
const MAX_VAR_HOPS = 16;

/** Per file: the names a `for` item or index or a lambda parameter binds somewhere in it. */
const localNamesByFile = new WeakMap<object, ReadonlySet<string>>();

function localNamesOf(file: FileScope['file']): ReadonlySet<string> {
  let names = localNamesByFile.get(file);
  if (!names) {
    const found = new Set<string>();
    walkBicep(file, (n) => {
      if (n.kind === 'For') {
        found.add(n.item.name);
        if (n.index) found.add(n.index.name);
      } else if (n.kind === 'Lambda') {
        for (const p of n.params) found.add(p.name);
      }
    });
    localNamesByFile.set(file, (names = found));
  }
  return names;
}

/** Whether `e` reads a name that a `for` item or index or a lambda parameter binds somewhere in the file. */
function readsLocalName(scope: FileScope, e: Expression): boolean {
  const locals = localNamesOf(scope.file);
  if (locals.size === 0) return false;
  const stack: BicepNode[] = [e];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'Variable' && locals.has(n.name)) return true;
    stack.push(...childNodes(n));
  }
  return false;
}

/**
 * The value a `var` reference writes, where it is declared: undefined for a name that is not a
 * file-level var, or that a loop item or lambda parameter of the file also binds (Bicep lets
 * them shadow a var: which one a reference means depends on where it sits, not followed).
 */
function declaredVarValue(scope: FileScope, name: string): Expression | undefined {
  const decl = scope.vars.get(name)?.decl;
  return decl && !localNamesOf(scope.file).has(name) ? decl.value : undefined;
}

/**
 * What an expression writes at a path segment: a `var` is its value (`agentPoolProfiles:
 * profiles` writes the var's list where the var is declared), a `union(a, b)` of object
 * literals the last one that has the key (union's later objects win; the site is that
 * object's member, though union merges nested objects too). Undefined when that cannot be
 * told from the text (an argument that is not an object literal after the last one that has
 * the key).
 */
function writtenAt(scope: FileScope, e: Expression, seg: string): Expression | undefined {
  let cur: Expression = e;
  for (let hops = 0; hops <= MAX_VAR_HOPS; hops++) {
    while (cur.kind === 'Paren') cur = cur.expression;
    if (cur.kind === 'Variable') {
      const value = declaredVarValue(scope, cur.name);
      if (!value) return cur;
      cur = value;
      continue;
    }
    const call = builtinCall(cur);
    if (call?.name === 'union' && !/^\d+$/.test(seg)) {
      const lower = seg.toLowerCase();
      const has = (o: ObjectExpr): boolean => o.members.some((m) => m.kind === 'ObjectProperty' && m.keyName?.toLowerCase() === lower);
      for (let i = call.args.length - 1; i >= 0; i--) {
        // `cond ? { … } : {}`: the key is written by neither branch, or it depends on the condition.
        const objects = objectLiterals(scope, call.args[i]!);
        if (!objects) return undefined;
        const writing = objects.filter(has);
        if (writing.length === 0) continue;
        return writing.length === 1 && objects.length === 1 ? writing[0] : undefined;
      }
      return undefined;
    }
    return cur;
  }
  return undefined;
}

/** The object literals an expression may be (a `var`, parentheses and both branches of a condition followed); undefined if it may be anything else. */
function objectLiterals(scope: FileScope, e: Expression, hops = 0): ObjectExpr[] | undefined {
  if (hops > MAX_VAR_HOPS) return undefined;
  if (e.kind === 'Object') return [e];
  if (e.kind === 'Paren') return objectLiterals(scope, e.expression, hops + 1);
  if (e.kind === 'Variable') {
    const value = declaredVarValue(scope, e.name);
    return value ? objectLiterals(scope, value, hops + 1) : undefined;
  }
  if (e.kind === 'Ternary') {
    const a = objectLiterals(scope, e.consequent, hops + 1);
    const b = a && objectLiterals(scope, e.alternate, hops + 1);
    return b && [...a!, ...b];
  }
  return undefined;
}

/**
 * Where a dotted body path is written in the declaration (`properties.properties.vmSize` → the
 * `vmSize: size` property): the resource attribute that consumes a value written elsewhere,
 * a related location (RULES.md "Location") and a place an inline suppression may name. Keys
 * compare without case, as ARM reads them. A `var` is followed to where it is declared and a
 * `union()` of object literals to the object that writes the key (`writtenAt`); an element of a
 * `for` expression or a `map()` lambda is written by its body; a path through anything else (a
 * parameter, a condition, a spread before the index) has no site.
 */
function siteOf(scope: FileScope, body: ObjectExpr): (path: string) => Location | undefined {
  return (p) => walkSite(scope, body, p)?.at;
}

/**
 * Whether the place of a dotted body path is written by a template that writes several
 * elements (a `for` body, a `map()` lambda): one place for every element, so it tells no
 * element from another (normalize.ts elementNameAt then names an element by its own data).
 */
function templateSiteOf(scope: FileScope, body: ObjectExpr): (path: string) => boolean {
  return (p) => walkSite(scope, body, p)?.template === true;
}

function walkSite(scope: FileScope, body: ObjectExpr, p: string): { at: Location; template: boolean } | undefined {
  let cur: ObjectExpr | Expression | undefined = body;
  let range: Range | undefined;
  let template = false;
  for (const seg of p.split('.')) {
    if (cur.kind !== 'Object') cur = writtenAt(scope, cur, seg);
    if (!cur) return undefined;
    if (/^\d+$/.test(seg)) {
      // Every element of `[for p in xs: {…}]` is written by the loop's body (after its filter).
      if (cur.kind === 'For') {
        const body: Expression | IfBody = cur.body;
        cur = body.kind === 'IfBody' ? body.body : body;
        range = cur.range;
        template = true;
        continue;
      }
      // Every element of `map(xs, x => {…})` is written by the lambda's body, as a loop's is.
      const mapped = mappedBody(cur);
      if (mapped) {
        cur = mapped;
        range = cur.range;
        template = true;
        continue;
      }
      // An array literal, `concat()` / `flatten()` of them, spreads of them: the element written there.
      const found = elementAt(scope, cur, Number(seg));
      if (!found || !('item' in found)) return undefined;
      cur = found.item;
      range = cur.range;
      continue;
    }
    if (cur.kind !== 'Object') return undefined;
    const prop = memberWriting(scope, cur, seg.toLowerCase(), 0);
    if (!prop || prop === 'not told') return undefined;
    cur = prop.value;
    range = prop.range;
  }
  return range ? { at: scope.loc(range), template } : undefined;
}

/**
 * The property of an object literal that writes a key (compared without case): the last one
 * written, as Bicep builds the object, through `...spread` members of object literals the text
 * tells (`properties: { ...baseProps, enableRBAC: true }`, review 91); `'not told'` when a spread
 * of anything else comes after every property of that key (it may write the key).
 */
function memberWriting(scope: FileScope, o: ObjectExpr, lower: string, hops: number): ObjectProperty | 'not told' | undefined {
  for (let i = o.members.length - 1; i >= 0; i--) {
    const m = o.members[i]!;
    if (m.kind === 'ObjectProperty') {
      if (m.keyName?.toLowerCase() === lower) return m;
      continue;
    }
    if (m.kind !== 'Spread') continue;
    const objects = hops < MAX_VAR_HOPS ? objectLiterals(scope, m.expression) : undefined;
    if (!objects) return 'not told';
    const found = objects.map((x) => memberWriting(scope, x, lower, hops + 1));
    // Both branches of a condition write it, or neither does: only then is the place told.
    if (found.every((f) => f === undefined)) continue;
    return found.length === 1 ? found[0] : 'not told';
  }
  return undefined;
}

/** An element found at an index (`item`), or how many elements come before it (`count`); undefined when that cannot be told from the text. */
type ElementSearch = { item: Expression } | { count: number } | undefined;

/**
 * The element an array expression writes at `index`, as far as the text tells it: an array
 * literal's item, through spreads of arrays the text tells (`[a, ...b]`), `concat(a, b)` and
 * `flatten([a, b])` (the elements of the arrays in order), `var`s, parentheses and the branch of a
 * conditional whose condition is known. A part before
 * the index whose length the text does not tell (a parameter, a `for`, a call) makes it undefined.
 */
function elementAt(scope: FileScope, e: Expression, index: number, depth = 0): ElementSearch {
  // Each level is a part of the one above or a var it names: bounded, as a var naming itself (hostile input) would not be.
  if (depth > MAX_VAR_HOPS) return undefined;
  const written = declaredExpression(scope, e);
  if (written?.kind === 'Null') return { count: 0 };
  if (written?.kind === 'Array') return elementInParts(scope, written.items, index, depth);
  // `gpu ? [gpuPool] : []`: the branch a known condition chooses (an unknown one tells no element).
  // Read at file level, so not when a name in it may be a loop item or lambda parameter (self-review 81).
  if (written?.kind === 'Ternary') {
    if (readsLocalName(scope, written.condition)) return undefined;
    const c = scope.eval(written.condition, undefined);
    return c.kind === 'bool' ? elementAt(scope, c.value ? written.consequent : written.alternate, index, depth + 1) : undefined;
  }
  const call = written && builtinCall(written);
  // concat(a, b, …) of arrays: their elements in order (ARM leaves a null argument out).
  if (call?.name === 'concat') return elementInParts(scope, call.args.map(spreadOf), index, depth);
  // flatten([a, b, …]): the elements of each array of the literal, in order.
  if (call?.name === 'flatten' && call.args.length === 1) {
    const outer = declaredExpression(scope, call.args[0]!);
    if (outer?.kind !== 'Array' || outer.items.some((x) => x.kind === 'Spread')) return undefined;
    return elementInParts(scope, (outer.items as Expression[]).map(spreadOf), index, depth);
  }
  return undefined;
}

/** An expression with its parentheses and file-level `var`s followed to what is written (MAX_VAR_HOPS at most); undefined past that, or for a var a loop item may shadow. */
function declaredExpression(scope: FileScope, e: Expression): Expression | undefined {
  let cur = e;
  for (let hops = 0; hops <= MAX_VAR_HOPS; hops++) {
    if (cur.kind === 'Paren') cur = cur.expression;
    else if (cur.kind === 'Variable') {
      const value = declaredVarValue(scope, cur.name);
      if (!value) return undefined;
      cur = value;
    } else return cur;
  }
  return undefined;
}

/** A part written as a spread of its elements. */
function spreadOf(e: Expression): SpreadElement {
  return { kind: 'Spread', expression: e, range: e.range };
}

function elementInParts(scope: FileScope, parts: readonly (Expression | SpreadElement)[], index: number, depth: number): ElementSearch {
  let before = 0;
  for (const part of parts) {
    if (part.kind !== 'Spread') {
      if (before === index) return { item: part };
      before++;
      continue;
    }
    const inner = elementAt(scope, part.expression, index - before, depth + 1);
    if (!inner || 'item' in inner) return inner;
    before += inner.count;
  }
  return { count: before };
}

function emitModule(scope: FileScope, sym: ModSym): void {
  const d = sym.decl;
  const instances = sym.instances();
  // A registry module looped over an empty collection is still a call whose body is not read
  // (EVAL002 is about the call; another parameter file may give it instances).
  if (instances.length === 0 && d.pathString !== null && REGISTRY_PATH.test(d.pathString) && !twinDeployment(scope, d)) {
    scope.env.opaque.push({ format: 'bicep', name: d.name.name, address: [...scope.deployment, d.name.name].join('/'), source: d.pathString, sourceAt: scope.loc(d.path.range), reason: 'no compiled twin (`bicep build`) beside the file holds its body', args: new Map(), argSites: new Map() });
  }
  for (let i = 0; i < instances.length; i++) {
    const inst = instances[i]!;
    if (inst.emitted) continue;
    inst.emitted = true;
    const m = new Map<string, Value>();
    m.set('type', str('Microsoft.Resources/deployments', scope.loc(d.path.range)));
    m.set('name', inst.name);
    const res: ArmResource = {
      type: 'Microsoft.Resources/deployments',
      name: inst.name,
      symbolicName: d.name.name,
      idKey: armResourceKey('Microsoft.Resources/deployments', inst.name),
      body: obj(m, scope.loc((d.body ?? d).range)),
      typeLocation: scope.loc(span(d.keywordRange, d.path.range)),
      objectLocation: scope.loc((d.body ?? d).range),
      existing: false,
      deployment: scope.deployment,
      file: scope.file.file,
    };
    if (scope.scopeKey !== undefined) res.scope = scope.scopeKey;
    if (inst.condition) res.condition = inst.condition;
    if (inst.index !== undefined) res.copyIndex = inst.index;
    scope.env.resources.push(res);
    const child = scope.moduleScope(inst);
    if (child) {
      child.emit();
      // A module file that does not parse is read only up to its error (PARSE001): what it would
      // create after it is not known (review 113: a private endpoint there made its workspace
      // "without a private endpoint"). Its resources read are evaluated; the call is also one whose
      // body is not fully known (`partial`).
      if (child.file.errors.length > 0) {
        scope.env.incomplete.push(child.file.file);
        const call = { ...unreadModuleCall(scope, inst, 'the local module does not parse past its first error'), local: true as const };
        // The arguments its read part declares are read there (SEC001 judges them as inputs).
        scope.env.opaque.push({ ...call, partial: new Set([...call.args.keys()].filter((k) => child.params.has(k))) });
      }
      continue;
    }
    if (d.pathString !== null && REGISTRY_PATH.test(d.pathString)) {
      emitRegistryModule(scope, inst, d.pathString);
      continue;
    }
    const target = scope.localModulePath(d);
    if (target && /\.jsonc?$/i.test(target)) {
      emitJsonModule(scope, inst, target);
      continue;
    }
    // A local module not read (missing, outside the scan root, not parsed: reported there): what
    // it creates is not known, what it is passed is (review 112: a private endpoint module that
    // is missing made the workspace it is passed "without a private endpoint", a false AML001).
    scope.env.opaque.push({ ...unreadModuleCall(scope, inst, 'the local module is not read'), local: true });
  }
}

/** A module instance's call whose body is not (fully) read: a registry module without a copy, a local one not read (OpaqueModuleCall.local). */
function unreadModuleCall(scope: FileScope, inst: ModInst, reason: string): OpaqueModuleCall {
  const d = inst.sym.decl;
  return {
    format: 'bicep',
    name: d.name.name,
    address: [...scope.deployment, d.name.name].join('/') + (inst.index !== undefined ? `[${inst.index}]` : ''),
    source: d.pathString ?? scope.file.text.slice(d.path.range.start.offset, d.path.range.end.offset),
    sourceAt: scope.loc(d.path.range),
    reason,
    args: moduleParams(scope, inst),
    argSites: paramSites(scope, d),
  };
}

/** Where each of a module's `params:` is written. */
function paramSites(scope: FileScope, d: ModuleDecl): Map<string, Location> {
  const argSites = new Map<string, Location>();
  const params = d.body ? propOf(d.body, 'params') : undefined;
  if (params?.value.kind === 'Object') for (const m of params.value.members) if (m.kind === 'ObjectProperty' && m.keyName !== null) argSites.set(m.keyName, scope.loc(m.range));
  return argSites;
}

/**
 * A registry module (`br:`, `ts:`; FORMATS.md §6): its body is the nested deployment of the
 * same symbolic name in the file's compiled twin (`bicep build` output beside it, language
 * version 2.0 keys resources by symbolic name), evaluated with the params the caller passes.
 * Without one, the module is opaque: EVAL002, and its params go to GPU005.
 */
function emitRegistryModule(scope: FileScope, inst: ModInst, source: string): void {
  const d = inst.sym.decl;
  const twin = scope.env.sources.compiledTwin?.(scope.file.file);
  const template = twinDeployment(scope, d);
  if (twin && template) {
    const r = evaluateArmTemplate({ file: twin.file, parsed: twin, templateNode: template, ...asModuleOf(scope, inst) });
    pushModuleResources(scope, inst, r);
    return;
  }
  // Opt-in: the copy `bicep restore` left in the Bicep cache (outside the scan root).
  const cached = scope.env.sources.registryModule?.(scope.file.file, source);
  if (cached && 'parsed' in cached) {
    const r = evaluateArmTemplate({ file: cached.parsed.file, parsed: cached.parsed, ...asModuleOf(scope, inst) });
    pushModuleResources(scope, inst, r, { call: scope.loc(span(d.keywordRange, d.path.range)), source, dirs: [cached.cacheRoot], copies: [{ dir: path.dirname(cached.parsed.file), name: d.name.name, source }] });
    return;
  }
  const noTwin = twin
    ? `its compiled twin ${path.basename(twin.file)} has no nested deployment "${d.name.name}"`
    : 'no compiled twin (`bicep build`) beside the file holds its body';
  scope.env.opaque.push(unreadModuleCall(scope, inst, cached ? `${noTwin}, and ${cached.reason}` : noTwin));
}

/**
 * The `properties.template` of the compiled twin's nested deployment for this module: keyed by its
 * symbolic name (language version 2.0), else, in a `resources` array (language version 1.0, what
 * `bicep build` writes unless a 2.0 feature is used), the one deployment whose `name` compiles from
 * the module's `name` (see `nameShape`).
 */
function twinDeployment(scope: FileScope, d: ModuleDecl): JsonNode | undefined {
  const twin = scope.env.sources.compiledTwin?.(scope.file.file);
  if (!twin) return undefined;
  // Asked per module instance and variant: the twin's resources are looked up once per module.
  let byModule = TWIN_DEPLOYMENTS.get(twin);
  if (!byModule) {
    byModule = new Map();
    TWIN_DEPLOYMENTS.set(twin, byModule);
  }
  if (byModule.has(d)) return byModule.get(d);
  const template = deploymentTemplate(twin, d);
  byModule.set(d, template);
  return template;
}

/** twinDeployment by parsed twin and module declaration (released with the parse). */
const TWIN_DEPLOYMENTS = new WeakMap<ParsedJson, Map<ModuleDecl, JsonNode | undefined>>();

function deploymentTemplate(twin: ParsedJson, d: ModuleDecl): JsonNode | undefined {
  const resources = getProp(twin.root, 'resources');
  if (resources?.type === 'object') return nestedTemplate(getProp(resources, d.name.name));
  if (resources?.type !== 'array') return undefined;
  const shape = d.body ? bicepNameShape(propOf(d.body, 'name')?.value) : undefined;
  if (!shape) return undefined;
  const matches = (resources.children ?? []).filter((r) => nestedTemplate(r) && sameShape(armNameShape(getProp(r, 'name')?.value), shape));
  // Two deployments of one shape (`'a-${x}'`, `'a-${y}'`): which is this module's is not known.
  return matches.length === 1 ? nestedTemplate(matches[0]) : undefined;
}

function nestedTemplate(deployment: JsonNode | undefined): JsonNode | undefined {
  const type = getProp(deployment, 'type')?.value;
  if (typeof type !== 'string' || type.toLowerCase() !== 'microsoft.resources/deployments') return undefined;
  const template = getProp(getProp(deployment, 'properties'), 'template');
  return template?.type === 'object' ? template : undefined;
}

/**
 * A deployment name as its literal parts around the interpolated ones: Bicep compiles
 * `'gpu-${deployment().name}'` to `"[format('gpu-{0}', deployment().name)]"`, so both give
 * `['gpu-', '']`. Only names with some literal text take part (a bare `name: deploymentName`
 * says nothing to match on).
 */
function bicepNameShape(e: Expression | undefined): string[] | undefined {
  if (e?.kind !== 'String') return undefined;
  return e.segments.join('') === '' ? undefined : e.segments;
}

/** The literal parts of a compiled name: a plain string, or `[format('…', …)]`. */
function armNameShape(v: unknown): string[] | undefined {
  if (typeof v !== 'string') return undefined;
  if (!v.startsWith('[') || v.startsWith('[[')) return [v];
  const m = /^\[format\('((?:[^']|'')*)'\s*,/.exec(v);
  if (!m) return undefined;
  return m[1]!.replace(/''/g, "'").split(/\{\d+\}/).map((s) => s.replace(/\{\{/g, '{').replace(/\}\}/g, '}'));
}

function sameShape(a: string[] | undefined, b: string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * How a JSON template a module instance uses (a local `.json`, a registry module's compiled body)
 * is evaluated: with the module's params, the run's loop limits and budget, as the calling file's
 * module (its environment parameter decides, else the caller's class).
 */
function asModuleOf(scope: FileScope, inst: ModInst): Pick<EvaluateArmOptions, 'parameterValues' | 'maxCopy' | 'budget' | 'asModule'> {
  return { parameterValues: moduleParams(scope, inst), maxCopy: scope.env.maxCopy, budget: scope.env.budget, asModule: { env: scope.moduleEnv } };
}

/** A module's resources under its deployment name; from a copy outside the user's code, marked so findings point at the call. */
function pushModuleResources(scope: FileScope, inst: ModInst, r: ReturnType<typeof evaluateArmTemplate>, vendored?: VendoredOrigin): void {
  const dep = [...scope.deployment, nameLabel(inst.name)];
  const moduleScope = moduleTargetScope(scope, inst);
  for (const res of r.resources) {
    const out: ArmResource = { ...res, deployment: [...dep, ...res.deployment] };
    // An unreadable scope inside the template is that template's own key: this call's chain makes
    // it this call's (one JSON module called twice is two deployments).
    const inner = res.scope !== undefined && isUnknownScope(res.scope) ? unknownScope(`${dep.join('/')}>${res.scope.slice(1)}`) : res.scope;
    const placedIn = withinScope(moduleScope, inner);
    if (placedIn !== undefined) out.scope = placedIn;
    const c = andCond(inst.condition, res.condition);
    if (c) out.condition = c;
    if (vendored) out.vendored = vendored;
    scope.env.resources.push(out);
  }
  for (const p of r.problems) problem(scope.env, p.message, vendored ? vendored.call : p.location);
  // A linked template inside the module's body (EVAL002): under the module's deployment. Not
  // from a copy outside the user's code, where its link is no place to point at.
  if (!vendored) for (const m of r.opaqueModules) scope.env.opaque.push({ ...m, address: [...dep.map((d) => `deployment(${d})`), m.address].join('/') });
}

/** A local ARM template used as a module: evaluated by the ARM evaluator with the module's params. */
function emitJsonModule(scope: FileScope, inst: ModInst, target: string): void {
  const text = scope.env.sources.host.readText(target);
  if (text === undefined) return;
  const parsed = parseJsonc(text, target);
  const r = evaluateArmTemplate({ file: target, parsed, ...asModuleOf(scope, inst) });
  pushModuleResources(scope, inst, r);
}
