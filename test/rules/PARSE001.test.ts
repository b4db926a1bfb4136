/**
 * PARSE001 (parse-error): A file could not be parsed.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

/**
 * Bicep object literals `levels` deep, one line (`{a:{a:…1…}}`) or one property a line; `mark`
 * marks where level 501's content starts (its first token; at the end of the line of its `{`
 * when that is a line break, as for arrays).
 */
function bicepObjects(levels: number, lines: 'one-line' | 'multi-line', mark = false): string {
  const open = lines === 'one-line' ? '{a:' : '{\n  a: ';
  const close = lines === 'one-line' ? '}' : '\n}';
  if (!mark) return `${open.repeat(levels)}1${close.repeat(levels)}`;
  const rest = levels - 501;
  const inner = lines === 'one-line' ? `{⟦a⟧:${open.repeat(rest)}` : `{⟦⟧\n  a: ${open.repeat(rest)}`;
  return `${open.repeat(500)}${inner}1${close.repeat(levels)}`;
}
/** A registry with the admin user on, as a declaration around a deep one. */
const BICEP_ACR = `resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr1'
  location: 'westeurope'
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: true }
}
`;

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'valid',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = "westeurope"
}
`,
        },
      },
    ],
    invalid: [
      {
        // Terraform's JSON parser is strict (hashicorp/hcl json: "JSON does not permit a trailing comma").
        name: 'tf-json-trailing-comma',
        files: { 'main.tf.json': '{\n  "locals": {\n    "x": "a"⟦,⟧\n  }\n}\n' },
        level: 'error',
        env: 'unknown',
        message: 'Trailing comma: JSON does not permit a comma after the last property or item; remove it.',
      },
      {
        name: 'tf-json-comment',
        files: { 'main.tf.json': '{\n  ⟦// owner: platform⟧\n  "locals": { "x": "a" }\n}\n' },
        level: 'error',
        env: 'unknown',
        message: 'Comments are not allowed in JSON syntax; write a "//" property instead.',
      },
      {
        name: 'unclosed-block',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  name = "rg"
  location = ⟦
⟧}

resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        // HCL rejects an argument set twice in one body ("Attribute redefined"; terraform
        // validate and fmt refuse the file): at the second name, not a silent last-one-wins.
        name: 'attribute-redefined',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name          = "acr1"
  admin_enabled = true
  ⟦admin_enabled⟧ = false
}
`,
        },
        level: 'error',
        env: 'unknown',
        message: 'Attribute redefined: the argument "admin_enabled" was already set at line 3, column 3; each argument may be set only once, so remove one of them.',
      },
      {
        // RULES.md: "A file that cannot be parsed is reported as PARSE001 … at the exact
        // line/column the parser stopped": a .tfvars.json var file too.
        name: 'broken-tfvars-json',
        files: {
          'main.tf': `
variable "location" {}
`,
          'prod.tfvars.json': '{\n  "location": "westeurope"\n⟦⟧',
        },
        level: 'error',
        env: 'unknown',
      },
      {
        // Terraform stops at a block in a .tfvars ("Blocks are not allowed here"); the file was read as fine (review 71).
        name: 'block-in-a-tfvars-file',
        files: {
          'main.tf': `
variable "location" {}
`,
          'prod.tfvars': 'location = "westeurope"\n⟦variable "size" {⟧\n  default = "Standard_D4s_v5"\n}\n',
        },
        level: 'error',
        env: 'unknown',
        message: 'Block `variable "size"` in a variable file: Terraform refuses it ("Blocks are not allowed here"); a .tfvars file holds only assignments (name = value), so move the block to a .tf file.',
      },
      {
        // Terraform reads a var file with the same strict JSON parser as a .tf.json: no comment,
        // no trailing comma (the values are still read, as after any syntax error).
        name: 'tfvars-json-comment',
        files: {
          'main.tf': `
variable "location" {}
`,
          'prod.tfvars.json': '{\n  ⟦// the region⟧\n  "location": "westeurope"\n}\n',
        },
        level: 'error',
        env: 'unknown',
        message: 'Comments are not allowed in JSON syntax; write a "//" property instead.',
      },
      {
        name: 'tfvars-json-trailing-comma',
        files: {
          'main.tf': `
variable "location" {}
`,
          'prod.tfvars.json': '{\n  "location": "westeurope"⟦,⟧\n}\n',
        },
        level: 'error',
        env: 'unknown',
        message: 'Trailing comma: JSON does not permit a comma after the last property or item; remove it.',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'comments-and-trailing-commas',
        files: {
          'main.json': `
{
  // ARM allows comments
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [],
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'missing-comma',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0"
  ⟦"resources"⟧: []
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'valid',
        files: {
          'main.bicep': `
param location string = 'westeurope'
`,
        },
      },
      // Nested object literals up to the limit parse (495 levels were a stack overflow at 1:1,
      // "Internal error in the Bicep parser", before the 500-level guard could say anything).
      ...([495, 499, 500] as const).flatMap((levels) =>
        (['one-line', 'multi-line'] as const).map((lines) => ({
          name: `nested-objects-${levels}-levels-${lines}`,
          files: { 'main.bicep': `${BICEP_ACR}var x = ${bicepObjects(levels, lines)}\noutput o object = x\n` },
        })),
      ),
    ],
    invalid: [
      // One level more: the nesting error where level 501's content starts, as for arrays and
      // parentheses; the declarations before and after it are still read.
      ...([501, 1000] as const).flatMap((levels) =>
        (['one-line', 'multi-line'] as const).map((lines) => ({
          name: `nested-objects-${levels}-levels-${lines}`,
          files: { 'main.bicep': `${BICEP_ACR}var x = ${bicepObjects(levels, lines, true)}\n${BICEP_ACR.replace(/acr1?/g, (m) => `${m}b`)}` },
          level: 'error' as const,
          env: 'unknown' as const,
          message: 'Nesting deeper than 500 levels: the file is not read past this point.',
        })),
      ),
      {
        name: 'unterminated-string',
        files: {
          'main.bicep': `
param location string = ⟦'westeurope⟧

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
  'github-actions': {
    valid: [
      {
        name: 'valid',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`,
        },
      },
      {
        name: 'lone-cr-line-breaks',
        files: { '.github/workflows/ci.yml': 'on: push\rjobs:\r  build:\r    runs-on: ubuntu-latest\r    steps:\r      - run: |\r          echo hi\r          echo bye\r' },
      },
    ],
    invalid: [
      {
        name: 'bad-indentation',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
   ⟦steps:⟧
      - run: echo hi
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        // The library puts an indentation error at the newline of the blank line before the
        // misplaced key; PARSE001 points at the key (the line to change), not at the blank line.
        name: 'bad-indentation-after-a-blank-line',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi

   ⟦b:⟧
      runs-on: ubuntu-latest
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
  'azure-pipelines': {
    valid: [
      {
        name: 'valid',
        files: {
          'azure-pipelines.yml': `
trigger:
  - main
steps:
  - script: echo hi
    displayName: hi
`,
        },
      },
      {
        name: 'lone-cr-line-breaks',
        files: { 'azure-pipelines.yml': 'trigger:\r  - main\rsteps:\r  - script: echo hi\r    displayName: hi\r' },
      },
    ],
    invalid: [
      {
        // The library says it at the end of the file (past its last line); the place to fix is
        // the opening quote.
        name: 'unclosed-quote',
        files: {
          'azure-pipelines.yml': `
trigger:
  - main
steps:
  - script: ⟦"echo hi⟧
    displayName: hi
`,
        },
        level: 'error',
        env: 'unknown',
        message: 'Unterminated double-quoted string: it opens here and is never closed; add the closing " where the value ends.',
      },
    ],
  },
  // The v2 formats: a broken Kubernetes manifest, Azure ML YAML and plan JSON are PARSE001 at the exact place.
  k8s: {
    valid: [
      {
        name: 'valid',
        files: {
          'k8s/pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
        },
      },
      {
        // YAML 1.2 ends a line at a lone CR too (it was "Nested mappings are not allowed in compact mappings." at 1:13).
        name: 'lone-cr-line-breaks',
        files: { 'k8s/pod.yaml': 'apiVersion: v1\rkind: Pod\rmetadata:\r  name: web\rspec:\r  containers:\r    - name: web\r      image: nginx:1.27\r' },
      },
    ],
    invalid: [
      {
        name: 'bad-indentation',
        files: {
          'k8s/pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: web
 ⟦bad: [1⟧
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        // A comment line between the line before and the misplaced item: at the item.
        name: 'bad-indentation-after-a-comment-line',
        files: {
          'k8s/pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: p
  # comment here
    ⟦labels: {}⟧
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        name: 'valid',
        files: {
          'compute.yml': `$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
min_instances: 0
`,
        },
      },
    ],
    invalid: [
      {
        name: 'nested-compact-mapping',
        files: {
          'compute.yml': `$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: ⟦a⟧mlcompute
  min_instances: 0
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        // Lone CR line ends (YAML 1.2 line breaks): the error is on its own line and column.
        name: 'nested-compact-mapping-lone-cr',
        files: {
          'compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\rname: cpu-cluster\rtype: ⟦a⟧mlcompute\r  min_instances: 0\r',
        },
        level: 'error',
        env: 'unknown',
        message: 'Nested mappings are not allowed in compact mappings.',
      },
    ],
  },
  'terraform-plan': {
    valid: [
      {
        name: 'valid',
        files: {
          'plan.json': `{"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {"root_module": {}}, "resource_changes": []}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'stray-bracket',
        files: {
          'plan.json': `{"format_version": "1.2", "planned_values": ⟦]⟧}
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
};

// `@allowed` is a parameter decorator only: on a type, a type property or a tuple item Bicep
// refuses the file (BCP297, "Function "allowed" cannot be used as a type decorator"; review 105
// p57 had read it as a guard). A union type is what Bicep accepts there (valid).
const allowedOnTypes: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'union-type-property-and-allowed-on-a-param',
        files: {
          'main.bicep': "type pool = {\n  @description('VM size')\n  vmSize: 'Standard_NC24ads_A100_v4' | 'Standard_NC6s_v3'\n}\n\n@allowed([\n  'a'\n  'b'\n])\nparam size string = 'a'\n\nparam pools pool[] = []\n",
        },
      },
    ],
    invalid: [
      {
        name: 'allowed-on-a-type-property',
        files: {
          'main.bicep': "type pool = {\n  @description('VM size')\n  @⟦allowed⟧([\n    'Standard_NC24ads_A100_v4'\n    'Standard_NC6s_v3'\n  ])\n  vmSize: string\n}\n\nparam pools pool[] = []\n",
        },
        level: 'error',
        env: 'unknown',
        message: 'The decorator "@allowed" cannot be used on a type property: Bicep refuses the file (BCP297); write the allowed values as a union type (\'A\' | \'B\').',
      },
      {
        name: 'allowed-on-a-type-an-inline-property-and-a-tuple-item',
        files: {
          'main.bicep':
            "@sys.⟦allowed⟧(['a'])\ntype size = string\n\nparam p {\n  @⟦allowed⟧(['x'])\n  name: string\n}[] = []\n\noutput o [\n  @⟦allowed⟧(['y'])\n  string\n] = ['y']\n",
        },
        level: 'error',
        env: 'unknown',
        errors: [{ messageIncludes: 'on a type declaration' }, { messageIncludes: 'on a type property' }, { messageIncludes: 'on a tuple item' }],
      },
    ],
  },
};

ruleTester('PARSE001', converted, allowedOnTypes);
