/**
 * The comparisons of Azure Policy conditions, three-valued (undefined: cannot be told), as
 * https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule
 * describes them: strings without case (except `match`), `location` without case and spaces,
 * `like` with `*`, `match` with `#`, `?` and `.`; an absent left side makes `equals`, `in`,
 * `like`, `contains`, `containsKey` false and their negations true.
 */
import { isKnown, list, member, str, valuesEqual, type Value } from '../../core/value.js';

export type Tri = boolean | undefined;

export const OPERATORS = [
  'equals', 'notEquals', 'like', 'notLike', 'match', 'matchInsensitively', 'notMatch', 'notMatchInsensitively',
  'contains', 'notContains', 'in', 'notIn', 'containsKey', 'notContainsKey', 'less', 'lessOrEquals', 'greater',
  'greaterOrEquals', 'exists',
] as const;
export type Operator = (typeof OPERATORS)[number];

export function describeValue(v: Value): string {
  if (v.kind === 'unknown') return `an unknown value (${v.reason})`;
  if (v.kind === 'string') return JSON.stringify(v.value);
  return v.kind;
}

export function describeRight(v: Value): string {
  if (v.kind === 'string') return JSON.stringify(v.value);
  if (v.kind === 'list') return `[${v.items.map(describeRight).join(', ')}]`;
  if (v.kind === 'number' || v.kind === 'bool') return String(v.value);
  return v.kind;
}

export function normalizeLocation(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Scalar text for case-insensitive comparison; undefined for lists and objects. */
function scalarText(v: Value, loc: boolean): string | undefined {
  switch (v.kind) {
    case 'string':
      return loc ? normalizeLocation(v.value) : v.value.toLowerCase();
    case 'number':
      return String(v.value);
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'null':
      return '';
    default:
      return undefined;
  }
}

function equalsCI(a: Value, b: Value, loc: boolean): Tri {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  const x = scalarText(a, loc);
  const y = scalarText(b, loc);
  if (x !== undefined && y !== undefined) return x === y;
  if (x !== undefined || y !== undefined) return false;
  return valuesEqual(lowered(a), lowered(b), { ignoreKeyCase: true });
}

function lowered(v: Value): Value {
  if (v.kind === 'string') return str(v.value.toLowerCase());
  if (v.kind === 'list') return list(v.items.map(lowered));
  if (v.kind === 'object') return { ...v, entries: new Map([...v.entries].map(([k, e]) => [k, lowered(e)])) };
  return v;
}

/**
 * `like`: `*` matches any run of characters; case-insensitive. The pattern comes from a policy
 * file, so no backtracking RegExp: the two-pointer wildcard match, O(text × pattern) at worst.
 */
export function likeMatches(text: string, pattern: string): boolean {
  const t = text.toLowerCase();
  const p = pattern.toLowerCase();
  let ti = 0;
  let pi = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && p[pi] !== '*' && p[pi] === t[ti]) {
      ti++;
      pi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** `match`: `#` a digit, `?` a letter, `.` any character, anything else itself. */
export function matchMatches(text: string, pattern: string, insensitive: boolean): boolean {
  if (text.length !== pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const c = text[i]!;
    if (p === '#') {
      if (!/[0-9]/.test(c)) return false;
    } else if (p === '?') {
      if (!/\p{L}/u.test(c)) return false;
    } else if (p !== '.') {
      if (insensitive ? p.toLowerCase() !== c.toLowerCase() : p !== c) return false;
    }
  }
  return true;
}

function truthy(v: Value): Tri {
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'string' && /^(true|false)$/i.test(v.value)) return v.value.toLowerCase() === 'true';
  return undefined;
}

/** Compares a left value (undefined = absent) with the right side; undefined when it cannot be told. */
export function compare(op: Operator, left: Value | undefined, right: Value, loc: boolean): Tri {
  if (left?.kind === 'unknown') return undefined;
  const absent = left === undefined || left.kind === 'null';
  switch (op) {
    case 'exists': {
      const want = truthy(right);
      return want === undefined ? undefined : !absent === want;
    }
    case 'equals':
      return absent ? false : equalsCI(left!, right, loc);
    case 'notEquals': {
      if (absent) return true;
      const e = equalsCI(left!, right, loc);
      return e === undefined ? undefined : !e;
    }
    case 'in':
    case 'notIn': {
      if (right.kind !== 'list') return undefined;
      if (absent) return op === 'notIn';
      let found: Tri = false;
      for (const it of right.items) {
        const e = equalsCI(left!, it, loc);
        if (e === true) {
          found = true;
          break;
        }
        if (e === undefined) found = undefined;
      }
      return found === undefined ? undefined : op === 'in' ? found : !found;
    }
    case 'like':
    case 'notLike': {
      if (absent) return op === 'notLike';
      const t = scalarText(left!, loc);
      if (t === undefined || right.kind !== 'string') return undefined;
      const m = likeMatches(loc ? t : scalarTextRaw(left!), right.value);
      return op === 'like' ? m : !m;
    }
    case 'match':
    case 'matchInsensitively':
    case 'notMatch':
    case 'notMatchInsensitively': {
      const negate = op.startsWith('not');
      if (absent) return negate;
      if (left!.kind !== 'string' || right.kind !== 'string') return undefined;
      const m = matchMatches(left!.value, right.value, op.endsWith('Insensitively'));
      return negate ? !m : m;
    }
    case 'contains':
    case 'notContains': {
      if (absent) return op === 'notContains';
      if (left!.kind !== 'string' || !isKnown(right)) return undefined;
      const r = scalarText(right, false);
      if (r === undefined) return undefined;
      const m = left!.value.toLowerCase().includes(r);
      return op === 'contains' ? m : !m;
    }
    case 'containsKey':
    case 'notContainsKey': {
      if (absent) return op === 'notContainsKey';
      if (left!.kind !== 'object' || right.kind !== 'string') return undefined;
      const m = member(left!, right.value) !== undefined;
      return op === 'containsKey' ? m : !m;
    }
    case 'less':
    case 'lessOrEquals':
    case 'greater':
    case 'greaterOrEquals': {
      if (absent) return undefined;
      const c = order(left!, right);
      if (c === undefined) return undefined;
      return op === 'less' ? c < 0 : op === 'lessOrEquals' ? c <= 0 : op === 'greater' ? c > 0 : c >= 0;
    }
  }
}

function scalarTextRaw(v: Value): string {
  return v.kind === 'string' ? v.value : String((v as { value?: unknown }).value ?? '');
}

/** Numbers numerically; strings (ISO dates, versions of one width) ordinally. */
function order(a: Value, b: Value): number | undefined {
  if (a.kind === 'number' && b.kind === 'number') return a.value - b.value;
  const an = a.kind === 'string' && /^-?\d+(\.\d+)?$/.test(a.value) ? Number(a.value) : a.kind === 'number' ? a.value : undefined;
  const bn = b.kind === 'string' && /^-?\d+(\.\d+)?$/.test(b.value) ? Number(b.value) : b.kind === 'number' ? b.value : undefined;
  if (an !== undefined && bn !== undefined) return an - bn;
  if (a.kind === 'string' && b.kind === 'string') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  return undefined;
}

/** `type` compared case-insensitively; an unknown type is decided only against types it is known not to be. */
export function compareType(op: Operator, type: Value | undefined, right: Value, notTypes: ReadonlySet<string> | undefined): Tri {
  if (type && type.kind !== 'unknown') return compare(op, type, right, false);
  if (!notTypes) return undefined;
  const known = (v: Value): boolean => v.kind === 'string' && notTypes.has(v.value.toLowerCase());
  if (op === 'equals' && known(right)) return false;
  if (op === 'notEquals' && known(right)) return true;
  if (op === 'in' && right.kind === 'list' && right.items.every(known)) return false;
  if (op === 'notIn' && right.kind === 'list' && right.items.every(known)) return true;
  if (op === 'exists') return truthy(right);
  return undefined;
}
