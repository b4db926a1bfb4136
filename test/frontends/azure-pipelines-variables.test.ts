/**
 * Azure Pipelines variables templates (frontends/azure-pipelines-variables.ts) on hostile include
 * graphs: a file included many times along many paths is read once and inserted within Azure
 * Pipelines' limits (100 included files, 20 levels), a cycle ends, and a template outside the
 * scan root is never read. Each case runs lint() on a temporary tree.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { tempDirs } from '../support/cache-runs.js';
import { writeFiles } from '../action/git-fixture.js';

const tempDir = tempDirs('mil-azp-vars-');

function tree(files: Record<string, string>): string {
  const root = tempDir();
  writeFiles(root, files);
  return root;
}

const PIPELINE = 'trigger: none\nvariables:\n- template: t1.yml\nsteps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "$(gpuSize)" --min-instances 0\n';

async function gpu004(root: string, scan = root): Promise<string[]> {
  const r = await lint({ paths: [scan], root, rules: ['GPU004'], noConfig: true, today: '2026-12-01' });
  return r.findings.map((f) => `${path.relative(root, f.location.file)}:${f.location.range.start.line}`);
}

describe('variables templates on hostile include graphs', () => {
  it('nine files, each including the next seven times (7^8 paths): read once each, the value found', async () => {
    const files: Record<string, string> = { 'azure-pipelines.yml': PIPELINE };
    for (let i = 1; i <= 8; i++) files[`t${i}.yml`] = `variables:\n${Array.from({ length: 7 }, () => `- template: t${i + 1}.yml\n`).join('')}`;
    files['t9.yml'] = 'variables:\n- name: gpuSize\n  value: Standard_NC6\n';
    expect(await gpu004(tree(files))).toEqual(['t9.yml:3']);
  });

  it('a cycle (t1 → t2 → t1) ends; the values before it are read', async () => {
    const root = tree({
      'azure-pipelines.yml': PIPELINE,
      't1.yml': 'variables:\n- name: gpuSize\n  value: Standard_NC6\n- template: t2.yml\n',
      't2.yml': 'variables:\n- template: t1.yml\n',
    });
    expect(await gpu004(root)).toEqual(['t1.yml:3']);
  });

  it('a template outside the scan root is not read: its value stays unknown', async () => {
    const root = tree({
      'outside/t1.yml': 'variables:\n  gpuSize: Standard_NC6\n',
      'repo/azure-pipelines.yml': PIPELINE.replace('t1.yml', '../outside/t1.yml'),
    });
    expect(await gpu004(path.join(root, 'repo'), path.join(root, 'repo'))).toEqual([]);
  });
});
