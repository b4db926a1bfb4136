/**
 * The value domain shared by the Terraform, ARM and Bicep evaluators.
 *
 * A value is either known (string, number, bool, null, list, object) or `unknown`.
 * Unknown propagates through every operation and is never reported by a rule
 * (RULES.md "Three-valued facts"). Every value remembers where it was written
 * (`origin`) and the places it flowed through (`via`: variable declaration, module
 * argument, parameter, …) so that a finding can point at the line that set it and list
 * the chain as related locations.
 */
import type { Location } from './source.js';

interface ValueBase {
  /** Where the value was written (a literal, a tfvars assignment, a parameter value). */
  origin?: Location;
  /** Places the value passed through on its way to where it is used, oldest first. */
  via?: readonly Location[];
}

export interface StringValue extends ValueBase { kind: 'string'; value: string }
export interface NumberValue extends ValueBase { kind: 'number'; value: number }
export interface BoolValue extends ValueBase { kind: 'bool'; value: boolean }
export interface NullValue extends ValueBase { kind: 'null' }
/** Lists, tuples and sets. */
export interface ListValue extends ValueBase { kind: 'list'; items: Value[] }
/** Objects and maps; insertion order is kept. */
export interface ObjectValue extends ValueBase { kind: 'object'; entries: Map<string, Value> }
export interface UnknownValue extends ValueBase {
  kind: 'unknown';
  /** Why it cannot be known statically, for `--verbose`: "depends on data.azurerm_client_config.current". */
  reason: string;
  /**
   * An opaque, stable identity for values that are unknown but the same wherever they
   * appear (an ARM `parameters('name')` without default, `uniqueString(resourceGroup().id)`):
   * used to link resources in the graph. Never compared with known strings.
   */
  token?: string;
}

export type Value = StringValue | NumberValue | BoolValue | NullValue | ListValue | ObjectValue | UnknownValue;
export type KnownScalar = StringValue | NumberValue | BoolValue | NullValue;

export const str = (value: string, origin?: Location): StringValue => ({ kind: 'string', value, origin });
export const num = (value: number, origin?: Location): NumberValue => ({ kind: 'number', value, origin });
export const bool = (value: boolean, origin?: Location): BoolValue => ({ kind: 'bool', value, origin });
export const nul = (origin?: Location): NullValue => ({ kind: 'null', origin });
export const list = (items: Value[], origin?: Location): ListValue => ({ kind: 'list', items, origin });
export const obj = (entries: Map<string, Value> | Record<string, Value>, origin?: Location): ObjectValue => ({
  kind: 'object',
  entries: entries instanceof Map ? entries : new Map(Object.entries(entries)),
  origin,
});
export const unknown = (reason: string, origin?: Location, token?: string): UnknownValue => ({
  kind: 'unknown',
  reason,
  origin,
  token,
});

export function isKnown(v: Value | undefined): v is Exclude<Value, UnknownValue> {
  return v !== undefined && v.kind !== 'unknown';
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: Value): boolean {
  switch (v.kind) {
    case 'unknown':
      return true;
    case 'list':
      return v.items.some(containsUnknown);
    case 'object':
      for (const e of v.entries.values()) if (containsUnknown(e)) return true;
      return false;
    default:
      return false;
  }
}

/** The same value, remembered as having passed through `loc` (appended to `via`). */
export function passedThrough<T extends Value>(v: T, loc: Location): T {
  return { ...v, via: [...(v.via ?? []), loc] };
}

/** The same value with a different origin (e.g. a value re-read from a tfvars line). */
export function withOrigin<T extends Value>(v: T, origin: Location): T {
  return { ...v, origin };
}

/** Converts to plain JavaScript; unknown becomes `undefined` at its position. */
export function toJS(v: Value): unknown {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return v.value;
    case 'null':
      return null;
    case 'list':
      return v.items.map(toJS);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, e] of v.entries) out[k] = toJS(e);
      return out;
    }
    case 'unknown':
      return undefined;
  }
}

/** Converts plain JSON-like data to a Value, every node with the given origin. */
export function fromJS(x: unknown, origin?: Location): Value {
  if (x === null || x === undefined) return nul(origin);
  if (typeof x === 'string') return str(x, origin);
  if (typeof x === 'number') return num(x, origin);
  if (typeof x === 'boolean') return bool(x, origin);
  if (Array.isArray(x)) return list(x.map((e) => fromJS(e, origin)), origin);
  if (typeof x === 'object') {
    const m = new Map<string, Value>();
    for (const [k, e] of Object.entries(x as Record<string, unknown>)) m.set(k, fromJS(e, origin));
    return obj(m, origin);
  }
  return unknown(`unsupported value ${String(x)}`, origin);
}

/** Object member by exact key, then case-insensitively (ARM property names are case-insensitive). */
export function member(v: Value | undefined, key: string): Value | undefined {
  if (!v || v.kind !== 'object') return undefined;
  const exact = v.entries.get(key);
  if (exact) return exact;
  const lower = key.toLowerCase();
  for (const [k, e] of v.entries) if (k.toLowerCase() === lower) return e;
  return undefined;
}

/**
 * Follows a dotted path through objects (`properties.networkRuleSet.defaultAction`).
 * Returns `undefined` when a segment is absent, or the unknown value when a step is unknown.
 */
export function getPath(v: Value | undefined, path: string | readonly string[]): Value | undefined {
  const parts = typeof path === 'string' ? path.split('.') : path;
  let cur: Value | undefined = v;
  for (const p of parts) {
    if (!cur) return undefined;
    if (cur.kind === 'unknown') return cur;
    cur = member(cur, p);
  }
  return cur;
}

/** Short human text for a value in messages (never used for secrets). */
export function describe(v: Value): string {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
    case 'bool':
      return String(v.value);
    case 'null':
      return 'null';
    case 'list':
      return `[${v.items.map(describe).join(', ')}]`;
    case 'object':
      return `{${[...v.entries.keys()].join(', ')}}`;
    case 'unknown':
      return '(unknown)';
  }
}

/**
 * Deep equality: true/false when both sides are known, undefined when an unknown part
 * decides it. `ignoreKeyCase`: ARM object keys compare case-insensitively.
 */
export function valuesEqual(a: Value, b: Value, opts: { ignoreKeyCase?: boolean } = {}): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'null':
      return true;
    case 'list': {
      const bl = b as ListValue;
      if (a.items.length !== bl.items.length) return false;
      let result: boolean | undefined = true;
      for (let i = 0; i < a.items.length; i++) {
        const eq = valuesEqual(a.items[i]!, bl.items[i]!, opts);
        if (eq === false) return false;
        if (eq === undefined) result = undefined;
      }
      return result;
    }
    case 'object': {
      const bo = b as ObjectValue;
      if (a.entries.size !== bo.entries.size) return false;
      let result: boolean | undefined = true;
      for (const [k, x] of a.entries) {
        const y = opts.ignoreKeyCase ? member(bo, k) : bo.entries.get(k);
        if (!y) return false;
        const eq = valuesEqual(x, y, opts);
        if (eq === false) return false;
        if (eq === undefined) result = undefined;
      }
      return result;
    }
  }
}
