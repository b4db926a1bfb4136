/**
 * azapi v1 takes `body` as a JSON string: `jsonencode({...})` (read as the object by
 * `instance.ts`), a heredoc of JSON, or any other string. The provider decodes it, so the
 * linter reads the decoded object, never the text (an unread string would make every property
 * "not set").
 *
 * A heredoc (`<<BODY` or `<<-BODY`) whose interpolations each sit inside a JSON string is
 * positioned: every decoded character maps back to where it is written (the heredoc's line,
 * plus the indentation a `<<-` heredoc removed, plus one for each `$${`/`%%{` escape before it
 * on its line), so each value is located at its own line and column and each member is where
 * the body writes that property (the consuming attribute, as for `jsonencode({...})`). A JSON
 * string that is exactly one interpolation (`"${var.pna}"`) is that expression's value, with
 * its origin (the variable's default, the `.tfvars` line); a string with an interpolation among
 * other text is a string written at the heredoc property, known only when every piece is.
 * Any other string (an interpolation outside a JSON string, a template directive, a quoted
 * string) gives its values the string's origin, as `jsondecode()` does; a JSON file's text
 * (`file("acr.json")`) gives them their places in that file. Text that is not JSON is unknown.
 */
import type { Location, Position } from '../../core/source.js';
import { bool, derived, fromJS, list, nul, num, obj, str, unknown, withProvenanceOf, type Value } from '../../core/value.js';
import type { Expression, TemplateInterpolation, TemplateLiteral } from '../../parse/hcl/ast.js';
import { nestingOverflow, parseJsonc, type JsonNode } from '../../parse/json/index.js';
import { MAX_STRING_LENGTH } from './expressions.js';
import { asString } from './functions.js';

/** Deeper JSON than this is not decoded (the same cap as `jsondecode()`). */
const MAX_NESTING_DEPTH = 64;

/** Interpolations stand in the JSON text as one private-use character each: U+E000 + index. */
const HOLE_BASE = 0xe000;
const MAX_HOLES = 0xf8ff - HOLE_BASE + 1;

/**
 * Members whose path is longer than this are not recorded as sites (their findings point at
 * their value, or the body): each recorded path is a key of its own, so long keys under long
 * keys would cost their length again for every member.
 */
const MAX_SITE_PATH = 1024;

export interface BodyDecoding {
  /** The file the attribute is written in. */
  file: string;
  /** Evaluates an expression in the attribute's context (the whole string, each interpolation). */
  evaluate(e: Expression): Value;
  /** Records where a member of the decoded body is written: `body.properties.x`, `body.rules[0]`. */
  member(path: string, at: Location): void;
}

/** The value of azapi v1's `body = expr` where `expr` is not `jsonencode(…)`. */
export function decodeJsonBody(expr: Expression, d: BodyDecoding): Value {
  const positioned = positionedHeredoc(expr, d);
  if (positioned) return positioned;
  const v = d.evaluate(expr);
  if (v.kind !== 'string') return v;
  if (nestingOverflow(v.value, MAX_NESTING_DEPTH) !== undefined) return unknown(`body: JSON nested deeper than ${MAX_NESTING_DEPTH} levels`, v.origin);
  // `body = file("acr.json")`: the document as the file writes it, each value at its line there.
  if (v.document) return v.document;
  try {
    return fromJS(JSON.parse(v.value), v.origin);
  } catch {
    return unknown('body is a string that is not JSON', v.origin);
  }
}

/**
 * A stretch of the JSON text and where it is written: characters `t`..`t + len` of the text
 * are the characters from `start` on one source line, or (`hole`) one interpolation, which
 * stands for its whole source range `start`..`end`.
 */
interface Segment {
  t: number;
  len: number;
  start: Position;
  end?: Position;
}

/** The heredoc's JSON text (each interpolation one placeholder character) and its map to the source. */
function heredocText(expr: Expression): { text: string; segments: Segment[]; holes: TemplateInterpolation[] } | undefined {
  if (expr.type !== 'Template' || !expr.heredoc) return undefined;
  const indent = expr.heredoc.indent ?? 0;
  const segments: Segment[] = [];
  const holes: TemplateInterpolation[] = [];
  const pieces: string[] = [];
  let t = 0;
  for (const p of expr.parts) {
    if (p.type === 'TemplateInterpolation') {
      // `~` strip markers trim the neighbouring literals: their characters no longer line up.
      if (p.stripLeft || p.stripRight || holes.length >= MAX_HOLES) return undefined;
      segments.push({ t, len: 1, start: p.range.start, end: p.range.end });
      pieces.push(String.fromCharCode(HOLE_BASE + holes.length));
      holes.push(p);
      t += 1;
      continue;
    }
    if (p.type !== 'TemplateLiteral' || !literalSegments(p, indent, t, segments)) return undefined;
    pieces.push(p.value);
    t += p.value.length;
  }
  return { text: pieces.join(''), segments, holes };
}

/** Whitespace as the HCL parser counts it when it removes a `<<-` heredoc's indentation. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

/**
 * Maps a heredoc literal's characters to the source, line by line: a line that starts at
 * column 1 and is not only whitespace lost `indent` characters (`<<-`), and `${`/`%{` in the
 * value was written `$${`/`%%{`. False when the map does not end where the literal does (a
 * form this does not know, such as a lone carriage return): the literal is then not positioned.
 */
function literalSegments(p: TemplateLiteral, indent: number, base: number, out: Segment[]): boolean {
  const v = p.value;
  let { line, column, offset } = p.range.start;
  const run = (from: number, to: number): void => {
    if (to > from) out.push({ t: base + from, len: to - from, start: { line, column, offset } });
    column += to - from;
    offset += to - from;
  };
  for (let i = 0; i < v.length; ) {
    const nl = v.indexOf('\n', i);
    const end = nl < 0 ? v.length : nl + 1;
    const cr = v.indexOf('\r', i);
    if (cr >= 0 && cr < end && !(cr === end - 2 && nl >= 0)) return false;
    if (column === 1 && indent > 0) {
      let k = i;
      while (k < end && isSpace(v.charCodeAt(k))) k++;
      if (!(k === end && nl >= 0)) {
        column += indent;
        offset += indent;
      }
    }
    let from = i;
    for (let k = i; k < end - 1; k++) {
      const c = v.charCodeAt(k);
      if ((c === 36 || c === 37) && v.charCodeAt(k + 1) === 123) {
        run(from, k + 1);
        column += 1;
        offset += 1;
        from = k + 1;
      }
    }
    run(from, end);
    if (nl >= 0) {
      line += 1;
      column = 1;
    }
    i = end;
  }
  const e = p.range.end;
  return e.line === line && e.column === column && e.offset === offset;
}

/** The source position of text offset `t`: a start (the character at `t`) or an end (just after `t - 1`). */
function sourcePosition(segments: readonly Segment[], t: number, isEnd: boolean): Position {
  // The last segment that starts at or before t (an end: before t).
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = segments[mid]!;
    if (isEnd ? s.t < t : s.t <= t) lo = mid;
    else hi = mid - 1;
  }
  const s = segments[lo]!;
  if (s.end) return isEnd ? s.end : s.start;
  const d = t - s.t;
  return { line: s.start.line, column: s.start.column + d, offset: s.start.offset + d };
}

/** The heredoc decoded with positions, or undefined when it is not positioned (see the file comment). */
function positionedHeredoc(expr: Expression, d: BodyDecoding): Value | undefined {
  const h = heredocText(expr);
  if (!h) return undefined;
  const { text, segments, holes } = h;
  if (!segments.length) return undefined;
  // A placeholder character written in the heredoc itself would be taken for an interpolation.
  for (const p of expr.type === 'Template' ? expr.parts : []) if (p.type === 'TemplateLiteral' && hasHoleChar(p.value, holes.length)) return undefined;
  const at = (node: JsonNode): Location => ({
    file: d.file,
    range: { start: sourcePosition(segments, node.offset, false), end: sourcePosition(segments, node.offset + node.length, true) },
  });
  if (nestingOverflow(text, MAX_NESTING_DEPTH) !== undefined) {
    return unknown(`body: JSON nested deeper than ${MAX_NESTING_DEPTH} levels`, { file: d.file, range: expr.range });
  }
  const parsed = parseJsonc(text, d.file);
  if (parsed.errors.length || !parsed.root) return undefined;
  // The interpolated values. A string that JSON would read differently from its text (a quote,
  // a backslash, a control character) changes the document: the whole string is decoded instead.
  // Their text together is held to a string's bound (the whole string's evaluation stops there too).
  const values: Value[] = [];
  let chars = 0;
  for (const p of holes) {
    const v = d.evaluate(p.expr);
    if (v.kind === 'string') {
      chars += v.value.length;
      if (chars > MAX_STRING_LENGTH || readDifferently(v.value)) return undefined;
    }
    values.push(v);
  }
  const seen = new Uint8Array(holes.length);
  const members: [string, Location][] = [];
  /** The text of a JSON string with its placeholders replaced; undefined: not positioned. */
  const fill = (s: string, origin: Location, exact: boolean): Value | undefined => {
    if (!hasHoleChar(s, holes.length)) return str(s, origin);
    const pieces: string[] = [];
    const used: Value[] = [];
    let missing: string | undefined;
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const k = s.charCodeAt(i) - HOLE_BASE;
      if (k < 0 || k >= holes.length) continue;
      // Each interpolation is one placeholder: a second one came from a `\uE…` escape.
      if (seen[k]) return undefined;
      seen[k] = 1;
      const v = values[k]!;
      if (exact) {
        // `"${expr}"`: the expression's value, converted to the string JSON decodes.
        if (v.kind === 'string' || v.kind === 'unknown') return v;
        const text = asString(v);
        return text === undefined ? unknown(`cannot interpolate a ${v.kind}`, origin) : withProvenanceOf(str(text), v);
      }
      const text = v.kind === 'unknown' ? undefined : asString(v);
      if (text === undefined) missing ??= v.kind === 'unknown' ? v.reason : `cannot interpolate a ${v.kind}`;
      else {
        pieces.push(s.slice(from, i), text);
        used.push(v);
      }
      from = i + 1;
    }
    if (missing !== undefined) return unknown(missing, origin);
    pieces.push(s.slice(from));
    return derived(str(pieces.join(''), origin), origin, used);
  };
  const build = (node: JsonNode, path: string): Value | undefined => {
    const origin = at(node);
    switch (node.type) {
      case 'string':
        return fill(String(node.value), origin, node.length === 3 && String(node.value).length === 1);
      case 'number':
        return num(Number(node.value), origin);
      case 'boolean':
        return bool(Boolean(node.value), origin);
      case 'null':
        return nul(origin);
      case 'array': {
        const items: Value[] = [];
        const children = node.children ?? [];
        for (let i = 0; i < children.length; i++) {
          const c = children[i]!;
          if (path.length <= MAX_SITE_PATH) members.push([`${path}[${i}]`, at(c)]);
          const v = build(c, `${path}[${i}]`);
          if (!v) return undefined;
          items.push(v);
        }
        return list(items, origin);
      }
      case 'object': {
        const m = new Map<string, Value>();
        for (const p of node.children ?? []) {
          const k = p.children?.[0];
          const c = p.children?.[1];
          if (!k || !c || typeof k.value !== 'string') continue;
          // A key made by an interpolation: not positioned.
          if (hasHoleChar(k.value, holes.length)) return undefined;
          if (path.length + k.value.length <= MAX_SITE_PATH) members.push([`${path}.${k.value}`, at(p)]);
          const v = build(c, `${path}.${k.value}`);
          if (!v) return undefined;
          m.set(k.value, v);
        }
        return obj(m, origin);
      }
      default:
        return unknown('unparsable JSON value', origin);
    }
  };
  const value = build(parsed.root, 'body');
  if (!value || seen.some((s) => s === 0)) return undefined;
  for (const [path, loc] of members) d.member(path, loc);
  return value;
}

/** Whether JSON reads `s`, written inside a JSON string, as other text: a quote, a backslash, a control character. */
function readDifferently(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c < 0x20) return true;
  }
  return false;
}

/** Whether `s` holds the placeholder character of one of the first `n` interpolations. */
function hasHoleChar(s: string, n: number): boolean {
  const top = HOLE_BASE + n;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= HOLE_BASE && c < top) return true;
  }
  return false;
}
