/**
 * `--cache` keeps how each file was classified, by the file's signature (src/api.ts classify,
 * FileFacts.fileFact): the answer must be the one a run without the cache gives, for the same
 * file under another root or another set of front ends too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../src/api.js';
import { settle, tempDirs } from '../support/cache-runs.js';

const tempDir = tempDirs('mil-cache-classify-');

describe('classification kept by the --cache', () => {
  it('a file told by its path from the root (a workflow by its folder) is classified again under another root', async () => {
    const repo = tempDir();
    fs.mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
    // Only its folder says this is a workflow (no top-level `on:`).
    const workflow = path.join(repo, '.github/workflows/odd.yml');
    fs.writeFileSync(workflow, 'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n');
    await settle();
    const cacheLocation = path.join(repo, 'cache.json');
    const from = (root: string, cache: boolean): LintOptions => ({ paths: [path.join(repo, '.github')], root, noConfig: true, today: '2026-12-01', ...(cache ? { cache: true, cacheLocation, cacheFreshMs: 0 } : {}) });
    const atRepo = await lint(from(repo, true));
    expect(atRepo.files).toEqual(['.github/workflows/odd.yml']);
    // Rooted at `.github`, the path is `workflows/odd.yml`: not a workflow's, and nothing else claims it.
    const underGithub = path.join(repo, '.github');
    const without = await lint(from(underGithub, false));
    expect(without.files).toEqual([]);
    expect((await lint(from(underGithub, true))).files).toEqual(without.files);
    // And back: the first root's answer is still right for it.
    expect((await lint(from(repo, true))).files).toEqual(atRepo.files);
  });
});
