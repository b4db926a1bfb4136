/**
 * The value of a one-line plain YAML scalar as the `yaml` library resolves it (YAML 1.2 core
 * schema) and as tree.ts writes it (`String(value)`), for the fast reader (fast-reader.ts),
 * which must give exactly the library path's values.
 */

/**
 * A plain scalar's value under the YAML 1.2 core schema, as the library resolves it (its
 * tag tests in the order of yaml/dist/schema/core/schema.js): null, bool, 0o octal, decimal
 * int, 0x hex, .inf/.nan, exponent float, float; anything else is a string. A primitive, so
 * duplicate keys are found as the library finds them (`a.value === b.value`).
 */
export function plainScalarValue(s: string): string | number | boolean | null {
  const c = s.charCodeAt(0);
  // Every non-string form starts with one of `~ n N t T f F 0-9 + - .` (or is empty).
  if (!(s.length === 0 || c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

/** A scalar's value as our trees hold it (a library node's `value`, or `plainScalarValue`'s): null is `''`, numbers and booleans as `String` writes them. */
export function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}
