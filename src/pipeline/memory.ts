/**
 * Keeps the heap near what a run really holds (issue 15: peak RSS bounded by the largest unit
 * of work, not by the repository). After each unit its trees are garbage, but V8 collects
 * old-generation garbage lazily and grows the heap instead, so on a large tree the peak
 * resident set was several times the live data. Between units — the one moment almost
 * nothing is live — a full collection is cheap; it is asked for only when the heap has grown
 * well past what the last collection left, so small runs never pay for it.
 */
// node:v8 and node:vm are loaded only when a collection is due (a one-file run never needs them: start-up).
import type V8 from 'node:v8';
import type Vm from 'node:vm';
import { builtinModule } from '../core/builtin.js';

/**
 * Collect when the heap has this much more than after the last collection. On the corpus copied
 * 4× (bench goal 2), one sitting: 64 MB → 302 MB peak RSS and 33.5 s CPU, 48 MB → 280 MB and
 * 31.0 s, 32 MB → 269 MB but 37.6 s (the collections start to cost). Earlier: 96 MB → 316 MB.
 */
const GROWTH_BYTES = 48 * 1024 * 1024;

/** Runs shorter than this many units never look (a one-file run loads nothing for this). */
const FIRST_LOOK = 32;

/** This thread's share of GROWTH_BYTES (`shareMemory`): threads together keep the one-thread bound. */
let growth = GROWTH_BYTES;
let collect: (() => void) | null | undefined;
let liveAfterLast = 0;
let units = 0;
let v8: typeof V8 | undefined;

/** The heap in use: V8's own count (process.memoryUsage() reads /proc and cost 7 % of a run). */
function heapUsed(): number {
  v8 ??= builtinModule<typeof V8>('node:v8');
  return v8.getHeapStatistics().used_heap_size;
}

/**
 * V8's full collection, made callable without `node --expose-gc` (undefined when V8 refuses):
 * a context made while the flag is on holds `gc`. The flag is put back at once, so a program
 * that calls lint() keeps its own flags (no `gc` in its later contexts; V8's flag hash, which
 * code caches are checked against, unchanged). Run with --expose-gc, the global one is used.
 */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return (collect = own as () => void);
  try {
    v8 ??= builtinModule<typeof V8>('node:v8');
    v8.setFlagsFromString('--expose-gc');
    try {
      collect = builtinModule<typeof Vm>('node:vm').runInNewContext('gc') as () => void;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * A run on `threads` threads (worker_threads, one heap each): each thread collects after its
 * share of GROWTH_BYTES, so the garbage all heaps hold together stays what one thread's was
 * (peak RSS of a large tree; measured in `npm run bench`).
 */
export function shareMemory(threads: number): void {
  growth = Math.floor(GROWTH_BYTES / Math.max(1, threads));
}

/** Between units of work: a full collection when the heap grew by this thread's share of GROWTH_BYTES since the last. */
export function betweenUnits(): void {
  if (++units < FIRST_LOOK) return;
  const used = heapUsed();
  if (used - liveAfterLast < growth) return;
  const gc = collector();
  if (!gc) return;
  gc();
  liveAfterLast = heapUsed();
}
