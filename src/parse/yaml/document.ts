/**
 * A YAML file as plain positioned trees, for formats that only need structure, comments and
 * block ranges (Kubernetes manifests): every document's root (mappings, sequences and
 * scalars alike), the YAML errors with their exact positions, every `#` comment and the
 * block ranges suppressions scope over. Never throws on bad input.
 */
import { Composer, Parser } from 'yaml';
import type { CST, Document } from 'yaml';
import { LineMap } from '../../core/source.js';
import type { Range } from '../../core/source.js';
import { MAX_NESTING_DEPTH, nestingMessage } from '../nesting.js';
import { yamlNestingOverflow } from './nesting.js';
import { yamlTreeBlockRanges } from './blocks.js';
import { collectYamlComments } from './ci.js';
import { yamlTree } from './tree.js';
import type { YamlTree } from './tree.js';

export interface YamlFileError {
  message: string;
  range: Range;
}

export interface YamlFile {
  file: string;
  lineMap: LineMap;
  errors: YamlFileError[];
  /** Every `#` comment (with its `#`), in file order. */
  comments: { text: string; range: Range }[];
  /** Block ranges (a key with a collection value, a collection item), for suppression scopes. */
  blocks: Range[];
  /** Each document's root in file order (an empty document is absent). */
  documents: YamlTree[];
}

export function parseYamlFile(file: string, text: string): YamlFile {
  const lineMap = new LineMap(text);
  const out: YamlFile = { file, lineMap, errors: [], comments: [], blocks: [], documents: [] };
  let tokens: CST.Token[];
  let docs: Document.Parsed[];
  try {
    tokens = [...new Parser().parse(text)];
    // The composer and our tree copy recurse once per level: refuse pathological nesting first.
    const tooDeep = yamlNestingOverflow(tokens, MAX_NESTING_DEPTH);
    if (tooDeep !== undefined) {
      out.errors.push({ message: nestingMessage(), range: lineMap.range(tooDeep, tooDeep + 1) });
      return out;
    }
    docs = [...new Composer({ keepSourceTokens: true, version: '1.2' }).compose(tokens, true, text.length)];
  } catch (e) {
    out.errors.push({ message: `YAML parser failed: ${(e as Error).message}`, range: lineMap.range(0, 0) });
    return out;
  }
  for (const d of docs) {
    for (const err of d.errors) {
      const [s, e] = err.pos;
      out.errors.push({ message: err.message.split('\n')[0] ?? err.message, range: lineMap.range(s, Math.max(s, e)) });
    }
  }
  out.errors.sort((a, b) => a.range.start.offset - b.range.start.offset);
  if (out.errors.length > 0) return out;
  out.blocks = yamlTreeBlockRanges(docs, lineMap);
  const raw: [number, string][] = [];
  collectYamlComments(tokens, raw);
  raw.sort((a, b) => a[0] - b[0]);
  out.comments = raw.map(([off, src]) => ({ text: src, range: lineMap.range(off, off + src.length) }));
  for (const d of docs) if (d.contents !== null && d.contents !== undefined) out.documents.push(yamlTree(d.contents, lineMap));
  return out;
}
