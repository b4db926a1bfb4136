import sys, json; sys.path.insert(0, 'scripts/dev')
from fixture import case
F = 'fixtures'
SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
PSCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#'

def tpl(resources, parameters=None, lv2=False, generator=False):
    t = {'$schema': SCHEMA, 'contentVersion': '1.0.0.0'}
    if lv2: t['languageVersion'] = '2.0'
    if generator: t['metadata'] = {'_generator': {'name': 'bicep', 'version': '0.30.23.60470', 'templateHash': '1'}}
    t['parameters'] = parameters or {}
    t['resources'] = resources
    return json.dumps(t, indent=2) + '\n'

def ws(props, name='mlw-demo', extra=None):
    r = {'type': 'Microsoft.MachineLearningServices/workspaces', 'apiVersion': '2024-04-01', 'name': name, 'location': 'westeurope', 'identity': {'type': 'SystemAssigned'}, 'properties': props}
    if extra: r.update(extra)
    return r
WST = '"type": "Microsoft.MachineLearningServices/workspaces"'
# ---------------- AML001
for fmt, gen in (('arm', False), ('bicep-compiled', True)):
    extra_files = {}
    name = 'main.json'
    case(f'{F}/AML001/{fmt}/bad/enabled-literal', {name: tpl([ws({'friendlyName': 'demo', 'publicNetworkAccess': 'Enabled'})], generator=gen), **extra_files}, [(name, '"Enabled"', 1, 'warning')])
    case(f'{F}/AML001/{fmt}/bad/absent-default', {name: tpl([ws({'friendlyName': 'demo'})], generator=gen), **extra_files}, [(name, WST, 1, 'warning')])
    case(f'{F}/AML001/{fmt}/good/disabled', {name: tpl([ws({'publicNetworkAccess': 'Disabled'})], generator=gen), **extra_files})
case(f'{F}/AML001/arm/bad/parameter-default', {'azuredeploy.json': tpl([ws({'publicNetworkAccess': "[parameters('publicAccess')]"})], {'publicAccess': {'type': 'string', 'defaultValue': 'Enabled', 'allowedValues': ['Enabled', 'Disabled']}})}, [('azuredeploy.json', '"Enabled"', 1, 'warning')])
case(f'{F}/AML001/arm/bad/prod-parameter-file', {
  'azuredeploy.json': tpl([ws({'publicNetworkAccess': "[parameters('publicAccess')]"})], {'publicAccess': {'type': 'string', 'defaultValue': 'Disabled'}}),
  'azuredeploy.parameters.prod.json': json.dumps({'$schema': PSCHEMA, 'contentVersion': '1.0.0.0', 'parameters': {'publicAccess': {'value': 'Enabled'}}}, indent=2) + '\n',
  'azuredeploy.parameters.dev.json': json.dumps({'$schema': PSCHEMA, 'contentVersion': '1.0.0.0', 'parameters': {'publicAccess': {'value': 'Disabled'}}}, indent=2) + '\n',
}, [('azuredeploy.parameters.prod.json', '"Enabled"', 1, 'error')])
case(f'{F}/AML001/arm/bad/language-version-2', {'main.json': tpl({'ws': ws({'publicNetworkAccess': 'Enabled'})}, lv2=True)}, [('main.json', '"Enabled"', 1, 'warning')])
nested = {'type': 'Microsoft.Resources/deployments', 'apiVersion': '2022-09-01', 'name': 'workspace', 'properties': {
  'expressionEvaluationOptions': {'scope': 'inner'}, 'mode': 'Incremental',
  'parameters': {'access': {'value': "[parameters('publicAccess')]"}},
  'template': {'$schema': SCHEMA, 'contentVersion': '1.0.0.0', 'parameters': {'access': {'type': 'string'}}, 'resources': [ws({'publicNetworkAccess': "[parameters('access')]"})]}}}
case(f'{F}/AML001/arm/bad/nested-deployment-parameter', {'main.json': tpl([nested], {'publicAccess': {'type': 'string', 'defaultValue': 'Enabled'}})}, [('main.json', '"Enabled"', 1, 'warning')])
case(f'{F}/AML001/arm/good/unknown-parameter', {'main.json': tpl([ws({'publicNetworkAccess': "[parameters('publicAccess')]"})], {'publicAccess': {'type': 'string'}})})
case(f'{F}/AML001/arm/good/condition-false', {'main.json': tpl([ws({'publicNetworkAccess': 'Enabled'}, extra={'condition': "[equals('a', 'b')]"})])})
# ---------------- KV001
def kv(props): return {'type': 'Microsoft.KeyVault/vaults', 'apiVersion': '2023-07-01', 'name': 'kv-ml', 'location': 'westeurope', 'properties': {'tenantId': '[subscription().tenantId]', 'sku': {'family': 'A', 'name': 'standard'}, **props}}
KVT = '"type": "Microsoft.KeyVault/vaults"'
for fmt, gen in (('arm', False), ('bicep-compiled', True)):
    extra_files = {}
    case(f'{F}/KV001/{fmt}/bad/absent', {'main.json': tpl([kv({})], generator=gen), **extra_files}, [('main.json', KVT, 1, 'warning')])
    case(f'{F}/KV001/{fmt}/good/enabled', {'main.json': tpl([kv({'enablePurgeProtection': True})], generator=gen), **extra_files})
case(f'{F}/KV001/arm/bad/prod-environment-parameter', {'main.json': tpl([kv({'enablePurgeProtection': False})], {'environmentName': {'type': 'string', 'defaultValue': 'prod'}})}, [('main.json', 'false', 1, 'error')])
# ---------------- GPU001 / AKS001 / TAG002 (ARM managed cluster profiles and agent pools)
def aks(profiles, lv2=False):
    return {'type': 'Microsoft.ContainerService/managedClusters', 'apiVersion': '2024-02-01', 'name': 'aks-ml', 'location': 'westeurope', 'identity': {'type': 'SystemAssigned'}, 'properties': {'dnsPrefix': 'aksml', 'agentPoolProfiles': profiles}}
SYS = {'name': 'system', 'mode': 'System', 'vmSize': 'Standard_D4s_v5', 'count': 2}
for fmt, gen in (('arm', False), ('bicep-compiled', True)):
    extra_files = {}
    case(f'{F}/GPU001/{fmt}/bad/gpu-profile-cpu-size', {'main.json': tpl([aks([SYS, {'name': 'gpu', 'mode': 'User', 'vmSize': 'Standard_D16s_v5', 'count': 1, 'nodeTaints': ['sku=gpu:NoSchedule'], 'tags': {'cost-center': 'ml'}}])], generator=gen), **extra_files}, [('main.json', '"Standard_D16s_v5"')])
    case(f'{F}/GPU001/{fmt}/good/gpu-profile-gpu-size', {'main.json': tpl([aks([SYS, {'name': 'gpu', 'mode': 'User', 'vmSize': 'Standard_NC6s_v3', 'count': 1, 'nodeTaints': ['sku=gpu:NoSchedule'], 'tags': {'cost-center': 'ml'}}])], generator=gen), **extra_files})
    case(f'{F}/AKS001/{fmt}/bad/profile-without-taint', {'main.json': tpl([aks([SYS, {'name': 'gpu', 'mode': 'User', 'vmSize': 'Standard_NC6s_v3', 'count': 1, 'tags': {'cost-center': 'ml'}}])], generator=gen), **extra_files}, [('main.json', '"gpu"')])
    case(f'{F}/AKS001/{fmt}/good/profile-with-taint', {'main.json': tpl([aks([SYS, {'name': 'gpu', 'mode': 'User', 'vmSize': 'Standard_NC6s_v3', 'count': 1, 'nodeTaints': ['sku=gpu:NoSchedule']}])], generator=gen), **extra_files})
    case(f'{F}/TAG002/{fmt}/bad/profile-without-cost-center', {'main.json': tpl([aks([SYS, {'name': 'gpu', 'mode': 'User', 'vmSize': 'Standard_NC6s_v3', 'count': 1, 'nodeTaints': ['sku=gpu:NoSchedule']}])], generator=gen), **extra_files}, [('main.json', '"gpu"')])
    case(f'{F}/TAG002/{fmt}/good/profile-with-cost-center', {'main.json': tpl([aks([SYS, {'name': 'gpu', 'mode': 'User', 'vmSize': 'Standard_NC6s_v3', 'count': 1, 'tags': {'Cost-Center': 'ml'}}])], generator=gen), **extra_files})
pool = {'type': 'Microsoft.ContainerService/managedClusters/agentPools', 'apiVersion': '2024-02-01', 'name': "[format('{0}/{1}', 'aks-ml', 'gpu')]", 'properties': {'vmSize': "[parameters('gpuVmSize')]", 'count': 1, 'mode': 'User'}}
case(f'{F}/GPU001/arm/bad/agent-pool-size-from-gpu-parameter-file', {
  'main.json': tpl([pool], {'gpuVmSize': {'type': 'string', 'defaultValue': 'Standard_NC6s_v3'}}),
  'main.parameters.prod.json': json.dumps({'$schema': PSCHEMA, 'contentVersion': '1.0.0.0', 'parameters': {'gpuVmSize': {'value': 'Standard_D16s_v5'}}}, indent=2) + '\n',
}, [('main.parameters.prod.json', '"Standard_D16s_v5"')])
case(f'{F}/GPU001/arm/bad/fpga-size', {'main.json': tpl([{**pool, 'properties': {'vmSize': 'Standard_NP10s', 'count': 1, 'nodeTaints': ['sku=gpu:NoSchedule']}}])}, [('main.json', '"Standard_NP10s"')])
case(f'{F}/AKS001/arm/bad/agent-pool-without-taint', {'main.json': tpl([{**pool, 'properties': {'vmSize': 'Standard_NC6s_v3', 'count': 1}}])}, [('main.json', '"type": "Microsoft.ContainerService/managedClusters/agentPools"')])
# ---------------- AML002
acr = {'type': 'Microsoft.ContainerRegistry/registries', 'apiVersion': '2023-07-01', 'name': "[parameters('acrName')]", 'location': 'westeurope', 'sku': {'name': 'Premium'}, 'properties': {'publicNetworkAccess': 'Disabled'}}
wsr = ws({'containerRegistry': "[resourceId('Microsoft.ContainerRegistry/registries', parameters('acrName'))]", 'publicNetworkAccess': 'Disabled'})
for fmt, gen in (('arm', False), ('bicep-compiled', True)):
    extra_files = {}
    case(f'{F}/AML002/{fmt}/bad/private-registry-unknown-name', {'main.json': tpl([acr, wsr], {'acrName': {'type': 'string'}}, generator=gen), **extra_files}, [('main.json', WST)])
    case(f'{F}/AML002/{fmt}/good/image-build-compute', {'main.json': tpl([acr, ws({**wsr['properties'], 'imageBuildCompute': 'cpu-cluster'})], {'acrName': {'type': 'string'}}, generator=gen), **extra_files})

# ---------------- twins: a compiled template beside its .bicep source
TWIN_BICEP = "resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {\n  name: 'mlw-demo'\n  location: 'westeurope'\n  properties: {\n    publicNetworkAccess: 'Enabled'\n  }\n}\n"
case(f'{F}/AML001/bicep/bad/compiled-twin-reported-once', {'main.bicep': TWIN_BICEP, 'main.json': tpl([ws({'publicNetworkAccess': 'Enabled'})], generator=True)}, [('main.bicep', "'Enabled'", 1, 'warning')])
case(f'{F}/AML001/bicep-compiled/bad/twin-with-broken-bicep', {'main.bicep': TWIN_BICEP.replace("name: 'mlw-demo'", "name: 'mlw-demo"), 'main.json': tpl([ws({'publicNetworkAccess': 'Enabled'})], generator=True)}, [('main.json', '"Enabled"', 1, 'warning')])
