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
import { str, unknown, type Value } from '../../src/core/value.js';
import { lintTree, tempTrees } from '../support/temp-tree.js';

const scriptOf = (text: string, file = '/repo/lib.sh') => buildCiModel(parseCiDocument(file, text, 'script')).scripts[0]!;

describe('sourced runs: which scripts a run may be kept for', () => {
  it('a shell script', () => {
    expect(reusableRun(scriptOf('KV=kv-ml\nsetup() { az group create -n rg -l westeurope; }\n'))).toBe(true);
  });
  it('not a PowerShell script', () => {
    expect(reusableRun(scriptOf('$kv = "kv"\n', '/repo/lib.ps1'))).toBe(false);
  });
});

describe('sourced runs: reuse', () => {
  const runOf = (n: number): ScriptRun => ({ file: `run${n}`, invocations: [], heredocs: [], calls: [], env: new Map(), assigned: new Map() });
  const value: Value = str('kv-ml');
  type Context = Parameters<SourcedRuns['run']>[2];
  const ctx: Context = { expression: () => unknown('not here'), source: () => undefined };
  const counted = () => {
    let made = 0;
    return { make: () => runOf(++made), made: () => made };
  };

  it('the same key and the very same values: the run made first', () => {
    const runs = new SourcedRuns();
    const c = counted();
    const a = runs.run('k', new Map([['KV', value]]), ctx, c.make);
    const b = runs.run('k', new Map([['KV', value]]), ctx, c.make);
    expect(b).toBe(a);
    expect(c.made()).toBe(1);
  });

  it('an equal copy of a value, another value, another name or another key: a run of its own', () => {
    const runs = new SourcedRuns();
    const c = counted();
    runs.run('k', new Map([['KV', value]]), ctx, c.make);
    runs.run('k', new Map([['KV', str('kv-ml')]]), ctx, c.make);
    runs.run('k', new Map([['KV', value], ['X', value]]), ctx, c.make);
    runs.run('k', new Map([['OTHER', value]]), ctx, c.make);
    runs.run('k2', new Map([['KV', value]]), ctx, c.make);
    expect(c.made()).toBe(5);
  });

  it('the caller changing its Map afterwards does not change what was kept', () => {
    const runs = new SourcedRuns();
    const c = counted();
    const env = new Map([['KV', value]]);
    runs.run('k', env, ctx, c.make);
    env.set('KV', str('other'));
    runs.run('k', new Map([['KV', value]]), ctx, c.make);
    expect(c.made()).toBe(1);
  });

  it('no key: never kept', () => {
    const runs = new SourcedRuns();
    const c = counted();
    runs.run(undefined, new Map(), ctx, c.make);
    runs.run(undefined, new Map(), ctx, c.make);
    expect(c.made()).toBe(2);
  });

  it('a run that sourced a file, or read a ${{ }} expression or a macro, is not kept (review 121)', () => {
    for (const hook of ['source', 'expression', 'macro'] as const) {
      const runs = new SourcedRuns();
      let made = 0;
      const withMacro: Context = { ...ctx, macro: () => unknown('macro') };
      const make = (c: Context): ScriptRun => {
        if (hook === 'source') c.source!('./vars.sh', new Map());
        else if (hook === 'expression') c.expression('inputs.kv');
        else c.macro!('kv');
        return runOf(++made);
      };
      runs.run('k', new Map(), withMacro, make);
      runs.run('k', new Map(), withMacro, make);
      expect(made, hook).toBe(2);
    }
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

  // The helper sources the settings of the folder each step runs in, with the word quoted or
  // escaped (review 121: the first version read the words and missed these).
  for (const [name, word] of [['quoted', '"source"'], ['backslash dot', '\\.'], ['quoted dot', "'.'"], ['backslash source', '\\source']] as const) {
    it(`a helper that sources its caller's folder's file (${name}): each step with its own file`, async () => {
      const dir = trees.tree({
        'lib/helper.sh': `#!/bin/bash\n${word} ./vars.sh\n`,
        'dev/vars.sh': 'ENVIRONMENT=dev\n',
        'prod/vars.sh': 'ENVIRONMENT=prod\n',
        '.github/workflows/deploy.yml':
          'name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n' +
          '      - name: a\n        working-directory: dev\n        run: |\n          source "$GITHUB_WORKSPACE/lib/helper.sh"\n          az keyvault create --name "kv-ml-$ENVIRONMENT" -g rg -l westeurope\n' +
          '      - name: b\n        working-directory: prod\n        run: |\n          source "$GITHUB_WORKSPACE/lib/helper.sh"\n          az keyvault create --name "kv-ml-$ENVIRONMENT" -g rg -l westeurope\n',
      });
      const r = await lintTree(dir, ['KV001']);
      // KV001 is off in nonprod: only the prod step's vault.
      expect(r.findings.map((f) => `${f.level} ${f.location.range.start.line} ${f.env}`)).toEqual(['error 16 prod']);
    });
  }
});
