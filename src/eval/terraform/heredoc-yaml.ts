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
import { unknown, type Value } from '../../core/value.js';
import type { TemplateExpr, TemplatePart } from '../../parse/hcl/ast.js';
import { parseHcl } from '../../parse/hcl/parser.js';
import type { YamlReader } from './data-files.js';

/** Decodes a heredoc of `file` as YAML (`heredocYaml` with the file's text). */
export type HeredocYamlReader = (file: string, template: TemplateExpr, at: Location) => Value;

/** A heredoc decoded: its document, and the YAML comments and mappings in it (inline suppressions, RULES.md: YAML `#`). */
export interface DecodedHeredoc {
  /** The file the heredoc is written in. */
  file: string;
  value: Value;
  comments: readonly { text: string; range: Range }[];
  blocks: readonly Range[];
}

/** By heredoc: its document depends on the file's text only, which its syntax tree was parsed from. */
const decoded = new WeakMap<TemplateExpr, DecodedHeredoc>();

/** The heredoc `template` of `file`, whose text is `text`, decoded as YAML (once per heredoc: every instance of a module reads it alike). */
export function heredocYaml(reader: YamlReader | undefined, text: string | undefined, file: string, template: TemplateExpr, at: Location): DecodedHeredoc {
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
  for (const p of src.parts) {
    if (p.type === 'TemplateIf' || p.type === 'TemplateFor') return unknownDocument(file, at, `${notDecoded}: a template directive (%{ … }) is not evaluated statically`);
    if (p.type === 'TemplateInterpolation') {
      if (p.stripLeft || p.stripRight) return unknownDocument(file, at, `${notDecoded}: an interpolation that strips whitespace (\${~ … ~}) is not evaluated statically`);
      if (p.range.end.line !== p.range.start.line) return unknownDocument(file, at, `${notDecoded}: an interpolation over several lines is not evaluated statically`);
      spans.push([p.range.start.offset + shift, p.range.end.offset + shift]);
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
  const unknownSpans = { spans, reasons, covered: new Set<number>() };
  const value = reader.yamlValue(file, parsed.documents[0]!, { unknownSpans });
  let covered = 0;
  for (const i of unknownSpans.covered) if (text.startsWith('${', spans[i]![0])) covered++;
  if (covered < interpolations) return unknownDocument(file, at, `${notDecoded}: an interpolation outside its values may change its shape`);
  return { file, value, comments: parsed.comments, blocks: parsed.blocks };
}

/** An interpolation as a reason quotes it: a long one cut in its middle. */
function shortened(interpolation: string): string {
  return interpolation.length <= 80 ? interpolation : `${interpolation.slice(0, 60)}…${interpolation.slice(-15)}`;
}
