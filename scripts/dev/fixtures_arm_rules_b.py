"""ARM and compiled-Bicep fixtures for ACR001, ACR002, ST001, ST002, NET001, SEC001, TAG001, GOV001.

Run from the repository root: `python3 scripts/dev/fixtures_arm_rules_b.py`. It rewrites the
generated cases (fixtures/<ID>/{arm,bicep-compiled}/{bad,good}/<case>/) and leaves any other
case in those folders alone (e.g. SEC001/arm/good/key-vault-permission-lists).

Expectations name the value a finding is about with a needle (see scripts/dev/fixture.py); a
needle written `PREFIX|VALUE` locates VALUE in the first occurrence of PREFIX+VALUE, so
`"tags": |{` is the `{` that opens that tags object.
"""
import json, os, shutil, sys
sys.path.insert(0, 'scripts/dev')
from fixture import pos

F = 'fixtures'
SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
PSCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#'
GENERATOR = {'_generator': {'name': 'bicep', 'version': '0.30.23.60470', 'templateHash': '1'}}
FORMATS = (('arm', False), ('bicep-compiled', True))


def tpl(resources, parameters=None, lv2=False, generator=False, variables=None):
    """An ARM template; `resources` is a list, or a dict of symbolic names (languageVersion 2.0)."""
    t = {'$schema': SCHEMA}
    if lv2 or isinstance(resources, dict):
        t['languageVersion'] = '2.0'
    t['contentVersion'] = '1.0.0.0'
    if generator:
        t['metadata'] = GENERATOR
    t['parameters'] = parameters or {}
    if variables:
        t['variables'] = variables
    t['resources'] = resources
    return json.dumps(t, indent=2) + '\n'


def pfile(values):
    """A deployment parameter file: {name: value} or {name: {'reference': ...}} (passed through)."""
    params = {k: (v if isinstance(v, dict) and 'reference' in v else {'value': v}) for k, v in values.items()}
    return json.dumps({'$schema': PSCHEMA, 'contentVersion': '1.0.0.0', 'parameters': params}, indent=2) + '\n'


def locate(text, needle, occ=1):
    if '|' in needle:
        prefix, value = needle.split('|', 1)
        line, col = pos(text, prefix + value, occ)
        return line, col + len(prefix)
    return pos(text, needle, occ)


def case(path, files, expect=(), options=None, level=None):
    """Writes a case (replacing a previous generation of it). expect: (file, needle[, occ[, level]])."""
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)
    for name, text in files.items():
        with open(os.path.join(path, name), 'w') as f:
            f.write(text)
    findings = []
    for e in expect:
        fname, needle = e[0], e[1]
        occ = e[2] if len(e) > 2 else 1
        line, col = locate(files[fname], needle, occ)
        item = {'file': fname, 'line': line, 'column': col}
        lv = e[3] if len(e) > 3 else level
        if lv:
            item['level'] = lv
        findings.append(item)
    findings.sort(key=lambda x: (x['file'], x['line'], x['column']))
    spec = {}
    if findings:
        spec['findings'] = findings
    if options:
        spec['options'] = options
    if spec:
        with open(os.path.join(path, 'expect.json'), 'w') as f:
            json.dump(spec, f, indent=2)
            f.write('\n')


# ====================================================================== ACR001 / ACR002
def acr(props=None, sku='Premium', name='acrmlops', extra=None):
    r = {'type': 'Microsoft.ContainerRegistry/registries', 'apiVersion': '2023-07-01', 'name': name,
         'location': 'westeurope', 'sku': {'name': sku}, 'properties': props or {}}
    if extra:
        r.update(extra)
    return r


ACRT = '"type": "Microsoft.ContainerRegistry/registries"'

for fmt, gen in FORMATS:
    d = f'{F}/ACR001/{fmt}'
    case(f'{d}/bad/admin-enabled', {'main.json': tpl([acr({'adminUserEnabled': True})], generator=gen)},
         [('main.json', '"adminUserEnabled": |true')], level='error')
    case(f'{d}/bad/admin-from-parameter-default', {'main.json': tpl(
        {'registry': acr({'adminUserEnabled': "[parameters('acrAdminEnabled')]"})},
        {'acrAdminEnabled': {'type': 'bool', 'defaultValue': True}}, generator=gen)},
         [('main.json', '"defaultValue": |true')], level='error')
    case(f'{d}/good/admin-disabled', {'main.json': tpl([acr({'adminUserEnabled': False})], generator=gen)})
    case(f'{d}/good/admin-absent-symbolic', {'main.json': tpl({'registry': acr({'publicNetworkAccess': 'Enabled'})}, generator=gen)})
    case(f'{d}/good/admin-unknown-parameter', {'main.json': tpl([acr({'adminUserEnabled': "[parameters('acrAdminEnabled')]"})],
                                                                {'acrAdminEnabled': {'type': 'bool'}}, generator=gen)})
case(f'{F}/ACR001/arm/bad/parameter-file', {
    'azuredeploy.json': tpl([acr({'adminUserEnabled': "[parameters('acrAdminEnabled')]"})],
                            {'acrAdminEnabled': {'type': 'bool', 'defaultValue': False}}),
    'azuredeploy.parameters.json': pfile({'acrAdminEnabled': True}),
}, [('azuredeploy.parameters.json', '"value": |true')], level='error')
case(f'{F}/ACR001/arm/bad/two-registries', {'main.json': tpl([
    acr({'adminUserEnabled': True}, name='acrone'),
    acr({'adminUserEnabled': False}, name='acrtwo'),
    acr({'adminUserEnabled': True}, name='acrthree'),
])}, [('main.json', '"adminUserEnabled": |true', 1), ('main.json', '"adminUserEnabled": |true', 2)], level='error')

for fmt, gen in FORMATS:
    d = f'{F}/ACR002/{fmt}'
    case(f'{d}/bad/standard-public-access-disabled', {'main.json': tpl([acr({'publicNetworkAccess': 'Disabled'}, sku='Standard')], generator=gen)},
         [('main.json', '"Standard"')], level='error')
    case(f'{d}/bad/basic-network-rule-deny-symbolic', {'main.json': tpl({'registry': acr(
        {'networkRuleSet': {'defaultAction': 'Deny', 'ipRules': [{'action': 'Allow', 'value': '203.0.113.0/24'}]}}, sku='Basic')}, generator=gen)},
         [('main.json', '"Basic"')], level='error')
    case(f'{d}/good/premium-public-access-disabled', {'main.json': tpl({'registry': acr({'publicNetworkAccess': 'Disabled'}, sku='Premium')}, generator=gen)})
    case(f'{d}/good/standard-not-restricted', {'main.json': tpl([acr({'publicNetworkAccess': 'Enabled', 'networkRuleSet': {'defaultAction': 'Allow'}}, sku='Standard')], generator=gen)})
pe = {'type': 'Microsoft.Network/privateEndpoints', 'apiVersion': '2023-04-01', 'name': 'pe-acr', 'location': 'westeurope',
      'dependsOn': ["[resourceId('Microsoft.ContainerRegistry/registries', 'acrmlops')]"],
      'properties': {'subnet': {'id': "[parameters('subnetId')]"}, 'privateLinkServiceConnections': [{'name': 'acr', 'properties': {
          'privateLinkServiceId': "[resourceId('Microsoft.ContainerRegistry/registries', 'acrmlops')]", 'groupIds': ['registry']}}]}}
case(f'{F}/ACR002/arm/bad/standard-private-endpoint', {'main.json': tpl([acr({}, sku='Standard'), pe], {'subnetId': {'type': 'string'}})},
     [('main.json', '"Standard"')], level='error')
case(f'{F}/ACR002/arm/bad/sku-from-parameter-default', {'main.json': tpl(
    [acr({'publicNetworkAccess': 'Disabled'}, sku="[parameters('acrSku')]")],
    {'acrSku': {'type': 'string', 'defaultValue': 'Standard', 'allowedValues': ['Basic', 'Standard', 'Premium']}})},
     [('main.json', '"defaultValue": |"Standard"')], level='error')
case(f'{F}/ACR002/arm/good/sku-unknown-parameter', {'main.json': tpl(
    [acr({'publicNetworkAccess': 'Disabled'}, sku="[parameters('acrSku')]")], {'acrSku': {'type': 'string'}})})
case(f'{F}/ACR002/arm/good/public-access-unknown', {'main.json': tpl(
    [acr({'publicNetworkAccess': "[parameters('acrPublicAccess')]"}, sku='Standard')], {'acrPublicAccess': {'type': 'string'}})})

# ====================================================================== ST001 / ST002
def st(props, name='stmlops', extra=None):
    r = {'type': 'Microsoft.Storage/storageAccounts', 'apiVersion': '2023-01-01', 'name': name, 'location': 'westeurope',
         'kind': 'StorageV2', 'sku': {'name': 'Standard_LRS'}, 'properties': props}
    if extra:
        r.update(extra)
    return r


for fmt, gen in FORMATS:
    d = f'{F}/ST001/{fmt}'
    case(f'{d}/bad/allow-blob-public-access', {'main.json': tpl([st({'allowBlobPublicAccess': True, 'minimumTlsVersion': 'TLS1_2'})], generator=gen)},
         [('main.json', '"allowBlobPublicAccess": |true')], level='error')
    case(f'{d}/bad/parameter-default-symbolic', {'main.json': tpl(
        {'storage': st({'allowBlobPublicAccess': "[parameters('allowPublicBlobs')]"})},
        {'allowPublicBlobs': {'type': 'bool', 'defaultValue': True}}, generator=gen)},
         [('main.json', '"defaultValue": |true')], level='error')
    case(f'{d}/good/absent', {'main.json': tpl([st({'minimumTlsVersion': 'TLS1_2'})], generator=gen)})
    case(f'{d}/good/disabled-symbolic', {'main.json': tpl({'storage': st({'allowBlobPublicAccess': False})}, generator=gen)})
case(f'{F}/ST001/arm/bad/parameter-file', {
    'main.json': tpl([st({'allowBlobPublicAccess': "[parameters('allowPublicBlobs')]"})], {'allowPublicBlobs': {'type': 'bool', 'defaultValue': False}}),
    'main.parameters.json': pfile({'allowPublicBlobs': True}),
}, [('main.parameters.json', '"value": |true')], level='error')
case(f'{F}/ST001/arm/good/unknown-parameter', {'main.json': tpl([st({'allowBlobPublicAccess': "[parameters('allowPublicBlobs')]"})], {'allowPublicBlobs': {'type': 'bool'}})})

for fmt, gen in FORMATS:
    d = f'{F}/ST002/{fmt}'
    case(f'{d}/bad/tls1-0', {'main.json': tpl([st({'minimumTlsVersion': 'TLS1_0'})], generator=gen)},
         [('main.json', '"TLS1_0"')], level='error')
    case(f'{d}/bad/tls1-1-parameter-default-symbolic', {'main.json': tpl(
        {'storage': st({'minimumTlsVersion': "[parameters('minTls')]"})},
        {'minTls': {'type': 'string', 'defaultValue': 'TLS1_1', 'allowedValues': ['TLS1_1', 'TLS1_2']}}, generator=gen)},
         [('main.json', '"defaultValue": |"TLS1_1"')], level='error')
    case(f'{d}/good/tls1-2', {'main.json': tpl([st({'minimumTlsVersion': 'TLS1_2'})], generator=gen)})
    case(f'{d}/good/absent-symbolic', {'main.json': tpl({'storage': st({'allowBlobPublicAccess': False})}, generator=gen)})
case(f'{F}/ST002/arm/bad/parameter-file', {
    'azuredeploy.json': tpl([st({'minimumTlsVersion': "[parameters('minTls')]"})], {'minTls': {'type': 'string', 'defaultValue': 'TLS1_2'}}),
    'azuredeploy.parameters.dev.json': pfile({'minTls': 'TLS1_0'}),
}, [('azuredeploy.parameters.dev.json', '"TLS1_0"')], level='error')
case(f'{F}/ST002/arm/good/unknown-parameter', {'main.json': tpl([st({'minimumTlsVersion': "[parameters('minTls')]"})], {'minTls': {'type': 'string'}})})

# ====================================================================== NET001
def rule_props(port=None, ports=None, source=None, sources=None, direction='Inbound', access='Allow', protocol='Tcp', priority=100):
    p = {'priority': priority, 'direction': direction, 'access': access, 'protocol': protocol, 'sourcePortRange': '*'}
    if port is not None:
        p['destinationPortRange'] = port
    if ports is not None:
        p['destinationPortRanges'] = ports
    if source is not None:
        p['sourceAddressPrefix'] = source
    if sources is not None:
        p['sourceAddressPrefixes'] = sources
    p['destinationAddressPrefix'] = '*'
    return p


def nsg(rules, name='nsg-ml'):
    return {'type': 'Microsoft.Network/networkSecurityGroups', 'apiVersion': '2023-04-01', 'name': name, 'location': 'westeurope',
            'properties': {'securityRules': [{'name': n, 'properties': p} for n, p in rules]}}


def nsg_rule(rname, props, parent='nsg-ml'):
    return {'type': 'Microsoft.Network/networkSecurityGroups/securityRules', 'apiVersion': '2023-04-01',
            'name': f"[format('{{0}}/{{1}}', '{parent}', '{rname}')]",
            'dependsOn': [f"[resourceId('Microsoft.Network/networkSecurityGroups', '{parent}')]"], 'properties': props}


for fmt, gen in FORMATS:
    d = f'{F}/NET001/{fmt}'
    case(f'{d}/bad/inline-ssh-from-star', {'main.json': tpl([nsg([
        ('allow-https', rule_props(port='443', source='*', priority=100)),
        ('allow-ssh', rule_props(port='22', source='*', priority=110)),
    ])], generator=gen)}, [('main.json', '"22"')], level='error')
    case(f'{d}/bad/standalone-rdp-list-from-cidr-symbolic', {'main.json': tpl({
        'nsg': nsg([]),
        'rdp': nsg_rule('rdp', rule_props(ports=['443', '3389'], source='0.0.0.0/0', priority=120)),
    }, generator=gen)}, [('main.json', '"3389"')], level='error')
    case(f'{d}/good/restricted-source', {'main.json': tpl([nsg([
        ('ssh-from-bastion', rule_props(port='22', source='10.10.0.0/26')),
        ('rdp-from-vnet', rule_props(port='3389', source='VirtualNetwork', priority=110)),
    ])], generator=gen)})
    case(f'{d}/good/https-from-internet-symbolic', {'main.json': tpl({
        'nsg': nsg([('https', rule_props(port='443', source='Internet'))]),
        'web': nsg_rule('web', rule_props(ports=['80', '8080-8090'], source='*', priority=120)),
    }, generator=gen)})
case(f'{F}/NET001/arm/bad/inline-range-from-internet', {'main.json': tpl([nsg([
    ('legacy-range', rule_props(port='20-25', source='Internet', protocol='*')),
])])}, [('main.json', '"20-25"')], level='error')
case(f'{F}/NET001/arm/bad/standalone-star-port-source-list', {'main.json': tpl([
    nsg([]),
    nsg_rule('any-admin', rule_props(port='*', sources=['10.0.0.0/8', 'Internet'], priority=130)),
])}, [('main.json', '"destinationPortRange": |"*"')], level='error')
case(f'{F}/NET001/arm/bad/port-from-parameter-default', {'main.json': tpl([nsg([
    ('admin', rule_props(port="[parameters('adminPort')]", source='*')),
])], {'adminPort': {'type': 'string', 'defaultValue': '3389'}})}, [('main.json', '"3389"')], level='error')
case(f'{F}/NET001/arm/bad/two-nsgs', {'main.json': tpl([
    nsg([('ssh', rule_props(port='22', source='Any'))], name='nsg-a'),
    nsg([('rdp', rule_props(ports=['3389'], source='0.0.0.0/0'))], name='nsg-b'),
])}, [('main.json', '"22"'), ('main.json', '"3389"')], level='error')
case(f'{F}/NET001/arm/good/not-inbound-allow-tcp', {'main.json': tpl([nsg([
    ('ssh-out', rule_props(port='22', source='*', direction='Outbound')),
    ('deny-rdp', rule_props(port='3389', source='Internet', access='Deny', priority=110)),
    ('udp-range', rule_props(port='1-65535', source='*', protocol='Udp', priority=120)),
])])})
case(f'{F}/NET001/arm/good/unknown-source-parameter', {'main.json': tpl([nsg([
    ('ssh', rule_props(port='22', source="[parameters('mgmtPrefix')]")),
])], {'mgmtPrefix': {'type': 'string'}})})

# ====================================================================== SEC001
def vm(admin_password):
    return {'type': 'Microsoft.Compute/virtualMachines', 'apiVersion': '2023-09-01', 'name': 'vm-jump', 'location': 'westeurope',
            'properties': {'hardwareProfile': {'vmSize': 'Standard_B2s'},
                           'osProfile': {'computerName': 'jump', 'adminUsername': 'azureuser', 'adminPassword': admin_password}}}


for fmt, gen in FORMATS:
    d = f'{F}/SEC001/{fmt}'
    # A string-typed secret parameter with a literal default: the parameter (typed string) and the default.
    case(f'{d}/bad/string-param-literal-default', {'main.json': tpl([vm("[parameters('adminPassword')]")],
         {'adminPassword': {'type': 'string', 'defaultValue': 'Sup3r-S3cret-Value'}}, generator=gen)},
         [('main.json', '"adminPassword": {'), ('main.json', '"Sup3r-S3cret-Value"')], level='error')
    # securestring is the right type, but a literal default is still a committed secret.
    case(f'{d}/bad/securestring-literal-default-symbolic', {'main.json': tpl({'vm': vm("[parameters('adminPassword')]")},
         {'adminPassword': {'type': 'securestring', 'defaultValue': 'Sup3r-S3cret-Value'}}, generator=gen)},
         [('main.json', '"Sup3r-S3cret-Value"')], level='error')
    case(f'{d}/good/securestring-no-default-symbolic', {'main.json': tpl({'vm': vm("[parameters('adminPassword')]")},
         {'adminPassword': {'type': 'securestring'}}, generator=gen)})
    case(f'{d}/good/securestring-placeholders', {'main.json': tpl([vm("[parameters('adminPassword')]")], {
        'adminPassword': {'type': 'securestring', 'defaultValue': ''},
        'clientSecret': {'type': 'securestring', 'defaultValue': 'changeme'},
        'storageConnectionString': {'type': 'securestring', 'defaultValue': '<set-at-deploy-time>'},
    }, generator=gen)})
case(f'{F}/SEC001/arm/bad/resource-literal', {'main.json': tpl([vm('P@ssw0rd-1234-Real')])},
     [('main.json', '"P@ssw0rd-1234-Real"')], level='error')
case(f'{F}/SEC001/arm/bad/parameter-file-value', {
    'azuredeploy.json': tpl([vm("[parameters('adminPassword')]")], {'adminPassword': {'type': 'securestring'}}),
    'azuredeploy.parameters.json': pfile({'adminPassword': 'Winter2024-Prod!'}),
}, [('azuredeploy.parameters.json', '"Winter2024-Prod!"')], level='error')
case(f'{F}/SEC001/arm/bad/string-param-without-default', {'main.json': tpl([vm("[parameters('adminPassword')]")],
     {'adminPassword': {'type': 'String'}})}, [('main.json', '"adminPassword": {')], level='error')
case(f'{F}/SEC001/arm/good/key-vault-reference-parameter-file', {
    'azuredeploy.json': tpl([vm("[parameters('adminPassword')]")], {'adminPassword': {'type': 'securestring'}}),
    'azuredeploy.parameters.json': pfile({'adminPassword': {'reference': {
        'keyVault': {'id': '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv-ml'},
        'secretName': 'vm-admin-password'}}}),
})
case(f'{F}/SEC001/arm/good/placeholder-parameter-file', {
    'azuredeploy.json': tpl([vm("[parameters('adminPassword')]")], {'adminPassword': {'type': 'securestring'}}),
    'azuredeploy.parameters.json': pfile({'adminPassword': 'changeme'}),
})
case(f'{F}/SEC001/arm/good/non-secret-names', {'main.json': tpl([vm("[parameters('adminPassword')]")], {
    'adminPassword': {'type': 'securestring'},
    'secretName': {'type': 'string', 'defaultValue': 'vm-admin-password'},
    'passwordLength': {'type': 'int', 'defaultValue': 24},
})})

# ====================================================================== TAG001
TAG_OPTS = {'ruleOptions': {'requiredTags': ['owner']}}
STT = '"type": "Microsoft.Storage/storageAccounts"'
for fmt, gen in FORMATS:
    d = f'{F}/TAG001/{fmt}'
    case(f'{d}/bad/no-tags', {'main.json': tpl([st({'allowBlobPublicAccess': False})], generator=gen)},
         [('main.json', STT)], options=TAG_OPTS, level='warning')
    case(f'{d}/bad/tags-without-owner-symbolic', {'main.json': tpl({'storage': st({'allowBlobPublicAccess': False}, extra={'tags': {'env': 'dev'}})}, generator=gen)},
         [('main.json', '"tags": |{')], options=TAG_OPTS, level='warning')
    case(f'{d}/good/owner-via-union-symbolic', {'main.json': tpl(
        {'storage': st({'allowBlobPublicAccess': False}, extra={'tags': "[union(parameters('tags'), createObject('owner', 'ml-platform'))]"})},
        {'tags': {'type': 'object', 'defaultValue': {'env': 'dev'}}}, generator=gen)}, options=TAG_OPTS)
    case(f'{d}/good/owner-literal-case-insensitive', {'main.json': tpl([st({'allowBlobPublicAccess': False}, extra={'tags': {'Owner': 'ml-platform', 'env': 'dev'}})], generator=gen)},
         options=TAG_OPTS)
case(f'{F}/TAG001/arm/bad/union-parameter-without-owner', {'main.json': tpl(
    [st({'allowBlobPublicAccess': False}, extra={'tags': "[union(parameters('tags'), createObject('env', 'dev'))]"})],
    {'tags': {'type': 'object', 'defaultValue': {'costCenter': 'ml'}}})},
     [('main.json', '"tags": |"[union(')], options=TAG_OPTS, level='warning')
case(f'{F}/TAG001/arm/good/owner-in-parameter-default-union', {'main.json': tpl(
    [st({'allowBlobPublicAccess': False}, extra={'tags': "[union(parameters('tags'), createObject('env', 'dev'))]"})],
    {'tags': {'type': 'object', 'defaultValue': {'owner': 'ml-platform'}}})}, options=TAG_OPTS)
case(f'{F}/TAG001/arm/good/unknown-tags-parameter', {'main.json': tpl(
    [st({'allowBlobPublicAccess': False}, extra={'tags': "[parameters('tags')]"})], {'tags': {'type': 'object'}})}, options=TAG_OPTS)
case(f'{F}/TAG001/arm/good/security-rule-not-taggable', {'main.json': tpl([
    {**nsg([]), 'tags': {'owner': 'netops'}},
    nsg_rule('https', rule_props(port='443', source='Internet')),
])}, options=TAG_OPTS)

# ====================================================================== GOV001
GOV_OPTS = {'ruleOptions': {'allowedLocations': ['norwayeast']}}
for fmt, gen in FORMATS:
    d = f'{F}/GOV001/{fmt}'
    case(f'{d}/bad/literal-location', {'main.json': tpl([st({'allowBlobPublicAccess': False})], generator=gen)},
         [('main.json', '"westeurope"')], options=GOV_OPTS, level='error')
    case(f'{d}/bad/parameter-default-symbolic', {'main.json': tpl(
        {'storage': st({'allowBlobPublicAccess': False}, extra={'location': "[parameters('location')]"})},
        {'location': {'type': 'string', 'defaultValue': 'West Europe'}}, generator=gen)},
         [('main.json', '"West Europe"')], options=GOV_OPTS, level='error')
    case(f'{d}/good/resource-group-location-symbolic', {'main.json': tpl(
        {'storage': st({'allowBlobPublicAccess': False}, extra={'location': "[parameters('location')]"})},
        {'location': {'type': 'string', 'defaultValue': '[resourceGroup().location]'}}, generator=gen)}, options=GOV_OPTS)
    case(f'{d}/good/allowed-literal', {'main.json': tpl([
        st({'allowBlobPublicAccess': False}, extra={'location': 'Norway East'}),
        {'type': 'Microsoft.Network/privateDnsZones', 'apiVersion': '2020-06-01', 'name': 'privatelink.api.azureml.ms', 'location': 'global'},
    ], generator=gen)}, options=GOV_OPTS)
case(f'{F}/GOV001/arm/bad/parameter-file', {
    'azuredeploy.json': tpl([st({'allowBlobPublicAccess': False}, extra={'location': "[parameters('location')]"})],
                            {'location': {'type': 'string', 'defaultValue': 'norwayeast'}}),
    'azuredeploy.parameters.prod.json': pfile({'location': 'swedencentral'}),
}, [('azuredeploy.parameters.prod.json', '"swedencentral"')], options=GOV_OPTS, level='error')
case(f'{F}/GOV001/arm/good/resource-group-location-literal', {'main.json': tpl(
    [st({'allowBlobPublicAccess': False}, extra={'location': '[resourceGroup().location]'})])}, options=GOV_OPTS)
case(f'{F}/GOV001/arm/good/unknown-parameter', {'main.json': tpl(
    [st({'allowBlobPublicAccess': False}, extra={'location': "[parameters('location')]"})], {'location': {'type': 'string'}})}, options=GOV_OPTS)
