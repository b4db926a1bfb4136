/**
 * Terraform built-in functions evaluated statically over `Value`s.
 *
 * Unknown arguments give unknown results (except where Terraform itself can decide, e.g.
 * `try`/`can`, `coalesce` with a known non-null first argument). A function that is not
 * listed here is unknown: never a wrong value.
 */
import type { Location } from '../../core/source.js';
import {
  argumentsTooLarge, bool, compared, containsUnknown, knownFirstItems, leftOutOfMerge, list, nul, num, obj, str, throughCollection, unknown, unknownAfter, fromJS, itemAt, valuesEqual, withoutSetMarker, withProvenanceOf,
  type UnknownValue, type Value,
} from '../../core/value.js';
import { nestingOverflow } from '../../parse/json/index.js';
import { MAX_NESTING_DEPTH } from '../../parse/nesting.js';
import { plainNumber } from './decimal.js';
import { goJson, graphemes, tfFormat } from './format.js';
import { tryCompileRegex, type RegexMatch, type TerraformRegex } from './regex.js';
import { appendAll, maxOf, minOf } from '../../core/arrays.js';

export { valuesEqual };

export type TfFunction = (args: Value[], at: Location) => Value;

function firstUnknown(args: Value[]): Value | undefined {
  return args.find((a) => a.kind === 'unknown');
}

/** HCL's automatic conversion of a primitive to a string. */
export function asString(v: Value): string | undefined {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'number':
      return formatNumber(v.value);
    case 'bool':
      return v.value ? 'true' : 'false';
    default:
      return undefined;
  }
}

/** Terraform's number-to-string conversion: a plain decimal, never an exponent. */
export function formatNumber(n: number): string {
  return plainNumber(n);
}

/** A function of one number (`abs`, `floor`, …): unknown when its argument is not a number. */
function ofOneNumber(name: string, f: (n: number) => number): (args: Value[], at: Location) => Value {
  return (args, at) => {
    const n = args[0] && asNumber(args[0]);
    return n === undefined ? unk(name, at) : num(f(n), at);
  };
}

function asNumber(v: Value): number | undefined {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string' && v.value.trim() !== '' && !Number.isNaN(Number(v.value))) return Number(v.value);
  return undefined;
}

function asList(v: Value): Value[] | undefined {
  if (v.kind === 'list') return v.items;
  return undefined;
}

/** An unknown list as a set: the same value (its chain and decision kept) without the items it began with. */
function withoutFirstItems(u: UnknownValue): UnknownValue {
  const { firstItems: _first, ...rest } = u;
  return rest;
}

const unk = (name: string, at: Location, cause?: Value): Value =>
  unknown(cause && cause.kind === 'unknown' ? cause.reason : `${name}() result is not known statically`, at);

/**
 * A function that gives its argument's value in another case or without surrounding blanks
 * (`lower`, `upper`, `trimspace`, …): the value is the one written where the argument was, so it
 * keeps the argument's provenance (its origin, chain and deciding input), as ARM's
 * `toLower`/`toUpper`/`trim` do. `upper(var.min_tls)` given "tls1_0" by two module callers is
 * then a finding at each caller's argument (RULES.md "Location").
 */
function sameValueFn(name: string, f: (s: string) => string): TfFunction {
  return (args, at) => {
    const a = args[0];
    if (!a) return unk(name, at);
    if (a.kind === 'unknown') return unk(name, at, a);
    const s = asString(a);
    return s === undefined ? unk(name, at) : withProvenanceOf(str(f(s)), a);
  };
}

/** A two-string predicate (`startswith`, `endswith`, `strcontains`): unknown if either is. */
function stringTest(name: string, test: (s: string, other: string) => boolean): TfFunction {
  return (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk(name, at, u);
    const [s, other] = args.map(asString);
    return s === undefined || other === undefined ? unk(name, at) : bool(test(s, other), at);
  };
}

/** `Map.forEach` callback setting each entry in the map given as `this`. */
function setIn(this: Map<string, Value>, v: Value, k: string): void {
  this.set(k, v);
}

/** `Map.forEach` callback pushing each value on the array given as `this`. */
function mergeObjects(args: Value[], at: Location): Value {
  const out = new Map<string, Value>();
  // Where each key of the result is written: in the argument whose entry wins (the last).
  let keyOrigins: Map<string, Location> | undefined;
  for (const a of args) {
    if (a.kind === 'null') continue;
    if (a.kind === 'unknown') return unk('merge', at, a);
    if (a.kind !== 'object') return unk('merge', at);
    // forEach: a for…of over a map makes a [key, value] array per entry (and, in V8's
    // interpreter, an iterator result object): merge() of large maps is common (CAF).
    a.entries.forEach(setIn, out);
    if (a.keyOrigins) {
      keyOrigins ??= new Map();
      for (const k of a.entries.keys()) {
        const o = a.keyOrigins.get(k);
        if (o) keyOrigins.set(k, o);
        else keyOrigins.delete(k);
      }
    } else if (keyOrigins) for (const k of a.entries.keys()) keyOrigins.delete(k);
  }
  // A key a conditional left out of one argument (`c ? { k = v } : {}`) that no argument sets stays left out.
  return leftOutOfMerge(keyOrigins ? { ...obj(out, at), keyOrigins } : obj(out, at), args);
}

const fns: Record<string, TfFunction> = {
  merge: mergeObjects,
  lookup: (args, at) => {
    const [m, k, d] = args;
    if (!m || !k) return unk('lookup', at);
    if (k.kind === 'unknown') {
      if (m.kind !== 'object') return unk('lookup', at, k);
      const read = throughCollection(unknown(k.reason, at), m);
      // The default is what a key the map lacks reads: its chain (`var.default_size`) feeds the value too.
      return d?.via?.length ? { ...read, readOutOf: [...(read.readOutOf ?? []), ...d.via] } : read;
    }
    const key = asString(k);
    if (m.kind === 'unknown') return unk('lookup', at, m);
    if (m.kind !== 'object' || key === undefined) return unk('lookup', at);
    const hit = m.entries.get(key);
    if (hit) return hit;
    return d ?? unknown(`lookup(): key "${key}" is not in the map`, at);
  },
  coalesce: (args, at) => {
    for (const a of args) {
      if (a.kind === 'unknown') return unk('coalesce', at, a);
      if (a.kind === 'null') continue;
      if (a.kind === 'string' && a.value === '') continue;
      return a;
    }
    return unk('coalesce', at);
  },
  coalescelist: (args, at) => {
    for (const a of args) {
      if (a.kind === 'unknown') return unk('coalescelist', at, a);
      if (a.kind === 'list' && a.items.length > 0) return a;
    }
    return unk('coalescelist', at);
  },
  format: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk('format', at, u);
    if (args.some(containsUnknown)) return unk('format', at);
    const f = args[0] && asString(args[0]);
    if (f === undefined) return unk('format', at);
    const r = tfFormat(f, args.slice(1));
    // `format("%s", var.x)` is var.x's value: where it was written (as `"${var.x}"` is).
    if (r.ok && args.length === 2 && (f === '%s' || f === '%v') && r.text === asString(args[1]!)) return withProvenanceOf(str(r.text), args[1]!);
    if (r.ok) return str(r.text, at);
    return 'error' in r ? errorUnknown(`format(): ${r.error}`, at) : unknown(`format(): ${r.unknown}`, at);
  },
  lower: sameValueFn('lower', (s) => s.toLowerCase()),
  upper: sameValueFn('upper', (s) => s.toUpperCase()),
  trimspace: sameValueFn('trimspace', (s) => s.trim()),
  title: sameValueFn('title', (s) => s.replace(/\b\w/g, (c) => c.toUpperCase())),
  chomp: sameValueFn('chomp', (s) => s.replace(/[\r\n]+$/, '')),
  tostring: (args, at) => {
    const a = args[0];
    if (!a) return unk('tostring', at);
    if (a.kind === 'unknown' || a.kind === 'null') return a;
    const s = asString(a);
    return s === undefined ? unk('tostring', at) : { ...str(s), origin: a.origin, via: a.via };
  },
  tonumber: (args, at) => {
    const a = args[0];
    if (!a) return unk('tonumber', at);
    if (a.kind === 'unknown' || a.kind === 'null') return a;
    const n = asNumber(a);
    return n === undefined ? unk('tonumber', at) : { ...num(n), origin: a.origin, via: a.via };
  },
  tobool: (args, at) => {
    const a = args[0];
    if (!a) return unk('tobool', at);
    if (a.kind === 'unknown' || a.kind === 'null' || a.kind === 'bool') return a;
    if (a.kind === 'string' && (a.value === 'true' || a.value === 'false'))
      return { ...bool(a.value === 'true'), origin: a.origin, via: a.via };
    return unk('tobool', at);
  },
  tolist: (args, at) => {
    const a = args[0];
    if (!a) return unk('tolist', at);
    // A set converted to a list is a list (its key in a dynamic block is an index again).
    if (a.kind === 'list' && a.set) return withoutSetMarker(a);
    return a.kind === 'list' || a.kind === 'unknown' || a.kind === 'null' ? a : unk('tolist', at);
  },
  toset: (args, at) => {
    const a = args[0];
    if (!a) return unk('toset', at);
    // A set has no order: what a list surely began with says nothing of a set's first element.
    if (a.kind !== 'list') return a.kind === 'unknown' ? withoutFirstItems(a) : unk('toset', at);
    if (containsUnknown(a)) return unk('toset', at);
    const seen = distinctItems(a.items);
    if (!seen) return unk('toset', at);
    // Terraform sets of strings iterate in lexical order.
    if (seen.every((x) => x.kind === 'string')) seen.sort((x, y) => (asString(x)! < asString(y)! ? -1 : 1));
    return { ...list(seen), origin: a.origin, via: a.via, set: true };
  },
  tomap: (args, at) => {
    const a = args[0];
    if (!a) return unk('tomap', at);
    return a.kind === 'object' || a.kind === 'unknown' || a.kind === 'null' ? a : unk('tomap', at);
  },
  concat: (args, at) => {
    const items: Value[] = [];
    for (const a of args) {
      // The lists before an unknown one are surely the result's first items (an azapi body's
      // `concat([local.system_pool], var.gpu ? [local.gpu_pool] : [])`).
      if (a.kind === 'unknown') return unknownAfter([...items, ...knownFirstItems(a)], unknown(a.reason, at));
      const l = asList(a);
      if (!l) return unk('concat', at);
      appendAll(items, l);
    }
    return list(items, at);
  },
  length: (args, at) => {
    const a = args[0];
    if (!a) return unk('length', at);
    if (a.kind === 'unknown') return unk('length', at, a);
    if (a.kind === 'list') return num(a.items.length, at);
    if (a.kind === 'object') return num(a.entries.size, at);
    if (a.kind === 'string') return num(graphemes(a.value).length, at);
    return unk('length', at);
  },
  contains: (args, at) => {
    const [l, v] = args;
    if (!l || !v) return unk('contains', at);
    if (l.kind === 'unknown') return unk('contains', at, l);
    if (l.kind !== 'list') return unk('contains', at);
    let sawUnknown = v.kind === 'unknown';
    // A membership test is a comparison: decided by the input it reads (`contains(["dev"],
    // var.env)` by the var file's value, as `var.env == "dev"`; review 71), RULES.md "Values
    // chosen by a condition".
    for (const x of l.items) {
      const eq = valuesEqual(x, v);
      if (eq === true) return compared(bool(true, at), l, v, at);
      if (eq === undefined) sawUnknown = true;
    }
    return sawUnknown ? unk('contains', at) : compared(bool(false, at), l, v, at);
  },
  keys: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== 'object') return a?.kind === 'unknown' ? unk('keys', at, a) : unk('keys', at);
    return list([...a.entries.keys()].sort().map((k) => str(k, a.keyOrigins?.get(k) ?? at)), at);
  },
  values: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== 'object') return a?.kind === 'unknown' ? unk('values', at, a) : unk('values', at);
    return list([...a.entries.keys()].sort().map((k) => a.entries.get(k)!), at);
  },
  element: (args, at) => {
    const [l, i] = args;
    if (!l || !i) return unk('element', at);
    // An index not known reads one of a known list's items: the list still feeds the value (GPU002).
    if (l.kind === 'list' && i.kind === 'unknown' && l.items.length > 0) return throughCollection(unknown(i.reason, at), l);
    if (l.kind !== 'list' || i.kind !== 'number' || l.items.length === 0) return unk('element', at);
    return itemAt(l, i, l.items[((Math.trunc(i.value) % l.items.length) + l.items.length) % l.items.length]!);
  },
  join: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk('join', at, u);
    const sep = args[0] && asString(args[0]);
    if (sep === undefined) return unk('join', at);
    const parts: string[] = [];
    for (const l of args.slice(1)) {
      if (l.kind !== 'list') return unk('join', at);
      for (const x of l.items) {
        const s = asString(x);
        if (s === undefined) return unk('join', at);
        parts.push(s);
      }
    }
    return str(parts.join(sep), at);
  },
  split: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk('split', at, u);
    const sep = args[0] && asString(args[0]);
    const s = args[1] && asString(args[1]);
    if (sep === undefined || s === undefined) return unk('split', at);
    return list(s.split(sep).map((x) => str(x, at)), at);
  },
  replace: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk('replace', at, u);
    const [s, search, rep] = args.map(asString);
    if (s === undefined || search === undefined || rep === undefined) return unk('replace', at);
    if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
      const re = tryCompileRegex(search.slice(1, -1));
      if (!re) return invalidPattern('replace', search.slice(1, -1), at);
      return str(re.replaceAll(s, rep), at);
    }
    return str(s.split(search).join(rep), at);
  },
  startswith: stringTest('startswith', (s, p) => s.startsWith(p)),
  endswith: stringTest('endswith', (s, p) => s.endsWith(p)),
  substr: (args, at) => {
    const u = firstUnknown(args);
    if (u) return unk('substr', at, u);
    const s = args[0] && asString(args[0]);
    const off = args[1] && asNumber(args[1]);
    const len = args[2] && asNumber(args[2]);
    if (s === undefined || off === undefined || len === undefined) return unk('substr', at);
    const chars = graphemes(s);
    const start = off < 0 ? chars.length + off : off;
    return str(chars.slice(start, len < 0 ? undefined : start + len).join(''), at);
  },
  regex: (args, at) => {
    // The pattern decides the result type, so Terraform rejects a bad one even for an unknown string.
    const p = args[0] && args[0].kind !== 'unknown' ? asString(args[0]) : undefined;
    const re = p === undefined ? undefined : tryCompileRegex(p);
    if (p !== undefined && !re) return invalidPattern('regex', p, at);
    if (re && mixesGroupKinds(re)) return mixedGroups('regex', at);
    const u = firstUnknown(args);
    if (u) return unk('regex', at, u);
    const s = args[1] && asString(args[1]);
    if (!re || s === undefined) return unk('regex', at);
    const m = re.first(s);
    if (!m) return unknown(`regex(): no match for ${JSON.stringify(p)}`, at, 'error:regex-no-match');
    return matchValue(re, s, m, at);
  },
  regexall: (args, at) => {
    const p = args[0] && args[0].kind !== 'unknown' ? asString(args[0]) : undefined;
    const re = p === undefined ? undefined : tryCompileRegex(p);
    if (p !== undefined && !re) return invalidPattern('regexall', p, at);
    if (re && mixesGroupKinds(re)) return mixedGroups('regexall', at);
    const u = firstUnknown(args);
    if (u) return unk('regexall', at, u);
    const s = args[1] && asString(args[1]);
    if (!re || s === undefined) return unk('regexall', at);
    return list(re.all(s).map((m) => matchValue(re, s, m, at)), at);
  },
  jsonencode: (args, at) => {
    const a = args[0];
    if (!a) return unk('jsonencode', at);
    if (containsUnknown(a)) return unk('jsonencode', at);
    // cty's JSON, as Terraform writes it: keys in lexical order, <, >, & escaped.
    const text = goJson(a);
    // The encoded value is the string's document: what decodes it (a policy definition's
    // `policy_rule`, `jsondecode`, an azapi `body`) reads the value with its places, so a policy
    // condition written in HCL is located at its own line, not at `jsonencode(` (review 71).
    return text === undefined ? unk('jsonencode', at) : { ...str(text, at), document: a };
  },
  jsondecode: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== 'string') return a?.kind === 'unknown' ? unk('jsondecode', at, a) : unk('jsondecode', at);
    if (nestingOverflow(a.value, MAX_NESTING_DEPTH) !== undefined) return unknown(`jsondecode(): JSON nested deeper than ${MAX_NESTING_DEPTH} levels`, at);
    // The text of a JSON file (`local.rule = file("rule.json")`): its values where the file writes them.
    if (a.document) return a.document;
    try {
      return fromJS(JSON.parse(a.value), a.origin ?? at);
    } catch {
      return unk('jsondecode', at);
    }
  },
  flatten: (args, at) => {
    const out: Value[] = [];
    const walk = (v: Value): boolean => {
      if (v.kind === 'list') return v.items.every(walk);
      if (v.kind === 'unknown') return false;
      out.push(v);
      return true;
    };
    const a = args[0];
    if (!a || !walk(a)) return unk('flatten', at);
    return list(out, at);
  },
  distinct: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== 'list' || containsUnknown(a)) return unk('distinct', at);
    const seen = distinctItems(a.items);
    return seen ? list(seen, at) : unk('distinct', at);
  },
  compact: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== 'list' || containsUnknown(a)) return unk('compact', at);
    return list(a.items.filter((x) => !(x.kind === 'null' || (x.kind === 'string' && x.value === ''))), at);
  },
  zipmap: (args, at) => {
    const [k, v] = args;
    if (!k || !v || k.kind !== 'list' || v.kind !== 'list' || containsUnknown(k)) return unk('zipmap', at);
    const m = new Map<string, Value>();
    k.items.forEach((key, i) => {
      const s = asString(key);
      if (s !== undefined) m.set(s, v.items[i] ?? nul(at));
    });
    return obj(m, at);
  },
  min: (args, at) => {
    const ns = args.map(asNumber);
    return ns.some((n) => n === undefined) || ns.length === 0 ? unk('min', at) : num(minOf(ns as number[]), at);
  },
  max: (args, at) => {
    const ns = args.map(asNumber);
    return ns.some((n) => n === undefined) || ns.length === 0 ? unk('max', at) : num(maxOf(ns as number[]), at);
  },
  abs: ofOneNumber('abs', Math.abs),
  // (Review 125: `floor(p.os_disk_size_gb) == p.os_disk_size_gb` in a validation was unknown.)
  floor: ofOneNumber('floor', Math.floor),
  ceil: ofOneNumber('ceil', Math.ceil),
  signum: ofOneNumber('signum', (n) => (n > 0 ? 1 : n < 0 ? -1 : 0)),
  range: (args, at) => {
    const ns = args.map(asNumber);
    if (ns.some((n) => n === undefined)) return unk('range', at);
    let [start, end, step] = ns as number[];
    if (end === undefined) [start, end] = [0, start!];
    step ??= start! <= end! ? 1 : -1;
    const out: Value[] = [];
    if (step === 0) return unk('range', at);
    for (let x = start!; step > 0 ? x < end! : x > end!; x += step) {
      // A loop's position, written nowhere: no location, so a condition on it (`i == 0 ? … : …`)
      // is no input deciding it (RULES.md "Values chosen by a condition"), as count.index is not
      // and as Bicep's and ARM's range() numbers are not (review 106).
      out.push(num(x));
      // Terraform's own limit: "If the algorithm above would append the 1025th number to the
      // sequence, the function immediately exits with an error"
      // (https://developer.hashicorp.com/terraform/language/functions/range).
      if (out.length > 1024) return unknown('range() would make more than 1024 numbers, which Terraform rejects', at);
    }
    return list(out, at);
  },
  one: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== 'list') return unk('one', at);
    if (a.items.length === 0) return nul(at);
    return a.items.length === 1 ? a.items[0]! : unk('one', at);
  },
  slice: (args, at) => {
    const [l, s, e] = args;
    const si = s && asNumber(s);
    const ei = e && asNumber(e);
    if (!l || l.kind !== 'list' || si === undefined || ei === undefined) return unk('slice', at);
    return list(l.items.slice(si, ei), at);
  },
  reverse: (args, at) => {
    const a = args[0];
    return a && a.kind === 'list' ? list([...a.items].reverse(), at) : unk('reverse', at);
  },
  sort: (args, at) => {
    const a = args[0];
    if (!a || a.kind !== 'list' || containsUnknown(a)) return unk('sort', at);
    const items = [...a.items].sort((x, y) => ((asString(x) ?? '') < (asString(y) ?? '') ? -1 : 1));
    return list(items, at);
  },
  index: (args, at) => {
    const [l, v] = args;
    if (!l || !v || l.kind !== 'list' || containsUnknown(l) || v.kind === 'unknown') return unk('index', at);
    const i = l.items.findIndex((x) => valuesEqual(x, v));
    return i < 0 ? unk('index', at) : num(i, at);
  },
  trimprefix: (args, at) => {
    const [s, p] = args.map(asString);
    return s === undefined || p === undefined ? unk('trimprefix', at) : str(s.startsWith(p) ? s.slice(p.length) : s, at);
  },
  trimsuffix: (args, at) => {
    const [s, p] = args.map(asString);
    return s === undefined || p === undefined ? unk('trimsuffix', at) : str(s.endsWith(p) ? s.slice(0, -p.length) : s, at);
  },
  // sensitive()/nonsensitive() only mark the value for Terraform's output redaction: the value
  // itself (and where it was written) is unchanged.
  sensitive: (args, at) => (args.length === 1 ? args[0]! : unk('sensitive', at)),
  nonsensitive: (args, at) => (args.length === 1 ? args[0]! : unk('nonsensitive', at)),
  // alltrue/anytrue in Terraform's element order: alltrue is unknown at the first unknown
  // element before a false one, a null element is false; anytrue skips unknown and null
  // elements and is unknown when no element is true but one was unknown.
  alltrue: (args, at) => {
    const l = args[0];
    if (!l || l.kind !== 'list') return unk('alltrue', at, l);
    for (const x of l.items) {
      if (x.kind === 'unknown') return unk('alltrue', at, x);
      if (x.kind === 'null') return bool(false, at);
      const b = asBool(x);
      if (b === undefined) return unk('alltrue', at);
      if (!b) return bool(false, at);
    }
    return bool(true, at);
  },
  anytrue: (args, at) => {
    const l = args[0];
    if (!l || l.kind !== 'list') return unk('anytrue', at, l);
    let unknownSeen: Value | undefined;
    for (const x of l.items) {
      if (x.kind === 'unknown') {
        unknownSeen ??= x;
        continue;
      }
      if (x.kind === 'null') continue;
      const b = asBool(x);
      if (b === undefined) return unk('anytrue', at);
      if (b) return bool(true, at);
    }
    return unknownSeen ? unk('anytrue', at, unknownSeen) : bool(false, at);
  },
  strcontains: stringTest('strcontains', (s, sub) => s.includes(sub)),
  sum: (args, at) => {
    const l = args[0];
    if (!l || l.kind !== 'list' || l.items.length === 0) return unk('sum', at, l);
    const ns = l.items.map(asNumber);
    return ns.some((n) => n === undefined) ? unk('sum', at, firstUnknown(l.items)) : num((ns as number[]).reduce((a, b) => a + b, 0), at);
  },
};

/** A bool, or the strings "true"/"false" (HCL's automatic conversion). */
function asBool(v: Value): boolean | undefined {
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'string' && (v.value === 'true' || v.value === 'false')) return v.value === 'true';
  return undefined;
}

/** Functions whose result is not a pure function of their arguments, or reads files: unknown. */
export function callFunction(name: string, args: Value[], at: Location): Value {
  const f = fns[name];
  if (!f) return unknown(`function ${name}() is not evaluated statically`, at);
  // Values share structure (a local used twice is one object), so a few lines can describe
  // a value with billions of nodes; functions that walk their arguments stop short of that.
  if (argumentsTooLarge(args)) return unknown(`${name}() argument is too large to evaluate statically`, at);
  return f(args, at);
}

/** Distinct known values, first occurrence first (identity by canonical JSON: linear, not pairwise). */
function distinctItems(items: Value[]): Value[] | undefined {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const x of items) {
    const key = goJson(x);
    if (key === undefined) return undefined;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(x);
  }
  return out;
}

/**
 * Unknowns created by a failing operation on known input (missing key, out of range, no
 * regex match, a bad pattern) rather than by unknown input: `try`/`can` treat them as errors.
 */
export function isErrorUnknown(v: Value): boolean {
  if (v.kind !== 'unknown') return false;
  return (
    v.token?.startsWith('error:') === true ||
    /^(attribute ".*" is not set|key .* not found|index .* out of range|attribute ".*" of (null|a \w+)|cannot index)/.test(v.reason)
  );
}

function errorUnknown(reason: string, at: Location): Value {
  return unknown(reason, at, 'error:function');
}

function invalidPattern(fn: string, pattern: string, at: Location): Value {
  return errorUnknown(`${fn}(): invalid regexp pattern ${JSON.stringify(pattern)}`, at);
}

function mixedGroups(fn: string, at: Location): Value {
  return errorUnknown(`${fn}(): invalid regexp pattern: cannot mix both named and unnamed capture groups`, at);
}

function mixesGroupKinds(re: TerraformRegex): boolean {
  const groups = re.groupNames.slice(1);
  return groups.some((n) => n === '') && groups.some((n) => n !== '');
}

/**
 * One match as go-cty returns it: the matched text without groups, a tuple of the groups, or
 * an object of the named groups; a group that did not take part is null.
 */
function matchValue(re: TerraformRegex, s: string, m: RegexMatch, at: Location): Value {
  const group = (g: number): Value => {
    const start = m.spans[2 * g]!;
    return start < 0 ? nul(at) : str(s.slice(start, m.spans[2 * g + 1]), at);
  };
  const names = re.groupNames;
  if (names.length === 1) return group(0);
  if (names[1] === '') return list(names.slice(1).map((_, i) => group(i + 1)), at);
  return obj(new Map(names.slice(1).map((n, i) => [n, group(i + 1)])), at);
}

export function hasFunction(name: string): boolean {
  return name in fns;
}
