/**
 * A script sourced again with the same variables in the same context reuses its run
 * (src/frontends/sourced-runs.ts, issue 15): never where the run could differ, and the findings
 * are those of a run per `source`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';
import { buildCiModel } from '../../src/eval/ci/build.js';
import { reusableRun, SourcedRuns } from '../../src/frontends/sourced-runs.js';
import type { ScriptRun } from '../../src/eval/azcli/interpret.js';
import { str, type Value } from '../../src/core/value.js';
import { lintTree, tempTrees } from '../support/temp-tree.js';

const scriptOf = (text: string, file = '/repo/lib.sh') => buildCiModel(parseCiDocument(file, text, 'script')).scripts[0]!;

describe('sourced runs: which scripts a run is reused for', () => {
  it('a shell script of plain commands and functions', () => {
    expect(reusableRun(scriptOf('KV=kv-ml\nsetup() { az group create -n rg -l westeurope; }\n'), false)).toBe(true);
  });
  it('not one that sources a file itself, nor one with a ${{ }} expression, nor in an Azure Pipelines file (macros)', () => {
    expect(reusableRun(scriptOf('source ./other.sh\nKV=kv\n'), false)).toBe(false);
    expect(reusableRun(scriptOf('. ./other.sh\n'), false)).toBe(false);
    expect(reusableRun(scriptOf('helper() { source "$1"; }\n'), false)).toBe(false);
    expect(reusableRun(scriptOf('KV=${{ inputs.kv }}\n'), false)).toBe(false);
    expect(reusableRun(scriptOf('cat <<EOF > x\n${{ inputs.kv }}\nEOF\n'), false)).toBe(false);
    expect(reusableRun(scriptOf('KV=kv\n'), true)).toBe(false);
  });
  it('not a PowerShell script', () => {
    expect(reusableRun(scriptOf('$kv = "kv"\n', '/repo/lib.ps1'), false)).toBe(false);
  });
});

describe('sourced runs: reuse', () => {
  const runOf = (n: number): ScriptRun => ({ file: `run${n}`, invocations: [], heredocs: [], calls: [], env: new Map(), assigned: new Map() });
  const value: Value = str('kv-ml');

  it('the same key and the very same values: the run made first', () => {
    const runs = new SourcedRuns();
    let made = 0;
    const make = () => runOf(++made);
    const a = runs.run('k', new Map([['KV', value]]), make);
    const b = runs.run('k', new Map([['KV', value]]), make);
    expect(b).toBe(a);
    expect(made).toBe(1);
  });

  it('an equal copy of a value, another value, another name or another key: a run of its own', () => {
    const runs = new SourcedRuns();
    let made = 0;
    const make = () => runOf(++made);
    runs.run('k', new Map([['KV', value]]), make);
    runs.run('k', new Map([['KV', str('kv-ml')]]), make);
    runs.run('k', new Map([['KV', value], ['X', value]]), make);
    runs.run('k', new Map([['OTHER', value]]), make);
    runs.run('k2', new Map([['KV', value]]), make);
    expect(made).toBe(5);
  });

  it('the caller changing its Map afterwards does not change what was kept', () => {
    const runs = new SourcedRuns();
    let made = 0;
    const make = () => runOf(++made);
    const env = new Map([['KV', value]]);
    runs.run('k', env, make);
    env.set('KV', str('other'));
    runs.run('k', new Map([['KV', value]]), make);
    expect(made).toBe(1);
  });

  it('no key: never kept', () => {
    const runs = new SourcedRuns();
    let made = 0;
    const make = () => runOf(++made);
    runs.run(undefined, new Map(), make);
    runs.run(undefined, new Map(), make);
    expect(made).toBe(2);
  });
});

describe('sourced runs: findings of a helper every step sources', () => {
  const trees = tempTrees('mil-sourced-runs-');
  afterAll(() => trees.cleanup());
  // The helper names the vault from the environment the step gives it, and moves to its own folder.
  const helper = 'KV_NAME="kv-${ENVIRONMENT:-dev}-ml"\nPURGE="${PURGE_FLAG:-}"\ncd infra\n';
  const step = (name: string, env: string, dir: string): string =>
    `      - name: ${name}\n        working-directory: ${dir}\n${env}        run: |\n          source "$GITHUB_WORKSPACE/lib/helper.sh"\n          az keyvault create --name "$KV_NAME" -g rg -l westeurope $PURGE\n`;
  const workflow = (steps: string): string => `name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

  it('each step with its own values and folder: its own finding, or none', async () => {
    const dir = trees.tree({
      'lib/helper.sh': helper,
      '.github/workflows/deploy.yml': workflow(
        step('one', '', 'a') +
          step('two', '', 'b') +
          step('prod', '        env:\n          ENVIRONMENT: prod\n', 'a') +
          step('purged', '        env:\n          PURGE_FLAG: --enable-purge-protection\n', 'a'),
      ),
    });
    const r = await lintTree(dir, ['KV001']);
    // Steps one and two (no values: kv-dev-ml, one finding each), prod (kv-prod-ml, an error); the purged step none.
    expect(r.findings.map((f) => `${f.level} ${f.location.range.start.line} ${f.message.slice(0, 25)}`).sort()).toEqual([
      'error 23 Key Vault "kv-prod-ml" ha',
      'warning 11 Key Vault "kv-dev-ml" has',
      'warning 16 Key Vault "kv-dev-ml" has',
    ]);
  });
});
