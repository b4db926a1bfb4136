/**
 * Deployment scripts (`Microsoft.Resources/deploymentScripts`, Bicep and ARM): the Azure CLI or
 * Azure PowerShell script a deployment runs, written inline as `properties.scriptContent`
 * ("kind: AzureCLI … scriptContent: the script body", learn.microsoft.com/azure/azure-resource-manager/
 * bicep/deployment-script-bicep). Its `az` commands create resources as a shell script's do
 * (`az aks nodepool add` from a deployment script, review 87), so the script is read by the
 * `azure-cli` front end's interpreter as a script of the template's file, and its resources
 * join the template's unit: every rule applies, located in the template where the flag is
 * written. A script read from a file (`loadTextContent('add-pool.sh')`, `primaryScriptUri`) is
 * not read here: a scanned `.sh` file is linted on its own.
 *
 * The script runs with the environment variables the resource sets (`environmentVariables`) and
 * its `arguments`, which are not followed: a variable it reads is unknown (never reported).
 * Loaded on demand (`loadDeploymentScripts`): a template without a deployment script never loads
 * the CI parser and the Azure CLI interpreter.
 */
import type { Evaluation, Resource } from '../model/resource.js';
import type { Value } from '../core/value.js';
import type { ClassifiedFile, EvaluatedUnit, FrontEndContext, Problem, SuppressionSource } from './types.js';

/** The resource type, lower case (ARM compares types without case). */
const DEPLOYMENT_SCRIPT_TYPE = 'microsoft.resources/deploymentscripts';

/** The script languages by the resource's `kind` ("AzureCLI" runs bash, "AzurePowerShell" runs pwsh). */
const LANGUAGE_OF_KIND: ReadonlyMap<string, 'shell' | 'powershell'> = new Map([
  ['azurecli', 'shell'],
  ['azurepowershell', 'powershell'],
]);

/** The text a template may hold a deployment script in: a file without it needs none of this (planning's cheap test). */
const MAY_HOLD_DEPLOYMENT_SCRIPT = /deploymentScripts/i;

/** A deployment script written inline: its language, its text and where that text is written. */
export interface InlineDeploymentScript {
  resource: Resource;
  language: 'shell' | 'powershell';
  /** The script's value (a string, or not known: a template with holes), written in a file of the unit. */
  content: Value & { origin: NonNullable<Value['origin']> };
}

/** The deployment scripts among one evaluation's `resources` whose script is written inline (a string, known or not), each once. */
export function inlineDeploymentScripts(resources: readonly Resource[]): InlineDeploymentScript[] {
  const out: InlineDeploymentScript[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    if (r.sourceType.toLowerCase() !== DEPLOYMENT_SCRIPT_TYPE || r.body?.kind !== 'object') continue;
    const kind = r.body.entries.get('kind');
    const language = kind?.kind === 'string' ? LANGUAGE_OF_KIND.get(kind.value.toLowerCase()) : undefined;
    const properties = r.body.entries.get('properties');
    const content = properties?.kind === 'object' ? properties.entries.get('scriptContent') : undefined;
    if (!language || !content?.origin || (content.kind !== 'string' && content.kind !== 'unknown') || seen.has(r.address)) continue;
    seen.add(r.address);
    out.push({ resource: r, language, content: content as InlineDeploymentScript['content'] });
  }
  return out;
}

interface Implementation {
  deploymentScriptUnits(scripts: readonly InlineDeploymentScript[], evaluation: Evaluation, ctx: FrontEndContext): ScriptUnits;
}

/** What the inline scripts of a template add to its front end's result. */
export interface ScriptUnits {
  units: EvaluatedUnit[];
  problems: Problem[];
  /** The scripts' own comments (`# mlops-iac-lint-disable-line …` inside `scriptContent`). */
  suppressionSources: SuppressionSource[];
  /** Scripts that are not read, with why (`--verbose`: "skipped <template>: its deployment script … is not read"). */
  skipped: { file: string; reason: string }[];
}

let implementation: Implementation | undefined;

/**
 * `FrontEnd.beforeUnits` of the ARM and Bicep front ends: imports the reader (the CI parser and
 * the Azure CLI interpreter) when a template of the run may hold a deployment script.
 */
export async function loadDeploymentScripts(files: readonly ClassifiedFile[], ctx: FrontEndContext): Promise<void> {
  if (files.some((f) => MAY_HOLD_DEPLOYMENT_SCRIPT.test(ctx.host.readText(f.path) ?? ''))) implementation ??= await import('./deployment-script-units.js');
}

/**
 * The resources the inline deployment scripts of each evaluation create, as units of the
 * `azure-cli` format in that evaluation's variant and environment class (a script of a
 * template evaluated with `prod.bicepparam` is a prod script). Nothing when the reader was
 * not loaded (no file of the run names a deployment script: `MAY_HOLD_DEPLOYMENT_SCRIPT`).
 */
export function deploymentScriptUnits(evaluated: readonly EvaluatedUnit[], ctx: FrontEndContext): ScriptUnits {
  const out: ScriptUnits = { units: [], problems: [], suppressionSources: [], skipped: [] };
  if (!implementation) return out;
  for (const u of evaluated) {
    const scripts = inlineDeploymentScripts(u.resources);
    if (scripts.length === 0) continue;
    const r = implementation.deploymentScriptUnits(scripts, u.evaluation, ctx);
    out.units.push(...r.units);
    out.problems.push(...r.problems);
    out.suppressionSources.push(...r.suppressionSources);
    out.skipped.push(...r.skipped);
  }
  return out;
}
