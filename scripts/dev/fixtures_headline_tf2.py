import sys; sys.path.insert(0, 'scripts/dev')
from fixture import case
F = 'fixtures'

AKS = '''resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}
'''
def pool(name, size, extra=''):
    return f'''
resource "azurerm_kubernetes_cluster_node_pool" "{name}" {{
  name                  = "{name}"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = {size}
  node_count            = 1
{extra}}}
'''
TAINT = '  node_taints           = ["sku=gpu:NoSchedule"]\n'
CC = '  tags = {\n    "cost-center" = "ml-research"\n  }\n'
# ---------------- GPU001
case(f'{F}/GPU001/terraform/bad/cpu-size-on-gpu-pool', {'main.tf': AKS + pool('gpu', '"Standard_D16s_v5"', TAINT + CC)}, [('main.tf', '"Standard_D16s_v5"')])
case(f'{F}/GPU001/terraform/bad/fpga-size-is-not-gpu', {'main.tf': AKS + pool('gpupool', '"Standard_NP10s"', TAINT + CC)}, [('main.tf', '"Standard_NP10s"')])
case(f'{F}/GPU001/terraform/bad/gpu-label', {'main.tf': AKS + pool('train', '"Standard_E8s_v5"', '  node_labels = {\n    "accelerator" = "nvidia-gpu"\n  }\n')}, [('main.tf', '"Standard_E8s_v5"')])
case(f'{F}/GPU001/terraform/bad/size-from-gpu-variable-prod-tfvars', {
  'main.tf': 'variable "gpu_vm_size" {\n  type    = string\n  default = "Standard_NC6s_v3"\n}\n' + AKS + pool('train', 'var.gpu_vm_size', CC),
  'env/prod/terraform.tfvars': 'gpu_vm_size = "Standard_D16s_v5"\n',
}, [('env/prod/terraform.tfvars', '"Standard_D16s_v5"')])
case(f'{F}/GPU001/terraform/bad/module-argument', {
  'main.tf': 'module "gpu_pool" {\n  source  = "./modules/pool"\n  vm_size = "Standard_D16s_v5"\n}\n',
  'modules/pool/main.tf': 'variable "vm_size" {\n  type = string\n}\n\nresource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = "gpu"\n  kubernetes_cluster_id = "/subscriptions/x/aks"\n  vm_size               = var.vm_size\n}\n',
}, [('main.tf', '"Standard_D16s_v5"')])
case(f'{F}/GPU001/terraform/bad/aml-compute-cluster', {'main.tf': '''resource "azurerm_machine_learning_compute_cluster" "gpu" {
  name                          = "gpu-cluster"
  location                      = "westeurope"
  machine_learning_workspace_id = "/subscriptions/x/ws"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"

  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
'''}, [('main.tf', '"Standard_DS3_v2"')])
case(f'{F}/GPU001/terraform/good/gpu-size', {'main.tf': AKS + pool('gpu', '"Standard_NC24ads_A100_v4"', TAINT + CC)})
case(f'{F}/GPU001/terraform/good/cpu-pool-not-meant-for-gpu', {'main.tf': AKS + pool('cpu', '"Standard_D16s_v5"')})
case(f'{F}/GPU001/terraform/good/unknown-size', {'main.tf': 'variable "gpu_vm_size" {\n  type = string\n}\n' + AKS + pool('gpu', 'var.gpu_vm_size', TAINT + CC)})
case(f'{F}/GPU001/azapi/bad/agent-pool', {'main.tf': '''resource "azapi_resource" "gpu" {
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2024-02-01"
  name      = "gpu"
  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  body = {
    properties = {
      vmSize     = "Standard_D16s_v5"
      count      = 1
      nodeTaints = ["sku=gpu:NoSchedule"]
    }
  }
}
'''}, [('main.tf', '"Standard_D16s_v5"')])
case(f'{F}/GPU001/azapi/good/agent-pool', {'main.tf': '''resource "azapi_resource" "gpu" {
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2024-02-01"
  name      = "gpu"
  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  body = {
    properties = {
      vmSize = "Standard_NC6s_v3"
      count  = 1
    }
  }
}
'''})
# ---------------- AKS001
case(f'{F}/AKS001/terraform/bad/no-taints', {'main.tf': AKS + pool('gpu', '"Standard_NC6s_v3"', CC)}, [('main.tf', 'resource "azurerm_kubernetes_cluster_node_pool"')])
case(f'{F}/AKS001/terraform/bad/taint-not-gpu', {'main.tf': AKS + pool('train', '"Standard_NC6s_v3"', '  node_taints           = ["team=ml:NoSchedule"]\n' + CC)}, [('main.tf', '["team=ml:NoSchedule"]')])
case(f'{F}/AKS001/terraform/bad/prefer-no-schedule-is-not-enough', {'main.tf': AKS + pool('gpu', '"Standard_NC6s_v3"', '  node_taints           = ["sku=gpu:PreferNoSchedule"]\n' + CC)}, [('main.tf', '["sku=gpu:PreferNoSchedule"]')])
case(f'{F}/AKS001/terraform/bad/gpu-default-node-pool', {'main.tf': AKS.replace('"Standard_D4s_v5"', '"Standard_NC6s_v3"')}, [('main.tf', 'default_node_pool {')])
case(f'{F}/AKS001/terraform/good/taint', {'main.tf': AKS + pool('gpu', '"Standard_NC6s_v3"', TAINT + CC)})
case(f'{F}/AKS001/terraform/good/nvidia-taint', {'main.tf': AKS + pool('gpu', '"Standard_NC6s_v3"', '  node_taints           = ["nvidia.com/gpu=present:NoSchedule"]\n')})
case(f'{F}/AKS001/terraform/good/cpu-pool', {'main.tf': AKS + pool('cpu', '"Standard_D8s_v5"')})
case(f'{F}/AKS001/terraform/good/unknown-taints', {'main.tf': 'variable "taints" {\n  type = list(string)\n}\n' + AKS + pool('gpu', '"Standard_NC6s_v3"', '  node_taints           = var.taints\n')})
case(f'{F}/AKS001/azapi/bad/no-taints', {'main.tf': '''resource "azapi_resource" "gpu" {
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2024-02-01"
  name      = "gpu"
  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  body = {
    properties = {
      vmSize = "Standard_NC6s_v3"
      count  = 1
    }
  }
}
'''}, [('main.tf', 'resource')])
case(f'{F}/AKS001/azapi/good/taint', {'main.tf': '''resource "azapi_resource" "gpu" {
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2024-02-01"
  name      = "gpu"
  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  body = {
    properties = {
      vmSize     = "Standard_NC6s_v3"
      nodeTaints = ["sku=gpu:NoSchedule"]
    }
  }
}
'''})
# ---------------- TAG002
case(f'{F}/TAG002/terraform/bad/node-pool-no-tags', {'main.tf': AKS + pool('gpu', '"Standard_NC6s_v3"', TAINT)}, [('main.tf', 'resource "azurerm_kubernetes_cluster_node_pool"')])
case(f'{F}/TAG002/terraform/bad/tags-without-cost-center', {'main.tf': AKS + pool('gpu', '"Standard_NC6s_v3"', TAINT + '  tags = {\n    owner = "ml-team"\n  }\n')}, [('main.tf', '{\n    owner')])
case(f'{F}/TAG002/terraform/bad/merge-without-cost-center', {'main.tf': 'locals {\n  common_tags = {\n    owner = "ml"\n  }\n}\n' + AKS + pool('gpu', '"Standard_NC6s_v3"', TAINT + '  tags = merge(local.common_tags, { project = "x" })\n')}, [('main.tf', 'merge(')])
case(f'{F}/TAG002/terraform/good/cost-center', {'main.tf': AKS + pool('gpu', '"Standard_NC6s_v3"', TAINT + CC)})
case(f'{F}/TAG002/terraform/good/case-insensitive-via-merge', {'main.tf': 'locals {\n  common_tags = {\n    "Cost-Center" = "ml"\n  }\n}\n' + AKS + pool('gpu', '"Standard_NC6s_v3"', TAINT + '  tags = merge(local.common_tags, { project = "x" })\n')})
case(f'{F}/TAG002/terraform/good/unknown-tags', {'main.tf': 'variable "tags" {\n  type = map(string)\n}\n' + AKS + pool('gpu', '"Standard_NC6s_v3"', TAINT + '  tags = var.tags\n')})
case(f'{F}/TAG002/terraform/good/cpu-pool', {'main.tf': AKS + pool('cpu', '"Standard_D8s_v5"')})
case(f'{F}/TAG002/azapi/bad/vm-without-tags', {'main.tf': '''resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-train"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body = {
    properties = {
      hardwareProfile = {
        vmSize = "Standard_NC6s_v3"
      }
    }
  }
}
'''}, [('main.tf', 'resource')])
case(f'{F}/TAG002/azapi/good/vm-with-cost-center', {'main.tf': '''resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-train"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  tags = {
    "cost-center" = "research"
  }
  body = {
    properties = {
      hardwareProfile = {
        vmSize = "Standard_NC6s_v3"
      }
    }
  }
}
'''})
# ---------------- TF001
case(f'{F}/TF001/terraform/bad/no-backend', {'versions.tf': 'terraform {\n  required_version = ">= 1.5"\n}\n', 'main.tf': 'provider "azurerm" {\n  features {}\n}\n'}, [('versions.tf', 'terraform {')])
case(f'{F}/TF001/terraform/bad/local-backend', {'main.tf': 'terraform {\n  backend "local" {\n    path = "state/terraform.tfstate"\n  }\n}\n\nprovider "azurerm" {\n  features {}\n}\n'}, [('main.tf', 'terraform {')])
case(f'{F}/TF001/terraform/bad/provider-only', {'main.tf': 'provider "azurerm" {\n  features {}\n}\n'}, [('main.tf', 'provider "azurerm"')])
case(f'{F}/TF001/terraform/bad/tfvars-makes-root', {'main.tf': 'variable "x" {}\n\nterraform {\n  required_version = ">= 1.5"\n}\n', 'terraform.tfvars': 'x = 1\n'}, [('main.tf', 'terraform {')])
case(f'{F}/TF001/terraform/good/empty-azurerm-backend', {'main.tf': 'terraform {\n  backend "azurerm" {}\n}\n\nprovider "azurerm" {\n  features {}\n}\n'})
case(f'{F}/TF001/terraform/good/cloud-block', {'main.tf': 'terraform {\n  cloud {\n    organization = "contoso"\n  }\n}\n\nprovider "azurerm" {\n  features {}\n}\n'})
case(f'{F}/TF001/terraform/good/child-module-used-by-root', {
  'main.tf': 'terraform {\n  backend "azurerm" {}\n}\n\nprovider "azurerm" {\n  features {}\n}\n\nmodule "child" {\n  source = "./child"\n}\n',
  'child/main.tf': 'provider "azurerm" {\n  features {}\n}\n',
})
case(f'{F}/TF001/terraform/good/reusable-module-no-provider', {'main.tf': 'variable "x" {}\n\nresource "azurerm_resource_group" "rg" {\n  name     = var.x\n  location = "westeurope"\n}\n'})
# ---------------- TF002
case(f'{F}/TF002/terraform/bad/state-file', {'terraform.tfstate': '{\n  "version": 4,\n  "resources": []\n}\n'}, [('terraform.tfstate', '{')])
case(f'{F}/TF002/terraform/bad/state-backup', {'infra/terraform.tfstate.backup': '{\n  "version": 4\n}\n'}, [('infra/terraform.tfstate.backup', '{')])
case(f'{F}/TF002/terraform/good/no-state', {'main.tf': 'terraform {\n  backend "azurerm" {}\n}\n', 'state.tf.example': '# not a state file\n'})
# ---------------- PARSE001
case(f'{F}/PARSE001/terraform/bad/unclosed-block', {'main.tf': 'resource "azurerm_resource_group" "rg" {\n  name = "rg"\n  location = \n}\n\nresource "azurerm_key_vault" "kv" {\n  name = "kv"\n}\n'}, [('main.tf', '\n}')])
case(f'{F}/PARSE001/terraform/good/valid', {'main.tf': 'resource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n}\n'})
# ---------------- GPU001 through count / for_each module instances
POOL_MOD = 'variable "name" {\n  type = string\n}\n\nvariable "vm_size" {\n  type = string\n}\n\nresource "azurerm_kubernetes_cluster_node_pool" "this" {\n  name                  = var.name\n  kubernetes_cluster_id = "/subscriptions/x/aks"\n  vm_size               = var.vm_size\n}\n\noutput "id" {\n  value = azurerm_kubernetes_cluster_node_pool.this.id\n}\n'
POOLS_FOR_EACH = 'terraform {\n  backend "azurerm" {}\n}\n\nmodule "pools" {\n  source   = "./modules/pool"\n  for_each = {\n    gpu = "Standard_D16s_v5"\n    cpu = "Standard_D8s_v5"\n  }\n  name    = each.key\n  vm_size = each.value\n}\n'
case(f'{F}/GPU001/terraform/bad/module-for-each', {'main.tf': POOLS_FOR_EACH, 'modules/pool/main.tf': POOL_MOD}, [('main.tf', '"Standard_D16s_v5"')])
case(f'{F}/GPU001/terraform/good/module-for-each', {'main.tf': POOLS_FOR_EACH.replace('Standard_D16s_v5', 'Standard_NC6s_v3'), 'modules/pool/main.tf': POOL_MOD})
POOLS_COUNT = 'module "gpu" {\n  source  = "./modules/pool"\n  count   = 2\n  name    = "gpu${count.index}"\n  vm_size = count.index == 0 ? "Standard_NC6s_v3" : "Standard_D16s_v5"\n}\n'
case(f'{F}/GPU001/terraform/bad/module-count', {'main.tf': POOLS_COUNT, 'modules/pool/main.tf': POOL_MOD}, [('main.tf', '"Standard_D16s_v5"')])
