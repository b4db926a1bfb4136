/**
 * Offset → position lookup with the same semantics as `LineMap` (`\r\n`, lone `\r` and
 * lone `\n` each end a line; 1-based line/column in UTF-16 units), tuned for the parser:
 * line starts are found with `indexOf`, and lookups remember the last line because the
 * parser asks for positions in nearly ascending order.
 */
import type { Position, Range } from '../../model/source.js';

export class Positions {
  private readonly starts: number[];
  private last = 0;

  constructor(text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      let i = text.indexOf('\n');
      while (i >= 0) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 10) starts.push(i + 1);
        else if (ch === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  position(offset: number): Position {
    const starts = this.starts;
    let line = this.last;
    const next = starts[line + 1];
    if (!(starts[line]! <= offset && (next === undefined || offset < next))) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
      this.last = lo;
    }
    return { line: line + 1, column: offset - starts[line]! + 1, offset };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
