/**
 * Evaluator for ARM template expressions over the shared Value domain, with unknown
 * propagation. Never throws: anything it cannot compute statically is `unknown` with a
 * reason and, where the value has a stable identity, a `token`.
 */
import type { Location } from '../../core/source.js';
import { agreedParts, argumentsTooLarge, bool, chosenBy, compared, containsUnknown, decidingInput, decisionOf, derived, fromJS, itemAt, knownFirstItems, knownMember, leftOutBy, leftOutOfMerge, list, member, memberOf, mergedAfterUnknown, negated, nul, num, obj, str, toJS, unknown, unknownAfter, valuesEqual, withProvenanceOf } from '../../core/value.js';
import type { ObjectValue, UnknownValue, Value } from '../../core/value.js';
import { classifyString, parseExpression, quoteArm } from './expression.js';
import type { Expr, ParseResult } from './expression.js';
import { armResourceIdKey, buildResourceId, escapeBraces, templateText, tplUnknown } from './resourceid.js';
import { memoByText } from '../../core/own-strings.js';
import { applyLambdaFunction, LAMBDA_FUNCTIONS, pastLambdaBudget, type LambdaBody } from '../lambda-functions.js';
import { LOOP_INSTANCE_CAP } from '../../core/limits.js';
import type { ArmUnknown } from './resourceid.js';

/** What an expression can see. */
export interface ExprContext {
  /** Value of `parameters(name)`; `undefined` when the parameter is not declared. */
  parameter(name: string): Value | undefined;
  /** Value of `variables(name)`; `undefined` when the variable is not declared. */
  variable(name: string): Value | undefined;
  /** `copyIndex()` / `copyIndex('loop')` without offset; `undefined` outside any loop. */
  copyIndex(loop: string | undefined): Value | undefined;
  /** User-defined function `ns.name(args)`; `undefined` when not defined. */
  userFunction?(name: string, args: Value[], loc: Location): Value | undefined;
  /** Reports an evaluation problem (syntax error, …). */
  problem?(message: string, loc: Location): void;
  /**
   * Functions of the caller's own language over the template library: Azure Policy's
   * `field()`, `current()`, `requestContext()`. `undefined`: not one of them.
   */
  hostFunction?(name: string, args: Value[], loc: Location): Value | undefined;
  /** The lambda bodies evaluated so far in this evaluation (shared by its expressions: a template's `env`); a call tree of its own when absent. */
  readonly lambdaCalls?: { count: number; depth: number };
  /** `lambdaVariables(name)`: a parameter of an enclosing lambda (lower-case name); undefined outside one. */
  lambdaVariable?(name: string): Value | undefined;
}

const U = (reason: string, loc: Location, token?: string): ArmUnknown => unknown(reason, loc, token);

/** Text of a value inside a canonical token: literals for known values, the token for unknown ones. */
export function tokenText(v: Value): string | undefined {
  switch (v.kind) {
    case 'string':
      return quoteArm(v.value);
    case 'number':
      return String(v.value);
    case 'bool':
      return String(v.value);
    case 'null':
      return 'null()';
    case 'list': {
      const parts = v.items.map(tokenText);
      return parts.every((p) => p !== undefined) ? `createArray(${parts.join(', ')})` : undefined;
    }
    case 'object': {
      const parts: string[] = [];
      for (const [k, e] of v.entries) {
        const t = tokenText(e);
        if (t === undefined) return undefined;
        parts.push(quoteArm(k), t);
      }
      return `createObject(${parts.join(', ')})`;
    }
    case 'unknown':
      return (v as ArmUnknown).tpl ? `format(${quoteArm(v.token ?? '')})` : v.token;
  }
}

function callToken(name: string, args: Value[]): string | undefined {
  const parts = args.map(tokenText);
  return parts.every((p) => p !== undefined) ? `${name}(${parts.join(', ')})` : undefined;
}

const templatePart = templateText;

function firstUnknown(args: Value[]): UnknownValue | undefined {
  for (const a of args) {
    if (a.kind === 'unknown') return a;
  }
  for (const a of args) if (containsUnknown(a)) return unknown('contains an unknown value');
  return undefined;
}

function scalarString(v: Value): string {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'number':
      return String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'null':
      return '';
    default:
      return JSON.stringify(toJS(v));
  }
}

/** Deep equality of known values (strings case-sensitive, object keys case-insensitive, as ARM's equals()). */
function deepEqual(a: Value, b: Value): boolean {
  return valuesEqual(a, b, { ignoreKeyCase: true }) === true;
}

/** Copies a value with a new origin, keeping its `via`. */
function reorigin<T extends Value>(v: T, origin: Location): T {
  return { ...v, origin };
}

type Handler = (args: Value[], loc: Location, name?: string) => Value;

interface FnDef {
  /** Canonical spelling used in tokens. */
  name: string;
  fn: Handler;
  /** Handles unknown arguments itself (otherwise any unknown argument makes the result unknown). */
  partial?: boolean;
}

const fns = new Map<string, FnDef>();
function def(name: string, fn: Handler, partial = false): void {
  fns.set(name.toLowerCase(), { name, fn, partial });
}

const err = (loc: Location, name: string, msg: string): ArmUnknown => U(`${name}(): ${msg}`, loc);

function asInt(v: Value | undefined): number | undefined {
  return v?.kind === 'number' ? Math.trunc(v.value) : undefined;
}

// ---- logical / comparison -------------------------------------------------------------

def(
  'and',
  (args, loc) => {
    let unk: Value | undefined;
    for (const a of args) {
      if (a.kind === 'bool') {
        if (!a.value) return bool(false, loc);
      } else if (a.kind === 'unknown') unk ??= a;
      else return err(loc, 'and', 'arguments must be booleans');
    }
    return unk ? U('and(): depends on an unknown value', loc, callToken('and', args)) : bool(true, loc);
  },
  true,
);
def(
  'or',
  (args, loc) => {
    let unk: Value | undefined;
    for (const a of args) {
      if (a.kind === 'bool') {
        if (a.value) return bool(true, loc);
      } else if (a.kind === 'unknown') unk ??= a;
      else return err(loc, 'or', 'arguments must be booleans');
    }
    return unk ? U('or(): depends on an unknown value', loc, callToken('or', args)) : bool(false, loc);
  },
  true,
);
def('not', ([a], loc) => (a?.kind === 'bool' ? negated(bool(!a.value, loc), a, loc) : err(loc, 'not', 'argument must be a boolean')));
def('equals', ([a, b], loc) => (a && b ? compared(bool(deepEqual(a, b), loc), a, b, loc) : err(loc, 'equals', 'needs two arguments')));
def('true', (_a, loc) => bool(true, loc));
def('false', (_a, loc) => bool(false, loc));
def('null', (_a, loc) => nul(loc));

function compare(name: string, test: (c: number) => boolean): Handler {
  return ([a, b], loc) => {
    if (a?.kind === 'number' && b?.kind === 'number') return bool(test(a.value - b.value), loc);
    if (a?.kind === 'string' && b?.kind === 'string') return bool(test(a.value < b.value ? -1 : a.value > b.value ? 1 : 0), loc);
    return err(loc, name, 'arguments must be two numbers or two strings');
  };
}
def('less', compare('less', (c) => c < 0));
def('lessOrEquals', compare('lessOrEquals', (c) => c <= 0));
def('greater', compare('greater', (c) => c > 0));
def('greaterOrEquals', compare('greaterOrEquals', (c) => c >= 0));

// ---- numbers ----------------------------------------------------------------------------

function arith(name: string, op: (a: number, b: number) => number | undefined): Handler {
  return ([a, b], loc) => {
    if (a?.kind !== 'number' || b?.kind !== 'number') return err(loc, name, 'arguments must be integers');
    const r = op(a.value, b.value);
    return r === undefined || !Number.isFinite(r) ? err(loc, name, 'invalid operation') : num(r, loc);
  };
}
def('add', arith('add', (a, b) => a + b));
def('sub', arith('sub', (a, b) => a - b));
def('mul', arith('mul', (a, b) => a * b));
def('div', arith('div', (a, b) => (b === 0 ? undefined : Math.trunc(a / b))));
def('mod', arith('mod', (a, b) => (b === 0 ? undefined : a % b)));

function minmax(name: string, pick: (xs: number[]) => number): Handler {
  return (args, loc) => {
    const xs = args.length === 1 && args[0]!.kind === 'list' ? args[0]!.items : args;
    if (xs.length === 0 || xs.some((x) => x.kind !== 'number')) return err(loc, name, 'arguments must be integers');
    return num(pick(xs.map((x) => (x as { value: number }).value)), loc);
  };
}
def('min', minmax('min', (xs) => Math.min(...xs)));
def('max', minmax('max', (xs) => Math.max(...xs)));

def('int', ([a], loc) => {
  if (a?.kind === 'number') return reorigin(num(Math.trunc(a.value)), a.origin ?? loc);
  if (a?.kind === 'string' && /^\s*[+-]?\d+\s*$/.test(a.value)) return { ...num(parseInt(a.value, 10)), origin: a.origin ?? loc, via: a.via };
  return err(loc, 'int', 'cannot convert to an integer');
});
def('float', ([a], loc) => {
  if (a?.kind === 'number') return a;
  if (a?.kind === 'string' && a.value.trim() !== '' && Number.isFinite(Number(a.value))) return { ...num(Number(a.value)), origin: a.origin ?? loc, via: a.via };
  return err(loc, 'float', 'cannot convert to a number');
});
def('range', ([a, b], loc) => {
  const s = asInt(a);
  const c = asInt(b);
  if (s === undefined || c === undefined || c < 0 || c > 10000) return err(loc, 'range', 'invalid arguments');
  // Each number is a position, as `copyIndex()` and Terraform's `count.index` are, never an input
  // that decides a condition (RULES.md "Values chosen by a condition": `i == 0 ? 'A' : 'B'` in a
  // loop over `range(0, 2)` is located at the value chosen, not at the range): it is not located.
  return list(
    Array.from({ length: c }, (_, i) => num(s + i)),
    loc,
  );
});

// ---- conversions ------------------------------------------------------------------------

def('bool', ([a], loc) => {
  if (a?.kind === 'bool') return a;
  if (a?.kind === 'string') {
    const l = a.value.toLowerCase();
    if (l === 'true' || l === 'false') return { ...bool(l === 'true'), origin: a.origin ?? loc, via: a.via };
  }
  if (a?.kind === 'number') return { ...bool(a.value !== 0), origin: a.origin ?? loc, via: a.via };
  return err(loc, 'bool', 'cannot convert to a boolean');
});
def('string', ([a], loc) => {
  if (!a) return err(loc, 'string', 'needs an argument');
  if (a.kind === 'string') return a;
  return { ...str(scalarString(a)), origin: a.kind === 'list' || a.kind === 'object' ? loc : (a.origin ?? loc), via: a.via };
});
def('json', ([a], loc) => {
  if (a?.kind !== 'string') return err(loc, 'json', 'argument must be a string');
  try {
    return fromJS(JSON.parse(a.value), loc);
  } catch {
    return err(loc, 'json', 'invalid JSON');
  }
});
def(
  'array',
  ([a], loc) => {
    if (!a) return err(loc, 'array', 'needs an argument');
    if (a.kind === 'list') return a;
    return list([a], loc);
  },
  true,
);
def('base64', ([a], loc) => (a?.kind === 'string' ? str(Buffer.from(a.value, 'utf8').toString('base64'), loc) : err(loc, 'base64', 'argument must be a string')));
def('base64ToString', ([a], loc) =>
  a?.kind === 'string' ? str(Buffer.from(a.value, 'base64').toString('utf8'), loc) : err(loc, 'base64ToString', 'argument must be a string'),
);
def('uri', ([a, b], loc) => {
  if (a?.kind !== 'string' || b?.kind !== 'string') return err(loc, 'uri', 'arguments must be strings');
  try {
    return str(new URL(b.value, a.value).toString(), loc);
  } catch {
    return err(loc, 'uri', 'invalid URI');
  }
});
def('uriComponent', ([a], loc) => (a?.kind === 'string' ? str(encodeURIComponent(a.value), loc) : err(loc, 'uriComponent', 'argument must be a string')));
def('uriComponentToString', ([a], loc) => {
  if (a?.kind !== 'string') return err(loc, 'uriComponentToString', 'argument must be a string');
  try {
    return str(decodeURIComponent(a.value), loc);
  } catch {
    return err(loc, 'uriComponentToString', 'invalid encoding');
  }
});

/**
 * The items `concat(a, b, …)` of arrays surely begins with when a part is unknown: the parts'
 * items up to the first part not wholly known, and that part's own first items
 * (`concat(createArray(variables('systemPool')), if(parameters('gpu'), …, createArray()))`).
 */
function firstItemsOfConcat(args: readonly Value[]): Value[] {
  const items: Value[] = [];
  for (const a of args) {
    if (a.kind === 'null') continue;
    if (a.kind !== 'list' && a.kind !== 'unknown') {
      items.push(a);
      continue;
    }
    items.push(...knownFirstItems(a));
    if (a.kind === 'unknown' || a.partial) break;
  }
  return items;
}

// ---- strings ----------------------------------------------------------------------------

def(
  'concat',
  (args, loc) => {
    if (args.length === 0) return str('', loc);
    if (args.some((a) => a.kind === 'list')) {
      if (args.some((a) => a.kind === 'unknown')) return unknownAfter(firstItemsOfConcat(args), U('concat(): depends on an unknown value', loc, callToken('concat', args)));
      const items: Value[] = [];
      for (const a of args) {
        if (a.kind === 'list') items.push(...a.items);
        else if (a.kind !== 'null') items.push(a);
      }
      return list(items, loc);
    }
    if (args.some((a) => a.kind === 'unknown')) {
      const parts = args.map(templatePart);
      return tplUnknown('concat(): depends on an unknown value', loc, parts.every((p) => p !== undefined) ? parts.join('') : undefined);
    }
    if (args.some((a) => a.kind === 'object')) return err(loc, 'concat', 'cannot concatenate objects');
    return str(args.map(scalarString).join(''), loc);
  },
  true,
);

/** A format item with an alignment or a format string (`{0,5}`, `{0:D2}`): the argument's index and those. */
interface FormatItem {
  index: number;
  /** `,N`: the width, right-aligned (negative: left-aligned). */
  align?: number;
  /** `:spec`, as written. */
  spec?: string;
}

/**
 * .NET composite format: `{0}`, `{1,-5:N2}`, `{{`, `}}`. Returns parts (string | arg index |
 * FormatItem for an item with an alignment or a format string).
 * Plain text between braces is copied a run at a time (a slice), not a character at a time:
 * format() is among the most called functions of compiled templates (issue 15).
 */
function splitFormat(fmt: string): (string | number | FormatItem)[] | undefined {
  const out: (string | number | FormatItem)[] = [];
  let cur = '';
  let start = 0; // where the plain text not yet copied into `cur` begins
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '{' && c !== '}') continue;
    cur += fmt.slice(start, i);
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        cur += '{';
        i++;
      } else {
        const close = fmt.indexOf('}', i);
        if (close < 0) return undefined;
        const m = /^\s*(\d+)\s*(,[^:}]*)?(:[^}]*)?$/.exec(fmt.slice(i + 1, close));
        if (!m) return undefined;
        if (cur) out.push(cur);
        cur = '';
        const align = m[2] === undefined ? undefined : Number(m[2].slice(1).trim());
        if (align !== undefined && !Number.isInteger(align)) return undefined;
        out.push(align === undefined && m[3] === undefined ? Number(m[1]) : { index: Number(m[1]), ...(align === undefined ? {} : { align }), ...(m[3] === undefined ? {} : { spec: m[3].slice(1) }) });
        i = close;
      }
    } else {
      if (fmt[i + 1] === '}') i++;
      cur += '}';
    }
    start = i + 1;
  }
  cur += fmt.slice(start);
  if (cur) out.push(cur);
  return out;
}

/**
 * The parts of a format string, split once per distinct string: format() is the most called
 * function of compiled templates (Bicep's interpolation), its format strings are the same few
 * literals again and again (every copy instance, variant and module instance), and splitting
 * runs a regex per placeholder (issue 15). The key is an own copy (own-strings.ts): the cache
 * never holds a file's text. `null`: not a valid format string. Bounded for hostile input.
 */
const formatPartsOf = memoByText(10_000, (fmt): readonly (string | number | FormatItem)[] | null => splitFormat(fmt) ?? null);
function formatParts(fmt: string): readonly (string | number | FormatItem)[] | undefined {
  return formatPartsOf(fmt) ?? undefined;
}

/** The argument a format part names (a plain index, or a FormatItem's). */
const argIndex = (p: number | FormatItem): number => (typeof p === 'number' ? p : p.index);

/**
 * A format item's text (.NET String.Format, which ARM's format() uses: "Composite formatting"):
 * the alignment pads to its width; of the format strings only `D<n>` on an integer (the zero-padded
 * `{0:D2}` of numbered names) is read; any other leaves the text not known (undefined).
 */
function formatItemText(item: FormatItem, a: Value): string | undefined {
  let text: string;
  if (item.spec === undefined || item.spec === '') text = scalarString(a);
  else {
    const d = /^[dD](\d{0,2})$/.exec(item.spec);
    if (!d || a.kind !== 'number' || !Number.isSafeInteger(a.value)) return undefined;
    const digits = String(Math.abs(a.value)).padStart(Number(d[1] || 0), '0');
    text = a.value < 0 ? `-${digits}` : digits;
  }
  if (item.align === undefined) return text;
  return item.align < 0 ? text.padEnd(-item.align) : text.padStart(item.align);
}

def(
  'format',
  (args, loc) => {
    const f = args[0];
    if (!f) return err(loc, 'format', 'needs a format string');
    if (f.kind === 'unknown') return U('format(): unknown format string', loc, callToken('format', args));
    if (f.kind !== 'string') return err(loc, 'format', 'first argument must be a string');
    const parts = formatParts(f.value);
    if (!parts) return err(loc, 'format', 'invalid format string');
    // Text parts are used as they are (no string Value made for each, per call).
    let unknownArg = false;
    for (const p of parts) {
      if (typeof p === 'string') continue;
      const index = argIndex(p);
      const a = args[index + 1];
      if (!a) return err(loc, 'format', `no argument {${index}}`);
      if (a.kind === 'unknown') unknownArg = true;
    }
    if (unknownArg) {
      let token: string | undefined = '';
      for (const p of parts) {
        const t = typeof p === 'string' ? escapeBraces(p) : typeof p === 'number' ? templatePart(args[p + 1]!) : undefined;
        if (t === undefined) {
          token = undefined;
          break;
        }
        token += t;
      }
      return tplUnknown('format(): depends on an unknown value', loc, token);
    }
    for (const p of parts) if (typeof p !== 'string' && containsUnknown(args[argIndex(p) + 1]!)) return U('format(): depends on an unknown value', loc);
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string' || typeof p === 'number') {
        out += typeof p === 'string' ? p : scalarString(args[p + 1]!);
        continue;
      }
      const text = formatItemText(p, args[p.index + 1]!);
      if (text === undefined) return U(`format(): the format string of {${p.index}${p.align === undefined ? '' : `,${p.align}`}:${p.spec}} is not evaluated`, loc);
      out += text;
    }
    // `format('{0}', parameters('x'))`, Bicep's `'${x}'`: x's value, where it was written (as
    // `toLower` keeps it), so each caller of a module gets its finding at its own argument.
    const only = args[1];
    if (f.value === '{0}' && args.length === 2 && only !== undefined && (only.kind === 'string' || only.kind === 'number' || only.kind === 'bool')) return withProvenanceOf(str(out), only);
    return str(out, loc);
  },
  true,
);

const strFn = (name: string, f: (s: string, args: Value[]) => Value | undefined): Handler => {
  return (args, loc) => {
    const [a, ...rest] = args;
    if (a?.kind !== 'string') return err(loc, name, 'first argument must be a string');
    return f(a.value, rest) ?? err(loc, name, 'invalid arguments');
  };
};
// toLower/toUpper/trim keep the origin of their argument: the value is the one written there.
def('toLower', ([a], loc) => (a?.kind === 'string' ? { ...a, value: a.value.toLowerCase() } : err(loc, 'toLower', 'argument must be a string')));
def('toUpper', ([a], loc) => (a?.kind === 'string' ? { ...a, value: a.value.toUpperCase() } : err(loc, 'toUpper', 'argument must be a string')));
def('trim', ([a], loc) => (a?.kind === 'string' ? { ...a, value: a.value.trim() } : err(loc, 'trim', 'argument must be a string')));
def('replace', (args, loc) =>
  strFn('replace', (s, [o, n]) => (o?.kind === 'string' && n?.kind === 'string' && o.value !== '' ? str(s.split(o.value).join(n.value), loc) : undefined))(args, loc),
);
def('split', (args, loc) =>
  strFn('split', (s, [d]) => {
    let delims: string[] | undefined;
    if (d?.kind === 'string') delims = [d.value];
    else if (d?.kind === 'list' && d.items.every((x) => x.kind === 'string')) delims = d.items.map((x) => (x as { value: string }).value);
    if (!delims || delims.some((x) => x === '')) return undefined;
    const re = new RegExp(delims.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    return list(
      s.split(re).map((p) => str(p, loc)),
      loc,
    );
  })(args, loc),
);
def('startsWith', (args, loc) => strFn('startsWith', (s, [p]) => (p?.kind === 'string' ? bool(s.toLowerCase().startsWith(p.value.toLowerCase()), loc) : undefined))(args, loc));
def('endsWith', (args, loc) => strFn('endsWith', (s, [p]) => (p?.kind === 'string' ? bool(s.toLowerCase().endsWith(p.value.toLowerCase()), loc) : undefined))(args, loc));
/**
 * `indexOf(arrayToSearch, itemToFind)` / `lastIndexOf` of an array (Learn, ARM and Bicep array
 * functions: case-sensitive for strings, arrays and objects by deep equality); -1 when absent.
 * Unknown when an item compared is unknown (the call itself is unknown when an argument holds one).
 */
function arrayIndexOf(name: string, items: readonly Value[], item: Value | undefined, last: boolean, loc: Location): Value {
  if (item === undefined) return err(loc, name, 'invalid arguments');
  for (let k = 0; k < items.length; k++) {
    const i = last ? items.length - 1 - k : k;
    const same = valuesEqual(items[i]!, item, { ignoreKeyCase: true });
    if (same === undefined) return unknown(`${name}(): an item compared is unknown`, loc);
    if (same) return num(i, loc);
  }
  return num(-1, loc);
}
// The string forms are case-insensitive (Learn, string functions).
def('indexOf', (args, loc) =>
  args[0]?.kind === 'list' ? arrayIndexOf('indexOf', args[0].items, args[1], false, loc) : strFn('indexOf', (s, [p]) => (p?.kind === 'string' ? num(s.toLowerCase().indexOf(p.value.toLowerCase()), loc) : undefined))(args, loc),
);
def('lastIndexOf', (args, loc) =>
  args[0]?.kind === 'list' ? arrayIndexOf('lastIndexOf', args[0].items, args[1], true, loc) : strFn('lastIndexOf', (s, [p]) => (p?.kind === 'string' ? num(s.toLowerCase().lastIndexOf(p.value.toLowerCase()), loc) : undefined))(args, loc),
);
def('padLeft', ([a, n, c], loc) => {
  const total = asInt(n);
  const ch = c === undefined ? ' ' : c.kind === 'string' && c.value.length === 1 ? c.value : undefined;
  if (!a || (a.kind !== 'string' && a.kind !== 'number') || total === undefined || ch === undefined) return err(loc, 'padLeft', 'invalid arguments');
  return str(scalarString(a).padStart(total, ch), loc);
});
// substring keeps its argument's origin too: the piece is written there
// (`substring(parameters('vmSize'), 0, indexOf(parameters('vmSize'), ' ('))` of "Standard_NC6 (1 K80 GPU)").
def('substring', ([a, st, ln], loc) => {
  if (a?.kind !== 'string') return err(loc, 'substring', 'first argument must be a string');
  const s = a.value;
  const start = st === undefined ? 0 : asInt(st);
  const len = ln === undefined ? undefined : asInt(ln);
  if (start === undefined || start < 0 || start > s.length || (ln !== undefined && (len === undefined || len < 0 || start + len > s.length))) return err(loc, 'substring', 'invalid arguments');
  return { ...a, value: s.substr(start, len ?? s.length - start) };
});
def('join', ([a, d], loc) => {
  if (a?.kind !== 'list' || d?.kind !== 'string') return err(loc, 'join', 'invalid arguments');
  return str(a.items.map(scalarString).join(d.value), loc);
});
def('dataUri', ([a], loc) =>
  a?.kind === 'string' ? str(`data:text/plain;charset=utf8;base64,${Buffer.from(a.value, 'utf8').toString('base64')}`, loc) : err(loc, 'dataUri', 'argument must be a string'),
);

// ---- collections ------------------------------------------------------------------------

def(
  'length',
  ([a], loc) => {
    if (!a) return err(loc, 'length', 'needs an argument');
    if (a.kind === 'list') return num(a.items.length, loc);
    if (a.kind === 'object') return num(a.entries.size, loc);
    if (a.kind === 'string') return num(a.value.length, loc);
    if (a.kind === 'unknown') return U('length(): depends on an unknown value', loc, callToken('length', [a]));
    return err(loc, 'length', 'argument must be an array, object or string');
  },
  true,
);
def(
  'empty',
  ([a], loc) => {
    if (!a) return err(loc, 'empty', 'needs an argument');
    if (a.kind === 'null') return bool(true, loc);
    if (a.kind === 'list') return bool(a.items.length === 0, loc);
    if (a.kind === 'object') return bool(a.entries.size === 0, loc);
    if (a.kind === 'string') return bool(a.value === '', loc);
    // A resource id known only as a template (`reg.outputs.id` of `acr.id`, a name from a
    // parameter): whatever fills its holes, "/subscriptions/…/providers/…" is never empty (the
    // AVM idiom `empty(crId) ? null : crId`).
    if (a.kind === 'unknown' && armResourceIdKey(a) !== undefined) return bool(false, loc);
    if (a.kind === 'unknown') return U('empty(): depends on an unknown value', loc, callToken('empty', [a]));
    return bool(false, loc);
  },
  true,
);
def(
  'contains',
  ([c, item], loc) => {
    if (!c || !item) return err(loc, 'contains', 'needs two arguments');
    if (c.kind === 'object' && item.kind === 'string') return bool(member(c, item.value) !== undefined, loc);
    if (containsUnknown(c) || containsUnknown(item)) return U('contains(): depends on an unknown value', loc, callToken('contains', [c, item]));
    if (c.kind === 'string') return bool(c.value.includes(scalarString(item)), loc);
    if (c.kind === 'list') return bool(c.items.some((x) => deepEqual(x, item)), loc);
    return err(loc, 'contains', 'first argument must be an array, object or string');
  },
  true,
);
def(
  'createArray',
  (args, loc) => list([...args], loc),
  true,
);
def(
  'createObject',
  (args, loc) => {
    if (args.length % 2 !== 0) return err(loc, 'createObject', 'needs key/value pairs');
    const m = new Map<string, Value>();
    for (let i = 0; i < args.length; i += 2) {
      const k = args[i]!;
      if (k.kind !== 'string') return k.kind === 'unknown' ? U('createObject(): unknown key', loc) : err(loc, 'createObject', 'keys must be strings');
      m.set(k.value, args[i + 1]!);
    }
    return obj(m, loc);
  },
  true,
);

function deepMerge(a: Value, b: Value, loc: Location): Value {
  if (a.kind === 'object' && b.kind === 'object') {
    const m = new Map(a.entries);
    for (const [k, v] of b.entries) {
      let existingKey: string | undefined;
      for (const ek of m.keys()) if (ek.toLowerCase() === k.toLowerCase()) existingKey = ek;
      const prev = existingKey !== undefined ? m.get(existingKey) : undefined;
      if (existingKey !== undefined) m.delete(existingKey);
      m.set(existingKey ?? k, prev ? deepMerge(prev, v, loc) : v);
    }
    return obj(m, loc);
  }
  if (b.kind === 'unknown' && a.kind === 'object') return b;
  return b;
}

/**
 * Objects merged (`union`, `shallowMerge`) with an unknown argument: not known, but surely
 * holding the keys the objects after the last unknown one write (a later key wins: "If a later
 * parameter has a property with the same name, that value overwrites the existing value",
 * Microsoft Learn, union); `deep` for union()'s merge of nested objects (`mergedAfterUnknown`).
 * Anything else after it (an array, an error) leaves the result a plain unknown.
 */
function afterUnknown(args: readonly Value[], u: UnknownValue, deep: boolean): Value {
  let last = args.length - 1;
  while (args[last]!.kind !== 'unknown') last--;
  // A spread of null adds nothing (Bicep `...(c ? x : null)`).
  const later = args.slice(last + 1).filter((a) => deep || a.kind !== 'null');
  if (!later.every((a): a is ObjectValue => a.kind === 'object')) return u;
  return mergedAfterUnknown({ ...u, knownMembers: (args[last] as UnknownValue).knownMembers }, later, deep);
}

def(
  'union',
  (args, loc) => {
    if (args.length === 0) return err(loc, 'union', 'needs arguments');
    const unk = args.find((a) => a.kind === 'unknown');
    if (unk) return afterUnknown(args, U('union(): depends on an unknown value', loc, callToken('union', args)), true);
    if (args.every((a) => a.kind === 'object')) {
      let acc: Value = obj(new Map(), loc);
      for (const a of args) acc = deepMerge(acc, a, loc);
      return leftOutOfMerge(reorigin(acc as ObjectValue, loc), args);
    }
    if (args.every((a) => a.kind === 'list')) {
      if (args.some(containsUnknown)) return U('union(): depends on an unknown value', loc, callToken('union', args));
      const items: Value[] = [];
      for (const a of args) for (const x of (a as { items: Value[] }).items) if (!items.some((y) => deepEqual(x, y))) items.push(x);
      return list(items, loc);
    }
    return err(loc, 'union', 'arguments must all be arrays or all objects');
  },
  true,
);
def('intersection', (args, loc) => {
  if (args.length === 0) return err(loc, 'intersection', 'needs arguments');
  if (args.every((a) => a.kind === 'list')) {
    const [f, ...rest] = args as { items: Value[] }[];
    return list(
      f!.items.filter((x) => rest.every((r) => r.items.some((y) => deepEqual(x, y)))),
      loc,
    );
  }
  if (args.every((a) => a.kind === 'object')) {
    const [f, ...rest] = args;
    const m = new Map<string, Value>();
    for (const [k, v] of (f as { entries: Map<string, Value> }).entries) {
      if (rest.every((r) => { const o = member(r, k); return o !== undefined && deepEqual(o, v); })) m.set(k, v);
    }
    return obj(m, loc);
  }
  return err(loc, 'intersection', 'arguments must all be arrays or all objects');
});

function firstLast(name: string, pickLast: boolean): Handler {
  return ([a], loc) => {
    if (!a) return err(loc, name, 'needs an argument');
    if (a.kind === 'list') return a.items.length ? a.items[pickLast ? a.items.length - 1 : 0]! : nul(loc);
    if (a.kind === 'string') return a.value.length ? str(pickLast ? a.value[a.value.length - 1]! : a.value[0]!, loc) : str('', loc);
    if (a.kind === 'unknown') return U(`${name}(): depends on an unknown value`, loc, callToken(name, [a]));
    return err(loc, name, 'argument must be an array or string');
  };
}
def('first', firstLast('first', false), true);
def('last', firstLast('last', true), true);

function skipTake(name: string, take: boolean): Handler {
  return ([a, n], loc) => {
    const k = asInt(n);
    if (!a || k === undefined) return n?.kind === 'unknown' || a?.kind === 'unknown' ? U(`${name}(): depends on an unknown value`, loc, callToken(name, [a ?? nul(), n ?? nul()])) : err(loc, name, 'invalid arguments');
    const c = Math.max(0, k);
    if (a.kind === 'list') return list(take ? a.items.slice(0, c) : a.items.slice(c), loc);
    if (a.kind === 'string') return str(take ? a.value.slice(0, c) : a.value.slice(c), loc);
    if (a.kind === 'unknown') return U(`${name}(): depends on an unknown value`, loc, callToken(name, [a, n!]));
    return err(loc, name, 'first argument must be an array or string');
  };
}
def('skip', skipTake('skip', false), true);
def('take', skipTake('take', true), true);

def(
  'coalesce',
  (args, loc) => {
    for (const a of args) {
      if (a.kind === 'unknown') return U('coalesce(): depends on an unknown value', loc, callToken('coalesce', args));
      if (a.kind !== 'null') return a;
    }
    return nul(loc);
  },
  true,
);
def(
  'items',
  ([a], loc) => {
    if (a?.kind === 'unknown') return U('items(): depends on an unknown value', loc, callToken('items', [a]));
    if (a?.kind !== 'object') return err(loc, 'items', 'argument must be an object');
    const keys = [...a.entries.keys()].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0));
    return list(
      keys.map((k) => obj({ key: str(k, loc), value: a.entries.get(k)! }, loc)),
      loc,
    );
  },
  true,
);
def(
  'objectKeys',
  ([a], loc) => {
    if (a?.kind !== 'object') return a?.kind === 'unknown' ? U('objectKeys(): depends on an unknown value', loc) : err(loc, 'objectKeys', 'argument must be an object');
    return list(
      [...a.entries.keys()].map((k) => str(k, loc)),
      loc,
    );
  },
  true,
);
def(
  'tryGet',
  ([a, ...path], loc) => {
    let cur: Value | undefined = a;
    for (const p of path) {
      if (!cur) return nul(loc);
      if (cur.kind === 'unknown' || p.kind === 'unknown') return U('tryGet(): depends on an unknown value', loc, callToken('tryGet', [a!, ...path]));
      if (cur.kind === 'null') return nul(loc);
      if (cur.kind === 'object' && p.kind === 'string') cur = member(cur, p.value);
      else if (cur.kind === 'list' && p.kind === 'number') cur = cur.items[p.value];
      else return nul(loc);
    }
    return cur ?? nul(loc);
  },
  true,
);
def(
  'flatten',
  ([a], loc) => {
    if (a?.kind !== 'list') return a?.kind === 'unknown' ? U('flatten(): depends on an unknown value', loc) : err(loc, 'flatten', 'argument must be an array');
    const items: Value[] = [];
    for (const x of a.items) {
      if (x.kind === 'list') items.push(...x.items);
      else if (x.kind === 'unknown') return U('flatten(): depends on an unknown value', loc);
      else return err(loc, 'flatten', 'items must be arrays');
    }
    return list(items, loc);
  },
  true,
);
def(
  'shallowMerge',
  ([a], loc) => {
    if (a?.kind !== 'list') return a?.kind === 'unknown' ? U('shallowMerge(): depends on an unknown value', loc) : err(loc, 'shallowMerge', 'argument must be an array');
    const m = new Map<string, Value>();
    for (const x of a.items) {
      if (x.kind === 'object') for (const [k, v] of x.entries) m.set(k, v);
      else if (x.kind === 'unknown') return afterUnknown(a.items, U('shallowMerge(): depends on an unknown value', loc), false);
    }
    return obj(m, loc);
  },
  true,
);
def(
  'indexFromEnd',
  ([a, n], loc) => {
    const k = asInt(n);
    if (a?.kind === 'list' && k !== undefined && k >= 1 && k <= a.items.length) return a.items[a.items.length - k]!;
    return U('indexFromEnd(): cannot be evaluated', loc);
  },
  true,
);

// ---- resource ids ---------------------------------------------------------------------------

const DEFAULT_SUB = 'subscription().subscriptionId';
const DEFAULT_RG = 'resourceGroup().name';

function resourceIdOf(prefix: Value[], typeV: Value, names: Value[], loc: Location, fname: string): Value {
  if (typeV.kind !== 'string') {
    return typeV.kind === 'unknown' ? U(`${fname}(): unknown resource type`, loc, callToken(fname, [...prefix, typeV, ...names])) : err(loc, fname, 'resource type must be a string');
  }
  if (typeV.value.split('/').filter((x) => x !== '').length < 2) return err(loc, fname, `invalid resource type '${typeV.value}'`);
  return buildResourceId(prefix, typeV.value, names, loc, fname);
}

function isTypeArg(v: Value | undefined): boolean {
  return v?.kind === 'string' && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[^/]/.test(v.value);
}

const sub = (s: Value): Value[] => [str('/subscriptions/', s.origin), s];
const rg = (r: Value): Value[] => [str('/resourceGroups/', r.origin), r];

def(
  'resourceId',
  (args, loc) => {
    const ti = args.findIndex(isTypeArg);
    if (ti < 0 || ti > 2) {
      // The type could be unknown; fall back to the conventional position.
      return U('resourceId(): unknown resource type', loc, callToken('resourceId', args));
    }
    const pre = args.slice(0, ti);
    const subV = ti === 2 ? pre[0]! : unknown('subscription', loc, DEFAULT_SUB);
    const rgV = ti >= 1 ? pre[ti - 1]! : unknown('resource group', loc, DEFAULT_RG);
    return resourceIdOf([...sub(subV), ...rg(rgV)], args[ti]!, args.slice(ti + 1), loc, 'resourceId');
  },
  true,
);
def(
  'subscriptionResourceId',
  (args, loc) => {
    const ti = args.findIndex(isTypeArg);
    if (ti < 0 || ti > 1) return U('subscriptionResourceId(): unknown resource type', loc, callToken('subscriptionResourceId', args));
    const subV = ti === 1 ? args[0]! : unknown('subscription', loc, DEFAULT_SUB);
    return resourceIdOf(sub(subV), args[ti]!, args.slice(ti + 1), loc, 'subscriptionResourceId');
  },
  true,
);
def(
  'tenantResourceId',
  (args, loc) => (args[0] ? resourceIdOf([], args[0], args.slice(1), loc, 'tenantResourceId') : err(loc, 'tenantResourceId', 'needs a type')),
  true,
);
def(
  'managementGroupResourceId',
  (args, loc) => {
    const ti = args.findIndex(isTypeArg);
    if (ti < 0 || ti > 1) return U('managementGroupResourceId(): unknown resource type', loc, callToken('managementGroupResourceId', args));
    const mg = ti === 1 ? args[0]! : unknown('management group', loc, 'managementGroup().name');
    return resourceIdOf([str('/providers/Microsoft.Management/managementGroups/', loc), mg], args[ti]!, args.slice(ti + 1), loc, 'managementGroupResourceId');
  },
  true,
);
def(
  'extensionResourceId',
  ([scope, ...rest], loc) => (scope && rest[0] ? resourceIdOf([scope], rest[0], rest.slice(1), loc, 'extensionResourceId') : err(loc, 'extensionResourceId', 'needs a scope and a type')),
  true,
);

// ---- deployment state: unknown with a stable token ------------------------------------------

const STATE_FUNCTIONS = [
  'resourceGroup',
  'subscription',
  'deployment',
  'environment',
  'tenant',
  'managementGroup',
  'reference',
  'references',
  'uniqueString',
  'guid',
  'pickZones',
  'providers',
  'deployer',
  'getSecret',
  'dateTimeAdd',
  'dateTimeFromEpoch',
  'dateTimeToEpoch',
  'listKeys',
  'listSecrets',
  'listAccountSas',
  'listServiceSas',
  'listConnectionStrings',
  'externalInputs',
];
for (const n of STATE_FUNCTIONS) {
  def(
    n,
    (args, loc) => {
      const t = callToken(n, args);
      return U(`depends on deployment state: ${t ?? n + '(…)'}`, loc, t);
    },
    true,
  );
}
for (const n of ['newGuid', 'utcNow']) {
  def(n, (_args, loc) => U(`${n}() differs on every deployment`, loc), true);
}
// Reached only with evaluated arguments (no `lambda(…)` written in place: evalLambdaCall takes those).
for (const n of ['lambda', 'lambdaVariables', 'filter', 'map', 'reduce', 'sort', 'toObject', 'mapValues', 'groupBy']) {
  def(n, (_args, loc) => U(`${n}(): a lambda that is not written in the call is not evaluated`, loc), true);
}

const isLambda = (a: Expr): boolean => a.kind === 'call' && lowerName(a.name) === 'lambda';

/**
 * A lambda function written with its lambdas (`map(parameters('pools'), lambda('p',
 * lambdaVariables('p').vmSize))`, what Bicep compiles `map(pools, p => p.vmSize)` to): each
 * `lambda('x', …, body)` is its parameter names and body, evaluated with `lambdaVariables('x')`
 * bound (eval/lambda-functions.ts, shared with the Bicep evaluator; review 75: the AVM
 * managed-cluster module builds its pools this way). At most LOOP_INSTANCE_CAP items; at most
 * LAMBDA_BUDGET bodies per evaluation.
 */
function evalLambdaCall(e: Extract<Expr, { kind: 'call' }>, l: string, ctx: ExprContext, loc: Location): Value {
  const values = e.args.filter((a) => !isLambda(a));
  const input = values[0] ? evalExpr(values[0], ctx, loc) : undefined;
  const init = l === 'reduce' && values[1] ? evalExpr(values[1], ctx, loc) : undefined;
  const budget = ctx.lambdaCalls ?? { count: 0, depth: 0 };
  const body = (lambda: Expr): LambdaBody => {
    if (lambda.kind !== 'call' || lambda.args.length === 0) return undefined;
    const names: string[] = [];
    for (const a of lambda.args.slice(0, -1)) {
      const n = evalExpr(a, ctx, loc);
      if (n.kind !== 'string') return () => U(`${l}(): a lambda's parameter names are not known strings`, loc);
      names.push(n.value);
    }
    const text = lambda.args[lambda.args.length - 1]!;
    return (args) => {
      if (budget.depth > 64) return U(`${l}() nests lambdas too deeply`, loc);
      // Past the budget: one EVAL001 note (RULES.md "Parse and evaluation problems"; self-review 76).
      const past = pastLambdaBudget(budget.count++, l, loc, (m) => ctx.problem?.(m, loc));
      if (past) return past;
      budget.depth++;
      try {
        const bound = new Map(names.map((n, i) => [n.toLowerCase(), args[i] ?? U(`lambda parameter '${n}' has no value`, loc)]));
        // The enclosing context with the parameters bound (its methods and fields through the prototype).
        const inner = Object.create(ctx) as ExprContext;
        Object.defineProperty(inner, 'lambdaCalls', { value: budget });
        Object.defineProperty(inner, 'lambdaVariable', { value: (name: string) => bound.get(name) ?? ctx.lambdaVariable?.(name) });
        return evalExpr(text, inner, loc);
      } finally {
        budget.depth--;
      }
    };
  };
  return applyLambdaFunction(l, input, init, e.args.filter(isLambda).map(body), loc, LOOP_INSTANCE_CAP);
}

// ---- the evaluator ----------------------------------------------------------------------------

/** Evaluates a parsed expression. `loc` is the Location of the JSON string holding it. */
export function evalExpr(e: Expr, ctx: ExprContext, loc: Location): Value {
  switch (e.kind) {
    case 'string':
      return str(e.value, loc);
    case 'number':
      return num(e.value, loc);
    case 'bool':
      return bool(e.value, loc);
    case 'null':
      return nul(loc);
    case 'prop': {
      const t = evalExpr(e.target, ctx, loc);
      return access(t, str(e.name, loc), loc);
    }
    case 'index': {
      const t = evalExpr(e.target, ctx, loc);
      const i = evalExpr(e.index, ctx, loc);
      return access(t, i, loc);
    }
    case 'call':
      return evalCall(e, ctx, loc);
  }
}

function access(t: Value, key: Value, loc: Location): Value {
  if (t.kind === 'unknown') {
    // A key an object only partly known surely holds (`union(extra, { a: 1 }).a`).
    const known = key.kind === 'string' ? knownMember(t, key.value) : undefined;
    if (known) return memberOf(t, known);
    const k = key.kind === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key.value) ? `.${key.value}` : key.kind === 'unknown' ? undefined : `[${tokenText(key)}]`;
    const tok = t.token !== undefined && k !== undefined && !(t as ArmUnknown).tpl ? `${t.token}${k}` : undefined;
    return U(t.reason, loc, tok);
  }
  if (key.kind === 'unknown') return U('index depends on an unknown value', loc);
  if (t.kind === 'object' && key.kind === 'string') {
    const m = member(t, key.value);
    return m ? memberOf(t, m) : U(`property '${key.value}' does not exist`, loc);
  }
  if (t.kind === 'list' && key.kind === 'number') {
    const it = t.items[Math.trunc(key.value)];
    // At a loop's position (copyIndex(), a Bicep loop index: no origin) the item is an element of the list (value.ts itemAt).
    return it ? itemAt(t, key, it) : U(`index ${key.value} is out of range`, loc);
  }
  if (t.kind === 'null') return U(`cannot read '${key.kind === 'string' ? key.value : tokenText(key)}' of null`, loc);
  return U(`cannot index a ${t.kind} with a ${key.kind}`, loc);
}

/**
 * Lower-case function names by name as written. Names come from the parsed (cached) expression
 * trees, a few hundred distinct ones: one look-up instead of a lower-cased copy per call (issue
 * 15: every call needs it twice, for the special forms and for the library). The key is an own
 * copy (own-strings.ts: a Bicep call's name may be cut from its file's text); bounded for
 * hostile input, as the parse cache is.
 */
const lowerName = memoByText(10_000, (name) => name.toLowerCase());

/** The arguments of a call evaluated, in order (a loop: no closure per call). */
function evalArgs(e: Extract<Expr, { kind: 'call' }>, ctx: ExprContext, loc: Location): Value[] {
  const args: Value[] = [];
  for (const a of e.args) args.push(evalExpr(a, ctx, loc));
  return args;
}

/** The keys of a `createObject('k1', v1, …)` whose keys are written as literals; undefined for anything else. */
function createdObjectKeys(e: Expr): string[] | undefined {
  if (e.kind !== 'call' || lowerName(e.name) !== 'createobject') return undefined;
  const keys: string[] = [];
  for (let i = 0; i < e.args.length; i += 2) {
    const k = e.args[i]!;
    if (k.kind !== 'string') return undefined;
    keys.push(k.value);
  }
  return keys;
}

function evalCall(e: Extract<Expr, { kind: 'call' }>, ctx: ExprContext, loc: Location): Value {
  const lname = lowerName(e.name);
  // Special forms first.
  if (lname === 'if') {
    if (e.args.length !== 3) return U('if(): needs three arguments', loc);
    const c = evalExpr(e.args[0]!, ctx, loc);
    // RULES.md "Values chosen by a condition": a branch written in this expression is located
    // at the input that decided the condition (a parameter value); a passed-through one keeps its origin.
    if (c.kind === 'bool') {
      const d = decisionOf(c, loc);
      // An object it chooses lacks the keys the other branch writes: they are left out by the decision.
      return leftOutBy(chosenBy(evalExpr(e.args[c.value ? 1 : 2]!, ctx, loc), loc, d), createdObjectKeys(e.args[c.value ? 2 : 1]!), loc, d);
    }
    if (c.kind === 'unknown') {
      const a = evalExpr(e.args[1]!, ctx, loc);
      const b = evalExpr(e.args[2]!, ctx, loc);
      const reason = `if(): the condition depends on an unknown value (${c.reason})`;
      // What both branches give is known whatever the condition (review 85).
      return agreedParts(a, b, loc, reason) ?? U(reason, loc, callToken('if', [c, a, b]));
    }
    return U('if(): condition must be a boolean', loc);
  }
  if (lname === 'parameters' || lname === 'variables') {
    const a = e.args[0] ? evalExpr(e.args[0], ctx, loc) : undefined;
    if (a?.kind !== 'string') return U(`${lname}(): name must be a known string`, loc);
    const v = lname === 'parameters' ? ctx.parameter(a.value) : ctx.variable(a.value);
    if (v === undefined) {
      ctx.problem?.(`${lname === 'parameters' ? 'Parameter' : 'Variable'} '${a.value}' is not declared`, loc);
      return U(`${lname === 'parameters' ? 'parameter' : 'variable'} '${a.value}' is not declared`, loc, `${lname}(${quoteArm(a.value)})`);
    }
    return v;
  }
  if (lname === 'copyindex') {
    const args = evalArgs(e, ctx, loc);
    let loopName: string | undefined;
    let offset = 0;
    for (const a of args) {
      if (a.kind === 'string') loopName = a.value;
      else if (a.kind === 'number') offset = a.value;
      else return U('copyIndex(): unknown argument', loc);
    }
    const i = ctx.copyIndex(loopName);
    if (i === undefined) return U(`copyIndex(${loopName ? quoteArm(loopName) : ''}) used outside of a copy loop`, loc);
    if (i.kind === 'number') return { ...num(i.value + offset, loc), loopPosition: true };
    return U(i.kind === 'unknown' ? i.reason : 'copyIndex(): unknown', loc, callToken('copyIndex', args));
  }
  if (LAMBDA_FUNCTIONS.has(lname) && e.args.some(isLambda)) return evalLambdaCall(e, lname, ctx, loc);
  if (lname === 'lambdavariables') {
    const a = e.args[0] ? evalExpr(e.args[0], ctx, loc) : undefined;
    if (a?.kind !== 'string') return U('lambdaVariables(): name must be a known string', loc);
    return ctx.lambdaVariable?.(a.value.toLowerCase()) ?? U(`lambdaVariables('${a.value}') is not a parameter of an enclosing lambda`, loc);
  }
  const args = evalArgs(e, ctx, loc);
  if (e.name.includes('.')) {
    const r = ctx.userFunction?.(e.name, args, loc);
    return r ?? U(`user-defined function ${e.name}() is not evaluated`, loc, callToken(e.name, args));
  }
  const hosted = ctx.hostFunction?.(e.name, args, loc);
  if (hosted) return hosted;
  return callLibrary(e.name, lname, args, loc) ?? U(`function ${e.name}() is not evaluated`, loc, callToken(e.name, args));
}

/**
 * Calls a function of the shared ARM library by name with evaluated arguments: the one dispatch
 * of both evaluators (template expressions after their special forms, and every Bicep call and
 * operator), so `format`/`union`/`coalesce`/… have one implementation.
 * Special forms (`if`, `parameters`, `variables`, `copyIndex`) are not available here.
 * Returns `undefined` when the function is not in the library.
 */
export function callArmFunction(name: string, args: Value[], loc: Location): Value | undefined {
  return callLibrary(name, lowerName(name), args, loc);
}

/** callArmFunction with the name's lower case already known. */
function callLibrary(name: string, lname: string, args: Value[], loc: Location): Value | undefined {
  const d = fns.get(lname);
  if (!d) {
    if (lname.startsWith('list')) {
      const t = callToken(name, args);
      return U(`depends on deployment state: ${t ?? name + '(…)'}`, loc, t);
    }
    return undefined;
  }
  // Before anything walks them (firstUnknown, the function): a shared value that doubles at each
  // variable (`{x: l1, y: l1}` forty times, `concat(s, s)`) would take forever to walk or build.
  if (argumentsTooLarge(args)) return U(`${d.name}(): an argument is too large to evaluate statically`, loc);
  if (args.some((a) => a.kind === 'list' && a.partial)) return U(`${d.name}(): its array has more items than the linter expands`, loc);
  if (!d.partial) {
    const u = firstUnknown(args);
    if (u) return U(`${d.name}(): depends on an unknown value${u.reason ? ` (${u.reason})` : ''}`, loc, callToken(d.name, args));
  }
  try {
    return provenance(d.name, d.fn(args, loc, d.name), args, loc);
  } catch (x) {
    return U(`${d.name}(): ${(x as Error).message}`, loc);
  }
}

/**
 * What decided a function's result (RULES.md "Values chosen by a condition"): `coalesce` chooses
 * its result by the null arguments before it; any other computed result remembers the input it
 * was computed from (`equals(parameters('env'), 'prod')`), so a condition on it is decided there.
 */
function provenance(name: string, r: Value, args: Value[], loc: Location): Value {
  const k = name === 'coalesce' ? args.indexOf(r) : -1;
  if (k > 0) {
    const i = Math.max(0, args.slice(0, k).findIndex((a) => decidingInput(a, loc) !== undefined));
    return chosenBy(r, loc, decisionOf(args[i]!, loc, 'coalesce() argument that was null'));
  }
  return derived(r, loc, args);
}

/** Property/index access with ARM semantics (unknown tokens extended: `reference(…).properties`). */
export function armAccess(t: Value, key: Value, loc: Location): Value {
  return access(t, key, loc);
}

/** Canonical ARM call text of a call with these arguments (`undefined` when an argument has no identity). */
export function armCallToken(name: string, args: Value[]): string | undefined {
  return callToken(name, args);
}

/**
 * Evaluates a JSON string value of a template: literal, `[[` escape or `[expression]`.
 * `loc` is the Location of the JSON string (the origin of literals and built values).
 */
export function evaluateArmString(s: string, loc: Location, ctx: ExprContext): Value {
  return evaluateReadString(readArmString(s), loc, ctx);
}

/** A JSON string of a template, read: its literal value, or its expression parsed. */
export type ArmString = { kind: 'literal'; value: string } | ParseResult;

/** Classifies and parses a JSON string once; `evaluateReadString` evaluates it (again and again: copy loops, variants). */
export function readArmString(s: string): ArmString {
  const form = classifyString(s);
  return form.kind === 'literal' ? form : parseExpression(form.text);
}

/** `evaluateArmString` of a string already read by `readArmString`. */
export function evaluateReadString(p: ArmString, loc: Location, ctx: ExprContext): Value {
  if ('kind' in p) return str(p.value, loc);
  if (!p.ok) {
    // A valid expression past the nesting cap is not an error of the template: its value is
    // unknown, as past any other evaluation limit (never reported; --verbose names it where a rule needed it).
    if (p.limit) return U(p.error, loc);
    ctx.problem?.(`Invalid template expression: ${p.error}`, loc);
    return U(`invalid expression: ${p.error}`, loc);
  }
  return evalExpr(p.expr, ctx, loc);
}

