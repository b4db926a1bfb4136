/**
 * The Bicep lexer (BICEP.md §1, `Bicep.Core/Parsing/Lexer.cs`).
 *
 * - Newlines are tokens: a run of `\r`/`\n` (also across blank lines, spaces and comments) is
 *   one `NL` token. Block comments spanning lines produce no NL.
 * - Strings use backslash escapes. Interpolation `${…}` uses a mode stack: inside a hole `{`
 *   pushes a brace, `}` pops it or, when the top is a string, resumes that string.
 * - Comments and pragmas are trivia, collected separately. Unknown characters become
 *   `Unrecognized` tokens with an error (BCP103 for `"`).
 * Linear time: every character is looked at a bounded number of times.
 */

export type TokenType =
  | 'Identifier'
  | 'Integer'
  | 'True'
  | 'False'
  | 'Null'
  | 'StringComplete'
  | 'StringLeft'
  | 'StringMiddle'
  | 'StringRight'
  | '{' | '}' | '(' | ')' | '[' | ']' | '@' | ',' | '.' | ':' | ';' | '?'
  | '...' | '??' | '::' | '==' | '!=' | '=~' | '!~' | '<=' | '>=' | '&&' | '||' | '=>'
  | '=' | '+' | '-' | '*' | '/' | '%' | '!' | '<' | '>' | '|' | '^'
  | 'NL'
  | 'Unrecognized'
  | 'EOF';

export interface Token {
  type: TokenType;
  /** 0-based offsets, end exclusive. */
  start: number;
  end: number;
  /** Identifier / integer text; for string pieces the decoded literal text. */
  value: string;
  /** String pieces: part of a `'''` string. */
  multiline?: boolean;
  /** String pieces of `$'''` strings: the number of `$`. */
  dollars?: number;
  /** Offsets of the literal text inside a string piece (for segment ranges). */
  contentStart?: number;
  contentEnd?: number;
  /** The string was not terminated (an error has been recorded). */
  unterminated?: boolean;
}

export interface LexComment {
  style: 'line' | 'block';
  text: string;
  start: number;
  end: number;
}

export interface LexPragma {
  directive: 'disable-next-line' | 'disable-diagnostics' | 'restore-diagnostics';
  codes: string[];
  start: number;
  end: number;
}

export interface LexError {
  message: string;
  start: number;
  end: number;
  code?: string;
}

export interface LexResult {
  tokens: Token[];
  comments: LexComment[];
  pragmas: LexPragma[];
  errors: LexError[];
}

type Mode = { kind: 'brace' } | { kind: 'string'; multiline: boolean; dollars: number };

const PRAGMAS = new Set(['disable-next-line', 'disable-diagnostics', 'restore-diagnostics']);

/** One-character punctuation by char code (the token type is the character itself). */
const ONE_CHAR: (TokenType | undefined)[] = [];
for (const ch of ['{', '}', '(', ')', '[', ']', '@', ',', '.', ':', ';', '?', '=', '+', '-', '*', '/', '%', '!', '<', '>', '|', '^'] as const) ONE_CHAR[ch.charCodeAt(0)] = ch;

const MAX_IDENTIFIER_LENGTH = 255;

/*
 * The runs inside a token (an identifier's rest, a comment's text, a string's literal text) are
 * found by sticky or global regular expressions, not a loop over characters: the lexer runs on
 * every Bicep file of a run mostly before V8 optimizes it (the CLI tiers up late), and there a
 * regular expression scans in native code while a loop costs several interpreted operations per
 * character. `test` with `lastIndex` allocates no match. Each is used from a set `lastIndex` on.
 */
/** The rest of an identifier (sticky: from `lastIndex`; always matches, possibly empty). */
const IDENT_REST = /[A-Za-z0-9_]*/y;
/** The end of a line comment. */
const LINE_END = /[\r\n]/g;
/** What ends or interrupts the literal text of a single-line string: a quote, an escape, a possible `${`, a line break. */
const STRING_STOP = /['\\$\r\n]/g;

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** isIdentStart by char code below 128 (`[A-Za-z_]`): a lookup, not a call per token. */
const IDENT_START = new Uint8Array(128);
for (let c = 0; c < 128; c++) IDENT_START[c] = isIdentStart(c) ? 1 : 0;
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

export function lex(text: string): LexResult {
  return new Lexer(text).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private readonly comments: LexComment[] = [];
  private readonly pragmas: LexPragma[] = [];
  private readonly errors: LexError[] = [];
  private readonly modes: Mode[] = [];

  constructor(private readonly text: string) {}

  run(): LexResult {
    const text = this.text;
    const n = text.length;
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    while (this.pos < n) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 9) {
        // A run of blanks (indentation) in one inner loop, not one turn of this loop per blank.
        let p = this.pos + 1;
        for (let d = text.charCodeAt(p); d === 32 || d === 9; d = text.charCodeAt(++p));
        this.pos = p;
        continue;
      }
      if (c === 10 || c === 13) {
        this.newline();
        continue;
      }
      if (c === 47 /* / */) {
        const d = text.charCodeAt(this.pos + 1);
        if (d === 47) {
          this.lineComment();
          continue;
        }
        if (d === 42) {
          this.blockComment();
          continue;
        }
      }
      if (c === 35 /* # */ && this.atLineStart() && this.pragma()) continue;
      if (c === 39 /* ' */) {
        if (text.startsWith("'''", this.pos)) this.multilineString(this.pos, 0, this.pos + 3, false);
        else this.singleString(this.pos, this.pos + 1, false);
        continue;
      }
      if (c === 36 /* $ */) {
        let p = this.pos;
        while (text.charCodeAt(p) === 36) p++;
        if (text.startsWith("'''", p)) {
          this.multilineString(this.pos, p - this.pos, p + 3, false);
          continue;
        }
        this.unrecognized(this.pos, this.pos + 1);
        continue;
      }
      if (c === 123 /* { */) {
        if (this.modes.length > 0) this.modes.push({ kind: 'brace' });
        this.push('{', this.pos, this.pos + 1);
        this.pos++;
        continue;
      }
      if (c === 125 /* } */) {
        const top = this.modes[this.modes.length - 1];
        if (top?.kind === 'string') {
          this.modes.pop();
          if (top.multiline) this.multilineString(this.pos, top.dollars, this.pos + 1, true);
          else this.singleString(this.pos, this.pos + 1, true);
          continue;
        }
        if (top?.kind === 'brace') this.modes.pop();
        this.push('}', this.pos, this.pos + 1);
        this.pos++;
        continue;
      }
      if (c < 128 && IDENT_START[c] === 1) {
        const start = this.pos;
        IDENT_REST.lastIndex = start + 1;
        IDENT_REST.test(text);
        const p = IDENT_REST.lastIndex;
        const word = text.slice(start, p);
        this.pos = p;
        if (word.length > MAX_IDENTIFIER_LENGTH) {
          this.error(`The identifier exceeds the limit of ${MAX_IDENTIFIER_LENGTH} characters. Reduce the length of the identifier.`, start, p, 'BCP024');
        }
        const type: TokenType = word === 'true' ? 'True' : word === 'false' ? 'False' : word === 'null' ? 'Null' : 'Identifier';
        this.tokens.push({ type, start, end: p, value: word }); // push()'s token, without the call
        continue;
      }
      if (isDigit(c)) {
        const start = this.pos;
        let p = start + 1;
        while (p < n && isDigit(text.charCodeAt(p))) p++;
        this.pos = p;
        this.push('Integer', start, p, text.slice(start, p));
        continue;
      }
      const punct = this.punctuation(c);
      if (punct !== null) {
        const start = this.pos;
        this.pos = start + punct.length;
        this.tokens.push({ type: punct, start, end: this.pos, value: '' }); // push()'s token, without the call
        continue;
      }
      // Any other character: an astral character is one unrecognized token of two code units.
      const cp = text.codePointAt(this.pos)!;
      this.unrecognized(this.pos, this.pos + (cp > 0xffff ? 2 : 1));
    }
    if (this.modes.some((m) => m.kind === 'string')) {
      this.error('The string interpolation is not terminated: expected "}" before the end of the file.', n, n);
    }
    this.tokens.push({ type: 'EOF', start: n, end: n, value: '' });
    return { tokens: this.tokens, comments: this.comments, pragmas: this.pragmas, errors: this.errors };
  }

  /** The punctuation token at the current position (longest match), or null: by char code, no strings made. */
  private punctuation(c: number): TokenType | null {
    const text = this.text;
    const d = text.charCodeAt(this.pos + 1);
    switch (c) {
      case 46 /* . */:
        if (d === 46 && text.charCodeAt(this.pos + 2) === 46) return '...';
        break;
      case 63 /* ? */:
        if (d === 63) return '??';
        break;
      case 58 /* : */:
        if (d === 58) return '::';
        break;
      case 61 /* = */:
        if (d === 61) return '==';
        if (d === 126) return '=~';
        if (d === 62) return '=>';
        break;
      case 33 /* ! */:
        if (d === 61) return '!=';
        if (d === 126) return '!~';
        break;
      case 60 /* < */:
        if (d === 61) return '<=';
        break;
      case 62 /* > */:
        if (d === 61) return '>=';
        break;
      case 38 /* & */:
        if (d === 38) return '&&';
        break;
      case 124 /* | */:
        if (d === 124) return '||';
        break;
      default:
        break;
    }
    return ONE_CHAR[c] ?? null;
  }

  private push(type: TokenType, start: number, end: number, value = ''): Token {
    const tok: Token = { type, start, end, value };
    this.tokens.push(tok);
    return tok;
  }

  private error(message: string, start: number, end: number, code?: string): void {
    this.errors.push(code ? { message, start, end, code } : { message, start, end });
  }

  private unrecognized(start: number, end: number): void {
    const ch = this.text.slice(start, end);
    this.pos = end;
    this.push('Unrecognized', start, end, ch);
    if (ch === '"') {
      this.error('The following token is not recognized: "\\"". Strings are defined using single quotes in bicep.', start, end, 'BCP103');
    } else {
      const shown = ch === '\u00a0' ? 'U+00A0 (no-break space)' : `"${ch}"`;
      this.error(`The following token is not recognized: ${shown}.`, start, end, 'BCP001');
    }
  }

  private newline(): void {
    const text = this.text;
    const start = this.pos;
    let p = start;
    while (p < text.length && (text.charCodeAt(p) === 10 || text.charCodeAt(p) === 13)) p++;
    this.pos = p;
    if (this.modes.length > 0 && this.modes.some((m) => m.kind === 'string')) {
      this.error('A line break is not allowed inside a string interpolation "${…}"; the string is not terminated.', start, start, 'BCP004');
      this.modes.length = 0;
    }
    const last = this.tokens[this.tokens.length - 1];
    if (last?.type === 'NL') last.end = p;
    else this.push('NL', start, p);
  }

  private lineComment(): void {
    const text = this.text;
    const start = this.pos;
    LINE_END.lastIndex = start + 2;
    const p = LINE_END.test(text) ? LINE_END.lastIndex - 1 : text.length;
    this.comments.push({ style: 'line', text: text.slice(start + 2, p), start, end: p });
    this.pos = p;
  }

  private blockComment(): void {
    const text = this.text;
    const start = this.pos;
    const close = text.indexOf('*/', start + 2);
    if (close < 0) {
      this.comments.push({ style: 'block', text: text.slice(start + 2), start, end: text.length });
      this.error('The multi-line comment is not terminated: expected "*/" before the end of the file.', start, start + 2, 'BCP002');
      this.pos = text.length;
      return;
    }
    this.comments.push({ style: 'block', text: text.slice(start + 2, close), start, end: close + 2 });
    this.pos = close + 2;
  }

  private atLineStart(): boolean {
    let p = this.pos - 1;
    while (p >= 0) {
      const c = this.text.charCodeAt(p);
      if (c === 32 || c === 9) p--;
      else return c === 10 || c === 13 || (p === 0 && c === 0xfeff);
    }
    return true;
  }

  /** `#directive CODE…` up to the end of the line. Returns false if `#` starts no known pragma. */
  private pragma(): boolean {
    const text = this.text;
    const start = this.pos;
    let p = start + 1;
    while (p < text.length && (isIdentPart(text.charCodeAt(p)) || text[p] === '-')) p++;
    const directive = text.slice(start + 1, p);
    if (!PRAGMAS.has(directive)) return false;
    let end = p;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    // The codes end at a comment.
    const rest = text.slice(p, end);
    const cut = rest.search(/\/\/|\/\*/);
    const codesText = cut >= 0 ? rest.slice(0, cut) : rest;
    const codes = codesText.split(/[ \t]+/).filter((s) => s.length > 0);
    const pragmaEnd = cut >= 0 ? p + cut : end;
    let trimmedEnd = pragmaEnd;
    while (trimmedEnd > p && (text[trimmedEnd - 1] === ' ' || text[trimmedEnd - 1] === '\t')) trimmedEnd--;
    this.pragmas.push({ directive: directive as LexPragma['directive'], codes, start, end: trimmedEnd });
    if (directive === 'disable-next-line' && codes.length === 0) {
      this.error('Expected at least one diagnostic code after "#disable-next-line".', start, trimmedEnd);
    }
    this.pos = pragmaEnd;
    return true;
  }

  /**
   * A single-line string piece starting at `tokStart` (the `'`, or the `}` that closes a hole);
   * the literal text starts at `contentStart`.
   */
  private singleString(tokStart: number, contentStart: number, resumed: boolean): void {
    const text = this.text;
    const n = text.length;
    let p = contentStart;
    let value = '';
    let runStart = p;
    for (;;) {
      STRING_STOP.lastIndex = p;
      p = STRING_STOP.test(text) ? STRING_STOP.lastIndex - 1 : n;
      if (p >= n) {
        value += text.slice(runStart, p);
        this.error('The string at this location is not terminated. Terminate the string with a single quote character.', tokStart, p, 'BCP003');
        this.stringToken(resumed ? 'StringRight' : 'StringComplete', tokStart, p, value, contentStart, p, true);
        this.pos = p;
        return;
      }
      const c = text.charCodeAt(p);
      if (c === 39 /* ' */) {
        value += text.slice(runStart, p);
        this.stringToken(resumed ? 'StringRight' : 'StringComplete', tokStart, p + 1, value, contentStart, p);
        this.pos = p + 1;
        return;
      }
      if (c === 10 || c === 13) {
        value += text.slice(runStart, p);
        this.error('The string at this location is not terminated due to an unexpected new line character.', tokStart, p, 'BCP004');
        this.stringToken(resumed ? 'StringRight' : 'StringComplete', tokStart, p, value, contentStart, p, true);
        this.pos = p;
        return;
      }
      if (c === 36 /* $ */ && text.charCodeAt(p + 1) === 123 /* { */) {
        value += text.slice(runStart, p);
        this.stringToken(resumed ? 'StringMiddle' : 'StringLeft', tokStart, p + 2, value, contentStart, p);
        this.modes.push({ kind: 'string', multiline: false, dollars: 0 });
        this.pos = p + 2;
        return;
      }
      if (c === 92 /* \ */) {
        value += text.slice(runStart, p);
        p = this.escape(p, (s) => (value += s));
        runStart = p;
        continue;
      }
      p++;
    }
  }

  /** Decodes the escape at `p` (the backslash); returns the offset after it. */
  private escape(p: number, out: (s: string) => void): number {
    const text = this.text;
    const e = text[p + 1];
    switch (e) {
      case "'":
      case '\\':
      case '$':
        out(e);
        return p + 2;
      case 'n':
        out('\n');
        return p + 2;
      case 'r':
        out('\r');
        return p + 2;
      case 't':
        out('\t');
        return p + 2;
      case 'u': {
        if (text[p + 2] === '{') {
          let q = p + 3;
          while (q < text.length && isHex(text.charCodeAt(q))) q++;
          if (q > p + 3 && text[q] === '}') {
            const cp = parseInt(text.slice(p + 3, q), 16);
            if (q - (p + 3) <= 8 && cp <= 0x10ffff) {
              out(String.fromCodePoint(cp));
              return q + 1;
            }
            this.error('The Unicode escape is out of range: code points go up to \\u{10FFFF}.', p, q + 1, 'BCP133');
            return q + 1;
          }
        }
        this.error('The Unicode escape sequence is not valid: use \\u{hex} with 1 to 6 hexadecimal digits.', p, p + 2, 'BCP133');
        return p + 2;
      }
      default: {
        if (e === undefined) {
          this.error('The string at this location is not terminated: complete the escape sequence and close the string.', p, p + 1, 'BCP005');
          return p + 1;
        }
        if (e === '\n' || e === '\r') return p + 1; // the line break ends the string (BCP004)
        const len = (text.codePointAt(p + 1) ?? 0) > 0xffff ? 2 : 1;
        this.error(
          `The escape sequence "\\${text.slice(p + 1, p + 1 + len)}" is not recognized. Valid escapes: \\' \\\\ \\n \\r \\t \\$ \\u{…}.`,
          p,
          p + 1 + len,
          'BCP006',
        );
        out(text.slice(p + 1, p + 1 + len));
        return p + 1 + len;
      }
    }
  }

  /**
   * A multi-line string piece: `'''…'''` (dollars 0, verbatim) or `$…$'''…'''` with holes
   * `$…${`. `contentStart` is after the opening `'''` (or after `}` when resumed).
   */
  private multilineString(tokStart: number, dollars: number, contentStart: number, resumed: boolean): void {
    const text = this.text;
    const n = text.length;
    let p = contentStart;
    if (!resumed) {
      if (text.startsWith('\r\n', p)) p += 2;
      else if (text.charCodeAt(p) === 10) p += 1;
    }
    const valueStart = p;
    let value = '';
    const runStart = p;
    for (;;) {
      if (p >= n) {
        value += text.slice(runStart, p);
        this.error("The multi-line string at this location is not terminated: expected \"'''\" before the end of the file.", tokStart, p, 'BCP140');
        this.stringToken(resumed ? 'StringRight' : 'StringComplete', tokStart, p, value, valueStart, p, true, dollars);
        this.pos = p;
        return;
      }
      const c = text.charCodeAt(p);
      if (c === 39 && text.startsWith("'''", p)) {
        let q = p + 3;
        while (text.charCodeAt(q) === 39) q++;
        const contentEnd = q - 3;
        value += text.slice(runStart, contentEnd);
        this.stringToken(resumed ? 'StringRight' : 'StringComplete', tokStart, q, value, valueStart, contentEnd, false, dollars);
        this.pos = q;
        return;
      }
      if (c === 36 && dollars > 0) {
        let q = p;
        while (text.charCodeAt(q) === 36) q++;
        const m = q - p;
        if (text.charCodeAt(q) === 123 && m >= dollars) {
          const literalEnd = q - dollars;
          value += text.slice(runStart, literalEnd);
          this.stringToken(resumed ? 'StringMiddle' : 'StringLeft', tokStart, q + 1, value, valueStart, literalEnd, false, dollars);
          this.modes.push({ kind: 'string', multiline: true, dollars });
          this.pos = q + 1;
          return;
        }
        p = q;
        continue;
      }
      p++;
    }
  }

  private stringToken(
    type: TokenType,
    start: number,
    end: number,
    value: string,
    contentStart: number,
    contentEnd: number,
    unterminated = false,
    dollars?: number,
  ): void {
    const tok = this.push(type, start, end, value);
    tok.contentStart = contentStart;
    tok.contentEnd = contentEnd;
    if (dollars !== undefined) {
      tok.multiline = true;
      tok.dollars = dollars;
    }
    if (unterminated) tok.unterminated = true;
  }
}
