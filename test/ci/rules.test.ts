/**
 * CI001–CI005 over their fixtures: each registered rule runs through the engine over the
 * file's CI model; bad fixtures give exactly the expected findings (rule, file, line,
 * column, end, level, the text under the range), good fixtures give none.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Rule } from '../../src/engine/types.js';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';
import type { CiKind } from '../../src/parse/yaml/ci.js';
import { CI_RULES, FIXTURES, at, buildCiModel, parseFile, runRule } from './helpers.js';

const RULES: Rule[] = CI_RULES;
const KIND: Record<string, CiKind> = { 'github-actions': 'github-workflow', 'azure-pipelines': 'azure-pipeline', script: 'script' };

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

/** `file line:col-endLine:endCol level «text under the range»` for each finding of `rule` in `file`. */
function findings(rule: Rule, file: string): string[] {
  const format = relative(join(FIXTURES, rule.meta.id), file).split('/')[0]!;
  const doc = parseFile(file, FIXTURES, KIND[format]);
  expect(doc.errors).toEqual([]);
  return runRule(rule, buildCiModel(doc)).map((r) => {
    expect(r.location.file).toBe(file);
    expect(r.address).toBeTruthy();
    expect(r.messageId).toBeTruthy();
    expect(r.message).not.toContain('\n');
    const { start, end } = r.location.range;
    const under = start.line === end.line ? doc.text.slice(start.offset, end.offset) : `${doc.text.slice(start.offset, start.offset + 12)}…`;
    return `${relative(join(FIXTURES, rule.meta.id), file)} ${at(r)} ${r.level} «${under}»`;
  });
}

const EXPECTED: Record<string, string[]> = {
  CI001: [
    'azure-pipelines/bad/azure-pipelines.yml 12:11-12:21 error «--sdk-auth»',
    'azure-pipelines/bad/azure-pipelines.yml 13:57-13:68 error «--json-auth»',
    'azure-pipelines/bad/azure-pipelines.yml 17:28-17:38 error «--sdk-auth»',
    'azure-pipelines/bad/azure-pipelines.yml 21:60-21:70 error «--sdk-auth»',
    'github-actions/bad/create-sp.yml 11:77-11:87 error «--sdk-auth»',
    'github-actions/bad/create-sp.yml 17:13-17:24 error «--json-auth»',
    'github-actions/bad/create-sp.yml 21:57-21:67 note «--sdk-auth»',
    'github-actions/bad/create-sp.yml 25:30-25:40 error «--sdk-auth»',
    'github-actions/bad/create-sp.yml 31:13-31:23 error «--sdk-auth»',
    'script/bad/create-sp.ps1 4:3-4:14 error «--json-auth»',
    'script/bad/create-sp.sh 4:43-4:53 note «--sdk-auth»',
    'script/bad/create-sp.sh 7:3-7:13 error «--sdk-auth»',
    'script/bad/create-sp.sh 8:49-8:60 error «--json-auth»',
  ],
  CI002: [
    'github-actions/bad/aml-actions.yml 10:11-10:28 error «azure_credentials»',
    'github-actions/bad/aml-actions.yml 13:11-13:28 error «azure_credentials»',
    'github-actions/bad/creds.yml 9:11-9:16 error «creds»',
    'github-actions/bad/creds.yml 12:11-12:16 error «creds»',
    'github-actions/bad/creds.yml 16:17-16:22 error «creds»',
  ],
  CI003: [
    'github-actions/bad/job-overrides.yml 13:9-13:29 error «uses: azure/login@v2»',
    'github-actions/bad/no-permissions.yml 8:9-8:29 error «uses: azure/login@v2»',
    'github-actions/bad/workflow-level.yml 9:9-9:29 error «uses: Azure/login@v2»',
    'github-actions/bad/workflow-level.yml 18:9-18:29 error «uses: azure/login@v2»',
    'github-actions/bad/workflow-level.yml 27:9-27:29 error «uses: azure/login@v2»',
  ],
  CI004: [
    'github-actions/bad/unpinned.yml 7:15-7:36 warning «actions/checkout@main»',
    'github-actions/bad/unpinned.yml 8:15-8:33 warning «Azure/login@master»',
    'github-actions/bad/unpinned.yml 9:15-9:41 warning «someone/setup-thing@latest»',
    'github-actions/bad/unpinned.yml 10:16-10:39 warning «someone/other-thing@dev»',
    'github-actions/bad/unpinned.yml 11:15-11:29 warning «someone/no-ref»',
    'github-actions/bad/unpinned.yml 12:15-12:30 warning «docker://alpine»',
    'github-actions/bad/unpinned.yml 14:11-14:69 warning «Azure/mlops-templates/.github/workflows/read-yaml.yml@main»',
  ],
  CI005: [
    'azure-pipelines/bad/azure-pipelines.yml 14:27-14:32 warning «apply»',
    'azure-pipelines/bad/azure-pipelines.yml 16:25-16:30 warning «apply»',
    'github-actions/bad/apply.yml 7:24-7:29 warning «apply»',
    'github-actions/bad/apply.yml 8:37-8:42 warning «apply»',
    'github-actions/bad/apply.yml 10:33-10:38 warning «apply»',
    'github-actions/bad/apply.yml 14:21-14:26 warning «apply»',
    'script/bad/deploy.ps1 1:11-1:16 warning «apply»',
    'script/bad/deploy.sh 4:11-4:16 warning «apply»',
  ],
};

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  const all = files(join(FIXTURES, id));

  test('metadata', () => {
    expect(rule.meta.id).toBe(id);
    expect(rule.meta.docPath).toMatch(new RegExp(`^rules/ci/${id}-${rule.meta.name}\\.md$`));
    expect(statSync(join(FIXTURES, '..', rule.meta.docPath!)).isFile()).toBe(true);
    if (rule.meta.tags.includes('security')) expect(rule.meta.securitySeverity).toBeGreaterThan(0);
  });

  test('bad fixtures: exact findings', () => {
    const got = all.filter((f) => f.includes('/bad/')).flatMap((f) => findings(rule, f));
    expect(got.sort()).toEqual([...EXPECTED[id]!].sort());
  });

  test.each(all.filter((f) => f.includes('/good/')).map((f) => [relative(FIXTURES, f), f]))('good: %s is silent', (_rel, f) => {
    expect(findings(rule, f)).toEqual([]);
  });

  test('fingerprints: distinct within a file, unchanged when the file moves down a line', () => {
    for (const f of all.filter((x) => x.includes('/bad/'))) {
      const format = relative(join(FIXTURES, rule.meta.id), f).split('/')[0]!;
      const doc = parseFile(f, FIXTURES, KIND[format]);
      const moved = parseCiDocument(f, `\n${doc.text}`, doc.kind);
      const before = runRule(rule, buildCiModel(doc)).map((r) => r.fingerprint);
      const after = runRule(rule, buildCiModel(moved)).map((r) => r.fingerprint);
      expect(new Set(before).size, f).toBe(before.length);
      expect(after.sort(), f).toEqual(before.sort());
    }
  });

  test('bad fixtures of other rules do not trip it unexpectedly (every bad file has a finding)', () => {
    for (const f of all.filter((x) => x.includes('/bad/'))) expect(findings(rule, f).length).toBeGreaterThan(0);
  });
});
