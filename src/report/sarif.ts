/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer).
 *
 * - one run; `tool.driver` with every rule that ran (sorted by ID) plus descriptors for
 *   built-in diagnostics (PARSE001, EVAL001, SUP001, SUP002) that appear in the results;
 * - URIs relative to the scan root with `uriBaseId: "%SRCROOT%"`, whose absolute file URL
 *   is in `originalUriBaseIds` (the only absolute path in the document);
 * - regions normalized (≥ 1, non-empty) because GitHub rejects or mis-highlights others;
 * - `partialFingerprints["mlopsIacLint/v1"]` from the engine's line-independent fingerprint;
 * - suppressed results kept, with `suppressions`;
 * - parse/evaluation problems also as `invocations[0].toolExecutionNotifications`.
 *
 * Deterministic: no timestamps, sorted rules and results.
 */
import { pathToFileURL } from 'node:url';
import type { LintResult, Notification } from '../engine/result.js';
import type { Finding, Level, RuleMeta } from '../engine/types.js';
import type { Location } from '../core/source.js';
import {
  TOOL_INFORMATION_URI,
  TOOL_NAME,
  allRules,
  compareStrings,
  normalizeRegion,
  relativePath,
  ruleDocUrl,
  sortFindings,
} from './common.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
export const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'mlopsIacLint/v1';

/* A deliberately small typing of the SARIF objects we emit. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type SarifLog = { [key: string]: Json | undefined };

type SarifLevel = Level | 'none';

/** `security-severity` as GitHub wants it: a decimal string such as "7.5". */
function securitySeverityString(n: number): string {
  const clamped = Math.min(10, Math.max(0, n));
  return clamped.toFixed(1);
}

/**
 * `defaultConfiguration.level`: the rule's level, or for env-aware rules the level for the
 * `unknown` environment class; when that is `off`, the prod level, then the non-prod one
 * (`none` only when the rule is off everywhere).
 */
export function defaultLevel(rule: RuleMeta): SarifLevel {
  if (typeof rule.level === 'string') return rule.level;
  const { unknown, prod, nonprod } = rule.level;
  for (const l of [unknown, prod, nonprod]) if (l !== 'off') return l;
  return 'none';
}

/** GitHub's `problem.severity`: error, warning or recommendation. */
function problemSeverity(level: SarifLevel): string {
  return level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'recommendation';
}

function helpMarkdown(rule: RuleMeta, docUrl: string | undefined): string {
  const parts = [`**${rule.id} ${rule.name}**: ${rule.shortDescription}`];
  if (rule.fullDescription && rule.fullDescription !== rule.shortDescription) parts.push(rule.fullDescription);
  if (rule.help) parts.push(`**Fix:** ${rule.help}`);
  if (typeof rule.level !== 'string') {
    const l = rule.level;
    parts.push(`**Level by environment:** prod \`${l.prod}\`, non-prod \`${l.nonprod}\`, unknown \`${l.unknown}\`.`);
  }
  if (docUrl) parts.push(`[Rule documentation](${docUrl})`);
  return parts.join('\n\n');
}

function nonEmpty(text: string | undefined, fallback: string): string {
  return text !== undefined && text.trim() !== '' ? text : fallback;
}

function ruleDescriptor(rule: RuleMeta, toolVersion: string): SarifLog {
  const docUrl = ruleDocUrl(rule, toolVersion);
  const level = defaultLevel(rule);
  const short = nonEmpty(rule.shortDescription, rule.id);
  const properties: SarifLog = {
    tags: [...rule.tags],
    precision: 'high',
  };
  if (rule.securitySeverity !== undefined) {
    properties['security-severity'] = securitySeverityString(rule.securitySeverity);
  }
  properties['problem.severity'] = problemSeverity(level);
  if (typeof rule.level !== 'string') {
    properties.envLevels = { prod: rule.level.prod, nonprod: rule.level.nonprod, unknown: rule.level.unknown };
  }
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: short },
    fullDescription: { text: nonEmpty(rule.fullDescription, short) },
    help: { text: nonEmpty(rule.help, short), markdown: helpMarkdown(rule, docUrl) },
    helpUri: docUrl,
    defaultConfiguration: { level },
    properties,
  };
}

/** Percent-encodes what a URI path segment cannot hold (spaces, `%`, `#`, `?`, non-ASCII). */
function encodePath(p: string): string {
  return p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/%40/g, '@').replace(/%2B/g, '+').replace(/%3D/g, '='))
    .join('/');
}

function artifactLocation(root: string, file: string): SarifLog {
  const rel = relativePath(root, file);
  if (rel === '..' || rel.startsWith('../') || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) {
    // Outside the scan root: an absolute URI without a base.
    return { uri: pathToFileURL(file).href };
  }
  return { uri: encodePath(rel), uriBaseId: SRCROOT };
}

function physicalLocation(root: string, l: Location): SarifLog {
  return {
    artifactLocation: artifactLocation(root, l.file),
    region: { ...normalizeRegion(l.range) },
  };
}

function resultObject(root: string, f: Finding, ruleIdx: Map<string, number>): SarifLog {
  const out: SarifLog = {
    ruleId: f.ruleId,
    ruleIndex: ruleIdx.get(f.ruleId),
    level: f.level,
    message: { text: nonEmpty(f.message, f.ruleId) },
    locations: [{ physicalLocation: physicalLocation(root, f.location) }],
  };
  if (f.related.length > 0) {
    out.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      physicalLocation: physicalLocation(root, r),
      message: { text: nonEmpty(r.label, 'related location') },
    }));
  }
  out.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  const properties: SarifLog = { env: f.env, variants: [...f.variants].sort(compareStrings) };
  if (f.address !== undefined) properties.address = f.address;
  if (f.attributePath !== undefined) properties.attributePath = f.attributePath;
  out.properties = properties;
  if (f.suppression) {
    const s: SarifLog = { kind: f.suppression.kind, justification: f.suppression.justification };
    if (f.suppression.location) s.location = { physicalLocation: physicalLocation(root, f.suppression.location) };
    out.suppressions = [s];
  }
  return out;
}

function compareNotifications(a: Notification, b: Notification): number {
  const ra = a.location.range;
  const rb = b.location.range;
  return (
    compareStrings(a.location.file, b.location.file) ||
    ra.start.line - rb.start.line ||
    ra.start.column - rb.start.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

function notificationObject(root: string, n: Notification, ruleIdx: Map<string, number>): SarifLog {
  const out: SarifLog = {
    descriptor: { id: n.ruleId },
    level: n.level,
    message: { text: nonEmpty(n.message, n.ruleId) },
    locations: [{ physicalLocation: physicalLocation(root, n.location) }],
  };
  const idx = ruleIdx.get(n.ruleId);
  if (idx !== undefined) out.associatedRule = { id: n.ruleId, index: idx };
  return out;
}

/** The SARIF log as an object (for tests and for the Action, which uploads it). */
export function buildSarif(result: LintResult): SarifLog {
  const rules = allRules(result);
  const ruleIdx = new Map(rules.map((r, i) => [r.id, i]));
  const root = result.root;
  let rootUri = pathToFileURL(root).href;
  if (!rootUri.endsWith('/')) rootUri += '/';

  const invocation: SarifLog = { executionSuccessful: true };
  const notifications = [...result.notifications].sort(compareNotifications);
  if (notifications.length > 0) {
    invocation.toolExecutionNotifications = notifications.map((n) => notificationObject(root, n, ruleIdx));
  }

  const driver: SarifLog = { name: TOOL_NAME, version: result.toolVersion };
  if (/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(result.toolVersion)) {
    driver.semanticVersion = result.toolVersion;
  }
  driver.informationUri = TOOL_INFORMATION_URI;
  driver.rules = rules.map((r) => ruleDescriptor(r, result.toolVersion));

  return {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver },
        invocations: [invocation],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results: sortFindings(result.findings).map((f) => resultObject(root, f, ruleIdx)),
      },
    ],
  };
}

export function formatSarif(result: LintResult): string {
  return JSON.stringify(buildSarif(result), null, 2) + '\n';
}
