/**
 * Terraform override files (`override.tf`, `*_override.tf`; Terraform docs, Override Files):
 * merged into the block with the same header after every normal file, argument by argument,
 * a nested block type replacing all blocks of that type. Before, the override block replaced
 * the whole resource (its other arguments read as absent).
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { lineCol, tree, where } from './tree.js';

const storage = `resource "azurerm_storage_account" "s" {
  name                            = "s"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_0"
  allow_nested_items_to_be_public = false
}
`;

describe('Terraform override files', () => {
  it('an override argument replaces the original one; the other arguments stay', async () => {
    const dir = tree({ 'main.tf': storage, 'main_override.tf': `resource "azurerm_storage_account" "s" {\n  min_tls_version = "TLS1_2"\n}\n` });
    const r = await lint({ paths: [dir], root: dir, rules: ['ST001', 'ST002'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([]);
  });

  it('a bad value from an override file is reported where the override writes it', async () => {
    const over = `variable "public" {
  default = true
}
resource "azurerm_storage_account" "s" {
  allow_nested_items_to_be_public = var.public
}
`;
    const main = `${storage}variable "public" {\n  default = false\n}\n`;
    const dir = tree({ 'main.tf': main, 'override.tf': over });
    const r = await lint({ paths: [dir], root: dir, rules: ['ST001', 'ST002'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`ST001 error override.tf:${lineCol(over, 'true')}`, `ST002 error main.tf:${lineCol(main, '"TLS1_0"')}`]);
  });

  it('a nested block in the override replaces every block of that type', async () => {
    const main = `resource "azurerm_network_security_group" "n" {
  name                = "n"
  location            = "westeurope"
  resource_group_name = "rg"
  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
`;
    const over = `resource "azurerm_network_security_group" "n" {
  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "10.0.0.0/24"
    destination_address_prefix = "*"
  }
}
`;
    const dir = tree({ 'main.tf': main, 'nsg_override.tf': over });
    const r = await lint({ paths: [dir], root: dir, rules: ['NET001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([]);
    const without = tree({ 'main.tf': main });
    const r2 = await lint({ paths: [without], root: without, rules: ['NET001'], noConfig: true });
    expect(r2.findings).toHaveLength(1);
  });
});
