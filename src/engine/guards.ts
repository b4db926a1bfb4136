/**
 * How a guard on a size input treats a size (GPU002 judges guards; GPU004 reports the entries
 * of a guard that admit a retired size): Terraform `validation` conditions read as plain
 * regex / `contains([...])` guards. Rules share this reading so they agree on what a guard admits.
 */
import { locationContains, type Location } from '../core/source.js';
import type { Value } from '../core/value.js';
import { sameRange } from './facts.js';
import type { InputDecl, InputValidation, MemberAllowed, MemberKey } from '../model/resource.js';

/** Functions a validation condition may call and still be read as a plain regex/list guard. */
const READABLE_FUNCTIONS = new Set(['can', 'regex', 'regexall', 'contains', 'length']);

/**
 * How a Terraform validation treats a size: true (admits), false (rejects), undefined. The
 * condition evaluated with the variable set to the size decides; when the evaluator cannot,
 * the condition is read as a plain guard — undefined when that is opaque too (negations, mixed `&&`/`||`, other functions, no regex or list to read, a regex
 * the evaluator could not compile).
 */
export function validationAdmits(v: InputValidation, size: string): boolean | undefined {
  // The evaluator's answer (the condition evaluated for this size) when it decided; else the plain reading.
  const evaluated = v.admits?.(size);
  if (evaluated !== undefined) return evaluated;
  if (v.regexes.length === 0 && v.allowed.length === 0) return undefined;
  const text = v.text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/![^=]/.test(text) || text.includes('!=')) return undefined;
  const and = text.includes('&&');
  const or = text.includes('||');
  if (and && or) return undefined;
  for (const m of text.matchAll(/([A-Za-z_][\w]*)\s*\(/g)) if (!READABLE_FUNCTIONS.has(m[1]!)) return undefined;
  const results: boolean[] = [];
  for (const r of v.regexes) {
    if (!r.matches) return undefined;
    results.push(r.matches(size));
  }
  if (v.allowed.length) {
    if (v.allowed.some((a) => a.kind !== 'string')) return undefined;
    results.push(v.allowed.some((a) => a.kind === 'string' && a.value === size));
  }
  if (results.length > 1 && !and && !or) return undefined;
  return and ? results.every(Boolean) : results.some(Boolean);
}

/** True when every validation admits the size; undefined when any is opaque. */
export function allValidationsAdmit(vs: readonly InputValidation[], size: string): boolean | undefined {
  let out = true;
  for (const v of vs) {
    const a = validationAdmits(v, size);
    if (a === undefined) return undefined;
    out &&= a;
  }
  return out;
}

/** The guard of the member of an ARM/Bicep object or array input that holds a workload's size. */
export interface MemberGuard {
  /** From the input's value to the member: `['vmSize']`, `[1, 'vmSize']`. */
  path: MemberKey[];
  /** What the declared type admits there (undefined: nothing restricts it). */
  allowed: MemberAllowed;
}

/**
 * The guard an ARM/Bicep parameter whose value is an object or array (and that has no
 * `allowedValues` of its own) puts on the member that holds a workload's size: the member's
 * type (`type pool = { vmSize: 'A' | 'B' }`, languageVersion 2.0 `properties`/`items`).
 * Undefined when the size is not a known value written inside the parameter's value (it did not
 * come from the parameter, is not known, or a member reads another input): nothing to judge.
 */
export function memberGuardOf(input: InputDecl, size: Value | undefined): MemberGuard | undefined {
  if (input.kind === 'tf-variable' || (input.allowedValues?.length ?? 0) > 0) return undefined;
  if (size?.kind !== 'string' || !size.origin) return undefined;
  for (const whole of inputValues(input)) {
    // Written inside the parameter's value (a member that reads another input is that input's).
    if ((whole?.kind !== 'object' && whole?.kind !== 'list') || !whole.origin || !locationContains(whole.origin, size.origin)) continue;
    const path = memberPathAt(whole, size.origin);
    if (path && path.length > 0) return { path, allowed: input.memberAllowed?.(path, whole) };
  }
  return undefined;
}

/** Every value an input has: each instance's assigned value (the first's first), then the default. */
function inputValues(input: InputDecl): (Value | undefined)[] {
  return [input.assigned, ...(input.otherAssigned ?? []), input.defaultValue];
}

/**
 * The input's value a workload's size is written in: the assigned value of the module instance
 * (or variant) that holds it, or the default; else the value the input has (assigned, then
 * default), as for a size that is not written inside the input's value.
 */
export function valueHolding(input: InputDecl, size: Value | undefined): Value | undefined {
  const at = size?.origin;
  if (at) {
    for (const v of inputValues(input)) if (v?.origin && locationContains(v.origin, at)) return v;
  }
  return input.assigned ?? input.defaultValue;
}

/** The path from an object or list value to the member written at `at`, when one is written there. */
export function memberPathAt(v: Value, at: Location): MemberKey[] | undefined {
  if (v.origin && sameRange(v.origin, at)) return [];
  if (v.kind === 'list') {
    for (let i = 0; i < v.items.length; i++) {
      const p = memberPathAt(v.items[i]!, at);
      if (p) return [i, ...p];
    }
  } else if (v.kind === 'object') {
    for (const [k, e] of v.entries) {
      const p = memberPathAt(e, at);
      if (p) return [k, ...p];
    }
  }
  return undefined;
}

/** A member path as a template reads it from `root`: `gpuPool.vmSize`, `pools[1].vmSize`. */
export function memberPathText(root: string, path: readonly MemberKey[]): string {
  return path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${k}` : k), root);
}
