import { classifyWord } from './env.js';

/** What discovery classified a file as (by name and a peek at its content). */
export type FileKind =
  | 'terraform'
  | 'tfvars'
  | 'tfvars-json'
  /** A var file to copy and fill in (`terraform.tfvars.example`, `.sample`, `.template`, `.dist`): read for SEC001 only, never a variant. */
  | 'tfvars-sample'
  | 'tfstate'
  /**
   * A Terragrunt configuration (`terragrunt.hcl`): the backend it gives (TF001) and the inputs (a variant) of
   * the module it runs (its own folder's `.tf` files, or the local folder its `terraform { source }` names).
   */
  | 'terragrunt'
  /** A Terraform plan as JSON (`terraform show -json`): linted as input, and TF004. */
  | 'tfplan-json'
  /** A binary Terraform plan (`terraform plan -out`, a zip): TF004 only. */
  | 'tfplan-binary'
  | 'arm'
  | 'arm-params'
  | 'bicep'
  | 'bicepparam'
  | 'azureml-yaml'
  | 'github-workflow'
  | 'github-action'
  | 'azure-pipeline'
  | 'script'
  | 'k8s'
  | 'config'
  | 'other';

/**
 * A Terraform var file meant to be copied and filled in (`terraform.tfvars.example`, `.sample`,
 * `.template`, `.dist`): Terraform never reads it, but what it holds is in the repository
 * (RULES.md SEC001: a sample file's secret is a warning). Its kind is `tfvars-sample`.
 */
export const SAMPLE_VAR_FILE = /\.tfvars\.(?:example|sample|template|dist)$/i;

/**
 * A Terraform var file named for an environment after its extension (`terraform.tfvars.prod`,
 * `app.tfvars.dev`), given to `terraform plan -var-file=terraform.tfvars.prod` (Terraform reads a
 * var file of any name; review 112 found repositories with only such files): a var file like
 * `prod.tfvars`, its environment the suffix (core/env.ts `classifyWord`). Its kind is `tfvars`.
 */
export function isEnvironmentSuffixedVarFile(name: string): boolean {
  const m = /\.tfvars\.([A-Za-z0-9]+)$/.exec(name);
  return m !== null && classifyWord(m[1]!) !== undefined;
}

/** A Terraform var file by its name: `.tfvars`, `.tfvars.json`, or one named for an environment after the extension. */
export function isTerraformVarFile(name: string): boolean {
  return /\.tfvars(\.json)?$/.test(name) || isEnvironmentSuffixedVarFile(name);
}

/** A Terraform configuration file: native syntax (`.tf`) or JSON syntax (`.tf.json`). */
export function isTerraformFile(name: string): boolean {
  const n = name.toLowerCase();
  return n.endsWith('.tf') || n.endsWith('.tf.json');
}
