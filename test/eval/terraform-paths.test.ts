// The plain-path shortcuts of the Terraform evaluator give node:path's answers for every path.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativePath } from '../../src/eval/terraform/paths.js';
import { manifestFile } from '../../src/eval/terraform/manifest.js';

const PATHS = ['/', '', 'a', 'a/b', '/a', '/a/b', '/a/b/', '/a//b', '/a/./b', '/a/../b', '/a/..b', '/a/..b/c', '/a/b/c.tfvars', '/a/b/../c', '/ab', '/a/bc/d', '/a/.b/c', '/a/b/.', '/a/b/..', './a', '../a'];

describe('Terraform path shortcuts', () => {
  it('relativePath is path.relative for every pair of paths', () => {
    for (const dir of PATHS) for (const p of PATHS) expect([dir, p, relativePath(dir, p)]).toEqual([dir, p, path.relative(dir, p)]);
  });

  it('manifestFile is the manifest under .terraform (or TF_DATA_DIR) resolved against the root module', () => {
    for (const dir of PATHS) {
      expect(manifestFile(dir)).toBe(path.join(path.resolve(dir, '.terraform'), 'modules', 'modules.json'));
      expect(manifestFile(dir, 'tfdata')).toBe(path.join(path.resolve(dir, 'tfdata'), 'modules', 'modules.json'));
    }
  });
});
