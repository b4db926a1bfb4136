/**
 * The programmatic API: `lint(options)` runs the whole pipeline (DESIGN.md: discover →
 * parse → evaluate → normalize → graph → rules → suppress → report). The CLI, the
 * GitHub Action and the pre-commit entry all call this; none re-implements a step.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EnvClass } from './core/env.js';
import type { FileKind } from './core/file-kind.js';
import { createHost, type Host, type ReadProblem } from './core/host.js';
import { monotonicMs } from './core/clock.js';
import { compareLocations, fileStart } from './core/source.js';
import type { Finding, Rule, ScannedFile } from './engine/types.js';
import type { LintResult, Notification } from './engine/result.js';
import { buildFinding, relativeToRoot } from './engine/findings.js';
import { applySuppressions, suppressionFindings, todayUtc, unusedProblems } from './engine/suppressions.js';
import { applyBaseline, BaselineError } from './engine/baseline.js';
import { listFiles } from './discover/index.js';
import { ConfigError, loadConfig, resolveConfig, type ResolvedConfig } from './config/index.js';
import { FRONT_ENDS } from './frontends/index.js';
import type { ClassifiedFile, FrontEnd, FrontEndContext, Problem } from './frontends/types.js';
import { readProblem } from './frontends/shared.js';
import { contained, locationKey, runUnit, sparseText } from './pipeline/unit.js';
import { planUnits, releaseTexts } from './pipeline/plan.js';
import { UnitMerger } from './pipeline/merge.js';
import { recordingHost } from './pipeline/recording-host.js';
import { cacheFilePath, hashOf, UnitCache } from './pipeline/cache.js';
import { shardOf, type Shard } from './pipeline/shard.js';
import { betweenUnits } from './pipeline/memory.js';
import { ALL_RULES } from '../rules/index.js';

export const VERSION = '0.1.0';

/** What the front ends read, for messages about files that are not read. */
const FORMATS_READ = 'Terraform .tf/.tfvars, ARM templates and parameter files (.json), Bicep .bicep/.bicepparam, GitHub workflows and Azure Pipelines (.yml), shell and PowerShell scripts';

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
  /**
   * A file named explicitly (not found in a folder) that no front end reads is a usage error
   * (exit 2), so a typo never ends green. The pre-commit hook turns this off: it passes every
   * staged file that might be infrastructure code.
   */
  errorOnUnmatchedFile?: boolean;
  /** The input formats to read (default: every registered front end, `src/frontends/index.ts`); tests inject their own. */
  frontEnds?: readonly FrontEnd[];
  /** The rule set to choose from (default: every rule of the catalog). */
  ruleSet?: Rule[];
  /** Respect `.gitignore` files when walking folders (default true; `--no-gitignore`). */
  gitignore?: boolean;
  /** `--ignore-pattern` (repeatable): gitignore syntax, relative to the root; `.mlops-iac-lint-ignore` at the root is read too. */
  ignorePatterns?: string[];
  /**
   * `--cache`: keep each unit's result between runs and reuse it while nothing it read
   * changed (`src/pipeline/cache.ts`); the output is the same bytes as without it.
   */
  cache?: boolean;
  /** `--cache-location`: the cache file, or a folder for it (default: `.mlops-iac-lint-cache` in the current folder). */
  cacheLocation?: string;
  /** `--shard K/N`: lint only the units of work of shard K of N (`src/pipeline/shard.ts`). */
  shard?: Shard;
  /** Told where the run is (the CLI's progress line on a terminal): a phase, and how many of how many files when counted. */
  onProgress?: (phase: string, done: number, total: number) => void;
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

export async function lint(options: LintOptions = {}): Promise<LintResult> {
  // ---- options and config --------------------------------------------------------------
  const given = (options.paths?.length ? options.paths : ['.']).map((p) => path.resolve(p));
  for (const p of given) if (!fs.existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
  // A path named on the command line that is a symbolic link is followed (the user chose it);
  // links met while walking are not (DESIGN.md "Offline and safe").
  const inputPaths = given.map((p) => (fs.lstatSync(p).isSymbolicLink() ? fs.realpathSync(p) : p));
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
    config = options.noConfig ? resolveConfig({}, startDir) : (await loadConfig(options.configFile, startDir, catalog.map((r) => r.meta))).config;
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.messages.join('\n'));
    throw e;
  }
  const ruleOptions = resolveRuleOptions(catalog, config.ruleOptions, options.ruleOptions);
  const rules = selectRules(catalog, options.rules, [...(options.disable ?? []), ...config.disabledRules().filter((id) => !options.rules?.includes(id))]);
  const today = options.today ?? todayUtc();
  const frontEnds = (options.frontEnds ?? FRONT_ENDS).filter((fe) => !options.families || options.families.includes(fe.family));

  // MLOPS_IAC_LINT_TIMING=1 prints the time of each phase to stderr (used by the benchmark).
  const timing = process.env.MLOPS_IAC_LINT_TIMING ? new PhaseTimer() : undefined;
  // The only reader of the disk for everything below: confined to the scan root.
  const host = createHost(root);

  // ---- discover and classify -------------------------------------------------------------
  const problems: Problem[] = [];
  const listed = (
    await listFiles(scanPaths, {
      root,
      gitignore: options.gitignore,
      ignorePatterns: options.ignorePatterns,
      reader: host,
      accept: (f) => frontEnds.some((fe) => fe.byName(f) !== undefined),
      // A folder that cannot be listed is said, never skipped without a word.
      onUnreadable: (dir) => problems.push({ ruleId: 'PARSE001', message: 'cannot list the folder (permission denied?); the files in it are not linted', location: fileStart(dir) }),
    })
  ).filter((f) => !config.isIgnored(f));
  timing?.mark('discover');
  // Front ends imported on demand (frontends/lazy.ts): only those a listed file may belong to.
  await Promise.all(frontEnds.filter((fe) => fe.load && listed.some((f) => fe.byName(f) !== undefined)).map((fe) => fe.load!()));
  const byFrontEnd = new Map<FrontEnd, ClassifiedFile[]>(frontEnds.map((fe) => [fe, []]));
  for (const [i, file] of listed.entries()) {
    options.onProgress?.('reading files', i + 1, listed.length);
    const claim = classify(file, frontEnds, host, root, problems);
    if (claim) byFrontEnd.get(claim.frontEnd)!.push({ path: file, kind: claim.kind });
  }
  const allFiles = [...byFrontEnd.values()].flat();
  timing?.mark('classify');
  const classified = new Set(allFiles.map((f) => f.path));
  if (options.errorOnUnmatchedFile !== false) {
    for (const p of onlyFiles ?? inputPaths) {
      if (classified.has(p) || config.isIgnored(p) || !fs.statSync(p).isFile() || host.problemOf(p)) continue;
      throw new UsageError(`${path.relative(process.cwd(), p) || p}: not a file mlops-iac-lint reads (${FORMATS_READ})`);
    }
  }
  const notices: string[] = [];
  if (allFiles.length === 0 && problems.length === 0 && !onlyFiles) {
    const where = scanPaths.map((p) => path.relative(process.cwd(), p) || '.').join(', ');
    notices.push(`nothing to lint in ${where}: no file of a format it reads (${FORMATS_READ})`);
  }

  // ---- front ends: which files each takes over, then units of work ------------------------
  const superseded = new Set<string>();
  // One recorder for the run: it notes what each unit reads, for the cache (`--cache`).
  const recorder = recordingHost(host);
  const ctx: FrontEndContext = {
    host: recorder.host,
    root,
    envOverride: options.env,
    envForPath: (p) => config.envForPath(p),
    cliVarFiles: varFiles,
    allFiles,
    isSuperseded: (f) => superseded.has(f),
  };
  for (const fe of frontEnds) {
    const files = byFrontEnd.get(fe)!;
    const taken = contained(fe, files, problems, () => fe.supersedes?.(files, ctx));
    for (const f of taken ?? []) superseded.add(f);
  }
  const units = planUnits(frontEnds, byFrontEnd, ctx, root, problems);
  releaseTexts(host);
  timing?.mark('plan units');

  // ---- phase 1: each unit from parse to findings, then its texts and trees are released ----
  const cache = options.cache ? UnitCache.open(cacheFilePath(options.cacheLocation, process.cwd()), VERSION, (m) => notices.push(m)) : undefined;
  const runKey = cache ? hashOf(runSettings({ rules, ruleOptions, options, varFiles, today, config })) : '';
  const merged = new UnitMerger();
  const mine = options.shard ? units.filter((u) => shardOf(u.key, options.shard!.count) === options.shard!.index) : units;
  for (const [i, u] of mine.entries()) {
    options.onProgress?.('linting', i + 1, mine.length);
    const cacheKey = cache ? hashOf([runKey, u.key, u.files.map((f) => [f.path, f.kind, superseded.has(f.path)])]) : '';
    let result = cache?.get(cacheKey, host);
    if (!result) {
      recorder.begin();
      const r = runUnit({ frontEnd: u.frontEnd, files: u.files, ctx, root, rules, ruleOptions, knownIds, today }, (f) => host.texts().get(f), () => recorder.end());
      const { deps, ...rest } = r;
      result = rest;
      cache?.set(cacheKey, deps, result);
    }
    merged.add(result);
    // The unit is done: its texts go (code frames keep their lines in the result), and so
    // do the var files' values its file hooks read.
    releaseTexts(host);
    for (const f of u.files) delete f.varValues;
    betweenUnits();
  }
  if (cache) {
    // A cache that cannot be written costs the next run its speed, not this run its report.
    try {
      cache.save();
    } catch (e) {
      notices.push(`cannot write the cache ${cache.file} (${(e as NodeJS.ErrnoException).code ?? String(e)}); the next run lints everything again`);
    }
  }
  timing?.mark('units');
  problems.push(...merged.problems);
  const scanned: ScannedFile[] = allFiles;

  // ---- phase 2: the merged findings, notifications, suppressions, config levels, baseline --
  options.onProgress?.('checking rules', 0, 0);
  const undecided = merged.undecided;
  let findings = merged.findings();
  const activeRuleIds = new Set(rules.map((r) => r.meta.id));
  const notifications = problemNotifications(problems);
  findings.push(...notifications.filter((n) => activeRuleIds.has(n.ruleId)).map((n) => buildFinding({ root, ruleId: n.ruleId, level: n.level, message: n.message, location: n.location, subject: problemSubject(n) })));
  const inline = applySuppressions(findings, merged.directives, { allowInline: config.allowInlineSuppressions, activeRuleIds });
  findings = config.applyLevels(config.applySuppressions(inline.findings, today).findings);
  if (config.allowInlineSuppressions) {
    findings.push(...suppressionFindings([...merged.supProblems, ...unusedProblems(inline.unused)], root).filter((f) => activeRuleIds.has(f.ruleId)));
  }
  for (const f of findings) f.evidence = merged.evidence.get(locationKey(f.location));
  if (options.baselineFile) findings = readAndApplyBaseline(findings, options.baselineFile);
  timing?.mark('merge');
  timing?.print();

  // ---- result ----------------------------------------------------------------------------
  let reported = findings;
  if (onlyFiles) {
    const only = new Set(onlyFiles);
    reported = findings.filter((f) => only.has(f.location.file));
  }
  reported.sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : 1));
  const sources = new Map<string, string>();
  for (const f of reported) {
    const file = f.location.file;
    const lines = merged.frames.get(file);
    if (lines !== undefined && !sources.has(file)) sources.set(file, sparseText([...lines]));
  }
  const fileList = (onlyFiles?.filter((f) => classified.has(f)) ?? scanned.map((s) => s.path)).map((f) => relativeToRoot(root, f)).sort();
  return {
    root,
    findings: reported,
    rules: rules.map((r) => r.meta),
    files: [...new Set(fileList)],
    notifications: notifications.filter((n) => !onlyFiles || onlyFiles.includes(n.location.file)).sort((a, b) => compareLocations(a.location, b.location)),
    sources,
    toolVersion: VERSION,
    undecided: undecided.filter((u) => !onlyFiles || onlyFiles.includes(u.location.file)).sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : 1)),
    skipped: skippedFiles([...host.problems(), ...merged.readProblems]),
    notices,
  };
}

/** The first front end that reads a file, and the kind it reads it as (by name, else by a peek at the content). */
function classify(file: string, frontEnds: readonly FrontEnd[], host: Host, root: string, problems: Problem[]): { frontEnd: FrontEnd; kind: FileKind } | undefined {
  let text: string | undefined;
  let read = false;
  for (const fe of frontEnds) {
    const byName = fe.byName(file);
    if (byName === undefined) continue;
    if (byName !== 'peek') return { frontEnd: fe, kind: byName };
    if (!read) {
      read = true;
      text = host.readText(file);
      if (text === undefined) {
        const p = readProblem(host, file);
        if (p) problems.push(p);
      }
    }
    if (text === undefined) return undefined;
    const kind = fe.byContent?.(file, text, relativeToRoot(root, file));
    if (kind) return { frontEnd: fe, kind };
  }
  return undefined;
}

/**
 * Parse and evaluation problems as notifications. PARSE001 is an error at each place a
 * parser stopped. EVAL001 is a note, one per file and cause (RULES.md v2): problems whose
 * messages differ only in names and numbers are one cause, reported at the first place,
 * with the count of the others.
 */
function problemNotifications(problems: readonly Problem[]): Notification[] {
  const out: Notification[] = [];
  const evalByCause = new Map<string, { n: Notification; more: number }>();
  const sorted = [...problems].sort((a, b) => compareLocations(a.location, b.location));
  for (const p of sorted) {
    if (p.ruleId === 'PARSE001') {
      out.push({ level: 'error', ruleId: 'PARSE001', message: p.message, location: p.location });
      continue;
    }
    if (p.ruleId !== 'EVAL001') continue;
    const key = `${p.location.file}\u0000${causeOf(p.message)}`;
    const seen = evalByCause.get(key);
    if (seen) seen.more++;
    else {
      const n: Notification = { level: 'note', ruleId: 'EVAL001', message: p.message, location: p.location };
      evalByCause.set(key, { n, more: 0 });
      out.push(n);
    }
  }
  for (const { n, more } of evalByCause.values()) {
    if (more > 0) n.message = `${n.message.replace(/[.;]\s*$/, '')} (and ${more} more like it in this file)`;
  }
  return out;
}

/** The cause of an evaluation problem: its message without quoted names and numbers. */
function causeOf(message: string): string {
  return message.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "'…'").replace(/\d+/g, '#');
}

/** The fingerprint subject of a problem: its cause, without line numbers or other digits that move with the code. */
function problemSubject(n: Notification): string {
  return n.ruleId === 'EVAL001' ? causeOf(n.message) : n.message.replace(/\d+/g, '#');
}

function readAndApplyBaseline(findings: Finding[], file: string): Finding[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return applyBaseline(findings, text, file);
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(e.message);
    throw e;
  }
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

class PhaseTimer {
  private last = monotonicMs();
  private readonly phases: [string, number][] = [];
  mark(name: string): void {
    const now = monotonicMs();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }
  print(): void {
    process.stderr.write(this.phases.map(([n, ms]) => `${n}: ${ms.toFixed(0)} ms`).join('\n') + '\n');
  }
}


/** What, besides its files, decides a unit's result: part of every cache key. */
function runSettings(s: { rules: Rule[]; ruleOptions: ReadonlyMap<string, unknown>; options: LintOptions; varFiles: string[]; today: string; config: ResolvedConfig }): unknown {
  return {
    version: VERSION,
    // A rule's code is part of the rule set: a changed rule re-lints everything (also between releases).
    rules: s.rules.map((r) => [r.meta.id, r.meta.level, r.create.toString()]),
    ruleOptions: [...s.ruleOptions],
    env: s.options.env ?? null,
    varFiles: s.varFiles,
    // Suppression expiry is decided inside a unit (SUP001).
    today: s.today,
    environments: s.config.environments,
    baseDir: s.config.baseDir,
  };
}

/** Files not read on purpose (outside the root, not regular), once each, in the order met. */
function skippedFiles(problems: readonly ReadProblem[]): { file: string; reason: string }[] {
  const seen = new Set<string>();
  const out: { file: string; reason: string }[] = [];
  for (const p of problems) {
    if ((p.kind !== 'outside' && p.kind !== 'not-regular') || seen.has(p.file)) continue;
    seen.add(p.file);
    out.push({ file: p.file, reason: p.message });
  }
  // By file: a cached unit's reads are replayed in another order than they were first made.
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
