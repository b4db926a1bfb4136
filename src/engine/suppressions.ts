/**
 * Inline suppressions (RULES.md "Inline suppressions").
 *
 *     mlops-iac-lint-ignore AML001[,KV001] [until=YYYY-MM-DD] -- reason text
 *
 * read from the comments of every format (HCL `#`/`//`/`/* *\/`, Bicep `//`, YAML `#`,
 * JSONC `//`), from Bicep's `#disable-next-line ID …` pragma (reason implied), and from an
 * ARM resource's `metadata["mlops-iac-lint-ignore"]` array (JSON without comments).
 *
 * Decisions (documented in rules/core/SUP001 and SUP002):
 * - A directive with a syntax problem (no ` -- reason`, a malformed `until` date, no rule
 *   ID, an unexpected word) suppresses nothing and is reported as SUP001 (warning): fail
 *   closed, so a sloppy suppression never silently hides a finding.
 * - Unknown rule IDs are reported (SUP001 warning); the known IDs of the same directive
 *   still apply.
 * - An expired directive (`until` before today) suppresses nothing and is reported as
 *   SUP001 at `note`. `until` is inclusive: on that day the directive still applies.
 * - The `metadata` channel also matches findings whose *related* locations fall inside
 *   the resource object (a finding whose value came from a parameter `defaultValue` is
 *   located at the parameter but relates to the resource that consumed it).
 * - Unused directives are reported per rule ID (`AML001,KV001` where only AML001
 *   suppressed something → SUP002 for KV001).
 */
import { LineMap } from '../core/source.js';
import type { Location, Range } from '../core/source.js';
import type { Value } from '../core/value.js';
import type { Finding, Level } from './types.js';
import { buildFinding } from './findings.js';

export const DIRECTIVE_KEYWORD = 'mlops-iac-lint-ignore';

/** A parsed directive (the grammar only; rule IDs are not checked against the catalog yet). */
export interface Directive {
  ruleIds: string[];
  /** `YYYY-MM-DD`, inclusive. */
  until?: string;
  reason: string;
}

/** A comment as the parsers deliver it (`pragma` marks a Bicep `#disable-next-line` line). */
export interface SuppressionComment {
  text: string;
  range: Range;
  pragma?: boolean;
}

/** A directive that is in force: its rule IDs are known, it has a reason and has not expired. */
export interface SuppressionDirective {
  file: string;
  ruleIds: string[];
  reason: string;
  until?: string;
  /** Where the directive is written (the comment, the pragma, the metadata entry). */
  location: Location;
  /** The 1-based line range (inclusive) whose findings it suppresses. */
  scope: { startLine: number; endLine: number };
  source: 'comment' | 'pragma' | 'metadata';
  /** Also match findings with a related location in scope (the `metadata` channel). */
  matchRelated?: boolean;
}

/** A SUP001 problem: a directive that is invalid or expired. Turn into findings with `suppressionFindings`. */
export interface SuppressionProblem {
  ruleId: 'SUP001' | 'SUP002';
  level: Level;
  message: string;
  location: Location;
  /** Stable text for the fingerprint (the directive's own text; no line numbers). */
  key: string;
  /** An unused directive's rules: reported only when one of them ran (as applySuppressions' unused ones). */
  forRules?: string[];
}

/** A rule ID: upper-case letters (digits allowed after the first, K8S001) and three digits. */
const ID_RE = /^[A-Z][A-Z0-9]*[0-9]{3}$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
/**
 * SUP001/SUP002 report suppressions themselves: a suppression of them would hide the problem of
 * another suppression (or of itself) and cannot be judged unused, so naming one is invalid.
 */
function isAboutSuppressions(id: string): boolean {
  return id === 'SUP001' || id === 'SUP002';
}

function unsuppressible(id: string): string {
  return `Invalid suppression: ${id} reports suppressions and cannot be suppressed inline; fix the suppression it reports, or turn it off in the config (\`"rules": { "${id}": "off" }\`).`;
}

export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** Today's date as `YYYY-MM-DD` (UTC): the scan date of `core/clock.ts`. */
export { todayUtc } from '../core/clock.js';

/** Removes comment markers when present (JSONC and YAML comments keep theirs). */
function stripMarkers(text: string): string {
  let t = text.trim();
  if (t.startsWith('/*')) {
    t = t.slice(2);
    if (t.endsWith('*/')) t = t.slice(0, -2);
  } else if (t.startsWith('//')) t = t.slice(2);
  else if (t.startsWith('#')) t = t.slice(1);
  // Block comments spanning lines: drop the conventional leading `*` of continuation lines.
  return t
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^\s*\*(?!\/)\s?/, ''))
    .join(' ')
    .trim();
}

/**
 * Parses one comment's text (with or without its markers). Returns undefined when the
 * comment is not a directive (does not start with `mlops-iac-lint-ignore`), `{ error }` when
 * it is a malformed one.
 */
export function parseSuppressionComment(text: string): Directive | { error: string } | undefined {
  const t = stripMarkers(text);
  if (!t.startsWith(DIRECTIVE_KEYWORD)) return undefined;
  const after = t.slice(DIRECTIVE_KEYWORD.length);
  if (after !== '' && !/^\s/.test(after)) return undefined; // `mlops-iac-lint-ignored`, `…-ignore-foo`
  const sep = /(^|\s)--(\s|$)/.exec(after);
  const head = (sep ? after.slice(0, sep.index) : after).trim();
  const reason = sep ? after.slice(sep.index + sep[0].length).trim() : '';
  const tokens = head.replace(/\s*,\s*/g, ',').split(/\s+/).filter(Boolean);
  const idToken = tokens[0];
  if (idToken === undefined || idToken.toLowerCase().startsWith('until=')) {
    return { error: `the suppression names no rule ID (write \`${DIRECTIVE_KEYWORD} AML001 -- reason\`)` };
  }
  const written = idToken.split(',').filter(Boolean);
  const ruleIds = written.map((s) => s.toUpperCase());
  const bad = written.find((id) => !ID_RE.test(id.toUpperCase()));
  if (bad !== undefined || ruleIds.length === 0) {
    // Quoted as written; `AML001--reason` is the usual slip (the reason needs blanks around `--`).
    const hint = bad !== undefined && /^[A-Za-z]+\d+--/.test(bad) ? ' (put blanks around -- before the reason)' : ' (IDs look like AML001)';
    return { error: `'${bad ?? idToken}' is not a rule ID${hint}` };
  }
  let until: string | undefined;
  for (const tok of tokens.slice(1)) {
    const m = /^until=(.*)$/i.exec(tok);
    if (!m) return { error: `unexpected '${tok}' in the suppression (expected \`until=YYYY-MM-DD\` or \` -- reason\`)` };
    if (until !== undefined) return { error: '`until=` is given twice' };
    if (!isValidDate(m[1]!)) return { error: `malformed date '${m[1]!}' in \`until=\` (expected YYYY-MM-DD)` };
    until = m[1]!;
  }
  if (!reason) return { error: `the suppression of ${ruleIds.join(', ')} has no reason (add \` -- why it is acceptable\`)` };
  return until === undefined ? { ruleIds: [...new Set(ruleIds)], reason } : { ruleIds: [...new Set(ruleIds)], until, reason };
}

/** Lines that are blank or hold only comments, computed by blanking every comment. */
function codeLines(text: string, comments: readonly SuppressionComment[]): LineMap {
  const chars = text.split('');
  for (const c of comments) {
    for (let i = c.range.start.offset; i < c.range.end.offset && i < chars.length; i++) {
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    }
  }
  return new LineMap(chars.join(''));
}

function scopeFor(comment: SuppressionComment, lines: LineMap, blocks: readonly Range[]): { startLine: number; endLine: number } | undefined {
  const line = comment.range.start.line;
  // Code (not other comments: `lines` has them blanked) before the directive on its line, or
  // after it on its last line (`/* mlops-iac-lint-ignore ACR001 -- … */ admin_enabled = true`):
  // the directive trails or leads that line and covers it.
  const before = lines.lineText(line).slice(0, comment.range.start.column - 1);
  if (before.trim() !== '' && !comment.pragma) return { startLine: line, endLine: line };
  const endLine = comment.range.end.line;
  const after = lines.lineText(endLine).slice(comment.range.end.column - 1);
  if (after.trim() !== '' && !comment.pragma) return { startLine: endLine, endLine };
  // On a line of its own: the next line with code, extended to the block it opens.
  for (let l = comment.range.end.line + 1; l <= lines.lineCount; l++) {
    if (lines.lineText(l).trim() === '') continue;
    let end = l;
    for (const b of blocks) if (b.start.line === l && b.end.line > end) end = b.end.line;
    return { startLine: l, endLine: end };
  }
  return undefined;
}

/**
 * Reads every directive of one file.
 *
 * @param comments the file's comments (HCL `HclFile.comments`, `ParsedJson.comments`,
 *   `CiDocument.comments`, Bicep comments plus `collectBicepPragmas(text)`).
 * @param blocks ranges of the constructs that open on a line (HCL blocks, JSON objects,
 *   YAML mappings): a directive above such a line covers the whole range. See
 *   `hclBlockRanges`, `jsonObjectRanges`, `yamlBlockRanges`.
 * @param today `YYYY-MM-DD`; directives whose `until` is before it have expired.
 */
export function collectSuppressions(
  file: string,
  text: string,
  comments: readonly SuppressionComment[],
  blocks: readonly Range[],
  knownRuleIds: ReadonlySet<string>,
  today: string,
): { directives: SuppressionDirective[]; problems: SuppressionProblem[] } {
  const directives: SuppressionDirective[] = [];
  const problems: SuppressionProblem[] = [];
  let lines: LineMap | undefined;
  for (const c of comments) {
    let parsed: Directive | { error: string } | undefined;
    let source: SuppressionDirective['source'] = 'comment';
    if (c.pragma || /^\s*#disable-next-line\b/.test(c.text)) {
      if (!c.pragma) continue; // a YAML/HCL comment that happens to read like a Bicep pragma
      const ids = c.text.trim().split(/\s+/).slice(1).map((s) => s.toUpperCase()).filter((s) => knownRuleIds.has(s));
      if (ids.length === 0) continue; // Bicep's own diagnostics
      parsed = { ruleIds: [...new Set(ids)], reason: '#disable-next-line' };
      source = 'pragma';
    } else {
      parsed = parseSuppressionComment(c.text);
    }
    if (parsed === undefined) continue;
    const location: Location = { file, range: c.range };
    const key = stripMarkers(c.text);
    if ('error' in parsed) {
      problems.push({ ruleId: 'SUP001', level: 'warning', message: `Invalid suppression: ${parsed.error}; it suppresses nothing.`, location, key });
      continue;
    }
    const unknown = parsed.ruleIds.filter((id) => !knownRuleIds.has(id));
    for (const id of unknown) {
      problems.push({ ruleId: 'SUP001', level: 'warning', message: `Invalid suppression: unknown rule ID '${id}'.`, location, key: `${key}\u0000${id}` });
    }
    for (const id of parsed.ruleIds.filter(isAboutSuppressions)) {
      problems.push({ ruleId: 'SUP001', level: 'warning', message: unsuppressible(id), location, key: `${key}\u0000${id}` });
    }
    const ids = parsed.ruleIds.filter((id) => knownRuleIds.has(id) && !isAboutSuppressions(id));
    if (ids.length === 0) continue;
    if (parsed.until !== undefined && parsed.until < today) {
      problems.push({
        ruleId: 'SUP001',
        level: 'note',
        message: `Expired suppression of ${ids.join(', ')}: it ran out on ${parsed.until} and no longer suppresses anything.`,
        location,
        key,
      });
      continue;
    }
    lines ??= codeLines(text, comments);
    const scope = scopeFor(c, lines, blocks);
    if (!scope) {
      problems.push({ ruleId: 'SUP002', level: 'note', message: noCodeAfterMessage(ids), location, key, forRules: ids });
      continue;
    }
    const d: SuppressionDirective = { file, ruleIds: ids, reason: parsed.reason, location, scope, source };
    if (parsed.until !== undefined) d.until = parsed.until;
    directives.push(d);
  }
  return { directives, problems };
}

function member(v: Value | undefined, name: string): Value | undefined {
  if (v?.kind !== 'object') return undefined;
  for (const [k, x] of v.entries) if (k.toLowerCase() === name.toLowerCase()) return x;
  return undefined;
}

/**
 * The JSON side channel: an ARM resource's
 * `metadata: { "mlops-iac-lint-ignore": [ { "id": "AML001", "reason": "…", "until": "…" } ] }`
 * (`id` may also be an array of IDs). Each entry suppresses findings of its IDs whose
 * primary location **or any related location** lies inside the resource object
 * (`objectRange`, e.g. `ArmResource.objectLocation.range`).
 */
export function metadataSuppressions(
  resourceBody: Value,
  objectRange: Range,
  file: string,
  knownRuleIds: ReadonlySet<string>,
  today: string,
): { directives: SuppressionDirective[]; problems: SuppressionProblem[] } {
  const directives: SuppressionDirective[] = [];
  const problems: SuppressionProblem[] = [];
  const entries = member(member(resourceBody, 'metadata'), DIRECTIVE_KEYWORD);
  if (!entries) return { directives, problems };
  const fallback: Location = { file, range: objectRange };
  const at = (v: Value | undefined): Location => (v?.origin && v.origin.file === file ? v.origin : fallback);
  const items = entries.kind === 'list' ? entries.items : [entries];
  if (entries.kind !== 'list' && entries.kind !== 'object') {
    if (entries.kind !== 'unknown') problems.push({ ruleId: 'SUP001', level: 'warning', message: `Invalid suppression: metadata "${DIRECTIVE_KEYWORD}" must be an array of { "id", "reason", "until"? } objects.`, location: at(entries), key: 'metadata' });
    return { directives, problems };
  }
  items.forEach((item, i) => {
    const location = at(item);
    const key = `metadata[${i}]`;
    const bad = (message: string, level: Level = 'warning'): void => {
      problems.push({ ruleId: 'SUP001', level, message, location, key: `${key}\u0000${message}` });
    };
    if (item.kind === 'unknown') return;
    if (item.kind !== 'object') return bad('Invalid suppression: each metadata entry must be an object { "id", "reason", "until"? }.');
    const idV = member(item, 'id');
    const rawIds = idV?.kind === 'string' ? idV.value.split(',') : idV?.kind === 'list' ? idV.items.map((x) => (x.kind === 'string' ? x.value : '')) : [];
    const ids = [...new Set(rawIds.map((s) => s.trim().toUpperCase()).filter(Boolean))];
    if (ids.length === 0) return bad('Invalid suppression: the metadata entry has no "id" (a rule ID such as "AML001").');
    const reasonV = member(item, 'reason');
    const reason = reasonV?.kind === 'string' ? reasonV.value.trim() : '';
    if (!reason) return bad(`Invalid suppression: the suppression of ${ids.join(', ')} has no "reason"; it suppresses nothing.`);
    const untilV = member(item, 'until');
    let until: string | undefined;
    if (untilV !== undefined && untilV.kind !== 'null') {
      if (untilV.kind !== 'string' || !isValidDate(untilV.value)) {
        return bad(`Invalid suppression: malformed date in "until" (expected YYYY-MM-DD); it suppresses nothing.`);
      }
      until = untilV.value;
    }
    for (const id of ids.filter((x) => !knownRuleIds.has(x))) bad(`Invalid suppression: unknown rule ID '${id}'.`);
    for (const id of ids.filter(isAboutSuppressions)) bad(unsuppressible(id));
    const known = ids.filter((x) => knownRuleIds.has(x) && !isAboutSuppressions(x));
    if (known.length === 0) return;
    if (until !== undefined && until < today) {
      return bad(`Expired suppression of ${known.join(', ')}: it ran out on ${until} and no longer suppresses anything.`, 'note');
    }
    const d: SuppressionDirective = {
      file,
      ruleIds: known,
      reason,
      location,
      scope: { startLine: objectRange.start.line, endLine: objectRange.end.line },
      source: 'metadata',
      matchRelated: true,
    };
    if (until !== undefined) d.until = until;
    directives.push(d);
  });
  return { directives, problems };
}

function scopeLines(d: SuppressionDirective): number {
  return d.scope.endLine - d.scope.startLine;
}

function inScope(loc: Location, d: SuppressionDirective): boolean {
  return loc.file === d.file && loc.range.start.line >= d.scope.startLine && loc.range.start.line <= d.scope.endLine;
}

/**
 * Marks findings that a directive covers (same file, rule ID listed, primary location's
 * start line in the directive's scope, or — for a value written elsewhere — every
 * resource attribute that reads it (`Finding.consumers`); `metadata` directives also match
 * related locations) with `suppression: { kind: 'inSource', justification, location }`.
 * Returns the directives (narrowed to their unused rule IDs) that suppressed nothing.
 *
 * With `allowInline: false` nothing is suppressed and nothing is reported unused.
 * `activeRuleIds`: rules that ran; directives for other rules are not reported unused.
 */
export function applySuppressions(
  findings: Finding[],
  directives: readonly SuppressionDirective[],
  opts: { allowInline: boolean; activeRuleIds?: ReadonlySet<string>; fileIdentity?: (file: string) => string },
): { findings: Finding[]; unused: SuppressionDirective[] } {
  if (!opts.allowInline) return { findings, unused: [] };
  // One file read under two paths (a symbolic link to it, walked, and the file itself) holds one
  // directive: used under either path, it is used (review 72: "unused, remove it" for a directive
  // that hid findings at the link's path).
  const identity = opts.fileIdentity ?? ((file: string) => file);
  const directiveKey = (d: SuppressionDirective): string => `${identity(d.file)}\u0000${d.location.range.start.offset}\u0000${d.source}`;
  const byFile = new Map<string, SuppressionDirective[]>();
  for (const d of directives) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const used = new Map<string, Set<string>>();
  const candidates = (f: Finding): SuppressionDirective[] => {
    const files = new Set([f.location.file, ...f.related.map((r) => r.file), ...(f.consumers ?? []).map((c) => c.file)]);
    return [...files].flatMap((file) => byFile.get(file) ?? []);
  };
  const out = findings.map((f) => {
    if (f.suppression || f.ruleId === 'SUP001' || f.ruleId === 'SUP002') return f;
    // Every directive that covers the finding suppresses it (a block directive and a trailing
    // one on the same line: neither is unused); the narrowest one gives the justification.
    let by: SuppressionDirective | undefined;
    for (const d of candidates(f)) {
      if (!d.ruleIds.includes(f.ruleId)) continue;
      // A value written elsewhere (a variable default, a shell assignment): the directive above
      // the resource(s) reading it covers the finding when it covers every one of them.
      const consumed = f.consumers !== undefined && f.consumers.length > 0 && f.consumers.every((c) => inScope(c, d));
      const hit = inScope(f.location, d) || consumed || (d.matchRelated === true && f.related.some((r) => inScope(r, d)));
      if (!hit) continue;
      const key = directiveKey(d);
      let u = used.get(key);
      if (!u) used.set(key, (u = new Set()));
      u.add(f.ruleId);
      if (!by || scopeLines(d) < scopeLines(by)) by = d;
    }
    return by ? { ...f, suppression: { kind: 'inSource' as const, justification: by.reason, location: by.location } } : f;
  });
  const unused: SuppressionDirective[] = [];
  // One directive read under several paths is one SUP002, at its first path (self-review 73).
  const reported = new Set<string>();
  for (const d of directives) {
    const key = directiveKey(d);
    if (reported.has(key)) continue;
    reported.add(key);
    const u = used.get(key);
    const ids = d.ruleIds.filter((id) => !u?.has(id) && (!opts.activeRuleIds || opts.activeRuleIds.has(id)));
    if (ids.length) unused.push({ ...d, ruleIds: ids });
  }
  return { findings: out, unused };
}

function noCodeAfterMessage(ids: readonly string[]): string {
  return `Unused suppression of ${ids.join(', ')}: there is no code after it.`;
}

/**
 * The directive problems of a run, an unused directive's narrowed to the rules that ran (as
 * `applySuppressions` narrows its unused ones): one for rules that all did not run (`--disable`,
 * `"off"`) is not reported, and its message names only those that ran.
 */
export function problemsForActiveRules(problems: readonly SuppressionProblem[], activeRuleIds: ReadonlySet<string>): SuppressionProblem[] {
  const out: SuppressionProblem[] = [];
  for (const p of problems) {
    if (!p.forRules) {
      out.push(p);
      continue;
    }
    const ids = p.forRules.filter((id) => activeRuleIds.has(id));
    if (ids.length === p.forRules.length) out.push(p);
    else if (ids.length > 0) out.push({ ...p, message: noCodeAfterMessage(ids), forRules: ids });
  }
  return out;
}

/** SUP002 problems for `applySuppressions(...).unused`. */
export function unusedProblems(unused: readonly SuppressionDirective[]): SuppressionProblem[] {
  return unused.map((d) => ({
    ruleId: 'SUP002',
    level: 'note',
    message: `Unused suppression: no ${d.ruleIds.join(', ')} finding ${d.scope.startLine === d.scope.endLine ? 'on the line' : 'in the block'} it covers. Remove it.`,
    location: d.location,
    key: `${d.source}\u0000${d.ruleIds.join(',')}\u0000${d.reason}`,
  }));
}

/** Turns SUP001/SUP002 problems into findings (fingerprint: rule + file + directive text, no line numbers). */
export function suppressionFindings(problems: readonly SuppressionProblem[], root: string): Finding[] {
  return problems.map((p) => buildFinding({ root, ruleId: p.ruleId, level: p.level, message: p.message, location: p.location, subject: p.key }));
}

// ---- block ranges for the scope rule --------------------------------------------------
