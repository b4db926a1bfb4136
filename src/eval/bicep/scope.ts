/**
 * One `.bicep` (or `.bicepparam`) file being evaluated with one set of parameter values: its
 * symbol tables (params, vars, resources, modules, functions, outputs, imports), the lazy
 * evaluation of params, vars and outputs, and the declared params as inputs.
 *
 * `FileScope` is also the one object the parts of the evaluator work on. Its methods are their
 * shared vocabulary (`eval`, `resourceRef`, `moduleOutput`, …), each implemented in the module
 * for its job (`expressions.ts`, `resources.ts`, `modules.ts`, `emit.ts`); those modules import
 * only the type of `FileScope`, so the imports of this folder have no cycle.
 */
import type { Location, Range } from '../../core/source.js';
import { cutDeclarationChain, declarationChainFull, DECLARATION_CHAIN_MESSAGE, DECLARATION_CHAIN_REASON, evaluateAgain, inDeclarationChain } from '../../core/limits.js';
import { envFromVariables, readIgnoringCase, type EnvClass } from '../../core/env.js';
import { defaultForNull, NULL_GIVEN_NO_DEFAULT, nul, passedThrough, str } from '../../core/value.js';
import type { Value } from '../../core/value.js';
import type {
  BicepFile,
  BicepParamFile,
  Expression,
  FuncDecl,
  ImportDecl,
  ModuleDecl,
  ObjectExpr,
  OutputDecl,
  ParamAssignment,
  ParamDecl,
  TypeDecl,
  TypeExpr,
  VarDecl,
} from '../../parse/bicep/index.js';
import { tokenText } from '../arm/evaluate.js';
import { recordInstanceValue, type InputDecl } from '../types.js';
import { decorator, problem, span, U } from './context.js';
import { allowedByType, memberAllowedByType, primitiveOf, type TypeReader } from './literal-types.js';
import type { Env, Locals } from './context.js';
import { emit } from './emit.js';
import { evaluate, evaluateObject, stackSafe } from './expressions.js';
import { importedScope, importedVariable, localModulePath, moduleInstances, moduleOutput, moduleRef, moduleScope } from './modules.js';
import { resourceBody, resourceId, resourceInstances, resourceProperty, resourceRef, resourceSymbol } from './resources.js';
import { ModSym, ResSym } from './symbols.js';
import { memberReadNames } from '../../parse/bicep/index.js';
import type { ModInst, ParamSlot, ResInst, Slot } from './symbols.js';

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
  /** `import * as ns from './file.bicep'`: the namespace name and its declaration (`ns.x`). */
  readonly namespaceImports = new Map<string, ImportDecl>();
  readonly typeDecls = new Map<string, TypeDecl>();
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
    /** The resource group the module chain deploys to (`arm/deployment-scope.ts`); undefined: the scanned file's own. */
    readonly scopeKey?: string,
  ) {
    const statements = file.statements;
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i]!;
      switch (s.kind) {
        case 'ParamDecl': {
          const slot: ParamSlot = { name: s.name.name, decl: s, state: 0, via: headerOf(file.file, s) };
          const a = assigned.get(s.name.name);
          // A null argument means "not given": the default applies (`deployCompute: compute.?deployCompute`),
          // or a nullable parameter without one is null as if not given (self-review 88).
          // Without a default, a null given leaves the parameter with no value: not known, never a null to report.
          if (a?.kind === 'null') slot.nullGiven = a;
          else if (a) slot.assigned = a;
          this.params.set(s.name.name, slot);
          break;
        }
        case 'ParamAssignment':
          this.params.set(s.name.name, { name: s.name.name, decl: null, expr: s.value, state: 0, via: headerOf(file.file, s) });
          break;
        case 'VarDecl':
          this.vars.set(s.name.name, { decl: s, state: 0, via: headerOf(file.file, s) });
          break;
        case 'ResourceDecl': {
          const sym = new ResSym(this, s, s.name.name, undefined);
          this.resources.set(s.name.name, sym);
          if (sym.children.size) addNested(this.nestedResources, sym);
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
        case 'TypeDecl':
          this.typeDecls.set(s.name.name, s);
          break;
        case 'ImportDecl':
          if (s.form === 'named') for (const it of s.items) this.imports.set(it.alias?.name ?? it.originalName, { decl: s, original: it.originalName });
          else if (s.form === 'wildcard' && s.alias) this.namespaceImports.set(s.alias.name, s);
          break;
        default:
          break;
      }
    }
  }

  /** The scope this one was made from (a module's caller, an importing file); undefined for the scanned file. */
  private caller?: FileScope;
  /**
   * For a local module's scope: the scanned file's `module` call it came through (modules.ts),
   * which its resources carry (Resource.calledAt: the calls of one shared module are one finding
   * inside it, each call related).
   */
  calledAt?: Location;
  private moduleEnvRead = false;
  private moduleEnvValue?: EnvClass;

  /**
   * The class this module's own `environment`/`env`… parameter decides — its value as the module
   * gets it: the caller's argument, else its default (a null argument: the default; names without
   * case, as ARM's parameters) — else its caller's (RULES.md "Environments"): for its resources
   * when the evaluation's class is unknown (Resource.moduleEnv). Undefined for the scanned file
   * itself, whose parameters are the evaluation's.
   */
  get moduleEnv(): EnvClass | undefined {
    if (!this.caller) return undefined;
    if (!this.moduleEnvRead) {
      this.moduleEnvRead = true;
      this.moduleEnvValue = envFromVariables(readIgnoringCase(this.params.keys(), (k) => this.parameter(k))) ?? this.caller.moduleEnv;
    }
    return this.moduleEnvValue;
  }

  /** Another file evaluated in the same run (a module, a file `import`ed from). */
  child(file: BicepFile, assigned: Map<string, Value>, deployment: string[], condition: Value | undefined, stack: string[], scopeKey = this.scopeKey): FileScope {
    const child = new FileScope(file, this.env, assigned, deployment, condition, stack, scopeKey);
    child.caller = this;
    return child;
  }

  loc(range: Range, label?: string): Location {
    return label === undefined ? { file: this.file.file, range } : { file: this.file.file, range, label };
  }

  problem(message: string, range: Range): void {
    problem(this.env, message, this.loc(range));
  }

  // ---- declared names -------------------------------------------------------------------------

  parameter(name: string): Value | undefined {
    const slot = this.params.get(name);
    if (!slot) return undefined;
    if (slot.state === 2 && !evaluateAgain(this.env, slot)) return passedThrough(slot.value!, slot.via);
    if (slot.state === 1) {
      this.problem(`Parameter '${slot.name}' refers to itself`, slot.via.range);
      return U(`parameter '${slot.name}' refers to itself`, slot.via, `parameters('${slot.name}')`);
    }
    if (declarationChainFull(this.env)) return this.chainCut(slot.via);
    slot.state = 1;
    const v = inDeclarationChain(this.env, slot, () => {
      if (slot.assigned) return slot.assigned;
      if (slot.expr) return this.eval(slot.expr, undefined);
      if (slot.decl?.defaultValue) return defaultForNull(slot.defaultValue ?? this.eval(slot.decl.defaultValue, undefined), slot.nullGiven);
      if (slot.decl?.type?.kind === 'NullableType') return defaultForNull(nul(slot.via), slot.nullGiven, NULL_GIVEN_NO_DEFAULT);
      return U(`parameter '${slot.name}' ${slot.nullGiven ? 'is given null, which means not given, and has no default' : 'has no value and no default'}`, slot.via, `parameters(${tokenText(str(slot.name))})`);
    });
    slot.value = v;
    slot.state = 2;
    return passedThrough(v, slot.via);
  }

  variable(name: string): Value | undefined {
    const slot = this.vars.get(name);
    if (!slot) return undefined;
    if (slot.state === 2 && !evaluateAgain(this.env, slot)) return passedThrough(slot.value!, slot.via);
    if (slot.state === 1) {
      this.problem(`Variable '${name}' refers to itself`, slot.decl.name.range);
      return U(`variable '${name}' refers to itself`, slot.via);
    }
    if (declarationChainFull(this.env)) return this.chainCut(this.loc(slot.decl.name.range));
    slot.state = 1;
    const v = inDeclarationChain(this.env, slot, () => stackSafe(this, slot.decl.value, undefined));
    slot.value = v;
    slot.state = 2;
    return passedThrough(v, slot.via);
  }

  /** A declaration read past MAX_DECLARATION_CHAIN levels: unknown, and EVAL001 where the chain is cut (it is not evaluated, so the slot stays unread). */
  private chainCut(at: Location): Value {
    cutDeclarationChain(this.env);
    problem(this.env, DECLARATION_CHAIN_MESSAGE, at);
    return U(DECLARATION_CHAIN_REASON, at);
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
    // A param read by property or element is used as an object or array whatever type it declares (SEC001).
    const readByMember: ReadonlySet<string> = this.params.size ? memberReadNames(this.file) : new Set<string>();
    this.params.forEach((slot) => this.collectInput(slot, readByMember));
  }

  /** One declared param as an InputDecl; a module called again adds its value to the one listed (`recordInstanceValue`). */
  private collectInput(slot: ParamSlot, readByMember: ReadonlySet<string>): void {
    const d = slot.decl;
    if (!d) return;
    const key = inputKeyOf(slot.via);
    const met = this.env.inputKeys.get(key);
    if (met) {
      recordInstanceValue(met, slot.assigned);
      return;
    }
    const input: InputDecl = { name: slot.name, kind: 'bicep-param', header: slot.via };
    this.env.inputKeys.set(key, input);
    // The type as Bicep compiles it where it comes down to a primitive (`string?`, `sys.string`, a
    // `type` alias of this file), else as written.
    const primitive = d.type ? primitiveOf(d.type, this.typeReader()) : undefined;
    if (primitive) input.type = primitive.name;
    else if (d.type) input.type = this.file.text.slice(d.type.range.start.offset, d.type.range.end.offset);
    else if (d.resourceType) input.type = 'resource';
    if (primitive?.secure || d.decorators.some((x) => x.name === 'secure')) input.secure = true;
    if (readByMember.has(slot.name)) input.readByMember = true;
    if (d.defaultValue) input.defaultValue = this.defaultForInput(slot, d.defaultValue);
    if (slot.assigned) input.assigned = slot.assigned;
    const allowed = decorator(d.decorators, 'allowed');
    const arr = allowed?.args[0];
    if (arr?.kind === 'Array') input.allowedValues = arr.items.filter((x) => x.kind !== 'Spread').map((x) => this.eval(x as Expression, undefined));
    else if (d.type) this.typeGuard(input, d.type);
    const type = d.type;
    if (type) input.memberAllowed = (path, value) => memberAllowedByType(type, path, this.typeReader(), 0, value);
    this.env.inputs.push(input);
  }

  /**
   * A literal union type (`param size 'A' | 'B'`, or a `type` of this file that is one) is the
   * param's allowedValues, as Bicep compiles it; a type this file cannot resolve (imported)
   * is a guard of unknown values, never a missing one.
   */
  private typeGuard(input: InputDecl, type: TypeExpr): void {
    const a = allowedByType(type, this.typeReader());
    if (a === undefined) return;
    input.allowedFrom = 'type';
    input.allowedValues = a === 'unknown' ? [U(`the type of param '${input.name}' cannot be read`, this.loc(type.range))] : a.values;
  }

  /** Reads this file's literal types, following named imports of types into their files. */
  private typeReader(): TypeReader {
    /** The type `name` of the file an import reads, with that file's reader. */
    const typeIn = (d: ImportDecl, name: string): { type: TypeExpr; reader: TypeReader } | undefined => {
      const from = importedScope(this, d);
      const decl = from?.typeDecls.get(name);
      return from && decl ? { type: decl.value, reader: from.typeReader() } : undefined;
    };
    return {
      types: this.typeDecls,
      literal: (e) => this.eval(e, undefined),
      imported: (name, depth) => {
        const imp = this.imports.get(name);
        const from = imp ? importedScope(this, imp.decl) : undefined;
        const decl = from?.typeDecls.get(imp!.original);
        return from && decl ? allowedByType(decl.value, from.typeReader(), depth) : 'unknown';
      },
      importedType: (name) => {
        const imp = this.imports.get(name);
        return imp ? typeIn(imp.decl, imp.original) : undefined;
      },
      namespacedType: (ns, name) => {
        const imp = this.namespaceImports.get(ns);
        return imp ? typeIn(imp, name) : undefined;
      },
    };
  }

  /**
   * A param's default, for its InputDecl. When the param is not yet read and not assigned, the
   * value is kept for `parameter()`, which would evaluate the same default again (a param with a
   * default is mostly read after `emit` lists the inputs). It is the same value: `emit` lists
   * the inputs before anything else of the scope is evaluated, so nothing is half-evaluated
   * now, and the default did not read its own param (its state is still 0 after), so it reads
   * nothing that reading the param later could find half-evaluated; every other symbol it read
   * is cached, and its problems are recorded once per place anyway. (One difference: under a
   * user function call 64 levels deep, the later evaluation would stop at the recursion guard.)
   */
  private defaultForInput(slot: ParamSlot, defaultValue: Expression): Value {
    const v = this.eval(defaultValue, undefined);
    if (slot.state === 0 && !slot.assigned) slot.defaultValue = v;
    return v;
  }

  // ---- the shared vocabulary, implemented by the other parts ---------------------------------

  /** An expression's value (`expressions.ts`). */
  eval(e: Expression, locals: Locals): Value {
    return evaluate(this, e, locals);
  }

  evalObject(o: ObjectExpr, locals: Locals, skip?: (key: string) => boolean): Value {
    return evaluateObject(this, o, locals, skip);
  }

  /** Resources (`resources.ts`). */
  resourceInstances(sym: ResSym): ResInst[] {
    return resourceInstances(this, sym);
  }

  resourceBody(inst: ResInst): Value {
    return resourceBody(this, inst);
  }

  resourceId(inst: ResInst, loc: Location): Value {
    return resourceId(this, inst, loc);
  }

  resourceProperty(inst: ResInst, prop: string, loc: Location): Value {
    return resourceProperty(this, inst, prop, loc);
  }

  resourceRef(e: Expression, locals: Locals): ResInst | undefined {
    return resourceRef(this, e, locals);
  }

  resourceSymbol(e: Expression, locals: Locals): ResSym | undefined {
    return resourceSymbol(this, e, locals);
  }

  /** Modules and imported files (`modules.ts`). */
  moduleInstances(sym: ModSym): ModInst[] {
    return moduleInstances(this, sym);
  }

  moduleScope(inst: ModInst): FileScope | null {
    return moduleScope(this, inst);
  }

  moduleRef(e: Expression, locals: Locals): ModInst | null | undefined {
    return moduleRef(this, e, locals);
  }

  moduleOutput(inst: ModInst, name: string, loc: Location): Value {
    return moduleOutput(this, inst, name, loc);
  }

  localModulePath(d: ModuleDecl): string | undefined {
    return localModulePath(this, d);
  }

  importedVariable(d: ImportDecl, original: string, loc: Location): Value {
    return importedVariable(this, d, original, loc);
  }

  /** The wildcard import a bare name refers to (`ns` of `ns.x`), unless a local, param or var of that name shadows it. */
  namespaceImport(e: Expression, locals: Locals): ImportDecl | undefined {
    if (e.kind !== 'Variable' || locals?.has(e.name) || this.parameter(e.name) || this.variable(e.name)) return undefined;
    return this.namespaceImports.get(e.name);
  }

  /** A user function another file exports (`import { f } from 'shared.bicep'`, `import * as s …` then `s.f()`), with the scope of its file. */
  importedFunction(d: ImportDecl, original: string): { scope: FileScope; fn: FuncDecl } | undefined {
    const from = importedScope(this, d);
    const fn = from?.funcs.get(original);
    return from && fn ? { scope: from, fn } : undefined;
  }

  /** Pushes the resource records of this file and its modules (`emit.ts`). */
  emit(): void {
    emit(this);
  }
}


/**
 * Where a param or var is declared, as values read through it show it (`via`): the same for
 * every scope of the parsed tree, so made once per declaration. A module file is scoped once
 * per caller instance and parameter file; locations are never changed once made.
 */
function headerOf(file: string, s: ParamDecl | ParamAssignment | VarDecl): Location {
  let header = HEADERS.get(s);
  if (!header) {
    const name = s.name.name;
    if (s.kind === 'VarDecl') header = { file, range: span(s.keywordRange, s.name.range), label: `variable "${name}"`, symbol: { kind: 'variable', name, declaration: span(s.keywordRange, s.value.range) } };
    else {
      const end = s.kind === 'ParamDecl' ? (s.type ?? s.resourceType ?? s.name).range : s.name.range;
      header = { file, range: span(s.keywordRange, end), label: `parameter "${name}"`, symbol: { kind: 'input', name } };
    }
    HEADERS.set(s, header);
  }
  return header;
}

/** The nested resources under `p` (at any depth) into `into`, by name: the first of a name wins. */
function addNested(into: Map<string, ResSym>, p: ResSym): void {
  p.children.forEach((c, n) => {
    if (!into.has(n)) into.set(n, c);
    if (c.children.size) addNested(into, c);
  });
}

/** headerOf by declaration (released with the tree). */
const HEADERS = new WeakMap<ParamDecl | ParamAssignment | VarDecl, Location>();

/** A param's key in `Env.inputKeys` (its header's file and offset), built once per header. */
function inputKeyOf(header: Location): string {
  let key = INPUT_KEYS.get(header);
  if (key === undefined) {
    key = `${header.file}:${header.range.start.offset}`;
    INPUT_KEYS.set(header, key);
  }
  return key;
}

const INPUT_KEYS = new WeakMap<Location, string>();
