/**
 * Positioned JSONC parsing (ARM templates and parameter files allow comments and
 * trailing commas). Never throws: syntax errors come back with exact ranges.
 */
import { createScanner, findNodeAtOffset, parseTree } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { LineMap } from '../../core/source.js';
import type { Location, Range } from '../../core/source.js';
import { bool, list, nul, num, obj, str, unknown } from '../../core/value.js';
import type { Value } from '../../core/value.js';
import { MAX_NESTING_DEPTH, nestingMessage } from '../nesting.js';
import { fastParseTree } from './fast-tree.js';

export type { JsonNode };

export interface JsonError {
  message: string;
  range: Range;
}

export interface JsonComment {
  /** The full comment text including `//` or `/* … *\/`. */
  text: string;
  range: Range;
}

export interface ParsedJson {
  file: string;
  text: string;
  lineMap: LineMap;
  root?: JsonNode;
  errors: JsonError[];
  comments: JsonComment[];
}

// jsonc-parser's const enums cannot be used under isolatedModules: numeric codes.
const ERROR_MESSAGES: Record<number, string> = {
  1: 'Invalid symbol',
  2: 'Invalid number format',
  3: 'Expected a property name here',
  4: 'Expected a value here',
  5: "Expected a colon ':' here",
  6: 'Expected a comma here',
  7: "Expected a closing '}' here",
  8: "Expected a closing ']' here",
  9: 'Expected end of file: unexpected content after the JSON value',
  10: 'Invalid comment token',
  11: 'Unterminated block comment',
  12: 'Unterminated string',
  13: 'Unexpected end of number',
  14: 'Invalid unicode escape sequence',
  15: 'Invalid escape character in string',
  16: 'Invalid character in string (control characters must be escaped)',
};

const TOKEN_LINE_COMMENT = 12;
const TOKEN_BLOCK_COMMENT = 13;
const TOKEN_EOF = 17;
const ERROR_COMMA_EXPECTED = 6;

function commaMessage(root: JsonNode | undefined, offset: number): string {
  if (!root) return ERROR_MESSAGES[ERROR_COMMA_EXPECTED]!;
  let n: JsonNode | undefined = findNodeAtOffset(root, offset, true) ?? root;
  while (n && n.type !== 'object' && n.type !== 'array') n = n.parent;
  if (n?.type === 'object') return "Expected a comma or '}' here";
  if (n?.type === 'array') return "Expected a comma or ']' here";
  return ERROR_MESSAGES[ERROR_COMMA_EXPECTED]!;
}

/** Parses JSON with comments and trailing commas. Never throws. */
export function parseJsonc(text: string, file: string): ParsedJson {
  const lineMap = new LineMap(text);
  // Nearly every file is strict JSON: one pass builds jsonc-parser's tree without its
  // scanner, visitor and pre-passes. Anything else (comments, errors, raw line breaks in
  // strings, deep nesting…) takes jsonc-parser's path below, which reports it.
  const brackets: JsonNode[] = [];
  const fast = fastParseTree(text, MAX_NESTING_DEPTH, text.charCodeAt(0) === 0xfeff ? 1 : 0, brackets);
  if (fast) {
    BRACKET_STRINGS.set(fast, brackets);
    return { file, text, lineMap, root: fast, errors: [], comments: [] };
  }
  return parseJsoncTolerant(text, file, lineMap);
}

/**
 * jsonc-parser's tolerant parse, with the ARM multi-line strings, the nesting guard and the
 * comments: what parseJsonc does when the fast path gives up. Exported for the differential
 * test (test/parse/json-fast-tree.test.ts), which holds both paths to the same result.
 */
export function parseJsoncTolerant(text: string, file: string, lineMap = new LineMap(text)): ParsedJson {
  // A BOM becomes a space: same offsets, and jsonc-parser treats it as trivia.
  const bomless = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  // ARM (Newtonsoft) accepts raw line breaks inside strings: blank them for jsonc-parser
  // (same offsets) and re-read those strings' values from the original text afterwards.
  const { src, multiline } = blankLineBreaksInStrings(bomless);
  const rawErrors: ParseError[] = [];
  let root: JsonNode | undefined;
  // jsonc-parser and every walk over its tree recurse once per level: refuse deep input first.
  const tooDeep = nestingOverflow(src, MAX_NESTING_DEPTH);
  if (tooDeep !== undefined) {
    return { file, text, lineMap, errors: [{ message: nestingMessage(), range: lineMap.range(tooDeep, tooDeep + 1) }], comments: [] };
  }
  try {
    root = parseTree(src, rawErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (e) {
    return {
      file,
      text,
      lineMap,
      errors: [{ message: `JSON parser failure: ${(e as Error).message}`, range: lineMap.range(0, 0) }],
      comments: [],
    };
  }
  if (root && multiline.size) fixMultilineStrings(root, bomless, multiline);
  const errors: JsonError[] = rawErrors.map((e) => ({
    message: e.error === ERROR_COMMA_EXPECTED ? commaMessage(root, e.offset) : (ERROR_MESSAGES[e.error] ?? `JSON syntax error ${e.error}`),
    range: lineMap.range(e.offset, e.offset + e.length),
  }));
  if (root === undefined && errors.length === 0) errors.push({ message: 'Empty JSON document', range: lineMap.range(0, 0) });
  return { file, text, lineMap, root, errors, comments: scanComments(src, lineMap) };
}

/**
 * What strict JSON (RFC 8259: no comments, no trailing commas) refuses in a text `parseJsonc`
 * read without errors: the first such place, or undefined. For formats whose own parser is strict
 * (Terraform's `.tf.json`: hashicorp/hcl's JSON parser, "JSON does not permit a trailing comma").
 */
export function strictJsonError(parsed: ParsedJson): JsonError | undefined {
  const first = parsed.comments[0];
  if (first) return { message: 'Comments are not allowed in JSON syntax; write a "//" property instead', range: first.range };
  // Both parsers take trailing commas (ARM does): look only where the text may hold one.
  if (!/,\s*[}\]]/.test(parsed.text)) return undefined;
  const errors: ParseError[] = [];
  parseTree(parsed.text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: false });
  const e = errors[0];
  if (!e) return undefined;
  // jsonc-parser stops at the closing bracket; the comma before it is the thing to remove.
  let comma = e.offset - 1;
  while (comma > 0 && /\s/.test(parsed.text[comma]!)) comma--;
  if (parsed.text[comma] !== ',') return undefined;
  return { message: 'Trailing comma: JSON does not permit a comma after the last property or item; remove it', range: parsed.lineMap.range(comma, comma + 1) };
}

/**
 * The offset of the first `[` or `{` that opens more than `max` nested levels, or undefined.
 * Strings and comments are skipped; one linear pass, no recursion.
 */
export function nestingOverflow(text: string, max: number): number | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    }
  }
  return undefined;
}

/** Replaces CR/LF inside string literals by spaces; returns the start offsets of those strings. */
function blankLineBreaksInStrings(text: string): { src: string; multiline: Set<number> } {
  const multiline = new Set<number>();
  if (!/"[^"\r\n]*[\r\n]/.test(text)) return { src: text, multiline };
  const out: string[] = [];
  let last = 0;
  let i = 0;
  const n = text.length;
  // Char codes, not one-character strings: this runs over most ARM files (the pre-check above
  // also matches a string's closing quote at the end of a line).
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
    } else if (c === 0x22 /* " */) {
      const start = i;
      i++;
      let breaks: number[] | undefined;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x22) break;
        if (d === 0x5c /* \ */) i += 2;
        else {
          if (d === 0x0a || d === 0x0d) (breaks ??= []).push(i);
          i++;
        }
      }
      // Only a string that closes and is followed by JSON punctuation spans lines; otherwise
      // it is a genuinely unterminated string and jsonc-parser reports it.
      if (i < n && breaks && /^\s*([,}\]:]|$)/.test(text.slice(i + 1, i + 200))) {
        multiline.add(start);
        for (const b of breaks) {
          out.push(text.slice(last, b), ' ');
          last = b + 1;
        }
      }
      i++;
    } else i++;
  }
  if (!multiline.size) return { src: text, multiline };
  out.push(text.slice(last));
  return { src: out.join(''), multiline };
}

function fixMultilineStrings(node: JsonNode, text: string, starts: Set<number>): void {
  if (node.type === 'string' && starts.has(node.offset)) {
    const raw = text.slice(node.offset + 1, node.offset + node.length - 1).replace(/\r\n|\r|\n/g, (m) => (m === '\r\n' ? '\\r\\n' : m === '\r' ? '\\r' : '\\n'));
    try {
      (node as { value: unknown }).value = JSON.parse(`"${raw}"`);
    } catch {
      // keep jsonc-parser's value
    }
  }
  for (const c of node.children ?? []) fixMultilineStrings(c, text, starts);
}

function scanComments(text: string, lineMap: LineMap): JsonComment[] {
  const out: JsonComment[] = [];
  // Cheap pre-check: most ARM files have no comment at all (but nearly all have `//` in the
  // `$schema` URL, so looking for `//` anywhere does not tell).
  if (!hasComment(text)) return out;
  const scanner = createScanner(text, false);
  for (let guard = 0; guard < text.length + 2; guard++) {
    const kind = scanner.scan() as number;
    if (kind === TOKEN_EOF) break;
    if (kind === TOKEN_LINE_COMMENT || kind === TOKEN_BLOCK_COMMENT) {
      const start = scanner.getTokenOffset();
      const end = start + scanner.getTokenLength();
      out.push({ text: text.slice(start, end), range: lineMap.range(start, end) });
    }
  }
  return out;
}

/**
 * Does jsonc-parser's scanner meet a comment in `text`? Outside strings every `//` and `/*`
 * starts one; a string ends at its closing quote or at a line break (unterminated), and a
 * backslash in it takes the next character. One pass over char codes, no tokens made.
 */
function hasComment(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x22 || d === 0x0a || d === 0x0d) break;
        if (d === 0x5c /* \ */) i++;
      }
    } else if (c === 0x2f /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 0x2f || d === 0x2a) return true;
    }
  }
  return false;
}

/** The `[…` string nodes of each tree the fast path built (released with the tree). */
const BRACKET_STRINGS = new WeakMap<JsonNode, readonly JsonNode[]>();

/**
 * Every string node (key or value) of `node`'s subtree whose value starts with `[` — every
 * ARM expression, and the `[[` escapes — in text order, as parseJsonc's fast path collected
 * them; undefined for a tree from the tolerant path (walk it instead). Spares a walk of the
 * whole tree to find them (issue 15: a template's tree has ~15 times more nodes).
 */
export function bracketStrings(node: JsonNode): readonly JsonNode[] | undefined {
  let top = node;
  while (top.parent) top = top.parent;
  const all = BRACKET_STRINGS.get(top);
  if (all === undefined || top === node) return all;
  // A subtree's nodes are the ones within its text (a nested deployment's template).
  const end = node.offset + node.length;
  return all.filter((n) => n.offset >= node.offset && n.offset < end);
}

/** The Location of a JSON node (the whole value, quotes included for strings). */
export function nodeLocation(parsed: { file: string; lineMap: LineMap }, node: JsonNode, label?: string): Location {
  const loc: Location = { file: parsed.file, range: parsed.lineMap.range(node.offset, node.offset + node.length) };
  if (label !== undefined) loc.label = label;
  return loc;
}

/** Object member node (the `property` node) by key: exact first, then case-insensitive. */
export function propertyNode(objNode: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!objNode || objNode.type !== 'object' || !objNode.children) return undefined;
  let ci: JsonNode | undefined;
  const lower = key.toLowerCase();
  for (const p of objNode.children) {
    const k = p.children?.[0]?.value;
    if (typeof k !== 'string') continue;
    if (k === key) return p;
    if (!ci && sameKeyIgnoringCase(k, lower)) ci = p;
  }
  return ci;
}

/**
 * Whether object key `k` is `lower` (a lower-cased name) ignoring case, as ARM compares property
 * names. A key whose lower case is an ASCII string has that string's length: the only characters
 * that lower-case into ASCII are A–Z and the Kelvin sign (K → k), one for one (İ becomes i and a
 * combining dot, not ASCII). So a key of another length cannot match an ASCII name, and needs no
 * lower-cased copy (issue 15: getProp asks every resource object for absent members, and
 * lower-cased each of its keys each time).
 */
export function sameKeyIgnoringCase(k: string, lower: string): boolean {
  return (k.length === lower.length || !isAscii(lower)) && k.toLowerCase() === lower;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The value node of an object member (case-insensitive fallback). */
export function getProp(objNode: JsonNode | undefined, key: string): JsonNode | undefined {
  return propertyNode(objNode, key)?.children?.[1];
}

/** The members of an object node as [key, keyNode, valueNode] in order. */
export function members(objNode: JsonNode | undefined): [string, JsonNode, JsonNode][] {
  const out: [string, JsonNode, JsonNode][] = [];
  if (!objNode || objNode.type !== 'object' || !objNode.children) return out;
  for (const p of objNode.children) {
    const k = p.children?.[0];
    const v = p.children?.[1];
    if (k && v && typeof k.value === 'string') out.push([k.value, k, v]);
  }
  return out;
}

/** Location of the key of member `key` of an object node (the `"name"` text, quotes included). */
export function keyLocation(parsed: { file: string; lineMap: LineMap }, objNode: JsonNode | undefined, key: string, label?: string): Location | undefined {
  const k = propertyNode(objNode, key)?.children?.[0];
  return k ? nodeLocation(parsed, k, label) : undefined;
}

/** Location of a whole member `"key": value` (key start to value end). */
export function memberLocation(parsed: { file: string; lineMap: LineMap }, objNode: JsonNode | undefined, key: string, label?: string): Location | undefined {
  const p = propertyNode(objNode, key);
  return p ? nodeLocation(parsed, p, label) : undefined;
}

/** Plain JavaScript value of a node (jsonc-parser's getNodeValue, without throwing). */
export function nodeToJS(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, , v] of members(node)) out[k] = nodeToJS(v);
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeToJS);
    default:
      return node.value as unknown;
  }
}

/** Converts a JSON node to a Value; every node's `origin` is the Location of that JSON value. */
export function nodeToValue(parsed: { file: string; lineMap: LineMap }, node: JsonNode): Value {
  const origin = nodeLocation(parsed, node);
  switch (node.type) {
    case 'string':
      return str(String(node.value), origin);
    case 'number':
      return num(Number(node.value), origin);
    case 'boolean':
      return bool(Boolean(node.value), origin);
    case 'null':
      return nul(origin);
    case 'array':
      return list((node.children ?? []).map((c) => nodeToValue(parsed, c)), origin);
    case 'object': {
      const m = new Map<string, Value>();
      const keyOrigins = new Map<string, Location>();
      for (const [k, keyNode, v] of members(node)) {
        m.set(k, nodeToValue(parsed, v));
        keyOrigins.set(k, nodeLocation(parsed, keyNode));
      }
      return { ...obj(m, origin), keyOrigins };
    }
    default:
      return unknown('unparsable JSON value', origin);
  }
}
