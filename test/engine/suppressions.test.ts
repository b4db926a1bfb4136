import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { parseJsonc } from '../../src/parse/json/index.js';
import { LineMap } from '../../src/core/source.js';
import type { Location, Range } from '../../src/core/source.js';
import type { Finding } from '../../src/engine/types.js';
import { list, obj, str } from '../../src/core/value.js';
import {
  applySuppressions,
  collectSuppressions,
  isValidDate,
  metadataSuppressions,
  parseSuppressionComment,
  suppressionFindings,
  unusedProblems,
} from '../../src/engine/suppressions.js';
import { hclBlockRanges } from '../../src/parse/hcl/blocks.js';
import { jsonObjectRanges } from '../../src/parse/json/blocks.js';
import { collectBicepPragmas } from '../../src/parse/bicep/pragmas.js';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';

/** YAML block ranges as the CI front end reports them: from the positioned YAML tree. */
function yamlBlockRanges(text: string) {
  return parseCiDocument('/repo/w.yml', text, 'github-workflow').blocks;
}

const KNOWN = new Set(['AML001', 'KV001', 'KV002', 'GPU001', 'CI004']);
const TODAY = '2025-06-15';
const FILE = '/repo/main.tf';

function at(line: number, file = FILE, column = 3): Location {
  const p = { line, column, offset: 0 };
  return { file, range: { start: p, end: { ...p, column: column + 1 } } };
}

function finding(ruleId: string, line: number, extra: Partial<Finding> = {}): Finding {
  return { ruleId, level: 'error', message: 'm', location: at(line), related: [], fingerprint: `${ruleId}-${line}`, env: 'unknown', variants: ['default'], ...extra };
}

function hcl(text: string) {
  const f = parseHcl(text, FILE);
  expect(f.errors).toEqual([]);
  return collectSuppressions(FILE, text, f.comments, hclBlockRanges(f.body), KNOWN, TODAY);
}

describe('parseSuppressionComment', () => {
  it('parses IDs, until and reason', () => {
    expect(parseSuppressionComment(' mlops-iac-lint-ignore AML001 -- dev only')).toEqual({ ruleIds: ['AML001'], reason: 'dev only' });
    expect(parseSuppressionComment('mlops-iac-lint-ignore AML001,KV001 until=2030-01-31 -- why -- not')).toEqual({
      ruleIds: ['AML001', 'KV001'],
      until: '2030-01-31',
      reason: 'why -- not',
    });
    expect(parseSuppressionComment('mlops-iac-lint-ignore AML001, kv001 -- spaced')).toEqual({ ruleIds: ['AML001', 'KV001'], reason: 'spaced' });
  });
  it('accepts comment markers of every format', () => {
    for (const c of ['# mlops-iac-lint-ignore KV001 -- r', '// mlops-iac-lint-ignore KV001 -- r', '/* mlops-iac-lint-ignore KV001 -- r */', '/*\n * mlops-iac-lint-ignore KV001\n * -- r\n */']) {
      expect(parseSuppressionComment(c)).toEqual({ ruleIds: ['KV001'], reason: 'r' });
    }
  });
  it('ignores comments that are not directives', () => {
    expect(parseSuppressionComment(' just a comment')).toBeUndefined();
    expect(parseSuppressionComment('see mlops-iac-lint-ignore AML001 -- r')).toBeUndefined();
    expect(parseSuppressionComment('mlops-iac-lint-ignored AML001 -- r')).toBeUndefined();
  });
  it('reports malformed directives', () => {
    expect(parseSuppressionComment('mlops-iac-lint-ignore AML001')).toMatchObject({ error: expect.stringContaining('no reason') });
    expect(parseSuppressionComment('mlops-iac-lint-ignore AML001 --')).toMatchObject({ error: expect.stringContaining('no reason') });
    expect(parseSuppressionComment('mlops-iac-lint-ignore AML001 because dev')).toMatchObject({ error: expect.stringContaining("unexpected 'because'") });
    expect(parseSuppressionComment('mlops-iac-lint-ignore -- r')).toMatchObject({ error: expect.stringContaining('no rule ID') });
    expect(parseSuppressionComment('mlops-iac-lint-ignore until=2030-01-01 -- r')).toMatchObject({ error: expect.stringContaining('no rule ID') });
    expect(parseSuppressionComment('mlops-iac-lint-ignore AML001 until=2030-13-01 -- r')).toMatchObject({ error: expect.stringContaining("malformed date '2030-13-01'") });
    expect(parseSuppressionComment('mlops-iac-lint-ignore AML001 until=31.12.2030 -- r')).toMatchObject({ error: expect.stringContaining('malformed date') });
    expect(parseSuppressionComment('mlops-iac-lint-ignore public-access -- r')).toMatchObject({ error: expect.stringContaining('not a rule ID') });
  });
  it('validates calendar dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-04-31')).toBe(false);
  });
});

describe('collectSuppressions: scope', () => {
  it('a trailing directive covers its own line', () => {
    const { directives, problems } = hcl('resource "azurerm_key_vault" "kv" {\n  purge_protection_enabled = false # mlops-iac-lint-ignore KV001 -- sandbox\n  name = "x"\n}\n');
    expect(problems).toEqual([]);
    expect(directives).toHaveLength(1);
    expect(directives[0]).toMatchObject({ ruleIds: ['KV001'], reason: 'sandbox', scope: { startLine: 2, endLine: 2 }, source: 'comment' });
    expect(directives[0]!.location.range.start).toMatchObject({ line: 2, column: 36 });
  });
  it('a directive on its own line covers the next code line, skipping blanks and comments', () => {
    const { directives } = hcl('locals {\n  # mlops-iac-lint-ignore AML001 -- r\n\n  // another comment\n  x = 1\n  y = 2\n}\n');
    expect(directives[0]!.scope).toEqual({ startLine: 5, endLine: 5 });
  });
  it('above a block header it covers the whole block', () => {
    const text = '# mlops-iac-lint-ignore KV001,KV002 -- dev vault\nresource "azurerm_key_vault" "kv" {\n  name = "kv"\n  network_acls {\n    default_action = "Allow"\n  }\n}\nresource "azurerm_key_vault" "other" {}\n';
    const { directives } = hcl(text);
    expect(directives[0]).toMatchObject({ ruleIds: ['KV001', 'KV002'], scope: { startLine: 2, endLine: 7 } });
  });
  it('above a nested block it covers only that block', () => {
    const { directives } = hcl('resource "a" "b" {\n  /* mlops-iac-lint-ignore KV001 -- r */\n  network_acls {\n    x = 1\n  }\n  y = 2\n}\n');
    expect(directives[0]!.scope).toEqual({ startLine: 3, endLine: 5 });
  });
  it('a directive with no code after it is reported unused', () => {
    const { directives, problems } = hcl('x = 1\n# mlops-iac-lint-ignore KV001 -- r\n');
    expect(directives).toEqual([]);
    expect(problems).toMatchObject([{ ruleId: 'SUP002', level: 'note' }]);
  });
  it('JSONC: a comment above an object covers the object', () => {
    const text = '{\n  "resources": [\n    // mlops-iac-lint-ignore KV001 -- r\n    {\n      "type": "Microsoft.KeyVault/vaults",\n      "name": "kv"\n    }\n  ]\n}\n';
    const p = parseJsonc(text, '/repo/t.json');
    const { directives } = collectSuppressions('/repo/t.json', text, p.comments, jsonObjectRanges(p.root, p.lineMap), KNOWN, TODAY);
    expect(directives[0]).toMatchObject({ ruleIds: ['KV001'], scope: { startLine: 4, endLine: 7 } });
  });
  it('YAML: a comment above a mapping / sequence item covers it', () => {
    const text = 'jobs:\n  build:\n    steps:\n    # mlops-iac-lint-ignore CI004 -- internal fork\n    - uses: org/action@main\n      with:\n        x: 1\n    - run: echo\n';
    const comments = [{ text: '# mlops-iac-lint-ignore CI004 -- internal fork', range: new LineMap(text).range(text.indexOf('#'), text.indexOf('internal fork') + 13) }];
    const { directives } = collectSuppressions('/repo/w.yml', text, comments, yamlBlockRanges(text), KNOWN, TODAY);
    expect(directives[0]!.scope).toEqual({ startLine: 5, endLine: 7 });
  });
  it('YAML block ranges include compact sequences under a key', () => {
    const text = 'steps:\n- uses: a\n  with: b\n- run: c\nother: 1\n';
    const ranges = yamlBlockRanges(text).map((r) => [r.start.line, r.end.line]);
    expect(ranges).toContainEqual([1, 4]);
    expect(ranges).toContainEqual([2, 3]);
  });
});

describe('collectSuppressions: problems', () => {
  it('missing reason → SUP001 warning, suppresses nothing', () => {
    const { directives, problems } = hcl('# mlops-iac-lint-ignore KV001\nresource "a" "b" {}\n');
    expect(directives).toEqual([]);
    expect(problems).toMatchObject([{ ruleId: 'SUP001', level: 'warning', message: expect.stringContaining('no reason') }]);
    expect(problems[0]!.location.range.start.line).toBe(1);
  });
  it('unknown rule ID → SUP001 warning; the known IDs still apply', () => {
    const { directives, problems } = hcl('# mlops-iac-lint-ignore KV001,ZZZ999 -- r\nresource "a" "b" {}\n');
    expect(problems).toMatchObject([{ ruleId: 'SUP001', level: 'warning', message: "Invalid suppression: unknown rule ID 'ZZZ999'." }]);
    expect(directives[0]!.ruleIds).toEqual(['KV001']);
  });
  it('malformed date → SUP001 warning', () => {
    const { directives, problems } = hcl('# mlops-iac-lint-ignore KV001 until=2025-02-30 -- r\nresource "a" "b" {}\n');
    expect(directives).toEqual([]);
    expect(problems).toMatchObject([{ ruleId: 'SUP001', level: 'warning', message: expect.stringContaining('malformed date') }]);
  });
  it('until in the future (or today) applies; in the past → SUP001 note, no suppression', () => {
    expect(hcl('# mlops-iac-lint-ignore KV001 until=2030-01-01 -- r\nresource "a" "b" {}\n').directives[0]!.until).toBe('2030-01-01');
    expect(hcl(`# mlops-iac-lint-ignore KV001 until=${TODAY} -- r\nresource "a" "b" {}\n`).directives).toHaveLength(1);
    const past = hcl('# mlops-iac-lint-ignore KV001 until=2025-06-14 -- r\nresource "a" "b" {}\n');
    expect(past.directives).toEqual([]);
    expect(past.problems).toMatchObject([{ ruleId: 'SUP001', level: 'note', message: expect.stringContaining('Expired') }]);
  });
  it('SUP001 findings have fingerprints without line numbers', () => {
    const a = suppressionFindings(hcl('# mlops-iac-lint-ignore KV001\nresource "a" "b" {}\n').problems, '/repo');
    const b = suppressionFindings(hcl('\n\n# mlops-iac-lint-ignore KV001\nresource "a" "b" {}\n').problems, '/repo');
    expect(a[0]).toMatchObject({ ruleId: 'SUP001', level: 'warning', env: 'unknown' });
    expect(a[0]!.fingerprint).toBe(b[0]!.fingerprint);
  });
});

describe('Bicep #disable-next-line', () => {
  it('suppresses our IDs on the next line, reason implied, Bicep codes ignored', () => {
    const text = "param x string\n#disable-next-line no-unused-params KV001\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n}\n#disable-next-line BCP081\nvar y = 1\n";
    const pragmas = collectBicepPragmas(text);
    expect(pragmas).toHaveLength(2);
    const lm = new LineMap(text);
    // The parsed file's line map of the same text gives the same ranges; no pragma, nothing.
    expect(collectBicepPragmas(text, lm)).toEqual(pragmas);
    expect(collectBicepPragmas(text.replaceAll('#disable-next-line', '// disable-next-line'))).toEqual([]);
    const blocks: Range[] = [lm.range(text.indexOf('resource'), text.indexOf('}') + 1)];
    const { directives, problems } = collectSuppressions('/repo/main.bicep', text, pragmas, blocks, KNOWN, TODAY);
    expect(problems).toEqual([]);
    expect(directives).toMatchObject([{ ruleIds: ['KV001'], reason: '#disable-next-line', source: 'pragma', scope: { startLine: 3, endLine: 5 } }]);
  });
  it('a YAML comment that reads like the pragma is not one', () => {
    const text = '#disable-next-line CI004\n- uses: a@main\n';
    const { directives } = collectSuppressions('/repo/w.yml', text, [{ text: '#disable-next-line CI004', range: new LineMap(text).range(0, 24) }], [], KNOWN, TODAY);
    expect(directives).toEqual([]);
  });
});

describe('applySuppressions', () => {
  const text = '# mlops-iac-lint-ignore KV001 -- sandbox vault\nresource "azurerm_key_vault" "kv" {\n  name = "kv"\n}\nresource "azurerm_key_vault" "two" {}\n';
  it('marks matching findings inSource and leaves others', () => {
    const { directives } = hcl(text);
    const { findings, unused } = applySuppressions([finding('KV001', 2), finding('KV001', 5), finding('KV002', 3)], directives, { allowInline: true });
    expect(findings[0]!.suppression).toEqual({ kind: 'inSource', justification: 'sandbox vault', location: directives[0]!.location });
    expect(findings[1]!.suppression).toBeUndefined();
    expect(findings[2]!.suppression).toBeUndefined();
    expect(unused).toEqual([]);
  });
  it('a block directive and a trailing one covering one finding: both used, the narrower justifies', () => {
    const { directives } = hcl('# mlops-iac-lint-ignore KV001 -- block reason\nresource "azurerm_key_vault" "kv" {\n  name = "kv" # mlops-iac-lint-ignore KV001 -- line reason\n}\n');
    expect(directives).toHaveLength(2);
    const { findings, unused } = applySuppressions([finding('KV001', 3)], directives, { allowInline: true });
    expect(findings[0]!.suppression?.justification).toBe('line reason');
    expect(unused).toEqual([]);
  });
  it('only the same file', () => {
    const { directives } = hcl(text);
    const other = finding('KV001', 2, { location: at(2, '/repo/other.tf') });
    expect(applySuppressions([other], directives, { allowInline: true }).findings[0]!.suppression).toBeUndefined();
  });
  it('multiple IDs: each used ID counts; unused IDs → SUP002 note', () => {
    const { directives } = hcl('# mlops-iac-lint-ignore KV001,KV002,AML001 -- r\nresource "a" "b" {\n}\n');
    const { findings, unused } = applySuppressions([finding('KV001', 2), finding('KV002', 3)], directives, { allowInline: true, activeRuleIds: new Set(['KV001', 'KV002', 'AML001']) });
    expect(findings.every((f) => f.suppression?.kind === 'inSource')).toBe(true);
    expect(unused.map((d) => d.ruleIds)).toEqual([['AML001']]);
    const sup = suppressionFindings(unusedProblems(unused), '/repo');
    expect(sup).toMatchObject([{ ruleId: 'SUP002', level: 'note', message: expect.stringContaining('AML001'), location: directives[0]!.location }]);
  });
  it('rules that did not run are not reported unused', () => {
    const { directives } = hcl('# mlops-iac-lint-ignore AML001 -- r\nresource "a" "b" {}\n');
    expect(applySuppressions([], directives, { allowInline: true, activeRuleIds: new Set(['KV001']) }).unused).toEqual([]);
    expect(applySuppressions([], directives, { allowInline: true }).unused).toHaveLength(1);
  });
  it('allowInline: false suppresses nothing and reports nothing', () => {
    const { directives } = hcl(text);
    const r = applySuppressions([finding('KV001', 2)], directives, { allowInline: false });
    expect(r.findings[0]!.suppression).toBeUndefined();
    expect(r.unused).toEqual([]);
  });
  it('keeps an existing suppression', () => {
    const { directives } = hcl(text);
    const f = finding('KV001', 2, { suppression: { kind: 'external', justification: 'baseline' } });
    expect(applySuppressions([f], directives, { allowInline: true }).findings[0]!.suppression!.kind).toBe('external');
  });
});

describe('metadataSuppressions (ARM JSON side channel)', () => {
  const file = '/repo/azuredeploy.json';
  const objectRange: Range = { start: { line: 10, column: 5, offset: 100 }, end: { line: 30, column: 6, offset: 600 } };
  const body = (entries: ReturnType<typeof obj>[]) => obj({ type: str('Microsoft.KeyVault/vaults'), metadata: obj({ 'mlops-iac-lint-ignore': list(entries) }) });
  it('suppresses findings inside the object and findings related to it', () => {
    const { directives, problems } = metadataSuppressions(body([obj({ id: str('KV001'), reason: str('dev vault'), until: str('2030-01-01') })]), objectRange, file, KNOWN, TODAY);
    expect(problems).toEqual([]);
    expect(directives[0]).toMatchObject({ ruleIds: ['KV001'], reason: 'dev vault', until: '2030-01-01', source: 'metadata', scope: { startLine: 10, endLine: 30 } });
    const inside = finding('KV001', 12, { location: at(12, file) });
    const viaParam = finding('KV001', 4, { location: at(4, file), related: [at(15, file)] });
    const outside = finding('KV001', 40, { location: at(40, file) });
    const r = applySuppressions([inside, viaParam, outside], directives, { allowInline: true });
    expect(r.findings.map((f) => f.suppression?.justification)).toEqual(['dev vault', 'dev vault', undefined]);
  });
  it('reports missing reason, unknown ID, bad date, expiry', () => {
    const { directives, problems } = metadataSuppressions(
      body([obj({ id: str('KV001') }), obj({ id: str('NOPE001'), reason: str('r') }), obj({ id: str('KV001'), reason: str('r'), until: str('soon') }), obj({ id: list([str('KV001'), str('KV002')]), reason: str('r'), until: str('2020-01-01') })]),
      objectRange,
      file,
      KNOWN,
      TODAY,
    );
    expect(directives).toEqual([]);
    expect(problems.map((p) => [p.ruleId, p.level])).toEqual([
      ['SUP001', 'warning'],
      ['SUP001', 'warning'],
      ['SUP001', 'warning'],
      ['SUP001', 'note'],
    ]);
  });
  it('no metadata → nothing', () => {
    expect(metadataSuppressions(obj({ type: str('x') }), objectRange, file, KNOWN, TODAY)).toEqual({ directives: [], problems: [] });
  });
});
