/**
 * What every front end needs: a memoized parse of a file read through the Host, whose
 * syntax errors become PARSE001 problems once, and why a file could not be read.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { classifyPath, type EnvClass } from '../core/env.js';
import type { Host } from '../core/host.js';
import { relativeToRoot } from '../core/paths.js';
import { fileStart, type Range } from '../core/source.js';
import type { FilesOnlyView, FrontEndContext, Problem } from './types.js';

/** A file's environment class from `--env`, the config's `environments` globs, else the words of its path (`overlays/prod/…`); undefined when none says. */
export function pathEnv(ctx: Pick<FrontEndContext, 'root' | 'envOverride' | 'envForPath' | 'envAbove'>, file: string): EnvClass | undefined {
  return ctx.envOverride ?? ctx.envForPath(file) ?? classifyPath(relativeToRoot(ctx.root, file), ctx.envAbove)?.env;
}

/**
 * The azurerm and ARM type names of AKS clusters and node pools, any case: what in an IaC file
 * (Terraform, ARM, Bicep, azapi, plan JSON) may declare one (k8s-scope.ts `mayDeclareAks`;
 * Terraform reads it with its other planning facts, in the same read).
 */
export const AKS_TYPES = /azurerm_kubernetes_cluster|containerservice\/managedclusters/i;

/**
 * A file or folder name that is not valid UTF-8 (a Latin-1 `café.tf` committed on Windows-1252)
 * is listed with U+FFFD in place of its bytes, a path no file has: it cannot be opened, and the
 * reason is its name, not its permissions (review 69).
 */
export const NOT_UTF8_NAME = '\uFFFD';
export const NOT_UTF8_NAME_MESSAGE = 'cannot read it: its name is not valid UTF-8, and file names are read as UTF-8; rename it with UTF-8 characters to have it linted.';

/** A parsed file's evaluation notes (`ParsedYaml`/`CiDocument.evaluationNotes`: what could not be read although it parsed) as EVAL001. */
export function evaluationNoteProblems(file: string, notes: readonly { message: string; range: Range }[] | undefined): Problem[] {
  return (notes ?? []).map((n) => ({ ruleId: 'EVAL001', message: n.message, location: { file, range: n.range } }));
}

/** Why the Host could not give a file's text, as PARSE001 (silent skips — outside the root, not a regular file — give nothing). */
export function readProblem(host: Host, file: string): Problem | undefined {
  const p = host.problemOf(file);
  if (!p || p.kind === 'outside' || p.kind === 'not-regular' || p.kind === 'missing') return undefined;
  if (file.includes(NOT_UTF8_NAME)) return { ruleId: 'PARSE001', message: NOT_UTF8_NAME_MESSAGE, location: fileStart(file) };
  const hint =
    p.kind === 'binary' ? 'only text files are read; remove it from the scan or ignore it' : p.kind === 'too-large' ? 'split it, or leave it out of the scan with --ignore-pattern' : 'check the file permissions';
  return { ruleId: 'PARSE001', message: `${p.message}; ${hint}.`, location: fileStart(file) };
}

export interface ParseCache<T> {
  /** The parsed file (undefined when it cannot be read); syntax errors are reported once. */
  get(file: string): T | undefined;
  /** Every file parsed so far. */
  entries(): IterableIterator<[string, T | undefined]>;
}

export function parseCache<T>(
  host: Host,
  parse: (text: string, file: string) => T,
  errorsOf: (parsed: T) => readonly { message: string; range: Range }[],
  problems: Problem[],
): ParseCache<T> {
  const cache = new Map<string, T | undefined>();
  return {
    get(file) {
      if (cache.has(file)) return cache.get(file);
      const text = host.readText(file);
      let parsed: T | undefined;
      if (text === undefined) {
        const p = readProblem(host, file);
        if (p) problems.push(p);
      } else {
        parsed = parse(text, file);
        for (const e of errorsOf(parsed)) problems.push({ ruleId: 'PARSE001', message: e.message, location: { file, range: e.range } });
      }
      cache.set(file, parsed);
      return parsed;
    },
    entries: () => cache.entries(),
  };
}

/**
 * A planning answer about one file's text (units of work, twins): from the `--cache` while the
 * file is unchanged (`FileFacts.fileFact`: it is not read then), else `compute(text)`, with the
 * text released after (`Host.forget`: planning holds no text; the Host sets it aside for the
 * unit that reads it next). Undefined when the file cannot be read. The answer must be JSON.
 */
export function planningFact<T>(ctx: Pick<FrontEndContext, 'host' | 'facts'>, name: string, file: string, valid: (v: unknown) => v is T, compute: (text: string) => T): T | undefined {
  const fromText = (): T | undefined => {
    const text = ctx.host.readText(file);
    if (text === undefined) return undefined;
    const answer = compute(text);
    ctx.host.forget(file);
    return answer;
  };
  if (ctx.facts) return ctx.facts.fileFact(name, file, ctx.host, valid, fromText);
  // Without the --cache, the Host keeps the answer while the run is planned: planning asks the
  // same question of a file several times — a `.tf` file's local module sources and data files
  // five times in a pre-commit run (its callers, its data files, its unit, whether it reads the
  // scan), each a read and a scan of its text again (1.3 s of a manifest's 16 s in the corpus
  // copied 4×).
  const answers = ctx.host.planningAnswers();
  if (answers === undefined) return fromText();
  const key = `${name}\u0000${file}`;
  if (answers.has(key)) return answers.get(key) as T | undefined;
  const answer = fromText();
  answers.set(key, answer);
  return answer;
}

/** What `perRun` made, by the run's files (`FrontEndContext.allFiles`, one array per run) and name. */
const madePerRun = new WeakMap<FrontEndContext['allFiles'], Map<string, unknown>>();

/**
 * `make()`'s value, made once per run and name: what units ask of the whole run (made per unit,
 * it is quadratic in a tree of many units). `name` stands for one `make` and one value type.
 */
export function perRun<T>(allFiles: FrontEndContext['allFiles'], name: string, make: () => T): T {
  let made = madePerRun.get(allFiles);
  if (made === undefined) {
    made = new Map();
    madePerRun.set(allFiles, made);
  }
  if (!made.has(name)) made.set(name, make());
  return made.get(name) as T;
}

/** Whether a front end classified `file` in this run: the run's paths as a set made once per run (asked per `--file` command, per plan unit; a set per plan unit made a corpus copied 4× spend 0.2 s). */
export function isClassified(ctx: Pick<FrontEndContext, 'allFiles'>, file: string): boolean {
  return perRun(ctx.allFiles, 'classified-paths', () => new Set(ctx.allFiles.map((f) => f.path))).has(file);
}

/** A hash of `parts()` (JSON), made once per run and name: the run-wide part of a `FrontEnd.unitCacheKey`, asked once per unit. */
export function runWideKey(allFiles: FrontEndContext['allFiles'], name: string, parts: () => unknown): string {
  return perRun(allFiles, `key:${name}`, () => createHash('sha256').update(JSON.stringify(parts())).digest('base64url'));
}

/**
 * The repository of a GitHub workflow or action: the folder above its `.github/`. Its `run:` steps
 * start there ($GITHUB_WORKSPACE, where actions/checkout puts the repository) and its `./…`
 * references are relative to it, wherever the scan root is (a folder of several checkouts, the
 * parent of the repository).
 */
export function githubRepository(file: string): string | undefined {
  const parts = path.resolve(file).split(path.sep);
  const i = parts.lastIndexOf('.github');
  return i > 0 ? parts.slice(0, i).join(path.sep) || path.sep : undefined;
}

/** The folders strictly between `root` and `dir` (below the root, above `dir`), nearest the root first. */
export function foldersBetween(root: string, dir: string): string[] {
  const below = path.relative(root, dir);
  if (below === '' || below.startsWith('..') || path.isAbsolute(below)) return [];
  const parts = below.split(path.sep);
  return parts.slice(0, -1).map((_, i) => path.join(root, ...parts.slice(0, i + 1)));
}

/**
 * An Azure Pipelines path written from the repository's top (`/templates/x.yml`): the repository
 * is the scan root, or, for a repository linted from a folder above it, a folder between the
 * scan root and the including file (nearest the root first) or that file's own folder. The first
 * of those where `exists` holds for the path; undefined when it holds for none.
 */
export function fromRepositoryTop(p: string, from: string, root: string, exists: (file: string) => boolean): string | undefined {
  const callerDir = path.dirname(path.resolve(from));
  // Scanned files lie below the root: a caller at or outside it finds nothing more than the root's.
  for (const dir of [root, ...foldersBetween(root, callerDir), callerDir]) {
    const target = path.resolve(dir, `.${p}`);
    if (exists(target)) return target;
  }
  return undefined;
}

/** A list of strings (a recorded planning answer's shape). */
export function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/**
 * Everything upstream of `start` in a reference graph (`callersOf`: a module → what refers to
 * it), not `start` itself, sorted: the callers of the given files' modules, their callers, and
 * so on, for `FrontEnd.filesOnlyFolders`. Each node is visited once (cycles end).
 */
export function upstreamOf(start: Iterable<string>, callersOf: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set(start);
  const queue = [...seen];
  const out: string[] = [];
  while (queue.length > 0) {
    for (const caller of callersOf.get(queue.pop()!) ?? []) {
      if (seen.has(caller)) continue;
      seen.add(caller);
      out.push(caller);
      queue.push(caller);
    }
  }
  return out.sort();
}

/** Adds `to` → `from` to a reverse edge map (`upstreamOf`'s input). */
export function addCaller(callersOf: Map<string, string[]>, to: string, from: string): void {
  const list = callersOf.get(to);
  if (list) list.push(from);
  else callersOf.set(to, [from]);
}

/**
 * The text of a given file for a files-only pattern test, or undefined for a file the run
 * classified as a Terraform plan JSON: a 200 MB one-line plan is streamed by its own front end
 * and never read whole to answer a pattern.
 */
export function givenTextUnlessPlan(wide: FilesOnlyView, file: string): string | undefined {
  return wide.givenKinds.get(file) === 'tfplan-json' ? undefined : wide.host.readText(file);
}
