/**
 * Shell and PowerShell snippets: the text of a `run:`/`script:`/`inlineScript:` value or a
 * whole `.sh`/`.ps1` file, split into logical commands (line continuations joined) and
 * tokens, every character mapped back to its exact place in the file.
 *
 * This is a lexer, not a shell: it knows quotes, escapes, comments, continuations
 * (`\` in shell, backtick in PowerShell, a trailing `|`, `&&`, `||`), heredocs and
 * command operators — enough to find commands and flags without false positives.
 *
 * The oracle of test/parse/script-lexer-differential.test.ts: the lexer of main c5fa755, with
 * one later change of behaviour applied to both (not an optimization, so the oracle follows
 * it): a shell arithmetic expansion `$((…))` is one piece of a word, blanks and all
 * (`arithmeticEnd`, taken from the lexer; its own cases are in script-substitutions.test.ts).
 * Likewise a PowerShell assignment whose parts touch (`$acr=az …`, `[string]$acr=az …`,
 * `{$acr=az …`, `$acr =az …`) is split into its words at the start of a command
 * (`powershellAssignmentSplit`, taken from the lexer; its cases are in test/rules/ACR001.test.ts).
 * And a heredoc operator opens a heredoc only outside quotes (`echo "NAME<<EOF" >> "$GITHUB_ENV"`
 * writes text: `heredocOperatorOutsideQuotes`, written here independently of the lexer's).
 * Later changes of behaviour, each with its own cases in script-substitutions.test.ts: bash
 * `>|file`, `&>file` and `&>>file` are one redirection word; a PowerShell bare word ends at `}`
 * (unless it holds `{`); a PowerShell method call on a variable (`$pool.ToLower()`) is one word;
 * each line of a PowerShell block comment `<# … #>` is a commented-out command; a CI expression
 * `${{ … }}` closed on its line is one piece of a word, blanks and operators included
 * (`ciExpressionEnd`, taken from the lexer; its cases are in test/rules/CI001.test.ts); and a
 * shell parameter expansion `${…}` is one piece of a word (`parameterExpansionEnd`; its cases are
 * in script-substitutions.test.ts).
 * So this is c5fa755's lexer with those behaviours, not c5fa755's lexer byte for byte: the
 * differential test guards the optimizations, the substitution tests the behaviours.
 */
import type { LineMap, Range } from '../../../src/core/source.js';
import type { MappedText } from '../../../src/parse/yaml/scalar.js';
import { arithmeticEnd, ciExpressionEnd, parameterExpansionEnd, powershellAssignmentSplit, psCallEnd, psMethodCallAt, REDIRECT_BEFORE_BAR } from '../../../src/parse/yaml/script.js';

export type ScriptLanguage = 'shell' | 'powershell';

export type { ScriptOrigin } from '../../../src/parse/yaml/script-origin.js';
import type { ScriptOrigin } from '../../../src/parse/yaml/script-origin.js';

export interface ScriptToken {
  /** The word with quotes and escapes removed (for operators: the operator). */
  text: string;
  /** The word as written in the logical command. */
  raw: string;
  /** Indices into the command's `text`, end exclusive. */
  start: number;
  end: number;
  /** Exact file range of the token. */
  range: Range;
  /** An operator (`;`, `&&`, `||`, `|`, `&`, `(`, `)`, `$(`), not a word. */
  op: boolean;
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
  /** Stable address of the step that holds it, e.g. `workflow:jobs.deploy.steps[2]`, or `script` for a file. */
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
  map: number[];
  commented: boolean;
  heredoc?: { delimiter: string; quoted: boolean; stripTabs: boolean; start: number; end: number };
}

interface ScanResult {
  commands: RawCommand[];
  comments: [number, number][];
}

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t';

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

function scan(v: string, lang: ScriptLanguage): ScanResult {
  const ps = lang === 'powershell';
  const esc = ps ? '`' : '\\';
  const commands: RawCommand[] = [];
  const comments: [number, number][] = [];
  let nesting = true;
  let i = 0;
  const n = v.length;
  while (i < n) {
    // at the start of a physical line with no pending command
    let j = i;
    while (j < n && isWs(v[j])) j++;
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
        const bodyStop = close < 0 ? n : close;
        for (let k = j + 2; k < bodyStop; ) {
          let e = k;
          while (e < bodyStop && v[e] !== '\n' && v[e] !== '\r') e++;
          let b = k;
          while (b < e && isWs(v[b])) b++;
          if (b < e && v.slice(b, e).trim()) {
            const map: number[] = [];
            for (let p = b; p < e; p++) map.push(p);
            commands.push({ text: v.slice(b, e), map, commented: true });
          }
          if (e >= bodyStop) break;
          k = afterLineBreak(v, e);
        }
        i = end;
        continue;
      }
      // a commented-out line; joined with following commented lines while it ends in a continuation
      const cmd: RawCommand = { text: '', map: [], commented: true };
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
        for (let p = b; p < stop; p++) cmd.map.push(p);
        i = afterLineBreak(v, e);
        if (!cont) break;
        // next line must be a commented line too
        let q = i;
        while (q < n && isWs(v[q])) q++;
        if (q >= n || v[q] !== '#') break;
        if (ps) {
          cmd.text += ' ';
          cmd.map.push(bodyEnd - 1);
        }
        k = q;
      }
      if (cmd.text.trim()) commands.push(cmd);
      continue;
    }
    // a logical command
    const cmd: RawCommand = { text: '', map: [], commented: false };
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
      cmd.map.push(p);
    };
    /** A space standing for a line continuation or a comment, mapped to `p`. */
    const addSpace = (p: number): void => {
      flush();
      lastChar = ' ';
      cmd.text += ' ';
      cmd.map.push(p);
    };
    let p = j;
    let quote: '' | "'" | '"' = '';
    let heredoc: { delim: string; quoted: boolean; stripTabs: boolean } | undefined;
    for (;;) {
      if (p >= n) break;
      const c = v[p]!;
      if (quote === "'") {
        add(p);
        if (c === "'") quote = '';
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
        // Changed on purpose after c5fa755 (both lexers alike): a substitution inside double
        // quotes has quotes of its own, taken as they are up to its `)`, continuations joined.
        if (c === '$' && v[p + 1] === '(' && nesting) {
          const close = referenceSubstitutionEnd(v, p + 2, esc, 0);
          if (close >= 0) {
            for (let k = p; k <= close; k++) {
              if (v[k] === esc && (v[k + 1] === '\n' || (v[k + 1] === '\r' && v[k + 2] === '\n'))) {
                k = afterLineBreak(v, k + 1) - 1;
                continue;
              }
              add(k);
              if (v[k] === esc) add(++k);
            }
            p = close + 1;
            continue;
          }
          nesting = false;
        }
        add(p);
        if (c === '"') quote = '';
        p++;
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
        if (continuesOnNextLine(lastNonBlank, beforeLastNonBlank)) {
          addSpace(p);
          p = afterLineBreak(v, p);
          continue;
        }
        if (!ps) {
          flush();
          // `<<<` is a here-string (one word of input), not a heredoc
          // Changed after c5fa755 with the lexer (review 38): the operator outside quotes only.
          const m = heredocOperatorOutsideQuotes(cmd.text);
          if (m) heredoc = { delim: m[3]!, quoted: m[2] !== '', stripTabs: m[1] === '-' };
        }
        p = afterLineBreak(v, p);
        break;
      }
      add(p);
      p++;
    }
    flush();
    if (cmd.text.trim()) commands.push(cmd);
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

/**
 * `$(…)` without whitespace inside (`$(Build.SourcesDirectory)`, `$(pwd)`) is part of a word;
 * a command substitution with arguments (`$(az ad sp …)`) is split so its command is found.
 */
function substitutionIsWord(text: string, i: number): boolean {
  const close = text.indexOf(')', i + 2);
  if (close < 0) return false;
  return !/[\s(]/.test(text.slice(i + 2, close));
}

/**
 * Added after c5fa755 with the change above: the `)` closing a `$(` whose text starts at `from`
 * (quotes inside it its own, double-quoted strings inside with substitutions of their own), or -1.
 */
function referenceSubstitutionEnd(s: string, from: number, esc: string, depth: number): number {
  if (depth >= 32) return -1;
  let parens = 1;
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (c === esc) {
      if (quote !== "'") i++;
    } else if (quote === "'") {
      if (c === "'") quote = '';
    } else if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === '$' && s[i + 1] === '(') {
        i = referenceSubstitutionEnd(s, i + 2, esc, depth + 1);
        if (i < 0) return -1;
      }
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') parens++;
    else if (c === ')' && --parens === 0) return i;
  }
  return -1;
}

function tokenize(text: string, lang: ScriptLanguage, state: { openQuote?: number } = {}): { text: string; start: number; end: number; op: boolean }[] {
  const ps = lang === 'powershell';
  const unclosedCalls = { count: 0 };
  const esc = ps ? '`' : '\\';
  const out: { text: string; start: number; end: number; op: boolean }[] = [];
  let nesting = true;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (isWs(c) || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const d = text[i + 1];
    if (d === '(' && (c === '$' || (ps && c === '@')) && !substitutionIsWord(text, i) && (ps || arithmeticEnd(text, i) < 0)) {
      out.push({ text: c + d, start: i, end: i + 2, op: true });
      i += 2;
      continue;
    }
    if ((c === '&' || c === '|') && d === c) {
      out.push({ text: c + d, start: i, end: i + 2, op: true });
      i += 2;
      continue;
    }
    // An unquoted backtick opens or closes a command substitution in sh/bash (`x=`az …``,
    // a comment that names `az ad sp …` between backticks); in PowerShell it is the escape.
    // sh/bash `&>file` (stdout and stderr to the file) is one redirection word, not `&`.
    if (c === ';' || c === '|' || c === '(' || c === ')' || (c === '&' && (ps || d !== '>')) || (!ps && c === '`')) {
      out.push({ text: c, start: i, end: i + 1, op: true });
      i++;
      continue;
    }
    const split = ps ? powershellAssignmentSplit(text, i, out) : undefined;
    if (split) {
      for (const end of split) {
        out.push({ text: text.slice(i, end), start: i, end, op: false });
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
        // Changed on purpose after c5fa755: a substitution inside double quotes belongs to the word as written.
        if (quote === '"' && ch === '$' && text[i + 1] === '(' && nesting) {
          const close = referenceSubstitutionEnd(text, i + 2, esc, 0);
          if (close >= 0) {
            i = close + 1;
            continue;
          }
          nesting = false;
        }
        i++;
        continue;
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
      if (isWs(ch) || ch === '\n' || ch === '\r' || ch === ';' || ch === '|' || ch === '(' || ch === ')' || (!ps && ch === '`')) break;
      if (ch === '$' && text[i + 1] === '{' && text[i + 2] === '{') {
        const close = ciExpressionEnd(text, i);
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
        if (!substitutionIsWord(text, i)) break;
        i = text.indexOf(')', i + 2) + 1;
        continue;
      }
      if (ch === '&') {
        const prev = text[i - 1];
        if (!(prev === '>' || prev === '<' || (i === start && !ps && text[i + 1] === '>'))) break;
      }
      i++;
    }
    word += text.slice(run, i);
    if (quote === '') state.openQuote = undefined;
    if (i === start) {
      i++;
      continue;
    }
    if (ps && text.slice(start, i) === word && word.endsWith('}') && !word.includes('{')) {
      let cut = word.length;
      while (cut > 0 && word[cut - 1] === '}') cut--;
      if (cut > 0) {
        out.push({ text: word.slice(0, cut), start, end: start + cut, op: false });
        for (let k = start + cut; k < i; k++) out.push({ text: '}', start: k, end: k + 1, op: false });
        continue;
      }
    }
    out.push({ text: word, start, end: i, op: false });
    if (quote !== '') break;
  }
  return out;
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
  for (const [s, e] of res.comments) {
    sn.comments.push({ text: value.slice(s, e), range: snippetRange(sn, lineMap, s, e) });
  }
  for (const raw of res.commands) {
    const map = Int32Array.from(raw.map);
    const state: { openQuote?: number } = {};
    const tokens: ScriptToken[] = tokenize(raw.text, args.language, state).map((t) => ({
      text: t.text,
      raw: raw.text.slice(t.start, t.end),
      start: t.start,
      end: t.end,
      op: t.op,
      range: lineMap.range(sn.starts[map[t.start]!]!, sn.ends[map[t.end - 1]!]!),
    }));
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

/** The heredoc operator outside quotes (the same behaviour change as src/parse/yaml/script.ts `heredocOperator`, written independently). */
function heredocOperatorOutsideQuotes(text: string): RegExpExecArray | null {
  // Which characters are inside quotes (or escaped): an operator starting there is text.
  const quoted: boolean[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      quoted[i] = true;
      if (c === '\\' && quote === '"') quoted[++i] = true;
      else if (c === quote) quote = '';
    } else if (c === '\\') {
      quoted[i] = true;
      quoted[++i] = true;
    } else {
      quoted[i] = false;
      if (c === '"' || c === "'") quote = c;
    }
  }
  const re = /(?<!<)<<(?!<)(-?)[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!quoted[m.index]) return m;
  return null;
}
