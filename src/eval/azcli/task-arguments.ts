/**
 * The words an Azure Pipelines task passes to the script file it runs (`AzureCLI@2`
 * `scriptPath` + `arguments`, `Bash@3`/`PowerShell@2` `filePath` + `arguments`), read from the
 * arguments input as the agent and the task read it (`ArgumentSyntax` in
 * src/parse/yaml/pipeline-tasks.ts, with its sources): the agent first replaces each `$(name)`
 * macro (and the template has put in each `${{ … }}`) as text, then the task splits the text
 * (`task-lib`) or writes it after the file's path in a bash or PowerShell script, whose parser
 * splits it.
 *
 * Only what is read for certain is known: a word holding an unknown macro, or shell or
 * PowerShell syntax beyond plain words and quotes (`$VAR`, `$(…)`, `;`, globs, `@splat`), makes
 * it and every word after it unknown (how many words it is, and what follows, is not known).
 */
import { str, type Value } from '../../core/value.js';
import type { Location, Range } from '../../core/source.js';
import type { ArgumentSyntax } from '../../parse/yaml/pipeline-tasks.js';

/** The arguments passed: the words read, and from which word on nothing is known. */
export interface PassedArguments {
  words: Value[];
  /** Words from this index on (and any number after) are not known. */
  unknownFrom?: { index: number; reason: string };
  /** Where in word k (its characters so far) the first quote opened, if any: a quoted `'-Name'` is a value, never a parameter name. */
  quoteStart?: (number | undefined)[];
  /** The value of word k from its character `from` on, placed as a word is (`-Size:$(size)`'s value is the variable's). */
  tail?: (k: number, from: number) => Value;
}

/** One character of the arguments after macro replacement: where it came from. */
interface Char {
  ch: string;
  /** Offset in the written text (a literal character), or -1 (from a macro's value). */
  at: number;
  /** The macro whose value it is part of (index into `macros`), or -1. */
  macro: number;
}

/** A `$(name)` macro, as written in the arguments. */
const MACRO = /^\$\(([A-Za-z_][\w.]*)\)/;

/**
 * The most characters the arguments are read to, macros put in: past it they are not read (a
 * character is an object here; variables that double each other would fill the heap).
 */
export const MAX_ARGUMENT_CHARS = 100_000;

/** Outside quotes, characters a shell would read as more than a plain word (expansion, operators, globs, comments). */
const SHELL_SPECIAL = new Set([...'$`\\;&|<>()*?[]{}~#!']);
/** Inside double quotes, characters a shell would expand. */
const SHELL_QUOTED_SPECIAL = new Set([...'$`\\']);
/** Outside quotes, characters PowerShell would read as more than a plain argument (variables, subexpressions, splats, operators, escapes). */
const POWERSHELL_SPECIAL = new Set([...'$@`();&|<>{}#,']);
/** Inside double quotes, characters PowerShell would expand. */
const POWERSHELL_QUOTED_SPECIAL = new Set([...'$`']);

/**
 * The words `text` (the arguments input, written at `at`; `verbatim` when the file holds it
 * character for character from `at`'s start, so each word can be placed exactly) passes, read
 * with `syntax`; `reference` gives a macro's or an expression's value.
 */
export function passedArguments(text: string, at: Location, verbatim: boolean, syntax: ArgumentSyntax, reference: (macro: string | undefined, expression: string | undefined) => Value): PassedArguments {
  const macros: Value[] = [];
  const chars: Char[] = [];
  /** The position in `chars` of the first unknown macro's value, and why. */
  let unknownAt: { index: number; reason: string } | undefined;
  // One pass over the text: a `${{` without its `}}` is plain text (no scan to the end from each).
  let closed = true;
  for (let i = 0; i < text.length; ) {
    if (chars.length > MAX_ARGUMENT_CHARS) return { words: [], unknownFrom: { index: 0, reason: `the arguments are longer than ${MAX_ARGUMENT_CHARS.toLocaleString('en-US')} characters with their macros put in` } };
    let written: string | undefined;
    let v: Value | undefined;
    if (text.startsWith('$(', i)) {
      const m = MACRO.exec(text.slice(i, i + 300));
      if (m) {
        written = m[0];
        v = reference(m[1], undefined);
      }
    } else if (closed && text.startsWith('${{', i)) {
      const end = text.indexOf('}}', i + 3);
      if (end < 0) closed = false;
      else {
        written = text.slice(i, end + 2);
        v = reference(undefined, text.slice(i + 3, end));
      }
    }
    if (written === undefined || v === undefined) {
      chars.push({ ch: text[i]!, at: i, macro: -1 });
      i++;
      continue;
    }
    i += written.length;
    if (v.kind !== 'string') {
      unknownAt ??= { index: chars.length, reason: v.kind === 'unknown' ? `${written.slice(0, 60)}: ${v.reason}` : `${written.slice(0, 60)} is not a string` };
      // Its value stands as one character that no word may hold known.
      chars.push({ ch: '\u0000', at: -1, macro: -1 });
      continue;
    }
    macros.push(v);
    for (const ch of v.value) chars.push({ ch, at: -1, macro: macros.length - 1 });
  }
  if (chars.length > MAX_ARGUMENT_CHARS) return { words: [], unknownFrom: { index: 0, reason: `the arguments are longer than ${MAX_ARGUMENT_CHARS.toLocaleString('en-US')} characters with their macros put in` } };

  const words: Value[] = [];
  const wordChars: Char[][] = [];
  const quoteStart: (number | undefined)[] = [];
  let word: Char[] | undefined;
  let wordQuote: number | undefined;
  let quote: '"' | "'" | undefined;
  const end = (): void => {
    if (word) {
      words.push(wordValue(word, macros, at, verbatim));
      wordChars.push(word);
      quoteStart.push(wordQuote);
    }
    word = undefined;
    wordQuote = undefined;
  };
  const tail = (k: number, from: number): Value => wordValue(wordChars[k]!.slice(from), macros, at, verbatim);
  const done = (unknownFrom?: PassedArguments['unknownFrom']): PassedArguments => ({ words, quoteStart, tail, ...(unknownFrom ? { unknownFrom } : {}) });
  const stop = (reason: string): PassedArguments => done({ index: words.length, reason });
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (unknownAt && i === unknownAt.index) return stop(unknownAt.reason);
    const ch = c.ch;
    if (syntax === 'task-lib') {
      // azure-pipelines-task-lib `_argStringToArray`: only double quotes group, `\"` in them is a
      // quote. Its versions differ on `\\` in quotes and on an empty `""` word (dropped before
      // 2019, passed since): not read.
      if (ch === '"') {
        // A quote closing on nothing, at the word's end: an empty word.
        if (quote && !word && (chars[i + 1] === undefined || chars[i + 1]!.ch === ' ')) return stop('an empty quoted argument ("") is passed or dropped depending on the task library version');
        quote = quote ? undefined : '"';
        wordQuote ??= word?.length ?? 0;
      } else if (ch === '\\' && quote && chars[i + 1]?.ch === '"') (word ??= []).push(chars[++i]!);
      else if (ch === '\\' && quote && chars[i + 1]?.ch === '\\') return stop('a backslash pair inside double quotes is read differently by task library versions');
      else if (ch === ' ' && !quote) end();
      else if (ch < ' ') return stop('the arguments hold a line break or control character');
      else (word ??= []).push(c);
      continue;
    }
    const special = syntax === 'shell' ? SHELL_SPECIAL : POWERSHELL_SPECIAL;
    const quotedSpecial = syntax === 'shell' ? SHELL_QUOTED_SPECIAL : POWERSHELL_QUOTED_SPECIAL;
    if (quote === "'") {
      if (ch !== "'") (word ??= []).push(c);
      // PowerShell's `''` inside single quotes is one quote.
      else if (syntax === 'powershell' && chars[i + 1]?.ch === "'") (word ??= []).push(chars[++i]!);
      else quote = undefined;
    } else if (quote === '"') {
      // PowerShell's `""` inside double quotes is one quote: not read.
      if (ch === '"' && syntax === 'powershell' && chars[i + 1]?.ch === '"') return stop('the arguments write "" inside double quotes, which is not read');
      if (ch === '"') quote = undefined;
      else if (quotedSpecial.has(ch)) return stop(`the arguments expand ${ch} inside double quotes, which is not read`);
      else (word ??= []).push(c);
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      wordQuote ??= word?.length ?? 0;
      word ??= [];
    } else if (ch === ' ' || ch === '\t') end();
    else if (ch === '\n' || ch === '\r') return stop('the arguments run onto another line, which the script reads as another command');
    else if (special.has(ch) || ch < ' ') return stop(`the arguments hold ${ch === '\u0000' ? 'a value' : `"${ch}"`} that ${syntax === 'shell' ? 'bash' : 'PowerShell'} reads as more than a plain word`);
    else (word ??= []).push(c);
  }
  if (unknownAt) return stop(unknownAt.reason);
  if (quote) return stop(`the arguments leave a ${quote} quote open`);
  end();
  return done();
}

/**
 * A word's value: a macro's own value when the word is that value alone (its origin is the
 * variable); else the text, placed exactly when every character is written in a verbatim
 * scalar, otherwise at the arguments input.
 */
function wordValue(word: readonly Char[], macros: readonly Value[], at: Location, verbatim: boolean): Value {
  const text = word.map((c) => c.ch).join('');
  const first = word[0];
  if (first && first.macro >= 0 && word.every((c) => c.macro === first.macro)) {
    const m = macros[first.macro]!;
    if (m.kind === 'string' && m.value === text) return m;
  }
  if (verbatim && word.length > 0 && word.every((c) => c.at >= 0)) return str(text, { file: at.file, range: within(at.range, word[0]!.at, word[word.length - 1]!.at + 1) });
  return str(text, at);
}

/** The part of a one-line range from `from` to `to` (offsets into its text). */
function within(r: Range, from: number, to: number): Range {
  return {
    start: { line: r.start.line, column: r.start.column + from, offset: r.start.offset + from },
    end: { line: r.start.line, column: r.start.column + to, offset: r.start.offset + to },
  };
}

/** An argument list nothing of which is known (the input is written in a template branch, or is not a scalar). */
export function unknownArguments(reason: string): PassedArguments {
  return { words: [], unknownFrom: { index: 0, reason } };
}
