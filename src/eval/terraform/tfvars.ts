/**
 * Variable files: `.tfvars` (HCL attributes) and `.tfvars.json`. Values are constants;
 * each keeps the origin of the assignment's value, so a finding can point at the tfvars line.
 */
import type { HclFile } from '../../parse/hcl/ast.js';
import { nodeToValue, parseJsonc } from '../../parse/json/index.js';
import { unknown, type Value } from '../../core/value.js';
import { evaluate } from './expressions.js';
import type { EvalGuard } from './guard.js';

export function tfvarsValues(file: HclFile, guard?: EvalGuard): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const item of file.body.items) {
    if (item.type !== 'Attribute') continue;
    out.set(item.name, evaluate(item.expr, { file: file.file, guard, resolveRoot: () => undefined }));
  }
  return out;
}

export function tfvarsJsonValues(file: string, text: string): Map<string, Value> {
  const out = new Map<string, Value>();
  const parsed = parseJsonc(text, file);
  const root = parsed.root ? nodeToValue(parsed, parsed.root) : unknown('invalid JSON');
  if (root.kind === 'object') for (const [k, v] of root.entries) out.set(k, v);
  return out;
}
