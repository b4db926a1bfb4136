/**
 * Variable files: `.tfvars` (HCL attributes) and `.tfvars.json`. Values are constants;
 * each keeps the origin of the assignment's value, so a finding can point at the tfvars line.
 */
import type { HclFile } from '../../parse/hcl/ast.js';
import { nodeToValue, parseJsonc, strictJsonError, type JsonError } from '../../parse/json/index.js';
import path from 'node:path';
import { unknown, type Value } from '../../core/value.js';
import { evaluate, noNames } from './expressions.js';
import { defaultMsPerFile, EvalGuard } from './guard.js';
import { heredocYamlReader, type DecodedHeredoc } from './heredoc-yaml.js';
import { loadedYamlReader } from './data-files.js';

/**
 * The values of a `.tfvars` file. Without a guard each value is evaluated under a fresh one of
 * its own (its own budget, problems not reported), as `evaluate` makes when given none; the
 * budget is read from the environment once per file instead of once per value.
 */
export function tfvarsValues(file: HclFile, guard?: EvalGuard, onHeredoc?: (decoded: DecodedHeredoc) => void): Map<string, Value> {
  const out = new Map<string, Value>();
  const msPerFile = guard ? 0 : defaultMsPerFile();
  const items = file.body.items;
  // A heredoc of YAML a configuration decodes (`pools = <<EOT …` for `yamldecode(var.pools)`): located here.
  // (Told to the evaluation, whose front end reads the heredoc's comments for inline suppressions.)
  const yaml = heredocYamlReader(() => file.text, loadedYamlReader, onHeredoc);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.type !== 'Attribute') continue;
    out.set(item.name, evaluate(item.expr, { file: file.file, guard: guard ?? new EvalGuard(undefined, msPerFile), resolveRoot: noNames, heredocYaml: yaml }));
  }
  return out;
}


/**
 * The values of a `.tfvars.json` file. `errors`, when given, receives the file's syntax errors
 * (the front end reports them as PARSE001; the values read before an error are still used).
 * Terraform reads a var file with its strict JSON parser (hashicorp/hcl's, as a `.tf.json`; and
 * `jsondecode` with Go's): a comment or a trailing comma is an error there, at its place.
 */
export function tfvarsJsonValues(file: string, text: string, errors?: JsonError[]): Map<string, Value> {
  const out = new Map<string, Value>();
  const parsed = parseJsonc(text, file);
  if (errors) {
    errors.push(...parsed.errors);
    const strict = parsed.errors.length === 0 ? strictJsonError(parsed) : undefined;
    if (strict) errors.push(strict);
  }
  const root = parsed.root ? nodeToValue(parsed, parsed.root) : unknown('invalid JSON');
  if (root.kind === 'object') for (const [k, v] of root.entries) out.set(k, v);
  return out;
}

/** The var files Terraform loads by itself: `terraform.tfvars(.json)` and `*.auto.tfvars(.json)` of the root module's folder. */
export const AUTO_VARFILE = /^(terraform\.tfvars(\.json)?|.*\.auto\.tfvars(\.json)?)$/;

/** terraform.tfvars first, then *.auto.tfvars in lexical order (Terraform's precedence). */
export function autoOrder(a: string, b: string): number {
  const ra = path.basename(a).startsWith('terraform.tfvars') ? 0 : 1;
  const rb = path.basename(b).startsWith('terraform.tfvars') ? 0 : 1;
  return ra - rb || (a < b ? -1 : 1);
}

/** How a var file is read: its text (`.tfvars.json`) or its HCL (`.tfvars`), through the caller's Host. */
export interface VarFileReader {
  readText(file: string): string | undefined;
  parseHcl(file: string): HclFile | undefined;
}

/** The values of a `.tfvars` or `.tfvars.json` file (empty when it cannot be read). */
export function readVarFile(file: string, read: VarFileReader, guard?: EvalGuard, onHeredoc?: (decoded: DecodedHeredoc) => void): Map<string, Value> {
  if (file.endsWith('.json')) {
    const text = read.readText(file);
    return text === undefined ? new Map() : tfvarsJsonValues(file, text);
  }
  const parsed = read.parseHcl(file);
  return parsed ? tfvarsValues(parsed, guard, onHeredoc) : new Map();
}

/**
 * Whether Terraform would read a var file: it parses (strict JSON for `.tfvars.json`) and holds
 * only assignments. A file that cannot be read is not judged here. Terraform refuses a var file
 * with any error (`terraform plan -var-file` stops at its diagnostic), so a variant that loads
 * one is not evaluated, as a broken ARM parameter file's is not: what the parser recovered (the
 * values before the error, the last of two assignments of a name) is never judged (review 74).
 */
export function varFileParses(file: string, read: VarFileReader): boolean {
  if (file.endsWith('.json')) {
    const text = read.readText(file);
    if (text === undefined) return true;
    const parsed = parseJsonc(text, file);
    return parsed.errors.length === 0 && strictJsonError(parsed) === undefined;
  }
  const parsed = read.parseHcl(file);
  return !parsed || (parsed.errors.length === 0 && parsed.body.items.every((i) => i.type === 'Attribute'));
}
