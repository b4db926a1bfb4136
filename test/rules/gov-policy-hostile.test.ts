/**
 * Hostile policy files never crash the run or hang: truncated, byte-flipped and deeply nested
 * definitions, and a `like` pattern built to make a backtracking matcher explode. Each is
 * PARSE001, an EVAL001 note, an undecided policy or a decided one — never an internal error.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { tempTrees } from '../support/temp-tree.js';
import { DENY_GPU_NO_COST_CENTER, AUDIT_NSG_ADMIN_PORTS } from './policy-cases.js';

const { tree, cleanup } = tempTrees('gov-hostile-');
afterAll(cleanup);

const main = `
resource "azurerm_linux_virtual_machine" "gpu" {
  name = "vm-train"
  size = "Standard_NC24ads_A100_v4"
}
`;

/** A small deterministic generator (the fuzzer's seed discipline). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function mutate(text: string, r: () => number): string {
  const i = Math.floor(r() * text.length);
  switch (Math.floor(r() * 4)) {
    case 0:
      return text.slice(0, i);
    case 1:
      return text.slice(0, i) + String.fromCharCode(32 + Math.floor(r() * 90)) + text.slice(i + 1);
    case 2:
      return text.slice(0, i) + ['{', '}', '[', ']', '"', ',', ':', '[[', "'"][Math.floor(r() * 9)] + text.slice(i);
    default:
      return text.slice(0, i) + text.slice(i + Math.floor(r() * 20));
  }
}

describe('hostile policy files', () => {
  it('mutated definitions: no internal error, no exception', async () => {
    const r = rng(16);
    for (let n = 0; n < 60; n++) {
      const policies = [DENY_GPU_NO_COST_CENTER, AUDIT_NSG_ADMIN_PORTS].map((p) => mutate(mutate(p, r), r));
      const dir = tree({ 'main.tf': main, 'policies/a.json': policies[0]!, 'policies/b.json': policies[1]!, '.mlops-iac-lint.json': JSON.stringify({ policies: { definitions: ['policies/*.json'] } }) });
      const result = await lint({ paths: [dir], root: dir });
      const internal = result.findings.filter((f) => /internal error/.test(f.message));
      expect(internal.map((f) => f.message)).toEqual([]);
    }
  });

  it('deep nesting and a pathological like pattern stay bounded', async () => {
    let deep = '{ "field": "type", "equals": "Microsoft.Compute/virtualMachines" }';
    for (let i = 0; i < 2000; i++) deep = `{ "not": ${deep} }`;
    const nested = `{ "properties": { "displayName": "deep", "policyRule": { "if": ${deep}, "then": { "effect": "deny" } } } }`;
    const like = JSON.stringify({ properties: { displayName: 'like', mode: 'All', policyRule: { if: { field: 'name', like: `${'*a'.repeat(200)}b` }, then: { effect: 'deny' } } } });
    const dir = tree({ 'main.tf': main.replace('vm-train', 'a'.repeat(5000)), 'policies/deep.json': nested, 'policies/like.json': like, '.mlops-iac-lint.json': JSON.stringify({ policies: { definitions: ['policies/*.json'] } }) });
    const t0 = Date.now();
    const result = await lint({ paths: [dir], root: dir });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(result.findings.filter((f) => /internal error/.test(f.message))).toEqual([]);
    // The nesting limit of the JSON parser refuses the deep file at its position; the like policy is decided (no match).
    expect(result.findings.filter((f) => f.ruleId === 'PARSE001').length).toBe(1);
    expect(result.findings.filter((f) => f.ruleId === 'GOV002')).toEqual([]);
  });
});
