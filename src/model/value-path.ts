/**
 * Dotted paths into an evaluated body (`properties.agentPoolProfiles.0.vmSize`): what the
 * normalization tables name, read the same way everywhere.
 */
import { knownMember, type Value } from '../core/value.js';

/** One step of a dotted path: a numeric segment indexes a list; a name looks up an object key (exact, else without case). */
export function childAt(cur: Value, seg: string): Value | undefined {
  if (/^\d+$/.test(seg)) return cur.kind === 'list' ? cur.items[Number(seg)] : undefined;
  if (cur.kind !== 'object') return undefined;
  const exact = cur.entries.get(seg);
  if (exact) return exact;
  const lower = seg.toLowerCase();
  let found: Value | undefined;
  for (const [k, e] of cur.entries) if (k.toLowerCase() === lower) found = e;
  return found;
}

/**
 * Follows a dotted path; numeric segments index lists. Undefined = absent. An unknown step is
 * the answer, unless it is an object only partly known that surely holds the next key
 * (`union(extra, { adminUserEnabled: true })`: `knownMembers`).
 */
export function valueAt(v: Value | undefined, path: string): Value | undefined {
  let cur = v;
  for (const seg of path.split('.')) {
    if (!cur) return undefined;
    if (cur.kind === 'unknown') {
      const known = knownMember(cur, seg);
      if (!known) return cur;
      cur = known;
      continue;
    }
    if (cur.kind === 'null') return undefined;
    cur = childAt(cur, seg);
  }
  return cur && cur.kind === 'null' ? undefined : cur;
}
