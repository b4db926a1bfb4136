/**
 * Parser for the ARM template expression language (the text inside `"[ … ]"`).
 * Never throws: a syntax error is returned as `{ ok: false, error }`, an expression nested
 * deeper than `MAX_ARM_EXPRESSION_DEPTH` as `{ ok: false, error, limit: true }`.
 */
import { memoByText } from '../../core/own-strings.js';

export type Expr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'prop'; target: Expr; name: string }
  | { kind: 'index'; target: Expr; index: Expr };

/** `limit`: the expression is valid as far as it was read but nests deeper than `MAX_ARM_EXPRESSION_DEPTH`. */
export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: string; limit?: true };

/**
 * The deepest expression tree read (a call's argument, an index, each `.name` or `[…]` after a
 * value is one level). The parser, the evaluator and every walk over a tree recurse once per
 * level (or more: a function's own frames), and ARM allows 24,576 characters an expression, so
 * `[concat(concat(…))]` 1,500 deep (12 KB) overflowed the stack and lost its whole resource
 * (EVAL001 "Maximum call stack size exceeded"). Measured on Node 20's default main-thread stack
 * through lint(): the heaviest shapes overflowed from a depth of ~1,500 (`concat` nested 1,523
 * deep; `string(json(…))` pairs 904 deep, 1,808 levels); real templates nest a few levels. A
 * deeper expression is unknown (evaluate.ts), as a value past any other evaluation limit is.
 */
export const MAX_ARM_EXPRESSION_DEPTH = 256;

/** How a JSON string value is to be read. */
export type StringForm = { kind: 'literal'; value: string } | { kind: 'expression'; text: string };

/**
 * `[[…` is the literal `[…`; `[ … ]` (after trimming trailing whitespace) is an expression;
 * anything else is a literal.
 */
export function classifyString(s: string): StringForm {
  if (s.startsWith('[[')) return { kind: 'literal', value: s.slice(1) };
  if (s.startsWith('[')) {
    const t = s.trimEnd();
    if (t.endsWith(']')) return { kind: 'expression', text: t.slice(1, -1) };
  }
  return { kind: 'literal', value: s };
}

class ExprSyntaxError extends Error {}

/** Thrown when the expression nests deeper than `MAX_ARM_EXPRESSION_DEPTH`. */
class ExprTooDeep extends Error {}

const TOO_DEEP = `the expression nests more than ${MAX_ARM_EXPRESSION_DEPTH} levels deep, deeper than mlops-iac-lint evaluates`;

/**
 * The height of an expression tree (a leaf is 1), or `MAX_ARM_EXPRESSION_DEPTH + 1` as soon as
 * it is taller: an explicit stack, no recursion. A chain (`a.b.c`, `a[0][1]`) is parsed in a
 * loop, so its height is only known once the tree is built.
 */
function treeTooTall(root: Expr): boolean {
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [e, depth] = stack.pop()!;
    if (depth > MAX_ARM_EXPRESSION_DEPTH) return true;
    if (e.kind === 'call') for (const a of e.args) stack.push([a, depth + 1]);
    else if (e.kind === 'prop') stack.push([e.target, depth + 1]);
    else if (e.kind === 'index') stack.push([e.target, depth + 1], [e.index, depth + 1]);
  }
  return false;
}

/**
 * JavaScript's `\s` (what the parser skipped with `/\s/` before): tab, LF, VT, FF, CR, space,
 * NBSP, OGHAM SPACE MARK, U+2000–U+200A, LS, PS, NNBSP, MMSP, IDEOGRAPHIC SPACE, BOM.
 */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `[A-Za-z_$]` */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x24;
}

/** `[0-9]` */
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `[A-Za-z0-9_$-]` */
function isNamePart(c: number): boolean {
  return isNameStart(c) || isDigit(c) || c === 0x2d;
}

/** The end of the name `[A-Za-z_$][A-Za-z0-9_$-]*` starting at i, or -1 when none starts there. */
function nameEnd(s: string, i: number): number {
  if (!isNameStart(s.charCodeAt(i))) return -1;
  let j = i + 1;
  while (j < s.length && isNamePart(s.charCodeAt(j))) j++;
  return j;
}

class Parser {
  private i = 0;
  /** Nested `expr()` calls (arguments and indexes): the parser's own recursion, capped. */
  private depth = 0;
  constructor(private readonly s: string) {}

  fail(msg: string): never {
    throw new ExprSyntaxError(`${msg} at position ${this.i + 1} of expression`);
  }

  // Character codes, not a regex per character and a slice per name: the parse of every
  // distinct expression text of a run is on its cold path (issue 15: ~35 µs a text before).
  ws(): void {
    while (this.i < this.s.length && isSpace(this.s.charCodeAt(this.i))) this.i++;
  }

  peek(): string {
    this.ws();
    return this.s[this.i] ?? '';
  }

  expect(ch: string): void {
    if (this.peek() !== ch) this.fail(this.i >= this.s.length ? `expected '${ch}' but the expression ended` : `expected '${ch}' but found '${this.s[this.i]}'`);
    this.i++;
  }

  ident(): string {
    this.ws();
    const end = nameEnd(this.s, this.i);
    if (end < 0) this.fail('expected a name');
    const name = this.s.slice(this.i, end);
    this.i = end;
    return name;
  }

  parseAll(): Expr {
    const e = this.expr();
    this.ws();
    if (this.i < this.s.length) this.fail(`unexpected '${this.s[this.i]}'`);
    return e;
  }

  expr(): Expr {
    if (++this.depth > MAX_ARM_EXPRESSION_DEPTH) throw new ExprTooDeep(TOO_DEEP);
    try {
      let e = this.primary();
      for (;;) {
        const c = this.peek();
        if (c === '.') {
          this.i++;
          e = { kind: 'prop', target: e, name: this.ident() };
        } else if (c === '[') {
          this.i++;
          const index = this.expr();
          this.expect(']');
          e = { kind: 'index', target: e, index };
        } else return e;
      }
    } finally {
      this.depth--;
    }
  }

  primary(): Expr {
    const c = this.peek();
    if (c === '') this.fail('expected a value but the expression ended');
    if (c === "'") return this.string();
    if (c === '-' || isDigit(c.charCodeAt(0))) return this.number();
    if (c === '(') this.fail("unexpected '('");
    let name = this.ident();
    // namespaced user-defined function: ns.fn(
    const save = this.i;
    if (this.peek() === '.') {
      this.i++;
      this.ws();
      const after = nameEnd(this.s, this.i);
      if (after >= 0) {
        let j = after;
        while (j < this.s.length && isSpace(this.s.charCodeAt(j))) j++;
        if (this.s[j] === '(') {
          name = `${name}.${this.s.slice(this.i, after)}`;
          this.i = after;
        } else this.i = save;
      } else this.i = save;
    }
    if (this.peek() !== '(') {
      const lower = name.toLowerCase();
      if (lower === 'true') return { kind: 'bool', value: true };
      if (lower === 'false') return { kind: 'bool', value: false };
      if (lower === 'null') return { kind: 'null' };
      this.fail(`expected '(' after function name '${name}'`);
    }
    this.i++;
    const args: Expr[] = [];
    if (this.peek() === ')') {
      this.i++;
      return { kind: 'call', name, args };
    }
    for (;;) {
      args.push(this.expr());
      const d = this.peek();
      if (d === ',') {
        this.i++;
        continue;
      }
      if (d === ')') {
        this.i++;
        return { kind: 'call', name, args };
      }
      this.fail(d === '' ? "expected ',' or ')' but the expression ended" : `expected ',' or ')' but found '${d}'`);
    }
  }

  string(): Expr {
    this.i++; // opening quote
    let out = '';
    // A run up to the next quote at a time; `''` is a quote inside the string.
    for (;;) {
      const q = this.s.indexOf("'", this.i);
      if (q < 0) {
        this.i = this.s.length;
        this.fail('unterminated string');
      }
      out += this.s.slice(this.i, q);
      if (this.s.charCodeAt(q + 1) === 0x27 /* ' */) {
        out += "'";
        this.i = q + 2;
        continue;
      }
      this.i = q + 1;
      return { kind: 'string', value: out };
    }
  }

  /** `-?[0-9]+(\.[0-9]+)?` */
  number(): Expr {
    const start = this.i;
    let j = start;
    if (this.s.charCodeAt(j) === 0x2d /* - */) j++;
    const digits = j;
    while (isDigit(this.s.charCodeAt(j))) j++;
    if (j === digits) this.fail('invalid number');
    if (this.s.charCodeAt(j) === 0x2e /* . */ && isDigit(this.s.charCodeAt(j + 1))) {
      j += 2;
      while (isDigit(this.s.charCodeAt(j))) j++;
    }
    this.i = j;
    return { kind: 'number', value: Number(this.s.slice(start, j)) };
  }
}

/**
 * Parses the text between the outer brackets of `"[ … ]"`. Results are cached by text, for the
 * run: the key is an own copy, and the tree is cut from it, so the cache never holds the file
 * the text was cut from (own-strings.ts).
 */
export const parseExpression: (text: string) => ParseResult = memoByText(50_000, (own): ParseResult => {
  try {
    const expr = new Parser(own).parseAll();
    return treeTooTall(expr) ? { ok: false, error: TOO_DEEP, limit: true } : { ok: true, expr };
  } catch (e) {
    if (e instanceof ExprTooDeep) return { ok: false, error: e.message, limit: true };
    if (!(e instanceof ExprSyntaxError)) throw e;
    return { ok: false, error: e.message };
  }
});

/** Quotes a string the ARM way: `'it''s'`. */
export function quoteArm(s: string): string {
  // Nearly no string has a quote: one indexOf, not a global replace that finds nothing.
  return `'${s.includes("'") ? s.replace(/'/g, "''") : s}'`;
}

/** Canonical text of an expression (used for unknown tokens). */
export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'string':
      return quoteArm(e.value);
    case 'number':
      return String(e.value);
    case 'bool':
      return String(e.value);
    case 'null':
      return 'null()';
    case 'call':
      return `${e.name}(${e.args.map(printExpr).join(', ')})`;
    case 'prop':
      return `${printExpr(e.target)}.${e.name}`;
    case 'index':
      return `${printExpr(e.target)}[${printExpr(e.index)}]`;
  }
}
