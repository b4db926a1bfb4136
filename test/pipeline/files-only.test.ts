/**
 * Files-only runs (the pre-commit case, `onlyFiles`): only the units that can place or change a
 * finding in the given files run (`unitsForFiles`), and the given files' findings are the same
 * as a run over their whole folder reports for them — also those that come from a caller in a
 * subfolder (an example calling the module with `../..`) and from a var file in a subfolder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import type { LintResult } from '../../src/engine/result.js';

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

const WORKSPACE = (publicAccess: string, name = 'ws'): string => `resource "azurerm_machine_learning_workspace" "${name}" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = ${publicAccess}
  identity {
    type = "SystemAssigned"
  }
}
`;

/** A module whose finding depends on who calls it, a subfolder var file, an example calling it, and an unrelated module. */
function tree(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
  temps.push(root);
  write(root, {
    'main.tf': `variable "public" {\n  type    = bool\n  default = false\n}\n\n${WORKSPACE('var.public')}\n${WORKSPACE('true', 'always')}`,
    'outputs.tf': 'output "id" {\n  value = azurerm_machine_learning_workspace.ws.id\n}\n',
    'env/prod.tfvars': 'public = true\n',
    'examples/public/main.tf': 'module "ml" {\n  source = "../.."\n  public = true\n}\n',
    'other/main.tf': WORKSPACE('true'),
    'other/deeper/main.tf': WORKSPACE('true'),
  });
  return root;
}

/** The findings as comparable lines (everything a report prints of them). */
function lines(r: LintResult, file?: string): string[] {
  return r.findings.filter((f) => file === undefined || f.location.file === file).map((f) => JSON.stringify([f.ruleId, f.location, f.level, f.message, f.fingerprint, f.variants, f.suppression ?? null])).sort();
}

/** Runs lint and counts the units it ran (the 'linting' progress total). */
async function run(options: Parameters<typeof lint>[0]): Promise<{ result: LintResult; units: number }> {
  let units = 0;
  const result = await lint({ ...options, noConfig: true, onProgress: (phase, _done, total) => (phase === 'linting' ? (units = total) : undefined) });
  return { result, units };
}

describe('files-only runs', () => {
  it('report the same findings for a file as a run over its folder, without running the units that cannot change them', async () => {
    const root = tree();
    const main = path.join(root, 'main.tf');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [main], onlyFiles: [main], root });
    const inMain = lines(folder.result, main);
    expect(inMain.length).toBe(1);
    expect(lines(only.result)).toEqual(inMain);
    expect(only.result.files).toEqual(['main.tf']);
    // The folder run has the unrelated modules' units too; the files-only run only the module with its example.
    expect(folder.units).toBe(3);
    expect(only.units).toBe(1);
  });

  it('an example calling the module: its finding, placed at the call, is the folder run\'s', async () => {
    const root = tree();
    const example = path.join(root, 'examples', 'public', 'main.tf');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [example], onlyFiles: [example], root });
    const inExample = lines(folder.result, example);
    // `public = true` reaches the module's workspace only through this call.
    expect(inExample).toHaveLength(1);
    expect(lines(only.result)).toEqual(inExample);
    expect(only.units).toBe(1);
  });

  it('a file of an unrelated subfolder module is reported as its folder run would', async () => {
    const root = tree();
    const deeper = path.join(root, 'other', 'deeper', 'main.tf');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [deeper], onlyFiles: [deeper], root });
    const inDeeper = lines(folder.result, deeper);
    expect(inDeeper.length).toBeGreaterThan(0);
    expect(lines(only.result)).toEqual(inDeeper);
    expect(only.units).toBe(1);
  });
});
