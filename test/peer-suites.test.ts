/**
 * The test fixtures of Checkov, trivy-checks, tfsec and PSRule for the checks we share, with
 * each peer's verdict in our rule IDs (../shared/peer-suites): every expectation must be met,
 * run through a fresh bundle of the CLI exactly as `check.mjs` documents. Skipped, with one
 * loud line, when ../shared is absent (a fresh clone); CI refuses to run without it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/fixtures.js';
import { buildTo } from './ship/helpers.js';

const SUITES = path.resolve(REPO_ROOT, '../shared/peer-suites');
const present = fs.existsSync(path.join(SUITES, 'check.mjs'));
if (!present) console.warn('!!! ../shared/peer-suites is absent: the peer-suite test is SKIPPED');

describe.skipIf(!present)('peer suites (Checkov, trivy-checks, tfsec, PSRule)', () => {
  it('meets every expectation', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-peer-build-'));
    buildTo(out);
    const run = spawnSync(process.execPath, [path.join(SUITES, 'check.mjs'), path.join(out, 'cli.js'), '', path.join(SUITES, 'expect.json')], { encoding: 'utf8', timeout: 600_000 });
    const summary = /(\d+)\/(\d+) expectations met/.exec(run.stdout);
    expect(summary, run.stdout + run.stderr).not.toBeNull();
    // On failure the unmet expectations are in the message.
    expect(run.stdout.split('\n').filter((l) => l.startsWith('  ')), run.stdout).toEqual([]);
    expect(summary![1]).toBe(summary![2]);
  });
});
