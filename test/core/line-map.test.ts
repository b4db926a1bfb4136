/**
 * LineMap's line starts: CR LF, a lone CR and a lone LF each end a line (the CR path finds
 * them with indexOf). Held to a character-by-character reference on fixed and generated text.
 */
import { describe, expect, it } from 'vitest';
import { LineMap } from '../../src/core/source.js';

/** The reference: one character at a time. */
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Line start of each line, read back through position(). */
function starts(text: string): number[] {
  const m = new LineMap(text);
  const out: number[] = [];
  for (let line = 1; line <= m.lineCount; line++) out.push(m.offsetOf(line, 1));
  return out;
}

describe('LineMap line starts', () => {
  it.each([
    ['', [0]],
    ['a\nb', [0, 2]],
    ['a\r\nb', [0, 3]],
    ['a\rb', [0, 2]],
    ['a\n\rb', [0, 2, 3]],
    ['\r\r\n\n', [0, 1, 3, 4]],
    ['x\r', [0, 2]],
    ['\r\n', [0, 2]],
  ])('%j', (text, expected) => {
    expect(starts(text)).toEqual(expected);
    expect(starts(text)).toEqual(referenceStarts(text));
  });

  it('matches the reference on generated mixes of CR, LF and text', () => {
    // A fixed linear congruential sequence: the same cases every run.
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['\r', '\n', '\r\n', '\n\r', 'ab', ' '];
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let j = next(14); j > 0; j--) text += pieces[next(pieces.length)];
      expect(starts(text), JSON.stringify(text)).toEqual(referenceStarts(text));
    }
  });

  it('maps offsets after CR LF line ends to lines and columns', () => {
    const m = new LineMap('ab\r\ncd\re\nf');
    expect(m.position(4)).toEqual({ line: 2, column: 1, offset: 4 });
    expect(m.position(7)).toEqual({ line: 3, column: 1, offset: 7 });
    expect(m.position(9)).toEqual({ line: 4, column: 1, offset: 9 });
  });

  it('finds the line of any offset, in any order of lookups (the forward steps and the search agree)', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const text = Array.from({ length: 300 }, (_, i) => 'x'.repeat(i % 5) + ['\n', '\r\n', '\r'][i % 3]).join('');
    const starts = referenceStarts(text);
    const lineOf = (offset: number): number => starts.filter((s) => s <= offset).length;
    const m = new LineMap(text);
    let offset = 0;
    for (let k = 0; k < 5000; k++) {
      // Mostly small steps forward (a parser's order), sometimes a jump anywhere, sometimes back.
      const r = next(10);
      offset = r < 6 ? Math.min(text.length, offset + next(12)) : r < 8 ? next(text.length + 1) : Math.max(0, offset - next(30));
      const line = lineOf(offset);
      expect(m.position(offset), `offset ${offset}`).toEqual({ line, column: offset - starts[line - 1]! + 1, offset });
    }
  });
});
