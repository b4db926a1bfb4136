import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { escapeMarkdown, formatMarkdown } from '../../src/report/markdown.js';
import { F_AML004, F_CI004, F_GPU001, F_KV001_SUPPRESSED, MAIN_TF, cleanResult, fullResult, loc, makeResult } from './fixtures.js';

const DOC = 'https://github.com/mlops-iac-lint/mlops-iac-lint/blob/v0.1.0/rules';

describe('markdown', () => {
  it('renders the title, summary, counts per rule and the findings, errors first', () => {
    expect(formatMarkdown(fullResult())).toBe(
      [
        '## mlops-iac-lint',
        '',
        '✖ **5 problems** (3 errors, 1 warning, 1 note), 1 suppressed in 4 scanned files.',
        '',
        '| Rule | Errors | Warnings | Notes | Suppressed |',
        '|---|---:|---:|---:|---:|',
        `| [AML001 workspace-public-network-access](${DOC}/aml/AML001-workspace-public-network-access.md) | 1 | 0 | 0 | 0 |`,
        '| AML004 compute-cluster-min-nodes | 0 | 0 | 1 | 0 |',
        `| [CI004 action-not-pinned](${DOC}/ci/CI004-action-not-pinned.md) | 0 | 1 | 0 | 0 |`,
        `| [GPU001 gpu-workload-on-non-gpu-size](${DOC}/gpu/GPU001-gpu-workload-on-non-gpu-size.md) | 1 | 0 | 0 | 0 |`,
        '| KV001 keyvault-purge-protection | 0 | 0 | 0 | 1 |',
        '| [PARSE001 parse-error](https://github.com/mlops-iac-lint/mlops-iac-lint/blob/v0.1.0/rules/core/PARSE001-parse-error.md) | 1 | 0 | 0 | 0 |',
        '',
        '### Findings',
        '',
        '| Level | Rule | Location | Message |',
        '|---|---|---|---|',
        '| 🔴 error | AML001 | envs/prod/main.tf:3 | Azure ML workspace "main" is reachable from the public internet. |',
        '| 🔴 error | GPU001 | envs/prod/main.tf:8 | Node pool "gpu" is meant for GPU work but vm\\_size is Standard\\_D16s\\_v5: 100% CPU, &lt;no GPU&gt; \\| a,b |',
        '| 🔴 error | PARSE001 | modules/gpu/broken.tf:2 | Expected an expression after "=". |',
        '| 🟡 warning | CI004 | .github/workflows/deploy.yml:5 | azure/login is used at branch "main". |',
        '| 🔵 note | AML004 | envs/prod/main.tf:7 | Compute cluster "cpu" keeps 1 node running. |',
        '',
      ].join('\n'),
    );
  });

  it('links locations to the lines when the repository is given', () => {
    const out = formatMarkdown(makeResult([F_GPU001, F_CI004]), {
      links: { serverUrl: 'https://github.com/', repository: 'acme/platform', sha: 'abc123' },
    });
    expect(out).toContain(
      '| 🔴 error | GPU001 | [envs/prod/main.tf:8](https://github.com/acme/platform/blob/abc123/envs/prod/main.tf#L8) |',
    );
    expect(out).toContain(
      '[.github/workflows/deploy.yml:5](https://github.com/acme/platform/blob/abc123/.github/workflows/deploy.yml#L5)',
    );
  });

  it('escapes Markdown and HTML in messages', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> **bold** [x](y) `c` a|b @team\nnext & _u_')).toBe(
      '&lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*bold\\*\\* \\[x\\]\\(y\\) \\`c\\` a\\|b @\u200bteam next &amp; \\_u\\_',
    );
    // The summary is also printed to terminals: an ESC sequence in scanned text is replaced.
    expect(escapeMarkdown('acr\u001b[2Jx\u0007')).toBe('acr\ufffd\\[2Jx\ufffd');
    const f: Finding = { ...F_GPU001, message: '<script>alert(1)</script>' };
    const out = formatMarkdown(makeResult([f]));
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
  });

  it('lists at most maxFindings and says how many more', () => {
    const many: Finding[] = Array.from({ length: 7 }, (_, i) => ({ ...F_AML004, fingerprint: `n${i}`, location: loc(MAIN_TF, 20 + i, 1, 20 + i, 2) }));
    const out = formatMarkdown(makeResult([...many, F_GPU001]), { maxFindings: 3 });
    expect(out).toContain('### Findings (first 3 of 8)');
    const rows = out.split('\n').filter((l) => /^\| 🔴|^\| 🔵/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('GPU001');
    expect(out.endsWith('\n…and 5 more findings (see the SARIF report or the log).\n')).toBe(true);
    const defaults = formatMarkdown(
      makeResult(Array.from({ length: 60 }, (_, i) => ({ ...F_AML004, fingerprint: `m${i}`, location: loc(MAIN_TF, 1 + i, 1, 1 + i, 2) }))),
    );
    expect(defaults).toContain('### Findings (first 50 of 60)');
  });

  it('says so when the run is clean', () => {
    expect(formatMarkdown(cleanResult())).toBe('## mlops-iac-lint\n\n✔ No problems found in 4 files.\n');
    expect(formatMarkdown(makeResult([F_KV001_SUPPRESSED]), { title: 'IaC lint' })).toBe(
      '## IaC lint\n\n✔ No problems found in 4 files, 1 suppressed.\n',
    );
  });

  it('is deterministic', () => {
    const r = fullResult();
    r.findings.reverse();
    expect(formatMarkdown(r)).toBe(formatMarkdown(fullResult()));
  });
});
