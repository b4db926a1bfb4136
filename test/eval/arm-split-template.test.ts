/** splitTemplate (eval/arm/resourceid.ts): parts between separators outside `{…}` holes, `{{`/`}}` kept as written. */
import { describe, expect, it } from 'vitest';
import { splitTemplate } from '../../src/eval/arm/resourceid.js';

/** The definition, a character at a time (the form splitTemplate had before it slices). */
function reference(t: string, sep = '/'): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (depth === 0 && c === '{' && t[i + 1] === '{') {
      cur += '{{';
      i++;
    } else if (depth === 0 && c === '}' && t[i + 1] === '}') {
      cur += '}}';
      i++;
    } else if (c === '{') {
      depth++;
      cur += c;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
      cur += c;
    } else if (depth === 0 && c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

describe('splitTemplate', () => {
  it('splits outside holes only; doubled braces are literal text', () => {
    expect(splitTemplate('a/{parameters(\'x/y\')}/c')).toEqual(['a', "{parameters('x/y')}", 'c']);
    expect(splitTemplate('a{{/b}}/c')).toEqual(['a{{', 'b}}', 'c']);
    expect(splitTemplate('/a//b/')).toEqual(['', 'a', '', 'b', '']);
    expect(splitTemplate('')).toEqual(['']);
    expect(splitTemplate('x.y.{z.w}', '.')).toEqual(['x', 'y', '{z.w}']);
    expect(splitTemplate('}}/{{{a/b}}}/c')).toEqual(reference('}}/{{{a/b}}}/c'));
  });

  it('agrees with the character-at-a-time definition on every short string of the interesting characters', () => {
    const alphabet = ['a', '/', '{', '}', '.'];
    const strings = [''];
    for (let len = 1; len <= 6; len++) {
      const next: string[] = [];
      for (const s of strings) if (s.length === len - 1) for (const c of alphabet) next.push(s + c);
      strings.push(...next);
    }
    expect(strings.length).toBe(1 + 5 + 25 + 125 + 625 + 3125 + 15625);
    for (const s of strings) {
      expect(splitTemplate(s)).toEqual(reference(s));
      expect(splitTemplate(s, '.')).toEqual(reference(s, '.'));
    }
  });
});
