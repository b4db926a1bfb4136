/**
 * GitHub Actions workflows and composite actions → the CI model: triggers and inputs,
 * permissions (and each job's effective permissions), `env:` at every level, jobs with
 * their environment, matrix and reusable-workflow call, steps with their parsed `uses:`.
 *
 * Structure comes from the positioned YAML tree; scripts come from the parser's snippets,
 * joined by step address (`workflow:jobs.<id>.steps[name=Apply]`, `action:runs.steps[uses=azure/login]`:
 * named by the step's id, name, action or kind, never by its position, see ci-address.ts).
 */
import { entryOf, neverHolds, parseUses, stringOf, valueOf } from '../../parse/yaml/ci.js';
import { githubStepName, treeSegments } from '../../parse/yaml/ci-address.js';
import type { YamlEntryNode, YamlTree } from '../../parse/yaml/ci.js';
import { entriesOf, entryOfNode, envOf, scalarOf, stringsOf } from './common.js';
import type { ScriptsBySubject } from './common.js';
import type { CiEnvironment, CiFile, CiInput, CiJob, CiMatrixAxis, CiMatrixEntry, CiMatrixRules, CiPermissions, CiScalar, CiStep, CiUses } from './types.js';

export function usesOf(e: YamlEntryNode | undefined): CiUses | undefined {
  if (e?.value?.type !== 'scalar') return undefined;
  const g = parseUses(e.value.value, e.value.range, e.keyRange);
  const u: CiUses = { text: g.value, range: g.range, keyRange: g.keyRange, kind: g.kind, name: '' };
  if (g.owner !== undefined) u.owner = g.owner;
  if (g.repo !== undefined) u.repo = g.repo;
  if (g.path !== undefined) u.path = g.path;
  if (g.ref !== undefined) u.ref = g.ref;
  const v = g.value.trim();
  u.name =
    u.kind === 'docker'
      ? v.slice('docker://'.length)
      : u.kind === 'action' || u.kind === 'reusable-workflow'
        ? [u.owner, u.repo, u.path].filter((x) => x !== undefined).join('/').toLowerCase()
        : v;
  return u;
}

export function permissionsOf(e: YamlEntryNode | undefined, level: CiPermissions['level']): CiPermissions | undefined {
  if (!e) return undefined;
  const p: CiPermissions = { level, kind: 'other', scopes: {}, entries: [], keyRange: e.keyRange, range: e.range };
  const v = e.value;
  if (v?.type === 'scalar') {
    if (v.value === 'write-all') p.kind = 'write-all';
    else if (v.value === 'read-all') p.kind = 'read-all';
  } else if (v?.type === 'map') {
    p.kind = 'map';
    for (const s of v.entries) {
      if (s.value?.type !== 'scalar') continue;
      p.scopes[s.key] = s.value.value;
      p.entries.push(entryOfNode(s));
    }
  }
  return p;
}

function environmentOf(node: YamlTree | undefined): CiEnvironment | undefined {
  const s = scalarOf(node) ?? scalarOf(valueOf(node, 'name'));
  return s && s.text !== '' ? { name: s.text, range: s.range } : undefined;
}

/** The most members a matrix axis's mappings are read with (each combination copies them): larger ones are not read. */
const MAX_MATRIX_MEMBERS = 32;

function matrixOf(strategy: YamlTree | undefined): CiMatrixAxis[] {
  const m = valueOf(strategy, 'matrix');
  if (m?.type !== 'map') return [];
  const out: CiMatrixAxis[] = [];
  for (const e of m.entries) {
    if (e.key === 'include' || e.key === 'exclude') continue;
    const axis: CiMatrixAxis = { name: e.key, nameRange: e.keyRange };
    if (e.value?.type === 'seq' && e.value.items.every((i) => i.type === 'scalar')) axis.values = e.value.items.map((i) => scalarOf(i)!);
    else if (e.value?.type === 'seq' && e.value.items.length > 0 && e.value.items.every((i) => i.type === 'map' && i.entries.length <= MAX_MATRIX_MEMBERS)) {
      axis.objects = e.value.items.map((i) => {
        const members = new Map<string, CiScalar>();
        if (i.type === 'map') for (const m of i.entries) if (m.value?.type === 'scalar') members.set(m.key, scalarOf(m.value)!);
        return members;
      });
    }
    out.push(axis);
  }
  return out;
}

/** A list of `include:`/`exclude:` mappings; undefined when the list is an expression or holds something else. */
function matrixEntriesOf(node: YamlTree | undefined): CiMatrixEntry[] | undefined {
  if (node === undefined) return [];
  if (node.type !== 'seq') return undefined;
  const out: CiMatrixEntry[] = [];
  for (const item of node.items) {
    if (item.type !== 'map') return undefined;
    out.push(new Map(item.entries.map((e) => [e.key, scalarOf(e.value)])));
  }
  return out;
}

/**
 * `strategy.matrix.include`/`exclude`: they add combinations and keys, and remove combinations
 * (GitHub docs, "Running variations of jobs in a workflow"). An `include:` the linter cannot
 * read only hides variants; an unreadable `exclude:` may remove any, so it is recorded.
 */
function matrixRulesOf(strategy: YamlTree | undefined): CiMatrixRules | undefined {
  const m = valueOf(strategy, 'matrix');
  if (m?.type !== 'map') return undefined;
  const inc = valueOf(m, 'include');
  const exc = valueOf(m, 'exclude');
  if (inc === undefined && exc === undefined) return undefined;
  const exclude = matrixEntriesOf(exc);
  const excludeObjects = exclude && exc?.type === 'seq' ? exc.items.map(objectMembersOf) : undefined;
  const include = matrixEntriesOf(inc);
  const includeObjects = include && inc?.type === 'seq' ? inc.items.map(objectMembersOf) : undefined;
  return {
    include: include ?? [],
    exclude: exclude ?? [],
    ...(includeObjects?.some((o) => o) ? { includeObjects } : {}),
    ...(excludeObjects?.some((o) => o) ? { excludeObjects } : {}),
    opaqueExclude: exclude === undefined,
  };
}

/** An entry's keys whose value is a mapping of scalars, with those scalars (undefined when none). */
function objectMembersOf(item: YamlTree): ReadonlyMap<string, ReadonlyMap<string, CiScalar>> | undefined {
  if (item.type !== 'map') return undefined;
  const out = new Map<string, ReadonlyMap<string, CiScalar>>();
  for (const e of item.entries) {
    if (e.value?.type !== 'map' || e.value.entries.length === 0 || !e.value.entries.every((m) => m.value?.type === 'scalar')) continue;
    out.set(e.key, new Map(e.value.entries.map((m) => [m.key, scalarOf(m.value)!])));
  }
  return out.size > 0 ? out : undefined;
}

function optionalRules(r: CiMatrixRules | undefined): { matrixRules?: CiMatrixRules } {
  return r ? { matrixRules: r } : {};
}

/** `workflow_call`/`workflow_dispatch` inputs, or a composite action's `inputs:`. */
function inputsOf(node: YamlTree | undefined, source: CiInput['source']): CiInput[] {
  if (node?.type !== 'map') return [];
  return node.entries.map((e) => {
    const i: CiInput = { name: e.key, nameRange: e.keyRange, source, allowed: [], range: e.range };
    const type = stringOf(e.value, 'type');
    if (type !== undefined) i.type = type;
    const req = stringOf(e.value, 'required');
    if (req !== undefined) i.required = req.toLowerCase() === 'true';
    const def = scalarOf(valueOf(e.value, 'default'));
    if (def) i.default = def;
    const opts = valueOf(e.value, 'options');
    if (opts?.type === 'seq') i.allowed = opts.items.flatMap((x) => (x.type === 'scalar' ? [scalarOf(x)!] : []));
    return i;
  });
}

/** `on:` as a scalar, a list or a mapping; YAML 1.1 readers turn a bare `on` key into `true`. */
function onOf(root: YamlTree): YamlTree | undefined {
  return valueOf(root, 'on') ?? valueOf(root, 'true');
}

function triggersOf(on: YamlTree | undefined): CiScalar[] {
  if (on?.type === 'scalar') return on.value ? [{ text: on.value, range: on.range }] : [];
  if (on?.type === 'seq') return on.items.flatMap((i) => (i.type === 'scalar' && i.value ? [{ text: i.value, range: i.range }] : []));
  if (on?.type === 'map') return on.entries.map((e) => ({ text: e.key, range: e.keyRange }));
  return [];
}

function stepsOf(seq: YamlTree | undefined, prefix: string, scripts: ScriptsBySubject, defaultShell: string | undefined, defaultDir?: string): CiStep[] {
  if (seq?.type !== 'seq') return [];
  const steps: CiStep[] = [];
  const segments = treeSegments(seq.items, githubStepName);
  seq.items.forEach((item, i) => {
    if (item.type !== 'map') return;
    // `if: false` / `if: ${{ false }}`: the step never runs (parse/yaml/ci.ts reads no script of it).
    if (neverHolds(stringOf(item, 'if'))) return;
    const subject = `${prefix}${segments[i]!}`;
    const uses = usesOf(entryOf(item, 'uses'));
    const step: CiStep = {
      subject,
      index: steps.length,
      range: item.range,
      kind: uses && !entryOf(item, 'run') ? 'uses' : 'run',
      inputs: entriesOf(valueOf(item, 'with')),
      env: envOf(valueOf(item, 'env'), 'step'),
      scripts: scripts.get(subject) ?? [],
    };
    if (uses) step.uses = uses;
    const name = stringOf(item, 'name');
    if (name !== undefined) step.name = name;
    const id = stringOf(item, 'id');
    if (id !== undefined) step.id = id;
    const shell = stringOf(item, 'shell') ?? defaultShell;
    if (shell !== undefined) step.shell = shell;
    // `run:` steps start there (a `uses:` step's own `working-directory` is an input, if any).
    const dir = stringOf(item, 'working-directory') ?? defaultDir;
    if (dir !== undefined && !uses) step.workingDirectory = dir;
    const cond = stringOf(item, 'if');
    if (cond !== undefined) step.condition = cond;
    steps.push(step);
  });
  return steps;
}

function defaultShellOf(node: YamlTree | undefined): string | undefined {
  return stringOf(valueOf(valueOf(node, 'defaults'), 'run'), 'shell');
}

/** `defaults.run.working-directory` of a job or workflow. */
function defaultDirOf(node: YamlTree | undefined): string | undefined {
  return stringOf(valueOf(valueOf(node, 'defaults'), 'run'), 'working-directory');
}

export function readWorkflow(out: CiFile, root: YamlTree, scripts: ScriptsBySubject): void {
  const name = stringOf(root, 'name');
  if (name !== undefined) out.name = name;
  const on = onOf(root);
  out.triggers = triggersOf(on);
  out.reusable = out.triggers.some((t) => t.text === 'workflow_call');
  out.calledOnly = out.reusable && out.triggers.every((t) => t.text === 'workflow_call');
  out.inputs = [
    ...inputsOf(valueOf(valueOf(on, 'workflow_call'), 'inputs'), 'workflow_call'),
    ...inputsOf(valueOf(valueOf(on, 'workflow_dispatch'), 'inputs'), 'workflow_dispatch'),
  ];
  const wfPerms = permissionsOf(entryOf(root, 'permissions'), 'workflow');
  if (wfPerms) out.permissions = wfPerms;
  out.env = envOf(valueOf(root, 'env'), 'workflow');
  const wfShell = defaultShellOf(root);
  const wfDir = defaultDirOf(root);
  const jobs = valueOf(root, 'jobs');
  if (jobs?.type !== 'map') return;
  for (const e of jobs.entries) {
    const node = e.value;
    // `if: false`: the job never runs, nor the steps or reusable workflow under it (parse/yaml/ci.ts reads no script of it).
    if (neverHolds(stringOf(node, 'if'))) continue;
    const subject = `workflow:jobs.${e.key}`;
    const uses = usesOf(entryOf(node, 'uses'));
    const job: CiJob = {
      id: e.key,
      subject,
      kind: uses ? 'workflow-call' : 'job',
      keyRange: e.keyRange,
      range: e.range,
      needs: stringsOf(valueOf(node, 'needs')),
      matrix: matrixOf(valueOf(node, 'strategy')),
      ...optionalRules(matrixRulesOf(valueOf(node, 'strategy'))),
      env: envOf(valueOf(node, 'env'), 'job'),
      inputs: entriesOf(valueOf(node, 'with')),
      steps: [],
    };
    const jobName = stringOf(node, 'name');
    if (jobName !== undefined) job.name = jobName;
    const runsOn = valueOf(node, 'runs-on');
    if (runsOn?.type === 'scalar') job.runsOn = runsOn.value;
    else if (runsOn?.type === 'seq') job.runsOn = runsOn.items.map((i) => (i.type === 'scalar' ? i.value : '')).join(' ');
    const perms = permissionsOf(entryOf(node, 'permissions'), 'job');
    if (perms) job.permissions = perms;
    const effective = perms ?? wfPerms;
    if (effective) job.effectivePermissions = effective;
    const env = environmentOf(valueOf(node, 'environment'));
    if (env) job.environment = env;
    if (uses) job.uses = uses;
    const secrets = entryOf(node, 'secrets');
    if (secrets) job.secrets = entryOfNode(secrets);
    job.steps = stepsOf(valueOf(node, 'steps'), `${subject}.steps`, scripts, defaultShellOf(node) ?? wfShell, defaultDirOf(node) ?? wfDir);
    out.jobs.push(job);
  }
}

export function readAction(out: CiFile, root: YamlTree, scripts: ScriptsBySubject): void {
  out.composite = true;
  const name = stringOf(root, 'name');
  if (name !== undefined) out.name = name;
  out.inputs = inputsOf(valueOf(root, 'inputs'), 'action');
  const runs = entryOf(root, 'runs');
  if (!runs) return;
  out.jobs.push({
    id: 'runs',
    subject: 'action:runs',
    kind: 'composite',
    keyRange: runs.keyRange,
    range: runs.range,
    needs: [],
    matrix: [],
    env: [],
    inputs: [],
    steps: stepsOf(valueOf(runs.value, 'steps'), 'action:runs.steps', scripts, undefined),
  });
}
