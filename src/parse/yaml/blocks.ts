/**
 * Block ranges of a positioned YAML tree, for suppression scopes (RULES.md "Inline
 * suppressions": a directive on its own line covers the next line, and the whole block when
 * that line opens a YAML mapping; a key whose scalar value runs over several lines, `run: |`
 * and its script, is read as opening a block too). Read from the parsed tree, not from indentation, so flow
 * collections, compact sequences and block scalars are scoped exactly.
 */
import { isMap, isPair, isSeq, isScalar } from './guards.js';
import type { Document } from 'yaml';
import type { LineMap, Range } from '../../core/source.js';

interface Ranged {
  range?: [number, number, number] | null;
}

/** `/\s/` for one character: ASCII blanks and line breaks by code, anything else by the regex. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}

/**
 * A block's range from `start` to a collection's `end`: a block collection's range runs up to
 * the next line, so it ends at its last character instead. Shared with fast-reader.ts, whose
 * blocks must be these.
 */
export function trimmedBlockRange(lineMap: LineMap, start: number, end: number): Range {
  const text = lineMap.text;
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return lineMap.range(start, e);
}

/** Whether the text from `start` to `end` (trailing blanks and line breaks left out) runs onto another line. */
export function spansLines(lineMap: LineMap, start: number, end: number): boolean {
  const r = trimmedBlockRange(lineMap, start, end);
  return r.end.line > r.start.line;
}

/**
 * Each document's root mapping is a block too: a directive on its own line above its first key
 * (`apiVersion:`, a workflow's `name:`) covers that whole document. The keys that name a
 * document (`apiVersion:`, a workflow's `on:`) open a block too when another key comes first
 * (`name: deploy` above `on: push`): from that key to the document's end, so a directive above
 * `on:` covers the triggers and every job. Made from the documents' trees, which both readers
 * build alike; `blocks` is sorted again.
 */
export function addRootBlocks(out: { roots: readonly { range: Range; type?: string; entries?: readonly { key: string; keyRange: Range }[] }[]; blocks: Range[]; lineMap: LineMap }): void {
  for (const r of out.roots) {
    out.blocks.push(trimmedBlockRange(out.lineMap, r.range.start.offset, r.range.end.offset));
    // The `---` that starts the document opens it too: a directive above the separator (at the
    // end of the previous document) speaks for the document after it, not for the marker.
    const marker = documentMarkerLine(out.lineMap, r.range.start.line);
    if (marker !== undefined) out.blocks.push(trimmedBlockRange(out.lineMap, out.lineMap.offsetOf(marker, 1), r.range.end.offset));
    if (r.type !== 'map' || !r.entries) continue;
    for (const [i, e] of r.entries.entries()) if (i > 0 && DOCUMENT_KEYS.has(e.key)) out.blocks.push(trimmedBlockRange(out.lineMap, e.keyRange.start.offset, r.range.end.offset));
  }
  out.blocks.sort((a, b) => a.start.offset - b.start.offset || b.end.offset - a.end.offset);
}

/** The line of the `---` just above a document's first line (blank and comment lines between), if any. */
function documentMarkerLine(lineMap: LineMap, firstLine: number): number | undefined {
  for (let l = firstLine - 1; l >= 1; l--) {
    const t = lineMap.lineText(l).trim();
    if (t === '' || t.startsWith('#')) continue;
    return /^---(?:\s|#|$)/.test(t) && t.replace(/#.*$/, '').trim() === '---' ? l : undefined;
  }
  return undefined;
}

/** Top-level keys that name what a document is: a directive above one speaks for the document (a workflow's `on:`, a manifest's `apiVersion:`). */
const DOCUMENT_KEYS: ReadonlySet<string> = new Set(['on', 'apiVersion']);

/** Every `key:` whose value is a collection (key to the end of its value) and every sequence item that is a collection. */
export function yamlTreeBlockRanges(docs: readonly Document.Parsed[], lineMap: LineMap): Range[] {
  const out: Range[] = [];
  const stack: unknown[] = docs.map((d) => d.contents);
  let guard = 0;
  while (stack.length > 0 && guard++ < 1_000_000) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p)) continue;
        const key = p.key as Ranged | null;
        const value = p.value as Ranged | null;
        if ((isMap(value) || isSeq(value)) && key?.range && value?.range) out.push(trimmedBlockRange(lineMap, key.range[0], value.range[1]));
        // A key whose scalar value runs over several lines (`run: |` and its script) opens a block too.
        else if (isScalar(value) && key?.range && value?.range && spansLines(lineMap, key.range[0], value.range[1])) out.push(trimmedBlockRange(lineMap, key.range[0], value.range[1]));
        stack.push(p.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const r = (item as Ranged | null)?.range;
        if ((isMap(item) || isSeq(item)) && r) out.push(trimmedBlockRange(lineMap, r[0], r[1]));
        if (!isScalar(item)) stack.push(item);
      }
    }
  }
  return out.sort((a, b) => a.start.offset - b.start.offset || b.end.offset - a.end.offset);
}
