/**
 * Runs one case through the real `lint()` on a temporary tree and compares what the tested
 * rule reported with what the case expects. Returns the differences as text, never throws
 * for a mismatch, so the tester's own tests can check that mismatches are caught.
 */
import path from 'node:path';
import { lint, type LintOptions } from '../../../src/api.js';
import { CONFIG_FILE_NAMES } from '../../../src/config/types.js';
import { LineMap } from '../../../src/core/source.js';
import type { Finding, Rule } from '../../../src/engine/types.js';
import { messageStyleProblems } from './house-style.js';
import { KNOWN_ISSUES, type KnownIssueKind } from './known-issues.js';
import { caseTree, makeTreeDir, removeTree, writeTree, type MarkedRange } from './tree.js';
import type { CaseOptions, Expectation, Format, InvalidCase, Position, ValidCase } from './types.js';

/** Cases run on a fixed day, so that `until=` dates in suppressions do not expire under the suite. */
export const TODAY = '2026-06-01';

/** Rules that report on the run itself (parse errors, evaluation limits, suppressions), not on a subject. */
const ENGINE_RULES = new Set(['PARSE001', 'EVAL001', 'SUP001', 'SUP002']);

export interface CaseRun {
  /** What differs from the expectation, one line or block per problem; empty when the case passes. */
  problems: string[];
  /** Known issues (KNOWN_ISSUES) seen in this case, as `kind:key`. */
  observed: Set<string>;
}

export interface CaseRef {
  rule: Rule;
  /** Every rule the run may select from (the registry). */
  ruleSet: Rule[];
  format: Format;
  kind: 'valid' | 'invalid';
  case: ValidCase | InvalidCase;
}

export async function runCase(ref: CaseRef): Promise<CaseRun> {
  const id = ref.rule.meta.id;
  const c = ref.case;
  const problems: string[] = [];
  const observed = new Set<string>();
  const known: Known = (kind, key) => {
    if (!(key in KNOWN_ISSUES[kind])) return false;
    observed.add(`${kind}:${key}`);
    return true;
  };
  const tree = caseTree(c);
  const expected = ref.kind === 'invalid' ? expectations(c as InvalidCase, tree.ranges) : [];

  const dir = makeTreeDir();
  let first: LintRun;
  let shifted: LintRun | undefined;
  let moved: LintRun | undefined;
  try {
    first = await lintTree(ref, tree.files, dir);
    if (first.findings.some((f) => f.ruleId === id)) {
      shifted = await lintTree(ref, tree.files, dir, true); // the same folder, every line one down
      moved = await lintTree(ref, tree.files); // the same files in another folder
    }
  } finally {
    removeTree(dir);
  }
  const placed = first.findings.filter((f) => f.ruleId === id).map((f) => ({ f, ...place(f, first.relOf(f), tree.files) }));
  placed.sort((a, b) => byPosition(a.at, b.at));
  const mine = placed.map((p) => p.f);

  // 1. Exactly the expected findings: where, level, environment class, message ID.
  for (const p of placed)
    if (p.outside && !known('rangeOutsideText', `${id} ${ref.format} ${c.name}`)) problems.push(`${id} at ${p.at.file}:${p.at.line}:${p.at.column}: ${p.outside}`);
  const got = placed.map((p, i) => describeFinding(p.f, p.at, tree.files, expected[i]));
  const want = expected.map((e) => describeFinding(undefined, e.at, tree.files, e));
  if (got.join('\n') !== want.join('\n'))
    problems.push(`findings of ${id} differ:\n  expected:\n${want.map((l) => `    ${l}`).join('\n') || '    (none)'}\n  got:\n${got.map((l) => `    ${l}`).join('\n') || '    (none)'}`);
  else {
    // 2. What the case says about each message and its related locations.
    mine.forEach((f, i) => problems.push(...messageProblems(f, expected[i]!)));
  }

  problems.push(
    ...styleProblems(first, known),
    ...parseProblems(id, c, first),
    ...fingerprintProblems(ref, mine, first, shifted, moved, known),
  );
  return { problems, observed };
}

type Known = (kind: KnownIssueKind, key: string) => boolean;

/** Every message the run produced follows the house style. */
function styleProblems(run: LintRun, known: Known): string[] {
  const out: string[] = [];
  for (const [message, ruleId] of new Map(run.findings.map((f) => [f.message, f.ruleId]))) {
    const style = messageStyleProblems(message);
    if (style.length && !known('messageStyle', ruleId)) out.push(`${ruleId} message breaks the house style (${style.join('; ')}): ${JSON.stringify(message)}`);
  }
  return out;
}

/** Nothing failed to parse unless the case says so (a broken fixture proves nothing). */
function parseProblems(id: string, c: ValidCase | InvalidCase, run: LintRun): string[] {
  if (id === 'PARSE001') return [];
  const parse = run.findings.filter((f) => f.ruleId === 'PARSE001');
  if (parse.length && !c.parseError) {
    const where = parse.map((f) => `${run.relOf(f)}:${f.location.range.start.line}:${f.location.range.start.column} ${f.message}`);
    return [`the tree does not parse (mark the case parseError: true if that is the point): ${where.join('; ')}`];
  }
  if (!parse.length && c.parseError) return ['the case says parseError, but every file parses'];
  return [];
}

/**
 * Fingerprints (RULES.md: rule + relative file + address + attribute path + env class) are
 * present and distinct, and stay the same when every line moves down one (`shifted`) and when
 * the tree is linted from another folder (`moved`); every rule finding names its subject.
 */
function fingerprintProblems(ref: CaseRef, mine: Finding[], first: LintRun, shifted: LintRun | undefined, moved: LintRun | undefined, known: Known): string[] {
  const id = ref.rule.meta.id;
  const out: string[] = [];
  for (const f of mine) {
    if (!/^[0-9a-f]{16,}$/.test(f.fingerprint)) out.push(`finding at ${first.relOf(f)}:${f.location.range.start.line} has no fingerprint`);
    if (!ENGINE_RULES.has(id) && !f.address) out.push(`finding at ${first.relOf(f)}:${f.location.range.start.line} names no subject (address)`);
  }
  if (!mine.length) return out;
  const prints = mine.map((f) => f.fingerprint);
  const same = (run: LintRun | undefined): boolean =>
    run !== undefined && run.findings.filter((f) => f.ruleId === id).map((f) => f.fingerprint).sort().join() === [...prints].sort().join();
  if (new Set(prints).size !== prints.length && !known('sharedFingerprint', `${id} ${ref.format} ${ref.case.name}`))
    out.push(`two findings of ${id} share a fingerprint: ${mine.map((f) => `${f.location.range.start.line}:${f.fingerprint.slice(0, 8)}`).join(', ')}`);
  if (!same(shifted) && !known('fingerprintWithLine', id))
    out.push(`fingerprints of ${id} change when every file moves down a line (RULES.md: no line numbers in a fingerprint)`);
  if (!same(moved) && !known('fingerprintWithPath', id))
    out.push(`fingerprints of ${id} change when the tree is linted from another folder (a fingerprint holds paths relative to the root)`);
  return out;
}

export interface LintRun {
  /** The unsuppressed findings of every rule that ran, in `lint()`'s order. */
  findings: Finding[];
  /** The path of a finding's file relative to the tree. */
  relOf(f: Finding): string;
  /** Texts of the files with findings, by relative path. */
  texts: ReadonlyMap<string, string>;
}

function lintTree(ref: CaseRef, files: ReadonlyMap<string, string>, dir?: string, shift = false): Promise<LintRun> {
  return lintFiles(ref.rule.meta.id, ref.ruleSet, files, ref.case.options ?? {}, dir, shift);
}

/**
 * Writes `files` to `dir` (by default a new temporary folder, removed afterwards) and lints
 * it with the case's options.
 */
export async function lintFiles(ruleId: string, ruleSet: Rule[], files: ReadonlyMap<string, string>, c: CaseOptions, at?: string, shift = false): Promise<LintRun> {
  const dir = at ?? makeTreeDir();
  writeTree(dir, files, c.config, shift);
  try {
    const hasConfig = c.config !== undefined || [...files.keys()].some((f) => (CONFIG_FILE_NAMES as readonly string[]).includes(f));
    const options: LintOptions = {
      paths: [dir],
      root: dir,
      rules: [ruleId, ...(c.rules ?? [])],
      ruleSet,
      env: c.env,
      varFiles: c.varFiles?.map((f) => path.join(dir, f)),
      ruleOptions: c.ruleOptions,
      noConfig: !hasConfig,
      today: c.today ?? TODAY,
    };
    const result = await lint(options);
    const rel = (file: string): string => path.relative(dir, file).split(path.sep).join('/');
    return {
      findings: result.findings.filter((f) => !f.suppression),
      relOf: (f) => rel(f.location.file),
      texts: new Map([...result.sources].map(([file, text]) => [rel(file), text])),
    };
  } finally {
    if (at === undefined) removeTree(dir);
  }
}

/** One expected finding: its range and everything the case states about it. */
export interface ExpectedFinding extends Expectation {
  at: Omit<MarkedRange, 'start' | 'end'>;
}

/**
 * The order findings are compared in: by file, then by start; of two ranges that start
 * together the longer first (the order of their opening markers).
 */
export function byPosition(a: Position, b: Position): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || b.endLine - a.endLine || b.endColumn - a.endColumn;
}

/** Pairs the ranges with the case-level and per-range expectations, in `byPosition` order. */
function expectations(c: InvalidCase, ranges: MarkedRange[]): ExpectedFinding[] {
  const base: Expectation = {
    level: c.level, env: c.env, messageId: c.messageId, message: c.message, messageIncludes: c.messageIncludes,
    mustNotShow: c.mustNotShow, related: c.related,
  };
  if (c.fixture !== undefined) {
    return (c.errors ?? []).map((e) => {
      const { file, line, column, endLine, endColumn, ...rest } = e;
      return { ...base, ...defined(rest), at: { file: file!, line: line!, column: column!, endLine: endLine!, endColumn: endColumn! } };
    }).sort((a, b) => byPosition(a.at, b.at));
  }
  return ranges.map((r, i) => ({ ...base, ...defined(c.errors?.[i] ?? {}), at: r }));
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Where a finding is, as a position in the tree's text. A range that ends past the end of the
 * file, or whose line/column disagree with its offsets, is a problem (`outside`); the
 * position is then clamped to the text, so that the case can still mark it.
 */
export function place(f: Finding, file: string, files: ReadonlyMap<string, string>): { at: Position; outside?: string } {
  const { start, end } = f.location.range;
  const reported = { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  const text = files.get(file);
  if (text === undefined) return { at: reported };
  const lines = new LineMap(text);
  const s = lines.position(Math.min(start.offset, text.length));
  const e = lines.position(Math.min(end.offset, text.length));
  const at = { file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  if (end.offset > text.length) return { at, outside: `the range ${start.line}:${start.column}-${end.line}:${end.column} ends past the end of the file` };
  if (at.line !== reported.line || at.column !== reported.column || at.endLine !== reported.endLine || at.endColumn !== reported.endColumn)
    return { at, outside: `the range says ${reported.line}:${reported.column}-${reported.endLine}:${reported.endColumn}, its offsets ${at.line}:${at.column}-${at.endLine}:${at.endColumn}` };
  return { at };
}

/**
 * `file line:col-endLine:endCol «text» level=… env=… [messageId=…]` of a finding (or, with
 * `f` undefined, of an expectation); the message ID only when the case states one.
 */
function describeFinding(f: Finding | undefined, at: Position, files: ReadonlyMap<string, string>, e: ExpectedFinding | undefined): string {
  const text = files.get(at.file);
  let under = '?';
  if (text !== undefined) {
    const lines = new LineMap(text);
    under = excerpt(text.slice(lines.offsetOf(at.line, at.column), lines.offsetOf(at.endLine, at.endColumn)));
  }
  const level = f ? f.level : e?.level;
  const env = f ? f.env : e?.env;
  const id = e?.messageId !== undefined ? ` messageId=${f ? f.messageId : e.messageId}` : '';
  return `${at.file} ${at.line}:${at.column}-${at.endLine}:${at.endColumn} «${under}» level=${level} env=${env}${id}`;
}

/** The text under a range, shortened to one line. */
function excerpt(s: string): string {
  const one = s.replace(/\r?\n/g, '⏎');
  return one.length > 60 ? `${one.slice(0, 40)}…${one.slice(-12)}` : one;
}

function messageProblems(f: Finding, e: ExpectedFinding): string[] {
  const out: string[] = [];
  const where = `${f.ruleId} at ${f.location.range.start.line}:${f.location.range.start.column}`;
  if (typeof e.message === 'string' && f.message !== e.message) out.push(`${where}: message ${JSON.stringify(f.message)}, expected ${JSON.stringify(e.message)}`);
  if (e.message instanceof RegExp && !e.message.test(f.message)) out.push(`${where}: message ${JSON.stringify(f.message)} does not match ${e.message}`);
  if (e.messageIncludes !== undefined && !f.message.includes(e.messageIncludes)) out.push(`${where}: message ${JSON.stringify(f.message)} does not contain ${JSON.stringify(e.messageIncludes)}`);
  for (const secret of e.mustNotShow ?? []) {
    if (f.message.includes(secret)) out.push(`${where}: the message shows ${JSON.stringify(secret)}`);
    for (const r of f.related) if (r.label?.includes(secret)) out.push(`${where}: a related location's label shows ${JSON.stringify(secret)}`);
  }
  for (const want of e.related ?? []) {
    const hit = f.related.some((r) =>
      (want.file === undefined || r.file.split(path.sep).join('/').endsWith(`/${want.file}`)) &&
      (want.line === undefined || r.range.start.line === want.line) &&
      (want.label === undefined || (typeof want.label === 'string' ? r.label === want.label : want.label.test(r.label ?? ''))),
    );
    if (!hit) out.push(`${where}: no related location matches ${JSON.stringify({ ...want, label: want.label?.toString() })}; related: ${f.related.map((r) => `${path.basename(r.file)}:${r.range.start.line} ${r.label ?? ''}`).join(', ') || '(none)'}`);
  }
  return out;
}
