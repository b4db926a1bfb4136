/**
 * Public entry of the native Bicep parser: `.bicep` → {@link BicepFile}, `.bicepparam` →
 * {@link BicepParamFile}. Both never throw; syntax errors are in `errors` with exact ranges.
 */
import { LineMap } from '../../model/source.js';
import type { BicepFile, BicepParamFile, BicepSyntaxError } from './ast.js';
import { Parser } from './parser.js';

export type * from './ast.js';
export { lex } from './lexer.js';
export type { Token, TokenType, LexResult } from './lexer.js';

/** Parses a `.bicep` file. `file` is only recorded in the result. */
export function parseBicep(text: string, file: string): BicepFile {
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
export function parseBicepParam(text: string, file: string): BicepParamFile {
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

function internalError(e: unknown, lineMap: LineMap): BicepSyntaxError {
  const detail = e instanceof Error ? e.message : String(e);
  return { message: `Internal error in the Bicep parser: ${detail}`, range: lineMap.range(0, 0) };
}
