/**
 * How a guard on a size input treats a size (GPU002 judges guards; GPU004 reports the entries
 * of a guard that admit a retired size): Terraform `validation` conditions read as plain
 * regex / `contains([...])` guards. Rules share this reading so they agree on what a guard admits.
 */
import type { InputValidation } from '../model/resource.js';

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
