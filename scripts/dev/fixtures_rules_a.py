"""Fixtures for AML003-AML006, GPU002, GPU003, AKS002, KV002 (run from the repo root).
Expected positions are computed from the needle each case is about (see fixture.py)."""
import shutil, sys; sys.path.insert(0, 'scripts/dev')
from fixture import case
F = 'fixtures'
for rid in ['AML003', 'AML004', 'AML005', 'AML006', 'GPU002', 'GPU003', 'AKS002', 'KV002']:
    shutil.rmtree(f'{F}/{rid}', ignore_errors=True)

# ------------------------------------------------------------------ shared snippets
WS = '''resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
%s
  identity {
    type = "SystemAssigned"
  }
}
'''
CLUSTER = '''resource "azurerm_machine_learning_compute_cluster" "%(label)s" {
  name                          = %(name)s
  location                      = "westeurope"
  vm_priority                   = "Dedicated"
  vm_size                       = %(size)s
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
%(extra)s
  scale_settings {
    min_node_count                       = %(min)s
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
'''
def cluster(label='cpu', name='"cpu-cluster"', size='"Standard_DS3_v2"', extra='', min='0'):
    return CLUSTER % dict(label=label, name=name, size=size, extra=extra, min=min)

INSTANCE = '''resource "azurerm_machine_learning_compute_instance" "%(label)s" {
  name                          = %(name)s
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_DS3_v2"
%(extra)s}
'''
def instance(label='ci', name='"ci-dev"', extra=''):
    return INSTANCE % dict(label=label, name=name, extra=extra)

AZ_WS = '''resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      friendlyName = "demo"
%s
    }
  }
}
'''
AZ_COMPUTE = '''resource "azapi_resource" "%(label)s" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = %(name)s
  parent_id = azapi_resource.ws.id
  location  = "westeurope"
  body = {
    properties = {
      computeType = "%(ctype)s"
      properties = {
        vmSize = %(size)s
%(extra)s
      }
    }
  }
}
'''
def az_compute(label='cpu', name='"cpu-cluster"', ctype='AmlCompute', size='"Standard_DS3_v2"', extra=''):
    return AZ_COMPUTE % dict(label=label, name=name, ctype=ctype, size=size, extra=extra)

# ------------------------------------------------------------------ AML003
R = f'{F}/AML003'
case(f'{R}/terraform/bad/compute-instance', {'main.tf': WS % '  image_build_compute_name = "ci-build"' + '\n' + instance(name='"ci-build"')},
     [('main.tf', '"ci-build"', 1, 'error')])
case(f'{R}/terraform/bad/gpu-cluster', {'main.tf': WS % '  image_build_compute_name = "gpu-build"' + '\n' + cluster(label='gpu', name='"gpu-build"', size='"Standard_NC6s_v3"')},
     [('main.tf', '"gpu-build"', 1, 'error')])
case(f'{R}/terraform/bad/variable-default', {
    'main.tf': 'variable "build_compute" {\n  type    = string\n  default = "ci-build"\n}\n\n' + WS % '  image_build_compute_name = var.build_compute' + '\n' + instance(name='var.build_compute'),
}, [('main.tf', '"ci-build"', 1, 'error')])
case(f'{R}/terraform/bad/prod-tfvars', {
    'main.tf': 'variable "build_compute" {\n  type = string\n}\n\n' + WS % '  image_build_compute_name = var.build_compute' + '\n' + instance(name='"ci-build"') + '\n' + cluster(),
    'prod.tfvars': 'build_compute = "ci-build"\n',
}, [('prod.tfvars', '"ci-build"', 1, 'error')])
case(f'{R}/terraform/good/cpu-cluster', {'main.tf': WS % '  image_build_compute_name = "cpu-cluster"' + '\n' + cluster()})
case(f'{R}/terraform/good/compute-not-in-code', {'main.tf': WS % '  image_build_compute_name = "cpu-cluster"'})
case(f'{R}/terraform/good/instance-in-other-workspace', {'main.tf': WS % '  image_build_compute_name = "ci-build"' + '\n' +
     instance(name='"ci-build"').replace('azurerm_machine_learning_workspace.ws.id', '"/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/other"')})
case(f'{R}/terraform/good/unknown-name', {'main.tf': 'variable "build_compute" {\n  type = string\n}\n\n' + WS % '  image_build_compute_name = var.build_compute' + '\n' + instance(name='"ci-build"')})
case(f'{R}/terraform/good/gpu-size-unknown', {'main.tf': 'variable "size" {\n  type = string\n}\n\n' + WS % '  image_build_compute_name = "build"' + '\n' + cluster(name='"build"', size='var.size')})
case(f'{R}/azapi/bad/compute-instance', {'main.tf': AZ_WS % '      imageBuildCompute = "ci-build"' + '\n' + az_compute(label='ci', name='"ci-build"', ctype='ComputeInstance')},
     [('main.tf', '"ci-build"', 1, 'error')])
case(f'{R}/azapi/bad/gpu-cluster', {'main.tf': AZ_WS % '      imageBuildCompute = "gpu-build"' + '\n' + az_compute(label='gpu', name='"gpu-build"', size='"Standard_NC24ads_A100_v4"')},
     [('main.tf', '"gpu-build"', 1, 'error')])
case(f'{R}/azapi/good/cpu-cluster', {'main.tf': AZ_WS % '      imageBuildCompute = "cpu-cluster"' + '\n' + az_compute()})
case(f'{R}/azapi/good/compute-not-in-code', {'main.tf': AZ_WS % '      imageBuildCompute = "cpu-cluster"'})

# ------------------------------------------------------------------ AML004
R = f'{F}/AML004'
case(f'{R}/terraform/bad/min-nodes-literal', {'main.tf': WS % '' + '\n' + cluster(min='2')}, [('main.tf', '2\n', 1, 'warning')])
case(f'{R}/terraform/bad/prod-tfvars-note', {
    'main.tf': 'variable "min_nodes" {\n  type    = number\n  default = 0\n}\n\n' + WS % '' + '\n' + cluster(min='var.min_nodes'),
    'environments/prod.tfvars': 'min_nodes = 1\n', 'environments/dev.tfvars': 'min_nodes = 0\n',
}, [('environments/prod.tfvars', '1', 1, 'note')])
case(f'{R}/terraform/bad/dev-tfvars-warning', {
    'main.tf': 'variable "min_nodes" {\n  type = number\n}\n\n' + WS % '' + '\n' + cluster(min='var.min_nodes'),
    'dev.tfvars': 'min_nodes = 3\n',
}, [('dev.tfvars', '3', 1, 'warning')])
case(f'{R}/terraform/bad/module-argument', {
    'main.tf': 'module "compute" {\n  source    = "./modules/compute"\n  min_nodes = 1\n}\n',
    'modules/compute/main.tf': 'variable "min_nodes" {\n  type = number\n}\n\n' + WS % '' + '\n' + cluster(min='var.min_nodes'),
}, [('main.tf', '1', 1, 'warning')])
case(f'{R}/terraform/bad/variable-default', {
    'main.tf': 'variable "min_nodes" {\n  type    = number\n  default = 1\n}\n\n' + WS % '' + '\n' + cluster(min='var.min_nodes'),
}, [('main.tf', '1', 1, 'warning')])
case(f'{R}/terraform/good/zero', {'main.tf': WS % '' + '\n' + cluster(min='0')})
case(f'{R}/terraform/good/unknown-variable', {'main.tf': 'variable "min_nodes" {\n  type = number\n}\n\n' + WS % '' + '\n' + cluster(min='var.min_nodes')})
case(f'{R}/azapi/bad/min-nodes', {'main.tf': AZ_WS % '' + '\n' + az_compute(extra='        scaleSettings = {\n          minNodeCount = 1\n          maxNodeCount = 4\n        }')},
     [('main.tf', '1\n', 1, 'warning')])
case(f'{R}/azapi/good/absent-default-zero', {'main.tf': AZ_WS % '' + '\n' + az_compute(extra='        scaleSettings = {\n          maxNodeCount = 4\n        }')})
case(f'{R}/azapi/good/zero', {'main.tf': AZ_WS % '' + '\n' + az_compute(extra='        scaleSettings = {\n          minNodeCount = 0\n          maxNodeCount = 4\n        }')})
case(f'{R}/azapi/good/instance-not-a-cluster', {'main.tf': AZ_WS % '' + '\n' + az_compute(ctype='ComputeInstance', extra='        scaleSettings = {\n          minNodeCount = 1\n        }')})

# ------------------------------------------------------------------ AML005
R = f'{F}/AML005'
case(f'{R}/terraform/bad/azurerm-instance-note', {'main.tf': WS % '' + '\n' + instance()}, [('main.tf', 'resource "azurerm_machine_learning_compute_instance"', 1, 'note')])
case(f'{R}/terraform/bad/azurerm-instance-in-module', {
    'main.tf': 'module "ci" {\n  source = "./modules/ci"\n}\n',
    'modules/ci/main.tf': WS % '' + '\n' + instance(),
}, [('modules/ci/main.tf', 'resource "azurerm_machine_learning_compute_instance"', 1, 'note')])
case(f'{R}/terraform/good/cluster-not-instance', {'main.tf': WS % '' + '\n' + cluster()})
case(f'{R}/azapi/bad/no-idle-shutdown', {'main.tf': AZ_WS % '' + '\n' + az_compute(label='ci', name='"ci-dev"', ctype='ComputeInstance')},
     [('main.tf', 'resource "azapi_resource" "ci"', 1, 'warning')])
case(f'{R}/azapi/bad/start-schedule-only', {'main.tf': AZ_WS % '' + '\n' + az_compute(label='ci', name='"ci-dev"', ctype='ComputeInstance', extra='''        schedules = {
          computeStartStop = [
            {
              action      = "Start"
              triggerType = "Cron"
              cron        = { expression = "0 8 * * 1-5", timeZone = "UTC" }
            }
          ]
        }''')}, [('main.tf', 'resource "azapi_resource" "ci"', 1, 'warning')])
case(f'{R}/azapi/good/idle-time', {'main.tf': AZ_WS % '' + '\n' + az_compute(label='ci', name='"ci-dev"', ctype='ComputeInstance', extra='        idleTimeBeforeShutdown = "PT60M"')})
case(f'{R}/azapi/good/stop-schedule', {'main.tf': AZ_WS % '' + '\n' + az_compute(label='ci', name='"ci-dev"', ctype='ComputeInstance', extra='''        schedules = {
          computeStartStop = [
            {
              action      = "Stop"
              triggerType = "Cron"
              cron        = { expression = "0 19 * * *", timeZone = "UTC" }
            }
          ]
        }''')})
case(f'{R}/azapi/good/idle-time-unknown', {'main.tf': 'variable "idle" {\n  type = string\n}\n\n' + AZ_WS % '' + '\n' + az_compute(label='ci', name='"ci-dev"', ctype='ComputeInstance', extra='        idleTimeBeforeShutdown = var.idle')})
case(f'{R}/azapi/good/cluster-not-instance', {'main.tf': AZ_WS % '' + '\n' + az_compute()})

# ------------------------------------------------------------------ AML006
R = f'{F}/AML006'
PRIV = '  public_network_access_enabled = false'
case(f'{R}/terraform/bad/cluster-absent-default', {'main.tf': WS % PRIV + '\n' + cluster()}, [('main.tf', 'resource "azurerm_machine_learning_compute_cluster"', 1, 'error')])
case(f'{R}/terraform/bad/instance-explicit-true', {'main.tf': WS % PRIV + '\n' + instance(extra='  node_public_ip_enabled        = true\n')}, [('main.tf', 'true', 1, 'error')])
case(f'{R}/terraform/bad/variable-default', {
    'main.tf': 'variable "node_public_ip" {\n  type    = bool\n  default = true\n}\n\n' + WS % PRIV + '\n' + cluster(extra='  node_public_ip_enabled        = var.node_public_ip'),
}, [('main.tf', 'true', 1, 'error')])
case(f'{R}/terraform/bad/workspace-private-from-tfvars', {
    'main.tf': 'variable "ws_public" {\n  type = bool\n}\n\n' + WS % '  public_network_access_enabled = var.ws_public' + '\n' + cluster(),
    'prod.tfvars': 'ws_public = false\n',
}, [('main.tf', 'resource "azurerm_machine_learning_compute_cluster"', 1, 'error')])
case(f'{R}/terraform/good/node-public-ip-disabled', {'main.tf': WS % PRIV + '\n' + cluster(extra='  node_public_ip_enabled        = false') + '\n' + instance(extra='  node_public_ip_enabled        = false\n')})
case(f'{R}/terraform/good/public-workspace', {'main.tf': WS % '' + '\n' + cluster()})
case(f'{R}/terraform/good/workspace-access-unknown', {'main.tf': 'variable "ws_public" {\n  type = bool\n}\n\n' + WS % '  public_network_access_enabled = var.ws_public' + '\n' + cluster()})
case(f'{R}/terraform/good/node-ip-unknown', {'main.tf': 'variable "nip" {\n  type = bool\n}\n\n' + WS % PRIV + '\n' + cluster(extra='  node_public_ip_enabled        = var.nip')})
case(f'{R}/terraform/good/workspace-not-in-code', {'main.tf': cluster().replace('azurerm_machine_learning_workspace.ws.id', '"/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"')})
AZ_PRIV = '      publicNetworkAccess = "Disabled"'
case(f'{R}/azapi/bad/cluster-absent-default', {'main.tf': AZ_WS % AZ_PRIV + '\n' + az_compute()}, [('main.tf', 'resource "azapi_resource" "cpu"', 1, 'error')])
case(f'{R}/azapi/bad/instance-explicit-true', {'main.tf': AZ_WS % AZ_PRIV + '\n' + az_compute(label='ci', name='"ci-dev"', ctype='ComputeInstance', extra='        enableNodePublicIp = true')},
     [('main.tf', 'true', 1, 'error')])
case(f'{R}/azapi/good/node-public-ip-disabled', {'main.tf': AZ_WS % AZ_PRIV + '\n' + az_compute(extra='        enableNodePublicIp = false')})
case(f'{R}/azapi/good/public-workspace', {'main.tf': AZ_WS % '      publicNetworkAccess = "Enabled"' + '\n' + az_compute()})

# ------------------------------------------------------------------ AKS
AKS = '''resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = %s
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}
'''
POOL = '''resource "azurerm_kubernetes_cluster_node_pool" "%(label)s" {
  name                  = "%(label)s"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = %(size)s
  node_taints           = ["sku=gpu:NoSchedule"]
%(extra)s}
'''
def pool(label='gpu', size='"Standard_NC6s_v3"', extra=''):
    return POOL % dict(label=label, size=size, extra=extra)

AZ_AKS = '''resource "azapi_resource" "aks" {
  type      = "Microsoft.ContainerService/managedClusters@2024-05-01"
  name      = "aks-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      dnsPrefix = "aksml"
      agentPoolProfiles = [
        {
          name   = "system"
          vmSize = %s
          count  = 1
        }%s
      ]
    }
  }
}
'''
AZ_POOL = '''resource "azapi_resource" "%(label)s" {
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2024-05-01"
  name      = "%(label)s"
  parent_id = azapi_resource.aks.id
  body = {
    properties = {
      vmSize     = %(size)s
      nodeTaints = ["sku=gpu:NoSchedule"]
%(extra)s
    }
  }
}
'''
def az_pool(label='gpu', size='"Standard_NC6s_v3"', extra=''):
    return AZ_POOL % dict(label=label, size=size, extra=extra)

# ------------------------------------------------------------------ AKS002
R = f'{F}/AKS002'
case(f'{R}/terraform/bad/default-pool-gpu', {'main.tf': AKS % '"Standard_NC6s_v3"'}, [('main.tf', '"Standard_NC6s_v3"', 1, 'warning')])
case(f'{R}/terraform/bad/tfvars-variant', {
    'main.tf': 'variable "system_vm_size" {\n  type    = string\n  default = "Standard_D4s_v5"\n}\n\n' + AKS % 'var.system_vm_size',
    'prod.tfvars': 'system_vm_size = "Standard_NC4as_T4_v3"\n', 'dev.tfvars': 'system_vm_size = "Standard_D2s_v5"\n',
}, [('prod.tfvars', '"Standard_NC4as_T4_v3"', 1, 'warning')])
case(f'{R}/terraform/bad/system-mode-pool', {'main.tf': AKS % '"Standard_D4s_v5"' + '\n' + pool(extra='  mode                  = "System"\n')}, [('main.tf', '"Standard_NC6s_v3"', 1, 'warning')])
case(f'{R}/terraform/good/cpu-system-gpu-user', {'main.tf': AKS % '"Standard_D4s_v5"' + '\n' + pool()})
case(f'{R}/terraform/good/unknown-size', {'main.tf': 'variable "system_vm_size" {\n  type = string\n}\n\n' + AKS % 'var.system_vm_size'})
case(f'{R}/azapi/bad/first-profile-gpu', {'main.tf': AZ_AKS % ('"Standard_ND96asr_v4"', '')}, [('main.tf', '"Standard_ND96asr_v4"', 1, 'warning')])
case(f'{R}/azapi/bad/agentpool-system-mode', {'main.tf': AZ_AKS % ('"Standard_D4s_v5"', '') + '\n' + az_pool(extra='      mode       = "System"')}, [('main.tf', '"Standard_NC6s_v3"', 1, 'warning')])
case(f'{R}/azapi/good/gpu-in-second-profile', {'main.tf': AZ_AKS % ('"Standard_D4s_v5"', ',\n        {\n          name   = "gpu"\n          mode   = "User"\n          vmSize = "Standard_NC6s_v3"\n        }')})
case(f'{R}/azapi/good/gpu-user-agentpool', {'main.tf': AZ_AKS % ('"Standard_D4s_v5"', '') + '\n' + az_pool()})

# ------------------------------------------------------------------ GPU003
R = f'{F}/GPU003'
case(f'{R}/terraform/bad/autoscaling-absent', {'main.tf': AKS % '"Standard_D4s_v5"' + '\n' + pool()}, [('main.tf', 'resource "azurerm_kubernetes_cluster_node_pool"', 1, 'warning')])
case(f'{R}/terraform/bad/v3-autoscaling-false', {'main.tf': AKS % '"Standard_D4s_v5"' + '\n' + pool(extra='  enable_auto_scaling   = false\n  node_count            = 1\n')}, [('main.tf', 'false', 1, 'warning')])
case(f'{R}/terraform/bad/min-count-prod-note', {'main.tf': AKS % '"Standard_D4s_v5"' + '\n' + pool(extra='  auto_scaling_enabled  = true\n  min_count             = 1\n  max_count             = 4\n')},
     [('main.tf', '1\n  max_count', 1, 'note')], options={'env': 'prod'})
case(f'{R}/terraform/bad/min-count-dev-tfvars', {
    'main.tf': 'variable "gpu_min" {\n  type    = number\n  default = 0\n}\n\n' + AKS % '"Standard_D4s_v5"' + '\n' + pool(extra='  auto_scaling_enabled  = true\n  min_count             = var.gpu_min\n  max_count             = 4\n'),
    'dev.tfvars': 'gpu_min = 2\n',
}, [('dev.tfvars', '2', 1, 'warning')])
case(f'{R}/terraform/bad/gpu-intent-name', {'main.tf': 'variable "pool_size" {\n  type = string\n}\n\n' + AKS % '"Standard_D4s_v5"' + '\n' + pool(label='gpupool', size='var.pool_size')},
     [('main.tf', 'resource "azurerm_kubernetes_cluster_node_pool"', 1, 'warning')])
case(f'{R}/terraform/bad/aml-gpu-cluster-min-nodes', {'main.tf': WS % '' + '\n' + cluster(label='train', name='"train"', size='"Standard_NC24ads_A100_v4"', min='1')}, [('main.tf', '1\n', 1, 'warning')])
case(f'{R}/terraform/good/autoscale-from-zero', {'main.tf': AKS % '"Standard_D4s_v5"' + '\n' + pool(extra='  auto_scaling_enabled  = true\n  min_count             = 0\n  max_count             = 4\n')})
case(f'{R}/terraform/good/system-pool-skipped', {'main.tf': AKS % '"Standard_NC6s_v3"'})
case(f'{R}/terraform/good/cpu-pool', {'main.tf': AKS % '"Standard_D4s_v5"' + '\n' + pool(label='cpu', size='"Standard_D8s_v5"').replace('sku=gpu', 'sku=batch')})
case(f'{R}/terraform/good/autoscale-unknown', {'main.tf': 'variable "autoscale" {\n  type = bool\n}\n\n' + AKS % '"Standard_D4s_v5"' + '\n' + pool(extra='  auto_scaling_enabled  = var.autoscale\n  min_count             = 0\n')})
case(f'{R}/terraform/good/aml-gpu-cluster-zero', {'main.tf': WS % '' + '\n' + cluster(label='train', name='"train"', size='"Standard_NC24ads_A100_v4"', min='0')})
case(f'{R}/azapi/bad/agentpool-autoscale-absent', {'main.tf': AZ_AKS % ('"Standard_D4s_v5"', '') + '\n' + az_pool()}, [('main.tf', 'resource "azapi_resource" "gpu"', 1, 'warning')])
case(f'{R}/azapi/bad/inline-profile-min-count', {'main.tf': AZ_AKS % ('"Standard_D4s_v5"', ',\n        {\n          name              = "gpu"\n          mode              = "User"\n          vmSize            = "Standard_NC6s_v3"\n          enableAutoScaling = true\n          minCount          = 1\n          maxCount          = 3\n        }')},
     [('main.tf', '1\n          maxCount', 1, 'warning')])
case(f'{R}/azapi/bad/aml-gpu-cluster', {'main.tf': AZ_WS % '' + '\n' + az_compute(label='gpu', name='"gpu"', size='"Standard_NC6s_v3"', extra='        scaleSettings = {\n          minNodeCount = 2\n          maxNodeCount = 4\n        }')},
     [('main.tf', '2\n', 1, 'warning')])
case(f'{R}/azapi/good/autoscale-from-zero', {'main.tf': AZ_AKS % ('"Standard_D4s_v5"', '') + '\n' + az_pool(extra='      enableAutoScaling = true\n      minCount   = 0\n      maxCount   = 3')})
case(f'{R}/azapi/good/aml-gpu-cluster-default-zero', {'main.tf': AZ_WS % '' + '\n' + az_compute(label='gpu', name='"gpu"', size='"Standard_NC6s_v3"')})

# ------------------------------------------------------------------ GPU002
R = f'{F}/GPU002'
def var(name, body=''):
    return f'variable "{name}" {{\n  type    = string\n  default = "Standard_NC6s_v3"\n{body}}}\n\n'
def validation(cond):
    return f'\n  validation {{\n    condition     = {cond}\n    error_message = "Must be a GPU size."\n  }}\n'
GP = AKS % '"Standard_D4s_v5"' + '\n' + pool(size='var.gpu_vm_size')
case(f'{R}/terraform/bad/no-validation', {'main.tf': var('gpu_vm_size') + GP}, [('main.tf', 'variable "gpu_vm_size"', 1, 'warning')])
case(f'{R}/terraform/bad/regex-admits-fpga', {'main.tf': var('gpu_vm_size', validation('can(regex("^Standard_N", var.gpu_vm_size))')) + GP},
     [('main.tf', '"^Standard_N"', 1, 'warning')])
case(f'{R}/terraform/bad/contains-cpu-size', {'main.tf': var('gpu_vm_size', validation('contains(["Standard_NC6s_v3", "Standard_D16s_v5"], var.gpu_vm_size)')) + GP},
     [('main.tf', '"Standard_D16s_v5"', 1, 'warning')])
case(f'{R}/terraform/bad/tfvars-value-no-validation', {
    'main.tf': 'variable "gpu_vm_size" {\n  type = string\n}\n\n' + GP,
    'terraform.tfvars': 'gpu_vm_size = "Standard_NC6s_v3"\n',
}, [('main.tf', 'variable "gpu_vm_size"', 1, 'warning')])
case(f'{R}/terraform/bad/module-argument', {
    'main.tf': 'module "gpu" {\n  source      = "./modules/gpu"\n  gpu_vm_size = "Standard_NC6s_v3"\n}\n',
    'modules/gpu/main.tf': 'variable "gpu_vm_size" {\n  type = string\n}\n\n' + GP,
}, [('modules/gpu/main.tf', 'variable "gpu_vm_size"', 1, 'warning')])
case(f'{R}/terraform/bad/intent-from-variable-name', {'main.tf': 'variable "gpu_sku" {\n  type    = string\n  default = "Standard_D16s_v5"\n}\n\n' + AKS % '"Standard_D4s_v5"' + '\n' + pool(label='train', size='var.gpu_sku').replace('sku=gpu', 'dedicated=train')},
     [('main.tf', 'variable "gpu_sku"', 1, 'warning')])
case(f'{R}/terraform/bad/aml-cluster-no-validation', {'main.tf': var('train_size') + WS % '' + '\n' + cluster(label='train', name='"train"', size='var.train_size')},
     [('main.tf', 'variable "train_size"', 1, 'warning')])
case(f'{R}/terraform/good/regex-gpu-families', {'main.tf': var('gpu_vm_size', validation('can(regex("^Standard_N[CDGV]", var.gpu_vm_size))')) + GP})
case(f'{R}/terraform/good/contains-gpu-sizes', {'main.tf': var('gpu_vm_size', validation('contains(["Standard_NC6s_v3", "Standard_NC24ads_A100_v4"], var.gpu_vm_size)')) + GP})
case(f'{R}/terraform/good/opaque-validation', {'main.tf': var('gpu_vm_size', validation('length(var.gpu_vm_size) > 0 && startswith(var.gpu_vm_size, "Standard_NC")')) + GP})
case(f'{R}/terraform/good/regex-with-negation', {'main.tf': var('gpu_vm_size', validation('can(regex("^Standard_N", var.gpu_vm_size)) && !can(regex("^Standard_NP", var.gpu_vm_size))')) + GP})
case(f'{R}/terraform/good/cpu-pool-unvalidated', {'main.tf': 'variable "vm_size" {\n  type    = string\n  default = "Standard_D8s_v5"\n}\n\n' + AKS % '"Standard_D4s_v5"' + '\n' + pool(label='batch', size='var.vm_size').replace('sku=gpu', 'workload=batch')})
case(f'{R}/terraform/good/guarded-at-root', {
    'main.tf': var('gpu_vm_size', validation('can(regex("^Standard_N[CDGV]", var.gpu_vm_size))')) + 'module "gpu" {\n  source      = "./modules/gpu"\n  gpu_vm_size = var.gpu_vm_size\n}\n',
    'modules/gpu/main.tf': 'variable "gpu_vm_size" {\n  type = string\n}\n\n' + GP,
})
case(f'{R}/terraform/good/literal-size', {'main.tf': AKS % '"Standard_D4s_v5"' + '\n' + pool()})
AZ_GP = AZ_AKS % ('"Standard_D4s_v5"', '') + '\n' + az_pool(size='var.gpu_vm_size')
case(f'{R}/azapi/bad/no-validation', {'main.tf': var('gpu_vm_size') + AZ_GP}, [('main.tf', 'variable "gpu_vm_size"', 1, 'warning')])
case(f'{R}/azapi/bad/regex-admits-fpga', {'main.tf': var('gpu_vm_size', validation('can(regex("(?i)^standard_n", var.gpu_vm_size))')) + AZ_GP},
     [('main.tf', '"(?i)^standard_n"', 1, 'warning')])
case(f'{R}/azapi/bad/aml-compute-no-validation', {'main.tf': var('gpu_size') + AZ_WS % '' + '\n' + az_compute(label='gpu', name='"gpu"', size='var.gpu_size')},
     [('main.tf', 'variable "gpu_size"', 1, 'warning')])
case(f'{R}/azapi/good/regex-gpu-families', {'main.tf': var('gpu_vm_size', validation('can(regex("^Standard_N[CDGV]", var.gpu_vm_size))')) + AZ_GP})

# ------------------------------------------------------------------ KV002
R = f'{F}/KV002'
KV = '''resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
%s}
'''
case(f'{R}/terraform/bad/absent-default', {'main.tf': KV % ''}, [('main.tf', 'resource', 1, 'warning')])
case(f'{R}/terraform/bad/v3-explicit-false', {'main.tf': KV % '  enable_rbac_authorization = false\n'}, [('main.tf', 'false', 1, 'warning')])
case(f'{R}/terraform/bad/v4-explicit-false', {'main.tf': KV % '  rbac_authorization_enabled = false\n'}, [('main.tf', 'false', 1, 'warning')])
case(f'{R}/terraform/bad/variable-default', {'main.tf': 'variable "kv_rbac" {\n  type    = bool\n  default = false\n}\n\n' + KV % '  rbac_authorization_enabled = var.kv_rbac\n'}, [('main.tf', 'false', 1, 'warning')])
case(f'{R}/terraform/bad/tfvars-variant', {
    'main.tf': 'variable "kv_rbac" {\n  type    = bool\n  default = true\n}\n\n' + KV % '  rbac_authorization_enabled = var.kv_rbac\n',
    'dev.tfvars': 'kv_rbac = false\n', 'prod.tfvars': 'kv_rbac = true\n',
}, [('dev.tfvars', 'false', 1, 'warning')])
case(f'{R}/terraform/bad/module-argument', {
    'main.tf': 'module "kv" {\n  source = "./modules/kv"\n  rbac   = false\n}\n',
    'modules/kv/main.tf': 'variable "rbac" {\n  type = bool\n}\n\n' + KV % '  enable_rbac_authorization = var.rbac\n',
}, [('main.tf', 'false', 1, 'warning')])
case(f'{R}/terraform/good/v4-true', {'main.tf': KV % '  rbac_authorization_enabled = true\n'})
case(f'{R}/terraform/good/v3-true', {'main.tf': KV % '  enable_rbac_authorization = true\n'})
case(f'{R}/terraform/good/unknown-variable', {'main.tf': 'variable "kv_rbac" {\n  type = bool\n}\n\n' + KV % '  rbac_authorization_enabled = var.kv_rbac\n'})
AZ_KV = '''resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      tenantId = "00000000-0000-0000-0000-000000000000"
      sku      = { family = "A", name = "standard" }
%s
    }
  }
}
'''
case(f'{R}/azapi/bad/absent-default', {'main.tf': AZ_KV % ''}, [('main.tf', 'resource', 1, 'warning')])
case(f'{R}/azapi/bad/explicit-false', {'main.tf': AZ_KV % '      enableRbacAuthorization = false'}, [('main.tf', 'false', 1, 'warning')])
case(f'{R}/azapi/good/rbac-enabled', {'main.tf': AZ_KV % '      enableRbacAuthorization = true'})
case(f'{R}/azapi/good/unknown', {'main.tf': 'variable "rbac" {\n  type = bool\n}\n\n' + AZ_KV % '      enableRbacAuthorization = var.rbac'})

# ------------------------------------------------------------------ ARM JSON (a few cross-format checks)
ARM_HEAD = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n'
def arm_pool_template(param):
    return ARM_HEAD + '''  "parameters": {
    "gpuVmSize": {
      "type": "string",
      "defaultValue": "Standard_NC6s_v3"%s
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-05-01",
      "name": "aks-ml/gpu",
      "properties": {
        "vmSize": "[parameters('gpuVmSize')]",
        "mode": "User",
        "enableAutoScaling": true,
        "minCount": 0,
        "maxCount": 3,
        "nodeTaints": ["sku=gpu:NoSchedule"]
      }
    }
  ]
}
''' % param
case(f'{F}/GPU002/arm/bad/no-allowed-values', {'azuredeploy.json': arm_pool_template('')}, [('azuredeploy.json', '"gpuVmSize"', 1, 'warning')])
case(f'{F}/GPU002/arm/bad/allowed-cpu-size', {'azuredeploy.json': arm_pool_template(',\n      "allowedValues": ["Standard_NC6s_v3", "Standard_NP10s"]')}, [('azuredeploy.json', '"Standard_NP10s"', 1, 'warning')])
case(f'{F}/GPU002/arm/good/allowed-gpu-sizes', {'azuredeploy.json': arm_pool_template(',\n      "allowedValues": ["Standard_NC6s_v3", "Standard_NC24ads_A100_v4"]')})

ARM_ML = ARM_HEAD + '''  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw",
      "location": "westeurope",
      "properties": {
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": "ci-build"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/ci-build",
      "location": "westeurope",
      "dependsOn": ["[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"],
      "properties": {
        "computeType": "%s",
        "properties": {
          "vmSize": "Standard_DS3_v2"%s
        }
      }
    }
  ]
}
'''
case(f'{F}/AML003/arm/bad/compute-instance', {'azuredeploy.json': ARM_ML % ('ComputeInstance', ',\n          "enableNodePublicIp": false')}, [('azuredeploy.json', '"ci-build"', 1, 'error')])
case(f'{F}/AML003/arm/good/cpu-cluster', {'azuredeploy.json': ARM_ML % ('AmlCompute', ',\n          "enableNodePublicIp": false')})
case(f'{F}/AML006/arm/bad/cluster-absent-default', {'azuredeploy.json': ARM_ML % ('AmlCompute', '')}, [('azuredeploy.json', '"type": "Microsoft.MachineLearningServices/workspaces/computes"', 1, 'error')])
case(f'{F}/AML006/arm/good/disabled', {'azuredeploy.json': ARM_ML % ('AmlCompute', ',\n          "enableNodePublicIp": false')})
case(f'{F}/AML005/arm/bad/instance-no-idle', {'azuredeploy.json': ARM_ML % ('ComputeInstance', ',\n          "enableNodePublicIp": false')}, [('azuredeploy.json', '"type": "Microsoft.MachineLearningServices/workspaces/computes"', 1, 'warning')])
