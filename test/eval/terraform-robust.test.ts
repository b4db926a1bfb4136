/**
 * Hostile Terraform (issue #12): expressions that crashed the run, regular expressions that
 * backtrack for ever, runaway loops and reference chains. Each case ends in a value or an
 * unknown (with EVAL001 where something was cut short), never an exception or a hang.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { evaluate } from '../../src/eval/terraform/expressions.js';
import { EvalGuard, type EvalProblem } from '../../src/eval/terraform/guard.js';
import { toJS, type Value } from '../../src/core/value.js';
import { isErrorUnknown } from '../../src/eval/terraform/functions.js';

/** Evaluates one expression (constants only) and collects the guard's problems. */
function ev(expr: string, opts: { msPerFile?: number; resolveRoot?: () => undefined } = {}): { value: Value; problems: EvalProblem[] } {
  const file = parseHcl(`x = ${expr}\n`, 'main.tf');
  expect(file.errors).toEqual([]);
  const item = file.body.items[0]!;
  if (item.type !== 'Attribute') throw new Error('not an attribute');
  const problems: EvalProblem[] = [];
  const guard = new EvalGuard((p) => problems.push(p), opts.msPerFile ?? 5000);
  const value = evaluate(item.expr, { file: 'main.tf', guard, resolveRoot: opts.resolveRoot ?? (() => undefined) });
  return { value, problems };
}
const js = (expr: string): unknown => {
  const { value } = ev(expr);
  return value.kind === 'unknown' ? `unknown: ${value.reason}` : toJS(value);
};

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-robust-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const RG = (name: string) => `resource "azurerm_resource_group" "x" {\n  name     = ${name}\n  location = "westeurope"\n}\n`;

describe('expressions that used to crash the run', () => {
  it('can() with no argument is an error of the call (can of can() is false), not a TypeError', () => {
    const { value, problems } = ev('can()');
    expect(value.kind).toBe('unknown');
    expect(isErrorUnknown(value)).toBe(true);
    expect(problems).toEqual([]);
    expect(js('can(can())')).toBe(false);
    expect(js('try(can(), "fallback")')).toBe('fallback');
  });

  it('format("%.101f", 1.5) gives Go\'s 101 decimals', () => {
    expect(js('format("%.101f", 1.5)')).toBe('1.5' + '0'.repeat(100));
  });

  it('format("%0999999999d", 1) is unknown (Go refuses widths over 10^6), without allocating it', () => {
    const { value, problems } = ev('format("%0999999999d", 1)');
    expect(value.kind).toBe('unknown');
    expect(problems).toEqual([]);
    expect(js('format("%01000000d", 1)')).toHaveLength(1_000_000);
  });

  it('lint() reports the rest of the folder when one line is hostile', async () => {
    const dir = tree({
      'a.tf': RG('can()'),
      'b.tf': RG('format("%.101f", 1.5)').replace('"x"', '"y"'),
      'c.tf': RG('format("%0999999999d", 1)').replace('"x"', '"z"'),
      'kv.tf': `resource "azurerm_key_vault" "kv" {\n  name                     = "kv"\n  location                 = "westeurope"\n  resource_group_name      = "rg"\n  tenant_id                = "t"\n  sku_name                 = "standard"\n  purge_protection_enabled = false\n}\n`,
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    expect(r.findings.filter((f) => f.location.file.endsWith('kv.tf')).length).toBeGreaterThan(0);
  });
});

describe('containment: an exception inside one expression', () => {
  it('becomes unknown plus one problem at the expression', () => {
    const { value, problems } = ev('"a-${upper(var.name)}"', {
      resolveRoot: () => {
        throw new Error('injected failure');
      },
    });
    expect(value.kind).toBe('unknown');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/could not be evaluated \(Error: injected failure\)/);
    expect(problems[0]!.location.range.start).toMatchObject({ line: 1, column: 5 });
  });

  it('a 20,000-deep chain of locals is cut at a fixed depth with EVAL001, not a stack overflow', async () => {
    const n = 20_000;
    const lines = ['locals {'];
    for (let i = 0; i < n; i++) lines.push(`  a${i} = local.a${i + 1}`);
    lines.push(`  a${n} = "rg"`, '}', RG('local.a0'));
    const dir = tree({ 'main.tf': lines.join('\n') });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    const eval001 = r.findings.filter((f) => f.ruleId === 'EVAL001');
    expect(eval001).toHaveLength(1);
    expect(eval001[0]!.message).toMatch(/nested deeper than 256 levels/);
  });
});

describe('regular expressions run on RE2 (linear time, Terraform semantics)', () => {
  const evil = 'a'.repeat(33) + '!';

  it('regex("^(a+)+$", "aaa…!") finishes at once (no match: an error, so can() is false)', () => {
    const t0 = performance.now();
    expect(js(`can(regex("^(a+)+$", "${evil}"))`)).toBe(false);
    expect(js(`replace("${evil}", "/^(a+)+$/", "x")`)).toBe(evil);
    expect(js(`regexall("(a+)+$", "${'a'.repeat(5000)}!")`)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('keeps go-cty result shapes: string, tuple of groups, object of named groups, null for a group that did not take part', () => {
    expect(js('regex("[a-z]+", "53453453.345345aaabbbccc23454")')).toBe('aaabbbccc');
    expect(js('regex("(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)", "2019-02-01")')).toEqual(['2019', '02', '01']);
    expect(js('regex("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/")')).toEqual({ scheme: 'https', authority: 'terraform.io' });
    expect(js('regex("(?<a>x)(?<b>y)?", "x")')).toEqual({ a: 'x', b: null });
    expect(js('regex("(?i)^standard_n", "Standard_NC6")')).toBe('Standard_N');
    expect(js('regexall("[a-z]+", "1234abcd5678efgh9")')).toEqual(['abcd', 'efgh']);
    // Go: an empty match right after a match is skipped.
    expect(js('regexall("a*", "baaac")')).toEqual(['', 'aaa', '']);
  });

  it('rejects what Terraform rejects: mixed named and unnamed groups, look-around, backreferences', () => {
    for (const p of ['(?P<a>x)(y)', 'a(?=b)', '(a)\\\\1', '(']) {
      const { value } = ev(`regex("${p}", "ab")`);
      expect(isErrorUnknown(value), p).toBe(true);
      expect(js(`can(regex("${p}", "ab"))`), p).toBe(false);
    }
    // The pattern decides the type: a bad one is an error even for an unknown string.
    expect(js('can(regex("(", var.unset))')).toBe(false);
  });

  it('replace() expands $1, ${1}, $name and $$ the way Go does', () => {
    expect(js('replace("hello world", "/(\\\\w+) (\\\\w+)/", "$2 $1")')).toBe('world hello');
    // `$${` is HCL's escape for a literal `${`.
    expect(js('replace("hello world", "/(\\\\w+) (\\\\w+)/", "$${2}x $$1")')).toBe('worldx $1');
    // "$1x" names group "1x", which does not exist: empty, as in Go.
    expect(js('replace("ab", "/(a)/", "$1x")')).toBe('b');
    expect(js('replace("ab", "/(?P<first>a)/", "[$first]")')).toBe('[a]b');
    expect(js('replace("abc", "/x*/", "-")')).toBe('-a-b-c-');
    expect(js('replace("1 + 2", "+", "plus")')).toBe('1 plus 2');
  });
});

describe('format() follows go-cty and Go fmt', () => {
  it.each([
    ['format("%d", 42)', '42'],
    ['format("%5d|%-5d|%05d", 42, 42, 42)', '   42|42   |00042'],
    ['format("%+d % d", 5, 5)', '+5  5'],
    ['format("%x %X %o %b %#x", 255, 255, 8, 5, 255)', 'ff FF 10 101 0xff'],
    ['format("%.3d", 7)', '007'],
    ['format("%f", 3.14159)', '3.141590'],
    ['format("%.2f", 3.14159)', '3.14'],
    ['format("%.0f %.0f", 0.5, 1.5)', '0 2'],
    ['format("%8.3f|", 3.14159)', '   3.142|'],
    ['format("%e", 123456.789)', '1.234568e+05'],
    ['format("%g %g %g", 1234567, 100000, 0.00001)', '1.234567e+06 100000 1e-05'],
    ['format("%v", 1000000)', '1e+06'],
    ['format("%.20f", 0.1)', '0.10000000000000000000'],
    ['format("%s/%s", "a", 1)', 'a/1'],
    ['format("%.3s", "abcdef")', 'abc'],
    ['format("%q", "a<b")', '"a\\u003cb"'],
    ['format("%v", {b = 1, a = [true, null]})', '{"a":[true,null],"b":1}'],
    ['format("%[2]s %[1]s", "a", "b")', 'b a'],
    ['format("%t", true)', 'true'],
    ['format("100%%")', '100%'],
    ['format("%6s|%-6s|", "ab", "ab")', '    ab|ab    |'],
  ])('%s', (expr, expected) => {
    expect(js(expr)).toBe(expected);
  });

  it.each(['format("%d", 1.5)', 'format("%d")', 'format("%s", null)', 'format("%z", 1)', 'format("%.f", 1)'])('%s is an error (can() is false)', (expr) => {
    const { value } = ev(expr);
    expect(isErrorUnknown(value)).toBe(true);
  });

  it('precision past what a Terraform number holds is unknown, not invented digits', () => {
    expect(js('format("%.200f", 0.1)')).toMatch(/^unknown/);
    expect(js('format("%.200f", 0.5)')).toBe('0.5' + '0'.repeat(199));
  });
});

describe('bounded work: a runaway evaluation becomes EVAL001', () => {
  it('nested for expressions over range(1000) stop at the time budget', () => {
    const t0 = performance.now();
    const { value, problems } = ev('length([for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]])', { msPerFile: 300 });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(value.kind).toBe('unknown');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/took more than 300 ms/);
  });

  it('a budget used up across many small evaluations (none overran on its own) is EVAL001 too, once per file', () => {
    const problems: EvalProblem[] = [];
    const guard = new EvalGuard((p) => problems.push(p), 0);
    const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };
    const first = guard.runAt('main.tf', range, () => ({ kind: 'bool', value: true }) as Value, undefined, undefined);
    const second = guard.runAt('main.tf', range, () => ({ kind: 'bool', value: true }) as Value, undefined, undefined);
    expect([first.kind, second.kind]).toEqual(['unknown', 'unknown']);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/took more than 0 ms/)]);
  });

  it('exponentially shared locals are unknown in functions that would walk them, at once', async () => {
    const lines = ['locals {', '  a0 = ["Standard_D4", "Standard_D8"]', '  s0 = "ab"'];
    for (let i = 1; i <= 60; i++) lines.push(`  a${i} = [local.a${i - 1}, local.a${i - 1}]`, `  s${i} = "\${local.s${i - 1}}\${local.s${i - 1}}"`);
    lines.push('}', RG('"${length(flatten(local.a60))}-${jsonencode(local.a60)}-${local.s60}-${length(distinct(local.a60))}"'));
    const dir = tree({ 'main.tf': lines.join('\n') });
    const t0 = performance.now();
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.findings.filter((f) => f.ruleId === 'EVAL001')).toEqual([]);
  });

  it('a runaway file does not stop the other files of the folder', async () => {
    const prev = process.env['MLOPS_IAC_LINT_EVAL_BUDGET_MS'];
    process.env['MLOPS_IAC_LINT_EVAL_BUDGET_MS'] = '300';
    try {
      const dir = tree({
        'slow.tf': `locals {\n  big = [for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]\n}\n` + RG('"rg-${length(local.big)}"'),
        'kv.tf': `resource "azurerm_key_vault" "kv" {\n  name                     = "kv"\n  location                 = "westeurope"\n  resource_group_name      = "rg"\n  tenant_id                = "t"\n  sku_name                 = "standard"\n  purge_protection_enabled = false\n}\n`,
      });
      const t0 = performance.now();
      const r = await lint({ paths: [dir], root: dir, noConfig: true });
      expect(performance.now() - t0).toBeLessThan(5000);
      const eval001 = r.findings.filter((f) => f.ruleId === 'EVAL001');
      expect(eval001).toHaveLength(1);
      expect(path.basename(eval001[0]!.location.file)).toBe('slow.tf');
      expect(r.findings.some((f) => f.location.file.endsWith('kv.tf'))).toBe(true);
    } finally {
      if (prev === undefined) delete process.env['MLOPS_IAC_LINT_EVAL_BUDGET_MS'];
      else process.env['MLOPS_IAC_LINT_EVAL_BUDGET_MS'] = prev;
    }
  });
});
