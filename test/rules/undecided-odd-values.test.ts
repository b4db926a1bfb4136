/**
 * A rule that meets a value it cannot read (not set with no known default, a direction that
 * is neither Inbound nor Outbound, `"yes"` for a boolean) does not pass silently: `--verbose`
 * lists it among what could not be decided (RULES.md "Three-valued facts").
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lintTree, tempTrees } from '../support/temp-tree.js';

const { tree, cleanup } = tempTrees('mil-odd-values-');
afterAll(cleanup);

const nsgRule = (props: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [{
    "type": "Microsoft.Network/networkSecurityGroups/securityRules",
    "apiVersion": "2023-09-01",
    "name": "nsg1/ssh",
    "properties": { ${props} }
  }]
}
`;

describe('values a rule cannot read are undecided, not silently passed', () => {
  it('NET001: az network nsg rule create without --direction takes the CLI default (Inbound)', async () => {
    const dir = tree({
      'nsg.sh': 'az network nsg rule create -g rg --nsg-name nsg1 -n rdp --priority 110 --access Allow --destination-port-ranges 3389 --source-address-prefixes Internet\n',
    });
    const { briefs } = await lintTree(dir, ['NET001']);
    expect(briefs).toEqual([expect.stringMatching(/^NET001 error adminPortOpen nsg\.sh:1:/)]);
  });

  it('NET001: az network nsg rule update without --direction is unchanged, not defaulted', async () => {
    const dir = tree({
      'nsg.sh': 'az network nsg rule update -g rg --nsg-name nsg1 -n rdp --access Allow --destination-port-ranges 3389 --source-address-prefixes Internet\n',
    });
    const { briefs, undecided } = await lintTree(dir, ['NET001']);
    expect(briefs).toEqual([]);
    const said = undecided.filter((u) => u.ruleId === 'NET001').map((u) => `${u.attribute}: ${u.reason}`);
    expect(said).toEqual(['direction: az network nsg rule update without --direction leaves it unchanged, and this file does not create the resource']);
  });

  it('AML004: az ml compute create --file with --min-instances: which value applies is not documented', async () => {
    const dir = tree({
      'compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n',
      'deploy.sh': 'az ml compute create -f compute.yml --min-instances 2 -w ws\naz ml compute create -n c2 -w ws --type amlcompute --min-instances 0 --set min_instances=2\n',
    });
    const { briefs, undecided } = await lintTree(dir, ['AML004']);
    expect(briefs).toEqual([]);
    const said = undecided.filter((u) => u.ruleId === 'AML004').map((u) => u.reason);
    expect(said).toEqual([
      expect.stringContaining("--min-instances is given with --file: whether it replaces the file's min_instances is not documented"),
      expect.stringContaining('both --min-instances and --set min_instances are given: which one applies is not documented'),
    ]);
  });

  it('NET001: ARM direction, access and protocol values outside their vocabulary', async () => {
    const base = '"destinationPortRange": "22", "sourceAddressPrefix": "*", "priority": 100';
    const cases: [string, string][] = [
      [`"direction": "Sideways", "access": "Allow", "protocol": "Tcp", ${base}`, 'direction: properties.direction is Sideways, not one of inbound, outbound'],
      [`"direction": "Inbound", "access": "Maybe", "protocol": "Tcp", ${base}`, 'access: properties.access is Maybe, not one of allow, deny'],
      [`"direction": "Inbound", "access": "Allow", "protocol": ["Tcp"], ${base}`, 'protocol'],
    ];
    for (const [props, want] of cases) {
      const dir = tree({ 'azuredeploy.json': nsgRule(props) });
      const { briefs, undecided } = await lintTree(dir, ['NET001']);
      expect(briefs).toEqual([]);
      const got = undecided.filter((u) => u.ruleId === 'NET001').map((u) => `${u.attribute}: ${u.reason}`);
      expect(got).toHaveLength(1);
      expect(got[0]).toContain(want);
    }
  });

  it('KV001, ACR001, ST002: a value of the wrong type', async () => {
    const dir = tree({
      'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                     = "kv1"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = "maybe"
}
resource "azurerm_container_registry" "acr" {
  name                = "acr1"
  location            = "westeurope"
  resource_group_name = "rg"
  sku                 = "Basic"
  admin_enabled       = "sometimes"
}
resource "azurerm_storage_account" "st" {
  name                     = "st1"
  location                 = "westeurope"
  resource_group_name      = "rg"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = ["TLS1_0"]
}
`,
    });
    const { briefs, undecided } = await lintTree(dir, ['KV001', 'ACR001', 'ST002']);
    expect(briefs).toEqual([]);
    expect(undecided.filter((u) => ['KV001', 'ACR001', 'ST002'].includes(u.ruleId)).map((u) => `${u.ruleId} ${u.attribute}`).sort()).toEqual([
      'ACR001 adminEnabled',
      'KV001 purgeProtection',
      'ST002 minTls',
    ]);
  });

  it('ST001, AML001, AML006, GPU003: a value of the wrong type', async () => {
    const dir = tree({
      'main.tf': `
resource "azurerm_storage_account" "st" {
  name                            = "st1"
  location                        = "westeurope"
  resource_group_name             = "rg"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = "perhaps"
}
resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "ws1"
  location                      = "westeurope"
  resource_group_name           = "rg"
  application_insights_id       = "ai"
  key_vault_id                  = "kv"
  storage_account_id            = "st"
  public_network_access_enabled = "sometimes"
  identity {
    type = "SystemAssigned"
  }
}
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "aks"
  vm_size               = "Standard_NC24ads_A100_v4"
  node_taints           = ["sku=gpu:NoSchedule"]
  auto_scaling_enabled  = true
  min_count             = "one"
  max_count             = 3
}
`,
    });
    const rules = ['ST001', 'AML001', 'GPU003'];
    const { briefs, undecided } = await lintTree(dir, rules);
    expect(briefs).toEqual([]);
    expect(undecided.filter((u) => rules.includes(u.ruleId)).map((u) => `${u.ruleId} ${u.attribute}`).sort()).toEqual([
      'AML001 publicNetworkAccess',
      'GPU003 minCount',
      'ST001 allowBlobPublicAccess',
    ]);
  });
  it('K8S001/K8S002: a GPU request or a toleration written as a YAML alias or merged with `<<` is read as its anchor; one a merge key of no mapping may supply is undecided (README: never read as missing)', async () => {
    const dir = tree({
      'k8s/pods.yaml': `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: &name base}
  spec:
    tolerations:
    - &skutol {key: sku, operator: Equal, value: gpu, effect: NoSchedule}
    containers:
    - &ctr
      name: c
      image: x
      resources: &gpu
        limits:
          nvidia.com/gpu: 1
- apiVersion: v1
  kind: Pod
  metadata: {name: alias-resources}
  spec:
    containers:
    - {name: c, image: x, resources: *gpu}
- apiVersion: v1
  kind: Pod
  metadata: {name: merged-container}
  spec:
    containers:
    - <<: *ctr
      name: c2
- apiVersion: v1
  kind: Pod
  metadata: {name: cpu-alias-toleration}
  spec:
    tolerations:
    - *skutol
    containers:
    - {name: c, image: x}
- apiVersion: v1
  kind: Pod
  metadata: {name: merge-of-a-scalar}
  spec:
    containers:
    - <<: *name
      name: c3
      image: x
`,
    });
    const { briefs, undecided } = await lintTree(dir, ['K8S001', 'K8S002']);
    // An alias is the node its anchor names (as kubectl reads it), a merge key adds its mapping's
    // keys: decided, each use at its alias.
    expect(briefs).toEqual(['K8S001 warning configTaint k8s/pods.yaml:22:38', 'K8S001 warning configTaint k8s/pods.yaml:28:11', 'K8S002 warning tolerates k8s/pods.yaml:35:7']);
    // A merge key of something that is no mapping (kubectl rejects it) is not applied: what it may supply is undecided.
    const said = undecided.map((u) => `${u.ruleId} ${u.attribute}: ${u.reason}`);
    expect(said).toEqual([expect.stringMatching(/^K8S001 resources: resources cannot be read, and a container may request a GPU there/)]);
  });
  it('CI005: -auto-approve=<value expanded at run time> may approve, undecided (self-review 92: dropped in silence)', async () => {
    const dir = tree({
      '.github/workflows/apply.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform apply -auto-approve=$APPROVE\n',
      'azure-pipelines.yml': "parameters:\n- name: approve\n  type: string\nsteps:\n  - task: TerraformTaskV4@4\n    inputs:\n      provider: azurerm\n      command: apply\n      commandOptions: '-auto-approve=${{ parameters.approve }}'\n",
    });
    const { briefs, undecided } = await lintTree(dir, ['CI005']);
    expect(briefs).toEqual([]);
    expect(undecided.map((u) => `${u.attribute}: ${u.reason}`)).toEqual([
      'run: -auto-approve=$APPROVE is expanded at run time and may approve',
      'inputs.commandOptions: -auto-approve=${{ parameters.approve }} of commandOptions is not known before the task runs and may approve',
    ]);
  });
  it('CI005: an argument beside -auto-approve or a task input expanded at run time, which may be the plan file or the command, is undecided', async () => {
    const dir = tree({
      '.github/workflows/apply.yml': `name: infra
on: push
jobs:
  apply:
    runs-on: ubuntu-latest
    steps:
      - run: terraform apply -auto-approve "$PLAN_FILE"
      - run: terraform apply \${{ inputs.approve }}
      - run: terraform apply -auto-approve tfplan
      - run: terraform apply -var "env=$ENV" -auto-approve
`,
      'azure-pipelines.yml': `steps:
  - task: TerraformTaskV4@4
    inputs:
      command: \${{ parameters.tfCommand }}
  - task: TerraformTaskV4@4
    inputs:
      command: apply
      commandOptions: -input=false $(planPath)
`,
    });
    const { briefs, undecided } = await lintTree(dir, ['CI005']);
    expect(briefs).toEqual([expect.stringMatching(/^CI005 warning applyWithoutPlan \.github\/workflows\/apply\.yml:10:/)]);
    const said = undecided.map((u) => `${u.attribute}: ${u.reason}`);
    expect(said).toEqual([
      'run: the argument $PLAN_FILE of terraform apply -auto-approve is expanded at run time and may be the plan file',
      // Unquoted and not known, it may be several words, -auto-approve among them (a quoted one is one argument: the plan file).
      'run: the unquoted ${{ inputs.approve }} of terraform apply may be several words, -auto-approve among them (input approve is not declared in this file)',
      'inputs.command: command is not known (input tfCommand is not declared in this file): it may be apply',
      'inputs.commandOptions: the argument $(planPath) of commandOptions is not known before the task runs and may be the plan file',
    ]);
  });
  it('GPU005: a GPU-size argument of a module that is not evaluated whose value is unknown is listed', async () => {
    const dir = tree({ 'main.bicep': "param gpuVmSize string\nmodule aks 'br:example.azurecr.io/aks-gpu:1.0.0' = {\n  name: 'aks'\n  params: {\n    gpuVmSize: gpuVmSize\n  }\n}\n" });
    const { briefs, undecided } = await lintTree(dir, ['GPU005']);
    expect(briefs).toEqual([]);
    expect(undecided.map((u) => `${u.ruleId} ${u.address} ${u.attribute}: ${u.reason}`)).toEqual(["GPU005 aks gpuVmSize: parameter 'gpuVmSize' has no value and no default"]);
  });
  it('two places of one script that cannot be decided are two lines (once per place, not once per script)', async () => {
    const dir = tree({ 'd.sh': '#!/bin/bash\nterraform apply -auto-approve "$PLAN_A"\nterraform apply -auto-approve "$PLAN_B"\n' });
    const { undecided } = await lintTree(dir, ['CI005']);
    expect(undecided.map((u) => `${u.location.range.start.line}: ${u.reason}`)).toEqual([
      '2: the argument $PLAN_A of terraform apply -auto-approve is expanded at run time and may be the plan file',
      '3: the argument $PLAN_B of terraform apply -auto-approve is expanded at run time and may be the plan file',
    ]);
  });
  it('Azure ML YAML: a compute named with a template placeholder keeps its written name in addresses (--verbose says which)', async () => {
    const dir = tree({
      'compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster-${ENV}\ntype: amlcompute\nsize: Standard_NC24ads_A100_v4\n',
    });
    const { undecided } = await lintTree(dir, ['AML006']);
    expect(undecided.map((u) => `${u.ruleId} ${u.address}`)).toEqual(['AML006 azureml:amlcompute/gpu-cluster-${ENV}']);
  });
  it("AML001/AML006: a project whose hub is not one of the scan: its network settings are its hub's, not known", async () => {
    const dir = tree({
      'main.bicep':
        "param hubId string\n\nresource proj 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {\n  name: 'proj'\n  location: 'westeurope'\n  kind: 'Project'\n  properties: {\n    hubResourceId: hubId\n  }\n}\n\nresource cpu 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {\n  parent: proj\n  name: 'cpu'\n  location: 'westeurope'\n  properties: {\n    computeType: 'AmlCompute'\n  }\n}\n",
    });
    const { briefs, undecided } = await lintTree(dir, ['AML001', 'AML006']);
    expect(briefs).toEqual([]);
    const said = undecided.map((u) => `${u.ruleId} ${u.attribute}: ${u.reason}`);
    expect(said).toEqual([
      "AML001 publicNetworkAccess: a project takes its hub's network settings, and its hub is not among the resources evaluated with it (not in the scanned code, or in a file not read with this one)",
      'AML006 workspace: workspace "proj" is a project, which takes its hub\'s network settings, and its hub is not among the resources evaluated with it (not in the scanned code, or in a file not read with this one)',
    ]);
  });
  it('a GitHub matrix include entry that cannot be read stands for a combination whose values are not known (not skipped)', async () => {
    const dir = tree({
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        cfg:\n          - { name: a, size: Standard_NC4as_T4_v3 }\n        include:\n          - cfg: { name: b, size: Standard_NC6 }\n    steps:\n      - run: az vm create -g rg -n vm1 --image x --size "${{ matrix.cfg.size }}"\n',
    });
    const { briefs, undecided } = await lintTree(dir, ['GPU004']);
    expect(briefs).toEqual([]);
    expect(undecided.filter((u) => u.ruleId === 'GPU004').map((u) => u.reason)).toEqual([expect.stringContaining('matrix.cfg.size')]);
  });
});

// "Where an unknown value hides a possible finding, the run records it": only where it hides one.
// A value known to rule the finding out is read first, so the unknown rest is no --verbose line.
describe('no "could not decide" line for a finding the known values already rule out', () => {
  const pool = (props: string) =>
    `param size string = 'Standard_NC8as_T4_v3'\nparam taints array\nparam other string\n\nresource cluster 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {\n  name: 'aks'\n}\n\nresource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {\n  parent: cluster\n  name: 'pool'\n  properties: {\n${props}  }\n}\n`;
  const rulesSaid = async (files: Record<string, string>, rules: string[]) => {
    const { undecided } = await lintTree(tree(files), rules);
    return [...new Set(undecided.map((u) => `${u.ruleId} ${u.attribute}`))].sort();
  };

  it('GPU001 and GPU002: a known GPU size makes the unknown taints (which could only say "meant for GPU") irrelevant; AKS001 still needs them', async () => {
    const said = await rulesSaid({ 'main.bicep': pool('    vmSize: size\n    nodeTaints: taints\n    enableAutoScaling: true\n    minCount: 0\n    maxCount: 1\n') }, ['AKS001', 'GPU001', 'GPU002']);
    expect(said).toEqual(['AKS001 taints']);
  });

  it('GPU003 and TAG002: a pool that scales to zero and has its cost-center tag gives neither finding, whatever its unknown size', async () => {
    const said = await rulesSaid(
      { 'main.bicep': pool("    vmSize: other\n    nodeTaints: [ 'sku=gpu:NoSchedule' ]\n    enableAutoScaling: true\n    minCount: 0\n    maxCount: 2\n    tags: { 'cost-center': 'ml' }\n") },
      ['GPU003', 'TAG002', 'GPU004'],
    );
    // GPU004 (a retired size) still depends on the size.
    expect(said).toEqual(['GPU004 vmSize']);
  });

  it('GPU003 on an AML cluster whose minimum is 0, and AKS002 on a pool of a known CPU size: the unknown rest is not asked', async () => {
    const said = await rulesSaid(
      {
        'main.tf':
          'variable "size" {}\nvariable "mode" {}\n\nresource "azurerm_machine_learning_compute_cluster" "c" {\n  name                          = "c"\n  location                      = "westeurope"\n  machine_learning_workspace_id = "ws"\n  vm_priority                   = "Dedicated"\n  vm_size                       = var.size\n  scale_settings {\n    min_node_count                       = 0\n    max_node_count                       = 2\n    scale_down_nodes_after_idle_duration = "PT5M"\n  }\n}\n\nresource "azurerm_kubernetes_cluster_node_pool" "p" {\n  name                  = "p"\n  kubernetes_cluster_id = "id"\n  vm_size               = "Standard_D4s_v5"\n  mode                  = var.mode\n}\n',
      },
      ['GPU003', 'AKS002'],
    );
    expect(said).toEqual([]);
  });
});

describe('addresses in --verbose', () => {
  it('an az command whose name has an unclosed quote is named on one line (the quote runs to the end of the script)', async () => {
    const { undecided } = await lintTree(tree({ 'quote.sh': 'az acr create -n "a -g rg --sku Basic --admin-enabled true\necho done\n' }), ['ACR001']);
    expect(undecided.map((u) => u.address)).toEqual(['script: az acr create "a -g rg --sku Basic --admin-enabled true echo done']);
  });
});

describe('CI005: a terraform subcommand expanded at run time', () => {
  it('with -auto-approve and no plan file, may be apply: undecided, not passed over; a known other subcommand is not', async () => {
    const dir = tree({
      '.github/workflows/w.yml':
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          terraform $CMD -auto-approve\n          terraform $CMD -auto-approve tfplan\n          CMD2=destroy\n          terraform $CMD2 -auto-approve\n          terraform $(cat cmd.txt) -auto-approve\n          terraform apply `cat opts` -auto-approve\n',
    });
    const { briefs, undecided } = await lintTree(dir, ['CI005']);
    expect(briefs).toEqual([]);
    expect(undecided.map((u) => `${u.location.range.start.line}:${u.location.range.start.column} ${u.reason}`)).toEqual([
      '7:21 the terraform subcommand $CMD is not known ($CMD is not assigned a literal in this script) and may be apply',
      '11:21 the terraform subcommand $(…) is not known (command substitution $(…)) and may be apply',
      '12:27 the argument `…` of terraform apply -auto-approve is expanded at run time and may be the plan file',
    ]);
  });
});

describe('a branch that exits', () => {
  it('when every branch exits, nothing after the block is followed: the paths are merged as before (not the value from before the if)', async () => {
    const dir = tree({ 'deploy.sh': 'ENVIRONMENT=prod\nif [ -n "$1" ]; then ENVIRONMENT=dev; exit 1; else ENVIRONMENT=test; exit 2; fi\naz keyvault create -n kv -g rg\n' });
    const { findings } = await lintTree(dir, ['KV001']);
    expect(findings.map((f) => `${f.level} ${f.env}`)).toEqual(['warning unknown']);
  });

  it('only when the branch itself runs exit: after ||, in a subshell (also across lines), a pipeline, the background or a function defined there, it goes on', async () => {
    const branch = (name: string, exits: string) => `${name}=Standard_NC4as_T4_v3\nif [ -n "$1" ]; then ${name}=Standard_D4s_v3; else\n${exits}\nfi\naz ml compute create -n gpu-${name.toLowerCase()} --type AmlCompute --size "$${name}" -w ws -g rg\n`;
    const cases: [string, string][] = [
      ['A', 'false || exit 1'],
      ['B', '(exit 1)'],
      ['C', '(\n  exit 1\n)'],
      ['D', 'echo usage | exit 1'],
      ['E', 'exit 1 &'],
      ['F', 'die() { echo "$1"; exit 1; }'],
    ];
    const dir = tree({ 'deploy.sh': cases.map(([n, e]) => branch(n, e)).join('') });
    const { briefs, undecided } = await lintTree(dir, ['GPU001']);
    expect(briefs).toEqual([]);
    expect(undecided.map((u) => u.reason)).toEqual(cases.map(([n]) => expect.stringContaining(`$${n} is assigned different values`)));
  });
});

describe('CI values that are not known say why', () => {
  // Review 107: a matrix member read out of a matrix computed from a step's output said "only …
  // matrix values … are [resolved]", though it is a matrix value.
  it('a member of a matrix computed when the workflow runs', async () => {
    const dir = tree({
      '.github/workflows/e2e.yml': `on: push
jobs:
  plan:
    runs-on: ubuntu-latest
    outputs:
      matrix: \${{ steps.m.outputs.matrix }}
    steps:
      - id: m
        run: echo "matrix={}" >> "$GITHUB_OUTPUT"
  test:
    needs: plan
    runs-on: ubuntu-latest
    strategy:
      matrix: \${{ fromJSON(needs.plan.outputs.matrix) }}
    steps:
      - run: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size \${{ matrix.model.node-vm-size }} --node-taints sku=gpu:NoSchedule
`,
    });
    const { briefs, undecided } = await lintTree(dir, ['GPU001']);
    expect(briefs).toEqual([]);
    expect(undecided.filter((u) => u.ruleId === 'GPU001').map((u) => u.reason)).toEqual([
      expect.stringContaining('${{ matrix.model.node-vm-size }} has no literal value: the job has no literal matrix (none, or one computed when the workflow runs'),
    ]);
  });
});

describe('script variables: what eval and a sourced file in a branch leave (review 109)', () => {
  const pool = 'az aks nodepool add -g rg --cluster-name c -n gpu --node-vm-size "${SIZE}" --enable-cluster-autoscaler --min-count 0 --max-count 3 --node-taints sku=gpu:NoSchedule\n';
  it('eval of a known text of plain words assigns nothing', async () => {
    const dir = tree({ 'pool.sh': `SIZE="Standard_NC24ads_A100_v4"\ncmd="az group list"\neval $cmd\n${pool}` });
    expect((await lintTree(dir, ['TAG002'])).briefs).toEqual(['TAG002 error noCostCenter pool.sh:4:1']);
  });
  it('eval of a text that may assign makes variables unknown', async () => {
    const dir = tree({ 'pool.sh': `SIZE="Standard_NC24ads_A100_v4"\ncmd="SIZE=Standard_D4s_v5"\neval $cmd\n${pool}` });
    const { briefs, undecided } = await lintTree(dir, ['TAG002']);
    expect(briefs).toEqual([]);
    expect(undecided.map((u) => u.reason)).toEqual([expect.stringContaining('variables may be set by eval')]);
  });
  it('a file sourced in a branch is named as the reason, not the branches', async () => {
    const dir = tree({ 'pool.sh': `SIZE="Standard_NC24ads_A100_v4"\nif [ -f .cfg ]; then source .cfg; fi\n${pool}` });
    const { undecided } = await lintTree(dir, ['TAG002']);
    expect(undecided.map((u) => u.reason)).toEqual([expect.stringContaining('variables may be set by the sourced .cfg (in a branch of an if/case)')]);
  });
});

describe('eval of a function of the script (review 110)', () => {
  it('may assign what the function assigns: variables are unknown after it', async () => {
    const dir = tree({
      'pool.sh': 'configure_gpu() { SIZE=Standard_NC6s_v3; }\nSIZE=Standard_D4s_v5\ntarget="configure_gpu"\neval "$target"\naz aks nodepool add --cluster-name aks1 -g rg --name gpu --node-vm-size $SIZE --node-taints sku=gpu:NoSchedule\n',
    });
    expect((await lintTree(dir, ['GPU001'])).briefs).toEqual([]);
  });
});

describe('a case arm that leaves a variable alone, and eval of an external program (review 111)', () => {
  const kv = (purge: string): string => `az keyvault create --name kv1 --resource-group rg --enable-rbac-authorization true --enable-purge-protection ${purge}\n`;
  it('an arm that does not assign keeps the value before the case', async () => {
    const dir = tree({ 'deploy-prod.sh': `PURGE=true\ncase "$ENV" in\n  dev) PURGE=false ;;\n  *) ;;\nesac\n${kv('$PURGE')}` });
    const { briefs, undecided } = await lintTree(dir, ['KV001']);
    expect(briefs).toEqual([]);
    expect(undecided.map((u) => u.reason)).toEqual([expect.stringContaining('$PURGE is assigned different values in the branches of a case')]);
  });
  it('eval of an external program assigns nothing', async () => {
    const dir = tree({ 'deploy-prod.sh': `PURGE=false\nCMD="python scripts/prepare.py --env prod"\neval "$CMD"\n${kv('$PURGE')}` });
    expect((await lintTree(dir, ['KV001'])).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:1:7']);
  });
});
