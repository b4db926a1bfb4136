/**
 * Helpers rules use to read facts and build locations (RULES.md "Location").
 */
import { locationContains, sameRange, type Location, type SymbolRef } from '../core/source.js';
import type { Fact, InputDecl, Resource } from '../model/resource.js';
import { passedNull, type Value } from '../core/value.js';
import type { ResourceKind, SizedKind } from '../model/kinds.js';
import { isKnownAttr } from '../model/kinds.js';
import { lastAddressWord, lastNameSegment, withoutTrailingInstanceKey } from '../model/address.js';
import { gpuIntent, gpuTagShown, isGpuSize, piecesMayMentionGpu } from '../model/facts/gpu.js';
import { isSystemMode } from '../model/facts/aks.js';
import { computeTypeFromArm, computeTypeFromCanonical, isProjectWorkspace, type AmlComputeType } from '../model/facts/aml.js';
import { deniesByDefault, isRegistryGroup } from '../model/facts/acr.js';
import type { FactView, Graph, RuleContext } from './types.js';
import { conditionLocation, decidingEvidence, type PolicyJudgement } from '../model/policy-judgement.js';

/** The canonical value of an attribute when it is known (written or defaulted), else undefined. */
export function known(r: Resource, name: string): Value | undefined {
  const v = r.attrs.get(name)?.value;
  return v && v.kind !== 'unknown' ? v : undefined;
}

export function knownStringOf(v: Value | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}

/** A boolean, or its string spelling (`"true"`, as ARM parameters and CLI flags write it). */
export function knownBoolOf(v: Value | undefined): boolean | undefined {
  if (v?.kind === 'bool') return v.value;
  if (v?.kind === 'string' && /^(true|false)$/i.test(v.value)) return v.value.toLowerCase() === 'true';
  return undefined;
}

/** A number, or a string of digits (ARM parameters, CLI flags). */
export function knownNumberOf(v: Value | undefined): number | undefined {
  if (v?.kind === 'number') return v.value;
  if (v?.kind === 'string' && /^\d+$/.test(v.value)) return Number(v.value);
  return undefined;
}

export function knownString(r: Resource, name: string): string | undefined {
  return knownStringOf(known(r, name));
}

/** A value as messages show it: strings bare, booleans and numbers as written. */
export function showValue(v: Value | undefined): string {
  if (!v) return 'unset';
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'bool':
    case 'number':
      return String(v.value);
    case 'null':
      return 'null';
    case 'list':
      return `[${v.items.map(showValue).join(', ')}]`;
    default:
      return v.kind;
  }
}

/**
 * The one phrase messages use for an attribute's state: "`x` is not set (defaults to
 * false)" for an absent attribute with a documented default, "`x` is not set" without one,
 * "`x` is null (defaults to false)" when a `null` written elsewhere makes it absent, and
 * "`x` is false" when written.
 */
export function describeFact(f: Fact | undefined, attr: string): string {
  const name = f?.sourcePath ?? attr;
  // A `null` written elsewhere (chosen by a condition, passed through an input) is no value: the default applies.
  // (One a condition left out of the object it chose is not written at all: not set.)
  const absent = f?.nulled && !(f.nulled.kind === 'null' && f.nulled.leftOut) ? 'is null' : 'is not set';
  if (!f || f.value === undefined) return `${name} ${absent}`;
  if (f.defaulted) return `${name} ${absent} (defaults to ${f.written ?? showValue(f.value)})`;
  return `${name} is ${f.written ?? showValue(f.value)}`;
}

/** `b` as the attribute takes it: `Enabled`/`Disabled` (in the case written) where the table converted that text (`Fact.written`), else `true`/`false`. */
export function spelledAsWritten(f: Fact | undefined, b: boolean): string {
  const w = f?.written;
  if (w === undefined || !/^(?:en|dis)abled$/i.test(w)) return String(b);
  const word = b ? 'Enabled' : 'Disabled';
  return w === w.toLowerCase() ? word.toLowerCase() : word;
}

/**
 * Where a finding about an attribute points: the place the value was written (a literal,
 * a var-file line, a variable default, a parameter value), else — for an absent attribute
 * — the resource header. The chain it flowed through and the consuming attribute are
 * related locations.
 */
export function factLocations(r: Resource, name: string): { location: Location; related: Location[] } {
  const f = r.attrs.get(name);
  // RULES.md "Values chosen by a condition": a value (or a `null` that makes the attribute
  // absent, with or without a documented default) chosen by a conditional that an input
  // decided points at that input.
  const chosen = f && (f.defaulted || f.value === undefined) ? f.nulled : f?.value;
  if (!f || !chosen) return { location: r.header, related: f?.defaulted && f.defaultSetBy ? settingPlaces(f.defaultSetBy.value, f.defaultSetBy.label) : [] };
  return valueLocations(r, chosen, f.at, f.sourcePath);
}

/** Where the setting that decided a default (`Fact.defaultSetBy`) is written, labelled, and the places it came through. */
function settingPlaces(v: Value, label: string): Location[] {
  const out: Location[] = [];
  for (const l of [...(v.origin ? [{ ...v.origin, label: v.origin.label ?? label }] : []), ...(v.via ?? [])]) if (!out.some((x) => sameRange(x, l))) out.push(l);
  return out;
}

/**
 * `factLocations` for a finding about one element of a list attribute (AKS001: the GPU taint
 * with the wrong effect). A list written in the resource whose element came from elsewhere (an
 * input: ARM `["[parameters('gpuTaint')]"]`, Bicep `[ gpuTaint ]`, Terraform `[var.gpu_taint]`)
 * points where the element was written, as a list passed whole from an input does (RULES.md
 * "Location": the parameter's default, the parameter file's value); related: its chain and the
 * consuming attribute. Otherwise the attribute's places (a list from an input, a literal element).
 */
export function entryFactLocations(r: Resource, name: string, entry: Value): { location: Location; related: Location[] } {
  const f = r.attrs.get(name);
  const list = f && !f.defaulted ? f.value : undefined;
  if (!f?.at || list?.kind !== 'list' || list.decidedBy || !list.origin || !entry.origin) return factLocations(r, name);
  if (!locationContains(f.at, list.origin) || (!entry.decidedBy && locationContains(f.at, entry.origin))) return factLocations(r, name);
  return valueLocations(r, entry, f.at, f.sourcePath);
}

/**
 * Where a finding about a value a resource reads points (RULES.md "Location"): where the value
 * was written, or — for a value (or a `null`) chosen by a conditional that an input decided —
 * where that input was written ("Values chosen by a condition"). Related: the chosen branch,
 * the chain the value flowed through, the condition, and the consuming attribute `at` (the
 * resource's attribute at `sourcePath`) unless the value is written right there. For rules that
 * read the body rather than a canonical attribute (GOV001's `location`, GOV002's policy fields).
 */
export function valueLocations(r: Resource, chosen: Value, at: Location | undefined, sourcePath: string): { location: Location; related: Location[] } {
  return valueSites(chosen, at, `attribute ${sourcePath}`, r.header);
}

/**
 * `valueLocations` for a value that is not a resource's attribute (GPU005: a module call's
 * argument): `at` the place that consumes it (labelled `atLabel`), `fallback` where to point
 * when the value says nothing of where it was written.
 */
export function valueSites(chosen: Value, at: Location | undefined, atLabel: string, fallback: Location): { location: Location; related: Location[] } {
  const location = chosen.decidedBy ?? chosen.origin ?? at ?? fallback;
  const related: Location[] = [];
  const add = (l: Location): void => {
    if (sameRange(l, location) || related.some((x) => sameRange(x, l))) return;
    related.push(l);
  };
  if (chosen.decidedBy && chosen.origin) add({ ...chosen.origin, label: chosen.origin.label ?? (chosen.kind === 'null' ? 'null chosen by the condition' : 'value chosen by the condition') });
  for (const l of chosen.via ?? []) add(l);
  for (const l of chosen.decision ?? []) add(l);
  // The consuming attribute, unless the literal is written right there.
  if (at && !locationContains(at, location)) add({ ...at, label: atLabel });
  return { location, related };
}

/**
 * Where a policy finding (GOV002, GOV003) points: the value the deciding `field` condition read
 * — or the input that decided the conditional that chose it — as `valueLocations` places it
 * (related: the chosen branch, the chain, the condition, the consuming attribute), else the
 * resource header; related also: the policy's condition, and the header when the finding is
 * elsewhere.
 */
export function policyFindingPlaces(j: PolicyJudgement, r: Resource): { location: Location; related: Location[] } {
  const e = decidingEvidence(j);
  const condition = conditionLocation(j);
  const v = e?.value;
  // A null the condition read is an attribute not set (RULES.md: null counts as absent): at the
  // resource's header, as the rules that read the same attribute put it (review 69), unless a
  // condition chose it (then at the input that decided) or an input passed it (then where the
  // null is written: a variable's default, a `.tfvars` line; review 87).
  if (!e || !v || !(v.decidedBy ?? (v.kind !== 'null' || passedNull(v) ? v.origin : undefined))) return { location: r.header, related: [condition] };
  const consumer = j.consumer?.(e);
  const at = valueLocations(r, v, consumer?.at, consumer?.path ?? e.field);
  const related = [...at.related, condition];
  if (!sameRange(at.location, r.header)) related.push({ ...r.header, label: `resource ${r.address}` });
  return { location: at.location, related };
}

/** The shared check (core/source.ts), kept under this module's name for the rules that import it from here. */
export { sameRange };

/**
 * The readers of a value (`Finding.consumers`) of two findings that are one: both lists, each
 * place once; none when either has none (a finding made at the value itself is covered there).
 * Within a unit (`runRules`) and across units (`pipeline/merge.ts`).
 */
export function joinReaders(a: readonly Location[] | undefined, b: readonly Location[] | undefined): Location[] | undefined {
  if (!a || !b) return undefined;
  return joinLocations(a, b);
}

/** `a`, then the places of `b` that `a` does not hold (`sameRange`). */
export function joinLocations(a: readonly Location[], b: readonly Location[]): Location[] {
  return [...a, ...b.filter((c) => !a.some((x) => sameRange(x, c)))];
}

/**
 * A display name for messages: the resource's known name (a parameter's value when it is
 * known); an ARM/Bicep name with unknown parts written with `<…>` placeholders — a parameter
 * or variable by its name (`<keyVaultName>`, `<settings.keyVaultName>`), another expression
 * as written (`kv<uniqueString(resourceGroup().id)>`); otherwise the last segment of its
 * address (the Terraform label or the symbolic name).
 */
export function displayName(r: Resource): string {
  const n = r.name;
  if (n?.kind === 'string') return n.value;
  if (n?.kind === 'unknown' && n.token && !n.token.startsWith('tf:')) {
    const readable = (n as { tpl?: boolean }).tpl ? readableTemplate(n.token) : placeholder(n.token);
    if (readable !== undefined && readable.length <= 80) return readable;
  }
  const last = lastNameSegment(withoutTrailingInstanceKey(r.address)) || r.address;
  // A long ARM name's own segment (`ws<…>/cl<…>` cut to `cl<…>`): its unknown parts written as
  // everywhere else, `<uniqueString(…)>`, not as the raw template token `{uniqueString(…)}`.
  if (n?.kind !== 'unknown') return last;
  if ((n as { tpl?: boolean }).tpl) return readableTemplate(last) ?? last;
  // (A call of a template cut short, `take(format('acr{…}'), 50)`: written as the ARM call, as in full; review 126.)
  return last.includes("format('") ? placeholder(last) : last;
}

/** The name an ARM id written out gives its resource of `collection` (`…/managedClusters/aks` → `aks`). */
export function nameInId(id: string, collection: string): string | undefined {
  return new RegExp(`/${collection}/([^/]+)/?$`, 'i').exec(id)?.[1];
}

/**
 * A display name for messages of a resource that is referenced but not in the scanned code: the
 * last segment of its id after `/<collection>/` when known (`…/registries/acrshared`), the
 * Terraform data source that reads it (`data.azurerm_container_registry.acr`), else the
 * reference as written.
 */
export function referenceName(ref: Value | undefined, collection: string): string {
  const text = ref?.kind === 'string' ? ref.value : ref?.kind === 'unknown' ? ref.token : undefined;
  if (text === undefined) return 'not in the scanned code';
  const name = nameInId(text, collection);
  if (name) return name;
  const data = /^(?:tf:)?(data\.[\w-]+\.[\w-]+)/.exec(text)?.[1];
  return data ?? text.replace(/^tf:/, '');
}

/** `<x>` for an unknown part of a name: `parameters('x')`/`variables('x')` by name (with any property path), else the expression. */
export function placeholder(written: string): string {
  // A shell word quoted as a whole (`-n "$KV_NAME"`) reads as its content: `<$KV_NAME>`, not `<"$KV_NAME">`.
  const quoted = written.length >= 2 && (written[0] === '"' || written[0] === "'") && written.at(-1) === written[0] ? written.slice(1, -1) : written;
  const token = withFormatArguments(quoted);
  const m = /^(?:parameters|variables)\('([^']+)'\)((?:\.[A-Za-z_$][\w$]*|\[\d+\])*)$/.exec(token);
  if (m) return `<${m[1]! + m[2]!}>`;
  // Inside an expression a parameter or variable reads as its name, as in Bicep (`uniqueString(rg, workspaceName)`).
  return `<${token.replace(/(?:parameters|variables)\(('{1,2})([^']+)\1\)/g, '$2')}>`;
}

/**
 * A token with each template argument of a `format('…')` call (`src/eval/arm/evaluate.ts`
 * `tokenText`: literal text with `{expression}` holes, neither ARM nor Bicep syntax) written as an
 * ARM call: `take(format('acr{uniqueString(x)}'), 50)` → `take(format('acr{0}', uniqueString(x)), 50)`
 * (review 125). A call that does not parse stays as it is.
 */
function withFormatArguments(token: string): string {
  const start = token.indexOf("format('");
  if (start < 0) return token;
  let out = '';
  let i = 0;
  for (let at = start; at >= 0; at = token.indexOf("format('", i)) {
    // The quoted template: up to a quote that is not doubled, then the call's `)`.
    let j = at + "format('".length;
    let text = '';
    for (; j < token.length; j++) {
      if (token[j] !== "'") text += token[j];
      else if (token[j + 1] === "'") text += token[j++] + "'";
      else break;
    }
    const call = j < token.length && token[j + 1] === ')' ? formatCall(text) : undefined;
    if (call === undefined) {
      out += token.slice(i, at + "format('".length);
      i = at + "format('".length;
      continue;
    }
    out += token.slice(i, at) + call;
    i = j + 2;
  }
  return out + token.slice(i);
}

/** `format('<text>', <holes>)` for a template text with `{expression}` holes, or undefined when its braces do not balance. */
function formatCall(text: string): string | undefined {
  const parts = templateParts(text);
  if (!parts) return undefined;
  // (Without a hole it is a plain string; with one, a format string, whose literal braces are doubled.)
  if (parts.length === 1) return `'${parts[0] as string}'`;
  let literal = '';
  const holes: string[] = [];
  for (const p of parts) {
    if (typeof p === 'string') literal += p.replace(/[{}]/g, '$&$&');
    else {
      // (The hole's quotes were doubled with the template's: one each in an argument.)
      holes.push(withFormatArguments(p.hole.replace(/''/g, "'")));
      literal += `{${holes.length - 1}}`;
    }
  }
  return `format('${literal}', ${holes.join(', ')})`;
}

/**
 * An ARM template token (literal text with `{token}` holes, `{{`/`}}` for literal braces;
 * see `src/eval/arm/resourceid.ts`) as its parts: literal text (braces single) and holes.
 * Undefined when the braces do not balance.
 */
function templateParts(t: string): (string | { hole: string })[] | undefined {
  const out: (string | { hole: string })[] = [];
  let text = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if ((c === '{' || c === '}') && t[i + 1] === c) {
      text += c;
      i++;
      continue;
    }
    if (c === '}') return undefined;
    if (c !== '{') {
      text += c;
      continue;
    }
    // A hole: up to the matching brace (a token may hold balanced braces of its own).
    let depth = 1;
    let j = i + 1;
    for (; j < t.length && depth > 0; j++) {
      if (t[j] === '{') depth++;
      else if (t[j] === '}') depth--;
    }
    if (depth !== 0) return undefined;
    out.push(text, { hole: t.slice(i + 1, j - 1) });
    text = '';
    i = j - 1;
  }
  out.push(text);
  return out;
}

/** An ARM template token with each hole as a placeholder; undefined when the braces do not balance. */
function readableTemplate(t: string): string | undefined {
  return templateParts(t)?.map((p) => (typeof p === 'string' ? p : placeholder(p.hole))).join('');
}

/**
 * The last `/` segment of a resource name that is only partly known, when that segment is
 * literal: the ARM/Bicep child name `'${workspaceName}/cpu-cluster'` (template token
 * `{parameters('workspaceName')}/cpu-cluster`, see `readableTemplate`) ends in `cpu-cluster`
 * whatever the workspace is called. Undefined when the segment holds an unknown part.
 */
export function literalLeafOf(v: Value | undefined): string | undefined {
  if (v?.kind === 'string') return v.value.split('/').pop();
  if (v?.kind !== 'unknown' || !(v as { tpl?: boolean }).tpl || v.token === undefined) return undefined;
  const pieces = templatePieces(v.token);
  if (!pieces) return undefined;
  // Holes sit between the pieces: one after the last `/` leaves the own segment unknown.
  const last = pieces[pieces.length - 1]!;
  if (pieces.length > 1 && !last.includes('/')) return undefined;
  const leaf = last.slice(last.lastIndexOf('/') + 1);
  return leaf === '' ? undefined : leaf;
}

/**
 * The known text pieces of the own segment (after the last `/`) of a name that is only partly
 * known: the evaluator's `literals` (Terraform templates, az words), else an ARM/Bicep template
 * token's literal text between its holes. Undefined for a known or wholly unknown name.
 */
export function nameLiteralPieces(v: Value | undefined): readonly string[] | undefined {
  const pieces = literalPiecesOf(v);
  if (!pieces || pieces.length < 2) return undefined;
  let k = -1;
  pieces.forEach((p, i) => (p.includes('/') ? (k = i) : undefined));
  return k < 0 ? pieces : [pieces[k]!.slice(pieces[k]!.lastIndexOf('/') + 1), ...pieces.slice(k + 1)];
}

/**
 * A child's own name when only its parent's part is unknown: `aks-${uniqueString(…)}/nimpool`
 * (a Bicep `parent:` child, an ARM `format('{0}/{1}', …)`) ends in a literal whose last `/`
 * starts the child's segment, so that segment is known (`nimpool`).
 */
export function knownOwnName(v: Value | undefined): string | undefined {
  const pieces = literalPiecesOf(v);
  const last = pieces && pieces.length >= 2 ? pieces[pieces.length - 1]! : undefined;
  const slash = last?.lastIndexOf('/') ?? -1;
  return last !== undefined && slash >= 0 && slash < last.length - 1 ? last.slice(slash + 1) : undefined;
}

/** A partly known string's literal pieces (`UnknownValue.literals`, or an ARM template token's); undefined for any other value. */
function literalPiecesOf(v: Value | undefined): readonly string[] | undefined {
  if (v?.kind !== 'unknown') return undefined;
  return v.literals ?? ((v as { tpl?: boolean }).tpl && v.token !== undefined ? templatePieces(v.token) : undefined);
}

/** An ARM template token's literal text pieces, split at its `{…}` holes (`readableTemplate`'s reading); undefined when its braces do not balance. */
function templatePieces(t: string): string[] | undefined {
  const out = [''];
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if ((c === '{' || c === '}') && t[i + 1] === c) {
      out[out.length - 1] += c;
      i++;
    } else if (c === '}') return undefined;
    else if (c === '{') {
      let depth = 1;
      let j = i + 1;
      for (; j < t.length && depth > 0; j++) depth += t[j] === '{' ? 1 : t[j] === '}' ? -1 : 0;
      if (depth !== 0) return undefined;
      out.push('');
      i = j - 1;
    } else out[out.length - 1] += c;
  }
  return out;
}

/** The last segment of a resource's known name (`ws/cpu-cluster` → `cpu-cluster`), else undefined. */
export function leafName(r: Resource): string | undefined {
  const n = r.name?.kind === 'string' ? r.name.value : knownString(r, 'name');
  return n === undefined ? undefined : n.split('/').pop();
}

// ---- reads through the rule context (unknown values are recorded as "could not decide") ----

/** The rule-context reads the helpers below need. */
type Reads = Pick<RuleContext, 'fact' | 'undecided'>;

/** The named inputs and template variables a resource's size flowed through (structured `via`). */
function sizeSymbols(r: Resource): SymbolRef[] {
  return (r.attrs.get('vmSize')?.value?.via ?? []).flatMap((l) => (l.symbol ? [l.symbol] : []));
}

/** `gpuIntent` for a resource, its attributes read through `read`. */
function intentOf(r: Resource<SizedKind>, read: (attr: 'labels' | 'tags' | 'taints') => Value | undefined): string | undefined {
  return gpuIntent({
    name: r.name?.kind === 'string' ? r.name.value : knownOwnName(r.name),
    label: addressLabel(r),
    nameParts: nameLiteralPieces(r.name),
    read: (attr) => (isKnownAttr(r.kind, attr) ? read(attr) : undefined),
    sizeSymbols: sizeSymbols(r),
    ...(r.projectTags ? { projectTags: r.projectTags } : {}),
  });
}

/**
 * Why a node pool, AML compute, VM or scale set is meant for GPU work (RULES.md GPU001; see
 * `gpuIntent` in `src/model/facts/gpu.ts`), or undefined. A known signal settles it (a GPU
 * taint says GPU whatever the unknown labels hold): labels, tags and taints are read through
 * the rule context, and an unknown one recorded as "could not decide", only when no known
 * signal says GPU.
 */
/** `gpuIntent` from what is known of a resource (nothing recorded as undecided): the scan's GPU pools read it too. */
export function knownGpuIntent(r: Resource<SizedKind>): string | undefined {
  return intentOf(r, (attr) => known(r, attr));
}

export function gpuIntentOf(ctx: Reads, r: Resource<SizedKind>): string | undefined {
  const intent = knownGpuIntent(r) ?? intentOf(r, (attr) => ctx.fact(r as Resource, attr as never).value);
  // A GPU tag the parent may carry too (its tags are unknown): maybe the project's, not decided.
  const tag = intent === undefined && r.projectTags === 'unknown' && isKnownAttr(r.kind, 'tags') ? gpuTagShown(known(r, 'tags')) : undefined;
  if (tag !== undefined) {
    const parent = r.parent ? `${r.parent.kind === 'ml.workspace' ? 'workspace' : 'cluster'} "${displayName(r.parent)}"` : 'parent';
    ctx.undecided(r, 'tags', `depends on the tags of its ${parent}, which are unknown: its tag ${tag} mentions GPU, but a tag it shares with them is the project's, not its own`, r.attrs.get('tags')?.at ?? r.header);
  }
  return intent;
}

/**
 * Why a name that is not known may make a resource meant for GPU (RULES.md GPU001: "name
 * contains `gpu`"), for --verbose: its `gpu` comes right after an unknown part (`${prefix}-gpu`,
 * maybe `non-gpu`), or it is unknown through a `for_each`/`count` the scan cannot list
 * (`"gpu${each.key}"`). Undefined for a known name, and for one unknown otherwise (a random
 * suffix, a missing variable: listing those would bury the useful lines).
 */
export function gpuNameUndecided(r: Resource): string | undefined {
  if (r.name?.kind !== 'unknown') return undefined;
  const pieces = nameLiteralPieces(r.name);
  if (pieces !== undefined && piecesMayMentionGpu(pieces)) return `its name "${pieces.join('…')}" says GPU unless the unknown part before "gpu" negates it (non-gpu) (${r.name.reason})`;
  if (/of an unknown (for_each|count)/.test(r.name.reason)) return `${r.name.reason}; a name containing "gpu" would make it meant for GPU work`;
  return undefined;
}

/**
 * Why a workload is a GPU one, for messages: its known GPU size, else its GPU intent. The size
 * is read through the rule context (an unknown size recorded as "could not decide") only when
 * no known signal already says GPU: a pool whose taint names GPU is a GPU pool whatever its size.
 */
export function gpuReasonOf(ctx: Reads, r: Resource<SizedKind>): string | undefined {
  const size = knownString(r, 'vmSize');
  if (size !== undefined && isGpuSize(size)) return `GPU size "${size}"`;
  const intent = intentOf(r, (attr) => known(r, attr));
  if (intent !== undefined) return intent;
  const read = gpuSizeOf(ctx, r);
  return read !== undefined ? `GPU size "${read}"` : gpuIntentOf(ctx, r);
}

/**
 * The label a resource's address gives it (the Terraform label, the Bicep symbolic name, the ARM
 * name). An az command's address is its step and command line (`create-compute-gpu: az ml
 * compute create trainer`): no label of the resource's own, its name is `--name`.
 */
export function addressLabel(r: Resource): string | undefined {
  if (r.format === 'azure-cli') return undefined;
  // An ARM name built by an expression is rendered into its address (`{parameters('prefix')}-gpu`):
  // that is the name partly unknown, not a label of its own (the name's known pieces decide).
  const word = lastAddressWord(r.address);
  return word?.includes('{') ? undefined : word;
}

/**
 * The resource's size when it is known (written, or the documented default) and not a GPU size,
 * read without a "could not decide" line: a pool meant for GPU on such a size is GPU001's
 * finding, and its nodes are not GPU nodes.
 */
export function knownNonGpuSize(r: Resource<SizedKind>): string | undefined {
  const size = knownStringOf(r.attrs.get('vmSize')?.value);
  return size !== undefined && !isGpuSize(size) ? size : undefined;
}

/** The resource's size when it is known and a GPU size, else undefined. */
export function gpuSizeOf(ctx: Reads, r: Resource<SizedKind>): string | undefined {
  const size = ctx.fact(r, 'vmSize').string();
  return size !== undefined && isGpuSize(size) ? size : undefined;
}

/**
 * Whether a node pool is its cluster's system pool: the default pool (azurerm
 * `default_node_pool`, the first `agentPoolProfiles` entry) or `mode` System. Undefined when
 * the mode is unknown (and the pool is not the default one).
 */
export function isSystemPool(ctx: Reads, pool: Resource<'aks.nodepool'>): boolean | undefined {
  if (ctx.fact(pool, 'isDefault').bool() === true) return true;
  const mode = ctx.fact(pool, 'mode');
  if (mode.state === 'unknown') return undefined;
  const m = mode.string();
  return m !== undefined && isSystemMode(m);
}

/** Where an attribute is written in its resource (the consumer of the value), when it is written. */
export function attributeSite(r: Resource, attr: string): Location | undefined {
  return r.attrs.get(attr)?.at;
}

/**
 * The declared inputs whose value flows into an attribute: those on its `via` chain, or the
 * one whose declaration is the origin of an unknown value (an input without a value).
 */
export function inputsFeeding(r: Resource, attr: string, inputs: readonly InputDecl[]): InputDecl[] {
  const f = r.attrs.get(attr);
  if (!f || f.defaulted || !f.value) return [];
  const chain: Location[] = [...(f.value.via ?? [])];
  if (f.value.kind === 'unknown' && f.value.origin) chain.push(f.value.origin);
  if (f.value.kind === 'unknown') chain.push(...(f.value.readOutOf ?? []));
  const origin = f.value.kind === 'unknown' ? undefined : f.value.origin;
  // The same declaration: same file and start (an ARM parameter's header may span its key or its whole member).
  return inputs.filter(
    (i) => chain.some((l) => l.file === i.header.file && l.range.start.offset === i.header.range.start.offset) || (origin !== undefined && (holds(i.defaultValue, origin) || holds(i.assigned, origin))),
  );
}

/**
 * Whether an object or list value (an input's default or assigned value) has the written
 * value inside it: `var.pools.gpu.vm_size`, `each.value.vm_size` read a member, and a member
 * does not carry its container's chain, so the input is found by where its member is written.
 */
function holds(container: Value | undefined, origin: Location): boolean {
  if (!container || (container.kind !== 'object' && container.kind !== 'list') || !container.origin) return false;
  return locationContains(container.origin, origin);
}

/** Narrows a resource to one kind (`g.target(…)` returns a resource of any kind). */
export function isKind<K extends ResourceKind>(r: Resource | undefined, kind: K): r is Resource<K> {
  return r?.kind === kind;
}

/**
 * The workspace whose network settings a workspace has: itself, or for an AI Foundry project
 * (`kind: Project`) its hub (`hubResourceId`), which decides them (facts/aml.ts
 * `isProjectWorkspace`); `undecided` with the reason when the kind is unknown or the hub is not
 * one of the scan. Read without a "could not decide" line: the caller records one if it matters.
 */
export function networkWorkspaceOf(g: Graph, ws: Resource<'ml.workspace'>): { ws: Resource<'ml.workspace'> } | { undecided: string } {
  const kind = ws.attrs.get('workspaceKind')?.value;
  if (kind?.kind === 'unknown') return { undecided: `whether workspace "${displayName(ws)}" is a project (which takes its hub's network settings) is not known` };
  if (kind?.kind !== 'string' || !isProjectWorkspace(kind.value)) return { ws };
  const hub = g.target(ws, 'hub');
  if (isKind(hub, 'ml.workspace')) return { ws: hub };
  return { undecided: `workspace "${displayName(ws)}" is a project, which takes its hub's network settings, and its hub is not among the resources evaluated with it (not in the scanned code, or in a file not read with this one)` };
}

/**
 * Where an attribute's value was written (else the resource header): for a related location
 * on another resource than the one reported (`ctx.report` places the primary one itself).
 */
export function whereWritten(r: Resource, attr: string): Location {
  return factLocations(r, attr).location;
}

/**
 * Where a finding about one entry of a list attribute points (NET001: the port `22` in a
 * list of ranges): the entry as written, else the attribute's value; the chain the attribute
 * flowed through and the consuming attribute are related locations.
 */
export function entryLocations(r: Resource, attr: string, entry: Value): { location: Location; related: Location[] } {
  const at = factLocations(r, attr);
  // An entry a conditional chose, decided by an input written in another file (`restrict ? '443'
  // : '22'` and each module caller's `restrict: false`, a var or parameter file's value): at that
  // input, the chosen entry and the condition related (RULES.md "Values chosen by a condition").
  // So is one an input of the same file decided (`param open bool = true`, `open ? '22' : '443'`:
  // its decision flowed through the parameter's declaration; audit 54). A decision written beside
  // the entry through no input — most often the element a `dynamic` block iterates
  // (`security_rule.value == "ssh" ? "22" : …` over `toset(["ssh", …])`), which picks the rule
  // rather than switches it on — leaves the finding at the entry, the condition related.
  if (entry.decidedBy && entry.origin && (entry.decidedBy.file !== entry.origin.file || decidedThroughAnInput(entry))) {
    const own = valueSites(entry, undefined, '', at.location);
    const related: Location[] = [];
    for (const l of [...own.related, ...at.related]) if (!sameRange(l, own.location) && !related.some((x) => sameRange(x, l))) related.push(l);
    return { location: own.location, related };
  }
  const location = entry.origin ?? at.location;
  return { location, related: at.related.filter((l) => !sameRange(l, location)) };
}

/** Whether the decision that chose `entry` flowed through a declared input (a variable, a parameter). */
function decidedThroughAnInput(entry: Value): boolean {
  return (entry.decision ?? []).some((l) => l.symbol?.kind === 'input');
}

/**
 * The AML compute type of an `ml.compute` (see `src/model/facts/aml.ts`): the canonical
 * `computeType` fixed by the azurerm type, else ARM/azapi `properties.computeType`. Read
 * through the rule context, so an unknown type is recorded as "could not decide".
 */
export function amlComputeTypeOf(ctx: Reads, c: Resource<'ml.compute'>): AmlComputeType | undefined {
  const fixed = ctx.fact(c, 'computeType').string();
  if (fixed !== undefined) return computeTypeFromCanonical(fixed);
  const raw = ctx.fact(c, 'computeTypeRaw').string();
  return raw === undefined ? undefined : computeTypeFromArm(raw);
}

/** Why a registry is network-restricted, and the place that restricts it. */
export interface RegistryRestriction {
  why: string;
  at: Location;
}

/**
 * Whether a container registry is network-restricted (RULES.md AML002, ACR002): public
 * network access disabled, a network rule set that denies by default, or a private endpoint
 * with group `registry` that targets it — checked in that order. Undefined when it is not
 * (or not known: the unknown reads are recorded as "could not decide").
 */
export function registryRestriction(ctx: Reads, g: Graph, acr: Resource<'acr'>): RegistryRestriction | undefined {
  if (ctx.fact(acr, 'publicNetworkAccess').bool() === false) return { why: 'public network access is disabled', at: whereWritten(acr, 'publicNetworkAccess') };
  const action = ctx.fact(acr, 'networkDefaultAction').string();
  if (action !== undefined && deniesByDefault(action)) return { why: 'its network rule set denies by default', at: whereWritten(acr, 'networkDefaultAction') };
  return registryEndpoint(ctx, g, (pe) => g.target(pe, 'target') === acr);
}

/**
 * A registry that is not in the scanned code (`existing`, a data source, an id) is still known to
 * be network-restricted when a scanned private endpoint with group `registry` targets its id.
 */
export function unscannedRegistryRestriction(ctx: Reads, g: Graph, ref: Value): RegistryRestriction | undefined {
  return registryEndpoint(ctx, g, (pe) => g.sameTarget(pe.refs.get('target'), ref));
}

function registryEndpoint(ctx: Reads, g: Graph, targets: (pe: Resource<'private-endpoint'>) => boolean): RegistryRestriction | undefined {
  for (const pe of g.ofKind('private-endpoint')) {
    if (!targets(pe)) continue;
    const groups = ctx.fact(pe, 'groupIds').value;
    if (groups?.kind === 'list' && groups.items.some((x) => x.kind === 'string' && isRegistryGroup(x.value)))
      return { why: `private endpoint "${displayName(pe)}" (group registry) targets it`, at: { ...pe.header, label: 'private endpoint' } };
  }
  return undefined;
}

/**
 * A known value a rule cannot read as the type it needs (`"yes"` for a boolean, a list for a
 * TLS version): the rule cannot decide, so `--verbose` says so instead of a silent pass.
 * Returns `read` for use in the rule's test.
 */
export function readOrUndecided<T>(ctx: Pick<RuleContext, 'undecided'>, r: Resource, attr: string, view: FactView, read: T | undefined, expected: string): T | undefined {
  if (read === undefined && view.state === 'known') ctx.undecided(r, attr, `${view.describe()}, not ${expected}`);
  return read;
}

/**
 * Words for what the syntax errors of a Terraform file made the parser drop (TerraformModuleFacts
 * `unparsed`), for a reason of "could not decide": `the part of main.tf that does not parse (its
 * first error is at line 6)`.
 */
export function droppedPart(file: string, dropped: { range: { start: { line: number } } }): string {
  return `the part of ${file} that does not parse (its first error is at line ${dropped.range.start.line})`;
}
