/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer).
 *
 * - one run; `tool.driver` with every rule that ran (sorted by ID) plus descriptors for
 *   built-in diagnostics (PARSE001, EVAL001, SUP001, SUP002) that appear in the results;
 * - URIs relative to the scan root (or to `uriBase`: the CLI passes GITHUB_WORKSPACE, see
 *   src/report/workspace.ts) with `uriBaseId: "%SRCROOT%"`, whose absolute file URL is in
 *   `originalUriBaseIds` (the only absolute path in the document);
 * - regions normalized (≥ 1, non-empty) because GitHub rejects or mis-highlights others;
 * - `partialFingerprints["mlopsIacLint/v1"]` from the engine's line-independent fingerprint.
 *   No `primaryLocationLineHash`: github/codeql-action's upload-sarif computes it from the
 *   line's text and logs a warning for every result whose given value differs from its own
 *   (src/fingerprints.ts), which would be one warning per finding in every run's log;
 * - suppressed results kept, with `suppressions`;
 * - parse/evaluation problems also as `invocations[0].toolExecutionNotifications`;
 * - GitHub's upload limits kept (GITHUB_SARIF_LIMITS): what had to be left out is said in a
 *   warning notification and returned as a notice for the caller's log.
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
  compareBySeverity,
  compareStrings,
  normalizeRegion,
  plural,
  relativePath,
  ruleDocUrl,
  sortFindings,
} from './common.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
export const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'mlopsIacLint/v1';

/**
 * GitHub code scanning rejects a SARIF file in which a run has more than 25,000 results or a
 * result more than 1,000 locations ("SARIF support for code scanning", "Validating your SARIF
 * file": the limits table; above them the upload fails, it is not truncated). Which locations
 * count is not said, so a result keeps its one location plus at most 999 related locations.
 * The other limits of that table cannot be reached: one run per file, at most a few dozen
 * rules of at most 4 tags each, no thread flows, no tool extensions.
 */
export const GITHUB_SARIF_LIMITS = { resultsPerRun: 25_000, locationsPerResult: 1_000 } as const;

export interface SarifOptions {
  /**
   * URIs are relative to this folder, which `%SRCROOT%` names (default: the scan root). The
   * fingerprints stay relative to the scan root (RULES.md "Fingerprint").
   */
  uriBase?: string;
  /** At most this many results (default GITHUB_SARIF_LIMITS.resultsPerRun). */
  maxResults?: number;
  /** At most this many related locations per result (default: the locations limit less the primary one). */
  maxRelatedLocations?: number;
}

/** The SARIF log, and one line per limit that made it leave something out (for the caller's log). */
export interface SarifReport {
  log: SarifLog;
  notices: string[];
}

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

function artifactLocation(base: string, file: string): SarifLog {
  const rel = relativePath(base, file);
  if (rel === '..' || rel.startsWith('../') || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) {
    // Outside the base: an absolute URI without a base.
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

/** Related locations linked from a result's message; the others are counted ("and 3 more"). */
const LINKED_RELATED = 5;

/** `\`, `[` and `]` escaped, as SARIF's embedded-link syntax asks of literal text (§3.11.6). */
const escapeLinkText = (text: string): string => text.replace(/[\\[\]]/g, (c) => `\\${c}`);

/**
 * The result's message with its related locations linked at the end (`[label](id)`, SARIF
 * §3.11.6): GitHub code scanning shows related locations only as links embedded in the message.
 * A message whose own text could read as a link (`[x](y)`) has its brackets escaped.
 */
function messageText(f: Finding, related: number): string {
  const text = nonEmpty(f.message, f.ruleId);
  const own = /\[[^\]]*\]\(/.test(text) ? escapeLinkText(text) : text;
  if (related === 0) return own;
  const links = f.related.slice(0, Math.min(related, LINKED_RELATED)).map((r, i) => `[${escapeLinkText(nonEmpty(r.label, 'related location'))}](${i + 1})`);
  const more = related > LINKED_RELATED ? ` and ${related - LINKED_RELATED} more` : '';
  return `${own} Related: ${links.join(', ')}${more}.`;
}

function resultObject(root: string, f: Finding, ruleIdx: Map<string, number>, maxRelated: number): SarifLog {
  const out: SarifLog = {
    ruleId: f.ruleId,
    ruleIndex: ruleIdx.get(f.ruleId),
    level: f.level,
    message: { text: messageText(f, Math.min(f.related.length, maxRelated)) },
    locations: [{ physicalLocation: physicalLocation(root, f.location) }],
  };
  if (f.related.length > 0) {
    out.relatedLocations = f.related.slice(0, maxRelated).map((r, i) => ({
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

/** Keeps results first: unsuppressed before suppressed, errors, warnings, notes, then file order. */
function compareForCap(a: Finding, b: Finding): number {
  return Number(a.suppression !== undefined) - Number(b.suppression !== undefined) || compareBySeverity(a, b);
}

/** `12,345`: the same on every machine (no locale). */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function leftOutByLevel(left: readonly Finding[]): string {
  const by = { error: 0, warning: 0, note: 0, suppressed: 0 };
  for (const f of left) {
    if (f.suppression) by.suppressed++;
    else by[f.level]++;
  }
  const counted = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
  const parts = [counted(by.error, 'error'), counted(by.warning, 'warning'), counted(by.note, 'note')];
  if (by.suppressed > 0) parts.push(`${count(by.suppressed)} suppressed`);
  return parts.join(', ');
}

/** The SARIF log as an object (for tests and for the Action, which uploads it). */
export function buildSarif(result: LintResult, options: SarifOptions = {}): SarifLog {
  return buildSarifReport(result, options).log;
}

/** The SARIF log and what GitHub's limits made it leave out (see GITHUB_SARIF_LIMITS). */
export function buildSarifReport(result: LintResult, options: SarifOptions = {}): SarifReport {
  const rules = allRules(result);
  const ruleIdx = new Map(rules.map((r, i) => [r.id, i]));
  const root = options.uriBase ?? result.root;
  let rootUri = pathToFileURL(root).href;
  if (!rootUri.endsWith('/')) rootUri += '/';

  const maxResults = Math.max(0, options.maxResults ?? GITHUB_SARIF_LIMITS.resultsPerRun);
  const maxRelated = Math.max(0, options.maxRelatedLocations ?? GITHUB_SARIF_LIMITS.locationsPerResult - 1);
  const sorted = sortFindings(result.findings);
  let kept = sorted;
  const notices: string[] = [];
  if (sorted.length > maxResults) {
    const ranked = [...sorted].sort(compareForCap);
    const keep = new Set(ranked.slice(0, maxResults));
    kept = kept.filter((f) => keep.has(f));
    notices.push(
      `${count(sorted.length - maxResults)} of ${count(sorted.length)} results left out of the SARIF report ` +
        `(${leftOutByLevel(ranked.slice(maxResults))}): GitHub code scanning rejects a run with more than ` +
        `${count(GITHUB_SARIF_LIMITS.resultsPerRun)} results. The ${count(maxResults)} kept are the most severe ` +
        `(unsuppressed before suppressed; errors, then warnings, then notes); the exit code counts every finding.`,
    );
  }
  const cut = kept.filter((f) => f.related.length > maxRelated);
  if (cut.length > 0) {
    const dropped = cut.reduce((n, f) => n + f.related.length - maxRelated, 0);
    notices.push(
      `${count(dropped)} related locations left out of the SARIF report (${plural(cut.length, 'result')} had more than ` +
        `${count(maxRelated)}; each keeps its first ${count(maxRelated)}): GitHub code scanning rejects a result with more than ` +
        `${count(GITHUB_SARIF_LIMITS.locationsPerResult)} locations.`,
    );
  }

  const invocation: SarifLog = { executionSuccessful: true };
  const notifications = [...result.notifications].sort(compareNotifications);
  const limitNotifications: SarifLog[] = notices.map((text) => ({ level: 'warning', message: { text } }));
  if (notifications.length + limitNotifications.length > 0) {
    invocation.toolExecutionNotifications = [...limitNotifications, ...notifications.map((n) => notificationObject(root, n, ruleIdx))];
  }

  const driver: SarifLog = { name: TOOL_NAME, version: result.toolVersion };
  if (/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(result.toolVersion)) {
    driver.semanticVersion = result.toolVersion;
  }
  driver.informationUri = TOOL_INFORMATION_URI;
  driver.rules = rules.map((r) => ruleDescriptor(r, result.toolVersion));

  const log: SarifLog = {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver },
        invocations: [invocation],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results: kept.map((f) => resultObject(root, f, ruleIdx, maxRelated)),
      },
    ],
  };
  return { log, notices };
}

/** The SARIF text; `onNotice` receives one line per GitHub limit that left something out. */
export function formatSarif(result: LintResult, options: SarifOptions & { onNotice?: (line: string) => void } = {}): string {
  const { log, notices } = buildSarifReport(result, options);
  for (const n of notices) options.onNotice?.(n);
  return JSON.stringify(log, null, 2) + '\n';
}
