/**
 * Variables an earlier step of the same job sets at run time, for every later step: GitHub's
 * `echo "NAME=value" >> "$GITHUB_ENV"` ("Creates or updates an environment variable for any
 * steps running next in a job", Workflow commands for GitHub Actions) and Azure Pipelines'
 * `##vso[task.setvariable variable=NAME]value` (Logging commands: "Sets a variable in the
 * variable service of taskcontext"; later steps see it as `$(NAME)` and as an environment
 * variable). The value is written at run time: later steps read it as unknown (FORMATS.md 1:
 * `##vso[task.setvariable]` → unknown), whatever a `variables:`/`env:` entry says. A write
 * whose name is not written literally may set any variable.
 */
import type { Location } from '../../core/source.js';
import type { CiCommand, CiJob, CiStep } from '../ci/types.js';

export interface RuntimeVariables {
  /** Each name set by an earlier step, where first. */
  names: Map<string, Location>;
  /** A write whose name cannot be read (`cat vars.env >> $GITHUB_ENV`): any variable may be set there. */
  any?: Location;
}

const GITHUB_ENV = /\bGITHUB_ENV\b/;
const SET_VARIABLE = /##vso\[task\.setvariable\b([^\]]*)\]/i;
/** `NAME=value` or `NAME<<DELIMITER` at the start of a word's text (the line written to $GITHUB_ENV). */
const ENV_LINE = /^([A-Za-z_][A-Za-z0-9_]*)(?:=|<<)/;

/** The variables the steps of `job` before `step` set at run time (file: for locations). */
export function runtimeVariables(file: string, job: CiJob | undefined, step: CiStep | undefined, format: 'github-actions' | 'azure-pipelines'): RuntimeVariables {
  const out: RuntimeVariables = { names: new Map() };
  if (!job || !step) return out;
  for (const earlier of job.steps) {
    if (earlier.index >= step.index) continue;
    for (const script of earlier.scripts) {
      // The commands of one logical line together: `echo "A=1" | tee -a "$GITHUB_ENV"`, `{ …; } >> "$GITHUB_ENV"`.
      const byStatement = new Map<number, CiCommand[]>();
      for (const c of script.commands) {
        if (c.commented) continue;
        const list = byStatement.get(c.statement);
        if (list) list.push(c);
        else byStatement.set(c.statement, [c]);
      }
      for (const commands of byStatement.values()) {
        const words = commands.flatMap((c) => c.argv);
        const at = (): Location => ({ file, range: commands[0]!.range });
        if (format === 'github-actions') {
          if (!words.some((w) => GITHUB_ENV.test(w.raw))) continue;
          const named = words.map((w) => ENV_LINE.exec(w.text)?.[1]).filter((n): n is string => n !== undefined);
          if (named.length === 0) out.any ??= at();
          for (const n of named) if (!out.names.has(n)) out.names.set(n, at());
        } else {
          for (const w of words) {
            const m = SET_VARIABLE.exec(w.text) ?? SET_VARIABLE.exec(w.raw);
            if (!m) continue;
            const name = /(?:^|;)\s*variable\s*=\s*([^;]+)/i.exec(m[1]!)?.[1]?.trim();
            if (!name || name.includes('$')) out.any ??= at();
            else if (!out.names.has(name)) out.names.set(name, at());
          }
        }
      }
    }
  }
  return out;
}
