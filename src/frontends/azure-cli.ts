/**
 * The `azure-cli` front end (FORMATS.md §1, RULES.md format `azure-cli`): resource-creating
 * and -updating `az` commands in shell/PowerShell scripts, GitHub `run:`/`azure/cli`
 * `inlineScript` and Azure Pipelines script steps and `AzureCLI@2/@3` inline scripts, plus
 * calls of known reusable templates (mlops-templates `create-compute.yml`) → normalized
 * resources, so every resource rule applies unchanged.
 *
 * It reads the CI model the CI front end already built (one parse per file: the CI rules
 * and this front end share it), so it claims no files of its own: `ci.ts` calls
 * `azureCliUnits` with its CI files.
 *
 * - Commands and flags: `src/model/tables/azure-cli.ts` (one row per command, cited).
 * - Values: `src/eval/azcli` (shell variables, `${X:-lit}`, CI `env:`/inputs/matrix/variables).
 * - create vs update: `update` carries only the flags it gives; a later `update` of the same
 *   name in the same file is merged into the `create` (a fix cancels the create-time finding).
 * - Locations: a flag's value where it was written (the literal, the assignment, the `env:`
 *   line, the input default, the caller's `with:`), the flag as the consuming attribute; an
 *   absent flag → the `az` token. Addresses (fingerprints): step + `az <command>` + the
 *   `--name` argument as written — never a line number.
 * - `--file` references (with their `--set` overrides) and heredocs that write files are
 *   returned for the Azure ML YAML front end (`AzFileReference`, `HeredocWrite`).
 */
import path from 'node:path';
import { classifyPath, classifyPipelineFileName, classifyPipelineStageName, classifyValue, envFromVariables, evaluationEnv, type EnvClass } from '../core/env.js';
import { fileStart, sameRange, type Location, type Range } from '../core/source.js';
import { bool, isKnown, list, num, obj, passedThrough, str, unknown, valuesEqual, variableSite, withProvenanceOf, type Value } from '../core/value.js';
import type { CiCallerInput, CiFile, CiJob, CiEntry, CiLoop, CiScript, CiStage, CiStep, CiTemplateRef } from '../model/ci.js';
import type { Evaluation, Fact, Resource } from '../model/resource.js';
import type { ResourceKind } from '../model/kinds.js';
import {
  AZ_COMMANDS,
  commandSpecOf,
  FILE_FLAGS,
  KNOWN_TEMPLATES,
  LOCATION_FLAGS,
  SET_FLAG,
  SWITCH_FLAGS,
  VERSION_DEPENDENT_DEFAULTS,
  cliVersionParts,
  defaultInVersion,
  type AzCommandSpec,
  type CreatorAccessPolicy,
  type DefaultValue,
  type FlagSpec,
  type KnownTemplate,
} from '../model/tables/azure-cli.js';
import { FUNCTION_CALL_WORK, MAX_FUNCTION_CALL_DEPTH } from '../eval/azcli/function-calls.js';
import { argumentVariables, idOutputOf, interpretScript, type AzInvocation, type HeredocWrite, type ScriptCall } from '../eval/azcli/interpret.js';
import { configuredDefault, configuredDefaults } from '../eval/azcli/configure.js';
import { entryValue, jobWithValue, loopsAt, loopVariants, matrixVariants, MAX_LOOP_ITERATIONS, placesOf, scriptContext, variantLabel, type CallerVariables, type LoopLimit, type MatrixVariant, type ScriptContext, type ScriptPlace } from '../eval/azcli/context.js';
import { linkStepScripts, linkStepTemplate, runtimeVariablesWithin, type RuntimeVariables } from '../eval/azcli/runtime-variables.js';
import { conditionsHold } from '../eval/ci/template-conditions.js';
import { sliceValue, sliceVariable, type Env, type ExpandedWord, type RunnerOs, type VariableUse } from '../eval/azcli/words.js';
import { redirection } from '../eval/ci-words.js';
import type { EvaluatedUnit, FrontEndContext, Problem, SuppressionSource } from './types.js';
import { fileCommandResources, identityKey, newFileLinks, placeIdentity, type FileCommand } from './azure-cli-files.js';
import { foldersBetween, fromRepositoryTop, githubRepository } from './shared.js';
import { TASK_SCRIPT_INPUTS, taskScriptMode, type ArgumentSyntax } from '../parse/yaml/pipeline-tasks.js';
import { passedArguments, unknownArguments, type PassedArguments } from '../eval/azcli/task-arguments.js';
import { resolveVariableTemplates, variableListsOf, variablesTemplatePath } from './azure-pipelines-variables.js';
import { applyMlSets, combineOpaque, flagOverrides, limitedFlags, nameAbsentMlKeys, opaqueMaySet, opaqueReason, type Opaque } from './azure-cli-sets.js';
import { withoutCheckoutTop } from '../parse/yaml/ci-checkout.js';
import { nestedFolder, stepFolder, UNKNOWN_FOLDER, within, type FolderState, type ScriptFolder } from '../eval/azcli/folders.js';
import { reusableRun, SourcedRuns } from './sourced-runs.js';

export type { HeredocWrite } from '../eval/azcli/interpret.js';

/** `az ml compute|workspace create --file X --set k=v …`: the YAML file it reads and the overrides it applies. */
export interface AzFileReference {
  /** The script's file. */
  file: string;
  /** The step (or `script`) it is written in. */
  subject: string;
  /** `ml compute create`, `ml workspace create`, … */
  command: string;
  /** The `--file` value (a path relative to the working directory of the step), with its origin. */
  path: Value;
  /** The `--set k=v` overrides, in order. */
  sets: { key: string; value: Value; range: Range }[];
  /** The `az` token. */
  at: Location;
}

export interface AzureCliResult {
  units: EvaluatedUnit[];
  fileReferences: AzFileReference[];
  heredocs: HeredocWrite[];
  /** Scanned Azure ML YAML files evaluated as `az ml … --file` commands use them (their stand-alone evaluation is dropped). */
  linkedFiles: string[];
  /** Syntax errors of `--file` YAML no front end claimed. */
  problems: Problem[];
  /** Comments of `--file` YAML no front end claimed (suppressions). */
  suppressionSources: SuppressionSource[];
}

const PARENT_KIND: Record<string, ResourceKind> = { cluster: 'aks.cluster', workspace: 'ml.workspace', nsg: 'nsg', storage: 'storage' };

const refKeys = (ref: Value): string[] => (ref.kind === 'string' ? [ref.value] : []);

/** The az command group whose `--query id` output is the id of a resource of this kind (src/eval/azcli `az-id:` tokens). */
const ID_GROUP_OF: Partial<Record<ResourceKind, string>> = { acr: 'acr' };

/** The resource name a `--query id` output token names (`idOutputOf`), when its group makes resources of this kind. */
function idOutputName(token: string | undefined, kind: ResourceKind): string | undefined {
  const out = idOutputOf(token);
  return out && ID_GROUP_OF[kind] === out.group ? out.name : undefined;
}

interface Draft {
  resource: Resource;
  spec?: AzCommandSpec;
  nameKey?: string;
  parentKey?: string;
  /** A resource a create command makes besides its own (`aks create`'s default node pool): an update may target it. */
  madeByCreate?: boolean;
}

/** Parses the flags of one `az` command against its spec. */
interface ParsedFlags {
  /** Flag (as the spec names it, first name) → value and where the flag is written. */
  values: Map<FlagSpec, { value: Value; flag: ExpandedWord; variable?: VariableUse; written: string }>;
  name?: { value: Value; raw: string };
  parent?: Value;
  /** Canonical reference → the named resource's identity key. */
  refs: Map<string, Value>;
  location?: Value;
  file?: Value;
  /** The `--file` value as written, and where. */
  fileRaw?: string;
  fileAt?: Location;
  sets: { key: string; value: Value; range: Range }[];
  priority?: { value: Value; at: Location };
  /**
   * An unquoted unknown expansion in the command, as a flag or as a flag's value (`--name $kv`):
   * the shell splits it into words, so it may carry any flag, and absent flags are unknown
   * (FORMATS.md §1: "for absent flags — any unquoted unknown expansion in the same command (it
   * may carry the flag)"). The first such word, for `--verbose`.
   */
  opaque?: Opaque;
  /**
   * The flags a word of the command that stands for a few may pass — a variable of known texts,
   * an abbreviation —, every such word's (`opaque` keeps only the first expansion not known at
   * all): written in the script, though not known to be passed (Fact.mayBeCarried is not set for them).
   */
  limitedWordFlags?: Set<string>;
  /**
   * An unquoted unknown expansion stands where a flag would (`$EXTRA_ARGS`, `$(cat args)`, a word
   * after a kept blank, an unclosed quote), not as a flag's value (`-g $RG`): an argument list,
   * which may well carry a flag the command does not write (Fact.notWritten is not set).
   */
  looseOpaque?: true;
}

/**
 * Whether an option this reader does not model may be a switch, after which an unquoted expansion
 * would be an argument list rather than its value (Fact.notWritten): the names az gives its
 * switches (`--enable-…`, `--disable-…`, `--no-…`, `--skip-…`, `--yes`…), unless listed as taking a
 * value. Any other option is read as taking the word after it (`--service-principal $SP_ID`,
 * `-g $RG`): review 129 (an allow-list of value options lost true K8S001 errors).
 */
function mayBeSwitch(name: string): boolean {
  return !VALUE_FLAGS.has(name) && (SWITCH_FLAGS.has(name) || /^--(?:enable|disable|no|skip)-/.test(name));
}

/**
 * Options named like switches that take a value (`--enable-addons monitoring`), and common ones
 * every az command takes: an unquoted expansion after one is that value (`-g $RG`).
 */
const VALUE_FLAGS = new Set([
  '--resource-group', '-g', '--subscription', '--output', '-o', '--query', '--workspace-name', '-w', '--registry-name',
  // `az aks create` / `az aks nodepool add` options that take a value (az aks --help), often given from a variable.
  '--kubernetes-version', '-k', '--dns-name-prefix', '-p', '--network-plugin', '--network-plugin-mode', '--network-policy',
  '--network-dataplane', '--service-cidr', '--dns-service-ip', '--pod-cidr', '--vnet-subnet-id', '--pod-subnet-id',
  '--node-osdisk-size', '--node-osdisk-type', '--max-pods', '-m', '--zones', '-z', '--tier', '--ssh-key-value',
  '--admin-username', '-u', '--workspace-resource-id', '--assign-identity', '--assign-kubelet-identity', '--attach-acr',
  '--load-balancer-sku', '--outbound-type', '--os-sku', '--os-type', '--mode', '--max-count', '--enable-addons', '-a',
  '--appgw-name', '--appgw-subnet-cidr', '--api-server-authorized-ip-ranges', '--vm-set-type', '--aks-custom-headers',
  '--gpu-instance-profile', '--eviction-policy', '--spot-max-price', '--scale-down-mode', '--max-surge', '--node-public-ip-prefix-id',
  '--ppg', '--snapshot-id', '--host-group-id', '--kubelet-config', '--linux-os-config', '--message-of-the-day', '--gpu-driver',
  '--azure-keyvault-kms-key-id',
]);

/**
 * Every `--flag` word a script writes, anywhere: a command's words (commented ones too) and
 * heredoc text. Which of them may reach a variable or an argument list is not worked out — an
 * `echo` inside `$(…)`, `printf -v`, a usage heredoc, a wrapper before `az` (reviews 123, 124) —:
 * a script that mentions the flag at all is read as possibly passing it. Made once per script.
 */
const FLAG_WORDS = new WeakMap<CiScript, ReadonlySet<string>>();
function flagWordsOf(script: CiScript): ReadonlySet<string> {
  let out = FLAG_WORDS.get(script);
  if (!out) {
    const found = new Set<string>();
    for (const c of script.commands) for (const text of [...c.argv.map((w) => w.raw), c.heredoc?.text ?? '']) for (const m of text.matchAll(/--[A-Za-z][\w-]*/g)) found.add(m[0].toLowerCase());
    FLAG_WORDS.set(script, (out = found));
  }
  return out;
}

/**
 * Whether a flag named `names` that the command does not write may be passed only by an
 * expansion not known at all (Fact.mayBeCarried): no word of the command that stands for a few
 * flags may pass it, and the script does not mention it, whole or abbreviated (a variable a
 * function body sets, whose texts are not read there). Flags written in other files (a sourced
 * file's function, a CI `env:` built by an expression) are not looked for.
 */
function onlyCarried(flags: ParsedFlags, names: readonly string[], script: CiScript): boolean {
  if (names.some((n) => flags.limitedWordFlags?.has(n))) return false;
  const written = flagWordsOf(script);
  if (written.size === 0) return true;
  // Each long name's prefixes of 4 characters or more (`--no…`): an abbreviation the script gives.
  for (const n of names) {
    if (!n.startsWith('--')) continue;
    const name = n.toLowerCase();
    for (let end = 4; end <= name.length; end++) if (written.has(name.slice(0, end))) return false;
  }
  return true;
}

/**
 * A word's text as a flag: all of it when known, else the literal `--name=` it begins with
 * (`--node-vm-size="$SIZE"`, `--resource-group=$RG`): the flag is written, only its value is not
 * known (argparse splits a long flag's inline value at the first `=`).
 */
function flagText(w: ExpandedWord): string | undefined {
  if (w.text !== undefined) return w.text;
  const first = w.segments[0];
  // (`-s="$SIZE"`, `-s"$SIZE"`: a short flag and its value in one word, as argparse reads it.)
  return first && first.value === undefined && (/^--[A-Za-z][\w-]*=/.test(first.text) || /^-[A-Za-z]/.test(first.text)) ? first.text : undefined;
}

/**
 * The flag a flag word writes and where in the word its value starts, when the value is in it
 * (argparse: `--name=value`; a short flag's `-s=value` and `-svalue` — only for a short flag that
 * takes a value, `takesValue`): `from` is an index into the raw word. Otherwise the flag is the
 * whole text and its value, if any, is the next word.
 */
function splitFlagWord(t: string, w: ExpandedWord, takesValue: (short: string) => boolean): { written: string; from?: number; word?: ExpandedWord } {
  const raw = w.word.raw;
  if (t.startsWith('--')) {
    const eq = t.indexOf('=');
    if (eq <= 0) return { written: t };
    // `EXTRA="--admin-enabled=true"; az … $EXTRA`: the `=` is in the variable's value, not in the
    // word as written (its index there would read the whole text as the value).
    const held = raw.includes('=') ? undefined : valueAfter(w, eq + 1);
    return held ? { written: t.slice(0, eq), from: 0, word: held } : { written: t.slice(0, eq), from: raw.indexOf('=') + 1 };
  }
  const short = t.slice(0, 2);
  const attached = t.length > 2 || (w.text === undefined && w.segments.length > 1);
  if (!attached || !takesValue(short)) return { written: t };
  return { written: short, from: t[2] === '=' ? raw.indexOf('=') + 1 : raw.indexOf(short) + 2 };
}

/**
 * The part of a word's one known value from `at` on, as a word of its own (what a flag word
 * held by a variable gives after its `=`), where that part is written: within the value's
 * origin when the origin is that text as written (one line, the same length), else the origin.
 */
function valueAfter(w: ExpandedWord, at: number): ExpandedWord | undefined {
  const seg = w.segments.length === 1 ? w.segments[0]! : undefined;
  const v = seg?.value;
  if (!seg || v?.kind !== 'string') return undefined;
  const text = v.value.slice(at);
  const o = v.origin;
  const exact = o && o.range.start.line === o.range.end.line && o.range.end.offset - o.range.start.offset === v.value.length;
  const origin: Location | undefined = o && exact ? { file: o.file, range: { start: { line: o.range.start.line, column: o.range.start.column + at, offset: o.range.start.offset + at }, end: o.range.end } } : o;
  const value: Value = { ...v, value: text, ...(origin ? { origin } : {}) };
  return { ...w, segments: [{ ...seg, text, value }], text };
}

const isFlag = (w: ExpandedWord | undefined): boolean => {
  const t = w && flagText(w);
  return t !== undefined && /^--?[A-Za-z]/.test(t);
};

/** Every long flag a command's parser knows of (each spec's, cached): what an abbreviation may stand for. */
const LONG_FLAGS = new WeakMap<AzCommandSpec, readonly string[]>();
function longFlagsOf(spec: AzCommandSpec): readonly string[] {
  let out = LONG_FLAGS.get(spec);
  if (!out) {
    const all = [...spec.flags.flatMap((f) => f.names), ...(spec.refFlags ?? []).flatMap((r) => r.names), ...spec.nameFlags, ...(spec.parentFlags ?? []), ...LOCATION_FLAGS, ...FILE_FLAGS, SET_FLAG, '--priority', ...SWITCH_FLAGS];
    out = [...new Set(all.filter((n) => n.startsWith('--')))];
    LONG_FLAGS.set(spec, out);
  }
  return out;
}

const segments = (flag: string): number => flag.split('-').length;

/**
 * The flag a long option stands for. The Azure CLI parses with argparse, which takes a unique
 * prefix of an option for the option (Azure/azure-cli#2105, #22479): the singular
 * `--source-address-prefix` and `--destination-port-range` that scripts kept from before
 * Azure/azure-cli#4321 made them plural ("all existing scripts will continue to work") set the
 * plural flags. A prefix of exactly one known flag with as many `-`-separated parts is that flag;
 * a prefix of several, or a shorter one (`--source`, which may be any `--source-…` flag, also
 * ones not modelled here), is `ambiguous`: what it sets is not decided. Anything else is itself.
 */
function resolveFlag(spec: AzCommandSpec, name: string): { name: string; ambiguous?: readonly string[] } {
  if (!name.startsWith('--')) return { name };
  const known = longFlagsOf(spec);
  if (known.includes(name)) return { name };
  const longer = known.filter((n) => n.startsWith(name));
  if (longer.length === 0) return { name };
  if (longer.length === 1 && segments(longer[0]!) === segments(name)) return { name: longer[0]! };
  // Only the flags that set something of the resource matter (`--workspace` may be `--workspace-name`: no attribute).
  const setting = longer.filter((n) => settingFlag(spec, n));
  return setting.length > 0 ? { name, ambiguous: setting } : { name };
}

/** A flag that sets an attribute of the command's resource (a modelled flag, `--set`, `--file`, `--priority`). */
function settingFlag(spec: AzCommandSpec, flag: string): boolean {
  return flag === SET_FLAG || flag === '--priority' || (FILE_FLAGS as readonly string[]).includes(flag) || spec.flags.some((f) => f.names.includes(flag));
}

/** The Azure CLI's global short flags (`az --help`: `-o/--output`, `-h/--help`), when a command has no flag of its own by that name. */
const AZ_GLOBAL_SHORT_FLAGS: ReadonlySet<string> = new Set(['-o', '-h']);

/**
 * An unquoted `$ARGS` (the whole word) whose every possible text is known (`UnknownValue.texts`:
 * each branch of an if/case before the command set one): the flags those texts pass, split into
 * words as the shell does (default IFS), each read as `parseFlags` reads a flag (an abbreviation
 * as every flag it may stand for). Undefined when that cannot be said: another form of the word
 * (`${ARGS:-x}`, `"a$ARGS"`), a glob character, or a short flag that is not the command's.
 */
function branchFlagsOf(spec: AzCommandSpec, w: ExpandedWord, byName: ReadonlyMap<string, FlagSpec>): string[] | undefined {
  const seg = w.segments.length === 1 ? w.segments[0]! : undefined;
  const texts = seg?.value?.kind === 'unknown' ? seg.value.texts : undefined;
  if (!texts || !seg!.unquoted || !/^\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\})$/.test(w.word.raw)) return undefined;
  const flags = new Set<string>();
  for (const text of texts) {
    if (/[*?[]/.test(text)) return undefined;
    for (const word of text.split(/[ \t\n]+/)) {
      if (!word.startsWith('-') || word === '-' || word === '--') continue;
      if (!word.startsWith('--')) {
        // `-t` or `-tvalue` (argparse): the short flag of its first letter. The Azure CLI's own
        // `-o`/`-h` (output format, help) set nothing of a resource.
        const short = word.slice(0, 2);
        if (!byName.has(short) && AZ_GLOBAL_SHORT_FLAGS.has(short)) continue;
        if (!byName.has(short)) return undefined;
        flags.add(short);
        continue;
      }
      const eq = word.indexOf('=');
      const resolved = resolveFlag(spec, (eq > 0 ? word.slice(0, eq) : word).toLowerCase());
      for (const n of resolved.ambiguous ?? [resolved.name]) flags.add(n);
    }
  }
  return [...flags];
}

function parseFlags(spec: AzCommandSpec, words: ExpandedWord[], file: string): ParsedFlags {
  const out: ParsedFlags = { values: new Map(), sets: [], refs: new Map() };
  const byName = new Map<string, FlagSpec>();
  for (const f of spec.flags) for (const n of f.names) byName.set(n, f);
  const has = (names: readonly string[], n: string): boolean => names.includes(n);
  let i = spec.command.split(' ').length;
  /** Marks an expansion not known; whether it stands for a few known texts (`branchFlags`). */
  const markOpaque = (w: ExpandedWord): boolean => {
    if (!w.opaque) return false;
    const branchFlags = branchFlagsOf(spec, w, byName);
    for (const f of branchFlags ?? []) (out.limitedWordFlags ??= new Set()).add(f);
    // An expansion may carry any flag: it outranks an abbreviation or a variable of known texts,
    // which stand for a few; those together may set any of theirs (review 113).
    out.opaque = combineOpaque(out.opaque, branchFlags ? { word: w.word.raw, branchFlags, index: words.indexOf(w) } : { word: w.word.raw, ...(w.why ? { why: w.why } : {}) });
    return branchFlags !== undefined;
  };
  /**
   * A short flag of this command that takes a value (`-s`, `-n`, `-g`; a three-state switch, `-e`,
   * takes one it may omit): `-svalue` and `-s=value` are it with that value (review 132: `-e=true`).
   */
  const shortTakesValue = (short: string): boolean => {
    const f = byName.get(short);
    if (f) return f.read !== 'off';
    return has(spec.nameFlags, short) || has(spec.parentFlags ?? [], short) || has(LOCATION_FLAGS, short) || has(FILE_FLAGS, short) || VALUE_FLAGS.has(short) || (spec.refFlags?.some((r) => r.names.includes(short)) ?? false);
  };
  while (i < words.length) {
    const w = words[i]!;
    // A word only partly known that starts like a short flag this command does not give a value
    // (`-x"$Y"`): not read as that flag, as before.
    const asFlag = w.text === undefined ? flagText(w) : undefined;
    const partShort = asFlag !== undefined && /^-[A-Za-z]/.test(asFlag) && !shortTakesValue(asFlag.slice(0, 2));
    if (partShort && !w.opaque) {
      i++;
      continue;
    }
    // (`--resource-group=$RG`: the expansion is that option's value, as in `-g $RG`; it is read below.)
    if (w.opaque && (!isFlag(w) || partShort)) {
      // (A variable of known texts passes only their flags: `limitedWordFlags`.)
      if (!markOpaque(w)) out.looseOpaque = true;
      i++;
      continue;
    }
    if (!isFlag(w)) {
      // `pool1 \ --node-taints …`: a backslash before a blank keeps the blank in the next word (a
      // folded `run: >` makes one of a `\` at a line end, FORMATS.md §1 trap 6). argparse reads
      // no flag in ` --node-taints` and rejects the word: the flags after it are not decided.
      if (w.text !== undefined && /^\s+--?[A-Za-z]/.test(w.text)) {
        out.opaque = combineOpaque(out.opaque, { word: w.word.raw, stray: true });
        out.looseOpaque = true;
      }
      i++;
      continue;
    }
    const t = flagText(w)!;
    // An unquoted unknown value may still split into more words, flags among them.
    if (w.opaque) markOpaque(w);
    const split = splitFlagWord(t, w, shortTakesValue);
    // The value: inline (after `=`, or after a short flag), else the next word(s).
    const inline = split.from !== undefined ? (split.word ?? w) : undefined;
    const inlineFrom = split.from ?? 0;
    const written = split.written.replace(/^(--[a-z-]+)$/i, (m) => m.toLowerCase());
    const resolved = resolveFlag(spec, written);
    const name = resolved.name;
    // An abbreviation that may stand for several flags may set any of them.
    if (resolved.ambiguous) {
      out.opaque = combineOpaque(out.opaque, { word: written, abbreviation: resolved.ambiguous, index: i });
      for (const f of resolved.ambiguous) (out.limitedWordFlags ??= new Set()).add(f);
    }
    const next = words[i + 1];
    const takeOne = (): { value: Value; word: ExpandedWord; from: number } | undefined => {
      if (inline) return { value: sliceValue(inline, inlineFrom), word: inline, from: inlineFrom };
      if (!next || isFlag(next)) return undefined;
      i++;
      markOpaque(next);
      return { value: sliceValue(next, 0), word: next, from: 0 };
    };
    const takeMany = (): { words: { w: ExpandedWord; from: number }[] } => {
      if (inline) return { words: [{ w: inline, from: inlineFrom }] };
      const ws: { w: ExpandedWord; from: number }[] = [];
      while (words[i + 1] && !isFlag(words[i + 1])) {
        markOpaque(words[i + 1]!);
        ws.push({ w: words[i + 1]!, from: 0 });
        i++;
      }
      return { words: ws };
    };
    const f = byName.get(name);
    const refFlag = spec.refFlags?.find((r) => r.names.includes(name));
    if (refFlag) {
      const v = takeOne()?.value;
      if (v?.kind === 'string') {
        const last = v.value.replace(/\/+$/, '').split('/').pop() ?? '';
        out.refs.set(refFlag.ref, str(identityKey(refFlag.kind, last), v.origin));
      } else {
        // `$ACR_ID` assigned `$(az acr show -n myacr --query id -o tsv)`: the id of registry myacr.
        const named = v?.kind === 'unknown' ? idOutputName(v.token, refFlag.kind) : undefined;
        if (named !== undefined) out.refs.set(refFlag.ref, str(identityKey(refFlag.kind, named), v?.origin));
      }
    } else if (f) {
      // A three-state switch takes a following word as its value; an expansion there may be an
      // argument list instead (`--enable-cluster-autoscaler $EXTRA_ARGS`; review 128).
      if (f.read === 'bool' && !inline && next?.opaque && branchFlagsOf(spec, next, byName) === undefined) out.looseOpaque = true;
      const value = readFlag(f, w, inline !== undefined, takeOne, takeMany, file, next);
      if (value) out.values.set(f, { value: value.value, flag: w, variable: value.variable, written });
    } else if (has(spec.nameFlags, name)) {
      const v = takeOne();
      if (v) out.name = { value: v.value, raw: v.word.word.raw.slice(v.from) };
    } else if (name === '--ids' && spec.verb === 'update') {
      // `az keyvault update --ids /subscriptions/…/vaults/kv2`: one literal resource id names the
      // resource by its last segment (the update targets kv2, not a vault of unknown name).
      // Several ids (`--ids <id1> <id2>`) update several resources: then no one name.
      const v = takeOne();
      const several = v !== undefined && v.word === next && words[i + 1] !== undefined && !isFlag(words[i + 1]);
      const last = v?.value.kind === 'string' && !several ? /\/providers\/[^/\s]+(?:\/[^/\s]+\/([^/\s]+))+\/?$/i.exec(v.value.value)?.[1] : undefined;
      if (v && last && !out.name) out.name = { value: str(last, v.value.origin), raw: last };
    } else if (spec.parentFlags && has(spec.parentFlags, name)) {
      out.parent = takeOne()?.value;
    } else if (has(LOCATION_FLAGS, name)) {
      out.location = takeOne()?.value;
    } else if (has(FILE_FLAGS, name)) {
      const v = takeOne();
      out.file = v?.value;
      out.fileRaw = v ? v.word.word.raw.slice(v.from) : undefined;
      out.fileAt = v ? { file, range: v.word.word.range } : undefined;
    } else if (name === SET_FLAG) {
      for (const { w: sw, from } of takeMany().words) {
        const raw = sw.word.raw.slice(from);
        const e = raw.indexOf('=');
        if (e <= 0) continue;
        // The key as the shell passes it: quotes removed (`"size=$1"` sets `size`).
        const key = sw.text !== undefined ? sw.text.split('=')[0]! : raw.slice(0, e).replace(/["'\\]/g, '');
        // A value that is one variable keeps its name (`--set size=$GPU_SKU`: GPU001's intent), as a flag's does.
        const value = sliceValue(sw, from + e + 1);
        const variable = sliceVariable(sw, from + e + 1);
        out.sets.push({ key, value: variable && value.kind !== 'unknown' ? withSymbol(value, variable, { file, range: sw.word.range }) : value, range: sw.word.range });
      }
    } else if (name === '--priority') {
      const v = takeOne();
      if (v) out.priority = { value: v.value, at: { file, range: v.word.word.range } };
    } else if (!SWITCH_FLAGS.has(name) && !inline && next && !isFlag(next)) {
      // Another flag with a value (`--resource-group rg`): skip its value, which may still split
      // into words when it is an unquoted unknown (`-g $RG`, RG the output of a command).
      i++;
      // (A flag this reader does not know may be a switch — `--enable-oidc-issuer $EXTRA_ARGS` —:
      // an expansion after it may be an argument list, unless the flag is one known to take a
      // value: review 128.)
      if (!markOpaque(next) && next.opaque && mayBeSwitch(name)) out.looseOpaque = true;
    }
    i++;
  }
  overriddenByLaterWords(out, words);
  return out;
}

/**
 * A flag given explicitly, then passed again by a later word that may pass it in some runs (a
 * variable of known texts `$EXTRA` holding `--node-vm-size Standard_D4s_v5` in one branch, an
 * abbreviation that may stand for it): argparse keeps the last one, so the value is not known
 * (review 118: a pool sized Standard_NC6 was a GPU pool for TAG002 though `cheap` runs made it a
 * D4s_v5). An expansion not known at all decides only absent flags (FORMATS.md §1(d)).
 */
function overriddenByLaterWords(out: ParsedFlags, words: readonly ExpandedWord[]): void {
  const limitedWords: { index: number; opaque: Opaque; flags: readonly string[] }[] = [];
  for (let o: Opaque | undefined = out.opaque; o; o = o.also) {
    const flags = limitedFlags(o);
    if (flags && o.index !== undefined) limitedWords.push({ index: o.index, opaque: o, flags });
  }
  if (limitedWords.length === 0) return;
  for (const [f, v] of out.values) {
    const at = words.indexOf(v.flag);
    const later = limitedWords.find((l) => l.index > at && f.names.some((n) => l.flags.includes(n)));
    if (!later) continue;
    const flag = v.flag.word.raw.replace(/=.*$/, '');
    const why = later.opaque.branchFlags
      ? `the unquoted ${later.opaque.word} after ${flag} passes it again in some branches of an if/case and not in others (the last one given is used)`
      : `the abbreviated flag ${later.opaque.word} after ${flag} may stand for it (the last one given is used)`;
    out.values.set(f, { ...v, value: unknown(why, v.value.origin) });
  }
}

// azure-cli core `get_three_state_flag`: `choices = [positive_label, negative_label]`, a
// CaseInsensitiveList ('true'/'false' for the flags read as `bool`): `yes`, `on`, `1` are rejected
// by argparse, so such a command never runs (unknown, never reported).
const TRUE_WORDS = /^true$/i;
const FALSE_WORDS = /^false$/i;

function readFlag(
  f: FlagSpec,
  flagWord: ExpandedWord,
  inline: boolean,
  takeOne: () => { value: Value; word: ExpandedWord; from: number } | undefined,
  takeMany: () => { words: { w: ExpandedWord; from: number }[] },
  file: string,
  next: ExpandedWord | undefined,
): { value: Value; variable?: VariableUse } | undefined {
  // A flag that came out of a variable (`$ARGS` split into words) is written in the assignment.
  const flagLoc: Location = (flagWord.segments.length === 1 && flagWord.segments[0]!.value?.origin) || { file, range: flagWord.word.range };
  // A flag a condition chose (`${{ inputs.admin == 'yes' && '--admin-enabled' || '' }}`): the value
  // it means is decided by that input (RULES.md "Values chosen by a condition").
  const flagValue = flagWord.segments.length === 1 ? flagWord.segments[0]!.value : undefined;
  const flagged = <T extends Value>(v: T): T => (flagValue?.decidedBy ? withProvenanceOf(v, flagValue) : v);
  switch (f.read) {
    case 'bool': {
      // Three-state (azure-cli `get_three_state_flag`: argparse `nargs='?'` with choices): a bare flag
      // is true; any following word that is not a flag (or a redirection) is its value, and a value
      // that is not a boolean makes the CLI reject the command: unknown, never the bare flag's true.
      const nextIsValue = !inline && next !== undefined && !isFlag(next) && redirection(next.word.raw) === undefined;
      if (!inline && !nextIsValue) return { value: flagged(bool(true, flagLoc)) };
      const v = takeOne();
      if (!v) return { value: flagged(bool(true, flagLoc)) };
      return { value: toBool(v.value), variable: sliceVariable(v.word, v.from) };
    }
    case 'off':
      return { value: flagged(bool(false, flagLoc)) };
    case 'enabled': {
      const v = takeOne();
      if (!v) return undefined;
      if (v.value.kind !== 'string') return { value: v.value };
      const l = v.value.value.toLowerCase();
      return { value: l === 'enabled' || l === 'disabled' ? withProvenanceOf(bool(l === 'enabled', v.value.origin), v.value) : unknown(`"${v.value.value}" is neither Enabled nor Disabled`, v.value.origin) };
    }
    case 'string':
    case 'number': {
      const v = takeOne();
      if (!v) return undefined;
      const variable = sliceVariable(v.word, v.from);
      if (f.read === 'number' && v.value.kind === 'string' && /^-?\d+$/.test(v.value.value.trim())) return { value: withProvenanceOf(num(Number(v.value.value), v.value.origin), v.value), variable };
      return { value: v.value, variable };
    }
    case 'commaList': {
      const v = takeOne();
      if (!v) return undefined;
      if (v.value.kind !== 'string') return { value: v.value };
      return { value: commaList(v.value, v.word, v.from, file) };
    }
    case 'keyValues':
    case 'words': {
      const { words } = takeMany();
      const values = words.map(({ w, from }) => sliceValue(w, from));
      if (f.read === 'words') return { value: values.find((x) => x.kind === 'unknown') ?? list(values, flagLoc) };
      const entries = new Map<string, Value>();
      for (const [k, v] of values.entries()) {
        if (v.kind === 'unknown') {
          // `owner="$OWNER"`: one word whose key is written before what is not known: that key, its
          // value unknown (an unquoted expansion may split into more words, more keys: the whole is unknown).
          const oneWord = words[k]!.w.segments.every((sg) => sg.value?.kind !== 'unknown' || !sg.unquoted || sg.value.oneWord === true);
          const lead = oneWord ? v.literals?.[0] : undefined;
          const eq = lead?.indexOf('=') ?? -1;
          if (eq <= 0) return { value: v };
          entries.set(lead!.slice(0, eq), v);
          continue;
        }
        if (v.kind !== 'string' || v.value === '') continue;
        const e = v.value.indexOf('=');
        entries.set(e < 0 ? v.value : v.value.slice(0, e), str(e < 0 ? '' : v.value.slice(e + 1), v.origin));
      }
      // Where the tags are written: the first word's value, else that word (its value not known).
      const first = words[0];
      return { value: obj(entries, values[0]?.origin ?? (first ? { file, range: first.w.word.rangeOf(first.from, first.w.word.raw.length) } : flagLoc)) };
    }
  }
}

function toBool(v: Value): Value {
  if (v.kind !== 'string') return v;
  if (TRUE_WORDS.test(v.value.trim())) return withProvenanceOf(bool(true, v.origin), v);
  if (FALSE_WORDS.test(v.value.trim())) return withProvenanceOf(bool(false, v.origin), v);
  return unknown(`"${v.value}" is not a boolean`, v.origin);
}

/** `a=b:NoSchedule,c=d:NoSchedule` → a list, each item located in the word when the word is one literal. */
function commaList(v: Value & { kind: 'string' }, word: ExpandedWord, from: number, file: string): Value {
  const literal = word.segments.length === 1 && !word.segments[0]!.value;
  const items: Value[] = [];
  let at = 0;
  for (const part of v.value.split(',')) {
    const start = at;
    at += part.length + 1;
    if (part.trim() === '') continue;
    if (literal) {
      // Raw index of the part: the literal segment maps text positions to raw positions one to one unless escapes/quotes intervene.
      const seg = word.segments[0]!;
      const rawStart = seg.from + Math.max(0, from - seg.from) + start;
      const exact = word.word.raw.slice(rawStart, rawStart + part.length) === part;
      items.push(str(part.trim(), exact ? { file, range: word.word.rangeOf(rawStart, rawStart + part.length) } : v.origin));
    } else items.push(withProvenanceOf(str(part.trim(), v.origin), v));
  }
  return list(items, v.origin);
}

function defaultValue(d: DefaultValue): Value {
  if (typeof d === 'string') return str(d);
  if (typeof d === 'number') return num(d);
  if (typeof d === 'boolean') return bool(d);
  if (Array.isArray(d)) return list(d.map((x) => str(x as string)));
  return obj(new Map(Object.entries(d as Record<string, string>).map(([k, x]) => [k, str(x)])));
}

/** The word an `Enabled`/`Disabled` flag takes for a boolean. */
function enabledWord(b: boolean): string {
  return b ? 'Enabled' : 'Disabled';
}

/** Whether the spec's flag for an attribute takes `Enabled`/`Disabled`. */
function readsEnabled(spec: AzCommandSpec, attr: string): boolean {
  return spec.flags.some((f) => f.attr === attr && f.read === 'enabled');
}

/** The first flag name of an attribute in a spec (for messages: `--node-vm-size`). */
function flagNameOf(spec: AzCommandSpec, attr: string, pool = false): string {
  return flagNamesOf(spec, attr, pool)[0] ?? attr;
}

/** Every name of the flag that sets `attr` (none when no flag does). */
function flagNamesOf(spec: AzCommandSpec, attr: string, pool = false): readonly string[] {
  return spec.flags.find((f) => f.attr === attr && !!f.pool === pool && !f.decides)?.names ?? [];
}

export function azureCliUnits(ciFiles: readonly CiFile[], ctx: FrontEndContext): AzureCliResult {
  const byUnit = new Map<string, { evaluation: Evaluation; resources: Resource[] }>();
  const fileReferences: AzFileReference[] = [];
  const heredocs: HeredocWrite[] = [];
  /** Scripts whose syntax hides an az command (EVAL001). */
  const problems: Problem[] = [];
  const byPath = new Map(ciFiles.filter((f) => f.kind === 'script' && f.scripts[0]).map((f) => [f.file, { file: f.file, script: f.scripts[0]! }]));
  const links = newFileLinks();
  const linkerFor = (inScript: boolean, hds: () => readonly HeredocWrite[], start?: FolderState): Linker => {
    // One list per script (azure-cli-files.ts indexes it once, by the list).
    let list: readonly HeredocWrite[] | undefined;
    return {
      inScript,
      ...(start === undefined || inScript ? {} : { start }),
      heredocs: () => (list ??= hds()),
      // The evaluation is replaced by the command's unit when the draft is placed.
      resources: (cmd) => fileCommandResources(cmd, { variant: 'default', env: 'unknown', unit: cmd.file, inputs: [] }, ctx, links),
    };
  };
  // Before the calls: a template path may read a variables template's value (`${{ variables.version }}`).
  const variableTemplateSources = resolveVariableTemplates(ciFiles, ctx);
  const { calls: localCalls, references } = localCallsByTarget(ciFiles, ctx.root, (f) => ctx.host.isFile(f));
  // A `- template:` step's inserted steps may set variables at run time for the steps after it.
  const ciFileAt = new Map(ciFiles.map((f) => [path.resolve(f.file), f]));
  for (const [target, calls] of localCalls) {
    const template = ciFileAt.get(target);
    // (A GitHub composite action's steps run in the caller's job, as a template's do.)
    if (template) for (const c of calls) if (c.step?.kind === 'template' || (c.step?.uses?.kind === 'local' && template.kind === 'github-action')) linkStepTemplate(c.step, template);
  }
  // The scanned scripts a step runs set variables at run time for the steps after it too.
  for (const f of ciFiles) if (f.kind !== 'script') linkScriptFiles(f, byPath, ctx.root);
  problems.push(...missingLocalReferences(references, ctx));
  // `source ./vars.sh` of a scanned script: run it (its own az commands are linted in its own file) and keep its variables.
  // (A sourced file's `$0` is the script that sources it, `program`: its `$(dirname "$0")` is that script's folder.)
  // (`start`: the folder the script `from` started in, folders.ts; a path it sources is read from
  // there and the `cd`s before the `source`, and the sourced file starts in that folder.)
  // A helper sourced by every step is interpreted once per set of values it starts with (sourced-runs.ts).
  const sourcedRuns = new SourcedRuns();
  const withSource = (from: string, base: ScriptContext['expansion'], depth = 0, program?: string, start?: FolderState): ScriptContext['expansion'] => ({
    ...base,
    ...(program === undefined ? {} : { program }),
    functionCallsPassed,
    source: (p: string, env: Env, folder?: ScriptFolder, fromCheckout?: boolean, noBranchTexts?: boolean): ReturnType<typeof interpretScript> | undefined => {
      const at = fromCheckout ? p : fromStart(start, p);
      const target = depth < 4 && at !== undefined ? scriptAt(byPath, ctx.root, from, at) : undefined;
      if (!target) return undefined;
      const childStart = nestedFolder(start, folder);
      const sourcedBy = program ?? from;
      // (The folder it starts in and the depth matter only to the files it sources: a run that sources one is not kept.)
      const key = reusableRun(target.script) ? JSON.stringify([target.file, sourcedBy, noBranchTexts === true, base.runnerOs ?? null]) : undefined;
      const childCtx = { ...withSource(target.file, base, depth + 1, sourcedBy, childStart), ...(noBranchTexts ? { noBranchTexts: true as const } : {}) };
      return sourcedRuns.run(key, env, childCtx, (watched) => interpretScript(target.file, target.script, env, watched));
    },
  });
  // Calls of a script's shell functions past their work or depth (function-calls.ts): EVAL001 once per file and bound, at the first call not run.
  const functionCallsNoted = new Set<string>();
  const functionCallsPassed = (at: Location, bound: 'work' | 'depth'): void => {
    const key = `${at.file}\u0000${bound}`;
    if (functionCallsNoted.has(key)) return;
    functionCallsNoted.add(key);
    const why = bound === 'work' ? `the calls of this script's shell functions run more than ${FUNCTION_CALL_WORK.toLocaleString('en-US')} commands: from here on a call` : `calls of this script's shell functions nest more than ${MAX_FUNCTION_CALL_DEPTH} deep: a call deeper`;
    problems.push({ ruleId: 'EVAL001', message: `${why} is not run with its arguments (the function's commands are read as written, their arguments unknown)`, location: at });
  };
  // A loop past MAX_LOOP_ITERATIONS: EVAL001 once, at its key (its own file's run and its called templates' meet it).
  const cappedLoops = new Set<string>();
  const loopCapped = (file: string, loop: CiLoop): void => {
    const key = `${file}\u0000${loop.keyRange.start.offset}`;
    if (cappedLoops.has(key)) return;
    cappedLoops.add(key);
    problems.push({ ruleId: 'EVAL001', message: `\${{ each ${loop.variable} in ${loop.collection} }} runs more than ${MAX_LOOP_ITERATIONS.toLocaleString('en-US')} times with the loops around it: it is not expanded (its loop variable is unknown)`, location: { file, range: loop.keyRange } });
  };
  for (const file of ciFiles) {
    const places = placesOf(file);
    const callsOf = (f: CiFile): readonly LocalCall[] => localCalls.get(path.resolve(f.file)) ?? [];
    // Commands interpreted once per matrix combination: a file may spend MATRIX_WORK_BUDGET of
    // them; past it a job's matrix is not expanded (its values unknown) and EVAL001 says so.
    const matrixWork = workBudget(MATRIX_WORK_BUDGET, (range) => problems.push(matrixBudgetProblem(file.file, range)));
    const cut: CallerCuts = { deeper: false, cappedLoops: [] };
    let callers = callerContexts(file, callsOf(file), ctx.root, callsOf, 0, cut);
    for (const { file: at, loop } of cut.cappedLoops) loopCapped(at, loop);
    // Each call in an iteration past the first of the `${{ each }}` loops around it runs this
    // file's commands once more: the copies spend its matrix work, and past it the loops around
    // its calls are not expanded (their loop variables unknown), with EVAL001 at the first.
    const loopCalls = callers.filter((c) => c.loopCopy !== undefined);
    if (loopCalls.length > 0 && !matrixWork.spendIfFits(loopCalls.length * commandsOf(file))) {
      const { file: at, loop } = loopCalls[0]!.loopCopy!;
      const shown = path.relative(ctx.root, file.file).replace(/\\/g, '/');
      const why = (each: string): string => `${each} is not expanded for ${shown}: its calls of that file, one per iteration, times the file's commands pass the linter's budget`;
      callers = callerContexts(file, callsOf(file), ctx.root, callsOf, 0, undefined, { iterations: 1, why });
      problems.push({ ruleId: 'EVAL001', message: `\${{ each ${loop.variable} in ${loop.collection} }} calls ${shown} once per iteration, and those calls times its commands pass ${MATRIX_WORK_BUDGET.toLocaleString('en-US')}: the loops around its calls are not expanded for it (their loop variables are unknown)`, location: { file: at, range: loop.keyRange } });
    }
    if (cut.deeper) {
      problems.push({
        ruleId: 'EVAL001',
        message: `this file's callers are followed through their own callers up to ${MAX_CALLER_DEPTH} levels; the values that callers farther up pass are not read`,
        location: fileStart(file.file),
      });
    }
    // A template (and a workflow only other workflows call, a composite action) runs only as its
    // scanned callers call it: evaluated with their values, not also with its own defaults (which
    // a caller that passes the input never uses), as a Terraform module is evaluated in its caller.
    const calledOnly = callers.length > 0 && runsOnlyWhenCalled(file);
    let fileEnv: FileEnv | undefined;
    // The class a source decided (undefined: none; an `unknown` one decided is final: evaluationEnv).
    const envClass = (place: ScriptPlace | undefined, assigned: Map<string, Value>, sc: ScriptContext, given?: ReadonlyMap<string, Value>, callerEnv?: EnvClass): EnvClass | undefined =>
      envClassOf((fileEnv ??= fileEnvOf(ctx, file)), place, assigned, sc, given, file, callerEnv);
    // A script's class is decided when its first resource is added, not for every script run:
    // most scripts add none (no az command), and the file's part (path.relative, the config's
    // globs) and the assignments' scan were then made for nothing (issue 15's CI profile).
    const lazyEnvClass = (place: ScriptPlace | undefined, assigned: Map<string, Value>, sc: ScriptContext, given?: ReadonlyMap<string, Value>, callerEnv?: EnvClass): (() => EnvClass | undefined) => {
      let env: EnvClass | undefined;
      let decided = false;
      return () => {
        if (!decided) {
          env = envClass(place, assigned, sc, given, callerEnv);
          decided = true;
        }
        return env;
      };
    };
    const draftsByVariant = new Map<string, Draft[]>();
    const envByVariant = new Map<string, Map<Draft, EnvClass | undefined>>();
    const add = (variant: string, d: Draft, env: EnvClass | undefined): void => {
      if (d.spec?.verb === 'update') {
        leftUnchanged(d);
        onlyClears(d);
      }
      const list = draftsByVariant.get(variant) ?? [];
      list.push(d);
      draftsByVariant.set(variant, list);
      const envs = envByVariant.get(variant) ?? new Map<Draft, EnvClass | undefined>();
      envs.set(d, env);
      envByVariant.set(variant, envs);
    };
    /**
     * A script run's invocations as drafts of one variant: an `update` merges into that variant's
     * `create` of the same name. `cliVersion`: the Azure CLI version they run with, when the step says it.
     */
    const addInvocations = (variant: string, run: { invocations: readonly AzInvocation[]; env: Env }, env: () => EnvClass | undefined, recordRefs: boolean, linker: Linker, cliVersion?: Value): void => {
      const defaults = configuredDefaults(run);
      for (const inv of run.invocations) addDrafts(variant, fromInvocation(inv, file.file, fileReferences, recordRefs, linker, defaults, cliVersion), env);
    };
    /**
     * Drafts of one variant in the order their commands run: an `update` merges into a `create` of
     * the same name before it (FORMATS.md §1(e) trap 1), also in a script a step or a script runs
     * (review 109: a scriptPath script's own create + update was a false KV001).
     */
    const addDrafts = (variant: string, built: readonly Draft[] | undefined, env: () => EnvClass | undefined): void => {
      for (const d of built ?? []) {
        if (d.spec?.verb === 'update' && mergeUpdate(draftsByVariant.get(variant) ?? [], d)) continue;
        add(variant, d, env());
      }
    };
    /**
     * A called script's class: its own path decides as a script linted alone would have it (README
     * "Environment class": the config's `environments` and the file name first — `deploy-prod.sh`
     * run by a job without `environment:` is prod —, the folders last), around what its caller's
     * run decides (`env`); `--env` and the caller's configured class stay first.
     */
    const ownPathFirst = (script: string, env: () => EnvClass | undefined): (() => EnvClass | undefined) => {
      if (ctx.envOverride || ctx.envForPath(file.file)) return env;
      const first = ctx.envForPath(script) ?? classifyPath(path.basename(script))?.env;
      const last = classifyPath(path.dirname(path.relative(ctx.root, script)), ctx.envAbove)?.env;
      if (first === undefined && last === undefined) return env;
      return () => first ?? env() ?? last;
    };
    /**
     * A scanned script a run of this file calls also runs, with the variables it inherits (the
     * step's, the exported ones) and its arguments, in each matrix combination (its commands count
     * toward the file's matrix work); so does a script that one calls (`deploy.sh` →
     * `"$SCRIPT_DIR/kv.sh"`), a few levels down. `first`: the first run of the call (it spends
     * no budget); every run records the words CI001/CI005 read, as a caller's run does. Not for a script file's own calls: a
     * script with no CI caller is linted on its own.
     */
    const runCalledScripts = (
      from: ReturnType<typeof interpretScript>,
      fromFile: string,
      fromSc: ScriptContext,
      start: FolderState | undefined,
      budgetRange: Range,
      name: string,
      fromEnv: () => EnvClass | undefined,
      classOf: (assigned: Map<string, Value>) => () => EnvClass | undefined,
      first: boolean,
      depth = 0,
      fromProgram?: string,
    ): void => {
      if (file.kind === 'script') return;
      for (const call of from.calls) {
        const target = calledScript(byPath, ctx.root, fromFile, call, start);
        if (!target) continue;
        // Counted before it runs; past the budget the remaining runs do not run it, and EVAL001 says so.
        // The step's own calls count toward the matrix work; the calls below them, toward their own budget only
        // (a fan-out there must not make the step's matrix values unknown).
        const work = Math.max(1, target.script.commands.length);
        if (depth === 0 ? !first && !matrixWork.spend(work, budgetRange) : !nestedWork.spend(work, budgetRange)) continue;
        // A sourced file runs in its caller's shell: its `$0` is the caller's (the script that runs).
        const program = call.sourced ? (fromProgram ?? fromFile) : undefined;
        // (A sourced file the script's `source` already ran with these values: that run, not another one;
        // its words are not recorded for CI001/CI005 as a caller's run records them.)
        // It starts in the folder its caller is in (the caller's `cd`s before the call).
        const childStart = nestedFolder(start, call.folder);
        const child = (call.run?.file === target.file ? call.run : undefined) ?? interpretScript(target.file, target.script, call.env, withSource(target.file, fromSc.expansion, 0, program, childStart), 'caller');
        const defaults = configuredDefaults(child);
        // The caller's assignments the called script inherits (exported: `export ENVIRONMENT=prod`; all of
        // them for a sourced file) and its own (`ENVIRONMENT=$1`) class its commands; one it does not see
        // (not exported) does not.
        const inherited = call.sourced ? [...from.assigned] : [...from.assigned].filter(([k]) => call.env.has(k));
        const assigned = inherited.length === from.assigned.size && child.assigned.size === 0 ? from.assigned : new Map([...inherited, ...child.assigned]);
        const childEnv = ownPathFirst(target.file, assigned === from.assigned ? fromEnv : classOf(assigned));
        for (const inv of child.invocations) addDrafts(name, fromInvocation(inv, target.file, [], false, linkerFor(true, () => child.heredocs), defaults), childEnv);
        if (depth + 1 < MAX_SCRIPT_CALL_DEPTH) runCalledScripts({ ...child, assigned }, target.file, fromSc, childStart, budgetRange, name, childEnv, classOf, first, depth + 1, program);
      }
    };
    // Scripts calling scripts may fan out (each a few calls, four levels down): the runs below the
    // first level may interpret NESTED_CALL_WORK_BUDGET commands per file, then are not followed.
    const nestedWork = workBudget(NESTED_CALL_WORK_BUDGET, (range) =>
      problems.push({ ruleId: 'EVAL001', message: `the scripts that this file's scripts call, and the scripts those call, pass ${NESTED_CALL_WORK_BUDGET.toLocaleString('en-US')} commands: from here on the scripts they call are not run with this file's values (each is still linted on its own)`, location: { file: file.file, range } }),
    );
    /**
     * The copies of a place's script (or task, or template call) in the `${{ each }}` loops around
     * it, for each matrix combination, with a caller's values (`given`) or the defaults: each
     * iteration runs its commands again, so the copies past the matrix spend the file's matrix
     * work too; past it, or past MAX_LOOP_ITERATIONS (EVAL001 once per loop), the loop variables
     * are unknown.
     */
    const loopCopies = (place: ScriptPlace | undefined, given: ReadonlyMap<string, Value> | undefined, matrix: MatrixVariant[], commands: number, range: Range): MatrixVariant[] => {
      const loops = loopsAt(place);
      if (!loops) return matrix;
      const expanded = loopVariants(file, loops, given, matrix);
      if (expanded.capped) loopCapped(file.file, expanded.capped);
      const extra = (expanded.variants.length - matrix.length) * Math.max(1, commands);
      if (extra <= 0 || matrixWork.spend(extra, range)) return expanded.variants;
      return loopVariants(file, loops, given, matrix, { iterations: 1, why: (each) => `${each} is not expanded: this file's matrix combinations and loop iterations times their commands pass the linter's budget` }).variants;
    };
    for (const script of file.scripts) {
      if (script.origin === 'comment') continue;
      const hidden = unreadableAz(file.file, script);
      if (hidden) problems.push(hidden);
      const place = places.get(script.subject);
      // The folder the step's script starts in (its working directory), for every variant.
      const start = stepFolder(place?.step?.workingDirectory);
      let variants = matrixVariants(place?.job);
      const work = variants.length * Math.max(1, script.commands.length);
      if (variants.length === 1) matrixWork.take(work);
      else if (!matrixWork.spend(work, place?.job?.keyRange ?? script.range)) variants = [{ label: '', values: new Map(), overBudget: true }];
      const copies = (given?: ReadonlyMap<string, Value>): MatrixVariant[] => loopCopies(place, given, variants, script.commands.length, script.range);
      for (const [vi, variant] of copies().entries()) {
        const sc = scriptContext(file, place, variant);
        // The first variant's run also sets the expanded words CI001/CI005 read, and each other
        // matrix leg or loop copy adds its own as a caller's run does: a flag only a later leg
        // passes is read too (a file run only by its callers: each caller's runs do).
        const run = interpretScript(file.file, script, sc.env, withSource(file.file, sc.expansion, 0, undefined, start), calledOnly ? false : vi === 0 ? true : 'caller');
        // Heredocs and --file references once per script, from its first variant.
        if (vi === 0) heredocs.push(...run.heredocs);
        const env = lazyEnvClass(place, run.assigned, sc);
        const variantName = variantLabel(variant) || 'default';
        // A file run only by its callers makes no resources of this run (its heredocs are still read
        // above), and the files its `--file` flags name are not read here: a default no caller uses
        // names a file linted on its own. (Nor does a loop over an empty list: it inserts nothing.)
        if (!calledOnly && stepRunsIn(place?.step, sc) && !variant.loop?.empty) {
          runCalledScripts(run, file.file, sc, start, place?.job?.keyRange ?? script.range, variantName, env, (assigned) => lazyEnvClass(place, assigned, sc), vi === 0);
          addInvocations(variantName, run, env, vi === 0, linkerFor(file.kind === 'script', () => [...heredocs, ...run.heredocs], start), cliVersionOf(file, place, script, sc));
        }
      }
      // The same script once more per scanned caller that passes inputs (`uses: ./…` + `with:`),
      // in each matrix combination and each iteration of its loops with that caller's values.
      for (const [k, caller] of callers.entries()) {
        for (const [vi, variant] of copies(caller.inputs).entries()) {
          const csc = scriptContext(file, place, variant, caller.inputs, caller.variables, caller.runnerOs);
          if (!stepRunsIn(place?.step, csc) || variant.loop?.empty) continue;
          const first = calledOnly && vi === 0;
          const crun = interpretScript(file.file, script, csc.env, withSource(file.file, csc.expansion, 0, undefined, start), 'caller');
          const cenv = lazyEnvClass(place, crun.assigned, csc, caller.inputs, caller.placeEnv);
          const cname = [caller.label, variantLabel(variant)].filter(Boolean).join(', ');
          if (calledOnly) runCalledScripts(crun, file.file, csc, start, place?.job?.keyRange ?? script.range, cname, cenv, (assigned) => lazyEnvClass(place, assigned, csc, caller.inputs, caller.placeEnv), first && k === 0);
          // Run only by its callers: each caller's run reads the files its `--file` flags name (heredocs of the file included).
          addInvocations(cname, crun, cenv, false, calledOnly ? linkerFor(false, () => [...heredocs, ...crun.heredocs], start) : linkerFor(false, () => [], start), cliVersionOf(file, place, script, csc));
        }
      }
    }
    // A task running a script file (AzureCLI@2 `scriptPath`, Bash@3/PowerShell@2 `filePath`): the
    // named script, if scanned, runs with this step's variables and the arguments it passes.
    // The contexts this file's steps run in: its own, or each of its callers' (calledOnly).
    const contexts: (CallerContext | undefined)[] = calledOnly ? callers : [undefined];
    // A template's task inputs written as expressions (`commandOptions: ${{ parameters.opts }}`), as each caller makes them (CI005 reads them).
    // A pipeline's own (not a template's): its `$(var)` macros, with the pipeline's variables.
    // Each matrix leg and `${{ each }}` copy of the step is a run of its own (`command: $(tfCommand)` per leg).
    if (file.format === 'azure-pipelines') {
      recordCallerInputs(file, contexts, (step, caller) => {
        const place = places.get(step.subject);
        return loopCopies(place, caller?.inputs, matrixVariants(place?.job), 0, step.range)
          .filter((variant) => !variant.loop?.empty)
          .map((variant) => scriptContext(file, place, variant, caller?.inputs, caller?.variables, caller?.runnerOs));
      });
    }
    markStepsThatNeverRun(file, calledOnly ? callers : [undefined, ...callers], (step, caller) => scriptContext(file, places.get(step.subject), matrixVariants(places.get(step.subject)?.job)[0]!, caller?.inputs, caller?.variables, caller?.runnerOs));
    for (const { step, script, args } of scriptFileRuns(file, byPath, ctx.root)) {
      const place = places.get(step.subject);
      for (const caller of contexts) for (const variant of loopCopies(place, caller?.inputs, matrixVariants(place?.job).slice(0, 1), script.script.commands.length, step.range)) {
        const sc = scriptContext(file, place, variant, caller?.inputs, caller?.variables, caller?.runnerOs);
        if (!stepRunsIn(step, sc) || variant.loop?.empty) continue;
        const initial = new Map(sc.env);
        if (args) for (const [name, v] of argumentVariables(script.script.language, taskArguments(file.file, args, sc))) initial.set(name, v);
        const start = stepFolder(step.workingDirectory);
        const run = interpretScript(script.file, script.script, initial, withSource(script.file, sc.expansion, 0, undefined, start), 'caller');
        const env = lazyEnvClass(place, run.assigned, sc, caller?.inputs, caller?.placeEnv);
        const defaults = configuredDefaults(run);
        const name = [caller?.label, variant.loop?.label].filter(Boolean).join(', ') || 'default';
        for (const inv of run.invocations) addDrafts(name, fromInvocation(inv, script.file, [], false, linkerFor(true, () => run.heredocs), defaults), env);
        // The scripts it calls in turn, from the task's working directory.
        runCalledScripts(run, script.file, sc, start, step.range, name, env, (assigned) => lazyEnvClass(place, assigned, sc, caller?.inputs, caller?.placeEnv), true);
      }
    }
    // Known reusable templates called from this file.
    for (const call of templateCalls(file)) {
      const place: ScriptPlace = call.step ? { ...places.get(call.step.subject), step: call.step } : { job: call.job };
      for (const caller of contexts) {
        for (const variant of loopCopies(place, caller?.inputs, matrixVariants(call.job), 1, call.at.range)) {
          if (variant.loop?.empty) continue;
          const sc = scriptContext(file, place, variant, caller?.inputs, caller?.variables, caller?.runnerOs);
          const env = caller ? envClass(place, new Map(), sc, caller.inputs, caller.placeEnv) : envClass(place, new Map(), sc);
          const variantName = [caller?.label, variantLabel(variant)].filter(Boolean).join(', ') || 'default';
          add(variantName, templateResource(file, call, sc), env);
        }
      }
    }
    distinctAddresses(draftsByVariant.values());
    for (const [variant, drafts] of draftsByVariant) {
      const envs = envByVariant.get(variant)!;
      for (const d of drafts) {
        const decided = envs.get(d);
        const key = `${file.file}\u0000${variant}\u0000${decided ?? '-'}`;
        let unit = byUnit.get(key);
        if (!unit) {
          unit = { evaluation: { variant, ...evaluationEnv(decided), unit: file.file, inputs: [] }, resources: [] };
          byUnit.set(key, unit);
        }
        d.resource.evaluation = unit.evaluation;
        unit.resources.push(d.resource);
      }
    }
  }
  // A default node pool belongs to its cluster's unit (same env and variant by construction).
  return {
    units: [...byUnit.values()].map((u) => ({ evaluation: u.evaluation, resources: u.resources, refKeys })),
    fileReferences,
    heredocs,
    linkedFiles: [...links.linkedFiles],
    problems: [...links.problems, ...problems],
    suppressionSources: [...links.suppressionSources, ...variableTemplateSources],
  };
}

/**
 * Marks the steps whose `${{ if … }}` blocks every context the file runs in decides against
 * (`CiStep.neverRuns`: its own defaults and each caller's values; only its callers' for a file
 * run only by them): Azure Pipelines leaves them out at compile time, and the rules that read
 * the steps' scripts and tasks (CI001, CI005) leave them out as the runs above do.
 */
function markStepsThatNeverRun(file: CiFile, contexts: readonly (CallerContext | undefined)[], contextOf: (step: CiStep, caller: CallerContext | undefined) => ScriptContext): void {
  for (const step of file.steps) {
    if (step.when && !contexts.some((caller) => stepRunsIn(step, contextOf(step, caller)))) step.neverRuns = true;
  }
}

/**
 * Commands of one file that make resources of one address under different parents (`az aks
 * nodepool add -n gpupool` for `--cluster-name aks1` and for `aks2`): two resources, so two
 * addresses (a finding's fingerprint is its address's), each named by its parent. An address
 * with one parent stays as it is, so fingerprints do not change when nothing collides.
 */
function distinctAddresses(draftLists: Iterable<readonly Draft[]>): void {
  const lists = [...draftLists];
  const parents = new Map<string, Set<string>>();
  for (const drafts of lists) for (const d of drafts) if (d.parentKey !== undefined) (parents.get(d.resource.address) ?? parents.set(d.resource.address, new Set()).get(d.resource.address)!).add(d.parentKey);
  const renamed = new Set<Resource>();
  for (const drafts of lists) {
    for (const d of drafts) {
      if (d.parentKey === undefined || renamed.has(d.resource) || (parents.get(d.resource.address)?.size ?? 0) < 2) continue;
      renamed.add(d.resource);
      d.resource.address = `${d.resource.address} in ${d.parentKey}`;
    }
  }
}

/** A step of `file` under `${{ if … }}` blocks runs only in the contexts that do not decide them false. */
function stepRunsIn(step: CiStep | undefined, sc: ScriptContext): boolean {
  return !step?.when || conditionsHold(step.when, sc.condition) !== false;
}

/**
 * A file that runs only when another file calls it: an Azure Pipelines template (a file a
 * scanned pipeline calls with `template:` is one: a template cannot run on its own), a
 * composite action, a workflow whose only trigger is `workflow_call`.
 */
function runsOnlyWhenCalled(file: CiFile): boolean {
  if (file.format === 'azure-pipelines') return true;
  if (file.composite) return true;
  return file.calledOnly;
}

/** The EVAL001 of a file whose matrix combinations times commands pass MATRIX_WORK_BUDGET (once per file). */
/**
 * A budget of `limit` units of work. `spend`: taken when it fits, else the first that does not
 * calls `exceeded` (once) and returns false; `take`: counted whatever is left (work that runs anyway).
 */
function workBudget(limit: number, exceeded: (range: Range) => void): { spend(work: number, range: Range): boolean; spendIfFits(work: number): boolean; take(work: number): void } {
  let spent = 0;
  let noted = false;
  const fits = (work: number): boolean => {
    if (spent + work > limit) return false;
    spent += work;
    return true;
  };
  return {
    /** `spend` without `exceeded`: the caller says why (its own EVAL001). */
    spendIfFits: fits,
    spend(work, range) {
      if (fits(work)) return true;
      if (!noted) {
        noted = true;
        exceeded(range);
      }
      return false;
    },
    take(work) {
      spent += work;
    },
  };
}

/** The commands a file's scripts run once (each script at least one): what each further call of it costs. */
function commandsOf(file: CiFile): number {
  return file.scripts.reduce((n, script) => (script.origin === 'comment' ? n : n + Math.max(1, script.commands.length)), 0);
}

function matrixBudgetProblem(file: string, range: Range): Problem {
  return { ruleId: 'EVAL001', message: `the matrix combinations of this file's jobs times their commands pass ${MATRIX_WORK_BUDGET.toLocaleString('en-US')}: from this job on, matrix values are not expanded (unknown)`, location: { file, range } };
}

/**
 * An unclosed quote swallows the rest of its command line (the shell itself would stop with
 * a syntax error): when an `az` command is written there, its flags are not read (the
 * interpreter makes them unknown), so the run says so (EVAL001, RULES.md "Parse and
 * evaluation problems") instead of staying silent.
 */
function unreadableAz(file: string, script: CiScript): Problem | undefined {
  const u = script.unterminated;
  if (!u) return undefined;
  const words = script.commands.filter((c) => c.statement === u.statement && !c.commented).flatMap((c) => c.argv);
  if (!words.some((w) => w.text === 'az' || /(^|[\s;&|(`])az\s/.test(w.raw))) return undefined;
  return {
    ruleId: 'EVAL001',
    message: `the ${u.quote === '(' ? 'array' : 'quote'} ${u.quote} opened here is never closed, so the az command it runs into could not be read; its flags were not checked`,
    location: { file, range: u.range },
  };
}

/** What a file alone decides of its scripts' environment class: `--env`, the config's environments, the file name. */
interface FileEnv {
  /** The class these decide, if any. */
  decided?: EnvClass;
  /** The file's path from the scan root. */
  rel: string;
  /** The scan root (variable templates' paths are read from it). */
  root: string;
  /** The scan root's folders from its repository's top (FrontEndContext.envAbove). */
  above?: string;
}

/** Read once per file, not once per script and matrix variant (path.relative and the config's globs are not free). */
function fileEnvOf(ctx: FrontEndContext, file: CiFile): FileEnv {
  const rel = path.relative(ctx.root, file.file);
  const root = ctx.root;
  const above = ctx.envAbove;
  if (ctx.envOverride) return { decided: ctx.envOverride, rel, root, above };
  const configured = ctx.envForPath(file.file);
  if (configured) return { decided: configured, rel, root, above };
  const byName = file.kind === 'azure-pipeline' ? classifyPipelineFileName(path.basename(rel)) : classifyPath(path.basename(rel))?.env;
  return byName ? { decided: byName, rel, root, above } : { rel, root, above };
}

/**
 * The environment class of a script's commands (FORMATS.md §1(e) trap 10, then RULES.md
 * "Environments"), in one variant: `sc` is the script's context in that variant (its CI
 * variables, its matrix values, its inputs), `given` the inputs a scanned caller passes.
 */
function envClassOf(
  fileEnv: FileEnv,
  place: ScriptPlace | undefined,
  assigned: Map<string, Value>,
  sc: ScriptContext,
  given: ReadonlyMap<string, Value> | undefined,
  file: CiFile,
  callerEnv: EnvClass | undefined,
): EnvClass | undefined {
  if (fileEnv.decided) return fileEnv.decided;
  const rel = fileEnv.rel;
  // RULES.md "Environments": a variable file's name or folder before variables' values. An Azure
  // Pipelines variables template in scope is one (`config-infra-prod.yml`); templates of two classes decide nothing.
  const byVariableFile = new Set((sc.variables.files ?? []).map((f) => classifyPath(path.relative(fileEnv.root, f), fileEnv.above)?.env).filter((e) => e !== undefined));
  if (byVariableFile.size === 1) return [...byVariableFile][0]!;
  // `ENVIRONMENT="dev"` (FORMATS.md §1(e) trap 10): shell names compare without case here. The
  // step's CI variables (GitHub `env:`, Azure Pipelines `variables:`) and the workflow's or
  // template's inputs are variables and parameters too (RULES.md "Environments": "the resolved
  // value of a variable/parameter named `environment`, …"): an input's value is what the
  // caller of this variant passes (`with:`/`parameters:`), else its `default:`. A value the
  // caller passes that is not known (`${{ secrets.X }}`) decides nothing: the default is not used then.
  // (GitHub's input names ignore case: `with: { Environment: prod }` sets input `environment`.)
  const passedInput = (name: string): Value | undefined => {
    const exact = given?.get(name);
    if (exact || file.format !== 'github-actions' || !given) return exact;
    for (const [k, v] of given) if (k.toLowerCase() === name.toLowerCase()) return v;
    return undefined;
  };
  const inputs = file.inputs.flatMap((i): [string, Value][] => {
    const passed = passedInput(i.name);
    if (passed) return [[i.name, passed]];
    return i.default ? [[i.name, str(i.default.text)]] : [];
  });
  // A GitHub matrix value is a variable of its variant too (`matrix: { environment: [dev, prod] }`);
  // Azure Pipelines matrix legs are already its variables.
  const matrixValue = (name: string): Value | undefined => {
    if (file.kind !== 'github-workflow') return undefined;
    const v = sc.expansion.expression(`matrix.${name}`);
    return v.kind === 'string' ? v : undefined;
  };
  const assignment = (name: string): Value | undefined => named(assigned, name) ?? named(sc.env, name) ?? named(inputs, name) ?? matrixValue(name) ?? loopValue(file, sc, name);
  const fromAssignments = envFromVariables(assignment);
  if (fromAssignments) return fromAssignments;
  return placeClass(place, sc) ?? callerEnv ?? classifyPath(path.dirname(rel), fileEnv.above)?.env;
}

/**
 * An Azure Pipelines `${{ each environment in … }}` loop variable of the copy `sc` is (a scalar
 * item): a variable of that copy, as a matrix leg's is of its leg (RULES.md "Environments": "the
 * resolved value of a variable/parameter named `environment`, `env`, …"). Only a loop variable
 * resolves as a bare name (`${{ environment }}`): anything else is unknown there.
 */
function loopValue(file: CiFile, sc: ScriptContext, name: string): Value | undefined {
  if (file.format !== 'azure-pipelines') return undefined;
  const v = sc.expansion.expression(name);
  return v.kind === 'string' ? v : undefined;
}

/** The known string of `entries` (variables, inputs) named `name`, compared without case (shell names here). */
function named(entries: Iterable<[string, Value]>, name: string): Value | undefined {
  for (const [k, v] of entries) if (k.toLowerCase() === name.toLowerCase() && v.kind === 'string') return v;
  return undefined;
}

/** The class a CI place names: its job's deployment environment, then its stage's id or display name (template expressions resolved in `sc`). */
function placeClass(place: ScriptPlace | undefined, sc: ScriptContext): EnvClass | undefined {
  const jobEnv = place?.job?.environment?.name;
  if (jobEnv) {
    const env = classifyValue(resolveExpressions(jobEnv, sc));
    if (env) return env;
  }
  // `- stage: deploy_${{ parameters.environment }}` in a stage template: as its caller passes it.
  const stage = place?.stage;
  for (const s of [stage?.id, stage?.name]) {
    // A name written with an expression (`deploy_${{ parameters.target }}`) takes the words the
    // caller passes as they are (`target: stage` is the staging environment).
    const env = s ? (s.includes('${{') ? classifyValue(resolveExpressions(s, sc)) : classifyPipelineStageName(s)) : undefined;
    if (env) return env;
  }
  return undefined;
}

/**
 * A job's `environment:` with its `${{ … }}` expressions resolved in the script's context
 * (inputs as the caller passes them or their defaults, matrix values of the variant,
 * variables): `${{ inputs.environment }}` → `prod`. An expression whose value is not known
 * is left out (its words, `inputs`, `stage`, are not the environment's name).
 */
function resolveExpressions(text: string, sc: ScriptContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => {
    const v = sc.expansion.expression(expr);
    return v.kind === 'string' ? v.value : ' ';
  });
}

/** How `az ml … --file` commands of one script are linked to the YAML they read. */
interface Linker {
  inScript: boolean;
  /** For a CI file's script: the folder it starts in (its step's working directory), when not the repository's top. */
  start?: FolderState;
  heredocs: () => readonly HeredocWrite[];
  resources(cmd: FileCommand): Resource[];
}

/** `{ folder }` when one is given. */
function withFolder(folder: FolderState | undefined): { folder?: FolderState } {
  return folder === undefined ? {} : { folder };
}

/** Commands one CI file may interpret across its matrix combinations (each combination runs the job's scripts again). */
const MATRIX_WORK_BUDGET = 20_000;

/**
 * The Azure CLI version a CI script's az commands run with, when its step says it: a GitHub
 * `azure/cli` step runs its inline script in the `mcr.microsoft.com/azure-cli:<azcliversion>`
 * image (Azure/cli, src/main.ts), its `azcliversion` input (names ignore case) resolved in the
 * script's context. Undefined for any other script; unknown for `latest`, the input's default
 * `agentazcliversion` (the runner's own CLI) or a value not known.
 */
function cliVersionOf(file: CiFile, place: ScriptPlace | undefined, script: CiScript, sc: ScriptContext): Value | undefined {
  const step = place?.step;
  if (script.origin !== 'inlineScript' || step?.uses?.name !== 'azure/cli') return undefined;
  const e = step.inputs.find((i) => i.key.toLowerCase() === 'azcliversion');
  if (!e) return unknown("the azure/cli step sets no azcliversion, so it runs the runner's Azure CLI, whose version is not known");
  if (e.value === undefined || !e.valueRange) return unknown('azcliversion is not a scalar');
  const at: Location = { file: file.file, range: e.valueRange };
  const v = entryValue(file, sc, e.value, at);
  if (v.kind === 'unknown') return v;
  if (v.kind !== 'string' || !cliVersionParts(v.value)) return unknown(`azcliversion ${v.kind === 'string' ? v.value : e.value} is not a release number, so the Azure CLI version is not known`);
  // A version that came from elsewhere (`${{ inputs.cli }}`, a caller's `with:`): the step's azcliversion, which reads it, joins its chain.
  return v.origin && sameRange(v.origin, at) ? v : passedThrough(v, { ...at, label: 'azcliversion' });
}

function fromInvocation(inv: AzInvocation, file: string, refs: AzFileReference[], recordRefs: boolean, linker?: Linker, configured?: ReadonlyMap<AzInvocation, ReadonlyMap<string, Value>>, cliVersion?: Value): Draft[] | undefined {
  const head: string[] = [];
  for (const w of inv.words) {
    if (w.text === undefined || w.text.startsWith('-')) break;
    head.push(w.text);
  }
  const spec = commandSpecOf(head);
  if (!spec) return undefined;
  const flags = parseFlags(spec, inv.words, file);
  // A word an unclosed quote ran into may hold any flags, wherever it stands.
  if (inv.unclosedQuote) {
    flags.opaque = { word: undefined };
    flags.looseOpaque = true;
  }
  // No `-w`: the workspace an earlier `az configure --defaults workspace=…` of the run set.
  if (!flags.parent && spec.parentDefault) flags.parent = configuredDefault(configured?.get(inv), spec.parentDefault);
  const at: Location = { file: inv.azFile ?? file, range: inv.az.range };
  /** A flag `names` the command does not write, which a word of it may pass (`opaque`): not known (FORMATS.md §1(d)). */
  const mayBeSet = (opaque: Opaque, names: readonly string[], sourcePath: string): Fact => ({
    value: unknown(opaqueReason(opaque, sourcePath), at),
    defaulted: false,
    at,
    sourcePath,
    // (Only expansions in other flags' values, `-g $RG`, and no word of known texts that may pass it.)
    ...(!flags.looseOpaque && !names.some((n) => flags.limitedWordFlags?.has(n)) ? { notWritten: true as const } : {}),
    ...(onlyCarried(flags, names, inv.script) ? { mayBeCarried: true as const } : {}),
  });
  if (flags.file) {
    if (recordRefs) refs.push({ file, subject: inv.script.subject, command: spec.command, path: flags.file, sets: flags.sets, at });
    // The resources are the YAML file's, with this command's overrides and context (azure-cli-files.ts).
    if (!linker || (spec.kind !== 'ml.compute' && spec.kind !== 'ml.workspace')) return undefined;
    const cmd: FileCommand = {
      file,
      inScript: linker.inScript,
      subject: inv.script.subject,
      command: spec.command,
      kind: spec.kind,
      verb: spec.verb === 'update' ? 'update' : 'create',
      path: flags.file,
      ...withFolder(linker.inScript ? inv.folder : nestedFolder(linker.start, inv.folder)),
      pathRaw: flags.fileRaw ?? '',
      pathAt: flags.fileAt ?? at,
      // The keys the command's own flags name are undecided: a flag may replace the file's key (azure-cli-sets.ts).
      sets: [...flags.sets, ...flagOverrides(spec.kind, flags.values, file)],
      ...(flags.name ? { name: flags.name } : {}),
      ...(flags.parent ? { workspace: flags.parent } : {}),
      ...(flags.opaque ? { opaque: flags.opaque } : {}),
      at,
      heredocs: linker.heredocs(),
    };
    const parentKey = flags.parent?.kind === 'string' ? flags.parent.value : undefined;
    return linker.resources(cmd).map((resource) => ({ resource, spec, nameKey: resource.name?.kind === 'string' ? resource.name.value : undefined, parentKey }));
  }
  // As written, on one line: an unclosed quote runs the word into the lines after it.
  const nameRaw = (flags.name?.raw ?? '').replace(/\s*[\r\n]\s*/g, ' ').trim();
  const address = `${inv.script.subject}: az ${spec.command}${nameRaw ? ` ${nameRaw}` : ''}`;
  // An unknown name reads as written in messages (`<$registry_name>`, see displayName).
  const nameValue = flags.name?.value.kind === 'unknown' ? { ...flags.name.value, token: nameRaw } : flags.name?.value;
  const resource = newResource(spec.kind, address, `az ${spec.command}`, at, nameValue);
  const nameKey = nameValue?.kind === 'string' ? nameValue.value : undefined;
  const parentKey = flags.parent?.kind === 'string' ? flags.parent.value : undefined;
  if (nameKey !== undefined && spec.verb === 'create') resource.identity.push(identityKey(spec.kind, nameKey));
  else resource.identity.push(placeIdentity(at));
  if (spec.parentRef && parentKey !== undefined) resource.refs.set(spec.parentRef, str(identityKey(PARENT_KIND[spec.parentRef]!, parentKey), flags.parent!.origin));
  for (const [ref, v] of flags.refs) resource.refs.set(ref, v);
  if (nameValue) setFact(resource, 'name', nameValue, at, spec.nameFlags[0]!);
  if (flags.location) resource.body = obj({ location: flags.location });

  const isCreate = spec.verb === 'create';
  const pool = spec.poolDefaults ? newResource('aks.nodepool', `${address} (default node pool)`, `az ${spec.command}`, at, undefined) : undefined;
  for (const f of spec.flags) {
    const target = f.pool ? pool! : resource;
    const given = flags.values.get(f);
    if (given && !f.decides) {
      const loc: Location = { file, range: given.flag.word.range };
      const value = given.variable && given.value.kind !== 'unknown' ? withSymbol(given.value, given.variable, loc) : given.value;
      if (f.pool && f.attr === 'name') target.name = value;
      const written = given.written;
      // A switch that turns a setting off is said by the flag that turns it on, the one a fix names.
      const onSpec = f.read === 'off' ? spec.flags.find((o) => o.attr === f.attr && o.read === 'bool') : undefined;
      const on = onSpec?.names[0];
      // Both switches in one command: the Azure CLI refuses it, so nothing changes (not known here).
      const both = onSpec !== undefined && flags.values.has(onSpec);
      setFact(target, f.attr, both ? unknown(`${on} and ${written} are given together, which the Azure CLI refuses`, loc) : value, loc, on ?? written);
      if (on && !both) target.attrs.get(f.attr)!.written = `off (${written})`;
      // `--public-network-access Disabled` reads as a boolean; messages show the word the flag takes.
      if (f.read === 'enabled' && value.kind === 'bool') target.attrs.get(f.attr)!.written = enabledWord(value.value);
    }
  }
  const defaults = (r: Resource, table: Readonly<Record<string, DefaultValue>> | undefined, isPool: boolean): void => {
    if (!isCreate) return;
    for (const [attr, d] of Object.entries(table ?? {})) {
      if (r.attrs.has(attr)) continue;
      const sourcePath = flagNameOf(spec, attr, isPool);
      if (flags.opaque && opaqueMaySet(flags.opaque, flagNamesOf(spec, attr, isPool))) r.attrs.set(attr, mayBeSet(flags.opaque, flagNamesOf(spec, attr, isPool), sourcePath));
      else r.attrs.set(attr, { value: defaultValue(d), defaulted: true, sourcePath, ...(typeof d === 'boolean' && readsEnabled(spec, attr) ? { written: enabledWord(d) } : {}) });
      if (isPool && attr === 'name' && !r.name) r.name = str(String(d));
    }
    // A default that changed between CLI versions: decided by the version the command runs with, when known.
    for (const [attr, versioned] of Object.entries(VERSION_DEPENDENT_DEFAULTS[spec.command] ?? {})) {
      if (r.attrs.has(attr)) continue;
      const sourcePath = flagNameOf(spec, attr);
      const version = cliVersion?.kind === 'string' ? cliVersion.value : undefined;
      const d = versioned && version !== undefined ? defaultInVersion(versioned, version) : undefined;
      if (d !== undefined && flags.opaque && opaqueMaySet(flags.opaque, flagNamesOf(spec, attr))) r.attrs.set(attr, mayBeSet(flags.opaque, flagNamesOf(spec, attr), sourcePath));
      else if (d !== undefined) {
        // The version decides it: where it is written is a related place, and raising it a fix.
        const setBy = { value: cliVersion!, label: `Azure CLI version ${version}`, fix: `azcliversion to ${versioned!.since} or later` };
        r.attrs.set(attr, { value: defaultValue(d), defaulted: true, sourcePath, written: `${String(d)} in Azure CLI ${version}`, defaultSetBy: setBy });
      }
      else {
        const why = versioned && cliVersion?.kind === 'unknown' ? ` (${cliVersion.reason})` : '';
        r.attrs.set(attr, { value: unknown(`the default of ${sourcePath} depends on the Azure CLI version${why}`, at), defaulted: false, at, sourcePath });
      }
    }
    if (flags.opaque) {
      for (const f of spec.flags) {
        const t = f.pool ? pool : resource;
        if (t && !f.decides && !t.attrs.has(f.attr) && !!f.pool === (t === pool) && opaqueMaySet(flags.opaque, f.names)) t.attrs.set(f.attr, mayBeSet(flags.opaque, f.names, f.names[0]!));
      }
    }
    // A flag not given and without a default is absent (no tags flag: no tags); the fact names the
    // flag (`--tags`, `--nodepool-tags` for aks create's default pool, `--image-build-compute`) so
    // messages and fix texts say which flag to add, not the canonical attribute.
    for (const f of spec.flags) {
      if (!!f.pool === isPool && !f.unnamed && !f.decides && !r.attrs.has(f.attr)) r.attrs.set(f.attr, { value: undefined, defaulted: false, sourcePath: f.names[0]! });
    }
  };
  // `--set k=v` applies to the object the flags build, not only to a `--file` (azure-cli-sets.ts).
  if (spec.kind === 'ml.compute' || spec.kind === 'ml.workspace') applyMlSets(resource, spec.kind, flags.sets, flags.opaque, file, at);
  for (const [attr, d] of Object.entries(spec.fixed ?? {})) resource.attrs.set(attr, { value: defaultValue(d), defaulted: false, sourcePath: attr });
  // By the flag it stands for (an abbreviation `--min-inst` sets --min-instances).
  const byFlag = spec.fixedByFlags && [...flags.values.keys()].some((f) => f.names.some((n) => spec.fixedByFlags!.flags.includes(n)));
  if (byFlag) for (const [attr, d] of Object.entries(spec.fixedByFlags!.attrs)) if (!resource.attrs.has(attr)) resource.attrs.set(attr, { value: defaultValue(d), defaulted: false, sourcePath: attr });
  // `--priority Spot`: AKS adds its own taint to the pool (https://learn.microsoft.com/azure/aks/spot-node-pool).
  // The taints stay as written, as in every other format: engine/scan.ts adds (and marks) the
  // Spot taint from `priority` for the Kubernetes rules, and AKS001 names it in its message.
  if (spec.kind === 'aks.nodepool' && flags.priority) {
    resource.attrs.set('priority', { value: flags.priority.value, defaulted: false, at: flags.priority.at, sourcePath: '--priority' });
  }
  defaults(resource, spec.defaults, false);
  // (After the defaults: a pinned CLI version's default may be what turns RBAC off.)
  if (isCreate && spec.creatorAccessPolicy) creatorAccessPolicy(resource, spec.creatorAccessPolicy, flags, at);
  if (isCreate && (spec.kind === 'ml.compute' || spec.kind === 'ml.workspace')) nameAbsentMlKeys(resource, spec.kind);
  const drafts: Draft[] = [{ resource, spec, nameKey, parentKey }];
  if (pool) {
    defaults(pool, spec.poolDefaults, true);
    pool.attrs.set('isDefault', { value: bool(true), defaulted: false, sourcePath: 'default node pool' });
    pool.attrs.set('mode', { value: str('System'), defaulted: true, sourcePath: 'mode' });
    pool.attrs.set('inline', { value: bool(true), defaulted: false, sourcePath: 'default node pool' });
    pool.parent = resource;
    pool.element = true;
    // Cluster tags do not reach node pools (RULES.md TAG002), so the pool's tags are only --nodepool-tags.
    // Named (`--nodepool-name`, else `nodepool1`) in its cluster: `az aks nodepool update
    // --cluster-name c -n <name>` later in the file updates it (FORMATS.md §1(e) trap 1).
    const poolKey = pool.name?.kind === 'string' ? pool.name.value : undefined;
    drafts.push({ resource: pool, madeByCreate: true, ...(poolKey !== undefined ? { nameKey: poolKey } : {}), ...(nameKey !== undefined ? { parentKey: nameKey } : {}) });
  }
  return drafts;
}

/**
 * The access policy a create adds for the principal it runs as (`keyvault create` without
 * `--no-self-perms`, azure-cli's `create_vault`), once RBAC authorization is known off (written
 * false, or the default of the pinned CLI version): one entry of `attr`, the command its place.
 * Whether RBAC is on not known: nothing (the vault's model is not decided either). An opt-out
 * whose value is not known, or that an expansion may carry, leaves the policies unknown.
 */
function creatorAccessPolicy(r: Resource, p: CreatorAccessPolicy, flags: ParsedFlags, at: Location): void {
  if (r.attrs.has(p.attr)) return;
  const rbac = r.attrs.get(p.unlessEnabled)?.value;
  if (rbac?.kind !== 'bool' || rbac.value) return;
  const optOut = flags.values.get(p.optOut)?.value;
  const flag = p.optOut.names[0]!;
  if (optOut?.kind === 'bool' && optOut.value) return;
  const undecided = optOut?.kind === 'unknown' ? `the value of ${flag} is not known` : optOut === undefined && flags.opaque && opaqueMaySet(flags.opaque, p.optOut.names) ? opaqueReason(flags.opaque, flag) : undefined;
  if (undecided !== undefined) {
    r.attrs.set(p.attr, { value: unknown(`whether the command adds an access policy for the signed-in principal: ${undecided}`, at), defaulted: false, at, sourcePath: p.described });
    return;
  }
  // One entry, whose principal (the one signed in) is not known here.
  r.attrs.set(p.attr, { value: list([obj({ objectId: unknown('the object id of the principal signed in', at) }, at)], at), defaulted: false, at, sourcePath: p.described });
}

function withSymbol(v: Value, variable: VariableUse, consumer: Location): Value {
  return passedThrough(v, variableSite(consumer, variable.name, variable.written));
}

function setFact(r: Resource, attr: string, value: Value, at: Location, sourcePath: string): void {
  const fact: Fact = { value, defaulted: false, at, sourcePath };
  r.attrs.set(attr, fact);
}

function newResource(kind: ResourceKind, address: string, sourceType: string, header: Location, name: Value | undefined): Resource {
  const r: Resource = {
    address,
    kind,
    sourceType,
    format: 'azure-cli',
    header,
    attrs: new Map(),
    identity: [],
    refs: new Map(),
    // Set when the resource is placed in its unit.
    evaluation: { variant: 'default', env: 'unknown', unit: header.file, inputs: [] },
  };
  if (name) r.name = name;
  return r;
}

/**
 * An `update` that is not merged into a create of this file, of the attributes it may only
 * clear a create's finding with (`AzCommandSpec.onlyClears`): unknown, so no rule judges them
 * (`az keyvault update --enable-purge-protection false` alone is no KV001).
 */
function onlyClears(d: Draft): void {
  const r = d.resource;
  for (const a of d.spec?.onlyClears ?? []) {
    const f = r.attrs.get(a);
    const at = f?.at ?? r.header;
    const flag = d.spec!.flags.find((x) => x.attr === a)?.names[0] ?? a;
    r.attrs.set(a, { value: unknown(`${flag} of an az ${d.spec!.command} is not judged on its own: the command changes a resource this file does not create (or names by a value not known), whose other settings are not known here; it can only cancel the finding of a create it updates`, at), defaulted: false, at, sourcePath: f?.sourcePath ?? flag });
  }
}

/**
 * An `update` that is not merged into a create of this file leaves what it does not write as it
 * is (FORMATS.md §1(d): "absent = unchanged, never defaulted"), which this file does not show:
 * each setting its own flags or a create of its kind would write is unknown, never "not set"
 * (`az aks nodepool update -n gpupool --max-count 5` is no pool without taints: AKS001; without
 * `--tags`, no resource without tags: TAG001/TAG002).
 */
function leftUnchanged(d: Draft): void {
  const r = d.resource;
  const spec = d.spec!;
  // The first flag of each setting (`--enable-cluster-autoscaler`, not the `--disable-…` switch after it).
  const own = new Map<string, string>();
  for (const f of spec.flags) if (!f.pool && !f.decides && !own.has(f.attr)) own.set(f.attr, f.names[0]!);
  // Each setting, with the flag that writes it (the update's own, else a create's) for messages.
  const attrs = new Map(own);
  for (const c of AZ_COMMANDS) {
    if (c.kind !== r.kind || c.verb !== 'create') continue;
    for (const f of c.flags) if (!f.pool && !f.decides && !attrs.has(f.attr)) attrs.set(f.attr, f.names[0]!);
    for (const a of Object.keys(c.defaults ?? {})) if (!attrs.has(a)) attrs.set(a, a);
  }
  for (const [a, written] of attrs) {
    if (a === 'name' || r.attrs.has(a)) continue;
    const flag = own.get(a);
    const reason =
      a === 'tags' && flag ? `az ${spec.command} without ${flag} leaves the tags unchanged` : flag ? `az ${spec.command} without ${flag} leaves it unchanged, and this file does not create the resource` : `az ${spec.command} does not change it, and this file does not create the resource`;
    r.attrs.set(a, { value: unknown(reason, r.header), defaulted: false, at: r.header, sourcePath: written });
  }
}

/**
 * A later `update` of a resource created earlier in the same file (same kind, name and
 * parent): its flags override the create's (FORMATS.md §1(e) trap 1). An update whose name
 * is unknown may target any create of its kind: an attribute it sets to another value than a
 * create's becomes unknown there (one it sets to the same known value stays: so it is, whichever
 * resource the update targets), and the update stays a resource of its own, judged on the
 * settings it writes (FORMATS.md §1(b): `az acr update -n $registry_name --admin-enabled true`,
 * "the setting is literal — report anyway"). Returns true when merged.
 */
function mergeUpdate(drafts: Draft[], upd: Draft): boolean {
  const kind = upd.resource.kind;
  // What the update's flags only imply (its compute is a cluster) tells nothing new of a resource it updates.
  const implied = upd.spec?.fixedByFlags?.attrs ?? {};
  const setAttrs = [...upd.resource.attrs].filter(([a]) => a !== 'name' && !(a in implied));
  if (upd.nameKey === undefined) {
    for (const d of drafts) {
      if (d.resource.kind !== kind || (d.spec?.verb !== 'create' && !d.madeByCreate)) continue;
      for (const [a, f] of setAttrs) {
        const before = d.resource.attrs.get(a)?.value;
        if (isKnown(before) && isKnown(f.value) && valuesEqual(before, f.value) === true) continue;
        d.resource.attrs.set(a, { value: unknown('a later update of an unknown name may change it', upd.resource.header), defaulted: false, at: f.at, sourcePath: f.sourcePath });
      }
    }
    return false;
  }
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i]!;
    if (d.resource.kind !== kind || d.nameKey !== upd.nameKey) continue;
    if (upd.parentKey !== undefined && d.parentKey !== undefined && upd.parentKey !== d.parentKey) continue;
    for (const [a, f] of setAttrs) d.resource.attrs.set(a, f);
    return true;
  }
  return false;
}

/** What the steps a template call passes (a `stepList` parameter, written under its `template:` call) set at run time, or undefined. */
function passedStepWrites(c: LocalCall): RuntimeVariables | undefined {
  const call = c.step ?? c.job;
  if (!call || !c.job) return undefined;
  const writes = runtimeVariablesWithin(c.caller.file, c.job, call.range);
  return writes.names.size > 0 || writes.any ? writes : undefined;
}

/** Runs (each caller, in each matrix leg and loop copy) whose task inputs are recorded per step (`CiStep.inputsByCallers`). */
const MAX_CALLER_INPUTS = 16;

/**
 * Records the task inputs that hold template expressions or macros as each context makes them
 * (`CiStep.inputsByCallers`; a template's callers, else the pipeline's own values): Azure
 * Pipelines puts `${{ }}` in at compile time with the caller's parameters, and the agent expands
 * `$(var)` macros in task inputs before the task runs, so the task runs with those values. An
 * expression or macro the values do not decide leaves its input unknown.
 */
function recordCallerInputs(file: CiFile, callers: readonly (CallerContext | undefined)[], contextsOf: (step: CiStep, caller: CallerContext | undefined) => ScriptContext[]): void {
  for (const step of file.steps) {
    if (!step.task) continue;
    const written = [...step.inputs, ...(step.inputBranches ?? []).flat()].filter((e) => e.value !== undefined && /\$\{\{|\$\(/.test(e.value));
    if (written.length === 0) continue;
    const out: Map<string, CiCallerInput>[] = [];
    for (const caller of callers) {
      for (const sc of contextsOf(step, caller)) {
        if (out.length === MAX_CALLER_INPUTS) break;
        const inputs = new Map<string, CiCallerInput>();
        for (const e of written) inputs.set(e.key.toLowerCase(), callerInput(e.value!, sc));
        out.push(inputs);
      }
    }
    step.inputsByCallers = out;
  }
}

/**
 * A task input's text with its `${{ … }}` put in by a caller's context, then its `$(var)` macros
 * (located at the value when one expression or macro is all of it); one whose value is not known
 * stays as written in a longer text, and makes the input unknown when it is all of it. A `$[ ]`
 * run-time expression is not read.
 */
function callerInput(text: string, sc: ScriptContext): CiCallerInput {
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(text);
  if (whole && !whole[1]!.includes('}}')) {
    const v = sc.expansion.expression(whole[1]!);
    return v.kind === 'string' ? { text: v.value, ...(v.origin ? { origin: v.origin } : {}) } : { unknown: v.kind === 'unknown' ? v.reason : `\${{${whole[1]}}} is not a text` };
  }
  const wholeMacro = /^\s*\$\(([A-Za-z_][\w.]*)\)\s*$/.exec(text);
  if (wholeMacro && sc.expansion.macro) {
    const v = sc.expansion.macro(wholeMacro[1]!);
    if (v.kind === 'string') return { text: v.value, ...(v.origin ? { origin: v.origin } : {}) };
  }
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    const v = sc.expansion.expression(m[1]!);
    // An expression not known in part of the text stays as written: the rule judges it where it
    // stands, as a macro not known (`-var "pw=${{ parameters.pw }}"` is no plan file; review 91).
    if (v.kind === 'unknown') {
      out += text.slice(last, m.index + m[0].length);
      last = m.index + m[0].length;
      continue;
    }
    if (v.kind !== 'string') return { unknown: `\${{${m[1]}}} is not a text` };
    out += text.slice(last, m.index) + v.value;
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  // A macro whose variable is known is its value; another stays as written (the rule judges a
  // run-time word where it stands: `-var "x=$(x)"` is no plan file, a lone `$(plan)` may be one).
  const macro = sc.expansion.macro;
  if (!macro) return { text: out };
  return {
    text: out.replace(/\$\(([A-Za-z_][\w.]*)\)/g, (m, name: string) => {
      const v = macro(name);
      return v.kind === 'string' ? v.value : m;
    }),
  };
}

/** A task step that runs a scanned script file, and the arguments input it passes (when its syntax is read). */
interface ScriptFileRun {
  step: CiStep;
  script: { file: string; script: CiScript };
  args?: { entry: CiEntry | undefined; syntax: ArgumentSyntax; inBranch: boolean };
}

/**
 * The steps of tasks that run a script file (TASK_SCRIPT_INPUTS `file`: AzureCLI@2 `scriptPath`,
 * Bash@3 and PowerShell@2 `filePath`) in file mode whose literal path (relative to the
 * repository, `$(System.DefaultWorkingDirectory)/` or `$(Build.SourcesDirectory)/` allowed in
 * front) names a scanned script.
 */
function scriptFileRuns(file: CiFile, scripts: Map<string, { file: string; script: CiScript }>, root: string): ScriptFileRun[] {
  const out: ScriptFileRun[] = [];
  if (file.format !== 'azure-pipelines') return out;
  for (const step of file.steps) {
    const task = step.task && TASK_SCRIPT_INPUTS.get(step.task.name.toLowerCase());
    if (!task?.file || !task.selector) continue;
    const entry = (k: string): CiEntry | undefined => step.inputs.find((e) => e.key.toLowerCase() === k.toLowerCase());
    const input = (k: string): string | undefined => entry(k)?.value;
    if (taskScriptMode(task, input(task.selector.input)) !== 'file') continue;
    const scriptPath = input(task.file);
    const p = scriptPath === undefined ? undefined : withoutCheckoutTop(scriptPath).replace(/\\/g, '/').replace(/^\.\//, '');
    if (!p || /\$[({[]/.test(p)) continue;
    const hit = scriptAt(scripts, root, file.file, p);
    if (!hit) continue;
    const a = task.arguments;
    const syntax = !a ? undefined : typeof a.syntax === 'string' ? a.syntax : a.syntax.values[input(a.syntax.input)?.trim().toLowerCase() ?? ''];
    if (!a || !syntax) {
      out.push({ step, script: hit });
      continue;
    }
    const isArguments = (e: CiEntry): boolean => a.inputs.includes(e.key.toLowerCase());
    out.push({ step, script: hit, args: { entry: step.inputs.find(isArguments), syntax, inBranch: (step.inputBranches ?? []).some((b) => b.some(isArguments)) } });
  }
  return out;
}

/** A script file's path as a word (`./scripts/pick.sh`, `scripts\\pick.ps1`). */
const SCRIPT_FILE_WORD = /^[\w./\\-]+\.(?:sh|bash|ps1)$/i;

/** Programs that run the script named among their operands (`bash -o pipefail x.sh`, `. ./vars.sh`, `pwsh -ExecutionPolicy Bypass -File x.ps1`, `& ./x.ps1`). */
const SCRIPT_RUNNERS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'source', '.', 'pwsh', 'powershell', 'pwsh.exe', 'powershell.exe', '&']);

/**
 * Programs that run the command after them (`sudo ./x.sh`, `time bash x.sh`, `env A=1 ./x.sh`),
 * with their options that take a value (`sudo -u root`, `nice -n 5`) and the operands before the
 * command (`timeout 600`).
 */
const COMMAND_WRAPPERS: ReadonlyMap<string, { valued: RegExp; operands: number }> = new Map([
  ['sudo', { valued: /^-[ugCDhprtU]$/, operands: 0 }],
  ['time', { valued: /^-[fo]$/, operands: 0 }],
  ['nohup', { valued: /^$/, operands: 0 }],
  ['env', { valued: /^-[uCS]$/, operands: 0 }],
  ['exec', { valued: /^-a$/, operands: 0 }],
  ['command', { valued: /^$/, operands: 0 }],
  ['nice', { valued: /^-n$/, operands: 0 }],
  ['timeout', { valued: /^-[sk]$/, operands: 1 }],
]);

/** A shell's options that run a string, not a file (`bash -c '…'`, `pwsh -Command …`): the string is the command. */
const RUNS_A_STRING = /^-(?:c|command|encodedcommand|ec)$/i;

/** A shell's option under which it does not run the script (`bash -n x.sh` checks its syntax). */
const CHECKS_ONLY = /^-n$/;

/** `command`'s options that look the command up instead of running it (`command -v x.sh`). */
const LOOKS_UP = /^-[vV]$/;

/**
 * The script file a command runs, as written: the command itself (`./scripts/pick.sh`, also
 * after `sudo`, `time`, `env A=1`, `timeout 600`), or a script among a shell's operands (`bash -o
 * pipefail scripts/pick.sh`, `pwsh -ExecutionPolicy Bypass -File x.ps1`), or the command string a
 * shell runs when it is a script's path (`pwsh -Command ./x.ps1`). Not a file another program
 * only reads or names (`shellcheck x.sh`, `chmod +x x.sh`: self-review 88), nor one checked or
 * looked up (`bash -n x.sh`, `command -v x.sh`).
 */
function scriptRunBy(argv: readonly { text: string }[]): string | undefined {
  let i = 0;
  // Assignments and wrappers (with their options) before the program.
  for (;;) {
    while (i < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]!.text)) i++;
    const wrapper = COMMAND_WRAPPERS.get(argv[i]?.text ?? '');
    if (!wrapper) break;
    i++;
    while (i < argv.length && argv[i]!.text.startsWith('-')) {
      if (LOOKS_UP.test(argv[i]!.text) && argv[i - 1]?.text === 'command') return undefined;
      i += wrapper.valued.test(argv[i]!.text) ? 2 : 1;
    }
    i += wrapper.operands;
  }
  const program = argv[i]?.text;
  if (program === undefined) return undefined;
  if (SCRIPT_FILE_WORD.test(program)) return program;
  if (!SCRIPT_RUNNERS.has(program.toLowerCase())) return undefined;
  for (let k = i + 1; k < argv.length; k++) {
    const t = argv[k]!.text;
    if (CHECKS_ONLY.test(t) && program !== '&') return undefined;
    // The string it runs: a script's path runs that script; anything else is no file.
    if (RUNS_A_STRING.test(t)) return SCRIPT_FILE_WORD.test(argv[k + 1]?.text ?? '') ? argv[k + 1]!.text : undefined;
    if (SCRIPT_FILE_WORD.test(t)) return t;
  }
  return undefined;
}

/**
 * Links each step of a CI file to the scanned script files it runs (runtime-variables.ts: their
 * run-time variable writes count for the later steps): a task's script file, and each command
 * that runs a scanned script from the step's working directory (`scriptRunBy`). Read as written,
 * before any run (no `cd` followed).
 */
function linkScriptFiles(file: CiFile, scripts: Map<string, { file: string; script: CiScript }>, root: string): void {
  const byStep = new Map<CiStep, { file: string; script: CiScript }[]>();
  const add = (step: CiStep, hit: { file: string; script: CiScript }): void => {
    const list = byStep.get(step) ?? [];
    if (!list.includes(hit)) list.push(hit);
    byStep.set(step, list);
  };
  for (const { step, script } of scriptFileRuns(file, scripts, root)) add(step, script);
  for (const step of file.steps) {
    const start = stepFolder(step.workingDirectory);
    for (const script of step.scripts) {
      for (const c of script.commands) {
        if (c.commented) continue;
        const run = scriptRunBy(c.argv);
        const at = run === undefined ? undefined : fromStart(start, run);
        const hit = at === undefined ? undefined : scriptAt(scripts, root, file.file, at);
        if (hit && hit.file !== file.file) add(step, hit);
      }
    }
  }
  for (const [step, list] of byStep) linkStepScripts(step, list);
}

/** What a step's arguments input passes its script (task-arguments.ts), its macros and template expressions read with the step's variables. */
function taskArguments(file: string, args: NonNullable<ScriptFileRun['args']>, sc: ScriptContext): PassedArguments {
  if (args.inBranch) return unknownArguments('the arguments input is set in a template condition');
  const e = args.entry;
  if (!e) return { words: [] };
  if (e.value === undefined || !e.valueRange) return unknownArguments('the arguments input is not one text');
  const r = e.valueRange;
  const verbatim = r.start.line === r.end.line && r.end.offset - r.start.offset === e.value.length;
  return passedArguments(e.value, { file, range: r }, verbatim, args.syntax, (macro, expression) =>
    macro !== undefined ? (sc.expansion.macro?.(macro) ?? unknown(`$(${macro}) is not read`)) : sc.expansion.expression(expression ?? ''),
  );
}

/**
 * The scanned script a CI step's script runs (`./scripts/kv.sh prod`): its path, read from the
 * folder the calling script was in (ScriptCall.path, after its `cd`s), from the folder that
 * script started in (`start`: the step's working directory, `working-directory: infra` →
 * `infra/scripts/kv.sh`, or its caller's folder); undefined when one of those is not known (an
 * expression, a `cd` to a folder not followed), so no caller's values reach a script that may
 * not be the one run.
 */
function calledScript(scripts: Map<string, { file: string; script: CiScript }>, root: string, from: string, call: ScriptCall, start: FolderState | undefined): { file: string; script: CiScript } | undefined {
  // A call in a function body that runs with values not known is not followed (ScriptCall.inFunctionBody).
  if (call.inFunctionBody) return undefined;
  // A path from the checkout's folder (`$GITHUB_WORKSPACE/scripts/x.sh`) is one from the repository's top, wherever the step or a `cd` went.
  if (path.isAbsolute(call.path) || call.fromCheckout) return scriptAt(scripts, root, from, call.path);
  if (call.cwdMoved) return undefined;
  const at = fromStart(start, call.path);
  return at === undefined ? undefined : scriptAt(scripts, root, from, at);
}

/** A relative path of a script that started in `start` (undefined: the step's own folder), as a path from the repository's top or absolute; undefined when `start` is not known. */
function fromStart(start: FolderState | undefined, p: string): string | undefined {
  if (start === undefined || path.isAbsolute(p)) return p;
  return start === UNKNOWN_FOLDER ? undefined : within(start, p).path;
}

/**
 * A scanned script named by a path relative to the repository root (where CI steps start) or to
 * the calling file. The repository root is, for a GitHub file, the folder above its `.github/`;
 * then the scan root; then, after the calling file's folder, a folder above it (nearest the root
 * first): a repository linted from a folder above it finds its scripts as from its own folder.
 */
function scriptAt(scripts: Map<string, { file: string; script: CiScript }>, root: string, from: string, p: string): { file: string; script: CiScript } | undefined {
  const rel = p.replace(/\\/g, '/').replace(/^\.\//, '');
  // An absolute path names a scanned script only as itself (`source "$SCRIPT_DIR/lib.sh"`, resolved beside the script).
  if (path.isAbsolute(rel)) return scripts.get(path.normalize(p));
  const github = githubRepository(from);
  const first = (github === undefined ? undefined : scripts.get(path.join(github, rel))) ?? scripts.get(path.join(root, rel)) ?? scripts.get(path.join(path.dirname(from), rel));
  if (first) return first;
  for (const dir of foldersBetween(root, path.dirname(path.resolve(from)))) {
    const hit = scripts.get(path.join(dir, rel));
    if (hit) return hit;
  }
  return undefined;
}

// ---- local reusable workflows and composite actions ----------------------------------------

/**
 * A scanned call with inputs of a file of the scan: a GitHub `uses: ./…` (reusable-workflow job or
 * composite-action step) with `with:`, or an Azure Pipelines stage, job or step `template:` with
 * `parameters:`.
 */
interface LocalCall {
  caller: CiFile;
  job?: CiJob;
  step?: CiStep;
  stage?: CiStage;
  inputs: CiEntry[];
}

/**
 * Where an Azure Pipelines template reference points: relative to the including file, or to the
 * repository when it starts with `/`. The repository is the scan root, else the folder above the
 * caller, nearest the root first, where the template is a scanned CI file: a repository linted
 * from a folder above it (several checkouts) resolves its templates as from its own folder.
 * Undefined for a template in another repository (`@alias`) or one whose path is an expression.
 */
function templateTarget(caller: CiFile, ref: CiTemplateRef | undefined, root: string, scanned: ReadonlySet<string>, isFile: (file: string) => boolean, expression?: () => (expr: string) => Value): string | undefined {
  if (!ref || ref.repository !== undefined) return undefined;
  // Compile-time expressions in the path (`templates/${{ variables.version }}/create-compute.yml`,
  // the mlops-v2 layout) are resolved in the caller's context ("Compile time expressions can be used anywhere").
  const p = ref.path.includes('${{') && expression ? withExpressionsResolved(ref.path.trim(), expression()) : ref.path.trim();
  if (p === undefined || /\$[{(]/.test(p)) return undefined;
  if (!p.startsWith('/')) return path.resolve(path.dirname(path.resolve(caller.file)), p);
  // (A template that is a file but not a CI file of the run, one that does not parse, is still the one named.)
  return fromRepositoryTop(p, caller.file, root, (f) => scanned.has(f)) ?? fromRepositoryTop(p, caller.file, root, isFile) ?? path.resolve(root, `.${p}`);
}

/**
 * The first of each group of contexts that pass the same values (inputs and, for Azure
 * Pipelines, variables), written at the same places; those that pass inputs no earlier context
 * passes come first, so a cap on the contexts cuts matrix legs before another caller's value.
 */
function distinctContexts(contexts: readonly CallerContext[]): CallerContext[] {
  const seen = new Set<string>();
  const seenInputs = new Set<string>();
  const first: CallerContext[] = [];
  const rest: CallerContext[] = [];
  for (const c of contexts) {
    const inputs = [...c.inputs].map(([k, v]) => `${k}=${valueKey(v)}`).join('\u0000');
    const vars = c.variables
      ? [...c.variables.values].map(([k, v]) => `${k}=${valueKey(v)}`).join('\u0000') +
        `|${c.variables.hidden}|${c.variables.files?.join(',') ?? ''}|${[...(c.variables.compileTime ?? [])].map(([k, v]) => `${k}=${v ? valueKey(v) : ''}`).join('\u0000')}`
      : '';
    const key = `${inputs}\u0001${vars}\u0001${c.placeEnv ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (seenInputs.has(inputs) ? rest : first).push(c);
    seenInputs.add(inputs);
  }
  return [...first, ...rest];
}

function valueKey(v: Value): string {
  const at = v.origin ? `@${v.origin.file}:${v.origin.range.start.offset}` : '';
  switch (v.kind) {
    case 'string':
      return `s:${v.value}${at}`;
    case 'number':
    case 'bool':
      return `${v.kind}:${String(v.value)}${at}`;
    case 'unknown':
      return `u:${v.reason}${at}`;
    default:
      return `${v.kind}${at}`;
  }
}

/** The stage a job of an Azure Pipelines file is in, when it is in one. */
function stageOf(file: CiFile, job: CiJob): CiStage | undefined {
  return job.stage === undefined ? undefined : file.stages.find((s) => s.subject === job.stage);
}

/** `text` with each `${{ … }}` replaced by its known string value; undefined when one is not known. */
function withExpressionsResolved(text: string, expression: (expr: string) => Value): string | undefined {
  let unknownPart = false;
  const out = text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => {
    const v = expression(expr);
    if (v.kind === 'string') return v.value;
    unknownPart = true;
    return '';
  });
  return unknownPart ? undefined : out;
}

/** A local template, reusable workflow or composite action a CI file names: where it resolves and where it is written. */
interface LocalReference {
  caller: CiFile;
  /** The absolute paths one of which must be a file (`action.yml` or `action.yaml` for an action folder). */
  candidates: string[];
  /** The reference as written, and where. */
  text: string;
  range: Range;
  /** A variables template (`variables: - template: …`): what it sets is unknown, no steps are lost. */
  variables?: true;
}

/**
 * Every call with inputs, keyed by the absolute path of the workflow, `action.yml`/`action.yaml`
 * or template it runs; and every local reference (with or without inputs), for the EVAL001 of
 * one that names no file.
 */
function localCallsByTarget(ciFiles: readonly CiFile[], scanRoot: string, isFile: (file: string) => boolean): { calls: Map<string, LocalCall[]>; references: LocalReference[] } {
  const out = new Map<string, LocalCall[]>();
  const references: LocalReference[] = [];
  const scanned = new Set(ciFiles.map((f) => path.resolve(f.file)));
  const refer = (caller: CiFile, candidates: string[] | undefined, written: { text: string; range: Range } | undefined): void => {
    if (candidates && written) references.push({ caller, candidates, text: written.text.trim(), range: written.range });
  };
  const put = (key: string | undefined, c: LocalCall): void => {
    // A call without inputs changes nothing in a reusable workflow; an Azure Pipelines template
    // still reads the variables its caller has in scope (a variables template's, the prod class),
    // and a composite action runs in its caller's job (its environment class).
    if (key === undefined || (c.inputs.length === 0 && c.caller.format !== 'azure-pipelines' && !c.step)) return;
    const list = out.get(key) ?? [];
    list.push(c);
    out.set(key, list);
  };
  for (const caller of ciFiles) {
    if (caller.format === 'azure-pipelines') {
      // The caller's compile-time context at a place, made only for a template path with an expression.
      const at = (place: ScriptPlace) => () => scriptContext(caller, place, matrixVariants(place.job)[0]!).expansion.expression;
      const template = (ref: CiTemplateRef | undefined, place: ScriptPlace): string | undefined => {
        const target = templateTarget(caller, ref, scanRoot, scanned, isFile, at(place));
        refer(caller, target === undefined ? undefined : [target], ref);
        return target;
      };
      if (caller.extends) put(template(caller.extends.template, {}), { caller, inputs: caller.extends.inputs });
      // Variables templates written in this file (not ones its included templates name: each says its own).
      for (const list of variableListsOf(caller)) {
        for (const v of list) {
          const target = v.kind === 'template' && v.file === undefined ? variablesTemplatePath(v.name, caller.file, scanRoot, isFile) : undefined;
          if (target) references.push({ caller, candidates: [target], text: v.name.trim(), range: v.nameRange, variables: true });
        }
      }
      for (const stage of caller.stages) put(template(stage.template, { stage }), { caller, stage, inputs: stage.inputs });
      for (const job of caller.jobs) {
        // The job's stage's variables are in scope in it (its template paths read them too).
        const stage = stageOf(caller, job);
        put(template(job.template, { job, stage }), { caller, job, inputs: job.inputs });
        for (const step of job.steps) put(template(step.template, { job, step, stage }), { caller, job, step, inputs: step.inputs });
      }
      continue;
    }
    if (caller.format !== 'github-actions') continue;
    const root = githubRepository(caller.file);
    if (root === undefined) continue;
    for (const job of caller.jobs) {
      if (job.uses?.kind === 'local') {
        const target = path.resolve(root, job.uses.text.trim());
        refer(caller, [target], job.uses);
        put(target, { caller, job, inputs: job.inputs });
      }
      for (const step of job.steps) {
        if (step.uses?.kind !== 'local') continue;
        const dir = path.resolve(root, step.uses.text.trim());
        const files = ['action.yml', 'action.yaml'].map((name) => path.join(dir, name));
        refer(caller, files, step.uses);
        for (const f of files) put(f, { caller, job, step, inputs: step.inputs });
      }
    }
  }
  return { calls: out, references };
}

/**
 * Why a local reference reads nothing: the path it resolves to is outside the scan root (not
 * read), or inside it with no file there (review 107: "not a file inside the scanned folder" for
 * a path that exists nowhere sent users to widen the scan). The resolved path is shown when it
 * is not what the reference wrote (`../../config-infra-prod.yml` from a nested pipeline).
 */
function missingWhere(ref: LocalReference, root: string, isFolder: (p: string) => boolean): string {
  const action = ref.candidates.length > 1;
  const target = action ? path.dirname(ref.candidates[0]!) : ref.candidates[0]!;
  const rel = path.relative(root, target).split(path.sep).join('/');
  // (From the scan root: the same text on every machine.)
  if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return `is outside the scanned folder ('${rel}' from it) and is not read`;
  const written = ref.text.trim().replace(/@self$/, '').replace(/^\.\//, '').replace(/\/$/, '');
  const shown = written === rel ? '' : ` (it would be '${rel || '.'}')`;
  if (action) return `has no action.yml or action.yaml${shown}`;
  return isFolder(target) ? `is a folder, not a file${shown}` : `does not exist${shown}`;
}

/**
 * RULES.md "Parse and evaluation problems": a local module file that is missing is EVAL001.
 * A CI file's local template, reusable workflow or composite action is its module: when the
 * path it names is no file inside the scanned folder, the steps it would add are not checked,
 * and the run says so (once per file and path, at its first reference, with the count).
 */
function missingLocalReferences(references: readonly LocalReference[], ctx: FrontEndContext): Problem[] {
  const byFileAndPath = new Map<string, { ref: LocalReference; count: number }>();
  for (const ref of references) {
    const key = `${ref.caller.file}\u0000${ref.candidates[0]}`;
    const seen = byFileAndPath.get(key);
    if (seen) seen.count++;
    else byFileAndPath.set(key, { ref, count: 1 });
  }
  const problems: Problem[] = [];
  for (const { ref, count } of byFileAndPath.values()) {
    if (ref.candidates.some((f) => ctx.host.isFile(f))) continue;
    const what = ref.variables ? 'variables template' : ref.caller.format === 'azure-pipelines' ? 'template' : ref.candidates.length > 1 ? 'action' : 'reusable workflow';
    const where = missingWhere(ref, ctx.root, (p) => ctx.host.list(p) !== undefined);
    const times = count > 1 ? ` (${count} references)` : '';
    const lost = ref.variables ? 'the variables it sets are unknown' : 'the steps it adds are not checked';
    problems.push({
      ruleId: 'EVAL001',
      message: `the local ${what} '${ref.text}' ${where}${times}: ${lost}`,
      location: { file: ref.caller.file, range: ref.range },
    });
  }
  return problems;
}

/**
 * Per call (and per matrix combination of the calling job): its label (`called by ci.yml (train)`)
 * and the inputs it passes, resolved in the caller's context.
 */
interface CallerContext {
  label: string;
  inputs: Map<string, Value>;
  variables?: CallerVariables;
  /**
   * The class the place of an Azure Pipelines call decides (the caller's deployment environment,
   * its stage, its file's name, or its own caller's): the template is expanded there, so its
   * commands run in that stage (FORMATS.md §1(e) trap 10).
   */
  placeEnv?: EnvClass;
  /**
   * The runner a composite action's or an expanded Azure Pipelines template's steps run on: the
   * calling job's (its pool, its stage's, its pipeline's), unless the template's job names its own.
   */
  runnerOs?: RunnerOs;
  /**
   * A call in an iteration past the first of the `${{ each }}` loops around it (`loop`, the
   * outermost, in `file`), or a context built on one: it runs the called file's commands once
   * more, so it spends that file's matrix work (azureCliUnits), and is kept past the caps on
   * contexts per call (loops expand up to MAX_LOOP_ITERATIONS).
   */
  loopCopy?: { file: string; loop: CiLoop };
}

/**
 * What callerContexts could not follow, for EVAL001: callers of callers past MAX_CALLER_DEPTH
 * (`deeper`), and loops around calls past MAX_LOOP_ITERATIONS (`cappedLoops`).
 */
interface CallerCuts {
  deeper: boolean;
  cappedLoops: { file: string; loop: CiLoop }[];
}

/** Callers of callers followed this deep (a pipeline → a stage template → a job template → a step template). */
const MAX_CALLER_DEPTH = 3;
/** Scripts calling scripts, from a CI step down: followed this many levels (the depth of `source` too). */
const MAX_SCRIPT_CALL_DEPTH = 4;
/** Commands the scripts called below a step's own calls may interpret, per CI file (runCalledScripts). */
const NESTED_CALL_WORK_BUDGET = 20_000;
/** Contexts one call is evaluated in at most (its caller's defaults and its caller's own callers). */
const MAX_CONTEXTS_PER_CALL = 16;
/** Calls of one template evaluated at most. */
const MAX_CALLS_PER_TEMPLATE = 16;
/** Matrix combinations of one calling job that are contexts of the called file (each with every iteration of the loops around the call). */
const MAX_VARIANTS_PER_CALL = 32;

/**
 * `loopLimit`: how far the `${{ each }}` loops around the calls are expanded (loopVariants; by
 * default MAX_LOOP_ITERATIONS, one when the called file's work budget cannot pay for the copies).
 */
function callerContexts(file: CiFile, calls: readonly LocalCall[], root: string, callsOf: (f: CiFile) => readonly LocalCall[], depth = 0, cut?: CallerCuts, loopLimit?: LoopLimit): CallerContext[] {
  // A template without parameters still reads its Azure Pipelines caller's variables.
  if (file.inputs.length === 0 && file.format !== 'azure-pipelines' && file.kind !== 'github-action') return [];
  // Calls that pass inputs first: the calls without (an Azure Pipelines template's plain callers)
  // must not crowd out one that passes a value.
  const ordered = [...calls.filter((c) => c.inputs.length > 0), ...calls.filter((c) => c.inputs.length === 0)];
  return ordered.slice(0, MAX_CALLS_PER_TEMPLATE).flatMap((c) => {
    const places = placesOf(c.caller);
    const place: ScriptPlace = c.step ? { ...places.get(c.step.subject), step: c.step } : c.job ? { job: c.job, stage: stageOf(c.caller, c.job) } : c.stage ? { stage: c.stage } : {};
    // A job template call has no job id of its own (`- template: job.yml` under `jobs:`): named as
    // one. A call names its stage when it has one (a template called under Dev and Production is
    // two variants, whose labels must differ).
    const stageId = place.stage?.id;
    const where = c.step
      ? [stageId === undefined ? '' : `stage ${stageId}`, c.job?.id ?? '', `step ${c.step.index + 1}`].filter(Boolean).join(' ')
      : c.job
        ? c.job.id || (stageId ? `stage ${stageId} job template` : 'job template')
        : c.stage
          ? // A stage template call (`- template: deploy.yml` under `stages:`) has no stage id: named by its line.
            c.stage.id || `stage template at line ${c.stage.range.start.line}`
          : 'extends';
    const label = `called by ${path.relative(root, c.caller.file).replace(/\\/g, '/') || c.caller.file} (${where})`;
    // A caller that is itself a template passes on what its own callers give it
    // (`size: ${{ parameters.size }}`): this call is evaluated once per caller of its caller, and
    // with its caller's defaults when the caller also runs on its own (or its callers are not followed).
    // Contexts that pass the same values (the legs of a matrix the inputs do not read) are one.
    // (Each copy of a loop around a call of the caller is kept: loopCopy.)
    let plain = 0;
    const through =
      depth < MAX_CALLER_DEPTH ? distinctContexts(callerContexts(c.caller, callsOf(c.caller), root, callsOf, depth + 1, cut, loopLimit)).filter((o) => o.loopCopy !== undefined || plain++ < MAX_CONTEXTS_PER_CALL - 1) : [];
    // A caller that has callers of its own past the depth followed: what they pass is not read (EVAL001).
    if (depth >= MAX_CALLER_DEPTH && cut && callsOf(c.caller).length > 0) cut.deeper = true;
    // The caller's own defaults, unless the caller runs only as its own callers call it (a template
    // between the pipeline and this file): then only their values reach this call.
    const callerRunsAlone = through.length === 0 || !runsOnlyWhenCalled(c.caller);
    const outer: (CallerContext | undefined)[] = [...(callerRunsAlone ? [undefined] : []), ...through];
    const loops = loopsAt(place);
    return outer.flatMap((o) => {
      // A calling job's combinations, each a context of the called file: at most 32 per call, as
      // calls × contexts × combinations multiply (the file's own jobs are under MATRIX_WORK_BUDGET).
      // Each iteration of the `${{ each }}` loops around the call is a call of its own (a loop
      // over environments calling a deployment template), up to MAX_LOOP_ITERATIONS (EVAL001
      // past them): the copies past the first spend the called file's work (loopCopy).
      const combinations = matrixVariants(c.job).slice(0, MAX_VARIANTS_PER_CALL);
      const expanded = loopVariants(c.caller, loops, o?.inputs, combinations, loopLimit);
      if (expanded.capped && cut && !loopLimit) cut.cappedLoops.push({ file: c.caller.file, loop: expanded.capped });
      const perCombination = Math.max(1, expanded.variants.length / Math.max(1, combinations.length));
      return expanded.variants.flatMap((variant, vi): CallerContext[] => {
        const sc = scriptContext(c.caller, place, variant, o?.inputs, o?.variables, o?.runnerOs);
        // A call under `${{ if }}` blocks this context decides against is not in the caller's pipeline
        // (nor one in a loop over an empty list).
        if (!stepRunsIn(c.step, sc) || variant.loop?.empty) return [];
        const inputs = new Map<string, Value>();
        for (const e of c.inputs) {
          // A mapping or list passed (an `object` parameter, a step list): given, not read; its
          // members are not the default's (review 67).
          if (e.value === undefined) {
            inputs.set(e.key, unknown(`${e.key} is passed a mapping or list, whose members are not read`, { file: c.caller.file, range: e.valueRange ?? e.keyRange }));
            continue;
          }
          if (!e.valueRange) continue;
          // A job's `with:` for a reusable workflow (no step) cannot read `env` (jobWithValue).
          const read = c.caller.format === 'github-actions' && c.step === undefined ? jobWithValue : entryValue;
          inputs.set(e.key, read(c.caller, sc, e.value, { file: c.caller.file, range: e.valueRange }));
        }
        // An Azure Pipelines template is expanded into its caller: the caller's variables are in scope there.
        const expanded = c.caller.format === 'azure-pipelines' && file.format === 'azure-pipelines';
        // A composite action's steps run in the calling job: its class (the job's environment:, its
        // env: variables, the workflow's name) is theirs, and so are the workflow's, the job's and
        // the calling step's `env:` variables.
        const composite = file.kind === 'github-action' && c.step !== undefined;
        // Steps the caller passes in (a `stepList` parameter) that set variables at run time: unknown in the template.
        const passed = expanded ? passedStepWrites(c) : undefined;
        const variables = expanded ? { ...sc.variables, ...(passed ? { passedStepWrites: passed } : {}) } : composite ? sc.variables : undefined;
        // (The loop variable of the copy the call is in, `environment`, is none of the template's
        // variables: it classes the place, before its stage's name, as a variable does.)
        const placeEnv = expanded
          ? (envFromVariables((name) => loopValue(c.caller, sc, name)) ?? placeClass(place, sc) ?? classifyPipelineFileName(path.basename(c.caller.file)) ?? o?.placeEnv)
          : composite
            ? (placeClass(place, sc) ?? envFromVariables((name) => named(sc.env, name)) ?? classifyPath(path.basename(c.caller.file))?.env ?? o?.placeEnv)
            : undefined;
        const through = o ? `${label} ${o.label}` : label;
        // Steps that run in the calling job run on its runner; a reusable workflow's jobs name their own.
        const runnerOs = expanded || composite ? sc.expansion.runnerOs : undefined;
        const copy = variantLabel(variant);
        const loopCopy = o?.loopCopy ?? (loops && vi % perCombination > 0 ? { file: c.caller.file, loop: loops[0]! } : undefined);
        return [{ label: copy ? `${through}, ${copy}` : through, inputs, ...(variables ? { variables } : {}), ...(placeEnv ? { placeEnv } : {}), ...(runnerOs ? { runnerOs } : {}), ...(loopCopy ? { loopCopy } : {}) }];
      });
    });
  });
}

// ---- known reusable templates --------------------------------------------------------------

interface TemplateCall {
  template: KnownTemplate;
  job: CiJob;
  step?: CiStep;
  inputs: CiEntry[];
  /** The `uses:`/`template:` line. */
  at: Location;
  subject: string;
}

function templateCalls(file: CiFile): TemplateCall[] {
  const out: TemplateCall[] = [];
  for (const job of file.jobs) {
    if (job.kind === 'workflow-call' && job.uses) {
      const name = job.uses.name.toLowerCase();
      const t = KNOWN_TEMPLATES.find((k) => k.githubWorkflow === name);
      if (t) out.push({ template: t, job, inputs: job.inputs, at: { file: file.file, range: job.uses.range }, subject: job.subject });
    }
    const jobTpl = job.kind === 'template' ? job.template : undefined;
    if (jobTpl) {
      const t = pipelineTemplate(jobTpl.path, jobTpl.repository);
      if (t) out.push({ template: t, job, inputs: job.inputs, at: { file: file.file, range: jobTpl.range }, subject: job.subject });
    }
    for (const step of job.steps) {
      if (!step.template) continue;
      const t = pipelineTemplate(step.template.path, step.template.repository);
      if (t) out.push({ template: t, job, step, inputs: step.inputs, at: { file: file.file, range: step.template.range }, subject: step.subject });
    }
  }
  return out;
}

function pipelineTemplate(p: string, repository: string | undefined): KnownTemplate | undefined {
  const base = p.split('/').pop()?.toLowerCase();
  return KNOWN_TEMPLATES.find((k) => k.pipelineTemplate && base === k.pipelineTemplate.fileName && repository?.toLowerCase().includes(k.pipelineTemplate.repositoryIncludes));
}

function templateResource(file: CiFile, call: TemplateCall, sc: ReturnType<typeof scriptContext>): Draft {
  const t = call.template;
  const entries = new Map(call.inputs.map((e) => [e.key, e]));
  const nameEntry = entries.get(t.nameInput);
  // A GitHub job's `with:` (a reusable workflow call) cannot read `env` (jobWithValue).
  const inputValue = file.format === 'github-actions' && call.step === undefined ? jobWithValue : entryValue;
  const nameValue = nameEntry?.value !== undefined && nameEntry.valueRange ? inputValue(file, sc, nameEntry.value, { file: file.file, range: nameEntry.valueRange }) : undefined;
  const address = `${call.subject}: ${t.label}${nameEntry?.value ? ` ${nameEntry.value}` : ''}`;
  const r = newResource(t.kind, address, t.label, call.at, nameValue);
  for (const [input, { attr, read }] of Object.entries(t.inputs)) {
    const e = entries.get(input);
    if (!e || e.value === undefined || !e.valueRange) continue;
    let v = inputValue(file, sc, e.value, { file: file.file, range: e.valueRange });
    if (read === 'number' && v.kind === 'string' && /^-?\d+$/.test(v.value.trim())) v = withProvenanceOf(num(Number(v.value), v.origin), v);
    r.attrs.set(attr, { value: v, defaulted: false, at: { file: file.file, range: e.keyRange }, sourcePath: `${input} (${t.label})` });
  }
  for (const [attr, d] of Object.entries(t.fixed ?? {})) r.attrs.set(attr, { value: defaultValue(d), defaulted: false, sourcePath: attr });
  // What the body's command (`az ml compute create`) leaves unset gets that command's defaults, named by its flags.
  const body = commandSpecOf(t.command.split(' '));
  for (const [attr, d] of Object.entries(body?.defaults ?? {})) {
    if (r.attrs.has(attr)) continue;
    const flag = flagNameOf(body!, attr);
    // The template takes no input for it: the fix is a command (or IaC) of the user's own.
    r.attrs.set(attr, { value: defaultValue(d), defaulted: true, sourcePath: `the template's ${flag}`, fixElsewhere: `the template cannot set it: create the cluster with az ${t.command} ${flag} false instead` });
  }
  const nameKey = nameValue?.kind === 'string' ? nameValue.value : undefined;
  r.identity.push(nameKey !== undefined ? identityKey(t.kind, nameKey) : placeIdentity(call.at));
  // The parent the body's command names (`--workspace-name ${{ inputs.workspace_name }}`), as an `az` command's flag links it.
  const parentEntry = t.parentInput ? entries.get(t.parentInput.input) : undefined;
  const parent = parentEntry?.value !== undefined && parentEntry.valueRange ? inputValue(file, sc, parentEntry.value, { file: file.file, range: parentEntry.valueRange }) : undefined;
  const parentKey = parent?.kind === 'string' ? parent.value : undefined;
  if (t.parentInput && parentKey !== undefined) r.refs.set(t.parentInput.ref, str(identityKey(PARENT_KIND[t.parentInput.ref]!, parentKey), parent!.origin));
  return { resource: r, nameKey, ...(parentKey !== undefined ? { parentKey } : {}) };
}
