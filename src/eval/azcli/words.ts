/**
 * Word expansion for the `azure-cli` front end: a shell or PowerShell word as written
 * (`--size=${SIZE:-Standard_NC6s_v3}`, `"$GPU_SIZE"`, `${{ inputs.size }}`, `$(vmSize)`)
 * → its text in segments, each either a literal (with its exact place in the word) or an
 * expansion (the value it expands to, known with its origin, or unknown).
 *
 * What is known (FORMATS.md §1(a) "Variable resolution"): literals; variables assigned a
 * literal earlier (the caller's `Env`); `${X:-lit}`/`${X:=lit}` defaults; CI expressions
 * and Azure Pipelines macros the CI context resolves. Everything else — command
 * substitution, arithmetic, positional parameters, `$[ ]` runtime expressions — is unknown.
 */
import path from 'node:path';
import type { Location } from '../../core/source.js';
import { str, unknown, variableSite, type UnknownValue, type Value } from '../../core/value.js';
import type { CiWord } from '../ci/types.js';
import type { ScriptRun } from './interpret.js';
import type { ScriptFolder } from './folders.js';
import { CHECKOUT_TOP_ENVIRONMENT } from '../../parse/yaml/ci-checkout.js';
import { ansiCQuoted, opensAnsiC, psHereString } from '../../parse/yaml/script.js';

/** A variable binding as expansions read it: a known string with its origin, or unknown. */
export type Env = Map<string, Value>;

/** What a word's expansion needs from outside the script: CI expressions and pipeline macros. */
export interface ExpansionContext {
  /** The file the words are written in. */
  file: string;
  language: 'shell' | 'powershell';
  /** `${{ … }}` (GitHub Actions, Azure Pipelines template expressions), resolved or unknown. */
  expression(expr: string, locate?: (from: number, to: number) => Location | undefined): Value;
  /**
   * The script `$0` names when it is not `file`: a sourced file's `$0` is the script that sources
   * it (bash manual, "Special Parameters"; `BASH_SOURCE` is the file itself).
   */
  program?: string;
  /** Azure Pipelines `$(name)` macro; undefined when the file is not a pipeline (then `$(…)` is command substitution). */
  macro?(name: string): Value;
  /**
   * `source FILE` / `. FILE`: the run of that scanned script with `env` (the variables after it);
   * undefined when FILE is not a scanned script (its variables are then unknown). FILE is read
   * from the folder the script is in: `folder`, where a `cd` moved it (folders.ts), which is
   * also where the sourced file's own relative paths start; `fromCheckout`: FILE is a path from
   * the repository's top (`$GITHUB_WORKSPACE/x.sh`).
   */
  source?(path: string, env: Env, folder?: ScriptFolder, fromCheckout?: boolean, noBranchTexts?: boolean): ScriptRun | undefined;
  /**
   * The script runs where a variable's branch texts (`UnknownValue.texts`) are not read: the file
   * sourcing it changes IFS or declares a nameref (interpret.ts `branchTexts`).
   */
  noBranchTexts?: true;
  /** The operating system of the runner the script runs on, when the CI file says it (`runnerOs`). */
  runnerOs?: RunnerOs;
  /** A call of a shell function was not run with its arguments: the calls of this run passed the work they may take, or nest too deep (function-calls.ts). */
  functionCallsPassed?(at: Location, bound: 'work' | 'depth'): void;
}

/**
 * A runner's operating system, as far as PowerShell's environment variables care: Windows finds
 * `$env:gpu_size` under `GPU_SIZE`, Linux and macOS do not (about_Case-Sensitivity: "non-Windows
 * systems are case-sensitive for … environment variable access").
 */
export type RunnerOs = 'windows' | 'unix';

/**
 * The runner OS a GitHub `runs-on:` (labels joined with spaces) or an Azure Pipelines pool
 * (`vmImage`, else its name) names: `windows-latest`, `vs2017-win2016`, `[self-hosted, windows]`;
 * `ubuntu-latest`, `macos-14`, `linux`. Undefined when it says neither or both (an expression,
 * a self-hosted pool's own name).
 */
export function runnerOsOf(runsOn: string | undefined): RunnerOs | undefined {
  if (runsOn === undefined || runsOn.includes('${{') || runsOn.includes('$(')) return undefined;
  const windows = /windows|(?:^|[^a-z])win\d/i.test(runsOn);
  const unix = /ubuntu|linux|macos|osx/i.test(runsOn);
  return windows === unix ? undefined : windows ? 'windows' : 'unix';
}

/**
 * The shell idioms for "the folder of this script": `dirname "$0"`, `dirname "${BASH_SOURCE[0]}"`,
 * `cd "$(dirname …)" && pwd` (with `--`, `&>/dev/null`, `-P`), `dirname "$(realpath "$0")"`,
 * `dirname "$(readlink -f "$0")"`, `realpath "$(dirname "$0")"`.
 */
const SELF = String.raw`"?\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\}|BASH_SOURCE)"?`;
const DIR_OF_SELF = String.raw`dirname\s+(?:--\s+)?(?:${SELF}|"?\$\(\s*(?:realpath|readlink\s+-f)\s+${SELF}\s*\)"?)`;
const SCRIPT_DIR_IDIOM = new RegExp(
  String.raw`^(?:${DIR_OF_SELF}|realpath\s+"?\$\(\s*${DIR_OF_SELF}\s*\)"?|cd\s+(?:-P\s+)?(?:--\s+)?"?\$\(\s*${DIR_OF_SELF}\s*\)"?\s*(?:(?:&>|>)\s*/dev/null(?:\s+2>&1)?\s*)?&&\s*pwd(?:\s+-P)?)$`,
);

/** Token of the value "this script's folder" (`SCRIPT_DIR_IDIOM`): unknown as text, but a path built on it names a file beside the script. */
export const SCRIPT_DIR_TOKEN = 'script-dir:';

/**
 * The file a value built on the script-folder token names (`"$SCRIPT_DIR/x.sh"`,
 * `"$(dirname "$0")/c.yml"`: the token, then `/…`), absolute, with the script whose folder it is;
 * undefined for any other value.
 */
export function besideScriptPath(v: Value): { script: string; path: string } | undefined {
  if (v.kind !== 'unknown' || !v.token?.startsWith(SCRIPT_DIR_TOKEN)) return undefined;
  const script = v.token.slice(SCRIPT_DIR_TOKEN.length);
  // PowerShell takes `\` as a folder separator too (`"$PSScriptRoot\config.ps1"`).
  const pieces = /\.ps1$/i.test(script) ? v.literals?.map((p) => p.replace(/\\/g, '/')) : v.literals;
  if (pieces?.length !== 2 || pieces[0] !== '' || !pieces[1]!.startsWith('/')) return undefined;
  return { script, path: path.resolve(path.dirname(script), `.${pieces[1]}`) };
}

/**
 * The path from the repository's top a value built on the checkout's folder names
 * (`"$GITHUB_WORKSPACE/scripts/x.sh"` → `scripts/x.sh`; a Windows runner's
 * `$env:GITHUB_WORKSPACE\scripts\x.ps1` too), undefined for any other value.
 */
export function checkoutPath(v: Value): string | undefined {
  if (v.kind !== 'unknown' || v.token !== CHECKOUT_TOKEN || v.literals?.length !== 2 || v.literals[0] !== '') return undefined;
  const rest = v.literals[1]!;
  return /^[\\/][^\\/]/.test(rest) ? rest.slice(1).replace(/\\/g, '/') : undefined;
}

function scriptDirValue(file: string, inner: string): Value {
  return unknown(`command substitution $(${inner.slice(0, 40)}) (the script's folder)`, undefined, `${SCRIPT_DIR_TOKEN}${file}`);
}

/**
 * Bash variables that always expand to a number (bash manual, "Shell Variables"): one word.
 * Only when the script does not assign them.
 */
const NUMERIC_SHELL_VARIABLES: ReadonlySet<string> = new Set(['RANDOM', 'SRANDOM', 'SECONDS', 'EPOCHSECONDS', 'PPID', 'BASHPID', 'UID', 'EUID', 'LINENO']);

/**
 * GitHub expression contexts that are always a number or a boolean (docs.github.com, "Contexts
 * reference": `github.run_id`, `run_number`, `run_attempt` are "a unique number",
 * `strategy.job-index`/`job-total`/`max-parallel` numbers, `strategy.fail-fast` a boolean):
 * unknown, but one word where written unquoted (`-n gpu${{ strategy.job-index }}` carries no flag).
 */
export const ONE_WORD_GITHUB_CONTEXTS: ReadonlySet<string> = new Set(['github.run_id', 'github.run_number', 'github.run_attempt', 'strategy.job-index', 'strategy.job-total', 'strategy.max-parallel', 'strategy.fail-fast']);

export function oneWord(v: UnknownValue): UnknownValue {
  return { ...v, oneWord: true };
}

/**
 * Token of the value "the repository's folder on the CI runner" (`$GITHUB_WORKSPACE`,
 * `${{ github.workspace }}`, `$(Build.SourcesDirectory)`; model/facts/ci-checkout.ts): unknown as
 * text, but a path built on it names a file from the repository's top (a script a step runs).
 */
export const CHECKOUT_TOKEN = 'checkout-top';

/** Whether a variable the script does not assign is one the CI system sets to the checkout's folder (PowerShell's `$env:X` ignores case). */
function isCheckoutVariable(name: string, ps: boolean): boolean {
  if (!ps) return CHECKOUT_TOP_ENVIRONMENT.has(name);
  return isPsEnvironmentKey(name) && CHECKOUT_TOP_ENVIRONMENT.has(name.slice(4).toUpperCase());
}

/**
 * GitHub's folder of the composite action a step runs in (`$GITHUB_ACTION_PATH`, `${{ github.action_path }}`:
 * "the path where an action is located", GitHub's variables reference): in an `action.yml`'s
 * script, the folder of that file (a path built on it names a file beside the action).
 */
export const ACTION_PATH_VARIABLE = 'GITHUB_ACTION_PATH';

/** Whether `file` is a GitHub action's metadata file (`action.yml`, `action.yaml`). */
export function isActionFile(file: string): boolean {
  return /(?:^|[\\/])action\.ya?ml$/i.test(file);
}

/**
 * The token of a variable that holds a folder, for a script of `file`: the checkout's (set by the
 * CI system), the action's, or PowerShell's `$PSScriptRoot` in a `.ps1` file ("the full path of
 * the parent directory of the executing script", about_Automatic_Variables; a dot-sourced file's
 * own folder; an inline step's is the runner's temporary folder: not known).
 */
function folderToken(name: string, ps: boolean, file: string): string | undefined {
  if (isCheckoutVariable(name, ps)) return CHECKOUT_TOKEN;
  if (ps && name.toLowerCase() === 'psscriptroot' && /\.ps1$/i.test(file)) return `${SCRIPT_DIR_TOKEN}${file}`;
  const bare = ps ? (isPsEnvironmentKey(name) ? name.slice(4).toUpperCase() : undefined) : name;
  return bare === ACTION_PATH_VARIABLE && isActionFile(file) ? `${SCRIPT_DIR_TOKEN}${file}` : undefined;
}

/** A variable the script does not assign: unknown (one word for bash's numeric variables and PowerShell's environment variables). */
function unassigned(name: string, ps: boolean, file: string): UnknownValue {
  const v = unknown(`$${name} is not assigned a literal in this script`, undefined, folderToken(name, ps, file));
  return (!ps && NUMERIC_SHELL_VARIABLES.has(name)) || (ps && isPsEnvironmentKey(name)) ? oneWord(v) : v;
}

/** A PowerShell variable's binding: an environment variable's unknown value is still one string, one argument (an array variable may be several). */
function psBinding(v: Value | undefined, name: string): Value | undefined {
  return v?.kind === 'unknown' && isPsEnvironmentKey(name) && !v.oneWord ? oneWord(v) : v;
}

/** Whether a PowerShell variable key (`psVariableKey`) names an environment variable (`env:X`). */
export function isPsEnvironmentKey(name: string): boolean {
  return name.length > 4 && name.slice(0, 4).toLowerCase() === 'env:';
}

/** The value of `X=$(dirname "$0")` (a command written as `text`): the script's folder, else undefined. */
export function scriptDirOutput(text: string, ctx: Pick<ExpansionContext, 'file' | 'language' | 'program'>): Value | undefined {
  if (ctx.language !== 'shell') return undefined;
  const t = text.trim();
  if (!SCRIPT_DIR_IDIOM.test(t)) return undefined;
  // `$0` is the script that runs (a sourced file's is the script sourcing it); BASH_SOURCE the file the text is in.
  const self = t.includes('BASH_SOURCE') ? ctx.file : (ctx.program ?? ctx.file);
  // A CI step's inline script runs from a file the runner writes in a temporary folder, not from the YAML's folder.
  return /\.ya?ml$/i.test(self) ? undefined : scriptDirValue(self, text);
}

export interface Segment {
  text: string;
  /** Raw indices in the word, end exclusive (quotes excluded for literals). */
  from: number;
  to: number;
  /** For an expansion: its value (a string with its origin, or unknown); undefined for a literal. */
  value?: Value;
  /** The variable an expansion read (`SIZE`), for the value's chain. */
  variable?: string;
  /** …as written, when not `$SIZE` (an Azure Pipelines macro `$(gpuSize)`). */
  written?: string;
  /** The expansion was not inside double quotes (it is split into words by the shell). */
  unquoted?: boolean;
}

export interface ExpandedWord {
  file: string;
  word: CiWord;
  segments: Segment[];
  /** The expanded text when every segment is known. */
  text?: string;
  /** An unquoted expansion whose value is unknown: it may expand to any words, flags included. */
  opaque: boolean;
  /** Why an opaque word may be any words, when its own word does not say it (a bash array's words a branch may add: shell-arrays.ts). */
  why?: string;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
/**
 * A PowerShell variable reference's drive or scope prefix: `$env:X`, `$Global:x`, `$Script:x`,
 * `$Local:x`, `$Private:x`, `$Using:x`. `$Global:x`/`$Script:x` name the variable `$x` reads when
 * the script is dot-sourced (a CI inline script) and no plain `$x` is set (about_Scopes; the
 * interpreter makes a name set both ways unknown); `$Local:`/`$Private:` depend on the scope and
 * are not followed. `env:` is kept as one namespace with them here.
 */
const PS_PREFIXES = 'env|global|script|local|private|using';
export const PS_SCOPE = new RegExp(`^(?:${PS_PREFIXES}):`, 'i');

/**
 * The key of a PowerShell variable reference in the interpreter's variables: `$env:X` reads the
 * process environment (the step's variables, what `$env:X = …` set), a namespace of its own,
 * kept as `env:X`; `$X` is a PowerShell variable, which an environment variable of that name
 * does not set (about_Environment_Variables); the scope modifiers (`$Global:x`, `$Script:x`, …)
 * name the variable `x`.
 */
export function psVariableKey(ref: string): string {
  if (/^env:/i.test(ref)) return `env:${ref.slice(4)}`;
  return ref.replace(PS_SCOPE, '');
}

/** The environment variable `name` of a PowerShell script (`psVariableKey`). */
export function psEnvironmentKey(name: string): string {
  return `env:${name}`;
}
const PS_NAME = new RegExp(`(?:(?:${PS_PREFIXES}):)?[A-Za-z_][A-Za-z0-9_]*`, 'iy');
/** A PowerShell braced variable (`${env:X}`, `${x}`): its name with any prefix (no operators: `${x:-y}` is no PowerShell default). */
const PS_BRACED = new RegExp(`^((?:(?:${PS_PREFIXES}):)?[A-Za-z_][A-Za-z0-9_]*)()()$`, 'i');

/** The index of the `close` that balances the `open` at `i` (quotes not considered); -1 when none. */
function balanced(raw: string, i: number, open: string, close: string): number {
  let depth = 0;
  for (let j = i; j < raw.length; j++) {
    if (raw[j] === open) depth++;
    else if (raw[j] === close && --depth === 0) return j;
  }
  return -1;
}

/**
 * The binding of every variable the script has not assigned since a statement that may have
 * assigned any variable (`source`, `eval`, `export $(…)`, PowerShell dot-sourcing,
 * `Invoke-Expression`): unknown. Not a valid variable name, so it never collides.
 */
export const ANY_VARIABLE = '*';

export function lookup(env: Env, name: string, ps: boolean, os?: RunnerOs): Value | undefined {
  if (!ps) return env.get(name) ?? env.get(ANY_VARIABLE);
  return lookupPowerShell(env, name, os) ?? env.get(ANY_VARIABLE);
}

/**
 * A PowerShell variable's binding (`psVariableKey`), without the any-variable fallback: in any
 * case, except an environment variable set only in another case, which is found on a Windows
 * runner and unknown elsewhere (on Linux and macOS `$env:gpu_size` is not `GPU_SIZE`: unset there;
 * review 74).
 */
export function lookupPowerShell(env: Env, key: string, os: RunnerOs | undefined): Value | undefined {
  if (!isPsEnvironmentKey(key)) return lookupAnyCase(env, key);
  const exact = env.get(key);
  if (exact !== undefined || os === 'windows') return exact ?? lookupAnyCase(env, key);
  const spelled = spellingsOf(env, key)[0];
  if (spelled === undefined) return undefined;
  const where = os === 'unix' ? 'this job runs on Linux or macOS' : 'the runner may be Linux or macOS';
  return oneWord(unknown(`$${key} is set only as $${spelled}, and ${where}, where PowerShell's environment variable names keep their case`));
}

/**
 * A PowerShell script's variables: names ignore case (about_Variables), so a name is found by its
 * lower case, first spelling set first (as a scan of the map in order finds it). The spellings of
 * each name are indexed as they are set: a scan of every variable per read made a script of
 * 20,000 assignments quadratic (a minute; review 69).
 */
export class CaseFoldedEnv extends Map<string, Value> {
  private readonly spellings = new Map<string, string[]>();
  constructor(entries?: Iterable<readonly [string, Value]>) {
    // (Not passed to Map's constructor: it would call set before `spellings` exists.)
    super();
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }
  override set(key: string, value: Value): this {
    if (!this.has(key)) {
      const lower = key.toLowerCase();
      const list = this.spellings.get(lower);
      if (list) list.push(key);
      else this.spellings.set(lower, [key]);
    }
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    if (!super.delete(key)) return false;
    const lower = key.toLowerCase();
    const list = this.spellings.get(lower)!;
    list.splice(list.indexOf(key), 1);
    if (list.length === 0) this.spellings.delete(lower);
    return true;
  }
  override clear(): void {
    super.clear();
    this.spellings.clear();
  }
  /** The spellings of a lower-case name that are set, first set first. */
  spellingsOf(lower: string): readonly string[] {
    return this.spellings.get(lower) ?? [];
  }
}

/** The binding of `name` in any case (a PowerShell name), without the any-variable fallback. */
export function lookupAnyCase(env: Env, name: string): Value | undefined {
  const lower = name.toLowerCase();
  if (env instanceof CaseFoldedEnv) {
    const key = env.spellingsOf(lower)[0];
    return key === undefined ? undefined : env.get(key);
  }
  for (const [k, v] of env) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The spellings of `name` (any case) that are set, first set first. */
export function spellingsOf(env: Env, name: string): string[] {
  const lower = name.toLowerCase();
  return env instanceof CaseFoldedEnv ? [...env.spellingsOf(lower)] : [...env.keys()].filter((k) => k.toLowerCase() === lower);
}

/**
 * Expands one word. `onAssign` receives `${X:=lit}` assignments. The word's literal parts
 * are located through `word.rangeOf`.
 */
/** The characters that make a word more than one literal: quotes, the escape, `$`, a shell backtick. */
const SPECIAL = { shell: /[$'"\\`]/, powershell: /[$'"`]/ };

/**
 * An Azure Pipelines template expression's value that holds macros (`default: $(aml_workspace)`
 * passed to `${{ parameters.ws }}`): the text is put in at compile time and its macros are
 * expanded at run time, as if written in the script. Each `$(name)` is the variable's value;
 * any other (`$[ … ]`, an unknown variable) makes the whole value unknown.
 */
function withMacros(v: Value, expr: string, ctx: ExpansionContext): Value {
  if (!ctx.macro || v.kind !== 'string' || !/\$[([]/.test(v.value)) return v;
  const atRunTime = (what: string, reason?: string): Value =>
    unknown(`\${{ ${expr.slice(0, 40)} }} is "${v.value.slice(0, 60)}", whose ${what} is expanded at run time${reason ? ` (${reason})` : ''}`, v.origin);
  const whole = /^\$\(([A-Za-z_][\w.]*)\)$/.exec(v.value);
  if (whole) {
    // One macro and nothing else: the variable's value, written where the variable is (the
    // parameter that passed it on is a step of its flow).
    const m = ctx.macro(whole[1]!);
    if (m.kind !== 'string') return atRunTime(`macro ${v.value}`, m.kind === 'unknown' ? m.reason : undefined);
    if (!v.origin) return m;
    // The variable's name and the parameter's (`size: $(gpuSize)`) both join the chain (GPU001
    // reads `gpu` in the names a size flowed through), as an unquoted `$(gpuSize)` gives its own.
    const name = whole[1]!;
    const variable = variableSite(m.origin ?? v.origin, name, `$(${name})`);
    return { ...m, via: [...(m.via ?? []), variable, ...(v.via ?? []), { ...v.origin, label: `\${{ ${expr.slice(0, 40)} }}` }] };
  }
  let out = '';
  let last = 0;
  for (const m of v.value.matchAll(/\$[([]/g)) {
    const macro = /^\$\(([A-Za-z_][\w.]*)\)/.exec(v.value.slice(m.index));
    // `$[ … ]`, `$((1+2))`, `$(echo $(x))`: not a macro this reading expands.
    if (!macro) return atRunTime(m[0] === '$[' ? 'runtime expression' : `text ${v.value.slice(m.index, m.index + 20)}`);
    const value = ctx.macro(macro[1]!);
    if (value.kind !== 'string') return atRunTime(`macro ${macro[0]}`, value.kind === 'unknown' ? value.reason : undefined);
    out += v.value.slice(last, m.index) + value.value;
    last = m.index + macro[0].length;
  }
  return { ...v, value: out + v.value.slice(last) };
}

export function expandWord(word: CiWord, env: Env, ctx: ExpansionContext, onAssign?: (name: string, v: Value) => void, depth = 0): ExpandedWord {
  const raw = word.raw;
  // Most words (`az`, `--name`, `westeurope`) are one literal as written: the segment the
  // loop below would build character by character.
  const ps = ctx.language === 'powershell';
  // PowerShell splatting (`@params`, about_Splatting: "array splatting to pass values to native
  // commands") and an array subexpression `@(…)`: any number of arguments, flags among them.
  // A lone `@`: the script lexer splits `@(…)` at the parenthesis, which is an operator to it.
  if (ps && /^@(?:[A-Za-z_({]|$)/.test(raw)) {
    const value = unknown(`PowerShell splatting ${raw.slice(0, 40)}`);
    return { file: ctx.file, word, segments: [{ text: '', from: 0, to: raw.length, value, unquoted: true }], opaque: true };
  }
  if (raw.length > 0 && !SPECIAL[ctx.language].test(raw)) return { file: ctx.file, word, segments: [{ text: raw, from: 0, to: raw.length }], opaque: false, text: raw };
  const esc = ps ? '`' : '\\';
  const segs: Segment[] = [];
  let quote: '' | '"' | "'" = '';
  let opaque = false;
  const lit = (text: string, from: number, to: number): void => {
    const last = segs[segs.length - 1];
    if (last && !last.value && last.to === from) {
      last.text += text;
      last.to = to;
    } else segs.push({ text, from, to });
  };
  // PowerShell never splits a value into words: an unknown variable inside a larger argument
  // (`--name=$kv`, `"$rg"`) is one argument ("each value is treated as an expandable string",
  // about_Parsing). Only a word that is nothing but one expansion may pass an array, whose
  // elements become separate arguments of a native command.
  const wholeWordExpansion = (from: number, to: number): boolean => from === 0 && to === raw.length;
  const expansion = (value: Value, from: number, to: number, variable?: string, severalWords = false, written?: string): void => {
    const v = value.kind === 'string' || value.kind === 'unknown' ? value : str(String((value as { value?: unknown }).value ?? ''), value.origin);
    const seg: Segment = { text: v.kind === 'string' ? v.value : '', from, to, value: v, unquoted: quote === '' };
    if (variable) seg.variable = variable;
    if (variable && written) seg.written = written;
    segs.push(seg);
    if (severalWords) opaque = true;
    else if (v.kind === 'unknown' && quote === '' && !v.oneWord && (!ps || wholeWordExpansion(from, to))) opaque = true;
  };

  /** `${{ expr }}` at `i`, which the CI system substitutes before the shell runs (in single quotes too): the index after it. */
  const ciExpression = (at: number): number => {
    const close = raw.indexOf('}}', at + 3);
    const end = close < 0 ? raw.length : close + 2;
    const inner = raw.slice(at + 3, close < 0 ? raw.length : close);
    const expr = inner.trim();
    // Offsets in the expression's text, to where they are written (a literal an operator chooses).
    const start = at + 3 + (inner.length - inner.trimStart().length);
    const v = withMacros(ctx.expression(expr, (a, b) => locOf(ctx.file, word, start + a, start + b)), expr, ctx);
    // A text the expression makes of its own literals (`${{ inputs.off || 'true' }}`) is written here.
    expansion(v.kind === 'string' && !v.origin ? str(v.value, locOf(ctx.file, word, at, end)) : v, at, end);
    return end;
  };

  /** An Azure Pipelines macro `$(name)` at `at` (a pipeline's script only): expanded; the index after it, else -1. */
  const pipelineMacro = (at: number): number => {
    if (!ctx.macro) return -1;
    const close = raw.indexOf(')', at + 2);
    const name = close < 0 ? '' : raw.slice(at + 2, close);
    if (!/^[A-Za-z_][\w.]*$/.test(name)) return -1;
    expansion(ctx.macro(name), at, close + 1, name, false, `$(${name})`);
    return close + 1;
  };

  let i = 0;
  let stop = raw.length;
  // A PowerShell here-string as the whole word: its lines, `"` in them literal (`@'…'@`: no expansion either).
  const here = ps ? psHereString(raw, 0) : -1;
  const hereDouble = here !== -1 && here.end === raw.length && raw[1] === '"';
  if (here !== -1 && here.end === raw.length) {
    if (!hereDouble) return { file: ctx.file, word, segments: [{ text: raw.slice(here.content[0], here.content[1]), from: 0, to: raw.length }], opaque: false, text: raw.slice(here.content[0], here.content[1]) };
    [i, stop] = here.content;
    quote = '"';
  }
  while (i < stop) {
    const c = raw[i]!;
    if (quote === "'") {
      // What the CI system puts in before the shell reads the script is there inside single
      // quotes as well (FORMATS.md §1(e)): `${{ … }}`, and an Azure Pipelines `$(var)` macro.
      if (c === '$' && raw[i + 1] === '{' && raw[i + 2] === '{') {
        i = ciExpression(i);
        continue;
      }
      if (c === '$' && raw[i + 1] === '(') {
        const end = pipelineMacro(i);
        if (end >= 0) {
          i = end;
          continue;
        }
      }
      if (c === "'") {
        if (ps && raw[i + 1] === "'") {
          lit("'", i, i + 2);
          i += 2;
          continue;
        }
        quote = '';
        i++;
        continue;
      }
      lit(c, i, i + 1);
      i++;
      continue;
    }
    // Bash `$'…'`: its escapes decoded, one literal (`$'it\'s'` is `it's`).
    if (!ps && quote === '' && c === '$' && opensAnsiC(raw, i + 1)) {
      const q = ansiCQuoted(raw, i + 1);
      const end = q.end < 0 ? raw.length : q.end;
      lit(q.text, i, end);
      i = end;
      continue;
    }
    if (quote === '' && (c === "'" || c === '"')) {
      quote = c;
      i++;
      continue;
    }
    if (quote === '"' && c === '"' && hereDouble) {
      lit(c, i, i + 1);
      i++;
      continue;
    }
    if (quote === '"' && c === '"') {
      quote = '';
      i++;
      continue;
    }
    if (c === esc && i + 1 < raw.length) {
      lit(raw[i + 1]!, i + 1, i + 2);
      i += 2;
      continue;
    }
    if (!ps && c === '`') {
      const close = raw.indexOf('`', i + 1);
      const end = close < 0 ? raw.length : close + 1;
      expansion(unknown('command substitution'), i, end);
      i = end;
      continue;
    }
    if (c !== '$' || i + 1 >= raw.length) {
      lit(c, i, i + 1);
      i++;
      continue;
    }
    const n1 = raw[i + 1]!;
    // ${{ expr }}: substituted by the CI system before the shell runs.
    if (n1 === '{' && raw[i + 2] === '{') {
      i = ciExpression(i);
      continue;
    }
    if (n1 === '[') {
      const close = balanced(raw, i + 1, '[', ']');
      const end = close < 0 ? raw.length : close + 1;
      expansion(unknown('Azure Pipelines runtime expression $[ ]'), i, end);
      i = end;
      continue;
    }
    if (n1 === '(') {
      const macroEnd = pipelineMacro(i);
      if (macroEnd >= 0) {
        i = macroEnd;
        continue;
      }
      const close = balanced(raw, i + 1, '(', ')');
      const end = close < 0 ? raw.length : close + 1;
      const inner = raw.slice(i + 2, close < 0 ? raw.length : close);
      const own = scriptDirOutput(inner, ctx);
      if (own) expansion(own, i, end);
      else if (inner.startsWith('(') && !ps) expansion(oneWord(unknown('arithmetic expansion')), i, end);
      else expansion(unknown(inner.startsWith('(') ? 'arithmetic expansion' : `command substitution $(${inner.slice(0, 40)})`), i, end);
      i = end;
      continue;
    }
    if (n1 === '{') {
      const close = balanced(raw, i + 1, '{', '}');
      const end = close < 0 ? raw.length : close + 1;
      const inner = raw.slice(i + 2, close < 0 ? raw.length : close);
      // A positional parameter with a default (`${1:-Standard_NC6}`, the script's first argument)
      // is a default as `${NAME:-lit}` is (`=` cannot assign one: bash refuses it).
      const m = ps ? PS_BRACED.exec(inner) : (/^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])(.*))?$/s.exec(inner) ?? /^([0-9]+)(?:(:?-)(.*))?$/s.exec(inner));
      if (!m) {
        // `"${args[@]}"`: every element of the array is a word of its own, quoted or not (bash manual, "Arrays").
        expansion(unknown(`parameter expansion \${${inner.slice(0, 40)}}`), i, end, undefined, !ps && /^(?:!?[A-Za-z_]\w*\[@\]|@(?![A-Za-z_]))/.test(inner));
        i = end;
        continue;
      }
      const name = ps ? psVariableKey(m[1]!) : m[1]!;
      const bound = ps ? psBinding(lookup(env, name, ps, ctx.runnerOs), name) : lookup(env, name, ps);
      const op = m[2];
      if (op && !ps) {
        // ${X:-lit} / ${X:=lit}: the default is known when X is not set in the script.
        const defFrom = i + 2 + name.length + op.length;
        const defTo = end - 1;
        const setNonEmpty = bound !== undefined && (bound.kind !== 'string' || bound.value !== '' || !op.startsWith(':'));
        if (setNonEmpty) expansion(bound, i, end, name);
        else {
          const defText = m[3] ?? '';
          // Inside double quotes a default's single quotes are text (`"${A:-'true'}"` is `'true'`, quotes
          // included: bash manual, "Double Quotes"); read as the double-quoted text it is.
          const inner2 = quote === '"' && defText.includes("'") && !defText.includes('"') ? expandText(`"${defText}"`, env, ctx, depth + 1, word, defFrom - 1) : expandText(defText, env, ctx, depth + 1, word, defFrom);
          const v = inner2 ?? str(defText, locOf(ctx.file, word, defFrom, defTo));
          expansion(v, i, end, name);
          if (op.endsWith('=') && onAssign) onAssign(name, v);
        }
        i = end;
        continue;
      }
      expansion(bound ?? unassigned(name, ps, ctx.file), i, end, name);
      i = end;
      continue;
    }
    const re = ps ? PS_NAME : NAME;
    re.lastIndex = i + 1;
    const m = re.exec(raw);
    if (m) {
      const name = ps ? psVariableKey(m[0]) : m[0];
      const end = i + 1 + m[0].length;
      // `$Local:x`/`$Private:x` read the variable of the scope the read is in (a function's own): not followed.
      if (ps && /^(?:local|private):/i.test(m[0])) expansion(unknown(`$${m[0]} reads the variable of the scope it is in`), i, end, name);
      // `$true`/`$false` are PowerShell constants (they cannot be assigned); passed to a native
      // command such as az they are the text `True`/`False` (the az CLI reads booleans in any case).
      else if (ps && /^(?:true|false)$/i.test(m[0])) expansion(str(m[0].toLowerCase() === 'true' ? 'True' : 'False', locOf(ctx.file, word, i, end)), i, end);
      // Unquoted, `$pool.ToLower()` and `$size.Length` are member expressions PowerShell evaluates
      // (about_Parsing: a `$` starts an expression in argument mode); inside double quotes only
      // `$pool` expands and `.ToLower()` is text. Not evaluated: the rest of the word is unknown.
      else if (ps && quote === '' && raw[end] === '.' && /[A-Za-z_]/.test(raw[end + 1] ?? '')) {
        expansion(unknown(`$${m[0]}${raw.slice(end, end + 40)} is a PowerShell member expression, evaluated at run time`), i, raw.length);
        i = raw.length;
        continue;
      } else expansion((ps ? psBinding(lookup(env, name, ps, ctx.runnerOs), name) : lookup(env, name, ps)) ?? unassigned(name, ps, ctx.file), i, end, name);
      i = end;
      continue;
    }
    // `$1`: the argument a scanned caller passes (interpret.ts binds them where they stay put).
    if (!ps && /[1-9]/.test(n1) && env.has(n1)) {
      expansion(env.get(n1)!, i, i + 2, n1);
      i += 2;
      continue;
    }
    if (/[0-9@*#?$!-]/.test(n1)) {
      const special = unknown(`special parameter $${n1}`);
      // `"$@"` is `"$1" "$2" …` (bash manual, "Special Parameters"): several words even in double quotes.
      expansion(!ps && /[#?$!]/.test(n1) ? oneWord(special) : special, i, i + 2, undefined, !ps && n1 === '@');
      i += 2;
      continue;
    }
    lit(c, i, i + 1);
    i++;
  }
  const allKnown = segs.every((s) => !s.value || s.value.kind === 'string');
  // A value that doubles on each line (`X2="$X1 $X1"`, hostile input) would reach gigabytes:
  // past MAX_EXPANDED_CHARS the word is not known (one unknown part, split as its parts were).
  let chars = 0;
  for (const sg of segs) chars += sg.text.length;
  if (chars > MAX_EXPANDED_CHARS) {
    return { file: ctx.file, word, segments: [{ text: '', from: 0, to: raw.length, value: tooLongToRead(), unquoted: segs.some((sg) => sg.unquoted) }], opaque };
  }
  const out: ExpandedWord = { file: ctx.file, word, segments: segs, opaque };
  if (allKnown) out.text = segs.map((s) => s.text).join('');
  return out;
}

/** The longest text a shell word (or an Azure Pipelines variable) expands to that is read: scripts pass names and flags, not megabytes. */
export const MAX_EXPANDED_CHARS = 1_000_000;

/** The value of a text past MAX_EXPANDED_CHARS: not read, so not known. */
export function tooLongToRead(): Value {
  return unknown(`the expanded value is longer than ${MAX_EXPANDED_CHARS.toLocaleString('en-US')} characters`);
}

function locOf(file: string, word: CiWord, from: number, to: number): Location {
  return { file, range: word.rangeOf(from, to) };
}

/** A default's text that itself holds expansions (`${X:-$Y}`): expanded when every part is known, unknown otherwise; undefined for plain text. */
function expandText(text: string, env: Env, ctx: ExpansionContext, depth: number, within: CiWord, at: number): Value | undefined {
  // Plain text is the default as written; quotes and escapes are removed as the shell does (`${ARGS:-"-auto-approve"}`).
  if (!/[$`'"\\]/.test(text)) return undefined;
  // Defaults nested in defaults (`${A:-${B:-…}}`): a few levels are real code; more is hostile input.
  if (depth > 8) return unknown('defaults nested too deeply');
  // The default's text as a word of its own, its places those of the word it is written in (review 56: a nested default's literal was located at 1:1).
  const fake: CiWord = { text, raw: text, range: within.rangeOf(at, at + text.length), rangeOf: (from, to) => within.rangeOf(at + from, at + to) };
  const e = expandWord(fake, env, ctx, undefined, depth);
  const vs = e.segments.filter((s) => s.value);
  if (e.text === undefined) return unknown('default built from an unknown value');
  if (vs.length === 1 && e.segments.length === 1) return vs[0]!.value;
  // Only text, quoted or escaped: the text, where the default is written.
  if (vs.length === 0) return str(e.text, { file: ctx.file, range: fake.range });
  return unknown('default built from several values');
}

/**
 * The value of the expanded text from character `from` of the word's *raw* text on (the
 * value part of `--size=…` starts after the `=`): the variable's own value (origin at its
 * assignment) when exactly one expansion makes it up; a literal located in the word; a
 * known mix located at the word; else unknown.
 */
export function sliceValue(e: ExpandedWord, from = 0): Value {
  const segs = e.segments.filter((s) => s.to > from);
  if (segs.length === 0) return str('', locOf(e.file, e.word, from, from));
  const unknownSeg = segs.find((s) => s.value?.kind === 'unknown');
  if (unknownSeg) {
    if (segs.length === 1) return unknownSeg.value!;
    const out: UnknownValue = { ...(unknownSeg.value as UnknownValue) };
    // (The texts are the variable's, not this word's.)
    delete out.texts;
    const pieces = literalPieces(segs, from);
    if (pieces) out.literals = pieces;
    else delete out.literals;
    // `"kv${RANDOM}"`: one word when every unknown part is and the known text has no blank or glob character.
    const whole = segs.every((s) => (s.value?.kind === 'unknown' ? s.value.oneWord === true : !/[\s*?[]/.test(s.text)));
    if (whole) out.oneWord = true;
    else delete out.oneWord;
    return out;
  }
  if (segs.length === 1 && segs[0]!.value) return segs[0]!.value;
  const text = segs.map((s) => (s.value ? s.text : s.from < from ? s.text.slice(from - s.from) : s.text)).join('');
  const a = Math.max(segs[0]!.from, from);
  const b = segs[segs.length - 1]!.to;
  return str(text, locOf(e.file, e.word, a, b));
}

/**
 * Known pieces beyond this many (or past MAX_EXPANDED_CHARS in all) are not kept: a value built
 * from unknown values that doubles on each line (`X2="$X1 $X1"` after one was too long to read)
 * doubles its pieces too, and 50 such lines took 4 GB and crashed the process (review 66).
 * Real words have a handful.
 */
const MAX_LITERAL_PIECES = 64;

/**
 * The known text pieces of a partly unknown slice, split at its unknown expansions
 * (`UnknownValue.literals`). An unknown expansion's own pieces are kept in place
 * (`ROOT="$SCRIPT_DIR/.."`, then `"$ROOT/c.yml"`: `['', '/../c.yml']`, not `['', '/c.yml']`).
 * Undefined past MAX_LITERAL_PIECES: the value is then wholly unknown.
 */
function literalPieces(segs: readonly Segment[], from: number): string[] | undefined {
  const out = [''];
  let chars = 0;
  for (const s of segs) {
    if (s.value?.kind === 'unknown') {
      const own = s.value.literals ?? ['', ''];
      if (out.length + own.length > MAX_LITERAL_PIECES + 1) return undefined;
      out[out.length - 1] += own[0] ?? '';
      for (let k = 1; k < own.length; k++) out.push(own[k]!);
      for (const p of own) chars += p.length;
    } else {
      const text = !s.value && s.from < from ? s.text.slice(from - s.from) : s.text;
      out[out.length - 1] += text;
      chars += text.length;
    }
    if (chars > MAX_EXPANDED_CHARS) return undefined;
  }
  return out;
}

/** The one variable an expansion from `from` on is: its name, and the name as written (`$SIZE`, `$env:SIZE`, `$(size)`) for the chain's label. */
export interface VariableUse {
  name: string;
  written: string;
}

/** The variable a slice comes from, when one expansion makes it up. */
export function sliceVariable(e: ExpandedWord, from = 0): VariableUse | undefined {
  const segs = e.segments.filter((s) => s.to > from);
  const name = segs.length === 1 ? segs[0]!.variable : undefined;
  return name === undefined ? undefined : { name, written: segs[0]!.written ?? `$${name}` };
}
