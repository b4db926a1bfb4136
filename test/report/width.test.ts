import { describe, expect, it } from 'vitest';
import { charWidth } from '../../src/report/width.js';

describe('charWidth: terminal columns of a code point', () => {
  it.each([
    ['ASCII letter', 'a', 1],
    ['Latin-1 letter', 'é', 1],
    ['combining acute accent', '\u0301', 0],
    ['zero width joiner', '\u200d', 0],
    ['variation selector-16', '\ufe0f', 0],
    ['right-to-left override (Cf)', '\u202e', 0],
    ['BOM', '\ufeff', 0],
    ['Hangul medial vowel', '\u1161', 0],
    ['CJK ideograph', '中', 2],
    ['Hiragana', 'の', 2],
    ['Hangul syllable', '값', 2],
    ['ideographic space', '\u3000', 2],
    ['fullwidth A', 'Ａ', 2],
    ['halfwidth katakana', 'ｶ', 1],
    ['CJK Extension B ideograph (astral)', '𠀀', 2],
    ['emoji of the BMP with emoji presentation', '✅', 2],
    ['astral emoji', '😀', 2],
    ['text-presentation symbol', '❤', 1],
    ['Devanagari vowel sign (Mc)', '\u093e', 1],
    ['horizontal ellipsis', '…', 1],
  ])('%s', (_name, ch, width) => {
    expect(charWidth(ch.codePointAt(0)!)).toBe(width);
  });
});
