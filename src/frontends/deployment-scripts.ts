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
import type { Resource } from '../model/resource.js';
import type { Value } from '../core/value.js';
import type { EvaluatedUnit, FrontEndContext, Problem } from './types.js';

/** The resource type, lower case (ARM compares types without case). */
const DEPLOYMENT_SCRIPT_TYPE = 'microsoft.resources/deploymentscripts';

/** The script languages by the resource's `kind` ("AzureCLI" runs bash, "AzurePowerShell" runs pwsh). */
const LANGUAGE_OF_KIND: ReadonlyMap<string, 'shell' | 'powershell'> = new Map([
  ['azurecli', 'shell'],
  ['azurepowershell', 'powershell'],
]);

/** The text a template may hold a deployment script in: a file without it needs none of this (planning's cheap test). */
export const MAY_HOLD_DEPLOYMENT_SCRIPT = /deploymentScripts/i;

/** A deployment script written inline: its language, its text and where that text is written. */
export interface InlineDeploymentScript {
  resource: Resource;
  language: 'shell' | 'powershell';
  content: Value & { kind: 'string' };
}

/** The deployment scripts among `resources` whose script is written inline as a known string in a file of the unit, each once (variants and module callers repeat them). */
export function inlineDeploymentScripts(resources: readonly Resource[], unitFiles: ReadonlySet<string>): InlineDeploymentScript[] {
  const out: InlineDeploymentScript[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    if (r.sourceType.toLowerCase() !== DEPLOYMENT_SCRIPT_TYPE || r.body?.kind !== 'object') continue;
    const kind = r.body.entries.get('kind');
    const language = kind?.kind === 'string' ? LANGUAGE_OF_KIND.get(kind.value.toLowerCase()) : undefined;
    const properties = r.body.entries.get('properties');
    const content = properties?.kind === 'object' ? properties.entries.get('scriptContent') : undefined;
    if (!language || content?.kind !== 'string' || !content.origin || !unitFiles.has(content.origin.file)) continue;
    const key = `${content.origin.file}\0${content.origin.range.start.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ resource: r, language, content });
  }
  return out;
}

interface Implementation {
  deploymentScriptUnits(scripts: readonly InlineDeploymentScript[], ctx: FrontEndContext): { units: EvaluatedUnit[]; problems: Problem[] };
}

let implementation: Implementation | undefined;

/** Imports the reader (the CI parser and the Azure CLI interpreter), before the units run (`FrontEnd.beforeUnits`). */
export async function loadDeploymentScripts(): Promise<void> {
  implementation ??= await import('./deployment-script-units.js');
}

/**
 * The resources the inline deployment scripts among `resources` create, as units of the `azure-cli`
 * format. Nothing when none is written inline, or when the reader was not loaded (no file of the
 * run names a deployment script: `MAY_HOLD_DEPLOYMENT_SCRIPT`).
 */
export function deploymentScriptUnits(resources: readonly Resource[], unitFiles: ReadonlySet<string>, ctx: FrontEndContext): { units: EvaluatedUnit[]; problems: Problem[] } {
  const scripts = implementation ? inlineDeploymentScripts(resources, unitFiles) : [];
  if (scripts.length === 0 || !implementation) return { units: [], problems: [] };
  return implementation.deploymentScriptUnits(scripts, ctx);
}
