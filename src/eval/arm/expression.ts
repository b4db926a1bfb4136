/**
 * Parser for the ARM template expression language (the text inside `"[ … ]"`).
 * Never throws: a syntax error is returned as `{ ok: false, error }`.
 */
import { ownString } from '../../core/own-strings.js';

export type Expr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'prop'; target: Expr; name: string }
  | { kind: 'index'; target: Expr; index: Expr };

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: string };

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

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  fail(msg: string): never {
    throw new ExprSyntaxError(`${msg} at position ${this.i + 1} of expression`);
  }

  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
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
    const m = /^[A-Za-z_$][A-Za-z0-9_$-]*/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a name');
    this.i += m[0].length;
    return m[0];
  }

  parseAll(): Expr {
    const e = this.expr();
    this.ws();
    if (this.i < this.s.length) this.fail(`unexpected '${this.s[this.i]}'`);
    return e;
  }

  expr(): Expr {
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
  }

  primary(): Expr {
    const c = this.peek();
    if (c === '') this.fail('expected a value but the expression ended');
    if (c === "'") return this.string();
    if (/[0-9-]/.test(c)) return this.number();
    if (c === '(') this.fail("unexpected '('");
    let name = this.ident();
    // namespaced user-defined function: ns.fn(
    const save = this.i;
    if (this.peek() === '.') {
      this.i++;
      this.ws();
      const m = /^[A-Za-z_$][A-Za-z0-9_$-]*/.exec(this.s.slice(this.i));
      if (m) {
        const after = this.i + m[0].length;
        let j = after;
        while (j < this.s.length && /\s/.test(this.s[j]!)) j++;
        if (this.s[j] === '(') {
          name = `${name}.${m[0]}`;
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
    for (;;) {
      if (this.i >= this.s.length) this.fail('unterminated string');
      const ch = this.s[this.i]!;
      if (ch === "'") {
        if (this.s[this.i + 1] === "'") {
          out += "'";
          this.i += 2;
          continue;
        }
        this.i++;
        return { kind: 'string', value: out };
      }
      out += ch;
      this.i++;
    }
  }

  number(): Expr {
    const m = /^-?[0-9]+(\.[0-9]+)?/.exec(this.s.slice(this.i));
    if (!m) this.fail('invalid number');
    this.i += m[0].length;
    return { kind: 'number', value: Number(m[0]) };
  }
}

const cache = new Map<string, ParseResult>();

/**
 * Parses the text between the outer brackets of `"[ … ]"`. Results are cached by text, for the
 * run: the key is an own copy, and the tree is cut from it, so the cache never holds the file
 * the text was cut from (own-strings.ts).
 */
export function parseExpression(text: string): ParseResult {
  const hit = cache.get(text);
  if (hit) return hit;
  const key = ownString(text);
  let res: ParseResult;
  try {
    res = { ok: true, expr: new Parser(key).parseAll() };
  } catch (e) {
    if (!(e instanceof ExprSyntaxError)) throw e;
    res = { ok: false, error: e.message };
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, res);
  return res;
}

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
