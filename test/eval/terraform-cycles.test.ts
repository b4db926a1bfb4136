/**
 * Module cycles (issue "Never crash, never hang, never pass silently"): a folder that calls
 * itself, or two folders that call each other, are still evaluated as roots, so their own
 * findings are reported, and the call that closes the cycle gets an EVAL001 at its line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-cycle-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const ACR = `resource "azurerm_container_registry" "acr" {
  name                = "acr"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Basic"
  admin_enabled       = true
}
`;

describe('Terraform module cycles', () => {
  it('a folder that calls itself: its findings stay, EVAL001 at the call', async () => {
    const dir = tree({ 'main.tf': `${ACR}\nmodule "self" {\n  source = "./"\n}\n` });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    const acr = r.findings.filter((f) => f.ruleId === 'ACR001');
    expect(acr).toHaveLength(1);
    expect(acr[0]!.location.range.start.line).toBe(6);
    const cycle = r.findings.filter((f) => f.ruleId === 'EVAL001');
    expect(cycle).toHaveLength(1);
    expect(cycle[0]!.location.range.start.line).toBe(9);
    expect(cycle[0]!.message).toMatch(/cycle/);
  });

  it('two folders that call each other: both are evaluated, the cycle is reported', async () => {
    const dir = tree({
      'a/main.tf': `${ACR}\nmodule "b" {\n  source = "../b"\n}\n`,
      'b/main.tf': `resource "azurerm_key_vault" "kv" {\n  name = "kv"\n  purge_protection_enabled = false\n}\nmodule "a" {\n  source = "../a"\n}\n`,
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    const files = (id: string) => [...new Set(r.findings.filter((f) => f.ruleId === id).map((f) => path.relative(dir, f.location.file)))];
    expect(files('ACR001')).toEqual([path.join('a', 'main.tf')]);
    expect(files('KV001')).toEqual([path.join('b', 'main.tf')]);
    expect(r.findings.some((f) => f.ruleId === 'EVAL001' && /cycle/.test(f.message))).toBe(true);
  });
});
