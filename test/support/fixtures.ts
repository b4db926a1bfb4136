/**
 * Paths the tests share: the repository root, its fixtures/ folder (trees that rule tables
 * and CLI tests reference) and the read-only corpus beside the repository; and the one walk
 * the corpus-wide tests use to list its files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO_ROOT, 'fixtures');
export const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');

/**
 * The corpus when it is there: beside the repository, or, from a git worktree one level
 * deeper (/work/wt/<branch>), beside the main checkout. Undefined in a fresh clone.
 */
export const CORPUS_FOUND: string | undefined = [CORPUS, path.resolve(REPO_ROOT, '../../shared/corpus')].find((c) => fs.existsSync(c));

/**
 * Every regular file under `dir` whose name matches `name`, depth first in listing order
 * (`.git` folders are not entered); none when `dir` does not exist.
 */
export function filesUnder(dir: string, name: RegExp, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== '.git') filesUnder(p, name, out);
    else if (e.isFile() && name.test(e.name)) out.push(p);
  }
  return out;
}
