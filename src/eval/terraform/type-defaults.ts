/**
 * A variable's value converted to its `type` constraint, as far as the conversion changes
 * what a rule reads: primitives become the string/bool/number the type asks for, and the
 * attributes an `object({...})` type marks `optional(T, default)` are filled in.
 *
 * Terraform docs, Type Constraints › "Optional Object Type Attributes": a missing optional
 * attribute becomes its default, or `null` without one; "Terraform will substitute the default
 * value both when a caller omits the attribute altogether and when a caller explicitly sets it
 * to null"; "Terraform applies object attribute defaults top-down in nested variable types".
 * The same conversion applies to the variable's own `default`. AVM-style modules take nearly
 * every setting this way (`public_network_access_enabled = optional(bool, true)`), so without it
 * the attribute would read as unknown ("not set") instead of its default.
 */
import type { Expression } from '../../parse/hcl/ast.js';
import { bool, defaultForNull, num, nul, str, withoutSetMarker, withProvenanceOf, type Value } from '../../core/value.js';
import { asString } from './functions.js';

/** Evaluates a constant expression of the type (an `optional` default, a quoted key). */
export type ConstantEvaluator = (e: Expression) => Value;

/** `v` converted to the type written as `type` (see the module comment). */
export function applyTypeConstraint(v: Value, type: Expression, constant: ConstantEvaluator): Value {
  if (type.type === 'Parentheses') return applyTypeConstraint(v, type.expr, constant);
  if (type.type === 'ScopeTraversal' && type.steps.length === 0) return convertPrimitive(v, type.root);
  if (type.type !== 'FunctionCall') return v;
  const elem = type.args[0];
  if (!elem) return v;
  switch (type.name) {
    case 'object':
      return v.kind === 'object' && elem.type === 'Object' ? applyObject(v, elem, constant) : v;
    case 'map':
      if (v.kind !== 'object') return v;
      return { ...v, entries: new Map([...v.entries].map(([k, e]) => [k, applyTypeConstraint(e, elem, constant)])) };
    case 'list':
    case 'set':
      if (v.kind !== 'list') return v;
      // The type decides set or list (a toset() value given to a list(string) variable is a list).
      return { ...withoutSetMarker(v), items: v.items.map((e) => applyTypeConstraint(e, elem, constant)), ...(type.name === 'set' ? { set: true as const } : {}) };
    case 'tuple':
      if (v.kind !== 'list' || elem.type !== 'Tuple') return v;
      return { ...withoutSetMarker(v), items: v.items.map((e, i) => (elem.items[i] ? applyTypeConstraint(e, elem.items[i], constant) : e)) };
    default:
      return v;
  }
}

function applyObject(v: Extract<Value, { kind: 'object' }>, type: Extract<Expression, { type: 'Object' }>, constant: ConstantEvaluator): Value {
  const entries = new Map(v.entries);
  for (const item of type.items) {
    const name = item.bareKey && item.key.type === 'ScopeTraversal' ? item.key.root : asString(constant(item.key));
    if (name === undefined) continue;
    const optional = item.value.type === 'FunctionCall' && item.value.name === 'optional' ? item.value : undefined;
    const attrType = optional ? optional.args[0] : item.value;
    let current = entries.get(name);
    if (optional && (current === undefined || current.kind === 'null')) {
      const def = optional.args[1];
      // Without a default the attribute is null: absent for the resource argument it feeds. An
      // omitted one is null because of the object written without it (`settings = {}`): that
      // object's place decides what a `coalesce`/`!= null` over it chooses (RULES.md "Values
      // chosen by a condition": each caller's own argument), as an explicit `null` decides at its own.
      current = def ? defaultForNull(constant(def), current) : (current ?? withProvenanceOf(nul(), v));
    }
    if (current !== undefined && attrType) entries.set(name, applyTypeConstraint(current, attrType, constant));
  }
  return { ...v, entries };
}

/**
 * A string given for a `bool`/`number` variable (tfvars, -var) is converted as Terraform does,
 * and a bool or number given for a `string` one becomes its text (`default = false` for
 * `type = string` is `"false"`: `var.x == "false"` holds).
 */
function convertPrimitive(v: Value, typeName: string): Value {
  if (typeName === 'string' && (v.kind === 'bool' || v.kind === 'number')) return withProvenanceOf(str(asString(v)!), v);
  if (v.kind !== 'string') return v;
  if (typeName === 'bool' && (v.value === 'true' || v.value === 'false')) return withProvenanceOf(bool(v.value === 'true'), v);
  if (typeName === 'number' && v.value.trim() !== '' && !Number.isNaN(Number(v.value))) return withProvenanceOf(num(Number(v.value)), v);
  return v;
}
