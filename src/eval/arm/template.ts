/**
 * ARM template evaluation: parameters (parameter file > defaultValue > unknown), variables
 * (lazy, with `copy`), user-defined functions, resources (classic arrays and
 * `languageVersion: 2.0` symbolic maps), child resources, copy loops, conditions and inline
 * nested deployments, flattened into a list of resource instances.
 */
import path from 'node:path';
import { deploymentScope } from './deployment-scope.js';
import { besideOwnLink, relativeLinkPath } from '../../core/arm-link-path.js';
import { cutDeclarationChain, declarationChainFull, DECLARATION_CHAIN_MESSAGE, DECLARATION_CHAIN_REASON, evaluateAgain, inDeclarationChain, LOOP_INSTANCE_CAP, loopCountText, newExpansionBudget, takeExpansions, type ChainedSlot, type DeclarationChain, type ExpansionBudget } from '../../core/limits.js';
import { recordInstanceValue, type InputDecl, type MemberAllowed, type MemberKey, type OpaqueModuleCall } from '../types.js';
import type { LineMap, Location } from '../../core/source.js';
import { envFromVariables, type EnvClass } from '../../core/env.js';
import { defaultForNull, NULL_GIVEN_NO_DEFAULT, list, member, memberAt, nul, obj, passedThrough, str, unknown } from '../../core/value.js';
import type { Value } from '../../core/value.js';
import { getProp, members, memberLocation, nodeLocation, nodeToValue, parseJsonc, propertyNode, sameKeyIgnoringCase } from '../../parse/json/index.js';
import type { JsonNode, ParsedJson } from '../../parse/json/index.js';
import type { VendoredOrigin } from '../types.js';
import { evalExpr, evaluateReadString } from './evaluate.js';
import type { ExprContext } from './evaluate.js';
import { readNodeString } from './node-strings.js';
import { armResourceKey, nameSegments, templateText, tplUnknown } from './resourceid.js';
import { printExpr, quoteArm } from './expression.js';
import { defaultsToOwnLink, isOwnLink, literalArgumentOf, uriLinkCall } from './own-folder-link.js';
import { parametersReadByMember } from './member-reads.js';

export interface ArmProblem {
  message: string;
  location: Location;
  code: 'EVAL001';
}

export interface ArmResource {
  /** Full type: `Microsoft.MachineLearningServices/workspaces/computes`. */
  type: string;
  apiVersion?: string;
  /** Full name (`ws/compute` for children). */
  name: Value;
  /** Key of a `languageVersion: 2.0` resource map. */
  symbolicName?: string;
  /** Normalized identity key (see `armResourceKey`). */
  idKey: string;
  /** The whole resource object evaluated (child `resources` and a nested deployment's `properties.template` left out). */
  body: Value;
  /** The `"type": …` member: where absent-attribute findings point. */
  typeLocation: Location;
  nameLocation?: Location;
  objectLocation: Location;
  existing: boolean;
  /** Names of the enclosing nested deployments, outermost first; [] at top level. */
  deployment: string[];
  /** The class the enclosing module's own `environment`/`env`… parameter decides (Bicep modules; Resource.moduleEnv). */
  moduleEnv?: EnvClass;
  /** For a resource of a local Bicep module: the scanned file's `module` call it came through (Resource.calledAt). */
  calledAt?: Location;
  /** The resource group the enclosing deployments put it in (`deployment-scope.ts`); undefined: the template's own. */
  scope?: string;
  file: string;
  /** Read from a module copy outside the user's code (a Bicep registry module from the cache): findings point at the call. */
  vendored?: VendoredOrigin;
  /** The resource's condition combined with its parents' and enclosing deployments' conditions (never known false). */
  condition?: Value;
  /** Index of this instance in its `copy` loop (known counts only). */
  copyIndex?: number;
  /**
   * Where a property is written, by dotted path (`properties.properties.vmSize`,
   * `properties.agentPoolProfiles.1.vmSize`): the consuming attribute (RULES.md "Location"). The ARM JSON walk and the native Bicep front end set it.
   */
  site?: (path: string) => Location | undefined;
  /** Whether `site(path)` is written by a template of several elements (a Bicep `for` body or `map()` lambda, an ARM property `copy` input): it names no one element. */
  templateSite?: (path: string) => boolean;
}

export interface ArmEvaluation {
  resources: ArmResource[];
  inputs: InputDecl[];
  problems: ArmProblem[];
  /** Deployments whose template is linked (`templateLink.uri`/`id`): not read (EVAL002), with their parameters (GPU005). */
  opaqueModules: OpaqueModuleCall[];
  /** Deployments linked by a `templateLink.relativePath` that names no template of the scan (or by an expression), and linked URLs' local copies: not evaluated with their `parameters` (SEC001 reads them). */
  unboundCalls: OpaqueModuleCall[];
  /**
   * The templates of the scan whose links this evaluation followed (`relativePath`, a URL built on
   * a template's own link): evaluated here with the values their deployments pass (an ARM
   * template's evaluation; a Bicep file's follows none).
   */
  linkedFiles?: ReadonlySet<string>;
  generator?: { name: string; version?: string };
}

export interface EvaluateArmOptions {
  file: string;
  text?: string;
  parsed?: ParsedJson;
  parameterFile?: { file: string; parsed: ParsedJson };
  /** Parameter values supplied by a caller (a Bicep module using a local `.json` template); keys are matched case-insensitively. */
  parameterValues?: Map<string, Value>;
  /** Maximum number of instances expanded per copy loop (default LOOP_INSTANCE_CAP). */
  maxCopy?: number;
  /** The caller's expansion budget (a Bicep evaluation's, shared by the templates it reads); default a fresh one. */
  budget?: ExpansionBudget;
  /**
   * Evaluate this template object of the file instead of its root: a nested deployment's
   * `properties.template` (a Bicep registry module's body in its compiled twin).
   */
  templateNode?: JsonNode;
  /**
   * The template is a Bicep file's module (a local `.json`, a registry module's compiled body):
   * its own `environment`/`env`… parameter decides its resources' class as a module's does, else
   * `env`, the calling file's own (`Resource.moduleEnv`).
   */
  asModule?: { env: EnvClass | undefined };
  /**
   * Reads a template a deployment links by `templateLink.relativePath` (the resolved path; see
   * `relativeLinkTarget`): its parse when it is a template of the scan, else undefined (then it
   * is linted on its own, and the deployment's parameters are kept for SEC001 only).
   */
  readLinked?: (file: string) => ParsedJson | undefined;
}

interface Doc {
  file: string;
  lineMap: LineMap;
}

interface Env extends DeclarationChain {
  problems: ArmProblem[];
  problemKeys: Set<string>;
  maxCopy: number;
  /** Loop instances left to expand (nested copies multiply: core/limits.ts). */
  budget: ExpansionBudget;
  /** Lambda bodies evaluated in this evaluation (evaluate.ts evalLambdaCall: LAMBDA_BUDGET). */
  lambdaCalls: { count: number; depth: number };
  resources: ArmResource[];
  opaque: OpaqueModuleCall[];
  unbound: OpaqueModuleCall[];
  depth: number;
  /** The scopes of the nested deployments being walked, innermost last (`deployment-scope.ts`). */
  scopes: (string | undefined)[];
  /** The declared parameters: the root template's, then those of inner-scope nested templates. */
  inputs: InputDecl[];
  /** Each declaration in `inputs` by `file:offset` (a nested template in a loop declares once). */
  inputKeys: Map<string, InputDecl>;
  readLinked?: (file: string) => ParsedJson | undefined;
  /** The linked templates being walked, outermost first: a template that links itself, directly or not, is not followed again. */
  linking: string[];
  /** ArmEvaluation.linkedFiles. */
  linkedFiles: Set<string>;
}

interface LoopFrame {
  name?: string;
  index: Value;
  kind: 'resource' | 'property' | 'variable';
}

interface Slot extends ChainedSlot {
  name: string;
  keyLoc: Location;
  node?: JsonNode;
  value?: Value;
  /**
   * `value` as a read of the parameter or variable returns it (passed through `keyLoc`): made
   * once, not copied again for every read (issue 15: reads are most expression calls). Values
   * are never changed in place, so every read can share it.
   */
  read?: Value;
  state: 0 | 1 | 2; // 0 = not evaluated, 1 = evaluating, 2 = done
  /** A `variables.copy` entry. */
  copy?: boolean;
}

interface ParamSlot extends Slot {
  decl: JsonNode;
  assigned?: Value;
  /** A `null` value given for a parameter with a default: the default applies (RULES.md "Null arguments"). */
  nullGiven?: Value;
}

const DEPLOYMENTS = 'microsoft.resources/deployments';

function problem(env: Env, message: string, location: Location): void {
  const k = `${location.file}:${location.range.start.offset}:${message}`;
  if (env.problemKeys.has(k)) return;
  env.problemKeys.add(k);
  env.problems.push({ message, location, code: 'EVAL001' });
}

/**
 * The Location of a parameter's or variable's name, with its label and symbol: what
 * `{ ...nodeLocation(doc, node, label), symbol }` makes (same members in the same order),
 * without the intermediate object (inner nested deployments make a scope per instance).
 */
function declLocation(doc: Doc, node: JsonNode, label: string, symbol: Location['symbol']): Location {
  return { file: doc.file, range: doc.lineMap.range(node.offset, node.offset + node.length), label, symbol };
}

/** One template's parameters, variables and functions. */
class Scope {
  readonly params = new Map<string, ParamSlot>();
  readonly vars = new Map<string, Slot>();
  readonly funcs = new Map<string, JsonNode>();
  readonly root: Frame;
  /** The scope of the template that deploys this one as an inner-scope nested deployment (a compiled Bicep module); undefined for the scanned template. */
  caller?: Scope;
  /** A template a Bicep file uses as a module (`EvaluateArmOptions.asModule`): the calling file's own class. */
  moduleOf?: { env: EnvClass | undefined };
  /**
   * The deployment depth (`Env.depth`) at which this scope's resources are those of a template
   * read from its own file (the scanned one, or one a relative link names): there
   * `deployment().properties.templateLink.uri` is that file's URL (`ownFolderLink`). Undefined for
   * an inner-scope nested template, a registry module's body or a Bicep module's template; an
   * outer-scope nested template walks this scope one level deeper, where `deployment()` is not the
   * file's (its parameters still are: their defaults are evaluated in the file's deployment).
   */
  ownFileDepth?: number;
  private moduleEnvRead = false;
  private moduleEnvValue?: EnvClass;

  /**
   * The class this nested template's (or Bicep module's) own `environment`/`env`… parameter
   * decides (its value as the deployment passes it, else its default), else its caller's: for its
   * resources when the evaluation's class is unknown (Resource.moduleEnv, as a Bicep or Terraform
   * module's).
   */
  get moduleEnv(): EnvClass | undefined {
    if (!this.caller && !this.moduleOf) return undefined;
    if (!this.moduleEnvRead) {
      this.moduleEnvRead = true;
      this.moduleEnvValue = envFromVariables((name) => (this.params.has(name.toLowerCase()) ? this.parameter(name) : undefined)) ?? (this.caller ? this.caller.moduleEnv : this.moduleOf!.env);
    }
    return this.moduleEnvValue;
  }

  constructor(
    readonly doc: Doc,
    readonly template: JsonNode,
    readonly env: Env,
    assigned: Map<string, Value>,
    /** Function scope: parameters only, no variables. */
    functionArgs?: { decls: JsonNode | undefined; args: Value[] },
  ) {
    this.root = new Frame(this, []);
    if (functionArgs) {
      const decls = functionArgs.decls?.children ?? [];
      decls.forEach((d, i) => {
        const nameNode = getProp(d, 'name');
        if (typeof nameNode?.value !== 'string') return;
        const v = functionArgs.args[i] ?? unknown(`missing argument '${nameNode.value}'`);
        this.params.set(nameNode.value.toLowerCase(), {
          name: nameNode.value,
          keyLoc: declLocation(doc, nameNode, `parameter "${nameNode.value}"`, { kind: 'input', name: nameNode.value }),
          decl: d,
          value: v,
          state: 2,
        });
      });
      return;
    }
    for (const [name, keyNode, decl] of members(getProp(template, 'parameters'))) {
      const slot: ParamSlot = { name, keyLoc: declLocation(doc, keyNode, `parameter "${name}"`, { kind: 'input', name }), decl, node: getProp(decl, 'defaultValue'), state: 0 };
      const a = assigned.get(name.toLowerCase());
      // ARM treats a null parameter value as omitted: the default applies (RULES.md "Null arguments").
      // Without a default, a null given leaves the parameter with no value: not known, never a null to report.
      if (a?.kind === 'null') slot.nullGiven = a;
      else if (a) slot.assigned = a;
      this.params.set(name.toLowerCase(), slot);
    }
    const varsNode = getProp(template, 'variables');
    for (const [name, keyNode, node] of members(varsNode)) {
      if (name.toLowerCase() === 'copy' && node.type === 'array') {
        for (const entry of node.children ?? []) {
          const n = getProp(entry, 'name');
          if (typeof n?.value !== 'string') continue;
          this.vars.set(n.value.toLowerCase(), { name: n.value, keyLoc: declLocation(doc, n, `variable "${n.value}"`, { kind: 'variable', name: n.value, declaration: doc.lineMap.range(entry.offset, entry.offset + entry.length) }), node: entry, state: 0, copy: true });
        }
        continue;
      }
      this.vars.set(name.toLowerCase(), { name, keyLoc: declLocation(doc, keyNode, `variable "${name}"`, { kind: 'variable', name, declaration: doc.lineMap.range(keyNode.offset, node.offset + node.length) }), node, state: 0 });
    }
    const fnsNode = getProp(template, 'functions');
    for (const ns of fnsNode?.type === 'array' ? (fnsNode.children ?? []) : []) {
      const nsName = getProp(ns, 'namespace')?.value;
      if (typeof nsName !== 'string') continue;
      for (const [fname, , fdecl] of members(getProp(ns, 'members'))) this.funcs.set(`${nsName}.${fname}`.toLowerCase(), fdecl);
    }
  }

  loc(node: JsonNode, label?: string): Location {
    return nodeLocation(this.doc, node, label);
  }

  parameter(name: string): Value | undefined {
    const slot = this.params.get(name.toLowerCase());
    if (!slot) return undefined;
    if (slot.state === 2 && !evaluateAgain(this.env, slot)) return (slot.read ??= passedThrough(slot.value!, slot.keyLoc));
    if (slot.state === 1) {
      problem(this.env, `Parameter '${slot.name}' refers to itself`, slot.keyLoc);
      return unknown(`parameter '${slot.name}' refers to itself`, slot.keyLoc, `parameters(${quoteArm(slot.name)})`);
    }
    if (declarationChainFull(this.env)) return this.chainCut(slot.keyLoc);
    slot.state = 1;
    const v = inDeclarationChain(this.env, slot, () => {
      if (slot.assigned) return slot.assigned;
      if (slot.node) return defaultForNull(this.root.eval(slot.node), slot.nullGiven);
      if (getProp(slot.decl, 'nullable')?.value === true) return defaultForNull(nul(slot.keyLoc), slot.nullGiven, NULL_GIVEN_NO_DEFAULT);
      return unknown(`parameter '${slot.name}' ${slot.nullGiven ? 'is given null, which means not given, and has no default' : 'has no value and no default'}`, slot.keyLoc, `parameters(${quoteArm(slot.name)})`);
    });
    slot.value = v;
    slot.read = passedThrough(v, slot.keyLoc);
    slot.state = 2;
    return slot.read;
  }

  /** A declaration read past MAX_DECLARATION_CHAIN levels: unknown, and EVAL001 where the chain is cut (it is not evaluated, so the slot stays unread). */
  private chainCut(at: Location): Value {
    cutDeclarationChain(this.env);
    problem(this.env, DECLARATION_CHAIN_MESSAGE, at);
    return unknown(DECLARATION_CHAIN_REASON, at);
  }

  defaultValue(slot: ParamSlot): Value | undefined {
    return slot.node ? this.root.eval(slot.node) : undefined;
  }

  variable(name: string): Value | undefined {
    const slot = this.vars.get(name.toLowerCase());
    if (!slot) return undefined;
    if (slot.state === 2 && !evaluateAgain(this.env, slot)) return (slot.read ??= passedThrough(slot.value!, slot.keyLoc));
    if (slot.state === 1) {
      problem(this.env, `Variable '${slot.name}' refers to itself`, slot.keyLoc);
      return unknown(`variable '${slot.name}' refers to itself`, slot.keyLoc);
    }
    if (declarationChainFull(this.env)) return this.chainCut(slot.keyLoc);
    slot.state = 1;
    const v = inDeclarationChain(this.env, slot, () => (slot.copy ? this.root.copyArray(slot.node!, 'variable') : this.root.eval(slot.node!)));
    slot.value = v;
    slot.read = passedThrough(v, slot.keyLoc);
    slot.state = 2;
    return slot.read;
  }

  userFunction(name: string, args: Value[], loc: Location): Value | undefined {
    const decl = this.funcs.get(name.toLowerCase());
    if (!decl) return undefined;
    const out = getProp(getProp(decl, 'output'), 'value');
    if (!out || this.env.depth > 20) return unknown(`user-defined function ${name}() cannot be evaluated`, loc);
    this.env.depth++;
    try {
      const fscope = new Scope(this.doc, this.template, this.env, new Map(), { decls: getProp(decl, 'parameters'), args });
      for (const [k, f] of this.funcs) fscope.funcs.set(k, f);
      return fscope.root.eval(out);
    } finally {
      this.env.depth--;
    }
  }
}

/** A node and its value, as one frame evaluated it. */
type EvaluatedNode = readonly [JsonNode, Value];

function evaluatedValue(evaluated: readonly EvaluatedNode[], node: JsonNode): Value | undefined {
  for (let i = 0; i < evaluated.length; i++) if (evaluated[i]![0] === node) return evaluated[i]![1];
  return undefined;
}

/** An evaluation context: a scope plus the enclosing copy loops. */
class Frame implements ExprContext {
  constructor(
    readonly scope: Scope,
    readonly loops: LoopFrame[],
  ) {}

  push(l: LoopFrame): Frame {
    return new Frame(this.scope, [...this.loops, l]);
  }

  get lambdaCalls(): { count: number; depth: number } {
    return this.scope.env.lambdaCalls;
  }

  parameter(name: string): Value | undefined {
    return this.scope.parameter(name);
  }

  variable(name: string): Value | undefined {
    return this.scope.variable(name);
  }

  copyIndex(loop: string | undefined): Value | undefined {
    for (let i = this.loops.length - 1; i >= 0; i--) {
      const l = this.loops[i]!;
      if (loop === undefined ? l.kind === 'resource' : l.name?.toLowerCase() === loop.toLowerCase()) return l.index;
    }
    if (loop === undefined && this.loops.length) return this.loops[this.loops.length - 1]!.index;
    return undefined;
  }

  userFunction(name: string, args: Value[], loc: Location): Value | undefined {
    return this.scope.userFunction(name, args, loc);
  }

  problem(message: string, loc: Location): void {
    problem(this.scope.env, message, loc);
  }

  /**
   * Evaluates a JSON node: strings as expressions, property `copy` arrays expanded. `skip`
   * leaves members of an object out; `evaluated` gives the values of member value nodes that
   * this frame has already evaluated (walkResource's name, type, …), used instead of
   * evaluating them again: in one frame the same node evaluates to the same value.
   */
  eval(node: JsonNode, skip?: (key: string) => boolean, evaluated?: readonly EvaluatedNode[]): Value {
    switch (node.type) {
      case 'string': {
        // A plain literal (most strings) becomes its value directly: no read form made for it.
        const s = String(node.value);
        if (!s.startsWith('[')) return str(s, this.scope.loc(node));
        return evaluateReadString(readNodeString(node), this.scope.loc(node), this);
      }
      case 'array': {
        const loc = this.scope.loc(node);
        return list(
          (node.children ?? []).map((c) => this.eval(c)),
          loc,
        );
      }
      case 'object': {
        const loc = this.scope.loc(node);
        const m = new Map<string, Value>();
        // The members read in place (as `members` reads them), not through its list of triples:
        // every object of a template is evaluated, once per copy instance and variant.
        for (const p of node.children ?? []) {
          const keyNode = p.children?.[0];
          const v = p.children?.[1];
          if (!keyNode || !v || typeof keyNode.value !== 'string') continue;
          let k = keyNode.value;
          // An expression as a property name is evaluated too (Bicep compiles `'${name}': v` to one:
          // `"[format('{0}', parameters('tagName'))]": "ml"`); `[[…]` is the literal text.
          if (k.length > 1 && k.charCodeAt(0) === 91 && k.endsWith(']')) {
            const kv = this.eval(keyNode);
            if (kv.kind !== 'string') return unknown(`the property name ${k.length > 60 ? `${k.slice(0, 60)}…` : k} is ${kv.kind === 'unknown' ? `not known (${kv.reason})` : `a ${kv.kind}, not a string`}`, loc);
            k = kv.value;
          }
          if (skip?.(k)) continue;
          if (sameKeyIgnoringCase(k, 'copy') && v.type === 'array' && (v.children ?? []).every((c) => getProp(c, 'input') && getProp(c, 'name'))) {
            for (const entry of v.children ?? []) {
              const n = getProp(entry, 'name');
              const nv = n ? this.eval(n) : undefined;
              if (nv?.kind !== 'string') continue;
              m.set(nv.value, this.copyArray(entry, 'property'));
            }
            continue;
          }
          m.set(k, (evaluated && evaluatedValue(evaluated, v)) ?? this.eval(v));
        }
        return obj(m, loc);
      }
      default:
        // A number, boolean or null: nodeToValue makes its Location (one, not a second here).
        return nodeToValue(this.scope.doc, node);
    }
  }

  /** `{name, count, input}` → the list of `input` evaluated `count` times. */
  copyArray(entry: JsonNode, kind: 'property' | 'variable'): Value {
    const loc = this.scope.loc(entry);
    const nameNode = getProp(entry, 'name');
    const name = typeof nameNode?.value === 'string' ? nameNode.value : undefined;
    const countNode = getProp(entry, 'count');
    const input = getProp(entry, 'input');
    if (!countNode || !input) return unknown('copy without count or input', loc);
    const c = this.eval(countNode);
    if (c.kind !== 'number') return unknown(c.kind === 'unknown' ? `copy count is unknown (${c.reason})` : 'copy count is not a number', loc);
    let n = Math.max(0, Math.trunc(c.value));
    const max = this.scope.env.maxCopy;
    const partial = n > max;
    if (partial) {
      problem(this.scope.env, `copy loop '${name ?? '?'}' has ${n} items; only the first ${max} are evaluated`, this.scope.loc(countNode));
      n = max;
    }
    const wanted = n;
    n = takeExpansions(this.scope.env.budget, n, (m) => problem(this.scope.env, m, this.scope.loc(countNode)));
    if (n < wanted) return unknown('the copy is past the expansion budget', loc);
    const items: Value[] = [];
    for (let i = 0; i < n; i++) items.push(this.push({ name, index: { kind: 'number', value: i, origin: loc }, kind }).eval(input));
    const l = list(items, this.scope.loc(input));
    if (partial) l.partial = true;
    return l;
  }
}

interface ParentInfo {
  type: string;
  name: Value;
  apiVersion?: string;
}

function andConditions(a: Value | undefined, b: Value | undefined): Value | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.kind === 'unknown') return a;
  if (b.kind === 'unknown') return b;
  return b;
}

function composeName(parent: Value, child: Value, childType: string): Value {
  // A child name already written in full (`vnet/subnet`, or `[concat(parameters('ws'), '/',
  // 'cpu')]` whose parent part is unknown) is kept as is: counted on its template text, whose
  // literal `/` separators are known even when a segment is not.
  const childSegs = child.kind === 'string' ? child.value.split('/').length : (nameSegments(child)?.length ?? 1);
  if (childSegs >= childType.split('/').length - 1) return child;
  if (parent.kind === 'string' && child.kind === 'string') return { ...child, value: `${parent.value}/${child.value}` };
  const p = templateText(parent);
  const c = templateText(child);
  const u = tplUnknown(`the name depends on an unknown value`, child.origin, p !== undefined && c !== undefined ? `${p}/${c}` : undefined);
  return child.via ? { ...u, via: child.via } : u;
}

function nameLabel(v: Value): string {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'unknown' && v.token !== undefined) return (v as { tpl?: boolean }).tpl ? v.token : `{${v.token}}`;
  return '?';
}

function walkResources(resourcesNode: JsonNode | undefined, frame: Frame, parent: ParentInfo | undefined, deployment: string[], inherited: Value | undefined): void {
  if (!resourcesNode) return;
  const entries: [string | undefined, JsonNode][] =
    resourcesNode.type === 'array'
      ? (resourcesNode.children ?? []).map((c) => [undefined, c])
      : resourcesNode.type === 'object'
        ? members(resourcesNode).map(([k, , v]) => [k, v])
        : [];
  for (const [symbolicName, node] of entries) {
    if (node.type !== 'object') continue;
    try {
      walkResource(node, symbolicName, frame, parent, deployment, inherited);
    } catch (e) {
      problem(frame.scope.env, `Internal error while evaluating this resource: ${(e as Error).message}`, frame.scope.loc(node));
    }
  }
}

function walkResource(node: JsonNode, symbolicName: string | undefined, frame: Frame, parent: ParentInfo | undefined, deployment: string[], inherited: Value | undefined): void {
  const scope = frame.scope;
  const env = scope.env;
  const copyNode = getProp(node, 'copy');
  const instances: { frame: Frame; index?: number }[] = [];
  if (copyNode?.type === 'object') {
    const nameNode = getProp(copyNode, 'name');
    const loopName = typeof nameNode?.value === 'string' ? nameNode.value : undefined;
    const countNode = getProp(copyNode, 'count');
    const count = countNode ? frame.eval(countNode) : unknown('copy without count');
    if (count.kind === 'number') {
      let n = Math.max(0, Math.trunc(count.value));
      if (n > env.maxCopy) {
        problem(env, `copy loop '${loopName ?? '?'}' has ${loopCountText(n, env.maxCopy)} instances; only the first ${env.maxCopy} are evaluated`, scope.loc(countNode!));
        n = env.maxCopy;
      }
      n = takeExpansions(env.budget, n, (m) => problem(env, m, scope.loc(countNode!)));
      for (let i = 0; i < n; i++) instances.push({ frame: frame.push({ name: loopName, index: { kind: 'number', value: i, origin: scope.loc(copyNode) }, kind: 'resource' }), index: i });
    } else {
      const idx = unknown(`the copy count is unknown${count.kind === 'unknown' ? ` (${count.reason})` : ''}`, scope.loc(copyNode), `copyIndex(${quoteArm(loopName ?? '')})`);
      instances.push({ frame: frame.push({ name: loopName, index: idx, kind: 'resource' }) });
    }
  } else instances.push({ frame });

  for (const inst of instances) {
    const f = inst.frame;
    const condNode = getProp(node, 'condition');
    let condition = inherited;
    // The members evaluated here are not evaluated a second time in the body (issue 15).
    const evaluated: EvaluatedNode[] = [];
    if (condNode) {
      const c = f.eval(condNode);
      evaluated.push([condNode, c]);
      if (c.kind === 'bool' && !c.value) continue;
      if (c.kind === 'string' && c.value.toLowerCase() === 'false') continue;
      condition = andConditions(inherited, c);
    }
    const typeNode = getProp(node, 'type');
    const typeV = typeNode ? f.eval(typeNode) : undefined;
    if (typeNode && typeV) evaluated.push([typeNode, typeV]);
    if (typeV?.kind !== 'string') {
      problem(env, typeNode ? 'The resource type cannot be evaluated' : 'The resource has no "type"', scope.loc(typeNode ?? node));
      continue;
    }
    let typeText = typeV.value;
    let apiVersion: string | undefined;
    const at = typeText.indexOf('@');
    if (at > 0) {
      apiVersion = typeText.slice(at + 1);
      typeText = typeText.slice(0, at);
    }
    // A nested resource's type is relative to its parent (`containers`, or several segments as
    // `blobServices/containers`) unless it starts with a namespace (`Microsoft.Storage/…`).
    const fullType = parent && !/^[^/]*\.[^/]*\//.test(typeText) ? `${parent.type}/${typeText}` : typeText;
    const nameNode = getProp(node, 'name');
    const nameV = nameNode ? f.eval(nameNode) : unknown('the resource has no name', scope.loc(node));
    if (nameNode) evaluated.push([nameNode, nameV]);
    const fullName = parent ? composeName(parent.name, nameV, fullType) : nameV;
    const apiNode = getProp(node, 'apiVersion');
    const apiV = apiNode ? f.eval(apiNode) : undefined;
    if (apiNode && apiV) evaluated.push([apiNode, apiV]);
    if (apiV?.kind === 'string') apiVersion = apiV.value;
    apiVersion ??= parent?.apiVersion;
    const isDeployment = fullType.toLowerCase() === DEPLOYMENTS;
    const body = f.eval(node, (k) => sameKeyIgnoringCase(k, 'resources') || (isDeployment && sameKeyIgnoringCase(k, 'properties')), evaluated);
    let propsValue: Value | undefined;
    if (isDeployment && body.kind === 'object') {
      const propsNode = getProp(node, 'properties');
      if (propsNode) {
        propsValue = f.eval(propsNode, (k) => sameKeyIgnoringCase(k, 'template'));
        body.entries.set('properties', propsValue);
      }
    }
    const existingV = getProp(node, 'existing');
    const res: ArmResource = {
      type: fullType,
      name: fullName,
      idKey: armResourceKey(fullType, fullName),
      body,
      typeLocation: memberLocation(scope.doc, node, 'type') ?? scope.loc(node),
      objectLocation: scope.loc(node),
      site: (p) => memberSite(scope.doc, node, p)?.at,
      templateSite: (p) => memberSite(scope.doc, node, p)?.template === true,
      existing: existingV?.value === true,
      deployment,
      file: scope.doc.file,
    };
    const placedIn = env.scopes[env.scopes.length - 1];
    if (placedIn !== undefined) res.scope = placedIn;
    if (scope.moduleEnv) res.moduleEnv = scope.moduleEnv;
    if (apiVersion !== undefined) res.apiVersion = apiVersion;
    if (symbolicName !== undefined) res.symbolicName = symbolicName;
    const nl = memberLocation(scope.doc, node, 'name');
    if (nl) res.nameLocation = nl;
    if (condition) res.condition = condition;
    if (inst.index !== undefined) res.copyIndex = inst.index;
    env.resources.push(res);

    if (isDeployment) expandDeployment(node, f, [...deployment, nameLabel(fullName)], condition, propsValue);
    walkResources(getProp(node, 'resources'), f, { type: fullType, name: fullName, apiVersion }, deployment, condition);
  }
}

/**
 * `ArmResource.site` of a JSON resource object: the member (key and value) that a dotted body
 * path (`properties.agentPoolProfiles.0.vmSize`) names, or undefined when the path does not
 * map onto the JSON as written (an object built by an expression). Every element of a property
 * `copy` (`"copy": [{ "name": "agentPoolProfiles", "input": {…} }]`) is written by its `input`.
 */
function memberSite(doc: Doc, node: JsonNode, p: string): { at: Location; template: boolean } | undefined {
  const segs = p.split('.');
  let cur: JsonNode | undefined = node;
  // Reached through a copy's `input`: one place for every element it makes.
  let template = false;
  for (let i = 0; i < segs.length - 1 && cur; i++) {
    const seg = segs[i]!;
    if (cur.type === 'array') {
      cur = /^\d+$/.test(seg) ? cur.children?.[Number(seg)] : undefined;
      continue;
    }
    const next: JsonNode | undefined = getProp(cur, seg);
    const input = next ? undefined : copyInput(cur, seg);
    if (input && i + 1 < segs.length - 1 && /^\d+$/.test(segs[i + 1]!)) {
      cur = input;
      template = true;
      i++;
      continue;
    }
    cur = next;
  }
  const at = cur?.type === 'object' ? memberLocation(doc, cur, segs[segs.length - 1]!) : undefined;
  return at && { at, template };
}

/** The `input` of the property `copy` entry of an object that makes the property `name`. */
function copyInput(obj: JsonNode, name: string): JsonNode | undefined {
  const copy = getProp(obj, 'copy');
  if (copy?.type !== 'array') return undefined;
  for (const entry of copy.children ?? []) {
    const n = getProp(entry, 'name')?.value;
    if (typeof n === 'string' && sameKeyIgnoringCase(n, name.toLowerCase())) return getProp(entry, 'input');
  }
  return undefined;
}

/**
 * The members of a deployment's `parameters` as walkResource already evaluated them, in the
 * resource's `properties` (`propsValue`, same frame): by key, or undefined when they must be
 * evaluated again. Evaluating them twice was ~15 % of ARM evaluation on the corpus (issue 15:
 * 4,904 module parameters a run). A second evaluation in the same frame gives the same values
 * and problems, with two exceptions, which take the old path: user-defined functions (the
 * second ran one nesting level deeper, against the depth limit), and an object whose members
 * do not map one to one onto its evaluated entries (a repeated key, or a `copy` member, which
 * Frame.eval expands into other keys).
 */
function evaluatedParameters(scope: Scope, props: JsonNode | undefined, propsValue: Value | undefined, paramsNode: JsonNode | undefined): ReadonlyMap<string, Value> | undefined {
  if (scope.funcs.size > 0 || propsValue?.kind !== 'object' || paramsNode?.type !== 'object') return undefined;
  const key = propertyNode(props, 'parameters')?.children?.[0]?.value;
  if (typeof key !== 'string' || !keysMapOneToOne(props!, key) || !keysMapOneToOne(paramsNode)) return undefined;
  const params = propsValue.entries.get(key);
  return params?.kind === 'object' ? params.entries : undefined;
}

/**
 * Whether Frame.eval of this object makes one entry per member under the member's own key:
 * no key twice (`key`: this one at least) and no `copy` member.
 */
function keysMapOneToOne(objNode: JsonNode, key?: string): boolean {
  const seen = new Set<string>();
  for (const [k] of members(objNode)) {
    if (seen.has(k) || sameKeyIgnoringCase(k, 'copy')) return false;
    seen.add(k);
  }
  return key === undefined || seen.has(key);
}

function expandDeployment(node: JsonNode, frame: Frame, deployment: string[], condition: Value | undefined, propsValue?: Value): void {
  const scope = frame.scope;
  const env = scope.env;
  const props = getProp(node, 'properties');
  let tmpl = getProp(props, 'template');
  // A template of the scan linked by `relativePath` is this deployment's template, in its own
  // file: evaluated with the parameters passed here, as a Bicep or Terraform module is in its
  // caller (RULES.md "Values chosen by a condition": each caller's own argument), not on its own
  // with its defaults (review 66: its default was reported although every caller passed a good value).
  let linked: { file: string; doc: Doc } | undefined;
  if (tmpl?.type !== 'object') {
    // A URL built on this template's own link names the file beside it, as a relativePath does.
    const relative = relativeLinkTarget(props, scope.doc.file);
    const own = relative === undefined ? ownFolderLink(props, frame) : undefined;
    const target = relative ?? (own && 'target' in own ? own.target : undefined);
    const parsed = target !== undefined && !env.linking.includes(target) ? env.readLinked?.(target) : undefined;
    if (target === undefined || parsed?.root?.type !== 'object') {
      // A link to no template of the scan (a missing file, a file that is no ARM template): what
      // it deploys is not checked (RULES.md: a local module file that is missing is EVAL001).
      const at = getProp(getProp(props, 'templateLink'), 'relativePath');
      if (target !== undefined && env.readLinked && at && !env.linking.includes(target)) {
        problem(env, `The template this deployment links (relativePath ${JSON.stringify(at.value)}) is not an ARM template of the scanned files, so the resources it deploys are not checked; add the file, or check the path.`, scope.loc(at));
      }
      linkedTemplate(props, frame, deployment, propsValue, own && 'why' in own ? own.why : target !== undefined ? 'the file it names is not an ARM template of the scanned files, or links back to this one' : undefined);
      return;
    }
    tmpl = parsed.root;
    linked = { file: target, doc: { file: target, lineMap: parsed.lineMap } };
    env.linkedFiles.add(target);
  }
  if (env.depth > 30) {
    problem(env, 'Nested deployments are nested too deeply; inner templates are not evaluated', scope.loc(tmpl));
    return;
  }
  const scopeNode = getProp(getProp(props, 'expressionEvaluationOptions'), 'scope');
  const scopeV = scopeNode ? frame.eval(scopeNode) : undefined;
  // A linked template has its own parameters and variables, as an inner-scope one has.
  const inner = linked !== undefined || (scopeV?.kind === 'string' && scopeV.value.toLowerCase() === 'inner');
  const targetNode = (k: string): Value | undefined => {
    const n = getProp(node, k);
    return n ? frame.eval(n) : undefined;
  };
  // The resource group and subscription it deploys to (`scope` names a management group, a
  // tenant or an extension scope: not followed).
  // An unreadable scope is this deployment's own: where it is written, under the deployments above it.
  const where = scope.loc(node);
  const at = `${deployment.join('/')}|${where.file}:${where.range.start.offset}`;
  env.scopes.push(deploymentScope(env.scopes[env.scopes.length - 1], { resourceGroup: targetNode('resourceGroup'), subscriptionId: targetNode('subscriptionId'), other: getProp(node, 'scope') !== undefined }, at));
  env.depth++;
  try {
    if (inner) {
      const assigned = new Map<string, Value>();
      const paramsNode = getProp(props, 'parameters');
      const evaluated = evaluatedParameters(scope, props, propsValue, paramsNode);
      for (const [k, keyNode, v] of members(paramsNode)) {
        const pv = evaluated?.get(k) ?? frame.eval(v);
        const via = scope.loc(keyNode, `deployment parameter "${k}"`);
        let value: Value;
        if (member(pv, 'reference')) value = unknown(`parameter '${k}' is a Key Vault reference`, scope.loc(v));
        else value = member(pv, 'value') ?? unknown(`parameter '${k}' has no value`, scope.loc(v));
        assigned.set(k.toLowerCase(), passedThrough(value, via));
      }
      // `parametersLink`: the values come from a parameter file Azure fetches (not read here), so
      // every parameter not passed inline is unknown, not its default (self-review 68).
      const paramsLink = getProp(props, 'parametersLink');
      if (paramsLink) {
        for (const [k] of members(getProp(tmpl, 'parameters'))) {
          if (!assigned.has(k.toLowerCase())) assigned.set(k.toLowerCase(), unknown(`parameter '${k}' comes from the deployment's parametersLink, which is not read`, scope.loc(paramsLink)));
        }
      }
      const innerScope = new Scope(linked?.doc ?? scope.doc, tmpl, env, assigned);
      innerScope.caller = scope;
      if (linked) innerScope.ownFileDepth = env.depth;
      if (linked) env.linking.push(linked.file);
      try {
        declareInputs(tmpl, innerScope, true);
        walkResources(getProp(tmpl, 'resources'), innerScope.root, undefined, deployment, condition);
      } finally {
        if (linked) env.linking.pop();
      }
    } else {
      walkResources(getProp(tmpl, 'resources'), frame, undefined, deployment, condition);
    }
  } finally {
    env.depth--;
    env.scopes.pop();
  }
}

/**
 * A deployment whose template Azure fetches at deployment time (`templateLink.uri`, or a
 * template spec's `templateLink.id`): the linter reads no remote file, so the resources it
 * creates are not checked. RULES.md: "A module whose source is not local … and that has no
 * local copy the linter may read … is EVAL002 …, once per module call at its source". Its
 * `parameters` are the call's arguments (GPU005). A `relativePath` link that reaches here names
 * no template of the scan (expandDeployment evaluates one that does): not remote either, but
 * its `parameters` are kept (`unbound`) for SEC001, as they are written here and read by no
 * evaluation.
 */
function linkedTemplate(props: JsonNode | undefined, frame: Frame, deployment: string[], propsValue: Value | undefined, notOwnFolder?: string): void {
  const link = getProp(props, 'templateLink');
  if (link?.type !== 'object') return;
  const relative = getProp(link, 'relativePath');
  const key = relative ? 'relativePath' : getProp(link, 'uri') ? 'uri' : getProp(link, 'id') ? 'id' : undefined;
  const at = key ? getProp(link, key) : undefined;
  if (!key || !at) return;
  const scope = frame.scope;
  const args = new Map<string, Value>();
  const argSites = new Map<string, Location>();
  const params = propsValue?.kind === 'object' ? member(propsValue, 'parameters') : undefined;
  for (const [k, keyNode, v] of members(getProp(props, 'parameters'))) {
    argSites.set(k, scope.loc(keyNode));
    const pv = params?.kind === 'object' ? params.entries.get(k) : undefined;
    args.set(k, member(pv, 'value') ?? unknown(`parameter '${k}' has no value`, scope.loc(v)));
  }
  (key === 'relativePath' ? scope.env.unbound : scope.env.opaque).push({
    format: 'arm',
    name: deployment[deployment.length - 1] ?? '?',
    address: deployment.map((d) => `deployment(${d})`).join('/'),
    source: clippedSource(typeof at.value === 'string' ? at.value : ''),
    sourceAt: scope.loc(at),
    reason: key === 'relativePath' ? 'its template is no ARM template of the scanned files, or its path is not known' : linkedTemplateReason(key),
    args,
    argSites,
    linkedPaths: key === 'uri' ? linkedPaths(scope, at) : [],
    ...(key === 'uri' && notOwnFolder !== undefined ? { linkedPathsWhy: notOwnFolder } : {}),
  });
}

/**
 * Where a `templateLink.uri` built on this template's own link points (own-folder-link.ts):
 * `{ target }`, the file beside the template it names, when its base is
 * `deployment().properties.templateLink.uri` (written, or the default of a parameter nothing gave
 * a value) and its relative part is known; else `{ why }` it is not known to name that file (a
 * parameter file's `_artifactsLocation` may be any URL: not guessed at). Undefined without a `uri`.
 */
function ownFolderLink(props: JsonNode | undefined, frame: Frame): { target: string } | { why: string } | undefined {
  const at = getProp(getProp(props, 'templateLink'), 'uri');
  if (typeof at?.value !== 'string') return undefined;
  const scope = frame.scope;
  const call = uriLinkCall(at.value, (name) => scope.vars.get(name.toLowerCase())?.node);
  if (!call) return { why: "its URL is not built as uri(<this template's own link>, <a relative path>)" };
  const nested = { why: "the link is written in a nested template, whose deployment() is not this file's" };
  const base = call.args[0]!;
  if (isOwnLink(base)) {
    if (scope.ownFileDepth !== scope.env.depth) return nested;
  } else {
    // A parameter is its scope's: in an outer-scope nested template the file's own, whose default
    // Azure evaluates in the file's deployment (its URL, review 106); an inner-scope one's is the
    // nested template's, whose deployment() has no link.
    if (scope.ownFileDepth === undefined) return nested;
    const name = literalArgumentOf(base, 'parameters');
    const slot = name === undefined ? undefined : scope.params.get(name.toLowerCase());
    if (!slot) return { why: `its base ${clippedSource(printExpr(base))} is not this template's own link (deployment().properties.templateLink.uri)` };
    if (slot.assigned) return { why: `its base, parameter '${slot.name}', is given a value${givenWhere(slot.assigned)}, which may be any URL` };
    if (!defaultsToOwnLink(slot.node)) return { why: `its base, parameter '${slot.name}', does not default to this template's own link (deployment().properties.templateLink.uri)` };
  }
  const rel = evalExpr(call.args[1]!, frame, scope.loc(at));
  if (rel.kind !== 'string') return { why: `its relative part is ${rel.kind === 'unknown' ? `not known (${rel.reason})` : `a ${rel.kind}`}` };
  const target = besideOwnLink(scope.doc.file, rel.value);
  return target === undefined ? { why: `its relative part ${JSON.stringify(rel.value)} names no file beside this template` } : { target };
}

/** ` (main.parameters.json:5)`: where a parameter's value was given, for a message. */
function givenWhere(v: Value): string {
  const o = v.origin;
  return o ? ` (${path.basename(o.file)}:${o.range.start.line})` : '';
}

/**
 * The file a deployment's `templateLink.relativePath` names (`relativeLinkPath`); undefined for no
 * such link, or a path written as an expression.
 */
function relativeLinkTarget(props: JsonNode | undefined, fromFile: string): string | undefined {
  const rel = getProp(getProp(props, 'templateLink'), 'relativePath')?.value;
  return typeof rel === 'string' ? relativeLinkPath(fromFile, rel) : undefined;
}

/**
 * The files a template links by a literal `templateLink.relativePath` anywhere in it (nested
 * deployments' templates too), resolved: the templates evaluated through it.
 */
export function relativeLinks(root: JsonNode | undefined, file: string): string[] {
  const out: string[] = [];
  const walk = (n: JsonNode | undefined, depth: number): void => {
    if (!n || depth > 64) return;
    if (n.type === 'object') {
      const target = relativeLinkTarget(n, file);
      if (target !== undefined && getProp(n, 'templateLink')) out.push(target);
      for (const c of n.children ?? []) walk(c.children?.[1], depth + 1);
    } else if (n.type === 'array') for (const c of n.children ?? []) walk(c, depth + 1);
  };
  walk(root, 0);
  return out;
}

/**
 * The relative `.json` paths written in a link's expression, and in the variables it reads
 * (`"extensionUrl": "[uri(parameters('_artifactsLocation'), concat('nested/x.json', …))]"`): the
 * quickstart layout, where `_artifactsLocation` is the folder the main template was deployed from.
 */
/** How many variables deep a link's text is followed to find the file it names. */
const MAX_LINK_VARIABLE_DEPTH = 8;

function linkedPaths(scope: Scope, at: JsonNode): string[] {
  const text = typeof at.value === 'string' ? at.value : '';
  // The link's text and the text of every variable it reads, through variables that read
  // variables (`kvUrl` = concat(…, variables('kvFile'), …), `kvFile` = "kv.json"), each once.
  const texts: string[] = [];
  const seen = new Set<string>();
  const follow = (t: string, depth: number): void => {
    texts.push(t);
    if (depth >= MAX_LINK_VARIABLE_DEPTH) return;
    for (const m of t.matchAll(/variables\('([^']+)'\)/gi)) {
      const name = m[1]!.toLowerCase();
      if (seen.has(name)) continue;
      seen.add(name);
      const node = scope.vars.get(name)?.node;
      if (typeof node?.value === 'string') follow(node.value, depth + 1);
    }
  };
  follow(text, 0);
  const out: string[] = [];
  for (const t of texts) {
    // A variable whose whole value is the path (`"kvFile": "nested/kv.json"`), or a quoted one inside an expression.
    if (/^[^:[\]'"]+\.json$/i.test(t)) out.push(t);
    for (const m of t.matchAll(/'([^':]+\.json)'/gi)) out.push(m[1]!);
    // A parameter holding the path (`"templatePath": { "defaultValue": "nested/x.json" }`): its value, else its default.
    for (const m of t.matchAll(/parameters\('([^']+)'\)/gi)) {
      const slot = scope.params.get(m[1]!.toLowerCase());
      const v = slot?.assigned?.kind === 'string' ? slot.assigned.value : slot?.node?.value;
      if (typeof v === 'string' && /^[^:]+\.json$/i.test(v)) out.push(v);
    }
  }
  return out.map((p) => p.replace(/^\.?\//, ''));
}

/** Why a deployment with a `templateLink` (ARM or Bicep) is not evaluated: EVAL002's reason. */
export function linkedTemplateReason(key: 'uri' | 'id'): string {
  return key === 'uri'
    ? 'its template is linked by URL (templateLink.uri), which Azure fetches when it deploys'
    : 'its template is a template spec (templateLink.id), which Azure reads when it deploys';
}

/** A link as written, cut to fit a message (`[uri(parameters('_artifactsLocation'), concat(…))]` runs long). */
export function clippedSource(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/**
 * Reads a parameter file's values by lower-cased name (ARM matches parameter names without case),
 * each through `read` when given (with the name as the file writes it).
 */
export function readParameterFile(pf: { file: string; parsed: ParsedJson }, read?: (v: Value, name: string) => Value): Map<string, Value> {
  return new Map(parameterFileEntries(pf).map(([k, v]) => [k.toLowerCase(), read ? read(v, k) : v]));
}

/**
 * A parameter file's parameters: its `parameters` object, or the file's whole object when it has
 * none (the form without the wrapper the Azure CLI also reads: `parsed.get('parameters', parsed)`).
 */
export function parametersObject(root: JsonNode | undefined): JsonNode | undefined {
  return getProp(root, 'parameters') ?? (getProp(root, '$schema') === undefined ? root : undefined);
}

/**
 * A parameter file's values with their names as written: `{value}` → the literal value,
 * `{reference}` (a Key Vault secret) → unknown.
 */
export function parameterFileEntries(pf: { file: string; parsed: ParsedJson }): [string, Value][] {
  const out: [string, Value][] = [];
  const doc: Doc = { file: pf.file, lineMap: pf.parsed.lineMap };
  for (const [k, , v] of members(parametersObject(pf.parsed.root))) {
    const valueNode = getProp(v, 'value');
    const refNode = getProp(v, 'reference');
    if (valueNode) out.push([k, nodeToValue(doc, valueNode)]);
    else if (refNode) {
      const secret = getProp(refNode, 'secretName')?.value;
      out.push([k, unknown(`Key Vault reference${typeof secret === 'string' ? ` (secret "${secret}")` : ''}`, nodeLocation(doc, refNode))]);
    }
  }
  return out;
}

/**
 * The parameters a template declares, as inputs (GPU002 guards, GPU004 allowed values, SEC001):
 * the root template's, and an inner-scope nested template's (`nested`), whose `allowedValues`
 * ARM checks against the value the parent passes, as it checks a Bicep module's `@allowed`.
 */
function declareInputs(template: JsonNode, scope: Scope, nested: boolean): void {
  const { doc, env } = scope;
  const readByMember = parametersReadByMember(template);
  const paramsNode = getProp(template, 'parameters');
  for (const slot of scope.params.values()) {
    // The name's first spelling in `parameters` (as keyLocation finds it), labelled.
    const keyNode = propertyNode(paramsNode, slot.name)?.children?.[0];
    const label = `parameter "${slot.name}"`;
    const symbol = { kind: 'input' as const, name: slot.name };
    const header = keyNode ? declLocation(doc, keyNode, label, symbol) : { ...slot.keyLoc, label, symbol };
    const key = `${header.file}:${header.range.start.offset}`;
    const met = env.inputKeys.get(key);
    if (met) {
      recordInstanceValue(met, slot.assigned);
      continue;
    }
    const typeNode = getProp(slot.decl, 'type');
    const refNode = getProp(slot.decl, '$ref');
    const type = typeof typeNode?.value === 'string' ? typeNode.value : typeof refNode?.value === 'string' ? refNode.value : undefined;
    const input: InputDecl = { name: slot.name, kind: 'arm-parameter', header };
    if (nested) input.nested = true;
    if (type !== undefined) input.type = type;
    if (type && /^secure(string|object)$/i.test(type)) input.secure = true;
    if (readByMember.has(slot.name.toLowerCase())) input.readByMember = true;
    const dv = scope.defaultValue(slot);
    if (dv) input.defaultValue = dv;
    if (slot.assigned) input.assigned = slot.assigned;
    const allowed = allowedValuesNode(template, slot.decl);
    if (allowed === 'unknown') input.allowedValues = [unknown(`the type of parameter "${slot.name}" could not be resolved`, input.header)];
    else if (allowed) input.allowedValues = (allowed.children ?? []).map((c) => scope.root.eval(c));
    const decl = slot.decl;
    input.memberAllowed = (path, value) => memberAllowedValues(template, decl, path, (c) => scope.root.eval(c), value);
    env.inputs.push(input);
    env.inputKeys.set(key, input);
  }
}

/** Evaluates an ARM template (with an optional parameter file) into resource instances. Never throws. */
export function evaluateArmTemplate(opts: EvaluateArmOptions): ArmEvaluation {
  const parsed = opts.parsed ?? parseJsonc(opts.text ?? '', opts.file);
  const env: Env = { problems: [], problemKeys: new Set(), maxCopy: opts.maxCopy ?? LOOP_INSTANCE_CAP, budget: opts.budget ?? newExpansionBudget(), lambdaCalls: { count: 0, depth: 0 }, resources: [], opaque: [], unbound: [], depth: 0, chain: 0, cuts: 0, scopes: [], inputs: [], inputKeys: new Map(), linking: [opts.file], linkedFiles: new Set() };
  if (opts.readLinked) env.readLinked = opts.readLinked;
  const result: ArmEvaluation = { resources: env.resources, inputs: env.inputs, problems: env.problems, opaqueModules: env.opaque, unboundCalls: env.unbound, linkedFiles: env.linkedFiles };
  const root = opts.templateNode ?? parsed.root;
  if (!root || root.type !== 'object') return result;
  const doc: Doc = { file: opts.file, lineMap: parsed.lineMap };
  try {
    const gen = getProp(getProp(root, 'metadata'), '_generator');
    const gname = getProp(gen, 'name')?.value;
    if (typeof gname === 'string') {
      const gver = getProp(gen, 'version')?.value;
      result.generator = typeof gver === 'string' ? { name: gname, version: gver } : { name: gname };
    }
    const assigned = opts.parameterFile ? readParameterFile(opts.parameterFile) : new Map<string, Value>();
    for (const [k, v] of opts.parameterValues ?? []) assigned.set(k.toLowerCase(), v);
    const scope = new Scope(doc, root, env, assigned);
    if (opts.asModule) scope.moduleOf = opts.asModule;
    else if (!opts.templateNode) scope.ownFileDepth = 0;
    declareInputs(root, scope, false);
    walkResources(getProp(root, 'resources'), scope.root, undefined, [], undefined);
  } catch (e) {
    problem(env, `Internal error while evaluating the template: ${(e as Error).message}`, nodeLocation(doc, root));
  }
  return result;
}

/**
 * What a parameter's declaration admits at one member of its value (languageVersion 2.0, which
 * Bicep emits for user-defined types: `"items": { "$ref": "#/definitions/pool" }`,
 * `definitions.pool.properties.vmSize.allowedValues`): the member's `allowedValues`, reached
 * through `properties` (else an `additionalProperties` schema), `prefixItems`/`items` and `$ref`s.
 * A tagged union (`"discriminator": { "propertyName": "kind", "mapping": { "gpu": {…} } }`, what
 * Bicep's `@discriminator` compiles to) goes on in the schema `value`'s tag maps to; when the tag
 * is not known, the mapped schemas are read only when none restricts the member (review 74).
 * Undefined where nothing restricts it (a plain `object`/`array` parameter, a property without
 * `allowedValues`); `unknown` where a `$ref` cannot be resolved.
 */
function memberAllowedValues(root: JsonNode, decl: JsonNode, path: readonly MemberKey[], evaluate: (n: JsonNode) => Value, value: Value | undefined, depth = 0): MemberAllowed {
  let node: JsonNode | undefined = decl;
  let cur = value;
  let refs = 0;
  for (let i = 0; ; ) {
    const ref = getProp(node, '$ref')?.value;
    if (typeof ref === 'string' && !getProp(node, 'allowedValues')) {
      if (++refs > MAX_REF_DEPTH) return 'unknown';
      const m = /^#\/definitions\/([^/]+)$/.exec(ref);
      node = m ? getProp(getProp(root, 'definitions'), m[1]!) : undefined;
      if (!node) return 'unknown';
      continue;
    }
    const discriminator = i < path.length ? getProp(node, 'discriminator') : undefined;
    if (discriminator) {
      const mapping = getProp(discriminator, 'mapping');
      const tagName = getProp(discriminator, 'propertyName')?.value;
      if (mapping?.type !== 'object' || typeof tagName !== 'string' || depth >= MAX_REF_DEPTH) return 'unknown';
      const tag = memberAt(cur, tagName);
      // The tag as written (Bicep's literal types compare it exactly), not a property name in any case.
      const chosen = tag?.kind === 'string' ? members(mapping).find(([k]) => k === tag.value)?.[2] : undefined;
      if (chosen) {
        node = chosen;
        continue;
      }
      if (tag?.kind === 'string') return 'unknown';
      const answers = members(mapping).map(([, , schema]) => memberAllowedValues(root, schema, path.slice(i), evaluate, cur, depth + 1));
      return answers.every((a) => a === undefined) ? undefined : 'unknown';
    }
    if (i === path.length) {
      const allowed = getProp(node, 'allowedValues');
      return allowed?.type === 'array' ? { values: (allowed.children ?? []).map(evaluate) } : undefined;
    }
    const key = path[i++]!;
    let next: JsonNode | undefined;
    if (typeof key === 'string') next = getProp(getProp(node, 'properties'), key) ?? getProp(node, 'additionalProperties');
    else next = getProp(node, 'prefixItems')?.children?.[key] ?? getProp(node, 'items');
    if (next?.type !== 'object') return undefined;
    node = next;
    cur = memberAt(cur, key);
  }
}

/** `#/definitions/x` references followed at most this many times (a cycle is invalid anyway). */
const MAX_REF_DEPTH = 16;

/**
 * A parameter's `allowedValues`: its own, else those of the type definition its `$ref` names
 * (languageVersion 2.0, which Bicep emits for user-defined types: `"gpuVmSize": { "$ref":
 * "#/definitions/gpuSize" }` with `definitions.gpuSize.allowedValues`), following nested
 * `$ref`s. `unknown` when a `$ref` cannot be resolved (the guard exists but its values are not
 * known); undefined when there is no restriction.
 */
function allowedValuesNode(root: JsonNode, decl: JsonNode | undefined): JsonNode | 'unknown' | undefined {
  let node = decl;
  for (let depth = 0; node && depth <= MAX_REF_DEPTH; depth++) {
    const allowed = getProp(node, 'allowedValues');
    if (allowed?.type === 'array') return allowed;
    const ref = getProp(node, '$ref')?.value;
    if (typeof ref !== 'string') return undefined;
    const m = /^#\/definitions\/([^/]+)$/.exec(ref);
    node = m ? getProp(getProp(root, 'definitions'), m[1]!) : undefined;
    if (!node) return 'unknown';
  }
  return node ? 'unknown' : undefined;
}
