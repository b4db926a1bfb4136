/**
 * Environment classes (RULES.md v2 "Environments"): words split on non-letters and
 * camelCase; a negated or prefixed prod word is nonprod, never prod; mixed words are
 * unknown; a path's file name decides before its folders.
 */
import { describe, expect, it } from 'vitest';
import { classifyPath, classifyPipelineFileName, classifyPipelineStageName, classifyValue, envFromVariables } from '../../src/core/env.js';
import { num, str, unknown, type Value } from '../../src/core/value.js';

describe('environment classes', () => {
  it.each([
    ['prod', 'prod'],
    ['Production', 'prod'],
    ['prd-weu', 'prod'],
    ['live', 'prod'],
    ['dev', 'nonprod'],
    ['testing', 'nonprod'],
    ['sandpit', 'nonprod'],
    ['UAT', 'nonprod'],
    ['Non-Prod', 'nonprod'],
    ['non-production', 'nonprod'],
    ['nonprod', 'nonprod'],
    ['non_production', 'nonprod'],
    ['NonProduction', 'nonprod'],
    ['not-prod', 'nonprod'],
    ['pre-prod', 'nonprod'],
    ['preprod', 'nonprod'],
    ['PreProduction', 'nonprod'],
    // `live` is a prod word: prefixed or negated as one word it is nonprod too.
    ['prelive', 'nonprod'],
    ['nonlive', 'nonprod'],
    ['notlive', 'nonprod'],
    ['pre-live', 'nonprod'],
    ['prod-test', 'unknown'],
    ['ProdAndDev', 'unknown'],
    ['westeurope', undefined],
    ['deliver', undefined],
    ['', undefined],
  ] as const)('%s → %s', (value, env) => {
    expect(classifyValue(value)).toBe(env);
  });

  it('a path: the file name decides before its folders, the nearest folder before the ones above', () => {
    expect(classifyPath('env/prod/terraform.tfvars')?.env).toBe('prod');
    expect(classifyPath('prod/dev.tfvars')?.env).toBe('nonprod');
    expect(classifyPath('environments/non-prod/main.tfvars')?.env).toBe('nonprod');
    expect(classifyPath('azuredeploy.parameters.dev.json')?.env).toBe('nonprod');
    expect(classifyPath('dev/prod/terraform.tfvars')?.env).toBe('prod');
    expect(classifyPath('modules/network/variables.tfvars')).toBeUndefined();
  });

  it('an Azure Pipelines file name: "stage" is the pipeline\'s word, not an environment', () => {
    expect(classifyPipelineFileName('multi-stage-pipeline.yml')).toBeUndefined();
    expect(classifyPipelineFileName('deploy-stage.yml')).toBeUndefined();
    expect(classifyPipelineFileName('stages-prod.yml')).toBe('prod');
    expect(classifyPipelineFileName('deploy-staging.yml')).toBe('nonprod');
  });

  it('a stage name: "stage" is the pipeline\'s word unless it is the whole name', () => {
    expect(classifyPipelineStageName('DeployStage')).toBeUndefined();
    expect(classifyPipelineStageName('BuildStage')).toBeUndefined();
    expect(classifyPipelineStageName('Stage1')).toBeUndefined();
    expect(classifyPipelineStageName('ProdStage')).toBe('prod');
    expect(classifyPipelineStageName('Stage')).toBe('nonprod');
    expect(classifyPipelineStageName('Staging')).toBe('nonprod');
    expect(classifyPipelineStageName('Production')).toBe('prod');
    expect(classifyPipelineStageName('Deploy to Stage')).toBe('nonprod');
    expect(classifyPipelineStageName('DeployToStage')).toBe('nonprod');
    expect(classifyPipelineStageName('stage_env')).toBe('nonprod');
    expect(classifyPath('deploy-stage.yml')?.env).toBe('nonprod');
  });
});

describe('environment class through lint()', () => {
  it('a Key Vault tagged Environment = "Non-Prod" is nonprod: KV001 has no finding (it was an error)', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { lint } = await import('../../src/api.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-env-'));
    const kv = (env: string) => `resource "azurerm_key_vault" "kv" {\n  name = "kv"\n  purge_protection_enabled = false\n  tags = { Environment = "${env}" }\n}\n`;
    fs.writeFileSync(path.join(dir, 'main.tf'), kv('Non-Prod'));
    const r = await lint({ paths: [dir], root: dir, noConfig: true, rules: ['KV001'] });
    expect(r.findings.filter((f) => f.ruleId === 'KV001')).toEqual([]);
    fs.writeFileSync(path.join(dir, 'main.tf'), kv('Production'));
    const p = await lint({ paths: [dir], root: dir, noConfig: true, rules: ['KV001'] });
    expect(p.findings.filter((f) => f.ruleId === 'KV001').map((f) => [f.level, f.env])).toEqual([['error', 'prod']]);
  });

  it('a run inside environments/prod of a repository classes its files as a run from the top does', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { lint } = await import('../../src/api.js');
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-env-repo-'));
    const prod = path.join(top, 'environments', 'prod');
    fs.mkdirSync(path.join(top, '.git'), { recursive: true });
    fs.mkdirSync(prod, { recursive: true });
    fs.writeFileSync(path.join(prod, 'main.tf'), 'variable "purge" {\n  type = bool\n}\n\nresource "azurerm_key_vault" "kv" {\n  name = "kv"\n  purge_protection_enabled = var.purge\n}\n');
    fs.writeFileSync(path.join(prod, 'terraform.tfvars'), 'purge = false\n');
    const levels = async (root: string): Promise<string[][]> =>
      (await lint({ paths: [root], root, noConfig: true, rules: ['KV001'] })).findings.map((f) => [f.level, f.env]);
    expect(await levels(top)).toEqual([['error', 'prod']]);
    expect(await levels(prod)).toEqual([['error', 'prod']]);
    // Without a repository the folders above the scan root are not known to be the project's.
    fs.rmSync(path.join(top, '.git'), { recursive: true });
    expect(await levels(prod)).toEqual([['warning', 'unknown']]);
    // A cache made without the repository is not used once it is there (the output is the cacheless one).
    const cacheLocation = path.join(top, 'cache.json');
    const cached = async (): Promise<string[][]> =>
      (await lint({ paths: [prod], root: prod, noConfig: true, rules: ['KV001'], cache: true, cacheLocation })).findings.map((f) => [f.level, f.env]);
    expect(await cached()).toEqual([['warning', 'unknown']]);
    fs.mkdirSync(path.join(top, '.git'));
    expect(await cached()).toEqual([['error', 'prod']]);
  });
});

describe('classifyPath with the folders above the scan root', () => {
  it('reads them after every part of the path', () => {
    expect(classifyPath('terraform.tfvars', 'environments/prod')?.env).toBe('prod');
    expect(classifyPath('dev.tfvars', 'environments/prod')?.env).toBe('nonprod');
    expect(classifyPath('main.tf', '')).toBeUndefined();
  });
});

describe('envFromVariables (every format reads its own variables, one order and rule)', () => {
  const from = (vars: Record<string, Value>): ReturnType<typeof envFromVariables> => envFromVariables((name) => vars[name]);
  it('takes the first name, in ENV_VARIABLE_NAMES order, whose known string names an environment', () => {
    expect(from({ stage: str('dev'), environment: str('Production') })).toBe('prod');
    expect(from({ environment: str('westeurope'), env: str('qa') })).toBe('nonprod');
    expect(from({ environment: unknown('var.x is not set'), env: num(1), stage: str('uat') })).toBe('nonprod');
  });
  it('is undefined when no variable names an environment', () => {
    expect(from({})).toBeUndefined();
    expect(from({ environment: str('weu'), region: str('prod') })).toBeUndefined();
  });
});
