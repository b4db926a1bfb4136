/**
 * Public entry of the native Bicep parser: one parse for both file kinds, `.bicep` →
 * {@link BicepFile} and `.bicepparam` → {@link BicepParamFile} (`parseBicep` and
 * `parseBicepParam` are its two typed names). It never throws; syntax errors are in `errors`
 * with exact ranges. A leading byte-order mark is stripped first: `text`, offsets and columns
 * refer to the text after it (so the first character of a file with a BOM is still at 1:1).
 */
import { LineMap } from '../../core/source.js';
import type { BicepFile, BicepParamFile, BicepSyntaxError, Decorator, Identifier, ParamFileStatement, Statement, TypeExpr } from './ast.js';
import { Parser } from './parser.js';
import { forEachBicepNode } from './visit.js';

export type * from './ast.js';
export { lex } from './lexer.js';
export { childNodes, forEachBicepNode, walkBicep } from './visit.js';
export type { Token, TokenType, LexResult } from './lexer.js';

/** What is parsed: a Bicep file or a Bicep parameters file. */
export type BicepSourceKind = 'bicep' | 'params';
type Parsed<K extends BicepSourceKind> = K extends 'params' ? BicepParamFile : BicepFile;

/** Parses Bicep source of the given kind. `file` is only recorded in the result. */
export function parseBicepSource<K extends BicepSourceKind>(input: string, file: string, kind: K): Parsed<K> {
  const text = stripBom(input);
  const fileKind = kind === 'params' ? 'BicepParamFile' : 'BicepFile';
  try {
    const p = new Parser(text);
    // `parseProgram` is overloaded per mode; the statement type follows `kind` through `Parsed<K>`.
    const statements = kind === 'params' ? p.parseProgram('params') : p.parseProgram('bicep');
    const range = p.lineMap.range(0, text.length);
    const errors = [...p.finishErrors(), ...duplicateDeclarations(statements, p.lineMap), ...allowedOnTypes(statements)].sort((a, b) => a.range.start.offset - b.range.start.offset);
    const parsed = { kind: fileKind, file, text, lineMap: p.lineMap, statements, comments: p.comments, pragmas: p.pragmas, errors, range } as Parsed<K>;
    MEMBER_READS.set(parsed, p.memberReadNames());
    return parsed;
  } catch (e) {
    const lineMap = new LineMap(text);
    return { kind: fileKind, file, text, lineMap, statements: [], comments: [], pragmas: [], errors: [internalError(e, lineMap)], range: lineMap.range(0, text.length) } as Parsed<K>;
  }
}

/**
 * The names read by property or element (`kv.vaultName`, `kv.?sku`, `secrets[0]`) in a parsed
 * file's statements: as the parser collected them while it made the nodes, or, for a tree not
 * made by `parseBicepSource`, found by a walk of it (once per tree). Kept beside the tree, not
 * in it: the tree's shape stays the syntax.
 */
export function memberReadNames(file: BicepFile | BicepParamFile): ReadonlySet<string> {
  let names = MEMBER_READS.get(file);
  if (!names) {
    const found = new Set<string>();
    forEachBicepNode(file, (node) => {
      if ((node.kind === 'PropertyAccess' || node.kind === 'IndexAccess') && node.object.kind === 'Variable') found.add(node.object.name);
    });
    names = found;
    MEMBER_READS.set(file, names);
  }
  return names;
}

const MEMBER_READS = new WeakMap<BicepFile | BicepParamFile, ReadonlySet<string>>();

/** Parses a `.bicep` file. */
export const parseBicep = (input: string, file: string): BicepFile => parseBicepSource(input, file, 'bicep');

/** Parses a `.bicepparam` file. */
export const parseBicepParam = (input: string, file: string): BicepParamFile => parseBicepSource(input, file, 'params');

/**
 * Names declared twice at the top of a file: Bicep refuses the file (BCP028, "Identifier … is
 * declared multiple times"; outputs have a namespace of their own), so it is an error at the
 * second declaration, as a syntax error is: the file is not evaluated (review 74: the last
 * declaration was judged silently).
 */
function duplicateDeclarations(statements: readonly (Statement | ParamFileStatement)[], lineMap: LineMap): BicepSyntaxError[] {
  const out: BicepSyntaxError[] = [];
  const identifiers = new Map<string, Identifier>();
  const outputs = new Map<string, Identifier>();
  const declare = (table: Map<string, Identifier>, id: Identifier | null | undefined, what: string, code?: string): void => {
    if (!id) return;
    const first = table.get(id.name);
    if (!first) {
      table.set(id.name, id);
      return;
    }
    const line = lineMap.position(first.range.start.offset).line;
    out.push({ message: `${what} "${id.name}" is declared again (first on line ${line}): Bicep refuses the file${code ? ` (${code})` : ''}; remove or rename one of them`, range: id.range, ...(code ? { code } : {}) });
  };
  for (const st of statements) {
    switch (st.kind) {
      case 'ParamDecl':
      case 'ParamAssignment':
      case 'VarDecl':
      case 'TypeDecl':
      case 'FuncDecl':
      case 'ResourceDecl':
      case 'ModuleDecl':
        declare(identifiers, st.name, 'Identifier', 'BCP028');
        break;
      case 'ImportDecl':
        if (st.form === 'named') for (const item of st.items) declare(identifiers, item.alias ?? (item.name.kind === 'Identifier' ? item.name : null), 'Identifier', 'BCP028');
        else declare(identifiers, st.alias, 'Identifier', 'BCP028');
        break;
      case 'OutputDecl':
        declare(outputs, st.name, 'Output');
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * `@allowed([...])` on a `type` declaration, an object type's property or a tuple item: Bicep
 * refuses the file (BCP297, "Function "allowed" cannot be used as a type decorator": the
 * compiler's own test baseline src/Bicep.Core.Samples/Files/baselines/InvalidTypeDeclarations_LF
 * in Azure/bicep; "This decorator is only permitted on `param` statements. To declare that a
 * property must be one of a set of predefined values in a `type` or `output` statement, use
 * union type syntax", https://learn.microsoft.com/azure/azure-resource-manager/bicep/file#decorators).
 * So it is an error at the decorator, as a syntax error is: the file is not evaluated, and no
 * guard is read from a decorator that never reaches a deployment (review 105 had asked to read
 * it as one).
 */
function allowedOnTypes(statements: readonly (Statement | ParamFileStatement)[]): BicepSyntaxError[] {
  const out: BicepSyntaxError[] = [];
  const check = (decorators: readonly Decorator[], what: string): void => {
    for (const d of decorators) {
      if (d.name !== 'allowed' || (d.namespace !== null && d.namespace !== 'sys')) continue;
      out.push({ message: `The decorator "@allowed" cannot be used on ${what}: Bicep refuses the file (BCP297); write the allowed values as a union type ('A' | 'B')`, range: d.nameRange, code: 'BCP297' });
    }
  };
  // Types nest no deeper than the parser's nesting limit (MAX_NESTING_DEPTH), so the recursion is bounded.
  const walk = (t: TypeExpr | null | undefined): void => {
    if (!t) return;
    switch (t.kind) {
      case 'ObjectType':
        for (const p of t.properties) {
          check(p.decorators, 'a type property');
          walk(p.value);
        }
        return;
      case 'TupleType':
        for (const item of t.items) {
          check(item.decorators, 'a tuple item');
          walk(item.value);
        }
        return;
      case 'ArrayType':
        return walk(t.element);
      case 'NullableType':
      case 'NonNullType':
        return walk(t.base);
      case 'ParenType':
        return walk(t.type);
      case 'UnionType':
        for (const m of t.members) walk(m);
        return;
      default:
        return;
    }
  };
  for (const st of statements) {
    switch (st.kind) {
      case 'TypeDecl':
        check(st.decorators, 'a type declaration');
        walk(st.value);
        break;
      case 'ParamDecl':
      case 'VarDecl':
      case 'OutputDecl':
        walk(st.type);
        break;
      case 'FuncDecl':
        for (const a of st.params) walk(a.type);
        walk(st.returnType);
        break;
      default:
        break;
    }
  }
  return out;
}

/** A leading U+FEFF is not part of the text (Bicep strips it; editors do not count it as a column). */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function internalError(e: unknown, lineMap: LineMap): BicepSyntaxError {
  const detail = e instanceof Error ? e.message : String(e);
  return { message: `Internal error in the Bicep parser: ${detail}`, range: lineMap.range(0, 0) };
}
