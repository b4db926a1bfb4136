/**
 * CI documents: GitHub Actions workflows and composite actions, Azure Pipelines (templates
 * included) and shell/PowerShell scripts, parsed into a positioned view for the CI rules
 * (CI001–CI005) and the generic suppression code.
 *
 * Every range is exact (1-based line, UTF-16 column, exclusive end, see model/source.ts).
 * A broken YAML file never throws: it yields `errors` (and whatever structure could still
 * be read).
 *
 * Two readings, one structure reader: the `yaml` library's nodes, or (the front end's reading,
 * without the views) the fast YAML reader's trees when it takes the text (issue 15); the
 * readers below see either through `CiNodes` (ci-nodes.ts, ci-tree-nodes.ts).
 */
import { isMap } from './guards.js';
import { documentAliases, unresolvedAliasMessage } from './aliases.js';
import { composeYaml, sortedYamlComments, yamlError } from './document.js';
import { yamlLineBreaks } from './line-breaks.js';
import { LineMap } from '../../core/source.js';
import type { Range } from '../../core/source.js';
import { addRootBlocks, yamlTreeBlockRanges } from './blocks.js';
import { entryPath, githubStepName, listSegments, pipelineItemName } from './ci-address.js';
import type { AddressItem } from './ci-address.js';
import { libraryNodes } from './ci-nodes.js';
import type { CiNode, CiNodes, CiPair } from './ci-nodes.js';
import { readCiFast } from './ci-tree-nodes.js';
import { identityMapping } from './scalar.js';
import type { MappedText } from './scalar.js';
import { TASK_SCRIPT_INPUTS, taskScriptMode, type TaskScriptInput } from './pipeline-tasks.js';
import { buildSnippet } from './script.js';
import type { ScriptLanguage, ScriptOrigin, ScriptSnippet } from './script.js';
import { ALIAS_COPY_BUDGET, ALIAS_READ_BUDGET, aliasFollow, yamlTree } from './tree.js';
import type { YamlTree } from './tree.js';

export type { ScriptSnippet, ScriptCommand, ScriptToken, ScriptComment, ScriptLanguage, ScriptOrigin } from './script.js';
export { snippetRange, commandRange, simpleCommands, quotedSubstitutions, shellCommandStrings } from './script.js';
export type { MappedText } from './scalar.js';
export type { YamlTree, YamlScalar, YamlMap, YamlSeq, YamlOther, YamlEntryNode } from './tree.js';
export { entryOf, valueOf, stringOf } from './tree.js';

export type CiKind = 'github-workflow' | 'github-action' | 'azure-pipeline' | 'script';

export interface CiParseError {
  message: string;
  /** yaml's error code (e.g. `BAD_INDENT`), when there is one. */
  code?: string;
  range: Range;
}

export interface CiComment {
  /** The comment including its `#`. */
  text: string;
  range: Range;
  /** `yaml`: a YAML comment; `script`: a comment inside a script (a `run:` block or a script file). */
  source: 'yaml' | 'script';
}

/** A `key: value` entry of a YAML mapping. */
export interface YamlEntry {
  key: string;
  keyRange: Range;
  /** The scalar value as a string (`undefined` for a collection or a missing value). */
  value?: string;
  /** Range of the value node (scalar content, or the whole collection). */
  valueRange?: Range;
  /** Range from the key to the end of the value. */
  range: Range;
}

export interface GhPermissions {
  /** `write-all`, `read-all`, a mapping of scopes (`{}` is an empty mapping), or anything else. */
  kind: 'write-all' | 'read-all' | 'map' | 'other';
  /** Scope → access (`read`, `write`, `none`) for a mapping. */
  scopes: Record<string, string>;
  keyRange: Range;
  /** Range from `permissions:` to the end of its value. */
  range: Range;
}

export interface GhUses {
  /** The value as written (without quotes). */
  value: string;
  /** Exact range of the value. */
  range: Range;
  keyRange: Range;
  kind: 'local' | 'docker' | 'action' | 'reusable-workflow' | 'expression';
  /** `owner` of `owner/repo[/path]@ref` (as written; compare case-insensitively). */
  owner?: string;
  repo?: string;
  path?: string;
  /** The ref after `@`, or undefined when there is none. */
  ref?: string;
}

export interface GhStep {
  index: number;
  /** Stable address (ci-address.ts): `workflow:jobs.deploy.steps[name=Apply]` or `action:runs.steps[uses=azure/login]`. */
  subject: string;
  /** Range of the step mapping. */
  range: Range;
  name?: string;
  id?: string;
  uses?: GhUses;
  with: YamlEntry[];
  run?: ScriptSnippet;
  shell?: string;
}

export interface GhJob {
  id: string;
  subject: string;
  keyRange: Range;
  range: Range;
  permissions?: GhPermissions;
  /** A reusable workflow call (`jobs.x.uses`). */
  uses?: GhUses;
  with: YamlEntry[];
  /** `secrets: inherit` or a mapping. */
  secrets?: YamlEntry;
  runsOn?: string;
  steps: GhStep[];
}

export interface GhWorkflow {
  /** True for a composite action (`action.yml` with `runs.using: composite`). */
  composite: boolean;
  /** Event names under `on:`. */
  triggers: string[];
  /** `on: workflow_call`: a reusable workflow. */
  reusable: boolean;
  permissions?: GhPermissions;
  jobs: GhJob[];
}

export interface AzpStep {
  /** Stable address (ci-address.ts): `pipeline:stages[stage=Deploy].jobs[deployment=Prod].steps[task=AzureCLI]`. */
  subject: string;
  range: Range;
  kind: 'task' | 'script' | 'bash' | 'pwsh' | 'powershell';
  /** `AzureCLI@2`, … for a task step. */
  task?: string;
  taskRange?: Range;
  inputs: YamlEntry[];
  scripts: ScriptSnippet[];
}

export interface AzPipeline {
  steps: AzpStep[];
}

export interface CiDocument {
  file: string;
  kind: CiKind;
  text: string;
  lineMap: LineMap;
  /** YAML syntax errors with their exact position (empty for scripts). */
  errors: CiParseError[];
  /** What could not be read although the file parsed (YAML aliases past their budget): EVAL001. */
  evaluationNotes?: { message: string; range: Range }[];
  /** Every YAML `#` comment and every comment inside a script, in file order. */
  comments: CiComment[];
  /**
   * Ranges of the YAML blocks (a key with a collection value, a collection item) and of every
   * script command (continuation lines and heredoc body included), for suppression scopes.
   */
  blocks: Range[];
  /** Every script snippet: `run:`, `script:`, `bash:`, `pwsh:`, `powershell:`, `inlineScript:`, task `script` inputs, or the whole file. */
  scripts: ScriptSnippet[];
  /**
   * The YAML `#` comments read as one shell snippet (origin `comment`, subject `comments`): every command in it
   * is `commented`. CI001 reports commented-out `az ad sp create-for-rbac --sdk-auth` lines found here at `note`.
   */
  commentScript?: ScriptSnippet;
  /** GitHub workflow or composite action. */
  workflow?: GhWorkflow;
  /** Azure Pipelines file or template. */
  pipeline?: AzPipeline;
  /**
   * Each YAML document's root as a positioned tree (empty for scripts): the CI model reads
   * what the views above do not hold (`env:`, `on:` inputs, environments, stages,
   * variables, parameters, template calls) from it.
   */
  trees: YamlTree[];
}

export function isCiDocument(x: unknown): x is CiDocument {
  if (!x || typeof x !== 'object') return false;
  const d = x as Partial<CiDocument>;
  return typeof d.file === 'string' && typeof d.kind === 'string' && Array.isArray(d.scripts) && Array.isArray(d.comments);
}

// ---------------------------------------------------------------------------------------

interface Ctx {
  file: string;
  lineMap: LineMap;
  scripts: ScriptSnippet[];
  /** Build the `workflow`/`pipeline` views (ParseCiOptions.views); without them only the scripts are read. */
  views: boolean;
  /** How the nodes are read: the library's nodes, or the fast reader's trees (ci-nodes.ts). */
  n: CiNodes;
}

/** The range of what the views leave out (`ParseCiOptions.views: false`): never read. */
const NO_RANGE: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

function get(ctx: Ctx, map: CiNode | undefined, key: string): CiNode | undefined {
  const p = getPair(ctx, map, key);
  return p === undefined ? undefined : ctx.n.value(p);
}

/** The value of the first pair whose key is `key` in any case (an action's `with:` input names). */
function getIgnoringCase(ctx: Ctx, map: CiNode | undefined, key: string): CiNode | undefined {
  const lower = key.toLowerCase();
  const pairs = ctx.n.pairs(map);
  for (let i = 0; i < pairs.length; i++) if (ctx.n.key(pairs[i]!)?.toLowerCase() === lower) return ctx.n.value(pairs[i]!);
  return undefined;
}

/** The first pair of `key` (a loop, not a search over a filtered copy: steps are read key by key). */
function getPair(ctx: Ctx, map: CiNode | undefined, key: string): CiPair | undefined {
  const pairs = ctx.n.pairs(map);
  for (let i = 0; i < pairs.length; i++) if (ctx.n.key(pairs[i]!) === key) return pairs[i];
  return undefined;
}

/** A mapping item as its address name is read from it (ci-address.ts). */
function addressItem(ctx: Ctx, map: CiNode | undefined): AddressItem {
  return {
    scalar: (key) => ctx.n.str(get(ctx, map, key)),
    first: () => {
      const p = ctx.n.pairs(map)[0];
      return p === undefined ? undefined : { key: ctx.n.key(p) ?? '', value: ctx.n.str(ctx.n.value(p)) };
    },
  };
}

function entry(ctx: Ctx, p: CiPair): YamlEntry {
  const e: YamlEntry = {
    key: ctx.n.key(p) ?? '',
    keyRange: ctx.n.keyRange(p),
    range: ctx.n.pairRange(p),
  };
  const value = ctx.n.value(p);
  if (value) {
    const v = ctx.n.str(value);
    if (v !== undefined) e.value = v;
    e.valueRange = ctx.n.contentRange(value);
  }
  return e;
}

function entries(ctx: Ctx, map: CiNode | undefined): YamlEntry[] {
  return ctx.n.pairs(map).map((p) => entry(ctx, p));
}

/**
 * The language a step's script is read in: a shell, PowerShell, or a cmd.exe script read with
 * the shell lexer after `cmdAsShell`; undefined for one that is not read (`shell: python`).
 */
type StepLanguage = ScriptLanguage | 'cmd' | undefined;

function snippetOf(
  ctx: Ctx,
  node: CiNode | undefined,
  language: StepLanguage,
  origin: ScriptOrigin,
  subject: string,
  attributePath: string,
): ScriptSnippet | undefined {
  if (!node || !ctx.n.isScalar(node) || language === undefined) return undefined;
  const written: MappedText = ctx.n.mapped(node);
  const mapped = language === 'cmd' ? cmdAsShell(written) : written;
  const sn = buildSnippet({
    file: ctx.file,
    lineMap: ctx.lineMap,
    mapped,
    language: language === 'cmd' ? 'shell' : language,
    origin,
    subject,
    attributePath,
    fallbackRange: ctx.n.range(node),
  });
  ctx.scripts.push(sn);
  return sn;
}

function parsePermissions(ctx: Ctx, p: CiPair | undefined): GhPermissions | undefined {
  if (!p) return undefined;
  const perms: GhPermissions = { kind: 'other', scopes: {}, keyRange: ctx.n.keyRange(p), range: ctx.n.pairRange(p) };
  const v = ctx.n.value(p);
  const s = ctx.n.str(v);
  if (s !== undefined) {
    if (s === 'write-all') perms.kind = 'write-all';
    else if (s === 'read-all') perms.kind = 'read-all';
  } else if (ctx.n.isMap(v)) {
    perms.kind = 'map';
    for (const q of ctx.n.pairs(v)) {
      const k = ctx.n.key(q);
      const val = ctx.n.str(ctx.n.value(q));
      if (k !== undefined && val !== undefined) perms.scopes[k] = val;
    }
  }
  return perms;
}

/** Does a permissions value grant `id-token: write`? */
export function grantsIdTokenWrite(p: GhPermissions | undefined): boolean {
  if (!p) return false;
  if (p.kind === 'write-all') return true;
  return p.kind === 'map' && p.scopes['id-token'] === 'write';
}

export function parseUses(value: string, range: Range, keyRange: Range): GhUses {
  const u: GhUses = { value, range, keyRange, kind: 'action' };
  const v = value.trim();
  if (v.startsWith('./') || v.startsWith('.\\')) {
    u.kind = 'local';
    return u;
  }
  if (v.toLowerCase().startsWith('docker://')) {
    u.kind = 'docker';
    return u;
  }
  if (v.includes('${{')) {
    u.kind = 'expression';
    return u;
  }
  const at = v.lastIndexOf('@');
  const name = at >= 0 ? v.slice(0, at) : v;
  if (at >= 0) u.ref = v.slice(at + 1);
  const parts = name.split('/');
  u.owner = parts[0];
  if (parts[1] !== undefined) u.repo = parts[1];
  if (parts.length > 2) u.path = parts.slice(2).join('/');
  if (u.path && /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(u.path)) u.kind = 'reusable-workflow';
  return u;
}

function usesOf(ctx: Ctx, p: CiPair | undefined): GhUses | undefined {
  const value = p === undefined ? undefined : ctx.n.value(p);
  if (!p || !value) return undefined;
  const v = ctx.n.str(value);
  if (v === undefined) return undefined;
  // Without the views only the kind, owner and repo are read (which scripts a step has).
  return ctx.views ? parseUses(v, ctx.n.contentRange(value), ctx.n.keyRange(p)) : parseUses(v, NO_RANGE, NO_RANGE);
}

/**
 * A `run:` step's language by its `shell:` (GitHub "jobs.<id>.steps[*].shell": bash, sh, pwsh,
 * powershell, cmd, python, or a custom `command {0}`), else the runner's default (pwsh on
 * Windows, bash elsewhere). Python and other interpreters are not read.
 */
function shellLanguage(shell: string | undefined, runsOn: string | undefined): StepLanguage {
  if (shell) {
    // The program's name: `/usr/bin/bash -e {0}` is bash, `pwsh.exe -command …` is pwsh.
    const first = shell.trim().split(/\s/, 1)[0] ?? '';
    const program = (first.split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.exe$/, '');
    if (program === 'pwsh' || program === 'powershell') return 'powershell';
    if (program === 'cmd') return 'cmd';
    return program === 'bash' || program === 'sh' ? 'shell' : undefined;
  }
  if (runsOn && /windows/i.test(runsOn)) return 'powershell';
  return 'shell';
}

/**
 * A cmd.exe script (GitHub `shell: cmd`, AzureCLI `scriptType: batch`, the CmdLine task) as the
 * shell lexer reads it, every character still mapped to its place in the file: a `^` line
 * continuation becomes the shell's `\` continuation, `%NAME%` the variable `${NAME}`, and a line
 * `set NAME=value` of one word the shell's assignment where `cmdAssignments` finds it safe
 * (another `set` is a command: its variable stays unknown). Without this,
 * the flags on a continued line were lost and read as absent (`--enable-purge-protection true ^`:
 * KV001).
 */
export function cmdAsShell(m: MappedText): MappedText {
  const text = m.value;
  if (!text.includes('^') && !text.includes('%') && !CMD_COMMENT_LINE.test(text) && !CMD_REM_AFTER_ANY.test(text)) return m;
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // One written character stands for the source characters `from`..`to` (indices into text).
  const put = (ch: string, from: number, to: number): void => {
    out.push(ch);
    starts.push(m.starts[from]!);
    ends.push(m.ends[to]!);
  };
  // The `length` characters at `i` as the shell's comment: the `lead` before the keyword as they
  // are, a `#` for its first character, blanks for the rest. Returns the index of the last.
  const asComment = (i: number, lead: number, length: number): number => {
    for (let k = 0; k < lead; k++) put(text[i + k]!, i + k, i + k);
    put('#', i + lead, i + lead);
    for (let k = lead + 1; k < length; k++) put(' ', i + k, i + k);
    return i + length - 1;
  };
  // Inside "…" on the current line: a separator there is text. (A `^`-escaped character outside
  // quotes never reaches these tests: the escape below takes it with its caret.)
  let quoted = false;
  const assignments = cmdAssignments(text);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') quoted = false;
    else if (c === '"') quoted = !quoted;
    // `… & rem …`: the separator, then the shell's `#`.
    if ((c === '&' || c === '|') && !quoted) {
      CMD_REM_AFTER.lastIndex = i;
      const rem = CMD_REM_AFTER.exec(text);
      if (rem) {
        i = asComment(i, rem[0].length - rem[0].replace(/^[&|]+[ \t]*/, '').length, rem[0].length);
        continue;
      }
    }
    // A comment line (`rem …`, `@rem …`, `:: …`): the shell's `#`, so a command written there is commented out.
    if (i === 0 || text[i - 1] === '\n') {
      CMD_COMMENT_AT.lastIndex = i;
      const comment = CMD_COMMENT_AT.exec(text);
      if (comment) {
        i = asComment(i, comment[1]!.length, comment[0].length);
        continue;
      }
      // `set NAME=value` (also `set "NAME=value"`, `@set`) of one word: the shell's assignment
      // `NAME=value`, the keyword and the quotes blanked (review 91: `%SIZE%` was unknown).
      const set = assignments.get(i);
      if (set) {
        const [whole, lead, keyword, open, assignment, close] = set as unknown as [string, string, string, string, string, string];
        let k = i;
        for (const [part, blank] of [[lead, false], [keyword, true], [open, true], [assignment, false], [close, true]] as const) {
          for (let j = 0; j < part.length; j++, k++) put(blank ? ' ' : text[k]!, k, k);
        }
        i += whole.length - 1;
        continue;
      }
    }
    if (c === '^' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      put('\\', i, i);
      if (text[i + 1] === '\r' && text[i + 2] === '\n') i++; // CRLF: the shell's continuation is a backslash and a newline
      put('\n', i + 1, i + 1);
      i++;
      continue;
    }
    // `^&`, `^|`, `^>`, `^"`… outside quotes: the character as text (`echo a ^& az …` prints; it
    // runs nothing), which the shell reader spells with a backslash.
    if (c === '^' && !quoted && CMD_ESCAPABLE.has(text[i + 1] ?? '')) {
      put('\\', i, i);
      put(text[i + 1]!, i + 1, i + 1);
      i++;
      continue;
    }
    if (c === '%') {
      CMD_VARIABLE.lastIndex = i;
      const name = CMD_VARIABLE.exec(text)?.[1];
      if (name !== undefined) {
        put('$', i, i);
        put('{', i, i);
        for (let k = 0; k < name.length; k++) put(name[k]!, i + 1 + k, i + 1 + k);
        put('}', i + name.length + 1, i + name.length + 1);
        i += name.length + 1;
        continue;
      }
    }
    put(c, i, i);
  }
  return { value: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends), exact: m.exact };
}

/**
 * The line starts of a cmd.exe script, each with its `CMD_SET_AT` match, whose `set NAME=value`
 * (quotes balanced) reads as the shell's assignment: outside any `( … )` block (cmd expands `%NAME%` in a whole block when
 * it reads it, before a `set` inside runs). None for a name also set another way — inside a block,
 * `set /a` (every name of its expression), `set /p`, a value of several words, after a separator,
 * `for … do set`, or under another spelling (cmd's names ignore case) — since the shell reader
 * would see only some of its values; none at all in a script with `goto`, `call` or `endlocal`
 * (control flow, other scripts and scopes the shell reader does not follow).
 */
function cmdAssignments(text: string): Map<number, RegExpExecArray> {
  const out = new Map<number, RegExpExecArray>();
  // `call` anywhere (`if … call :sub`, `for … do call x.cmd`): a word `call` in an argument only
  // makes the reading more careful.
  if (!/\bset\b/i.test(text) || /\b(?:goto|endlocal|call)\b/i.test(text)) return out;
  // By where the name is written: the line's start and its match.
  const candidates = new Map<number, { line: number; set: RegExpExecArray }>();
  // cmd's names ignore case: the spellings each name is set under (two spellings, two shell names).
  const spellings = new Map<string, Set<string>>();
  let quoted = false;
  let blocks = 0;
  for (let i = 0; i < text.length; i++) {
    if (blocks === 0 && (i === 0 || text[i - 1] === '\n')) {
      CMD_SET_AT.lastIndex = i;
      const set = CMD_SET_AT.exec(text);
      if (set && set[3] === set[5]) candidates.set(i + set[1]!.length + set[2]!.length + set[3]!.length, { line: i, set });
    }
    const c = text[i]!;
    if (c === '\n') quoted = false;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '(' || c === ')') && text[i - 1] !== '^') blocks = Math.max(0, blocks + (c === '(' ? 1 : -1));
  }
  // Every `set` of a name: one that is no candidate's assignment taints the name, and `set /a`
  // taints every name of its expression (`MIN-=1`, `A=1, MIN=2`).
  const tainted = new Set<string>();
  for (const m of text.matchAll(/\bset(?:[ \t]+|[ \t]*\/p[ \t]+)"?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=/dgi)) {
    const name = m[1]!;
    if (!candidates.get(m.indices![1]![0])?.set[4]!.startsWith(`${name}=`)) tainted.add(name.toLowerCase());
    let seen = spellings.get(name.toLowerCase());
    if (!seen) spellings.set(name.toLowerCase(), (seen = new Set()));
    seen.add(name);
  }
  for (const m of text.matchAll(/\bset[ \t]*\/a\b([^\r\n]*)/gi)) for (const n of m[1]!.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) tainted.add(n[0].toLowerCase());
  for (const { line, set } of candidates.values()) {
    const lower = set[4]!.slice(0, set[4]!.indexOf('=')).toLowerCase();
    if (!tainted.has(lower) && (spellings.get(lower)?.size ?? 0) <= 1) out.set(line, set);
  }
  return out;
}

/** cmd.exe comment lines: `rem` (also `@rem`) as a command, or a `::` label that is never jumped to; the blanks before it, then the keyword. */
const CMD_COMMENT = String.raw`([ \t]*)(?:@?rem(?=[ \t\r\n]|$)|::)`;
/** Whether a text has such a line anywhere. */
const CMD_COMMENT_LINE = new RegExp(`^${CMD_COMMENT}`, 'im');
/** The same at a line's start (sticky). */
const CMD_COMMENT_AT = new RegExp(CMD_COMMENT, 'iy');
/**
 * `rem` as the command after a separator (`echo hi & rem …`, `&&`, `||`, `|`): it ignores the rest
 * of the line, as at a line's start (a `::` label is one only there). Sticky, at the separator.
 */
const CMD_REM = String.raw`(?:&&?|\|\|?)[ \t]*@?rem(?=[ \t\r\n]|$)`;
const CMD_REM_AFTER = new RegExp(CMD_REM, 'iy');
/** Whether a text has such a `rem` anywhere. */
const CMD_REM_AFTER_ANY = new RegExp(CMD_REM, 'i');

/** What cmd's `^` makes text: its separators, redirections, groups, quote and the caret itself. */
const CMD_ESCAPABLE: ReadonlySet<string> = new Set(['&', '|', '<', '>', '(', ')', '"', '^']);

/** `%NAME%` where the sticky match is placed. */
const CMD_VARIABLE = /%([A-Za-z_][A-Za-z0-9_]*)%/y;
/**
 * `set NAME=value` at a line's start whose value is one word with nothing cmd or the shell would
 * read apart (no blank inside, no `%`, `^`, quotes, separators or redirections), optionally
 * quoted whole (`set "NAME=value"`): lead, keyword (`@set `), opening quote, the assignment,
 * closing quote. Trailing blanks end the line. `set /a`, `set /p` and other values are left to
 * the shell reader (a command, not an assignment: the variable stays unknown).
 */
const CMD_SET_AT = /([ \t]*)(@?set[ \t]+)("?)([A-Za-z_][A-Za-z0-9_]*=[^\s%^"&|<>()]*)("?)(?=[ \t]*(?:\r?\n|$))/iy;

function runsOnString(ctx: Ctx, node: CiNode | undefined): string | undefined {
  const s = ctx.n.str(node);
  if (s !== undefined) return s;
  if (ctx.n.isSeq(node)) return ctx.n.items(node).map((i) => ctx.n.str(i) ?? '').join(' ');
  return undefined;
}

function readSteps(
  ctx: Ctx,
  seq: CiNode | undefined,
  prefix: string,
  defaultShell: string | undefined,
  runsOn: string | undefined,
): GhStep[] {
  if (!ctx.n.isSeq(seq)) return [];
  const steps: GhStep[] = [];
  const items = ctx.n.items(seq);
  const segments = listSegments(items.map((item) => (ctx.n.isMap(item) ? githubStepName(addressItem(ctx, item)) : undefined)));
  items.forEach((item, index) => {
    if (!ctx.n.isMap(item)) return;
    // `if: false`: the step never runs (its scripts are not read; eval/ci/github.ts leaves it out too).
    if (isSwitchedOff(ctx, item, 'if')) return;
    const subject = `${prefix}${segments[index]!}`;
    const step: GhStep = { index, subject, range: ctx.views ? ctx.n.range(item) : NO_RANGE, with: [] };
    const uses = usesOf(ctx, getPair(ctx, item, 'uses'));
    const withNode = get(ctx, item, 'with');
    const shell = ctx.n.str(get(ctx, item, 'shell')) ?? defaultShell;
    if (ctx.views) {
      const name = ctx.n.str(get(ctx, item, 'name'));
      if (name !== undefined) step.name = name;
      const id = ctx.n.str(get(ctx, item, 'id'));
      if (id !== undefined) step.id = id;
      if (uses) step.uses = uses;
      step.with = entries(ctx, withNode);
      if (shell !== undefined) step.shell = shell;
    }
    const run = snippetOf(ctx, get(ctx, item, 'run'), shellLanguage(shell, runsOn), 'run', subject, 'run');
    if (run) step.run = run;
    if (uses && uses.kind === 'action') {
      const owner = (uses.owner ?? '').toLowerCase();
      const repo = (uses.repo ?? '').toLowerCase();
      if (owner === 'azure' && (repo === 'cli' || repo === 'powershell')) {
        const lang: ScriptLanguage = repo === 'cli' ? 'shell' : 'powershell';
        // An action's input names ignore case (`inlinescript:`: the runner passes INPUT_INLINESCRIPT, getInput upper-cases the name).
        snippetOf(ctx, getIgnoringCase(ctx, withNode, 'inlineScript'), lang, 'inlineScript', subject, 'with.inlineScript');
      }
    }
    steps.push(step);
  });
  return steps;
}

function defaultsShell(ctx: Ctx, node: CiNode | undefined): string | undefined {
  return ctx.n.str(get(ctx, get(ctx, get(ctx, node, 'defaults'), 'run'), 'shell'));
}

function buildWorkflow(ctx: Ctx, root: CiNode): GhWorkflow {
  const wf: GhWorkflow = { composite: false, triggers: [], reusable: false, jobs: [] };
  if (ctx.views) {
    const on = get(ctx, root, 'on') ?? get(ctx, root, 'true');
    const onStr = ctx.n.str(on);
    if (onStr !== undefined) wf.triggers = [onStr];
    else if (ctx.n.isSeq(on)) wf.triggers = ctx.n.items(on).map((i) => ctx.n.str(i) ?? '').filter(Boolean);
    else if (ctx.n.isMap(on)) wf.triggers = ctx.n.pairs(on).map((p) => ctx.n.key(p) ?? '');
    wf.reusable = wf.triggers.includes('workflow_call');
    const perms = parsePermissions(ctx, getPair(ctx, root, 'permissions'));
    if (perms) wf.permissions = perms;
  }
  const wfShell = defaultsShell(ctx, root);
  for (const p of ctx.n.pairs(get(ctx, root, 'jobs'))) {
    const id = ctx.n.key(p) ?? '';
    const jobNode = ctx.n.value(p);
    // `if: false`: the job never runs (eval/ci/github.ts leaves it out too).
    if (isSwitchedOff(ctx, jobNode, 'if')) continue;
    const subject = `workflow:jobs.${id}`;
    // The steps' scripts are read either way (runs-on and the default shells decide their
    // language); the job's view only with the views.
    const runsOn = runsOnString(ctx, get(ctx, jobNode, 'runs-on'));
    const steps = readSteps(ctx, get(ctx, jobNode, 'steps'), `${subject}.steps`, defaultsShell(ctx, jobNode) ?? wfShell, runsOn);
    if (ctx.views) wf.jobs.push(jobView(ctx, p, id, subject, runsOn, steps));
  }
  return wf;
}

/** A job of the workflow view: its key, range, `with`, permissions, `uses`, secrets, runner and steps. */
function jobView(ctx: Ctx, p: CiPair, id: string, subject: string, runsOn: string | undefined, steps: GhStep[]): GhJob {
  const jobNode = ctx.n.value(p);
  const job: GhJob = {
    id,
    subject,
    keyRange: ctx.n.keyRange(p),
    range: ctx.n.pairRange(p),
    with: entries(ctx, get(ctx, jobNode, 'with')),
    steps,
  };
  const jp = parsePermissions(ctx, getPair(ctx, jobNode, 'permissions'));
  if (jp) job.permissions = jp;
  const uses = usesOf(ctx, getPair(ctx, jobNode, 'uses'));
  if (uses) job.uses = uses;
  const sec = getPair(ctx, jobNode, 'secrets');
  if (sec) job.secrets = entry(ctx, sec);
  if (runsOn !== undefined) job.runsOn = runsOn;
  return job;
}

function buildAction(ctx: Ctx, root: CiNode): GhWorkflow {
  const wf: GhWorkflow = { composite: true, triggers: [], reusable: false, jobs: [] };
  const runsPair = getPair(ctx, root, 'runs');
  if (!runsPair) return wf;
  const runs = ctx.n.value(runsPair);
  const job: GhJob = {
    id: 'runs',
    subject: 'action:runs',
    keyRange: ctx.n.keyRange(runsPair),
    range: ctx.n.pairRange(runsPair),
    with: [],
    steps: readSteps(ctx, get(ctx, runs, 'steps'), 'action:runs.steps', undefined, undefined),
  };
  wf.jobs.push(job);
  return wf;
}

const AZP_SCRIPT_KEYS: Record<string, ScriptLanguage> = {
  script: 'shell',
  bash: 'shell',
  pwsh: 'powershell',
  powershell: 'powershell',
};

/** An Azure Pipelines `${{ if … }}` / `${{ elseif … }}` / `${{ else }}` key: its mapping is inserted when the branch is taken. */
export function isConditionKey(key: string): boolean {
  return /^\$\{\{\s*(?:if|elseif|else)\b[\s\S]*\}\}$/.test(key.trim());
}

/**
 * A task's inputs as Azure Pipelines may insert them: the entries outside `${{ if … }}` /
 * `${{ elseif … }}` / `${{ else }}` keys, and for each branch (nested ones too) that branch's
 * entries before them (`inputs: { scriptType: bash, ${{ if p }}: { inlineScript: … } }`). Which
 * branch it takes is not decided here, so every branch's script is read, each with its own
 * selectors and language, as both sides of a shell `if` are.
 */
function inputViews(ctx: Ctx, inputs: CiNode | undefined, depth = 0): CiPair[][] {
  const plain: CiPair[] = [];
  const branches: CiPair[][] = [];
  for (const p of ctx.n.pairs(inputs)) {
    if (!isConditionKey(ctx.n.key(p) ?? '')) plain.push(p);
    else if (depth < 8) branches.push(...inputViews(ctx, ctx.n.value(p), depth + 1));
  }
  return branches.length ? branches.map((b) => [...b, ...plain]) : [plain];
}

function taskScripts(ctx: Ctx, step: AzpStep, inputs: CiNode | undefined, os: AgentOs): void {
  const task = (step.task ?? '').toLowerCase();
  const name = task.split('@')[0] ?? '';
  const spec = TASK_SCRIPT_INPUTS.get(name);
  if (!spec) return;
  // A script written outside the branches is one script, read once.
  const read = new Set<CiPair>();
  for (const view of inputViews(ctx, inputs)) taskScriptsOf(ctx, step, name, spec, view, read, os);
}

function taskScriptsOf(ctx: Ctx, step: AzpStep, name: string, spec: TaskScriptInput, pairs: readonly CiPair[], read: Set<CiPair>, os: AgentOs): void {
  const find = (key: string): CiPair | undefined => pairs.find((q) => (ctx.n.key(q) ?? '').toLowerCase() === key.toLowerCase());
  const add = (key: string, lang: StepLanguage, origin: ScriptOrigin): void => {
    const p = find(key);
    if (!p || read.has(p)) return;
    read.add(p);
    const attr = `inputs.${ctx.n.key(p) ?? key}`;
    const sn = snippetOf(ctx, ctx.n.value(p), lang, origin, step.subject, attr);
    if (sn) step.scripts.push(sn);
  };
  const input = (key: string): string | undefined => {
    const p = find(key);
    return p ? ctx.n.str(ctx.n.value(p)) : undefined;
  };
  if (taskScriptMode(spec, spec.selector && input(spec.selector.input)) !== 'inline') return;
  if (name === 'azurecli') {
    const st = (input('scriptType') ?? '').toLowerCase();
    const lang: StepLanguage = st === 'ps' || st === 'pscore' ? 'powershell' : st === 'batch' ? 'cmd' : 'shell';
    add(spec.script, lang, 'inlineScript');
  } else if (name === 'cmdline') {
    // cmd.exe on a Windows agent, bash elsewhere: on an agent not known to be Linux or macOS, a `^`
    // continuation or `%NAME%` is read as cmd's.
    add(spec.script, os === 'unix' ? 'shell' : 'cmd', 'inputs.script');
  } else {
    add(spec.script, name === 'bash' ? 'shell' : 'powershell', 'inputs.script');
  }
}

/**
 * A step condition written as the literal false, which never holds: GitHub `if: false` or
 * `if: ${{ false }}`, Azure Pipelines `condition: false` (a step someone switched off). An
 * expression that reads anything may hold: not this.
 */
export function neverHolds(condition: string | undefined): boolean {
  return condition !== undefined && /^(?:false|\$\{\{\s*false\s*\}\})$/i.test(condition.trim());
}

/** A node whose condition key (`if`, `condition`) is the literal false: it never runs. */
function isSwitchedOff(ctx: Ctx, node: CiNode | undefined, key: 'if' | 'condition'): boolean {
  const c = get(ctx, node, key);
  return c !== undefined && ctx.n.isScalar(c) && neverHolds(ctx.n.str(c));
}

/** The keys that make an Azure Pipelines mapping a stage or a job. */
const JOB_OR_STAGE_KEYS = new Set(['stage', 'job', 'deployment']);

/** An Azure Pipelines step written `enabled: false` or `condition: false`, which never runs (an expression may enable it: not disabled). */
function isDisabledStep(ctx: Ctx, node: CiNode): boolean {
  const v = get(ctx, node, 'enabled');
  if (v !== undefined && ctx.n.isScalar(v) && /^false$/i.test((ctx.n.str(v) ?? '').trim())) return true;
  return isSwitchedOff(ctx, node, 'condition');
}

/** Walks the whole pipeline document: steps may sit under stages, jobs, deployment strategies, template parameters and `${{ }}` blocks. */
function buildPipeline(ctx: Ctx, root: CiNode): AzPipeline {
  const pipe: AzPipeline = { steps: [] };
  const visit = (node: CiNode | undefined, path: string, inheritedOs: AgentOs): void => {
    if (ctx.n.isSeq(node)) {
      const items = ctx.n.items(node);
      const segments = listSegments(items.map((item) => (ctx.n.isMap(item) ? pipelineItemName(addressItem(ctx, item)) : undefined)));
      items.forEach((item, i) => visit(item, `${path}${segments[i]!}`, inheritedOs));
      return;
    }
    if (!ctx.n.isMap(node)) return;
    const pairs = ctx.n.pairs(node);
    // A job or stage written `condition: false` never runs, nor anything under it (eval/ci/azure-pipelines.ts leaves it out too).
    if (pairs.some((p) => JOB_OR_STAGE_KEYS.has(ctx.n.key(p) ?? '') && ctx.n.isScalar(ctx.n.value(p))) && isSwitchedOff(ctx, node, 'condition')) return;
    // A `pool:` here (pipeline, stage or job) decides the agent of the steps under it.
    const poolPair = pairs.find((p) => ctx.n.key(p) === 'pool');
    const os = poolPair ? agentOsOf(ctx, ctx.n.value(poolPair)) : inheritedOs;
    let stepKind: AzpStep['kind'] | undefined;
    let stepPair: CiPair | undefined;
    for (const p of pairs) {
      const k = ctx.n.key(p);
      if (k === 'task' || (k !== undefined && k in AZP_SCRIPT_KEYS)) {
        if (ctx.n.isScalar(ctx.n.value(p))) {
          stepKind = k as AzpStep['kind'];
          stepPair = p;
          break;
        }
      }
    }
    // `enabled: false` (YAML schema, steps: "Run this step; defaults to 'true'"): the step never runs.
    if (stepKind && stepPair && node && isDisabledStep(ctx, node)) stepKind = undefined;
    if (stepKind && stepPair) {
      const subject = `pipeline:${path || '$'}`;
      const step: AzpStep = { subject, range: ctx.views ? ctx.n.range(node) : NO_RANGE, kind: stepKind, inputs: [], scripts: [] };
      const stepValue = ctx.n.value(stepPair)!;
      if (stepKind === 'task') {
        step.task = ctx.n.str(stepValue) ?? '';
        const inputs = get(ctx, node, 'inputs');
        if (ctx.views) {
          step.taskRange = ctx.n.contentRange(stepValue);
          step.inputs = entries(ctx, inputs);
        }
        taskScripts(ctx, step, inputs, os);
      } else {
        // `script:` is the CmdLine task: cmd.exe on a Windows agent. On an agent not known (a
        // template's step runs on its caller's), a line ending in ` ^` is cmd's continuation: bash
        // would pass a `^` argument and run the next line as a command of its own.
        const windows = os === 'windows' || (os === undefined && CMD_CONTINUED_LINE.test(ctx.n.str(stepValue) ?? ''));
        const lang: StepLanguage = stepKind === 'script' && windows ? 'cmd' : AZP_SCRIPT_KEYS[stepKind]!;
        const sn = snippetOf(ctx, stepValue, lang, stepKind as ScriptOrigin, subject, stepKind);
        if (sn) step.scripts.push(sn);
      }
      pipe.steps.push(step);
    }
    for (const p of pairs) {
      if (p === stepPair) continue;
      // a step's inputs are task inputs, never nested steps
      if (stepKind && ctx.n.key(p) === 'inputs') continue;
      const k = ctx.n.key(p) ?? '?';
      visit(ctx.n.value(p), entryPath(path, k), os);
    }
  };
  visit(root, '', undefined);
  return pipe;
}

/** A line ending in a blank and `^` (cmd.exe's line continuation). */
const CMD_CONTINUED_LINE = /[ \t]\^\r?$/m;

/** The agent's operating system as a `pool:` says it: Windows, Linux/macOS, or not known (a named or self-hosted pool, an expression). */
type AgentOs = 'windows' | 'unix' | undefined;

/**
 * The OS of a `pool:` (`vmImage: windows-latest`, `vmImage: ubuntu-22.04`, a `demands:` entry
 * `Agent.OS -equals Windows_NT`); a pool named only (`pool: Default`, `name: my-agents`) is not known.
 */
function agentOsOf(ctx: Ctx, pool: CiNode | undefined): AgentOs {
  if (!ctx.n.isMap(pool)) return undefined;
  const image = ctx.n.str(get(ctx, pool, 'vmImage')) ?? '';
  if (/^(?:windows|win|vs20)/i.test(image.trim())) return 'windows';
  if (/^(?:ubuntu|macos|linux)/i.test(image.trim())) return 'unix';
  const demands = get(ctx, pool, 'demands');
  const texts = ctx.n.isSeq(demands) ? ctx.n.items(demands).map((d) => ctx.n.str(d) ?? '') : [ctx.n.str(demands) ?? ''];
  for (const d of texts) {
    const m = /^\s*Agent\.OS\s+-equals\s+(\S+)/i.exec(d);
    if (m) return /^Windows/i.test(m[1]!) ? 'windows' : /^(?:Linux|Darwin)$/i.test(m[1]!) ? 'unix' : undefined;
  }
  return undefined;
}

/** The YAML comments as one snippet, each comment on its own line, mapped to the file. */
function commentSnippet(file: string, lineMap: LineMap, comments: [number, string][]): ScriptSnippet {
  const value = comments.map(([, src]) => src).join('\n');
  // The offsets are written straight into arrays of the value's length (no number[] to copy).
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  let at = 0;
  // No [off, src] destructuring in the parameters (an iterator per comment before V8 optimizes the callback).
  comments.forEach((c, i) => {
    const off = c[0];
    const src = c[1];
    if (i > 0) {
      // The joining line break maps to the character after the previous comment.
      const prevEnd = comments[i - 1]![0] + comments[i - 1]![1].length;
      starts[at] = prevEnd;
      ends[at++] = prevEnd + 1;
    }
    for (let k = 0; k < src.length; k++) {
      starts[at] = off + k;
      ends[at++] = off + k + 1;
    }
  });
  return buildSnippet({
    file,
    lineMap,
    mapped: { value, starts, ends, exact: true },
    language: 'shell',
    origin: 'comment',
    subject: 'comments',
    attributePath: 'comment',
    fallbackRange: lineMap.range(0, 0),
  });
}

/**
 * Each command's full range — its continuation lines (`\`, PowerShell backtick) and the body
 * of the heredoc it reads — so a directive above the command's first line covers all of it.
 */
function commandBlocks(sn: ScriptSnippet): Range[] {
  const out: Range[] = [];
  for (const c of sn.commands) {
    if (c.commented) continue;
    const end = c.heredoc && c.heredoc.range.end.offset > c.range.end.offset ? c.heredoc.range.end : c.range.end;
    if (end.line > c.range.start.line) out.push({ start: c.range.start, end });
  }
  return out;
}

function languageOfScript(file: string): ScriptLanguage {
  return /\.ps1$/i.test(file) ? 'powershell' : 'shell';
}

export interface ParseCiOptions {
  /**
   * Build the `workflow` and `pipeline` views (default true). The CI model (src/eval/ci/)
   * reads the trees and the scripts only, so the front end leaves the views out: their
   * entries, ranges and `uses` parts were about 7 % of the CI units' own (non-`yaml`) CPU time
   * in issue 15's profile. Every other field is the same either way.
   */
  views?: boolean;
  /**
   * Try the fast YAML reader first when the views are left out (default true); false: the
   * library path only (test/parse/ci-fast-differential.test.ts compares the two).
   */
  fastReader?: boolean;
}

/**
 * Parses a CI file of a known kind. Never throws on bad input: YAML errors are returned in
 * `errors` with their position.
 */
export function parseCiDocument(file: string, source: string, kind: CiKind, options: ParseCiOptions = {}): CiDocument {
  const lineMap = new LineMap(source);
  // A script's lone CR is a character of its line (the shell's reading); YAML's is a line break.
  if (kind === 'script') return scriptDocument(file, source, lineMap);
  const text = yamlLineBreaks(source);
  const views = options.views !== false;
  // Without the views (the front end's reading), a file in the fast reader's subset is read
  // without the library (ci-tree-nodes.ts), to the same document; the views keep the library.
  if (!views && options.fastReader !== false) {
    const fast = fastCiDocument(file, text, kind, lineMap);
    if (fast !== undefined) return fast;
  }
  return libraryCiDocument(file, text, kind, lineMap, views);
}

/**
 * The fast path alone (views left out): the document, or undefined when the library path would
 * read the file. For tests that compare the two and count what the fast path takes.
 */
export function parseCiDocumentFast(file: string, text: string, kind: Exclude<CiKind, 'script'>): CiDocument | undefined {
  return fastCiDocument(file, yamlLineBreaks(text), kind, new LineMap(text));
}

function emptyDocument(file: string, text: string, kind: CiKind, lineMap: LineMap): CiDocument {
  return { file, kind, text, lineMap, errors: [], comments: [], blocks: [], scripts: [], trees: [] };
}

function scriptDocument(file: string, text: string, lineMap: LineMap): CiDocument {
  const doc = emptyDocument(file, text, 'script', lineMap);
  const sn = buildSnippet({
    file,
    lineMap,
    mapped: identityMapping(text),
    language: languageOfScript(file),
    origin: 'file',
    subject: 'script',
    attributePath: '',
    fallbackRange: lineMap.range(0, 0),
  });
  doc.scripts.push(sn);
  for (const c of sn.comments) doc.comments.push({ text: c.text, range: c.range, source: 'script' });
  doc.blocks = commandBlocks(sn);
  return doc;
}

/**
 * A script written inside a value of another file (a Bicep or ARM deployment script's
 * `scriptContent`), as a script document of that file: `mapped` places each character of the
 * script in `source` (`exact: false` when it could not be mapped character by character), and
 * `start`/`end` are the value's offsets (where an empty script is).
 */
export function embeddedScriptDocument(file: string, source: string, mapped: MappedText, language: ScriptLanguage, subject: string, attributePath: string, start: number, end: number): CiDocument {
  const lineMap = new LineMap(source);
  const doc = emptyDocument(file, source, 'script', lineMap);
  const sn = buildSnippet({ file, lineMap, mapped, language, origin: 'inlineScript', subject, attributePath, fallbackRange: lineMap.range(start, end) });
  doc.scripts.push(sn);
  for (const c of sn.comments) doc.comments.push({ text: c.text, range: c.range, source: 'script' });
  doc.blocks = commandBlocks(sn);
  return doc;
}

/** The YAML comments (`[offset, source]` in file order): each a comment of the document, and all of them its comment script. */
function addYamlComments(doc: CiDocument, rawComments: [number, string][]): void {
  // Indexed, no [off, src] destructuring (an iterator per comment before V8 optimizes this function).
  for (let k = 0; k < rawComments.length; k++) {
    const off = rawComments[k]![0];
    const src = rawComments[k]![1];
    doc.comments.push({ text: src, range: doc.lineMap.range(off, off + src.length), source: 'yaml' });
  }
  if (rawComments.length > 0) doc.commentScript = commentSnippet(doc.file, doc.lineMap, rawComments);
}

/** The workflow, action or pipeline structure of the documents' root mappings, in order; its scripts go to `ctx.scripts`. */
function readStructure(ctx: Ctx, kind: CiKind, root: CiNode, found: { workflow?: GhWorkflow; pipeline?: AzPipeline }): void {
  // A workflow or action is read from its first mapping document only.
  if (kind === 'github-workflow') {
    found.workflow ??= buildWorkflow(ctx, root);
  } else if (kind === 'github-action') {
    found.workflow ??= buildAction(ctx, root);
  } else if (kind === 'azure-pipeline') {
    const p = buildPipeline(ctx, root);
    if (!found.pipeline) found.pipeline = p;
    else found.pipeline.steps.push(...p.steps);
  }
}

/** The scripts' comments and command blocks, then everything in file order. */
function finishDocument(doc: CiDocument): CiDocument {
  for (let k = 0; k < doc.scripts.length; k++) {
    const sn = doc.scripts[k]!;
    for (let m = 0; m < sn.comments.length; m++) doc.comments.push({ text: sn.comments[m]!.text, range: sn.comments[m]!.range, source: 'script' });
    doc.blocks.push(...commandBlocks(sn));
  }
  doc.comments.sort((a, b) => a.range.start.offset - b.range.start.offset);
  doc.errors.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return doc;
}

/**
 * The document (views left out) from the fast reader (fast-reader.ts), or undefined when the
 * reader leaves the text to the library or a script scalar cannot be mapped exactly from what
 * it recorded (ci-tree-nodes.ts): the library path then reads the file, unchanged.
 * test/parse/ci-fast-differential.test.ts compares both on the corpus.
 */
function fastCiDocument(file: string, text: string, kind: CiKind, lineMap: LineMap): CiDocument | undefined {
  const fast = readCiFast(text, lineMap);
  if (fast === undefined) return undefined;
  const { parsed, nodes } = fast;
  const doc = emptyDocument(file, text, kind, lineMap);
  // The reader's blocks are yamlTreeBlockRanges' and its comments sortedYamlComments', in file order; a text it takes has no error.
  doc.blocks = parsed.blocks;
  const rawComments: [number, string][] = parsed.comments.map((c) => [c.range.start.offset, c.text]);
  addYamlComments(doc, rawComments);
  const ctx: Ctx = { file, lineMap, scripts: doc.scripts, views: false, n: nodes };
  try {
    const found = {};
    for (const root of parsed.roots) {
      doc.trees.push(root);
      readStructure(ctx, kind, root as unknown as CiNode, found);
    }
  } catch {
    // OUTSIDE_FAST_CI, or anything else: the library path decides (and reports what it finds).
    return undefined;
  }
  return finishDocument(doc);
}

/** The document through the `yaml` library: every construct, every error. */
function libraryCiDocument(file: string, text: string, kind: CiKind, lineMap: LineMap, views: boolean): CiDocument {
  const doc = emptyDocument(file, text, kind, lineMap);
  const composed = composeYaml(text, lineMap);
  if ('error' in composed) {
    doc.errors.push(composed.error);
    return doc;
  }
  const { tokens, docs } = composed;
  // GitHub Actions reads a workflow's aliases as the anchored node (since September 2025); Azure
  // Pipelines rejects anchors ("Anchors are not currently supported"), so its files follow none.
  const aliases = docs.map((d) => documentAliases(d, text));
  const follow = kind === 'github-workflow' ? aliasFollow(new Map(aliases.flatMap((a) => [...a.targets]))) : undefined;
  const nodes = libraryNodes(lineMap, follow);
  const ctx: Ctx = { file, lineMap, scripts: doc.scripts, views, n: nodes };

  doc.blocks = yamlTreeBlockRanges(docs, lineMap);
  // Each document's root mapping, as the fast reader adds it (blocks.ts addRootBlocks).
  addRootBlocks({ roots: docs.flatMap((d) => (isMap(d.contents) ? [yamlTree(d.contents, lineMap)] : [])), blocks: doc.blocks, lineMap });
  addYamlComments(doc, sortedYamlComments(tokens, text));

  for (const [i, d] of docs.entries()) {
    for (const err of d.errors) {
      const pe: CiParseError = yamlError(err, text, lineMap);
      if (err.code) pe.code = err.code;
      doc.errors.push(pe);
    }
    for (const a of aliases[i]!.unresolved) doc.errors.push({ message: unresolvedAliasMessage(a.name), range: lineMap.range(a.start, a.end) });
  }

  const found: { workflow?: GhWorkflow; pipeline?: AzPipeline } = {};
  try {
    for (const d of docs) {
      const root = d.contents;
      if (!isMap(root)) continue;
      doc.trees.push(yamlTree(root, lineMap, 0, nodes.mapOf, follow));
      readStructure(ctx, kind, root as unknown as CiNode, found);
    }
  } catch (e) {
    doc.errors.push({ message: `could not read the CI structure: ${(e as Error).message}`, range: lineMap.range(0, 0) });
  }
  if (follow?.stoppedAt) {
    doc.evaluationNotes = [
      {
        message: `the YAML aliases of this file repeat more than ${ALIAS_COPY_BUDGET.toLocaleString('en-US')} nodes or ${ALIAS_READ_BUDGET.toLocaleString('en-US')} characters; what they repeat past that is not read, so findings there may be missing`,
        range: follow.stoppedAt,
      },
    ];
  }
  if (views && found.workflow) doc.workflow = found.workflow;
  if (views && found.pipeline) doc.pipeline = found.pipeline;
  return finishDocument(doc);
}
