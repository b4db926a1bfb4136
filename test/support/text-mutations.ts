/**
 * Mutations of a text for the differential tests of the fast YAML readers
 * (test/parse/yaml-fast-differential.test.ts, ci-fast-differential.test.ts): each reader must
 * either leave a mutated text to the library or read it exactly as the library does.
 */

/**
 * A mutated copy of `text`: one to three edits, each deleting one to three characters,
 * duplicating one to four, inserting one of `pieces`, or swapping two lines. `rng` gives
 * numbers in [0, 1) (scripts/fuzz.ts `makeRng`: a fixed seed gives the same texts).
 */
export function mutateText(text: string, rng: () => number, pieces: readonly string[]): string {
  const int = (n: number): number => Math.floor(rng() * n);
  let t = text;
  const edits = 1 + int(3);
  for (let k = 0; k < edits; k++) {
    const at = int(t.length + 1);
    switch (int(5)) {
      case 0:
        t = t.slice(0, at) + t.slice(at + 1 + int(3));
        break;
      case 1:
        t = t.slice(0, at) + t.slice(at, at + 1 + int(4)) + t.slice(at);
        break;
      case 2:
      case 3:
        t = t.slice(0, at) + pieces[int(pieces.length)]! + t.slice(at);
        break;
      default: {
        const lines = t.split('\n');
        const i = int(lines.length);
        const j = int(lines.length);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        t = lines.join('\n');
      }
    }
  }
  return t;
}
