/**
 * The programmatic API: `lint(options)` runs the whole pipeline (DESIGN.md: discover →
 * parse → evaluate → normalize → graph → rules → suppress → report). The CLI, the
 * GitHub Action and the pre-commit entry all call this; none re-implements a step.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EnvClass, Resource } from './model/resource.js';
import type { Location } from './core/source.js';
import type { Finding, Graph, Rule, ScannedFile, Undecided } from './engine/types.js';
import type { LintResult, Notification } from './engine/result.js';
import { listFiles, kindByName, jsonKind } from './discover/index.js';
import { classifyCiFile } from './discover/ci.js';
import { parseHcl } from './parse/hcl/parser.js';
import type { HclFile } from './parse/hcl/ast.js';
import { evaluateTerraform } from './eval/terraform/project.js';
import { tfvarsJsonValues, tfvarsValues } from './eval/terraform/tfvars.js';
import { fromTerraform } from './model/from-terraform.js';
import { buildGraph, tokenKeys } from './engine/graph.js';
import { fingerprint, runRules } from './engine/run-rules.js';
import { ALL_RULES } from '../rules/index.js';
import { parseCiDocument, type CiDocument } from './parse/yaml/ci.js';
import { compareLocations } from './core/source.js';
import { getProp, parseJsonc, type ParsedJson } from './parse/json/index.js';
import { bicepSourceCandidates, evaluateArm } from './eval/arm/project.js';
import { armRefKeys, fromArm } from './model/from-arm.js';
import { parseBicep, parseBicepParam, type BicepFile, type BicepParamFile } from './parse/bicep/index.js';
import { evaluateBicep } from './eval/bicep/project.js';
import type { Range } from './core/source.js';
import { ConfigError, loadConfig, resolveConfig, type ResolvedConfig } from './config/index.js';
import {
  applySuppressions, collectBicepPragmas, collectSuppressions, hclBlockRanges, jsonObjectRanges, metadataSuppressions,
  suppressionFindings, todayUtc, unusedProblems, yamlBlockRanges,
  type SuppressionComment, type SuppressionDirective, type SuppressionProblem,
} from './engine/suppressions.js';
import { applyBaseline, BaselineError } from './engine/baseline.js';

export const VERSION = '0.1.0';

export interface LintOptions {
  /** Files or folders to lint (default: the current folder). */
  paths?: string[];
  /** Base folder for relative paths in reports (default: cwd when every path is inside it). */
  root?: string;
  /** `--env`: force the environment class of every evaluation. */
  env?: EnvClass;
  /** `--var-file` (repeatable). */
  varFiles?: string[];
  /** Run only these rule IDs. */
  rules?: string[];
  /** Do not run these rule IDs. */
  disable?: string[];
  /**
   * Report only findings located in these files (the pre-commit case): each file's whole
   * module folder is still linted, so variables in sibling files resolve.
   */
  onlyFiles?: string[];
  /** Rule options by rule ID (`{ TAG001: { required: ['owner'] } }`); over the config file's. */
  ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** An explicit config file (`--config`); otherwise `.mlops-iac-lint.jsonc`/`.json` is looked up from the first path upwards. */
  configFile?: string;
  /** Do not look for a config file at all. */
  noConfig?: boolean;
  /** A baseline file (`--baseline`): findings recorded in it are reported as suppressed (kind external). */
  baselineFile?: string;
  /** `YYYY-MM-DD` used for suppression expiry (default: today, UTC). */
  today?: string;
  /** Lint only these families of files (default: all): used by the benchmark and for focused runs. */
  families?: ('terraform' | 'arm' | 'ci')[];
  /** The rule set to choose from (default: every rule of the catalog). */
  ruleSet?: Rule[];
}

/** A user mistake (missing path, bad option value): the CLI prints it and exits 2. */
export class UsageError extends Error {}

function commonRoot(paths: string[]): string {
  const cwd = process.cwd();
  if (paths.every((p) => !path.relative(cwd, p).startsWith('..'))) return cwd;
  let root = paths[0]!;
  if (fs.existsSync(root) && fs.statSync(root).isFile()) root = path.dirname(root);
  for (const p of paths.slice(1)) while (path.relative(root, p).startsWith('..')) root = path.dirname(root);
  return root;
}

function isBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const inputPaths = (options.paths?.length ? options.paths : ['.']).map((p) => path.resolve(p));
  for (const p of inputPaths) if (!fs.existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
  const onlyFiles = options.onlyFiles?.map((f) => path.resolve(f));
  // Pre-commit: lint each given file's whole folder (its Terraform module), report only the given files.
  const scanPaths = onlyFiles ? [...new Set(onlyFiles.map((f) => path.dirname(f)))] : inputPaths;
  const root = path.resolve(options.root ?? commonRoot(onlyFiles ?? inputPaths));
  const varFiles = (options.varFiles ?? []).map((f) => path.resolve(f));
  for (const f of varFiles) if (!fs.existsSync(f)) throw new UsageError(`--var-file not found: ${f}`);
  const catalog = options.ruleSet ?? ALL_RULES;
  const knownIds = new Set(catalog.map((r) => r.meta.id));
  const startDir = fs.statSync(inputPaths[0]!).isDirectory() ? inputPaths[0]! : path.dirname(inputPaths[0]!);
  let config: ResolvedConfig;
  try {
    config = options.noConfig ? resolveConfig({}, startDir) : loadConfig(options.configFile, startDir, catalog.map((r) => r.meta)).config;
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.messages.join('\n'));
    throw e;
  }
  const ruleOptions = resolveRuleOptions(catalog, config.ruleOptions, options.ruleOptions);
  const rules = selectRules(catalog, options.rules, [...(options.disable ?? []), ...config.disabledRules().filter((id) => !options.rules?.includes(id))]);
  const envForPath = (rel: string): EnvClass | undefined => config.envForPath(path.join(root, rel));
  const today = options.today ?? todayUtc();

  // MLOPS_IAC_LINT_TIMING=1 prints the time of each phase to stderr (used by the benchmark).
  const timing = process.env.MLOPS_IAC_LINT_TIMING ? new PhaseTimer() : undefined;
  const listed = (await listFiles(scanPaths)).filter((f) => !config.isIgnored(f));
  timing?.mark('discover');
  const texts = new Map<string, string>();
  const notifications: Notification[] = [];
  const scanned: ScannedFile[] = [];
  const parseError = (file: string, message: string, range?: Location['range']): void => {
    notifications.push({
      level: 'error',
      ruleId: 'PARSE001',
      message,
      location: { file, range: range ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } },
    });
  };
  // Never read through a symbolic link that leaves the scan root (DESIGN.md "Offline and
  // safe"): such a file is treated as absent, so a module behind it is unknown.
  const realRoot = realpathOrSelf(root);
  const insideRealRoot = (file: string): boolean => {
    const rel = path.relative(realRoot, realpathOrSelf(file));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  const readText = (file: string): string | undefined => {
    if (texts.has(file)) return texts.get(file);
    if (!insideRealRoot(file)) return undefined;
    let buf: Buffer;
    try {
      buf = fs.readFileSync(file);
    } catch (e) {
      parseError(file, `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return undefined;
    }
    if (isBinary(buf)) {
      parseError(file, 'the file is binary, not text');
      return undefined;
    }
    const text = buf.toString('utf8');
    texts.set(file, text);
    return text;
  };

  const ciDocuments: CiDocument[] = [];
  const family = (k: ReturnType<typeof kindByName>): 'terraform' | 'arm' | 'ci' | undefined =>
    k === 'candidate-json' || k === 'bicep' || k === 'bicepparam' ? 'arm' : k === 'candidate-yaml' || k === 'candidate-script' ? 'ci' : 'terraform';
  for (const file of listed) {
    const byName = kindByName(file);
    if (!byName) continue;
    const fam = family(byName);
    if (options.families && (!fam || !options.families.includes(fam))) continue;
    if (byName === 'candidate-json') {
      const text = readText(file);
      const kind = text === undefined ? undefined : jsonKind(text);
      if (kind) scanned.push({ path: file, kind });
      continue;
    }
    if (byName === 'candidate-yaml' || byName === 'candidate-script') {
      const text = readText(file);
      if (text === undefined) continue;
      const kind = classifyCiFile(path.relative(root, file).split(path.sep).join('/'), text);
      if (!kind) continue;
      scanned.push({ path: file, kind });
      const doc = parseCiDocument(file, text, kind);
      // The first YAML error; the ones after it are usually its cascade.
      const first = doc.errors[0];
      if (first) parseError(file, first.message, first.range);
      if (doc.errors.length === 0) ciDocuments.push(doc);
      continue;
    }
    scanned.push({ path: file, kind: byName });
  }

  timing?.mark('classify+ci-parse');
  // ---- Terraform ---------------------------------------------------------------------
  const hclCache = new Map<string, HclFile | undefined>();
  const parseHclFile = cachedParser(hclCache, readText, parseHcl, (f) => f.errors, parseError);
  const tfFiles = scanned.filter((f) => f.kind === 'terraform').map((f) => f.path);
  const tfVarFiles = scanned.filter((f) => f.kind === 'tfvars' || f.kind === 'tfvars-json').map((f) => f.path);
  for (const s of scanned) {
    if (s.kind === 'terraform') parseHclFile(s.path);
    // Var files' values, for SEC001 (read once here, through the same gate as everything else).
    else if (s.kind === 'tfvars') {
      const hcl = parseHclFile(s.path);
      if (hcl) s.varValues = tfvarsValues(hcl);
    } else if (s.kind === 'tfvars-json') {
      const text = readText(s.path);
      if (text !== undefined) s.varValues = tfvarsJsonValues(s.path, text);
    }
  }
  timing?.mark('hcl-parse');
  const tf = evaluateTerraform({
    root,
    tfFiles,
    varFiles: tfVarFiles,
    cliVarFiles: varFiles,
    parseHcl: parseHclFile,
    readText,
    envOverride: options.env,
    envForPath,
    insideRoot: (dir) => !path.relative(root, dir).startsWith('..') && insideRealRoot(dir),
    listTfFiles: (dir) => {
      if (!insideRealRoot(dir)) return undefined;
      try {
        const files = fs.readdirSync(dir).filter((n) => n.endsWith('.tf')).map((n) => path.join(dir, n));
        return files.length ? files.sort() : undefined;
      } catch {
        return undefined;
      }
    },
  });
  timing?.mark('terraform-eval');
  const graphs: Graph[] = [];
  for (const e of tf.evaluations) {
    const resources: Resource[] = e.resources.flatMap((r) => fromTerraform(r, e.evaluation));
    graphs.push(buildGraph(resources, e.evaluation, tokenKeys));
  }

  timing?.mark('terraform-normalize');
  // ---- Bicep parsing (native Bicep is evaluated after ARM) ---------------------------
  const bicepCache = new Map<string, BicepFile | undefined>();
  const parseBicepFile = cachedParser(bicepCache, readText, parseBicep, (f) => f.errors, parseError);
  const parseParamFile = cachedParser(new Map<string, BicepParamFile | undefined>(), readText, parseBicepParam, (f) => f.errors, parseError);
  // ---- ARM templates and compiled Bicep ------------------------------------------------
  const jsonCache = new Map<string, ParsedJson | undefined>();
  // Only a JSON file's first error: the ones after it are its cascade.
  const parseJsonFile = cachedParser(jsonCache, readText, parseJsonc, (f) => f.errors.slice(0, 1), parseError);
  // A template compiled from a `.bicep` that sits beside it is an artifact of that source:
  // the `.bicep` is linted natively and the twin is not reported again (issue #7). When the
  // `.bicep` does not parse, the compiled twin is linted instead, so nothing is lost.
  const bicepPaths = new Set(scanned.filter((f) => f.kind === 'bicep').map((f) => f.path));
  const brokenBicepWithTwin = new Set<string>();
  const isCompiledTwin = (template: string): boolean => {
    const twin = bicepTwinOf(template, bicepPaths);
    if (!twin || !isBicepGenerated(parseJsonFile(template))) return false;
    const parsed = parseBicepFile(twin);
    if (parsed !== undefined && parsed.errors.length === 0) return true;
    brokenBicepWithTwin.add(twin); // its compiled twin is linted in its place
    return false;
  };
  const arm = evaluateArm({
    root,
    templates: scanned.filter((f) => f.kind === 'arm' && !isCompiledTwin(f.path)).map((f) => f.path),
    parameterFiles: scanned.filter((f) => f.kind === 'arm-params').map((f) => f.path),
    parse: parseJsonFile,
    envOverride: options.env,
    envForPath,
  });
  for (const f of scanned) if (f.kind === 'arm-params') parseJsonFile(f.path);
  for (const e of arm.evaluations) {
    const resources = e.result.resources.filter((r) => !r.existing).flatMap((r) => fromArm(r, e.evaluation, { bicepDeclaration: e.bicepDeclaration }));
    graphs.push(buildGraph(resources, e.evaluation, armRefKeys));
  }
  for (const p of arm.problems) notifications.push({ level: 'warning', ruleId: 'EVAL001', message: p.message, location: p.location });

  // ---- native Bicep ------------------------------------------------------------------
  const bicep = evaluateBicep({
    root,
    bicepFiles: scanned.filter((f) => f.kind === 'bicep' && !brokenBicepWithTwin.has(f.path)).map((f) => f.path),
    paramFiles: scanned.filter((f) => f.kind === 'bicepparam').map((f) => f.path),
    readText,
    parse: parseBicepFile,
    parseParams: parseParamFile,
    envOverride: options.env,
  });
  for (const e of bicep.evaluations) {
    const resources = e.result.resources.filter((r) => !r.existing).flatMap((r) => fromArm(r, e.evaluation, {}, 'bicep'));
    graphs.push(buildGraph(resources, e.evaluation, armRefKeys));
  }
  for (const p of bicep.problems) notifications.push({ level: p.code === 'PARSE001' ? 'error' : 'warning', ruleId: p.code, message: p.message, location: p.location });
  for (const p of tf.problems) notifications.push({ level: 'warning', ruleId: 'EVAL001', message: p.message, location: p.location });

  timing?.mark('arm');
  // ---- rules -------------------------------------------------------------------------
  const undecided: Undecided[] = [];
  let findings = runRules({
    root,
    rules,
    options: ruleOptions,
    graphs,
    terraformModules: tf.modules,
    files: scanned,
    ciDocuments,
  }, undecided);
  findings.push(...notificationFindings(notifications, rules, root));

  // ---- suppressions, config levels, baseline -----------------------------------------
  const directives: SuppressionDirective[] = [];
  const problems: SuppressionProblem[] = [];
  const collect = (file: string, comments: readonly SuppressionComment[], blocks: readonly Range[]): void => {
    const text = texts.get(file);
    if (text === undefined || comments.length === 0) return;
    const r = collectSuppressions(file, text, comments, blocks, knownIds, today);
    directives.push(...r.directives);
    problems.push(...r.problems);
  };
  for (const [file, hcl] of hclCache) if (hcl) collect(file, hcl.comments, hclBlockRanges(hcl.body));
  for (const [file, json] of jsonCache) if (json?.root) collect(file, json.comments, jsonObjectRanges(json.root, json.lineMap));
  for (const doc of ciDocuments) collect(doc.file, doc.comments, yamlBlockRanges(doc.text));
  for (const [file, b] of bicepCache) {
    if (!b) continue;
    collect(file, [...b.comments, ...collectBicepPragmas(b.text)], bicepBlockRanges(b));
  }
  const seenMetadata = new Set<string>();
  for (const e of arm.evaluations) {
    for (const r of e.result.resources) {
      const key = `${r.file}:${r.objectLocation.range.start.offset}`;
      if (seenMetadata.has(key)) continue;
      seenMetadata.add(key);
      const m = metadataSuppressions(r.body, r.objectLocation.range, r.file, knownIds, today);
      directives.push(...m.directives);
      problems.push(...m.problems);
    }
  }
  const activeRuleIds = new Set(rules.map((r) => r.meta.id));
  const inline = applySuppressions(findings, directives, { allowInline: config.allowInlineSuppressions, activeRuleIds });
  findings = config.applyLevels(config.applySuppressions(inline.findings, today).findings);
  if (config.allowInlineSuppressions) {
    findings.push(...suppressionFindings([...problems, ...unusedProblems(inline.unused)], root).filter((f) => activeRuleIds.has(f.ruleId)));
  }
  for (const f of findings) f.evidence = evidenceOf(f, texts.get(f.location.file));
  if (options.baselineFile) {
    let text: string;
    try {
      text = fs.readFileSync(options.baselineFile, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read the baseline ${options.baselineFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    try {
      findings = applyBaseline(findings, text, options.baselineFile);
    } catch (e) {
      if (e instanceof BaselineError) throw new UsageError(e.message);
      throw e;
    }
  }
  timing?.mark('rules');
  timing?.print();

  let reported = findings;
  if (onlyFiles) {
    const only = new Set(onlyFiles);
    reported = findings.filter((f) => only.has(f.location.file));
  }
  reported.sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : 1));
  const sources = new Map<string, string>();
  for (const f of reported) {
    const t = texts.get(f.location.file);
    if (t !== undefined) sources.set(f.location.file, t);
  }
  const fileList = (onlyFiles ?? scanned.map((s) => s.path)).map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
  return {
    root,
    findings: reported,
    rules: rules.map((r) => r.meta),
    files: [...new Set(fileList)],
    notifications: notifications.filter((n) => !onlyFiles || onlyFiles.includes(n.location.file)).sort((a, b) => compareLocations(a.location, b.location)),
    sources,
    toolVersion: VERSION,
    undecided: undecided.filter((u) => !onlyFiles || onlyFiles.includes(u.location.file)).sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : 1)),
  };
}

/** Each rule's options: `meta.options` defaults, then the config file, then the API caller. */
function resolveRuleOptions(
  catalog: readonly Rule[],
  fromConfig: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  fromApi: LintOptions['ruleOptions'],
): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of catalog) {
    const specs = r.meta.options ?? {};
    const defaults = Object.fromEntries(Object.entries(specs).map(([k, spec]) => [k, spec.default]));
    for (const k of Object.keys(fromApi?.[r.meta.id] ?? {})) if (!(k in specs)) throw new UsageError(`${r.meta.id} has no option '${k}'`);
    out.set(r.meta.id, { ...defaults, ...fromConfig.get(r.meta.id), ...fromApi?.[r.meta.id] });
  }
  return out;
}

function selectRules(all: Rule[], only?: string[], disable?: string[]): Rule[] {
  const known = new Set(all.map((r) => r.meta.id));
  for (const id of [...(only ?? []), ...(disable ?? [])]) if (!known.has(id)) throw new UsageError(`unknown rule ID: ${id}`);
  return all.filter((r) => (!only?.length || only.includes(r.meta.id) || r.meta.id === 'PARSE001') && !disable?.includes(r.meta.id));
}

function notificationFindings(notes: Notification[], rules: Rule[], root: string): Finding[] {
  const active = new Set(rules.map((r) => r.meta.id));
  return notes
    .filter((n) => active.has(n.ruleId))
    .map((n) => {
      const rel = path.relative(root, n.location.file).split(path.sep).join('/');
      return {
        ruleId: n.ruleId,
        level: n.level,
        message: n.message,
        location: n.location,
        related: [],
        fingerprint: fingerprint(n.ruleId, rel, `${n.location.range.start.line}`, '', 'unknown'),
        env: 'unknown' as EnvClass,
        variants: ['default'],
      };
    });
}

class PhaseTimer {
  private last = performance.now();
  private readonly phases: [string, number][] = [];
  mark(name: string): void {
    const now = performance.now();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }
  print(): void {
    process.stderr.write(this.phases.map(([n, ms]) => `${n}: ${ms.toFixed(0)} ms`).join('\n') + '\n');
  }
}

/** Ranges of Bicep declarations (and nested resources) that a directive above them covers whole. */
function bicepBlockRanges(file: BicepFile): Range[] {
  const out: Range[] = [];
  for (const st of file.statements) out.push(st.range);
  return out;
}

/** Hash of the source text at a finding's primary location (see Finding.evidence). */
function evidenceOf(f: Finding, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const snippet = text.slice(f.location.range.start.offset, Math.max(f.location.range.end.offset, f.location.range.start.offset + 1));
  return createHash('sha256').update(snippet.replace(/\s+/g, ' ')).digest('hex').slice(0, 16);
}

/** The `.bicep` source of a compiled template among the scanned `.bicep` files. */
function bicepTwinOf(template: string, bicepFiles: Set<string>): string | undefined {
  return bicepSourceCandidates(template).find((c) => bicepFiles.has(c));
}

/** `metadata._generator.name == "bicep"`. */
function isBicepGenerated(parsed: ParsedJson | undefined): boolean {
  return getProp(getProp(getProp(parsed?.root, 'metadata'), '_generator'), 'name')?.value === 'bicep';
}

/**
 * A memoized parse of a file: reads it (undefined when unreadable or outside the root),
 * parses it, and reports its syntax errors as PARSE001 once.
 */
function cachedParser<T>(
  cache: Map<string, T | undefined>,
  readText: (file: string) => string | undefined,
  parse: (text: string, file: string) => T,
  errorsOf: (parsed: T) => readonly { message: string; range: Range }[],
  report: (file: string, message: string, range: Range) => void,
): (file: string) => T | undefined {
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    const text = readText(file);
    const parsed = text === undefined ? undefined : parse(text, file);
    if (parsed !== undefined) for (const e of errorsOf(parsed)) report(file, e.message, e.range);
    cache.set(file, parsed);
    return parsed;
  };
}

function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
