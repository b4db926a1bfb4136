/**
 * The AML, ACR, KV002, ST and NET001 rules on the rule contract (issue 10, items 4 and 5):
 * the Azure facts they read from `src/model/facts/`, "could not decide" recorded for every
 * unknown value they need (`--verbose` complete by construction), and findings that carry
 * their message ID.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { computeTypeFromArm, computeTypeFromCanonical } from '../../src/model/facts/aml.js';
import { deniesByDefault, isPremiumSku, isRegistryGroup } from '../../src/model/facts/acr.js';
import { isTlsBelow12 } from '../../src/model/facts/storage.js';
import { adminPortsIn, describeAdminPorts, includesTcp, isInternetSource } from '../../src/model/facts/network.js';

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-res-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('Azure facts of the resource rules', () => {
  it('AML compute types: azurerm fixed types and ARM properties.computeType', () => {
    expect(computeTypeFromCanonical('cluster')).toBe('cluster');
    expect(computeTypeFromCanonical('instance')).toBe('instance');
    expect(computeTypeFromCanonical('kubernetes')).toBe('other');
    expect(computeTypeFromArm('AmlCompute')).toBe('cluster');
    expect(computeTypeFromArm('computeinstance')).toBe('instance');
    expect(computeTypeFromArm('Kubernetes')).toBe('other');
  });

  it('registry SKUs, default actions and the private-link group', () => {
    expect(isPremiumSku('premium')).toBe(true);
    expect(isPremiumSku('Standard')).toBe(false);
    expect(deniesByDefault('Deny')).toBe(true);
    expect(deniesByDefault('Allow')).toBe(false);
    expect(isRegistryGroup('registry')).toBe(true);
    expect(isRegistryGroup('registry_data_westeurope')).toBe(false);
  });

  it('TLS versions below 1.2 by their order; unknown spellings are not judged', () => {
    expect(['TLS1_0', 'tls1_1'].map(isTlsBelow12)).toEqual([true, true]);
    expect(['TLS1_2', 'TLS1_3', '1.0', ''].map(isTlsBelow12)).toEqual([false, false, false, false]);
  });

  it('NSG sources, protocols and admin ports', () => {
    expect(['*', 'Internet', 'any', '0.0.0.0/0'].every(isInternetSource)).toBe(true);
    expect(['10.0.0.0/8', 'VirtualNetwork', 'AzureCloud'].some(isInternetSource)).toBe(false);
    expect(['Tcp', '*', 'Any'].every(includesTcp)).toBe(true);
    expect(includesTcp('Udp')).toBe(false);
    expect(adminPortsIn('3000-4000')).toEqual([3389]);
    expect(describeAdminPorts(adminPortsIn('*'))).toBe('SSH (22) and RDP (3389)');
  });
});

describe('could not decide, recorded through ctx.fact', () => {
  it('lists every rule whose deciding attribute is unknown', async () => {
    const dir = tree({
      'main.tf': `
variable "flag" {
  type = bool
}
variable "text" {
  type = string
}
resource "azurerm_key_vault" "kv" {
  name                       = "kv"
  rbac_authorization_enabled = var.flag
}
resource "azurerm_container_registry" "acr" {
  name          = "acr"
  sku           = var.text
  admin_enabled = var.flag
}
resource "azurerm_storage_account" "st" {
  name                            = "st"
  allow_nested_items_to_be_public = var.flag
  min_tls_version                 = var.text
}
resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "ws"
  public_network_access_enabled = var.flag
}
resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefixes     = [var.text]
  destination_port_range      = "22"
  network_security_group_name = "nsg"
  priority                    = 100
}
`,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001', 'ACR001', 'ACR002', 'KV002', 'ST001', 'ST002', 'NET001'], noConfig: true });
    expect(r.findings.filter((f) => f.ruleId !== 'EVAL001')).toEqual([]);
    const got = r.undecided.map((u) => `${u.ruleId} ${u.address} ${u.attribute}`).sort();
    expect(got).toEqual(
      [
        'ACR001 azurerm_container_registry.acr adminEnabled',
        'ACR002 azurerm_container_registry.acr sku',
        'AML001 azurerm_machine_learning_workspace.ws publicNetworkAccess',
        'KV002 azurerm_key_vault.kv rbacAuthorization',
        'NET001 azurerm_network_security_rule.ssh sourceAddresses',
        'ST001 azurerm_storage_account.st allowBlobPublicAccess',
        'ST002 azurerm_storage_account.st minTls',
      ].sort(),
    );
  });

  it('AML005: an unknown schedule entry is "could not decide", not a finding', async () => {
    const dir = tree({
      'main.tf': `
variable "action" {
  type = string
}
resource "azapi_resource" "ci" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "ci"
  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"
  body = {
    properties = {
      computeType = "ComputeInstance"
      properties = {
        vmSize = "Standard_DS3_v2"
        schedules = {
          computeStartStop = [{ action = var.action, status = "Enabled" }]
        }
      }
    }
  }
}
`,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML005'], noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'AML005')).toEqual([]);
    expect(r.undecided.map((u) => [u.ruleId, u.attribute])).toEqual([['AML005', 'schedules']]);
  });
});

describe('message IDs', () => {
  it('findings name the meta.messages entry they were made from', async () => {
    const dir = tree({
      'main.tf': `
resource "azurerm_storage_account" "st" {
  name            = "st"
  min_tls_version = "TLS1_0"
}
resource "azurerm_container_registry" "acr" {
  name          = "acr"
  sku           = "Basic"
  admin_enabled = true
  public_network_access_enabled = false
}
`,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['ST001', 'ST002', 'ACR001', 'ACR002'], noConfig: true });
    expect(r.findings.map((f) => [f.ruleId, f.messageId]).sort()).toEqual([
      ['ACR001', 'adminUser'],
      ['ACR002', 'notPremium'],
      ['ST001', 'containersCanBePublic'],
      ['ST002', 'weakTls'],
    ]);
    const st002 = r.findings.find((f) => f.ruleId === 'ST002')!;
    expect(st002.message).toBe('Storage account "st" accepts TLS below 1.2 (min_tls_version is "TLS1_0"); set min_tls_version to "TLS1_2".');
  });
});
