/**
 * A name declared twice is refused by Terraform ("Duplicate variable declaration", across the
 * module's files too) and by Bicep (BCP028; outputs apart): a PARSE001 at the second
 * declaration, never a silent "last one wins" (review 74). Terraform evaluates the first
 * declaration; a Bicep file with one is not evaluated, as with any syntax error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-dup-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const ACR_TF = 'resource "azurerm_container_registry" "acr" {\n  name          = "acrx"\n  sku           = "Premium"\n  admin_enabled = var.acr_admin\n}\n';

async function problems(dir: string): Promise<string[]> {
  const r = await lint({ paths: [dir], root: dir, noConfig: true });
  return r.findings
    .filter((f) => f.ruleId === 'PARSE001' || f.ruleId === 'ACR001')
    .map((f) => `${path.relative(dir, f.location.file).split(path.sep).join('/')}:${f.location.range.start.line}:${f.location.range.start.column} ${f.ruleId} ${f.message}`);
}

describe('names declared twice', () => {
  it('Terraform: a variable declared in two files of one module is PARSE001 at the second; its value is unknown', async () => {
    const dir = tree({
      'main.tf': `variable "acr_admin" {\n  default = true\n}\n${ACR_TF}`,
      'variables.tf': 'variable "acr_admin" {\n  default = false\n}\n',
    });
    expect(await problems(dir)).toEqual([
      'variables.tf:1:1 PARSE001 Variable "acr_admin" is declared again (first at main.tf:1): Terraform refuses the module ("Duplicate variable declaration"); remove or rename one of them.',
    ]);
  });

  it('Terraform: resources, locals, outputs and module calls too; a module two roots call says it once', async () => {
    const dir = tree({
      'a/main.tf': 'terraform {\n  backend "azurerm" {}\n}\nmodule "m" {\n  source = "../m"\n}\n',
      'b/main.tf': 'terraform {\n  backend "azurerm" {}\n}\nmodule "m" {\n  source = "../m"\n}\n',
      'm/main.tf': 'locals {\n  x = 1\n}\nlocals {\n  x = 2\n}\noutput "o" {\n  value = 1\n}\noutput "o" {\n  value = 2\n}\nresource "azurerm_resource_group" "rg" {\n  name = "a"\n}\nresource "azurerm_resource_group" "rg" {\n  name = "b"\n}\n',
    });
    expect(await problems(dir)).toEqual([
      'm/main.tf:5:3 PARSE001 Local value "x" is declared again (first at m/main.tf:2): Terraform refuses the module ("Duplicate local value definition"); remove or rename one of them.',
      'm/main.tf:10:1 PARSE001 Output "o" is declared again (first at m/main.tf:7): Terraform refuses the module ("Duplicate output definition"); remove or rename one of them.',
      'm/main.tf:16:1 PARSE001 Resource "azurerm_resource_group.rg" is declared again (first at m/main.tf:13): Terraform refuses the module ("Duplicate resource configuration"); remove or rename one of them.',
    ]);
  });

  it('Terraform: what a twice-declared module call or resource gives is unknown (self-review 78)', async () => {
    const dir = tree({
      'main.tf': 'module "m" {\n  source = "./mod"\n  admin  = true\n}\nmodule "m" {\n  source = "./mod"\n  admin  = false\n}\nresource "azurerm_container_registry" "a" {\n  name          = "acra"\n  sku           = "Premium"\n  admin_enabled = module.m.admin\n}\nresource "azurerm_container_registry" "b" {\n  name          = "acrb"\n  sku           = "Premium"\n  admin_enabled = azurerm_container_registry.a.admin_enabled\n}\nresource "azurerm_container_registry" "a" {\n  name          = "acra2"\n  sku           = "Premium"\n  admin_enabled = false\n}\n',
      'mod/main.tf': 'variable "admin" {}\noutput "admin" {\n  value = var.admin\n}\n',
    });
    expect((await problems(dir)).map((p) => p.split(' PARSE001 ')[0])).toEqual(['main.tf:5:1', 'main.tf:19:1']);
  });

  it('Bicep and .bicepparam: an identifier declared twice is PARSE001 (BCP028) and the file is not evaluated; an output may share a param\'s name', async () => {
    const dir = tree({
      'main.bicep': "param acrAdmin bool = false\nparam acrAdmin bool = true\nparam location string = 'westeurope'\nresource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrx'\n  location: location\n  sku: { name: 'Premium' }\n  properties: { adminUserEnabled: acrAdmin }\n}\noutput location string = location\n",
      'prod.bicepparam': "using 'main.bicep'\nparam location = 'westeurope'\nparam location = 'northeurope'\n",
    });
    expect(await problems(dir)).toEqual([
      'main.bicep:2:7 PARSE001 Identifier "acrAdmin" is declared again (first on line 1): Bicep refuses the file (BCP028); remove or rename one of them.',
      'prod.bicepparam:3:7 PARSE001 Identifier "location" is declared again (first on line 2): Bicep refuses the file (BCP028); remove or rename one of them.',
    ]);
  });
});
