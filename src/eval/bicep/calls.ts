/**
 * Function calls and operators, lowered onto the shared ARM function library as the Bicep
 * compiler lowers them (`a == b` is `equals(a, b)`, `x ?? y` is `coalesce(x, y)`), so results and
 * the tokens of unknown values are the ones the compiled twin produces. Bicep-only functions
 * (`any`, `nameof`, `load*`, user-defined functions, resource instance functions) are handled
 * here; everything else goes through `callArmFunction`.
 */
import type { Location } from '../../core/source.js';
import { bool, derived, str } from '../../core/value.js';
import type { Value } from '../../core/value.js';
import type { Expression, FuncDecl, LambdaExpr } from '../../parse/bicep/index.js';
import { armCallToken, callArmFunction } from '../arm/evaluate.js';
import { U, withLocals } from './context.js';
import type { Locals } from './context.js';
import { isLoadFunction, load } from './load.js';
import type { FileScope } from './scope.js';
import { applyLambdaFunction, LAMBDA_FUNCTIONS, pastLambdaBudget, type LambdaBody } from '../lambda-functions.js';

/**
 * `name(args)`: a namespace-free function call, or with `builtIn` a `sys.`/`az.` one. A function
 * the file defines or imports by that name hides the built-in one, which is then called with its
 * namespace (Bicep docs, "Bicep functions": "You specify the namespace only when the function
 * name is the same as another item you've defined in the Bicep file").
 */
export function evalCall(scope: FileScope, name: string, argExprs: Expression[], locals: Locals, loc: Location, builtIn = false): Value {
  if (!builtIn) {
    const userFn = scope.funcs.get(name);
    if (userFn) return callUserFunction(scope, userFn, argExprs.map((a) => scope.eval(a, locals)), loc);
    // A function imported by name (`import { registrySku } from 'shared.bicep'`): evaluated in its own file.
    const imp = scope.imports.get(name);
    const imported = imp ? scope.importedFunction(imp.decl, imp.original) : undefined;
    if (imported) return callUserFunction(imported.scope, imported.fn, argExprs.map((a) => scope.eval(a, locals)), loc);
  }
  const l = name.toLowerCase();
  if (l === 'any') return argExprs[0] ? scope.eval(argExprs[0], locals) : U('any() needs an argument', loc);
  if (isLoadFunction(l)) return load(scope, l, argExprs, locals, loc);
  if (l === 'readenvironmentvariable') return U('readEnvironmentVariable() is not read by the linter', loc);
  if (l === 'getsecret' || l === 'externalinput') return U(`${name}() is resolved at deployment time`, loc);
  if (l === 'nameof') {
    const a = argExprs[0];
    if (a?.kind === 'PropertyAccess') return str(a.property.name, loc);
    if (a?.kind === 'Variable') return str(a.name, loc);
    return U('nameof() cannot be evaluated', loc);
  }
  if (l === 'fail') return U('fail() is called', loc);
  if (LAMBDA_FUNCTIONS.has(l) && argExprs.some((a) => a.kind === 'Lambda')) return evalLambdaCall(scope, l, argExprs, locals, loc);
  const args = argExprs.map((a) => scope.eval(a, locals));
  const r = callArmFunction(name, args, loc);
  if (r) return r;
  return U(`function ${name}() is not evaluated`, loc, armCallToken(name, args));
}

/** `x.f(args)`: `sys.f`/`az.f`, or an instance function of a resource (`listKeys()`, …). */
export function evalInstanceCall(scope: FileScope, e: Extract<Expression, { kind: 'InstanceCall' }>, locals: Locals, loc: Location): Value {
  const name = e.name.name;
  if (e.object.kind === 'Variable' && (e.object.name === 'sys' || e.object.name === 'az') && !locals?.has(e.object.name) && !scope.params.has(e.object.name) && !scope.vars.has(e.object.name)) {
    return evalCall(scope, name, e.args, locals, loc, true);
  }
  // `s.f(args)` of a wildcard import (`import * as s from 'shared.bicep'`), unless `s` is a local, param or var.
  const namespace = scope.namespaceImport(e.object, locals);
  const imported = namespace ? scope.importedFunction(namespace, name) : undefined;
  if (imported) return callUserFunction(imported.scope, imported.fn, e.args.map((a) => scope.eval(a, locals)), loc);
  const inst = scope.resourceRef(e.object, locals);
  if (inst) {
    const id = scope.resourceId(inst, loc);
    const args = e.args.map((a) => scope.eval(a, locals));
    const t = armCallToken(name, [id, str(inst.apiVersion ?? '', loc), ...args]);
    return U(`${inst.sym.decl.name.name}.${name}() is known only at deployment time`, loc, t);
  }
  return U(`${name}() on '${e.object.kind === 'Variable' ? e.object.name : 'an expression'}' is not evaluated`, loc);
}

/**
 * The lambda functions (Bicep docs, "Lambda functions for Bicep"; eval/lambda-functions.ts, which
 * the ARM evaluator shares): each lambda body is evaluated with its parameters bound. At most
 * `maxCopy` items (a loop's cap).
 */
function evalLambdaCall(scope: FileScope, l: string, argExprs: Expression[], locals: Locals, loc: Location): Value {
  const lambdas = argExprs.filter((a): a is LambdaExpr => a.kind === 'Lambda');
  const values = argExprs.filter((a) => a.kind !== 'Lambda');
  const input = values[0] ? scope.eval(values[0], locals) : undefined;
  const init = l === 'reduce' && values[1] ? scope.eval(values[1], locals) : undefined;
  const body = (f: LambdaExpr): LambdaBody => (args) => {
    if (scope.env.calls > 64) return U(`${l}() nests lambdas too deeply`, loc);
    // Past the budget: one EVAL001 note (RULES.md "Parse and evaluation problems"; self-review 76).
    const past = pastLambdaBudget(scope.env.lambdaCalls++, l, loc, (m) => scope.problem(m, loc.range));
    if (past) return past;
    scope.env.calls++;
    try {
      return scope.eval(f.body, withLocals(locals, f.params.map((p, i) => [p.name, args[i] ?? U(`lambda parameter '${p.name}' has no value`, loc)])));
    } finally {
      scope.env.calls--;
    }
  };
  return applyLambdaFunction(l, input, init, lambdas.map(body), loc, scope.env.maxCopy);
}

function callUserFunction(scope: FileScope, f: FuncDecl, args: Value[], loc: Location): Value {
  if (scope.env.calls > 64) return U(`${f.name.name}() recurses too deeply`, loc);
  scope.env.calls++;
  try {
    const add: [string, Value][] = f.params.map((p, i) => [p.name.name, args[i] ?? U(`missing argument '${p.name.name}'`, loc)]);
    return scope.eval(f.body, withLocals(undefined, add));
  } finally {
    scope.env.calls--;
  }
}

/**
 * A binary operator on the left value `a` and the right operand, evaluated here: after `a`,
 * and for the short-circuiting `&&`, `||` and `??` only when it decides the result. No thunk
 * or helper closure per evaluation (a module's expressions are evaluated once per call).
 */
export function evalBinary(scope: FileScope, op: string, a: Value, right: Expression, locals: Locals, loc: Location): Value {
  switch (op) {
    case '&&':
      if (a.kind === 'bool' && !a.value) return derived(bool(false, loc), loc, [a]);
      return arm('and', [a, scope.eval(right, locals)], loc);
    case '||':
      if (a.kind === 'bool' && a.value) return derived(bool(true, loc), loc, [a]);
      return arm('or', [a, scope.eval(right, locals)], loc);
    case '??':
      if (a.kind !== 'null' && a.kind !== 'unknown') return a;
      return arm('coalesce', [a, scope.eval(right, locals)], loc);
    default:
      return strictBinary(op, a, scope.eval(right, locals), loc);
  }
}

/** The operators that always evaluate both operands (`a == b` is `equals(a, b)`, …). */
function strictBinary(op: string, a: Value, b: Value, loc: Location): Value {
  switch (op) {
    case '==':
      return arm('equals', [a, b], loc);
    case '!=':
      return arm('not', [arm('equals', [a, b], loc)], loc);
    case '=~':
    case '!~': {
      const eq = a.kind === 'string' && b.kind === 'string' ? derived(bool(a.value.toLowerCase() === b.value.toLowerCase(), loc), loc, [a, b]) : arm('equals', [arm('toLower', [a], loc), arm('toLower', [b], loc)], loc);
      return op === '=~' ? eq : arm('not', [eq], loc);
    }
    case '<':
      return arm('less', [a, b], loc);
    case '<=':
      return arm('lessOrEquals', [a, b], loc);
    case '>':
      return arm('greater', [a, b], loc);
    case '>=':
      return arm('greaterOrEquals', [a, b], loc);
    case '+':
      return arm('add', [a, b], loc);
    case '-':
      return arm('sub', [a, b], loc);
    case '*':
      return arm('mul', [a, b], loc);
    case '/':
      return arm('div', [a, b], loc);
    case '%':
      return arm('mod', [a, b], loc);
    default:
      return U(`operator ${op} is not evaluated`, loc);
  }
}

/** An ARM function the operator lowers to (every operator's function is in the library). */
function arm(name: string, args: Value[], loc: Location): Value {
  return callArmFunction(name, args, loc)!;
}
