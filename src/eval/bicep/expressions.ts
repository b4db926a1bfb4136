/**
 * Bicep expressions to `Value`s with origins: literals, strings with `${…}` holes (lowered to
 * `format()` as the compiler does), objects, arrays, names, property and index access, the
 * ternary. Calls and operators are in `calls.ts`, `for` in `loops.ts`; names that denote
 * resources and modules are resolved through the scope (`resources.ts`, `modules.ts`).
 */
import type { Location } from '../../core/source.js';
import { agreedParts, bool, chosenBy, decisionOf, knownFirstItems, leftOutBy, leftOutOfMerge, list, mergedAfterUnknown, nul, num, obj, str, unknown, unknownAfter } from '../../core/value.js';
import type { UnknownValue, Value } from '../../core/value.js';
import type { Expression, ObjectExpr, StringLiteral } from '../../parse/bicep/index.js';
import { armAccess, armCallToken, callArmFunction, tokenText } from '../arm/evaluate.js';
import { escapeBraces } from '../arm/resourceid.js';
import { evalBinary, evalCall, evalInstanceCall } from './calls.js';
import { U } from './context.js';
import type { Locals } from './context.js';
import { evalFor } from './loops.js';
import type { FileScope } from './scope.js';

export function evaluate(scope: FileScope, e: Expression, locals: Locals): Value {
  // The expression's location is made only where it is used: strings, objects, loops and
  // parentheses make their own or none, and a name read as a local, param or var needs none.
  switch (e.kind) {
    case 'Integer':
      return num(e.value, scope.loc(e.range));
    case 'Boolean':
      return bool(e.value, scope.loc(e.range));
    case 'Null':
      return nul(scope.loc(e.range));
    case 'String':
      return evalString(scope, e, locals);
    case 'Object':
      return evaluateObject(scope, e, locals);
    case 'Variable':
      return evalVariable(scope, e, locals);
    case 'For':
      return evalFor(scope, e, locals);
    case 'Paren':
    case 'NonNull':
      return scope.eval(e.expression, locals);
    default:
      return evaluateAt(scope, e, locals, scope.loc(e.range));
  }
}

/** The other expressions, each of which uses its location. */
function evaluateAt(scope: FileScope, e: Exclude<Expression, { kind: 'Integer' | 'Boolean' | 'Null' | 'String' | 'Object' | 'Variable' | 'For' | 'Paren' | 'NonNull' }>, locals: Locals, loc: Location): Value {
  switch (e.kind) {
    case 'Array': {
      const items: Value[] = [];
      for (let i = 0; i < e.items.length; i++) {
        const it = e.items[i]!;
        if (it.kind === 'Spread') {
          const v = scope.eval(it.expression, locals);
          if (v.kind === 'list' && v.partial) return unknownAfter([...items, ...v.items], unknown('spread of an array with more items than the linter expands', loc));
          if (v.kind === 'list') items.push(...v.items);
          // `[systemPool, ...(gpu ? [gpuPool] : [])]`: the items before it are surely the list's first.
          else return v.kind === 'unknown' ? unknownAfter([...items, ...knownFirstItems(v)], unknown(`spread of an unknown value (${v.reason})`, loc)) : U('spread of a non-array', loc);
        } else items.push(scope.eval(it, locals));
      }
      return list(items, loc);
    }
    case 'Call':
      return evalCall(scope, e.name.name, e.args, locals, loc);
    case 'InstanceCall':
      return evalInstanceCall(scope, e, locals, loc);
    case 'PropertyAccess':
      return evalPropertyAccess(scope, e, locals, loc);
    case 'IndexAccess': {
      const r = scope.resourceSymbol(e, locals);
      if (r) return U(`resource '${r.decl.name.name}' used as a value`, loc, `reference('${r.symbolicName}')`);
      const t = scope.eval(e.object, locals);
      const i = scope.eval(e.index, locals);
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
      const inst = scope.resourceRef(e, locals);
      return inst ? scope.resourceId(inst, loc) : U('the resource cannot be resolved', loc);
    }
    case 'Unary': {
      const v = scope.eval(e.operand, locals);
      if (e.operator === '!') return callArmFunction('not', [v], loc)!;
      return callArmFunction('sub', [num(0, loc), v], loc)!;
    }
    case 'Binary':
      return evalBinary(scope, e.operator, scope.eval(e.left, locals), e.right, locals, loc);
    case 'Ternary': {
      const c = scope.eval(e.condition, locals);
      // RULES.md "Values chosen by a condition": a branch written here is located at the input
      // that decided the condition; a branch that passes an input through keeps its origin.
      if (c.kind === 'bool') {
        const branch = c.value ? e.consequent : e.alternate;
        const other = c.value ? e.alternate : e.consequent;
        const d = decisionOf(c, scope.loc(e.condition.range));
        // An object it chooses lacks the keys the other branch's object literal writes: left out by the decision.
        const otherKeys = other.kind === 'Object' && other.members.every((m) => m.kind === 'ObjectProperty' && m.keyName !== null) ? other.members.map((m) => (m as { keyName: string }).keyName) : undefined;
        return leftOutBy(chosenBy(scope.eval(branch, locals), scope.loc(branch.range), d), otherKeys, scope.loc(branch.range), d);
      }
      const a = scope.eval(e.consequent, locals);
      const b = scope.eval(e.alternate, locals);
      if (c.kind === 'unknown') {
        const reason = `the condition depends on an unknown value (${c.reason})`;
        // What both branches give is known whatever the condition (review 85).
        const agreed = agreedParts(a, b, loc, reason);
        if (agreed) return agreed;
        const parts = [c, a, b].map(tokenText);
        return U(reason, loc, parts.every((p) => p !== undefined) ? `if(${parts.join(', ')})` : undefined);
      }
      return U('the condition is not a boolean', loc);
    }
    case 'Lambda':
      return U('lambda functions are not evaluated', loc);
    case 'Error':
      return U('the expression could not be parsed', loc);
  }
}

/** An object literal; `skip` leaves out keys (a resource body's `name`, `parent`, …). */
export function evaluateObject(scope: FileScope, o: ObjectExpr, locals: Locals, skip?: (key: string) => boolean): Value {
  const m = new Map<string, Value>();
  const loc = scope.loc(o.range);
  const members = o.members;
  // Spread objects a condition chose without some keys (`...(c ? { x: … } : {})`): those keys are left out of this one too.
  let spread: Value[] | undefined;
  // The last spread of an unknown value: the keys before it are not known, those after it are
  // (a spread is `shallowMerge`, BICEP.md §4.6: a later key replaces an earlier one whole).
  let unknownSpread: UnknownValue | undefined;
  for (let i = 0; i < members.length; i++) {
    const mem = members[i]!;
    if (mem.kind === 'ResourceDecl') continue;
    if (mem.kind === 'Spread') {
      const v = scope.eval(mem.expression, locals);
      if (v.kind === 'object') {
        v.entries.forEach((e, k) => m.set(k, e));
        if (v.leftOut) (spread ??= []).push(v);
        continue;
      }
      if (v.kind === 'null') continue;
      if (v.kind !== 'unknown') return U('spread of a non-object', loc);
      unknownSpread = { ...unknown(`spread of an unknown value (${v.reason})`, loc), ...(v.knownMembers ? { knownMembers: v.knownMembers } : {}) };
      m.clear();
      spread = undefined;
      continue;
    }
    let key = mem.keyName;
    if (key === null) {
      const kv = scope.eval(mem.key as StringLiteral, locals);
      if (kv.kind !== 'string') return U('an object key depends on an unknown value', loc);
      key = kv.value;
    }
    if (skip?.(key)) continue;
    m.set(key, stackSafe(scope, mem.value, locals));
  }
  if (unknownSpread) return mergedAfterUnknown(unknownSpread, [obj(m, loc)], false);
  return spread ? leftOutOfMerge(obj(m, loc), spread) : obj(m, loc);
}

/**
 * `e` evaluated; an expression too deep for the call stack (a flat chain of thousands of
 * operators: hostile input the parser accepts) is unknown, with EVAL001 at it, and the
 * declaration or object around it is still read (a resource's other properties are linted).
 * (No closure: it wraps every object member's evaluation.)
 */
export function stackSafe(scope: FileScope, e: Expression, locals: Locals): Value {
  try {
    return scope.eval(e, locals);
  } catch (err) {
    if (!(err instanceof RangeError) || !/call stack/i.test(err.message)) throw err;
    scope.problem('This expression is nested too deeply to evaluate; its value is treated as unknown.', e.range);
    return U('the expression is nested too deeply to evaluate', scope.loc(e.range));
  }
}

/** `'a${x}b'` is `format('a{0}b', x)`, so unknown holes give the compiled twin's token. */
function evalString(scope: FileScope, e: StringLiteral, locals: Locals): Value {
  const loc = scope.loc(e.range);
  if (e.value !== null) return str(e.value, loc);
  const args: Value[] = [str(formatOf(e), loc)];
  const holes = e.expressions;
  for (let i = 0; i < holes.length; i++) args.push(scope.eval(holes[i]!, locals));
  return callArmFunction('format', args, loc)!;
}

/**
 * The `format()` string of an interpolated string (`'a${x}b'` → `'a{0}b'`): it depends on the
 * literal segments only, so it is made once per node, not at every evaluation (a module's
 * strings are evaluated once per call).
 */
function formatOf(e: StringLiteral): string {
  let fmt = FORMATS.get(e);
  if (fmt === undefined) {
    fmt = '';
    e.segments.forEach((s, i) => {
      fmt += escapeBraces(s);
      if (i < e.expressions.length) fmt += `{${i}}`;
    });
    FORMATS.set(e, fmt);
  }
  return fmt;
}

/** formatOf by node (released with the tree). */
const FORMATS = new WeakMap<StringLiteral, string>();

/** A bare name: a local, param, var, resource, module, imported variable or namespace. */
function evalVariable(scope: FileScope, e: Extract<Expression, { kind: 'Variable' }>, locals: Locals): Value {
  const name = e.name;
  const local = locals?.get(name);
  if (local) return local;
  const p = scope.parameter(name);
  if (p) return p;
  const v = scope.variable(name);
  if (v) return v;
  const loc = scope.loc(e.range);
  const r = scope.resources.get(name) ?? scope.nestedResources.get(name);
  if (r) {
    const inst = scope.resourceRef(e, locals);
    return inst ? scope.resourceId(inst, loc) : U(`resource '${name}' used as a value`, loc);
  }
  if (scope.modules.has(name)) return U(`module '${name}' used as a value`, loc);
  const imp = scope.imports.get(name);
  if (imp) return scope.importedVariable(imp.decl, imp.original, loc);
  if (name === 'az' || name === 'sys') return U(`namespace '${name}'`, loc);
  return U(`'${name}' is not declared`, loc);
}

/** `x.p`: a resource's property, a module's `name`/`outputs`, or a member of a value. */
function evalPropertyAccess(scope: FileScope, e: Extract<Expression, { kind: 'PropertyAccess' }>, locals: Locals, loc: Location): Value {
  const prop = e.property.name;
  // Resource symbols: r.id, r.name, r.properties…
  const inst = scope.resourceRef(e.object, locals);
  if (inst) return scope.resourceProperty(inst, prop, loc);
  if (scope.resourceSymbol(e.object, locals)) return U(`the resource instance cannot be determined`, loc);
  // Module outputs: m.outputs.x
  if (e.object.kind === 'PropertyAccess' && e.object.property.name === 'outputs') {
    const m = scope.moduleRef(e.object.object, locals);
    if (m) return scope.moduleOutput(m, prop, loc);
    if (m === null) return U('the module instance cannot be determined', loc);
  }
  const m = scope.moduleRef(e.object, locals);
  if (m) {
    if (prop === 'name') return m.name;
    if (prop === 'outputs') {
      const child = scope.moduleScope(m);
      if (!child) return U(`outputs of module '${m.sym.decl.name.name}' are not known statically`, loc);
      const o = new Map<string, Value>();
      for (const k of child.outputDecls.keys()) o.set(k, child.output(k)!);
      return obj(o, loc);
    }
    return U(`'${m.sym.decl.name.name}.${prop}' is not known statically`, loc);
  }
  if (m === null) return U('the module instance cannot be determined', loc);
  // `ns.x` of `import * as ns from './file.bicep'`: the exported variable x of that file, as a
  // named import of x reads it (a local, param or var of the same name shadows the namespace).
  const ns = scope.namespaceImport(e.object, locals);
  if (ns) return scope.importedVariable(ns, prop, loc);
  // Namespaces: az.x / sys.x as values are not meaningful.
  const t = scope.eval(e.object, locals);
  if (e.safe) return callArmFunction('tryGet', [t, str(prop, loc)], loc)!;
  return armAccess(t, str(prop, loc), loc);
}
