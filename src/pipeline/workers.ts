/**
 * Worker threads for the units of work (issue 15, item 2). A pool of `node:worker_threads`,
 * one fewer than the threads the run may use: this thread works on units too.
 *
 * How the work is shared, without a message per unit:
 * - Each worker plans the run itself (`src/worker.ts` calls the same `prepareRun`), on its own
 *   core while this thread plans; it starts only when its plan hash is this thread's (a tree
 *   that changed between the two walks leaves the work here).
 * - A stage's units are one list every thread knows (the `stage` message). Threads claim the
 *   next unit with an atomic add on a shared counter, so a slow unit never holds the others:
 *   this thread from the front of the list, the workers from its back (`claimEach`).
 * - When this thread has no more to claim it closes the stage: a worker that had not yet joined
 *   it (compare-and-swap on its slot) never will, and one that joined sends its results; any
 *   unit a failed worker had claimed runs here. Results are merged by unit index
 *   (`run-units.ts`), so the output is the same bytes as a run on one thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { RanUnit, StageRunner, StageWork, UnitJob } from './run-units.js';
import { shareMemory } from './memory.js';

/** See `start`: measured on the corpus copied 4× (bench goal 2). */
const WORKER_YOUNG_GENERATION_MB = 8;

/** The stages of a run (plan.ts `Stage`: first, between, the late units' first pass, late, last). */
const STAGES = 5;
/**
 * Shared slots: per stage the units claimed so far by every thread, then per stage those the
 * workers took from the back of the list, then each worker's state per stage.
 */
const CLAIMED = 0;
const FROM_BACK = STAGES;
const STATES = 2 * STAGES;
/** The layout of the shared slots, for a stand-in worker (tests). */
export const SHARED_SLOTS = { stages: STAGES, claimed: CLAIMED, fromBack: FROM_BACK, states: STATES } as const;
/** A worker's state in a stage: not joined (the stage may still be open), closed by the main thread, joined by the worker. */
export const OPEN = 0;
export const CLOSED = 1;
export const JOINED = 2;

/** The shared slot of worker `id`'s state in `stage`. */
export function stateSlot(id: number, stage: number): number {
  return STATES + id * STAGES + stage;
}

/**
 * Claims the stage's units one at a time until none is left: `each` gets the job's position.
 * The main thread takes them from the front of the list, the workers from its back, and a
 * stage's list is grouped by front end when a pool runs it (`run-units.ts`): each thread then
 * runs mostly the units of a few front ends, so V8 compiles and optimizes less of the same code
 * twice (every thread has a JIT and a heap of its own). Every claim first counts against the
 * list's length on the shared counter, so the two ends never take the same unit; the back's
 * own counter is shared by the workers, the front's is this call's alone (one main thread).
 */
export function claimEach(state: Int32Array, work: Pick<StageWork, 'stage' | 'jobs'>, end: 'front' | 'back', each: (k: number) => void): void {
  const last = work.jobs.length - 1;
  let front = 0;
  for (;;) {
    if (Atomics.add(state, CLAIMED + work.stage, 1) > last) return;
    each(end === 'front' ? front++ : last - Atomics.add(state, FROM_BACK + work.stage, 1));
  }
}

/** Main thread → worker. */
export interface StageMessage extends StageWork {
  type: 'stage';
  planHash: string;
}

/** Worker → main thread. */
export type WorkerMessage = { type: 'results'; stage: number; results: [job: number, unit: RanUnit][] } | { type: 'mismatch' };

/** What a worker is started with (`workerData`). */
export interface WorkerStart<O> {
  kind: 'mlops-iac-lint-units';
  id: number;
  /** Threads of the run, the main thread included (each takes its share of the memory budget). */
  threads: number;
  shared: SharedArrayBuffer;
  /** The lint options, without the functions (`LintOptions` that a structured clone carries). */
  options: O;
}

// Defined by scripts/build.mjs in the code-split build (dist/cli.js, dist/api.js): the worker
// entry's file name beside them. Absent in the single-file Action bundle and when running the
// TypeScript sources (tests): units then run on one thread.
declare const __MLOPS_WORKER_ENTRY__: string | undefined;

/** The worker entry of this build, or undefined when the build has none. */
export function workerScript(): string | undefined {
  if (typeof __MLOPS_WORKER_ENTRY__ !== 'string') return undefined;
  const here = path.dirname(fileURLToPath(import.meta.url));
  // This module sits in dist/chunks/ (shared code) or, bundled into an entry, in dist/.
  const file = path.join(path.basename(here) === 'chunks' ? path.dirname(here) : here, __MLOPS_WORKER_ENTRY__);
  return fs.existsSync(file) ? file : undefined;
}

interface Member {
  id: number;
  worker: Worker;
  alive: boolean;
  /** Results that arrived, by stage, and who waits for them. */
  arrived: Map<number, [number, RanUnit][]>;
  waiting: Map<number, (r: [number, RanUnit][]) => void>;
}

export class UnitWorkerPool implements StageRunner {
  private readonly state: Int32Array;
  private readonly members: Member[] = [];
  private planHash = '';
  /** Units run here, units run by workers, ms this thread waited for workers' results (MLOPS_IAC_LINT_TIMING). */
  readonly stats = { here: 0, workers: 0, waitedMs: 0, lost: 0 };

  private constructor(shared: SharedArrayBuffer) {
    this.state = new Int32Array(shared);
  }

  /** Starts `count` workers on `script`; they begin planning the run at once. */
  static async start<O>(script: string, count: number, options: O): Promise<UnitWorkerPool> {
    // Loaded only when a pool is made: a one-file run never needs it (start-up).
    const { Worker } = await import('node:worker_threads');
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (STATES + count * STAGES));
    const pool = new UnitWorkerPool(shared);
    shareMemory(count + 1);
    for (let id = 0; id < count; id++) {
      const data: WorkerStart<O> = { kind: 'mlops-iac-lint-units', id, threads: count + 1, shared, options };
      // A smaller young generation than V8's default for each worker: with one heap per thread,
      // the default's reserve, times the threads, was most of the peak RSS a pool added.
      const worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      const m: Member = { id, worker, alive: true, arrived: new Map(), waiting: new Map() };
      worker.on('message', (msg: WorkerMessage) => pool.received(m, msg));
      // A worker that fails (a bug of ours) or exits leaves its claimed units to this thread.
      worker.on('error', () => pool.lost(m));
      worker.on('messageerror', () => pool.lost(m));
      worker.on('exit', () => pool.lost(m));
      pool.members.push(m);
    }
    return pool;
  }

  /** This thread's plan: a worker whose own plan differs takes no part. */
  setPlan(hash: string): void {
    this.planHash = hash;
  }

  async run(work: StageWork, local: (job: UnitJob) => void): Promise<Map<number, RanUnit>> {
    // The workers' results; `here`: the units this thread ran (their results went to `local`'s caller).
    const ran = new Map<number, RanUnit>();
    const here = new Set<number>();
    const live = this.members.filter((m) => m.alive);
    const message: StageMessage = { type: 'stage', planHash: this.planHash, ...work };
    for (const m of live) m.worker.postMessage(message);
    claimEach(this.state, work, 'front', (k) => {
      local(work.jobs[k]!);
      here.add(work.jobs[k]!.index);
      this.stats.here++;
    });
    // Nothing left to claim: close the stage to the workers that have not joined it.
    const joined = live.filter((m) => Atomics.compareExchange(this.state, stateSlot(m.id, work.stage), OPEN, CLOSED) !== OPEN);
    const t0 = performance.now();
    for (const m of joined) {
      for (const [k, r] of await this.resultsOf(m, work.stage)) {
        ran.set(work.jobs[k]!.index, r);
        this.stats.workers++;
      }
    }
    this.stats.waitedMs += performance.now() - t0;
    // Units a failed worker had claimed run here.
    for (const job of work.jobs) {
      if (ran.has(job.index) || here.has(job.index)) continue;
      local(job);
      this.stats.here++;
    }
    return ran;
  }

  /** Stops every worker (they hold nothing the run needs once the last stage is merged). */
  async close(): Promise<void> {
    const all = this.members.splice(0);
    for (const m of all) m.alive = false;
    await Promise.all(all.map((m) => m.worker.terminate()));
  }

  private resultsOf(m: Member, stage: number): Promise<[number, RanUnit][]> {
    const got = m.arrived.get(stage);
    if (got) return Promise.resolve(got);
    if (!m.alive) return Promise.resolve([]);
    return new Promise((resolve) => m.waiting.set(stage, resolve));
  }

  private received(m: Member, msg: WorkerMessage): void {
    if (msg.type === 'mismatch') {
      this.lost(m);
      return;
    }
    const wait = m.waiting.get(msg.stage);
    if (wait) {
      m.waiting.delete(msg.stage);
      wait(msg.results);
    } else m.arrived.set(msg.stage, msg.results);
  }

  private lost(m: Member): void {
    if (!m.alive) return;
    m.alive = false;
    this.stats.lost++;
    for (const wait of m.waiting.values()) wait([]);
    m.waiting.clear();
    void m.worker.terminate();
  }
}
