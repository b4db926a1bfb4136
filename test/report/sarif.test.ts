import { describe, expect, it } from 'vitest';
import type { Finding, RuleMeta } from '../../src/engine/types.js';
import { GITHUB_SARIF_LIMITS, buildSarif, defaultLevel, formatSarif } from '../../src/report/sarif.js';
import { formatResult } from '../../src/report/index.js';
import { sortFindings } from '../../src/report/common.js';
import { buildFinding } from '../../src/engine/findings.js';
import {
  F_AML001,
  F_AML004,
  F_CI004,
  F_GPU001,
  F_KV001_SUPPRESSED,
  MAIN_TF,
  N_PARSE001,
  PROD_TFVARS,
  ROOT,
  RULES,
  cleanResult,
  fullResult,
  loc,
  makeResult,
} from './fixtures.js';
import fs from 'node:fs';
import { SARIF_SCHEMA_PATH, SHARED_SARIF_SCHEMA_PATH, validateSarif } from './sarif-validate.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- walking the SARIF JSON */
const sarif = (r = fullResult()): any => JSON.parse(formatSarif(r));

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema for several results', () => {
    const weird: Finding[] = [
      { ...F_GPU001, message: '', location: loc('/repo/dir with space/#1 ü.tf', 1, 0, 0, 0) },
      { ...F_CI004, ruleId: 'XYZ999', location: loc('/elsewhere/outside.yml', 3, 4, 3, 4) },
      {
        ...F_KV001_SUPPRESSED,
        suppression: { kind: 'external', justification: 'baseline', location: loc(MAIN_TF, 1, 1, 1, 10) },
      },
    ];
    const results = [
      fullResult(),
      cleanResult(),
      makeResult(weird, { toolVersion: 'dev build' }),
      makeResult([F_AML001], { rules: [], notifications: [{ ...N_PARSE001, ruleId: 'EVAL001', level: 'warning' }] }),
    ];
    for (const r of results) expect(validateSarif(sarif(r))).toEqual([]);
  });

  it('the validator reports schema errors', () => {
    const bad = sarif();
    bad.runs[0].results[0].level = 'fatal';
    delete bad.runs[0].tool.driver.name;
    const errors = validateSarif(bad);
    expect(errors.some((e) => e.startsWith('/runs/0/tool/driver:') && e.includes('name'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/runs/0/results/0/level:'))).toBe(true);
  });

  it('has the log header, one run and the driver', () => {
    const doc = sarif();
    expect(doc.$schema).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    expect(doc.version).toBe('2.1.0');
    expect(doc.runs).toHaveLength(1);
    const { driver } = doc.runs[0].tool;
    expect(driver.name).toBe('mlops-iac-lint');
    expect(driver.version).toBe('0.1.0');
    expect(driver.semanticVersion).toBe('0.1.0');
    expect(driver.informationUri).toBe('https://github.com/mlops-iac-lint/mlops-iac-lint');
    expect(driver.rules.map((r: any) => r.id)).toEqual(['AML001', 'AML004', 'CI004', 'GPU001', 'KV001', 'PARSE001']);
    expect(doc.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(doc.runs[0].columnKind).toBe('utf16CodeUnits');
  });

  it('describes rules the way GitHub code scanning reads them', () => {
    const aml = sarif().runs[0].tool.driver.rules[0];
    expect(aml).toEqual({
      id: 'AML001',
      name: 'workspace-public-network-access',
      shortDescription: { text: 'Azure ML workspace reachable from the public internet.' },
      fullDescription: { text: 'A workspace with public network access accepts requests from anywhere.' },
      help: {
        text: 'Set `public_network_access_enabled = false` and reach the workspace through a private endpoint.',
        markdown:
          '**AML001 workspace-public-network-access**: Azure ML workspace reachable from the public internet.\n\n' +
          'A workspace with public network access accepts requests from anywhere.\n\n' +
          '**Fix:** Set `public_network_access_enabled = false` and reach the workspace through a private endpoint.\n\n' +
          '**Level by environment:** prod `error`, non-prod `note`, unknown `warning`.\n\n' +
          '[Rule documentation](https://github.com/mlops-iac-lint/mlops-iac-lint/blob/v0.1.0/rules/aml/AML001-workspace-public-network-access.md)',
      },
      helpUri: 'https://github.com/mlops-iac-lint/mlops-iac-lint/blob/v0.1.0/rules/aml/AML001-workspace-public-network-access.md',
      defaultConfiguration: { level: 'warning' },
      properties: {
        tags: ['security', 'network'],
        precision: 'high',
        'security-severity': '7.5',
        'problem.severity': 'warning',
        envLevels: { prod: 'error', nonprod: 'note', unknown: 'warning' },
      },
    });
    const ci = sarif().runs[0].tool.driver.rules[2];
    expect(ci.properties['security-severity']).toBe('5.0');
    expect(ci.defaultConfiguration).toEqual({ level: 'warning' });
    const gpu = sarif().runs[0].tool.driver.rules[3];
    expect(gpu.properties).not.toHaveProperty('security-severity');
    expect(gpu.properties['problem.severity']).toBe('error');
    const parse = sarif().runs[0].tool.driver.rules[5];
    expect(parse.name).toBe('parse-error');
    expect(parse.helpUri).toMatch(/rules\/core\/PARSE001-parse-error\.md$/);
  });

  it('uses the unknown-env level for env-aware rules, falling back when it is off', () => {
    const kv = RULES.find((r) => r.id === 'KV001')!;
    expect(defaultLevel(kv)).toBe('warning');
    const off: RuleMeta = { ...kv, level: { prod: 'error', nonprod: 'off', unknown: 'off' } };
    expect(defaultLevel(off)).toBe('error');
    expect(defaultLevel({ ...kv, level: { prod: 'off', nonprod: 'off', unknown: 'off' } })).toBe('none');
    expect(defaultLevel({ ...kv, level: 'note' })).toBe('note');
  });

  it('emits results with locations, related locations, fingerprints and properties', () => {
    const doc = sarif();
    const { results, tool } = doc.runs[0];
    expect(results.map((r: any) => r.ruleId)).toEqual(['CI004', 'KV001', 'AML001', 'AML004', 'GPU001', 'PARSE001']);
    for (const r of results) expect(tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    const aml = results[2];
    expect(aml).toEqual({
      ruleId: 'AML001',
      ruleIndex: 0,
      level: 'error',
      // GitHub shows related locations only as links in the message (SARIF §3.11.6).
      message: { text: 'Azure ML workspace "main" is reachable from the public internet. Related: [value set in prod.tfvars](1).' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'envs/prod/main.tf', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 52 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: 'envs/prod.tfvars', uriBaseId: '%SRCROOT%' },
            region: { startLine: 2, startColumn: 17, endLine: 2, endColumn: 21 },
          },
          message: { text: 'value set in prod.tfvars' },
        },
      ],
      partialFingerprints: { 'mlopsIacLint/v1': 'a1b2c3' },
      properties: {
        env: 'prod',
        variants: ['defaults', 'prod.tfvars'],
        address: 'azurerm_machine_learning_workspace.main',
        attributePath: 'public_network_access_enabled',
      },
    });
    expect(results[0]).not.toHaveProperty('relatedLocations');
    expect(results[0]).not.toHaveProperty('suppressions');
  });

  it('keeps suppressed results with their suppression', () => {
    const kv = sarif().runs[0].results[1];
    expect(kv.ruleId).toBe('KV001');
    expect(kv.suppressions).toEqual([{ kind: 'inSource', justification: 'accepted until the vault is recreated' }]);
    const ext = sarif(
      makeResult([{ ...F_KV001_SUPPRESSED, suppression: { kind: 'external', justification: 'baseline', location: loc(MAIN_TF, 1, 1, 1, 10) } }]),
    ).runs[0].results[0];
    expect(ext.suppressions[0].kind).toBe('external');
    expect(ext.suppressions[0].location.physicalLocation.artifactLocation.uri).toBe('envs/prod/main.tf');
  });

  it('reports parse problems as tool execution notifications', () => {
    const inv = sarif().runs[0].invocations;
    expect(inv).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            descriptor: { id: 'PARSE001' },
            level: 'error',
            message: { text: 'Expected an expression after "=".' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'modules/gpu/broken.tf', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 2, startColumn: 7, endLine: 2, endColumn: 8 },
                },
              },
            ],
            associatedRule: { id: 'PARSE001', index: 5 },
          },
        ],
      },
    ]);
    expect(sarif(cleanResult()).runs[0].invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('normalizes regions GitHub would reject and encodes URIs', () => {
    const r = makeResult([
      { ...F_GPU001, message: '  ', location: loc('/repo/dir with space/#1.tf', 0, 0, 0, 0) },
      { ...F_CI004, location: loc('/elsewhere/outside.yml', 5, 9, 4, 2) },
      { ...F_AML001, related: [], location: loc(MAIN_TF, 1, 1, 4, 2) },
    ]);
    const results = sarif(r).runs[0].results;
    const byRule = Object.fromEntries(results.map((x: any) => [x.ruleId, x.locations[0].physicalLocation]));
    expect(byRule.GPU001).toEqual({
      artifactLocation: { uri: 'dir%20with%20space/%231.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
    });
    expect(byRule.CI004).toEqual({
      artifactLocation: { uri: 'file:///elsewhere/outside.yml' },
      region: { startLine: 5, startColumn: 9, endLine: 5, endColumn: 10 },
    });
    expect(byRule.AML001.region).toEqual({ startLine: 1, startColumn: 1, endLine: 4, endColumn: 2 });
    expect(results.find((x: any) => x.ruleId === 'GPU001').message.text).toBe('GPU001');
  });

  it('describes rule IDs that are not in result.rules', () => {
    const doc = sarif(makeResult([{ ...F_CI004, ruleId: 'NEW001' }], { rules: [] }));
    const rule = doc.runs[0].tool.driver.rules[0];
    expect(rule.id).toBe('NEW001');
    expect(rule.shortDescription.text).toBe('NEW001');
    expect(doc.runs[0].results[0].ruleIndex).toBe(0);
  });

  it('is deterministic and holds the root only in originalUriBaseIds', () => {
    const a = formatSarif(fullResult());
    const r = fullResult();
    r.findings.reverse();
    r.rules = [...r.rules].reverse();
    expect(formatSarif(r)).toBe(a);
    expect(a.split('/repo').length - 1).toBe(1);
    expect(a).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(buildSarif(fullResult())).toEqual(JSON.parse(a));
  });

  it('links rule documentation at the release tag of the version that wrote the report', () => {
    const uri = (version: string): string => sarif(makeResult([F_AML001], { toolVersion: version })).runs[0].tool.driver.rules[0].helpUri;
    expect(uri('0.1.0')).toBe('https://github.com/mlops-iac-lint/mlops-iac-lint/blob/v0.1.0/rules/aml/AML001-workspace-public-network-access.md');
    expect(uri('1.4.2')).toContain('/blob/v1.4.2/rules/');
    expect(uri('2.0.0-rc.1')).toContain('/blob/v2.0.0-rc.1/rules/');
    // Not a release version (a local build): the default branch.
    expect(uri('dev build')).toContain('/blob/main/rules/');
    const markdown = sarif(makeResult([F_AML001], { toolVersion: '1.4.2' })).runs[0].tool.driver.rules[0].help.markdown;
    expect(markdown).toContain('(https://github.com/mlops-iac-lint/mlops-iac-lint/blob/v1.4.2/rules/aml/AML001-workspace-public-network-access.md)');
  });
});

/** A finding built by the engine (its real fingerprint: rule, file, address, attribute path, env; no line). */
function engineFinding(o: { ruleId?: string; line: number; attributePath?: string; address?: string; level?: Finding['level']; file?: string }): Finding {
  return buildFinding({
    root: ROOT,
    ruleId: o.ruleId ?? 'AML001',
    level: o.level ?? 'error',
    message: 'm',
    location: loc(o.file ?? MAIN_TF, o.line, 3, o.line, 9),
    address: o.address ?? 'azurerm_machine_learning_workspace.main',
    attributePath: o.attributePath ?? 'public_network_access_enabled',
    env: 'prod',
  });
}

describe('sarif: fingerprints', () => {
  // No primaryLocationLineHash: upload-sarif computes its own from the line and logs a warning
  // for every result whose given value differs (github/codeql-action src/fingerprints.ts).
  it('carry mlopsIacLint/v1 only', () => {
    const f = engineFinding({ line: 3 });
    expect(sarif(makeResult([f])).runs[0].results[0].partialFingerprints).toEqual({ 'mlopsIacLint/v1': f.fingerprint });
  });

  it('is independent of where the URIs are rooted (the fingerprint is relative to the scan root)', () => {
    const r = makeResult([engineFinding({ line: 3 })]);
    const a = buildSarif(r).runs as any;
    const b = buildSarif(r, { uriBase: '/' }).runs as any;
    expect(b[0].results[0].partialFingerprints).toEqual(a[0].results[0].partialFingerprints);
    expect(b[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('repo/envs/prod/main.tf');
  });
});

describe('sarif: GitHub code scanning upload limits', () => {
  const LIMIT = GITHUB_SARIF_LIMITS.resultsPerRun;
  /** `n` findings of `level` in `file`, one per line, each with its own fingerprint. */
  const many = (n: number, level: Finding['level'], file: string, rule = 'AML004'): Finding[] =>
    Array.from({ length: n }, (_, i) => ({
      ...F_AML004,
      ruleId: rule,
      level,
      related: [],
      fingerprint: `${rule}-${file}-${i}`.padEnd(32, '0'),
      location: loc(`${ROOT}/${file}`, i + 1, 1, i + 1, 2),
    }));
  const suppressed = (f: Finding): Finding => ({ ...f, suppression: { kind: 'external', justification: 'baseline' } });

  it('is 25,000 results per run and 1,000 locations per result (docs: "SARIF support for code scanning", limits table)', () => {
    expect(GITHUB_SARIF_LIMITS).toEqual({ resultsPerRun: 25_000, locationsPerResult: 1_000 });
  });

  it.each([
    {
      name: 'a note is left out before any error or warning',
      findings: () => [...many(LIMIT - 1, 'note', 'a.tf'), ...many(1, 'error', 'z.tf', 'GPU001'), ...many(1, 'warning', 'y.tf', 'CI004')],
      leftOut: ['AML004 a.tf:24999'],
      said: '1 of 25,001 results left out of the SARIF report (0 errors, 0 warnings, 1 note)',
    },
    {
      name: 'errors are kept before warnings, in file order within a level',
      findings: () => [...many(2, 'warning', 'a.tf', 'CI004'), ...many(LIMIT - 1, 'error', 'b.tf', 'GPU001')],
      leftOut: ['CI004 a.tf:2'],
      said: '1 of 25,001 results left out of the SARIF report (0 errors, 1 warning, 0 notes)',
    },
    {
      name: 'a suppressed error is left out before an unsuppressed note',
      findings: () => [...many(LIMIT, 'note', 'a.tf'), suppressed(many(1, 'error', 'b.tf', 'KV001')[0]!)],
      leftOut: ['KV001 b.tf:1'],
      said: '1 of 25,001 results left out of the SARIF report (0 errors, 0 warnings, 0 notes, 1 suppressed)',
    },
  ])('over the limit: $name, and says so in a warning notification and a notice', ({ findings, leftOut, said }) => {
    const all = findings();
    expect(all).toHaveLength(LIMIT + 1);
    const notices: string[] = [];
    const doc = JSON.parse(formatSarif(makeResult(all), { onNotice: (l) => notices.push(l) }));
    const run = doc.runs[0];
    expect(run.results).toHaveLength(LIMIT);
    const kept = new Set(run.results.map((r: any) => `${r.ruleId} ${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}`));
    const missing = sortFindings(all)
      .map((f) => `${f.ruleId} ${f.location.file.slice(ROOT.length + 1)}:${f.location.range.start.line}`)
      .filter((k) => !kept.has(k));
    expect(missing).toEqual(leftOut);
    // Still in file order.
    const order = run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect([...order].sort()).toEqual(order);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(said);
    expect(notices[0]).toContain('GitHub code scanning rejects a run with more than 25,000 results');
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([{ level: 'warning', message: { text: notices[0] } }]);
    expect(validateSarif(doc)).toEqual([]);
  });

  it('at the limit nothing is left out and nothing is said', () => {
    const notices: string[] = [];
    const doc = JSON.parse(formatSarif(makeResult(many(LIMIT, 'note', 'a.tf')), { onNotice: (l) => notices.push(l) }));
    expect(doc.runs[0].results).toHaveLength(LIMIT);
    expect(doc.runs[0].invocations).toEqual([{ executionSuccessful: true }]);
    expect(notices).toEqual([]);
  });

  it('the limit notification comes before the parse problems; the fingerprints do not move when results are left out', () => {
    const all = [...many(3, 'note', 'a.tf'), ...many(1, 'error', 'b.tf', 'GPU001')];
    const full = buildSarif(makeResult(all)).runs as any;
    const capped = buildSarif(makeResult(all, { notifications: [N_PARSE001] }), { maxResults: 2 }).runs as any;
    const hashOf = (runs: any, rule: string, line: number): string =>
      runs[0].results.find((r: any) => r.ruleId === rule && r.locations[0].physicalLocation.region.startLine === line).partialFingerprints['mlopsIacLint/v1'];
    expect(capped[0].results.map((r: any) => `${r.ruleId}:${r.locations[0].physicalLocation.region.startLine}`)).toEqual(['AML004:1', 'GPU001:1']);
    expect(hashOf(capped, 'AML004', 1)).toBe(hashOf(full, 'AML004', 1));
    const n = capped[0].invocations[0].toolExecutionNotifications;
    expect(n.map((x: any) => x.descriptor?.id ?? x.level)).toEqual(['warning', 'PARSE001']);
    expect(n[0].message.text).toMatch(/^2 of 4 results left out of the SARIF report \(0 errors, 0 warnings, 2 notes\)/);
  });

  it('escapes brackets in link text, and in a message whose own text would read as a link', () => {
    const f: Finding = { ...F_AML001, message: 'see [docs](x) and a[0]', related: [loc(PROD_TFVARS, 1, 1, 1, 2, 'agentPoolProfiles[0]')] };
    const g: Finding = { ...F_GPU001, message: 'size a[0] (of b)', related: [] };
    const doc = JSON.parse(formatSarif(makeResult([f, g])));
    const byRule = Object.fromEntries(doc.runs[0].results.map((r: any) => [r.ruleId, r]));
    expect(byRule.AML001.message.text).toBe('see \\[docs\\](x) and a\\[0\\] Related: [agentPoolProfiles\\[0\\]](1).');
    expect(byRule.AML001.relatedLocations[0].message.text).toBe('agentPoolProfiles[0]');
    expect(byRule.GPU001.message.text).toBe('size a[0] (of b)');
    expect(validateSarif(doc)).toEqual([]);
  });

  it('a result keeps its location and at most 999 related locations', () => {
    const related = Array.from({ length: 1_500 }, (_, i) => loc(PROD_TFVARS, i + 1, 1, i + 1, 2, `step ${i + 1}`));
    const f: Finding = { ...F_AML001, related };
    const g: Finding = { ...F_GPU001, related: related.slice(0, 999) };
    const notices: string[] = [];
    const doc = JSON.parse(formatSarif(makeResult([f, g]), { onNotice: (l) => notices.push(l) }));
    const byRule = Object.fromEntries(doc.runs[0].results.map((r: any) => [r.ruleId, r]));
    expect(byRule.AML001.relatedLocations).toHaveLength(999);
    expect(byRule.AML001.relatedLocations.at(-1)).toMatchObject({ id: 999, message: { text: 'step 999' } });
    // The first five are linked from the message, the rest counted.
    expect(byRule.AML001.message.text).toMatch(/ Related: \[step 1\]\(1\), \[step 2\]\(2\), \[step 3\]\(3\), \[step 4\]\(4\), \[step 5\]\(5\) and 994 more\.$/);
    expect(byRule.GPU001.relatedLocations).toHaveLength(999);
    expect(notices).toEqual([
      '501 related locations left out of the SARIF report (1 result had more than 999; each keeps its first 999): GitHub code scanning rejects a result with more than 1,000 locations.',
    ]);
    expect(doc.runs[0].invocations[0].toolExecutionNotifications).toEqual([{ level: 'warning', message: { text: notices[0] } }]);
    expect(validateSarif(doc)).toEqual([]);
  });

  it('formatResult passes the notices on', () => {
    const notices: string[] = [];
    formatResult(makeResult(many(3, 'note', 'a.tf')), 'sarif', { onNotice: (l) => notices.push(l) });
    expect(notices).toEqual([]);
    const related = Array.from({ length: 1_000 }, (_, i) => loc(PROD_TFVARS, i + 1, 1, i + 1, 2));
    formatResult(makeResult([{ ...F_AML001, related }]), 'sarif', { onNotice: (l) => notices.push(l) });
    expect(notices).toHaveLength(1);
  });
});

describe.skipIf(!fs.existsSync(SHARED_SARIF_SCHEMA_PATH))('vendored SARIF schema', () => {
  it('is the same as ../shared/schemas/sarif-schema-2.1.0.json', () => {
    expect(fs.readFileSync(SARIF_SCHEMA_PATH, 'utf8')).toBe(fs.readFileSync(SHARED_SARIF_SCHEMA_PATH, 'utf8'));
  });
});
