/**
 * Azure Pipelines compile-time conditions (`${{ if eq(parameters.environment, 'prod') }}:`,
 * `${{ elseif … }}`, `${{ else }}`): which of them a step sits under, and whether a context
 * (the template's caller, the pipeline's defaults) decides them. A step under a condition its
 * context decides false is not in the pipeline Azure Pipelines compiles for that context, so its
 * scripts do not run there (Microsoft Learn, "Template expressions": conditional insertion).
 *
 * Only what can be decided exactly is: the functions `eq`, `ne`, `not`, `and`, `or`, `in`,
 * `notIn`, `startsWith`, `endsWith`, `contains`, over string, number and boolean literals and the
 * parameters and variables the context resolves (`parameters.x`, `variables['x']`; a variable
 * written in the YAML, not one built from macros, which `${{ }}` does not expand) and the loop
 * variables of the `${{ each }}` copy it is in (`env`, `pair.key`). Anything else,
 * or a value that is not known, leaves the condition undecided: the step is read.
 */
import type { Value } from '../../core/value.js';
import { singleQuotedAt } from './expression-literals.js';

/** One condition a step sits under: it runs when `expr` evaluates to `holds`. */
export interface TemplateCondition {
  expr: string;
  holds: boolean;
}

const CONDITION_KEY = /^\$\{\{\s*(if|elseif|else)\b\s*(.*?)\s*\}\}$/s;
/** Branches of one `if`/`elseif` chain followed. */
const MAX_CHAIN = 64;

/**
 * A template parameter's value as Azure Pipelines holds it: a `boolean`/`number` parameter's
 * value is a boolean/number, though YAML text gives it here as a string (`default: false`).
 */
export function typedParameter(v: Value | undefined, type: string | undefined): Value | undefined {
  if (v?.kind !== 'string' || type === undefined) return v;
  const t = type.toLowerCase();
  if (t === 'boolean' && /^(?:true|false)$/i.test(v.value.trim())) return { kind: 'bool', value: /^true$/i.test(v.value.trim()), ...(v.origin ? { origin: v.origin } : {}) };
  if (t === 'number' && v.value.trim() !== '' && !Number.isNaN(Number(v.value))) return { kind: 'number', value: Number(v.value), ...(v.origin ? { origin: v.origin } : {}) };
  return v;
}

/**
 * The conditions of each key of a mapping (or of the single keys of a list's items), in order:
 * an `if` starts a chain, an `elseif` holds when the chain's earlier conditions do not and its own
 * does, an `else` when none of them does; any other key ends the chain (undefined: no condition).
 */
export function conditionChain(keys: readonly (string | undefined)[]): (TemplateCondition[] | undefined)[] {
  const out: (TemplateCondition[] | undefined)[] = [];
  let chain: string[] = [];
  for (const key of keys) {
    const m = key === undefined ? null : CONDITION_KEY.exec(key.trim());
    // Past MAX_CHAIN branches the conditions are not followed (each branch carries all earlier
    // ones: quadratic on hostile input): those items count as unconditional, so they are read.
    if (!m || (m[1] !== 'if' && chain.length >= MAX_CHAIN)) {
      chain = m?.[1] === 'elseif' ? chain : [];
      out.push(undefined);
      continue;
    }
    const earlier = chain.map((expr) => ({ expr, holds: false }));
    if (m[1] === 'if') {
      chain = [m[2]!];
      out.push([{ expr: m[2]!, holds: true }]);
    } else if (m[1] === 'elseif') {
      out.push([...earlier, { expr: m[2]!, holds: true }]);
      chain.push(m[2]!);
    } else {
      out.push(earlier);
      chain = [];
    }
  }
  return out;
}

type Scalar = string | number | boolean;
/** An expression's value: a scalar, or undefined when not known. */
type Result = Scalar | undefined;

/** Expressions read at most this long, and nested at most this deep (hostile input). */
const MAX_EXPRESSION = 2_000;
const MAX_DEPTH = 32;

/**
 * Whether every condition holds in a context: true, false (one is decided against), or undefined
 * (not decided). `resolve` gives a reference's value (`parameters.environment`, a loop variable
 * `env`), undefined for one it does not know.
 */
export function conditionsHold(conditions: readonly TemplateCondition[], resolve: (reference: string) => Value | undefined): boolean | undefined {
  let all: boolean | undefined = true;
  for (const c of conditions) {
    const v = evaluate(c.expr, resolve);
    if (v === undefined) {
      all = undefined;
      continue;
    }
    if (truthy(v) !== c.holds) return false;
  }
  return all;
}

function evaluate(expr: string, resolve: (reference: string) => Value | undefined): Result {
  if (expr.length > MAX_EXPRESSION) return undefined;
  const p = new Parser(expr, resolve);
  const v = p.expression(0);
  return p.atEnd() ? v : undefined;
}

/** Azure Pipelines' conversion to boolean: false, 0, '' are false (strings are not read as 'false'). */
function truthy(v: Scalar): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v !== '';
}

/** `eq`/`ne`: the right side converted to the left's type; strings compared ignoring case. */
function equal(a: Scalar, b: Scalar): boolean {
  if (typeof a === 'string') return a.toLowerCase() === String(b).toLowerCase();
  if (typeof a === 'number') {
    const n = typeof b === 'number' ? b : typeof b === 'boolean' ? Number(b) : b.trim() === '' ? 0 : Number(b);
    return Number.isNaN(n) ? false : a === n;
  }
  if (typeof b === 'boolean') return a === b;
  return a === truthy(b);
}

class Parser {
  private i = 0;
  /** Set when a part is not understood: the whole expression is then undecided. */
  failed = false;

  constructor(
    private readonly s: string,
    private readonly resolve: (reference: string) => Value | undefined,
  ) {}

  atEnd(): boolean {
    this.blank();
    return !this.failed && this.i === this.s.length;
  }

  private blank(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private fail(): undefined {
    this.failed = true;
    this.i = this.s.length;
    return undefined;
  }

  expression(depth: number): Result {
    if (depth > MAX_DEPTH) return this.fail();
    this.blank();
    const c = this.s[this.i];
    if (c === "'") return this.string();
    const m = /^(?:-?\d+(?:\.\d+)?|[A-Za-z_][\w.-]*)/.exec(this.s.slice(this.i));
    if (!m) return this.fail();
    const word = m[0];
    this.i += word.length;
    if (/^-?\d/.test(word)) return Number(word);
    this.blank();
    if (this.s[this.i] === '(') return this.call(word.toLowerCase(), depth);
    if (/^true$/i.test(word)) return true;
    if (/^false$/i.test(word)) return false;
    // `variables['x']`, `parameters['x']`: the same as `.x`.
    let reference = word;
    if (this.s[this.i] === '[') {
      const close = this.s.indexOf(']', this.i);
      const inner = close < 0 ? undefined : /^\[\s*'([^']*)'\s*\]$/.exec(this.s.slice(this.i, close + 1));
      if (!inner) return this.fail();
      reference = `${word}.${inner[1]}`;
      this.i = close + 1;
    }
    // Parameters, variables and loop variables: a variable's value built from a macro (`$(base)`),
    // which `${{ }}` sees as written and the run time expands, is unknown (the resolver's:
    // `ScriptContext.condition`, which knows the loop variables).
    const v = this.resolve(reference);
    if (v?.kind === 'string' || v?.kind === 'number' || v?.kind === 'bool') return v.value;
    return undefined;
  }

  private string(): Result {
    const lit = singleQuotedAt(this.s, this.i);
    if (!lit) return this.fail();
    this.i = lit.end;
    return lit.text;
  }

  private call(name: string, depth: number): Result {
    const args: Result[] = [];
    this.i++; // (
    this.blank();
    if (this.s[this.i] === ')') this.i++;
    else {
      for (;;) {
        args.push(this.expression(depth + 1));
        if (this.failed) return undefined;
        this.blank();
        const c = this.s[this.i];
        this.i++;
        if (c === ')') break;
        if (c !== ',') return this.fail();
      }
    }
    return apply(name, args);
  }
}

function apply(name: string, args: readonly Result[]): Result {
  const known = (xs: readonly Result[]): xs is Scalar[] => xs.every((x) => x !== undefined);
  switch (name) {
    case 'not':
      return args.length === 1 && args[0] !== undefined ? !truthy(args[0]) : undefined;
    case 'and':
      // A false argument decides, whatever the others are.
      if (args.some((a) => a !== undefined && !truthy(a))) return false;
      return known(args) && args.length >= 2 ? true : undefined;
    case 'or':
      if (args.some((a) => a !== undefined && truthy(a))) return true;
      return known(args) && args.length >= 2 ? false : undefined;
    case 'eq':
    case 'ne': {
      if (args.length !== 2 || !known(args)) return undefined;
      const e = equal(args[0]!, args[1]!);
      return name === 'eq' ? e : !e;
    }
    case 'in':
    case 'notin': {
      if (args.length < 1 || !known(args)) return undefined;
      const found = args.slice(1).some((a) => equal(args[0]!, a));
      return name === 'in' ? found : !found;
    }
    case 'startswith':
    case 'endswith':
    case 'contains': {
      if (args.length !== 2 || !known(args)) return undefined;
      const [a, b] = [String(args[0]).toLowerCase(), String(args[1]).toLowerCase()];
      return name === 'startswith' ? a.startsWith(b) : name === 'endswith' ? a.endsWith(b) : a.includes(b);
    }
    default:
      return undefined;
  }
}
