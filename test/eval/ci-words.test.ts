/**
 * The Terraform (or OpenTofu) CLI a command word names (src/eval/ci-words.ts), which CI005 and
 * the script interpreter ask of every word: by its last path segment, any case, `.exe` or not.
 */
import { describe, expect, it } from 'vitest';
import { terraformProgramName } from '../../src/eval/ci-words.js';

describe('terraformProgramName', () => {
  it.each([
    ['terraform', 'terraform'],
    ['Terraform', 'terraform'],
    ['TERRAFORM.EXE', 'terraform'],
    ['./bin/terraform', 'terraform'],
    ['C:\\tools\\terraform.exe', 'terraform'],
    ['/usr/local/bin/tofu', 'tofu'],
    ['tofu.exe', 'tofu'],
    [`${'d/'.repeat(60)}terraform`, 'terraform'],
    [`${'x'.repeat(100)}\\Terraform.Exe`, 'terraform'],
  ])('%s names %s', (word, name) => {
    expect(terraformProgramName(word)).toBe(name);
  });

  it.each([[''], ['xterraform'], ['terraform-docs'], ['terraform/'], ['tf'], ['terraform.sh'], [`${'x'.repeat(100)}terraform`], ['tofu-ls'], ['apply'], ['$TF'], ['mytofu.exe']])('%s names no Terraform CLI', (word) => {
    expect(terraformProgramName(word)).toBeUndefined();
  });
});
