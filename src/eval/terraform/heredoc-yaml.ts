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
import type { TemplateExpr } from '../../parse/hcl/ast.js';
import { loadedYamlReader } from './data-files.js';

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
export function heredocYaml(text: string | undefined, file: string, template: TemplateExpr, at: Location): DecodedHeredoc {
  let d = decoded.get(template);
  if (!d) {
    d = decodeHeredoc(text, file, template, at);
    decoded.set(template, d);
  }
  return d;
}

/** The start of each reason a heredoc is not decoded (`--verbose`). */
const NOT_DECODED = "the heredoc's YAML is not decoded";

function decodeHeredoc(text: string | undefined, file: string, t: TemplateExpr, at: Location): DecodedHeredoc {
  const unknownDocument = (reason: string): DecodedHeredoc => ({ file, value: unknown(reason, at), comments: [], blocks: [] });
  const reader = loadedYamlReader();
  if (text === undefined || !reader || !t.heredoc) return unknownDocument(`${NOT_DECODED}: the file's text cannot be read`);
  const spans: [number, number][] = [];
  for (const p of t.parts) {
    if (p.type === 'TemplateIf' || p.type === 'TemplateFor') return unknownDocument(`${NOT_DECODED}: a template directive (%{ … }) is not evaluated statically`);
    if (p.type === 'TemplateInterpolation') {
      if (p.stripLeft || p.stripRight) return unknownDocument(`${NOT_DECODED}: an interpolation that strips whitespace (\${~ … ~}) is not evaluated statically`);
      if (p.range.end.line !== p.range.start.line) return unknownDocument(`${NOT_DECODED}: an interpolation over several lines is not evaluated statically`);
      spans.push([p.range.start.offset, p.range.end.offset]);
    }
  }
  // The body: from the line after the opener to the line of the closing marker.
  const start = text.indexOf('\n', t.range.start.offset) + 1;
  const end = text.lastIndexOf('\n', t.range.end.offset - 1) + 1;
  if (start <= 0 || end < start) return unknownDocument(`${NOT_DECODED}: its body cannot be found`);
  let body = text.slice(start, end);
  // The indentation a `<<-` heredoc removes may be tabs, which YAML refuses as indentation: as
  // spaces (the same length: positions stay), YAML reads what Terraform decodes.
  const indent = t.heredoc.indent ?? 0;
  if (indent > 0) body = body.replace(/^[ \t]+/gm, (lead) => ' '.repeat(Math.min(indent, lead.length)) + lead.slice(indent));
  // Escapes outside the interpolations: the text Terraform decodes lacks one character of each.
  for (const m of body.matchAll(/\$\$\{|%%\{/g)) {
    const a = start + m.index;
    if (!spans.some(([s, e]) => a >= s && a < e)) spans.push([a, a + 3]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const reasons = spans.map(([s, e]) => (text.startsWith('${', s) ? `depends on ${shortened(text.slice(s, e))}, interpolated into the heredoc` : `written with the escape ${text.slice(s, e)} in the heredoc`));
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
  const parsed = reader.parseYamlPart(body, start, { line: t.range.start.line + 1, column: 1 });
  const error = parsed.errors[0];
  if (error) return unknownDocument(`${NOT_DECODED}: not valid YAML (${error.message})`);
  // One document, as Terraform's yamldecode and the kubectl provider's yaml_body take.
  if (parsed.documents.length !== 1) return unknownDocument(`${NOT_DECODED}: ${parsed.documents.length === 0 ? 'no' : 'more than one'} YAML document`);
  const unknownSpans = { spans, reasons, covered: new Set<number>() };
  const value = reader.yamlValue(file, parsed.documents[0]!, { unknownSpans });
  if (unknownSpans.covered.size < spans.length) return unknownDocument(`${NOT_DECODED}: an interpolation outside its values may change its shape`);
  return { file, value, comments: parsed.comments, blocks: parsed.blocks };
}

/** An interpolation as a reason quotes it: a long one cut in its middle. */
function shortened(interpolation: string): string {
  return interpolation.length <= 80 ? interpolation : `${interpolation.slice(0, 60)}…${interpolation.slice(-15)}`;
}
