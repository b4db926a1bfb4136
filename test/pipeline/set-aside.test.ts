/**
 * The texts planning read are handed to the units (`HostOptions.setAsideChars`, issue 15): the
 * bound is shared by the threads that plan the run, so a run on one thread holds it whole.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/api.js';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('set-aside texts', () => {
  it('a run without worker threads holds the whole bound, whatever --concurrency asks: each file is read once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-set-aside-'));
    dirs.push(dir);
    // Two files of 1.2 M characters each: both fit the 16 M bound, but not its eighth (2 M).
    const big = `${'# padding padding padding padding padding padding padding padding padding padding\n'.repeat(14_500)}`;
    expect(big.length).toBeGreaterThan(1_100_000);
    const files = ['a/main.tf', 'b/main.tf'].map((f) => path.join(dir, f));
    for (const f of files) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, `${big}resource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n}\n`);
    }
    const reads = vi.spyOn(fs, 'readFileSync');
    // From the TypeScript sources there is no worker entry (src/pipeline/workers.ts): one thread.
    const result = await lint({ paths: [dir], root: dir, noConfig: true, concurrency: 8, today: '2026-12-01' });
    expect(result.files).toEqual(['a/main.tf', 'b/main.tf']);
    const opens = files.map((f) => reads.mock.calls.filter(([p]) => p === f).length);
    expect(opens).toEqual([1, 1]);
  });
});

describe('a read one caller refuses does not make the file unreadable for the others', () => {
  it('an ARM template over the cap of a Bicep loadFileAsBase64 (96 KB) is still linted by its own unit, with no PARSE001', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-capped-'));
    dirs.push(dir);
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      metadata: { description: 'x'.repeat(100_000) },
      resources: [{ type: 'Microsoft.MachineLearningServices/workspaces', apiVersion: '2024-04-01', name: 'mlw', location: 'westeurope', identity: { type: 'SystemAssigned' }, properties: { publicNetworkAccess: 'Enabled' } }],
    };
    fs.writeFileSync(path.join(dir, 'azuredeploy.json'), JSON.stringify(template, null, 2));
    const alone = await lint({ paths: [dir], root: dir, noConfig: true, today: '2026-12-01' });
    const found = (r: typeof alone): string[] => r.findings.map((f) => `${f.ruleId} ${path.basename(f.location.file)}`);
    expect(found(alone)).toEqual(['AML001 azuredeploy.json']);
    // The Bicep file's load is refused (EVAL001); the template is the same template. Without the
    // set-aside texts (or past their bound) its unit found the Bicep read's refusal and reported
    // "PARSE001 the file is larger than 98304 bytes; check the file permissions." instead.
    fs.writeFileSync(path.join(dir, 'main.bicep'), "var blob = loadFileAsBase64('azuredeploy.json')\noutput blob string = blob\n");
    const both = await lint({ paths: [dir], root: dir, noConfig: true, today: '2026-12-01' });
    expect(found(both)).toEqual(['AML001 azuredeploy.json', 'EVAL001 main.bicep']);
    expect(both.notifications.map((n) => `${n.ruleId} ${path.basename(n.location.file)}: ${n.message}`)).toEqual([
      "EVAL001 main.bicep: 'azuredeploy.json' is larger than Bicep's limit for loadfileasbase64; the value is unknown.",
    ]);
  });
});
