/**
 * GITHUB_WORKSPACE as the base of the `sarif` and `github` paths (src/report/workspace.ts):
 * GitHub resolves a SARIF `uri` and an annotation's `file=` from the repository root.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubWorkspaceBase } from '../../src/report/workspace.js';
import { formatResult } from '../../src/report/index.js';
import { F_AML001, F_CI004, F_PARSE001, N_PARSE001, makeResult } from './fixtures.js';
import { validateSarif } from './sarif-validate.js';

describe('githubWorkspaceBase', () => {
  it.each([
    { name: 'not in GitHub Actions', env: {}, root: '/repo/infra', base: undefined },
    { name: 'an empty GITHUB_WORKSPACE', env: { GITHUB_WORKSPACE: '' }, root: '/repo/infra', base: undefined },
    { name: 'the scan root is the workspace', env: { GITHUB_WORKSPACE: '/repo' }, root: '/repo', base: '/repo' },
    { name: 'the scan root is a subfolder', env: { GITHUB_WORKSPACE: '/repo' }, root: '/repo/infra/tf', base: '/repo' },
    { name: 'a trailing slash and dots in GITHUB_WORKSPACE', env: { GITHUB_WORKSPACE: '/repo/./' }, root: '/repo/infra', base: '/repo' },
    { name: 'the scan root is outside the workspace', env: { GITHUB_WORKSPACE: '/repo' }, root: '/tmp/other', base: undefined },
    { name: 'a sibling whose name starts like the workspace', env: { GITHUB_WORKSPACE: '/repo' }, root: '/repo2/infra', base: undefined },
    { name: 'the scan root is above the workspace', env: { GITHUB_WORKSPACE: '/repo/infra' }, root: '/repo', base: undefined },
  ])('$name', ({ env, root, base }) => {
    expect(githubWorkspaceBase(root, env)).toBe(base);
  });

  it('a scan root inside the workspace only through a symbolic link: the workspace as seen from the root', () => {
    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-ws-')));
    const ws = path.join(tmp, 'ws');
    fs.mkdirSync(path.join(ws, 'uni', 'tf'), { recursive: true });
    // `link` is the workspace under another name; `deep` points below it.
    fs.symlinkSync(ws, path.join(tmp, 'link'));
    fs.symlinkSync(path.join(ws, 'uni'), path.join(tmp, 'deep'));
    expect(githubWorkspaceBase(path.join(tmp, 'link', 'uni'), { GITHUB_WORKSPACE: ws })).toBe(path.join(tmp, 'link'));
    expect(githubWorkspaceBase(path.join(ws, 'uni'), { GITHUB_WORKSPACE: path.join(tmp, 'link') })).toBe(ws);
    // No folder above `deep/tf` is the workspace: no base rather than a wrong one.
    expect(githubWorkspaceBase(path.join(tmp, 'deep', 'tf'), { GITHUB_WORKSPACE: ws })).toBeUndefined();
  });
});

describe('sarif and github paths relative to the workspace', () => {
  // fixtures: the scan root is /repo; the workspace is its parent /.
  const result = () => makeResult([F_AML001, F_CI004, F_PARSE001], { notifications: [N_PARSE001] });

  it('sarif: every uri relative to the base, %SRCROOT% is the base, fingerprints unchanged', () => {
    /* eslint-disable @typescript-eslint/no-explicit-any -- walking the SARIF JSON */
    const plain = JSON.parse(formatResult(result(), 'sarif'));
    const rooted = JSON.parse(formatResult(result(), 'sarif', { uriBase: '/' }));
    const uris = (doc: any): string[] => [
      ...doc.runs[0].results.flatMap((r: any) => [r.locations[0], ...(r.relatedLocations ?? [])].map((l: any) => l.physicalLocation.artifactLocation.uri)),
      ...doc.runs[0].invocations[0].toolExecutionNotifications.map((n: any) => n.locations[0].physicalLocation.artifactLocation.uri),
    ];
    expect(uris(plain)).toEqual(['.github/workflows/deploy.yml', 'envs/prod/main.tf', 'envs/prod.tfvars', 'modules/gpu/broken.tf', 'modules/gpu/broken.tf']);
    expect(uris(rooted)).toEqual(uris(plain).map((u) => `repo/${u}`));
    expect(rooted.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///' } });
    expect(rooted.runs[0].results.map((r: any) => r.partialFingerprints)).toEqual(plain.runs[0].results.map((r: any) => r.partialFingerprints));
    expect(validateSarif(rooted)).toEqual([]);
  });

  it('github: file= relative to the base given as cwd', () => {
    expect(formatResult(result(), 'github', { cwd: '/' })).toContain('::error file=repo/envs/prod/main.tf,line=3,');
  });
});
