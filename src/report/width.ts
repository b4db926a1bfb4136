/**
 * Terminal column width of a code point, a small self-contained `wcwidth` for the code frames of
 * the stylish format: the carets under a range are placed by the columns a terminal gives the
 * text before it, not by its UTF-16 code units (finding positions stay code units everywhere).
 *
 * - 0, as in Markus Kuhn's wcwidth.c: combining marks (general categories Mn, Me: accents,
 *   variation selectors U+FE00–FE0F and U+E0100–E01EF) and format characters (Cf: zero width
 *   space and (non-)joiners U+200B–U+200D, direction marks, the word joiner, the BOM U+FEFF), and
 *   Hangul Jamo medial vowels and final consonants U+1160–U+11FF and U+D7B0–U+D7FF (they join the
 *   leading consonant before them);
 * - 2: emoji presented as emoji (`Emoji_Presentation`, UTS #51) and East Asian Wide (W) or
 *   Fullwidth (F) characters (UAX #11, EastAsianWidth.txt), table below;
 * - 1: everything else (tabs are the caller's: the frame repeats them).
 *
 * Per code point, as wcwidth and most terminals count: an emoji ZWJ sequence or a flag may show as
 * one glyph in some terminals and be counted wider here.
 */

/**
 * East Asian Wide and Fullwidth ranges, inclusive, from EastAsianWidth-17.0.0.txt (W and F),
 * without the emoji (matched by `Emoji_Presentation`), merged across gaps that are unassigned,
 * zero-width or emoji (so an unassigned code point of a CJK block counts 2, as UAX #11 assigns
 * it by default).
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2329, 0x232a], // angle brackets
  [0x2630, 0x2637], // trigrams
  [0x268a, 0x268f], // monograms and digrams
  [0x2e80, 0x3029], // CJK Radicals, Kangxi Radicals, Ideographic Description, CJK Symbols and Punctuation
  [0x3030, 0x303e],
  [0x3041, 0x3163], // Hiragana, Katakana, Bopomofo, Hangul Compatibility Jamo
  [0x3165, 0x3247], // … Kanbun, CJK Strokes, Enclosed CJK Letters
  [0x3250, 0xa4c6], // … CJK Compatibility, CJK Unified Ideographs (and Extension A), Yi
  [0xa960, 0xa97c], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul Syllables
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
  [0xfe10, 0xfe6b], // vertical forms, CJK compatibility forms, small form variants
  [0xff01, 0xff60], // fullwidth ASCII forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x16fe3], // ideographic symbols
  [0x16ff2, 0x1b2fb], // Tangut, Khitan, Kana supplements, Nushu
  [0x1d300, 0x1d376], // Tai Xuan Jing symbols, counting rods
  [0x1f200, 0x1f265], // enclosed ideographic supplement
  [0x20000, 0x3fffd], // CJK Unified Ideographs Extensions B–J, compatibility supplement (planes 2 and 3)
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff\ud7b0-\ud7ff]$/u;
const EMOJI = /^\p{Emoji_Presentation}$/u;

function isWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns a terminal gives the code point `cp`: 0, 1 or 2 (see above). */
export function charWidth(cp: number): number {
  if (cp < 0x300) return 1; // ASCII, Latin-1, Latin Extended: no combining marks before U+0300
  if (cp >= 0xd800 && cp <= 0xdfff) return 1; // a lone surrogate, printed as U+FFFD
  const ch = String.fromCodePoint(cp);
  if (ZERO_WIDTH.test(ch)) return 0;
  return EMOJI.test(ch) || isWide(cp) ? 2 : 1;
}
