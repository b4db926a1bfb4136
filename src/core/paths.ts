/**
 * Paths as the linter shows and matches them: relative to the scan root, with `/` separators
 * on every platform (fingerprints, reports, config globs, environment words, variant names).
 */
import path from 'node:path';

/** A path relative to `root` with `/` separators (`''` for the root itself). */
export function relativeToRoot(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
