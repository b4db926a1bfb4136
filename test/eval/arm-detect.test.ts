import { describe, expect, it } from 'vitest';
import { isArmParameterFile, isArmTemplate, pairParameterFiles, pairedTemplate, parameterFilePairing, templateIndex, unpairedReason } from '../../src/eval/arm/detect.js';

describe('ARM detection', () => {
  it('detects templates at every scope, case-insensitively, http or https', () => {
    for (const s of [
      'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      'http://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#',
      'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json',
      'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
      'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
      'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#',
      'HTTPS://SCHEMA.MANAGEMENT.AZURE.COM/schemas/2019-04-01/DEPLOYMENTTEMPLATE.JSON#',
    ]) {
      expect(isArmTemplate({ $schema: s }), s).toBe(true);
      expect(isArmParameterFile({ $schema: s }), s).toBe(false);
    }
    expect(isArmParameterFile({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#' })).toBe(true);
    expect(isArmTemplate([{ type: 'Microsoft.X/y' }])).toBe(false);
    expect(isArmTemplate({ resources: [] })).toBe(false);
    expect(isArmTemplate(null)).toBe(false);
    expect(isArmTemplate('x')).toBe(false);
  });

  it('pairs parameter files by name and by metadata.template', () => {
    const templates = ['/r/azuredeploy.json', '/r/main.json', '/r/net/vnet.json', '/r/infra/deploy.core.json', '/r/other/template.json', '/r/exp/template.json', '/r/dlz/main.json'];
    const params = [
      '/r/azuredeploy.parameters.json',
      '/r/azuredeploy.parameters.prod.json',
      '/r/main.parameters.dev.json',
      '/r/net/vnet.parameters.json',
      '/r/net/vnet.parameters.min.json',
      '/r/infra/params.core.json',
      '/r/other/anything.json',
      '/r/orphan.parameters.json',
      '/r/exp/parameters.json',
      '/r/dlz/params.prod.json',
      '/r/dlz/params.diagnostics.json',
    ];
    const meta: Record<string, string> = { '/r/other/anything.json': './template.json' };
    const m = pairParameterFiles(templates, params, (p) => meta[p]);
    expect(Object.fromEntries(m)).toEqual({
      '/r/azuredeploy.json': ['/r/azuredeploy.parameters.json', '/r/azuredeploy.parameters.prod.json'],
      '/r/main.json': ['/r/main.parameters.dev.json'],
      '/r/net/vnet.json': ['/r/net/vnet.parameters.json', '/r/net/vnet.parameters.min.json'],
      '/r/infra/deploy.core.json': ['/r/infra/params.core.json'],
      '/r/other/template.json': ['/r/other/anything.json'],
      '/r/exp/template.json': ['/r/exp/parameters.json'],
      '/r/dlz/main.json': ['/r/dlz/params.prod.json'],
    });
  });

  it('pairs a parameter file in a parameter folder with the template one folder up or in exactly one sibling folder', () => {
    const templates = ['/r/infra/templates/aml.json', '/r/infra/main.json', '/r/two/a/net.json', '/r/two/b/net.json', '/r/plain/x/kv.json'];
    const params = [
      '/r/infra/parameters/aml.dev.parameters.json',
      '/r/infra/params/aml.parameters.prod.json',
      '/r/infra/prod/main.parameters.json',
      '/r/infra/environments/prod.parameters.json',
      '/r/two/parameters/net.parameters.json',
      '/r/plain/y/kv.parameters.json',
    ];
    expect(Object.fromEntries(pairParameterFiles(templates, params, () => undefined))).toEqual({
      '/r/infra/templates/aml.json': ['/r/infra/parameters/aml.dev.parameters.json', '/r/infra/params/aml.parameters.prod.json'],
      '/r/infra/main.json': ['/r/infra/environments/prod.parameters.json', '/r/infra/prod/main.parameters.json'],
      // Two sibling folders hold net.json: neither is taken. A folder whose name says nothing about parameters is not looked out of.
      '/r/two/a/net.json': [],
      '/r/two/b/net.json': [],
      '/r/plain/x/kv.json': [],
    });
  });

  it('pairs X.parameters-<env>.json and X.parameters_<env>.json with X.json, and <env>.json in a parameter folder with the one conventional template one folder up (review 105)', () => {
    const templates = ['/r/a/main.json', '/r/b/azuredeploy.json', '/r/c/main.json', '/r/d/main.json', '/r/d/azuredeploy.json', '/r/e/kv.json'];
    const params = [
      '/r/a/main.parameters-live.json',
      '/r/b/azuredeploy.parameters-production.json',
      '/r/b/azuredeploy.parameters_dev.json',
      '/r/c/parameters/prod.json',
      '/r/c/environments/production.json',
      // Two conventional templates one folder up: the name spells neither.
      '/r/d/parameters/prod.json',
      // Not a conventional template name, and a file beside the template named for an environment alone: not paired.
      '/r/e/parameters/prod.json',
      '/r/e/prod.json',
    ];
    expect(Object.fromEntries(pairParameterFiles(templates, params, () => undefined))).toEqual({
      '/r/a/main.json': ['/r/a/main.parameters-live.json'],
      '/r/b/azuredeploy.json': ['/r/b/azuredeploy.parameters-production.json', '/r/b/azuredeploy.parameters_dev.json'],
      '/r/c/main.json': ['/r/c/environments/production.json', '/r/c/parameters/prod.json'],
      '/r/d/main.json': [],
      '/r/d/azuredeploy.json': [],
      '/r/e/kv.json': [],
    });
  });

  it('pairs X.parameters.json with X.template.json, and X.param(s).json with X.json or X.template.json (review 113)', () => {
    const templates = ['/r/a/keyvault.template.json', '/r/b/mlworkspacedeploy.json', '/r/c/storage.template.json', '/r/d/storage.json', '/r/d/storage.template.json'];
    const params = ['/r/a/keyvault.parameters.json', '/r/a/keyvault.parameters.prod.json', '/r/b/mlworkspacedeploy.param.json', '/r/b/mlworkspacedeploy.param-prod.json', '/r/c/storage.params.dev.json', '/r/c/storage.params_prod.json', '/r/d/storage.parameters.json'];
    expect(Object.fromEntries(pairParameterFiles(templates, params, () => undefined))).toEqual({
      '/r/a/keyvault.template.json': ['/r/a/keyvault.parameters.json', '/r/a/keyvault.parameters.prod.json'],
      '/r/b/mlworkspacedeploy.json': ['/r/b/mlworkspacedeploy.param-prod.json', '/r/b/mlworkspacedeploy.param.json'],
      '/r/c/storage.template.json': ['/r/c/storage.params.dev.json', '/r/c/storage.params_prod.json'],
      // Both beside it: X.json is the more specific name.
      '/r/d/storage.json': ['/r/d/storage.parameters.json'],
      '/r/d/storage.template.json': [],
    });
    // A template whose name holds `.param_` (review 115).
    expect(Object.fromEntries(pairParameterFiles(['/r/f/my.param_store.json'], ['/r/f/my.param_store.params.json'], () => undefined))).toEqual({ '/r/f/my.param_store.json': ['/r/f/my.param_store.params.json'] });
    // A file that pairs with none is told the name that would pair it with X.template.json.
    expect(unpairedReason(templateIndex(['/r/e/app.template.json']), '/r/e/app-settings.json')).toContain('name it app.parameters.json or app.parameters.<env>.json');
  });

  it('pairedTemplate asks a template index about one parameter file as pairParameterFiles pairs it', () => {
    const templates = ['/r/azuredeploy.json', '/r/main.json', '/r/net/vnet.json', '/r/other/template.json', '/r/dlz/main.json'];
    const params = ['/r/azuredeploy.parameters.prod.json', '/r/prod.parameters.json', '/r/net/vnet.parameters.json', '/r/other/anything.json', '/r/orphan.parameters.json', '/r/dlz/params.diagnostics.json'];
    const meta: Record<string, string> = { '/r/other/anything.json': './template.json', '/r/net/vnet.parameters.json': '../main.json' };
    const index = templateIndex(templates);
    const pairs = pairParameterFiles(templates, params, (p) => meta[p]);
    for (const pf of params) {
      const expected = [...pairs].find(([, list]) => list.includes(pf))?.[0];
      expect(pairedTemplate(index, pf, meta[pf]), pf).toBe(expected);
    }
    expect(pairedTemplate(index, '/r/net/vnet.parameters.json', '../main.json')).toBe('/r/main.json');
    expect(pairedTemplate(index, '/r/orphan.parameters.json', undefined)).toBeUndefined();
    // A file whose metadata names itself is no pair.
    expect(pairedTemplate(templateIndex(['/r/x.json']), '/r/x.json', './x.json')).toBeUndefined();
  });

  it('a pairing made once answers each later reading of the files as pairParameterFiles does', () => {
    const templates = ['/r/azuredeploy.json', '/r/net/vnet.json', '/r/other/template.json'];
    const params = ['/r/azuredeploy.parameters.json', '/r/net/vnet.parameters.json', '/r/other/anything.json'];
    const pairing = parameterFilePairing(templates, params);
    // The same files read three ways: no metadata; one file naming another template; a reader that fails.
    const readings: ((p: string) => string | undefined)[] = [
      () => undefined,
      (p) => (p === '/r/net/vnet.parameters.json' ? '../azuredeploy.json' : p === '/r/other/anything.json' ? 'template.json' : undefined),
      (p) => {
        if (p.includes('vnet')) throw new Error('unreadable');
        return undefined;
      },
    ];
    const asked: string[] = [];
    for (const read of readings) {
      const seen: string[] = [];
      const got = pairing((p) => {
        seen.push(p);
        return read(p);
      });
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(pairParameterFiles(templates, params, read)));
      asked.push(seen.join(','));
    }
    // Every parameter file is asked about each time, in order (a unit records what it read).
    expect(asked).toEqual(Array(3).fill(params.join(',')));
    expect(pairing(readings[1]!).get('/r/azuredeploy.json')).toEqual(['/r/azuredeploy.parameters.json', '/r/net/vnet.parameters.json']);
    expect(pairing(readings[1]!).get('/r/other/template.json')).toEqual(['/r/other/anything.json']);
  });
});
