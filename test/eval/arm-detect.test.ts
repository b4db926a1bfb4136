import { describe, expect, it } from 'vitest';
import { isArmParameterFile, isArmTemplate, pairParameterFiles } from '../../src/eval/arm/detect.js';

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
});
