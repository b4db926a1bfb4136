/**
 * What a script inside a workflow or pipeline sees from the CI file around it
 * (FORMATS.md §1(a) "Variable resolution"):
 * - GitHub Actions: workflow/job/step `env:` literals; `${{ inputs.x }}` (and
 *   `github.event.inputs.x`) → the `workflow_call`/`workflow_dispatch` input default;
 *   `${{ env.X }}`; `${{ matrix.x }}` → one variant per matrix value. `secrets`, `vars`,
 *   `needs`, `steps` and anything else are unknown.
 * - Azure Pipelines: `variables:` literals at pipeline/stage/job level, as `$(name)` macros,
 *   `${{ variables.name }}` and environment variables (`NAME` upper-cased, `.` → `_`);
 *   `${{ parameters.x }}` → the parameter's default; `${{ each x in parameters.list }}` → one
 *   copy per item (loopVariants), `${{ x }}` its item. Variable groups, variable templates and
 *   `$[ ]` runtime expressions are unknown.
 */
import { locationKey, type Location } from '../../core/source.js';
import { chosenBy, passedThrough, str, unknown, variableSite, type Decision, type Value } from '../../core/value.js';
import type { CiFile, CiInput, CiJob, CiLoop, CiLoopItem, CiMatrixEntry, CiMatrixLeg, CiScalar, CiStage, CiStep, CiVariable } from '../ci/types.js';
import { runtimeVariables, type RuntimeVariables } from './runtime-variables.js';
import { githubOperatorExpression, type ExpressionLocator } from './github-expression.js';
import { conditionsHold, typedParameter, type TemplateCondition } from '../ci/template-conditions.js';
import { ANY_VARIABLE, CHECKOUT_TOKEN, isActionFile, MAX_EXPANDED_CHARS, ONE_WORD_GITHUB_CONTEXTS, oneWord, runnerOsOf, SCRIPT_DIR_TOKEN, tooLongToRead, type Env, type ExpansionContext, type RunnerOs } from './words.js';
import { CHECKOUT_TOP_CONTEXTS, CHECKOUT_TOP_MACROS } from '../../parse/yaml/ci-checkout.js';

/** One matrix combination of a job (empty for a job without a matrix). */
export interface MatrixVariant {
  /** `size=Standard_NC6`, … (empty: no matrix). */
  label: string;
  values: Map<string, CiScalar>;
  /** Azure Pipelines: the leg's variable names (a non-scalar entry is set, to an unknown value). */
  variables?: string[];
  /** Axes not expanded: the combinations would pass MAX_VARIANTS. */
  unexpanded?: string[];
  /** The job's matrix is not expanded at all: its file's combinations passed the work budget (frontends/azure-cli.ts). */
  overBudget?: true;
  /** Axes of mappings at one value: their members are `values`' `axis.member` keys (a member not there is not a scalar). */
  objectAxes?: string[];
  /** An `exclude:` entry that cannot be compared with it may remove it: its values are not known. */
  mayBeExcluded?: true;
  /** Azure Pipelines: the iteration of the `${{ each }}` loops around the script this copy is (loopVariants). */
  loop?: LoopIteration;
}

/** One iteration of the `${{ each }}` loops around a place: one copy of what they hold. */
export interface LoopIteration {
  /** `each env=prod` (`each env=prod, region=weu` for a nested loop; `each env.name=prod` for an item that is a mapping). */
  label: string;
  /** The loop variables' scalars by reference: `env`, `env.name` (an item's member), `pair.key`, `pair.value`, `pair.value.size`. */
  values: Map<string, CiScalar>;
  /** Each loop variable: the parameter its collection is (its name joins a value's chain), or why its items are not known. */
  variables: Map<string, { input?: CiInput; unknown?: string }>;
  /** The collection is empty: the loop inserts nothing (this copy stands for none, and makes no resources). */
  empty?: true;
}

/**
 * Iterations of `${{ each }}` loops expanded at most (RULES.md "Parse and evaluation problems":
 * loops expand up to 1,024 instances); past it the loop variables are unknown (EVAL001).
 */
export const MAX_LOOP_ITERATIONS = 1024;

/** The iterations loopVariants expands at most, and why a loop past them is not expanded (`each`: the loop as written). */
export interface LoopLimit {
  iterations: number;
  why: (each: string) => string;
}

/** The label of a copy of a script: its matrix combination and its loop iteration (`matrix: size=…, each env=prod`); '' for neither. */
export function variantLabel(v: MatrixVariant): string {
  return [v.label ? `matrix: ${v.label}` : '', v.loop?.label ?? ''].filter(Boolean).join(', ');
}

/**
 * The copies of a script in the `${{ each }}` loops around it (`loops`, outermost first), for
 * each matrix combination of `variants`: one per iteration (Learn, "Template expressions", Each
 * keyword). A loop walks a parameter's list or mapping: as the caller passes it (`given`: a
 * list or mapping passed is not read, so the loop variable is unknown), else its default. A
 * collection that is anything else, or iterations past MAX_LOOP_ITERATIONS (`capped`: the loop
 * cut), leave the loop variable unknown, in one copy.
 */
export function loopVariants(
  file: CiFile,
  loops: readonly CiLoop[] | undefined,
  given: ReadonlyMap<string, Value> | undefined,
  variants: MatrixVariant[],
  limit: LoopLimit = { iterations: MAX_LOOP_ITERATIONS, why: (each) => `${each} runs more than ${MAX_LOOP_ITERATIONS.toLocaleString('en-US')} times with the loops around it, which are not expanded` },
): { variants: MatrixVariant[]; capped?: CiLoop } {
  if (!loops?.length) return { variants };
  let iterations: LoopIteration[] = [{ label: '', values: new Map(), variables: new Map() }];
  let capped: CiLoop | undefined;
  for (const loop of loops) {
    const { items, input, unknown: why } = loopCollection(file, loop, given);
    const total = items === undefined ? iterations.length : iterations.length * items.length;
    if (items !== undefined && total > limit.iterations) capped ??= loop;
    if (items === undefined || total > limit.iterations) {
      const reason = why ?? limit.why(`\${{ each ${loop.variable} in ${loop.collection} }}`);
      iterations = iterations.map((it) => ({ ...it, variables: new Map([...it.variables, [loop.variable, { unknown: reason }]]) }));
      continue;
    }
    if (items.length === 0) {
      iterations = iterations.map((it) => ({ ...it, empty: true, variables: new Map([...it.variables, [loop.variable, { unknown: `${loop.collection} is empty: the loop inserts nothing` }]]) }));
      continue;
    }
    const shown = itemLabels(loop.variable, items);
    iterations = iterations.flatMap((it) => items.map((item, i) => withLoopItem(it, loop.variable, item, input, shown[i]!)));
  }
  return { variants: variants.flatMap((v) => iterations.map((loop) => ({ ...v, loop }))), ...(capped ? { capped } : {}) };
}

/** The `${{ each }}` loops around a place (a step's hold its job's and stage's). */
export function loopsAt(place: ScriptPlace | undefined): readonly CiLoop[] | undefined {
  return place?.step?.loops ?? place?.job?.loops ?? place?.stage?.loops;
}

/** A loop's collection: a parameter's list or mapping, as the caller passes it or as its default; else why it is not known. */
function loopCollection(file: CiFile, loop: CiLoop, given: ReadonlyMap<string, Value> | undefined): { items?: readonly CiLoopItem[]; input?: CiInput; unknown?: string } {
  const parts = referenceOf(loop.collection);
  const each = `\${{ each ${loop.variable} in ${loop.collection} }}`;
  if (parts?.[0] !== 'parameters' || parts.length !== 2) return { unknown: `${each} walks a collection that is not a parameter of this file, which is not read` };
  const name = parts[1]!;
  if (given?.has(name)) return { unknown: `${each}: the caller passes ${name}, whose items are not read` };
  const input = file.inputs.find((i) => i.name === name);
  if (!input) return { unknown: `${each}: parameter ${name} is not declared in this file` };
  if (!input.defaultItems) return { unknown: `${each}: parameter ${name} has no list or mapping default` };
  return { items: input.defaultItems, input };
}

/**
 * How each item of a loop is named in its copies' labels (`env=prod`): a list's item or a
 * mapping's key as written (cut at 40 characters); an item that is a mapping, by the first of its
 * scalar members that tells every item apart, `name` first (`env.name=prod`: its members are
 * joined by ", ", which also joins a finding's variants), else by its place (`env[1]`).
 */
function itemLabels(variable: string, items: readonly CiLoopItem[]): string[] {
  const cut = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
  const members = [...new Set(items.flatMap((item) => [...(item.members?.keys() ?? [])]))];
  const telling = ['name', ...members.filter((m) => m !== 'name')].find((m) => {
    const texts = items.map((item) => item.key?.text ?? item.members?.get(m)?.text);
    return texts.every((t) => t !== undefined) && new Set(texts).size === texts.length;
  });
  return items.map((item, i) => {
    const scalar = item.key?.text ?? item.value?.text;
    if (scalar !== undefined) return `${variable}=${cut(scalar)}`;
    const member = telling === undefined ? undefined : item.members?.get(telling)?.text;
    return member === undefined ? `${variable}[${i}]` : `${variable}.${telling}=${cut(member)}`;
  });
}

/**
 * An iteration with one more loop at `item` (`shown`: its label, itemLabels): its scalars under
 * the loop variable's name. The loops of one copy share one `each` (`each env=prod, region=weu`),
 * as a matrix combination's axes share one `matrix:`, so a finding's list of copies reads one
 * `each` per copy.
 */
function withLoopItem(it: LoopIteration, variable: string, item: CiLoopItem, input: CiInput | undefined, shown: string): LoopIteration {
  const values = new Map(it.values);
  // A mapping's entry is a pair (`pair.key`, `pair.value`); a list's item is the variable itself.
  const base = item.key ? `${variable}.value` : variable;
  if (item.key) values.set(`${variable}.key`, item.key);
  if (item.value) values.set(base, item.value);
  for (const [k, v] of item.members ?? []) values.set(`${base}.${k}`, v);
  return { label: it.label ? `${it.label}, ${shown}` : `each ${shown}`, values, variables: new Map([...it.variables, [variable, input ? { input } : {}]]) };
}

/**
 * Matrix combinations beyond this are not expanded (the axes are then unknown): GitHub runs at
 * most 256 jobs of one matrix ("A matrix can generate a maximum of 256 jobs per workflow run").
 */
export const MAX_VARIANTS = 256;

export function matrixVariants(job: CiJob | undefined): MatrixVariant[] {
  if (job?.matrixLegs) return legVariants(job.matrixLegs);
  const axes = (job?.matrix ?? []).filter((a) => (a.values !== undefined && a.values.length > 0) || (a.objects !== undefined && a.objects.length > 0));
  const rules = job?.matrixRules;
  let combos: MatrixVariant[] = [{ label: '', values: new Map() }];
  const expanded = new Set<string>();
  const unexpanded: string[] = [];
  for (const a of axes) {
    const count = a.values?.length ?? a.objects!.length;
    if (unexpanded.length || combos.length * count > MAX_VARIANTS) {
      unexpanded.push(a.name);
      continue;
    }
    expanded.add(a.name);
    combos = a.values ? combos.flatMap((c) => a.values!.map((v) => withValue(c, a.name, v))) : combos.flatMap((c) => a.objects!.map((o) => withObject(c, a.name, o)));
  }
  if (unexpanded.length) for (const c of combos) c.unexpanded = unexpanded;
  if (!rules) return combos;
  // Every axis written in the matrix, expanded or not: include/exclude compare against them.
  const axisNames = new Set((job?.matrix ?? []).map((a) => a.name));
  const unsure = (e: CiMatrixEntry): boolean => [...e].some(([k, v]) => axisNames.has(k) && (!expanded.has(k) || v === undefined));
  if (rules.opaqueExclude) return [{ label: '', values: new Map() }];
  // Whether each exclude entry removes each combination. A combination an entry may or may not
  // remove (it cannot be compared there) may not run: its values are not known, the others' are.
  const removed = new Set<MatrixVariant>();
  const maybe = new Set<MatrixVariant>();
  for (const [i, e] of rules.exclude.entries()) {
    for (const c of combos) {
      const m = excludes(c, e, rules.excludeObjects?.[i], axisNames, expanded);
      if (m === undefined) maybe.add(c);
      else if (m) removed.add(c);
    }
  }
  // A matrix of only `include:` has no original combinations: each entry is one of its own.
  const base = (axisNames.size > 0 ? combos : []).filter((c) => !removed.has(c)).map((c) => (maybe.has(c) ? { label: `${c.label} (an exclude may remove it)`, values: new Map<string, CiScalar>(), mayBeExcluded: true as const } : c));
  return applyIncludes(base, rules.include, axisNames, unsure, rules.includeObjects);
}

/** Azure Pipelines: one variant per matrix leg, named by the leg; its scalar entries are its variables. */
function legVariants(legs: CiMatrixLeg[]): MatrixVariant[] {
  return legs.slice(0, MAX_VARIANTS).map((leg) => {
    const values = new Map<string, CiScalar>();
    for (const [k, v] of leg.values) if (v) values.set(k, v);
    return { label: leg.name, values, variables: [...leg.values.keys()] };
  });
}

/** A combination with an axis of mappings at one value: each scalar member as `name.member` (`${{ matrix.cfg.size }}`). */
function withObject(c: MatrixVariant, name: string, o: ReadonlyMap<string, CiScalar>): MatrixVariant {
  const values = new Map(c.values);
  for (const [k, v] of o) values.set(`${name}.${k}`, v);
  const members = [...o].slice(0, 3).map(([k, v]) => `${k}: ${v.text.length > 40 ? `${v.text.slice(0, 39)}…` : v.text}`);
  const shown = `${name}={${members.join(', ')}${o.size > 3 ? ', …' : ''}}`;
  return { label: c.label ? `${c.label}, ${shown}` : shown, values, objectAxes: [...(c.objectAxes ?? []), name] };
}

function withValue(c: MatrixVariant, name: string, v: CiScalar): MatrixVariant {
  const values = new Map(c.values);
  values.set(name, v);
  return { label: c.label ? `${c.label}, ${name}=${v.text}` : `${name}=${v.text}`, values, ...(c.objectAxes ? { objectAxes: c.objectAxes } : {}) };
}

/**
 * Whether an `exclude:` entry removes a combination: every key of the entry has that value in it
 * (GitHub: an exclude only has to match partially, also inside an axis of mappings, whose members
 * the entry's mapping names: `pool: { name: gpub }`); undefined when that cannot be compared (an
 * axis not expanded, a value that is no scalar, a member the combination does not hold as one).
 */
function excludes(c: MatrixVariant, e: CiMatrixEntry, objects: ReadonlyMap<string, ReadonlyMap<string, CiScalar>> | undefined, axisNames: ReadonlySet<string>, expanded: ReadonlySet<string>): boolean | undefined {
  let sure = true;
  for (const [k, v] of e) {
    if (axisNames.has(k) && !expanded.has(k)) return undefined;
    const members = objects?.get(k);
    if (members && c.objectAxes?.includes(k)) {
      for (const [m, mv] of members) {
        const have = c.values.get(`${k}.${m}`);
        if (have === undefined) sure = false;
        else if (have.text !== mv.text) return false;
      }
      continue;
    }
    if (v === undefined) {
      // A key of no axis with such a value matches nothing (GitHub refuses it).
      if (!axisNames.has(k)) return false;
      sure = false;
      continue;
    }
    // A value built at run time (`${{ vars.SKIP_SIZE }}`) may equal any.
    if (v.text.includes('${{')) {
      sure = false;
      continue;
    }
    if (c.values.get(k)?.text !== v.text) return false;
  }
  return sure ? true : undefined;
}

/**
 * GitHub's `include:` (docs, "Expanding or adding matrix configurations"): an entry is added to
 * every original combination whose axis values it does not overwrite (overwriting values that
 * earlier entries added); an entry that fits none becomes a combination of its own. An entry
 * that names an axis the linter could not expand is skipped (the keys it adds stay unknown).
 */
function applyIncludes(
  base: MatrixVariant[],
  include: CiMatrixEntry[],
  axisNames: Set<string>,
  unsure: (e: CiMatrixEntry) => boolean,
  objects?: readonly (ReadonlyMap<string, ReadonlyMap<string, CiScalar>> | undefined)[],
): MatrixVariant[] {
  const combos = base.map((c) => ({ ...c, values: new Map(c.values) }));
  const added: MatrixVariant[] = [];
  for (const [i, e] of include.entries()) {
    // An entry that cannot be compared (a mapping, an axis not expanded) may add a combination
    // or change any: one combination whose values are not known stands for it (not skipped).
    if (unsure(e)) {
      if (combos.length + added.length < MAX_VARIANTS) added.push({ label: `include entry ${i + 1} (not read)`, values: new Map() });
      continue;
    }
    const fits = (c: MatrixVariant): boolean => [...e].every(([k, v]) => !axisNames.has(k) || c.values.get(k)?.text === v?.text);
    // A key of no axis whose value is a mapping of scalars (`pool: { name: gpuc, size: … }`): its members.
    const members = objects?.[i];
    let fitted = false;
    for (const c of combos) {
      if (!fits(c)) continue;
      fitted = true;
      for (const [k, v] of e) {
        if (axisNames.has(k)) continue;
        const m = members?.get(k);
        if (m) {
          for (const [mk, mv] of m) c.values.set(`${k}.${mk}`, mv);
          if (!c.objectAxes?.includes(k)) c.objectAxes = [...(c.objectAxes ?? []), k];
        } else if (v === undefined) c.values.delete(k);
        else c.values.set(k, v);
      }
    }
    if (!fitted && combos.length + added.length < MAX_VARIANTS) {
      let c: MatrixVariant = { label: '', values: new Map() };
      for (const [k, v] of e) {
        const m = members?.get(k);
        if (m) c = withObject(c, k, m);
        else if (v !== undefined) c = withValue(c, k, v);
      }
      added.push(c);
    }
  }
  const all = [...combos.map(relabel), ...added];
  return all.length > 0 ? all : [{ label: '', values: new Map() }];
}

/** The label names every value of the combination, added ones included (`gpu=a100, size=…`). */
function relabel(c: MatrixVariant): MatrixVariant {
  return { ...c, label: [...c.values].map(([k, v]) => `${k}=${v.text}`).join(', ') };
}

/** Where a script sits in its CI file. */
export interface ScriptPlace {
  step?: CiStep;
  job?: CiJob;
  stage?: CiStage;
}

/**
 * Azure Pipelines' own limits ("Template usage reference", Imposed limits): at most 100 separate
 * YAML files included, 20 levels of templates within templates. Variables templates beyond them
 * are not followed (their variables stay hidden, as a variable group's are).
 */
export const MAX_INCLUDED_FILES = 100;
export const MAX_INCLUDE_DEPTH = 20;

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
  /** An Azure Pipelines file's variables in scope at the script (by name as written), for the templates it calls. */
  variables: CallerVariables;
  /**
   * A reference in a compile-time condition (`${{ if eq(parameters.env, 'prod') }}`), as the
   * condition reads it here (`conditionReference`); undefined for one it does not resolve.
   */
  condition: (reference: string) => Value | undefined;
}

/** The variables an Azure Pipelines template sees from its caller: those in scope at the call; `hidden` when a variable group or template may set more. */
export interface CallerVariables {
  values: ReadonlyMap<string, Value>;
  hidden: boolean;
  /** The variable templates read into them (`config-infra-prod.yml`): variable files, whose names classify the environment. */
  files?: readonly string[];
  /**
   * The names (lower case) whose value was built from `$(…)` macros: known at run time, but a
   * compile-time `${{ variables.x }}` sees the macro text (`ScriptContext.condition`).
   */
  fromMacros?: ReadonlySet<string>;
  /** What the steps the call passes to the template (a `stepList` parameter) set at run time (`runtimeVariablesWithin`): unknown in it. */
  passedStepWrites?: RuntimeVariables;
  /**
   * The values an earlier step's run-time write replaced in `values` (undefined: not set before
   * it): a compile-time `${{ variables.x }}` in the template reads these (self-review 72).
   */
  compileTime?: ReadonlyMap<string, Value | undefined>;
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

/**
 * The context of one script of a CI file in one matrix variant. `given`: the inputs a scanned
 * caller passes (`with:` of a `uses: ./…` call), by name; an input
 * it does not pass keeps its `default:`. `inherited`: for an Azure Pipelines template, the
 * caller's variables in scope at the call (a template is expanded into the calling pipeline, so
 * its `$(var)` macros read the pipeline's variables; its own `variables:` come on top); for a
 * composite action, the `env:` variables in scope at the calling step (its steps run in that
 * step's environment: GitHub's `env` context there is the caller's).
 */
export function scriptContext(file: CiFile, place: ScriptPlace | undefined, variant: MatrixVariant, given?: ReadonlyMap<string, Value>, inherited?: CallerVariables, callerOs?: RunnerOs): ScriptContext {
  const f = file.file;
  const github = file.format === 'github-actions';
  const pipeline = file.format === 'azure-pipelines';
  // GitHub's input names ignore case (`with: { SIZE: … }` sets input `size`, `inputs.Size` reads it:
  // the runner's inputs are case-insensitive, and an action's getInput upper-cases the name).
  const inputKey = (name: string): string => (github ? name.toLowerCase() : name);
  const inputs = new Map(file.inputs.map((i) => [inputKey(i.name), i]));
  const passedIn = github && given ? new Map([...given].map(([k, v]) => [k.toLowerCase(), v])) : given;
  // A template expanded into its caller, or a composite action run in its caller's step: the caller's variables first.
  const inheriting = inherited !== undefined && (pipeline || file.kind === 'github-action');
  const vars = new Map<string, Value>(inheriting ? inherited.values : []);
  /** Names a stage's or job's own `variables:` set (`conditionReference`), lower case. */
  const scopedNames = new Set<string>();
  // Names whose value came from macros (`conditionReference`); a caller's that says nothing: all of its names.
  const fromMacros = new Set<string>(inheriting ? (inherited.fromMacros ?? [...inherited.values.keys()].map((k) => k.toLowerCase())) : []);
  let hidden = pipeline && inherited !== undefined && inherited.hidden;
  /**
   * The values a run-time write replaced (`setAtRunTime`), by name: a compile-time
   * `${{ variables.x }}` is put in before any step runs, so it reads them, not the write
   * ("Template variables process at compile time", Learn "Define variables"; review 71).
   */
  const beforeRunTime = new Map<string, Value | undefined>(inheriting && pipeline ? (inherited.compileTime ?? []) : []);
  const writeAtRunTime = (name: string, v: Value): void => {
    if (!beforeRunTime.has(name)) beforeRunTime.set(name, vars.get(name));
    vars.set(name, v);
  };
  /** Marks the variables `writes` names as set at run time (`named`), or every variable (`anyOf`) when a write may set any. */
  const setAtRunTime = (writes: RuntimeVariables | undefined, named: (name: string) => string, anyOf: (name: string) => string): void => {
    for (const [name, at] of writes?.names ?? []) {
      const set = unknown(named(name), at);
      writeAtRunTime(name, set);
      // Azure Pipelines variable names are case-insensitive (`variable=vmsize` sets `VmSize`).
      if (pipeline) for (const k of vars.keys()) if (k !== name && k.toLowerCase() === name.toLowerCase()) writeAtRunTime(k, set);
    }
    if (writes?.any) {
      for (const name of [...vars.keys()]) writeAtRunTime(name, unknown(anyOf(name), writes.any));
      hidden = true;
    }
  };
  // The steps a caller passes to this template that set variables at run time (self-review 68).
  const passedBy = (name: string): string => `${name} is set with ##vso[task.setvariable] by a step the caller passes to the template`;
  if (pipeline && inheriting) setAtRunTime(inherited.passedStepWrites, passedBy, passedBy);
  const variableFiles: string[] = pipeline && inherited?.files ? [...inherited.files] : [];
  let depth = 0;

  const expression = (expr: string, locate?: ExpressionLocator): Value => {
    // `${{ inputs.size || 'Standard_NC6s_v3' }}`: GitHub's operators over literals and references.
    const withOperators = github ? githubOperatorExpression(expr, typedReference, locate) : undefined;
    if (withOperators) return withOperators;
    const parts = referenceOf(expr);
    if (!parts) return unknown(`expression \${{ ${expr.slice(0, 60)} }}`);
    const [head, ...rest] = parts;
    const key = rest.join('.');
    // A `${{ each }}` loop variable (`env`, `pair.key`, `cfg.size`): this copy's item.
    const loopVariable = pipeline ? variant.loop?.variables.get(head!) : undefined;
    if (loopVariable) return loopValue(parts.join('.'), head!, loopVariable);
    if ((head === 'inputs' || head === 'parameters') && rest.length === 1) return inputDefault(key);
    // `${{ parameters.cluster.size }}`: a member of an object parameter's default (one a caller passes is not read).
    if (head === 'parameters' && pipeline && rest.length > 1) return inputMember(rest[0]!, rest.slice(1).join('.'));
    if (head === 'github' && rest[0] === 'event' && rest[1] === 'inputs' && rest.length === 3) return inputDefault(rest[2]!);
    // A member of an axis of mappings (`matrix.cfg.size`): the combination's value, when a scalar.
    if (head === 'matrix' && rest.length === 2 && variant.objectAxes?.includes(rest[0]!)) {
      const v = variant.values.get(key);
      return v ? named(str(v.text, scalarLoc(f, v)), `matrix.${key}`, rest[0]!) : unknown(`\${{ matrix.${key} }} is not a scalar member`);
    }
    if (head === 'matrix' && variant.mayBeExcluded) return unknown(`\${{ matrix.${key} }} is of a combination an \`exclude:\` entry may remove (the entry cannot be compared with it)`);
    if (head === 'matrix' && rest.length === 1) {
      const v = variant.values.get(key);
      if (v) return named(str(v.text, scalarLoc(f, v)), `matrix.${key}`, key);
      if (variant.overBudget) return unknown(`\${{ matrix.${key} }} is not expanded: this file's matrix combinations times their commands pass the linter's budget`);
      return unknown(variant.unexpanded?.includes(key) ? `\${{ matrix.${key} }} is one of more than ${MAX_VARIANTS} matrix combinations, which are not expanded` : `\${{ matrix.${key} }} has no literal values`);
    }
    // Any other matrix member (`matrix.model.node-vm-size` of a matrix computed from a step's output): no literal value (review 107).
    if (head === 'matrix' && rest.length > 0) {
      const literal = variant.values.size > 0 || (variant.objectAxes?.length ?? 0) > 0 || (variant.unexpanded?.length ?? 0) > 0;
      return unknown(
        literal
          ? `\${{ ${expr.trim().slice(0, 60)} }} is not a scalar of the job's matrix read here (matrix.x and matrix.x.y of literal values are)`
          : `\${{ ${expr.trim().slice(0, 60)} }} has no literal value: the job has no literal matrix (none, or one computed when the workflow runs, such as fromJSON of an output, which is not known)`,
      );
    }
    if ((head === 'env' && github) || (head === 'variables' && pipeline)) {
      if (rest.length === 1) {
        const v = pipeline ? compileTimeVariable(key) : vars.get(key);
        return v ? named(v, `${head}.${key}`, key) : unknown(`${head}.${key} is not set literally in this file`);
      }
    }
    // A compile-time value all the same (a loop variable outside its loop, a function call): not one this reader resolves.
    // `github.workspace` is the checkout's folder: a path built on it is a path from the repository's top.
    const path = parts.join('.').toLowerCase();
    // (`github.action_path` in an action's own steps: the folder of its action.yml.)
    const top = !github ? undefined : CHECKOUT_TOP_CONTEXTS.has(path) ? CHECKOUT_TOKEN : path === 'github.action_path' && isActionFile(f) ? `${SCRIPT_DIR_TOKEN}${f}` : undefined;
    const notResolved = unknown(`\${{ ${expr.trim().slice(0, 60)} }} is not resolved here (only inputs, parameters, matrix values and literal variables are)`, undefined, top);
    return github && ONE_WORD_GITHUB_CONTEXTS.has(path) ? oneWord(notResolved) : notResolved;
  };
  /**
   * A reference inside an expression with operators, as GitHub types it: a `boolean`/`number`
   * input is a boolean/number (`inputs.admin || …` reads a false default as false);
   * `github.event.inputs.x` is the text, as GitHub gives it.
   */
  const typedReference = (reference: string): Value | undefined => {
    const parts = referenceOf(reference);
    if (!parts) return undefined;
    const v = expression(reference);
    if (parts[0] === 'inputs' && parts.length === 2) return typedParameter(v, inputs.get(inputKey(parts[1]!))?.type);
    // A matrix value keeps its YAML type (`gpu: [false]` is a boolean): the text read here does
    // not say whether `false` or `0` was quoted, so as an operand it is not known.
    if (parts[0] === 'matrix' && v.kind === 'string' && /^(?:true|false|null|[-+]?(?:\d|\.\d)|0x|~$)/i.test(v.value.trim()))
      return unknown(`\${{ ${reference} }} is "${v.value}", which may be a YAML boolean or number, not text`);
    return v;
  };
  /**
   * A variable's value read through `${{ env.X }}`, `${{ variables.x }}` or `${{ matrix.x }}`,
   * with the variable's name in its chain, as `$X` and `$(x)` give it (GPU001 reads `gpu` in the
   * names a size flowed through; GitHub calls a matrix's keys its variables). Placed where the
   * value is written.
   */
  const named = (v: Value, label: string, name: string): Value => (v.origin ? passedThrough(v, variableSite(v.origin, name, label)) : v);
  /**
   * A loop variable's scalar in this copy, placed where the parameter's default writes it, with
   * the parameter and the loop variable in its chain (GPU001 reads `gpu` in those names).
   */
  const loopValue = (reference: string, name: string, binding: { input?: CiInput; unknown?: string }): Value => {
    if (binding.unknown !== undefined) return unknown(binding.unknown);
    const s = variant.loop?.values.get(reference);
    if (!s) return unknown(`\${{ ${reference} }} is not a scalar of the loop's item`);
    const i = binding.input;
    const v = str(s.text, scalarLoc(f, s));
    return named(i ? passedThrough(v, { file: f, range: i.nameRange, label: `input ${i.name}`, symbol: { kind: 'input', name: i.name } }) : v, reference, name);
  };
  const inputDefault = (name: string): Value => {
    const i = inputs.get(inputKey(name));
    // The input's name joins the value's chain (GPU001 reads `gpu` in the names a size flowed through).
    const throughInput = (v: Value): Value => (i ? passedThrough(v, { file: f, range: i.nameRange, label: `input ${name}`, symbol: { kind: 'input', name } }) : v);
    const passed = passedIn?.get(inputKey(name));
    if (passed) return throughInput(passed);
    // A `choice` input (Azure Pipelines `values:`) is one of its options: one word when each is (review 74).
    if (!i) return unknown(`input ${name} is not declared in this file`);
    if (!i.default) return i.allowed.length > 0 && i.allowed.every((o) => /^[^\s*?[\]]+$/.test(o.text)) ? oneWord(unknown(`input ${name} has no default`)) : unknown(`input ${name} has no default`);
    return throughInput(str(i.default.text, scalarLoc(f, i.default)));
  };
  /**
   * A reference of a compile-time condition: a parameter as its declared type makes it (a
   * `boolean` parameter's `false`), a member of an object parameter only when it is plain text
   * (its YAML type is not known here: `enabled: false` is a boolean), and a variable written in the
   * YAML; not one built from `$(…)` macros, which compile time does not expand (Microsoft Learn,
   * "Understand variable syntax": template expressions are processed at compile time, macros at
   * run time).
   */
  const conditionReference = (ref: string): Value | undefined => {
    // A loop variable of this copy (`eq(env, 'prod')`); any other reference but parameters and variables is not read.
    const head = /^[^.]+/.exec(ref)?.[0] ?? '';
    if (head !== 'parameters' && head !== 'variables') return pipeline && variant.loop?.variables.has(head) ? expression(ref) : undefined;
    const variableName = /^variables\.(.+)$/.exec(ref)?.[1];
    if (variableName !== undefined) {
      const lower = variableName.toLowerCase();
      if (fromMacros.has(lower)) return unknown(`${variableName} is built from $(…) macros, which compile-time expressions do not expand`);
      if (scopedNames.has(lower)) return unknown(`${variableName} is set by a stage's or job's own variables, which a condition around that stage or job does not see`);
      // Variable names ignore case (`variables.region` reads `Region`).
      const v = compileTimeVariable(variableName);
      return v ? named(v, `variables.${variableName}`, variableName) : unknown(`variables.${variableName} is not set literally in this file`);
    }
    const v = expression(ref);
    if (/^parameters\.[^.]+\./.test(ref) && v.kind === 'string' && /^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d|\.\d)|0x)/i.test(v.value.trim())) return unknown(`${ref} is "${v.value}", which may be a YAML boolean or number, not text`);
    const m = /^parameters\.(.+)$/.exec(ref);
    return m ? typedParameter(v, inputs.get(inputKey(m[1]!))?.type) : v;
  };
  /** A scalar member of an `object` parameter's default, when no caller passes the parameter. */
  const inputMember = (name: string, path: string): Value => {
    const i = inputs.get(inputKey(name));
    if (passedIn?.has(inputKey(name))) return unknown(`\${{ parameters.${name}.${path} }}: the caller passes ${name}, whose members are not read`);
    const m = i?.defaultMembers?.get(path);
    if (!i || !m) return unknown(`parameter ${name} has no default member ${path}`);
    return passedThrough(str(m.text, scalarLoc(f, m)), { file: f, range: i.nameRange, label: `input ${name}`, symbol: { kind: 'input', name } });
  };
  /** The name a variable is set under: as written, else (`anyCase`) the first spelled in another case. */
  const variableName = (name: string, anyCase: boolean): string | undefined => {
    if (vars.has(name) || !anyCase) return vars.has(name) ? name : undefined;
    const lower = name.toLowerCase();
    for (const k of vars.keys()) if (k.toLowerCase() === lower) return k;
    return undefined;
  };
  /** A variable by name; Azure Pipelines variable names are case-insensitive (`$(VmSize)` reads `vmSize`). */
  const variable = (name: string): Value | undefined => {
    const k = variableName(name, pipeline);
    return k === undefined ? undefined : vars.get(k);
  };
  /**
   * A variable as a compile-time expression reads it (`${{ variables.x }}`, a `${{ if }}`
   * condition): before any run-time write, names in any case.
   */
  const compileTimeVariable = (name: string): Value | undefined => {
    const k = variableName(name, true);
    return k === undefined ? undefined : beforeRunTime.has(k) ? beforeRunTime.get(k) : vars.get(k);
  };
  /** A text whose `$(name)` macros are each replaced by a known string variable; else unknown, saying which is not. */
  const macrosExpanded = (t: string, at: Location): Value => {
    let why: string | undefined;
    const out = t.replace(/\$\(([A-Za-z_][\w.]*)\)/g, (m, name: string) => {
      const v = variable(name);
      if (v?.kind === 'string') return v.value;
      why ??= v?.kind === 'unknown' ? v.reason : v ? `$(${name}) is not a string` : `$(${name}) is not set literally in this file`;
      return m;
    });
    if (why !== undefined) return unknown(why);
    // Variables that double each other (`x2: $(x1) $(x1)`, hostile input) stop being read.
    if (out.length > MAX_EXPANDED_CHARS) return tooLongToRead();
    return /\$\(/.test(out) ? unknown(`"${t.slice(0, 60)}" is built from expressions`) : str(out, at);
  };
  /**
   * Sets a variable: a later scope's wins (job over stage over root), also over a name written in
   * another case (Azure Pipelines variable names are case-insensitive).
   */
  const setVariable = (name: string, value: Value): void => {
    if (pipeline) for (const k of vars.keys()) if (k !== name && k.toLowerCase() === name.toLowerCase()) vars.delete(k);
    vars.set(name, value);
    // Set in the YAML after a run-time write (a template's own `variables:`): the compile-time value.
    beforeRunTime.delete(name);
  };
  const builtFromMacros = (t: string): boolean => pipeline && /\$\(/.test(t) && !/\$\{\{|\$\[/.test(t);
  /**
   * A value built from macros (`mlw-$(namespace)-$(environment)`) is expanded where it is used, at
   * run time: with the variables of the innermost scope (a job's `namespace` over the root's),
   * after every scope is read (`expandDeferred`).
   */
  const pending = new Map<string, { text: string; at: Location; value: Value }>();
  const deferred = (name: string, s: CiScalar, writtenIn: string): Value => {
    const value = unknown(`${name} is built from macros`);
    pending.set(name, { text: s.text, at: scalarLoc(writtenIn, s), value });
    return value;
  };
  const expandDeferred = (): void => {
    const resolving = new Set<string>();
    const resolve = (name: string): void => {
      const p = pending.get(name);
      // Replaced by a later scope or a run-time write: that value stands.
      if (!p || vars.get(name) !== p.value) return;
      if (resolving.has(name) || resolving.size > 8) {
        vars.set(name, unknown(`${name} refers to itself through macros`));
        return;
      }
      resolving.add(name);
      for (const m of p.text.matchAll(/\$\(([A-Za-z_][\w.]*)\)/g)) {
        const ref = [...pending.keys()].find((k) => k.toLowerCase() === m[1]!.toLowerCase());
        if (ref !== undefined && ref !== name) resolve(ref);
      }
      resolving.delete(name);
      // One macro alone is that variable, where it is written (`environment: $(envName)`).
      const one = /^\s*\$\(([A-Za-z_][\w.]*)\)\s*$/.exec(p.text);
      vars.set(name, one ? (throughMacro(one[1]!, variable(one[1]!), p.at) ?? unknown(`$(${one[1]}) is not set literally in this file`)) : macrosExpanded(p.text, p.at));
    };
    for (const name of [...pending.keys()]) resolve(name);
  };
  /** A variable's written value: a literal, or one expression/macro resolved; else unknown. */
  const resolveScalar = (s: CiScalar, writtenIn = f): Value => {
    if (depth > 8) return unknown('variables refer to each other too deeply');
    const t = s.text;
    const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(t.trim());
    depth++;
    try {
      if (whole && !whole[1]!.includes('}}')) return expression(whole[1]!);
      const macro = /^\$\(([A-Za-z_][\w.]*)\)$/.exec(t.trim());
      if (macro && pipeline) return throughMacro(macro[1]!, variable(macro[1]!), scalarLoc(writtenIn, s)) ?? unknown(`$(${macro[1]}) is not set literally in this file`);
      // `mlw-$(namespace)-$(environment)`: Azure Pipelines expands the macros in a variable's value
      // (the mlops-v2 configs build every name so); each must be a variable known here.
      if (pipeline && /\$\(/.test(t) && !/\$\{\{|\$\[/.test(t)) return macrosExpanded(t, scalarLoc(writtenIn, s));
      if (/\$\{\{|\$\(|\$\[/.test(t)) return unknown(`"${t.slice(0, 60)}" is built from expressions`);
      return str(t, scalarLoc(writtenIn, s));
    } finally {
      depth--;
    }
  };
  /**
   * Whether `${{ if }}` conditions insert what they guard, with the values known here: holds, and
   * the decision (the input the condition read, when one known value decided it: RULES.md "Values
   * chosen by a condition" points there); undefined when not decided.
   */
  const decideConditions = (when: readonly TemplateCondition[] | undefined): { holds: boolean; decision: Decision } | undefined => {
    if (!when?.length) return undefined;
    const read: Value[] = [];
    const holds = conditionsHold(when, (ref) => {
      const v = conditionReference(ref);
      if (v && v.kind !== 'unknown') read.push(v);
      return v;
    });
    if (holds === undefined) return undefined;
    // One input read by several conditions of a chain (`if`, `elseif` on the same parameter) is one
    // place: compared by where it is written (self-review 70: an elseif chain decided nothing).
    const byPlace = new Map<string, Location>();
    for (const v of read) {
      const l = v.decidedBy ?? v.origin;
      if (l) byPlace.set(locationKey(l), l);
    }
    const inputs = [...byPlace.values()];
    const decider = inputs.length === 1 ? inputs[0] : undefined;
    return { holds, decision: decider ? { decider, chain: [{ ...decider, label: 'decided by this value' }] } : { chain: [] } };
  };
  // The files included so far: each is inserted once (an include graph with many paths to a file
  // costs one insertion), a file that includes itself through others stops, and Azure Pipelines'
  // limits hold (100 separate files, 20 levels).
  const included = new Set<string>();
  const including: string[] = [];
  const add = (list: readonly CiVariable[]): void => {
    for (const v of list) {
      // A variables template read from its file: its variables, in place (a conditional include may
      // not be). Beyond the limits it stays a hidden source, below.
      if (v.kind === 'template' && v.included && !v.conditions?.length) {
        const file = v.included.file;
        if (included.has(file)) continue;
        if (including.length < MAX_INCLUDE_DEPTH && included.size < MAX_INCLUDED_FILES) {
          included.add(file);
          variableFiles.push(file);
          including.push(file);
          add(v.included.variables);
          including.pop();
          continue;
        }
      }
      if (v.kind !== 'value') {
        hidden = true;
        // Azure Pipelines reads `variables:` in order, a later entry over an earlier one of the
        // same name (and a job's over the pipeline's): a variable group, or a template not read
        // in place, may set any variable set so far. A conditional template read from its file
        // may set the names it holds.
        const names = v.kind === 'template' && v.conditions?.length && v.included ? namesSetBy(v.included.variables) : undefined;
        const why = v.kind === 'group' ? `may be set by the variable group ${v.name}` : v.conditions?.length ? `may be set by the conditional template ${v.name}` : `may be set by the template ${v.name}`;
        for (const k of [...vars.keys()]) if (names === undefined || names.has(k.toLowerCase())) vars.set(k, unknown(`${k} ${why}`));
        continue;
      }
      // Under `${{ if }}` blocks: inserted or not as the values known here decide them (a parameter's
      // default or a caller's value, a variable written before it); else unknown (review 67).
      const decided = v.conditions?.length ? decideConditions(v.when) : undefined;
      if (decided?.holds === false) continue;
      if (v.value && /\$\(/.test(v.value.text)) fromMacros.add(v.name.toLowerCase());
      else fromMacros.delete(v.name.toLowerCase());
      const value = v.conditions?.length && !decided
        ? unknown(`${v.name} is set under a condition`)
        : decided && v.value && !builtFromMacros(v.value.text)
          ? chosenBy(resolveScalar(v.value, v.file), scalarLoc(v.file ?? f, v.value), decided.decision)
        : v.conditions?.length
          ? unknown(v.value ? `${v.name} is set under a condition to a value built from macros` : `${v.name} is set under a condition to a value that is not a scalar`)
        : v.unreadable
          ? unknown(v.unreadable)
          : v.value
            ? builtFromMacros(v.value.text)
              ? deferred(v.name, v.value, v.file ?? f)
              : resolveScalar(v.value, v.file)
            : unknown(`${v.name} is not a scalar`);
      setVariable(v.name, value);
    }
  };
  add(file.env);
  if (place?.stage) add(place.stage.env);
  if (place?.job) add(place.job.env);
  // A stage's or job's own variables are not in scope where a condition around that stage or job
  // sits: a condition over a name they set is not decided here (self-review 68).
  for (const v of [...(place?.stage?.env ?? []), ...(place?.job?.env ?? [])]) scopedNames.add(v.name.toLowerCase());
  // A matrix leg's variables are the job's, set for that copy of the job.
  // Learn does not say whether a leg's variable or a `variables:` entry of the same name wins: unknown then.
  for (const name of variant.variables ?? []) {
    const v = variant.values.get(name);
    vars.set(
      name,
      vars.has(name)
        ? unknown(`${name} is set both by matrix leg ${variant.label} and by variables:`)
        : v
          ? resolveScalar(v)
          : unknown(`${name} of matrix leg ${variant.label} is not a scalar`),
    );
  }
  const stepEnv = new Set<string>();
  // The pipeline's variables before a step's own `env:` hides a name: the agent still passes each
  // variable under its upper-cased name (self-review 76).
  const variablesBeforeStep = pipeline && place?.step ? new Map(vars) : undefined;
  if (place?.step) {
    add(place.step.env);
    for (const v of place.step.env) stepEnv.add(v.name);
  }
  // What an earlier step of the job sets at run time ($GITHUB_ENV, ##vso[task.setvariable]) is
  // unknown here, over any literal `env:`/`variables:` entry of that name.
  const runtime = github || pipeline ? runtimeVariables(f, place?.job, place?.step, github ? 'github-actions' : 'azure-pipelines') : undefined;
  const setBy = github ? 'written to $GITHUB_ENV' : 'set with ##vso[task.setvariable]';
  const setEarlier = (name: string): string => `${name} is ${setBy} by an earlier step of the job`;
  const maySetEarlier = (name: string): string => `an earlier step of the job may set ${name} at run time (${setBy})`;
  setAtRunTime(runtime, setEarlier, maySetEarlier);
  // A run-time write changes the pipeline variable a step's own `env:` entry hides too (self-review 79).
  if (variablesBeforeStep && runtime) {
    const written = new Map(Array.from(runtime.names ?? [], ([n, at]) => [n.toLowerCase(), at] as const));
    for (const k of [...variablesBeforeStep.keys()]) {
      const at = written.get(k.toLowerCase());
      if (at !== undefined) variablesBeforeStep.set(k, unknown(setEarlier(k), at));
      else if (runtime.any !== undefined) variablesBeforeStep.set(k, unknown(maySetEarlier(k), runtime.any));
    }
  }
  /** The pipeline variable a step's own `env:` entry of that name (in any case: Azure Pipelines names ignore it) hides; undefined when there is none. */
  const variableBeforeStep = (name: string): Value | undefined => {
    if (!variablesBeforeStep) return undefined;
    const lower = name.toLowerCase();
    for (const [k, v] of variablesBeforeStep) if (k.toLowerCase() === lower) return v;
    return undefined;
  };
  expandDeferred();
  // `$(name)` is replaced from the pipeline's variables, not from a step's own `env:` (self-review 78).
  const pipelineVariable = (name: string): Value | undefined => {
    const k = variableName(name, pipeline);
    return k === undefined ? undefined : stepEnv.has(k) ? variableBeforeStep(k) : vars.get(k);
  };
  const macro = pipeline
    ? (name: string): Value =>
        pipelineVariable(name) ??
        // `$(Build.SourcesDirectory)`: the checkout's folder (a path built on it is a path from the repository's top).
        unknown(hidden ? `$(${name}) may come from a variable group or template` : `$(${name}) is not set literally in this file`, undefined, CHECKOUT_TOP_MACROS.has(name.toLowerCase()) ? CHECKOUT_TOKEN : undefined)
    : undefined;
  const expansion: ScriptContext['expansion'] = macro ? { expression, macro } : { expression };
  // The job's runner: its own (a matrix leg's `${{ matrix.os }}` put in), else its caller's (a composite action, a template's job without a pool).
  // An Azure Pipelines `vmImage: $(imageName)` a matrix leg or a variable sets is put in as well.
  const runsOn = place?.job?.runsOn
    ?.replace(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g, (whole, axis: string) => variant.values.get(axis)?.text ?? whole)
    // A template parameter or workflow input (`vmImage: ${{ parameters.vmImage }}`, `runs-on: ${{ inputs.os }}`) as the caller passes it (self-review 78).
    .replace(/\$\{\{\s*((?:parameters|inputs)\.[\w.-]+)\s*\}\}/g, (whole, expr: string) => {
      const v = expression(expr);
      return v.kind === 'string' ? v.value : whole;
    })
    .replace(/\$\(([\w.]+)\)/g, (whole, name: string) => {
      const v = macro?.(name);
      return v?.kind === 'string' ? v.value : whole;
    });
  // The caller's runner only for a job that names none (a pool it names but that is not known stays unknown; self-review 76).
  const os = runsOn !== undefined ? runnerOsOf(runsOn) : callerOs;
  if (os) expansion.runnerOs = os;
  const env: Env = new Map();
  const stepEnvLower = new Set([...stepEnv].map((n) => n.toLowerCase()));
  for (const [k, v] of vars) {
    // Azure Pipelines passes variables to scripts as environment variables named NAME.x → NAME_X
    // (Learn, "Define variables": upper-cased), so `$myVar` in bash is not `myVar`; a step's own
    // `env:` entries keep their names, and only those (self-review 75: the agent passes them as
    // written; on Linux `MySize` is no `$MYSIZE`).
    if (!pipeline || stepEnv.has(k)) env.set(k, v);
    if (!pipeline) continue;
    const variable = stepEnv.has(k) ? variableBeforeStep(k) : v;
    const upper = k.toUpperCase().replace(/[. ]/g, '_');
    // A step's own `env:` entry of that very name wins over a variable's upper-cased copy; on
    // Windows, where names ignore case, one of another case does too (the step's env: is applied
    // last; self-review 78), and where the OS is not known the name's value is not known.
    if (!variable || stepEnv.has(upper)) continue;
    if (os !== 'unix' && stepEnvLower.has(upper.toLowerCase())) {
      if (os === undefined) env.set(upper, unknown(`${upper} is the pipeline variable ${k} on Linux and the step's own env: entry on Windows, and the agent's OS is not known`));
      continue;
    }
    env.set(upper, variable);
  }
  if (runtime?.any) env.set(ANY_VARIABLE, unknown(maySetEarlier('any variable'), runtime.any));
  return { env, expansion, variables: { values: vars, hidden, ...(variableFiles.length ? { files: variableFiles } : {}), fromMacros, ...(beforeRunTime.size ? { compileTime: beforeRunTime } : {}) }, condition: conditionReference };
}

/**
 * The names (lower case) a variables template sets, through the templates it includes; undefined
 * when it may set any (a variable group, a template not read).
 */
function namesSetBy(list: readonly CiVariable[]): Set<string> | undefined {
  // Templates include each other many times over (a file included three times by each of 20
  // nested files): each list is answered once.
  const known = NAMES_SET_BY.get(list);
  if (known !== undefined) return known ?? undefined;
  const out = new Set<string>();
  let any = false;
  for (const v of list) {
    if (v.kind === 'value') out.add(v.name.toLowerCase());
    // (Includes are read at most MAX_INCLUDE_DEPTH deep, a cycle as no variables: the recursion ends there.)
    else if (v.kind === 'template' && v.included) {
      const inner = namesSetBy(v.included.variables);
      if (!inner) {
        any = true;
        break;
      }
      for (const n of inner) out.add(n);
    } else {
      any = true;
      break;
    }
  }
  NAMES_SET_BY.set(list, any ? null : out);
  return any ? undefined : out;
}

/** namesSetBy's answers, by list (null: it may set any name). */
const NAMES_SET_BY = new WeakMap<readonly CiVariable[], Set<string> | null>();

/**
 * A variable's value read by a macro (`poolSize: $(gpuSku)`, a caller's `size: $(gpuSize)`): the
 * same value, with the variable's name in its chain (GPU001 reads `gpu` in the names a size
 * flowed through); placed where the variable is written, else at `at`.
 */
function throughMacro(name: string, v: Value | undefined, at: Location): Value | undefined {
  return v === undefined || v.kind === 'unknown' ? v : passedThrough(v, variableSite(v.origin ?? at, name, `$(${name})`));
}

/** The caller-side value of a template input (`with:` / `parameters:`), resolved like a variable. */
/**
 * A GitHub job's `with:` value for the reusable workflow it calls: GitHub offers `github`, `needs`,
 * `strategy`, `matrix`, `inputs` and `vars` there, not `env` ("Contexts reference", context
 * availability of `jobs.<job_id>.with.<with_id>`): a value reading `env.` is unknown (GitHub
 * rejects the workflow), never the workflow's `env:` value.
 */
export function jobWithValue(file: CiFile, ctx: ScriptContext, text: string, loc: Location): Value {
  if (/\$\{\{[^}]*\benv\./.test(text)) return unknown(`"${text.slice(0, 60)}" reads the env context, which a job's with: cannot (GitHub rejects the workflow)`, loc);
  return entryValue(file, ctx, text, loc);
}

export function entryValue(file: CiFile, ctx: ScriptContext, text: string, loc: Location): Value {
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(text.trim());
  // What the expression writes itself (a literal its operators choose) is written at this entry.
  if (whole && !whole[1]!.includes('}}')) return ctx.expansion.expression(whole[1]!, () => loc);
  const macro = /^\$\(([A-Za-z_][\w.]*)\)$/.exec(text.trim());
  if (macro && ctx.expansion.macro) return throughMacro(macro[1]!, ctx.expansion.macro(macro[1]!), loc)!;
  if (/\$\{\{|\$\(|\$\[/.test(text)) return unknown(`"${text.slice(0, 60)}" is built from expressions`);
  void file;
  return str(text, loc);
}
