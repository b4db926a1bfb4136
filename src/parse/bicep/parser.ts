/**
 * Recursive-descent parser for `.bicep` and `.bicepparam` (BICEP.md §2–§3).
 *
 * Newline-sensitive like Bicep's `BaseParser`: statements end at NL/EOF; list elements are
 * separated by NL+ or one `,` (a `,` followed by NL is BCP238); binary operators never span
 * lines; the ternary may break before `?`/`:` only.
 *
 * Error recovery: a failing list element (object property, array item, object-type property,
 * …) is skipped up to the next line break or the list's closer at the same depth; a failing
 * statement is skipped up to the next line break outside brackets it opened. Every token is
 * consumed at most once and lookahead is bounded, so parsing is linear in the input size.
 */
import { LineMap } from '../../core/source.js';
import type { Position, Range } from '../../core/source.js';
import type * as A from './ast.js';
import { lex } from './lexer.js';
import type { Token, TokenType } from './lexer.js';
import { MAX_NESTING_DEPTH, nestingMessage } from '../nesting.js';

class ParseFailure {
  constructor(
    readonly message: string,
    readonly start: number,
    readonly end: number,
    readonly code?: string,
  ) {}
}

const BINARY_PRECEDENCE: Partial<Record<TokenType, number>> = {
  '*': 100,
  '/': 100,
  '%': 100,
  '+': 90,
  '-': 90,
  '<': 80,
  '<=': 80,
  '>': 80,
  '>=': 80,
  '==': 70,
  '!=': 70,
  '=~': 70,
  '!~': 70,
  '&&': 50,
  '||': 40,
  '??': 30,
};

/** Keywords that start a top-level declaration (also: no NL skipping after `=>` before them). */
const DECLARATION_KEYWORDS = new Set([
  'param',
  'var',
  'resource',
  'output',
  'module',
  'type',
  'import',
  'metadata',
  'assert',
  'func',
  'targetScope',
  'extension',
  'test',
  'using',
  'extends',
  'provider',
]);

const LAMBDA_BODY_STOP = new Set(['param', 'var', 'resource', 'output', 'module', 'type', 'import', 'metadata', 'assert']);

type Mode = 'bicep' | 'params';

/** Slots of the parser's position cache (a power of two). */
const POSITION_CACHE_SIZE = 64;

export class Parser {
  private readonly toks: Token[];
  private i = 0;
  /**
   * `toks[i]`, kept as `i` moves (next, skipNL): read at nearly every step, and a getter would be
   * a call each time in the CLI's code (V8 inlines no calls there, src/core/jit.ts).
   */
  private cur: Token;
  private lastEnd = 0;
  readonly lineMap: LineMap;
  private readonly errors: A.BicepSyntaxError[] = [];
  private readonly errorStarts = new Set<number>();
  /** > 0 while parsing the expression of a `${…}` hole. */
  private holeDepth = 0;
  /** Expressions, types and resource bodies open around the current token (see nested()). */
  private depth = 0;
  /** Set when the nesting limit was hit: the rest of the file is not parsed. */
  private tooDeep = false;
  /** Arrays and objects open around the current token: the levels the shared limit counts (parse/nesting.ts). */
  private brackets = 0;
  readonly comments: A.Comment[];
  readonly pragmas: A.Pragma[];
  /**
   * The names `x` of every `x.p` / `x[i]` kept in the tree (see memberReadNames), in order of
   * construction; what a failed statement or list element built is cut off again.
   */
  private readonly memberReads: string[] = [];
  /**
   * Recently made positions by offset (direct-mapped on the low bits): nested nodes share their
   * first and last offsets (`a.b.c`: three nodes from `a`; an expression ends with every node
   * around it), so one Position object serves them all. Positions are never changed once made.
   */
  private readonly posOffsets = new Int32Array(POSITION_CACHE_SIZE).fill(-1);
  private readonly posCache: Position[] = new Array<Position>(POSITION_CACHE_SIZE);

  constructor(readonly text: string) {
    this.lineMap = new LineMap(text);
    const lexed = lex(text);
    this.toks = lexed.tokens;
    this.cur = this.toks[0]!;
    for (const e of lexed.errors) this.addError(e.message, e.start, e.end, e.code);
    this.comments = lexed.comments.map((c) => ({ style: c.style, text: c.text, range: this.span(c.start, c.end) }));
    this.pragmas = lexed.pragmas.map((p) => {
      const range = this.span(p.start, p.end);
      return { directive: p.directive, codes: p.codes, line: range.start.line, range };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Entry points
  // -------------------------------------------------------------------------------------------

  parseProgram(mode: 'bicep'): A.Statement[];
  parseProgram(mode: 'params'): A.ParamFileStatement[];
  parseProgram(mode: Mode): (A.Statement | A.ParamFileStatement)[] {
    const statements: (A.Statement | A.ParamFileStatement)[] = [];
    for (;;) {
      this.skipNL();
      if (this.at('EOF')) break;
      const before = this.i;
      const reads = this.memberReads.length;
      const count = statements.length;
      try {
        const st = this.statement(mode);
        statements.push(st);
        this.endOfStatement();
      } catch (e) {
        if (!(e instanceof ParseFailure)) throw e;
        this.addError(e.message, e.start, e.end, e.code);
        // A statement that failed is left out, and so are its member reads (one kept before a
        // missing line break stays, with them).
        if (statements.length === count) this.memberReads.length = reads;
        if (this.tooDeep) break;
        this.recoverStatement(before);
      }
      if (this.i === before) this.next();
    }
    return statements;
  }

  /**
   * The names read by property or element (`kv.vaultName`, `kv.?sku`, `secrets[0]`) anywhere in
   * the statements returned: the same set a walk of the tree finds, collected while the nodes
   * are made (the evaluator asks it of every file; a walk visits every node by its fields).
   */
  memberReadNames(): Set<string> {
    return new Set(this.memberReads);
  }

  finishErrors(): A.BicepSyntaxError[] {
    return this.errors.sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  // -------------------------------------------------------------------------------------------
  // Token helpers
  // -------------------------------------------------------------------------------------------

  private peek(k: number): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]!;
  }

  private next(): Token {
    const t = this.cur;
    if (t.type !== 'EOF') this.cur = this.toks[++this.i]!;
    if (t.type !== 'NL' && t.type !== 'EOF') this.lastEnd = t.end;
    return t;
  }

  private at(type: TokenType): boolean {
    return this.cur.type === type;
  }

  private atWord(word: string): boolean {
    const t = this.cur;
    return t.type === 'Identifier' && t.value === word;
  }

  private skipNL(): boolean {
    if (this.cur.type === 'NL') {
      this.cur = this.toks[++this.i]!;
      return true;
    }
    return false;
  }

  /**
   * Skips a NL inside brackets where line breaks are allowed; fails if the next line looks like a
   * new top-level declaration (the bracket was never closed).
   */
  private skipNLInside(close: string): void {
    if (this.skipNL() && this.startsTopLevelDeclaration(this.cur, 0)) {
      this.fail(`Expected "${close}" at this location, found ${this.describe(this.cur)} (a new declaration).`);
    }
  }

  private range(start: number, end = this.lastEnd): Range {
    return { start: this.position(start), end: this.position(end > start ? end : start) };
  }

  /** The range of offsets `start`..`end` (what `lineMap.range` gives, from the position cache). */
  private span(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  private position(offset: number): Position {
    const slot = offset & (POSITION_CACHE_SIZE - 1);
    if (this.posOffsets[slot] === offset) return this.posCache[slot]!;
    const pos = this.lineMap.position(offset);
    this.posOffsets[slot] = offset;
    this.posCache[slot] = pos;
    return pos;
  }

  private describe(t: Token): string {
    switch (t.type) {
      case 'NL':
        return 'a new line';
      case 'EOF':
        return 'the end of the file';
      case 'StringComplete':
      case 'StringLeft':
        return 'a string';
      case 'StringMiddle':
      case 'StringRight':
        return '"}"';
      case 'Identifier':
        return `"${t.value}"`;
      default:
        return `"${this.text.slice(t.start, t.end)}"`;
    }
  }

  private fail(message: string, t: Token = this.cur, code?: string): never {
    // Errors at a line break or the end of the file are zero-width at its start.
    const end = t.type === 'NL' || t.type === 'EOF' ? t.start : t.end;
    throw new ParseFailure(message, t.start, end, code);
  }

  private addError(message: string, start: number, end: number, code?: string): void {
    if (this.errorStarts.has(start)) return;
    this.errorStarts.add(start);
    const err: A.BicepSyntaxError = { message, range: this.span(start, end) };
    if (code) err.code = code;
    this.errors.push(err);
  }

  private expect(type: TokenType, what?: string): Token {
    if (this.at(type)) return this.next();
    this.fail(`Expected ${what ?? `"${type}"`} at this location, found ${this.describe(this.cur)}.`);
  }

  private expectWord(word: string): Token {
    if (this.atWord(word)) return this.next();
    this.fail(`Expected the keyword "${word}" at this location, found ${this.describe(this.cur)}.`);
  }

  private identifier(what: string): A.Identifier {
    const t = this.cur;
    if (t.type !== 'Identifier') {
      if (t.type === 'True' || t.type === 'False' || t.type === 'Null') {
        this.fail(`"${t.value || this.text.slice(t.start, t.end)}" is a reserved keyword and cannot be used as ${what}.`);
      }
      this.fail(`Expected ${what} at this location, found ${this.describe(t)}.`);
    }
    this.next();
    return { kind: 'Identifier', name: t.value, range: this.span(t.start, t.end) };
  }

  private atLineStart(t: Token): boolean {
    if (t.start === 0) return true;
    const c = this.text.charCodeAt(t.start - 1);
    return c === 10 || c === 13 || (t.start === 1 && c === 0xfeff);
  }

  /** A token at column 1 that (on a best guess) starts a new top-level declaration. */
  private startsTopLevelDeclaration(t: Token, k: number): boolean {
    if (t.type !== 'Identifier' || !DECLARATION_KEYWORDS.has(t.value) || !this.atLineStart(t)) return false;
    const n = this.peek(k + 1);
    return n.type === 'Identifier' || (t.value === 'targetScope' && n.type === '=');
  }

  // -------------------------------------------------------------------------------------------
  // Recovery
  // -------------------------------------------------------------------------------------------

  /** Skip to the next line break outside brackets opened by the skipped tokens. */
  private recoverStatement(statementStart: number): void {
    // The failure is at the start of a later declaration (an unclosed bracket): resume right there.
    if (this.i > statementStart && this.startsTopLevelDeclaration(this.cur, 0) && this.toks[this.i - 1]?.type === 'NL') return;
    let depth = 0;
    for (;;) {
      const t = this.cur;
      if (t.type === 'EOF') return;
      if (t.type === 'NL') {
        const n = this.peek(1);
        if (depth <= 0 || this.startsTopLevelDeclaration(n, 1) || (n.type === '@' && this.atLineStart(n))) return;
      } else if (t.type === '{' || t.type === '(' || t.type === '[') depth++;
      else if (t.type === '}' || t.type === ')' || t.type === ']') depth--;
      this.next();
    }
  }

  /** Skip to the next line break or to `close` at the same bracket depth (not consumed). */
  private recoverElement(close: TokenType): void {
    let depth = 0;
    for (;;) {
      const t = this.cur;
      if (t.type === 'EOF') return;
      if (t.type === 'NL' && depth <= 0) return;
      if (t.type === close && depth === 0) return;
      if (t.type === '{' || t.type === '(' || t.type === '[') depth++;
      else if ((t.type === '}' || t.type === ')' || t.type === ']') && depth > 0) depth--;
      // (a stray closer of another kind at depth 0 is skipped like any other token)
      this.next();
    }
  }

  private endOfStatement(): void {
    const t = this.cur;
    if (t.type === 'NL' || t.type === 'EOF') return;
    if (this.i > 0 && this.toks[this.i - 1]!.type === 'NL') return; // an unclosed list bailed out at a new declaration
    this.adjacentStringCheck();
    this.fail(`Expected a new line character at this location, found ${this.describe(t)}.`, t, 'BCP019');
  }

  /** `'it''s'`: a string directly after a string is the classic ARM-escape mistake. */
  private adjacentStringCheck(): void {
    const t = this.cur;
    const prev = this.toks[this.i - 1];
    if (prev && (prev.type === 'StringComplete' || prev.type === 'StringRight') && t.type.startsWith('String') && prev.end === t.start) {
      this.fail("Two adjacent strings: '' is not an escape in Bicep. Write a quote inside a string as \\' (for example 'it\\'s').", t);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Lists: `{…}` `[…]` with NL or `,` separators
  // -------------------------------------------------------------------------------------------

  /**
   * Parses `open` NL* [elem { (NL+ | ",") elem } [","] NL*] `close`. Returns the end offset of
   * the closer (or of the last element when the list is unterminated).
   */
  private list<T>(open: TokenType, close: TokenType, element: () => T, out: T[], allowBail = true): void {
    const openTok = this.expect(open);
    this.skipNL();
    for (let last = -1; ; ) {
      const t = this.cur;
      if (t.type === close) {
        this.next();
        return;
      }
      if (t.type === 'EOF' || (allowBail && this.startsTopLevelDeclaration(t, 0) && this.toks[this.i - 1]!.type === 'NL')) {
        const pos = this.lineMap.position(openTok.start);
        this.addError(
          `Expected "${close}" to close the "${open}" opened at ${pos.line}:${pos.column}, found ${this.describe(t)}.`,
          t.start,
          t.start,
        );
        return;
      }
      if (this.i === last) {
        this.next(); // guarantee progress: the previous element consumed nothing
        continue;
      }
      last = this.i;
      let recovered = false;
      const reads = this.memberReads.length;
      try {
        out.push(element());
      } catch (e) {
        if (!(e instanceof ParseFailure)) throw e;
        this.addError(e.message, e.start, e.end, e.code);
        this.memberReads.length = reads; // the element is left out
        this.recoverElement(close);
        recovered = true;
      }
      const s = this.cur;
      if (s.type === ',') {
        this.next();
        if (this.at('NL')) {
          this.addError('Unexpected new line character after a comma.', this.cur.start, this.cur.start, 'BCP238');
          this.skipNL();
        }
        while (this.at(',')) {
          this.addError('Unexpected "," : expected an element between the commas.', this.cur.start, this.cur.end);
          this.next();
        }
        continue;
      }
      if (s.type === 'NL') {
        this.skipNL();
        continue;
      }
      if (s.type === close || s.type === 'EOF' || recovered) continue;
      try {
        this.adjacentStringCheck();
      } catch (e) {
        if (!(e instanceof ParseFailure)) throw e;
        this.addError(e.message, e.start, e.end, e.code);
      }
      this.addError('Expected a new line or comma character at this location.', s.start, s.start, 'BCP236');
      this.recoverElement(close);
      if (this.at('NL')) this.skipNL();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Statements
  // -------------------------------------------------------------------------------------------

  private decorators(): A.Decorator[] {
    const out: A.Decorator[] = [];
    while (this.at('@')) {
      const at = this.next();
      out.push(this.decoratorAfterAt(at.start));
      if (!this.at('NL')) {
        this.fail(`Expected a new line character after the decorator, found ${this.describe(this.cur)}.`);
      }
      this.skipNL();
    }
    return out;
  }

  private decoratorAfterAt(start: number): A.Decorator {
    const first = this.identifier('a decorator name');
    let expr: A.Expression = this.at('(')
      ? { kind: 'Call', name: first, args: this.args(), range: this.range(first.range.start.offset) }
      : { kind: 'Variable', name: first.name, range: first.range };
    let name = first;
    let namespace: string | null = null;
    let args: A.Expression[] = expr.kind === 'Call' ? expr.args : [];
    while (this.at('.')) {
      this.next();
      const prop = this.identifier('a decorator name');
      namespace = expr.kind === 'Variable' ? expr.name : null;
      name = prop;
      if (this.at('(')) {
        args = this.args();
        expr = { kind: 'InstanceCall', object: expr, name: prop, args, range: this.range(first.range.start.offset) };
      } else {
        args = [];
        if (expr.kind === 'Variable') this.memberReads.push(expr.name);
        expr = { kind: 'PropertyAccess', object: expr, property: prop, safe: false, range: this.range(first.range.start.offset) };
      }
    }
    return { kind: 'Decorator', name: name.name, nameRange: name.range, namespace, args, expression: expr, range: this.range(start) };
  }

  private statement(mode: Mode): A.Statement | A.ParamFileStatement {
    const decorators = this.decorators();
    const kw = this.cur;
    const start = decorators.length > 0 ? decorators[0]!.range.start.offset : kw.start;
    if (kw.type === 'EOF' && decorators.length > 0) {
      this.fail('Expected a declaration after the decorator, found the end of the file.', kw, 'BCP132');
    }
    if (kw.type !== 'Identifier') {
      this.fail(this.unknownDeclarationMessage(mode, kw), kw, mode === 'bicep' ? 'BCP007' : undefined);
    }
    const base = { decorators, keywordRange: this.span(kw.start, kw.end) };
    const word = kw.value;
    if (mode === 'params') {
      switch (word) {
        case 'using':
          return this.usingDecl(base, start);
        case 'extends': {
          this.next();
          const path = this.stringLiteral('a path string');
          return { kind: 'ExtendsDecl', ...base, path, pathString: path.value, range: this.range(start) };
        }
        case 'param': {
          this.next();
          const name = this.identifier('a parameter name');
          let value: A.Expression | null = null;
          if (this.at('=')) {
            this.next();
            value = this.expression();
          } else if (!this.at('NL') && !this.at('EOF')) {
            this.fail(`Expected "=" at this location: a .bicepparam file assigns parameters (param ${name.name} = value) and takes their types from the template.`);
          }
          return { kind: 'ParamAssignment', ...base, name, value, range: this.range(start) };
        }
        case 'var':
          return this.varDecl(base, start);
        case 'import':
          return this.importDecl(base, start);
        case 'type':
          return this.typeDecl(base, start);
        case 'extension':
          return this.extensionDecl(base, start);
        case 'extensionConfig': {
          this.next();
          const name = this.identifier('an extension name');
          this.expectWord('with');
          const config = this.object(false);
          return { kind: 'ExtensionConfigDecl', ...base, name, config, range: this.range(start) };
        }
        default:
          this.fail(this.unknownDeclarationMessage(mode, kw), kw);
      }
    }
    switch (word) {
      case 'targetScope': {
        this.next();
        this.expect('=', '"="');
        const value = this.expression();
        return { kind: 'TargetScopeDecl', ...base, value, range: this.range(start) };
      }
      case 'metadata': {
        this.next();
        const name = this.identifier('a metadata name');
        this.expect('=', '"="');
        const value = this.expression();
        return { kind: 'MetadataDecl', ...base, name, value, range: this.range(start) };
      }
      case 'param': {
        this.next();
        const name = this.identifier('a parameter name');
        let type: A.TypeExpr | null = null;
        let resourceType: A.StringLiteral | null = null;
        if (this.atWord('resource') && this.peek(1).type.startsWith('String')) {
          this.next();
          resourceType = this.stringLiteral('a resource type string');
        } else {
          type = this.type();
        }
        let defaultValue: A.Expression | null = null;
        if (this.at('=')) {
          this.next();
          defaultValue = this.expression();
        }
        return { kind: 'ParamDecl', ...base, name, type, resourceType, defaultValue, range: this.range(start) };
      }
      case 'var':
        return this.varDecl(base, start);
      case 'type':
        return this.typeDecl(base, start);
      case 'func':
        return this.funcDecl(base, start);
      case 'resource':
        return this.resourceDecl(base, start, false);
      case 'module': {
        this.next();
        const name = this.identifier('a module name');
        const path = this.stringLiteral('a module path string');
        this.expect('=', '"="');
        const value = this.declarationBody(false);
        const parts = this.bodyParts(value);
        return {
          kind: 'ModuleDecl',
          ...base,
          name,
          path,
          pathString: path.value,
          value,
          body: parts.body,
          condition: parts.condition,
          loop: parts.loop,
          range: this.range(start),
        };
      }
      case 'output': {
        this.next();
        const name = this.identifier('an output name');
        let type: A.TypeExpr | null = null;
        let isResource = false;
        let resourceType: A.StringLiteral | null = null;
        const after = this.peek(1).type;
        if (this.atWord('resource') && (after.startsWith('String') || after === '=')) {
          this.next();
          isResource = true;
          if (!this.at('=')) resourceType = this.stringLiteral('a resource type string');
        } else {
          type = this.type();
        }
        this.expect('=', '"="');
        const value = this.expression();
        return { kind: 'OutputDecl', ...base, name, type, isResource, resourceType, value, range: this.range(start) };
      }
      case 'import':
        return this.importDecl(base, start);
      case 'extension':
        return this.extensionDecl(base, start);
      case 'assert': {
        this.next();
        const name = this.identifier('an assertion name');
        this.expect('=', '"="');
        const value = this.expression();
        return { kind: 'AssertDecl', ...base, name, value, range: this.range(start) };
      }
      case 'test': {
        this.next();
        const name = this.identifier('a test name');
        const path = this.stringLiteral('a test file path string');
        this.expect('=', '"="');
        const value = this.expression();
        return { kind: 'TestDecl', ...base, name, path, value, range: this.range(start) };
      }
      case 'provider':
        return this.fail(
          'The legacy "provider" declaration is no longer supported (removed in Bicep v0.33): use "extension" instead. This statement is ignored.',
          kw,
        );
      default:
        this.fail(this.unknownDeclarationMessage(mode, kw), kw, 'BCP007');
    }
  }

  private unknownDeclarationMessage(mode: Mode, t: Token): string {
    return mode === 'bicep'
      ? `This declaration type is not recognized (found ${this.describe(t)}). Specify a metadata, parameter, variable, type, function, resource, module, output, import or extension declaration.`
      : `This declaration type is not recognized (found ${this.describe(t)}). Specify a using, extends, parameter, variable, type or import declaration.`;
  }

  private varDecl(base: { decorators: A.Decorator[]; keywordRange: Range }, start: number): A.VarDecl {
    this.next();
    const name = this.identifier('a variable name');
    const type = this.at('=') ? null : this.type();
    this.expect('=', '"="');
    const value = this.expression();
    return { kind: 'VarDecl', ...base, name, type, value, range: this.range(start) };
  }

  private typeDecl(base: { decorators: A.Decorator[]; keywordRange: Range }, start: number): A.TypeDecl {
    this.next();
    const name = this.identifier('a type name');
    this.expect('=', '"="');
    const value = this.type();
    return { kind: 'TypeDecl', ...base, name, value, range: this.range(start) };
  }

  private funcDecl(base: { decorators: A.Decorator[]; keywordRange: Range }, start: number): A.FuncDecl {
    this.next();
    const name = this.identifier('a function name');
    this.expect('(', '"("');
    this.skipNL();
    const params: A.FuncParameter[] = [];
    while (!this.at(')')) {
      const pname = this.identifier('a parameter name');
      const ptype = this.type();
      params.push({ kind: 'FuncParameter', name: pname, type: ptype, range: this.range(pname.range.start.offset) });
      this.skipNL();
      if (this.at(',')) {
        this.next();
        this.skipNL();
        if (this.at(')')) this.fail('Expected a parameter name after ",".');
      } else if (!this.at(')')) {
        this.fail(`Expected "," or ")" at this location, found ${this.describe(this.cur)}.`);
      }
    }
    this.next();
    const returnType = this.type();
    this.expect('=>', '"=>"');
    this.skipNLAfterArrow();
    const body = this.expression();
    return { kind: 'FuncDecl', ...base, name, params, returnType, body, range: this.range(start) };
  }

  private resourceDecl(base: { decorators: A.Decorator[]; keywordRange: Range }, start: number, nested: boolean): A.ResourceDecl {
    this.next();
    const name = this.identifier('a resource name');
    const resourceType = this.stringLiteral('a resource type string');
    let existing = false;
    let existingRange: Range | null = null;
    if (this.atWord('existing')) {
      const t = this.next();
      existing = true;
      existingRange = this.span(t.start, t.end);
    }
    this.expect('=', '"="');
    const value = this.declarationBody(true);
    const parts = this.bodyParts(value);
    const children = parts.body ? parts.body.members.filter((m): m is A.ResourceDecl => m.kind === 'ResourceDecl') : [];
    return {
      kind: 'ResourceDecl',
      ...base,
      name,
      resourceType,
      typeString: resourceType.value,
      existing,
      existingRange,
      value,
      body: parts.body,
      condition: parts.condition,
      loop: parts.loop,
      children,
      nested,
      range: this.range(start),
    };
  }

  private bodyParts(value: A.DeclarationBody): { body: A.ObjectExpr | null; condition: A.Expression | null; loop: A.ForExpr | null } {
    const fromIf = (b: A.IfBody | A.Expression): { body: A.ObjectExpr | null; condition: A.Expression | null } =>
      b.kind === 'IfBody'
        ? { body: b.body.kind === 'Object' ? b.body : null, condition: b.condition }
        : { body: b.kind === 'Object' ? b : null, condition: null };
    if (value.kind === 'For') return { ...fromIf(value.body), loop: value };
    if (value.kind === 'Error') return { body: null, condition: null, loop: null };
    return { ...fromIf(value), loop: null };
  }

  /** `=` NL* ( object | if (c) object | [for … : object | if (c) object] ) */
  private declarationBody(allowResources: boolean): A.DeclarationBody {
    if (this.at('NL') && this.peek(1).type === 'Identifier' && this.peek(1).value === 'if') this.skipNL();
    if (this.at('{')) return this.object(allowResources);
    if (this.atWord('if')) return this.ifBody(allowResources);
    if (this.at('[')) return this.forExpression(allowResources ? 'resource' : 'module');
    this.fail(`Expected "{", "if" or "[for" at this location, found ${this.describe(this.cur)}.`);
  }

  private ifBody(allowResources: boolean): A.IfBody {
    const kw = this.next();
    const condition = this.parenthesizedCondition();
    if (!this.at('{')) this.fail(`Expected "{" at this location, found ${this.describe(this.cur)}.`);
    const body = this.object(allowResources);
    return { kind: 'IfBody', keywordRange: this.span(kw.start, kw.end), condition, body, range: this.range(kw.start) };
  }

  private parenthesizedCondition(): A.Expression {
    this.expect('(', '"("');
    this.skipNL();
    const e = this.expression();
    this.skipNL();
    this.expect(')', '")"');
    return e;
  }

  private usingDecl(base: { decorators: A.Decorator[]; keywordRange: Range }, start: number): A.UsingDecl {
    this.next();
    let path: A.StringLiteral | null = null;
    let none = false;
    if (this.atWord('none')) {
      this.next();
      none = true;
    } else {
      if (this.at('StringLeft')) this.fail('The "using" path must be a plain string without interpolation.');
      path = this.stringLiteral('a path string or "none"');
    }
    let config: A.ObjectExpr | null = null;
    if (this.atWord('with')) {
      this.next();
      config = this.object(false);
    }
    return { kind: 'UsingDecl', ...base, path, pathString: path?.value ?? null, none, config, range: this.range(start) };
  }

  private importDecl(base: { decorators: A.Decorator[]; keywordRange: Range }, start: number): A.ImportDecl {
    this.next();
    const items: A.ImportItem[] = [];
    let alias: A.Identifier | null = null;
    let config: A.ObjectExpr | null = null;
    let form: A.ImportDecl['form'];
    let from: A.StringLiteral;
    if (this.at('{')) {
      form = 'named';
      this.list('{', '}', () => this.importItem(), items, false);
      this.expectWord('from');
      from = this.stringLiteral('a path string');
    } else if (this.at('*')) {
      form = 'wildcard';
      this.next();
      this.expectWord('as');
      alias = this.identifier('an alias name');
      this.expectWord('from');
      from = this.stringLiteral('a path string');
    } else if (this.cur.type.startsWith('String') && this.cur.type !== 'StringMiddle' && this.cur.type !== 'StringRight') {
      form = 'legacy';
      from = this.stringLiteral('an extension specification string');
      if (this.atWord('with')) {
        this.next();
        config = this.object(false);
      }
      if (this.atWord('as')) {
        this.next();
        alias = this.identifier('an alias name');
      }
    } else {
      this.fail(`Expected "{", "*" or a string after "import", found ${this.describe(this.cur)}.`);
    }
    return { kind: 'ImportDecl', ...base, form, items, alias, from, fromString: from.value, config, range: this.range(start) };
  }

  private importItem(): A.ImportItem {
    const start = this.cur.start;
    let name: A.Identifier | A.StringLiteral;
    let originalName: string;
    if (this.at('StringComplete')) {
      const s = this.stringLiteral('a name');
      name = s;
      originalName = s.value ?? '';
    } else {
      const id = this.identifier('an imported symbol name');
      name = id;
      originalName = id.name;
    }
    let alias: A.Identifier | null = null;
    if (this.atWord('as')) {
      this.next();
      alias = this.identifier('an alias name');
    } else if (name.kind === 'String') {
      this.fail('An imported symbol written as a string must be given an alias with "as".');
    }
    return { kind: 'ImportItem', name, originalName, alias, range: this.range(start) };
  }

  private extensionDecl(base: { decorators: A.Decorator[]; keywordRange: Range }, start: number): A.ExtensionDecl {
    this.next();
    const spec: A.Identifier | A.StringLiteral = this.at('Identifier')
      ? this.identifier('an extension name')
      : this.stringLiteral('an extension name or specification string');
    let config: A.ObjectExpr | null = null;
    let alias: A.Identifier | null = null;
    if (this.atWord('with')) {
      this.next();
      config = this.object(false);
    }
    if (this.atWord('as')) {
      this.next();
      alias = this.identifier('an alias name');
    }
    return { kind: 'ExtensionDecl', ...base, spec, config, alias, range: this.range(start) };
  }

  // -------------------------------------------------------------------------------------------
  // Expressions
  // -------------------------------------------------------------------------------------------

  /**
   * Enters one nesting level (an expression, a type, a resource body) under the shared limit,
   * so deep input is a clear error at the token where the limit was hit, not a stack overflow.
   * Callers leave it with `this.depth--` in a `finally`.
   */
  private enterNesting(): void {
    // MAX_NESTING_DEPTH levels plus the expression inside the innermost one.
    if (this.depth > MAX_NESTING_DEPTH) {
      this.tooDeep = true;
      this.fail(nestingMessage());
    }
    this.depth++;
  }

  /**
   * An expression (a ternary or what `binary` reads), one nesting level. Nested objects and
   * arrays recurse through here, so every frame on that path counts against the stack the
   * 500 levels need (see `objectAt`): the level is entered here, not in a wrapper.
   */
  expression(): A.Expression {
    this.enterNesting();
    try {
      const condition = this.binary(0);
      if (this.at('?') || (this.at('NL') && this.peek(1).type === '?' && this.holeDepth === 0)) {
        this.skipNL();
        this.next();
        this.noNewLineAfter('?');
        const consequent = this.expression();
        if (this.at('NL') && this.peek(1).type === ':') this.skipNL();
        this.expect(':', '":" (the ternary "c ? a : b" is missing its ":" branch)');
        this.noNewLineAfter(':');
        const alternate = this.expression();
        return { kind: 'Ternary', condition, consequent, alternate, range: this.range(condition.range.start.offset) };
      }
      return condition;
    } finally {
      this.depth--;
    }
  }

  private noNewLineAfter(op: string): void {
    if (this.at('NL')) {
      this.fail(`A ternary expression may break lines before "?" and ":" but not after them: move the line break before "${op}".`);
    }
  }

  private binary(minPrec: number): A.Expression {
    // `unary` only when an operator is there: one frame less on the path nested objects and
    // arrays recurse through (`objectAt`).
    const first = this.cur.type;
    let left = first === '!' || first === '-' ? this.unary() : this.member();
    for (;;) {
      const op = this.cur;
      const prec = BINARY_PRECEDENCE[op.type];
      if (prec === undefined || prec < minPrec) return left;
      this.next();
      if (this.at('NL')) this.fail(`Expected an expression after "${op.type}": binary operators cannot span lines.`);
      const right = this.binary(prec + 1);
      left = {
        kind: 'Binary',
        operator: op.type as A.BinaryOperator,
        operatorRange: this.span(op.start, op.end),
        left,
        right,
        range: this.range(left.range.start.offset),
      };
    }
  }

  private unary(): A.Expression {
    const t = this.cur;
    if (t.type === '!' || t.type === '-') {
      this.next();
      if (this.at('!') || this.at('-')) {
        this.fail(`Unary operators cannot be applied to a unary expression ("${t.type}${this.cur.type}…"): add parentheses, e.g. ${t.type}(${this.cur.type}x).`);
      }
      const operand = this.member();
      if (t.type === '-' && operand.kind === 'Integer' && !operand.raw.startsWith('-')) {
        return { kind: 'Integer', value: -operand.value, raw: `-${operand.raw}`, range: this.range(t.start) };
      }
      return { kind: 'Unary', operator: t.type, operand, range: this.range(t.start) };
    }
    return this.member();
  }

  private member(): A.Expression {
    let e = this.primary();
    const start = e.range.start.offset;
    for (;;) {
      const t = this.cur;
      if (t.type === '[') {
        this.next();
        let safe = false;
        let fromEnd = false;
        if (this.at('?')) {
          this.next();
          safe = true;
        }
        if (this.at('^')) {
          this.next();
          fromEnd = true;
        }
        const index = this.expression();
        this.expect(']', '"]"');
        if (e.kind === 'Variable') this.memberReads.push(e.name);
        e = { kind: 'IndexAccess', object: e, index, safe, fromEnd, range: this.range(start) };
      } else if (t.type === '.') {
        this.next();
        let safe = false;
        if (this.at('?')) {
          this.next();
          safe = true;
        }
        const name = this.identifier('a property or function name');
        if (this.at('(')) {
          if (safe) this.fail('A function cannot be called with the safe-access operator ".?": use "." instead.', this.cur);
          const args = this.args();
          e = { kind: 'InstanceCall', object: e, name, args, range: this.range(start) };
        } else {
          if (e.kind === 'Variable') this.memberReads.push(e.name);
          e = { kind: 'PropertyAccess', object: e, property: name, safe, range: this.range(start) };
        }
      } else if (t.type === '::') {
        this.next();
        const name = this.identifier('a nested resource name');
        e = { kind: 'ResourceAccess', object: e, name, range: this.range(start) };
      } else if (t.type === '!') {
        this.next();
        e = { kind: 'NonNull', expression: e, range: this.range(start) };
      } else {
        return e;
      }
    }
  }

  private primary(): A.Expression {
    const t = this.cur;
    switch (t.type) {
      case 'Integer': {
        this.next();
        return { kind: 'Integer', value: Number(t.value), raw: t.value, range: this.range(t.start) };
      }
      case 'True':
      case 'False':
        this.next();
        return { kind: 'Boolean', value: t.type === 'True', range: this.range(t.start) };
      case 'Null':
        this.next();
        return { kind: 'Null', range: this.range(t.start) };
      case 'StringComplete':
      case 'StringLeft':
        return this.stringLiteral('a string');
      case '{':
        this.complexLiteralCheck(t);
        return this.objectAt(false);
      case '[': {
        this.complexLiteralCheck(t);
        const n = this.peek(1).type === 'NL' ? this.peek(2) : this.peek(1);
        if (n.type === 'Identifier' && n.value === 'for') return this.forExpression('expr');
        return this.array();
      }
      case '(':
        return this.parenOrLambda();
      case 'Identifier': {
        const n = this.peek(1).type;
        if (n === '(') {
          this.next();
          const name: A.Identifier = { kind: 'Identifier', name: t.value, range: this.span(t.start, t.end) };
          const args = this.args();
          return { kind: 'Call', name, args, range: this.range(t.start) };
        }
        if (n === '=>') {
          this.next();
          const param: A.Identifier = { kind: 'Identifier', name: t.value, range: this.span(t.start, t.end) };
          return this.lambdaRest([param], t.start);
        }
        this.next();
        return { kind: 'Variable', name: t.value, range: this.range(t.start) };
      }
      default:
        if (t.type === 'NL' || t.type === 'EOF') this.fail(`Expected an expression at this location, found ${this.describe(t)}.`, t);
        this.fail(`Expected an expression at this location, found ${this.describe(t)}.`, t, t.type === 'Unrecognized' ? undefined : 'BCP009');
    }
  }

  private complexLiteralCheck(t: Token): void {
    if (this.holeDepth > 0) {
      this.addError('Object and array literals are not allowed inside a string interpolation "${…}".', t.start, t.end);
    }
  }

  private parenOrLambda(): A.Expression {
    const open = this.next();
    this.skipNLInside(')');
    if (this.at(')')) {
      this.next();
      if (!this.at('=>')) this.fail('Expected "=>" after "()": an empty pair of parentheses is only valid as a lambda parameter list.');
      return this.lambdaRest([], open.start);
    }
    const items: A.Expression[] = [];
    for (;;) {
      items.push(this.expression());
      this.skipNLInside(')');
      if (this.at(',')) {
        this.next();
        this.skipNLInside(')');
        continue;
      }
      break;
    }
    this.expect(')', '")"');
    if (this.at('=>')) {
      const params: A.Identifier[] = [];
      for (const it of items) {
        if (it.kind !== 'Variable') this.fail('Lambda parameters must be plain identifiers.', this.toks[this.i]!);
        params.push({ kind: 'Identifier', name: it.name, range: it.range });
      }
      return this.lambdaRest(params, open.start);
    }
    if (items.length !== 1) this.fail('Expected "=>" at this location: a parenthesised list of several items is only valid as lambda parameters.');
    return { kind: 'Paren', expression: items[0]!, range: this.range(open.start) };
  }

  private skipNLAfterArrow(): void {
    if (this.at('NL')) {
      const n = this.peek(1);
      if (!(n.type === 'Identifier' && LAMBDA_BODY_STOP.has(n.value))) this.skipNL();
    }
  }

  private lambdaRest(params: A.Identifier[], start: number): A.LambdaExpr {
    this.expect('=>', '"=>"');
    this.skipNLAfterArrow();
    const body = this.expression();
    return { kind: 'Lambda', params, body, range: this.range(start) };
  }

  /** `(` [NL* expr {"," NL* expr}] NL* `)` */
  private args(): A.Expression[] {
    this.expect('(', '"("');
    this.skipNLInside(')');
    const args: A.Expression[] = [];
    if (this.at(')')) {
      this.next();
      return args;
    }
    for (;;) {
      args.push(this.expression());
      const hadNL = this.at('NL');
      this.skipNLInside(')');
      if (this.at(',')) {
        const comma = this.next();
        this.skipNLInside(')');
        if (this.at(')')) {
          this.addError('Trailing commas are not allowed in function arguments: remove the "," before ")".', comma.start, comma.end);
          this.next();
          return args;
        }
        continue;
      }
      if (this.at(')')) {
        this.next();
        return args;
      }
      if (hadNL && !this.at('EOF')) {
        this.addError('Expected a comma character at this location.', this.cur.start, this.cur.start, 'BCP237');
        continue;
      }
      this.adjacentStringCheck();
      this.fail(`Expected "," or ")" at this location, found ${this.describe(this.cur)}.`);
    }
  }

  /**
   * Parses a bracketed level (an array, an object) under the shared limit, counted in brackets
   * as the HCL parser counts them: 500 nested arrays parse, and level 501 is the error, where
   * its content starts (also when it is empty: `[]` as level 501). `depth`, which counts the
   * expressions inside, guards the stack.
   */
  private enterBracket(): void {
    if (this.brackets >= MAX_NESTING_DEPTH) {
      this.tooDeep = true;
      this.fail(nestingMessage(), this.peek(1));
    }
    this.brackets++;
  }

  private array(): A.ArrayExpr {
    this.enterBracket();
    try {
      const start = this.cur.start;
      const items: (A.Expression | A.SpreadElement)[] = [];
      this.list('[', ']', this.arrayItem, items);
      return { kind: 'Array', items, range: this.range(start) };
    } finally {
      this.brackets--;
    }
  }

  /** An array's element (a `list` callback: called with the parser as `this`). */
  private readonly arrayItem = (): A.Expression | A.SpreadElement => (this.at('...') ? this.spread() : this.expression());

  private spread(): A.SpreadElement {
    const t = this.next();
    const expression = this.expression();
    return { kind: 'Spread', expression, range: this.range(t.start) };
  }

  object(allowResources: boolean): A.ObjectExpr {
    // A resource body nests (nested resources) without passing through expression().
    if (!allowResources) return this.objectAt(false);
    this.enterNesting();
    try {
      return this.objectAt(true);
    } finally {
      this.depth--;
    }
  }

  /**
   * An object literal, one bracket level (`enterBracket`). Nested objects recurse through
   * objectAt → list → member → expression → binary → unary → member → primary → objectAt:
   * started cold (interpreted, as in a CLI run of one file) 500 levels needed more stack than
   * Node's default, and the file was a stack overflow at 1:1 (495 levels), not the nesting error
   * at level 501. So no wrapper or closure frame is on that path: the level check is inline,
   * the member callbacks are made once, and a property's value is read in `objectMember`.
   */
  private objectAt(allowResources: boolean): A.ObjectExpr {
    this.enterBracket();
    try {
      const start = this.cur.start;
      const members: A.ObjectMember[] = [];
      this.list('{', '}', allowResources ? this.resourceBodyMember : this.objectLiteralMember, members, !allowResources);
      return { kind: 'Object', members, range: this.range(start) };
    } finally {
      this.brackets--;
    }
  }

  private readonly objectLiteralMember = (): A.ObjectMember => this.objectMember(false);
  private readonly resourceBodyMember = (): A.ObjectMember => this.objectMember(true);

  private objectMember(allowResources: boolean): A.ObjectMember {
    const t = this.cur;
    if (allowResources && (t.type === '@' || (t.type === 'Identifier' && t.value === 'resource' && this.peek(1).type === 'Identifier'))) {
      const decorators = this.decorators();
      if (!this.atWord('resource')) this.fail(`Expected a nested "resource" declaration after the decorators, found ${this.describe(this.cur)}.`);
      const kw = this.cur;
      const start = decorators.length > 0 ? decorators[0]!.range.start.offset : kw.start;
      return this.resourceDecl({ decorators, keywordRange: this.span(kw.start, kw.end) }, start, true);
    }
    if (t.type === '...') return this.spread();
    const key = this.propertyKey();
    const keyName = key.kind === 'Identifier' ? key.name : key.value;
    this.expect(':', '":"');
    // The value. When it fails to parse, the property is still written: it is kept with an
    // {@link A.ErrorExpr} value (unknown to the evaluator), so a broken `enablePurgeProtection: `
    // is not read as absent and its default reported. (Read here, not in a function of its
    // own: one frame less per nested object, see `objectAt`.)
    const valueStart = this.cur.start;
    const reads = this.memberReads.length;
    let value: A.Expression;
    try {
      value = this.expression();
    } catch (e) {
      if (!(e instanceof ParseFailure)) throw e;
      this.addError(e.message, e.start, e.end, e.code);
      this.memberReads.length = reads;
      this.recoverElement('}');
      value = { kind: 'Error', range: this.range(valueStart) };
    }
    return { kind: 'ObjectProperty', key, keyName, value, range: this.range(t.start) };
  }

  /** A property name; its text is the identifier's name or the string's value (null when interpolated). */
  private propertyKey(): A.Identifier | A.StringLiteral {
    const t = this.cur;
    if (t.type === 'Identifier' || t.type === 'True' || t.type === 'False' || t.type === 'Null') {
      this.next();
      // The word as written is the token's value (the lexer's slice of it): no second copy.
      return { kind: 'Identifier', name: t.value, range: this.span(t.start, t.end) };
    }
    if (t.type === 'StringComplete' || t.type === 'StringLeft') return this.stringLiteral('a property name');
    if (t.type === '@') this.fail('Decorators are only allowed here on nested resource declarations.');
    this.fail(`Expected a property name at this location, found ${this.describe(t)}.`);
  }

  /** `[` NL* `for` vars `in` expr `:` body NL* `]` */
  private forExpression(bodyKind: 'expr' | 'resource' | 'module'): A.ForExpr {
    const open = this.expect('[', '"["');
    this.skipNL();
    this.expectWord('for');
    let item: A.Identifier;
    let index: A.Identifier | null = null;
    if (this.at('(')) {
      this.next();
      item = this.identifier('a loop item variable name');
      this.expect(',', '"," (a loop declares "(item, index)")');
      index = this.identifier('a loop index variable name');
      this.expect(')', '")"');
    } else {
      item = this.identifier('a loop variable name');
    }
    this.expectWord('in');
    const iterable = this.expression();
    this.expect(':', '":"');
    let body: A.Expression | A.IfBody;
    if (bodyKind === 'expr') body = this.expression();
    else if (this.atWord('if')) body = this.ifBody(bodyKind === 'resource');
    else if (this.at('{')) body = this.object(bodyKind === 'resource');
    else this.fail(`Expected "{" or "if" at this location, found ${this.describe(this.cur)}.`);
    this.skipNL();
    this.expect(']', '"]"');
    return { kind: 'For', item, index, iterable, body, range: this.range(open.start) };
  }

  /** A string literal, possibly interpolated (`'a${x}b'`, `$'''…${x}…'''`). */
  stringLiteral(what: string): A.StringLiteral {
    const t = this.cur;
    if (t.type !== 'StringComplete' && t.type !== 'StringLeft') {
      this.fail(`Expected ${what} at this location, found ${this.describe(t)}.`);
    }
    this.next();
    const segments = [t.value];
    const segmentRanges = [this.span(t.contentStart ?? t.start, t.contentEnd ?? t.end)];
    const expressions: A.Expression[] = [];
    const multiline = t.multiline === true;
    const dollars = t.dollars ?? 0;
    if (t.type === 'StringLeft') {
      for (;;) {
        this.holeDepth++;
        let e: A.Expression;
        try {
          e = this.expression();
        } finally {
          this.holeDepth--;
        }
        expressions.push(e);
        const p = this.cur;
        if (p.type !== 'StringMiddle' && p.type !== 'StringRight') {
          this.fail(`Expected "}" to close the string interpolation at this location, found ${this.describe(p)}.`);
        }
        this.next();
        segments.push(p.value);
        segmentRanges.push(this.span(p.contentStart ?? p.start, p.contentEnd ?? p.end));
        if (p.type === 'StringRight') break;
      }
    }
    return {
      kind: 'String',
      segments,
      segmentRanges,
      expressions,
      value: expressions.length === 0 ? segments[0]! : null,
      multiline,
      dollars,
      range: this.range(t.start),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Types
  // -------------------------------------------------------------------------------------------

  type(): A.TypeExpr {
    this.enterNesting();
    try {
      return this.typeAt();
    } finally {
      this.depth--;
    }
  }

  private typeAt(): A.TypeExpr {
    if (this.at('NL') && this.peek(1).type === '|') this.skipNL();
    const start = this.cur.start;
    let leading = false;
    if (this.at('|')) {
      this.next();
      leading = true;
      this.noNewLineAfterPipe();
    }
    const members = [this.unaryType()];
    while (this.at('|') || (this.at('NL') && this.peek(1).type === '|')) {
      this.skipNL();
      this.next();
      this.noNewLineAfterPipe();
      members.push(this.unaryType());
    }
    if (members.length === 1 && !leading) return members[0]!;
    return { kind: 'UnionType', members, range: this.range(start) };
  }

  private noNewLineAfterPipe(): void {
    if (this.at('NL')) this.fail('A line break is not allowed after "|" in a union type: put it before the "|".');
  }

  private unaryType(): A.TypeExpr {
    const t = this.cur;
    let base: A.TypeExpr;
    if (t.type === '-' || t.type === '!') {
      this.next();
      const operand = this.primary();
      let value: A.LiteralType['value'];
      if (t.type === '-' && operand.kind === 'Integer' && !operand.raw.startsWith('-')) {
        value = { kind: 'Integer', value: -operand.value, raw: `-${operand.raw}`, range: this.range(t.start) };
      } else {
        value = { kind: 'Unary', operator: t.type, operand, range: this.range(t.start) };
      }
      base = { kind: 'LiteralType', value, range: this.range(t.start) };
    } else {
      base = this.memberType();
    }
    const start = base.range.start.offset;
    for (;;) {
      if (this.at('?')) {
        this.next();
        base = { kind: 'NullableType', base, range: this.range(start) };
      } else if (this.at('!')) {
        this.next();
        base = { kind: 'NonNullType', base, range: this.range(start) };
      } else {
        return base;
      }
    }
  }

  private memberType(): A.TypeExpr {
    let t = this.primaryType();
    const start = t.range.start.offset;
    for (;;) {
      if (this.at('[')) {
        const n = this.peek(1).type;
        if (n === ']') {
          this.next();
          this.next();
          t = { kind: 'ArrayType', element: t, range: this.range(start) };
        } else if (n === '*' && this.peek(2).type === ']') {
          this.next();
          this.next();
          this.next();
          t = { kind: 'TypeItemsAccess', object: t, range: this.range(start) };
        } else {
          this.next();
          const index = this.expression();
          this.expect(']', '"]"');
          t = { kind: 'TypeIndexAccess', object: t, index, range: this.range(start) };
        }
      } else if (this.at('.')) {
        this.next();
        if (this.at('*')) {
          this.next();
          t = { kind: 'TypeAdditionalPropertiesAccess', object: t, range: this.range(start) };
        } else {
          const property = this.identifier('a property name');
          const typeArgs = this.at('<') ? this.typeArgs() : null;
          t = { kind: 'TypeMemberAccess', object: t, property, typeArgs, range: this.range(start) };
        }
      } else {
        return t;
      }
    }
  }

  private primaryType(): A.TypeExpr {
    const t = this.cur;
    switch (t.type) {
      case 'Integer':
      case 'True':
      case 'False':
      case 'Null':
      case 'StringComplete':
      case 'StringLeft': {
        const value = this.primary() as A.LiteralType['value'];
        return { kind: 'LiteralType', value, range: value.range };
      }
      case '(': {
        this.next();
        this.skipNL();
        const type = this.type();
        this.skipNL();
        this.expect(')', '")"');
        return { kind: 'ParenType', type, range: this.range(t.start) };
      }
      case '{': {
        const properties: A.ObjectTypeProperty[] = [];
        this.list('{', '}', () => this.objectTypeProperty(), properties);
        return { kind: 'ObjectType', properties, range: this.range(t.start) };
      }
      case '[': {
        const items: A.TupleTypeItem[] = [];
        this.list(
          '[',
          ']',
          () => {
            const start = this.cur.start;
            const decorators = this.decorators();
            const value = this.type();
            return { kind: 'TupleTypeItem' as const, decorators, value, range: this.range(start) };
          },
          items,
        );
        return { kind: 'TupleType', items, range: this.range(t.start) };
      }
      case 'Identifier': {
        const name = this.identifier('a type name');
        const typeArgs = this.at('<') ? this.typeArgs() : null;
        return { kind: 'TypeName', name, typeArgs, range: this.range(t.start) };
      }
      default:
        this.fail(`Expected a type at this location, found ${this.describe(t)}.`);
    }
  }

  private objectTypeProperty(): A.ObjectTypeProperty {
    const start = this.cur.start;
    const decorators = this.decorators();
    let key: A.Identifier | A.StringLiteral | null = null;
    let keyName: string | null = null;
    let isAdditionalProperties = false;
    if (this.at('*')) {
      this.next();
      isAdditionalProperties = true;
    } else {
      key = this.propertyKey();
      keyName = key.kind === 'Identifier' ? key.name : key.value;
    }
    this.expect(':', '":"');
    const value = this.type();
    return { kind: 'ObjectTypeProperty', decorators, key, keyName, isAdditionalProperties, value, range: this.range(start) };
  }

  /** `<` NL* type {"," NL* type} NL* `>` */
  private typeArgs(): A.TypeExpr[] {
    this.expect('<', '"<"');
    this.skipNL();
    const out: A.TypeExpr[] = [];
    if (this.at('>')) this.fail('Expected at least one type argument.');
    for (;;) {
      out.push(this.type());
      this.skipNL();
      if (this.at(',')) {
        this.next();
        this.skipNL();
        continue;
      }
      this.expect('>', '">"');
      return out;
    }
  }
}
