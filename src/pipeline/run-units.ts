/**
 * Phase 1 of a run (issue 15): every planned unit of work from parse to findings, in stages
 * (`FrontEnd.stage`), from the cache where it holds, on worker threads where that pays
 * (`workers.ts`), merged in one fixed order so the output is the same bytes however the units
 * ran.
 *
 * Stages: CI first (which Azure ML YAML files its `az ml --file` commands evaluate: later units
 * drop their own resources from those files), then most, then Kubernetes (its rules read the
 * GPU node pools of the whole scan, built from every earlier unit's summary). Within a stage
 * units are independent, so any thread may run any of them; between stages the small facts a
 * later stage reads (the files evaluated elsewhere, the scan summaries) are gathered in the
 * planned order. With `--shard`, a unit of another shard runs (or comes from the cache) when a
 * unit of this shard needs what it gives; its findings are not this shard's.
 */
import { createHash } from 'node:crypto';
import type { Host } from '../core/host.js';
import type { Graph, Rule, ScanView } from '../engine/types.js';
import { scanViewOf, type ScanSummary } from '../engine/scan.js';
import type { PolicySet } from '../model/policy-judgement.js';
import type { ClassifiedFile, FrontEndContext, Problem } from '../frontends/types.js';
import { runUnit, type UnitResult } from './unit.js';
import { LAST, LATE, LATE_FIRST_PASS, releaseTexts, stageRank, type PlannedUnit, type Stage } from './plan.js';
import type { UnitMerger } from './merge.js';
import type { Dependency, RecordingHost } from './recording-host.js';
import { hashOf, type UnitCache } from './cache.js';
import { shardOf, type Shard } from './shard.js';
import { betweenUnits } from './memory.js';
import { monotonicMs } from '../core/clock.js';
import { runFeedRings, type FeedRings, type RingOutcome } from './feed-rings.js';

/**
 * The policies a unit gets: the configured set, or how to make it from the unit's graphs
 * (`policies.fromScannedCode`), adding to the unit's problems and notices (a `policies.parameters`
 * key naming no definition the run read).
 */
export type UnitPolicies = PolicySet | ((graphs: readonly Graph[], problems: Problem[], notices: string[]) => PolicySet | undefined);

/** What running units needs of a planned run (lint()'s plan; a worker thread makes its own, the same). */
export interface UnitRun {
  units: readonly PlannedUnit[];
  /** `policies.fromScannedCode`: the run is one unit of every front end. */
  wholeRun: boolean;
  ctx: FrontEndContext;
  /** The run's Host: its texts are released after each unit, and the cache checks reads through it. */
  host: Host;
  recorder: RecordingHost;
  root: string;
  rules: Rule[];
  ruleOptions: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  knownIds: ReadonlySet<string>;
  today: string;
  policies?: UnitPolicies;
  superseded: ReadonlySet<string>;
  allFiles: readonly ClassifiedFile[];
  /** A hash of everything but the files that decides a unit's result (tool version, rules, options, settings, policies); computed on first call. */
  settingsKey: () => string;
}

/**
 * One unit to run: its index in `UnitRun.units`, the files another unit evaluated, whether its
 * reads are recorded (cache), and whether only its summary is wanted (`UnitInput.summaryOnly`).
 */
export interface UnitJob {
  index: number;
  dropped: [file: string, frontEnd: string][];
  record: boolean;
  summaryOnly?: true;
}

/** One stage's units to run, and (late and last stages) the summaries of every earlier unit in planned order. */
export interface StageWork {
  stage: Stage;
  jobs: UnitJob[];
  summaries?: ScanSummary[];
  /** Each unit adds its own summary to the view (`StageScan.withOwn`). */
  withOwn?: boolean;
}

export type RanUnit = UnitResult & { deps: Dependency[] };

/**
 * Runs the units of one stage somewhere (this thread, or a pool of threads with it), each
 * exactly once: here through `local` (which takes the result as it is made), elsewhere into
 * the returned map (by unit index).
 */
export interface StageRunner {
  run(work: StageWork, local: (job: UnitJob) => void): Promise<Map<number, RanUnit>>;
}

export interface RunUnitsOptions {
  shard?: Shard;
  cache?: UnitCache;
  /** The cache key of everything but the unit (tool version, rules, settings, policies). */
  runKey: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * Where stage work runs when there is more than one unit to run: a worker pool, made on the
   * first stage that has `jobs` units (or undefined: this thread).
   */
  runnerFor?: (jobs: number) => StageRunner | undefined;
  /**
   * Whether a unit's summary may add to the scan view (it may declare an AKS cluster or pool):
   * only such late units run a first pass (default: every one).
   */
  mayFeedScan?: (u: PlannedUnit) => boolean;
  /** Called after each unit this thread ran, with its front end and the time it took (MLOPS_IAC_LINT_TIMING). */
  onUnitRan?: (frontEnd: string, files: number, ms: number, key: string) => void;
  /** A files-only run of manifests: its feeders, run nearest first, and only as far as needed (feed-rings.ts). */
  feedRings?: FeedRings;
}

/** What `runUnits` did besides merging. */
export interface UnitsRan {
  /** The planned units it left out (a files-only run's feeders that could not change a given file's findings). */
  leftOut: ReadonlySet<number>;
}

/**
 * The scan view a late or last stage's units read: the view of the earlier stages' summaries,
 * and (`withOwn`: a late unit whose own summary is not among them) the summaries themselves, to
 * which each unit adds its own.
 */
export interface StageScan {
  view: ScanView;
  summaries: readonly ScanSummary[];
  withOwn: boolean;
}

/** The scan of a stage from the summaries of the units before it (`summaries`: in planned order). */
export function stageScan(summaries: readonly ScanSummary[], root: string, inRepository: boolean, withOwn: boolean): StageScan {
  return { view: scanViewOf(summaries, root, inRepository), summaries, withOwn };
}

/** Runs one unit here and releases what it held (its texts, the var files' values its hooks read). */
export function executeUnit(run: UnitRun, job: UnitJob, scan: StageScan | undefined): RanUnit {
  const u = run.units[job.index]!;
  run.recorder.begin(job.record);
  const input = {
    parts: u.parts,
    ctx: run.ctx,
    root: run.root,
    rules: run.rules,
    ruleOptions: run.ruleOptions,
    knownIds: run.knownIds,
    today: run.today,
    evaluatedElsewhere: new Map(job.dropped),
    ...(job.summaryOnly ? { summaryOnly: true } : {}),
    ...(scan ? (scan.withOwn ? { scanSummaries: scan.summaries } : { scan: scan.view }) : {}),
    ...(run.policies ? { policies: run.policies } : {}),
  };
  const r = runUnit(input, (f) => run.host.texts().get(f), () => run.recorder.end());
  releaseUnit(run, u);
  return r;
}

/** A unit is done: its texts go (code frames keep their lines in the result), and so do the var files' values its file hooks read. */
function releaseUnit(run: UnitRun, u: PlannedUnit): void {
  releaseTexts(run.host);
  for (const f of u.files) delete f.varValues;
  betweenUnits();
}

/**
 * What identifies a plan: the settings, the units (keys, files, kinds, flags) and the files taken over. A
 * worker thread plans the run again on its own; it takes part only when its hash is this one
 * (the tree did not change between the two walks).
 */
export function planHash(run: Pick<UnitRun, 'units' | 'superseded' | 'wholeRun' | 'settingsKey'>): string {
  const h = createHash('sha1');
  h.update(`${run.settingsKey()}\n${run.wholeRun ? 'whole' : 'units'}\n`);
  for (const u of run.units) {
    h.update(`${u.key}\n`);
    for (const f of u.files) h.update(`${f.path}\u0000${f.kind}\u0000${f.explicit === true}\n`);
  }
  for (const f of [...run.superseded].sort()) h.update(`s\u0000${f}\n`);
  return h.digest('base64url');
}

/** Orders a stage's jobs by their units' front end (by name), keeping the planned order within each. */
function groupByFrontEnd(jobs: UnitJob[], units: readonly PlannedUnit[]): void {
  const name = (j: UnitJob): string => units[j.index]!.frontEnd.name;
  // Array.prototype.sort is stable.
  jobs.sort((a, b) => {
    const x = name(a);
    const y = name(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** This thread only: the units in order. */
const HERE: StageRunner = {
  run: async (work, local) => {
    for (const job of work.jobs) local(job);
    return new Map();
  },
};

/** Whether a unit's result may come from, and go to, the cache. Reads from the Bicep module cache (a second Host) are not recorded: such units are not cached. */
function cacheable(run: UnitRun, u: PlannedUnit, cache: UnitCache | undefined): cache is UnitCache {
  return cache !== undefined && !(run.ctx.bicepCache && u.parts.some((p) => p.frontEnd.name === 'bicep'));
}

/**
 * A unit's cache key: the run's, the unit, its files, which of them another unit evaluated, the
 * scan it reads (late and last stages), and what planning decided about it from outside its files
 * (`FrontEnd.unitCacheKey`: Bicep's twins and parameter files, the run's templates, its files, its .tf files).
 */
function unitKey(run: UnitRun, u: PlannedUnit, runKey: string, dropped: readonly [string, string][], scanKey: string): string {
  const planned = u.parts.map((p) => p.frontEnd.unitCacheKey?.(p.files, run.ctx) ?? '');
  return hashOf([runKey, u.key, u.files.map((f) => [f.path, f.kind, run.superseded.has(f.path), f.explicit === true]), dropped, scanKey, planned]);
}

/**
 * The feeders of a files-only run of manifests, nearest first, on this thread (feed-rings.ts):
 * summary-only, with no files evaluated elsewhere and no scan, which a summary does not depend on.
 */
function runFeeders(run: UnitRun, rings: FeedRings, o: RunUnitsOptions): RingOutcome<UnitResult> {
  return runFeedRings(rings, run.root, run.ctx.inRepository === true, (i) => {
    const u = run.units[i]!;
    const cached = cacheable(run, u, o.cache);
    const key = cached ? unitKey(run, u, o.runKey, [], '') : undefined;
    if (key !== undefined) {
      const hit = o.cache!.get(key, u.key, run.host, true);
      releaseTexts(run.host);
      if (hit) return hit;
    }
    const started = o.onUnitRan ? monotonicMs() : 0;
    const { deps, ...result } = executeUnit(run, { index: i, dropped: [], record: cached, summaryOnly: true }, undefined);
    o.onUnitRan?.(u.frontEnd.name, u.files.length, monotonicMs() - started, u.key);
    if (key !== undefined) o.cache!.set(key, u.key, deps, result);
    return result;
  });
}

/** Runs every needed unit (from the cache where it holds) and merges the results of this shard's into `merged`, in planned order. */
export async function runUnits(run: UnitRun, merged: UnitMerger, o: RunUnitsOptions): Promise<UnitsRan> {
  const { units } = run;
  const cache = o.cache;
  const rank = units.map((u) => stageRank(u));
  // A files-only run of manifests: the feeders nearest them first, the others only if needed.
  const feeders = o.feedRings && !o.shard && !run.wholeRun ? runFeeders(run, o.feedRings, o) : undefined;
  // Stage, then planned order (Array.prototype.sort is stable).
  const ordered = [...units.keys()].filter((i) => !feeders?.skipped.has(i)).sort((a, b) => rank[a]! - rank[b]!);
  const isMine = (i: number): boolean => !o.shard || shardOf(units[i]!.key, o.shard.count) === o.shard.index;
  const mine = ordered.filter(isMine);
  // A shard's units need the first stage's (which drop the files it evaluated) when any runs
  // later, and every earlier stage's summaries when any reads the scan (late or last).
  // (Every late unit, when one of them is the shard's: each late unit's view has the others' summaries.)
  const latestMine = Math.max(-1, ...mine.map((i) => rank[i]!));
  const needed = (i: number): boolean => isMine(i) || (rank[i]! < latestMine && (rank[i] === 0 || latestMine >= LATE)) || (rank[i] === LATE && latestMine === LATE);
  // Late units read each other's summaries (an AKS root that also deploys a device plugin, a root
  // that deploys GPU jobs): with two or more, a first pass gives the summaries of those that may
  // declare AKS pools, and the second, whose results are kept, reads them (each unit adds its own).
  const lateUnits = ordered.filter((i) => rank[i] === LATE && needed(i));
  const lateFeeders = lateUnits.length > 1 && !run.wholeRun ? lateUnits.filter((i) => o.mayFeedScan?.(units[i]!) ?? true) : [];
  const lateFirstPass = lateFeeders.length > 0;
  /**
   * The first pass's results (summary-only), by unit: their summaries join the late stage's view,
   * and a late unit of which only the summary is wanted (another shard's, a files-only run's
   * feeder) is not run again in its own stage — the summary does not depend on the scan view,
   * only its rules' findings do.
   */
  const firstPassResults = new Map<number, UnitResult>();

  // Results waiting for the units before them (in planned order) to be merged.
  const waiting = new Map<number, UnitResult>();
  const elsewhere = new Map<string, string>();
  const summaries: [number, ScanSummary][] = [];
  const counted = new Set<number>();
  const progress = (i: number): void => {
    if (!isMine(i) || counted.has(i)) return;
    counted.add(i);
    o.onProgress?.(counted.size, mine.length);
  };
  let runner: StageRunner | undefined;
  for (const stage of [0, 1, LATE_FIRST_PASS, LATE, LAST] as const) {
    const firstPass = stage === LATE_FIRST_PASS;
    const stageUnits = firstPass ? lateFeeders : ordered.filter((i) => rank[i] === stage && needed(i));
    if (stageUnits.length === 0) continue;
    let scan: (StageScan & { key: string }) | undefined;
    if (stage >= LATE_FIRST_PASS && !run.wholeRun) {
      // In the units' planned order, not the order they ran in; a late stage after a first pass
      // reads every late unit's summary too (its own among them).
      const withLate = stage === LATE && lateFirstPass ? [...summaries, ...[...firstPassResults].map(([i, r]): [number, ScanSummary] => [i, r.summary])] : summaries;
      const inOrder = [...withLate].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
      // (A late unit's own summary may be among the first pass's: the view counts a pool once.)
      const withOwn = firstPass || stage === LATE;
      scan = { ...stageScan(inOrder, run.root, run.ctx.inRepository === true, withOwn), key: hashOf([inOrder, withOwn]) };
    }
    // Each result is merged as soon as every unit before it in planned order is (the output does
    // not depend on which thread ran what), and then dropped: memory holds the merged findings
    // and code-frame lines, not every unit's result until the end. What later stages read (the
    // files evaluated elsewhere, the summaries) is gathered in the same order.
    let cursor = 0;
    const drain = (): void => {
      for (; cursor < stageUnits.length && waiting.has(stageUnits[cursor]!); cursor++) {
        const i = stageUnits[cursor]!;
        const r = waiting.get(i)!;
        waiting.delete(i);
        // A first pass gives only the late units' summaries (their results come from the second).
        if (firstPass) {
          firstPassResults.set(i, r);
          continue;
        }
        for (const f of r.evaluatedElsewhere) elsewhere.set(f, units[i]!.frontEnd.name);
        if (stage < LAST) summaries.push([i, r.summary]);
        if (isMine(i)) merged.add(r);
      }
    };
    const keys = new Map<number, string>();
    // Per stage: a late unit is accepted once in the first pass and once in its own stage.
    const accepted = new Set<number>();
    const accept = (i: number, r: UnitResult, deps?: Dependency[]): void => {
      if (accepted.has(i)) return;
      accepted.add(i);
      if (!firstPass) progress(i);
      const key = keys.get(i);
      if (key !== undefined && deps) cache!.set(key, units[i]!.key, deps, r);
      waiting.set(i, r);
      drain();
    };
    const jobs: UnitJob[] = [];
    for (const i of stageUnits) {
      const u = units[i]!;
      // Nothing but its summary and the files it evaluates is wanted of a unit whose findings go
      // nowhere: a first pass, another shard's unit, a files-only run's feeder (plan.ts).
      const summaryOnly = firstPass || !isMine(i) || u.feedsOnly === true;
      const ranFirst = summaryOnly ? (feeders?.ran.get(i) ?? firstPassResults.get(i)) : undefined;
      if (ranFirst) {
        accept(i, ranFirst);
        continue;
      }
      // Which of its files another unit evaluated, and the scan it reads: both decide its result.
      const dropped = stage === 0 || run.wholeRun ? [] : u.files.filter((f) => elsewhere.has(f.path)).map((f): [string, string] => [f.path, elsewhere.get(f.path)!]);
      const cached = cacheable(run, u, cache);
      if (cached) {
        const key = unitKey(run, u, o.runKey, dropped, stage >= LATE_FIRST_PASS ? (scan?.key ?? '') : '');
        const hit = cache.get(key, u.key, run.host, summaryOnly);
        // The check read the unit's files: their texts go now.
        releaseTexts(run.host);
        if (hit) {
          accept(i, hit);
          continue;
        }
        keys.set(i, key);
      }
      jobs.push({ index: i, dropped, record: cached, ...(summaryOnly ? { summaryOnly: true as const } : {}) });
    }
    if (jobs.length > 1) runner ??= o.runnerFor?.(jobs.length);
    // On a pool the threads take the list from its two ends (`workers.ts` claimEach), each
    // meeting mostly the front ends of its end. Merging goes by planned order, not this one.
    if (runner) groupByFrontEnd(jobs, units);
    const split = (r: RanUnit): [UnitResult, Dependency[]] => {
      const { deps, ...result } = r;
      return [result, deps];
    };
    const ran = jobs.length === 0 ? new Map<number, RanUnit>() : await (runner ?? HERE).run({ stage, jobs, ...(scan ? { summaries: [...scan.summaries], withOwn: scan.withOwn } : {}) }, (job) => {
      const started = o.onUnitRan ? monotonicMs() : 0;
      accept(job.index, ...split(executeUnit(run, job, scan)));
      const u = units[job.index]!;
      o.onUnitRan?.(u.frontEnd.name, u.files.length, monotonicMs() - started, u.key);
    });
    // The workers' results (this thread's were accepted as they were made).
    for (const [i, r] of ran) accept(i, ...split(r));
    // Every unit of the stage gave a result and was merged (a runner that lost one is a bug of ours).
    if (cursor < stageUnits.length) throw new Error(`unit ${units[stageUnits[cursor]!]!.key} gave no result`);
  }
  return { leftOut: feeders?.skipped ?? new Set() };
}
