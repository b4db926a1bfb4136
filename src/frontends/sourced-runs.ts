/**
 * The runs of scripts that other scripts source, kept for a unit (issue 15: a helper library
 * sourced by every step of a workflow was interpreted once per step — 27 times for the 873-line
 * `sdk_helpers.sh` of one corpus unit, 0.25 s of its 0.7 s). A run depends only on the script,
 * the variables it starts with and the expansion context; when a script is sourced again with
 * the same variables (the same values, not equal copies) and the same key, its run is the one
 * already made.
 *
 * The key holds the script, its `$0` and what the interpreter reads of the context as plain
 * data (the runner's OS, whether branch texts are read). The context's hooks — `${{ }}`
 * expressions and Azure Pipelines macros, resolved for each caller, and the `source` of a file,
 * found from the folder the caller is in — are watched instead: a run that called any of them is
 * not kept (review 121: a quoted `"source" ./vars.sh` is still a source, so no reading of the
 * words can tell). A run that called none is the same from any starting folder: the folders it
 * records (`cd`, the files its commands name) are relative to where it starts. Shell scripts
 * only: a PowerShell environment folds the case of its names.
 */
import type { CiScript } from '../eval/ci/types.js';
import type { ScriptRun } from '../eval/azcli/interpret.js';
import type { Env, ExpansionContext } from '../eval/azcli/words.js';

/** Runs kept per key: a script sourced with many different variables is not kept past this. */
const MAX_RUNS_PER_KEY = 8;

type Context = Omit<ExpansionContext, 'language' | 'file'>;

/** Whether a run of `script` may be kept at all (see the module comment). */
export function reusableRun(script: CiScript): boolean {
  return script.language === 'shell';
}

/** The same variables: the same names, each with the very same value. */
function sameVariables(a: Env, b: Env): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v || !b.has(k)) return false;
  return true;
}

/** `ctx` with its hooks reporting a call to `called`. */
function watched(ctx: Context, called: () => void): Context {
  const out: Context = { ...ctx, expression: (expr, locate) => (called(), ctx.expression(expr, locate)) };
  if (ctx.macro) out.macro = (name) => (called(), ctx.macro!(name));
  if (ctx.source) out.source = (...args) => (called(), ctx.source!(...args));
  return out;
}

export class SourcedRuns {
  private readonly runs = new Map<string, { env: Env; run: ScriptRun | undefined }[]>();

  /**
   * The run for `key` (undefined: never kept) with variables `env`: a kept one, else the one
   * `make` makes with `ctx`, watched: kept unless it called one of the context's hooks.
   */
  run(key: string | undefined, env: Env, ctx: Context, make: (ctx: Context) => ScriptRun | undefined): ScriptRun | undefined {
    // (A PowerShell environment's Map folds case: never kept, whatever the key says.)
    if (key === undefined || Object.getPrototypeOf(env) !== Map.prototype) return make(ctx);
    const kept = this.runs.get(key);
    const hit = kept?.find((k) => sameVariables(k.env, env));
    if (hit) return hit.run;
    // A snapshot: the caller's Map is its own to change.
    const snapshot = new Map(env);
    let consulted = false;
    const run = make(watched(ctx, () => (consulted = true)));
    if (!consulted && (kept?.length ?? 0) < MAX_RUNS_PER_KEY) this.runs.set(key, [...(kept ?? []), { env: snapshot, run }]);
    return run;
  }
}
