/**
 * Unit tests for AML003–AML006, GPU002, GPU003, AKS002, KV002 beyond the fixtures:
 * messages (what, where, fix; one line) and the GPU002 guard reader.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ALL_RULES } from '../../rules/index.js';
import { FIXTURES, loadRule } from '../support/fixtures.js';
import { validationAdmits } from '../../rules/gpu/GPU002-gpu-size-input-unvalidated.js';
import type { InputValidation } from '../../src/model/resource.js';
import { str } from '../../src/core/value.js';
import { toJsRegex } from '../../src/eval/terraform/functions.js';


async function run(id: string, rel: string) {
  const dir = path.join(FIXTURES, id, rel);
  const rule = (await loadRule(id))!;
  const ruleSet = ALL_RULES.some((r) => r.meta.id === id) ? ALL_RULES : [...ALL_RULES, rule];
  const result = await lint({ paths: [dir], root: dir, rules: [id], ruleSet });
  return result.findings.filter((f) => f.ruleId === id);
}


describe('rules-a messages', () => {
  const cases: [string, string, RegExp][] = [
    ['AML003', 'terraform/bad/compute-instance', /"ci-build", which is a compute instance/],
    ['AML003', 'terraform/bad/gpu-cluster', /GPU size "Standard_NC6s_v3"/],
    ['AML004', 'terraform/bad/min-nodes-literal', /keeps 2 nodes running while idle/],
    ['AML005', 'terraform/bad/azurerm-instance-note', /azapi_resource/],
    ['AML005', 'azapi/bad/no-idle-shutdown', /idleTimeBeforeShutdown/],
    ['AML006', 'terraform/bad/cluster-absent-default', /defaults to true.*public network access disabled/],
    ['GPU002', 'terraform/bad/no-validation', /variable "gpu_vm_size" .*no validation/],
    ['GPU002', 'terraform/bad/regex-admits-fpga', /admits the non-GPU size "Standard_NP10s"/],
    ['GPU002', 'terraform/bad/contains-cpu-size', /"Standard_D16s_v5", which is not a GPU size/],
    ['GPU003', 'terraform/bad/autoscaling-absent', /autoscaling off \(auto_scaling_enabled is not set/],
    ['AKS002', 'terraform/bad/default-pool-gpu', /System node pool "system" of cluster "aks-ml" uses GPU size/],
    ['KV002', 'terraform/bad/absent-default', /defaults to false/],
  ];
  for (const [id, rel, re] of cases) {
    it(`${id} ${rel}`, async () => {
      const f = await run(id, rel);
      expect(f.length).toBe(1);
      expect(f[0]!.message).toMatch(re);
      expect(f[0]!.message).not.toContain('\n');
    });
  }
  it('AML006 relates the workspace setting', async () => {
    const [f] = await run('AML006', 'terraform/bad/instance-explicit-true');
    expect(f!.related.some((l) => /public network access disabled/.test(l.label ?? ''))).toBe(true);
  });
  it('GPU002 relates the consuming size attribute', async () => {
    const [f] = await run('GPU002', 'terraform/bad/no-validation');
    expect(f!.related.map((l) => l.range.start.line)).toContain(26);
  });
});

describe('GPU002 validation reader', () => {
  const at = { file: 'x.tf', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } };
  const v = (text: string, regexes: string[], allowed: string[] = []): InputValidation => ({
    at,
    text,
    // Compiled as the Terraform evaluator compiles validation regexes (src/eval/terraform/instance.ts).
    regexes: regexes.map((pattern) => {
      const re = toJsRegex(pattern);
      return re ? { pattern, at, matches: (s: string) => re.test(s) } : { pattern, at };
    }),
    allowed: allowed.map((a) => str(a, at)),
  });
  it('reads a single regex', () => {
    expect(validationAdmits(v('can(regex("^Standard_N", var.x))', ['^Standard_N']), 'Standard_NP10s')).toBe(true);
    expect(validationAdmits(v('can(regex("^Standard_N[CDGV]", var.x))', ['^Standard_N[CDGV]']), 'Standard_NP10s')).toBe(false);
  });
  it('translates RE2 inline flags', () => {
    expect(validationAdmits(v('can(regex("(?i)^standard_n", var.x))', ['(?i)^standard_n']), 'Standard_NP10s')).toBe(true);
  });
  it('combines with || and &&', () => {
    expect(validationAdmits(v('contains(["Standard_NC6s_v3"], var.x) || can(regex("^Standard_ND", var.x))', ['^Standard_ND'], ['Standard_NC6s_v3']), 'Standard_D16s_v5')).toBe(false);
    expect(validationAdmits(v('can(regex("^Standard_N", var.x)) && can(regex("^Standard_N[CDGV]", var.x))', ['^Standard_N', '^Standard_N[CDGV]']), 'Standard_NP10s')).toBe(false);
  });
  it('treats negations, other functions and conditions without a regex or list as opaque', () => {
    expect(validationAdmits(v('!can(regex("^Standard_NP", var.x))', ['^Standard_NP']), 'Standard_D16s_v5')).toBeUndefined();
    expect(validationAdmits(v('startswith(var.x, "Standard_N") && can(regex("^Standard_N", var.x))', ['^Standard_N']), 'Standard_NP10s')).toBeUndefined();
    expect(validationAdmits(v('length(var.x) > 0', []), 'Standard_D16s_v5')).toBeUndefined();
  });
});
