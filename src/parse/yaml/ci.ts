/**
 * CI documents: GitHub Actions workflows and composite actions, Azure Pipelines (templates
 * included) and shell/PowerShell scripts, parsed into a positioned view for the CI rules
 * (CI001–CI005) and the generic suppression code.
 *
 * Every range is exact (1-based line, UTF-16 column, exclusive end, see model/source.ts).
 * A broken YAML file never throws: it yields `errors` (and whatever structure could still
 * be read).
 */
import { isMap, isPair, isScalar, isSeq } from './guards.js';
import { unresolvedAliases, unresolvedAliasMessage } from './aliases.js';
import type { Node as YNode, Pair, Scalar, YAMLMap } from 'yaml';
import { composeYaml, sortedYamlComments } from './document.js';
import { LineMap } from '../../core/source.js';
import type { Range } from '../../core/source.js';
import { yamlTreeBlockRanges } from './blocks.js';
import { identityMapping, mapScalar } from './scalar.js';
import type { MappedText } from './scalar.js';
import { buildSnippet } from './script.js';
import type { ScriptLanguage, ScriptOrigin, ScriptSnippet } from './script.js';
import { yamlTree } from './tree.js';
import type { YamlTree } from './tree.js';

export type { ScriptSnippet, ScriptCommand, ScriptToken, ScriptComment, ScriptLanguage, ScriptOrigin } from './script.js';
export { snippetRange, commandRange, simpleCommands } from './script.js';
export type { MappedText } from './scalar.js';
export type { YamlTree, YamlScalar, YamlMap, YamlSeq, YamlOther, YamlEntryNode } from './tree.js';
export { entryOf, valueOf, stringOf } from './tree.js';

export type CiKind = 'github-workflow' | 'github-action' | 'azure-pipeline' | 'script';

export interface CiParseError {
  message: string;
  /** yaml's error code (e.g. `BAD_INDENT`), when there is one. */
  code?: string;
  range: Range;
}

export interface CiComment {
  /** The comment including its `#`. */
  text: string;
  range: Range;
  /** `yaml`: a YAML comment; `script`: a comment inside a script (a `run:` block or a script file). */
  source: 'yaml' | 'script';
}

/** A `key: value` entry of a YAML mapping. */
export interface YamlEntry {
  key: string;
  keyRange: Range;
  /** The scalar value as a string (`undefined` for a collection or a missing value). */
  value?: string;
  /** Range of the value node (scalar content, or the whole collection). */
  valueRange?: Range;
  /** Range from the key to the end of the value. */
  range: Range;
}

export interface GhPermissions {
  /** `write-all`, `read-all`, a mapping of scopes (`{}` is an empty mapping), or anything else. */
  kind: 'write-all' | 'read-all' | 'map' | 'other';
  /** Scope → access (`read`, `write`, `none`) for a mapping. */
  scopes: Record<string, string>;
  keyRange: Range;
  /** Range from `permissions:` to the end of its value. */
  range: Range;
}

export interface GhUses {
  /** The value as written (without quotes). */
  value: string;
  /** Exact range of the value. */
  range: Range;
  keyRange: Range;
  kind: 'local' | 'docker' | 'action' | 'reusable-workflow' | 'expression';
  /** `owner` of `owner/repo[/path]@ref` (as written; compare case-insensitively). */
  owner?: string;
  repo?: string;
  path?: string;
  /** The ref after `@`, or undefined when there is none. */
  ref?: string;
}

export interface GhStep {
  index: number;
  /** Stable address: `workflow:jobs.deploy.steps[2]` or `action:runs.steps[0]`. */
  subject: string;
  /** Range of the step mapping. */
  range: Range;
  name?: string;
  id?: string;
  uses?: GhUses;
  with: YamlEntry[];
  run?: ScriptSnippet;
  shell?: string;
}

export interface GhJob {
  id: string;
  subject: string;
  keyRange: Range;
  range: Range;
  permissions?: GhPermissions;
  /** A reusable workflow call (`jobs.x.uses`). */
  uses?: GhUses;
  with: YamlEntry[];
  /** `secrets: inherit` or a mapping. */
  secrets?: YamlEntry;
  runsOn?: string;
  steps: GhStep[];
}

export interface GhWorkflow {
  /** True for a composite action (`action.yml` with `runs.using: composite`). */
  composite: boolean;
  /** Event names under `on:`. */
  triggers: string[];
  /** `on: workflow_call`: a reusable workflow. */
  reusable: boolean;
  permissions?: GhPermissions;
  jobs: GhJob[];
}

export interface AzpStep {
  /** Stable address: `pipeline:stages[0].jobs[1].steps[2]`. */
  subject: string;
  range: Range;
  kind: 'task' | 'script' | 'bash' | 'pwsh' | 'powershell';
  /** `AzureCLI@2`, … for a task step. */
  task?: string;
  taskRange?: Range;
  inputs: YamlEntry[];
  scripts: ScriptSnippet[];
}

export interface AzPipeline {
  steps: AzpStep[];
}

export interface CiDocument {
  file: string;
  kind: CiKind;
  text: string;
  lineMap: LineMap;
  /** YAML syntax errors with their exact position (empty for scripts). */
  errors: CiParseError[];
  /** Every YAML `#` comment and every comment inside a script, in file order. */
  comments: CiComment[];
  /**
   * Ranges of the YAML blocks (a key with a collection value, a collection item) and of every
   * script command (continuation lines and heredoc body included), for suppression scopes.
   */
  blocks: Range[];
  /** Every script snippet: `run:`, `script:`, `bash:`, `pwsh:`, `powershell:`, `inlineScript:`, task `script` inputs, or the whole file. */
  scripts: ScriptSnippet[];
  /**
   * The YAML `#` comments read as one shell snippet (origin `comment`, subject `comments`): every command in it
   * is `commented`. CI001 reports commented-out `az ad sp create-for-rbac --sdk-auth` lines found here at `note`.
   */
  commentScript?: ScriptSnippet;
  /** GitHub workflow or composite action. */
  workflow?: GhWorkflow;
  /** Azure Pipelines file or template. */
  pipeline?: AzPipeline;
  /**
   * Each YAML document's root as a positioned tree (empty for scripts): the CI model reads
   * what the views above do not hold (`env:`, `on:` inputs, environments, stages,
   * variables, parameters, template calls) from it.
   */
  trees: YamlTree[];
}

export function isCiDocument(x: unknown): x is CiDocument {
  if (!x || typeof x !== 'object') return false;
  const d = x as Partial<CiDocument>;
  return typeof d.file === 'string' && typeof d.kind === 'string' && Array.isArray(d.scripts) && Array.isArray(d.comments);
}

// ---------------------------------------------------------------------------------------

interface Ctx {
  file: string;
  lineMap: LineMap;
  scripts: ScriptSnippet[];
  /** Build the `workflow`/`pipeline` views (ParseCiOptions.views); without them only the scripts are read. */
  views: boolean;
  /** `mapScalar`, each node mapped once: a `run:` block is mapped for its tree range and again for its script. */
  mapOf(node: Scalar): MappedText;
}

function memoMapper(): (node: Scalar) => MappedText {
  const done = new Map<Scalar, MappedText>();
  return (node) => {
    let m = done.get(node);
    if (m === undefined) {
      m = mapScalar(node);
      done.set(node, m);
    }
    return m;
  };
}

/** The range of what the views leave out (`ParseCiOptions.views: false`): never read. */
const NO_RANGE: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

function nodeRange(ctx: Ctx, node: YNode | null | undefined): Range {
  const r = node?.range;
  if (!r) return ctx.lineMap.range(0, 0);
  return ctx.lineMap.range(r[0], r[1]);
}

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

/** Range of a scalar's content (without quotes), or of the node. */
function contentRange(ctx: Ctx, node: YNode): Range {
  if (isScalar(node)) {
    // A one-line plain scalar maps character for character onto its source, which is the
    // node's value range: that range, without mapping it (most `with:` values and `uses:`).
    const r = node.range;
    const src = node.srcToken?.type === 'scalar' ? node.srcToken.source : undefined;
    if (r && src !== undefined && node.type === 'PLAIN' && !src.includes('\n') && !src.includes('\r')) return ctx.lineMap.range(r[0], r[1]);
    const m = ctx.mapOf(node as Scalar);
    if (m.exact && m.value.length > 0) return ctx.lineMap.range(m.starts[0]!, m.ends[m.value.length - 1]!);
  }
  return nodeRange(ctx, node);
}

function pairsOf(map: unknown): Pair<YNode, YNode | null>[] {
  if (!isMap(map)) return [];
  return (map as YAMLMap<YNode, YNode | null>).items.filter((p) => isPair(p));
}

function get(map: unknown, key: string): YNode | null | undefined {
  return getPair(map, key)?.value;
}

/** The first pair of `key` (a loop over the items, not over a filtered copy: steps are read key by key). */
function getPair(map: unknown, key: string): Pair<YNode, YNode | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const p of (map as YAMLMap<YNode, YNode | null>).items) if (isPair(p) && scalarString(p.key) === key) return p;
  return undefined;
}

function pairRange(ctx: Ctx, p: Pair<YNode, YNode | null>): Range {
  const start = p.key?.range?.[0] ?? 0;
  const end = p.value?.range?.[1] ?? p.key?.range?.[1] ?? start;
  return ctx.lineMap.range(start, end);
}

function entry(ctx: Ctx, p: Pair<YNode, YNode | null>): YamlEntry {
  const e: YamlEntry = {
    key: scalarString(p.key) ?? '',
    keyRange: nodeRange(ctx, p.key),
    range: pairRange(ctx, p),
  };
  if (p.value) {
    const v = scalarString(p.value);
    if (v !== undefined) e.value = v;
    e.valueRange = contentRange(ctx, p.value);
  }
  return e;
}

function entries(ctx: Ctx, map: unknown): YamlEntry[] {
  return pairsOf(map).map((p) => entry(ctx, p));
}

function snippetOf(
  ctx: Ctx,
  node: YNode | null | undefined,
  language: ScriptLanguage,
  origin: ScriptOrigin,
  subject: string,
  attributePath: string,
): ScriptSnippet | undefined {
  if (!node || !isScalar(node)) return undefined;
  const mapped: MappedText = ctx.mapOf(node as Scalar);
  const sn = buildSnippet({
    file: ctx.file,
    lineMap: ctx.lineMap,
    mapped,
    language,
    origin,
    subject,
    attributePath,
    fallbackRange: nodeRange(ctx, node),
  });
  ctx.scripts.push(sn);
  return sn;
}

function parsePermissions(ctx: Ctx, p: Pair<YNode, YNode | null> | undefined): GhPermissions | undefined {
  if (!p) return undefined;
  const perms: GhPermissions = { kind: 'other', scopes: {}, keyRange: nodeRange(ctx, p.key), range: pairRange(ctx, p) };
  const v = p.value;
  const s = scalarString(v);
  if (s !== undefined) {
    if (s === 'write-all') perms.kind = 'write-all';
    else if (s === 'read-all') perms.kind = 'read-all';
  } else if (isMap(v)) {
    perms.kind = 'map';
    for (const q of pairsOf(v)) {
      const k = scalarString(q.key);
      const val = scalarString(q.value);
      if (k !== undefined && val !== undefined) perms.scopes[k] = val;
    }
  }
  return perms;
}

/** Does a permissions value grant `id-token: write`? */
export function grantsIdTokenWrite(p: GhPermissions | undefined): boolean {
  if (!p) return false;
  if (p.kind === 'write-all') return true;
  return p.kind === 'map' && p.scopes['id-token'] === 'write';
}

export function parseUses(value: string, range: Range, keyRange: Range): GhUses {
  const u: GhUses = { value, range, keyRange, kind: 'action' };
  const v = value.trim();
  if (v.startsWith('./') || v.startsWith('.\\')) {
    u.kind = 'local';
    return u;
  }
  if (v.toLowerCase().startsWith('docker://')) {
    u.kind = 'docker';
    return u;
  }
  if (v.includes('${{')) {
    u.kind = 'expression';
    return u;
  }
  const at = v.lastIndexOf('@');
  const name = at >= 0 ? v.slice(0, at) : v;
  if (at >= 0) u.ref = v.slice(at + 1);
  const parts = name.split('/');
  u.owner = parts[0];
  if (parts[1] !== undefined) u.repo = parts[1];
  if (parts.length > 2) u.path = parts.slice(2).join('/');
  if (u.path && /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(u.path)) u.kind = 'reusable-workflow';
  return u;
}

function usesOf(ctx: Ctx, p: Pair<YNode, YNode | null> | undefined): GhUses | undefined {
  if (!p || !p.value) return undefined;
  const v = scalarString(p.value);
  if (v === undefined) return undefined;
  // Without the views only the kind, owner and repo are read (which scripts a step has).
  return ctx.views ? parseUses(v, contentRange(ctx, p.value), nodeRange(ctx, p.key)) : parseUses(v, NO_RANGE, NO_RANGE);
}

function shellLanguage(shell: string | undefined, runsOn: string | undefined): ScriptLanguage {
  if (shell) return /^(pwsh|powershell)\b/i.test(shell.trim()) ? 'powershell' : 'shell';
  if (runsOn && /windows/i.test(runsOn)) return 'powershell';
  return 'shell';
}

function runsOnString(node: YNode | null | undefined): string | undefined {
  const s = scalarString(node);
  if (s !== undefined) return s;
  if (isSeq(node)) return node.items.map((i) => scalarString(i) ?? '').join(' ');
  return undefined;
}

function readSteps(
  ctx: Ctx,
  seq: YNode | null | undefined,
  prefix: string,
  defaultShell: string | undefined,
  runsOn: string | undefined,
): GhStep[] {
  if (!isSeq(seq)) return [];
  const steps: GhStep[] = [];
  seq.items.forEach((item, index) => {
    if (!isMap(item)) return;
    const subject = `${prefix}[${index}]`;
    const step: GhStep = { index, subject, range: ctx.views ? nodeRange(ctx, item as YNode) : NO_RANGE, with: [] };
    const uses = usesOf(ctx, getPair(item, 'uses'));
    const withNode = get(item, 'with');
    const shell = scalarString(get(item, 'shell')) ?? defaultShell;
    if (ctx.views) {
      const name = scalarString(get(item, 'name'));
      if (name !== undefined) step.name = name;
      const id = scalarString(get(item, 'id'));
      if (id !== undefined) step.id = id;
      if (uses) step.uses = uses;
      step.with = entries(ctx, withNode);
      if (shell !== undefined) step.shell = shell;
    }
    const run = snippetOf(ctx, get(item, 'run'), shellLanguage(shell, runsOn), 'run', subject, 'run');
    if (run) step.run = run;
    if (uses && uses.kind === 'action') {
      const owner = (uses.owner ?? '').toLowerCase();
      const repo = (uses.repo ?? '').toLowerCase();
      if (owner === 'azure' && (repo === 'cli' || repo === 'powershell')) {
        const lang: ScriptLanguage = repo === 'cli' ? 'shell' : 'powershell';
        snippetOf(ctx, get(withNode, 'inlineScript'), lang, 'inlineScript', subject, 'with.inlineScript');
      }
    }
    steps.push(step);
  });
  return steps;
}

function defaultsShell(node: unknown): string | undefined {
  return scalarString(get(get(get(node, 'defaults'), 'run'), 'shell'));
}

function buildWorkflow(ctx: Ctx, root: YNode): GhWorkflow {
  const wf: GhWorkflow = { composite: false, triggers: [], reusable: false, jobs: [] };
  if (ctx.views) {
    const on = get(root, 'on') ?? get(root, 'true');
    const onStr = scalarString(on);
    if (onStr !== undefined) wf.triggers = [onStr];
    else if (isSeq(on)) wf.triggers = on.items.map((i) => scalarString(i) ?? '').filter(Boolean);
    else if (isMap(on)) wf.triggers = pairsOf(on).map((p) => scalarString(p.key) ?? '');
    wf.reusable = wf.triggers.includes('workflow_call');
    const perms = parsePermissions(ctx, getPair(root, 'permissions'));
    if (perms) wf.permissions = perms;
  }
  const wfShell = defaultsShell(root);
  for (const p of pairsOf(get(root, 'jobs'))) {
    const id = scalarString(p.key) ?? '';
    const jobNode = p.value;
    const subject = `workflow:jobs.${id}`;
    // The steps' scripts are read either way (runs-on and the default shells decide their
    // language); the job's view only with the views.
    const runsOn = runsOnString(get(jobNode, 'runs-on'));
    const steps = readSteps(ctx, get(jobNode, 'steps'), `${subject}.steps`, defaultsShell(jobNode) ?? wfShell, runsOn);
    if (ctx.views) wf.jobs.push(jobView(ctx, p, id, subject, runsOn, steps));
  }
  return wf;
}

/** A job of the workflow view: its key, range, `with`, permissions, `uses`, secrets, runner and steps. */
function jobView(ctx: Ctx, p: Pair<YNode, YNode | null>, id: string, subject: string, runsOn: string | undefined, steps: GhStep[]): GhJob {
  const jobNode = p.value;
  const job: GhJob = {
    id,
    subject,
    keyRange: nodeRange(ctx, p.key),
    range: pairRange(ctx, p),
    with: entries(ctx, get(jobNode, 'with')),
    steps,
  };
  const jp = parsePermissions(ctx, getPair(jobNode, 'permissions'));
  if (jp) job.permissions = jp;
  const uses = usesOf(ctx, getPair(jobNode, 'uses'));
  if (uses) job.uses = uses;
  const sec = getPair(jobNode, 'secrets');
  if (sec) job.secrets = entry(ctx, sec);
  if (runsOn !== undefined) job.runsOn = runsOn;
  return job;
}

function buildAction(ctx: Ctx, root: YNode): GhWorkflow {
  const wf: GhWorkflow = { composite: true, triggers: [], reusable: false, jobs: [] };
  const runsPair = getPair(root, 'runs');
  if (!runsPair) return wf;
  const runs = runsPair.value;
  const job: GhJob = {
    id: 'runs',
    subject: 'action:runs',
    keyRange: nodeRange(ctx, runsPair.key),
    range: pairRange(ctx, runsPair),
    with: [],
    steps: readSteps(ctx, get(runs, 'steps'), 'action:runs.steps', undefined, undefined),
  };
  wf.jobs.push(job);
  return wf;
}

const AZP_SCRIPT_KEYS: Record<string, ScriptLanguage> = {
  script: 'shell',
  bash: 'shell',
  pwsh: 'powershell',
  powershell: 'powershell',
};

function taskScripts(ctx: Ctx, step: AzpStep, inputs: YNode | null | undefined): void {
  const task = (step.task ?? '').toLowerCase();
  const name = task.split('@')[0] ?? '';
  const add = (key: string, lang: ScriptLanguage, origin: ScriptOrigin): void => {
    const p = pairsOf(inputs).find((q) => (scalarString(q.key) ?? '').toLowerCase() === key.toLowerCase());
    if (!p) return;
    const attr = `inputs.${scalarString(p.key) ?? key}`;
    const sn = snippetOf(ctx, p.value, lang, origin, step.subject, attr);
    if (sn) step.scripts.push(sn);
  };
  const input = (key: string): string | undefined => {
    const p = pairsOf(inputs).find((q) => (scalarString(q.key) ?? '').toLowerCase() === key.toLowerCase());
    return p ? scalarString(p.value) : undefined;
  };
  const inline = (): boolean => {
    const t = input('targetType');
    return t === undefined || t.toLowerCase() === 'inline';
  };
  if (name === 'azurecli') {
    const st = (input('scriptType') ?? '').toLowerCase();
    const lang: ScriptLanguage = st === 'ps' || st === 'pscore' ? 'powershell' : 'shell';
    const loc = (input('scriptLocation') ?? 'inlineScript').toLowerCase();
    if (loc === 'inlinescript') add('inlineScript', lang, 'inlineScript');
  } else if (name === 'bash' || name === 'shellscript') {
    if (inline()) add('script', 'shell', 'inputs.script');
  } else if (name === 'powershell') {
    if (inline()) add('script', 'powershell', 'inputs.script');
  } else if (name === 'cmdline') {
    add('script', 'shell', 'inputs.script');
  } else if (name === 'azurepowershell') {
    const loc = (input('ScriptType') ?? '').toLowerCase();
    if (loc === '' || loc === 'inlinescript') add('Inline', 'powershell', 'inputs.script');
  }
}

/** Walks the whole pipeline document: steps may sit under stages, jobs, deployment strategies, template parameters and `${{ }}` blocks. */
function buildPipeline(ctx: Ctx, root: YNode): AzPipeline {
  const pipe: AzPipeline = { steps: [] };
  const visit = (node: unknown, path: string): void => {
    if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (!isMap(node)) return;
    const pairs = pairsOf(node);
    let stepKind: AzpStep['kind'] | undefined;
    let stepPair: Pair<YNode, YNode | null> | undefined;
    for (const p of pairs) {
      const k = scalarString(p.key);
      if (k === 'task' || (k !== undefined && k in AZP_SCRIPT_KEYS)) {
        if (isScalar(p.value)) {
          stepKind = k as AzpStep['kind'];
          stepPair = p;
          break;
        }
      }
    }
    if (stepKind && stepPair) {
      const subject = `pipeline:${path || '$'}`;
      const step: AzpStep = { subject, range: ctx.views ? nodeRange(ctx, node as YNode) : NO_RANGE, kind: stepKind, inputs: [], scripts: [] };
      if (stepKind === 'task') {
        step.task = scalarString(stepPair.value) ?? '';
        const inputs = get(node, 'inputs');
        if (ctx.views) {
          step.taskRange = contentRange(ctx, stepPair.value as YNode);
          step.inputs = entries(ctx, inputs);
        }
        taskScripts(ctx, step, inputs);
      } else {
        const sn = snippetOf(ctx, stepPair.value, AZP_SCRIPT_KEYS[stepKind]!, stepKind as ScriptOrigin, subject, stepKind);
        if (sn) step.scripts.push(sn);
      }
      pipe.steps.push(step);
    }
    for (const p of pairs) {
      if (p === stepPair) continue;
      // a step's inputs are task inputs, never nested steps
      if (stepKind && scalarString(p.key) === 'inputs') continue;
      const k = scalarString(p.key) ?? '?';
      visit(p.value, path ? `${path}.${k}` : k);
    }
  };
  visit(root, '');
  return pipe;
}

/** The YAML comments as one snippet, each comment on its own line, mapped to the file. */
function commentSnippet(file: string, lineMap: LineMap, comments: [number, string][]): ScriptSnippet {
  const value = comments.map(([, src]) => src).join('\n');
  // The offsets are written straight into arrays of the value's length (no number[] to copy).
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  let at = 0;
  // No [off, src] destructuring in the parameters (an iterator per comment before V8 optimizes the callback).
  comments.forEach((c, i) => {
    const off = c[0];
    const src = c[1];
    if (i > 0) {
      // The joining line break maps to the character after the previous comment.
      const prevEnd = comments[i - 1]![0] + comments[i - 1]![1].length;
      starts[at] = prevEnd;
      ends[at++] = prevEnd + 1;
    }
    for (let k = 0; k < src.length; k++) {
      starts[at] = off + k;
      ends[at++] = off + k + 1;
    }
  });
  return buildSnippet({
    file,
    lineMap,
    mapped: { value, starts, ends, exact: true },
    language: 'shell',
    origin: 'comment',
    subject: 'comments',
    attributePath: 'comment',
    fallbackRange: lineMap.range(0, 0),
  });
}

/**
 * Each command's full range — its continuation lines (`\`, PowerShell backtick) and the body
 * of the heredoc it reads — so a directive above the command's first line covers all of it.
 */
function commandBlocks(sn: ScriptSnippet): Range[] {
  const out: Range[] = [];
  for (const c of sn.commands) {
    if (c.commented) continue;
    const end = c.heredoc && c.heredoc.range.end.offset > c.range.end.offset ? c.heredoc.range.end : c.range.end;
    if (end.line > c.range.start.line) out.push({ start: c.range.start, end });
  }
  return out;
}

function languageOfScript(file: string): ScriptLanguage {
  return /\.ps1$/i.test(file) ? 'powershell' : 'shell';
}

export interface ParseCiOptions {
  /**
   * Build the `workflow` and `pipeline` views (default true). The CI model (src/eval/ci/)
   * reads the trees and the scripts only, so the front end leaves the views out: their
   * entries, ranges and `uses` parts were about 7 % of the CI units' own (non-`yaml`) CPU time
   * in issue 15's profile. Every other field is the same either way.
   */
  views?: boolean;
}

/**
 * Parses a CI file of a known kind. Never throws on bad input: YAML errors are returned in
 * `errors` with their position.
 */
export function parseCiDocument(file: string, text: string, kind: CiKind, options: ParseCiOptions = {}): CiDocument {
  const lineMap = new LineMap(text);
  const doc: CiDocument = { file, kind, text, lineMap, errors: [], comments: [], blocks: [], scripts: [], trees: [] };
  const views = options.views !== false;
  const ctx: Ctx = { file, lineMap, scripts: doc.scripts, views, mapOf: memoMapper() };

  if (kind === 'script') {
    const sn = buildSnippet({
      file,
      lineMap,
      mapped: identityMapping(text),
      language: languageOfScript(file),
      origin: 'file',
      subject: 'script',
      attributePath: '',
      fallbackRange: lineMap.range(0, 0),
    });
    doc.scripts.push(sn);
    for (const c of sn.comments) doc.comments.push({ text: c.text, range: c.range, source: 'script' });
    doc.blocks = commandBlocks(sn);
    return doc;
  }

  const composed = composeYaml(text, lineMap);
  if ('error' in composed) {
    doc.errors.push(composed.error);
    return doc;
  }
  const { tokens, docs } = composed;

  doc.blocks = yamlTreeBlockRanges(docs, lineMap);
  const rawComments = sortedYamlComments(tokens, text);
  // Indexed, no [off, src] destructuring (an iterator per comment before V8 optimizes this function).
  for (let k = 0; k < rawComments.length; k++) {
    const off = rawComments[k]![0];
    const src = rawComments[k]![1];
    doc.comments.push({ text: src, range: lineMap.range(off, off + src.length), source: 'yaml' });
  }
  if (rawComments.length > 0) doc.commentScript = commentSnippet(file, lineMap, rawComments);

  for (const d of docs) {
    for (const err of d.errors) {
      const [s, e] = err.pos;
      const range = lineMap.range(s, Math.max(s, e));
      const pe: CiParseError = { message: err.message.split('\n')[0] ?? err.message, range };
      if (err.code) pe.code = err.code;
      doc.errors.push(pe);
    }
    for (const a of unresolvedAliases(d, text)) doc.errors.push({ message: unresolvedAliasMessage(a.name), range: lineMap.range(a.start, a.end) });
  }

  // A workflow or action is read from its first mapping document only.
  let workflow: GhWorkflow | undefined;
  let pipeline: AzPipeline | undefined;
  try {
    for (const d of docs) {
      const root = d.contents;
      if (!isMap(root)) continue;
      doc.trees.push(yamlTree(root, lineMap, 0, ctx.mapOf));
      if (kind === 'github-workflow') {
        workflow ??= buildWorkflow(ctx, root as YNode);
      } else if (kind === 'github-action') {
        workflow ??= buildAction(ctx, root as YNode);
      } else if (kind === 'azure-pipeline') {
        const p = buildPipeline(ctx, root as YNode);
        if (!pipeline) pipeline = p;
        else pipeline.steps.push(...p.steps);
      }
    }
  } catch (e) {
    doc.errors.push({ message: `could not read the CI structure: ${(e as Error).message}`, range: lineMap.range(0, 0) });
  }
  if (views && workflow) doc.workflow = workflow;
  if (views && pipeline) doc.pipeline = pipeline;

  for (let k = 0; k < doc.scripts.length; k++) {
    const sn = doc.scripts[k]!;
    for (let m = 0; m < sn.comments.length; m++) doc.comments.push({ text: sn.comments[m]!.text, range: sn.comments[m]!.range, source: 'script' });
    doc.blocks.push(...commandBlocks(sn));
  }
  doc.comments.sort((a, b) => a.range.start.offset - b.range.start.offset);
  doc.errors.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return doc;
}
