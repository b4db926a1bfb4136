/**
 * Range markers in test sources: `⟦` opens and `⟧` closes an expected finding range, as in
 * `vm_size = ⟦"Standard_D16s_v5"⟧`. Markers nest like brackets (`⟦⟦x⟧⟧` is two findings on
 * the same text, `⟦⟧` an empty range). They are removed before the file is written.
 */
export const OPEN = '⟦';
export const CLOSE = '⟧';

/** A half-open range of offsets into the marker-free text (`end` is exclusive, as in src/core/source.ts). */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface Stripped {
  text: string;
  /** In the order of their opening marker. */
  ranges: OffsetRange[];
}

/** Removes the markers and returns the ranges they delimit; throws on unbalanced markers. */
export function stripMarkers(marked: string): Stripped {
  let text = '';
  const open: number[] = [];
  const ranges: { range: OffsetRange; order: number }[] = [];
  let order = 0;
  const openOrder: number[] = [];
  for (const ch of marked) {
    if (ch === OPEN) {
      open.push(text.length);
      openOrder.push(order++);
    } else if (ch === CLOSE) {
      const start = open.pop();
      if (start === undefined) throw new Error(`a ${CLOSE} at offset ${text.length} closes nothing`);
      ranges.push({ range: { start, end: text.length }, order: openOrder.pop()! });
    } else text += ch;
  }
  if (open.length) throw new Error(`${open.length} ${OPEN} marker(s) are never closed (the first at offset ${open[0]})`);
  return { text, ranges: ranges.sort((a, b) => a.order - b.order).map((r) => r.range) };
}

/**
 * Inserts markers for `ranges` into `text` (the inverse of `stripMarkers`, used by the
 * conversion script). Throws when two ranges cross, which brackets cannot express.
 */
export function insertMarkers(text: string, ranges: readonly OffsetRange[]): string {
  // Outer ranges open first and close last; a range ending where another starts closes first.
  type Mark = { at: number; kind: 'open' | 'close'; range: OffsetRange };
  const marks: Mark[] = [];
  for (const r of ranges) {
    if (r.start > r.end || r.end > text.length) throw new Error(`range ${r.start}-${r.end} is outside the text`);
    marks.push({ at: r.start, kind: 'open', range: r }, { at: r.end, kind: 'close', range: r });
  }
  marks.sort((a, b) => {
    if (a.at !== b.at) return a.at - b.at;
    if (a.kind !== b.kind) {
      // at one offset: closes of non-empty ranges, then opens, then closes of empty ranges
      const empty = (m: Mark): boolean => m.range.start === m.range.end;
      if (a.kind === 'close' && !empty(a)) return -1;
      if (b.kind === 'close' && !empty(b)) return 1;
      return a.kind === 'open' ? -1 : 1;
    }
    if (a.kind === 'open') return b.range.end - a.range.end; // the longer range opens first
    return b.range.start - a.range.start; // the one opened last closes first
  });
  let out = '';
  let pos = 0;
  for (const m of marks) {
    out += text.slice(pos, m.at) + (m.kind === 'open' ? OPEN : CLOSE);
    pos = m.at;
  }
  out += text.slice(pos);
  const back = stripMarkers(out);
  const key = (r: OffsetRange): string => `${r.start}:${r.end}`;
  if (back.text !== text || [...back.ranges].map(key).sort().join() !== [...ranges].map(key).sort().join())
    throw new Error(`the ranges ${ranges.map(key).join(', ')} cross; brackets cannot mark them`);
  return out;
}
