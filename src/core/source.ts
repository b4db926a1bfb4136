/**
 * Source positions shared by every parser, evaluator, rule and reporter.
 *
 * Lines and columns are 1-based. Columns count UTF-16 code units (JavaScript string
 * indices), which is what SARIF's default `columnKind: "utf16CodeUnits"` expects.
 * `end` is exclusive: `end.column` is the column of the character *after* the last one,
 * exactly like SARIF's `endColumn`.
 */
export interface Position {
  line: number;
  column: number;
  /** 0-based UTF-16 offset into the file text. */
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A range in a named file. `file` is an absolute path; reporters relativize it. */
export interface Location {
  file: string;
  range: Range;
  /** What this place is, for related locations: "variable \"gpu_size\"", "prod.tfvars", … */
  label?: string;
  /**
   * The named symbol declared here, when this place is the declaration of an input or a
   * template variable that a value flowed through (a `via` entry). Rules read this, never
   * the display `label`.
   */
  symbol?: SymbolRef;
}

/** A declared input or template variable, as a value's `via` chain records it. */
export interface SymbolRef {
  /** `input`: a Terraform variable, an ARM/Bicep parameter; `variable`: an ARM/Bicep template variable. */
  kind: 'input' | 'variable';
  name: string;
  /**
   * A template variable's whole declaration (its name and the value written), when the location
   * itself is its header only: a literal written inside it is held by the variable, not an input.
   */
  declaration?: Range;
}

/** Lines `position` steps forward from the last lookup's before it searches. */
const FORWARD_STEPS = 4;

/** The last index in `starts[lo..hi]` whose line start is at or before `offset` (lo when none is: offsets before the text are on its first line). */
function lastStartAtOrBefore(starts: readonly number[], offset: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps offsets to 1-based line/column. `\r\n`, lone `\r` and lone `\n` each end a line. */
export class LineMap {
  private readonly lineStarts: number[];
  /** The line of the last lookup: parsers ask for positions in nearly ascending order. */
  private lastLine = 0;

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // Common case: only \n line ends; indexOf is much faster than a character loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      // CR LF, a lone CR and a lone LF each end a line. The next CR and the next LF are found
      // with indexOf, not by testing every character (issue 15: Windows line ends are common,
      // and this loop was ~6 % of ARM evaluation's time).
      let cr = text.indexOf('\r');
      let lf = text.indexOf('\n');
      while (cr >= 0 || lf >= 0) {
        // The last character of the next line break.
        const end = cr >= 0 && (lf < 0 || cr < lf) ? (lf === cr + 1 ? lf : cr) : lf;
        starts.push(end + 1);
        if (cr >= 0 && cr <= end) cr = text.indexOf('\r', end + 1);
        if (lf >= 0 && lf <= end) lf = text.indexOf('\n', end + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    let line = this.lastLine;
    if (offset < starts[line]!) {
      line = lastStartAtOrBefore(starts, offset, 0, line - 1);
    } else {
      // Parsers mostly ask for the same line or one of the next few (a node's end, the next
      // token): a few steps forward before a search (issue 15: two of three lookups missed
      // the same-line test, and each miss was a binary search over the whole file).
      const last = starts.length - 1;
      const stop = Math.min(last, line + FORWARD_STEPS);
      while (line < stop && starts[line + 1]! <= offset) line++;
      if (line === stop && line < last && starts[line + 1]! <= offset) line = lastStartAtOrBefore(starts, offset, line + 1, last);
    }
    this.lastLine = line;
    return { line: line + 1, column: offset - starts[line]! + 1, offset };
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }

  /** The text of a 1-based line without its line terminator. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    let end = next ?? this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.text.slice(start, end);
  }

  offsetOf(line: number, column: number): number {
    return (this.lineStarts[line - 1] ?? this.text.length) + column - 1;
  }
}

export function pointRange(pos: Position): Range {
  return { start: pos, end: pos };
}

/** A location covering line 1, column 1 of a file (TF002, unreadable files). */
export function fileStart(file: string): Location {
  return { file, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
}

/** Whether `inner` lies within `outer` (same file, its range inside or equal). */
export function locationContains(outer: Location, inner: Location): boolean {
  return outer.file === inner.file && outer.range.start.offset <= inner.range.start.offset && outer.range.end.offset >= inner.range.end.offset;
}

/** A key of a location's place (file and range), equal for `sameRange` locations. */
export function locationKey(l: Location): string {
  return `${l.file}\u0000${l.range.start.offset}\u0000${l.range.end.offset}`;
}

/** Whether two locations are the same place: the same file and the same range. */
export function sameRange(a: Location, b: Location): boolean {
  return a.file === b.file && a.range.start.offset === b.range.start.offset && a.range.end.offset === b.range.end.offset;
}

export function compareLocations(a: Location, b: Location): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset;
}
