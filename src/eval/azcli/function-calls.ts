/**
 * A shell function's body runs where the function is called, with the caller's arguments as its
 * `$1`…`$9` and the script's variables as they are then (bash manual, "Shell Functions": "the
 * positional parameters are set to the arguments of the function call"; the function shares the
 * caller's variables). `add_pool gpu Standard_D16s_v5` with `add_pool() { az aks nodepool add
 * --name "$1" --node-vm-size "$2" …; }` is an `az` command with those values, written at the call.
 *
 * interpret.ts runs a called body as a script of its own (`bodyScript`) and bounds the calls it
 * follows here: how deep (`MAX_FUNCTION_CALL_DEPTH`) and how many commands in all
 * (`FUNCTION_CALL_WORK`, shared by every call a script's run makes, nested ones included).
 */
import type { CiCommand, CiScript } from '../ci/types.js';
import { isTerraformProgram, SHELL_ASSIGNMENT, SHELL_LEADING_WORDS } from '../ci-words.js';
import type { FolderState } from './folders.js';
import type { ShellArray } from './shell-arrays.js';

/**
 * How deep calls are followed (`main` → `run_case` → `setup` → `setup_infra` → `add_pool` is five):
 * deeper, the body is read as its definition is (arguments not known), with an EVAL001 note.
 */
export const MAX_FUNCTION_CALL_DEPTH = 8;

/**
 * Commands the calls of one script's functions may run in all (each call runs its body again): a
 * script of thousands of calls, or functions that each call the one before twice, stays bounded.
 * Past it, a call is not followed and the function's body counts as read at its definition.
 */
export const FUNCTION_CALL_WORK = 5_000;

/**
 * What a call of a script's function leaves: the variables it sets, itself or through the
 * functions it calls (as they were defined when its body was read), not known after the call.
 * At most interpret.ts MAX_FUNCTION_NAMES (a chain of thousands of functions stays linear).
 */
export interface FunctionAssigns {
  names: readonly string[];
  /** It may set any variable (an `eval` of text not known, a file it sources that is not read): why. */
  any?: string;
}

/** A function the script (or the run that called into it) defined, its body a script of its own. */
export interface ShellFunction {
  name: string;
  body: CiScript;
  /** Defined in an if's branch, a case arm or a loop: another definition may be the one called (what it sets is not handed back). */
  conditional?: true;
}

/** What a run of a called body inherits from its caller: the functions defined by then, the depth, the work left. */
export interface FunctionScope {
  /**
   * The functions defined when the call is made, by name, and what a call of each leaves unknown
   * (interpret.ts `callsFunction`): looked up in the caller (not copied: a script of thousands of
   * functions and calls stays linear), which is not read on until the called body's run is done.
   */
  functionNamed(name: string): ShellFunction | undefined;
  assignsOf(name: string): FunctionAssigns | undefined;
  /** Whether the caller's function of that name runs its arguments (`retry 3 az …`, `measure up`). */
  isRunner(name: string): boolean;
  depth: number;
  work: { left: number };
  /** What every run of one script's calls shares: `mayRunCommands`'s answers. */
  shared: SharedCallState;
  /** The folder the caller is in at the call (a `cd` before it), where the body starts. */
  folder?: FolderState;
  /** The caller's bash arrays at the call (`KV_ARGS=(…)` at the script's level, read in the body). */
  arrays?: Iterable<readonly [string, ShellArray]>;
}

/** The functions (by body script) whose calls a run ran, and those a call of which it did not run. */
export interface FunctionCalls {
  ran: Set<CiScript>;
  notRun: Set<CiScript>;
}

export interface SharedCallState {
  /** How many functions the runs have defined so far: an answer of `mayRunCommands` holds while it is unchanged. */
  definitions: number;
  /** Per body, whether it may run what the rules read, and `definitions` when that was answered (a callee defined later may change it). */
  mayRun: Map<CiScript, { answer: boolean; known: number }>;
}

/** A fresh scope for a script's run that no function call made. */
export function topFunctionScope(): FunctionScope {
  return { functionNamed: () => undefined, assignsOf: () => undefined, isRunner: () => false, depth: 0, work: { left: FUNCTION_CALL_WORK }, shared: { definitions: 0, mayRun: new Map() } };
}

/**
 * Takes a call's work from the scope: the body's commands, and the variables its run starts from
 * (copied per call: 20,000 calls in a script of 10,000 variables would copy 200 million); false
 * (nothing taken) when that passes what is left.
 */
export function spendFunctionWork(scope: FunctionScope, commands: number, variables: number): boolean {
  const cost = Math.max(1, commands) + Math.floor(variables / 8);
  if (cost > scope.work.left) return false;
  scope.work.left -= cost;
  return true;
}

/** A body's first and last commands, cut from the script's (`bodyScript`): the script's own command each was cut from. */
const CUT_FROM = new WeakMap<CiCommand, CiCommand>();

/**
 * The script's own command `cmd` stands for: itself, or the command a body's first or last one was
 * cut from (`f() { az ad sp create-for-rbac … $1; }` on one line). What a run records for the
 * rules (CI001's expanded words) goes on the script's command, which the rules read.
 */
export function scriptCommand(cmd: CiCommand): CiCommand {
  return CUT_FROM.get(cmd) ?? cmd;
}

/** Body scripts made so far, by the defining script's commands and the body's first command (a function called many times is cut once). */
const BODY_SCRIPTS = new WeakMap<readonly CiCommand[], Map<number, CiScript>>();

/**
 * The body of the function whose braces open in command `start` and close in command `end`
 * (interpret.ts `shellFunctions`) as a script of its own: the commands between, the header up to
 * the `{` and the closing `}` (with what follows it: `} > log`) cut off. The commands between are
 * the script's own objects (what a run records on them, CI001's expanded words, is on them; on
 * the first and last, through `scriptCommand`).
 */
export function bodyScript(script: CiScript, start: number, end: number): CiScript {
  let bodies = BODY_SCRIPTS.get(script.commands);
  if (!bodies) BODY_SCRIPTS.set(script.commands, (bodies = new Map()));
  const made = bodies.get(start);
  if (made) return made;
  const commands: CiCommand[] = [];
  for (let ci = start; ci <= end; ci++) {
    let cmd = script.commands[ci]!;
    if (ci === start) {
      const open = cmd.argv.findIndex((w) => w.raw === '{');
      const argv = cmd.argv.slice(open + 1);
      // The first command after `{` starts the body: no operator before it (`name()`'s `)` is the header's).
      const { after: _after, touchesPrevious: _touches, ...rest } = cmd;
      cmd = { ...rest, argv, ...(argv.length > 0 ? { range: { start: argv[0]!.range.start, end: cmd.range.end } } : {}) };
    }
    if (ci === end) {
      const close = closingBrace(cmd.argv);
      const argv = cmd.argv.slice(0, close);
      const { heredoc: _heredoc, before: _before, touchesNext: _next, ...rest } = cmd;
      cmd = { ...rest, argv, ...(argv.length > 0 ? { range: { start: cmd.range.start, end: argv[argv.length - 1]!.range.end } } : {}), ...(close > 0 && cmd.heredoc ? { heredoc: cmd.heredoc } : {}) };
    }
    if (cmd !== script.commands[ci]) CUT_FROM.set(cmd, script.commands[ci]!);
    if (cmd.argv.length > 0) commands.push(cmd);
  }
  const body: CiScript = { ...script, commands };
  bodies.set(start, body);
  return body;
}

/** The index of the `}` that closes the body among the leading words of its last command (`fi }` is not shell; `} > log`, `done; }` are). */
function closingBrace(argv: readonly { raw: string }[]): number {
  let last = -1;
  for (let k = 0; k < argv.length; k++) {
    const w = argv[k]!.raw;
    if (w === '}') last = k;
    else if (w !== '{' && !SHELL_LEADING_WORDS.has(w)) break;
  }
  return last < 0 ? argv.length : last;
}

/** Per body: whether a word of it may run an `az` or `terraform` command itself (`mayRunCommands`), and the words that may be calls. */
const BODY_WORDS = new WeakMap<CiScript, { runsItself: boolean; words: readonly string[] }>();

/**
 * Whether running `fn`'s body at a call may read anything the rules see: an `az` command (or a
 * `terraform` one, whose words CI001/CI005 read), an array or a variable run as a command
 * (`"${cmd[@]}"`, `$AZ`), an `eval`, an assignment or a sourced file (what it sets is the
 * script's after the call), or a call of a function defined by then (`functionNamed`) that may.
 * A body of `echo`, `kubectl` and `helm` runs nothing linted: its call is not run again (deploy
 * scripts call such helpers dozens of times per run). Answers are kept per body
 * while no function is defined anew (`shared`): sixty functions that each call all sixty were
 * asked again at every call, levels down.
 */
export function mayRunCommands(fn: ShellFunction, functionNamed: (name: string) => ShellFunction | undefined, shared: SharedCallState): boolean {
  const known = shared.definitions;
  const kept = shared.mayRun.get(fn.body);
  if (kept && kept.known === known) return kept.answer;
  // Depth-first over the callees, each body once.
  const seen = new Set<CiScript>();
  const visit = (f: ShellFunction): boolean => {
    if (seen.has(f.body)) return false;
    seen.add(f.body);
    const words = bodyWords(f.body);
    if (words.runsItself) return true;
    for (const w of words.words) {
      const callee = functionNamed(w);
      if (callee && visit(callee)) return true;
    }
    return false;
  };
  const answer = visit(fn);
  shared.mayRun.set(fn.body, { answer, known });
  return answer;
}

/** A body's words: whether one may run an `az` or `terraform` command itself, and the words that may be calls. */
function bodyWords(body: CiScript): { runsItself: boolean; words: readonly string[] } {
  let seen = BODY_WORDS.get(body);
  if (seen) return seen;
  let runsItself = false;
  const words = new Set<string>();
  for (const cmd of body.commands) {
    const program = cmd.argv[programAt(cmd.argv)]?.raw ?? '';
    if (program === 'eval' || program.startsWith('$') || program.startsWith('"$') || SETS_VARIABLES.has(program)) runsItself = true;
    // What it assigns is the script's after the call: a command of assignments only (a `local X=…` has `local` as its program).
    if (program === '' && cmd.argv.some((w) => SHELL_ASSIGNMENT.test(w.raw))) runsItself = true;
    for (const w of cmd.argv) {
      const raw = w.raw;
      // (Anywhere in the command: `sudo az …`, `retry 3 az …`.)
      if (raw === 'az' || isTerraformProgram(raw)) runsItself = true;
      else if (FUNCTION_WORD.test(raw)) words.add(raw);
    }
    if (runsItself) break;
  }
  seen = { runsItself, words: [...words] };
  BODY_WORDS.set(body, seen);
  return seen;
}

const FUNCTION_WORD = /^[A-Za-z_][\w-]*$/;

/** The index of a command's program: the first word after braces, keywords and the command's own `X=v` words (-1: none). */
function programAt(argv: readonly { raw: string }[]): number {
  return argv.findIndex((w) => w.raw !== '{' && w.raw !== '}' && !SHELL_LEADING_WORDS.has(w.raw) && !SHELL_ASSIGNMENT.test(w.raw));
}
/** Programs that set the script's variables: a body with one is run at its calls, so what it sets holds after them. */
const SETS_VARIABLES = new Set(['export', 'readonly', 'declare', 'typeset', 'source', '.', ':']);

/**
 * The functions a script may call where the linter does not see the call: its name held by a
 * value that may be run later (`step=deploy` then `$step`, `for s in init deploy; do $s; done`,
 * an array's element), run by `trap`, `eval`, `xargs` or `bash -c`, or any function when the
 * script sources a file after its definition (that file may call it). What such a function
 * changes is unknown from its definition on (interpret.ts `closeShellBody`), as before calls were
 * run: a call the linter misses would otherwise leave the value from before it, a false finding.
 * (A name written as an argument, `az aks nodepool add`, runs nothing.)
 */
export function namesCallableUnseen(commands: readonly CiCommand[], bodies: readonly { start: number; end: number; name?: string }[]): ReadonlySet<string> {
  const names = new Set(bodies.flatMap((b) => (b.name !== undefined ? [b.name] : [])));
  const out = new Set<string>();
  if (names.size === 0) return out;
  let lastRunsOthers = -1;
  const inBody = (ci: number): boolean => bodies.some((b) => b.start <= ci && ci <= b.end);
  const holds = (raw: string): void => {
    for (const m of raw.matchAll(NAME_IN_WORD)) if (names.has(m[0])) out.add(m[0]);
  };
  for (let ci = 0; ci < commands.length; ci++) {
    const cmd = commands[ci]!;
    if (cmd.commented) continue;
    const argv = cmd.argv;
    const at = programAt(argv);
    const program = argv[at]?.raw ?? '';
    // (A file sourced in a function's body is sourced when that function is called.)
    if ((program === 'source' || program === '.') && !inBody(ci)) lastRunsOthers = ci;
    const runsItsWords = RUNS_ITS_WORDS.has(program) || argv.some((w) => w.raw.includes('=('));
    for (let k = 0; k < argv.length; k++) {
      const raw = argv[k]!.raw;
      if ((runsItsWords && k > at) || SHELL_ASSIGNMENT.test(raw) || DECLARED_VALUE.test(raw)) holds(raw.replace(/^[A-Za-z_]\w*\+?=/, ''));
    }
  }
  for (const b of bodies) if (b.name !== undefined && lastRunsOthers > b.end) out.add(b.name);
  return out;
}

/** Programs whose words may run as commands later or elsewhere: a loop's list (`for s in …; do $s`), a trap, an eval, `xargs f`, `bash -c f`. */
const RUNS_ITS_WORDS = new Set(['for', 'select', 'trap', 'eval', 'xargs', 'parallel', 'bash', 'sh', 'zsh']);
/** A quoted assignment word (`"step=deploy"` of `declare`/`local`). */
const DECLARED_VALUE = /^["'][A-Za-z_]\w*=/;

/** A name as it may be written inside a word (`step=deploy`, `"deploy"`, `retry deploy`): not part of a longer name or a path. */
const NAME_IN_WORD = /(?<![\w./-])[A-Za-z_][\w-]*(?![\w./-])/g;

