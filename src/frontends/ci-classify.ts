/**
 * Classification of CI files: GitHub workflows and composite actions, Azure Pipelines
 * (templates included) and shell/PowerShell scripts. By name first; by content for YAML
 * elsewhere, with cheap text checks before any YAML parsing.
 */
import { parseDocument } from 'yaml';
import { yamlLineBreaks } from '../parse/yaml/line-breaks.js';
import { isMap, isSeq, isScalar } from '../parse/yaml/guards.js';
import { plainShape } from './ci-classify-lines.js';
import { withYamlEnv } from '../parse/yaml/quiet-env.js';

export type CiFileKind = 'github-workflow' | 'github-action' | 'azure-pipeline' | 'script';

const SCRIPT_EXT = /\.(sh|bash|ps1)$/i;
const YAML_EXT = /\.ya?ml$/i;
const WORKFLOW_PATH = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;
const ACTION_NAME = /^action\.ya?ml$/i;
const PIPELINE_NAME = /^azure-pipelines[^/]*\.ya?ml$|\.azure-pipelines\.ya?ml$/i;

const TOP_ON = /^(?:on|"on"|'on')[ \t]*:/m;
const TOP_JOBS = /^jobs[ \t]*:/m;
const COMPOSITE = /^[ \t]+using[ \t]*:[ \t]*["']?composite\b/m;
const AZP_CONTAINER = /^[ \t]*(?:-[ \t]+)?(?:steps|jobs|stages)[ \t]*:/m;
const AZP_STEP = /^[ \t]*-[ \t]+(?:task|script|bash|pwsh|powershell|template)[ \t]*:/m;
const K8S = /^apiVersion[ \t]*:/m;
/**
 * A top-level `extends:` with nothing after its colon whose first key below is `template:` (a
 * pipeline extending a template, its only content besides triggers); `extends: default`
 * (yamllint, ESLint) is another format's.
 */
const AZP_EXTENDS = /^extends[ \t]*:[ \t]*(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]+template[ \t]*:/m;

/** Step keys; `template` counts too (a pipeline made of step/job/stage templates). */
const STEP_KEYS = new Set(['task', 'script', 'bash', 'pwsh', 'powershell', 'template']);

function keyOf(k: unknown): string | undefined {
  return isScalar(k) ? String(k.value) : undefined;
}

/**
 * Structural confirmation: a `steps`/`jobs`/`stages` list somewhere holds a step mapping.
 * `written`: the step's value must be written (not empty), as for a parse of the file's start
 * only, where `- task:` at the cut could still become a mapping further down.
 */
export function hasPipelineSteps(root: unknown, written = false): boolean {
  let found = false;
  const visit = (node: unknown, underContainer: boolean, depth: number): void => {
    if (found || depth > 40) return;
    if (isSeq(node)) {
      for (const it of node.items) visit(it, underContainer, depth + 1);
      return;
    }
    if (!isMap(node)) return;
    for (const p of node.items) {
      const k = keyOf(p.key);
      if (underContainer && k !== undefined && STEP_KEYS.has(k) && isScalar(p.value) && (!written || (p.value.range !== undefined && p.value.range !== null && p.value.range[1] > p.value.range[0]))) {
        found = true;
        return;
      }
    }
    for (const p of node.items) {
      const k = keyOf(p.key);
      visit(p.value, underContainer || k === 'steps' || k === 'jobs' || k === 'stages', depth + 1);
    }
  };
  visit(root, false, 0);
  return found;
}

/**
 * The CI kind of a file, or undefined when it is not a CI file.
 * `relPath` uses `/` or `\` separators; `text` is the file content.
 */
export function classifyCiFile(relPath: string, source: string, options: { startFirst?: boolean; lines?: boolean } = {}): CiFileKind | undefined {
  const path = relPath.replace(/\\/g, '/');
  if (SCRIPT_EXT.test(path)) return 'script';
  if (!YAML_EXT.test(path)) return undefined;
  // A lone CR is a YAML line break (parse/yaml/line-breaks.ts), for the line checks and the parses below.
  const text = yamlLineBreaks(source);
  // A file of `.github/workflows/` is a workflow, unless it has no top-level `on:` (GitHub runs
  // no file without one) and is an Azure Pipelines file by its content: a template kept there
  // (Azure Pipelines reads templates from any folder; review 91: it was linted as an empty workflow).
  if (WORKFLOW_PATH.test(path)) return TOP_ON.test(text) ? 'github-workflow' : (classifyByContent(text, options) ?? 'github-workflow');
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (ACTION_NAME.test(base)) return COMPOSITE.test(text) ? 'github-action' : undefined;
  if (PIPELINE_NAME.test(base)) return 'azure-pipeline';
  return classifyByContent(text, options);
}

/** The CI kind of a YAML file by its content (text checks first, then the structure), or undefined. */
function classifyByContent(text: string, options: { startFirst?: boolean; lines?: boolean }): CiFileKind | undefined {
  const maybeWorkflow = TOP_ON.test(text) && TOP_JOBS.test(text);
  const maybeExtends = AZP_EXTENDS.test(text) && !K8S.test(text);
  const maybePipeline = (AZP_STEP.test(text) && AZP_CONTAINER.test(text) && !K8S.test(text)) || maybeExtends;
  if (!maybeWorkflow && !maybePipeline) return undefined;
  if (options.startFirst !== false) {
    const early = confirmedByStart(text, maybeWorkflow, options.lines !== false);
    if (early) return early;
  }

  // confirm on the structure; a file that does not parse (a Jinja template) keeps the text verdict
  let root: unknown;
  try {
    const doc = withYamlEnv(() => parseDocument(text, { version: '1.2' }));
    if (doc.errors.length > 0) return maybeWorkflow ? 'github-workflow' : 'azure-pipeline';
    root = doc.contents;
  } catch {
    return maybeWorkflow ? 'github-workflow' : 'azure-pipeline';
  }
  if (maybeWorkflow && isMap(root) && root.has('on') && root.has('jobs')) return 'github-workflow';
  if (maybePipeline && (hasPipelineSteps(root) || (maybeExtends && extendsTemplate(root)))) return 'azure-pipeline';
  return undefined;
}

/**
 * `extends: { template: x.yml }` at the top: an Azure Pipelines pipeline that extends a template
 * (Learn, "Template usage reference": `extends:` takes `template:` and `parameters:`), whatever
 * else it has; other formats' `extends:` is a name or a list (ESLint), or sits under a job (GitLab).
 */
function extendsTemplate(root: unknown): boolean {
  if (!isMap(root)) return false;
  const ext = root.items.find((p) => keyOf(p.key) === 'extends')?.value;
  return isMap(ext) && ext.items.some((p) => keyOf(p.key) === 'template' && isScalar(p.value) && typeof p.value.value === 'string' && p.value.value.trim() !== '');
}

const TOP_ON_G = new RegExp(TOP_ON.source, 'gm');
const TOP_JOBS_G = new RegExp(TOP_JOBS.source, 'gm');
const AZP_CONTAINER_G = new RegExp(AZP_CONTAINER.source, 'gm');
const AZP_STEP_G = new RegExp(AZP_STEP.source, 'gm');

/** The offset just past the line holding `at` (its line break included). */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

function firstMatch(re: RegExp, text: string, from: number): number | undefined {
  re.lastIndex = from;
  const m = re.exec(text);
  return m?.index;
}

/**
 * The verdict of a parse of the file's start only — up to the line of its `on:` and `jobs:`
 * (a workflow), or of its first step under a `steps:`/`jobs:`/`stages:` line (a pipeline) —
 * when that start parses cleanly and shows the structure; undefined when only the whole file
 * can tell (then it is parsed whole). Issue 15: most CI files are confirmed from a few lines,
 * not a parse of the whole file (the unit parses it again).
 *
 * Why the whole file would say the same: the verdict is the kind when the whole file has a
 * syntax error, so only a clean whole file could say otherwise, and text after the cut cannot
 * change what its start already built: keys and their nesting are decided by earlier lines, a
 * scalar stays a scalar (a plain or block scalar cut short only gets longer), a second
 * document or a duplicate key is an error. The one thing the rest can change — an empty value
 * (`- task:`) that lines below make a mapping — is not taken as a step (`written`). A pipeline
 * candidate that may also be a workflow is left to the whole file (a workflow wins there).
 */
function confirmedByStart(text: string, maybeWorkflow: boolean, lines: boolean): CiFileKind | undefined {
  let end: number;
  if (maybeWorkflow) {
    end = Math.max(lineEnd(text, firstMatch(TOP_ON_G, text, 0) ?? text.length), lineEnd(text, firstMatch(TOP_JOBS_G, text, 0) ?? text.length));
  } else {
    const container = firstMatch(AZP_CONTAINER_G, text, 0);
    const step = container === undefined ? undefined : firstMatch(AZP_STEP_G, text, lineEnd(text, container));
    if (step === undefined) return undefined;
    end = lineEnd(text, step);
  }
  // Plain enough lines show the structure without a parse (ci-classify-lines.ts).
  const shape = lines ? plainShape(text.slice(0, end)) : undefined;
  if (shape && maybeWorkflow && shape.topKeys.has('on') && shape.topKeys.has('jobs')) return 'github-workflow';
  if (shape && !maybeWorkflow && shape.pipelineStep) return 'azure-pipeline';
  // No shorter than the whole file: its parse decides, once.
  if (end >= text.length) return undefined;
  let root: unknown;
  try {
    const doc = withYamlEnv(() => parseDocument(text.slice(0, end), { version: '1.2' }));
    if (doc.errors.length > 0) return undefined;
    root = doc.contents;
  } catch {
    return undefined;
  }
  if (maybeWorkflow) return isMap(root) && root.has('on') && root.has('jobs') ? 'github-workflow' : undefined;
  return hasPipelineSteps(root, true) ? 'azure-pipeline' : undefined;
}
