/**
 * Words of a CI script as the CI system sees them: a `${{ … }}` expression is substituted
 * before the shell runs, so its inner spaces do not split words. Shared by the `az`
 * interpreter and the rules that read command lines (CI005). Kept outside src/eval/ci/: the
 * rules load it with every run (through src/model/ci.ts), the CI front end only on demand.
 */
import type { CiWord } from './ci/types.js';

/**
 * `${{ matrix.size }}` is one substitution to the CI system but three words to the script
 * lexer (it splits at spaces): joined back into one word, mapped onto its parts.
 */
export function joinExpressions(argv: readonly CiWord[]): readonly CiWord[] {
  // Most commands have no expression: their words as they are (read, never changed), not a copy.
  if (!argv.some((w) => w.raw.includes('${{'))) return argv;
  const out: CiWord[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const open = w.raw.lastIndexOf('${{');
    if (open < 0 || w.raw.indexOf('}}', open) >= 0) {
      out.push(w);
      continue;
    }
    const parts = [w];
    while (i + 1 < argv.length) {
      const n = argv[++i]!;
      parts.push(n);
      if (n.raw.includes('}}')) break;
    }
    out.push(joined(parts));
  }
  return out;
}

function joined(parts: CiWord[]): CiWord {
  const starts: number[] = [];
  let raw = '';
  for (const p of parts) {
    if (raw) raw += ' ';
    starts.push(raw.length);
    raw += p.raw;
  }
  const at = (i: number): { p: CiWord; off: number } => {
    let k = parts.length - 1;
    while (k > 0 && starts[k]! > i) k--;
    return { p: parts[k]!, off: Math.min(Math.max(i - starts[k]!, 0), parts[k]!.raw.length) };
  };
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  return {
    text: parts.map((p) => p.text).join(' '),
    raw,
    range: { start: first.range.start, end: last.range.end },
    rangeOf(from: number, to: number) {
      const a = at(from);
      const b = at(Math.max(from, to - 1));
      return { start: a.p.rangeOf(a.off, a.off + 1).start, end: b.p.rangeOf(b.off, b.off + 1).end };
    },
  };
}
