/**
 * Shell and PowerShell snippets: the text of a `run:`/`script:`/`inlineScript:` value or a
 * whole `.sh`/`.ps1` file, split into logical commands (line continuations joined) and
 * tokens, every character mapped back to its exact place in the file.
 *
 * This is a lexer, not a shell: it knows quotes, escapes, comments, continuations
 * (`\` in shell, backtick in PowerShell, a trailing `|`, `&&`, `||`), heredocs and
 * command operators — enough to find commands and flags without false positives.
 */
import type { LineMap, Range } from '../../core/source.js';
import type { MappedText } from './scalar.js';

export type ScriptLanguage = 'shell' | 'powershell';

export type { ScriptOrigin } from './script-origin.js';
import type { ScriptOrigin } from './script-origin.js';

export interface ScriptToken {
  /** The word with quotes and escapes removed (for operators: the operator). */
  readonly text: string;
  /** The word as written in the logical command. */
  readonly raw: string;
  /** Indices into the command's `text`, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Exact file range of the token. */
  readonly range: Range;
  /** An operator (`;`, `&&`, `||`, `|`, `&`, `(`, `)`, `$(`), not a word. */
  readonly op: boolean;
  /** File offset of the token's first character, and just after its last (what `range` is made of). */
  readonly fileStart: number;
  readonly fileEnd: number;
  /** Exact file range of `raw[from, to)`, e.g. the value of `--size=Standard_NC6` (clamped to the token; empty: an empty range there). */
  rangeOf(from: number, to: number): Range;
}

export interface ScriptCommand {
  /** The logical command: continuations removed, trailing comment removed. For a commented-out line, the text after `#`. */
  text: string;
  /** The line was commented out (`# az ad sp …`). */
  commented: boolean;
  /** For each character of `text`, its index in the snippet's `value`. */
  map: Int32Array;
  tokens: ScriptToken[];
  /** File range from the first to the last character of the command. */
  range: Range;
  /** The heredoc the command reads, if any. */
  heredoc?: ScriptHeredoc;
}

/** The body of a heredoc (`cat > compute.yml <<EOF` … `EOF`): read as data, never as commands. */
export interface ScriptHeredoc {
  delimiter: string;
  /** `<<'EOF'`/`<<"EOF"`: the shell does not expand `$…` in the body. */
  quoted: boolean;
  /** `<<-`: leading tabs are stripped from each body line. */
  stripTabs: boolean;
  /** The body as written (up to, not including, the delimiter line). */
  text: string;
  /** File range of the body (empty at its start when the body is empty). */
  range: Range;
}

export interface ScriptComment {
  /** The comment text including its `#` (or `<# … #>`). */
  text: string;
  range: Range;
}

export interface ScriptSnippet {
  file: string;
  language: ScriptLanguage;
  origin: ScriptOrigin;
  /** Stable address of the step that holds it, e.g. `workflow:jobs.deploy.steps[name=Apply]`, or `script` for a file. */
  subject: string;
  /** Where in the step the script is written: `run`, `script`, `inputs.inlineScript`, `with.inlineScript`, `` for a file. */
  attributePath: string;
  /** The script text (the YAML scalar's value, or the whole file). */
  value: string;
  /** File offsets of each value character (see MappedText). */
  starts: Int32Array;
  ends: Int32Array;
  /** False when the scalar could not be mapped character by character (positions are the scalar's start). */
  exact: boolean;
  /** File range of the whole value. */
  range: Range;
  commands: ScriptCommand[];
  comments: ScriptComment[];
  /**
   * The first quote that is never closed (the shell would stop with a syntax error): the
   * rest of its logical command is one word, so what it hides is not read as commands.
   */
  unterminated?: { quote: string; range: Range; command: number };
}

/** File range of value indices [start, end) of a snippet. */
export function snippetRange(sn: Pick<ScriptSnippet, 'starts' | 'ends' | 'range'>, lineMap: LineMap, start: number, end: number): Range {
  if (sn.starts.length === 0) return sn.range;
  const s = Math.min(Math.max(start, 0), sn.starts.length - 1);
  const e = Math.min(Math.max(end - 1, s), sn.ends.length - 1);
  return lineMap.range(sn.starts[s]!, sn.ends[e]!);
}

/** The simple commands of a logical command: its tokens split at operators. */
export function simpleCommands(cmd: ScriptCommand): ScriptToken[][] {
  const out: ScriptToken[][] = [];
  let cur: ScriptToken[] = [];
  for (const t of cmd.tokens) {
    if (t.op) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}

interface RawCommand {
  text: string;
  /** For each character of `text`, its index in the scanned value (a view of the scan's `IndexRuns`). */
  map: Int32Array;
  commented: boolean;
  heredoc?: { delimiter: string; quoted: boolean; stripTabs: boolean; start: number; end: number };
}

interface ScanResult {
  commands: RawCommand[];
  comments: [number, number][];
}

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t';
const SPACE = 32;
const TAB = 9;

/**
 * The character maps of a scan's commands, written one after another into one growing
 * Int32Array: each command's map is a view of its part. Not a number[] per command copied
 * into an Int32Array at the end (a push per character and a second copy of every map).
 */
class IndexRuns {
  private buf: Int32Array;
  private len = 0;
  private from = 0;

  constructor(capacity: number) {
    this.buf = new Int32Array(Math.max(16, capacity));
  }

  /** Room for `count` more indices. */
  private reserve(count: number): void {
    const need = this.len + count;
    if (need <= this.buf.length) return;
    // Views taken before keep the old buffer, whose entries they already hold.
    const grown = new Int32Array(Math.max(need, this.buf.length * 2));
    grown.set(this.buf);
    this.buf = grown;
  }

  push(index: number): void {
    this.reserve(1);
    this.buf[this.len++] = index;
  }

  /**
   * Pushes from, from + 1, … to - 1: a run of characters taken over as they are. One call per
   * run, not per character: before V8 optimizes the lexer (most of a cold run) a call per
   * character was the larger part of scan()'s time.
   */
  pushRun(from: number, to: number): void {
    this.reserve(to - from);
    const buf = this.buf;
    let len = this.len;
    for (let k = from; k < to; k++) buf[len++] = k;
    this.len = len;
  }

  /** The indices pushed since the last `take` or `drop`. */
  take(): Int32Array {
    const view = this.buf.subarray(this.from, this.len);
    this.from = this.len;
    return view;
  }

  /** Forgets the indices pushed since the last `take` (a command that is not kept). */
  drop(): void {
    this.len = this.from;
  }
}

const NO_INDICES = new Int32Array(0);

/** A set of ASCII characters as a table by char code (a code >= 128 is in no set). */
function asciiSet(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/*
 * The per-character loops over runs of ordinary characters and blanks are small functions of
 * their own, called once per run: V8 optimizes a small hot function early in a run, while a
 * loop inside scan() or tokenize() (large functions) runs unoptimized for most of a cold run,
 * and a call per character (a set test, a push) cost more than the test itself.
 */

/**
 * Bash's ANSI-C quoting `$'…'` (bash manual, "ANSI-C Quoting"): backslash escapes are decoded
 * (`\'` is a quote inside, `\n` a line break); `open` is the index of the `'` after the `$`.
 * Its text, and the index after the closing quote; `end` -1 when it is never closed.
 */
export function ansiCQuoted(s: string, open: number): { text: string; end: number } {
  let out = '';
  for (let k = open + 1; k < s.length; k++) {
    const c = s[k]!;
    if (c === "'") return { text: out, end: k + 1 };
    if (c !== '\\' || k + 1 >= s.length) {
      out += c;
      continue;
    }
    const e = s[++k]!;
    const simple = ANSI_C_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const hex = e === 'x' ? /^[0-9A-Fa-f]{1,2}/.exec(s.slice(k + 1, k + 3)) : e === 'u' ? /^[0-9A-Fa-f]{1,4}/.exec(s.slice(k + 1, k + 5)) : e === 'U' ? /^[0-9A-Fa-f]{1,8}/.exec(s.slice(k + 1, k + 9)) : null;
    const octal = /[0-7]/.test(e) ? /^[0-7]{1,3}/.exec(s.slice(k, k + 3)) : null;
    if (hex) {
      const code = parseInt(hex[0], 16);
      out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
      k += hex[0].length;
    } else if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
      k += octal[0].length - 1;
    } else out += `\\${e}`;
  }
  return { text: out, end: -1 };
}

/** The one-character escapes of ANSI-C quoting and what they stand for. */
const ANSI_C_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/**
 * A PowerShell here-string at `i` (`@"` or `@'` closing its line, about_Quoting_Rules): where it
 * ends, after the `"@`/`'@` that starts a line (one anywhere else is text of it); the text's end
 * when never closed (`closed` false). -1 when no here-string starts at `i`. `content` is its text
 * (the lines between the two delimiters).
 */
export function psHereString(s: string, i: number): { end: number; content: [number, number]; closed: boolean } | -1 {
  const q = s[i + 1];
  if (s[i] !== '@' || (q !== '"' && q !== "'")) return -1;
  let k = i + 2;
  while (k < s.length && (s[k] === ' ' || s[k] === '\t')) k++;
  if (s[k] === '\r' && s[k + 1] === '\n') k++;
  if (s[k] !== '\n') return -1;
  const from = k + 1;
  for (let at = from - 1; at >= 0 && at < s.length; at = s.indexOf('\n', at + 1)) {
    if (s[at + 1] === q && s[at + 2] === '@') {
      const to = at > from && s[at - 1] === '\r' ? at - 1 : at;
      return { end: at + 3, content: [from, Math.max(from, to)], closed: true };
    }
  }
  return { end: s.length, content: [from, s.length], closed: false };
}

/** Whether the `'` at `i` opens bash ANSI-C quoting: right after an unescaped `$`. */
export function opensAnsiC(s: string, i: number): boolean {
  return s[i] === "'" && s[i - 1] === '$' && s[i - 2] !== '\\';
}

/** The index of the first character from `from` that is in `stops` (or the text's length). */
function skipUntil(s: string, from: number, stops: Uint8Array): number {
  const n = s.length;
  let i = from;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 128 && stops[c] === 1) break;
    i++;
  }
  return i;
}

/** The index of the first character from `from` that is not a space or a tab. */
function skipBlanks(s: string, from: number): number {
  let i = from;
  let c = s.charCodeAt(i);
  while (c === SPACE || c === TAB) c = s.charCodeAt(++i);
  return i;
}

/**
 * The characters that scan() looks at one by one outside quotes (quotes, the escape, `#`, line
 * breaks; PowerShell's `<#`): every other character is taken over as it is, a run at a time.
 */
const SCAN_STOPS = { shell: asciiSet('\'"\\#\n\r'), powershell: asciiSet('\'"`#\n\r<@') };
/**
 * The characters that tokenize() looks at one by one in an unquoted word (blanks, operators,
 * quotes, the escape, `$`, `&`): every other character belongs to the word, a run at a time.
 */
const WORD_STOPS = { shell: asciiSet(' \t\n\r;|()&$\'"\\`'), powershell: asciiSet(' \t\n\r;|()&$\'"`@') };
/** Inside double quotes, what ends a run taken as it is: the closing quote, the escape and `$` (of `$(`). */
const DQ_STOPS = { shell: asciiSet('"\\$'), powershell: asciiSet('"`$') };

function lineEnd(v: string, i: number): number {
  const nl = v.indexOf('\n', i);
  let e = nl < 0 ? v.length : nl;
  if (e > i && v[e - 1] === '\r') e--;
  return e;
}

function afterLineBreak(v: string, i: number): number {
  // i is at the end of a line's content (at '\r', '\n' or the end)
  if (v[i] === '\r' && v[i + 1] === '\n') return i + 2;
  if (v[i] === '\n' || v[i] === '\r') return i + 1;
  return i;
}

/** Does a command whose last non-blank character is `last` (preceded by `before`) continue on the next line (`|`, `&&`, `||`)? */
function continuesOnNextLine(last: string | undefined, before: string | undefined): boolean {
  return last === '|' || (last === '&' && before === '&');
}

/**
 * Whether the `(` at `i` opens a bash array assignment (`cmd=(`, `cmd+=(`, after `local`/`declare`
 * or a blank): the name and `=` are written right before it, at the start of a word.
 */
export function opensShellArray(v: string, i: number): boolean {
  let k = i - 1;
  if (v[k] !== '=') return false;
  k--;
  if (v[k] === '+') k--;
  const end = k;
  while (k >= 0 && /[A-Za-z0-9_]/.test(v[k]!)) k--;
  if (k === end || !/[A-Za-z_]/.test(v[k + 1]!)) return false;
  return k < 0 || isWs(v[k]) || v[k] === '\n' || v[k] === '\r' || v[k] === ';' || v[k] === '&' || v[k] === '|';
}

/** The array depth after the unquoted characters [from, to) of `v`: `=(` opens an array, `(` and `)` nest inside one. */
function arrayDepthAfter(v: string, from: number, to: number, depth: number): number {
  for (let k = from; k < to; k++) {
    const c = v[k];
    if (c === '(' && (depth > 0 || opensShellArray(v, k))) depth++;
    else if (c === ')' && depth > 0) depth--;
  }
  return depth;
}

function scan(v: string, lang: ScriptLanguage): ScanResult {
  const ps = lang === 'powershell';
  const esc = ps ? '`' : '\\';
  const stops = SCAN_STOPS[lang];
  const dqStops = DQ_STOPS[lang];
  const commands: RawCommand[] = [];
  const comments: [number, number][] = [];
  // Each index of `v` is mapped at most once, so the maps fit in `v.length` (the buffer grows anyway).
  const maps = new IndexRuns(v.length);
  /** Substitutions inside double quotes are still looked for (`substitutionEnd`): false after one was never closed. */
  let nesting = true;
  let i = 0;
  const n = v.length;
  while (i < n) {
    // at the start of a physical line with no pending command
    const j = skipBlanks(v, i);
    if (j >= n) break;
    if (v[j] === '\n' || v[j] === '\r') {
      i = afterLineBreak(v, j);
      continue;
    }
    if (v[j] === '#' || (ps && v[j] === '<' && v[j + 1] === '#')) {
      if (ps && v[j] === '<') {
        // block comment <# … #>
        const close = v.indexOf('#>', j + 2);
        const end = close < 0 ? n : close + 2;
        comments.push([j, end]);
        // Each line of it is a commented-out line, as a `#` line is (CI001 reports one at note).
        const bodyStop = close < 0 ? n : close;
        for (let k = j + 2; k < bodyStop; ) {
          // The line's end within the comment (not searched past it: many comments on one line).
          let e = k;
          while (e < bodyStop && v[e] !== '\n' && v[e] !== '\r') e++;
          const b = skipBlanks(v, k);
          if (b < e && v.slice(b, e).trim()) {
            maps.pushRun(b, e);
            commands.push({ text: v.slice(b, e), map: maps.take(), commented: true });
          }
          if (e >= bodyStop) break;
          k = afterLineBreak(v, e);
        }
        i = end;
        continue;
      }
      // a commented-out line; joined with following commented lines while it ends in a continuation
      const cmd: RawCommand = { text: '', map: NO_INDICES, commented: true };
      let k = j;
      for (;;) {
        const e = lineEnd(v, k);
        comments.push([k, e]);
        let b = k;
        while (b < e && v[b] === '#') b++;
        while (b < e && isWs(v[b])) b++;
        let bodyEnd = e;
        while (bodyEnd > b && isWs(v[bodyEnd - 1])) bodyEnd--;
        const cont = bodyEnd > b && v[bodyEnd - 1] === esc;
        const stop = cont ? bodyEnd - 1 : e;
        if (stop > b) cmd.text += v.slice(b, stop);
        maps.pushRun(b, stop);
        i = afterLineBreak(v, e);
        if (!cont) break;
        // next line must be a commented line too
        const q = skipBlanks(v, i);
        if (q >= n || v[q] !== '#') break;
        if (ps) {
          cmd.text += ' ';
          maps.push(bodyEnd - 1);
        }
        k = q;
      }
      if (cmd.text.trim()) {
        cmd.map = maps.take();
        commands.push(cmd);
      } else maps.drop();
      continue;
    }
    // a logical command
    const cmd: RawCommand = { text: '', map: NO_INDICES, commented: false };
    // The last characters added, kept aside: indexing or trimming the growing string at every
    // `#` or line break would flatten or rescan it each time (quadratic on long input).
    let lastChar: string | undefined;
    let lastNonBlank: string | undefined;
    let beforeLastNonBlank: string | undefined;
    // Characters taken over as they are form runs of `v` ([runStart, runEnd)), appended to the
    // text as one slice when the run breaks (a continuation, a comment) or the text is read:
    // not one string concatenation per character.
    let runStart = 0;
    let runEnd = 0;
    const flush = (): void => {
      if (runEnd > runStart) cmd.text += v.slice(runStart, runEnd);
      runStart = runEnd;
    };
    const add = (p: number): void => {
      const c = v[p]!;
      if (!isWs(c)) {
        beforeLastNonBlank = lastChar;
        lastNonBlank = c;
      }
      lastChar = c;
      if (p !== runEnd) {
        flush();
        runStart = p;
      }
      runEnd = p + 1;
      maps.push(p);
    };
    /** Characters [from, to) of `v`, taken over as they are (what `add` does for each, at once). */
    const addRun = (from: number, to: number): void => {
      let last = to - 1;
      while (last >= from && isWs(v[last])) last--;
      if (last >= from) {
        beforeLastNonBlank = last > from ? v[last - 1] : lastChar;
        lastNonBlank = v[last];
      }
      lastChar = v[to - 1];
      if (from !== runEnd) {
        flush();
        runStart = from;
      }
      runEnd = to;
      maps.pushRun(from, to);
    };
    /** A space standing for a line continuation or a comment, mapped to `p`. */
    const addSpace = (p: number): void => {
      flush();
      lastChar = ' ';
      cmd.text += ' ';
      maps.push(p);
    };
    /** Characters [from, to) taken as they are, but a line continuation (the escape before a line break) joins its lines. */
    const addJoined = (from: number, to: number): void => {
      let run = from;
      for (let k = from; k < to; k++) {
        if (v[k] !== esc) continue;
        if (v[k + 1] === '\n' || (v[k + 1] === '\r' && v[k + 2] === '\n')) {
          if (k > run) addRun(run, k);
          run = k = afterLineBreak(v, k + 1);
          k--;
        } else k++;
      }
      if (to > run) addRun(run, to);
    };
    let p = j;
    let quote: '' | "'" | '"' = '';
    let heredoc: { delim: string; quoted: boolean; stripTabs: boolean } | undefined;
    /** Inside a bash array assignment (`cmd=(` … `)`), whose words may be on many lines: one command. */
    let arrayDepth = 0;
    for (;;) {
      if (p >= n) break;
      const c = v[p]!;
      if (quote === "'") {
        if (c !== "'") {
          // Everything up to the closing quote is taken as it is.
          const close = v.indexOf("'", p);
          const to = close < 0 ? n : close;
          addRun(p, to);
          p = to;
          continue;
        }
        add(p);
        quote = '';
        p++;
        continue;
      }
      if (quote === '"') {
        if (c === esc && p + 1 < n) {
          // escaped newline inside double quotes: a continuation in both shells
          if (v[p + 1] === '\n' || (v[p + 1] === '\r' && v[p + 2] === '\n')) {
            p = afterLineBreak(v, p + 1);
            continue;
          }
          add(p);
          add(p + 1);
          p += 2;
          continue;
        }
        if (c === '$' && v[p + 1] === '(' && nesting) {
          // A substitution's quotes are its own (`"$(cd "$(dirname "$0")" && pwd)"`): taken as it
          // is up to its `)`, line continuations inside it joined.
          const close = substitutionEnd(v, p + 2, esc);
          if (close >= 0) {
            addJoined(p, close + 1);
            p = close + 1;
            continue;
          }
          // Never closed: nothing after it can close one either (and the search is not repeated).
          nesting = false;
        }
        if (c !== '"' && c !== esc) {
          // Up to the closing quote or an escape, everything is taken as it is.
          const to = skipUntil(v, p + 1, dqStops);
          addRun(p, to);
          p = to;
          continue;
        }
        add(p);
        if (c === '"') quote = '';
        p++;
        continue;
      }
      // Bash `$'…'`: backslash escapes a quote inside (`$'it\'s'`); taken as it is up to its close.
      if (!ps && opensAnsiC(v, p)) {
        const end = ansiCQuoted(v, p).end;
        const to = end < 0 ? n : end;
        addRun(p, to);
        p = to;
        continue;
      }
      if (c === "'" || c === '"') {
        quote = c;
        add(p);
        p++;
        continue;
      }
      if (c === esc) {
        if (v[p + 1] === '\n' || (v[p + 1] === '\r' && v[p + 2] === '\n') || p + 1 >= n) {
          if (ps) {
            addSpace(p);
          }
          p = afterLineBreak(v, p + 1);
          continue;
        }
        add(p);
        add(p + 1);
        p += 2;
        continue;
      }
      // A here-string (`@"` … a line starting `"@`): its text is taken as it is, quotes and `#` included.
      if (ps && c === '@') {
        const h = psHereString(v, p);
        if (h !== -1) {
          addRun(p, h.end);
          p = h.end;
          continue;
        }
      }
      if (ps && c === '<' && v[p + 1] === '#') {
        const close = v.indexOf('#>', p + 2);
        const end = close < 0 ? n : close + 2;
        comments.push([p, end]);
        addSpace(p);
        p = end;
        continue;
      }
      if (c === '#') {
        const prev = lastChar;
        if (prev === undefined || isWs(prev) || prev === ';' || prev === '&' || prev === '|' || prev === '(') {
          const e = lineEnd(v, p);
          comments.push([p, e]);
          p = e;
          continue;
        }
      }
      if (c === '\n' || c === '\r') {
        if (arrayDepth > 0 || continuesOnNextLine(lastNonBlank, beforeLastNonBlank)) {
          addSpace(p);
          p = afterLineBreak(v, p);
          continue;
        }
        if (!ps) {
          flush();
          const m = cmd.text.includes('<<') ? heredocOperator(cmd.text) : null;
          if (m) heredoc = { delim: m[3]!, quoted: m[2] !== '', stripTabs: m[1] === '-' };
        }
        p = afterLineBreak(v, p);
        break;
      }
      // This character and the ordinary ones after it are taken as they are.
      const to = skipUntil(v, p + 1, stops);
      if (!ps) arrayDepth = arrayDepthAfter(v, p, to, arrayDepth);
      addRun(p, to);
      p = to;
    }
    flush();
    if (cmd.text.trim()) {
      cmd.map = maps.take();
      commands.push(cmd);
    } else maps.drop();
    i = p;
    if (heredoc) {
      // skip the heredoc body up to and including its delimiter line; keep it as data
      const start = i;
      let end = n;
      while (i < n) {
        const e = lineEnd(v, i);
        const line = v.slice(i, e).trim();
        const lineStart = i;
        i = afterLineBreak(v, e);
        if (line === heredoc.delim) {
          end = lineStart;
          break;
        }
        if (i === e) break;
      }
      cmd.heredoc = { delimiter: heredoc.delim, quoted: heredoc.quoted, stripTabs: heredoc.stripTabs, start, end };
    }
  }
  return { commands, comments };
}

/** `<<WORD`, `<<-WORD`, `<<'WORD'`, `<<"WORD"` at the start of a text (`<<<` is a here-string, one word of input). */
const HEREDOC_OPERATOR = /^<<(?!<)(-?)[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;

/**
 * The heredoc operator of a command line, outside quotes (`echo "NAME<<EOF" >> "$GITHUB_ENV"`,
 * GitHub's multiline-value form, writes text and opens no heredoc); null when there is none.
 */
function heredocOperator(text: string): RegExpExecArray | null {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '<' && text[i + 1] === '<' && text[i - 1] !== '<') {
      const m = HEREDOC_OPERATOR.exec(text.slice(i));
      if (m) return m;
      // `<<<`: skip the whole operator.
      while (text[i + 1] === '<') i++;
    }
  }
  return null;
}

/** What a command's tokens map their indices to the file with: the snippet's offsets and the command's character map. */
interface TokenPlace {
  readonly lineMap: LineMap;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The command's `map` (command-text index → value index). */
  readonly map: Int32Array;
}

/**
 * A token whose file range is made when it is first read, not when it is lexed: most words'
 * ranges are never read (a finding's word, an az command's flags are), and making one for
 * every token (a range and two positions) was about a fifth of the CI lexer's time and a
 * quarter of its allocations in issue 15's cold profile. The range, once made, is kept.
 */
class Token implements ScriptToken {
  readonly text: string;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  readonly op: boolean;
  readonly #place: TokenPlace;
  #range: Range | undefined;

  constructor(text: string, raw: string, start: number, end: number, op: boolean, place: TokenPlace) {
    this.text = text;
    this.raw = raw;
    this.start = start;
    this.end = end;
    this.op = op;
    this.#place = place;
  }

  get fileStart(): number {
    const p = this.#place;
    return p.starts[p.map[this.start]!]!;
  }

  get fileEnd(): number {
    const p = this.#place;
    return p.ends[p.map[this.end - 1]!]!;
  }

  get range(): Range {
    return (this.#range ??= this.#place.lineMap.range(this.fileStart, this.fileEnd));
  }

  rangeOf(from: number, to: number): Range {
    const len = this.raw.length;
    const a = Math.min(Math.max(from, 0), len);
    const b = Math.min(Math.max(to, a), len);
    const { map, starts, ends, lineMap } = this.#place;
    const s = map[this.start + Math.min(a, len - 1)];
    if (s === undefined) return this.range;
    // An empty slice is an empty range at its start.
    if (b === a) {
      const at = a === len ? ends[map[this.start + len - 1]!]! : starts[s]!;
      return lineMap.range(at, at);
    }
    const e = map[this.start + b - 1]!;
    return lineMap.range(starts[s]!, ends[e]!);
  }

  /** As the lexer's plain token objects were written (the snippet's JSON is compared with the reference lexer's). */
  toJSON(): unknown {
    return { text: this.text, raw: this.raw, start: this.start, end: this.end, op: this.op, range: this.range };
  }
}

/**
 * `$(…)` without whitespace inside (`$(Build.SourcesDirectory)`, `$(pwd)`) is part of a word;
 * a command substitution with arguments (`$(az ad sp …)`) is split so its command is found.
 */
function substitutionIsWord(text: string, i: number): boolean {
  const close = text.indexOf(')', i + 2);
  if (close < 0) return false;
  return !/[\s(]/.test(text.slice(i + 2, close));
}

/** The longest `${{ … }}` expression read as one (longer ones are lexed as before). */
const MAX_CI_EXPRESSION = 2_000;

/**
 * Where each next `}}`, `'` and line break of a text lies, from a position on (found again only
 * once passed): a line of many `${{` that never close (hostile input) costs one search each, not
 * a scan of MAX_CI_EXPRESSION characters per `${{`. Expressions with strings are scanned
 * character by character, within a budget linear in the text (`${{ '` repeated: past it, lexed
 * as before).
 */
export class NextMarks {
  private close = -1;
  private quote = -1;
  private lineBreak = -1;
  /** Characters the scans of expressions with strings may still read. */
  budget: number;
  constructor(private readonly text: string) {
    this.budget = 2 * text.length + 10_000;
  }
  private next(last: number, from: number, find: (from: number) => number): number {
    if (last === Infinity || last >= from) return last;
    const at = find(from);
    return at < 0 ? Infinity : at;
  }
  /** The first `}}`, `'` and line break at or after `from`. */
  at(from: number): { close: number; quote: number; lineBreak: number } {
    const t = this.text;
    this.close = this.next(this.close, from, (f) => t.indexOf('}}', f));
    this.quote = this.next(this.quote, from, (f) => t.indexOf("'", f));
    this.lineBreak = this.next(this.lineBreak, from, (f) => {
      const n = t.indexOf('\n', f);
      const r = t.indexOf('\r', f);
      return n < 0 ? r : r < 0 ? n : Math.min(n, r);
    });
    return { close: this.close, quote: this.quote, lineBreak: this.lineBreak };
  }
}

/**
 * Where the CI expression `${{ … }}` at `i` ends (the index after its `}}`), or -1. GitHub
 * Actions and Azure Pipelines put its value in before the shell reads the text, so whatever it
 * holds (`||`, `&&`, `format('rg-{0}', x)`, blanks) is one piece of a word, no operator to split
 * a command at. Its strings are single-quoted (`''` inside is a quote) and may hold `}}`; it ends
 * on its own line, within MAX_CI_EXPRESSION characters (-1 otherwise: lexed as before).
 */
export function ciExpressionEnd(text: string, i: number, marks: NextMarks = new NextMarks(text)): number {
  if (text[i] !== '$' || text[i + 1] !== '{' || text[i + 2] !== '{') return -1;
  const stop = Math.min(text.length, i + MAX_CI_EXPRESSION);
  const { close, quote, lineBreak } = marks.at(i + 3);
  // No string before the first `}}` (nearly every expression): that `}}` ends it.
  if (close < quote) return close < lineBreak && close + 2 <= stop ? close + 2 : -1;
  if (lineBreak < quote || quote >= stop || marks.budget <= 0) return -1;
  marks.budget -= stop - quote;
  for (let k = quote; k < stop; k++) {
    const c = text[k];
    if (c === '\n' || c === '\r') return -1;
    if (c === "'") {
      k++;
      while (k < stop && (text[k] !== "'" || text[k + 1] === "'")) k += text[k] === "'" ? 2 : 1;
      continue;
    }
    if (c === '}' && text[k + 1] === '}') return k + 2;
  }
  return -1;
}

/** The longest `${…}` parameter expansion read as one (longer ones are lexed as before). */
const MAX_PARAMETER_EXPANSION = 256;

/**
 * Where the parameter expansion `${…}` at `i` ends (the index after its `}`), or -1: it is one
 * piece of a word whatever it holds (`${V%% (*}`, `${X:-a b}`), so a `(` or a blank inside it
 * splits nothing and opens no subshell. Braces nest; quotes inside are skipped; it ends on its
 * own line within MAX_PARAMETER_EXPANSION characters (-1 otherwise: lexed as before).
 */
export function parameterExpansionEnd(text: string, i: number): number {
  if (text[i] !== '$' || text[i + 1] !== '{' || text[i + 2] === '{') return -1;
  // One holding a command (`${KV:-$(az keyvault create …)}`, a backtick) is lexed as before: its
  // command is split off and read (review 55).
  const stop = Math.min(text.length, i + MAX_PARAMETER_EXPANSION);
  let depth = 1;
  for (let k = i + 2; k < stop; k++) {
    const c = text[k];
    if (c === '\n' || c === '\r') return -1;
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, k + 1);
      if (close < 0 || close >= stop) return -1;
      k = close;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return /\$\(|`/.test(text.slice(i, k + 1)) ? -1 : k + 1;
  }
  return -1;
}

/** The longest arithmetic expansion read as one (longer ones are lexed as before: none is written so). */
const MAX_ARITHMETIC = 1_000;

/**
 * Where the shell arithmetic expansion `$((…))` at `i` ends (the index after its `))`), or -1:
 * it is one piece of a word whatever blanks it holds (`X=$((a + b))`, `-n kv-$((i + 1))`), not a
 * command substitution to split at. Parentheses inside are counted; one left open gives -1 (the
 * text is then lexed as before).
 */
export function arithmeticEnd(text: string, i: number): number {
  if (text[i] !== '$' || text[i + 1] !== '(' || text[i + 2] !== '(') return -1;
  let depth = 0;
  // Bounded: a line of many unclosed `$((` would otherwise be scanned to its end from each one.
  const stop = Math.min(text.length, i + MAX_ARITHMETIC);
  for (let k = i + 1; k < stop; k++) {
    const c = text[k];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text[k - 1] === ')' && k > i + 3 ? k + 1 : -1;
    else if (c === '\n' || c === ';' || c === '`' || c === '"' || c === "'") return -1;
  }
  return -1;
}

/**
 * A PowerShell type constraint or attribute before a variable: `[string]`, `[string[]]`,
 * `[List[string]]` (one nested level). No piece can match a bracket, so a line of `[][][]…`
 * is read in linear time (`[^\]]*` inside `[…]*` backtracked exponentially on it).
 */
export const POWERSHELL_TYPE = String.raw`\[[^\s=$\[\]]*(?:\[[^\s=$\[\]]*\][^\s=$\[\]]*)*\]`;

/**
 * PowerShell `$name=`, `$name+=`, `[string]$name=` … written without a blank before `=`
 * (`$acr=az …`, `$acr= az …`): the variable (with its type constraints) and its operator.
 */
const POWERSHELL_ASSIGNED = new RegExp(String.raw`^((?:${POWERSHELL_TYPE})*\$[A-Za-z_][\w:]*)([-+*/%]?=)(?!=)`);
/** After a `{`: an assignment, with or without blanks (`{$a=…`, `{$a = …`). */
const BRACED_ASSIGNMENT = new RegExp(String.raw`^(?:${POWERSHELL_TYPE})*\$[A-Za-z_][\w:]*[ \t]*[-+*/%]?=(?!=)`);
/** A word that is a whole assignable variable (`$acr`, `[string]$acr`), for `$acr =az …`. */
const POWERSHELL_VARIABLE = new RegExp(String.raw`^(?:${POWERSHELL_TYPE})*\$[A-Za-z_][\w:]*$`);
/** An assignment operator joined to the word after it (`=az`, `+=$x`). */
const POWERSHELL_JOINED_OPERATOR = /^[-+*/%]?=(?![=\s])/;
/** How much of the text the tests above read (a variable name longer than this is lexed as one word, as before). */
const MAX_ASSIGNED_NAME = 256;

type LexedToken = { op: boolean; text: string };
/** Where a command starts: after nothing, an operator or an opening `{` (`if ($x) { … }`). */
const commandStartsAfter = (t: LexedToken | undefined): boolean => !t || t.op || t.text === '{';

/**
 * A PowerShell assignment at the start of a command whose parts touch, at `i` (`tokens`: the
 * command's tokens so far): the ends of the words to split off there, as if written with
 * blanks: `$acr=az …` and `[string]$acr=az …` (the variable, then the operator), `{$acr=az …`
 * after anything (the brace first; the variable follows as after a `{` word), `$acr =az …` (the
 * operator after a variable word). Joined, the `=` would hide the command the statement runs.
 */
export function powershellAssignmentSplit(text: string, i: number, tokens: readonly LexedToken[]): number[] | undefined {
  const c = text[i];
  const last = tokens[tokens.length - 1];
  if (c === '$' || c === '[') {
    if (!commandStartsAfter(last)) return undefined;
    const m = POWERSHELL_ASSIGNED.exec(text.slice(i, i + MAX_ASSIGNED_NAME));
    return m ? [i + m[1]!.length, i + m[0].length] : undefined;
  }
  // A block's first statement starts after its `{` whatever opened it (`try {$a=…`, `else {$a=…`, a switch label's `{$a=…`).
  if (c === '{') return BRACED_ASSIGNMENT.test(text.slice(i + 1, i + 1 + MAX_ASSIGNED_NAME)) ? [i + 1] : undefined;
  if (c === '=' || (c !== undefined && '-+*/%'.includes(c) && text[i + 1] === '=')) {
    if (!last || last.op || !POWERSHELL_VARIABLE.test(last.text) || !commandStartsAfter(tokens[tokens.length - 2])) return undefined;
    const m = POWERSHELL_JOINED_OPERATOR.exec(text.slice(i, i + 3));
    return m ? [i + m[0].length] : undefined;
  }
  return undefined;
}

/** A PowerShell variable's member before `(`: `$pool.ToLower`, `$env:X.Trim`, `$a.B.C` (the word so far). */
const PS_METHOD_CALL = /^\$[A-Za-z_][\w:]*(?:\.[A-Za-z_]\w*)+$/;
/** Members between one call and the next: `.ToLower` of `$a.Trim().ToLower(`. */
const PS_CHAINED_MEMBER = /^(?:\.[A-Za-z_]\w*)+$/;

/**
 * Whether the `(` at `i` calls a method on a variable, the word starting at `start`: the text
 * since the last call of the word (`after`, -1 for none) is checked, not the whole word again,
 * so a long chain of calls stays linear.
 */
export function psMethodCallAt(text: string, start: number, i: number, after: number): boolean {
  return after > start ? PS_CHAINED_MEMBER.test(text.slice(after, i)) : PS_METHOD_CALL.test(text.slice(start, i));
}

/** Calls left unclosed in one command that are scanned for their `)`; then none is (hostile input). */
const MAX_UNCLOSED_CALLS = 64;

/**
 * After the `)` that closes the call opened at `open` (quotes skipped, one line), or -1. Each
 * scan may run to the line's end: once a command (`unclosed`, one per tokenize call) has had
 * MAX_UNCLOSED_CALLS calls that never close, the rest are not scanned (20,000 `$x.Foo(` on one
 * line were quadratic: 7.5 s).
 */
export function psCallEnd(text: string, open: number, unclosed: { count: number }): number {
  if (unclosed.count >= MAX_UNCLOSED_CALLS) return -1;
  const end = scanCallEnd(text, open);
  if (end < 0) unclosed.count++;
  return end;
}

function scanCallEnd(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '\n' || c === '\r') return -1;
    if (c === "'" || c === '"') {
      const q = text.indexOf(c, k + 1);
      if (q < 0) return -1;
      k = q;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k + 1;
  }
  return -1;
}

/** A redirection operator that `|` completes (`>|`, `2>|`): the word so far. */
export const REDIRECT_BEFORE_BAR = /^\d*>$/;

/**
 * The tokens of a logical command, each built once (`place` maps command-text indices to the
 * file, when a range is read): no intermediate token list to copy.
 */
function tokenize(text: string, lang: ScriptLanguage, state: { openQuote?: number }, place: TokenPlace): ScriptToken[] {
  const ps = lang === 'powershell';
  /** PowerShell method calls of this command that never close (`psCallEnd`). */
  const unclosedCalls = { count: 0 };
  const esc = ps ? '`' : '\\';
  const stops = WORD_STOPS[lang];
  const dqStops = DQ_STOPS[lang];
  const out: ScriptToken[] = [];
  /** As in scan(): false once a substitution inside double quotes was never closed. */
  let nesting = true;
  /** Where the next `}}`, quote and line break are, for `${{ … }}` (made at the first). */
  let marks: NextMarks | undefined;
  const token = (word: string, start: number, end: number, op: boolean, raw = text.slice(start, end)): ScriptToken => new Token(word, raw, start, end, op, place);
  /**
   * Inside a bash array assignment: its words are words of the command (`cmd=(` opens it, a word
   * `)` closes it), not a subshell's; parentheses inside it nest (`$(…)`).
   */
  let arrayDepth = 0;
  /** Where the array being read opened (an unclosed one is said as an unclosed quote is). */
  let arrayOpen = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (isWs(c) || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const d = text[i + 1];
    // (Inside an array a substitution is one of its words, below: its command is no command of the script's.)
    if (d === '(' && (c === '$' || (ps && c === '@')) && arrayDepth === 0 && !substitutionIsWord(text, i) && (ps || arithmeticEnd(text, i) < 0)) {
      out.push(token(c + d, i, i + 2, true));
      i += 2;
      continue;
    }
    if (arrayDepth > 0 && (c === '(' || c === ')')) {
      arrayDepth += c === '(' ? 1 : -1;
      out.push(token(c, i, i + 1, arrayDepth > 0 || c === '('));
      i++;
      continue;
    }
    if ((c === '&' || c === '|') && d === c) {
      out.push(token(c + d, i, i + 2, true));
      i += 2;
      continue;
    }
    // An unquoted backtick opens or closes a command substitution in sh/bash (`x=`az …``,
    // a comment that names `az ad sp …` between backticks); in PowerShell it is the escape.
    // sh/bash `&>file` (stdout and stderr to the file) is one redirection word, not `&`.
    if (c === ';' || c === '|' || c === '(' || c === ')' || (c === '&' && (ps || d !== '>')) || (!ps && c === '`' && arrayDepth === 0)) {
      out.push(token(c, i, i + 1, true));
      i++;
      continue;
    }
    // PowerShell `$acr=az acr create …` at the start of a command: the variable and `=` are
    // words of their own, as when written with blanks (`=` then opens the command it assigns).
    const split = ps && (c === '$' || c === '[' || c === '{' || c === '=' || text[i + 1] === '=') ? powershellAssignmentSplit(text, i, out) : undefined;
    if (split) {
      for (const end of split) {
        out.push(token(text.slice(i, end), i, end, false));
        i = end;
      }
      continue;
    }
    // a word: characters taken as they are accumulate as a run of `text` from `run`, appended
    // as one slice where a quote or an escape interrupts it (not one concatenation per character)
    const start = i;
    let word = '';
    let quote = '';
    let run = i;
    /** Where the word's last method call ended (`$a.Trim()`), -1 before any. */
    let callEnd = -1;
    while (i < n) {
      const ch = text[i]!;
      if (quote) {
        if (ch === quote) {
          if (quote === "'" && ps && text[i + 1] === "'") {
            word += text.slice(run, i + 1);
            i += 2;
            run = i;
            continue;
          }
          word += text.slice(run, i);
          quote = '';
          i++;
          run = i;
          continue;
        }
        if (quote === '"' && ch === esc && i + 1 < n) {
          word += text.slice(run, i) + text[i + 1];
          i += 2;
          run = i;
          continue;
        }
        if (quote === '"' && ch === '$' && text[i + 1] === '(' && nesting) {
          // A substitution inside, with quotes of its own, belongs to the word as it is written.
          const close = substitutionEnd(text, i + 2, esc);
          if (close >= 0) {
            i = close + 1;
            continue;
          }
          nesting = false;
        }
        // Nothing up to the closing quote (in double quotes: or an escape or `$(`) changes the word.
        if (quote === '"') i = skipUntil(text, i + 1, dqStops);
        else {
          const close = text.indexOf(quote, i + 1);
          i = close < 0 ? n : close;
        }
        continue;
      }
      // Bash `$'…'`: its decoded text (the `$` is no character of the word).
      if (!ps && opensAnsiC(text, i) && i > start) {
        const q = ansiCQuoted(text, i);
        word += text.slice(run, i - 1) + q.text;
        if (q.end < 0) {
          // Never closed: the rest is the quote's (an unclosed quote, as `'` unclosed is).
          state.openQuote = i;
          quote = "'";
          i = n;
        } else i = q.end;
        run = i;
        continue;
      }
      // A PowerShell here-string: its lines, quotes in them included, are one argument.
      if (ps && ch === '@') {
        const h = psHereString(text, i);
        if (h !== -1) {
          word += text.slice(run, i) + text.slice(h.content[0], h.content[1]);
          if (!h.closed) {
            // Never closed: an unclosed quote, whose commands are not read.
            state.openQuote = i + 1;
            quote = text[i + 1] as '"' | "'";
          }
          i = h.end;
          run = i;
          continue;
        }
      }
      if (ch === "'" || ch === '"') {
        word += text.slice(run, i);
        quote = ch;
        state.openQuote = i;
        i++;
        run = i;
        continue;
      }
      if (ch === esc && i + 1 < n) {
        word += text.slice(run, i) + text[i + 1];
        i += 2;
        run = i;
        continue;
      }
      // sh/bash `>|file` and `2>|file` (write even under noclobber) are one redirection word.
      if (ch === '|' && !ps && REDIRECT_BEFORE_BAR.test(text.slice(start, i))) {
        i++;
        continue;
      }
      // PowerShell `$pool.ToLower()`, `$s.Replace('a', 'b')`: a method call on a variable is one
      // argument, its parentheses included (they end no command).
      if (ch === '(' && ps && psMethodCallAt(text, start, i, callEnd)) {
        const close = psCallEnd(text, i, unclosedCalls);
        if (close > 0) {
          i = close;
          callEnd = close;
          continue;
        }
      }
      // `cmd=(`, `cmd+=(`: the word ends with the `(` that opens the array (scan() kept its lines together).
      if (ch === '(' && !ps && arrayDepth === 0 && run === start && opensShellArray(text, i) && /^[A-Za-z_]\w*\+?=$/.test(text.slice(start, i))) {
        arrayDepth = 1;
        arrayOpen = i;
        i++;
        break;
      }
      // A backtick substitution inside an array is in its word, as `$(…)` is (review 110).
      if (!ps && ch === '`' && arrayDepth > 0) {
        const close = text.indexOf('`', i + 1);
        if (close > 0) {
          i = close + 1;
          continue;
        }
      }
      if (isWs(ch) || ch === '\n' || ch === '\r' || ch === ';' || ch === '|' || ch === '(' || ch === ')' || (!ps && ch === '`')) break;
      if (ch === '$' && text[i + 1] === '{' && text[i + 2] === '{') {
        const close = ciExpressionEnd(text, i, (marks ??= new NextMarks(text)));
        if (close > 0) {
          i = close;
          continue;
        }
      }
      if (!ps && ch === '$' && text[i + 1] === '{') {
        const close = parameterExpansionEnd(text, i);
        if (close > 0) {
          i = close;
          continue;
        }
      }
      if (ch === '$' && text[i + 1] === '(') {
        const arithmetic = ps ? -1 : arithmeticEnd(text, i);
        if (arithmetic >= 0) {
          i = arithmetic;
          continue;
        }
        // A word of an array (`cmd=(… --location $(az group show …) …)`): the substitution is in it.
        const close = arrayDepth > 0 ? substitutionEnd(text, i + 2, esc) : -1;
        if (close >= 0) {
          i = close + 1;
          continue;
        }
        if (!substitutionIsWord(text, i)) break;
        i = text.indexOf(')', i + 2) + 1;
        continue;
      }
      if (ch === '&') {
        const prev = text[i - 1];
        if (!(prev === '>' || prev === '<' || (i === start && !ps && text[i + 1] === '>'))) break;
      }
      // This character and the ordinary ones after it belong to the word.
      i = skipUntil(text, i + 1, stops);
    }
    // A word without quotes or escapes is its raw text: one slice for both.
    const plain = run === start;
    word += text.slice(run, i);
    if (quote === '') state.openQuote = undefined;
    if (i === start) {
      i++;
      continue;
    }
    // PowerShell ends a bare word at `}` (its generic tokens exclude braces): `{ … --admin-enabled
    // true}` closes the block after `true`. A word holding `{` (`${env:X}`, `@{…}`) is left whole.
    if (ps && plain && word.endsWith('}') && !word.includes('{')) {
      let cut = word.length;
      while (cut > 0 && word[cut - 1] === '}') cut--;
      if (cut > 0) {
        out.push(token(word.slice(0, cut), start, start + cut, false, word.slice(0, cut)));
        for (let k = start + cut; k < i; k++) out.push(token('}', k, k + 1, false, '}'));
        continue;
      }
    }
    out.push(plain ? token(word, start, i, false, word) : token(word, start, i, false));
    if (quote !== '') break;
  }
  // An array never closed runs to the end of the script, as an unclosed quote does (the shell
  // stops with a syntax error): said the same way (EVAL001 when an az command is in it).
  if (arrayDepth > 0 && state.openQuote === undefined) state.openQuote = arrayOpen;
  return out;
}

/** How deep `quotedSubstitutions` follows substitutions inside substitutions (hostile input: linear per level). */
const MAX_SUBSTITUTION_DEPTH = 3;

/**
 * The command substitutions inside double quotes of a word (`"$(az keyvault create …)"`,
 * `` "`az …`" ``): [start of `$(` or `` ` ``, end of the inner command, the opener's length],
 * indices into `raw`. Bash runs them; the lexer keeps a double-quoted string as one word. Single
 * quotes run nothing; `$((` is arithmetic. One pass over the word: each substitution is skipped
 * once found, and the first one left open ends the search (nothing after it can close).
 */
function substitutionsInDoubleQuotes(raw: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"' || (c === "'" && quote === '')) {
      quote = quote === c ? '' : quote === '' ? c : quote;
      continue;
    }
    if (quote !== '"') continue;
    if (c === '$' && raw[i + 1] === '(' && raw[i + 2] !== '(') {
      const end = substitutionEnd(raw, i + 2, '\\');
      if (end < 0) break;
      out.push([i, end, 2]);
      i = end;
    } else if (c === '`') {
      let end = i + 1;
      while (end < raw.length && raw[end] !== '`') end += raw[end] === '\\' ? 2 : 1;
      if (end >= raw.length) break;
      out.push([i, end, 1]);
      i = end;
    }
  }
  return out;
}

/** How deep `substitutionEnd` follows `"$(… "$(…)" …)"` (hostile input: a deeper one counts as not closed). */
const MAX_NESTING = 32;

/**
 * The index of the `)` that closes a `$(` whose inner text starts at `from`, or -1 when none
 * does. Inside it quotes are its own, as the shell reads them: `"$(cd "$(dirname "$0")" && pwd)"`
 * is one double-quoted string, and the `#` of `"$(echo "a # b")"` starts no comment. A double-quoted
 * string inside opens substitutions of its own; single quotes run nothing (PowerShell's `''` is
 * two strings back to back). `esc` is the language's escape. Linear in the text it reads.
 */
export function substitutionEnd(s: string, from: number, esc: string, depth = 0): number {
  if (depth >= MAX_NESTING) return -1;
  let parens = 1;
  // The paren level of each open `case`: its patterns end in a `)` that closes nothing
  // (`$(case $ENV in prod) echo Premium;; esac)`), until its `esac`.
  const cases: number[] = [];
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (c === esc) i++;
    else if (c === "'") {
      i = s.indexOf("'", i + 1);
      if (i < 0) return -1;
    } else if (c === '"') {
      i = doubleQuoteEnd(s, i + 1, esc, depth);
      if (i < 0) return -1;
    } else if (c === '(') parens++;
    else if (c === ')') {
      if (cases.length > 0 && cases[cases.length - 1] === parens) continue;
      if (--parens === 0) return i;
    } else if (c === 'c' && isShellWord(s, i, 'case')) cases.push(parens);
    else if (c === 'e' && isShellWord(s, i, 'esac') && cases[cases.length - 1] === parens) cases.pop();
  }
  return -1;
}

/** Whether the reserved word `word` starts at `i` (a blank, `;`, `(`, `&`, `|` or the start before it; a blank, `;` or `)` after). */
function isShellWord(s: string, i: number, word: string): boolean {
  if (!s.startsWith(word, i)) return false;
  const before = i === 0 ? ' ' : s[i - 1]!;
  const after = s[i + word.length] ?? ' ';
  return /[\s;(&|]/.test(before) && /[\s;)]/.test(after);
}

/** The index of the `"` that closes a double-quoted string whose text starts at `from` (substitutions inside skipped), or -1. */
function doubleQuoteEnd(s: string, from: number, esc: string, depth: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (c === esc) i++;
    else if (c === '"') return i;
    else if (c === '$' && s[i + 1] === '(') {
      i = substitutionEnd(s, i + 2, esc, depth + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/**
 * The commands that command substitutions inside double quotes run, for a shell command
 * (`KV_ID="$(az keyvault create …)"`, `echo "`az ad sp create-for-rbac …`"`): bash runs them
 * before the command, but the lexer keeps a double-quoted string as one word, so without this
 * the command inside is not seen. Each comes as its tokens, led by a `$(` or `` ` `` operator
 * token (the simple command after it is `after: '$('`), mapped to the file like the command's
 * own; substitutions inside those up to MAX_SUBSTITUTION_DEPTH levels, innermost first (they
 * run first). The snippet itself is unchanged (its tokens are what the reference lexer gives).
 */
export function quotedSubstitutions(sn: Pick<ScriptSnippet, 'language' | 'starts' | 'ends'>, cmd: ScriptCommand, lineMap: LineMap): ScriptToken[][] {
  if (sn.language !== 'shell') return [];
  const out: ScriptToken[][] = [];
  collectSubstitutions(cmd.tokens, { lineMap, starts: sn.starts, ends: sn.ends, map: cmd.map }, 0, out);
  return out;
}

/**
 * The commands a shell started with a literal script runs (`bash -c 'az ad sp create-for-rbac
 * --sdk-auth'`, `sh -ec "az keyvault create -n $KV"`, `/bin/bash -c …`, `eval "…"`): each line of the string
 * as its tokens, between a `(` and a `)` (a shell of its own: what it assigns stays there), mapped
 * to the file like the command's own. Only a string read as written: single-quoted, or
 * double-quoted without `\`, `` ` `` or `"` in it; a line continuation or any other escape
 * leaves the string unread (as an `eval` of a built string is).
 */
export function shellCommandStrings(sn: Pick<ScriptSnippet, 'language' | 'starts' | 'ends'>, cmd: ScriptCommand, lineMap: LineMap): ScriptToken[][] {
  if (sn.language !== 'shell') return [];
  const out: ScriptToken[][] = [];
  collectShellStrings(cmd.tokens, { lineMap, starts: sn.starts, ends: sn.ends, map: cmd.map }, 0, out);
  return out;
}

/** `bash -c "bash -c '…'"` is followed this deep. */
const MAX_SHELL_STRING_DEPTH = 4;

function collectShellStrings(tokens: readonly ScriptToken[], place: TokenPlace, depth: number, out: ScriptToken[][]): void {
  if (depth >= MAX_SHELL_STRING_DEPTH) return;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const program = tokens[k]!;
    if (program.op || !(SHELL_PROGRAM.test(program.raw) || program.raw === 'eval') || !inCommandPosition(tokens, k)) continue;
    const script = program.raw === 'eval' ? evalString(tokens, k + 1) : commandString(tokens, k + 1);
    if (!script) continue;
    const q = script.raw[0]!;
    const body = script.raw.slice(1, -1);
    const lines: ScriptToken[] = [];
    // Each line's words with their place, for the strings inside them (`bash -c "bash -c '…'"`).
    const inner: [ScriptToken[], TokenPlace][] = [];
    for (let from = 0; from <= body.length; ) {
      const nl = body.indexOf('\n', from);
      const to = nl < 0 ? body.length : nl;
      const line = lineCode(body.slice(from, to));
      // A quote left open on a line goes on into the next: the lines are not read apart.
      if (line === undefined) {
        lines.length = 0;
        inner.length = 0;
        break;
      }
      if (line.trim() !== '') {
        const linePlace: TokenPlace = { ...place, map: place.map.subarray(script.start + 1 + from) };
        const words = tokenize(line, 'shell', {}, linePlace);
        if (words.length > 0 && lines.length > 0) lines.push(new Token(';', '', script.start + 1 + from, script.start + 1 + from + 1, true, place));
        // (One at a time: a string of 100,000 commands is too many arguments for a spread.)
        for (const w of words) lines.push(w);
        inner.push([words, linePlace]);
      }
      if (nl < 0) break;
      from = nl + 1;
    }
    if (lines.length === 0) continue;
    const command: ScriptToken[] = [new Token('(', q, script.start, script.start + 1, true, place)];
    for (const t of lines) command.push(t);
    command.push(new Token(')', q, script.end - 1, script.end, true, place));
    out.push(command);
    for (const [words, linePlace] of inner) collectShellStrings(words, linePlace, depth + 1, out);
  }
}

/** A shell program (`bash`, `sh`, `/bin/bash`, `/usr/bin/env`-less paths) and its `-c` flag, alone or among one-letter flags (`-ec`, `-xc`, `-lc`). */
const SHELL_PROGRAM = /^(?:\/(?:usr\/)?bin\/)?(?:ba|da|z|k)?sh$/;
const SHELL_COMMAND_FLAG = /^-[a-z]*c[a-z]*$/;
/** Words after which a command starts (`if true; then bash -c …`, `time bash -c …`). */
const COMMAND_LEADERS = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', 'time', '!', '{', 'exec', 'command', 'nohup', 'sudo']);

/** The word at `k` is a command's program: first of its command, after a leading word or assignments (`FOO=1 bash -c …`). */
function inCommandPosition(tokens: readonly ScriptToken[], k: number): boolean {
  // Back over assignments and leading words to the command's start (`echo exec bash -c …` is an argument).
  let j = k - 1;
  while (j >= 0 && !tokens[j]!.op && (/^[A-Za-z_]\w*=/.test(tokens[j]!.raw) || COMMAND_LEADERS.has(tokens[j]!.raw))) j--;
  return j < 0 || tokens[j]!.op;
}

/**
 * The string a shell's `-c` runs, given the words after the program: options first (`-e -c`,
 * `-o pipefail -c`, `--login -c`), then `-c` (alone or among one-letter options), then the string,
 * read only as written: single-quoted, or double-quoted without `\`, `` ` `` or an inner `"`.
 */
function commandString(tokens: readonly ScriptToken[], from: number): ScriptToken | undefined {
  for (let j = from; j < tokens.length && j < from + 8; j++) {
    const t = tokens[j]!;
    if (t.op) return undefined;
    if (SHELL_COMMAND_FLAG.test(t.raw)) {
      const script = tokens[j + 1];
      if (!script || script.op) return undefined;
      return asWritten(script) ? script : undefined;
    }
    if (/^[-+]o$/.test(t.raw)) j++;
    else if (!/^(?:[-+][A-Za-z]+|--[a-z-]+)$/.test(t.raw)) return undefined;
  }
  return undefined;
}

/**
 * The string `eval` runs when it is one literal word (`eval "terraform apply -auto-approve"`,
 * read as `commandString` reads a `-c` string): the shell runs that text as commands. (Run in the
 * current shell, not a subshell: what it assigns the interpreter already treats as unknown
 * after the `eval`, azcli/interpret.ts `shellAssigns`.)
 */
function evalString(tokens: readonly ScriptToken[], from: number): ScriptToken | undefined {
  const script = tokens[from];
  const next = tokens[from + 1];
  if (!script || script.op || (next !== undefined && !next.op)) return undefined;
  return asWritten(script) ? script : undefined;
}

/** A string word read as written: single-quoted, or double-quoted without `\`, `` ` `` or an inner `"`. */
function asWritten(t: ScriptToken): boolean {
  const q = t.raw[0];
  return t.raw.length >= 2 && (q === "'" || q === '"') && t.raw.endsWith(q) && !/[\\`]/.test(t.raw) && t.raw.indexOf(q, 1) === t.raw.length - 1;
}

/**
 * A line of a shell string without its `# …` comment (a `#` that starts a word, outside quotes),
 * or undefined when a quote it opens stays open at its end (no escapes: the strings read have none).
 */
function lineCode(line: string): string | undefined {
  let open: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (open) {
      if (c === open) open = undefined;
    } else if (c === "'" || c === '"') open = c;
    else if (c === '#' && (i === 0 || /\s|;|&|\|/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return open === undefined ? line : undefined;
}

function collectSubstitutions(tokens: readonly ScriptToken[], place: TokenPlace, depth: number, out: ScriptToken[][]): void {
  if (depth >= MAX_SUBSTITUTION_DEPTH) return;
  for (const t of tokens) {
    if (t.op || !t.raw.includes('"')) continue;
    for (const [open, close, opener] of substitutionsInDoubleQuotes(t.raw)) {
      const from = t.start + open + opener;
      const inner: TokenPlace = { ...place, map: place.map.subarray(from) };
      const words = tokenize(t.raw.slice(open + opener, close), 'shell', {}, inner);
      if (words.length === 0) continue;
      collectSubstitutions(words, inner, depth + 1, out);
      out.push([new Token(opener === 2 ? '$(' : '`', t.raw.slice(open, open + opener), t.start + open, from, true, place), ...words]);
      // `OUT="$(sh -c 'az …')"`: the shell it starts runs its string too.
      collectShellStrings(words, inner, 0, out);
    }
  }
}

/** Builds a snippet: scans `mapped.value` and maps every command, token and comment to the file. */
export function buildSnippet(args: {
  file: string;
  lineMap: LineMap;
  mapped: MappedText;
  language: ScriptLanguage;
  origin: ScriptOrigin;
  subject: string;
  attributePath: string;
  /** File range of the whole scalar, used when the value is empty. */
  fallbackRange: Range;
}): ScriptSnippet {
  const { mapped, lineMap } = args;
  const value = mapped.value;
  const range =
    value.length > 0 ? lineMap.range(mapped.starts[0]!, mapped.ends[value.length - 1]!) : args.fallbackRange;
  const sn: ScriptSnippet = {
    file: args.file,
    language: args.language,
    origin: args.origin,
    subject: args.subject,
    attributePath: args.attributePath,
    value,
    starts: mapped.starts,
    ends: mapped.ends,
    exact: mapped.exact,
    range,
    commands: [],
    comments: [],
  };
  const res = scan(value, args.language);
  // Indexed loops, no [s, e] destructuring: before V8 optimizes this function (most of a cold
  // run) for…of makes an iterator result per element and a destructuring an iterator per pair.
  for (let k = 0; k < res.comments.length; k++) {
    const c = res.comments[k]!;
    sn.comments.push({ text: value.slice(c[0], c[1]), range: snippetRange(sn, lineMap, c[0], c[1]) });
  }
  for (let k = 0; k < res.commands.length; k++) {
    const raw = res.commands[k]!;
    const map = raw.map;
    const state: { openQuote?: number } = {};
    const tokens = tokenize(raw.text, args.language, state, { lineMap, starts: sn.starts, ends: sn.ends, map });
    // trim the command's range to its non-blank characters
    let a = 0;
    let b = raw.text.length;
    while (a < b && isWs(raw.text[a])) a++;
    while (b > a && isWs(raw.text[b - 1])) b--;
    const command: ScriptCommand = {
      text: raw.text,
      commented: raw.commented,
      map,
      tokens,
      range: lineMap.range(sn.starts[map[a]!]!, sn.ends[map[b - 1]!]!),
    };
    const h = raw.heredoc;
    if (h) {
      const at = h.start < sn.starts.length ? sn.starts[h.start]! : (sn.ends[sn.ends.length - 1] ?? sn.range.end.offset);
      const range = h.end > h.start ? snippetRange(sn, lineMap, h.start, h.end) : lineMap.range(at, at);
      command.heredoc = { delimiter: h.delimiter, quoted: h.quoted, stripTabs: h.stripTabs, text: value.slice(h.start, h.end), range };
    }
    if (state.openQuote !== undefined && !raw.commented && !sn.unterminated) {
      const q = state.openQuote;
      sn.unterminated = { quote: raw.text[q]!, range: lineMap.range(sn.starts[map[q]!]!, sn.ends[map[q]!]!), command: sn.commands.length };
    }
    sn.commands.push(command);
  }
  return sn;
}

/** File range of command-text indices [start, end) of a command in a snippet. */
export function commandRange(sn: ScriptSnippet, lineMap: LineMap, cmd: ScriptCommand, start: number, end: number): Range {
  const s = cmd.map[start] ?? cmd.map[cmd.map.length - 1] ?? 0;
  const e = cmd.map[Math.max(start, end - 1)] ?? s;
  return lineMap.range(sn.starts[s]!, sn.ends[e]!);
}
