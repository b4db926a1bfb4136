/**
 * The reader of inline deployment scripts (deployment-scripts.ts), loaded on demand: each script's
 * text mapped back to where it is written in the template (a Bicep `'''…'''` or `'…'` string, an
 * ARM JSON string: character by character, through the escapes), read as a script document of the
 * template's file, and evaluated by the `azure-cli` front end.
 */
import { buildCiModel } from '../eval/ci/build.js';
import { embeddedScriptDocument, type MappedText } from '../parse/yaml/ci.js';
import { azureCliUnits } from './azure-cli.js';
import type { InlineDeploymentScript } from './deployment-scripts.js';
import type { EvaluatedUnit, FrontEndContext, Problem } from './types.js';

export function deploymentScriptUnits(scripts: readonly InlineDeploymentScript[], ctx: FrontEndContext): { units: EvaluatedUnit[]; problems: Problem[] } {
  const units: EvaluatedUnit[] = [];
  const problems: Problem[] = [];
  for (const s of scripts) {
    const origin = s.content.origin!;
    const source = ctx.host.readText(origin.file);
    if (source === undefined) continue;
    const { start, end } = { start: origin.range.start.offset, end: origin.range.end.offset };
    const mapped = literalMapping(source, start, end, s.content.value);
    const doc = embeddedScriptDocument(origin.file, source, mapped, s.language, `${s.resource.address} scriptContent`, 'properties.scriptContent', start, end);
    const result = azureCliUnits([buildCiModel(doc)], ctx);
    units.push(...result.units);
    problems.push(...result.problems);
  }
  return { units, problems };
}

/**
 * Where each character of `value` is written in `source[start, end)`, the string literal it was
 * read from: Bicep `'''…'''` (verbatim; the line break after the opening quotes is no part of
 * it), Bicep `'…'` and JSON `"…"` (through their escapes). When the literal does not spell the
 * value (an interpolation, an ARM expression, a string built by a function), every character
 * points at the literal: findings are then placed at its start (`exact: false`).
 */
export function literalMapping(source: string, start: number, end: number, value: string): MappedText {
  const raw = source.slice(start, end);
  if (raw.startsWith("'''")) {
    for (const skip of [3, 4, 5]) {
      if (source.startsWith(value, start + skip) && (skip === 3 || /^\r?\n$/.test(source.slice(start + 3, start + skip)))) return spanMapping(value, start + skip);
    }
  } else if (raw.startsWith("'") || raw.startsWith('"')) {
    const decoded = decodeEscapes(source, start + 1, end - 1, raw[0] === "'" ? BICEP_ESCAPES : JSON_ESCAPES);
    if (decoded && decoded.value === value) return decoded;
  }
  return everyCharacterAt(value, start, end);
}

const BICEP_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', "'": "'", n: '\n', r: '\r', t: '\t', $: '$' };
const JSON_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** `value` written verbatim from `at`. */
function spanMapping(value: string, at: number): MappedText {
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  for (let i = 0; i < value.length; i++) {
    starts[i] = at + i;
    ends[i] = at + i + 1;
  }
  return { value, starts, ends, exact: true };
}

function everyCharacterAt(value: string, start: number, end: number): MappedText {
  return { value, starts: new Int32Array(value.length).fill(start), ends: new Int32Array(value.length).fill(end), exact: false };
}

/**
 * The text of a quoted literal's body `source[from, to)` with each character's place, through
 * the escapes of `table` and `\u…` (JSON's `\uXXXX`, Bicep's `\u{X…}`); undefined for an
 * escape it does not know or a Bicep interpolation (`${`), which is no text as written.
 */
function decodeEscapes(source: string, from: number, to: number, table: Readonly<Record<string, string>>): MappedText | undefined {
  let value = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (text: string, s: number, e: number): void => {
    for (const ch of text) {
      for (let k = 0; k < ch.length; k++) {
        starts.push(s);
        ends.push(e);
      }
      value += ch;
    }
  };
  for (let i = from; i < to; ) {
    const c = source[i]!;
    if (table === BICEP_ESCAPES && c === '$' && source[i + 1] === '{') return undefined;
    if (c !== '\\') {
      push(c, i, i + 1);
      i++;
      continue;
    }
    const e = source[i + 1];
    if (e === undefined) return undefined;
    if (e === 'u') {
      const m = table === BICEP_ESCAPES ? /^u\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i + 1, i + 10)) : /^u([0-9a-fA-F]{4})/.exec(source.slice(i + 1, i + 6));
      if (!m) return undefined;
      const code = parseInt(m[1]!, 16);
      if (code > 0x10ffff) return undefined;
      push(String.fromCodePoint(code), i, i + 1 + m[0].length);
      i += 1 + m[0].length;
      continue;
    }
    const out = table[e];
    if (out === undefined) return undefined;
    push(out, i, i + 2);
    i += 2;
  }
  return { value, starts: Int32Array.from(starts), ends: Int32Array.from(ends), exact: true };
}
