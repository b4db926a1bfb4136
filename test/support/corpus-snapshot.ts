/**
 * Corpus counts are compared against a committed snapshot instead of literal numbers, so a
 * growing `../shared/corpus` shows *what* changed (vitest prints the JSON diff) rather than a
 * bare "expected 314 to be 289". Update every corpus snapshot with one command:
 *
 *     npm run test:update-snapshots
 *
 * and commit the changed files under `test/corpus/snapshots/` with a note on why they moved.
 */
import { expect } from 'vitest';

/** Keys sorted, so the snapshot does not depend on insertion order. */
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortedDeep(v)]));
  }
  return value;
}

export async function expectCorpusSnapshot(name: string, data: Record<string, unknown>): Promise<void> {
  await expect(JSON.stringify(sortedDeep(data), null, 2) + '\n').toMatchFileSnapshot(`../corpus/snapshots/${name}.json`);
}
