"""Native Bicep fixtures for every rule that applies to ARM resources (run from the repo root):
fixtures/<ID>/bicep/{bad,good}/<case>/main.bicep (+ modules, .bicepparam variants) and expect.json.
Expected positions are computed from the needle each case is about (see fixture.py)."""
import shutil, sys; sys.path.insert(0, 'scripts/dev')
from fixture import case
F = 'fixtures'
RULES = ['AML001', 'AML002', 'AML003', 'AML004', 'AML005', 'AML006', 'GPU001', 'GPU002', 'GPU003', 'AKS001', 'AKS002',
         'KV001', 'KV002', 'ACR001', 'ACR002', 'ST001', 'ST002', 'NET001', 'SEC001', 'TAG001', 'TAG002', 'GOV001']
for rid in RULES:
    shutil.rmtree(f'{F}/{rid}/bicep', ignore_errors=True)

def ws(props='', extra=''):
    return f'''resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {{
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {{
    type: 'SystemAssigned'
  }}
  properties: {{
{props}  }}
{extra}}}
'''

def cluster(name, size, scale='minNodeCount: 0\n          maxNodeCount: 4', extra=''):
    return f'''  resource {name.replace('-', '')} 'computes' = {{
    name: '{name}'
    location: 'westeurope'
    properties: {{
      computeType: 'AmlCompute'
      properties: {{
        vmSize: {size}
        scaleSettings: {{
          {scale}
        }}
{extra}      }}
    }}
  }}
'''

# ------------------------------------------------------------------ AML001
P = f'{F}/AML001/bicep'
src = ws()
case(f'{P}/bad/absent-default', {'main.bicep': src}, [('main.bicep', 'resource ws', 1, 'warning')])
src = "param publicAccess string = 'Enabled'\n\n" + ws("    publicNetworkAccess: publicAccess\n")
case(f'{P}/bad/param-default', {'main.bicep': src}, [('main.bicep', "'Enabled'", 1, 'warning')])
src = "param publicAccess string = 'Disabled'\n\n" + ws("    publicNetworkAccess: publicAccess\n")
pp = "using './main.bicep'\n\nparam publicAccess = 'Enabled'\n"
case(f'{P}/bad/prod-bicepparam', {'main.bicep': src, 'prod.bicepparam': pp}, [('prod.bicepparam', "'Enabled'", 1, 'error')])
src = "param deploy bool = true\n\n" + ws("    publicNetworkAccess: 'Enabled'\n").replace("= {", "= if (deploy) {", 1)
case(f'{P}/bad/condition-true', {'main.bicep': src}, [('main.bicep', "'Enabled'", 1, 'warning')])
case(f'{P}/good/disabled', {'main.bicep': ws("    publicNetworkAccess: 'Disabled'\n")})
case(f'{P}/good/condition-false', {'main.bicep': ws().replace("= {", "= if (false) {", 1)})
case(f'{P}/good/unknown-parameter', {'main.bicep': "param publicAccess string\n\n" + ws("    publicNetworkAccess: publicAccess\n")})
mod = "param access string\n\n" + ws("    publicNetworkAccess: access\n")
main = "module ml './modules/ml.bicep' = {\n  name: 'ml'\n  params: {\n    access: 'Enabled'\n  }\n}\n"
case(f'{P}/bad/module-param', {'main.bicep': main, 'modules/ml.bicep': mod}, [('main.bicep', "'Enabled'", 1, 'warning')])
case(f'{P}/good/module-param-disabled', {'main.bicep': main.replace('Enabled', 'Disabled'), 'modules/ml.bicep': mod})

# ------------------------------------------------------------------ AML002
ACR = '''resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmlops'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

'''
P = f'{F}/AML002/bicep'
src = ACR + ws("    publicNetworkAccess: 'Disabled'\n    containerRegistry: acr.id\n")
case(f'{P}/bad/private-registry-symbolic-id', {'main.bicep': src}, [('main.bicep', 'resource ws', 1, 'error')])
src = ACR + ws("    publicNetworkAccess: 'Disabled'\n    containerRegistry: acr.id\n    imageBuildCompute: 'cpu-cluster'\n", cluster('cpu-cluster', "'Standard_DS3_v2'"))
case(f'{P}/good/image-build-compute', {'main.bicep': src})

# ------------------------------------------------------------------ AML003
P = f'{F}/AML003/bicep'
src = ws("    publicNetworkAccess: 'Disabled'\n    imageBuildCompute: 'gpu-cluster'\n", cluster('gpu-cluster', "'Standard_NC6s_v3'"))
case(f'{P}/bad/gpu-cluster', {'main.bicep': src}, [('main.bicep', "'gpu-cluster'", 1, 'error')])
src = ws("    publicNetworkAccess: 'Disabled'\n    imageBuildCompute: 'cpu-cluster'\n", cluster('cpu-cluster', "'Standard_DS3_v2'"))
case(f'{P}/good/cpu-cluster', {'main.bicep': src})

# ------------------------------------------------------------------ AML004
P = f'{F}/AML004/bicep'
src = ws("    publicNetworkAccess: 'Disabled'\n", cluster('cpu-cluster', "'Standard_DS3_v2'", 'minNodeCount: 2\n          maxNodeCount: 4'))
case(f'{P}/bad/min-nodes-literal', {'main.bicep': src}, [('main.bicep', '2\n', 1, 'warning')])
mod = '''param workspaceName string
param minNodes int

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' existing = {
  name: workspaceName
}

resource cpu 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  parent: ws
  name: 'cpu-cluster'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_DS3_v2'
      scaleSettings: {
        minNodeCount: minNodes
        maxNodeCount: 4
      }
    }
  }
}
'''
main = "module compute './compute.bicep' = {\n  name: 'compute'\n  params: {\n    workspaceName: 'mlw-demo'\n    minNodes: 1\n  }\n}\n"
case(f'{P}/bad/module-param-parent', {'main.bicep': main, 'compute.bicep': mod}, [('main.bicep', '1\n', 1, 'warning')])
src = ws("    publicNetworkAccess: 'Disabled'\n", cluster('cpu-cluster', "'Standard_DS3_v2'"))
case(f'{P}/good/scale-to-zero', {'main.bicep': src})

# ------------------------------------------------------------------ AML005
P = f'{F}/AML005/bicep'
def instance(extra=''):
    return f'''  resource ci 'computes' = {{
    name: 'ci-dev'
    location: 'westeurope'
    properties: {{
      computeType: 'ComputeInstance'
      properties: {{
        vmSize: 'Standard_DS3_v2'
{extra}      }}
    }}
  }}
'''
src = ws("    publicNetworkAccess: 'Disabled'\n", instance())
case(f'{P}/bad/instance-no-idle', {'main.bicep': src}, [('main.bicep', "resource ci", 1, 'warning')])
src = ws("    publicNetworkAccess: 'Disabled'\n", instance("        idleTimeBeforeShutdown: 'PT30M'\n"))
case(f'{P}/good/idle-time', {'main.bicep': src})

# ------------------------------------------------------------------ AML006
P = f'{F}/AML006/bicep'
src = ws("    publicNetworkAccess: 'Disabled'\n", cluster('cpu-cluster', "'Standard_DS3_v2'"))
case(f'{P}/bad/cluster-absent-default', {'main.bicep': src}, [('main.bicep', "resource cpucluster", 1, 'error')])
src = ws("    publicNetworkAccess: 'Disabled'\n", cluster('cpu-cluster', "'Standard_DS3_v2'", extra="        enableNodePublicIp: false\n"))
case(f'{P}/good/disabled', {'main.bicep': src})

# ------------------------------------------------------------------ GPU001
P = f'{F}/GPU001/bicep'
src = ws("    publicNetworkAccess: 'Disabled'\n", cluster('gpu-cluster', "'Standard_D16s_v5'"))
case(f'{P}/bad/gpu-name-cpu-size', {'main.bicep': src}, [('main.bicep', "'Standard_D16s_v5'", 1, 'error')])
loop = '''var pools = [
  {
    name: 'gpu-a'
    size: 'Standard_NC6s_v3'
  }
  {
    name: 'gpu-b'
    size: 'Standard_D16s_v5'
  }
]

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource clusters 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = [for p in pools: {
  parent: ws
  name: p.name
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: p.size
      scaleSettings: {
        minNodeCount: 0
        maxNodeCount: 2
      }
    }
  }
}]
'''
case(f'{P}/bad/loop-item', {'main.bicep': loop}, [('main.bicep', "'Standard_D16s_v5'", 1, 'error')])
src = ws("    publicNetworkAccess: 'Disabled'\n", cluster('gpu-cluster', "'Standard_NC6s_v3'"))
case(f'{P}/good/gpu-size', {'main.bicep': src})

# ------------------------------------------------------------------ GPU002
P = f'{F}/GPU002/bicep'
src = "param gpuVmSize string = 'Standard_NC6s_v3'\n\n" + ws("    publicNetworkAccess: 'Disabled'\n", cluster('gpu-cluster', 'gpuVmSize'))
case(f'{P}/bad/no-allowed-values', {'main.bicep': src}, [('main.bicep', 'param gpuVmSize', 1, 'warning')])
src = "@allowed([\n  'Standard_NC6s_v3'\n  'Standard_D4s_v3'\n])\nparam gpuVmSize string = 'Standard_NC6s_v3'\n\n" + ws("    publicNetworkAccess: 'Disabled'\n", cluster('gpu-cluster', 'gpuVmSize'))
case(f'{P}/bad/allowed-cpu-size', {'main.bicep': src}, [('main.bicep', "'Standard_D4s_v3'", 1, 'warning')])
src = "@allowed([\n  'Standard_NC6s_v3'\n  'Standard_NC24ads_A100_v4'\n])\nparam gpuVmSize string = 'Standard_NC6s_v3'\n\n" + ws("    publicNetworkAccess: 'Disabled'\n", cluster('gpu-cluster', 'gpuVmSize'))
case(f'{P}/good/allowed-gpu-sizes', {'main.bicep': src})

# ------------------------------------------------------------------ GPU003
P = f'{F}/GPU003/bicep'
src = ws("    publicNetworkAccess: 'Disabled'\n", cluster('gpu-cluster', "'Standard_NC6s_v3'", 'minNodeCount: 1\n          maxNodeCount: 4'))
case(f'{P}/bad/min-nodes', {'main.bicep': src}, [('main.bicep', '1\n', 1, 'warning')])
src = ws("    publicNetworkAccess: 'Disabled'\n", cluster('gpu-cluster', "'Standard_NC6s_v3'"))
case(f'{P}/good/scale-to-zero', {'main.bicep': src})

# ------------------------------------------------------------------ AKS
def aks(pools, extra=''):
    return f'''resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {{
  name: 'aks-ml'
  location: 'westeurope'
  identity: {{
    type: 'SystemAssigned'
  }}
  properties: {{
    dnsPrefix: 'aksml'
    agentPoolProfiles: [
{pools}    ]
  }}
{extra}}}
'''
SYS = "      {\n        name: 'system'\n        mode: 'System'\n        vmSize: 'Standard_D4s_v5'\n        count: 1\n      }\n"
def gpu_pool(extra=''):
    return f"      {{\n        name: 'gpu'\n        mode: 'User'\n        vmSize: 'Standard_NC6s_v3'\n        count: 1\n{extra}      }}\n"
P = f'{F}/AKS001/bicep'
case(f'{P}/bad/profile-without-taint', {'main.bicep': aks(SYS + gpu_pool())}, [('main.bicep', "'gpu'", 1, 'error')])
child = aks(SYS, '''  resource gpupool 'agentPools' = {
    name: 'gpu'
    properties: {
      mode: 'User'
      vmSize: 'Standard_NC6s_v3'
      count: 1
    }
  }
''')
case(f'{P}/bad/nested-agent-pool', {'main.bicep': child}, [('main.bicep', "resource gpupool", 1, 'error')])
case(f'{P}/good/profile-with-taint', {'main.bicep': aks(SYS + gpu_pool("        nodeTaints: [\n          'sku=gpu:NoSchedule'\n        ]\n"))})
P = f'{F}/AKS002/bicep'
gsys = "      {\n        name: 'system'\n        mode: 'System'\n        vmSize: 'Standard_NC6s_v3'\n        count: 1\n        nodeTaints: [\n          'sku=gpu:NoSchedule'\n        ]\n      }\n"
case(f'{P}/bad/gpu-system-pool', {'main.bicep': aks(gsys)}, [('main.bicep', "'Standard_NC6s_v3'", 1, 'warning')])
case(f'{P}/good/cpu-system-pool', {'main.bicep': aks(SYS)})

# ------------------------------------------------------------------ Key Vault
def kv(props):
    return f'''resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {{
  name: 'kv-mlops'
  location: 'westeurope'
  properties: {{
    tenantId: subscription().tenantId
    sku: {{
      family: 'A'
      name: 'standard'
    }}
{props}  }}
}}
'''
P = f'{F}/KV001/bicep'
case(f'{P}/bad/absent', {'main.bicep': kv("    enableRbacAuthorization: true\n")}, [('main.bicep', 'resource kv', 1, 'warning')])
src = "param purgeProtection bool = true\n\n" + kv("    enableRbacAuthorization: true\n    enablePurgeProtection: purgeProtection ? true : null\n")
case(f'{P}/bad/prod-bicepparam-ternary', {'main.bicep': src, 'prod.bicepparam': "using 'main.bicep'\n\nparam purgeProtection = false\n"}, [('main.bicep', 'resource kv', 1, 'error')])
case(f'{P}/good/enabled', {'main.bicep': kv("    enableRbacAuthorization: true\n    enablePurgeProtection: true\n")})
case(f'{P}/good/dev-bicepparam', {'main.bicep': src, 'dev.bicepparam': "using 'main.bicep'\n\nparam purgeProtection = false\n"})
P = f'{F}/KV002/bicep'
case(f'{P}/bad/access-policies', {'main.bicep': kv("    enablePurgeProtection: true\n    enableRbacAuthorization: false\n")}, [('main.bicep', 'false', 1, 'warning')])
case(f'{P}/good/rbac', {'main.bicep': kv("    enablePurgeProtection: true\n    enableRbacAuthorization: true\n")})

# ------------------------------------------------------------------ ACR
def acr(sku, props):
    return f'''resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {{
  name: 'acrmlops'
  location: 'westeurope'
  sku: {{
    name: '{sku}'
  }}
  properties: {{
{props}  }}
}}
'''
P = f'{F}/ACR001/bicep'
case(f'{P}/bad/admin-enabled', {'main.bicep': acr('Premium', '    adminUserEnabled: true\n')}, [('main.bicep', 'true', 1, 'error')])
src = "var settings = {\n  admin: true\n}\n\n" + acr('Premium', '    adminUserEnabled: settings.admin\n')
case(f'{P}/bad/admin-from-var', {'main.bicep': src}, [('main.bicep', 'true', 1, 'error')])
case(f'{P}/good/admin-disabled', {'main.bicep': acr('Premium', '    adminUserEnabled: false\n')})
P = f'{F}/ACR002/bicep'
case(f'{P}/bad/basic-private', {'main.bicep': acr('Basic', "    publicNetworkAccess: 'Disabled'\n")}, [('main.bicep', "'Basic'", 1, 'error')])
case(f'{P}/good/premium-private', {'main.bicep': acr('Premium', "    publicNetworkAccess: 'Disabled'\n")})

# ------------------------------------------------------------------ Storage
def st(props, name="'stmlops'"):
    return f'''resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {{
  name: {name}
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {{
    name: 'Standard_LRS'
  }}
  properties: {{
{props}  }}
}}
'''
P = f'{F}/ST001/bicep'
case(f'{P}/bad/public-blob', {'main.bicep': st("    allowBlobPublicAccess: true\n    minimumTlsVersion: 'TLS1_2'\n")}, [('main.bicep', 'true', 1, 'error')])
case(f'{P}/good/no-public-blob', {'main.bicep': st("    allowBlobPublicAccess: false\n    minimumTlsVersion: 'TLS1_2'\n")})
P = f'{F}/ST002/bicep'
src = "param tls string = 'TLS1_0'\n\n" + st("    allowBlobPublicAccess: false\n    minimumTlsVersion: tls\n", "'st${uniqueString(resourceGroup().id)}'")
case(f'{P}/bad/tls10-param', {'main.bicep': src}, [('main.bicep', "'TLS1_0'", 1, 'error')])
case(f'{P}/good/tls12', {'main.bicep': st("    allowBlobPublicAccess: false\n    minimumTlsVersion: 'TLS1_2'\n")})

# ------------------------------------------------------------------ NET001
def nsg(rule_src, port="'22'"):
    return f'''resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {{
  name: 'nsg-ml'
  location: 'westeurope'
  properties: {{
    securityRules: [
      {{
        name: 'ssh'
        properties: {{
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: {port}
          sourceAddressPrefix: {rule_src}
          destinationAddressPrefix: '*'
        }}
      }}
    ]
  }}
}}
'''
P = f'{F}/NET001/bicep'
case(f'{P}/bad/inline-ssh-star', {'main.bicep': nsg("'*'")}, [('main.bicep', "'22'", 1, 'error')])
child = '''resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'nsg-ml'
  location: 'westeurope'
}

resource rdp 'Microsoft.Network/networkSecurityGroups/securityRules@2023-04-01' = {
  parent: nsg
  name: 'rdp'
  properties: {
    priority: 110
    direction: 'Inbound'
    access: 'Allow'
    protocol: 'Tcp'
    sourcePortRange: '*'
    destinationPortRange: '3389'
    sourceAddressPrefix: 'Internet'
    destinationAddressPrefix: '*'
  }
}
'''
case(f'{P}/bad/standalone-rdp-parent', {'main.bicep': child}, [('main.bicep', "'3389'", 1, 'error')])
case(f'{P}/good/restricted', {'main.bicep': nsg("'10.0.0.0/8'")})

# ------------------------------------------------------------------ SEC001
P = f'{F}/SEC001/bicep'
src = "param adminPassword string = 'Sup3r-S3cret-Value'\n\noutput passwordLength int = length(adminPassword)\n"
case(f'{P}/bad/string-param-literal-default', {'main.bicep': src},
     [('main.bicep', 'param adminPassword', 1, 'error'), ('main.bicep', "'Sup3r-S3cret-Value'", 1, 'error')])
src = "@secure()\nparam adminPassword string\n\noutput passwordLength int = length(adminPassword)\n"
case(f'{P}/good/secure-param', {'main.bicep': src})

# ------------------------------------------------------------------ TAG001
P = f'{F}/TAG001/bicep'
opts = {'ruleOptions': {'requiredTags': ['owner']}}
src = "var commonTags = {\n  env: 'dev'\n}\n\n" + st("    allowBlobPublicAccess: false\n").replace("  kind: 'StorageV2'\n", "  kind: 'StorageV2'\n  tags: commonTags\n")
case(f'{P}/bad/tags-without-owner', {'main.bicep': src}, [('main.bicep', "{\n  env: 'dev'", 1, 'warning')], options=opts)
src = "var commonTags = {\n  env: 'dev'\n}\n\n" + st("    allowBlobPublicAccess: false\n").replace("  kind: 'StorageV2'\n", "  kind: 'StorageV2'\n  tags: union(commonTags, {\n    owner: 'ml-platform'\n  })\n")
case(f'{P}/good/owner-via-union', {'main.bicep': src}, options=opts)

# ------------------------------------------------------------------ TAG002
P = f'{F}/TAG002/bicep'
taint = "        nodeTaints: [\n          'sku=gpu:NoSchedule'\n        ]\n"
case(f'{P}/bad/profile-without-cost-center', {'main.bicep': aks(SYS + gpu_pool(taint))}, [('main.bicep', "'gpu'", 1, 'error')])
case(f'{P}/good/profile-with-cost-center', {'main.bicep': aks(SYS + gpu_pool(taint + "        tags: {\n          'cost-center': 'ml-research'\n        }\n"))})

# ------------------------------------------------------------------ GOV001
P = f'{F}/GOV001/bicep'
opts = {'ruleOptions': {'allowedLocations': ['norwayeast']}}
src = "param location string = 'westeurope'\n\n" + st("    allowBlobPublicAccess: false\n").replace("location: 'westeurope'", 'location: location')
case(f'{P}/bad/param-default', {'main.bicep': src}, [('main.bicep', "'westeurope'", 1, 'error')], options=opts)
case(f'{P}/good/allowed', {'main.bicep': src.replace('westeurope', 'norwayeast')}, options=opts)
case(f'{P}/good/resource-group-location', {'main.bicep': src.replace("'westeurope'", 'resourceGroup().location')}, options=opts)
