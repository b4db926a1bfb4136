/**
 * Walks one script of the CI model (src/eval/ci: commands with argv words and exact
 * ranges, heredocs) in order, keeping the shell variables assigned literally, and returns
 * every `az` command with its words expanded, plus the heredocs that write files.
 *
 * Straight-line code only, as FORMATS.md §1(a) asks: `X=lit`, `export`/`readonly`/`local`/
 * `declare` assignments, `${X:=lit}`; PowerShell `$x = 'lit'` / `$env:X = 'lit'` (inside
 * braces for the rest of that block only). `if`/`elif`/`else` and `case` branches: a variable keeps a known value after the
 * block only when every path (the fall-through path included) gives the same value. Loop
 * variables, `read`, and assignments from anything else are unknown; after `source`, `eval`,
 * `export $(…)` or PowerShell dot-sourcing/`Invoke-Expression`, every variable. Commented-out
 * commands run nothing.
 */
import { allElementsOf, arrayOpening, elementAssignment, evaluatedArrayOf, hole, settled, ShellArrays, type ArraysBefore, type ShellArray } from './shell-arrays.js';
import path from 'node:path';
import { passedThrough, str, unknown, variableSite, type Value } from '../../core/value.js';
import type { PassedArguments } from './task-arguments.js';
import type { Location } from '../../core/source.js';
import type { CiCommand, CiExpandedWord, CiHeredoc, ExpandedPiece, CiScript, CiWord } from '../ci/types.js';
import { afterPrefix, afterWrappers, DECLARERS, isTerraformProgram, joinExpressions, POWERSHELL_ASSIGNMENT_OPERATOR, powershellProgramAt, redirection, SHELL_ASSIGNMENT, SHELL_LEADING_WORDS } from '../ci-words.js';
import { POWERSHELL_TYPE } from '../../parse/yaml/script.js';
import { bodyScript, MAX_FUNCTION_CALL_DEPTH, mayRunCommands, namesCallableUnseen, scriptCommand, spendFunctionWork, topFunctionScope, type FunctionAssigns, type FunctionCalls, type FunctionScope, type ShellFunction } from './function-calls.js';
import { nestedFolder, STARTING_FOLDER, UNKNOWN_FOLDER, within, type FolderState, type ScriptFolder } from './folders.js';
import { ANY_VARIABLE, besideScriptPath, CaseFoldedEnv, CHECKOUT_TOKEN, checkoutPath, expandWord, lookup, lookupPowerShell, spellingsOf, isPsEnvironmentKey, oneWord, psEnvironmentKey, psVariableKey, SCRIPT_DIR_TOKEN, scriptDirOutput, sliceValue, sliceVariable, type Env, type ExpandedWord, type ExpansionContext } from './words.js';

/** A PowerShell variable word with type constraints before it (`[string]$x`): the constraints, the variable. */
const PS_TYPED = new RegExp(String.raw`^((?:${POWERSHELL_TYPE})+)(\$.*)$`, 's');
/** A PowerShell value known to be one string (a quoted string, a `[string]` variable): unknown, it is still one argument. */
function asString(v: Value, isString: boolean): Value {
  return isString && v.kind === 'unknown' ? oneWord(v) : v;
}

/** A variable a branch assigns (`{$size = …`, `{[string]$Global:size = …`): its name with its scope. */
const PS_BRANCH_VARIABLE = new RegExp(String.raw`^(?:${POWERSHELL_TYPE})*\$((?:(?:global|script|env):)?[A-Za-z_]\w*)$`, 'i');

export interface AzInvocation {
  script: CiScript;
  command: CiCommand;
  /** The `az` word. */
  az: CiWord;
  /** The file the `az` word is written in, when not the script's (an array a sourced file built holds the command). */
  azFile?: string;
  /** The words after `az`, expanded (known values split into words as the shell would). */
  words: ExpandedWord[];
  /** Inside an `if`/`case`/loop/function body, or after `||`/`&&`: it may not run (it is still linted). */
  conditional: boolean;
  /** An unclosed quote runs into its words: they may hold any flags. */
  unclosedQuote?: boolean;
  /** The folder it runs in, when a `cd` moved the script from where it started (folders.ts). */
  folder?: FolderState;
}

/** A heredoc whose body a command writes to a file (`cat > compute.yml <<EOF`). */
export interface HeredocWrite {
  file: string;
  /** The target as written, expanded when known. */
  target: Value;
  targetWord: CiWord;
  heredoc: CiHeredoc;
  /** The script it is written in (its subject). */
  subject: string;
  /** The shell variables when the heredoc is written (an unquoted heredoc expands them). */
  env: Env;
}

export interface ScriptCall {
  /**
   * The path as written, expanded, read from the folder the script is in (folders.ts): relative
   * to where the script started (`cd infra; ./deploy.sh` → `infra/deploy.sh`), or absolute.
   */
  path: string;
  /** A `cd`/`pushd` to a folder not known ran before it: a relative path is not read. */
  cwdMoved?: true;
  /** The folder the script was in at the call, when a `cd` moved it (where the called script starts). */
  folder?: ScriptFolder;
  /** Made in a function body, which runs when it is called, with values not known (FunctionBody.readsAnyName): not followed. */
  inFunctionBody?: true;
  /** The path is from the repository's top, written from the CI checkout's folder (`$GITHUB_WORKSPACE/scripts/x.sh`). */
  fromCheckout?: true;
  /** `source x.sh` / `. x.sh`: run in the caller's shell (its `$0` is the caller's). */
  sourced?: true;
  /** For a sourced file: its run when the `source` was followed (the same values): the caller need not run it again. */
  run?: ScriptRun;
  /** The variables the called script inherits (the initial environment and `export`ed ones). */
  env: Env;
}

export interface ScriptRun {
  /** The script run. */
  file: string;
  invocations: AzInvocation[];
  heredocs: HeredocWrite[];
  /** Scripts this one runs (`./deploy.sh`, `bash scripts/x.sh`, `pwsh ./x.ps1`), with what they inherit: the exported variables. */
  calls: ScriptCall[];
  /** The variables at the end of the script (for ENVIRONMENT=/ENV= env classes). */
  env: Env;
  /** Every literal assignment made, by name (last one wins), for the environment class. */
  assigned: Map<string, Value>;
  /** The folder the script ends in, when a `cd` moved it (a sourced file moves its caller). */
  folder?: FolderState;
  /** What each function it defines assigns when called (a sourced file's functions are its caller's). */
  functionAssigns?: ReadonlyMap<string, FunctionAssigns>;
  /** It changes IFS or declares a nameref (`UnknownValue.texts` are not read after it is sourced). */
  unsplittable?: true;
  /** The functions (by body) whose calls this run ran, and those a call of which it did not run (too deep, past the work): its caller reads them as its own (function-calls.ts). */
  functionCalls?: FunctionCalls;
  /** A called body's `local` names. */
  locals?: ReadonlySet<string>;
  /** A called body may return before its end (a `return` under a condition): what it assigns is not handed back. */
  mayReturnEarly?: true;
}

/** At most this many names a function's call makes unknown (its own and its callees'). */
const MAX_FUNCTION_NAMES = 256;

const isName = (t: string): boolean => /^[A-Za-z_]\w*$/.test(t);

/**
 * A word that runs the function's arguments as a command: `"$@"`, `$@`, `"${@:2}"`, an unquoted
 * `$*` (a quoted `"$*"` is one word: no program has that name).
 */
const RUNS_ARGUMENTS = /^(?:"\$(?:@|\{@(?::[^}]*)?\})"|\$(?:@|\*|\{[@*](?::[^}]*)?\}))$/;
const FUNCTION_NAME = /^[A-Za-z_][\w-]*$/;

/** A shell function's body (command indices, `{` to `}`) and the names the script assigns at its top level after it. */
interface FunctionBody {
  start: number;
  end: number;
  /** The function's name (`deploy() {`, `function deploy {`). */
  name?: string;
  laterNames: Set<string>;
  /**
   * The body may read variables it does not name (it runs or sources a script, `eval`, `${!x}`):
   * which values they have when it is called is not known, so the scripts it runs or sources are
   * not followed from it (each is still linted on its own).
   */
  readsAnyName?: true;
}

/**
 * One pass over a shell script's commands, following `{`/`}` from each function definition to
 * the end of its body:
 * - `runners`: the functions that run their arguments as a command (`retry() { …; "$@"; }`,
 *   `function retry { … "$@" … }`): a call such as `retry 5 az acr create …` runs the az
 *   command in its arguments; a `"$@"` outside a function body (a dispatcher's last line) makes
 *   no function one;
 * - `bodies`: the bodies after which the script assigns at its top level a name the body may
 *   read: the function reads a variable when it is called, so a name set again later may hold
 *   another value then (`SIZE=a; f() { … $SIZE …; }; SIZE=b; f`).
 */
function shellFunctions(commands: readonly CiCommand[]): { runners: Set<string>; bodies: FunctionBody[]; all: FunctionBody[] } {
  const runners = new Set<string>();
  const bodies: FunctionBody[] = [];
  const inBody = new Set<number>();
  let current: string | undefined;
  let depth = 0;
  let start = -1;
  for (let ci = 0; ci < commands.length; ci++) {
    const cmd = commands[ci]!;
    const argv = cmd.argv;
    const first = argv[0]?.raw;
    if (first === undefined) continue;
    let k = 0;
    if (depth === 0) {
      // `name() {`: the lexer splits it at `(`/`)`, so the body's `{` opens the next command (also
      // with the `{` on the next line: a lone word before `(` is nothing but a function definition).
      if (argv.length === 1 && isName(first) && cmd.before === '(' && (commands[ci + 1]?.after === ')' || commands[ci + 1]?.argv[0]?.raw === '{')) {
        current = first;
        continue;
      }
      if (first === 'function' && argv[1] && FUNCTION_NAME.test(argv[1].raw)) {
        current = argv[1].raw;
        k = 2;
      } else if (first !== '{') current = undefined;
    }
    if (depth > 0) inBody.add(ci);
    // Braces and keywords before the program word.
    for (; k < argv.length; k++) {
      const w = argv[k]!.raw;
      if (w === '{') {
        if (depth === 0 && current !== undefined) start = ci;
        depth++;
      } else if (w === '}') {
        depth = Math.max(0, depth - 1);
        if (depth === 0) {
          if (start >= 0) bodies.push({ start, end: ci, laterNames: new Set(), ...(current !== undefined ? { name: current } : {}) });
          current = undefined;
          start = -1;
        }
      } else if (!SHELL_LEADING_WORDS.has(w)) break;
    }
    if (start >= 0) inBody.add(ci);
    // The program after any wrapper (`time "$@"`, `sudo "$@"`) runs the arguments too.
    if (current !== undefined && depth > 0 && k < argv.length && RUNS_ARGUMENTS.test(argv[afterWrappers(argv, k)]!.raw)) runners.add(current);
  }
  // What another function's body assigns (not `local`) may be set whenever that function runs: before a call of this one too.
  addLaterNames(bodies, commands, inBody, (argv, other) => {
    const names: string[] = [];
    if (other && argv.some((w) => w.raw === 'local')) return names;
    for (const w of argv) {
      const m = SHELL_ASSIGNMENT.exec(w.raw);
      if (m) names.push(m[1]!);
      else if (!DECLARERS.has(w.raw) && !w.raw.startsWith('-') && w.raw !== '{') break;
    }
    return names;
  });
  return { runners, bodies: bodies.filter((b) => b.laterNames.size > 0 || b.readsAnyName), all: bodies };
}

/**
 * Adds to each function body the names `namesIn` finds in the commands that may set a variable
 * before the function is called: those after the body at the script's level, and those in another
 * function's body (`other`: that function may run first). `inBody`: the commands of every body.
 */
function addLaterNames(bodies: FunctionBody[], commands: readonly CiCommand[], inBody: ReadonlySet<number>, namesIn: (argv: readonly CiWord[], other: boolean) => readonly string[]): void {
  if (bodies.length === 0) return;
  // One pass over the commands (each body scanning every command was quadratic: 10,000
  // one-line functions took a minute, review 69): for each name, the last command at the
  // script's level that sets it, and the bodies whose commands set it.
  const lastAtTop = new Map<string, number>();
  const setInBodies = new Map<string, Set<number>>();
  let body = 0;
  for (let ci = 0; ci < commands.length; ci++) {
    if (commands[ci]!.commented) continue;
    while (body < bodies.length && bodies[body]!.end < ci) body++;
    const within = body < bodies.length && bodies[body]!.start <= ci ? body : -1;
    if (!inBody.has(ci)) {
      for (const name of namesIn(commands[ci]!.argv, false)) lastAtTop.set(name, ci);
    } else {
      // (A `{ …; }` group at the script's level is in no body, -1: other than every body.)
      for (const name of namesIn(commands[ci]!.argv, true)) {
        const set = setInBodies.get(name);
        if (set) set.add(within);
        else setInBodies.set(name, new Set([within]));
      }
    }
  }
  const later = (name: string, i: number): boolean => (lastAtTop.get(name) ?? -1) > bodies[i]!.end || [...(setInBodies.get(name) ?? [])].some((w) => w !== i);
  // Only the names a body may read matter: those written in it (`$SIZE`, `${SIZE}`, `$env:Size`).
  // Each body is looked at once (every name for every body made 5,000 functions that each set
  // a variable take 47 s and 2.7 GB); one that may read a name not written in it (a script it
  // runs or sources, `${!ref}`, `eval`, a nameref, `Get-Variable`) is marked `readsAnyName`: the
  // scripts it runs or sources are not followed from it.
  const byWord = new Map<string, string[]>();
  for (const name of new Set([...lastAtTop.keys(), ...setInBodies.keys()])) {
    const word = name.slice(name.lastIndexOf(':') + 1).toLowerCase();
    const list = byWord.get(word);
    if (list) list.push(name);
    else byWord.set(word, [name]);
  }
  for (const [i, b] of bodies.entries()) {
    const text = commands
      .slice(b.start, b.end + 1)
      .map((c) => `${c.argv.map((w) => w.raw).join(' ')} ${c.heredoc?.text ?? ''}`)
      .join('\n');
    // (Giving such a body every name set later was quadratic again: 5,000 functions that each
    // run a script and set a variable took 49 s and 2.7 GB.)
    if (READS_ANY_NAME.test(text)) b.readsAnyName = true;
    for (const word of new Set(text.toLowerCase().match(/[a-z_]\w*/g) ?? [])) for (const name of byWord.get(word) ?? []) if (later(name, i)) b.laterNames.add(name);
  }
}

/**
 * A body that may read a variable whose name is not written in it: indirect expansion, eval,
 * namerefs, PowerShell's variable cmdlets, and a script it runs or sources (`./deploy.sh`,
 * `source vars.sh`, `. ./x.ps1`), which reads the exported variables (self-review 70).
 */
const READS_ANY_NAME = /\$\{!|\beval\b|\b(?:declare|local|typeset)\s+-\w*n|\b(?:get-variable|gv|invoke-expression|iex)\b|\$executioncontext|\bvariable:|\.(?:sh|bash|ps1)\b|\bsource\b|(?:^|[\s;&|({])\.\s/i;

/**
 * A script's functions (`shellFunctions`, `powershellFunctions`), read once per script: a script
 * run many times (sourced by every step, called by its callers' callers) is not read again, and
 * the names-after-each-body pass is quadratic in a long helper file. Read-only once made.
 */
const FUNCTIONS_OF = new WeakMap<readonly CiCommand[], ReturnType<typeof shellFunctions>>();

function functionsOf(commands: readonly CiCommand[], ps: boolean): ReturnType<typeof shellFunctions> {
  let f = FUNCTIONS_OF.get(commands);
  if (!f) {
    f = ps ? { runners: new Set<string>(), bodies: powershellFunctions(commands), all: [] } : shellFunctions(commands);
    FUNCTIONS_OF.set(commands, f);
  }
  return f;
}

/** A PowerShell assignment's target (`$x=…`, `[string]$Global:x`, `$env:X`): its name with the scope or drive (`psVariableKey`). */
const PS_ASSIGNED = new RegExp(String.raw`^(?:${POWERSHELL_TYPE})*\$((?:(?:env|global|script):)?[A-Za-z_]\w*)(=.*)?$`, 'is');

/**
 * The bodies of a PowerShell script's top-level functions (`function F { … }`, `filter`,
 * `workflow`; from the definition's command to the one that closes its block), each with the
 * names (lower case) the script assigns after it outside any function body: a function reads
 * the script's variables when it is called (about_Scopes), so a name set again later may hold
 * another value then.
 */
function powershellFunctions(commands: readonly CiCommand[]): FunctionBody[] {
  const bodies: FunctionBody[] = [];
  const inBody = new Set<number>();
  for (let ci = 0; ci < commands.length; ci++) {
    const argv = commands[ci]!.argv;
    let lead = 0;
    while (argv[lead]?.raw === '{') lead++;
    if (lead > 0 || !/^(?:function|filter|workflow)$/i.test(argv[0]?.raw ?? '') || !argv[1]) continue;
    // The body ends where the braces opened from the definition on are closed again.
    let depth = 0;
    let opened = false;
    let end = -1;
    for (let k = ci; k < commands.length && end < 0; k++) {
      for (const w of commands[k]!.argv) {
        for (const brace of bracesOutsideQuotes(w.raw)) {
          depth += brace === '{' ? 1 : -1;
          if (brace === '{') opened = true;
        }
      }
      if (opened && depth <= 0) end = k;
    }
    // A body never closed runs to the end of the script.
    if (end < 0) end = commands.length - 1;
    for (let k = ci; k <= end; k++) inBody.add(k);
    bodies.push({ start: ci, end, laterNames: new Set() });
    ci = end;
  }
  // In another function's body only a `$script:`/`$global:` (or `$env:`) assignment reaches the script's variable.
  addLaterNames(bodies, commands, inBody, (argv, other) => {
    const names: string[] = [];
    // At the start of a statement, or of a block on its line (`if ($a) { $x = 'b' }`).
    for (let k = 0; k < argv.length; k++) {
      if (k > 0 && argv[k - 1]!.raw !== '{') continue;
      const raw = unbraced(argv[k]!.raw);
      if (other && !/^(?:\[[^\]]*\])*\$(?:script|global|env):/i.test(raw)) continue;
      const m = PS_ASSIGNED.exec(raw);
      if (m && (m[2] !== undefined || POWERSHELL_ASSIGNMENT_OPERATOR.test(argv[k + 1]?.raw ?? ''))) names.push(psVariableKey(m[1]!).toLowerCase());
    }
    return names;
  });
  return bodies.filter((b) => b.laterNames.size > 0 || b.readsAnyName);
}

/**
 * A PowerShell script's initial variables: what the step gives it is its environment (`$env:X`,
 * `psVariableKey`); a caller's named arguments (`PS_ARGUMENT`) and the any-variable binding stay.
 */
function powershellEnvironment(initial: Env): Env {
  const out: Env = new CaseFoldedEnv();
  for (const [k, v] of initial) out.set(isName(k) ? psEnvironmentKey(k) : k, v);
  return out;
}

/** What a PowerShell script's environment (`$env:X`) passes a program it runs, by plain name; the any-variable binding too. */
function environmentOf(env: Env): Env {
  const out: Env = new Map();
  for (const [k, v] of env) {
    if (k === ANY_VARIABLE) out.set(k, v);
    else if (isPsEnvironmentKey(k)) out.set(k.slice(4), v);
  }
  return out;
}


/** `assigned` with `env:X` keys as `X` (a PowerShell variable of that name, if assigned too, wins). */
function withoutEnvironmentPrefix(assigned: Map<string, Value>): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [k, v] of assigned) if (!isPsEnvironmentKey(k)) out.set(k, v);
  for (const [k, v] of assigned) if (isPsEnvironmentKey(k) && !out.has(k.slice(4))) out.set(k.slice(4), v);
  return out;
}

/** A braced PowerShell variable written as an assignment's target (`${env:X} = …`, `${x}='v'`): as `$env:X`/`$x`. */
function unbraced(raw: string): string {
  const m = /^\$\{((?:(?:env|global|script|local|private):)?[A-Za-z_]\w*)\}(=.*)?$/is.exec(raw);
  return m ? `$${m[1]}${m[2] ?? ''}` : raw;
}

/** The positional parameters a called script's arguments set (`$1`…`$9`; `${10}` on is rare enough to stay unknown). */
const POSITIONALS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
/**
 * The count of the arguments a caller passes, when every one is known (at most nine): the key of
 * `$#` in a script's initial variables. With it, `"$@"` is those words (`./sp.sh --sdk-auth`
 * running `az ad sp create-for-rbac --name x "$@"`); without it, any number of words.
 */
const ARG_COUNT = '#';

/** The names a command makes a function's own: `local x=… y`, `declare`/`typeset` without `-g`. */
function localNames(cmd: CiCommand): string[] {
  const first = cmd.argv.find((w) => w.raw !== '{')?.raw;
  if (first !== 'local' && ((first !== 'declare' && first !== 'typeset') || cmd.argv.some((w) => /^-\w*g/.test(w.raw)))) return [];
  const out: string[] = [];
  for (const w of cmd.argv) {
    const m = SHELL_ASSIGNMENT.exec(w.raw);
    const name = m ? m[1]! : /^[A-Za-z_]\w*$/.test(w.raw) && w.raw !== first ? w.raw : undefined;
    if (name) out.push(name);
  }
  return out;
}

/**
 * Whether a script moves or replaces its positional parameters at its own level: `shift` or
 * `set -- …`/`set a b` (usually in an option-parsing loop: unknown wherever read). One in a
 * function's body (`bodies`) moves the function's own arguments.
 */
function movesPositionals(commands: readonly CiCommand[], bodies: readonly FunctionBody[]): boolean {
  let body = 0;
  for (let ci = 0; ci < commands.length; ci++) {
    while (body < bodies.length && bodies[body]!.end < ci) body++;
    if (body < bodies.length && bodies[body]!.start <= ci) continue;
    const cmd = commands[ci]!;
    if (cmd.commented) continue;
    const words = cmd.argv.map((w) => w.raw).filter((w) => !SHELL_LEADING_WORDS.has(w) && w !== '{' && w !== '}');
    const first = words[0];
    if (first === 'shift' || (first === 'set' && setsPositionals(words.slice(1)))) return true;
  }
  return false;
}

/**
 * The brace groups whose closing `}` is followed by a pipe or `&` (`{ …; } 2>&1 | tee log`):
 * each runs in a subshell, so what is set inside does not reach the script. [first, last] command.
 */
function pipedBraceGroups(commands: readonly CiCommand[]): [number, number][] {
  const out: [number, number][] = [];
  const open: number[] = [];
  for (let ci = 0; ci < commands.length; ci++) {
    const c = commands[ci]!;
    for (const w of c.argv) {
      if (w.raw === '{') open.push(ci);
      else if (w.raw === '}') {
        const from = open.pop();
        if (from !== undefined && PIPE_OR_BACKGROUND.has(c.before ?? '')) out.push([from, ci]);
      } else if (!SHELL_LEADING_WORDS.has(w.raw)) break;
    }
  }
  return out;
}

/**
 * Whether `set`'s arguments set the positional parameters: `--`, or a word after the options
 * that is not one (`set a b`); `-o name`/`+o name` take the next word (`set -euo pipefail`).
 */
function setsPositionals(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return true;
    // `set -` ends the options; the words after it, if any, are the new arguments.
    if (a === '-') return i + 1 < args.length;
    if (!/^[-+]/.test(a)) return true;
    if (/^[-+][a-zA-Z]*o$/.test(a)) i++;
  }
  return false;
}

/** A command CI001 or CI005 reads whose words expand something: `terraform … apply …`, `az ad sp create-for-rbac …`. */
function readsExpanded(words: readonly CiWord[]): boolean {
  return words.some((w) => w.raw.includes('$')) && words.some((w) => w.text === 'create-for-rbac' || isTerraformProgram(w.text));
}

/**
 * Whether an expanded word may be any number of words as an argument: it passes several
 * (`"$@"`), or holds a part that is not known and not quoted (a caller's argument list or a
 * flag a variable holds may hide there).
 */
function mayBeSeveralWords(e: ExpandedWord): boolean {
  return e.opaque || e.segments.some((sg) => sg.unquoted && sg.value !== undefined && sg.value.kind !== 'string');
}

/** Builtins that assign variables or run text that may (`source`, `read`, `printf -v`, …): an eval'd text starting with one may assign. */
const ASSIGNING_BUILTINS = new Set(['source', '.', 'eval', 'read', 'mapfile', 'readarray', 'printf', 'getopts', 'let', 'export', 'declare', 'typeset', 'local', 'readonly', 'set', 'unset', 'shift', 'cd', 'pushd', 'popd', 'alias', 'exec', 'trap', 'builtin', 'command', 'select', 'compgen', 'complete']);

/**
 * Whether an eval'd text is one plain command that assigns nothing: words of ordinary characters
 * (no `=`, operator or expansion), first an external program: not a builtin that assigns, not a
 * function of the script (`functionNames`), and not any word when the script defines aliases
 * (reviews 110–111: `eval "$target"` naming a function that sets SIZE).
 */
function assignsNothing(text: string, functionNames: ReadonlySet<string>, aliases: boolean): boolean {
  if (aliases || !/^[A-Za-z0-9_./:@%+, -]*$/.test(text)) return false;
  const first = text.trim().split(/\s+/)[0] ?? '';
  return first !== '' && !ASSIGNING_BUILTINS.has(first) && !functionNames.has(first);
}

/** The names of a script's shell functions (`name() {`, `function name {`), and whether it defines aliases. */
function scriptFunctionNames(commands: readonly CiCommand[]): { names: Set<string>; aliases: boolean } {
  const names = new Set<string>();
  let aliases = false;
  for (const c of commands) {
    const first = c.argv[0]?.raw;
    if (first === 'alias') aliases = true;
    else if (first === 'function' && c.argv[1]) names.add(c.argv[1].raw.replace(/\(\)$/, ''));
    else if (first !== undefined && c.before === '(' && c.argv.length === 1) names.add(first);
    else if (first?.endsWith('()')) names.add(first.slice(0, -2));
  }
  return { names, aliases };
}

/** Callers' ways of running one command kept for CI001/CI005 (a script many steps call is read as that many). */
const MAX_CALLER_EXPANSIONS = 32;

/** The most words an unquoted value is split into (FORMATS.md §1(e) trap 3); a longer one is not known. */
const MAX_SPLIT_WORDS = 1_000;

/** A known word as `CiCommand.expanded` records it: its text, and where it is written. */
function expandedText(p: ExpandedWord): ExpandedPiece {
  const v = sliceValue(p);
  return { text: p.text!, ...(v.origin ? { origin: v.origin } : {}), ...(v.decidedBy ? { decidedBy: v.decidedBy, decision: v.decision ?? [] } : {}) };
}

/** `"$@"`, `$@`, `"${@}"`, `${@}` as a whole word; also `"${@:2}"`, the arguments from the second on (group 1: where they start). */
const ALL_ARGUMENTS = /^(?:"\$(?:@|\{@(?::([1-9]))?\})"|\$(?:@|\{@(?::([1-9]))?\}))$/;

/** Set in a PowerShell script's initial variables when a caller runs it (no variable name has it). */
const PS_CALLED = '@called';
/** …and when every argument the caller passes is a known named one: the others take their defaults. */
const PS_ARGUMENTS_NAMED = '@arguments-named';

/** The key a caller's named argument to a PowerShell script has in the called script's initial variables (no variable name has it). */
const PS_ARGUMENT = '@argument:';

/**
 * The initial variables that give a script the arguments a CI task passes it (task-arguments.ts):
 * a shell script's `$1`…`$9` (unknown from the first word not known on), a PowerShell script's
 * named arguments (`-Name value`, `-Name:value`) for its `param()`.
 */
export function argumentVariables(language: CiScript['language'], passed: PassedArguments): Map<string, Value> {
  const out = new Map<string, Value>();
  const known = passed.unknownFrom ? passed.words.slice(0, passed.unknownFrom.index) : passed.words;
  if (language !== 'powershell') {
    known.slice(0, POSITIONALS.length).forEach((v, k) => out.set(POSITIONALS[k]!, v));
    if (passed.unknownFrom) for (let k = known.length; k < POSITIONALS.length; k++) out.set(POSITIONALS[k]!, unknown(`$${k + 1}: ${passed.unknownFrom.reason}`));
    else if (known.length <= POSITIONALS.length) out.set(ARG_COUNT, str(String(known.length)));
    return out;
  }
  // Called: a parameter's default applies only when every argument is known to be named (a
  // positional one may bind any parameter): `PS_ARGUMENTS_NAMED`.
  out.set(PS_CALLED, str('1'));
  let allNamed = passed.unknownFrom === undefined;
  // Named arguments after an unknown word are not read: their parameters keep the value a caller may pass (unknown).
  for (let k = 0; k < known.length; k++) {
    const w = known[k]!;
    if (w.kind !== 'string') {
      allNamed = false;
      continue;
    }
    const m = /^-([A-Za-z_]\w*)(?::(.*))?$/s.exec(w.value);
    // A quoted `'-Size'` is a string, not a parameter name (`-Size:'x'` quotes its value only).
    const quote = passed.quoteStart?.[k];
    if (!m || (quote !== undefined && quote <= m[1]!.length + 1)) {
      allNamed = false;
      continue;
    }
    if (m[2] !== undefined && m[2] !== '') {
      out.set(`${PS_ARGUMENT}${m[1]!.toLowerCase()}`, passed.tail?.(k, m[1]!.length + 2) ?? str(m[2], w.origin));
      continue;
    }
    const next = k + 1 < known.length ? known[k + 1]! : undefined;
    if (next === undefined) {
      if (passed.unknownFrom) out.set(`${PS_ARGUMENT}${m[1]!.toLowerCase()}`, unknown(`-${m[1]}: ${passed.unknownFrom.reason}`));
      continue;
    }
    if (next.kind === 'string' && next.value.startsWith('-')) continue;
    out.set(`${PS_ARGUMENT}${m[1]!.toLowerCase()}`, next);
    k++;
  }
  if (allNamed) out.set(PS_ARGUMENTS_NAMED, str('1'));
  return out;
}

/** Programs that change the working directory. */
const CHANGES_DIRECTORY = new Set(['cd', 'pushd', 'popd']);
/** PowerShell's moves (cmdlets and their aliases). */
const PS_MOVES = /^(?:cd|set-location|sl|chdir|push-location|pushd|pop-location|popd)$/i;
/** The operators after a command that run it in a subshell of its own (a pipeline's part, a background job). */
const PIPE_OR_BACKGROUND = new Set(['|', '|&', '&']);
/** Folder paths followed up to this length, and `pushd` stacks up to this depth (hostile input stays linear). */
const MAX_FOLDER_PATH = 4096;
const MAX_FOLDER_STACK = 64;

/** Programs that run the script file named after them (`bash x.sh`, `source ./env.sh`). */
const SHELLS = new Set(['bash', 'sh', 'zsh', 'pwsh', 'powershell', 'source', '.']);

/** Operators before or after a command that make it run apart from the script (a subshell or a condition): its `exit` ends no branch. */
const RUNS_APART_AFTER: ReadonlySet<string> = new Set(['&&', '||', '|', '|&']);
const RUNS_APART_BEFORE: ReadonlySet<string> = new Set(['|', '|&', '&']);

interface Frame {
  kind: 'if' | 'case' | 'loop' | 'brace';
  /** The variables when the block was entered (if/case; a loop's paths are not merged, so a loop keeps no copy). */
  before: Env;
  /** Finished branches (if) / values assigned per variable (case). */
  branches: Env[];
  /** A case: the values each arm (by index) gives a variable. */
  caseValues: Map<string, { arm: number; value: Value }[]>;
  hasElse: boolean;
  /** A loop: each variable it assigns, with its value before the loop (the loop may run no time). */
  prior?: Map<string, Value | undefined>;
  /** An if: the finished branches that end the script (`else echo usage; exit 1`), and whether the current one does. */
  exits?: Set<Env>;
  exiting?: boolean;
  /** A case: the arms that end the script (`*) echo usage; exit 2 ;;`): no path past the block. */
  exitingArms?: Set<number>;
  /** An if or a case: the subshell depth and the function body it was opened at (an `exit` of its branches is at both). */
  depth?: number;
  body?: object;
  /** Opened right after a `|` (`cmd | while …; done`, `cmd | { …; }`): a subshell, whose assignments end with it. */
  piped?: boolean;
  /** The bash arrays this branch block changed, each with its value before (shell-arrays.ts), and each finished if-branch's values of them. */
  arrays?: ArraysBefore;
  arrayBranches?: Map<string, ShellArray | undefined>[];
  /** Whether each finished if-branch's or case arm's array snapshot ends the script (`exit`: no later command sees it). */
  arrayBranchExits?: boolean[];
  /** A case: the arm being read (0 the first), and the arms that assign each variable. */
  arm?: number;
  armsOf?: Map<string, Set<number>>;
  /** A piped brace group: the brace groups opened inside it, which their own `}` closes first. */
  innerBraces?: number;
  /** An if whose condition has been read (`then`): the variables before the `if` (`before` is those after its condition). */
  entered?: Env;
}

function copy(env: Env): Env {
  return env instanceof CaseFoldedEnv ? new CaseFoldedEnv(env) : new Map(env);
}

function same(a: Value | undefined, b: Value | undefined): boolean {
  if (!a || !b || a.kind !== 'string' || b.kind !== 'string') return false;
  return a.value === b.value;
}

/** Drops the texts of the variables in `words` (`UnknownValue.texts`): they are not split as the default IFS splits them. */
function withoutTexts(words: readonly ExpandedWord[]): void {
  for (const w of words) {
    for (const sg of w.segments) {
      if (sg.value?.kind !== 'unknown' || !sg.value.texts) continue;
      const { texts: _texts, ...rest } = sg.value;
      sg.value = rest;
    }
  }
}

/** A command that assigns IFS (`IFS=,`, `export IFS=…`, `read` with a prefix) or declares a nameref (`declare -n`, `local -n`, `typeset -n`). */
function changesIfsOrNamerefs(cmd: CiCommand): boolean {
  // (In the command's text, inside quotes too: `eval "IFS=,"`, `eval "declare -n r=X"`, `export IFS=…`.)
  const text = cmd.argv.map((w) => w.raw).join(' ');
  return /(?:^|[^\w])IFS\+?=/.test(text) || /\b(?:declare|local|typeset)\s+(?:-\w+\s+)*-[A-Za-z]*n/.test(text);
}

/** At most this many texts are kept for a variable the branches of an if/case set apart (`UnknownValue.texts`). */
const MAX_BRANCH_TEXTS = 16;

/**
 * The variable `name` the paths of an if/case (`where`) left with different values: unknown
 * (FORMATS.md §1: if all agree, known, else unknown). A path that made it unknown says why
 * (`source .cfg` in it: "may be set by the sourced .cfg", review 109), not that the branches
 * assign it; with `withTexts`, the texts it may hold when each path left a known one.
 */
function differentInBranches(values: readonly (Value | undefined)[], name: string, where: string, withTexts: boolean): Value {
  const why = values.find((x) => x?.kind === 'unknown');
  if (why?.kind === 'unknown') return unknown(`${why.reason} (in a branch of ${where})`);
  const v = unknown(`$${name} is assigned different values in the branches of ${where}`);
  if (!withTexts || !values.every((x) => x?.kind === 'string')) return v;
  const texts = [...new Set(values.map((x) => (x as { value: string }).value))];
  if (texts.length <= MAX_BRANCH_TEXTS) v.texts = texts;
  return v;
}

/**
 * The variables after a block whose paths ended with `paths` (RULES.md: branches that all agree
 * are known). `withTexts`: a variable they left with different known texts keeps them (`texts`).
 */
function merge(before: Env, paths: Env[], withTexts: boolean): Env {
  const out = copy(before);
  const names = new Set<string>();
  for (const p of paths) for (const k of p.keys()) names.add(k);
  for (const name of names) {
    // One pass over the paths per name (no list of values per name): the value is kept when
    // every path holds that very value, or the same string.
    const first = paths[0]!.get(name);
    let identical = true;
    let equal = true;
    for (const p of paths) {
      const v = p.get(name);
      if (v === first) continue;
      identical = false;
      if (!same(v, first)) {
        equal = false;
        break;
      }
    }
    if (identical) {
      if (first) out.set(name, first);
      else out.delete(name);
    } else if (equal) out.set(name, first!);
    else out.set(name, differentInBranches(paths.map((p) => p.get(name)), name, 'an if/case', withTexts));
  }
  return out;
}

/**
 * Runs a script's commands over `initial`. `recordExpansions`: the words of its `terraform`
 * and `az ad sp create-for-rbac` commands that expand a variable are set on the commands
 * (`CiCommand.expanded`, read by CI001/CI005) for the script's default run (`true`), or added
 * as another way they run (`CiCommand.expandedByCallers`) for a run with what a caller passes
 * (`'caller'`: a CI step's env, its arguments).
 */
export function interpretScript(file: string, script: CiScript, initial: Env, base: Omit<ExpansionContext, 'language' | 'file'>, recordExpansions: boolean | 'caller' = false, scope: FunctionScope = topFunctionScope()): ScriptRun {
  const ps = script.language === 'powershell';
  // Built field by field: a spread of the caller's context (closures, two shapes) took the slow object-clone path.
  const ctx: ExpansionContext = { expression: base.expression, file, language: script.language };
  if (base.macro) ctx.macro = base.macro;
  if (base.source) ctx.source = base.source;
  if (base.program) ctx.program = base.program;
  if (base.runnerOs) ctx.runnerOs = base.runnerOs;
  // A PowerShell script finds the step's variables in its environment only (`$env:X`, not `$X`).
  let env: Env = ps ? powershellEnvironment(initial) : copy(initial);
  // The texts a variable the branches set apart may hold are read as the shell splits them (default
  // IFS), and only where nothing else may set it: not in a script that changes IFS or declares a
  // nameref (`declare -n r=X; r=…` sets X; review 113).
  let branchTexts = !ps && base.noBranchTexts !== true && !initial.has('IFS') && !script.commands.some(changesIfsOrNamerefs);
  /** Whether texts are read here: not in a function body, which runs when called, after whatever the script does before. */
  const textsReadHere = (): boolean => branchTexts && !shellBody;
  // The caller's arguments are `$1`…: only where they stay what the caller passed. Moved or
  // replaced, they are unknown (not unset: a `${1:-dev}` default would be a wrong known value).
  // (A function's body has its own: set where the loop below enters one.)
  if (!ps && movesPositionals(script.commands, functionsOf(script.commands, ps).all)) {
    for (const k of POSITIONALS) env.set(k, unknown(`$${k}: the script shifts or resets its arguments`));
    env.delete(ARG_COUNT);
  }
  const assigned = new Map<string, Value>();
  let invocations: AzInvocation[] = [];
  /**
   * Function calls (function-calls.ts): the functions this run defines (those of the run that
   * called into it are in `scope`); those it called, whose bodies ran at each call; those a call
   * of which was not followed (too deep, past the work); and the commands read in a function's
   * body at its definition, by function: a called function's are dropped at the end (its body
   * ran at its calls, with their arguments), an uncalled one's stay (linted as written).
   */
  const defined = new Map<string, ShellFunction>();
  /** In a called body's run: the names it declares `local` (not its caller's after the call). */
  const ownLocals = new Set<string>();
  /** A called body's run met a `return`/`exit` under a condition (one it takes for sure ends the run). */
  let mayReturnEarly = false;
  const functionCalls: FunctionCalls = { ran: new Set(), notRun: new Set() };
  /**
   * Calls made while a function's body is read at its definition, by that body: they count as run
   * only when that body's commands stay (it is never called); a called body's calls are those of
   * its runs (review 136: a helper called only in main's body read at its definition lost its
   * commands when main's call did not reach it).
   */
  const callsReadInBody = new Map<CiScript, Set<CiScript>>();
  /** The body (bodyScript) each az command read in a function's body at its definition belongs to. */
  const readInBody = new Map<AzInvocation, CiScript>();
  /** The same for the words of `terraform`/`az ad sp` commands recorded for CI001/CI005 there (`CiCommand.expanded`). */
  const expandedInBody = new Map<CiCommand, CiScript>();
  /** The functions whose name the script writes where the linter may not see a call (`retry f`, `trap f`, `step=f; $step`, a file sourced after it): found when first asked. */
  let callableUnseen: ReadonlySet<string> | undefined;
  const mayBeCalledUnseen = (name: string): boolean => (callableUnseen ??= namesCallableUnseen(commands, functions.all)).has(name);
  const heredocs: HeredocWrite[] = [];
  const calls: ScriptCall[] = [];
  const exported = new Set<string>(initial.keys());
  const frames: Frame[] = [];
  /** PowerShell's open `{ }` blocks, innermost last: the variables assigned in each (unknown once it is left). */
  const psBlocks: { assigned: string[]; shadowed?: Map<string, Value | undefined> }[] = [];
  /**
   * A function's parameters hide the script's variables of those names in its body only: the
   * values they hide, restored when the body's block closes (`function F { param($Size) … }`),
   * or, for a header list (`function F ($Size) {`), held until the body's block opens.
   */
  let headerShadowed: Map<string, Value | undefined> | undefined;
  /**
   * Inside a parameter list (`param(`, `function F (`), which may span lines (the lexer ends a
   * command at each line): its variables are parameters, their defaults the callers' to
   * override. It ends after a parameter not followed by a comma (`psParamMayGoOn`: unless the
   * next line starts with one, the leading-comma style), or at a command that is no parameter.
   */
  let psParamList = false;
  let psParamMayGoOn = false;
  /** The parameter list open is the script's own (`param(` at its top), whose parameters a caller's named arguments bind. */
  let psScriptParams = false;
  /** The list open is a function's header (`function F (…)`), before its body's block. */
  let psFunctionHeader = false;
  /** Type constraints written on lines of their own before the parameter they constrain (`[string]` then `$Name`). */
  let psPendingTypes = '';
  /** PowerShell names assigned without / with a `$Global:`/`$Script:` modifier (lower case; PowerShell names ignore case). */
  const psPlainNames = new Set<string>();
  const psScopedNames = new Set<string>();
  let statement = -1;
  let afterOperator = false;
  /** The subshell depth of the `&&`/`||` that set afterOperator. */
  let afterOperatorDepth = 0;
  /** `set -a` / `set -o allexport`: every later assignment is exported. */
  let allExport = false;
  /** The folder the script is in (folders.ts): moved by `cd`, `pushd`/`popd`, `Set-Location`, … */
  let folder: FolderState = scope.folder ?? STARTING_FOLDER;
  /** `pushd`/`Push-Location`: the folders to go back to. */
  let folderStack: FolderState[] = [];
  /** Per subshell depth (as subshellPrior): the folder before a `cd` inside it, restored when it ends. */
  const subshellFolder: ({ folder: FolderState; stack: FolderState[] } | undefined)[] = [];

  /**
   * Bash arrays assigned so far (`cmd=(az …)`), and what each open block changed (shell-arrays.ts):
   * the function body being read, each subshell level (index 0: depth 1).
   */
  const shellArrays = new ShellArrays(scope.arrays);
  let bodyArrays: ArraysBefore | undefined;
  const arraySubshell: (ArraysBefore | undefined)[] = [];
  /** The script's function names and whether it has aliases (for `eval`), found when first asked. */
  let scriptFunctions: { names: Set<string>; aliases: boolean } | undefined;
  /** A block entered now. Only if/case blocks read `before` (to merge their paths), so only they copy the variables. */
  const openFrame = (kind: Frame['kind']): Frame => ({ kind, before: kind === 'loop' ? env : copy(env), branches: [], caseValues: new Map(), hasElse: false, ...(kind === 'loop' ? { prior: new Map() } : {}) });
  /**
   * What a subshell level hides (`( SIZE=x; … )`, the commands of a `$(…)`): the values before it
   * of each variable assigned there, by depth (index 0: depth 1), restored when it ends.
   */
  const subshellPrior: Map<string, Value | undefined>[] = [];
  /** The same per depth for `assigned`: a subshell's assignment is no assignment of the script (`( ENVIRONMENT=prod )` classes nothing). */
  const subshellAssigned: Map<string, Value | undefined>[] = [];
  let currentDepth = 0;
  /** Compound commands open right after a `|` (each part of a pipeline runs in a subshell): levels above the lexer's depth. */
  let pipedDepth = 0;
  /** A compound command opened by `cmd` after a `|`: one subshell level more until its frame closes. */
  const pipedFrame = (frame: Frame, cmd: CiCommand): Frame => {
    if (cmd.after !== '|' && cmd.after !== '|&') return frame;
    frame.piped = true;
    pipedDepth++;
    currentDepth = (cmd.depth ?? 0) + pipedDepth;
    return frame;
  };
  /**
   * The shell function body being read: its definition does not run it, so what it assigns does
   * not hold after it (FORMATS.md §1(a): `local` is the function's). Its names and the values
   * before it, and the names it makes `local`.
   */
  let shellBody:
    | { start: number; end: number; name?: string; before: Map<string, Value | undefined>; assigned: Set<string>; locals: Set<string>; changed: Set<string>; positionals: Map<string, Value | undefined> }
    | undefined;
  /**
   * What each function the script defines assigns beyond its `local` names: a call of it by name
   * makes those variables unknown from there on (review 113: `X=a; setit; az … $X` with
   * `setit() { X=b; }` read X as a). Also those of functions a sourced file defines.
   */
  const functionAssigns = new Map<string, FunctionAssigns>();
  /**
   * The names a function body assigns, unknown after its definition (closeShellBody), with the
   * value before it: while a name still holds that placeholder, no call of the function has run,
   * so a call's body starts from the value before (`: "${NAME:=gpu}"` in the body gives gpu).
   */
  const setByFunctions = new Map<string, { placeholder: Value; before: Value | undefined }>();
  /** Before `name` first changes in the function body being read: its value then (what a `local` name gets back). */
  const keepBodyPrior = (name: string): void => {
    if (shellBody && !shellBody.before.has(name)) shellBody.before.set(name, env.get(name));
  };
  /** Before `name` changes inside a subshell: its value and assignment as they were, restored when each open level ends. */
  const keepForSubshellEnd = (name: string): void => {
    keepBodyPrior(name);
    for (let d = 0; d < currentDepth; d++) {
      if (!(subshellPrior[d] ??= new Map()).has(name)) subshellPrior[d]!.set(name, env.get(name));
      if (!(subshellAssigned[d] ??= new Map()).has(name)) subshellAssigned[d]!.set(name, assigned.get(name));
    }
  };
  const set = (name: string, v: Value): void => {
    shellBody?.assigned.add(name);
    // PowerShell names ignore case: one variable, whatever spelling set it before (`$Size`, `$SIZE`).
    if (ps) for (const k of spellingsOf(env, name)) if (k !== name) env.delete(k);
    for (const f of frames) if (f.kind === 'loop' && !f.prior!.has(name)) f.prior!.set(name, env.get(name));
    keepForSubshellEnd(name);
    env.set(name, v);
    assigned.set(name, v);
    recordCaseValue(name, v);
  };
  /** In a case arm: the value a variable is given there, and that this arm gives it one. */
  function recordCaseValue(name: string, v: Value): void {
    const top = frames[frames.length - 1];
    if (top?.kind !== 'case') return;
    const list = top.caseValues.get(name) ?? [];
    list.push({ arm: top.arm ?? 0, value: v });
    top.caseValues.set(name, list);
    const arms = (top.armsOf ??= new Map()).get(name) ?? new Set<number>();
    arms.add(top.arm ?? 0);
    top.armsOf.set(name, arms);
  }
  const assignWord = (w: CiWord, m: RegExpExecArray): void => {
    const name = m[1]!;
    if (m[2]) {
      set(name, unknown(`$${name} is appended to`));
      return;
    }
    const e = expandWord(w, env, ctx, set);
    set(name, copiedVariableInChain(sliceValue(e, m[0].length), e, m[0].length, w));
  };
  /**
   * `SIZE=$GPU_SKU`, `$size = $gpuSku`: the variable a value is copied from joins its chain, as
   * the flag's own variable does (GPU001 reads `gpu` in the names a size flowed through: review 51).
   */
  const copiedVariableInChain = (v: Value, e: ExpandedWord, from: number, w: CiWord): Value => {
    const source = v.kind === 'unknown' ? undefined : sliceVariable(e, from);
    return source ? passedThrough(v, variableSite({ file, range: w.range }, source.name, source.written)) : v;
  };

  const commands = script.commands;
  const functions = functionsOf(commands, ps);
  const shellBodyStarts = new Map(functions.all.map((b) => [b.start, b]));
  const argumentRunners = functions.runners;
  /** A function that runs its arguments (`retry`, `measure`): this script's, or, in a called body, its caller's. */
  const isRunner = (name: string): boolean => argumentRunners.has(name) || scope.isRunner(name);
  // A function body reads the variables the script sets again after it as unknown (call time), restored after the body.
  // (By first command: a script of thousands of functions looked at every body for every command.)
  const bodyAt = new Map(functions.bodies.map((b) => [b.start, b]));
  const bodyRestore = new Map<number, Map<string, Value | undefined>>();
  /** The last command of the function body being read that may read any variable (FunctionBody.readsAnyName); -1 outside one. */
  let readsAnyUntil = -1;
  /** The brace groups piped or sent to the background (`pipedBraceGroups`), found when first asked. */
  let pipedGroups: [number, number][] | undefined;
  /** Whether the command being read is in such a body: the scripts it runs or sources get values not known. */
  const inReadsAnyBody = (): boolean => readsAnyUntil >= currentCommand;
  let currentCommand = 0;
  for (let ci = 0; ci < commands.length; ci++) {
    const cmd = commands[ci]!;
    if (cmd.commented) continue;
    currentCommand = ci;
    if (cmd.statement !== statement) {
      statement = cmd.statement;
      afterOperator = false;
    }
    // Past a function body: the script's values again.
    for (const [end, saved] of bodyRestore) {
      if (end >= ci) continue;
      restoreVariables(saved);
      bodyRestore.delete(end);
    }
    // Past a shell function's body (closeShellBody).
    if (shellBody && shellBody.end < ci) closeShellBody(shellBody);
    const bodyStart = shellBodyStarts.get(ci);
    // (`before` is filled as the body changes a name, keepBodyPrior: a copy of every variable per
    // body made a script of thousands of functions quadratic.)
    if (bodyStart !== undefined && !shellBody) {
      shellBody = { start: bodyStart.start, end: bodyStart.end, ...(bodyStart.name !== undefined ? { name: bodyStart.name } : {}), before: new Map(), assigned: new Set(), locals: new Set(), changed: new Set(), positionals: new Map() };
      bodyArrays = new Map();
      // Its `$1`…, `$#` and `"$@"` are its callers' words (runCalledFunction), not the script's.
      for (const k of [...POSITIONALS, ARG_COUNT]) {
        shellBody.positionals.set(k, env.get(k));
        if (k === ARG_COUNT) env.delete(k);
        else env.set(k, unknown(`$${k} is an argument of the function${bodyStart.name !== undefined ? ` ${bodyStart.name}` : ''}, known where it is called`));
      }
    }
    // `local x=…`, `declare x` in the body being read: the function's own; in a called body's run,
    // its own too (runCalledFunction does not hand them back).
    const locals = shellBody ? shellBody.locals : scope.depth > 0 ? ownLocals : undefined;
    if (locals) for (const name of localNames(cmd)) locals.add(name);
    // Entering a function body: what the script sets again after it is not known where the body reads it.
    const b = bodyAt.get(ci);
    if (b) {
      const saved = new Map<string, Value | undefined>();
      for (const name of b.laterNames) {
        // PowerShell names ignore case: every spelling the script has used is hidden.
        const spellings = ps ? spellingsOf(env, name) : [];
        for (const key of spellings.length > 0 ? spellings : [name]) {
          keepBodyPrior(key);
          saved.set(key, env.get(key));
          env.set(key, unknown(`$${key} may be set again before this function is called (later in the script, or by another function), and the function reads it when it is called`));
        }
      }
      bodyRestore.set(b.end, saved);
      if (b.readsAnyName) readsAnyUntil = Math.max(readsAnyUntil, b.end);
    }
    // Leaving a subshell (`( … )`, `$(…)`): what it assigned is the parent's no more.
    if (!ps) leaveSubshellsTo((cmd.depth ?? 0) + pipedDepth);
    const joined = joinExpressions(cmd.argv);
    if (joined.length === 0) continue;
    // An `&&`/`||` inside a substitution (`"$(cd … && pwd)"`, whose commands come first) is not the outer command's.
    if (afterOperator && (cmd.depth ?? 0) < afterOperatorDepth) afterOperator = false;
    if (cmd.after === '||' || cmd.after === '&&') {
      afterOperator = true;
      afterOperatorDepth = cmd.depth ?? 0;
    }
    // A command substitution's inner command runs, but its assignments do not reach the script.
    const inSubstitution = cmd.after === '$(' || cmd.after === '`';

    if (ps) {
      recordExpanded(cmd, joined);
      psCommand(cmd, joined, ci);
      continue;
    }

    let k = 0;
    // Compound-command keywords. (Before the command's array assignments: `else ARGS=(…)` assigns
    // in the else branch, `… && ARGS=(…)` after the operator; review 115: both were read before.)
    for (; k < joined.length; k++) {
      const t = joined[k]!.raw;
      // `cmd | { …; }`: a brace group in a pipeline runs in a subshell (one not piped is no frame).
      if (t === '{' && !ps) {
        const top = frames[frames.length - 1];
        if (k === 0 && (cmd.after === '|' || cmd.after === '|&')) frames.push(pipedFrame(openFrame('brace'), cmd));
        else if (top?.kind === 'brace') top.innerBraces = (top.innerBraces ?? 0) + 1;
        continue;
      }
      if (t === 'if' || t === 'while' || t === 'until') {
        const frame = k === 0 ? pipedFrame(openFrame(t === 'if' ? 'if' : 'loop'), cmd) : openFrame(t === 'if' ? 'if' : 'loop');
        if (t === 'if') Object.assign(frame, { depth: cmd.depth ?? 0, body: shellBody });
        frames.push(frame);
        continue;
      }
      // `if f; then`: the condition runs whichever branch follows; what it changed (a function
      // called, a file sourced) holds on every path, the one past an `if … then exit; fi` too.
      if (t === 'then') {
        const top = frames[frames.length - 1];
        // (An `elif`'s condition too: it ran on every path past it, the fall-through included.)
        if (top?.kind === 'if') {
          top.entered ??= top.before;
          top.before = copy(env);
        }
        continue;
      }
      if (t === 'elif' || t === 'else') {
        const top = frames[frames.length - 1];
        if (top?.kind === 'if') {
          endArrayBranch(top);
          top.branches.push(env);
          if (top.exiting) (top.exits ??= new Set()).add(env);
          top.exiting = false;
          env = copy(top.before);
          if (t === 'else') top.hasElse = true;
        }
        continue;
      }
      if (SHELL_LEADING_WORDS.has(t)) continue;
      break;
    }
    const words = k === 0 ? takeArrays(joined) : [...joined.slice(0, k), ...takeArrays(joined.slice(k))];
    recordExpanded(cmd, words);
    const rest = words.slice(k);
    const head = rest[0]?.raw;
    if (head === undefined) continue;
    if (head === 'fi' || head === 'done' || head === 'esac' || head === '}') {
      closeFrame(head, cmd);
      continue;
    }
    if (head === 'for' || head === 'select') {
      const v = rest[1]?.text;
      frames.push(k === 0 ? pipedFrame(openFrame('loop'), cmd) : openFrame('loop'));
      // Over literal words (`for c in aks-a aks-b`), each value is one of them: one word, which
      // cannot carry a flag (self-review 72: `--cluster-name $c` "may expand to several words").
      const items = rest[2]?.raw === 'in' ? rest.slice(3) : [];
      const literalWords = items.length > 0 && items.every((w) => /^[A-Za-z0-9_.,:/=@%+-]+$/.test(w.raw));
      const loopValue = unknown(`$${v} is a loop variable`);
      if (v && /^[A-Za-z_]\w*$/.test(v)) set(v, literalWords ? oneWord(loopValue) : loopValue);
      continue;
    }
    if (head === 'case') {
      const frame = k === 0 ? pipedFrame(openFrame('case'), cmd) : openFrame('case');
      Object.assign(frame, { depth: cmd.depth ?? 0, body: shellBody });
      frames.push(frame);
      // `case "$E" in prod) …` on one line: the first arm's pattern ends this command, so its arm
      // starts here (review 115: its array change was not a branch, and a later arm decided it).
      if (cmd.before === ')' && rest.length >= 4 && rest[2]?.raw === 'in') {
        frame.arm = 0;
        if (rest.length === 4 && rest[3]!.raw === '*') frame.hasElse = true;
      }
      continue;
    }
    const top = frames[frames.length - 1];
    // A case arm's pattern (`dev)`, `prod|staging)`): the arm before it is done, and this one
    // starts from the arrays and variables as they were before the case (as an else does;
    // review 111): only one arm runs.
    // (`before` is the operator after the command, `after` the one before it: CiCommand.)
    if (top?.kind === 'case' && cmd.before === ')' && cmd.after !== '(') {
      if (top.arm !== undefined) {
        endArrayBranch(top);
        startArm(top, fallsThrough(ci));
      }
      top.arm = (top.arm ?? -1) + 1;
    }
    if (top?.kind === 'case' && rest.length === 1 && (head === '*' || head === '*)')) top.hasElse = true;
    // `exit` run by an if's branch itself (not after `&&`/`||`, not in a subshell): the script ends
    // there, so what that branch assigned reaches no later command (`else echo usage; exit 1; fi`).
    // (Nor inside a function's body, which runs when called; nor in a pipeline or in the background,
    // each a subshell of its own.)
    // The same for a case arm (`*) echo usage; exit 2 ;;`).
    if (head === 'exit' && (top?.kind === 'if' || top?.kind === 'case') && shellBody === top.body && (cmd.depth ?? 0) === top.depth && !RUNS_APART_AFTER.has(cmd.after ?? '') && !RUNS_APART_BEFORE.has(cmd.before ?? '')) {
      if (top.kind === 'if') top.exiting = true;
      else if (top.arm !== undefined) (top.exitingArms ??= new Set()).add(top.arm);
    }
    // `return` (or `exit`) in a called body's run: unconditional, nothing after it runs; under a
    // condition, what follows may not run, so what the body assigns is not handed back (review 137).
    if ((head === 'return' || head === 'exit') && scope.depth > 0 && !shellBody) {
      if (frames.length === 0 && !afterOperator && (cmd.depth ?? 0) === 0 && !RUNS_APART_BEFORE.has(cmd.before ?? '')) break;
      mayReturnEarly = true;
    }
    if (head === 'unset') {
      // `unset -f f`: the function is gone (a later call runs a program of that name).
      if (rest[1]?.raw === '-f') {
        for (const w of rest.slice(2)) defined.delete(w.text);
        continue;
      }
      // The variable is gone, its export with it (a later plain assignment is not exported).
      for (const w of rest.slice(1)) {
        env.delete(w.text);
        exported.delete(w.text);
        // An array goes too; one element of it (`unset 'cmd[2]'`) leaves words not known.
        const element = /^([A-Za-z_]\w*)\[/.exec(w.text);
        const name = element ? element[1]! : w.text;
        const array = shellArrays.get(name);
        if (array) setArray(name, element ? { words: [hole(file, w, `an element of the array ${name} is unset`)] } : undefined);
      }
      continue;
    }
    // Assignments: `X=lit`, `export X=lit`, `readonly X=lit`…; `X=1 cmd` sets X for cmd only.
    let j = 0;
    const declarer = DECLARERS.has(head);
    if (declarer) j = 1;
    // `export`, or `declare -x`/`typeset -x` (also `local -x`): the names are exported.
    let exports = head === 'export';
    let unexports = false;
    while (j < rest.length && rest[j]!.raw.startsWith('-') && declarer) {
      if (head !== 'export' && /^-[A-Za-z]*x/.test(rest[j]!.raw)) exports = true;
      // `export -n X`: X stays a variable but is no longer exported.
      if (head === 'export' && /^-[A-Za-z]*n/.test(rest[j]!.raw)) {
        exports = false;
        unexports = true;
      }
      // `declare -a X=(…)` arrays: unknown
      if (/a|A/.test(rest[j]!.raw)) {
        for (const w of rest.slice(j + 1)) {
          const m = SHELL_ASSIGNMENT.exec(w.raw);
          if (m) set(m[1]!, unknown(`$${m[1]} is an array`));
        }
        j = rest.length;
        break;
      }
      j++;
    }
    // The command's own assignments, with redirections written among them (`>log X=1 az …`): not words of the program.
    const assignments: CiWord[] = [];
    const prefixStart = j;
    if (declarer) while (j < rest.length && SHELL_ASSIGNMENT.test(rest[j]!.raw)) assignments.push(rest[j++]!);
    else j = afterPrefix(rest, j, (w) => assignments.push(w));
    if (j >= rest.length || declarer) {
      if (inSubstitution) continue;
      // `X=$(az …)`: the lexer splits the substitution off as the next command.
      const next = commands[ci + 1];
      const substituted = next !== undefined && next.statement === cmd.statement && (next.after === '$(' || next.after === '`');
      for (const w of assignments) {
        const m = SHELL_ASSIGNMENT.exec(w.raw)!;
        if (exports || allExport) exported.add(m[1]!);
        const lastOne = substituted && w === assignments[assignments.length - 1];
        // `X=pre$(…)`, `X=$(…)/..`: text and the output make one word: not the output alone.
        const bare = w.raw.length === m[0].length;
        if (lastOne && ((cmd.touchesNext && !bare) || joinedAfterSubstitution(commands, ci))) set(m[1]!, unknown(`$${m[1]!} is assigned a command's output joined with text`));
        else if (lastOne && bare) set(m[1]!, commandOutput(m[1]!, next!, commands.slice(ci + 2, ci + 2 + MAX_SUBSTITUTION_PARTS), env, ctx));
        else {
          // After `&&`/`||` (`[ -n "$CPU" ] && SIZE=…`) the assignment may not run: a new value is not the variable's.
          const before = env.get(m[1]!);
          assignWord(w, m);
          if (afterOperator && !same(env.get(m[1]!), before)) set(m[1]!, unknown(`$${m[1]} is assigned after && or ||, which may not run it`));
        }
      }
      // `export X`, `declare "U=…"`, `export $(cat .env | xargs)`: the words after the literal assignments.
      if (declarer) for (const w of rest.slice(j)) declared(w, exports ? 'export' : unexports ? 'export -n' : head);
      if (unexports) for (const w of rest.slice(prefixStart)) exported.delete(/^[A-Za-z_]\w*/.exec(w.raw)?.[0] ?? '');
      // `export $(cat .env | xargs)`: the lexer splits the substitution off; its output is the assignment words.
      const last = assignments[assignments.length - 1];
      const consumed = last !== undefined && j === rest.length && last.raw.length === SHELL_ASSIGNMENT.exec(last.raw)![0].length;
      if (declarer && substituted && !consumed) forgetAll(`variables may be set by ${head} with the output of a command`);
      continue;
    }
    const beforeWrappers = j;
    j = afterWrappers(rest, j);
    // `sudo f`, `env X=1 f`, `command f`, `nohup f` run a program, never a shell function (`time f` times it).
    const mayCallFunction = rest.slice(beforeWrappers, j).every((w) => w.text === 'time' || w.raw.startsWith('-'));
    // `retry 5 az acr create …` with `retry() { …; "$@"; }` in the script: the function runs the az command.
    let viaRunner = false;
    if (isRunner(rest[j]!.raw)) {
      const az = rest.findIndex((w, k) => k > j && (w.raw === 'az' || azArray(w) !== undefined));
      if (az > 0) j = az;
      // `retry 3 create_pool gpu X`: the runner calls the function with the words after it.
      else {
        // (Its first word that is no option or count: `retry -n 3 f`, not `retry 3 echo … f`.)
        const fnAt = rest.findIndex((w, k) => k > j && !/^(?:-.*|\d+)$/.test(w.raw));
        const word = rest[fnAt]?.text;
        if (fnAt > 0 && word !== undefined && (defined.has(word) || scope.functionNamed(word) !== undefined)) {
          j = fnAt;
          viaRunner = true;
        }
      }
    }
    // `eval "${cmd[*]}"`: the array's words run as a command.
    if (rest[j]!.raw === 'eval' && rest.length === j + 2 && evaluatedArrayOf(rest[j + 1]!.raw) !== undefined) j++;
    const program = rest[j]!;
    let ranFunction = false;
    // Expansions in every other command may assign (`${X:=lit}`).
    // `: "${X:=lit}"` and other commands whose words assign defaults.
    if (program.text !== 'az') {
      for (let k2 = j; k2 < rest.length; k2++) {
        const w = rest[k2]!;
        if (w.raw.includes('${') && /\$\{[A-Za-z_]\w*:?=/.test(w.raw)) expandWord(w, env, ctx, set);
      }
    }
    // `"${cmd[@]}"` of an array that holds an az command: read as if its words were written here.
    const array = program.text === 'az' ? undefined : azArray(program);
    if (array || program.text === 'az') {
      const expanded: ExpandedWord[] = array ? arrayWords(array, program).slice(1) : [];
      for (let k2 = j + 1; k2 < rest.length; k2++) {
        const w = rest[k2]!;
        const args = callerArguments(w) ?? arrayArgument(w);
        if (args) expanded.push(...args);
        else addSplit(expanded, unclosed(expandWord(w, env, ctx, set)));
      }
      // A sourced file that set IFS (it is in the variables), a script that may have changed it or
      // declared a nameref, a function body: a variable's texts are not read (`UnknownValue.texts`).
      if (env.has('IFS') || !textsReadHere()) withoutTexts(expanded);
      const azFile = array && array.words[0]!.file !== file ? array.words[0]!.file : undefined;
      pushInvocation({ script, command: cmd, az: array ? array.words[0]!.word : program, ...(azFile !== undefined ? { azFile } : {}), words: expanded, conditional: frames.length > 0 || afterOperator, ...unclosedIn(expanded), ...movedTo() });
    }
    // A call of a function the script defined before: its body runs here, with these arguments.
    // (What the body leaves is the script's after it, unless the call runs in a subshell of its own.)
    // `$step`, `"configure_${PROFILE}"`, `"$s"`: a command whose name is not known may be any function defined so far.
    else if (!ps && mayCallFunction && program.text.includes('$')) {
      if (!inSubstitution) callsAnyFunction(`the command ${program.raw.slice(0, 40)} may be a function`);
    } else if (!ps && mayCallFunction) ranFunction = runCalledFunction(program, rest.slice(j + 1), assignments, !viaRunner && !inSubstitution && !PIPE_OR_BACKGROUND.has(cmd.before ?? '') && cmd.after !== '|' && cmd.after !== '|&');
    // A redirection written before the program may name the file (`>pool.yml cat <<EOF`).
    if (cmd.heredoc) recordHeredoc(cmd, [...rest.slice(prefixStart, j).filter((w) => !SHELL_ASSIGNMENT.test(w.raw)), ...rest.slice(j)]);
    recordCall(rest.slice(j), exportedEnvironment);
    // `cd`/`pushd`/`popd`: the folder later relative paths are read from. (Not a `cd` inside
    // `$(…)`: the substitution's folder is its own; one inside `( … )` ends with it.)
    // A part of a pipeline or a background job (`cd x | cat`, `cd x &`) runs in a subshell: no move.
    const inSubshellOfItsOwn = PIPE_OR_BACKGROUND.has(cmd.before ?? '') || cmd.after === '|' || cmd.after === '|&';
    if (CHANGES_DIRECTORY.has(program.text) && !inSubstitution && !inSubshellOfItsOwn) changeFolder(program.text, rest.slice(j + 1), frames.length > 0 || afterOperator || shellBody !== undefined);
    // A subshell's assignments (`$(source x.sh)`) do not reach the script.
    if (!inSubstitution) {
      shellAssigns(program, rest.slice(j + 1));
      // (A function whose body ran here has left what it sets.)
      if (!inSubshellOfItsOwn && !ranFunction) callsFunction(program);
    }
  }
  if (shellBody) closeShellBody(shellBody);
  settleFunctionCalls();
  if (functionCalls.ran.size > 0) {
    invocations = invocations.filter((inv) => !ranAtItsCalls(readInBody.get(inv)));
    for (const [cmd, body] of expandedInBody) if (ranAtItsCalls(body)) delete cmd.expanded;
  }
  // A subshell that ends the script (or a sourced file) ends with it: what it set is not the script's.
  if (!ps) leaveSubshellsTo(0);
  // What decides the commands' environment class reads `$env:ENVIRONMENT = 'prod'` as it reads `$environment`.
  return { file, invocations, heredocs, env, assigned: ps ? withoutEnvironmentPrefix(assigned) : assigned, calls, ...(folder === STARTING_FOLDER ? {} : { folder }), ...(functionAssigns.size > 0 ? { functionAssigns } : {}), ...(!ps && !branchTexts ? { unsplittable: true as const } : {}), ...(functionCalls.ran.size > 0 || functionCalls.notRun.size > 0 ? { functionCalls } : {}), ...(ownLocals.size > 0 ? { locals: ownLocals } : {}), ...(mayReturnEarly ? { mayReturnEarly: true as const } : {}) };

  /** An az command this run reads; one in a function's body (at its definition, or run by a call made there) is that function's. */
  function pushInvocation(inv: AzInvocation): void {
    invocations.push(inv);
    const body = bodyBeingRead();
    if (body) readInBody.set(inv, body);
  }

  /** A command that may call any function defined so far (its name is not known, or a sourced file may call them): what they set is unknown after it. */
  function callsAnyFunction(why: string): void {
    for (const [name, assigns] of functionAssigns) {
      if (assigns.any !== undefined) return forgetAll(`variables ${why} (${name}: ${assigns.any})`);
      for (const n of assigns.names) forget(n, unknown(`$${n} may be set by the function ${name}: ${why}`));
    }
  }

  /** Whether command `ci` is in a brace group run in a pipeline or in the background (`{ f; } | tee log`, `{ f; } &`): a subshell. */
  function inPipedGroup(ci: number): boolean {
    return (pipedGroups ??= pipedBraceGroups(commands)).some(([from, to]) => from <= ci && ci <= to);
  }

  /**
   * After a call whose body ran: the variables it changed (not its `local` ones, not `$1`…) hold
   * what it left (`use_gpu() { SIZE=…; }; use_gpu`; one that sourced a file or ran an `eval`:
   * unknown), as they would after an assignment there (after `&&`, unknown unless the same).
   */
  function leaveValuesOf(run: ScriptRun, start: Env, name: string): void {
    const why = `may be set by the function ${name}`;
    const after = run.env;
    const any = after.get(ANY_VARIABLE);
    if (any !== start.get(ANY_VARIABLE)) forgetAll(`variables ${why} (${any?.kind === 'unknown' ? any.reason : 'it may set any variable'})`);
    for (const [k, v] of after) {
      if (k === ANY_VARIABLE || k === ARG_COUNT || POSITIONALS.includes(k) || run.locals?.has(k) || start.get(k) === v) continue;
      if (afterOperator && !same(env.get(k), v)) set(k, unknown(`$${k} ${why} after && or ||, which may not run it`));
      else if (v.kind === 'unknown') forget(k, v);
      else set(k, v);
    }
  }

  /**
   * The calls read in a body at its definition count as run when that body's commands stay: when
   * no call of it may run (not even one read in another body). Otherwise they do not, and the
   * callees' commands as written stay too (a finding may then show twice, never not at all).
   */
  function settleFunctionCalls(): void {
    if (callsReadInBody.size === 0) return;
    const mayRun = new Set(functionCalls.ran);
    for (const callees of callsReadInBody.values()) for (const b of callees) mayRun.add(b);
    for (const [body, callees] of callsReadInBody) if (!mayRun.has(body)) for (const b of callees) functionCalls.ran.add(b);
  }

  /** The body of the named function being read at its definition, as the script its calls run. */
  function bodyBeingRead(): CiScript | undefined {
    return shellBody?.name !== undefined ? bodyScript(script, shellBody.start, shellBody.end) : undefined;
  }

  /** Whether `body` ran at its calls (every one followed): what its definition read is not run as written. */
  function ranAtItsCalls(body: CiScript | undefined): boolean {
    return body !== undefined && functionCalls.ran.has(body) && !functionCalls.notRun.has(body);
  }

  /**
   * A call of a shell function defined before it (bash: a function exists once its definition
   * has run): its body runs with the script's variables as they are here and the call's words
   * as `$1`…`$9` and `$#` (and the call's own `X=v` words: bash keeps them for the function),
   * in the folder the script is in; its az commands are this run's (in
   * an if, a loop or after `&&`, conditional). What the body assigns is the script's after the
   * call (`leaveValuesOf`) when the call leaves values (`leavesValues`: not in a subshell, not
   * through a runner) and the body surely ran to its end; true then. Otherwise false, and the
   * caller makes what it may set unknown (`callsFunction`). A function that runs its arguments
   * (`retry`) is read at its call already.
   */
  function runCalledFunction(call: CiWord, args: readonly CiWord[], prefix: readonly CiWord[], leavesValues: boolean): boolean {
    const name = call.text;
    const lookup = (n: string): ShellFunction | undefined => defined.get(n) ?? scope.functionNamed(n);
    const fn = lookup(name);
    if (!fn || isRunner(name)) return false;
    if (scope.depth >= MAX_FUNCTION_CALL_DEPTH) {
      functionCalls.notRun.add(fn.body);
      base.functionCallsPassed?.({ file, range: call.range }, 'depth');
      return false;
    }
    if (!mayRunCommands(fn, lookup, scope.shared)) return false;
    if (!spendFunctionWork(scope, fn.body.commands.length, env.size + setByFunctions.size)) {
      functionCalls.notRun.add(fn.body);
      base.functionCallsPassed?.({ file, range: call.range }, 'work');
      return false;
    }
    const start = copy(env);
    // (Only placeholders of functions the script cannot call unseen: setByFunctions.)
    for (const [k, held] of setByFunctions) {
      if (start.get(k) !== held.placeholder) continue;
      const { before } = held;
      if (before === undefined) start.delete(k);
      else start.set(k, before);
    }
    for (const k of [...POSITIONALS, ARG_COUNT]) start.delete(k);
    for (const [k, v] of positionalArguments(args)) start.set(k, v);
    for (const w of prefix) {
      const m = SHELL_ASSIGNMENT.exec(w.raw);
      if (!m) continue;
      const e = expandWord(w, env, ctx);
      start.set(m[1]!, m[2] ? unknown(`$${m[1]} is appended to`) : copiedVariableInChain(sliceValue(e, m[0].length), e, m[0].length, w));
    }
    // Where texts are not read (IFS may have changed; a call read in another function's body runs later), nor in the body.
    const run = interpretScript(file, fn.body, start, textsReadHere() ? base : { ...base, noBranchTexts: true }, recordExpansions ? 'caller' : false, {
      functionNamed: lookup,
      assignsOf: (n) => functionAssigns.get(n) ?? scope.assignsOf(n),
      isRunner,
      depth: scope.depth + 1,
      work: scope.work,
      shared: scope.shared,
      arrays: shellArrays.entries(),
      ...(folder === STARTING_FOLDER ? {} : { folder }),
    });
    // What it called in turn (a helper defined after the function that calls it) is called here too;
    // a call its body made that was not run keeps this body's commands as written as well.
    const readIn = bodyBeingRead();
    const ran = readIn ? (callsReadInBody.get(readIn) ?? callsReadInBody.set(readIn, new Set()).get(readIn)!) : functionCalls.ran;
    ran.add(fn.body);
    for (const b of run.functionCalls?.ran ?? []) ran.add(b);
    for (const b of run.functionCalls?.notRun ?? []) functionCalls.notRun.add(b);
    if ((run.functionCalls?.notRun.size ?? 0) > 0) functionCalls.notRun.add(fn.body);
    const conditional = frames.length > 0 || afterOperator || fn.conditional === true;
    for (const inv of run.invocations) pushInvocation(conditional && !inv.conditional ? { ...inv, conditional } : inv);
    // (A body that may return early, or a call in a piped or background brace group: its values are not handed back; what it may set is unknown.)
    if (!leavesValues || fn.conditional || run.mayReturnEarly || inPipedGroup(currentCommand)) return false;
    leaveValuesOf(run, start, name);
    return true;
  }

  /**
   * Past a shell function's body: its `local` names are the script's again; what else it assigned
   * holds only after it is called (`callsFunction`): unknown. (Also at the end of a script whose
   * last command closes a body: a sourced file's function is its caller's.)
   */
  function closeShellBody(body: NonNullable<typeof shellBody>): void {
    const locals = body.locals;
    for (const name of body.assigned) {
      if (body.locals.has(name)) {
        const before = body.before.get(name);
        if (before === undefined) env.delete(name);
        else env.set(name, before);
      } else {
        const placeholder = unknown(`$${name} is set by a function, when it is called`);
        env.set(name, placeholder);
        if (body.name !== undefined && !mayBeCalledUnseen(body.name)) setByFunctions.set(name, { placeholder, before: body.before.get(name) });
      }
    }
    // Its arrays: a `local` one is gone; another holds what the body assigned once it is called
    // (an array not called for is empty and runs nothing), words it may have added a hole.
    if (bodyArrays) {
      for (const [name, was] of bodyArrays) if (body.locals.has(name)) shellArrays.restore(new Map([[name, was]]));
      for (const name of body.locals) bodyArrays.delete(name);
      shellArrays.settle(bodyArrays, (_name, was, now) => [was, now], 'by a function, when it is called', file);
      bodyArrays = undefined;
    }
    // What its reading changed without a literal assignment (an `eval`, a sourced file): that
    // happens when it is called, not where it is defined; so as it was before the body (a
    // function with an `eval` made every later variable unknown, called or not).
    // (Not for a function the script may call where the linter does not see it: `retry f`, a file
    // sourced after it; what it changes is unknown from its definition on, as before.)
    let any: string | undefined;
    const changed: string[] = [];
    const unseen = body.name === undefined || mayBeCalledUnseen(body.name);
    for (const name of unseen ? [] : body.changed) {
      if (body.assigned.has(name)) continue;
      const now = env.get(name);
      if (name === ANY_VARIABLE) any = now?.kind === 'unknown' ? now.reason : 'it may set any variable';
      else if (!locals.has(name)) changed.push(name);
      const before = body.before.get(name);
      if (before === undefined) env.delete(name);
      else env.set(name, before);
    }
    // What a call of it leaves (callsFunction): its variables not known.
    if (body.name !== undefined) functionAssigns.set(body.name, { names: [...[...body.assigned].filter((n) => !locals.has(n)), ...changed].slice(0, MAX_FUNCTION_NAMES), ...(any !== undefined ? { any } : {}) });
    // From here on a call of it runs its body (runCalledFunction).
    // (One defined in an if's branch, a case arm or a loop may be another definition where it is
    // called, `if …; then pick() {…}; else pick() {…}; fi`: its calls run, as a command in a branch
    // is linted, but what it sets is not handed back; review 137.)
    if (body.name !== undefined) {
      defined.set(body.name, { name: body.name, body: bodyScript(script, body.start, body.end), ...(frames.length > 0 ? { conditional: true as const } : {}) });
      scope.shared.definitions++;
    }
    // The script's own arguments again.
    restoreVariables(body.positionals);
    shellBody = undefined;
  }

  /**
   * A call of a function the script (or a file it sourced) defined before it whose body did not
   * hand back its values (runCalledFunction): what the function sets (itself, or through the
   * functions it called as they were then) is not known after it.
   * In a function body being read, those names are the body's too (it sets them when called).
   * (Not asked for a call in a pipeline or in the background: a subshell of its own.) Its arrays
   * are as its body left them (the value after the definition). Bounded: MAX_FUNCTION_NAMES per call.
   */
  function callsFunction(program: CiWord): void {
    const assigns = functionAssigns.get(program.text ?? '') ?? scope.assignsOf(program.text ?? '');
    if (!assigns) return;
    const why = `may be set by the function ${program.text}, called at line ${program.range.start.line}`;
    if (assigns.any !== undefined) {
      forgetAll(`variables ${why} (${assigns.any})`);
      return;
    }
    for (const n of assigns.names) {
      if (shellBody && shellBody.assigned.size < MAX_FUNCTION_NAMES) shellBody.assigned.add(n);
      forget(n, unknown(`$${n} ${why}`));
    }
  }

  /** Leaving subshells (`( … )`, `$(…)`) down to `depth`: what they assigned is the parent's no more. */
  function leaveSubshellsTo(depth: number): void {
    currentDepth = depth;
    while (subshellFolder.length > depth) {
      const saved = subshellFolder.pop();
      if (saved) ({ folder, stack: folderStack } = saved);
    }
    while (subshellPrior.length > depth) restoreVariables(subshellPrior.pop()!);
    while (arraySubshell.length > depth) {
      const changed = arraySubshell.pop();
      if (changed) shellArrays.restore(changed);
    }
    while (subshellAssigned.length > depth) {
      for (const [name, before] of subshellAssigned.pop()!) {
        if (before === undefined) assigned.delete(name);
        else assigned.set(name, before);
      }
    }
  }

  /**
   * A named argument the caller passed to this PowerShell script (`./kv.ps1 -Environment prod`),
   * for its `param()` of that name (PowerShell names ignore case); undefined when not passed.
   */
  function passedArgument(name: string): Value | undefined {
    return psScriptParams ? initial.get(`${PS_ARGUMENT}${name.toLowerCase()}`) : undefined;
  }

  /**
   * `./scripts/kv.ps1 -Environment prod` (also after `&`, and `pwsh -File x.ps1 …`) in a PowerShell
   * script: a call whose named arguments bind the called script's parameters (`-Name value`,
   * `-Name:value`; a switch without a value is not read). Positional arguments are not bound.
   */
  function recordPsCall(words: readonly CiWord[]): void {
    const at = words.findIndex((w, i) => /\.ps1$/i.test(w.text) && (powershellProgramAt(words, i) || (i >= 1 && /^(?:pwsh|powershell)(?:\.exe)?$/i.test(words[0]!.text))));
    // A shell script run from PowerShell (`bash ./x.sh prod`, `./x.sh`): the environment and its arguments.
    if (at < 0) return recordCall(words, () => environmentOf(env));
    const target = scriptPath(expandWord(words[at]!, env, ctx));
    if (target === undefined) return;
    // The called script inherits the environment (`$env:X`, the step's variables among them).
    const inherited = environmentOf(env);
    for (const [k, v] of psNamedArguments(words.slice(at + 1))) inherited.set(k, v);
    pushCall(target, inherited);
  }

  /** The `-Name value` / `-Name:value` arguments of a PowerShell script call, keyed for `passedArgument`. */
  function psNamedArguments(args: readonly CiWord[]): Map<string, Value> {
    const out = new Map<string, Value>();
    for (let k = 0; k < args.length; k++) {
      const m = /^-([A-Za-z_]\w*)(?::(.*))?$/s.exec(args[k]!.raw);
      if (!m) continue;
      // `-Name:value`; `-Name: value` (a blank after the colon) takes the next word, as `-Name value`.
      const joined = m[2] !== undefined && m[2] !== '';
      const valueWord = joined ? args[k] : args[k + 1];
      if (!valueWord || (!joined && valueWord.raw.startsWith('-'))) continue;
      const e = expandWord(valueWord, env, ctx);
      out.set(`${PS_ARGUMENT}${m[1]!.toLowerCase()}`, joined ? sliceValue(e, m[1]!.length + 2) : sliceValue(e));
      if (!joined) k++;
    }
    return out;
  }

  /**
   * `terraform apply` run with `TF_CLI_ARGS` / `TF_CLI_ARGS_apply` set literally (a step's `env:`,
   * an export): Terraform reads their words as if written right after the subcommand
   * (developer.hashicorp.com, "Terraform CLI environment variables": TF_CLI_ARGS and
   * TF_CLI_ARGS_name). The `apply` word and those words, each located where its value is written;
   * undefined when neither is set to a known value.
   */
  function applyArgsFromEnv(words: readonly CiWord[]): { apply: CiWord; words: { text: string; origin?: Location }[] } | undefined {
    const tf = words.findIndex((w) => isTerraformProgram(w.text));
    if (tf < 0) return undefined;
    const apply = words.slice(tf + 1).find((w) => !w.text.startsWith('-'));
    if (apply?.text !== 'apply') return undefined;
    // Assignments written before the program (`X=v terraform …`, `env X=v terraform …`) are its environment.
    const prefix = new Map<string, Value>();
    // `env -i …` starts from an empty environment, `env -u NAME` drops one.
    let emptied = false;
    const dropped = new Set<string>();
    if (!ps) {
      const before = words.slice(0, tf);
      const envAt = before.findIndex((w) => w.text === 'env');
      for (const [i, w] of before.entries()) {
        const m = SHELL_ASSIGNMENT.exec(w.raw);
        if (m && !m[2]) prefix.set(m[1]!, sliceValue(expandWord(w, env, ctx), m[0].length));
        if (envAt < 0 || i <= envAt) continue;
        if (w.text === '-i' || w.text === '-' || w.text === '--ignore-environment') emptied = true;
        if ((w.text === '-u' || w.text === '--unset') && before[i + 1]) dropped.add(before[i + 1]!.text);
      }
    }
    const extra: { text: string; origin?: Location }[] = [];
    for (const name of ['TF_CLI_ARGS', 'TF_CLI_ARGS_apply']) {
      const v = prefix.get(name) ?? (emptied || dropped.has(name) ? undefined : environmentValue(name));
      if (v?.kind !== 'string') continue;
      for (const piece of v.value.trim().split(/\s+/, MAX_SPLIT_WORDS)) if (piece) extra.push({ text: piece, ...(v.origin ? { origin: v.origin } : {}) });
    }
    return extra.length ? { apply, words: [{ text: 'apply' }, ...extra] } : undefined;
  }

  /**
   * What a program the script runs finds in its environment under `name`: in a shell script a
   * variable it exports (or the step gave it: the initial ones), not a plain one; in a PowerShell
   * script the step's, or what `$env:NAME = …` set (a `$NAME` is a PowerShell variable, no
   * environment variable).
   */
  function environmentValue(name: string): Value | undefined {
    if (ps) return lookupPowerShell(env, psEnvironmentKey(name), ctx.runnerOs);
    return exported.has(name) || allExport ? env.get(name) : undefined;
  }

  /** The words of a command that expand something, as expanded here, by start offset (`CiCommand.expanded`). */
  function expandedWords(words: readonly CiWord[], fromEnv: ReturnType<typeof applyArgsFromEnv>): Map<number, CiExpandedWord> {
    const out = new Map<number, CiExpandedWord>();
    if (fromEnv) out.set(fromEnv.apply.range.start.offset, { words: fromEnv.words });
    for (const w of words) {
      if (!w.raw.includes('$')) continue;
      const args = callerArguments(w) ?? arrayArgument(w);
      if (args) {
        const notKnown = args.find((a) => a.opaque);
        out.set(w.range.start.offset, notKnown ? { unknown: notKnown.why ?? 'not known', mayBeSeveral: true } : { words: args.map(expandedText) });
        continue;
      }
      const e = unclosed(expandWord(w, env, ctx));
      if (e.text === undefined) {
        const part = e.segments.find((sg) => sg.value !== undefined && sg.value.kind !== 'string')?.value;
        out.set(w.range.start.offset, { unknown: part?.kind === 'unknown' ? part.reason : `${w.raw} is not a string`, ...(mayBeSeveralWords(e) ? { mayBeSeveral: true } : {}) });
        continue;
      }
      // The shell splits an unquoted value at blanks and drops an unquoted empty one; PowerShell passes a variable as one argument.
      const pieces: ExpandedWord[] = [];
      if (ps) pieces.push(e);
      else addSplit(pieces, e);
      const kept = pieces.filter((p) => p.text !== '' || /["']/.test(w.raw));
      const notSplit = kept.find((p) => p.text === undefined);
      if (notSplit) {
        const v = notSplit.segments[0]?.value;
        out.set(w.range.start.offset, { unknown: v?.kind === 'unknown' ? v.reason : 'not known', mayBeSeveral: true });
        continue;
      }
      out.set(w.range.start.offset, {
        words: kept.map(expandedText),
      });
    }
    return out;
  }

  /** The word an unclosed quote runs to the end of the script in: it may hide any flags (absent flags become unknown). */
  function unclosed(e: ExpandedWord): ExpandedWord {
    const u = script.unterminated;
    if (!u) return e;
    const at = u.range.start.offset;
    if (!(e.word.range.start.offset <= at && at < e.word.range.end.offset)) return e;
    const value = unknown(`an unclosed ${u.quote} quote runs to the end of the script`, { file, range: u.range });
    return { ...e, segments: [{ text: '', from: 0, to: e.word.raw.length, value, unquoted: true }], text: undefined, opaque: true };
  }

  /** The folder an az command runs in, when the script has moved from where it started. */
  function movedTo(): { folder?: FolderState } {
    return folder === STARTING_FOLDER ? {} : { folder };
  }

  function unclosedIn(words: ExpandedWord[]): { unclosedQuote?: boolean } {
    const at = script.unterminated?.range.start.offset;
    return at !== undefined && words.some((w) => w.word.range.start.offset <= at && at < w.word.range.end.offset) ? { unclosedQuote: true } : {};
  }

  /** Every variable the script has not assigned literally since now: unknown (RULES.md: unknown values are never reported). */
  function forgetAll(reason: string): void {
    // What ran may have changed IFS or declared a nameref too (an `eval` of text not known, a file not read).
    branchTexts = false;
    const v = unknown(reason);
    for (const name of [...env.keys()]) if (name !== ANY_VARIABLE) forget(name, v);
    forget(ANY_VARIABLE, v);
  }
  /** A variable the command assigns at run time: unknown from here on (not a literal assignment, so `assigned` keeps the last literal). */
  function forget(name: string, v: Value): void {
    keepForSubshellEnd(name);
    shellBody?.changed.add(name);
    env.set(name, v);
    recordCaseValue(name, v);
  }
  /**
   * `source FILE` / `. FILE` (shell and PowerShell): a scanned script named by a known path runs
   * in this scope, so its literal assignments count; any other sourced file may set anything.
   */
  function runSourced(word: CiWord | undefined, unknownWhy: string): void {
    const written = word ? scriptPath(expandWord(word, env, ctx)) : undefined;
    // Read from the script's folder (`cd lib && source ./vars.sh`); not after a move to a folder not known.
    const target = written && fromFolder(written);
    // (Not from a function body that may read any variable: it runs when called, with values not known.)
    const run = target !== undefined && !inReadsAnyBody() ? ctx.source?.(target.path, env, folder === UNKNOWN_FOLDER ? undefined : folder, target.fromCheckout === true, !ps && !branchTexts) : undefined;
    if (!run) return forgetAll(unknownWhy);
    // The call recorded for this `source` (its commands run with this script's values) is this run: not made again.
    const last = calls[calls.length - 1];
    if (last?.sourced && last.path === target!.path && !last.run) last.run = run;
    const after = run.env;
    // What the sourced file assigns is this script's assignment too (`ENVIRONMENT=prod` in vars.sh classes the commands after it).
    // Inside a subshell, all of it ends there (`( source ./prod.sh )` sets nothing after it).
    for (const k of new Set([...env.keys(), ...after.keys()])) {
      if (env.get(k) === after.get(k)) continue;
      keepForSubshellEnd(k);
      shellBody?.changed.add(k);
    }
    for (const [k, v] of after) if (env.get(k) !== v && k !== ANY_VARIABLE) assigned.set(k, v);
    env = copy(after);
    // Its functions are this shell's: a call of one makes what it assigns unknown.
    for (const [k, v] of run.functionAssigns ?? []) functionAssigns.set(k, v);
    // One that changes IFS or declares a nameref (its functions may, when called): no texts read here either.
    if (run.unsplittable) branchTexts = false;
    // A `cd` in the sourced file moves this shell (self-review 70).
    if (run.folder !== undefined) changeFolderTo(run.folder === UNKNOWN_FOLDER || folder === UNKNOWN_FOLDER ? UNKNOWN_FOLDER : nestedFolder(folder, run.folder) ?? STARTING_FOLDER);
    // The sourced file may call this script's functions (it is not told of them).
    callsAnyFunction(`the sourced ${word?.raw ?? 'file'} may call it`);
  }

  /**
   * Builtins that assign variables other than by a literal `X=…` word: `source`/`.`/`eval`
   * may assign any variable; `read`, `mapfile`/`readarray`, `printf -v`, `getopts`, `let`
   * assign the variables they name. `set -a` exports every later assignment.
   */
  function shellAssigns(program: CiWord, args: CiWord[]): void {
    const p = program.text;
    if (p === 'source' || p === '.') return runSourced(args.length === 1 ? args[0] : undefined, `variables may be set by the sourced ${args[0]?.raw ?? 'file'}`);
    if (p === 'eval') {
      // `cmd="az group list"; eval $cmd`: a known text of plain words, no assignment, no builtin
      // that assigns, cannot set a variable (review 109); anything else may set any.
      const text = args.map((a) => expandWord(a, env, ctx).text);
      const fns = (scriptFunctions ??= scriptFunctionNames(commands));
      if (text.every((t) => t !== undefined) && assignsNothing(text.join(' '), fns.names, fns.aliases)) return;
      return forgetAll('variables may be set by eval');
    }
    if (p === 'set') {
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!.text;
        if ((/^-[a-zA-Z]*a/.test(a) && !a.startsWith('--')) || (a === '-o' && args[i + 1]?.text === 'allexport')) allExport = true;
        if ((/^\+[a-zA-Z]*a/.test(a)) || (a === '+o' && args[i + 1]?.text === 'allexport')) allExport = false;
      }
      return;
    }
    const named = (name: string | undefined, why: string): void => {
      if (name && isName(name)) set(name, unknown(`$${name} ${why}`));
    };
    if (p === 'read' || p === 'mapfile' || p === 'readarray') {
      // Option arguments (`-p prompt`, `-d ,`) may be taken for names: that only loses knowledge.
      for (const w of args) named(w.text, 'is read at run time');
      if (p !== 'read') named('MAPFILE', 'is read at run time');
      else named('REPLY', 'is read at run time');
      return;
    }
    if (p === 'printf') {
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!.text;
        if (a === '-v') named(args[i + 1]?.text, 'is set by printf -v');
        else if (a.startsWith('-v')) named(a.slice(2), 'is set by printf -v');
        if (!a.startsWith('-')) break;
      }
      return;
    }
    if (p === 'getopts') {
      named(args[1]?.text, 'is set by getopts');
      named('OPTARG', 'is set by getopts');
      named('OPTIND', 'is set by getopts');
      return;
    }
    if (p === 'let') for (const w of args) named(/^([A-Za-z_]\w*)/.exec(w.text)?.[1], 'is computed by let');
  }

  /** One word of `export`/`declare`/`local`/`readonly`/`typeset` after its literal assignments. */
  function declared(w: CiWord, declarer: string): void {
    const m = SHELL_ASSIGNMENT.exec(w.raw);
    if (m) {
      if (declarer === 'export' || allExport) exported.add(m[1]!);
      assignWord(w, m);
      return;
    }
    if (w.raw.startsWith('-') || w.raw.startsWith('+')) return;
    if (isName(w.raw)) {
      if (declarer === 'export') exported.add(w.raw);
      return;
    }
    // A quoted or computed assignment word (`"U=$x"`, `$(cat .env | xargs)`): the name when it is written literally, else any variable.
    const quoted = /^(["']?)([A-Za-z_]\w*)\+?=/.exec(w.raw);
    if (quoted && quoted[1] && w.raw.slice(1).indexOf(quoted[1]) > quoted[2]!.length) {
      if (declarer === 'export') exported.add(quoted[2]!);
      set(quoted[2]!, unknown(`$${quoted[2]} is assigned by a quoted ${declarer} word`));
      return;
    }
    forgetAll(`variables may be set by ${declarer} ${w.raw.slice(0, 40)}`);
  }

  /**
   * A scanned script the command runs (`./x.sh`, `bash x.sh`): `environment` gives what the
   * program inherits (made only for a call), to which its arguments are added.
   */
  function recordCall(words: readonly CiWord[], environment: () => Env): void {
    let target: CiWord | undefined = words[0];
    if (target && SHELLS.has(target.text)) target = words.slice(1).find((w) => !w.raw.startsWith('-'));
    if (!target || !/\.(sh|bash|ps1)$/i.test(target.text)) return;
    const at = scriptPath(expandWord(target, env, ctx));
    if (at === undefined) return;
    if (words[0]!.text === 'source' || words[0]!.text === '.') at.sourced = true;
    // A sourced file runs in this shell: it sees every variable, exported or not (its arguments, when given, are its own).
    const inherited = at.sourced && !ps ? copy(env) : environment();
    // A shell script's arguments are its `$1`…`$9`; a PowerShell script's named ones bind its `param()`.
    const args = words.slice(words.indexOf(target) + 1);
    for (const [k, v] of /\.ps1$/i.test(target.text) ? psNamedArguments(args) : positionalArguments(args)) inherited.set(k, v);
    pushCall(at, inherited);
  }

  /** What a program a shell script runs inherits: its exported variables (after `source`/`export $(…)`, any: the called script cannot know its own either). */
  function exportedEnvironment(): Env {
    const out: Env = new Map();
    for (const [k, v] of env) if ((exported.has(k) && !POSITIONALS.includes(k) && k !== ARG_COUNT && !k.startsWith(PS_ARGUMENT)) || k === ANY_VARIABLE) out.set(k, v);
    return out;
  }

  /**
   * A call of a script at `target` (as written, expanded) with the variables it starts with: a
   * relative path is read from the script's folder; after a `cd` to a folder not known, marked so
   * (a path from the checkout's top, or an absolute one, does not move).
   */
  function pushCall(target: { path: string; fromCheckout?: true; sourced?: true }, inherited: Env): void {
    const at = fromFolder(target);
    calls.push({
      path: (at ?? target).path,
      env: inherited,
      ...(inReadsAnyBody() ? { inFunctionBody: true } : {}),
      ...(at?.fromCheckout ? { fromCheckout: true } : at === undefined ? { cwdMoved: true } : {}),
      ...(folder !== UNKNOWN_FOLDER && folder !== STARTING_FOLDER ? { folder } : {}),
      ...(target.sourced ? { sourced: true } : {}),
    });
  }

  /**
   * A path a command reads (a script it runs or sources) from the folder the script is in: one
   * from the checkout's top or absolute as it is; undefined for a relative one after a move to a
   * folder not known.
   */
  function fromFolder(p: ScriptFolder): ScriptFolder | undefined {
    if (p.fromCheckout || path.isAbsolute(p.path)) return p;
    return folder === UNKNOWN_FOLDER ? undefined : within(folder, p.path);
  }

  /** Before the folder changes inside a subshell: the folder and stack to restore when each open level ends. */
  function keepFolderForSubshellEnd(): void {
    for (let d = 0; d < currentDepth; d++) subshellFolder[d] ??= { folder, stack: folderStack };
  }

  /**
   * `cd DIR`, `pushd DIR`, `popd` (bash; `Set-Location` & co. in PowerShell, `powershell`): the
   * folder the later commands run in. Known only when DIR is (a literal path, the script's own
   * folder, one from the checkout's top) and the move surely runs (`conditional`: inside a
   * branch, loop or function body, or after `&&`/`||`); otherwise unknown from here on. Inside a
   * subshell, the folder before it comes back when it ends.
   */
  /** The script moves to `to` (inside a subshell, until it ends). */
  function changeFolderTo(to: FolderState): void {
    keepFolderForSubshellEnd();
    folder = to;
  }

  function changeFolder(program: string, args: readonly CiWord[], conditional: boolean, powershell = false): void {
    keepFolderForSubshellEnd();
    const name = program.toLowerCase();
    if (name === 'popd' || name === 'pop-location') {
      const [back, ...others] = [...folderStack].reverse();
      folder = conditional || args.length > 0 || back === undefined ? UNKNOWN_FOLDER : back;
      folderStack = others.reverse();
      return;
    }
    // Options (`cd -P dir`, `Set-Location -Path dir`) are skipped; any other one (`-LiteralPath`, `-StackName`) moves somewhere not followed.
    const operands: CiWord[] = [];
    for (let k = 0; k < args.length; k++) {
      const r = redirection(args[k]!.raw);
      if (r) k += r.takesNext ? 1 : 0;
      else if (!/^-(?:[LPe@]+|-|path:?)$/i.test(args[k]!.raw)) operands.push(args[k]!);
    }
    const target = operands.length === 1 && !operands[0]!.raw.startsWith('-') ? folderOf(expandWord(operands[0]!, env, ctx), powershell) : UNKNOWN_FOLDER;
    // (A path grown past any real folder's, `cd a` thousands of times: not followed, so each move stays cheap.)
    const next = conditional || (target !== UNKNOWN_FOLDER && target.path.length > MAX_FOLDER_PATH) ? UNKNOWN_FOLDER : target;
    if (name === 'pushd' || name === 'push-location') {
      // Past MAX_FOLDER_STACK pushes, where each `popd` goes back to is not kept (each push copies the stack).
      folderStack = folderStack.length >= MAX_FOLDER_STACK ? [] : [...folderStack, conditional ? UNKNOWN_FOLDER : folder];
      if (folderStack.length === 0) {
        folder = UNKNOWN_FOLDER;
        return;
      }
    }
    folder = next;
  }

  /** The folder a `cd` argument names, from the script's folder (unknown for `-`, `~…`, a drive path, a value not known). */
  function folderOf(e: ExpandedWord, powershell: boolean): FolderState {
    if (e.text !== undefined) {
      const t = powershell ? e.text.replace(/\\/g, '/') : e.text;
      if (t === '' || t === '-' || t.startsWith('~') || /^[A-Za-z]:/.test(t) || /[*?[]/.test(t)) return UNKNOWN_FOLDER;
      if (path.isAbsolute(t)) return { path: path.posix.normalize(t) };
      return folder === UNKNOWN_FOLDER ? folder : within(folder, t);
    }
    const v = sliceValue(e);
    // The script's own folder (`cd "$(dirname "$0")"`, `cd "$SCRIPT_DIR/.."`, `Set-Location $PSScriptRoot`).
    // (The folder alone, `"$(dirname "$0")"`, has no known piece: read as the folder with `/` after it.)
    const bare = v.kind === 'unknown' && (v.literals === undefined || v.literals.every((p) => p === ''));
    const beside = besideScriptPath(bare && v.token?.startsWith(SCRIPT_DIR_TOKEN) ? { ...v, literals: ['', '/'] } : v);
    if (beside) return { path: beside.path };
    const top = scriptPath(e);
    if (top?.fromCheckout) return { path: within(STARTING_FOLDER, top.path).path, fromCheckout: true };
    if (bare && v.token === CHECKOUT_TOKEN) return { path: '', fromCheckout: true };
    return UNKNOWN_FOLDER;
  }

  /**
   * The arguments a script is called with, as its positional parameters: each word expanded (an
   * unquoted known value with blanks is several, an unquoted empty one none); from a word that
   * may be any number of words (an unquoted unknown) on, every position is unknown.
   */
  function positionalArguments(args: readonly CiWord[]): Map<string, Value> {
    const out = new Map<string, Value>();
    const words: ExpandedWord[] = [];
    for (const w of args) {
      // Redirections and operators end the arguments (`./x.sh prod > log`, `./x.sh prod 2>&1`).
      if (/^\d*[<>]/.test(w.raw)) break;
      // `f "$@"`, `f "${@:2}"`: the script's own arguments, when every one is known.
      const passedOn = callerArguments(w);
      if (passedOn) {
        words.push(...passedOn);
        continue;
      }
      const e = expandWord(w, env, ctx);
      if (e.text === '' && !/["']/.test(w.raw)) continue;
      if (mayBeSeveralWords(e)) {
        const why = unknown(`the argument ${w.raw.slice(0, 40)} may be any number of words`);
        for (let k = words.length; k < POSITIONALS.length; k++) out.set(POSITIONALS[k]!, why);
        break;
      }
      addSplit(words, e);
    }
    words.slice(0, POSITIONALS.length).forEach((e, k) => out.set(POSITIONALS[k]!, sliceValue(e)));
    if (!out.has(POSITIONALS[words.length] ?? '') && words.length <= POSITIONALS.length) out.set(ARG_COUNT, str(String(words.length)));
    return out;
  }

  /**
   * `"$@"` (or `$@`) when the caller's arguments are all known (`ARG_COUNT`): one word per
   * argument, each where the caller wrote it; undefined otherwise (the word is expanded as usual).
   */
  function callerArguments(w: CiWord): ExpandedWord[] | undefined {
    const all = ps ? null : ALL_ARGUMENTS.exec(w.raw);
    if (!all) return undefined;
    const count = env.get(ARG_COUNT);
    if (count?.kind !== 'string') return undefined;
    const out: ExpandedWord[] = [];
    for (let k = Number(all[1] ?? all[2] ?? 1) - 1; k < Number(count.value); k++) {
      const v = env.get(POSITIONALS[k]!);
      if (v?.kind !== 'string') return undefined;
      const e: ExpandedWord = { file, word: w, segments: [{ text: v.value, from: 0, to: w.raw.length, value: v, unquoted: !w.raw.startsWith('"') }], opaque: false, text: v.value };
      if (w.raw.startsWith('"')) out.push(e);
      else addSplit(out, e);
    }
    return out;
  }

  /** The words of a `terraform` or `az ad sp create-for-rbac` command that expand a variable, for CI001/CI005 (`recordExpansions`). */
  function recordExpanded(cmd: CiCommand, words: readonly CiWord[]): void {
    if (!recordExpansions || words.length === 0) return;
    const fromEnv = applyArgsFromEnv(words);
    if (fromEnv || readsExpanded(words) || words.some(runsReadArray)) {
      const expanded = expandedWords(words, fromEnv);
      // (A called body's first command is cut from the script's: the rules read that one.)
      const own = scriptCommand(cmd);
      if (recordExpansions === true) {
        own.expanded = expanded;
        const body = bodyBeingRead();
        if (body) expandedInBody.set(own, body);
      }
      else if ((own.expandedByCallers?.length ?? 0) < MAX_CALLER_EXPANSIONS) (own.expandedByCallers ??= []).push(expanded);
    }
  }

  /**
   * The words of a command without its bash array assignments (`local cmd=(az … )`, `cmd+=(…)`),
   * each assigned here: its words expanded now, as bash does (shell-arrays.ts); an element set
   * (`cmd[3]=x`) leaves the array's words not known from there.
   */
  function takeArrays(words: readonly CiWord[]): readonly CiWord[] {
    if (!words.some((w) => w.raw.endsWith('=(') || (w.raw.includes('[') && elementAssignment(w.raw)))) return words;
    const out: CiWord[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const element = elementAssignment(w.raw);
      const array = element && shellArrays.get(element.name);
      if (element && array) {
        const why = `an element of the array ${element.name} is set`;
        setArray(element.name, { words: elementSet(array.words, element, w, why) });
      }
      const opening = arrayOpening(w.raw);
      if (!opening) {
        out.push(w);
        continue;
      }
      let close = i + 1;
      while (close < words.length && words[close]!.raw !== ')') close++;
      const expanded: ExpandedWord[] = [];
      for (const e of words.slice(i + 1, close)) {
        const args = callerArguments(e) ?? arrayArgument(e);
        if (args) expanded.push(...args);
        else addSplit(expanded, unclosed(expandWord(e, env, ctx, set)));
      }
      const before = shellArrays.get(opening.name);
      const assigned: ShellArray = { words: opening.append ? [...(before?.words ?? []), ...expanded] : expanded };
      // After `&&`/`||` it may not run: what both agree on.
      const value = afterOperator ? settled(opening.name, before, assigned, 'after && or ||', file) : assigned;
      setArray(opening.name, value);
      set(opening.name, unknown(`$${opening.name} is an array`));
      i = close;
    }
    return out;
  }

  /** An array's new value, told to the open blocks. */
  function setArray(name: string, value: ShellArray | undefined): void {
    shellArrays.set(name, value, arrayBlocks());
  }

  /**
   * An if-branch or case arm is done (at `elif`/`else`, or the next arm's pattern): its arrays'
   * values are kept, whether it exits, and the next one starts from the values before the block.
   */
  function endArrayBranch(top: Frame): void {
    (top.arrayBranches ??= []).push(top.arrays ? shellArrays.snapshot(top.arrays) : new Map());
    (top.arrayBranchExits ??= []).push(branchExits(top));
    if (top.arrays) shellArrays.restore(top.arrays);
  }

  /** Whether the if-branch or case arm being read ends the script (`exit` run by it). */
  function branchExits(top: Frame): boolean {
    return top.kind === 'if' ? top.exiting === true : top.kind === 'case' && top.arm !== undefined && top.exitingArms?.has(top.arm) === true;
  }

  /**
   * Words of an array after `cmd[i]=x`: at a literal index (or one past the end) the element is
   * the value written, expanded as any word, or a hole when it is not known (`+=` appends text to
   * an element: not known either); any other index leaves nothing known.
   */
  function elementSet(words: readonly ExpandedWord[], element: { index: string; appends: boolean }, w: CiWord, why: string): ExpandedWord[] {
    const i = /^\d+$/.test(element.index) ? Number(element.index) : undefined;
    const eq = w.raw.indexOf('=', w.raw.lastIndexOf(']'));
    const value = eq > 0 && w.raw[eq - 1] !== '+' ? unclosed(expandWord(wordSlice(w, eq + 1, w.raw.length), env, ctx, set)) : undefined;
    const item = value && value.text !== undefined && !value.opaque ? value : hole(file, w, why);
    if (element.appends || (i !== undefined && i >= words.length)) return [...words, item];
    if (i === undefined) return [hole(file, w, why)];
    return [...words.slice(0, i), item, ...words.slice(i + 1)];
  }

  /** The blocks an array change is recorded in (shell-arrays.ts): branch frames, subshell levels, the function body. */
  function arrayBlocks(): ArraysBefore[] {
    const out: ArraysBefore[] = [];
    for (const f of frames) if (f.kind !== 'brace') out.push((f.arrays ??= new Map()));
    for (let d = 0; d < currentDepth; d++) out.push((arraySubshell[d] ??= new Map()));
    if (bodyArrays) out.push(bodyArrays);
    return out;
  }

  /** An array's words for a command that runs it at `at` (`"${cmd[@]}"`): its holes shown as that word. */
  function arrayWords(array: ShellArray, at: CiWord): ExpandedWord[] {
    return array.words.map((w) => (w.why ? { ...w, word: at, segments: w.segments.map((sg) => ({ ...sg, to: at.raw.length })) } : w));
  }

  /** The words a command argument that is a known array passes (`az "${args[@]}"`), or undefined. */
  function arrayArgument(w: CiWord): ExpandedWord[] | undefined {
    const name = allElementsOf(w.raw);
    const array = name === undefined ? undefined : shellArrays.get(name);
    return array ? arrayWords(array, w) : undefined;
  }

  /** A known array holding a command CI001 or CI005 reads (`tf=(terraform apply …)`, `sp=(az ad sp create-for-rbac …)`), expanded whole by `w`. */
  function runsReadArray(w: CiWord): boolean {
    return arrayArgument(w)?.some((x) => x.text !== undefined && (x.text === 'create-for-rbac' || isTerraformProgram(x.text))) === true;
  }

  /** The array a command word runs whole (`"${cmd[@]}"`) when its first word is az. */
  function azArray(w: CiWord): ShellArray | undefined {
    const name = allElementsOf(w.raw) ?? evaluatedArrayOf(w.raw);
    const array = name === undefined ? undefined : shellArrays.get(name);
    return array?.words[0]?.text === 'az' ? array : undefined;
  }

  function closeFrame(head: string, cmd: CiCommand): void {
    const want = head === 'fi' ? 'if' : head === 'esac' ? 'case' : head === 'done' ? 'loop' : 'brace';
    const top = frames[frames.length - 1];
    if (!top || top.kind !== want) return;
    if (want === 'brace' && top.innerBraces) {
      top.innerBraces--;
      return;
    }
    frames.pop();
    if (top.arrays) {
      // An if's branches and a case's arms each leave a value (one that exits, none: no later command
      // sees it), and without an else or `*)` the value before; a loop: before or after.
      const branches = top.kind === 'if' || top.kind === 'case' ? (top.arrayBranches ?? []) : undefined;
      const exits = top.arrayBranchExits ?? [];
      const lastExits = branchExits(top);
      const paths = (name: string, was: ShellArray | undefined, now: ShellArray | undefined): (ShellArray | undefined)[] => {
        if (!branches) return [was, now];
        const ends = branches.map((b, i) => (exits[i] ? null : b.has(name) ? b.get(name) : was));
        const live = [...ends.filter((v) => v !== null), ...(lastExits ? [] : [now])];
        const all = live.length > 0 ? live : [...branches.map((b) => (b.has(name) ? b.get(name) : was)), now];
        return top.hasElse ? all : [...all, was];
      };
      shellArrays.settle(top.arrays, paths, top.kind === 'loop' ? 'in a loop' : 'in a branch', file);
    }
    // The end of a compound command piped into: its subshell's assignments end with it.
    if (top.piped) {
      pipedDepth--;
      leaveSubshellsTo((cmd.depth ?? 0) + pipedDepth);
      if (top.kind === 'loop' || top.kind === 'brace') return;
      env = top.before;
      return;
    }
    // A loop may run no time: a variable it changed is not known after it.
    if (top.kind === 'loop') {
      for (const [name, before] of top.prior ?? []) if (!same(env.get(name), before)) set(name, unknown(`$${name} is assigned in a loop, which may run no time`));
      return;
    }
    if (top.kind === 'if') {
      // Branches that exit end no path past the block.
      const paths = [...top.branches.filter((b) => !top.exits?.has(b)), ...(top.exiting ? [] : [env])];
      if (!top.hasElse) paths.push(top.before);
      // Every branch exits: nothing after the block runs, which is not followed (every path is merged).
      env = merge(top.before, paths.length > 0 ? paths : [...top.branches, env], textsReadHere());
      recordInEnclosingArm(top.entered ?? top.before);
      settleAssigned();
    } else if (top.kind === 'case') {
      const after = copy(env);
      // Arms that exit end no path past the block (when every arm does, all are merged, as for an if).
      const arms = (top.arm ?? 0) + 1;
      const exiting = top.exitingArms && top.exitingArms.size < arms ? top.exitingArms : undefined;
      const liveArms = arms - (exiting?.size ?? 0);
      for (const [name, given] of top.caseValues) {
        const live = exiting ? given.filter((g) => !exiting.has(g.arm)) : given;
        const vals = live.map((g) => g.value);
        // An arm that does not assign it (`*) ;;`) leaves the value before the case (review 111).
        const everyArm = new Set(live.map((g) => g.arm)).size >= liveArms;
        const all = top.hasElse && everyArm ? vals : [...vals, top.before.get(name)];
        const first = all[0];
        if (all.every((v) => same(v, first))) after.set(name, first!);
        else after.set(name, differentInBranches(all, name, 'a case', textsReadHere()));
      }
      env = after;
      recordInEnclosingArm(top.entered ?? top.before);
      settleAssigned();
    }
  }

  /**
   * The next arm of a case starts from the variables as they were before the case: what the arm
   * before it changed (also by a sourced file, which records no arm value itself) is that arm's
   * value, which the case's end merges (a later arm read the earlier one's `SIZE=…`: a false
   * finding on the size the later arm does not run with). After `;&`/`;;&`, either.
   */
  function startArm(frame: Frame, fallThrough: boolean): void {
    for (const name of new Set([...env.keys(), ...frame.before.keys()])) {
      const now = env.get(name);
      const was = frame.before.get(name);
      if (now === was) continue;
      if (now !== undefined && !frame.armsOf?.get(name)?.has(frame.arm ?? 0)) recordCaseValue(name, now);
      keepForSubshellEnd(name);
      // After `;&` or `;;&` the arm may also be entered from the one before: either value.
      if (fallThrough) env.set(name, same(now, was) ? now! : differentInBranches([now, was], name, 'a case', textsReadHere()));
      else if (was === undefined) env.delete(name);
      else env.set(name, was);
    }
  }

  /** Whether the arm whose pattern is command `ci` may be entered from the arm before it (`;&`, `;;&`). */
  function fallsThrough(ci: number): boolean {
    for (let k = ci - 1; k >= 0; k--) {
      const c = commands[k]!;
      if (c.commented) continue;
      return c.before === ';&' || c.before === ';;&';
    }
    return false;
  }

  /**
   * An if or a case closed inside a case arm: what it leaves (the variables that differ from
   * `before`, the values when it was entered) is that arm's value (reviews 113–114: an arm whose
   * if set X counted as one that leaves X alone, and a later arm's X="" decided it).
   */
  function recordInEnclosingArm(before: Env): void {
    if (frames[frames.length - 1]?.kind !== 'case') return;
    for (const [name, v] of env) if (v !== before.get(name)) recordCaseValue(name, v);
  }

  /**
   * After an if/case closes, what the script has assigned is what its paths agree on (the merged
   * variables): a value assigned in one branch only, or sourced there, is not the script's value
   * (`if …; then source prod.sh; else source dev.sh; fi` decides no environment class).
   */
  function settleAssigned(): void {
    for (const [k, v] of assigned) {
      const now = env.get(k);
      if (now !== v) assigned.set(k, now ?? unknown(`$${k} is assigned in some branches only`));
    }
  }

  function recordHeredoc(cmd: CiCommand, words: CiWord[]): void {
    // The file stdout goes to: redirections apply left to right, so the last one of stdout
    // (`>`, `1>`, `>>`, `>|`, and `&>`/`&>>` which also take stderr) wins; another
    // descriptor's (`2>err.log`, `2>&1`) changes nothing, and `>&2` sends stdout to no file.
    let chosen: { word: CiWord; offset: number } | undefined;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const r = redirection(w.raw);
      if (!r?.output || !r.stdout) continue;
      if (r.duplicate) {
        chosen = undefined;
        continue;
      }
      const word = r.takesNext ? words[++i] : w;
      if (!word) break;
      chosen = { word, offset: r.takesNext ? 0 : w.raw.length - r.target.length };
    }
    if (!chosen) return;
    const target = sliceValue(expandWord(chosen.word, env, ctx), chosen.offset);
    heredocs.push({ file, target, targetWord: chosen.word, heredoc: cmd.heredoc!, subject: script.subject, env: copy(env) });
  }

  /**
   * PowerShell statements that assign variables other than by `$x = …`: dot-sourcing
   * (`. ./env.ps1`), `Invoke-Expression`/`iex` and `[Environment]::SetEnvironmentVariable`
   * may assign any; `Set-Variable`/`New-Variable -Name X` and `Set-Item env:X` assign the one
   * they name (any, when the name is computed).
   */
  function psAssigns(words: CiWord[]): void {
    // Dot-sourcing a scanned script runs it in this scope, as `source` does in a shell.
    if (words[0]!.raw === '.' && words.length > 1) return runSourced(words.length === 2 ? words[1] : undefined, `variables may be set by the dot-sourced ${words[1]!.raw}`);
    const unquote = (t: string): string => t.replace(/^(['"])(.*)\1$/s, '$2');
    for (let i = 0; i < words.length; i++) {
      const t = words[i]!.raw.toLowerCase();
      if (t === 'invoke-expression' || t === 'iex') return forgetAll('variables may be set by Invoke-Expression');
      if (t.startsWith('[environment]::setenvironmentvariable') || t.startsWith('[system.environment]::setenvironmentvariable')) return forgetAll('environment variables may be set by SetEnvironmentVariable');
      if (['set-variable', 'sv', 'new-variable', 'nv'].includes(t)) {
        const args = words.slice(i + 1);
        const at = args.findIndex((w) => /^-n(a(me?)?)?$/i.test(w.raw));
        const nameWord = at >= 0 ? args[at + 1] : args.find((w) => !w.raw.startsWith('-'));
        const name = nameWord ? unquote(nameWord.raw) : '';
        if (isName(name)) set(name, unknown(`$${name} is set by ${words[i]!.raw}`));
        else return forgetAll(`variables may be set by ${words[i]!.raw} ${nameWord?.raw ?? ''}`.trim());
      }
      if (['set-item', 'si', 'new-item', 'ni', 'set-content', 'add-content', 'ac'].includes(t)) {
        for (const w of words.slice(i + 1)) {
          const m = /^(?:env|variable):[\\/]?(.*)$/i.exec(unquote(w.raw.replace(/^-path$/i, '')));
          if (!m) continue;
          const key = /^env:/i.test(unquote(w.raw)) ? psEnvironmentKey(m[1]!) : m[1]!;
          if (isName(m[1]!)) set(key, unknown(`$${key} is set by ${words[i]!.raw}`));
          else return forgetAll(`variables may be set by ${words[i]!.raw} ${w.raw}`);
        }
      }
    }
  }

  /**
   * A parameter of the list open: the script's takes its caller's named argument, else is unknown;
   * a function's is unknown in its body and hides the script's variable of that name only there.
   */
  function parameter(name: string, typing: ParameterTyping, why: string, defaultWord?: CiWord): void {
    const typedString = typing === 'string';
    if (!psScriptParams) {
      const top = psBlocks[psBlocks.length - 1];
      // `function F { param(…) }`: the body's block is open; `function F (…) {`: it opens next.
      const shadowed = psFunctionHeader ? (headerShadowed ??= new Map()) : (top ? (top.shadowed ??= new Map()) : undefined);
      if (shadowed && !shadowed.has(name)) shadowed.set(name, env.get(name));
      env.set(name, asString(unknown(why), typedString));
      return;
    }
    // A type constraint other than [string] converts the argument (`[int]` refuses a size, and
    // the script never runs): a value passed to it is not read.
    const passed = passedArgument(name);
    if (passed && typing === 'converted') {
      set(name, unknown(`$${name} converts the argument passed to it to its parameter type`));
      return;
    }
    set(name, passed ?? scriptParameterDefault(typing, defaultWord) ?? asString(unknown(why), typedString));
  }

  /**
   * The default of the script's own parameter (`param([string]$Size = 'Standard_NC6')`) when the
   * script runs with it unset: on its own (nothing in the scan calls it: as `${1:-x}` in a shell
   * script), or called with only known named arguments (a positional one may bind it). A type other
   * than `[string]` converts it (not followed).
   */
  function scriptParameterDefault(typing: ParameterTyping, word: CiWord | undefined): Value | undefined {
    if (!word || typing === 'converted' || (initial.has(PS_CALLED) && !initial.has(PS_ARGUMENTS_NAMED))) return undefined;
    const v = sliceValue(expandWord(word, env, ctx));
    return v.kind === 'string' ? v : undefined;
  }

  function endParamList(): void {
    psParamList = false;
    psParamMayGoOn = true;
    psPendingTypes = '';
  }

  /** `all`: the command's words, `${{ }}` expressions joined; `ci`: its index in `commands`. */
  function psCommand(cmd: CiCommand, all: readonly CiWord[], ci: number): void {
    // A function's body closed at the end of this command (`… --size $Size }`): its parameters
    // still hide the script's variables while the command is read, so they are given back after it.
    const closedAfter: ReadonlyMap<string, Value | undefined>[] = [];
    try {
      psCommandWords(cmd, all, ci, closedAfter);
    } finally {
      for (const shadowed of closedAfter) restoreVariables(shadowed);
    }
  }

  /**
   * Gives the variables back the values `saved` holds (undefined: not set): after a function's
   * body (its parameters, what the script sets again later), or a subshell.
   */
  function restoreVariables(saved: ReadonlyMap<string, Value | undefined>): void {
    for (const [name, before] of saved) {
      if (before === undefined) env.delete(name);
      else env.set(name, before);
    }
  }

  /**
   * PowerShell's default idiom, `$x = if ($env:X) { $env:X } else { 'lit' }` (the test and the
   * first branch read one environment variable), after the `$x = if` command at `ci`: bash's
   * `${X:-lit}`. The variable's value when the script set it to a non-empty string or to a value
   * not known (which may be empty: then unknown), else the default (a string or a number), read
   * as bash's is (known when written, located at its text). Either is one argument of a native
   * command. Undefined when the statement is anything else (written over several lines too).
   */
  function psDefaultIdiom(ci: number): Value | undefined {
    const statement = commands[ci]!.statement;
    const test = commands[ci + 1];
    const branches = commands[ci + 2];
    if (test?.statement !== statement || test.after !== '(' || test.argv.length !== 1) return undefined;
    if (branches?.statement !== statement || branches.after !== ')' || commands[ci + 3]?.statement === statement) return undefined;
    const read = test.argv[0]!;
    const b = branches.argv.map((w) => w.raw);
    // One variable in the test and the branch, in any case and braced or not (`$ENV:X`, `${env:X}`; self-review 73).
    const spelled = (raw: string): string => raw.replace(/^\$\{([^}]*)\}$/, '$$$1').toLowerCase();
    if (b.length !== 7 || b[0] !== '{' || spelled(b[1]!) !== spelled(read.raw) || b[2] !== '}' || b[3]!.toLowerCase() !== 'else' || b[4] !== '{' || b[6] !== '}') return undefined;
    // An environment variable only: its value is a string, false when empty as bash's `:-` tests
    // it; another variable may hold a number (`$min = 0` is false: the else branch; self-review 72).
    const variable = /^\$(env:[A-Za-z_]\w*)$/i.exec(spelled(read.raw));
    const fallback = branches.argv[5]!;
    // A quoted string, a variable or a number; a bare word runs a command (`else { Get-Name }`).
    if (!variable || !/^(?:["'$]|[0-9]+$)/.test(fallback.raw)) return undefined;
    const bound = lookup(env, psVariableKey(variable[1]!), true, ctx.runnerOs);
    const chosen = bound !== undefined && (bound.kind !== 'string' || bound.value !== '') ? read : fallback;
    const e = expandWord(chosen, env, ctx);
    return asString(copiedVariableInChain(sliceValue(e), e, 0, chosen), true);
  }

  function psCommandWords(cmd: CiCommand, all: readonly CiWord[], ci: number, closedAfter: ReadonlyMap<string, Value | undefined>[]): void {
    // `{ $x = 'a' }`: the braces around a statement are words of their own.
    let lead = 0;
    while (lead < all.length && all[lead]!.raw === '{') lead++;
    const depthHere = psBlocks.length + lead;
    for (const [wi, w] of all.entries()) {
      for (const brace of bracesOutsideQuotes(w.raw)) {
        if (brace === '{') {
          psBlocks.push({ assigned: [], ...(headerShadowed ? { shadowed: headerShadowed } : {}) });
          headerShadowed = undefined;
        } else {
          // A block left (`}`, `} else {`): what it assigned may or may not have run.
          const left = psBlocks.pop();
          for (const name of left?.assigned ?? []) set(name, unknown(`$${name} is assigned inside a block`));
          if (left?.shadowed) {
            if (wi === 0) restoreVariables(left.shadowed);
            else closedAfter.push(left.shadowed);
          }
        }
      }
    }
    const words = all.slice(lead);
    if (words.length === 0) return;
    const first = words[0]!;
    if (psParamMayGoOn && first.raw.startsWith(',')) psParamList = true;
    psParamMayGoOn = false;
    if (psParamList && !psParameter(cmd, words)) psParamList = false;
    // `param(` (or `param` with `(` on the next line), `function F (`: a parameter list opens.
    if ((words.length === 1 && /^param$/i.test(first.raw)) || (/^(?:function|filter|workflow)$/i.test(first.raw) && cmd.before === '(')) {
      psParamList = true;
      // Only the script's own `param()`, outside any block, takes a caller's named arguments (a function's is its own).
      psScriptParams = /^param$/i.test(first.raw) && depthHere === 0;
      // `function F (`: a header, whose parameters hide the script's in the body that opens next;
      // `function F { param(` on one line is the body's own list (its block is open already).
      psFunctionHeader = !/^param$/i.test(words[words.length - 1]!.raw);
      return;
    }
    if (psParamList) {
      // One parameter (`[string]$Rg,`, `$Rg`, `[Parameter(Mandatory)] [string] $Size = 'x'`): it
      // hides a variable of that name, and a script's takes its caller's named argument.
      // A line of type constraints and attributes only (`[string]`, `[ValidateNotNullOrEmpty()]`'s
      // close): they constrain the parameter on a later line.
      const typesOnly = words.map((w) => typeWord(w.raw));
      if (typesOnly.every((t) => t !== undefined)) {
        psPendingTypes += typesOnly.join('');
        return;
      }
      const pending = psPendingTypes;
      psPendingTypes = '';
      // The leading-comma style (`, [string]$Size = 'x'`): the comma separates it from the one before.
      const one = psParameterDeclaration(words[0]!.raw === ',' && words.length > 1 ? words.slice(1) : words, pending);
      if (one) {
        parameter(one.name, one.typing, one.defaulted ? `$${one.name} is a parameter default or assigned inside parentheses` : `$${one.name} is a parameter`, one.defaultWord);
        if (!words[words.length - 1]!.raw.endsWith(',')) endParamList();
        return;
      }
      // Several on one line (`param([string]$Name, [string]$Size = 'x')`): each is a parameter.
      const several = parametersOnOneLine(words, pending);
      if (several) {
        for (const p of several.params) parameter(p.name, p.typing, `$${p.name} is a parameter`);
        if (!several.continues) endParamList();
        return;
      }
    }
    psAssigns(words);
    // `} else {$size = 'x'}`, `'gpu' {$size = 'x'}` (a switch branch): an assignment after a
    // brace inside the command runs only in that branch: the variable is unknown after it.
    for (let k = 1; k + 2 < words.length; k++) {
      if (words[k]!.raw !== '{' || !POWERSHELL_ASSIGNMENT_OPERATOR.test(words[k + 2]!.raw)) continue;
      const v = PS_BRANCH_VARIABLE.exec(unbraced(words[k + 1]!.raw));
      if (v) set(psVariableKey(v[1]!), unknown(`$${v[1]} is assigned inside a block`));
    }
    // `$x = 'lit'`, `$env:X = 'lit'`, `$Global:x = 'lit'`, `$x='lit'`, `[string]$x = 'lit'`
    const typed = PS_TYPED.exec(first.raw);
    const typedString = typed !== null && /^(?:\[string\])+$/i.test(typed[1]!);
    const m = /^\$((?:(?:env|global|script|local|private):)?[A-Za-z_]\w*)(=(.*))?$/is.exec(unbraced(typed ? typed[2]! : first.raw));
    // `$acr = az acr create …`: the command runs; the variable holds its output (unknown).
    const assignsAz = m !== null && m[2] === undefined && POWERSHELL_ASSIGNMENT_OPERATOR.test(words[1]?.raw ?? '') && words[2]?.text === 'az';
    if (assignsAz) set(psVariableKey(m[1]!), azIdOutput(words.slice(2).map((w) => expandWord(w, env, ctx).text), `$${m[1]} is assigned the output of an az command`));
    // `$n += '2'`, `$n *= 2`: computed from its value; not followed.
    else if (m && m[2] === undefined && words[1] && words[1].raw !== '=' && POWERSHELL_ASSIGNMENT_OPERATOR.test(words[1].raw)) set(psVariableKey(m[1]!), unknown(`$${m[1]} is changed by ${words[1].raw}`));
    else if (m && (m[2] !== undefined || words[1]?.raw === '=')) {
      const name = psVariableKey(m[1]!);
      // A parameter default (`param([string]$Size = 'x')`, `function F ($Size = 'x') {`) or an
      // assignment inside a condition's parentheses: the callers' arguments decide, or whether it runs.
      if (psParamList || (cmd.depth ?? 0) > 0) {
        const inList = psParamList;
        if (psParamList && !words[words.length - 1]!.raw.endsWith(',')) endParamList();
        if (inList) parameter(name, typedString ? 'string' : typed ? 'converted' : 'none', `$${name} is a parameter default or assigned inside parentheses`);
        else set(name, asString(unknown(`$${name} is a parameter default or assigned inside parentheses`), typedString));
        return;
      }
      // Scopes (about_Scopes): `$Local:`/`$Private:` are seen only in the scope that sets them (a
      // function reading `$x` does not see a private `$x`), and a `$Global:`/`$Script:` variable
      // and a plain one of the same name are two variables when the script runs in its own scope
      // (`./x.ps1`), one when it is dot-sourced (a CI inline script): not decided.
      const scope = /^(global|script|local|private):/i.exec(m[1]!)?.[1]!.toLowerCase();
      const lower = name.toLowerCase();
      if (scope === 'local' || scope === 'private') {
        set(name, unknown(`$${m[1]} is visible only in the scope that sets it`));
        return;
      }
      const mixed = scope ? psPlainNames.has(lower) : psScopedNames.has(lower);
      (scope ? psScopedNames : psPlainNames).add(lower);
      if (mixed) {
        set(name, unknown(`$${name} is set both with and without a scope modifier, which may be two variables`));
        return;
      }
      // A type constraint converts what is assigned (`[bool]$x = 'false'` is $true): only
      // `[string]` keeps a string as written.
      if (typed && !/^(?:\[string\])+$/i.test(typed[1]!)) {
        set(name, unknown(`$${name} is converted to the type ${typed[1]}`));
        return;
      }
      const valueWord = m[2] !== undefined ? first : words[2];
      const extra = (m[2] !== undefined ? words.length > 1 : words.length > 3) && !(words.length === (m[2] !== undefined ? 2 : 4) && words[words.length - 1]!.raw === '}');
      // A block opened or closed on the assignment's own line: whether it runs is not followed.
      if (words.some((w) => w.raw === '{' || w.raw === '}')) {
        set(name, unknown(`$${name} is assigned inside a block`));
        return;
      }
      // Inside a block (a function's body too) the value holds for the commands after it in the
      // block (`else { $pool = 'gpu'; az aks nodepool add --name $pool … }`); leaving the block
      // makes it unknown.
      const block = depthHere > 0 ? psBlocks[depthHere - 1] : undefined;
      block?.assigned.push(name);
      // `$acrId = $(az acr show -n NAME --query id -o tsv)`: the lexer splits the subexpression off
      // as the next command; its output is the command's (a registry's id names the registry).
      const next = commands[ci + 1];
      const bareSubexpression = (m[2] !== undefined ? m[3] === '' && words.length === 1 : words.length === 2) && next?.statement === cmd.statement && next.after === '$(' && !joinedAfterSubstitution(commands, ci);
      if (bareSubexpression) {
        set(name, commandOutput(name, next, commands.slice(ci + 2, ci + 2 + MAX_SUBSTITUTION_PARTS), env, ctx));
        return;
      }
      if (!valueWord || extra || (m[2] !== undefined && m[3] === '')) {
        set(name, unknown(`$${name} is assigned an expression`));
        return;
      }
      // Expression mode (about_Parsing): a string is quoted; a bare word runs a command
      // (`$size = Read-Host`, `$rg = Get-ResourceGroupName`), whose output is not known.
      const valueText = m[2] !== undefined ? m[3]! : valueWord.raw;
      const idiom = m[2] === undefined && words.length === 3 && valueText.toLowerCase() === 'if' ? psDefaultIdiom(ci) : undefined;
      if (idiom) {
        set(name, idiom);
        return;
      }
      if (/^[A-Za-z_]/.test(valueText)) {
        set(name, unknown(`$${name} is assigned the output of ${valueText}`));
        return;
      }
      // Not a value as written (review 87: each was read as one): a unary operator (`-join (…)`,
      // `-not $x`; a negative number is a value), a type (`[string]"x"`, `[String]::Concat(…)`),
      // a member of a string (`"x".ToLower()`: text after the closing quote), or a string piped
      // on (`"x" | ForEach-Object {…}`, the pipeline's next command).
      const expression =
        /^-(?!\d)/.test(valueText) ||
        valueText.startsWith('[') ||
        (/^["']/.test(valueText) && !psStringIsWhole(valueText)) ||
        (next?.statement === cmd.statement && next.after === '|');
      if (expression) {
        set(name, unknown(`$${name} is assigned an expression`));
        return;
      }
      const e = expandWord(valueWord, env, ctx);
      const from = m[2] !== undefined ? first.raw.length - m[3]!.length : 0;
      // A quoted string (`"kv-$(Get-Random)"`) or a `[string]` variable is one string, so one
      // argument of a native command however it expands (an array would be several).
      set(name, asString(copiedVariableInChain(sliceValue(e, from), e, from, valueWord), typedString || /^["']/.test(valueText)));
      return;
    }
    // (`. ./vars.ps1` is dot-sourced: run in place above, not a call.)
    if (first.raw !== '.') recordPsCall(words);
    if (PS_MOVES.test(first.text)) changeFolder(first.text, words.slice(1), depthHere > 0, true);
    // A move inside a block on the same line (`try { … } finally { Pop-Location }`, `if ($x) { cd y }`): it may run, to a folder not followed.
    else if (words.some((w, i) => i > 0 && PS_MOVES.test(w.text))) changeFolderTo(UNKNOWN_FOLDER);
    const azAt = words.findIndex((w, i) => w.text === 'az' && powershellProgramAt(words, i));
    if (azAt < 0) return;
    const expanded: ExpandedWord[] = [];
    let verbatim = false;
    for (const w of words.slice(azAt + 1)) {
      if (w.raw === '}') break;
      // `az --% aks …`: PowerShell's stop-parsing token passes the rest of the line as written;
      // it is no argument of az, and a `$x` after it is text, a `%X%` an environment value.
      if (w.raw === '--%') {
        verbatim = true;
        continue;
      }
      const e = unclosed(expandWord(w, env, ctx));
      addSplit(expanded, verbatim && /[$%]/.test(w.raw) ? { ...e, segments: [{ text: '', from: 0, to: w.raw.length, value: unknown(`${w.raw} is passed after --% as written (PowerShell's stop-parsing token)`), unquoted: false }], text: undefined, opaque: false } : e);
    }
    invocations.push({ script, command: cmd, az: words[azAt]!, words: expanded, conditional: depthHere > 0 || (azAt > 0 && !assignsAz), ...unclosedIn(expanded), ...movedTo() });
  }
}

/** A parameter's head in a list: its type constraints, its name, and a default written on to it (`[string]$Size='x'`) or after it. */
const PS_PARAMETER_HEAD = new RegExp(String.raw`^((?:${POWERSHELL_TYPE})*)\$([A-Za-z_]\w*)(,|=.*)?$`, 's');

/** A parameter word after an attribute's `)` (`][string]$Size`): without the attribute's closing `]`. */
function afterAttribute(raw: string): string {
  return raw.startsWith(']') ? raw.slice(1) : raw;
}

/**
 * A word of type constraints and attributes only (`[string]`, `[Parameter(Mandatory)]`; `]` alone,
 * an attribute's close written apart), without the close of an attribute before it; else undefined.
 */
function typeWord(raw: string): string | undefined {
  const w = afterAttribute(raw);
  return w === '' || PS_TYPES_ONLY.test(w) ? w : undefined;
}

/**
 * How a parameter's type constraints treat an argument (attributes, `[Parameter(…)]`,
 * `[ValidateSet(…)]`, constrain nothing): `string` keeps it as written, `converted` turns it into
 * another type, `none` takes it as it is.
 */
type ParameterTyping = 'string' | 'converted' | 'none';

function typingOf(types: string): ParameterTyping {
  const constraints = (types.match(/\[(?:[^[\]]|\[[^[\]]*\])*\]/g) ?? []).filter((t) => !t.includes('('));
  if (constraints.length === 0) return 'none';
  return constraints.every((t) => /^\[(?:System\.)?string\]$/i.test(t)) ? 'string' : 'converted';
}

/** Type constraints and attributes and nothing else (`[string]`, `[Parameter(Mandatory)]` before `$Size`). */
const PS_TYPES_ONLY = new RegExp(String.raw`^(?:${POWERSHELL_TYPE})+$`);

/** `raw[from, to)` of a word as a word of its own (its text the same slice: only a literal's is read). */
function wordSlice(w: CiWord, from: number, to: number): CiWord {
  return { text: w.raw.slice(from, to), raw: w.raw.slice(from, to), range: w.rangeOf(from, to), rangeOf: (a, b) => w.rangeOf(from + a, from + b) };
}

/**
 * The word that writes a parameter's default (`$Size = 'x'`, `$Size='x'`, `$Size = 'x',`): without
 * the `=` and a trailing comma; undefined when there is none, or it is more than one word.
 */
function defaultWordOf(words: readonly CiWord[], k: number): CiWord | undefined {
  const head = words[k]!;
  const eq = head.raw.indexOf('=');
  const w = eq >= 0 ? wordSlice(head, eq + 1, head.raw.length) : words[k + 1]?.raw === '=' ? words[k + 2] : words[k + 1]?.raw.startsWith('=') ? wordSlice(words[k + 1]!, 1, words[k + 1]!.raw.length) : undefined;
  const last = eq >= 0 ? k : words[k + 1]?.raw === '=' ? k + 2 : k + 1;
  if (!w || w.raw === '' || last !== words.length - 1) return undefined;
  return w.raw.endsWith(',') ? wordSlice(w, 0, w.raw.length - 1) : w;
}

/**
 * A command of a parameter list that declares one parameter: its type constraints and attributes
 * joined to it or written apart (`[Parameter(Mandatory)] [string] $Size`; after an attribute's
 * arguments, which end the command before it, `][string]$Size`), its name, and a default after it
 * (`= 'x'`, joined or apart). Undefined for anything else (several parameters, an attribute alone).
 */
function psParameterDeclaration(words: readonly CiWord[], pending = ''): { name: string; typing: ParameterTyping; defaulted: boolean; defaultWord?: CiWord } | undefined {
  let types = pending;
  let k = 0;
  for (; k < words.length - 1; k++) {
    const t = typeWord(words[k]!.raw);
    if (t === undefined) break;
    types += t;
  }
  const m = PS_PARAMETER_HEAD.exec(afterAttribute(words[k]!.raw));
  if (!m) return undefined;
  const joinedDefault = m[3]?.startsWith('=') === true;
  const apartDefault = words[k + 1]?.raw === '=' || words[k + 1]?.raw.startsWith('=') === true;
  if (k + 1 < words.length && !apartDefault) return undefined;
  // A default followed by another parameter (`$Name = 'x', $Size`): several on the line.
  if (apartDefault && words.slice(k + 1, -1).some((w) => w.raw.endsWith(','))) return undefined;
  const defaultWord = joinedDefault || apartDefault ? defaultWordOf(words, k) : undefined;
  return { name: m[2]!, typing: typingOf(types + m[1]!), defaulted: joinedDefault || apartDefault, ...(defaultWord ? { defaultWord } : {}) };
}

/**
 * The parameters of a list command holding several (`[string]$Name, [string]$Size = 'x'`): the
 * words split after each trailing comma, each part starting with a parameter's head; or one
 * followed by the head of the next one's attribute (`][string]$Region, [Parameter`: the
 * attribute's arguments are the next command). `continues`: the list goes on after the command.
 * Undefined when the command is not that (one parameter, or something else).
 */
function parametersOnOneLine(words: readonly CiWord[], pending = ''): { params: { name: string; typing: ParameterTyping }[]; continues: boolean } | undefined {
  const out: { name: string; typing: ParameterTyping }[] = [];
  let start = true;
  let types = pending;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (start) {
      if (k === words.length - 1 && out.length > 0 && PS_ATTRIBUTE_HEAD.test(w.raw)) return { params: out, continues: true };
      // Type constraints and attributes written apart from the name (`[string] $Size`).
      const t = k < words.length - 1 ? typeWord(w.raw) : undefined;
      if (t !== undefined) {
        types += t;
        continue;
      }
      const m = PS_PARAMETER_HEAD.exec(afterAttribute(w.raw));
      if (!m) return undefined;
      out.push({ name: m[2]!, typing: typingOf(types + m[1]!) });
      types = '';
    }
    start = w.raw.endsWith(',');
  }
  return out.length > 1 ? { params: out, continues: words[words.length - 1]!.raw.endsWith(',') } : undefined;
}

/** The start of an attribute whose arguments follow in parentheses (`[Parameter`, `[ValidateSet`). */
const PS_ATTRIBUTE_HEAD = /^\[[A-Za-z_][\w.]*$/;

/**
 * A command of a parameter list: a parameter (`[string]$Size = 'x',`, `$Name,`, `, $Next`) or a
 * piece of an attribute (`[Parameter(Mandatory)]` is `[Parameter`, then `Mandatory` inside
 * parentheses, then `]`; one spanning lines goes on with `HelpMessage = 'x')]` after the `(`
 * of the line before, or with a line ending in a comma).
 */
function psParameter(cmd: CiCommand, words: readonly CiWord[]): boolean {
  return /^[[\]$,]/.test(words[0]!.raw) || (cmd.depth ?? 0) > 0 || cmd.before === ')' || words[words.length - 1]!.raw.endsWith(',');
}

/**
 * The `{` and `}` of a PowerShell word that open and close blocks: none inside quotes (a
 * backtick escapes in double quotes) or in a here-string (`@" … "@`).
 */
function bracesOutsideQuotes(raw: string): string[] {
  if (!raw.includes('{') && !raw.includes('}')) return [];
  if (raw.startsWith('@"') || raw.startsWith("@'")) return [];
  const out: string[] = [];
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      if (c === '`' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '`') i++;
    else if (c === '{' || c === '}') out.push(c);
  }
  return out;
}

/**
 * Word splitting (FORMATS.md §1(e) trap 3): an unquoted expansion whose known value holds
 * spaces (`$workspace_info` = `--resource-group rg --workspace-name ws`) becomes several
 * words, each pointing at the same assignment. Appended to `out` (no list per word).
 */
function addSplit(out: ExpandedWord[], e: ExpandedWord): void {
  const s = e.segments.length === 1 ? e.segments[0]! : undefined;
  if (!s || !s.value || !s.unquoted || s.value.kind !== 'string' || !/\s/.test(s.value.value.trim())) {
    out.push(e);
    return;
  }
  const words = s.value.value.trim().split(/\s+/, MAX_SPLIT_WORDS + 1);
  // More words than any command takes (hostile input: 100,000 words in each of 300 steps): the
  // word is not known, and may be any words.
  if (words.length > MAX_SPLIT_WORDS) {
    out.push({ ...e, segments: [{ ...s, text: '', value: unknown(`the value splits into more than ${MAX_SPLIT_WORDS.toLocaleString('en-US')} words`) }], text: undefined, opaque: true });
    return;
  }
  for (const p of words) {
    out.push({
      ...e,
      segments: [{ ...s, text: p, value: { ...s.value, value: p } as Value }],
      text: p,
    });
  }
}

/**
 * Whether the substitution that follows command `ci` (an assignment `X=$(…)`) has text joined
 * after its `)` (`X=$(cd "$(dirname "$0")" && pwd)/..`): the first command of the same line
 * back at the assignment's depth comes after a `)` and touches it.
 */
function joinedAfterSubstitution(commands: readonly CiCommand[], ci: number): boolean {
  const at = commands[ci]!;
  const depth = at.depth ?? 0;
  for (let k = ci + 1; k < commands.length; k++) {
    const c = commands[k]!;
    if (c.statement !== at.statement) return false;
    if ((c.depth ?? 0) <= depth) return c.after === ')' && c.touchesPrevious === true;
  }
  return false;
}

/** Simple commands a substitution's text is read from (`cd "$(dirname "$0")" &>/dev/null && pwd` is three). */
const MAX_SUBSTITUTION_PARTS = 3;

/**
 * The text of the substitution `sub` starts, as written: the lexer splits an unquoted
 * `$(cd "$(dirname "$0")" && pwd)` into simple commands at its operators, and the ones joined by
 * `&&` or `&` up to the `)` that closes it are one command line (`later`: the commands after
 * `sub`). Only `sub`'s own words when the `)` is not found among them.
 */
function substitutionText(sub: CiCommand, later: readonly CiCommand[]): string {
  const own = sub.argv.map((w) => w.raw).join(' ');
  let text = own;
  let last = sub;
  for (const c of later) {
    if (last.before === ')' || c.statement !== sub.statement || (c.after !== '&&' && c.after !== '&') || last.before !== c.after) break;
    text += `${c.after === '&' ? ' &' : ' && '}${c.argv.map((w) => w.raw).join(' ')}`;
    last = c;
  }
  return last.before === ')' ? text : own;
}

/** Command groups whose `create|show|update -n NAME --query id` output names a resource the frontend can link. */
const ID_GROUPS = new Set(['acr']);
const ID_VERBS = new Set(['create', 'show', 'update']);

/**
 * The value of `X=$(az …)`: unknown, as any command's output. When the command is
 * `az acr create|show|update -n NAME … --query id` with a known NAME, its output is the ARM id of
 * the registry NAME: the value stays unknown (the id's other segments are not known) but carries
 * the token `az-id:acr:NAME`, so a flag that references a registry (`az ml workspace create
 * --container-registry $ACR_ID`) links to the registry the same script creates (FORMATS.md
 * §AML002/003: "registry commands in the same run").
 */
function commandOutput(name: string, sub: CiCommand, later: readonly CiCommand[], env: Env, ctx: ExpansionContext): Value {
  const reason = `$${name} is assigned the output of a command`;
  // `HERE=$(dirname "$0")`: the script's folder (a path built on it names a file beside the script).
  const own = sub.after === undefined || sub.after === '$(' ? scriptDirOutput(substitutionText(sub, later), ctx) : undefined;
  if (own) return own;
  return azIdOutput(
    joinExpressions(sub.argv).map((w) => expandWord(w, env, ctx).text),
    reason,
  );
}

/** The output of the az command `words` (expanded texts, undefined where unknown): unknown, with the `az-id:` token of a registry's `--query id`. */
function azIdOutput(words: readonly (string | undefined)[], reason: string): Value {
  if (words[0] !== 'az' || !ID_GROUPS.has(words[1] ?? '') || !ID_VERBS.has(words[2] ?? '')) return unknown(reason);
  let resourceName: string | undefined;
  let query: string | undefined;
  for (let i = 3; i < words.length; i++) {
    const w = words[i];
    if (w === undefined) return unknown(reason); // an unknown word may be any flag
    const eq = w.startsWith('--') ? w.indexOf('=') : -1;
    const flag = eq > 0 ? w.slice(0, eq) : w;
    const value = eq > 0 ? w.slice(eq + 1) : words[i + 1];
    if (flag === '-n' || flag === '--name') resourceName = value;
    else if (flag === '--query') query = value;
    else continue;
    if (eq < 0) i++;
  }
  if (!resourceName || query !== 'id') return unknown(reason);
  return unknown(reason, undefined, `${ID_TOKEN}${words[1]}:${resourceName}`);
}

/** The token prefix of a `--query id` output (`az-id:<group>:<name>`; `commandOutput`). */
const ID_TOKEN = 'az-id:';

/** The command group and resource name of a value's `az-id:` token (`commandOutput`), if it has one. */
export function idOutputOf(token: string | undefined): { group: string; name: string } | undefined {
  if (token === undefined || !token.startsWith(ID_TOKEN)) return undefined;
  const rest = token.slice(ID_TOKEN.length);
  const colon = rest.indexOf(':');
  return colon > 0 && colon < rest.length - 1 ? { group: rest.slice(0, colon), name: rest.slice(colon + 1) } : undefined;
}

/**
 * The path of a script a word names (`source`, a call): its text when known; for the idioms of
 * "beside this script" (`"$SCRIPT_DIR/x.sh"`, `"$(dirname "$0")/x.sh"`), the file beside the
 * script (absolute); for a path from the CI checkout's folder (`$GITHUB_WORKSPACE/scripts/x.sh`,
 * `${{ github.workspace }}/…`, `$(Build.SourcesDirectory)/…`), that path from the repository's
 * top (`fromCheckout`); else undefined.
 */
function scriptPath(e: ExpandedWord): { path: string; fromCheckout?: true; sourced?: true } | undefined {
  if (e.text !== undefined) return { path: e.text };
  const v = sliceValue(e);
  if (v.kind !== 'unknown') return undefined;
  // The folder of the script the token names (this one's, or the script sourcing it: `$0`; a caller's, exported).
  if (v.token?.startsWith(SCRIPT_DIR_TOKEN)) {
    const beside = besideScriptPath(v);
    return beside ? { path: beside.path } : undefined;
  }
  const top = checkoutPath(v);
  return top === undefined ? undefined : { path: top, fromCheckout: true };
}

/**
 * Whether a PowerShell word that starts with a quote is that one string and nothing after it:
 * not `'Standard_N'+'C6s_v3'`, `'a','b'` (an array) or `"x".ToLower()` (self-review 88). A
 * single-quoted string ends at a `'` not doubled; a double-quoted one at a `"` not doubled nor
 * escaped with a backtick. One with a subexpression (`"kv-$(Get-Random)"`, whose quotes may nest)
 * is taken as whole when it ends with its quote.
 */
function psStringIsWhole(text: string): boolean {
  const q = text[0]!;
  if (q === '"' && text.includes('$(')) return text.length > 1 && text.endsWith(q);
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (q === '"' && c === '`') {
      i++;
      continue;
    }
    if (c !== q) continue;
    if (text[i + 1] === q) {
      i++;
      continue;
    }
    return i === text.length - 1;
  }
  return false;
}
