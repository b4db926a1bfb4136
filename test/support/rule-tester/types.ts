/**
 * The shape of a rule test table (test/rules/<ID>.test.ts), in the manner of ESLint's
 * RuleTester: per input format, `valid` cases (no finding of the rule) and `invalid` cases
 * (exactly the marked findings).
 */
import type { EnvClass } from '../../../src/core/env.js';
import type { LintOptions } from '../../../src/api.js';
import type { InputFormat, Level } from '../../../src/engine/types.js';

/** The input formats a table is organised by (`meta.formats` of the rule). */
export type Format = Exclude<InputFormat, 'any'>;

/** What a case passes to `lint()` besides its tree. */
export interface CaseOptions {
  /** `--env`: force the environment class of every evaluation. */
  env?: LintOptions['env'];
  /** `--var-file`s, relative to the tree. */
  varFiles?: string[];
  /** Rule options (`ruleOptions` of `lint()`). */
  ruleOptions?: LintOptions['ruleOptions'];
  /** A config file for the tree: written as `.mlops-iac-lint.json` at its root. */
  config?: Record<string, unknown>;
  /** The scan date, `YYYY-MM-DD` (default: the tester's fixed day): for date-dependent rules (GPU004). */
  today?: string;
  /** More rules to run (SUP002 needs the rule its directive names). Only the tested rule's findings are compared. */
  rules?: string[];
}

interface CaseBase {
  /** Unique within the format; the test title. */
  name: string;
  /**
   * The tree, path → text. A leading newline of a text is dropped (so a template literal can
   * start on its own line). In an invalid case, `⟦` and `⟧` mark the expected ranges.
   */
  files?: Record<string, string>;
  /** Or a folder of the repository (`fixtures/…`) copied as the tree; positions are then given in `errors`. */
  fixture?: string;
  options?: CaseOptions;
  /** A file of the tree does not parse, on purpose: a PARSE001 finding is expected beside the rule's. */
  parseError?: boolean;
}

/** What one expected finding must look like; a case-level value applies to every finding. */
export interface Expectation {
  level?: Level;
  /** `finding.env`, the environment class of the evaluation the finding came from. */
  env?: EnvClass;
  /** The key of the rule's `meta.messages` entry (asserted when stated). */
  messageId?: string;
  /** The whole message (a string) or a pattern it matches. */
  message?: string | RegExp;
  /** Text the message contains. */
  messageIncludes?: string;
  /** Texts that must appear in neither the message nor a related location's label (a secret). */
  mustNotShow?: string[];
  /** Each entry must match one related location (every stated field). */
  related?: { file?: string; line?: number; label?: string | RegExp }[];
}

/** An explicit position, for `fixture` cases (inline files use markers): 1-based, end exclusive. */
export interface Position {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type ValidCase = CaseBase;

export interface InvalidCase extends CaseBase, Expectation {
  /**
   * One entry per expected finding, in the order of the marked ranges (files by path, then
   * by the position of `⟦`); each entry refines the case-level expectation. Required with
   * `fixture`, where each entry also gives the position.
   */
  errors?: (Expectation & Partial<Position>)[];
}

export interface FormatCases {
  valid?: ValidCase[];
  invalid?: InvalidCase[];
}

/** A rule's table: cases per input format. */
export type RuleTable = Partial<Record<Format, FormatCases>>;
