/**
 * On POSIX a backslash is part of a file name, not a separator: every format names `a\b.tf` as it
 * is (SARIF percent-encodes it), so code scanning and the annotations point at the file that
 * exists (audit 54: every format said `a/b.tf`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { formatResult } from '../../src/report/index.js';

const ACR = 'resource "azurerm_container_registry" "acr" {\n  name                = "acr"\n  resource_group_name = "rg"\n  location            = "westeurope"\n  sku                 = "Basic"\n  admin_enabled       = true\n}\n';

describe.skipIf(path.sep !== '/')('a file name with a backslash (POSIX)', () => {
  it('is named as it is in every format', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-bs-'));
    fs.writeFileSync(path.join(root, 'a\\b.tf'), ACR);
    const result = await lint({ paths: [root], root, noConfig: true, rules: ['ACR001'] });
    expect(result.findings).toHaveLength(1);
    const json = JSON.parse(formatResult(result, 'json'));
    expect(json.findings[0].file).toBe('a\\b.tf');
    const sarif = JSON.parse(formatResult(result, 'sarif'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('a%5Cb.tf');
    expect(formatResult(result, 'github')).toContain('::error file=a\\b.tf,line=6,');
    expect(formatResult(result, 'compact')).toContain('a\\b.tf:6:');
  });
});
