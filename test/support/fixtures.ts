/**
 * Paths the tests share: the repository root, its fixtures/ folder (trees that rule tables
 * and CLI tests reference) and the read-only corpus beside the repository.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO_ROOT, 'fixtures');
export const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
