/**
 * No silent green (issue "Never crash, never hang, never pass silently"): a run that lints
 * nothing says so, a named file that is not a format we read is a usage error, and a FIFO
 * never blocks the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lint, UsageError } from '../src/api.js';

function tmp(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-green-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('no silent green', () => {
  it('a --var-file that does not parse is PARSE001 at its place, also in a files-only run, once', async () => {
    const dir = tmp({
      'main.tf': 'variable "purge" {\n  default = false\n}\n',
      'vars/prod.json': '{ "purge": true, }\n',
      'vars/prod.tfvars': 'purge = \n',
    });
    for (const run of [{ paths: [dir] }, { paths: [path.join(dir, 'main.tf')], onlyFiles: [path.join(dir, 'main.tf')] }]) {
      for (const vf of ['vars/prod.json', 'vars/prod.tfvars']) {
        const r = await lint({ ...run, root: dir, noConfig: true, varFiles: [path.join(dir, vf)] });
        const parse = r.findings.filter((f) => f.ruleId === 'PARSE001' && f.location.file === path.join(dir, vf));
        expect(parse, `${vf} ${JSON.stringify(Object.keys(run))}`).toHaveLength(1);
      }
    }
  });

  it('an empty folder: a notice says what was searched and which formats are read', async () => {
    const dir = tmp();
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    expect(r.files).toEqual([]);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/^nothing to lint in .*: no file of a format it reads \(Terraform/);
  });

  it('a folder without infrastructure code: the same notice', async () => {
    const dir = tmp({ 'README.md': '# hi\n', 'src/app.py': 'print(1)\n', 'data.json': '{"a": 1}\n', 'k.yml': 'a: 1\n' });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    expect(r.files).toEqual([]);
    expect(r.notices[0]).toMatch(/nothing to lint/);
  });

  it('a named file that is not a format we read is a usage error, unless the pre-commit hook says to skip it', async () => {
    const dir = tmp({ 'README.md': '# hi\n', 'main.tf': 'resource "azurerm_resource_group" "rg" {}\n' });
    await expect(lint({ paths: [path.join(dir, 'README.md')], root: dir, noConfig: true })).rejects.toThrow(UsageError);
    await expect(lint({ paths: [path.join(dir, 'README.md')], root: dir, noConfig: true })).rejects.toThrow(/not a file mlops-iac-lint reads/);
    const r = await lint({ paths: [path.join(dir, 'README.md')], onlyFiles: [path.join(dir, 'README.md')], root: dir, noConfig: true, errorOnUnmatchedFile: false });
    expect(r.files).toEqual([]);
    expect(r.notices).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('a FIFO named x.tf in a module folder is skipped (listed for --verbose), never read', async () => {
    const dir = tmp({
      'envs/prod/main.tf': 'module "acr" {\n  source = "../../modules/acr"\n}\n',
      'modules/acr/main.tf': 'resource "azurerm_container_registry" "acr" {\n  admin_enabled = true\n}\n',
    });
    execFileSync('mkfifo', [path.join(dir, 'modules/acr/x.tf')]);
    const r = await lint({ paths: [path.join(dir, 'envs/prod')], root: dir, noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'ACR001')).toHaveLength(1);
    expect(r.skipped.map((s) => path.basename(s.file))).toEqual(['x.tf']);
    expect(r.skipped[0]!.reason).toMatch(/not a regular file/);
  });

  it.skipIf(process.platform === 'win32')('a FIFO named on the command line is a usage error that says what it is (review 74: "nothing to lint", exit 0)', async () => {
    const dir = tmp({ 'main.tf': '' });
    const fifo = path.join(dir, 'pipe.tf');
    execFileSync('mkfifo', [fifo]);
    await expect(lint({ paths: [fifo], root: dir, noConfig: true })).rejects.toThrow(UsageError);
    await expect(lint({ paths: [fifo], root: dir, noConfig: true })).rejects.toThrow(`${fifo}: it is a FIFO, not a regular file or a folder, and is never read; name a file or folder`);
  });

  it('a var file beside no Terraform module is listed as not evaluated (--verbose); one beside a module is not', async () => {
    const dir = tmp({
      'configs/vm/nsg.tfvars': 'nsg = { rule = { source_address_prefix = "Internet", destination_port_range = "22" } }\n',
      'infra/main.tf': 'variable "env" {\n  type = string\n}\n',
      'infra/prod.tfvars': 'env = "prod"\n',
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    expect(r.skipped.map((s) => path.relative(dir, s.file))).toEqual([path.join('configs', 'vm', 'nsg.tfvars')]);
    expect(r.skipped[0]!.reason).toMatch(/^no folder at or above it holds \.tf files/);
  });

  it('a var file below a module that the scanned paths leave out names that module (--verbose)', async () => {
    const dir = tmp({ 'infra/main.tf': 'variable "env" {\n  type = string\n}\n', 'infra/env/prod.tfvars': 'env = "prod"\n' });
    const r = await lint({ paths: [path.join(dir, 'infra/env')], root: dir, noConfig: true });
    expect(r.skipped.map((s) => s.reason)).toEqual([
      `the module at or above it (infra) is not among the scanned paths, so it is not evaluated with its values (only SEC001 reads them); lint infra with --var-file ${path.join('infra', 'env', 'prod.tfvars')}`,
    ]);
  });

  it('a deployment script whose unknown value sits inside single quotes is listed as not read (--verbose); one with the value outside quotes is read', async () => {
    const script = (line: string): string =>
      `param rg string\n\nresource createKv 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'create-kv'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    scriptContent: '${line}'\n  }\n}\n`;
    const quoted = tmp({ 'main.bicep': script("az keyvault create --name kv-ml --resource-group \\'${rg}\\' --enable-purge-protection false") });
    const r = await lint({ paths: [quoted], root: quoted, noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'KV001')).toEqual([]);
    expect(r.skipped.map((s) => [path.relative(quoted, s.file), s.reason])).toEqual([
      ['main.bicep', 'the deployment script of Microsoft.Resources/deploymentScripts/createKv is not read: ${rg} (line 10) is not known and is pasted inside a single-quoted string of the script, which the shell does not expand'],
    ]);
    const bare = tmp({ 'main.bicep': script('az keyvault create --name kv-ml --resource-group ${rg} --enable-purge-protection false') });
    const r2 = await lint({ paths: [bare], root: bare, noConfig: true });
    expect(r2.skipped).toEqual([]);
    expect(r2.findings.filter((f) => f.ruleId === 'KV001').map((f) => f.location.range.start.line)).toEqual([10]);
  });

  it('a UTF-8 byte-order mark does not shift columns, and line 1 is linted like any other', async () => {
    const dir = tmp({ 'deploy.sh': '\uFEFFaz ad sp create-for-rbac --name x --sdk-auth\n' });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    const ci001 = r.findings.filter((f) => f.ruleId === 'CI001');
    expect(ci001).toHaveLength(1);
    expect(ci001[0]!.location.range.start).toMatchObject({ line: 1 });
    const col = ci001[0]!.location.range.start.column;
    const noBom = tmp({ 'deploy.sh': 'az ad sp create-for-rbac --name x --sdk-auth\n' });
    const r2 = await lint({ paths: [noBom], root: noBom, noConfig: true });
    expect(r2.findings.filter((f) => f.ruleId === 'CI001')[0]!.location.range.start.column).toBe(col);
  });
});

describe('a symbolic link named as the path', () => {
  it('is followed: its files are linted (links met while walking are not)', async () => {
    const dir = tmp({ 'real/main.tf': 'resource "azurerm_container_registry" "a" {\n  admin_enabled = true\n}\n' });
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
    const r = await lint({ paths: [path.join(dir, 'link')], noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'ACR001')).toHaveLength(1);
    expect(r.notices).toEqual([]);
  });

  it('inside the scan root is followed, and its files are reported at their real place', async () => {
    const dir = tmp({ 'real/main.tf': 'resource "azurerm_container_registry" "a" {\n  admin_enabled = true\n}\n' });
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'infra'));
    const r = await lint({ paths: [path.join(dir, 'infra')], root: dir, noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'ACR001').map((f) => path.relative(dir, f.location.file))).toEqual([path.join('real', 'main.tf')]);
  });

  it('below a linked folder (a checkout reached through a link) keeps its paths as written', async () => {
    const dir = tmp({ 'disk/repo/main.tf': 'resource "azurerm_container_registry" "a" {\n  admin_enabled = true\n}\n' });
    fs.symlinkSync(path.join(dir, 'disk'), path.join(dir, 'via'));
    const repo = path.join(dir, 'via', 'repo');
    const r = await lint({ paths: [repo], root: repo, noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'ACR001').map((f) => f.location.file)).toEqual([path.join(repo, 'main.tf')]);
  });

  // A pull request turns `infra/` into a link to `/`, and CI runs `mlops-iac-lint infra`: the
  // files it leads to must not be read, nor their lines printed (DESIGN.md "Offline and safe").
  const outside = (): { root: string; elsewhere: string } => {
    const elsewhere = tmp({ 'secret.tf': 'variable "p" {\n  default = "Hunter2!Hunter2"\n}\n', 'deploy.sh': 'az ad sp create-for-rbac --sdk-auth\n' });
    const root = tmp({ 'ok.tf': 'terraform {}\n' });
    fs.symlinkSync(elsewhere, path.join(root, 'infra'));
    fs.symlinkSync(path.join(elsewhere, 'deploy.sh'), path.join(root, 'deploy.sh'));
    return { root, elsewhere };
  };

  it.each([['a folder', 'infra'], ['a file', 'deploy.sh'], ['a file below a linked folder', 'infra/secret.tf']])('out of the scan root, %s, is a usage error that says so', async (_, named) => {
    const { root, elsewhere } = outside();
    const error = await lint({ paths: [path.join(root, named)], root, noConfig: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(`a symbolic link to ${fs.realpathSync(path.join(elsewhere, path.basename(named) === 'infra' ? '' : path.basename(named)))}, outside the scan root ${fs.realpathSync(root)}`);
    expect((error as Error).message).toMatch(/never followed out of it \(name the real path to lint it\)$/);
  });

  it('a --var-file outside the scan root (no link involved) is a usage error that says so', async () => {
    const { root, elsewhere } = outside();
    fs.writeFileSync(path.join(elsewhere, 'prod.tfvars'), 'x = 1\n');
    const error = await lint({ paths: [root], root, noConfig: true, varFiles: [path.join(elsewhere, 'prod.tfvars')] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/prod\.tfvars: outside the scan root .*; nothing outside it is read/);
    expect((error as Error).message).not.toContain('symbolic link');
  });

  it('out of the scan root in a pre-commit run (--no-error-on-unmatched-pattern) is skipped with a notice; the other files are linted', async () => {
    const { root } = outside();
    fs.writeFileSync(path.join(root, 'acr.tf'), 'resource "azurerm_container_registry" "a" {\n  admin_enabled = true\n}\n');
    const files = [path.join(root, 'deploy.sh'), path.join(root, 'acr.tf')];
    const r = await lint({ paths: files, onlyFiles: files, root, noConfig: true, errorOnUnmatchedFile: false });
    expect(r.findings.map((f) => `${f.ruleId} ${path.basename(f.location.file)}`)).toEqual(['ACR001 acr.tf']);
    expect(r.notices).toEqual([expect.stringMatching(/deploy\.sh is not linted: a symbolic link to .*deploy\.sh, outside the scan root .* \(links are never followed out of it\)$/)]);
  });
});

describe('an unreadable folder', () => {
  // As root every folder is readable, so this runs only for other users (CI runs as root;
  // test/discover/gitignore.test.ts covers the walker's side with a reader that refuses).
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('is a PARSE001 notification, not a silent skip', async () => {
    const dir = tmp({ 'ok/main.tf': 'resource "azurerm_container_registry" "a" {\n  admin_enabled = true\n}\n', 'locked/x.tf': 'x = 1\n' });
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    try {
      const r = await lint({ paths: [dir], root: dir, noConfig: true });
      expect(r.findings.filter((f) => f.ruleId === 'ACR001')).toHaveLength(1);
      expect(r.findings.some((f) => f.ruleId === 'PARSE001' && f.location.file === path.join(dir, 'locked') && /cannot list the folder \(permission denied \(EACCES\)\)/.test(f.message))).toBe(true);
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });
});
