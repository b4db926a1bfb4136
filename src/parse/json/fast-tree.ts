/**
 * A single-pass JSON tree builder for the common case: strict JSON (plus trailing commas),
 * no comments, no syntax error. It builds exactly the node tree jsonc-parser's `parseTree`
 * builds (same node types, offsets, lengths, values, key nodes, `colonOffset`, `parent`
 * links, property order within each node) but without the scanner's token strings, the
 * visitor's closures and the path bookkeeping, and with the nesting guard folded in.
 *
 * It gives up (returns undefined) on anything it does not fully understand, and the caller
 * then takes jsonc-parser's path, which reports errors with positions: a syntax error of
 * any kind, a comment, a raw control character or line break inside a string, an escape
 * other than the eight JSON ones, a `\u` without four hex digits, whitespace other than
 * space/tab/CR/LF (jsonc-parser treats the rest as an invalid symbol), a number that does
 * not match the JSON grammar, empty content, or nesting deeper than `maxDepth`.
 *
 * No recursion: open containers are followed through `parent` links, so hostile nesting
 * costs neither stack nor more than `maxDepth` levels of work before giving up.
 */
import type { Node as JsonNode } from 'jsonc-parser';

/** jsonc-parser's Node while it is being built (its published type is read-only). */
interface BuildNode {
  type: JsonNode['type'];
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: BuildNode;
  children?: BuildNode[];
}

// Char codes.
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const UPPER_E = 0x45;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const LOWER_E = 0x65;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Integers of at most this many digits are exact in a double: accumulate them digit by digit. */
const EXACT_INT_DIGITS = 15;

/** jsonc-parser's whitespace and line breaks; anything else between tokens is an error there. */
function skipTrivia(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === LF || c === CR || c === TAB) i++;
    else return i;
  }
}

/**
 * The node tree of `text` as jsonc-parser's `parseTree(text, [], { allowTrailingComma: true })`
 * builds it for input without errors and comments, or undefined when the input needs
 * jsonc-parser (see the file comment). `start` skips a byte order mark. `bracketStrings`, when
 * given, receives every string node (key or value) whose value starts with `[`, in text order.
 */
export function fastParseTree(text: string, maxDepth: number, start = 0, bracketStrings?: JsonNode[]): JsonNode | undefined {
  bracketOut = bracketStrings as BuildNode[] | undefined;
  try {
    return buildTree(text, maxDepth, start);
  } finally {
    // Not kept past the parse: the list holds the tree (and its strings, the file's text).
    bracketOut = undefined;
  }
}

function buildTree(text: string, maxDepth: number, start: number): JsonNode | undefined {
  const n = text.length;
  // The artificial root jsonc-parser builds: the top-level value's parent until the end.
  const top: BuildNode = { type: 'array', offset: -1, length: -1, children: [], parent: undefined };
  /** The node that takes the next value: an array, a property, or `top`. */
  let cur: BuildNode = top;
  let depth = 0;
  let i = skipTrivia(text, start);
  if (i >= n) return undefined;
  for (;;) {
    // A value starts at i.
    const c = text.charCodeAt(i);
    let end: number;
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return undefined;
      const node: BuildNode = { type: c === OPEN_BRACE ? 'object' : 'array', offset: i, length: -1, parent: cur, children: [] };
      attach(cur, node);
      i = skipTrivia(text, i + 1);
      const d = text.charCodeAt(i);
      if (d === (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        node.length = i + 1 - node.offset;
        depth--;
        end = i + 1;
      } else if (c === OPEN_BRACE) {
        const prop = openProperty(text, i, node);
        if (prop === undefined) return undefined;
        cur = prop;
        i = skipTrivia(text, prop.colonOffset! + 1);
        continue;
      } else {
        cur = node;
        continue;
      }
    } else {
      end = leafEnd(text, i, cur);
      if (end < 0) return undefined;
    }
    // A value ended at `end`: complete its property and every container it closes.
    for (;;) {
      if (cur.type === 'property') {
        cur.length = end - cur.offset;
        cur = cur.parent!;
      }
      if (cur === top) {
        if (skipTrivia(text, end) !== n) return undefined;
        const root = top.children![0]!;
        // jsonc-parser deletes the root's link to its artificial parent.
        delete root.parent;
        return root as JsonNode;
      }
      i = skipTrivia(text, end);
      const closer = cur.type === 'object' ? CLOSE_BRACE : CLOSE_BRACKET;
      let d = text.charCodeAt(i);
      if (d === COMMA) {
        i = skipTrivia(text, i + 1);
        d = text.charCodeAt(i);
        // A trailing comma: allowTrailingComma, and no node records it.
        if (d !== closer) break;
      }
      if (d !== closer) return undefined;
      cur.length = i + 1 - cur.offset;
      depth--;
      end = i + 1;
      cur = cur.parent!;
    }
    // After a comma: the next member or element starts at i.
    if (cur.type === 'object') {
      const prop = openProperty(text, i, cur);
      if (prop === undefined) return undefined;
      cur = prop;
      i = skipTrivia(text, prop.colonOffset! + 1);
    }
  }
}

/**
 * Where the parse in progress collects its string nodes (keys and values) whose value starts
 * with `[` (`fastParseTree`'s `bracketStrings`), or undefined. A variable, as `stringHasEscape`,
 * so that the readers of strings take no extra argument.
 */
let bracketOut: BuildNode[] | undefined;

/** Adds a value node to the array, property or artificial root that takes it. */
function attach(parent: BuildNode, node: BuildNode): void {
  if (parent.type === 'property') parent.children![1] = node;
  else parent.children!.push(node);
}

/**
 * Reads `"key" :` at i into a property node of `obj` (with its key node and colonOffset).
 * Undefined unless a well-formed key and a colon are there.
 */
function openProperty(text: string, i: number, obj: BuildNode): BuildNode | undefined {
  if (text.charCodeAt(i) !== QUOTE) return undefined;
  const keyEnd = stringEnd(text, i);
  if (keyEnd < 0) return undefined;
  const colon = skipTrivia(text, keyEnd);
  if (text.charCodeAt(colon) !== COLON) return undefined;
  // Property order as jsonc-parser creates them (it adds colonOffset last). colonOffset is in
  // the literal, not added afterwards: a property added to a finished literal goes to a
  // separate backing store, one more allocation per member (issue 15: ~15 % of the tree's bytes).
  const prop: BuildNode = { type: 'property', offset: i, length: -1, parent: obj, children: undefined, colonOffset: colon };
  const keyValue = stringValue(text, i, keyEnd, stringHasEscape);
  const key: BuildNode = { type: 'string', value: keyValue, offset: i, length: keyEnd - i, parent: prop };
  if (bracketOut !== undefined && keyValue.charCodeAt(0) === OPEN_BRACKET) bracketOut.push(key);
  // Exactly two slots (a pushed-to `[]` reserves 17): the key stands in for the value until
  // attach() puts the value there; the tree is only returned once every property has one.
  prop.children = [key, key];
  obj.children!.push(prop);
  return prop;
}

/** Reads a string, number or keyword at i into a leaf node of `parent`; its end, or -1. */
function leafEnd(text: string, i: number, parent: BuildNode): number {
  const c = text.charCodeAt(i);
  let end: number;
  let value: unknown;
  let type: JsonNode['type'];
  if (c === QUOTE) {
    end = stringEnd(text, i);
    if (end < 0) return -1;
    value = stringValue(text, i, end, stringHasEscape);
    type = 'string';
  } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
    end = numberEnd(text, i);
    if (end < 0) return -1;
    value = numberValue(text, i, end);
    type = 'number';
  } else if (text.startsWith('true', i)) {
    end = i + 4;
    value = true;
    type = 'boolean';
  } else if (text.startsWith('false', i)) {
    end = i + 5;
    value = false;
    type = 'boolean';
  } else if (text.startsWith('null', i)) {
    end = i + 4;
    value = null;
    type = 'null';
  } else return -1;
  // A keyword or number must end at trivia or punctuation (`truex`, `1a` are errors); the
  // caller checks that the next non-trivia character is `,`, the closer or the end of text.
  const node: BuildNode = { type, offset: i, length: end - i, parent, value };
  attach(parent, node);
  if (bracketOut !== undefined && type === 'string' && (value as string).charCodeAt(0) === OPEN_BRACKET) bracketOut.push(node);
  return end;
}

/**
 * Whether the string stringEnd last accepted has an escape: read right after stringEnd, it
 * spares stringValue a second look for a backslash (nearly no string has one). A result
 * variable rather than a returned pair, so that reading a string allocates nothing more.
 */
let stringHasEscape = false;

/**
 * The offset after the closing quote of the string starting at i, or -1 for anything
 * jsonc-parser would report or decode in its own way: unterminated, a raw control
 * character (line breaks included), an escape other than \" \\ \/ \b \f \n \r \t \uXXXX.
 */
function stringEnd(text: string, i: number): number {
  const n = text.length;
  stringHasEscape = false;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    if (c < SPACE) return -1;
    if (c === BACKSLASH) {
      stringHasEscape = true;
      const e = text.charCodeAt(++j);
      if (e === 0x75 /* u */) {
        if (!(isHex(text.charCodeAt(j + 1)) && isHex(text.charCodeAt(j + 2)) && isHex(text.charCodeAt(j + 3)) && isHex(text.charCodeAt(j + 4)))) return -1;
        j += 4;
      } else if (!isSimpleEscape(e)) return -1;
    }
  }
  return -1;
}

function isHex(c: number): boolean {
  return hexValue(c) >= 0;
}

function hexValue(c: number): number {
  if (c >= ZERO && c <= NINE) return c - ZERO;
  if (c >= 0x41 /* A */ && c <= 0x46 /* F */) return c - 0x41 + 10;
  if (c >= 0x61 /* a */ && c <= 0x66 /* f */) return c - 0x61 + 10;
  return -1;
}

/** \" \\ \/ \b \f \n \r \t */
function isSimpleEscape(c: number): boolean {
  return c === QUOTE || c === BACKSLASH || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74;
}

const SIMPLE_ESCAPES: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

/**
 * The decoded value of the string text[i, end) that stringEnd just accepted. Without escapes
 * (nearly always) it is one substring; escapes decode as jsonc-parser's scanner does (a \u
 * escape is one UTF-16 unit, so a surrogate pair is two escapes and a lone one stays lone).
 */
function stringValue(text: string, i: number, end: number, hasEscape: boolean): string {
  const last = end - 1;
  if (!hasEscape) return text.substring(i + 1, last);
  let out = '';
  let from = i + 1;
  for (let j = from; j < last; ) {
    if (text.charCodeAt(j) !== BACKSLASH) {
      j++;
      continue;
    }
    out += text.substring(from, j);
    const e = text.charCodeAt(j + 1);
    if (e === 0x75 /* u */) {
      const unit = hexValue(text.charCodeAt(j + 2)) * 4096 + hexValue(text.charCodeAt(j + 3)) * 256 + hexValue(text.charCodeAt(j + 4)) * 16 + hexValue(text.charCodeAt(j + 5));
      out += String.fromCharCode(unit);
      j += 6;
    } else {
      out += SIMPLE_ESCAPES[e];
      j += 2;
    }
    from = j;
  }
  return out + text.substring(from, last);
}

/**
 * The end of the JSON number at i (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`), or -1
 * where jsonc-parser's scanner reports an error (`-`, `1.`, `1e`). A leading zero followed by a
 * digit ends the number there, as in jsonc-parser, and the caller then fails on the digit.
 */
function numberEnd(text: string, i: number): number {
  let j = i;
  if (text.charCodeAt(j) === MINUS) j++;
  let c = text.charCodeAt(j);
  if (c === ZERO) j++;
  else if (c > ZERO && c <= NINE) j = digitsEnd(text, j + 1);
  else return -1;
  if (text.charCodeAt(j) === DOT) {
    const k = digitsEnd(text, j + 1);
    if (k === j + 1) return -1;
    j = k;
  }
  c = text.charCodeAt(j);
  if (c === UPPER_E || c === LOWER_E) {
    j++;
    c = text.charCodeAt(j);
    if (c === PLUS || c === MINUS) j++;
    const k = digitsEnd(text, j);
    if (k === j) return -1;
    j = k;
  }
  return j;
}

function digitsEnd(text: string, j: number): number {
  for (;;) {
    const c = text.charCodeAt(j);
    if (c >= ZERO && c <= NINE) j++;
    else return j;
  }
}

/**
 * Number(token), as jsonc-parser computes it; short integers (most numbers in templates:
 * counts, ports, sizes) are accumulated without making the token string.
 */
function numberValue(text: string, i: number, end: number): number {
  const neg = text.charCodeAt(i) === MINUS;
  const from = neg ? i + 1 : i;
  if (end - from > EXACT_INT_DIGITS) return Number(text.substring(i, end));
  let v = 0;
  for (let j = from; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c < ZERO || c > NINE) return Number(text.substring(i, end));
    v = v * 10 + (c - ZERO);
  }
  // -0 stays -0, as Number('-0') does.
  return neg ? -v : v;
}
