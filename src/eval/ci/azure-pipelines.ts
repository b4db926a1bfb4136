/**
 * Azure Pipelines files and templates → the CI model: `parameters:`, `variables:` at
 * pipeline, stage and job level, stages, jobs and deployment jobs (with their
 * environment and pool), steps (tasks with inputs, script steps, template calls with
 * parameters) and the scripts they run.
 *
 * Steps may sit under stages, jobs, deployment strategies (`strategy.runOnce.deploy.steps`),
 * template parameters and `${{ if }}` blocks, so the whole document is walked, the same
 * way the parser walks it: step addresses are the walk paths, each list item named by what it
 * is rather than its position (`pipeline:stages[stage=Deploy].jobs[job=Infra].steps[task=AzureCLI]`,
 * ci-address.ts), and join the parser's script snippets.
 */
import { isConditionKey, neverHolds, stringOf, valueOf } from '../../parse/yaml/ci.js';
import { eachLoopOf, entryPath, pipelineItemName, treeSegments } from '../../parse/yaml/ci-address.js';
import type { YamlMap, YamlTree } from '../../parse/yaml/ci.js';
import { entriesOf, entryOfNode, envOf, isExpressionKey, scalarOf, stringsOf, templateRefOf, variablesOf } from './common.js';
import type { ScriptsBySubject } from './common.js';
import type { CiEntry, CiEnvironment, CiFile, CiInput, CiJob, CiLoop, CiLoopItem, CiMatrixLeg, CiScalar, CiStage, CiStep, CiStepKind, CiTask } from './types.js';
import { conditionChain, type TemplateCondition } from './template-conditions.js';

const SCRIPT_KEYS = new Set(['script', 'bash', 'pwsh', 'powershell']);

/** Template `parameters:` declarations: a list of `{ name, type, default, values }`, or a mapping of name → default. */
function parametersOf(node: YamlTree | undefined): CiInput[] {
  const out: CiInput[] = [];
  if (node?.type === 'seq') {
    for (const item of node.items) {
      const name = valueOf(item, 'name');
      if (item.type !== 'map' || name?.type !== 'scalar') continue;
      const p: CiInput = { name: name.value, nameRange: name.range, source: 'parameters', allowed: [], range: item.range };
      const type = stringOf(item, 'type');
      if (type !== undefined) p.type = type;
      const defNode = valueOf(item, 'default');
      const def = scalarOf(defNode);
      if (def) p.default = def;
      const members = scalarMembers(defNode);
      if (members) p.defaultMembers = members;
      const items = loopItems(defNode);
      if (items) p.defaultItems = items;
      const values = valueOf(item, 'values');
      if (values?.type === 'seq') p.allowed = values.items.flatMap((v) => (v.type === 'scalar' ? [scalarOf(v)!] : []));
      out.push(p);
    }
  } else if (node?.type === 'map') {
    for (const e of node.entries) {
      const p: CiInput = { name: e.key, nameRange: e.keyRange, source: 'parameters', allowed: [], range: e.range };
      const def = scalarOf(e.value);
      if (def) p.default = def;
      const members = scalarMembers(e.value);
      if (members) p.defaultMembers = members;
      const items = loopItems(e.value);
      if (items) p.defaultItems = items;
      out.push(p);
    }
  }
  return out;
}

/** Mappings nested deeper than this in an object parameter's default are not read (their members stay unknown). */
const MAX_MEMBER_DEPTH = 8;

/**
 * The scalar members of a mapping (an `object` parameter's default), by dotted path, for
 * `${{ parameters.cluster.size }}`; undefined for anything but a mapping. Lists are not entered
 * (a `${{ each }}` loop reads them: loopItems).
 */
function scalarMembers(node: YamlTree | undefined): Map<string, CiScalar> | undefined {
  if (node?.type !== 'map') return undefined;
  const out = new Map<string, CiScalar>();
  const walk = (n: YamlTree, prefix: string, depth: number): void => {
    if (n.type !== 'map' || depth > MAX_MEMBER_DEPTH) return;
    for (const e of n.entries) {
      if (!e.value) continue;
      const key = prefix ? `${prefix}.${e.key}` : e.key;
      const scalar = scalarOf(e.value);
      if (scalar) out.set(key, scalar);
      else walk(e.value, key, depth + 1);
    }
  };
  walk(node, '', 0);
  return out;
}

/**
 * What a `${{ each }}` loop over a list or mapping default walks (Learn, "Template expressions",
 * Each keyword: a list's items, or a mapping's entries as `key`/`value` pairs); undefined for a
 * scalar or nothing.
 */
function loopItems(node: YamlTree | undefined): CiLoopItem[] | undefined {
  const itemOf = (n: YamlTree | undefined): CiLoopItem => {
    const value = scalarOf(n);
    if (value) return { value };
    const members = scalarMembers(n);
    return members ? { members } : {};
  };
  if (node?.type === 'seq') return node.items.map(itemOf);
  if (node?.type === 'map') return node.entries.map((e) => ({ key: { text: e.key, range: e.keyRange }, ...itemOf(e.value) }));
  return undefined;
}

function taskOf(node: YamlTree | undefined): CiTask | undefined {
  if (node?.type !== 'scalar') return undefined;
  const text = node.value.trim();
  const at = text.indexOf('@');
  const t: CiTask = { text: node.value, range: node.range, name: at >= 0 ? text.slice(0, at) : text };
  if (at >= 0) t.version = text.slice(at + 1);
  return t;
}

function environmentOf(node: YamlTree | undefined): CiEnvironment | undefined {
  const s = scalarOf(node) ?? scalarOf(valueOf(node, 'name'));
  return s && s.text !== '' ? { name: s.text, range: s.range } : undefined;
}

function poolOf(node: YamlTree | undefined): string | undefined {
  return scalarOf(node)?.text ?? stringOf(node, 'vmImage') ?? stringOf(node, 'name');
}

/** The step key of a map, if it is a step: `task`, `script`, `bash`, `pwsh`, `powershell` with a scalar value, or `template`. */
function stepKindOf(m: YamlMap, container: string | undefined): CiStepKind | undefined {
  for (const e of m.entries) {
    if (e.value?.type !== 'scalar') continue;
    if (e.key === 'task' || SCRIPT_KEYS.has(e.key)) return e.key as CiStepKind;
  }
  if (container === 'steps' && m.entries.some((e) => e.key === 'template' && e.value?.type === 'scalar')) return 'template';
  return undefined;
}

/**
 * `strategy.matrix` of a job: a mapping of leg names to mappings of variables (Learn, "jobs.job.strategy"):
 * the job runs once per leg with those variables. Undefined when it is not written as such (a `$[ ]`
 * expression built at run time): the legs are then unknown, as before.
 */
function matrixLegsOf(m: YamlTree | undefined): CiMatrixLeg[] | undefined {
  if (m?.type !== 'map') return undefined;
  const legs: CiMatrixLeg[] = [];
  for (const e of m.entries) {
    if (e.value?.type !== 'map') return undefined;
    legs.push({ name: e.key, values: new Map(e.value.entries.map((v) => [v.key, scalarOf(v.value)])) });
  }
  return legs.length > 0 ? legs : undefined;
}

export function readPipeline(out: CiFile, roots: YamlTree[], scripts: ScriptsBySubject): void {
  let implicit: CiJob | undefined;
  /** A stage's own `pool:`, which its jobs without one run on. */
  const stagePools = new Map<CiStage, string>();
  const jobOf = (job: CiJob | undefined, root: YamlTree): CiJob => {
    if (job) return job;
    if (!implicit) {
      implicit = { id: '', subject: 'pipeline:$', kind: 'implicit', keyRange: root.range, range: root.range, needs: [], matrix: [], env: [], inputs: [], steps: [] };
      const pool = poolOf(valueOf(root, 'pool'));
      if (pool !== undefined) implicit.runsOn = pool;
      out.jobs.push(implicit);
    }
    return implicit;
  };

  /**
   * `container`: the mapping key above the nearest list (`steps`, `jobs`, `stages`), kept
   * through `${{ }}` blocks; `stage`/`job`: the enclosing stage and job.
   */
  const visit = (node: YamlTree | undefined, path: string, container: string | undefined, stage: CiStage | undefined, job: CiJob | undefined, root: YamlTree, when: readonly TemplateCondition[] = [], loops: readonly CiLoop[] = []): void => {
    if (!node) return;
    if (node.type === 'seq') {
      const segments = treeSegments(node.items, pipelineItemName);
      // `- ${{ if … }}:` then `- ${{ else }}:`: a chain across the list's items.
      const chain = conditionChain(node.items.map((item) => (item?.type === 'map' && item.entries.length === 1 ? item.entries[0]!.key : undefined)));
      node.items.forEach((item, i) => visit(item, `${path}${segments[i]!}`, container, stage, job, root, within(when, chain[i]), loops));
      return;
    }
    if (node.type !== 'map') return;
    const subject = `pipeline:${path || '$'}`;
    const kind = stepKindOf(node, container);
    // `enabled: false`, `condition: false`: the step never runs (its scripts are not read either, parse/yaml/ci.ts).
    if (kind && (/^false$/i.test((stringOf(node, 'enabled') ?? '').trim()) || neverHolds(stringOf(node, 'condition')))) return;
    if (kind) {
      const owner = jobOf(job, root);
      const step: CiStep = {
        subject,
        index: owner.steps.length,
        range: node.range,
        kind,
        inputs: entriesOf(valueOf(node, kind === 'template' ? 'parameters' : 'inputs')),
        env: envOf(valueOf(node, 'env'), 'step'),
        scripts: scripts.get(subject) ?? [],
      };
      if (when.length > 0) step.when = [...when];
      if (loops.length > 0) step.loops = [...loops];
      if (kind === 'task') {
        const branches = conditionalBranches(valueOf(node, 'inputs'));
        if (branches.length) step.inputBranches = branches;
        const task = taskOf(valueOf(node, 'task'));
        if (task) step.task = task;
      }
      if (kind === 'template') {
        const t = templateRefOf(valueOf(node, 'template'));
        if (t) step.template = t;
      }
      const name = stringOf(node, 'displayName');
      if (name !== undefined) step.name = name;
      const id = stringOf(node, 'name');
      if (id !== undefined) step.id = id;
      const cond = stringOf(node, 'condition');
      if (cond !== undefined) step.condition = cond;
      // Script steps' `workingDirectory:`, a task's `workingDirectory` input: where the script starts.
      const dir = stringOf(node, 'workingDirectory') ?? stringOf(valueOf(node, 'inputs'), 'workingDirectory') ?? stringOf(valueOf(node, 'inputs'), 'cwd');
      if (dir !== undefined) step.workingDirectory = dir;
      owner.steps.push(step);
      // A task's inputs hold values, never nested steps (the parser's rule); a template's
      // parameters may hold step lists, whose steps belong to the enclosing job.
      for (const e of node.entries) {
        if ((kind !== 'template' && e.key === kind) || e.key === 'inputs') continue;
        visit(e.value, entryPath(path, e.key), e.key, stage, job, root, when, loopsWithin(loops, e));
      }
      return;
    }

    const jobKey = node.entries.find((e) => (e.key === 'job' || e.key === 'deployment') && e.value?.type === 'scalar');
    const stageKey = node.entries.find((e) => e.key === 'stage' && e.value?.type === 'scalar');
    // A job or stage written `condition: false` never runs, nor does anything under it (parse/yaml/ci.ts reads no script of it).
    if ((jobKey || stageKey) && neverHolds(stringOf(node, 'condition'))) return;
    const templateCall = container === 'jobs' || container === 'stages' ? templateRefOf(valueOf(node, 'template')) : undefined;
    if (stageKey || (templateCall && container === 'stages')) {
      const s: CiStage = {
        id: stageKey?.value?.type === 'scalar' ? stageKey.value.value : '',
        subject,
        keyRange: (stageKey ?? node.entries[0]!).keyRange,
        range: node.range,
        env: variablesOf(valueOf(node, 'variables'), 'stage'),
        inputs: templateCall ? entriesOf(valueOf(node, 'parameters')) : [],
        jobs: [],
      };
      const name = stringOf(node, 'displayName');
      if (name !== undefined) s.name = name;
      if (templateCall) s.template = templateCall;
      if (loops.length > 0) s.loops = [...loops];
      const stagePool = poolOf(valueOf(node, 'pool'));
      if (stagePool !== undefined) stagePools.set(s, stagePool);
      out.stages.push(s);
      stage = s;
    } else if (jobKey || (templateCall && container === 'jobs')) {
      const j: CiJob = {
        id: jobKey?.value?.type === 'scalar' ? jobKey.value.value : '',
        subject,
        kind: jobKey ? (jobKey.key === 'deployment' ? 'deployment' : 'job') : 'template',
        keyRange: (jobKey ?? node.entries[0]!).keyRange,
        range: node.range,
        needs: stringsOf(valueOf(node, 'dependsOn')),
        matrix: [],
        env: variablesOf(valueOf(node, 'variables'), 'job'),
        inputs: templateCall && !jobKey ? entriesOf(valueOf(node, 'parameters')) : [],
        steps: [],
      };
      const name = stringOf(node, 'displayName');
      if (name !== undefined) j.name = name;
      // A job without a pool of its own runs on its stage's, else the pipeline's (Learn, "pool" in the YAML schema).
      const pool = poolOf(valueOf(node, 'pool')) ?? (stage ? stagePools.get(stage) : undefined) ?? poolOf(valueOf(root, 'pool'));
      if (pool !== undefined) j.runsOn = pool;
      const env = environmentOf(valueOf(node, 'environment'));
      if (env) j.environment = env;
      if (templateCall && !jobKey) j.template = templateCall;
      const legs = matrixLegsOf(valueOf(valueOf(node, 'strategy'), 'matrix'));
      if (legs) j.matrixLegs = legs;
      if (loops.length > 0) j.loops = [...loops];
      if (stage) {
        j.stage = stage.subject;
        stage.jobs.push(subject);
      }
      out.jobs.push(j);
      job = j;
    }
    // A single-key item's condition was taken by its list's chain; a mapping's keys chain among themselves.
    const chain = node.entries.length > 1 ? conditionChain(node.entries.map((e) => e.key)) : [];
    node.entries.forEach((e, i) => {
      const next = isExpressionKey(e.key) ? container : e.key;
      visit(e.value, entryPath(path, e.key), next, stage, job, root, within(when, chain[i]), loopsWithin(loops, e));
    });
  };

  for (const root of roots) {
    if (root.type !== 'map') continue;
    const name = stringOf(root, 'name');
    if (name !== undefined && out.name === undefined) out.name = name;
    out.inputs.push(...parametersOf(valueOf(root, 'parameters')));
    out.env.push(...variablesOf(valueOf(root, 'variables'), 'pipeline'));
    const ext = valueOf(root, 'extends');
    const extTemplate = templateRefOf(valueOf(ext, 'template'));
    if (extTemplate && !out.extends) out.extends = { template: extTemplate, inputs: entriesOf(valueOf(ext, 'parameters')) };
    visit(root, '', undefined, undefined, undefined, root);
  }
  for (const j of out.jobs) j.steps.sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (const j of out.jobs) j.steps.forEach((s, i) => (s.index = i));
}

/**
 * The entries each `${{ if … }}` / `${{ elseif … }}` / `${{ else }}` branch of a mapping (a task's
 * `inputs:`) inserts, a nested branch with its enclosing branches' entries after its own; none
 * without branches.
 */
function conditionalBranches(node: YamlTree | undefined, depth = 0): CiEntry[][] {
  if (node?.type !== 'map' || depth > 8) return [];
  const out: CiEntry[][] = [];
  for (const e of node.entries) {
    if (!isConditionKey(e.key) || e.value?.type !== 'map') continue;
    const own = e.value.entries.filter((x) => !isExpressionKey(x.key)).map(entryOfNode);
    const nested = conditionalBranches(e.value, depth + 1);
    if (nested.length) out.push(...nested.map((n) => [...n, ...own]));
    else out.push(own);
  }
  return out;
}

/** The loops inside a mapping entry: the enclosing ones, then its own when its key is `${{ each x in … }}` (none: the same list). */
function loopsWithin(loops: readonly CiLoop[], e: { key: string; keyRange: CiLoop['keyRange'] }): readonly CiLoop[] {
  const loop = eachLoopOf(e.key);
  return loop ? [...loops, { ...loop, keyRange: e.keyRange }] : loops;
}

/** The conditions inside a block: the enclosing ones, then the block's own (none: the same list). */
function within(when: readonly TemplateCondition[], own: readonly TemplateCondition[] | undefined): readonly TemplateCondition[] {
  return own ? [...when, ...own] : when;
}
