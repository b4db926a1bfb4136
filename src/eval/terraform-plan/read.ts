/**
 * Reading a Terraform plan JSON (`terraform show -json plan.tfplan`, FORMATS.md §5) in bounded
 * memory: the file is streamed twice (parse/json/stream.ts). The first pass keeps the small
 * parts (`format_version`, `variables`, `configuration`); the second hands over one
 * `resource_changes` entry at a time, so a 200 MB plan never exists as one string or tree.
 * `planned_values`, `prior_state`, `resource_drift` and the `before` halves are never kept.
 */
import type { Position } from '../../core/source.js';
import { JsonStreamError, streamJson, type JsonPath, type JsonValueKind } from '../../parse/json/stream.js';
import { parseJsonc } from '../../parse/json/index.js';

export type ChunkSource = () => Iterator<string, void> | undefined;

/** `configuration.root_module` and each `module_calls[…].module` (only what the mapping reads). */
export interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, ConfigModuleCall>;
}

export interface ConfigResource {
  address?: string;
  mode?: string;
  type?: string;
  name?: string;
  expressions?: Record<string, unknown>;
}

export interface ConfigModuleCall {
  source?: string;
  /** The call's `version` as written (registry modules). */
  version_constraint?: string;
  module?: ConfigModule;
}

/** One `resource_changes` entry (the fields the linter reads). */
export interface ResourceChange {
  address?: string;
  module_address?: string;
  mode?: string;
  type?: string;
  name?: string;
  deposed?: string;
  change?: {
    actions?: string[];
    after?: unknown;
    after_unknown?: unknown;
    after_sensitive?: unknown;
    /**
     * `after` as written in the plan and where it starts: for the positions of its values when
     * the resource has no `.tf` source (evaluate.ts). Held only while its entry is handled.
     */
    afterRaw?: RawValue;
  };
}

/** A JSON value's text as written in the file, and the position of its first character. */
export interface RawValue {
  text: string;
  start: Position;
}

export interface PlanHead {
  formatVersion?: string;
  formatAt?: Position;
  /** `variables`: the resolved inputs by name. */
  variables: Map<string, unknown>;
  configuration?: ConfigModule;
  /**
   * A top-level member whose shape is not the one Terraform writes (`resource_changes` not an
   * array, `planned_values` not an object): the first one, where it starts and what it is.
   */
  wrongShape?: { key: string; kind: JsonValueKind; expected: JsonValueKind; at: Position };
  /** Where `planned_values` starts, when the plan has no `resource_changes` (the only member read for resources). */
  plannedValuesOnly?: Position;
}

/** The shapes of the top-level members the linter reads (Terraform's JSON output format). */
const TOP_SHAPES: Readonly<Record<string, JsonValueKind>> = { resource_changes: 'array', planned_values: 'object' };

export class PlanReadError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

function run(chunks: ChunkSource, visit: Parameters<typeof streamJson>[1]): boolean {
  const it = chunks();
  if (!it) return false;
  try {
    streamJson(it, visit);
  } catch (e) {
    if (e instanceof JsonStreamError) throw new PlanReadError(e.message, e.position);
    throw e;
  }
  return true;
}

const isKey = (p: JsonPath, key: string): boolean => p.length === 1 && p[0] === key;

/**
 * Whether the file is a plan: `format_version` plus `planned_values` or `resource_changes` at the
 * top level (RULES.md TF004). Reads only until both are seen (Terraform writes them first).
 * A file that is not JSON is not a plan.
 */
export function looksLikePlan(chunks: ChunkSource): boolean {
  let format = false;
  let body = false;
  try {
    run(chunks, {
      // What the file is: a syntax error in a part skipped here is the reading's to report.
      looseSkip: true,
      at(path) {
        if (path.length === 0) return 'enter';
        if (path.length > 1) return 'skip';
        if (path[0] === 'format_version') format = true;
        if (path[0] === 'planned_values' || path[0] === 'resource_changes') body = true;
        return format && body ? 'stop' : 'skip';
      },
    });
  } catch (e) {
    if (!(e instanceof PlanReadError)) throw e;
  }
  return format && body;
}

/** The first pass: format version, variables and configuration. Throws PlanReadError on bad JSON. */
export function readPlanHead(chunks: ChunkSource): PlanHead | undefined {
  const head: PlanHead = { variables: new Map() };
  let changes = false;
  let planned: Position | undefined;
  const ok = run(chunks, {
    at(path, start, kind) {
      if (path.length === 0) return 'enter';
      if (isKey(path, 'resource_changes')) changes = true;
      if (isKey(path, 'planned_values')) planned = start;
      if (isKey(path, 'format_version') || isKey(path, 'variables') || isKey(path, 'configuration')) return 'raw';
      const expected = path.length === 1 ? TOP_SHAPES[path[0] as string] : undefined;
      if (expected && kind !== expected && kind !== 'literal') head.wrongShape ??= { key: path[0] as string, kind, expected, at: start };
      return 'skip';
    },
    raw(path, text, start) {
      const v = parseRaw(text, start);
      if (path[0] === 'format_version') {
        head.formatVersion = typeof v === 'string' ? v : String(v);
        head.formatAt = start;
      } else if (path[0] === 'variables' && isRecord(v)) {
        for (const [k, e] of Object.entries(v)) if (isRecord(e) && 'value' in e) head.variables.set(k, e.value);
      } else if (path[0] === 'configuration' && isRecord(v) && isRecord(v.root_module)) head.configuration = v.root_module as ConfigModule;
    },
  });
  if (!changes && planned) head.plannedValuesOnly = planned;
  return ok ? head : undefined;
}

/** The members of a resource change that are read (`before` and the rest are skipped, never parsed). */
const CHANGE_KEYS = new Set(['address', 'module_address', 'mode', 'type', 'name', 'deposed']);
const CHANGE_CHANGE_KEYS = new Set(['actions', 'after', 'after_unknown', 'after_sensitive']);

/**
 * The second pass: each `resource_changes` entry in order, with where its object starts and
 * ends. Only the members read are parsed (`before`, often half of the entry, is skipped).
 */
export function forEachResourceChange(chunks: ChunkSource, onChange: (c: ResourceChange, start: Position, end: Position) => void): boolean {
  let current: Record<string, unknown> | undefined;
  let change: Record<string, unknown> | undefined;
  let start: Position | undefined;
  const inEntry = (p: JsonPath): boolean => p[0] === 'resource_changes' && typeof p[1] === 'number';
  // Terraform writes `prior_state`, `configuration` and the rest after `resource_changes`: once
  // it has ended, nothing more is read (the first pass already checked the whole file's syntax).
  let done = false;
  return run(chunks, {
    at(path, at) {
      if (done) return 'stop';
      if (path.length === 0 || isKey(path, 'resource_changes')) return 'enter';
      if (!inEntry(path)) return 'skip';
      if (path.length === 2) {
        current = {};
        change = undefined;
        start = at;
        return 'enter';
      }
      if (path.length === 3) {
        if (path[2] === 'change') {
          change = {};
          return 'enter';
        }
        return CHANGE_KEYS.has(path[2] as string) ? 'raw' : 'skip';
      }
      if (path.length === 4 && path[2] === 'change') return CHANGE_CHANGE_KEYS.has(path[3] as string) ? 'raw' : 'skip';
      return 'skip';
    },
    raw(path, text, at) {
      const v = parseRaw(text, at);
      if (path.length === 3) current![path[2] as string] = v;
      else {
        change![path[3] as string] = v;
        if (path[3] === 'after') change!.afterRaw = { text, start: at };
      }
    },
    end(path, end) {
      if (isKey(path, 'resource_changes')) done = true;
      if (path.length !== 2 || !inEntry(path) || !current || !start) return;
      if (change) current.change = change;
      onChange(current as ResourceChange, start, end);
      current = undefined;
    },
  });
}

/**
 * `JSON.parse` of a value the stream only bracket-matched; a syntax error inside it becomes a
 * PlanReadError at its exact position. The message and position come from the project's own
 * JSON parser: V8's message quotes the text around the error, and a plan holds every secret in
 * plain text (and Node 20 gives no position for a bad token).
 */
function parseRaw(text: string, start: Position): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const err = parseJsonc(text, '').errors[0];
    if (!err) throw new PlanReadError('Invalid JSON (comments and trailing commas are not JSON)', start);
    throw new PlanReadError(`Invalid JSON: ${err.message}`, endOf(start, text.slice(0, err.range.start.offset)));
  }
}

/** The position after `text` that starts at `start`. */
export function endOf(start: Position, text: string): Position {
  const nl = text.lastIndexOf('\n');
  if (nl < 0) return { line: start.line, column: start.column + text.length, offset: start.offset + text.length };
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { line: start.line + lines, column: text.length - nl, offset: start.offset + text.length };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
