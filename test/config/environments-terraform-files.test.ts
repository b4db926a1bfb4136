/**
 * The config's `environments` globs apply to every format (README): for Terraform, a glob that
 * names the files the default evaluation reads (a `.tf` file of the module, its auto-loaded
 * `terraform.tfvars`) classes the module, as a folder glob does (audit 54: only folder globs did).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { tempTrees } from '../support/temp-tree.js';

const trees = tempTrees('mil-env-tf-');
afterAll(() => trees.cleanup());

const VAULT = (name: string): string => `resource "azurerm_key_vault" "kv" {\n  name                     = "${name}"\n  purge_protection_enabled = var.purge\n}\nvariable "purge" {\n  default = false\n}\n`;

describe('config environments globs naming Terraform files', () => {
  it('a .tf file, a *.tf glob, an auto-loaded tfvars, and a module no glob names', async () => {
    const dir = trees.tree({
      'e/main.tf': VAULT('kv-e'),
      'f/main.tf': VAULT('kv-f'),
      'h/main.tf': VAULT('kv-h'),
      'h/terraform.tfvars': 'purge = false\n',
      'g/main.tf': VAULT('kv-g'),
      '.mlops-iac-lint.json': JSON.stringify({ environments: { 'e/main.tf': 'prod', 'f/*.tf': 'nonprod', 'h/terraform.tfvars': 'prod' } }),
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'] });
    const rows = r.findings.map((f) => `${path.relative(dir, f.location.file)} ${f.level} ${f.env}`).sort();
    // KV001 is an error in prod, a warning for unknown, nothing in nonprod.
    expect(rows).toEqual(['e/main.tf error prod', 'g/main.tf warning unknown', 'h/terraform.tfvars error prod']);
  });
});
