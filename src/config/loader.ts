/**
 * Finds, parses and validates the config file (`.mlops-iac-lint.jsonc` / `.mlops-iac-lint.json`).
 * Every problem is reported with the exact position of the offending value (`ConfigError`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation } from 'jsonc-parser';
import type { Node as JsonNode } from 'jsonc-parser';
import { parseJsonc } from '../parse/json/index.js';
import schema from '../../schema/config.schema.json' with { type: 'json' };
import { LineMap } from '../core/source.js';
import type { EnvClass } from '../model/resource.js';
import type { LevelOrOff, RuleOptionSpec } from '../engine/types.js';
import { isValidDate } from '../engine/suppressions.js';
import { globProblem, matchGlob, normalizeRel } from './glob.js';
import { CONFIG_FILE_NAMES, ConfigError } from './types.js';
import type { ConfigSuppression, ResolvedConfig } from './types.js';
import { ioErrorText } from '../core/io-error.js';
import { readNamedText } from '../core/host.js';
import { isWithin } from '../core/paths.js';

export { ConfigError } from './types.js';
export type { ConfigSuppression, ResolvedConfig } from './types.js';

/**
 * Names users try for the config file that it is not (YAML, as many linters take): said in a
 * notice, never read. Not `mlops-iac-lint.json`: that is a natural `--output` name for a report.
 */
const MISTAKEN_CONFIG_NAMES = ['.mlops-iac-lint.yml', '.mlops-iac-lint.yaml', 'mlops-iac-lint.yml', 'mlops-iac-lint.yaml'];

/**
 * A file next to where the config file was looked for that looks meant as one (`.mlops-iac-lint.yml`)
 * when no config file was found: the first such in `startDir` or a folder above it.
 */
export function mistakenConfigFile(startDir: string): string | undefined {
  return firstUpward(startDir, MISTAKEN_CONFIG_NAMES, (candidate) => fs.existsSync(candidate));
}

/** The first config file in `startDir` or a folder above it, up to the filesystem root. */
export function findConfigFile(startDir: string): string | undefined {
  return firstUpward(startDir, CONFIG_FILE_NAMES, (candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

/** The first of `names` that `accepts` in `start` (its folder, for a file) or a folder above it, up to the filesystem root. */
function firstUpward(start: string, names: readonly string[], accepts: (candidate: string) => boolean): string | undefined {
  let dir = path.resolve(start);
  try {
    if (fs.statSync(dir).isFile()) dir = path.dirname(dir);
  } catch {
    // a path that does not exist: walk up from it anyway
  }
  for (;;) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (accepts(candidate)) return candidate;
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

// ajv (about a sixth of the bundle) is loaded only when a config file is read: a run without
// one (the usual pre-commit call) neither compiles nor initialises it (start-up time).
let ajvClass: typeof AjvClass | undefined;
async function loadAjv(): Promise<typeof AjvClass> {
  // Through the default export (ajv's module.exports, which carries `.Ajv`): a bundled
  // CommonJS chunk has no named exports, unlike Node's own import of the package.
  ajvClass ??= (await import('ajv')).default.Ajv;
  return ajvClass;
}
function newAjv(Ajv: typeof AjvClass): AjvClass {
  return new Ajv({ allErrors: true, strict: false });
}

let validator: ValidateFunction | undefined;
function validate(Ajv: typeof AjvClass, data: unknown): ErrorObject[] {
  validator ??= newAjv(Ajv).compile(schema);
  return validator(data) ? [] : (validator.errors ?? []);
}

/** The raw shape (after schema validation). */
export interface RawRuleEntry {
  level?: LevelOrOff;
  options?: Record<string, unknown>;
}

/** What the loader needs to know of the rule catalog: IDs and each rule's options. */
export interface CatalogEntry {
  id: string;
  options?: Readonly<Record<string, RuleOptionSpec>>;
}
export type Catalog = readonly CatalogEntry[];

const optionValidators = new Map<RuleOptionSpec, ValidateFunction>();
function validateOption(Ajv: typeof AjvClass, spec: RuleOptionSpec, value: unknown): ErrorObject[] {
  let v = optionValidators.get(spec);
  if (!v) {
    v = newAjv(Ajv).compile(spec.schema);
    optionValidators.set(spec, v);
  }
  return v(value) ? [] : (v.errors ?? []);
}

function getPath(obj: unknown, segs: readonly string[]): unknown {
  let cur = obj;
  for (const s of segs) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}
export interface RawConfig {
  rules?: Record<string, LevelOrOff | RawRuleEntry>;
  tags?: { required?: string[]; costCenter?: string };
  gpu?: { taint?: string };
  k8s?: { assumeInjectedTolerations?: boolean };
  allowedLocations?: string[];
  policies?: { definitions?: string[]; parameters?: Record<string, Record<string, unknown>>; fromScannedCode?: boolean; aliases?: string };
  [key: string]: unknown;
  environments?: Record<string, EnvClass>;
  ignorePaths?: string[];
  suppressions?: ConfigSuppression[];
  allowInlineSuppressions?: boolean;
}

function pointerSegments(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describePath(segs: (string | number)[]): string {
  if (segs.length === 0) return 'the config';
  return segs.map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? (i ? `.${s}` : s) : `[${JSON.stringify(s)}]`)).join('');
}

function errorMessage(e: ErrorObject, where: string): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      if (where === 'the config') return `unknown property '${String(p.additionalProperty)}'`;
      return `${where}: unknown property '${String(p.additionalProperty)}'`;
    case 'required':
      return `${where}: missing required property '${String(p.missingProperty)}'`;
    case 'enum':
      return `${where}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `${where}: must be ${p.type === 'array' ? 'an array' : p.type === 'object' ? 'an object' : `a ${String(p.type)}`}`;
    case 'pattern':
      if (where.endsWith('.until')) return `${where}: must be a date YYYY-MM-DD`;
      if (/^rules\.[^.]+\.options\.taint$|^gpu\.taint$/.test(where)) return `${where}: must be a taint key=value:Effect (Effect: NoSchedule, PreferNoSchedule or NoExecute)`;
      if (where.endsWith('.rule')) return `${where}: must be a rule ID such as AML001`;
      return `${where}: must match ${String(p.pattern)}`;
    case 'minLength':
      return `${where}: must not be empty`;
    case 'minItems':
      return `${where}: must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    default:
      return `${where}: ${e.message ?? e.keyword}`;
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Loads the config: `explicitPath` (`--config`) when given, else the first config file
 * found walking up from `startDir`. No file: the defaults (`file` undefined).
 * Throws `ConfigError` on invalid JSON, schema violations, unknown rule IDs, bad dates.
 *
 * @param catalog the rule catalog (IDs and option specs, `ALL_RULES.map((r) => r.meta)`);
 *   when omitted, rule IDs are only checked for their shape and options are not mapped.
 * @param confineTo the scan root: a config looked up inside it is not read through a link out of it.
 */
export async function loadConfig(
  explicitPath: string | undefined,
  startDir: string,
  catalog?: Catalog,
  confineTo?: string,
): Promise<{ config: ResolvedConfig; file?: string }> {
  const file = explicitPath ? path.resolve(explicitPath) : findConfigFile(startDir);
  if (!file) return { config: resolveConfig({}, path.resolve(startDir), catalog) };
  // A config found inside the scan root is scanned content: a committed link to a file outside
  // the root (`.mlops-iac-lint.jsonc -> /etc/passwd`) is not followed (README "Robustness").
  if (!explicitPath && confineTo !== undefined) {
    const outside = linkOutOf(confineTo, file);
    if (outside !== undefined) throw new ConfigError(file, [`${file}: a symbolic link out of the scan root (to ${outside}); a config file is not read through it`]);
  }
  let text: string;
  try {
    text = readNamedText(file);
  } catch (e) {
    throw new ConfigError(file, [`${file}: cannot read the config file: ${ioErrorText(e)}`]);
  }
  return { config: await parseConfig(text, file, catalog), file };
}

/** Parses and validates config text (the work of `loadConfig`, without the file system). */
export async function parseConfig(text: string, file: string, catalog?: Catalog): Promise<ResolvedConfig> {
  const Ajv = await loadAjv();
  const knownRuleIds = catalog ? new Set(catalog.map((r) => r.id)) : undefined;
  const byId = new Map((catalog ?? []).map((r) => [r.id, r]));
  const lm = new LineMap(text);
  const pos = (offset: number): string => {
    const p = lm.position(offset);
    return `${file}:${p.line}:${p.column}`;
  };
  const parsed = parseJsonc(text, file);
  const root = parsed.root;
  if (parsed.errors.length || !root) {
    const msgs = [...new Set(parsed.errors.map((e) => `${pos(e.range.start.offset)}: invalid JSON: ${e.message}`))];
    throw new ConfigError(file, msgs.length ? msgs : [`${pos(0)}: invalid JSON: the file is empty`]);
  }
  const messages: { offset: number; text: string }[] = [];
  const add = (node: JsonNode | undefined, msg: string): void => {
    const offset = node?.offset ?? 0;
    if (!messages.some((m) => m.offset === offset && m.text === msg)) messages.push({ offset, text: msg });
  };
  const keyNode = (obj: JsonNode | undefined, key: string): JsonNode | undefined =>
    obj?.type === 'object' ? obj.children?.find((p) => p.children?.[0]?.value === key)?.children?.[0] : undefined;

  const data: unknown = nodeValue(root);
  for (const e of validate(Ajv, data)) {
    if (e.keyword === 'if' || e.keyword === 'propertyNames') continue;
    const segs = pointerSegments(e.instancePath);
    const node = findNodeAtLocation(root, segs);
    const p = e.params as Record<string, unknown>;
    const propertyName = (e as { propertyName?: string }).propertyName;
    if (e.keyword === 'additionalProperties') {
      // A known rule's unknown option: the check below says it once, naming the options it has.
      if (segs.length === 3 && segs[0] === 'rules' && segs[2] === 'options' && knownRuleIds?.has(String(segs[1]))) continue;
      add(keyNode(node, String(p.additionalProperty)) ?? node, errorMessage(e, describePath(segs)));
    } else if (propertyName !== undefined) {
      // propertyNames: the key itself is bad
      const k = propertyName;
      // `acr001`: the ID in other case (suppressions and --rule ignore case; the config file is exact).
      const upper = k.toUpperCase();
      const hint = upper !== k && knownRuleIds?.has(upper) ? `write it in capitals: '${upper}'` : 'IDs look like AML001';
      add(keyNode(node, k) ?? node, `${describePath([...segs, k])}: '${k}' is not a rule ID (${hint})`);
    } else {
      add(node, errorMessage(e, describePath(segs)));
    }
  }

  const raw = data as RawConfig;
  // Checks the schema cannot express (each guarded: the schema may have failed too).
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const rulesNode = findNodeAtLocation(root, ['rules']);
  const rules: Record<string, unknown> = isObj(raw.rules) ? raw.rules : {};
  for (const [id, entry] of Object.entries(rules)) {
    if (knownRuleIds && /^[A-Z][A-Z0-9]*[0-9]{3}$/.test(id) && !knownRuleIds.has(id)) add(keyNode(rulesNode, id), `rules.${id}: unknown rule ID '${id}'`);
    const options = isObj(entry) && isObj(entry.options) ? entry.options : undefined;
    const specs = byId.get(id)?.options ?? {};
    for (const name of Object.keys(options ?? {})) {
      if (!(name in specs) && knownRuleIds?.has(id)) {
        const names = Object.keys(specs);
        if (names.length) add(keyNode(findNodeAtLocation(root, ['rules', id, 'options']), name), `rules.${id}.options.${name}: ${id} has no option '${name}' (it has ${names.join(', ')})`);
        else add(findNodeAtLocation(root, ['rules', id, 'options']), `rules.${id}.options: ${id} takes no options`);
      }
    }
  }
  // Every rule option: set once (per rule, or at its documented top-level path), and valid.
  for (const r of catalog ?? []) {
    for (const [name, spec] of Object.entries(r.options ?? {})) {
      const entry = rules[r.id];
      const perRule = isObj(entry) && isObj(entry.options) && name in entry.options;
      const top = spec.configPath && getPath(data, spec.configPath) !== undefined;
      if (perRule && top) add(findNodeAtLocation(root, ['rules', r.id, 'options', name]), `rules.${r.id}.options.${name}: also set as ${describePath([...spec.configPath!])}; set it once`);
      const segs = perRule ? ['rules', r.id, 'options', name] : top ? [...spec.configPath!] : undefined;
      if (!segs) continue;
      for (const e of validateOption(Ajv, spec, getPath(data, segs))) {
        const sub = pointerSegments(e.instancePath);
        add(findNodeAtLocation(root, [...segs, ...sub]), errorMessage(e, describePath([...segs, ...sub])));
      }
    }
  }
  (Array.isArray(raw.suppressions) ? (raw.suppressions as unknown[]) : []).forEach((s, i) => {
    if (!isObj(s)) return;
    if (knownRuleIds && typeof s.rule === 'string' && /^[A-Z][A-Z0-9]*[0-9]{3}$/.test(s.rule) && !knownRuleIds.has(s.rule)) {
      add(findNodeAtLocation(root, ['suppressions', i, 'rule']), `suppressions[${i}].rule: unknown rule ID '${s.rule}'`);
    }
    if (typeof s.until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.until) && !isValidDate(s.until)) {
      add(findNodeAtLocation(root, ['suppressions', i, 'until']), `suppressions[${i}].until: '${s.until}' is not a real date`);
    }
  });
  // Every glob compiles (a bad character class, `[z-a]`, is a configuration error, not a crash at match time).
  const globAt = (segs: (string | number)[], glob: unknown): void => {
    if (typeof glob !== 'string') return;
    const why = globProblem(glob);
    if (why) add(findNodeAtLocation(root, segs), `${describePath(segs)}: '${glob}' is not a usable glob (${why})`);
  };
  if (Array.isArray(raw.ignorePaths)) (raw.ignorePaths as unknown[]).forEach((g, i) => globAt(['ignorePaths', i], g));
  (Array.isArray(raw.suppressions) ? (raw.suppressions as unknown[]) : []).forEach((s, i) => {
    if (isObj(s) && Array.isArray(s.paths)) (s.paths as unknown[]).forEach((g, k) => globAt(['suppressions', i, 'paths', k], g));
  });
  const policies = isObj(raw.policies) ? raw.policies : undefined;
  if (policies && Array.isArray(policies.definitions)) (policies.definitions as unknown[]).forEach((g, i) => globAt(['policies', 'definitions', i], g));
  // `environments` is keyed by glob.
  if (isObj(raw.environments)) for (const glob of Object.keys(raw.environments)) globAt(['environments', glob], glob);
  if (messages.length) {
    messages.sort((a, b) => a.offset - b.offset);
    throw new ConfigError(file, messages.map((m) => `${pos(m.offset)}: ${m.text}`));
  }
  const config = resolveConfig(raw, path.dirname(file), catalog);
  // A parameters entry's key, a parameter's name, or its value (inside a `{ "value": x }` wrapper).
  const keyOf = (n: JsonNode | undefined): JsonNode | undefined => n?.parent?.children?.[0] ?? n;
  config.policies.placeOf = (key, parameter, inValue) => {
    const entry = findNodeAtLocation(root, ['policies', 'parameters', key]);
    const value = parameter === undefined ? undefined : findNodeAtLocation(root, ['policies', 'parameters', key, parameter]);
    if (value === undefined) return pos(keyOf(entry)?.offset ?? 0);
    if (!inValue) return pos(keyOf(value)!.offset);
    return pos((isValueWrapper(nodeValue(value)) ? findNodeAtLocation(value, ['value']) : undefined)?.offset ?? value.offset);
  };
  return config;
}

/** A JSON tree's value (jsonc-parser `getNodeValue`, without prototype surprises for `__proto__` keys). */
function nodeValue(n: JsonNode): unknown {
  switch (n.type) {
    case 'object': {
      const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) o[String(k.value)] = nodeValue(v);
      }
      return { ...o };
    }
    case 'array':
      return (n.children ?? []).map(nodeValue);
    default:
      return n.value;
  }
}

/** Applies defaults and builds the matchers. */
export function resolveConfig(raw: RawConfig, baseDir: string, catalog?: Catalog): ResolvedConfig {
  const levels = new Map<string, LevelOrOff>();
  // Rule options, mapped generically from each rule's `meta.options` (only the configured ones).
  const ruleOptions = new Map<string, Record<string, unknown>>();
  for (const r of catalog ?? []) {
    for (const [name, spec] of Object.entries(r.options ?? {})) {
      const entry = raw.rules?.[r.id];
      const perRule = typeof entry === 'object' ? entry.options?.[name] : undefined;
      const value = perRule ?? (spec.configPath ? getPath(raw, spec.configPath) : undefined);
      if (value === undefined) continue;
      ruleOptions.set(r.id, { ...(ruleOptions.get(r.id) ?? {}), [name]: value });
    }
  }
  for (const [id, entry] of Object.entries(raw.rules ?? {})) {
    const level = typeof entry === 'string' ? entry : entry.level;
    if (level) levels.set(id, level);
  }
  const environments = Object.entries(raw.environments ?? {}).map(([glob, env]) => ({ glob, env }));
  const ignorePaths = [...(raw.ignorePaths ?? [])];
  const suppressions = (raw.suppressions ?? []).map((s) => ({ ...s, paths: [...s.paths] }));
  const rel = (p: string): string | undefined => {
    if (!path.isAbsolute(p)) return normalizeRel(p);
    const r = path.relative(baseDir, p);
    if (r.startsWith('..') || path.isAbsolute(r)) return undefined;
    return normalizeRel(r.split(path.sep).join('/'));
  };
  const config: ResolvedConfig = {
    baseDir,
    levels,
    ruleOptions,
    environments,
    ignorePaths,
    suppressions,
    allowInlineSuppressions: raw.allowInlineSuppressions ?? true,
    policies: {
      definitions: [...(raw.policies?.definitions ?? [])],
      parameters: assignmentParameters(raw.policies?.parameters ?? {}),
      fromScannedCode: raw.policies?.fromScannedCode ?? false,
      ...(raw.policies?.aliases ? { aliases: path.resolve(baseDir, raw.policies.aliases) } : {}),
    },
    envForPath(p) {
      const r = rel(p);
      if (r === undefined) return undefined;
      return environments.find((e) => matchGlob(e.glob, r))?.env;
    },
    isIgnored(p) {
      if (ignorePaths.length === 0) return false;
      const r = rel(p);
      return r !== undefined && r !== '' && ignorePaths.some((g) => matchGlob(g, r));
    },
    disabledRules() {
      return [...levels].filter(([, l]) => l === 'off').map(([id]) => id);
    },
    applySuppressions(findings, day = today()) {
      const active = suppressions.filter((s) => s.until === undefined || s.until >= day);
      const used = new Set<ConfigSuppression>();
      const out = findings.map((f) => {
        if (f.suppression) return f;
        const r = rel(f.location.file);
        if (r === undefined) return f;
        const s = active.find((x) => x.rule === f.ruleId && x.paths.some((g) => matchGlob(g, r)));
        if (!s) return f;
        used.add(s);
        return { ...f, suppression: { kind: 'external' as const, justification: s.reason } };
      });
      return { findings: out, unused: active.filter((s) => !used.has(s)) };
    },
    applyLevels(findings) {
      return findings.flatMap((f) => {
        const l = levels.get(f.ruleId);
        if (l === undefined) return [f];
        if (l === 'off') return [];
        return [l === f.level ? f : { ...f, level: l }];
      });
    },
  };
  return config;
}

/**
 * `policies.parameters` with each value as given: `{ "value": x }` (an object with that one key,
 * as assignment files, `az policy assignment create --params` and Enterprise Policy as Code
 * write parameters) is `x`. An Object parameter whose value is itself `{ "value": … }` is written
 * wrapped once more.
 */
function assignmentParameters(raw: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, params] of Object.entries(raw)) {
    const values: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(params)) values[name] = isValueWrapper(v) ? v.value : v;
    out[key] = values;
  }
  return out;
}

function isValueWrapper(v: unknown): v is { value: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && 'value' in v;
}

/**
 * Where `file` really is when it lies inside `root` but a link takes it outside; undefined
 * otherwise. A link to a config file in a folder above it (a shared config, which the upward
 * search would read anyway) is no way out.
 */
function linkOutOf(root: string, file: string): string | undefined {
  if (!isWithin(path.resolve(root), file)) return undefined;
  try {
    const real = fs.realpathSync(file);
    if (isWithin(fs.realpathSync(root), real)) return undefined;
    const sharedAbove = (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(real)) && isWithin(path.dirname(real), fs.realpathSync(path.dirname(file)));
    return sharedAbove ? undefined : real;
  } catch {
    return undefined;
  }
}
