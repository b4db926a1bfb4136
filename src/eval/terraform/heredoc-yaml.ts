/**
 * YAML written in a Terraform heredoc: a `kubectl_manifest`'s `yaml_body = <<YAML … YAML`, a
 * `yamldecode(<<EOT … EOT)`. The heredoc's body is parsed where the file writes it, so each
 * decoded value is located at its own line of the `.tf` file (a GPU request, a toleration), as a
 * manifest file's values are.
 *
 * What Terraform decodes is the heredoc's text after its interpolations are filled in. Each
 * interpolation (`image: ${var.image}`), and each escape (`$${`, `%%{`, one character shorter
 * than written), is a span of placeholder characters for the parser and an unknown value in the
 * document: the scalar it is part of, or the mapping whose key it is part of (`UnknownSpans`).
 * Values an interpolation does not touch are known whatever it is, except where it could change
 * the document's shape: text that yields a new line or an indented block (`${yamlencode(x)}` on a
 * line of its own) cannot be told from the parse, so a document whose interpolation no value
 * covers, spans lines, or strips whitespace (`${~ x ~}`), or that has a directive (`%{ if }`),
 * is not decoded (unknown, with the reason for `--verbose`). A `<<-` heredoc is parsed with its
 * indentation, which Terraform removes from every line alike: YAML reads the same document (the
 * removed indentation read as spaces, were it tabs).
 */
import type { Location, Range } from '../../core/source.js';
import { bool, num, str, unknown, withProvenanceOf, type Value } from '../../core/value.js';
import type { Expression, TemplateExpr, TemplatePart } from '../../parse/hcl/ast.js';
import { parseHcl } from '../../parse/hcl/parser.js';
import type { YamlReader } from './data-files.js';
import type { UnknownSpans } from '../azureml-yaml/document.js';

/**
 * Decodes a heredoc of `file` as YAML (`heredocYaml` with the file's text), each scalar that is
 * one interpolation whose value `valueOf` knows as that value (`withInterpolations`).
 */
export type HeredocYamlReader = (file: string, template: TemplateExpr, at: Location, valueOf?: InterpolationValue) => Value;

/** What an interpolation's expression is, as Terraform fills it in (undefined: not known here). */
export type InterpolationValue = (e: Expression) => Value | undefined;

/** A heredoc decoded: its document, and the YAML comments and mappings in it (inline suppressions, RULES.md: YAML `#`). */
export interface DecodedHeredoc {
  /** The file the heredoc is written in. */
  file: string;
  value: Value;
  comments: readonly { text: string; range: Range }[];
  blocks: readonly Range[];
  /** The scalars that are one interpolation each, unknown in `value` (`withInterpolations`). */
  substitutable?: readonly Substitutable[];
}

/** A scalar written as one interpolation: its unknown value in the document, the expression, how it is quoted, where it is. */
interface Substitutable {
  value: Value;
  expr: Expression;
  quote: '' | '"' | "'";
  at: Location;
}

/**
 * The document with each scalar that is one interpolation whose value is known (`valueOf`) as
 * Terraform writes and YAML reads it: a string, a number or a bool whose text YAML reads back as
 * that text in its place — no quote or backslash inside quotes; unquoted, a name or a decimal
 * number, not a word YAML 1.1 reads as a bool or null (`yes`, `off`, `~`), not a number with a
 * leading zero (octal in YAML 1.1). Anything else stays unknown. The value keeps where it is
 * written (a variable's default), the heredoc's place on its way.
 */
export function withInterpolations(d: DecodedHeredoc, valueOf: InterpolationValue): Value {
  if (!d.substitutable) return d.value;
  const replaced = new Map<Value, Value>();
  for (const h of d.substitutable) {
    const v = valueOf(h.expr);
    const r = v && renderedScalar(v, h.quote, h.at);
    if (r) replaced.set(h.value, r);
    // Not known: why, for --verbose (`depends on ${GPUS}, …: variable "gpus" has no value`; review 106).
    else if (v?.kind === 'unknown' && h.value.kind === 'unknown') replaced.set(h.value, { ...h.value, reason: `${h.value.reason}, which is not known: ${v.reason}` });
  }
  return replaced.size > 0 ? rebuilt(d.value, replaced, 0) : d.value;
}

/** A name, a path, an image reference: read as a string unquoted. */
const PLAIN_STRING = /^[A-Za-z][A-Za-z0-9._/:@+-]*$/;
const PLAIN_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
/** Words YAML 1.1 (Terraform's decoder) or 1.2 read as a bool, a null or a float. */
const YAML_WORD = /^(?:y|yes|n|no|on|off|true|false|null|nan|inf)$/i;

function renderedScalar(v: Value, quote: Substitutable['quote'], at: Location): Value | undefined {
  const text = v.kind === 'string' ? v.value : v.kind === 'number' ? plainDecimal(v.value) : v.kind === 'bool' ? String(v.value) : undefined;
  if (text === undefined) return undefined;
  let out: Value | undefined;
  if (quote === '"') out = /["\\]/.test(text) || hasControl(text) ? undefined : str(text);
  else if (quote === "'") out = text.includes("'") || hasControl(text) ? undefined : str(text);
  else if (v.kind === 'bool') out = bool(v.value);
  else if (PLAIN_NUMBER.test(text)) out = num(Number(text));
  else if (PLAIN_STRING.test(text) && !YAML_WORD.test(text) && !text.endsWith(':')) out = str(text);
  if (!out) return undefined;
  // Its provenance kept: a value a condition chose points at the input that decided it (RULES.md
  // "Values chosen by a condition"), as it does written anywhere else.
  return v.origin ? { ...withProvenanceOf(out, v), via: [...(v.via ?? []), at] } : { ...out, origin: at };
}

/** A control character (a line break, a tab, DEL, C1 such as NEL): YAML folds, escapes or refuses it inside quotes. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/**
 * A number as Terraform writes it into text, when JavaScript holds it exactly: a safe integer, or
 * a decimal of at most 15 significant digits written without an exponent (Terraform writes
 * `0.0000001` where JavaScript writes `1e-7`; a larger integer than 2^53 is not held exactly).
 */
function plainDecimal(n: number): string | undefined {
  if (Number.isSafeInteger(n)) return String(n);
  const t = String(n);
  return /^-?\d+\.\d+$/.test(t) && t.replace(/^-?0*|\./g, '').length <= 15 ? t : undefined;
}

/** `v` with the values `replaced` names replaced, objects and lists rebuilt only where something changed. */
function rebuilt(v: Value, replaced: ReadonlyMap<Value, Value>, depth: number): Value {
  const r = replaced.get(v);
  if (r) return r;
  if (depth > 64) return v;
  if (v.kind === 'object') {
    let changed = false;
    const entries = new Map<string, Value>();
    for (const [k, x] of v.entries) {
      const y = rebuilt(x, replaced, depth + 1);
      if (y !== x) changed = true;
      entries.set(k, y);
    }
    return changed ? { ...v, entries } : v;
  }
  if (v.kind === 'list') {
    const items = v.items.map((x) => rebuilt(x, replaced, depth + 1));
    return items.some((y, i) => y !== v.items[i]) ? { ...v, items } : v;
  }
  return v;
}

/**
 * The reader of the heredocs of files whose texts `textOf` gives (a module's files, a var file),
 * with the YAML reader `reader` gives once loaded; told each heredoc it decodes (`onHeredoc`: the
 * front end reads its comments for inline suppressions).
 */
export function heredocYamlReader(textOf: (file: string) => string | undefined, reader: () => YamlReader | undefined, onHeredoc?: (decoded: DecodedHeredoc) => void): HeredocYamlReader {
  return (file, template, at, valueOf) => {
    const d = heredocYaml(reader(), textOf(file), file, template, at);
    onHeredoc?.(d);
    return valueOf ? withInterpolations(d, valueOf) : d.value;
  };
}

/** By heredoc: its document depends on the file's text only, which its syntax tree was parsed from. */
const decoded = new WeakMap<TemplateExpr, DecodedHeredoc>();

/** The heredoc `template` of `file`, whose text is `text`, decoded as YAML (once per heredoc: every instance of a module reads it alike). */
function heredocYaml(reader: YamlReader | undefined, text: string | undefined, file: string, template: TemplateExpr, at: Location): DecodedHeredoc {
  let d = decoded.get(template);
  if (!d) {
    d = decodeHeredoc(reader, text, file, template, at);
    decoded.set(template, d);
  }
  return d;
}

/**
 * YAML text written as a Terraform template: its text (`text`, from `start` to `end`, whose first
 * line is `line`), the template's parts (their ranges `shift` characters from `text`'s offsets),
 * the indentation a `<<-` heredoc removes from each line, and what it is, for the reasons.
 */
interface TemplateText {
  text: string;
  start: number;
  end: number;
  line: number;
  parts: readonly TemplatePart[];
  shift: number;
  indent: number;
  what: 'heredoc' | 'template';
}

function decodeHeredoc(reader: YamlReader | undefined, text: string | undefined, file: string, t: TemplateExpr, at: Location): DecodedHeredoc {
  if (text === undefined || !t.heredoc) return unknownDocument(file, at, "the heredoc's YAML is not decoded: the file's text cannot be read");
  // The body: from the line after the opener to the line of the closing marker.
  const start = text.indexOf('\n', t.range.start.offset) + 1;
  const end = text.lastIndexOf('\n', t.range.end.offset - 1) + 1;
  if (start <= 0 || end < start) return unknownDocument(file, at, "the heredoc's YAML is not decoded: its body cannot be found");
  return decodeTemplateText(reader, { text, start, end, line: t.range.start.line + 1, parts: t.parts, shift: 0, indent: t.heredoc.indent ?? 0, what: 'heredoc' }, file, at);
}

/** The marker of the heredoc a template file is read as (a file with a line of it is not read). */
const TEMPLATE_MARKER = 'MLOPS_IAC_LINT_TEMPLATE_END';

/**
 * A template file (`templatefile("job.yaml.tftpl", {…})`) decoded as YAML: its text is parsed as
 * the body of a heredoc (the same template syntax), each value located in the file; every
 * interpolation (`${IMAGE}`) is unknown where it stands, as in a heredoc.
 */
export function templateFileYaml(reader: YamlReader | undefined, text: string, file: string, at: Location): DecodedHeredoc {
  const reason = 'the template file is not decoded as YAML';
  if (text.includes(TEMPLATE_MARKER)) return unknownDocument(file, at, `${reason}: it holds ${TEMPLATE_MARKER}`);
  const prefix = `t = <<${TEMPLATE_MARKER}\n`;
  const parsed = parseHcl(`${prefix}${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${TEMPLATE_MARKER}\n`, file);
  const item = parsed.body.items[0];
  const expr = item?.type === 'Attribute' ? item.expr : undefined;
  if (parsed.errors.length > 0 || expr?.type !== 'Template') return unknownDocument(file, at, `${reason}: ${parsed.errors[0]?.message ?? 'it is one interpolation'}`);
  return decodeTemplateText(reader, { text, start: 0, end: text.length, line: 1, parts: expr.parts, shift: -prefix.length, indent: 0, what: 'template' }, file, at);
}

function unknownDocument(file: string, at: Location, reason: string): DecodedHeredoc {
  return { file, value: unknown(reason, at), comments: [], blocks: [] };
}

function decodeTemplateText(reader: YamlReader | undefined, src: TemplateText, file: string, at: Location): DecodedHeredoc {
  const notDecoded = `the ${src.what}${src.what === 'heredoc' ? "'s YAML is not decoded" : ' file is not decoded as YAML'}`;
  if (!reader) return unknownDocument(file, at, `${notDecoded}: the YAML reader is not loaded`);
  const { text, start, end, shift } = src;
  const spans: [number, number][] = [];
  /** The expression of each interpolation, by its span's start. */
  const expressions = new Map<number, Expression>();
  for (const p of src.parts) {
    if (p.type === 'TemplateIf' || p.type === 'TemplateFor') return unknownDocument(file, at, `${notDecoded}: a template directive (%{ … }) is not evaluated statically`);
    if (p.type === 'TemplateInterpolation') {
      if (p.stripLeft || p.stripRight) return unknownDocument(file, at, `${notDecoded}: an interpolation that strips whitespace (\${~ … ~}) is not evaluated statically`);
      if (p.range.end.line !== p.range.start.line) return unknownDocument(file, at, `${notDecoded}: an interpolation over several lines is not evaluated statically`);
      spans.push([p.range.start.offset + shift, p.range.end.offset + shift]);
      expressions.set(p.range.start.offset + shift, p.expr);
    }
  }
  let body = text.slice(start, end);
  // The indentation a `<<-` heredoc removes may be tabs, which YAML refuses as indentation: as
  // spaces (the same length: positions stay), YAML reads what Terraform decodes.
  if (src.indent > 0) {
    body = body.replace(/^[ \t]+/gm, (lead) => ' '.repeat(Math.min(src.indent, lead.length)) + lead.slice(src.indent));
    // A document marker at the removed indentation is at the line's start for Terraform's YAML:
    // moved there, the spaces after it (the columns of what follows stay).
    body = body.replace(/^( +)(---|\.\.\.)(?=[ \t\r\n]|$)/gm, (line, lead: string, marker: string) => (lead.length <= src.indent ? marker + lead : line));
  }
  // Escapes outside the interpolations (the parts are in order): the text Terraform decodes lacks one character of each.
  let k = 0;
  const escapes: [number, number][] = [];
  for (const m of body.matchAll(/\$\$\{|%%\{/g)) {
    const a = start + m.index;
    while (k < spans.length && spans[k]![1] <= a) k++;
    if (k >= spans.length || a < spans[k]![0]) escapes.push([a, a + 3]);
  }
  // An escape yields `${`/`%{` and no line break: one outside every value (in a comment) changes nothing.
  const interpolations = spans.length;
  if (escapes.length > 0) {
    spans.push(...escapes);
    spans.sort((x, y) => x[0] - y[0]);
  }
  const reasons = spans.map(([s, e]) => (text.startsWith('${', s) ? `depends on ${shortened(text.slice(s, e))}, interpolated into the ${src.what}` : `written with the escape ${text.slice(s, e)} in the ${src.what}`));
  // Placeholders the parser reads as plain text, as long as what they stand for.
  if (spans.length > 0) {
    let out = '';
    let from = 0;
    for (const [s, e] of spans) {
      out += body.slice(from, s - start) + 'x'.repeat(e - s);
      from = e - start;
    }
    body = out + body.slice(from);
  }
  const parsed = reader.parseYamlPart(body, start, { line: src.line, column: 1 });
  const error = parsed.errors[0];
  if (error) return unknownDocument(file, at, `${notDecoded}: not valid YAML (${error.message})`);
  // One document, as Terraform's yamldecode and the kubectl provider's yaml_body take.
  if (parsed.documents.length !== 1) return unknownDocument(file, at, `${notDecoded}: ${parsed.documents.length === 0 ? 'no' : 'more than one'} YAML document`);
  const unknownSpans: UnknownSpans = { spans, reasons, covered: new Set<number>(), leaves: [] };
  const value = reader.yamlValue(file, parsed.documents[0]!, { unknownSpans });
  let covered = 0;
  for (const i of unknownSpans.covered) if (text.startsWith('${', spans[i]![0])) covered++;
  if (covered < interpolations) return unknownDocument(file, at, `${notDecoded}: an interpolation outside its values may change its shape`);
  // A scalar that is one interpolation and nothing else (`image: ${var.image}`, `value: "${local.v}"`):
  // its value, when known, is what Terraform writes there (`withInterpolations`).
  const substitutable: Substitutable[] = [];
  for (const l of unknownSpans.leaves!) {
    const [s0, e0] = spans[l.span]!;
    const expr = expressions.get(s0);
    if (!expr || l.range.start.offset !== s0 || l.range.end.offset !== e0 || !l.value.origin) continue;
    const quote = l.plain ? '' : text[s0 - 1];
    if (quote === '' || quote === '"' || quote === "'") substitutable.push({ value: l.value, expr, quote, at: l.value.origin });
  }
  return { file, value, comments: parsed.comments, blocks: parsed.blocks, ...(substitutable.length > 0 ? { substitutable } : {}) };
}

/** An interpolation as a reason quotes it: a long one cut in its middle. */
function shortened(interpolation: string): string {
  return interpolation.length <= 80 ? interpolation : `${interpolation.slice(0, 60)}…${interpolation.slice(-15)}`;
}
