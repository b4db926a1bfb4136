/**
 * Azure ML CLI v2 YAML (compute cluster, compute instance, workspace) read into values with
 * origins (FORMATS.md §4). What the document is comes from its `$schema`
 * (`…/amlCompute.schema.json`, `computeInstance`, `workspace`) or, without one, from a
 * top-level `type: amlcompute|computeinstance`. Scalars become typed values the way the
 * Azure ML CLI loads them (plain `true`/`12` are a boolean and a number; quoted text is a
 * string); `az ml … create --set k=v` overrides replace keys before anything reads them.
 */
import type { Location, Range } from '../../core/source.js';
import { bool, list, nul, num, obj, passedThrough, str, unknown, variableSite, type ObjectValue, type Value } from '../../core/value.js';
import type { YamlMap, YamlTree } from '../../parse/yaml/tree.js';
import { ANY_VARIABLE } from '../azcli/words.js';

/** The three Azure ML YAML documents this front end reads, by their lower-case `type`. */
export type AmlYamlType = 'amlcompute' | 'computeinstance' | 'workspace';

/** `$schema` of the Azure ML CLI v2 YAML reference (both hosts, any version folder). */
const SCHEMA_URL = /azuremlschemas(?:prod)?\.azureedge\.net\/.*\/(amlCompute|computeInstance|workspace)\.schema\.json/i;
const SCHEMA_TYPE: Record<string, AmlYamlType> = { amlcompute: 'amlcompute', computeinstance: 'computeinstance', workspace: 'workspace' };
/** Top-level keys that make a YAML something else (Kubernetes, a CI file, an AML job or pipeline). */
const FOREIGN_KEYS = ['apiVersion', 'kind', 'jobs', 'steps', 'stages', 'on'];

/** One `--set path=value` of `az ml compute|workspace create|update`, with where it is written. */
export interface AmlYamlOverride {
  /** Dotted key path as the CLI takes it (`size`, `tags.cost-center`, `network_settings.subnet`). */
  path: string;
  /** The value as written after `=` (typed like a plain YAML scalar: `true`, `2`, text). */
  value: string;
  /** The override's value as written (a finding about the key points here). */
  location: Location;
  /**
   * The value as the script resolves it, when `value` is not the whole story: a `--set
   * size=$SIZE` whose variable is assigned a literal (its origin is the assignment), or an
   * unknown expansion. Text values are still typed like a plain YAML scalar.
   */
  resolved?: Value;
}

export interface ReadOptions {
  /** Text that is a heredoc of a shell script: a `$VAR`/`${VAR}` in a value is an unknown shell expansion. */
  shellExpansions?: boolean;
  /** The shell variables when the heredoc is written: a value that is one `$VAR`/`${VAR}` with a literal value is that value. */
  shellEnv?: ReadonlyMap<string, Value>;
  /**
   * The type the command says the file is (`az ml workspace create --file x.yml`: a workspace),
   * used when the document names none (a workspace YAML without `$schema`).
   */
  typeHint?: AmlYamlType;
  /** Parts of the text that are not what the document says (`UnknownSpans`). */
  unknownSpans?: UnknownSpans;
  /**
   * The text the tree's offsets index: a one-line plain scalar is read as written there, as PyYAML's
   * YAML 1.1 reads it (the parser's YAML 1.2 value of `010` is 10).
   */
  sourceText?: string;
}

/**
 * Parts of a YAML text that stand for something else, by offset, in order and apart: a Terraform
 * heredoc's interpolations (`image: ${var.image}`), written as placeholders for the parser. A
 * scalar over one is unknown, and so is a mapping with a key over one (which key it is is not
 * known). `covered` collects the index of each span such a value covers: a span none covers
 * (in a comment, between tokens) may change the document's shape.
 */
export interface UnknownSpans {
  spans: readonly (readonly [start: number, end: number])[];
  /** Why each span's value is unknown ("depends on ${var.image}, interpolated into the heredoc"). */
  reasons: readonly string[];
  covered: Set<number>;
  /** Each scalar made unknown by a span: the value, the span, and the scalar's content range. */
  leaves?: { value: Value; span: number; range: Range; plain: boolean }[];
}

/** The index of the first span that overlaps `r` (by binary search: a heredoc may have thousands), or -1. */
function overlappingSpan(u: UnknownSpans, r: Range): number {
  const { spans } = u;
  const s = r.start.offset;
  const e = r.end.offset;
  let lo = 0;
  let hi = spans.length;
  // The first span that ends after the range starts.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]![0] < e && e > s ? lo : -1;
}

/** Marks every span inside `r` covered (a value made unknown as a whole). */
function coverSpans(u: UnknownSpans, r: Range): void {
  for (let i = overlappingSpan(u, r); i >= 0 && i < u.spans.length && u.spans[i]![0] < r.end.offset; i++) u.covered.add(i);
}

/** One Azure ML YAML document as values. */
export interface AmlYamlDocument {
  file: string;
  type: AmlYamlType;
  /** The document's body with overrides applied; every value with its origin. */
  body: ObjectValue;
  /** Where a finding about an absent key points: the `type:` entry (compute) or `name:` (workspace). */
  header: Location;
  name?: Value;
  /** The document's index in its file (multi-document YAML). */
  index: number;
}

function scalarText(t: YamlTree | undefined): string | undefined {
  return t?.type === 'scalar' ? t.value : undefined;
}

/** The AML document type of a root mapping, or undefined when it is not one of the three. */
export function amlYamlTypeOf(root: YamlMap): AmlYamlType | undefined {
  const entry = (k: string): YamlTree | undefined => root.entries.find((e) => e.key === k)?.value;
  const schema = scalarText(entry('$schema'));
  const typeText = scalarText(entry('type'))?.trim().toLowerCase();
  const bySchema = schema === undefined ? undefined : SCHEMA_URL.exec(schema)?.[1]?.toLowerCase();
  if (bySchema !== undefined) {
    const t = SCHEMA_TYPE[bySchema]!;
    // The CLI reads `type` for computes; a workspace has none.
    if (t !== 'workspace' && (typeText === 'amlcompute' || typeText === 'computeinstance')) return typeText;
    return t;
  }
  if (schema !== undefined) return undefined; // another schema (job, environment, endpoint, vmCompute…)
  if (typeText !== 'amlcompute' && typeText !== 'computeinstance') return undefined;
  if (entry('name') === undefined) return undefined;
  if (root.entries.some((e) => FOREIGN_KEYS.includes(e.key))) return undefined;
  return typeText;
}

/**
 * The type of a document the command names (`az ml workspace create --file`, `az ml compute
 * create --file`) when the document alone does not say it: a workspace YAML without `$schema`,
 * a compute YAML whose `name` comes from `--name`. A compute's own `type` key still decides
 * between cluster and instance; a document with another `$schema` is not read.
 */
function hintedType(root: YamlMap, hint: AmlYamlType | undefined): AmlYamlType | undefined {
  if (!hint) return undefined;
  const entry = (k: string): YamlTree | undefined => root.entries.find((e) => e.key === k)?.value;
  if (scalarText(entry('$schema')) !== undefined) return undefined;
  if (hint === 'workspace') return hint;
  const t = scalarText(entry('type'))?.trim().toLowerCase();
  return t === 'amlcompute' || t === 'computeinstance' ? t : hint;
}

const FOREIGN_KEY_LINE = new RegExp(`^(?:${FOREIGN_KEYS.join('|')})[ \\t]*:`, 'm');

/**
 * A text check before parsing: could this YAML be an Azure ML compute or workspace document?
 * It also decides for a file that does not parse (so its syntax error is reported): an Azure ML
 * `$schema`, or a top-level compute `type` and `name` without a key of another format.
 */
export function mayBeAmlYaml(text: string): boolean {
  if (SCHEMA_URL.test(text)) return true;
  return /^type[ \t]*:[ \t]*["']?(?:amlcompute|computeinstance)\b/im.test(text) && /^name[ \t]*:/m.test(text) && !FOREIGN_KEY_LINE.test(text);
}

/** `$VAR`, `${VAR…}`, `$(…)` and, in a CI file, `${{ … }}` (substituted before the shell runs). */
const SHELL_EXPANSION = /\$(?:\{\{[^}]*\}\}|\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*)|\([^)]*\)?)/;

/**
 * A heredoc value that is one shell variable (`size: $SIZE`, `size: "${SIZE}"`) whose value the
 * script assigned literally: that value, typed as YAML types the expanded text, located at the
 * assignment (the place that wrote it) with the heredoc's use in its chain. Anything else
 * (`gpu-$X`, `${X:-d}`, `$(…)`, an unknown variable): undefined, and the caller's rule applies.
 */
function wholeVariable(text: string, plain: boolean, use: Location, env: ReadonlyMap<string, Value> | undefined): Value | undefined {
  if (!env) return undefined;
  const withDefault = defaultedVariable(text, plain, use, env);
  if (withDefault) return withDefault;
  const m = /^\s*\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))\s*$/.exec(text);
  const name = m?.[1] ?? m?.[2];
  if (name === undefined) return undefined;
  const v = env.get(name);
  if (v?.kind !== 'string') return undefined;
  const site = variableSite(use, name);
  const typed = plain ? scalarValue(v.value, true, v.origin ?? use) : v;
  return passedThrough(v.via ? { ...typed, via: v.via } : typed, site);
}

/**
 * `${NAME:-lit}` / `${NAME-lit}` as the whole value: NAME's literal value when the script
 * assigned one (not empty, for `:-`), else the default where the heredoc writes it when the
 * script leaves NAME unset — as the shell expands the same text in a flag. Undefined when NAME
 * is unknown, or when a sourced file or `export $(…)` may have set any variable (ANY_VARIABLE).
 */
function defaultedVariable(text: string, plain: boolean, use: Location, env: ReadonlyMap<string, Value>): Value | undefined {
  const m = /^(\s*)\$\{([A-Za-z_][A-Za-z0-9_]*)(:?)-([^}$`\\"']*)\}\s*$/.exec(text);
  if (!m) return undefined;
  const [, lead, name, colon, fallback] = m as unknown as [string, string, string, string, string];
  const v = env.get(name);
  if (v !== undefined && v.kind !== 'string') return undefined;
  if (v === undefined && env.has(ANY_VARIABLE)) return undefined;
  if (v !== undefined && !(colon && v.value === '')) return wholeVariable(`$${name}`, plain, use, env);
  // The default, placed exactly where a one-line scalar writes it.
  const r = use.range;
  const from = lead.length + 2 + name.length + colon.length + 1;
  const exact = r.start.line === r.end.line && r.end.offset - r.start.offset === text.length;
  const at: Location = exact ? { ...use, range: { start: { line: r.start.line, column: r.start.column + from, offset: r.start.offset + from }, end: { line: r.start.line, column: r.start.column + from + fallback.length, offset: r.start.offset + from + fallback.length } } } : use;
  return plain ? scalarValue(fallback, true, at) : str(fallback, at);
}

/**
 * A placeholder a template engine fills in before the file is used (`size: ${GPU_SIZE}` or
 * `$GPU_SIZE` for envsubst, which expands both forms; `size: "{{ gpu_size }}"` for Jinja or
 * Helm-style tools; `#{GpuSize}#` and `__GpuSize__` (a token of its own, not the `__` inside
 * `ml__core__rg`; its body holds no `__`, so the pattern cannot backtrack over a long value) for
 * the token-replacement tasks of Azure Pipelines): the Azure ML CLI expands none of them, so the value the file is deployed with is
 * not the written text.
 */
const TEMPLATE_PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^{}]*\}\}|#\{[^{}#]+\}#|(?<![A-Za-z0-9_])__[A-Za-z](?:[A-Za-z0-9.]|_(?!_))*__(?![A-Za-z0-9_])/;

/** A plain or quoted YAML scalar (or a `--set` value) as a typed value. */
export function scalarValue(text: string, plain: boolean, origin: Location, opts: ReadOptions = {}): Value {
  if (opts.shellExpansions) {
    const bound = wholeVariable(text, plain, origin, opts.shellEnv);
    if (bound) return bound;
    const m = SHELL_EXPANSION.exec(text);
    if (m) return unknown(m[1] ?? m[2] ? `depends on the shell variable ${m[1] ?? m[2]} of the script that writes this file` : `depends on ${m[0]}, expanded when the script writes this file`, origin, text);
  } else {
    const m = TEMPLATE_PLACEHOLDER.exec(text);
    if (m) return unknown(`${m[0]} is a placeholder filled in when the file is rendered`, origin, text);
  }
  if (!plain) return str(text, origin);
  const t = text.trim();
  if (t === '' || YAML11_NULL.test(t)) return nul(origin);
  if (YAML11_BOOL.test(t)) return bool(/^(?:y|true|on)/i.test(t), origin);
  const n = yaml11Number(t);
  return n === undefined ? str(text, origin) : num(n, origin);
}

/*
 * Plain scalars as the Azure ML CLI reads them: azure-ai-ml's `load_yaml` calls PyYAML's
 * `yaml.safe_load`, a YAML 1.1 reader (pyyaml resolver.py, the implicit resolvers of
 * `Resolver`): `yes`/`on` are true and `no`/`off` false (in three spellings each, not any case),
 * `010` is octal 8, `0x1f` hex, `1_000` 1000, `1:30` base 60 (90); a float needs a dot, and its
 * exponent a sign (`1e3` stays a string).
 */
const YAML11_NULL = /^(?:~|null|Null|NULL)$/;
const YAML11_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

function yaml11Number(t: string): number | undefined {
  const sign = t.startsWith('-') ? -1 : 1;
  const u = t.replace(/^[-+]/, '');
  const digits = (body: string, radix: number): number => sign * parseInt(body.replace(/_/g, ''), radix);
  if (/^0b[01_]+$/.test(u)) return digits(u.slice(2), 2);
  if (/^0x[0-9a-fA-F_]+$/.test(u)) return digits(u.slice(2), 16);
  if (/^0[0-7_]+$/.test(u)) return digits(u.slice(1), 8);
  if (/^(?:0|[1-9][0-9_]*)$/.test(u)) return digits(u, 10);
  if (/^[1-9][0-9_]*(?::[0-5]?[0-9])+$/.test(u)) return sign * u.split(':').reduce((acc, part) => acc * 60 + Number(part.replace(/_/g, '')), 0);
  if (/^(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)(?:[eE][-+][0-9]+)?$/.test(u)) {
    const v = Number(u.replace(/_/g, ''));
    return Number.isFinite(v) ? sign * v : undefined;
  }
  return undefined;
}

function loc(file: string, range: Range): Location {
  return { file, range };
}

/**
 * A block collection's place ends with its last value: the parser's range runs on to the start
 * of the next line (`tags:` ending at 9:1 after `  owner: ml-team` on line 8). A flow collection
 * (`{a: 1}`, ending at its bracket) and an empty one keep their range.
 */
function blockOrigin(origin: Location, last: Location | undefined): Location {
  const { start, end } = origin.range;
  if (!last || end.column !== 1 || end.line <= start.line || last.range.end.offset > end.offset) return origin;
  return { file: origin.file, range: { start, end: last.range.end } };
}

/** A positioned YAML node as a value (an alias or unsupported node is unknown). */
export function yamlValue(file: string, t: YamlTree, opts: ReadOptions = {}): Value {
  const origin = loc(file, t.range);
  const spans = opts.unknownSpans;
  switch (t.type) {
    case 'scalar': {
      const hole = spans ? overlappingSpan(spans, t.range) : -1;
      if (hole >= 0) {
        coverSpans(spans!, t.range);
        const leaf = unknown(spans!.reasons[hole]!, origin);
        spans!.leaves?.push({ value: leaf, span: hole, range: t.range, plain: t.plain });
        return leaf;
      }
      // (As written, for PyYAML's YAML 1.1 reading of a plain scalar: `010` is 8 there.)
      const written = t.plain && opts.sourceText !== undefined ? opts.sourceText.slice(t.range.start.offset, t.range.end.offset) : undefined;
      return scalarValue(written !== undefined && written.trim() !== '' && !/[\r\n]/.test(written) ? written : t.value, t.plain, origin, opts);
    }
    case 'seq': {
      const items = t.items.map((i) => yamlValue(file, i, opts));
      const l = list(items, blockOrigin(origin, items.at(-1)?.origin));
      // (Text a Terraform file decodes as YAML: marked, for a fix in its syntax.)
      return spans ? { ...l, yamlText: true } : l;
    }
    case 'map': {
      const key = spans ? t.entries.find((e) => overlappingSpan(spans, e.keyRange) >= 0) : undefined;
      if (key) {
        coverSpans(spans!, t.range);
        return unknown(`a key ${spans!.reasons[overlappingSpan(spans!, key.keyRange)]!}`, origin);
      }
      const entries = new Map<string, Value>();
      const keyOrigins = new Map<string, Location>();
      let last: Location | undefined;
      for (const e of t.entries) {
        const v = e.value ? yamlValue(file, e.value, opts) : nul(loc(file, e.keyRange));
        // A last entry without a value (`b:`) ends the map with its colon.
        last = (e.value ? v.origin : loc(file, e.range)) ?? last;
        if (!entries.has(e.key)) {
          entries.set(e.key, v);
          keyOrigins.set(e.key, loc(file, e.keyRange));
        }
      }
      return { ...obj(entries, blockOrigin(origin, last)), keyOrigins, ...(spans ? { yamlText: true as const } : {}) };
    }
    default:
      return unknown('a YAML alias or tag this reader does not follow', origin);
  }
}

/** `body` with `path` (dotted; a numeric segment indexes a list) set to `value`; objects on the way are created. */
export function withOverride(body: ObjectValue, path: readonly string[], value: Value): ObjectValue {
  const [head, ...rest] = path;
  if (head === undefined) return body;
  const entries = new Map(body.entries);
  // The CLI matches keys as written; a differently cased existing key is replaced, not duplicated.
  const existingKey = entries.has(head) ? head : [...entries.keys()].find((k) => k.toLowerCase() === head.toLowerCase());
  const key = existingKey ?? head;
  if (rest.length === 0) {
    entries.set(key, value);
    return { ...body, entries };
  }
  const child = entries.get(key);
  if (child?.kind === 'list' && /^\d+$/.test(rest[0]!)) {
    const i = Number(rest[0]);
    const items = [...child.items];
    const item = items[i];
    if (item === undefined) return body; // the CLI fails on an index past the end; nothing to model
    items[i] = rest.length === 1 ? value : item.kind === 'object' ? withOverride(item, rest.slice(1), value) : item;
    entries.set(key, { ...child, items });
    return { ...body, entries };
  }
  const base: ObjectValue = child?.kind === 'object' ? child : obj(new Map(), value.origin);
  entries.set(key, withOverride(base, rest, value));
  return { ...body, entries };
}

/** An override's typed value (a resolved text keeps its origin and the places it passed through). */
function overrideValue(o: AmlYamlOverride, opts: ReadOptions): Value {
  const r = o.resolved;
  if (!r) return scalarValue(o.value, true, o.location, opts);
  if (r.kind !== 'string') return r;
  const typed = scalarValue(r.value, true, r.origin ?? o.location, { ...opts, shellExpansions: false });
  return { ...typed, via: r.via };
}

/** The value at a dotted path of a body (a numeric segment indexes a list), if written. */
function valueAtPath(body: ObjectValue, segments: readonly string[]): Value | undefined {
  let v: Value | undefined = body;
  for (const s of segments) {
    if (v?.kind === 'object') v = v.entries.get(s) ?? [...v.entries].find(([k]) => k.toLowerCase() === s.toLowerCase())?.[1];
    else if (v?.kind === 'list' && /^\d+$/.test(s)) v = v.items[Number(s)];
    else return undefined;
  }
  return v;
}

/** An override that replaces a value written in the file: the file's value is a related location of it. */
function relatedToReplaced(v: Value, replaced: Value | undefined): Value {
  if (!replaced?.origin) return v;
  return { ...v, via: [...(v.via ?? []), { ...replaced.origin, label: 'the value in the file, replaced by --set' }] };
}

/**
 * One document as values, with the overrides applied in order (a later `--set` of the same
 * key wins). Undefined when the root is not an Azure ML compute or workspace document.
 */
export function readAmlYamlDocument(file: string, root: YamlMap, index: number, overrides: readonly AmlYamlOverride[] = [], opts: ReadOptions = {}): AmlYamlDocument | undefined {
  const type = amlYamlTypeOf(root) ?? hintedType(root, opts.typeHint);
  if (!type) return undefined;
  let body = yamlValue(file, root, opts) as ObjectValue;
  for (const o of overrides) {
    const segments = o.path.split('.').filter((s) => s.length > 0);
    if (segments.length === 0) continue;
    body = withOverride(body, segments, relatedToReplaced(overrideValue(o, opts), valueAtPath(body, segments)));
  }
  const entry = (k: string) => root.entries.find((e) => e.key === k);
  const at = (type === 'workspace' ? entry('name') ?? entry('$schema') : entry('type') ?? entry('name') ?? entry('$schema'))?.range ?? root.range;
  const name = body.entries.get('name');
  const doc: AmlYamlDocument = { file, type, body, header: loc(file, at), index };
  if (name && name.kind !== 'null') doc.name = name;
  return doc;
}
