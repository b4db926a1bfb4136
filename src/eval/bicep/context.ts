/**
 * What every part of the Bicep evaluator shares: the evaluation context of one run (where
 * problems, resources and inputs are collected, and the limits), local names, and small helpers
 * over the AST. No evaluation happens here.
 */
import { LOOP_INSTANCE_CAP, newExpansionBudget, type DeclarationChain, type ExpansionBudget } from '../../core/limits.js';
import type { Host } from '../../core/host.js';
import type { Location, Range } from '../../core/source.js';
import { unknown } from '../../core/value.js';
import type { Value } from '../../core/value.js';
import type { BicepFile, Decorator, ObjectExpr } from '../../parse/bicep/index.js';
import type { ArmResource } from '../arm/template.js';
import type { InputDecl, OpaqueModuleCall } from '../types.js';
import type { ParsedJson } from '../../parse/json/index.js';
import type { PathKind } from './files.js';

export interface BicepProblem {
  message: string;
  location: Location;
  code: 'EVAL001';
}

/** Where the evaluator gets files: the only file access is `host`, gated to the scan root. */
export interface BicepSources {
  /** Module files, `load*()` targets and imported files are read only through it. */
  host: Host;
  /** Parses a `.bicep` file (cached by the caller, which also reports its syntax errors). */
  parse(file: string): BicepFile | undefined;
  /**
   * The compiled twin of a `.bicep` file (the ARM template `bicep build` wrote beside it),
   * parsed; undefined when there is none. Registry modules take their body from it.
   */
  compiledTwin?(bicepFile: string): ParsedJson | undefined;
  /**
   * `--bicep-cache`: the restored copy of a `br:` module (its `main.json` in the Bicep cache,
   * read through a Host confined to the cache), or why there is none. Absent when off.
   */
  registryModule?(bicepFile: string, reference: string): { parsed: ParsedJson; cacheRoot: string } | { reason: string };
}

/** One evaluation run: a root file with its modules, or a `.bicepparam` file. */
export interface Env extends DeclarationChain {
  sources: BicepSources;
  problems: BicepProblem[];
  problemKeys: Set<string>;
  resources: ArmResource[];
  inputs: InputDecl[];
  /** The listed inputs by declaration (`file:offset` of the header): a module called again declares once. */
  inputKeys: Map<string, InputDecl>;
  maxCopy: number;
  /** Loop instances left to expand in this evaluation (nested loops multiply: core/limits.ts). */
  budget: ExpansionBudget;
  maxDepth: number;
  /** Guard against runaway recursion through user functions. */
  calls: number;
  /** Lambda bodies evaluated so far (calls.ts: at most LAMBDA_BUDGET per evaluation). */
  lambdaCalls: number;
  /** Registry modules (`br:`, `ts:`) whose body was not found (EVAL002, GPU005). */
  opaque: OpaqueModuleCall[];
  /** The files evaluated only up to a syntax error (the root file, a module's): Evaluation.incomplete. */
  incomplete: string[];
  /**
   * What each module / import path names (`pathKind`), asked once per `sources` (one unit of
   * work): a module is called per instance, per scope and per variant, and the Host's answers
   * do not change within a unit (the unit's recorded reads hold the first asking).
   */
  pathKinds: Map<string, PathKind>;
}

/** Env.pathKinds by sources (released with them). */
const PATH_KINDS = new WeakMap<BicepSources, Map<string, PathKind>>();

function pathKindsOf(sources: BicepSources): Map<string, PathKind> {
  let kinds = PATH_KINDS.get(sources);
  if (!kinds) {
    kinds = new Map();
    PATH_KINDS.set(sources, kinds);
  }
  return kinds;
}

export function newEnv(sources: BicepSources, maxCopy = LOOP_INSTANCE_CAP, maxDepth = 8): Env {
  return { sources, problems: [], problemKeys: new Set(), resources: [], inputs: [], inputKeys: new Map(), maxCopy, budget: newExpansionBudget(), maxDepth, calls: 0, chain: 0, cuts: 0, lambdaCalls: 0, opaque: [], incomplete: [], pathKinds: pathKindsOf(sources) };
}

/** Records an EVAL001 once per place and message. */
export function problem(env: Env, message: string, location: Location): void {
  const k = `${location.file}:${location.range.start.offset}:${message}`;
  if (env.problemKeys.has(k)) return;
  env.problemKeys.add(k);
  env.problems.push({ message, location, code: 'EVAL001' });
}

export const U = (reason: string, loc?: Location, token?: string): Value => unknown(reason, loc, token);
export const span = (a: Range, b: Range): Range => ({ start: a.start, end: b.end });

/*
 * The evaluator's loops over arrays are indexed, and over maps `forEach`: a module's file is
 * evaluated once per call and variant, mostly in V8's interpreter (the CLI tiers up late, see
 * src/core/jit.ts), where a for…of makes an iterator and a result object per element, and over
 * a map a [key, value] array as well.
 */

/** Local names (loop items and indexes, lambda and function parameters). */
export type Locals = ReadonlyMap<string, Value> | undefined;
export const withLocals = (base: Locals, add: [string, Value][]): Locals => {
  const m = new Map(base ?? []);
  for (let i = 0; i < add.length; i++) m.set(add[i]![0], add[i]![1]);
  return m;
};

/** A loop's locals: `base` with its item and, when it names one, its index (no array of pairs per item). */
export function withLoopLocals(base: Locals, item: string, value: Value, index?: string, indexValue?: Value): Locals {
  const m = new Map(base ?? []);
  m.set(item, value);
  if (index !== undefined) m.set(index, indexValue!);
  return m;
}

/** A `@name(…)` decorator of the `sys` namespace. */
export function decorator(ds: Decorator[], name: string): Decorator | undefined {
  return ds.find((d) => d.name === name && (d.namespace === null || d.namespace === 'sys'));
}

/** The property `key` of an object literal, as written. */
export function propOf(o: ObjectExpr, key: string): Extract<ObjectExpr['members'][number], { kind: 'ObjectProperty' }> | undefined {
  const ms = o.members;
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    if (m.kind === 'ObjectProperty' && m.keyName === key) return m;
  }
  return undefined;
}

/** The condition of a nested thing: an unknown part wins, else the inner one (a known false never gets here). */
export function andCond(a: Value | undefined, b: Value | undefined): Value | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.kind === 'unknown') return a;
  if (b.kind === 'unknown') return b;
  return b;
}
