/**
 * relativeToRoot answers without path.relative in the common case (issue 15: it is called for
 * every file, unit and finding); it must give path.relative's answer (with `/`) for every path,
 * normalized or not, inside the root or not.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeToRoot } from '../../src/core/paths.js';
import { isBinary } from '../../src/core/host.js';

describe('relativeToRoot', () => {
  const roots = ['/a', '/a/b', '/', '/a/', '/a/./b', '/a//b', '/a/..', '/a/b/..', '/a.b', '/a/b/.x', '/a/b/..x'];
  const tails = ['', '/', '/c', '/c/', '/c/d', '/./c', '/../c', '/c/..', '/c/.', '//c', '/..c', '/.c', '/c..', 'x', 'x/c', '/c/d/../e', '/c/.../d'];
  it.skipIf(path.sep !== '/')('is path.relative with / separators, for plain and unnormalized paths alike', () => {
    for (const root of roots) {
      for (const base of [root, '/a', '/a/b', '/z']) {
        for (const tail of tails) expect([root, base + tail, relativeToRoot(root, base + tail)]).toEqual([root, base + tail, path.relative(root, base + tail)]);
      }
    }
  });
});

describe('isBinary', () => {
  it('is true when one of the first 8,000 bytes is NUL', () => {
    const withNul = (length: number, at: number): Buffer => {
      const b = Buffer.alloc(length, 0x61);
      if (at >= 0) b[at] = 0;
      return b;
    };
    expect([withNul(0, -1), withNul(10, 3), withNul(9000, 8500), withNul(9000, 7999), withNul(8000, 7999), withNul(5, 4), withNul(9000, -1)].map(isBinary)).toEqual([false, true, false, true, true, true, false]);
  });
});
