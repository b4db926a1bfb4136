/**
 * The programmatic API: `lint(options)` runs the whole pipeline (DESIGN.md: discover →
 * parse → evaluate → normalize → graph → rules → suppress → report). The CLI, the
 * GitHub Action and the pre-commit entry all call this; none re-implements a step.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EnvClass } from './core/env.js';
import type { FileKind } from './core/file-kind.js';
import { createHost, type Host } from './core/host.js';
import { monotonicMs } from './core/clock.js';
import { compareLocations, fileStart } from './core/source.js';
import type { TerraformModuleFacts } from './model/terraform.js';
import type { CiFile } from './model/ci.js';
import type { Finding, Graph, Rule, ScannedFile, Undecided } from './engine/types.js';
import type { LintResult, Notification } from './engine/result.js';
import { buildGraph } from './engine/graph.js';
import { runRules, type RuleFailure } from './engine/run-rules.js';
import { buildFinding, relativeToRoot } from './engine/findings.js';
import {
  applySuppressions, collectSuppressions, metadataSuppressions, suppressionFindings, todayUtc, unusedProblems,
  type SuppressionDirective, type SuppressionProblem,
} from './engine/suppressions.js';
import { applyBaseline, BaselineError } from './engine/baseline.js';
import { listFiles } from './discover/index.js';
import { ConfigError, loadConfig, resolveConfig, type ResolvedConfig } from './config/index.js';
import { FRONT_ENDS } from './frontends/index.js';
import type { ClassifiedFile, EvaluatedUnit, Family, FrontEnd, FrontEndContext, MetadataSource, Problem, SuppressionSource } from './frontends/types.js';
import { readProblem } from './frontends/shared.js';
import { policyFiles } from './config/policy-files.js';
import { loadPolicyFiles } from './eval/policy/index.js';
import { buildPolicySet, definitionsInCode, type PolicySet, type PolicySetProblem } from './model/policy.js';
import { aliasesFromDump, type AliasRow } from './model/tables/policy-aliases.js';
import { ALL_RULES } from '../rules/index.js';

export const VERSION = '0.1.0';

/** What the front ends read, for messages about files that are not read. */
const FORMATS_READ = 'Terraform .tf/.tfvars and plan JSON, ARM templates and parameter files (.json), Bicep .bicep/.bicepparam, Azure ML compute and workspace YAML, GitHub workflows and Azure Pipelines (.yml), shell and PowerShell scripts, Kubernetes manifests (.yaml/.json with apiVersion and kind)';

export interface LintOptions {
  /** Files or folders to lint (default: the current folder). */
  paths?: string[];
  /** Base folder for relative paths in reports (default: cwd when every path is inside it). */
  root?: string;
  /** `--env`: force the environment class of every evaluation. */
  env?: EnvClass;
  /** `--var-file` (repeatable). */
  varFiles?: string[];
  /**
   * `--tf-data-dir`: the folder `terraform init` wrote to (TF_DATA_DIR), relative to each
   * root module's folder unless absolute (default `.terraform`). Registry modules recorded in
   * its `modules/modules.json` are evaluated from their copies, and plan JSON resources inside
   * them are mapped to the copies' `.tf` (findings at the calls); reading stays inside the root.
   */
  tfDataDir?: string;
  /**
   * `--bicep-cache`: the Bicep module cache folder (`~/.bicep`, or bicepconfig's
   * `cacheRootDirectory`). Off by default: it lies outside the scan root, so it is read only
   * when asked, through a second Host confined to it. `br:` modules restored there are evaluated.
   */
  bicepCache?: string;
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
  families?: Family[];
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
  /** `--policy-aliases`: an `az provider show --expand "resourceTypes/aliases"` dump for GOV002/GOV003 (over the config's `policies.aliases`). */
  policyAliasesFile?: string;
  /**
   * Terraform plan JSON files linted on purpose (the Action's `plan` input): linted like file
   * arguments and left out of the walk of the folders, so TF004 does not report the plan the
   * job itself wrote; any other plan in the scanned tree still is.
   */
  planFiles?: string[];
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
  const planFiles = (options.planFiles ?? []).map((p) => path.resolve(p));
  for (const p of planFiles) if (!fs.existsSync(p) || !fs.statSync(p).isFile()) throw new UsageError(`no such plan file: ${p}`);
  const inputPaths = [...given.map((p) => (fs.lstatSync(p).isSymbolicLink() ? fs.realpathSync(p) : p)), ...planFiles.filter((p) => !given.includes(p))];
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
  // The one reader outside the root, and only when asked: the Bicep module cache.
  if (options.bicepCache !== undefined && !fs.existsSync(path.resolve(options.bicepCache))) throw new UsageError(`--bicep-cache not found: ${path.resolve(options.bicepCache)}`);
  const bicepCache = options.bicepCache !== undefined ? createHost(fs.realpathSync(path.resolve(options.bicepCache))) : undefined;

  // ---- discover and classify -------------------------------------------------------------
  const problems: Problem[] = [];
  const walked = new Set<string>();
  // A plan given on purpose is not part of the walked tree (TF004), whatever folder holds it.
  const planPatterns = planFiles.map((p) => `/${relativeToRoot(root, p)}`);
  const listed = (
    await listFiles(scanPaths, {
      root,
      gitignore: options.gitignore,
      ignorePatterns: [...(options.ignorePatterns ?? []), ...planPatterns],
      walked,
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
  // Linted on purpose (TF004 does not report such a plan): a file named as an argument that no
  // folder walk found, or named in files-only mode (whose folder walk only resolves variables),
  // or a `planFiles` entry. Not the pre-commit hook's files: it passes every staged file.
  const deliberate = options.errorOnUnmatchedFile !== false;
  for (const f of allFiles) {
    const named = onlyFiles ? onlyFiles.includes(f.path) : inputPaths.includes(f.path) && !walked.has(f.path);
    if ((deliberate && named) || planFiles.includes(f.path)) f.explicit = true;
  }
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

  // ---- front ends: parse and evaluate ----------------------------------------------------
  const superseded = new Set<string>();
  const ctx: FrontEndContext = {
    host,
    root,
    envOverride: options.env,
    envForPath: (p) => config.envForPath(p),
    cliVarFiles: varFiles,
    tfDataDir: options.tfDataDir,
    ...(bicepCache ? { bicepCache } : {}),
    allFiles,
    isSuperseded: (f) => superseded.has(f),
  };
  for (const fe of frontEnds) {
    const files = byFrontEnd.get(fe)!;
    const taken = contained(fe, files, problems, () => fe.supersedes?.(files, ctx));
    for (const f of taken ?? []) superseded.add(f);
  }
  const graphs: Graph[] = [];
  const terraformModules: TerraformModuleFacts[] = [];
  const ciFiles: CiFile[] = [];
  const suppressionSources: SuppressionSource[] = [];
  const metadata: MetadataSource[] = [];
  const skippedByFrontEnds: { file: string; reason: string }[] = [];
  const unitsByFrontEnd: { fe: FrontEnd; units: EvaluatedUnit[] }[] = [];
  const evaluatedElsewhere = new Map<string, FrontEnd>();
  const fallbackFiles = new Map<string, string>();
  for (const fe of frontEnds) {
    const files = byFrontEnd.get(fe)!;
    if (files.length === 0) continue;
    options.onProgress?.(`evaluating ${fe.name}`, 0, 0);
    // Containment: a bug in one front end costs its own files, never the whole report.
    const out = contained(fe, files, problems, () => fe.run(files, ctx));
    if (!out) continue;
    unitsByFrontEnd.push({ fe, units: out.units });
    for (const f of out.evaluatedElsewhere ?? []) evaluatedElsewhere.set(f, fe);
    terraformModules.push(...(out.terraformModules ?? []));
    ciFiles.push(...(out.ciFiles ?? []));
    problems.push(...out.problems);
    suppressionSources.push(...out.suppressionSources);
    metadata.push(...(out.metadata ?? []));
    skippedByFrontEnds.push(...(out.skipped ?? []));
    for (const f of out.fallbackFiles ?? []) fallbackFiles.set(f.file, f.explanation);
    timing?.mark(fe.name);
  }
  // A file another front end evaluated in its users' context is not also evaluated on its own.
  for (const { fe, units } of unitsByFrontEnd) {
    for (const u of units) {
      const resources = evaluatedElsewhere.size === 0 ? u.resources : u.resources.filter((r) => (evaluatedElsewhere.get(r.header.file) ?? fe) === fe);
      if (resources.length > 0 || u.resources.length === 0) graphs.push(buildGraph(resources, u.evaluation, u.refKeys, u.opaqueModules));
    }
  }
  const scanned: ScannedFile[] = allFiles;
  const policies = loadPolicies(config, options.policyAliasesFile, host, graphs, problems, notices);
  timing?.mark('policies');

  // ---- rules -----------------------------------------------------------------------------
  options.onProgress?.('checking rules', 0, 0);
  const undecided: Undecided[] = [];
  const ruleFailures: RuleFailure[] = [];
  let findings = runRules({ root, rules, options: ruleOptions, graphs, terraformModules, files: scanned, ciFiles, today, policies }, undecided, ruleFailures);
  for (const f of findings) {
    const explanation = fallbackFiles.get(f.location.file);
    // A finding at the file's start is about the file itself (TF004), not a resource placed there.
    if (explanation && f.location.range.start.offset > 0) f.message = `${f.message.replace(/\.$/, '')} (${explanation}).`;
  }
  for (const f of ruleFailures) problems.push({ ruleId: 'EVAL001', message: `internal error in rule ${f.ruleId} (${f.message}); it could not decide here — please report this with the file`, location: f.location });
  const activeRuleIds = new Set(rules.map((r) => r.meta.id));
  const notifications = problemNotifications(problems);
  // EVAL002 names its module call: the address is its subject (no version, no reason text in the fingerprint).
  const callAddress = (n: Notification): string | undefined => (n.ruleId === 'EVAL002' ? problems.find((p) => p.ruleId === 'EVAL002' && p.location === n.location)?.address : undefined);
  // RULES.md "Parse and evaluation problems": a module that is not evaluated is said under
  // `--verbose` too — what its resources would have been checked for could not be decided.
  if (activeRuleIds.has('EVAL002')) {
    for (const n of notifications) {
      if (n.ruleId !== 'EVAL002') continue;
      const address = callAddress(n) ?? '';
      undecided.push({ ruleId: 'EVAL002', address, attribute: 'source', reason: 'the module is not evaluated (no local copy was read; EVAL002)', location: n.location });
    }
  }
  findings.push(
    ...notifications
      .filter((n) => activeRuleIds.has(n.ruleId))
      .map((n) => {
        const address = callAddress(n);
        return buildFinding({ root, ruleId: n.ruleId, level: n.level, message: n.message, location: n.location, subject: address ?? problemSubject(n), ...(address ? { address } : {}) });
      }),
  );

  // ---- suppressions, config levels, baseline ---------------------------------------------
  const directives: SuppressionDirective[] = [];
  const supProblems: SuppressionProblem[] = [];
  const texts = host.texts();
  for (const src of suppressionSources) {
    const text = texts.get(src.file);
    if (text === undefined || src.comments.length === 0) continue;
    const r = collectSuppressions(src.file, text, src.comments, src.blocks, knownIds, today);
    directives.push(...r.directives);
    supProblems.push(...r.problems);
  }
  for (const m of metadata) {
    const r = metadataSuppressions(m.body, m.range, m.file, knownIds, today);
    directives.push(...r.directives);
    supProblems.push(...r.problems);
  }
  const inline = applySuppressions(findings, directives, { allowInline: config.allowInlineSuppressions, activeRuleIds });
  findings = config.applyLevels(config.applySuppressions(inline.findings, today).findings);
  if (config.allowInlineSuppressions) {
    findings.push(...suppressionFindings([...supProblems, ...unusedProblems(inline.unused)], root).filter((f) => activeRuleIds.has(f.ruleId)));
  }
  for (const f of findings) f.evidence = evidenceOf(f, texts.get(f.location.file));
  if (options.baselineFile) findings = readAndApplyBaseline(findings, options.baselineFile);
  timing?.mark('rules');
  timing?.print();

  // ---- result ----------------------------------------------------------------------------
  let reported = findings;
  if (onlyFiles) {
    const only = new Set(onlyFiles);
    // A plan's findings are located in the .tf files it maps to: they belong to the plan.
    const planVariants = new Set(allFiles.filter((f) => f.kind === 'tfplan-json' && only.has(f.path)).map((f) => relativeToRoot(root, f.path)));
    reported = findings.filter((f) => only.has(f.location.file) || f.variants.some((v) => planVariants.has(v)));
  }
  reported.sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : 1));
  const sources = new Map<string, string>();
  for (const f of reported) {
    const t = texts.get(f.location.file);
    if (t !== undefined) sources.set(f.location.file, t);
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
    skipped: [
      ...host
        .problems()
        .filter((p) => p.kind === 'outside' || p.kind === 'not-regular')
        .map((p) => ({ file: p.file, reason: p.message })),
      ...skippedByFrontEnds.filter((s) => !onlyFiles || onlyFiles.includes(s.file)),
    ],
    notices,
  };
}

/**
 * The organisation's Azure Policy definitions (config `policies`, GOV002/GOV003): the policy
 * files of `policies.definitions` parsed with positions (a broken one is PARSE001, the others
 * still count), definitions in the scanned code when `policies.fromScannedCode`, and the alias
 * dump. Undefined when nothing is configured.
 */
function loadPolicies(config: ResolvedConfig, aliasesOption: string | undefined, host: Host, graphs: readonly Graph[], problems: Problem[], notices: string[]): PolicySet | undefined {
  const pc = config.policies;
  if (pc.definitions.length === 0 && !pc.fromScannedCode) return undefined;
  const found = policyFiles(pc.definitions, config.baseDir, host);
  for (const g of found.unmatched) notices.push(`policies.definitions: '${g}' matches no file`);
  const definitions = [];
  const initiatives = [];
  const byHost = new Map<Host, string[]>();
  for (const f of found.files) byHost.set(f.host, [...(byHost.get(f.host) ?? []), f.file]);
  for (const [h, files] of byHost) {
    const loaded = loadPolicyFiles(h, files);
    definitions.push(...loaded.definitions);
    initiatives.push(...loaded.initiatives);
    for (const p of loaded.problems) problems.push({ ruleId: p.kind === 'shape' ? 'EVAL001' : 'PARSE001', message: p.message, location: p.location });
  }
  const setProblems: PolicySetProblem[] = [];
  if (pc.fromScannedCode) {
    const seen = new Set<string>();
    for (const g of graphs) {
      for (const d of definitionsInCode(g.resources, setProblems)) {
        const key = `${d.name}\u0000${d.location.file}:${d.location.range.start.offset}`;
        if (seen.has(key)) continue;
        seen.add(key);
        definitions.push(d);
      }
    }
  }
  const aliasFile = aliasesOption ? path.resolve(aliasesOption) : pc.aliases;
  const extraAliases = aliasFile ? readAliasDump(aliasFile) : [];
  const set = buildPolicySet({ definitions, initiatives, parameters: pc.parameters, extraAliases }, setProblems);
  for (const p of setProblems) problems.push({ ruleId: 'EVAL001', message: p.message, location: p.location });
  return set;
}

function readAliasDump(file: string): AliasRow[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read the policy alias file ${file}: ${e instanceof SyntaxError ? e.message : ((e as NodeJS.ErrnoException).code ?? String(e))}`);
  }
  const rows = aliasesFromDump(json);
  if (rows.length === 0) throw new UsageError(`the policy alias file ${file} has no aliases (expected the output of az provider show --namespace <ns> --expand "resourceTypes/aliases")`);
  return rows;
}

/** The first front end that reads a file, and the kind it reads it as (by name, else by a peek at the content). */
function classify(file: string, frontEnds: readonly FrontEnd[], host: Host, root: string, problems: Problem[]): { frontEnd: FrontEnd; kind: FileKind } | undefined {
  let text: string | undefined;
  let read = false;
  for (const fe of frontEnds) {
    const byName = fe.byName(file);
    if (byName === undefined) continue;
    if (byName !== 'peek') return { frontEnd: fe, kind: byName };
    if (fe.byHead) {
      const kind = fe.byHead(file, host);
      if (kind) return { frontEnd: fe, kind };
      if (!fe.byContent) continue;
    }
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
 * Runs one front end's step; an exception (a bug of ours, never a user mistake) becomes an
 * EVAL001 problem on the front end's first file, so every other file is still linted and
 * reported, and SARIF carries it as a tool execution notification.
 */
function contained<T>(fe: FrontEnd, files: readonly ClassifiedFile[], problems: Problem[], step: () => T): T | undefined {
  try {
    return step();
  } catch (e) {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const first = files[0]?.path;
    if (first) problems.push({ ruleId: 'EVAL001', message: `internal error while evaluating the ${fe.name} files (${what}); ${files.length} file${files.length === 1 ? ' was' : 's were'} not checked — please report this with the file`, location: fileStart(first) });
    return undefined;
  }
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
    if (p.ruleId === 'EVAL002') {
      // Once per module call: every variant and every caller repeats it.
      const key = `EVAL002\u0000${p.location.file}\u0000${p.location.range.start.offset}`;
      if (evalByCause.has(key)) continue;
      const n: Notification = { level: 'note', ruleId: 'EVAL002', message: p.message, location: p.location };
      evalByCause.set(key, { n, more: 0 });
      out.push(n);
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

/** Hash of the source text at a finding's primary location (see Finding.evidence). */
function evidenceOf(f: Finding, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const snippet = text.slice(f.location.range.start.offset, Math.max(f.location.range.end.offset, f.location.range.start.offset + 1));
  return createHash('sha256').update(snippet.replace(/\s+/g, ' ')).digest('hex').slice(0, 16);
}

