/**
 * The few GitHub Actions runner helpers the Action needs (no @actions/core dependency):
 * reading `INPUT_*` variables, writing `$GITHUB_OUTPUT` / `$GITHUB_STEP_SUMMARY`, and
 * workflow commands. Everything takes an explicit environment so tests need no globals.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { escapeData } from '../report/github.js';

export type Env = Record<string, string | undefined>;

/** A bad input value: reported as `::error::` and the step fails. */
export class InputError extends Error {}

/**
 * The value of input `name`, the way the runner passes it: `INPUT_` + the name upper-cased
 * with spaces replaced by `_` (hyphens are kept: `fail-on` → `INPUT_FAIL-ON`). Trimmed;
 * `undefined` when unset or empty.
 */
export function getInput(env: Env, name: string): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A list input: items separated by newlines (and commas when `commas`), trimmed, empties dropped. */
export function getListInput(env: Env, name: string, commas = true): string[] {
  const value = getInput(env, name);
  if (value === undefined) return [];
  return value
    .split(commas ? /[\r\n,]+/ : /[\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** A boolean input (YAML 1.2 core schema spellings, as @actions/core accepts). */
export function getBooleanInput(env: Env, name: string, fallback: boolean): boolean {
  const value = getInput(env, name);
  if (value === undefined) return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(`input "${name}" must be true or false (got "${value}")`);
}

/** A choice input. */
export function getChoiceInput<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const value = getInput(env, name);
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input "${name}" must be one of ${choices.join(', ')} (got "${value}")`);
}

/**
 * Appends `name` = `value` to the `$GITHUB_OUTPUT` file with the heredoc syntax
 * (`name<<DELIM` … `DELIM`), safe for multi-line values. The delimiter is random and checked
 * not to occur in the name or value.
 */
export function setOutput(env: Env, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  fs.appendFileSync(file, outputRecord(name, value), 'utf8');
}

export function outputRecord(name: string, value: string): string {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`unexpected delimiter collision in output ${name}`);
  }
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** Appends Markdown to the job summary (`$GITHUB_STEP_SUMMARY`); no-op when unset. */
export function appendSummary(env: Env, markdown: string): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  fs.appendFileSync(file, markdown.endsWith('\n') ? markdown : markdown + '\n', 'utf8');
  return true;
}

/** A workflow command without properties: `::error::message`. */
export function command(kind: 'error' | 'warning' | 'notice' | 'debug' | 'group' | 'endgroup', message: string): string {
  return `::${kind}::${escapeData(message)}`;
}
