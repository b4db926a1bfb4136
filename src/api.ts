/**
 * The programmatic API: `lint(options)` runs the whole pipeline (DESIGN.md: discover →
 * parse → evaluate → normalize → graph → rules → suppress → report). The CLI, the
 * GitHub Action and the pre-commit entry all call this; none re-implements a step.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EnvClass } from './core/env.js';
import { isTerraformFile, type FileKind } from './core/file-kind.js';
import { createHost, readNamedText, type Host, type ReadProblem } from './core/host.js';
import { monotonicMs } from './core/clock.js';
import { compareLocations, fileStart, locationKey } from './core/source.js';
import { isFolder, isWithin, nearestFolder, realpathOr } from './core/paths.js';
import type { Finding, Rule, ScannedFile } from './engine/types.js';
import type { LintResult, Notification } from './engine/result.js';
import { buildFinding, relativeToRoot } from './engine/findings.js';
import { applySuppressions, problemsForActiveRules, suppressionFindings, todayUtc, unusedProblems } from './engine/suppressions.js';
import { applyBaseline, BaselineError } from './engine/baseline.js';
import { IGNORE_FILE, listFiles, type UnreadIndex } from './discover/index.js';
import { CONFIG_FILE_NAMES, ConfigError, loadConfig, mistakenConfigFile, resolveConfig, type ResolvedConfig } from './config/index.js';
import { FRONT_ENDS } from './frontends/index.js';
import type { ClassifiedFile, Family, FilesOnlyView, FrontEnd, FrontEndContext, Problem, FileFacts } from './frontends/types.js';
import { NOT_UTF8_NAME, readProblem } from './frontends/shared.js';
import { mayDeclareAks, readsModuleManifest } from './frontends/k8s-scope.js';
import type { FeedRings } from './pipeline/feed-rings.js';
import { namesPolicyDefinitionType, policyDefinitionFiles } from './frontends/policy-scope.js';
import { callsModulesOutside } from './frontends/terraform.js';
import type { loadPolicyFiles } from './eval/policy/index.js';
import type { PolicyFileSet } from './config/policy-files.js';
import type { buildPolicySet, definitionsInCode, initiativesInCode, parameterMistakes, PolicyDefinition, PolicySet, PolicySetProblem } from './model/policy.js';
import type { AliasRow } from './model/tables/policy-aliases.js';
import type { Graph } from './engine/types.js';
import { contained, placesOf, sparseText } from './pipeline/unit.js';
import { planUnits, releaseTexts, unitsForFiles, wholeRunUnit, type PlannedUnit } from './pipeline/plan.js';
import { UnitMerger } from './pipeline/merge.js';
import { recordingHost } from './pipeline/recording-host.js';
import { cacheFilePath, hashOf, UnitCache } from './pipeline/cache.js';
import { shardOf, type Shard } from './pipeline/shard.js';
import { parseJsonc } from './parse/json/index.js';
import { runUnits, type UnitPolicies, type UnitRun } from './pipeline/run-units.js';
import { RunThreads, type ThreadSettings } from './pipeline/threads.js';
import { workerScript } from './pipeline/workers.js';
import { ALL_RULES } from '../rules/index.js';
import { appendAll, pushTo } from './core/arrays.js';
import { ioErrorText } from './core/io-error.js';

export const VERSION = '0.1.0';

/** What the front ends read, for messages about files that are not read. */
const FORMATS_READ = 'Terraform .tf/.tfvars, terragrunt.hcl and plan JSON, ARM templates and parameter files (.json), Bicep .bicep/.bicepparam, Azure ML compute and workspace YAML, GitHub workflows and Azure Pipelines (.yml), shell and PowerShell scripts, Kubernetes manifests (.yaml/.json with apiVersion and kind)';

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
  /**
   * `--cache`: keep each unit's result between runs and reuse it while nothing it read
   * changed (`src/pipeline/cache.ts`); the output is the same bytes as without it.
   */
  cache?: boolean;
  /** `--cache-location`: the cache file, or a folder for it (default: `.mlops-iac-lint-cache` in the current folder). */
  cacheLocation?: string;
  /**
   * With `--cache`: a file changed less than this many milliseconds before the run looked at it
   * is read and hashed, not recognized by its signature (`HostOptions.signatures`). Default
   * CACHE_FRESH_MS; tests that write a tree and lint it at once set 0.
   */
  cacheFreshMs?: number;
  /** `--shard K/N`: lint only the units of work of shard K of N (`src/pipeline/shard.ts`). */
  shard?: Shard;
  /**
   * `--concurrency`: the threads units of work run on — a number, `'auto'` (the default: one
   * per two cores, at most MAX_AUTO_THREADS; `autoThreads`) or `'off'` (this thread only). Workers are used
   * only when the run has enough units to repay them; the output is the same bytes either way.
   */
  concurrency?: number | 'auto' | 'off';
  /** Told where the run is (the CLI's progress line on a terminal): a phase, and how many of how many files when counted. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** A user mistake (missing path, bad option value): the CLI prints it and exits 2. */
export class UsageError extends Error {}

/**
 * Why a named path is refused: its real place is outside the scan root, through a symbolic link
 * (or below one), or as written (a --var-file; any path through the API or the Action, whose root is given).
 */
function outsideRootMessage(named: string, real: string, root: string, skipped = false): string {
  const shown = path.relative(process.cwd(), named) || named;
  if (real === path.resolve(named)) {
    const what = `outside the scan root ${root}`;
    return skipped ? `${shown} is not linted: ${what}` : `${shown}: ${what}; nothing outside it is read (name paths inside it, or lint from a folder that holds both)`;
  }
  const what = `a symbolic link to ${real}, outside the scan root ${root}`;
  return skipped ? `${shown} is not linted: ${what} (links are never followed out of it)` : `${shown}: ${what}; links are never followed out of it (name the real path to lint it)`;
}

/**
 * Ignore patterns (gitignore syntax, relative to the root) for the `--tf-data-dir` folder: relative
 * to each root module as in Terraform (`.tfdata` → that folder anywhere; `build/tf` → that path below any folder),
 * or the one absolute folder when it is inside the root.
 */
function tfDataDirPatterns(dir: string | undefined, root: string): string[] {
  if (dir === undefined || dir.trim() === '' || dir === '.terraform') return [];
  if (path.isAbsolute(dir)) {
    const rel = relativeToRoot(root, dir);
    return rel && !rel.startsWith('..') ? [`/${rel}/`] : [];
  }
  const rel = path.normalize(dir).replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (rel === '' || rel === '.' || rel.startsWith('..')) return [];
  return [rel.includes('/') ? `**/${rel}/` : `${rel}/`];
}

/**
 * The top of the repository that holds the scan root: the nearest folder at or above it with a
 * `.git` (64 levels at most); undefined outside a repository. Only the names of the folders above
 * the root are used (for the environment class, FrontEndContext.envAbove) and whether there is
 * one (FrontEndContext.inRepository); nothing above the root is read.
 */
function repositoryTopOf(root: string): string | undefined {
  let dir = root;
  for (let i = 0; i < 64; i++) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

function commonRoot(paths: string[]): string {
  const cwd = process.cwd();
  if (paths.every((p) => !path.relative(cwd, p).startsWith('..'))) return cwd;
  let root = paths[0]!;
  if (fs.existsSync(root) && fs.statSync(root).isFile()) root = path.dirname(root);
  for (const p of paths.slice(1)) while (path.relative(root, p).startsWith('..')) root = path.dirname(root);
  return root;
}

/**
 * What bounds the search for a given file's callers (the folders a files-only run walks besides
 * the given files'): the top of the repository that holds it — the nearest folder with a `.git`
 * (a folder, or a file in a worktree or submodule) at or above it, inside the scan root — else
 * the scan root. Run from a parent folder (a home directory) on a file of a repository, it never
 * walks other repositories. Without a repository inside the scan root (no `.git` at all, or the
 * current folder below the repository's top: `cd infra && mlops-iac-lint envs/prod.tfvars`), the
 * scan root is what a run over the root walks, and so the callers that run finds are all in it:
 * the given files' findings stay the ones that run reports for them (README "As a pre-commit
 * hook"). The pre-commit hook runs at the repository's top, where both are the same folder.
 */
function callerBound(file: string, root: string, host: Host): string {
  return (
    nearestFolder(file, root, (dir) => {
      const git = path.join(dir, '.git');
      return host.isDirectory(git) || host.isFile(git);
    }) ?? root
  );
}

/**
 * `FrontEnd.filesOnlyFolders` of every front end, per repository of the given files (`callerBound`): the folders a files-only run walks besides the given files'.
 * `policyKindOf` (`policies.fromScannedCode`): how to classify a file, to find those that may
 * write a policy definition (`policyDefinitionFiles`); they are walked as if given.
 */
async function filesOnlyFolders(frontEnds: readonly FrontEnd[], given: readonly string[], dataFiles: readonly string[], givenKinds: ReadonlyMap<string, FileKind>, cliVarFiles: readonly string[], root: string, host: Host, facts: FileFacts | undefined, ignorePatterns: readonly string[], options: LintOptions, config: ResolvedConfig, policyKindOf: ((file: string) => Promise<FileKind | undefined>) | undefined, onUnreadIndex: UnreadIndex): Promise<string[]> {
  const byRepository = new Map<string, string[]>();
  for (const f of given) {
    const top = callerBound(f, root, host);
    const files = byRepository.get(top);
    if (files) files.push(f);
    else byRepository.set(top, [f]);
  }
  const out: string[] = [];
  for (const [top, files] of byRepository) {
    // A walk per front end that lists the repository (a staged .tf file and a script look for
    // their callers in the same tree), each judging only the files it accepts against the ignore
    // rules (a .tf file's callers: a few dozen of thousands of files); the host keeps every
    // folder's listing, so a second walk reads no folder again.
    const wide: FilesOnlyView = {
      root: top,
      host,
      dataFiles: dataFiles.filter((d) => files.includes(d)),
      cliVarFiles,
      givenKinds,
      ...(facts ? { facts } : {}),
      list: async (accept) => (await listFiles([top], { root, gitignore: options.gitignore, ignorePatterns: [...ignorePatterns], reader: host, onUnreadIndex, accept })).filter((f) => !config.isIgnored(f)),
    };
    // The repository's policy definitions apply to the given files: a definition's file is read
    // as the folder run reads it (its folder, its callers), so it is asked for as a given file.
    const definitionFiles = policyKindOf ? (await policyDefinitionFiles(wide, policyKindOf, options.tfDataDir)).filter((f) => !files.includes(f)) : [];
    let asked: readonly string[] = files;
    let view = wide;
    if (definitionFiles.length > 0) {
      const kinds = new Map(givenKinds);
      for (const f of definitionFiles) {
        const kind = await policyKindOf!(f);
        if (kind !== undefined) kinds.set(f, kind);
      }
      asked = [...files, ...definitionFiles];
      view = { ...wide, givenKinds: kinds };
      out.push(...new Set(definitionFiles.map((f) => path.dirname(f))));
    }
    for (const fe of frontEnds) if (fe.filesOnlyFolders) out.push(...(await fe.filesOnlyFolders(asked, view)));
  }
  return out;
}

/**
 * The given files (files-only) that a unit may read as data (`FilesOnlyView.dataFiles`): readable
 * text files that no front end reads (`unread`), and YAML/JSON ones that the Azure ML or
 * Kubernetes front end reads but a Terraform root may decode too (`yamldecode(file("compute.yml"))`:
 * the folder run places both units' findings in it). Front ends that may claim a given file by
 * content are loaded for the question, as the walk would load them for these files anyway.
 * Asked before the walk: the readers' folders are walked too.
 */
async function givenDataFiles(given: readonly string[], frontEnds: readonly FrontEnd[], host: Host, root: string, facts: { facts: FileFacts; name: string } | undefined): Promise<{ data: string[]; unread: string[]; kinds: Map<string, FileKind> }> {
  const candidates = given.filter((f) => fs.statSync(f).isFile());
  await Promise.all(frontEnds.filter((fe) => fe.load && candidates.some((f) => fe.byName(f) !== undefined)).map((fe) => fe.load!()));
  const data: string[] = [];
  const unread: string[] = [];
  const kinds = new Map<string, FileKind>();
  for (const f of candidates) {
    // Problems of reading are the walk's to record (the same file is classified again there).
    const claim = classify(f, frontEnds, host, root, [], facts);
    if (claim !== undefined) kinds.set(f, claim.kind);
    if (claim === undefined) {
      if (host.problemOf(f) !== undefined || host.readText(f) === undefined) continue;
      unread.push(f);
      data.push(f);
    } else if (DATA_FRONT_ENDS.has(claim.frontEnd.name) && /\.(?:ya?ml|json)$/i.test(f)) data.push(f);
  }
  return { data, unread, kinds };
}

/** The rules that judge resources against the policy set. */
const POLICY_RULES: ReadonlySet<string> = new Set(['GOV002', 'GOV003']);

/** A file's kind as the walk will classify it (`classify`), loading the front ends that may claim it first; a given file's is known. */
function classifier(frontEnds: readonly FrontEnd[], host: Host, root: string, facts: { facts: FileFacts; name: string } | undefined, known: ReadonlyMap<string, FileKind>): (file: string) => Promise<FileKind | undefined> {
  return async (file) => {
    const kind = known.get(file);
    if (kind !== undefined) return kind;
    await Promise.all(frontEnds.filter((fe) => fe.load && fe.byName(file) !== undefined).map((fe) => fe.load!()));
    // Problems of reading are the walk's to record (a file it lists is classified again there).
    return classify(file, frontEnds, host, root, [], facts)?.kind;
  };
}

/** Front ends whose files are data a Terraform root may decode as well (givenDataFiles). */
const DATA_FRONT_ENDS: ReadonlySet<string> = new Set(['azureml-yaml', 'k8s']);

/** A file's real path (its links resolved), once per file; the path itself when it cannot be resolved. */
function realPathOf(): (file: string) => string {
  const known = new Map<string, string>();
  return (file) => {
    let real = known.get(file);
    if (real === undefined) known.set(file, (real = realpathOr(file)));
    return real;
  };
}

/**
 * Why a named path cannot be linted: it is not there, or it is a symbolic link that leads
 * nowhere (a loop of links, a missing target), which `existsSync` alone cannot tell apart.
 */
function missingPathMessage(p: string): string {
  let target: string;
  try {
    if (!fs.lstatSync(p).isSymbolicLink()) return `no such file or folder: ${p}`;
    target = fs.readlinkSync(p);
  } catch {
    return `no such file or folder: ${p}`;
  }
  let code: string | undefined;
  try {
    fs.statSync(p);
  } catch (e) {
    code = (e as NodeJS.ErrnoException).code;
  }
  return code === 'ELOOP'
    ? `${p}: a symbolic link that leads back to itself (through ${target}); name a real file or folder`
    : `${p}: a symbolic link to ${target}, which does not exist; name a real file or folder`;
}

/**
 * Everything before the units run: options and config, discovery and classification, what
 * each front end takes over, the policies, and the units of work. Deterministic for a given
 * tree and options: a worker thread (src/worker.ts) makes the same plan on its own.
 * `cache`: the `--cache`, on the thread that keeps it: its answers about texts and files (the
 * same plan, sooner: an unchanged file is classified and planned without being read), and the
 * text hashes the units' recordings make (kept with the files' signatures).
 */
export async function prepareRun(options: LintOptions, cache?: UnitCache): Promise<PreparedRun> {
  const facts: FileFacts | undefined = cache;
  // ---- options and config --------------------------------------------------------------
  const namedPaths = (options.paths?.length ? options.paths : ['.']).map((p) => path.resolve(p));
  for (const p of namedPaths) {
    if (!fs.existsSync(p)) throw new UsageError(missingPathMessage(p));
    // A FIFO, socket or device is never opened (it may block): named, it is a usage error (review 74: "nothing to lint", exit 0).
    const st = fs.statSync(p);
    if (!st.isFile() && !st.isDirectory()) throw new UsageError(`${p}: it is ${st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : 'a device'}, not a regular file or a folder, and is never read; name a file or folder`);
  }
  const namedPlans = (options.planFiles ?? []).map((p) => path.resolve(p));
  for (const p of namedPlans) if (!fs.existsSync(p) || !fs.statSync(p).isFile()) throw new UsageError(`no such plan file: ${p}`);
  const namedVarFiles = (options.varFiles ?? []).map((f) => path.resolve(f));
  for (const f of namedVarFiles) {
    if (!fs.existsSync(f)) throw new UsageError(`--var-file not found: ${f}`);
    if (!fs.statSync(f).isFile()) throw new UsageError(`--var-file is not a file: ${f} (give a .tfvars or .tfvars.json file)`);
    // A configuration file (`variables.tf`) given by mistake: Terraform refuses its blocks, and its
    // assignments are not the run's values (review 71: findings dropped silently).
    if (isTerraformFile(f)) throw new UsageError(`--var-file takes a variable file (.tfvars or .tfvars.json), not Terraform configuration: ${f}`);
  }
  // A mistyped alias file is said at once, whether policies are configured or not.
  if (options.policyAliasesFile !== undefined && !fs.existsSync(path.resolve(options.policyAliasesFile))) throw new UsageError(`--policy-aliases not found: ${path.resolve(options.policyAliasesFile)}`);
  // The scan root is where the paths are written (the current folder when they are all inside
  // it); every named path is then taken at its real place, which must be inside the root's: a
  // symbolic link never leads the scan out of it (DESIGN.md "Offline and safe"), whether met
  // while walking or named (`infra` turned into a link to `/` by a pull request, then linted by
  // CI as `mlops-iac-lint infra`). A link that stays inside the root is followed.
  const namedOnly = options.onlyFiles?.map((f) => path.resolve(f));
  const written = namedOnly ?? [...namedPaths, ...namedPlans.filter((p) => !namedPaths.includes(p))];
  const writtenRoot = path.resolve(options.root ?? commonRoot(written));
  // Paths keep the root as written (a checkout below a linked folder stays reported under it);
  // containment is decided on real places. A root that is itself a link (`mlops-iac-lint
  // ~/link-to-repo`) is its target: a walk does not enter a link.
  const realRoot = fs.realpathSync(writtenRoot);
  const root = fs.lstatSync(writtenRoot).isSymbolicLink() ? realRoot : writtenRoot;
  /** Skipped named paths, with their real places (for the notices). */
  const refused = new Map<string, string>();
  // Pre-commit passes every staged file (--no-error-on-unmatched-pattern): one it may not read is said and skipped.
  const skippable = options.errorOnUnmatchedFile === false;
  const confined = (paths: string[], mayBeSkipped: boolean): string[] => {
    const out: string[] = [];
    for (const p of paths) {
      const real = fs.realpathSync(p);
      // A link inside the root is followed: the path is its target's, below the root as written.
      if (isWithin(realRoot, real)) out.push(path.join(root, path.relative(realRoot, real)));
      else if (mayBeSkipped) refused.set(p, real);
      else throw new UsageError(outsideRootMessage(p, real, realRoot));
    }
    return out;
  };
  const given = confined(namedPaths, skippable);
  const planFiles = confined(namedPlans, false);
  const varFiles = confined(namedVarFiles, false);
  const inputPaths = [...given, ...planFiles.filter((p) => !given.includes(p))];
  const onlyFiles = namedOnly && confined(namedOnly, skippable);
  // Pre-commit: lint each given file's whole folder (its Terraform module), report only the given files.
  const scanPaths = onlyFiles ? [...new Set(onlyFiles.map((f) => path.dirname(f)))] : inputPaths;
  const catalog = options.ruleSet ?? ALL_RULES;
  const knownIds = new Set(catalog.map((r) => r.meta.id));
  // Every named path may have been skipped (pre-commit, links out of the root): the config is then looked for from the root.
  // Files named one by one (pre-commit) look from the scan root, as the run over it does: which
  // file is staged first must not pick another folder's config (audit: the order changed the result).
  const startPath = onlyFiles ? root : (inputPaths[0] ?? root);
  const startDir = fs.statSync(startPath).isDirectory() ? startPath : path.dirname(startPath);
  let config: ResolvedConfig;
  let mistakenConfig: string | undefined;
  let shadowedConfig: { read: string; other: string } | undefined;
  try {
    const loaded = options.noConfig ? { config: resolveConfig({}, startDir) } : await loadConfig(options.configFile, startDir, catalog.map((r) => r.meta), root);
    config = loaded.config;
    if (!options.noConfig && !loaded.file) mistakenConfig = mistakenConfigFile(startDir);
    // Both names in one folder: the first is read, the other silently was not (review 87).
    const read = loaded.file && !options.configFile ? loaded.file : undefined;
    const other = read === undefined ? undefined : CONFIG_FILE_NAMES.map((n) => path.join(path.dirname(read), n)).find((c) => c !== read && fs.existsSync(c));
    if (read !== undefined && other !== undefined) shadowedConfig = { read, other };
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
  // What planning read is set aside for the units (HostOptions.setAsideChars); each thread that
  // may plan the run holds its share, so threads together stay within the one-thread bound. A
  // build without a worker entry (the Action, the TypeScript sources) runs on this thread alone.
  const host = createHost(root, {
    setAsideChars: Math.floor(SET_ASIDE_CHARS / planningThreads(threadSettings(options))),
    ...(cache ? { signatures: { freshMs: options.cacheFreshMs ?? CACHE_FRESH_MS } } : {}),
  });
  // An absolute --tf-data-dir is one folder: outside the root its manifest is never read (nothing
  // outside the scan root is), which is said now rather than as a missing manifest on every call.
  if (options.tfDataDir !== undefined && path.isAbsolute(options.tfDataDir)) {
    const dir = path.resolve(options.tfDataDir);
    if (!fs.existsSync(dir)) throw new UsageError(`--tf-data-dir not found: ${dir}`);
    if (!isWithin(realRoot, fs.realpathSync(dir))) throw new UsageError(`--tf-data-dir ${dir} is outside the scan root ${root}, and nothing outside it is read; lint from a folder that holds both, or give the folder relative to each root module`);
  }
  // The one reader outside the root, and only when asked: the Bicep module cache.
  if (options.bicepCache !== undefined && !fs.existsSync(path.resolve(options.bicepCache))) throw new UsageError(`--bicep-cache not found: ${path.resolve(options.bicepCache)}`);
  const bicepCache = options.bicepCache !== undefined ? createHost(fs.realpathSync(path.resolve(options.bicepCache))) : undefined;

  // ---- discover and classify -------------------------------------------------------------
  const problems: Problem[] = [];
  const walked = new Set<string>();
  // With --cache, each classification is a fact of the file, for this set of front ends (a run
  // restricted to some families may classify a file otherwise) and this root (CI files are told
  // by their path from it: `.github/workflows/…`).
  const classifyFacts = facts ? { facts, name: `classify:${hashOf([root, frontEnds.map((fe) => fe.name)]).slice(0, 16)}` } : undefined;
  // Pre-commit: a given file that no front end reads may be a data file a unit reads
  // (`yamldecode(file("pools.yaml"))`): the units that may read it run, as the folder run places
  // its findings in it (FrontEnd.mayRead).
  // The configured policy files (`policies.definitions`), found once: read for the policy set
  // below, and each is a file the run reads, also when given by name (its PARSE001, EVAL001).
  const policyFileSet = config.policies.definitions.length > 0 ? (await import('./config/policy-files.js')).policyFiles(config.policies.definitions, config.baseDir, host) : undefined;
  const policyFilePaths = new Set(policyFileSet?.files.map((f) => f.file));
  const { data: dataFiles, unread: unreadFiles, kinds: givenKinds } = onlyFiles ? await givenDataFiles(onlyFiles.filter((f) => !policyFilePaths.has(f)), frontEnds, host, root, classifyFacts) : { data: [], unread: [], kinds: new Map<string, FileKind>() };
  // A plan given on purpose is not part of the walked tree (TF004), whatever folder holds it.
  const planPatterns = planFiles.map((p) => `/${relativeToRoot(root, p)}`);
  // The folder `--tf-data-dir` names is Terraform's relocated `.terraform` (walked past like it):
  // its module copies are read through the module manifest, never linted as code of their own.
  // Both walks skip it: the run's, and the files-only search for the given files' callers.
  const ignorePatterns = [...(options.ignorePatterns ?? []), ...tfDataDirPatterns(options.tfDataDir, root)];
  // Pre-commit: the folders whose units may place findings in the given files walk too (a
  // Terraform root that calls the given module), so those files are reported as a run over the
  // root reports them.
  // With `policies.fromScannedCode`, the definitions written anywhere in the repository apply
  // to the given files (unless neither GOV rule runs and no parameter names one).
  const policyKindOf = onlyFiles && config.policies.fromScannedCode && (rules.some((r) => POLICY_RULES.has(r.meta.id)) || Object.keys(config.policies.parameters).length > 0) ? classifier(frontEnds, host, root, classifyFacts, givenKinds) : undefined;
  // A repository index that could not be read when .gitignore excluded something (a `--verbose` line each).
  const unreadIndexes = new Map<string, string>();
  const onUnreadIndex: UnreadIndex = (file, reason) => void unreadIndexes.set(file, reason);
  const walkPaths = onlyFiles ? [...new Set([...scanPaths, ...(await filesOnlyFolders(frontEnds, onlyFiles, dataFiles, givenKinds, varFiles, root, host, facts, ignorePatterns, options, config, policyKindOf, onUnreadIndex))])] : scanPaths;
  // What ignore rules kept out, for the line that says there is nothing to lint.
  const excluded = { files: 0, folders: 0 };
  const listed = (
    await listFiles(walkPaths, {
      root,
      gitignore: options.gitignore,
      ignorePatterns: [...ignorePatterns, ...planPatterns],
      walked,
      reader: host,
      accept: (f) => frontEnds.some((fe) => fe.byName(f) !== undefined),
      onIgnored: (_p, isDir) => void (isDir ? excluded.folders++ : excluded.files++),
      onUnreadIndex,
      // A folder that cannot be listed is said, never skipped without a word.
      onUnreadable: (dir) =>
        problems.push({ ruleId: 'PARSE001', message: dir.includes(NOT_UTF8_NAME) ? `cannot list the folder: its name is not valid UTF-8, and folder names are read as UTF-8; rename it with UTF-8 characters to have the files in it linted` : `cannot list the folder (${listingError(dir)}); the files in it are not linted`, location: fileStart(dir) }),
    })
  ).filter((f) => !config.isIgnored(f) || void excluded.files++);
  timing?.mark('discover');
  // Front ends imported on demand (frontends/lazy.ts): only those a listed file may belong to.
  await Promise.all(frontEnds.filter((fe) => fe.load && listed.some((f) => fe.byName(f) !== undefined)).map((fe) => fe.load!()));
  const byFrontEnd = new Map<FrontEnd, ClassifiedFile[]>(frontEnds.map((fe) => [fe, []]));
  for (const [i, file] of listed.entries()) {
    options.onProgress?.('reading files', i + 1, listed.length);
    const claim = classify(file, frontEnds, host, root, problems, classifyFacts);
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
  // The files the run reads: those of a front end, and the configured policy files (a given one is linted, not refused).
  const classified = new Set([...allFiles.map((f) => f.path), ...policyFilePaths]);
  if (options.errorOnUnmatchedFile !== false) {
    for (const p of onlyFiles ?? inputPaths) {
      // A data file is said below when no unit may read it.
      // A file that could not be read may be of a format it reads (said as a read problem); a
      // binary one is not (a named `logo.png` is the same usage error as a named text file).
      const problem = host.problemOf(p);
      if (classified.has(p) || dataFiles.includes(p) || config.isIgnored(p) || !fs.statSync(p).isFile() || (problem && problem.kind !== 'binary')) continue;
      throw new UsageError(`${path.relative(process.cwd(), p) || p}: not a file mlops-iac-lint reads (${FORMATS_READ})`);
    }
  }
  const notices: string[] = [...refused].map(([p, real]) => outsideRootMessage(p, real, realRoot, true));
  // A named file the config excludes is said, as one an ignore rule excludes is (cli/main.ts);
  // the many files of a glob in one line.
  const excludedByConfig = given.filter((p) => config.isIgnored(p) && fs.statSync(p).isFile()).map((p) => path.relative(process.cwd(), p) || p);
  if (excludedByConfig.length === 1) notices.push(`${excludedByConfig[0]} is not linted: the config file's ignorePaths excludes it`);
  else if (excludedByConfig.length > 1) notices.push(`${excludedByConfig[0]} and ${excludedByConfig.length - 1} more given files are not linted: the config file's ignorePaths excludes them`);
  if (shadowedConfig) {
    const rel = (f: string): string => path.relative(process.cwd(), f) || f;
    notices.push(`${rel(shadowedConfig.other)} is not read: ${rel(shadowedConfig.read)} in the same folder is the config file; merge their settings into one and delete the other`);
  }
  if (mistakenConfig) {
    notices.push(`${path.relative(process.cwd(), mistakenConfig) || mistakenConfig} is not read: the config file is ${CONFIG_FILE_NAMES.join(' or ')} (JSON with comments); rename it and write its settings as JSON`);
  }
  if (allFiles.length === 0 && problems.length === 0 && !onlyFiles) {
    const where = scanPaths.map((p) => path.relative(process.cwd(), p) || '.').join(', ');
    const rules = `.gitignore, ${IGNORE_FILE}, --ignore-pattern or the config file's ignorePaths`;
    notices.push(
      excluded.folders > 0
        ? `nothing to lint in ${where}: no file of a format it reads (${FORMATS_READ}) outside the folders ignore rules exclude (${rules})`
        : excluded.files > 0
          ? `nothing to lint in ${where}: ignore rules exclude the ${excluded.files === 1 ? 'file' : `${excluded.files} files`} of a format it reads there (${rules})`
          : `nothing to lint in ${where}: no file of a format it reads (${FORMATS_READ})`,
    );
  }

  // ---- front ends: which files each takes over, then units of work ------------------------
  const superseded = new Set<string>();
  // One recorder for the run: it notes what each unit reads, for the cache (`--cache`).
  const recorder = recordingHost(host, cache ? (file, hash) => cache.noteText(host, file, hash) : undefined);
  // The scan root's path from its repository's top (`environments/prod` when the run starts there).
  const repositoryTop = repositoryTopOf(root);
  const envAbove = repositoryTop === undefined ? '' : path.relative(repositoryTop, root).split(path.sep).join('/');
  const inRepository = repositoryTop !== undefined;
  const ctx: FrontEndContext = {
    host: recorder.host,
    root,
    envOverride: options.env,
    envForPath: (p) => config.envForPath(p),
    ...(envAbove ? { envAbove } : {}),
    ...(inRepository ? { inRepository } : {}),
    cliVarFiles: varFiles,
    tfDataDir: options.tfDataDir,
    ...(bicepCache ? { bicepCache } : {}),
    allFiles,
    isSuperseded: (f) => superseded.has(f),
    ...(facts ? { facts } : {}),
  };
  for (const fe of frontEnds) {
    const files = byFrontEnd.get(fe)!;
    const taken = contained(fe, files, problems, () => fe.supersedes?.(files, ctx));
    for (const f of taken ?? []) superseded.add(f);
  }
  // ---- policies: the configured files, read once for the run -----------------------------
  // With `policies.fromScannedCode` the definitions come from every graph of the run, before
  // any rule runs: the run is then one unit (all front ends together), as before units existed.
  const policyInput = await loadPolicyInput(config, policyFileSet, options.policyAliasesFile, problems, notices);
  const wholeRun = policyInput !== undefined && config.policies.fromScannedCode;
  let policies: UnitPolicies | undefined;
  if (policyInput && !wholeRun) policies = policySetOf(policyInput, [], problems, notices);
  else if (policyInput) policies = (graphs, unitProblems, unitNotices) => policySetOf(policyInput, graphs, unitProblems, unitNotices, (file) => namesPolicyDefinitionType(host.readText(file) ?? ''));
  const scanned: ScannedFile[] = allFiles;
  timing?.mark('policies');

  const allUnits = wholeRun ? [wholeRunUnit(frontEnds, byFrontEnd)] : planUnits(frontEnds, byFrontEnd, ctx, root, problems);
  // The given data files each unit may read (FrontEnd.mayRead), asked once a unit: unitsForFiles
  // and the unmatched-file check both ask, and a run without data files asks nothing.
  const dataRead = new Map<PlannedUnit, string[]>();
  const dataReadBy = (u: PlannedUnit): string[] => {
    if (dataFiles.length === 0) return [];
    let read = dataRead.get(u);
    if (read === undefined) {
      read = dataFiles.filter((d) => u.parts.some((p) => (p.frontEnd.mayRead?.(p.files.map((f) => f.path), [d], ctx).length ?? 0) > 0));
      dataRead.set(u, read);
    }
    return read;
  };
  // Files-only (pre-commit): the folders' other units cannot change the given files' findings.
  const units = onlyFiles
    ? unitsForFiles(
        allUnits,
        new Set(onlyFiles),
        (u) => u.parts.flatMap((p) => p.frontEnd.evaluatesOthers?.(p.files, ctx) ?? []),
        (u, others) => mayDeclareAks(u.files, others, ctx),
        (u) => dataReadBy(u).length > 0,
        (u, others) => feederReach(u, others, ctx),
      )
    : allUnits;
  if (options.errorOnUnmatchedFile !== false) {
    for (const d of unreadFiles) {
      if (config.isIgnored(d) || units.some((u) => dataReadBy(u).includes(d))) continue;
      throw new UsageError(`${path.relative(process.cwd(), d) || d}: not a file mlops-iac-lint reads (${FORMATS_READ}), nor a data file that a scanned file reads (yamldecode(file(…)), templatefile(…), loadYamlContent(…), az ml … --file, an Azure Pipelines template:)`);
    }
  }
  for (const fe of frontEnds) {
    if (!fe.beforeUnits) continue;
    const files = units.flatMap((u) => u.parts.filter((p) => p.frontEnd === fe).flatMap((p) => p.files));
    if (files.length > 0) await fe.beforeUnits(files, ctx);
  }
  const merged = new UnitMerger();
  // The places of the problems found so far (a policy file's PARSE001), while their texts are here.
  merged.addPlaces(placesOf(problems.map((p) => p.location), (f) => host.texts().get(f)));
  releaseTexts(host);
  host.planned(new Set(units.flatMap((u) => u.files.map((f) => f.path))));
  timing?.mark('plan units');

  // What decides every unit's result besides its files: the cache key's and the plan hash's part
  // (a worker that read another config takes no part). Hashed only when asked: a run with
  // neither cache nor workers (a one-file run) never needs it.
  let settings: string | undefined;
  // The folders above the root (a `.git` made or removed there changes the classes: FrontEndContext.envAbove).
  const settingsKey = (): string => (settings ??= hashOf([runSettings({ rules, ruleOptions, options, varFiles, today, config }), policyInput?.key ?? null, ctx.envAbove ?? '', ctx.inRepository === true]));
  return {
    units, wholeRun, ctx, host, recorder, root, rules, ruleOptions, knownIds, today, ...(policies ? { policies } : {}), superseded, allFiles, settingsKey,
    options, config, varFiles, policyInput, problems, notices, merged, timing, onlyFiles, inputPaths, classified, scanned,
    unreadIndexes: [...unreadIndexes].map(([file, reason]) => ({ file, reason })),
  };
}

/**
 * The characters of the texts planning read that are held for the units (`HostOptions.setAsideChars`):
 * on the corpus all of them (no unit opens its files again: 15,764 opens of its files → 6,063), on
 * a large tree the first units'. A text goes when its unit runs on this thread (or is checked
 * against the cache); those of units another thread runs, or that no thread runs (another
 * `--shard`'s), stay until the run ends, within the bound. On the corpus copied 4×, peak RSS
 * 272–289 MB with them, 284 MB without (issue 15's bound: 300 MB).
 */
const SET_ASIDE_CHARS = 16 * 1024 * 1024;

/**
 * `LintOptions.cacheFreshMs`' default: two seconds, far above any file system's timestamp
 * granularity (ext4 and XFS: nanoseconds, stamped from a clock of a few milliseconds' tick;
 * FAT: two seconds for modification times).
 */
const CACHE_FRESH_MS = 2000;

/** A planned run: what the units need (`UnitRun`), and what the report needs besides. */
export interface PreparedRun extends UnitRun {
  options: LintOptions;
  config: ResolvedConfig;
  varFiles: string[];
  policyInput: PolicyInput | undefined;
  problems: Problem[];
  notices: string[];
  /** The places of the problems found while planning (a policy file's PARSE001). */
  merged: UnitMerger;
  timing: PhaseTimer | undefined;
  onlyFiles: string[] | undefined;
  inputPaths: string[];
  /** The files the run reads: its front ends' and the configured policy files. */
  classified: Set<string>;
  scanned: ScannedFile[];
  /** Repository indexes not read when .gitignore excluded a file (discover/tracked.ts): `skipped` lines. */
  unreadIndexes: { file: string; reason: string }[];
}

export async function lint(options: LintOptions = {}): Promise<LintResult> {
  // The scan date is fixed once, so a worker that plans the run just after midnight judges the same day.
  options = { ...options, today: options.today ?? todayUtc() };
  // Worker threads start first: each plans the run on its own core while this thread does.
  const threads = new RunThreads(threadSettings(options));
  // Opened before planning, which asks it for facts (FrontEndContext.facts); its warnings are
  // said after planning's notices, where they always were.
  const cacheWarnings: string[] = [];
  let warnTo = cacheWarnings;
  const cache = options.cache ? UnitCache.open(cacheFilePath(options.cacheLocation, process.cwd()), VERSION, (m) => warnTo.push(m)) : undefined;
  try {
    const run = await prepareRun(options, cache);
    run.notices.push(...cacheWarnings);
    // A part of the file read only when a unit uses it may turn out malformed later (cache.ts `distrust`).
    warnTo = run.notices;
    return await lintPlanned(run, threads, cache);
  } finally {
    await threads.close();
  }
}

/** A files-only run whose feeders have a reach (`unitsForFiles`): they run nearest the given manifests first (src/pipeline/feed-rings.ts). */
function feedRingsOf(units: readonly PlannedUnit[]): { feedRings: FeedRings } | undefined {
  const reach = new Map<number, readonly string[] | 'anywhere'>();
  units.forEach((u, i) => {
    if (u.reach !== undefined) reach.set(i, u.reach);
  });
  if (reach.size === 0) return undefined;
  return { feedRings: { manifests: units.filter((u) => !u.feedsOnly).flatMap((u) => u.files.map((f) => f.path)), reach } };
}

/**
 * Where a feeder's summary can name files (`PlannedUnit.reach`): the files it evaluates, or
 * anywhere for Terraform that reads modules through a `terraform init` manifest or from a folder
 * the run does not scan.
 */
function feederReach(u: PlannedUnit, others: readonly string[], ctx: FrontEndContext): readonly string[] | 'anywhere' {
  const terraform = u.parts.filter((p) => p.frontEnd.name === 'terraform').flatMap((p) => p.files);
  if (terraform.length > 0 && (readsModuleManifest(terraform, ctx) || callsModulesOutside(terraform, ctx))) return 'anywhere';
  return [...u.files.map((f) => f.path), ...others];
}

async function lintPlanned(run: PreparedRun, threads: RunThreads<LintOptions>, cache: UnitCache | undefined): Promise<LintResult> {
  const { options, root, host, rules, today, config, problems, notices, timing, onlyFiles, allFiles, classified, scanned, merged } = run;
  // ---- phase 1: each unit from parse to findings (src/pipeline/run-units.ts) ---------------
  const runKey = cache ? run.settingsKey() : '';
  await threads.planned(run);
  const { leftOut } = await runUnits(run, merged, {
    ...(options.shard ? { shard: options.shard } : {}),
    ...(onlyFiles ? feedRingsOf(run.units) : {}),
    ...(cache ? { cache } : {}),
    runKey,
    onProgress: (done, total) => options.onProgress?.('linting', done, total),
    runnerFor: (jobs) => threads.runnerFor(jobs),
    // A late unit that cannot declare an AKS pool gives the others' views nothing: no first pass.
    // (One calling a local module the run does not scan may: that module is read only by evaluating it.)
    mayFeedScan: (u) => mayDeclareAks(u.files, u.parts.flatMap((p) => p.frontEnd.evaluatesOthers?.(p.files, run.ctx) ?? []), run.ctx) || (u.frontEnd.name === 'terraform' && callsModulesOutside(u.files, run.ctx)),
    ...(timing ? { onUnitRan: (frontEnd: string, files: number, ms: number, key: string) => timing.unitRan(frontEnd, files, ms, key) } : {}),
  });
  if (cache) {
    // A cache that cannot be written costs the next run its speed, not this run its report.
    try {
      // A shard decides only its own units (and those they read): every other entry is kept.
      // (A unit left out keeps its entries: it was not run again.)
      cache.save({ plannedUnits: options.shard ? undefined : new Set(run.units.filter((_, i) => !leftOut.has(i)).map((u) => u.key)), host });
    } catch (e) {
      notices.push(`cannot write the cache ${cache.file} (${ioErrorText(e)}); the next run lints everything again`);
    }
  }
  timing?.mark('units');
  // Problems of the run itself (a policy definition file that does not parse, a file that cannot
  // be read) belong to no unit: each is one shard's, by its file, so the N shards report it once (audit 54).
  if (options.shard) {
    const { index, count } = options.shard;
    const mine = problems.filter((p) => shardOf(`problem:${relativeToRoot(root, p.location.file)}`, count) === index);
    problems.length = 0;
    appendAll(problems, mine);
  }
  appendAll(problems, merged.problems);
  notices.push(...merged.notices);

  // ---- phase 2: the merged findings, notifications, suppressions, config levels, baseline --
  options.onProgress?.('checking rules', 0, 0);
  const undecided = merged.undecided;
  let findings = merged.findings();
  const activeRuleIds = new Set(rules.map((r) => r.meta.id));
  const notifications = problemNotifications(problems);
  // EVAL002 names its module call: the address is its subject (no version, no reason text in the fingerprint).
  const callAddress = (n: ProblemNotification): string | undefined => (n.ruleId === 'EVAL002' ? n.address : undefined);
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
  const inline = applySuppressions(findings, merged.directives, { allowInline: config.allowInlineSuppressions, activeRuleIds, fileIdentity: realPathOf() });
  findings = config.applyLevels(config.applySuppressions(inline.findings, today).findings);
  if (config.allowInlineSuppressions) {
    // In a file that does not parse, the finding a directive was written for may be among what
    // the syntax error hid: "unused, remove it" would be wrong advice until the file parses again.
    // A unit spans a folder (a Terraform module): a directive in a sibling of the broken file may be for it too.
    const unparsed = new Set(notifications.filter((n) => n.ruleId === 'PARSE001').map((n) => path.dirname(n.location.file)));
    const unused = unparsed.size > 0 ? inline.unused.filter((d) => !unparsed.has(path.dirname(d.file))) : inline.unused;
    // A directive for rules that did not run (`--disable`, `"off"`) is not reported unused (SUP002 doc).
    const supProblems = problemsForActiveRules(merged.supProblems, activeRuleIds);
    // Made after the config's levels were applied to the others: they take them too (`"SUP001": "error"`).
    appendAll(findings, config.applyLevels(suppressionFindings([...supProblems, ...unusedProblems(unused)], root).filter((f) => activeRuleIds.has(f.ruleId))));
  }
  for (const f of findings) f.evidence = merged.evidence.get(locationKey(f.location));
  if (options.baselineFile) findings = readAndApplyBaseline(findings, options.baselineFile, root);
  timing?.mark('merge');
  timing?.print();

  // ---- result ----------------------------------------------------------------------------
  let reported = findings;
  let undecidedHere = undecided;
  if (onlyFiles) {
    // A `--var-file` named with the files is the run's input too: its parse problems are shown.
    const only = new Set([...onlyFiles, ...run.varFiles]);
    // A plan's findings and undecided values are located in the .tf files it maps to: they belong to the plan.
    const planVariants = new Set(allFiles.filter((f) => f.kind === 'tfplan-json' && only.has(f.path)).map((f) => relativeToRoot(root, f.path)));
    reported = findings.filter((f) => only.has(f.location.file) || f.variants.some((v) => planVariants.has(v)));
    undecidedHere = undecided.filter((u) => only.has(u.location.file) || (u.variant !== undefined && planVariants.has(u.variant)));
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
    ...(onlyFiles ? { linted: [...new Set(scanned.map((s) => relativeToRoot(root, s.path)))].sort() } : {}),
    notifications: notifications.filter((n) => !onlyFiles || onlyFiles.includes(n.location.file)).map(({ address: _address, ...n }) => n).sort((a, b) => compareLocations(a.location, b.location)),
    sources,
    toolVersion: VERSION,
    undecided: undecidedHere.sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : 1)),
    skipped: [...skippedFiles([...host.problems(), ...merged.readProblems]), ...merged.skipped.filter((s) => !onlyFiles || onlyFiles.includes(s.file)), ...run.unreadIndexes],
    notices,
  };
}

/** The configured policy files, parsed, and a hash of all that decides them (part of the cache key). */
interface PolicyInput {
  definitions: PolicyDefinition[];
  initiatives: ReturnType<typeof loadPolicyFiles>['initiatives'];
  parameters: ResolvedConfig['policies']['parameters'];
  extraAliases: AliasRow[];
  key: string;
  /** No configured policy file left a definition or initiative unread (`PolicyLoadProblem.mayHide`): a parameters key naming none read may then be said. */
  complete: boolean;
  /** `policies.fromScannedCode`: a key naming no definition read is then a notice (`NameSearch.fromCode`). */
  fromScannedCode: boolean;
  /** Where a parameters entry is written (`PolicyConfig.placeOf`). */
  placeOf: ResolvedConfig['policies']['placeOf'];
  /** The policy set builder (`model/policy.ts`), loaded with the policy files. */
  build: { buildPolicySet: typeof buildPolicySet; definitionsInCode: typeof definitionsInCode; initiativesInCode: typeof initiativesInCode; parameterMistakes: typeof parameterMistakes };
}

/**
 * The organisation's Azure Policy definitions (config `policies`, GOV002/GOV003): the policy
 * files of `policies.definitions` parsed with positions (a broken one is PARSE001, the others
 * still count) and the alias dump. Undefined when nothing is configured.
 */
async function loadPolicyInput(config: ResolvedConfig, found: PolicyFileSet | undefined, aliasesOption: string | undefined, problems: Problem[], notices: string[]): Promise<PolicyInput | undefined> {
  const pc = config.policies;
  if (pc.definitions.length === 0 && !pc.fromScannedCode) {
    if (aliasesOption !== undefined) notices.push('--policy-aliases: no Azure Policy definitions are configured (policies.definitions or policies.fromScannedCode), so its aliases are not used');
    return undefined;
  }
  // The policy file reader, the set builder and the evaluator behind it are imported only when
  // policies are configured (start-up: a run without policies never loads them).
  const [{ loadPolicyFiles }, build, { aliasesFromDump }] = await Promise.all([import('./eval/policy/index.js'), import('./model/policy.js'), import('./model/tables/policy-aliases.js')]);
  for (const g of found?.unmatched ?? []) notices.push(`policies.definitions: '${g}' matches no file`);
  const definitions: PolicyDefinition[] = [];
  const initiatives: PolicyInput['initiatives'] = [];
  const byHost = new Map<Host, string[]>();
  for (const f of found?.files ?? []) pushTo(byHost, f.host, f.file);
  const texts: [string, string | undefined][] = [];
  let complete = true;
  for (const [h, files] of byHost) {
    const loaded = loadPolicyFiles(h, files);
    if (loaded.problems.some((p) => p.mayHide)) complete = false;
    definitions.push(...loaded.definitions);
    initiatives.push(...loaded.initiatives);
    for (const p of loaded.problems) problems.push({ ruleId: p.kind === 'shape' ? 'EVAL001' : 'PARSE001', message: p.message, location: p.location });
    for (const f of files) texts.push([f, h.readText(f)]);
  }
  const aliasFile = aliasesOption ? path.resolve(aliasesOption) : pc.aliases;
  const extraAliases = aliasFile ? readAliasDump(aliasFile, aliasesFromDump) : [];
  const key = hashOf([texts, pc.parameters ?? null, extraAliases, pc.fromScannedCode]);
  return { definitions, initiatives, parameters: pc.parameters, extraAliases, key, complete, fromScannedCode: pc.fromScannedCode, placeOf: pc.placeOf, build };
}

/**
 * The policy set: the configured definitions, and with `policies.fromScannedCode` those written
 * in the given graphs. `writesDefinition`: whether a file the run could not parse may write a
 * definition (its text names a definition type), with the graphs.
 */
function policySetOf(input: PolicyInput, graphs: readonly Graph[], problems: Problem[], notices: string[], writesDefinition?: (file: string) => boolean): PolicySet {
  const definitions = [...input.definitions];
  const setProblems: PolicySetProblem[] = [];
  const seen = new Set<string>();
  for (const g of graphs) {
    for (const d of input.build.definitionsInCode(g.resources, setProblems)) {
      const key = `${d.name}\u0000${d.location.file}:${d.location.range.start.offset}`;
      if (seen.has(key)) continue;
      seen.add(key);
      definitions.push(d);
    }
  }
  // A definition the policy files or the code leave unread (a broken policy file, a definition
  // whose rule is not known, a file that names a definition type and does not parse) may be the
  // one a parameters key names. Only these: not every problem of the run (an unrelated broken
  // file, a registry module without its copy), which a files-only run of the same repository
  // does not meet, so a key naming none read is said the same way in both (a notice).
  const complete = input.complete && setProblems.length === 0 && (writesDefinition === undefined || !problems.some((p) => p.ruleId === 'PARSE001' && writesDefinition(p.location.file)));
  const setInput = { definitions, initiatives: input.initiatives, parameters: input.parameters, extraAliases: input.extraAliases };
  // Decided once the definitions are loaded: before any unit, or (`policies.fromScannedCode`) in
  // the run's one unit, on this thread (one unit is never sent to a worker). An error is then not
  // cached (the next run says it again); a notice is part of the unit's result.
  const codeInitiatives = graphs.flatMap((g) => input.build.initiativesInCode(g.resources));
  const mistakes = input.build.parameterMistakes(setInput, { complete, fromCode: input.fromScannedCode, codeInitiatives });
  const line = (m: (typeof mistakes)[number]): string => `${input.placeOf ? `${input.placeOf(m.key, m.parameter, m.inValue)}: ` : ''}${parameterPath(m.key, m.parameter)}: ${m.message}`;
  const errors = mistakes.filter((m) => m.severity === 'error');
  if (errors.length > 0) throw new UsageError(errors.map(line).join('\n'));
  for (const m of mistakes) if (m.severity === 'notice') notices.push(line(m));
  const set = input.build.buildPolicySet(setInput, setProblems);
  for (const p of setProblems) problems.push({ ruleId: 'EVAL001', message: p.message, location: p.location });
  return set;
}

/** `policies.parameters["deny-public-ml"].effect`, as config errors name what they are about. */
function parameterPath(key: string, parameter: string | undefined): string {
  const part = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);
  return `policies.parameters${part(key)}${parameter === undefined ? '' : part(parameter)}`;
}

function readAliasDump(file: string, aliasesFromDump: (json: unknown) => AliasRow[]): AliasRow[] {
  let json: unknown;
  let text: string;
  try {
    text = readNamedText(file);
  } catch (e) {
    throw new UsageError(`cannot read the policy alias file ${file}: ${ioErrorText(e)}`);
  }
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // One line with the place, as a config error says it (not the engine's text, which quotes the file).
    const first = parseJsonc(text, file).errors[0];
    const at = first ? `${first.range.start.line}:${first.range.start.column}` : '1:1';
    throw new UsageError(`${file}:${at}: the policy alias file is not valid JSON: ${first?.message ?? 'comments are not JSON'} (expected the output of az provider show)`);
  }
  const rows = aliasesFromDump(json);
  if (rows.length === 0) throw new UsageError(`the policy alias file ${file} has no aliases (expected the output of az provider show --namespace <ns> --expand "resourceTypes/aliases")`);
  return rows;
}

/**
 * The first front end that reads a file, and the kind it reads it as (by name, else by a peek at
 * the content). A file whose content decides (`byName` answered 'peek') is read, unless the
 * `--cache` knows the answer for the file as it is (`fileFact`).
 */
function classify(file: string, frontEnds: readonly FrontEnd[], host: Host, root: string, problems: Problem[], facts: { facts: FileFacts; name: string } | undefined): { frontEnd: FrontEnd; kind: FileKind } | undefined {
  const first = frontEnds.find((fe) => fe.byName(file) !== undefined);
  if (first === undefined) return undefined;
  const byName = first.byName(file)!;
  if (byName !== 'peek') return { frontEnd: first, kind: byName };
  if (!facts) return classifyByContent(file, frontEnds, host, root, problems);
  const answer = facts.facts.fileFact(facts.name, file, host, isClassification, () => {
    const before = problems.length;
    const claim = classifyByContent(file, frontEnds, host, root, problems);
    // A file that could not be read is not recorded (undefined): its problem is said on every run.
    if (problems.length > before || host.problemOf(file)) return undefined;
    return claim ? [claim.frontEnd.name, claim.kind] : null;
  });
  // Undefined: the file could not be read (its problem is recorded).
  if (answer === undefined || answer === null) return undefined;
  const frontEnd = frontEnds.find((fe) => fe.name === answer[0]);
  return frontEnd ? { frontEnd, kind: answer[1] as FileKind } : undefined;
}

type Classification = [frontEnd: string, kind: string] | null;
function isClassification(v: unknown): v is Classification {
  return v === null || (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string');
}

/** Classifies by content: each front end that claims the file by name in turn, by a peek (`byHead`) or by the text. */
function classifyByContent(file: string, frontEnds: readonly FrontEnd[], host: Host, root: string, problems: Problem[]): { frontEnd: FrontEnd; kind: FileKind } | undefined {
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
 * Parse and evaluation problems as notifications. PARSE001 is an error at each place a
 * parser stopped. EVAL001 is a note, one per file and cause (RULES.md v2): problems whose
 * messages differ only in names and numbers are one cause, reported at the first place,
 * with the count of the others.
 */
/** A notification made from problems; EVAL002 keeps its module call's address (`--verbose`, the finding's subject). */
type ProblemNotification = Notification & { address?: string; subjectText?: string };

function problemNotifications(problems: readonly Problem[]): ProblemNotification[] {
  const out: ProblemNotification[] = [];
  const evalByCause = new Map<string, { n: ProblemNotification; more: number }>();
  const sorted = [...problems].sort((a, b) => compareLocations(a.location, b.location));
  const parseSeen = new Set<string>();
  for (const p of sorted) {
    if (p.ruleId === 'PARSE001') {
      // Once per place: a file several units read (a `--var-file` every root takes) is one problem.
      const key = `${p.location.file}\u0000${p.location.range.start.offset}\u0000${p.message}`;
      if (parseSeen.has(key)) continue;
      parseSeen.add(key);
      // A sentence, as every finding's message; the subject (fingerprint) is the message as before.
      out.push({ level: 'error', ruleId: 'PARSE001', message: asSentence(p.message), location: p.location, subjectText: p.message });
      continue;
    }
    if (p.ruleId === 'EVAL002') {
      // Once per module call: every variant and every caller repeats it.
      const key = `EVAL002\u0000${p.location.file}\u0000${p.location.range.start.offset}`;
      if (evalByCause.has(key)) continue;
      const n: ProblemNotification = { level: 'note', ruleId: 'EVAL002', message: p.message, location: p.location, ...(p.address === undefined ? {} : { address: p.address }) };
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
    const counted = more > 0 ? `${n.message.replace(/[.;]\s*$/, '')} (and ${more} more like it in this file)` : n.message;
    // The subject (fingerprint) stays what it was before messages were made sentences: an
    // alert in code scanning or a baseline entry keeps matching.
    (n as ProblemNotification).subjectText = counted;
    n.message = asSentence(counted);
  }
  return out;
}

/** A message as every finding's reads: a capital first letter and a final period (parsers and evaluators phrase causes mid-sentence). */
function asSentence(message: string): string {
  const base = message.replace(/[.;:,]\s*$/, '');
  return `${base.charAt(0).toUpperCase()}${base.slice(1)}.`;
}

/** The cause of an evaluation problem: its message without quoted names and numbers. */
function causeOf(message: string): string {
  // A count of references (`(2 references)`, a missing local template's) is not a cause of its own.
  return message.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "'…'").replace(/\d+/g, '#').replace(/ \(# references\)/g, '');
}

/** The fingerprint subject of a problem: its cause, without line numbers or other digits that move with the code. */
function problemSubject(n: ProblemNotification): string {
  const text = n.subjectText ?? n.message;
  return n.ruleId === 'EVAL001' ? causeOf(text) : text.replace(/\d+/g, '#');
}

function readAndApplyBaseline(findings: Finding[], file: string, root: string): Finding[] {
  let text: string;
  try {
    text = readNamedText(file);
  } catch (e) {
    throw new UsageError(`cannot read the baseline ${file}: ${ioErrorText(e)}`);
  }
  try {
    // The suppressions name the baseline as the report names files: relative to the root when inside
    // it (SARIF results carry no absolute path; the Action resolves its input against the workspace).
    const inside = path.relative(root, path.resolve(file));
    const shown = inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside) ? inside.split(path.sep).join('/') : file;
    return applyBaseline(findings, text, shown);
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

/** How many of the slowest units MLOPS_IAC_LINT_TIMING lists. */
const SLOWEST_UNITS = 10;

class PhaseTimer {
  private last = monotonicMs();
  private readonly phases: [string, number][] = [];
  /** Per front end: units this thread ran, their files, their time (where the `units` phase went). */
  private readonly byFrontEnd = new Map<string, { units: number; files: number; ms: number }>();
  /**
   * The slowest units this thread ran (issue 15, session 44: the units are far from even, the
   * 50 slowest of the corpus's 1,303 take 60 % of the unit time): the next place to look.
   */
  private slowest: { key: string; files: number; ms: number }[] = [];
  unitRan(frontEnd: string, files: number, ms: number, key: string): void {
    const t = this.byFrontEnd.get(frontEnd) ?? { units: 0, files: 0, ms: 0 };
    this.byFrontEnd.set(frontEnd, { units: t.units + 1, files: t.files + files, ms: t.ms + ms });
    if (this.slowest.length < SLOWEST_UNITS || ms > this.slowest[this.slowest.length - 1]!.ms) {
      this.slowest.push({ key, files, ms });
      this.slowest.sort((a, b) => b.ms - a.ms);
      this.slowest.length = Math.min(this.slowest.length, SLOWEST_UNITS);
    }
  }
  mark(name: string): void {
    const now = monotonicMs();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }
  print(): void {
    const lines = this.phases.map(([n, ms]) => `${n}: ${ms.toFixed(0)} ms`);
    for (const [fe, t] of this.byFrontEnd) lines.push(`  units of ${fe} (this thread): ${t.units} units, ${t.files} files, ${t.ms.toFixed(0)} ms`);
    if (this.slowest.length > 0) lines.push(`  slowest units (this thread):`, ...this.slowest.map((u) => `    ${u.ms.toFixed(0)} ms  ${u.key} (${u.files} files)`));
    process.stderr.write(lines.join('\n') + '\n');
  }
}


/** At most this many threads with `--concurrency auto`: each worker holds a heap and a plan of its own (peak memory). */
const MAX_AUTO_THREADS = 4;

/**
 * Threads for `--concurrency auto`: one per two cores. On 2 cores (V8 flags of src/core/jit.ts)
 * a worker repeats the plan and the JIT warm-up, which only a large run repays, and holds a heap
 * of its own: bench/threads.mjs, 10 to 320 units: 1.06–1.27× the one-thread time; the whole
 * corpus (1,331 units) 0.87×; the corpus copied 4× 0.77× but 371 MB peak RSS against 250 MB
 * (bench goal 2 is 300 MB). So one thread there. With 4 or more cores there is room for both;
 * that case could not be measured here.
 */
function autoThreads(): number {
  return Math.max(1, Math.min(MAX_AUTO_THREADS, Math.floor(os.availableParallelism() / 2)));
}

/** The threads that may plan the run, each with its own Host: the workers only when this build has their entry (`RunThreads.usable`). */
function planningThreads(settings: ThreadSettings<LintOptions>): number {
  return settings.script === undefined ? 1 : settings.count;
}

/** Whether and how a run uses worker threads (`src/pipeline/threads.ts`). */
function threadSettings(options: LintOptions): ThreadSettings<LintOptions> {
  const c = options.concurrency ?? 'auto';
  // A number above the cores is taken as the cores: more threads than cores only add heaps
  // (`--concurrency 999` took 50 s and 4.8 GB on 15 files).
  const count = c === 'off' ? 1 : c === 'auto' ? autoThreads() : Math.max(1, Math.min(os.availableParallelism(), Math.floor(c)));
  // Injected front ends or rules (tests) are functions a worker cannot be given.
  const script = options.frontEnds || options.ruleSet ? undefined : workerScript();
  const walks = !options.onlyFiles && (options.paths?.length ? options.paths : ['.']).some(isFolder);
  // With a cache file in place most units are expected from it: a pool starts only if a stage has many to run.
  const warm = options.cache === true && fs.existsSync(cacheFilePath(options.cacheLocation, process.cwd()));
  const { onProgress: _onProgress, ...plain } = options;
  return { script, count, early: walks && !warm, options: plain };
}

// Defined by scripts/build.mjs in the CLI's builds (ES modules and the code-cached bundle): a
// hash of the sources, the rules and the locked dependencies. Undefined in the Action's bundle
// and when the sources run as they are (tests).
declare const __MLOPS_SOURCE_HASH__: string | undefined;

/**
 * A rule's code, for the settings key. The built-in rules of a build are its source hash: the
 * code-cached bundle and the ES-module build compile the same rule to different text (esbuild
 * names locals apart), and a worker thread (ES modules) must reach the plan hash of a main
 * thread that runs the bundle; a cache file serves both builds too. Injected rules, and a run
 * from the sources, are keyed by their text.
 */
function ruleCode(rule: Rule, builtIn: boolean): string {
  return builtIn && typeof __MLOPS_SOURCE_HASH__ === 'string' ? __MLOPS_SOURCE_HASH__ : rule.create.toString();
}

/** What, besides its files, decides a unit's result: part of every cache key. */
function runSettings(s: { rules: Rule[]; ruleOptions: ReadonlyMap<string, unknown>; options: LintOptions; varFiles: string[]; today: string; config: ResolvedConfig }): unknown {
  return {
    version: VERSION,
    // A rule's code is part of the rule set: a changed rule re-lints everything (also between releases).
    rules: s.rules.map((r) => [r.meta.id, r.meta.level, ruleCode(r, s.options.ruleSet === undefined)]),
    ruleOptions: [...s.ruleOptions],
    env: s.options.env ?? null,
    varFiles: s.varFiles,
    tfDataDir: s.options.tfDataDir ?? null,
    bicepCache: s.options.bicepCache ?? null,
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

/** Why a folder the walk met cannot be listed, in words (asked again only on this failure path): permission denied, a path too long. */
function listingError(dir: string): string {
  try {
    fs.readdirSync(dir);
    return 'it could not be read';
  } catch (e) {
    return ioErrorText(e);
  }
}
