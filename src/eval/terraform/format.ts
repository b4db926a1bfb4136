/**
 * Terraform's `format` (go-cty stdlib FormatFunc): verbs %v %#v %t %b %d %o %x %X %e %E %f
 * %g %G %s %q %%, flags `-+# 0`, width, precision and `[n]` argument indexes.
 *
 * Numbers go through Go's fmt for big.Int / big.Float; strings are padded by grapheme
 * clusters. Go's fmt refuses widths and precisions over 10^6 ("%!(NOVERB)"): past that the
 * result is not known here, and nothing is ever allocated for it.
 */
import type { Value } from '../../core/value.js';
import { exponent, fixed, general, plainNumber, toDecimal } from './decimal.js';

/** Go's fmt limit on a width or precision (fmt/print.go tooLarge). */
export const MAX_FORMAT_WIDTH = 1_000_000;

export type FormatResult =
  | { ok: true; text: string }
  /** Terraform reports an error (so `can(format(...))` is false). */
  | { ok: false; error: string }
  /** Terraform has an answer we do not compute. */
  | { ok: false; unknown: string };

interface Verb {
  raw: string;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
  mode: string;
}

const VERB = /^%([-+# 0]*)(?:\[(\d+)\])?(\d*)(?:\.(\d*))?(?:\[(\d+)\])?(.)?/su;

export function tfFormat(fmt: string, args: Value[]): FormatResult {
  let out = '';
  let next = 0; // index of the next argument (0-based)
  for (let i = 0; i < fmt.length; ) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    const m = VERB.exec(fmt.slice(pct));
    if (!m || m[6] === undefined) return { ok: false, error: `invalid format verb at offset ${pct}` };
    i = pct + m[0].length;
    const [, flags = '', idx1, w, p, idx2, mode] = m;
    if (mode === '%' && m[0] === '%%') {
      out += '%';
      continue;
    }
    const width = w ? Number(w) : undefined;
    // "A period with no following number is invalid" (go-cty); Go reads it as precision 0.
    if (p === '') return { ok: false, error: `invalid format precision in ${JSON.stringify(m[0])}` };
    const prec = p !== undefined ? Number(p) : undefined;
    if ((width ?? 0) > MAX_FORMAT_WIDTH || (prec ?? 0) > MAX_FORMAT_WIDTH)
      return { ok: false, unknown: `format width or precision over ${MAX_FORMAT_WIDTH.toLocaleString('en')}` };
    const idx = idx2 ?? idx1;
    if (idx !== undefined) next = Number(idx) - 1;
    const arg = args[next++];
    if (!arg) return { ok: false, error: `not enough arguments for ${JSON.stringify(m[0])}` };
    const verb: Verb = {
      raw: m[0], mode: mode!, width, prec,
      minus: flags.includes('-'), plus: flags.includes('+'), sharp: flags.includes('#'), space: flags.includes(' '), zero: flags.includes('0'),
    };
    const r = formatOne(verb, arg);
    if (!r.ok) return r;
    out += r.text;
  }
  return { ok: true, text: out };
}

function formatOne(verb: Verb, arg: Value): FormatResult {
  if (verb.mode !== 'v' && arg.kind === 'null') return { ok: false, error: `null value cannot be formatted by ${verb.raw}` };
  switch (verb.mode) {
    case 'v':
      return formatAsIs(verb, arg);
    case 't': {
      const b = arg.kind === 'bool' ? arg.value : arg.kind === 'string' && (arg.value === 'true' || arg.value === 'false') ? arg.value === 'true' : undefined;
      return b === undefined ? { ok: false, error: `${verb.raw} needs a bool` } : { ok: true, text: String(b) };
    }
    case 'b': case 'd': case 'o': case 'x': case 'X':
    case 'e': case 'E': case 'f': case 'g': case 'G': {
      const n = toNumber(arg);
      if (n === undefined) return { ok: false, error: `${verb.raw} needs a number` };
      return 'bdoxX'.includes(verb.mode) ? formatInteger(verb, n) : formatFloat(verb, n);
    }
    case 's': case 'q': {
      let s = arg.kind === 'string' ? arg.value : arg.kind === 'number' ? plainNumber(arg.value) : arg.kind === 'bool' ? String(arg.value) : undefined;
      if (s === undefined) return { ok: false, error: `${verb.raw} needs a string` };
      if (verb.prec !== undefined && verb.prec > 0) s = graphemes(s).slice(0, verb.prec).join('');
      return { ok: true, text: pad(verb, verb.mode === 'q' ? goJsonString(s) : s) };
    }
    default:
      return { ok: false, error: `unsupported format verb ${JSON.stringify(verb.mode)} in ${verb.raw}` };
  }
}

function formatAsIs(verb: Verb, arg: Value): FormatResult {
  if (!verb.sharp && arg.kind === 'string') return { ok: true, text: pad(verb, arg.value) };
  if (!verb.sharp && arg.kind === 'number') {
    const g = general(toDecimal(arg.value), undefined, 'e');
    return g === undefined ? { ok: false, unknown: 'number digits' } : { ok: true, text: pad(verb, sign(arg.value) + g) };
  }
  const json = goJson(arg);
  return json === undefined ? { ok: false, unknown: 'value is too large to format statically' } : { ok: true, text: pad(verb, json) };
}

function sign(n: number): string {
  return n < 0 || Object.is(n, -0) ? '-' : '';
}

/** Go's big.Int formatting: [pad][sign][prefix][zeros][digits][pad]. */
function formatInteger(verb: Verb, n: number): FormatResult {
  if (!Number.isInteger(n)) return { ok: false, error: `${verb.raw} needs an integer` };
  // Past 2^53 our double is not Terraform's exact integer.
  if (!Number.isSafeInteger(n)) return { ok: false, unknown: 'integer beyond 2^53' };
  const base = verb.mode === 'b' ? 2 : verb.mode === 'o' ? 8 : verb.mode === 'd' ? 10 : 16;
  let digits = Math.abs(n).toString(base);
  if (verb.mode === 'X') digits = digits.toUpperCase();
  const s = n < 0 ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  const prefix = verb.sharp ? ({ b: '0b', o: '0', x: '0x', X: '0X' } as Record<string, string>)[verb.mode] ?? '' : '';
  let zeros = 0;
  if (verb.prec !== undefined) {
    if (digits.length < verb.prec) zeros = verb.prec - digits.length;
    else if (digits === '0' && verb.prec === 0) return { ok: true, text: '' };
  }
  const length = s.length + prefix.length + zeros + digits.length;
  let left = 0;
  let right = 0;
  if (verb.width !== undefined && length < verb.width) {
    const d = verb.width - length;
    if (verb.minus) right = d;
    else if (verb.zero && verb.prec === undefined) zeros = d;
    else left = d;
  }
  return { ok: true, text: ' '.repeat(left) + s + prefix + '0'.repeat(zeros) + digits + ' '.repeat(right) };
}

/** Go's big.Float Format: %e %E %f %g %G with sign flags and padding. */
function formatFloat(verb: Verb, n: number): FormatResult {
  const d = toDecimal(n);
  const lower = verb.mode.toLowerCase();
  const e = verb.mode === 'E' || verb.mode === 'G' ? 'E' : 'e';
  const body =
    lower === 'f' ? fixed(d, verb.prec ?? 6)
    : lower === 'e' ? exponent(d, verb.prec ?? 6, e)
    : general(d, verb.prec, e);
  if (body === undefined) return { ok: false, unknown: `${verb.raw} needs digits past the precision of a Terraform number` };
  const s = d.neg ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  const padding = verb.width !== undefined && verb.width > s.length + body.length ? verb.width - s.length - body.length : 0;
  if (verb.zero) return { ok: true, text: s + '0'.repeat(padding) + body };
  if (verb.minus) return { ok: true, text: s + body + ' '.repeat(padding) };
  return { ok: true, text: ' '.repeat(padding) + s + body };
}

function toNumber(v: Value): number | undefined {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string' && v.value.trim() !== '' && !Number.isNaN(Number(v.value))) return Number(v.value);
  return undefined;
}

// Created on first use: building a Segmenter loads ICU data (several ms at start-up).
let segmenter: Intl.Segmenter | undefined;

/**
 * A string's characters as Terraform counts them (format widths, `length`, `substr`): grapheme
 * clusters (Terraform docs, "length Function": `length("👾🕹️")` is 2; "A character is a grapheme
 * cluster"). Plain ASCII without a carriage return (`\r\n` is one cluster) is one per unit,
 * without loading the segmenter.
 */
export function graphemes(s: string): string[] {
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) plain = s.charCodeAt(i) < 0x80 && s.charCodeAt(i) !== 13;
  if (plain) return s.split('');
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

/** Width is measured in grapheme clusters; `0` pads with zeros, `-` on the right. */
function pad(verb: Verb, s: string): string {
  if (verb.width === undefined) return s;
  const len = graphemes(s).length;
  if (len >= verb.width) return s;
  const fill = (verb.zero ? '0' : ' ').repeat(verb.width - len);
  return verb.minus ? s + fill : fill + s;
}

/** Go's encoding/json string: escapes <, > and & as \u003c, \u003e, \u0026 (HTML-safe). */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Nodes `goJson` walks before giving up (values are shared DAGs; JSON is their expansion). */
const MAX_JSON_NODES = 100_000;

/** cty's JSON: object keys in lexical order, numbers as plain decimals; undefined when unknown or too large. */
export function goJson(v: Value): string | undefined {
  let budget = MAX_JSON_NODES;
  const walk = (x: Value): string | undefined => {
    if (--budget < 0) return undefined;
    switch (x.kind) {
      case 'null': return 'null';
      case 'bool': return String(x.value);
      case 'number': return Number.isFinite(x.value) ? plainNumber(x.value) : undefined;
      case 'string': return goJsonString(x.value);
      case 'list': {
        const parts: string[] = [];
        for (const item of x.items) {
          const s = walk(item);
          if (s === undefined) return undefined;
          parts.push(s);
        }
        return `[${parts.join(',')}]`;
      }
      case 'object': {
        const parts: string[] = [];
        for (const k of [...x.entries.keys()].sort()) {
          const s = walk(x.entries.get(k)!);
          if (s === undefined) return undefined;
          parts.push(`${goJsonString(k)}:${s}`);
        }
        return `{${parts.join(',')}}`;
      }
      default:
        return undefined;
    }
  };
  return walk(v);
}

