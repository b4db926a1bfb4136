/**
 * The Action's `plan` input: a plan JSON written by the job is linted with its `.tf` lines and
 * left out of the walk of `path`, so TF004 does not report it; the same plan found only by
 * walking is TF004's. A missing plan file is an input error (exit 2).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/action/run.js';

const MAIN_TF = `variable "purge" {
  type = bool
}

resource "azurerm_key_vault" "kv" {
  name                     = "kv-ml"
  location                 = "westeurope"
  resource_group_name      = "rg-ml"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = var.purge
  rbac_authorization_enabled = true
}
`;

const PLAN = JSON.stringify({
  format_version: '1.2',
  terraform_version: '1.9.5',
  variables: { purge: { value: false }, environment: { value: 'prod' } },
  planned_values: { root_module: {} },
  resource_changes: [
    {
      address: 'azurerm_key_vault.kv',
      mode: 'managed',
      type: 'azurerm_key_vault',
      name: 'kv',
      change: { actions: ['create'], before: null, after: { name: 'kv-ml', location: 'westeurope', purge_protection_enabled: false, rbac_authorization_enabled: true }, after_unknown: { id: true }, after_sensitive: {} },
    },
  ],
});

function workspace(): { dir: string; env: Record<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-action-plan-'));
  fs.mkdirSync(path.join(dir, 'infra'));
  fs.writeFileSync(path.join(dir, 'infra/main.tf'), MAIN_TF);
  fs.writeFileSync(path.join(dir, 'infra/plan.json'), PLAN);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-action-plan-runner-'));
  for (const f of ['summary.md', 'output.txt']) fs.writeFileSync(path.join(out, f), '');
  return {
    dir,
    env: {
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: path.join(out, 'summary.md'),
      GITHUB_OUTPUT: path.join(out, 'output.txt'),
      INPUT_PATH: '.',
      'INPUT_FAIL-ON': 'error',
      'INPUT_SARIF-FILE': 'mlops-iac-lint.sarif',
      INPUT_ANNOTATIONS: 'true',
      INPUT_SUMMARY: 'false',
    },
  };
}

const annotations = (lines: string[]): string[] =>
  lines.map((l) => /^::(\w+) file=([^,]+),line=(\d+),.*?title=(\S+)/.exec(l)).filter((m) => m !== null).map((m) => `${m[4]} ${m[2]}:${m[3]} ${m[1]}`);

describe('the Action with a plan', () => {
  it('lints the plan at the .tf line and does not report it as TF004', async () => {
    const { env } = workspace();
    const lines: string[] = [];
    const code = await run({ ...env, INPUT_PLAN: 'infra/plan.json' }, { write: (l) => lines.push(l) });
    expect(annotations(lines)).toEqual(['KV001 infra/main.tf:11 error']);
    expect(code).toBe(1);
  });

  it('without the input, the plan found in the tree is TF004 (and still linted)', async () => {
    const { env } = workspace();
    const lines: string[] = [];
    await run(env, { write: (l) => lines.push(l) });
    expect(annotations(lines)).toEqual(['KV001 infra/main.tf:11 error', 'TF004 infra/plan.json:1 error']);
  });

  it('a plan input that does not exist is an input error', async () => {
    const { env } = workspace();
    const lines: string[] = [];
    expect(await run({ ...env, INPUT_PLAN: 'infra/missing.json' }, { write: (l) => lines.push(l) })).toBe(2);
    expect(lines.join('\n')).toMatch(/input "plan": file not found: infra\/missing\.json/);
  });
});
