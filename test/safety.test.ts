/**
 * Safety (DESIGN.md "Offline and safe"): nothing outside the scan root is read through a
 * symbolic link — neither a linked file nor a module folder behind a link.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/api.js';

describe('symbolic links out of the scan root', () => {
  it('are not followed, for files or module folders', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-sym-'));
    const outside = path.join(base, 'outside');
    const root = path.join(base, 'root');
    fs.mkdirSync(path.join(outside, 'mod'), { recursive: true });
    fs.mkdirSync(root);
    const vault = 'resource "azurerm_key_vault" "kv" {\n  name = "outside"\n}\n';
    fs.writeFileSync(path.join(outside, 'mod', 'main.tf'), vault);
    fs.writeFileSync(path.join(outside, 'vault.tf'), vault);
    fs.symlinkSync(path.join(outside, 'vault.tf'), path.join(root, 'linked.tf'));
    fs.symlinkSync(path.join(outside, 'mod'), path.join(root, 'linkdir'));
    fs.writeFileSync(path.join(root, 'main.tf'), 'terraform {\n  backend "azurerm" {}\n}\n\nmodule "m" {\n  source = "./linkdir"\n}\n');
    const result = await lint({ paths: [root], root, noConfig: true });
    expect(result.findings.filter((f) => !f.location.file.startsWith(root + path.sep) || f.location.file.includes('linkdir'))).toEqual([]);
    expect(result.findings.map((f) => f.ruleId)).not.toContain('KV001');
  });
});
