import { describe, expect, it } from 'vitest';
import { buildJsonReport, formatJson, type JsonReport } from '../../src/report/json.js';
import { F_AML001, F_GPU001, cleanResult, fullResult, loc, makeResult } from './fixtures.js';
import { buildSarif } from '../../src/report/sarif.js';

describe('json', () => {
  it('has the documented top-level shape and summary', () => {
    const doc = JSON.parse(formatJson(fullResult())) as JsonReport;
    expect(Object.keys(doc)).toEqual(['version', 'tool', 'root', 'summary', 'findings']);
    expect(doc.version).toBe(1);
    expect(doc.tool).toEqual({ name: 'mlops-iac-lint', version: '0.1.0' });
    expect(doc.root).toBe('/repo');
    expect(doc.summary).toEqual({ errors: 3, warnings: 1, notes: 1, suppressed: 1, files: 4 });
  });

  it('lists every finding, sorted, with relative paths and related locations', () => {
    const doc = buildJsonReport(fullResult());
    expect(doc.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
      '.github/workflows/deploy.yml:5 CI004',
      'envs/prod/main.tf:2 KV001',
      'envs/prod/main.tf:3 AML001',
      'envs/prod/main.tf:7 AML004',
      'envs/prod/main.tf:8 GPU001',
      'modules/gpu/broken.tf:2 PARSE001',
    ]);
    const aml = doc.findings.find((f) => f.ruleId === 'AML001')!;
    expect(aml).toEqual({
      ruleId: 'AML001',
      level: 'error',
      message: 'Azure ML workspace "main" is reachable from the public internet.',
      file: 'envs/prod/main.tf',
      line: 3,
      column: 3,
      endLine: 3,
      endColumn: 52,
      related: [
        { file: 'envs/prod.tfvars', line: 2, column: 17, endLine: 2, endColumn: 21, label: 'value set in prod.tfvars' },
      ],
      fingerprint: 'a1b2c3',
      address: 'azurerm_machine_learning_workspace.main',
      env: 'prod',
      variants: ['defaults', 'prod.tfvars'],
    });
    expect(Object.keys(aml)).toEqual([
      'ruleId', 'level', 'message', 'file', 'line', 'column', 'endLine', 'endColumn',
      'related', 'fingerprint', 'address', 'env', 'variants',
    ]);
  });

  it('marks suppressed findings and only them', () => {
    const doc = buildJsonReport(fullResult());
    const suppressed = doc.findings.filter((f) => f.suppressed);
    expect(suppressed.map((f) => f.ruleId)).toEqual(['KV001']);
    expect(suppressed[0]!.suppressed).toEqual({ kind: 'inSource', justification: 'accepted until the vault is recreated' });
    expect(doc.findings.find((f) => f.ruleId === 'GPU001')).not.toHaveProperty('suppressed');
  });

  it('uses null for absent address and label', () => {
    const f = { ...F_AML001, address: undefined, related: [{ ...F_AML001.related[0]!, label: undefined }] };
    const doc = buildJsonReport(makeResult([f]));
    expect(doc.findings[0]!.address).toBeNull();
    expect(doc.findings[0]!.related[0]!.label).toBeNull();
  });

  it('gives an empty range (line 1 of a state or plan file) the region SARIF gives it', () => {
    // TF002/TF004 point at the start of the file with an empty range; SARIF widens it to one
    // column (GitHub rejects empty regions), and the JSON report must name the same place.
    const f = { ...F_GPU001, related: [{ ...loc('/repo/envs/prod/main.tf', 1, 1, 1, 1), label: 'here' }], location: loc('/repo/infra/plan.json', 1, 1, 1, 1) };
    const result = makeResult([f]);
    const json = buildJsonReport(result).findings[0]!;
    type Region = { startLine: number; startColumn: number; endLine: number; endColumn: number };
    const sarif = buildSarif(result) as unknown as { runs: { results: { locations: { physicalLocation: { region: Region } }[] }[] }[] };
    const region = sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.region;
    expect({ line: json.line, column: json.column, endLine: json.endLine, endColumn: json.endColumn }).toEqual({
      line: region.startLine, column: region.startColumn, endLine: region.endLine, endColumn: region.endColumn,
    });
    expect(json.endColumn).toBe(2);
    expect(json.related[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 2 });
  });

  it('is deterministic, pretty-printed with a trailing newline and without other absolute paths', () => {
    const a = formatJson(fullResult());
    const r = fullResult();
    r.findings.reverse();
    expect(formatJson(r)).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
    expect(a.startsWith('{\n  "version": 1,\n  "tool": {\n')).toBe(true);
    expect(a.split('/repo').length - 1).toBe(1);
  });

  it('reports a clean run', () => {
    expect(JSON.parse(formatJson(cleanResult()))).toEqual({
      version: 1,
      tool: { name: 'mlops-iac-lint', version: '0.1.0' },
      root: '/repo',
      summary: { errors: 0, warnings: 0, notes: 0, suppressed: 0, files: 4 },
      findings: [],
    });
  });
});
