/**
 * The rule tester's own tests: it must catch what it promises to catch (wrong ranges,
 * levels, environment classes, message IDs and texts; malformed or incomplete tables;
 * messages out of the house style; fingerprints that depend on lines or folders), or the
 * rule tables prove nothing.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../rules/index.js';
import { LineMap } from '../../../src/core/source.js';
import type { ReportDescriptor as Report, Rule, RuleMeta, ScannedFile } from '../../../src/engine/types.js';
import { checkTable } from './check-table.js';
import { messageStyleProblems } from './house-style.js';
import { insertMarkers, stripMarkers } from './markers.js';
import { runCase } from './run-case.js';
import type { FormatCases, InvalidCase, RuleTable, ValidCase } from './types.js';

const AML001 = ALL_RULES.find((r) => r.meta.id === 'AML001')!;

const WORKSPACE = (access: string): string => `
resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw"
  public_network_access_enabled = ${access}
}
`;

async function problemsOf(kind: 'valid' | 'invalid', c: ValidCase | InvalidCase, rule: Rule = AML001, ruleSet: Rule[] = ALL_RULES): Promise<string[]> {
  return (await runCase({ rule, ruleSet, format: 'terraform', kind, case: c })).problems;
}

describe('markers', () => {
  it('strip to ranges in the order of their opening marker', () => {
    expect(stripMarkers('a ⟦b⟧ c')).toEqual({ text: 'a b c', ranges: [{ start: 2, end: 3 }] });
    expect(stripMarkers('⟦⟦ab⟧c⟧').ranges).toEqual([{ start: 0, end: 3 }, { start: 0, end: 2 }]);
    expect(stripMarkers('⟦⟦x⟧⟧').ranges).toEqual([{ start: 0, end: 1 }, { start: 0, end: 1 }]);
    expect(stripMarkers('x⟦⟧').ranges).toEqual([{ start: 1, end: 1 }]);
  });
  it('refuse unbalanced markers', () => {
    expect(() => stripMarkers('a ⟦b')).toThrow(/never closed/);
    expect(() => stripMarkers('a ⟧b')).toThrow(/closes nothing/);
  });
  it('insert as the inverse of strip: nested, equal, adjacent and empty ranges', () => {
    const text = 'abcdef';
    for (const ranges of [
      [{ start: 0, end: 6 }, { start: 0, end: 2 }, { start: 2, end: 4 }],
      [{ start: 1, end: 3 }, { start: 1, end: 3 }],
      [{ start: 3, end: 3 }, { start: 3, end: 5 }, { start: 0, end: 3 }],
    ]) {
      const back = stripMarkers(insertMarkers(text, ranges));
      expect(back.text).toBe(text);
      expect(back.ranges.map((r) => `${r.start}-${r.end}`).sort()).toEqual(ranges.map((r) => `${r.start}-${r.end}`).sort());
    }
    expect(insertMarkers(text, [{ start: 0, end: 2 }, { start: 2, end: 4 }])).toBe('⟦ab⟧⟦cd⟧ef');
  });
  it('refuse ranges that cross', () => {
    expect(() => insertMarkers('abcdef', [{ start: 0, end: 3 }, { start: 2, end: 5 }])).toThrow(/cross/);
  });
});

describe('house style', () => {
  it('accepts one sentence with evidence and a fix', () => {
    expect(messageStyleProblems('Workspace "mlw" allows public network access (public_network_access_enabled is true); set it to false.')).toEqual([]);
    expect(messageStyleProblems('`azure/login` uses a secret; use OIDC, e.g. "client-id".')).toEqual([]);
  });
  it('names every breach', () => {
    expect(messageStyleProblems('workspace is public.')).toEqual([expect.stringMatching(/upper-case/)]);
    expect(messageStyleProblems('Workspace is public')).toEqual([expect.stringMatching(/end with/)]);
    expect(messageStyleProblems('Workspace is\npublic.')).toEqual([expect.stringMatching(/lines/)]);
    expect(messageStyleProblems('Workspace undefined is public.')).toEqual([expect.stringMatching(/undefined/)]);
    expect(messageStyleProblems('Workspace [object Object] is public.')).toEqual([expect.stringMatching(/object Object/)]);
    expect(messageStyleProblems('Workspace has NaN nodes.')).toEqual([expect.stringMatching(/NaN/)]);
    expect(messageStyleProblems('Workspace  is public.')).toEqual([expect.stringMatching(/doubled spaces/)]);
    expect(messageStyleProblems('Workspace is public. Disable it.')).toEqual([expect.stringMatching(/more than one sentence/)]);
    expect(messageStyleProblems(`Workspace ${'x'.repeat(400)}.`)).toEqual([expect.stringMatching(/characters long/)]);
  });
});

describe('table checks', () => {
  const meta = { ...AML001.meta, formats: ['terraform', 'bicep'] } as RuleMeta;
  const rule: Rule = { meta, create: AML001.create };
  const valid: ValidCase = { name: 'ok', files: { 'main.tf': WORKSPACE('false') } };
  const invalid: InvalidCase = { name: 'bad', files: { 'main.tf': WORKSPACE('⟦true⟧') }, level: 'warning', env: 'unknown' };
  const bicepValid: ValidCase = { name: 'ok', files: { 'main.bicep': "param y string = 'b'\n" } };
  const bicepInvalid: InvalidCase = { name: 'bad', files: { 'main.bicep': "⟦param x string⟧ = 'a'\n" }, level: 'error', env: 'unknown' };
  const table = (terraform: FormatCases, extra: RuleTable = {}): RuleTable => ({ terraform, bicep: { valid: [bicepValid], invalid: [bicepInvalid] }, ...extra });

  it('accept a complete table', () => {
    expect(checkTable(rule, table({ valid: [valid], invalid: [invalid] }))).toEqual([]);
  });
  it('refuse a declared format without a valid and an invalid case', () => {
    expect(checkTable(rule, { terraform: { valid: [valid], invalid: [invalid] } })).toEqual([
      'AML001 declares the format bicep but its table has no valid bicep case',
      'AML001 declares the format bicep but its table has no invalid bicep case',
    ]);
    expect(checkTable(rule, table({ valid: [valid] }))).toEqual(['AML001 declares the format terraform but its table has no invalid terraform case']);
  });
  it('refuse cases of a format the rule does not declare', () => {
    expect(checkTable(rule, table({ valid: [valid], invalid: [invalid] }, { arm: { valid: [{ name: 'x', files: { 'main.json': '{"$schema": "https://schema.management.azure.com/x"}' } }] } })))
      .toEqual([expect.stringMatching(/meta.formats does not declare arm/)]);
  });
  it('refuse duplicate cases, whatever their names and markers', () => {
    expect(checkTable(rule, table({ valid: [valid], invalid: [invalid, { ...invalid, name: 'renamed' }] }))).toEqual([expect.stringMatching(/"renamed" duplicates .*"bad"/)]);
    expect(checkTable(rule, table({ valid: [valid, { ...valid, name: 'same-as-bad', files: { 'main.tf': WORKSPACE('true') } }], invalid: [invalid] })))
      .toEqual([expect.stringMatching(/duplicates/)]);
    // other options make another case
    expect(checkTable(rule, table({ valid: [valid], invalid: [invalid, { ...invalid, name: 'prod', options: { env: 'prod' }, level: 'error', env: 'prod' }] }))).toEqual([]);
  });
  it('refuse malformed cases', () => {
    const problems = (c: InvalidCase, kind: 'valid' | 'invalid' = 'invalid'): string[] =>
      checkTable(rule, table(kind === 'valid' ? { valid: [valid, c], invalid: [invalid] } : { valid: [valid], invalid: [invalid, c] }));
    expect(problems({ ...invalid, name: 'x', files: { 'main.tf': WORKSPACE('"yes"') } })).toEqual([expect.stringMatching(/marks at least one range/)]);
    expect(problems({ ...invalid, name: 'x', files: { 'main.tf': WORKSPACE('⟦1') } })).toEqual([expect.stringMatching(/never closed/)]);
    const other: InvalidCase = { ...invalid, name: 'x', files: { 'main.tf': WORKSPACE('⟦"on"⟧') } };
    expect(problems({ ...other, level: undefined })).toEqual([expect.stringMatching(/no expected level/)]);
    expect(problems({ ...other, env: undefined, errors: [{}, {}] })).toEqual([
      expect.stringMatching(/errors has 2 entries for 1 marked ranges/),
      expect.stringMatching(/finding 1 has no expected env/),
    ]);
    expect(problems({ ...other, errors: [{ line: 3 }] })).toEqual([expect.stringMatching(/gives line: mark the range/)]);
    expect(problems({ name: 'x', files: { 'main.tf': WORKSPACE('⟦"on"⟧') } }, 'valid')).toEqual([expect.stringMatching(/marks no range/)]);
    expect(problems({ name: 'x', files: { 'main.bicep': 'param ⟦x⟧ string\n' }, level: 'error', env: 'unknown' })).toEqual([expect.stringMatching(/no file of the tree is a terraform file/)]);
    expect(problems({ name: 'x', fixture: 'fixtures/none', level: 'error', env: 'unknown', errors: [{ file: 'a', line: 1, column: 1, endLine: 1, endColumn: 2 }] }))
      .toEqual([expect.stringMatching(/is not a folder of the repository/)]);
    expect(problems({ name: 'x', fixture: 'fixtures', files: {} })).toEqual([
      expect.stringMatching(/exactly one of files and fixture/),
      expect.stringMatching(/files is empty/),
      expect.stringMatching(/a fixture case lists its findings with their positions in errors/),
    ]);
    expect(problems({ ...other, options: { varFiles: ['prod.tfvars'] } })).toEqual([expect.stringMatching(/var-file prod.tfvars is not in the tree/)]);
  });
});

describe('running a case', () => {
  const bad: InvalidCase = { name: 'bad', files: { 'main.tf': WORKSPACE('⟦true⟧') }, level: 'warning', env: 'unknown' };

  it('passes when the findings are exactly the marked ones', async () => {
    expect(await problemsOf('invalid', bad)).toEqual([]);
    expect(await problemsOf('valid', { name: 'ok', files: { 'main.tf': WORKSPACE('false') } })).toEqual([]);
  });
  it('catches a wrong range, level or environment class', async () => {
    const differ = [expect.stringMatching(/findings of AML001 differ/)];
    expect(await problemsOf('invalid', { ...bad, files: { 'main.tf': WORKSPACE('⟦true ⟧') } })).toEqual(differ);
    expect(await problemsOf('invalid', { ...bad, files: { 'main.tf': WORKSPACE('⟦⟦true⟧⟧') } })).toEqual(differ);
    expect(await problemsOf('invalid', { ...bad, level: 'error' })).toEqual(differ);
    expect(await problemsOf('invalid', { ...bad, env: 'prod' })).toEqual(differ);
    expect(await problemsOf('valid', { name: 'ok', files: { 'main.tf': WORKSPACE('true') } })).toEqual(differ);
  });
  it('asserts the message ID when the case states it', async () => {
    const live = (await problemsOf('invalid', { ...bad, messageId: 'no-such-message' }))[0];
    expect(live).toMatch(/findings of AML001 differ[\s\S]*messageId=no-such-message/);
  });
  it('checks the message text, secrets and related locations the case states', async () => {
    expect(await problemsOf('invalid', { ...bad, message: /public internet/i, messageIncludes: '"mlw"' })).toEqual([]);
    expect(await problemsOf('invalid', { ...bad, message: 'Something else.' })).toEqual([expect.stringMatching(/expected "Something else."/)]);
    expect(await problemsOf('invalid', { ...bad, message: /^Nope/ })).toEqual([expect.stringMatching(/does not match/)]);
    expect(await problemsOf('invalid', { ...bad, messageIncludes: 'nope' })).toEqual([expect.stringMatching(/does not contain "nope"/)]);
    expect(await problemsOf('invalid', { ...bad, mustNotShow: ['mlw'] })).toEqual([expect.stringMatching(/the message shows "mlw"/)]);
    expect(await problemsOf('invalid', { ...bad, related: [{ line: 99 }] })).toEqual([expect.stringMatching(/no related location matches/)]);
  });
  it('passes the options to lint(): --env, a config file', async () => {
    expect(await problemsOf('invalid', { ...bad, options: { env: 'nonprod' }, level: 'note', env: 'nonprod' })).toEqual([]);
    expect(await problemsOf('invalid', { ...bad, options: { config: { rules: { AML001: 'error' } } }, level: 'error' })).toEqual([]);
  });
  it('refuses a tree that does not parse, unless the case says so', async () => {
    const broken = { 'main.tf': WORKSPACE('⟦true⟧'), 'broken.tf': 'resource "x" {\n' };
    expect(await problemsOf('invalid', { ...bad, files: broken })).toEqual([expect.stringMatching(/the tree does not parse/)]);
    expect(await problemsOf('invalid', { ...bad, files: broken, parseError: true })).toEqual([]);
    expect(await problemsOf('invalid', { ...bad, parseError: true })).toEqual([expect.stringMatching(/every file parses/)]);
  });

  // A rule under the tester's control: for each .tf file, reports what `report` returns
  // (ranges as offsets into the file's text).
  type FakeReport = Omit<Report, 'location'> & { start: number; end: number };
  function fakeRule(report: (text: string, file: string) => FakeReport[]): Rule {
    return {
      meta: { id: 'ZZZ001', name: 'fake', shortDescription: 'A fake rule.', fullDescription: '', help: '', level: 'warning', tags: [], formats: ['terraform'], docPath: '' },
      create: (ctx) => ({
        file(f: ScannedFile) {
          if (!f.path.endsWith('.tf')) return;
          const text = fs.readFileSync(f.path, 'utf8');
          const lines = new LineMap(text);
          for (const { start, end, ...r } of report(text, f.path)) ctx.report({ ...r, location: { file: f.path, range: lines.range(start, end) } });
        },
      }),
    };
  }
  const resource = (text: string): { start: number; end: number } => ({ start: text.indexOf('resource'), end: text.indexOf('resource') + 8 });
  const lineOf = (text: string): number => text.slice(0, text.indexOf('resource')).split('\n').length;
  const run = async (rule: Rule, marked = '⟦resource⟧ "x" "y" {}\n'): Promise<string[]> =>
    problemsOf('invalid', { name: 'fake', files: { 'main.tf': marked }, level: 'warning', env: 'unknown' }, rule, [...ALL_RULES, rule]);

  it('checks the house style of every message', async () => {
    expect(await run(fakeRule((t) => [{ message: 'A resource is here.', subject: 'x.y', ...resource(t) }]))).toEqual([]);
    expect(await run(fakeRule((t) => [{ message: 'a resource is here', subject: 'x.y', ...resource(t) }]))).toEqual([expect.stringMatching(/ZZZ001 message breaks the house style/)]);
  });
  it('catches fingerprints that hold a line number or an absolute path, repeat, or lack a subject', async () => {
    expect(await run(fakeRule((t) => [{ message: 'A resource is here.', subject: `x.y@${lineOf(t)}`, ...resource(t) }]))).toEqual([expect.stringMatching(/moves down a line/)]);
    // The engine makes subjects relative to the scan root; an absolute path elsewhere in the fingerprint is still caught.
    expect(await run(fakeRule((t, file) => [{ message: 'A resource is here.', subject: 'x.y', attributePath: file, ...resource(t) }]))).toEqual([expect.stringMatching(/another folder/)]);
    const twice = fakeRule((t) => [
      { message: 'A resource is here.', subject: 'x.y', ...resource(t) },
      { message: 'A resource is here.', subject: 'x.y', start: t.indexOf('"x"'), end: t.indexOf('"x"') + 3 },
    ]);
    // One subject reported at two places: the engine gives the second an occurrence index, so they never share a fingerprint.
    expect(await run(twice, '⟦resource⟧ ⟦"x"⟧ "y" {}\n')).toEqual([]);
    expect(await run(fakeRule((t) => [{ message: 'A resource is here.', ...resource(t) }]))).toEqual([expect.stringMatching(/names no subject/)]);
  });
  it('reports a range past the end of the file, and compares it clamped', async () => {
    const past = fakeRule((t) => [{ message: 'A resource is here.', subject: 'x.y', start: t.length, end: t.length + 1 }]);
    expect(await run(past, 'resource "x" "y" {}\n⟦⟧')).toEqual([expect.stringMatching(/ends past the end of the file/)]);
  });
});
