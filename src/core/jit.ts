/**
 * V8's optimizing compiler, tuned for a linter's run (issue 15, goal 1). A scan of a tree runs
 * a great deal of code (five front ends, their evaluators, ~70 rules) a few thousand times
 * each, once: no function stays hot for long. With V8's defaults TurboFan optimizes over a
 * thousand functions per corpus run, inlining their callees, and its background threads spent
 * more CPU than the linting itself: on ../shared/corpus (Node 20, 2 cores) 5.2–5.5 s of
 * background CPU beside 3.8–4.3 s on the main thread, per-thread times read from
 * /proc/self/task. On 2 cores those threads take the core a worker thread would use, and
 * preempt the main thread. With the flags below (one sitting, three cold runs each):
 *
 * | flags                                            | main thread | background |
 * |--------------------------------------------------|-------------|------------|
 * | V8's defaults                                    | 3.8–4.3 s   | 5.2–5.5 s  |
 * | --no-turbo-inlining                              | 3.8–4.6 s   | 3.6–4.0 s  |
 * | --no-turbo-inlining --interrupt-budget=400000    | 4.0–4.9 s   | 1.5–1.9 s  |
 *
 * Fewer, smaller optimized functions: the main thread does about the same work, the process
 * a third less, and the whole-corpus run is faster in wall time, with or without a worker
 * (`npm run bench` reports both). Optimization flags change speed only, never results.
 *
 * Only where it was measured: V8 11.3 (Node 20). Later V8s add Maglev, a fast mid tier, which
 * changes the trade, and may rename these flags (V8 prints an error for an unknown flag).
 * A flag the user gave node on its command line is never overridden (NODE_OPTIONS cannot hold
 * these: node refuses V8 flags there).
 */
import type V8 from 'node:v8';
import { builtinModule } from './builtin.js';

/** The flags, each measured above. `--interrupt-budget` is V8 11.3's 67,584 raised about 6×: a function tiers up later. */
export const SHORT_RUN_JIT_FLAGS: readonly string[] = ['--no-turbo-inlining', '--interrupt-budget=400000'];

/** The V8 line the flags were measured on (Node 20). */
const MEASURED_V8 = /^11\.3\./;

/** The flag's name as V8 matches it (`--no-turbo-inlining` and `--turbo_inlining=x` name `turbo-inlining`). */
function flagName(flag: string): string {
  return flag.replace(/^--(no-)?/, '').replace(/=.*$/, '').replace(/_/g, '-');
}

/** The flags to set in this process: none on another V8, none the user set themselves. */
export function jitFlagsFor(v8Version: string, userArgs: readonly string[]): string[] {
  if (!MEASURED_V8.test(v8Version)) return [];
  const given = new Set(userArgs.filter((a) => a.startsWith('--')).map(flagName));
  return SHORT_RUN_JIT_FLAGS.filter((f) => !given.has(flagName(f)));
}

/**
 * Sets the flags, before the long run's code runs (a worker thread shares the process's flags).
 * A run of named files (pre-commit) calls this only once its walk turns out long (the CLI's
 * LONG_FILES_ONLY_RUN): one or a few files are linted before anything tiers up, and loading
 * node:v8 costs about 1.5 ms of their start-up (bench goal 4).
 */
export function tuneJitForLongRun(): void {
  const flags = jitFlagsFor(process.versions.v8, process.execArgv);
  if (flags.length === 0) return;
  const v8 = builtinModule<typeof V8>('node:v8');
  for (const f of flags) v8.setFlagsFromString(f);
}
