/**
 * Scripts of the CI model from the lexer's snippets (src/parse/yaml/script.ts): every
 * logical command split into simple commands, every word with its exact file range and a
 * way to point inside it (`--size=Standard_NC6` → the value).
 */
import type { LineMap } from '../../core/source.js';
import { quotedSubstitutions, type ScriptCommand, type ScriptSnippet, type ScriptToken } from '../../parse/yaml/ci.js';
import type { CiCommand, CiComment, CiScript } from './types.js';

/**
 * The simple commands of one logical command, appended to `out` (one list for the whole script,
 * no list per command). The lexer's tokens are the words: each maps a part of itself back to
 * the file and makes its range only when it is read (ScriptToken).
 */
function addSimpleCommands(out: CiCommand[], cmd: Pick<ScriptCommand, 'tokens' | 'commented' | 'heredoc'>, statement: number, lineMap: LineMap): void {
  const first = out.length;
  let words: ScriptToken[] = [];
  let op: string | undefined;
  let after: string | undefined;
  // Unquoted `$(`/`(` open at the current token, and at the first word of the pending command.
  let depth = 0;
  let wordsDepth = 0;
  let touchesPrevious = false;
  const flush = (): void => {
    if (words.length === 0) return;
    const c: CiCommand = {
      argv: words,
      commented: cmd.commented,
      statement,
      // From the offsets: the words' own ranges are made only if something reads them.
      range: lineMap.range(words[0]!.fileStart, words[words.length - 1]!.fileEnd),
    };
    if (after !== undefined) c.after = after;
    if (touchesPrevious) c.touchesPrevious = true;
    if (wordsDepth > 0) c.depth = wordsDepth;
    out.push(c);
    words = [];
  };
  // An indexed loop: for…of makes an iterator result per token until V8 optimizes this function.
  const tokens = cmd.tokens;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const previous = k > 0 ? tokens[k - 1] : undefined;
    if (t.op) {
      if (words.length > 0) {
        flush();
        const last = out[out.length - 1]!;
        last.before = t.text;
        if (previous!.fileEnd === t.fileStart) last.touchesNext = true;
      }
      op = t.text;
      if (t.text === '$(' || t.text === '(') depth++;
      else if (t.text === ')' && depth > 0) depth--;
      continue;
    }
    if (words.length === 0) {
      after = op;
      wordsDepth = depth;
      touchesPrevious = previous?.op === true && previous.fileEnd === t.fileStart;
    }
    words.push(t);
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
  sn.commands.forEach((cmd, i) => {
    // Substitutions inside double quotes run first (`KV_ID="$(az keyvault create …)"`): each is
    // a simple command of the same line, after `$(` as an unquoted one is.
    for (const tokens of quotedSubstitutions(sn, cmd, lineMap)) addSimpleCommands(commands, { tokens, commented: cmd.commented }, i, lineMap);
    addSimpleCommands(commands, cmd, i, lineMap);
  });
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
