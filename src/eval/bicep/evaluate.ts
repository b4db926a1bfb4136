/**
 * Native evaluation of a parsed `.bicep` file into the same resource records the ARM front end
 * produces (`ArmResource`), following how the Bicep compiler lowers a file to ARM JSON
 * (`../shared/BICEP.md` §4): params (assigned > default > unknown `parameters('x')`), vars,
 * resources (type `'T@v'`, nested children and `parent:` composing `parentType/child` and
 * `parentName/childName`, `if`, `for`, `existing`), local modules (`.bicep` recursively, `.json`
 * through the ARM evaluator) and outputs. Every function call goes through the shared ARM function
 * library (`callArmFunction`), so tokens of unknown values and resource identity keys are the
 * ones the compiled twin produces. Never throws.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { InputDecl } from '../types.js';
import type { Location, Range } from '../../core/source.js';
import type {
  BicepFile,
  BicepParamFile,
  Decorator,
  Expression,
  ForExpr,
  FuncDecl,
  IfBody,
  ImportDecl,
  ModuleDecl,
  ObjectExpr,
  OutputDecl,
  ParamDecl,
  ResourceDecl,
  StringLiteral,
  VarDecl,
} from '../../parse/bicep/index.js';
import { parseJsonc } from '../../parse/json/index.js';
import { armAccess, armCallToken, callArmFunction, tokenText } from '../arm/evaluate.js';
import { armResourceKey, escapeBraces } from '../arm/resourceid.js';
import type { ArmUnknown } from '../arm/resourceid.js';
import { evaluateArmTemplate } from '../arm/template.js';
import type { ArmResource } from '../arm/template.js';
import { bool, fromJS, list, member, nul, num, obj, passedThrough, str, unknown } from '../../core/value.js';
import type { Value } from '../../core/value.js';

export interface BicepProblem {
  message: string;
  location: Location;
  code: 'EVAL001';
}

export interface BicepHost {
  /** The scan root: module and `load*` paths outside it are not read. */
  root: string;
  parse(file: string): BicepFile | undefined;
  readText(file: string): string | undefined;
}

export interface BicepEvaluation {
  resources: ArmResource[];
  /** Params of the evaluated file and of every module evaluated through it. */
  inputs: InputDecl[];
  problems: BicepProblem[];
  /** Outputs of the root file (evaluated lazily into this map on request). */
  outputs: Map<string, Value>;
}

export interface EvaluateBicepOptions {
  file: BicepFile;
  host: BicepHost;
  /** Parameter values (from a `.bicepparam` variant); keys case-sensitive as in Bicep. */
  parameterValues?: Map<string, Value>;
  /** Maximum number of instances per loop (default 32). */
  maxCopy?: number;
  /** Maximum module depth (default 8). */
  maxDepth?: number;
}

/** Bicep's compile-time file size caps (`SystemNamespaceType.cs`). */
const LOAD_LIMITS: Record<string, number> = {
  loadtextcontent: 131072,
  loadfileasbase64: 96 * 1024,
  loadjsoncontent: 1048576,
  loadyamlcontent: 1048576,
};

interface Env {
  host: BicepHost;
  problems: BicepProblem[];
  problemKeys: Set<string>;
  resources: ArmResource[];
  inputs: InputDecl[];
  inputKeys: Set<string>;
  maxCopy: number;
  maxDepth: number;
  /** Guard against runaway recursion through user functions. */
  calls: number;
}

function problem(env: Env, message: string, location: Location): void {
  const k = `${location.file}:${location.range.start.offset}:${message}`;
  if (env.problemKeys.has(k)) return;
  env.problemKeys.add(k);
  env.problems.push({ message, location, code: 'EVAL001' });
}

const U = (reason: string, loc?: Location, token?: string): Value => unknown(reason, loc, token);
const span = (a: Range, b: Range): Range => ({ start: a.start, end: b.end });

/** Local names (loop items and indexes, lambda and function parameters). */
type Locals = ReadonlyMap<string, Value> | undefined;
const withLocals = (base: Locals, add: [string, Value][]): Locals => {
  const m = new Map(base ?? []);
  for (const [k, v] of add) m.set(k, v);
  return m;
};

interface Slot<D> {
  decl: D;
  state: 0 | 1 | 2;
  value?: Value;
  via: Location;
}

interface ParamSlot extends Slot<ParamDecl | null> {
  name: string;
  assigned?: Value;
  /** `.bicepparam` assignment expression (param files only). */
  expr?: Expression | null;
}

/** One evaluated instance of a resource declaration. */
interface ResInst {
  sym: ResSym;
  locals: Locals;
  index?: number;
  condition?: Value;
  type: string;
  apiVersion?: string;
  /** Fully qualified name (`parent/child`). */
  fullName: Value;
  /** The name as written (`sym.name`). */
  leafName: Value;
  bodyState: 0 | 1 | 2;
  bodyValue?: Value;
  parent?: ResInst;
}

interface ModInst {
  sym: ModSym;
  locals: Locals;
  index?: number;
  condition?: Value;
  name: Value;
  child?: FileScope | null;
  jsonOutputs?: boolean;
  emitted?: boolean;
}

class ResSym {
  readonly children = new Map<string, ResSym>();
  state: 0 | 1 | 2 = 0;
  list: ResInst[] = [];
  constructor(
    readonly scope: FileScope,
    readonly decl: ResourceDecl,
    readonly symbolicName: string,
    readonly nestedParent: ResSym | undefined,
  ) {
    for (const c of decl.children) this.children.set(c.name.name, new ResSym(scope, c, `${symbolicName}::${c.name.name}`, this));
  }

  instances(): ResInst[] {
    if (this.state === 2) return this.list;
    if (this.state === 1) {
      problem(this.scope.env, `Resource '${this.decl.name.name}' depends on itself`, this.scope.loc(this.decl.name.range));
      return [];
    }
    this.state = 1;
    try {
      this.list = this.scope.resourceInstances(this);
    } catch (e) {
      problem(this.scope.env, `Internal error while evaluating this resource: ${(e as Error).message}`, this.scope.loc(this.decl.keywordRange));
      this.list = [];
    }
    this.state = 2;
    return this.list;
  }
}

class ModSym {
  state: 0 | 1 | 2 = 0;
  list: ModInst[] = [];
  constructor(
    readonly scope: FileScope,
    readonly decl: ModuleDecl,
  ) {}

  instances(): ModInst[] {
    if (this.state === 2) return this.list;
    if (this.state === 1) return [];
    this.state = 1;
    try {
      this.list = this.scope.moduleInstances(this);
    } catch (e) {
      problem(this.scope.env, `Internal error while evaluating this module: ${(e as Error).message}`, this.scope.loc(this.decl.keywordRange));
      this.list = [];
    }
    this.state = 2;
    return this.list;
  }
}

const NOT_COPIED = new Set(['name', 'parent', 'scope', 'dependson']);

/** One `.bicep` (or `.bicepparam`) file being evaluated with one set of parameter values. */
export class FileScope {
  readonly params = new Map<string, ParamSlot>();
  readonly vars = new Map<string, Slot<VarDecl>>();
  readonly resources = new Map<string, ResSym>();
  readonly nestedResources = new Map<string, ResSym>();
  readonly modules = new Map<string, ModSym>();
  readonly funcs = new Map<string, FuncDecl>();
  readonly outputDecls = new Map<string, OutputDecl>();
  readonly outputValues = new Map<string, Value>();
  readonly imports = new Map<string, { decl: ImportDecl; original: string }>();
  targetScope = 'resourceGroup';

  constructor(
    readonly file: BicepFile | BicepParamFile,
    readonly env: Env,
    assigned: Map<string, Value>,
    /** Enclosing module deployment names, outermost first. */
    readonly deployment: string[],
    /** The module's condition (never known false). */
    readonly condition: Value | undefined,
    /** Files of the enclosing module chain (cycle guard). */
    readonly stack: string[],
  ) {
    for (const s of file.statements) {
      switch (s.kind) {
        case 'ParamDecl': {
          const header: Location = { ...this.loc(span(s.keywordRange, (s.type ?? s.resourceType ?? s.name).range), `parameter "${s.name.name}"`), symbol: { kind: 'input', name: s.name.name } };
          const slot: ParamSlot = { name: s.name.name, decl: s, state: 0, via: header };
          const a = assigned.get(s.name.name);
          if (a) slot.assigned = a;
          this.params.set(s.name.name, slot);
          break;
        }
        case 'ParamAssignment': {
          const header: Location = { ...this.loc(span(s.keywordRange, s.name.range), `parameter "${s.name.name}"`), symbol: { kind: 'input', name: s.name.name } };
          this.params.set(s.name.name, { name: s.name.name, decl: null, expr: s.value, state: 0, via: header });
          break;
        }
        case 'VarDecl':
          this.vars.set(s.name.name, { decl: s, state: 0, via: { ...this.loc(span(s.keywordRange, s.name.range), `variable "${s.name.name}"`), symbol: { kind: 'variable', name: s.name.name } } });
          break;
        case 'ResourceDecl': {
          const sym = new ResSym(this, s, s.name.name, undefined);
          this.resources.set(s.name.name, sym);
          const addNested = (p: ResSym): void => {
            for (const [n, c] of p.children) {
              if (!this.nestedResources.has(n)) this.nestedResources.set(n, c);
              addNested(c);
            }
          };
          addNested(sym);
          break;
        }
        case 'ModuleDecl':
          this.modules.set(s.name.name, new ModSym(this, s));
          break;
        case 'FuncDecl':
          this.funcs.set(s.name.name, s);
          break;
        case 'OutputDecl':
          this.outputDecls.set(s.name.name, s);
          break;
        case 'TargetScopeDecl': {
          const v = this.eval(s.value, undefined);
          if (v.kind === 'string') this.targetScope = v.value;
          break;
        }
        case 'ImportDecl':
          if (s.form === 'named') for (const it of s.items) this.imports.set(it.alias?.name ?? it.originalName, { decl: s, original: it.originalName });
          break;
        default:
          break;
      }
    }
  }

  loc(range: Range, label?: string): Location {
    return label === undefined ? { file: this.file.file, range } : { file: this.file.file, range, label };
  }

  problem(message: string, range: Range): void {
    problem(this.env, message, this.loc(range));
  }

  // ---- symbols ---------------------------------------------------------------------------

  parameter(name: string): Value | undefined {
    const slot = this.params.get(name);
    if (!slot) return undefined;
    if (slot.state === 2) return passedThrough(slot.value!, slot.via);
    if (slot.state === 1) {
      this.problem(`Parameter '${slot.name}' refers to itself`, slot.via.range);
      return U(`parameter '${slot.name}' refers to itself`, slot.via, `parameters('${slot.name}')`);
    }
    slot.state = 1;
    let v: Value;
    if (slot.assigned) v = slot.assigned;
    else if (slot.expr) v = this.eval(slot.expr, undefined);
    else if (slot.decl?.defaultValue) v = this.eval(slot.decl.defaultValue, undefined);
    else if (slot.decl?.type?.kind === 'NullableType') v = nul(slot.via);
    else v = U(`parameter '${slot.name}' has no value and no default`, slot.via, `parameters(${tokenText(str(slot.name))})`);
    slot.value = v;
    slot.state = 2;
    return passedThrough(v, slot.via);
  }

  variable(name: string): Value | undefined {
    const slot = this.vars.get(name);
    if (!slot) return undefined;
    if (slot.state === 2) return passedThrough(slot.value!, slot.via);
    if (slot.state === 1) {
      this.problem(`Variable '${name}' refers to itself`, slot.decl.name.range);
      return U(`variable '${name}' refers to itself`, slot.via);
    }
    slot.state = 1;
    const v = this.eval(slot.decl.value, undefined);
    slot.value = v;
    slot.state = 2;
    return passedThrough(v, slot.via);
  }

  output(name: string): Value | undefined {
    const cached = this.outputValues.get(name);
    if (cached) return cached;
    const d = this.outputDecls.get(name);
    if (!d) return undefined;
    this.outputValues.set(name, U(`output '${name}' refers to itself`, this.loc(d.name.range)));
    const v = this.eval(d.value, undefined);
    this.outputValues.set(name, v);
    return v;
  }

  /** The declared params as InputDecls (kind 'bicep-param'). */
  collectInputs(): void {
    for (const slot of this.params.values()) {
      const d = slot.decl;
      if (!d) continue;
      const key = `${slot.via.file}:${slot.via.range.start.offset}`;
      if (this.env.inputKeys.has(key)) continue;
      this.env.inputKeys.add(key);
      const input: InputDecl = { name: slot.name, kind: 'bicep-param', header: slot.via };
      if (d.type) input.type = this.file.text.slice(d.type.range.start.offset, d.type.range.end.offset);
      else if (d.resourceType) input.type = 'resource';
      if (d.decorators.some((x) => x.name === 'secure')) input.secure = true;
      if (d.defaultValue) input.defaultValue = this.eval(d.defaultValue, undefined);
      if (slot.assigned) input.assigned = slot.assigned;
      const allowed = decorator(d.decorators, 'allowed');
      const arr = allowed?.args[0];
      if (arr?.kind === 'Array') input.allowedValues = arr.items.filter((x) => x.kind !== 'Spread').map((x) => this.eval(x as Expression, undefined));
      this.env.inputs.push(input);
    }
  }

  // ---- resources ----------------------------------------------------------------------------

  /** Expands a declaration's loop into (locals, index) pairs; an unknown collection gives one instance. */
  private expandLoop(loop: ForExpr | null, locals: Locals, symbol: string): { locals: Locals; index?: number }[] {
    if (!loop) return [{ locals }];
    const xs = this.eval(loop.iterable, locals);
    if (xs.kind === 'list') {
      let n = xs.items.length;
      if (n > this.env.maxCopy) {
        this.problem(`loop '${symbol}' has ${n} instances; only the first ${this.env.maxCopy} are evaluated`, loop.iterable.range);
        n = this.env.maxCopy;
      }
      const out: { locals: Locals; index?: number }[] = [];
      for (let i = 0; i < n; i++) {
        const add: [string, Value][] = [[loop.item.name, xs.items[i]!]];
        if (loop.index) add.push([loop.index.name, num(i, this.loc(loop.index.range))]);
        out.push({ locals: withLocals(locals, add), index: i });
      }
      return out;
    }
    if (xs.kind === 'object') {
      this.problem(`loop '${symbol}' iterates over an object; use items()`, loop.iterable.range);
      return [];
    }
    const idx = U(`the loop collection is unknown${xs.kind === 'unknown' ? ` (${xs.reason})` : ''}`, this.loc(loop.range), 'copyIndex()');
    const item = xs.kind === 'unknown' ? armAccess(xs, idx, this.loc(loop.item.range)) : U('the loop collection is not an array', this.loc(loop.item.range));
    const add: [string, Value][] = [[loop.item.name, item]];
    if (loop.index) add.push([loop.index.name, idx]);
    return [{ locals: withLocals(locals, add) }];
  }

  resourceInstances(sym: ResSym): ResInst[] {
    const d = sym.decl;
    const out: ResInst[] = [];
    const parents: (ResInst | undefined)[] = sym.nestedParent ? sym.nestedParent.instances() : [undefined];
    for (const nestedParent of parents) {
      for (const it of this.expandLoop(d.loop, nestedParent?.locals, d.name.name)) {
        let condition = andCond(this.condition, nestedParent?.condition);
        if (d.condition) {
          const c = this.eval(d.condition, it.locals);
          if ((c.kind === 'bool' && !c.value) || (c.kind === 'string' && c.value.toLowerCase() === 'false')) continue;
          condition = andCond(condition, c);
        }
        if (d.typeString === null) {
          this.problem('The resource type cannot be evaluated', d.resourceType.range);
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
          parent = this.resourceRef(parentProp.value, it.locals);
          if (!parent) this.problem('The parent resource cannot be resolved', parentProp.value.range);
        }
        if (nestedParent) {
          typeText = `${nestedParent.type}/${typeText}`;
          apiVersion ??= nestedParent.apiVersion;
        }
        const nameProp = d.body ? propOf(d.body, 'name') : undefined;
        const leafName = nameProp ? this.eval(nameProp.value, it.locals) : U('the resource has no name', this.loc(d.name.range));
        const fullName = parent ? composeName(parent.fullName, leafName, this.loc(nameProp?.value.range ?? d.name.range)) : leafName;
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
  resourceBody(inst: ResInst): Value {
    if (inst.bodyState === 2) return inst.bodyValue!;
    const d = inst.sym.decl;
    if (inst.bodyState === 1) return U(`resource '${d.name.name}' refers to itself`, this.loc(d.name.range));
    inst.bodyState = 1;
    const m = new Map<string, Value>();
    m.set('type', str(inst.type, this.loc(d.resourceType.range)));
    if (inst.apiVersion !== undefined) m.set('apiVersion', str(inst.apiVersion, this.loc(d.resourceType.range)));
    m.set('name', inst.fullName);
    let v: Value;
    if (d.body) {
      if (!d.existing) {
        const rest = this.evalObject(d.body, inst.locals, (k) => NOT_COPIED.has(k.toLowerCase()));
        if (rest.kind === 'object') for (const [k, e] of rest.entries) m.set(k, e);
        else m.set('properties', rest);
      }
      v = obj(m, this.loc(d.body.range));
    } else v = obj(m, this.loc(d.range));
    inst.bodyValue = v;
    inst.bodyState = 2;
    return v;
  }

  /** `r.id`: the id the compiler emits (`resourceId`/`subscriptionResourceId`/`extensionResourceId`/…). */
  resourceId(inst: ResInst, loc: Location): Value {
    const typeV = str(inst.type, loc);
    const scopeProp = inst.sym.decl.body ? propOf(inst.sym.decl.body, 'scope') : undefined;
    if (scopeProp) {
      const target = this.resourceRef(scopeProp.value, inst.locals);
      if (target) return callArmFunction('extensionResourceId', [this.resourceId(target, loc), typeV, inst.fullName], loc)!;
    }
    let p = inst;
    while (p.parent) p = p.parent;
    const fn = this.targetScope === 'subscription' ? 'subscriptionResourceId' : this.targetScope === 'tenant' || this.targetScope === 'managementGroup' ? 'tenantResourceId' : 'resourceId';
    return callArmFunction(fn, [typeV, inst.fullName], loc)!;
  }

  /** `r.<prop>` of a resource instance (BICEP.md §4.7). */
  resourceProperty(inst: ResInst, prop: string, loc: Location): Value {
    const l = prop.toLowerCase();
    if (l === 'id') return this.resourceId(inst, loc);
    if (l === 'name') return inst.leafName;
    if (l === 'type') return str(inst.type, loc);
    if (l === 'apiversion') return inst.apiVersion !== undefined ? str(inst.apiVersion, loc) : U('no apiVersion', loc);
    const body = inst.sym.decl.existing ? undefined : this.resourceBody(inst);
    const m = body ? member(body, prop) : undefined;
    if (m) return m;
    const id = this.resourceId(inst, loc);
    const ref = armCallToken('reference', [id, str(inst.apiVersion ?? '', loc), str('full', loc)]);
    return U(`'${inst.sym.decl.name.name}.${prop}' is known only at deployment time`, loc, ref !== undefined ? `${ref}.${prop}` : undefined);
  }

  /** Resolves an expression naming a resource (`r`, `r[i]`, `p::c`) to one instance. */
  resourceRef(e: Expression, locals: Locals): ResInst | undefined {
    const sym = this.resourceSymbol(e, locals);
    if (!sym) return undefined;
    if (e.kind === 'IndexAccess') {
      const i = this.eval(e.index, locals);
      const all = sym.instances();
      if (i.kind === 'number') return all.find((x) => x.index === i.value);
      return all.length === 1 && all[0]!.index === undefined ? all[0] : undefined;
    }
    const all = sym.instances();
    return all.length >= 1 && (all[0]!.index === undefined || all.length === 1) ? all[0] : undefined;
  }

  private resourceSymbol(e: Expression, locals: Locals): ResSym | undefined {
    if (e.kind === 'Variable') {
      if (locals?.has(e.name) || this.params.has(e.name) || this.vars.has(e.name)) return undefined;
      return this.resources.get(e.name) ?? this.nestedResources.get(e.name);
    }
    if (e.kind === 'IndexAccess' && !e.safe && !e.fromEnd) return this.resourceSymbol(e.object, locals);
    if (e.kind === 'ResourceAccess') return this.resourceSymbol(e.object, locals)?.children.get(e.name.name);
    if (e.kind === 'Paren' || e.kind === 'NonNull') return this.resourceSymbol(e.expression, locals);
    return undefined;
  }

  private moduleRef(e: Expression, locals: Locals): ModInst | null | undefined {
    let sym: ModSym | undefined;
    let idx: Expression | undefined;
    if (e.kind === 'Variable' && !locals?.has(e.name) && !this.params.has(e.name) && !this.vars.has(e.name)) sym = this.modules.get(e.name);
    else if (e.kind === 'IndexAccess' && e.object.kind === 'Variable' && !e.safe && !e.fromEnd) {
      sym = this.modules.get(e.object.name);
      idx = e.index;
    }
    if (!sym) return undefined;
    const all = sym.instances();
    if (idx) {
      const i = this.eval(idx, locals);
      return i.kind === 'number' ? (all.find((x) => x.index === i.value) ?? null) : null;
    }
    return all.length === 1 ? all[0]! : null;
  }

  // ---- modules ----------------------------------------------------------------------------

  moduleInstances(sym: ModSym): ModInst[] {
    const d = sym.decl;
    const out: ModInst[] = [];
    for (const it of this.expandLoop(d.loop, undefined, d.name.name)) {
      let condition = this.condition;
      if (d.condition) {
        const c = this.eval(d.condition, it.locals);
        if (c.kind === 'bool' && !c.value) continue;
        condition = andCond(condition, c);
      }
      const nameProp = d.body ? propOf(d.body, 'name') : undefined;
      let name: Value;
      if (nameProp) name = this.eval(nameProp.value, it.locals);
      else {
        const loc = this.loc(d.name.range);
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
  moduleScope(inst: ModInst): FileScope | null {
    if (inst.child !== undefined) return inst.child;
    inst.child = null;
    const d = inst.sym.decl;
    const target = this.localModulePath(d);
    if (!target || !target.toLowerCase().endsWith('.bicep')) return null;
    if (this.stack.includes(target)) {
      this.problem(`Module cycle: ${path.basename(target)} is already being evaluated`, d.path.range);
      return null;
    }
    if (this.stack.length >= this.env.maxDepth) {
      this.problem(`Modules are nested more than ${this.env.maxDepth} levels deep; '${d.name.name}' is not evaluated`, d.path.range);
      return null;
    }
    const parsed = this.env.host.parse(target);
    if (!parsed) return null;
    const child = new FileScope(parsed, this.env, this.moduleParams(inst), [...this.deployment, nameLabel(inst.name)], inst.condition, [...this.stack, target]);
    inst.child = child;
    return child;
  }

  /** `params:` of a module instance, each value passed through the caller's property. */
  private moduleParams(inst: ModInst): Map<string, Value> {
    const d = inst.sym.decl;
    const out = new Map<string, Value>();
    const p = d.body ? propOf(d.body, 'params') : undefined;
    if (!p) return out;
    if (p.value.kind !== 'Object') {
      const v = this.eval(p.value, inst.locals);
      if (v.kind === 'object') for (const [k, e] of v.entries) out.set(k, e);
      return out;
    }
    for (const m of p.value.members) {
      if (m.kind === 'Spread') {
        const v = this.eval(m.expression, inst.locals);
        if (v.kind === 'object') for (const [k, e] of v.entries) out.set(k, e);
        continue;
      }
      if (m.kind !== 'ObjectProperty' || m.keyName === null) continue;
      let v = m.value.kind === 'InstanceCall' && m.value.name.name === 'getSecret' ? U('a Key Vault secret reference', this.loc(m.value.range)) : this.eval(m.value, inst.locals);
      // A resource passed to a resource-typed param becomes its id.
      const ref = this.resourceRef(m.value, inst.locals);
      if (ref && m.value.kind !== 'PropertyAccess') v = this.resourceId(ref, this.loc(m.value.range));
      out.set(m.keyName, passedThrough(v, this.loc(m.range, `module "${d.name.name}" param "${m.keyName}"`)));
    }
    return out;
  }

  /** The resolved local module path, or undefined (registry module, missing file: reported). */
  localModulePath(d: ModuleDecl): string | undefined {
    const p = d.pathString;
    if (p === null) {
      this.problem('The module path cannot be evaluated', d.path.range);
      return undefined;
    }
    if (/^(br|ts)(\/[^:]*)?:/i.test(p)) return undefined;
    const target = path.resolve(path.dirname(this.file.file), p);
    if (!insideRoot(this.env.host.root, target)) {
      this.problem(`Module '${p}' is outside the scanned folder; it is not evaluated`, d.path.range);
      return undefined;
    }
    if (!isFile(target)) {
      this.problem(`Module file '${p}' does not exist`, d.path.range);
      return undefined;
    }
    return target;
  }

  /** The output `name` of a module instance. */
  moduleOutput(inst: ModInst, name: string, loc: Location): Value {
    const child = this.moduleScope(inst);
    const v = child?.output(name);
    if (v) return v;
    const t = armCallToken('reference', [str(`Microsoft.Resources/deployments`, loc), inst.name]);
    return U(`output '${name}' of module '${inst.sym.decl.name.name}' is not known statically`, loc, t !== undefined ? `${t}.outputs.${name}.value` : undefined);
  }

  // ---- emission ---------------------------------------------------------------------------

  /** Evaluates every declaration and pushes the resource records (resources, then modules). */
  emit(): void {
    this.collectInputs();
    for (const s of this.file.statements) if (s.kind === 'ResourceDecl') this.emitResource(this.resources.get(s.name.name)!);
    for (const s of this.file.statements) if (s.kind === 'ModuleDecl') this.emitModule(this.modules.get(s.name.name)!);
  }

  private emitResource(sym: ResSym): void {
    const d = sym.decl;
    for (const inst of sym.instances()) {
      let body: Value;
      try {
        body = this.resourceBody(inst);
      } catch (e) {
        this.problem(`Internal error while evaluating this resource: ${(e as Error).message}`, d.keywordRange);
        continue;
      }
      const res: ArmResource = {
        type: inst.type,
        name: inst.fullName,
        symbolicName: sym.symbolicName,
        idKey: armResourceKey(inst.type, inst.fullName),
        body,
        typeLocation: this.loc(span(d.keywordRange, d.resourceType.range)),
        objectLocation: this.loc((d.body ?? d).range),
        existing: d.existing,
        deployment: this.deployment,
        file: this.file.file,
      };
      if (inst.apiVersion !== undefined) res.apiVersion = inst.apiVersion;
      const nameProp = d.body ? propOf(d.body, 'name') : undefined;
      if (nameProp) res.nameLocation = this.loc(nameProp.range);
      if (inst.condition) res.condition = inst.condition;
      if (inst.index !== undefined) res.copyIndex = inst.index;
      this.env.resources.push(res);
    }
    for (const c of sym.children.values()) this.emitResource(c);
  }

  private emitModule(sym: ModSym): void {
    const d = sym.decl;
    for (const inst of sym.instances()) {
      if (inst.emitted) continue;
      inst.emitted = true;
      const m = new Map<string, Value>([
        ['type', str('Microsoft.Resources/deployments', this.loc(d.path.range))],
        ['name', inst.name],
      ]);
      const res: ArmResource = {
        type: 'Microsoft.Resources/deployments',
        name: inst.name,
        symbolicName: d.name.name,
        idKey: armResourceKey('Microsoft.Resources/deployments', inst.name),
        body: obj(m, this.loc((d.body ?? d).range)),
        typeLocation: this.loc(span(d.keywordRange, d.path.range)),
        objectLocation: this.loc((d.body ?? d).range),
        existing: false,
        deployment: this.deployment,
        file: this.file.file,
      };
      if (inst.condition) res.condition = inst.condition;
      if (inst.index !== undefined) res.copyIndex = inst.index;
      this.env.resources.push(res);
      const child = this.moduleScope(inst);
      if (child) {
        child.emit();
        continue;
      }
      const target = this.localModulePath(d);
      if (target && /\.jsonc?$/i.test(target)) this.emitJsonModule(inst, target);
    }
  }

  private emitJsonModule(inst: ModInst, target: string): void {
    const text = this.env.host.readText(target);
    if (text === undefined) return;
    const parsed = parseJsonc(text, target);
    const r = evaluateArmTemplate({ file: target, parsed, parameterValues: this.moduleParams(inst), maxCopy: this.env.maxCopy });
    const dep = [...this.deployment, nameLabel(inst.name)];
    for (const res of r.resources) {
      const out: ArmResource = { ...res, deployment: [...dep, ...res.deployment] };
      const c = andCond(inst.condition, res.condition);
      if (c) out.condition = c;
      this.env.resources.push(out);
    }
    for (const p of r.problems) problem(this.env, p.message, p.location);
  }

  // ---- expressions --------------------------------------------------------------------------

  evalObject(o: ObjectExpr, locals: Locals, skip?: (key: string) => boolean): Value {
    const m = new Map<string, Value>();
    const loc = this.loc(o.range);
    for (const mem of o.members) {
      if (mem.kind === 'ResourceDecl') continue;
      if (mem.kind === 'Spread') {
        const v = this.eval(mem.expression, locals);
        if (v.kind === 'object') {
          for (const [k, e] of v.entries) m.set(k, e);
          continue;
        }
        if (v.kind === 'null') continue;
        return U(v.kind === 'unknown' ? `spread of an unknown value (${v.reason})` : 'spread of a non-object', loc);
      }
      let key = mem.keyName;
      if (key === null) {
        const kv = this.eval(mem.key as StringLiteral, locals);
        if (kv.kind !== 'string') return U('an object key depends on an unknown value', loc);
        key = kv.value;
      }
      if (skip?.(key)) continue;
      m.set(key, this.eval(mem.value, locals));
    }
    return obj(m, loc);
  }

  eval(e: Expression, locals: Locals): Value {
    const loc = this.loc(e.range);
    switch (e.kind) {
      case 'Integer':
        return num(e.value, loc);
      case 'Boolean':
        return bool(e.value, loc);
      case 'Null':
        return nul(loc);
      case 'String':
        return this.evalString(e, locals);
      case 'Object':
        return this.evalObject(e, locals);
      case 'Array': {
        const items: Value[] = [];
        for (const it of e.items) {
          if (it.kind === 'Spread') {
            const v = this.eval(it.expression, locals);
            if (v.kind === 'list') items.push(...v.items);
            else return U(v.kind === 'unknown' ? `spread of an unknown value (${v.reason})` : 'spread of a non-array', loc);
          } else items.push(this.eval(it, locals));
        }
        return list(items, loc);
      }
      case 'For':
        return this.evalFor(e, locals);
      case 'Paren':
      case 'NonNull':
        return this.eval(e.expression, locals);
      case 'Variable':
        return this.evalVariable(e.name, locals, loc);
      case 'Call':
        return this.evalCall(e.name.name, e.args, locals, loc);
      case 'InstanceCall':
        return this.evalInstanceCall(e, locals, loc);
      case 'PropertyAccess':
        return this.evalPropertyAccess(e, locals, loc);
      case 'IndexAccess': {
        const r = this.resourceSymbol(e, locals);
        if (r) return U(`resource '${r.decl.name.name}' used as a value`, loc, `reference('${r.symbolicName}')`);
        const t = this.eval(e.object, locals);
        const i = this.eval(e.index, locals);
        if (e.fromEnd) {
          const f = e.safe ? 'tryIndexFromEnd' : 'indexFromEnd';
          if (t.kind === 'list' && i.kind === 'number') {
            const it = t.items[t.items.length - i.value];
            return it ?? (e.safe ? nul(loc) : U(`index ^${i.value} is out of range`, loc));
          }
          return U(`${f}(): cannot be evaluated`, loc, armCallToken(f, [t, i]));
        }
        if (e.safe) return callArmFunction('tryGet', [t, i], loc)!;
        return armAccess(t, i, loc);
      }
      case 'ResourceAccess': {
        const inst = this.resourceRef(e, locals);
        return inst ? this.resourceId(inst, loc) : U('the resource cannot be resolved', loc);
      }
      case 'Unary': {
        const v = this.eval(e.operand, locals);
        if (e.operator === '!') return callArmFunction('not', [v], loc)!;
        return callArmFunction('sub', [num(0, loc), v], loc)!;
      }
      case 'Binary':
        return this.evalBinary(e.operator, this.eval(e.left, locals), e.operator === '&&' || e.operator === '||' || e.operator === '??' ? () => this.eval(e.right, locals) : this.eval(e.right, locals), loc);
      case 'Ternary': {
        const c = this.eval(e.condition, locals);
        if (c.kind === 'bool') return this.eval(c.value ? e.consequent : e.alternate, locals);
        const a = this.eval(e.consequent, locals);
        const b = this.eval(e.alternate, locals);
        if (c.kind === 'unknown') {
          const parts = [c, a, b].map(tokenText);
          return U(`the condition depends on an unknown value (${c.reason})`, loc, parts.every((p) => p !== undefined) ? `if(${parts.join(', ')})` : undefined);
        }
        return U('the condition is not a boolean', loc);
      }
      case 'Lambda':
        return U('lambda functions are not evaluated', loc);
      case 'Error':
        return U('the expression could not be parsed', loc);
    }
  }

  private evalString(e: StringLiteral, locals: Locals): Value {
    const loc = this.loc(e.range);
    if (e.value !== null) return str(e.value, loc);
    const args = e.expressions.map((x) => this.eval(x, locals));
    let fmt = '';
    e.segments.forEach((s, i) => {
      fmt += escapeBraces(s);
      if (i < args.length) fmt += `{${i}}`;
    });
    return callArmFunction('format', [str(fmt, loc), ...args], loc)!;
  }

  private evalFor(e: ForExpr, locals: Locals): Value {
    const loc = this.loc(e.range);
    const xs = this.eval(e.iterable, locals);
    if (xs.kind !== 'list') return U(xs.kind === 'unknown' ? `the loop collection is unknown (${xs.reason})` : 'the loop collection is not an array', loc);
    let n = xs.items.length;
    if (n > this.env.maxCopy) {
      this.problem(`loop has ${n} items; only the first ${this.env.maxCopy} are evaluated`, e.iterable.range);
      n = this.env.maxCopy;
    }
    const items: Value[] = [];
    for (let i = 0; i < n; i++) {
      const add: [string, Value][] = [[e.item.name, xs.items[i]!]];
      if (e.index) add.push([e.index.name, num(i, this.loc(e.index.range))]);
      const l = withLocals(locals, add);
      const body = e.body;
      if (body.kind === 'IfBody') {
        const c = this.eval((body as IfBody).condition, l);
        if (c.kind === 'bool' && !c.value) continue;
        if (c.kind !== 'bool') return U('a loop filter depends on an unknown value', loc);
        const b = (body as IfBody).body;
        items.push(b.kind === 'Object' ? this.evalObject(b, l) : U('invalid loop body', loc));
      } else items.push(this.eval(body, l));
    }
    return list(items, loc);
  }

  private evalVariable(name: string, locals: Locals, loc: Location): Value {
    const local = locals?.get(name);
    if (local) return local;
    const p = this.parameter(name);
    if (p) return p;
    const v = this.variable(name);
    if (v) return v;
    const r = this.resources.get(name) ?? this.nestedResources.get(name);
    if (r) {
      const inst = this.resourceRef({ kind: 'Variable', name, range: loc.range }, locals);
      return inst ? this.resourceId(inst, loc) : U(`resource '${name}' used as a value`, loc);
    }
    if (this.modules.has(name)) return U(`module '${name}' used as a value`, loc);
    const imp = this.imports.get(name);
    if (imp) return this.importedVariable(imp.decl, imp.original, loc);
    if (name === 'az' || name === 'sys') return U(`namespace '${name}'`, loc);
    return U(`'${name}' is not declared`, loc);
  }

  /** `import {x} from './file.bicep'`: an exported variable of a local file. */
  private importedVariable(d: ImportDecl, original: string, loc: Location): Value {
    const p = d.fromString;
    if (p === null || /^(br|ts)(\/[^:]*)?:/i.test(p)) return U(`'${original}' is imported from a registry`, loc);
    const target = path.resolve(path.dirname(this.file.file), p);
    if (!insideRoot(this.env.host.root, target) || !isFile(target) || !target.toLowerCase().endsWith('.bicep') || this.stack.includes(target) || this.stack.length >= this.env.maxDepth) {
      return U(`'${original}' is imported from '${p}', which is not evaluated`, loc);
    }
    const parsed = this.env.host.parse(target);
    if (!parsed) return U(`'${original}' is imported from '${p}', which cannot be parsed`, loc);
    const scope = new FileScope(parsed, this.env, new Map(), this.deployment, undefined, [...this.stack, target]);
    return scope.variable(original) ?? U(`'${original}' is not a variable of '${p}'`, loc);
  }

  private evalPropertyAccess(e: Extract<Expression, { kind: 'PropertyAccess' }>, locals: Locals, loc: Location): Value {
    const prop = e.property.name;
    // Resource symbols: r.id, r.name, r.properties…
    const inst = this.resourceRef(e.object, locals);
    if (inst) return this.resourceProperty(inst, prop, loc);
    if (this.resourceSymbol(e.object, locals)) return U(`the resource instance cannot be determined`, loc);
    // Module outputs: m.outputs.x
    if (e.object.kind === 'PropertyAccess' && e.object.property.name === 'outputs') {
      const m = this.moduleRef(e.object.object, locals);
      if (m) return this.moduleOutput(m, prop, loc);
      if (m === null) return U('the module instance cannot be determined', loc);
    }
    const m = this.moduleRef(e.object, locals);
    if (m) {
      if (prop === 'name') return m.name;
      if (prop === 'outputs') {
        const child = this.moduleScope(m);
        if (!child) return U(`outputs of module '${m.sym.decl.name.name}' are not known statically`, loc);
        const o = new Map<string, Value>();
        for (const k of child.outputDecls.keys()) o.set(k, child.output(k)!);
        return obj(o, loc);
      }
      return U(`'${m.sym.decl.name.name}.${prop}' is not known statically`, loc);
    }
    if (m === null) return U('the module instance cannot be determined', loc);
    // Namespaces: az.x / sys.x as values are not meaningful.
    const t = this.eval(e.object, locals);
    if (e.safe) return callArmFunction('tryGet', [t, str(prop, loc)], loc)!;
    return armAccess(t, str(prop, loc), loc);
  }

  private evalInstanceCall(e: Extract<Expression, { kind: 'InstanceCall' }>, locals: Locals, loc: Location): Value {
    const name = e.name.name;
    if (e.object.kind === 'Variable' && (e.object.name === 'sys' || e.object.name === 'az') && !locals?.has(e.object.name) && !this.params.has(e.object.name) && !this.vars.has(e.object.name)) {
      return this.evalCall(name, e.args, locals, loc);
    }
    const inst = this.resourceRef(e.object, locals);
    if (inst) {
      const id = this.resourceId(inst, loc);
      const args = e.args.map((a) => this.eval(a, locals));
      const t = armCallToken(name, [id, str(inst.apiVersion ?? '', loc), ...args]);
      return U(`${inst.sym.decl.name.name}.${name}() is known only at deployment time`, loc, t);
    }
    return U(`${name}() on '${e.object.kind === 'Variable' ? e.object.name : 'an expression'}' is not evaluated`, loc);
  }

  private evalCall(name: string, argExprs: Expression[], locals: Locals, loc: Location): Value {
    const l = name.toLowerCase();
    if (l === 'any') return argExprs[0] ? this.eval(argExprs[0], locals) : U('any() needs an argument', loc);
    if (l in LOAD_LIMITS || l === 'loaddirectoryfileinfo') return this.load(l, argExprs, locals, loc);
    if (l === 'readenvironmentvariable') return U('readEnvironmentVariable() is not read by the linter', loc);
    if (l === 'getsecret' || l === 'externalinput') return U(`${name}() is resolved at deployment time`, loc);
    if (l === 'nameof') {
      const a = argExprs[0];
      if (a?.kind === 'PropertyAccess') return str(a.property.name, loc);
      if (a?.kind === 'Variable') return str(a.name, loc);
      return U('nameof() cannot be evaluated', loc);
    }
    if (l === 'fail') return U('fail() is called', loc);
    const userFn = this.funcs.get(name);
    if (userFn) return this.callUserFunction(userFn, argExprs.map((a) => this.eval(a, locals)), loc);
    const args = argExprs.map((a) => this.eval(a, locals));
    const r = callArmFunction(name, args, loc);
    if (r) return r;
    return U(`function ${name}() is not evaluated`, loc, armCallToken(name, args));
  }

  private callUserFunction(f: FuncDecl, args: Value[], loc: Location): Value {
    if (this.env.calls > 64) return U(`${f.name.name}() recurses too deeply`, loc);
    this.env.calls++;
    try {
      const add: [string, Value][] = f.params.map((p, i) => [p.name.name, args[i] ?? U(`missing argument '${p.name.name}'`, loc)]);
      return this.eval(f.body, withLocals(undefined, add));
    } finally {
      this.env.calls--;
    }
  }

  private evalBinary(op: string, a: Value, bArg: Value | (() => Value), loc: Location): Value {
    const b = (): Value => (typeof bArg === 'function' ? bArg() : bArg);
    const call = (n: string, args: Value[]): Value => callArmFunction(n, args, loc)!;
    switch (op) {
      case '&&':
        if (a.kind === 'bool' && !a.value) return bool(false, loc);
        return call('and', [a, b()]);
      case '||':
        if (a.kind === 'bool' && a.value) return bool(true, loc);
        return call('or', [a, b()]);
      case '??':
        if (a.kind !== 'null' && a.kind !== 'unknown') return a;
        return call('coalesce', [a, b()]);
      case '==':
        return call('equals', [a, b()]);
      case '!=':
        return call('not', [call('equals', [a, b()])]);
      case '=~':
      case '!~': {
        const bv = b();
        const eq = a.kind === 'string' && bv.kind === 'string' ? bool(a.value.toLowerCase() === bv.value.toLowerCase(), loc) : call('equals', [call('toLower', [a]), call('toLower', [bv])]);
        return op === '=~' ? eq : call('not', [eq]);
      }
      case '<':
        return call('less', [a, b()]);
      case '<=':
        return call('lessOrEquals', [a, b()]);
      case '>':
        return call('greater', [a, b()]);
      case '>=':
        return call('greaterOrEquals', [a, b()]);
      case '+':
        return call('add', [a, b()]);
      case '-':
        return call('sub', [a, b()]);
      case '*':
        return call('mul', [a, b()]);
      case '/':
        return call('div', [a, b()]);
      case '%':
        return call('mod', [a, b()]);
      default:
        return U(`operator ${op} is not evaluated`, loc);
    }
  }

  /** `loadTextContent` & co.: relative to this file, confined to the scan root, no symlinks, Bicep's size caps. */
  private load(l: string, argExprs: Expression[], locals: Locals, loc: Location): Value {
    const args = argExprs.map((a) => this.eval(a, locals));
    const p = args[0];
    if (p?.kind !== 'string') return U(`${l}(): the path is not known`, loc);
    if (l === 'loaddirectoryfileinfo') return U('loadDirectoryFileInfo() is not evaluated', loc);
    const target = path.resolve(path.dirname(this.file.file), p.value);
    const fail = (why: string): Value => {
      problem(this.env, `${why}; the value is unknown`, loc);
      return U(why, loc);
    };
    if (!insideRoot(this.env.host.root, target)) return fail(`'${p.value}' is outside the scanned folder and is not read`);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(target);
    } catch {
      return fail(`'${p.value}' does not exist`);
    }
    if (st.isSymbolicLink()) return fail(`'${p.value}' is a symbolic link and is not followed`);
    if (!st.isFile()) return fail(`'${p.value}' is not a file`);
    if (l === 'loadfileasbase64') {
      if (st.size > LOAD_LIMITS[l]!) return fail(`'${p.value}' is larger than Bicep's limit for ${l}`);
      try {
        return str(fs.readFileSync(target).toString('base64'), loc);
      } catch {
        return fail(`'${p.value}' cannot be read`);
      }
    }
    let text: string;
    try {
      text = fs.readFileSync(target, 'utf8');
    } catch {
      return fail(`'${p.value}' cannot be read`);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length > LOAD_LIMITS[l]!) return fail(`'${p.value}' is larger than Bicep's limit for ${l} (${LOAD_LIMITS[l]} characters)`);
    if (l === 'loadtextcontent') return str(text, loc);
    let data: unknown;
    try {
      data = l === 'loadjsoncontent' ? JSON.parse(text) : parseYaml(text);
    } catch {
      return fail(`'${p.value}' is not valid ${l === 'loadjsoncontent' ? 'JSON' : 'YAML'}`);
    }
    const jp = args[1];
    if (jp && jp.kind === 'string') {
      const sel = jsonPath(data, jp.value);
      if (sel === undefined) return fail(`path '${jp.value}' selects nothing in '${p.value}'`);
      data = sel;
    } else if (jp && jp.kind !== 'null') return U(`${l}(): the path filter is not known`, loc);
    return fromJS(data, loc);
  }
}

/** `$.a.b[0]['c']`: the subset of JSONPath that selects one node. */
function jsonPath(data: unknown, p: string): unknown {
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/gy;
  let s = p.trim();
  if (s.startsWith('$')) s = s.slice(1);
  let cur: unknown = data;
  re.lastIndex = 0;
  let pos = 0;
  while (pos < s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) return undefined;
    pos = re.lastIndex;
    const key = m[1] ?? m[3] ?? m[4];
    if (key !== undefined) {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
      cur = (cur as Record<string, unknown>)[key];
    } else {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[Number(m[2])];
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}

function decorator(ds: Decorator[], name: string): Decorator | undefined {
  return ds.find((d) => d.name === name && (d.namespace === null || d.namespace === 'sys'));
}

function propOf(o: ObjectExpr, key: string): Extract<ObjectExpr['members'][number], { kind: 'ObjectProperty' }> | undefined {
  for (const m of o.members) if (m.kind === 'ObjectProperty' && m.keyName === key) return m;
  return undefined;
}

function andCond(a: Value | undefined, b: Value | undefined): Value | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.kind === 'unknown') return a;
  if (b.kind === 'unknown') return b;
  return b;
}

/** `format('{0}/{1}', parentName, childName)` (BICEP.md §4.3). */
function composeName(parent: Value, child: Value, loc: Location): Value {
  if (parent.kind === 'string' && child.kind === 'string') return { ...child, value: `${parent.value}/${child.value}` };
  const v = callArmFunction('format', [str('{0}/{1}', loc), parent, child], loc)!;
  return child.via ? { ...v, via: child.via } : v;
}

function nameLabel(v: Value): string {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'unknown' && v.token !== undefined) return (v as ArmUnknown).tpl ? v.token : `{${v.token}}`;
  return '?';
}

export function insideRoot(root: string, target: string): boolean {
  const rel = path.relative(path.resolve(root), target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Evaluates one `.bicep` file (and its local modules) into ARM resource records. Never throws. */
export function evaluateBicepFile(opts: EvaluateBicepOptions): BicepEvaluation {
  const env: Env = {
    host: opts.host,
    problems: [],
    problemKeys: new Set(),
    resources: [],
    inputs: [],
    inputKeys: new Set(),
    maxCopy: opts.maxCopy ?? 32,
    maxDepth: opts.maxDepth ?? 8,
    calls: 0,
  };
  const outputs = new Map<string, Value>();
  const result: BicepEvaluation = { resources: env.resources, inputs: env.inputs, problems: env.problems, outputs };
  try {
    const scope = new FileScope(opts.file, env, opts.parameterValues ?? new Map(), [], undefined, [opts.file.file]);
    scope.emit();
    for (const k of scope.outputDecls.keys()) outputs.set(k, scope.output(k)!);
  } catch (e) {
    problem(env, `Internal error while evaluating the file: ${(e as Error).message}`, { file: opts.file.file, range: opts.file.range });
  }
  return result;
}

/** Evaluates the assignments of a `.bicepparam` file: param name → value (origins in the file). */
export function evaluateParamFile(file: BicepParamFile, host: BicepHost): { values: Map<string, Value>; problems: BicepProblem[] } {
  const env: Env = { host, problems: [], problemKeys: new Set(), resources: [], inputs: [], inputKeys: new Set(), maxCopy: 32, maxDepth: 8, calls: 0 };
  const values = new Map<string, Value>();
  try {
    const scope = new FileScope(file, env, new Map(), [], undefined, [file.file]);
    for (const [name, slot] of scope.params) {
      if (!slot.expr) continue;
      const v = scope.parameter(name)!;
      // The value's own origin is where it is written; drop the `.bicepparam` header from `via`.
      values.set(name, { ...v, via: v.via?.slice(0, -1) });
    }
  } catch (e) {
    problem(env, `Internal error while evaluating the parameters file: ${(e as Error).message}`, { file: file.file, range: file.range });
  }
  return { values, problems: env.problems };
}

