/**
 * When a run uses worker threads (issue 15, item 2), and the pool's life. Workers start with
 * the run when it walks folders (they plan it on their own cores meanwhile), unless a warm
 * cache is expected to leave little to do; otherwise a pool starts when a stage turns out to
 * have many units to run. A run with few units never keeps one: a worker costs its start-up
 * and a plan of its own, which only many units repay.
 */
import { planHash, type StageRunner, type UnitRun } from './run-units.js';
import { UnitWorkerPool } from './workers.js';

/**
 * Units to run before a pool is started. bench/threads.mjs measures the question on the machine
 * at hand; on 2 cores a worker paid only on runs of a thousand units or more (api.ts
 * `autoThreads`: `auto` uses none there), so this bound is the cost side only: below it a
 * worker's start-up, plan and JIT warm-up (the first pass over the corpus's .tf files parses
 * 6–8× slower than a warm one) cannot be repaid, whatever the cores.
 */
export const MIN_UNITS_FOR_WORKERS = 40;

/** The threshold in force: MLOPS_IAC_LINT_WORKER_THRESHOLD overrides it (bench/threads.mjs measures below it). */
function threshold(): number {
  const raw = process.env.MLOPS_IAC_LINT_WORKER_THRESHOLD;
  const v = raw ? Number(raw) : NaN;
  return Number.isInteger(v) && v >= 0 ? v : MIN_UNITS_FOR_WORKERS;
}

export interface ThreadSettings<O> {
  /** The worker entry of this build (`workerScript()`), or undefined: one thread. */
  script: string | undefined;
  /** Threads in all, this one included. */
  count: number;
  /** Start the workers now, before the plan. */
  early: boolean;
  /** The lint options a worker plans with (no functions). */
  options: O;
}

export class RunThreads<O> {
  private pool: Promise<UnitWorkerPool> | undefined;
  private run: UnitRun | undefined;
  /** The plan's hash, made when a pool first runs a stage (a run on one thread never hashes its plan). */
  private hash: string | undefined;
  /** A stage ran on the pool (its counts are worth printing). */
  private used = false;

  constructor(private readonly settings: ThreadSettings<O>) {
    if (settings.early && this.usable()) this.pool = this.start();
  }

  /** The plan is made: a pool started early goes when the run has too few units. */
  async planned(run: UnitRun): Promise<void> {
    this.run = run;
    if (run.units.length < threshold()) await this.close();
  }

  /** Where a stage with `jobs` units to run runs: the pool (started now if it pays), or undefined for this thread alone. */
  runnerFor(jobs: number): StageRunner | undefined {
    if (!this.usable() || !this.run) return undefined;
    if (!this.pool) {
      if (jobs < threshold()) return undefined;
      this.pool = this.start();
    }
    const pool = this.pool;
    const hash = (this.hash ??= planHash(this.run!));
    this.used = true;
    return {
      run: async (work, local) => {
        const p = await pool;
        p.setPlan(hash);
        return p.run(work, local);
      },
    };
  }

  async close(): Promise<void> {
    const p = this.pool;
    this.pool = undefined;
    if (!p) return;
    const pool = await p;
    // The counts, and the worker entry the threads were started from (which build's, tests ask).
    if (process.env.MLOPS_IAC_LINT_TIMING && this.used) process.stderr.write(`threads: ${JSON.stringify({ ...pool.stats, script: this.settings.script })}\n`);
    await pool.close();
  }

  private usable(): boolean {
    return this.settings.script !== undefined && this.settings.count > 1;
  }

  private start(): Promise<UnitWorkerPool> {
    return UnitWorkerPool.start(this.settings.script!, this.settings.count - 1, this.settings.options);
  }
}
