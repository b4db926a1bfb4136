/**
 * What the on-demand front ends (`lazy.ts`) read, decided by the file name alone: shared by
 * their descriptors in `index.ts` (no import of the front end needed) and the front ends.
 */
import path from 'node:path';

export function bicepKindByName(file: string): 'bicep' | 'bicepparam' | undefined {
  const base = path.basename(file).toLowerCase();
  if (base.endsWith('.bicep')) return 'bicep';
  if (base.endsWith('.bicepparam')) return 'bicepparam';
  return undefined;
}

/** Azure ML YAML is told from other YAML by content (`$schema`, `type: amlcompute`): a peek is needed. */
export function amlYamlByName(file: string): 'peek' | undefined {
  return /\.ya?ml$/i.test(path.basename(file)) ? 'peek' : undefined;
}

/** YAML and scripts are CI files only by content (`ci-classify.ts`): a peek is needed. */
export function ciByName(file: string): 'peek' | undefined {
  return /\.(ya?ml|sh|bash|ps1)$/i.test(path.basename(file)) ? 'peek' : undefined;
}

/** Kubernetes manifests are YAML or JSON with `apiVersion` and `kind`: a peek decides (`k8s-classify.ts`). */
export function k8sByName(file: string): 'peek' | undefined {
  const base = path.basename(file);
  return /\.(ya?ml|json)$/i.test(base) && !/\.tfvars\.json$|\.tfstate|\.tfplan/i.test(base) ? 'peek' : undefined;
}

/** JSON is ARM only by content (`$schema`, arm.ts): a peek is needed; `.tfvars.json` is Terraform's. */
export function armByName(file: string): 'peek' | undefined {
  return /\.jsonc?$/i.test(path.basename(file)) && !/\.tfvars\.json$/i.test(file) ? 'peek' : undefined;
}

/**
 * The Terraform plan front end's by-name check (issue 14): any `.json` but a `.tfvars.json` may
 * be plan JSON, and `*.tfplan`, `tfplan`, `*.plan` may be a binary plan: both are confirmed by a
 * peek at the file's start (`byHead`), after the front end is loaded.
 */
export function planByName(file: string): 'peek' | undefined {
  const base = path.basename(file).toLowerCase();
  if (base.endsWith('.json') && !base.endsWith('.tfvars.json')) return 'peek';
  return base === 'tfplan' || base.endsWith('.tfplan') || base.endsWith('.plan') ? 'peek' : undefined;
}
