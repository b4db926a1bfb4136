/**
 * Classification of CI files: GitHub workflows and composite actions, Azure Pipelines
 * (templates included) and shell/PowerShell scripts. By name first; by content for YAML
 * elsewhere, with cheap text checks before any YAML parsing.
 */
import { parseDocument, isMap, isSeq, isScalar } from 'yaml';

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

/** Step keys; `template` counts too (a pipeline made of step/job/stage templates). */
const STEP_KEYS = new Set(['task', 'script', 'bash', 'pwsh', 'powershell', 'template']);

function keyOf(k: unknown): string | undefined {
  return isScalar(k) ? String(k.value) : undefined;
}

/** Structural confirmation: a `steps`/`jobs`/`stages` list somewhere holds a step mapping. */
function hasPipelineSteps(root: unknown): boolean {
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
      if (underContainer && k !== undefined && STEP_KEYS.has(k) && isScalar(p.value)) {
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
export function classifyCiFile(relPath: string, text: string): CiFileKind | undefined {
  const path = relPath.replace(/\\/g, '/');
  if (SCRIPT_EXT.test(path)) return 'script';
  if (!YAML_EXT.test(path)) return undefined;
  if (WORKFLOW_PATH.test(path)) return 'github-workflow';
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (ACTION_NAME.test(base)) return COMPOSITE.test(text) ? 'github-action' : undefined;
  if (PIPELINE_NAME.test(base)) return 'azure-pipeline';

  const maybeWorkflow = TOP_ON.test(text) && TOP_JOBS.test(text);
  const maybePipeline = AZP_STEP.test(text) && AZP_CONTAINER.test(text) && !K8S.test(text);
  if (!maybeWorkflow && !maybePipeline) return undefined;

  // confirm on the structure; a file that does not parse (a Jinja template) keeps the text verdict
  let root: unknown;
  try {
    const doc = parseDocument(text, { version: '1.2' });
    if (doc.errors.length > 0) return maybeWorkflow ? 'github-workflow' : 'azure-pipeline';
    root = doc.contents;
  } catch {
    return maybeWorkflow ? 'github-workflow' : 'azure-pipeline';
  }
  if (maybeWorkflow && isMap(root) && root.has('on') && root.has('jobs')) return 'github-workflow';
  if (maybePipeline && hasPipelineSteps(root)) return 'azure-pipeline';
  return undefined;
}
