/**
 * The Action's SARIF report and annotations against GitHub's rules, with lint() injected so
 * that a result of any size is built in memory: the fingerprint (no `primaryLocationLineHash`,
 * which upload-sarif computes itself), the 25,000-results-per-run upload limit (the most severe kept, the rest said in a notification
 * and one log line, the outputs and exit code counting every finding), and control characters
 * of scanned text kept out of the workflow commands.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/action/run.js';
import type { LintOptions } from '../../src/api.js';
import type { LintResult } from '../../src/engine/result.js';
import type { Finding } from '../../src/engine/types.js';
import { buildFinding } from '../../src/engine/findings.js';
import { loc, makeResult } from '../report/fixtures.js';
import { validateSarif } from '../report/sarif-validate.js';
import { parseGithubOutput, tempDir } from '../ship/helpers.js';

interface Ran {
  code: number;
  lines: string[];
  /* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SARIF JSON */
  sarif: any;
  outputs: Record<string, string>;
}

/** Runs the Action over a workspace whose lint() returns `findings(workspace)`. */
async function runWith(findings: (workspace: string) => Finding[], inputs: Record<string, string> = {}): Promise<Ran> {
  const dir = tempDir('action-sarif');
  const workspace = path.join(dir, 'repo');
  fs.mkdirSync(workspace);
  const outputFile = path.join(dir, 'output.txt');
  fs.writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    INPUT_PATH: '.',
    'INPUT_FAIL-ON': 'error',
    'INPUT_SARIF-FILE': 'mlops-iac-lint.sarif',
    INPUT_ANNOTATIONS: 'true',
    INPUT_SUMMARY: 'false',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const lint = async (o: LintOptions = {}): Promise<LintResult> => {
    expect(o.root).toBe(workspace);
    return makeResult(findings(workspace), { root: workspace, sources: new Map() });
  };
  const lines: string[] = [];
  const code = await run(env, { lint, write: (l) => lines.push(l) });
  const sarif = JSON.parse(fs.readFileSync(path.join(workspace, 'mlops-iac-lint.sarif'), 'utf8'));
  return { code, lines, sarif, outputs: parseGithubOutput(fs.readFileSync(outputFile, 'utf8')) };
}

/** A finding as the engine builds it (its fingerprint has no line in it). */
function finding(workspace: string, o: { line: number; ruleId?: string; level?: Finding['level']; address?: string; file?: string; message?: string }): Finding {
  return buildFinding({
    root: workspace,
    ruleId: o.ruleId ?? 'KV001',
    level: o.level ?? 'error',
    message: o.message ?? 'Key Vault "kv" has no purge protection.',
    location: loc(path.join(workspace, o.file ?? 'infra/main.tf'), o.line, 3, o.line, 30),
    address: o.address ?? 'azurerm_key_vault.kv',
    attributePath: 'purge_protection_enabled',
    env: 'prod',
  });
}

/* eslint-disable @typescript-eslint/no-explicit-any -- walking the SARIF JSON */
describe('the Action: fingerprints in its SARIF report', () => {
  it('carry mlopsIacLint/v1 only (upload-sarif computes primaryLocationLineHash and warns about any other value)', async () => {
    const a = await runWith((ws) => [finding(ws, { line: 3 })]);
    expect(a.sarif.runs[0].results.map((r: any) => Object.keys(r.partialFingerprints))).toEqual([['mlopsIacLint/v1']]);
    expect(validateSarif(a.sarif)).toEqual([]);
  });
});

describe('the Action: a run over GitHub\'s 25,000 results', () => {
  it('keeps the 25,000 most severe, says what was left out, and still counts every finding', async () => {
    // 25,000 errors in a.tf … and 1 note in z.tf: the note is left out.
    const { code, lines, sarif, outputs } = await runWith(
      (ws) => [
        ...Array.from({ length: 25_000 }, (_, i) => finding(ws, { line: i + 1, file: 'a.tf', address: `azurerm_key_vault.v${i}` })),
        finding(ws, { line: 1, file: 'z.tf', ruleId: 'AML004', level: 'note', address: 'azurerm_machine_learning_compute_cluster.c' }),
      ],
      { 'fail-on': 'note' },
    );
    const run0 = sarif.runs[0];
    expect(run0.results).toHaveLength(25_000);
    expect(run0.results.every((r: any) => r.level === 'error')).toBe(true);
    const said = lines.filter((l) => l.includes('left out of the SARIF report'));
    expect(said).toEqual([
      'mlops-iac-lint: 1 of 25,001 results left out of the SARIF report (0 errors, 0 warnings, 1 note): GitHub code scanning rejects a run with more than 25,000 results. ' +
        'The 25,000 kept are the most severe (unsuppressed before suppressed; errors, then warnings, then notes); the exit code counts every finding.',
    ]);
    expect(run0.invocations[0].toolExecutionNotifications).toEqual([{ level: 'warning', message: { text: said[0]!.replace(/^mlops-iac-lint: /, '') } }]);
    expect(run0.invocations[0].executionSuccessful).toBe(true);
    // Outputs and exit code: every finding, the left-out note included.
    expect(code).toBe(1);
    expect(outputs.errors).toBe('25000');
    expect(outputs.notes).toBe('1');
    expect(lines).toContain('mlops-iac-lint: 25000 error(s), 0 warning(s), 1 note(s) in 4 file(s); SARIF: mlops-iac-lint.sarif');
    // The line is log text, not a workflow command.
    expect(said[0]!.startsWith('::')).toBe(false);
    expect(validateSarif(sarif)).toEqual([]);
  });

  it('under the limit: no notification and no line', async () => {
    const { lines, sarif } = await runWith((ws) => [finding(ws, { line: 3 })]);
    expect(sarif.runs[0].invocations).toEqual([{ executionSuccessful: true }]);
    expect(lines.some((l) => l.includes('left out'))).toBe(false);
  });
});

describe('the Action: annotations of scanned text with control characters', () => {
  it.each([
    { name: 'ESC sequences in a message', message: 'Key Vault "kv\u001b[2K\u001b[1A::warning::fake" has no purge protection.', shown: 'Key Vault "kv\ufffd[2K\ufffd[1A::warning::fake" has no purge protection.' },
    { name: 'BEL and a C1 CSI, with % and a line break still escaped', message: 'a\u0007b\u009b1m 100%\nnext', shown: 'a\ufffdb\ufffd1m 100%25%0Anext' },
  ])('$name', async ({ message, shown }) => {
    const { lines } = await runWith((ws) => [finding(ws, { line: 3, message })]);
    const annotations = lines.filter((l) => l.startsWith('::error file='));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error file=infra\/main\.tf,line=3,col=3,endLine=3,endColumn=30,title=KV001 [^:]*::/);
    expect(annotations[0]!.endsWith(`::${shown}`)).toBe(true);
    // eslint-disable-next-line no-control-regex
    for (const l of lines) expect(l).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
  });
});
