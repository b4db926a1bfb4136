/**
 * Units of work (issue 15): the output of a run is the same bytes whether units come from a
 * cold run or a warm `--cache`, and the union of `--shard K/N` runs is the single run. Real
 * input (a part of the corpus with Terraform modules, ARM, Bicep and CI files) where present;
 * a small tree of our own for what a change to a file must do. No timing anywhere.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, prepareRun, type LintOptions } from '../../src/api.js';
import { allReports, currentStamp, readCache, settle, stampOf, tempDirs, writeCache } from '../support/cache-runs.js';
import { parseShard, shardOf } from '../../src/pipeline/shard.js';
import { placesOf, sparseText } from '../../src/pipeline/unit.js';
import type { Location } from '../../src/core/source.js';
import type { LintResult } from '../../src/engine/result.js';
import type { ClassifiedFile, FrontEnd } from '../../src/frontends/types.js';
import { CORPUS_FOUND } from '../support/fixtures.js';

// The corpus beside the checkout; a git worktree one level deeper finds it too.
const corpus = CORPUS_FOUND;
const PARTS = ['Azure__mlops-v2-gha-demo', 'Azure__terraform-azurerm-aks', 'Azure-Samples__azure-ml-federated-learning', 'Azure-Samples__mlops-enterprise-template'];

const tempDir = tempDirs('mil-units-');
const reports = allReports;

/** Plants `PLANTED` in the cache file in place of each finding message `message`: it comes back only from the cache. */
function plant(cacheLocation: string, message: string): void {
  const c = readCache(cacheLocation);
  const planted = Object.values(c.entries).flatMap((e) => e.result!.findings.filter((f) => f.message === message));
  expect(planted.length).toBeGreaterThan(0);
  for (const f of planted) f.message = 'PLANTED';
  writeCache(cacheLocation, c);
}

/** A finding as a line: what must be equal between a single run and the union of shards. */
function findingLines(r: LintResult): string[] {
  return r.findings.map((f) => JSON.stringify([f.ruleId, f.location, f.level, f.message, f.fingerprint, f.variants, f.suppression ?? null, f.evidence ?? null])).sort();
}

describe('--shard: problems of the run itself', () => {
  it('a policy definition file that does not parse is reported by one shard of N, not by each (audit 54)', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'gov'));
    fs.writeFileSync(path.join(dir, 'gov/broken.json'), '{\n  "policyRule": {\n    "if": { "field": "type" "equals": "x" }\n  }\n}\n');
    fs.writeFileSync(path.join(dir, '.mlops-iac-lint.json'), JSON.stringify({ policies: { definitions: ['gov/**/*.json'] } }));
    for (const n of ['a', 'b', 'c', 'd']) fs.writeFileSync(path.join(dir, `${n}.tf`), `resource "azurerm_container_registry" "${n}" {\n  name          = "${n}"\n  admin_enabled = true\n}\n`);
    const single = await lint({ paths: [dir], root: dir, today: '2026-12-01' });
    const shards = await Promise.all([1, 2, 3].map((index) => lint({ paths: [dir], root: dir, today: '2026-12-01', shard: { index, count: 3 } })));
    const parse = (r: LintResult): string[] => r.findings.filter((f) => f.ruleId === 'PARSE001').map((f) => path.relative(dir, f.location.file));
    expect(parse(single)).toEqual(['gov/broken.json']);
    expect(shards.flatMap(parse)).toEqual(['gov/broken.json']);
    expect([...new Set(shards.flatMap(findingLines))].sort()).toEqual(findingLines(single));
  });
});

describe.skipIf(!corpus)('units of work on real files', () => {
  const base = (): LintOptions => ({ paths: PARTS.map((p) => path.join(corpus!, p)), root: corpus!, noConfig: true, today: '2026-12-01' });

  it('a warm --cache gives the same bytes as no cache and as the cold run; a corrupt cache is ignored with one warning', async () => {
    const dir = tempDir();
    const cacheLocation = path.join(dir, 'cache');
    const plain = await lint(base());
    const cold = await lint({ ...base(), cache: true, cacheLocation });
    expect(fs.existsSync(cacheLocation)).toBe(true);
    const warm = await lint({ ...base(), cache: true, cacheLocation });
    expect(plain.findings.length).toBeGreaterThan(20);
    expect(reports(cold, corpus!)).toBe(reports(plain, corpus!));
    expect(reports(warm, corpus!)).toBe(reports(plain, corpus!));
    expect(warm.notices).toEqual(plain.notices);

    fs.writeFileSync(cacheLocation, '{"tool":"mlops-iac-lint","format":1,"version":"0.1.0","entries":{"x":');
    const afterCorrupt = await lint({ ...base(), cache: true, cacheLocation });
    expect(afterCorrupt.notices.filter((n) => /cache/.test(n))).toHaveLength(1);
    expect(afterCorrupt.notices.find((n) => /cache/.test(n))).toMatch(/not valid JSON.*ignored and rewritten/);
    expect(reports(afterCorrupt, corpus!)).toBe(reports(plain, corpus!));
    // Rewritten: the next run reads it without a word.
    expect(Object.keys(readCache(cacheLocation).entries).length).toBeGreaterThan(0);
    const again = await lint({ ...base(), cache: true, cacheLocation });
    expect(again.notices.some((n) => /cache/.test(n))).toBe(false);
  });

  it('the union of --shard 1/3, 2/3 and 3/3 is the single run, and each unit is in one shard only', async () => {
    const single = await lint(base());
    const shards = await Promise.all([1, 2, 3].map((index) => lint({ ...base(), shard: { index, count: 3 } })));
    const union = new Set(shards.flatMap(findingLines));
    const total = shards.reduce((n, s) => n + s.findings.length, 0);
    expect([...union].sort()).toEqual(findingLines(single));
    // Disjoint: no finding made twice across shards.
    expect(total).toBe(single.findings.length);
    // Every shard has work here (a partition, not one shard taking all).
    for (const s of shards) expect(s.findings.length).toBeGreaterThan(0);
  });

  it('a Terraform root module and the local module it calls are one unit: the module is not evaluated as a root of its own', async () => {
    const demo = path.join(corpus!, 'Azure__mlops-v2-gha-demo');
    const whole = await lint({ paths: [demo], root: corpus!, noConfig: true, today: '2026-12-01' });
    const sharded = await Promise.all([1, 2].map((index) => lint({ paths: [demo], root: corpus!, noConfig: true, today: '2026-12-01', shard: { index, count: 2 } })));
    const union = [...new Set(sharded.flatMap(findingLines))].sort();
    expect(union).toEqual(findingLines(whole));
  });
});

describe('cache and units on a small tree', () => {
  function tree(): string {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'infra/modules/st'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'infra/main.tf'),
      'provider "azurerm" {\n  features {}\n}\n\nmodule "st" {\n  source = "./modules/st"\n  public = true\n}\n',
    );
    fs.writeFileSync(
      path.join(root, 'infra/modules/st/main.tf'),
      'variable "public" {\n  type = bool\n}\n\nresource "azurerm_storage_account" "st" {\n  name                          = "st"\n  resource_group_name           = "rg"\n  location                      = "westeurope"\n  account_tier                  = "Standard"\n  account_replication_type      = "LRS"\n  allow_nested_items_to_be_public = var.public\n}\n',
    );
    return root;
  }
  const opts = (root: string, extra: Partial<LintOptions> = {}): LintOptions => ({ paths: [path.join(root, 'infra')], root, noConfig: true, today: '2026-12-01', ...extra });

  const st001 = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'ST001' && f.location.file.endsWith(path.join('infra', 'main.tf')) && f.location.range.start.line === 7);

  it('re-lints a unit whose file changed', async () => {
    const root = tree();
    const cacheLocation = path.join(root, '.cache/');
    const first = await lint(opts(root, { cache: true, cacheLocation }));
    expect(st001(first)).toHaveLength(1);
    expect(fs.existsSync(path.join(root, '.cache', '.mlops-iac-lint-cache'))).toBe(true);
    // The caller changes the module's input: the finding goes.
    fs.writeFileSync(path.join(root, 'infra/main.tf'), fs.readFileSync(path.join(root, 'infra/main.tf'), 'utf8').replace('public = true', 'public = false'));
    const second = await lint(opts(root, { cache: true, cacheLocation }));
    expect(st001(second)).toEqual([]);
    expect(reports(second, root)).toBe(reports(await lint(opts(root)), root));
  });

  it('re-lints a unit when a file it read outside the scanned paths changed (a called module folder)', async () => {
    const root = tree();
    const cacheLocation = path.join(root, 'c');
    // The pre-commit case: one file named, its folder linted; the module folder is read through the Host.
    const only = (): LintOptions => ({ paths: [path.join(root, 'infra/main.tf')], onlyFiles: [path.join(root, 'infra/main.tf')], root, noConfig: true, today: '2026-12-01', cache: true, cacheLocation });
    expect(st001(await lint(only()))).toHaveLength(1);
    const mod = path.join(root, 'infra/modules/st/main.tf');
    fs.writeFileSync(mod, fs.readFileSync(mod, 'utf8').replace('= var.public', '= false'));
    expect(st001(await lint(only()))).toEqual([]);
  });

  it('leaves the cache file alone when the run changed nothing, and rewrites it when a unit was linted again', async () => {
    const root = tree();
    const cacheLocation = path.join(root, 'c.json');
    await lint(opts(root, { cache: true, cacheLocation }));
    const stamp = stampOf(cacheLocation);
    const warm = await lint(opts(root, { cache: true, cacheLocation }));
    expect(currentStamp(cacheLocation)).toBe(stamp);
    expect(reports(warm, root)).toBe(reports(await lint(opts(root)), root));
    fs.writeFileSync(path.join(root, 'infra/main.tf'), fs.readFileSync(path.join(root, 'infra/main.tf'), 'utf8').replace('public = true', 'public = false'));
    await lint(opts(root, { cache: true, cacheLocation }));
    expect(currentStamp(cacheLocation)).not.toBe(stamp);
  });

  it('rewrites the cache file when a unit left the run, though every other came from it', async () => {
    const root = tree();
    // Two folders down: the file goes, its folders stay, and the other unit's reads (its own folder's listing) still hold.
    fs.mkdirSync(path.join(root, 'infra/other/rg'), { recursive: true });
    fs.writeFileSync(path.join(root, 'infra/other/rg/main.tf'), 'resource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n}\n');
    const cacheLocation = path.join(root, 'c.json');
    await lint(opts(root, { cache: true, cacheLocation }));
    expect(Object.keys(readCache(cacheLocation).entries)).toHaveLength(2);
    const stamp = stampOf(cacheLocation);
    fs.rmSync(path.join(root, 'infra/other/rg/main.tf'));
    await lint(opts(root, { cache: true, cacheLocation }));
    expect(currentStamp(cacheLocation)).not.toBe(stamp);
    expect(Object.keys(readCache(cacheLocation).entries)).toHaveLength(1);
  });

  it('a run that decides only some units (one staged file, one shard) keeps the entries of the others while their files exist', async () => {
    const root = tree();
    fs.mkdirSync(path.join(root, 'infra/other/rg'), { recursive: true });
    const rg = path.join(root, 'infra/other/rg/main.tf');
    fs.writeFileSync(rg, 'resource "azurerm_key_vault" "kv" {\n  name                     = "kv"\n  purge_protection_enabled = false\n}\n');
    const cacheLocation = path.join(root, 'c.json');
    const units = (): string[] => Object.values(readCache(cacheLocation).entries).map((e) => e.unit).sort();
    const inRg = (r: LintResult) => r.findings.filter((f) => f.location.file === rg);
    const main = path.join(root, 'infra/main.tf');
    const staged = (file: string): Promise<LintResult> => lint({ paths: [file], onlyFiles: [file], root, noConfig: true, today: '2026-12-01', cache: true, cacheLocation });
    await lint(opts(root, { cache: true, cacheLocation }));
    expect(units()).toHaveLength(2);
    // The pre-commit case: a commit stages the rg file (a named file is a unit of its own key)…
    const message = inRg(await staged(rg))[0]!.message;
    // …its entry's message is planted: it comes back only from the cache…
    plant(cacheLocation, message);
    // …the next commit stages infra/main.tf: its unit alone is decided, the rg unit's entry stays…
    await staged(main);
    expect(units()).toHaveLength(2);
    // …and the one after stages the rg file again.
    expect(inRg(await staged(rg)).map((f) => f.message)).toContain('PLANTED');
    // A shard keeps the other shards' entries too.
    for (const index of [1, 2]) await lint(opts(root, { cache: true, cacheLocation, shard: { index, count: 2 } }));
    expect(units()).toHaveLength(2);
    // A unit whose file is gone is not kept by a run that did not plan it.
    fs.rmSync(rg);
    await staged(main);
    expect(units()).toHaveLength(1);
  });

  it('never writes the cache over a file that is not a cache (a scanned main.tf given as --cache-location)', async () => {
    const root = tree();
    const cacheLocation = path.join(root, 'not-a-cache.tf');
    fs.writeFileSync(cacheLocation, 'resource "azurerm_key_vault" "kv" {\n  name = "kv"\n}\n');
    const before = fs.readFileSync(cacheLocation, 'utf8');
    const r = await lint(opts(root, { cache: true, cacheLocation }));
    expect(fs.readFileSync(cacheLocation, 'utf8')).toBe(before);
    expect(r.notices).toEqual([expect.stringMatching(/^the cache location .*not-a-cache\.tf is a file of a format mlops-iac-lint reads, not a cache: it is neither read nor written \(choose another --cache-location\)$/)]);
  });

  it('uses a cached entry while its reads hold (the planted message comes back), and a foreign cache is not trusted', async () => {
    const root = tree();
    const cacheLocation = path.join(root, 'c.json');
    const first = await lint(opts(root, { cache: true, cacheLocation }));
    expect(first.findings.length).toBeGreaterThan(0);
    plant(cacheLocation, first.findings[0]!.message);
    const served = await lint(opts(root, { cache: true, cacheLocation }));
    expect(served.findings.some((f) => f.message === 'PLANTED')).toBe(true);
    // Not ours: ignored with one line, never read.
    fs.writeFileSync(cacheLocation, JSON.stringify({ tool: 'eslint', entries: readCache(cacheLocation).entries }));
    const foreign = await lint(opts(root, { cache: true, cacheLocation }));
    expect(foreign.findings.some((f) => f.message === 'PLANTED')).toBe(false);
    expect(foreign.notices).toEqual([expect.stringMatching(/^the cache .*c\.json is not a mlops-iac-lint cache; it is ignored and rewritten$/)]);
  });

  it('planning asks the cache whether a compiled twin\'s Bicep source parses, by the file as it is (an unchanged tree is not read or parsed again)', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'infra'));
    const kv = "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: {\n      family: 'A'\n      name: 'standard'\n    }\n    enablePurgeProtection: false\n  }\n}\n";
    fs.writeFileSync(path.join(root, 'infra/main.bicep'), kv);
    const twinResource = { type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv', location: 'westeurope', properties: { tenantId: '[subscription().tenantId]', sku: { family: 'A', name: 'standard' }, enablePurgeProtection: false } };
    fs.writeFileSync(
      path.join(root, 'infra/main.json'),
      JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', metadata: { _generator: { name: 'bicep', version: '0.30.23.60470' } }, resources: [twinResource] }, null, 2),
    );
    await settle();
    const cacheLocation = path.join(root, 'c.json');
    // Files written just now are recognized by their signature too (the default waits 2 s).
    const cached = (): LintOptions => opts(root, { cache: true, cacheLocation, cacheFreshMs: 0 });
    const inFile = (r: LintResult, ext: string) => r.findings.filter((f) => f.location.file.endsWith(ext));
    const cold = await lint(cached());
    // The source is linted in the twin's place.
    expect(inFile(cold, '.bicep').length).toBeGreaterThan(0);
    expect(inFile(cold, '.json')).toEqual([]);
    const source = path.join(root, 'infra/main.bicep');
    const twin = path.join(root, 'infra/main.json');
    const factsOf = (file: string): Record<string, unknown> => readCache(cacheLocation).files[file]![2];
    // What planning asked: the twin's classification, generator and links (relativePath, built on its own URL), the source's references and parse.
    expect(factsOf(source)).toEqual({ 'bicep-references-3': [], 'bicep-parses': true });
    expect(Object.entries(factsOf(twin)).map(([name, answer]) => [name.replace(/:.*/, ''), answer])).toEqual([
      ['classify', ['arm', 'arm']],
      ['bicep-generated', true],
      ['arm-links-4', { relative: [], ownFolder: [], template: '' }],
    ]);
    // Warm: the same bytes, and the file left alone (the same entries and the same facts).
    const stamp = stampOf(cacheLocation);
    expect(reports(await lint(cached()), root)).toBe(reports(cold, root));
    expect(currentStamp(cacheLocation)).toBe(stamp);
    // The recorded answer is what planning goes by: planted `false`, the twin is linted as a template of its own.
    const planted = readCache(cacheLocation);
    planted.files[source]![2]['bicep-parses'] = false;
    writeCache(cacheLocation, planted);
    expect(inFile(await lint(cached()), '.json').length).toBeGreaterThan(0);
    // An answer of the wrong shape is never taken: asked afresh, and the file rewritten with the right one.
    planted.files[source]![2]['bicep-parses'] = 'yes';
    writeCache(cacheLocation, planted);
    expect(reports(await lint(cached()), root)).toBe(reports(cold, root));
    expect(factsOf(source)['bicep-parses']).toBe(true);
    // The source changes (it no longer parses): its signature changes, so the recorded answer is not used.
    fs.writeFileSync(source, `${kv}}\n`);
    await settle();
    const broken = await lint(cached());
    expect(broken.notifications.some((n) => n.ruleId === 'PARSE001' && n.location.file.endsWith('main.bicep'))).toBe(true);
    expect(inFile(broken, '.json').length).toBeGreaterThan(0);
    expect(reports(broken, root)).toBe(reports(await lint(opts(root)), root));
  });

  it('knows an unchanged file by its signature without reading it, reads a changed one, and records no signature of a file changed just now', async () => {
    const root = tree();
    await settle();
    const cacheLocation = path.join(root, 'c.json');
    const cached = (freshMs?: number): LintOptions => opts(root, { cache: true, cacheLocation, ...(freshMs === undefined ? {} : { cacheFreshMs: freshMs }) });
    const cold = await lint(cached(0));
    expect(st001(cold)).toHaveLength(1);
    const caller = path.join(root, 'infra/main.tf');
    const files = (): Record<string, [string, string, Record<string, unknown>] | undefined> => readCache(cacheLocation).files;
    // Each file the unit read, with its signature, its text's hash and what planning asked of it.
    expect(Object.keys(files()).sort()).toEqual([caller, path.join(root, 'infra/modules/st/main.tf')]);
    expect(files()[caller]![0]).toMatch(/^\d+:\d+:\d+:[\d.]+:[\d.]+$/);
    expect(files()[caller]![2]).toEqual({ 'tf-planning-7': { sources: ['./modules/st'], yaml: false, data: [], k8s: false, aks: false } });
    // The recorded hash is what the check goes by while the signature holds: a planted one makes
    // the unit's read of the caller look changed, so the unit is linted again (and the right hash kept).
    const planted = readCache(cacheLocation);
    const [sig, hash] = planted.files[caller]!;
    planted.files[caller]![1] = 'not-the-hash';
    // The unit's result is planted too: kept only if the unit came from the cache.
    for (const e of Object.values(planted.entries)) for (const f of e.result!.findings) f.message = 'PLANTED';
    writeCache(cacheLocation, planted);
    const relinted = await lint(cached(0));
    expect(relinted.findings.some((f) => f.message === 'PLANTED')).toBe(false);
    expect(reports(relinted, root)).toBe(reports(cold, root));
    expect(files()[caller]!.slice(0, 2)).toEqual([sig, hash]);
    // With the right hash and a planted result, the result comes back: the file was not read to check it.
    const planted2 = readCache(cacheLocation);
    for (const e of Object.values(planted2.entries)) for (const f of e.result!.findings) f.message = 'PLANTED';
    writeCache(cacheLocation, planted2);
    expect((await lint(cached(0))).findings.some((f) => f.message === 'PLANTED')).toBe(true);
    // A change of the same size: a new signature, so the file is read and the unit linted again.
    fs.writeFileSync(caller, fs.readFileSync(caller, 'utf8').replace('public = true', 'public = 1==1'));
    const changed = await lint(cached(0));
    expect(changed.findings.some((f) => f.message === 'PLANTED')).toBe(false);
    expect(files()[caller]![0]).not.toBe(sig);
    expect(files()[caller]![1]).not.toBe(hash);
    // By default a file changed in the last two seconds (here: both) has no signature: read and
    // hashed on every run, never recorded.
    fs.writeFileSync(caller, fs.readFileSync(caller, 'utf8').replace('public = 1==1', 'public = true'));
    expect(reports(await lint(cached()), root)).toBe(reports(cold, root));
    expect(files()).toEqual({});
  });

  it('writes the cache file as ASCII (non-ASCII text escaped); one edited by hand no longer matches its checksum and is rewritten', async () => {
    const root = tree();
    const caller = path.join(root, 'infra/main.tf');
    // A line beside the finding, kept for its code frame: non-ASCII text in the cache.
    fs.writeFileSync(caller, fs.readFileSync(caller, 'utf8').replace('public = true', 'public = true # öffentlich — “public”'));
    const cacheLocation = path.join(root, 'c.json');
    const cold = await lint(opts(root, { cache: true, cacheLocation }));
    expect(st001(cold)).toHaveLength(1);
    const bytes = fs.readFileSync(cacheLocation);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(bytes.toString('latin1')).toContain('\\u201c');
    expect(reports(await lint(opts(root, { cache: true, cacheLocation })), root)).toBe(reports(cold, root));
    // The characters as UTF-8 (an editor's save): other bytes than those the checksum was made
    // of, so the file is ignored with one warning (the same output), and written again as ASCII.
    fs.writeFileSync(cacheLocation, bytes.toString('latin1').replace(/\\u([0-9a-f]{4})/g, (m, h: string) => (parseInt(h, 16) >= 0x80 ? String.fromCharCode(parseInt(h, 16)) : m)));
    expect(fs.readFileSync(cacheLocation).some((b) => b >= 0x80)).toBe(true);
    const edited = await lint(opts(root, { cache: true, cacheLocation }));
    expect(edited.notices.filter((n) => /cache/.test(n))).toEqual([expect.stringMatching(/does not match its checksum \(corrupt\); it is ignored and rewritten$/)]);
    expect(reports(edited, root)).toBe(reports(cold, root));
    expect(fs.readFileSync(cacheLocation).every((b) => b < 0x80)).toBe(true);
    // Written again by another program, UTF-8 and its checksum with it: read as UTF-8, the same output.
    writeCache(cacheLocation, readCache(cacheLocation));
    const signed = fs.readFileSync(cacheLocation, 'latin1');
    const head = signed.slice(0, signed.indexOf('\n') + 1);
    const body = Buffer.from(signed.slice(head.length).replace(/\\u([0-9a-f]{4})/g, (m, h: string) => (parseInt(h, 16) >= 0x80 ? String.fromCharCode(parseInt(h, 16)) : m)), 'utf8');
    fs.writeFileSync(cacheLocation, Buffer.concat([Buffer.from(head.replace(/"sha256":"[^"]*"/, `"sha256":"${createHash('sha256').update(body).digest('base64url')}"`)), body]));
    const utf8 = await lint(opts(root, { cache: true, cacheLocation }));
    expect(utf8.notices.filter((n) => /cache/.test(n))).toEqual([]);
    expect(reports(utf8, root)).toBe(reports(cold, root));
  });

  it('code frames keep the lines around each finding, not the whole file', async () => {
    const root = tree();
    const r = await lint(opts(root));
    const f = st001(r)[0]!;
    const lines = r.sources.get(f.location.file)!.split('\n');
    // The lines of the file (no empty "line" after the final line break).
    const original = fs.readFileSync(f.location.file, 'utf8').replace(/\n$/, '').split('\n');
    const at = f.location.range.start.line;
    for (let n = Math.max(1, at - 3); n <= Math.min(original.length, at + 3); n++) expect(lines[n - 1]).toBe(original[n - 1]);
    expect(sparseText([[3, 'c'], [1, 'a']])).toBe('a\n\nc');
  });
});

describe('code frames at the end of a file', () => {
  /** A location at the start of a line of file `f` (placesOf reads only its file and line here). */
  const at = (line: number): Location => ({ file: 'f', range: { start: { line, column: 1, offset: 0 }, end: { line, column: 2, offset: 1 } } });
  it('show no empty line after the final line break as context', () => {
    expect(placesOf([at(2)], () => 'a\nb\n').frames).toEqual({ f: [[1, 'a'], [2, 'b']] });
    expect(placesOf([at(1)], () => 'a\n').frames).toEqual({ f: [[1, 'a']] });
  });
  it('show it where a location starts there (a parser that stops at the end of the file)', () => {
    expect(placesOf([at(2)], () => 'a\n').frames).toEqual({ f: [[1, 'a'], [2, '']] });
  });
  it('keep an empty last line that the file really has (two line breaks at the end)', () => {
    expect(placesOf([at(1)], () => 'a\n\n').frames).toEqual({ f: [[1, 'a'], [2, '']] });
  });
});

describe('Bicep units', () => {
  it('a module written without a blank before its path (module rg\'../rg.bicep\') joins its caller\'s unit, so one shard reports the module\'s findings', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'rg/samples'), { recursive: true });
    // The module reads a file that is not there (EVAL001 in rg.bicep), evaluated by each caller.
    fs.writeFileSync(path.join(root, 'rg/rg.bicep'), "param name string\nmodule cua '../missing/cua.bicep' = {\n  name: 'cua-${name}'\n}\n");
    fs.writeFileSync(path.join(root, 'rg/samples/min.bicep'), "module min_rg'../rg.bicep' = {\n  name: 'min'\n  params: {\n    name: 'a'\n  }\n}\n");
    fs.writeFileSync(path.join(root, 'rg/samples/max.bicep'), "module max_rg '../rg.bicep' = {\n  name: 'max'\n  params: {\n    name: 'b'\n  }\n}\n");
    const run = await prepareRun({ paths: [root], root, noConfig: true, today: '2026-12-01' });
    const bicep = run.units.filter((u) => u.frontEnd.name === 'bicep').map((u) => u.files.map((f) => path.relative(root, f.path).split(path.sep).join('/')).sort());
    expect(bicep).toEqual([['rg/rg.bicep', 'rg/samples/max.bicep', 'rg/samples/min.bicep']]);
  });

  it('files that import the exported variables of one file are one unit with it (a problem placed in it is made once, in one shard)', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'shared'), { recursive: true });
    fs.mkdirSync(path.join(root, 'a'), { recursive: true });
    fs.mkdirSync(path.join(root, 'b'), { recursive: true });
    // A missing file read by an exported variable: EVAL001 in shared/config.bicep, from each importer.
    fs.writeFileSync(path.join(root, 'shared/config.bicep'), "@export()\nvar poolSize = loadTextContent('./size.txt')\n");
    fs.writeFileSync(path.join(root, 'a/main.bicep'), "import { poolSize } from '../shared/config.bicep'\noutput size string = poolSize\n");
    fs.writeFileSync(path.join(root, 'b/main.bicep'), "import * as cfg from '../shared/config.bicep'\noutput size string = cfg.poolSize\n");
    const run = await prepareRun({ paths: [root], root, noConfig: true, today: '2026-12-01' });
    const bicep = run.units.filter((u) => u.frontEnd.name === 'bicep').map((u) => u.files.map((f) => path.relative(root, f.path).split(path.sep).join('/')).sort());
    expect(bicep).toEqual([['a/main.bicep', 'b/main.bicep', 'shared/config.bicep']]);
  });
});

describe('--shard', () => {
  it('parses K/N and refuses the rest', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toMatch(/between 1 and N/);
    expect(parseShard('5/4')).toMatch(/between 1 and N/);
    expect(parseShard('1/0')).toBe('--shard 1/0: N, the number of shards, must be 1 or more');
    expect(parseShard('2')).toMatch(/K\/N/);
  });
  it('puts a unit in the same shard whatever else is in the run (the key alone decides)', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `terraform:dir${i}/main.tf`);
    const before = keys.map((k) => shardOf(k, 4));
    expect(keys.map((k) => shardOf(k, 4))).toEqual(before);
    // All four shards get units.
    expect(new Set(before).size).toBe(4);
  });
});

describe('FrontEnd.units is optional (front ends written before units keep working)', () => {
  function dirWith(files: Record<string, string>): string {
    const d = tempDir();
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(d, name)), { recursive: true });
      fs.writeFileSync(path.join(d, name), text);
    }
    return d;
  }
  const files = { 'a/one.odd': 'x\n', 'b/two.odd': 'y\n', 'b/three.odd': 'z\n' };

  it('a front end without units is one unit: run is called once with all its files', async () => {
    const calls: string[][] = [];
    const plain: FrontEnd = {
      name: 'odd',
      family: 'terraform',
      byName: (f) => (f.endsWith('.odd') ? 'other' : undefined),
      run(fs_) {
        calls.push(fs_.map((f) => path.basename(f.path)).sort());
        return { units: [], problems: [], suppressionSources: [] };
      },
    };
    const d = dirWith(files);
    const r = await lint({ paths: [d], root: d, noConfig: true, frontEnds: [plain] });
    expect(calls).toEqual([['one.odd', 'three.odd', 'two.odd']]);
    expect(r.files).toEqual(['a/one.odd', 'b/three.odd', 'b/two.odd']);
  });

  it('a front end with units gets one run per unit; a units() that throws falls back to one unit with an EVAL001', async () => {
    const calls: string[][] = [];
    const byFolder: FrontEnd = {
      name: 'odd',
      family: 'terraform',
      byName: (f) => (f.endsWith('.odd') ? 'other' : undefined),
      units: (fs_) => {
        const m = new Map<string, ClassifiedFile[]>();
        for (const f of fs_) m.set(path.dirname(f.path), [...(m.get(path.dirname(f.path)) ?? []), f]);
        return [...m.values()];
      },
      run(fs_) {
        calls.push(fs_.map((f) => path.basename(f.path)).sort());
        return { units: [], problems: [], suppressionSources: [] };
      },
    };
    const d = dirWith(files);
    await lint({ paths: [d], root: d, noConfig: true, frontEnds: [byFolder] });
    expect(calls.sort()).toEqual([['one.odd'], ['three.odd', 'two.odd']]);

    calls.length = 0;
    const broken: FrontEnd = { ...byFolder, units: () => { throw new Error('bug'); } };
    const r = await lint({ paths: [d], root: d, noConfig: true, frontEnds: [broken] });
    expect(calls).toEqual([['one.odd', 'three.odd', 'two.odd']]);
    expect(r.notifications.map((n) => n.message)).toEqual([expect.stringMatching(/Internal error while evaluating the odd files \(Error: bug\)/)]);
  });
});
