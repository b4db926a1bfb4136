/**
 * CI classification without a YAML parse, for the start of a file written in the plainest
 * YAML (issue 15: a parse of every candidate file cost the plan phase about 200 ms on the
 * corpus, and the file's unit parses it again). `ci-classify.ts` asks this first, then parses.
 *
 * It answers only when sure, and "not sure" is always safe (the parse decides). Sure means:
 * every line up to the cut is blank, a comment, `key:` or `key: value`, `- key:` or
 * `- key: value`, or `- value`, with plain keys, values that end on their line (PLAIN_VALUE:
 * no block scalar, anchor, tag or string that runs on) and no tab; children of a key or item
 * all at one column; and no line deeper than a line with a value (it could continue that
 * scalar). In such text the nesting is the indentation alone,
 * as YAML's, so a parse that has no error builds the tree read here — and a parse with an
 * error gives the same verdict (a candidate with a syntax error keeps its text verdict), as
 * does text after the cut (classifyCiFile's note on `confirmedByStart`).
 */

/** The structure the lines show, when they are plain enough to be sure of it. */
export interface LineShape {
  /** Keys of the top-level mapping (the first content line is a top-level key). */
  topKeys: Set<string>;
  /** A step key (`task`, `script`, …) with a written scalar value, under a `steps`/`jobs`/`stages` key. */
  pipelineStep: boolean;
}

const CONTAINER_KEYS = new Set(['steps', 'jobs', 'stages']);
const STEP_KEYS = new Set(['task', 'script', 'bash', 'pwsh', 'powershell', 'template']);

/**
 * `indent`, `- ` (one space), a key, and an optional value and comment. A key is a name, or an
 * Azure Pipelines template expression (`${{ if … }}`) with no `:` or `#` in it.
 */
const KEY_LINE = /^( *)(- )?([A-Za-z_][A-Za-z0-9_.-]*|\$\{\{[^#:]*\}\}) *:(?: +([^ #].*?))?(?: +#.*)? *$/;
/** `- value` (a scalar item). */
const ITEM_LINE = /^( *)- +([^ #].*?)(?: +#.*)? *$/;
/**
 * A value that ends on its line: a plain scalar that starts with no YAML indicator and holds no
 * `: `, `#` or final `:`; a single- or double-quoted scalar closed on the line; a one-line flow
 * collection with no quote (a quote could open a string that runs on).
 */
const PLAIN_VALUE = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#:]|:(?=[^\s#:]))*$|^'(?:[^']|'')*'$|^"(?:[^"\\]|\\.)*"$|^\[[^[\]{}#'"]*\]$|^\{[^[\]{}#'"]*\}$/;

/**
 * A block scalar's header with no indentation digit (`|`, `>-`, …): its text is every following
 * line deeper than the key (or blank). A line deeper than the key but less than the text's
 * first line is a syntax error in YAML, which gives the same verdict.
 */
const BLOCK_SCALAR = /^[|>][-+]?$/;

interface Frame {
  /** Column of the key, or of the `-` of a sequence item. */
  col: number;
  /** The key ('' for a sequence item). */
  key: string;
  /** Its value is on the following lines (a key with no value on its line; an item). */
  open: boolean;
  /** Where its children are: their column and whether they are items or keys (the first child decides). */
  children?: { col: number; items: boolean };
}

/**
 * The shape of `text` (the start of a file), or undefined when it is not plain enough to be
 * sure of it.
 */
export function plainShape(text: string): LineShape | undefined {
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff) return undefined;
  const frames: Frame[] = [];
  const shape: LineShape = { topKeys: new Set(), pipelineStep: false };
  // The column a following line must not pass: the line before had a value there (a deeper
  // line could continue that plain scalar).
  let valueCol = Infinity;
  // The column of a key whose value is a block scalar (`key: |`): deeper lines are its text.
  let blockCol: number | undefined;
  let first = true;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    if (blockCol !== undefined) {
      if (trimmed === '' || indent > blockCol) continue;
      blockCol = undefined;
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (indent > valueCol) return undefined;
    const key = KEY_LINE.exec(line);
    let col: number;
    let name: string;
    let value: string | undefined;
    if (key) {
      value = key[4];
      if (value !== undefined && !PLAIN_VALUE.test(value) && !BLOCK_SCALAR.test(value)) return undefined;
      name = key[3]!;
      col = indent + (key[2] ? 2 : 0);
      if (key[2]) {
        if (!openItem(frames, indent)) return undefined;
      } else if (!closeTo(frames, col)) return undefined;
    } else {
      const item = ITEM_LINE.exec(line);
      if (!item || !PLAIN_VALUE.test(item[2]!) || !openItem(frames, indent)) return undefined;
      frames.pop(); // a scalar item holds nothing
      valueCol = indent;
      if (first) return undefined; // a top-level sequence: leave it to the parse
      continue;
    }
    if (first && (col !== 0 || key[2])) return undefined; // the root is not a mapping
    first = false;
    if (frames.length > 30) return undefined; // deeper than the parse's visitor looks
    if (frames.length === 0) shape.topKeys.add(name);
    if (value !== undefined && STEP_KEYS.has(name) && !value.startsWith('[') && !value.startsWith('{') && frames.some((f) => CONTAINER_KEYS.has(f.key))) shape.pipelineStep = true;
    frames.push({ col, key: name, open: value === undefined });
    valueCol = value === undefined ? Infinity : col;
    if (value !== undefined && BLOCK_SCALAR.test(value)) {
      blockCol = col;
      valueCol = Infinity;
    }
  }
  return shape;
}

/**
 * A key at column `col`: its siblings and their contents end; what is left must be its parent
 * (an open key, or an item whose mapping this key is in), with its other keys at this column;
 * or nothing: the top level.
 */
function closeTo(frames: Frame[], col: number): boolean {
  while (frames.length > 0 && frames[frames.length - 1]!.col >= col) frames.pop();
  return adopt(frames[frames.length - 1], col, false);
}

/**
 * A `-` at column `indent` starts an item: earlier items and deeper content end; its parent is
 * an open key less indented or at the same column (YAML's sequence under a key written at the
 * key's own indentation), or the top level. Pushes the item's frame.
 */
function openItem(frames: Frame[], indent: number): boolean {
  while (frames.length > 0) {
    const top = frames[frames.length - 1]!;
    if (top.col > indent || (top.col === indent && top.key === '')) frames.pop();
    else break;
  }
  const parent = frames[frames.length - 1];
  if (parent !== undefined && parent.key === '') return false; // `- - x`, or an item inside an item's line
  if (!adopt(parent, indent, true)) return false;
  // The mapping of `- key: …` is at the key's column (two past the `-`).
  frames.push({ col: indent, key: '', open: true, children: { col: indent + 2, items: false } });
  return true;
}

/** Whether `parent` (undefined: the top level) takes a child at `col`: open, and all its children alike. */
function adopt(parent: Frame | undefined, col: number, items: boolean): boolean {
  if (parent === undefined) return !items || col === 0;
  if (!parent.open) return false;
  if (parent.children === undefined) parent.children = { col, items };
  return parent.children.col === col && parent.children.items === items;
}
