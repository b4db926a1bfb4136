/**
 * A streaming JSON reader for files too large to hold as one string or one tree (a 200 MB
 * Terraform plan; FORMATS.md §5 "Traps"). It pulls text chunks, and a visitor decides for each
 * value by its path: `enter` (walk its members or items), `raw` (hand over its JSON text, e.g.
 * one `resource_changes` entry, for `JSON.parse`), `skip` (check past it without keeping
 * anything) or `stop`. Memory stays at one chunk plus the largest `raw` value.
 *
 * Positions: offsets and columns in UTF-16 code units like the rest of the code; lines end at
 * `\n` (a lone `\r` does not end a line here; Terraform writes `\n`). A skipped value is checked
 * against the grammar (brackets, commas, colons, keys, scalars; a string's escapes are not
 * decoded) and not kept.
 */
import type { Position } from '../../core/source.js';
import { MAX_NESTING_DEPTH, nestingMessage } from '../nesting.js';

export type JsonPath = readonly (string | number)[];
export type StreamAction = 'enter' | 'raw' | 'skip' | 'stop';
export type JsonValueKind = 'object' | 'array' | 'string' | 'number' | 'literal';

function kindOf(c: number): JsonValueKind {
  if (c === 0x7b) return 'object';
  if (c === 0x5b) return 'array';
  if (c === 0x22) return 'string';
  return c === 0x2d || (c >= 0x30 && c <= 0x39) ? 'number' : 'literal';
}

export interface StreamVisitor {
  /**
   * What to do with the value at `path` (keys and indices from the root); `start` is where it
   * begins, `kind` what its first character says it is (so a reader can refuse a wrong shape
   * without reading the value).
   */
  at(path: JsonPath, start: Position, kind: JsonValueKind): StreamAction;
  /** A value asked for with `raw`: its JSON text. Returning false stops the read. */
  raw?(path: JsonPath, text: string, start: Position): boolean | void;
  /** An entered object or array ended; `end` is the position after its closing bracket. */
  end?(path: JsonPath, end: Position): void;
  /** Skipped values are only bracket-matched, not checked (a peek at what a file is: `skipLoosely`). */
  looseSkip?: boolean;
}

export class JsonStreamError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

const STOP = Symbol('stop');

class ChunkReader {
  buf = '';
  /** Index into `buf` of the next character. */
  pos = 0;
  /** File offset of `buf[0]`. */
  base = 0;
  /** File offset where a `raw` capture started (text from there is kept), or -1. */
  mark = -1;
  /**
   * The captured text of earlier chunks, from `mark` up to `base` (one piece per chunk): appending
   * each chunk to one buffer made a token of many chunks (a 40 MB string) quadratic, every search
   * flattening the whole buffer again.
   */
  private kept: string[] = [];
  private ended = false;
  /** Lines counted up to this file offset. */
  private countedTo = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly chunks: Iterator<string, void>) {}

  /** True when a character is available at `pos` (pulling chunks as needed). */
  more(): boolean {
    while (this.pos >= this.buf.length) {
      if (this.ended) return false;
      const next = this.chunks.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      // Everything of `buf` is read (pos is at its end): what a capture still needs is set aside.
      this.countLines(this.base + this.buf.length);
      if (this.mark >= 0) this.kept.push(this.buf.slice(Math.max(0, this.mark - this.base)));
      this.base += this.buf.length;
      this.pos -= this.buf.length;
      this.buf = next.value;
    }
    return true;
  }

  private countLines(upTo: number): void {
    if (upTo <= this.countedTo) return;
    const from = this.countedTo - this.base;
    const to = upTo - this.base;
    for (let i = this.buf.indexOf('\n', from); i >= 0 && i < to; i = this.buf.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = this.base + i + 1;
    }
    this.countedTo = upTo;
  }

  /** The text from file offset `from` (at or after `mark` while a capture runs) up to `pos`. */
  textFrom(from: number): string {
    if (this.kept.length === 0) return this.buf.slice(from - this.base, this.pos);
    const before = this.kept.join('');
    const keptStart = this.base - before.length;
    return (before + this.buf.slice(0, this.pos)).slice(from - keptStart);
  }

  /** A capture ended: nothing before `pos` is needed any more. */
  endMark(): void {
    this.mark = -1;
    this.kept = [];
  }

  /** Backslashes right before buffer index `q` (into the pieces kept before `buf` too). */
  private backslashesBefore(q: number): number {
    let bs = 0;
    let i = q - 1;
    for (; i >= 0 && this.buf.charCodeAt(i) === 0x5c; i--) bs++;
    if (i >= 0) return bs;
    for (let k = this.kept.length - 1; k >= 0; k--) {
      const piece = this.kept[k]!;
      let j = piece.length - 1;
      for (; j >= 0 && piece.charCodeAt(j) === 0x5c; j--) bs++;
      if (j >= 0) break;
    }
    return bs;
  }

  /** The position of the next character. */
  position(): Position {
    const offset = this.base + this.pos;
    this.countLines(offset);
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }

  fail(message: string): never {
    throw new JsonStreamError(message, this.position());
  }

  /** The next non-whitespace character code (not consumed); -1 at the end. */
  peek(): number {
    for (;;) {
      if (!this.more()) return -1;
      const c = this.buf.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return c;
    }
  }

  expect(code: number, what: string): void {
    if (this.peek() !== code) this.fail(`Expected ${what} here`);
    this.pos++;
  }

  /** Past a string starting at `pos` (the opening quote); returns its JSON text when `keep`. */
  string(keep: boolean): string | undefined {
    const start = this.base + this.pos;
    // The string stays in the buffer until its end is found: the backslashes before a quote
    // decide whether it ends the string, and they may sit in the previous chunk.
    const ownMark = this.mark < 0;
    if (ownMark) this.mark = start;
    this.pos++;
    for (;;) {
      if (!this.more()) this.fail('Unterminated string');
      const q = this.buf.indexOf('"', this.pos);
      if (q < 0) {
        this.pos = this.buf.length;
        continue;
      }
      // An escaped quote has an odd number of backslashes before it.
      const bs = this.backslashesBefore(q);
      this.pos = q + 1;
      if (bs % 2 === 0) break;
    }
    const text = keep ? this.textFrom(start) : undefined;
    if (ownMark) this.endMark();
    return text;
  }

  /**
   * Past one value, from the first character at `pos`, checked against JSON's grammar but kept
   * nowhere (RULES.md: a file that cannot be parsed is PARSE001, also where its values are not
   * read): objects and arrays with their commas, colons and keys, strings, and scalars.
   */
  skip(depth: number): void {
    // The closing bracket each open object (`}`) or array (`]`) waits for, innermost last.
    const open: number[] = [];
    for (;;) {
      // A value.
      const c = this.peek();
      if (c === -1) this.fail('Expected a value here');
      if (c === 0x22) this.string(false);
      else if (c === 0x7b || c === 0x5b) {
        if (depth + open.length + 1 > MAX_NESTING_DEPTH) this.fail(nestingMessage());
        this.pos++;
        const close = c === 0x7b ? 0x7d : 0x5d;
        if (this.peek() === close) this.pos++;
        else {
          open.push(close);
          if (close === 0x7d) this.key();
          continue;
        }
      } else this.scalar();
      // After a value: a comma (then the next member or item) or the end of its containers.
      for (;;) {
        const top = open[open.length - 1];
        if (top === undefined) return;
        const n = this.peek();
        if (n === 0x2c) {
          this.pos++;
          if (top === 0x7d) this.key();
          break;
        }
        if (n !== top) this.fail(n === -1 ? 'Unexpected end of the file: a bracket is not closed' : `Expected a comma or a closing ${top === 0x7d ? 'brace' : 'bracket'} here`);
        this.pos++;
        open.pop();
      }
    }
  }

  /**
   * Past one value by matching its brackets only (its strings are scanned, nothing else is
   * checked): for a peek that decides what a file is (`looseSkip`), which must not stop at a
   * syntax error in a part it does not read (the reading proper reports that error), and for a
   * `raw` value, whose text JSON.parse checks.
   */
  skipLoosely(depth: number): void {
    const c = this.peek();
    if (c === -1) this.fail('Expected a value here');
    if (c === 0x22) {
      this.string(false);
      return;
    }
    if (c === 0x7b || c === 0x5b) {
      let level = 0;
      for (;;) {
        if (!this.more()) this.fail('Unexpected end of the file: a bracket is not closed');
        const ch = this.buf.charCodeAt(this.pos);
        if (ch === 0x22) {
          this.string(false);
          continue;
        }
        this.pos++;
        if (ch === 0x7b || ch === 0x5b) {
          level++;
          if (depth + level > MAX_NESTING_DEPTH) {
            this.pos--;
            this.fail(nestingMessage());
          }
        } else if (ch === 0x7d || ch === 0x5d) {
          level--;
          if (level === 0) return;
        }
      }
    }
    this.scalar();
  }

  /** An object member's key and colon, from `pos`. */
  private key(): void {
    if (this.peek() !== 0x22) this.fail('Expected a property name in double quotes here');
    this.string(false);
    this.expect(0x3a, 'a colon');
  }

  /** Past a number, `true`, `false` or `null`. */
  scalar(): void {
    const start = this.position();
    let token = '';
    while (this.more()) {
      const ch = this.buf[this.pos]!;
      if (!/[-+.\w]/.test(ch)) break;
      token += ch;
      this.pos++;
    }
    if (!/^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?)$/.test(token)) throw new JsonStreamError(token ? 'Invalid symbol' : 'Expected a value here', start);
  }
}

/**
 * Reads JSON text from `chunks`, asking `visitor` what to do with each value it meets.
 * Throws `JsonStreamError` (with the exact position) on a syntax error.
 */
export function streamJson(chunks: Iterator<string, void>, visitor: StreamVisitor): void {
  const r = new ChunkReader(chunks);
  const value = (path: JsonPath, depth: number): void => {
    const c = r.peek();
    if (c === -1) r.fail('Expected a value here');
    const start = r.position();
    const action = visitor.at(path, start, kindOf(c));
    if (action === 'stop') throw STOP;
    if (action === 'skip') return visitor.looseSkip ? r.skipLoosely(depth) : r.skip(depth);
    if (action === 'raw') {
      r.mark = start.offset;
      // Its text goes to JSON.parse, which checks it (and says where it is wrong): bracket-matched here.
      r.skipLoosely(depth);
      const text = r.textFrom(r.mark);
      r.endMark();
      if (visitor.raw?.(path, text, start) === false) throw STOP;
      return;
    }
    if (depth + 1 > MAX_NESTING_DEPTH) r.fail(nestingMessage());
    if (c === 0x7b || c === 0x5b) {
      container(path, depth, c);
      visitor.end?.(path, r.position());
      return;
    }
    r.skip(depth);
  };
  const container = (path: JsonPath, depth: number, c: number): void => {
    if (c === 0x7b) {
      r.pos++;
      if (r.peek() === 0x7d) {
        r.pos++;
        return;
      }
      for (;;) {
        if (r.peek() !== 0x22) r.fail('Expected a property name here');
        const key = JSON.parse(r.string(true)!) as string;
        r.expect(0x3a, 'a colon');
        value([...path, key], depth + 1);
        const next = r.peek();
        r.pos++;
        if (next === 0x7d) return;
        if (next !== 0x2c) {
          r.pos--;
          r.fail('Expected a comma or a closing brace here');
        }
      }
    }
    if (c === 0x5b) {
      r.pos++;
      if (r.peek() === 0x5d) {
        r.pos++;
        return;
      }
      for (let i = 0; ; i++) {
        value([...path, i], depth + 1);
        const next = r.peek();
        r.pos++;
        if (next === 0x5d) return;
        if (next !== 0x2c) {
          r.pos--;
          r.fail('Expected a comma or a closing bracket here');
        }
      }
    }
  };
  try {
    value([], 0);
    if (r.peek() !== -1) r.fail('End of the file expected here');
  } catch (e) {
    if (e !== STOP) throw e;
  } finally {
    chunks.return?.();
  }
}
