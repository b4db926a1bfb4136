/** Bicep pragmas that suppress diagnostics, read as suppression comments. */
import { LineMap } from '../../core/source.js';
import type { Range } from '../../core/source.js';

/**
 * Bicep's `#disable-next-line ID …` pragmas as comments for `collectSuppressions`
 * (read from the text: a pragma line is not a comment for the Bicep parser). `lineMap`, when
 * given, is the parsed file's map of the same text (positions then cost no second map).
 */
export function collectBicepPragmas(text: string, lineMap?: LineMap): { text: string; range: Range; pragma: true }[] {
  const out: { text: string; range: Range; pragma: true }[] = [];
  // Most files have none: one plain search decides that without the regex or a line map.
  if (!text.includes('#disable-next-line')) return out;
  const lm = lineMap ?? new LineMap(text);
  const re = /^([ \t]*)(#disable-next-line\b[^\r\n]*)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[1]!.length;
    const body = m[2]!.replace(/\s*\/\/.*$/, '').trimEnd();
    out.push({ text: body, range: lm.range(start, start + body.length), pragma: true });
  }
  return out;
}
