/**
 * Terraform's regular expressions: Go's `regexp` package (RE2 syntax, leftmost-first, linear
 * time), run on `re2js`, a pure-JavaScript port of RE2/J. Patterns come from scanned code, so a
 * backtracking engine (JavaScript's RegExp) would let one pull request stall a CI job with
 * `^(a+)+$`; RE2 matches in time linear in the input whatever the pattern.
 *
 * Semantics kept from Go / go-cty (cty/function/stdlib/regexp.go, Go regexp.ReplaceAllString):
 * - RE2 syntax: `(?i)` flags, `(?P<n>…)` and `(?<n>…)` named groups; no look-around or
 *   backreferences (a syntax error, as in Terraform).
 * - Successive matches do not overlap, and an empty match right after a match is skipped.
 * - `$1`, `${1}`, `$name`, `${name}` and `$$` in replacements, with Go's Expand rules.
 */
import type { RE2JS } from 're2js';
import { re2 } from '../../core/re2.js';
import { memoByText } from '../../core/own-strings.js';

/** One match: the span of the whole match and of each capture group (-1 when the group did not take part). */
export interface RegexMatch {
  /** [start, end] of group i at [2i, 2i+1], in UTF-16 offsets of the subject. */
  spans: number[];
}

export interface TerraformRegex {
  readonly pattern: string;
  /** Group names by group number (1-based; index 0 is unused); '' for an unnamed group. */
  readonly groupNames: readonly string[];
  /** True when the pattern matches any part of `s`. */
  test(s: string): boolean;
  /** The first (leftmost) match, or undefined. */
  first(s: string): RegexMatch | undefined;
  /** Every non-overlapping match, as Go's FindAllStringSubmatchIndex(s, -1). */
  all(s: string): RegexMatch[];
  /** Go's ReplaceAllString: every match replaced by the expanded template. */
  replaceAll(s: string, template: string): string;
}

/** A pattern that is not valid RE2 syntax (Terraform reports "invalid regexp pattern"). */
export class RegexSyntaxError extends Error {}

// Compiled patterns are reused: a validation regex is tested against many sizes (GPU002). By
// an own copy of the pattern (memoByText): a pattern cut from a file's text does not keep it.
const compiled = memoByText(500, (pattern): TerraformRegex | RegexSyntaxError => {
  try {
    return new Re2Regex(pattern);
  } catch (e) {
    return new RegexSyntaxError(e instanceof Error ? e.message : String(e));
  }
});

/** Compiles an RE2 pattern; throws RegexSyntaxError when it is not valid RE2 syntax. */
export function compileRegex(pattern: string): TerraformRegex {
  const hit = compiled(pattern);
  if (hit instanceof RegexSyntaxError) throw hit;
  return hit;
}

/** compileRegex, or undefined when the pattern is not valid RE2 syntax. */
export function tryCompileRegex(pattern: string): TerraformRegex | undefined {
  try {
    return compileRegex(pattern);
  } catch (e) {
    if (e instanceof RegexSyntaxError) return undefined;
    throw e;
  }
}

class Re2Regex implements TerraformRegex {
  private readonly re: RE2JS;
  readonly groupNames: string[];

  constructor(readonly pattern: string) {
    this.re = re2().compile(pattern);
    this.groupNames = Array.from({ length: this.re.groupCount() + 1 }, () => '');
    for (const [name, i] of Object.entries(this.re.namedGroups())) this.groupNames[i] = name;
  }

  test(s: string): boolean {
    return this.re.test(s);
  }

  first(s: string): RegexMatch | undefined {
    return this.matchAt(this.re.matcher(s), 0);
  }

  private matchAt(m: ReturnType<RE2JS['matcher']>, pos: number): RegexMatch | undefined {
    if (!m.find(pos)) return undefined;
    const spans: number[] = [];
    for (let g = 0; g < this.groupNames.length; g++) spans.push(m.start(g), m.end(g));
    return { spans };
  }

  all(s: string): RegexMatch[] {
    const m = this.re.matcher(s);
    const out: RegexMatch[] = [];
    let prevEnd = -1;
    for (let pos = 0; pos <= s.length; ) {
      const hit = this.matchAt(m, pos);
      if (!hit) break;
      const [start, end] = hit.spans as [number, number];
      let accept = true;
      if (end === pos) {
        // An empty match: Go skips one right after the previous match, then moves one rune on.
        if (start === prevEnd) accept = false;
        pos += runeWidth(s, pos);
      } else pos = end;
      prevEnd = end;
      if (accept) out.push(hit);
    }
    return out;
  }

  replaceAll(s: string, template: string): string {
    const m = this.re.matcher(s);
    let out = '';
    let lastEnd = 0;
    for (let pos = 0; pos <= s.length; ) {
      const hit = this.matchAt(m, pos);
      if (!hit) break;
      const [start, end] = hit.spans as [number, number];
      out += s.slice(lastEnd, start);
      // No replacement for an empty match right after another match (Go: no double replacement).
      if (end > lastEnd || start === 0) out += expand(template, s, hit, this.groupNames);
      lastEnd = end;
      const w = runeWidth(s, pos);
      pos = pos + w > end ? pos + w : end;
    }
    return out + s.slice(lastEnd);
  }
}

/** UTF-16 units of the code point at `i` (1 past the end, so loops terminate). */
function runeWidth(s: string, i: number): number {
  const c = s.codePointAt(i);
  return c !== undefined && c > 0xffff ? 2 : 1;
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/** Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`; a missing group expands to ''. */
export function expand(template: string, subject: string, match: RegexMatch, groupNames: readonly string[]): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    const ref = extractName(template, i);
    if (!ref) {
      out += '$'; // malformed: the `$` is kept as text
      continue;
    }
    i = ref.next;
    const group = ref.num >= 0 ? ref.num : groupNames.findIndex((n, g) => g > 0 && n === ref.name);
    const start = group >= 0 ? match.spans[2 * group] : undefined;
    const end = group >= 0 ? match.spans[2 * group + 1] : undefined;
    if (start !== undefined && end !== undefined && start >= 0) out += subject.slice(start, end);
  }
  return out + template.slice(i);
}

/** The name after a `$` (Go's `extract`): letters, digits and `_`, optionally in braces. */
function extractName(t: string, from: number): { name: string; num: number; next: number } | undefined {
  let i = from;
  const brace = t[i] === '{';
  if (brace) i++;
  const start = i;
  while (i < t.length) {
    const ch = String.fromCodePoint(t.codePointAt(i)!);
    if (!NAME_CHAR.test(ch)) break;
    i += ch.length;
  }
  if (i === start) return undefined;
  const name = t.slice(start, i);
  if (brace) {
    if (t[i] !== '}') return undefined;
    i++;
  }
  // A purely numeric name (no leading zero, at most 9 digits) is a group number.
  const num = /^(0|[1-9]\d{0,8})$/.test(name) ? Number(name) : -1;
  return { name, num, next: i };
}
