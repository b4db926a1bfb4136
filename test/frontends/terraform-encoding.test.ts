/**
 * A `.tf` file that is not UTF-8 (a Windows-1252 `é` in a description) is refused by Terraform
 * ("Invalid character encoding"): PARSE001 at the first byte that is not UTF-8. A U+FFFD
 * written as UTF-8 is an ordinary character.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { invalidUtf8Offsets, decodeText } from '../../src/core/host.js';
import { tempDirs } from '../support/cache-runs.js';

const tempDir = tempDirs('mil-encoding-');

async function parseProblems(bytes: Buffer): Promise<{ ruleId: string; line: number; column: number; message: string }[]> {
  const root = tempDir();
  fs.writeFileSync(path.join(root, 'main.tf'), bytes);
  const r = await lint({ paths: [root], root, rules: ['PARSE001', 'KV001'], noConfig: true });
  return r.findings.map((f) => ({ ruleId: f.ruleId, line: f.location.range.start.line, column: f.location.range.start.column, message: f.message }));
}

const VAULT = 'resource "azurerm_key_vault" "kv" {\n  name = "kv"\n  tags = { note = "';

describe('Terraform files that are not UTF-8', () => {
  it('are PARSE001 at the first byte that is not UTF-8, and what parses is still linted', async () => {
    const bytes = Buffer.concat([Buffer.from(VAULT), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('" }\n  purge_protection_enabled = false\n}\n')]);
    expect(await parseProblems(bytes)).toEqual([
      { ruleId: 'PARSE001', line: 3, column: 23, message: expect.stringMatching(/^Invalid character encoding: all input files must be UTF-8 encoded/) },
      { ruleId: 'KV001', line: 4, column: 30, message: expect.any(String) },
    ]);
  });
  it('a U+FFFD written as UTF-8 (and a BOM) is no encoding problem', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${VAULT}\uFFFD" }\n}\n`)]);
    expect((await parseProblems(bytes)).filter((p) => p.ruleId === 'PARSE001')).toEqual([]);
  });
  it('invalidUtf8Offsets skips written U+FFFD, counts after a BOM and after 4-byte characters, and finds each bad sequence', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\uFFFDb'), Buffer.from([0xff]), Buffer.from('c\u{1F600}'), Buffer.from([0xe2, 0x82]), Buffer.from('d')]);
    const text = decodeText(buf)!;
    expect(text).toBe('a\uFFFDb\uFFFDc\u{1F600}\uFFFDd');
    expect(invalidUtf8Offsets(buf, text)).toEqual([3, 7]);
    expect(invalidUtf8Offsets(Buffer.from('plain'), 'plain')).toEqual([]);
  });
  it('bytes that are not UTF-8 inside a comment, or in a .tf.json file, are read as Terraform reads them: no PARSE001', async () => {
    const inComment = Buffer.concat([Buffer.from('# Speicherkonto f'), Buffer.from([0xfc]), Buffer.from('r ML-Daten\nresource "azurerm_key_vault" "kv" {\n  name = "kv"\n}\n')]);
    expect((await parseProblems(inComment)).filter((p) => p.ruleId === 'PARSE001')).toEqual([]);
    // A comment with a bad byte, then one in a string: the string's.
    const both = Buffer.concat([Buffer.from('# f'), Buffer.from([0xfc]), Buffer.from('r\nlocals {\n  x = "f'), Buffer.from([0xfc]), Buffer.from('r"\n}\n')]);
    expect((await parseProblems(both)).filter((p) => p.ruleId === 'PARSE001').map((p) => [p.line, p.column])).toEqual([[3, 9]]);
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'main.tf.json'), Buffer.concat([Buffer.from('{"locals": {"x": "f'), Buffer.from([0xfc]), Buffer.from('r"}}\n')]));
    const r = await lint({ paths: [root], root, rules: ['PARSE001'], noConfig: true });
    expect(r.findings).toEqual([]);
  });
});
