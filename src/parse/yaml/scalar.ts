/**
 * Exact character mapping for YAML scalars: for every UTF-16 code unit of a scalar's
 * *value*, the file offsets of the source characters that produced it.
 *
 * The decoders below follow the `yaml` package's own resolvers (compose/resolve-flow-scalar
 * and compose/resolve-block-scalar) step for step, recording offsets as they go. The result
 * is checked against the value the `yaml` package computed; when they differ (a construct
 * we do not follow exactly), the mapping is marked inexact and every character maps to the
 * scalar's start, so a caller never gets a wrong column.
 */
import type { Scalar } from 'yaml';
import type { CST } from 'yaml';

export interface MappedText {
  value: string;
  // The arrays are read, never written: identity mappings share one buffer (identityMapping).
  /** File offset of the first source character that produced value[i]. */
  starts: Int32Array;
  /** File offset just after the last source character that produced value[i]. */
  ends: Int32Array;
  /** False when the mapping is a fallback (every character maps to the scalar start). */
  exact: boolean;
}

class Builder {
  value = '';
  // The offsets go straight into typed arrays grown by doubling: not a number[] per array
  // pushed per character and copied into an Int32Array at the end.
  private s: Int32Array;
  private e: Int32Array;
  private len = 0;

  /** `capacity`: the expected value length (the source length is an upper bound for most scalars). */
  constructor(capacity: number) {
    this.s = new Int32Array(Math.max(8, capacity));
    this.e = new Int32Array(Math.max(8, capacity));
  }

  private room(more: number): void {
    const need = this.len + more;
    if (need <= this.s.length) return;
    const size = Math.max(need, this.s.length * 2);
    const s = new Int32Array(size);
    s.set(this.s.subarray(0, this.len));
    this.s = s;
    const e = new Int32Array(size);
    e.set(this.e.subarray(0, this.len));
    this.e = e;
  }

  // The value grows by whole pieces, never one character at a time (a rope of single
  // characters per scalar was most of the YAML reader's garbage).
  push(ch: string, start: number, end = start + 1): void {
    this.value += ch;
    this.room(ch.length);
    for (let i = 0; i < ch.length; i++) {
      this.s[this.len] = start;
      this.e[this.len++] = end;
    }
  }

  /** Appends source text `text` that starts at file offset `at`, one char per offset. */
  copy(text: string, at: number): void {
    this.value += text;
    this.room(text.length);
    for (let i = 0; i < text.length; i++) {
      this.s[this.len] = at + i;
      this.e[this.len++] = at + i + 1;
    }
  }

  done(exact = true): MappedText {
    // Exact-length views: callers read `starts.length` as the value's length.
    return { value: this.value, starts: this.s.subarray(0, this.len), ends: this.e.subarray(0, this.len), exact };
  }
}

/**
 * 0, 1, 2, … up to at least the longest text mapped so far. Every identity mapping is two
 * views of it (starts [at, at + n), ends [at + 1, at + n + 1)): a script file needs no
 * arrays of its own filled offset by offset. Grown by doubling; never written after it is
 * filled (no reader writes a mapping, see MappedText). A text beyond KEPT_COUNTING gets a
 * table of its own that is not kept, so a huge file does not pin its size in memory.
 */
let counting: Int32Array = new Int32Array(0);
const KEPT_COUNTING = 1 << 22;

function countingTable(length: number): Int32Array {
  const t = new Int32Array(length);
  for (let i = 0; i < length; i++) t[i] = i;
  return t;
}

function countingUpTo(n: number): Int32Array {
  if (counting.length > n) return counting;
  if (n >= KEPT_COUNTING) return countingTable(n + 1);
  counting = countingTable(Math.min(KEPT_COUNTING, Math.max(n + 1, counting.length * 2, 4096)));
  return counting;
}

/** Identity mapping of `text` starting at file offset `at` (a whole script file). */
export function identityMapping(text: string, at = 0): MappedText {
  const n = text.length;
  const c = countingUpTo(at + n + 1);
  return { value: text, starts: c.subarray(at, at + n), ends: c.subarray(at + 1, at + n + 1), exact: true };
}

/** A fallback mapping: `value` with every character pointing at [start, end). */
export function fallbackMapping(value: string, start: number, end: number): MappedText {
  const n = value.length;
  return { value, starts: new Int32Array(n).fill(start), ends: new Int32Array(n).fill(end), exact: false };
}

interface SrcLine {
  /** File offset of the line's first character. */
  at: number;
  /** Line text without its terminator (a trailing `\r` of CRLF removed). */
  text: string;
  /** File offset of the line break after the line (or the end of the source). */
  brk: number;
  /** Length of the line break (0 on the last line, 1 or 2). */
  brkLen: number;
}

function splitSrcLines(source: string, at: number): SrcLine[] {
  const out: SrcLine[] = [];
  let start = 0;
  for (;;) {
    const nl = source.indexOf('\n', start);
    if (nl < 0) {
      out.push({ at: at + start, text: source.slice(start), brk: at + source.length, brkLen: 0 });
      return out;
    }
    const cr = nl > start && source[nl - 1] === '\r';
    const end = cr ? nl - 1 : nl;
    out.push({ at: at + start, text: source.slice(start, end), brk: at + end, brkLen: cr ? 2 : 1 });
    start = nl + 1;
  }
}

/** Plain and single-quoted folding (yaml's `unfoldLines`), `''` → `'` for single quotes. */
function unfold(b: Builder, source: string, at: number, single: boolean): void {
  const put = (text: string, off: number): void => {
    if (!single) {
      b.copy(text, off);
      return;
    }
    // Runs between `''` pairs are copied whole.
    let run = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "'" && text[i + 1] === "'") {
        if (i > run) b.copy(text.slice(run, i), off + run);
        b.push("'", off + i, off + i + 2);
        i++;
        run = i + 1;
      }
    }
    if (text.length > run) b.copy(run === 0 ? text : text.slice(run), off + run);
  };
  const lines = splitSrcLines(source, at);
  if (lines.length === 1) {
    put(source, at);
    return;
  }
  const first = lines[0]!;
  put(trimBlanksEnd(first.text), first.at);
  let sep = ' ';
  let sepAt = first.brk;
  let sepLen = first.brkLen;
  for (let i = 1; i < lines.length; i++) {
    const ln = lines[i]!;
    const last = i === lines.length - 1;
    let lead = 0;
    while (lead < ln.text.length && (ln.text.charCodeAt(lead) === 0x20 || ln.text.charCodeAt(lead) === 0x09)) lead++;
    const body = last ? ln.text.slice(lead) : trimBlanksEnd(ln.text.slice(lead));
    if (!last && body === '') {
      if (sep === '\n') b.push('\n', ln.at, ln.brk + ln.brkLen);
      else {
        sep = '\n';
      }
    } else {
      if (sep === ' ') b.push(' ', sepAt, sepAt + sepLen);
      else b.push('\n', sepAt, sepAt + sepLen);
      put(body, ln.at + lead);
      sep = ' ';
    }
    if (!last) {
      if (body !== '') {
        sepAt = ln.brk;
        sepLen = ln.brkLen;
      }
    }
  }
}

/**
 * mapScalar's mapping of a plain scalar whose source (its token's text, lines and all) is
 * `source` at file offset `at`: for a reader that has the source but no `yaml` token
 * (ci-tree-nodes.ts, over the fast reader's multi-line plain scalars).
 */
export function mapPlainSource(source: string, at: number): MappedText {
  const b = new Builder(source.length);
  unfold(b, source, at, false);
  return b.done();
}

/** The one-character escapes of double-quoted scalars, as the `yaml` library decodes them (its resolve-flow-scalar.js `escapeCodes`); the fast reader decodes with it too. */
export const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

function doubleQuoted(b: Builder, source: string, at: number): void {
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i]!;
    if (ch === '\r' && source[i + 1] === '\n') continue;
    if (ch === '\n') {
      // fold: one newline → space, N newlines → N-1 newlines
      const brkAt = at + (source[i - 1] === '\r' ? i - 1 : i);
      let fold = 0;
      let j = i;
      let c = source[j + 1];
      while (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        if (c === '\r' && source[j + 2] !== '\n') break;
        if (c === '\n') {
          fold++;
          b.push('\n', at + j + 1, at + j + 2);
        }
        j++;
        c = source[j + 1];
      }
      if (!fold) b.push(' ', brkAt, at + i + 1);
      i = j;
    } else if (ch === '\\') {
      const escAt = i;
      let next = source[++i];
      const cc = next === undefined ? undefined : ESCAPES[next];
      if (cc) b.push(cc, at + escAt, at + i + 1);
      else if (next === '\n') {
        next = source[i + 1];
        while (next === ' ' || next === '\t') next = source[++i + 1];
      } else if (next === '\r' && source[i + 1] === '\n') {
        next = source[++i + 1];
        while (next === ' ' || next === '\t') next = source[++i + 1];
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = source.substr(i + 1, length);
        const code = hex.length === length && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
        let s: string;
        try {
          s = String.fromCodePoint(code);
        } catch {
          s = source.substr(escAt, length + 2);
        }
        b.push(s, at + escAt, at + i + 1 + length);
        i += length;
      } else {
        b.push(source.substr(escAt, 2), at + escAt, at + escAt + 2);
      }
    } else if (ch === ' ' || ch === '\t') {
      const wsStart = i;
      let next = source[i + 1];
      while (next === ' ' || next === '\t') next = source[++i + 1];
      if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n')) b.copy(source.slice(wsStart, i + 1), at + wsStart);
    } else {
      // A run of ordinary characters (up to a line break, an escape or a blank) is copied whole.
      const last = source.length - 1;
      let k = i + 1;
      while (k < last) {
        const d = source[k];
        if (d === '\r' || d === '\n' || d === '\\' || d === ' ' || d === '\t') break;
        k++;
      }
      b.copy(source.slice(i, k), at + i);
      i = k - 1;
    }
  }
}

function blockScalar(b: Builder, tok: CST.BlockScalar, atRoot: boolean): boolean {
  const headerTok = tok.props[0];
  if (!headerTok || headerTok.type !== 'block-scalar-header') return false;
  const hsrc = headerTok.source;
  const mode = hsrc[0];
  let indentInd = 0;
  let chomp = '';
  for (let i = 1; i < hsrc.length; i++) {
    const ch = hsrc[i]!;
    if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
    else {
      const n = Number(ch);
      if (!indentInd && n) indentInd = n;
    }
  }
  let headerLen = hsrc.length;
  for (let i = 1; i < tok.props.length; i++) {
    const p = tok.props[i] as { source?: unknown };
    if (typeof p.source === 'string') headerLen += p.source.length;
  }
  const source = tok.source ?? '';
  const base = tok.offset + headerLen;
  // lines as [indent, content] like yaml's splitLines (split on "\n" followed by spaces)
  const lines: { indent: string; content: string; at: number }[] = [];
  {
    let pos = 0;
    for (;;) {
      const nl = source.indexOf('\n', pos);
      const end = nl < 0 ? source.length : nl;
      // The leading spaces counted, not matched: no match array and no line copy per line.
      let bodyAt = pos;
      while (bodyAt < end && source.charCodeAt(bodyAt) === 0x20) bodyAt++;
      lines.push({ indent: source.slice(pos, bodyAt), content: source.slice(bodyAt, end), at: base + pos });
      if (nl < 0) break;
      pos = nl + 1;
    }
  }
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const c = lines[i]!.content;
    if (c === '' || c === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    if (chomp === '+' && lines.length > 0) {
      const n = Math.max(1, lines.length - 1);
      for (let i = 0; i < n; i++) {
        const ln = lines[Math.min(i, lines.length - 1)]!;
        b.push('\n', ln.at + ln.indent.length + ln.content.length);
      }
    }
    return true;
  }
  let trimIndent = tok.indent + indentInd;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const { indent, content } = lines[i]!;
    if (content === '' || content === '\r') {
      if (indentInd === 0 && indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indentInd === 0) trimIndent = indent.length;
      contentStart = i;
      break;
    }
  }
  if (trimIndent === 0 && !atRoot) {
    // yaml reports an error here; keep going as it does
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i]!.indent.length > trimIndent) chompStart = i + 1;
  }
  // The line break after line i sits at lines[i].at + indent + content (content may end in \r).
  const brkOf = (i: number): [number, number] => {
    const ln = lines[i]!;
    const endAt = ln.at + ln.indent.length + ln.content.length;
    if (ln.content.endsWith('\r')) return [endAt - 1, endAt + 1];
    return [endAt, endAt + 1];
  };
  for (let i = 0; i < contentStart; ++i) {
    const ln = lines[i]!;
    b.copy(ln.indent.slice(trimIndent), ln.at + trimIndent);
    const [s, e] = brkOf(i);
    b.push('\n', s, e);
  }
  let sep = '';
  let sepAt: [number, number] = [0, 0];
  let prevMoreIndented = false;
  const pushSep = (): void => {
    for (let k = 0; k < sep.length; k++) b.push(sep[k]!, sepAt[0], sepAt[1]);
  };
  for (let i = contentStart; i < chompStart; ++i) {
    const ln = lines[i]!;
    let indent = ln.indent;
    let content = ln.content;
    if (content.endsWith('\r')) content = content.slice(0, -1);
    let indentAt = ln.at;
    if (content && indent.length < trimIndent) {
      indentAt += indent.length;
      indent = '';
    }
    const contentAt = ln.at + ln.indent.length;
    const keptIndent = indent.slice(trimIndent);
    const keptIndentAt = indentAt + Math.min(trimIndent, indent.length);
    if (mode !== '>') {
      pushSep();
      b.copy(keptIndent, keptIndentAt);
      b.copy(content, contentAt);
      sep = '\n';
      sepAt = brkOf(i);
    } else if (indent.length > trimIndent || content[0] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      pushSep();
      b.copy(keptIndent, keptIndentAt);
      b.copy(content, contentAt);
      sep = '\n';
      sepAt = brkOf(i);
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') b.push('\n', ...brkOf(i));
      else {
        sep = '\n';
        // the fold point stays where it was (the previous line's break)
      }
    } else {
      pushSep();
      b.copy(content, contentAt);
      sep = ' ';
      sepAt = brkOf(i);
      prevMoreIndented = false;
    }
  }
  const lastContent = chompStart - 1;
  switch (chomp) {
    case '-':
      break;
    case '+': {
      for (let i = chompStart; i < lines.length; ++i) {
        const [s, e] = brkOf(i - 1);
        b.push('\n', s, e);
        const ln = lines[i]!;
        b.copy(ln.indent.slice(trimIndent), ln.at + trimIndent);
      }
      if (!b.value.endsWith('\n')) {
        const [s, e] = brkOf(lines.length - 1);
        b.push('\n', s, e);
      }
      break;
    }
    default: {
      const [s, e] = brkOf(lastContent);
      b.push('\n', s, e);
    }
  }
  return true;
}

/**
 * Maps a scalar node (parsed with `keepSourceTokens: true`) back to the file.
 * `atRoot`: the scalar is the document itself (block scalars may then be unindented).
 */
export function mapScalar(node: Scalar, atRoot = false): MappedText {
  const want = typeof node.value === 'string' ? node.value : String(node.value ?? node.source ?? '');
  const start = node.range?.[0] ?? 0;
  const end = node.range?.[1] ?? start;
  const tok = node.srcToken;
  const b = new Builder(tok && 'source' in tok && typeof tok.source === 'string' ? tok.source.length : want.length);
  let ok = false;
  if (tok) {
    switch (tok.type) {
      case 'scalar':
        unfold(b, tok.source, tok.offset, false);
        ok = true;
        break;
      case 'single-quoted-scalar':
        unfold(b, tok.source.slice(1, tok.source.endsWith("'") && tok.source.length > 1 ? -1 : undefined), tok.offset + 1, true);
        ok = true;
        break;
      case 'double-quoted-scalar':
        doubleQuoted(b, tok.source, tok.offset);
        ok = true;
        break;
      case 'block-scalar':
        ok = blockScalar(b, tok, atRoot);
        break;
      default:
        break;
    }
  }
  if (ok && (typeof node.value !== 'string' || b.value === want)) return b.done();
  return fallbackMapping(want, start, Math.max(start, end));
}

/**
 * Drops trailing spaces and tabs. A loop from the end, not `/[ \t]+$/`: that regex retries
 * from every blank of an inner run of blanks, quadratic on a line of 256,000 spaces.
 */
function trimBlanksEnd(s: string): string {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 0x20 || s.charCodeAt(e - 1) === 0x09)) e--;
  return e === s.length ? s : s.slice(0, e);
}
