/**
 * Words of a CI script as the CI system sees them: a `${{ … }}` expression is substituted
 * before the shell runs, so its inner spaces do not split words. Shared by the `az`
 * interpreter and the rules that read command lines (CI005). Kept outside src/eval/ci/: the
 * rules load it with every run (through src/model/ci.ts), the CI front end only on demand.
 */
import type { CiWord } from './ci/types.js';

/**
 * `${{ matrix.size }}` is one substitution to the CI system but three words to the script
 * lexer (it splits at spaces): joined back into one word, mapped onto its parts.
 */
export function joinExpressions(argv: readonly CiWord[]): readonly CiWord[] {
  // Most commands have no expression: their words as they are (read, never changed), not a copy.
  if (!argv.some((w) => w.raw.includes('${{'))) return argv;
  const out: CiWord[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const open = w.raw.lastIndexOf('${{');
    if (open < 0 || w.raw.indexOf('}}', open) >= 0) {
      out.push(w);
      continue;
    }
    const parts = [w];
    while (i + 1 < argv.length) {
      const n = argv[++i]!;
      parts.push(n);
      if (n.raw.includes('}}')) break;
    }
    out.push(joined(parts));
  }
  return out;
}

function joined(parts: CiWord[]): CiWord {
  const starts: number[] = [];
  let raw = '';
  for (const p of parts) {
    if (raw) raw += ' ';
    starts.push(raw.length);
    raw += p.raw;
  }
  const at = (i: number): { p: CiWord; off: number } => {
    let k = parts.length - 1;
    while (k > 0 && starts[k]! > i) k--;
    return { p: parts[k]!, off: Math.min(Math.max(i - starts[k]!, 0), parts[k]!.raw.length) };
  };
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  return {
    text: parts.map((p) => p.text).join(' '),
    raw,
    range: { start: first.range.start, end: last.range.end },
    rangeOf(from: number, to: number) {
      const a = at(from);
      const b = at(Math.max(from, to - 1));
      return { start: a.p.rangeOf(a.off, a.off + 1).start, end: b.p.rangeOf(b.off, b.off + 1).end };
    },
  };
}

/** Words that open, continue or close a compound command and may precede a simple command (`if az …`, `then az …`, `! az …`); `time` is a wrapper (it takes `-p`). */
export const SHELL_LEADING_WORDS: ReadonlySet<string> = new Set(['then', 'do', 'else', '{', '!', 'elif', 'if', 'while', 'until']);

/** `X=lit`, `X+=lit`: an assignment word (before a program, for that program only). */
export const SHELL_ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

/** Builtins that declare variables (`export X=1`): they run no program of their words. */
export const DECLARERS: ReadonlySet<string> = new Set(['export', 'readonly', 'local', 'declare', 'typeset']);

/**
 * Programs that run the command after them with its words unchanged (`sudo az …`, `command az …`,
 * `env X=1 az …`, `nohup az …`, `exec az …`, `timeout 10m az …`, `time -p az …`, `nice -n 10 az …`),
 * with the options that take a value. `command -v az` / `-V` only looks the program up: it runs
 * nothing. (`xargs` is none: it appends words read at run time.)
 */
const WRAPPERS = new Map<string, ReadonlySet<string>>([
  ['sudo', new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T'])],
  ['command', new Set()],
  ['env', new Set(['-u', '-C', '-S'])],
  ['nohup', new Set()],
  ['exec', new Set(['-a'])],
  ['timeout', new Set(['-s', '-k'])],
  ['time', new Set(['-o', '-f'])],
  ['nice', new Set(['-n'])],
  ['ionice', new Set(['-c', '-n', '-p'])],
  ['stdbuf', new Set(['-i', '-o', '-e'])],
]);
/** Wrappers that take `NAME=value` words before the program (`env X=1 az`, `sudo TF_LOG=1 terraform`). */
const ASSIGNING_WRAPPERS = new Set(['env', 'sudo']);

/** A redirection word as the script lexer keeps it: descriptor, operator, `&N` duplication, inline file. */
export interface Redirection {
  /** Its file is the next word (`>`, `2>>`, `>|`), not written inline (`>log`) and no duplication. */
  takesNext: boolean;
  /** It writes (`>`, `>>`, `>|`), not reads (`<`). */
  output: boolean;
  /** It redirects stdout: no descriptor, `1`, or `&` (`&>`: stdout and stderr). */
  stdout: boolean;
  /** It duplicates a descriptor (`2>&1`, `>&2`): names no file. */
  duplicate: boolean;
  /** The file written inline (`log` of `>log`), else ''. */
  target: string;
}

/**
 * A redirection word (`>log`, `2>&1`, `<in`, `&>out`, `&>>out`, `>|out`), or undefined. The
 * one reader of redirections: CI005's program, the heredoc's file, `$GITHUB_ENV` writes, a
 * flag's value.
 */
export function redirection(raw: string): Redirection | undefined {
  const m = /^(\d*|&)(>\||>>?|<)(&\d*)?(.*)$/.exec(raw);
  if (!m) return undefined;
  const fd = m[1]!;
  return { takesNext: m[3] === undefined && m[4] === '', output: m[2] !== '<', stdout: fd === '' || fd === '1' || fd === '&', duplicate: m[3] !== undefined, target: m[3] === undefined ? m[4]! : '' };
}

/** After redirections written before the program (`>apply.log terraform …`): the next word that is not one. */
function afterRedirections(words: readonly CiWord[], k: number): number {
  let at = k;
  while (at < words.length) {
    const r = redirection(words[at]!.raw);
    if (!r) break;
    at += r.takesNext ? 2 : 1;
  }
  return at;
}

/** The index of the program a wrapper chain runs (`j` itself when `words[j]` is no wrapper, or a lookup such as `command -v`). */
export function afterWrappers(words: readonly CiWord[], j: number): number {
  let at = j;
  // Each wrapper moves on by one word at least: the chain ends within the command.
  while (at < words.length) {
    const name = words[at]?.text;
    const valued = name === undefined ? undefined : WRAPPERS.get(name);
    if (!valued) return at;
    let k = at + 1;
    let endOfOptions = false;
    for (; k < words.length; k++) {
      const w = words[k]!.raw;
      if (name === 'command' && !endOfOptions && /^-[a-zA-Z]*[vV]/.test(w)) return j;
      if (ASSIGNING_WRAPPERS.has(name!) && SHELL_ASSIGNMENT.test(w)) continue;
      if (endOfOptions) break;
      if (w === '--') {
        endOfOptions = true;
        continue;
      }
      if (!w.startsWith('-')) break;
      if (valued.has(w)) k++;
    }
    // `timeout` takes a duration before the program.
    if (name === 'timeout') k++;
    if (k >= words.length) return j;
    at = k;
  }
  return j;
}

/** PowerShell: a word runs as a program at the start of a command, after the call operator `&`, the dot-source operator `.`, an opening `{` (`try {`, `if (…) {`) or an assignment's operator (`=`, `+=` …). */
export function powershellProgramAt(words: readonly CiWord[], i: number): boolean {
  if (i === 0) return true;
  const before = words[i - 1]!.raw;
  return before === '&' || before === '.' || before === '{' || POWERSHELL_ASSIGNMENT_OPERATOR.test(before);
}

/** PowerShell's assignment operators (about_Assignment_Operators). */
export const POWERSHELL_ASSIGNMENT_OPERATOR = /^[-+*/%]?=$/;

/**
 * The Terraform CLI a word names (`terraform`, `./bin/terraform`, `C:\tools\terraform.exe`), or
 * OpenTofu's (`tofu`: a fork with the same commands and flags, `tofu apply -auto-approve`,
 * opentofu.org/docs/cli/commands/apply): its name, undefined for another word.
 */
export function terraformProgramName(text: string): 'terraform' | 'tofu' | undefined {
  // Asked of every word of every command: a word ending in another letter than m, u or e (any
  // case) is answered without building strings, and a long one by its tail (which holds the
  // longest name, `terraform.exe`, and the separator before it).
  const last = text.charCodeAt(text.length - 1) | 0x20;
  if (last !== 0x6d && last !== 0x75 && last !== 0x65) return undefined;
  const t = (text.length > 14 ? text.slice(-14) : text).toLowerCase().replace(/\\/g, '/');
  const base = t.slice(t.lastIndexOf('/') + 1).replace(/\.exe$/, '');
  return base === 'terraform' || base === 'tofu' ? base : undefined;
}

/** Whether a word names the Terraform (or OpenTofu) CLI. */
export function isTerraformProgram(text: string): boolean {
  return terraformProgramName(text) !== undefined;
}

/**
 * The indices of the words a command runs as programs. Shell: one, after compound-command
 * keywords, the command's own `X=1` assignments, redirections and wrappers (`sudo`, `env`,
 * `timeout 10m` …), none when it only assigns or declares. PowerShell: the first word and every
 * word after `&`, `{` or `=` (`try { terraform … }`, `$out = az …`). Any other word is an
 * argument — `echo terraform apply` prints, it runs nothing.
 */
export function programIndices(words: readonly CiWord[], language: 'shell' | 'powershell'): number[] {
  if (language === 'powershell') {
    const out: number[] = [];
    for (let i = 0; i < words.length; i++) if (powershellProgramAt(words, i) && !/^(?:[&.{]|[-+*/%]?=)$/.test(words[i]!.raw)) out.push(i);
    return out;
  }
  let k = 0;
  while (k < words.length && SHELL_LEADING_WORDS.has(words[k]!.raw)) k++;
  if (k < words.length && DECLARERS.has(words[k]!.raw)) return [];
  k = afterPrefix(words, k);
  if (k >= words.length) return [];
  return [afterWrappers(words, k)];
}

/**
 * Programs that run none of their words: they print, test or look them up (`echo terraform apply
 * -auto-approve`, PowerShell `Write-Host …`, `command -v terraform`, `grep "terraform apply" log`),
 * do nothing with them (`:`, `true`, `false`: a common way to switch a line off), or take them as
 * names, paths or text (`mkdir`, `ls`, `git commit -m …`).
 */
const RUNS_NONE_OF_ITS_WORDS = new Set([
  'echo', 'printf', 'print', 'cat', 'grep', 'egrep', 'fgrep', 'sed', 'awk', 'test', '[', '[[', 'which', 'type', 'hash', 'command', 'alias', 'man',
  ':', 'true', 'false', 'ls', 'mkdir', 'rmdir', 'rm', 'touch', 'cp', 'mv', 'ln', 'chmod', 'chown', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'tee',
  'basename', 'dirname', 'readlink', 'realpath', 'stat', 'diff', 'cd', 'pushd', 'git', 'curl', 'wget', 'jq', 'yq', 'logger',
  'write-host', 'write-output', 'write-verbose', 'write-information', 'write-debug', 'write-warning', 'write-error', 'out-file', 'add-content', 'set-content',
]);

/**
 * The index of the first word `names` accepts that the command runs: one of its programs
 * (`programIndices`), else one handed to the program that runs it (`xargs -I{} terraform …`,
 * `doppler run -- az …`, a wrapper script), unless that program runs none of its words
 * (`echo az ad sp …`, `: terraform apply …`). `handler`: the program it was handed to.
 */
export function runningWordAt(argv: readonly CiWord[], language: 'shell' | 'powershell', names: (text: string) => boolean): { at: number; handler?: number } | undefined {
  const programs = programIndices(argv, language);
  const own = programs.find((k) => names(argv[k]!.text));
  if (own !== undefined) return { at: own };
  const handler = programs[0];
  if (handler === undefined || RUNS_NONE_OF_ITS_WORDS.has(argv[handler]!.text.toLowerCase())) return undefined;
  const k = argv.findIndex((w, n) => n > handler && names(w.text));
  return k >= 0 ? { at: k, handler } : undefined;
}

/**
 * Shell: after a simple command's own assignments and the redirections written among them
 * (`X=1 >log az …`, `>apply.log TF_LOG=1 terraform …`), from `k`: the index of its program (or
 * the end, when it only assigns). Each assignment word is handed to `onAssignment`.
 */
export function afterPrefix(words: readonly CiWord[], k: number, onAssignment?: (w: CiWord) => void): number {
  let at = k;
  for (;;) {
    const before = at;
    at = afterRedirections(words, at);
    // Not `onAssignment?.(words[at++])`: an optional call skips its arguments, and the index with them.
    for (; at < words.length && SHELL_ASSIGNMENT.test(words[at]!.raw); at++) onAssignment?.(words[at]!);
    if (at === before) return at;
  }
}
