/** What discovery classified a file as (by name and a peek at its content). */
export type FileKind =
  | 'terraform'
  | 'tfvars'
  | 'tfvars-json'
  /** A var file to copy and fill in (`terraform.tfvars.example`, `.sample`, `.template`, `.dist`): read for SEC001 only, never a variant. */
  | 'tfvars-sample'
  | 'tfstate'
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
