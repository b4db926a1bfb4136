/**
 * A fast reader for the plain subset of YAML that Kubernetes manifests, Azure ML YAML files
 * and YAML heredocs are written in (issue 15): block mappings and sequences, plain scalars
 * (multi-line too), one-line quoted scalars, block scalars (`|`, `|-`, `>`, `>-`), one-line
 * flow sequences of scalars, `{}`, comments and `---` between documents. It builds the same
 * `ParsedYaml` as the `yaml` library path of `parseYamlFile` (document.ts) — same values,
 * ranges, comments and blocks — line by line, without the library's generator-based lexer,
 * its CST, its Composer and the copy into our tree.
 *
 * Correct by construction, not by approximation: whenever the text uses anything outside the
 * subset this reader fully follows (anchors, aliases, tags, directives, complex keys, hex
 * escapes, multi-line quoted scalars, multi-line flow collections, flow mappings, tabs, a
 * `\r` outside a `\r\n` line break, a BOM, odd indentation, a duplicate key, a long key,
 * comments where the library's Parser drops tokens, …), or anything the library would report
 * as an error, it returns `undefined` and the caller takes the library path.
 * test/parse/yaml-fast-differential.test.ts compares both on every corpus YAML file, on edge
 * cases and on thousands of mutated and generated texts.
 *
 * The ranges follow the library's nodes as tree.ts copies them. A collection's range runs
 * from its first key or `-` to its last value's `range[2]`, which is where the comment lines
 * after that value matter: the library's Parser (yaml/dist/parse/parser.js) puts a comment
 * line more indented than the collection into the trailing tokens of a one-line value before
 * it (`atIndentedComment`), and any other comment lines into a trailing comment-only item,
 * which a closing collection hands on to its parent only while every comment in it is less
 * indented than the collection (`pop`); a collection keeping it ends after it. See
 * `oneLineEnd` and `closingEnd`.
 */
import type { LineMap, Range } from '../../core/source.js';
import type { ParsedYaml } from './document.js';
import type { YamlEntryNode, YamlMap, YamlScalar, YamlSeq, YamlTree } from './tree.js';
import { asText, plainScalarValue } from './plain-scalar.js';
import { addRootBlocks, spansLines, trimmedBlockRange } from './blocks.js';
import { ESCAPES } from './scalar.js';

/**
 * How a value scalar was written, for a caller that maps its value back to the file
 * (ci.ts's fast path maps `run:` scripts): the style and the library node's `range[0]` and
 * `range[1]` (quotes and a block scalar's header included). Recorded only when the caller
 * passes a table to `readSimpleYaml`; flow sequence items and keys are not recorded.
 */
export interface ScalarSource {
  /** `literal`: `|`; `literal-strip`: `|-`; `folded`: `>`; `folded-strip`: `>-` (the subset has no other block scalar). */
  style: 'plain' | 'single' | 'double' | 'literal' | 'literal-strip' | 'folded' | 'folded-strip';
  start: number;
  end: number;
  /** A block scalar's content indentation (columns removed from each line). */
  indent?: number;
  /**
   * A block scalar's leading empty lines (each a `\n` of the value mapped to its line break; the
   * node's range then starts at the first one's break). Absent when there are none.
   */
  leading?: number;
}

export type ScalarSources = Map<YamlScalar, ScalarSource>;

/** Thrown (one object, no stack built per throw) when the text leaves the subset. */
class OutsideSubset extends Error {}
const BAIL = new OutsideSubset('outside the fast YAML subset');

/** Deeper than any manifest nests; far below MAX_NESTING_DEPTH, whose error stays the library path's. */
const MAX_DEPTH = 64;
/** The library reports an implicit key longer than 1024 characters (strict mode). */
const MAX_KEY_LENGTH = 1000;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;
const CR = 0x0d;
const GT = 0x3e;

const enum Kind {
  Blank,
  Comment,
  Content,
  /** `---` at column 0, followed by nothing or a comment. */
  DocStart,
}

/** A node being built, with the offsets the library keeps beside its range. */
interface Built {
  node: YamlTree;
  /** The library's `range[1]` (what an entry's range and a parent's end are read from). */
  end1: number;
  /** The library's `range[2]`: where its collection's range ends when it is the last value. */
  end2: number;
  /** An empty value with comments among its tokens (see `blockMap`). */
  emptyWithComments?: boolean;
}

/**
 * Can a plain scalar start with this character? The YAML indicators cannot (in block
 * context `-`, `?` and `:` can before a non-blank: `blockPlainStart`), and neither can a
 * blank or a quote.
 */
function plainStart(code: number): boolean {
  switch (code) {
    case 0x3f: // ?
    case COLON:
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case HASH:
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case SQUOTE:
    case DQUOTE:
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
    case SPACE:
      return false;
    default:
      return true;
  }
}

class Reader {
  private readonly text: string;
  private readonly lineMap: LineMap;
  /** Per line: offset of the first character, of the line break (its `\r` in a `\r\n`, or the text end), indentation, kind. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly indents: number[] = [];
  private readonly kinds: Kind[] = [];
  /** The current line: the next content or `---` line not yet read (lines.length at the end). */
  private cur = 0;
  /** The blank and comment lines skipped just before `cur`: from this line, whether any comment, and the largest comment indentation. */
  private tailStart = 0;
  private tailComments = false;
  private tailMaxIndent = -1;
  /**
   * The largest indentation of a comment in the library's trailing comment-only item after
   * the last value read (-1: no such comment), until a closing collection keeps the item.
   */
  private trailingMax = -1;
  /** Whether the quoted scalar `quoteClose` last read holds escapes. */
  private escaped = false;

  readonly comments: { text: string; range: Range }[] = [];
  readonly blocks: Range[] = [];
  /** The caller's table of value scalars' sources (`readSimpleYaml`), if any. */
  private readonly sources: ScalarSources | undefined;

  constructor(text: string, lineMap: LineMap, sources?: ScalarSources) {
    this.text = text;
    this.lineMap = lineMap;
    this.sources = sources;
  }

  /** Splits the text into classified lines; false when a line leaves the subset. */
  scanLines(): boolean {
    const text = this.text;
    const n = text.length;
    let at = 0;
    for (;;) {
      let brk = text.indexOf('\n', at);
      if (brk < 0) brk = n;
      // A `\r\n` line break (the only `\r` readSimpleYaml lets in) is one break for the library's
      // lexer: the line's content ends before the `\r`.
      const lineEnd = brk > at && text.charCodeAt(brk - 1) === CR ? brk - 1 : brk;
      let i = at;
      while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
      let kind: Kind;
      if (i === lineEnd) kind = Kind.Blank;
      else if (text.charCodeAt(i) === HASH) kind = Kind.Comment;
      else if (i === at && text.startsWith('---', at) && (at + 3 === lineEnd || text.charCodeAt(at + 3) === SPACE)) kind = Kind.DocStart;
      else if (i === at && (text.charCodeAt(at) === 0x25 || (text.startsWith('...', at) && (at + 3 === lineEnd || text.charCodeAt(at + 3) === SPACE)))) return false; // a directive, a document end
      else kind = Kind.Content;
      this.starts.push(at);
      this.ends.push(lineEnd);
      this.indents.push(i - at);
      this.kinds.push(kind);
      if (brk >= n) break;
      at = brk + 1;
    }
    return true;
  }

  private get lineCount(): number {
    return this.kinds.length;
  }

  /** Where a value on line `l` ends for its parent (`range[2]`): after the line break, or at the text end. */
  private afterLine(l: number): number {
    return Math.min(this.ends[l]! + this.breakLength(l), this.text.length);
  }

  /** The length of line `l`'s line break: 2 for `\r\n`, else 1 (also at the text end, as callers count it). */
  private breakLength(l: number): number {
    return this.text.charCodeAt(this.ends[l]!) === CR ? 2 : 1;
  }

  private comment(start: number, end: number): void {
    this.comments.push({ text: this.text.slice(start, end), range: this.lineMap.range(start, end) });
  }

  /**
   * Moves `cur` over blank and comment lines (recording the comments) to the next content or
   * `---` line, remembering what was skipped (`oneLineEnd`, `closingEnd`).
   */
  private skipToContent(): void {
    this.tailStart = this.cur;
    this.tailComments = false;
    this.tailMaxIndent = -1;
    while (this.cur < this.lineCount) {
      const k = this.kinds[this.cur]!;
      if (k === Kind.Content || k === Kind.DocStart) return;
      if (k === Kind.Comment) {
        const ind = this.indents[this.cur]!;
        this.tailComments = true;
        if (ind > this.tailMaxIndent) this.tailMaxIndent = ind;
        this.comment(this.starts[this.cur]! + ind, this.ends[this.cur]!);
      }
      this.cur++;
    }
  }

  /** The indentation of the current line as a block-structure level: -1 at `---` or the end. */
  private curIndent(): number {
    if (this.cur >= this.lineCount || this.kinds[this.cur] === Kind.DocStart) return -1;
    return this.indents[this.cur]!;
  }

  /** Where the library's tokens before the current line end: its first character (the indentation is a token of the lines before), or the text end. */
  private nextContentStart(): number {
    if (this.cur >= this.lineCount) return this.text.length;
    return this.starts[this.cur]! + (this.kinds[this.cur] === Kind.DocStart ? 0 : this.indents[this.cur]!);
  }

  /**
   * `range[2]` of a one-line value (plain, quoted, flow) on line `l` of a collection at column
   * `column`, with the lines after it skipped. The comment lines more indented than the
   * collection, up to the first one that is not, are the value's trailing tokens (with the
   * blank lines among them); the rest form the trailing comment-only item (`trailingMax`).
   */
  private oneLineEnd(l: number, column: number): number {
    let end2 = this.afterLine(l);
    let i = this.tailStart;
    for (; i < this.cur; i++) {
      if (this.kinds[i] !== Kind.Comment) continue;
      if (this.indents[i]! <= column) break;
      end2 = this.afterLine(i);
    }
    let max = -1;
    for (; i < this.cur; i++) if (this.kinds[i] === Kind.Comment && this.indents[i]! > max) max = this.indents[i]!;
    this.trailingMax = max;
    return end2;
  }

  /**
   * `range[2]` of a block collection at column `indent` closing at the current line, whose
   * `range[1]` is `end1`. The trailing comment-only item moves up to the parent when every
   * comment in it is less indented than the collection (or the collection is at column 0);
   * else the collection keeps it and ends where the item ends, at the next token.
   */
  private closingEnd(indent: number, end1: number): number {
    if (this.trailingMax < 0 || indent === 0 || this.trailingMax < indent) return end1;
    this.trailingMax = -1;
    return this.nextContentStart();
  }

  // ---- documents ----------------------------------------------------------------------------

  /** Reads every document; fills `documents` and `roots`. */
  read(out: ParsedYaml): void {
    this.skipToContent();
    // The text before the first `---`: a document only when it has content.
    if (this.cur < this.lineCount && this.kinds[this.cur] === Kind.Content) this.document(out);
    while (this.cur < this.lineCount) {
      // At a `---` line: an explicit document.
      const l = this.cur;
      const start = this.starts[l]!;
      let p = start + 3;
      while (p < this.ends[l]! && this.text.charCodeAt(p) === SPACE) p++;
      // `--- # comment` only: content after the marker is outside the subset.
      if (p < this.ends[l]!) {
        if (this.text.charCodeAt(p) !== HASH) throw BAIL;
        this.comment(p, this.ends[l]!);
      }
      this.cur++;
      this.skipToContent();
      if (this.cur < this.lineCount && this.kinds[this.cur] === Kind.Content) this.document(out);
      else {
        // An empty explicit document: an empty plain scalar after the marker and its blanks.
        out.documents.push({ type: 'scalar', value: '', plain: true, range: this.lineMap.range(p, p) });
      }
    }
  }

  /** One document whose first content line is `cur`: a block mapping or sequence. */
  private document(out: ParsedYaml): void {
    const indent = this.indents[this.cur]!;
    const root = this.blockNode(indent, 0).node;
    // The root ends at `---` or the end of the text, never at a dedent.
    if (this.curIndent() !== -1) throw BAIL;
    out.documents.push(root);
    if (root.type === 'map') out.roots.push(root);
  }

  /** The block collection starting on the current line at column `indent` (the line's first content). */
  private blockNode(indent: number, depth: number): Built {
    if (depth > MAX_DEPTH) throw BAIL;
    const l = this.cur;
    const at = this.starts[l]! + indent;
    if (this.isDash(at, this.ends[l]!)) return this.blockSeq(indent, at, depth);
    return this.blockMap(indent, at, depth);
  }

  /**
   * Does a plain scalar start at `p` (in block context)? `-`, `?` and `:` start one when a
   * non-blank follows (`?xx=…`, Azure/azureml-examples' SAS tokens), as the library's lexer
   * reads them (parseBlockStart); the other indicators never do.
   */
  private blockPlainStart(p: number, end: number): boolean {
    const c = this.text.charCodeAt(p);
    if (c === DASH || c === 0x3f || c === COLON) return p + 1 < end && this.text.charCodeAt(p + 1) !== SPACE;
    return plainStart(c);
  }

  /** `-` followed by a space or the line end. */
  private isDash(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 === end || this.text.charCodeAt(at + 1) === SPACE);
  }

  // ---- block collections --------------------------------------------------------------------

  /**
   * A block mapping whose first key starts at offset `at` on the current line, its keys at
   * column `indent` (a compact mapping in a sequence item starts mid-line).
   */
  private blockMap(indent: number, at: number, depth: number): Built {
    const entries: YamlEntryNode[] = [];
    const seen = new Set<string | number | boolean | null>();
    let last: Built;
    let keyAt = at;
    for (;;) {
      const l = this.cur;
      const end = this.ends[l]!;
      const key = this.key(keyAt, end);
      if (seen.has(key.value)) throw BAIL; // the library reports a duplicate key
      seen.add(key.value);
      const value = this.value(key.after, end, indent, indent, depth);
      const keyStart = keyAt;
      const entry: YamlEntryNode = { key: asText(key.value), keyRange: this.lineMap.range(keyStart, key.end), range: this.lineMap.range(keyStart, value.end1) };
      entry.value = value.node;
      entries.push(entry);
      if (value.node.type === 'map' || value.node.type === 'seq') this.block(keyStart, value.end1);
      else if (value.node.type === 'scalar' && spansLines(this.lineMap, keyStart, value.end1)) this.block(keyStart, value.end1);
      last = value;
      // The next line: another key of this mapping, or the end of it.
      const next = this.curIndent();
      if (next < indent) break;
      if (next > indent) throw BAIL; // a continuation line or a misplaced one
      const nextAt = this.starts[this.cur]! + indent;
      if (this.isDash(nextAt, this.ends[this.cur]!)) throw BAIL; // `- ` at a mapping's column after a complete value
      keyAt = nextAt;
    }
    // At a `---`, the library's Parser splits the tokens of a column-0 mapping's empty last
    // value at its second line break and drops the rest (blockMap's `atNextItem` split, whose
    // tokens no item takes before `---`): its range and its comments are then not these.
    if (indent === 0 && last.emptyWithComments && this.curIndent() === -1 && this.cur < this.lineCount) throw BAIL;
    const end1 = last.end2;
    const node: YamlMap = { type: 'map', entries, range: this.lineMap.range(at, end1) };
    return { node, end1, end2: this.closingEnd(indent, end1) };
  }

  /** A block sequence whose first `-` is at offset `at` on the current line, at column `indent`. */
  private blockSeq(indent: number, at: number, depth: number): Built {
    const items: YamlTree[] = [];
    let last: Built;
    let dashAt = at;
    // Whether the item's own tokens start with comments: the comment-only item that trailed the
    // previous item (still `trailingMax`, not kept by a closing collection) becomes its start.
    let commentsBefore = false;
    for (;;) {
      const l = this.cur;
      const end = this.ends[l]!;
      let p = dashAt + 1;
      while (p < end && this.text.charCodeAt(p) === SPACE) p++;
      let item: Built;
      if (p < end && this.text.charCodeAt(p) !== HASH && this.startsKey(p, end)) {
        // `- key: value`: a compact mapping whose keys sit at the column of its first key.
        const column = p - this.starts[l]!;
        item = this.blockMap(column, p, depth + 1);
      } else {
        if (p < end && this.isDash(p, end)) throw BAIL; // `- - a`
        item = this.value(dashAt + 1, end, indent, -1, depth, commentsBefore);
      }
      items.push(item.node);
      if (item.node.type === 'map' || item.node.type === 'seq') this.block(rangeStart(item.node), item.end1);
      last = item;
      const next = this.curIndent();
      if (next < indent) break;
      if (next > indent) throw BAIL;
      const nextAt = this.starts[this.cur]! + indent;
      // A mapping's key at the column of a sequence that is that mapping's value (`key:\n- a\nother: b`).
      if (!this.isDash(nextAt, this.ends[this.cur]!)) break;
      dashAt = nextAt;
      commentsBefore = this.trailingMax >= 0;
    }
    const end1 = last.end2;
    const node: YamlSeq = { type: 'seq', items, range: this.lineMap.range(at, end1) };
    return { node, end1, end2: this.closingEnd(indent, end1) };
  }

  private block(start: number, end: number): void {
    this.blocks.push(trimmedBlockRange(this.lineMap, start, end));
  }

  // ---- keys and values ----------------------------------------------------------------------

  /** Does a mapping key (`key:` followed by a blank or the line end) start at `p`? */
  private startsKey(p: number, end: number): boolean {
    const c = this.text.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quoteClose(p, end);
      return close > 0 && this.text.charCodeAt(close + 1) === COLON;
    }
    return this.plainKeyEnd(p, end) >= 0;
  }

  /** The offset of the `:` after a plain key starting at `p` (blanks may come between), or -1 when the line holds no such key. */
  private plainKeyEnd(p: number, end: number): number {
    const text = this.text;
    if (!this.blockPlainStart(p, end)) return -1;
    for (let i = p + 1; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) return i;
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** The key starting at `p`: its value, its end, and the offset after its `:`. */
  private key(p: number, end: number): { value: string | number | boolean | null; end: number; after: number } {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quotedEnd(p, end);
      if (text.charCodeAt(close) !== COLON || (close + 1 < end && text.charCodeAt(close + 1) !== SPACE) || close - p > MAX_KEY_LENGTH) throw BAIL;
      return { value: this.quotedValue(p, close), end: close, after: close + 1 };
    }
    const colon = this.plainKeyEnd(p, end);
    if (colon < 0 || colon - p > MAX_KEY_LENGTH) throw BAIL;
    // `name : x`: the blanks before the `:` are not the key's (the library's plain scalar ends before them).
    let keyEnd = colon;
    while (text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
    const value = plainScalarValue(text.slice(p, keyEnd));
    if (typeof value === 'number' && Number.isNaN(value)) throw BAIL; // never equal to itself: not worth following
    return { value, end: keyEnd, after: colon + 1 };
  }

  /**
   * The offset after the closing quote of a one-line quoted scalar starting at `p`. Escapes
   * (`\` in double quotes, `''` in single quotes) and a quote left open are outside the subset.
   */
  private quotedEnd(p: number, end: number): number {
    const close = this.quoteClose(p, end);
    if (close < 0) throw BAIL;
    return close + 1;
  }

  /**
   * The offset of the closing quote of a one-line quoted scalar starting at `p`, or -1 when it
   * is left open on its line or holds an escape outside scalar.ts's `ESCAPES` (`\x`, `\u`, `\U`: hex
   * forms the library may reject). Sets `escaped` for `quotedValue`.
   */
  private quoteClose(p: number, end: number): number {
    const text = this.text;
    const q = text.charCodeAt(p);
    this.escaped = false;
    for (let i = p + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === q) {
        // `''` is a quote inside single quotes.
        if (q === SQUOTE && i + 1 < end && text.charCodeAt(i + 1) === SQUOTE) {
          this.escaped = true;
          i++;
          continue;
        }
        return i;
      }
      if (c === BACKSLASH && q === DQUOTE) {
        // A `\<tab>` cannot occur: readSimpleYaml refuses tabs before reading.
        if (i + 1 >= end || !Object.hasOwn(ESCAPES, text[i + 1]!)) return -1;
        this.escaped = true;
        i++;
      }
    }
    return -1;
  }

  /**
   * The value of the quoted scalar at `p` whose end `quotedEnd` just returned (after the
   * closing quote): its content with `''` or the `\` escapes read as the library reads them.
   * tree.ts maps an escaped one-line scalar's range exactly (mapScalar), which gives the same
   * content range as an unescaped one: the first to the last source character inside the quotes.
   */
  private quotedValue(p: number, after: number): string {
    const content = this.text.slice(p + 1, after - 1);
    if (!this.escaped) return content;
    if (this.text.charCodeAt(p) === SQUOTE) return content.replace(/''/g, "'");
    let out = '';
    for (let i = 0; i < content.length; i++) {
      const ch = content[i]!;
      if (ch === '\\') out += ESCAPES[content[++i]!]!;
      else out += ch;
    }
    return out;
  }

  /**
   * After a line's scalar or flow collection ends at `p`: blanks, then the line end or a
   * comment (which needs a blank before it). Records the comment.
   */
  private lineRest(p: number, end: number): void {
    let i = p;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (i === end) return;
    if (this.text.charCodeAt(i) !== HASH || i === p) throw BAIL;
    this.comment(i, end);
  }

  /**
   * The value after a `:` or `-` at `p - 1` on the current line (which ends at `end`), in a
   * collection at column `parentIndent`. `mapIndent`: the column of the mapping the value
   * belongs to (-1 in a sequence), where a sequence may continue the value on the next lines.
   * `commentsBefore`: a sequence item whose tokens hold comments before its `-`.
   * Leaves `cur` on the line after the value (blank and comment lines skipped).
   */
  private value(p: number, end: number, parentIndent: number, mapIndent: number, depth: number, commentsBefore = false): Built {
    const text = this.text;
    const l = this.cur;
    let s = p;
    while (s < end && text.charCodeAt(s) === SPACE) s++;
    if (s < end && s === p) throw BAIL; // `key:x` is not a key; `-x` not an item (callers check, kept as a guard)
    if (s === end || text.charCodeAt(s) === HASH) {
      // Nothing on this line: a block collection on the next lines, or an empty value.
      const sameLineComment = s < end;
      if (sameLineComment) this.comment(s, end);
      this.cur = l + 1;
      this.skipToContent();
      const next = this.curIndent();
      const nextAt = next >= 0 ? this.starts[this.cur]! + next : -1;
      if (next > parentIndent || (next === mapIndent && next >= 0 && this.isDash(nextAt, this.ends[this.cur]!))) {
        if (next > parentIndent && this.scalarOnNextLine(nextAt, sameLineComment || this.tailComments || commentsBefore)) {
          // `key:` with its scalar on the next line (Azure/data-landing-zone's `scriptArguments:`):
          // read as if it followed the indicator, its range where it stands.
          return this.value(this.starts[this.cur]!, this.ends[this.cur]!, parentIndent, mapIndent, depth);
        }
        return this.blockNode(next, depth + 1);
      }
      // An empty value: the library's empty scalar sits after the indicator and the blanks after
      // it. The comments after it are its own tokens, up to the next line's content: with any
      // (or, for a sequence item, any before its `-`), its range[2] ends there
      // (composeEmptyNode), and no comment-only item trails it.
      const node: YamlScalar = { type: 'scalar', value: '', plain: true, range: this.lineMap.range(s, s) };
      this.sources?.set(node, { style: 'plain', start: s, end: s });
      this.trailingMax = -1;
      const withComments = sameLineComment || this.tailComments || commentsBefore;
      return { node, end1: s, end2: withComments ? this.nextContentStart() : s, emptyWithComments: withComments };
    }
    const c = text.charCodeAt(s);
    let built: Built;
    // The line the value ends on (a multi-line plain scalar's last line).
    let lastLine = l;
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quotedEnd(s, end);
      this.lineRest(close, end);
      const node: YamlScalar = { type: 'scalar', value: this.quotedValue(s, close), plain: false, range: this.lineMap.range(s + 1, close - 1) };
      this.sources?.set(node, { style: c === DQUOTE ? 'double' : 'single', start: s, end: close });
      built = { node, end1: close, end2: 0 };
    } else if (c === 0x7c || c === GT) {
      return this.blockScalar(s, end, parentIndent);
    } else if (c === 0x5b || c === 0x7b) {
      built = this.flow(s, end, depth);
    } else {
      if (!this.blockPlainStart(s, end)) throw BAIL;
      let e = s + 1;
      // Up to a comment or the line end; `: ` inside a value is a nested mapping (an error).
      while (e < end) {
        const ch = text.charCodeAt(e);
        if (ch === HASH && text.charCodeAt(e - 1) === SPACE) break;
        if (ch === COLON && (e + 1 === end || text.charCodeAt(e + 1) === SPACE)) throw BAIL;
        e++;
      }
      const commentAt = e;
      while (e > s && text.charCodeAt(e - 1) === SPACE) e--;
      let source = text.slice(s, e);
      // Without a comment, more indented lines below continue the scalar (a multi-line plain scalar).
      if (commentAt < end) this.comment(commentAt, end);
      else {
        const last = this.plainContinuation(l, parentIndent);
        if (last > l) {
          source = this.foldPlainLines(source, l + 1, last);
          e = this.ends[last]!;
          while (text.charCodeAt(e - 1) === SPACE) e--;
          lastLine = last;
        }
      }
      const v = plainScalarValue(source);
      const node: YamlScalar = { type: 'scalar', value: asText(v), plain: true, range: this.lineMap.range(s, e) };
      // A multi-line scalar's source spans lines: ci-tree-nodes.ts maps it by unfolding it again (scalar.ts).
      this.sources?.set(node, { style: 'plain', start: s, end: e });
      built = { node, end1: e, end2: 0 };
    }
    this.cur = lastLine + 1;
    this.skipToContent();
    // A more indented line after a one-line scalar (after a comment, or one this reader does not continue) is the library's.
    if (this.curIndent() > parentIndent) throw BAIL;
    built.end2 = this.oneLineEnd(lastLine, parentIndent);
    return built;
  }

  /**
   * The last line of a plain scalar starting on line `l` in a collection at column
   * `parentIndent` (`l` when the next content line is not more indented): the lines after it,
   * up to a comment line or a line not more indented, with empty lines among them. A line
   * holding `: ` or ` #` (a mapping or a comment inside the scalar) is outside the subset.
   */
  private plainContinuation(l: number, parentIndent: number): number {
    const text = this.text;
    let last = l;
    for (let j = l + 1; j < this.lineCount; j++) {
      const k = this.kinds[j];
      if (k === Kind.Blank) continue;
      if (k !== Kind.Content || this.indents[j]! <= parentIndent) break;
      const end = this.ends[j]!;
      for (let i = this.starts[j]! + this.indents[j]!; i < end; i++) {
        const ch = text.charCodeAt(i);
        if (ch === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) throw BAIL;
        if (ch === HASH && text.charCodeAt(i - 1) === SPACE) throw BAIL;
      }
      last = j;
    }
    return last;
  }

  /**
   * A multi-line plain scalar's value: its first line's text `first`, then lines `from` to
   * `last` folded as the library's unfoldLines folds them (resolve-flow-scalar.js): each line
   * trimmed; a line break between two text lines is a space, each empty line a line break.
   */
  private foldPlainLines(first: string, from: number, last: number): string {
    const text = this.text;
    let value = first;
    let sep = ' ';
    for (let j = from; j <= last; j++) {
      let a = this.starts[j]!;
      let b = this.ends[j]!;
      while (a < b && text.charCodeAt(a) === SPACE) a++;
      while (b > a && text.charCodeAt(b - 1) === SPACE) b--;
      if (a === b) {
        if (sep === '\n') value += sep;
        else sep = '\n';
      } else {
        value += sep + text.slice(a, b);
        sep = ' ';
      }
    }
    return value;
  }

  /**
   * Does the current line, more indented than the collection whose value it follows, hold a
   * scalar (not a key, a `-` item or a block scalar header) at `at`? Only without comments
   * before it (`comments`), whose placement this reader does not follow there.
   */
  private scalarOnNextLine(at: number, comments: boolean): boolean {
    if (comments || this.kinds[this.cur] !== Kind.Content) return false;
    const end = this.ends[this.cur]!;
    const c = this.text.charCodeAt(at);
    if (c === 0x7c || c === GT) throw BAIL;
    return !this.isDash(at, end) && !this.startsKey(at, end);
  }

  /**
   * A one-line flow collection at `s`: `{}`, `[]` or a sequence of one-line plain or quoted
   * scalars (`[a, "b"]`). Nested flow collections, flow mappings and pairs are outside the subset.
   */
  private flow(s: number, end: number, depth: number): Built {
    if (depth + 1 > MAX_DEPTH) throw BAIL;
    const text = this.text;
    if (text.charCodeAt(s) === 0x7b) {
      if (text.charCodeAt(s + 1) !== 0x7d) throw BAIL;
      this.lineRest(s + 2, end);
      return { node: { type: 'map', entries: [], range: this.lineMap.range(s, s + 2) }, end1: s + 2, end2: 0 };
    }
    const items: YamlTree[] = [];
    let p = s + 1;
    if (text.charCodeAt(p) !== 0x5d) {
      for (;;) {
        while (p < end && text.charCodeAt(p) === SPACE) p++;
        if (p >= end) throw BAIL;
        const c = text.charCodeAt(p);
        if (c === DQUOTE || c === SQUOTE) {
          const close = this.quotedEnd(p, end);
          items.push({ type: 'scalar', value: this.quotedValue(p, close), plain: false, range: this.lineMap.range(p + 1, close - 1) });
          p = close;
        } else {
          if (!plainStart(c) || c === DASH) throw BAIL;
          let e = p + 1;
          while (e < end) {
            const ch = text.charCodeAt(e);
            if (ch === 0x2c || ch === 0x5d) break;
            // Flow indicators, a pair, a comment, a nested quote: outside the subset.
            if (ch === 0x5b || ch === 0x7b || ch === 0x7d || ch === COLON || ch === HASH || ch === DQUOTE || ch === SQUOTE) throw BAIL;
            e++;
          }
          const stop = e;
          while (e > p && text.charCodeAt(e - 1) === SPACE) e--;
          items.push({ type: 'scalar', value: asText(plainScalarValue(text.slice(p, e))), plain: true, range: this.lineMap.range(p, e) });
          p = stop;
        }
        while (p < end && text.charCodeAt(p) === SPACE) p++;
        const sep = text.charCodeAt(p);
        if (sep === 0x5d) break;
        if (sep !== 0x2c) throw BAIL;
        p++;
        // A trailing comma (`[a, ]`) or an empty item: outside the subset.
        let q = p;
        while (q < end && text.charCodeAt(q) === SPACE) q++;
        if (q >= end || text.charCodeAt(q) === 0x5d || text.charCodeAt(q) === 0x2c) throw BAIL;
      }
    }
    const close = p + 1;
    this.lineRest(close, end);
    return { node: { type: 'seq', items, range: this.lineMap.range(s, close) }, end1: close, end2: 0 };
  }

  /**
   * A block scalar whose `|` or `>` is at `s` on the current line, in a collection at column
   * `parentIndent`: `|`, `|-`, `>` or `>-`, auto-detected indentation, content on the
   * following lines. `+` chomping, indentation indicators and leading empty lines longer than
   * the content's indentation (an error) are outside the subset. Leading empty lines (a line
   * break each) and more-indented empty lines (their extra spaces are content) are read.
   */
  private blockScalar(s: number, end: number, parentIndent: number): Built {
    const text = this.text;
    const l = this.cur;
    const folded = text.charCodeAt(s) === GT;
    let h = s + 1;
    const strip = text.charCodeAt(h) === DASH;
    if (strip) h++;
    if (h < end && text.charCodeAt(h) !== SPACE) throw BAIL;
    this.lineRest(h, end);
    // Content lines: from the next line while lines are blank or more indented than the parent.
    // Leading empty lines come first: each is a line break of the value.
    let first = l + 1;
    while (first < this.lineCount && this.kinds[first] === Kind.Blank) first++;
    // No content line (an empty value, which the library reads apart) or the end: the library's.
    if (first >= this.lineCount) throw BAIL;
    const m = this.indents[first]!;
    if (m <= parentIndent || this.kinds[first] === Kind.DocStart) throw BAIL;
    const leading = first - (l + 1);
    // A leading empty line longer than the content's indentation is an error for the library.
    for (let j = l + 1; j < first; j++) if (this.ends[j]! - this.starts[j]! > m) throw BAIL;
    let lastContent = first;
    // An empty line with more than m spaces is content: its spaces beyond m are in the value
    // (as the lines below copy them), also after the last line with text, where the library's
    // lexer keeps it (and the empty lines before it) in the scalar's source and its resolver
    // in the value ("trailing more-indented empty lines").
    let lastMoreIndented = -1;
    let i = first + 1;
    for (; i < this.lineCount; i++) {
      if (this.kinds[i] === Kind.Blank) {
        if (this.ends[i]! - this.starts[i]! > m) lastMoreIndented = i;
        continue;
      }
      const ind = this.indents[i]!;
      if (ind <= parentIndent || (ind === 0 && this.kinds[i] === Kind.DocStart)) break;
      if (ind < m) throw BAIL; // less indented than the first line: an error
      lastContent = i;
    }
    if (lastMoreIndented > lastContent) lastContent = lastMoreIndented;
    // The value: a line break per leading empty line, then each line without its first m
    // columns, joined by line breaks (literal) or folded.
    let value = '\n'.repeat(leading);
    if (folded) value += this.foldedLines(first, lastContent, m);
    else {
      for (let j = first; j <= lastContent; j++) {
        const a = this.starts[j]!;
        const b = this.ends[j]!;
        if (j > first) value += '\n';
        if (b - a > m) value += text.slice(a + m, b);
      }
    }
    const lastEnd = this.ends[lastContent]!;
    if (!strip) value += '\n';
    // mapScalar's exact mapping: the first content character (or the line break of the first
    // leading empty line) to the last value character (a clipped value's final line break
    // maps to the line break after the last content line, `\r\n` both). Folding changes
    // neither: a fold's space or line break maps to a break between the two.
    const contentStart = leading > 0 ? this.ends[l + 1]! : this.starts[first]! + m;
    const contentEnd = strip ? lastEnd : lastEnd + this.breakLength(lastContent);
    const end1 = this.afterLine(lastContent);
    const node: YamlScalar = { type: 'scalar', value, plain: false, range: this.lineMap.range(contentStart, contentEnd) };
    const style = folded ? (strip ? 'folded-strip' : 'folded') : strip ? 'literal-strip' : 'literal';
    const source: ScalarSource = { style, start: s, end: end1, indent: m };
    if (leading > 0) source.leading = leading;
    this.sources?.set(node, source);
    this.cur = lastContent + 1;
    this.skipToContent();
    if (this.curIndent() > parentIndent) throw BAIL;
    // A block scalar has no trailing tokens: every comment after it is in the comment-only item.
    this.trailingMax = this.tailMaxIndent;
    return { node, end1, end2: end1 };
  }

  /**
   * The folded content of lines `first` to `last` (each indented by at least `m`), as the
   * library's resolveBlockScalar folds them (yaml/dist/compose/resolve-block-scalar.js): a
   * line break between two text lines becomes a space; an empty line is a line break; lines
   * more indented than `m` (empty ones too) keep their line breaks and extra indentation.
   */
  private foldedLines(first: number, last: number, m: number): string {
    const text = this.text;
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    for (let j = first; j <= last; j++) {
      const a = this.starts[j]!;
      const b = this.ends[j]!;
      const empty = this.kinds[j] === Kind.Blank;
      const indent = empty ? b - a : this.indents[j]!;
      if (indent > m) {
        if (sep === ' ') sep = '\n';
        else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
        value += sep + text.slice(a + m, b);
        sep = '\n';
        prevMoreIndented = true;
      } else if (empty) {
        if (sep === '\n') value += '\n';
        else sep = '\n';
      } else {
        value += sep + text.slice(a + m, b);
        sep = ' ';
        prevMoreIndented = false;
      }
    }
    return value;
  }
}

function rangeStart(node: YamlTree): number {
  return node.range.start.offset;
}

/**
 * `parseYamlFile`'s result for `text` when it is written in the subset this reader follows
 * exactly, else undefined (the caller then reads it with the library). Never throws.
 * `sources`: a table to fill with how each value scalar was written (`ScalarSource`).
 */
export function readSimpleYaml(text: string, lineMap: LineMap, sources?: ScalarSources): ParsedYaml | undefined {
  if (!plainCharacters(text)) return undefined;
  const reader = new Reader(text, lineMap, sources);
  if (!reader.scanLines()) return undefined;
  const out: ParsedYaml = { text, lineMap, errors: [], comments: reader.comments, blocks: reader.blocks, roots: [], documents: [], soundDocuments: [] };
  try {
    reader.read(out);
  } catch {
    // Outside the subset (BAIL); any other failure would be a bug of this reader, and the
    // library still reads the text exactly: a user's file never fails for it. The
    // differential test counts the texts taken, so such a bug shows there.
    return undefined;
  }
  // The reader takes only texts without errors: every document is sound.
  out.soundDocuments = out.documents;
  addRootBlocks(out);
  return out;
}

/**
 * Characters whose reading this module does not follow: tab, a `\r` not before `\n` and
 * every other control character but `\n`, DEL and the C1 controls, and every Unicode blank or
 * line separator that `/\s/` matches (NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+205F,
 * U+3000, the BOM), where the library and blocks.ts's trimming may differ. U+202F (narrow
 * NBSP, which editors put in `${{ secrets.X }}` in Azure/actions-workflow-samples) is
 * read: the differential tests insert it everywhere. One regex test, not a character loop:
 * compiled code from the first call (every run is cold).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const OUTSIDE_CHARACTERS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u205f\u3000\ufeff]|\r(?!\n)/;

function plainCharacters(text: string): boolean {
  return !OUTSIDE_CHARACTERS.test(text);
}
