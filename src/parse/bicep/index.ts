/**
 * Public entry of the native Bicep parser: `.bicep` → {@link BicepFile}, `.bicepparam` →
 * {@link BicepParamFile}. Both never throw; syntax errors are in `errors` with exact ranges.
 * A leading byte-order mark is stripped first: `text`, offsets and columns refer to the text
 * after it (so the first character of a file with a BOM is still at 1:1).
 */
import { LineMap } from '../../core/source.js';
import type { BicepFile, BicepParamFile, BicepSyntaxError } from './ast.js';
import { Parser } from './parser.js';

export type * from './ast.js';
export { lex } from './lexer.js';
export { childNodes, walkBicep } from './visit.js';
export type { Token, TokenType, LexResult } from './lexer.js';

/** Parses a `.bicep` file. `file` is only recorded in the result. */
export function parseBicep(input: string, file: string): BicepFile {
  const text = stripBom(input);
  try {
    const p = new Parser(text);
    const statements = p.parseProgram('bicep');
    return {
      kind: 'BicepFile',
      file,
      text,
      lineMap: p.lineMap,
      statements,
      comments: p.comments,
      pragmas: p.pragmas,
      errors: p.finishErrors(),
      range: p.lineMap.range(0, text.length),
    };
  } catch (e) {
    const lineMap = new LineMap(text);
    return { kind: 'BicepFile', file, text, lineMap, statements: [], comments: [], pragmas: [], errors: [internalError(e, lineMap)], range: lineMap.range(0, text.length) };
  }
}

/** Parses a `.bicepparam` file. `file` is only recorded in the result. */
export function parseBicepParam(input: string, file: string): BicepParamFile {
  const text = stripBom(input);
  try {
    const p = new Parser(text);
    const statements = p.parseProgram('params');
    return {
      kind: 'BicepParamFile',
      file,
      text,
      lineMap: p.lineMap,
      statements,
      comments: p.comments,
      pragmas: p.pragmas,
      errors: p.finishErrors(),
      range: p.lineMap.range(0, text.length),
    };
  } catch (e) {
    const lineMap = new LineMap(text);
    return { kind: 'BicepParamFile', file, text, lineMap, statements: [], comments: [], pragmas: [], errors: [internalError(e, lineMap)], range: lineMap.range(0, text.length) };
  }
}

/** A leading U+FEFF is not part of the text (Bicep strips it; editors do not count it as a column). */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function internalError(e: unknown, lineMap: LineMap): BicepSyntaxError {
  const detail = e instanceof Error ? e.message : String(e);
  return { message: `Internal error in the Bicep parser: ${detail}`, range: lineMap.range(0, 0) };
}
