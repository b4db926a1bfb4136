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
import type { Location, Range } from '../../core/source.js';
import type { CiCommand, CiFile, CiJob, CiScript, CiStep, CiWord } from '../ci/types.js';
import { redirection } from '../ci-words.js';

export interface RuntimeVariables {
  /** Each name set by an earlier step, where first. */
  names: Map<string, Location>;
  /** A write whose name cannot be read (`cat vars.env >> $GITHUB_ENV`): any variable may be set there. */
  any?: Location;
}

/** Past this many names written before a step, any variable is taken as possibly set (bounds the work per step). */
const MAX_NAMES = 256;

const GITHUB_ENV = /\bGITHUB_ENV\b/;
const SET_VARIABLE = /##vso\[task\.setvariable\b([^\]]*)\]/i;
/** `NAME=value` or `NAME<<DELIMITER` at the start of a word's text (the line written to $GITHUB_ENV). */
const ENV_LINE = /^([A-Za-z_][A-Za-z0-9_]*)(?:=|<<)/;
/** Programs that write their input or arguments to a file (`tee -a "$GITHUB_ENV"`, PowerShell `Add-Content -Path $env:GITHUB_ENV`). */
const FILE_WRITERS = /^(?:tee|out-file|add-content|set-content)$/i;

/** One step's writes: the names it sets, or that it may set any. */
interface StepWrites {
  index: number;
  names: { name: string; at: Location }[];
  any?: Location;
}

/** Per job and format: the writes of its steps, in step order (read once per job, not once per step). */
const writesByJob = new WeakMap<CiJob, Map<string, StepWrites[]>>();

/** A statement that writes to the `$GITHUB_ENV` file (a redirection to it, or `tee`/`Add-Content` naming it), not one that reads it. */
function writesGithubEnv(words: readonly CiWord[]): boolean {
  return words.some((w, i) => {
    if (!GITHUB_ENV.test(w.raw)) return false;
    // `>>"$GITHUB_ENV"`, `&>> "$GITHUB_ENV"`, `>| $GITHUB_ENV`: the file of an output redirection.
    const own = redirection(w.raw);
    const before = i > 0 ? redirection(words[i - 1]!.raw) : undefined;
    if ((own?.output && !own.takesNext) || (before?.output && before.takesNext)) return true;
    return words.some((x) => FILE_WRITERS.test(x.text));
  });
}

/** Programs whose output lines are their literal arguments (`echo "A=1"`, `printf 'A=%s\n' x`). */
const LINE_WRITERS = new Set(['echo', 'printf', '{', '}']);

/** A command of a write that outputs lines not read from its words (`cat sizes.env`, a function, a script). */
function writesUnreadLines(c: CiCommand): boolean {
  const program = c.argv.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.raw) && w.raw !== '{' && w.raw !== '}');
  // `tee`/`Add-Content` write what they are given: the echo before them, their own words.
  return program !== undefined && !LINE_WRITERS.has(program.text) && !FILE_WRITERS.test(program.text) && !/^\d*>/.test(program.raw);
}

/**
 * The commands that write together: those of one logical line (`echo "A=1" | tee -a
 * "$GITHUB_ENV"`, `{ …; } >> "$GITHUB_ENV"`), and every line of a `{ … }` group written over
 * several lines, whose closing `} >> "$GITHUB_ENV"` redirects them all.
 */
function writeUnits(commands: readonly CiCommand[]): CiCommand[][] {
  const units: CiCommand[][] = [];
  let unit: CiCommand[] = [];
  let depth = 0;
  let statement: number | undefined;
  for (const c of commands) {
    if (c.commented) continue;
    if (c.statement !== statement && depth <= 0 && unit.length > 0) {
      units.push(unit);
      unit = [];
      depth = 0;
    }
    statement = c.statement;
    unit.push(c);
    // A group's braces are command words: `{` first, `}` first (`} >> "$GITHUB_ENV"`) or last
    // (`…; }`); a `{` an argument holds (`echo {`) opens nothing.
    const first = c.argv[0]?.raw;
    const last = c.argv[c.argv.length - 1]?.raw;
    if (first === '{') depth++;
    if (first === '}' || (last === '}' && c.argv.length > 1)) depth--;
  }
  if (unit.length > 0) units.push(unit);
  return units;
}

/** The scanned script files each step runs (set by the CI front end before any step is interpreted). */
const scriptFilesOfStep = new WeakMap<CiStep, readonly { file: string; script: CiScript }[]>();

/**
 * Records the scanned script files a step runs (`run: ./scripts/pick.sh`, a task's `filePath`):
 * what they write to `$GITHUB_ENV` or with `##vso[task.setvariable]` counts for the steps after
 * it, as a write in the step's own script does (review 87: the overridden literal was reported).
 */
export function linkStepScripts(step: CiStep, scripts: readonly { file: string; script: CiScript }[]): void {
  if (scripts.length > 0) scriptFilesOfStep.set(step, scripts);
}

function stepWrites(file: string, step: CiStep, format: 'github-actions' | 'azure-pipelines'): StepWrites | undefined {
  const out: StepWrites = { index: step.index, names: [] };
  const scripts: { file: string; script: CiScript }[] = step.scripts.map((script) => ({ file, script }));
  for (const run of scriptFilesOfStep.get(step) ?? []) scripts.push(run);
  for (const { file, script } of scripts) {
    for (const commands of writeUnits(script.commands)) {
      const words = commands.flatMap((c) => c.argv);
      const at: Location = { file, range: commands[0]!.range };
      if (format === 'github-actions') {
        if (!writesGithubEnv(words)) continue;
        const named = words.map((w) => ENV_LINE.exec(w.text)?.[1]).filter((n): n is string => n !== undefined);
        // Lines whose names can be read are what echo/printf write; any other program of the
        // write (`cat sizes.env`) may write any name.
        if (named.length === 0 || commands.some(writesUnreadLines)) out.any ??= at;
        for (const name of named) out.names.push({ name, at });
      } else {
        for (const w of words) {
          const m = SET_VARIABLE.exec(w.text) ?? SET_VARIABLE.exec(w.raw);
          if (!m) continue;
          const name = /(?:^|;)\s*variable\s*=\s*([^;]+)/i.exec(m[1]!)?.[1]?.trim();
          if (!name || name.includes('$')) out.any ??= at;
          else out.names.push({ name, at });
        }
      }
    }
  }
  return out.any || out.names.length ? out : undefined;
}

function jobWrites(file: string, job: CiJob, format: 'github-actions' | 'azure-pipelines'): StepWrites[] {
  let byFormat = writesByJob.get(job);
  if (!byFormat) writesByJob.set(job, (byFormat = new Map()));
  let list = byFormat.get(format);
  if (!list) {
    list = [];
    for (const s of job.steps) {
      const w = stepWrites(file, s, format);
      if (w) list.push(w);
    }
    list.sort((a, b) => a.index - b.index);
    byFormat.set(format, list);
  }
  return list;
}

/**
 * The scanned file whose steps a step inserts: an Azure Pipelines `- template:` step's template, a
 * GitHub `uses: ./…` step's composite action (set by the CI front end once it has resolved them).
 */
const templateOfStep = new WeakMap<CiStep, CiFile>();

/** Records the scanned template (or composite action) a step inserts: its steps' run-time writes count for the steps after it. */
export function linkStepTemplate(step: CiStep, template: CiFile): void {
  templateOfStep.set(step, template);
}

/** Templates inserted in templates are followed this deep (Azure Pipelines allows 20 levels: context.ts MAX_INCLUDE_DEPTH). */
const MAX_TEMPLATE_DEPTH = 20;

/**
 * The writes of the steps a `- template:` step inserts (its scanned template's steps, and those of
 * the templates they insert), as one write of that step: a `##vso[task.setvariable]` in a step
 * template sets the variable for the caller's later steps as one written inline does (review 67:
 * the caller's literal was reported although the template's step replaced it at run time).
 */
function templateWrites(step: CiStep, format: 'github-actions' | 'azure-pipelines', seen: Set<CiFile>): StepWrites | undefined {
  const t = templateOfStep.get(step);
  if (!t || seen.has(t) || seen.size >= MAX_TEMPLATE_DEPTH) return undefined;
  seen.add(t);
  const out = writesOf(t.file, t.jobs.flatMap((j) => j.steps), step.index, format, seen);
  seen.delete(t);
  return out;
}

/** The writes of `steps` of `file` (a step template's: those of the steps it inserts), as one write at `index`. */
function writesOf(file: string, steps: readonly CiStep[], index: number, format: 'github-actions' | 'azure-pipelines', seen: Set<CiFile>): StepWrites | undefined {
  const out: StepWrites = { index, names: [] };
  for (const s of steps) {
    const w = templateOfStep.has(s) ? templateWrites(s, format, seen) : stepWrites(file, s, format);
    if (w?.any) out.any ??= w.any;
    for (const n of w?.names ?? []) out.names.push(n);
  }
  return out.any || out.names.length ? out : undefined;
}

/** The variables the steps of `job` before `step` set at run time (file: for locations). */
export function runtimeVariables(file: string, job: CiJob | undefined, step: CiStep | undefined, format: 'github-actions' | 'azure-pipelines'): RuntimeVariables {
  const out: RuntimeVariables = { names: new Map() };
  if (!job || !step) return out;
  const inserted = job.steps.filter((s) => s.index < step.index && templateOfStep.has(s)).flatMap((s) => templateWrites(s, format, new Set()) ?? []);
  const writes = inserted.length > 0 ? [...jobWrites(file, job, format), ...inserted].sort((a, b) => a.index - b.index) : jobWrites(file, job, format);
  for (const w of writes) {
    if (w.index >= step.index) break;
    if (w.any) {
      // Any variable may be set from here on: the names add nothing.
      out.any = w.any;
      break;
    }
    for (const { name, at } of w.names) if (!out.names.has(name)) out.names.set(name, at);
    if (out.names.size > MAX_NAMES) {
      out.any ??= w.names[0]?.at ?? w.any;
      break;
    }
  }
  return out;
}

/**
 * The variables that the steps of `job` written inside `range` set at run time: the steps a caller
 * passes to a template as a `stepList` parameter (written under its `template:` call), which the
 * template inserts among its own (`- ${{ parameters.pre }}`). Where they go in it is not read: they
 * count for every step of the template (self-review 68: the caller's literal was reported
 * although a passed step replaced it).
 */
export function runtimeVariablesWithin(file: string, job: CiJob | undefined, range: Range): RuntimeVariables {
  const out: RuntimeVariables = { names: new Map() };
  if (!job) return out;
  // Inside it, not the call itself (a step template's own steps set their variables in their order).
  const inside = (r: Range): boolean => r.start.offset >= range.start.offset && r.end.offset <= range.end.offset && !(r.start.offset === range.start.offset && r.end.offset === range.end.offset);
  const w = writesOf(file, job.steps.filter((s) => inside(s.range)), 0, 'azure-pipelines', new Set());
  if (w?.any) out.any = w.any;
  for (const { name, at } of w?.names ?? []) if (!out.names.has(name)) out.names.set(name, at);
  return out;
}
