/**
 * A Terraform module folder: its parsed files and the top-level blocks, indexed by kind.
 */
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
  };
  for (const f of files) {
    for (const item of f.body.items) {
      if (item.type !== 'Block') continue;
      const l = item.labels.map((x) => x.value);
      const located = { node: item, file: f.file };
      switch (item.blockType) {
        case 'variable':
          if (l[0]) src.variables.set(l[0], located);
          break;
        case 'locals':
          for (const a of item.body.items) if (a.type === 'Attribute') src.locals.set(a.name, { node: a, file: f.file });
          break;
        case 'resource':
          if (l[0] && l[1]) src.resources.set(`${l[0]}.${l[1]}`, located);
          break;
        case 'data':
          if (l[0] && l[1]) src.data.set(`${l[0]}.${l[1]}`, located);
          break;
        case 'module':
          if (l[0]) src.moduleCalls.set(l[0], located);
          break;
        case 'output':
          if (l[0]) src.outputs.set(l[0], located);
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

export function attr(block: Block, name: string): Attribute | undefined {
  for (const item of block.body.items) if (item.type === 'Attribute' && item.name === name) return item;
  return undefined;
}

export function childBlocks(block: Block, type: string): Block[] {
  return block.body.items.filter((i): i is Block => i.type === 'Block' && i.blockType === type);
}

/** The header of a block: from its type keyword to its opening brace (`resource "a" "b" {`). */
export function blockHeader(block: Block, file: string, label?: string): Location {
  const range: Range = { start: block.typeRange.start, end: block.openBraceRange.end };
  return label === undefined ? { file, range } : { file, range, label };
}

export function locOf(node: { range: Range }, file: string, label?: string): Location {
  return label === undefined ? { file, range: node.range } : { file, range: node.range, label };
}

/** Source text of a node. */
export function sourceText(text: string, range: Range): string {
  return text.slice(range.start.offset, range.end.offset);
}
