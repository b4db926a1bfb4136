/**
 * The `json` format: a stable, versioned shape for scripts (documented in JSON-FORMAT.md).
 *
 *     {
 *       "version": 1,
 *       "tool": { "name": "mlops-iac-lint", "version": "0.1.0" },
 *       "root": "/abs/scan/root",
 *       "summary": { "errors": 1, "warnings": 0, "notes": 0, "suppressed": 1, "files": 12 },
 *       "findings": [
 *         {
 *           "ruleId": "AML001", "level": "error", "message": "…",
 *           "file": "envs/prod/main.tf", "line": 12, "column": 3, "endLine": 12, "endColumn": 39,
 *           "related": [{ "file": "…", "line": 3, "column": 13, "endLine": 3, "endColumn": 17, "label": "…" }],
 *           "fingerprint": "…", "address": "azurerm_machine_learning_workspace.main" | null,
 *           "env": "prod" | "nonprod" | "unknown", "variants": ["prod.tfvars"],
 *           "suppressed": { "kind": "inSource" | "external", "justification": "…" }   // only when suppressed
 *         }
 *       ]
 *     }
 *
 * `summary` counts unsuppressed findings by level; suppressed findings are listed too (with
 * `suppressed`) and counted only in `summary.suppressed`. Paths are relative to `root` with
 * forward slashes; positions are 1-based, columns in UTF-16 code units, `endColumn` exclusive.
 * Regions are the ones SARIF and the GitHub annotations show (`normalizeRegion`: an empty range,
 * such as line 1 of a state or plan file, is one column wide), so every format that prints an
 * end gives a finding the same place. Findings are sorted by file, line, column, end, rule ID. Keys always appear in this order.
 */
import type { LintResult } from '../engine/result.js';
import type { Level, Suppression } from '../engine/types.js';
import type { EnvClass } from '../core/env.js';
import type { Location } from '../core/source.js';
import { TOOL_NAME, compareStrings, normalizeRegion, relativePath, sortFindings, summarize, type Summary } from './common.js';

export const JSON_FORMAT_VERSION = 1;

export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonRelated extends JsonLocation {
  label: string | null;
}

export interface JsonFinding extends JsonLocation {
  ruleId: string;
  level: Level;
  message: string;
  related: JsonRelated[];
  fingerprint: string;
  address: string | null;
  env: EnvClass;
  variants: string[];
  suppressed?: { kind: Suppression['kind']; justification: string };
}

export interface JsonReport {
  version: 1;
  tool: { name: string; version: string };
  root: string;
  summary: Summary;
  findings: JsonFinding[];
}

/** A location as SARIF gives it (same region), with its path relative to the root. */
function loc(root: string, l: Location): JsonLocation {
  const r = normalizeRegion(l.range);
  return { file: relativePath(root, l.file), line: r.startLine, column: r.startColumn, endLine: r.endLine, endColumn: r.endColumn };
}

export function buildJsonReport(result: LintResult): JsonReport {
  const findings = sortFindings(result.findings).map((f): JsonFinding => {
    const primary = loc(result.root, f.location);
    const out: JsonFinding = {
      ruleId: f.ruleId,
      level: f.level,
      message: f.message,
      file: primary.file,
      line: primary.line,
      column: primary.column,
      endLine: primary.endLine,
      endColumn: primary.endColumn,
      related: f.related.map((r) => ({ ...loc(result.root, r), label: r.label ?? null })),
      fingerprint: f.fingerprint,
      address: f.address ?? null,
      env: f.env,
      variants: [...f.variants].sort(compareStrings),
    };
    if (f.suppression) {
      out.suppressed = { kind: f.suppression.kind, justification: f.suppression.justification };
    }
    return out;
  });
  return {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: result.toolVersion },
    root: result.root,
    summary: summarize(result),
    findings,
  };
}

export function formatJson(result: LintResult): string {
  return JSON.stringify(buildJsonReport(result), null, 2) + '\n';
}
