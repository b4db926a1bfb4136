/** What discovery classified a file as (by name and a peek at its content). */
export type FileKind =
  | 'terraform'
  | 'tfvars'
  | 'tfvars-json'
  | 'tfstate'
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
