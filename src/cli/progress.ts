/**
 * The progress line: one line on stderr, rewritten in place, shown only when stderr is a
 * terminal and the run has taken more than a second (a quick run, a pipe or a CI log
 * never sees it). It is erased before the report is written.
 *
 *     mlops-iac-lint: reading files 1200/20000 (2.4 s)
 */

import { monotonicMs } from '../core/clock.js';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Nothing is shown before this many milliseconds (default 1000). */
  delayMs?: number;
  /** At most one redraw per this many milliseconds (default 100). */
  intervalMs?: number;
  /** The clock, in milliseconds (tests pass a fake one). */
  now?: () => number;
}

export class Progress {
  private readonly start: number;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private lastDraw = -Infinity;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? monotonicMs;
    this.start = this.now();
    this.delayMs = options.delayMs ?? 1000;
    this.intervalMs = options.intervalMs ?? 100;
  }

  /** Reports where the run is; cheap enough to call once per file. */
  update(phase: string, done: number, total: number): void {
    if (this.stream.isTTY !== true) return;
    const t = this.now();
    const elapsed = t - this.start;
    if (elapsed < this.delayMs || t - this.lastDraw < this.intervalMs) return;
    this.lastDraw = t;
    const count = total > 0 ? ` ${done}/${total}` : '';
    let line = `mlops-iac-lint: ${phase}${count} (${(elapsed / 1000).toFixed(1)} s)`;
    const width = this.stream.columns;
    if (width !== undefined && width > 1 && line.length >= width) line = line.slice(0, width - 1);
    // \r to the line start, the text, then erase what a longer earlier line left.
    this.stream.write(`\r${line}\u001b[K`);
    this.shown = true;
  }

  /** Erases the line, if one was shown. */
  done(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}
