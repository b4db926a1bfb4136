/**
 * azapi v1 takes `body` as a JSON string: `jsonencode({...})` (read as the object by
 * `instance.ts`), a heredoc of JSON, or any other string. The provider decodes it, so the
 * linter reads the decoded object, never the text (an unread string would make every property
 * "not set"). A plain heredoc (`<<BODY`, no interpolation, no `$${` escapes) is positioned:
 * each value is located at its own line and column in the heredoc; any other string gives
 * its values the string's origin, as `jsondecode()` does. Text that is not JSON is unknown.
 */
import type { Location, Position, Range } from '../../core/source.js';
import type { LineMap } from '../../core/source.js';
import { fromJS, list, obj, unknown, type Value } from '../../core/value.js';
import type { Expression } from '../../parse/hcl/ast.js';
import { members, nestingOverflow, nodeLocation, nodeToValue, parseJsonc, type JsonNode } from '../../parse/json/index.js';

/** Deeper JSON than this is not decoded (the same cap as `jsondecode()`). */
const MAX_NESTING_DEPTH = 64;

export function decodeJsonBody(v: Value & { kind: 'string' }, expr: Expression, file: string): Value {
  if (nestingOverflow(v.value, MAX_NESTING_DEPTH) !== undefined) return unknown(`body: JSON nested deeper than ${MAX_NESTING_DEPTH} levels`, v.origin);
  const literal = plainHeredocText(expr);
  if (literal) {
    const positioned = positionedJson(literal.text, literal.range, file);
    if (positioned) return positioned;
  }
  try {
    return fromJS(JSON.parse(v.value), v.origin);
  } catch {
    return unknown('body is a string that is not JSON', v.origin);
  }
}

/** The text and range of a `<<MARKER` heredoc that is one literal written as is (its value is its source text). */
function plainHeredocText(expr: Expression): { text: string; range: Range } | undefined {
  if (expr.type !== 'Template' || !expr.heredoc || expr.heredoc.indented || expr.parts.length !== 1) return undefined;
  const part = expr.parts[0]!;
  if (part.type !== 'TemplateLiteral') return undefined;
  const written = part.range.end.offset - part.range.start.offset;
  return part.value.length === written ? { text: part.value, range: part.range } : undefined;
}

/** The JSON text parsed with positions inside the file: the text starts at `at.start`. */
function positionedJson(text: string, at: Range, file: string): Value | undefined {
  const parsed = parseJsonc(text, file);
  if (parsed.errors.length || !parsed.root) return undefined;
  const shift = (p: Position): Position => ({
    line: at.start.line + p.line - 1,
    column: p.line === 1 ? at.start.column + p.column - 1 : p.column,
    offset: at.start.offset + p.offset,
  });
  const place = (l: Location): Location => ({ ...l, range: { start: shift(l.range.start), end: shift(l.range.end) } });
  return shifted(parsed, parsed.root, place);
}

/** `nodeToValue` with every origin moved into the file. */
function shifted(doc: { file: string; lineMap: LineMap }, node: JsonNode, place: (l: Location) => Location): Value {
  const origin = place(nodeLocation(doc, node));
  if (node.type === 'array') return list((node.children ?? []).map((c) => shifted(doc, c, place)), origin);
  if (node.type === 'object') {
    const m = new Map<string, Value>();
    for (const [k, , v] of members(node)) m.set(k, shifted(doc, v, place));
    return obj(m, origin);
  }
  return { ...nodeToValue(doc, node), origin };
}
