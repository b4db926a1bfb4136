/**
 * One unit of work (issue 15): the files a front end evaluates together (`FrontEnd.units`),
 * run from parse to findings, with everything the rest of the run needs kept as plain data
 * (`UnitResult`) — so the unit's texts and trees can be released as soon as it is done, the
 * result can be cached (`cache.ts`) and `--shard` can deal units out to machines.
 *
 * Phase 1 of the run (see the architecture note): per unit, the front end's `run`, the graphs,
 * every rule over this unit's graphs, modules, files and CI files, the suppression directives
 * written in the unit's files, and the evidence hashes and code-frame lines of every place a
 * finding or problem points at. Phase 2 (lint()) merges units, applies suppressions, config
 * levels and the baseline, and reports.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileStart, locationKey, type Location } from '../core/source.js';
import { ownStrings } from '../core/own-strings.js';
import { resetArgumentWork } from '../core/value.js';
import type { ReadProblem } from '../core/host.js';
import type { Finding, Graph, Rule, ScanView, Undecided } from '../engine/types.js';
import { scanView, scanViewOf, summarizeScan, type ScanSummary } from '../engine/scan.js';
import type { PolicySet } from '../model/policy-judgement.js';
import { buildGraph } from '../engine/graph.js';
import { runRules, type RuleFailure } from '../engine/run-rules.js';
import { collectSuppressions, metadataSuppressions, type SuppressionDirective, type SuppressionProblem } from '../engine/suppressions.js';
import type { TerraformModuleFacts } from '../model/terraform.js';
import type { CiFile } from '../model/ci.js';
import type { ClassifiedFile, FrontEnd, FrontEndContext, FrontEndResult, Problem } from '../frontends/types.js';
import type { Dependency } from './recording-host.js';
import { appendAll, maxOf } from '../core/arrays.js';
import { githubRemotes } from '../core/git-remotes.js';
import { isWithin } from '../core/paths.js';

/** Lines kept on each side of a reported line for code frames (the stylish default shows 1). */
export const FRAME_CONTEXT = 3;

/** What a unit hands to the rest of the run: plain data (JSON), nothing that holds a tree. */
export interface UnitResult {
  findings: Finding[];
  problems: Problem[];
  undecided: Undecided[];
  directives: SuppressionDirective[];
  supProblems: SuppressionProblem[];
  /** Evidence hash (Finding.evidence) by `locationKey` of every finding, problem and directive problem. */
  evidence: Record<string, string>;
  /** Code-frame lines by file: `[line, text]` pairs around each location above. */
  frames: Record<string, [number, string][]>;
  /** Files not read on purpose (outside the root, not regular): `--verbose`'s skipped list. */
  readProblems: ReadProblem[];
  /** Files the front end took but does not lint on purpose (a Helm template), with the reason. */
  skipped: { file: string; reason: string }[];
  /** What this unit's graphs contribute to the scan view (`RuleContext.scan`): every unit's, merged, is the whole scan's. */
  summary: ScanSummary;
  /** Lines for the run's notices on stderr (`UnitPolicies`: a `policies.parameters` key naming no definition the run read); absent when none. */
  notices?: string[];
  /** Files this unit evaluated in its commands' context (`az ml … --file`): other front ends' resources from them are dropped. */
  evaluatedElsewhere: string[];
  /**
   * Made summary-only (`UnitInput.summaryOnly`): no rule ran, so it has no findings, undecided
   * values or directives; what the front end gave (problems, reads, skipped files, the summary,
   * the files evaluated elsewhere) is all there. Never taken for a unit whose findings are wanted.
   */
  summaryOnly?: true;
}

/** One front end's files in a unit (a unit of the whole run has one part per front end: `policies.fromScannedCode`). */
export interface UnitPart {
  frontEnd: FrontEnd;
  files: ClassifiedFile[];
}

export interface UnitInput {
  parts: UnitPart[];
  ctx: FrontEndContext;
  root: string;
  rules: Rule[];
  ruleOptions: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  knownIds: ReadonlySet<string>;
  today: string;
  /**
   * Files evaluated in another unit's context, by the front end that did (`az ml … --file`,
   * from the CI units, which run first): resources other front ends built from them are dropped.
   */
  evaluatedElsewhere?: ReadonlyMap<string, string>;
  /** The whole scan's view (from every other unit's summary); default: this unit's own graphs. */
  scan?: ScanView;
  /** A late unit's (`PlannedUnit.readsScan`): the summaries of the units before it, to which its own is added for its view. */
  scanSummaries?: readonly ScanSummary[];
  /** The configured policies, or how to make them from this unit's graphs (`policies.fromScannedCode`: one unit for the run). */
  policies?: PolicySet | ((graphs: readonly Graph[], problems: Problem[], notices: string[]) => PolicySet | undefined);
  /**
   * Only what other units read of this one is wanted — its summary and the files it evaluated
   * elsewhere (a late unit's first pass, another shard's unit, a files-only run's unit that holds
   * no given file): the rules, the suppression directives and the findings' places are skipped.
   */
  summaryOnly?: boolean;
}

/**
 * Runs one unit. `texts` gives the text of a file the unit read (the Host's cache), for
 * suppression comments, evidence and code frames; the caller releases them afterwards.
 */
export function runUnit(input: UnitInput, texts: (file: string) => string | undefined, deps?: () => { deps: Dependency[]; readProblems: ReadProblem[] }): UnitResult & { deps: Dependency[] } {
  const { parts, ctx, root } = input;
  // Each unit has its whole budget of function-argument work (core/value.ts), wherever it runs.
  resetArgumentWork();
  const files = parts.flatMap((p) => p.files);
  const problems: Problem[] = [];
  const outs: { fe: FrontEnd; out: FrontEndResult }[] = [];
  for (const { frontEnd: fe, files: own } of parts) {
    const out = contained(fe, own, problems, () => fe.run(own, ctx));
    if (out) outs.push({ fe, out });
  }
  // A file another front end evaluated in its users' context is not also evaluated on its own.
  const elsewhere = new Map(input.evaluatedElsewhere ?? []);
  for (const { fe, out } of outs) for (const f of out.evaluatedElsewhere ?? []) elsewhere.set(f, fe.name);
  const graphs: Graph[] = [];
  const terraformModules: TerraformModuleFacts[] = [];
  const ciFiles: CiFile[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const fallbackFiles = new Map<string, string>();
  for (const { fe, out } of outs) {
    for (const u of out.units) {
      const resources = elsewhere.size === 0 ? u.resources : u.resources.filter((r) => (elsewhere.get(r.header.file) ?? fe.name) === fe.name);
      if (resources.length > 0 || u.resources.length === 0) graphs.push(buildGraph(resources, u.evaluation, u.refKeys, u.opaqueModules, u.unboundCalls, u.inertResources));
    }
    terraformModules.push(...(out.terraformModules ?? []));
    ciFiles.push(...(out.ciFiles ?? []));
    appendAll(problems, out.problems);
    skipped.push(...(out.skipped ?? []));
    for (const f of out.fallbackFiles ?? []) fallbackFiles.set(f.file, f.explanation);
  }
  const summary = summarizeScan(graphs);
  const evaluatedElsewhere = outs.flatMap(({ out }) => out.evaluatedElsewhere ?? []);
  if (input.summaryOnly) {
    // The rules were a tenth of such a unit's time, its places and directives a little more
    // (a pre-commit run of one manifest runs every unit that may declare a GPU pool this way).
    const recorded = deps?.() ?? { deps: [], readProblems: [] };
    const none = { findings: [], undecided: [], directives: [], supProblems: [] };
    return ownStrings({ ...none, problems, ...placesOf(problems.map((p) => p.location), texts), readProblems: recorded.readProblems, skipped, summary, evaluatedElsewhere, summaryOnly: true as const, deps: recorded.deps });
  }
  const notices: string[] = [];
  const policies = typeof input.policies === 'function' ? input.policies(graphs, problems, notices) : input.policies;
  const undecided: Undecided[] = [];
  const failures: RuleFailure[] = [];
  const findings = runRules({ root, rules: input.rules, options: input.ruleOptions, graphs, terraformModules, files, ciFiles, today: input.today, ...(policies ? { policies } : {}), ...repositoryOf(ctx), scan: input.scan ?? (input.scanSummaries ? scanViewOf([...input.scanSummaries, summary], root, ctx.inRepository === true) : scanView(graphs, root, ctx.inRepository === true)) }, undecided, failures);
  for (const f of findings) {
    const explanation = fallbackFiles.get(f.location.file);
    // A finding at the file's start is about the file itself (TF004), not a resource placed there.
    if (explanation && f.location.range.start.offset > 0) f.message = `${f.message.replace(/\.$/, '')} (${explanation}).`;
  }
  // What a front end evaluated without the caller's values (an ARM link's local copy): --verbose only.
  for (const { out } of outs) for (const m of out.notWithCallerValues ?? []) undecided.push({ ruleId: 'EVAL002', address: m.address, attribute: 'source', reason: m.reason, location: m.location });
  for (const f of failures) problems.push({ ruleId: 'EVAL001', message: `internal error in rule ${f.ruleId} (${f.message}); it could not decide here — please report this with the file`, location: f.location });

  const directives: SuppressionDirective[] = [];
  const supProblems: SuppressionProblem[] = [];
  for (const { out } of outs) collectDirectives(out, texts, input, directives, supProblems);

  // Evidence and code frames for every place the report may point at; an unused directive is
  // reported at its own place (SUP002).
  const { evidence, frames } = placesOf([...findings, ...problems, ...supProblems, ...directives].map((x) => x.location), texts);

  const recorded = deps?.() ?? { deps: [], readProblems: [] };
  // The result outlives the unit's texts: its strings must not be views into them (own-strings.ts).
  return ownStrings({ findings, problems, undecided, directives, supProblems, evidence, frames, readProblems: recorded.readProblems, skipped, summary, evaluatedElsewhere, ...(notices.length > 0 ? { notices } : {}), deps: recorded.deps });
}

/**
 * Where the rules' `repositoryPath` starts: a folder inside the root with a `.git` (a folder, or
 * a file in a worktree or submodule), checked through the Host, whose listing answers it (and a
 * cached unit records it), else the repository above the root (`envAbove`: only its existence was
 * checked, nothing above the root is read).
 */
function repositoryOf(ctx: FrontEndContext): { repositoryAbove?: string; isRepositoryTop: (dir: string) => boolean; repositoryNames: (file: string) => readonly string[] } {
  const isRepositoryTop = (dir: string): boolean => {
    const git = path.join(dir, '.git');
    return ctx.host.isDirectory(git) || ctx.host.isFile(git);
  };
  const namesByTop = new Map<string, readonly string[]>();
  /**
   * The origin remote of the checkout that holds `file`: its nearest `.git` at or above it inside the
   * root, when it is a folder (a worktree's or submodule's `.git` file points to a config
   * elsewhere: not read). Read through the Host, so a changed remote re-lints with --cache.
   */
  const repositoryNames = (file: string): readonly string[] => {
    for (let dir = path.dirname(file); isWithin(ctx.root, dir); dir = path.dirname(dir)) {
      const git = path.join(dir, '.git');
      if (ctx.host.isDirectory(git)) {
        let names = namesByTop.get(dir);
        if (!names) namesByTop.set(dir, (names = githubRemotes(ctx.host.readText(path.join(git, 'config')) ?? '')));
        return names;
      }
      if (ctx.host.isFile(git) || path.dirname(dir) === dir) return [];
    }
    return [];
  };
  return { ...(ctx.envAbove ? { repositoryAbove: ctx.envAbove } : {}), isRepositoryTop, repositoryNames };
}

function collectDirectives(out: FrontEndResult, texts: (file: string) => string | undefined, input: UnitInput, directives: SuppressionDirective[], supProblems: SuppressionProblem[]): void {
  for (const src of out.suppressionSources) {
    const text = texts(src.file);
    if (text === undefined || src.comments.length === 0) continue;
    const r = collectSuppressions(src.file, text, src.comments, src.blocks, input.knownIds, input.today);
    appendAll(directives, r.directives);
    appendAll(supProblems, r.problems);
  }
  for (const m of out.metadata ?? []) {
    const r = metadataSuppressions(m.body, m.range, m.file, input.knownIds, input.today);
    appendAll(directives, r.directives);
    appendAll(supProblems, r.problems);
  }
}

/** The evidence hash and the code-frame lines (±FRAME_CONTEXT) of each location whose text is known. */
export function placesOf(locations: readonly Location[], texts: (file: string) => string | undefined): Pick<UnitResult, 'evidence' | 'frames'> {
  const evidence: Record<string, string> = {};
  /** Per file: the lines frames show, and the lines locations start on. */
  const byFile = new Map<string, { wanted: Set<number>; located: Set<number> }>();
  for (const l of locations) {
    const text = texts(l.file);
    if (text === undefined) continue;
    const key = locationKey(l);
    if (!(key in evidence)) evidence[key] = evidenceOf(l, text);
    let lines = byFile.get(l.file);
    if (!lines) byFile.set(l.file, (lines = { wanted: new Set(), located: new Set() }));
    const first = Math.max(1, l.range.start.line - FRAME_CONTEXT);
    for (let n = first; n <= l.range.start.line + FRAME_CONTEXT; n++) lines.wanted.add(n);
    lines.located.add(l.range.start.line);
  }
  const frames: Record<string, [number, string][]> = {};
  for (const [file, { wanted, located }] of byFile) frames[file] = pickLines(texts(file)!, wanted, located);
  return { evidence, frames };
}

/**
 * The given 1-based lines of a text (those that exist), in order. The empty "line" after a
 * final line break is no line of the file: it is shown only where a location starts (a parser
 * that stops at the end of the file), never as context below the last line.
 */
function pickLines(text: string, wanted: ReadonlySet<number>, located: ReadonlySet<number>): [number, string][] {
  const out: [number, string][] = [];
  const max = maxOf(wanted);
  let line = 1;
  let start = 0;
  while (line <= max && start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const afterFinalBreak = start === text.length && start > 0;
    if (wanted.has(line) && (!afterFinalBreak || located.has(line))) out.push([line, text.slice(start, end)]);
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  return out;
}

/**
 * The text code frames see: the kept lines at their line numbers, every other line empty
 * (reporters read sources by line, `LineMap.lineText`).
 */
export function sparseText(lines: readonly [number, string][]): string {
  const sorted = [...lines].sort((a, b) => a[0] - b[0]);
  const last = sorted.length ? sorted[sorted.length - 1]![0] : 0;
  const out: string[] = new Array<string>(last).fill('');
  for (const [n, t] of sorted) out[n - 1] = t;
  return out.join('\n');
}

/** Hash of the source text at a location (Finding.evidence): the offending value as written. */
function evidenceOf(l: Location, text: string): string {
  const snippet = text.slice(l.range.start.offset, Math.max(l.range.end.offset, l.range.start.offset + 1));
  return createHash('sha256').update(snippet.replace(/\s+/g, ' ')).digest('hex').slice(0, 16);
}

/**
 * Runs one front end's step; an exception (a bug of ours, never a user mistake) becomes an
 * EVAL001 problem on the unit's first file, so every other unit is still linted and reported.
 */
export function contained<T>(fe: FrontEnd, files: readonly ClassifiedFile[], problems: Problem[], step: () => T): T | undefined {
  try {
    return step();
  } catch (e) {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const first = files[0]?.path;
    if (first) problems.push({ ruleId: 'EVAL001', message: `internal error while evaluating the ${fe.name} files (${what}); ${files.length} file${files.length === 1 ? ' was' : 's were'} not checked — please report this with the file`, location: fileStart(first) });
    return undefined;
  }
}
