/**
 * The reader of inline deployment scripts (deployment-scripts.ts), loaded on demand: each script's
 * text mapped back to where it is written in the template, read as a script document of the
 * template's file, and evaluated by the `azure-cli` front end.
 *
 * The script is the text the deployment runs, as written:
 * - a Bicep `'''…'''` string verbatim; a Bicep `'…'` string and an ARM JSON string through their
 *   escapes, character by character;
 * - a Bicep interpolation (`${clusterName}`) and an ARM `format()` placeholder or `concat()`
 *   argument that is not a string literal is a *hole*: when the whole value is known, the text
 *   each hole gives is put in its place (located at the hole), as the deployment pastes it; when
 *   it is not, the hole reads as a variable whose value is not known (never reported, listed by
 *   `--verbose`). An unknown hole inside a single-quoted shell string would be read as text: such
 *   a script is not read, and `--verbose` says so;
 * - any other expression (`[parameters('script')]`) is read when its value is known, every
 *   character placed at the string's start.
 * The resource's `environmentVariables` with a known `value` are the script's environment (each
 * located where its value is written); a `secureValue` or a value not known stays unknown.
 */
import { LineMap, type Location, type Range } from '../core/source.js';
import type { Value } from '../core/value.js';
import type { CiVariable } from '../model/ci.js';
import { buildCiModel } from '../eval/ci/build.js';
import { embeddedScriptDocument, type MappedText } from '../parse/yaml/ci.js';
import { fallbackMapping, identityMapping } from '../parse/yaml/scalar.js';
import { azureCliUnits } from './azure-cli.js';
import type { InlineDeploymentScript, ScriptUnits } from './deployment-scripts.js';
import type { FrontEndContext } from './types.js';
import type { Evaluation } from '../model/resource.js';

export function deploymentScriptUnits(scripts: readonly InlineDeploymentScript[], evaluation: Evaluation, ctx: FrontEndContext): ScriptUnits {
  const out: ScriptUnits = { units: [], problems: [], suppressionSources: [], skipped: [] };
  for (const s of scripts) {
    const origin = s.content.origin;
    const source = ctx.host.readText(origin.file);
    if (source === undefined) continue;
    const start = origin.range.start.offset;
    const end = origin.range.end.offset;
    const known = s.content.kind === 'string' ? s.content.value : undefined;
    const text = scriptText(source, start, end, known);
    if (!text) continue;
    const unknownHoles = text.holes.filter((h) => h.value === undefined);
    const quoted = firstInsideSingleQuotes(text.mapped.value, unknownHoles.map((h) => h.at), s.language);
    if (quoted !== undefined) {
      const hole = unknownHoles[quoted]!;
      out.skipped.push({
        file: origin.file,
        reason: `the deployment script of ${s.resource.address} is not read: ${hole.written} (line ${new LineMap(source).position(hole.start).line}) is not known and is pasted inside a single-quoted string of the script, which the shell does not expand`,
      });
      continue;
    }
    // A hole that gives lines of script is a text read elsewhere (`'set -e\n${s}'`, `var s =
    // loadTextContent('add.sh')`): that file's, linted on its own (self-review 90: read twice).
    if (text.holes.some((h) => h.value?.includes('\n'))) continue;
    const doc = embeddedScriptDocument(origin.file, source, text.mapped, s.language, `${s.resource.address} scriptContent`, 'properties.scriptContent', start, end);
    const file = buildCiModel(doc);
    file.env = [...environmentOf(s.resource.body, text.mapped.value, ctx), ...text.holes.filter((h) => h.value === undefined).map((h) => holeVariable(h, doc.lineMap))];
    const result = azureCliUnits([file], ctx);
    // The script runs in the deployment of this evaluation: its variant and environment class
    // (`prod.bicepparam`), not the template file's name alone (self-review 89).
    const seen = new Set<Evaluation>();
    for (const u of result.units) for (const e of [u.evaluation, ...u.resources.map((r) => r.evaluation)]) if (!seen.has(e)) seen.add(e);
    for (const e of seen) {
      e.variant = evaluation.variant;
      e.env = evaluation.env;
      if (evaluation.variantFile !== undefined) e.variantFile = evaluation.variantFile;
      if (evaluation.envSettled) e.envSettled = true;
    }
    out.units.push(...result.units);
    out.problems.push(...result.problems);
    out.suppressionSources.push({ file: origin.file, comments: doc.comments, blocks: doc.blocks }, ...result.suppressionSources);
  }
  return out;
}

/** A hole of the script: where it is written, the name it reads as, its text when known, and where that text is in the script. */
interface Hole {
  name: string;
  /** The hole as written (`${clusterName}`, `{0}`), for `--verbose`. */
  written: string;
  start: number;
  end: number;
  value?: string;
  /** Its offset in the script text. */
  at: number;
}

/** The script a deployment runs, mapped to the template, with its holes. */
interface ScriptText {
  mapped: MappedText;
  holes: Hole[];
}

/** A piece of a string as written: text (each character placed) or a hole. */
type Piece = { text: string; starts: number[]; ends: number[] } | { hole: string; written: string; start: number; end: number };

/**
 * The script of a `scriptContent` written at `source[start, end)`, whose value is `known` (a string)
 * or not known (undefined); undefined when it cannot be read as written.
 */
export function scriptText(source: string, start: number, end: number, known: string | undefined): ScriptText | undefined {
  const raw = source.slice(start, end);
  // A file's text loaded into the template (`loadTextContent('add.sh')`, also inside an
  // interpolation or a function): a scanned script is linted on its own, in its own file
  // (self-reviews 89 and 90: read twice).
  if (/\bload(?:Text|File)\w*\s*\(/i.test(raw)) return undefined;
  if (raw.startsWith("'''")) {
    // Verbatim (no escapes, no interpolation); the line break after the opening quotes is no part of it.
    if (known === undefined) return undefined;
    for (const skip of [3, 4, 5]) {
      if (source.startsWith(known, start + skip) && (skip === 3 || /^\r?\n$/.test(source.slice(start + 3, start + skip)))) return { mapped: identityMapping(known, start + skip), holes: [] };
    }
    return undefined;
  }
  const pieces = raw.startsWith("'") ? bicepPieces(source, start + 1, end - 1) : raw.startsWith('"') ? armPieces(source, start + 1, end - 1) : undefined;
  if (!pieces) return known === undefined ? undefined : { mapped: fallbackMapping(known, start, end), holes: [] };
  const values = known === undefined ? undefined : holeValues(pieces, known);
  if (known !== undefined && !values) return { mapped: fallbackMapping(known, start, end), holes: [] };
  return assemble(pieces, values);
}

/** The script from its pieces: each hole's known text put in its place, else a reference to the variable it reads as. */
function assemble(pieces: readonly Piece[], values: readonly string[] | undefined): ScriptText {
  let value = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const holes: Hole[] = [];
  let n = 0;
  for (const p of pieces) {
    if ('text' in p) {
      value += p.text;
      // (Appended one by one: a spread of a long script's places overflows the call stack.)
      for (let k = 0; k < p.starts.length; k++) {
        starts.push(p.starts[k]!);
        ends.push(p.ends[k]!);
      }
      continue;
    }
    const text = values?.[n++];
    const at = value.length;
    const put = text ?? `\${${p.hole}}`;
    value += put;
    for (let k = 0; k < put.length; k++) {
      starts.push(p.start);
      ends.push(p.end);
    }
    holes.push({ name: p.hole, written: p.written, start: p.start, end: p.end, at, ...(text === undefined ? {} : { value: text }) });
  }
  return { mapped: { value, starts: Int32Array.from(starts), ends: Int32Array.from(ends), exact: true }, holes };
}

/**
 * The text each hole gives when the whole value is `known`: the text pieces, in order, must
 * be found in it, each hole taking what lies between (two holes side by side cannot be told
 * apart: undefined, as when a text piece is not found).
 */
function holeValues(pieces: readonly Piece[], known: string): string[] | undefined {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if ('text' in p) {
      if (!known.startsWith(p.text, at)) return undefined;
      at += p.text.length;
      continue;
    }
    const next = pieces[i + 1];
    if (next === undefined) {
      out.push(known.slice(at));
      at = known.length;
      continue;
    }
    if (!('text' in next) || next.text === '') return undefined;
    // The last text piece ends the value; another is its first occurrence after the hole.
    const last = i + 2 >= pieces.length;
    const found = last ? (known.endsWith(next.text) ? known.length - next.text.length : -1) : known.indexOf(next.text, at);
    if (found < at) return undefined;
    out.push(known.slice(at, found));
    at = found;
  }
  return at === known.length ? out : undefined;
}

/** A variable that reads as not known, for an unknown hole (`--verbose` says which interpolation). */
function holeVariable(h: Hole, lineMap: LineMap): CiVariable {
  const range: Range = lineMap.range(h.start, h.end);
  return { name: h.name, nameRange: range, kind: 'value', source: 'env', scope: 'workflow', unreadable: `${h.written} of the template's string is not known` };
}

/**
 * The script's environment: the resource's `environmentVariables`, each located where its value is
 * written (a parameter's default, a `.bicepparam` line) when known, else not known (a `secureValue`,
 * a value not known). When the list itself is not known (`environmentVariables: envVars`), or an
 * entry's name is not, any variable the script reads may be set there: each is not known
 * (self-review 90: a `${SIZE:-…}` default was taken).
 */
function environmentOf(body: Value | undefined, script: string, ctx: FrontEndContext): CiVariable[] {
  const properties = body?.kind === 'object' ? body.entries.get('properties') : undefined;
  const list = properties?.kind === 'object' ? properties.entries.get('environmentVariables') : undefined;
  if (list === undefined || list.kind === 'null') return [];
  const zero = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  const out: CiVariable[] = [];
  let open = list.kind !== 'list';
  for (const item of list.kind === 'list' ? list.items : []) {
    const name = item.kind === 'object' ? item.entries.get('name') : undefined;
    if (name?.kind !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.value)) {
      open = true;
      continue;
    }
    const value = item.kind === 'object' ? item.entries.get('value') : undefined;
    const at: Location | undefined = value?.origin ?? item.origin;
    const range = at?.range ?? zero;
    // Known text, located where it is written; anything else is not known.
    if (value?.kind === 'string' && at && ctx.host.readText(at.file) !== undefined) out.push({ name: name.value, nameRange: range, value: { text: value.value, range }, kind: 'value', source: 'env', scope: 'workflow', file: at.file });
    else out.push({ name: name.value, nameRange: range, kind: 'value', source: 'env', scope: 'workflow', unreadable: `${name.value} is an environment variable of the deployment script whose value is not known` });
  }
  if (open) {
    const set = new Set(out.map((v) => v.name));
    for (const m of script.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (set.has(m[1]!)) continue;
      set.add(m[1]!);
      out.push({ name: m[1]!, nameRange: zero, kind: 'value', source: 'env', scope: 'workflow', unreadable: `${m[1]} may be set by the deployment script's environmentVariables, which are not known` });
    }
  }
  return out;
}

/**
 * The index in `at` of the first offset of a script (in script order) that is inside a
 * single-quoted string (bash `'…'`, PowerShell `'…'`), where a variable is text; undefined when
 * none is. One pass over the script, whatever the number of offsets (a script of many holes is
 * read in linear time).
 */
function firstInsideSingleQuotes(text: string, at: readonly number[], language: 'shell' | 'powershell'): number | undefined {
  const order = at.map((_, i) => i).sort((x, y) => at[x]! - at[y]!);
  const escape = language === 'shell' ? '\\' : '`';
  let single = false;
  let double = false;
  let comment = false;
  let k = 0;
  for (let i = 0; i <= text.length && k < order.length; i++) {
    while (k < order.length && at[order[k]!]! <= i) {
      if (single && !comment) return order[k];
      k++;
    }
    const c = text[i];
    if (c === undefined) break;
    if (comment) {
      if (c === '\n') comment = false;
      continue;
    }
    if (!single && c === escape) {
      i++;
      continue;
    }
    // A comment (`# Let's add …`) runs to the end of its line: its quotes are text (self-review 90).
    if (c === '#' && !single && !double && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
  }
  return undefined;
}

const BICEP_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', "'": "'", n: '\n', r: '\r', t: '\t', $: '$' };
const JSON_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A Bicep `'…'` string's body: its text through the escapes, each `${…}` a hole (named after a lone identifier). */
function bicepPieces(source: string, from: number, to: number): Piece[] | undefined {
  const pieces: Piece[] = [];
  let text = newText();
  let holes = 0;
  for (let i = from; i < to; ) {
    if (source[i] === '$' && source[i + 1] === '{') {
      const close = interpolationEnd(source, i + 2, to);
      if (close < 0) return undefined;
      if (text.text) pieces.push(text);
      text = newText();
      const expr = source.slice(i + 2, close).trim();
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(expr) ? `BICEP_${expr}` : `BICEP_EXPRESSION_${++holes}`;
      pieces.push({ hole: name, written: `\${${expr}}`, start: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    const n = escapeAt(source, i, to, BICEP_ESCAPES);
    if (!n) return undefined;
    addText(text, n.text, i, n.next);
    i = n.next;
  }
  if (text.text) pieces.push(text);
  return pieces;
}

/** Where a Bicep interpolation that starts at `from` (after `${`) closes: its `}`, past nested braces and strings; -1 when it does not. */
function interpolationEnd(source: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (c === "'") {
      // A string inside the expression: skip it (escapes included).
      for (i++; i < to && source[i] !== "'"; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * An ARM JSON string's body: its text through JSON's escapes, or, for an expression, the text of a
 * `format('…', …)` (each `{N}` a hole) or of a `concat(…)` (each argument not a string literal a
 * hole); undefined for any other expression.
 */
function armPieces(source: string, from: number, to: number): Piece[] | undefined {
  const json = newText();
  for (let i = from; i < to; ) {
    const n = escapeAt(source, i, to, JSON_ESCAPES);
    if (!n) return undefined;
    addText(json, n.text, i, n.next);
    i = n.next;
  }
  const t = json.text;
  if (!t.startsWith('[') || t.startsWith('[[')) return [json];
  const call = /^\[\s*(format|concat)\s*\(/i.exec(t);
  if (!call || !/\)\s*\]\s*$/.test(t)) return undefined;
  const args = armArguments(t, call[0].length, t.lastIndexOf(')'));
  if (!args) return undefined;
  const slice = (a: number, b: number): { text: string; starts: number[]; ends: number[] } => ({ text: t.slice(a, b), starts: json.starts.slice(a, b), ends: json.ends.slice(a, b) });
  const pieces: Piece[] = [];
  if (call[1]!.toLowerCase() === 'format') {
    const first = args[0];
    const literal = first ? armLiteral(t, first[0], first[1]) : undefined;
    if (!literal) return undefined;
    // `{0}`, `{1:N2}`: holes; `{{` and `}}` are braces. (One character per entry: the literal's
    // text is indexed as the entries are, and a placeholder is matched where it starts.)
    let text = newText();
    const whole = literal.map((x) => x.text).join('');
    const placeholder = /\{(\d+)(?::[^}]*)?\}/y;
    for (let k = 0; k < literal.length; k++) {
      const c = literal[k]!;
      const pair = c.text + (literal[k + 1]?.text ?? '');
      if (pair === '{{' || pair === '}}') {
        addText(text, c.text, c.start, literal[k + 1]!.end);
        k++;
        continue;
      }
      placeholder.lastIndex = k;
      const m = c.text === '{' ? placeholder.exec(whole) : null;
      if (m) {
        if (text.text) pieces.push(text);
        text = newText();
        const endChar = literal[k + m[0].length - 1]!;
        pieces.push({ hole: `ARM_FORMAT_ARGUMENT_${m[1]}`, written: m[0], start: c.start, end: endChar.end });
        k += m[0].length - 1;
        continue;
      }
      addText(text, c.text, c.start, c.end);
    }
    if (text.text) pieces.push(text);
    return pieces;
  }
  for (const [n, [a, b]] of args.entries()) {
    const literal = armLiteral(t, a, b);
    if (literal) {
      const text = newText();
      for (const c of literal) addText(text, c.text, c.start, c.end);
      if (text.text) pieces.push(text);
    } else {
      // The argument without the blanks around it (self-review 90: one column early).
      let a0 = a;
      let b0 = b;
      while (a0 < b0 && /\s/.test(t[a0]!)) a0++;
      while (b0 > a0 && /\s/.test(t[b0 - 1]!)) b0--;
      const s = slice(a0, b0);
      pieces.push({ hole: `ARM_CONCAT_ARGUMENT_${n + 1}`, written: s.text, start: s.starts[0] ?? from, end: s.ends[s.ends.length - 1] ?? to });
    }
  }
  return pieces;

  /** An ARM string literal `'…'` (`''` for a quote) spanning `t[a, b)` (blanks around it), its characters placed in the source; undefined otherwise. */
  function armLiteral(text: string, a: number, b: number): { text: string; start: number; end: number }[] | undefined {
    let i = a;
    while (i < b && /\s/.test(text[i]!)) i++;
    let j = b;
    while (j > i && /\s/.test(text[j - 1]!)) j--;
    if (text[i] !== "'" || text[j - 1] !== "'" || j - i < 2) return undefined;
    const out: { text: string; start: number; end: number }[] = [];
    for (let k = i + 1; k < j - 1; k++) {
      if (text[k] === "'") {
        if (text[k + 1] !== "'" || k + 1 >= j - 1) return undefined;
        out.push({ text: "'", start: json.starts[k]!, end: json.ends[k + 1]! });
        k++;
        continue;
      }
      out.push({ text: text[k]!, start: json.starts[k]!, end: json.ends[k]! });
    }
    return out;
  }
}

/** The top-level arguments of an ARM call written in `t[from, to)`, as ranges; undefined when they cannot be split. */
function armArguments(t: string, from: number, to: number): [number, number][] | undefined {
  const out: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = t[i];
    if (c === "'") {
      for (i++; i < to && !(t[i] === "'" && t[i + 1] !== "'"); i++) if (t[i] === "'") i++;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
    if (depth < 0) return undefined;
  }
  out.push([start, to]);
  return depth === 0 ? out : undefined;
}

function newText(): { text: string; starts: number[]; ends: number[] } {
  return { text: '', starts: [], ends: [] };
}

/** Appends `text` (from source `[s, e)`), one place per UTF-16 unit. */
function addText(into: { text: string; starts: number[]; ends: number[] }, text: string, s: number, e: number): void {
  into.text += text;
  for (let k = 0; k < text.length; k++) {
    into.starts.push(s);
    into.ends.push(e);
  }
}

/** The character (or escape) at `i` of a quoted body, through `table` and `\u…`: its text and where the next starts; undefined for an escape not known. */
function escapeAt(source: string, i: number, to: number, table: Readonly<Record<string, string>>): { text: string; next: number } | undefined {
  const c = source[i]!;
  if (c !== '\\') return { text: c, next: i + 1 };
  const e = source[i + 1];
  if (e === undefined || i + 1 >= to) return undefined;
  if (e === 'u') {
    const m = table === BICEP_ESCAPES ? /^u\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i + 1, i + 10)) : /^u([0-9a-fA-F]{4})/.exec(source.slice(i + 1, i + 6));
    if (!m) return undefined;
    const code = parseInt(m[1]!, 16);
    if (code > 0x10ffff) return undefined;
    return { text: String.fromCodePoint(code), next: i + 1 + m[0].length };
  }
  const out = table[e];
  return out === undefined ? undefined : { text: out, next: i + 2 };
}
