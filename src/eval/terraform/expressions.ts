/**
 * Evaluates HCL expressions to `Value`s with origins.
 *
 * Names (`var.x`, `local.y`, `azurerm_x.y.id`, `module.m.out`, `each.value`) are resolved by
 * the caller through `EvalContext.resolveRoot`; this module knows the expression
 * semantics only: operators, conditionals, templates, `for`, splats, function calls.
 */
import path from 'node:path';
import type { Location } from '../../core/source.js';
import type { Expression, TemplatePart, TraversalStep } from '../../parse/hcl/ast.js';
import {
  agreedParts, bool, list, memberOfReadOut, num, obj, str, throughCollection, unknown, containsUnknown, chosenBy, compared, decidingInput, decisionOf, derived, elementOf, itemAt, leftOutBy, memberOf, negated, withProvenanceOf,
  type Decision, type Value,
} from '../../core/value.js';
import { asString, callFunction, isErrorUnknown, valuesEqual } from './functions.js';
import { EvalGuard } from './guard.js';
import type { HeredocYamlReader, InterpolationValue } from './heredoc-yaml.js';
import type { DataFileRead } from './data-files.js';

export interface RootResolution {
  value: Value;
  /** How many traversal steps the resolver consumed (e.g. `var.x` consumes the `.x`). */
  consumed: number;
}

export interface EvalContext {
  file: string;
  /** Resolves a traversal root (and possibly its first steps); undefined → unknown name. */
  resolveRoot(root: string, steps: TraversalStep[], at: Location): RootResolution | undefined;
  /** Iteration variables of enclosing `for` expressions and `dynamic` blocks. */
  readonly iteration?: ReadonlyMap<string, Value>;
  /** Contains failures and enforces the time budget (a fresh one per call when absent). */
  readonly guard?: EvalGuard;
  /**
   * `yamldecode(file(p))` / `jsondecode(file(p))`: the data file's content as values located
   * in that file; undefined when it cannot be read (outside the scan root, missing, invalid).
   */
  readonly readDataFile?: DataFileRead;
  /** Decodes a heredoc as YAML, where it is written (`yamldecode(<<EOT …)`, a `kubectl_manifest`'s `yaml_body`). */
  readonly heredocYaml?: HeredocYamlReader;
}

/**
 * Items a `for` expression iterates before its result is unknown. Above the instance cap (a
 * `for_each = toset([for i in range(1024) : …])` is expanded to RULES.md's 1,024 instances, and a
 * larger collection is capped there with EVAL001, not left unknown: review 105), and well above
 * real maps of pools or subnets; the evaluation guard's time budget bounds nested loops.
 */
const MAX_FOR_ITEMS = 10_000;

// Loops over syntax-tree lists and pairs are written with an index here and in the module
// instance: the CLI runs most of this code in V8's interpreter (src/core/jit.ts), where a
// for…of (and an array destructuring) makes an iterator and a result object per element.
/** Longest string a template builds (characters); longer is unknown. */
export const MAX_STRING_LENGTH = 10_000_000;

/** The name resolver of a constant expression (a default, a var file's value, a literal body): no name resolves. */
export function noNames(): undefined {
  return undefined;
}

export function loc(ctx: EvalContext, e: { range: Location['range'] }): Location {
  return { file: ctx.file, range: e.range };
}

/** `ctx` with the iteration variables of one step of a `for`: the value's, then the key's (when named). */
function withIteration(ctx: EvalContext, valueVar: string, value: Value, keyVar: string | undefined, key: Value): EvalContext {
  const m = new Map(ctx.iteration ?? []);
  m.set(valueVar, value);
  if (keyVar) m.set(keyVar, key);
  return { ...ctx, iteration: m };
}

/** Applies one traversal step to a value. */
export function applyStep(v: Value, step: TraversalStep, ctx: EvalContext): Value {
  if (v.kind === 'unknown') {
    // Keep the identity token for attribute access on references (`x.id` links resources); the
    // `id` of a whole instance (`local.ws.id`, local.ws = azapi_resource.ws) is the instance's.
    if (v.instance && step.type === 'GetAttr' && step.name === 'id') return unknown(v.reason, v.origin, v.token);
    const reading = unknown(v.reason, v.origin, v.token && step.type === 'GetAttr' ? `${v.token}.${step.name}` : undefined);
    // `var.pools[var.env].vm_size`, `….pools[var.env]["vm_size"]`: the member of whichever item (GPU002).
    const name = step.type === 'GetAttr' ? step.name : v.readOutOf ? asString(evalNode(step.key, ctx)) : undefined;
    return name !== undefined ? memberOfReadOut(v, name, reading) : reading;
  }
  // The usual step reads a set attribute: no location is made for it.
  const found = step.type === 'GetAttr' && v.kind === 'object' ? v.entries.get(step.name) : undefined;
  if (found) return memberOf(v, found);
  const at = { file: ctx.file, range: step.range };
  if (step.type === 'GetAttr') {
    // A failed access remembers the input it failed on: `try(var.x.y, null)` is decided by `var.x`.
    if (v.kind === 'object') return derived(unknown(`attribute "${step.name}" is not set`, at), at, [v]);
    if (v.kind === 'null') return derived(unknown(`attribute "${step.name}" of null`, at), at, [v]);
    return derived(unknown(`attribute "${step.name}" of a ${v.kind}`, at), at, [v]);
  }
  const key = evalNode(step.key, ctx);
  return indexValue(v, key, at);
}

function indexValue(v: Value, key: Value, at: Location): Value {
  if (v.kind === 'unknown') return v;
  // An unknown key of a known collection: the collection still feeds the value (its chain, the
  // variable `var.gpu_size[terraform.workspace]` reads: GPU002 judges that variable; review 82).
  if (key.kind === 'unknown') return throughCollection(unknown(key.reason, at), v);
  if (v.kind === 'list') {
    const i = key.kind === 'number' ? key.value : key.kind === 'string' ? Number(key.value) : NaN;
    return Number.isInteger(i) && i >= 0 && i < v.items.length ? itemAt(v, key, v.items[i]!) : derived(unknown(`index ${asString(key)} out of range`, at), at, [v, key]);
  }
  if (v.kind === 'object') {
    const k = asString(key);
    const entry = k !== undefined ? v.entries.get(k) : undefined;
    return entry ? memberOf(v, entry) : derived(unknown(`key ${JSON.stringify(k)} not found`, at), at, [v, key]);
  }
  return derived(unknown(`cannot index a ${v.kind}`, at), at, [v]);
}

function truthy(v: Value): boolean | undefined {
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'string' && (v.value === 'true' || v.value === 'false')) return v.value === 'true';
  return undefined;
}

function numeric(v: Value): number | undefined {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string' && v.value.trim() !== '' && !Number.isNaN(Number(v.value))) return Number(v.value);
  return undefined;
}

/**
 * Evaluates one expression. Never throws: an exception inside becomes an unknown value and
 * an EVAL001 problem at the expression (see guard.ts), and the per-file time budget applies.
 */
export function evaluate(e: Expression, ctx: EvalContext): Value {
  const guard = ctx.guard ?? new EvalGuard();
  const inner = ctx.guard ? ctx : { ...ctx, guard };
  return guard.runAt(ctx.file, e.range, evalNode, e, inner);
}

function evalNode(e: Expression, ctx: EvalContext): Value {
  ctx.guard?.tick();
  // Wrappers are their inner value: no location of their own is needed.
  if (e.type === 'TemplateWrap') return evalNode(e.wrapped, ctx);
  if (e.type === 'Parentheses') return evalNode(e.expr, ctx);
  if (e.type === 'ScopeTraversal') {
    // Here, before the location below: a traversal makes one only for its resolver (an
    // iteration variable needs none).
    const it = ctx.iteration?.get(e.root);
    let value: Value;
    let consumed = 0;
    if (it) value = it;
    else {
      const at = loc(ctx, e);
      const r = ctx.resolveRoot(e.root, e.steps, at);
      if (!r) return unknown(`unknown name "${e.root}"`, at);
      value = r.value;
      consumed = r.consumed;
    }
    for (let i = consumed; i < e.steps.length; i++) value = applyStep(value, e.steps[i]!, ctx);
    return value;
  }
  const at = loc(ctx, e);
  switch (e.type) {
    case 'Literal':
      if (e.value === null) return { kind: 'null', origin: at };
      return typeof e.value === 'number' ? num(e.value, at) : bool(e.value, at);
    case 'Template': {
      const v = evalTemplate(e.parts, ctx, at);
      // A heredoc may be YAML that is decoded (`yamldecode`, a `kubectl_manifest`'s `yaml_body`): when read, where it is written.
      const decode = ctx.heredocYaml;
      if (!e.heredoc || !decode || (v.kind !== 'string' && v.kind !== 'unknown')) return v;
      const file = ctx.file;
      // (Its interpolations' values, evaluated as Terraform fills them in, where each is one scalar.)
      return { ...v, yaml: () => decode(file, e, at, (x) => evalNode(x, ctx)) };
    }
    case 'Tuple':
      return list(e.items.map((i) => evalNode(i, ctx)), at);
    case 'Object': {
      const m = new Map<string, Value>();
      const keyOrigins = new Map<string, Location>();
      for (let i = 0; i < e.items.length; i++) {
        const item = e.items[i]!;
        let key: string | undefined;
        let keyAt: Location | undefined;
        if (item.bareKey && item.key.type === 'ScopeTraversal' && item.key.steps.length === 0) {
          key = item.key.root;
          keyAt = loc(ctx, item.key);
        } else {
          const k = evalNode(item.key, ctx);
          if (k.kind === 'unknown') return unknown(k.reason, at);
          key = asString(k);
          keyAt = k.origin;
        }
        if (key === undefined) return unknown('object key is not a string', at);
        m.set(key, evalNode(item.value, ctx));
        if (keyAt) keyOrigins.set(key, keyAt);
      }
      return { ...obj(m, at), keyOrigins };
    }
    case 'RelativeTraversal': {
      let value = evalNode(e.source, ctx);
      for (let i = 0; i < e.steps.length; i++) value = applyStep(value, e.steps[i]!, ctx);
      return value;
    }
    case 'Index':
      return indexValue(evalNode(e.collection, ctx), evalNode(e.key, ctx), at);
    case 'Splat': {
      const src = evalNode(e.source, ctx);
      if (src.kind === 'unknown') return src;
      const items = src.kind === 'list' ? src.items : src.kind === 'null' ? [] : [src];
      return list(items.map((item) => e.each.reduce((v, s) => applyStep(v, s, ctx), item)), at);
    }
    case 'FunctionCall':
      return evalCall(e, ctx, at);
    case 'Conditional': {
      const c = evalNode(e.condition, ctx);
      const t = truthy(c);
      // RULES.md "Values chosen by a condition": a branch written here is located at the input
      // that decided the condition; a branch that passes an input through keeps its origin.
      if (t !== undefined) {
        const branch = t ? e.trueExpr : e.falseExpr;
        const other = t ? e.falseExpr : e.trueExpr;
        const d = decisionOf(c, loc(ctx, e.condition));
        const chosen = chosenBy(unifiedWithText(evalNode(branch, ctx), other), loc(ctx, branch), d);
        // An object it chooses lacks the keys the other branch's object writes (`c ? { publicNetworkAccess
        // = "Disabled" } : {}`): left out by the decision, located at the input that decided it.
        return leftOutBy(chosen, objectLiteralKeys(other), loc(ctx, branch), d);
      }
      // Unknown condition: known only when both branches agree.
      const a = evalNode(e.trueExpr, ctx);
      const b = evalNode(e.falseExpr, ctx);
      const reason = c.kind === 'unknown' ? c.reason : 'condition is not a bool';
      if (valuesEqual(a, b) === true) return { ...a, origin: at };
      // What both branches give is known whatever the condition (review 85): objects key by key, lists item by item.
      return agreedParts(a, b, at, reason) ?? unknown(reason, at);
    }
    case 'UnaryOp': {
      const v = evalNode(e.operand, ctx);
      if (v.kind === 'unknown') return unknown(v.reason, at);
      if (e.op === '!') {
        const t = truthy(v);
        return t === undefined ? unknown('operand of ! is not a bool', at) : negated(bool(!t, at), v, at);
      }
      const n = numeric(v);
      return n === undefined ? unknown('operand of - is not a number', at) : derived(num(-n, at), at, [v]);
    }
    case 'BinaryOp': {
      const a = evalNode(e.left, ctx);
      const b = evalNode(e.right, ctx);
      const r = evalBinary(e.op, a, b, at);
      // `false && x` is decided by its false operand, `true || x` by its true one.
      const decisive = r.kind === 'bool' && (e.op === '&&' || e.op === '||') && truthy(b) === r.value && truthy(a) !== r.value ? [b, a] : [a, b];
      return derived(r, at, decisive);
    }
    case 'For':
      return evalFor(e, ctx, at);
  }
}

/**
 * A conditional's result has one type for both branches: a number or bool chosen beside a quoted
 * string (a template, always a string) becomes its text, as Terraform converts both results to
 * their common type (`(c ? 1 : "custom") == "1"` holds). Other branch types are not inferred here.
 */
function unifiedWithText(chosen: Value, other: Expression): Value {
  if ((chosen.kind !== 'number' && chosen.kind !== 'bool') || other.type !== 'Template') return chosen;
  return withProvenanceOf(str(asString(chosen)!), chosen);
}

/** An object key written as a name or a plain quoted string; undefined for any other key. */
export function literalKey(key: Expression, bareKey: boolean): string | undefined {
  if (bareKey && key.type === 'ScopeTraversal' && key.steps.length === 0) return key.root;
  if (key.type === 'Template' && !key.heredoc && key.parts.length === 1 && key.parts[0]!.type === 'TemplateLiteral') return key.parts[0]!.value;
  return undefined;
}

/** The keys an object literal writes, when every one is a literal key (`literalKey`); else undefined. */
function objectLiteralKeys(e: Expression): string[] | undefined {
  if (e.type !== 'Object') return undefined;
  const keys: string[] = [];
  for (const item of e.items) {
    const key = literalKey(item.key, item.bareKey);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return keys;
}

/** The reason of the first unknown operand (so `--verbose` names the data source behind it). */
function unknownReason(a: Value, b: Value): string {
  if (a.kind === 'unknown') return a.reason;
  if (b.kind === 'unknown') return b.reason;
  return 'operand is not known';
}

function evalBinary(op: string, a: Value, b: Value, at: Location): Value {
  if (op === '&&' || op === '||') {
    const x = truthy(a);
    const y = truthy(b);
    // cty decides `false && unknown` and `true || unknown`.
    if (op === '&&' && (x === false || y === false)) return bool(false, at);
    if (op === '||' && (x === true || y === true)) return bool(true, at);
    if (x === undefined || y === undefined) return unknown(unknownReason(a, b), at);
    return bool(op === '&&' ? x && y : x || y, at);
  }
  if (op === '==' || op === '!=') {
    const eq = valuesEqual(a, b);
    if (eq === undefined) return unknown(unknownReason(a, b), at);
    return compared(bool(op === '==' ? eq : !eq, at), a, b, at);
  }
  if (a.kind === 'unknown') return unknown(a.reason, at);
  if (b.kind === 'unknown') return unknown(b.reason, at);
  const x = numeric(a);
  const y = numeric(b);
  if (x === undefined || y === undefined) return unknown(`operands of ${op} are not numbers`, at);
  switch (op) {
    case '+': return num(x + y, at);
    case '-': return num(x - y, at);
    case '*': return num(x * y, at);
    case '/': return y === 0 ? unknown('division by zero', at) : num(x / y, at);
    case '%': return y === 0 ? unknown('division by zero', at) : num(x % y, at);
    case '<': return bool(x < y, at);
    case '<=': return bool(x <= y, at);
    case '>': return bool(x > y, at);
    case '>=': return bool(x >= y, at);
  }
  return unknown(`operator ${op}`, at);
}

function evalTemplate(parts: TemplatePart[], ctx: EvalContext, at: Location): Value {
  // Most templates are one literal (a plain quoted string): its text, as the loop below makes it.
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only?.type === 'TemplateLiteral' && only.value.length <= MAX_STRING_LENGTH) return str(only.value, at);
  // A template that is one `%{if}` directive chooses its text as `c ? a : b` does (RULES.md
  // "Values chosen by a condition"): the text is located at the input that decided the condition.
  if (only?.type === 'TemplateIf') {
    const c = evalNode(only.condition, ctx);
    const t = truthy(c);
    if (t === undefined) return unknown('template condition is not known', at);
    return chosenBy(evalTemplate(t ? only.then : (only.else ?? []), ctx, at), at, decisionOf(c, loc(ctx, only.condition)));
  }
  let out = '';
  /** The interpolated values, for the input the text was computed from (`derived`). */
  const holes: Value[] = [];
  for (let i = 0; i < parts.length; i++) {
    const v = evalTemplatePart(parts[i]!, ctx, at, holes);
    if (v.kind === 'unknown') return { ...unknown(v.reason, at, pathToken(v, parts, i)), literals: templateLiterals(parts, i, out) };
    out += (v as { value: string }).value;
    // A string that doubles through a chain of locals outgrows memory long before it is useful.
    if (out.length > MAX_STRING_LENGTH) return unknown(`string longer than ${MAX_STRING_LENGTH.toLocaleString('en')} characters`, at);
  }
  // A template of one literal keeps the literal's own range (the quoted string).
  return derived(str(out, at), at, holes);
}

/**
 * The known text pieces of a template whose part `i` is unknown (`UnknownValue.literals`):
 * `before` (the text up to it), then the literal parts after it, split at every interpolation
 * that follows (not evaluated: each may be unknown too).
 */
function templateLiterals(parts: TemplatePart[], i: number, before: string): string[] {
  const out = [before, ''];
  for (let j = i + 1; j < parts.length; j++) {
    const p = parts[j]!;
    if (p.type === 'TemplateLiteral') out[out.length - 1] += p.value;
    else out.push('');
  }
  return out;
}

/**
 * `"${azapi_resource.sa.id}/blobServices/default"`: a reference followed only by literal text
 * keeps the reference's token with the text appended (`tf:azapi_resource.sa/blobServices/default`),
 * so an azapi child's `parent_id` written as a path below its parent can still be linked
 * (from-terraform.ts). Any other unknown template has no token.
 */
function pathToken(v: Value & { kind: 'unknown' }, parts: TemplatePart[], i: number): string | undefined {
  if (i !== 0 || !v.token?.startsWith('tf:')) return undefined;
  let rest = '';
  for (let j = 1; j < parts.length; j++) {
    const p = parts[j]!;
    if (p.type !== 'TemplateLiteral') return undefined;
    rest += p.value;
  }
  return rest.startsWith('/') ? `${v.token}${rest}` : undefined;
}

function evalTemplatePart(p: TemplatePart, ctx: EvalContext, at: Location, holes: Value[] = []): Value {
  switch (p.type) {
    case 'TemplateLiteral':
      return str(p.value);
    case 'TemplateInterpolation': {
      const v = evalNode(p.expr, ctx);
      if (v.kind === 'unknown') return v;
      holes.push(v);
      const s = asString(v);
      return s === undefined ? unknown(`cannot interpolate a ${v.kind}`, at) : str(s);
    }
    case 'TemplateIf': {
      const c = truthy(evalNode(p.condition, ctx));
      if (c === undefined) return unknown('template condition is not known', at);
      return evalTemplate(c ? p.then : (p.else ?? []), ctx, at);
    }
    case 'TemplateFor': {
      const coll = evalNode(p.collection, ctx);
      const pairs = iterate(coll);
      if (!pairs) return unknown('template for collection is not known', at);
      let out = '';
      for (let i = 0; i < pairs.length; i++) {
        const pair = pairs[i]!;
        const r = evalTemplate(p.body, withIteration(ctx, p.valueVar, pair[1], p.keyVar, pair[0]), at);
        if (r.kind !== 'string') return r;
        out += r.value;
      }
      return str(out);
    }
  }
}

/** Key/value pairs of a collection for `for` and `for_each`; undefined when not iterable/known. */
/**
 * The elements a `for` expression, `dynamic` block or `for_each` walks, in Terraform's order: a
 * list's by index; a map's or object's by key in lexical order, whatever order they were
 * written in ("for Expressions", Element Ordering: "For maps and objects, Terraform sorts the
 * elements by key or attribute name, using lexical sorting"; `keys()` and `values()` likewise).
 * So `dynamic "agent_pool_profile"` over `{ zgpu = …, asys = … }` makes the `asys` block first.
 */
export function iterate(coll: Value): [Value, Value][] | undefined {
  if (coll.kind === 'list') return coll.items.map((v, i) => [num(i, v.origin), v]);
  if (coll.kind === 'object') {
    const keys = [...coll.entries.keys()];
    // Already in order (nearly always: written so, or made by an earlier walk): no sort.
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
    if (!sorted) keys.sort();
    return keys.map((k) => {
      const v = coll.entries.get(k)!;
      return [str(k, coll.keyOrigins?.get(k) ?? v.origin), v];
    });
  }
  return undefined;
}

function evalFor(e: Extract<Expression, { type: 'For' }>, ctx: EvalContext, at: Location): Value {
  const coll = evalNode(e.collection, ctx);
  const pairs = iterate(coll);
  if (!pairs) return unknown(coll.kind === 'unknown' ? coll.reason : 'for collection is not iterable', at);
  if (pairs.length > MAX_FOR_ITEMS) return unknown(`a for expression over more than ${MAX_FOR_ITEMS.toLocaleString('en-US')} items is not evaluated`, at);
  const items: Value[] = [];
  const groups = new Map<string, Value[]>();
  const entries = new Map<string, Value>();
  // `{ for k, v in m : k => … }`: each key is where its value was written (the map's key, for `k`).
  const keyOrigins = new Map<string, Location>();
  const loop = { at: loc(ctx, e.collection), name: 'for' };
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    // The value is an element of the collection, with its named inputs (`{ for p in var.gpu_pools : p.name => p }`:
    // each pool's size still comes from "gpu_pools", value.ts elementOf; review 106).
    // Both held by the loop when written in the for's own collection (value.ts heldByLoop).
    const inner = withIteration(ctx, e.valueVar, elementOf(coll, pair[1], loop), e.keyVar, elementOf(coll, pair[0], loop));
    if (e.condition) {
      const c = truthy(evalNode(e.condition, inner));
      if (c === undefined) return unknown('for condition is not known', at);
      if (!c) continue;
    }
    const value = evalNode(e.valueExpr, inner);
    if (!e.keyExpr) {
      items.push(value);
      continue;
    }
    const key = evalNode(e.keyExpr, inner);
    const ks = asString(key);
    if (ks === undefined) return unknown('for key is not known', at);
    if (key.origin && !keyOrigins.has(ks)) keyOrigins.set(ks, key.origin);
    if (e.group) {
      const g = groups.get(ks);
      if (g) g.push(value);
      else groups.set(ks, [value]);
    } else entries.set(ks, value);
  }
  if (!e.keyExpr) return list(items, at);
  if (e.group) for (const [k, vs] of groups) entries.set(k, list(vs, at));
  return { ...obj(entries, at), keyOrigins };
}

/**
 * `r`, what `fn(file)` is (its text not known), with the document of `file` for what decodes it
 * as YAML (a `kubectl_manifest`'s `yaml_body`), read as `kind` (`file()`: YAML; `templatefile()`:
 * a template), located in that file.
 */
function readAsYaml(r: Extract<Value, { kind: 'unknown' }>, read: DataFileRead, kind: 'yaml' | 'template', fn: string, file: string, at: Location, valueOf?: InterpolationValue): Value {
  return { ...r, yaml: () => read(kind, file, at, valueOf) ?? unknown(`${fn}("…/${path.basename(file)}"): the file is outside the scan root (not read)`, at) };
}

/**
 * What a template's interpolation is, given `templatefile`'s variables `vars`: a variable and
 * static steps into it (`${gpus}`, `${pool.taint}`), its value as the call passes it (located
 * where the call's caller writes it). Any other expression (a function, arithmetic) is not
 * evaluated: its values would be located in the template's text as parsed, not as written.
 */
function templateVariable(vars: Value, ctx: EvalContext): InterpolationValue | undefined {
  if (vars.kind !== 'object') return undefined;
  const scope: EvalContext = { file: ctx.file, ...(ctx.guard ? { guard: ctx.guard } : {}), resolveRoot: (root) => (vars.entries.has(root) ? { value: vars.entries.get(root)!, consumed: 0 } : undefined) };
  return (e) => {
    if (e.type !== 'ScopeTraversal' || !vars.entries.has(e.root)) return undefined;
    for (const s of e.steps) if (s.type === 'Index' && s.key.type !== 'Literal' && s.key.type !== 'Template') return undefined;
    return evalNode(e, scope);
  };
}

/** A path `file()` reads as JSON text (see evalCall). */
const JSON_DOCUMENT = /\.json$/i;

/**
 * `yamldecode(file("${path.module}/pools.yaml"))`: the file read and decoded with each value
 * located where it is written in the data file (config-driven node pools), instead of unknown.
 */
function decodedDataFile(e: Extract<Expression, { type: 'FunctionCall' }>, ctx: EvalContext, kind: 'yaml' | 'json', at: Location): Value | undefined {
  const arg = e.args[0];
  if (e.args.length !== 1 || arg?.type !== 'FunctionCall' || arg.name !== 'file' || arg.args.length !== 1) return undefined;
  const p = evalNode(arg.args[0]!, ctx);
  return p.kind === 'string' ? ctx.readDataFile?.(kind, p.value, at) : undefined;
}

function evalCall(e: Extract<Expression, { type: 'FunctionCall' }>, ctx: EvalContext, at: Location): Value {
  const name = e.name.includes('::') ? e.name : e.name;
  // try() and can() must see errors, not values: an unknown caused by an evaluation error
  // (index out of range, missing attribute) falls through; an unknown input stays unknown.
  if (name === 'try') {
    // The argument that succeeds is chosen by the failures before it (RULES.md "Values
    // chosen by a condition"): the input the first failing argument failed on decides.
    let failed: Decision | undefined;
    for (const arg of e.args) {
      const v = evalNode(arg, ctx);
      if (v.kind === 'unknown' && isErrorUnknown(v)) {
        failed ??= decisionOf(v, loc(ctx, arg), 'try() argument that failed');
        continue;
      }
      return failed ? chosenBy(v, loc(ctx, arg), failed) : v;
    }
    return unknown('no try() argument succeeded', at);
  }
  if (name === 'can') {
    // Terraform requires exactly one argument; anything else is an error of the call.
    if (e.args.length !== 1) return unknown(`can() takes exactly one argument, not ${e.args.length}`, at, 'error:arguments');
    const v = evalNode(e.args[0]!, ctx);
    // Its result is computed from the argument: a condition `can(var.x.y) ? a : b` is decided by
    // the input the argument read (or failed on), as try() records it (RULES.md "Values chosen
    // by a condition").
    if (v.kind !== 'unknown') return derived(bool(true, at), at, [v]);
    return isErrorUnknown(v) ? derived(bool(false, at), at, [v]) : unknown(v.reason, at);
  }
  if ((name === 'yamldecode' || name === 'jsondecode') && ctx.readDataFile) {
    const decoded = decodedDataFile(e, ctx, name === 'yamldecode' ? 'yaml' : 'json', at);
    if (decoded) return decoded;
  }
  // `policy_rule = file("${path.module}/rules/deny.json")`: a JSON document inside the scan root
  // is read as its text (policy rules and parameters, azapi bodies take JSON text), located in
  // that file with its values (data-files.ts), so a secret the document holds is reported there
  // (SEC001), as `jsondecode(file(…))`'s is. Other files (scripts, keys, a password file) stay
  // unknown: no rule reads such text, and a value written nowhere in the code is not judged.
  if (name === 'file' && ctx.readDataFile && e.args.length === 1) {
    const p = evalNode(e.args[0]!, ctx);
    const text = p.kind === 'string' && JSON_DOCUMENT.test(p.value) ? ctx.readDataFile('text', p.value, at) : undefined;
    if (text) return text;
    // A file's text other than JSON stays unknown, but what decodes it as YAML (a `kubectl_manifest`'s
    // `yaml_body = file("job.yaml")`) reads the document, located in that file.
    if (p.kind === 'string') {
      // (Derived from its path, as every function's result: `file(var.path)`.)
      const r = derived(callFunction(name, [p], at), at, [p]);
      if (r.kind === 'unknown') return readAsYaml(r, ctx.readDataFile, 'yaml', name, p.value, at);
    }
  }
  // `templatefile("job.yaml.tftpl", {…})` is not evaluated, but what decodes it as YAML reads the
  // template's document, located in its file: a scalar that is one of the call's variables is the
  // value it passes (templateVariable), any other interpolation unknown where it stands
  // (heredoc-yaml.ts). A manifest the run lints on its own is left to its lint.
  if (name === 'templatefile' && ctx.readDataFile && e.args.length === 2) {
    const p = evalNode(e.args[0]!, ctx);
    const args = [p, evalNode(e.args[1]!, ctx)];
    const r = derived(callFunction(name, args, at), at, args);
    return p.kind === 'string' && r.kind === 'unknown' ? readAsYaml(r, ctx.readDataFile, 'template', name, p.value, at, templateVariable(args[1]!, ctx)) : r;
  }
  let args = e.args.map((a) => evalNode(a, ctx));
  if (e.expandFinal && args.length > 0) {
    const last = args[args.length - 1]!;
    if (last.kind !== 'list') return unknown('cannot expand the final argument', at);
    args = [...args.slice(0, -1), ...last.items];
  }
  // `yamldecode(<<EOT … EOT)`, `yamldecode(local.job_yaml)`: a heredoc's document where it is written.
  const text = name === 'yamldecode' && args.length === 1 ? args[0]! : undefined;
  if ((text?.kind === 'string' || text?.kind === 'unknown') && text.yaml) return text.yaml();
  const r = callFunction(name, args, at);
  // `yamlencode(x)`: its text is not made (Terraform's YAML style is not modelled), but what decodes
  // it as YAML (a kubectl_manifest's yaml_body) reads `x` itself, each value where it is written.
  if (name === 'yamlencode' && args.length === 1 && r.kind === 'unknown') {
    const x = args[0]!;
    return { ...derived(r, at, args), yaml: () => x };
  }
  // lookup(m, k, d) is try(m[k], d): the default it returns is chosen by the map that lacks the
  // key (or, when the map depends on no input, by the key), as try() and coalesce() below.
  if (name === 'lookup' && e.args.length === 3 && args.length === 3 && r === args[2] && args[0]!.kind === 'object') {
    const sites = e.args.map((a) => loc(ctx, a));
    const i = decidingInput(args[0]!, sites[0]!) === undefined && decidingInput(args[1]!, sites[1]!) !== undefined ? 1 : 0;
    return chosenBy(r, sites[2]!, decisionOf(args[i]!, sites[i]!, i === 0 ? 'lookup() map without the key' : 'lookup() key'));
  }
  // coalesce(): the argument it returns is chosen by the null or empty ones before it.
  const k = name === 'coalesce' && e.args.length === args.length ? args.indexOf(r) : -1;
  if (k > 0) {
    const sites = e.args.map((a) => loc(ctx, a));
    const i = Math.max(0, args.slice(0, k).findIndex((a, j) => decidingInput(a, sites[j]!) !== undefined));
    return chosenBy(r, sites[k]!, decisionOf(args[i]!, sites[i]!, 'coalesce() argument that was skipped'));
  }
  // (The items of a list it makes, `split(",", var.envs)`, get its input when a loop takes them: value.ts elementOf.)
  return derived(r, at, args);
}

export { containsUnknown };
