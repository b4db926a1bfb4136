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
}

/** One character of the arguments after macro replacement: where it came from. */
interface Char {
  ch: string;
  /** Offset in the written text (a literal character), or -1 (from a macro's value). */
  at: number;
  /** The macro whose value it is part of (index into `macros`), or -1. */
  macro: number;
}

/** A `$(name)` macro or a `${{ expression }}`, as written in the arguments. */
const REFERENCE = /\$\(([A-Za-z_][\w.]*)\)|\$\{\{([\s\S]*?)\}\}/g;

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
  let last = 0;
  for (const m of text.matchAll(REFERENCE)) {
    for (let i = last; i < m.index; i++) chars.push({ ch: text[i]!, at: i, macro: -1 });
    last = m.index + m[0].length;
    const v = reference(m[1], m[2]);
    if (v.kind !== 'string') {
      unknownAt ??= { index: chars.length, reason: v.kind === 'unknown' ? `${m[0]}: ${v.reason}` : `${m[0]} is not a string` };
      // Its value stands as one character that no word may hold known.
      chars.push({ ch: '\u0000', at: -1, macro: -1 });
      continue;
    }
    macros.push(v);
    for (const ch of v.value) chars.push({ ch, at: -1, macro: macros.length - 1 });
  }
  for (let i = last; i < text.length; i++) chars.push({ ch: text[i]!, at: i, macro: -1 });

  const words: Value[] = [];
  let word: Char[] | undefined;
  let quote: '"' | "'" | undefined;
  const end = (): void => {
    if (word) words.push(wordValue(word, macros, at, verbatim));
    word = undefined;
  };
  const stop = (reason: string): PassedArguments => ({ words, unknownFrom: { index: words.length, reason } });
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (unknownAt && i === unknownAt.index) return stop(unknownAt.reason);
    const ch = c.ch;
    if (syntax === 'task-lib') {
      // azure-pipelines-task-lib `_argStringToArray`: only double quotes group, `\"` and `\\` in them escape.
      if (ch === '"') quote = quote ? undefined : '"';
      else if (ch === '\\' && quote && (chars[i + 1]?.ch === '"' || chars[i + 1]?.ch === '\\')) (word ??= []).push(chars[++i]!);
      else if (ch === ' ' && !quote) end();
      else if (ch < ' ') return stop('the arguments hold a line break or control character');
      // An empty word (`""`) is dropped, as the task-lib drops it.
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
      if (ch === '"') quote = undefined;
      else if (quotedSpecial.has(ch)) return stop(`the arguments expand ${ch} inside double quotes, which is not read`);
      else (word ??= []).push(c);
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= [];
    } else if (ch === ' ' || ch === '\t') end();
    else if (ch === '\n' || ch === '\r') return stop('the arguments run onto another line, which the script reads as another command');
    else if (special.has(ch) || ch < ' ') return stop(`the arguments hold ${ch === '\u0000' ? 'a value' : `"${ch}"`} that ${syntax === 'shell' ? 'bash' : 'PowerShell'} reads as more than a plain word`);
    else (word ??= []).push(c);
  }
  if (unknownAt) return stop(unknownAt.reason);
  if (quote) return stop(`the arguments leave a ${quote} quote open`);
  end();
  return { words };
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
