/**
 * ARM resource ids and the normalized identity key that links resources in the graph.
 *
 * Key format: lower-cased `<namespace>/<type1>/<type2>…/<name1>/<name2>…`, e.g.
 * `microsoft.machinelearningservices/workspaces/computes/ws1/gpu`; subscription and
 * resource group are ignored. An unknown name segment appears as `{token}`, e.g.
 * `microsoft.keyvault/vaults/{parameters('kvname')}`, so the same unknown name yields the
 * same key wherever it is used.
 *
 * Unknown strings built from known and unknown parts (concat/format/resourceId) carry a
 * *template* token: the literal text with `{token}` holes (`{` and `}` in literal text are
 * doubled). Such unknowns are marked `tpl: true`.
 */
import type { Location } from '../../core/source.js';
import { str, unknown } from '../../core/value.js';
import type { UnknownValue, Value } from '../../core/value.js';

export type ArmUnknown = UnknownValue & { tpl?: true };

/**
 * `{` → `{{`, `}` → `}}`. Nearly every string (names, types, id parts) has no brace: two
 * `indexOf`s answer that faster than two global regex replaces that find nothing (issue 15).
 */
export const escapeBraces = (s: string): string => (s.includes('{') || s.includes('}') ? s.replace(/\{/g, '{{').replace(/\}/g, '}}') : s);

export function tplUnknown(reason: string, loc: Location | undefined, token: string | undefined): ArmUnknown {
  const u: ArmUnknown = unknown(reason, loc, token);
  if (token !== undefined) u.tpl = true;
  return u;
}

/** A string-ish value as template text; `undefined` when it has no stable identity. */
export function templateText(v: Value): string | undefined {
  switch (v.kind) {
    case 'string':
      return escapeBraces(v.value);
    case 'number':
      return String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'unknown':
      if (v.token === undefined) return undefined;
      return (v as ArmUnknown).tpl ? v.token : `{${escapeHoleless(v.token)}}`;
    default:
      return undefined;
  }
}

// A token inside a hole may itself contain braces (quoted text); keep them balanced as is.
const escapeHoleless = (t: string): string => t;

/**
 * Splits template text on `sep` outside `{…}` holes. Every other character stays as it is, so
 * the parts are slices between the separators (not strings built a character at a time: this
 * runs for every resource's identity key).
 */
export function splitTemplate(t: string, sep = '/'): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (depth === 0 && c === '{' && t[i + 1] === '{') i++;
    else if (depth === 0 && c === '}' && t[i + 1] === '}') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === sep) {
      out.push(t.slice(from, i));
      from = i + 1;
    }
  }
  out.push(t.slice(from));
  return out;
}

/** Name segments (template text) of a resource name value; `undefined` when not identifiable. */
export function nameSegments(v: Value): string[] | undefined {
  const t = templateText(v);
  if (t === undefined) return undefined;
  const segs = splitTemplate(t).filter((s) => s !== '');
  // An empty name is one empty segment, so the id `resourceId()` or `r.id` builds from it keys the
  // same resource as its declaration (`…/registries/`), not a shorter id of no resource.
  return segs.length > 0 ? segs : [''];
}

/**
 * Builds a resource id from a prefix (template text, e.g. `/subscriptions/{…}/resourceGroups/{…}`),
 * a resource type and name values. Known result → string; otherwise a template unknown.
 */
export function buildResourceId(prefix: Value[], type: string, names: Value[], loc: Location, fname: string): Value {
  const typeSegs = type.split('/').filter((s) => s !== '');
  const pre = prefix.map(templateText);
  const nameSegs: string[] = [];
  let identifiable = pre.every((p) => p !== undefined);
  for (const n of names) {
    const s = nameSegments(n);
    if (s === undefined) identifiable = false;
    else nameSegs.push(...s);
  }
  const known = prefix.every((p) => p.kind === 'string') && names.every((n) => n.kind === 'string' || n.kind === 'number');
  if (!identifiable) return unknown(`${fname}(): the resource id depends on a value without identity`, loc);
  let path = (pre as string[]).join('') + '/providers/' + escapeBraces(typeSegs[0] ?? '');
  for (let i = 0; i < Math.max(typeSegs.length - 1, nameSegs.length); i++) {
    if (typeSegs[i + 1] !== undefined) path += '/' + escapeBraces(typeSegs[i + 1]!);
    if (nameSegs[i] !== undefined) path += '/' + nameSegs[i];
  }
  // Doubled braces only come from a brace in a part (escapeBraces): nearly never.
  if (known) return str(path.includes('{{') || path.includes('}}') ? path.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : path, loc);
  return tplUnknown(`${fname}(): the resource id depends on deployment state or an unknown name`, loc, path);
}

/** Identity key from a resource type and its full name value (`ws/compute`). */
export function armResourceKey(type: string, name: Value): string {
  const segs = nameSegments(name) ?? ['{?}'];
  return `${type.split('/').filter((s) => s !== '').join('/')}/${segs.join('/')}`.toLowerCase();
}

/**
 * Identity key of a resource id: a `resourceId()`/`subscriptionResourceId()`/… result or a
 * literal id string `/subscriptions/…/providers/Microsoft.X/y/name`. `undefined` when the
 * value is not a resource id.
 */
export function armResourceIdKey(value: Value): string | undefined {
  let t: string | undefined;
  if (value.kind === 'string') t = escapeBraces(value.value);
  else if (value.kind === 'unknown' && (value as ArmUnknown).tpl && value.token !== undefined) t = value.token;
  if (t === undefined) return undefined;
  const segs = splitTemplate(t);
  // last "providers" segment outside holes
  let p = -1;
  for (let i = segs.length - 1; i >= 0; i--) {
    if (segs[i]!.toLowerCase() === 'providers') {
      p = i;
      break;
    }
  }
  if (p < 0) {
    // A resource group id: /subscriptions/{s}/resourceGroups/{rg}
    if (segs.length === 5 && segs[0] === '' && segs[1]!.toLowerCase() === 'subscriptions' && segs[3]!.toLowerCase() === 'resourcegroups' && segs[4] !== '') {
      return `microsoft.resources/resourcegroups/${segs[4]}`.toLowerCase();
    }
    return undefined;
  }
  const rest = segs.slice(p + 1);
  // Types are never empty; a name may be (a parameter file that blanks every name: the id still
  // names the resource it was built from, and Azure, not this key, rejects the empty name).
  if (rest.length < 3 || rest.length % 2 === 0 || rest.some((s, i) => s === '' && i % 2 === 1)) return undefined;
  if (!/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$/.test(rest[0]!)) return undefined;
  const types = [rest[0]!];
  const names: string[] = [];
  for (let i = 1; i < rest.length; i += 2) {
    types.push(rest[i]!);
    names.push(rest[i + 1]!);
  }
  return `${types.join('/')}/${names.join('/')}`.toLowerCase();
}
