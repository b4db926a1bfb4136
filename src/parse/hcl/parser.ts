/**
 * Positioned recursive-descent parser for the HCL2 native syntax (hashicorp/hcl `hclsyntax`).
 *
 * `parseHcl` never throws. Syntax errors are collected with their exact range; after an
 * error the parser skips to the next line that starts a top-level `name … {` or `name =`
 * and continues, so one broken block does not hide the rest of the file.
 */
import type {
  Attribute,
  BinaryOperator,
  Block,
  BlockLabel,
  Body,
  BodyItem,
  Comment,
  Expression,
  ForExpr,
  HclFile,
  ObjectExpr,
  ObjectItem,
  SplatExpr,
  SyntaxError,
  TemplateExpr,
  TemplateLiteral,
  TemplatePart,
  TemplateWrapExpr,
  TraversalStep,
  TupleExpr,
} from './ast.js';
import type { Position, Range } from '../../core/source.js';
import { LineMap } from '../../core/source.js';
import { Lexer, T, describeToken, isIdStartAt } from './lexer.js';
import { MAX_NESTING_DEPTH, nestingMessage } from '../nesting.js';

/** Thrown (internally only) to abandon the current top-level item after an error. */
class Abort {}

/** Binary operators by precedence level (0 binds loosest: `||`), as hclsyntax's table. */
const BINARY_LEVEL_COUNT = 6;

/** The operator and its level for a token, or undefined. */
function binaryOperator(type: T): [BinaryOperator, number] | undefined {
  switch (type) {
    case T.Or:
      return ['||', 0];
    case T.And:
      return ['&&', 1];
    case T.Eq:
      return ['==', 2];
    case T.NotEq:
      return ['!=', 2];
    case T.Lt:
      return ['<', 3];
    case T.Le:
      return ['<=', 3];
    case T.Gt:
      return ['>', 3];
    case T.Ge:
      return ['>=', 3];
    case T.Plus:
      return ['+', 4];
    case T.Minus:
      return ['-', 4];
    case T.Star:
      return ['*', 5];
    case T.Slash:
      return ['/', 5];
    case T.Percent:
      return ['%', 5];
    default:
      return undefined;
  }
}

/**
 * `binaryOperator` tabulated by token type (a dense array over every `T`): one array read
 * after each operand instead of a call (the CLI runs V8 without inlining, src/core/jit.ts).
 */
const BINARY_OPERATORS: ReadonlyArray<readonly [BinaryOperator, number] | undefined> = Array.from({ length: T.Invalid + 1 }, (_, t) =>
  binaryOperator(t as T),
);

/**
 * Nesting limit, so that pathological input reports an error instead of overflowing the stack:
 * expressions (and blocks) open at once, i.e. MAX_NESTING_DEPTH levels plus the innermost one.
 */
const MAX_DEPTH = MAX_NESTING_DEPTH + 1;

// ---- template scanning intermediates ------------------------------------------------------

interface FlatLit {
  kind: 'lit';
  value: string;
  start: number;
  end: number;
}
interface FlatInterp {
  kind: 'interp';
  expr: Expression;
  stripLeft: boolean;
  stripRight: boolean;
  start: number;
  end: number;
}
interface FlatDirective {
  kind: 'if' | 'else' | 'endif' | 'for' | 'endfor';
  condition?: Expression;
  keyVar?: string;
  valueVar?: string;
  collection?: Expression;
  stripLeft: boolean;
  stripRight: boolean;
  start: number;
  end: number;
}
type Flat = FlatLit | FlatInterp | FlatDirective;

/**
 * A stack of the elements of lists being parsed: a list pushes its elements (its nested lists
 * work above them) and takes them as one exact-size array at its end (`popFrom`). An array
 * grown by push keeps room for 16 or more elements (~185 bytes for one element, ~55 exact);
 * the AST of the corpus holds ~100k lists, most of one to three elements. The storage is
 * reused and never shrinks (setting a plain array's length to 0 drops its storage).
 */
class ListStack<E> {
  private readonly items: E[] = [];
  /** The stack's size; a list's elements start at the size when it began. */
  size = 0;

  push(element: E): void {
    this.items[this.size++] = element;
  }

  /** Removes the elements from `from` on and returns them. */
  popFrom(from: number): E[] {
    if (this.size === from) return [];
    const list = this.items.slice(from, this.size);
    this.size = from;
    return list;
  }
}

function span(a: { range: Range }, b: { range: Range }): Range {
  return { start: a.range.start, end: b.range.end };
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

/** Is `expr` a plain quoted string (a template with only literal text)? */
function isStringLiteral(expr: Expression): expr is TemplateExpr {
  return expr.type === 'Template' && expr.parts.every((p) => p.type === 'TemplateLiteral');
}

class Parser {
  readonly lines: LineMap;
  readonly lx: Lexer;
  readonly comments: Comment[] = [];
  readonly errors: SyntaxError[] = [];
  /** The lookahead token's type (null: none); its bounds are the lexer's tokStart/tokEnd. */
  private tok: T | null = null;
  /** Top: are newlines insignificant here (inside `(`, `[`, template sequences, for)? */
  private ignoreNl: boolean[] = [false];
  /** The top of `ignoreNl`, kept in a field: `peek` reads it for every token, several times. */
  private nlIgnored = false;
  private depth = 0;
  private tooDeep = false;
  /** The elements of the lists being parsed, by element type; emptied by `recover`. */
  private readonly pendingItems = new ListStack<BodyItem>();
  private readonly pendingLabels = new ListStack<BlockLabel>();
  private readonly pendingExprs = new ListStack<Expression>();
  private readonly pendingObjectItems = new ListStack<ObjectItem>();
  private readonly pendingSteps = new ListStack<TraversalStep>();
  /** The position `pos` made last. */
  private lastPos: Position | null = null;

  constructor(readonly text: string) {
    this.lines = new LineMap(text);
    this.lx = new Lexer(text, this.lines, this.comments, this.errors);
  }

  // ---- token plumbing -----------------------------------------------------------------------

  /** The type of the next token; its bounds are `tokStart`/`tokEnd` until the next token is read. */
  private peek(): T {
    let t = this.tok;
    if (t === null) t = this.lx.next();
    // The lookahead is peeked several times per token (each level of the expression parser
    // looks at it): only a newline where newlines are insignificant needs more than a read.
    if (t === T.Newline && this.nlIgnored) {
      do t = this.lx.next();
      while (t === T.Newline);
    }
    this.tok = t;
    return t;
  }

  /** Consumes the next token; its bounds stay in `tokStart`/`tokEnd` until the next peek. */
  private take(): T {
    let t = this.tok;
    // Nearly every take follows a peek of the same token: peek again only when that is not so.
    if (t === null || (t === T.Newline && this.nlIgnored)) t = this.peek();
    this.tok = null;
    return t;
  }

  /** Start offset of the token peeked or taken last. */
  private get tokStart(): number {
    return this.lx.tokStart;
  }

  /** End offset of the token peeked or taken last. */
  private get tokEnd(): number {
    return this.lx.tokEnd;
  }

  private pushNl(ignore: boolean): void {
    this.ignoreNl.push(ignore);
    this.nlIgnored = ignore;
  }

  private popNl(): void {
    const stack = this.ignoreNl;
    stack.pop();
    this.nlIgnored = stack[stack.length - 1] === true;
  }

  /** Source text of the token peeked or taken last. */
  private src(): string {
    return this.text.slice(this.tokStart, this.tokEnd);
  }

  private range(start: number, end: number): Range {
    return { start: this.pos(start), end: this.pos(end) };
  }

  /**
   * The position of `offset`. One in eight is asked for twice in a row (a traversal root's end
   * is its first step's start, …): those share the position object (nothing mutates positions).
   */
  private pos(offset: number): Position {
    const last = this.lastPos;
    if (last !== null && last.offset === offset) return last;
    return (this.lastPos = this.lines.position(offset));
  }

  private fail(message: string, start: number, end: number): never {
    this.errors.push({ message, range: this.range(start, end) });
    throw new Abort();
  }

  /** Fails at the token peeked or taken last (of type `t`). */
  private unexpected(t: T, expected: string): never {
    const start = this.tokStart;
    const end = this.tokEnd;
    this.fail(`Expected ${expected}, found ${describeToken(t, start, end, this.text)}`, start, end);
  }

  /** Takes a token of `type` (or fails); returns its end offset. */
  private expect(type: T, expected: string): number {
    const t = this.peek();
    if (t !== type) this.unexpected(t, expected);
    this.take();
    return this.tokEnd;
  }

  /** Is the token peeked last (of type `t`) the identifier `word`? */
  private isKeyword(t: T, word: string): boolean {
    const start = this.tokStart;
    return t === T.Ident && this.tokEnd - start === word.length && this.text.startsWith(word, start);
  }

  /** The content of an empty tuple or object, at the token peeked: one level deeper than its brackets, for the limit only. */
  private enterEmpty(): void {
    this.enter();
    this.depth--;
  }

  /** One nesting level deeper, at the token peeked or taken last. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      // Nothing after this point can be parsed sensibly: stop instead of recovering (which
      // would meet the same nesting on every following line).
      this.tooDeep = true;
      this.fail(nestingMessage(), this.tokStart, this.tokEnd);
    }
  }

  // ---- file and bodies ------------------------------------------------------------------------

  parseFile(): Body {
    const items: BodyItem[] = [];
    let itemStart = 0;
    for (;;) {
      try {
        const t = this.peek();
        if (t === T.EOF) break;
        if (t === T.Newline) {
          this.take();
          continue;
        }
        itemStart = this.tokStart;
        items.push(this.parseItem(false));
      } catch (e) {
        if (!(e instanceof Abort)) {
          const err = e instanceof Error ? e.message : String(e);
          const at = Math.min(this.lx.pos, this.text.length);
          this.errors.push({ message: `Internal parser error: ${err}`, range: this.range(at, at) });
        }
        if (this.tooDeep || !this.recover(itemStart)) break;
      }
    }
    this.checkRedefined(items);
    return { items, range: this.range(0, this.text.length) };
  }

  /**
   * HCL's "Attribute redefined" (hclsyntax ParseBody): an argument set twice in one body is an
   * error of the file, at the second name (the first value would otherwise be dropped silently).
   * Recorded, not thrown: the rest of the file is read as before.
   */
  private checkRedefined(items: readonly BodyItem[]): void {
    let seen: Map<string, Attribute> | undefined;
    for (const item of items) {
      if (item.type !== 'Attribute') continue;
      const first = (seen ??= new Map()).get(item.name);
      if (first) {
        const at = first.nameRange.start;
        this.errors.push({
          message: `Attribute redefined: the argument "${item.name}" was already set at line ${at.line}, column ${at.column}; each argument may be set only once, so remove one of them`,
          range: item.nameRange,
        });
      } else seen.set(item.name, item);
    }
  }

  /**
   * Skips to the start of the next line (after the error) that looks like a top-level
   * `name … {` or `name =`; the line of the error itself qualifies when it is not the line
   * where the broken item starts (`x = [1,` followed by `y = 2`). Returns false at end of file.
   */
  private recover(itemStart: number): boolean {
    const text = this.text;
    const lastError = this.errors[this.errors.length - 1];
    let i = lastError ? lastError.range.start.offset : this.lx.pos;
    this.tok = null;
    this.ignoreNl = [false];
    this.nlIgnored = false;
    this.pendingItems.size = 0;
    this.pendingLabels.size = 0;
    this.pendingExprs.size = 0;
    this.pendingObjectItems.size = 0;
    this.pendingSteps.size = 0;
    this.depth = 0;
    const errorLineStart = text.lastIndexOf('\n', i - 1) + 1;
    if (errorLineStart > itemStart && this.looksLikeTopLevelItem(errorLineStart)) {
      this.lx.pos = errorLineStart;
      return true;
    }
    for (;;) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) {
        this.lx.pos = text.length;
        return false;
      }
      i = nl + 1;
      if (this.looksLikeTopLevelItem(i)) {
        this.lx.pos = i;
        return true;
      }
    }
  }

  private looksLikeTopLevelItem(i: number): boolean {
    const text = this.text;
    const n = text.length;
    if (!isIdStartAt(text, i)) return false;
    let sawLabel = false;
    let first = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
      } else if (c === 123 /* { */) {
        return true;
      } else if (c === 61 /* = */) {
        return !sawLabel && text.charCodeAt(i + 1) !== 61;
      } else if (c === 34 /* " */) {
        const close = text.indexOf('"', i + 1);
        const eol = text.indexOf('\n', i + 1);
        if (close < 0 || (eol >= 0 && eol < close)) return false;
        i = close + 1;
        sawLabel = true;
        first = false;
      } else if (isIdStartAt(text, i)) {
        if (!first) sawLabel = true;
        first = false;
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === 32 || d === 9 || d === 123 || d === 61 || d === 34 || d === 10 || d === 13) break;
          i++;
        }
      } else {
        return false;
      }
    }
    return false;
  }

  /** An attribute or block; `inBlock` allows a closing `}` right after a one-line item. */
  private parseItem(inBlock: boolean): BodyItem {
    const nameType = this.peek();
    if (nameType !== T.Ident) this.unexpected(nameType, 'an attribute or block definition');
    this.take();
    const name = this.src();
    const nameRange = this.range(this.tokStart, this.tokEnd);
    const after = this.peek();
    if (after === T.Assign) {
      this.take();
      const expr = this.parseExpression();
      this.endOfItem(inBlock, 'attribute');
      const attr: Attribute = { type: 'Attribute', name, nameRange, expr, range: { start: nameRange.start, end: expr.range.end } };
      return attr;
    }
    if (after !== T.LBrace && after !== T.OQuote && after !== T.Ident) {
      this.unexpected(after, `'=' or '{' after attribute/block name "${name}"`);
    }
    const labels = this.pendingLabels;
    const labelsFrom = labels.size;
    for (;;) {
      const t = this.peek();
      if (t === T.LBrace) break;
      if (t === T.Ident) {
        this.take();
        labels.push({ value: this.src(), quoted: false, range: this.range(this.tokStart, this.tokEnd) });
      } else if (t === T.OQuote) {
        this.take();
        const start = this.tokStart;
        const close = this.plainStringEnd(this.tokEnd);
        if (close >= 0) {
          // The usual label: its value and range straight from the text, no template built.
          this.lx.pos = close + 1;
          labels.push({ value: this.text.slice(start + 1, close), quoted: true, range: this.range(start, close + 1) });
          continue;
        }
        const tmpl = this.parseQuoted(start);
        if (!isStringLiteral(tmpl)) {
          this.fail('Block labels must be plain quoted strings; interpolation is not allowed here', start, tmpl.range.end.offset);
        }
        const value = tmpl.parts.map((p) => (p as TemplateLiteral).value).join('');
        labels.push({ value, quoted: true, range: tmpl.range });
      } else {
        this.unexpected(t, `'{' to open block "${name}"`);
      }
    }
    const blockLabels = labels.popFrom(labelsFrom);
    this.take();
    const openStart = this.tokStart;
    const openBraceRange = this.range(openStart, this.tokEnd);
    this.enter();
    this.pushNl(false);
    const items = this.pendingItems;
    const itemsFrom = items.size;
    let closeEnd: number;
    for (;;) {
      const t = this.peek();
      if (t === T.Newline) {
        this.take();
        continue;
      }
      if (t === T.RBrace) {
        // An empty block at the limit: its content would be level 501, as an empty `{}`/`[]` value's (README "Robustness").
        if (this.depth >= MAX_DEPTH && items.size === itemsFrom) this.enterEmpty();
        this.take();
        closeEnd = this.tokEnd;
        break;
      }
      if (t === T.EOF) {
        this.fail(
          `Expected '}' to close block "${name}" opened at line ${this.pos(openStart).line}, found end of file`,
          this.tokStart,
          this.tokEnd,
        );
      }
      items.push(this.parseItem(true));
    }
    this.popNl();
    this.depth--;
    this.endOfItem(inBlock, 'block');
    const body: Body = { items: items.popFrom(itemsFrom), range: { start: openBraceRange.start, end: this.pos(closeEnd) } };
    this.checkRedefined(body.items);
    const block: Block = {
      type: 'Block',
      blockType: name,
      typeRange: nameRange,
      labels: blockLabels,
      body,
      openBraceRange,
      range: { start: nameRange.start, end: body.range.end },
    };
    return block;
  }

  private endOfItem(inBlock: boolean, what: string): void {
    const t = this.peek();
    if (t === T.Newline) {
      this.take();
      return;
    }
    if (t === T.EOF) return;
    if (inBlock && t === T.RBrace) return;
    this.unexpected(t, `a newline after the ${what}`);
  }

  // ---- expressions ----------------------------------------------------------------------------

  /** An expression; returns with the token after it peeked (`tok`), as every parse step below does. */
  parseExpression(): Expression {
    const t = this.peek();
    this.enter();
    const first = this.parseUnary(t);
    // Most expressions are one operand: the operator levels are entered only when one follows.
    const condition = BINARY_OPERATORS[this.tok!] === undefined ? first : this.parseBinaryRest(first, 0);
    let result = condition;
    if (this.tok === T.Question) {
      this.take();
      const trueExpr = this.parseExpression();
      this.expect(T.Colon, "':' in the conditional expression");
      const falseExpr = this.parseExpression();
      result = { type: 'Conditional', condition, trueExpr, falseExpr, range: span(condition, falseExpr) };
    }
    this.depth--;
    return result;
  }

  /**
   * The operators of `level` and tighter after the operand `left`, left-associative
   * (precedence climbing: the same trees as one recursive function per level, without six
   * calls per operand).
   */
  private parseBinaryRest(first: Expression, level: number): Expression {
    let left = first;
    for (;;) {
      const found = BINARY_OPERATORS[this.peek()];
      if (found === undefined || found[1] < level) return left;
      const opLevel = found[1];
      this.take();
      let right = this.parseUnary(this.peek());
      if (opLevel + 1 < BINARY_LEVEL_COUNT) right = this.parseBinaryRest(right, opLevel + 1);
      left = { type: 'BinaryOp', op: found[0], left, right, range: span(left, right) };
    }
  }

  /**
   * A unary operation or an operand with its postfix steps, starting with `t` (the token peeked
   * last, passed by the caller that peeked it); returns with the next token peeked.
   */
  private parseUnary(t: T): Expression {
    if (t === T.Bang || t === T.Minus) {
      this.take();
      const start = this.tokStart;
      this.enter();
      const operand = this.parseUnary(this.peek());
      this.depth--;
      return {
        type: 'UnaryOp',
        op: t === T.Bang ? '!' : '-',
        operand,
        range: { start: this.pos(start), end: operand.range.end },
      };
    }
    const term = this.parseTerm(t);
    const after = this.peek();
    return after === T.Dot || after === T.LBrack ? this.parsePostfix(term) : term;
  }

  /** The operand starting with `t`, the token peeked last (taken here). */
  private parseTerm(t: T): Expression {
    this.tok = null;
    const start = this.tokStart;
    const end = this.tokEnd;
    switch (t) {
      case T.Number: {
        const raw = this.src();
        return { type: 'Literal', value: Number(raw), raw, range: this.range(start, end) };
      }
      case T.Ident: {
        const name = this.src();
        const range = this.range(start, end);
        if (name === 'true' || name === 'false') return { type: 'Literal', value: name === 'true', raw: name, range };
        if (name === 'null') return { type: 'Literal', value: null, raw: name, range };
        if (this.peek() === T.LParen) return this.parseCall(name, range);
        if (name.includes('::')) this.fail(`Expected '(' after the function name "${name}"`, start, end);
        return { type: 'ScopeTraversal', root: name, rootRange: range, steps: [], range };
      }
      case T.OQuote:
        return this.parseQuoted(start);
      case T.OHeredoc:
        return this.parseHeredoc(start, end);
      case T.LParen: {
        this.pushNl(true);
        const expr = this.parseExpression();
        const closeEnd = this.expect(T.RParen, "')' to close the parentheses");
        this.popNl();
        return { type: 'Parentheses', expr, range: this.range(start, closeEnd) };
      }
      case T.LBrack:
        return this.parseTuple(start);
      case T.LBrace:
        return this.parseObject(start);
      default:
        return this.unexpected(t, 'an expression');
    }
  }

  /** A call of `name` (written at `nameRange`); the `(` is next. */
  private parseCall(name: string, nameRange: Range): Expression {
    this.take(); // (
    this.pushNl(true);
    const args = this.pendingExprs;
    const argsFrom = args.size;
    let expandFinal = false;
    let closeEnd: number;
    for (;;) {
      const t = this.peek();
      if (t === T.RParen) {
        this.take();
        closeEnd = this.tokEnd;
        break;
      }
      if (expandFinal) this.unexpected(t, "')' after the '...' argument");
      args.push(this.parseExpression());
      const sep = this.peek();
      if (sep === T.Ellipsis) {
        this.take();
        expandFinal = true;
        continue;
      }
      if (sep === T.Comma) {
        this.take();
        continue;
      }
      if (sep !== T.RParen) this.unexpected(sep, "',' or ')' in the function call");
    }
    this.popNl();
    return {
      type: 'FunctionCall',
      name,
      nameRange,
      args: args.popFrom(argsFrom),
      expandFinal,
      range: { start: nameRange.start, end: this.pos(closeEnd) },
    };
  }

  /**
   * The `.name`, `[key]`, `.*` and `[*]` steps after an operand. A run of traversal steps is
   * attached once, when it ends (attachSteps): one exact-size array and one range per
   * traversal instead of a push and a new range per step.
   */
  private parsePostfix(base: Expression): Expression {
    let expr = base;
    let splat: SplatExpr | null = null;
    const steps = this.pendingSteps;
    // This call's steps are steps[from..]; a nested call (in an index key) works above them.
    const from = steps.size;
    for (;;) {
      const t = this.peek();
      if (t === T.Dot) {
        this.take();
        const dotStart = this.tokStart;
        const n = this.take();
        const nStart = this.tokStart;
        const nEnd = this.tokEnd;
        let step: TraversalStep;
        if (n === T.Ident) {
          step = { type: 'GetAttr', name: this.src(), range: this.range(dotStart, nEnd) };
        } else if (n === T.Number) {
          const raw = this.src();
          const key: Expression = { type: 'Literal', value: Number(raw), raw, range: this.range(nStart, nEnd) };
          step = { type: 'Index', key, legacyDot: true, range: this.range(dotStart, nEnd) };
        } else if (n === T.Star) {
          expr = this.attachSteps(expr, from);
          splat = { type: 'Splat', source: expr, full: false, each: [], range: { start: expr.range.start, end: this.pos(nEnd) } };
          expr = splat;
          continue;
        } else {
          this.unexpected(n, "an attribute name after '.'");
        }
        if (splat) {
          splat.each.push(step);
          splat.range = { start: splat.range.start, end: step.range.end };
        } else {
          steps.push(step);
        }
        continue;
      }
      if (t === T.LBrack) {
        this.take();
        const openStart = this.tokStart;
        this.pushNl(true);
        if (this.peek() === T.Star) {
          this.take();
          const closeEnd = this.expect(T.RBrack, "']' after '[*'");
          this.popNl();
          expr = this.attachSteps(expr, from);
          splat = { type: 'Splat', source: expr, full: true, each: [], range: { start: expr.range.start, end: this.pos(closeEnd) } };
          expr = splat;
          continue;
        }
        const key = this.parseExpression();
        const closeEnd = this.expect(T.RBrack, "']' to close the index");
        this.popNl();
        const range = this.range(openStart, closeEnd);
        if (splat && splat.full) {
          splat.each.push({ type: 'Index', key, range });
          splat.range = { start: splat.range.start, end: range.end };
          continue;
        }
        splat = null;
        if (key.type === 'Literal' || isStringLiteral(key)) {
          steps.push({ type: 'Index', key, range });
        } else {
          expr = this.attachSteps(expr, from);
          expr = { type: 'Index', collection: expr, key, range: { start: expr.range.start, end: range.end } };
        }
        continue;
      }
      return this.attachSteps(expr, from);
    }
  }

  /**
   * Attaches the pending steps `pendingSteps[from..]` to `expr`: a traversal gets them
   * appended, anything else becomes the source of a relative traversal.
   */
  private attachSteps(expr: Expression, from: number): Expression {
    if (this.pendingSteps.size === from) return expr;
    const steps = this.pendingSteps.popFrom(from);
    const end = steps[steps.length - 1]!.range.end;
    if (expr.type === 'ScopeTraversal' || expr.type === 'RelativeTraversal') {
      // (An operand comes here once, without steps: the concat is for completeness.)
      expr.steps = expr.steps.length === 0 ? steps : expr.steps.concat(steps);
      expr.range = { start: expr.range.start, end };
      return expr;
    }
    return { type: 'RelativeTraversal', source: expr, steps, range: { start: expr.range.start, end } };
  }

  /** After `[` (at `openStart`). */
  private parseTuple(openStart: number): Expression {
    this.pushNl(true);
    if (this.isKeyword(this.peek(), 'for')) {
      const e = this.parseFor(openStart, false);
      this.popNl();
      return e;
    }
    const items = this.pendingExprs;
    const itemsFrom = items.size;
    let closeEnd: number;
    // An empty tuple as level 501 is too deep as well, though no expression inside enters it.
    if (this.peek() === T.RBrack && this.depth >= MAX_DEPTH) this.enterEmpty();
    for (;;) {
      const t = this.peek();
      if (t === T.RBrack) {
        this.take();
        closeEnd = this.tokEnd;
        break;
      }
      items.push(this.parseExpression());
      const sep = this.peek();
      if (sep === T.Comma) {
        this.take();
        continue;
      }
      if (sep !== T.RBrack) this.unexpected(sep, "',' or ']' in the tuple");
    }
    this.popNl();
    const tuple: TupleExpr = { type: 'Tuple', items: items.popFrom(itemsFrom), range: this.range(openStart, closeEnd) };
    return tuple;
  }

  /** After `{` (at `openStart`). */
  private parseObject(openStart: number): Expression {
    // Newlines separate object items, so they stay significant (except inside nested brackets).
    this.pushNl(false);
    let t = this.peek();
    while (t === T.Newline) {
      this.take();
      t = this.peek();
    }
    if (this.isKeyword(t, 'for')) {
      this.pushNl(true);
      const e = this.parseFor(openStart, true);
      this.popNl();
      this.popNl();
      return e;
    }
    const items = this.pendingObjectItems;
    const itemsFrom = items.size;
    let closeEnd: number;
    if (t === T.RBrace && this.depth >= MAX_DEPTH) this.enterEmpty();
    for (;;) {
      t = this.peek();
      // Only newlines stand between items: one comma may end an item (below), but a comma with
      // no item before it (`{ , }`, `x = 1,, y = 2`) is an error, as in Terraform's parser
      // (hclsyntax parseObjectCons: "Expected the start of an expression").
      if (t === T.Newline) {
        this.take();
        continue;
      }
      if (t === T.RBrace) {
        this.take();
        closeEnd = this.tokEnd;
        break;
      }
      if (t === T.EOF) this.unexpected(t, "'}' to close the object");
      if (t === T.Comma) this.unexpected(t, "an object item (a key, '=' and a value) or '}'");
      const key = this.parseExpression();
      const bareKey = key.type === 'ScopeTraversal' && key.steps.length === 0;
      const sep = this.peek();
      if (sep !== T.Assign && sep !== T.Colon) this.unexpected(sep, "'=' or ':' after the object key");
      this.take();
      const value = this.parseExpression();
      items.push({ key, bareKey, value, separator: sep === T.Assign ? '=' : ':', range: span(key, value) });
      const after = this.peek();
      if (after === T.Comma) this.take();
      else if (after !== T.Newline && after !== T.RBrace) this.unexpected(after, "',' or a newline after the object item");
    }
    this.popNl();
    const obj: ObjectExpr = { type: 'Object', items: items.popFrom(itemsFrom), range: this.range(openStart, closeEnd) };
    return obj;
  }

  /** After `[` or `{` (at `openStart`), with `for` next; newlines are ignored by the caller. */
  private parseFor(openStart: number, isObject: boolean): ForExpr {
    this.take(); // for
    this.expect(T.Ident, "a variable name after 'for'");
    let keyVar: string | undefined;
    let valueVar = this.src();
    if (this.peek() === T.Comma) {
      this.take();
      keyVar = valueVar;
      this.expect(T.Ident, "a second variable name after ','");
      valueVar = this.src();
    }
    const inTok = this.peek();
    if (!this.isKeyword(inTok, 'in')) this.unexpected(inTok, "'in' in the for expression");
    this.take();
    const collection = this.parseExpression();
    this.expect(T.Colon, "':' in the for expression");
    let keyExpr: Expression | undefined;
    if (isObject) {
      keyExpr = this.parseExpression();
      this.expect(T.FatArrow, "'=>' in the object for expression");
    }
    const valueExpr = this.parseExpression();
    let group = false;
    if (isObject && this.peek() === T.Ellipsis) {
      this.take();
      group = true;
    }
    let condition: Expression | undefined;
    if (this.isKeyword(this.peek(), 'if')) {
      this.take();
      condition = this.parseExpression();
    }
    const closeEnd = this.expect(isObject ? T.RBrace : T.RBrack, isObject ? "'}' to close the for expression" : "']' to close the for expression");
    const e: ForExpr = { type: 'For', valueVar, collection, valueExpr, group, range: this.range(openStart, closeEnd) };
    if (keyVar !== undefined) e.keyVar = keyVar;
    if (keyExpr) e.keyExpr = keyExpr;
    if (condition) e.condition = condition;
    return e;
  }

  // ---- templates ------------------------------------------------------------------------------

  /** A quoted template; the opening `"` (at `openStart`) has been taken. */
  parseQuoted(openStart: number): TemplateExpr | TemplateWrapExpr {
    const text = this.text;
    const n = text.length;
    const textStart = openStart + 1;
    const close = this.plainStringEnd(textStart);
    if (close >= 0) return this.plainTemplate(openStart, close);
    const flat: Flat[] = [];
    let i = textStart;
    let litStart = i;
    let chunks: string[] = [];
    let segStart = i;
    const flushLit = (end: number): void => {
      if (end > segStart) chunks.push(text.slice(segStart, end));
      if (end > litStart) flat.push({ kind: 'lit', value: chunks.length === 1 ? chunks[0]! : chunks.join(''), start: litStart, end });
      chunks = [];
    };
    for (;;) {
      if (i >= n) this.fail('Unterminated string: missing the closing \'"\'', openStart, textStart);
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 10 || c === 13) {
        this.fail('Unterminated string: a quoted string must end with \'"\' on the same line', openStart, i);
      }
      if (c === 92 /* \ */) {
        if (i > segStart) chunks.push(text.slice(segStart, i));
        i = this.decodeEscape(i, chunks);
        segStart = i;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
        flushLit(i);
        i = this.parseSequence(i, flat);
        litStart = segStart = i;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        // `$${` and `%%{` are the literal `${` and `%{`.
        chunks.push(text.slice(segStart, i + 1));
        segStart = i + 2;
        i += 3;
        continue;
      }
      i++;
    }
    flushLit(i);
    this.lx.pos = i + 1;
    this.tok = null;
    return this.finishTemplate(flat, openStart, i + 1, undefined);
  }

  /**
   * The offset of the closing `"` of a plain string whose text starts at `from` (no escape,
   * no `$`/`%`, closed on its line), or -1. Most strings are plain: they skip the general
   * template scan and its intermediates (flat items, chunk arrays, buildParts).
   */
  private plainStringEnd(from: number): number {
    const text = this.text;
    const n = text.length;
    let j = from;
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 34 || c === 92 || c === 36 || c === 37 || c === 10 || c === 13 || j >= n) break;
      j++;
    }
    return j < n && text.charCodeAt(j) === 34 ? j : -1;
  }

  /**
   * A plain string's template, built directly: exactly the nodes finishTemplate and buildParts
   * make for one literal (an empty string keeps its one empty part between the quotes).
   */
  private plainTemplate(openStart: number, close: number): TemplateExpr {
    this.lx.pos = close + 1;
    this.tok = null;
    const range = this.range(openStart, close + 1);
    const literal: TemplateLiteral = { type: 'TemplateLiteral', value: this.text.slice(openStart + 1, close), range: this.range(openStart + 1, close) };
    return { type: 'Template', parts: [literal], range };
  }

  /** Decodes the escape at `i` (a backslash) into `chunks`; returns the index after it. */
  private decodeEscape(i: number, chunks: string[]): number {
    const text = this.text;
    const e = text.charCodeAt(i + 1);
    switch (e) {
      case 110:
        chunks.push('\n');
        return i + 2;
      case 114:
        chunks.push('\r');
        return i + 2;
      case 116:
        chunks.push('\t');
        return i + 2;
      case 34:
        chunks.push('"');
        return i + 2;
      case 92:
        chunks.push('\\');
        return i + 2;
      case 117:
      case 85: {
        const len = e === 117 ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + len);
        if (hex.length === len && /^[0-9a-fA-F]+$/.test(hex)) {
          const cp = parseInt(hex, 16);
          if (cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) {
            chunks.push(String.fromCodePoint(cp));
            return i + 2 + len;
          }
        }
        this.fail(`Invalid escape sequence: \\${text[i + 1]} must be followed by ${len} hexadecimal digits of a valid code point`, i, i + 2);
        break;
      }
      default:
        break;
    }
    const shown = Number.isNaN(e) || e === 10 || e === 13 ? '' : String.fromCharCode(e);
    return this.fail(
      `Invalid escape sequence "\\${shown}": only \\n, \\r, \\t, \\", \\\\, \\uNNNN and \\UNNNNNNNN are allowed`,
      i,
      Math.min(i + 2, text.length),
    );
  }

  /** A heredoc; its opener (`start`..`end`, and the newline after it) has been taken. */
  private parseHeredoc(start: number, end: number): TemplateExpr | TemplateWrapExpr {
    const text = this.text;
    const n = text.length;
    const marker = this.lx.heredocMarker;
    const indented = this.lx.heredocIndented;
    const flat: Flat[] = [];
    let i = this.lx.pos;
    let endOffset = -1;
    for (;;) {
      // At a line start (or after an interpolation that ended mid-line, when atLineStart=false).
      if (i >= n) {
        this.fail(`Unterminated heredoc: no closing "${marker}" line for the heredoc that starts here`, start, end);
      }
      let j = i;
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
      if (text.startsWith(marker, j)) {
        const k = j + marker.length;
        const c = text.charCodeAt(k);
        if (k >= n || c === 10 || (c === 13 && text.charCodeAt(k + 1) === 10)) {
          endOffset = k;
          break;
        }
      }
      i = this.scanHeredocLine(i, flat);
    }
    this.lx.pos = endOffset;
    this.tok = null;
    return this.finishTemplate(flat, start, endOffset, { marker, indented });
  }

  /** Scans heredoc text from `i` to the end of its line (following interpolations across lines). */
  private scanHeredocLine(start: number, flat: Flat[]): number {
    const text = this.text;
    const n = text.length;
    let i = start;
    let litStart = i;
    let chunks: string[] = [];
    let segStart = i;
    const flushLit = (end: number): void => {
      if (end > segStart) chunks.push(text.slice(segStart, end));
      if (end > litStart) flat.push({ kind: 'lit', value: chunks.length === 1 ? chunks[0]! : chunks.join(''), start: litStart, end });
      chunks = [];
    };
    for (;;) {
      if (i >= n) {
        flushLit(i);
        return i;
      }
      const c = text.charCodeAt(i);
      if (c === 10) {
        flushLit(i + 1);
        return i + 1;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
        flushLit(i);
        i = this.parseSequence(i, flat);
        litStart = segStart = i;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        chunks.push(text.slice(segStart, i + 1));
        segStart = i + 2;
        i += 3;
        continue;
      }
      i++;
    }
  }

  /** `${ … }` or `%{ … }` starting at `i`; appends to `flat` and returns the index after `}`. */
  private parseSequence(i: number, flat: Flat[]): number {
    const text = this.text;
    const isInterp = text.charCodeAt(i) === 36;
    const stripLeft = text.charCodeAt(i + 2) === 126;
    this.lx.pos = i + (stripLeft ? 3 : 2);
    this.tok = null;
    this.pushNl(true);
    let item: FlatInterp | FlatDirective;
    if (isInterp) {
      const expr = this.parseExpression();
      item = { kind: 'interp', expr, stripLeft, stripRight: false, start: i, end: 0 };
    } else {
      const kw = this.peek();
      const word = kw === T.Ident ? this.src() : '';
      if (word === 'if') {
        this.take();
        item = { kind: 'if', condition: this.parseExpression(), stripLeft, stripRight: false, start: i, end: 0 };
      } else if (word === 'for') {
        this.take();
        this.expect(T.Ident, "a variable name after 'for'");
        let valueVar = this.src();
        let keyVar: string | undefined;
        if (this.peek() === T.Comma) {
          this.take();
          keyVar = valueVar;
          this.expect(T.Ident, "a second variable name after ','");
          valueVar = this.src();
        }
        const inTok = this.peek();
        if (!this.isKeyword(inTok, 'in')) this.unexpected(inTok, "'in' in the for directive");
        this.take();
        const collection = this.parseExpression();
        item = { kind: 'for', valueVar, collection, stripLeft, stripRight: false, start: i, end: 0 };
        if (keyVar !== undefined) item.keyVar = keyVar;
      } else if (word === 'else' || word === 'endif' || word === 'endfor') {
        this.take();
        item = { kind: word, stripLeft, stripRight: false, start: i, end: 0 };
      } else {
        this.unexpected(kw, "'if', 'else', 'endif', 'for' or 'endfor' after '%{'");
      }
    }
    const close = this.peek();
    if (close !== T.RBrace && close !== T.StripClose) {
      this.unexpected(close, isInterp ? "'}' to close the interpolation" : "'}' to close the template directive");
    }
    this.take();
    this.popNl();
    const closeEnd = this.tokEnd;
    item.stripRight = close === T.StripClose;
    item.end = closeEnd;
    flat.push(item);
    return closeEnd;
  }

  private finishTemplate(
    flat: Flat[],
    start: number,
    end: number,
    heredoc: { marker: string; indented: boolean; indent?: number } | undefined,
  ): TemplateExpr | TemplateWrapExpr {
    const range = this.range(start, end);
    const only = flat.length === 1 ? flat[0]! : null;
    if (only && only.kind === 'interp' && !heredoc) {
      const wrap: TemplateWrapExpr = { type: 'TemplateWrap', wrapped: only.expr, range };
      return wrap;
    }
    // `~` strip markers trim the whitespace of the adjacent literal.
    for (let k = 0; k < flat.length; k++) {
      const f = flat[k]!;
      if (f.kind === 'lit') continue;
      const prev = flat[k - 1];
      if (f.stripLeft && prev && prev.kind === 'lit') prev.value = prev.value.trimEnd();
      const next = flat[k + 1];
      if (f.stripRight && next && next.kind === 'lit') next.value = next.value.trimStart();
    }
    if (heredoc?.indented) {
      const indent = flushHeredoc(flat);
      if (indent > 0) heredoc.indent = indent;
    }
    const pos = { i: 0 };
    const parts = this.buildParts(flat, pos, null);
    if (parts.length === 0) {
      parts.push({ type: 'TemplateLiteral', value: '', range: this.range(start + (heredoc ? 0 : 1), heredoc ? start : end - 1) });
    }
    const tmpl: TemplateExpr = { type: 'Template', parts, range };
    if (heredoc) tmpl.heredoc = heredoc;
    return tmpl;
  }

  /** Builds nested parts from the flat token list, up to the terminator of `opener`. */
  private buildParts(flat: Flat[], pos: { i: number }, opener: FlatDirective | null): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let lit: TemplateLiteral | null = null;
    let litEnd = 0;
    while (pos.i < flat.length) {
      const f = flat[pos.i]!;
      if (f.kind === 'lit') {
        pos.i++;
        if (f.value === '') continue;
        if (lit && litEnd === f.start) {
          lit.value += f.value;
          lit.range = { start: lit.range.start, end: this.pos(f.end) };
        } else {
          lit = { type: 'TemplateLiteral', value: f.value, range: this.range(f.start, f.end) };
          parts.push(lit);
        }
        litEnd = f.end;
        continue;
      }
      lit = null;
      if (f.kind === 'interp') {
        pos.i++;
        parts.push({
          type: 'TemplateInterpolation',
          expr: f.expr,
          stripLeft: f.stripLeft,
          stripRight: f.stripRight,
          range: this.range(f.start, f.end),
        });
        continue;
      }
      if (f.kind === 'else' || f.kind === 'endif' || f.kind === 'endfor') {
        const wanted = opener?.kind === 'for' ? 'endfor' : opener?.kind === 'if' ? 'endif or else' : null;
        if (wanted === null || !wanted.includes(f.kind)) {
          this.fail(`Unexpected %{${f.kind}}: no matching %{${f.kind === 'endfor' ? 'for' : 'if'}} is open here`, f.start, f.end);
        }
        return parts;
      }
      pos.i++;
      if (f.kind === 'if') {
        const then = this.buildParts(flat, pos, f);
        let term = flat[pos.i];
        let elseParts: TemplatePart[] | undefined;
        if (term && term.kind === 'else') {
          pos.i++;
          elseParts = this.buildParts(flat, pos, { ...f, kind: 'if' });
          term = flat[pos.i];
          if (term && term.kind === 'else') this.fail('Unexpected second %{else} in the same %{if}', term.start, term.end);
        }
        if (!term || term.kind !== 'endif') this.fail('Missing %{endif} for this %{if}', f.start, f.end);
        pos.i++;
        const part: TemplatePart = { type: 'TemplateIf', condition: f.condition!, then, range: this.range(f.start, term.end) };
        if (elseParts) part.else = elseParts;
        parts.push(part);
      } else {
        const body = this.buildParts(flat, pos, f);
        const term = flat[pos.i];
        if (!term || term.kind !== 'endfor') this.fail('Missing %{endfor} for this %{for}', f.start, f.end);
        pos.i++;
        const part: TemplatePart = {
          type: 'TemplateFor',
          valueVar: f.valueVar!,
          collection: f.collection!,
          body,
          range: this.range(f.start, term.end),
        };
        if (f.keyVar !== undefined) part.keyVar = f.keyVar;
        parts.push(part);
      }
    }
    if (opener) this.fail(`Missing %{${opener.kind === 'for' ? 'endfor' : 'endif'}} for this %{${opener.kind}}`, opener.start, opener.end);
    return parts;
  }
}

/**
 * `<<-` heredocs: remove the smallest leading-whitespace width of the lines from every
 * line, exactly like hclsyntax's flushHeredocTemplateParts (lines that are only
 * whitespace do not count and are left alone; a line starting with an interpolation
 * counts as zero). Returns the width removed (0: none).
 */
function flushHeredoc(flat: Flat[]): number {
  let min = Infinity;
  let newline = true;
  const adjust: FlatLit[] = [];
  for (const f of flat) {
    if (newline) {
      newline = false;
      let spaces: number;
      if (f.kind === 'lit') {
        const v = f.value;
        let k = 0;
        while (k < v.length && isSpaceCode(v.charCodeAt(k))) k++;
        if (k === v.length && v.endsWith('\n')) {
          spaces = Infinity;
        } else {
          spaces = k;
          adjust.push(f);
        }
      } else {
        spaces = 0;
      }
      if (spaces < min) min = spaces;
    }
    if (f.kind === 'lit' && f.value.endsWith('\n')) newline = true;
  }
  if (min === Infinity || min === 0) return 0;
  for (const f of adjust) f.value = f.value.slice(min);
  return min;
}

/** Parses HCL native syntax. Never throws: problems are reported in `errors`. */
export function parseHcl(text: string, file: string): HclFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parser = new Parser(source);
  let body: Body;
  try {
    body = parser.parseFile();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    parser.errors.push({ message: `Internal parser error: ${message}`, range: parser.lines.range(0, 0) });
    body = { items: [], range: parser.lines.range(0, source.length) };
  }
  return { file, text: source, body, comments: parser.comments, errors: parser.errors };
}
