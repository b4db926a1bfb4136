/**
 * The runs of scripts that other scripts source, kept for a unit (issue 15: a helper library
 * sourced by every step of a workflow was interpreted once per step — 27 times for the 873-line
 * `sdk_helpers.sh` of one corpus unit, 0.25 s of its 0.7 s). A run depends only on the script,
 * the variables it starts with and the expansion context; when a script is sourced again with
 * the same variables (the same values, not equal copies) in the same context, its run is the
 * one already made.
 *
 * Kept only where the context is known to play no part beyond the key: a shell script (not
 * PowerShell, whose variables fold case) with no `${{ }}` expression (resolved per caller), in
 * a file that is no Azure Pipelines script (`$(name)` macros, per caller), that sources nothing
 * itself (its own `source`s would be resolved through the caller's context: the folder the
 * caller is in, how deep the sourcing goes). Its run is the same from any starting folder: the
 * folders it records (`cd`, the files its commands name) are relative to where it starts.
 */
import type { CiScript } from '../eval/ci/types.js';
import type { ScriptRun } from '../eval/azcli/interpret.js';
import type { Env } from '../eval/azcli/words.js';

/** Runs kept per key: a script sourced with many different variables is not kept past this. */
const MAX_RUNS_PER_KEY = 8;

const SOURCES = /^(?:source|\.)$/;

/** Whether a run of `script` can be reused for the same key and variables (see the module comment). */
export function reusableRun(script: CiScript, hasMacros: boolean): boolean {
  if (script.language !== 'shell' || hasMacros) return false;
  for (const cmd of script.commands) {
    if (cmd.argv.some((w) => w.raw.includes('${{') || SOURCES.test(w.raw))) return false;
    if (cmd.heredoc?.text.includes('${{')) return false;
  }
  return true;
}

/** The same variables: the same names, each with the very same value. */
function sameVariables(a: Env, b: Env): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v || !b.has(k)) return false;
  return true;
}

export class SourcedRuns {
  private readonly runs = new Map<string, { env: Env; run: ScriptRun | undefined }[]>();

  /** The run for `key` (undefined: not reusable) with variables `env`: a kept one, else `make()`'s, kept. */
  run(key: string | undefined, env: Env, make: () => ScriptRun | undefined): ScriptRun | undefined {
    // (A PowerShell environment's Map folds case: never kept, whatever the key says.)
    if (key === undefined || Object.getPrototypeOf(env) !== Map.prototype) return make();
    const kept = this.runs.get(key);
    const hit = kept?.find((k) => sameVariables(k.env, env));
    if (hit) return hit.run;
    const run = make();
    // A snapshot: the caller's Map is its own to change.
    if ((kept?.length ?? 0) < MAX_RUNS_PER_KEY) this.runs.set(key, [...(kept ?? []), { env: new Map(env), run }]);
    return run;
  }
}
