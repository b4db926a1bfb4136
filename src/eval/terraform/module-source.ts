/**
 * A Terraform module folder: its parsed files and the top-level blocks, indexed by kind.
 */
import path from 'node:path';
import type { Attribute, Block, HclFile } from '../../parse/hcl/ast.js';
import type { Location, Range } from '../../core/source.js';

export interface Located<T> {
  node: T;
  file: string;
}

export interface ModuleSource {
  dir: string;
  files: HclFile[];
  variables: Map<string, Located<Block>>;
  locals: Map<string, Located<Attribute>>;
  /** Managed resources by `type.name`. */
  resources: Map<string, Located<Block>>;
  /** Data sources by `type.name`. */
  data: Map<string, Located<Block>>;
  moduleCalls: Map<string, Located<Block>>;
  outputs: Map<string, Located<Block>>;
  terraformBlocks: Located<Block>[];
  providers: Located<Block>[];
  /** Each file's text by path (declarations name their file; inputs quote their type and validations). */
  texts: Map<string, string>;
  /** Local module folders by `source` as written, resolved against `dir` once (every instance of every call asks). */
  localDirs: Map<string, string>;
  /** Declarations whose name an earlier one of the module already has (Terraform refuses the module); the first one is kept. */
  duplicates: Duplicate[];
}

/** A second declaration of a name in one module (`variable "x"` twice, across its files too). */
export interface Duplicate {
  /** Terraform's words for it. */
  what: 'variable' | 'local value' | 'resource' | 'data source' | 'module call' | 'output';
  name: string;
  first: Located<Block | Attribute>;
  again: Located<Block | Attribute>;
  /** Terraform's diagnostic summary ("Duplicate variable declaration"). */
  summary: string;
}

export function buildModuleSource(dir: string, files: HclFile[]): ModuleSource {
  const src: ModuleSource = {
    dir,
    files,
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    data: new Map(),
    moduleCalls: new Map(),
    outputs: new Map(),
    terraformBlocks: [],
    providers: [],
    texts: new Map(),
    localDirs: new Map(),
    duplicates: [],
  };
  // The first declaration of a name is kept; a later one is recorded (Terraform refuses both).
  const declare = <T extends Block | Attribute>(table: Map<string, Located<T>>, name: string, located: Located<T>, what: Duplicate['what'], summary: string): void => {
    const first = table.get(name);
    if (first) src.duplicates.push({ what, name, first, again: located, summary });
    else table.set(name, located);
  };
  // Override files are merged after every normal file, in name order (Terraform docs,
  // Override Files: "Terraform initially skips these override files when loading configuration").
  const ordered = [...files.filter((f) => !isOverrideFile(f.file)), ...files.filter((f) => isOverrideFile(f.file))];
  for (const f of ordered) {
    if (!src.texts.has(f.file)) src.texts.set(f.file, f.text);
    const items = f.body.items;
    if (isOverrideFile(f.file)) {
      mergeOverrides(src, f);
      continue;
    }
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.type !== 'Block') continue;
      // The first two labels, read in place (no array of label values per block).
      const l0 = item.labels[0]?.value;
      const l1 = item.labels[1]?.value;
      const located = { node: item, file: f.file };
      switch (item.blockType) {
        case 'variable':
          if (l0) declare(src.variables, l0, located, 'variable', 'Duplicate variable declaration');
          break;
        case 'locals':
          for (const a of item.body.items) if (a.type === 'Attribute') declare(src.locals, a.name, { node: a, file: f.file }, 'local value', 'Duplicate local value definition');
          break;
        case 'resource':
          if (l0 && l1) declare(src.resources, `${l0}.${l1}`, located, 'resource', 'Duplicate resource configuration');
          break;
        case 'data':
          if (l0 && l1) declare(src.data, `${l0}.${l1}`, located, 'data source', 'Duplicate data resource');
          break;
        case 'module':
          if (l0) declare(src.moduleCalls, l0, located, 'module call', 'Duplicate module call');
          break;
        case 'output':
          if (l0) declare(src.outputs, l0, located, 'output', 'Duplicate output definition');
          break;
        case 'terraform':
          src.terraformBlocks.push(located);
          break;
        case 'provider':
          src.providers.push(located);
          break;
      }
    }
  }
  return src;
}

/**
 * Whether the module declares `name` (a `what` of `Duplicate`) twice: a value read by that name is
 * unknown, as which declaration counts is not known (Terraform refuses the module).
 */
export function declaredTwice(src: ModuleSource, what: Duplicate['what'], name: string): boolean {
  return src.duplicates.some((d) => d.what === what && d.name === name);
}

/** `override.tf` or `*_override.tf`, and their JSON forms `override.tf.json`, `*_override.tf.json` (Terraform docs, Override Files). */
export function isOverrideFile(file: string): boolean {
  const base = path.basename(file).replace(/\.json$/, '');
  return base === 'override.tf' || base.endsWith('_override.tf');
}

/** The file of an item merged in from an override file; other items are in their block's file. */
const overrideItemFile = new WeakMap<object, string>();

/** The file a block body item was written in: `blockFile` unless an override file replaced it. */
export function itemFile(item: object, blockFile: string): string {
  return overrideItemFile.get(item) ?? blockFile;
}

/**
 * Merges the blocks of one override file into the module (Terraform docs, Override Files ›
 * Merging Behavior): a block replaces, argument by argument, the block with the same header;
 * "A nested block within an override block replaces all blocks of the same type in the
 * original block"; each local value replaces the one of that name. A block with no original
 * is a Terraform error and is ignored; `terraform` blocks are added as they are.
 */
function mergeOverrides(src: ModuleSource, f: HclFile): void {
  const tables: Record<string, Map<string, Located<Block>>> = { variable: src.variables, resource: src.resources, data: src.data, module: src.moduleCalls, output: src.outputs };
  for (const item of f.body.items) {
    if (item.type !== 'Block') continue;
    if (item.blockType === 'locals') {
      for (const a of item.body.items) if (a.type === 'Attribute') src.locals.set(a.name, { node: a, file: f.file });
      continue;
    }
    if (item.blockType === 'terraform') {
      src.terraformBlocks.push({ node: item, file: f.file });
      continue;
    }
    const table = tables[item.blockType];
    const key = item.blockType === 'resource' || item.blockType === 'data' ? `${item.labels[0]?.value}.${item.labels[1]?.value}` : item.labels[0]?.value;
    const base = key === undefined ? undefined : table?.get(key);
    if (!table || !base || key === undefined) continue;
    const nestedType = (i: Block): string => (i.blockType === 'dynamic' ? (i.labels[0]?.value ?? '') : i.blockType);
    const attrs = new Set<string>();
    const blocks = new Set<string>();
    for (const i of item.body.items) {
      if (i.type === 'Attribute') attrs.add(i.name);
      else blocks.add(nestedType(i));
      overrideItemFile.set(i, f.file);
    }
    const kept = base.node.body.items.filter((i) => (i.type === 'Attribute' ? !attrs.has(i.name) : !blocks.has(nestedType(i))));
    table.set(key, { node: { ...base.node, body: { ...base.node.body, items: [...kept, ...item.body.items] } }, file: base.file });
  }
}

/** The text of one of the module's files ('' when it is not one of them). */
export function fileText(src: ModuleSource, file: string): string {
  return src.texts.get(file) ?? '';
}

/** A local module `source` (`./x`, `../x`) as a folder: resolved against the module's folder once per source. */
export function localDir(src: ModuleSource, source: string): string {
  let dir = src.localDirs.get(source);
  if (dir === undefined) {
    dir = path.resolve(src.dir, source);
    src.localDirs.set(source, dir);
  }
  return dir;
}

/** The `count` and `for_each` arguments of a resource or module call block. */
export interface ExpansionAttrs {
  count: Attribute | undefined;
  forEach: Attribute | undefined;
}

const expansionCache = new WeakMap<Block, ExpansionAttrs>();

/**
 * `count` and `for_each` of a block, found once per block (a syntax tree never changes): every
 * reference to a resource or module output asks, and each look-up is a scan of the block's body.
 */
export function expansionAttrs(block: Block): ExpansionAttrs {
  let found = expansionCache.get(block);
  if (!found) {
    found = { count: attr(block, 'count'), forEach: attr(block, 'for_each') };
    expansionCache.set(block, found);
  }
  return found;
}

export function attr(block: Block, name: string): Attribute | undefined {
  // By index: a for…of makes an iterator and a result object per item in V8's interpreter,
  // where the CLI runs most of this (src/core/jit.ts), and blocks are searched very often.
  const items = block.body.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.type === 'Attribute' && item.name === name) return item;
  }
  return undefined;
}

export function childBlocks(block: Block, type: string): Block[] {
  return block.body.items.filter((i): i is Block => i.type === 'Block' && i.blockType === type);
}

/** A block's header (its type up to its opening brace), with a label and, for a declaration, the symbol it declares. */
export function blockHeader(block: Block, file: string, label?: string, symbol?: Location['symbol']): Location {
  const range: Range = { start: block.typeRange.start, end: block.openBraceRange.end };
  if (label === undefined) return { file, range };
  return symbol === undefined ? { file, range, label } : { file, range, label, symbol };
}

export function locOf(node: { range: Range }, file: string, label?: string): Location {
  return label === undefined ? { file, range: node.range } : { file, range: node.range, label };
}

/** Source text of a node. */
export function sourceText(text: string, range: Range): string {
  return text.slice(range.start.offset, range.end.offset);
}
