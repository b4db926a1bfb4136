/**
 * buildFinding (src/engine/findings.ts): what every rule's report becomes.
 */
import { describe, expect, it } from 'vitest';
import { buildFinding } from '../../src/engine/findings.js';
import { LineMap, type Location } from '../../src/core/source.js';

const text = 'module "aks" {\n  gpuVmSize = var.size\n}\n';
const lines = new LineMap(text);
const at = (file: string, start: number, end: number, label?: string): Location => ({ file, range: lines.range(start, end), ...(label ? { label } : {}) });

describe('buildFinding', () => {
  it('lists each related place once, with the first label (a value reaching a finding twice through one spot)', () => {
    const f = buildFinding({
      root: '/repo',
      ruleId: 'GPU005',
      level: 'warning',
      message: 'm',
      location: at('/repo/main.tf', 0, 6),
      related: [at('/repo/main.tf', 17, 37, 'module "aks" param "gpuVmSize"'), at('/repo/vars.tf', 17, 37, 'variable'), at('/repo/main.tf', 17, 37, 'argument "gpuVmSize"')],
    });
    expect(f.related.map((r) => `${r.file}:${r.range.start.line}:${r.range.start.column} ${r.label}`)).toEqual(['/repo/main.tf:2:3 module "aks" param "gpuVmSize"', '/repo/vars.tf:2:3 variable']);
  });
});
