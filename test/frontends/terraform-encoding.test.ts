/**
 * A `.tf` file that is not UTF-8 (a Windows-1252 `é` in a description) is refused by Terraform
 * ("Invalid character encoding"): PARSE001 at the first byte that is not UTF-8. A U+FFFD
 * written as UTF-8 is an ordinary character.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { firstInvalidUtf8, decodeText } from '../../src/core/host.js';
import { tempDirs } from '../support/cache-runs.js';

const tempDir = tempDirs('mil-encoding-');

async function parseProblems(bytes: Buffer): Promise<{ ruleId: string; line: number; column: number; message: string }[]> {
  const root = tempDir();
  fs.writeFileSync(path.join(root, 'main.tf'), bytes);
  const r = await lint({ paths: [root], root, rules: ['PARSE001', 'KV001'], noConfig: true });
  return r.findings.map((f) => ({ ruleId: f.ruleId, line: f.location.range.start.line, column: f.location.range.start.column, message: f.message }));
}

const VAULT = 'resource "azurerm_key_vault" "kv" {\n  name = "kv"\n  # description: ';

describe('Terraform files that are not UTF-8', () => {
  it('are PARSE001 at the first byte that is not UTF-8, and what parses is still linted', async () => {
    const bytes = Buffer.concat([Buffer.from(VAULT), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('\n  purge_protection_enabled = false\n}\n')]);
    expect(await parseProblems(bytes)).toEqual([
      { ruleId: 'PARSE001', line: 3, column: 21, message: expect.stringMatching(/^Invalid character encoding: all input files must be UTF-8 encoded/) },
      { ruleId: 'KV001', line: 4, column: 30, message: expect.any(String) },
    ]);
  });
  it('a U+FFFD written as UTF-8 (and a BOM) is no encoding problem', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${VAULT}\uFFFD\n}\n`)]);
    expect((await parseProblems(bytes)).filter((p) => p.ruleId === 'PARSE001')).toEqual([]);
  });
  it('firstInvalidUtf8 skips written U+FFFD and counts after a BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\uFFFDb'), Buffer.from([0xff]), Buffer.from('c')]);
    const text = decodeText(buf)!;
    expect(text).toBe('a\uFFFDb\uFFFDc');
    expect(firstInvalidUtf8(buf, text)).toBe(3);
    expect(firstInvalidUtf8(Buffer.from('plain'), 'plain')).toBe(-1);
  });
});
