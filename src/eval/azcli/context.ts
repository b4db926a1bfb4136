/**
 * What a script inside a workflow or pipeline sees from the CI file around it
 * (FORMATS.md §1(a) "Variable resolution"):
 * - GitHub Actions: workflow/job/step `env:` literals; `${{ inputs.x }}` (and
 *   `github.event.inputs.x`) → the `workflow_call`/`workflow_dispatch` input default;
 *   `${{ env.X }}`; `${{ matrix.x }}` → one variant per matrix value. `secrets`, `vars`,
 *   `needs`, `steps` and anything else are unknown.
 * - Azure Pipelines: `variables:` literals at pipeline/stage/job level, as `$(name)` macros,
 *   `${{ variables.name }}` and environment variables (`NAME` upper-cased, `.` → `_`);
 *   `${{ parameters.x }}` → the parameter's default. Variable groups, variable templates and
 *   `$[ ]` runtime expressions are unknown.
 */
import type { Location } from '../../core/source.js';
import { passedThrough, str, unknown, type Value } from '../../core/value.js';
import type { CiFile, CiJob, CiMatrixAxis, CiScalar, CiStage, CiStep, CiVariable } from '../ci/types.js';
import type { Env, ExpansionContext } from './words.js';

/** One matrix combination of a job (empty for a job without a matrix). */
export interface MatrixVariant {
  /** `size=Standard_NC6`, … (empty: no matrix). */
  label: string;
  values: Map<string, CiScalar>;
}

/** Matrix combinations beyond this are not expanded (the axes are then unknown). */
const MAX_VARIANTS = 32;

export function matrixVariants(job: CiJob | undefined): MatrixVariant[] {
  const axes = (job?.matrix ?? []).filter((a): a is CiMatrixAxis & { values: CiScalar[] } => a.values !== undefined && a.values.length > 0);
  let combos: MatrixVariant[] = [{ label: '', values: new Map() }];
  for (const a of axes) {
    if (combos.length * a.values.length > MAX_VARIANTS) break;
    combos = combos.flatMap((c) =>
      a.values.map((v) => {
        const values = new Map(c.values);
        values.set(a.name, v);
        return { label: c.label ? `${c.label}, ${a.name}=${v.text}` : `${a.name}=${v.text}`, values };
      }),
    );
  }
  return combos;
}

/** Where a script sits in its CI file. */
export interface ScriptPlace {
  step?: CiStep;
  job?: CiJob;
  stage?: CiStage;
}

export function placesOf(file: CiFile): Map<string, ScriptPlace> {
  const out = new Map<string, ScriptPlace>();
  const stages = new Map(file.stages.map((s) => [s.subject, s]));
  for (const job of file.jobs) {
    const stage = job.stage ? stages.get(job.stage) : undefined;
    for (const step of job.steps) out.set(step.subject, { step, job, stage });
  }
  return out;
}

export interface ScriptContext {
  env: Env;
  expansion: Omit<ExpansionContext, 'language' | 'file'>;
}

function scalarLoc(file: string, s: CiScalar): Location {
  return { file, range: s.range };
}

/** A `${{ … }}` expression that is one reference (`inputs.size`, `variables['x']`): its parts; undefined for anything else. */
function referenceOf(expr: string): string[] | undefined {
  const e = expr.trim();
  if (!/^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\s*'[^']*'\s*\])*$/.test(e)) return undefined;
  const parts: string[] = [];
  const re = /([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(e))) parts.push(m[1] ?? m[2]!);
  return parts;
}

/** The context of one script of a CI file in one matrix variant. */
export function scriptContext(file: CiFile, place: ScriptPlace | undefined, variant: MatrixVariant): ScriptContext {
  const f = file.file;
  const github = file.format === 'github-actions';
  const pipeline = file.format === 'azure-pipelines';
  const inputs = new Map(file.inputs.map((i) => [i.name, i]));
  const vars = new Map<string, Value>();
  let hidden = false;
  let depth = 0;

  const expression = (expr: string): Value => {
    const parts = referenceOf(expr);
    if (!parts) return unknown(`expression \${{ ${expr.slice(0, 60)} }}`);
    const [head, ...rest] = parts;
    const key = rest.join('.');
    if ((head === 'inputs' || head === 'parameters') && rest.length === 1) return inputDefault(key);
    if (head === 'github' && rest[0] === 'event' && rest[1] === 'inputs' && rest.length === 3) return inputDefault(rest[2]!);
    if (head === 'matrix' && rest.length === 1) {
      const v = variant.values.get(key);
      return v ? str(v.text, scalarLoc(f, v)) : unknown(`\${{ matrix.${key} }} has no literal values`);
    }
    if ((head === 'env' && github) || (head === 'variables' && pipeline)) {
      if (rest.length === 1) return vars.get(key) ?? unknown(`${head}.${key} is not set literally in this file`);
    }
    return unknown(`\${{ ${expr.trim().slice(0, 60)} }} is not known before the run`);
  };
  const inputDefault = (name: string): Value => {
    const i = inputs.get(name);
    if (!i?.default) return unknown(`input ${name} has no default`);
    // The input's name joins the value's chain (GPU001 reads `gpu` in the names a size flowed through).
    return passedThrough(str(i.default.text, scalarLoc(f, i.default)), { file: f, range: i.nameRange, label: `input ${name}`, symbol: { kind: 'input', name } });
  };
  /** A variable's written value: a literal, or one expression/macro resolved; else unknown. */
  const resolveScalar = (s: CiScalar): Value => {
    if (depth > 8) return unknown('variables refer to each other too deeply');
    const t = s.text;
    const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(t.trim());
    depth++;
    try {
      if (whole && !whole[1]!.includes('}}')) return expression(whole[1]!);
      const macro = /^\$\(([A-Za-z_][\w.]*)\)$/.exec(t.trim());
      if (macro && pipeline) return vars.get(macro[1]!) ?? unknown(`$(${macro[1]}) is not set literally in this file`);
      if (/\$\{\{|\$\(|\$\[/.test(t)) return unknown(`"${t.slice(0, 60)}" is built from expressions`);
      return str(t, scalarLoc(f, s));
    } finally {
      depth--;
    }
  };
  const add = (list: readonly CiVariable[]): void => {
    for (const v of list) {
      if (v.kind !== 'value') {
        hidden = true;
        continue;
      }
      const value = v.conditions?.length
        ? unknown(`${v.name} is set under a condition`)
        : v.value
          ? resolveScalar(v.value)
          : unknown(`${v.name} is not a scalar`);
      vars.set(v.name, value);
    }
  };
  add(file.env);
  if (place?.stage) add(place.stage.env);
  if (place?.job) add(place.job.env);
  if (place?.step) add(place.step.env);
  const env: Env = new Map();
  for (const [k, v] of vars) {
    env.set(k, v);
    // Azure Pipelines passes variables to scripts as environment variables: NAME.x → NAME_X.
    if (pipeline) env.set(k.toUpperCase().replace(/\./g, '_'), v);
  }
  const macro = pipeline
    ? (name: string): Value => vars.get(name) ?? unknown(hidden ? `$(${name}) may come from a variable group or template` : `$(${name}) is not set literally in this file`)
    : undefined;
  return { env, expansion: macro ? { expression, macro } : { expression } };
}

/** The caller-side value of a template input (`with:` / `parameters:`), resolved like a variable. */
export function entryValue(file: CiFile, ctx: ScriptContext, text: string, loc: Location): Value {
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(text.trim());
  if (whole && !whole[1]!.includes('}}')) return ctx.expansion.expression(whole[1]!);
  const macro = /^\$\(([A-Za-z_][\w.]*)\)$/.exec(text.trim());
  if (macro && ctx.expansion.macro) return ctx.expansion.macro(macro[1]!);
  if (/\$\{\{|\$\(|\$\[/.test(text)) return unknown(`"${text.slice(0, 60)}" is built from expressions`);
  void file;
  return str(text, loc);
}
