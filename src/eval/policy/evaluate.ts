/**
 * Static evaluation of an Azure Policy rule's `if` against one resource's ARM-shaped view,
 * three-valued: true, false, or undecided (with the reason). Anything this evaluator cannot
 * know — an alias outside the table, an unknown value, an unsupported function or operator —
 * is undecided, never guessed; a logical operator is decided whenever the known parts decide
 * it (`allOf` with one false member is false whatever the others are).
 *
 * Semantics follow https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule:
 * string comparisons are case-insensitive (except `match`), `location` is compared without
 * case and spaces, `like` has `*` wildcards, `match` has `#` (digit), `?` (letter) and `.`
 * (any character); a `[*]` alias outside `count` holds when every member holds; `count`
 * counts the members for which `where` holds (an absent array has none).
 */
import type { Location } from '../../core/source.js';
import { list, member, nul, nullWrittenElsewhere, num, str, unknown, withProvenanceOf, type Value } from '../../core/value.js';
import { evaluateArmString, type ExprContext } from '../arm/evaluate.js';
import { compare, compareType, describeRight, describeValue, OPERATORS, type Operator, type Tri } from './compare.js';
import { appendAll } from '../../core/arrays.js';

export type { Tri } from './compare.js';
export { likeMatches, matchMatches, normalizeLocation } from './compare.js';


/** What the policy reads of one resource: its ARM-shaped view. */
export interface PolicyTarget {
  /** The ARM type (a string), or unknown. */
  type: Value;
  /** Lower-case ARM types this resource is known not to be (an azurerm resource of a type the model does not map). */
  notTypes?: ReadonlySet<string>;
  /** The ARM-shaped body: name, kind, location, tags, sku, properties, … */
  body: Value;
  /** An alias's ARM path (`properties.securityRules[*].properties.access`); undefined when not in the table. */
  aliasPath(alias: string): string | undefined;
  /**
   * Views built from canonical attributes (azurerm, az) model only some ARM paths: the reason
   * a path (without `[*]`) is not modelled, so an absent value there is not known to be absent.
   */
  unmodelled?(path: string): string | undefined;
}

/** A value a `field` condition read, and where that condition is written. */
export interface Evidence {
  field: string;
  value: Value | undefined;
  condition: Location | undefined;
  /**
   * The condition holds because the value is not something (`notIn` an allowed list, `notEquals`,
   * `exists: false`, or `in`/`equals` under a `not`): the value to change, where a condition that
   * selects what the policy applies to (`computeType equals AmlCompute`) is not.
   */
  excludes?: boolean;
  /**
   * The condition compares with a list (`in`/`notIn` …) or with a policy parameter
   * (`[parameters('allowedSizes')]`): the policy's constraint, what an assignment configures.
   */
  constrains?: boolean;
  /** …with a policy parameter (what an assignment configures): the constraint before a list written in the rule. */
  parameterized?: boolean;
  /** The key a `containsKey`/`notContainsKey` condition asks the value (an object) for: messages say whether it has it. */
  key?: string;
}

/** Whether a condition with this operator and right side holds by what the value is not (before any `not`). */
function excludingOperator(op: Operator, right: Value): boolean {
  if (op.startsWith('not')) return true;
  return op === 'exists' && ((right.kind === 'bool' && !right.value) || (right.kind === 'string' && right.value.toLowerCase() === 'false'));
}

export interface Outcome {
  result: Tri;
  /** Why the result is undecided. */
  why?: string;
  /**
   * The values the conditions that decided the result read (a false one's too: under `not` it
   * becomes the true result whose location is wanted).
   */
  evidence: Evidence[];
}

export interface EvalInput {
  target: PolicyTarget;
  /** A parameter's value (assignment, else default); undefined when it has none. */
  parameter(name: string): Value | undefined;
}

/** A `count` scope: the array alias path (`properties.securityRules[*]`) and the current member. */
interface Scope {
  arrayPath: string;
  alias: string;
  name?: string;
  element: Value;
}

interface Ctx extends EvalInput {
  scopes: Scope[];
  depth: number;
  /**
   * How an alias of another resource type reads: absent (`'absent'`, the first pass; `met` records
   * that one was read) or undecided (`'undecided'`, the second pass). See `evaluateCondition`.
   */
  otherType: { reads: 'absent' | 'undecided'; met: boolean };
}

type Read = { kind: 'one'; value: Value | undefined } | { kind: 'many'; values: (Value | undefined)[] } | { kind: 'undecided'; why: string };

const MAX_DEPTH = 64;
const undecided = (why: string, evidence: Evidence[] = []): Outcome => ({ result: undefined, why, evidence });

/**
 * What Azure Policy reads for an alias of another resource type is not documented: an absent
 * value (which `notIn`, `notEquals`, `exists: false` and `not` hold for), or "any invalid aliases
 * in the if conditions: the policy isn't applicable" (Learn, "What is applicability in Azure
 * Policy?"). So the condition is evaluated with such a read as absent: false is false either way
 * (no `--verbose` line for every resource a type-less policy does not match); true, when such an
 * alias was read, is evaluated again with it undecided, which keeps what the resource's own
 * fields decide (`anyOf` in any order, a `type` condition beside it) and leaves the rest
 * undecided (review 92: a VM SKU policy without a `type` condition denied every vault and
 * storage account; self-review 93: `anyOf` order, `field()` in a `count.value`, `count.field`).
 */
export function evaluateCondition(cond: Value, input: EvalInput): Outcome {
  const otherType = { reads: 'absent' as 'absent' | 'undecided', met: false };
  const o = evalNode(cond, { ...input, scopes: [], depth: 0, otherType });
  if (o.result !== true || !otherType.met) return o;
  return evalNode(cond, { ...input, scopes: [], depth: 0, otherType: { reads: 'undecided', met: false } });
}

/** How an alias of another resource type reads in this pass (`Ctx.otherType`): undefined when `field` is not one. */
function otherTypeRead(field: string, ctx: Ctx): { kind: 'absent' } | { kind: 'undecided'; why: string } | undefined {
  if (!ofAnotherType(field, ctx.target)) return undefined;
  ctx.otherType.met = true;
  if (ctx.otherType.reads === 'absent') return { kind: 'absent' };
  const owner = field.split('/').slice(0, -1).join('/');
  return { kind: 'undecided', why: `${field} is an alias of ${owner}, not of this resource's type, and what Azure Policy reads for it here is not documented` };
}

/** Whether `field` is an alias of a resource type the target is known not to be. */
function ofAnotherType(field: string, t: PolicyTarget): boolean {
  const owner = aliasType(field);
  if (owner === undefined) return false;
  const type = t.type.kind === 'string' ? t.type.value.toLowerCase() : undefined;
  return type !== undefined ? type !== owner : t.notTypes?.has(owner) === true;
}


function operatorOf(cond: Value): { op: Operator; right: Value } | undefined {
  if (cond.kind !== 'object') return undefined;
  for (const [k, v] of cond.entries) {
    const op = OPERATORS.find((o) => o.toLowerCase() === k.toLowerCase());
    if (op) return { op, right: v };
  }
  return undefined;
}

function evalNode(cond: Value, ctx: Ctx): Outcome {
  if (ctx.depth > MAX_DEPTH) return undecided('the condition is nested too deeply');
  const inner: Ctx = { ...ctx, depth: ctx.depth + 1 };
  if (cond.kind === 'unknown') return undecided(`a condition is not known (${cond.reason})`);
  if (cond.kind !== 'object') return undecided('a condition is not an object');
  const allOf = member(cond, 'allOf');
  if (allOf) return logical(allOf, inner, 'all');
  const anyOf = member(cond, 'anyOf');
  if (anyOf) return logical(anyOf, inner, 'any');
  const not = member(cond, 'not');
  if (not) {
    const o = evalNode(not, inner);
    return { ...o, result: o.result === undefined ? undefined : !o.result, evidence: o.evidence.map((e) => ({ ...e, excludes: !e.excludes })) };
  }
  const o = operatorOf(cond);
  if (!o) return undecided(`a condition without a known operator (${[...cond.entries.keys()].join(', ')})`);
  const right = evalRight(o.right, inner);
  if (right.kind === 'unknown') return undecided(`the ${o.op} value is not known (${right.reason})`);
  const count = member(cond, 'count');
  if (count) return evalCount(count, o.op, right, inner, cond);
  const field = member(cond, 'field');
  if (field) return evalField(field, o.op, right, inner, cond, o.right);
  const value = member(cond, 'value');
  if (value) {
    // The fields its expression reads (`[empty(field('…/idleTimeBeforeShutdown'))]`) are its evidence: where a finding points.
    // (Not inside a count's `where`: what its members decide is the count's, `evalCount`; but a
    // member read with `current()` is the member's own value: review 90.)
    const reads: FieldRead[] = [];
    const left = evalExpression(value, inner, reads);
    if (left.kind === 'unknown') return undecided(`value ${describeWritten(value)} is not known (${left.reason})`);
    const at = value.origin ?? cond.origin;
    const kept = inner.scopes.length === 0 ? reads : reads.filter((r) => r.current);
    const evidence: Evidence[] = at ? kept.map((r) => ({ field: r.field, value: r.value, condition: at })) : [];
    const result = compare(o.op, left.kind === 'null' ? undefined : left, right, false);
    // (An outcome without a result says why: `logical` must not read a silent one as decided.)
    if (result === undefined) return undecided(`value ${describeWritten(value)} ${o.op} ${describeRight(right)} cannot be decided on ${describeValue(left)}`);
    return { result, evidence };
  }
  return undecided('a condition without field, value or count');
}

function logical(items: Value, ctx: Ctx, mode: 'all' | 'any'): Outcome {
  if (items.kind !== 'list') return undecided(`${mode === 'all' ? 'allOf' : 'anyOf'} is not a list`);
  const evidence: Evidence[] = [];
  let why: string | undefined;
  for (const c of items.items) {
    const o = evalNode(c, ctx);
    // The member that decides: a true one of anyOf, a false one of allOf (what `not` then points at).
    if (o.result === (mode === 'any')) return { result: mode === 'any', evidence: o.evidence };
    // An undecided member leaves the whole undecided, whether or not it says why.
    if (o.result === undefined) why ??= o.why ?? 'a condition cannot be decided';
    else evidence.push(...o.evidence);
  }
  if (why !== undefined) return undecided(why);
  // Every member decided alike: all true (allOf), all false (anyOf).
  return { result: mode === 'all', evidence };
}

function describeWritten(v: Value): string {
  return v.kind === 'string' ? JSON.stringify(v.value) : v.kind;
}

// ---- expressions (`[parameters('x')]`, `value`, field names built by `concat`) -------------------

/** A field a `value` expression read through `field()` (or a counted member through `current()`), and its value (undefined: absent). */
interface FieldRead {
  field: string;
  value: Value | undefined;
  current?: true;
}

function exprContext(ctx: Ctx, reads?: FieldRead[]): ExprContext {
  /**
   * A field's value as an expression reads it (`field('…')`, or `current('…')` of a child alias
   * of the counted array: that member of the current item), recorded as what the expression read
   * (the evidence: where a finding points).
   */
  const fieldValue = (field: string, loc: Location, current: boolean): Value => {
    const r = readField(field, ctx);
    if (r.kind === 'undecided') return unknown(r.why, loc);
    if (r.kind === 'many') return list(r.values.map((v) => v ?? nul(loc)), loc);
    reads?.push({ field, value: r.value, ...(current ? { current: true as const } : {}) });
    return r.value ?? nul(loc);
  };
  return {
    parameter: (name) => ctx.parameter(name) ?? unknown(`parameter '${name}' has no value (give it in policies.parameters)`),
    variable: () => undefined,
    copyIndex: () => undefined,
    hostFunction: (name, args, loc) => {
      const n = name.toLowerCase();
      if (n === 'field') {
        const a = args[0];
        if (a?.kind !== 'string') return unknown('field(): the name is not a known string', loc);
        return fieldValue(a.value, loc, false);
      }
      if (n === 'current') {
        const a = args[0];
        const scope = a === undefined ? ctx.scopes.at(-1) : a.kind === 'string' ? ctx.scopes.findLast((s) => s.name?.toLowerCase() === a.value.toLowerCase() || s.alias.toLowerCase() === a.value.toLowerCase()) : undefined;
        if (scope) return scope.element;
        // A child of the counted alias (`current('…/securityRules[*].destinationPortRange')`): that
        // member of the current element, as field() reads it inside the count (Azure Policy
        // "count": "the alias of the array, or of a property of its items"; review 90).
        const child = a?.kind === 'string' ? a.value : undefined;
        if (child !== undefined && ctx.scopes.some((s) => child.toLowerCase().startsWith(`${s.alias.toLowerCase()}.`))) return fieldValue(child, loc, true);
        return unknown('current(): not inside a count with that name', loc);
      }
      if (n === 'requestcontext') return unknown('requestContext() depends on the request', loc);
      if (n === 'policy') return unknown('policy() depends on the assignment', loc);
      return undefined;
    },
  };
}

/** A `value`, or a right-hand side: literals as written, `[expressions]` evaluated. */
function evalExpression(v: Value, ctx: Ctx, reads?: FieldRead[]): Value {
  if (v.kind !== 'string') return v;
  const loc = v.origin ?? { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
  return evaluateArmString(v.value, loc, exprContext(ctx, reads));
}

function evalRight(v: Value, ctx: Ctx): Value {
  return evalExpression(v, ctx);
}

// ---- fields ---------------------------------------------------------------------------------------

/** `tags['a-b']`, `tags[a]`, `tags.a` → the tag name; undefined for other fields. */
export function tagName(field: string): string | undefined {
  const m = /^tags(?:\['((?:[^']|'')*)'\]|\[([^\]]*)\]|\.(.+))$/i.exec(field);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? m[3]);
}

/** Path segments: `properties.rules[*].name` → [{ name: 'properties' }, { name: 'rules', all: true }, { name: 'name' }]. */
function segments(path: string): { name: string; all: boolean }[] {
  return path.split('.').filter(Boolean).map((s) => (s.endsWith('[*]') ? { name: s.slice(0, -3), all: true } : { name: s, all: false }));
}

const plainPath = (path: string): string => path.replace(/\[\*\]/g, '');

function walk(from: Value | undefined, path: string, target: PolicyTarget, prefix: string): Read {
  let values: (Value | undefined)[] = [from];
  let many = false;
  let walked = prefix;
  for (const seg of segments(path)) {
    walked = walked ? `${walked}.${seg.name}` : seg.name;
    const next: (Value | undefined)[] = [];
    for (const v of values) {
      if (v === undefined || v.kind === 'null') {
        // Below an object a condition chose as null (`subnet: empty(id) ? null : { id: id }`), the
        // field is that null: absent, and the input that decided it is where it was written (review 90).
        next.push(v !== undefined && nullWrittenElsewhere(v) && !seg.all ? v : undefined);
        continue;
      }
      if (v.kind === 'unknown') return { kind: 'undecided', why: `${walked} is not known (${v.reason})` };
      const m = seg.name === '' ? v : member(v, seg.name);
      if (!seg.all) {
        next.push(m);
        continue;
      }
      many = true;
      if (m === undefined || m.kind === 'null') continue;
      if (m.kind === 'unknown') return { kind: 'undecided', why: `${walked} is not known (${m.reason})` };
      if (m.kind !== 'list') return { kind: 'undecided', why: `${walked} is not a list` };
      for (const it of m.items) next.push(it);
    }
    values = next;
  }
  if (values.some((v) => v === undefined)) {
    const why = target.unmodelled?.(plainPath(prefix ? `${prefix}.${path}` : path));
    if (why) return { kind: 'undecided', why };
  }
  if (values.some((v) => v?.kind === 'unknown')) {
    const u = values.find((v) => v?.kind === 'unknown') as Extract<Value, { kind: 'unknown' }>;
    return { kind: 'undecided', why: `${walked} is not known (${u.reason})` };
  }
  return many ? { kind: 'many', values } : { kind: 'one', value: values[0] };
}

/**
 * The resource type an alias belongs to, lower-case: its segments before the property path
 * (`Microsoft.Compute/virtualMachines/sku.name` → `microsoft.compute/virtualmachines`,
 * `…/networkSecurityGroups/securityRules/access` → `…/networksecuritygroups/securityrules`).
 * Undefined for an alias without a type (`Microsoft.Compute/imageOffer`).
 */
export function aliasType(alias: string): string | undefined {
  const segs = alias.split('/');
  if (segs.length < 3 || !segs[0]!.includes('.')) return undefined;
  return segs.slice(0, -1).join('/').toLowerCase();
}

/**
 * `name` is the resource's own name; `fullName` is "the resource name prepended by any parent
 * resource names (for example "myServer/myDatabase")" (Microsoft Learn, definition-structure-policy-rule,
 * "Fields"). An ARM/Bicep child carries its full name (`ws/gpu-cluster`, one segment per parent):
 * its `name` is the last segment. A child known only by its own name (azurerm) has an unknown fullName.
 */
function readName(t: PolicyTarget, full: boolean): Read {
  const read = walk(t.body, 'name', t, '');
  const type = t.type.kind === 'string' ? t.type.value : undefined;
  const segments = type === undefined ? undefined : type.split('/').length - 1;
  if (read.kind !== 'one' || segments === 1) return read;
  const v = read.value;
  if (v?.kind !== 'string') return full ? { kind: 'undecided', why: 'the full name of a resource of an unknown type is not known' } : read;
  const parts = v.value.split('/');
  if (segments === undefined) return full || parts.length > 1 ? { kind: 'undecided', why: `whether "${v.value}" is the full name depends on the resource type, which is not known` } : read;
  if (parts.length === segments) return full ? read : { kind: 'one', value: withProvenanceOf(str(parts[parts.length - 1]!), v) };
  if (parts.length === 1 && !full) return read;
  return { kind: 'undecided', why: parts.length === 1 ? 'fullName of a child resource depends on its parents' : `the name "${v.value}" does not have one segment per level of ${type}` };
}

function readField(field: string, ctx: Ctx): Read {
  const t = ctx.target;
  const lower = field.toLowerCase();
  if (lower === 'type') return { kind: 'one', value: t.type };
  if (lower === 'kind' || lower === 'location') return walk(t.body, lower, t, '');
  if (lower === 'name' || lower === 'fullname') return readName(t, lower === 'fullname');
  if (lower === 'id') return { kind: 'undecided', why: 'the resource id depends on the deployment scope' };
  if (lower === 'identity.type') return walk(t.body, 'identity.type', t, '');
  if (lower === 'tags') return walk(t.body, 'tags', t, '');
  const tag = tagName(field);
  if (tag !== undefined) {
    // Without a tags map the tag is absent too: whether that is known is the tag's question
    // (a create sends every tag it has), not the map's (whether an empty map is sent as {}).
    const tags = walk(t.body, 'tags', { ...t, unmodelled: undefined }, '');
    if (tags.kind !== 'one') return tags;
    if (tags.value?.kind === 'unknown') return { kind: 'undecided', why: `tags are not known (${tags.value.reason})` };
    if (tags.value === undefined || tags.value.kind === 'null') {
      const why = t.unmodelled?.(`tags.${tag}`);
      return why ? { kind: 'undecided', why } : { kind: 'one', value: undefined };
    }
    return { kind: 'one', value: member(tags.value, tag) };
  }
  // An alias belongs to one resource type: on a resource of another type, see `evaluateCondition`.
  const other = otherTypeRead(field, ctx);
  if (other) return other.kind === 'absent' ? { kind: 'one', value: undefined } : other;
  const path = t.aliasPath(field);
  if (path === undefined) return { kind: 'undecided', why: `alias ${field} is not in the alias table (add it with --policy-aliases)` };
  // Inside `count`: a field under the counted array reads the current member.
  for (let i = ctx.scopes.length - 1; i >= 0; i--) {
    const s = ctx.scopes[i]!;
    if (path.toLowerCase() === s.arrayPath.toLowerCase()) return { kind: 'one', value: s.element };
    if (path.toLowerCase().startsWith(`${s.arrayPath.toLowerCase()}.`)) return walk(s.element, path.slice(s.arrayPath.length + 1), t, plainPath(s.arrayPath));
  }
  return walk(t.body, path, t, '');
}

function evalField(fieldValue: Value, op: Operator, right: Value, ctx: Ctx, cond: Value, written: Value): Outcome {
  const name = evalExpression(fieldValue, ctx);
  if (name.kind !== 'string') return undecided(`the field name ${describeWritten(fieldValue)} is not known${name.kind === 'unknown' ? ` (${name.reason})` : ''}`);
  const field = name.value;
  const lower = field.toLowerCase();
  const at = fieldValue.origin ?? cond.origin;
  const excludes = excludingOperator(op, right);
  const parameterized = written.kind === 'string' && /\bparameters\s*\(/i.test(written.value);
  const constrains = right.kind === 'list' || parameterized;
  const read = readField(field, ctx);
  if (read.kind === 'undecided') return undecided(read.why);
  if (lower === 'type') {
    const result = compareType(op, read.kind === 'one' ? read.value : undefined, right, ctx.target.notTypes);
    if (result === undefined) return undecided(`the resource's ARM type is not known (${read.kind === 'one' && read.value?.kind === 'unknown' ? read.value.reason : 'not mapped'})`);
    return { result, evidence: [{ field, value: read.kind === 'one' ? read.value : undefined, condition: at, excludes, constrains, parameterized }] };
  }
  const loc = lower === 'location';
  const key = (op === 'containsKey' || op === 'notContainsKey') && right.kind === 'string' ? { key: right.value } : {};
  if (read.kind === 'one') {
    const result = compare(op, read.value, right, loc);
    if (result === undefined) return undecided(`${field} ${op} ${describeRight(right)} cannot be decided on ${read.value ? describeValue(read.value) : 'an absent value'}`);
    return { result, evidence: [{ field, value: read.value, condition: at, excludes, constrains, parameterized, ...key }] };
  }
  // `[*]` outside count: true when every member satisfies the condition.
  if (read.values.length === 0) return undecided(`${field}: the array is empty or absent (a [*] condition over no members is not evaluated; use count)`);
  const evidence: Evidence[] = [];
  let result: Tri = true;
  for (const v of read.values) {
    const r = compare(op, v, right, loc);
    if (r === false) return { result: false, evidence: [{ field, value: v, condition: at, excludes, constrains, parameterized }] };
    if (r === undefined) result = undefined;
    else evidence.push({ field, value: v, condition: at, excludes, constrains, parameterized });
  }
  return result === undefined ? undecided(`${field} ${op} cannot be decided for every member`) : { result, evidence };
}

function evalCount(count: Value, op: Operator, right: Value, ctx: Ctx, cond: Value): Outcome {
  const where = member(count, 'where');
  let elements: Value[];
  /** The counted array as written (a `count.value` list is written in the policy): an empty one is no absent one. */
  let written: Value | undefined;
  let scopeOf: (e: Value) => Scope;
  const field = member(count, 'field');
  if (field) {
    if (field.kind !== 'string' || !field.value.endsWith('[*]')) return undecided('count.field must be an array alias ending in [*]');
    // An array alias of another resource type: absent (no members), or undecided (`evaluateCondition`).
    const other = otherTypeRead(field.value, ctx);
    if (other?.kind === 'undecided') return undecided(other.why);
    if (other) {
      elements = [];
      scopeOf = (e) => ({ arrayPath: '\u0000', alias: field.value, element: e });
    } else {
      const path = ctx.target.aliasPath(field.value);
      if (path === undefined) return undecided(`alias ${field.value} is not in the alias table (add it with --policy-aliases)`);
      // The array itself: the path without its last `[*]`, read in the enclosing scope.
      const arrayOnly = path.slice(0, -3);
      const alias = field.value;
      const holder = readArray(arrayOnly, ctx);
      if (holder.kind === 'undecided') return undecided(holder.why);
      elements = holder.items;
      written = holder.written;
      scopeOf = (e) => ({ arrayPath: path, alias, element: e });
    }
  } else {
    const value = member(count, 'value');
    if (!value) return undecided('count needs field or value');
    const v = evalExpression(value, ctx);
    if (v.kind === 'unknown') return undecided(`count.value is not known (${v.reason})`);
    if (v.kind !== 'list') return undecided('count.value is not an array');
    elements = v.items;
    written = v;
    const nameV = member(count, 'name');
    const name = nameV?.kind === 'string' ? nameV.value : undefined;
    scopeOf = (e) => ({ arrayPath: '\u0000', alias: '\u0000', name, element: e });
  }
  let yes = 0;
  let maybe = 0;
  const evidence: Evidence[] = [];
  // What the members `where` does not hold for read: what decides a count of 0 (`equals 0`
  // over allowed regions: the location no member matched).
  const against: Evidence[] = [];
  let why: string | undefined;
  for (const e of elements) {
    if (!where) {
      yes++;
      continue;
    }
    const o = evalNode(where, { ...ctx, scopes: [...ctx.scopes, scopeOf(e)], depth: ctx.depth + 1 });
    if (o.result === true) {
      yes++;
      evidence.push(...o.evidence);
    } else if (o.result === undefined) {
      maybe++;
      why ??= o.why;
    } else against.push(...o.evidence);
  }
  // The count is any number from `yes` to `yes + maybe` (the members `where` could not decide):
  // decided only when the comparison comes out alike for each of them (`equals 1` of 0…3 is not).
  const low = countComparison(op, yes, maybe, right);
  if (low === undefined) return undecided(why ?? `count ${op} ${describeRight(right)} cannot be decided`);
  const at = (field ?? cond).origin;
  // The members counted decide, else (none counted) the ones not counted; else the array itself,
  // absent or empty; else (members whose `where` read no field: a value condition) the count.
  const decided = evidence.length ? evidence : against;
  if (decided.length > 0 || !low) return { result: low, evidence: decided };
  // An array the resource does not write: the field is not set (at the resource).
  if (elements.length === 0 && written === undefined) return { result: low, evidence: [{ field: field?.kind === 'string' ? field.value : 'count', value: undefined, condition: at }] };
  // Counted members whose `where` read no field condition, or an empty array it writes (at the array).
  return { result: low, evidence: [{ field: 'count', value: num(yes, field ? written?.origin : undefined), condition: at }] };
}

/** Past this many undecided members a count is not tried number by number: undecided. */
const MAX_UNDECIDED_COUNT = 1024;

/** What `count <op> right` is for every count from `yes` to `yes + maybe`, when they all agree; else undefined. */
function countComparison(op: Operator, yes: number, maybe: number, right: Value): Tri {
  if (maybe > MAX_UNDECIDED_COUNT) return undefined;
  const first = compare(op, num(yes), right, false);
  for (let n = yes + 1; first !== undefined && n <= yes + maybe; n++) if (compare(op, num(n), right, false) !== first) return undefined;
  return first;
}

/** A counted array's members, and the array itself when it is written (absent: none). */
type ArrayRead = { kind: 'ok'; items: Value[]; written?: Value } | { kind: 'undecided'; why: string };

function readArray(path: string, ctx: Ctx): ArrayRead {
  for (let i = ctx.scopes.length - 1; i >= 0; i--) {
    const s = ctx.scopes[i]!;
    if (path.toLowerCase().startsWith(`${s.arrayPath.toLowerCase()}.`)) return arrayOf(walk(s.element, path.slice(s.arrayPath.length + 1), ctx.target, plainPath(s.arrayPath)));
  }
  return arrayOf(walk(ctx.target.body, path, ctx.target, ''));
}

function arrayOf(r: Read): ArrayRead {
  if (r.kind === 'undecided') return r;
  if (r.kind === 'many') {
    const items: Value[] = [];
    let written: Value | undefined;
    for (const v of r.values) {
      if (v === undefined) continue;
      if (v.kind !== 'list') return { kind: 'undecided', why: 'a counted member is not a list' };
      written ??= v;
      appendAll(items, v.items);
    }
    return written ? { kind: 'ok', items, written } : { kind: 'ok', items };
  }
  if (r.value === undefined) return { kind: 'ok', items: [] };
  if (r.value.kind !== 'list') return { kind: 'undecided', why: 'the counted value is not a list' };
  return { kind: 'ok', items: r.value.items, written: r.value };
}

/** The effect a definition has after parameters: lower-case (`deny`, `audit`, …), or undecided. */
export function effectOf(then: Value, input: Pick<EvalInput, 'parameter'>): { effect?: string; why?: string; at?: Location } {
  const e = member(then, 'effect');
  if (!e) return { why: 'the policy has no effect' };
  const v = evalExpression(e, { ...input, target: { type: unknown('none'), body: nul(), aliasPath: () => undefined }, scopes: [], depth: 0, otherType: { reads: 'absent', met: false } });
  if (v.kind !== 'string') return { why: v.kind === 'unknown' ? `the effect is not known (${v.reason})` : 'the effect is not a string', at: e.origin };
  return { effect: v.value.toLowerCase(), at: v.origin ?? e.origin };
}

/** Every `field` a condition reads (lower-case; tags as `tags.<name>`), for modify/append conflicts. */
export function fieldsRead(cond: Value, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > MAX_DEPTH) return out;
  if (cond.kind === 'list') for (const c of cond.items) fieldsRead(c, out, depth + 1);
  if (cond.kind !== 'object') return out;
  for (const [k, v] of cond.entries) {
    if (k.toLowerCase() === 'field' && v.kind === 'string') out.add(canonicalField(v.value));
    else if (k.toLowerCase() === 'value' && v.kind === 'string') for (const m of v.value.matchAll(/field\(\s*'((?:[^']|'')*)'\s*\)/gi)) out.add(canonicalField(m[1]!.replace(/''/g, "'")));
    else fieldsRead(v, out, depth + 1);
  }
  return out;
}

export function canonicalField(field: string): string {
  const t = tagName(field);
  return t !== undefined ? `tags.${t.toLowerCase()}` : field.toLowerCase();
}

