/**
 * Which parameters an ARM template reads by property or element (`parameters('kv').name`,
 * `parameters('secrets')[0]`): those are used as objects or arrays whatever type they
 * declare (SEC001: an object parameter is not a secret string).
 */
import { bracketStrings, type JsonNode } from '../../parse/json/index.js';
import type { Expr } from './expression.js';
import { readNodeString } from './node-strings.js';

/** Lower-case names of the parameters read by member anywhere in the template's expressions. */
export function parametersReadByMember(root: JsonNode | undefined): ReadonlySet<string> {
  if (!root) return new Set();
  // A template is evaluated once per parameter file and per module call: its expressions are parsed for this once per tree.
  const known = READ_BY_MEMBER.get(root);
  if (known) return known;
  const out = new Set<string>();
  const visitExpr = (e: Expr): void => {
    switch (e.kind) {
      case 'prop':
      case 'index': {
        const t = e.target;
        if (t.kind === 'call' && t.name.toLowerCase() === 'parameters' && t.args[0]?.kind === 'string') out.add(t.args[0].value.toLowerCase());
        visitExpr(e.target);
        if (e.kind === 'index') visitExpr(e.index);
        return;
      }
      case 'call':
        for (const a of e.args) visitExpr(a);
        return;
      default:
        return;
    }
  };
  const visitString = (n: JsonNode): void => {
    if (typeof n.value !== 'string' || !mayReadParameterMember(n.value)) return;
    // Parsed through the tree's cache: evaluation reads the same strings next.
    const parsed = readNodeString(n);
    if ('ok' in parsed && parsed.ok) visitExpr(parsed.expr);
  };
  // Only a string starting with `[` can pass mayReadParameterMember: the parser's list of
  // them when it has one, else a walk of the tree.
  const candidates = bracketStrings(root);
  if (candidates) for (const n of candidates) visitString(n);
  else {
    // Iterative: templates nest deeply, and the JSON parser already caps the depth.
    const stack: JsonNode[] = [root];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'string') visitString(n);
      else if (n.children) for (const c of n.children) stack.push(c);
    }
  }
  READ_BY_MEMBER.set(root, out);
  return out;
}

/**
 * Whether a string can hold `parameters('x').member` or `parameters('x')[i]`: a call of
 * parameters() with a string literal first, and some `)` followed by `.` or `[`. Both are
 * needed for a read by member, so a string without either needs no parse; most expression
 * strings of a template (issue 15: ~85 % on the corpus) fail the test. Two linear regex tests
 * (no allocation) rather than one pattern with `.*` between, which could backtrack
 * quadratically on a hostile string. Function names are case-insensitive; `\s` is the
 * parser's whitespace.
 */
function mayReadParameterMember(s: string): boolean {
  // Only a string that starts with `[` is an expression (expression.ts classifyString): keys
  // and plain literals, most strings of the tree, need no regex test.
  return s.charCodeAt(0) === 0x5b /* [ */ && PARAMETERS_CALL.test(s) && MEMBER_AFTER_CALL.test(s);
}
const PARAMETERS_CALL = /parameters\s*\(\s*'/i;
const MEMBER_AFTER_CALL = /\)\s*[.[]/;

/** parametersReadByMember by template node (released with the tree). */
const READ_BY_MEMBER = new WeakMap<JsonNode, ReadonlySet<string>>();
