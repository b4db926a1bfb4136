"""Fixtures for the engine rules: PARSE001 per parser, EVAL001 caps, SUP001/SUP002."""
import sys, json; sys.path.insert(0, 'scripts/dev')
from fixture import case
F = 'fixtures'
SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'

# ---------------- PARSE001: every parser reports the exact position; the rest still parses.
case(f'{F}/PARSE001/arm/bad/missing-comma', {'main.json': '{\n  "$schema": "' + SCHEMA + '",\n  "contentVersion": "1.0.0.0"\n  "resources": []\n}\n'}, [('main.json', '"resources"')])
case(f'{F}/PARSE001/arm/good/comments-and-trailing-commas', {'main.json': '{\n  // ARM allows comments\n  "$schema": "' + SCHEMA + '",\n  "contentVersion": "1.0.0.0",\n  "resources": [],\n}\n'})
case(f'{F}/PARSE001/bicep/bad/unterminated-string', {'main.bicep': "param location string = 'westeurope\n\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n}\n"}, [('main.bicep', "'westeurope")])
case(f'{F}/PARSE001/bicep/good/valid', {'main.bicep': "param location string = 'westeurope'\n"})
case(f'{F}/PARSE001/github-actions/bad/bad-indentation', {'.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n   steps:\n      - run: echo hi\n'}, [('.github/workflows/ci.yml', '   steps')])
case(f'{F}/PARSE001/github-actions/good/valid', {'.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n'})
case(f'{F}/PARSE001/azure-pipelines/bad/unclosed-quote', {'azure-pipelines.yml': 'trigger:\n  - main\nsteps:\n  - script: "echo hi\n    displayName: hi\n'}, [('azure-pipelines.yml', '\x00EOF')])
case(f'{F}/PARSE001/azure-pipelines/good/valid', {'azure-pipelines.yml': 'trigger:\n  - main\nsteps:\n  - script: echo hi\n    displayName: hi\n'})

# ---------------- EVAL001: expansion caps.
case(f'{F}/EVAL001/terraform/bad/count-over-cap', {'main.tf': 'resource "azurerm_resource_group" "rg" {\n  count    = 100\n  name     = "rg-${count.index}"\n  location = "westeurope"\n}\n'}, [('main.tf', 'count    = 100')])
case(f'{F}/EVAL001/terraform/good/count-under-cap', {'main.tf': 'resource "azurerm_resource_group" "rg" {\n  count    = 3\n  name     = "rg-${count.index}"\n  location = "westeurope"\n}\n'})
copy_res = lambda n: {'type': 'Microsoft.Storage/storageAccounts', 'apiVersion': '2023-01-01', 'name': "[format('st{0}', copyIndex())]", 'location': 'westeurope', 'kind': 'StorageV2', 'sku': {'name': 'Standard_LRS'}, 'copy': {'name': 'accounts', 'count': n}, 'properties': {'minimumTlsVersion': 'TLS1_2'}}
case(f'{F}/EVAL001/arm/bad/copy-over-cap', {'main.json': json.dumps({'$schema': SCHEMA, 'contentVersion': '1.0.0.0', 'resources': [copy_res(100)]}, indent=2) + '\n'}, [('main.json', '100')])
case(f'{F}/EVAL001/arm/good/copy-under-cap', {'main.json': json.dumps({'$schema': SCHEMA, 'contentVersion': '1.0.0.0', 'resources': [copy_res(5)]}, indent=2) + '\n'})
case(f'{F}/EVAL001/bicep/good/loop-under-cap', {'main.bicep': "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(0, 5): {\n  name: 'st${i}'\n  location: 'westeurope'\n  kind: 'StorageV2'\n  sku: {\n    name: 'Standard_LRS'\n  }\n}]\n"})
case(f'{F}/EVAL001/bicep/bad/loop-over-cap', {'main.bicep': "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(0, 100): {\n  name: 'st${i}'\n  location: 'westeurope'\n  kind: 'StorageV2'\n  sku: {\n    name: 'Standard_LRS'\n  }\n}]\n"}, [('main.bicep', 'range(0, 100)')])

# ---------------- SUP001 / SUP002
KV = 'resource "azurerm_key_vault" "kv" {\n  name = "kv"\n}\n'
case(f'{F}/SUP001/terraform/bad/no-reason', {'main.tf': '# mlops-iac-lint-ignore KV001\n' + KV}, [('main.tf', '# mlops-iac-lint-ignore')], options={'rules': ['KV001']})
case(f'{F}/SUP001/terraform/bad/unknown-rule', {'main.tf': '# mlops-iac-lint-ignore KV999 -- typo in the ID\n' + KV}, [('main.tf', '# mlops-iac-lint-ignore')])
case(f'{F}/SUP001/terraform/bad/expired', {'main.tf': '# mlops-iac-lint-ignore KV001 until=2020-01-31 -- until the vault migration\n' + KV}, [('main.tf', '# mlops-iac-lint-ignore', 1, 'note')], options={'rules': ['KV001']})
case(f'{F}/SUP001/terraform/good/valid', {'main.tf': '# mlops-iac-lint-ignore KV001 until=2099-01-31 -- dev vault, recreated nightly\n' + KV}, options={'rules': ['KV001']})
case(f'{F}/SUP001/github-actions/bad/bad-date', {'.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main # mlops-iac-lint-ignore CI004 until=2026-13-01 -- mirror\n'}, [('.github/workflows/ci.yml', '# mlops-iac-lint-ignore')], options={'rules': ['CI004']})
case(f'{F}/SUP001/github-actions/good/valid', {'.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main # mlops-iac-lint-ignore CI004 -- internal mirror tracks main\n'}, options={'rules': ['CI004']})
case(f'{F}/SUP001/bicep/bad/no-reason', {'main.bicep': "// mlops-iac-lint-ignore KV001\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n}\n"}, [('main.bicep', '// mlops-iac-lint-ignore')], options={'rules': ['KV001']})
case(f'{F}/SUP001/bicep/good/valid', {'main.bicep': "// mlops-iac-lint-ignore KV001 -- recreated by the pipeline\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n}\n"}, options={'rules': ['KV001']})
kvjson = lambda meta: json.dumps({'$schema': SCHEMA, 'contentVersion': '1.0.0.0', 'resources': [{'type': 'Microsoft.KeyVault/vaults', 'apiVersion': '2023-07-01', 'name': 'kv', 'metadata': {'mlops-iac-lint-ignore': [meta]}, 'properties': {'enableRbacAuthorization': True}}]}, indent=2) + '\n'
case(f'{F}/SUP001/arm/bad/metadata-without-reason', {'main.json': kvjson({'id': 'KV001'})}, [('main.json', '{\n            "id"')], options={'rules': ['KV001']})
case(f'{F}/SUP001/arm/good/metadata-with-reason', {'main.json': kvjson({'id': 'KV001', 'reason': 'recreated nightly'})}, options={'rules': ['KV001']})
case(f'{F}/SUP002/terraform/bad/suppresses-nothing', {'main.tf': '# mlops-iac-lint-ignore KV001 -- was needed before purge protection\nresource "azurerm_key_vault" "kv" {\n  name                     = "kv"\n  purge_protection_enabled = true\n}\n'}, [('main.tf', '# mlops-iac-lint-ignore', 1, 'note')], options={'rules': ['KV001']})
case(f'{F}/SUP002/terraform/good/used', {'main.tf': '# mlops-iac-lint-ignore KV001 -- dev vault\n' + KV}, options={'rules': ['KV001']})
case(f'{F}/SUP002/github-actions/bad/suppresses-nothing', {'.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4 # mlops-iac-lint-ignore CI004 -- was on main\n'}, [('.github/workflows/ci.yml', '# mlops-iac-lint-ignore', 1, 'note')], options={'rules': ['CI004']})
case(f'{F}/SUP002/github-actions/good/used', {'.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main # mlops-iac-lint-ignore CI004 -- internal mirror\n'}, options={'rules': ['CI004']})
case(f'{F}/SUP002/bicep/bad/suppresses-nothing', {'main.bicep': "// mlops-iac-lint-ignore KV001 -- not needed any more\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n  properties: {\n    enablePurgeProtection: true\n  }\n}\n"}, [('main.bicep', '// mlops-iac-lint-ignore', 1, 'note')], options={'rules': ['KV001']})
case(f'{F}/SUP002/bicep/good/used', {'main.bicep': "// mlops-iac-lint-ignore KV001 -- dev vault\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n}\n"}, options={'rules': ['KV001']})
case(f'{F}/SUP002/arm/bad/metadata-suppresses-nothing', {'main.json': kvjson({'id': 'KV002', 'reason': 'access policies until the RBAC migration'})}, [('main.json', '{\n            "id"')], options={'rules': ['KV002']})
case(f'{F}/SUP002/arm/good/metadata-used', {'main.json': kvjson({'id': 'KV001', 'reason': 'recreated nightly'})}, options={'rules': ['KV001']})
