/**
 * Keeps Terraform evaluation bounded and contained (issue #12):
 * - an exception while evaluating one expression (a bug, a stack overflow, an engine limit)
 *   makes that expression unknown and is reported as EVAL001 at its position; nothing else
 *   is lost;
 * - a per-file time budget: the evaluation work started from one file (its attributes,
 *   locals, outputs, and what they reference) may use at most `msPerFile` in total. Past it
 *   the running expression is abandoned (EVAL001, once per file) and every later expression
 *   of that file is unknown, so a runaway `for`/`range()`/exponential-local chain cannot
 *   hang a CI job, and the other files are still evaluated.
 */
import type { Location, Range } from '../../core/source.js';
import { unknown, type Value } from '../../core/value.js';
import { monotonicMs } from '../../core/clock.js';
import { newExpansionBudget, type ExpansionBudget } from '../../core/limits.js';

export interface EvalProblem {
  message: string;
  location: Location;
  /** A module Terraform refuses to load (a name declared twice): PARSE001; else EVAL001. */
  ruleId?: 'PARSE001';
}

/** Default per-file budget; MLOPS_IAC_LINT_EVAL_BUDGET_MS overrides it (tests, slow machines). */
export const DEFAULT_MS_PER_FILE = 2000;

/**
 * Evaluations nested inside one another (a local referring to a local referring to …). Real
 * configurations stay in single digits; the limit is far below where the JavaScript stack
 * would overflow, so the outcome does not depend on the stack size.
 */
export const MAX_NESTED_EVALUATIONS = 256;

/** The budget a guard gets when none is given: MLOPS_IAC_LINT_EVAL_BUDGET_MS, else the default (read when asked: tests set it). */
export function defaultMsPerFile(): number {
  const fromEnv = Number(process.env['MLOPS_IAC_LINT_EVAL_BUDGET_MS']);
  return fromEnv > 0 ? fromEnv : DEFAULT_MS_PER_FILE;
}

export const BUDGET_REASON = 'evaluation stopped: the time budget of this file was used up';

/** Thrown from deep inside an evaluation to unwind it to the outermost expression. */
export class BudgetExceeded extends Error {
  constructor(readonly file: string) {
    super(`evaluation time budget of ${file} exceeded`);
  }
}

export class EvalGuard {
  readonly msPerFile: number;
  private readonly spent = new Map<string, number>();
  /** Problems reported so far (made on the first: a guard per value of a var file reports none). */
  private reported: Set<string> | undefined;
  /**
   * The outermost evaluation running (its file, start and deadline), in fields rather than an
   * object: one outermost evaluation per attribute, local and output (~29k per corpus run).
   */
  private frameFile: string | undefined;
  private frameStart = 0;
  private frameDeadline = 0;
  private ticks = 0;
  private depth = 0;
  /** Loop instances the evaluation may still expand (core/limits.ts EXPANSION_BUDGET). */
  expansions: ExpansionBudget = newExpansionBudget();

  constructor(
    private readonly report: (p: EvalProblem) => void = reportNothing,
    msPerFile?: number,
    private readonly now: () => number = monotonicMs,
  ) {
    this.msPerFile = msPerFile ?? defaultMsPerFile();
  }

  /** A new evaluation (a var-file variant of a root) starts with the whole budget. */
  resetExpansions(): void {
    this.expansions = newExpansionBudget();
  }

  /**
   * Evaluates one expression at `at`: `f(a, b)`. The outermost call charges its time to
   * `at.file`; nested calls (a local referenced from an attribute) run inside the same charge.
   * The arguments are passed through so that the evaluator's call needs no closure.
   */
  run<A, B>(at: Location, f: (a: A, b: B) => Value, a: A, b: B): Value;
  run(at: Location, f: () => Value): Value;
  run(at: Location, f: (a: unknown, b: unknown) => Value, a?: unknown, b?: unknown): Value {
    return this.runAt(at.file, at.range, f, a, b, at);
  }

  /**
   * `run` at `{ file, range }`, a location made only when something is reported or returned
   * at it (`at`, when the caller has one): an evaluation that goes well needs only the file,
   * and there is one per attribute, local and output.
   */
  /** The file's time budget is used up: its EVAL001 (once per file) and the unknown that stands for the value. */
  private budgetSpent(file: string, where: Location): Value {
    this.problem(`${file}:budget`, {
      message: `Evaluation stopped: expressions of this file took more than ${this.msPerFile} ms to evaluate (a runaway for expression, range() or reference chain?); this and later expressions of the file are treated as unknown.`,
      location: where,
    });
    return unknown(BUDGET_REASON, where);
  }

  runAt<A, B>(file: string, range: Range, f: (a: A, b: B) => Value, a: A, b: B, at?: Location): Value {
    if (this.depth >= MAX_NESTED_EVALUATIONS) {
      const where = at ?? { file, range };
      this.problem(`${file}:${range.start.offset}:${range.end.offset}`, {
        message: `References are nested deeper than ${MAX_NESTED_EVALUATIONS} levels here; the value is treated as unknown.`,
        location: where,
      });
      return unknown(`references nested deeper than ${MAX_NESTED_EVALUATIONS} levels`, where);
    }
    const outermost = this.frameFile === undefined;
    if (outermost) {
      const spent = this.spent.get(file) ?? 0;
      // The budget may run out across many small evaluations, none of which overran on its own:
      // the file's EVAL001 is reported here then (once per file, as when one overruns).
      if (spent >= this.msPerFile) return this.budgetSpent(file, at ?? { file, range });
      const start = this.now();
      this.frameFile = file;
      this.frameStart = start;
      this.frameDeadline = start + this.msPerFile - spent;
    }
    this.depth++;
    try {
      return f(a, b);
    } catch (err) {
      const where = at ?? { file, range };
      if (err instanceof BudgetExceeded) {
        if (!outermost) throw err;
        return this.budgetSpent(file, where);
      }
      this.problem(`${file}:${range.start.offset}:${range.end.offset}`, {
        message: `This expression could not be evaluated (${describeError(err)}); its value is treated as unknown.`,
        location: where,
      });
      return unknown('the expression could not be evaluated', where);
    } finally {
      this.depth--;
      if (outermost) {
        const file = this.frameFile!;
        this.spent.set(file, (this.spent.get(file) ?? 0) + (this.now() - this.frameStart));
        this.frameFile = undefined;
      }
    }
  }

  /** Called once per evaluated node and per loop step: throws when the budget is used up. */
  tick(): void {
    if ((++this.ticks & 255) !== 0 || this.frameFile === undefined) return;
    if (this.now() > this.frameDeadline) throw new BudgetExceeded(this.frameFile);
  }

  private problem(key: string, p: EvalProblem): void {
    this.reported ??= new Set();
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.report(p);
  }
}

function reportNothing(): void {}

function describeError(err: unknown): string {
  if (err instanceof RangeError && /call stack/i.test(err.message)) return 'nested too deeply';
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
