"""ARM and compiled-Bicep fixtures for AML003, AML004, AML005, AML006, GPU002, GPU003, AKS002, KV002.

Run from the repository root: python3 scripts/dev/fixtures_arm_rules_a.py
Deterministic; only writes fixtures/<ID>/{arm,bicep-compiled}/** for those rules.

Helpers are copied (small) from fixtures_headline_arm.py rather than imported, so that running
this script does not regenerate the headline fixtures as a side effect.
Expectations are computed from the text: an anchor is a needle, or (context, needle) for
"the first needle after context" (e.g. the value of one key when the same value occurs elsewhere).
"""
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__))))
from fixture import case, pos

F = 'fixtures'
SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
PSCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#'
GEN = {'_generator': {'name': 'bicep', 'version': '0.30.23.60470', 'templateHash': '1'}}
FORMATS = (('arm', False), ('bicep-compiled', True))


def tpl(resources, parameters=None, lv2=False, generator=False):
    t = {'$schema': SCHEMA}
    if lv2:
        t['languageVersion'] = '2.0'
    t['contentVersion'] = '1.0.0.0'
    if generator:
        t['metadata'] = GEN
    t['parameters'] = parameters or {}
    t['resources'] = resources
    return json.dumps(t, indent=2) + '\n'


def pfile(values):
    return json.dumps({'$schema': PSCHEMA, 'contentVersion': '1.0.0.0', 'parameters': {k: {'value': v} for k, v in values.items()}}, indent=2) + '\n'


def locate(text, anchor, occ=1):
    if isinstance(anchor, tuple):
        ctx, needle = anchor
        i = -1
        for _ in range(occ):
            i = text.index(ctx, i + 1)
        j = text.index(needle, i)
        return _lc(text, j)
    return pos(text, anchor, occ)


def _lc(text, i):
    line = text.count('\n', 0, i) + 1
    col = i - (text.rfind('\n', 0, i) + 1) + 1
    return line, col


def fx(path, files, expect=(), options=None):
    """expect: (file, anchor, level[, occurrence]); writes files via fixture.case, then expect.json."""
    case(path, files, (), options)
    exp = os.path.join(path, 'expect.json')
    findings = []
    for e in expect:
        fname, anchor, level = e[0], e[1], e[2]
        occ = e[3] if len(e) > 3 else 1
        line, col = locate(files[fname], anchor, occ)
        findings.append({'file': fname, 'line': line, 'column': col, 'level': level})
    if findings:
        spec = {'findings': findings}
        if options:
            spec['options'] = options
        with open(exp, 'w') as f:
            json.dump(spec, f, indent=2)
            f.write('\n')


# ---------------------------------------------------------------- resource builders
WST = '"type": "Microsoft.MachineLearningServices/workspaces"'
CT = '"type": "Microsoft.MachineLearningServices/workspaces/computes"'
KVT = '"type": "Microsoft.KeyVault/vaults"'
APT = '"type": "Microsoft.ContainerService/managedClusters/agentPools"'


def ws(props, name='mlw'):
    return {'type': 'Microsoft.MachineLearningServices/workspaces', 'apiVersion': '2024-04-01', 'name': name, 'location': 'westeurope',
            'identity': {'type': 'SystemAssigned'}, 'properties': props}


def compute(leaf, compute_type, inner, ws_name='mlw', lv2=False, symbolic_ws='ws'):
    """A workspaces/computes child. lv2: the compiled-Bicep shape (format() name, symbolic dependsOn)."""
    if lv2:
        name, deps = f"[format('{{0}}/{{1}}', '{ws_name}', '{leaf}')]", [symbolic_ws]
    else:
        name, deps = f'{ws_name}/{leaf}', [f"[resourceId('Microsoft.MachineLearningServices/workspaces', '{ws_name}')]"]
    return {'type': 'Microsoft.MachineLearningServices/workspaces/computes', 'apiVersion': '2024-04-01', 'name': name, 'location': 'westeurope',
            'dependsOn': deps, 'properties': {'computeType': compute_type, 'properties': inner}}


def cluster(leaf, vm='Standard_DS3_v2', min_nodes=0, extra=None, **kw):
    inner = {'vmSize': vm, 'enableNodePublicIp': False}
    if min_nodes is not None:
        inner['scaleSettings'] = {'minNodeCount': min_nodes, 'maxNodeCount': 4}
    inner.update(extra or {})
    return compute(leaf, 'AmlCompute', inner, **kw)


def instance(leaf, extra=None, **kw):
    inner = {'vmSize': 'Standard_DS3_v2', 'enableNodePublicIp': False}
    inner.update(extra or {})
    return compute(leaf, 'ComputeInstance', inner, **kw)


def res(items, lv2):
    """A resources array (languageVersion 1) or symbolic resources object (2.0)."""
    if lv2:
        return dict(items)
    return [r for _, r in items]


def aks(profiles):
    return {'type': 'Microsoft.ContainerService/managedClusters', 'apiVersion': '2024-02-01', 'name': 'aks-ml', 'location': 'westeurope',
            'identity': {'type': 'SystemAssigned'}, 'properties': {'dnsPrefix': 'aksml', 'agentPoolProfiles': profiles}}


def agent_pool(leaf, props, lv2=False):
    name = f"[format('{{0}}/{{1}}', 'aks-ml', '{leaf}')]" if lv2 else f'aks-ml/{leaf}'
    return {'type': 'Microsoft.ContainerService/managedClusters/agentPools', 'apiVersion': '2024-02-01', 'name': name, 'properties': props}


SYS = {'name': 'system', 'mode': 'System', 'vmSize': 'Standard_D4s_v5', 'count': 2}
GPU_USER = {'name': 'gpu', 'mode': 'User', 'vmSize': 'Standard_NC6s_v3', 'enableAutoScaling': True, 'minCount': 0, 'maxCount': 3,
            'nodeTaints': ['sku=gpu:NoSchedule'], 'tags': {'cost-center': 'ml'}}


def kv(props):
    return {'type': 'Microsoft.KeyVault/vaults', 'apiVersion': '2023-07-01', 'name': 'kv-ml', 'location': 'westeurope',
            'properties': {'tenantId': '[subscription().tenantId]', 'sku': {'family': 'A', 'name': 'standard'}, 'enablePurgeProtection': True, **props}}


# ================================================================ AML003 (error)
R = 'AML003'
for fmt, gen in FORMATS:
    lv2 = gen  # the compiled variant uses languageVersion 2.0 symbolic resources
    if fmt == 'bicep-compiled':
        fx(f'{F}/{R}/{fmt}/bad/compute-instance', {'main.json': tpl([
            ws({'publicNetworkAccess': 'Disabled', 'imageBuildCompute': 'ci-build'}),
            instance('ci-build', {'idleTimeBeforeShutdown': 'PT60M'})], generator=True)},
           [('main.json', '"ci-build"', 'error')])
        fx(f'{F}/{R}/{fmt}/good/cpu-cluster', {'main.json': tpl(res([
            ('ws', ws({'publicNetworkAccess': 'Disabled', 'imageBuildCompute': 'cpu-build'})),
            ('build', cluster('cpu-build', lv2=True))], True), lv2=True, generator=True)})
        fx(f'{F}/{R}/{fmt}/good/compute-not-in-template', {'main.json': tpl([
            ws({'publicNetworkAccess': 'Disabled', 'imageBuildCompute': 'shared-build'})], generator=True)})
    # GPU image-build cluster (both formats; lv2 in the compiled one)
    fx(f'{F}/{R}/{fmt}/bad/gpu-cluster', {'main.json': tpl(res([
        ('ws', ws({'publicNetworkAccess': 'Disabled', 'imageBuildCompute': 'gpu-build'})),
        ('build', cluster('gpu-build', vm='Standard_NC6s_v3', lv2=lv2))], lv2), lv2=lv2, generator=gen)},
       [('main.json', '"gpu-build"', 'error')])
# ARM: the compute name comes from a parameter default / a prod parameter file
fx(f'{F}/{R}/arm/bad/parameter-default', {'azuredeploy.json': tpl([
    ws({'publicNetworkAccess': 'Disabled', 'imageBuildCompute': "[parameters('imageBuildCompute')]"}),
    instance('ci-dev'), cluster('cpu-build')], {'imageBuildCompute': {'type': 'string', 'defaultValue': 'ci-dev'}})},
   [('azuredeploy.json', ('"defaultValue"', '"ci-dev"'), 'error')])
fx(f'{F}/{R}/arm/bad/prod-parameter-file', {
    'azuredeploy.json': tpl([
        ws({'publicNetworkAccess': 'Disabled', 'imageBuildCompute': "[parameters('imageBuildCompute')]"}),
        instance('ci-dev'), cluster('cpu-build')], {'imageBuildCompute': {'type': 'string', 'defaultValue': 'cpu-build'}}),
    'azuredeploy.parameters.prod.json': pfile({'imageBuildCompute': 'ci-dev'}),
    'azuredeploy.parameters.dev.json': pfile({'imageBuildCompute': 'cpu-build'}),
}, [('azuredeploy.parameters.prod.json', '"ci-dev"', 'error')])
fx(f'{F}/{R}/arm/good/compute-not-in-template', {'azuredeploy.json': tpl([
    ws({'publicNetworkAccess': 'Disabled', 'imageBuildCompute': 'shared-build'}), instance('ci-dev')])})
fx(f'{F}/{R}/arm/good/unknown-parameter', {'azuredeploy.json': tpl([
    ws({'publicNetworkAccess': 'Disabled', 'imageBuildCompute': "[parameters('imageBuildCompute')]"}), instance('ci-dev')],
    {'imageBuildCompute': {'type': 'string'}})})

# ================================================================ AML004 (env-aware: prod note, unknown/nonprod warning)
R = 'AML004'
for fmt, gen in FORMATS:
    fx(f'{F}/{R}/{fmt}/bad/min-nodes-literal', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Disabled'}), cluster('cpu-cluster', min_nodes=2)], generator=gen)},
       [('main.json', ('"minNodeCount"', '2'), 'warning')])
    fx(f'{F}/{R}/{fmt}/bad/language-version-2', {'main.json': tpl(res([
        ('ws', ws({'publicNetworkAccess': 'Disabled'})),
        ('cluster', cluster('cpu-cluster', min_nodes=1, lv2=True))], True), lv2=True, generator=gen)},
       [('main.json', ('"minNodeCount"', '1'), 'warning')])
    fx(f'{F}/{R}/{fmt}/good/scale-to-zero', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Disabled'}), cluster('cpu-cluster', min_nodes=0)], generator=gen)})
    fx(f'{F}/{R}/{fmt}/good/absent-default-zero', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Disabled'}), cluster('cpu-cluster', min_nodes=None)], generator=gen)})
fx(f'{F}/{R}/arm/good/instance-not-a-cluster', {'main.json': tpl([
    ws({'publicNetworkAccess': 'Disabled'}), instance('ci-dev', {'scaleSettings': {'minNodeCount': 1}})])})
fx(f'{F}/{R}/arm/good/unknown-parameter', {'main.json': tpl([
    ws({'publicNetworkAccess': 'Disabled'}), cluster('cpu-cluster', min_nodes="[parameters('minNodes')]")], {'minNodes': {'type': 'int'}})})
fx(f'{F}/{R}/arm/bad/parameter-default-dev', {'main.json': tpl([
    ws({'publicNetworkAccess': 'Disabled'}), cluster('cpu-cluster', min_nodes="[parameters('minNodes')]")],
    {'environmentName': {'type': 'string', 'defaultValue': 'dev'}, 'minNodes': {'type': 'int', 'defaultValue': 2}})},
   [('main.json', ('"minNodes"', '2'), 'warning')])
fx(f'{F}/{R}/arm/bad/prod-parameter-file-note', {
    'azuredeploy.json': tpl([ws({'publicNetworkAccess': 'Disabled'}), cluster('cpu-cluster', min_nodes="[parameters('minNodes')]")],
                            {'minNodes': {'type': 'int', 'defaultValue': 0}}),
    'azuredeploy.parameters.prod.json': pfile({'minNodes': 1}),
    'azuredeploy.parameters.dev.json': pfile({'minNodes': 0}),
}, [('azuredeploy.parameters.prod.json', ('"value"', '1'), 'note')])

# ================================================================ AML005 (warning)
R = 'AML005'
STOP = {'computeStartStop': [{'action': 'Stop', 'status': 'Enabled', 'triggerType': 'Cron', 'cron': {'expression': '0 19 * * 1-5', 'timeZone': 'UTC'}}]}
for fmt, gen in FORMATS:
    lv2 = gen
    fx(f'{F}/{R}/{fmt}/good/idle-time', {'main.json': tpl(res([
        ('ws', ws({'publicNetworkAccess': 'Disabled'})), ('ci', instance('ci-dev', {'idleTimeBeforeShutdown': 'PT60M'}, lv2=lv2))], lv2), lv2=lv2, generator=gen)})
    fx(f'{F}/{R}/{fmt}/good/stop-schedule', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Disabled'}), instance('ci-dev', {'schedules': STOP})], generator=gen)})
    fx(f'{F}/{R}/{fmt}/bad/disabled-stop-schedule', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Disabled'}),
        instance('ci-dev', {'schedules': {'computeStartStop': [{**STOP['computeStartStop'][0], 'status': 'Disabled'}]}})], generator=gen)},
       [('main.json', CT, 'warning')])
    fx(f'{F}/{R}/{fmt}/good/cluster-not-instance', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Disabled'}), cluster('cpu-cluster')], generator=gen)})
fx(f'{F}/{R}/bicep-compiled/bad/instance-no-idle', {'main.json': tpl(res([
    ('ws', ws({'publicNetworkAccess': 'Disabled'})), ('ci', instance('ci-dev', lv2=True))], True), lv2=True, generator=True)},
   [('main.json', CT, 'warning')])
fx(f'{F}/{R}/arm/bad/empty-idle-parameter-default', {'azuredeploy.json': tpl([
    ws({'publicNetworkAccess': 'Disabled'}), instance('ci-dev', {'idleTimeBeforeShutdown': "[parameters('idleTime')]"})],
    {'idleTime': {'type': 'string', 'defaultValue': ''}})},
   [('azuredeploy.json', CT, 'warning')])
fx(f'{F}/{R}/arm/good/idle-time-parameter-default', {'azuredeploy.json': tpl([
    ws({'publicNetworkAccess': 'Disabled'}), instance('ci-dev', {'idleTimeBeforeShutdown': "[parameters('idleTime')]"})],
    {'idleTime': {'type': 'string', 'defaultValue': 'PT30M'}})})
fx(f'{F}/{R}/arm/good/idle-time-unknown-parameter', {'azuredeploy.json': tpl([
    ws({'publicNetworkAccess': 'Disabled'}), instance('ci-dev', {'idleTimeBeforeShutdown': "[parameters('idleTime')]"})],
    {'idleTime': {'type': 'string'}})})

# ================================================================ AML006 (error)
R = 'AML006'
def open_cluster(leaf, node_ip, **kw):
    c = cluster(leaf, **kw)
    if node_ip is None:
        del c['properties']['properties']['enableNodePublicIp']
    else:
        c['properties']['properties']['enableNodePublicIp'] = node_ip
    return c
for fmt, gen in FORMATS:
    lv2 = gen
    if fmt == 'bicep-compiled':
        fx(f'{F}/{R}/{fmt}/bad/cluster-absent-default', {'main.json': tpl(res([
            ('ws', ws({'publicNetworkAccess': 'Disabled'})), ('cluster', open_cluster('cpu-cluster', None, lv2=True))], True), lv2=True, generator=True)},
           [('main.json', CT, 'error')])
        fx(f'{F}/{R}/{fmt}/good/disabled', {'main.json': tpl(res([
            ('ws', ws({'publicNetworkAccess': 'Disabled'})), ('cluster', open_cluster('cpu-cluster', False, lv2=True))], True), lv2=True, generator=True)})
    fx(f'{F}/{R}/{fmt}/bad/instance-explicit-true', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Disabled'}), instance('ci-dev', {'enableNodePublicIp': True, 'idleTimeBeforeShutdown': 'PT60M'})], generator=gen)},
       [('main.json', ('"enableNodePublicIp"', 'true'), 'error')])
    fx(f'{F}/{R}/{fmt}/good/public-workspace', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Enabled'}), open_cluster('cpu-cluster', None)], generator=gen)})
fx(f'{F}/{R}/arm/bad/parameter-default', {'azuredeploy.json': tpl([
    ws({'publicNetworkAccess': 'Disabled'}), open_cluster('cpu-cluster', "[parameters('nodePublicIp')]")],
    {'nodePublicIp': {'type': 'bool', 'defaultValue': True}})},
   [('azuredeploy.json', ('"defaultValue"', 'true'), 'error')])
fx(f'{F}/{R}/arm/bad/workspace-private-in-prod-parameter-file', {
    'azuredeploy.json': tpl([ws({'publicNetworkAccess': "[parameters('publicAccess')]"}), open_cluster('cpu-cluster', None)],
                            {'publicAccess': {'type': 'string', 'defaultValue': 'Enabled'}}),
    'azuredeploy.parameters.prod.json': pfile({'publicAccess': 'Disabled'}),
    'azuredeploy.parameters.dev.json': pfile({'publicAccess': 'Enabled'}),
}, [('azuredeploy.json', CT, 'error')])
fx(f'{F}/{R}/arm/good/workspace-access-unknown', {'azuredeploy.json': tpl([
    ws({'publicNetworkAccess': "[parameters('publicAccess')]"}), open_cluster('cpu-cluster', None)], {'publicAccess': {'type': 'string'}})})

# ================================================================ GPU002 (warning)
R = 'GPU002'
GPU_ALLOWED = ['Standard_NC6s_v3', 'Standard_NC24ads_A100_v4']
def gpu_param(allowed=None, default='Standard_NC6s_v3'):
    p = {'type': 'string', 'defaultValue': default}
    if allowed is not None:
        p['allowedValues'] = allowed
    return p
def gpu_pool_props():
    return {'vmSize': "[parameters('gpuVmSize')]", 'mode': 'User', 'enableAutoScaling': True, 'minCount': 0, 'maxCount': 3, 'nodeTaints': ['sku=gpu:NoSchedule']}
fx(f'{F}/{R}/bicep-compiled/bad/no-allowed-values', {'main.json': tpl(res([
    ('gpuPool', agent_pool('gpu', gpu_pool_props(), lv2=True))], True), {'gpuVmSize': gpu_param()}, lv2=True, generator=True)},
   [('main.json', '"gpuVmSize": {', 'warning')])
fx(f'{F}/{R}/bicep-compiled/bad/allowed-cpu-size', {'main.json': tpl([agent_pool('gpu', gpu_pool_props())],
    {'gpuVmSize': gpu_param(['Standard_NC6s_v3', 'Standard_D16s_v5', 'Standard_NP10s'])}, generator=True)},
   [('main.json', '"Standard_D16s_v5"', 'warning'), ('main.json', '"Standard_NP10s"', 'warning')])
fx(f'{F}/{R}/bicep-compiled/good/allowed-gpu-sizes', {'main.json': tpl(res([
    ('gpuPool', agent_pool('gpu', gpu_pool_props(), lv2=True))], True), {'gpuVmSize': gpu_param(GPU_ALLOWED)}, lv2=True, generator=True)})
for fmt, gen in FORMATS:
    fx(f'{F}/{R}/{fmt}/bad/aml-gpu-cluster-no-allowed-values', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Disabled'}), cluster('gpu-cluster', vm="[parameters('gpuVmSize')]")], {'gpuVmSize': gpu_param()}, generator=gen)},
       [('main.json', '"gpuVmSize": {', 'warning')])
    fx(f'{F}/{R}/{fmt}/good/cpu-cluster-unvalidated', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Disabled'}), cluster('cpu-cluster', vm="[parameters('vmSize')]")], {'vmSize': gpu_param(default='Standard_DS3_v2')}, generator=gen)})
fx(f'{F}/{R}/arm/good/literal-size', {'main.json': tpl([agent_pool('gpu', {**gpu_pool_props(), 'vmSize': 'Standard_NC6s_v3'})])})

# ================================================================ GPU003 (env-aware: prod note, unknown/nonprod warning)
R = 'GPU003'
for fmt, gen in FORMATS:
    lv2 = gen
    fx(f'{F}/{R}/{fmt}/bad/agentpool-autoscale-absent', {'main.json': tpl([
        agent_pool('gpu', {'vmSize': 'Standard_NC6s_v3', 'count': 1, 'mode': 'User', 'nodeTaints': ['sku=gpu:NoSchedule']})], generator=gen)},
       [('main.json', APT, 'warning')])
    fx(f'{F}/{R}/{fmt}/bad/inline-profile-min-count', {'main.json': tpl(res([
        ('aks', aks([SYS, {**GPU_USER, 'minCount': 1}]))], lv2), lv2=lv2, generator=gen)},
       [('main.json', ('"minCount"', '1'), 'warning')])
    fx(f'{F}/{R}/{fmt}/bad/inline-profile-autoscale-false', {'main.json': tpl([
        aks([SYS, {**GPU_USER, 'enableAutoScaling': False}])], generator=gen)},
       [('main.json', ('"enableAutoScaling"', 'false'), 'warning')])
    fx(f'{F}/{R}/{fmt}/bad/aml-gpu-cluster', {'main.json': tpl(res([
        ('ws', ws({'publicNetworkAccess': 'Disabled'})), ('gpu', cluster('gpu-cluster', vm='Standard_NC24ads_A100_v4', min_nodes=1, lv2=lv2))], lv2),
        lv2=lv2, generator=gen)},
       [('main.json', ('"minNodeCount"', '1'), 'warning')])
    fx(f'{F}/{R}/{fmt}/good/autoscale-from-zero', {'main.json': tpl(res([
        ('aks', aks([SYS, GPU_USER])), ('gpu2', agent_pool('gpu2', {k: v for k, v in GPU_USER.items() if k != 'name'}, lv2=lv2))], lv2),
        lv2=lv2, generator=gen)})
    fx(f'{F}/{R}/{fmt}/good/aml-gpu-cluster-default-zero', {'main.json': tpl([
        ws({'publicNetworkAccess': 'Disabled'}), cluster('gpu-cluster', vm='Standard_NC6s_v3', min_nodes=None)], generator=gen)})
fx(f'{F}/{R}/arm/good/system-pool-skipped', {'main.json': tpl([aks([{'name': 'system', 'vmSize': 'Standard_NC6s_v3', 'count': 1}])])})
fx(f'{F}/{R}/arm/good/cpu-user-pool', {'main.json': tpl([aks([SYS, {'name': 'cpu', 'mode': 'User', 'vmSize': 'Standard_D8s_v5', 'count': 2}])])})
fx(f'{F}/{R}/arm/bad/min-count-prod-parameter-file-note', {
    'azuredeploy.json': tpl([agent_pool('gpu', {**{k: v for k, v in GPU_USER.items() if k != 'name'}, 'minCount': "[parameters('gpuMinCount')]"})],
                            {'gpuMinCount': {'type': 'int', 'defaultValue': 0}}),
    'azuredeploy.parameters.prod.json': pfile({'gpuMinCount': 2}),
    'azuredeploy.parameters.dev.json': pfile({'gpuMinCount': 0}),
}, [('azuredeploy.parameters.prod.json', ('"value"', '2'), 'note')])
fx(f'{F}/{R}/arm/bad/min-count-parameter-default-dev', {'azuredeploy.json': tpl([
    agent_pool('gpu', {**{k: v for k, v in GPU_USER.items() if k != 'name'}, 'minCount': "[parameters('gpuMinCount')]"})],
    {'environment': {'type': 'string', 'defaultValue': 'dev'}, 'gpuMinCount': {'type': 'int', 'defaultValue': 1}})},
   [('azuredeploy.json', ('"gpuMinCount"', '1'), 'warning')])

# ================================================================ AKS002 (warning)
R = 'AKS002'
GPU_TAINT = ['sku=gpu:NoSchedule']
for fmt, gen in FORMATS:
    lv2 = gen
    fx(f'{F}/{R}/{fmt}/bad/first-profile-gpu', {'main.json': tpl(res([
        ('aks', aks([{'name': 'system', 'vmSize': 'Standard_NC6s_v3', 'count': 1, 'nodeTaints': GPU_TAINT}, {**SYS, 'name': 'cpu', 'mode': 'User'}]))], lv2),
        lv2=lv2, generator=gen)},
       [('main.json', '"Standard_NC6s_v3"', 'warning')])
    fx(f'{F}/{R}/{fmt}/bad/system-mode-agentpool', {'main.json': tpl([
        agent_pool('sysgpu', {'vmSize': 'Standard_ND96asr_v4', 'count': 1, 'mode': 'System', 'nodeTaints': GPU_TAINT}, lv2=False)], generator=gen)},
       [('main.json', '"Standard_ND96asr_v4"', 'warning')])
    fx(f'{F}/{R}/{fmt}/good/cpu-system-gpu-user', {'main.json': tpl(res([
        ('aks', aks([SYS, GPU_USER])), ('gpu2', agent_pool('gpu2', {k: v for k, v in GPU_USER.items() if k not in ('name', 'mode')}, lv2=lv2))], lv2),
        lv2=lv2, generator=gen)})
fx(f'{F}/{R}/arm/bad/size-from-parameter-default', {'azuredeploy.json': tpl([
    aks([{**SYS, 'vmSize': "[parameters('systemVmSize')]"}, GPU_USER])], {'systemVmSize': {'type': 'string', 'defaultValue': 'Standard_NC4as_T4_v3'}})},
   [('azuredeploy.json', '"Standard_NC4as_T4_v3"', 'warning')])
fx(f'{F}/{R}/arm/bad/prod-parameter-file', {
    'azuredeploy.json': tpl([aks([{**SYS, 'vmSize': "[parameters('systemVmSize')]"}, GPU_USER])], {'systemVmSize': {'type': 'string', 'defaultValue': 'Standard_D4s_v5'}}),
    'azuredeploy.parameters.prod.json': pfile({'systemVmSize': 'Standard_NV12s_v3'}),
    'azuredeploy.parameters.dev.json': pfile({'systemVmSize': 'Standard_D2s_v5'}),
}, [('azuredeploy.parameters.prod.json', '"Standard_NV12s_v3"', 'warning')])
fx(f'{F}/{R}/arm/good/size-unknown-parameter', {'azuredeploy.json': tpl([aks([{**SYS, 'vmSize': "[parameters('systemVmSize')]"}])], {'systemVmSize': {'type': 'string'}})})
fx(f'{F}/{R}/arm/good/gpu-agentpool-default-user', {'main.json': tpl([agent_pool('gpu', {k: v for k, v in GPU_USER.items() if k not in ('name', 'mode')})])})

# ================================================================ KV002 (warning)
R = 'KV002'
for fmt, gen in FORMATS:
    lv2 = gen
    fx(f'{F}/{R}/{fmt}/bad/absent-default', {'main.json': tpl(res([('kv', kv({}))], lv2), lv2=lv2, generator=gen)}, [('main.json', KVT, 'warning')])
    fx(f'{F}/{R}/{fmt}/bad/explicit-false', {'main.json': tpl([kv({'enableRbacAuthorization': False, 'accessPolicies': []})], generator=gen)},
       [('main.json', ('"enableRbacAuthorization"', 'false'), 'warning')])
    fx(f'{F}/{R}/{fmt}/good/rbac-enabled', {'main.json': tpl(res([('kv', kv({'enableRbacAuthorization': True}))], lv2), lv2=lv2, generator=gen)})
fx(f'{F}/{R}/arm/bad/parameter-default', {'azuredeploy.json': tpl([kv({'enableRbacAuthorization': "[parameters('useRbac')]"})],
    {'useRbac': {'type': 'bool', 'defaultValue': False}})},
   [('azuredeploy.json', ('"defaultValue"', 'false'), 'warning')])
fx(f'{F}/{R}/arm/bad/prod-parameter-file', {
    'azuredeploy.json': tpl([kv({'enableRbacAuthorization': "[parameters('useRbac')]"})], {'useRbac': {'type': 'bool', 'defaultValue': True}}),
    'azuredeploy.parameters.prod.json': pfile({'useRbac': False}),
    'azuredeploy.parameters.dev.json': pfile({'useRbac': True}),
}, [('azuredeploy.parameters.prod.json', ('"value"', 'false'), 'warning')])
fx(f'{F}/{R}/arm/good/unknown-parameter', {'azuredeploy.json': tpl([kv({'enableRbacAuthorization': "[parameters('useRbac')]"})], {'useRbac': {'type': 'bool'}})})
