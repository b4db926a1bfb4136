/**
 * What an `az ml compute|workspace create|update` command sets besides its table flags:
 * `--set k=v` on a command *without* `--file` (applyMlSets), the `--set` a message should name
 * for a key left absent (nameAbsentMlKeys), and, *with* `--file`, the keys its flags leave
 * undecided (flagOverrides; azure-cli-files.ts applies them after the `--set`s).
 *
 * The ml extension builds the object from the command's flags and then applies every
 * `--set` path to it, exactly as it does to a `--file` YAML ("Update an object by specifying a
 * property path and value to set", the global `--set` argument of `az ml`): so
 * `az ml compute create -n ci --type computeinstance --set idle_time_before_shutdown_minutes=30`
 * has idle shutdown, and `--set min_instances=2` keeps two nodes. The keys are the Azure ML
 * YAML keys (src/model/tables/azureml-yaml.ts). With `--file`, azure-cli-files.ts applies
 * them to the file instead.
 *
 * Three-valued as everywhere: a top-level key with a literal value sets its attribute (the
 * value is located where it is written); a nested path (`schedules.compute_start_stop…`,
 * `tags.team`), an unknown value or an unknown key (`--set $K=v`) makes the attribute(s)
 * unknown, never absent. An unquoted unknown expansion in the command may carry a `--set`
 * (or `--file`), so every YAML attribute the flags left unset is unknown too.
 */
import type { Location, Range } from '../core/source.js';
import { bool, num, unknown, type Value } from '../core/value.js';
import { FILE_FLAGS, SET_FLAG, type FlagSpec } from '../model/tables/azure-cli.js';
import type { Resource } from '../model/resource.js';
import { AZUREML_YAML_TABLE } from '../model/tables/azureml-yaml.js';
import type { AttrSpec } from '../model/tables/spec.js';

export interface SetOverride {
  key: string;
  value: Value;
  range: Range;
  /** The flag an override comes from (`--min-instances`), when it is not a `--set`. */
  flag?: string;
}

/** The YAML attributes a command of this kind can set (a compute's type is not known yet: both). */
function yamlAttrs(kind: 'ml.compute' | 'ml.workspace'): AttrSpec[] {
  const specs = kind === 'ml.workspace' ? [AZUREML_YAML_TABLE.workspace] : [AZUREML_YAML_TABLE.amlcompute, AZUREML_YAML_TABLE.computeinstance];
  return specs.flatMap((s) => s.attrs);
}

/** A `--set` literal as the attribute reads it: numbers for counts, booleans for flags and Enabled/Disabled. */
function convert(a: AttrSpec, v: Value & { kind: 'string' }): Value {
  const text = v.value.trim();
  const keep = (x: Value): Value => ({ ...x, via: v.via });
  if (a.convert === 'enabledToBool') {
    const l = text.toLowerCase();
    return l === 'enabled' || l === 'disabled' ? keep(bool(l === 'enabled', v.origin)) : unknown(`"${text}" is neither Enabled nor Disabled`, v.origin);
  }
  if (typeof a.default === 'number' || /NodeCount$/.test(a.canonical)) return /^-?\d+$/.test(text) ? keep(num(Number(text), v.origin)) : unknown(`"${text}" is not a whole number`, v.origin);
  if (typeof a.default === 'boolean') {
    const l = text.toLowerCase();
    return l === 'true' || l === 'false' ? keep(bool(l === 'true', v.origin)) : unknown(`"${text}" is not true or false`, v.origin);
  }
  return v;
}

/**
 * An az command holds an unquoted unknown expansion, so it may carry any flag (FORMATS.md §1):
 * `word` is the first such word as written (`$kv`), undefined for text an unclosed quote ran into;
 * or an abbreviated flag that may stand for several (`abbreviation`).
 */
export interface Opaque {
  word: string | undefined;
  /** Why the word may be any words, when it does not say it itself (`ExpandedWord.why`). */
  why?: string;
  /** `word` is an abbreviated flag that may stand for several flags (`--source`): the known ones it may be. */
  abbreviation?: readonly string[];
  /** `word` is a flag after a kept blank (`\ --node-taints`), which the Azure CLI rejects. */
  stray?: true;
  /**
   * `word` is an unquoted variable that each branch of an if/case set to a known text
   * (`UnknownValue.texts`): the flags those texts pass (as the command reads them: an
   * abbreviation as the flags it may stand for). It may set those and no other.
   */
  branchFlags?: readonly string[];
  /** Another word of the command that may also set flags (two limited ones: `$ARGS` and `--enable-cluster`). */
  also?: Opaque;
  /** Where the word stands among the command's words (a limited one may re-set a flag written before it). */
  index?: number;
}

/** The flags an opaque word may set when it may set only some (an abbreviation, a variable of known texts); undefined for any. */
export function limitedFlags(o: Opaque): readonly string[] | undefined {
  return o.branchFlags ?? o.abbreviation;
}

/**
 * Two opaque words of one command as one: any flag when either may set any flag (the first of
 * those, for its reason), else both lists kept (`also`), each with its own reason.
 */
export function combineOpaque(a: Opaque | undefined, b: Opaque): Opaque {
  if (!a) return b;
  if (!limitedFlags(a)) return a;
  if (!limitedFlags(b)) return b;
  return { ...a, also: a.also ? combineOpaque(a.also, b) : b };
}

/** Whether an opaque command may set the flag named `names` (an abbreviation only its candidates). */
export function opaqueMaySet(opaque: Opaque | undefined, names: readonly string[]): boolean {
  if (!opaque) return false;
  const list = limitedFlags(opaque);
  return list === undefined || names.some((n) => list.includes(n)) || opaqueMaySet(opaque.also, names);
}

/** Why a key of such a command is not decided (`--verbose`). */
export function opaqueReason(opaque: Opaque, what: string): string {
  // Of two limited words, the one that may set it says why.
  const list = limitedFlags(opaque);
  if (list && !list.includes(what) && opaque.also) return opaqueReason(opaque.also, what);
  if (opaque.word === undefined) return `an unclosed quote in this az command may hide ${what}`;
  if (opaque.stray) return `${opaque.word} in this az command is not a flag but a word the Azure CLI rejects (a backslash keeps the blank before it, as a folded \`run: >\` makes of a \`\\\` at a line end), so ${what} is not decided`;
  if (opaque.why) return `${opaque.word} in this az command holds words not known (${opaque.why}), ${what} among them`;
  if (opaque.branchFlags) return `the unquoted ${opaque.word} in this az command passes ${what} in some branches of an if/case before it and not in others`;
  if (opaque.abbreviation) return `the abbreviated flag ${opaque.word} in this az command may stand for ${what} (the Azure CLI takes a unique prefix of a flag for the flag; write it in full to decide)`;
  // `"$@"`, `"${args[@]}"` and PowerShell's `@params` stay several words however they are quoted.
  if (/^["@]/.test(opaque.word)) return `${opaque.word} in this az command passes any number of words, ${what} among them`;
  return `the unquoted ${opaque.word} in this az command may expand to several words, ${what} among them (quote it to decide)`;
}

/** Applies the `--set` overrides (and an opaque expansion's possible ones) to a flag-only ml command's resource. */
export function applyMlSets(r: Resource, kind: 'ml.compute' | 'ml.workspace', sets: readonly SetOverride[], opaque: Opaque | undefined, file: string, at: Location): void {
  const attrs = yamlAttrs(kind);
  const unknownAll = (reason: string, where: Location): void => {
    for (const a of attrs) r.attrs.set(a.canonical, { value: unknown(reason, where), defaulted: false, at: where, sourcePath: a.paths[0] ?? a.canonical });
  };
  // Attributes a `--set` wrote (a later `--set` of the same key wins, as on a file).
  const bySet = new Set<string>();
  for (const s of sets) {
    const word: Location = { file, range: s.range };
    if (/[$`]/.test(s.key)) {
      unknownAll(`--set ${s.key}=… may set any key`, word);
      continue;
    }
    const [top, ...rest] = s.key.split('.');
    for (const a of attrs.filter((x) => x.paths.includes(top!))) {
      // A flag set it already (`--min-instances 0 --set min_instances=2`): which of the two the
      // extension applies last is not documented, so neither is taken.
      const byFlag = bySet.has(a.canonical) ? undefined : r.attrs.get(a.canonical);
      bySet.add(a.canonical);
      const value = byFlag
        ? unknown(`both ${byFlag.sourcePath} and --set ${s.key} are given: which one applies is not documented`, word)
        : rest.length === 0 && s.value.kind === 'string'
          ? convert(a, s.value)
          : s.value.kind === 'unknown'
            ? s.value
            : unknown(`--set ${s.key}=… changes part of ${top}, which is not read`, word);
      // The word as written when the table converted it (`Enabled` for true): messages say it so.
      const written = value !== s.value && value.kind === 'bool' && s.value.kind === 'string' ? s.value.value : undefined;
      r.attrs.set(a.canonical, { value, defaulted: false, at: word, sourcePath: top!, ...(written !== undefined ? { written } : {}) });
    }
  }
  // (A word that may pass only some flags, none of them --set or --file, sets no key this way.)
  if (!opaque || !opaqueMaySet(opaque, [SET_FLAG, ...FILE_FLAGS])) return;
  for (const a of attrs) {
    if (!r.attrs.has(a.canonical)) r.attrs.set(a.canonical, { value: unknown(opaqueReason(opaque, `a --set of ${a.paths[0]} or a --file`), at), defaulted: false, at, sourcePath: a.paths[0] ?? a.canonical });
  }
}

/**
 * The Azure ML YAML attributes a create command leaves absent (no flag, no `--set`, no default)
 * name the `--set` that would set them, so a message says `--set idle_time_before_shutdown`
 * rather than the ARM property.
 */
export function nameAbsentMlKeys(r: Resource, kind: 'ml.compute' | 'ml.workspace'): void {
  for (const a of yamlAttrs(kind)) {
    if (!r.attrs.has(a.canonical) && a.paths[0]) r.attrs.set(a.canonical, { value: undefined, defaulted: false, sourcePath: `--set ${a.paths[0]}` });
  }
}

/**
 * The flags of an `az ml compute|workspace create|update --file X` command, as what they may do
 * to the file's keys. Whether a flag given with `--file` replaces the file's key (as `--set`
 * does) is not documented: the `az ml` reference describes `--file` and `--set`, not how the
 * other flags meet a file, and the extension's source could not be read here. So a key that a
 * flag names is unknown (never reported, `--verbose` says why) rather than the file's value or
 * the flag's: `--file ws.yml --public-network-access Disabled` is not reported from the file,
 * and `--file c.yml --min-instances 2` is not reported from the flag. Tags are left out (they
 * stay the file's: whether `--tags` replaces or merges the file's map is not documented either).
 * Each override spans the flag and its value, so `--verbose` points at it.
 */
export function flagOverrides(kind: string, given: ReadonlyMap<FlagSpec, { value: Value; flag: { word: { range: Range } } }>, file: string): SetOverride[] {
  if (kind !== 'ml.compute' && kind !== 'ml.workspace') return [];
  const attrs = yamlAttrs(kind);
  const out: SetOverride[] = [];
  for (const [f, { value, flag }] of given) {
    if (f.attr === 'tags') continue;
    const a = attrs.find((x) => x.canonical === f.attr);
    const key = a?.paths[0];
    if (!a || !key) continue;
    // The value's own word follows the flag; a value written elsewhere (an assignment) is not spanned.
    const o = value.origin;
    const end = o && o.file === file && o.range.start.offset >= flag.word.range.end.offset ? o.range.end : flag.word.range.end;
    const range = { start: flag.word.range.start, end };
    const v = unknown(`${f.names[0]!} is given with --file: whether it replaces the file's ${key} is not documented`, { file, range });
    out.push({ key, value: v, range, flag: f.names[0] });
  }
  return out;
}
