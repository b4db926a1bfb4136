/**
 * Module calls with count/for_each expand into instances (`module.m["k"]`), and references
 * through an instance's outputs still link the graph.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-mod-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const REGISTRY_MODULE = `variable "public" {
  type = bool
}

resource "azurerm_container_registry" "this" {
  name                          = "acrml"
  resource_group_name           = "rg"
  location                      = "westeurope"
  sku                           = "Premium"
  public_network_access_enabled = var.public
}

output "id" {
  value = azurerm_container_registry.this.id
}
`;

const WORKSPACE = (ref: string) => `resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw"
  location                      = "westeurope"
  resource_group_name           = "rg"
  application_insights_id       = "/x/appi"
  key_vault_id                  = "/x/kv"
  storage_account_id            = "/x/st"
  container_registry_id         = ${ref}
  public_network_access_enabled = false
}
`;

describe('module instances', () => {
  it('links a workspace to a registry through module.m["k"].output', async () => {
    const dir = tree({
      'main.tf': `module "acr" {\n  source   = "./modules/acr"\n  for_each = { main = false, spare = true }\n  public   = each.value\n}\n\n` + WORKSPACE('module.acr["main"].id'),
      'modules/acr/main.tf': REGISTRY_MODULE,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML002'], noConfig: true });
    expect(r.findings.map((f) => [f.ruleId, path.relative(dir, f.location.file), f.location.range.start.line])).toEqual([['AML002', 'main.tf', 7]]);
    expect(r.findings[0]!.message).toContain('registry "acrml"');
  });

  it('the spare (public) registry instance does not trigger AML002', async () => {
    const dir = tree({
      'main.tf': `module "acr" {\n  source   = "./modules/acr"\n  for_each = { main = false, spare = true }\n  public   = each.value\n}\n\n` + WORKSPACE('module.acr["spare"].id'),
      'modules/acr/main.tf': REGISTRY_MODULE,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML002'], noConfig: true });
    expect(r.findings).toEqual([]);
  });

  it('a reference to all instances of an expanded module is unknown (silent)', async () => {
    const dir = tree({
      'main.tf': `module "acr" {\n  source   = "./modules/acr"\n  count    = 2\n  public   = false\n}\n\n` + WORKSPACE('module.acr.id'),
      'modules/acr/main.tf': REGISTRY_MODULE,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML002'], noConfig: true });
    expect(r.findings).toEqual([]);
  });
});
