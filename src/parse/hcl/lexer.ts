/**
 * Scanner for the HCL2 native syntax, driven by the parser.
 *
 * Expression/structural tokens are produced on demand by `next()`. Template bodies
 * (quoted strings and heredocs) are context-dependent, so the parser scans them itself
 * through the character helpers here and calls back into `next()` inside `${ … }` and
 * `%{ … }`. The scanner works on char codes and slices; it never builds strings one
 * character at a time, and it makes no object per token: `next()` returns the token's type
 * and leaves its bounds in `tokStart`/`tokEnd` (a token object per lexeme was a fifth of
 * everything parsing allocated).
 */
import type { Comment, SyntaxError } from './ast.js';
import type { Range } from '../../core/source.js';
import type { LineMap } from '../../core/source.js';

export enum T {
  EOF,
  Newline,
  Ident,
  Number,
  OQuote,
  OHeredoc,
  LBrace,
  RBrace,
  LBrack,
  RBrack,
  LParen,
  RParen,
  Comma,
  Dot,
  Ellipsis,
  Assign,
  Colon,
  Question,
  FatArrow,
  Eq,
  NotEq,
  Lt,
  Le,
  Gt,
  Ge,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  And,
  Or,
  Bang,
  /** `~}`: closes a template sequence with whitespace stripping. */
  StripClose,
  /** Anything the scanner does not understand. */
  Invalid,
}

const TOKEN_NAMES: Record<number, string> = {
  [T.EOF]: 'end of file',
  [T.Newline]: 'newline',
  [T.Ident]: 'identifier',
  [T.Number]: 'number',
  [T.OQuote]: 'string',
  [T.OHeredoc]: 'heredoc',
};

/** A short description of a token for error messages. */
export function describeToken(type: T, start: number, end: number, text: string): string {
  const name = TOKEN_NAMES[type];
  if (type === T.Ident || type === T.Number) return `${name} '${text.slice(start, end)}'`;
  if (name !== undefined) return name;
  return `'${text.slice(start, end)}'`;
}

const ID_START = /[\p{ID_Start}]/u;
const ID_CONTINUE = /[\p{ID_Continue}]/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/**
 * The ASCII identifier classes by char code (1: yes), for the per-character loops: an array
 * read instead of a helper call per character (the CLI runs V8 without inlining, src/core/jit.ts).
 */
const ASCII_ID_START = new Uint8Array(128);
const ASCII_ID_CONTINUE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (isAsciiIdStart(c)) ASCII_ID_START[c] = ASCII_ID_CONTINUE[c] = 1;
  else if (isDigit(c) || c === 45 /* - */) ASCII_ID_CONTINUE[c] = 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isIdStartAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isAsciiIdStart(c)) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  const cp = text.codePointAt(i)!;
  return ID_START.test(String.fromCodePoint(cp));
}

/** Length (in UTF-16 units) of the identifier character at `i`, or 0. */
function isAsciiIdContinue(c: number): boolean {
  return isAsciiIdStart(c) || isDigit(c) || c === 45; /* - */
}

function idContinueLen(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isAsciiIdContinue(c)) return 1;
  if (c < 128 || Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  if (ID_CONTINUE.test(String.fromCodePoint(cp))) return cp > 0xffff ? 2 : 1;
  return 0;
}

/**
 * The characters that always make a one-character token, by char code (0: not such a
 * character): punctuation is one array read instead of a walk through the switch's cases.
 */
const ONE_CHAR_TOKENS = new Uint8Array(128);
for (const [ch, type] of [
  ['\n', T.Newline],
  ['"', T.OQuote],
  ['{', T.LBrace],
  ['}', T.RBrace],
  ['[', T.LBrack],
  [']', T.RBrack],
  ['(', T.LParen],
  [')', T.RParen],
  [',', T.Comma],
  [':', T.Colon],
  ['?', T.Question],
  ['+', T.Plus],
  ['-', T.Minus],
  ['*', T.Star],
  // A `/` here is division: skipTrivia has taken `//` and `/*` comments.
  ['/', T.Slash],
  ['%', T.Percent],
] as const) {
  ONE_CHAR_TOKENS[ch.charCodeAt(0)] = type;
}

export class Lexer {
  pos = 0;
  /** Bounds of the token `next()` returned last (`pos` may be past it: a heredoc opener's newline). */
  tokStart = 0;
  tokEnd = 0;
  /** For the last heredoc opener: its marker and whether it is `<<-`. */
  heredocMarker = '';
  heredocIndented = false;
  /** Set after a `.` so that `a.0.1` lexes integer indexes, not the number `0.1`. */
  private afterDot = false;

  constructor(
    readonly text: string,
    readonly lines: LineMap,
    readonly comments: Comment[],
    readonly errors: SyntaxError[],
  ) {}

  range(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  error(message: string, start: number, end: number): void {
    this.errors.push({ message, range: this.range(start, end) });
  }

  /** Skips spaces, tabs, lone CRs and comments; stops at a newline. */
  skipTrivia(): void {
    const text = this.text;
    const n = text.length;
    let i = this.pos;
    for (;;) {
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) break;
        i++;
      } else if (c === 35 /* # */ || (c === 47 && text.charCodeAt(i + 1) === 47)) {
        const markerLen = c === 35 ? 1 : 2;
        let j = text.indexOf('\n', i + markerLen);
        if (j < 0) j = n;
        else if (text.charCodeAt(j - 1) === 13 && j - 1 >= i + markerLen) j--;
        this.comments.push({ style: 'line', text: text.slice(i + markerLen, j), range: this.range(i, j) });
        i = j;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) {
          this.error('Unterminated comment: this /* comment has no closing */', i, i + 2);
          this.comments.push({ style: 'block', text: text.slice(i + 2), range: this.range(i, n) });
          i = n;
        } else {
          this.comments.push({ style: 'block', text: text.slice(i + 2, close), range: this.range(i, close + 2) });
          i = close + 2;
        }
      } else {
        break;
      }
    }
    this.pos = i;
  }

  next(): T {
    const text = this.text;
    const c0 = text.charCodeAt(this.pos);
    // Most tokens follow a token or a newline directly: skipTrivia only where trivia can start.
    if (c0 === 32 || c0 === 9 || c0 === 13 || c0 === 35 || c0 === 47) this.skipTrivia();
    const start = this.pos;
    const afterDot = this.afterDot;
    this.afterDot = false;
    if (start >= text.length) return this.token(T.EOF, start, start);
    const c = text.charCodeAt(start);
    // Identifiers are the most common token: test for them before the punctuation switch.
    if (c < 128) {
      if (ASCII_ID_START[c] === 1) return this.ident(start);
      const one = ONE_CHAR_TOKENS[c]!;
      if (one !== 0) return this.simple(one, start, 1);
    }
    const c1 = text.charCodeAt(start + 1);
    switch (c) {
      case 13:
        return this.simple(T.Newline, start, 2);
      case 46:
        if (c1 === 46 && text.charCodeAt(start + 2) === 46) return this.simple(T.Ellipsis, start, 3);
        this.afterDot = true;
        return this.simple(T.Dot, start, 1);
      case 61:
        if (c1 === 61) return this.simple(T.Eq, start, 2);
        if (c1 === 62) return this.simple(T.FatArrow, start, 2);
        return this.simple(T.Assign, start, 1);
      case 33:
        if (c1 === 61) return this.simple(T.NotEq, start, 2);
        return this.simple(T.Bang, start, 1);
      case 60:
        if (c1 === 61) return this.simple(T.Le, start, 2);
        if (c1 === 60) return this.heredocOpener(start);
        return this.simple(T.Lt, start, 1);
      case 62:
        if (c1 === 61) return this.simple(T.Ge, start, 2);
        return this.simple(T.Gt, start, 1);
      case 38:
        if (c1 === 38) return this.simple(T.And, start, 2);
        return this.simple(T.Invalid, start, 1);
      case 124:
        if (c1 === 124) return this.simple(T.Or, start, 2);
        return this.simple(T.Invalid, start, 1);
      case 126:
        if (c1 === 125) return this.simple(T.StripClose, start, 2);
        return this.simple(T.Invalid, start, 1);
      default:
        break;
    }
    if (isDigit(c)) return this.number(start, afterDot);
    if (isIdStartAt(text, start)) return this.ident(start);
    const cp = text.codePointAt(start)!;
    return this.simple(T.Invalid, start, cp > 0xffff ? 2 : 1);
  }

  private simple(type: T, start: number, len: number): T {
    const end = start + len;
    this.pos = end;
    this.tokStart = start;
    this.tokEnd = end;
    return type;
  }

  private token(type: T, start: number, end: number): T {
    this.tokStart = start;
    this.tokEnd = end;
    return type;
  }

  private number(start: number, integerOnly: boolean): T {
    const text = this.text;
    let i = start;
    while (isDigit(text.charCodeAt(i))) i++;
    if (!integerOnly) {
      if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
        i += 2;
        while (isDigit(text.charCodeAt(i))) i++;
      }
      const e = text.charCodeAt(i);
      if (e === 101 || e === 69) {
        let j = i + 1;
        const s = text.charCodeAt(j);
        if (s === 43 || s === 45) j++;
        if (isDigit(text.charCodeAt(j))) {
          i = j;
          while (isDigit(text.charCodeAt(i))) i++;
        }
      }
    }
    this.pos = i;
    return this.token(T.Number, start, i);
  }

  /** The end of the identifier starting at `start`. */
  private identEnd(start: number): number {
    const text = this.text;
    let i = start + 1;
    if (text.charCodeAt(start) >= 0xd800 && text.charCodeAt(start) <= 0xdbff) i++;
    for (;;) {
      // The ASCII run first (nearly every identifier is all ASCII), then one Unicode check.
      let c = text.charCodeAt(i);
      while (c < 128 && ASCII_ID_CONTINUE[c] === 1) c = text.charCodeAt(++i);
      // The usual end: an ASCII character that is neither part of a name nor a `::`.
      if (c < 128 && c !== 58) break;
      const len = idContinueLen(text, i);
      if (len > 0) {
        i += len;
        continue;
      }
      // Provider-namespaced function names: provider::azurerm::f
      if (text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 58 && isIdStartAt(text, i + 2)) {
        i += 3;
        continue;
      }
      break;
    }
    return i;
  }

  private ident(start: number): T {
    const end = this.identEnd(start);
    this.pos = end;
    this.tokStart = start;
    this.tokEnd = end;
    return T.Ident;
  }

  /** `<<EOT` / `<<-EOT` followed by a newline. */
  private heredocOpener(start: number): T {
    const text = this.text;
    let i = start + 2;
    const indented = text.charCodeAt(i) === 45;
    if (indented) i++;
    if (!isIdStartAt(text, i)) {
      this.pos = start + 2;
      return this.token(T.Invalid, start, start + 2);
    }
    const markerEnd = this.identEnd(i);
    let j = markerEnd;
    if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) j += 2;
    else if (text.charCodeAt(j) === 10) j += 1;
    else {
      this.pos = markerEnd;
      return this.token(T.Invalid, start, markerEnd);
    }
    this.pos = j;
    this.heredocMarker = text.slice(i, markerEnd);
    this.heredocIndented = indented;
    return this.token(T.OHeredoc, start, markerEnd);
  }
}
