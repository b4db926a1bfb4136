/**
 * The baseline: a file listing the findings that existed when it was written, so that a
 * team can adopt the linter and fail only on new findings (`--write-baseline`, `--baseline`).
 *
 * Entries are matched by rule ID + `Finding.fingerprint` (rule + file + address + attribute
 * path + environment class, never line numbers): moving code does not create new findings.
 * Matching counts: two baseline entries with the same fingerprint cover two findings.
 */
import type { Finding } from './types.js';
import { relativeToRoot } from './findings.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  /** Relative to the scan root, `/`-separated (for people reading the file; not used to match). */
  file: string;
  message: string;
  /** Hash of the offending source text (Finding.evidence): a changed value is a new finding. */
  evidence?: string;
}

export interface BaselineFile {
  version: number;
  /** `mlops-iac-lint <version>`. */
  generatedBy: string;
  entries: BaselineEntry[];
}

/** A baseline file that cannot be read or has the wrong shape. */
export class BaselineError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`invalid baseline file ${file}: ${message}`);
    this.name = 'BaselineError';
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The baseline text (pretty JSON, trailing newline, deterministic) for the findings that are
 * not already suppressed (inline, config or an earlier baseline).
 */
export function writeBaseline(findings: readonly Finding[], root: string, toolVersion = 'unknown'): string {
  const entries: BaselineEntry[] = findings
    .filter((f) => !f.suppression)
    .map((f) => ({
      ruleId: f.ruleId,
      fingerprint: f.fingerprint,
      file: relativeToRoot(root, f.location.file),
      message: f.message,
      ...(f.evidence ? { evidence: f.evidence } : {}),
    }))
    .sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint) || cmp(a.message, b.message));
  const out: BaselineFile = { version: BASELINE_VERSION, generatedBy: `mlops-iac-lint ${toolVersion}`, entries };
  return JSON.stringify(out, null, 2) + '\n';
}

/** Parses and checks a baseline file; throws `BaselineError` with what is wrong. */
export function parseBaseline(text: string, file: string): BaselineFile {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new BaselineError(file, `not valid JSON (${(e as Error).message}); write a new one with --write-baseline`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BaselineError(file, 'expected a JSON object { "version", "entries" }');
  const d = data as Record<string, unknown>;
  if (d.version !== BASELINE_VERSION) {
    throw new BaselineError(file, `unsupported version ${JSON.stringify(d.version)} (expected ${BASELINE_VERSION}); write a new one with --write-baseline`);
  }
  if (!Array.isArray(d.entries)) throw new BaselineError(file, '"entries" must be an array');
  const entries: BaselineEntry[] = d.entries.map((e: unknown, i: number) => {
    const x = e as Record<string, unknown> | null;
    if (!x || typeof x !== 'object' || typeof x.ruleId !== 'string' || typeof x.fingerprint !== 'string') {
      throw new BaselineError(file, `entries[${i}] must be an object with string "ruleId" and "fingerprint"`);
    }
    return {
      ruleId: x.ruleId,
      fingerprint: x.fingerprint,
      file: typeof x.file === 'string' ? x.file : '',
      message: typeof x.message === 'string' ? x.message : '',
      ...(typeof x.evidence === 'string' ? { evidence: x.evidence } : {}),
    };
  });
  return { version: BASELINE_VERSION, generatedBy: typeof d.generatedBy === 'string' ? d.generatedBy : '', entries };
}

/**
 * Marks findings listed in the baseline as suppressed
 * (`{ kind: 'external', justification: 'in baseline <file>' }`). Already suppressed findings
 * are left alone and do not consume entries. `file` is the baseline's path as shown to the user.
 */
export function applyBaseline(findings: readonly Finding[], baselineText: string, file: string): Finding[] {
  return applyBaselineWithStats(findings, baselineText, file).findings;
}

/** `applyBaseline`, also returning how many entries matched nothing (fixed findings). */
export function applyBaselineWithStats(findings: readonly Finding[], baselineText: string, file: string): { findings: Finding[]; matched: number; stale: number } {
  const baseline = parseBaseline(baselineText, file);
  const remaining = new Map<string, number>();
  // Entries match on rule + fingerprint (line-independent) and, when both sides have it,
  // the evidence: the same finding whose offending value was edited is new.
  const key = (ruleId: string, fp: string, evidence?: string): string => `${ruleId}\u0000${fp}\u0000${evidence ?? ''}`;
  for (const e of baseline.entries) {
    const k = key(e.ruleId, e.fingerprint, e.evidence);
    remaining.set(k, (remaining.get(k) ?? 0) + 1);
  }
  let matched = 0;
  const out = findings.map((f) => {
    if (f.suppression) return f;
    const withEvidence = key(f.ruleId, f.fingerprint, f.evidence);
    const k = remaining.get(withEvidence) ? withEvidence : key(f.ruleId, f.fingerprint);
    const n = remaining.get(k) ?? 0;
    if (n <= 0) return f;
    remaining.set(k, n - 1);
    matched++;
    return { ...f, suppression: { kind: 'external' as const, justification: `in baseline ${file}` } };
  });
  return { findings: out, matched, stale: baseline.entries.length - matched };
}
