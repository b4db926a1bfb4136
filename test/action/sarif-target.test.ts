/**
 * The Action's `sarif-file` never names infrastructure code it would write over (audit 54: the
 * report replaced `infra/main.tf`): a Terraform/Bicep name or a file the run lints is exit 2 with
 * the file kept, as the CLI's --output; a failure before the run keeps any file that is not a report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/action/run.js';
import { tempDir } from '../ship/helpers.js';

const MAIN_TF = 'resource "azurerm_container_registry" "acr" {\n  name                = "acr"\n  resource_group_name = "rg"\n  location            = "westeurope"\n  sku                 = "Basic"\n  admin_enabled       = true\n}\n';
const ACR_JSON = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  resources: [{ type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: 'acr', location: 'westeurope', sku: { name: 'Basic' }, properties: { adminUserEnabled: true } }],
}, null, 2);

async function runAction(inputs: Record<string, string>): Promise<{ code: number; lines: string[]; workspace: string }> {
  const workspace = path.join(tempDir('action-sarif-target'), 'repo');
  fs.mkdirSync(path.join(workspace, 'infra'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'infra/main.tf'), MAIN_TF);
  fs.writeFileSync(path.join(workspace, 'infra/acr.json'), ACR_JSON);
  const env: Record<string, string> = { GITHUB_WORKSPACE: workspace, INPUT_PATH: '.', 'INPUT_FAIL-ON': 'error', INPUT_ANNOTATIONS: 'false', INPUT_SUMMARY: 'false' };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const lines: string[] = [];
  const code = await run(env, { write: (l) => lines.push(l) });
  return { code, lines, workspace };
}

describe('Action sarif-file over infrastructure code', () => {
  it.each([
    ['a Terraform file', 'infra/main.tf', 'is infrastructure code, so it is not written over'],
    ['an ARM template the run lints', 'infra/acr.json', 'is infrastructure code this run lints, so it is not written over'],
  ])('%s: exit 2, the file kept', async (_, target, said) => {
    const { code, lines, workspace } = await runAction({ 'sarif-file': target });
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain(`input "sarif-file": ${target} ${said}`);
    expect(fs.readFileSync(path.join(workspace, 'infra/main.tf'), 'utf8')).toBe(MAIN_TF);
    expect(fs.readFileSync(path.join(workspace, 'infra/acr.json'), 'utf8')).toBe(ACR_JSON);
  });

  it('a failure before the run (a bad input) writes no failure report over a file that is not one', async () => {
    const { code, lines, workspace } = await runAction({ 'sarif-file': 'infra/acr.json', config: 'missing.jsonc' });
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('is not a SARIF report, so the failure report is not written over it');
    expect(fs.readFileSync(path.join(workspace, 'infra/acr.json'), 'utf8')).toBe(ACR_JSON);
  });

  it('a report file may be replaced: the run writes its SARIF there', async () => {
    const { code, workspace } = await runAction({ 'sarif-file': 'reports/out.sarif' });
    expect(code).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(workspace, 'reports/out.sarif'), 'utf8')).version).toBe('2.1.0');
  });
});
