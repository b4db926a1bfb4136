/**
 * Terraform variable type constraints with `optional(T, default)` object attributes (Terraform
 * docs, Type Constraints › "Optional Object Type Attributes"): a missing or null attribute takes
 * its default, or null without one; defaults apply top-down in nested types and to the
 * variable's own `default`. RULES.md: an absent attribute uses the documented default; the
 * location is where the offending value is written (here the `optional` default).
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { lineCol, tree, where } from './tree.js';

const workspace = (value: string): string => `resource "azurerm_machine_learning_workspace" "w" {
  name                          = "w"
  location                      = "westeurope"
  resource_group_name           = "rg"
  application_insights_id       = "x"
  key_vault_id                  = "y"
  storage_account_id            = "z"
  public_network_access_enabled = ${value}
  identity { type = "SystemAssigned" }
}
`;

describe('Terraform optional object attributes', () => {
  it('an omitted attribute takes its optional default (from the variable default {})', async () => {
    const main = `variable "settings" {
  type = object({
    public = optional(bool, true)
  })
  default = {}
}
${workspace('var.settings.public')}`;
    const dir = tree({ 'main.tf': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning main.tf:${lineCol(main, 'true')}`]);
  });

  it('optional without a default is null: the attribute is absent (reported at the header)', async () => {
    const main = `variable "settings" {
  type    = object({ public = optional(bool) })
  default = {}
}
${workspace('var.settings.public')}`;
    const dir = tree({ 'main.tf': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning main.tf:${lineCol(main, 'resource')}`]);
  });

  it('nested defaults apply top-down through map(object) and list(object) module arguments; null takes the default; a given value wins', async () => {
    const child = `variable "pools" {
  type = map(object({
    size  = string
    scale = optional(object({
      min = optional(number, 1)
    }), {})
  }))
}
variable "ws" {
  type = list(object({
    name     = string
    "public" = optional(bool, true)
  }))
}
resource "azurerm_machine_learning_compute_cluster" "c" {
  for_each                      = var.pools
  name                          = each.key
  location                      = "westeurope"
  vm_priority                   = "Dedicated"
  vm_size                       = each.value.size
  machine_learning_workspace_id = "x"
  scale_settings {
    min_node_count = each.value.scale.min
    max_node_count = 4
  }
}
${workspace('var.ws[count.index].public').replace('{\n', '{\n  count = length(var.ws)\n')}`;
    const main = `module "m" {
  source = "./m"
  pools = {
    a = { size = "Standard_D4s_v5" }
    b = { size = "Standard_D4s_v5", scale = { min = 0 } }
  }
  ws = [{ name = "a", public = null }, { name = "b", public = false }]
}
`;
    const dir = tree({ 'main.tf': main, 'm/main.tf': child });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001', 'AML004'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([
      `AML001 warning m/main.tf:${lineCol(child, 'true')}`,
      `AML004 warning m/main.tf:${lineCol(child, '1)')}`,
    ]);
    const aml001 = r.findings.find((f) => f.ruleId === 'AML001')!;
    expect(aml001.address).toBe('module.m.azurerm_machine_learning_workspace.w[0]');
  });
});
