import { describe, expect, it } from 'vitest';
import { formatCompact } from '../../src/report/compact.js';
import { formatResult } from '../../src/report/index.js';
import { F_GPU001, F_KV001_SUPPRESSED, ROOT, cleanResult, fullResult, makeResult } from './fixtures.js';

describe('compact', () => {
  it('prints one line per finding, sorted by file and position, then the counts', () => {
    expect(formatCompact(fullResult())).toBe(
      [
        '.github/workflows/deploy.yml:5:15: warning [CI004] azure/login is used at branch "main".',
        'envs/prod/main.tf:3:3: error [AML001] Azure ML workspace "main" is reachable from the public internet.',
        'envs/prod/main.tf:7:3: note [AML004] Compute cluster "cpu" keeps 1 node running.',
        'envs/prod/main.tf:8:12: error [GPU001] Node pool "gpu" is meant for GPU work but vm_size is Standard_D16s_v5: 100% CPU, <no GPU> | a,b',
        'modules/gpu/broken.tf:2:7: error [PARSE001] Expected an expression after "=".',
        '',
        '5 problems (3 errors, 1 warning, 1 note), 1 suppressed',
        '',
      ].join('\n'),
    );
    expect(formatResult(fullResult(), 'compact')).toBe(formatCompact(fullResult()));
  });

  it('prints nothing when there is nothing to show', () => {
    expect(formatCompact(cleanResult())).toBe('');
    expect(formatCompact(makeResult([F_KV001_SUPPRESSED]))).toBe('');
  });

  it('keeps each finding on one line and neutralizes control characters', () => {
    const out = formatCompact(makeResult([{ ...F_GPU001, message: 'evil \u001b[2Jname\nsecond line' }]));
    expect(out.split('\n')[0]).toBe('envs/prod/main.tf:8:12: error [GPU001] evil \ufffd[2Jname second line');
  });

  it('a line feed in a file name cannot start a forged finding line', () => {
    const file = `${ROOT}/a\ninfra/forged.tf:9:9: error [AML001] Forged finding\nb/main.tf`;
    const out = formatCompact(makeResult([{ ...F_GPU001, location: { ...F_GPU001.location, file } }]));
    expect(out.split('\n').filter((l) => l.startsWith('infra/forged.tf'))).toEqual([]);
    expect(out.split('\n')[0]).toMatch(/^a\ufffdinfra\/forged\.tf:9:9: error \[AML001\] Forged finding\ufffdb\/main\.tf:8:12: error \[GPU001\]/);
  });

  it('makes paths relative to cwd', () => {
    expect(formatCompact(makeResult([F_GPU001]), { cwd: `${ROOT}/envs` })).toMatch(/^prod\/main\.tf:8:12: /);
  });
});
