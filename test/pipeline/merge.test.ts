/**
 * UnitMerger: a finding two units both made (a local module folder two root modules call) is
 * one finding, merged as `runRules` merges within a unit — by its merge key (so an occurrence
 * index that differs between the units does not split it), variants joined, the more severe
 * kept, and the readers of a value (`consumers`, which a directive must all cover) joined.
 */
import { describe, expect, it } from 'vitest';
import { UnitMerger } from '../../src/pipeline/merge.js';
import type { UnitResult } from '../../src/pipeline/unit.js';
import type { Finding } from '../../src/engine/types.js';
import type { Location } from '../../src/core/source.js';

const at = (line: number): Location => ({ file: '/r/modules/kv/variables.tf', range: { start: { line, column: 13, offset: line * 100 }, end: { line, column: 18, offset: line * 100 + 5 } } });
const reader = (file: string, line: number): Location => ({ file, range: { start: { line, column: 3, offset: line * 10 }, end: { line, column: 8, offset: line * 10 + 5 } } });

function finding(over: Partial<Finding>): Finding {
  return { ruleId: 'KV001', level: 'warning', message: 'm', location: at(3), related: [], fingerprint: 'fp', env: 'prod', variants: ['default'], mergeKey: 'KV001|/r/modules/kv/variables.tf|300|305|purge_protection_enabled|', ...over };
}
function unit(findings: Finding[]): UnitResult {
  return { findings, problems: [], undecided: [], directives: [], supProblems: [], evidence: {}, frames: {}, readProblems: [], skipped: [], summary: { gpuPools: [], aksFiles: [] }, evaluatedElsewhere: [] };
}

describe('UnitMerger', () => {
  it('one finding from two units, though their occurrence indexes differ; variants joined, the error kept', () => {
    const m = new UnitMerger();
    m.add(unit([finding({ attributePath: 'purge_protection_enabled#1', variants: ['dev.tfvars'] })]));
    m.add(unit([finding({ attributePath: 'purge_protection_enabled', level: 'error', variants: ['prod.tfvars'] })]));
    const out = m.findings();
    expect(out).toHaveLength(1);
    expect(out[0]!.level).toBe('error');
    expect(out[0]!.variants).toEqual(['dev.tfvars', 'prod.tfvars']);
  });

  it('joins the readers of the value, so a directive must cover the readers of both units', () => {
    const m = new UnitMerger();
    m.add(unit([finding({ consumers: [reader('/r/a/main.tf', 4)] })]));
    m.add(unit([finding({ consumers: [reader('/r/b/main.tf', 9), reader('/r/a/main.tf', 4)] })]));
    expect(m.findings()[0]!.consumers!.map((c) => `${c.file}:${c.range.start.line}`)).toEqual(['/r/a/main.tf:4', '/r/b/main.tf:9']);
  });

  it('a unit that made the finding at the value itself (no readers) leaves none: the directive at the value covers it', () => {
    const m = new UnitMerger();
    m.add(unit([finding({ consumers: [reader('/r/a/main.tf', 4)] })]));
    m.add(unit([finding({})]));
    expect(m.findings()[0]!.consumers).toBeUndefined();
  });

  it('different places stay different findings', () => {
    const m = new UnitMerger();
    m.add(unit([finding({})]));
    m.add(unit([finding({ location: at(7), mergeKey: 'KV001|/r/modules/kv/variables.tf|700|705|purge_protection_enabled|' })]));
    expect(m.findings()).toHaveLength(2);
  });
});
