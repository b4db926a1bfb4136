/**
 * Native evaluation of a parsed `.bicep` file into the same resource records the ARM front end
 * produces (`ArmResource`), following how the Bicep compiler lowers a file to ARM JSON
 * (`../shared/BICEP.md` §4): params (assigned > default > unknown `parameters('x')`), vars,
 * resources (type `'T@v'`, nested children and `parent:` composing `parentType/child` and
 * `parentName/childName`, `if`, `for`, `existing`), local modules (`.bicep` recursively, `.json`
 * through the ARM evaluator) and outputs. Every function call goes through the shared ARM function
 * library (`callArmFunction`), so tokens of unknown values and resource identity keys are the
 * ones the compiled twin produces. Files are read only through the `Host`. Never throws.
 *
 * The parts, one job each:
 * - `context.ts`: the run's context (problems, limits, file access) and shared helpers;
 * - `symbols.ts`, `scope.ts`: a file's symbols and their lazy, cycle-guarded evaluation;
 * - `expressions.ts`, `calls.ts`, `loops.ts`: expressions, calls and operators, `for`;
 * - `resources.ts`, `modules.ts`: resource and module instances, references, module files;
 * - `files.ts`, `load.ts`: local files through the Host, the `load*()` functions;
 * - `emit.ts`: resources onto the ARM resource shape.
 */
import type { Value } from '../../core/value.js';
import type { BicepFile, BicepParamFile } from '../../parse/bicep/index.js';
import type { ArmResource } from '../arm/template.js';
import type { InputDecl, OpaqueModuleCall } from '../types.js';
import { newEnv, problem } from './context.js';
import type { BicepProblem, BicepSources } from './context.js';
import { FileScope } from './scope.js';

export type { BicepProblem, BicepSources } from './context.js';

export interface BicepEvaluation {
  resources: ArmResource[];
  /** Params of the evaluated file and of every module evaluated through it. */
  inputs: InputDecl[];
  problems: BicepProblem[];
  /** Outputs of the root file (evaluated lazily into this map on request). */
  outputs: Map<string, Value>;
  /** Registry modules without a body (no compiled twin holding it): EVAL002, GPU005. */
  opaqueModules: OpaqueModuleCall[];
  /** Files evaluated only up to a syntax error (Evaluation.incomplete). */
  incomplete: string[];
}

export interface EvaluateBicepOptions {
  file: BicepFile;
  sources: BicepSources;
  /** Parameter values (from a `.bicepparam` variant); keys case-sensitive as in Bicep. */
  parameterValues?: Map<string, Value>;
  /** Maximum number of instances per loop (default 32). */
  maxCopy?: number;
  /** Maximum module depth (default 8). */
  maxDepth?: number;
}

/** Evaluates one `.bicep` file (and its local modules) into ARM resource records. Never throws. */
export function evaluateBicepFile(opts: EvaluateBicepOptions): BicepEvaluation {
  const env = newEnv(opts.sources, opts.maxCopy, opts.maxDepth);
  const outputs = new Map<string, Value>();
  const result: BicepEvaluation = { resources: env.resources, inputs: env.inputs, problems: env.problems, outputs, opaqueModules: env.opaque, incomplete: env.incomplete };
  if (opts.file.errors.length > 0) env.incomplete.push(opts.file.file);
  try {
    const scope = new FileScope(opts.file, env, opts.parameterValues ?? new Map(), [], undefined, [opts.file.file]);
    scope.emit();
    for (const k of scope.outputDecls.keys()) outputs.set(k, scope.output(k)!);
  } catch (e) {
    problem(env, `Internal error while evaluating the file: ${(e as Error).message}`, { file: opts.file.file, range: opts.file.range });
  }
  return result;
}

/** Evaluates the assignments of a `.bicepparam` file: param name → value (origins in the file). */
export function evaluateParamFile(file: BicepParamFile, sources: BicepSources): { values: Map<string, Value>; problems: BicepProblem[] } {
  const env = newEnv(sources);
  const values = new Map<string, Value>();
  try {
    const scope = new FileScope(file, env, new Map(), [], undefined, [file.file]);
    for (const [name, slot] of scope.params) {
      if (!slot.expr) continue;
      const v = scope.parameter(name)!;
      // The value's own origin is where it is written; drop the `.bicepparam` header from `via`.
      values.set(name, { ...v, via: v.via?.slice(0, -1) });
    }
  } catch (e) {
    problem(env, `Internal error while evaluating the parameters file: ${(e as Error).message}`, { file: file.file, range: file.range });
  }
  return { values, problems: env.problems };
}
