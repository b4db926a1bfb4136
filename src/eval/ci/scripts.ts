/**
 * Scripts of the CI model from the lexer's snippets (src/parse/yaml/script.ts): every
 * logical command split into simple commands, every word with its exact file range and a
 * way to point inside it (`--size=Standard_NC6` → the value).
 */
import type { LineMap, Range } from '../../core/source.js';
import { quotedSubstitutions, shellCommandStrings, type ScriptCommand, type ScriptSnippet, type ScriptToken } from '../../parse/yaml/ci.js';
import type { CiCommand, CiComment, CiScript } from './types.js';

/**
 * Programs whose command goes on after a substitution written apart from its words
 * (`az … -g $(get rg) …`, `terraform $(cat cmd.txt) -auto-approve`): the substitution is one
 * argument of theirs. (For other programs the lexer's split stands.)
 */
const ARGUMENT_SUBSTITUTED: ReadonlySet<string> = new Set(['az', 'terraform']);

/**
 * The simple commands of one logical command, appended to `out` (one list for the whole script,
 * no list per command). The lexer's tokens are the words: each maps a part of itself back to
 * the file and makes its range only when it is read (ScriptToken).
 */
function addSimpleCommands(out: CiCommand[], cmd: Pick<ScriptCommand, 'tokens' | 'commented' | 'heredoc'>, statement: number, lineMap: LineMap, base = 0, openCases: number[] = []): number {
  const first = out.length;
  let words: ScriptToken[] = [];
  let op: string | undefined;
  let after: string | undefined;
  // Unquoted `$(`/`(` open at the current token, and at the first word of the pending command
  // (`base`: those a line before left open, `(` alone on its line).
  let depth = base;
  let wordsDepth = base;
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
  // An `az` command whose argument is a command substitution written apart from the words
  // around it (`-g $(get rg)`, `--size `pick``): the lexer splits at the substitution, but the
  // command goes on after it. Its words wait here while the substitution's own command is
  // read; at the close they go on, with the substitution as one word (`argumentSubstitution`).
  const suspended: { words: ScriptToken[]; after: string | undefined; wordsDepth: number; touchesPrevious: boolean; open: ScriptToken; closeDepth: number; joined: boolean }[] = [];
  let inBacktick = false;
  // The depth at which each open `case` statement started: its patterns end in a `)` that closes
  // nothing (`$(case "$ENV" in prod) echo Premium;; *) echo Basic;; esac)`), until its `esac`
  // (`openCases`: the script's, a case open across lines included, whose `a)` lines close no subshell).
  // An indexed loop: for…of makes an iterator result per token until V8 optimizes this function.
  const tokens = cmd.tokens;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const previous = k > 0 ? tokens[k - 1] : undefined;
    if (t.op) {
      const opensBacktick = t.text === '`' && !inBacktick;
      if (t.text === '`') inBacktick = !inBacktick;
      if ((t.text === '$(' || opensBacktick) && ARGUMENT_SUBSTITUTED.has(words[0]?.text ?? '') && previous !== undefined && !previous.op && (previous.fileEnd < t.fileStart || words.length > 1)) {
        // Joined to the word before it (`--name sp-$(date +%s)`): one word with it.
        suspended.push({ words, after, wordsDepth, touchesPrevious, open: t, closeDepth: depth, joined: previous.fileEnd === t.fileStart });
        words = [];
        op = t.text;
        if (t.text === '$(') depth++;
        continue;
      }
      if (t.text === ')' && openCases.length > 0 && openCases[openCases.length - 1] === depth) {
        // A case pattern's end: a separator between the pattern and its commands.
        if (words.length > 0) {
          flush();
          out[out.length - 1]!.before = t.text;
        }
        op = t.text;
        continue;
      }
      if (t.text === ')' && depth > 0) depth--;
      const top = suspended[suspended.length - 1];
      if (top && ((t.text === ')' && top.open.text === '$(' && depth === top.closeDepth) || (t.text === '`' && top.open.text === '`' && !inBacktick))) {
        if (words.length > 0) {
          flush();
          out[out.length - 1]!.before = t.text;
        }
        suspended.pop();
        ({ words, after, wordsDepth, touchesPrevious } = top);
        words.push(argumentSubstitution(top.open, t, lineMap, top.joined ? words.pop() : undefined));
        op = t.text;
        continue;
      }
      // `;;`, `;&` and `;;&` end a case arm (the lexer reads each character as an operator): one
      // operator after the arm's last command (`;&` falls through into the next arm).
      // (Also on a line of its own after the arm's last command: `;;`, `;&`.)
      if (words.length === 0 && (t.text === ';' || t.text === '&')) {
        const last = out[out.length - 1];
        const chained = (op === ';' || op === ';;') && previous?.op === true && previous.fileEnd === t.fileStart;
        const lineStart = t.text === ';' && previous === undefined && out.length === first && last !== undefined && last.before === undefined;
        if (chained || lineStart) {
          const joined = lineStart ? ';' : op + t.text;
          if (last && (lineStart || last.before === op)) last.before = joined;
          op = joined;
          continue;
        }
      }
      if (words.length > 0) {
        flush();
        const last = out[out.length - 1]!;
        last.before = t.text;
        if (previous!.fileEnd === t.fileStart) last.touchesNext = true;
      }
      // bash's `|&` (a pipe of stdout and stderr) is lexed as `|` then `&`: one operator, no background job.
      op = t.text === '&' && op === '|' && previous?.fileEnd === t.fileStart ? '|&' : t.text;
      if (t.text === '$(' || t.text === '(') depth++;
      continue;
    }
    if (words.length === 0) {
      after = op;
      wordsDepth = depth;
      touchesPrevious = previous?.op === true && previous.fileEnd === t.fileStart;
      if (t.text === 'case') openCases.push(depth);
      else if (t.text === 'esac' && openCases[openCases.length - 1] === depth) openCases.pop();
    }
    words.push(t);
  }
  flush();
  // A substitution left open: the words before it are the command as far as it goes.
  for (let top = suspended.pop(); top; top = suspended.pop()) {
    ({ words, after, wordsDepth, touchesPrevious } = top);
    flush();
  }
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
  // The subshells and substitutions the line leaves open (negative: closed past its start).
  return depth - base;
}

/**
 * A command substitution as one word of the command it is an argument of, from its opening
 * `$(`/`` ` `` to its close: its text is what the shell expands, so its value is the command's
 * output (unknown to the interpreter, as `$(get_rg)` written without blanks is).
 */
function argumentSubstitution(open: ScriptToken, close: ScriptToken, lineMap: LineMap, prefix?: ScriptToken): ScriptToken {
  // `prefix`: the text the substitution is joined to (`sp-` of `sp-$(date +%s)`), part of the word.
  const fileStart = prefix?.fileStart ?? open.fileStart;
  const fileEnd = close.fileEnd;
  const raw = `${prefix?.raw ?? ''}${open.text === '$(' ? '$(…)' : '`…`'}`;
  let range: Range | undefined;
  const whole = (): Range => (range ??= lineMap.range(fileStart, fileEnd));
  return { text: raw, raw, start: prefix?.start ?? open.start, end: close.end, op: false, fileStart, fileEnd, get range() { return whole(); }, rangeOf: () => whole() };
}

/** Subshells left open across lines are counted this deep (hostile input: a line of 100,000 `(`). */
const MAX_OPEN_ACROSS_LINES = 64;

export function scriptOf(sn: ScriptSnippet, lineMap: LineMap): CiScript {
  const commands: CiCommand[] = [];
  // A shell subshell or substitution open across lines (`(` alone on a line, then its commands):
  // the commands of the lines inside it are at its depth. (Commented-out lines carry none.)
  // A subshell counts from a line that ends with the `(`/`$(` or starts with a `(` left open, and
  // ends at a line that starts or ends with its `)`; any other parenthesis a line leaves open (an
  // array, a substitution, arithmetic: `uncounted`) is closed first. A case pattern's `)` closes
  // nothing; a `(` inside `${…}` is no operator (the lexer keeps the expansion whole).
  let open = 0;
  /**
   * Parentheses a line left open without opening a counted subshell (`arr=(a`, `X=$(echo a`,
   * `$((1+`): the `)` lines after it close those first, not the subshell around them.
   */
  let uncounted = 0;
  /** The `case` statements open across lines, by the depth they started at (their patterns' `)` close nothing). */
  const openCases: number[] = [];
  sn.commands.forEach((cmd, i) => {
    const shell = sn.language === 'shell' && !cmd.commented;
    const tokens = cmd.tokens;
    // Lines inside a parenthesis left open (a subshell, or a substitution or array over lines) are
    // at its depth; a `)` on the line closes it there (what follows it on the line is outside).
    const base = shell ? open + uncounted : 0;
    // Substitutions inside double quotes run first (`KV_ID="$(az keyvault create …)"`): each is
    // a simple command of the same line, after `$(` as an unquoted one is.
    for (const sub of quotedSubstitutions(sn, cmd, lineMap)) addSimpleCommands(commands, { tokens: sub, commented: cmd.commented }, i, lineMap, base);
    const net = addSimpleCommands(commands, cmd, i, lineMap, base, shell ? openCases : []);
    // Bounded as subshells are (hostile input: a line of 100,000 `case x in`).
    if (openCases.length > MAX_OPEN_ACROSS_LINES) openCases.length = MAX_OPEN_ACROSS_LINES;
    const last = tokens[tokens.length - 1];
    // A subshell opened at the line's end (`(`, `X=$(`) or its start (`( cd infra`), left open;
    // one closed at the line's end (`echo done )`, `esac)`) that a line before opened.
    const first = tokens[0];
    const opensSubshell = (last?.op === true && (last.text === '(' || last.text === '$(')) || (first?.op === true && first.text === '(');
    if (shell && net > 0) {
      if (opensSubshell) open = Math.min(open + net, MAX_OPEN_ACROSS_LINES);
      else uncounted = Math.min(uncounted + net, MAX_OPEN_ACROSS_LINES);
    } else if (shell && net < 0) {
      // Closed past the line's start: what an uncounted opening left first, then a counted
      // subshell when the line starts or ends with its `)` (`) | tee log`, `echo done )`, `esac)`).
      let remaining = -net;
      const closed = Math.min(remaining, uncounted);
      uncounted -= closed;
      remaining -= closed;
      if (remaining > 0 && ((first?.op === true && first.text === ')') || (last?.op === true && last.text === ')'))) open = Math.max(0, open - remaining);
    }
    // A shell started with a literal script (`bash -c 'az …'`) runs it after its own words are read.
    for (const str of shellCommandStrings(sn, cmd, lineMap)) addSimpleCommands(commands, { tokens: str, commented: cmd.commented }, i, lineMap, base);
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
