/**
 * A YAML file as a data format (Azure ML CLI v2 YAML, Kubernetes manifests; any YAML that is not a CI file): every
 * document's positioned tree, the syntax errors with ranges, every comment (for suppressions)
 * and the block ranges a directive can cover. The same parser settings as the CI files
 * (YAML 1.2, source tokens kept for exact scalar ranges, a nesting guard before composing).
 */
import { Composer, Parser, YAMLParseError } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from './guards.js';
import type { CST, Document } from 'yaml';
import { LineMap, type Position, type Range } from '../../core/source.js';
import { MAX_NESTING_DEPTH, nestingMessage } from '../nesting.js';
import { yamlNestingOverflow } from './nesting.js';
import { addRootBlocks, yamlTreeBlockRanges } from './blocks.js';
import { ALIAS_COPY_BUDGET, aliasFollow, yamlTree, type YamlMap, type YamlTree } from './tree.js';
import { documentAliases, unresolvedAliasMessage } from './aliases.js';
import { withYamlEnv } from './quiet-env.js';
import { readSimpleYaml } from './fast-reader.js';
import { yamlLineBreaks } from './line-breaks.js';

export interface YamlParseError {
  message: string;
  range: Range;
}

export interface ParsedYaml {
  text: string;
  lineMap: LineMap;
  errors: YamlParseError[];
  comments: { text: string; range: Range }[];
  blocks: Range[];
  /** The root mapping of each document (documents whose root is not a mapping are left out). */
  roots: YamlMap[];
  /** Each document's root in file order, mappings, sequences and scalars alike (an empty document is absent). */
  documents: YamlTree[];
  /**
   * The documents without an error of their own, in file order (all of `documents` when `errors`
   * is empty): what a multi-document manifest still says when one of its documents is broken.
   */
  soundDocuments: YamlTree[];
  /** What could not be read although the file parsed (aliases past the copy budget, ALIAS_COPY_BUDGET): EVAL001, as `CiDocument.evaluationNotes`. */
  evaluationNotes?: { message: string; range: Range }[];
}

const ALIAS_CUT_MESSAGE = `the YAML aliases of this file repeat more than ${ALIAS_COPY_BUDGET.toLocaleString('en-US')} nodes; what they repeat past that is not read, so findings there may be missing`;

/**
 * The fields of a CST token or collection item that hold other tokens (yaml's
 * parse/cst.d.ts: `Document.start/value/end`, `BlockScalar.props`, a collection's `items`, an
 * item's `start/key/sep/value`, a flow scalar's or document end's `end`, a flow collection's
 * `start` token). Every other field is a string, a number or a flag.
 */
interface CstNode {
  type?: unknown;
  offset?: unknown;
  source?: unknown;
  start?: unknown;
  key?: unknown;
  sep?: unknown;
  value?: unknown;
  end?: unknown;
  items?: unknown;
  props?: unknown;
}

/**
 * Every comment token of a CST token stream: `[offset, source]` (source keeps its `#`), in
 * no particular order. The parser builds a tree (it moves tokens between arrays, never shares
 * one), so the walk keeps no set of visited objects; a budget far above the number of objects
 * a text of that length yields still stops it should that ever not hold.
 */
function collectYamlComments(tokens: unknown, out: [number, string][], budget: number): void {
  const stack: unknown[] = [tokens];
  const push = (v: unknown): void => {
    if (v && typeof v === 'object') stack.push(v);
  };
  let visited = 0;
  while (stack.length > 0 && visited++ < budget) {
    const t = stack.pop();
    if (Array.isArray(t)) {
      for (const x of t) push(x);
      continue;
    }
    const o = t as CstNode;
    if (o.type === 'comment' && typeof o.offset === 'number' && typeof o.source === 'string') {
      out.push([o.offset, o.source]);
      continue;
    }
    push(o.start);
    push(o.key);
    push(o.sep);
    push(o.value);
    push(o.end);
    push(o.items);
    push(o.props);
  }
}

/**
 * The CST tokens and composed documents of a YAML text, with the settings every YAML reader of
 * the project shares (YAML 1.2, source tokens kept for exact scalar ranges), or the error that
 * stops reading: nesting beyond the limit (checked before composing, which recurses per level)
 * or a parser failure. Never throws.
 */
export function composeYaml(text: string, lineMap: LineMap): { tokens: unknown[]; docs: Document.Parsed[] } | { error: YamlParseError } {
  try {
    const tokens: unknown[] = withYamlEnv(() => [...new Parser().parse(text)]);
    const tooDeep = yamlNestingOverflow(tokens as CST.Token[], MAX_NESTING_DEPTH);
    if (tooDeep !== undefined) return { error: { message: nestingMessage(), range: lineMap.range(tooDeep, tooDeep + 1) } };
    // The library's duplicate-key check compares each key with every key before it (40,000 keys
    // in one mapping took 20 s): off, and the same check made with a set per mapping below.
    const docs = withYamlEnv(() => [...new Composer({ keepSourceTokens: true, version: '1.2', uniqueKeys: false }).compose(tokens as never, true, text.length)]);
    for (const d of docs) addDuplicateKeyErrors(d);
    return { tokens, docs };
  } catch (e) {
    return { error: { message: `YAML parser failed: ${(e as Error).message}`, range: lineMap.range(0, 0) } };
  }
}

/**
 * The library's `DUPLICATE_KEY` errors ("Map keys must be unique"), as its own check makes them
 * (two scalar keys of one mapping with the same value; yaml/dist/compose/util-map-includes.js),
 * at the later key, in document order among the document's other errors. One set per mapping.
 */
const TEMPLATE_DIRECTIVE_KEY = /^\$\{\{[\s\S]*\}\}$/;

function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const p of node.items) {
        const k = p.key;
        // The library compares values with `===`: NaN (`.nan`) is never a duplicate.
        // An Azure Pipelines template directive (`${{ if … }}:`, `${{ else }}:`) is no key: one
        // mapping may hold several if/else groups (Microsoft's "Template expressions": conditional
        // insertion; prettier#12651, vscode-yaml#1056 on pipelines Azure runs), so it may repeat.
        if (isScalar(k) && k.value === k.value && !(typeof k.value === 'string' && TEMPLATE_DIRECTIVE_KEY.test(k.value))) {
          if (seen.has(k.value) && k.range) found.push(new YAMLParseError([k.range[0], Math.max(k.range[0] + 1, k.range[1])], 'DUPLICATE_KEY', 'Map keys must be unique'));
          seen.add(k.value);
        }
        stack.push(p.key, p.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        // `!!omap`/`!!pairs` items are pairs: their values may hold mappings.
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    }
  }
  // Each where the library would have reported it: before the first error at or after its place
  // (the library checks a key before composing its value), the others' order kept.
  for (const e of found.sort((a, b) => a.pos[0] - b.pos[0])) {
    const at = doc.errors.findIndex((x) => x.pos[0] >= e.pos[0]);
    if (at < 0) doc.errors.push(e);
    else doc.errors.splice(at, 0, e);
  }
}

/**
 * A `yaml` library error as PARSE001 reports it: its first line, at its range (RULES.md: "at the
 * exact line/column the parser stopped"), with two corrections where the library's place is not
 * the one to change:
 * - an indentation error (`BAD_INDENT`, or a range of blanks only) sits at the whitespace or
 *   newline before the misplaced item, a blank or comment line when one precedes it: the item's
 *   first character to the end of its line;
 * - an unterminated quoted scalar (`MISSING_CHAR`, "Missing closing "quote"), which the library
 *   places where the text ends: its opening quote, with what to do.
 * A tab used as indentation (`TAB_AS_INDENT`) stays where it is (the tab is the error).
 */
export function yamlError(err: { pos: [number, number]; code?: string; message: string }, text: string, lineMap: LineMap): { message: string; range: Range } {
  const [s, e] = err.pos;
  const message = err.message.split('\n')[0] ?? err.message;
  const quote = err.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(message)?.[1] : undefined;
  if (quote) {
    const open = openingQuote(text, Math.min(s, text.length), quote);
    if (open >= 0) {
      const kind = quote === '"' ? 'double' : 'single';
      return { message: `Unterminated ${kind}-quoted string: it opens here and is never closed; add the closing ${quote} where the value ends`, range: restOfLine(text, open, lineMap) };
    }
  }
  const onlyBlank = /^[ \r\n]*$/.test(text.slice(s, Math.max(s, e)));
  if (err.code === 'BAD_INDENT' || (onlyBlank && e > s)) {
    // Past blanks, line breaks and whole comment lines (a comment between the item and the line before).
    let start = s;
    for (;;) {
      const c = text[start];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') start++;
      else if (c === '#') {
        const eol = text.indexOf('\n', start);
        start = eol < 0 ? text.length : eol;
      } else break;
    }
    if (start < text.length) return { message, range: restOfLine(text, start, lineMap) };
  }
  return { message, range: lineMap.range(s, Math.max(s, e)) };
}

/** From `start` to the end of its line's text (trailing blanks left out), at least one character. */
function restOfLine(text: string, start: number, lineMap: LineMap): Range {
  const lineEnd = text.indexOf('\n', start);
  const end = start + text.slice(start, lineEnd < 0 ? text.length : lineEnd).trimEnd().length;
  return lineMap.range(start, Math.max(start + 1, end));
}

/**
 * The opening quote of a quoted scalar left open at `before` (the end of the file): the last
 * quote before it that the scalar's own escapes do not account for (`\"` in double quotes, `''`
 * in single quotes), or -1.
 */
function openingQuote(text: string, before: number, quote: string): number {
  for (let i = before - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === "'") {
      if (text[i - 1] === "'") {
        i--;
        continue;
      }
      return i;
    }
    let slashes = 0;
    while (text[i - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return i;
  }
  return -1;
}

/** Every comment of a token stream parsed from `text`, in file order: `[offset, source]` (source keeps its `#`). */
export function sortedYamlComments(tokens: unknown, text: string): [number, string][] {
  const raw: [number, string][] = [];
  // A comment token starts with `#`: a text without one has none, and its tree is not walked.
  if (!text.includes('#')) return raw;
  collectYamlComments(tokens, raw, 64 * (text.length + 1024));
  return raw.sort((a, b) => a[0] - b[0]);
}

/**
 * Parses a YAML file. Never throws: a parser failure or nesting beyond the limit is an error
 * with a range. A lone CR is a line break (line-breaks.ts): `text` of the result has LF there.
 * A part of a file (a heredoc inside a script) is `parseYamlPart`.
 */
export function parseYamlFile(source: string): ParsedYaml {
  const text = yamlLineBreaks(source);
  const lineMap = new LineMap(text);
  // Most manifests and Azure ML files are plain block YAML: read directly (fast-reader.ts),
  // with the library only for what that reader does not follow exactly.
  return readSimpleYaml(text, lineMap) ?? parseYamlWithLibrary(text, lineMap);
}

/**
 * Parses a part of a file's text (a heredoc's body inside a script), which starts at offset
 * `start` of the file, with the positions of the file: `at` is where `start` is. Only the part is read: it is parsed alone
 * (its first line padded to its column), and every position of the result is then moved to
 * the file's line and offset. Reading the whole file with all but the part blanked made a
 * script of many heredocs quadratic (1,500 heredocs: 22 s; issue 15's hostile input). The
 * lines above the part are blank for the parser either way. `text` and `lineMap` of the result
 * are the padded part's own.
 */
export function parseYamlPart(part: string, start: number, at: { line: number; column: number }): ParsedYaml {
  const pad = ' '.repeat(Math.max(0, at.column - 1));
  const parsed = parseYamlFile(pad + part);
  movePositions(parsed, at.line - 1, start - pad.length);
  return parsed;
}

/** Moves every position of a parse `lines` lines and `offset` characters down (each position object once: ranges share them). */
function movePositions(parsed: ParsedYaml, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  const moved = new Set<Position>();
  const move = (p: Position): void => {
    if (moved.has(p)) return;
    moved.add(p);
    p.line += lines;
    p.offset += offset;
  };
  const moveRange = (r: Range): void => {
    move(r.start);
    move(r.end);
  };
  const seen = new Set<YamlTree>();
  const moveTree = (t: YamlTree): void => {
    // An alias copy may hold a node twice.
    if (seen.has(t)) return;
    seen.add(t);
    moveRange(t.range);
    if (t.type === 'map') {
      for (const e of t.entries) {
        moveRange(e.keyRange);
        moveRange(e.range);
        if (e.value) moveTree(e.value);
      }
    } else if (t.type === 'seq') for (const i of t.items) moveTree(i);
  };
  for (const e of parsed.errors) moveRange(e.range);
  for (const c of parsed.comments) moveRange(c.range);
  for (const b of parsed.blocks) moveRange(b);
  // `roots` and `soundDocuments` hold documents' trees.
  for (const d of parsed.documents) moveTree(d);
  for (const r of parsed.roots) moveTree(r);
}

/** `parseYamlFile` through the `yaml` library: every construct, every error. */
export function parseYamlWithLibrary(source: string, lineMap: LineMap = new LineMap(source)): ParsedYaml {
  const text = yamlLineBreaks(source);
  const out: ParsedYaml = { text, lineMap, errors: [], comments: [], blocks: [], roots: [], documents: [], soundDocuments: [] };
  const composed = composeYaml(text, lineMap);
  if ('error' in composed) {
    out.errors.push(composed.error);
    return out;
  }
  const { tokens, docs } = composed;
  out.blocks = yamlTreeBlockRanges(docs, lineMap);
  for (const [off, src] of sortedYamlComments(tokens, text)) out.comments.push({ text: src, range: lineMap.range(off, off + src.length) });
  for (const d of docs) {
    const errorsBefore = out.errors.length;
    for (const err of d.errors) out.errors.push(yamlError(err, text, lineMap));
    const aliases = documentAliases(d, text);
    for (const a of aliases.unresolved) out.errors.push({ message: unresolvedAliasMessage(a.name), range: lineMap.range(a.start, a.end) });
    if (d.contents === null || d.contents === undefined) continue;
    // An alias (`tolerations: *tol`) is the node its anchor names, as every loader reads it
    // (kubectl, the Azure ML CLI, Terraform's yamldecode): copied with the anchor's positions,
    // within the copy budget (past it, or in a cycle, it stays unreadable: unknown).
    // Merge keys (`<<: *base`) are applied as those readers apply them (YAML 1.1; kubectl's go-yaml, PyYAML).
    const follow = { ...aliasFollow(aliases.targets), mergeKeys: true as const };
    const tree = yamlTree(d.contents, lineMap, 0, undefined, follow);
    if (follow.stoppedAt && !out.evaluationNotes) out.evaluationNotes = [{ message: ALIAS_CUT_MESSAGE, range: follow.stoppedAt }];
    out.documents.push(tree);
    if (out.errors.length === errorsBefore) out.soundDocuments.push(tree);
    if (isMap(d.contents)) out.roots.push(tree as YamlMap);
  }
  addRootBlocks(out);
  out.errors.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return out;
}
