/** The string nodes of a template, read (classified, parsed) once per tree and shared by its passes. */
import type { JsonNode } from '../../parse/json/index.js';
import { readArmString, type ArmString } from './evaluate.js';

/**
 * A string node of a template, read (classified and parsed) once per tree: a node is evaluated
 * once per copy instance, per parameter file and per enclosing nested deployment, and parsing
 * was a large part of evaluation (issue 15); `parametersReadByMember` reads through it too.
 * Expressions are never changed by evaluation.
 */
export function readNodeString(node: JsonNode): ArmString {
  const s = String(node.value);
  // Only `[…` can be an expression (or a `[[` escape); a plain literal is read in place, not kept.
  if (!s.startsWith('[')) return readArmString(s);
  let r = READ_STRINGS.get(node);
  if (r === undefined) {
    r = readArmString(s);
    READ_STRINGS.set(node, r);
  }
  return r;
}
/** readNodeString by node (released with the tree). */
const READ_STRINGS = new WeakMap<JsonNode, ArmString>();
