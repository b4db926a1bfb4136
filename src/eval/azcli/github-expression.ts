/**
 * GitHub Actions expressions with operators, as a workflow substitutes them into a script
 * before the shell reads it: `${{ inputs.size || 'Standard_NC6s_v3' }}`, `${{ inputs.env ==
 * 'prod' && 'Premium' || 'Basic' }}`, `${{ !inputs.admin }}`. GitHub's rules ("Evaluate
 * expressions in workflows and actions", Operators): `a || b` is a when a is truthy, else b;
 * `a && b` is b when a is truthy, else a; falsy are `false`, `0`, `-0`, `""`, `null`, `NaN`;
 * `==`/`!=` compare strings ignoring case and otherwise convert both sides to numbers (`true` is
 * 1, `null` and `''` are 0, other strings their number or NaN, which equals nothing). The value
 * substituted is the result as text (`true`/`false`, a number, `''` for null).
 *
 * Only those operators, parentheses, literals and references are read: a function call or an
 * index past a reference leaves the whole expression unknown, as does an operand whose value
 * decides and is unknown. A reference is resolved by the caller, typed: a `boolean` input is a
 * boolean, a `number` input a number (`github.event.inputs.x` stays a string, as GitHub gives it).
 */
import type { Location } from '../../core/source.js';
import { str, unknown, type Value } from '../../core/value.js';
import { singleQuotedAt } from '../ci/expression-literals.js';

/** Expressions read at most this long, and nested at most this deep (hostile input). */
const MAX_EXPRESSION = 2_000;
const MAX_DEPTH = 32;

/**
 * What an operand evaluates to: a value of GitHub's types, with the place it was written when
 * known (`from`), whether it is written in the expression itself (`literal`), and the input
 * that decided which operand it is (`decider`: `inputs.size || 'x'` is 'x' because of the input).
 */
type Known = ({ kind: 'string'; value: string; from: Value } | { kind: 'bool'; value: boolean; from?: Value } | { kind: 'number'; value: number; from?: Value } | { kind: 'null'; from?: Value }) & {
  literal?: boolean;
  decider?: Location;
};
type Operand = Known | { kind: 'unknown'; why: string };

/** Where a part of the expression is written, by its offsets in the expression's text. */
export type ExpressionLocator = (from: number, to: number) => Location | undefined;

/** A reference's value (`inputs.size`), typed as GitHub holds it; undefined: not a reference this reads. */
export type ReferenceReader = (reference: string) => Value | undefined;

/**
 * The text GitHub substitutes for `expr` when it uses operators (`||`, `&&`, `!`, `==`, `!=`,
 * parentheses) or is a literal alone; unknown, saying so, when it uses something not read here;
 * undefined for a plain reference (the caller's business).
 */
export function githubOperatorExpression(expr: string, read: ReferenceReader, locate: ExpressionLocator = () => undefined): Value | undefined {
  // Operators, or a literal alone (`${{ 'Standard_D4s_v5' }}`, `${{ true }}`).
  if (!/\|\||&&|==|!=|!|\(/.test(expr) && !/^\s*(?:'|-?\d|(?:true|false|null)\s*$)/.test(expr)) return undefined;
  const shown = `\${{ ${expr.trim().slice(0, 60)} }}`;
  if (expr.length > MAX_EXPRESSION) return unknown(`${shown} is too long to read`);
  const p = new Parser(expr, read, locate);
  const r = p.or(0);
  if (p.failed || !p.atEnd()) return unknown(`${shown} uses more than literals, references and the operators || && ! == != (not evaluated)`);
  if (r.kind === 'unknown') return unknown(`${shown} depends on a value not known: ${r.why}`);
  const text = r.kind === 'string' ? r.value : r.kind === 'null' ? '' : String(r.value);
  // An input passed through (`inputs.size || …` with a size): where it was written.
  if (r.kind === 'string' && !r.literal && r.decider === undefined) return r.from;
  if (!r.literal && r.decider === undefined && r.from?.origin) return str(text, r.from.origin);
  // A value the expression makes (a literal it chose, a `!`/`==` result): written in the
  // expression; when an input decided it, RULES.md "Values chosen by a condition": the finding
  // points at that input, the chosen part related.
  const at = (r.literal ? r.from?.origin : undefined) ?? locate(0, expr.length) ?? r.from?.origin;
  const v = str(text, at);
  if (r.decider === undefined) return v;
  const condition = locate(0, expr.length);
  return { ...v, decidedBy: r.decider, decision: [{ ...r.decider, label: 'decided by this value' }, ...(condition ? [{ ...condition, label: 'condition' }] : [])] };
}

/** The input an operand's value was read from, which decides what an operator makes of it. */
function deciderOf(o: Known): Location | undefined {
  return o.decider ?? (o.literal ? undefined : o.from?.origin);
}

/**
 * `o` chosen because of `by` (its truthiness, its comparison). Only a value the expression writes
 * (a literal) is marked: an input passed through (`inputs.big && inputs.size || …`) is itself where
 * the offending value is written, and keeps its own location (RULES.md "Values chosen by a condition").
 */
function decidedBy(o: Operand, by: Known): Operand {
  const d = deciderOf(by);
  return o.kind === 'unknown' || d === undefined || o.decider !== undefined || !o.literal ? o : { ...o, decider: d };
}

function truthy(o: Operand): boolean | undefined {
  switch (o.kind) {
    case 'bool':
      return o.value;
    case 'number':
      return o.value !== 0 && !Number.isNaN(o.value);
    case 'string':
      return o.value !== '';
    case 'null':
      return false;
    default:
      return undefined;
  }
}

function asNumber(o: Exclude<Operand, { kind: 'unknown' }>): number {
  if (o.kind === 'number') return o.value;
  if (o.kind === 'bool') return o.value ? 1 : 0;
  if (o.kind === 'null') return 0;
  const t = o.value.trim();
  return t === '' ? 0 : Number(t);
}

function equal(a: Operand, b: Operand): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind === 'string' && b.kind === 'string') return a.value.toLowerCase() === b.value.toLowerCase();
  if (a.kind === b.kind && a.kind !== 'string') return a.kind === 'null' || (a as { value: unknown }).value === (b as { value: unknown }).value;
  const x = asNumber(a);
  const y = asNumber(b);
  return !Number.isNaN(x) && x === y;
}

class Parser {
  private i = 0;
  failed = false;

  constructor(
    private readonly s: string,
    private readonly read: ReferenceReader,
    private readonly locate: ExpressionLocator,
  ) {}

  atEnd(): boolean {
    this.blank();
    return this.i === this.s.length;
  }

  private blank(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private fail(): Operand {
    this.failed = true;
    this.i = this.s.length;
    return { kind: 'unknown', why: 'not read' };
  }

  private take(op: string): boolean {
    this.blank();
    if (!this.s.startsWith(op, this.i)) return false;
    this.i += op.length;
    return true;
  }

  or(depth: number): Operand {
    let left = this.and(depth);
    while (!this.failed && this.take('||')) {
      const right = this.and(depth);
      const t = truthy(left);
      left = t === undefined || left.kind === 'unknown' ? left : t ? left : decidedBy(right, left);
    }
    return left;
  }

  private and(depth: number): Operand {
    let left = this.comparison(depth);
    while (!this.failed && this.take('&&')) {
      const right = this.comparison(depth);
      const t = truthy(left);
      left = t === undefined || left.kind === 'unknown' ? left : t ? decidedBy(right, left) : left;
    }
    return left;
  }

  private comparison(depth: number): Operand {
    const left = this.unary(depth);
    for (const op of ['==', '!=']) {
      if (!this.take(op)) continue;
      const right = this.unary(depth);
      const e = equal(left, right);
      if (e === undefined || left.kind === 'unknown' || right.kind === 'unknown') return left.kind === 'unknown' ? left : right;
      const d = deciderOf(left) ?? deciderOf(right);
      return { kind: 'bool', value: op === '==' ? e : !e, ...(d ? { decider: d } : {}) };
    }
    return left;
  }

  private unary(depth: number): Operand {
    if (depth > MAX_DEPTH) return this.fail();
    this.blank();
    if (this.s[this.i] === '!' && this.s[this.i + 1] !== '=') {
      this.i++;
      const o = this.unary(depth + 1);
      const t = truthy(o);
      if (t === undefined || o.kind === 'unknown') return o;
      const d = deciderOf(o);
      return { kind: 'bool', value: !t, ...(d ? { decider: d } : {}) };
    }
    if (this.s[this.i] === '(') {
      this.i++;
      const o = this.or(depth + 1);
      if (!this.take(')')) return this.fail();
      return o;
    }
    if (this.s[this.i] === "'") return this.string();
    const m = /^(?:-?\d+(?:\.\d+)?|[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\s*'[^']*'\s*\])*)/.exec(this.s.slice(this.i));
    if (!m) return this.fail();
    const word = m[0];
    const start = this.i;
    this.i += word.length;
    const here = (text: string): Value => str(text, this.locate(start, this.i));
    if (/^-?\d/.test(word)) return { kind: 'number', value: Number(word), from: here(word), literal: true };
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true', from: here(word), literal: true };
    if (word === 'null') return { kind: 'null', from: here(word), literal: true };
    this.blank();
    // A function call (`format(…)`, `contains(…)`): not read.
    if (this.s[this.i] === '(') return this.fail();
    const v = this.read(word);
    if (v === undefined) return this.fail();
    switch (v.kind) {
      case 'string':
        return { kind: 'string', value: v.value, from: v };
      case 'bool':
        return { kind: 'bool', value: v.value, from: v };
      case 'number':
        return { kind: 'number', value: v.value, from: v };
      case 'null':
        return { kind: 'null', from: v };
      case 'unknown':
        return { kind: 'unknown', why: v.reason };
      default:
        return { kind: 'unknown', why: `${word} is not a scalar` };
    }
  }

  private string(): Operand {
    const lit = singleQuotedAt(this.s, this.i);
    if (!lit) return this.fail();
    // The text between its quotes.
    const from = str(lit.text, this.locate(this.i + 1, lit.end - 1));
    this.i = lit.end;
    return { kind: 'string', value: lit.text, from, literal: true };
  }
}
