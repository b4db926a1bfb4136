/**
 * The one place a `Finding` is built: rule reports, parse and evaluation problems
 * (PARSE001, EVAL001) and suppression problems (SUP001, SUP002) all come through here, so
 * every finding's fingerprint follows RULES.md "Fingerprint": rule ID + file + subject +
 * attribute path + environment class, every path relative to the scan root, never a line
 * number.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EnvClass } from '../core/env.js';
import { relativeToRoot } from '../core/paths.js';
import type { Location } from '../core/source.js';
import type { Finding, Level } from './types.js';

/** Re-exported for the engine's and reports' callers; the one definition is in core. */
export { relativeToRoot };

export function fingerprint(ruleId: string, relFile: string, subject: string, attributePath: string, env: EnvClass): string {
  return createHash('sha256').update([ruleId, relFile, subject, attributePath, env].join('\u0000')).digest('hex').slice(0, 32);
}


export interface FindingInput {
  root: string;
  ruleId: string;
  level: Level;
  message: string;
  messageId?: string;
  location: Location;
  related?: Location[];
  /** The resource address or other subject (a module folder relative to the root, a directive's text, a cause). */
  subject?: string;
  /** The resource address, when the subject is a resource. */
  address?: string;
  attributePath?: string;
  env?: EnvClass;
  variants?: string[];
  consumers?: Location[];
}

/** Absolute paths under the root inside a subject or address (a module folder, a var file) become relative. */
function withoutRoot(root: string, s: string): string {
  const bare = root.endsWith(path.sep) ? root.slice(0, -1) : root;
  // `<root>/x` → `x`; the root itself (a module folder at the root) → `.`.
  const t = s.split(bare + path.sep).join('').split(path.sep).join('/');
  // The pattern can only match where the root's text occurs; it is compiled once per root.
  return t.includes(bare) ? t.replace(rootPattern(bare), '.') : t;
}

let rootPatternOf: { bare: string; re: RegExp } | undefined;
function rootPattern(bare: string): RegExp {
  if (rootPatternOf?.bare !== bare) rootPatternOf = { bare, re: new RegExp(`${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^\\w./-])`, 'g') };
  return rootPatternOf.re;
}

/** The fingerprint `buildFinding` gives a finding of this input (RULES.md "Fingerprint"), without building it. */
export function fingerprintOf(i: Pick<FindingInput, 'root' | 'ruleId' | 'location' | 'subject' | 'address' | 'attributePath' | 'env'>): string {
  return fingerprint(i.ruleId, relativeToRoot(i.root, i.location.file), withoutRoot(i.root, i.subject ?? i.address ?? ''), i.attributePath ?? '', i.env ?? 'unknown');
}

export function buildFinding(i: FindingInput): Finding {
  const env = i.env ?? 'unknown';
  const attributePath = i.attributePath ?? '';
  return {
    ruleId: i.ruleId,
    level: i.level,
    ...(i.messageId !== undefined ? { messageId: i.messageId } : {}),
    message: i.message,
    location: i.location,
    related: distinctPlaces(i.related ?? []),
    fingerprint: fingerprintOf(i),
    address: i.address ? withoutRoot(i.root, i.address) : undefined,
    attributePath: attributePath || undefined,
    env,
    variants: i.variants ?? ['default'],
    ...(i.consumers ? { consumers: i.consumers } : {}),
  };
}

/**
 * Related locations with one entry per place (the first label kept): a value that reaches a
 * finding twice through one spot is listed once. Places inside a registry module copy are all
 * shown at the module call, each named by its label (`inside module "kv" (…): main.tf:13`), so
 * those stay apart by label.
 */
function distinctPlaces(related: Location[]): Location[] {
  if (related.length < 2) return related;
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const l of related) {
    const inner = l.label?.startsWith('inside ') ? l.label : ''; // describeVendoredPlace (src/eval/types.ts)
    const key = `${l.file}\u0000${l.range.start.offset}\u0000${l.range.end.offset}\u0000${inner}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(l);
  }
  return out.length === related.length ? related : out;
}

/** Fills `{{key}}` placeholders; a missing key is a programming error in the rule, so it throws. */
export function formatMessage(ruleId: string, messageId: string, template: string | undefined, data: Record<string, string | number> = {}): string {
  if (template === undefined) throw new Error(`${ruleId}: no message with ID '${messageId}' in meta.messages`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const v = data[key];
    if (v === undefined) throw new Error(`${ruleId}: message '${messageId}' needs data '${key}'`);
    return String(v);
  });
}
