/**
 * Scripts of the CI model from the lexer's snippets (src/parse/yaml/script.ts): every
 * logical command split into simple commands, every word with its exact file range and a
 * way to point inside it (`--size=Standard_NC6` → the value).
 */
import type { LineMap, Range } from '../../core/source.js';
import type { ScriptCommand, ScriptSnippet, ScriptToken } from '../../parse/yaml/ci.js';
import type { CiCommand, CiComment, CiScript, CiWord } from './types.js';

/** A word that can map a part of itself back to the file (through the snippet's character map). */
class Word implements CiWord {
  readonly text: string;
  readonly raw: string;
  readonly range: Range;
  readonly #sn: ScriptSnippet;
  readonly #cmd: ScriptCommand;
  readonly #start: number;
  readonly #lineMap: LineMap;

  constructor(t: ScriptToken, sn: ScriptSnippet, cmd: ScriptCommand, lineMap: LineMap) {
    this.text = t.text;
    this.raw = t.raw;
    this.range = t.range;
    this.#sn = sn;
    this.#cmd = cmd;
    this.#start = t.start;
    this.#lineMap = lineMap;
  }

  rangeOf(from: number, to: number): Range {
    const len = this.raw.length;
    const a = Math.min(Math.max(from, 0), len);
    const b = Math.min(Math.max(to, a), len);
    const map = this.#cmd.map;
    const s = map[this.#start + Math.min(a, len - 1)];
    if (s === undefined) return this.range;
    // An empty slice is an empty range at its start.
    if (b === a) {
      const at = a === len ? this.#sn.ends[map[this.#start + len - 1]!]! : this.#sn.starts[s]!;
      return this.#lineMap.range(at, at);
    }
    const e = map[this.#start + b - 1]!;
    return this.#lineMap.range(this.#sn.starts[s]!, this.#sn.ends[e]!);
  }

  toJSON(): unknown {
    return { text: this.text, raw: this.raw, range: this.range };
  }
}

/** The simple commands of one logical command, appended to `out` (one list for the whole script, no list per command). */
function addSimpleCommands(out: CiCommand[], cmd: ScriptCommand, statement: number, sn: ScriptSnippet, lineMap: LineMap): void {
  const first = out.length;
  let words: CiWord[] = [];
  let op: string | undefined;
  let after: string | undefined;
  const flush = (): void => {
    if (words.length === 0) return;
    const c: CiCommand = {
      argv: words,
      commented: cmd.commented,
      statement,
      range: { start: words[0]!.range.start, end: words[words.length - 1]!.range.end },
    };
    if (after !== undefined) c.after = after;
    out.push(c);
    words = [];
  };
  for (const t of cmd.tokens) {
    if (t.op) {
      flush();
      op = t.text;
      continue;
    }
    if (words.length === 0) after = op;
    words.push(new Word(t, sn, cmd, lineMap));
  }
  flush();
  const h = cmd.heredoc;
  if (h && out.length > first) {
    let reader = out[out.length - 1]!;
    for (let k = first; k < out.length; k++) {
      if (out[k]!.argv.some((w) => /(^|[^<])<<(?!<)/.test(w.raw))) {
        reader = out[k]!;
        break;
      }
    }
    reader.heredoc = { delimiter: h.delimiter, quoted: h.quoted, stripTabs: h.stripTabs, text: h.text, range: h.range };
  }
}

export function scriptOf(sn: ScriptSnippet, lineMap: LineMap): CiScript {
  const commands: CiCommand[] = [];
  sn.commands.forEach((cmd, i) => addSimpleCommands(commands, cmd, i, sn, lineMap));
  const comments: CiComment[] = sn.comments.map((c) => ({ text: c.text, range: c.range, source: 'script' }));
  return {
    subject: sn.subject,
    attributePath: sn.attributePath,
    origin: sn.origin,
    language: sn.language,
    range: sn.range,
    exact: sn.exact,
    commands,
    comments,
    ...(sn.unterminated ? { unterminated: { quote: sn.unterminated.quote, range: sn.unterminated.range, statement: sn.unterminated.command } } : {}),
  };
}
