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

/** YAML and scripts are CI files only by content (`ci-classify.ts`): a peek is needed. */
export function ciByName(file: string): 'peek' | undefined {
  return /\.(ya?ml|sh|bash|ps1)$/i.test(path.basename(file)) ? 'peek' : undefined;
}

/** JSON is ARM only by content (`$schema`, arm.ts): a peek is needed; `.tfvars.json` is Terraform's. */
export function armByName(file: string): 'peek' | undefined {
  return /\.jsonc?$/i.test(path.basename(file)) && !/\.tfvars\.json$/i.test(file) ? 'peek' : undefined;
}
